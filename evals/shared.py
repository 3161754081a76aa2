"""Loaders for the shared real data sets (`../shared/data`, or $SHOPASSIST_SHARED_DATA), so that
`shopassist eval run` scores them next to the demo shop. Every loader returns `(data, why)`:
`data` is None when the set is absent or malformed and `why` is then one line saying what is
missing (the eval run records it as a note and goes on); otherwise `why` says what was loaded.

File layout and formats (file names may differ between copies; see `evals.datasets.find_data_file`):

faq/bitext/<name containing "qa">.csv
    Bitext customer-support Q/A rows: columns flags, instruction, category, intent, response.
    Parsed with examples/mappings/bitext_faq.toml: the rows of one intent become one FAQ entry
    whose id is the intent.
faq/bitext/utterances*.csv
    Labelled phrasings (~8k in the real set): a text column (instruction, utterance, text or
    question) and a label column (intent or label) naming the entry. They are the questions;
    `limit` takes a seeded sample stratified by label (the fast path), the full run takes all.
faq/ecommerce*/<file>.json
    `{"questions": [{"question": ..., "answer": ...}, ...]}`, parsed with
    examples/mappings/ecommerce_faq.toml (id = hash of the question). It has no held-out
    phrasings, so each entry's own question is the lookup ("exact question" check: it measures
    that lookup returns the entry whose wording was asked, not paraphrase robustness).
catalog/flipkart*/<file>.csv, catalog/amazon_in*/<file>.csv
    The Flipkart and Amazon.in product exports, parsed with examples/mappings/flipkart.toml and
    amazon_in.toml. A seeded sample of at most `max_products` products is indexed (see
    `sample_catalog`); the labelled queries come from `evals/data/retrieval_<name>.jsonl` when
    stored (`python -m evals.gen_retrieval --shared <name>`), else are generated in the run.
    That file's first line is `{"sample": {...}}` (catalog file, procedure, seed, sampled ids),
    the other lines are queries as in retrieval_demo.jsonl.
dialogues/mg_shopdial*/<file>.json
    MG-ShopDial (Bernard & Balog, SIGIR 2023; github.com/iai-group/MG-ShopDial,
    MGShopDial/MGShopDial.json and its data card MGShopDial/README.md). Assumed format: a JSON
    list of dialogues, each
        {"id": "Books:45:109:118", "metadata": {...},
         "utterances": [{"utterance_id": 1, "participant": "Client" | "Wizard",
                         "utterance": "...", "goal": "search" | "recommendation" | "qa" | "meta",
                         "intents": [["greeting", 4.0], ["interaction", 3.0]]}, ...]}
    `intents` pairs an intent with the number of annotators (of 5) who chose it; intents seen:
    greeting, interaction, elicit, disclose, clarify, answer, recommend, explain, o_question
    (open question), pf / nf (positive / negative feedback). The data card calls the shop side
    "Assistant" where the file says "Wizard". Tolerated variations: a dict holding the list under
    "dialogues" / "conversations" / "data"; "turns" / "messages" for "utterances"; "speaker" /
    "role" for "participant"; "text" for "utterance"; intents as plain strings or
    {"intent", "count"} objects.
    Only Client (shopper) utterances are replayed; each gets a label and the routes of our agent
    (`assistant.agent.TurnResult.intent`) that count as sane for it, see ROUTES_BY_LABEL.
"""

from __future__ import annotations

import csv
import json
import math
import random
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence, TypeVar

from evals.context import DATA, Context, log
from evals.datasets import REPO, find_data_file, shared_data_dir

T = TypeVar("T")
MAPPINGS = REPO / "examples" / "mappings"
CATALOGS = ("flipkart", "amazon_in")
SEED = 13
MAX_PRODUCTS = 3000
MAX_CATEGORIES = 15  # the query generator's categories: the largest leaf categories

TEXT_COLUMNS = ("instruction", "utterance", "text", "question")
LABEL_COLUMNS = ("intent", "label")
QA_COLUMNS = ("instruction", "intent", "response")


class EvalDataError(ValueError):
    """The evaluation data is missing or not in the expected shape."""


def _root(root: Path | None) -> Path:
    return Path(root) if root is not None else shared_data_dir()


