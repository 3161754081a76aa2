"""The shopping assistant: one turn = understand → retrieve (with the profile) → rank and explain
→ answer, streamed. Composes the dialogue state (assistant/dialogue), retrieval, the profile
store and an LLM; the LLM proposes, code checks every product, price and constraint before
anything is shown.

Understanding is one call: `dialogue.update(state, message, facets, llm)` gives the route and
the new state; this module never reads the message itself again. It then acts on the route:
search and show products, answer from the FAQ, tell about or compare shown products, hand over.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any, Generator, Iterator, Literal

from retrieval.attributes import type_key
from retrieval.documents import item_from_metadata, key, product_record_id
from retrieval.facets import Facets
from retrieval.faq import FaqLookup, FaqLookupService
from retrieval.schemas import Product
from retrieval.search import HybridSearcher
from retrieval.store import ShopIndex

from .compose import NUMBER_WORDS, compose, opening_head, opening_tail
from .dialogue import DialogueState, ShownItem, Update, nice_above, update
from .events import Delta, FaqOut, Final, ProductOut, Products, TurnEvent, TurnResult
from .formatting import money, price
from .llm import LLM, LLMError
from .prompts import as_data, load_prompt
from .ranking import RankResult, rank_and_explain, reason_problem
from .sessions import ChatMessage, SessionStore

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
PROFILE_RETRY_SECONDS = 30.0
HANDOFF_TEXT = (
    "I'm not sure about that one, and I'd rather not guess. I can hand you over to a colleague "
    "from our support team, who will get back to you."
)


class InputError(ValueError):
    """The shopper's message cannot be processed as sent (empty, too long...)."""


@dataclass
class AgentConfig:
    products_per_reply: int = 5
    candidates: int = 12
    profile_weight: float = 0.25
    # auto: the LLM proposes when the rules are unsure; always: on every message (to measure it)
    llm_understanding: Literal["auto", "always", "never"] = "auto"
    llm_rank: bool = True
    llm_faq_rephrase: bool = False  # the FAQ text verbatim is exact; rephrasing is opt-in
    history_tokens: int = 400
    card_tokens: int = 900
    rank_cards: int = 8
    rank_picks: int = 5  # how many the LLM chooses; the rest of the reply is filled in retrieval order
    card_description_tokens: int = 30
    # Whether a fact-checked LLM reason replaces the composed one (assistant/compose.py); the
    # embedded 135M model's reasons mostly restate titles, an endpoint's usually say more.
    prefer_llm_reasons: bool = True
    max_message_chars: int = MAX_MESSAGE_CHARS
    min_catalog_similarity: float = 0.3  # below this, a request matches nothing we sell


def config_for(llm: LLM | None) -> AgentConfig:
    """Defaults sized to the model. The embedded 135M model processes prompts at ~150 tokens/s
    on 2 cores (bench agent), so it gets few, short cards and picks three: the prompt stays near
    300 tokens and the turn within a few seconds. Endpoints get full cards."""
    from .llm import LlamaCppLLM

    if isinstance(llm, LlamaCppLLM):
        return AgentConfig(rank_cards=4, card_tokens=240, rank_picks=3, card_description_tokens=0, prefer_llm_reasons=False)
    return AgentConfig()


@dataclass
class _Turn:
    """What one turn builds up while it runs."""

    result: TurnResult
    timings: dict[str, float]
    started: float
    parts: list[str] = field(default_factory=list)

    def say(self, text: str) -> Iterator[TurnEvent]:
        if "first_token" not in self.timings:
            self.timings["first_token"] = _ms(self.started)
        self.parts.append(text)
        yield Delta(text=text)


