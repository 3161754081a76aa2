"""Dialogue-state suite: how well `assistant.dialogue.update` turns shopper messages into the
state of the search, on the phrasing bank (evals/gen_dialogue_bank.py, evals/data/dialogue_bank*.jsonl),
and how well it routes MG-ShopDial's shopper turns.

Per turn: a fresh `DialogueState`, the turn's context messages replayed through `update()`, the
turn's shown products put in `state.shown`, then the message. The turn is correct when the route,
the complete set of standing constraints, both price bounds and (for refer / compare / similar)
the positions referred to are all as labelled (comparison rules in the generator's docstring).

Figures per configuration (`rules`: llm=None; `rules+llm`: the embedded SmolLM2 of
`Context.llm_for("hybrid+llm")`; `rules+llm-endpoint`: the configured OpenAI-compatible endpoint;
the LLM ones on every held turn (the part the targets are on, so that all three are measured on
the same held turns), `LLM_TURNS` dev turns spread over the dev part, and the first `MG_LLM_TURNS`
MG-ShopDial turns):
  state_accuracy_dev / _held          share of turns with the whole state right, per part
  state_<part>_<operation>            the same per operation
  route_accuracy_dev / _held          the route alone
  context_read_dev / _held            share of turns whose context alone was read right
  products_satisfy_state_<part>       product-route turns (as labelled) whose top 5 of a real search
                                      with `state.filters()` / `state.search_text()` over the catalog's
                                      index all pass `retrieval.filters.matches(state.filters(), metadata)`
                                      and the title check (no excluded brand / colour / material word
                                      in the title, an included type's head word in it); turns with
                                      no result count as satisfied (how many had results: the notes)
  products_satisfy_expected_<part>    the same against the *labelled* constraints (end to end)
  mg_shopdial_route_accuracy          MG-ShopDial shopper turns, one route each (`mg_gold_route`),
  mg_shopdial_majority_baseline       beside always answering the most common route
The column "rules@llm-turns" is the rules alone on the turns the LLM configurations saw (a
like-for-like comparison; not a configuration, no targets).
Failures listed in the report come from the dev part only: the held part is for measuring, not
tuning. `python -m evals.suites.dialogue_state` runs the rules over the bank without indexes and
prints the per-operation table and dev failures (see --help).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from evals import metrics as M
from evals.context import Context, log
from evals.paths import eval_cache_dir
from evals.registry import RunContext, SuiteResult, fmt, suite

CONFIGS = ("rules", "rules+llm", "rules+llm-endpoint")
LLM_OF = {"rules+llm": "hybrid+llm", "rules+llm-endpoint": "hybrid+llm-endpoint"}
LLM_TURNS = 150
MG_LLM_TURNS = 100
TOP = 5
MAX_FAILURES = 20
TARGET_STATE = 0.98
TARGET_PRODUCTS = 1.0
SPLITS = ("dev", "held")


# --- comparing states ---------------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9&'+-]+", " ", str(text).lower()).split())


def norm_constraint(facet: str, value: str, exclude: bool) -> tuple[str, str, bool]:
    """How constraints compare: case-insensitive values; a type or category by the head word
    of the kind of item it names (`type_key`), so "running shoes" as the type Running Shoe or as
    the category Running Shoes is one constraint."""
    from retrieval.attributes import type_key
    from retrieval.documents import key

    if facet in ("type", "category"):
        return ("kind", type_key(str(value)), bool(exclude))
    return (facet, key(str(value)), bool(exclude))


def constraint_set(constraints: Iterable) -> set[tuple[str, str, bool]]:
    out = set()
    for c in constraints:
        if isinstance(c, (list, tuple)):
            out.add(norm_constraint(*c))
        else:
            out.add(norm_constraint(c.facet, c.value, c.exclude))
    return out


def bound_ok(expected: Any, got: float | None) -> bool:
    if expected is None:
        return got is None
    if got is None:
        return False
    if isinstance(expected, dict):
        if "below" in expected:
            return got < expected["below"]
        if "above" in expected:
            return got > expected["above"]
        raise ValueError(f"unknown bound {expected!r}")
    return abs(float(expected) - got) <= max(0.01, 0.005 * abs(float(expected)))


def referents_of(operations, shown: int) -> list[int]:
    """Positions the message referred to (refer / similar / compare operations), 1-based."""
    out: list[int] = []
    for op in operations:
        if op.op not in ("refer", "similar", "compare"):
            continue
        positions = list(op.values) or ([int(op.value)] if isinstance(op.value, (int, float)) and not isinstance(op.value, bool) else [])
        for p in positions:
            p = shown + 1 + p if p < 0 else p
            if p not in out:
                out.append(p)
    return sorted(out)


def _bound(b) -> float | None:
    return None if b is None else float(b.value)


def _constraints_out(state) -> list[list]:
    return [[c.facet, c.value, c.exclude] for c in state.constraints]


@dataclass
class Judged:
    row: dict
    ok: bool
    parts: dict[str, bool]
    got: dict
    context_ok: bool
    state: Any = None
    error: str | None = None
    search: dict | None = None


def judge(row: dict, context_state, u, error: str | None = None) -> Judged:
    exp = row["expect"]
    if u is None:
        return Judged(row, False, {"route": False, "constraints": False, "max_price": False, "min_price": False, "referents": False},
                      {"error": error}, False, None, error)
    state = u.state
    refs = referents_of(u.operations, len(row.get("shown") or []))
    parts = {
        "route": u.route == exp["route"],
        "constraints": constraint_set(state.constraints) == constraint_set(exp["constraints"]),
        "max_price": bound_ok(exp["max_price"], _bound(state.max_price)),
        "min_price": bound_ok(exp["min_price"], _bound(state.min_price)),
    }
    if row["operation"] in ("refer", "compare", "similar"):
        parts["referents"] = refs == sorted(exp.get("referents") or [])
    ce = row.get("context_expect") or {}
    context_ok = context_state is not None and constraint_set(context_state.constraints) == constraint_set(ce.get("constraints", [])) \
        and bound_ok(ce.get("max_price"), _bound(context_state.max_price)) and bound_ok(ce.get("min_price"), _bound(context_state.min_price))
    got = {"route": u.route, "constraints": _constraints_out(state), "max_price": _bound(state.max_price),
           "min_price": _bound(state.min_price), "referents": refs, "operations": [o.op for o in u.operations]}
    return Judged(row, all(parts.values()), parts, got, context_ok, state)


# --- replaying a turn ---------------------------------------------------------------------------


def shown_items(row: dict, cat) -> list:
    from assistant.dialogue import ShownItem

    out = []
    for s in row.get("shown") or []:
        p = cat.by_id.get(s["id"]) if cat is not None else None
        if p is None:
            out.append(ShownItem(id=s["id"], title=s.get("title", s["id"])))
            continue
        out.append(ShownItem(id=p.id, title=p.title, price=p.price, brand=p.brand, color=p.color, product_type=p.product_type))
    return out


def replay(row: dict, facets, shown: list, llm=None, faq_match: Callable[[str], bool] | None = None):
    """(the state after the context, the Update of the message), or raises what update raised."""
    from assistant.dialogue import DialogueState, update

    state = DialogueState()
    history: list[dict] = []
    kwargs: dict[str, Any] = {"faq_match": faq_match}
    for message in row["context"]:
        if llm is not None:
            kwargs["history"] = list(history)
        state = update(state, message, facets, llm, **kwargs).state
        history.append({"role": "user", "content": message})
    context_state = state
    if shown:
        state = state.model_copy(update={"shown": shown})
    if llm is not None:
        kwargs["history"] = list(history)
    return context_state, update(state, row["message"], facets, llm, **kwargs)


# --- products shown -----------------------------------------------------------------------------


def title_problems(title: str, constraints: Iterable) -> list[str]:
    """The title check: an excluded brand / colour / material named in the title, or an included
    type whose head word the title lacks."""
    from retrieval.attributes import type_key

    folded = f" {_fold(title)} "
    heads = {type_key(w) for w in re.findall(r"[a-z0-9&'-]+", title.lower())}
    problems = []
    for c in constraints:
        facet, value, exclude = (c if isinstance(c, (list, tuple)) else (c.facet, c.value, c.exclude))
        if exclude and facet in ("brand", "color", "material") and f" {_fold(value)} " in folded:
            problems.append(f"title names the excluded {facet} {value}")
        elif not exclude and facet == "type" and type_key(value) not in heads:
            problems.append(f"title lacks the type word {type_key(value)!r}")
    return problems


def expected_filters(exp: dict):
    from retrieval.schemas import SearchFilters

    v: dict[str, list[str]] = defaultdict(list)
    for facet, value, exclude in exp["constraints"]:
        v[("exclude_" if exclude else "") + {"type": "types", "category": "categories", "brand": "brands", "color": "colors",
                                             "material": "materials", "audience": "audiences", "size": "sizes"}[facet]].append(value)

    def bound(b, below: bool):
        if b is None:
            return None
        if isinstance(b, dict):
            return b["below"] - 0.005 if below else b["above"] + 0.005
        return float(b)

    return SearchFilters(kind="product", min_price=bound(exp["min_price"], False), max_price=bound(exp["max_price"], True),
                         **{k: vals for k, vals in v.items() if k != "exclude_audiences"})


def search_check(shop, state, row: dict, query_vector=None) -> dict:
    """The top TOP products of a real search with the state's filters and text, checked against
    the state (`matches` + title) and against the labelled constraints."""
    from retrieval.documents import product_record
    from retrieval.filters import matches

    filters = state.filters()
    text = state.search_text() or row["message"]
    hits = [h for h in shop.searcher.search(text, k=TOP, filters=filters, query_vector=query_vector)
            if h.kind == "product" and h.product is not None]
    gold = expected_filters(row["expect"])
    bad_state, bad_expected = [], []
    for h in hits:
        meta = product_record(h.product, "").metadata
        problems = ([] if matches(filters, meta) else ["fails state.filters()"]) + title_problems(h.product.title, state.constraints)
        if problems:
            bad_state.append((h.product.title, problems))
        problems = ([] if matches(gold, meta) else ["fails the labelled constraints"]) + title_problems(h.product.title, row["expect"]["constraints"])
        if problems:
            bad_expected.append((h.product.title, problems))
    return {"results": len(hits), "ok_state": not bad_state, "ok_expected": not bad_expected,
            "bad_state": bad_state[:3], "bad_expected": bad_expected[:3]}


def cache_root() -> Path:
    return eval_cache_dir()


class CatalogIndexes:
    """One index per catalog, built once and kept under the cache folder by the hash of its
    products, the embedding model and the record layout (a changed catalog or model gets a new
    one). Built in a private folder and renamed into place when complete, so concurrent runs
    never see half an index."""

    def __init__(self, settings, embedder, cache_dir: Path | None = None):
        self.settings, self.embedder = settings, embedder
        self.root = Path(cache_dir) if cache_dir else cache_root()
        self._shops: dict[str, Any] = {}

    def home_for(self, cat) -> Path:
        from retrieval.documents import LAYOUT_VERSION

        h = hashlib.sha256()
        for p in sorted(cat.products, key=lambda p: p.id):
            h.update(p.content_hash().encode())
        h.update(f"|{self.embedder.model_id}|{LAYOUT_VERSION}".encode())
        return self.root / f"{cat.name}-{h.hexdigest()[:16]}"

    def shop(self, cat):
        from assistant.shop import Shop

        if cat.name in self._shops:
            return self._shops[cat.name]
        home = self.home_for(cat)
        if not (home / "complete.json").is_file():
            self._build(cat, home)
        shop = Shop.open(self.settings.model_copy(update={"home": home}), self.embedder)
        self._shops[cat.name] = shop
        return shop

    def _build(self, cat, home: Path) -> None:
        from assistant.shop import Shop
        from retrieval.ingest import ingest_file

        t = time.perf_counter()
        tmp = home.parent / f".{home.name}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        try:
            items = tmp / "products.jsonl"
            with items.open("w", encoding="utf-8") as fh:
                for p in cat.products:
                    fh.write(json.dumps(p.model_dump(mode="json"), ensure_ascii=False) + "\n")
            shop = Shop.open(self.settings.model_copy(update={"home": tmp}), self.embedder)
            try:
                ingest_file(shop.index, items, "product", None, progress=False)
                shop.index.ensure_lexical()
            finally:
                shop.index.close()
            items.unlink()
            (tmp / "complete.json").write_text(json.dumps({"catalog": cat.name, "products": len(cat.products),
                                                           "model": self.embedder.model_id}), "utf-8")
            try:
                os.rename(tmp, home)
            except OSError:  # another run finished first: use its copy
                if not (home / "complete.json").is_file():
                    raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        log(f"  dialogue-state: indexed {len(cat.products)} {cat.name} products in {time.perf_counter() - t:.0f}s -> {home}")

    def close(self) -> None:
        for shop in self._shops.values():
            if "index" in shop.__dict__:
                shop.index.close()
        self._shops.clear()


# --- MG-ShopDial ----------------------------------------------------------------------------------

# Questions of the "qa" goal that are about the shop rather than an item (the FAQ's subjects).
POLICY_WORDS = re.compile(
    r"\b(?:deliver\w*|shipping|ship(?:s|ped)?|dispatch\w*|return(?:s|ed|ing)?|refund\w*|exchange\w*|warrant\w*|guarantee\w*|"
    r"pay(?:s|ing|ment\w*)?|paypal|card|cards|cash|discount\w*|coupon\w*|voucher\w*|promo\w*|sale|order\w*|reserve\w*|"
    r"pick ?up|store|opening hours|member\w*|subscri\w*|instal+ments?|invoice\w*|tax\w*|account|cancel\w*|track\w*|"
    r"basket|cart|checkout|receipt)\b", re.I)
ROUTE_GROUPS = {"product": "product", "detail": "product", "compare": "product", "faq": "faq", "smalltalk": "smalltalk",
                "human": "human"}


def mg_gold_route(goal: str | None, intents, text: str) -> str | None:
    """One route per MG-ShopDial shopper turn, from its annotation: goal "meta" (greetings,
    thanks, acknowledgements) -> smalltalk; goal "qa" -> faq when the question is about the shop
    (POLICY_WORDS: delivery, returns, payment, discounts, orders...), else product (a question
    about items); goals "search" and "recommendation" -> product. Without a known goal, the label
    of the intent most annotators chose (evals.data_sets.mg_shopdial.label_for)."""
    from evals.data_sets.mg_shopdial import label_for

    label = label_for(goal, intents)
    if label is None:
        return None
    if label == "meta":
        return "smalltalk"
    if label == "qa" and POLICY_WORDS.search(text):
        return "faq"
    return "product"


def route_correct(gold: str, predicted: str) -> bool:
    """"both" (products and an FAQ answer) is right for a product or an FAQ turn."""
    if predicted == "both":
        return gold in ("product", "faq")
    return ROUTE_GROUPS.get(predicted, predicted) == gold


def mg_shopdial(facets, llm=None, faq_match=None, limit: int | None = None, root=None) -> tuple[dict | None, str, list[dict]]:
    """(metrics, what was read, wrong turns) of MG-ShopDial's shopper turns replayed in order,
    one DialogueState per dialogue."""
    from assistant.dialogue import DialogueState, update
    from evals.data_sets.mg_shopdial import mg_shopdial_turns

    dialogues, why = mg_shopdial_turns(root)
    if dialogues is None:
        return None, why, []
    gold_counts: Counter = Counter()
    right: list[bool] = []
    per_gold: dict[str, list[bool]] = defaultdict(list)
    wrong: list[dict] = []
    n = 0
    for did, turns in dialogues:
        if limit is not None and n >= limit:
            break
        state = DialogueState()
        for turn in turns:
            if limit is not None and n >= limit:
                break
            gold = mg_gold_route(turn.goal, turn.intents, turn.text)
            if gold is None:
                continue
            n += 1
            predicted: str  # the route, or the error that stood in for one
            try:
                u = update(state, turn.text, facets, llm, faq_match=faq_match)
                state, predicted = u.state, u.route
            except Exception as exc:  # a crash is a wrong route, and the replay goes on
                predicted = f"error: {type(exc).__name__}"
            ok = route_correct(gold, predicted)
            gold_counts[gold] += 1
            right.append(ok)
            per_gold[gold].append(ok)
            if not ok:
                wrong.append({"id": f"{did}#{turn.utterance_id}", "text": turn.text, "gold": gold, "got": predicted})
    if not right:
        return None, f"{why}; no labelled shopper turns", []
    majority, majority_n = gold_counts.most_common(1)[0]
    metrics = {"mg_shopdial_route_accuracy": M.rate(right), "mg_shopdial_majority_baseline": majority_n / len(right)}
    metrics |= {f"mg_shopdial_route_accuracy_{g}": M.rate(v) for g, v in sorted(per_gold.items())}
    return metrics, (f"{why}; {len(right)} turns scored, gold routes {dict(gold_counts)}, majority class {majority!r}"), wrong


# --- the suite ----------------------------------------------------------------------------------


def bank_paths() -> tuple[Path, Path]:
    from evals.gen_dialogue_bank import BANK, HELD

    return BANK, HELD


def spread(rows: list, n: int | None) -> list:
    if n is None or n >= len(rows):
        return list(rows)
    return [rows[i * len(rows) // n] for i in range(n)]


def llm_subset(rows: list[dict], dev_turns: int | None) -> list[dict]:
    """The turns an LLM configuration is scored on: all held turns, so its held figures are those of
    the rules' (the targets are on that part), and `dev_turns` dev turns spread over the dev part
    (the LLM is slow; the dev part is for tuning, not for the targets)."""
    held = [r for r in rows if r["split"] == "held"]
    return spread([r for r in rows if r["split"] != "held"], dev_turns) + held


def read_rows(paths: Iterable[Path]) -> list[dict]:
    from evals.gen_dialogue_bank import read_bank

    rows: list[dict] = []
    for p in paths:
        rows += read_bank(p)
    return rows


def per_catalog_slice(rows: list[dict], n: int) -> list[dict]:
    """n turns of every catalog and part, spread over the operations."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["split"], r["catalog"])].append(r)
    return [r for k in sorted(groups) for r in spread(groups[k], n)]


