"""Mapping files and transforms: the shipped mappings load files shaped like the shared real
catalogs and FAQ sets (fixtures written by us in the same layouts)."""

from pathlib import Path

import pytest

from retrieval.ingest import parse_file
from retrieval.mapping import FieldRule, Mapping, MappingError, TransformError, convert, parse_price
from tests.conftest import FIXTURES, MAPPINGS


@pytest.mark.parametrize(
    "text,value",
    [("₹1,099", 1099.0), ("1,099.00", 1099.0), ("$ 12.5", 12.5), ("1.099,50", 1099.5), ("12,5", 12.5),
     ("₹349.00", 349.0), (7, 7.0), ("1,234,567.89", 1234567.89)],
)
def test_parse_price(text, value):
    assert parse_price(text) == value


@pytest.mark.parametrize("text", ["abc", "n/a", "", "1.2.3", "-5"])
def test_unparsable_price_is_an_error(text):
    with pytest.raises(TransformError, match="unparsable price"):
        parse_price(text)


def test_category_tree_list_literal():
    rule = FieldRule.model_validate({"from": "c", "transform": "category_tree", "separator": ">>"})
    assert convert('["Clothing >> Men\'s Clothing >> T-Shirts"]', rule, "category") == ["Clothing", "Men's Clothing", "T-Shirts"]
    assert convert("Clothing >> Jackets", rule, "category") == ["Clothing", "Jackets"]
    assert convert("[]", rule, "category") == []


def test_first_and_spec_and_first_word():
    first = FieldRule.model_validate({"from": "i", "transform": "first"})
    assert convert('["http://a/1.jpg", "http://a/2.jpg"]', first, "image_url") == "http://a/1.jpg"
    assert convert("http://a/only.jpg", first, "image_url") == "http://a/only.jpg"
    spec = FieldRule.model_validate({"from": "s", "transform": "spec", "key": "color"})
    text = '{"product_specification"=>[{"key"=>"Strap Color", "value"=>"Silver"}, {"key"=>"Color", "value"=>"White"}]}'
    assert convert(text, spec, "color") == "White"
    word = FieldRule.model_validate({"from": "t", "transform": "first_word"})
    assert convert("Volto USB-C Cable", word, "brand") == "Volto"


def test_mapping_file_errors_name_the_problem(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('kind = "product"\n[fields]\nprize = "price"\n')
    with pytest.raises(MappingError, match="unknown product fields.*prize"):
        Mapping.load(bad)
    broken = tmp_path / "broken.toml"
    broken.write_text("kind = ")
    with pytest.raises(MappingError, match="invalid TOML"):
        Mapping.load(broken)
    with pytest.raises(MappingError, match="no such mapping file"):
        Mapping.load(tmp_path / "missing.toml")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('kind = "product"\ngroup_by = "intent"\n')
    with pytest.raises(MappingError, match="group_by only applies"):
        Mapping.load(wrong)


def test_flipkart_layout():
    parsed = parse_file(FIXTURES / "flipkart_like.csv", "product", Mapping.load(MAPPINGS / "flipkart.toml"))
    items = {item.id: item for _, item in parsed.items}
    assert set(items) == {"fk001", "fk002", "fk003"}
    tee = items["fk001"]
    assert tee.price == 499.0 and tee.currency == "INR" and tee.color == "Navy" and tee.brand == "Kavi"
    assert tee.category[:3] == ["Clothing", "Men's Clothing", "T-Shirts"]
    assert tee.image_url == "http://example.invalid/img/fk001a.jpg"
    assert tee.rating is None  # "No rating available"
    assert items["fk002"].color == "White" and items["fk002"].rating == 4.2
    assert [(r.line, r.reason) for r in parsed.rejects] == [(5, "unparsable price 'n/a'")]


def test_amazon_in_layout():
    parsed = parse_file(FIXTURES / "amazon_in_like.csv", "product", Mapping.load(MAPPINGS / "amazon_in.toml"))
    items = {item.id: item for _, item in parsed.items}
    cable = items["B0AMZ00001"]
    assert cable.price == 1099.0 and cable.rating_count == 24269 and cable.brand == "Volto"
    assert cable.category[-1] == "USBCables"
    assert items["B0AMZ00003"].rating is None and items["B0AMZ00003"].price == 349.0
    assert not parsed.rejects


def test_bitext_layout_groups_by_intent():
    parsed = parse_file(FIXTURES / "bitext_like.csv", "faq", Mapping.load(MAPPINGS / "bitext_faq.toml"))
    entries = {e.id: e for _, e in parsed.items}
    assert set(entries) == {"cancel_order", "track_order", "change_shipping_address"}
    cancel = entries["cancel_order"]
    assert cancel.question == "I want to cancel my order"
    assert cancel.alternatives == ["how do I cancel an order I placed", "help me call off my purchase"]
    assert cancel.category == "ORDER" and cancel.answer.startswith("I understand")
    assert [(r.line, r.reason) for r in parsed.rejects] == [(9, "missing question")]


def test_ecommerce_faq_layout():
    parsed = parse_file(FIXTURES / "ecommerce_faq_like.json", "faq", Mapping.load(MAPPINGS / "ecommerce_faq.toml"))
    assert len(parsed.items) == 3
    ids = [e.id for _, e in parsed.items]
    assert len(set(ids)) == 3 and all(len(i) == 16 for i in ids)  # stable hashes of the questions
    assert [(r.line, r.reason) for r in parsed.rejects] == [(6, "missing answer")]


def test_markdown_faq_parses_ids_alternatives_and_categories():
    parsed = parse_file(Path(__file__).resolve().parent.parent / "examples/demo/faq.md", "faq")
    assert not parsed.rejects
    entries = [e for _, e in parsed.items]
    assert len(entries) >= 40
    first = entries[0]
    assert first.id == "shipping-standard-time" and first.category == "Shipping" and len(first.alternatives) >= 2
    categories = {e.category.lower() for e in entries}
    for needed in ("shipping", "returns", "refunds", "payment", "orders", "account", "warranty", "sizing", "privacy"):
        assert needed in categories