def _absent(root: Path) -> str | None:
    return None if root.is_dir() else f"shared data not found at {root} (set SHOPASSIST_SHARED_DATA)"


def _locate(root: Path, name: str, folder: str, suffix: str) -> tuple[Path | None, str]:
    """The data file of a set under root/folder*, or (None, why it is missing)."""
    if why := _absent(root):
        return None, f"{name}: {why}"
    path = find_data_file(root, folder, suffixes=(suffix,))
    if path is None:
        return None, f"{name}: no {suffix} file under {root / folder}*"
    return path, ""


# --- sampling -----------------------------------------------------------------------------------


def stratified_sample(items: Sequence[T], label: Callable[[T], str], n: int, seed: int = SEED) -> list[T]:
    """A seeded sample of n items with every label's share kept (largest remainder; each label
    gets at least one item while n allows), in the items' original order."""
    if n >= len(items):
        return list(items)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[label(item)].append(i)
    exact = {g: n * len(ix) / len(items) for g, ix in groups.items()}
    quota = {g: min(len(groups[g]), max(1 if n >= len(groups) else 0, math.floor(x))) for g, x in exact.items()}
    for g in sorted(groups, key=lambda g: (-(exact[g] - math.floor(exact[g])), g)):
        if sum(quota.values()) >= n:
            break
        if quota[g] < len(groups[g]):
            quota[g] += 1
    while sum(quota.values()) > n:  # the "at least one" floors overshot: trim the largest quotas
        quota[max(quota, key=lambda g: (quota[g], g))] -= 1
    rng = random.Random(seed)
    keep = {i for g in sorted(groups) for i in rng.sample(groups[g], quota[g])}
    return [item for i, item in enumerate(items) if i in keep]


# --- FAQ sets -----------------------------------------------------------------------------------


@dataclass
class FaqSet:
    """A shared FAQ file parsed with its mapping, and labelled questions for it."""

    name: str
    path: Path
    entries: list[Any]  # retrieval.schemas.FaqEntry
    rows: list[dict]  # {"id", "question", "expected"} like evals/data/faq_demo.jsonl
    rejected: int = 0


def csv_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [h.strip() for h in next(csv.reader(fh), [])]


def pick_column(header: Sequence[str], candidates: Sequence[str], what: str, path: Path) -> str:
    lowered = {h.lower(): h for h in header}
    for name in candidates:
        if name in lowered:
            return lowered[name]
    raise EvalDataError(f"{path}: no {what} column (looked for {', '.join(candidates)}; found {', '.join(header) or 'none'})")


def bitext_files(data_dir: Path) -> tuple[Path, Path]:
    """The Q/A csv and the utterances csv under data_dir/faq/bitext (or anywhere below data_dir)."""
    folder = data_dir / "faq" / "bitext"
    roots = [folder] if folder.is_dir() else []
    roots.append(data_dir)

    def find(pattern_ok, what: str) -> Path:
        for root in roots:
            found = sorted(p for p in (root.glob("*.csv") if root == folder else root.rglob("*.csv")) if pattern_ok(p.name.lower()))
            if found:
                return found[0]
        raise EvalDataError(f"no {what} csv found under {folder if folder.is_dir() else data_dir}")

    utterances = find(lambda n: n.startswith("utterance"), "utterances (utterances*.csv)")
    qa = find(lambda n: "qa" in n and not n.startswith("utterance"), "Q/A (a name containing 'qa', e.g. qa_4k5.csv)")
    return qa, utterances


def check_qa_columns(path: Path) -> None:
    missing = [c for c in QA_COLUMNS if c not in {h.lower() for h in csv_header(path)}]
    if missing:
        raise EvalDataError(f"{path}: missing column(s) {', '.join(missing)} needed by the Bitext mapping")


