"""Dialogue understanding (assistant/dialogue) on the demo catalog's facets: pure functions, no
model, no index. One test per bug found on the demo shop, then the operations one by one."""

from __future__ import annotations

import pytest

from assistant.dialogue import DialogueState, ShownItem, update
from retrieval.attributes import derive_attributes
from retrieval.facets import Facets
from retrieval.ingest import parse_file
from tests.conftest import DEMO


@pytest.fixture(scope="module")
def catalog():
    items = [item for _, item in parse_file(DEMO / "products.jsonl", "product").items]
    items, _ = derive_attributes(items)
    return items


@pytest.fixture(scope="module")
def facets(catalog):
    return Facets.from_products(catalog)


def converse(facets, messages, shown=None):
    """Replay messages; `shown` (products) is put in state.shown after each turn."""
    state, updates = DialogueState(), []
    for message in messages:
        u = update(state, message, facets)
        state = u.state
        if shown is not None:
            state.shown = [ShownItem(id=p.id, title=p.title, price=p.price, brand=p.brand, color=p.color) for p in shown]
        updates.append(u)
    return updates


def of(u, facet, exclude=False):
    return sorted(v.lower() for v in u.state.values(facet, exclude))


def shoes(catalog, n=4):
    return [p for p in catalog if "Running Shoes" in p.category][:n]


# --- the bugs found on the demo shop --------------------------------------------------------


def test_a_restated_request_is_the_same_search_never_an_faq(facets):
    first, again, black, once_more = converse(facets, ["running shoes under 100", "running shoes under 100", "in black?",
                                                        "running shoes under 100"])
    assert [u.route for u in (first, again, black, once_more)] == ["product"] * 4
    assert again.has("restate") and again.state.same_search(first.state)
    assert of(once_more, "color") == ["black"] and once_more.state.max_price.value == 100


def test_more_like_this_from_the_ui_is_a_similar_search_not_a_brand_filter(facets, catalog):
    shown = shoes(catalog)
    _, more = converse(facets, ["running shoes", f"Show me more like {shown[1].title}"], shown=shown)
    assert more.route == "product" and more.has("similar")
    assert more.state.similar_to == shown[1].id
    assert not more.state.values("brand")


def test_a_colour_relaxed_for_alternatives_does_not_stay(facets, catalog):
    state = update(DialogueState(), "running shoes in black under 100", facets).state
    state.relaxed = ["color"]  # the reply had to drop the colour to show anything
    state.shown = [ShownItem(id=p.id, title=p.title, price=p.price) for p in shoes(catalog)]
    cheaper = update(state, "something cheaper", facets)
    assert not cheaper.state.values("color")
    assert cheaper.state.max_price.value == int(cheaper.state.max_price.value)  # a round budget, not 97.78
    assert cheaper.state.max_price.value <= 100


def test_something_else_right_after_an_faq_turn_continues_the_search(facets):
    shoes_turn, faq, more = converse(facets, ["running shoes under 150", "what is your return policy?", "show me something else"])
    assert faq.route == "faq" and faq.state.same_search(shoes_turn.state)
    assert more.route == "product" and more.has("more") and more.state.same_search(shoes_turn.state)


def test_a_gift_for_dad_is_a_new_subject_without_the_old_budget(facets):
    _, gift = converse(facets, ["running shoes under 100", "a gift for my dad who likes cooking"])
    assert gift.has("new_subject") and gift.state.max_price is None and not gift.state.values("category")
    assert of(gift, "audience") == ["men"] and not gift.state.values("brand") and "cooking" in gift.state.query


def test_kitchen_gift_under_50_is_no_unknown_brand(facets):
    (u,) = converse(facets, ["kitchen gift under 50"])
    assert u.route == "product" and not u.unknown and not u.state.values("brand") and u.state.max_price.value == 50


def test_a_size_does_not_follow_to_headphones(facets):
    _, headphones = converse(facets, ["t-shirts in size M under 40", "now I need headphones"])
    assert not headphones.state.values("size") and headphones.state.max_price is None
    assert of(headphones, "category") == ["headphones"]


# --- operations -----------------------------------------------------------------------------

EXCLUSIONS = [
    "not Veloxa", "no Veloxa please", "without Veloxa", "anything except Veloxa", "other than Veloxa", "anything but Veloxa",
    "avoid Veloxa", "I don't like Veloxa", "skip Veloxa", "I'm not a fan of Veloxa", "I'm done with Veloxa",
    "Veloxa is not for me", "nothing from Veloxa", "I hate Veloxa", "no more Veloxa",
]


@pytest.mark.parametrize("message", EXCLUSIONS)
def test_exclusion_phrasings(facets, message):
    _, u = converse(facets, ["running shoes under 150", message])
    assert u.route == "product" and of(u, "brand", exclude=True) == ["veloxa"], u.operations
    assert not u.state.values("brand") and u.state.max_price.value == 150 and of(u, "category") == ["running shoes"]


def test_exclusion_scope_and_combinations(facets):
    (u,) = converse(facets, ["a black jacket but not leather"])
    assert of(u, "color") == ["black"] and of(u, "material", exclude=True) == ["leather"] and of(u, "category") == ["jackets"]
    (u,) = converse(facets, ["headphones, not Decibelle or Veloxa"])
    assert of(u, "brand", exclude=True) == ["decibelle", "veloxa"]
    (u,) = converse(facets, ["no leather jackets"])
    assert of(u, "category") == ["jackets"] and of(u, "material", exclude=True) == ["leather"]
    (u,) = converse(facets, ["not Veloxa but Stridewell running shoes"])
    assert of(u, "brand") == ["stridewell"] and of(u, "brand", exclude=True) == ["veloxa"]