def evaluate(rows: list[dict], catalogs: dict, llm=None, faq_match=None, indexes: Callable[[str], Any] | None = None,
             progress: str = "") -> list[Judged]:
    """Every row replayed and judged; with `indexes` (catalog name -> Shop or None) the products
    of labelled product-route turns are searched and checked too (their search texts embedded
    in one batch per catalog)."""
    out: list[Judged] = []
    t0 = time.perf_counter()
    for i, row in enumerate(rows):
        cat = catalogs[row["catalog"]]
        try:
            context_state, u = replay(row, cat.facets, shown_items(row, cat), llm, faq_match)
            j = judge(row, context_state, u)
        except Exception as exc:  # the rules are in flux: a crash is a wrong state, not the end of the run
            j = judge(row, None, None, f"{type(exc).__name__}: {str(exc)[:200]}")
        out.append(j)
        if progress and (i + 1) % 200 == 0:
            log(f"    {progress}: {i + 1}/{len(rows)} turns read ({time.perf_counter() - t0:.0f}s)")
    if indexes is None:
        return out
    by_catalog: dict[str, list[Judged]] = defaultdict(list)
    for j in out:
        if j.state is not None and j.row["expect"]["route"] == "product":
            by_catalog[j.row["catalog"]].append(j)
    for name, js in sorted(by_catalog.items()):
        shop = indexes(name)
        if shop is None:
            continue
        texts = [j.state.search_text() or j.row["message"] for j in js]
        unique = sorted(set(texts))
        vectors = dict(zip(unique, shop.embedder.embed(unique)))
        for j, text in zip(js, texts):
            j.search = search_check(shop, j.state, j.row, vectors[text])
        if progress:
            log(f"    {progress}: {len(js)} {name} searches checked ({time.perf_counter() - t0:.0f}s)")
    return out