def load_utterances(path: Path, limit: int | None = None, seed: int = SEED) -> tuple[list[str], list[str]]:
    """Labelled phrasings (texts, labels); `limit`: a seeded sample stratified by label."""
    header = csv_header(path)
    text_col = pick_column(header, TEXT_COLUMNS, "text", path)
    label_col = pick_column(header, LABEL_COLUMNS, "label", path)
    pairs: list[tuple[str, str]] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            row = {(k or "").strip(): v for k, v in row.items()}
            text, label = (row.get(text_col) or "").strip(), (row.get(label_col) or "").strip()
            if text and label:
                pairs.append((text, label))
    if not pairs:
        raise EvalDataError(f"{path}: no labelled phrasings ({text_col!r} and {label_col!r} both non-empty)")
    if limit is not None:
        pairs = stratified_sample(pairs, lambda p: p[1], limit, seed)
    return [t for t, _ in pairs], [y for _, y in pairs]


def _parse(path: Path, kind: str, mapping_name: str):
    """parse_file with the shipped mapping; raises EvalDataError when nothing valid is left."""
    from retrieval.ingest import parse_file
    from retrieval.mapping import Mapping

    try:
        parsed = parse_file(path, kind, Mapping.load(MAPPINGS / mapping_name))  # type: ignore[arg-type]
    except (OSError, ValueError, UnicodeError, csv.Error) as exc:
        raise EvalDataError(f"{path}: cannot be read with {mapping_name}: {str(exc).splitlines()[0][:200]}") from None
    if not parsed.items:
        first = f"; first: line {parsed.rejects[0].line}: {parsed.rejects[0].reason}" if parsed.rejects else ""
        raise EvalDataError(f"{path}: no valid {kind} rows with {mapping_name} ({len(parsed.rejects)} rejected{first})")
    if kind == "product":
        # What `shopassist ingest` reads from titles, judged against the whole catalog before any
        # sample is drawn (a sample's vocabulary is thinner than the shop's).
        from retrieval.attributes import derive_attributes

        mapping = Mapping.load(MAPPINGS / mapping_name)
        guessed = {name for name, rule in mapping.fields.items() if rule.transform == "first_word"}
        derived, _ = derive_attributes([item for _, item in parsed.items], (), guessed)
        parsed.items = [(line, item) for (line, _), item in zip(parsed.items, derived)]
    return parsed


def bitext_faq_set(root: Path | None = None, limit: int | None = None, seed: int = SEED) -> tuple[FaqSet | None, str]:
    """Bitext Q/A as FAQ entries; the utterances file's labelled phrasings as questions."""
    root = _root(root)
    if why := _absent(root):
        return None, f"bitext: {why}"
    try:
        qa, utterances = bitext_files(root)
        check_qa_columns(qa)
        texts, labels = load_utterances(utterances, limit, seed)
        parsed = _parse(qa, "faq", "bitext_faq.toml")
    except EvalDataError as exc:
        return None, f"bitext: {exc}"
    rows = [{"id": f"bitext-{i:05d}", "question": t, "expected": y} for i, (t, y) in enumerate(zip(texts, labels))]
    entries = [e for _, e in parsed.items]
    unknown = sum(y not in {e.id for e in entries} for y in labels)
    why = (f"bitext: {len(entries)} entries from {qa.name}, {len(rows)} labelled phrasings from {utterances.name}"
           + (f" (stratified sample, --limit {limit})" if limit is not None else "")
           + (f"; {unknown} labelled with intents that have no entry (count as wrong)" if unknown else ""))
    return FaqSet("bitext", qa, entries, rows, len(parsed.rejects)), why


def ecommerce_faq_set(root: Path | None = None) -> tuple[FaqSet | None, str]:
    """The e-commerce FAQ; each entry's own question is its lookup ("exact question" check)."""
    path, why = _locate(_root(root), "ecommerce_faq", "faq/ecommerce", ".json")
    if path is None:
        return None, why
    try:
        parsed = _parse(path, "faq", "ecommerce_faq.toml")
    except EvalDataError as exc:
        return None, f"ecommerce_faq: {exc}"
    entries = [e for _, e in parsed.items]
    rows = [{"id": f"ecommerce-{i:04d}", "question": e.question, "expected": e.id} for i, e in enumerate(entries)]
    return FaqSet("ecommerce_faq", path, entries, rows, len(parsed.rejects)), (
        f"ecommerce_faq: {len(entries)} entries from {path.name} ({len(parsed.rejects)} rejected); "
        "questions are the entries' own wording (exact-question check, no held-out paraphrases exist)")


