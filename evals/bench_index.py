"""`shopassist bench index`: ingest throughput, search latency and recall on a synthetic catalog
or on the Home Depot catalog.

The synthetic catalog is the demo catalog (examples/demo/products.jsonl) varied deterministically
up to the requested size: new ids, title variants (edition adjectives and model numbers), shuffled
description sentences, colour/price/rating jitter, so that no two embedded texts are the same.
`--catalog home_depot` indexes the 54,667 shared Home Depot titles instead and queries them with
real search terms of its judgments (filtered runs: the product type and colour or material that
ingest derived for the query's best-graded product); its vectors come from the evaluation vector
cache (evals/relevance_index.py) when the relevance suite has filled it, so the run does not
spend half an hour embedding again (ingest then reports its rate without embedding, and with
embedding at the measured raw rate). Raw embedding throughput is measured for the torch, the
ONNX Runtime and the int8-quantized ONNX Runtime builds of the model side by side, batches
interleaved, with each build's vectors compared to torch's (cosine).

    python -m evals.bench_index [--catalog synthetic] [--catalog home_depot] [--items 10000] [--queries 200]
                                [--runtime torch --runtime onnx --runtime onnx-int8] [--no-cached-vectors]

Figures, in one run, always in a fresh temporary home (never the user's index):

1. raw embedding throughput (`embedder.embed` over the texts the index embeds): the limit; per
   runtime, and each runtime's ratio to torch's (target >= 2x) and cosine agreement with torch;
2. ingest throughput of the whole catalog through `ingest_file`, and its ratio to (1);
3. search latency p50/p95 per query, query embedding excluded (vectors are computed first and
   passed as `query_vector=`): dense, BM25, hybrid, filtered hybrid, and an exact numpy baseline;
4. recall@10 of Chroma's dense search against exact search, unfiltered and filtered, and whether
   every filtered search returned min(k, number of matching items) hits.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.settings import Settings, quiet_offline_environment
from evals.paths import DEMO

if TYPE_CHECKING:
    from evals.relevance_index import CachedEmbedder
    from retrieval.embeddings import Embedder, Runtime
    from retrieval.search import Mode

DEMO_PRODUCTS = DEMO / "products.jsonl"

K = 10
SEED = 20240601
RAW_SAMPLE = 2000
RAW_SECONDS = 30.0
INGEST_BATCH = 256  # retrieval.ingest.ingest_file's default batch_size
TARGET_INGEST_RATIO = 0.8
TARGET_HYBRID_P50_MS = 15.0
TARGET_FILTERED_P50_MS = 25.0
TARGET_RECALL = 0.99
TARGET_ONNX_SPEEDUP = 2.0  # a faster runtime (onnx, onnx-int8) over torch, raw embedding
AGREEMENT_TEXTS = 200

EDITIONS = [
    "Pro", "Lite", "Plus", "Max", "Sport", "Classic", "Essential", "Signature", "Ultra", "Eco",
    "Travel", "Limited Edition", "2024 Edition", "Gen 2", "Gen 3", "Mk II", "Studio", "Everyday",
]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_MODEL_LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"


# --- synthetic catalog -----------------------------------------------------------------------


def load_base_products(path: Path = DEMO_PRODUCTS):
    from retrieval.schemas import Product

    if not path.exists():
        raise ValueError(f"demo catalog not found at {path}; it is the seed of the synthetic catalog")
    products = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                products.append(Product.model_validate_json(line))
    if not products:
        raise ValueError(f"{path} holds no products")
    return products


def _replace_word(text: str, old: str, new: str) -> str:
    return re.sub(rf"\b{re.escape(old)}\b", new, text, flags=re.IGNORECASE) if old else text


def synthetic_catalog(base: Sequence, n: int, seed: int = SEED) -> list:
    """`n` distinct products varied from `base`, the same for the same seed."""
    from retrieval.documents import product_text

    rng = random.Random(seed)
    colours_by_leaf: dict[str, list[str]] = {}
    for p in base:
        if p.color:
            colours_by_leaf.setdefault(p.category[-1] if p.category else "", []).append(p.color)
    texts: set[str] = set()
    out: list = []
    i = 0
    while len(out) < n:
        src = base[i % len(base)]
        i += 1
        model = f"{rng.choice(_MODEL_LETTERS)}{rng.choice(_MODEL_LETTERS)}-{rng.randint(100, 9999)}"
        edition = rng.choice(EDITIONS)
        title = f"{src.title} {edition} {model}" if rng.random() < 0.7 else f"{src.title} {model}"
        sentences = _SENTENCE.split(src.description) if src.description else []
        rng.shuffle(sentences)
        description = " ".join(sentences)
        color = src.color
        pool = colours_by_leaf.get(src.category[-1] if src.category else "", [])
        if pool and rng.random() < 0.6:
            new_color = rng.choice(pool)
            title = _replace_word(title, color or "", new_color)
            description = _replace_word(description, color or "", new_color)
            color = new_color
        price = None
        if src.price is not None:
            price = max(0.99, round(src.price * rng.uniform(0.7, 1.35)) - 0.01)
        rating = None if src.rating is None else round(min(5.0, max(1.0, src.rating + rng.uniform(-0.5, 0.5))), 1)
        pid = f"SYN-{len(out):06d}"
        product = src.model_copy(
            update={
                "id": pid,
                "title": title,
                "description": description,
                "color": color,
                "price": price,
                "rating": rating,
                "rating_count": None if src.rating_count is None else max(0, int(src.rating_count * rng.uniform(0.3, 3))),
                "in_stock": rng.random() < 0.9,
                "image_url": f"https://bench.shopassist.invalid/img/{pid}.jpg",
                "url": f"https://bench.shopassist.invalid/p/{pid}",
            }
        )
        text = product_text(product)
        if text in texts:  # astronomically rare with model numbers; never index an exact duplicate
            continue
        texts.add(text)
        out.append(product)
    return out


@dataclass
class Query:
    text: str
    filters: Any  # SearchFilters for the filtered runs


def make_queries(products: Sequence, n: int, seed: int = SEED + 1) -> list[Query]:
    """Shopper-like queries from titles/categories/brands/colours, each with a hard filter
    (max price plus the category or the brand) for the filtered runs."""
    from retrieval.schemas import SearchFilters

    rng = random.Random(seed)
    out = []
    for _ in range(n):
        p = rng.choice(products)
        leaf = (p.category[-1] if p.category else "item").lower()
        template = rng.randrange(4)
        if template == 0 and p.color:
            text = f"{p.color.lower()} {leaf}"
        elif template == 1 and p.brand:
            text = f"{p.brand} {leaf}"
        elif template == 2:
            words = [w for w in p.title.split() if not p.brand or w.lower() not in p.brand.lower()]
            text = " ".join(words[:4]).lower()
        else:
            text = f"{leaf} {rng.choice(['for beginners', 'on sale', 'gift idea', 'lightweight', 'best rated', 'cheap'])}"
        max_price = float(round((p.price or 100.0) * rng.uniform(0.6, 1.4)))
        if template == 1 and p.brand:
            filters = SearchFilters(kind="product", max_price=max_price, brands=[p.brand])
        else:
            filters = SearchFilters(kind="product", max_price=max_price, categories=[p.category[-1]] if p.category else [])
        out.append(Query(text, filters))
    return out


# --- measuring helpers ------------------------------------------------------------------------


class TimedEmbedder:
    """Wraps the embedder to count the time ingest spends embedding."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dimension = inner.dimension
        self.seconds = 0.0
        self.texts = 0

    def embed(self, texts):
        started = time.perf_counter()
        try:
            return self.inner.embed(texts)
        finally:
            self.seconds += time.perf_counter() - started
            self.texts += len(texts)