def summarise(judged: list[Judged]) -> dict[str, float]:
    from evals.gen_dialogue_bank import OPERATIONS

    m: dict[str, float] = {}
    for split in SPLITS:
        js = [j for j in judged if j.row["split"] == split]
        if not js:
            continue
        m[f"state_accuracy_{split}"] = M.rate([j.ok for j in js])
        m[f"route_accuracy_{split}"] = M.rate([j.parts["route"] for j in js])
        m[f"context_read_{split}"] = M.rate([j.context_ok for j in js])
        searches = [j.search for j in js if j.search is not None]
        if searches:
            m[f"products_satisfy_state_{split}"] = M.rate([s["ok_state"] for s in searches])
            m[f"products_satisfy_expected_{split}"] = M.rate([s["ok_expected"] for s in searches])
        for op in OPERATIONS:
            ops = [j.ok for j in js if j.row["operation"] == op]
            if ops:
                m[f"state_{split}_{op}"] = M.rate(ops)
    return m


def what_differs(j: Judged) -> str:
    if j.error:
        return "error"
    return "+".join(k for k, ok in j.parts.items() if not ok) or "ok"


def failure_examples(judged: list[Judged], n: int = MAX_FAILURES, split: str = "dev") -> list[Judged]:
    """One example of each of the n most common kinds of failure (operation, template, what was
    wrong) of one part, most common first."""
    groups: dict[tuple, list[Judged]] = defaultdict(list)
    for j in judged:
        if not j.ok and j.row["split"] == split:
            groups[(j.row["operation"], j.row["template"], what_differs(j))].append(j)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [js[0] for _, js in ranked[:n]]