def faq_context(faq: FaqSet, settings, embedder=None, llm_turn_limit: int | None = None) -> Context:
    """A temporary shop holding only this FAQ (calibrated on it at load, as `shopassist ingest faq`)."""
    ctx = Context.empty(settings, embedder, name=faq.name, llm_turn_limit=llm_turn_limit)
    try:
        ctx.load_items(faq.entries, "faq")
    except BaseException:
        ctx.close()
        raise
    return ctx


# --- shared catalogs ----------------------------------------------------------------------------

SAMPLE_PROCEDURE = (
    "products without a price are left out; leaf categories (last level of the category path) ranked by "
    "product count, then name; every product of the first max_categories leaves is kept (the query "
    "generator's categories, so its grades are complete), or, when those alone exceed max_products, a "
    "random.Random(seed) sample stratified by leaf; the remaining room is filled with a random.Random(seed) "
    "sample of the other products stratified by leaf ('' for no category); ids stored in catalog order")


def sample_catalog(products: Sequence[Any], max_products: int = MAX_PRODUCTS, seed: int = SEED,
                   max_categories: int = MAX_CATEGORIES) -> tuple[list[Any], dict]:
    """A seeded sample of at most max_products, stratified by leaf category, holding every product
    of the categories `evals.gen_retrieval.generate(sample, seed, max_categories)` will pick (see
    SAMPLE_PROCEDURE). Returns the sample and its description (stored with the queries)."""
    priced = [p for p in products if p.price is not None]

    def leaf(p) -> str:
        return p.category[-1] if p.category else ""

    counts = Counter(leaf(p) for p in priced if p.category)
    top = set(sorted(counts, key=lambda c: (-counts[c], c))[:max_categories])
    core = [p for p in priced if leaf(p) in top]
    if len(core) >= max_products:
        sample = stratified_sample(core, leaf, max_products, seed)
    else:
        rest = [p for p in priced if leaf(p) not in top]
        keep = {id(p) for p in core + stratified_sample(rest, leaf, max_products - len(core), seed)}
        sample = [p for p in priced if id(p) in keep]
    meta = {"procedure": SAMPLE_PROCEDURE, "seed": seed, "max_products": max_products, "max_categories": max_categories,
            "catalog_products": len(products), "ids": [p.id for p in sample]}
    return sample, meta


@dataclass
class SharedCatalog:
    """A sampled shared catalog and its labelled queries."""

    name: str
    path: Path
    products: list[Any]  # the sample (retrieval.schemas.Product)
    queries: list[dict]
    sample: dict
    stored: Path | None  # the stored query file used; None when generated in this run
    notes: list[str] = field(default_factory=list)


def queries_path(name: str, queries_dir: Path = DATA) -> Path:
    return Path(queries_dir) / f"retrieval_{name}.jsonl"


def read_shared_queries(path: Path) -> tuple[dict, list[dict]]:
    """(sample description, queries) of a stored evals/data/retrieval_<name>.jsonl."""
    from evals.gen_retrieval import read_jsonl

    rows = read_jsonl(path)
    if not rows or "sample" not in rows[0]:
        raise EvalDataError(f"{path}: first line must be {{\"sample\": ...}} (regenerate with python -m evals.gen_retrieval --shared NAME)")
    return rows[0]["sample"], rows[1:]