@dataclass
class ShoppingAssistant:
    index: ShopIndex
    searcher: HybridSearcher
    faq: FaqLookupService
    sessions: SessionStore
    llm: LLM | None = None
    profiles: Any = None  # assistant.profile.ProfileStore; optional so retrieval-only setups work
    config: AgentConfig = field(default_factory=AgentConfig)
    _facets: Facets | None = None
    _facets_revision: str | None = None
    _profiles_down_until: float = 0.0

    @classmethod
    def over_index(cls, index: ShopIndex, home, llm: LLM | None = None, config: AgentConfig | None = None) -> "ShoppingAssistant":
        """An agent over an open index, keeping sessions and profiles in `home` (tests, evals, embedding)."""
        from .profile import ProfileStore

        return cls(index=index, searcher=HybridSearcher(index), faq=FaqLookupService(index), sessions=SessionStore(home),
                   llm=llm, profiles=ProfileStore(home), config=config or AgentConfig())

    # --- public API -----------------------------------------------------------------------

    def turn(self, message: str, session_id: str, user_id: str | None = None) -> TurnResult:
        result = None
        for event in self.turn_stream(message, session_id, user_id):
            if isinstance(event, Final):
                result = event.result
        assert result is not None
        return result

    def turn_stream(self, message: str, session_id: str, user_id: str | None = None) -> Iterator[TurnEvent]:
        """Yields `Delta` events as the reply grows, a `Products` event once the products are
        decided, then one `Final` with the whole `TurnResult` (assistant/events.py)."""
        message = self._check_message(message)
        started = time.perf_counter()
        session, history, stored_user = self.sessions.load(session_id)
        user_id = user_id or stored_user

        t = time.perf_counter()
        u = self.understand(message, session.dialogue, history)
        timings = {"understand": _ms(t)}
        state = u.state
        # Recommendations from behaviour are product turns to the outside (TurnResult.intent).
        result = TurnResult(session_id=session_id, reply="", intent="product" if u.route == "recommend" else u.route,
                            constraints=state.public(), unknown_values=u.unknown)
        result.llm_used["understand"] = u.used_llm
        turn = _Turn(result, timings, started)

        if u.route == "recommend":  # "recommend me something", "what goes with this?": from behaviour
            answered = yield from self._recommend_from_behaviour(u, state, turn, user_id)
            if not answered:  # no profiles, or the recommender failed: the standing search answers
                yield from self._recommend(u, state, turn, user_id)
        elif u.route == "human":
            result.handoff = True
            self._record(user_id, "handoff", session_id=session_id, detail="asked for a human")
            yield from turn.say("Of course. I've asked a colleague from our support team to take over; they will reply here shortly.")
        elif u.route == "smalltalk":
            yield from turn.say(_smalltalk(message))
        if u.route in ("faq", "both"):
            t = time.perf_counter()
            yield from self._answer_faq(message, u, turn, user_id, session_id)
            timings["answer"] = _ms(t)
        if u.route == "product" or (u.route == "both" and not u.has("refer") and _changes_search(u)):
            yield from self._recommend(u, state, turn, user_id)
        elif u.route == "detail":
            yield from self._detail(message, state, turn)
        elif u.route == "compare":
            yield from self._compare(u, state, turn)
        if u.unknown and u.route in ("product", "both"):
            names = ", ".join(sorted(set(u.unknown)))
            yield from turn.say(f"\n\n(Note: we don't carry {names}; I searched without it.)")

        result.constraints = state.public()
        result.reply = "".join(turn.parts).strip()
        result.timings_ms = timings | {"total": _ms(started)}
        result.notes = u.notes + result.notes
        session.dialogue = state
        self.sessions.save_turn(
            session_id, user_id, session,
            [ChatMessage(role="user", content=message), ChatMessage(role="assistant", content=result.reply)],
            meta={"route": u.route, "products": [p.id for p in result.products],
                  "operations": [o.op for o in u.operations]},
        )
        yield Final(result=result)

    # --- understanding ----------------------------------------------------------------------

    def facets(self) -> Facets:
        revision = self.index.revision()
        if self._facets is None or self._facets_revision != revision:
            products = [
                item_from_metadata(m)
                for b in self.index.iter_records(where={"kind": "product"}, include=["metadatas"])
                for m in b["metadatas"]
            ]
            self._facets, self._facets_revision = Facets.from_products(products), revision
        return self._facets

    def understand(self, message: str, state: DialogueState, history: list[ChatMessage]) -> Update:
        """The one call that reads the message: the route and the state after it."""
        llm = self.llm if self.config.llm_understanding != "never" else None
        confident: dict[str, bool] = {}

        def faq_match(text: str) -> bool:
            if text not in confident:
                confident[text] = self.faq.lookup(text, k=1).confident
            return confident[text]

        return update(state, message, self.facets(), llm, faq_match=faq_match,
                      history=[m.model_dump() for m in history[-6:]], always_ask_llm=self.config.llm_understanding == "always")

    # --- answering ---------------------------------------------------------------------------

    def _card_budget(self) -> int:
        """Cards get what the model's window leaves after the prompt and the answer."""
        if self.llm is None:
            return self.config.card_tokens
        reserved = 350 + 50 * self.config.rank_picks  # instructions, request, and the JSON answer
        return max(100, min(self.config.card_tokens, self.llm.context_window - reserved))

    def _answer_faq(self, message: str, u: Update, turn: _Turn, user_id, session_id) -> Iterator[TurnEvent]:
        lookup: FaqLookup = self.faq.lookup(message, k=3)
        turn.result.faq = [FaqOut(id=m.entry.id, question=m.entry.question, score=m.score, source=m.entry.source or m.entry.id)
                           for m in lookup.matches[:3]] if lookup.confident else []
        best = lookup.best()
        if best is None:
            if u.route == "faq":
                turn.result.handoff = True
                self._record(user_id, "handoff", session_id=session_id, detail=f"no confident FAQ match: {message[:200]}")
                yield from turn.say(HANDOFF_TEXT)
            return
        answer = best.entry.answer
        if self.llm is not None and self.config.llm_faq_rephrase:
            answer = self._rephrase(message, answer)
            turn.result.llm_used["answer"] = answer != best.entry.answer
        yield from turn.say(answer)
        yield from turn.say(f"\n(From our FAQ: “{best.entry.question}”)")
        if u.route == "both":
            yield from turn.say("\n\n")

    def _rephrase(self, question: str, answer: str) -> str:
        """The LLM may reword, never add: any number in the rewording must be in the source."""
        if self.llm is None:
            return answer
        try:
            text = self.llm.chat(load_prompt("faq_answer").messages(question=as_data(question, 500), answer=as_data(answer, 3000)), max_tokens=150)
        except LLMError:
            return answer
        numbers = set(re.findall(r"\d+(?:[.,]\d+)?", text))
        if not text.strip() or not numbers <= set(re.findall(r"\d+(?:[.,]\d+)?", answer)) or len(text) > 2 * len(answer) + 200:
            return answer
        return text.strip()

    def _recommend(self, u: Update, state: DialogueState, turn: _Turn, user_id) -> Iterator[TurnEvent]:
        result = turn.result
        constraints = state.public()
        t = time.perf_counter()
        exclude = set(state.seen) if (u.has("more") or u.has("similar")) else set()
        if state.similar_to:
            exclude.add(state.similar_to)
        candidates, best_similarity = self._retrieve(state, user_id, exclude)
        turn.timings["retrieve"] = _ms(t)
        if candidates and not (constraints.categories or constraints.types or constraints.brands) \
                and best_similarity < self.config.min_catalog_similarity and not state.similar_to:
            yield from turn.say("I couldn't find anything like that in our catalog. Could you describe it differently, "
                                "or tell me the kind of product (for example shoes, headphones, a jacket)?")
            return
        if not candidates:
            yield from self._relax(state, user_id, exclude, turn)
            return
        t = time.perf_counter()
        seed = f"{result.session_id}-{state.turn}"
        shown_count = min(self.config.products_per_reply, len(candidates))
        # How many of what, read how: known before ranking, so the first words stream at once.
        yield from turn.say(opening_head(shown_count, constraints, candidates[:shown_count], seed))
        ranked: RankResult = rank_and_explain(
            self.llm if self.config.llm_rank else None, candidates, constraints, state.search_text(), self.facets(),
            n=self.config.products_per_reply, llm_picks=self.config.rank_picks, card_budget=self._card_budget(),
            max_cards=self.config.rank_cards, description_tokens=self.config.card_description_tokens,
            preferences=self._preferences_text(user_id),
        )
        turn.timings["rank_explain"] = _ms(t)
        result.llm_used["rank"] = ranked.used_llm
        result.notes.extend(ranked.problems)
        picks = [pick.product for pick in ranked.picks]
        facets = self.facets()
        composed = compose(picks, {pick.product.id: pick.reason for pick in ranked.picks if pick.reason_source == "llm"},
                           constraints, facets, liked_brands=self._liked_brands(user_id), seed=seed,
                           check=lambda reason, p: reason_problem(reason, p, facets, candidates=picks, intent=constraints),
                           prefer_llm=self.config.prefer_llm_reasons)
        result.products = [_product_out(p, composed.reasons[p.id], composed.sources[p.id]) for p in picks]
        yield Products(products=result.products)
        # The products appear once: summarised here, in full on the cards.
        yield from turn.say(opening_tail(picks, seed))
        self._remember_shown(state, picks)
        for p in result.products:
            self._record(user_id, "view", product_id=p.id, session_id=result.session_id)

    def _recommend_from_behaviour(self, u: Update, state: DialogueState, turn: _Turn, user_id) -> Generator[TurnEvent, None, bool]:
        """Answer the route "recommend" from the recommender (assistant/recs), fused with
        retrieval when the standing constraints name a type or category; returns (through
        `yield from`) whether it answered the turn."""
        from .recs.service import recommender_for

        if self.profiles is None:
            return False
        asked = next(o for o in u.operations if o.op == "recommend")
        kind, anchor = self._behaviour_anchor(str(asked.value), asked.values, state, user_id)
        if kind == "goes_with" and anchor is None:
            yield from turn.say("Which product do you mean? Search for it first, then ask what goes with it.")
            return True
        t = time.perf_counter()
        recommender = recommender_for(self.index, self.profiles)
        allowed = recommender.catalog().allowed(state.filters()) if state.public().describe() else None
        n = self.config.products_per_reply
        try:
            recs = recommender.recommend(user_id=user_id, product_id=anchor, k=n + len(state.seen), allowed=allowed,
                                         similar=kind in ("liked", "bought"), exclude=state.seen if kind == "for_you" else ())
        except Exception as exc:  # recommendations are a bonus: a failure is a search turn's answer, not an error
            log.warning("recommender failed: %s", exc)
            return False
        picks = self._fuse_with_search(recs.items, state, user_id, n) if allowed is not None else recs.items[:n]
        found = self.index.metadatas([product_record_id(pid) for pid in [r.id for r in picks] + ([anchor] if anchor else [])])
        products = {p.id: p for p in map(item_from_metadata, found.values()) if isinstance(p, Product)}
        turn.timings["recommend"] = _ms(t)
        out = [_product_out(products[r.id], r.reason, f"recs:{r.reason_kind}") for r in picks if r.id in products]
        if not out:
            yield from turn.say("I have nothing to suggest that fits what you asked for yet. Tell me what you're looking for?")
            return True
        title = products[anchor].title if anchor in products else anchor
        yield from turn.say(_behaviour_heading(kind, title, len(out), recs.cold_start))
        turn.result.products = out
        turn.result.notes.extend(recs.notes)
        yield Products(products=out)
        self._remember_shown(state, [products[p.id] for p in out])
        return True

    def _behaviour_anchor(self, kind: str, positions: list[int], state: DialogueState, user_id) -> tuple[str, str | None]:
        """The product a behaviour request is about: the shown item named ("what goes with the
        second one"), else the one in focus or first shown; the last one liked or bought. A
        "like what I bought" without any purchase becomes "for you"."""
        if kind == "goes_with":
            shown = state.shown_at(positions[0]) if positions else None
            return kind, shown.id if shown else (state.focus or (state.shown[0].id if state.shown else None))
        if kind in ("liked", "bought") and self.profiles is not None:
            wanted = ("like",) if kind == "liked" else ("purchase", "add_to_cart")
            past = [e.product_id for e in self.profiles.events(user_id, limit=200) if e.event in wanted and e.product_id] if user_id else []
            return (kind, past[0]) if past else ("for_you", None)
        return kind, None

    def _fuse_with_search(self, items: list, state: DialogueState, user_id, n: int) -> list:
        """Within standing constraints that name a type or category, the behaviour ranking and
        the search ranking fused by reciprocal rank (only items the recommender allowed)."""
        constraints = state.public()
        if not (constraints.types or constraints.categories) or not items:
            return items[:n]
        searched, _ = self._retrieve(state, user_id, set(state.seen))
        score: dict[str, float] = {}
        for ranking in ([r.id for r in items], [p.id for p in searched]):
            for rank, pid in enumerate(ranking, 1):
                score[pid] = score.get(pid, 0.0) + 1.0 / (20 + rank)
        by_id = {r.id: r for r in items}
        order = sorted((pid for pid in score if pid in by_id), key=lambda pid: -score[pid])
        return [by_id[pid] for pid in order[:n]]

    def _remember_shown(self, state: DialogueState, products: list[Product]) -> None:
        state.shown = [ShownItem(id=p.id, title=p.title, price=p.price, brand=p.brand, color=p.color,
                                 product_type=p.product_type) for p in products]
        state.seen = list(dict.fromkeys(state.seen + [p.id for p in products]))
        state.relaxed = []

    def _retrieve(self, state: DialogueState, user_id: str | None, exclude: set[str],
                  filters=None) -> tuple[list[Product], float]:
        """Candidates satisfying every hard constraint, best first, and the best dense similarity."""
        filters = filters or state.filters()
        profile_vector = None
        preferences = None
        disliked: set[str] = set()
        if user_id and self.profiles is not None and self._profiles_up():
            from .profile import disliked_products
            from .profile import profile_vector as make_profile_vector

            try:
                preferences = self.profiles.get_preferences(user_id)
                # Avoided brands are a hard "never"; the rest of the stated preferences are soft.
                if preferences.avoided_brands:
                    filters = filters.model_copy(update={"exclude_brands": list(dict.fromkeys(filters.exclude_brands + preferences.avoided_brands))})
                profile_vector = make_profile_vector(self.profiles, self.index, user_id)
                disliked = disliked_products(self.profiles, user_id)
            except Exception as exc:  # a busy profile store costs personalisation, never the turn
                self._profiles_failed("reading the profile", exc)
                preferences, profile_vector, disliked = None, None, set()
        k = self.config.candidates + len(exclude) + len(disliked)
        query, query_vector = state.search_text(), None
        if state.similar_to:
            anchor = self._product(state.similar_to)
            if anchor is not None:
                query = f"{anchor.title} {state.search_text()}".strip()
                vectors = self.index.vectors([product_record_id(anchor.id)])
                query_vector = next(iter(vectors.values()), None)
        hits = self.searcher.search(query, k=k, filters=filters, profile_vector=profile_vector, query_vector=query_vector,
                                    profile_weight=self.config.profile_weight if profile_vector is not None else 0.0)
        products = [h.product for h in hits if h.product and h.product.id not in exclude and h.product.id not in disliked]
        best_similarity = max((h.dense_score or 0.0 for h in hits), default=0.0)
        products = self._prefer_named_type(products, state)
        if preferences is not None:
            products = _soft_rerank(products, preferences)
        if state.sort == "price_asc":
            products.sort(key=lambda p: (p.price is None, p.price or 0))
        elif state.sort == "price_desc":
            products.sort(key=lambda p: -(p.price or 0))
        elif state.sort == "rating":
            products.sort(key=lambda p: -(p.rating or 0))
        return products[: self.config.candidates], best_similarity

    def _prefer_named_type(self, products: list[Product], state: DialogueState) -> list[Product]:
        """A category named with a product type's words ("headphones", which also holds in-ear
        earphones): the items that are what the shopper named come first. A preference, not a
        filter: the shop's category stays whole."""
        if state.values("type"):
            return products
        facets = self.facets()
        named = {type_key(kind) for kind in (facets.canonical("type", c) for c in state.values("category")) if kind}
        if not named:
            return products
        return sorted(products, key=lambda p: type_key(p.product_type or "") not in named)

    def _relax(self, state: DialogueState, user_id, exclude, turn: _Turn) -> Iterator[TurnEvent]:
        """Nothing satisfies every constraint: say so, and offer the nearest relaxation. The
        standing search keeps every constraint; if the shopper goes on from these alternatives,
        the next turn drops the relaxed one (`DialogueState.relaxed`)."""
        constraints = state.public()
        yield from turn.say(f"I couldn't find anything matching all of that ({constraints.describe() or constraints.text}).")
        steps: list[tuple[str, dict[str, Any]]] = [
            ("color", {"colors": []}), ("size", {"sizes": []}), ("material", {"materials": []}), ("brand", {"brands": []}),
            ("audience", {"audiences": []}), ("rating", {"min_rating": None}), ("stock", {"in_stock_only": False}),
            ("price", {"max_price": nice_above(constraints.max_price * 1.2) if constraints.max_price else None, "min_price": None}),
            ("type", {"types": []}), ("category", {"categories": []}),
        ]
        relaxed = constraints
        for name, change in steps:
            if all(getattr(relaxed, k) == v for k, v in change.items()):
                continue
            relaxed = relaxed.model_copy(update=change)
            candidates, _ = self._retrieve(state, user_id, exclude, filters=relaxed.filters())
            if candidates:
                currency = candidates[0].currency
                label = {"price": f"a budget up to {money(relaxed.max_price, currency)}" if relaxed.max_price else "any price"}.get(name, f"any {name}")
                turn.result.relaxation = f"relaxed {name}"
                if name == "price":
                    turn.result.offered_budget = relaxed.max_price
                turn.result.alternatives = [_product_out(p, "Closest option if you allow " + label + ".", "template") for p in candidates[:3]]
                yield Products(products=turn.result.alternatives, alternatives=True)
                count = NUMBER_WORDS.get(len(turn.result.alternatives), str(len(turn.result.alternatives))).lower()
                yield from turn.say(f" If you allow {label}, {count} come close; they do not meet everything you asked for.")
                state.shown = [ShownItem(id=p.id, title=p.title, price=p.price, brand=p.brand, color=p.color)
                               for p in candidates[:3]]
                state.relaxed = [{"price": "max_price"}.get(name, name)]
                return
        yield from turn.say(" Could you tell me a little more about what you need?")

    def _detail(self, message: str, state: DialogueState, turn: _Turn) -> Iterator[TurnEvent]:
        """About one shown product: its catalog facts, and whether the catalog says what was asked."""
        product = self._product(state.focus) if state.focus else None
        if product is None:
            yield from turn.say("Which product do you mean? Tell me its number in the list, or search again.")
            return
        facts = [f"{product.title} costs {price(product)}"]
        if product.brand and key(product.brand) not in key(product.title):
            facts.append(f"it is by {product.brand}")
        if product.rating is not None:
            facts.append(f"rated {product.rating:g}/5" + (f" by {product.rating_count:,} shoppers" if product.rating_count else ""))
        if not product.in_stock:
            facts.append("it is out of stock right now")
        yield from turn.say("; ".join(facts) + ".")
        first = product.description.split(". ")[0].strip() if product.description else ""
        if first:
            yield from turn.say(f" From the description: {first.rstrip('.')}.")
        asked = _asked_attribute(message)
        if asked:
            text = key(" ".join([product.title, product.description, " ".join(product.extra.values())]))
            said = " ".join(asked.split()) in text
            yield from turn.say(f" The catalog {'mentions' if said else 'does not say whether it is'} “{asked}”"
                                + ("." if said else "; check the product page or ask our team."))
        turn.result.products.append(_product_out(product, "The product you asked about.", "template"))

    def _compare(self, u: Update, state: DialogueState, turn: _Turn) -> Iterator[TurnEvent]:
        """Side by side from the catalog: price, rating, brand."""
        positions = next((o.values for o in u.operations if o.op == "compare"), [])
        products = [p for p in (self._product(s.id) for s in (state.shown_at(x) for x in positions) if s) if p]
        if len(products) < 2:
            yield from turn.say("Tell me which two products to compare, for example “compare the first and the third”.")
            return
        lines = []
        for n, p in zip(positions, products):
            bits = [price(p)] + ([f"rated {p.rating:g}/5"] if p.rating is not None else []) + ([p.brand] if p.brand else [])
            lines.append(f"#{n if n > 0 else len(state.shown)} {p.title}: " + ", ".join(bits))
        priced = [(p.price, p) for p in products if p.price is not None]
        summary = ""
        if len(priced) >= 2:
            (low, cheap), high = min(priced, key=lambda x: x[0]), max(amount for amount, _ in priced)
            if high > low:
                summary = f"The {cheap.title} is {money(high - low, cheap.currency)} cheaper."
        rated = [(p.rating, p) for p in products if p.rating is not None]
        if len(rated) >= 2:
            top, best = max(rated, key=lambda x: x[0])
            if sum(1 for r, _ in rated if r == top) == 1:
                summary += f" The {best.title} is rated highest ({top:g}/5)."
        yield from turn.say("\n".join(lines) + ("\n" + summary.strip() if summary else ""))
        for p in products:
            turn.result.products.append(_product_out(p, "Compared above.", "template"))

    # --- helpers ----------------------------------------------------------------------------

    def _product(self, product_id: str | None) -> Product | None:
        if not product_id:
            return None
        found = self.index.metadatas([product_record_id(product_id)])
        item = item_from_metadata(next(iter(found.values()))) if found else None
        return item if isinstance(item, Product) else None

    def _check_message(self, message: Any) -> str:
        if not isinstance(message, str):
            raise InputError(f"message must be text, not {type(message).__name__}")
        text = message.replace("\x00", "").strip()
        if not text:
            raise InputError("message is empty")
        if len(text) > self.config.max_message_chars:
            raise InputError(f"message is {len(text):,} characters; the limit is {self.config.max_message_chars:,}")
        return text

    def _liked_brands(self, user_id) -> list[str]:
        """Brands of what the shopper liked, added to a cart or bought, most recent first."""
        if not user_id or self.profiles is None or not self._profiles_up():
            return []
        try:
            wanted = [e.product_id for e in self.profiles.events(user_id, limit=50)
                      if e.event in ("like", "add_to_cart", "purchase") and e.product_id]
        except Exception as exc:
            self._profiles_failed("reading events", exc)
            return []
        brands = [p.brand for p in (self._product(pid) for pid in dict.fromkeys(wanted[:10])) if p and p.brand]
        return list(dict.fromkeys(brands))

    def _profiles_up(self) -> bool:
        """False for a while after the profile store failed: a locked profiles.db costs the
        following turns their personalisation, not seconds of waiting each."""
        return time.monotonic() >= self._profiles_down_until

    def _profiles_failed(self, what: str, exc: Exception) -> None:
        log.warning("profile store unavailable (%s): %s; personalisation is off for %.0f s", what, exc, PROFILE_RETRY_SECONDS)
        self._profiles_down_until = time.monotonic() + PROFILE_RETRY_SECONDS

    def _record(self, user_id, event, product_id=None, session_id=None, detail=None) -> None:
        if user_id and self.profiles is not None and self._profiles_up():
            try:
                self.profiles.record(user_id, event, product_id=product_id, session_id=session_id, detail=detail)
            except Exception as exc:  # a busy profile store must not fail a turn already shown
                self._profiles_failed(f"recording {event}", exc)

    def _preferences_text(self, user_id) -> str:
        if not user_id or self.profiles is None or not self._profiles_up():
            return "none stated"
        try:
            prefs = self.profiles.get_preferences(user_id)
        except Exception as exc:
            self._profiles_failed("reading preferences", exc)
            return "none stated"
        parts = []
        if prefs.max_budget is not None:
            parts.append(f"budget up to {prefs.max_budget:g}")
        if prefs.preferred_brands:
            parts.append("likes " + ", ".join(prefs.preferred_brands))
        if prefs.colors:
            parts.append("colours " + ", ".join(prefs.colors))
        if prefs.sizes:
            parts.append("sizes " + ", ".join(prefs.sizes))
        return "; ".join(parts) or "none stated"