def failure_record(j: Judged, config: str, count: int | None = None) -> dict:
    e = j.row["expect"]
    return {"suite": "dialogue-state", "config": config, "id": j.row["id"] + (f" (x{count})" if count else ""),
            "input": j.row["message"],
            "expected": {"context": j.row["context"], "shown": [s["title"][:60] for s in j.row.get("shown", [])],
                         "route": e["route"], "constraints": e["constraints"], "max_price": e["max_price"],
                         "min_price": e["min_price"], "referents": e.get("referents", [])},
            "got": j.got | {"wrong": what_differs(j)}}


def _faq_matcher(ctx: Context | None):
    if ctx is None or not ctx.faq_entries:
        return None
    cache: dict[str, bool] = {}

    def faq_match(text: str) -> bool:
        if text not in cache:
            cache[text] = ctx.shop.faq.lookup(text, k=1).confident
        return cache[text]

    return faq_match


def dialogue_state_suite(ctx: Context, configs: list[str], out: dict, failures: list, notes: list, fast: bool = False, *,
                         root: Path | None = None, paths: Iterable[Path] | None = None, per_catalog: int | None = None,
                         search_catalogs: Iterable[str] | None = None, llm_turns: int = LLM_TURNS, mg: bool = True,
                         cache_dir: Path | None = None) -> None:
    """The bank through each configuration (keys "rules", "rules+llm", "rules+llm-endpoint") and
    MG-ShopDial routing. `fast`: demo turns only, no LLM, no MG-ShopDial. `per_catalog`: a slice of
    that many turns per catalog and part (tests). `search_catalogs`: catalogs whose products are
    searched and checked (default: all; "demo" uses ctx's own index)."""
    from evals.gen_dialogue_bank import CATALOG_NAMES, load_catalog

    paths = list(paths or bank_paths())
    missing = [str(p) for p in paths if not Path(p).is_file()]
    if missing:
        notes.append(f"dialogue-state: bank missing ({', '.join(missing)}); run python -m evals.gen_dialogue_bank")
        return
    rows = read_rows(paths)
    wanted = ["demo"] if fast else list(CATALOG_NAMES)
    catalogs: dict[str, Any] = {}
    for name in wanted:
        cat, why = load_catalog(name, root)
        notes.append(f"dialogue-state: {why}")
        if cat is not None:
            catalogs[name] = cat
    rows = [r for r in rows if r["catalog"] in catalogs]
    skipped = sorted({r["catalog"] for r in read_rows(paths)} - set(catalogs))
    if skipped:
        notes.append(f"dialogue-state: turns of {', '.join(skipped)} skipped (catalog not available)")
    if per_catalog is not None:
        rows = per_catalog_slice(rows, per_catalog)
    search_names = set(search_catalogs if search_catalogs is not None else catalogs)
    indexes = CatalogIndexes(ctx.settings, ctx.shop.embedder, cache_dir)
    faq_match = _faq_matcher(ctx)
    demo_facets = catalogs["demo"].facets if "demo" in catalogs else ctx.facets()

    def index_for(name: str):
        if name not in search_names or name not in catalogs:
            return None
        if name == "demo" and ctx.name == "demo":
            return ctx.shop
        try:
            return indexes.shop(catalogs[name])
        except Exception as exc:
            notes.append(f"dialogue-state: no index for {name} ({type(exc).__name__}: {str(exc)[:200]}); its products are not checked")
            search_names.discard(name)
            return None

    rules_judged: dict[str, Judged] = {}
    try:
        for config in configs:
            llm = None
            if config in LLM_OF:
                if fast:
                    continue
                if config == "rules+llm-endpoint" and ctx.settings.llm_backend != "openai":
                    notes.append("dialogue-state: rules+llm-endpoint skipped: SHOPASSIST_LLM_BACKEND=openai is not configured")
                    continue
                try:
                    llm = ctx.llm_for(LLM_OF[config])
                except Exception as exc:
                    notes.append(f"dialogue-state: {config} skipped: no LLM ({type(exc).__name__}: {str(exc)[:200]})")
                    continue
                if llm is None:
                    notes.append(f"dialogue-state: {config} skipped: no LLM configured")
                    continue
            subset = llm_subset(rows, llm_turns) if llm is not None else rows
            t0 = time.perf_counter()
            judged = evaluate(subset, catalogs, llm, faq_match, index_for, progress=f"dialogue-state {config}")
            if config == "rules":
                rules_judged = {j.row["id"]: j for j in judged}
            elif "rules@llm-turns" not in out:
                # the rules alone on the same turns, for a like-for-like comparison
                same = [rules_judged[r["id"]] for r in subset if r["id"] in rules_judged]
                if len(same) < len(subset):
                    same = evaluate(subset, catalogs, None, faq_match, index_for)
                base = summarise(same) | {"turns": len(same)}
                if mg and not fast:
                    base |= (mg_shopdial(demo_facets, None, faq_match, MG_LLM_TURNS, root)[0] or {})
                out["rules@llm-turns"] = base
            metrics = summarise(judged)
            metrics["turns"] = len(judged)
            counts = Counter(j.row["split"] for j in judged)
            searched = [(j, j.search) for j in judged if j.search is not None]
            with_results = sum(1 for _, s in searched if s["results"])
            notes.append(f"dialogue-state: {config}: {counts.get('dev', 0)} dev and {counts.get('held', 0)} held turns"
                         + (f" (every held turn and {llm_turns} dev turns spread over the dev part; LLM configurations are slow)" if llm is not None else "")
                         + f"; products checked on {len(searched)} product-route turns ({with_results} with results) over "
                         + (", ".join(sorted(search_names & set(catalogs))) or "no catalog"))
            if mg and not fast:
                mg_metrics, why, _wrong = mg_shopdial(demo_facets, llm, faq_match, MG_LLM_TURNS if llm is not None else None, root)
                notes.append(f"dialogue-state: {config}: {why}")
                if mg_metrics:
                    metrics |= mg_metrics
            metrics["seconds"] = time.perf_counter() - t0
            out[config] = metrics
            groups = Counter((j.row["operation"], j.row["template"], what_differs(j)) for j in judged if not j.ok and j.row["split"] == "dev")
            for j in failure_examples(judged):
                failures.append(failure_record(j, config, groups[(j.row["operation"], j.row["template"], what_differs(j))]))
            for j, search in [(j, s) for j, s in searched if not s["ok_state"] and j.row["split"] == "dev"][:5]:
                failures.append({"suite": "dialogue-state", "config": config, "id": j.row["id"] + " (products)",
                                 "input": j.row["message"], "expected": "top 5 within state.filters() and the title check",
                                 "got": {"search_text": j.state.search_text(), "filters": j.state.filters().model_dump(exclude_defaults=True),
                                         "bad": search["bad_state"]}})
            for t in targets_of(config, metrics):
                notes.append(f"dialogue-state target: {t['target']}: {t['status']} ({t['detail']})")
            log(f"  dialogue-state {config}: states dev {metrics.get('state_accuracy_dev', float('nan')):.3f} held "
                f"{metrics.get('state_accuracy_held', float('nan')):.3f} ({len(judged)} turns, {metrics['seconds']:.0f}s)")
    finally:
        indexes.close()