def load_shared_catalog(name: str, root: Path | None = None, max_products: int = MAX_PRODUCTS, seed: int = SEED,
                        max_categories: int = MAX_CATEGORIES, queries_dir: Path = DATA,
                        use_stored: bool = True) -> tuple[SharedCatalog | None, str]:
    """The shared catalog `name` (flipkart | amazon_in | bigbasket): parsed with its mapping, sampled, with
    queries from the stored file (its sample rebuilt from the stored ids) or generated now."""
    from evals.gen_retrieval import generate

    root = _root(root)
    path, why = _locate(root, name, f"catalog/{name}", ".csv")
    if path is None:
        return None, f"{why}; skipped"
    try:
        parsed = _parse(path, "product", f"{name}.toml")
    except EvalDataError as exc:
        return None, f"{name}: {exc}; skipped"
    products = [p for _, p in parsed.items]
    stored = queries_path(name, queries_dir)
    notes: list[str] = []
    if use_stored and stored.is_file():
        try:
            meta, queries = read_shared_queries(stored)
        except (EvalDataError, ValueError) as exc:
            return None, f"{name}: {str(exc)[:300]}; skipped"
        by_id = {p.id: p for p in products}
        sample = [by_id[i] for i in meta.get("ids", []) if i in by_id]
        missing = len(meta.get("ids", [])) - len(sample)
        if missing:
            notes.append(f"{name}: {missing} sampled ids of {stored.name} are no longer in {path.name}; its grades may name absent products")
        if meta.get("catalog") and meta["catalog"] != path.name:
            notes.append(f"{name}: {stored.name} was made from {meta['catalog']}, this run reads {path.name}")
        cat = SharedCatalog(name, path, sample, queries, meta, stored, notes)
        return cat, f"{name}: {len(sample)} sampled products of {len(products)} in {path.name}, {len(queries)} stored queries ({stored.name})"
    sample, meta = sample_catalog(products, max_products, seed, max_categories)
    meta["catalog"] = path.name
    queries = generate(sample, seed=seed, max_categories=max_categories)
    notes.append(f"{name}: {len(queries)} queries generated in this run; store them for comparable runs with "
                 f"`python -m evals.gen_retrieval --shared {name}` (writes {stored.relative_to(REPO) if stored.is_relative_to(REPO) else stored})")
    cat = SharedCatalog(name, path, sample, queries, meta, None, notes)
    return cat, f"{name}: {len(sample)} sampled products of {len(products)} in {path.name}, {len(queries)} generated queries"


def store_shared_queries(name: str, root: Path | None = None, out: Path | None = None, max_products: int = MAX_PRODUCTS,
                         seed: int = SEED, max_categories: int = MAX_CATEGORIES) -> tuple[Path | None, str]:
    """Sample, generate and write evals/data/retrieval_<name>.jsonl (first line: the sample)."""
    from evals.gen_retrieval import write_jsonl

    cat, why = load_shared_catalog(name, root, max_products, seed, max_categories, use_stored=False)
    if cat is None:
        return None, why
    out = Path(out) if out is not None else queries_path(name)
    write_jsonl([{"sample": cat.sample}, *cat.queries], out)
    return out, f"{why} -> {out}"


class SharedContexts:
    """Shared catalogs indexed once per eval run, in temporary shops (Context.empty over the
    sample). Suites ask for them by name; `close()` removes them all."""

    def __init__(self, settings, embedder=None, root: Path | None = None, max_products: int = MAX_PRODUCTS, seed: int = SEED,
                 max_categories: int = MAX_CATEGORIES, queries_dir: Path = DATA, llm_turn_limit: int | None = None):
        self.settings, self.embedder, self.root = settings, embedder, root
        self.max_products, self.seed, self.max_categories = max_products, seed, max_categories
        self.queries_dir, self.llm_turn_limit = queries_dir, llm_turn_limit
        self._catalogs: dict[str, tuple[SharedCatalog | None, str]] = {}
        self._contexts: dict[str, Context] = {}

    def catalog(self, name: str) -> tuple[SharedCatalog | None, str]:
        if name not in self._catalogs:
            self._catalogs[name] = load_shared_catalog(name, self.root, self.max_products, self.seed, self.max_categories, self.queries_dir)
        return self._catalogs[name]

    def context(self, name: str) -> tuple[Context | None, SharedCatalog | None, str]:
        cat, why = self.catalog(name)
        if cat is None:
            return None, None, why
        if name not in self._contexts:
            ctx = Context.empty(self.settings, self.embedder, name=name, llm_turn_limit=self.llm_turn_limit)
            try:
                ctx.load_items(cat.products, "product")
            except Exception as exc:  # one broken set must not end the whole eval run
                ctx.close()
                self._catalogs[name] = (None, f"{name}: indexing the sample failed: {type(exc).__name__}: {str(exc)[:200]}")
                return None, None, self._catalogs[name][1]
            log(f"  {name}: {len(ctx.products)} sampled products indexed in {ctx.load_seconds:.0f}s")
            self._contexts[name] = ctx
        return self._contexts[name], cat, why

    def first_available(self, names: Iterable[str] = CATALOGS) -> tuple[Context | None, SharedCatalog | None, str]:
        whys = []
        for name in names:
            ctx, cat, why = self.context(name)
            if ctx is not None:
                return ctx, cat, why
            whys.append(why)
        return None, None, "; ".join(whys)

    def close(self) -> None:
        for ctx in self._contexts.values():
            ctx.close()
        self._contexts.clear()


