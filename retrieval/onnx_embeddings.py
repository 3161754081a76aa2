"""The same sentence-embedding model run by ONNX Runtime, with vectors that agree with torch's to
a cosine of 0.99999 (tests/test_ranker.py checks > 0.999 on sample texts). This fp32 graph is
about as fast as torch per thread (README, "Benchmark results"); the int8 build below is the
faster one.

Nothing is downloaded. The ONNX graph is exported once from the local weights (the shipped
all-MiniLM-L6-v2, or any local model directory) with `torch.onnx.export` and kept under
`~/.cache/shopassist/onnx/<hash of the weights, config and exporter>/model.onnx`
(`SHOPASSIST_ONNX_CACHE` or `cache_dir=` elsewhere); it is written to a private file and
renamed into place, so concurrent first uses never read half a file. Tokenisation, mean pooling
and L2 normalisation are the torch embedder's (`retrieval.embeddings.TransformersEmbedder`),
and so is the model id: an index built with either runtime is read with the other.

Threads: ONNX Runtime's default (one per core) spins and loses badly when the cores are shared;
`threads=1` is the default here (measured faster on 2 busy cores) and `threads=` overrides it.
The int8 build defaults to every usable core with spin-waiting off instead (see its class).

`OnnxInt8Embedder` (runtime "onnx-int8") runs the same graph with its MatMul weights quantized to
int8, one scale per output channel (`onnxruntime.quantization.quantize_dynamic`; activations are
quantized on the fly). It is made once from the cached fp32 graph and kept beside it as
`model-int8-<hash of the settings and the onnxruntime / onnx versions>.onnx` (same private file
and rename). Its vectors are close to torch's (cosine about 0.99, tests/test_ranker.py checks
> 0.98) but not the same, so its model id is the fp32 one plus "+int8": an index built with it
refuses fp32 vectors and the other way round (retrieval/store.py: `shopassist reset` and ingest
again to switch), and ingest's content hashes, which hold the model id, never take one for the
other. Quantizing needs the `onnx` package; running the quantized file does not.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from .files import written_into_place
from .local_model import MeanPooledEmbedder, default_model_path

log = logging.getLogger(__name__)
EXPORT_VERSION = "1"  # bump when the exported graph changes (inputs, opset, attention implementation)
OPSET = 17
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
INT8_SUFFIX = "+int8"
# The quantization of the "onnx-int8" runtime. Per-channel scales matter: one scale per tensor
# gave vectors at a mean cosine of 0.956 to torch's, per channel 0.992. Only MatMul: quantizing
# Gather (the embedding table) as well was no faster and drifted slightly more.
QUANTIZATION: dict[str, Any] = {"weight_type": "QInt8", "per_channel": True, "op_types_to_quantize": ["MatMul"], "reduce_range": False}
QUANT_VERSION = "1"  # bump when quantize_onnx changes what it writes


def onnx_cache_root() -> Path:
    return Path(os.environ.get("SHOPASSIST_ONNX_CACHE") or Path.home() / ".cache" / "shopassist" / "onnx")


def _model_digest(model_path: str) -> str:
    """Hash of what the graph is made from: the weights, the config and the exporter."""
    import torch

    h = hashlib.sha256(f"{EXPORT_VERSION}|{OPSET}|{torch.__version__}".encode())
    for name in sorted(os.listdir(model_path)):
        full = os.path.join(model_path, name)
        if os.path.isfile(full) and (name.endswith((".json", ".safetensors", ".bin", ".txt"))):
            h.update(name.encode())
            with open(full, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
    return h.hexdigest()[:20]


@contextlib.contextmanager
def _without_onnx_package():
    """torch's TorchScript exporter builds the ONNX protobuf in C++ and only needs the `onnx`
    package to splice custom onnxscript functions into it, which this model has none of. When
    `onnx` is not installed, that step is skipped (the bytes are already a complete model)."""
    try:
        import onnx  # noqa: F401

        yield
        return
    except ImportError:
        pass
    from torch.onnx._internal.torchscript_exporter import onnx_proto_utils

    original = onnx_proto_utils._add_onnxscript_fn
    onnx_proto_utils._add_onnxscript_fn = lambda model_bytes, custom_opsets: model_bytes
    try:
        yield
    finally:
        onnx_proto_utils._add_onnxscript_fn = original


def export_onnx(model_path: str, out: Path) -> Path:
    """Export the encoder of a local transformers model (last hidden state) to `out`."""
    import warnings

    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_path, local_files_only=True)
    # Eager attention traces to plain MatMul/Softmax, which ONNX Runtime fuses; SDPA traces a
    # data-dependent branch.
    model = AutoModel.from_pretrained(model_path, local_files_only=True, attn_implementation="eager").eval()

    class _Encoder(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    sample = tokenizer(["an example product title", "a second, somewhat longer text to trace"], padding=True, return_tensors="pt")
    if "token_type_ids" not in sample:
        sample["token_type_ids"] = torch.zeros_like(sample["input_ids"])
    with written_into_place(out) as tmp, warnings.catch_warnings(), _without_onnx_package(), torch.inference_mode(False), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _Encoder(model), tuple(sample[k] for k in _INPUTS), str(tmp), dynamo=False,
            input_names=list(_INPUTS), output_names=["last_hidden_state"], opset_version=OPSET,
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")},
        )
    return out


def onnx_model_file(model_path: str, cache_dir: Path | None = None) -> Path:
    """The exported graph of `model_path`, exported now if the cache does not hold it yet."""
    root = Path(cache_dir) if cache_dir else onnx_cache_root()
    target = root / _model_digest(model_path) / "model.onnx"
    if not target.is_file():
        log.info("exporting %s to ONNX at %s (once)", model_path, target)
        export_onnx(model_path, target)
    return target


def _quantization_digest() -> str:
    """Hash of how the int8 graph is made from the fp32 one: the settings and the quantizer."""
    import onnxruntime

    try:
        import onnx

        onnx_version = onnx.__version__
    except ImportError:
        onnx_version = "absent"
    spec = f"{QUANT_VERSION}|{sorted(QUANTIZATION.items())}|onnxruntime {onnxruntime.__version__}|onnx {onnx_version}"
    return hashlib.sha256(spec.encode()).hexdigest()[:12]


@contextlib.contextmanager
def _quiet_quantizer():
    """quantize_dynamic logs a root-logger warning advising shape-inference pre-processing (a
    static-quantization concern); it says nothing about this model."""
    root = logging.getLogger()

    def drop(record: logging.LogRecord) -> bool:
        return "pre-processing before quantization" not in record.getMessage()

    root.addFilter(drop)
    try:
        yield
    finally:
        root.removeFilter(drop)


def quantize_onnx(src: Path, out: Path) -> Path:
    """Write the dynamically quantized (int8 MatMul weights, per channel) copy of `src` to `out`."""
    try:
        import onnx  # noqa: F401
    except ImportError:
        raise RuntimeError("the onnx-int8 embedding runtime needs the `onnx` package to quantize the model once: "
                           "pip install 'onnx>=1.16'") from None
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with written_into_place(out) as tmp, _quiet_quantizer():
        quantize_dynamic(str(src), str(tmp), weight_type=QuantType[QUANTIZATION["weight_type"]],
                         per_channel=QUANTIZATION["per_channel"], reduce_range=QUANTIZATION["reduce_range"],
                         op_types_to_quantize=list(QUANTIZATION["op_types_to_quantize"]))
    return out


def int8_model_file(model_path: str, cache_dir: Path | None = None) -> Path:
    """The int8 graph of `model_path`, beside its fp32 graph; both made now if not cached yet."""
    src = onnx_model_file(model_path, cache_dir)
    target = src.with_name(f"model-int8-{_quantization_digest()}.onnx")
    if not target.is_file():
        log.info("quantizing %s to int8 at %s (once)", src, target)
        quantize_onnx(src, target)
    return target


@dataclass
class OnnxEmbedder(MeanPooledEmbedder):
    """`TransformersEmbedder`'s model, tokeniser and pooling, run by ONNX Runtime."""

    runtime: ClassVar[str] = "onnx"
    model_path: str = field(default_factory=default_model_path)
    batch_size: int = 32
    max_length: int = 256
    threads: int | None = None
    cache_dir: Path | None = None
    model_id: str = ""
    dimension: int = 0

    def __post_init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import onnxruntime as ort
        from transformers import AutoConfig, AutoTokenizer

        if not os.path.isdir(self.model_path):
            raise ValueError(f"embedding model directory not found: {self.model_path}")
        self.model_file = self._graph_file()
        self._session = ort.InferenceSession(str(self.model_file), self._options(ort), providers=["CPUExecutionProvider"])
        self._tokenizer = AutoTokenizer.from_pretrained(self.model_path, local_files_only=True)
        self.dimension = int(AutoConfig.from_pretrained(self.model_path, local_files_only=True).hidden_size)
        self._name_model()
        self._lock = threading.Lock()

    def _graph_file(self) -> Path:
        return onnx_model_file(self.model_path, self.cache_dir)

    def _options(self, ort):
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = self.threads or 1
        options.inter_op_num_threads = 1
        return options

    def _hidden(self, batch) -> np.ndarray:
        feed = {name: np.asarray(batch[name], dtype=np.int64) for name in _INPUTS if name in batch}
        if "token_type_ids" not in feed:
            feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
        return self._session.run(None, feed)[0]



def _usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class OnnxInt8Embedder(OnnxEmbedder):
    """`OnnxEmbedder` over the int8 graph: int8 MatMul weights with per-channel scales. Its model
    id is the fp32 one plus "+int8" (its vectors differ slightly, see the module docstring)."""

    runtime: ClassVar[str] = "onnx-int8"

    def _graph_file(self) -> Path:
        return int8_model_file(self.model_path, self.cache_dir)

    def _options(self, ort):
        # Every core this process may use, as torch does, with ONNX Runtime's spin-waiting off.
        # Measured on 2 cores, product texts, batches interleaved with torch's (2 threads):
        # quiet, 1 thread 90 texts/s, 2 threads 168 spinning / 160 not, torch 56-70; with one
        # core busy elsewhere, 1 thread 89, 2 threads 74 spinning / 85 not, torch 26.
        options = super()._options(ort)
        options.intra_op_num_threads = self.threads or _usable_cores()
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return options

    def _name_model(self) -> None:
        super()._name_model()
        if not self.model_id.endswith(INT8_SUFFIX):
            self.model_id += INT8_SUFFIX