def targets_of(config: str, m: dict) -> list[dict]:
    out = []

    def add(target: str, value, ok) -> None:
        out.append({"target": f"dialogue-state ({config}): {target}", "status": "not measured" if value is None else ("met" if ok else "not met"),
                    "detail": "not in this run" if value is None else f"{value:.3f}"})

    v = m.get("state_accuracy_held")
    add(f"correct states on the held part >= {TARGET_STATE:.2f}", v, v is not None and v >= TARGET_STATE)
    v = m.get("products_satisfy_state_held")
    add("constraint-satisfying products on the held part = 1.00", v, v is not None and v >= TARGET_PRODUCTS)
    return out


def targets(report: dict) -> list[dict]:
    """This suite's "must show" targets in the format of evals.report.targets (met / not met /
    not measured), one pair per configuration in the report."""
    out = []
    for config, m in report.get("suites", {}).get("dialogue-state", {}).items():
        if "@" not in config:  # "rules@llm-turns" is a comparison column, not a configuration
            out += targets_of(config, m)
    return out


# --- registration in the eval run -----------------------------------------------------------------


def headline(config: str, m: dict) -> str:
    return (f"states dev {fmt(m.get('state_accuracy_dev'))}, held {fmt(m.get('state_accuracy_held'))}; "
            f"routes dev {fmt(m.get('route_accuracy_dev'))}, held {fmt(m.get('route_accuracy_held'))}")


