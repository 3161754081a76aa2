"""The shopping assistant: one turn = understand → retrieve (with the profile) → rank and explain
→ answer, streamed. Composes retrieval, the profile store and an LLM; the LLM proposes, code
checks every product, price and constraint before anything is shown.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any, Iterator, Literal

from pydantic import BaseModel, Field

from retrieval.documents import item_from_metadata, key
from retrieval.faq import FaqLookup, FaqLookupService
from retrieval.schemas import Product
from retrieval.search import HybridSearcher
from retrieval.store import ShopIndex

from .budget import fit_history, tiktoken_counter
from .intent import Facets, IntentUpdate, SearchIntent, Understanding, apply_rules, find_terms, merge_llm_update
from .llm import LLM, LLMError
from .prompts import as_data, load_prompt
from .ranking import RankResult, rank_and_explain
from .sessions import ChatMessage, SessionState, SessionStore

MAX_MESSAGE_CHARS = 2000
HANDOFF_TEXT = (
    "I'm not sure about that one, and I'd rather not guess. I can hand you over to a colleague "
    "from our support team, who will get back to you."
)


class InputError(ValueError):
    """The shopper's message cannot be processed as sent (empty, too long...)."""


class ProductOut(BaseModel):
    id: str
    title: str
    price: float | None
    currency: str
    reason: str
    brand: str | None = None
    color: str | None = None
    url: str | None = None
    image_url: str | None = None
    rating: float | None = None
    in_stock: bool = True
    reason_source: str = "template"


class FaqOut(BaseModel):
    id: str
    question: str
    score: float
    source: str | None = None


class TurnResult(BaseModel):
    """The JSON contract of one turn (`shopassist ask --json`, the HTTP API)."""

    session_id: str
    reply: str
    intent: Literal["product", "faq", "both", "smalltalk", "human"]
    constraints: SearchIntent
    products: list[ProductOut] = Field(default_factory=list)
    faq: list[FaqOut] = Field(default_factory=list)
    alternatives: list[ProductOut] = Field(default_factory=list, description="Nearest relaxation when nothing matches: NOT matches.")
    relaxation: str | None = None
    handoff: bool = False
    unknown_values: list[str] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    llm_used: dict[str, bool] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)


@dataclass
class AgentConfig:
    products_per_reply: int = 5
    candidates: int = 12
    profile_weight: float = 0.25
    llm_understanding: Literal["auto", "always", "never"] = "auto"
    llm_rank: bool = True
    llm_faq_rephrase: bool = False  # the FAQ text verbatim is exact; rephrasing is opt-in
    history_tokens: int = 400
    card_tokens: int = 900
    rank_cards: int = 8
    rank_picks: int = 5  # how many the LLM chooses; the rest of the reply is filled in retrieval order
    card_description_tokens: int = 30
    max_message_chars: int = MAX_MESSAGE_CHARS
    min_catalog_similarity: float = 0.3  # below this, a request matches nothing we sell