def shared_retrieval_sets(settings, embedder=None, names: Sequence[str] = CATALOGS, root: Path | None = None,
                          max_products: int = MAX_PRODUCTS, seed: int = SEED, max_categories: int = MAX_CATEGORIES,
                          contexts: SharedContexts | None = None) -> tuple[list[tuple[str, Context, list[dict]]], list[str]]:
    """[(name, Context over the sampled catalog, queries)] for the shared catalogs present, and
    notes (skips, how to store generated queries). Contexts come from `contexts` when given (and
    are closed by its owner), else from a new SharedContexts: the caller closes each Context."""
    contexts = contexts or SharedContexts(settings, embedder, root, max_products, seed, max_categories)
    sets, notes = [], []
    for name in names:
        ctx, cat, why = contexts.context(name)
        notes.append(f"retrieval: {why}")
        if ctx is not None and cat is not None:
            notes.extend(f"retrieval: {n}" for n in cat.notes)
            sets.append((name, ctx, cat.queries))
    return sets, notes


def catalog_scenarios(name: str, products: Sequence[Any], seed: int = SEED, categories: int = 6) -> list[dict]:
    """Scripted dialogues (evals/data/dialogues.json format) from a catalog's own attributes, for
    its `categories` largest leaf categories with 3+ priced products: "show me <leaf> under <P>"
    (P = median price rounded up) expecting max_price, then "not <B>" (B = the leaf's most common
    brand, when it has another brand too) expecting brand_not and max_price; and "show me <leaf>
    in <colour>" (a seeded pick of the leaf's colours) expecting color."""
    rng = random.Random(seed)
    by_leaf: dict[str, list[Any]] = defaultdict(list)
    for p in sorted(products, key=lambda p: p.id):
        if p.category and p.price is not None:
            by_leaf[p.category[-1]].append(p)
    leaves = [c for c in sorted(by_leaf, key=lambda c: (-len(by_leaf[c]), c)) if len(by_leaf[c]) >= 3][:categories]
    out = []
    for n, leaf in enumerate(leaves):
        items = by_leaf[leaf]
        cap = float(math.ceil(statistics.median(p.price for p in items)))
        turns = [{"say": f"show me {leaf.lower()} under {cap:g}", "expect": {"routes_to": "product", "max_price": cap}}]
        brands = Counter(p.brand for p in items if p.brand and p.price <= cap)
        if len(brands) >= 2:
            brand = min(brands, key=lambda b: (-brands[b], b))
            turns.append({"say": f"not {brand}", "expect": {"brand_not": brand, "max_price": cap}})
        out.append({"id": f"{name}-{n}-price-brand", "turns": turns})
        colours = sorted({p.color for p in items if p.color})
        if colours:
            colour = rng.choice(colours)
            out.append({"id": f"{name}-{n}-colour", "turns": [
                {"say": f"show me {leaf.lower()} in {colour.lower()}", "expect": {"routes_to": "product", "color": colour}}]})
    return out


# --- MG-ShopDial ---------------------------------------------------------------------------------

# label (the utterance's conversational goal) -> routes of our agent that count as sane
ROUTES_BY_LABEL: dict[str, frozenset[str]] = {
    "search": frozenset({"product", "both"}),          # looking for items
    "recommendation": frozenset({"product", "both"}),  # asking for / reacting to suggestions
    "qa": frozenset({"product", "faq", "both"}),       # questions about items or the shop
    "meta": frozenset({"smalltalk"}),                  # greetings, thanks, acknowledgements
}
# Without a (known) goal, the intent most annotators chose gives the label.
LABEL_BY_INTENT = {
    "greeting": "meta", "interaction": "meta", "pf": "meta", "nf": "meta",
    "disclose": "recommendation", "elicit": "recommendation", "recommend": "recommendation",
    "o_question": "qa", "c_question": "qa", "clarify": "qa", "answer": "qa", "explain": "qa",
}
_GOAL_ALIASES = {"question answering": "qa", "question_answering": "qa", "chit-chat": "meta", "chitchat": "meta"}
CLIENT_ROLES = {"client", "user", "shopper", "customer", "seeker"}