@pytest.mark.parametrize("message,facet", [
    ("any colour is fine", "color"), ("colour doesn't matter", "color"), ("forget the colour", "color"),
    ("I don't care about the colour", "color"), ("any brand", "brand"), ("doesn't have to be Stridewell", "brand"),
])
def test_removals(facets, message, facet):
    _, u = converse(facets, ["Stridewell running shoes in black", message])
    assert not u.state.values(facet) and u.route == "product", u.operations


@pytest.mark.parametrize("message", ["forget the budget", "no price limit", "any price", "price doesn't matter"])
def test_budget_removals(facets, message):
    _, u = converse(facets, ["headphones under 200", message])
    assert u.state.max_price is None and of(u, "category") == ["headphones"]


def test_replace_and_add_values(facets):
    _, blue, also_red = converse(facets, ["jackets in black", "actually in blue", "or red"])
    assert of(blue, "color") == ["blue"] and of(also_red, "color") == ["blue", "red"]


def test_references_to_shown_products(facets, catalog):
    shown = shoes(catalog)
    _, second = converse(facets, ["running shoes", "tell me more about the second one"], shown=shown)
    assert second.route == "detail" and second.state.focus == shown[1].id
    _, cheaper = converse(facets, ["running shoes", "something cheaper than the first one"], shown=shown)
    assert cheaper.state.max_price.value < shown[0].price
    _, compare = converse(facets, ["running shoes", "compare the first two"], shown=shown)
    assert compare.route == "compare" and next(o for o in compare.operations if o.op == "compare").values == [1, 2]
    _, like = converse(facets, ["running shoes", "more like the third one"], shown=shown)
    assert like.has("similar") and like.state.similar_to == shown[2].id


def test_routes(facets):
    assert converse(facets, ["hi there"])[0].route == "smalltalk"
    assert converse(facets, ["I want to talk to a real person"])[0].route == "human"
    assert converse(facets, ["what is the capital of france"])[0].route == "faq"  # the FAQ then says it is not sure
    assert converse(facets, ["how long does shipping take?"])[0].route == "faq"
    assert converse(facets, ["recommend a backpack under 100"])[0].route == "product"


def test_the_state_is_never_changed_in_place(facets):
    state = update(DialogueState(), "running shoes under 100", facets).state
    before = state.model_dump_json()
    update(state, "not Veloxa, in black, under 80", facets)
    assert state.model_dump_json() == before


def test_constraints_keep_where_they_came_from(facets):
    _, u = converse(facets, ["headphones under 200", "in navy"])
    navy = next(c for c in u.state.constraints if c.facet == "color")
    assert navy.source.turn == 2 and navy.source.words.lower() == "navy" and u.state.max_price.source.turn == 1


def test_values_the_catalog_lacks_are_reported_not_filtered(facets):
    (u,) = converse(facets, ["running shoes from Nike"])
    assert "brand Nike" in u.unknown and not u.state.values("brand")
    (u,) = converse(facets, ["jackets in turquoise"])
    assert not u.state.values("color") and any("turquoise" in x.lower() for x in u.unknown)


# --- recommendations from behaviour (issue 14) ---------------------------------------------------


@pytest.mark.parametrize("message, kind, positions", [
    ("recommend me something", "for_you", []),
    ("Any suggestions for me?", "for_you", []),
    ("surprise me!", "for_you", []),
    ("something like what I bought last time", "bought", []),
    ("more like what I liked", "liked", []),
    ("what goes with the second one?", "goes_with", [2]),
    ("what goes well with this", "goes_with", []),
    ("frequently bought together?", "goes_with", []),
])
def test_requests_for_recommendations_route_to_behaviour(facets, message, kind, positions):
    state = converse(facets, ["running shoes under 100"])[-1].state
    u = update(state, message, facets)
    asked = [o for o in u.operations if o.op == "recommend"]
    assert u.route == "recommend" and [(o.value, o.values) for o in asked] == [(kind, positions)]
    assert u.state.public() == state.public()  # the standing search is kept for the next search turn


@pytest.mark.parametrize("message", ["recommend me trail running shoes", "suggest a waterproof jacket under 200"])
def test_a_recommendation_that_names_what_it_wants_is_a_search(facets, message):
    u = update(DialogueState(), message, facets)
    assert u.route == "product" and not u.has("recommend")


def test_no_cue_pattern_of_the_rules_matches_empty_text():
    """An empty alternative ("a||b") in one of the rules' cue patterns matches everywhere and
    silently turns every message into that operation."""
    import re

    from assistant.dialogue import rules

    empty = [name for name, value in vars(rules).items() if isinstance(value, re.Pattern) and value.search("") is not None]
    assert empty == []


def test_the_llm_only_fills_what_the_rules_left_open():
    from assistant.dialogue import Operation
    from assistant.dialogue.llm import merge

    read = [Operation(op="cheaper", words="too pricey")]
    kept, notes = merge(read, [Operation(op="pricier"), Operation(op="add", facet="max_price", value=99.0),
                               Operation(op="exclude", facet="brand", value="Veloxa"), Operation(op="exclude", facet="brand", value="Veloxa"),
                               Operation(op="more")])
    assert [(o.op, o.facet) for o in kept] == [("exclude", "brand")] and len(notes) == 4
    kept, _ = merge([], [Operation(op="more"), Operation(op="add", facet="color", value="Black")])
    assert [o.op for o in kept] == ["more", "add"]  # nothing read: the proposal is the reading
    kept, _ = merge([], [Operation(op="cheaper"), Operation(op="pricier")])
    assert kept == []  # both ways at once says nothing