def config_for(llm: LLM | None) -> AgentConfig:
    """Defaults sized to the model. The embedded 135M model processes prompts at ~150 tokens/s
    on 2 cores (bench agent), so it gets few, short cards and picks three: the prompt stays near
    300 tokens and the turn within a few seconds. Endpoints get full cards."""
    from .llm import LlamaCppLLM

    if isinstance(llm, LlamaCppLLM):
        return AgentConfig(rank_cards=4, card_tokens=240, rank_picks=3, card_description_tokens=0)
    return AgentConfig()


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
            if event["type"] == "final":
                result = event["result"]
        assert result is not None
        return result

    def turn_stream(self, message: str, session_id: str, user_id: str | None = None) -> Iterator[dict[str, Any]]:
        """Yields {"type": "delta", "text": ...} events, then {"type": "final", "result": TurnResult}."""
        message = self._check_message(message)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        state, history, stored_user = self.sessions.load(session_id)
        user_id = user_id or stored_user

        t = time.perf_counter()
        u = self.understand(message, state, history)
        timings["understand"] = _ms(t)

        result = TurnResult(session_id=session_id, reply="", intent=u.route, constraints=u.intent, unknown_values=u.unknown)
        result.llm_used["understand"] = u.used_llm
        reply_parts: list[str] = []

        def say(text: str) -> Iterator[dict[str, Any]]:
            if "first_token" not in timings:
                timings["first_token"] = _ms(started)
            reply_parts.append(text)
            yield {"type": "delta", "text": text}

        if u.route == "human":
            result.handoff = True
            self._record(user_id, "handoff", session_id=session_id, detail="asked for a human")
            yield from say("Of course. I've asked a colleague from our support team to take over; they will reply here shortly.")
        elif u.route == "smalltalk":
            yield from say(self._smalltalk(message))
        if u.route in ("faq", "both"):
            t = time.perf_counter()
            yield from self._answer_faq(message, u, result, user_id, session_id, say)
            timings["answer"] = _ms(t)
        # "do these ship free?" is answered by the FAQ; the products already shown stay as they were.
        about_shown = u.route == "both" and not u.intent.category and state.last_products and u.refers_to_shown
        if u.route in ("product", "both") and not about_shown:
            yield from self._recommend(message, u, state, result, user_id, timings, say)
        if u.unknown and u.route in ("product", "both"):
            names = ", ".join(sorted(set(u.unknown)))
            yield from say(f"\n\n(Note: we don't carry {names}; I searched without it.)")

        state.intent = u.intent
        result.constraints = u.intent
        result.reply = "".join(reply_parts).strip()
        result.timings_ms = timings | {"total": _ms(started)}
        result.notes = u.notes + result.notes
        self.sessions.save_turn(
            session_id, user_id, state,
            [ChatMessage(role="user", content=message), ChatMessage(role="assistant", content=result.reply)],
            meta={"route": u.route, "products": [p.id for p in result.products]},
        )
        yield {"type": "final", "result": result}

    # --- stages ---------------------------------------------------------------------------

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

    def understand(self, message: str, state: SessionState, history: list[ChatMessage]) -> Understanding:
        facets = self.facets()
        u = apply_rules(message, state.intent, facets)
        if u.reset:
            state.shown, state.last_products, state.last_prices = [], [], []
        content = _content_words(message, facets)
        # The FAQ decides between "product" and "faq" when rules saw neither kind of signal; a
        # message close to nothing in the catalog either is out of scope: honest "not sure".
        if u.route == "product" and not _has_product_words(message, u, state.intent):
            lookup = self.faq.lookup(message, k=1)
            if lookup.confident:
                u.route = "faq"
                u.notes.append("faq lookup confident")
            elif content and self._catalog_similarity(message) < self.config.min_catalog_similarity:
                u.route = "faq"
                u.notes.append("out of scope: close to nothing in the catalog or FAQ")
        # A new subject ("a gift for my dad who loves coffee" after running shoes) drops the
        # old category and what belonged to it; a refinement ("something waterproof") keeps it.
        if content and state.intent.category and u.intent.category == state.intent.category and u.route in ("product", "both"):
            if not _find_category(message, facets) and self._topic_changed(message, state.intent.category):
                u.intent = u.intent.model_copy(update={"category": None, "sizes": [], "colors": [], "brands": []})
                u.notes.append(f"new topic: left {state.intent.category}")
        wants_llm = self.llm is not None and u.route in ("product", "both") and (
            self.config.llm_understanding == "always"
            or (self.config.llm_understanding == "auto" and not u.intent.category and not u.more and not u.cheaper and not u.pricier)
        )
        if wants_llm:
            prompt = load_prompt("understand")
            recent, _ = fit_history([m.model_dump() for m in history[-6:]], self.config.history_tokens, tiktoken_counter)
            messages = prompt.messages(
                constraints=u.intent.describe() or "none",
                history="\n".join(f"{m['role']}: {as_data(m['content'], 300)}" for m in recent) or "(start)",
                message=as_data(message, 1000),
            )
            try:
                update = self.llm.structured(messages, IntentUpdate, max_tokens=120)
                merge_llm_update(u, update, message, facets)
            except LLMError as exc:
                u.notes.append(f"LLM understanding failed: {exc}")
        # The standalone query: new product words replace the old text; pure refinements keep it.
        if content and u.route in ("product", "both"):
            u.intent.text = message
        elif not u.intent.text:
            u.intent.text = message
        if not (u.more or u.cheaper or u.pricier) and (content or u.reset):
            state.shown = []
        return u

    def _card_budget(self) -> int:
        """Cards get what the model's window leaves after the prompt and the answer."""
        if self.llm is None:
            return self.config.card_tokens
        reserved = 350 + 50 * self.config.rank_picks  # instructions, request, and the JSON answer
        return max(100, min(self.config.card_tokens, self.llm.context_window - reserved))

    def _catalog_similarity(self, message: str) -> float:
        hits = self.index.dense_query(self.index.embedder.embed([message])[0], 1, {"kind": "product"}, with_metadata=False)
        return hits[0][1] if hits else 0.0

    def _topic_changed(self, message: str, category: str) -> bool:
        names = list(self.facets().categories.values())
        vectors = self.index.embedder.embed([message, *names])
        sims = vectors[1:] @ vectors[0]
        current = max((sims[i] for i, n in enumerate(names) if key(n) == key(category)), default=0.0)
        return float(sims.max()) - float(current) > 0.08

    def _answer_faq(self, message, u: Understanding, result: TurnResult, user_id, session_id, say) -> Iterator[dict]:
        lookup: FaqLookup = self.faq.lookup(message, k=3)
        result.faq = [FaqOut(id=m.entry.id, question=m.entry.question, score=m.score, source=m.entry.source or m.entry.id)
                      for m in lookup.matches[:3]] if lookup.confident else []
        best = lookup.best()
        if best is None:
            if u.route == "faq":
                result.handoff = True
                self._record(user_id, "handoff", session_id=session_id, detail=f"no confident FAQ match: {message[:200]}")
                yield from say(HANDOFF_TEXT)
            return
        answer = best.entry.answer
        if self.llm is not None and self.config.llm_faq_rephrase:
            answer = self._rephrase(message, answer)
            result.llm_used["answer"] = answer != best.entry.answer
        yield from say(answer)
        yield from say(f"\n(Source: FAQ “{best.entry.question}” [{best.entry.id}])")
        if u.route == "both":
            yield from say("\n\n")

    def _rephrase(self, question: str, answer: str) -> str:
        """The LLM may reword, never add: any number in the rewording must be in the source."""
        try:
            text = self.llm.chat(load_prompt("faq_answer").messages(question=as_data(question, 500), answer=as_data(answer, 3000)), max_tokens=150)
        except LLMError:
            return answer
        numbers = set(re.findall(r"\d+(?:[.,]\d+)?", text))
        if not text.strip() or not numbers <= set(re.findall(r"\d+(?:[.,]\d+)?", answer)) or len(text) > 2 * len(answer) + 200:
            return answer
        return text.strip()

    def _recommend(self, message, u: Understanding, state: SessionState, result: TurnResult, user_id, timings, say) -> Iterator[dict]:
        intent = u.intent
        if u.cheaper and state.last_prices:
            # "cheaper ones": below the middle of what was just shown
            intent.max_price = round(sorted(state.last_prices)[len(state.last_prices) // 2] - 0.01, 2)
            if intent.min_price is not None and intent.min_price > intent.max_price:
                intent.min_price = None
        if u.pricier and state.last_prices:
            intent.min_price = round(max(state.last_prices) + 0.01, 2)
            if intent.max_price is not None and intent.max_price < intent.min_price:
                intent.max_price = None
        t = time.perf_counter()
        exclude = set(state.shown) if u.more else set()
        candidates, best_similarity = self._retrieve(intent, user_id, exclude)
        timings["retrieve"] = _ms(t)
        if candidates and not (intent.category or intent.brands) and best_similarity < self.config.min_catalog_similarity:
            yield from say("I couldn't find anything like that in our catalog. Could you describe it differently, "
                           "or tell me the kind of product (for example shoes, headphones, a jacket)?")
            return
        if not candidates:
            yield from self._relax(intent, user_id, exclude, result, say)
            return
        t = time.perf_counter()
        intro = f"Here {'is what' if len(candidates) == 1 else 'are some options'} I found" + (f" ({intent.describe()})" if intent.describe() else "") + ":\n"
        yield from say(intro)
        ranked: RankResult = rank_and_explain(
            self.llm if self.config.llm_rank else None, candidates, intent, message, self.facets(),
            n=self.config.products_per_reply, llm_picks=self.config.rank_picks, card_budget=self._card_budget(),
            max_cards=self.config.rank_cards, description_tokens=self.config.card_description_tokens,
            preferences=self._preferences_text(user_id),
        )
        timings["rank_explain"] = _ms(t)
        result.llm_used["rank"] = ranked.used_llm
        result.notes.extend(ranked.problems)
        for n, pick in enumerate(ranked.picks, 1):
            p = pick.product
            result.products.append(_product_out(p, pick.reason, pick.reason_source))
            yield from say(f"{n}. {p.title} — {_price(p)}: {pick.reason}\n")
        shown = [p.id for p in result.products]
        state.shown = list(dict.fromkeys(state.shown + shown))
        state.last_products = shown
        state.last_prices = [p.price for p in result.products if p.price is not None]
        for pid in shown:
            self._record(user_id, "view", product_id=pid, session_id=result.session_id)

    def _retrieve(self, intent: SearchIntent, user_id: str | None, exclude: set[str]) -> tuple[list[Product], float]:
        """Candidates satisfying every hard constraint, best first, and the best dense similarity."""
        filters = intent.filters()
        profile_vector = None
        preferences = None
        disliked: set[str] = set()
        if user_id and self.profiles is not None:
            from .profile import disliked_products, profile_vector as make_profile_vector

            preferences = self.profiles.get_preferences(user_id)
            # Avoided brands are a hard "never"; the rest of the stated preferences are soft.
            if preferences.avoided_brands:
                filters = filters.model_copy(update={"exclude_brands": list(dict.fromkeys(filters.exclude_brands + preferences.avoided_brands))})
            profile_vector = make_profile_vector(self.profiles, self.index, user_id)
            disliked = disliked_products(self.profiles, user_id)
        k = self.config.candidates + len(exclude) + len(disliked)
        query = " ".join(x for x in [intent.text, intent.category or "", " ".join(intent.colors)] if x)
        hits = self.searcher.search(query, k=k, filters=filters, profile_vector=profile_vector,
                                    profile_weight=self.config.profile_weight if profile_vector is not None else 0.0)
        products = [h.product for h in hits if h.product and h.product.id not in exclude and h.product.id not in disliked]
        best_similarity = max((h.dense_score or 0.0 for h in hits), default=0.0)
        if preferences is not None:
            products = _soft_rerank(products, preferences)
        if intent.sort == "price_asc":
            products.sort(key=lambda p: (p.price is None, p.price or 0))
        elif intent.sort == "price_desc":
            products.sort(key=lambda p: -(p.price or 0))
        elif intent.sort == "rating":
            products.sort(key=lambda p: -(p.rating or 0))
        return products[: self.config.candidates], best_similarity

    def _relax(self, intent: SearchIntent, user_id, exclude, result: TurnResult, say) -> Iterator[dict]:
        """Nothing satisfies every constraint: say so, and offer the nearest relaxation."""
        yield from say(f"I couldn't find anything matching all of that ({intent.describe() or intent.text}).")
        steps = [
            ("colour", {"colors": []}), ("size", {"sizes": []}), ("brand", {"brands": []}),
            ("rating", {"min_rating": None}), ("stock", {"in_stock_only": False}),
            ("price", {"max_price": intent.max_price * 1.3 if intent.max_price else None, "min_price": None}),
            ("category", {"category": None}),
        ]
        relaxed = intent
        for name, change in steps:
            if all(getattr(relaxed, k) == v for k, v in change.items()):
                continue
            relaxed = relaxed.model_copy(update=change)
            candidates, _ = self._retrieve(relaxed, user_id, exclude)
            if candidates:
                label = {"price": f"a budget up to {relaxed.max_price:g}" if relaxed.max_price else "any price"}.get(name, f"any {name}")
                result.relaxation = f"relaxed {name}"
                result.alternatives = [_product_out(p, "Closest option if you allow " + label + ".", "template") for p in candidates[:3]]
                yield from say(f" If you allow {label}, these are the closest (they do not meet everything you asked for):\n")
                for n, p in enumerate(candidates[:3], 1):
                    yield from say(f"{n}. {p.title} — {_price(p)}\n")
                return
        yield from say(" Could you tell me a little more about what you need?")

    def _smalltalk(self, message: str) -> str:
        if re.search(r"\b(?:thank|thanks)\b", message, re.I):
            return "You're welcome! Anything else I can help you find?"
        if re.search(r"\b(?:bye|goodbye|see you)\b", message, re.I):
            return "Goodbye, and happy shopping!"
        return ("Hi! I can help you find products (tell me what you need, your budget, brand, size or colour) "
                "and answer questions about shipping, returns, payment and more.")

    # --- helpers ----------------------------------------------------------------------------

    def _check_message(self, message: Any) -> str:
        if not isinstance(message, str):
            raise InputError(f"message must be text, not {type(message).__name__}")
        text = message.replace("\x00", "").strip()
        if not text:
            raise InputError("message is empty")
        if len(text) > self.config.max_message_chars:
            raise InputError(f"message is {len(text):,} characters; the limit is {self.config.max_message_chars:,}")
        return text

    def _record(self, user_id, event, product_id=None, session_id=None, detail=None) -> None:
        if user_id and self.profiles is not None:
            self.profiles.record(user_id, event, product_id=product_id, session_id=session_id, detail=detail)

    def _preferences_text(self, user_id) -> str:
        if not user_id or self.profiles is None:
            return "none stated"
        prefs = self.profiles.get_preferences(user_id)
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


_STOP = set("i im i'm a an the for me my some any please show want need looking look find something else other options ones one more less "
            "cheaper expensive under below over above between and or to of in on with without not no size colour color "
            "price budget dollars usd rupees k is are it this that these those them do does you your have has can could would like "
            "just also maybe now ok okay thanks thank actually instead rather only but what which how about around from by".split())


def _content_words(message: str, facets: Facets) -> list[str]:
    words = re.findall(r"[a-z][a-z'-]+", message.lower())
    known = set(facets.colors) | set(facets.brands)
    return [w for w in words if w not in _STOP and w not in known and len(w) > 2]


def _find_category(message: str, facets: Facets) -> bool:
    return bool(find_terms(message, facets.categories))


def _has_product_words(message: str, u: Understanding, current: SearchIntent) -> bool:
    return bool(u.intent.category != current.category or u.intent.brands != current.brands or u.more or u.cheaper or u.pricier
                or u.intent.max_price != current.max_price or u.intent.min_price != current.min_price
                or re.search(r"\b(?:looking for|recommend|suggest|show me|find me|need a|want a|buy)\b", message, re.I))


def _price(p: Product) -> str:
    return f"{p.price:,.2f} {p.currency}" if p.price is not None else "price on request"


def _product_out(p: Product, reason: str, source: str) -> ProductOut:
    return ProductOut(id=p.id, title=p.title, price=p.price, currency=p.currency, reason=reason, brand=p.brand,
                      color=p.color, url=p.url, image_url=p.image_url, rating=p.rating, in_stock=p.in_stock, reason_source=source)


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)