def _changes_search(u: Update) -> bool:
    return any(o.op not in ("refer", "refine", "restate") for o in u.operations)


def _soft_rerank(products: list[Product], prefs) -> list[Product]:
    """Stated preferences nudge the order (a stable sort on a small bonus), never filter."""
    liked = {key(b) for b in prefs.preferred_brands}
    colors = {key(c) for c in prefs.colors}
    sizes = {key(s) for s in prefs.sizes}

    def bonus(p: Product) -> int:
        b = 0
        b += key(p.brand or "") in liked
        b += key(p.color or "") in colors
        b += bool(sizes & {key(s) for s in p.sizes})
        if prefs.max_budget is not None and p.price is not None and p.price <= prefs.max_budget:
            b += 1
        return b

    return sorted(products, key=lambda p: -bonus(p))



def _behaviour_heading(kind: str, title: str | None, count: int, cold_start: bool) -> str:
    """The sentence above recommendations from behaviour, saying where they come from."""
    number = NUMBER_WORDS.get(count, str(count)).lower()
    if kind == "goes_with":
        return (f"Nobody's purchases link the {title} to anything yet; {number} similar or popular items instead:" if cold_start
                else f"Shoppers who bought the {title} also went for these {number}:")
    if kind in ("liked", "bought"):
        return f"Here are {number} like the {title} you {kind}:"
    if cold_start:
        return f"I don't know your taste yet, so here are {number} items popular with our shoppers:"
    return f"Here are {number} picks for you, from what you and shoppers like you did:"


