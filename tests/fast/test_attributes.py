"""What titles say (retrieval/attributes.py): product types validated by the catalog, audiences,
materials, colours, and first-word brands kept only with evidence. Pure, no model."""

from retrieval.attributes import CatalogVocabulary, audiences_in, color_in, derive_attributes, materials_in, type_key
from retrieval.schemas import Product

TITLES = [
    "Alisha Solid Women's Cycling Shorts", "Nike Girl's Running Shorts", "Puma Men's Sports Shorts",
    "Levi's Men's Slim Fit Jeans", "Wrangler Regular Fit Men's Jeans", "Pepe Women's Skinny Jeans",
    "Fundoo T Full Sleeve Solid Men's Sweatshirt", "Absurd Full Sleeve Solid Men's Sweatshirt",
    "Kaaryah Formal Sleeveless Solid Women's Top", "Colbrii Casual Printed Women's Top", "Rampwalk Casual Solid Women's Top",
    "boAt Deuce USB 300 Cable", "boAt Deuce Type C Cable",  # a model line of one maker is not a type
]


def test_types_are_heads_of_several_makers_titles():
    vocabulary = CatalogVocabulary.from_titles(TITLES, min_count=2)
    assert {type_key(t) for t in vocabulary.types.values()} >= {"short", "jean", "sweatshirt", "top"}
    assert "deuce" not in vocabulary.types
    assert vocabulary.product_type("Someone's Girls Cotton Shorts with Pockets") in ("Shorts", "Cycling Shorts")
    assert type_key("Cycling Shorts") == type_key("shorts") == "short"


def test_audience_materials_colour():
    assert audiences_in("Lois Caron Analog Watch - For Boys, Men") == ["boys", "men"]
    assert audiences_in("Women's Clothing") == ["women"]
    assert materials_in("Genuine Leather and Cotton Canvas Stainless Steel Bottle") == ["leather", "cotton", "canvas", "stainless steel"]
    assert color_in("boAt Bassheads 102 Wired Earphones (Mint Green, Black)") == "Black" or color_in(
        "boAt Bassheads 102 Wired Earphones (Mint Green, Black)") is not None
    assert color_in("Red Bull Energy Drink, Blue Edition") in ("Blue", None)


def test_a_guessed_brand_needs_evidence():
    titles = [f"Wayona braided USB cable {n}" for n in range(6)] + ["USB Charger, Oraimo dual port"]
    products = [Product(id=str(i), title=t, brand=t.split()[0]) for i, t in enumerate(titles)]
    derived, counts = derive_attributes(products, guessed_fields={"brand"})
    assert derived[-1].brand is None and counts["brand dropped"] == 1  # "USB" is a descriptor here
    assert all(p.brand == "Wayona" for p in derived[:-1])
    kept, _ = derive_attributes(products)  # a brand column is never second-guessed
    assert kept[-1].brand == "USB"
