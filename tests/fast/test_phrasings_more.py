"""More phrasings written by hand, apart from the dialogue bank and tests/fast/test_phrasings.py:
how shoppers type on real shops (lower case, typos, no punctuation, "pls", run-on sentences,
several operations in one message, hedges, Indian and US price forms, negations in many
forms, references, subject changes, gifts, FAQ questions mixed with product turns), over the
vocabulary of the shared real catalogs (Flipkart, Amazon.in, BigBasket, Home Depot titles; the
values below are copied from them) and the demo shop. Each case states the whole resulting state.
Pure, no model, no data files beyond the demo shop.

A case is (shop, context messages, message, expected). After every context message the shop's
`SHOWN` products are put in `state.shown`. `expected` is a space-separated spec:
  kind:a,b          included types/categories (compared by head word, like the bank)
  brand: color: material: audience: size:   included values;  a leading "-" for exclusions
  max:N / max:<N    price ceiling (exactly N / below N); min:N likewise; absent means none
  rating:N  sort:S  route:a|b  op:a,b (operations that must be there)
  focus:N  similar:N  compare:1,3   (shown positions; -1 the last)
  same              the standing search is exactly the context's (FAQ, smalltalk)
Underscores stand for spaces in values ("rose_gold").
"""

from __future__ import annotations

import pytest

from assistant.dialogue import DialogueState, ShownItem, update
from retrieval.attributes import derive_attributes, type_key
from retrieval.documents import key
from retrieval.facets import Facets
from retrieval.ingest import parse_file
from tests.conftest import DEMO


def _facets(brands=(), types=(), colors=(), materials=(), categories=()) -> Facets:
    f = Facets()
    for b in brands:
        f.brands.setdefault(key(b), b)
    for c in colors:
        f.colors.setdefault(key(c), c)
    for m in materials:
        f.materials.setdefault(key(m), m)
    for c in categories:
        f.categories.setdefault(key(c), c)
    for t in types:
        f.add_type(t)
    return f


def _item(i, title, price, brand=None, color=None):
    return ShownItem(id=f"p{i}", title=title, price=price, brand=brand, color=color)


AMAZON = _facets(
    brands=["boAt", "Boult", "Samsung", "Redmi", "Portronics", "Noise", "Fire-Boltt", "Philips", "Havells", "Bajaj", "JBL",
            "OnePlus", "Zebronics", "pTron", "Ambrane", "Wayona", "Prestige", "Pigeon", "AmazonBasics", "HP", "Logitech",
            "SanDisk", "Sounce", "Usha", "Crompton"],
    types=["Earphones", "Headphones", "Smartwatch", "Cable", "Charger", "Kettle", "Mixer Grinder", "Dry Iron", "Speaker",
           "Mouse", "Keyboard", "Vacuum Cleaner", "Blender", "Toaster", "Fan", "Heater", "Geyser", "Power Bank", "Trimmer"],
    colors=["Black", "White", "Blue", "Red", "Grey", "Green", "Rose Gold", "Navy Blue", "Silver"],
    materials=["nylon", "plastic", "stainless steel", "steel", "silicone", "leather", "glass", "copper"],
)
FLIPKART = _facets(
    brands=["Alisha", "Dressberry", "Mast & Harbour", "Libas", "Asics", "Carrel", "BlueStone", "CaratLane", "Clara", "Mynte",
            "Myesquire", "Vishudh", "Nishtaa", "Itiha"],
    types=["Shorts", "Cycling Shorts", "Straight Kurta", "Kurti", "Top", "Dress", "Jeans", "Leggings", "Shirt", "T-Shirt",
           "Sweater", "Sweatshirt", "Heels", "Bellies", "Loafers", "Boots", "Shoes", "Ring", "Watch", "Sunglasses", "Flats"],
    colors=["Black", "Red", "Pink", "Blue", "Navy", "Maroon", "Beige", "White", "Grey", "Green", "Yellow", "Brown", "Tan"],
    materials=["cotton", "leather", "silk", "polyester", "denim", "rayon", "georgette", "suede", "wool", "lycra"],
)
BIGBASKET = _facets(
    brands=["Amul", "Britannia", "Colgate", "Dabur", "Himalaya", "MAGGI", "Nivea", "Dettol", "Fresho", "Tata Tea", "Red Label",
            "Nescafe", "Bru", "Sunfeast", "Huggies", "Pampers", "Cello", "Patanjali", "Aashirvaad", "Fortune", "Saffola",
            "Haldirams", "Lays", "Surf Excel", "Head & shoulders", "Tata Sampann", "Tropicana", "Real", "Tetley"],
    types=["Tea", "Green Tea", "Coffee", "Shampoo", "Soap", "Chocolate", "Biscuits", "Noodles", "Oil", "Honey", "Toothpaste",
           "Diapers", "Butter", "Cheese", "Ghee", "Masala", "Juice", "Mug", "Bottle", "Container", "Atta", "Chips"],
    colors=["White", "Green", "Blue", "Red", "Pink", "Black", "Silver"],
    materials=["plastic", "glass", "steel", "stainless steel", "copper", "ceramic"],
)
HOME_DEPOT = _facets(  # the Home Depot titles have no brand column
    types=["Faucet", "Kitchen Faucet", "Sink", "Vanity", "Area Rug", "Light Bulb", "Ladder", "Gas Grill", "Drill", "Cabinet",
           "Mirror", "Ceiling Fan", "Door", "Paint", "Wall Tile", "Lamp", "Chair"],
    colors=["White", "Black", "Bronze", "Nickel", "Chrome", "Brown", "Grey", "Beige"],
    materials=["stainless steel", "brass", "wood", "solid wood", "ceramic", "porcelain", "vinyl", "cast iron", "glass", "plastic",
               "aluminium", "steel", "wool", "polyester"],
)
_demo_items = derive_attributes([i for _, i in parse_file(DEMO / "products.jsonl", "product").items])[0]
DEMO_F = Facets.from_products(_demo_items)
_shoes = [p for p in _demo_items if "Running Shoes" in p.category][:4]

SHOPS = {"a": AMAZON, "f": FLIPKART, "b": BIGBASKET, "h": HOME_DEPOT, "d": DEMO_F}
SHOWN = {
    "a": [_item(1, "boAt Rockerz 255 Pro+ Bluetooth Neckband Earphones", 1299, "boAt", "Black"),
          _item(2, "Boult Audio ProBass Curve Wireless Earphones", 999, "Boult", "Blue"),
          _item(3, "OnePlus Bullets Wireless Z2 Bluetooth Earphones", 1999, "OnePlus", "Black"),
          _item(4, "pTron Tangent Lite Magnetic Earphones", 499, "pTron", "Red")],
    "f": [_item(1, "Alisha Solid Women's Cycling Shorts", 379, "Alisha", "Black"),
          _item(2, "Dressberry Women's Denim Shorts", 599, "Dressberry", "Blue"),
          _item(3, "Mast & Harbour Women's Cotton Shorts", 849, "Mast & Harbour", "Red"),
          _item(4, "Carrel Printed Women's Shorts", 299, "Carrel", "Pink")],
    "b": [_item(1, "Tata Tea Premium Leaf Tea 1 kg", 560, "Tata Tea"),
          _item(2, "Red Label Natural Care Tea 500 g", 250, "Red Label"),
          _item(3, "Tata Tea Gold Leaf Tea 500 g", 310, "Tata Tea"),
          _item(4, "Tetley Green Tea Bags Lemon and Honey", 180, "Tetley", "Green")],
    "h": [_item(1, "Delta Foundations Single-Handle Pull-Down Kitchen Faucet in Chrome", 89, None, "Chrome"),
          _item(2, "Moen Arbor Touchless Pull-Down Kitchen Faucet in Spot Resist Nickel", 249, None, "Nickel"),
          _item(3, "Glacier Bay Market Single-Handle Kitchen Faucet in Bronze", 59, None, "Bronze"),
          _item(4, "Pfister Zanna Pull-Down Kitchen Faucet in Matte Black", 179, None, "Black")],
    "d": [ShownItem(id=p.id, title=p.title, price=p.price, brand=p.brand, color=p.color) for p in _shoes],
}

EAR = "earphones under 1500"
SHORTS = "shorts for women under 1000"
TEA = "tea under 500"
TAP = "kitchen faucet under 150"
B = "running shoes in black under 150, not Veloxa"
BS = "kind:running_shoes color:black max:150 -brand:veloxa"

CASES: list[tuple[str, list[str], str, str]] = [
    # --- Amazon.in: prices the Indian way -------------------------------------------------------
    ("a", [], "wireless earphones under 1k pls", "kind:earphones max:1000"),
    ("a", [], "earphones max 2k", "kind:earphones max:2000"),
    ("a", [], "need a smartwatch under ₹1.5k", "kind:smartwatch max:1500"),
    ("a", [], "kettle between 500 and 1000 rs", "kind:kettle min:500 max:1000"),
    ("a", [], "mixer grinder around 3000", "kind:mixer_grinder min:2400 max:3600"),
    ("a", [], "headphones under a grand", "kind:headphones max:1000"),
    ("a", [], "smart watch under 2000", "kind:smartwatch max:2000"),
    ("a", [], "usb c charging cable under 500", "kind:cable max:500"),
    ("a", [], "bluetooth speaker within rs.2000", "kind:speaker max:2000"),
    ("a", [], "power bank 20000mah under 1500", "kind:power_bank max:1500"),
    ("a", [], "dry iron below 800 rupees", "kind:dry_iron max:800"),
    ("a", [], "trimmer for men under 1,500", "kind:trimmer audience:men max:1500"),
    ("a", [], "smartwatch for women under 3k", "kind:smartwatch audience:women max:3000"),
    ("a", [], "need earphones under 1500 black no boat no boult", "kind:earphones color:black max:1500 -brand:boat -brand:boult"),
    ("a", [], "earphones, nothing from boult", "kind:earphones -brand:boult"),
    ("a", [], "smartwatch anything except noise", "kind:smartwatch -brand:noise"),
    ("a", [], "earphones but boult is a no", "kind:earphones -brand:boult"),
    ("a", [], "stainless steel kettle not plastic under 2000", "kind:kettle material:stainless_steel -material:plastic max:2000"),
    # --- Amazon.in: in a standing search ----------------------------------------------------------
    ("a", [EAR], "skip boat", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "not a fan of boat tbh", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "done with boat, show others", "kind:earphones max:1500 -brand:boat op:more"),
    ("a", [EAR], "no more boat pls", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "other than boat?", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "anything but boat or boult", "kind:earphones max:1500 -brand:boat -brand:boult"),
    ("a", [EAR], "boat and boult are a no", "kind:earphones max:1500 -brand:boat -brand:boult"),
    ("a", [EAR], "i dont want boat or boult", "kind:earphones max:1500 -brand:boat -brand:boult"),
    ("a", [EAR], "boat's a no for me", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "had a bad experience with boat", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "exclude boat and ptron", "kind:earphones max:1500 -brand:boat -brand:ptron"),
    ("a", [EAR, "no boat"], "actually boat is fine", "kind:earphones max:1500"),
    ("a", [EAR, "no boat"], "ok you can show boat again", "kind:earphones max:1500"),
    ("a", [EAR], "jbl only", "kind:earphones max:1500 brand:jbl"),
    ("a", [EAR], "jbl or boult", "kind:earphones max:1500 brand:jbl,boult"),
    ("a", [EAR], "black but not boat", "kind:earphones max:1500 color:black -brand:boat"),
    ("a", [EAR], "any in white?", "kind:earphones max:1500 color:white"),
    ("a", [EAR], "in white pls, no red", "kind:earphones max:1500 color:white -color:red"),
    ("a", [EAR], "preferably in black or navy blue", "kind:earphones max:1500 color:black,navy_blue"),
    ("a", [EAR], "ideally black", "kind:earphones max:1500 color:black"),
    ("a", [EAR], "maybe under 1000?", "kind:earphones max:1000"),
    ("a", [EAR], "can go up to 2k", "kind:earphones max:2000"),
    ("a", [EAR], "between 800 and 1200 rupees", "kind:earphones min:800 max:1200"),
    ("a", [EAR], "budget is 1200 now", "kind:earphones max:1200"),
    ("a", [EAR], "1200 is my max", "kind:earphones max:1200"),
    ("a", [EAR], "not more than rs 1000", "kind:earphones max:1000"),
    ("a", [EAR], "hmm too pricey", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "these r a bit costly, anything cheaper", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "those r too expensive show me something under 1000 from jbl or boult", "kind:earphones max:1000 brand:jbl,boult"),
    ("a", [EAR], "the 2nd", "kind:earphones max:1500 focus:2 route:detail"),
    ("a", [EAR], "tell me more about that last one", "kind:earphones max:1500 focus:-1 route:detail"),
    ("a", [EAR], "the red one", "kind:earphones max:1500 focus:4 route:detail"),
    ("a", [EAR], "does the boult one have a mic", "kind:earphones max:1500 focus:2 route:detail"),
    ("a", [EAR], "compare the boult one and the oneplus one", "kind:earphones max:1500 compare:2,3 route:compare"),
    ("a", [EAR], "which is better 1st or 3rd", "kind:earphones max:1500 compare:1,3 route:compare"),
    ("a", [EAR], "something similar to the 2nd but cheaper", "kind:earphones max:<1500 similar:2 op:similar,cheaper"),
    ("a", [EAR], "more like the first one", "kind:earphones max:1500 similar:1"),
    ("a", [EAR], "show me more", "kind:earphones max:1500 op:more"),
    ("a", [EAR], "something else", "kind:earphones max:1500 op:more"),
    ("a", [EAR], "any other options?", "kind:earphones max:1500 op:more"),
    ("a", [EAR], "start over", "op:reset"),
    ("a", [EAR], "earphones under 1500", "kind:earphones max:1500 op:restate route:product"),
    ("a", [EAR], "sort by price low to high", "kind:earphones max:1500 sort:price_asc"),
    ("a", [EAR], "4 stars and up only", "kind:earphones max:1500 rating:4"),
    ("a", [EAR], "whats the return policy", "same route:faq"),
    ("a", [EAR], "do u do cash on delivery", "same route:faq"),
    ("a", [EAR], "what's the warranty on these?", "same route:faq|both"),
    ("a", [EAR, "no boat"], "ok now a power bank", "kind:power_bank -brand:boat"),
    ("a", [EAR], "also need a charger", "kind:charger"),
    ("a", ["smartwatch for women under 3000"], "now headphones", "kind:headphones audience:women"),
    ("a", [], "gift for my dad who likes cooking", "audience:men"),
    ("a", ["cable under 500"], "nylon braided ideally", "kind:cable material:nylon max:500"),
    ("a", ["kettle under 2000"], "stainless steel, not plastic", "kind:kettle material:stainless_steel -material:plastic max:2000"),
    ("a", ["kettle under 2000"], "plastic-free pls", "kind:kettle -material:plastic max:2000"),
    ("a", ["kettle under 2000"], "prestige or pigeon, no bajaj", "kind:kettle max:2000 brand:prestige,pigeon -brand:bajaj"),
    ("a", ["kettle under 2000"], "pigeon kettle is a no", "kind:kettle max:2000 -brand:pigeon"),
    # --- Flipkart -------------------------------------------------------------------------------
    ("f", [], "shorts for girls under 500", "kind:shorts audience:girls max:500"),
    ("f", [], "cotton kurtis for women below rs 800", "kind:kurti audience:women material:cotton max:800"),
    ("f", [], "black leggings no lycra", "kind:leggings color:black -material:lycra"),
    ("f", [], "sunglasses for men around 1000 rupees", "kind:sunglasses audience:men min:800 max:1200"),
    ("f", [], "loafers for men, leather, under 2k", "kind:loafers audience:men material:leather max:2000"),
    ("f", [], "im looking for a kurta for men in white cotton under 1000 nothing from libas",
     "kind:kurta audience:men color:white material:cotton max:1000 -brand:libas"),
    ("f", [], "sweatshirt not a sweater", "kind:sweatshirt -kind:sweater"),
    ("f", [], "a gift for my sister who loves jewellery", "audience:women"),
    ("f", [], "heels for my wife, not black", "kind:heels audience:women -color:black"),
    ("f", [], "jeans for boys between 500 and 900", "kind:jeans audience:boys min:500 max:900"),
    ("f", [SHORTS], "not from alisha", "kind:shorts audience:women max:1000 -brand:alisha"),
    ("f", [SHORTS], "alisha nope", "kind:shorts audience:women max:1000 -brand:alisha"),
    ("f", [SHORTS], "anything except dressberry", "kind:shorts audience:women max:1000 -brand:dressberry"),
    ("f", [SHORTS], "i'm not into carrel", "kind:shorts audience:women max:1000 -brand:carrel"),
    ("f", [SHORTS], "steer clear of mast & harbour", "kind:shorts audience:women max:1000 -brand:mast_&_harbour"),
    ("f", [SHORTS], "no denim", "kind:shorts audience:women max:1000 -material:denim"),
    ("f", [SHORTS], "cotton only, no polyester", "kind:shorts audience:women max:1000 material:cotton -material:polyester"),
    ("f", [SHORTS], "blue but not denim", "kind:shorts audience:women max:1000 color:blue -material:denim"),
    ("f", [SHORTS], "in navy or maroon", "kind:shorts audience:women max:1000 color:navy,maroon"),
    ("f", [SHORTS], "no black no pink", "kind:shorts audience:women max:1000 -color:black -color:pink"),
    ("f", [SHORTS], "the pink one", "kind:shorts audience:women max:1000 focus:4 route:detail"),
    ("f", [SHORTS], "2nd one pls, what fabric is it", "kind:shorts audience:women max:1000 focus:2 route:detail"),
    ("f", [SHORTS], "cheaper than the first", "kind:shorts audience:women max:<379 op:cheaper"),
    ("f", [SHORTS], "compare 1 and 3", "kind:shorts audience:women max:1000 compare:1,3 route:compare"),
    ("f", [SHORTS], "more like the dressberry one", "kind:shorts audience:women max:1000 similar:2"),
    ("f", [SHORTS], "now show me kurtas", "kind:kurta audience:women"),
    ("f", [SHORTS], "same for men", "kind:shorts audience:men max:1000"),
    ("f", [SHORTS], "what about jeans", "kind:jeans audience:women"),
    ("f", [SHORTS], "how do i return an item", "same route:faq"),
    ("f", [SHORTS], "max 700", "kind:shorts audience:women max:700"),
    ("f", [SHORTS], "under 700 maybe", "kind:shorts audience:women max:700"),
    ("f", [SHORTS], "₹600 tops", "kind:shorts audience:women max:600"),
    ("f", [SHORTS], "nothing above 800", "kind:shorts audience:women max:800"),
    ("f", [SHORTS], "price doesnt matter", "kind:shorts audience:women"),
    ("f", [SHORTS], "show more pls", "kind:shorts audience:women max:1000 op:more"),
    ("f", ["loafers for men under 2000"], "suede not leather", "kind:loafers audience:men material:suede -material:leather max:2000"),
    ("f", ["loafers for men under 2000"], "any colour except brown", "kind:loafers audience:men -color:brown max:2000"),
    ("f", ["loafers for men under 2000"], "tan or brown is fine", "kind:loafers audience:men color:tan,brown max:2000"),
    ("f", ["watch for men"], "not a fan of black", "kind:watch audience:men -color:black"),
    ("f", ["dress for women"], "dressberry or libas pls", "kind:dress audience:women brand:dressberry,libas"),
    ("f", ["dress for women"], "red or maroon, no black", "kind:dress audience:women color:red,maroon -color:black"),
    ("f", ["dress for women"], "georgette ideally, nothing in polyester", "kind:dress audience:women material:georgette -material:polyester"),
    ("f", ["dress for women", "no libas"], "and no dressberry either", "kind:dress audience:women -brand:libas -brand:dressberry"),
    ("f", ["dress for women"], "start again pls", "op:reset"),
    # --- BigBasket -------------------------------------------------------------------------------
    ("b", [], "tea under 300 rs", "kind:tea max:300"),
    ("b", [], "green tea, no patanjali", "kind:green_tea -brand:patanjali"),
    ("b", [], "ghee 1 litre under 600", "kind:ghee max:600"),
    ("b", [], "atta 5 kg", "kind:atta"),
    ("b", [], "diapers for toddler, pampers or huggies", "kind:diapers audience:kids brand:pampers,huggies"),
    ("b", [], "chips under 50 rs but no lays", "kind:chips max:50 -brand:lays"),
    ("b", [], "noodles not maggi", "kind:noodles -brand:maggi"),
    ("b", [], "something for my mum who loves baking", "audience:women"),
    ("b", [TEA], "nothing from tata tea", "kind:tea max:500 -brand:tata_tea"),
    ("b", [TEA], "red label is a no", "kind:tea max:500 -brand:red_label"),
    ("b", [TEA], "skip red label and tata tea", "kind:tea max:500 -brand:red_label -brand:tata_tea"),
    ("b", [TEA], "other than red label", "kind:tea max:500 -brand:red_label"),
    ("b", [TEA], "the 3rd one, is it loose leaf?", "kind:tea max:500 focus:3 route:detail"),
    ("b", [TEA], "that last one", "kind:tea max:500 focus:-1 route:detail"),
    ("b", [TEA], "the red label one", "kind:tea max:500 focus:2 route:detail"),
    ("b", [TEA], "the cheapest one", "kind:tea max:500 focus:4 route:detail"),
    ("b", [TEA], "now coffee", "kind:coffee"),
    ("b", [TEA], "also need some ghee", "kind:ghee"),
    ("b", [TEA], "whats the delivery time to bangalore", "same route:faq"),
    ("b", [TEA], "any others?", "kind:tea max:500 op:more"),
    ("b", [TEA], "start again pls", "op:reset"),
    ("b", [TEA], "under 200 rupees", "kind:tea max:200"),
    ("b", [TEA], "max ₹250", "kind:tea max:250"),
    ("b", [TEA], "too expensive", "kind:tea max:<500 op:cheaper"),
    ("b", [TEA], "tea under 500", "kind:tea max:500 op:restate"),
    ("b", ["noodles"], "anything except maggi", "kind:noodles -brand:maggi"),
    ("b", ["noodles"], "done with maggi tbh", "kind:noodles -brand:maggi"),
    ("b", ["noodles"], "i'm sick of maggi", "kind:noodles -brand:maggi"),
    ("b", ["shampoo"], "not head & shoulders", "kind:shampoo -brand:head_&_shoulders"),
    ("b", ["shampoo"], "himalaya or dabur", "kind:shampoo brand:himalaya,dabur"),
    ("b", ["shampoo"], "prefer himalaya", "kind:shampoo brand:himalaya"),
    ("b", ["diapers"], "no pampers pls, huggies only", "kind:diapers -brand:pampers brand:huggies"),
    ("b", ["oil under 300"], "between 150 and 250", "kind:oil min:150 max:250"),
    ("b", ["oil under 300"], "fortune or saffola, not patanjali", "kind:oil max:300 brand:fortune,saffola -brand:patanjali"),
    ("b", ["honey under 400"], "dabur honey is a no", "kind:honey max:400 -brand:dabur"),
    ("b", ["honey under 400"], "no patanjali honey", "kind:honey max:400 -brand:patanjali"),
    ("b", ["bottle"], "steel not plastic", "kind:bottle material:steel -material:plastic"),
    ("b", ["bottle"], "glass or copper, cello is a no", "kind:bottle material:glass,copper -brand:cello"),
    ("b", ["juice"], "tropicana or real pls", "kind:juice brand:tropicana,real"),
    # --- Home Depot titles (no brand column) -----------------------------------------------------
    ("h", [], "kitchen faucet under $150", "kind:kitchen_faucet max:150"),
    ("h", [], "bathroom vanity between 300 and 500 dollars", "kind:vanity min:300 max:500"),
    ("h", [], "area rug 8x10 under 200", "kind:area_rug max:200"),
    ("h", [], "ceiling fan with light, white or brushed nickel", "kind:ceiling_fan color:white,nickel"),
    ("h", [], "ladder under 200 bucks aluminum ideally", "kind:ladder max:200 material:aluminium"),
    ("h", [], "gas grill, stainless steel, under 500", "kind:gas_grill material:stainless_steel max:500"),
    ("h", [], "light bulbs between 20 and 40 bucks", "kind:light_bulb min:20 max:40"),
    ("h", [TAP], "no chrome", "kind:kitchen_faucet max:150 -color:chrome"),
    ("h", [TAP], "anything but chrome or nickel", "kind:kitchen_faucet max:150 -color:chrome -color:nickel"),
    ("h", [TAP], "bronze ideally", "kind:kitchen_faucet max:150 color:bronze"),
    ("h", [TAP], "black but not plastic", "kind:kitchen_faucet max:150 color:black -material:plastic"),
    ("h", [TAP], "brass only, nothing plastic", "kind:kitchen_faucet max:150 material:brass -material:plastic"),
    ("h", [TAP], "the bronze one", "kind:kitchen_faucet max:150 focus:3 route:detail"),
    ("h", [TAP], "is the 1st one easy to install", "kind:kitchen_faucet max:150 focus:1 route:detail"),
    ("h", [TAP], "how about under 100 bucks", "kind:kitchen_faucet max:100"),
    ("h", [TAP], "max $120", "kind:kitchen_faucet max:120"),
    ("h", [TAP], "up to 200 is ok", "kind:kitchen_faucet max:200"),
    ("h", [TAP], "cheaper than the moen one", "kind:kitchen_faucet max:<150 op:cheaper"),
    ("h", [TAP], "compare the first two", "kind:kitchen_faucet max:150 compare:1,2 route:compare"),
    ("h", [TAP], "now i need a sink to go with it", "kind:sink"),
    ("h", [TAP], "ok switching to ladders, aluminum", "kind:ladder material:aluminium"),
    ("h", [TAP], "what's your return policy on fixtures", "same route:faq"),
    ("h", [TAP], "more like the delta one", "kind:kitchen_faucet max:150 similar:1"),
    ("h", ["area rug under 200"], "wool not polyester", "kind:area_rug max:200 material:wool -material:polyester"),
    ("h", ["area rug under 200"], "grey or beige", "kind:area_rug max:200 color:grey,beige"),
    ("h", ["area rug in grey under 200"], "colour doesn't matter", "kind:area_rug max:200"),
    ("h", ["area rug in grey under 200"], "forget the budget", "kind:area_rug color:grey"),
    ("h", ["vanity under 500"], "solid wood pls", "kind:vanity material:solid_wood max:500"),
    # --- the demo shop ---------------------------------------------------------------------------
    ("d", [], "running shoes for women under 120 not veloxa", "kind:running_shoes audience:women max:120 -brand:veloxa"),
    ("d", [], "backpack for hiking, not too heavy, under 80", "kind:backpacks max:80"),
    ("d", [], "headphones between 100 and 200, no auralis or decibelle",
     "kind:headphones min:100 max:200 -brand:auralis -brand:decibelle"),
    ("d", [B], "stridewell's a no too", BS + " -brand:stridewell"),
    ("d", [B], "nothing from stridewell either", BS + " -brand:stridewell"),
    ("d", [B], "i'm done with stridewell", BS + " -brand:stridewell"),
    ("d", [B], "stridewell? nah", BS + " -brand:stridewell"),
    ("d", [B], "not stridewell either pls", BS + " -brand:stridewell"),
    ("d", [B], "a gift for my dad who likes cooking", "audience:men -brand:veloxa"),
    ("d", [B], "kitchen gift under 50", "max:50 -brand:veloxa"),
    ("d", [B], "show me something else", BS + " op:more"),
    ("d", [B], "what's your return policy", BS + " route:faq"),
    ("d", [B], "running shoes in black under 150, not veloxa", BS + " op:restate"),
    ("d", [B], "cheaper pls", "kind:running_shoes color:black max:<150 -brand:veloxa op:cheaper"),
    ("d", [B], "the 2nd", BS + " focus:2 route:detail"),
    ("d", [B], "that last one", BS + " focus:-1 route:detail"),
    ("d", [B], "start over", "op:reset"),
    ("d", [B], "in grey, no black", "kind:running_shoes color:grey -color:black max:150 -brand:veloxa"),
    ("d", [B], "also in navy", "kind:running_shoes color:black,navy max:150 -brand:veloxa"),
    ("d", [B], "not black anymore", "kind:running_shoes -color:black max:150 -brand:veloxa"),
    ("d", [B], "for men pls", BS + " audience:men"),
    ("d", [B], "size 9", BS + " size:9"),
    ("d", [B], "between 80 and 120 bucks", "kind:running_shoes color:black min:80 max:120 -brand:veloxa"),
    ("d", [B], "100 max", "kind:running_shoes color:black max:100 -brand:veloxa"),
    ("d", [B], "under a hundred", "kind:running_shoes color:black max:100 -brand:veloxa"),
    ("d", [B], "ok thanks", BS + " route:smalltalk"),
    ("d", [B], "how long does shipping take? also show me grey ones", "kind:running_shoes color:grey max:150 -brand:veloxa route:both"),
    ("d", [B], "veloxa is fine actually", "kind:running_shoes color:black max:150"),
    ("d", [B], "any colour is fine", "kind:running_shoes max:150 -brand:veloxa"),
    ("d", [B], "forget the budget and show me stridewell ones", "kind:running_shoes color:black brand:stridewell -brand:veloxa"),
]

# A second round, written after the first round's fixes and run once before any further change.
CASES += [
    ("a", [], "Boat airdopes under 2000 pls", "brand:boat max:2000"),
    ("a", [], "JBL headphones, budget 3-4k", "kind:headphones brand:jbl min:3000 max:4000"),
    ("a", [], "Samsung or OnePlus charger, not more than 1500", "kind:charger brand:samsung,oneplus max:1500"),
    ("a", [], "earphones undr 1000", "kind:earphones max:1000"),
    ("a", [], "a present for my girlfriend, she likes music", "audience:women"),
    ("a", [], "gift ideas for a 10 year old boy under 1000", "audience:boys max:1000"),
    ("a", [EAR], "NO BOAT", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "boat - not interested", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "pls dont show boat", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "without boat", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "avoid boult n ptron", "kind:earphones max:1500 -brand:boult -brand:ptron"),
    ("a", [EAR], "no boat, boult is ok", "kind:earphones max:1500 -brand:boat brand:boult"),
    ("a", [EAR], "no boat plz", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "want something in blue, nothing red", "kind:earphones max:1500 color:blue -color:red"),
    ("a", [EAR], "under 1200 and in black", "kind:earphones max:1200 color:black"),
    ("a", [EAR], "ok and the cheapest one?", "kind:earphones max:1500 focus:4 route:detail"),
    ("a", [EAR], "what about the blue one", "kind:earphones max:1500 focus:2 route:detail"),
    ("a", [EAR], "compare first and last", "kind:earphones max:1500 compare:1,4 route:compare"),
    ("a", [EAR], "1st vs 2nd", "kind:earphones max:1500 compare:1,2 route:compare"),
    ("a", [EAR], "more options but from jbl", "kind:earphones max:1500 brand:jbl"),
    ("a", [EAR], "lets do headphones instead", "kind:headphones"),
    ("a", [EAR], "can i pay with upi", "same route:faq"),
    ("a", [EAR], "is there any warranty, and show me under 1000", "kind:earphones max:1000 route:both"),
    ("f", [], "womens kurtas under 1k, no polyester, cotton pref", "kind:kurta audience:women max:1000 -material:polyester material:cotton"),
    ("f", [SHORTS], "only cotton ones", "kind:shorts audience:women max:1000 material:cotton"),
    ("f", [SHORTS], "dont like alisha or carrel", "kind:shorts audience:women max:1000 -brand:alisha -brand:carrel"),
    ("f", [SHORTS], "anything but black", "kind:shorts audience:women max:1000 -color:black"),
    ("f", [SHORTS], "actually for my daughter", "kind:shorts audience:girls max:1000"),
    ("f", [SHORTS], "show me the 4th", "kind:shorts audience:women max:1000 focus:4 route:detail"),
    ("f", [SHORTS], "i like the 3rd, anything similar but cheaper?", "kind:shorts audience:women max:<1000 similar:3 op:cheaper"),
    ("f", [SHORTS], "more like the red one", "kind:shorts audience:women max:1000 similar:3"),
    ("f", [SHORTS], "how about leggings", "kind:leggings audience:women"),
    ("f", [SHORTS], "same but in red", "kind:shorts audience:women max:1000 color:red"),
    ("f", [SHORTS], "blue or black, not denim, under 800", "kind:shorts audience:women max:800 color:blue,black -material:denim"),
    ("b", [], "amul butter 500g", "kind:butter brand:amul"),
    ("b", [], "need shampoo for dandruff, not head & shoulders, under 400", "kind:shampoo -brand:head_&_shoulders max:400"),
    ("b", [], "chocolates for kids under 200", "kind:chocolate audience:kids max:200"),
    ("b", [TEA], "tata tea is fine too", "kind:tea max:500 brand:tata_tea"),
    ("b", [TEA], "nothing by tata tea", "kind:tea max:500 -brand:tata_tea"),
    ("b", [TEA], "something cheaper than the first one", "kind:tea max:<560 op:cheaper"),
    ("b", [TEA], "show me coffee, nescafe or bru", "kind:coffee brand:nescafe,bru"),
    ("b", [TEA], "what time do you deliver", "same route:faq"),
    ("b", ["biscuits"], "britannia only, no sunfeast", "kind:biscuits brand:britannia -brand:sunfeast"),
    ("b", ["oil under 300"], "saffola's a no", "kind:oil max:300 -brand:saffola"),
    ("h", [], "white kitchen cabinet under 300 bucks", "kind:cabinet color:white max:300"),
    ("h", [], "porcelain wall tile, not ceramic", "kind:wall_tile material:porcelain -material:ceramic"),
    ("h", [], "8 ft ladder max 150", "kind:ladder max:150"),
    ("h", [TAP], "anything not chrome", "kind:kitchen_faucet max:150 -color:chrome"),
    ("h", [TAP], "I'd rather avoid plastic", "kind:kitchen_faucet max:150 -material:plastic"),
    ("h", [TAP], "in bronze or black pls", "kind:kitchen_faucet max:150 color:bronze,black"),
    ("h", [TAP], "under $100 and no chrome", "kind:kitchen_faucet max:100 -color:chrome"),
    ("h", [TAP], "2nd one, does it come with a warranty?", "kind:kitchen_faucet max:150 focus:2 route:both|detail"),
    ("h", [TAP], "which is cheaper, the 1st or 4th", "kind:kitchen_faucet max:150 compare:1,4 route:compare"),
    ("d", [B], "Stridewell is not for me", BS + " -brand:stridewell"),
    ("d", [B], "i dont really like stridewell", BS + " -brand:stridewell"),
    ("d", [B], "veloxa's fine now", "kind:running_shoes color:black max:150"),
    ("d", [B], "under 120 pls and in navy", "kind:running_shoes color:navy max:120 -brand:veloxa"),
    ("d", [B], "women's please", BS + " audience:women"),
    ("d", [B], "maybe 130 max", "kind:running_shoes color:black max:130 -brand:veloxa"),
    ("d", [B], "not over 100", "kind:running_shoes color:black max:100 -brand:veloxa"),
    ("d", [B], "I need a yoga mat, under 40", "kind:yoga,mat max:40 -brand:veloxa"),  # the shop's category Yoga, type Mat
    ("d", [B], "gift for my son who loves cycling", "kind:cycling audience:boys -brand:veloxa"),
    ("d", [B], "reset everything", "op:reset"),
    ("d", [B], "any discounts on these?", "same route:faq|both"),
]

# A third round, written after the second round's fixes and run once before any further change.
CASES += [
    ("a", [EAR], "hmm maybe not boat", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "leave out boat", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "minus boat", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "boat? never again", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "not boat, jbl", "kind:earphones max:1500 -brand:boat brand:jbl"),
    ("a", [EAR], "rather jbl than boat", "kind:earphones max:1500 brand:jbl -brand:boat"),
    ("a", [EAR], "the cheaper of the first two", "kind:earphones max:1500 focus:2 route:detail"),
    ("a", [EAR], "price no bar", "kind:earphones"),
    ("a", [EAR], "budget can stretch to 2000", "kind:earphones max:2000"),
    ("a", [EAR], "a little over 1500 is fine", "kind:earphones max:>1500"),
    ("a", [EAR, "black ones"], "colour doesnt matter", "kind:earphones max:1500"),
    ("a", [EAR, "black ones"], "any colour works tbh", "kind:earphones max:1500"),
    ("a", [EAR, "jbl only"], "doesnt have to be jbl", "kind:earphones max:1500"),
    ("a", [EAR, "jbl only"], "other brands ok too", "kind:earphones max:1500"),
    ("a", [EAR], "earphones under 1500 again pls", "kind:earphones max:1500 op:restate"),
    ("a", [EAR], "same search but for my son", "kind:earphones max:1500 audience:boys"),
    ("a", [EAR], "now a speaker for my dad, under 3k", "kind:speaker audience:men max:3000"),
    ("a", [EAR, "for women"], "ok and a trimmer for my husband", "kind:trimmer audience:men"),
    ("a", [EAR], "hi, whats your refund policy for earphones", "same route:faq"),
    ("a", [EAR], "thanks!", "same route:smalltalk"),
    ("a", [EAR], "can i talk to a human", "same route:human"),
    ("f", [SHORTS], "allergic to wool", "kind:shorts audience:women max:1000 -material:wool"),
    ("f", [SHORTS], "not alisha, not carrel", "kind:shorts audience:women max:1000 -brand:alisha -brand:carrel"),
    ("f", [SHORTS], "i'd rather not have polyester", "kind:shorts audience:women max:1000 -material:polyester"),
    ("f", [SHORTS], "2nd and 4th side by side", "kind:shorts audience:women max:1000 compare:2,4 route:compare"),
    ("f", [], "black formal shoes for men under 2000, no loafers", "kind:shoes audience:men color:black max:2000 -kind:loafers"),
    ("f", [], "a watch for my husband, leather strap, under 3000", "kind:watch audience:men material:leather max:3000"),
    ("b", [TEA], "leave out red label pls", "kind:tea max:500 -brand:red_label"),
    ("b", [TEA], "i hate tata tea", "kind:tea max:500 -brand:tata_tea"),
    ("b", [TEA], "red label? no thanks", "kind:tea max:500 -brand:red_label"),
    ("b", [TEA], "the cheaper of the first two", "kind:tea max:500 focus:2 route:detail"),
    ("b", [TEA], "now honey, dabur or patanjali", "kind:honey brand:dabur,patanjali"),
    ("b", [TEA], "organic ones only", "kind:tea max:500"),
    ("b", [], "sugar free biscuits under 100", "kind:biscuits max:100"),
    ("b", [], "gluten-free atta", "kind:atta"),
    ("b", [], "plastic free container", "kind:container -material:plastic"),
    ("h", [TAP], "stainless steel preferred, no chrome", "kind:kitchen_faucet max:150 material:stainless_steel -color:chrome"),
    ("h", [TAP], "forget the price", "kind:kitchen_faucet"),
    ("h", [TAP], "price doesnt matter", "kind:kitchen_faucet"),
    ("h", [TAP], "between 100-200", "kind:kitchen_faucet min:100 max:200"),
    ("h", [TAP], "what about a matching sink in black", "kind:sink color:black"),
    ("d", [B], "not black - navy", "kind:running_shoes -color:black color:navy max:150 -brand:veloxa"),
    ("d", [B], "stridewell or runwright only", BS + " brand:stridewell,runwright"),
    ("d", [B], "4.5 stars+", BS + " rating:4.5"),
    ("d", [B], "in stock only pls", BS + " stock"),
    ("d", [B], "sort by rating", BS + " sort:rating"),
    ("d", [B], "i'm a big fan of stridewell", BS + " brand:stridewell"),
    ("d", [B], "more from stridewell", BS + " brand:stridewell"),
]

# A fourth round, written after the third round's fixes and run once before any further change.
CASES += [
    ("a", [EAR], "premium options pls", "kind:earphones op:pricier max:any min:any"),
    ("a", [EAR], "something more high end", "kind:earphones op:pricier max:any min:any"),
    ("a", [EAR], "any budget options?", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "cheapr ones", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "lower price pls", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "cheaper than the oneplus one", "kind:earphones max:<1999 op:cheaper"),
    ("a", [EAR], "first one vs last one", "kind:earphones max:1500 compare:1,4 route:compare"),
    ("a", [EAR], "compare boat and boult", "kind:earphones max:1500 compare:1,2 route:compare"),
    ("a", [EAR], "whats the diff between the 2nd and 3rd", "kind:earphones max:1500 compare:2,3 route:compare"),
    ("a", [EAR], "something like the boat one but not black", "kind:earphones max:1500 -color:black similar:1"),
    ("a", [EAR], "others like the 3rd", "kind:earphones max:1500 similar:3"),
    ("a", [EAR], "got anything similar?", "kind:earphones max:1500 op:similar"),
    ("a", [EAR, "black ones"], "blue instead of black", "kind:earphones max:1500 color:blue"),
    ("a", [EAR, "black ones"], "change colour to white", "kind:earphones max:1500 color:white"),
    ("a", [EAR, "black ones"], "white pls not black", "kind:earphones max:1500 color:white -color:black"),
    ("a", [EAR], "raise budget to 2500", "kind:earphones max:2500"),
    ("a", [EAR], "my budget is now 1k", "kind:earphones max:1000"),
    ("a", [EAR], "no budget", "kind:earphones"),
    ("a", [EAR], "earphones, under 1500", "kind:earphones max:1500 op:restate"),
    ("a", [EAR], "like i said earphones under 1500", "kind:earphones max:1500 op:restate"),
    ("f", [SHORTS], "for girls not women", "kind:shorts audience:girls max:1000"),
    ("f", [SHORTS], "whats ur exchange policy", "same route:faq"),
    ("f", [SHORTS], "do u ship to pune? also any in black", "kind:shorts audience:women max:1000 color:black route:both"),
    ("f", [SHORTS], "maroon pls, nothing in black or pink", "kind:shorts audience:women max:1000 color:maroon -color:black -color:pink"),
    ("f", [], "party wear dress for women under 2k in red or black no polyester",
     "kind:dress audience:women max:2000 color:red,black -material:polyester"),
    ("f", [], "kurti for my mom, cotton, around 700", "kind:kurti audience:women material:cotton min:560 max:840"),
    ("f", [SHORTS], "from libas or mynte only", "kind:shorts audience:women max:1000 brand:libas,mynte"),
    ("b", [TEA], "also want coffee, no nescafe", "kind:coffee -brand:nescafe"),
    ("b", [TEA, "no red label"], "ok now coffee", "kind:coffee -brand:red_label"),
    ("b", [TEA], "around 300 rs", "kind:tea min:240 max:360"),
    ("b", [TEA], "less than ₹400", "kind:tea max:400"),
    ("b", [TEA], "under rs 350/-", "kind:tea max:350"),
    ("b", [], "dettol soap pack of 4", "kind:soap brand:dettol"),
    ("b", [], "baby diapers for newborn, not huggies", "kind:diapers audience:baby -brand:huggies"),
    ("h", [TAP], "not in chrome pls", "kind:kitchen_faucet max:150 -color:chrome"),
    ("h", [TAP], "anything other than bronze", "kind:kitchen_faucet max:150 -color:bronze"),
    ("h", [TAP], "stainless steel or brass, under 200", "kind:kitchen_faucet max:200 material:stainless_steel,brass"),
    ("h", [], "led light bulbs, not more than $30", "kind:light_bulb max:30"),
    ("h", [TAP], "show more like the pfister one", "kind:kitchen_faucet max:150 similar:4"),
    ("d", [B], "show me the 3rd one again", BS + " focus:3 route:detail"),
    ("d", [B], "any in navy or grey? no black", "kind:running_shoes color:navy,grey -color:black max:150 -brand:veloxa"),
    ("d", [B], "what sizes does the 2nd come in", BS + " focus:2 route:detail|both"),
    ("d", [B], "headphones now, wireless, under 100, no sonivo", "kind:headphones max:100 -brand:sonivo -brand:veloxa"),
    ("d", [B], "can i return them if they dont fit", BS + " route:faq|both"),
]

# A fifth round (longer contexts, subject changes with carried constraints), run once before any further change.
CASES += [
    ("a", [EAR, "no boat", "black ones"], "ok what about headphones", "kind:headphones -brand:boat"),
    ("a", [EAR, "no boat"], "and smartwatches?", "kind:smartwatch -brand:boat"),
    ("a", [], "earphones or headphones under 1500", "kind:earphones,headphones max:1500"),
    ("a", [EAR], "only bluetooth ones pls", "kind:earphones max:1500"),
    ("a", [EAR], "the boult one looks good, is it waterproof?", "kind:earphones max:1500 focus:2 route:detail|both"),
    ("a", [EAR], "i'll take the 2nd", "kind:earphones max:1500 focus:2 route:detail"),
    ("a", [EAR], "budget 1000-1200", "kind:earphones min:1000 max:1200"),
    ("a", [EAR], "upto 1800", "kind:earphones max:1800"),
    ("a", [EAR], "below 1k only", "kind:earphones max:1000"),
    ("a", [EAR], "not above 999", "kind:earphones max:999"),
    ("a", [EAR], "in red or blue but not from ptron", "kind:earphones max:1500 color:red,blue -brand:ptron"),
    ("a", [EAR], "noise or boult, black, under 1200", "kind:earphones max:1200 brand:noise,boult color:black"),
    ("a", [], "best earphones under 1000 for gym", "kind:earphones max:1000"),
    ("a", [], "cheapest kettle you have", "kind:kettle sort:price_asc"),
    ("a", [], "top rated mixer grinder", "kind:mixer_grinder sort:rating"),
    ("f", [SHORTS, "no alisha"], "now tops", "kind:top audience:women -brand:alisha"),
    ("f", [SHORTS], "for my 8 yr old daughter instead", "kind:shorts audience:girls max:1000"),
    ("f", [SHORTS], "men's ones", "kind:shorts audience:men max:1000"),
    ("f", [], "maroon kurta for men no silk", "kind:kurta audience:men color:maroon -material:silk"),
    ("f", [], "kurta under 800 for men but not white", "kind:kurta audience:men max:800 -color:white"),
    ("f", [], "denim jeans for women, not blue", "kind:jeans audience:women material:denim -color:blue"),
    ("f", [SHORTS], "hmm none of these, any from libas?", "kind:shorts audience:women max:1000 brand:libas"),
    ("b", ["coffee"], "nescafe or bru, under 300, no plastic jar", "kind:coffee brand:nescafe,bru max:300 -material:plastic"),
    ("b", ["biscuits under 100"], "sunfeast is a no, britannia ok", "kind:biscuits max:100 -brand:sunfeast brand:britannia"),
    ("b", ["soap"], "not dettol, himalaya maybe", "kind:soap -brand:dettol brand:himalaya"),
    ("b", [], "honey 500g under 250 not dabur not patanjali", "kind:honey max:250 -brand:dabur -brand:patanjali"),
    ("b", [], "ghee for cooking under 600 amul pls", "kind:ghee brand:amul max:600"),
    ("h", [TAP], "single handle, under 120, no plastic", "kind:kitchen_faucet max:120 -material:plastic"),
    ("h", [], "6 ft ladder fiberglass not aluminum", "kind:ladder -material:aluminium"),
    ("h", [], "white vanity 36 inch under 400", "kind:vanity color:white max:400"),
    ("h", [], "ceiling fan under 150 but not white", "kind:ceiling_fan max:150 -color:white"),
    ("h", [TAP], "now a mirror", "kind:mirror"),
    ("d", [B], "what about stridewell ones?", BS + " brand:stridewell"),
    ("d", [B], "anything but stridewell, in grey or blue", "kind:running_shoes color:grey,blue max:150 -brand:veloxa -brand:stridewell"),
    ("d", [B], "same budget, but a jacket", "kind:jackets max:150 -brand:veloxa"),
    ("d", [B], "show me backpacks but keep the budget", "kind:backpacks max:150 -brand:veloxa"),
    ("d", [B], "for my wife", BS + " audience:women"),
    ("d", [B], "size 9 or 10", BS + " size:9,10"),
    ("d", [B], "is the first one true to size?", BS + " focus:1 route:both|detail"),
    ("d", [B], "what's the difference between the first two", BS + " compare:1,2 route:compare"),
]

# A sixth round, run once (rules alone and rules + the embedded LLM) before any further change.
ROUND_6: list[tuple[str, list[str], str, str]] = [
    ("a", [], "looking for a good mouse under 500, logitech or hp", "kind:mouse brand:logitech,hp max:500"),
    ("a", [], "philips trimmer below 2000 not the blue one", "kind:trimmer brand:philips max:2000 -color:blue"),
    ("a", [EAR], "is the 3rd one any good", "kind:earphones max:1500 focus:3 route:detail"),
    ("a", [EAR], "id like to see more from boult", "kind:earphones max:1500 brand:boult"),
    ("a", [EAR], "kindly show something below 800", "kind:earphones max:800"),
    ("a", [EAR], "anything around 1k?", "kind:earphones min:800 max:1200"),
    ("a", [EAR], "i have only 700 rs", "kind:earphones max:700"),
    ("a", [EAR], "no ptron, no boat, black or white", "kind:earphones max:1500 -brand:ptron -brand:boat color:black,white"),
    ("a", [EAR], "white colour only", "kind:earphones max:1500 color:white"),
    ("a", [EAR], "colour: red", "kind:earphones max:1500 color:red"),
    ("a", [EAR], "brand: jbl", "kind:earphones max:1500 brand:jbl"),
    ("a", [EAR], "price range 800 to 1200", "kind:earphones min:800 max:1200"),
    ("a", [EAR, "no boat"], "boat is okay now", "kind:earphones max:1500"),
    ("a", [EAR, "jbl only"], "any brand is fine", "kind:earphones max:1500"),
    ("f", [SHORTS], "not dressberry nor alisha", "kind:shorts audience:women max:1000 -brand:dressberry -brand:alisha"),
    ("f", [SHORTS], "I dont like the 1st one, show others", "kind:shorts audience:women max:1000 op:more"),
    ("f", [], "sweater for winter, wool, men, under 1500", "kind:sweater material:wool audience:men max:1500"),
    ("f", [], "girls leggings pack of 3 under 600", "kind:leggings audience:girls max:600"),
    ("f", [SHORTS], "do you have them in cotton?", "kind:shorts audience:women max:1000 material:cotton"),
    ("f", [SHORTS], "something in silk maybe", "kind:shorts audience:women max:1000 material:silk"),
    ("b", [TEA], "nah not tata tea", "kind:tea max:500 -brand:tata_tea"),
    ("b", [TEA], "1 kg pack under 500", "kind:tea max:500"),
    ("b", [], "some chocolates for my wife, no amul", "kind:chocolate audience:women -brand:amul"),
    ("b", [], "sunfeast biscuits under 50 rupees", "kind:biscuits brand:sunfeast max:50"),
    ("b", ["toothpaste"], "colgate is a no go", "kind:toothpaste -brand:colgate"),
    ("h", [TAP], "looking for something in nickel, under 200", "kind:kitchen_faucet color:nickel max:200"),
    ("h", [TAP], "no nickel no chrome", "kind:kitchen_faucet max:150 -color:nickel -color:chrome"),
    ("h", [TAP], "what's the warranty on the 2nd", "kind:kitchen_faucet max:150 focus:2 route:both|detail"),
    ("h", [], "porcelain tile for bathroom floor under 3 dollars", "kind:wall_tile material:porcelain max:3"),
    ("d", [B], "no more veloxa or stridewell", BS + " -brand:stridewell"),
    ("d", [B], "in white, size 10", "kind:running_shoes color:white max:150 -brand:veloxa size:10"),
    ("d", [B], "show me that again", BS + " op:restate"),
    ("d", [B], "can you do cheaper than 150", BS),
    ("d", [B], "a smartwatch for my son under 200, not orbitrak", "kind:smartwatches audience:boys max:200 -brand:veloxa -brand:orbitrak"),
    ("d", [B], "thanks, bye", BS + " route:smalltalk"),
]
CASES += ROUND_6
CASES += [
    ("d", [B], "would the 2nd make a good gift?", BS + " focus:2 route:detail"),  # about a shown product, no new subject
    ("a", [EAR], "i have only 700 rs", "kind:earphones max:700"),
]

# A seventh round, run once before any further change.
CASES += [
    ("a", [EAR], "noise cancelling earphones", "kind:earphones max:1500"),
    ("a", [EAR], "wired ones only", "kind:earphones max:1500"),
    ("a", [EAR], "earphones for my son, under 1000", "kind:earphones audience:boys max:1000"),
    ("a", [], "I want a kettle. Budget 1500. No plastic. Prestige or Pigeon.", "kind:kettle max:1500 -material:plastic brand:prestige,pigeon"),
    ("a", [], "kettle, 1.5 l, steel, <1500", "kind:kettle material:steel max:1500"),
    ("a", [], "fan for my room under 2k", "kind:fan max:2000"),
    ("a", [], "i'm a huge fan of jbl, show me speakers", "kind:speaker brand:jbl"),
    ("a", [EAR], "red/blue", "kind:earphones max:1500 color:red,blue"),
    ("a", [EAR], "any red ones?", "kind:earphones max:1500 color:red"),
    ("a", [EAR], "not black or grey", "kind:earphones max:1500 -color:black -color:grey"),
    ("a", [EAR], "excluding boat", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "boat excluded", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "remove boat from the list", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "hide boat", "kind:earphones max:1500 -brand:boat"),
    ("a", [EAR], "not interested in boat", "kind:earphones max:1500 -brand:boat"),
    ("f", [SHORTS], "for ladies", "kind:shorts audience:women max:1000"),
    ("f", [SHORTS], "nothing in pink", "kind:shorts audience:women max:1000 -color:pink"),
    ("f", [SHORTS], "any but pink", "kind:shorts audience:women max:1000 -color:pink"),
    ("f", [SHORTS], "all except pink", "kind:shorts audience:women max:1000 -color:pink"),
    ("b", [TEA], "no tata tea or red label, i want something else", "kind:tea max:500 -brand:tata_tea -brand:red_label"),
    ("b", [TEA], "only red label", "kind:tea max:500 brand:red_label"),
    ("b", [], "green tea bags, no sugar, under 200", "kind:green_tea max:200"),
    ("b", ["shampoo"], "anti dandruff, not head & shoulders, under 300", "kind:shampoo -brand:head_&_shoulders max:300"),
    ("h", [TAP], "chrome is ok too", "kind:kitchen_faucet max:150 color:chrome"),
    ("h", [TAP], "bronze or nickel only, no chrome", "kind:kitchen_faucet max:150 color:bronze,nickel -color:chrome"),
    ("h", [TAP, "no chrome"], "chrome's fine actually", "kind:kitchen_faucet max:150"),
    ("h", [TAP], "under $150 still, but in black", "kind:kitchen_faucet max:150 color:black"),
    ("d", [B], "i said no veloxa", BS),
    ("d", [B], "only stridewell or runwright, under 120", "kind:running_shoes color:black max:120 -brand:veloxa brand:stridewell,runwright"),
    ("d", [B], "no leather", BS + " -material:leather"),
    ("d", [B], "leather-free", BS + " -material:leather"),
    ("d", [B], "for women, size 7", BS + " audience:women size:7"),
    ("d", [B], "how much is shipping for the 2nd", BS + " focus:2 route:both|detail"),
]

# An eighth round (replacing, removing, similar, compare, cheaper, FAQ mixed in), run once before any further change.
CASES += [
    ("a", [EAR, "black ones"], "actually make it white", "kind:earphones max:1500 color:white"),
    ("a", [EAR, "black ones"], "switch to red pls", "kind:earphones max:1500 color:red"),
    ("a", [EAR, "black ones"], "hmm rather white", "kind:earphones max:1500 color:white"),
    ("a", [EAR, "jbl only"], "change brand to boult", "kind:earphones max:1500 brand:boult"),
    ("a", [EAR, "jbl only"], "boult instead", "kind:earphones max:1500 brand:boult"),
    ("f", [SHORTS], "make it for girls", "kind:shorts audience:girls max:1000"),
    ("h", [TAP], "change the budget to 200", "kind:kitchen_faucet max:200"),
    ("h", [TAP], "make that $99", "kind:kitchen_faucet max:99"),
    ("a", [EAR, "black ones"], "drop the colour", "kind:earphones max:1500"),
    ("a", [EAR, "black ones"], "forget black", "kind:earphones max:1500"),
    ("a", [EAR, "black ones"], "never mind the black", "kind:earphones max:1500"),
    ("a", [EAR, "jbl only"], "any brand works", "kind:earphones max:1500"),
    ("a", [EAR, "jbl only"], "not fussed about brand", "kind:earphones max:1500"),
    ("a", [EAR], "remove the price limit", "kind:earphones"),
    ("a", [EAR], "no limit on price", "kind:earphones"),
    ("a", [EAR], "show me stuff like the 4th", "kind:earphones max:1500 similar:4"),
    ("a", [EAR], "like the oneplus one but cheaper", "kind:earphones max:<1500 similar:3 op:cheaper"),
    ("a", [EAR], "similar to the red one pls", "kind:earphones max:1500 similar:4"),
    ("a", [EAR], "boult vs oneplus?", "kind:earphones max:1500 compare:2,3 route:compare"),
    ("a", [EAR], "how does the 1st compare to the 2nd", "kind:earphones max:1500 compare:1,2 route:compare"),
    ("a", [EAR], "pros and cons of the top 2", "kind:earphones max:1500 compare:1,2 route:compare"),
    ("a", [EAR], "something cheaper than these", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "all a bit out of budget", "kind:earphones max:<1500 op:cheaper"),
    ("b", [TEA], "too costly yaar", "kind:tea max:<500 op:cheaper"),
    ("h", [TAP], "anything less than the first one", "kind:kitchen_faucet max:<89 op:cheaper"),
    ("a", [EAR], "ok. and what about returns?", "same route:faq"),
    ("h", [TAP], "do you install? i also need a sink", "kind:sink route:both"),
    ("d", [B], "I can go a bit over budget", "kind:running_shoes color:black max:187.5 -brand:veloxa op:relax"),
    ("d", [B], "ok going over budget", "kind:running_shoes color:black max:187.5 -brand:veloxa op:relax"),
    ("d", [B], "these are over my budget", "kind:running_shoes color:black max:<150 -brand:veloxa op:cheaper"),
]


# A ninth round (replace, relax, remove, similar, more, cheaper, pricier, reset, compare: other constructions than the
# earlier rounds'), run once before any further change.
EARS = "kind:earphones max:1500"
SH = "kind:shorts audience:women max:1000"
CASES += [
    ("a", [EAR, "black ones"], "white would be better", EARS + " color:white"),
    ("a", [EAR, "black ones"], "on second thought, blue", EARS + " color:blue"),
    ("a", [EAR, "black ones"], "can i see them in red instead of black", EARS + " color:red"),
    ("a", [EAR, "black ones"], "swap black for white", EARS + " color:white"),
    ("a", [EAR, "jbl only"], "lets try samsung instead", EARS + " brand:samsung"),
    ("a", [EAR, "jbl only"], "prefer boult over jbl", EARS + " brand:boult"),
    ("f", [SHORTS], "budget is now 700", "kind:shorts audience:women max:700"),
    ("f", [SHORTS], "lower the budget to 500", "kind:shorts audience:women max:500"),
    ("b", [TEA], "make it 300 max", "kind:tea max:300"),
    ("h", [TAP, "in chrome"], "nickel finish instead", "kind:kitchen_faucet max:150 color:nickel"),
    ("h", [TAP, "in chrome"], "bronze rather than chrome", "kind:kitchen_faucet max:150 color:bronze"),
    ("d", [B], "make them blue", "kind:running_shoes color:blue max:150 -brand:veloxa"),
    ("f", [SHORTS], "for men actually", "kind:shorts audience:men max:1000"),
    ("f", [SHORTS, "in black"], "how about in navy", SH + " color:navy"),
    ("a", [EAR], "change it to under 1000", "kind:earphones max:1000"),
    ("a", [EAR, "black ones"], "colour doesn't matter", EARS),
    ("a", [EAR, "black ones"], "open to any colour", EARS),
    ("a", [EAR, "black ones"], "whatever colour", EARS),
    ("a", [EAR, "jbl only"], "brand isn't important", EARS),
    ("a", [EAR, "jbl only"], "open to other brands", EARS),
    ("a", [EAR], "price is no object", "kind:earphones"),
    ("a", [EAR], "money's not an issue", "kind:earphones"),
    ("a", [EAR], "forget about the price", "kind:earphones"),
    ("a", [EAR], "i'm not on a budget anymore", "kind:earphones"),
    ("b", [TEA], "happy to spend a bit more", "kind:tea max:625 op:relax"),
    ("h", [TAP], "can stretch a little past 150", "kind:kitchen_faucet max:187.5 op:relax"),
    ("d", [B], "any colour works", "kind:running_shoes max:150 -brand:veloxa"),
    ("f", [SHORTS, "in black"], "other colours are fine too", SH),
    ("f", [SHORTS, "cotton ones"], "any fabric is ok", SH),
    ("a", [EAR, "black ones"], "doesnt need to be black", EARS),
    ("a", ["earphones under 1500, not boat"], "ok boat is fine actually", EARS),
    ("a", ["earphones under 1500, not boat"], "i'll allow boat", EARS),
    ("f", [SHORTS, "cotton ones"], "cotton isn't a must", SH),
    ("d", [B], "veloxa is ok after all", "kind:running_shoes color:black max:150"),
    ("d", [B], "take black off", "kind:running_shoes max:150 -brand:veloxa"),
    ("a", [EAR], "got anything like the boult?", EARS + " similar:2"),
    ("a", [EAR], "ones resembling the 3rd", EARS + " similar:3"),
    ("a", [EAR], "alternatives to the first one", EARS + " similar:1"),
    ("f", [SHORTS], "something along the lines of the 2nd", SH + " similar:2"),
    ("f", [SHORTS], "same style as the carrel ones", SH + " similar:4"),
    ("b", [TEA], "other teas like the red label one", "kind:tea max:500 similar:2"),
    ("h", [TAP], "i like the moen, anything close to it?", "kind:kitchen_faucet max:150 similar:2"),
    ("d", [B], "show me ones like the marathia", BS + " similar:2"),
    ("d", [B], "similar ones to #3", BS + " similar:3"),
    ("a", [EAR], "next page", EARS + " op:more"),
    ("a", [EAR], "what else have you got", EARS + " op:more"),
    ("a", [EAR], "none of these, keep going", EARS + " op:more"),
    ("f", [SHORTS], "any more?", SH + " op:more"),
    ("b", [TEA], "show a few more", "kind:tea max:500 op:more"),
    ("h", [TAP], "i don't like any of these", "kind:kitchen_faucet max:150 op:more"),
    ("d", [B], "nope, what else", BS + " op:more"),
    ("a", [EAR], "more results", EARS + " op:more"),
    ("b", [TEA], "keep them coming", "kind:tea max:500 op:more"),
    ("a", [EAR], "anything more budget friendly?", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "bit pricey for me", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "lower price options?", "kind:earphones max:<1500 op:cheaper"),
    ("b", [TEA], "something more economical", "kind:tea max:<500 op:cheaper"),
    ("h", [TAP], "less pricey ones?", "kind:kitchen_faucet max:<150 op:cheaper"),
    ("d", [B], "can you find these for less", "kind:running_shoes color:black max:<150 -brand:veloxa op:cheaper"),
    ("a", [EAR], "cheaper than the boat one", "kind:earphones max:<1299 op:cheaper"),
    ("f", [SHORTS], "something that costs less than the 3rd", "kind:shorts audience:women max:<849 op:cheaper"),
    ("a", [EAR], "show me the higher priced ones", "kind:earphones op:pricier max:any min:any"),
    ("a", [EAR], "these look cheap, something better quality", "kind:earphones op:pricier max:any min:any"),
    ("b", [TEA], "something more upmarket", "kind:tea op:pricier max:any min:any"),
    ("h", [TAP], "a more luxurious one", "kind:kitchen_faucet op:pricier max:any min:any"),
    ("d", [B], "higher end options", "kind:running_shoes color:black -brand:veloxa op:pricier max:any min:any"),
    ("a", [EAR], "ok now looking for a kettle", "kind:kettle"),
    ("a", [EAR], "different thing: i need a trimmer", "kind:trimmer"),
    ("b", [TEA], "moving on, shampoo", "kind:shampoo"),
    ("f", [SHORTS], "lets look at dresses now", "kind:dress audience:women"),
    ("h", [TAP], "switching gears, i need a ladder", "kind:ladder"),
    ("d", [B], "start from zero", ""),
    ("b", [TEA], "what about coffee", "kind:coffee"),
    ("a", [EAR], "which one's better, boat or oneplus", EARS + " compare:1,3 route:compare"),
    ("a", [EAR], "put the 1st and 4th head to head", EARS + " compare:1,4 route:compare"),
    ("f", [SHORTS], "how do 2 and 3 differ", SH + " compare:2,3 route:compare"),
    ("h", [TAP], "delta or glacier bay?", "kind:kitchen_faucet max:150 compare:1,3 route:compare"),
    ("d", [B], "is the runwright better than the quillon", BS + " compare:3,4 route:compare"),
    ("a", [EAR], "contrast the first and second", EARS + " compare:1,2 route:compare"),
]


# A tenth round (more, similar, cheaper, pricier, remove, reset: what shoppers type when they page, point and haggle),
# run once before any further change.
TAPS = "kind:kitchen_faucet max:150"
TEAS = "kind:tea max:500"
CASES += [
    ("a", [EAR], "what other ones are there", EARS + " op:more"),
    ("a", [EAR], "can i see other ones", EARS + " op:more"),
    ("a", [EAR], "got others?", EARS + " op:more"),
    ("f", [SHORTS], "show different ones", SH + " op:more"),
    ("f", [SHORTS], "anything besides these?", SH + " op:more"),
    ("b", [TEA], "other suggestions?", TEAS + " op:more"),
    ("b", [TEA], "page 2", TEAS + " op:more"),
    ("h", [TAP], "let me see more", TAPS + " op:more"),
    ("h", [TAP], "any other ones?", TAPS + " op:more"),
    ("d", [B], "more choices pls", BS + " op:more"),
    ("d", [B], "hmm not these. what else is there", BS + " op:more"),
    ("a", [EAR], "next", EARS + " op:more"),
    ("a", [EAR], "i want one like the third", EARS + " similar:3"),
    ("a", [EAR], "more in the vein of number 2", EARS + " similar:2"),
    ("a", [EAR], "something that looks like the first", EARS + " similar:1"),
    ("f", [SHORTS], "the pink ones are nice, got similar?", SH + " similar:4"),
    ("f", [SHORTS], "similar to item 2", SH + " similar:2"),
    ("f", [SHORTS], "ones like option 3", SH + " similar:3"),
    ("b", [TEA], "something like the tetley", TEAS + " similar:4"),
    ("h", [TAP], "show me faucets like the pfister", TAPS + " similar:4"),
    ("h", [TAP], "like the 2nd but in bronze", TAPS + " color:bronze similar:2"),
    ("d", [B], "similar to the tailwind", BS + " similar:1"),
    ("d", [B], "anything comparable to the last one?", BS + " similar:-1"),
    ("d", [B], "same kind as no. 2", BS + " similar:2"),
    ("a", [EAR], "something nicer", "kind:earphones op:pricier max:any min:any"),
    ("a", [EAR], "i want something of higher quality", "kind:earphones op:pricier max:any min:any"),
    ("a", [EAR], "more premium stuff pls", "kind:earphones op:pricier max:any min:any"),
    ("b", [TEA], "more expensive options", "kind:tea op:pricier max:any min:any"),
    ("f", [SHORTS], "these look too cheap", "kind:shorts audience:women op:pricier max:any min:any"),
    ("h", [TAP], "top of the range ones", "kind:kitchen_faucet op:pricier max:any min:any"),
    ("h", [TAP], "something more expensive than the delta", "kind:kitchen_faucet op:pricier max:any min:any"),
    ("d", [B], "a fancier pair", "kind:running_shoes color:black -brand:veloxa op:pricier max:any min:any"),
    ("a", [EAR], "too expensive for me", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "anything lower priced?", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "i want to pay less", "kind:earphones max:<1500 op:cheaper"),
    ("f", [SHORTS], "cheaper alternatives?", "kind:shorts audience:women max:<1000 op:cheaper"),
    ("f", [SHORTS], "can you go lower", "kind:shorts audience:women max:<1000 op:cheaper"),
    ("b", [TEA], "more reasonably priced ones", "kind:tea max:<500 op:cheaper"),
    ("b", [TEA], "anything at a lower price", "kind:tea max:<500 op:cheaper"),
    ("h", [TAP], "not so pricey please", "kind:kitchen_faucet max:<150 op:cheaper"),
    ("h", [TAP], "something under the price of the pfister", "kind:kitchen_faucet max:<179 op:cheaper"),
    ("d", [B], "i need them cheaper", "kind:running_shoes color:black max:<150 -brand:veloxa op:cheaper"),
    ("d", [B], "cheaper than the marathia?", "kind:running_shoes color:black max:<125.99 -brand:veloxa op:cheaper"),
    ("a", [EAR, "black ones"], "black isn't necessary", EARS),
    ("a", [EAR, "black ones"], "not just black", EARS),  # label corrected after the first run: other colours too
    ("a", ["earphones under 1500, not boat"], "you can include boat again", EARS),
    ("a", ["earphones under 1500, not boat"], "let boat back in", EARS),
    ("a", [EAR, "jbl only"], "i don't need jbl specifically", EARS),
    ("a", [EAR, "jbl only"], "remove jbl", EARS),
    ("f", [SHORTS, "cotton ones"], "no need for cotton", SH),
    ("f", [SHORTS, "in black"], "forget the black", SH),
    ("d", [B], "no longer need black", "kind:running_shoes max:150 -brand:veloxa"),
    ("d", [B], "veloxa can come back", "kind:running_shoes color:black max:150"),
    ("a", [EAR], "scratch that, i want a mouse", "kind:mouse"),
    ("a", [EAR], "ok new thing - a speaker", "kind:speaker"),
    ("a", [EAR], "never mind earphones, show me chargers", "kind:charger"),
    ("a", [EAR], "let me look for a geyser now", "kind:geyser"),
    ("b", [TEA], "forget tea, i need honey", "kind:honey"),
    ("b", [TEA], "i'd like to look at something else: biscuits", "kind:biscuits"),
    ("h", [TAP], "actually i need a mirror instead", "kind:mirror"),
    ("f", [SHORTS], "ok what about kurtis", "kind:kurti audience:women"),
    ("d", [B], "let's start over", ""),
    ("d", [B], "totally different: a yoga mat", "kind:yoga,mat -brand:veloxa"),  # label corrected: exclusions stay
]


# An eleventh round (more, pricier, remove, relax, reset once more, in questions and in passing), run once before any
# further change.
CASES += [
    ("a", [EAR], "is that all you have?", EARS + " op:more"),
    ("a", [EAR], "are there any more", EARS + " op:more"),
    ("a", [EAR], "do you have any others?", EARS + " op:more"),
    ("f", [SHORTS], "can you show me a few more?", SH + " op:more"),
    ("f", [SHORTS], "show me the next ones", SH + " op:more"),
    ("b", [TEA], "what other options do you have", TEAS + " op:more"),
    ("b", [TEA], "keep looking", TEAS + " op:more"),
    ("h", [TAP], "i'd like to see more options", TAPS + " op:more"),
    ("h", [TAP], "is there anything else?", TAPS + " op:more"),
    ("d", [B], "anything more?", BS + " op:more"),
    ("d", [B], "more, please", BS + " op:more"),
    ("a", [EAR], "i want better quality", "kind:earphones op:pricier max:any min:any"),
    ("a", [EAR], "can i see more expensive ones", "kind:earphones op:pricier max:any min:any"),
    ("f", [SHORTS], "something in a higher price range", "kind:shorts audience:women op:pricier max:any min:any"),
    ("b", [TEA], "show me the premium range", "kind:tea op:pricier max:any min:any"),
    ("h", [TAP], "i'd rather have something more high quality", "kind:kitchen_faucet op:pricier max:any min:any"),
    ("d", [B], "these feel a bit cheap, anything better?", "kind:running_shoes color:black -brand:veloxa op:pricier max:any min:any"),
    ("a", [EAR, "black ones"], "non-black is ok too", EARS),
    ("a", [EAR, "black ones"], "drop black from the search", EARS),
    ("a", ["earphones under 1500, not boat"], "lift the boat ban", EARS),
    ("a", ["earphones under 1500, not boat"], "boat's fine by me now", EARS),
    ("a", ["earphones under 1500, not boat"], "i changed my mind about boat", EARS),
    ("f", [SHORTS, "cotton ones"], "uncheck cotton", SH),
    ("h", [TAP, "in chrome"], "chrome isn't a must anymore", TAPS),
    ("a", [EAR], "whatever price", "kind:earphones"),
    ("a", [EAR], "any budget", "kind:earphones"),
    ("a", [EAR, "black ones"], "don't mind the colour", EARS),
    ("a", [EAR, "jbl only"], "i'm flexible on brand", EARS),
    ("a", [EAR, "jbl only"], "any make is fine", EARS),
    ("f", [SHORTS, "in black"], "colour is not a big deal", SH),
    ("b", [TEA], "price doesn't matter much", "kind:tea"),
    ("a", [EAR], "new search: toaster", "kind:toaster"),
    ("a", [EAR], "let's look for something else - a trimmer", "kind:trimmer"),
    ("a", [EAR], "i need something completely different, a fan", "kind:fan"),
    ("a", [EAR], "what do you have in kettles?", "kind:kettle"),
    ("a", [EAR], "show me heaters instead", "kind:heater"),
    ("b", [TEA], "coffee now please", "kind:coffee"),
    ("h", [TAP], "next i'm shopping for a drill", "kind:drill"),
    ("f", [SHORTS], "on to jeans", "kind:jeans audience:women"),
]


# A twelfth round: every operation asked as a question ("could you...", "do you have...", "is there..."), which must
# stay a search and never become an FAQ answer; run once before any further change.
CASES += [
    ("a", [EAR, "black ones"], "could you make it blue?", EARS + " color:blue"),
    ("a", [EAR, "black ones"], "can i get these in white?", EARS + " color:white"),
    ("a", [EAR, "jbl only"], "what about boult instead?", EARS + " brand:boult"),
    ("f", [SHORTS], "could we do under 800?", "kind:shorts audience:women max:800"),
    ("f", [SHORTS], "any chance of something under 600?", "kind:shorts audience:women max:600"),
    ("a", [EAR], "can you exclude boat?", EARS + " -brand:boat"),
    ("a", [EAR], "could you skip the boult ones?", EARS + " -brand:boult"),
    ("b", [TEA], "is there one that isn't red label?", TEAS + " -brand:red_label"),
    ("h", [TAP], "do you have any that aren't chrome?", TAPS + " -color:chrome"),
    ("a", [EAR, "black ones"], "can we drop the colour?", EARS),
    ("a", [EAR], "can we remove the price limit?", "kind:earphones"),
    ("a", [EAR, "jbl only"], "what if i don't care about brand?", EARS),
    ("d", [B], "can you take veloxa off the excluded list?", "kind:running_shoes color:black max:150"),
    ("a", [EAR], "do you have more like these?", EARS + " op:more"),
    ("f", [SHORTS], "could you show me a couple more?", SH + " op:more"),
    ("b", [TEA], "are there other options?", TEAS + " op:more"),
    ("a", [EAR], "would you show me ones similar to the 2nd?", EARS + " similar:2"),
    ("h", [TAP], "do you have something like the delta one?", TAPS + " similar:1"),
    ("d", [B], "is there anything like the first one but cheaper?", "kind:running_shoes color:black max:<150 -brand:veloxa similar:1 op:cheaper"),
    ("a", [EAR], "could you compare 1 and 2?", EARS + " compare:1,2 route:compare"),
    ("f", [SHORTS], "can you tell me how the first and last differ?", SH + " compare:1,4 route:compare"),
    ("b", [TEA], "what's the difference between the 2nd and 4th?", TEAS + " compare:2,4 route:compare"),
    ("a", [EAR], "do you have it cheaper?", "kind:earphones max:<1500 op:cheaper"),
    ("f", [SHORTS], "is there anything cheaper?", "kind:shorts audience:women max:<1000 op:cheaper"),
    ("h", [TAP], "can you find me a cheaper one?", "kind:kitchen_faucet max:<150 op:cheaper"),
    ("b", [TEA], "do you have any premium ones?", "kind:tea op:pricier max:any min:any"),
    ("a", [EAR], "how about something pricier?", "kind:earphones op:pricier max:any min:any"),
    ("d", [B], "do you have a more expensive version?", "kind:running_shoes color:black -brand:veloxa op:pricier max:any min:any"),
    ("a", [EAR], "can i go up to 2000?", "kind:earphones max:2000"),
    ("f", [SHORTS], "could i spend a bit more?", "kind:shorts audience:women max:1250 op:relax"),
    ("a", [EAR], "do you sell kettles too?", "kind:kettle"),
    ("b", [TEA], "do you also have honey?", "kind:honey"),
    ("h", [TAP], "can we look at sinks now?", "kind:sink"),
    ("a", [EAR], "can you show those again?", EARS),
    ("f", [SHORTS], "could you repeat the search?", SH),
]


# A thirteenth round (pricier and similar in more words; replace, remove, relax over the grocery and hardware shops),
# run once before any further change.
CASES += [
    ("a", [EAR], "show me the expensive ones", "kind:earphones op:pricier max:any min:any"),
    ("a", [EAR], "these are too basic", "kind:earphones op:pricier max:any min:any"),
    ("a", [EAR], "something a bit more special", "kind:earphones op:pricier max:any min:any"),
    ("f", [SHORTS], "best quality you have", "kind:shorts audience:women op:pricier max:any min:any"),
    ("b", [TEA], "i want to spend more on something good", "kind:tea op:pricier max:any min:any"),
    ("h", [TAP], "a pro grade one", "kind:kitchen_faucet op:pricier max:any min:any"),
    ("h", [TAP], "something pricier than the 3rd", "kind:kitchen_faucet op:pricier max:any min:>59"),
    ("d", [B], "the flagship models", "kind:running_shoes color:black -brand:veloxa op:pricier max:any min:any"),
    ("d", [B], "classier ones?", "kind:running_shoes color:black -brand:veloxa op:pricier max:any min:any"),
    ("a", [EAR], "same but in blue", EARS + " color:blue"),
    ("a", [EAR], "a dupe of the 3rd", EARS + " similar:3"),
    ("a", [EAR], "lookalikes of #1", EARS + " similar:1"),
    ("f", [SHORTS], "more in this style", SH + " similar:1"),
    ("f", [SHORTS], "ones that look like the dressberry", SH + " similar:2"),
    ("b", [TEA], "anything in the same line as the 1st?", TEAS + " similar:1"),
    ("h", [TAP], "one that matches the 4th", TAPS + " similar:4"),
    ("d", [B], "similar shoes to the quillon", BS + " similar:4"),
    ("d", [B], "a cheaper version of the 2nd", "kind:running_shoes color:black max:<125.99 -brand:veloxa similar:2 op:cheaper"),
    ("b", [TEA, "red label only"], "actually tetley", TEAS + " brand:tetley"),
    ("b", [TEA, "red label only"], "change red label to tetley", TEAS + " brand:tetley"),
    ("b", [TEA], "budget 300 instead", "kind:tea max:300"),
    ("b", [TEA], "let's say 250 max", "kind:tea max:250"),
    ("h", [TAP, "in chrome"], "make it black", TAPS + " color:black"),
    ("h", [TAP, "in chrome"], "i'd prefer bronze", TAPS + " color:bronze"),
    ("h", [TAP], "up the budget to 250", "kind:kitchen_faucet max:250"),
    ("b", [TEA, "red label only"], "red label isn't essential", TEAS),
    ("b", ["tea under 500 but not red label"], "red label is fine now", TEAS),
    ("h", [TAP, "in chrome"], "forget chrome", TAPS),
    ("h", [TAP, "in chrome"], "doesn't have to be chrome", TAPS),
    ("b", [TEA], "any price is fine", "kind:tea"),
    ("b", [TEA, "red label only"], "any brand will do", TEAS),
    ("h", [TAP, "in chrome"], "finish doesn't matter", TAPS),
    ("h", [TAP, "in chrome"], "any finish", TAPS),
    ("h", [TAP], "the budget can go higher", "kind:kitchen_faucet max:187.5 op:relax"),
]


# A fourteenth round: contexts with no budget and with several pieces (a brand and a colour, an audience and an
# exclusion), each operation once or twice more; run once before any further change.
EB = "boat earphones in black"
EBS = "kind:earphones brand:boat color:black"
WS = "women's shorts, no pink"
WSS = "kind:shorts audience:women -color:pink"
GT = "green tea from tetley"
GTS = "kind:green_tea brand:tetley"
FC = "kitchen faucet in chrome"
FCS = "kind:kitchen_faucet color:chrome"
RW = "running shoes for women, not veloxa"
RWS = "kind:running_shoes audience:women -brand:veloxa"
CASES += [
    ("a", [EB], "something pricier", EBS + " op:pricier min:>499"),
    ("f", [WS], "show me the more expensive ones", WSS + " op:pricier min:>299"),
    ("b", [GT], "any premium ones?", GTS + " op:pricier min:>180"),
    ("h", [FC], "higher end ones please", FCS + " op:pricier min:>59"),
    ("d", [RW], "pricier than the 3rd?", RWS + " op:pricier min:>94.99"),
    ("a", [EB], "cheaper ones?", EBS + " op:cheaper max:<1999"),
    ("f", [WS], "too pricey, anything less?", WSS + " op:cheaper max:<849"),
    ("h", [FC], "cheaper than the moen", FCS + " op:cheaper max:<249"),
    ("d", [RW], "those are over my budget", RWS + " op:cheaper max:<156.95"),
    ("a", [EB], "more like the second", EBS + " similar:2"),
    ("f", [WS], "anything similar to the 1st?", WSS + " similar:1"),
    ("b", [GT], "like the tetley one but different flavour", GTS + " similar:4"),
    ("d", [RW], "others like the runwright", RWS + " similar:3"),
    ("a", [EB], "show me more", EBS + " op:more"),
    ("f", [WS], "more options pls", WSS + " op:more"),
    ("h", [FC], "what else do you have", FCS + " op:more"),
    ("a", [EB], "white instead", "kind:earphones brand:boat color:white"),
    ("a", [EB], "boult instead of boat", "kind:earphones brand:boult color:black"),
    ("f", [WS], "for girls actually", "kind:shorts audience:girls -color:pink"),
    ("h", [FC], "in nickel instead", "kind:kitchen_faucet color:nickel"),
    ("d", [RW], "for men instead", "kind:running_shoes audience:men -brand:veloxa"),
    ("a", [EB], "any colour is ok", "kind:earphones brand:boat"),
    ("a", [EB], "brand doesn't matter", "kind:earphones color:black"),
    ("b", [GT], "any brand", "kind:green_tea"),
    ("a", [EB], "doesn't need to be boat", "kind:earphones color:black"),
    ("f", [WS], "pink is ok actually", "kind:shorts audience:women"),
    ("d", [RW], "veloxa is fine", "kind:running_shoes audience:women"),
    ("a", [EB], "no boult either", EBS + " -brand:boult"),
    ("f", [WS], "and no red", WSS + " -color:red"),
    # Home Depot has no brand column: the exclusion cannot become a filter; the search stands and the rules say unsure
    ("h", [FC], "nothing from glacier bay", FCS + " route:product"),
    ("a", [EB], "under 1000", EBS + " max:1000"),
    ("f", [WS], "in cotton", WSS + " material:cotton"),
    ("b", [GT], "now some honey", "kind:honey"),
    ("f", [WS], "and a top to go with it", "kind:top audience:women -color:pink"),
    ("d", [RW], "and a yoga mat", "kind:yoga,mat audience:women -brand:veloxa"),
]


# A fifteenth round: cheaper and pricier anchored on a shown item, in the words Indian and US shoppers use; run once
# before any further change.
CASES += [
    ("a", [EB], "costlier than the 2nd?", EBS + " op:pricier min:>999"),
    ("a", [EB], "anything costlier", EBS + " op:pricier min:>499"),
    ("f", [WS], "a step up from the first one", WSS + " op:pricier min:>379"),
    ("f", [WS], "an upgrade over the 4th", WSS + " op:pricier min:>299"),
    ("b", [GT], "above the price of the 2nd", GTS + " op:pricier min:>250"),
    ("h", [FC], "a notch above the glacier bay", FCS + " op:pricier min:>59"),
    ("d", [RW], "more pricey than the runwright", RWS + " op:pricier min:>94.99"),
    ("d", [RW], "dearer ones?", RWS + " op:pricier min:>94.99"),
    ("a", [EB], "lower than the boat one?", EBS + " op:cheaper max:<1299"),
    ("a", [EB], "less than the third", EBS + " op:cheaper max:<1999"),
    ("f", [WS], "below the 3rd's price", WSS + " op:cheaper max:<849"),
    ("f", [WS], "under what the dressberry costs", WSS + " op:cheaper max:<599"),
    ("b", [GT], "a step down from the first in price", GTS + " op:cheaper max:<560"),
    ("h", [FC], "something cheaper than #2", FCS + " op:cheaper max:<249"),
    ("h", [FC], "not as expensive as the moen", FCS + " op:cheaper max:<249"),
    ("d", [RW], "less costly than the quillon", RWS + " op:cheaper max:<156.95"),
    ("d", [RW], "cheaper alternatives to the marathia", RWS + " op:cheaper max:<125.99 similar:2"),
]


# A sixteenth round (remove, relax, more, similar, replace: short forms, "field: value" forms, arrows, second thoughts),
# run once before any further change.
NB = "earphones under 1500, not boat"
CASES += [
    ("a", [EAR, "black ones"], "scratch black", EARS),
    ("a", [EAR, "black ones"], "i take back the black", EARS),
    ("a", [EAR, "black ones"], "undo the black filter", EARS),
    ("a", [EAR, "black ones"], "the black requirement can go", EARS),
    ("a", [EAR, "black ones"], "black is optional", EARS),
    ("a", [EAR, "black ones"], "i was wrong about black", EARS),
    ("a", [NB], "boat's back on the table", EARS),
    ("a", [NB], "put boat back", EARS),
    ("a", [NB], "i don't mind boat actually", EARS),
    ("a", [NB], "actually i'm ok with boat", EARS),
    ("a", [NB], "reverse the boat exclusion", EARS),
    ("a", [EAR, "black ones"], "show all colours", EARS),
    ("a", [EAR, "black ones"], "in any colour", EARS),
    ("a", [EAR, "jbl only"], "all brands", EARS),
    ("a", [EAR, "jbl only"], "show me every brand", EARS),
    ("a", [EAR], "remove the budget", "kind:earphones"),
    ("a", [EAR], "lose the price cap", "kind:earphones"),
    ("a", [EAR], "forget the 1500", "kind:earphones"),
    ("a", [EAR], "never mind the price", "kind:earphones"),
    ("a", [EAR], "price: no limit", "kind:earphones"),
    ("a", [EAR], "another batch please", EARS + " op:more"),
    ("a", [EAR], "next 5", EARS + " op:more"),
    ("a", [EAR], "show the rest", EARS + " op:more"),
    ("a", [EAR], "others?", EARS + " op:more"),
    ("a", [EAR], "what's next", EARS + " op:more"),
    ("a", [EAR], "continue", EARS + " op:more"),
    ("a", [EAR], "go on", EARS + " op:more"),
    ("a", [EAR, "tell me about the 2nd"], "anything else like it?", EARS + " similar:2"),
    ("a", [EAR, "tell me about the 2nd"], "more like this", EARS + " similar:2"),
    ("a", [EAR], "similar items to #2", EARS + " similar:2"),
    ("a", [EAR], "same type as the 4th", EARS + " similar:4"),
    ("a", [EAR], "items close to #3", EARS + " similar:3"),
    ("a", [EAR], "like this one but black", EARS + " color:black similar:1"),
    ("a", [EAR, "black ones"], "hmm, how about in red", EARS + " color:red"),
    ("a", [EAR, "black ones"], "red please instead", EARS + " color:red"),
    ("a", [EAR, "black ones"], "black -> red", EARS + " color:red"),
    ("a", [EAR, "black ones"], "red not black", EARS + " color:red -color:black"),  # label made consistent with "in grey, no black"
    ("a", [EAR, "black ones"], "change colour to red", EARS + " color:red"),
    ("a", [EAR, "black ones"], "colour: red", EARS + " color:red"),
    ("a", [EAR, "jbl only"], "brand: boult", EARS + " brand:boult"),
    ("a", [EAR, "jbl only"], "switch the brand to boult", EARS + " brand:boult"),
    ("a", [EAR, "jbl only"], "go with boult", EARS + " brand:boult"),
    ("a", [EAR, "jbl only"], "boult then", EARS + " brand:boult"),
    ("f", [SHORTS], "let's do 800 instead", "kind:shorts audience:women max:800"),
    ("f", [SHORTS], "max 900 then", "kind:shorts audience:women max:900"),
    ("f", [SHORTS], "budget 1200 now", "kind:shorts audience:women max:1200"),
]


# A seventeenth round, over the demo shop and the grocery shop (compare, exclude, more, relax, replace), run once
# before any further change.
# (first run over "tata tea under 500", where the brand Tata Tea holds the type's word and no type is read: the context
# was changed to one that does not hinge on that)
GB = "tea from tetley under 500"
GBS = "kind:tea brand:tetley max:500"
CASES += [
    ("d", [B], "which is lighter, 1 or 2?", BS + " compare:1,2 route:compare"),
    ("d", [B], "how does #1 stack up against #3", BS + " compare:1,3 route:compare"),
    ("d", [B], "compare all of them", BS + " compare:1,2,3,4 route:compare"),
    ("d", [B], "which of these is best?", BS + " compare:1,2,3,4 route:compare"),
    ("d", [B], "help me choose between the first two", BS + " compare:1,2 route:compare"),
    ("d", [B], "the navy one or the blue one?", BS + " compare:2,3 route:compare"),
    ("d", [B], "1 or 2?", BS + " compare:1,2 route:compare"),
    ("d", [B], "not in neon yellow", BS + " -color:neon_yellow"),
    ("d", [B], "nothing in off-white either", BS + " -color:off-white"),
    ("d", [B], "avoid suede", BS + " -material:suede"),
    ("d", [B], "no faux leather please", BS + " -material:faux_leather"),
    ("d", [B], "hide marathia and quillon", BS + " -brand:marathia -brand:quillon"),
    ("d", [B], "more running shoes", BS + " op:more"),
    ("d", [B], "more of those", BS + " op:more"),
    ("d", [B], "more please!", BS + " op:more"),
    ("d", [B], "show me a few others", BS + " op:more"),
    ("d", [B], "colour is flexible", "kind:running_shoes max:150 -brand:veloxa"),
    ("d", [B], "price doesn't matter", "kind:running_shoes color:black -brand:veloxa"),
    ("d", [B], "make it navy", "kind:running_shoes color:navy max:150 -brand:veloxa"),
    ("d", [B], "budget's 120 now", "kind:running_shoes color:black max:120 -brand:veloxa"),
    ("b", [GB], "any brand is ok", "kind:tea max:500"),
    ("b", [GB], "doesn't have to be tetley", "kind:tea max:500"),
    ("b", [GB], "open to other brands too", "kind:tea max:500"),
    ("b", [GB], "red label instead", "kind:tea brand:red_label max:500"),
    ("b", [GB], "switch to red label", "kind:tea brand:red_label max:500"),
    ("b", [GB], "go up to 700", "kind:tea brand:tetley max:700"),
    ("b", [GB], "price no bar", "kind:tea brand:tetley"),
    ("b", [GB], "more teas", GBS + " op:more"),
    ("b", [GB], "something else?", GBS + " op:more"),
    ("b", [GB], "compare the 1st and 3rd", GBS + " compare:1,3 route:compare"),
    ("b", [GB], "which is cheaper, the 1st or the 2nd", GBS + " compare:1,2 route:compare"),
    ("b", [GB], "not red label", GBS + " -brand:red_label"),
    ("b", [GB], "cheaper packs?", "kind:tea brand:tetley max:<500 op:cheaper"),
    ("b", [GB], "a smaller pack for less", "kind:tea brand:tetley max:<500 op:cheaper"),
    ("b", [GB], "bigger pack, pricier is fine", "kind:tea brand:tetley op:pricier max:any min:any"),
]


# An eighteenth round: sizes and materials taken back, let go and swapped, and relaxing in more words; run once
# before any further change.
R8 = "running shoes under 150 in size 8"
R8S = "kind:running_shoes max:150"
CASES += [
    ("d", [R8], "size doesn't matter", R8S),
    ("d", [R8], "i'm not fussy about size", R8S),
    ("d", [R8], "any size works", R8S),
    ("d", [R8], "whatever size", R8S),
    ("d", [R8], "forget the size", R8S),
    ("d", [R8], "size 9 instead", R8S + " size:9"),
    ("d", [R8], "actually an 8.5", R8S + " size:8.5"),
    ("d", [R8], "make that a 9", R8S + " size:9"),
    ("d", [R8], "doesn't have to be an 8", R8S),
    ("d", [R8], "8 or 9 is fine", R8S + " size:8,9"),
    ("f", [SHORTS, "cotton ones"], "whatever material", SH),
    ("f", [SHORTS, "cotton ones"], "material isn't important", SH),
    ("f", [SHORTS, "cotton ones"], "don't mind the fabric", SH),
    ("f", [SHORTS, "cotton ones"], "denim instead", SH + " material:denim"),
    ("f", [SHORTS, "cotton ones"], "make it lycra", SH + " material:lycra"),
    ("f", [SHORTS, "cotton ones"], "not necessarily cotton", SH),
    ("a", [EAR], "budget is open", "kind:earphones"),
    ("a", [EAR], "no budget", "kind:earphones"),
    ("a", [EAR], "i have no budget really", "kind:earphones"),
    ("a", [EAR], "drop the price filter", "kind:earphones"),
    ("a", [EAR], "unlimited budget", "kind:earphones"),
    ("a", [EAR], "forget how much it costs", "kind:earphones"),
    ("a", [EAR, "black ones"], "colour: any", EARS),
    ("a", [EAR, "black ones"], "not bothered about colour", EARS),
    ("a", [EAR, "black ones"], "any colour really", EARS),
    ("a", [EAR, "jbl only"], "brand: any", EARS),
    ("a", [EAR, "jbl only"], "no brand preference", EARS),
    ("a", [EAR, "jbl only"], "i don't care which brand", EARS),
]


# A nineteenth round: the operations wrapped in whole sentences (thanks, hedges, reasons, two sentences), run once
# before any further change (one more, "My wife says black is boring, so let's go with blue", was dropped after the
# first run: whether the earphones are for the wife is a guess either way).
CASES += [
    ("a", [EAR], "Thanks! Could you show me some more options, please?", EARS + " op:more"),
    ("a", [EAR], "Hmm, I'm not sure about these. Can I see some others?", EARS + " op:more"),
    ("a", [EAR], "None of these really grab me, to be honest. What else have you got?", EARS + " op:more"),
    ("f", [SHORTS], "These are nice but I'd like to see a few more before deciding.", SH + " op:more"),
    ("a", [EAR, "black ones"], "On reflection I think white would suit me better.", EARS + " color:white"),
    ("a", [EAR, "jbl only"], "I've heard good things about Boult, can we look at those instead?", EARS + " brand:boult"),
    ("f", [SHORTS], "Money is a bit tight this month, can we keep it under 600?", "kind:shorts audience:women max:600"),
    ("a", [EAR, "black ones"], "To be honest the colour isn't that important to me.", EARS),
    ("a", [EAR, "jbl only"], "I'm not loyal to any brand really, show me everything.", EARS),
    ("a", [EAR], "Actually, I'd rather not be limited by price, just show me the best.", "kind:earphones"),
    ("a", [EAR, "black ones"], "Oh wait, it doesn't need to be black after all.", EARS),
    ("a", [NB], "I've changed my mind, boAt is OK.", EARS),
    ("a", [EAR], "I really liked the second one. Do you have anything similar?", EARS + " similar:2"),
    ("h", [TAP], "The Moen looks great. Show me others in that style please.", TAPS + " similar:2"),
    ("a", [EAR], "These are all a bit too expensive for me, anything cheaper?", "kind:earphones max:<1500 op:cheaper"),
    ("b", [TEA], "I'm on a tight budget, could you find something cheaper?", "kind:tea max:<500 op:cheaper"),
    ("a", [EAR], "These look a bit flimsy. Do you have something more premium?", "kind:earphones op:pricier max:any min:any"),
    ("d", [B], "I want something really good, price is secondary. Show me higher end ones.", "kind:running_shoes color:black -brand:veloxa op:pricier max:any min:any"),
    ("a", [EAR], "I can't decide between the first and the third. How do they compare?", EARS + " compare:1,3 route:compare"),
    ("a", [EAR], "OK thanks. Now I'm also looking for a power bank.", "kind:power_bank"),
    ("b", [TEA], "Great, that's the tea sorted. Next I need some biscuits.", "kind:biscuits"),
    ("d", [B], "Let's forget about shoes for now and start fresh.", ""),
]


# A twentieth round (replace once more: audience, material, size and bounds swapped in other words; relax and more
# over the grocery and hardware shops), run once before any further change.
CASES += [
    ("a", [EAR, "jbl only"], "how about boult?", EARS + " brand:boult"),
    ("a", [EAR, "jbl only"], "let's go for boult", EARS + " brand:boult"),
    ("a", [EAR, "jbl only"], "i'd go with boult over jbl", EARS + " brand:boult"),
    ("f", [SHORTS], "cap it at 800", "kind:shorts audience:women max:800"),
    ("f", [SHORTS], "my budget changed to 800", "kind:shorts audience:women max:800"),
    ("f", [SHORTS], "lower it to 700", "kind:shorts audience:women max:700"),
    ("f", [SHORTS], "i want to spend 600 at most now", "kind:shorts audience:women max:600"),
    ("f", [SHORTS], "ok 1200 is my new limit", "kind:shorts audience:women max:1200"),
    ("f", [SHORTS], "for kids instead", "kind:shorts audience:kids max:1000"),
    ("f", [SHORTS], "they're for my husband actually", "kind:shorts audience:men max:1000"),
    ("f", [SHORTS, "cotton ones"], "in denim instead", SH + " material:denim"),
    ("f", [SHORTS, "cotton ones"], "rather in polyester", SH + " material:polyester"),
    ("d", [R8], "size 10 would be better", R8S + " size:10"),
    ("d", [R8], "change the size to 9", R8S + " size:9"),
    ("b", [TEA], "any price", "kind:tea"),
    ("b", [TEA], "budget doesn't matter", "kind:tea"),
    ("b", [GB], "brand isn't a concern", "kind:tea max:500"),
    ("b", [GB], "i'm not particular about the brand", "kind:tea max:500"),
    ("h", [FC], "finish isn't important", "kind:kitchen_faucet"),
    ("h", [FC], "whatever finish you have", "kind:kitchen_faucet"),
    ("h", [TAP], "don't worry about the price", "kind:kitchen_faucet"),
    ("b", [TEA], "show me a few more teas", TEAS + " op:more"),
    ("b", [TEA], "what other teas do you have", TEAS + " op:more"),
    ("b", [TEA], "more like these please", TEAS + " op:more"),
    ("h", [TAP], "any further options?", TAPS + " op:more"),
    ("h", [TAP], "other faucets?", TAPS + " op:more"),
    ("h", [TAP], "show me more faucets", TAPS + " op:more"),
]


# A twenty-first round: paging in the words the rules had not met (found by running candidate messages through the
# rules and reading what they did, before writing these specs).
CASES += [(shop, [ctx], msg, spec + " op:more") for shop, ctx, spec in (("a", EAR, EARS), ("b", TEA, TEAS)) for msg in (
    "something different", "show me a different selection", "new suggestions please", "refresh the list",
    "show additional options", "explore more", "browse more", "display more", "list more", "keep showing",
    "hit me with more", "are there more?", "is there more?", "are these all?", "only these?", "more of the same")]


# A twenty-second round: cheaper and pricier in the words the rules had not met (found, like the last round, by running
# candidate messages through the rules first). "the best" and "top ones" are left alone: they ask for the best rated.
CASES += [("a", [EAR], msg, "kind:earphones max:<1500 op:cheaper") for msg in (
    "lower budget please", "a bit much for me", "something that won't cost as much", "anything under that?",
    "bit beyond what i want to pay", "i'm looking for a bargain", "the cheap ones", "not so costly please",
    "save me some money", "something budget", "economy options", "value for money ones")]
CASES += [("a", [EAR], msg, "kind:earphones op:pricier max:any min:any") for msg in (
    "top notch ones", "something fancy", "posher ones", "a better model", "step up", "higher budget ones",
    "money no object, show me nicer ones")]


# A twenty-third round: shown items named in other ways (number two, option two, the second to last, the last two,
# the two cheapest), found by running candidate messages through the rules first.
CASES += [
    ("a", [EAR], "cheaper than number two", "kind:earphones max:<999 op:cheaper"),
    ("a", [EAR], "cheaper than option two", "kind:earphones max:<999 op:cheaper"),
    ("a", [EAR], "cheaper than the second to last", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "the penultimate one, tell me more", EARS + " focus:3 route:detail"),
    ("a", [EAR], "pricier than item three", "kind:earphones op:pricier max:any min:>1999"),
    ("a", [EAR], "compare number one and number two", EARS + " compare:1,2 route:compare"),
    ("a", [EAR], "compare the two cheapest", EARS + " compare:2,4 route:compare"),
    ("a", [EAR], "compare the last two", EARS + " compare:3,4 route:compare"),
    ("a", [EAR], "compare the 2 most expensive", EARS + " compare:1,3 route:compare"),
    ("a", [EAR], "something like number three", EARS + " similar:3"),
]


# A twenty-fourth round: complaints about price and asks for better, with no budget standing (found by running
# candidate messages through the rules first).
WN = "shorts for women"
CASES += [("f", [WN], msg, "kind:shorts audience:women max:<849 op:cheaper") for msg in (
    "that's expensive", "pricey!", "I can't spend that much", "too rich for me", "beyond my means", "cut the price",
    "under what these cost", "reduce the price", "prices are high", "expensive...")]
CASES += [("f", [WN], msg, "kind:shorts audience:women op:pricier min:>299") for msg in (
    "the expensive stuff", "above these prices", "higher tier", "something of a higher standard")]


# A twenty-fifth round: exclusions in the words the rules had not met (found by running candidate messages through the
# rules first).
CASES += [("d", [B], msg, BS + " " + want) for msg, want in (
    ("I refuse to buy Quillon", "-brand:quillon"), ("nope to Marathia", "-brand:marathia"),
    ("Lowtide has been bad for me", "-brand:lowtide"), ("ban Quillon", "-brand:quillon"), ("block Runwright", "-brand:runwright"),
    ("get rid of the Quillon ones", "-brand:quillon"), ("enough Marathia", "-brand:marathia"),
    ("besides Quillon, what else", "-brand:quillon op:more"), ("other brands than Quillon", "-brand:quillon"))]


# A twenty-sixth round: comparisons in the words the rules had not met, and shown items named by a model name only
# their title has (found by running candidate messages through the rules first).
R2 = "running shoes under 200"
R2S = "kind:running_shoes max:200"
CASES += [("d", [R2], msg, R2S + f" compare:{want} route:compare") for msg, want in (
    ("how are 1 and 4 different", "1,4"), ("which one would you recommend?", "1,2,3,4"), ("which do you suggest, 2 or 3", "2,3"),
    ("rank these for me", "1,2,3,4"), ("is the Tailwind worth it over the Pacer?", "1,2"), ("Tailwind vs Pacer", "1,2"),
    ("which of the two, 1 or 2?", "1,2"), ("what are the differences?", "1,2,3,4"))]
CASES += [("d", [R2], "more like the tailwind", R2S + " similar:1"),
          ("d", [R2], "tell me about the sprintra", R2S + " focus:3 route:detail")]



# A twenty-seventh round: every operation again, in constructions written apart from the bank over four catalogs
# and run once before the fixes: 42 of 44 right ("colour no longer matters", "hide anything in pink").
CASES += [
    # replace (a standing value swapped for another)
    ("a", [EAR, "in black"], "swap black for white", EARS + " color:white"),
    ("a", [EAR, "in black"], "white rather than black", EARS + " color:white"),
    ("a", [EAR, "from boat"], "switch the brand to jbl", EARS + " brand:jbl"),
    ("a", [EAR], "make the budget 2000", "kind:earphones max:2000"),
    ("f", [SHORTS, "in black"], "change black to navy", SH + " color:navy"),
    ("b", [TEA, "tetley please"], "hmm make that red label", TEAS + " brand:red_label"),
    ("h", [TAP, "in chrome"], "bronze finish instead of chrome", TAPS + " color:bronze"),
    ("h", [TAP], "raise the limit to 250", "kind:kitchen_faucet max:250"),
    # remove
    ("a", [EAR, "in black"], "colour no longer matters", EARS),
    ("a", [EAR, "from boat"], "drop the brand", EARS),
    ("a", [EAR, "from boat"], "forget boat", EARS),
    ("f", [SHORTS, "in black"], "i'm fine with any colour now", SH),
    ("b", [TEA, "tetley please"], "any brand will do actually", TEAS),
    ("h", [TAP, "in chrome"], "lose the chrome filter", TAPS),
    ("f", [SHORTS], "forget the budget", "kind:shorts audience:women"),
    ("a", [EAR], "no price limit", "kind:earphones"),
    # exclude
    ("a", [EAR], "keep boat out of it", EARS + " -brand:boat"),
    ("a", [EAR], "leave out jbl and boult", EARS + " -brand:jbl -brand:boult"),
    ("f", [SHORTS], "hide anything in pink", SH + " -color:pink"),
    ("f", [SHORTS], "i hate polyester", SH + " -material:polyester"),
    ("b", [TEA], "no tetley for me thanks", TEAS + " -brand:tetley"),
    ("h", [TAP], "remove the bronze ones", TAPS + " -color:bronze"),
    ("d", [B], "Quillon is a no-go", BS + " -brand:quillon"),
    # reset
    ("a", [EAR], "ok different thing: i need a kettle", "kind:kettle"),
    ("f", [SHORTS], "moving on, show me watches for men", "kind:watch audience:men"),
    ("b", [TEA], "now i want shampoo", "kind:shampoo"),
    ("h", [TAP], "let's look at ceiling fans now", "kind:ceiling_fan"),
    ("a", [EAR], "what about a power bank?", "kind:power_bank"),
    # similar
    ("a", [EAR], "ones like the boult", EARS + " similar:2"),
    ("a", [EAR], "anything similar to the 4th", EARS + " similar:4"),
    ("h", [TAP], "similar to the moen", TAPS + " similar:2"),
    # compare
    ("a", [EAR], "how does the first stack up against the third", EARS + " compare:1,3 route:compare"),
    ("a", [EAR], "boat or oneplus, which is better", EARS + " compare:1,3 route:compare"),
    ("b", [TEA], "what's the difference between 2 and 3", TEAS + " compare:2,3 route:compare"),
    # more
    ("a", [EAR], "next page", EARS + " op:more"),
    ("h", [TAP], "got any others?", TAPS + " op:more"),
    ("f", [SHORTS], "keep going", SH + " op:more"),
    # cheaper / pricier
    ("a", [EAR], "under the price of the third", "kind:earphones max:<1999 op:cheaper"),
    ("a", [EAR], "a cheaper alternative to the boat one", "kind:earphones max:<1299 op:cheaper"),
    ("h", [TAP], "less pricey ones", "kind:kitchen_faucet max:<249 op:cheaper"),
    ("b", [TEA], "something more affordable", "kind:tea max:<560 op:cheaper"),
    ("f", [SHORTS], "a more premium pair", "kind:shorts audience:women op:pricier min:any max:any"),
    ("a", [EAR], "spend more, get better ones", "kind:earphones op:pricier min:any max:any"),
    ("h", [TAP], "higher end faucets", "kind:kitchen_faucet op:pricier min:any max:any"),
]


# A twenty-eighth round, likewise: 44 of 49 right on first run ("budget's now 1000", "like the second one but cheaper"
# anchored on the second, "in the style of the oneplus" naming a shown item; "not black after all, red" was labelled
# as the earlier "red not black" is; "i can pay a bit more for quality" loosening the budget is right too).
CASES += [
    # replace
    ("a", [EAR, "in black"], "on second thought, blue", EARS + " color:blue"),
    ("a", [EAR, "in black"], "not black after all, red", EARS + " color:red -color:black"),
    ("a", [EAR, "from boat"], "i've changed my mind, samsung", EARS + " brand:samsung"),
    ("f", [SHORTS, "from alisha"], "go with libas instead of alisha", SH + " brand:libas"),
    ("f", [SHORTS, "cotton ones"], "scratch cotton, denim", SH + " material:denim"),
    ("b", [TEA, "tetley please"], "tetley -> tata tea", TEAS + " brand:tata_tea"),
    ("h", [TAP, "in chrome"], "actually nickel would look better", TAPS + " color:nickel"),
    ("a", [EAR], "budget's now 1000", "kind:earphones max:1000"),
    ("b", [TEA], "up to 800 is okay now", "kind:tea max:800"),
    # remove
    ("a", [EAR, "from boat"], "brand is not a big deal", EARS),
    ("a", [EAR, "in black"], "never mind the colour", EARS),
    ("f", [SHORTS, "cotton ones"], "fabric doesn't matter to me", SH),
    ("f", [SHORTS, "from alisha"], "i'm open on brand", SH),
    ("b", [TEA, "tetley please"], "not just tetley, any brand", TEAS),
    ("h", [TAP, "in chrome"], "chrome isn't a must", TAPS),
    ("h", [TAP], "remove the price cap", "kind:kitchen_faucet"),
    ("a", [EAR], "budget is flexible", "kind:earphones"),
    # exclude
    ("a", [EAR], "nothing from boult please", EARS + " -brand:boult"),
    ("a", [EAR], "can you exclude pTron", EARS + " -brand:ptron"),
    ("a", [EAR], "not keen on red ones", EARS + " -color:red"),
    ("f", [SHORTS], "prefer not denim", SH + " -material:denim"),
    ("f", [SHORTS], "anything but black", SH + " -color:black"),
    ("b", [TEA], "tetley's not for me", TEAS + " -brand:tetley"),
    ("b", [TEA], "minus red label", TEAS + " -brand:red_label"),
    ("h", [TAP], "i don't want bronze", TAPS + " -color:bronze"),
    ("d", [B], "and no Marathia either", BS + " -brand:marathia"),
    # reset
    ("a", [EAR], "forget earphones, i want a smartwatch", "kind:smartwatch"),
    ("f", [SHORTS], "i'm also shopping for sunglasses", "kind:sunglasses audience:women"),
    ("b", [TEA], "ok now honey", "kind:honey"),
    ("h", [TAP], "separately, i need a ladder", "kind:ladder"),
    ("a", [EAR], "a gift for my brother who loves music", "audience:men"),
    # similar
    ("a", [EAR], "like the second one but cheaper", "kind:earphones max:<999 op:cheaper"),
    ("a", [EAR], "more in the style of the oneplus", EARS + " similar:3"),
    ("b", [TEA], "similar to number 4", TEAS + " similar:4"),
    ("f", [SHORTS], "others like the carrel pair", SH + " similar:4"),
    # compare
    ("a", [EAR], "pros and cons of 1 vs 2", EARS + " compare:1,2 route:compare"),
    ("h", [TAP], "delta or moen?", TAPS + " compare:1,2 route:compare"),
    ("f", [SHORTS], "which is better, the first or the last", SH + " compare:1,4 route:compare"),
    # more
    ("a", [EAR], "show me the rest", EARS + " op:more"),
    ("b", [TEA], "load more", TEAS + " op:more"),
    ("h", [TAP], "what else is there", TAPS + " op:more"),
    ("f", [SHORTS], "more options please", SH + " op:more"),
    # cheaper / pricier
    ("a", [EAR], "those are over my budget", "kind:earphones max:<1500 op:cheaper"),
    ("a", [EAR], "lower priced ones?", "kind:earphones max:<1500 op:cheaper"),
    ("b", [TEA], "cheaper teas", "kind:tea max:<560 op:cheaper"),
    ("h", [TAP], "anything less than the delta", "kind:kitchen_faucet max:<89 op:cheaper"),
    ("f", [SHORTS], "i can pay a bit more for quality", "kind:shorts audience:women max:any"),
    ("b", [TEA], "a luxury tea", "kind:tea op:pricier min:any max:any"),
    ("a", [EAR], "more expensive than the boat", "kind:earphones op:pricier min:>1299 max:any"),
]

# A twenty-ninth round, written by a second author who had not read the rules nor the bank's templates (160
# phrasings, 16 for each of replace, remove, exclude, reset, similar, compare, more, cheaper, pricier, refer): 136
# right on first run (85 %). Fixes: "cheaper than red label" (a shown maker after "than") anchors on that item;
# "cost more than the 2nd"; "700, not 1000"; "matches my sink" names no subject; "not set on tetley anymore" releases
# it; "fingerprints show too much" is no price complaint; "alternatives like it"; "the chrome and the black ones", "the
# lines of the bronze one", "the bronze faucet"; "tata tea premium or tata tea gold - what's the difference?"; "the
# limit isn't strict"; "mom likes it" says nothing of who it is for. Two labels were widened: a warranty or fit
# question about one shown item may also be answered from the FAQ (route both). "pricier" now sets its floor above
# the middle of what was shown, as "cheaper" does below it, so a stated budget stays while the floor is under it.
CASES += [
    # replace
    ('a', ['earphones under 1500', 'black ones please'], 'hmm, blue would look nicer — switch to blue?', 'kind:earphones max:1500 color:blue'),
    ('a', ['earphones under 1500'], "let's keep it under 800 instead, money is tight this month", 'kind:earphones max:800'),
    ('a', ['earphones under 1500', 'only boult'], 'what about jbl instead of boult?', 'kind:earphones max:1500 brand:jbl'),
    ('a', ['earphones under 1500'], 'i can stretch my budget to 2k actually', 'kind:earphones max:2000'),
    ('f', ['shorts for women under 1000', 'in black'], 'if you have these in navy, show me navy instead of black', 'kind:shorts audience:women max:1000 color:navy'),
    ('f', ['shorts for women under 1000', 'cotton ones'], "rayon instead of cotton, it's cooler in summer", 'kind:shorts audience:women max:1000 material:rayon'),
    ('f', ['shorts for women under 1000'], 'my budget is actually 700, not 1000', 'kind:shorts audience:women max:700'),
    ('f', ['shorts for women under 1000', 'from libas'], 'can we look at dressberry instead of libas?', 'kind:shorts audience:women max:1000 brand:dressberry'),
    ('f', ['shorts for women under 1000', 'in red'], 'make that maroon', 'kind:shorts audience:women max:1000 color:maroon'),
    ('b', ['tea under 500'], 'under 300 would be better for me', 'kind:tea max:300'),
    ('b', ['tea under 500', 'tata tea please'], 'change the brand to red label', 'kind:tea max:500 brand:red_label'),
    ('b', ['water bottle under 500', 'steel one'], "actually copper would be nicer, heard it's healthy", 'kind:bottle max:500 material:copper'),
    ('b', ['tea under 500'], 'can you raise the limit to 800?', 'kind:tea max:800'),
    ('h', ['kitchen faucet', 'in chrome'], 'nickel instead please, matches my sink', 'kind:kitchen_faucet color:nickel'),
    ('h', ['kitchen faucet', 'stainless steel'], 'actually make it brass', 'kind:kitchen_faucet material:brass'),
    ('h', ['kitchen faucet', 'in black'], 'wait, bronze would go better with the cabinets', 'kind:kitchen_faucet color:bronze'),
    # remove (value named and taken back / exclusion lifted)
    ('a', ['earphones under 1500', 'black ones please'], "it doesn't have to be black, i'm flexible on that", 'kind:earphones max:1500'),
    ('a', ['earphones under 1500', 'no boult'], "actually boult's fine, a friend says they're decent", 'kind:earphones max:1500'),
    ('a', ['earphones under 1500', 'black or blue'], 'drop the blue, just black', 'kind:earphones max:1500 color:black'),
    ('a', ['earphones under 1500', 'only boat or jbl'], 'forget jbl, keep boat', 'kind:earphones max:1500 brand:boat'),
    ('a', ['earphones under 1500', 'no red'], 'red is okay too i guess', 'kind:earphones max:1500'),
    ('a', ['earphones under 1500'], "the 1500 limit isn't strict, you can ignore it", 'kind:earphones'),
    ('f', ['shorts for women under 1000', 'cotton ones'], "cotton isn't a must anymore", 'kind:shorts audience:women max:1000'),
    ('f', ['shorts for women under 1000', 'not black'], "black's fine too, actually", 'kind:shorts audience:women max:1000'),
    ('f', ['shorts for women under 1000', 'in pink or red'], 'take out the pink', 'kind:shorts audience:women max:1000 color:red'),
    ('f', ['shorts for women under 1000', 'no dressberry'], 'you can include dressberry again', 'kind:shorts audience:women max:1000'),
    ('b', ['tea under 500', 'tetley only'], "i'm not set on tetley anymore, other brands are ok", 'kind:tea max:500'),
    ('b', ['tea under 500', 'no red label'], 'red label is allowed again, mom likes it', 'kind:tea max:500'),
    ('b', ['tea under 500', 'tata tea or tetley'], 'remove tata tea from that', 'kind:tea max:500 brand:tetley'),
    ('h', ['kitchen faucet', 'in nickel'], "it needn't be nickel", 'kind:kitchen_faucet'),
    ('h', ['kitchen faucet', 'no plastic'], "plastic's okay after all", 'kind:kitchen_faucet'),
    ('h', ['kitchen faucet', 'black or bronze'], 'scratch the bronze', 'kind:kitchen_faucet color:black'),
    # exclude
    ('a', ['earphones under 1500'], 'nothing from boat please', 'kind:earphones max:1500 -brand:boat'),
    ('a', ['earphones under 1500'], "i'm done with boult, the last pair broke in a month", 'kind:earphones max:1500 -brand:boult'),
    ('a', ['earphones under 1500'], "any that aren't red?", 'kind:earphones max:1500 -color:red'),
    ('a', ['earphones under 1500'], 'avoid silicone, it hurts my ears', 'kind:earphones max:1500 -material:silicone'),
    ('a', ['earphones under 1500'], 'black, but no plastic build', 'kind:earphones max:1500 color:black -material:plastic'),
    ('f', ['shorts for women under 1000'], 'anything but denim', 'kind:shorts audience:women max:1000 -material:denim'),
    ('f', ['shorts for women under 1000'], 'skip pink pls', 'kind:shorts audience:women max:1000 -color:pink'),
    ('f', ['shorts for women under 1000'], "not a fan of carrel's fit, leave them out", 'kind:shorts audience:women max:1000 -brand:carrel'),
    ('f', ['shorts for women under 1000'], 'no polyester, it makes me sweat', 'kind:shorts audience:women max:1000 -material:polyester'),
    ('f', ['shorts for women under 1000'], 'cotton ones, just not in white', 'kind:shorts audience:women max:1000 material:cotton -color:white'),
    ('b', ['tea under 500'], 'other than tata tea, what have you got?', 'kind:tea max:500 -brand:tata_tea'),
    ('b', ['tea under 500'], 'everything except tetley please', 'kind:tea max:500 -brand:tetley'),
    ('b', ['tea under 500'], "leave out red label, it doesn't suit me", 'kind:tea max:500 -brand:red_label'),
    ('h', ['kitchen faucet'], 'not black please, fingerprints show too much', 'kind:kitchen_faucet -color:black'),
    ('h', ['kitchen faucet'], "i'd rather avoid plastic", 'kind:kitchen_faucet -material:plastic'),
    ('h', ['kitchen faucet'], 'brass would be great but not in bronze', 'kind:kitchen_faucet material:brass -color:bronze'),
    # reset (new subject / gift keep audience+exclusions; explicit restart drops everything)
    ('a', ['earphones under 1500'], 'cool, earphones sorted. now i need an electric kettle', 'kind:kettle'),
    ('a', ['earphones under 1500', 'no boat'], 'moving on — a power bank please', 'kind:power_bank -brand:boat'),
    ('a', ['earphones under 1500', 'in black'], "let's start over", 'op:reset'),
    ('a', ['earphones under 1500'], 'need a birthday gift for a friend, thinking a smartwatch', 'kind:smartwatch'),
    ('a', ['earphones under 1500', 'no ptron'], 'forget everything we discussed, fresh start', 'op:reset'),
    ('f', ['shorts for women under 1000'], 'ok, also need heels for a wedding next month', 'kind:heels audience:women'),
    ('f', ['shorts for women under 1000', 'not pink'], 'let me look at tops now', 'kind:top audience:women -color:pink'),
    ('f', ['shorts for women under 1000', 'in black'], 'clear all my filters and start from scratch', 'op:reset'),
    ('f', ['shorts for women under 1000'], 'want to get my sister a watch for her birthday', 'kind:watch audience:women'),
    ('b', ['tea under 500'], 'next, some coffee', 'kind:coffee'),
    ('b', ['tea under 500', 'no tata tea'], 'ok now i need shampoo', 'kind:shampoo -brand:tata_tea'),
    ('b', ['tea under 500'], 'gifting a hamper to my neighbour, need some honey for it', 'kind:honey'),
    ('b', ['tea under 500', 'red label'], 'reset everything please', 'op:reset'),
    ('h', ['kitchen faucet', 'in chrome'], 'next i need a ladder for the garage', 'kind:ladder'),
    ('h', ['kitchen faucet', 'no plastic'], 'now show me ceiling fans', 'kind:ceiling_fan -material:plastic'),
    ('h', ['kitchen faucet'], 'can we start from the beginning?', 'op:reset'),
    # similar
    ('a', ['earphones under 1500'], 'show me ones similar to the boult', 'kind:earphones max:1500 similar:2 route:product'),
    ('a', ['earphones under 1500'], 'got anything like #3?', 'kind:earphones max:1500 similar:3 route:product'),
    ('a', ['earphones under 1500'], 'i liked the ptron, any others in that style?', 'kind:earphones max:1500 similar:4 route:product'),
    ('a', ['earphones under 1500', 'no boult'], 'anything close to the first one?', 'kind:earphones max:1500 -brand:boult similar:1 route:product'),
    ('a', ['earphones under 1500'], "the last one is out of stock near me, what's an alternative to it?", 'kind:earphones max:1500 similar:-1 route:product'),
    ('a', ['earphones under 1500'], 'simillar to the boat one pls', 'kind:earphones max:1500 similar:1 route:product'),
    ('f', ['shorts for women under 1000'], 'more like the dressberry ones please', 'kind:shorts audience:women max:1000 similar:2 route:product'),
    ('f', ['shorts for women under 1000'], 'find me shorts along the lines of the 3rd', 'kind:shorts audience:women max:1000 similar:3 route:product'),
    ('f', ['shorts for women under 1000'], 'loved the carrel print, anything in a similar vibe?', 'kind:shorts audience:women max:1000 similar:4 route:product'),
    ('f', ['shorts for women under 1000', 'no pink'], 'something like the first pair?', 'kind:shorts audience:women max:1000 -color:pink similar:1 route:product'),
    ('b', ['tea under 500'], 'teas similar to the red label one?', 'kind:tea max:500 similar:2 route:product'),
    ('b', ['tea under 500'], 'i like the tetley, find alternatives like it', 'kind:tea max:500 similar:4 route:product'),
    ('b', ['tea under 500'], 'anything resembling the 3rd one', 'kind:tea max:500 similar:3 route:product'),
    ('h', ['kitchen faucet'], 'something along the lines of the bronze one', 'kind:kitchen_faucet similar:3 route:product'),
    ('h', ['kitchen faucet'], 'i want one like the chrome one', 'kind:kitchen_faucet similar:1 route:product'),
    ('h', ['kitchen faucet'], 'show me similar ones to the last', 'kind:kitchen_faucet similar:-1 route:product'),
    # compare
    ('a', ['earphones under 1500'], 'boat or oneplus — which is better for calls?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'how do the first two stack up against each other?', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('a', ['earphones under 1500'], "what's the difference between 2 and 4?", 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500'], 'is the oneplus really worth double the boult? compare them for me', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('a', ['earphones under 1500', 'no red'], 'compair the 1st and the 4th', 'kind:earphones max:1500 -color:red route:compare compare:1,4'),
    ('f', ['shorts for women under 1000'], 'which would you pick between the dressberry and the mast & harbour?', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000'], 'alisha vs carrel, which is comfier for the gym?', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    ('f', ['shorts for women under 1000'], 'can you put the 2nd and 4th side by side', 'kind:shorts audience:women max:1000 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000'], 'first or third — help me decide', 'kind:shorts audience:women max:1000 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'tetley vs red label, which is healthier?', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500'], "tata tea premium or tata tea gold — what's the difference?", 'kind:tea max:500 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'help me choose between the second and the third', 'kind:tea max:500 route:compare compare:2,3'),
    ('b', ['tea under 500', 'no tetley'], 'how does #1 compare with #2', 'kind:tea max:500 -brand:tetley route:compare compare:1,2'),
    ('h', ['kitchen faucet'], 'put the chrome and the black ones side by side', 'kind:kitchen_faucet route:compare compare:1,4'),
    ('h', ['kitchen faucet'], 'touchless one vs the bronze one — which is more durable?', 'kind:kitchen_faucet route:compare compare:2,3'),
    ('h', ['kitchen faucet'], 'compare the first two for me', 'kind:kitchen_faucet route:compare compare:1,2'),
    # more
    ('a', ['earphones under 1500'], 'any other options?', 'kind:earphones max:1500 op:more route:product'),
    ('a', ['earphones under 1500'], "these don't do it for me, got others?", 'kind:earphones max:1500 op:more route:product'),
    ('a', ['earphones under 1500', 'no boat'], 'kindly show some more', 'kind:earphones max:1500 -brand:boat op:more route:product'),
    ('a', ['earphones under 1500'], 'what else is there in this range?', 'kind:earphones max:1500 op:more route:product'),
    ('a', ['earphones under 1500'], 'more pls', 'kind:earphones max:1500 op:more route:product'),
    ('f', ['shorts for women under 1000'], 'show me a few more', 'kind:shorts audience:women max:1000 op:more route:product'),
    ('f', ['shorts for women under 1000'], 'next ones pls', 'kind:shorts audience:women max:1000 op:more route:product'),
    ('f', ['shorts for women under 1000', 'cotton ones'], 'can i see more choices?', 'kind:shorts audience:women max:1000 material:cotton op:more route:product'),
    ('f', ['shorts for women under 1000'], 'hmm, none of these. more?', 'kind:shorts audience:women max:1000 op:more route:product'),
    ('b', ['tea under 500'], 'load more', 'kind:tea max:500 op:more route:product'),
    ('b', ['tea under 500'], 'anything else you can show me?', 'kind:tea max:500 op:more route:product'),
    ('b', ['tea under 500', 'no red label'], 'more options please, not impressed yet', 'kind:tea max:500 -brand:red_label op:more route:product'),
    ('b', ['tea under 500'], 'do you have any more?', 'kind:tea max:500 op:more route:product'),
    ('h', ['kitchen faucet'], 'what else have you got?', 'kind:kitchen_faucet op:more route:product'),
    ('h', ['kitchen faucet', 'in black'], 'show more of these', 'kind:kitchen_faucet color:black op:more route:product'),
    ('h', ['kitchen faucet'], 'keep going, show me the next batch', 'kind:kitchen_faucet op:more route:product'),
    # cheaper (cap below highest shown, or below the named item; replaces max)
    ('a', ['earphones under 1500'], 'anything cheaper?', 'kind:earphones max:<1999 op:cheaper'),
    ('a', ['earphones under 1500'], 'these are a bit out of my range — something more affordable?', 'kind:earphones max:<1999 op:cheaper'),
    ('a', ['earphones under 1500'], 'i want something that costs less than the boult', 'kind:earphones max:<999 op:cheaper'),
    ('a', ['earphones under 1500', 'no ptron'], 'got any lower-priced ones?', 'kind:earphones -brand:ptron max:<1999 op:cheaper'),
    ('a', ['earphones under 1500'], 'less expensive than the first one please', 'kind:earphones max:<1299 op:cheaper'),
    ('a', ['earphones under 1500'], 'cheeper options pls', 'kind:earphones max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000'], 'something budget-friendly?', 'kind:shorts audience:women max:<849 op:cheaper'),
    ('f', ['shorts for women under 1000'], 'anything that costs less than the dressberry pair?', 'kind:shorts audience:women max:<599 op:cheaper'),
    ('f', ['shorts for women under 1000', 'in black'], 'these are pricey for shorts, show cheaper ones', 'kind:shorts audience:women color:black max:<849 op:cheaper'),
    ('f', ['shorts for women under 1000'], 'under the price of the alisha ones, if possible', 'kind:shorts audience:women max:<379 op:cheaper'),
    ('f', ['shorts for women under 1000'], 'can you find me lower-priced stuff', 'kind:shorts audience:women max:<849 op:cheaper'),
    ('b', ['tea under 500'], 'something more economical?', 'kind:tea max:<560 op:cheaper'),
    ('b', ['tea under 500'], "i'd like to spend less than what the 3rd one costs", 'kind:tea max:<310 op:cheaper'),
    ('b', ['tea under 500'], 'cheaper than red label?', 'kind:tea max:<250 op:cheaper'),
    ('b', ['tea under 500', 'no tetley'], 'show lower-priced teas', 'kind:tea -brand:tetley max:<560 op:cheaper'),
    ('b', ['tea under 500'], 'too costly, go cheaper', 'kind:tea max:<560 op:cheaper'),
    # pricier (floor above lowest shown, or above the named item; other constraints kept)
    ('a', ['earphones under 1500'], 'these look cheap, anything more premium?', 'kind:earphones max:1500 min:>499'),
    ('a', ['earphones under 1500'], 'costlier than the boult?', 'kind:earphones max:1500 min:>999'),
    ('a', ['earphones under 1500'], 'a notch up from the ptron, please', 'kind:earphones max:1500 min:>499'),
    ('a', ['earphones under 1500'], 'something pricier than the boat one', 'kind:earphones max:1500 min:>1299'),
    ('a', ['earphones under 1500', 'in black'], 'better sound matters to me, show me pricier ones', 'kind:earphones max:1500 color:black min:>499'),
    ('a', ['earphones under 1500'], 'show me costlier options', 'kind:earphones max:1500 min:>499'),
    ('f', ['shorts for women under 1000'], 'anything more upmarket?', 'kind:shorts audience:women max:1000 min:>299'),
    ('f', ['shorts for women under 1000'], 'something pricier than the alisha', 'kind:shorts audience:women max:1000 min:>379'),
    ('f', ['shorts for women under 1000'], 'show me ones that cost more than the 2nd', 'kind:shorts audience:women max:1000 min:>599'),
    ('f', ['shorts for women under 1000', 'cotton ones'], 'these feel too cheap, show me higher-end ones', 'kind:shorts audience:women max:1000 material:cotton min:>299'),
    ('f', ['shorts for women under 1000'], 'a step above the carrel in price?', 'kind:shorts audience:women max:1000 min:>299'),
    ('b', ['tea under 500'], 'something more expensive than red label', 'kind:tea max:500 min:>250'),
    ('b', ['tea under 500'], 'show me costlier teas', 'kind:tea max:500 min:>180'),
    ('b', ['tea under 500'], 'pricier than the tetley please, i want better quality', 'kind:tea max:500 min:>180'),
    ('b', ['tea under 500'], 'anything above the price of the 3rd?', 'kind:tea max:500 min:>310'),
    ('b', ['tea under 500', 'no tetley'], 'got higher-priced ones? quality matters more to me', 'kind:tea max:500 -brand:tetley min:>180'),
    # refer (detail about one shown item; search unchanged)
    ('a', ['earphones under 1500'], "what's the warranty on the boult?", 'kind:earphones max:1500 route:detail|both focus:2'),
    ('a', ['earphones under 1500'], 'tell me about the third one', 'kind:earphones max:1500 route:detail focus:3'),
    ('a', ['earphones under 1500'], 'does the last one come with a mic?', 'kind:earphones max:1500 route:detail focus:-1'),
    ('a', ['earphones under 1500'], 'what is the battery backup of 1st one?', 'kind:earphones max:1500 route:detail focus:1'),
    ('a', ['earphones under 1500', 'no red'], 'is the oneplus water resistant?', 'kind:earphones max:1500 -color:red route:detail focus:3'),
    ('f', ['shorts for women under 1000'], 'is the 2nd pair stretchy?', 'kind:shorts audience:women max:1000 route:detail focus:2'),
    ('f', ['shorts for women under 1000'], 'the carrel ones — are they true to size?', 'kind:shorts audience:women max:1000 route:detail|both focus:4'),
    ('f', ['shorts for women under 1000'], 'what fabric is the first one made of', 'kind:shorts audience:women max:1000 route:detail focus:1'),
    ('f', ['shorts for women under 1000'], 'can the mast & harbour shorts be machine washed?', 'kind:shorts audience:women max:1000 route:detail focus:3'),
    ('b', ['tea under 500'], 'how many cups does the first pack make?', 'kind:tea max:500 route:detail focus:1'),
    ('b', ['tea under 500'], 'is the tetley one caffeine free?', 'kind:tea max:500 route:detail focus:4'),
    ('b', ['tea under 500'], "what's the expiry on the red label?", 'kind:tea max:500 route:detail focus:2'),
    ('b', ['tea under 500'], 'tell me more about number 3', 'kind:tea max:500 route:detail focus:3'),
    ('h', ['kitchen faucet'], 'the nickel one — does it need batteries for the touchless sensor?', 'kind:kitchen_faucet route:detail focus:2'),
    ('h', ['kitchen faucet'], 'what are the dimensions of the bronze faucet?', 'kind:kitchen_faucet route:detail focus:3'),
    ('h', ['kitchen faucet'], 'details on the last one please', 'kind:kitchen_faucet route:detail focus:-1'),
]

# Rounds 30 and 31, by two more authors who had read neither the rules, the bank's templates nor the earlier rounds,
# with the contexts written as shoppers open a conversation ("Hi, I'm looking for wireless earphones, max 1500").
# Round 30 (add, exclude, replace, reset, more): 146 of 150 right on first run; fixes: "nothing cheaper than 1500" and
# "bump the minimum up to 1500" are floors, "not grey, we already have grey everywhere" wants no grey. Round 31
# (relax, refer, compare, similar, cheaper, pricier, restate): 134 of 155 once its operation names were read as the
# bank reads them (the state, not the word "relax"); fixes: shown items named by price ("the 999 one", "how's the 599
# pair different from the 379 pair?"), by title words after a name ("the matte black one", "the Gold Leaf"), "is the
# premium leaf one strong?" asks for nothing pricier, "colour doesn't really matter", "the brand is irrelevant", "got
# any like it?", "lower-end options". Three cases were left out: after "Tata Tea" or "Red Label or Tata Tea" their
# author expected the type tea, which those messages name only inside a brand; one fit question widened to route both.
CASES += [
    # --- add: a new facet value kept with everything standing ---------------------------------------
    ("a", ["Hi, I'm looking for wireless earphones, my budget is up to 1500 rupees."], "Preferrably in black, if you have them.", "kind:earphones max:1500 color:black"),
    ("a", ["Can you show me some electric kettles?"], "stainless steel ones ideally", "kind:kettle material:stainless_steel"),
    ("a", ["I need a mixer grinder for my kitchen.", "Nothing above ₹4,000 please."], "and I'd like it from Prestige or Philips only", "kind:mixer_grinder max:4000 brand:prestige,philips"),
    ("a", ["looking for a smartwatch under 3k"], "since the really cheap ones break, it should be at least 1500", "kind:smartwatch max:3000 min:1500"),
    ("a", ["Do you sell power banks?"], "ok, something from Ambrane under 1200", "kind:power_bank brand:ambrane max:1200"),
    ("a", ["I want a bluetooth speaker.", "JBL if possible."], "in blue or red", "kind:speaker brand:jbl color:blue,red"),
    ("a", ["hey, need a charging cable for my phone"], "nylon braided pls, they last longer", "kind:cable material:nylon"),
    ("a", ["Show me trimmers for men below 2000."], "Philips would be nice", "kind:trimmer audience:men max:2000 brand:philips"),
    ("f", ["do you have cotton kurtis for women?"], "in maroon", "kind:kurti material:cotton audience:women color:maroon"),
    ("f", ["My daughter needs black leggings."], "keep it under 500 please", "kind:leggings audience:girls color:black max:500"),
    ("f", ["Hi! I'm looking for a silk dress to wear to a wedding."], "Can I see ones from Libas? max 3000", "kind:dress material:silk brand:libas max:3000"),
    ("f", ["I want some jeans for my husband"], "in navy, and under 1,500 rupees", "kind:jeans audience:men color:navy max:1500"),
    ("f", ["Can you suggest heels for women?", "Under 2000 would be ideal."], "beige or tan colour", "kind:heels audience:women max:2000 color:beige,tan"),
    ("f", ["show me sunglasses"], "for men, pls", "kind:sunglasses audience:men"),
    ("f", ["I'm shopping for leather boots for men."], "Brown, if available - and nothing cheaper than 1500, I want decent quality", "kind:boots material:leather audience:men color:brown min:1500"),
    ("f", ["looking for a top for my sister"], "rayon or georgette would be gr8", "kind:top audience:women material:rayon,georgette"),
    ("b", ["Can you show me some green tea below 300?"], "Tetley, if you stock it", "kind:green_tea max:300 brand:tetley"),
    ("b", ["I need shampoo."], "Himalaya or Dabur, whichever you have", "kind:shampoo brand:himalaya,dabur"),
    ("b", ["Do you have glass bottles?"], "green colour ideally", "kind:bottle material:glass color:green"),
    ("b", ["I'm looking for ghee, Amul preferably."], "and within ₹600 for the pack", "kind:ghee brand:amul max:600"),
    ("b", ["we're out of coffee, show me some options"], "only Bru or Nescafe, those are what we drink at home", "kind:coffee brand:bru,nescafe"),
    ("b", ["Hi, I want a steel container for the kitchen, under 400."], "something in silver", "kind:container material:steel max:400 color:silver"),
    ("b", ["looking for chips for a party"], "minimum 50 rupees a pack, the tiny ones are useless", "kind:chips min:50"),
    ("h", ["I need a new kitchen faucet, something in chrome."], "stainless steel would be best", "kind:kitchen_faucet color:chrome material:stainless_steel"),
    ("h", ["Do you carry area rugs?"], "wool, preferably, and in grey", "kind:area_rug material:wool color:grey"),
    ("h", ["Looking for a vanity for our bathroom."], "white, please", "kind:vanity color:white"),
    ("h", ["We want a ceiling fan for the living room.", "Something in bronze."], "with wood blades if possible", "kind:ceiling_fan color:bronze material:wood"),
    ("h", ["I'm after a ladder"], "aluminium - it has to be light enough for me to carry", "kind:ladder material:aluminium"),
    ("h", ["Show me some wall tile for a backsplash."], "porcelain or ceramic, in white or beige", "kind:wall_tile material:porcelain,ceramic color:white,beige"),
    ("h", ["I'm redoing the bathroom and need a mirror."], "a black one would suit the room", "kind:mirror color:black"),

    # --- exclude: not / no / without / except / other than / anything but / avoid / skip ... ---------
    ("a", ["Hi, I'm looking for wireless earphones under 2000 rupees."], "not boAt though, had a bad experience", "kind:earphones max:2000 -brand:boat"),
    ("a", ["can u shw me neckband earphones below 1500"], "anything but pTron or Boult", "kind:earphones max:1500 -brand:ptron,boult"),
    ("a", ["I'm looking for a kettle - stainless steel, max 2000."], "Kindly avoid Pigeon", "kind:kettle material:stainless_steel max:2000 -brand:pigeon"),
    ("a", ["I want a smartwatch, preferably black."], "no silicone straps, they irritate my skin", "kind:smartwatch color:black -material:silicone"),
    ("a", ["Need a power bank for travelling.", "under 1500 rs"], "skip the Redmi ones", "kind:power_bank max:1500 -brand:redmi"),
    ("a", ["show me headphones"], "Other than Zebronics, what have you got?", "kind:headphones -brand:zebronics"),
    ("a", ["My dad needs a trimmer."], "anything except Philips, he already has one", "kind:trimmer audience:men -brand:philips"),
    ("a", ["Looking for a mixer grinder from Bajaj or Prestige."], "not in white, it stains", "kind:mixer_grinder brand:bajaj,prestige -color:white"),
    ("f", ["I'm looking for kurtis for women under 1000"], "no polyester pls, too hot here in chennai", "kind:kurti audience:women max:1000 -material:polyester"),
    ("f", ["my son needs a sweatshirt for school"], "anything but grey", "kind:sweatshirt audience:boys -color:grey"),
    ("f", ["Hi, do you have dresses for women?", "Something in black or navy."], "without any lycra, if possible", "kind:dress audience:women color:black,navy -material:lycra"),
    ("f", ["looking for loafers for men"], "I'm not a fan of suede", "kind:loafers audience:men -material:suede"),
    ("f", ["I need a ring for my wife, under 15000."], "not from CaratLane", "kind:ring audience:women max:15000 -brand:caratlane"),
    ("f", ["Show me cotton shirts for men."], "Avoid white and beige, they get dirty too fast", "kind:shirt material:cotton audience:men -color:white,beige"),
    ("f", ["Can I see jeans for women below 2000?"], "I'm done with Dressberry, their fit is off", "kind:jeans audience:women max:2000 -brand:dressberry"),
    ("f", ["Looking for flats.", "for women, in tan or brown"], "Not leather though, I'm vegan", "kind:flats audience:women color:tan,brown -material:leather"),
    ("b", ["Can you show me some green tea below 300?"], "no Tetley", "kind:green_tea max:300 -brand:tetley"),
    ("b", ["I need toothpaste for the family."], "except Colgate, we want to try something else", "kind:toothpaste -brand:colgate"),
    ("b", ["Do you have noodles?", "under 100 pls"], "anything other than MAGGI", "kind:noodles max:100 -brand:maggi"),
    ("b", ["I'm looking for a water bottle."], "no plastic please, trying to cut down", "kind:bottle -material:plastic"),
    ("b", ["show me some biscuits"], "not Sunfeast or Britannia, we've had enough of those", "kind:biscuits -brand:sunfeast,britannia"),
    ("b", ["We need cooking oil, something healthy.", "max ₹250"], "I don't like Fortune", "kind:oil max:250 -brand:fortune"),
    ("b", ["Looking for a coffee mug as a gift for my brother."], "nothing in black", "kind:mug audience:men -color:black"),
    ("h", ["I need a new kitchen faucet, something in chrome."], "Avoid plastic, I want it to last", "kind:kitchen_faucet color:chrome -material:plastic"),
    ("h", ["Looking for an area rug for the bedroom."], "not grey, we already have grey everywhere", "kind:area_rug -color:grey"),
    ("h", ["Do you have bathroom vanities?", "solid wood ones, please"], "anything but white", "kind:vanity material:solid_wood -color:white"),
    ("h", ["I'm shopping for a gas grill."], "no cast iron, it rusts on me", "kind:gas_grill -material:cast_iron"),
    ("h", ["We need a new front door."], "not glass and not vinyl", "kind:door -material:glass,vinyl"),
    ("h", ["show me lamps for the study"], "black but not brass", "kind:lamp color:black -material:brass"),
    ("h", ["Looking for cabinets for the garage, steel preferably."], "any colour except beige or brown", "kind:cabinet material:steel -color:beige,brown"),

    # --- replace: one facet's value or bound swapped, nothing else changes ---------------------------
    ("a", ["Hi, I'm looking for wireless earphones, budget up to 1500 rupees."], "actually make that 2000", "kind:earphones max:2000"),
    ("a", ["Do you have boAt headphones in black?"], "what about Noise instead?", "kind:headphones brand:noise color:black"),
    ("a", ["I want a kettle, stainless steel, under 1500."], "hmm, glass instead, I like seeing the water boil", "kind:kettle material:glass max:1500"),
    ("a", ["looking for a smartwatch in rose gold for my mom"], "Actually, silver would be better", "kind:smartwatch color:silver audience:women"),
    ("a", ["Can you show me Logitech keyboards?", "Under 2500."], "sorry, I meant under 1500", "kind:keyboard brand:logitech max:1500"),
    ("a", ["I need a toaster, at least 1000 rupees."], "make the minimum 1500 instead", "kind:toaster min:1500"),
    ("a", ["Show me Havells fans."], "let's go with Crompton instead of Havells", "kind:fan brand:crompton"),
    ("a", ["Looking for a dry iron, white colour, max 1200."], "on second thought, blue", "kind:dry_iron color:blue max:1200"),
    ("f", ["do you have cotton kurtis for women?"], "silk instead of cotton pls", "kind:kurti material:silk audience:women"),
    ("f", ["my daughter needs black leggings"], "actually make it navy, sorry", "kind:leggings audience:girls color:navy"),
    ("f", ["Looking for heels for women under 2000.", "Pink ones please."], "what about red instead?", "kind:heels audience:women max:2000 color:red"),
    ("f", ["Show me Libas dresses."], "Hmm, how about Itiha rather than Libas?", "kind:dress brand:itiha"),
    ("f", ["I want a sweater for my husband, wool, below 2500."], "can we do under 1800 instead, I overshot", "kind:sweater audience:men material:wool max:1800"),
    ("f", ["Hi, I'm looking for shirts for men in white."], "oh wait, I meant blue", "kind:shirt audience:men color:blue"),
    ("f", ["Can I see sunglasses for women?", "above 1000 please, I want good ones"], "ok bump the minimum up to 1500", "kind:sunglasses audience:women min:1500"),
    ("f", ["Looking for denim shorts for women, budget under 800."], "change the budget to 600 pls", "kind:shorts material:denim audience:women max:600"),
    ("b", ["Can you show me some green tea below 300?"], "make it under 200", "kind:green_tea max:200"),
    ("b", ["I'm looking for Amul butter."], "actually Britannia instead", "kind:butter brand:britannia"),
    ("b", ["I need a plastic container for my lunch."], "thinking about it, steel instead would be better", "kind:container material:steel"),
    ("b", ["Looking for honey from Dabur."], "hmm, try Patanjali instead", "kind:honey brand:patanjali"),
    ("b", ["show me chocolates above 100", "Amul ones"], "make it over 200 instead", "kind:chocolate brand:amul min:200"),
    ("b", ["I want a blue water bottle for the gym."], "make it pink instead", "kind:bottle color:pink"),
    ("h", ["I need a new kitchen faucet, something in chrome."], "actually, let's do nickel", "kind:kitchen_faucet color:nickel"),
    ("h", ["Looking for a brass lamp for the bedroom."], "what about glass instead", "kind:lamp material:glass"),
    ("h", ["Do you carry area rugs?", "Beige ones, wool if possible."], "switch the colour to brown", "kind:area_rug color:brown material:wool"),
    ("h", ["show me chairs for the patio in aluminium"], "hmm, go for wood instead of aluminium", "kind:chair material:wood"),
    ("h", ["We need a sink, stainless steel."], "actually cast iron", "kind:sink material:cast_iron"),
    ("h", ["I'm looking for a ceiling fan in white."], "thinking about it, black instead - it would go better with our ceiling", "kind:ceiling_fan color:black"),
    ("h", ["Hi there, I want a vanity in grey, solid wood."], "can you change the colour to white?", "kind:vanity color:white material:solid_wood"),

    # --- reset: new subject (keeps audience, exclusions), gift for someone else, explicit restart ----
    ("a", ["Hi, I'm looking for wireless earphones, budget up to 1500 rupees."], "ok now I need a kettle", "kind:kettle"),
    ("a", ["Show me black boAt earphones under 2000."], "moving on, I need a vacuum cleaner", "kind:vacuum_cleaner"),
    ("a", ["Looking for a smartwatch, but not from Noise."], "now show me some power banks", "kind:power_bank -brand:noise"),
    ("a", ["Can you show me Prestige mixer grinders above 3000?"], "Let's look at toasters now.", "kind:toaster"),
    ("a", ["my husband wants a trimmer, Philips"], "now let me see some headphones", "kind:headphones audience:men"),
    ("a", ["I'm looking for a geyser, budget max 8000, no plastic body."], "ok, swtiching topics: room heaters", "kind:heater -material:plastic"),
    ("f", ["do you have cotton kurtis for women?"], "now show me heels", "kind:heels audience:women"),
    ("f", ["My daughter needs black leggings under 400."], "next I'm looking for a sweater", "kind:sweater audience:girls"),
    ("f", ["show me leather loafers for men, not tan"], "switching to sunglasses", "kind:sunglasses audience:men -color:tan"),
    ("f", ["I want silk dresses under 3000, nothing from Mynte."], "now I want to browse watches", "kind:watch -brand:mynte"),
    ("f", ["Hi, I need shoes for men from Asics."], "Okay, now I need shorts", "kind:shorts audience:men"),
    ("b", ["Can you show me some green tea below 300?"], "now I need shampoo", "kind:shampoo"),
    ("b", ["I'm looking for Amul cheese, above 200."], "ok, next: biscuits", "kind:biscuits"),
    ("b", ["Do you have coffee? not Nescafe"], "let's switch to tea", "kind:tea -brand:nescafe"),
    ("b", ["I need a copper bottle under 800."], "moving on - what chips do you have?", "kind:chips"),
    ("b", ["looking for Huggies diapers"], "ok now show me soaps", "kind:soap"),
    ("h", ["I need a new kitchen faucet, something in chrome."], "Now I'm looking for a sink.", "kind:sink"),
    ("h", ["show me wool area rugs, not grey"], "ok, moving on to lamps", "kind:lamp -color:grey"),
    ("h", ["Looking for a ceiling fan in bronze, wood if possible."], "next I need light bulbs", "kind:light_bulb"),
    ("h", ["Looking for a drill, nothing plastic."], "now ladders please", "kind:ladder -material:plastic"),
    ("f", ["do you have cotton kurtis for women?"], "Separately, I want to buy a shirt for my brother's birthday", "kind:shirt audience:men"),
    ("f", ["I'm looking for black jeans for men under 2000."], "Now something for my daughter: a dress", "kind:dress audience:girls"),
    ("a", ["I want a trimmer for my husband, under 2000."], "Now I need a gift for my mom, a kettle", "kind:kettle audience:women"),
    ("f", ["Show me heels for women, no suede."], "Now shoes for my son please", "kind:shoes audience:boys -material:suede"),
    ("a", ["Hi, I'm after a smartwatch for my son, not from Noise."], "now a gift for my dad: headphones under 3000", "kind:headphones audience:men max:3000 -brand:noise"),
    ("a", ["Hi, I'm looking for wireless earphones, budget up to 1500 rupees.", "Not boAt please."], "let's start over", "op:reset"),
    ("f", ["do you have cotton kurtis for women?", "in maroon, under 900"], "scrap everything, I want to start from scratch", "op:reset"),
    ("b", ["Show me Tata Tea under 500."], "start again please, clear everything", "op:reset"),
    ("h", ["I need a new kitchen faucet, something in chrome.", "stainless steel, not plastic"], "Forget all of that and start over: show me mirrors", "op:reset kind:mirror"),
    ("f", ["Looking for heels for women, no suede, under 2500."], "Can we begin again from scratch? I'm after watches", "op:reset kind:watch"),

    # --- more: same search, next results ---------------------------------------------------------
    ("a", ["Hi, I'm looking for wireless earphones, budget up to 1500 rupees."], "show me more", "kind:earphones max:1500 route:product op:more"),
    ("a", ["do you have boAt speakers?", "in black"], "any more options?", "kind:speaker brand:boat color:black route:product op:more"),
    ("a", ["I need a kettle, stainless steel, max 2000, not Pigeon."], "what else have you got?", "kind:kettle material:stainless_steel max:2000 -brand:pigeon route:product op:more"),
    ("a", ["looking for a mouse from HP or Logitech"], "can I see a few more", "kind:mouse brand:hp,logitech route:product op:more"),
    ("a", ["show me power banks above 1000", "Ambrane or Redmi"], "next page pls", "kind:power_bank min:1000 brand:ambrane,redmi route:product op:more"),
    ("a", ["My brother wants headphones, between 2000 and 4000."], "hmm, not convinced yet, show me some more", "kind:headphones audience:men min:2000 max:4000 route:product op:more"),
    ("a", ["Searching for a vacuum cleaner under 10000."], "more reslts please", "kind:vacuum_cleaner max:10000 route:product op:more"),
    ("a", ["I'd like a grey smartwatch, no leather strap."], "keep them coming", "kind:smartwatch color:grey -material:leather route:product op:more"),
    ("f", ["do you have cotton kurtis for women?"], "more please", "kind:kurti material:cotton audience:women route:product op:more"),
    ("f", ["my daughter needs black leggings"], "Any others?", "kind:leggings audience:girls color:black route:product op:more"),
    ("f", ["Looking for sunglasses for men, under 1500, not Carrel."], "these aren't great, can you show a few more?", "kind:sunglasses audience:men max:1500 -brand:carrel route:product op:more"),
    ("f", ["Show me georgette tops for women in yellow or green."], "show more", "kind:top material:georgette audience:women color:yellow,green route:product op:more"),
    ("f", ["I'm after bellies for my daughter, pink, max 700."], "what other options are there?", "kind:bellies audience:girls color:pink max:700 route:product op:more"),
    ("f", ["Hi, can I see Dressberry tops for women?", "below 800"], "Load more", "kind:top brand:dressberry audience:women max:800 route:product op:more"),
    ("f", ["I'm looking for a watch for my husband, leather strap, over 2000."], "got anything else?", "kind:watch audience:men material:leather min:2000 route:product op:more"),
    ("b", ["Can you show me some green tea below 300?"], "show me more", "kind:green_tea max:300 route:product op:more"),
    ("b", ["I need Colgate toothpaste."], "more options pls", "kind:toothpaste brand:colgate route:product op:more"),
    ("b", ["looking for ghee, Amul or Aashirvaad, under 700"], "kindly show the next ones", "kind:ghee brand:amul,aashirvaad max:700 route:product op:more"),
    ("b", ["Do you have juice?", "Real or Tropicana, nothing above 200"], "show me a few more of those", "kind:juice brand:real,tropicana max:200 route:product op:more"),
    ("b", ["I'm looking for glass containers."], "What else is there?", "kind:container material:glass route:product op:more"),
    ("b", ["show me Haldirams chips"], "more plz", "kind:chips brand:haldirams route:product op:more"),
    ("b", ["Hi, I need shampoo - anything but Patanjali."], "can you show me some other options", "kind:shampoo -brand:patanjali route:product op:more"),
    ("b", ["looking for coffee", "Bru, under 400"], "more", "kind:coffee brand:bru max:400 route:product op:more"),
    ("h", ["I need a new kitchen faucet, something in chrome."], "show me more", "kind:kitchen_faucet color:chrome route:product op:more"),
    ("h", ["Do you carry area rugs?", "Wool, but not beige."], "any more?", "kind:area_rug material:wool -color:beige route:product op:more"),
    ("h", ["Looking for a porcelain sink in white."], "can I see some more options please?", "kind:sink material:porcelain color:white route:product op:more"),
    ("h", ["We need a ladder, aluminium or steel."], "a few more, please", "kind:ladder material:aluminium,steel route:product op:more"),
    ("h", ["show me solid wood chairs for the dining room"], "I'd like to see a few more before deciding", "kind:chair material:solid_wood route:product op:more"),
    ("h", ["I want a black floor lamp, no plastic."], "keep going", "kind:lamp color:black -material:plastic route:product op:more"),
    ("h", ["Hi, looking for a bronze faucet for the bathroom.", "brass if possible"], "What else do you have?", "kind:faucet color:bronze material:brass route:product op:more"),
    # relax: a whole facet let go; inclusions go, exclusions stay, relaxed budget = no max
    ("a", ["Hi, I'm looking for black bluetooth earphones under 2000"], "actually any colour is fine", "kind:earphones max:2000 route:product"),
    ("a", ["Hello! Can you show me boAt earphones below ₹2,500?"], "On second thought I'm not fussed about the brand", "kind:earphones max:2500 route:product"),
    ("a", ["I want wireless earphones, my budget is 2000 rupees", "and please no pTron"], "forget about the budget", "kind:earphones -brand:ptron route:product"),
    ("a", ["do you have earphones in red or blue? under 2k"], "hmm colour doesn't really matter to me tbh", "kind:earphones max:2000 route:product"),
    ("a", ["Need neckband earphones from Boult or boAt, nothing above 3000"], "brand is not important, show me all brands", "kind:earphones max:3000 route:product"),
    ("a", ["Looking for earphones for my dad, under 2000", "not white please"], "any color is ok actually", "kind:earphones audience:men max:2000 -color:white route:product"),
    ("a", ["Can you suggest silicone earphones under 2500?"], "the material doesn't matter, I was just guessing", "kind:earphones max:2500 route:product"),
    ("a", ["hey, I need earphones under 2000 for my husband"], "price is no bar", "kind:earphones audience:men route:product"),
    ("f", ["Hi, do you have shorts for women? Black or navy, under 1000 please"], "actually, any colour will do", "kind:shorts audience:women max:1000 route:product"),
    ("f", ["I'm shopping for my sister - she wants denim shorts under 900"], "fabric doesn't matter, she's not picky", "kind:shorts audience:women max:900 route:product"),
    ("f", ["Show me Alisha or Carrel shorts for women", "under 1000"], "you know what, the brand is irrelevant", "kind:shorts audience:women max:1000 route:product"),
    ("f", ["Looking for women's shorts under 1200, nothing pink"], "the budget isn't a concern anymore", "kind:shorts audience:women -color:pink route:product"),
    ("f", ["do u have cotton shorts for girls below 1000"], "any material is fine", "kind:shorts audience:girls max:1000 route:product"),
    ("f", ["I need shorts for women, max 1000, not from Carrel"], "I don't care which brand it is", "kind:shorts audience:women max:1000 -brand:carrel route:product"),
    ("f", ["Hello, I'd like red shorts for women", "preferably under 1000"], "colour's not important, go ahead and show other colours too", "kind:shorts audience:women max:1000 route:product"),
    ("b", ["Can you show me some Tata Tea below 600?"], "any brand of tea is fine really", "kind:tea max:600 route:product"),
    ("b", ["I want tea, under 700", "no Tetley please"], "scrap the price limit", "kind:tea -brand:tetley route:product"),
    ("b", ["need some tea under 800"], "price doesn't matter, honestly", "kind:tea route:product"),
    ("b", ["Show me tea", "only Tata Tea, below 700"], "eh, any brand works", "kind:tea max:700 route:product"),
    ("h", ["I need a kitchen faucet in chrome or nickel"], "any colour is fine actually", "kind:kitchen_faucet route:product"),
    ("h", ["Hi there, looking for a stainless steel kitchen faucet"], "the material isn't important", "kind:kitchen_faucet route:product"),
    ("h", ["Can you find me a black kitchen faucet?", "nothing in brass"], "whatever colour, doesn't matter", "kind:kitchen_faucet -material:brass route:product"),
    ("h", ["Looking for a brass kitchen faucet for our remodel, not in chrome"], "I'm flexible on the material", "kind:kitchen_faucet -color:chrome route:product"),
    ("h", ["We're redoing the kitchen and want a bronze faucet"], "colour is open, show me all of them", "kind:faucet route:product"),

    # refer: a question about one shown item; the search stays as it was
    ("a", ["Hi, I'm looking for bluetooth earphones under 2000"], "does the boult one have a mic?", "kind:earphones max:2000 route:detail focus:2"),
    ("a", ["Can you show me some wireless earphones? budget 2500"], "What's the battery backup on the second one?", "kind:earphones max:2500 route:detail focus:2"),
    ("a", ["hello, need earphones for running below 2k"], "is the magnetic one sweatproof", "kind:earphones max:2000 route:detail focus:4"),
    ("a", ["I want earphones under ₹3000", "not in red though"], "tell me about the 1299 one", "kind:earphones max:3000 -color:red route:detail focus:1"),
    ("a", ["Looking for neckband style earphones within 2000"], "the first one, how long does it take to charge?", "kind:earphones max:2000 route:detail focus:1"),
    ("a", ["Show me earphones under 2000 please"], "what's the warranty on the OnePlus?", "kind:earphones max:2000 route:detail|both focus:3"),
    ("a", ["Hey, I need earphones for my husband, max 2500"], "Is the last one compatible with iPhone?", "kind:earphones audience:men max:2500 route:detail focus:-1"),
    ("f", ["Hi, do you have shorts for women? under 1000 please"], "what's the fabric of the Dressberry pair?", "kind:shorts audience:women max:1000 route:detail focus:2"),
    ("f", ["I'm looking for shorts for my wife, something under 900"], "is the pink one stretchy?", "kind:shorts audience:women max:900 route:detail focus:4"),
    ("f", ["show me women's shorts below 1000", "black or red only"], "the 849 one - does it have pockets?", "kind:shorts audience:women color:black,red max:1000 route:detail focus:3"),
    ("f", ["Need shorts for women under 1k"], "tell me more about the cycling ones", "kind:shorts audience:women max:1000 route:detail focus:1"),
    ("f", ["Can you show me shorts for women?"], "Can I return the third one if it doesn't fit?", "kind:shorts audience:women route:detail|both focus:3"),
    ("f", ["Looking for ladies shorts under 1000 rupees"], "is the Carrel one true to size?", "kind:shorts audience:women max:1000 route:detail|both focus:4"),
    ("b", ["Can you show me some tea below 600?"], "is the premium leaf one strong in taste?", "kind:tea max:600 route:detail focus:1"),
    ("b", ["Hi, I need tea for the office pantry, under 700"], "the Red Label one - is it loose or in bags?", "kind:tea max:700 route:detail focus:2"),
    ("b", ["looking for tea, not Tetley"], "what's the expiry on the gold leaf one?", "kind:tea -brand:tetley route:detail focus:3"),
    ("b", ["I want some tea, max 800 rupees"], "the 250 one, how much quantity is it?", "kind:tea max:800 route:detail focus:2"),
    ("b", ["Show me tea under 600"], "the last one - does it have caffeine?", "kind:tea max:600 route:detail focus:-1"),
    ("b", ["hi can i get some tea under 700"], "how soon can the fourth one be delivered?", "kind:tea max:700 route:detail|both focus:4"),
    ("h", ["I need a kitchen faucet"], "does the touchless one need batteries?", "kind:kitchen_faucet route:detail focus:2"),
    ("h", ["Hi, I'm looking for a kitchen faucet for my new apartment"], "what's the spout height on the first one?", "kind:kitchen_faucet route:detail focus:1"),
    ("h", ["Can you show me kitchen faucets?", "something not in white"], "the bronze one, is it easy to install?", "kind:kitchen_faucet -color:white route:detail focus:3"),
    ("h", ["Looking for a pull-down kitchen faucet"], "tell me about the Zanna", "kind:kitchen_faucet route:detail focus:4"),
    ("h", ["We need a new kitchen faucet, stainless steel preferred"], "Is the matte black one fingerprint resistant?", "kind:kitchen_faucet material:stainless_steel route:detail focus:4"),
    ("h", ["hey, show me kitchen faucets"], "what's the warranty on the third?", "kind:kitchen_faucet route:detail|both focus:3"),

    # compare: two shown items side by side, positions ascending; search unchanged
    ("a", ["Hi, I'm looking for bluetooth earphones under 2000"], "compare the boAt and the OnePlus", "kind:earphones max:2000 route:compare compare:1,3"),
    ("a", ["Show me wireless earphones under 2500 please"], "Which is better, the 3rd or the 1st?", "kind:earphones max:2500 route:compare compare:1,3"),
    ("a", ["need earphones for my daily commute, budget 2000"], "boult vs ptron, which one would you pick?", "kind:earphones max:2000 route:compare compare:2,4"),
    ("a", ["Can you suggest earphones below ₹3,000?", "nothing in red"], "how does the 999 one compare with the 1299 one?", "kind:earphones max:3000 -color:red route:compare compare:1,2"),
    ("a", ["hello i want earphones for my dad under 2k"], "difference between the second and fourth?", "kind:earphones audience:men max:2000 route:compare compare:2,4"),
    ("a", ["Looking for earphones under 2000, preferably black"], "the neckband one or the Bullets - what's the difference?", "kind:earphones color:black max:2000 route:compare compare:1,3"),
    ("a", ["I want earphones, max 2500"], "put the first two side by side", "kind:earphones max:2500 route:compare compare:1,2"),
    ("f", ["Hi, do you have shorts for women? under 1000 please"], "compare the Alisha and the Mast & Harbour ones", "kind:shorts audience:women max:1000 route:compare compare:1,3"),
    ("f", ["I need shorts for my wife, nothing above 900"], "which is better quality, the denim one or the cotton one?", "kind:shorts audience:women max:900 route:compare compare:2,3"),
    ("f", ["show me women's shorts", "under 1000"], "#2 vs #4?", "kind:shorts audience:women max:1000 route:compare compare:2,4"),
    ("f", ["Looking for shorts for women, not in white, below 1000"], "pink or black - which one's comfier?", "kind:shorts audience:women -color:white max:1000 route:compare compare:1,4"),
    ("f", ["Can I see some women's shorts under 1200?"], "how's the 599 pair different from the 379 pair?", "kind:shorts audience:women max:1200 route:compare compare:1,2"),
    ("f", ["hey do u have shorts for girls under 1000"], "compare the fourth one with the first one", "kind:shorts audience:girls max:1000 route:compare compare:1,4"),
    ("b", ["Can you show me some tea below 600?"], "Premium Leaf vs Gold Leaf - which tastes better?", "kind:tea max:600 route:compare compare:1,3"),
    ("b", ["I'm looking for tea for home, under 700"], "what's the difference between the Red Label and the Tetley?", "kind:tea max:700 route:compare compare:2,4"),
    ("b", ["Show me tea within 800 rupees"], "compare the 250 one and the 310 one", "kind:tea max:800 route:compare compare:2,3"),
    ("b", ["Do you have tea? budget 600"], "which is better value, the first or the second?", "kind:tea max:600 route:compare compare:1,2"),
    ("b", ["looking for tea, no Tetley"], "the gold one or the red label one, which should i get", "kind:tea -brand:tetley route:compare compare:2,3"),
    ("b", ["Can you show me tea under 700 please"], "compare 1 and 4", "kind:tea max:700 route:compare compare:1,4"),
    ("h", ["I need a kitchen faucet"], "compare the touchless one with the Zanna", "kind:kitchen_faucet route:compare compare:2,4"),
    ("h", ["Hi, show me kitchen faucets please"], "chrome vs bronze, which is more durable?", "kind:kitchen_faucet route:compare compare:1,3"),
    ("h", ["Looking for a kitchen faucet, not white"], "how do the first and second compare?", "kind:kitchen_faucet -color:white route:compare compare:1,2"),
    ("h", ["We're renovating and need a kitchen faucet in stainless steel"], "what's the difference between the Foundations one and the Market one?", "kind:kitchen_faucet material:stainless_steel route:compare compare:1,3"),
    ("h", ["Can you find me a kitchen faucet?"], "the nickel one or the matte black one - which would you recommend?", "kind:kitchen_faucet route:compare compare:2,4"),
    ("h", ["hey i need a kitchen faucet"], "third vs fourth pls", "kind:kitchen_faucet route:compare compare:3,4"),

    # similar: more like one shown item; search unchanged
    ("a", ["Hi, I'm looking for bluetooth earphones under 2000"], "show me more like the Boult one", "kind:earphones max:2000 route:product similar:2"),
    ("a", ["Can you show me earphones below 2500?"], "anything similar to the second one?", "kind:earphones max:2500 route:product similar:2"),
    ("a", ["I want earphones for my dad, max 2000"], "got any alternatives to the OnePlus?", "kind:earphones audience:men max:2000 route:product similar:3"),
    ("a", ["need neckband earphones under 3k"], "something along the lines of the first one pls", "kind:earphones max:3000 route:product similar:1"),
    ("a", ["Looking for earphones under 2000", "not pTron"], "I like the blue one, got more like that?", "kind:earphones max:2000 -brand:ptron route:product similar:2"),
    ("a", ["Hello, earphones under 2500 please"], "the 1299 one is close to what I want - anything else in that style?", "kind:earphones max:2500 route:product similar:1"),
    ("a", ["show me earphones"], "similar ones to the magnetic one?", "kind:earphones route:product similar:4"),
    ("f", ["Hi, do you have shorts for women? under 1000 please"], "more like the Dressberry ones please", "kind:shorts audience:women max:1000 route:product similar:2"),
    ("f", ["I'm looking for shorts for my sister, under 900"], "she'd love something like the pink pair - show me similar", "kind:shorts audience:women max:900 route:product similar:4"),
    ("f", ["women's shorts under 1000 please", "no black"], "anything similar to the third?", "kind:shorts audience:women max:1000 -color:black route:product similar:3"),
    ("f", ["Can I see some shorts for women?"], "I like the cycling ones, show me similar styles", "kind:shorts audience:women route:product similar:1"),
    ("f", ["Looking for ladies shorts, below 1200 rupees"], "show me alternatives to the 599 one", "kind:shorts audience:women max:1200 route:product similar:2"),
    ("f", ["hey need shorts for girls under 1000"], "more in the style of the Carrel pair?", "kind:shorts audience:girls max:1000 route:product similar:4"),
    ("b", ["Can you show me some tea below 600?"], "Do you have anything similar to the Tetley one?", "kind:tea max:600 route:product similar:4"),
    ("b", ["I'm after some tea, under 700"], "show me more like the premium leaf", "kind:tea max:700 route:product similar:1"),
    ("b", ["Need tea within 600 rupees", "not Red Label"], "similar options to the Gold Leaf?", "kind:tea max:600 -brand:red_label route:product similar:3"),
    ("b", ["hi, looking for tea"], "the second one looks nice, got any like it?", "kind:tea route:product similar:2"),
    ("b", ["Show me tea under 800"], "alternatives to the 560 one please", "kind:tea max:800 route:product similar:1"),
    ("b", ["Can you show me tea under 600?"], "something like the fourth one?", "kind:tea max:600 route:product similar:4"),
    ("h", ["I need a kitchen faucet"], "show me more like the touchless one", "kind:kitchen_faucet route:product similar:2"),
    ("h", ["Hi, I'm shopping for a kitchen faucet"], "anything similar to the bronze one?", "kind:kitchen_faucet route:product similar:3"),
    ("h", ["Looking for a kitchen faucet, no chrome please"], "got others like the Zanna?", "kind:kitchen_faucet -color:chrome route:product similar:4"),
    ("h", ["Can you show me kitchen faucets in stainless steel?"], "I like the first one, show me similar ones", "kind:kitchen_faucet material:stainless_steel route:product similar:1"),
    ("h", ["We need a faucet for the kitchen"], "more along the lines of the Arbor please", "kind:faucet route:product similar:2"),
    ("h", ["hey, kitchen faucet options?"], "similar to the third one pls", "kind:kitchen_faucet route:product similar:3"),

    # cheaper: cap strictly below the highest shown price, or below the named item (a 1999, f 849, b 560)
    ("a", ["Hi, I'm looking for bluetooth earphones under 2000"], "anything cheaper?", "kind:earphones max:<1999 route:product op:cheaper"),
    ("a", ["Can you show me earphones for my husband? budget 2500"], "these are a bit pricey, show me more affordable ones", "kind:earphones audience:men max:<1999 route:product op:cheaper"),
    ("a", ["I want wireless earphones, max 3000"], "cheaper than the boAt one?", "kind:earphones max:<1299 route:product op:cheaper"),
    ("a", ["need earphones below 2k", "not in red"], "something cheaper than the 999 one", "kind:earphones -color:red max:<999 route:product op:cheaper"),
    ("a", ["Looking for earphones"], "show me lower-end options", "kind:earphones max:<1999 route:product op:cheaper"),
    ("a", ["Hello, I'd like black earphones under 2500"], "do you have cheaper ones than the OnePlus, still black?", "kind:earphones color:black max:<1999 route:product op:cheaper"),
    ("a", ["Show me earphones under ₹2,000 pls"], "budget's tight this month, anything less expensive?", "kind:earphones max:<1999 route:product op:cheaper"),
    ("a", ["i need earphones for gym, under 2500"], "cheapr than the 2nd one?", "kind:earphones max:<999 route:product op:cheaper"),
    ("a", ["Hey, can you find me earphones in blue or black under 3000?"], "any more budget-friendly ones?", "kind:earphones color:blue,black max:<1999 route:product op:cheaper"),
    ("f", ["Hi, do you have shorts for women? under 1000 please"], "something cheaper please", "kind:shorts audience:women max:<849 route:product op:cheaper"),
    ("f", ["I'm looking for shorts for my wife"], "these are costly, anything more affordable?", "kind:shorts audience:women max:<849 route:product op:cheaper"),
    ("f", ["Show me women's shorts below 1200"], "cheaper than the Dressberry ones?", "kind:shorts audience:women max:<599 route:product op:cheaper"),
    ("f", ["need shorts for girls, under 1000", "no pink"], "lower priced options pls", "kind:shorts audience:girls -color:pink max:<849 route:product op:cheaper"),
    ("f", ["Can I see some cotton shorts for women?"], "do you have anything less pricey than the third one?", "kind:shorts audience:women material:cotton max:<849 route:product op:cheaper"),
    ("f", ["looking for ladies shorts within 1000 rupees"], "the 599 pair is nice but a bit much, show me cheaper than that", "kind:shorts audience:women max:<599 route:product op:cheaper"),
    ("f", ["Hi, I want shorts for women in black or blue, max 900"], "any cheaper ones?", "kind:shorts audience:women color:black,blue max:<849 route:product op:cheaper"),
    ("f", ["shorts for women pls"], "show me less expensive options", "kind:shorts audience:women max:<849 route:product op:cheaper"),
    ("b", ["Can you show me some tea below 600?"], "Got anything cheaper than these?", "kind:tea max:<560 route:product op:cheaper"),
    ("b", ["Hi, I need tea under 700"], "cheaper than the Gold Leaf?", "kind:tea max:<310 route:product op:cheaper"),
    ("b", ["looking for tea, not Tetley"], "something more economical please", "kind:tea -brand:tetley max:<560 route:product op:cheaper"),
    ("b", ["show me tea within 600 rupees"], "the 250 one is still too much, anything cheaper than that?", "kind:tea max:<250 route:product op:cheaper"),
    ("b", ["I want some tea for the house"], "these are expensive yaar, show cheaper ones", "kind:tea max:<560 route:product op:cheaper"),
    ("b", ["Can I get tea under 700?", "nothing from Red Label"], "less costly than the premium leaf?", "kind:tea -brand:red_label max:<560 route:product op:cheaper"),
    ("b", ["Hello, I'm looking for tea under 600"], "cheaper than the 310 one please", "kind:tea max:<310 route:product op:cheaper"),

    # pricier: floor strictly above the lowest shown price, or above the named item (a 499, f 299, b 180)
    ("a", ["Hi, I'm looking for bluetooth earphones"], "show me something pricier", "kind:earphones min:>499 route:product op:pricier"),
    ("a", ["Can you show me earphones under 2500?"], "these look cheap, anything more premium?", "kind:earphones min:>499 max:any route:product op:pricier"),
    ("a", ["I want earphones for my dad"], "something costlier than the boult one", "kind:earphones audience:men min:>999 route:product op:pricier"),
    ("a", ["need wireless earphones"], "a notch up from the 1299 one?", "kind:earphones min:>1299 route:product op:pricier"),
    ("a", ["looking for earphones, no pTron"], "higher-end options please", "kind:earphones -brand:ptron min:>499 route:product op:pricier"),
    ("a", ["Hey, show me black earphones"], "more expensive than the neckband one?", "kind:earphones color:black min:>1299 route:product op:pricier"),
    ("a", ["Show me earphones, budget 3000"], "happy to spend a bit more - anything pricier than the 999 one?", "kind:earphones min:>999 max:any route:product op:pricier"),
    ("a", ["Hi! I'm after earphones for my husband"], "pricier than the second?", "kind:earphones audience:men min:>999 route:product op:pricier"),
    ("a", ["earphones pls"], "step up from these, something costlier", "kind:earphones min:>499 route:product op:pricier"),
    ("f", ["Hi, do you have shorts for women?"], "show me pricier ones", "kind:shorts audience:women min:>299 route:product op:pricier"),
    ("f", ["I'm looking for shorts for my wife, under 1500"], "these seem cheap quality, anything more upmarket?", "kind:shorts audience:women min:>299 max:any route:product op:pricier"),
    ("f", ["show me women's shorts"], "costlier than the Alisha ones?", "kind:shorts audience:women min:>379 route:product op:pricier"),
    ("f", ["need shorts for girls", "no pink"], "something more expensive than the 599 pair", "kind:shorts audience:girls -color:pink min:>599 route:product op:pricier"),
    ("f", ["Can I see women's shorts in cotton?"], "a bit more premium than these please", "kind:shorts audience:women material:cotton min:>299 route:product op:pricier"),
    ("f", ["looking for ladies shorts"], "higher priced than the Dressberry?", "kind:shorts audience:women min:>599 route:product op:pricier"),
    ("f", ["Hi, I want shorts for women in red or black"], "show me some pricier options", "kind:shorts audience:women color:red,black min:>299 route:product op:pricier"),
    ("f", ["shorts for women please, max 2000"], "more expensive than the first one", "kind:shorts audience:women min:>379 max:any route:product op:pricier"),
    ("b", ["Can you show me some tea?"], "show me something more premium", "kind:tea min:>180 route:product op:pricier"),
    ("b", ["Hi, I need tea under 1000"], "costlier than the Red Label?", "kind:tea min:>250 max:any route:product op:pricier"),
    ("b", ["looking for tea, not Tetley"], "pricier options please", "kind:tea -brand:tetley min:>180 route:product op:pricier"),
    ("b", ["Do you have tea from Tata Tea?"], "anything more expensive than the gold leaf?", "kind:tea brand:tata_tea min:>310 route:product op:pricier"),
    ("b", ["show me tea"], "pricier than the ₹250 one", "kind:tea min:>250 route:product op:pricier"),
    ("b", ["I want tea for when guests come over"], "higher-end than these?", "kind:tea min:>180 route:product op:pricier"),
    ("b", ["Hi, tea under 800 please", "no Red Label"], "a notch up from the third one?", "kind:tea -brand:red_label min:>310 max:any route:product op:pricier"),
    ("b", ["Can I see some tea?"], "pricier than the Tetley one pls", "kind:tea min:>180 route:product op:pricier"),

    # restate: the same request in other words
    ("a", ["Hi, I'm looking for bluetooth earphones under 2000"], "like I said, just earphones within 2k", "kind:earphones max:2000 route:product"),
    ("f", ["do you have shorts for women? under 1000 please"], "I mean women's shorts, below 1000 rupees", "kind:shorts audience:women max:1000 route:product"),
    ("b", ["Can you show me some tea below 600?"], "again: tea, under 600 please", "kind:tea max:600 route:product"),
    ("h", ["I need a kitchen faucet"], "just a kitchen faucet, that's all I'm after", "kind:kitchen_faucet route:product"),
    ("a", ["Looking for black earphones for my dad"], "to repeat, black earphones for my father", "kind:earphones color:black audience:men route:product"),
]

# Rounds 32 and 33: two authors were given the bank's development templates (evals/gen_dialogue_bank.py,
# dev_templates) and asked to write others, with other cue words and constructions, as the held part's author did,
# each template filled in two shops. Round 32 (replace, exclude, reset, more, add; 120 cases): 95 right on first run;
# round 33 (similar, compare, cheaper, pricier; 112): 74. Fixes: "anything under 700 is junk" is a floor; "increase
# the budget by 500" moves the ceiling; "white suits me better than black"; "X - not interested", "X is off the
# table", "don't bother with X"; "a completely fresh search"; "anything beyond these four?", "what comes after
# these?", "a second batch" (no ordinal), "continue pls", "only four?"; "the cotton ones would be nicer" asks for
# cotton; "anything comparable?", "much the same as", "equivalents of item 4", "a substitute for it", "the same vibe
# as"; "between it and the third, which gives more..."; "a quick breakdown of all four"; "go down a notch in price",
# "easier on the wallet", "can't stretch to these prices" (no loosening), "undercuts the blue one", "more than i'd
# like to pay"; "ready to pay more than the second one", "above the boAt one's price", "deluxe", "more exclusive",
# "too low-end", "what's above it in price?", "go higher than its price". "I don't mind paying extra for quality"
# was labelled pricier by its author; like the earlier "i can pay a bit more for quality" it loosens the budget here.
CASES += [
    # ===================== add =====================
    # add: "{color} if you have it"
    ("a", ["earphones under 1500"], "white if you have it", "kind:earphones max:1500 color:white"),
    ("h", ["kitchen faucet"], "nickel if you have it", "kind:kitchen_faucet color:nickel"),
    # add: "is {color} shade available?"
    ("a", ["earphones under 1500"], "is navy blue shade available?", "kind:earphones max:1500 color:navy_blue"),
    ("f", ["shorts for women under 1000"], "is maroon shade available?", "kind:shorts audience:women max:1000 color:maroon"),
    # add: "I trust {brand}, let me see theirs"
    ("a", ["earphones under 1500"], "i trust philips, let me see theirs", "kind:earphones max:1500 brand:philips"),
    ("b", ["tea under 500"], "i trust tetley, let me see theirs", "kind:tea max:500 brand:tetley"),
    # add: "stick to {brand} products"
    ("a", ["earphones under 1500"], "stick to jbl products", "kind:earphones max:1500 brand:jbl"),
    ("f", ["shorts for women under 1000"], "stick to libas products", "kind:shorts audience:women max:1000 brand:libas"),
    # add: "can you filter by {brand}?"
    ("a", ["earphones under 1500"], "can you filter by zebronics?", "kind:earphones max:1500 brand:zebronics"),
    ("b", ["tea under 500"], "can you filter by red label?", "kind:tea max:500 brand:red_label"),
    # add: "the {material} kind, please"
    ("f", ["shorts for women under 1000"], "the cotton kind, please", "kind:shorts audience:women max:1000 material:cotton"),
    ("h", ["kitchen faucet"], "the brass kind, please", "kind:kitchen_faucet material:brass"),
    # add: "{material} is what I'm after, it lasts longer"
    ("f", ["shorts for women under 1000"], "denim is what i'm after, it lasts longer", "kind:shorts audience:women max:1000 material:denim"),
    ("h", ["kitchen faucet"], "stainless steel is what i'm after, it lasts longer", "kind:kitchen_faucet material:stainless_steel"),
    # add: "anything under ₹{price} is junk"
    ("a", ["earphones under 1500"], "anything under ₹700 is junk", "kind:earphones min:700 max:1500"),
    ("b", ["tea under 500"], "anything under ₹150 is junk", "kind:tea min:150 max:500"),
    # add: "{color} {material} ones would be ideal"
    ("f", ["shorts for women under 1000"], "white cotton ones would be ideal", "kind:shorts audience:women max:1000 color:white material:cotton"),
    ("a", ["earphones under 1500"], "black nylon ones would be ideal", "kind:earphones max:1500 color:black material:nylon"),
    # add: "just {brand} or {brand2}, nothing else"
    ("a", ["earphones under 1500"], "just boat or boult, nothing else", "kind:earphones max:1500 brand:boat,boult"),
    ("b", ["tea under 500"], "just tetley or red label, nothing else", "kind:tea max:500 brand:tetley,red_label"),
    # add: "colour should be {color}"
    ("a", ["earphones under 1500"], "colour should be silver", "kind:earphones max:1500 color:silver"),
    ("f", ["shorts for women under 1000"], "colour should be beige", "kind:shorts audience:women max:1000 color:beige"),
    # add: "{brand} company, {color} colour"
    ("a", ["earphones under 1500"], "portronics company, blue colour", "kind:earphones max:1500 brand:portronics color:blue"),
    ("f", ["shorts for women under 1000"], "mynte company, green colour", "kind:shorts audience:women max:1000 brand:mynte color:green"),

    # ===================== replace =====================
    # replace: "increase the budget by {delta}"
    ("a", ["earphones under 1500"], "increase the budget by 500", "kind:earphones max:2000"),
    ("b", ["tea under 500"], "increase the budget by 200", "kind:tea max:700"),
    # replace: "swap the {color0} for {color}"
    ("a", ["earphones under 1500", "in black"], "swap the black for silver", "kind:earphones max:1500 color:silver"),
    ("h", ["kitchen faucet", "in chrome"], "swap the chrome for nickel", "kind:kitchen_faucet color:nickel"),
    # replace: "{color} — changed my mind"
    ("a", ["earphones under 1500", "in black"], "grey — changed my mind", "kind:earphones max:1500 color:grey"),
    ("f", ["shorts for women under 1000", "in blue"], "maroon — changed my mind", "kind:shorts audience:women max:1000 color:maroon"),
    # replace: "{color} suits me better than {color0}"
    ("a", ["earphones under 1500", "in black"], "white suits me better than black", "kind:earphones max:1500 color:white"),
    ("f", ["shorts for women under 1000", "in red"], "navy suits me better than red", "kind:shorts audience:women max:1000 color:navy"),
    # replace: "replace {brand0} with {brand}"
    ("a", ["earphones under 1500", "from boat"], "replace boat with noise", "kind:earphones max:1500 brand:noise"),
    ("b", ["tea under 500", "from tata tea"], "replace tata tea with tetley", "kind:tea max:500 brand:tetley"),
    # replace: "the same but from {brand}"
    ("a", ["earphones under 1500", "from boult"], "the same but from jbl", "kind:earphones max:1500 brand:jbl"),
    ("b", ["tea under 500", "from red label"], "the same but from tata tea", "kind:tea max:500 brand:tata_tea"),
    # replace: "I'd go for {brand} over {brand0}"
    ("a", ["earphones under 1500", "from boat"], "i'd go for boult over boat", "kind:earphones max:1500 brand:boult"),
    ("f", ["shorts for women under 1000", "from libas"], "i'd go for alisha over libas", "kind:shorts audience:women max:1000 brand:alisha"),
    # replace: "budget's gone up, {price} max now"
    ("a", ["earphones under 1500"], "budget's gone up, 2500 max now", "kind:earphones max:2500"),
    ("b", ["tea under 500"], "budget's gone up, 800 max now", "kind:tea max:800"),
    # replace: "keep it within {price} only"
    ("a", ["earphones under 1500"], "keep it within 1000 only", "kind:earphones max:1000"),
    ("f", ["shorts for women under 1000"], "keep it within 600 only", "kind:shorts audience:women max:600"),
    # replace: "I can stretch to {price}"
    ("a", ["earphones under 1500"], "i can stretch to 2000", "kind:earphones max:2000"),
    ("b", ["tea under 500"], "i can stretch to 700", "kind:tea max:700"),
    # replace: "cap it at {price}"
    ("f", ["shorts for women under 1000"], "cap it at 700", "kind:shorts audience:women max:700"),
    ("b", ["tea under 500"], "cap it at 350", "kind:tea max:350"),
    # replace: "the {material} ones would be nicer"
    ("f", ["shorts for women under 1000", "in polyester"], "the cotton ones would be nicer", "kind:shorts audience:women max:1000 material:cotton"),
    ("h", ["kitchen faucet", "in brass"], "the stainless steel ones would be nicer", "kind:kitchen_faucet material:stainless_steel"),

    # ===================== exclude =====================
    # exclude: "had issues with {brand}, so none of theirs"
    ("a", ["earphones under 1500"], "had issues with boat, so none of theirs", "kind:earphones max:1500 -brand:boat"),
    ("b", ["tea under 500"], "had issues with tetley, so none of theirs", "kind:tea max:500 -brand:tetley"),
    # exclude: "{color} is a no-go"
    ("a", ["earphones under 1500"], "red is a no-go", "kind:earphones max:1500 -color:red"),
    ("h", ["kitchen faucet"], "bronze is a no-go", "kind:kitchen_faucet -color:bronze"),
    # exclude: "minus {brand}"
    ("a", ["earphones under 1500"], "minus boult", "kind:earphones max:1500 -brand:boult"),
    ("b", ["tea under 500"], "minus red label", "kind:tea max:500 -brand:red_label"),
    # exclude: "steer clear of {material}"
    ("f", ["shorts for women under 1000"], "steer clear of polyester", "kind:shorts audience:women max:1000 -material:polyester"),
    ("h", ["kitchen faucet"], "steer clear of plastic", "kind:kitchen_faucet -material:plastic"),
    # exclude: "I'm allergic to {material}, so nothing with it"
    ("f", ["shorts for women under 1000"], "i'm allergic to wool, so nothing with it", "kind:shorts audience:women max:1000 -material:wool"),
    ("a", ["earphones under 1500"], "i'm allergic to silicone, so nothing with it", "kind:earphones max:1500 -material:silicone"),
    # exclude: "{brand} — not interested"
    ("a", ["earphones under 1500"], "portronics — not interested", "kind:earphones max:1500 -brand:portronics"),
    ("f", ["shorts for women under 1000"], "dressberry — not interested", "kind:shorts audience:women max:1000 -brand:dressberry"),
    # exclude: "rule out {color}"
    ("a", ["earphones under 1500"], "rule out black", "kind:earphones max:1500 -color:black"),
    ("f", ["shorts for women under 1000"], "rule out pink", "kind:shorts audience:women max:1000 -color:pink"),
    # exclude: "filter out {brand} and {brand2}"
    ("a", ["earphones under 1500"], "filter out boat and ptron", "kind:earphones max:1500 -brand:boat,ptron"),
    ("b", ["tea under 500"], "filter out tetley and red label", "kind:tea max:500 -brand:tetley,red_label"),
    # exclude: "I want {color}, and {brand} is off the table"
    ("a", ["earphones under 1500"], "i want white, and boult is off the table", "kind:earphones max:1500 color:white -brand:boult"),
    ("f", ["shorts for women under 1000"], "i want beige, and carrel is off the table", "kind:shorts audience:women max:1000 color:beige -brand:carrel"),
    # exclude: "don't bother with {brand}"
    ("a", ["earphones under 1500"], "don't bother with zebronics", "kind:earphones max:1500 -brand:zebronics"),
    ("b", ["tea under 500"], "don't bother with tata tea", "kind:tea max:500 -brand:tata_tea"),
    # exclude: "as long as it's not {color}"
    ("a", ["earphones under 1500"], "as long as it's not blue", "kind:earphones max:1500 -color:blue"),
    ("h", ["kitchen faucet"], "as long as it's not black", "kind:kitchen_faucet -color:black"),
    # exclude: "cross {color} off the list"
    ("f", ["shorts for women under 1000"], "cross maroon off the list", "kind:shorts audience:women max:1000 -color:maroon"),
    ("h", ["kitchen faucet"], "cross chrome off the list", "kind:kitchen_faucet -color:chrome"),

    # ===================== reset =====================
    # reset: "ok, what about {type2_pl}?"
    ("a", ["earphones under 1500"], "ok, what about power banks?", "kind:power_bank"),
    ("b", ["tea under 500"], "ok, what about coffee?", "kind:coffee"),
    # reset: "{type} sorted. {type2_pl}?"
    ("a", ["earphones under 1500"], "earphones sorted. kettles?", "kind:kettle"),
    ("f", ["shorts for women under 1000"], "shorts sorted. kurtis?", "kind:kurti audience:women"),
    # reset: "switching to {type2_pl}"
    ("a", ["earphones under 1500", "no boat"], "switching to smartwatches", "kind:smartwatch -brand:boat"),
    ("h", ["kitchen faucet"], "switching to ceiling fans", "kind:ceiling_fan"),
    # reset: "my {rel}'s birthday is coming up, {type2_pl} for him/her"
    ("a", ["earphones under 1500"], "my dad's birthday is coming up, smartwatches for him", "kind:smartwatch audience:men"),
    ("f", ["shorts for women under 1000"], "my daughter's birthday is coming up, dresses for her", "kind:dress audience:girls"),
    # reset: "kindly show {type2_pl}"
    ("a", ["earphones under 1500"], "kindly show mixer grinders", "kind:mixer_grinder"),
    ("b", ["tea under 500"], "kindly show biscuits", "kind:biscuits"),
    # reset: "{type2_pl}, budget {price}"
    ("a", ["earphones under 1500"], "speakers, budget 3000", "kind:speaker max:3000"),
    ("b", ["tea under 500"], "honey, budget 400", "kind:honey max:400"),
    # reset: "my {type2} broke, need a new one"
    ("a", ["earphones under 1500"], "my kettle broke, need a new one", "kind:kettle"),
    ("h", ["kitchen faucet"], "my drill broke, need a new one", "kind:drill"),
    # reset: "scrap all that, let's begin from scratch"
    ("a", ["earphones under 1500", "no boat"], "scrap all that, let's begin from scratch", "op:reset"),
    ("f", ["shorts for women under 1000"], "scrap all that, let's begin from scratch", "op:reset"),
    # reset: "I want to do a completely fresh search"
    ("b", ["tea under 500"], "i want to do a completely fresh search", "op:reset"),
    ("h", ["kitchen faucet"], "i want to do a completely fresh search", "op:reset"),
    # reset: "change of plan: {color} {type2_pl}"
    ("a", ["earphones under 1500"], "change of plan: white kettles", "kind:kettle color:white"),
    ("h", ["kitchen faucet"], "change of plan: brown area rugs", "kind:area_rug color:brown"),
    # reset: "my {rel} needs {a_type2}"
    ("f", ["shorts for women under 1000"], "my son needs shirts", "kind:shirt audience:boys"),
    ("a", ["earphones under 1500"], "my dad needs a trimmer", "kind:trimmer audience:men"),
    # reset: "while I'm here, what {type2_pl} do you have?"
    ("b", ["tea under 500"], "while i'm here, what shampoos do you have?", "kind:shampoo"),
    ("h", ["kitchen faucet"], "while i'm here, what ladders do you have?", "kind:ladder"),

    # ===================== more =====================
    # more: "is that all you've got?"
    ("a", ["earphones under 1500"], "is that all you've got?", "kind:earphones max:1500 op:more route:product"),
    ("h", ["kitchen faucet"], "is that all you've got?", "kind:kitchen_faucet op:more route:product"),
    # more: "page 2 please"
    ("f", ["shorts for women under 1000"], "page 2 please", "kind:shorts audience:women max:1000 op:more route:product"),
    ("b", ["tea under 500"], "page 2 please", "kind:tea max:500 op:more route:product"),
    # more: "none of these grab me, carry on searching"
    ("a", ["earphones under 1500"], "none of these grab me, carry on searching", "kind:earphones max:1500 op:more route:product"),
    ("f", ["shorts for women under 1000"], "none of these grab me, carry on searching", "kind:shorts audience:women max:1000 op:more route:product"),
    # more: "show the rest"
    ("b", ["tea under 500"], "show the rest", "kind:tea max:500 op:more route:product"),
    ("h", ["kitchen faucet"], "show the rest", "kind:kitchen_faucet op:more route:product"),
    # more: "is there anything beyond these four?"
    ("a", ["earphones under 1500"], "is there anything beyond these four?", "kind:earphones max:1500 op:more route:product"),
    ("b", ["tea under 500"], "is there anything beyond these four?", "kind:tea max:500 op:more route:product"),
    # more: "continue pls"
    ("f", ["shorts for women under 1000"], "continue pls", "kind:shorts audience:women max:1000 op:more route:product"),
    ("h", ["kitchen faucet"], "continue pls", "kind:kitchen_faucet op:more route:product"),
    # more: "can I see a second batch?"
    ("a", ["earphones under 1500"], "can i see a second batch?", "kind:earphones max:1500 op:more route:product"),
    ("h", ["kitchen faucet"], "can i see a second batch?", "kind:kitchen_faucet op:more route:product"),
    # more: "show additional ones"
    ("f", ["shorts for women under 1000"], "show additional ones", "kind:shorts audience:women max:1000 op:more route:product"),
    ("b", ["tea under 500"], "show additional ones", "kind:tea max:500 op:more route:product"),
    # more: "only four? I want to browse a bunch before I decide"
    ("a", ["earphones under 1500"], "only four? i want to browse a bunch before i decide", "kind:earphones max:1500 op:more route:product"),
    ("f", ["shorts for women under 1000"], "only four? i want to browse a bunch before i decide", "kind:shorts audience:women max:1000 op:more route:product"),
    # more: "what comes after these?"
    ("b", ["tea under 500"], "what comes after these?", "kind:tea max:500 op:more route:product"),
    ("h", ["kitchen faucet"], "what comes after these?", "kind:kitchen_faucet op:more route:product"),
    # more: "I've seen these {type_pl} already, show me different ones"
    ("a", ["earphones under 1500"], "i've seen these earphones already, show me different ones", "kind:earphones max:1500 op:more route:product"),
    ("h", ["kitchen faucet"], "i've seen these kitchen faucets already, show me different ones", "kind:kitchen_faucet op:more route:product"),
    # more: "pls give some extra options"
    ("f", ["shorts for women under 1000"], "pls give some extra options", "kind:shorts audience:women max:1000 op:more route:product"),
    ("b", ["tea under 500"], "pls give some extra options", "kind:tea max:500 op:more route:product"),
    # similar: "show me alternatives to the {ordinal} one"
    ("a", ["earphones under 1500"], "show me alternatives to the third one", "kind:earphones max:1500 similar:3"),
    ("h", ["kitchen faucet"], "show me alternatives to the second one", "kind:kitchen_faucet similar:2"),
    # similar: "i liked #{pos}, anything comparable?"
    ("f", ["shorts for women under 1000"], "i liked #2, anything comparable?", "kind:shorts audience:women max:1000 similar:2"),
    ("b", ["tea under 500"], "i liked #3, anything comparable?", "kind:tea max:500 similar:3"),
    # similar: "in the same style as the {brand} one, what do you have?"
    ("a", ["earphones under 1500"], "in the same style as the Boult one, what do you have?", "kind:earphones max:1500 similar:2"),
    ("f", ["shorts for women under 1000"], "in the same style as the Alisha one, what do you have?", "kind:shorts audience:women max:1000 similar:1"),
    # similar: "i'm after something much the same as the {brand} one"
    ("f", ["shorts for women under 1000"], "i'm after something much the same as the Mast & Harbour one", "kind:shorts audience:women max:1000 similar:3"),
    ("b", ["tea under 500"], "i'm after something much the same as the Red Label one", "kind:tea max:500 similar:2"),
    # similar: "could you find equivalents of item {pos}?"
    ("h", ["kitchen faucet"], "could you find equivalents of item 4?", "kind:kitchen_faucet similar:4"),
    ("b", ["tea under 500"], "could you find equivalents of item 1?", "kind:tea max:500 similar:1"),
    # similar: "the {color} one is nice, show me a few more in that vein"
    ("a", ["earphones under 1500"], "the red one is nice, show me a few more in that vein", "kind:earphones max:1500 similar:4"),
    ("h", ["kitchen faucet"], "the bronze one is nice, show me a few more in that vein", "kind:kitchen_faucet similar:3"),
    # similar: "kindly show products resembling the {ordinal} one"
    ("f", ["shorts for women under 1000"], "kindly show products resembling the fourth one", "kind:shorts audience:women max:1000 similar:4"),
    ("b", ["tea under 500"], "kindly show products resembling the second one", "kind:tea max:500 similar:2"),
    # similar: "what else is there in the mould of the {brand} one?"
    ("a", ["earphones under 1500"], "what else is there in the mould of the OnePlus one?", "kind:earphones max:1500 similar:3"),
    ("b", ["tea under 500"], "what else is there in the mould of the Tetley one?", "kind:tea max:500 similar:4"),
    # similar: (after a detail turn on item N) "anything akin to that?"
    ("a", ["earphones under 1500", "tell me more about the first one"], "anything akin to that?", "kind:earphones max:1500 similar:1"),
    ("f", ["shorts for women under 1000", "is the third one any good?"], "anything akin to that?", "kind:shorts audience:women max:1000 similar:3"),
    # similar: "the final one is nearly perfect, anything close to it?"
    ("h", ["kitchen faucet"], "the final one is nearly perfect, anything close to it?", "kind:kitchen_faucet similar:4"),
    ("f", ["shorts for women under 1000"], "the final one is nearly perfect, anything close to it?", "kind:shorts audience:women max:1000 similar:4"),
    # similar: "anything with the same vibe as the {ordinal} one?"
    ("f", ["shorts for women under 1000"], "anything with the same vibe as the first one?", "kind:shorts audience:women max:1000 similar:1"),
    ("h", ["kitchen faucet"], "anything with the same vibe as the first one?", "kind:kitchen_faucet similar:1"),
    # similar: "lookalikes of the {color} one?"
    ("f", ["shorts for women under 1000"], "lookalikes of the blue one?", "kind:shorts audience:women max:1000 similar:2"),
    ("h", ["kitchen faucet"], "lookalikes of the nickel one?", "kind:kitchen_faucet similar:2"),
    # similar: "the {ordinal} one has poor reviews, suggest a substitute for it"
    ("a", ["earphones under 1500"], "the fourth one has poor reviews, suggest a substitute for it", "kind:earphones max:1500 similar:4"),
    ("b", ["tea under 500"], "the third one has poor reviews, suggest a substitute for it", "kind:tea max:500 similar:3"),
    # similar: "same type as no. {pos} pls"
    ("h", ["kitchen faucet"], "same type as no. 3 pls", "kind:kitchen_faucet similar:3"),
    ("a", ["earphones under 1500"], "same type as no. 1 pls", "kind:earphones max:1500 similar:1"),

    # compare: "{ordinal1} or {ordinal2} — which one should I get?"
    ("a", ["earphones under 1500"], "second or fourth — which one should I get?", "kind:earphones max:1500 route:compare compare:2,4"),
    ("h", ["kitchen faucet"], "first or third — which one should I get?", "kind:kitchen_faucet route:compare compare:1,3"),
    # compare: "help me choose between the {brand1} and the {brand2}"
    ("a", ["earphones under 1500"], "help me choose between the boAt and the OnePlus", "kind:earphones max:1500 route:compare compare:1,3"),
    ("b", ["tea under 500"], "help me choose between the Tetley and the Red Label", "kind:tea max:500 route:compare compare:2,4"),
    # compare: "how do the {color1} and {color2} ones stack up against each other?"
    ("f", ["shorts for women under 1000"], "how do the pink and black ones stack up against each other?", "kind:shorts audience:women max:1000 route:compare compare:1,4"),
    ("h", ["kitchen faucet"], "how do the chrome and bronze ones stack up against each other?", "kind:kitchen_faucet route:compare compare:1,3"),
    # compare: "weigh up #{pos1} against #{pos2} for me"
    ("b", ["tea under 500"], "weigh up #1 against #3 for me", "kind:tea max:500 route:compare compare:1,3"),
    ("f", ["shorts for women under 1000"], "weigh up #3 against #2 for me", "kind:shorts audience:women max:1000 route:compare compare:2,3"),
    # compare: "pros and cons of the {ordinal1} and {ordinal2}?"
    ("h", ["kitchen faucet"], "pros and cons of the second and fourth?", "kind:kitchen_faucet route:compare compare:2,4"),
    ("a", ["earphones under 1500"], "pros and cons of the first and second?", "kind:earphones max:1500 route:compare compare:1,2"),
    # compare: "i'm torn between number {pos1} and number {pos2}"
    ("f", ["shorts for women under 1000"], "i'm torn between number 1 and number 3", "kind:shorts audience:women max:1000 route:compare compare:1,3"),
    ("b", ["tea under 500"], "i'm torn between number 4 and number 2", "kind:tea max:500 route:compare compare:2,4"),
    # compare: "which would you pick out of all four?"
    ("a", ["earphones under 1500"], "which would you pick out of all four?", "kind:earphones max:1500 route:compare compare:1,2,3,4"),
    ("h", ["kitchen faucet"], "which would you pick out of all four?", "kind:kitchen_faucet route:compare compare:1,2,3,4"),
    # compare: "can you contrast the {ordinal1} one with the {ordinal2} one?"
    ("b", ["tea under 500"], "can you contrast the first one with the fourth one?", "kind:tea max:500 route:compare compare:1,4"),
    ("h", ["kitchen faucet"], "can you contrast the third one with the fourth one?", "kind:kitchen_faucet route:compare compare:3,4"),
    # compare: "how does the {brand1} one measure up to the {ordinal2}?"
    ("a", ["earphones under 1500"], "how does the Boult one measure up to the third?", "kind:earphones max:1500 route:compare compare:2,3"),
    ("f", ["shorts for women under 1000"], "how does the Mast & Harbour one measure up to the first?", "kind:shorts audience:women max:1000 route:compare compare:1,3"),
    # compare: "what sets the {ordinal1} apart from the {ordinal2}?"
    ("f", ["shorts for women under 1000"], "what sets the second apart from the fourth?", "kind:shorts audience:women max:1000 route:compare compare:2,4"),
    ("a", ["earphones under 1500"], "what sets the third apart from the fourth?", "kind:earphones max:1500 route:compare compare:3,4"),
    # compare: (after a detail turn on item N) "between it and the {ordinal2}, which gives more value for money?"
    ("a", ["earphones under 1500", "tell me more about the first one"], "between it and the third, which gives more value for money?", "kind:earphones max:1500 route:compare compare:1,3"),
    ("f", ["shorts for women under 1000", "is the fourth one any good?"], "between it and the second, which gives more value for money?", "kind:shorts audience:women max:1000 route:compare compare:2,4"),
    # compare: "give me a quick breakdown of all four — which one wins?"
    ("f", ["shorts for women under 1000"], "give me a quick breakdown of all four — which one wins?", "kind:shorts audience:women max:1000 route:compare compare:1,2,3,4"),
    ("b", ["tea under 500"], "give me a quick breakdown of all four — which one wins?", "kind:tea max:500 route:compare compare:1,2,3,4"),
    # compare: "first three — rank them for me"
    ("b", ["tea under 500"], "first three — rank them for me", "kind:tea max:500 route:compare compare:1,2,3"),
    ("h", ["kitchen faucet"], "first three — rank them for me", "kind:kitchen_faucet route:compare compare:1,2,3"),
    # compare: "thinking of the final one or the {brand|color} one, kindly advise which suits me"
    ("a", ["earphones under 1500"], "thinking of the final one or the Boult one, kindly advise which suits me", "kind:earphones max:1500 route:compare compare:2,4"),
    ("h", ["kitchen faucet"], "thinking of the final one or the chrome one, kindly advise which suits me", "kind:kitchen_faucet route:compare compare:1,4"),

    # cheaper: "these are beyond my means"
    ("a", ["earphones under 1500"], "these are beyond my means", "kind:earphones max:<1999 op:cheaper"),
    ("f", ["shorts for women under 1000"], "these are beyond my means", "kind:shorts audience:women max:<849 op:cheaper"),
    # cheaper: "can you go down a notch in price?"
    ("b", ["tea under 500"], "can you go down a notch in price?", "kind:tea max:<560 op:cheaper"),
    ("f", ["shorts for women under 1000"], "can you go down a notch in price?", "kind:shorts audience:women max:<849 op:cheaper"),
    # cheaper: "i want to pay less than the {ordinal} one"
    ("a", ["earphones under 1500"], "i want to pay less than the second one", "kind:earphones max:<999 op:cheaper"),
    ("b", ["tea under 500"], "i want to pay less than the first one", "kind:tea max:<560 op:cheaper"),
    # cheaper: "show me the economical ones"
    ("b", ["tea under 500"], "show me the economical ones", "kind:tea max:<560 op:cheaper"),
    ("a", ["earphones under 1500"], "show me the economical ones", "kind:earphones max:<1999 op:cheaper"),
    # cheaper: "anything easier on the wallet?"
    ("f", ["shorts for women under 1000"], "anything easier on the wallet?", "kind:shorts audience:women max:<849 op:cheaper"),
    ("b", ["tea under 500"], "anything easier on the wallet?", "kind:tea max:<560 op:cheaper"),
    # cheaper: "pocket-friendly options pls"
    ("a", ["earphones under 1500"], "pocket-friendly options pls", "kind:earphones max:<1999 op:cheaper"),
    ("f", ["shorts for women under 1000"], "pocket-friendly options pls", "kind:shorts audience:women max:<849 op:cheaper"),
    # cheaper: "the {brand} one's out of reach — show me something under its price"
    ("a", ["earphones under 1500"], "the boAt one's out of reach — show me something under its price", "kind:earphones max:<1299 op:cheaper"),
    ("f", ["shorts for women under 1000"], "the Dressberry one's out of reach — show me something under its price", "kind:shorts audience:women max:<599 op:cheaper"),
    # cheaper: "steep prices here. what's available for less?"
    ("b", ["tea under 500"], "steep prices here. what's available for less?", "kind:tea max:<560 op:cheaper"),
    ("a", ["earphones under 1500"], "steep prices here. what's available for less?", "kind:earphones max:<1999 op:cheaper"),
    # cheaper: "i can't stretch to these prices"
    ("f", ["shorts for women under 1000"], "i can't stretch to these prices", "kind:shorts audience:women max:<849 op:cheaper"),
    ("b", ["tea under 500"], "i can't stretch to these prices", "kind:tea max:<560 op:cheaper"),
    # cheaper: "go for something that undercuts the {color} one"
    ("a", ["earphones under 1500"], "go for something that undercuts the blue one", "kind:earphones max:<999 op:cheaper"),
    ("f", ["shorts for women under 1000"], "go for something that undercuts the red one", "kind:shorts audience:women max:<849 op:cheaper"),
    # cheaper: "the final one's price is too high for me; what's under that?"
    ("a", ["earphones under 1500"], "the final one's price is too high for me; what's under that?", "kind:earphones max:<499 op:cheaper"),
    ("b", ["tea under 500"], "the final one's price is too high for me; what's under that?", "kind:tea max:<180 op:cheaper"),
    # cheaper: "i'd prefer something inexpensive"
    ("f", ["shorts for women under 1000"], "i'd prefer something inexpensive", "kind:shorts audience:women max:<849 op:cheaper"),
    ("a", ["earphones under 1500"], "i'd prefer something inexpensive", "kind:earphones max:<1999 op:cheaper"),
    # cheaper: (after a detail turn on item N) "that one's more than i'd like to pay — anything below it?"
    ("f", ["shorts for women under 1000", "tell me about the second one"], "that one's more than i'd like to pay — anything below it?", "kind:shorts audience:women max:<599 op:cheaper"),
    ("b", ["tea under 500", "what about the third one?"], "that one's more than i'd like to pay — anything below it?", "kind:tea max:<310 op:cheaper"),
    # cheaper: "money's tight this month, anything that won't break the bank?"
    ("b", ["tea under 500"], "money's tight this month, anything that won't break the bank?", "kind:tea max:<560 op:cheaper"),
    ("f", ["shorts for women under 1000"], "money's tight this month, anything that won't break the bank?", "kind:shorts audience:women max:<849 op:cheaper"),

    # pricier: "these look a bit basic, anything a notch above?"
    ("a", ["earphones under 1500"], "these look a bit basic, anything a notch above?", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "these look a bit basic, anything a notch above?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # pricier: "ready to pay more than the {ordinal} one"
    ("a", ["earphones under 1500"], "ready to pay more than the second one", "kind:earphones min:>999 max:any op:pricier"),
    ("b", ["tea under 500"], "ready to pay more than the second one", "kind:tea min:>250 max:any op:pricier"),
    # pricier: "got anything costlier?"
    ("b", ["tea under 500"], "got anything costlier?", "kind:tea min:>180 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "got anything costlier?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # pricier: "i'm willing to splurge"
    ("a", ["earphones under 1500"], "i'm willing to splurge", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "i'm willing to splurge", "kind:tea min:>180 max:any op:pricier"),
    # pricier: "anything at a higher price point?"
    ("f", ["shorts for women under 1000"], "anything at a higher price point?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("a", ["earphones under 1500"], "anything at a higher price point?", "kind:earphones min:>499 max:any op:pricier"),
    # pricier: "above the {brand} one's price, please"
    ("a", ["earphones under 1500"], "above the boAt one's price, please", "kind:earphones min:>1299 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "above the Dressberry one's price, please", "kind:shorts audience:women min:>599 max:any op:pricier"),
    # pricier: "show me the deluxe versions"
    ("b", ["tea under 500"], "show me the deluxe versions", "kind:tea min:>180 max:any op:pricier"),
    ("a", ["earphones under 1500"], "show me the deluxe versions", "kind:earphones min:>499 max:any op:pricier"),
    # pricier: "anything that costs more than the {color} one?"
    ("a", ["earphones under 1500"], "anything that costs more than the blue one?", "kind:earphones min:>999 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "anything that costs more than the red one?", "kind:shorts audience:women min:>849 max:any op:pricier"),
    # pricier: "i'd like the more exclusive stuff"
    ("f", ["shorts for women under 1000"], "i'd like the more exclusive stuff", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("b", ["tea under 500"], "i'd like the more exclusive stuff", "kind:tea min:>180 max:any op:pricier"),
    # pricier: "the final one is too low-end — what's above it in price?"
    ("a", ["earphones under 1500"], "the final one is too low-end — what's above it in price?", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "the final one is too low-end — what's above it in price?", "kind:tea min:>180 max:any op:pricier"),
    # pricier: (after a detail turn on item N) "that one is nice but i'd go higher than its price"
    ("a", ["earphones under 1500", "tell me more about the third one"], "that one is nice but i'd go higher than its price", "kind:earphones min:>1999 max:any op:pricier"),
    ("f", ["shorts for women under 1000", "what about the first one?"], "that one is nice but i'd go higher than its price", "kind:shorts audience:women min:>379 max:any op:pricier"),
    # pricier, relabelled (it loosens the budget): "i don't mind paying extra for quality"
    ("b", ["tea under 500"], "i don't mind paying extra for quality", "kind:tea max:any"),
    ("f", ["shorts for women under 1000"], "i don't mind paying extra for quality", "kind:shorts audience:women max:any"),
    # pricier: "any top-tier ones?"
    ("a", ["earphones under 1500"], "any top-tier ones?", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "any top-tier ones?", "kind:tea min:>180 max:any op:pricier"),
    # pricier: "budget isn't an issue, so go above these prices"
    ("f", ["shorts for women under 1000"], "budget isn't an issue, so go above these prices", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("a", ["earphones under 1500"], "budget isn't an issue, so go above these prices", "kind:earphones min:>499 max:any op:pricier"),
]

# Round 34, the same way, with the common cue words of every operation listed as ones not to use (144 cases: 108
# right on first run), and three of ours mirroring round 33's cheaper idioms for pricier ("go up a notch in price").
# Fixes: "omit X from the results", "X never again", "give red a miss", "yellow clashes with everything I own";
# "carry on, I'm still browsing", "the remaining shorts", "a few extra please", "keep digging", "further items";
# "what's the closest match?", "in that spirit", "near-identical to", "the same DNA as", "cut from the same cloth";
# "boat or oneplus - which one should I go for?"; "priced above the boult one", "the posh ones", "north of the third
# one price-wise" (and "north / south of 500" as bounds).
CASES += [
    # ---------------- exclude ----------------
    # exclude: "steer clear of {brand}"
    ("a", ["earphones under 1500"], "steer clear of boat", "kind:earphones max:1500 -brand:boat"),
    ("f", ["shorts for women under 1000"], "steer clear of alisha", "kind:shorts audience:women max:1000 -brand:alisha"),
    # exclude: "I'll pass on anything {color}"
    ("f", ["shorts for women under 1000"], "i'll pass on anything pink", "kind:shorts audience:women max:1000 -color:pink"),
    ("a", ["earphones under 1500"], "I'll pass on anything red", "kind:earphones max:1500 -color:red"),
    # exclude: "{brand} is a dealbreaker for me"
    ("a", ["earphones under 1500"], "Boult is a dealbreaker for me", "kind:earphones max:1500 -brand:boult"),
    ("b", ["tea under 500"], "patanjali is a dealbreaker for me", "kind:tea max:500 -brand:patanjali"),
    # exclude: "filter out {material}"
    ("a", ["earphones under 1500"], "filter out plastic", "kind:earphones max:1500 -material:plastic"),
    ("h", ["kitchen faucet"], "filter out brass", "kind:kitchen_faucet -material:brass"),
    # exclude: "kindly omit {brand} from the results"
    ("b", ["tea under 500"], "kindly omit Tata Tea from the results", "kind:tea max:500 -brand:tata_tea"),
    ("f", ["shorts for women under 1000"], "kindly omit Dressberry from the results", "kind:shorts audience:women max:1000 -brand:dressberry"),
    # exclude: "{brand} never again"
    ("a", ["earphones under 1500"], "portronics never again", "kind:earphones max:1500 -brand:portronics"),
    ("b", ["tea under 500"], "tetley never again", "kind:tea max:500 -brand:tetley"),
    # exclude: "give {color} a miss"
    ("f", ["shorts for women under 1000"], "give red a miss", "kind:shorts audience:women max:1000 -color:red"),
    ("h", ["kitchen faucet"], "give chrome a miss", "kind:kitchen_faucet -color:chrome"),
    # exclude: "I'm allergic to {material}"
    ("f", ["shorts for women under 1000"], "I'm allergic to polyester", "kind:shorts audience:women max:1000 -material:polyester"),
    ("a", ["earphones under 1500"], "im allergic to silicone", "kind:earphones max:1500 -material:silicone"),
    # exclude: "minus the {brand} ones"
    ("f", ["shorts for women under 1000"], "minus the carrel ones", "kind:shorts audience:women max:1000 -brand:carrel"),
    ("b", ["tea under 500"], "minus the red label ones", "kind:tea max:500 -brand:red_label"),
    # exclude: "rule out {color} and {color2}"
    ("a", ["earphones under 1500"], "rule out black and red", "kind:earphones max:1500 -color:black,red"),
    ("h", ["kitchen faucet"], "rule out bronze and nickel", "kind:kitchen_faucet -color:bronze,nickel"),
    # exclude: "{color} clashes with everything I own, so scrap those"
    ("f", ["shorts for women under 1000"], "yellow clashes with everything I own, so scrap those", "kind:shorts audience:women max:1000 -color:yellow"),
    ("h", ["kitchen faucet"], "brown clashes with everything I own, so scrap those", "kind:kitchen_faucet -color:brown"),
    # exclude: "hide anything from {brand}"
    ("a", ["earphones under 1500"], "hide anything from ptron", "kind:earphones max:1500 -brand:ptron"),
    ("f", ["shorts for women under 1000"], "hide anything from Mynte", "kind:shorts audience:women max:1000 -brand:mynte"),

    # ---------------- more ----------------
    # more: "page two please"
    ("a", ["earphones under 1500"], "page two please", "kind:earphones max:1500 op:more route:product"),
    ("h", ["kitchen faucet"], "page two please", "kind:kitchen_faucet op:more route:product"),
    # more: "is that all you've got?"
    ("f", ["shorts for women under 1000"], "is that all you've got?", "kind:shorts audience:women max:1000 op:more route:product"),
    ("b", ["tea under 500"], "is that all you've got?", "kind:tea max:500 op:more route:product"),
    # more: "none of these grab me, keep looking"
    ("a", ["earphones under 1500"], "none of these grab me, keep looking", "kind:earphones max:1500 op:more route:product"),
    ("f", ["shorts for women under 1000"], "none of these grab me, keep looking", "kind:shorts audience:women max:1000 op:more route:product"),
    # more: "show me the rest"
    ("b", ["tea under 500"], "show me the rest", "kind:tea max:500 op:more route:product"),
    ("h", ["kitchen faucet"], "show me the rest", "kind:kitchen_faucet op:more route:product"),
    # more: "carry on, I'm still browsing"
    ("f", ["shorts for women under 1000"], "carry on, I'm still browsing", "kind:shorts audience:women max:1000 op:more route:product"),
    ("h", ["kitchen faucet"], "carry on, I'm still browsing", "kind:kitchen_faucet op:more route:product"),
    # more: "only four? surely you've got loads"
    ("a", ["earphones under 1500"], "only four? surely you've got loads", "kind:earphones max:1500 op:more route:product"),
    ("b", ["tea under 500"], "only four? surely you've got loads", "kind:tea max:500 op:more route:product"),
    # more: "let's see the remaining {type_pl}"
    ("a", ["earphones under 1500"], "let's see the remaining earphones", "kind:earphones max:1500 op:more route:product"),
    ("f", ["shorts for women under 1000"], "let's see the remaining shorts", "kind:shorts audience:women max:1000 op:more route:product"),
    # more: "hit me with a fresh set"
    ("b", ["tea under 500"], "hit me with a fresh set", "kind:tea max:500 op:more route:product"),
    ("h", ["kitchen faucet"], "hit me with a fresh set", "kind:kitchen_faucet op:more route:product"),
    # more: "what comes after these?"
    ("a", ["earphones under 1500"], "what comes after these?", "kind:earphones max:1500 op:more route:product"),
    ("h", ["kitchen faucet"], "what comes after these?", "kind:kitchen_faucet op:more route:product"),
    # more: "a few extra please"
    ("f", ["shorts for women under 1000"], "a few extra please", "kind:shorts audience:women max:1000 op:more route:product"),
    ("b", ["tea under 500"], "a few extra please", "kind:tea max:500 op:more route:product"),
    # more: "still haven't found the one, keep digging"
    ("a", ["earphones under 1500"], "still haven't found the one, keep digging", "kind:earphones max:1500 op:more route:product"),
    ("h", ["kitchen faucet"], "still haven't found the one, keep digging", "kind:kitchen_faucet op:more route:product"),
    # more: "kindly show further items"
    ("f", ["shorts for women under 1000"], "kindly show further items", "kind:shorts audience:women max:1000 op:more route:product"),
    ("b", ["tea under 500"], "kindly show further items", "kind:tea max:500 op:more route:product"),

    # ---------------- similar ----------------
    # similar: "anything in the same vein as the {ord} one?"
    ("a", ["earphones under 1500"], "anything in the same vein as the second one?", "kind:earphones max:1500 similar:2 route:product"),
    ("b", ["tea under 500"], "anything in the same vein as the third one?", "kind:tea max:500 similar:3 route:product"),
    # similar: "the {sbrand} one is gorgeous, show me lookalikes"
    ("a", ["earphones under 1500"], "the boult one is gorgeous, show me lookalikes", "kind:earphones max:1500 similar:2 route:product"),
    ("f", ["shorts for women under 1000"], "the carrel one is gorgeous, show me lookalikes", "kind:shorts audience:women max:1000 similar:4 route:product"),
    # similar: "anything close to #{pos}?"
    ("a", ["earphones under 1500"], "anything close to #4?", "kind:earphones max:1500 similar:4 route:product"),
    ("h", ["kitchen faucet"], "anything close to #3?", "kind:kitchen_faucet similar:3 route:product"),
    # similar: "something in the same family as the {ord} one"
    ("f", ["shorts for women under 1000"], "something in the same family as the second one", "kind:shorts audience:women max:1000 similar:2 route:product"),
    ("h", ["kitchen faucet"], "something in the same family as the first one", "kind:kitchen_faucet similar:1 route:product"),
    # similar: "got anything akin to number {pos}?"
    ("b", ["tea under 500"], "got anything akin to number 1?", "kind:tea max:500 similar:1 route:product"),
    ("f", ["shorts for women under 1000"], "got anything akin to number 3?", "kind:shorts audience:women max:1000 similar:3 route:product"),
    # similar: "something in the mould of the {ord} one"
    ("a", ["earphones under 1500"], "something in the mould of the third one", "kind:earphones max:1500 similar:3 route:product"),
    ("h", ["kitchen faucet"], "something in the mould of the fourth one", "kind:kitchen_faucet similar:4 route:product"),
    # similar: "the {ord} one is out of stock, what's the closest match?"
    ("f", ["shorts for women under 1000"], "the first one is out of stock, what's the closest match?", "kind:shorts audience:women max:1000 similar:1 route:product"),
    ("b", ["tea under 500"], "the 2nd one is out of stock, what's the closest match?", "kind:tea max:500 similar:2 route:product"),
    # similar: "the {sbrand} one's spot on, find me a few in that spirit"
    ("f", ["shorts for women under 1000"], "the dressberry one's spot on, find me a few in that spirit", "kind:shorts audience:women max:1000 similar:2 route:product"),
    ("b", ["tea under 500"], "the tetley one's spot on, find me a few in that spirit", "kind:tea max:500 similar:4 route:product"),
    # similar: "#{pos} is my kind of thing, got a few of the same sort?"
    ("a", ["earphones under 1500"], "#1 is my kind of thing, got a few of the same sort?", "kind:earphones max:1500 similar:1 route:product"),
    ("h", ["kitchen faucet"], "#2 is my kind of thing, got a few of the same sort?", "kind:kitchen_faucet similar:2 route:product"),
    # similar: "anything near-identical to the {ord} one?"
    ("b", ["tea under 500"], "anything near-identical to the third one?", "kind:tea max:500 similar:3 route:product"),
    ("f", ["shorts for women under 1000"], "anything near-identical to the fourth one?", "kind:shorts audience:women max:1000 similar:4 route:product"),
    # similar: "anything with the same DNA as the {ord} one?"
    ("a", ["earphones under 1500"], "anything with the same DNA as the third one?", "kind:earphones max:1500 similar:3 route:product"),
    ("h", ["kitchen faucet"], "anything with the same DNA as the second one?", "kind:kitchen_faucet similar:2 route:product"),
    # similar: "the {ord} one works for me, find a few cut from the same cloth"
    ("f", ["shorts for women under 1000"], "the third one works for me, find a few cut from the same cloth", "kind:shorts audience:women max:1000 similar:3 route:product"),
    ("h", ["kitchen faucet"], "the fourth one works for me, find a few cut from the same cloth", "kind:kitchen_faucet similar:4 route:product"),

    # ---------------- compare ----------------
    # compare: "{ord1} or {ord2}, what do you reckon?"
    ("a", ["earphones under 1500"], "first or third, what do you reckon?", "kind:earphones max:1500 route:compare compare:1,3"),
    ("f", ["shorts for women under 1000"], "second or fourth, what do you reckon?", "kind:shorts audience:women max:1000 route:compare compare:2,4"),
    # compare: "I'm torn — #{pos1} or #{pos2}?"
    ("b", ["tea under 500"], "I'm torn — #1 or #3?", "kind:tea max:500 route:compare compare:1,3"),
    ("h", ["kitchen faucet"], "I'm torn — #2 or #4?", "kind:kitchen_faucet route:compare compare:2,4"),
    # compare: "how do the {ord1} and {ord2} stack up?"
    ("a", ["earphones under 1500"], "how do the first and second stack up?", "kind:earphones max:1500 route:compare compare:1,2"),
    ("h", ["kitchen faucet"], "how do the third and first stack up?", "kind:kitchen_faucet route:compare compare:1,3"),
    # compare: "{sbrand1} or {sbrand2} — which one should I go for?"
    ("a", ["earphones under 1500"], "boat or oneplus — which one should I go for?", "kind:earphones max:1500 route:compare compare:1,3"),
    ("f", ["shorts for women under 1000"], "alisha or carrel — which one should I go for?", "kind:shorts audience:women max:1000 route:compare compare:1,4"),
    # compare: "weigh up the {ord1} against the {ord2} for me"
    ("f", ["shorts for women under 1000"], "weigh up the third against the first for me", "kind:shorts audience:women max:1000 route:compare compare:1,3"),
    ("b", ["tea under 500"], "weigh up the second against the fourth for me", "kind:tea max:500 route:compare compare:2,4"),
    # compare: "head to head: the {ord1} and the {ord2}"
    ("a", ["earphones under 1500"], "head to head: the second and the fourth", "kind:earphones max:1500 route:compare compare:2,4"),
    ("h", ["kitchen faucet"], "head to head: the first and the second", "kind:kitchen_faucet route:compare compare:1,2"),
    # compare: "how does #{pos1} measure up to #{pos2}?"
    ("f", ["shorts for women under 1000"], "how does #3 measure up to #2?", "kind:shorts audience:women max:1000 route:compare compare:2,3"),
    ("b", ["tea under 500"], "how does #4 measure up to #1?", "kind:tea max:500 route:compare compare:1,4"),
    # compare: "is the {ord1} one worth it over the {ord2}?"
    ("a", ["earphones under 1500"], "is the third one worth it over the first?", "kind:earphones max:1500 route:compare compare:1,3"),
    ("b", ["tea under 500"], "is the first one worth it over the second?", "kind:tea max:500 route:compare compare:1,2"),
    # compare: "out of these four, which would you pick?"
    ("f", ["shorts for women under 1000"], "out of these four, which would you pick?", "kind:shorts audience:women max:1000 route:compare compare:1,2,3,4"),
    ("h", ["kitchen faucet"], "out of these four, which would you pick?", "kind:kitchen_faucet route:compare compare:1,2,3,4"),
    # compare: "contrast the {ord1} with the {ord2}"
    ("a", ["earphones under 1500"], "contrast the first with the fourth", "kind:earphones max:1500 route:compare compare:1,4"),
    ("h", ["kitchen faucet"], "contrast the second with the third", "kind:kitchen_faucet route:compare compare:2,3"),
    # compare: "help me decide: {ord1}, {ord2} or {ord3}"
    ("f", ["shorts for women under 1000"], "help me decide: first, second or third", "kind:shorts audience:women max:1000 route:compare compare:1,2,3"),
    ("b", ["tea under 500"], "help me decide: 2nd, 3rd or 4th", "kind:tea max:500 route:compare compare:2,3,4"),
    # compare: "what sets the {ord1} apart from the {ord2}?"
    ("a", ["earphones under 1500"], "what sets the second apart from the third?", "kind:earphones max:1500 route:compare compare:2,3"),
    ("f", ["shorts for women under 1000"], "what sets the first apart from the second?", "kind:shorts audience:women max:1000 route:compare compare:1,2"),

    # ---------------- pricier ----------------
    # pricier: "got anything classier than these?"
    ("f", ["shorts for women under 1000"], "got anything classier than these?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("a", ["earphones under 1500"], "got anything classier than these?", "kind:earphones min:>499 max:any op:pricier"),
    # pricier: "anything a tier above the {ord} one?"
    ("a", ["earphones under 1500"], "anything a tier above the second one?", "kind:earphones min:>999 max:any op:pricier"),
    ("b", ["tea under 500"], "anything a tier above the third one?", "kind:tea min:>310 max:any op:pricier"),
    # pricier: "I'd like to see ones at a higher price point"
    ("b", ["tea under 500"], "I'd like to see ones at a higher price point", "kind:tea min:>180 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "I'd like to see ones at a higher price point", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # pricier: "in the mood to splurge, show me the pricey stuff"
    ("a", ["earphones under 1500"], "in the mood to splurge, show me the pricey stuff", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "in the mood to splurge, show me the pricey stuff", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # pricier: "anything dearer than the {ord} one?"
    ("f", ["shorts for women under 1000"], "anything dearer than the third one?", "kind:shorts audience:women min:>849 max:any op:pricier"),
    ("b", ["tea under 500"], "anything dearer than the first one?", "kind:tea min:>560 max:any op:pricier"),
    # pricier: "anything priced above the {sbrand} one?"
    ("a", ["earphones under 1500"], "anything priced above the boult one?", "kind:earphones min:>999 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "anything priced above the dressberry one?", "kind:shorts audience:women min:>599 max:any op:pricier"),
    # pricier: "let's go up a notch price-wise"
    ("b", ["tea under 500"], "let's go up a notch price-wise", "kind:tea min:>180 max:any op:pricier"),
    ("a", ["earphones under 1500"], "let's go up a notch price-wise", "kind:earphones min:>499 max:any op:pricier"),
    # pricier: "happy to pay extra for something nicer"
    ("a", ["earphones under 1500"], "happy to pay extra for something nicer", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "happy to pay extra for something nicer", "kind:tea min:>180 max:any op:pricier"),
    # pricier: "anything that costs more than the {ord} one?"
    ("b", ["tea under 500"], "anything that costs more than the second one?", "kind:tea min:>250 max:any op:pricier"),
    ("a", ["earphones under 1500"], "anything that costs more than the first one?", "kind:earphones min:>1299 max:any op:pricier"),
    # pricier: "what would be an upgrade on the {ord} one?"
    ("a", ["earphones under 1500"], "what would be an upgrade on the fourth one?", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "what would be an upgrade on the first one?", "kind:shorts audience:women min:>379 max:any op:pricier"),
    # pricier: "show me the posh ones"
    ("f", ["shorts for women under 1000"], "show me the posh ones", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("b", ["tea under 500"], "show me the posh ones", "kind:tea min:>180 max:any op:pricier"),
    # pricier: "anything north of the {ord} one price-wise?"
    ("a", ["earphones under 1500"], "anything north of the third one price-wise?", "kind:earphones min:>1999 max:any op:pricier"),
    ("b", ["tea under 500"], "anything north of the fourth one price-wise?", "kind:tea min:>180 max:any op:pricier"),

    # ---------------- add ----------------
    # add: "has to be {color}"
    ("f", ["shorts for women under 1000"], "has to be black", "kind:shorts audience:women max:1000 color:black"),
    ("h", ["kitchen faucet"], "has to be chrome", "kind:kitchen_faucet color:chrome"),
    # add: "{color}'s my colour"
    ("f", ["shorts for women under 1000"], "navy's my colour", "kind:shorts audience:women max:1000 color:navy"),
    ("a", ["earphones under 1500"], "white's my colour", "kind:earphones max:1500 color:white"),
    # add: "{color}, to match my {thing}"
    ("h", ["kitchen faucet"], "bronze, to match the rest of my kitchen", "kind:kitchen_faucet color:bronze"),
    ("a", ["earphones under 1500"], "silver, to match my phone", "kind:earphones max:1500 color:silver"),
    # add: "{color} or {color2}, either works"
    ("a", ["earphones under 1500"], "black or blue, either works", "kind:earphones max:1500 color:black,blue"),
    ("h", ["kitchen faucet"], "nickel or chrome, either works", "kind:kitchen_faucet color:nickel,chrome"),
    # add: "I swear by {brand}"
    ("a", ["earphones under 1500"], "I swear by JBL", "kind:earphones max:1500 brand:jbl"),
    ("b", ["tea under 500"], "i swear by red label", "kind:tea max:500 brand:red_label"),
    # add: "stick to {brand}"
    ("f", ["shorts for women under 1000"], "stick to libas", "kind:shorts audience:women max:1000 brand:libas"),
    ("b", ["tea under 500"], "stick to tetley", "kind:tea max:500 brand:tetley"),
    # add: "I'm a {brand} loyalist"
    ("a", ["earphones under 1500"], "I'm a boAt loyalist", "kind:earphones max:1500 brand:boat"),
    ("f", ["shorts for women under 1000"], "I'm an Asics loyalist", "kind:shorts audience:women max:1000 brand:asics"),
    # add: "swap these for {brand} ones"
    ("a", ["earphones under 1500"], "swap these for noise ones", "kind:earphones max:1500 brand:noise"),
    ("b", ["tea under 500"], "swap these for tata tea ones", "kind:tea max:500 brand:tata_tea"),
    # add: "pure {material} please"
    ("f", ["shorts for women under 1000"], "pure cotton please", "kind:shorts audience:women max:1000 material:cotton"),
    ("h", ["kitchen faucet"], "pure brass please", "kind:kitchen_faucet material:brass"),
    # add: "let's go with {material}"
    ("f", ["shorts for women under 1000"], "let's go with denim", "kind:shorts audience:women max:1000 material:denim"),
    ("h", ["kitchen faucet"], "let's go with stainless steel", "kind:kitchen_faucet material:stainless_steel"),
    # add: "starting from {price}"
    ("a", ["earphones under 1500"], "starting from 700", "kind:earphones min:700 max:1500"),
    ("b", ["tea under 500"], "starting from 200", "kind:tea min:200 max:500"),
    # add: "{price} tops"
    ("a", ["earphones under 1500"], "1200 tops", "kind:earphones max:1200"),
    ("f", ["shorts for women under 1000"], "800 tops", "kind:shorts audience:women max:800"),
    ("a", ["earphones under 1500"], "can you go up a notch in price?", "kind:earphones op:pricier min:>499 max:any"),
    ("b", ["tea under 500"], "something a tier above these", "kind:tea op:pricier min:>180 max:any"),
    ("f", ["shorts for women under 1000"], "take it up a level", "kind:shorts audience:women op:pricier min:>299 max:any"),
]

# Rounds 35 and 36, the same way again, with the cue words of rounds 32-34 listed as ones not to use too. Round 35
# (exclude, similar, compare; 96 cases): 47 right on first run; round 36 (pricier, add, reset; 96): 73 once "op:reset"
# was read as the bank reads a new subject (by its state; the rules name it new_subject). Fixes: judgments after a
# value ("X never lasts long", "rose gold always looks tacky to me", "both let me down", "wool makes my skin itch",
# "Tetley? none of that"), "spare me the plastic ones", "I'm over Boult", "if it's red, hide it", "refuses to touch";
# similar-cues ("variations on no. 2", "other takes on", "cousins of", "counterparts to", "as a reference", "more where
# the second one came from", "shares the design of", "could pass for", "fits the mould of", "more of its kind", "the
# sort of thing I want", "echoes", "ilk"; one item named and "more of those" / "any more?"); "measures up to", "which of
# the four gets your vote?", "the top one" names no type Top; pricier idioms ("big spenders", "spendier", "lavish",
# "big-ticket", "swankier", "the upper end", "the next price bracket up", "set you back a bit more", "these are all
# entry-level", "paying for something sturdier", "make the OnePlus one look cheap"); gifts asked without the word
# ("what could I get my dad? he's mad about cooking"); "help me pick a toaster as well" is another subject.
CASES += [
    # {brand} never lasts long
    ('a', ['earphones under 1500'], 'Portronics never lasts long', 'kind:earphones max:1500 -brand:portronics'),
    ('f', ['shorts for women under 1000'], 'Dressberry never lasts long', 'kind:shorts audience:women max:1000 -brand:dressberry'),
    # {color} always looks tacky to me
    ('a', ['earphones under 1500'], 'rose gold always looks tacky to me', 'kind:earphones max:1500 -color:rose_gold'),
    ('h', ['kitchen faucet'], 'brown always looks tacky to me', 'kind:kitchen_faucet -color:brown'),
    # is there one that isn't {brand}?
    ('a', ['earphones under 1500'], "is there one that isn't boAt?", 'kind:earphones max:1500 -brand:boat'),
    ('b', ['tea under 500'], "is there one that isn't Tata Tea?", 'kind:tea max:500 -brand:tata_tea'),
    # if it's {color}, hide it
    ('f', ['shorts for women under 1000'], "if it's red, hide it", 'kind:shorts audience:women max:1000 -color:red'),
    ('h', ['kitchen faucet'], "if it's chrome, hide it", 'kind:kitchen_faucet -color:chrome'),
    # my roommate refuses to touch {brand}
    ('a', ['earphones under 1500'], 'my roommate refuses to touch JBL', 'kind:earphones max:1500 -brand:jbl'),
    ('b', ['tea under 500'], 'my roommate refuses to touch Tetley', 'kind:tea max:500 -brand:tetley'),
    # {material} makes my skin itch
    ('f', ['shorts for women under 1000'], 'wool makes my skin itch', 'kind:shorts audience:women max:1000 -material:wool'),
    ('a', ['earphones under 1500'], 'silicone makes my skin itch', 'kind:earphones max:1500 -material:silicone'),
    # strike {brand} off the list
    ('a', ['earphones under 1500'], 'strike Noise off the list', 'kind:earphones max:1500 -brand:noise'),
    ('f', ['shorts for women under 1000'], 'strike Carrel off the list', 'kind:shorts audience:women max:1000 -brand:carrel'),
    # filter out anything {color}
    ('a', ['earphones under 1500'], 'filter out anything white', 'kind:earphones max:1500 -color:white'),
    ('h', ['kitchen faucet'], 'filter out anything bronze', 'kind:kitchen_faucet -color:bronze'),
    # {color} is a dealbreaker
    ('f', ['shorts for women under 1000'], 'beige is a dealbreaker', 'kind:shorts audience:women max:1000 -color:beige'),
    ('h', ['kitchen faucet'], 'nickel is a dealbreaker', 'kind:kitchen_faucet -color:nickel'),
    # spare me the {material} ones
    ('h', ['kitchen faucet'], 'spare me the plastic ones', 'kind:kitchen_faucet -material:plastic'),
    ('a', ['earphones under 1500'], 'spare me the plastic ones', 'kind:earphones max:1500 -material:plastic'),
    # I'm over {brand}
    ('a', ['earphones under 1500'], "I'm over Boult", 'kind:earphones max:1500 -brand:boult'),
    ('b', ['tea under 500'], "I'm over Red Label", 'kind:tea max:500 -brand:red_label'),
    # get rid of the {color} ones
    ('a', ['earphones under 1500'], 'get rid of the black ones', 'kind:earphones max:1500 -color:black'),
    ('f', ['shorts for women under 1000'], 'get rid of the pink ones', 'kind:shorts audience:women max:1000 -color:pink'),
    # something {material}-free, please
    ('h', ['kitchen faucet'], 'something plastic-free, please', 'kind:kitchen_faucet -material:plastic'),
    ('f', ['shorts for women under 1000'], 'something polyester-free, please', 'kind:shorts audience:women max:1000 -material:polyester'),
    # {brand}? none of that, please
    ('b', ['tea under 500'], 'Tetley? none of that, please', 'kind:tea max:500 -brand:tetley'),
    ('f', ['shorts for women under 1000'], 'Libas? none of that, please', 'kind:shorts audience:women max:1000 -brand:libas'),
    # weed out the {brand} stuff
    ('a', ['earphones under 1500'], 'weed out the Zebronics stuff', 'kind:earphones max:1500 -brand:zebronics'),
    ('b', ['tea under 500'], 'weed out the Tata Tea stuff', 'kind:tea max:500 -brand:tata_tea'),
    # {brand} and {brand2} both let me down
    ('a', ['earphones under 1500'], 'boAt and Boult both let me down', 'kind:earphones max:1500 -brand:boat,boult'),
    ('b', ['tea under 500'], 'Tata Tea and Red Label both let me down', 'kind:tea max:500 -brand:tata_tea,red_label'),
    # the {ordinal} one — more of those
    ('f', ['shorts for women under 1000'], 'the second one — more of those', 'kind:shorts audience:women max:1000 similar:2 route:product'),
    ('a', ['earphones under 1500'], 'the third one — more of those', 'kind:earphones max:1500 similar:3 route:product'),
    # variations on no. {pos}, please
    ('a', ['earphones under 1500'], 'variations on no. 2, please', 'kind:earphones max:1500 similar:2 route:product'),
    ('h', ['kitchen faucet'], 'variations on no. 3, please', 'kind:kitchen_faucet similar:3 route:product'),
    # item {pos} hits the spot; show me more in that direction
    ('b', ['tea under 500'], 'item 1 hits the spot; show me more in that direction', 'kind:tea max:500 similar:1 route:product'),
    ('h', ['kitchen faucet'], 'item 4 hits the spot; show me more in that direction', 'kind:kitchen_faucet similar:4 route:product'),
    # show me other takes on the bottom one
    ('a', ['earphones under 1500'], 'show me other takes on the bottom one', 'kind:earphones max:1500 similar:4 route:product'),
    ('f', ['shorts for women under 1000'], 'show me other takes on the bottom one', 'kind:shorts audience:women max:1000 similar:4 route:product'),
    # use #{pos} as a reference and find more
    ('f', ['shorts for women under 1000'], 'use #3 as a reference and find more', 'kind:shorts audience:women max:1000 similar:3 route:product'),
    ('h', ['kitchen faucet'], 'use #2 as a reference and find more', 'kind:kitchen_faucet similar:2 route:product'),
    # more where the {ordinal} one came from
    ('b', ['tea under 500'], 'more where the second one came from', 'kind:tea max:500 similar:2 route:product'),
    ('h', ['kitchen faucet'], 'more where the first one came from', 'kind:kitchen_faucet similar:1 route:product'),
    # anything that shares the design of the {ordinal} one?
    ('a', ['earphones under 1500'], 'anything that shares the design of the fourth one?', 'kind:earphones max:1500 similar:4 route:product'),
    ('h', ['kitchen faucet'], 'anything that shares the design of the third one?', 'kind:kitchen_faucet similar:3 route:product'),
    # I'm after something that could pass for the {sbrand} one
    ('a', ['earphones under 1500'], "I'm after something that could pass for the pTron one", 'kind:earphones max:1500 similar:4 route:product'),
    ('f', ['shorts for women under 1000'], "I'm after something that could pass for the Mast & Harbour one", 'kind:shorts audience:women max:1000 similar:3 route:product'),
    # what else fits the mould of the {scolor} one?
    ('f', ['shorts for women under 1000'], 'what else fits the mould of the pink one?', 'kind:shorts audience:women max:1000 similar:4 route:product'),
    ('h', ['kitchen faucet'], 'what else fits the mould of the nickel one?', 'kind:kitchen_faucet similar:2 route:product'),
    # the ₹{sprice} one is spot on — find me more of its kind
    ('a', ['earphones under 1500'], 'the ₹999 one is spot on — find me more of its kind', 'kind:earphones max:1500 similar:2 route:product'),
    ('b', ['tea under 500'], 'the ₹310 one is spot on — find me more of its kind', 'kind:tea max:500 similar:3 route:product'),
    # could you dig up a few cousins of the {ordinal} one?
    ('a', ['earphones under 1500'], 'could you dig up a few cousins of the first one?', 'kind:earphones max:1500 similar:1 route:product'),
    ('f', ['shorts for women under 1000'], 'could you dig up a few cousins of the fourth one?', 'kind:shorts audience:women max:1000 similar:4 route:product'),
    # find counterparts to the {ordinal} one
    ('b', ['tea under 500'], 'find counterparts to the third one', 'kind:tea max:500 similar:3 route:product'),
    ('h', ['kitchen faucet'], 'find counterparts to the second one', 'kind:kitchen_faucet similar:2 route:product'),
    # the {ordinal} one is the sort of thing I want — any more?
    ('f', ['shorts for women under 1000'], 'the third one is the sort of thing I want — any more?', 'kind:shorts audience:women max:1000 similar:3 route:product'),
    ('b', ['tea under 500'], 'the first one is the sort of thing I want — any more?', 'kind:tea max:500 similar:1 route:product'),
    # anything that echoes the {ordinal} one?
    ('a', ['earphones under 1500'], 'anything that echoes the second one?', 'kind:earphones max:1500 similar:2 route:product'),
    ('h', ['kitchen faucet'], 'anything that echoes the fourth one?', 'kind:kitchen_faucet similar:4 route:product'),
    # more of the {ordinal} one's ilk, please
    ('b', ['tea under 500'], "more of the second one's ilk, please", 'kind:tea max:500 similar:2 route:product'),
    ('f', ['shorts for women under 1000'], "more of the first one's ilk, please", 'kind:shorts audience:women max:1000 similar:1 route:product'),
    # what's the nearest thing to the {ordinal} one?
    ('f', ['shorts for women under 1000'], "what's the nearest thing to the second one?", 'kind:shorts audience:women max:1000 similar:2 route:product'),
    ('h', ['kitchen faucet'], "what's the nearest thing to the first one?", 'kind:kitchen_faucet similar:1 route:product'),
    # I'm torn between the {ord1} and the {ord2} one
    ('a', ['earphones under 1500'], "I'm torn between the first and the third one", 'kind:earphones max:1500 route:compare compare:1,3'),
    ('f', ['shorts for women under 1000'], "I'm torn between the second and the fourth one", 'kind:shorts audience:women max:1000 route:compare compare:2,4'),
    # help me pick one of the top two
    ('b', ['tea under 500'], 'help me pick one of the top two', 'kind:tea max:500 route:compare compare:1,2'),
    ('h', ['kitchen faucet'], 'help me pick one of the top two', 'kind:kitchen_faucet route:compare compare:1,2'),
    # should I get the {sbrand1} one or the {sbrand2} one?
    ('a', ['earphones under 1500'], 'should I get the boAt one or the OnePlus one?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'should I get the Red Label one or the Tetley one?', 'kind:tea max:500 route:compare compare:2,4'),
    # what does #{p1} have that #{p2} doesn't?
    ('f', ['shorts for women under 1000'], "what does #3 have that #1 doesn't?", 'kind:shorts audience:women max:1000 route:compare compare:1,3'),
    ('h', ['kitchen faucet'], "what does #4 have that #2 doesn't?", 'kind:kitchen_faucet route:compare compare:2,4'),
    # the last two: which wins?
    ('a', ['earphones under 1500'], 'the last two: which wins?', 'kind:earphones max:1500 route:compare compare:3,4'),
    ('b', ['tea under 500'], 'the last two: which wins?', 'kind:tea max:500 route:compare compare:3,4'),
    # I keep going back and forth on the {ord1} and {ord2}
    ('a', ['earphones under 1500'], 'I keep going back and forth on the second and fourth', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000'], 'I keep going back and forth on the first and second', 'kind:shorts audience:women max:1000 route:compare compare:1,2'),
    # pit the {ord1} against the {ord2}
    ('b', ['tea under 500'], 'pit the first against the third', 'kind:tea max:500 route:compare compare:1,3'),
    ('h', ['kitchen faucet'], 'pit the first against the fourth', 'kind:kitchen_faucet route:compare compare:1,4'),
    # I can't tell #{p1} and #{p2} apart
    ('b', ['tea under 500'], "I can't tell #1 and #3 apart", 'kind:tea max:500 route:compare compare:1,3'),
    ('h', ['kitchen faucet'], "I can't tell #2 and #3 apart", 'kind:kitchen_faucet route:compare compare:2,3'),
    # does no. {p1} beat no. {p2}?
    ('a', ['earphones under 1500'], 'does no. 1 beat no. 2?', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('b', ['tea under 500'], 'does no. 4 beat no. 2?', 'kind:tea max:500 route:compare compare:2,4'),
    # tell me how the top one measures up to the bottom one
    ('f', ['shorts for women under 1000'], 'tell me how the top one measures up to the bottom one', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    ('h', ['kitchen faucet'], 'tell me how the top one measures up to the bottom one', 'kind:kitchen_faucet route:compare compare:1,4'),
    # if you were me, would you buy no. {p1} or no. {p2}?
    ('b', ['tea under 500'], 'if you were me, would you buy no. 1 or no. 2?', 'kind:tea max:500 route:compare compare:1,2'),
    ('a', ['earphones under 1500'], 'if you were me, would you buy no. 3 or no. 4?', 'kind:earphones max:1500 route:compare compare:3,4'),
    # trade-offs between item {p1} and item {p2}?
    ('f', ['shorts for women under 1000'], 'trade-offs between item 2 and item 3?', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('h', ['kitchen faucet'], 'trade-offs between item 1 and item 3?', 'kind:kitchen_faucet route:compare compare:1,3'),
    # put the first three in a table for me
    ('a', ['earphones under 1500'], 'put the first three in a table for me', 'kind:earphones max:1500 route:compare compare:1,2,3'),
    ('h', ['kitchen faucet'], 'put the first three in a table for me', 'kind:kitchen_faucet route:compare compare:1,2,3'),
    # is the {ord2} one worth the extra over the {ord1}? (ord2 pricier)
    ('a', ['earphones under 1500'], 'is the third one worth the extra over the first?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('f', ['shorts for women under 1000'], 'is the third one worth the extra over the second?', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    # the {ord1} one or the {ord2} one? I can't decide
    ('b', ['tea under 500'], "the second one or the third one? I can't decide", 'kind:tea max:500 route:compare compare:2,3'),
    ('h', ['kitchen faucet'], "the third one or the fourth one? I can't decide", 'kind:kitchen_faucet route:compare compare:3,4'),
    # which of the four gets your vote?
    ('a', ['earphones under 1500'], 'which of the four gets your vote?', 'kind:earphones max:1500 route:compare compare:1,2,3,4'),
    ('f', ['shorts for women under 1000'], 'which of the four gets your vote?', 'kind:shorts audience:women max:1000 route:compare compare:1,2,3,4'),
    # ===== pricier =====
    # show me what the big spenders buy
    ("a", ["earphones under 1500"], "show me what the big spenders buy", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "show me what the big spenders buy", "kind:tea min:>180 max:any op:pricier"),
    # what's your top-shelf stuff?
    ("f", ["shorts for women under 1000"], "what's your top-shelf stuff?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("b", ["tea under 500"], "what's your top-shelf stuff?", "kind:tea min:>180 max:any op:pricier"),
    # I want to treat myself, show me something nicer than these
    ("a", ["earphones under 1500"], "I want to treat myself, show me something nicer than these", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "I want to treat myself, show me something nicer than these", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # anything that costs more than #{pos}?
    ("a", ["earphones under 1500"], "anything that costs more than #2?", "kind:earphones min:>999 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "anything that costs more than #1?", "kind:shorts audience:women min:>379 max:any op:pricier"),
    # a cut above the {ord} one, please
    ("f", ["shorts for women under 1000"], "a cut above the third one, please", "kind:shorts audience:women min:>849 max:any op:pricier"),
    ("b", ["tea under 500"], "a cut above the first one, please", "kind:tea min:>560 max:any op:pricier"),
    # got anything dearer?
    ("a", ["earphones under 1500"], "got anything dearer?", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "got anything dearer?", "kind:tea min:>180 max:any op:pricier"),
    # something spendier?
    ("f", ["shorts for women under 1000"], "something spendier?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("a", ["earphones under 1500"], "something spendier?", "kind:earphones min:>499 max:any op:pricier"),
    # show me the more lavish options
    ("b", ["tea under 500"], "show me the more lavish options", "kind:tea min:>180 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "show me the more lavish options", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # any big-ticket ones?
    ("a", ["earphones under 1500"], "any big-ticket ones?", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "any big-ticket ones?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # got anything swankier?
    ("f", ["shorts for women under 1000"], "got anything swankier?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("a", ["earphones under 1500"], "got anything swankier?", "kind:earphones min:>499 max:any op:pricier"),
    # price-wise, go higher than the {ord} one
    ("b", ["tea under 500"], "price-wise, go higher than the second one", "kind:tea min:>250 max:any op:pricier"),
    ("a", ["earphones under 1500"], "price-wise, go higher than the first one", "kind:earphones min:>1299 max:any op:pricier"),
    # these are all entry-level, what's in the next price bracket up?
    ("a", ["earphones under 1500"], "these are all entry-level, what's in the next price bracket up?", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "these are all entry-level, what's in the next price bracket up?", "kind:tea min:>180 max:any op:pricier"),
    # I want something that'd make the {sbrand} one look cheap
    ("a", ["earphones under 1500"], "I want something that'd make the OnePlus one look cheap", "kind:earphones min:>1999 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "I want something that'd make the Dressberry one look cheap", "kind:shorts audience:women min:>599 max:any op:pricier"),
    # show me ones that set you back a bit more
    ("b", ["tea under 500"], "show me ones that set you back a bit more", "kind:tea min:>180 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "show me ones that set you back a bit more", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # show me the upper end of the range
    ("a", ["earphones under 1500"], "show me the upper end of the range", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "show me the upper end of the range", "kind:tea min:>180 max:any op:pricier"),
    # these look flimsy, I don't mind paying for something sturdier
    ("a", ["earphones under 1500"], "these look flimsy, I don't mind paying for something sturdier", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "these look flimsy, I don't mind paying for something sturdier", "kind:shorts audience:women min:>299 max:any op:pricier"),

    # ===== add =====
    # any in {color}?
    ("a", ["earphones under 1500"], "any in white?", "kind:earphones max:1500 color:white"),
    ("h", ["kitchen faucet"], "any in bronze?", "kind:kitchen_faucet color:bronze"),
    # got it in {color}?
    ("f", ["shorts for women under 1000"], "got it in beige?", "kind:shorts audience:women max:1000 color:beige"),
    ("h", ["kitchen faucet"], "got it in black?", "kind:kitchen_faucet color:black"),
    # is there a {brand} one?
    ("a", ["earphones under 1500"], "is there a JBL one?", "kind:earphones max:1500 brand:jbl"),
    ("b", ["tea under 500"], "is there a Red Label one?", "kind:tea max:500 brand:red_label"),
    # must be {material}
    ("f", ["shorts for women under 1000"], "must be cotton", "kind:shorts audience:women max:1000 material:cotton"),
    ("h", ["kitchen faucet"], "must be brass", "kind:kitchen_faucet material:brass"),
    # has to be {brand}
    ("b", ["tea under 500"], "has to be Tetley", "kind:tea max:500 brand:tetley"),
    ("f", ["shorts for women under 1000"], "has to be Dressberry", "kind:shorts audience:women max:1000 brand:dressberry"),
    # make sure it's {color}
    ("a", ["earphones under 1500"], "make sure it's grey", "kind:earphones max:1500 color:grey"),
    ("f", ["shorts for women under 1000"], "make sure it's maroon", "kind:shorts audience:women max:1000 color:maroon"),
    # needs to be {color} to match my {thing}
    ("f", ["shorts for women under 1000"], "needs to be navy to match my blazer", "kind:shorts audience:women max:1000 color:navy"),
    ("h", ["kitchen faucet"], "needs to be nickel to match my fridge", "kind:kitchen_faucet color:nickel"),
    # {color} would be nice
    ("a", ["earphones under 1500"], "red would be nice", "kind:earphones max:1500 color:red"),
    ("h", ["kitchen faucet"], "white would be nice", "kind:kitchen_faucet color:white"),
    # as long as it's {material}, I'm happy
    ("a", ["earphones under 1500"], "as long as it's silicone, I'm happy", "kind:earphones max:1500 material:silicone"),
    ("f", ["shorts for women under 1000"], "as long as it's denim, I'm happy", "kind:shorts audience:women max:1000 material:denim"),
    # one more thing — {material}
    ("f", ["shorts for women under 1000"], "one more thing — lycra", "kind:shorts audience:women max:1000 material:lycra"),
    ("h", ["kitchen faucet"], "one more thing — stainless steel", "kind:kitchen_faucet material:stainless_steel"),
    # does {brand} make any?
    ("a", ["earphones under 1500"], "does Noise make any?", "kind:earphones max:1500 brand:noise"),
    ("f", ["shorts for women under 1000"], "does Libas make any?", "kind:shorts audience:women max:1000 brand:libas"),
    # stick to {brand}, please
    ("f", ["shorts for women under 1000"], "stick to Alisha, please", "kind:shorts audience:women max:1000 brand:alisha"),
    ("a", ["earphones under 1500"], "stick to boAt, please", "kind:earphones max:1500 brand:boat"),
    # {brand} is my go-to
    ("b", ["tea under 500"], "Tata Tea is my go-to", "kind:tea max:500 brand:tata_tea"),
    ("a", ["earphones under 1500"], "Boult is my go-to", "kind:earphones max:1500 brand:boult"),
    # {material} is non-negotiable
    ("a", ["earphones under 1500"], "nylon is non-negotiable", "kind:earphones max:1500 material:nylon"),
    ("f", ["shorts for women under 1000"], "silk is non-negotiable", "kind:shorts audience:women max:1000 material:silk"),
    # either {color} or {color2} works
    ("f", ["shorts for women under 1000"], "either black or white works", "kind:shorts audience:women max:1000 color:black,white"),
    ("h", ["kitchen faucet"], "either chrome or nickel works", "kind:kitchen_faucet color:chrome,nickel"),
    # it should be {material}, it's easier to clean
    ("a", ["earphones under 1500"], "it should be stainless steel, it's easier to clean", "kind:earphones max:1500 material:stainless_steel"),
    ("f", ["shorts for women under 1000"], "it should be polyester, it's easier to clean", "kind:shorts audience:women max:1000 material:polyester"),

    # ===== reset =====
    # on another note, {type_pl}?
    ("a", ["earphones under 1500", "in black"], "on another note, kettles?", "kind:kettle"),
    ("h", ["kitchen faucet"], "on another note, ladders?", "kind:ladder"),
    # that's sorted; I'm also after {a_type}
    ("a", ["earphones under 1500", "no boult"], "that's sorted; I'm also after a power bank", "kind:power_bank -brand:boult"),
    ("f", ["shorts for women under 1000"], "that's sorted; I'm also after a kurti", "kind:kurti audience:women"),
    # different question: do you have {type_pl}?
    ("h", ["kitchen faucet"], "different question: do you have ceiling fans?", "kind:ceiling_fan"),
    ("b", ["tea under 500"], "different question: do you have biscuits?", "kind:biscuits"),
    # my next buy is {a_type}
    ("a", ["earphones under 1500"], "my next buy is a mixer grinder", "kind:mixer_grinder"),
    ("f", ["shorts for women under 1000", "in black"], "my next buy is loafers", "kind:loafers audience:women"),
    # for the {room} now: {a_type}
    ("a", ["earphones under 1500"], "for the kitchen now: a blender", "kind:blender"),
    ("h", ["kitchen faucet"], "for the bathroom now: a vanity", "kind:vanity"),
    # my {rel} is into {interest} — gift ideas?
    ("a", ["earphones under 1500"], "my sister is into fitness — gift ideas?", "audience:women"),
    ("f", ["shorts for women under 1000"], "my son is into cricket — gift ideas?", "audience:boys"),
    # {a_type} for my {rel}'s birthday
    ("a", ["earphones under 1500"], "a smartwatch for my dad's birthday", "kind:smartwatch audience:men"),
    ("f", ["shorts for women under 1000"], "a watch for my daughter's birthday", "kind:watch audience:girls"),
    # let's wipe the slate clean
    ("a", ["earphones under 1500", "no boult"], "let's wipe the slate clean", "op:reset"),
    ("f", ["shorts for women under 1000"], "let's wipe the slate clean", "op:reset"),
    # back to square one — {type_pl} this time
    ("f", ["shorts for women under 1000", "no alisha"], "back to square one — sunglasses this time", "kind:sunglasses"),
    ("b", ["tea under 500"], "back to square one — coffee this time", "kind:coffee"),
    # change of plan, I want {a_type}
    ("a", ["earphones under 1500"], "change of plan, I want a trimmer", "kind:trimmer"),
    ("b", ["tea under 500"], "change of plan, I want honey", "kind:honey"),
    # ok, onto {type_pl}
    ("b", ["tea under 500"], "ok, onto chips", "kind:chips"),
    ("h", ["kitchen faucet"], "ok, onto drills", "kind:drill"),
    # while I'm here, {type_pl}?
    ("f", ["shorts for women under 1000"], "while I'm here, heels?", "kind:heels audience:women"),
    ("a", ["earphones under 1500"], "while I'm here, speakers?", "kind:speaker"),
    # separately, I'm shopping for {a_type}
    ("b", ["tea under 500"], "separately, I'm shopping for shampoo", "kind:shampoo"),
    ("h", ["kitchen faucet"], "separately, I'm shopping for a mirror", "kind:mirror"),
    # help me pick {a_type} as well
    ("a", ["earphones under 1500"], "help me pick a toaster as well", "kind:toaster"),
    ("f", ["shorts for women under 1000"], "help me pick a dress as well", "kind:dress audience:women"),
    # {type_pl} — what've you got?
    ("b", ["tea under 500"], "ghee — what've you got?", "kind:ghee"),
    ("h", ["kitchen faucet"], "area rugs — what've you got?", "kind:area_rug"),
    # what could I get my {rel}? {pron}'s mad about {interest}
    ("f", ["shorts for women under 1000", "no alisha"], "what could I get my daughter? she's mad about dancing", "audience:girls -brand:alisha"),
    ("a", ["earphones under 1500", "no boult"], "what could I get my dad? he's mad about cooking", "audience:men -brand:boult"),
]

# Rounds 37 and 38: templates that vary how the value or the item is named and what surrounds the cue (preambles,
# politeness, "boAt's", "item #2", "option 4", "the 999 one", "the pink pair", "the cheapest and the priciest").
# Round 37 (exclude, similar; 80): 26 right on first run; round 38 (compare, pricier; 80): 49. Fixes: an empty
# alternative had crept into the post-negations while fixing (every value read as excluded: caught by these cases);
# "pink - nope" with an em dash, "X and Y are both out", "non-silicone", "filtering out", "veto", "nix", "keeping
# denim away from my results"; possessives name shown items ("in the same vein as boAt's", "Boult's is close", but
# "boAt's a no" is "is"); "that pTron pair"; "the one by Tetley"; "twins / clones of"; "in keeping with", "takes
# after", "built like it", "ticks the same boxes", "shares No. 2's profile", "same kind of thing as"; "is the priciest
# one really worth it over the cheapest?"; "Mast & Harbour's or Dressberry's - which fits better?"; "tough call
# between", "against each other", "spec by spec"; "dearer than boAt's", "costing more than option 2", "a bracket above
# No. 1", "higher range", "high-budget", "the dearest of these", "at a higher price". Left out, still wrong (16 of
# round 37): an item's brand or colour named through the item ("whoever makes item #2, cross that brand off", "No. 4's
# colour - spare me that shade", "the brand behind the red pair"), "that Boult pair put me off the whole brand",
# plural colours ("I'll pass on the browns and tans"), "strike X off the list, Y as well", "so is anything red".
CASES += [
    # E1: "ok thanks. {color} — nope."
    ("f", ["shorts for women under 1000"], "ok thanks. pink — nope.", "kind:shorts audience:women max:1000 -color:pink route:product"),
    ("h", ["kitchen faucet"], "ok thanks. chrome — nope.", "kind:kitchen_faucet -color:chrome route:product"),
    # E2: "hmm, neither {color} nor {color2}, please"
    ("a", ["earphones under 1500"], "hmm, neither red nor blue, please", "kind:earphones max:1500 -color:red -color:blue route:product"),
    ("h", ["kitchen faucet"], "hmm, neither bronze nor nickel, please", "kind:kitchen_faucet -color:bronze -color:nickel route:product"),
    # E3: "{brand} and {brand2} are both out"
    ("a", ["earphones under 1500"], "boAt and Boult are both out", "kind:earphones max:1500 -brand:boat -brand:boult route:product"),
    ("b", ["tea under 500"], "Tetley and Red Label are both out", "kind:tea max:500 -brand:tetley -brand:red_label route:product"),
    # E4: "could you please keep it {material}-free?"
    ("f", ["shorts for women under 1000"], "could you please keep it polyester-free?", "kind:shorts audience:women max:1000 -material:polyester route:product"),
    ("h", ["kitchen faucet"], "could you please keep it plastic-free?", "kind:kitchen_faucet -material:plastic route:product"),
    # E5: "anything non-{material} would be great"
    ("a", ["earphones under 1500"], "anything non-silicone would be great", "kind:earphones max:1500 -material:silicone route:product"),
    ("f", ["shorts for women under 1000"], "anything non-lycra would be great", "kind:shorts audience:women max:1000 -material:lycra route:product"),
    # E6: "would you mind filtering out {brand}?"
    ("a", ["earphones under 1500"], "would you mind filtering out pTron?", "kind:earphones max:1500 -brand:ptron route:product"),
    ("b", ["tea under 500"], "would you mind filtering out Tetley?", "kind:tea max:500 -brand:tetley route:product"),
    # E10: ctx adds {color0}; "cool cool, and veto {brand}"   (standing colour kept)
    ("a", ["earphones under 1500", "in black"], "cool cool, and veto Boult", "kind:earphones max:1500 color:black -brand:boult route:product"),
    ("f", ["shorts for women under 1000", "in blue"], "cool cool, and veto Dressberry", "kind:shorts audience:women max:1000 color:blue -brand:dressberry route:product"),
    # E11: ctx excludes {x0}; "{value} is a dealbreaker too"   (earlier exclusion kept)
    ("f", ["shorts for women under 1000", "no carrel"], "red is a dealbreaker too", "kind:shorts audience:women max:1000 -brand:carrel -color:red route:product"),
    ("h", ["kitchen faucet", "no chrome"], "brass is a dealbreaker too", "kind:kitchen_faucet -color:chrome -material:brass route:product"),
    # E12: "{brand}? nah — other brands, please"
    ("a", ["earphones under 1500"], "OnePlus? nah — other brands, please", "kind:earphones max:1500 -brand:oneplus route:product"),
    ("b", ["tea under 500"], "Red Label? nah — other brands, please", "kind:tea max:500 -brand:red_label route:product"),
    # E13: "no {material}-bodied ones, thanks"
    ("a", ["earphones under 1500"], "no plastic-bodied ones, thanks", "kind:earphones max:1500 -material:plastic route:product"),
    ("h", ["kitchen faucet"], "no brass-bodied ones, thanks", "kind:kitchen_faucet -material:brass route:product"),
    # E18: "would you mind keeping {material} away from my results?"
    ("f", ["shorts for women under 1000"], "would you mind keeping denim away from my results?", "kind:shorts audience:women max:1000 -material:denim route:product"),
    ("a", ["earphones under 1500"], "would you mind keeping nylon away from my results?", "kind:earphones max:1500 -material:nylon route:product"),
    # E19: "great, but nix anything {color}-coloured"
    ("a", ["earphones under 1500"], "great, but nix anything grey-coloured", "kind:earphones max:1500 -color:grey route:product"),
    ("h", ["kitchen faucet"], "great, but nix anything brown-coloured", "kind:kitchen_faucet -color:brown route:product"),
    # E20: "strike {brand} off the list, {brand2} as well"

    # S1: "ok thanks. got anything in the mould of item #{pos}?"
    ("a", ["earphones under 1500"], "ok thanks. got anything in the mould of item #3?", "kind:earphones max:1500 similar:3 route:product"),
    ("h", ["kitchen faucet"], "ok thanks. got anything in the mould of item #2?", "kind:kitchen_faucet similar:2 route:product"),
    # S2: "would you mind finding close cousins of No. {pos}?"
    ("f", ["shorts for women under 1000"], "would you mind finding close cousins of No. 2?", "kind:shorts audience:women max:1000 similar:2 route:product"),
    ("b", ["tea under 500"], "would you mind finding close cousins of No. 4?", "kind:tea max:500 similar:4 route:product"),
    # S3: "cool cool — more in the same vein as {brand}'s"   (adds no brand)
    ("a", ["earphones under 1500"], "cool cool — more in the same vein as boAt's", "kind:earphones max:1500 similar:1 route:product"),
    ("f", ["shorts for women under 1000"], "cool cool — more in the same vein as Dressberry's", "kind:shorts audience:women max:1000 similar:2 route:product"),
    # S4: "hmm, the ₹{price} one is nice — any close siblings of it?"
    ("a", ["earphones under 1500"], "hmm, the ₹999 one is nice — any close siblings of it?", "kind:earphones max:1500 similar:2 route:product"),
    ("f", ["shorts for women under 1000"], "hmm, the ₹849 one is nice — any close siblings of it?", "kind:shorts audience:women max:1000 similar:3 route:product"),
    # S5: "could you please pull up a few twins of the {color} pair?"   (adds no colour)
    ("f", ["shorts for women under 1000"], "could you please pull up a few twins of the pink pair?", "kind:shorts audience:women max:1000 similar:4 route:product"),
    ("a", ["earphones under 1500"], "could you please pull up a few twins of the blue pair?", "kind:earphones max:1500 similar:2 route:product"),
    # S6: "right — the last of them is close; more of that sort, please"
    ("b", ["tea under 500"], "right — the last of them is close; more of that sort, please", "kind:tea max:500 similar:4 route:product"),
    ("h", ["kitchen faucet"], "right — the last of them is close; more of that sort, please", "kind:kitchen_faucet similar:4 route:product"),
    # S7: ctx adds {color0}; "ok, and something close to option {pos}"   (standing colour kept)
    ("a", ["earphones under 1500", "in black"], "ok, and something close to option 3", "kind:earphones max:1500 color:black similar:3 route:product"),
    ("f", ["shorts for women under 1000", "in red"], "ok, and something close to option 3", "kind:shorts audience:women max:1000 color:red similar:3 route:product"),
    # S8: ctx excludes {xbrand0}; "thanks. the {brand} one is the right idea — more in that direction?"
    ("a", ["earphones under 1500", "no pTron"], "thanks. the OnePlus one is the right idea — more in that direction?", "kind:earphones max:1500 -brand:ptron similar:3 route:product"),
    ("b", ["tea under 500", "no tetley"], "thanks. the Red Label one is the right idea — more in that direction?", "kind:tea max:500 -brand:tetley similar:2 route:product"),
    # S9: "the {color} one looks right. would you mind showing variations on it?"
    ("h", ["kitchen faucet"], "the bronze one looks right. would you mind showing variations on it?", "kind:kitchen_faucet similar:3 route:product"),
    ("f", ["shorts for women under 1000"], "the black one looks right. would you mind showing variations on it?", "kind:shorts audience:women max:1000 similar:1 route:product"),
    # S10: "same kind of thing as No. {pos}, please"
    ("a", ["earphones under 1500"], "same kind of thing as No. 4, please", "kind:earphones max:1500 similar:4 route:product"),
    ("h", ["kitchen faucet"], "same kind of thing as No. 1, please", "kind:kitchen_faucet similar:1 route:product"),
    # S11: "hmm, option {pos} — anything matching that?"
    ("b", ["tea under 500"], "hmm, option 3 — anything matching that?", "kind:tea max:500 similar:3 route:product"),
    ("f", ["shorts for women under 1000"], "hmm, option 1 — anything matching that?", "kind:shorts audience:women max:1000 similar:1 route:product"),
    # S12: "{brand}'s is close — more of that ilk?"
    ("a", ["earphones under 1500"], "Boult's is close — more of that ilk?", "kind:earphones max:1500 similar:2 route:product"),
    ("b", ["tea under 500"], "Tetley's is close — more of that ilk?", "kind:tea max:500 similar:4 route:product"),
    # S13: "could you please dig up ones that echo the {ordinal} pick?"
    ("a", ["earphones under 1500"], "could you please dig up ones that echo the fourth pick?", "kind:earphones max:1500 similar:4 route:product"),
    ("h", ["kitchen faucet"], "could you please dig up ones that echo the second pick?", "kind:kitchen_faucet similar:2 route:product"),
    # S14: "the priciest of the four hits the spot — got others of its kind?"
    ("f", ["shorts for women under 1000"], "the priciest of the four hits the spot — got others of its kind?", "kind:shorts audience:women max:1000 similar:3 route:product"),
    ("b", ["tea under 500"], "the priciest of the four hits the spot — got others of its kind?", "kind:tea max:500 similar:1 route:product"),
    # S15: "show me a few in keeping with the {brand} pair"
    ("a", ["earphones under 1500"], "show me a few in keeping with the pTron pair", "kind:earphones max:1500 similar:4 route:product"),
    ("f", ["shorts for women under 1000"], "show me a few in keeping with the Alisha pair", "kind:shorts audience:women max:1000 similar:1 route:product"),
    # S16: "option {pos} is the template — find me others built like it"
    ("a", ["earphones under 1500"], "option 2 is the template — find me others built like it", "kind:earphones max:1500 similar:2 route:product"),
    ("h", ["kitchen faucet"], "option 4 is the template — find me others built like it", "kind:kitchen_faucet similar:4 route:product"),
    # S17: "would you kindly show me picks that take after the Rs {price} one?"
    ("a", ["earphones under 1500"], "would you kindly show me picks that take after the Rs 1299 one?", "kind:earphones max:1500 similar:1 route:product"),
    ("b", ["tea under 500"], "would you kindly show me picks that take after the Rs 310 one?", "kind:tea max:500 similar:3 route:product"),
    # S18: "item #{pos} — clones of that, please"
    ("a", ["earphones under 1500"], "item #1 — clones of that, please", "kind:earphones max:1500 similar:1 route:product"),
    ("f", ["shorts for women under 1000"], "item #3 — clones of that, please", "kind:shorts audience:women max:1000 similar:3 route:product"),
    # S19: ctx adds two constraints; "ok thanks — got others that tick the same boxes as the {item}?"   (all kept)
    ("a", ["earphones under 1500", "in black", "no boAt"], "ok thanks — got others that tick the same boxes as the one by OnePlus?", "kind:earphones max:1500 color:black -brand:boat similar:3 route:product"),
    ("h", ["kitchen faucet", "made of stainless steel"], "ok thanks — got others that tick the same boxes as the nickel one?", "kind:kitchen_faucet material:stainless_steel similar:2 route:product"),
    # S20: "could you please find ones that share No. {pos}'s profile?"
    ("b", ["tea under 500"], "could you please find ones that share No. 2's profile?", "kind:tea max:500 similar:2 route:product"),
    ("h", ["kitchen faucet"], "could you please find ones that share No. 3's profile?", "kind:kitchen_faucet similar:3 route:product"),
    # ok thanks. which of #{i} and #{j} has the better {property}?
    ("a", ["earphones under 1500"], "ok thanks. which of #1 and #3 has the better sound?", "kind:earphones max:1500 route:compare compare:1,3"),
    ("h", ["kitchen faucet"], "ok thanks. which of #1 and #3 has the better finish?", "kind:kitchen_faucet route:compare compare:1,3"),
    # is No. {i} or No. {j} {comparative property}?
    ("f", ["shorts for women under 1000"], "is No. 2 or No. 4 comfier?", "kind:shorts audience:women max:1000 route:compare compare:2,4"),
    ("h", ["kitchen faucet"], "is No. 2 or No. 4 more durable?", "kind:kitchen_faucet route:compare compare:2,4"),
    # I can't decide between {brand-named item} and {brand-named item}
    ("a", ["earphones under 1500"], "I can't decide between the boAt pair and the Boult pair", "kind:earphones max:1500 route:compare compare:1,2"),
    ("f", ["shorts for women under 1000"], "I can't decide between the Alisha ones and the Carrel ones", "kind:shorts audience:women max:1000 route:compare compare:1,4"),
    # help me choose: item #{i} or item #{j}
    ("a", ["earphones under 1500"], "help me choose: item #2 or item #4", "kind:earphones max:1500 route:compare compare:2,4"),
    ("b", ["tea under 500"], "help me choose: item #1 or item #3", "kind:tea max:500 route:compare compare:1,3"),
    # could you please line up the first and the last for me?
    ("a", ["earphones under 1500"], "could you please line up the first and the last for me?", "kind:earphones max:1500 route:compare compare:1,4"),
    ("f", ["shorts for women under 1000"], "could you please line up the first and the last for me?", "kind:shorts audience:women max:1000 route:compare compare:1,4"),
    # would you mind telling me what sets the top two apart?
    ("b", ["tea under 500"], "would you mind telling me what sets the top two apart?", "kind:tea max:500 route:compare compare:1,2"),
    ("h", ["kitchen faucet"], "would you mind telling me what sets the top two apart?", "kind:kitchen_faucet route:compare compare:1,2"),
    # hmm, of these four, which gives the most bang for the buck?
    ("a", ["earphones under 1500"], "hmm, of these four, which gives the most bang for the buck?", "kind:earphones max:1500 route:compare compare:1,2,3,4"),
    ("b", ["tea under 500"], "hmm, of these four, which gives the most bang for the buck?", "kind:tea max:500 route:compare compare:1,2,3,4"),
    # is the priciest one really worth it over the cheapest?   (a: priciest #3, cheapest #4; b: priciest #1, cheapest #4)
    ("a", ["earphones under 1500"], "is the priciest one really worth it over the cheapest?", "kind:earphones max:1500 route:compare compare:3,4"),
    ("b", ["tea under 500"], "is the priciest one really worth it over the cheapest?", "kind:tea max:500 route:compare compare:1,4"),
    # the ₹{price} one against the ₹{price2} one, please
    ("a", ["earphones under 1500"], "the ₹999 one against the ₹1999 one, please", "kind:earphones max:1500 route:compare compare:2,3"),
    ("f", ["shorts for women under 1000"], "the ₹849 one against the ₹379 one, please", "kind:shorts audience:women max:1000 route:compare compare:1,3"),
    # right — the {color} one(s) and the {color2} one(s): what are the trade-offs?
    ("a", ["earphones under 1500"], "right — the blue pair and the red pair: what are the trade-offs?", "kind:earphones max:1500 route:compare compare:2,4"),
    ("f", ["shorts for women under 1000"], "right — the blue ones and the red ones: what are the trade-offs?", "kind:shorts audience:women max:1000 route:compare compare:2,3"),
    # {brand}'s or {brand2}'s — which {property}?
    ("a", ["earphones under 1500"], "OnePlus's or Boult's — which lasts longer?", "kind:earphones max:1500 route:compare compare:2,3"),
    ("f", ["shorts for women under 1000"], "Mast & Harbour's or Dressberry's — which fits better?", "kind:shorts audience:women max:1000 route:compare compare:2,3"),
    # option {j} and option {i} — which one would suit me more?   (positions given in descending order)
    ("f", ["shorts for women under 1000"], "option 3 and option 1 — which one would suit me more?", "kind:shorts audience:women max:1000 route:compare compare:1,3"),
    ("h", ["kitchen faucet"], "option 3 and option 1 — which one would suit me more?", "kind:kitchen_faucet route:compare compare:1,3"),
    # of No. {i}, No. {j} and No. {k}, what would you pick and why?
    ("a", ["earphones under 1500"], "of No. 1, No. 2 and No. 4, what would you pick and why?", "kind:earphones max:1500 route:compare compare:1,2,4"),
    ("h", ["kitchen faucet"], "of No. 1, No. 2 and No. 4, what would you pick and why?", "kind:kitchen_faucet route:compare compare:1,2,4"),
    # please evaluate these four against each other
    ("f", ["shorts for women under 1000"], "please evaluate these four against each other", "kind:shorts audience:women max:1000 route:compare compare:1,2,3,4"),
    ("b", ["tea under 500"], "please evaluate these four against each other", "kind:tea max:500 route:compare compare:1,2,3,4"),
    # I'm torn between the {ord} and the {ord2}
    ("b", ["tea under 500"], "I'm torn between the second and the third", "kind:tea max:500 route:compare compare:2,3"),
    ("h", ["kitchen faucet"], "I'm torn between the second and the third", "kind:kitchen_faucet route:compare compare:2,3"),
    # tough call between that {brand} {unit} and the {brand2} one — thoughts?
    ("a", ["earphones under 1500"], "tough call between that pTron pair and the boAt one — thoughts?", "kind:earphones max:1500 route:compare compare:1,4"),
    ("b", ["tea under 500"], "tough call between that Tetley pack and the Red Label one — thoughts?", "kind:tea max:500 route:compare compare:2,4"),
    # #{i} and #{j} — what does one have that the other doesn't?
    ("a", ["earphones under 1500"], "#2 and #3 — what does one have that the other doesn't?", "kind:earphones max:1500 route:compare compare:2,3"),
    ("f", ["shorts for women under 1000"], "#2 and #3 — what does one have that the other doesn't?", "kind:shorts audience:women max:1000 route:compare compare:2,3"),
    # lay out all four in a table, spec by spec
    ("a", ["earphones under 1500"], "lay out all four in a table, spec by spec", "kind:earphones max:1500 route:compare compare:1,2,3,4"),
    ("h", ["kitchen faucet"], "lay out all four in a table, spec by spec", "kind:kitchen_faucet route:compare compare:1,2,3,4"),
    # is item {j} any worse than item {i}?
    ("f", ["shorts for women under 1000"], "is item 4 any worse than item 1?", "kind:shorts audience:women max:1000 route:compare compare:1,4"),
    ("b", ["tea under 500"], "is item 4 any worse than item 1?", "kind:tea max:500 route:compare compare:1,4"),
    # any real reason to pick No. {j} over No. {i}?
    ("a", ["earphones under 1500"], "any real reason to pick No. 3 over No. 2?", "kind:earphones max:1500 route:compare compare:2,3"),
    ("b", ["tea under 500"], "any real reason to pick No. 3 over No. 2?", "kind:tea max:500 route:compare compare:2,3"),

    # ok thanks. happy to spend more — show me the higher-priced lot
    ("a", ["earphones under 1500"], "ok thanks. happy to spend more — show me the higher-priced lot", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "ok thanks. happy to spend more — show me the higher-priced lot", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # hmm, something dearer than {brand}'s?
    ("a", ["earphones under 1500"], "hmm, something dearer than boAt's?", "kind:earphones min:>1299 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "hmm, something dearer than Dressberry's?", "kind:shorts audience:women min:>599 max:any op:pricier"),
    # could you please show me ones costing more than option {pos}?
    ("a", ["earphones under 1500"], "could you please show me ones costing more than option 2?", "kind:earphones min:>999 max:any op:pricier"),
    ("b", ["tea under 500"], "could you please show me ones costing more than option 2?", "kind:tea min:>250 max:any op:pricier"),
    # a bracket above No. {pos}, please
    ("a", ["earphones under 1500"], "a bracket above No. 1, please", "kind:earphones min:>1299 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "a bracket above No. 1, please", "kind:shorts audience:women min:>379 max:any op:pricier"),
    # show me higher range ones
    ("f", ["shorts for women under 1000"], "show me higher range ones", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("b", ["tea under 500"], "show me higher range ones", "kind:tea min:>180 max:any op:pricier"),
    # some more costly {noun} please
    ("a", ["earphones under 1500"], "some more costly models please", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "some more costly packs please", "kind:tea min:>180 max:any op:pricier"),
    # money's no issue — let me see the expensive stuff
    ("a", ["earphones under 1500"], "money's no issue — let me see the expensive stuff", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "money's no issue — let me see the expensive stuff", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # would you mind showing me a few that cost more than the ₹{price} one?
    ("a", ["earphones under 1500"], "would you mind showing me a few that cost more than the ₹999 one?", "kind:earphones min:>999 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "would you mind showing me a few that cost more than the ₹599 one?", "kind:shorts audience:women min:>599 max:any op:pricier"),
    # these all look a bit basic — got a higher price range?
    ("f", ["shorts for women under 1000"], "these all look a bit basic — got a higher price range?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("b", ["tea under 500"], "these all look a bit basic — got a higher price range?", "kind:tea min:>180 max:any op:pricier"),
    # I'm willing to pay more — what costs more than the {color} {unit}?
    ("a", ["earphones under 1500"], "I'm willing to pay more — what costs more than the red pair?", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "I'm willing to pay more — what costs more than the red ones?", "kind:shorts audience:women min:>849 max:any op:pricier"),
    # thanks, but can I see the next price band up?
    ("a", ["earphones under 1500"], "thanks, but can I see the next price band up?", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "thanks, but can I see the next price band up?", "kind:tea min:>180 max:any op:pricier"),
    # my budget can stretch — anything costing more than the cheapest one here?
    ("f", ["shorts for women under 1000"], "my budget can stretch — anything costing more than the cheapest one here?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("b", ["tea under 500"], "my budget can stretch — anything costing more than the cheapest one here?", "kind:tea min:>180 max:any op:pricier"),
    # hmm, got anything costing even more than the dearest of these?
    ("a", ["earphones under 1500"], "hmm, got anything costing even more than the dearest of these?", "kind:earphones min:>1999 max:any op:pricier"),
    ("b", ["tea under 500"], "hmm, got anything costing even more than the dearest of these?", "kind:tea min:>560 max:any op:pricier"),
    # kindly show some high-budget items
    ("a", ["earphones under 1500"], "kindly show some high-budget items", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "kindly show some high-budget items", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # I don't mind paying extra; show me stuff that costs more than #{pos}
    ("a", ["earphones under 1500"], "I don't mind paying extra; show me stuff that costs more than #3", "kind:earphones min:>1999 max:any op:pricier"),
    ("b", ["tea under 500"], "I don't mind paying extra; show me stuff that costs more than #3", "kind:tea min:>310 max:any op:pricier"),
    # what's there in the next segment up, price-wise?
    ("f", ["shorts for women under 1000"], "what's there in the next segment up, price-wise?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    ("b", ["tea under 500"], "what's there in the next segment up, price-wise?", "kind:tea min:>180 max:any op:pricier"),
    # got anything at a higher price point than the {brand} one?
    ("f", ["shorts for women under 1000"], "got anything at a higher price point than the Alisha one?", "kind:shorts audience:women min:>379 max:any op:pricier"),
    ("b", ["tea under 500"], "got anything at a higher price point than the Red Label one?", "kind:tea min:>250 max:any op:pricier"),
    # please show me some better-range items, cost is no bar
    ("a", ["earphones under 1500"], "please show me some better-range items, cost is no bar", "kind:earphones min:>499 max:any op:pricier"),
    ("b", ["tea under 500"], "please show me some better-range items, cost is no bar", "kind:tea min:>180 max:any op:pricier"),
    # no, these are too budget for me — what else is there at a higher price?
    ("a", ["earphones under 1500"], "no, these are too budget for me — what else is there at a higher price?", "kind:earphones min:>499 max:any op:pricier"),
    ("f", ["shorts for women under 1000"], "no, these are too budget for me — what else is there at a higher price?", "kind:shorts audience:women min:>299 max:any op:pricier"),
    # something that'll cost me more than the one by {brand}, please
    ("f", ["shorts for women under 1000"], "something that'll cost me more than the one by Mast & Harbour, please", "kind:shorts audience:women min:>849 max:any op:pricier"),
    ("b", ["tea under 500"], "something that'll cost me more than the one by Tetley, please", "kind:tea min:>180 max:any op:pricier"),
]

# Round 39: short chat messages (2-7 words) with abbreviations and Indian-English and Hinglish shorthand, for
# exclude, compare, pricier, add (96 cases): 51 right on first run. Fixes: "redmi nahi chahiye", "boat mat dikhao"
# ("yoga mat" stays a mat), "kaunsa lu, 1 ya 3?", "thode mehenge wale?"; "is dead to me", "is a turn-off", "sans",
# "eliminate", "strike off X n Y", "so over black"; "does boat edge out oneplus?", "match up 1 and 3", "confused b/w 1
# & 3", "what sets 1 apart from 2?", "rank all 4"; "heavier on the pocket", "ritzier", "spendy", "steeper-priced",
# "bigger-budget picks" (no budget-friendly), "beyond #2's price", "past the boat one, pricewise". Left out, still
# wrong: "zebronics fan here" (a liking, read as the type Fan).
CASES += [
    # hide {brand} pls
    ('a', ['earphones under 1500'], 'hide boult pls', 'kind:earphones max:1500 -brand:boult'),
    ('f', ['shorts for women under 1000'], 'hide dressberry pls', 'kind:shorts audience:women max:1000 -brand:dressberry'),
    # {brand} nahi chahiye
    ('a', ['earphones under 1500'], 'redmi nahi chahiye', 'kind:earphones max:1500 -brand:redmi'),
    ('b', ['tea under 500'], 'tetley nahi chahiye', 'kind:tea max:500 -brand:tetley'),
    # get rid of the {color} ones
    ('f', ['shorts for women under 1000'], 'get rid of the pink ones', 'kind:shorts audience:women max:1000 -color:pink'),
    ('h', ['kitchen faucet'], 'get rid of the bronze ones', 'kind:kitchen_faucet -color:bronze'),
    # {brand} is dead to me
    ('a', ['earphones under 1500'], 'jbl is dead to me', 'kind:earphones max:1500 -brand:jbl'),
    ('b', ['tea under 500'], 'red label is dead to me', 'kind:tea max:500 -brand:red_label'),
    # sans {material} pls
    ('f', ['shorts for women under 1000'], 'sans polyester pls', 'kind:shorts audience:women max:1000 -material:polyester'),
    ('h', ['kitchen faucet'], 'sans plastic pls', 'kind:kitchen_faucet -material:plastic'),
    # so over {color} tbh
    ('f', ['shorts for women under 1000'], 'so over black tbh', 'kind:shorts audience:women max:1000 -color:black'),
    ('a', ['earphones under 1500'], 'so over red tbh', 'kind:earphones max:1500 -color:red'),
    # cut {brand} from the list
    ('a', ['earphones under 1500'], 'cut ptron from the list', 'kind:earphones max:1500 -brand:ptron'),
    ('f', ['shorts for women under 1000'], 'cut carrel from the list', 'kind:shorts audience:women max:1000 -brand:carrel'),
    # {color} is a turn-off
    ('h', ['kitchen faucet'], 'chrome is a turn-off', 'kind:kitchen_faucet -color:chrome'),
    ('f', ['shorts for women under 1000'], 'maroon is a turn-off', 'kind:shorts audience:women max:1000 -color:maroon'),
    # {brand} mat dikhao
    ('a', ['earphones under 1500'], 'boat mat dikhao', 'kind:earphones max:1500 -brand:boat'),
    ('b', ['tea under 500'], 'tata tea mat dikhao', 'kind:tea max:500 -brand:tata_tea'),
    # eliminate {material} ones
    ('a', ['earphones under 1500'], 'eliminate plastic ones', 'kind:earphones max:1500 -material:plastic'),
    ('h', ['kitchen faucet'], 'eliminate brass ones', 'kind:kitchen_faucet -material:brass'),
    # i dislike {color}
    ('f', ['shorts for women under 1000'], 'i dislike yellow', 'kind:shorts audience:women max:1000 -color:yellow'),
    ('h', ['kitchen faucet'], 'i dislike nickel', 'kind:kitchen_faucet -color:nickel'),
    # strike off {brand} n {brand2}
    ('b', ['tea under 500'], 'strike off tetley n red label', 'kind:tea max:500 -brand:tetley,red_label'),
    ('f', ['shorts for women under 1000'], 'strike off alisha n carrel', 'kind:shorts audience:women max:1000 -brand:alisha,carrel'),
    # kaunsa lu, {n} ya {m}?
    ('a', ['earphones under 1500'], 'kaunsa lu, 1 ya 3?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('f', ['shorts for women under 1000'], 'kaunsa lu, 2 ya 4?', 'kind:shorts audience:women max:1000 route:compare compare:2,4'),
    # does {sbrand1} edge out {sbrand2}?
    ('a', ['earphones under 1500'], 'does boat edge out oneplus?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'does red label edge out tetley?', 'kind:tea max:500 route:compare compare:2,4'),
    # match up {n} and {m}
    ('f', ['shorts for women under 1000'], 'match up 1 and 3', 'kind:shorts audience:women max:1000 route:compare compare:1,3'),
    ('h', ['kitchen faucet'], 'match up 2 and 4', 'kind:kitchen_faucet route:compare compare:2,4'),
    # {n} & {m} in a table pls
    ('a', ['earphones under 1500'], '2 & 4 in a table pls', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('h', ['kitchen faucet'], '1 & 3 in a table pls', 'kind:kitchen_faucet route:compare compare:1,3'),
    # confused b/w {n} & {m}
    ('b', ['tea under 500'], 'confused b/w 1 & 3', 'kind:tea max:500 route:compare compare:1,3'),
    ('f', ['shorts for women under 1000'], 'confused b/w 1 & 4', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    # is #{n} worth it over #{m}?
    ('a', ['earphones under 1500'], 'is #3 worth it over #1?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'is #2 worth it over #4?', 'kind:tea max:500 route:compare compare:2,4'),
    # face-off: {ord1} and {ord2}
    ('h', ['kitchen faucet'], 'face-off: 1st and 4th', 'kind:kitchen_faucet route:compare compare:1,4'),
    ('a', ['earphones under 1500'], 'face-off: 2nd and 3rd', 'kind:earphones max:1500 route:compare compare:2,3'),
    # line up the {ord1} and {ord2}
    ('f', ['shorts for women under 1000'], 'line up the 2nd and 3rd', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('b', ['tea under 500'], 'line up the 1st and 4th', 'kind:tea max:500 route:compare compare:1,4'),
    # what sets {n} apart from {m}?
    ('a', ['earphones under 1500'], 'what sets 1 apart from 2?', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('h', ['kitchen faucet'], 'what sets 3 apart from 4?', 'kind:kitchen_faucet route:compare compare:3,4'),
    # does #{n} beat #{m}?
    ('f', ['shorts for women under 1000'], 'does #3 beat #2?', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('b', ['tea under 500'], 'does #2 beat #4?', 'kind:tea max:500 route:compare compare:2,4'),
    # rank all 4 for me
    ('b', ['tea under 500'], 'rank all 4 for me', 'kind:tea max:500 route:compare compare:1,2,3,4'),
    ('h', ['kitchen faucet'], 'rank all 4 for me', 'kind:kitchen_faucet route:compare compare:1,2,3,4'),
    # verdict on top 3?
    ('a', ['earphones under 1500'], 'verdict on top 3?', 'kind:earphones max:1500 route:compare compare:1,2,3'),
    ('f', ['shorts for women under 1000'], 'verdict on top 3?', 'kind:shorts audience:women max:1000 route:compare compare:1,2,3'),
    # dearer options pls
    ('a', ['earphones under 1500'], 'dearer options pls', 'kind:earphones min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'dearer options pls', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    # thode mehenge wale?
    ('b', ['tea under 500'], 'thode mehenge wale?', 'kind:tea min:>180 max:any op:pricier'),
    ('a', ['earphones under 1500'], 'thode mehenge wale?', 'kind:earphones min:>499 max:any op:pricier'),
    # heavier on the pocket pls
    ('f', ['shorts for women under 1000'], 'heavier on the pocket pls', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('b', ['tea under 500'], 'heavier on the pocket pls', 'kind:tea min:>180 max:any op:pricier'),
    # gimme ritzier ones
    ('a', ['earphones under 1500'], 'gimme ritzier ones', 'kind:earphones min:>499 max:any op:pricier'),
    ('b', ['tea under 500'], 'gimme ritzier ones', 'kind:tea min:>180 max:any op:pricier'),
    # more spendy ones?
    ('f', ['shorts for women under 1000'], 'more spendy ones?', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('a', ['earphones under 1500'], 'more spendy ones?', 'kind:earphones min:>499 max:any op:pricier'),
    # anything beyond #{n}'s price?
    ('a', ['earphones under 1500'], "anything beyond #2's price?", 'kind:earphones min:>999 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], "anything beyond #1's price?", 'kind:shorts audience:women min:>379 max:any op:pricier'),
    # something swankier
    ('f', ['shorts for women under 1000'], 'something swankier', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('b', ['tea under 500'], 'something swankier', 'kind:tea min:>180 max:any op:pricier'),
    # more lavish picks?
    ('a', ['earphones under 1500'], 'more lavish picks?', 'kind:earphones min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'more lavish picks?', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    # anything past the {sbrand1} one, pricewise?
    ('a', ['earphones under 1500'], 'anything past the boat one, pricewise?', 'kind:earphones min:>1299 max:any op:pricier'),
    ('b', ['tea under 500'], 'anything past the tata tea gold, pricewise?', 'kind:tea min:>310 max:any op:pricier'),
    # bigger-budget picks?
    ('b', ['tea under 500'], 'bigger-budget picks?', 'kind:tea min:>180 max:any op:pricier'),
    ('a', ['earphones under 1500'], 'bigger-budget picks?', 'kind:earphones min:>499 max:any op:pricier'),
    # steeper-priced stuff?
    ('f', ['shorts for women under 1000'], 'steeper-priced stuff?', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('b', ['tea under 500'], 'steeper-priced stuff?', 'kind:tea min:>180 max:any op:pricier'),
    # top-shelf stuff?
    ('a', ['earphones under 1500'], 'top-shelf stuff?', 'kind:earphones min:>499 max:any op:pricier'),
    ('b', ['tea under 500'], 'top-shelf stuff?', 'kind:tea min:>180 max:any op:pricier'),
    # {color} chahiye
    ('a', ['earphones under 1500'], 'black chahiye', 'kind:earphones max:1500 color:black'),
    ('f', ['shorts for women under 1000'], 'white chahiye', 'kind:shorts audience:women max:1000 color:white'),
    # {brand} wale dikhao
    ('a', ['earphones under 1500'], 'boult wale dikhao', 'kind:earphones max:1500 brand:boult'),
    ('b', ['tea under 500'], 'red label wale dikhao', 'kind:tea max:500 brand:red_label'),
    # got {color}?
    ('f', ['shorts for women under 1000'], 'got navy?', 'kind:shorts audience:women max:1000 color:navy'),
    ('h', ['kitchen faucet'], 'got chrome?', 'kind:kitchen_faucet color:chrome'),
    # must be {material}
    ('f', ['shorts for women under 1000'], 'must be cotton', 'kind:shorts audience:women max:1000 material:cotton'),
    ('h', ['kitchen faucet'], 'must be brass', 'kind:kitchen_faucet material:brass'),
    # stick to {brand}
    ('a', ['earphones under 1500'], 'stick to jbl', 'kind:earphones max:1500 brand:jbl'),
    ('f', ['shorts for women under 1000'], 'stick to libas', 'kind:shorts audience:women max:1000 brand:libas'),
    # {color} would be nice
    ('a', ['earphones under 1500'], 'grey would be nice', 'kind:earphones max:1500 color:grey'),
    ('h', ['kitchen faucet'], 'black would be nice', 'kind:kitchen_faucet color:black'),
    # {brand} fan here
    ('b', ['tea under 500'], 'tetley fan here', 'kind:tea max:500 brand:tetley'),
    # the {material} kind pls
    ('f', ['shorts for women under 1000'], 'the denim kind pls', 'kind:shorts audience:women max:1000 material:denim'),
    ('h', ['kitchen faucet'], 'the stainless steel kind pls', 'kind:kitchen_faucet material:stainless_steel'),
    # {color} & {color2} both ok
    ('f', ['shorts for women under 1000'], 'black & navy both ok', 'kind:shorts audience:women max:1000 color:black,navy'),
    ('a', ['earphones under 1500'], 'white & blue both ok', 'kind:earphones max:1500 color:white,blue'),
    # {brand} + {color}
    ('a', ['earphones under 1500'], 'boat + black', 'kind:earphones max:1500 brand:boat color:black'),
    ('f', ['shorts for women under 1000'], 'dressberry + blue', 'kind:shorts audience:women max:1000 brand:dressberry color:blue'),
    # {brand} is my go-to
    ('b', ['tea under 500'], 'tata tea is my go-to', 'kind:tea max:500 brand:tata_tea'),
    ('f', ['shorts for women under 1000'], 'alisha is my go-to', 'kind:shorts audience:women max:1000 brand:alisha'),
    # {color} shade pls
    ('f', ['shorts for women under 1000'], 'pink shade pls', 'kind:shorts audience:women max:1000 color:pink'),
    ('h', ['kitchen faucet'], 'bronze shade pls', 'kind:kitchen_faucet color:bronze'),
]

# Rounds 40-42, by other authors, on a growing list of cue words already used: pricier and cheaper (80 cases, 34
# right on first run), compare and detail (80, 65), exclude and replace (80, 38). Fixes: "sasta", "low-cost",
# "thriftier", "a gentler price", "cost a bomb", "on a shoestring", "money is tight", "way beyond me", "steep";
# "high-ticket", "shell out more", "zyada daam", "up the range", "climb the price ladder", "bougie", "invest a bit
# more", "a heftier price tag", "higher calibre", "upwards of what the blue one costs", "sells for more than", "tops
# the blue one's price", "go up in price", "what more money gets me", "pricewise higher then no. 2", "high-priced",
# "bargain-basement" (not a bargain); "help me decide", "where should my money go", "if you were me", "a verdict on",
# "three-way: 1, 2 and 4" (lists of positions), "back and forth on the black and the pink" (colours name shown items
# in a comparison), "X one against the Y one", "the middle two", "of the two black pairs" (the items sharing that
# brand or colour); "need not apply", "sworn off", "barring", "wouldn't be caught dead in", "zero polyester", "my skin
# reacts to", "refrain from showing", "can't do silicone", "hold the white", "as long as it isn't", "ke alawa",
# "chhod ke", "X ya Y, dono bekaar", "won't do", "doesn't suit", "would be a disaster", "thanks but no thanks", "has
# burnt me", "anything apart from boAt is fine" (the acceptance is of "anything"), "knock the max down to 300".
# Left out, still wrong: "is the price jump from the first to the third justified? cheap ones never last on me" (the
# reason reads as "cheap ones"), "seen enough Tata Tea with the 1st and 3rd, other brands please".
CASES += [
    # these are out of my price range
    ('a', ['earphones under 1500'], 'these are out of my price range', 'kind:earphones max:<1999 op:cheaper'),
    ('b', ['tea under 500'], 'these are out of my price range', 'kind:tea max:<560 op:cheaper'),
    # kuch sasta dikhao na
    ('a', ['earphones under 1500'], 'kuch sasta dikhao na', 'kind:earphones max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000'], 'kuch sasta dikhao na', 'kind:shorts audience:women max:<849 op:cheaper'),
    # any low-cost {type_pl}?
    ('a', ['earphones under 1500'], 'any low-cost earphones?', 'kind:earphones max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000'], 'any low-cost shorts?', 'kind:shorts audience:women max:<849 op:cheaper'),
    # money is tight this month so show me thriftier stuff pls
    ('f', ['shorts for women under 1000'], 'money is tight this month so show me thriftier stuff pls', 'kind:shorts audience:women max:<849 op:cheaper'),
    ('b', ['tea under 500'], 'money is tight this month so show me thriftier stuff pls', 'kind:tea max:<560 op:cheaper'),
    # the {sbrand} one is overpriced, what have you got under its price?
    ('a', ['earphones under 1500'], 'the Boult one is overpriced, what have you got under its price?', 'kind:earphones max:<999 op:cheaper'),
    ('b', ['tea under 500'], 'the Red Label one is overpriced, what have you got under its price?', 'kind:tea max:<250 op:cheaper'),
    # cant afford #{pos}, anythng that undercuts it
    ('a', ['earphones under 1500'], 'cant afford #1, anythng that undercuts it', 'kind:earphones max:<1299 op:cheaper'),
    ('f', ['shorts for women under 1000'], 'cant afford #2, anythng that undercuts it', 'kind:shorts audience:women max:<599 op:cheaper'),
    # Could you please show me some inexpensive options? I only need them for the gym.
    ('a', ['earphones under 1500'], 'Could you please show me some inexpensive options? I only need them for the gym.', 'kind:earphones max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000'], 'Could you please show me some inexpensive options? I only need them for the gym.', 'kind:shorts audience:women max:<849 op:cheaper'),
    # something more economical, please
    ('f', ['shorts for women under 1000'], 'something more economical, please', 'kind:shorts audience:women max:<849 op:cheaper'),
    ('b', ['tea under 500'], 'something more economical, please', 'kind:tea max:<560 op:cheaper'),
    # anything going for less than the {scolor} one?
    ('a', ['earphones under 1500'], 'anything going for less than the blue one?', 'kind:earphones max:<999 op:cheaper'),
    ('b', ['tea under 500'], 'anything going for less than the green one?', 'kind:tea max:<180 op:cheaper'),
    # ugh, steep. anything at a gentler price?
    ('a', ['earphones under 1500'], 'ugh, steep. anything at a gentler price?', 'kind:earphones max:<1999 op:cheaper'),
    ('b', ['tea under 500'], 'ugh, steep. anything at a gentler price?', 'kind:tea max:<560 op:cheaper'),
    # these cost a bomb yaar
    ('a', ['earphones under 1500'], 'these cost a bomb yaar', 'kind:earphones max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000'], 'these cost a bomb yaar', 'kind:shorts audience:women max:<849 op:cheaper'),
    # would anything save me money compared to the {ord} one?
    ('f', ['shorts for women under 1000'], 'would anything save me money compared to the third one?', 'kind:shorts audience:women max:<849 op:cheaper'),
    ('b', ['tea under 500'], 'would anything save me money compared to the first one?', 'kind:tea max:<560 op:cheaper'),
    # im on a shoestring, these are way beyond me
    ('f', ['shorts for women under 1000'], 'im on a shoestring, these are way beyond me', 'kind:shorts audience:women max:<849 op:cheaper'),
    ('b', ['tea under 500'], 'im on a shoestring, these are way beyond me', 'kind:tea max:<560 op:cheaper'),
    # (ctx: in {color}) keep it {color} but show me ones that won't break the bank
    ('a', ['earphones under 1500', 'in black'], "keep it black but show me ones that won't break the bank", 'kind:earphones color:black max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000', 'in blue'], "keep it blue but show me ones that won't break the bank", 'kind:shorts audience:women color:blue max:<849 op:cheaper'),

    # any dearer ones?
    ('a', ['earphones under 1500'], 'any dearer ones?', 'kind:earphones min:>499 max:any op:pricier'),
    ('b', ['tea under 500'], 'any dearer ones?', 'kind:tea min:>180 max:any op:pricier'),
    # got anything in a higher price band?
    ('a', ['earphones under 1500'], 'got anything in a higher price band?', 'kind:earphones min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'got anything in a higher price band?', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    # show me the high-ticket stuff
    ('a', ['earphones under 1500'], 'show me the high-ticket stuff', 'kind:earphones min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'show me the high-ticket stuff', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    # something classier pls, i dont mind paying extra
    ('f', ['shorts for women under 1000'], 'something classier pls, i dont mind paying extra', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('b', ['tea under 500'], 'something classier pls, i dont mind paying extra', 'kind:tea min:>180 max:any op:pricier'),
    # happy to shell out more for {type_pl} that last
    ('a', ['earphones under 1500'], 'happy to shell out more for earphones that last', 'kind:earphones min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'happy to shell out more for shorts that last', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    # {type_pl} that cost more than #{pos}
    ('a', ['earphones under 1500'], 'earphones that cost more than #2', 'kind:earphones min:>999 max:any op:pricier'),
    ('b', ['tea under 500'], 'tea that costs more than #3', 'kind:tea min:>310 max:any op:pricier'),
    # thoda zyada daam wala dikhao
    ('a', ['earphones under 1500'], 'thoda zyada daam wala dikhao', 'kind:earphones min:>499 max:any op:pricier'),
    ('b', ['tea under 500'], 'thoda zyada daam wala dikhao', 'kind:tea min:>180 max:any op:pricier'),
    # anything further up the range, price-wise?
    ('f', ['shorts for women under 1000'], 'anything further up the range, price-wise?', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('b', ['tea under 500'], 'anything further up the range, price-wise?', 'kind:tea min:>180 max:any op:pricier'),
    # the {sbrand} one feels too basic, show me something worth more than it
    ('a', ['earphones under 1500'], 'the Boult one feels too basic, show me something worth more than it', 'kind:earphones min:>999 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'the Dressberry one feels too basic, show me something worth more than it', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    # I want an upgrade on the {ord} one, money's not an issue
    ('a', ['earphones under 1500'], "I want an upgrade on the first one, money's not an issue", 'kind:earphones min:>1299 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], "I want an upgrade on the third one, money's not an issue", 'kind:shorts audience:women min:>849 max:any op:pricier'),
    # these all look so bargain-basement. something swankier?
    ('a', ['earphones under 1500'], 'these all look so bargain-basement. something swankier?', 'kind:earphones min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'these all look so bargain-basement. something swankier?', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    # happy to invest a bit more in a good {unit}
    ('a', ['earphones under 1500'], 'happy to invest a bit more in a good pair', 'kind:earphones min:>499 max:any op:pricier'),
    ('b', ['tea under 500'], 'happy to invest a bit more in a good pack', 'kind:tea min:>180 max:any op:pricier'),
    # ones with a heftier price tag
    ('f', ['shorts for women under 1000'], 'show me ones with a heftier price tag', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('b', ['tea under 500'], 'show me ones with a heftier price tag', 'kind:tea min:>180 max:any op:pricier'),
    # Would you have anything of a higher calibre? I don't mind the price going up.
    ('a', ['earphones under 1500'], "Would you have anything of a higher calibre? I don't mind the price going up.", 'kind:earphones min:>499 max:any op:pricier'),
    ('b', ['tea under 500'], "Would you have anything of a higher calibre? I don't mind the price going up.", 'kind:tea min:>180 max:any op:pricier'),
    # anything upwards of what the {scolor} one costs?
    ('a', ['earphones under 1500'], 'anything upwards of what the blue one costs?', 'kind:earphones min:>999 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'anything upwards of what the red one costs?', 'kind:shorts audience:women min:>849 max:any op:pricier'),
    # anything that sells for more than the {ord} one?
    ('a', ['earphones under 1500'], 'anything that sells for more than the 4th one?', 'kind:earphones min:>499 max:any op:pricier'),
    ('b', ['tea under 500'], 'anything that sells for more than the 2nd one?', 'kind:tea min:>250 max:any op:pricier'),
    # i'm after something a bit more lavish
    ('a', ['earphones under 1500'], "i'm after something a bit more lavish", 'kind:earphones min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], "i'm after something a bit more lavish", 'kind:shorts audience:women min:>299 max:any op:pricier'),
    # something more bougie lol
    ('f', ['shorts for women under 1000'], 'something more bougie lol', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('b', ['tea under 500'], 'something more bougie lol', 'kind:tea min:>180 max:any op:pricier'),
    # something a cut above the {sbrand} one in price terms
    ('a', ['earphones under 1500'], 'something a cut above the boAt one in price terms', 'kind:earphones min:>1299 max:any op:pricier'),
    ('b', ['tea under 500'], 'something a cut above the Red Label one in price terms', 'kind:tea min:>250 max:any op:pricier'),
    # anything that tops the {scolor} one's price?
    ('f', ['shorts for women under 1000'], "anything that tops the blue one's price?", 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('b', ['tea under 500'], "anything that tops the green one's price?", 'kind:tea min:>180 max:any op:pricier'),
    # climb the price ladder a bit? these feel flimsy
    ('a', ['earphones under 1500'], 'climb the price ladder a bit? these feel flimsy', 'kind:earphones min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'climb the price ladder a bit? these feel flimsy', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    # (ctx: from {brand}) stick with {brand}, but go up in price
    ('a', ['earphones under 1500', 'from boat'], 'stick with boat, but go up in price', 'kind:earphones brand:boat min:>499 max:any op:pricier'),
    ('b', ['tea under 500', 'from tetley'], 'stick with tetley, but go up in price', 'kind:tea brand:tetley min:>180 max:any op:pricier'),
    # these won't survive a month, show me what more money gets me
    ('a', ['earphones under 1500'], "these won't survive a month, show me what more money gets me", 'kind:earphones min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], "these won't survive a month, show me what more money gets me", 'kind:shorts audience:women min:>299 max:any op:pricier'),
    # pricewise higher then no. {pos} pls
    ('f', ['shorts for women under 1000'], 'pricewise higher then no. 2 pls', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('b', ['tea under 500'], 'pricewise higher then no. 3 pls', 'kind:tea min:>310 max:any op:pricier'),
    # I'd like to see the more high-priced options, colour doesn't matter
    ('f', ['shorts for women under 1000'], "I'd like to see the more high-priced options, colour doesn't matter", 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('b', ['tea under 500'], "I'd like to see the more high-priced options, colour doesn't matter", 'kind:tea min:>180 max:any op:pricier'),
    # ones that'd set me back more than the {scolor} one
    ('a', ['earphones under 1500'], "ones that'd set me back more than the red one", 'kind:earphones min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], "ones that'd set me back more than the black one", 'kind:shorts audience:women min:>379 max:any op:pricier'),
    # is the {ordX} one worth the extra money over the {ordY}?
    ('a', ['earphones under 1500'], 'is the third one worth the extra money over the first?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('f', ['shorts for women under 1000'], 'Is the 3rd pair worth the extra money over the 2nd one?', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    # torn between number {p} and number {q}
    ('a', ['earphones under 1500'], 'torn between number 2 and number 4', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('h', ['kitchen faucet'], "I'm torn between number 1 and number 3 honestly", 'kind:kitchen_faucet route:compare compare:1,3'),
    # help me decide: {brand1} one, {brand2} one.
    ('a', ['earphones under 1500'], 'help me decide: boAt one, pTron one.', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('f', ['shorts for women under 1000'], 'help me decide - Carrel one, Dressberry one', 'kind:shorts audience:women max:1000 route:compare compare:2,4'),
    # is the {ordX} a smarter buy than the {ordY}?
    ('b', ['tea under 500'], 'is the second a smarter buy than the first?', 'kind:tea max:500 route:compare compare:1,2'),
    ('h', ['kitchen faucet'], 'Would the fourth be a smarter buy than the second?', 'kind:kitchen_faucet route:compare compare:2,4'),
    # what do I gain by paying more for #{p} instead of #{q}?
    ('a', ['earphones under 1500'], 'what do I gain by paying more for #1 instead of #2?', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('b', ['tea under 500'], 'what do i gain paying more for #1 instead of #3', 'kind:tea max:500 route:compare compare:1,3'),
    # what am I giving up if I go with the {brandX} ones rather than the {brandY} ones?
    ('a', ['earphones under 1500'], 'what am I giving up if I go with the pTron ones rather than the OnePlus ones?', 'kind:earphones max:1500 route:compare compare:3,4'),
    ('f', ['shorts for women under 1000'], 'what would I be giving up going with the Alisha shorts rather than the Dressberry ones?', 'kind:shorts audience:women max:1000 route:compare compare:1,2'),
    # the {brandX} one against the {brandY} one - thoughts?
    ('a', ['earphones under 1500'], 'the Boult one against the boAt one - thoughts?', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('b', ['tea under 500'], 'Tetley one against the Red Label one, thoughts?', 'kind:tea max:500 route:compare compare:2,4'),
    # i cant decide betwen the first/last two
    ('f', ['shorts for women under 1000'], 'i cant decide betwen the first two', 'kind:shorts audience:women max:1000 route:compare compare:1,2'),
    ('h', ['kitchen faucet'], 'i cant decide betwen the last two', 'kind:kitchen_faucet route:compare compare:3,4'),
    # which of the {first/last N} would you pick?
    ('b', ['tea under 500'], 'which of the last two would you pick?', 'kind:tea max:500 route:compare compare:3,4'),
    ('f', ['shorts for women under 1000'], 'Which of the first three would you pick for everyday wear?', 'kind:shorts audience:women max:1000 route:compare compare:1,2,3'),
    # looking at everything on screen, where should my money go?
    ('a', ['earphones under 1500'], 'looking at everything on screen, where should my money go?', 'kind:earphones max:1500 route:compare compare:1,2,3,4'),
    ('h', ['kitchen faucet'], 'looking at all four on screen - where should my money go', 'kind:kitchen_faucet route:compare compare:1,2,3,4'),
    # three-way: {p}, {q} and {r} - which wins?
    ('f', ['shorts for women under 1000'], 'three-way: 1, 2 and 4 — which wins?', 'kind:shorts audience:women max:1000 route:compare compare:1,2,4'),
    ('b', ['tea under 500'], 'three way 2, 3 and 4, which wins', 'kind:tea max:500 route:compare compare:2,3,4'),
    # any reason to spend extra on the {colorX} one over the {colorY} one?
    ('a', ['earphones under 1500'], 'any reason to spend extra on the blue pair over the red pair?', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000'], 'Any reason to spend extra on the red shorts over the blue ones?', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    # help me choose among {first three / #p, #q and #r}
    ('h', ['kitchen faucet'], 'help me choose among the first three', 'kind:kitchen_faucet route:compare compare:1,2,3'),
    ('a', ['earphones under 1500'], 'help me choose among #2, #3 and #4 please', 'kind:earphones max:1500 route:compare compare:2,3,4'),
    # is there much to separate the {ordX} and the {ordY}?
    ('b', ['tea under 500'], 'is there much to separate the second and third?', 'kind:tea max:500 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000'], 'Is there much to separate the first and the last?', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    # value-for-money wise, how do #{p} and #{q} rate against each other?
    ('a', ['earphones under 1500'], 'value-for-money wise, how do #1 and #4 rate against each other?', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('b', ['tea under 500'], 'value for money wise how do #2 and #3 rate against each other', 'kind:tea max:500 route:compare compare:2,3'),
    # stuck choosing between the {brandX} and {brandY} ones
    ('a', ['earphones under 1500'], 'stuck choosing between the OnePlus and Boult ones', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000'], "I'm stuck choosing between the Mast & Harbour and Alisha ones", 'kind:shorts audience:women max:1000 route:compare compare:1,3'),
    # what would make me choose #{p} over #{q}?
    ('h', ['kitchen faucet'], 'what would make me choose #4 over #2?', 'kind:kitchen_faucet route:compare compare:2,4'),
    ('b', ['tea under 500'], 'What would make me choose #3 over #1?', 'kind:tea max:500 route:compare compare:1,3'),
    # which of the middle two would you take if you were me?
    ('a', ['earphones under 1500'], 'which of the middle two would you take if you were me?', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('h', ['kitchen faucet'], 'if you were me, which of the middle two would you take', 'kind:kitchen_faucet route:compare compare:2,3'),
    # decide for me between the {ordX} and the {ordY}
    ('f', ['shorts for women under 1000'], 'decide for me between the first and the last', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    ('b', ['tea under 500'], 'Decide for me between the 2nd and the last, I always overthink this', 'kind:tea max:500 route:compare compare:2,4'),
    # evaluate the {ordX} and the {ordY} for me
    ('h', ['kitchen faucet'], 'evaluate the first and the fourth for me', 'kind:kitchen_faucet route:compare compare:1,4'),
    ('a', ['earphones under 1500'], 'could you evaluate the second and the third for me?', 'kind:earphones max:1500 route:compare compare:2,3'),
    # give me a verdict on all of them
    ('f', ['shorts for women under 1000'], 'give me a verdict on all of them', 'kind:shorts audience:women max:1000 route:compare compare:1,2,3,4'),
    ('h', ['kitchen faucet'], 'Give me your verdict on all of them please.', 'kind:kitchen_faucet route:compare compare:1,2,3,4'),
    # is the price jump from the {ordX} to the {ordY} justified?
    ('f', ['shorts for women under 1000'], 'is the price jump from the fourth to the third justified', 'kind:shorts audience:women max:1000 route:compare compare:3,4'),
    # of the two {shared colour/brand} ones, which is the keeper?
    ('a', ['earphones under 1500'], 'of the two black pairs, which is the keeper?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'of the two Tata Tea packs which is the keeper', 'kind:tea max:500 route:compare compare:1,3'),
    # trade-offs between {X} and {Y}?
    ('a', ['earphones under 1500'], 'tradeoffs between options 2 and 4?', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('h', ['kitchen faucet'], 'trade-offs between the bronze one and the black one?', 'kind:kitchen_faucet route:compare compare:3,4'),
    # does the {ordX} do anything the {ordY} doesn't?
    ('a', ['earphones under 1500'], "does the third do anything the first doesn't?", 'kind:earphones max:1500 route:compare compare:1,3'),
    ('h', ['kitchen faucet'], 'does the second one do anything the third one doesnt', 'kind:kitchen_faucet route:compare compare:2,3'),
    # would the {X} hold up as well as the {Y}?
    ('f', ['shorts for women under 1000'], 'would the 4th hold up as well as the 2nd?', 'kind:shorts audience:women max:1000 route:compare compare:2,4'),
    ('a', ['earphones under 1500'], 'would the pTron hold up as well as the OnePlus?', 'kind:earphones max:1500 route:compare compare:3,4'),
    # I'll buy one of the {first/last} two. which?
    ('b', ['tea under 500'], "I'll buy one of the first two. which?", 'kind:tea max:500 route:compare compare:1,2'),
    ('h', ['kitchen faucet'], 'ill buy one of the last two. which', 'kind:kitchen_faucet route:compare compare:3,4'),
    # all of them - which one gets your vote?
    ('a', ['earphones under 1500'], 'all of them — which one gets your vote?', 'kind:earphones max:1500 route:compare compare:1,2,3,4'),
    ('b', ['tea under 500'], 'out of all of them, which one gets your vote', 'kind:tea max:500 route:compare compare:1,2,3,4'),
    # going back and forth on the {colorX} and the {colorY}
    ('f', ['shorts for women under 1000'], 'going back and forth on the black and the pink', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    ('h', ['kitchen faucet'], 'been going back and forth on the chrome and the nickel ones', 'kind:kitchen_faucet route:compare compare:1,2'),
    # {ordX} and {ordY} - same thing, or is one clearly ahead?
    ('f', ['shorts for women under 1000'], 'second and fourth — same thing, or is one clearly ahead?', 'kind:shorts audience:women max:1000 route:compare compare:2,4'),
    ('b', ['tea under 500'], 'first and third, same thing or is one clearly ahead?', 'kind:tea max:500 route:compare compare:1,3'),

    # specs of the {ord} one?
    ('a', ['earphones under 1500'], 'specs of the second one?', 'kind:earphones max:1500 route:detail focus:2'),
    ('h', ['kitchen faucet'], 'specs on the fourth one pls', 'kind:kitchen_faucet route:detail focus:4'),
    # walk me through the {brand} one
    ('f', ['shorts for women under 1000'], 'walk me through the Dressberry shorts', 'kind:shorts audience:women max:1000 route:detail focus:2'),
    ('b', ['tea under 500'], 'Walk me through the Tetley one.', 'kind:tea max:500 route:detail focus:4'),
    # anything I should know before buying #{p}?
    ('a', ['earphones under 1500'], 'anything I should know before buying #3?', 'kind:earphones max:1500 route:detail focus:3'),
    ('b', ['tea under 500'], 'anything i should know before buying #2', 'kind:tea max:500 route:detail focus:2'),
    # the {color} one - what's it like?
    ('h', ['kitchen faucet'], "the bronze one — what's it like?", 'kind:kitchen_faucet route:detail focus:3'),
    ('f', ['shorts for women under 1000'], "the pink pair, what're they like?", 'kind:shorts audience:women max:1000 route:detail focus:4'),
    # zoom in on number {p}
    ('f', ['shorts for women under 1000'], 'zoom in on number 1', 'kind:shorts audience:women max:1000 route:detail focus:1'),
    ('h', ['kitchen faucet'], 'Zoom in on number 2 for me', 'kind:kitchen_faucet route:detail focus:2'),
    # describe the {ord} one
    ('b', ['tea under 500'], 'describe the third one for me', 'kind:tea max:500 route:detail focus:3'),
    ('a', ['earphones under 1500'], 'describe the fourth one', 'kind:earphones max:1500 route:detail focus:4'),
    # open the {brand} listing
    ('a', ['earphones under 1500'], 'open the Boult listing', 'kind:earphones max:1500 route:detail focus:2'),
    ('b', ['tea under 500'], 'pls open the Red Label listing', 'kind:tea max:500 route:detail focus:2'),
    # full description of the penultimate one
    ('f', ['shorts for women under 1000'], 'full description of the penultimate one pls', 'kind:shorts audience:women max:1000 route:detail focus:3'),
    ('h', ['kitchen faucet'], 'Full description of the penultimate one, please.', 'kind:kitchen_faucet route:detail focus:3'),
    # reviews for the {brand} one?
    ('a', ['earphones under 1500'], 'reviews for the OnePlus one?', 'kind:earphones max:1500 route:detail focus:3'),
    ('f', ['shorts for women under 1000'], 'reviews on the Alisha ones?', 'kind:shorts audience:women max:1000 route:detail focus:1'),
    # gimme the lowdown on the {ord} one
    ('b', ['tea under 500'], 'gimme the lowdown on the first one', 'kind:tea max:500 route:detail focus:1'),
    ('h', ['kitchen faucet'], 'gimme the lowdown on the second', 'kind:kitchen_faucet route:detail focus:2'),

    # anything apart from {brand} is fine
    ('a', ['earphones under 1500'], 'anything apart from boAt is fine', 'kind:earphones max:1500 -brand:boat'),
    ('b', ['tea under 500'], 'anything apart from Tetley is fine', 'kind:tea max:500 -brand:tetley'),
    # {color} won't do[, reason]
    ('f', ['shorts for women under 1000'], "Brown won't do.", 'kind:shorts audience:women max:1000 -color:brown'),
    ('h', ['kitchen faucet'], "chrome won't do, it shows every fingerprint", 'kind:kitchen_faucet -color:chrome'),
    # count {brand} out
    ('a', ['earphones under 1500'], 'count Portronics out', 'kind:earphones max:1500 -brand:portronics'),
    ('b', ['tea under 500'], 'count patanjali out pls', 'kind:tea max:500 -brand:patanjali'),
    # spare me the {color} ones
    ('f', ['shorts for women under 1000'], 'spare me the tan ones', 'kind:shorts audience:women max:1000 -color:tan'),
    ('h', ['kitchen faucet'], 'spare me the bronze ones', 'kind:kitchen_faucet -color:bronze'),
    # {brand} ke alawa kuch dikhao  (Hinglish: show something other than X)
    ('a', ['earphones under 1500'], 'boAt ke alawa kuch dikhao', 'kind:earphones max:1500 -brand:boat'),
    ('f', ['shorts for women under 1000'], 'Libas ke alawa kuch dikhao', 'kind:shorts audience:women max:1000 -brand:libas'),
    # {brand} chhod ke sab chalega  (Hinglish: leaving X aside, anything works)
    ('b', ['tea under 500'], 'tata tea chhod ke sab chalega', 'kind:tea max:500 -brand:tata_tea'),
    ('a', ['earphones under 1500'], 'JBL chhod ke sab chalega', 'kind:earphones max:1500 -brand:jbl'),
    # as long as it isn't {material}, I'm good
    ('a', ['earphones under 1500'], "as long as it isn't plastic, I'm good", 'kind:earphones max:1500 -material:plastic'),
    ('f', ['shorts for women under 1000'], 'as long as it isnt rayon im good', 'kind:shorts audience:women max:1000 -material:rayon'),
    # {material} is a dealbreaker for me[, reason]
    ('f', ['shorts for women under 1000'], 'lycra is a dealbreaker for me', 'kind:shorts audience:women max:1000 -material:lycra'),
    ('h', ['kitchen faucet'], 'brass is a dealbreaker for me, it tarnishes', 'kind:kitchen_faucet -material:brass'),
    # kindly refrain from showing {brand}
    ('a', ['earphones under 1500'], 'Kindly refrain from showing pTron products.', 'kind:earphones max:1500 -brand:ptron'),
    ('b', ['tea under 500'], 'Kindly refrain from showing Red Label, sir.', 'kind:tea max:500 -brand:red_label'),
    # weed out the {color} ones, <reason>
    ('a', ['earphones under 1500'], 'weed out the white ones, they get dirty so fast', 'kind:earphones max:1500 -color:white'),
    ('f', ['shorts for women under 1000'], 'weed out the beige ones, they get dirty in a day', 'kind:shorts audience:women max:1000 -color:beige'),
    # please screen out {brand} and do the needful  (Indian English)
    ('f', ['shorts for women under 1000'], 'please screen out Carrel and do the needful', 'kind:shorts audience:women max:1000 -brand:carrel'),
    ('b', ['tea under 500'], 'pls screen out tetley and do the needful', 'kind:tea max:500 -brand:tetley'),
    # {brand} need not apply
    ('a', ['earphones under 1500'], 'Boult need not apply', 'kind:earphones max:1500 -brand:boult'),
    ('f', ['shorts for women under 1000'], 'dressberry need not apply lol', 'kind:shorts audience:women max:1000 -brand:dressberry'),
    # I've sworn off {brand}
    ('b', ['tea under 500'], "I've sworn off Patanjali", 'kind:tea max:500 -brand:patanjali'),
    ('a', ['earphones under 1500'], 'ive sworn off oneplus', 'kind:earphones max:1500 -brand:oneplus'),
    # {color}? nah, other colours
    ('f', ['shorts for women under 1000'], 'red? nah, other colours pls', 'kind:shorts audience:women max:1000 -color:red'),
    ('h', ['kitchen faucet'], 'black?? nah, some other colour', 'kind:kitchen_faucet -color:black'),
    # neither {brand} nor {brand2}
    ('a', ['earphones under 1500'], 'neither boAt nor pTron', 'kind:earphones max:1500 -brand:boat,ptron'),
    ('b', ['tea under 500'], 'Neither Tata Tea nor Red Label, please.', 'kind:tea max:500 -brand:tata_tea,red_label'),
    # {brand} and {brand2} are both out
    ('f', ['shorts for women under 1000'], 'Alisha and Carrel are both out', 'kind:shorts audience:women max:1000 -brand:alisha,carrel'),
    ('a', ['earphones under 1500'], 'Boult and Noise are both out', 'kind:earphones max:1500 -brand:boult,noise'),
    # {color}, {color2} - nope
    ('f', ['shorts for women under 1000'], 'pink, yellow — nope', 'kind:shorts audience:women max:1000 -color:pink,yellow'),
    ('h', ['kitchen faucet'], 'bronze, brown - nope', 'kind:kitchen_faucet -color:bronze,brown'),
    # {brand} ya {brand2}, dono bekaar hain, kuch aur dikhao  (Hinglish: X or Y, both useless, show something else)
    ('a', ['earphones under 1500'], 'boAt ya Boult, dono bekaar hain, kuch aur dikhao', 'kind:earphones max:1500 -brand:boat,boult'),
    ('b', ['tea under 500'], 'tata tea ya red label dono bekaar hain kuch aur dikhao', 'kind:tea max:500 -brand:tata_tea,red_label'),
    # {brand} has burnt me twice, so I'm boycotting them  (reason first)
    ('a', ['earphones under 1500'], "pTron has burnt me twice, so I'm boycotting them", 'kind:earphones max:1500 -brand:ptron'),
    ('f', ['shorts for women under 1000'], 'Mynte has burnt me twice so im boycotting them', 'kind:shorts audience:women max:1000 -brand:mynte'),
    # my skin reacts to {material}, so zero {material} please  (reason first)
    ('f', ['shorts for women under 1000'], 'my skin reacts to polyester, so zero polyester please', 'kind:shorts audience:women max:1000 -material:polyester'),
    ('a', ['earphones under 1500'], 'my ears react to silicone so zero silicone pls', 'kind:earphones max:1500 -material:silicone'),
    # I wouldn't be caught dead in/with {color}
    ('f', ['shorts for women under 1000'], "I wouldn't be caught dead in yellow", 'kind:shorts audience:women max:1000 -color:yellow'),
    ('a', ['earphones under 1500'], "wouldn't be caught dead with rose gold earphones", 'kind:earphones max:1500 -color:rose_gold'),
    # {color} doesn't suit {whom} at all
    ('f', ['shorts for women under 1000'], "grey doesn't suit me at all", 'kind:shorts audience:women max:1000 -color:grey'),
    ('h', ['kitchen faucet'], "beige doesn't suit our kitchen at all", 'kind:kitchen_faucet -color:beige'),
    # barring {brand}, what have you got?
    ('a', ['earphones under 1500'], 'barring Redmi, what have you got?', 'kind:earphones max:1500 -brand:redmi'),
    ('b', ['tea under 500'], 'barring Tetley what have u got', 'kind:tea max:500 -brand:tetley'),
    # seen enough {sbrand} with the {ord} one, show other brands  (value named, shown item as witness)
    ('a', ['earphones under 1500'], 'seen enough boAt with the first one, show other brands', 'kind:earphones max:1500 -brand:boat'),
    # the {scolor} on the {ord} one is hideous, none in {scolor} pls
    ('a', ['earphones under 1500'], 'the red on the 4th one is hideous, none in red pls', 'kind:earphones max:1500 -color:red'),
    ('f', ['shorts for women under 1000'], 'the pink on the last one is hideous, none in pink pls', 'kind:shorts audience:women max:1000 -color:pink'),
    # I want nothing to do with the brand of #{pos}  (value fixed by SHOWN: a#2 Boult, b#2 Red Label)
    ('a', ['earphones under 1500'], 'I want nothing to do with the brand of #2', 'kind:earphones max:1500 -brand:boult'),
    ('b', ['tea under 500'], 'I want nothing to do with the brand of #2', 'kind:tea max:500 -brand:red_label'),
    # make it {color}, only thing is I can't do {material}  (addition + exclusion)
    ('a', ['earphones under 1500'], "make it black, only thing is I can't do silicone", 'kind:earphones max:1500 color:black -material:silicone'),
    ('f', ['shorts for women under 1000'], 'make it blue, only thing is i cant do denim', 'kind:shorts audience:women max:1000 color:blue -material:denim'),
    # {brand} ones, and hold the {color}  (addition + exclusion)
    ('a', ['earphones under 1500'], 'JBL ones, and hold the white', 'kind:earphones max:1500 brand:jbl -color:white'),
    ('f', ['shorts for women under 1000'], 'Libas, and hold the maroon', 'kind:shorts audience:women max:1000 brand:libas -color:maroon'),
    # <reason about {material}>, so {material} is out
    ('h', ['kitchen faucet'], 'plastic ones crack in a month, so plastic is out', 'kind:kitchen_faucet -material:plastic'),
    ('f', ['shorts for women under 1000'], 'suede ones get ruined in the rain, so suede is out', 'kind:shorts audience:women max:1000 -material:suede'),
    # {brand}?? thanks but no thanks
    ('a', ['earphones under 1500'], 'Boult?? thanks but no thanks', 'kind:earphones max:1500 -brand:boult'),
    ('f', ['shorts for women under 1000'], 'carrel? thanks but no thanks', 'kind:shorts audience:women max:1000 -brand:carrel'),
    # we've had bad luck with {brand}, let's look elsewhere  (reason + exclusion)
    ('a', ['earphones under 1500'], "we've had bad luck with Zebronics, let's look elsewhere", 'kind:earphones max:1500 -brand:zebronics'),
    ('b', ['tea under 500'], 'we had bad luck with Red Label, lets look elsewhere', 'kind:tea max:500 -brand:red_label'),
    # {color} or {color2} would be a disaster
    ('h', ['kitchen faucet'], 'chrome or nickel would be a disaster in our kitchen', 'kind:kitchen_faucet -color:chrome,nickel'),
    ('f', ['shorts for women under 1000'], 'yellow or green would be a disaster', 'kind:shorts audience:women max:1000 -color:yellow,green'),

    # swap the {color0} for {color}
    ('a', ['earphones under 1500', 'in black'], 'swap the black for white', 'kind:earphones max:1500 color:white'),
    ('h', ['kitchen faucet', 'in chrome'], 'swap the chrome for nickel', 'kind:kitchen_faucet color:nickel'),
    # bump the budget to {price}
    ('a', ['earphones under 1500'], 'can you bump my budget to 2000?', 'kind:earphones max:2000'),
    ('f', ['shorts for women under 1000'], 'bump the budget to 1200 pls', 'kind:shorts audience:women max:1200'),
    # knock the max down to {price}
    ('b', ['tea under 500'], 'knock the max down to 300', 'kind:tea max:300'),
    ('a', ['earphones under 1500'], 'knock the max down to 1000', 'kind:earphones max:1000'),
    # on second thought(s), make that {color}
    ('f', ['shorts for women under 1000', 'in black'], 'on second thoughts, make that navy', 'kind:shorts audience:women max:1000 color:navy'),
    ('a', ['earphones under 1500', 'in blue'], 'on second thought make that red', 'kind:earphones max:1500 color:red'),
    # scratch {brand0}, give me {brand}
    ('a', ['earphones under 1500', 'from boat'], 'scratch boAt, give me JBL', 'kind:earphones max:1500 brand:jbl'),
    ('b', ['tea under 500', 'from tata tea'], 'scratch tata tea, give me tetley', 'kind:tea max:500 brand:tetley'),
    # {material} in place of {material0}
    ('f', ['shorts for women under 1000', 'in cotton'], 'rayon in place of cotton', 'kind:shorts audience:women max:1000 material:rayon'),
    ('h', ['kitchen faucet', 'in brass'], 'stainless steel in place of brass', 'kind:kitchen_faucet material:stainless_steel'),
    # I can stretch to {price}
    ('b', ['tea under 500'], 'i can stretch to 700', 'kind:tea max:700'),
    ('f', ['shorts for women under 1000'], 'I can stretch to 1500 for the right pair', 'kind:shorts audience:women max:1500'),
    # {color} would work better than {color0} actually
    ('f', ['shorts for women under 1000', 'in red'], 'pink would work better than red actually', 'kind:shorts audience:women max:1000 color:pink'),
    ('h', ['kitchen faucet', 'in black'], 'bronze would work better than black actually', 'kind:kitchen_faucet color:bronze'),
]

# Known misses of rounds 37-39, now right: plural colours ("no blacks", "the browns and tans"), a clause that only
# adds to the refusal before it ("strike alisha off the list, libas as well", "tetley is out, so is anything green",
# "skip alisha, same goes for libas"), a liking that names a type ("zebronics fan here", "I'm a huge boat fan"; "show
# me a havells fan" still asks for a fan), and an item's brand or colour named through the item where the message
# refuses it ("nothing to do with the brand of #2", "No. 4's colour - spare me that shade", "whoever makes item #2,
# cross that brand off"; "what's the brand of the second one?" still asks about the item). Still wrong: "that Boult
# pair put me off the whole brand".
CASES += [
    ('f', ['shorts for women under 1000'], "I'll pass on the browns and tans", 'kind:shorts audience:women max:1000 -color:brown -color:tan'),
    ('f', ['shorts for women under 1000'], "no blacks please", 'kind:shorts audience:women max:1000 -color:black'),
    ('f', ['shorts for women under 1000'], "show me blues", 'kind:shorts audience:women max:1000 color:blue'),
    ('a', ['earphones under 1500'], "strike boat off the list, boult as well", 'kind:earphones max:1500 -brand:boat -brand:boult'),
    ('a', ['earphones under 1500'], "no red. so is anything blue", 'kind:earphones max:1500 -color:red -color:blue'),
    ('a', ['earphones under 1500'], "zebronics fan here", 'kind:earphones max:1500 brand:zebronics'),
    ('a', ['earphones under 1500'], "I'm a huge boat fan", 'kind:earphones max:1500 brand:boat'),
    ('a', ['earphones under 1500'], "havells fan", 'kind:fan brand:havells'),
    ('a', ['earphones under 1500'], "show me a havells fan under 3000", 'kind:fan brand:havells max:3000'),
    ('a', ['earphones under 1500'], "boult is out, so is anything red", 'kind:earphones max:1500 -brand:boult -color:red'),
    ('a', ['earphones under 1500'], "no boat, and boult too", 'kind:earphones max:1500 -brand:boat -brand:boult'),
    ('a', ['earphones under 1500'], "in red, blue too", 'kind:earphones max:1500 color:red,blue'),
    ('a', ['earphones under 1500'], "no boat, black is fine", 'kind:earphones max:1500 -brand:boat color:black'),
    ('f', ['shorts for women under 1000'], "skip alisha, same goes for libas", 'kind:shorts audience:women max:1000 -brand:alisha -brand:libas'),
    ('b', ['tea under 500'], "any whites?", 'kind:tea max:500 color:white'),
    ('a', ['earphones under 1500'], "I want nothing to do with the brand of #2", 'kind:earphones max:1500 -brand:boult'),
    ('a', ['earphones under 1500'], "No. 4's colour is a no", 'kind:earphones max:1500 -color:red'),
    ('a', ['earphones under 1500'], "skip the brand of the second one", 'kind:earphones max:1500 -brand:boult'),
    ('f', ['shorts for women under 1000'], "not the colour of the 3rd", 'kind:shorts audience:women max:1000 -color:red'),
    ('f', ['shorts for women under 1000'], "avoid the brand behind the pink pair", 'kind:shorts audience:women max:1000 -brand:carrel'),
    ('f', ['shorts for women under 1000'], "what's the brand of the second one?", 'kind:shorts audience:women max:1000 route:detail focus:2'),
    ('a', ['earphones under 1500'], "whoever makes item #2, cross that brand off", 'kind:earphones max:1500 -brand:boult'),
    ('a', ['earphones under 1500'], "No. 4's colour - spare me that shade", 'kind:earphones max:1500 -color:red'),
    ('a', ['earphones under 1500'], "skip the brand behind the red pair", 'kind:earphones max:1500 -brand:ptron'),
    ('f', ['shorts for women under 1000'], "strike alisha off the list, libas as well", 'kind:shorts audience:women max:1000 -brand:alisha -brand:libas'),
    ('b', ['tea under 500'], "tetley is out, so is anything green", 'kind:tea max:500 -brand:tetley -color:green'),
]

# Rounds 43-45, by other authors, with contexts of two or three turns (a detail turn, an exclusion, a new budget
# before the message): pricier and cheaper where the earlier turns matter (80 cases, 32 right on first run), compare
# after a detail turn and corrections (80, 36), subject changes and restarts (80, 60). Fixes: "goes for more than that
# one", "not as cheap as this one", "a higher rate / MRP than", "a bigger outlay", "more indulgent", "exceed the price
# of the most expensive one" (a request about the shown items opens no new subject), "outprice all four" (above the
# priciest), "surpasses the first one in price", "go higher than the cheapest pair but stay within 2000" (a floor
# under the ceiling just set), "isse upar / isse kam keemat" (the item in focus), "daylight robbery", "cut-price",
# "pinching pennies", "entry-level boAt ones", "save a bit vs the boAt one" (not a comparison), "aren't as expensive
# as"; the item in focus set against another ("does the 4th one beat it?", "is this one better than the cheapest?",
# "how does that one fare against the priciest", "should I grab the 3rd or stick with the one you described?", "you
# pick - it or the red one?"), "bang for the buck", "line these four up", "scorecard", "the price gap between", "my
# last pair tore" and "last longer" name no last item; "I said blue, not black" and "you got it wrong, boult not
# boat" correct the value (nothing is banned), "typo, meant 1000"; "in that price range too", "with the same cap"
# keep the budget on a new subject; "restart", "ignore everything I've said so far", "scratch the whole search",
# "cancel everything I asked for" (no FAQ about cancelling), "redo this from zero", "undo all of it", "begin afresh",
# "discard everything we've done".
CASES += [
    # ok, anything dearer than it?   (after detail on #2)
    ('a', ['earphones under 1500', 'no jbl', 'tell me more about the second one'], 'ok, anything dearer than it?', 'kind:earphones -brand:jbl min:>999 max:any op:pricier'),
    ('b', ['tea under 500', 'tell me more about the second one'], 'ok, anything dearer than it?', 'kind:tea min:>250 max:any op:pricier'),
    # what goes for more than that one
    ('f', ['shorts for women under 1000', 'tell me more about the second one'], 'what goes for more than that one', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('a', ['earphones under 1500', 'make it under 2500', 'tell me more about the second one'], 'what goes for more than that one', 'kind:earphones min:>999 max:any op:pricier'),
    # Nice, but I'd like something not as cheap as this one.
    ('b', ['tea under 500', 'not tetley', 'tell me more about the second one'], "Nice, but I'd like something not as cheap as this one.", 'kind:tea -brand:tetley min:>250 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'in blue', 'tell me more about the second one'], "Nice, but I'd like something not as cheap as this one.", 'kind:shorts audience:women color:blue min:>599 max:any op:pricier'),
    # {color} ones in a higher price bracket than this, please
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'white ones in a higher price bracket than this, please', 'kind:earphones color:white min:>999 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'no pink', 'tell me more about the second one'], 'navy ones in a higher price bracket than this, please', 'kind:shorts audience:women -color:pink color:navy min:>599 max:any op:pricier'),
    # I'm willing to pay extra compared with that one, as long as it stays below {N}.
    ('a', ['earphones under 1500', 'tell me more about the second one'], "I'm willing to pay extra compared with that one, as long as it stays below 2500.", 'kind:earphones min:>999 max:2500 op:pricier'),
    ('b', ['tea under 500', 'tell me more about the second one'], "I'm willing to pay extra compared with that one, as long as it stays below 600.", 'kind:tea min:>250 max:600 op:pricier'),
    # any that'd set me back more than that one?
    ('f', ['shorts for women under 1000', 'make it under 1500', 'tell me more about the second one'], "any that'd set me back more than that one?", 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('b', ['tea under 500', 'no patanjali', 'tell me more about the second one'], "any that'd set me back more than that one?", 'kind:tea -brand:patanjali min:>250 max:any op:pricier'),
    # isse upar ki price mein kuch hai?   (Hinglish: anything priced above this one?)
    ('f', ['shorts for women under 1000', 'tell me more about the second one'], 'isse upar ki price mein kuch hai?', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('b', ['tea under 500', 'make it under 700', 'tell me more about the second one'], 'isse upar ki price mein kuch hai?', 'kind:tea min:>250 max:any op:pricier'),
    # anythng spendier than the cheapest one you showed me   (after an exclusion)
    ('a', ['earphones under 1500', 'no jbl'], 'anythng spendier than the cheapest one you showed me', 'kind:earphones -brand:jbl min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'not libas'], 'anythng spendier than the cheapest one you showed me', 'kind:shorts audience:women -brand:libas min:>299 max:any op:pricier'),
    # Do you have any that exceed the price of the most expensive one here?
    ('a', ['earphones under 1500', 'make it under 2500'], 'Do you have any that exceed the price of the most expensive one here?', 'kind:earphones min:>1999 max:any op:pricier'),
    ('b', ['tea under 500', 'from tata tea'], 'Do you have any that exceed the price of the most expensive one here?', 'kind:tea brand:tata_tea min:>560 max:any op:pricier'),
    # hmm what do you have at a higher price point than the {sbrand} one
    ('a', ['earphones under 1500', 'more like the first one'], 'hmm what do you have at a higher price point than the boult one', 'kind:earphones min:>999 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'more like the first one'], 'hmm what do you have at a higher price point than the dressberry one', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    # ones costing more than the {scolor} pair, if there are any
    ('a', ['earphones under 1500', 'no jbl'], 'ones costing more than the blue pair, if there are any', 'kind:earphones -brand:jbl min:>999 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'make it under 1200'], 'ones costing more than the black pair, if there are any', 'kind:shorts audience:women min:>379 max:any op:pricier'),
    # less cheap than the {scolor} one pls
    ('f', ['shorts for women under 1000', 'in cotton'], 'less cheap than the pink one pls', 'kind:shorts audience:women material:cotton min:>299 max:any op:pricier'),
    ('b', ['tea under 500', 'not red label'], 'less cheap than the green one pls', 'kind:tea -brand:red_label min:>180 max:any op:pricier'),
    # top-shelf stuff in {color} pls
    ('a', ['earphones under 1500', 'make it under 2500'], 'top-shelf stuff in white pls', 'kind:earphones color:white min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'no blue'], 'top-shelf stuff in black pls', 'kind:shorts audience:women -color:blue color:black min:>299 max:any op:pricier'),
    # any {brand} ones that outprice all four of these?
    ('a', ['earphones under 1500', 'not boult'], 'any JBL ones that outprice all four of these?', 'kind:earphones -brand:boult brand:jbl min:>1999 max:any op:pricier'),
    ('b', ['tea under 500', 'make it under 700'], 'any red label ones that outprice all four of these?', 'kind:tea brand:red_label min:>560 max:any op:pricier'),
    # more lavish ones please, and no {brand}
    ('a', ['earphones under 1500', 'in black'], 'more lavish ones please, and no boult', 'kind:earphones color:black -brand:boult min:>499 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'in black'], 'more lavish ones please, and no alisha', 'kind:shorts audience:women color:black -brand:alisha min:>299 max:any op:pricier'),
    # go higher than the cheapest pair but stay within {N}
    ('a', ['earphones under 1500', 'from boat'], 'go higher than the cheapest pair but stay within 2000', 'kind:earphones brand:boat min:>499 max:2000 op:pricier'),
    ('f', ['shorts for women under 1000', 'not libas'], 'go higher than the cheapest pair but stay within 1200', 'kind:shorts audience:women -brand:libas min:>299 max:1200 op:pricier'),
    # lean more to the expensive side now   (after an exclusion)
    ('a', ['earphones under 1500', 'not boult'], 'lean more to the expensive side now', 'kind:earphones -brand:boult min:>499 max:any op:pricier'),
    ('b', ['tea under 500', 'no red label'], 'lean more to the expensive side now', 'kind:tea -brand:red_label min:>180 max:any op:pricier'),
    # anything at a higher rate than the {sbrand} one?
    ('b', ['tea under 500', 'from tata tea'], 'anything at a higher rate than the red label one?', 'kind:tea brand:tata_tea min:>250 max:any op:pricier'),
    ('a', ['earphones under 1500', 'in black'], 'anything at a higher rate than the ptron one?', 'kind:earphones color:black min:>499 max:any op:pricier'),
    # the {sbrand} one isn't upscale enough for me
    ('a', ['earphones under 1500', 'more like the first one'], "the boAt one isn't upscale enough for me", 'kind:earphones min:>1299 max:any op:pricier'),
    ('b', ['tea under 500', 'make it under 600'], "the red label one isn't upscale enough for me", 'kind:tea min:>250 max:any op:pricier'),
    # treating myself, so more than what the cheapest costs, up to {N} max
    ('f', ['shorts for women under 1000', 'in blue'], 'treating myself, so more than what the cheapest costs, up to 1500 max', 'kind:shorts audience:women color:blue min:>299 max:1500 op:pricier'),
    ('b', ['tea under 500', 'not red label'], 'treating myself, so more than what the cheapest costs, up to 800 max', 'kind:tea -brand:red_label min:>180 max:800 op:pricier'),
    # anything that surpasses the {ord} one in price? nothing {color} though
    ('a', ['earphones under 1500', 'from boat'], 'anything that surpasses the first one in price? nothing red though', 'kind:earphones brand:boat -color:red min:>1299 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'make it under 1200'], 'anything that surpasses the second one in price? nothing red though', 'kind:shorts audience:women -color:red min:>599 max:any op:pricier'),
    # i'm after a bigger outlay than the {scolor} pair, quality matters to me
    ('a', ['earphones under 1500', 'make it under 2000'], "i'm after a bigger outlay than the blue pair, quality matters to me", 'kind:earphones min:>999 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'no yellow'], "i'm after a bigger outlay than the red pair, quality matters to me", 'kind:shorts audience:women -color:yellow min:>849 max:any op:pricier'),
    # something more indulgent than the {sbrand} one?
    ('b', ['tea under 500', 'no patanjali'], 'something more indulgent than the tetley one?', 'kind:tea -brand:patanjali min:>180 max:any op:pricier'),
    ('a', ['earphones under 1500', 'more like the first one'], 'something more indulgent than the pTron one?', 'kind:earphones min:>499 max:any op:pricier'),
    # anything with a higher MRP than the {ord} one?
    ('a', ['earphones under 1500', 'no jbl', 'make it under 2000'], 'anything with a higher MRP than the second one?', 'kind:earphones -brand:jbl min:>999 max:any op:pricier'),
    ('b', ['tea under 500', 'from tata tea', 'make it under 700'], 'anything with a higher MRP than the third one?', 'kind:tea brand:tata_tea min:>310 max:any op:pricier'),

    # more economical than the {sbrand} pair?
    ('a', ['earphones under 1500', 'make it under 2500'], 'more economical than the boult pair?', 'kind:earphones max:<999 op:cheaper'),
    ('f', ['shorts for women under 1000', 'no pink'], 'more economical than the dressberry pair?', 'kind:shorts audience:women -color:pink max:<599 op:cheaper'),
    # does anything undercut it?   (after detail on #2)
    ('a', ['earphones under 1500', 'in blue', 'tell me more about the second one'], 'does anything undercut it?', 'kind:earphones color:blue max:<999 op:cheaper'),
    ('f', ['shorts for women under 1000', 'tell me more about the second one'], 'does anything undercut it?', 'kind:shorts audience:women max:<599 op:cheaper'),
    # pocket-friendly {color} ones?
    ('a', ['earphones under 1500', 'no jbl'], 'pocket-friendly white ones?', 'kind:earphones -brand:jbl color:white max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000', 'not libas'], 'pocket-friendly white ones?', 'kind:shorts audience:women -brand:libas color:white max:<849 op:cheaper'),
    # the {item} one is way overpriced, go below that
    ('a', ['earphones under 1500', 'make it under 2500'], 'the oneplus one is way overpriced, go below that', 'kind:earphones max:<1999 op:cheaper'),
    ('b', ['tea under 500', 'make it under 700'], 'the first one is way overpriced, go below that', 'kind:tea max:<560 op:cheaper'),
    # isse kam keemat wala koi option?   (Hinglish: any option at a lower price than this one?)
    ('f', ['shorts for women under 1000', 'in blue', 'tell me more about the second one'], 'isse kam keemat wala koi option?', 'kind:shorts audience:women color:blue max:<599 op:cheaper'),
    ('b', ['tea under 500', 'tell me more about the second one'], 'isse kam keemat wala koi option?', 'kind:tea max:<250 op:cheaper'),
    # Something more reasonably priced please, nothing from {brand}.
    ('a', ['earphones under 1500', 'in black'], 'Something more reasonably priced please, nothing from Samsung.', 'kind:earphones color:black -brand:samsung max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000', 'in black'], 'Something more reasonably priced please, nothing from Mynte.', 'kind:shorts audience:women color:black -brand:mynte max:<849 op:cheaper'),
    # the priciest pair is too rich for my blood
    ('a', ['earphones under 1500', 'not boult'], 'the priciest pair is too rich for my blood', 'kind:earphones -brand:boult max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000', 'no blue'], 'the priciest pair is too rich for my blood', 'kind:shorts audience:women -color:blue max:<849 op:cheaper'),
    # {highest price} for {type}?? daylight robbery
    ('a', ['earphones under 1500', 'in black'], '1999 for earphones?? daylight robbery', 'kind:earphones color:black max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000', 'in cotton'], '849 for shorts?? daylight robbery', 'kind:shorts audience:women material:cotton max:<849 op:cheaper'),
    # at a lesser price than the {scolor} ones?
    ('a', ['earphones under 1500', 'no red'], 'at a lesser price than the blue ones?', 'kind:earphones -color:red max:<999 op:cheaper'),
    ('f', ['shorts for women under 1000', 'make it under 1200'], 'at a lesser price than the black ones?', 'kind:shorts audience:women max:<379 op:cheaper'),
    # entry-level {brand} ones?
    ('a', ['earphones under 1500', 'make it under 2500'], 'entry-level boAt ones?', 'kind:earphones brand:boat max:<1999 op:cheaper'),
    ('b', ['tea under 500', 'no tetley'], 'entry-level tata tea ones?', 'kind:tea -brand:tetley brand:tata_tea max:<560 op:cheaper'),
    # want to save a bit vs the {sbrand} one
    ('a', ['earphones under 1500', 'no jbl'], 'want to save a bit vs the boat one', 'kind:earphones -brand:jbl max:<1299 op:cheaper'),
    ('b', ['tea under 500', 'make it under 700'], 'want to save a bit vs the red label one', 'kind:tea max:<250 op:cheaper'),
    # pinching pennies here - anything under the cheapest one?
    ('a', ['earphones under 1500', 'from boat'], 'pinching pennies here - anything under the cheapest one?', 'kind:earphones brand:boat max:<499 op:cheaper'),
    ('f', ['shorts for women under 1000', 'no red'], 'pinching pennies here - anything under the cheapest one?', 'kind:shorts audience:women -color:red max:<299 op:cheaper'),
    # got any cut-price ones?   (after an exclusion)
    ('a', ['earphones under 1500', 'no red'], 'got any cut-price ones?', 'kind:earphones -color:red max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000', 'not dressberry'], 'got any cut-price ones?', 'kind:shorts audience:women -brand:dressberry max:<849 op:cheaper'),
    # ones that aren't as expensive as the {scolor} one
    ('a', ['earphones under 1500', 'not boult'], "ones that aren't as expensive as the red one", 'kind:earphones -brand:boult max:<499 op:cheaper'),
    ('b', ['tea under 500', 'no red label'], "ones that aren't as expensive as the green one", 'kind:tea -brand:red_label max:<180 op:cheaper'),
    # any bargains compared to the {ord} one?
    ('a', ['earphones under 1500', 'more like the first one'], 'any bargains compared to the first one?', 'kind:earphones max:<1299 op:cheaper'),
    ('f', ['shorts for women under 1000', 'more like the first one'], 'any bargains compared to the second one?', 'kind:shorts audience:women max:<599 op:cheaper'),
    # I want to pay less than what the {ord} one costs, in {color} if possible
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'I want to pay less than what the third one costs, in white if possible', 'kind:earphones color:white max:<1999 op:cheaper'),
    ('f', ['shorts for women under 1000', 'more like the first one'], 'I want to pay less than what the third one costs, in white if possible', 'kind:shorts audience:women color:white max:<849 op:cheaper'),
    # [detail 2] does the {ord} one beat it?
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'does the 4th one beat it?', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('h', ['kitchen faucet', 'tell me more about the second one'], 'does the first one beat it?', 'kind:kitchen_faucet route:compare compare:1,2'),
    # [detail 2] is this one (any) better than the cheapest?
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'is this one better than the cheapest?', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000', 'in blue', 'tell me more about the second one'], 'is ths one any better than the cheapest one', 'kind:shorts audience:women max:1000 color:blue route:compare compare:2,4'),
    # [detail 2] how does that one fare against the priciest?
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'how does that one fare against the priciest?', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('b', ['tea under 500', 'no dabur', 'tell me more about the second one'], 'how does that one fare against the priciest', 'kind:tea max:500 -brand:dabur route:compare compare:1,2'),
    # torn between the {price1} pair and the {price2} pair
    ('a', ['earphones under 1500', 'not jbl'], 'torn between the 999 pair and the 1299 pair', 'kind:earphones max:1500 -brand:jbl route:compare compare:1,2'),
    ('f', ['shorts for women under 1000', 'no leather'], 'torn between the 379 pair and the 849 pair', 'kind:shorts audience:women max:1000 -material:leather route:compare compare:1,3'),
    # what extra do I get with the {price1} one over the {price2} one?
    ('a', ['earphones under 1500', 'make it under 2500'], 'what extra do I get with the 1999 one over the 999 one?', 'kind:earphones max:2500 route:compare compare:2,3'),
    ('b', ['tea under 500', 'make it under 600'], 'what extra do i get with the 560 one over the 310 one', 'kind:tea max:600 route:compare compare:1,3'),
    # which one here gives the most bang for the buck?
    ('a', ['earphones under 1500', 'in black'], 'which one here gives the most bang for the buck?', 'kind:earphones max:1500 color:black route:compare compare:1,2,3,4'),
    ('f', ['shorts for women under 1000', 'from dressberry'], 'which one here gives the most bang for the buck', 'kind:shorts audience:women max:1000 brand:dressberry route:compare compare:1,2,3,4'),
    # [detail 2] line these four up from best value to worst
    ('f', ['shorts for women under 1000', 'tell me more about the second one'], 'line these four up from best value to worst', 'kind:shorts audience:women max:1000 route:compare compare:1,2,3,4'),
    ('b', ['tea under 500', 'tell me more about the second one'], 'can you line these four up from best value to worst?', 'kind:tea max:500 route:compare compare:1,2,3,4'),
    # {reason}, so tell me whether the {brand1} or the {brand2} would survive longer
    ('a', ['earphones under 1500', 'under 2000 instead'], 'I sweat a lot at the gym, so tell me whether the Boult or the pTron would survive longer', 'kind:earphones max:2000 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000', 'no polyester'], 'i wash my clothes a lot, so tell me whether the alisha or the carrel pair would survive longer', 'kind:shorts audience:women max:1000 -material:polyester route:compare compare:1,4'),
    # [detail 2] should I grab the {ord} or stick with the one you described?
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'should I grab the 3rd or stick with the one you described?', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('h', ['kitchen faucet', 'tell me more about the second one'], 'should i grab the first or stick with the one you described', 'kind:kitchen_faucet route:compare compare:1,2'),
    # [detail 2] is it worth paying extra for the {ord} instead of this one?
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'is it worth paying extra for the 3rd instead of this one?', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('b', ['tea under 500', 'tell me more about the second one'], 'is it worth paying extra for the 1st instead of this one?', 'kind:tea max:500 route:compare compare:1,2'),
    # [detail 2] you pick: it/that one or the {color} one
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'you pick — it or the red one?', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000', 'from alisha', 'tell me more about the second one'], 'you pick: that one or the red pair', 'kind:shorts audience:women max:1000 brand:alisha route:compare compare:2,3'),
    # [detail 2] what's the trade-off between that one and the {sbrand} one?
    ('a', ['earphones under 1500', 'tell me more about the second one'], "what's the trade-off between that one and the OnePlus one?", 'kind:earphones max:1500 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'tell me more about the second one'], 'whats the tradeoff between that one and the carrel one', 'kind:shorts audience:women max:1000 route:compare compare:2,4'),
    # [detail 2] does the {brand/colour} one outperform the one you just described?
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'does the pTron outperform the one you just described?', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('h', ['kitchen faucet', 'no plastic', 'tell me more about the second one'], 'does the bronze one outperform the one you just described?', 'kind:kitchen_faucet -material:plastic route:compare compare:2,3'),
    # [detail 2] is it a better deal than the {price} one?
    ('b', ['tea under 500', 'tell me more about the second one'], 'is it a better deal than the 310 one?', 'kind:tea max:500 route:compare compare:2,3'),
    ('a', ['earphones under 1500', 'in black', 'tell me more about the second one'], 'is it a better deal than the 1299 one', 'kind:earphones max:1500 color:black route:compare compare:1,2'),
    # I want to buy once and buy right — which of these four is most worth its price?
    ('a', ['earphones under 1500', 'from boat'], 'I want to buy once and buy right — which of these four is most worth its price?', 'kind:earphones max:1500 brand:boat route:compare compare:1,2,3,4'),
    ('b', ['tea under 500', 'from tata tea'], 'want to buy once and buy right, which of these four is most worth its price', 'kind:tea max:500 brand:tata_tea route:compare compare:1,2,3,4'),
    # [similar 3] of these new ones, which wins on value?
    ('a', ['earphones under 1500', 'show me more like the third'], 'of these new ones, which wins on value?', 'kind:earphones max:1500 route:compare compare:1,2,3,4'),
    ('b', ['tea under 500', 'show me more like the third'], 'of these new ones which wins on value', 'kind:tea max:500 route:compare compare:1,2,3,4'),
    # of the two cheapest, which is better made?
    ('a', ['earphones under 1500', 'can we go up to 2000?'], 'of the two cheapest, which is better made?', 'kind:earphones max:2000 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000', 'tell me more about the second one'], 'of the two cheapest which is better made', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    # what justifies the price gap between the two most expensive ones?
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'what justifies the price gap between the two most expensive ones?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('b', ['tea under 500', 'not red label'], 'what justifies the price gap between the two most expensive ones', 'kind:tea max:500 -brand:red_label route:compare compare:1,3'),
    # [detail 2] i'm leaning towards this one but the {sbrand} keeps tempting me, which way should i go?
    ('a', ['earphones under 1500', 'tell me more about the second one'], "i'm leaning towards this one but the pTron keeps tempting me, which way should i go?", 'kind:earphones max:1500 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000', 'tell me more about the second one'], "I'm leaning towards this one but the Alisha keeps tempting me. Which way should I go?", 'kind:shorts audience:women max:1000 route:compare compare:1,2'),
    # can't make up my mind between the {color1} one and the {color2} one
    ('f', ['shorts for women under 1000', 'under 900 instead'], "can't make up my mind between the black pair and the pink pair", 'kind:shorts audience:women max:900 route:compare compare:1,4'),
    ('h', ['kitchen faucet', 'no brass'], 'cant make up my mind between the chrome one and the matte black one', 'kind:kitchen_faucet -material:brass route:compare compare:1,4'),
    # is the {ordA} really worth {diff} more than the {ordB}?
    ('a', ['earphones under 1500', 'in red'], 'is the 2nd really worth 500 more than the 4th?', 'kind:earphones max:1500 color:red route:compare compare:2,4'),
    ('f', ['shorts for women under 1000', 'in cotton'], 'is the 3rd really worth 250 more than the 2nd', 'kind:shorts audience:women max:1000 material:cotton route:compare compare:2,3'),
    # give me a quick scorecard for all four
    ('a', ['earphones under 1500', 'not jbl'], 'give me a quick scorecard for all four', 'kind:earphones max:1500 -brand:jbl route:compare compare:1,2,3,4'),
    ('h', ['kitchen faucet', 'not plastic'], 'quick scorecard for all four please', 'kind:kitchen_faucet -material:plastic route:compare compare:1,2,3,4'),
    # [detail 2] does it have anything on the {sbrand} one?
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'does it have anything on the OnePlus?', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('b', ['tea under 500', 'tell me more about the second one'], 'does it have anything on the tetley one?', 'kind:tea max:500 route:compare compare:2,4'),
    # tell me straight: is the {price1} one that much better than the {price2} one?
    ('a', ['earphones under 1500', 'make it under 2000'], 'tell me straight: is the 1999 one that much better than the 1299 one?', 'kind:earphones max:2000 route:compare compare:1,3'),
    ('b', ['tea under 500', 'can we go up to 600?'], 'tell me straight, is the 560 one that much better than the 250 one', 'kind:tea max:600 route:compare compare:1,2'),
    # [detail 2] {reason}, so would the priciest last longer than this one?
    ('a', ['earphones under 1500', 'tell me more about the second one'], 'my old pair broke in a month, so would the priciest last longer than this one?', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'tell me more about the second one'], 'my last pair tore quickly so would the priciest last longer than this one', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    # [detail 2] I'd go for this one unless the {ref} is clearly superior — is it?
    ('a', ['earphones under 1500', 'tell me more about the second one'], "I'd go for this one unless the 1st is clearly superior — is it?", 'kind:earphones max:1500 route:compare compare:1,2'),
    ('b', ['tea under 500', 'tell me more about the second one'], "i'd go for this one unless the tetley one is clearly superior, is it?", 'kind:tea max:500 route:compare compare:2,4'),
    # is there any reason to choose the {refA} over the {refB}?
    ('a', ['earphones under 1500', 'in black'], 'is there any reason to choose the 2nd over the 4th?', 'kind:earphones max:1500 color:black route:compare compare:2,4'),
    ('f', ['shorts for women under 1000', 'no suede'], 'is there any reason to choose the dressberry over the alisha?', 'kind:shorts audience:women max:1000 -material:suede route:compare compare:1,2'),
    # [add, detail 2] would the {ref} be a better pick for {activity} than this one?
    ('a', ['earphones under 1500', 'in black', 'tell me more about the second one'], 'would the 1st be a better pick for running than this one?', 'kind:earphones max:1500 color:black route:compare compare:1,2'),
    ('f', ['shorts for women under 1000', 'in black', 'tell me more about the second one'], 'would the pink one be a better pick for yoga than this one', 'kind:shorts audience:women max:1000 color:black route:compare compare:2,4'),

    # [color0] I said {color}, not {color0}   (= replace)
    ('a', ['earphones under 1500', 'in black'], 'I said blue, not black', 'kind:earphones max:1500 color:blue'),
    ('f', ['shorts for women under 1000', 'in red'], 'i said maroon not red', 'kind:shorts audience:women max:1000 color:maroon'),
    # [brand0] you('ve) got it wrong — {brand}, not {brand0}   (= replace)
    ('a', ['earphones under 1500', 'from boat'], 'you got it wrong, boult not boat', 'kind:earphones max:1500 brand:boult'),
    ('b', ['tea under 500', 'from tata tea'], "you've got it wrong — red label, not tata tea", 'kind:tea max:500 brand:red_label'),
    # [detail 2] {Color}'s the colour/finish I'm after
    ('a', ['earphones under 1500', 'tell me more about the second one'], "Red's the colour I'm after", 'kind:earphones max:1500 color:red route:product'),
    ('h', ['kitchen faucet', 'tell me more about the second one'], "bronze is the finish i'm after", 'kind:kitchen_faucet color:bronze route:product'),
    # I wouldn't mind {material}
    ('f', ['shorts for women under 1000', 'from alisha'], "i wouldn't mind cotton", 'kind:shorts audience:women max:1000 brand:alisha material:cotton'),
    ('h', ['kitchen faucet', 'in chrome'], "I wouldn't mind stainless steel", 'kind:kitchen_faucet color:chrome material:stainless_steel'),
    # could you maybe try {brand}?   (no brand standing = add)
    ('a', ['earphones under 1500', 'show me more like the third'], 'could you maybe try jbl?', 'kind:earphones max:1500 brand:jbl route:product'),
    ('b', ['tea under 500', 'no dabur'], 'could you maybe try tetley?', 'kind:tea max:500 -brand:dabur brand:tetley'),
    # {price} tops
    ('a', ['earphones under 1500', 'in black'], '1200 tops', 'kind:earphones max:1200 color:black'),
    ('f', ['shorts for women under 1000', 'in blue', 'tell me more about the second one'], '700 tops', 'kind:shorts audience:women max:700 color:blue route:product'),
    # {price} is my ceiling now
    ('b', ['tea under 500', 'from tata tea'], '₹350 is my ceiling now', 'kind:tea max:350 brand:tata_tea'),
    ('a', ['earphones under 1500', 'not jbl'], '1100 is my ceiling now', 'kind:earphones max:1100 -brand:jbl'),
    # {reason: something is colour X}, so match it
    ('h', ['kitchen faucet', 'not plastic'], 'the rest of my kitchen is nickel, so it should match that', 'kind:kitchen_faucet -material:plastic color:nickel'),
    ('a', ['earphones under 1500', 'from boat'], "my phone's rose gold and I want them to match", 'kind:earphones max:1500 brand:boat color:rose_gold'),
    # [budget just changed] sorry, typo — I meant {price}
    ('f', ['shorts for women under 1000', 'under 800 instead'], 'sorry, typo — I meant 600', 'kind:shorts audience:women max:600'),
    ('a', ['earphones under 1500', 'make it under 1200'], 'typo sorry, meant 1000', 'kind:earphones max:1000'),
    # thinking {color}, actually   (nothing to replace = add)
    ('f', ['shorts for women under 1000', 'no polyester'], 'thinking navy, actually', 'kind:shorts audience:women max:1000 -material:polyester color:navy'),
    ('a', ['earphones under 1500', 'not jbl'], 'thinking white, actually', 'kind:earphones max:1500 -brand:jbl color:white'),
    # {brand} and {color} — that combo please
    ('a', ['earphones under 1500', 'show me more like the third'], 'boult and blue — that combo please', 'kind:earphones max:1500 brand:boult color:blue route:product'),
    ('f', ['shorts for women under 1000', 'no polyester', 'make it under 900'], 'dressberry and navy, that combo please', 'kind:shorts audience:women max:900 -material:polyester brand:dressberry color:navy'),
    # has to be {brand}, {reason}
    ('a', ['earphones under 1500', 'in black'], 'has to be boAt, my whole setup is boAt', 'kind:earphones max:1500 color:black brand:boat'),
    ('b', ['tea under 500', 'show me more like the third'], "has to be red label, it's the only one we drink at home", 'kind:tea max:500 brand:red_label route:product'),
    # ok that's settled. what've you got in the way of {type_pl}?
    ('a', ['earphones under 1500', 'in black'], "ok that's settled. what've you got in the way of kettles?", 'kind:kettle'),
    ('h', ['kitchen faucet', 'in chrome'], "ok that's settled. what've you got in the way of sinks?", 'kind:sink'),
    # unrelated q - {type_pl}?
    ('a', ['earphones under 1500', 'no boult'], 'unrelated q - smartwatches?', 'kind:smartwatch -brand:boult'),
    ('b', ['tea under 500', 'no red label'], 'unrelated q - biscuits?', 'kind:biscuits -brand:red_label'),
    # since I'm on the site anyway, do you sell {type_pl}?
    ('a', ['earphones under 1500', 'from boat'], "since I'm on the site anyway, do you sell geysers?", 'kind:geyser'),
    ('f', ['shorts for women under 1000', 'in blue'], "since I'm on the site anyway, do you sell sunglasses?", 'kind:sunglasses audience:women'),
    # my {rel} wants a {type}
    ('a', ['earphones under 1500', 'in black'], 'my brother wants a trimmer', 'kind:trimmer audience:men'),
    ('f', ['shorts for women under 1000', 'not carrel'], 'my dad wants a watch', 'kind:watch audience:men -brand:carrel'),
    # ok cool. {type_pl}?
    ('b', ['tea under 500', 'from tata tea'], 'ok cool. honey?', 'kind:honey'),
    ('h', ['kitchen faucet', 'made of brass'], 'ok cool. ladders?', 'kind:ladder'),
    # got my {old} sorted, on to {type_pl}
    ('a', ['earphones under 1500', 'make it under 1200'], 'got my earphones sorted, on to speakers', 'kind:speaker'),
    ('f', ['shorts for women under 1000', 'no denim'], 'got my shorts sorted, on to kurtis', 'kind:kurti audience:women -material:denim'),
    # I'd want a {type} too, if you stock one
    ('a', ['earphones under 1500', 'from boat'], "i'd want a mouse too, if you stock one", 'kind:mouse'),
    ('h', ['kitchen faucet', 'no bronze'], "I'd want a mirror too, if you stock one", 'kind:mirror -color:bronze'),
    # one more thing on my list: {type_pl}
    ('b', ['tea under 500', 'under 400 instead'], 'one more thing on my list: noodles', 'kind:noodles'),
    ('f', ['shorts for women under 1000', 'in black', 'no alisha'], 'one more thing on my list: leggings', 'kind:leggings audience:women -brand:alisha'),
    # last thing — {type_pl} under {price}   (own budget replaces the old one)
    ('a', ['earphones under 1500', 'in black'], 'last thing — kettles under 2000', 'kind:kettle max:2000'),
    ('b', ['tea under 500', 'from tata tea'], 'last thing — coffee under 300', 'kind:coffee max:300'),
    # got a section for {type_pl}? lemme see
    ('a', ['earphones under 1500', 'no ptron'], 'got a section for vacuum cleaners? lemme see', 'kind:vacuum_cleaner -brand:ptron'),
    ('h', ['kitchen faucet', 'in black', 'not plastic'], 'got a section for ceiling fans? lemme see', 'kind:ceiling_fan -material:plastic'),
    # my mom keeps asking for a {type}, got any?
    ('a', ['earphones under 1500', 'from boat'], 'my mom keeps asking for a mixer grinder, got any?', 'kind:mixer_grinder audience:women'),
    ('f', ['shorts for women under 1000', 'in blue'], 'my mom keeps asking for a straight kurta, got any?', 'kind:straight_kurta audience:women'),
    # shopping for my dad today - he needs {a_type}
    ('a', ['earphones under 1500', 'no boult', 'in blue'], 'shopping for my dad today - he needs a dry iron', 'kind:dry_iron audience:men -brand:boult'),
    ('f', ['shorts for women under 1000', 'under 700 instead'], 'shopping for my dad today - he needs loafers', 'kind:loafers audience:men'),
    # what's your {type} selection like?
    ('b', ['tea under 500', 'no red label'], "what's your chocolate selection like?", 'kind:chocolate -brand:red_label'),
    ('a', ['earphones under 1500', 'in black', 'under 1000 instead'], "what's your heater selection like?", 'kind:heater'),
    # {type_pl}, {color}, nothing over {price}   (own colour and budget)
    ('a', ['earphones under 1500', 'in black'], 'smartwatches, silver, nothing over 3000', 'kind:smartwatch color:silver max:3000'),
    ('f', ['shorts for women under 1000', 'in blue', 'no alisha'], 'heels, beige, nothing over 1500', 'kind:heels color:beige max:1500 audience:women -brand:alisha'),
    # same budget, but for a {type}   (old max kept)
    ('a', ['earphones under 1500', 'in black', 'make it under 1200'], 'same budget, but for a speaker', 'kind:speaker max:1200'),
    ('b', ['tea under 500', 'no red label', 'under 400 instead'], 'same budget but for coffee', 'kind:coffee max:400 -brand:red_label'),
    # can i get {a_type} in that price range too   (old max kept)
    ('a', ['earphones under 1500', 'from boat'], 'can i get a power bank in that price range too', 'kind:power_bank max:1500'),
    ('f', ['shorts for women under 1000', 'in red'], 'can i get a dress in that price range too', 'kind:dress audience:women max:1000'),
    # my {rel}'s birthday is coming up, she's into {interest} - thinking {a_type}
    ('a', ['earphones under 1500', 'no ptron'], "my wife's birthday is coming up, she's into smoothies - thinking a blender", 'kind:blender audience:women -brand:ptron'),
    ('f', ['shorts for women under 1000', 'from dressberry'], "my sister's birthday is coming up, she's into jewellery - thinking a ring", 'kind:ring audience:women'),
    # for my {rel} who's mad about {interest}: {type_pl}
    ('f', ['shorts for women under 1000', 'no denim'], "for my daughter who's mad about hiking: boots", 'kind:boots audience:girls -material:denim'),
    ('a', ['earphones under 1500', 'in blue'], "for my son who's mad about gaming: headphones", 'kind:headphones audience:boys'),
    # btw do u guys sel {type_pl}
    ('a', ['earphones under 1500', 'no boult'], 'btw do u guys sel toasters', 'kind:toaster -brand:boult'),
    ('b', ['tea under 500', 'from tetley', 'make it under 300'], 'btw do u guys sel mugs', 'kind:mug'),
    # my old {type} died, need a replacement
    ('a', ['earphones under 1500', 'in black'], 'my old kettle died, need a replacement', 'kind:kettle'),
    ('h', ['kitchen faucet', 'in chrome'], 'my old drill died, need a replacement', 'kind:drill'),
    # the {old} can wait. {type_pl}?
    ('f', ['shorts for women under 1000', 'in black'], 'the shorts can wait. sweaters?', 'kind:sweater audience:women'),
    ('h', ['kitchen faucet', 'no bronze'], 'the faucet can wait. area rugs?', 'kind:area_rug -color:bronze'),
    # hey, different thing: my {rel} needs {type_np}
    ('f', ['shorts for women under 1000', 'not carrel', 'under 700 instead'], 'hey, different thing: my husband needs shirts', 'kind:shirt audience:men -brand:carrel'),
    ('a', ['earphones under 1500', 'from boat'], 'hey, different thing: my daughter needs a keyboard for school', 'kind:keyboard audience:girls'),
    # {brand} {type_pl} in {color} - anything?   (own brand and colour)
    ('a', ['earphones under 1500', 'from boat', 'in black'], 'philips trimmers in black - anything?', 'kind:trimmer brand:philips color:black'),
    ('b', ['tea under 500', 'from tata tea'], 'cello bottles in blue - anything?', 'kind:bottle brand:cello color:blue'),
    # Could you please help me find {a_type} for the {room}? Something {color} would be lovely.
    ('h', ['kitchen faucet', 'in chrome', 'not plastic'], 'Could you please help me find a lamp for the living room? Something white would be lovely.', 'kind:lamp color:white -material:plastic'),
    ('a', ['earphones under 1500', 'in blue'], 'Could you please help me find a fan for the bedroom? Something white would be lovely.', 'kind:fan color:white'),
    # good, thanks. right, {type} — what's there under {price}?
    ('f', ['shorts for women under 1000', 'in black'], "good, thanks. right, jeans — what's there under 1500?", 'kind:jeans audience:women max:1500'),
    ('b', ['tea under 500', 'from tata tea', 'under 400 instead'], "good, thanks. right, ghee — what's there under 600?", 'kind:ghee max:600'),
    # {type_pl} with the same cap?   (old max kept)
    ('f', ['shorts for women under 1000', 'under 700 instead'], 'tops with the same cap?', 'kind:top audience:women max:700'),
    ('b', ['tea under 500', 'from tata tea'], 'biscuits with the same cap?', 'kind:biscuits max:500'),

    # wipe the slate clean
    ('a', ['earphones under 1500', 'in black'], 'wipe the slate clean', 'op:reset'),
    ('f', ['shorts for women under 1000', 'no denim'], 'wipe the slate clean pls', 'op:reset'),
    # let's begin from scratch
    ('b', ['tea under 500', 'from tata tea'], "let's begin from scratch", 'op:reset'),
    ('h', ['kitchen faucet', 'in chrome'], 'lets begin from scratch', 'op:reset'),
    # back to square one please
    ('a', ['earphones under 1500', 'no boult', 'in blue'], 'back to square one please', 'op:reset'),
    ('h', ['kitchen faucet', 'no bronze'], 'back to square one', 'op:reset'),
    # reset the whole thing
    ('f', ['shorts for women under 1000', 'in blue', 'no alisha'], 'reset the whole thing', 'op:reset'),
    ('b', ['tea under 500', 'no red label'], 'reset the whole thing please', 'op:reset'),
    # ignore everything I've said so far and show me {type_pl}
    ('a', ['earphones under 1500', 'from boat'], "ignore everything I've said so far and show me speakers", 'kind:speaker op:reset'),
    ('f', ['shorts for women under 1000', 'no denim'], "ignore everything I've said so far and show me dresses", 'kind:dress op:reset'),
    # scratch the whole search. {type_pl} under {price}
    ('a', ['earphones under 1500', 'in black'], 'scratch the whole search. blenders under 2500', 'kind:blender max:2500 op:reset'),
    ('b', ['tea under 500', 'no red label'], 'scratch the whole search. juice under 150', 'kind:juice max:150 op:reset'),
    # clean slate: {color} {type_pl}
    ('f', ['shorts for women under 1000', 'in black'], 'clean slate: white shoes', 'kind:shoes color:white op:reset'),
    ('h', ['kitchen faucet', 'made of brass'], 'clean slate: grey chairs', 'kind:chair color:grey op:reset'),
    # from the top — {type_pl} for {aud}
    ('f', ['shorts for women under 1000', 'not carrel'], 'from the top — jeans for men', 'kind:jeans audience:men op:reset'),
    ('a', ['earphones under 1500', 'from boat'], 'from the top - smartwatches for women', 'kind:smartwatch audience:women op:reset'),
    # cancel everything i asked for
    ('b', ['tea under 500', 'from tetley', 'make it under 300'], 'cancel everything i asked for', 'op:reset'),
    ('a', ['earphones under 1500', 'in black', 'no ptron'], 'cancel everything I asked for', 'op:reset'),
    # lets redo this from zero, {brand} {type_pl}
    ('b', ['tea under 500', 'no red label'], 'lets redo this from zero, amul butter', 'kind:butter brand:amul op:reset'),
    ('a', ['earphones under 1500', 'in blue'], 'lets redo this from zero, havells heaters', 'kind:heater brand:havells op:reset'),
    # undo all of it — I actually came here for {type_pl}
    ('h', ['kitchen faucet', 'in black', 'not plastic'], 'undo all of it — I actually came here for paint', 'kind:paint op:reset'),
    ('b', ['tea under 500', 'from tata tea'], 'undo all of it - i actually came here for atta', 'kind:atta op:reset'),
    # Could we throw out everything so far and begin afresh? I'd like to look at {type_pl} in {material}.
    ('f', ['shorts for women under 1000', 'in red'], "Could we throw out everything so far and begin afresh? I'd like to look at kurtis in cotton.", 'kind:kurti material:cotton op:reset'),
    ('h', ['kitchen faucet', 'in chrome'], "Could we throw out everything so far and begin afresh? I'd like to look at cabinets in solid wood.", 'kind:cabinet material:solid_wood op:reset'),
    # restart
    ('h', ['kitchen faucet', 'made of brass'], 'restart pls', 'op:reset'),
    ('f', ['shorts for women under 1000', 'under 700 instead'], 'restart.', 'op:reset'),
    # discard everything we've done, {type_pl} under {price}
    ('a', ['earphones under 1500', 'no boult'], "discard everything we've done, power banks under 1000", 'kind:power_bank max:1000 op:reset'),
    ('f', ['shorts for women under 1000', 'in blue', 'no alisha'], "discard everything we've done, flats under 800", 'kind:flats max:800 op:reset'),
]

# Ways of naming the items to compare, by me (36 cases, 27 right on first run). Fixes: "items two and four" (number
# words after options / items / numbers), "compare the 1299 and the 999 ones" (a shown price names its item in a
# comparison), "compare the black ones", "compare both black pairs", "compare the tata tea ones" (every shown item of
# that brand or colour). Left out, still wrong: "compare the first one to the one after it", "one or three?",
# "compare the gold and the premium" (title words that are also a colour), "how do the pull-down ones compare?".
CASES += [
    ('a', ['earphones under 1500'], 'compare the bottom two', 'kind:earphones max:1500 route:compare compare:3,4'),
    ('a', ['earphones under 1500'], 'compare the last three', 'kind:earphones max:1500 route:compare compare:2,3,4'),
    ('a', ['earphones under 1500'], 'compare the first and the last', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('a', ['earphones under 1500'], 'compare the two cheapest', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500'], 'compare the 2 cheapest ones', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500'], 'compare the cheapest and the priciest', 'kind:earphones max:1500 route:compare compare:3,4'),
    ('a', ['earphones under 1500'], 'compare the top 3', 'kind:earphones max:1500 route:compare compare:1,2,3'),
    ('a', ['earphones under 1500'], 'compare all four', 'kind:earphones max:1500 route:compare compare:1,2,3,4'),
    ('a', ['earphones under 1500'], 'compare everything', 'kind:earphones max:1500 route:compare compare:1,2,3,4'),
    ('a', ['earphones under 1500'], 'compare the boAt and the OnePlus', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'compare numbers 2 and 4', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500'], 'compare items two and four', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500'], 'compare option two with option three', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('a', ['earphones under 1500'], 'compare the 1299 and the 999 ones', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('a', ['earphones under 1500'], 'compare the ₹1,299 one with the ₹999 one', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('a', ['earphones under 1500'], 'compare the Rockerz with the Bullets', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'compare the neckband with the magnetic ones', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('a', ['earphones under 1500'], 'compare the second and fourth options', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500'], 'compare the 2nd & 3rd', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('a', ['earphones under 1500'], 'compare 2nd with 4th', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500'], 'compare these two: 1 and 4', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('a', ['earphones under 1500'], 'compare the black ones', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'compare the two black ones', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'compare the top one with the bottom one', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('a', ['earphones under 1500'], 'compare both black pairs', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'compare the first three', 'kind:earphones max:1500 route:compare compare:1,2,3'),
    ('a', ['earphones under 1500'], 'which is better: first or third?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'first or third?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'compare the two tata tea packs', 'kind:tea max:500 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'compare the tata tea ones', 'kind:tea max:500 route:compare compare:1,3'),
    ('h', ['kitchen faucet'], 'compare the delta and the moen', 'kind:kitchen_faucet route:compare compare:1,2'),
    ('h', ['kitchen faucet'], 'compare the touchless one and the bronze one', 'kind:kitchen_faucet route:compare compare:2,3'),
]



# Rounds 46-47 by other authors: pricier with and without a shown anchor ('anythin above the 999 one', 'any step up from it?', typos 'pricer', 'premum'), a budget raised without an amount (relax) or by one ('push the budget up by 500', 'double the budget'), comparisons by price rank ('the cheaper two', 'cheapest vs most expensive'), by names after a lead-in ('OK, so Pfister versus Moen'), against the item in focus ('that vs the red one'), after a yes/no question about an item's material ('is the third one pure cotton?' asks, it filters nothing). Left out, still wrong: 'costlier than the pink printed one' (the words of a title name the item), 'pricier than the 1 kg pack' (a pack size names the item), 'stack up against the gold' (a colour word that is a title word).
CASES += [
    ('a', ['earphones under 1500'], 'costlier than the boult one?', 'kind:earphones min:>999 max:any op:pricier'),
    ('a', ['earphones under 1500'], 'anythin above the 999 one', 'kind:earphones min:>999 max:any op:pricier'),
    ('a', ['need earphones below 1500', 'black only'], 'hmm these look cheap.. something fancier?', 'kind:earphones color:black min:any max:any op:pricier'),
    ('a', ['earphones under 1500', 'no jbl'], 'i can spend more tbh', 'kind:earphones -brand:jbl max:>1500 op:relax'),
    ('a', ['earphones under 1500'], 'raise the budget', 'kind:earphones max:>1500 op:relax'),
    ('a', ['earphones under 1500'], 'raise the budget to 2500', 'kind:earphones max:2500'),
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], 'ok and something a step up from that one?', 'kind:earphones min:>999 max:any op:pricier'),
    ('a', ['earphones under 1500', 'more like the first'], 'similar but a bit more premium', 'kind:earphones min:any max:any op:pricier'),
    ('a', ['earphones under ₹1500'], 'better quality than the ptron pls, that one looks flimsy', 'kind:earphones min:>499 max:any op:pricier'),
    ('a', ['earphones under 1500'], 'show me costlier ones but not oneplus', 'kind:earphones -brand:oneplus min:any max:any op:pricier'),
    ('a', ['earphones under 1500', 'in black'], 'something pricier, in white instead', 'kind:earphones color:white min:any max:any op:pricier'),
    ('a', ['earphones under 1500'], 'actually lets look at headphones, higher end ones', 'kind:headphones min:any max:any op:pricier'),
    ('a', ['earphones under 1500', 'make it under 2000'], 'anything pricier than both the boat and the boult?', 'kind:earphones min:>1299 max:any op:pricier'),
    ('a', ['earphones within 1500 rupees'], 'kindly increase budget and show better options', 'kind:earphones max:>1500 op:relax'),
    ('a', ['earphones under 1500'], 'push the budget up by 500', 'kind:earphones max:2000'),
    ('a', ['earphones under 1500', 'no jbl'], 'something a little more expensive than the boat but still under 1800', 'kind:earphones -brand:jbl min:>1299 max:1800 op:pricier'),
    ('a', ['earphones under 1500'], 'whats more premium than the oneplus', 'kind:earphones min:>1999 max:any op:pricier'),
    ('a', ['earphones under 1500', 'is the first one waterproof?', 'no boat'], 'k show me somthing higher end', 'kind:earphones -brand:boat min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'pricer than the dressberry ones?', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('f', ['women shorts below 1000'], 'these are too basic, show me some classier ones', 'kind:shorts audience:women min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'in blue'], 'something a notch above the denim pair', 'kind:shorts audience:women color:blue min:>599 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'budget can go upto 1500', 'kind:shorts audience:women max:1500'),
    ('f', ['shorts for women under 1000', 'not carrel'], 'can stretch my budget a bit, show better quality', 'kind:shorts audience:women -brand:carrel min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'something more upmarket than the mast and harbour, cotton only', 'kind:shorts audience:women material:cotton min:>849 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'does the first one have pockets?'], 'hmm ok, any step up from it?', 'kind:shorts audience:women min:>379 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'show jeans instead, a more premium range', 'kind:jeans audience:women min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'more like the third'], 'yes but costlier', 'kind:shorts audience:women min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'i dont mind paying more if the quality is good', 'kind:shorts audience:women max:>1000 op:relax'),
    ('f', ['shorts for women under 1000', 'black or navy'], 'more expensive ones pls', 'kind:shorts audience:women color:black,navy min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'the cycling ones look so cheap... something nicer in maroon?', 'kind:shorts audience:women color:maroon min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'under 700 now'], 'hmm actually show me ones above the 599 pair', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('b', ['tea under 500'], 'a step up from the red label?', 'kind:tea min:>250 max:any op:pricier'),
    ('b', ['tea under 500'], 'smthng more premum pls, its for guests', 'kind:tea min:any max:any op:pricier'),
    ('b', ['tea under 500', 'no tetley'], 'costlier than the tata gold', 'kind:tea -brand:tetley min:>310 max:any op:pricier'),
    ('b', ['tea under 500'], 'raise budget to 800', 'kind:tea max:800'),
    ('b', ['tea under 500'], 'better quality than the tetley bags?', 'kind:tea min:>180 max:any op:pricier'),
    ('b', ['tea under 500', 'is the second one loose leaf?'], 'ok anything a bit more expensive than it', 'kind:tea min:>250 max:any op:pricier'),
    ('b', ['tea under 500'], 'i can spend a little more, show me the good stuff but no red label', 'kind:tea -brand:red_label max:>500 op:relax'),
    ('b', ['need tea below rs 500'], 'show coffee instead, premium ones', 'kind:coffee min:any max:any op:pricier'),
    ('b', ['tea under 500', 'tata tea only'], 'anything fancier than the gold one', 'kind:tea brand:tata_tea min:>310 max:any op:pricier'),
    ('b', ['tea under 500', 'more like the third'], 'ya but slightly more costly', 'kind:tea min:any max:any op:pricier'),
    ('b', ['tea under 500'], 'increase the budget a bit', 'kind:tea max:>500 op:relax'),
    ('h', ['kitchen faucet under 150'], 'anything nicer than the delta?', 'kind:kitchen_faucet min:>89 max:any op:pricier'),
    ('h', ['kitchen faucet under $150'], 'I could spend more if it gets me something better', 'kind:kitchen_faucet max:>150 op:relax'),
    ('h', ['kitchen faucet under 150', 'in black'], 'something a step up from the pfister', 'kind:kitchen_faucet color:black min:>179 max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], "let's bump the budget to $250", 'kind:kitchen_faucet max:250'),
    ('h', ['kitchen faucet under 150'], 'the glacier bay looks cheap, what else is there that costs more', 'kind:kitchen_faucet min:>59 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'does the first one come with a sprayer?'], 'ok, show me something more upscale than that', 'kind:kitchen_faucet min:>89 max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], 'higher end ones in brushed nickel', 'kind:kitchen_faucet color:nickel min:any max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], 'More expensive than the touchless Moen?', 'kind:kitchen_faucet min:>249 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'no chrome'], 'go higher on price', 'kind:kitchen_faucet -color:chrome min:any max:any op:pricier'),
    ('h', ['looking for a kitchen faucet, budget $150'], 'solid brass would be nice, willing to pay more for it', 'kind:kitchen_faucet material:brass max:>150 op:relax'),
    ('h', ['kitchen faucet under 150'], 'can we raise the budget some?', 'kind:kitchen_faucet max:>150 op:relax'),
    ('h', ['kitchen faucet under 150', 'more like the fourth'], 'yeah like that but a little fancier', 'kind:kitchen_faucet min:any max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], 'show me bathroom vanities, the premium kind', 'kind:vanity min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'anything pricier than the runwright?', 'kind:running_shoes color:black -brand:veloxa min:>94.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'Show me more premium ones.', 'kind:running_shoes color:black -brand:veloxa min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'I can go up to 200', 'kind:running_shoes color:black -brand:veloxa max:200'),
    ('d', ['running shoes in black under 150, not Veloxa', 'does the second one come in wide sizes?'], 'cool, anything a step above that one', 'kind:running_shoes color:black -brand:veloxa min:>125.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'something costlier than the marathia but no quillon', 'kind:running_shoes color:black -brand:veloxa -brand:quillon min:>125.99 max:any op:pricier'),
    ('d', ['running shoes under 150'], 'better quality than the 94.99 pair?', 'kind:running_shoes min:>94.99 max:any op:pricier'),
    ('d', ['running shoes under 150', 'in blue'], 'fancier ones in navy instead', 'kind:running_shoes color:navy min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'money isnt really an issue, show the top end stuff', 'kind:running_shoes color:black -brand:veloxa min:any max:any op:pricier'),
    ('d', ['running shoes under 150'], 'more expensive than the quillon', 'kind:running_shoes min:>156.95 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'more like the third'], 'like those but a tier up', 'kind:running_shoes color:black -brand:veloxa min:any max:any op:pricier'),
    ('d', ['running shoes under 150'], 'switch to sneakers, something higher end', 'kind:sneakers min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'make it under 120'], 'nah raise it again, pricier than the navy pair is fine', 'kind:running_shoes color:black -brand:veloxa min:>125.99 max:any op:pricier'),
    ('d', ['running shoes under 150'], 'double the budget', 'kind:running_shoes max:300'),
    ('a', ['earphones under 1500'], 'boat vs oneplus which is better', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500', 'no jbl'], 'whats the diffrence between the boult and the ptron', 'kind:earphones max:1500 -brand:jbl route:compare compare:2,4'),
    ('a', ['earphones under 1500'], 'which one should i get, 2 or 4?', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], 'ok and how does it compare with the first one', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('a', ['earphones under 1500', 'make it under 2000'], 'compare the last two for me', 'kind:earphones max:2000 route:compare compare:3,4'),
    ('a', ['earphones under 1500'], 'the blue one or the red one?? cant decide', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'black only'], 'put the two black ones side by side', 'kind:earphones max:1500 color:black route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'the cheaper two - how do they stack up against each other?', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'no boat'], 'Could you compare the 999 one and the 1999 one please', 'kind:earphones max:1500 -brand:boat route:compare compare:2,3'),
    ('a', ['earphones under 1500', 'sorry i meant under 1000'], 'compare 2nd and 4th', 'kind:earphones max:1000 route:compare compare:2,4'),
    ('a', ['earphones under 1500'], 'yaar tell me difference between oneplus and boult na', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('a', ['earphones under 1500', 'more like the first'], 'hmm how does the first stack up vs the third', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'cheapest vs most expensive?', 'kind:earphones max:1500 route:compare compare:3,4'),
    ('a', ['earphones under 2000', 'only black'], 'which is better for gym, 1 or 3', 'kind:earphones color:black max:2000 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'pls compare boAt Rockerz and pTron Tangent', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('a', ['earphones under 1500', 'tell me more about the fourth one'], 'compare the first and the one you just described', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('f', ['shorts for women under 1000'], 'alisha vs dressberry', 'kind:shorts audience:women max:1000 route:compare compare:1,2'),
    ('f', ['shorts for women under 1000'], 'what is the difference between the black and the pink ones', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    ('f', ['shorts for women under 1000', 'no carrel'], 'compare the mast & harbour with the dressberry one', 'kind:shorts audience:women max:1000 -brand:carrel route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'under 700 now'], 'the two cheapest, which is better quality', 'kind:shorts audience:women max:700 route:compare compare:1,4'),
    ('f', ['shorts for women under 1000', 'is the third one pure cotton?'], 'ok now compare it with the first', 'kind:shorts audience:women max:1000 route:compare compare:1,3'),
    ('f', ['shorts for women under 1000'], 'Which should I buy - #2 or #3?', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'in blue'], 'how do the first and last stack up', 'kind:shorts audience:women max:1000 color:blue route:compare compare:1,4'),
    ('f', ['shorts for women under 1000'], 'denim one vs cotton one', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'actually make it under 800'], 'last 2 comparison pls', 'kind:shorts audience:women max:800 route:compare compare:3,4'),
    ('f', ['shorts for women under 1000'], 'the 379 one or the 599 one, which fits better', 'kind:shorts audience:women max:1000 route:compare compare:1,2'),
    ('f', ['shorts for women under 1000', 'show me more like the second'], 'compare the 2nd with the 4th one', 'kind:shorts audience:women max:1000 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000', 'no pink please'], 'whats better b/w first & third', 'kind:shorts audience:women max:1000 -color:pink route:compare compare:1,3'),
    ('f', ['shorts for women under 1000'], 'the pricier two, how are they different?', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'what is the fabric of the second?'], 'ok and that vs the red one', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'in black', 'no alisha'], 'kindly compare 1st and 4th and tell which is best', 'kind:shorts audience:women max:1000 color:black -brand:alisha route:compare compare:1,4'),
    ('b', ['tea under 500'], 'red label or tata gold which is better taste', 'kind:tea max:500 route:compare compare:2,3'),
    ('b', ['tea under 500'], 'tetley vs red label', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500', 'no tetley'], 'compare the first two', 'kind:tea max:500 -brand:tetley route:compare compare:1,2'),
    ('b', ['tea under 500', 'make it under 600'], 'whats the difference between the 560 one and the 310 one', 'kind:tea max:600 route:compare compare:1,3'),
    ('b', ['tea under 500', 'is the 4th one caffeine free?'], 'ok compare it against red label', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500'], 'cheaper two - compare', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500'], 'Which one should I go for, 1 or 3? both are tata right', 'kind:tea max:500 route:compare compare:1,3'),
    ('b', ['tea under 500', 'sorry, under 400 i meant'], 'compare second and third', 'kind:tea max:400 route:compare compare:2,3'),
    ('b', ['tea under 500'], 'tata tea premium vs tetley green tea how do they compare', 'kind:tea max:500 route:compare compare:1,4'),
    ('b', ['tea under 500', 'no red label'], 'last two vs each other?', 'kind:tea max:500 -brand:red_label route:compare compare:3,4'),
    ('b', ['tea under 500'], 'diff b/w 2 & 4 ?', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500', 'more like the third'], 'bhaiya first one and third one mein kya farak hai, compare karo', 'kind:tea max:500 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150'], 'delta vs glacier bay?', 'kind:kitchen_faucet max:150 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150', 'make it under 300'], 'moen or pfister, which would you get', 'kind:kitchen_faucet max:300 route:compare compare:2,4'),
    ('h', ['kitchen faucet under 150', 'does the second one need batteries?'], 'how does it compare to the matte black one', 'kind:kitchen_faucet max:150 route:compare compare:2,4'),
    ('h', ['kitchen faucet under 150'], 'compare the $89 one with the $59 one', 'kind:kitchen_faucet max:150 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150'], 'Which should I buy, #1 or #4?', 'kind:kitchen_faucet max:150 route:compare compare:1,4'),
    ('h', ['kitchen faucet under 150', 'in black'], 'How do the last two stack up?', 'kind:kitchen_faucet max:150 color:black route:compare compare:3,4'),
    ('h', ['kitchen faucet under 150', 'no nickel'], 'the two cheapest ones compared pls', 'kind:kitchen_faucet max:150 -color:nickel route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150', 'actually I meant under 200'], 'first vs fourth', 'kind:kitchen_faucet max:200 route:compare compare:1,4'),
    ('h', ['kitchen faucet under 150'], 'nickel vs black finish which holds up better', 'kind:kitchen_faucet max:150 route:compare compare:2,4'),
    ('h', ['kitchen faucet under 150', 'more like the first one'], 'compare the first and the third', 'kind:kitchen_faucet max:150 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150'], 'im torn between the moen and the delta, thoughts?', 'kind:kitchen_faucet max:150 route:compare compare:1,2'),
    ('h', ['kitchen faucet under 150'], 'the pricier two - what sets them apart', 'kind:kitchen_faucet max:150 route:compare compare:2,4'),
    ('h', ['kitchen faucet under 150', 'no chrome', 'is the pfister one touchless?'], 'OK, so Pfister versus Moen - give me the rundown.', 'kind:kitchen_faucet max:150 -color:chrome route:compare compare:2,4'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'marathia vs runwright', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,3'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'which one should I get, 2 or 4', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,4'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'compare the navy and the blue pair', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,3'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'the cheapest and the priciest, how do they compare?', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:3,4'),
    ('d', ['running shoes in black under 150, not Veloxa', 'does the third one have good arch support?'], 'compare it with the quillon', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:3,4'),
    ('d', ['running shoes in black under 150, not Veloxa', 'make it under 170'], 'whats the diff between 1 and 4', 'kind:running_shoes color:black max:170 -brand:veloxa route:compare compare:1,4'),
    ('d', ['running shoes under 150'], 'grey one vs neon yellow one?', 'kind:running_shoes max:150 route:compare compare:1,4'),
    ('d', ['running shoes under 150', 'in blue'], 'first two how do they stack up', 'kind:running_shoes color:blue max:150 route:compare compare:1,2'),
    ('d', ['running shoes under 150', 'not veloxa'], 'compare the 125.99 and the 94.99 ones', 'kind:running_shoes max:150 -brand:veloxa route:compare compare:2,3'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'Compare the Quillon Swiftline with the Marathia Pacer.', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,4'),
    ('d', ['running shoes in black under 150, not Veloxa', 'sorry, under 160 not 150'], 'the last two, side by side pls', 'kind:running_shoes color:black max:160 -brand:veloxa route:compare compare:3,4'),
    ('d', ['womens running shoes under 200'], 'which is better for flat feet 1 or 3', 'kind:running_shoes audience:women max:200 route:compare compare:1,3'),
    ('d', ['running shoes in black under 150, not Veloxa', 'more like the second'], 'how does the second stack up against the third', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,3'),
]


# Rounds 48-49 by other authors, late in a conversation (pricier 61/70 and compare 53/70 right on first run; 137 of 140 now right): the later of a cheaper and a pricier cue is the request ('cheap ones look bad, actually go up - pricier than all 4 of these'), 'little bit costly ones' asks for dearer ones, 'pricier than that quillon' names the item, '..., samsung only' after 'the cheapest of these' still asks for Samsung; the item in focus compared with 'that' ('compare that with the pink one', 'put that one next to the boult') or against the one other item named ('worth the extra over the red label?', 'is it healthier than the red label one?', 'is it any better than the other black one' asks and prefers nothing); words that only describe the items compared, or what they are for, change no search ('the blue denim', 'whats better for a farmhouse sink'); a title's model word names its item even when it is a colour or an everyday word ('premium vs gold', 'the gold one or the other tata one?'). Left out, still wrong: 'go the opposite direction' after a cheaper turn (the last operation is not remembered), 'a bit more $$', 'more expensive than those red ones'.
CASES += [
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], 'ok and something a little pricier than it?', 'kind:earphones min:>999 max:any op:pricier'),
    ('a', ['earphones under 1500', 'more like the second'], 'hmm these r all cheapo, show me dearer ones', 'kind:earphones min:any max:any op:pricier'),
    ('a', ['earphones under 1500', 'no jbl please', 'something cheaper'], 'nah go the other way, i want costlier than the boat one', 'kind:earphones -brand:jbl min:>1299 max:>1299 op:pricier'),
    ('a', ['earphones under 1500', 'black only'], 'anything more expensive than the oneplus one? budget is flexible', 'kind:earphones color:black min:>1999 max:>1999 op:pricier'),
    ('a', ['earphones under 1500', 'is the red one magnetic?'], 'that one feels too cheap, show a pricier pair but not ptron', 'kind:earphones -brand:ptron min:>499 max:any op:pricier'),
    ('a', ['earphones under 1500', 'make it under 2500'], 'something more premium than the 1299 one', 'kind:earphones min:>1299 max:any op:pricier'),
    ('a', ['earphones under 1500', 'more like the first'], 'similar but a step up in price from that one pls', 'kind:earphones min:>1299 max:any op:pricier'),
    ('a', ['earphones under 1500', 'no boult'], 'show me pricier than the 2nd one, in black', 'kind:earphones -brand:boult color:black min:>999 max:any op:pricier'),
    ('a', ['earphones under 1500'], 'Honestly these all look cheap. Got anything higher end?', 'kind:earphones min:any max:any op:pricier'),
    ('a', ['earphones under 1500', 'something cheaper than the first one'], 'no wait, reverse that. dearer than the first', 'kind:earphones min:>1299 max:>1299 op:pricier'),
    ('a', ['earphones under 1500', 'does the oneplus have anc?'], 'ok i want one costlier than that', 'kind:earphones min:>1999 max:>1999 op:pricier'),
    ('a', ['earphones under 1500', 'only boat and boult'], 'anything above the blue one price wise?', 'kind:earphones brand:boat,boult min:>999 max:any op:pricier'),
    ('a', ['earphones under 1500', 'no red ones', 'under 1200 now'], 'ok go pricier than the cheapest of these, samsung only', 'kind:earphones -color:red brand:samsung min:>499 max:any op:pricier'),
    ('a', ['earphones under 1500', 'more like the third'], 'costlier than all of these?', 'kind:earphones min:>1999 max:>1999 op:pricier'),
    ('a', ['earphones under 1500', 'is the boult one waterproof', 'and the boat?'], 'k. show sumthing pricier then the boat', 'kind:earphones min:>1299 max:any op:pricier'),
    ('a', ['earphones under 1500', 'show white ones'], 'show me ones that cost more than the ₹999 pair', 'kind:earphones color:white min:>999 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'is the denim one stretchable?'], 'nice, something a bit pricier than it', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'only black or blue'], 'these look kinda cheap tbh, anything more upmarket?', 'kind:shorts audience:women color:black,blue min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'something cheaper'], 'no no other way round, costlier than mast & harbour one', 'kind:shorts audience:women min:>849 max:>849 op:pricier'),
    ('f', ['shorts for women under 1000', 'more like the fourth'], 'same vibe but pricier than that pink one, and no carrel', 'kind:shorts audience:women -brand:carrel min:>299 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'not alisha'], 'dearer than the 599 one?', 'kind:shorts audience:women -brand:alisha min:>599 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'under 700 now'], 'hmm actually want pricier than 2nd one, budget upto 1200', 'kind:shorts audience:women min:>599 max:1200 op:pricier'),
    ('f', ['shorts for women under 1000', 'more like the first', 'in black'], 'Can you find a slightly more expensive pair than that Alisha one?', 'kind:shorts audience:women color:black min:>379 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'all of these are so cheap looking, show the premium stuff', 'kind:shorts audience:women min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'no pink'], 'show costlier options than the cheapest here, but only dressberry', 'kind:shorts audience:women -color:pink brand:dressberry min:>299 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'is the first one high waisted'], 'cool. one with a higher price tag than that?', 'kind:shorts audience:women min:>379 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'any in maroon?', 'ok forget maroon'], 'show me pricier than the blue pair', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'something cheaper'], 'hmm cheap ones look bad, actually go up - pricier than all 4 of these', 'kind:shorts audience:women min:>849 max:>849 op:pricier'),
    ('b', ['tea under 500', 'is the red label one loose leaf?'], 'ok show me teas costlier than it', 'kind:tea min:>250 max:any op:pricier'),
    ('b', ['tea under 500', 'no tetley'], 'anything pricier than the tata gold one?', 'kind:tea -brand:tetley min:>310 max:any op:pricier'),
    ('b', ['tea under 500', 'something cheaper'], 'arre no, i meant costlier. more than the 560 one', 'kind:tea min:>560 max:>560 op:pricier'),
    ('b', ['tea under 500', 'more like the third'], 'similar but little more premium than that pls', 'kind:tea min:>310 max:any op:pricier'),
    ('b', ['tea under 500', 'only tata tea'], 'these r all so basic, want something fancier & pricier', 'kind:tea brand:tata_tea min:any max:any op:pricier'),
    ('b', ['tea under 500', 'make it under 300'], 'hmm no, show me ones dearer than the green one', 'kind:tea min:>180 max:any op:pricier'),
    ('b', ['tea under 500', 'does the tetley one have caffeine?'], 'Alright, what about something more expensive than the second one, from Red Label?', 'kind:tea brand:red_label min:>250 max:any op:pricier'),
    ('b', ['tea under 500', 'something cheaper than the first'], 'no actually other way, more pricy than first', 'kind:tea min:>560 max:>560 op:pricier'),
    ('b', ['tea under 500'], 'show me pricier than the cheapest one but not tetley', 'kind:tea -brand:tetley min:>180 max:any op:pricier'),
    ('b', ['tea under 500', 'not red label', 'is the tata premium 1kg?'], 'ok one pricier than that one', 'kind:tea -brand:red_label min:>560 max:>560 op:pricier'),
    ('b', ['tea under 500', 'more like the second'], 'yes but a costlier pack than the 250 one', 'kind:tea min:>250 max:any op:pricier'),
    ('b', ['tea under 500', 'green tea only'], 'show me little bit costly ones only, these are looking very cheap', 'kind:green_tea min:any max:any op:pricier'),
    ('b', ['tea under 500', 'no tata tea'], 'above the price of the tata gold one please, budget upto 800', 'kind:tea -brand:tata_tea min:>310 max:800 op:pricier'),
    ('b', ['tea under 500', 'something cheaper'], 'nope other direction, something dearer pls', 'kind:tea min:any max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'does the Moen one have a warranty?'], "Okay, I'd like something pricier than it.", 'kind:faucet min:>249 max:>249 op:pricier'),
    ('h', ['kitchen faucet under 150', 'black finish only'], 'these all seem kinda cheap, anything nicer / higher priced?', 'kind:faucet color:black min:any max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'something cheaper'], 'scratch that, go the other way — more expensive than the Delta', 'kind:faucet min:>89 max:>89 op:pricier'),
    ('h', ['kitchen faucet under 150'], "what've you got that costs more than the $59 one, in chrome?", 'kind:faucet color:chrome min:>59 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'no bronze'], 'show me faucets pricier than the 2nd one, i can go up to 400', 'kind:faucet -color:bronze min:>249 max:400 op:pricier'),
    ('h', ['kitchen faucet under 150', 'is the chrome one pull down?'], 'cool, something pricier than that one but in stainless steel', 'kind:faucet material:stainless_steel min:>89 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'under 100 then'], 'eh, actually i want a step up from the glacier bay one', 'kind:faucet min:>59 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'something cheaper than the black one'], 'nah, reverse that, pricier than the black one', 'kind:faucet min:>179 max:>179 op:pricier'),
    ('h', ['kitchen faucet under 150', 'in nickel or chrome'], 'pricier than the cheapest one u showed', 'kind:faucet color:nickel,chrome min:>59 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'does the third have a sprayer', 'and the first?'], 'ok show me something more expensive than the first one', 'kind:faucet min:>89 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'something cheaper'], 'Hmm, on second thought go upscale instead. Higher-priced than all of these.', 'kind:faucet min:>249 max:>249 op:pricier'),
    ('h', ['kitchen faucet under 150', 'no black'], 'more pricey than the $179 one please', 'kind:faucet -color:black min:>179 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'does the Marathia one come in wide?'], 'ok, anything a bit pricier than it?', 'kind:running_shoes color:black -brand:veloxa min:>125.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'more like the third'], 'like that but a step up in price', 'kind:running_shoes color:black -brand:veloxa min:>94.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'something cheaper'], 'no wait, other way, i want pricier than the runwright', 'kind:running_shoes color:black -brand:veloxa min:>94.99 max:>94.99 op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'these all look a bit budget, got something more premium?', 'kind:running_shoes color:black -brand:veloxa min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'no quillon'], 'show me ones more expensive than the navy pair', 'kind:running_shoes color:black -brand:veloxa -brand:quillon min:>125.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'is the blue one good for flat feet?'], 'hmm, pricier than that one but not runwright', 'kind:running_shoes color:black -brand:veloxa -brand:runwright min:>94.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'under 120 now'], 'actually i want costlier than the 125.99 ones', 'kind:running_shoes color:black -brand:veloxa min:>125.99 max:>125.99 op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'something cheaper than the first'], 'nope opposite. pricier than the first one and upto 200 is fine', 'kind:running_shoes color:black -brand:veloxa min:>147.99 max:200 op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'more like the fourth'], 'pricier than that quillon please', 'kind:running_shoes color:black -brand:veloxa min:>156.95 max:>156.95 op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'do the second ones have a carbon plate'], 'show me costlier than the cheapest one, any colour is fine', 'kind:running_shoes -brand:veloxa min:>94.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'anything costing more than all four of these?', 'kind:running_shoes color:black -brand:veloxa min:>156.95 max:>156.95 op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'are the grey ones waterproof?'], 'something that costs more than the grey ones pls', 'kind:running_shoes color:black -brand:veloxa min:>147.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'exclude marathia too'], 'pricier than the 2nd one', 'kind:running_shoes color:black -brand:veloxa -brand:marathia min:>125.99 max:any op:pricier'),
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], 'ok and how does it compare with the first one', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('a', ['bluetooth earphones under 2000', 'no ptron'], 'rockerz vs bullets, which has better battery', 'kind:earphones max:2000 -brand:ptron route:compare compare:1,3'),
    ('a', ['earphones under 1500', 'only black ones pls'], 'both black ones side by side', 'kind:earphones max:1500 color:black route:compare compare:1,3'),
    ('a', ['earphones under 1500', 'tell me more about the red one'], 'put that one next to the boult', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'more like the first'], 'is the oneplus worth the extra over the boat one?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones within 1.5k'], 'which shud i grab #2 or #4', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'no boat', 'make it under 2000'], 'the 999 one vs the 1999 one - better value?', 'kind:earphones -brand:boat max:2000 route:compare compare:2,3'),
    ('a', ['earphones under 1500', 'what is the battery life on the oneplus?'], 'hmm and is it any better than the other black one', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'compare all of them for me', 'kind:earphones max:1500 route:compare compare:1,2,3,4'),
    ('a', ['earphones under 1500', 'blue or red only'], 'probass or tangent lite which one is more durable', 'kind:earphones max:1500 color:blue,red route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'does the neckband one have a mic'], 'compare it with the cheapest one', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('a', ['earphones under rs 1500', 'excluding jbl'], 'Could you compare the first two for me? I mainly use them on the metro.', 'kind:earphones max:1500 -brand:jbl route:compare compare:1,2'),
    ('a', ['earphones under 1500', 'budget is now 1000'], 'the last two - which is better for calls', 'kind:earphones max:1000 route:compare compare:3,4'),
    ('a', ['earphones under 1500'], 'cheapest vs priciest, is the difference really worth it', 'kind:earphones max:1500 route:compare compare:3,4'),
    ('a', ['earphones under 1500', 'is the pTron one magnetic?', 'more like that one'], 'between the boult and the ptron which should i pick', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'in black'], 'oneplus z2 or boat 255, help me decide yaar', 'kind:earphones max:1500 color:black route:compare compare:1,3'),
    ('f', ['shorts for women under 1000', 'is the denim one stretchable?'], 'compare it with the cotton one', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'no carrel'], 'alisha vs dressberry which is better quality', 'kind:shorts audience:women max:1000 -brand:carrel route:compare compare:1,2'),
    ('f', ['womens shorts below 800', 'something in black or blue'], 'which one should i buy, the black or the blue one', 'kind:shorts audience:women max:800 color:black,blue route:compare compare:1,2'),
    ('f', ['shorts for women under 1000', 'what is the fabric of the red one'], 'ok compare that with the pink one', 'kind:shorts audience:women max:1000 route:compare compare:3,4'),
    ('f', ['shorts for women under 1000', 'more like the first'], 'first vs fourth pls', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    ('f', ['shorts for women under 1000'], 'the 299 and the 849 ones - is the mast & harbour worth the extra?', 'kind:shorts audience:women max:1000 route:compare compare:3,4'),
    ('f', ['shorts for women under 1000', 'make it under 700'], 'compare the two cheapest', 'kind:shorts audience:women max:700 route:compare compare:1,4'),
    ('f', ['shorts for women under 1000', 'do the cycling shorts come in XL?'], 'how about putting them against the printed ones', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    ('f', ['shorts for women under 1000', 'not pink'], 'all 4 side by side?', 'kind:shorts audience:women max:1000 -color:pink route:compare compare:1,2,3,4'),
    ('f', ['shorts for women under 1000', 'can u show cotton ones only'], '#1 n #3 which is more comfy', 'kind:shorts audience:women max:1000 material:cotton route:compare compare:1,3'),
    ('f', ['shorts for ladies under 1000 rupees', 'does the dressberry have pockets'], 'hmm is it better than the alisha one or should i just go with that', 'kind:shorts audience:women max:1000 route:compare compare:1,2'),
    ('f', ['shorts for women under 1000'], 'middle two, compare pls', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'budget 600 max'], 'between the cheapest one and the blue denim, better value?', 'kind:shorts audience:women max:600 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000', 'excluding mast & harbour', 'anything like the second one?'], 'Dressberry or Carrel — which would you go for?', 'kind:shorts audience:women max:1000 -brand:mast_&_harbour route:compare compare:2,4'),
    ('b', ['tea under 500', 'how many bags in the tetley one?'], 'compare it with the red label', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500', 'no tetley'], 'premium vs gold, which tata is better for chai', 'kind:tea max:500 -brand:tetley route:compare compare:1,3'),
    ('b', ['tea under 500', 'more like the first'], 'ok which is better value, the 1 kg or the 500 g tata', 'kind:tea max:500 route:compare compare:1,3'),
    ('b', ['tea below 600'], 'compare the 560 one and the 250 one', 'kind:tea max:600 route:compare compare:1,2'),
    ('b', ['tea under 500', 'is the red label one loose leaf?'], 'how does that compare to the two tata packs?', 'kind:tea max:500 route:compare compare:1,2,3'),
    ('b', ['tea under 500', 'only tata tea'], 'the gold one or the other tata one? which gives more cups for the money', 'kind:tea max:500 brand:tata_tea route:compare compare:1,3'),
    ('b', ['tea under 500'], 'cheapest and most expensive, compare', 'kind:tea max:500 route:compare compare:1,4'),
    ('b', ['tea under 500', 'budget is 300 now'], 'between #2 and #4 what wud u suggest', 'kind:tea max:300 route:compare compare:2,4'),
    ('b', ['tea under 500', 'does the 4th one have caffeine'], 'is it healthier than the red label one?', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500', 'not red label'], 'compare all four', 'kind:tea max:500 -brand:red_label route:compare compare:1,2,3,4'),
    ('b', ['green tea under 300'], 'tetley vs red label, which is better for weight loss', 'kind:green_tea max:300 route:compare compare:2,4'),
    ('b', ['tea under 500', 'what is the expiry on the gold one'], 'worth the extra over the red label or not?', 'kind:tea max:500 route:compare compare:2,3'),
    ('b', ['tea under 500', 'more like the tetley'], 'first and last plz', 'kind:tea max:500 route:compare compare:1,4'),
    ('b', ['tea upto 500 rs'], 'Red Label or Tata Gold? both are 500g na, which is better value', 'kind:tea max:500 route:compare compare:2,3'),
    ('h', ['kitchen faucet under 150', 'does the second one need batteries?'], 'how does it compare to the pfister?', 'kind:kitchen_faucet max:150 route:compare compare:2,4'),
    ('h', ['kitchen faucet under 150', 'make that under 300'], 'is the touchless moen worth the extra over the delta?', 'kind:kitchen_faucet max:300 route:compare compare:1,2'),
    ('h', ['kitchen faucet under 150', 'no bronze'], 'chrome vs black, which finish holds up better', 'kind:kitchen_faucet max:150 -color:bronze route:compare compare:1,4'),
    ('h', ['kitchen faucet under $200'], 'compare the 89 dollar one with the 59 dollar one', 'kind:kitchen_faucet max:200 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150', 'more like the glacier bay'], 'glacier bay vs delta - any real difference?', 'kind:kitchen_faucet max:150 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150', 'what finish is the first one?'], 'ok put that one next to the nickel one', 'kind:kitchen_faucet max:150 route:compare compare:1,2'),
    ('h', ['kitchen faucet under 150'], 'can you compare all 4 of these', 'kind:kitchen_faucet max:150 route:compare compare:1,2,3,4'),
    ('h', ['pull down kitchen faucets under 250'], 'the two cheapest, which would you get?', 'kind:kitchen_faucet max:250 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150', 'black or bronze only'], 'bronze one or the black one, whats better for a farmhouse sink', 'kind:kitchen_faucet max:150 color:black,bronze route:compare compare:3,4'),
    ('h', ['kitchen faucet under 150', 'is the moen one single handle?'], 'compare it and the zanna', 'kind:kitchen_faucet max:150 route:compare compare:2,4'),
    ('h', ['kitchen faucet under 150', 'go up to 200', 'show me more like the fourth'], 'can i see the pfister and the glacier bay next to each other', 'kind:kitchen_faucet max:200 route:compare compare:3,4'),
    ('h', ['kitchen faucet under 150'], 'which should I go with, the cheapest or the most expensive?', 'kind:kitchen_faucet max:150 route:compare compare:2,3'),
    ('h', ['kitchen faucet under 150', 'nothing in nickel'], '#1 vs #3 vs #4', 'kind:kitchen_faucet max:150 -color:nickel route:compare compare:1,3,4'),
    ('d', ['running shoes in black under 150, not Veloxa', 'is the second one good for trails?'], 'how does it compare with the runwright', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,3'),
    ('d', ['running shoes under $160'], 'Sprintra vs Swiftline — which is better for long runs?', 'kind:running_shoes max:160 route:compare compare:3,4'),
    ('d', ['womens running shoes under 200', 'more like the first'], 'the marathia and the quillon, which one should i pick?', 'kind:running_shoes audience:women max:200 route:compare compare:2,4'),
    ('d', ['running shoes in black under 150, not Veloxa', 'actually make it under 170'], 'compare the 147.99 one and the 156.95 one', 'kind:running_shoes color:black max:170 -brand:veloxa route:compare compare:1,4'),
    ('d', ['running shoes under 150'], 'cheapest one vs the grey one, worth the extra 50 bucks?', 'kind:running_shoes max:150 route:compare compare:1,3'),
    ('d', ['running shoes', 'what is the drop on the navy one?'], 'ok and compare that with the blue one', 'kind:running_shoes route:compare compare:2,3'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'compare all of them pls', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:1,2,3,4'),
    ('d', ['running shoes under 180', 'not quillon'], 'veloxa tailwind or marathia pacer 3?', 'kind:running_shoes max:180 -brand:quillon route:compare compare:1,2'),
    ('d', ['womens running shoes under 200', 'in blue or navy'], 'the navy one vs the blue one', 'kind:running_shoes audience:women max:200 color:blue,navy route:compare compare:2,3'),
    ('d', ['running shoes in black under 150, not Veloxa', 'does the runwright have good arch support?'], 'is it better than the quillon if i overpronate a bit?', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:3,4'),
    ('d', ['running shoes under 150', 'no runwright'], 'top 2, which has better grip', 'kind:running_shoes max:150 -brand:runwright route:compare compare:1,2'),
    ('d', ['running shoes under 160'], 'is the quillon worth the extra over the runwright or nah', 'kind:running_shoes max:160 route:compare compare:3,4'),
    ('d', ['running shoes under 200', 'womens only pls', 'more like #3'], '#2 vs #3 which one for a half marathon', 'kind:running_shoes audience:women max:200 route:compare compare:2,3'),
    ('b', ['tea under 500', 'does the first one come in a jar?'], 'and how does that one stack up against the gold', 'kind:tea max:500 route:compare compare:1,3'),
]


# Rounds 50-51 by other authors, in three voices (terse, rambling, indirect; pricier 48/70 and compare 43/70 right on first run; 130 of 140 now right): terse pairs ('1v3?', '3 or 4??', '1 n 3 diff', 'pacer v sprintra', 'marathia/quillon which one'); a pair of names in a later clause of a message that asks ('..., premium or gold, can u compare both'); 'compared to', 'comparing', 'hold up next to', 'whats your pick', 'whats the actual difference', 'would the boAt be a big step up from the pTron' (a question, not a pricier request); 'the two top-priced / lowest priced'; 'which is fine because ...' in a story is no comparison; a relative in the story ('my mom insists', 'my brother in law put one in') is no audience unless the thing is for them ('for my dad', 'my daughter needs', a gift or birthday); whose taste it is changes no search in a comparison; 'above the oneplus?', 'above that', 'not so cheap ones', 'ones that cost a bit more', 'step up pls', typos 'costlir', 'more expnsive'; money that is no bound ('for 300 more', 'around 8 houses'); '1000 plus' a floor, and a floor at or past the ceiling lifts it; 'more like 200 bucks' a ceiling. Left out, still wrong (10): a story that resets the subject ('my brother in law put one of those in his house'), 'the noise is insane' read as the brand Noise, the anchor of 'costs more than the boat' after naming the pTron, 'at the oneplus price or higher', 'these are all under 900, i was hoping for the 1500-2000 kind', 'what does $400 get me', 'better than the $249 moen', 'between those two' for brands named earlier in the message, '1kg tata or 500g tata', and 'for my dad's 60th birthday' adding men to earphones (a choice the gift rules make on purpose).
CASES += [
    ('a', ['earphones under 1500'], 'pricier ones?', 'kind:earphones min:any max:any op:pricier'),
    ('a', ['earphones under 1500', 'no boult'], 'step up pls', 'kind:earphones -brand:boult min:any max:any op:pricier'),
    ('a', ['earphones under 1500', 'black only'], 'above the oneplus?', 'kind:earphones color:black min:>1999 max:any op:pricier'),
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], 'next tier up', 'kind:earphones min:any max:any op:pricier'),
    ('a', ['earphones under 1500'], 'costlier than 2nd', 'kind:earphones min:>999 max:any op:pricier'),
    ('a', ['earphones under 1500', 'only boat'], 'boat but dearer', 'kind:earphones brand:boat min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'costlir options pls', 'kind:shorts audience:women min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'blue ones'], 'hmm higher end?', 'kind:shorts audience:women color:blue min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'pricier than no. 3', 'kind:shorts audience:women min:>849 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'no carrel'], 'bit more upmarket', 'kind:shorts audience:women -brand:carrel min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'not so cheap ones', 'kind:shorts audience:women min:any max:any op:pricier'),
    ('b', ['tea under 500'], 'premium range pls', 'kind:tea min:any max:any op:pricier'),
    ('b', ['tea under 500', 'no red label'], 'fancier stuff', 'kind:tea -brand:red_label min:any max:any op:pricier'),
    ('b', ['tea under 500'], 'dearer than tata gold', 'kind:tea min:>310 max:any op:pricier'),
    ('b', ['tea under 500', 'make it under 800'], 'luxury tea?', 'kind:tea min:any max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], 'nicer ones, higher price', 'kind:kitchen_faucet min:any max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'black finish'], 'upscale ones?', 'kind:kitchen_faucet color:black min:any max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], 'more expnsive than the moen?', 'kind:kitchen_faucet min:>249 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'no chrome'], 'higher priced plz', 'kind:kitchen_faucet -color:chrome min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'something spendier', 'kind:running_shoes color:black -brand:veloxa min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'does the second one come in wide?'], 'top shelf ones', 'kind:running_shoes color:black -brand:veloxa min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'above the marathia', 'kind:running_shoes color:black -brand:veloxa min:>125.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'more like the first'], 'pricier pair', 'kind:running_shoes color:black -brand:veloxa min:any max:any op:pricier'),
    ('a', ['earphones under 1500'], 'so my cousin got these cheap ones last diwali and they died in like 3 months, i dont want that happening again so show me ones that cost a bit more and are actually built well', 'kind:earphones min:any max:any op:pricier'),
    ('a', ['earphones under 1500', 'no jbl'], 'honestly the boult one looks flimsy in the pics and my friend said his broke at the neck band within weeks, can you find me ones that are pricier than that', 'kind:earphones -brand:jbl min:>999 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], "i ordered shorts from some random seller last year and the stitching came apart after 2 washes lol so this time i'd rather pay more, show me the better quality pricier stuff", 'kind:shorts audience:women min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'in black'], "my sister is going on a trek to manali next month and wants shorts that'll last, she said money isn't an issue so maybe look at the more expensive ones", 'kind:shorts audience:women color:black min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'does the third one have pockets?'], 'ok thanks. tbh the whole lot looks a bit cheap, my office friends all wear nicer stuff, anything costing more than the mast & harbour pair?', 'kind:shorts audience:women min:>849 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'no alisha'], "ugh the last pair i bought for the gym went see-through the moment i squatted, so embarrassing, i'll happily pay more this time, costlier ones please", 'kind:shorts audience:women -brand:alisha min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000'], "going to goa with my college gang and all of them are wearing branded stuff, i don't want to look like i cheaped out, can you show something pricier than the dressberry", 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('b', ['tea under 500'], 'we have guests coming over from the US this weekend and my mom insists on serving proper good tea, not the everyday stuff, so show me the costlier packs', 'kind:tea min:any max:any op:pricier'),
    ('b', ['tea under 500', 'no tetley'], "the tata gold one is what we drink at home daily and it's alright, but for my in-laws' anniversary hamper i want something a notch above it price-wise", 'kind:tea -brand:tetley min:>310 max:any op:pricier'),
    ('b', ['tea under 500', 'make it under 700'], 'my neighbour aunty always brings some fancy tea when she visits and it tastes way better than ours, i am sure it is even dearer than that tata premium 1kg, can you find such ones', 'kind:tea min:>560 max:any op:pricier'),
    ('b', ['tea under 500', 'does the first one come in a tin?'], 'ok no worries. by the way my grandfather is very particular and he can tell the cheap kind immediately, so kindly show higher priced ones only', 'kind:tea min:any max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], "we're finally redoing the kitchen after 12 years and my wife said whatever we pick should look good for another decade, so the cheap ones are out, show me higher priced faucets", 'kind:kitchen_faucet min:any max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'in black'], "the pfister looks decent but a contractor buddy told me cheap black finishes peel after a couple years, so I'd want something pricier than that one", 'kind:kitchen_faucet color:black min:>179 max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], 'my mother in law is visiting in a month and she notices everything lol, the delta is fine but i want to step up from it, got anything pricier than the delta', 'kind:kitchen_faucet min:>89 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'no chrome'], "so the old tap we had in our rental was one of those bargain bin things and it dripped all night, drove me nuts. this is our own house now so I'm fine paying more, show me the pricier stuff", 'kind:kitchen_faucet -color:chrome min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], "my running club is doing a half marathon in march and everybody there has these fancy shoes, i'm kind of embarrassed about mine tbh, show me options that cost more", 'kind:running_shoes color:black -brand:veloxa min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'no quillon'], "my old pair fell apart after barely 200 miles so I've kinda lost faith in budget stuff, would like something pricier than that runwright you showed", 'kind:running_shoes color:black -brand:veloxa -brand:quillon min:>94.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'more like the first'], "that one's nice but my physio said i need more cushioning for my knee, and usually the cushioned models cost more anyway, so show me dearer ones", 'kind:running_shoes color:black -brand:veloxa min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], "ok so i'm buying these as a gift for my husband who's training for his first ultra and he deserves something really good, go pricier than the marathia please", 'kind:running_shoes color:black -brand:veloxa audience:men min:>125.99 max:any op:pricier'),
    ('a', ['earphones under 1500'], 'ok can go up to 2500 now for something better', 'kind:earphones max:2500'),
    ('a', ['earphones under 1500', 'no ptron'], 'anything over 2k?', 'kind:earphones -brand:ptron min:2000'),
    ('a', ['earphones under 1500', 'black only'], 'the 1299 one is meh, got anything costlier than it', 'kind:earphones color:black min:>1299 max:any op:pricier'),
    ('a', ['earphones under 1500'], 'show me stuff between 2000 and 3000', 'kind:earphones min:2000 max:3000'),
    ('a', ['earphones under 1500', 'make it under 2000'], 'push it to 3k', 'kind:earphones max:3000'),
    ('f', ['shorts for women under 1000', 'no carrel'], 'anything nicer than the 599 pair', 'kind:shorts audience:women -brand:carrel min:>599 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'i dont mind spending upto 1500 for a good pair', 'kind:shorts audience:women max:1500'),
    ('f', ['shorts for women under 1000', 'in red'], 'whats above the 849 one', 'kind:shorts audience:women color:red min:>849 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'i want the kind that costs 1000 plus', 'kind:shorts audience:women min:1000'),
    ('b', ['tea under 500'], "is the 560 pack the dearest you have? show me what's above that", 'kind:tea min:>560 max:any op:pricier'),
    ('b', ['tea under 500', 'no red label'], 'something over 600 rupees', 'kind:tea -brand:red_label min:600'),
    ('b', ['tea under 500'], 'for 1000 rs what can i get', 'kind:tea max:1000'),
    ('b', ['tea under 500', 'does the second one have caffeine?'], 'upgrade from the 250 one pls', 'kind:tea min:>250 max:any op:pricier'),
    ('b', ['tea under 500', 'make it under 800'], 'show me the 600-800 ones', 'kind:tea min:600 max:800'),
    ('h', ['kitchen faucet under 150'], 'anything in the $200-300 range', 'kind:kitchen_faucet min:200 max:300'),
    ('h', ['kitchen faucet under 150', 'no bronze'], 'show me the next price bracket up', 'kind:kitchen_faucet -color:bronze min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'anything over $160?', 'kind:running_shoes color:black -brand:veloxa min:160'),
    ('d', ['running shoes in black under 150, not Veloxa', 'does the third one have a wide fit?'], 'i was thinking more like 200 bucks', 'kind:running_shoes color:black -brand:veloxa max:200'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'got something a step above the 147.99 one', 'kind:running_shoes color:black -brand:veloxa min:>147.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'no runwright'], 'id go to 250 for a real upgrade', 'kind:running_shoes color:black -brand:veloxa -brand:runwright max:250 min:>0'),
    ('a', ['earphones under 1500'], '1v3?', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500', 'only black ones'], 'boat or oneplus', 'kind:earphones color:black max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500', 'no jbl'], 'boult vs ptron whch', 'kind:earphones max:1500 -brand:jbl route:compare compare:2,4'),
    ('a', ['earphones below 2000'], '1 and 2 diff?', 'kind:earphones max:2000 route:compare compare:1,2'),
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], 'red one vs blue one', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'make it under 2000'], 'its for my cousins birthday next week, hes into gaming and music and all that, i was thinking the oneplus but the boat neckband is also looking decent, how do they stack up against each other', 'kind:earphones max:2000 route:compare compare:1,3'),
    ('a', ['earphones under 1500', 'more like the first'], 'ok so my old pair just died mid call yesterday which was super embarrassing lol, anyway looking at the first and fourth ones which has the better mic', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('a', ['earphones under 1500'], 'my budget is tight this month because of rent and all so i really dont want to overspend, but would the boAt be a big step up from the pTron or not really', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('a', ['earphones under 1500', 'make it under 2000'], 'been reading reviews all night and my eyes hurt haha, everyone keeps saying oneplus has the best sound but is the priciest one really worth double what the boult costs', 'kind:earphones max:2000 route:compare compare:2,3'),
    ('a', ['earphones under 1500'], 'what extra am i getting for 300 more with the boat compared to boult', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('a', ['earphones under 1500', 'no jbl'], 'im stuck, oneplus or the boat one, kindly advise', 'kind:earphones max:1500 -brand:jbl route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'pls help me choose from the 2 cheapest ones', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'does the third one have anc?'], 'if you were me would you go for that one or the second', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000'], 'alisha or carrel?', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    ('f', ['shorts for women under 1000', 'not carrel'], 'red vs black which', 'kind:shorts audience:women max:1000 -brand:carrel route:compare compare:1,3'),
    ('f', ['shorts for women under 1000'], 'denim one v cotton one', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'under 700 now'], '1 or 2 pls', 'kind:shorts audience:women max:700 route:compare compare:1,2'),
    ('f', ['shorts for women under 1000', 'in black or blue'], '2 vs 3 quick', 'kind:shorts audience:women max:1000 color:black,blue route:compare compare:2,3'),
    ('f', ['shorts for women under 1000'], 'i need something for yoga class and also just lounging at home on weekends, my sister said the dressberry ones run small but she has the mast & harbour ones and loves them, so whats the real difference between those two', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'no dressberry'], 'ugh its so hot here in chennai these days and i cycle to office, the alisha cycling ones look practical but the pink printed one is cuter tbh, how do they compare in comfort', 'kind:shorts audience:women max:1000 -brand:dressberry route:compare compare:1,4'),
    ('f', ['shorts for women under 1000', 'under 700 now'], 'buying a gift for my bestie who just started going to the gym, honestly im split between the cheapest one and the red one, which would you say', 'kind:shorts audience:women max:700 route:compare compare:3,4'),
    ('f', ['shorts for women under 1000', 'more like the second'], 'my friend from college is coming to goa with me next month and we both want beach shorts, she liked the denim dressberry and i liked the alisha, so whats the actual difference apart from price', 'kind:shorts audience:women max:1000 route:compare compare:1,2'),
    ('f', ['womens shorts under 900'], 'honestly i have been scrolling for an hour and everything looks the same to me now, my mom thinks the carrel looks cute but i think the dressberry is more my style, which would you recommend between them', 'kind:shorts audience:women max:900 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000'], 'cant decide between the two cheapest ones', 'kind:shorts audience:women max:1000 route:compare compare:1,4'),
    ('f', ['shorts for women under 1000', 'in black or blue'], 'is the 599 one worth it over the 379 one', 'kind:shorts audience:women max:1000 color:black,blue route:compare compare:1,2'),
    ('f', ['shorts for women under 1000', 'is the third one stretchable?'], 'okay and how does that one hold up next to the pink one', 'kind:shorts audience:women max:1000 route:compare compare:3,4'),
    ('f', ['shorts for women under 1000', 'not carrel'], 'the two most expensive ones - which should i pick', 'kind:shorts audience:women max:1000 -brand:carrel route:compare compare:2,3'),
    ('b', ['tea under 500'], 'tata premium vs red label', 'kind:tea max:500 route:compare compare:1,2'),
    ('b', ['tea under 500', 'no tetley'], '1 n 3 diff', 'kind:tea max:500 -brand:tetley route:compare compare:1,3'),
    ('b', ['tea under 500'], 'tetley or red label?', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 600'], 'gold vs premium?', 'kind:tea max:600 route:compare compare:1,3'),
    ('b', ['tea under 500', 'budget 400'], '2v4', 'kind:tea max:400 route:compare compare:2,4'),
    ('b', ['tea under 500'], 'my mother in law is coming to stay for a month and she is very particular about her morning chai, she usually drinks tata but i dont know which one, premium or gold, can u compare both for strong taste', 'kind:tea max:500 route:compare compare:1,3'),
    ('b', ['tea under 500', 'no tetley'], 'we go through a lot of tea at office, like 15 people drinking 3 cups a day, so i want value for money, how do the red label 500g and the tata gold 500g compare', 'kind:tea max:500 -brand:tetley route:compare compare:2,3'),
    ('b', ['green tea under 300'], 'been trying to cut sugar and my doctor suggested green tea instead of regular chai, so the tetley one vs the red label one, which is healthier', 'kind:green_tea max:300 route:compare compare:2,4'),
    ('b', ['tea under 500', 'more like the third'], "diwali is coming and i'm making gift hampers for the neighbours, around 8 houses, i was going to put tea in each one but torn between the 310 and the 560 one, what do you think", 'kind:tea max:500 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'which of the two cheapest would u suggest', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500', 'budget 400'], 'is it worth paying 60 more for the tata gold over the red label', 'kind:tea max:400 route:compare compare:2,3'),
    ('b', ['tea under 500', 'is the second one loose leaf or bags?'], 'and against the tetley, how does it do', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500', 'no red label'], 'what would you suggest, tata gold or tetley green', 'kind:tea max:500 -brand:red_label route:compare compare:3,4'),
    ('h', ['kitchen faucet under 150'], 'delta or moen', 'kind:kitchen_faucet max:150 route:compare compare:1,2'),
    ('h', ['kitchen faucet under 150', 'in black or chrome'], 'chrome vs black?', 'kind:kitchen_faucet max:150 color:black,chrome route:compare compare:1,4'),
    ('h', ['kitchen faucet under 150'], '#1 vs #3', 'kind:kitchen_faucet max:150 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150', 'up to 300 is fine'], 'moen vs pfister, thoughts', 'kind:kitchen_faucet max:300 route:compare compare:2,4'),
    ('h', ['kitchen faucet under 150'], "we're finally redoing the kitchen after 15 years and my husband wants something that looks modern but I care more about it not leaking in two years, so between the glacier bay and the delta which one is more reliable", 'kind:kitchen_faucet max:150 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150', 'does the second one need batteries?'], 'my contractor mentioned touchless ones are a pain to fix, which got me thinking, how does that moen really compare to the pfister pull-down', 'kind:kitchen_faucet max:150 route:compare compare:2,4'),
    ('h', ['kitchen faucet under 150', 'up to 300 is fine'], "it's for a rental unit so honestly I just want cheap and durable, tenants are rough on stuff, could you put the two lowest priced ones side by side for me", 'kind:kitchen_faucet max:300 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150', 'no bronze'], "Our old faucet sprays everywhere whenever the kids use it and I'm so done with mopping the counter. Pretty much stuck between the Moen and the Delta at this point, which would you go with?", 'kind:kitchen_faucet max:150 -color:bronze route:compare compare:1,2'),
    ('h', ['kitchen faucet under 200'], 'my sister-in-law just redid her kitchen and it looks amazing, but honestly is the Pfister actually better than the chrome Delta or is it just looks', 'kind:kitchen_faucet max:200 route:compare compare:1,4'),
    ('h', ['kitchen faucet under 150'], 'what do I get for the extra $30 going from the glacier bay to the delta', 'kind:kitchen_faucet max:150 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150', 'in black or chrome'], 'cant make up my mind on the 89 dollar one vs the 179 dollar one', 'kind:kitchen_faucet max:150 color:black,chrome route:compare compare:1,4'),
    ('h', ['kitchen faucet under 150'], 'mind weighing the two most expensive ones against each other for me?', 'kind:kitchen_faucet max:150 route:compare compare:2,4'),
    ('h', ['kitchen faucet under 200', 'more like the fourth'], 'would the pfister be noticeably better than the glacier bay?', 'kind:kitchen_faucet max:200 route:compare compare:3,4'),
    ('h', ['kitchen faucet under 150', 'up to 300 is fine'], 'is the moen worth almost 3x the delta?', 'kind:kitchen_faucet max:300 route:compare compare:1,2'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'pacer v sprintra', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,3'),
    ('d', ['running shoes under 160'], 'tailwind or swiftline?', 'kind:running_shoes max:160 route:compare compare:1,4'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'marathia/quillon which one', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,4'),
    ('d', ['running shoes in black under 150, not Veloxa', 'make it under 130'], '3 or 4??', 'kind:running_shoes color:black max:130 -brand:veloxa route:compare compare:3,4'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'training for my first half marathon in march and my knees get sore after 10k, a guy at my running club said stability shoes help, so between the runwright and the marathia which should i go with', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,3'),
    ('d', ['running shoes under 160'], 'my roommate does mostly trail runs on weekends and some treadmill during the week and i want to surprise them for their birthday, how do the tailwind and the pacer 3 compare for trails', 'kind:running_shoes max:160 route:compare compare:1,2'),
    ('d', ['running shoes in black under 150, not Veloxa', 'is the third one good for flat feet?'], 'ok thanks, i also have pretty wide feet and i walk a lot at work, so comparing that one with the quillon what would you say', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:3,4'),
    ('d', ['running shoes under 160', 'in blue'], "so I mostly run on the treadmill at the gym but sometimes outdoors when the weather's nice, and my PT said any neutral shoe is fine, would the navy one or the blue one work better for that mix", 'kind:running_shoes max:160 color:blue route:compare compare:2,3'),
    ('d', ['running shoes under 160'], 'which is the better buy, the cheapest one or the tailwind', 'kind:running_shoes max:160 route:compare compare:1,3'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'what extra do i get for $31 more going from the sprintra to the pacer', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,3'),
    ('d', ['running shoes under 160', 'more like the second'], 'between the two top-priced pairs whats your pick', 'kind:running_shoes max:160 route:compare compare:1,4'),
    ('d', ['running shoes in black under 150, not Veloxa', 'make it under 130'], 'torn between the navy one and the neon yellow one', 'kind:running_shoes color:black max:130 -brand:veloxa route:compare compare:2,4'),
    ('d', ['running shoes under 160'], 'is the quillon worth the extra over the veloxa', 'kind:running_shoes max:160 route:compare compare:1,4'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'would the 125.99 pair be a real upgrade on the 94.99 pair', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,3'),
]


# Rounds 52-53 by other authors, stories and terse messages (exclusions and resets 56/70, pricier and compare in stories 49/70 right on first run; 113 of 140 now right): a maker that let the shopper down is unwanted ('my last boat pair died in a month', 'a boult that cracked', 'jbl is overpriced', 'marathia neither'), not a kind ('my kettle broke, need a new one' still wants a kettle); 'my wife hates pink'; 'nt tata tea'; '15 yrs' is no budget. Left out, still wrong (27): relatives and children in a story still become an audience for things not sold by gender when the thing is for them or an occasion is named ('my dad is retiring ... something more premium', 'too heavy for my grandma', 'we have a toddler', 'the kids room'); brands, colours and kinds from the story become filters or a new subject ('my colleague has the samsung buds', 'a bajaj fan at home', 'a brushed gold one'); brand names with 'and' ('head and shoulders', 'mast and harbour'); 'noisy' read as the brand Noise; pairs to compare named mid-sentence ('recommended either the Delta or the Moen', 'between the 379 ones and 299 ones').
CASES += [
    ('a', ['earphones under 1500'], 'my last boat pair died in a month, anything else', 'kind:earphones max:1500 -brand:boat'),
    ('a', ['earphones under 1500'], 'not boult', 'kind:earphones max:1500 -brand:boult'),
    ('a', ['earphones under 1500', 'black only'], 'ok forget earphones, my mom actually needs a mixer grinder for her new flat in pune', 'kind:mixer_grinder'),
    ('a', ['earphones under 1500', 'no jbl'], 'start over pls. kettles under 1000', 'kind:kettle max:1000'),
    ('a', ['earphones under 1500'], 'anything but red, my son says red looks girly lol', 'kind:earphones max:1500 -color:red'),
    ('a', ['kettle under 2000'], 'my mother in law insists no plastic body, she had one melt near the gas stove', 'kind:kettle max:2000 -material:plastic'),
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], 'skip samsung and redmi too', 'kind:earphones max:1500 -brand:samsung -brand:redmi'),
    ('a', ['earphones under 1500', 'no boat'], 'not ptron either', 'kind:earphones max:1500 -brand:boat -brand:ptron'),
    ('a', ['earphones under 1500', 'under 1000 actually'], 'my friend rahul had a boult that cracked after two weeks so avoid that', 'kind:earphones max:1000 -brand:boult'),
    ('a', ['smartwatch under 3000'], 'fire boltt nahi', 'kind:smartwatch max:3000 -brand:fire-boltt'),
    ('a', ['earphones under 1500'], 'actually need a power bank now, for my trip to goa next week', 'kind:power_bank'),
    ('a', ['earphones under 1500'], 'no black ones', 'kind:earphones max:1500 -color:black'),
    ('a', ['earphones under 1500', 'no jbl'], 'hmm scrap that. trimmer for my dad, he keeps borrowing mine', 'kind:trimmer audience:men -brand:jbl'),
    ('a', ['speaker under 5000'], 'jbl is overpriced imo, other brands pls', 'kind:speaker max:5000 -brand:jbl'),
    ('a', ['earphones under 1500'], 'whatever u do dont show me oneplus', 'kind:earphones max:1500 -brand:oneplus'),
    ('a', ['dry iron under 1500'], 'the philips one burnt my favourite shirt last diwali, so no philips', 'kind:dry_iron max:1500 -brand:philips'),
    ('a', ['earphones under 1500', 'blue ones?'], 'changed my mind, looking for a keyboard instead', 'kind:keyboard'),
    ('f', ['shorts under 1000'], 'my wife hates pink, skip those', 'kind:shorts max:1000 -color:pink'),
    ('f', ['shorts under 1000'], 'no denim', 'kind:shorts max:1000 -material:denim'),
    ('f', ['shorts under 1000', 'in black'], 'not alisha', 'kind:shorts max:1000 color:black -brand:alisha'),
    ('f', ['shorts under 1000'], "ok leave shorts, my sister's engagement is next month and she wants a kurti", 'kind:kurti'),
    ('f', ['kurti under 800'], 'no rayon pls it shrinks', 'kind:kurti max:800 -material:rayon'),
    ('f', ['heels under 2000'], 'nothing in red, it clashes with her saree', 'kind:heels max:2000 -color:red'),
    ('f', ['shorts under 1000', 'under 700'], 'forget it show me jeans', 'kind:jeans'),
    ('f', ['shorts under 1000'], 'carrel nahi chahiye yaar', 'kind:shorts max:1000 -brand:carrel'),
    ('f', ['sweater under 1500'], 'no wool, my daughter is allergic, gets rashes every winter in shimla', 'kind:sweater max:1500 -material:wool'),
    ('f', ['watch under 3000'], 'actually sunglasses, my husbands old ones fell in the lake at nainital', 'kind:sunglasses'),
    ('f', ['tops under 700', 'more like the second'], 'no polyester', 'kind:top max:700 -material:polyester'),
    ('f', ['dress under 1500'], 'avoid black and navy', 'kind:dress max:1500 -color:black -color:navy'),
    ('f', ['something black under 800'], 'not jeans though', 'color:black max:800 -kind:jeans'),
    ('f', ['loafers under 2500'], 'new search: leggings', 'kind:leggings'),
    ('b', ['tea under 500'], 'nt tata tea', 'kind:tea max:500 -brand:tata_tea'),
    ('b', ['tea under 500'], 'my father in law only drinks red label but honestly i want to try something else this time, so not red label', 'kind:tea max:500 -brand:red_label'),
    ('b', ['tea under 500', 'does the fourth one have caffeine?'], 'leave tea, need diapers for my nephew who is visiting from dubai', 'kind:diapers'),
    ('b', ['coffee under 300'], 'skip nescafe', 'kind:coffee max:300 -brand:nescafe'),
    ('b', ['tea under 500', 'under 300'], 'ok switch to biscuits', 'kind:biscuits'),
    ('b', ['noodles under 200'], 'anything except maggi, got a stale pack last month', 'kind:noodles max:200 -brand:maggi'),
    ('b', ['chocolate under 250'], 'forget chocolate, my dentist scolded me lol. toothpaste instead, not colgate', 'kind:toothpaste -brand:colgate'),
    ('b', ['oil under 1000'], 'not fortune and not saffola', 'kind:oil max:1000 -brand:fortune -brand:saffola'),
    ('b', ['mug under 400'], 'not glass, my toddler breaks everything he touches', 'kind:mug max:400 -material:glass'),
    ('b', ['tea under 500', 'more like the third'], "actually let's start fresh - honey", 'kind:honey'),
    ('b', ['chips under 100'], 'no lays', 'kind:chips max:100 -brand:lays'),
    ('h', ['kitchen faucet under 150'], 'no chrome', 'kind:kitchen_faucet max:150 -color:chrome'),
    ('h', ['kitchen faucet under 150'], 'anything but bronze. we had an oil rubbed bronze one in our old house in ohio and it showed every water spot', 'kind:kitchen_faucet max:150 -color:bronze'),
    ('h', ['kitchen faucet under 150', 'in black'], 'nevermind the faucet, I need a ladder for cleaning the gutters', 'kind:ladder'),
    ('h', ['area rug under 200'], 'no wool, the dog sheds on everything and my wife says wool holds onto it', 'kind:area_rug max:200 -material:wool'),
    ('h', ['vanity under 500'], 'not white', 'kind:vanity max:500 -color:white'),
    ('h', ['chair under 100'], 'no plastic or vinyl', 'kind:chair max:100 -material:plastic -material:vinyl'),
    ('h', ['kitchen faucet under 150', 'is the first one touchless?'], 'scrap that, ceiling fan for the patio', 'kind:ceiling_fan'),
    ('h', ['ladder under 300'], 'skip aluminum ones, my buddy got shocked on one near a power line', 'kind:ladder max:300 -material:aluminium'),
    ('h', ['mirror under 150', 'under 120'], 'lets start over, light bulbs', 'kind:light_bulb'),
    ('h', ['lamp under 80'], 'no brass', 'kind:lamp max:80 -material:brass'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'marathia neither', 'kind:running_shoes color:black max:150 -brand:veloxa -brand:marathia'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'my running club coach said runwright soles wear out fast so skip those too', 'kind:running_shoes color:black max:150 -brand:veloxa -brand:runwright'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'actually forget shoes, my girlfriend wants a yoga mat for her birthday', 'kind:mat,yoga audience:women -brand:veloxa'),
    ('d', ['headphones under 200'], 'not auralis', 'kind:headphones max:200 -brand:auralis'),
    ('d', ['headphones under 200', 'black'], 'no black after all, my brother has black ones and we keep mixing them up', 'kind:headphones max:200 -color:black'),
    ('d', ['backpack under 100'], 'no nylon', 'kind:backpack max:100 -material:nylon'),
    ('d', ['running shoes in black under 150, not Veloxa', 'does the third one come in wide?'], 'switch to coffee makers', 'kind:coffee_maker -brand:veloxa'),
    ('d', ['t-shirt under 40'], 'nothing polyester, it makes me sweat like crazy on my commute', 'kind:t-shirt max:40 -material:polyester'),
    ('d', ['dress under 150'], 'please no pink, my mum says pink washes me out', 'kind:dress max:150 -color:pink'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'new thing entirely: skincare serum', 'kind:serum,skincare -brand:veloxa'),
    ('d', ['jacket under 200', 'under 150'], 'stormhaven and northpeak are out', 'kind:jacket max:150 -brand:stormhaven -brand:northpeak'),
    ('a', ['earphones under 1500', 'make it under 2000'], "I had the oneplus bullets before and loved them until my dog chewed them up, anything costlier than those this time? I'm on calls all day from home", 'kind:earphones min:>1999 max:any op:pricier'),
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], 'hmm my friend priya said hers stopped charging after a year, so maybe i should just go a bit higher than that one, something sturdier for the gym', 'kind:earphones min:>999 max:any op:pricier'),
    ('a', ['earphones under 1500'], 'the ptron looks too basic for my nephew, hes starting engineering at VIT in vellore and will use it for online lectures, anything pricier than it', 'kind:earphones min:>499 max:any op:pricier'),
    ('a', ['earphones under 1500', 'no boat'], 'mum walks every morning in lodhi garden and keeps complaining her current pair sounds tinny, something classier than the blue one please, money is ok', 'kind:earphones -brand:boat min:>999 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'my sister Ananya is going to Goa with her college gang in december, she already has the alisha cycling ones and wants something a bit more upmarket than those for the beach cafes', 'kind:shorts audience:women min:>379 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'in blue'], 'last time i bought cheap ones for my trip to manali and the stitching came off on day 2, so this time show me the pricier better quality ones', 'kind:shorts audience:women color:blue min:any max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'no carrel'], 'my roommate has the dressberry denim pair and honestly it looks way more expensive than it is lol, but i want to go one level above it for my birthday brunch', 'kind:shorts audience:women -brand:carrel min:>599 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'is the third one pure cotton?'], 'ok, its for my aunt in chennai who hates anything flimsy, anything more upmarket than that one?', 'kind:shorts audience:women min:>849 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'more like the second'], "these r nice but my daughter's going to london for her masters and wants something that looks premium for weekend outings, higher end pls", 'kind:shorts audience:women min:any max:any op:pricier'),
    ('b', ['tea under 500', 'tata tea only'], 'my father in law has been drinking tata gold for 20 yrs but his doctor friend said leaf quality matters, so pricier than the gold one pls', 'kind:tea brand:tata_tea min:>310 max:any op:pricier'),
    ('b', ['tea under 500'], 'my flatmate from darjeeling says all these are dust grade lol... anything more expensive than the 560 one, i want to impress her', 'kind:tea min:>560 max:any op:pricier'),
    ('b', ['tea under 500', 'is the second one loose leaf?'], 'ok my mom said the same, she used it all through my school days. for my new office pantry i want to go upmarket from it', 'kind:tea min:>250 max:any op:pricier'),
    ('b', ['tea under 500', 'make it under 400'], "ugh actually its for my boss's farewell hamper, he's a big coffee guy but his wife loves tea, so something costlier than the tata gold", 'kind:tea min:>310 max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], "We just closed on a house in Austin and my father-in-law, who's a retired plumber, says the Delta is fine but I'd rather go a step up from it for the new kitchen", 'kind:kitchen_faucet min:>89 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'in black'], 'my sister did her whole kitchen reno in matte black last spring and her faucet still looks brand new, I want something higher end than the pfister one', 'kind:kitchen_faucet color:black min:>179 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'no chrome'], 'honestly the last faucet I bought at a yard sale leaked within a month, so this time show me nicer pricier options, we cook a ton on weekends', 'kind:kitchen_faucet -color:chrome min:any max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], 'the glacier bay is what the landlord put in our old apartment and it wobbled constantly lol. now that we own, show me something costlier than it', 'kind:kitchen_faucet min:>59 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'make it under 200'], "its for my parents 40th anniversary, they're redoing the kitchen in their lake house in Michigan. want a fancier one, price isnt a big deal", 'kind:kitchen_faucet min:any max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'my running club in Boulder is doing a half marathon in May and my coach said the Runwright is too soft for me, show me something a tier above it', 'kind:running_shoes color:black -brand:veloxa min:>94.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'does the second one come in wide sizes?'], "ok because my wife has wide feet, she's training for her first 10k with her sister. anything pricier than that one", 'kind:running_shoes color:black -brand:veloxa min:>125.99 max:any op:pricier'),
    ('d', ['running shoes under 160'], 'i wore cheap shoes for my first marathon in Chicago and ended up with shin splints, my physio told me to invest, so show me more expensive ones than the quillon', 'kind:running_shoes min:>156.95 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'make it under 130'], "hmm thinking about it, my old pair from college lasted 5 years because I paid more, so let's go higher than the marathia", 'kind:running_shoes color:black -brand:veloxa min:>125.99 max:any op:pricier'),
    ('d', ['running shoes in blue under 150'], 'these are for my gf, she runs in the hills near Portland every weekend, want something costlier than the 94.99 pair', 'kind:running_shoes color:blue min:>94.99 max:any op:pricier'),
    ('a', ['earphones under 1500'], 'my nephew Arjun is turning 16 and all he does is play pubg with his friends, his mom says get the boat but his friend has the oneplus, which of these two is better for him', 'kind:earphones max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500', 'make it under 2000'], "my old boult lasted me 3 years so i'm kinda loyal but my cousin keeps saying oneplus is worth the extra money. can you compare the two for me", 'kind:earphones max:2000 route:compare compare:2,3'),
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], "good bc last time my dad's ones broke and the shop in karol bagh refused to help. how does it stack up against the ptron?", 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'black only'], "its for my husband's trekking trip to ladakh, he wants something that survives cold and dust, the two black ones look similar to me, what's the real difference", 'kind:earphones color:black max:1500 route:compare compare:1,3'),
    ('a', ['earphones under 1500'], 'teacher here, i take zoom classes all day from my balcony in kochi, the mic matters most. 1st vs 4th pls compare', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('a', ['earphones under 2000', 'no ptron'], "I'm gifting these to my manager for her promotion, she runs every morning along marine drive, which is the better pick, first or third", 'kind:earphones max:2000 -brand:ptron route:compare compare:1,3'),
    ('f', ['shorts for women under 1000'], 'my bestie Zoya and I are going to Bali next month and we want matching ones lol, she likes the alisha but I like the mast and harbour, compare them pls', 'kind:shorts audience:women max:1000 route:compare compare:1,3'),
    ('f', ['shorts for women under 1000', 'no carrel'], "I used to buy from Sarojini market but the fabric always pilled, so quality is a big deal. what's the difference between the denim pair and the cotton one", 'kind:shorts audience:women max:1000 -brand:carrel route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'in black'], "For my mom's yoga class, she's 58 and wants something comfy, not too tight. Can you compare the first and the second?", 'kind:shorts audience:women max:1000 color:black route:compare compare:1,2'),
    ('f', ['shorts for women under 1000', 'what is the fabric of the third?'], "ok my aunt wore cotton ones in Jaipur summer and said they're life savers. how does that one compare with the dressberry?", 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'more like the second'], 'we r going camping near rishikesh w my college friends and ill be hiking a lot. compare 2nd and 3rd for me plz', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('b', ['tea under 500', 'is the fourth one caffeine free?'], 'asking bc my wife is pregnant and her doctor in Bangalore said less caffeine. how does it compare against the tata premium one?', 'kind:tea max:500 route:compare compare:1,4'),
    ('b', ['tea under 500', 'make it under 600'], "my in laws are coming from Kolkata and they're very particular about their morning cup, honestly the two tata ones look same to me, whats the diffrence", 'kind:tea max:600 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'so my gym trainer told me to switch to green tea and cut sugar, i usually have red label with milk. compare the second and fourth for me', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500', 'more like the third'], 'bhai my dadi in varanasi wants kadak chai, the 560 one or the 310 one, which is better for her? compare kar do', 'kind:tea max:500 route:compare compare:1,3'),
    ('b', ['tea under 300'], 'Hosting a book club on sunday, my friend Nisha usually brings biscuits and i do the tea. which one should I pick between the cheapest two?', 'kind:tea max:300 route:compare compare:2,4'),
    ('h', ['kitchen faucet under 150', 'in black'], "my wife picked black hardware for the cabinets already, so it has to match. what's the difference between the bronze one and the black one tho", 'kind:kitchen_faucet max:150 color:black route:compare compare:3,4'),
    ('h', ['kitchen faucet under 150', 'does the first one have a sprayer?'], 'ok because my husband washes big stockpots every weekend for his bbq. how does it stack up vs the pfister', 'kind:kitchen_faucet max:150 route:compare compare:1,4'),
    ('h', ['kitchen faucet under 150', 'make it under 300'], "my brother in Denver got the touchless Moen and swears by it, but my budget's tight after the move. compare the Moen and the Glacier Bay please", 'kind:kitchen_faucet max:300 route:compare compare:2,3'),
    ('h', ['kitchen faucet under 150', 'no bronze'], 'Renting out our basement apartment so it just needs to be durable, tenants are rough on stuff. first vs fourth, which would you buy?', 'kind:kitchen_faucet max:150 -color:bronze route:compare compare:1,4'),
    ('h', ['kitchen faucet under 150'], "y'all my mom has had a chrome faucet for 15 yrs in her farmhouse and it still works. chrome one vs nickel one which is the better buy", 'kind:kitchen_faucet max:150 route:compare compare:1,2'),
    ('h', ['kitchen faucet under 150', 'more like the fourth'], "hmm ok, my neighbor Dave's kitchen has the same matte look. just compare the last two for me real quick", 'kind:kitchen_faucet max:150 route:compare compare:3,4'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'my sister-in-law Lisa runs the Boston marathon every year and she recommends the Quillon but my coach likes Marathia, can you compare them', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:2,4'),
    ('d', ['running shoes in black under 150, not Veloxa', 'does the third one come in wide sizes?'], 'my feet swell on long runs in the Texas heat so width matters. how does it compare with the first one?', 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:1,3'),
    ('d', ['running shoes under 160'], "I run on the treadmill at my office gym mostly, maybe a park run on Saturdays with my dad. navy pair vs blue pair, which one's better?", 'kind:running_shoes max:160 route:compare compare:2,3'),
    ('d', ['running shoes in black under 150, not Veloxa', 'more like the second'], "these will be my first real running shoes, I've been jogging in my old Converse. compare the cheapest and the most expensive?", 'kind:running_shoes color:black max:150 -brand:veloxa route:compare compare:3,4'),
    ('d', ['running shoes in black under 150, not Veloxa', 'make it under 130'], 'ok so my PT in Seattle says stability is key after my knee surgery, which is better for that, #2 or #3', 'kind:running_shoes color:black -brand:veloxa max:130 route:compare compare:2,3'),
]


# Rounds 54-55 by other authors (resets and exclusions 45/60, unusual ways of naming items 51/60 right on first run; 110 of 120 now right): the brand or finish of the item in focus refused ('hmm ok skip that brand altogether', 'none from that brand tho', 'ok not that finish'); restarts 'erase everything', 'wipe the filters', 'scrap all tht'; ordinal typos ('secnd vs thrid', 'fourht'); 'the one on the left / far right'. Left out, still wrong (10): going back to an earlier subject does not bring back its constraints ('back to the earphones pls', five cases; the state keeps no earlier subjects), 'any colour but black actually' after asking for black only drops black instead of excluding it, 'the former' / 'the latter', 'the one next to it'.
CASES += [
    ('a', ['earphones under 1500', 'no jbl'], 'scrap all tht, i need an electric kettle', 'kind:kettle'),
    ('a', ['earphones under 1500', 'only black ones'], 'clean slate. mixer grinder below 4k', 'kind:mixer_grinder max:4000'),
    ('a', ['smartwatch under 3000', 'no noise'], 'lets begin again', ''),
    ('a', ['earphones under 1500'], 'not boat, and make it blue', 'kind:earphones max:1500 -brand:boat color:blue'),
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], 'hmm ok skip that brand altogether', 'kind:earphones max:1500 -brand:boult'),
    ('a', ['earphones under 1500', 'no boat'], 'actually boat is fine again, my friend says theyre ok', 'kind:earphones max:1500'),
    ('a', ['earphones under 1500'], 'drop the boult', 'kind:earphones max:1500 -brand:boult'),
    ('a', ['headphones or earphones under 2000'], 'no headphones, just earphones', 'kind:earphones -kind:headphones max:2000'),
    ('a', ['electric kettle under 2000'], 'nothing in plastic please', 'kind:kettle max:2000 -material:plastic'),
    ('a', ['earphones under 1500'], 'same budget, headphones instead', 'kind:headphones max:1500'),
    ('a', ['earphones under 1500', 'make it under 2000'], 'anything but red, under 1800', 'kind:earphones max:1800 -color:red'),
    ('a', ['power bank under 1500', 'not ambrane'], 'wipe the filters and just show me all the power banks', 'kind:power_bank'),
    ('a', ['earphones under 1500', 'more like the first one'], 'none from that brand tho', 'kind:earphones max:1500 -brand:boat'),
    ('a', ['trimmer under 1500'], 'new search pls. bluetooth speaker upto 2500', 'kind:speaker max:2500'),
    ('a', ['earphones under 1500', 'no boat', 'what about the oneplus one, is it waterproof?'], 'ok boat back in, and also no pTron', 'kind:earphones max:1500 -brand:ptron'),
    ('a', ['earphones under 1500'], 'no boat or boult yaar, something else', 'kind:earphones max:1500 -brand:boat -brand:boult'),
    ('a', ['mouse under 1000', 'only logitech'], 'Forget Logitech, any brand is fine. Keep the budget.', 'kind:mouse max:1000'),
    ('f', ['shorts for women under 1000', 'in blue'], 'hmm nothing in denim', 'kind:shorts audience:women max:1000 color:blue -material:denim'),
    ('f', ['shorts for women under 1000'], 'no cycling shorts', 'kind:shorts audience:women max:1000 -kind:cycling_shorts'),
    ('f', ['shorts for women under 1000', 'no alisha'], 'start fresh - kurti for women below 800', 'kind:kurti audience:women max:800'),
    ('f', ['shorts for women under 1000'], 'not pink and keep it under 700', 'kind:shorts audience:women max:700 -color:pink'),
    ('f', ['shorts for women under 1000', 'is the third one pure cotton?'], 'ok dont show that brand', 'kind:shorts audience:women max:1000 -brand:mast_&_harbour'),
    ('f', ['leather boots for women', 'under 3000'], 'nah nothing in leather, show suede instead', 'kind:boots audience:women max:3000 -material:leather material:suede'),
    ('f', ['shorts for women under 1000', 'no carrel'], 'carrel is ok actually, and show red ones', 'kind:shorts audience:women max:1000 color:red'),
    ('f', ['jeans for men under 1500', 'black only'], 'erase everything, sunglasses', 'kind:sunglasses'),
    ('f', ['shorts for women under 1000'], 'i dont like dressberry, remove it', 'kind:shorts audience:women max:1000 -brand:dressberry'),
    ('f', ['kurti under 700', 'in yellow'], 'any colour except yellow actually', 'kind:kurti max:700 -color:yellow'),
    ('f', ['heels under 2000'], 'same price range but bellies', 'kind:bellies max:2000'),
    ('b', ['tea under 500'], 'no green tea', 'kind:tea -kind:green_tea max:500'),
    ('b', ['tea under 500', 'only tata tea'], 'scratch all of it, coffee under 300 instead', 'kind:coffee max:300'),
    ('b', ['tea under 500', 'is the first one loose leaf?'], 'ok leave out that brand', 'kind:tea max:500 -brand:tata_tea'),
    ('b', ['shampoo under 400', 'not head and shoulders'], 'new list: honey, below 250', 'kind:honey max:250'),
    ('b', ['tea under 500', 'no red label'], 'red label is fine, include it again', 'kind:tea max:500'),
    ('b', ['water bottle under 500'], 'no plastic, anything in steel or copper', 'kind:bottle max:500 -material:plastic material:steel,copper'),
    ('b', ['tea under 500'], 'drop the tetley and go under 400', 'kind:tea max:400 -brand:tetley'),
    ('b', ['coffee under 400', 'only nescafe'], 'reset', ''),
    ('b', ['tea under 500', 'more like the third one'], 'not red label though', 'kind:tea max:500 -brand:red_label'),
    ('b', ['storage container under 600'], 'nothing in glass, they break too easily', 'kind:container max:600 -material:glass'),
    ('h', ['kitchen faucet under 150'], 'anything but chrome, and up to 200', 'kind:kitchen_faucet max:200 -color:chrome'),
    ('h', ['kitchen faucet under 150', 'in black'], 'Start over, I need a ladder.', 'kind:ladder'),
    ('h', ['area rug under 200'], 'Nothing polyester please, my dog sheds on everything', 'kind:area_rug max:200 -material:polyester'),
    ('h', ['kitchen faucet under 150', 'no bronze'], 'bronze is back on the table, and no nickel', 'kind:kitchen_faucet max:150 -color:nickel'),
    ('h', ['ceiling fan under 300', 'white only'], 'clear all the filters but keep it to ceiling fans', 'kind:ceiling_fan'),
    ('h', ['kitchen faucet under 150', 'does the 4th one come with a sprayer?'], 'ok not that finish', 'kind:kitchen_faucet max:150 -color:black'),
    ('h', ['vanity under 800'], 'no wood ones, they swell in the bathroom', 'kind:vanity max:800 -material:wood'),
    ('h', ['kitchen faucet under 150'], 'new search: paint, under 50 a gallon', 'kind:paint max:50'),
    ('h', ['light bulb under 20', 'no plastic'], 'plastic is fine after all', 'kind:light_bulb max:20'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'lets begin again, backpack under 80', 'kind:backpack max:80'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'veloxa is fine again, and no suede', 'kind:running_shoes color:black max:150 -material:suede'),
    ('d', ['running shoes in black under 150, not Veloxa', 'is the 3rd one good for flat feet?'], 'skip that brand', 'kind:running_shoes color:black max:150 -brand:veloxa -brand:runwright'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'not marathia either, and under 120 pls', 'kind:running_shoes color:black max:120 -brand:veloxa -brand:marathia'),
    ('d', ['running shoes in black under 150, not Veloxa', 'make it under 130'], 'clean slate', ''),
    ('d', ['headphones under 200'], 'same budget, earbuds now', 'kind:earbuds max:200'),
    ('d', ['running shoes in black under 150, not Veloxa', 'more like the second one'], 'nothing from quillon', 'kind:running_shoes color:black max:150 -brand:veloxa -brand:quillon'),
    ('a', ['earphones under 1500'], 'compare the rockerz with the probass', 'kind:earphones max:1500 route:compare compare:1,2'),
    ('a', ['earphones under 1500', 'no jbl'], 'anything a notch above the rockerz in price?', 'kind:earphones -brand:jbl min:>1299 max:any op:pricier'),
    ('a', ['earphones under 1500', 'does the second one have a warranty?'], 'ok and how does this one compare to the oneplus', 'kind:earphones max:1500 route:compare compare:2,3'),
    ('a', ['earphones under 1500', 'make it under 2500'], 'number two vs no. 4 which one wud u suggest', 'kind:earphones max:2500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'black ones only'], 'the thrid one is nice but show me some thing costlier than that', 'kind:earphones color:black min:>1999 max:any op:pricier'),
    ('a', ['earphones under 2000'], 'liked the ₹1299 one, got anything fancier than that?', 'kind:earphones min:>1299 max:any op:pricier'),
    ('a', ['earphones under 1500', 'more like the first'], 'hmm put the top one and the last one side by side', 'kind:earphones max:1500 route:compare compare:1,4'),
    ('a', ['earphones under 1500', 'not boat'], 'the one on the right vs the one on the left?', 'kind:earphones max:1500 -brand:boat route:compare compare:1,4'),
    ('a', ['earphones under 1500'], 'Is the 2nd better than the 4th for running?', 'kind:earphones max:1500 route:compare compare:2,4'),
    ('a', ['earphones under 1500', 'red or blue'], 'show me ones that cost more than the tangent', 'kind:earphones color:red,blue min:>499 max:any op:pricier'),
    ('a', ['earphones under 1000'], 'bullets z2 vs rockerz 255, go', 'kind:earphones max:1000 route:compare compare:1,3'),
    ('a', ['earphones under 1500', 'does the first one support fast charging?'], 'nice. and something a bit more expensive than it?', 'kind:earphones min:>1299 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'compare the denim one and the cotton one', 'kind:shorts audience:women max:1000 route:compare compare:2,3'),
    ('f', ['shorts for women under 1000'], 'the rs 599 one is cute, show me something a little costlier than that', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'no pink'], 'secnd vs thrid which is better quality', 'kind:shorts audience:women max:1000 -color:pink route:compare compare:2,3'),
    ('f', ['shorts for women under 1000', 'is the third one true to size?'], 'ok how is this one vs the cycling one', 'kind:shorts audience:women max:1000 route:compare compare:1,3'),
    ('f', ['shorts for women under 1000', 'make it under 700'], 'anything dearer than the alisha pair?', 'kind:shorts audience:women min:>379 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'the last one is too basic, show me pricier stuff than that one', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('f', ['shorts for women under 1000', 'which is comfier, the dressberry or the carrel?'], 'actually show me stuff pricier than the former', 'kind:shorts audience:women min:>599 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'no. 1 or no. 3 for a beach trip?', 'kind:shorts audience:women max:1000 route:compare compare:1,3'),
    ('f', ['shorts for women under 1000', 'more like the first'], 'something more upmarket than the cycling shorts pls', 'kind:shorts audience:women min:>379 max:any op:pricier'),
    ('f', ['shorts for women under 1000'], 'item 2 and item 4 - differences?', 'kind:shorts audience:women max:1000 route:compare compare:2,4'),
    ('f', ['shorts for women under 1000', 'not mast & harbour'], 'the top one vs the 849 one', 'kind:shorts audience:women max:1000 -brand:mast_&_harbour route:compare compare:1,3'),
    ('f', ['shorts for women under 1000'], 'the printed ones r nice but can i see something pricier than those', 'kind:shorts audience:women min:>299 max:any op:pricier'),
    ('b', ['tea under 500'], 'gold leaf vs premium leaf, which is stronger?', 'kind:tea max:500 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'anything pricier than the gold leaf', 'kind:tea min:>310 max:any op:pricier'),
    ('b', ['tea under 500', 'no tetley'], 'compare number two with number three', 'kind:tea max:500 -brand:tetley route:compare compare:2,3'),
    ('b', ['tea under 500', 'does the fourth one have caffeine?'], 'ok, this one vs the red label?', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500', 'can go up to 700'], 'the ₹310 one vs the ₹560 one', 'kind:tea max:700 route:compare compare:1,3'),
    ('b', ['tea under 500'], 'is there anything costlier than the red label one', 'kind:tea min:>250 max:any op:pricier'),
    ('b', ['tea under 500'], 'secnd one is too cheap tbh, show me a bit more premium than that', 'kind:tea min:>250 max:any op:pricier'),
    ('b', ['tea under 500', 'more like the third'], 'the one on the far left or the one on the far right, which is healthier', 'kind:tea max:500 route:compare compare:1,4'),
    ('b', ['tea under 500', 'under 400 now'], 'something more expensive than item 4?', 'kind:tea min:>180 max:any op:pricier'),
    ('b', ['tea under 500'], 'the lemon honey one and the natural care one, compare them please', 'kind:tea max:500 route:compare compare:2,4'),
    ('b', ['tea under 500', 'is the first one loose leaf?'], 'and anything pricier than this one?', 'kind:tea min:>560 max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], 'how does the $89 faucet stack up against the glacier bay', 'kind:kitchen_faucet max:150 route:compare compare:1,3'),
    ('h', ['kitchen faucet under 150'], 'Anything pricier than the $89 one?', 'kind:kitchen_faucet min:>89 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'no bronze'], 'the arbor vs the zanna - which is easier to install?', 'kind:kitchen_faucet max:150 -color:bronze route:compare compare:2,4'),
    ('h', ['kitchen faucet under 150', 'does the touchless one need batteries?'], 'Got it. How does it compare with the Delta?', 'kind:kitchen_faucet max:150 route:compare compare:1,2'),
    ('h', ['kitchen faucet under 150', "let's say under 300 instead"], 'show me something pricier than the touchless', 'kind:kitchen_faucet min:>249 max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], 'the 2nd and the 3rd, which one holds up better', 'kind:kitchen_faucet max:150 route:compare compare:2,3'),
    ('h', ['kitchen faucet under 150', 'in chrome or nickel'], 'anything a step up from the foundations model?', 'kind:kitchen_faucet color:chrome,nickel min:>89 max:any op:pricier'),
    ('h', ['kitchen faucet under 150'], 'top one vs bottom one', 'kind:kitchen_faucet max:150 route:compare compare:1,4'),
    ('h', ['kitchen faucet under 150'], 'no. 3 looks kinda flimsy, anything that costs more than it', 'kind:kitchen_faucet min:>59 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'more like the fourth'], 'what about something more high-end than the matte black one', 'kind:kitchen_faucet min:>179 max:any op:pricier'),
    ('h', ['kitchen faucet under 150', 'no black'], 'fourht vs secnd', 'kind:kitchen_faucet max:150 -color:black route:compare compare:2,4'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'tailwind vs sprintra', 'kind:running_shoes color:black -brand:veloxa max:150 route:compare compare:1,3'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'the $94.99 pair is fine but show me something pricier than that', 'kind:running_shoes color:black -brand:veloxa min:>94.99 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa', 'make it under 130'], 'pacer 3 or swiftline 2, which has more cushioning', 'kind:running_shoes color:black -brand:veloxa max:130 route:compare compare:2,4'),
    ('d', ['running shoes in black under 150, not Veloxa', 'does the second one come in wide sizes?'], 'ok what about this one vs the quillon', 'kind:running_shoes color:black -brand:veloxa max:150 route:compare compare:2,4'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'anything more premium than the marathia?', 'kind:running_shoes color:black -brand:veloxa min:>125.99 max:any op:pricier'),
    ('d', ['running shoes under 200'], 'compare #1 and the last one', 'kind:running_shoes max:200 route:compare compare:1,4'),
    ('d', ['running shoes under 200', 'no veloxa'], 'the swiftline is nice but show me pricier ones than it', 'kind:running_shoes -brand:veloxa min:>156.95 max:any op:pricier'),
    ('d', ['running shoes in black under 150, not Veloxa'], 'number 3 vs number 1 for flat feet?', 'kind:running_shoes color:black -brand:veloxa max:150 route:compare compare:1,3'),
    ('d', ['running shoes under 200', 'more like the second'], 'got anything costlier than the frist one', 'kind:running_shoes min:>147.99 max:any op:pricier'),
    ('d', ['running shoes for women under 150'], 'the sprintra and the pacer - pros and cons?', 'kind:running_shoes audience:women max:150 route:compare compare:2,3'),
]


def _parse(spec: str):
    want: dict = {"set": set(), "max": None, "min": None}
    for token in spec.split():
        name, _, value = token.partition(":")
        facet, exclude = name.lstrip("-"), name.startswith("-")
        if facet not in ("sort", "op", "route"):
            value = value.replace("_", " ")
        if facet in ("kind", "brand", "color", "material", "audience", "size"):
            for v in value.split(","):
                want["set"].add(("kind", type_key(v), exclude) if facet == "kind" else (facet, key(v), exclude))
        elif facet in ("max", "min"):
            want[facet] = value
        else:
            want[facet] = value if value else True
    return want


def _constraints(state) -> set:
    return {("kind", type_key(c.value), c.exclude) if c.facet in ("type", "category") else (c.facet, key(c.value), c.exclude)
            for c in state.constraints}


def _bound(want: str | None, got) -> bool:
    value = got.value if got else None
    if want == "any":
        return True
    if want is None:
        return value is None
    if want.startswith("<"):
        return value is not None and value < float(want[1:])
    if want.startswith(">"):
        return value is None or value > float(want[1:])  # relaxed: higher, or gone
    return value is not None and abs(value - float(want)) < 1e-6


def _position(shop: str, p: int) -> str:
    return SHOWN[shop][p - 1 if p > 0 else p].id


def run(shop: str, context: list[str], message: str):
    facets = SHOPS[shop]
    state = DialogueState()
    for c in context:
        state = update(state, c, facets).state
        state.shown = [s.model_copy() for s in SHOWN[shop]]
    return state, update(state, message, facets)


@pytest.mark.parametrize("shop,context,message,spec", CASES, ids=[f"{c[0]}:{c[2][:40]}" for c in CASES])
def test_phrasing(shop, context, message, spec):
    before, u = run(shop, context, message)
    want = _parse(spec)
    st = u.state
    got = (u.route, [(o.op, o.facet, o.value) for o in u.operations], sorted(_constraints(st)),
           st.max_price and st.max_price.value, st.min_price and st.min_price.value)
    if "same" in want:
        assert st.same_search(before), got
    else:
        assert _constraints(st) == want["set"], got
        assert _bound(want["max"], st.max_price) and _bound(want["min"], st.min_price), got
    if "route" in want:
        assert u.route in want["route"].split("|"), got
    elif not any(k in want for k in ("focus", "compare")):
        assert u.route in ("product", "both"), got
    for op in (want["op"].split(",") if "op" in want else []):
        assert u.has(op), got
    if "focus" in want:
        assert st.focus == _position(shop, int(want["focus"])), (st.focus, got)
    if "similar" in want:
        assert u.has("similar") and st.similar_to == _position(shop, int(want["similar"])), (st.similar_to, got)
    if "compare" in want:
        ops = [o for o in u.operations if o.op == "compare"]
        assert ops and ops[0].values == [int(p) for p in want["compare"].split(",")], got
    if "sort" in want:
        assert st.sort == want["sort"], got
    if want["min"] == "any":
        assert st.min_price is not None or st.sort == "price_desc", got
    if "stock" in want:
        assert st.in_stock_only, got
    if "rating" in want:
        assert st.min_rating and st.min_rating.value == float(want["rating"]), got


# Everyday words that real catalogs also use as names (Amazon.in's brands Sure and Pick and types True and Prime,
# BigBasket's brands Real and MOM, Home Depot's type Range, Flipkart's Top): in passing they name nothing; with
# evidence they do.
WORDY = _facets(brands=["Sure", "Pick", "Real", "MOM", "Boult", "Tropicana"],
                types=["True", "Prime", "Value", "Range", "Top", "Earphones", "Juice", "Kurti"])


@pytest.mark.parametrize("context,message,want", [
    (["earphones under 1500"], "sure, show me more", set()),
    (["earphones under 1500"], "which would you pick?", set()),
    (["earphones under 1500"], "is it true wireless?", set()),
    (["juice under 200"], "is it real fruit?", set()),
    (["juice under 200"], "anything in that price range", set()),
    (["juice under 200"], "a gift for my mom", None),
    (["juice under 200"], "from real", {("brand", "real", False)}),
    (["juice under 200"], "real juice only", {("brand", "real", False)}),
    (["juice under 200"], "tropicana or real", {("brand", "tropicana", False), ("brand", "real", False)}),
    # capitalised mid-sentence is a name ("I'm done with Regular" on Flipkart); at the start of a sentence it is not
    (["juice under 200"], "I'm done with Real", {("brand", "real", True)}),
    (["earphones under 1500"], "Sure, show me more", set()),
    (["earphones under 1500"], "Ok. Sure, more please", set()),
    ([], "show me tops", {("kind", "top", False)}),
    ([], "a range under 900", {("kind", "range", False)}),
])
def test_everyday_words_need_evidence_before_they_become_names(context, message, want):
    state = DialogueState()
    for c in context:
        state = update(state, c, WORDY).state
    before = _constraints(state)
    got = _constraints(update(state, message, WORDY).state)
    if want is None:
        assert ("brand", "mom", False) not in got
        return
    new = {c for c in got - before if c[0] != "audience"}
    assert new == want, got


@pytest.mark.parametrize("message,want", [
    ("non-toxic filter coffee makers between 30 and 90", {("category", "coffee makers", False)}),
    ("pour-over ceramic coffee makers", {("material", "ceramic", False), ("category", "coffee makers", False)}),
])
def test_a_non_prefix_negates_its_own_word_only(message, want):
    """'non-silicone' excludes silicone; 'non-toxic filter coffee makers' still asks for coffee makers (a demo
    retrieval query the broader negation broke, caught by the fast eval's constraint precision)."""
    got = {(c.facet, c.value.lower(), c.exclude) for c in update(DialogueState(), message, DEMO_F).state.constraints}
    assert got == want


# Types and categories that real catalogs read from their titles and columns (Amazon.in's "UPS", "Fire TV Stick",
# "Screen Guard", "Battery"; Flipkart's category "Fabric"; Home Depot's "Finish") are also words of chat. Found by
# running the phrasing cases with the shared catalogs' own vocabularies and products on screen.
CATALOG_WORDS = _facets(brands=["boAt", "Boult", "OnePlus", "pTron"], colors=["Black", "Blue", "Red"],
                        types=["Earphones", "UPS", "Fire TV Stick", "Screen", "Battery", "Bar", "Ready", "Finish", "Cup", "Flavour"],
                        categories=["Fabric"], materials=["cotton", "polyester"])


@pytest.mark.parametrize("message,route,op,kinds", [
    ("step up from these, something costlier", "product", "pricier", {"earphone"}),
    ("stick with boat, but go up in price", "product", "pricier", {"earphone"}),
    ("ready to pay more than the second one", "product", "pricier", {"earphone"}),
    ("please show me some better-range items, cost is no bar", "product", "pricier", {"earphone"}),
    ("could you please line up the first and the last for me?", "compare", "compare", {"earphone"}),
    ("looking at all four on screen - where should my money go", "compare", "compare", {"earphone"}),
    ("which of #1 and #3 has the better finish?", "compare", "compare", {"earphone"}),
    ("what is the battery backup of the 1st one?", "detail", "refer", {"earphone"}),
    ("what fabric is the first one made of", "detail", "refer", {"earphone"}),
    ("the red one — does it need batteries?", "detail", "refer", {"earphone"}),
    ("fabric doesn't matter", "product", None, {"earphone"}),
    ("show me a UPS", "product", "new_subject", {"ups"}),
    ("do you have a fire tv stick?", "product", "new_subject", {type_key("Fire TV Stick")}),
])
def test_chat_words_that_real_catalogs_sell(message, route, op, kinds):
    state = update(DialogueState(), "earphones under 1500", CATALOG_WORDS).state
    state.shown = [s.model_copy() for s in SHOWN["a"]]
    u = update(state, message, CATALOG_WORDS)
    assert u.route == route, (u.route, u.operations)
    assert op is None or u.has(op), u.operations
    assert {type_key(c.value) for c in u.state.constraints if c.facet in ("type", "category") and not c.exclude} == kinds, u.state.constraints


@pytest.mark.parametrize("message,op,position", [
    ("compare the cheapest one and the first one", "compare", [1, 4]),
    ("the priciest one or the second one?", "compare", [2, 3]),
    ("anything cheaper than the 999 one?", "cheaper", 2),
])
def test_items_named_by_price_beside_others(message, op, position):
    state = update(DialogueState(), "earphones under 1500", AMAZON).state
    state.shown = [s.model_copy() for s in SHOWN["a"]]
    u = update(state, message, AMAZON)
    found = [o for o in u.operations if o.op == op]
    assert found and (sorted(found[0].values) if op == "compare" else found[0].value) == position, u.operations


def test_an_exact_price_names_its_item_beside_a_close_one():
    """'the 196.99 one' beside a 197.95 one (the demo shop's dollar prices)."""
    state = update(DialogueState(), "earphones under 1500", AMAZON).state
    state.shown = [_item(1, "Alpha Runner", 196.99), _item(2, "Beta Runner", 197.95), _item(3, "Gamma Runner", 120.0)]
    u = update(state, "tell me more about the 196.99 one", AMAZON)
    assert u.route == "detail" and u.state.focus == "p1", u.operations


@pytest.mark.parametrize("message,pricier,brand", [
    ("show me some posh earphones", True, None),
    ("anything posh?", True, None),
    ("from Posh", False, "Posh"),
    ("I like Posh", False, "Posh"),
])
def test_a_word_asking_for_the_dearer_end_is_no_brand_without_evidence(message, pricier, brand):
    """Amazon.in has a brand "Posh"; "posh earphones" asks for dearer ones."""
    facets = _facets(brands=["Posh", "boAt"], types=["Earphones"])
    state = update(DialogueState(), "earphones under 1500", facets).state
    state.shown = [s.model_copy() for s in SHOWN["a"]]
    u = update(state, message, facets)
    assert u.has("pricier") == pricier, u.operations
    assert [c.value for c in u.state.constraints if c.facet == "brand"] == ([brand] if brand else []), u.state.constraints