def _smalltalk(message: str) -> str:
    if re.search(r"\b(?:thank|thanks|thx|ty)\b", message, re.I):
        return "You're welcome! Anything else I can help you find?"
    if re.search(r"\b(?:bye|goodbye|see you)\b", message, re.I):
        return "Goodbye, and happy shopping!"
    return ("Hi! I can help you find products (tell me what you need, your budget, brand, size or colour) "
            "and answer questions about shipping, returns, payment and more.")


_ASKED = re.compile(r"\b(?:is|are|does|do|has|have|can)\s+(?:it|this|that|the \w+(?: one)?|they)\s+(?:come\s+(?:in|with)\s+|have\s+|has\s+|a\s+|an\s+)?"
                    r"([a-z][a-z -]{2,30}?)\s*\??$", re.I)


def _asked_attribute(message: str) -> str | None:
    """"is the second one waterproof?" -> "waterproof"."""
    m = _ASKED.search(message.strip())
    return m.group(1).strip().lower() if m else None


def _product_out(p: Product, reason: str, source: str) -> ProductOut:
    return ProductOut(id=p.id, title=p.title, price=p.price, currency=p.currency, price_text=price(p), reason=reason, brand=p.brand,
                      color=p.color, url=p.url, image_url=p.image_url, rating=p.rating, in_stock=p.in_stock, reason_source=source)


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)