def _timed_method(obj: Any, name: str, bucket: dict[str, float]) -> None:
    original = getattr(obj, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            bucket[name] = bucket.get(name, 0.0) + time.perf_counter() - started

    setattr(obj, name, wrapper)


@dataclass
class Latency:
    label: str
    ms: list[float] = field(default_factory=list)

    def pct(self, q: float) -> float:
        return float(np.percentile(self.ms, q)) if self.ms else float("nan")

    @property
    def p50(self) -> float:
        return self.pct(50)

    @property
    def p95(self) -> float:
        return self.pct(95)


def time_calls(label: str, fn: Callable[[int], Any], count: int, warmup: int = 3) -> tuple[Latency, list[Any]]:
    for i in range(min(warmup, count)):
        fn(i)
    lat = Latency(label)
    results = []
    for i in range(count):
        started = time.perf_counter()
        results.append(fn(i))
        lat.ms.append((time.perf_counter() - started) * 1000.0)
    return lat, results


def recall(found: Sequence[str], exact: Sequence[str]) -> float:
    """Share of the exact top results that were found (1.0 when there is nothing to find)."""
    if not exact:
        return 1.0
    return len(set(found) & set(exact)) / len(exact)


def exact_top(matrix: np.ndarray, vector: np.ndarray, k: int, mask: np.ndarray | None = None) -> np.ndarray:
    """Row positions of the k most similar rows (inside the mask), best first."""
    sims = matrix @ vector
    if mask is not None:
        sims = np.where(mask, sims, -np.inf)
        k = min(k, int(mask.sum()))
    k = min(k, sims.shape[0])
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    top = np.argpartition(-sims, k - 1)[:k]
    return top[np.argsort(-sims[top], kind="stable")]


# --- the benchmark ---------------------------------------------------------------------------


def home_depot_catalog(settings: Settings) -> tuple[list, list]:
    """The Home Depot catalog (54,667 titles) and its judged search terms, from the shared data."""
    from evals.data_sets.relevance import shared_root, shared_set

    jset, why = shared_set("home_depot", shared_root(settings))
    if jset is None:
        raise ValueError(why)
    return jset.products, jset.queries


def home_depot_queries(judged: Sequence, metas_by_id: dict[str, dict], n: int) -> list[Query]:
    """Real search terms, spread over the set; the filtered runs filter on the product type and
    the colour (else the material) that ingest derived for the query's best-graded product."""
    from retrieval.schemas import SearchFilters

    out = []
    usable = [q for q in judged if metas_by_id.get(max(q.grades, key=lambda i: (q.grades[i], i)), {}).get("type")]
    for i in range(min(n, len(usable))):
        q = usable[i * len(usable) // min(n, len(usable))]
        meta = metas_by_id[max(q.grades, key=lambda i: (q.grades[i], i))]
        f = {"types": [meta["type"]]}
        if meta.get("color"):
            f["colors"] = [meta["color"]]
        elif meta.get("materials"):
            f["materials"] = [meta["materials"][0]]
        out.append(Query(q.text, SearchFilters(kind="product", **f)))
    return out


def raw_throughput(embedders: dict[str, Any], texts: Sequence[str], seconds: float = RAW_SECONDS) -> dict[str, float]:
    """Texts/s of each embedder on the same texts, batches interleaved (so a change in the
    machine's load hits every runtime alike), ingest's call size, within about `seconds` each."""
    for e in embedders.values():
        e.embed(list(texts[:32]))  # warm-up (lazy init, allocator)
    spent = {name: 0.0 for name in embedders}
    done = 0
    while done < len(texts) and (done == 0 or max(spent.values()) < seconds):
        batch = list(texts[done : done + INGEST_BATCH])
        for name, e in embedders.items():
            started = time.perf_counter()
            e.embed(batch)
            spent[name] += time.perf_counter() - started
        done += len(batch)
    return {name: done / spent[name] for name in embedders} | {"texts": done}


def run_benchmark(settings: Settings, items: int = 10000, queries: int = 200, catalog: str = "synthetic",
                  runtimes: Sequence[Runtime] = ("torch", "onnx", "onnx-int8"), cached_vectors: bool | None = None) -> int:
    """`catalog`: "synthetic" (`items` products varied from the demo shop) or "home_depot" (the
    54,667 shared titles, real search terms as queries). `runtimes`: the embedding runtimes whose
    raw throughput is measured side by side; the first of them, or the settings' runtime when
    listed, embeds the ingest. `cached_vectors` (default: on for home_depot): ingest reads
    vectors from the evaluation vector cache (evals/relevance_index.py) and embeds only what is
    missing; its items/s then leave out embedding, and the figure with embedding at the raw
    rate is printed beside it."""
    quiet_offline_environment()
    from retrieval.documents import product_text
    from retrieval.embeddings import make_embedder
    from retrieval.filters import matches
    from retrieval.ingest import ingest_file
    from retrieval.schemas import SearchFilters
    from retrieval.search import HybridSearcher
    from retrieval.store import HNSW, IndexLocation, ShopIndex

    if items < 1 or queries < 1:
        raise ValueError("--items and --queries must be at least 1")
    if catalog not in ("synthetic", "home_depot"):
        raise ValueError(f"--catalog must be synthetic or home_depot, not {catalog!r}")
    cached_vectors = catalog == "home_depot" if cached_vectors is None else cached_vectors
    overall = time.perf_counter()

    started = time.perf_counter()
    judged: list = []
    if catalog == "home_depot":
        catalog_items, judged = home_depot_catalog(settings)
        texts = [product_text(p) for p in catalog_items]
        items = len(catalog_items)
        print(f"shopassist index benchmark: Home Depot catalog, {items:,} items, {queries} real search terms, k={K}")
        print(f"  catalog: {items:,} titles ({np.mean([len(t) for t in texts]):.0f} chars avg) read in {time.perf_counter() - started:.1f}s")
    else:
        print(f"shopassist index benchmark: {items:,} items, {queries} queries, k={K}")
        base = load_base_products()
        catalog_items = synthetic_catalog(base, items)
        texts = [product_text(p) for p in catalog_items]
        print(f"  catalog: {len(catalog_items):,} products varied from {len(base)} demo products "
              f"({len(set(texts)):,} distinct texts, {np.mean([len(t) for t in texts]):.0f} chars avg) "
              f"in {time.perf_counter() - started:.1f}s")

    runtimes = list(dict.fromkeys(runtimes))
    embedders: dict[str, Embedder] = {rt: make_embedder(settings.embedding_model, batch_size=settings.embedding_batch_size, runtime=rt) for rt in runtimes}
    ingest_runtime = settings.embedding_runtime if settings.embedding_runtime in embedders else runtimes[0]
    embedder = embedders[ingest_runtime]
    print(f"  embedder: {embedder.model_id} (dim {embedder.dimension}, batch {settings.embedding_batch_size}), runtimes "
          f"{', '.join(runtimes)}; ingest with {ingest_runtime}{' (vectors from the eval cache)' if cached_vectors else ''}; "
          f"Chroma HNSW {HNSW}")
    if settings.home != Path(".shopassist"):
        print(f"  note: --home {settings.home} is not used; the benchmark always builds a temporary index")

    # 1. Raw embedding throughput, every runtime on the same texts: the ceiling for ingest.
    rng = random.Random(SEED + 2)
    sample = rng.sample(texts, min(RAW_SAMPLE, len(texts)))
    rates = raw_throughput(embedders, sample)
    done = int(rates.pop("texts"))
    raw_rate = rates[ingest_runtime]
    reference = "torch" if "torch" in rates else runtimes[0]
    speedups = {rt: rates[rt] / rates[reference] for rt in rates if rt != reference}
    print(f"\n[1] raw embedding, {done:,} texts each, batches interleaved: "
          + ", ".join(f"{rt} {rate:,.0f} texts/s" for rt, rate in rates.items())
          + "".join(f"; {rt} / {reference} = {x:.2f}x" for rt, x in speedups.items()))
    agreement: dict[str, tuple[float, float]] = {}
    if len(embedders) > 1:
        ref = embedders[reference].embed(sample[:AGREEMENT_TEXTS])
        for rt, e in embedders.items():
            if rt != reference:
                cos = (ref * e.embed(sample[:AGREEMENT_TEXTS])).sum(1)
                agreement[rt] = (float(cos.min()), float(cos.mean()))
                print(f"    agreement {rt} vs {reference} on {len(cos)} texts: cosine min {agreement[rt][0]:.6f}, "
                      f"mean {agreement[rt][1]:.6f}")
    for rt, e in embedders.items():
        if rt != ingest_runtime:
            del e
    embedders = {ingest_runtime: embedder}
    cache: CachedEmbedder | None = None  # the eval vector cache in front of the embedder, when used
    if cached_vectors:
        from evals.relevance_index import cached_embedder

        embedder = cache = cached_embedder(embedder, settings)

    with tempfile.TemporaryDirectory(prefix="shopassist-bench-", ignore_cleanup_errors=True) as tmp:
        tmp_path = Path(tmp)
        catalog_file = tmp_path / "catalog.jsonl"
        with catalog_file.open("w", encoding="utf-8") as fh:
            for p in catalog_items:
                fh.write(json.dumps(p.model_dump(mode="json"), ensure_ascii=False) + "\n")

        # 2. Ingest throughput.
        cached_before = None if cache is None else cache.embedded
        timed = TimedEmbedder(embedder)
        index = ShopIndex(IndexLocation(home=tmp_path / "home", collection="bench"), timed)
        buckets: dict[str, float] = {}
        _timed_method(index, "upsert", buckets)
        _timed_method(index, "rebuild_lexical", buckets)
        _timed_method(index, "stored_hashes", buckets)
        started = time.perf_counter()
        report = ingest_file(index, catalog_file, "product", batch_size=INGEST_BATCH, progress=False)
        ingest_seconds = time.perf_counter() - started
        ingest_rate = report.added / ingest_seconds if ingest_seconds else float("nan")
        ratio = ingest_rate / raw_rate
        other = ingest_seconds - timed.seconds - sum(buckets.values())
        print(f"[2] ingest: {report.summary()}")
        print(f"    {report.added:,} items in {ingest_seconds:.1f}s = {ingest_rate:,.0f} items/s "
              f"= {ratio:.2f}x raw embedding")
        projected = None
        if cache is not None and cached_before is not None:
            fresh = cache.embedded - cached_before
            rest = ingest_seconds - timed.seconds
            projected = report.added / (rest + report.added / raw_rate)
            print(f"    vectors from the eval cache: {report.added - fresh:,} of {report.added:,} read, {fresh:,} embedded; "
                  f"ingest without embedding {report.added / max(rest, 1e-9):,.0f} items/s; with every item embedded at "
                  f"the raw rate: {projected:,.0f} items/s = {projected / raw_rate:.2f}x raw embedding")
            ratio = projected / raw_rate
        print(f"    embedding is {timed.seconds / ingest_seconds:.0%} of ingest time (a load-independent view of the overhead)")
        inner_rate = timed.texts / max(timed.seconds, 1e-9)
        if cached_before is None and abs(inner_rate / raw_rate - 1) > 0.2:
            print(f"    warning: embedding ran at {inner_rate:,.0f} texts/s inside ingest vs {raw_rate:,.0f} in [1]: "
                  f"the machine's load changed, so the ratio above is unreliable; trust the embedding share")
        print(f"    breakdown: embedding {timed.seconds:.1f}s ({timed.texts / max(timed.seconds, 1e-9):,.0f} texts/s), "
              f"Chroma upsert {buckets.get('upsert', 0):.1f}s, BM25 rebuild {buckets.get('rebuild_lexical', 0):.1f}s, "
              f"hash lookup {buckets.get('stored_hashes', 0):.1f}s, parse/other {other:.1f}s")
        index.embedder = embedders[ingest_runtime]

        # Exact-search reference: every product vector and its metadata, straight from Chroma.
        ids: list[str] = []
        metas: list[dict] = []
        vectors: list = []
        for batch in index.iter_records(where={"kind": "product"}, include=["embeddings", "metadatas"]):
            ids.extend(m["item_id"] for m in batch["metadatas"])
            metas.extend(batch["metadatas"])
            vectors.extend(batch["embeddings"])
        matrix = np.asarray(vectors, dtype=np.float32)
        id_array = np.asarray(ids, dtype=object)

        if judged:
            qs = home_depot_queries(judged, {m["item_id"]: m for m in metas}, queries)
        else:
            qs = make_queries(catalog_items, queries)
        started = time.perf_counter()
        qvecs = embedders[ingest_runtime].embed([q.text for q in qs])
        print(f"\n[3] {len(qs)} queries embedded in {(time.perf_counter() - started) * 1000:.0f} ms "
              f"(excluded from the latencies below); e.g. {', '.join(repr(q.text) for q in qs[:4])}")

        searcher = HybridSearcher(index, candidates=settings.search_candidates, fusion=settings.search_fusion,
                                  dense_weight=settings.search_dense_weight)
        product_only = SearchFilters(kind="product")

        def search(mode: Mode, filtered: bool) -> Callable[[int], list[str]]:
            def run(i: int) -> list[str]:
                hits = searcher.search(qs[i].text, k=K, filters=qs[i].filters if filtered else product_only,
                                       mode=mode, query_vector=qvecs[i])
                return [h.id for h in hits]

            return run

        n = len(qs)
        lat_dense, dense_ids = time_calls("dense", search("dense", False), n)
        lat_lex, _ = time_calls("BM25", search("lexical", False), n)
        lat_hybrid, _ = time_calls("hybrid", search("hybrid", False), n)
        lat_fhybrid, fhybrid_ids = time_calls("filtered hybrid", search("hybrid", True), n)
        lat_fdense, fdense_ids = time_calls("filtered dense", search("dense", True), n)

        def raw_query(i: int) -> list[str]:
            found = []
            for rid, _, m in index.dense_query(qvecs[i], K, None):
                if m is None:  # dense_query returns metadata unless with_metadata=False
                    raise RuntimeError(f"Chroma returned no metadata for {rid}")
                found.append(m["item_id"])
            return found

        lat_raw, raw_ids = time_calls("Chroma query alone (n=10, no where)", raw_query, n)
        lat_raw_kind, _ = time_calls(
            "Chroma query alone (n=10, where kind)",
            lambda i: index.collection.query(query_embeddings=[qvecs[i]], n_results=K, where={"kind": "product"},
                                             include=["distances"]), n)
        lat_exact, exact_pos = time_calls("exact numpy", lambda i: exact_top(matrix, qvecs[i], K), n)

        # 5. Recall against exact search.
        exact_ids = [list(id_array[pos]) for pos in exact_pos]
        dense_recall = float(np.mean([recall(f, e) for f, e in zip(dense_ids, exact_ids)]))
        raw_recall = float(np.mean([recall(f, e) for f, e in zip(raw_ids, exact_ids)]))
        f_recalls, f_short, f_hybrid_short, f_sizes = [], [], [], []
        for i, q in enumerate(qs):
            mask = np.fromiter((matches(q.filters, m) for m in metas), dtype=bool, count=len(metas))
            allowed = int(mask.sum())
            f_sizes.append(allowed)
            expected = list(id_array[exact_top(matrix, qvecs[i], K, mask)])
            f_recalls.append(recall(fdense_ids[i], expected))
            if len(fdense_ids[i]) != min(K, allowed):
                f_short.append((i, len(fdense_ids[i]), min(K, allowed)))
            if len(fhybrid_ids[i]) != min(K, allowed):
                f_hybrid_short.append((i, len(fhybrid_ids[i]), min(K, allowed)))
        filtered_recall = float(np.mean(f_recalls))
        worst = sorted(range(n), key=lambda i: f_recalls[i])[:3]

        print(f"[4] latency per query, ms (query embedding excluded), over {n} queries:")
        print(f"    {'search':<38}{'p50':>8}{'p95':>8}{'mean':>8}")
        for lat in (lat_dense, lat_lex, lat_hybrid, lat_fhybrid, lat_fdense, lat_raw, lat_raw_kind, lat_exact):
            print(f"    {lat.label:<38}{lat.p50:>8.2f}{lat.p95:>8.2f}{np.mean(lat.ms):>8.2f}")
        print(f"[5] recall@{K} vs exact numpy search:")
        print(f"    dense (searcher, kind=product):      {dense_recall:.4f}  "
              f"({sum(recall(f, e) < 1 for f, e in zip(dense_ids, exact_ids))} queries below 1.0)")
        print(f"    Chroma query alone (n=10, no where): {raw_recall:.4f}")
        print(f"    filtered dense (max price + category/brand): {filtered_recall:.4f}  "
              f"(matching items per filter: min {min(f_sizes)}, median {int(np.median(f_sizes))}, max {max(f_sizes)}; "
              f"{sum(s < K for s in f_sizes)} filters match fewer than {K})")
        if filtered_recall < 1:
            for i in worst:
                if f_recalls[i] < 1:
                    print(f"      worst: {qs[i].text!r} {qs[i].filters.model_dump(exclude_defaults=True)} "
                          f"-> recall {f_recalls[i]:.2f}, {f_sizes[i]} matching")
        all_full = not f_short and not f_hybrid_short
        print(f"    every filtered search returned min(k, matching) hits: {'yes' if all_full else 'NO'}"
              + ("" if all_full else f" (dense short: {len(f_short)}, e.g. {f_short[:3]}; "
                 f"hybrid short: {len(f_hybrid_short)}, e.g. {f_hybrid_short[:3]})"))

    rows = [
        ("ingest / raw embedding", f">= {TARGET_INGEST_RATIO:.2f}x", f"{ratio:.2f}x", ratio >= TARGET_INGEST_RATIO),
        ("hybrid search p50", f"<= {TARGET_HYBRID_P50_MS:.0f} ms", f"{lat_hybrid.p50:.2f} ms", lat_hybrid.p50 <= TARGET_HYBRID_P50_MS),
        ("filtered hybrid p50", f"<= {TARGET_FILTERED_P50_MS:.0f} ms", f"{lat_fhybrid.p50:.2f} ms", lat_fhybrid.p50 <= TARGET_FILTERED_P50_MS),
        (f"dense recall@{K}", f">= {TARGET_RECALL}", f"{dense_recall:.4f}", dense_recall >= TARGET_RECALL),
        (f"filtered dense recall@{K}", f">= {TARGET_RECALL}", f"{filtered_recall:.4f}", filtered_recall >= TARGET_RECALL),
        ("filtered hits = min(k, matching)", "all", "all" if all_full else "not all", all_full),
    ]
    for rt, speedup in speedups.items():
        rows.append((f"{rt} / {reference} raw embedding", f">= {TARGET_ONNX_SPEEDUP:.0f}x", f"{speedup:.2f}x", speedup >= TARGET_ONNX_SPEEDUP))
    print(f"\nsummary ({items:,} items, {n} queries, total {time.perf_counter() - overall:.0f}s)")
    print(f"  {'figure':<34}{'target':>12}{'measured':>14}  result")
    for name, target, value, ok in rows:
        print(f"  {name:<34}{target:>12}{value:>14}  {'PASS' if ok else 'FAIL'}")
    print(f"  (raw embedding {', '.join(f'{rt} {r:,.0f}' for rt, r in rates.items())} texts/s"
          + "".join(f", {rt} vectors at cosine {m:.4f} mean / {lo:.4f} min to {reference}'s" for rt, (lo, m) in agreement.items())
          + f", ingest {ingest_rate:,.0f} items/s"
          f"{'' if projected is None else f' without embedding, {projected:,.0f} with it'}; "
          f"p50/p95 ms: dense {lat_dense.p50:.1f}/{lat_dense.p95:.1f}, BM25 {lat_lex.p50:.1f}/{lat_lex.p95:.1f}, "
          f"hybrid {lat_hybrid.p50:.1f}/{lat_hybrid.p95:.1f}, filtered hybrid {lat_fhybrid.p50:.1f}/{lat_fhybrid.p95:.1f}, "
          f"exact numpy {lat_exact.p50:.2f}/{lat_exact.p95:.2f})")
    return 0


def main(argv: list[str] | None = None) -> int:
    import argparse

    from retrieval.embeddings import RUNTIMES

    parser = argparse.ArgumentParser(prog="python -m evals.bench_index", description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalog", action="append", choices=("synthetic", "home_depot"), help="repeatable (default: synthetic)")
    parser.add_argument("--items", type=int, default=10000, help="synthetic catalog size")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--runtime", action="append", choices=RUNTIMES, help="runtimes to measure, repeatable (default: all three)")
    parser.add_argument("--cached-vectors", dest="cached", action="store_true", default=None,
                        help="ingest reads vectors from the eval cache (default for home_depot)")
    parser.add_argument("--no-cached-vectors", dest="cached", action="store_false")
    args = parser.parse_args(argv)
    return max(run_benchmark(Settings(), items=args.items, queries=args.queries, catalog=c,
                             runtimes=tuple(args.runtime or RUNTIMES), cached_vectors=args.cached)
               for c in dict.fromkeys(args.catalog or ["synthetic"]))


if __name__ == "__main__":
    raise SystemExit(main())
