"""Mapping files and transforms: the shipped mappings load files shaped like the shared real
catalogs and FAQ sets (fixtures written by us in the same layouts)."""


import pytest

from retrieval.ingest import parse_file
from retrieval.mapping import FieldRule, Mapping, MappingError, TransformError, convert, parse_price
from tests.conftest import DEMO, FIXTURES, MAPPINGS


@pytest.mark.parametrize(
    "text,value",
    [("₹1,099", 1099.0), ("1,099.00", 1099.0), ("$ 12.5", 12.5), ("1.099,50", 1099.5), ("12,5", 12.5),
     ("₹349.00", 349.0), (7, 7.0), ("1,234,567.89", 1234567.89),
     ("Rs. 1,099", 1099.0), ("Rs.99", 99.0), ("INR 1,099", 1099.0), ("Rs. 500/-", 500.0), ("1,23,456.00", 123456.0),
     ("1 099,50 €", 1099.5), ("$.99", 0.99), ("0.125", 0.125), ("1.234.567", 1234567.0), ("12.50 USD", 12.5)],
)
def test_parse_price(text, value):
    assert parse_price(text) == value


@pytest.mark.parametrize("text", ["abc", "n/a", "", "1.2.3", "-5"])
def test_unparsable_price_is_an_error(text):
    with pytest.raises(TransformError, match="unparsable price"):
        parse_price(text)


@pytest.mark.parametrize(
    "value,reason",
    [("1e308", "scientific notation"), ("1E5", "scientific notation"), ("2.5e3", "scientific notation"),
     ("inf", "not a finite number"), ("-inf", "not a finite number"), ("Infinity", "not a finite number"),
     ("NaN", "not a finite number"), (float("inf"), "not a finite number"), (float("nan"), "not a finite number"),
     ("1.099", r"ambiguous separator: '\.' before three digits"), ("0,500", "ambiguous separator"),
     ("12,34.5", "ambiguous separators"), ("1,0999", "ambiguous separator"), ("10-20", "more than one number"),
     ("2 for 99", "more than one number"), ("1.5k", "a scaled amount"), ("9" * 400, "too large")],
)
def test_price_is_never_guessed(value, reason):
    """Before: "1e308" was 1308.0, "Rs. 1,099" 1.099, "inf" passed. Now each is refused, saying why."""
    with pytest.raises(TransformError, match=f"unparsable price .*: {reason}"):
        parse_price(value)


@pytest.mark.parametrize("transform", ["number", "int"])
@pytest.mark.parametrize("value", ["nan", "inf", "Infinity", float("inf"), float("nan"), "1e400"])
def test_numbers_refuse_non_finite_values(transform, value):
    rule = FieldRule.model_validate({"from": "r", "transform": transform})
    with pytest.raises(TransformError, match="not a finite number|out of range"):
        convert(value, rule, "rating")


def test_numbers_still_read_what_they_did():
    number = FieldRule.model_validate({"from": "r", "transform": "number"})
    whole = FieldRule.model_validate({"from": "r", "transform": "int"})
    assert convert("4.2", number, "rating") == 4.2 and convert("No rating available", number, "rating") is None
    assert convert("|", number, "rating") is None and convert("1.5e3", number, "rating") == 1500.0
    assert convert("24,269", whole, "rating_count") == 24269 and convert("Infinix", whole, "rating_count") is None
    with pytest.raises(TransformError, match="integer out of range"):
        convert("1e19", whole, "rating_count")


def test_schemas_refuse_non_finite_json_numbers():
    from pydantic import ValidationError

    from retrieval.schemas import FaqEntry, Product

    for field in ("price", "rating"):
        for value in (float("inf"), float("nan"), "Infinity"):
            with pytest.raises(ValidationError, match="finite number"):
                Product.model_validate({"id": "a", "title": "b", field: value})
    assert Product.model_validate({"id": "a", "title": "b", "price": 1e308}).price == 1e308  # large but finite
    assert FaqEntry.model_config["allow_inf_nan"] is False


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
    assert cable.category[-1] == "USB Cables"  # split_words: the export glues names together
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
    parsed = parse_file(DEMO / "faq.md", "faq")
    assert not parsed.rejects
    entries = [e for _, e in parsed.items]
    assert len(entries) >= 40
    first = entries[0]
    assert first.id == "shipping-standard-time" and first.category == "Shipping" and len(first.alternatives) >= 2
    categories = {e.category.lower() for e in entries}
    for needed in ("shipping", "returns", "refunds", "payment", "orders", "account", "warranty", "sizing", "privacy"):
        assert needed in categories


def test_glued_category_names_are_split_when_the_mapping_says_so():
    from retrieval.mapping import split_glued_words

    assert split_glued_words("USBCables") == "USB Cables"
    assert split_glued_words("Kettle&ToasterSets") == "Kettle & Toaster Sets"
    assert split_glued_words("SmartWatches") == "Smart Watches"
    rule = FieldRule.model_validate({"from": "category", "transform": "category", "separator": "|", "split_words": True})
    assert convert("Computers&Accessories|Cables|USBCables", rule, "category") == ["Computers & Accessories", "Cables", "USB Cables"]