@dataclass
class DialTurn:
    """One shopper utterance of MG-ShopDial with its label and the sane routes for it."""

    dialogue_id: str
    utterance_id: Any
    text: str
    goal: str | None
    intents: list[tuple[str, float]]
    label: str
    routes: frozenset[str]


def _intents(raw: Any) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for item in raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else []:
        if isinstance(item, str):
            out.append((item, 1.0))
        elif isinstance(item, (list, tuple)) and item and isinstance(item[0], str):
            out.append((item[0], float(item[1]) if len(item) > 1 and isinstance(item[1], (int, float)) else 1.0))
        elif isinstance(item, dict) and isinstance(item.get("intent") or item.get("label"), str):
            out.append((item.get("intent") or item.get("label"), float(item.get("count") or item.get("votes") or 1.0)))
    return out


def _first(d: dict, keys: Sequence[str]) -> Any:
    return next((d[k] for k in keys if k in d), None)


def label_for(goal: str | None, intents: list[tuple[str, float]]) -> str | None:
    """The goal when known, else the label of the intent with the most annotator votes."""
    goal = _GOAL_ALIASES.get((goal or "").strip().lower(), (goal or "").strip().lower())
    if goal in ROUTES_BY_LABEL:
        return goal
    for name, _votes in sorted(intents, key=lambda iv: -iv[1]):
        if name.lower() in LABEL_BY_INTENT:
            return LABEL_BY_INTENT[name.lower()]
    return None


def mg_shopdial_turns(root: Path | None = None) -> tuple[list[tuple[str, list[DialTurn]]] | None, str]:
    """[(dialogue id, its shopper turns in order)] from MG-ShopDial, or (None, why)."""
    path, why = _locate(_root(root), "mg_shopdial", "dialogues/mg_shopdial", ".json")
    if path is None:
        return None, why
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except (OSError, UnicodeError, ValueError) as exc:
        return None, f"mg_shopdial: {path}: not valid JSON ({str(exc)[:200]})"
    if isinstance(data, dict):
        data = _first(data, ("dialogues", "conversations", "data")) or list(data.values())
    if not isinstance(data, list):
        return None, f"mg_shopdial: {path}: expected a list of dialogues"
    dialogues, unlabelled = [], 0
    for n, d in enumerate(data):
        utterances = _first(d, ("utterances", "turns", "messages")) if isinstance(d, dict) else None
        if not isinstance(utterances, list):
            continue
        did = str(d.get("id") or d.get("dialogue_id") or n)
        turns = []
        for u in utterances:
            if not isinstance(u, dict):
                continue
            role = str(_first(u, ("participant", "speaker", "role")) or "").strip().lower()
            text = str(_first(u, ("utterance", "text", "message")) or "").strip()
            if role not in CLIENT_ROLES or not text:
                continue
            intents = _intents(u.get("intents", u.get("intent")))
            goal = u.get("goal") if isinstance(u.get("goal"), str) else None
            label = label_for(goal, intents)
            if label is None:
                unlabelled += 1
                continue
            turns.append(DialTurn(did, u.get("utterance_id"), text[:2000], goal, intents, label, ROUTES_BY_LABEL[label]))
        if turns:
            dialogues.append((did, turns))
    if not dialogues:
        return None, (f"mg_shopdial: {path}: no labelled shopper utterances (expected dialogues with 'utterances' of "
                      f"'participant' Client, 'utterance', 'goal' or 'intents')")
    total = sum(len(t) for _, t in dialogues)
    return dialogues, (f"mg_shopdial: {len(dialogues)} dialogues, {total} shopper turns from {path.name}"
                       + (f"; {unlabelled} without a known goal or intent left out" if unlabelled else ""))