@suite("dialogue-state", configs=CONFIGS, fast=False, order=40, headline=headline, targets=targets)
def run_dialogue_state(run: RunContext) -> SuiteResult:
    result = SuiteResult()
    dialogue_state_suite(run.demo, run.configs, result.metrics, result.failures, result.notes, run.fast)
    return result


# --- a quick look without indexes -----------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    import argparse

    from evals.gen_dialogue_bank import OPERATIONS, load_catalog

    parser = argparse.ArgumentParser(description="Run the rules over the dialogue bank (no indexes, no LLM): per-operation "
                                     "accuracy and the most common dev failures.")
    parser.add_argument("--data", type=Path, help="shared data folder")
    parser.add_argument("--catalog", action="append", default=[], help="only these catalogs (repeatable)")
    parser.add_argument("--op", action="append", default=[], help="only these operations (repeatable)")
    parser.add_argument("--failures", type=int, default=MAX_FAILURES, help="dev failure examples to print")
    parser.add_argument("--all-failures", action="store_true", help="every dev failure, not one per kind")
    parser.add_argument("--json", type=Path, help="write every dev turn's result here")
    args = parser.parse_args(argv)
    rows = read_rows(bank_paths())
    rows = [r for r in rows if (not args.catalog or r["catalog"] in args.catalog) and (not args.op or r["operation"] in args.op)]
    catalogs = {}
    for name in sorted({r["catalog"] for r in rows}):
        cat, why = load_catalog(name, args.data)
        print(why)
        if cat is not None:
            catalogs[name] = cat
    rows = [r for r in rows if r["catalog"] in catalogs]
    t0 = time.perf_counter()
    judged = evaluate(rows, catalogs)
    print(f"{len(judged)} turns in {time.perf_counter() - t0:.1f}s\n")
    print("| operation | dev | held |\n|---|---:|---:|")
    for op in OPERATIONS:
        cells = []
        for split in SPLITS:
            js = [j.ok for j in judged if j.row["split"] == split and j.row["operation"] == op]
            cells.append(f"{M.rate(js):.3f} ({sum(js)}/{len(js)})" if js else "")
        print(f"| {op} | " + " | ".join(cells) + " |")
    cells = []
    for split in SPLITS:
        js = [j.ok for j in judged if j.row["split"] == split]
        cells.append(f"**{M.rate(js):.3f}** ({sum(js)}/{len(js)})" if js else "")
    print("| all | " + " | ".join(cells) + " |\n")
    dev_bad = [j for j in judged if j.row["split"] == "dev" and not j.ok]
    groups = Counter((j.row["operation"], j.row["template"], what_differs(j)) for j in dev_bad)
    shown = dev_bad if args.all_failures else failure_examples(judged, args.failures)
    print(f"dev failures: {len(dev_bad)} in {len(groups)} kinds (operation, template, what was wrong)")
    for j in shown:
        e = j.row["expect"]
        g = j.got
        print(f"\n- {j.row['id']} [{j.row['catalog']}] {j.row['operation']} x{groups[(j.row['operation'], j.row['template'], what_differs(j))]}"
              f" wrong: {what_differs(j)}\n  context: {j.row['context']}\n  message: {j.row['message']!r}")
        if j.row.get("shown"):
            print(f"  shown: {[s['title'][:40] for s in j.row['shown']]}")
        print(f"  expected: route {e['route']}, {e['constraints']}, max {e['max_price']}, min {e['min_price']}"
              + (f", referents {e['referents']}" if j.row["operation"] in ("refer", "compare", "similar") else ""))
        if j.error:
            print(f"  got: error {j.error}")
        else:
            print(f"  got:      route {g['route']}, {g['constraints']}, max {g['max_price']}, min {g['min_price']}"
                  + (f", referents {g['referents']}" if j.row["operation"] in ("refer", "compare", "similar") else "")
                  + f"; operations {g['operations']}" + ("" if j.context_ok else "  (context already misread)"))
    if args.json:
        args.json.write_text("\n".join(json.dumps({"id": j.row["id"], "ok": j.ok, "wrong": what_differs(j), "got": j.got},
                                                  ensure_ascii=False) for j in judged if j.row["split"] == "dev") + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
