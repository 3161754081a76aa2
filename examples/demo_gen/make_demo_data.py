#!/usr/bin/env python3
"""Generate the demo catalog and FAQ for the fictional shop "Northwind Outfitters".

Everything here is original: brands, model names, descriptions and FAQ answers are invented
word lists and templates. The output is deterministic (seeded ``random.Random(7)``), so running
the script twice produces byte-identical files.

Usage::

    python examples/demo_gen/make_demo_data.py [--out-dir examples/demo]

Writes ``products.jsonl`` (one product per line) and ``faq.md`` into the output directory.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SEED = 7
BASE_URL = "https://demo.shopassist.invalid"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "demo"

# --------------------------------------------------------------------------------------------
# Size runs
# --------------------------------------------------------------------------------------------
MEN_SHOE = ["7", "7.5", "8", "8.5", "9", "9.5", "10", "10.5", "11", "11.5", "12", "13"]
WOMEN_SHOE = ["5", "5.5", "6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5", "10", "11"]
UNISEX_SHOE = ["6", "7", "8", "9", "10", "11", "12", "13"]
APPAREL = ["XS", "S", "M", "L", "XL", "XXL"]
HELMET = ["S", "M", "L"]


def shoe_sizes(rng: random.Random, gender: str) -> list[str]:
    run = {"men": MEN_SHOE, "women": WOMEN_SHOE}.get(gender, UNISEX_SHOE)
    whole_only = rng.random() < 0.6
    if whole_only:
        run = [s for s in run if "." not in s]
    length = rng.randint(min(5, len(run)), len(run))
    start = rng.randint(0, len(run) - length)
    return run[start:start + length]


def apparel_sizes(rng: random.Random, gender: str) -> list[str]:
    run = APPAREL if gender != "men" else APPAREL[1:]
    length = rng.randint(4, len(run))
    start = rng.randint(0, len(run) - length)
    return run[start:start + length]


def helmet_sizes(rng: random.Random, gender: str) -> list[str]:
    return HELMET if rng.random() < 0.8 else ["M", "L"]


def no_sizes(rng: random.Random, gender: str) -> list[str]:
    return []


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------
def a_an(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def grams(lo: int, hi: int, step: int = 5):
    return lambda rng: f"{rng.randrange(lo, hi + 1, step)} g"


def pick_price(rng: random.Random, lo: float, hi: float) -> float:
    raw = rng.uniform(lo, hi)
    if raw >= 250:
        return round(round(raw / 10) * 10 - 0.01, 2)
    ending = rng.choice([0.99, 0.99, 0.99, 0.95, 0.49, 0.79])
    return round(max(int(raw), 9) + ending, 2)


def pick_rating(rng: random.Random) -> float:
    value = rng.gauss(4.25, 0.42)
    return round(min(5.0, max(2.8, value)), 1)


def pick_rating_count(rng: random.Random) -> int:
    # Long-tailed: most products have tens to hundreds of reviews, a few have thousands.
    value = int((rng.paretovariate(1.1) - 1) * 60) + rng.randint(1, 25)
    return max(1, min(5000, value))


GENDER_WORD = {"men": "Men's ", "women": "Women's ", "unisex": "", "kids": "Kids' "}
GENDER_PHRASE = {
    "men": ["for men", "in a men's fit", "cut for men"],
    "women": ["for women", "in a women's fit", "cut for women"],
    "unisex": ["for anyone", "in a unisex fit", "for all wearers"],
    "kids": ["for kids", "sized for children", "for young ones"],
}

# Generic frames for the features sentence; {f1} {f2} {f3} are feature phrases.
FEATURE_FRAMES_2 = [
    "Highlights include {f1} and {f2}.",
    "It pairs {f1} with {f2}.",
    "You also get {f1}, plus {f2}.",
    "Expect {f1} and {f2}.",
    "Standout details are {f1} and {f2}.",
    "Features {f1} alongside {f2}.",
]
FEATURE_FRAMES_3 = [
    "Key features: {f1}, {f2} and {f3}.",
    "It comes with {f1}, {f2} and {f3}.",
    "Look for {f1}, {f2} and {f3}.",
    "Built with {f1}, {f2}, and {f3}.",
]


def T(noun, price, short=None, genders=("unisex",), sizes=no_sizes, materials=None, features=(),
      extras=None, colors=None, title="{brand} {model}{ver} {gender}{noun}", versions=None,
      skip=(), uses=None, closers=None):
    """One product type inside a category.

    ``skip`` drops category-wide features containing any of those substrings (e.g. no Bluetooth on
    wired headphones); ``uses``/``closers`` replace the category's sentence pools for this type.
    """
    return {
        "skip": tuple(skip), "uses": uses, "closers": closers,
        "noun": noun, "price": price, "short": short or noun.lower(), "genders": list(genders),
        "sizes": sizes, "materials": materials, "features": list(features), "extras": extras or {},
        "colors": colors, "title": title, "versions": versions,
    }


# --------------------------------------------------------------------------------------------
# Categories. Every brand and model name below is invented for this demo.
# Intro templates may use: {a_color} {color} {material} {short} {brand} {model} {gphrase}
# --------------------------------------------------------------------------------------------
CATEGORIES = [
    {
        "path": ["Footwear", "Running Shoes"], "count": 26,
        "brands": ["Stridewell", "Veloxa", "Runwright", "Quillon", "Marathia"],
        "models": ["Tempo Runner", "Glidepath", "Cadence", "Swiftline", "Aerostride", "Kinetic",
                   "Longhaul", "Pacer", "Tailwind", "Mileage", "Sprintra", "Cloudbound", "Emberline"],
        "versions": ["", " 2", " 3", " 4", " 5", " Pro"],
        "colors": ["Black", "White", "Navy", "Grey", "Blue", "Red", "Orange", "Green", "Neon Yellow"],
        "types": [
            T("Running Shoe", (64, 169), short="road running shoe", genders=("men", "women"), sizes=shoe_sizes,
              materials=["engineered mesh", "engineered knit", "recycled mesh"],
              features=["a rubber outsole tuned for asphalt", "a neutral, flexible forefoot"],
              extras={"drop": ["6 mm", "8 mm", "10 mm"], "cushioning": ["medium", "high"],
                      "weight": grams(230, 310)}),
            T("Trail Running Shoe", (89, 189), short="trail shoe", genders=("men", "women", "unisex"),
              sizes=shoe_sizes, materials=["ripstop mesh", "abrasion-resistant mesh", "water-repellent knit"],
              features=["a 5 mm lugged outsole for mud and loose gravel", "a rock plate under the forefoot",
                        "a gusseted tongue that keeps grit out"],
              extras={"drop": ["4 mm", "6 mm", "8 mm"], "cushioning": ["medium", "high"],
                      "weight": grams(270, 340), "waterproof": ["yes", "no"]}),
            T("Stability Running Shoe", (89, 169), short="stability shoe", genders=("men", "women"),
              sizes=shoe_sizes, materials=["engineered mesh", "double-layer mesh"],
              features=["a firm medial post that limits overpronation", "a wide, stable base"],
              extras={"drop": ["8 mm", "10 mm", "12 mm"], "cushioning": ["high"], "weight": grams(280, 330)}),
            T("Racing Shoe", (129, 229), short="race-day shoe", genders=("men", "women", "unisex"),
              sizes=shoe_sizes, materials=["translucent monomesh", "featherweight mesh"],
              features=["a full-length carbon-fibre plate", "a rockered sole that rolls you forward"],
              extras={"drop": ["6 mm", "8 mm"], "cushioning": ["high"], "weight": grams(190, 235)}),
        ],
        "features": ["a responsive foam midsole", "a padded heel collar", "reflective heel details",
                     "a breathable, seamless upper", "a roomy toe box", "a removable cushioned insole",
                     "a heel pull tab for quick on and off"],
        "intros": [
            "The {brand} {model} is {a_color} {short} {gphrase}, built on {a_material} upper that stays cool over long miles.",
            "Made with {a_color} {material} upper, this {short} from {brand} is designed to feel light from the first kilometre to the last.",
            "{brand}'s {model} wraps the foot in {material} and comes in a clean {color} colourway.",
            "Lace up the {model}: {a_color} {short} {gphrase} with {a_material} upper that moves with your stride.",
        ],
        "uses": ["Good for easy runs, tempo days and weekend long runs.",
                 "It suits runners logging 20 to 50 miles a week.",
                 "Ideal for daily training on roads, tracks and park paths.",
                 "A solid pick for a first half marathon."],
        "closers": ["Runs true to size; consider half a size up if you are between sizes.",
                    "Spot clean with a damp cloth and let it air dry away from direct heat.",
                    "Reflective accents add visibility on early-morning runs."],
    },
    {
        "path": ["Footwear", "Sneakers"], "count": 22,
        "brands": ["Urbanlo", "Kerbside", "Lowtide", "Brixel", "Cobbleworks"],
        "models": ["Courtline", "Metro", "Parkside", "Laneway", "Foundry", "Boardwalk", "Canal",
                   "Stoop", "Halfpipe", "Terrace", "Corner Club", "Avenue"],
        "versions": ["", "", " 2", " 77", " 90", " Classic"],
        "colors": ["White", "Black", "Beige", "Navy", "Grey", "Green", "Red", "Pink", "Off-White"],
        "types": [
            T("Low-Top Sneaker", (49, 119), short="low-top sneaker", genders=("men", "women", "unisex"),
              sizes=shoe_sizes, materials=["full-grain leather", "canvas", "suede", "recycled canvas"],
              features=["a vulcanised rubber sole", "a stitched toe cap"]),
            T("High-Top Sneaker", (59, 129), short="high-top sneaker", genders=("men", "women", "unisex"),
              sizes=shoe_sizes, materials=["canvas", "suede", "full-grain leather"],
              features=["a padded ankle collar", "metal eyelets that won't tear"]),
            T("Slip-On Sneaker", (39, 89), short="slip-on", genders=("men", "women", "unisex"),
              sizes=shoe_sizes, materials=["canvas", "stretch knit", "recycled canvas"],
              features=["elastic side gores", "a memory-foam footbed"]),
            T("Leather Court Sneaker", (79, 149), short="court sneaker", genders=("men", "women"),
              sizes=shoe_sizes, materials=["full-grain leather", "vegan leather", "nubuck leather"],
              features=["perforated side panels", "a stitched cupsole"]),
        ],
        "features": ["a cushioned footbed", "waxed cotton laces", "a contrast heel tab",
                     "a grippy gum rubber outsole", "a soft terry lining", "a lightly padded tongue"],
        "extras": {"sole": ["vulcanised rubber", "rubber cupsole", "gum rubber"]},
        "intros": [
            "The {brand} {model} is {a_color} {short} {gphrase}, cut from {material} for an easy everyday look.",
            "Crafted in {material}, this {color} {short} keeps things simple and goes with almost anything.",
            "{brand} builds the {model} from {material} and finishes it in {color}.",
            "A wardrobe staple: {a_color} {material} {short} with a low-key silhouette.",
        ],
        "uses": ["Wear it with jeans, chinos or shorts.", "Made for city walking and casual weekends.",
                 "Comfortable enough for a full day on your feet."],
        "closers": ["Fits true to size.", "Break-in time is minimal thanks to the soft lining.",
                    "Wipe leather with a damp cloth; canvas versions can be hand washed."],
    },
    {
        "path": ["Clothing", "Men", "T-Shirts"], "count": 24,
        "brands": ["Threadmoor", "Basiq", "Halden & Co.", "Cottonvale", "Ferro Lane"],
        "models": ["Everyday", "Heritage", "Daybreak", "Harbor", "Trailhead", "Essential", "Weekend",
                   "Fieldwork", "Signal", "Driftwood", "Keystone", "Bayview"],
        "versions": [""],
        "colors": ["White", "Black", "Navy", "Grey", "Olive", "Heather Grey", "Burgundy", "Sky Blue", "Sand"],
        "types": [
            T("Crew Neck T-Shirt", (14, 34), short="crew neck tee", genders=("men",), sizes=apparel_sizes,
              materials=["100% organic cotton", "combed cotton jersey", "cotton-modal blend"],
              features=["a ribbed collar that holds its shape"], extras={"sleeve": ["short"]}),
            T("V-Neck T-Shirt", (14, 32), short="v-neck tee", genders=("men",), sizes=apparel_sizes,
              materials=["combed cotton jersey", "cotton-modal blend", "slub cotton"],
              features=["a shallow V neckline"], extras={"sleeve": ["short"]}),
            T("Pocket T-Shirt", (18, 38), short="pocket tee", genders=("men",), sizes=apparel_sizes,
              materials=["slub cotton", "heavyweight cotton", "100% organic cotton"],
              features=["a patch chest pocket"], extras={"sleeve": ["short"]}),
            T("Long Sleeve T-Shirt", (22, 44), short="long sleeve tee", genders=("men",), sizes=apparel_sizes,
              materials=["combed cotton jersey", "waffle-knit cotton", "merino wool blend"],
              features=["ribbed cuffs"], extras={"sleeve": ["long"]}),
            T("Performance T-Shirt", (24, 48), short="training tee", genders=("men",), sizes=apparel_sizes,
              materials=["recycled polyester", "polyester-elastane jersey"],
              features=["a moisture-wicking finish", "flat-lock seams that won't chafe"],
              extras={"sleeve": ["short"]}),
            T("Henley T-Shirt", (24, 46), short="henley", genders=("men",), sizes=apparel_sizes,
              materials=["slub cotton", "cotton-linen blend", "waffle-knit cotton"],
              features=["a three-button placket"], extras={"sleeve": ["short", "long"]}),
        ],
        "features": ["a tagless neck label", "pre-shrunk fabric", "double-needle stitched hems",
                     "a longer back hem that stays tucked", "taped shoulder seams"],
        "extras": {"fit": ["regular", "slim", "relaxed"], "fabric_weight": ["150 gsm", "180 gsm", "220 gsm"]},
        "intros": [
            "The {brand} {model} {short} is knit from {material} and finished in {color}.",
            "Soft {material} gives this {color} {short} a broken-in feel from the first wear.",
            "{brand} makes the {model} in {material}; this one comes in {color}.",
            "An easy {color} {short} {gphrase}, made from {material}.",
        ],
        "uses": ["Layer it under a jacket or wear it on its own.", "Made for everyday wear, weekends and travel.",
                 "Works as well at the gym as it does at the weekend barbecue."],
        "closers": ["Machine wash cold and tumble dry low.", "Expect less than 3% shrinkage after washing.",
                    "The model is 6'1\" and wears a size M."],
    },
    {
        "path": ["Clothing", "Women", "Dresses"], "count": 24,
        "brands": ["Lunelle", "Maison Verre", "Amarine", "Florentia", "Sablewood"],
        "models": ["Isla", "Margot", "Solene", "Wren", "Celeste", "Juniper", "Odette", "Marisol", "Fern",
                   "Rosalind", "Delphine", "Clara", "Elodie"],
        "versions": [""],
        "colors": ["Black", "Navy", "Red", "Emerald", "Beige", "Pink", "Sage", "Ivory", "Cobalt Blue", "Rust"],
        "types": [
            T("Wrap Dress", (49, 119), short="wrap dress", genders=("women",), sizes=apparel_sizes,
              materials=["viscose crepe", "jersey", "satin"], features=["an adjustable tie waist"],
              extras={"length": ["knee", "midi"], "neckline": ["V-neck"]}),
            T("Midi Dress", (45, 129), short="midi dress", genders=("women",), sizes=apparel_sizes,
              materials=["linen", "cotton poplin", "tencel"], features=["a smocked back bodice"],
              extras={"length": ["midi"], "neckline": ["square", "round", "V-neck"]}),
            T("Maxi Dress", (55, 139), short="maxi dress", genders=("women",), sizes=apparel_sizes,
              materials=["chiffon", "viscose", "linen"], features=["a tiered skirt with plenty of movement"],
              extras={"length": ["maxi"], "neckline": ["halter", "V-neck", "round"]}),
            T("Shirt Dress", (45, 99), short="shirt dress", genders=("women",), sizes=apparel_sizes,
              materials=["cotton poplin", "chambray", "linen"], features=["a button-through front",
                                                                         "a removable self-tie belt"],
              extras={"length": ["knee", "midi"], "neckline": ["collared"]}),
            T("Slip Dress", (39, 99), short="slip dress", genders=("women",), sizes=apparel_sizes,
              materials=["satin", "washed silk blend"], features=["adjustable spaghetti straps", "a bias cut"],
              extras={"length": ["midi", "maxi"], "neckline": ["cowl", "straight"]}),
            T("Sweater Dress", (59, 129), short="sweater dress", genders=("women",), sizes=apparel_sizes,
              materials=["ribbed knit", "merino wool blend", "cotton-cashmere knit"],
              features=["a soft turtleneck", "a fitted ribbed hem"],
              extras={"length": ["knee", "midi"], "neckline": ["turtleneck", "crew"]}),
        ],
        "features": ["hidden side-seam pockets", "fluttered short sleeves", "a concealed back zip",
                     "a fully lined skirt", "a relaxed A-line silhouette", "a flattering high waist"],
        "extras": {"care": ["machine wash cold", "hand wash", "dry clean recommended"]},
        "intros": [
            "The {model} {short} by {brand} is cut from {material} in {color}.",
            "Soft {material} and {a_color} hue make this {short} an easy choice from day to evening.",
            "{brand} designed the {model} in {material} with a clean silhouette; this version is {color}.",
            "Meet the {model}: {a_color} {short} in breathable {material}.",
        ],
        "uses": ["Dress it up with heels for a wedding or down with sandals for brunch.",
                 "Great for the office, date night or a summer holiday.",
                 "It packs well and resists wrinkles when you travel."],
        "closers": ["Fits true to size; size down for a closer fit.", "The model is 5'8\" and wears a size S.",
                    "Wash inside out to keep the colour bright."],
    },
    {
        "path": ["Clothing", "Jackets"], "count": 24,
        "brands": ["Northpeak", "Glacera", "Stormhaven", "Alpenmark", "Cindervale"],
        "models": ["Ridgewalker", "Fjordline", "Squall", "Driftwood", "Harrier", "Basecamp", "Windrose",
                   "Cairn", "Coldfront", "Granite", "Switchback", "Larchwood"],
        "versions": ["", "", " 2", " II", " Pro"],
        "colors": ["Black", "Navy", "Olive", "Red", "Grey", "Blue", "Khaki", "Orange", "Forest Green"],
        "types": [
            T("Down Puffer Jacket", (129, 329), short="puffer jacket", genders=("men", "women"), sizes=apparel_sizes,
              materials=["recycled ripstop nylon", "matte nylon shell"],
              features=["650-fill responsibly sourced down", "baffled quilting that keeps the fill in place",
                        "a stuff sack for packing"],
              extras={"insulation": ["650-fill down", "700-fill down", "800-fill down"], "weight": grams(320, 520, 10)}),
            T("Rain Jacket", (79, 199), short="rain shell", genders=("men", "women", "unisex"), sizes=apparel_sizes,
              materials=["2.5-layer waterproof nylon", "3-layer waterproof-breathable membrane"],
              features=["fully taped seams", "pit zips for venting"],
              extras={"waterproof_rating": ["10,000 mm", "15,000 mm", "20,000 mm"], "weight": grams(220, 420, 10)}),
            T("Softshell Jacket", (89, 179), short="softshell", genders=("men", "women"), sizes=apparel_sizes,
              materials=["stretch-woven polyester", "brushed-back softshell"],
              features=["a wind-resistant face fabric", "a water-repellent finish"],
              extras={"weight": grams(380, 560, 10)}),
            T("Insulated Parka", (179, 399), short="parka", genders=("men", "women"), sizes=apparel_sizes,
              materials=["waterproof polyester twill", "heavyweight nylon"],
              features=["a faux-fur trimmed hood", "synthetic insulation that stays warm when damp",
                        "a two-way front zip"],
              extras={"insulation": ["synthetic 200 g", "synthetic 250 g"], "temperature_rating": ["-10°F", "0°F", "-20°F"]},
              closers=["Sized for layering; order your usual size.", "Machine wash cold on a gentle cycle.",
                       "The hood trim detaches for washing."]),
            T("Fleece Jacket", (49, 119), short="fleece", genders=("men", "women", "unisex"), sizes=apparel_sizes,
              materials=["recycled polyester fleece", "sherpa fleece", "grid fleece"],
              features=["a stand-up collar", "a zippered chest pocket"], extras={"weight": grams(280, 450, 10)}),
            T("Bomber Jacket", (69, 149), short="bomber", genders=("men", "women"), sizes=apparel_sizes,
              materials=["nylon twill", "suede-effect polyester", "waxed cotton"],
              features=["ribbed cuffs and hem", "a utility sleeve pocket"]),
        ],
        "features": ["an adjustable storm hood", "two zippered hand pockets", "an internal media pocket",
                     "a cinch-cord hem", "a chin guard that stops zip rub", "hook-and-loop cuff tabs"],
        "intros": [
            "The {brand} {model} is {a_color} {short} {gphrase}, made with {material}.",
            "Built from {material}, this {color} {short} from {brand} handles raw, changeable weather.",
            "{brand}'s {model} {short} pairs a {material} outer with a cut that layers easily; shown here in {color}.",
            "Stay warm and dry in the {model}: {a_color} {short} made from {material}.",
        ],
        "uses": ["Made for commuting, dog walks and day hikes.", "A good match for shoulder-season trips.",
                 "Layers over a fleece or hoodie without feeling bulky."],
        "closers": ["Sized for layering; order your usual size.", "Machine wash cold on a gentle cycle.",
                    "Packs down small enough for a daypack."],
    },
    {
        "path": ["Electronics", "Headphones"], "count": 24,
        "brands": ["Auralis", "Sonivo", "Hushbeam", "Tonegrove", "Decibelle"],
        "models": ["Aria", "Pulse", "Halo", "Drift", "Nimbus", "Verse", "Lumen", "Cadenza", "Resona",
                   "Quietus", "Mezzo", "Basso"],
        "versions": ["", " 2", " 3", " Pro", " Max", " Lite", " X"],
        "colors": ["Black", "White", "Navy", "Silver", "Beige", "Midnight Blue", "Rose", "Sage Green"],
        "types": [
            T("Wireless Noise-Cancelling Over-Ear Headphones", (129, 399), short="over-ear headphones",
              materials=["protein-leather ear cushions and an aluminium headband", "memory-foam ear cushions"],
              features=["hybrid active noise cancellation", "a foldable design with a hard case",
                        "a 3.5 mm cable for wired listening"],
              extras={"battery_life": ["30 hours", "40 hours", "50 hours"], "driver_size": ["40 mm", "45 mm"],
                      "noise_cancelling": ["yes"], "weight": grams(240, 320)}),
            T("True Wireless Earbuds", (39, 249), short="earbuds",
              materials=["soft silicone ear tips", "a matte polycarbonate shell"],
              features=["a pocket-sized charging case", "touch controls", "three sizes of ear tips"],
              extras={"battery_life": ["6 hours (24 with case)", "8 hours (32 with case)", "5 hours (20 with case)"],
                      "water_resistance": ["IPX4", "IPX5"], "noise_cancelling": ["yes", "no"]}),
            T("On-Ear Bluetooth Headphones", (49, 149), short="on-ear headphones",
              materials=["cushioned faux-leather pads", "a lightweight steel-reinforced band"],
              features=["a flat-folding design", "built-in microphone for calls"],
              extras={"battery_life": ["35 hours", "45 hours", "60 hours"], "driver_size": ["32 mm", "40 mm"],
                      "weight": grams(150, 210)}),
            T("Wired Studio Headphones", (59, 199), short="studio headphones",
              materials=["velour ear pads and a steel headband", "replaceable memory-foam pads"],
              features=["a detachable coiled cable", "a closed-back design for tracking",
                        "a flat, neutral frequency response"],
              extras={"impedance": ["32 ohm", "80 ohm", "250 ohm"], "driver_size": ["40 mm", "50 mm"],
                      "connectivity": ["3.5 mm / 6.35 mm wired"]},
              skip=("Bluetooth", "USB-C", "transparency", "app", "call", "gaming", "auto-pause"),
              uses=["Made for home recording, mixing and critical listening.", "A reliable pick for podcasting and streaming."],
              closers=["Backed by Northwind's 1-year electronics warranty.", "Includes a 6.35 mm adapter and a carry pouch."]),
            T("Sport Earbuds", (39, 129), short="sport earbuds",
              materials=["flexible ear hooks", "sweat-proof silicone wings"],
              features=["secure ear hooks that stay put on sprints", "an ambient-sound mode for road safety"],
              extras={"battery_life": ["9 hours (30 with case)", "10 hours (36 with case)"],
                      "water_resistance": ["IPX5", "IPX7"]}),
            T("Open-Ear Headphones", (79, 179), short="open-ear headphones",
              materials=["a titanium wraparound band", "a soft silicone frame"],
              features=["an open design that leaves your ears free", "directional speakers that limit sound leakage"],
              extras={"battery_life": ["8 hours", "10 hours"], "water_resistance": ["IP55", "IP67"]},
              skip=("transparency", "auto-pause")),
        ],
        "features": ["multipoint Bluetooth 5.3", "USB-C fast charging (10 minutes gives about 3 hours)",
                     "a transparency mode", "an app with a custom EQ", "a low-latency gaming mode",
                     "clear call quality with beamforming mics", "auto-pause when you take them off"],
        "extras": {"connectivity": ["Bluetooth 5.3", "Bluetooth 5.2", "Bluetooth 5.3 with multipoint"]},
        "intros": [
            "The {brand} {model} {short} come in {color} and use {material} for long listening sessions.",
            "{brand} tuned the {model} for warm, detailed sound; this {color} pair has {material}.",
            "Finished in {color}, these {short} from {brand} combine {material} with a lightweight build.",
            "Big sound, small fuss: the {model} {short} in {color}, built with {material}.",
        ],
        "uses": ["Great for commuting, flights and focused work.", "Made for podcasts, playlists and video calls.",
                 "A good match for travel and open-plan offices."],
        "closers": ["Backed by Northwind's 1-year electronics warranty.", "A USB-C charging cable is included.",
                    "Works with iOS, Android, Windows and macOS devices."],
    },
    {
        "path": ["Electronics", "Smartwatches"], "count": 22,
        "brands": ["Pulsewright", "Tickora", "Orbitrak", "Lumenwrist", "Kairo"],
        "models": ["Vita", "Stride", "Core", "Pace", "Atlas", "Nova", "Meridian", "Trek", "Solstice",
                   "Axis", "Tempo", "Vantage"],
        "versions": ["", " 2", " 3", " S", " Pro", " Active", " GT"],
        "colors": ["Black", "Silver", "Rose Gold", "Navy", "Graphite", "Olive", "White", "Pink"],
        "types": [
            T("Smartwatch", (99, 399), short="smartwatch",
              materials=["an aluminium case with a silicone strap", "a stainless steel case with a leather strap"],
              features=["an always-on AMOLED display", "contactless payments", "on-wrist calls and replies"],
              extras={"battery_life": ["2 days", "4 days", "7 days"], "case_size": ["41 mm", "44 mm", "46 mm"],
                      "display": ["1.4-inch AMOLED", "1.9-inch AMOLED"]}),
            T("Fitness Tracker", (39, 129), short="fitness tracker",
              materials=["a soft silicone band", "a woven nylon band"],
              features=["all-day step and calorie tracking", "a slim, lightweight band", "sleep-stage tracking"],
              extras={"battery_life": ["10 days", "14 days", "21 days"], "display": ["1.1-inch AMOLED", "0.96-inch colour LCD"]}),
            T("GPS Sports Watch", (149, 499), short="GPS sports watch",
              materials=["a fibre-reinforced polymer case", "a titanium bezel and silicone strap"],
              features=["dual-band GPS", "offline maps and breadcrumb navigation", "training-load and recovery insights"],
              extras={"battery_life": ["14 days (30 hours GPS)", "21 days (40 hours GPS)"],
                      "case_size": ["45 mm", "47 mm", "51 mm"]}),
            T("Hybrid Smartwatch", (129, 299), short="hybrid smartwatch",
              materials=["a brushed stainless steel case", "a sapphire-coated glass lens and leather strap"],
              features=["real watch hands over a hidden display", "discreet vibration alerts"],
              extras={"battery_life": ["25 days", "30 days"], "case_size": ["40 mm", "42 mm"]}),
            T("Kids Smartwatch", (59, 129), short="kids' smartwatch", genders=("kids",),
              title="{brand} {model}{ver} {noun}",
              materials=["a durable plastic case with a soft strap", "a shock-resistant silicone body"],
              features=["parent-approved contacts only", "a school mode that silences games", "location sharing"],
              extras={"battery_life": ["2 days", "3 days"], "age_range": ["5-12 years", "6-12 years"]}),
        ],
        "features": ["heart-rate and SpO2 sensors", "5 ATM water resistance", "100+ workout modes",
                     "customisable watch faces", "quick-release straps", "fall detection",
                     "smartphone notifications"],
        "extras": {"water_resistance": ["5 ATM", "10 ATM", "IP68"], "compatibility": ["iOS and Android"]},
        "intros": [
            "The {brand} {model} is {a_color} {short} with {material}.",
            "{brand} built the {model} {short} around {material}, finished in {color}.",
            "Track workouts, sleep and stress with the {model}, {a_color} {short} featuring {material}.",
            "Wear the {color} {model} {short} all day; {material} keeps it comfortable.",
        ],
        "uses": ["Good for runners, gym-goers and anyone building healthier habits.",
                 "Handy for everyday notifications, timers and quick replies.",
                 "Swim-proof, so you can wear it in the pool."],
        "closers": ["Includes a magnetic charging cable.", "Covered by our 1-year electronics warranty.",
                    "Pairs with the free companion app on iOS and Android."],
    },
    {
        "path": ["Electronics", "Phone Accessories"], "count": 24,
        "brands": ["Gripwell", "Voltnest", "Cablewise", "Shieldform", "Chargelark"],
        "models": ["Flux", "Arc", "Snap", "Dura", "Tether", "Boost", "Loop", "Keel", "Relay", "Ampline",
                   "Halo", "Strata"],
        "versions": ["", "", " 2", " Plus", " Mini"],
        "colors": ["Black", "White", "Blue", "Grey", "Green", "Pink", "Clear", "Navy"],
        "types": [
            T("15W Wireless Charging Pad", (19, 49), short="wireless charger",
              materials=["a soft-touch silicone top and aluminium base", "a fabric-covered top"],
              features=["foreign-object detection", "a non-slip base", "an LED that dims at night"],
              extras={"output": ["15 W"], "compatibility": ["Qi-enabled phones and earbuds"]}),
            T("Magnetic Phone Case", (19, 49), short="phone case",
              materials=["shock-absorbing TPU", "a polycarbonate back with TPU bumpers", "vegan leather"],
              features=["raised edges that protect the camera", "built-in magnets for mounts and chargers",
                        "6-foot drop protection"],
              extras={"compatibility": ["most 6.1-inch phones", "most 6.7-inch phones"]}),
            T("Tempered Glass Screen Protector 2-Pack", (9.99, 19.99), short="screen protector",
              materials=["9H tempered glass"], features=["an alignment frame for bubble-free install",
                                                         "an oleophobic coating that resists fingerprints"],
              colors=["Clear"], extras={"compatibility": ["most 6.1-inch phones", "most 6.7-inch phones"]}),
            T("USB-C Fast Charger", (19, 59), short="wall charger",
              materials=["a compact GaN design", "a fire-resistant polycarbonate shell"],
              features=["folding prongs", "over-heat and over-current protection", "two USB-C ports"],
              extras={"output": ["30 W", "45 W", "65 W"]}),
            T("Braided USB-C Cable", (9.99, 24.99), short="charging cable",
              materials=["double-braided nylon", "aramid-fibre reinforced nylon"],
              features=["strain-relief collars tested to 20,000 bends", "a reusable cable tie"],
              extras={"cable_length": ["1 m", "2 m", "3 m"], "output": ["60 W", "100 W"]}),
            T("Power Bank", (24, 69), short="power bank",
              materials=["a slim aluminium shell", "a rubberised shell"],
              features=["pass-through charging", "a digital battery readout", "USB-C and USB-A outputs"],
              extras={"capacity": ["10,000 mAh", "20,000 mAh", "5,000 mAh"], "output": ["20 W", "30 W"]}),
            T("Car Phone Mount", (14, 39), short="car mount",
              materials=["a vent clip with a silicone grip", "a dashboard suction cup base"],
              features=["one-handed mounting", "360-degree rotation"],
              extras={"mount_type": ["air vent", "dashboard", "windshield"]}),
        ],
        "features": ["a 1-year warranty", "a slim profile", "travel-friendly size",
                     "recycled packaging", "a tidy, minimal design"],
        "intros": [
            "The {brand} {model} is {a_color} {short} made with {material}.",
            "{brand}'s {model} {short} uses {material} and comes in {color}.",
            "Keep your phone ready with the {model}, {a_color} {short} with {material}.",
            "Small upgrade, big difference: {a_color} {brand} {short} featuring {material}.",
        ],
        "uses": ["Handy at your desk, on the nightstand or in a travel bag.",
                 "Works with most modern smartphones.", "A thoughtful small gift for anyone who is always on low battery."],
        "closers": ["Covered by our 1-year electronics warranty.", "Compatibility details are listed in the specs.",
                    "Ships in plastic-free packaging."],
    },
    {
        "path": ["Home & Kitchen", "Cookware"], "count": 24,
        "brands": ["Hearthmere", "Copperly", "Castwell", "Panterra", "Ironquill"],
        "models": ["Bistro", "Artisan", "Farmhouse", "Harvest", "Sunday", "Hearthside", "Kitchenhand",
                   "Provenance", "Gather", "Everyday", "Salt & Ember", "Homestead"],
        "versions": [""],
        "colors": ["Black", "Graphite", "Red", "Cream", "Sage Green", "Navy", "Stainless Steel", "Copper"],
        "types": [
            T("10-Inch Nonstick Frying Pan", (24, 69), short="frying pan",
              materials=["hard-anodised aluminium", "forged aluminium"],
              features=["a PFAS-free ceramic nonstick coating", "a flared rim for easy flipping"],
              extras={"diameter": ["10 in"], "oven_safe": ["400°F", "450°F"], "dishwasher_safe": ["yes", "no"]}),
            T("12-Inch Cast Iron Skillet", (29, 89), short="skillet", colors=["Black"],
              materials=["pre-seasoned cast iron"],
              features=["pour spouts on both sides", "a helper handle", "a naturally non-stick seasoned surface"],
              extras={"diameter": ["12 in"], "oven_safe": ["650°F"], "dishwasher_safe": ["no"], "weight": ["3.2 kg", "3.5 kg"]}),
            T("3-Quart Stainless Steel Saucepan", (39, 119), short="saucepan",
              materials=["tri-ply stainless steel with an aluminium core", "18/10 stainless steel"],
              features=["a snug-fitting lid", "measurement markings inside", "drip-free rolled rims"],
              extras={"capacity": ["3 qt"], "oven_safe": ["500°F"], "dishwasher_safe": ["yes"]}),
            T("5.5-Quart Enameled Dutch Oven", (69, 299), short="Dutch oven",
              materials=["enamelled cast iron"],
              features=["a heavy, tight-fitting lid that locks in moisture", "wide loop handles",
                        "a chip-resistant enamel interior"],
              extras={"capacity": ["5.5 qt"], "oven_safe": ["500°F"], "dishwasher_safe": ["no"]}),
            T("10-Piece Cookware Set", (149, 599), short="cookware set",
              materials=["tri-ply stainless steel", "hard-anodised aluminium with ceramic nonstick"],
              features=["two frying pans, two saucepans, a sauté pan and a stockpot with lids",
                        "nesting pieces that save cupboard space"],
              extras={"pieces": ["10"], "oven_safe": ["450°F", "500°F"], "dishwasher_safe": ["yes"]}),
            T("14-Inch Carbon Steel Wok", (34, 89), short="wok", colors=["Black", "Graphite"],
              materials=["carbon steel"],
              features=["a flat base that sits steady on any hob", "a wooden helper handle"],
              extras={"diameter": ["14 in"], "oven_safe": ["no"], "dishwasher_safe": ["no"]}),
            T("8-Quart Stockpot", (49, 139), short="stockpot",
              materials=["18/10 stainless steel", "enamelled steel"],
              features=["a tempered glass lid with steam vent", "a thick encapsulated base that prevents scorching"],
              extras={"capacity": ["8 qt"], "oven_safe": ["450°F"], "dishwasher_safe": ["yes"]}),
        ],
        "features": ["an induction-compatible base", "stay-cool riveted handles", "even heat distribution",
                     "a lifetime of everyday use with simple care", "compatibility with gas, electric and ceramic hobs"],
        "extras": {"induction_compatible": ["yes"]},
        "intros": [
            "The {brand} {model} {short} is made from {material} with a {color} finish.",
            "Cook with confidence using this {color} {short} from {brand}, crafted from {material}.",
            "{brand}'s {model} line brings {material} to the home kitchen; this {short} comes in {color}.",
            "Sear, simmer and serve with the {model}, {a_color} {short} made of {material}.",
        ],
        "uses": ["Ideal for weeknight stir-fries, sauces and Sunday braises.",
                 "Goes straight from stovetop to oven to table.", "Great for searing steak and roasting vegetables."],
        "closers": ["Hand washing extends the life of the finish.", "Backed by a 5-year warranty against manufacturing defects.",
                    "Preheat on medium heat for the best results."],
    },
    {
        "path": ["Home & Kitchen", "Coffee Makers"], "count": 22,
        "brands": ["Brewster & Finch", "Crema Alta", "Percolo", "Roastwell", "Drippa"],
        "models": ["Morning Ritual", "Barista", "Daybreak", "Brewline", "Velluto", "Aroma", "Stillwater",
                   "Grindhouse", "Café Uno", "Ember", "Classico"],
        "versions": ["", "", " 2", " Plus", " Pro"],
        "colors": ["Black", "Stainless Steel", "White", "Red", "Cream", "Matte Black", "Sage Green"],
        "types": [
            T("12-Cup Programmable Drip Coffee Maker", (39, 149), short="drip coffee maker",
              materials=["brushed stainless steel and BPA-free plastic", "a borosilicate glass carafe"],
              features=["a 24-hour programmable timer", "a brew-strength selector", "a pause-and-pour function"],
              extras={"capacity": ["12 cups"], "wattage": ["900 W", "1100 W"]}),
            T("Espresso Machine", (149, 899), short="espresso machine",
              materials=["a stainless steel body", "a die-cast aluminium body"],
              features=["a 15-bar pump", "a steam wand for frothing milk", "a built-in conical burr grinder",
                        "a PID temperature controller"],
              extras={"pressure": ["15 bar", "19 bar"], "wattage": ["1350 W", "1600 W"], "water_tank": ["1.8 L", "2 L"]}),
            T("Single-Serve Pod Coffee Maker", (59, 149), short="pod coffee maker",
              materials=["a compact plastic and steel body"],
              features=["three cup sizes", "a reusable pod for ground coffee", "a removable drip tray for travel mugs"],
              extras={"capacity": ["single cup (6-12 oz)"], "water_tank": ["1.2 L", "1.4 L"]}),
            T("Pour-Over Coffee Maker", (19, 49), short="pour-over brewer",
              materials=["heat-resistant borosilicate glass", "ceramic"],
              features=["a permanent stainless mesh filter", "a wooden collar for safe handling"],
              extras={"capacity": ["4 cups", "6 cups"]},
              closers=["Rinse with warm water after each use.", "Use a medium-coarse grind for the best cup.", "No electricity needed, so it works anywhere."],
              skip=("auto shut-off", "reservoir", "drip-stop")),
            T("French Press", (19, 59), short="French press",
              materials=["double-walled stainless steel", "borosilicate glass with a steel frame"],
              features=["a four-layer filter that keeps grounds out", "an insulated body that keeps coffee hot"],
              extras={"capacity": ["34 oz", "20 oz"]},
              closers=["Rinse with warm water after each use.", "Use a medium-coarse grind for the best cup.", "No electricity needed, so it works anywhere."],
              skip=("auto shut-off", "reservoir", "drip-stop")),
            T("Cold Brew Coffee Maker", (24, 69), short="cold brew maker",
              materials=["BPA-free Tritan and a fine-mesh steel filter", "glass with a silicone seal"],
              features=["an airtight lid that keeps brew fresh for two weeks", "a fridge-door friendly shape"],
              extras={"capacity": ["1 L", "2 qt"]},
              closers=["Rinse with warm water after each use.", "Use a medium-coarse grind for the best cup.", "No electricity needed, so it works anywhere."],
              skip=("auto shut-off", "reservoir", "drip-stop")),
            T("Stovetop Moka Pot", (24, 59), short="moka pot",
              materials=["cast aluminium", "18/10 stainless steel"],
              features=["a safety release valve", "a heat-resistant handle"],
              extras={"capacity": ["3 cups", "6 cups"]},
              closers=["Rinse with warm water after each use.", "Use a fine-to-medium grind for the best cup.", "No electricity needed, so it works anywhere."],
              skip=("auto shut-off", "reservoir", "drip-stop")),
        ],
        "features": ["auto shut-off", "a removable water reservoir", "easy-clean parts",
                     "a compact countertop footprint", "a drip-stop feature"],
        "intros": [
            "The {brand} {model} is {a_color} {short} built with {material}.",
            "Brew café-style coffee at home with this {color} {short}, made with {material}.",
            "{brand} designed the {model} {short} around {material}, with {a_color} finish that suits any counter.",
            "Start the day with the {model}: {a_color} {short} featuring {material}.",
        ],
        "uses": ["Perfect for busy weekday mornings.", "A great gift for the coffee lover in your life.",
                 "Makes enough for a household of coffee drinkers."],
        "closers": ["Covered by a 1-year small-appliance warranty.", "Descale every 1-3 months for best flavour.",
                    "Removable parts are top-rack dishwasher safe."],
    },
    {
        "path": ["Sports", "Yoga"], "count": 22,
        "brands": ["Lotuswell", "Asanara", "Stillpoint", "Mandorla", "Breathline"],
        "models": ["Grounded", "Flow", "Sattva", "Balance", "Sunrise", "Anchor Pose", "Drishti", "Prana",
                   "Evenkeel", "Still Water", "Vinyasa"],
        "versions": [""],
        "colors": ["Black", "Navy", "Sage", "Plum", "Teal", "Grey", "Pink", "Sand", "Terracotta"],
        "types": [
            T("6 mm Yoga Mat", (24, 119), short="yoga mat",
              materials=["natural tree rubber", "TPE foam", "natural rubber with a PU top layer"],
              features=["etched alignment lines", "a closed-cell surface that resists sweat", "a carrying strap"],
              extras={"thickness": ["6 mm"], "dimensions": ["183 x 61 cm", "185 x 68 cm"], "weight": ["1.2 kg", "2.5 kg"]}),
            T("Travel Yoga Mat", (29, 69), short="travel mat",
              materials=["thin natural rubber", "microfibre suede over rubber"],
              features=["a foldable design that fits in a carry-on"],
              extras={"thickness": ["1.5 mm", "2 mm"], "weight": ["0.9 kg", "1.1 kg"]}),
            T("Yoga Block 2-Pack", (14, 34), short="yoga block set",
              materials=["sustainably harvested cork", "high-density EVA foam"],
              features=["rounded edges that are kind to hands", "a firm, non-slip surface"],
              extras={"dimensions": ["23 x 15 x 10 cm"]}),
            T("Yoga Strap", (9.99, 19.99), short="yoga strap",
              materials=["organic cotton webbing", "recycled polyester webbing"],
              features=["a quick-release metal D-ring buckle"], extras={"length": ["1.8 m", "2.4 m"]}),
            T("High-Waist Yoga Leggings", (39, 98), short="high-waist legging", genders=("women",), sizes=apparel_sizes,
              materials=["buttery nylon-elastane", "recycled polyester-elastane"],
              features=["four-way stretch", "a hidden waistband pocket", "squat-proof fabric"],
              extras={"inseam": ["25 in", "28 in"]},
              closers=["Machine wash cold and hang to dry.", "Fits true to size; size up for a looser feel."]),
            T("Yoga Shorts", (29, 59), short="yoga short", genders=("men", "women"), sizes=apparel_sizes,
              materials=["lightweight stretch woven", "recycled polyester-elastane"],
              features=["a built-in liner", "a flat, wide waistband"], extras={"inseam": ["5 in", "7 in"]},
              closers=["Machine wash cold and hang to dry.", "Fits true to size; size up for a looser feel."]),
            T("Yoga Bolster", (34, 79), short="bolster",
              materials=["organic cotton cover over buckwheat hull fill", "a cotton canvas cover with cotton batting"],
              features=["a removable, washable cover", "side carry handles"],
              uses=["Supports restorative yoga and seated meditation.", "Adds comfort to long seated practice."],
              closers=["The cover unzips and is machine washable.", "Fluff and turn regularly to keep its shape."]),
            T("Meditation Cushion", (29, 69), short="meditation cushion",
              materials=["buckwheat hulls in a cotton cover", "memory foam in a linen cover"],
              features=["an adjustable fill", "a removable washable cover"],
              uses=["Supports restorative yoga and seated meditation.", "Adds comfort to long seated practice."],
              closers=["The cover unzips and is machine washable.", "Fluff and turn regularly to keep its shape."]),
        ],
        "features": ["an eco-friendly build", "latex-free components", "easy-clean surfaces",
                     "a design tested by instructors", "minimal plastic-free packaging"],
        "intros": [
            "The {brand} {model} {short} is made from {material} and comes in a calm {color}.",
            "Practise comfortably with this {color} {short} from {brand}, made with {material}.",
            "{brand}'s {model} {short} uses {material} for reliable support and comes in {color}.",
            "Deepen your practice with the {model}: {a_color} {short} in {material}.",
        ],
        "uses": ["Suited to hatha, vinyasa and hot yoga sessions.", "Good for home practice or studio classes.",
                 "Helps beginners ease into poses with good alignment."],
        "closers": ["Wipe down with mild soapy water after use.", "Air out before first use.",
                    "Pairs well with the rest of the collection."],
    },
    {
        "path": ["Sports", "Cycling"], "count": 22,
        "brands": ["Spokewright", "Velocrest", "Chainly", "Pedalon", "Gravelhawk"],
        "models": ["Breakaway", "Climber", "Peloton", "Domestique", "Gravelrun", "Rouleur", "Crosswind",
                   "Echelon Line", "Switchback", "Cadence", "Sprint"],
        "versions": ["", "", " 2", " Pro", " Elite"],
        "colors": ["Black", "White", "Red", "Blue", "Neon Yellow", "Grey", "Orange", "Green"],
        "types": [
            T("Road Bike Helmet", (49, 199), short="road helmet", sizes=helmet_sizes,
              materials=["an in-moulded EPS foam shell", "a polycarbonate shell over EPS foam"],
              features=["18 aerodynamic vents", "a rotational impact protection liner", "a dial-fit retention system"],
              extras={"weight": grams(230, 320), "certification": ["CPSC", "CPSC and EN 1078"]},
              closers=["Replace the helmet after any significant impact.", "Check the size chart before ordering."]),
            T("Mountain Bike Helmet", (59, 179), short="trail helmet", sizes=helmet_sizes,
              materials=["an EPS foam liner with extended rear coverage"],
              features=["an adjustable visor", "a goggle-strap clip", "a dial-fit retention system"],
              extras={"weight": grams(320, 420), "certification": ["CPSC"]},
              closers=["Replace the helmet after any significant impact.", "Check the size chart before ordering."]),
            T("Padded Cycling Shorts", (39, 119), short="padded short", genders=("men", "women"), sizes=apparel_sizes,
              materials=["compressive nylon-elastane", "recycled nylon-elastane"],
              features=["a multi-density chamois pad", "silicone leg grippers"], extras={"inseam": ["8 in", "9 in"]},
              closers=["Hand wash or machine wash cold and hang to dry.", "Check the size chart before ordering."]),
            T("Cycling Jersey", (49, 129), short="jersey", genders=("men", "women"), sizes=apparel_sizes,
              materials=["lightweight recycled polyester knit", "breathable mesh panels"],
              features=["three rear pockets", "a full-length front zip", "UPF 50 sun protection"],
              closers=["Hand wash or machine wash cold and hang to dry.", "Check the size chart before ordering."]),
            T("Full-Finger Cycling Gloves", (19, 49), short="full-finger glove", sizes=apparel_sizes,
              materials=["synthetic leather palms with gel padding", "breathable mesh backs"],
              features=["touchscreen-friendly fingertips", "a terry thumb wipe"],
              closers=["Hand wash or machine wash cold and hang to dry.", "Check the size chart before ordering."]),
            T("Rechargeable Bike Light Set", (24, 79), short="front and rear light set",
              materials=["weatherproof aluminium housings", "durable polycarbonate housings"],
              features=["five light modes including daytime flash", "tool-free silicone mounts"],
              extras={"lumens": ["400 lm front / 50 lm rear", "800 lm front / 100 lm rear"],
                      "battery_life": ["4 hours", "6 hours"], "water_resistance": ["IPX6"]},
              closers=["Backed by a 90-day warranty against manufacturing defects.", "Fits most road, gravel and city bikes."]),
            T("Mini Bike Pump", (19, 49), short="mini pump",
              materials=["CNC-machined aluminium"],
              features=["a Presta and Schrader compatible head", "an inline pressure gauge"],
              extras={"max_pressure": ["100 psi", "120 psi"]},
              closers=["Backed by a 90-day warranty against manufacturing defects.", "Fits most road, gravel and city bikes."]),
            T("Hardened U-Lock", (29, 99), short="U-lock",
              materials=["16 mm hardened steel", "14 mm hardened steel with a vinyl coating"],
              features=["a pick-resistant disc cylinder", "a frame mounting bracket", "three keys"],
              extras={"security_rating": ["8/10", "9/10"], "weight": ["1.3 kg", "1.6 kg"]}, skip=("reflective",),
              uses=["Secures your bike outside work, school or the shops.", "A sturdy choice for city parking."],
              closers=["Backed by a 90-day warranty against manufacturing defects.", "Fits most road, gravel and city bikes."]),
            T("Smart Bike Trainer", (299, 899), short="smart trainer", colors=["Black", "Grey"],
              materials=["a steel frame with a heavy flywheel"],
              features=["automatic resistance control", "power accuracy within 2%", "Bluetooth and ANT+ connectivity"],
              extras={"max_resistance": ["1,800 W", "2,200 W"], "weight": ["17 kg", "21 kg"]},
              skip=("reflective", "commuters"),
              uses=["Keeps your training on track through the winter.", "Turns any spare corner into a training space."],
              closers=["Compatible with most 11- and 12-speed drivetrains.", "Works with popular indoor cycling apps."]),
        ],
        "features": ["reflective details", "a lightweight, durable build", "a low-profile design",
                     "easy-clean materials", "a no-fuss design for commuters and racers alike"],
        "intros": [
            "The {brand} {model} {short} is made with {material} and finished in {color}.",
            "Ride further with this {color} {short} from {brand}, built around {material}.",
            "{brand}'s {model} {short} comes in {color} and is made with {material}.",
            "Gear up with the {model}: {a_color} {short} featuring {material}.",
        ],
        "uses": ["Built for road rides, commutes and gravel weekends.", "A must-have for club rides and sportives.",
                 "Great for year-round riding, including indoor sessions."],
        "closers": ["Check the size chart before ordering.", "Hand wash textiles and hang to dry.",
                    "Replace helmets after any significant impact."],
    },
    {
        "path": ["Bags", "Backpacks"], "count": 24,
        "brands": ["Packrook", "Trailcove", "Strapton", "Wayfarro", "Haulden"],
        "models": ["Commuter", "Roamer", "Daytripper", "Overland", "Metro Pack", "Scout", "Nomad",
                   "Wayline", "Harbor", "Lookout", "Everpack", "Transit"],
        "versions": ["", "", " 2", " 3", " Pro"],
        "colors": ["Black", "Grey", "Navy", "Olive", "Tan", "Red", "Teal", "Charcoal"],
        "types": [
            T("Laptop Backpack", (39, 149), short="laptop backpack",
              materials=["water-resistant 600D recycled polyester", "ballistic nylon", "waxed canvas"],
              features=["a padded sleeve for 16-inch laptops", "a luggage pass-through strap", "a hidden anti-theft pocket"],
              extras={"capacity": ["20 L", "24 L", "28 L"], "laptop_size": ["15 in", "16 in"]}),
            T("Hiking Daypack", (49, 139), short="daypack",
              materials=["ripstop nylon", "recycled ripstop polyester"],
              features=["a ventilated mesh back panel", "a padded hip belt", "a hydration sleeve"],
              extras={"capacity": ["18 L", "22 L", "28 L"], "weight": ["680 g", "820 g", "950 g"]}),
            T("Travel Backpack", (89, 229), short="travel backpack",
              materials=["weatherproof TPU-coated nylon", "1000D nylon"],
              features=["a clamshell opening that unzips like a suitcase", "stowable shoulder straps",
                        "lockable zippers"],
              extras={"capacity": ["35 L", "40 L", "45 L"], "carry_on_compliant": ["yes"]},
              uses=["Sized to meet most airline carry-on limits.", "Made for one-bag travel and long weekends away."]),
            T("Rolltop Backpack", (59, 159), short="rolltop pack",
              materials=["waterproof tarpaulin", "welded TPU-coated fabric"],
              features=["a roll-top closure that expands for groceries", "a quick-access side zip"],
              extras={"capacity": ["22 L", "26 L", "30 L"]}),
            T("Kids School Backpack", (24, 59), short="school backpack", genders=("kids",),
              title="{brand} {model}{ver} {noun}",
              materials=["durable recycled polyester", "easy-wipe coated canvas"],
              features=["a name label inside", "reflective strips", "a padded back panel"],
              extras={"capacity": ["12 L", "15 L"], "age_range": ["5-10 years", "6-12 years"]}),
            T("Hydration Pack", (39, 99), short="hydration pack",
              materials=["lightweight ripstop nylon", "stretch mesh"],
              features=["a 2 L leak-proof reservoir", "a magnetic hose clip"],
              extras={"capacity": ["10 L", "12 L"], "reservoir": ["2 L", "3 L"]}),
            T("Mini Backpack", (29, 79), short="mini backpack",
              materials=["vegan leather", "quilted nylon", "cotton canvas"],
              features=["adjustable straps that convert to a shoulder bag", "a front zip pocket"],
              extras={"capacity": ["8 L", "10 L"]}),
        ],
        "features": ["side water-bottle pockets", "padded, adjustable shoulder straps", "a sternum strap",
                     "a quick-grab top handle", "an organiser panel for pens and cables", "a key clip"],
        "intros": [
            "The {brand} {model} is {a_color} {short} made from {material}.",
            "Carry everything you need in this {color} {short} from {brand}, crafted from {material}.",
            "{brand}'s {model} {short} uses {material} and a clean {color} design that works anywhere.",
            "Pack smart with the {model}: {a_color} {short} built from {material}.",
        ],
        "uses": ["Made for commuting, campus days and weekend getaways.",
                 "Sized to fit under most airline seats.", "Handles daily use and light trail adventures."],
        "closers": ["Backed by a 2-year warranty on zips and seams.", "Spot clean with mild soap and water.",
                    "Check the capacity in the specs before booking a budget flight."],
    },
    {
        "path": ["Beauty", "Skincare"], "count": 24,
        "brands": ["Dewbloom", "Clarivelle", "Botanique Nord", "Serumna", "Velvetine"],
        "models": ["Daily Glow", "Barrier Repair", "Pure Balance", "Calm Skin", "Bright Start",
                   "Overnight Renewal", "Hydra Cloud", "Clear Days", "Soft Focus", "Dew Drop"],
        "versions": [""],
        "colors": ["White", "Pink", "Mint Green", "Amber", "Lavender", "Sky Blue", "Peach"],
        "types": [
            T("Hydrating Face Serum", (18, 79), short="serum",
              materials=["hyaluronic acid and panthenol", "squalane and peptides"],
              features=["a lightweight, fast-absorbing texture", "a glass dropper for precise dosing"],
              extras={"volume": ["30 ml"], "skin_type": ["all skin types", "dry", "dehydrated"]}),
            T("Vitamin C Brightening Serum", (22, 69), short="vitamin C serum",
              materials=["10% stabilised vitamin C and ferulic acid", "15% vitamin C and vitamin E"],
              features=["an airless pump that protects the formula from light", "a subtle citrus scent"],
              extras={"volume": ["30 ml"], "skin_type": ["normal", "combination", "dull or uneven"]}),
            T("Gentle Gel Cleanser", (12, 32), short="cleanser",
              materials=["amino-acid surfactants and aloe", "green tea extract and glycerin"],
              features=["a pH-balanced formula", "a low-foaming gel that rinses clean"],
              extras={"volume": ["150 ml", "200 ml"], "skin_type": ["all skin types", "oily", "sensitive"]}),
            T("Daily Moisturizer SPF 30", (16, 48), short="moisturiser",
              materials=["zinc oxide and ceramides", "niacinamide and mineral sunscreen"],
              features=["broad-spectrum SPF 30", "a non-greasy matte finish", "no white cast"],
              extras={"volume": ["50 ml"], "skin_type": ["all skin types", "combination"], "spf": ["30"]}),
            T("Night Repair Cream", (24, 89), short="night cream",
              materials=["retinal and shea butter", "bakuchiol and ceramides"],
              features=["a rich cream texture", "a slow-release formula that minimises irritation"],
              extras={"volume": ["50 ml"], "skin_type": ["normal", "dry", "mature"]}),
            T("Eye Cream", (19, 59), short="eye cream",
              materials=["caffeine and peptides", "vitamin K and hyaluronic acid"],
              features=["a cooling metal applicator tip", "an ophthalmologist-tested formula"],
              extras={"volume": ["15 ml"], "skin_type": ["all skin types"]}),
            T("Clay Face Mask", (14, 39), short="clay mask",
              materials=["kaolin and bentonite clay", "charcoal and white clay"],
              features=["a ten-minute treatment time", "a formula that won't over-dry"],
              uses=["Use once or twice a week on clean skin.", "Apply a thin layer, leave for ten minutes and rinse."],
              extras={"volume": ["75 ml", "100 ml"], "skin_type": ["oily", "combination"]}),
            T("Lip Balm Trio", (9.99, 16.99), short="lip balm set",
              materials=["beeswax and shea butter", "plant waxes and jojoba oil"],
              features=["three flavours in one pack", "a sheer tint"], skip=("fragrance-free",),
              uses=["Apply whenever lips feel dry.", "Small enough for a pocket, desk drawer or gym bag."],
              extras={"volume": ["3 x 4.5 g"], "skin_type": ["all skin types"]}),
        ],
        "features": ["a fragrance-free formula", "dermatologist testing", "vegan and cruelty-free ingredients",
                     "no parabens or sulfates", "recyclable packaging", "a non-comedogenic formula"],
        "extras": {"scent": ["unscented", "light botanical", "none added"]},
        "intros": [
            "The {brand} {model} {short} is formulated with {material} and packaged in {a_color} bottle.",
            "{brand}'s {model} {short} combines {material} for visibly healthier skin; the packaging is {color}.",
            "Treat your skin to the {model} {short}, made with {material} and presented in {color} packaging.",
            "Featuring {material}, this {short} from {brand} comes in a {color} recyclable container.",
        ],
        "uses": ["Use morning and evening after cleansing.", "Fits easily into a simple three-step routine.",
                 "Suitable for daily use, including under make-up."],
        "closers": ["Patch test before first use.", "Opened skincare is final sale for hygiene reasons.",
                    "Store in a cool, dry place away from sunlight."],
    },
    {
        "path": ["Toys", "Building Sets"], "count": 24,
        "brands": ["Brickory", "Snapforge", "Blockwell", "Tinkerhaus", "Buildabit"],
        "models": ["Starport", "Harbor Town", "Quest", "Frontier", "Jungle Trek", "Sky Rescue", "Metro City",
                   "Deep Sea", "Galaxy", "Junior Engineer", "Rally", "Dragon Peak"],
        "versions": [""],
        "colors": ["Multicolor", "Blue", "Red", "Yellow", "Green", "Pastel", "Grey"],
        "types": [
            T("Space Station Building Set", (29, 149), short="space station set",
              materials=["durable ABS plastic bricks"], features=["a detachable shuttle", "four astronaut minifigures"],
              title="{brand} {model} {noun} ({pieces} Pieces)"),
            T("Fire Station Building Set", (24, 99), short="fire station set",
              materials=["durable ABS plastic bricks"], features=["a fire engine with an extending ladder",
                                                              "a working sliding pole"],
              title="{brand} {model} {noun} ({pieces} Pieces)"),
            T("Castle Building Set", (39, 179), short="castle set",
              materials=["durable ABS plastic bricks"], features=["a drawbridge that really opens", "a hidden dungeon"],
              title="{brand} {model} {noun} ({pieces} Pieces)"),
            T("Race Car Building Kit", (14, 69), short="race car kit",
              materials=["durable ABS plastic bricks"], features=["pull-back motor action", "interchangeable spoilers"],
              title="{brand} {model} {noun} ({pieces} Pieces)"),
            T("Robot Building Kit", (39, 199), short="robot kit",
              materials=["ABS plastic parts with a programmable hub"],
              features=["a motor and distance sensor with a free coding app", "five buildable robot designs"],
              extras={"age_range": ["8+", "10+"]},
              closers=["The rechargeable hub charges over USB-C.", "Contains small parts; not suitable for children under 3."],
              title="{brand} {model} {noun} ({pieces} Pieces)"),
            T("Magnetic Tile Set", (29, 119), short="magnetic tile set",
              materials=["food-grade ABS tiles with sealed magnets"],
              features=["strong magnets sealed into each edge", "window and door tiles"], extras={"age_range": ["3+", "4+"]},
              title="{brand} {model} {noun} ({pieces} Pieces)"),
            T("Marble Run Building Set", (24, 89), short="marble run",
              materials=["translucent ABS tracks"], features=["spirals, funnels and a marble elevator", "20 glass marbles"],
              title="{brand} {model} {noun} ({pieces} Pieces)"),
            T("Wooden Block Set", (19, 69), short="wooden block set",
              materials=["FSC-certified beech wood with water-based paint"],
              features=["sanded, rounded edges", "a canvas storage bag"], extras={"age_range": ["2+", "3+"]},
              closers=["Wipe clean with a damp cloth.", "Meets ASTM F963 toy safety standards."],
              title="{brand} {model} {noun} ({pieces} Pieces)"),
        ],
        "features": ["illustrated step-by-step instructions", "bricks compatible across the whole range",
                     "a sturdy storage box", "pieces sorted into numbered bags", "hours of open-ended play"],
        "extras": {"age_range": ["5+", "6+", "7+", "8+"]},
        "intros": [
            "The {brand} {model} {short} is made from {material} in a bright {color} palette.",
            "Build, play and rebuild with this {short} from {brand}, made of {material} in {color} tones.",
            "{brand}'s {model} {short} uses {material}; the main build comes in {color}.",
            "Spark imagination with the {model}: a {color} {short} made from {material}.",
        ],
        "uses": ["A great gift for birthdays and rainy afternoons.", "Encourages problem solving and fine motor skills.",
                 "Perfect for building together as a family."],
        "closers": ["Contains small parts; not suitable for children under 3.", "Batteries not required.",
                    "Meets ASTM F963 toy safety standards."],
    },
]


# --------------------------------------------------------------------------------------------
# Product generation
# --------------------------------------------------------------------------------------------
APPAREL_SIZERS = (shoe_sizes, apparel_sizes)


def _resolve(rng: random.Random, value) -> str:
    if callable(value):
        return value(rng)
    if isinstance(value, list):
        return rng.choice(value)
    return str(value)


def _piece_count(rng: random.Random, noun: str, price: float) -> int:
    if any(word in noun for word in ("Wooden", "Magnetic", "Marble")):
        factor = rng.uniform(0.9, 1.8)
    else:
        factor = rng.uniform(5.0, 8.5)
    return max(24, int(price * factor / 2) * 2)


def _description(rng: random.Random, cat: dict, ptype: dict, ctx: dict) -> str:
    sentences = [rng.choice(cat["intros"]).format(**ctx)]
    type_feats = list(ptype["features"])
    other = [f for f in cat["features"]
             if f not in type_feats and not any(word in f for word in ptype["skip"])]
    n_feats = 3 if rng.random() < 0.35 else 2
    chosen = [rng.choice(type_feats)] if type_feats else []
    pool = [f for f in type_feats + other if f not in chosen]
    chosen += rng.sample(pool, n_feats - len(chosen))
    rng.shuffle(chosen)
    frame = rng.choice(FEATURE_FRAMES_3 if n_feats == 3 else FEATURE_FRAMES_2)
    sentences.append(frame.format(**{f"f{i + 1}": f for i, f in enumerate(chosen)}))
    if rng.random() < 0.65:
        sentences.append(rng.choice(ptype["uses"] or cat["uses"]))
    if rng.random() < 0.5:
        sentences.append(rng.choice(ptype["closers"] or cat["closers"]))
    text = " ".join(sentences)
    return text[0].upper() + text[1:]


def make_products(rng: random.Random) -> list[dict]:
    products: list[dict] = []
    titles: set[str] = set()
    for cat in CATEGORIES:
        types = cat["types"]
        plan = [types[i % len(types)] for i in range(cat["count"])]
        rng.shuffle(plan)
        for ptype in plan:
            sku = f"SKU-{len(products) + 1:04d}"
            gender = rng.choice(ptype["genders"])
            lo, hi = ptype["price"]
            price = pick_price(rng, lo, hi)
            color = rng.choice(ptype["colors"] or cat["colors"])
            material = rng.choice(ptype["materials"])
            extra: dict[str, str] = {"material": material}
            if ptype["sizes"] in APPAREL_SIZERS or gender != "unisex":
                extra["gender"] = gender
            for key, value in {**cat.get("extras", {}), **ptype["extras"]}.items():
                extra[key] = _resolve(rng, value)
            pieces = None
            if cat["path"][0] == "Toys":
                pieces = _piece_count(rng, ptype["noun"], price)
                extra["piece_count"] = str(pieces)

            versions = ptype["versions"] or cat["versions"]
            for _ in range(500):
                brand = rng.choice(cat["brands"])
                model = rng.choice(cat["models"])
                ver = rng.choice(versions)
                title = ptype["title"].format(brand=brand, model=model, ver=ver, noun=ptype["noun"],
                                              gender=GENDER_WORD[gender], pieces=pieces)
                if title not in titles:
                    break
            else:  # pragma: no cover - the word lists are large enough
                raise RuntimeError(f"could not find a unique title for {cat['path']}")
            titles.add(title)

            color_l = color.lower()
            ctx = {"brand": brand, "model": model + ver, "short": ptype["short"], "material": material,
                   "a_material": a_an(material), "color": color_l, "a_color": a_an(color_l),
                   "gphrase": rng.choice(GENDER_PHRASE[gender])}
            products.append({
                "id": sku,
                "title": title,
                "description": _description(rng, cat, ptype, ctx),
                "category": list(cat["path"]),
                "brand": brand,
                "price": price,
                "currency": "USD",
                "color": color,
                "sizes": ptype["sizes"](rng, gender),
                "rating": pick_rating(rng),
                "rating_count": pick_rating_count(rng),
                "in_stock": rng.random() >= 0.08,
                "image_url": f"{BASE_URL}/img/{sku}.jpg",
                "url": f"{BASE_URL}/p/{sku}",
                "extra": extra,
            })
    return products


# --------------------------------------------------------------------------------------------
# FAQ. Policies used consistently below:
#   free standard shipping at $50+ (else $5.95), standard 3-5 business days, expedited 2 days $12.95,
#   overnight $24.95; 30-day returns, free US return labels; refunds processed in 2 business days,
#   then 5-7 business days at the bank; warranty 1 year electronics & small appliances, 5 years
#   cookware, 2 years bags, 90 days footwear/clothing/sports; support 1-800-555-0199.
# Each entry: (id, question, [alternatives], answer)
# --------------------------------------------------------------------------------------------
FAQ_TITLE = "Northwind Outfitters — Customer FAQ"
FAQ_INTRO = ("Answers to the questions our customer care team hears most often; if yours isn't here, "
             "reach us by chat, at support@northwindoutfitters.invalid or on 1-800-555-0199.")

FAQ: list[tuple[str, list[tuple[str, str, list[str], str]]]] = [
    ("Shipping", [
        ("shipping-standard-time", "How long does standard shipping take?",
         ["How many days until my order arrives?", "When will my package get here?", "What is the delivery time?"],
         "Standard shipping takes 3–5 business days within the continental US. Orders placed before 1 pm ET on a "
         "business day usually leave our warehouse the same day; later orders ship the next business day."),
        ("shipping-free-threshold", "Do you offer free shipping?",
         ["How much does shipping cost?", "Is there a minimum order for free delivery?", "What are your shipping fees?"],
         "Standard shipping is free on orders of $50 or more, after discounts and before tax. Orders under $50 pay a "
         "flat $5.95 for standard shipping. Expedited and overnight options are charged at the rates shown at checkout."),
        ("shipping-expedited", "Can I get my order faster?",
         ["Do you offer express shipping?", "How much is overnight delivery?", "What are the expedited shipping options?"],
         "Expedited shipping arrives in 2 business days for $12.95, and overnight shipping arrives the next business "
         "day for $24.95. Place overnight orders by 1 pm ET Monday–Thursday; overnight orders placed after 1 pm on "
         "Friday arrive on Tuesday."),
        ("shipping-international", "Do you ship internationally?",
         ["Can I order from Canada?", "Do you deliver outside the US?", "Which countries do you ship to?"],
         "Yes, we ship to Canada, the United Kingdom, the European Union and Australia. International delivery takes "
         "7–14 business days, and import duties and taxes are calculated and paid at checkout so there are no "
         "surprise fees on delivery. Smart bike trainers and espresso machines ship to US addresses only."),
        ("shipping-alaska-hawaii", "Do you ship to Alaska, Hawaii and Puerto Rico?",
         ["How long does shipping to Hawaii take?", "Can I get delivery in Alaska?", "Do you ship to US territories?"],
         "Yes. Standard shipping to Alaska, Hawaii, Puerto Rico and other US territories takes 5–9 business days and "
         "is free on orders of $50 or more. Overnight delivery is not available to these locations."),
        ("shipping-po-box-military", "Can you ship to a PO box or military address?",
         ["Do you deliver to APO/FPO addresses?", "Can I use a PO box as my shipping address?"],
         "We ship to PO boxes and APO, FPO and DPO addresses using standard shipping only. Delivery to military "
         "addresses usually takes 7–21 business days."),
        ("shipping-tracking", "How do I track my package?",
         ["Where is my order?", "Can I get a tracking number?", "How do I check my delivery status?"],
         "We email you a tracking link as soon as your order ships. You can also find tracking under Orders in your "
         "account, or enter your order number and email on the Order Status page. The first carrier scan can take up "
         "to 24 hours to appear."),
        ("shipping-split-packages", "Why did my order arrive in more than one package?",
         ["I only received part of my order", "Why did I get two separate boxes?", "Will the rest of my order come later?"],
         "Items sometimes ship from different warehouses, so one order can arrive in separate packages on different "
         "days. You are never charged extra shipping for a split shipment, and each package gets its own tracking email."),
    ]),
    ("Returns", [
        ("returns-policy", "What is your return policy?",
         ["Can I return an item?", "How many days do I have to return something?", "What's the return window?"],
         "You can return most items within 30 days of delivery for a refund or exchange. Items must be unused and in "
         "their original packaging with tags attached. Shoes should only be tried on indoors, so the soles show no "
         "outdoor wear."),
        ("returns-how-to", "How do I start a return?",
         ["How do I send something back?", "Where do I get a return label?", "What is the return process?"],
         "Go to Orders in your account (or the Returns page for guest orders), pick the items and a reason, and we'll "
         "email you a prepaid return label. Pack the items securely, attach the label and drop the parcel at any "
         "carrier location within 14 days of printing it."),
        ("returns-cost", "Are returns free?",
         ["Do I have to pay for return shipping?", "Is there a restocking fee?", "How much does it cost to send an item back?"],
         "Returns within the US are free with our prepaid label, and we never charge restocking fees. If you choose "
         "your own carrier, that shipping cost isn't reimbursed. International customers pay their own return shipping."),
        ("returns-exchange", "Can I exchange an item for a different size or colour?",
         ["How do I swap for another size?", "Can I get an exchange instead of a refund?", "Do you do exchanges?"],
         "Yes. Choose Exchange when you start your return and select the new size or colour; we ship the replacement "
         "free as soon as the carrier scans your return. If the new item costs more or less, we charge or refund the "
         "difference."),
        ("returns-final-sale", "Which items can't be returned?",
         ["Are there any non-returnable items?", "Can I return opened skincare?", "What does Final Sale mean?"],
         "Opened or used skincare, in-ear headphones and earbuds with a broken hygiene seal, gift cards, and items "
         "marked Final Sale can't be returned. Defective items are still covered by our warranty, even when they "
         "were final sale."),
        ("returns-opened-electronics", "Can I return electronics I've already opened?",
         ["Can I return an opened smartwatch?", "What if I don't like my headphones after opening them?",
          "Do you accept returns on used electronics?"],
         "Yes, opened electronics can be returned within 30 days if they're undamaged and include all accessories, "
         "cables and packaging. Please reset smartwatches and remove them from your app account before sending them "
         "back. In-ear headphones and earbuds with a broken hygiene seal are the exception."),
        ("returns-in-store", "Can I return an online order in a store?",
         ["Can I bring my return to a shop?", "Do your stores accept online returns?"],
         "Yes, any Northwind Outfitters store accepts online orders within the 30-day return window. Bring the item and "
         "your order number or confirmation email, and the refund goes back to your original payment method."),
        ("returns-holiday", "Do you offer extended returns over the holidays?",
         ["Can I return a Christmas gift in January?", "What is the holiday return deadline?"],
         "Items bought between November 1 and December 24 can be returned until January 31 of the following year. "
         "All other return conditions still apply."),
        ("returns-gift", "How do I return a gift?",
         ["Can I return something I received as a present?", "Will the person who gave me the gift find out?",
          "Do I need a gift receipt?"],
         "Use the Returns page with the order number on your gift receipt, or bring the item to one of our stores. Gift "
         "returns are refunded as a Northwind gift card in your name, and the buyer isn't notified."),
    ]),
    ("Refunds", [
        ("refunds-timing", "When will I get my refund?",
         ["How long do refunds take?", "My refund hasn't arrived yet", "How many days until I see my money back?"],
         "We process refunds within 2 business days of your return reaching our warehouse and email you once it's "
         "done. Your bank or card issuer then takes 5–7 business days to show the refund on your statement."),
        ("refunds-method", "Will I be refunded to my original payment method?",
         ["Can I get my refund as store credit?", "Where does my refund go?", "Can I get a cash refund?"],
         "Refunds go back to the original payment method. If you prefer, you can choose a Northwind gift card instead, "
         "which is issued as soon as the return is processed. Cash refunds are only given in store for purchases paid in cash."),
        ("refunds-shipping-charges", "Is shipping refunded when I return an item?",
         ["Do I get my delivery fee back?", "Are shipping charges refundable?"],
         "Original shipping charges aren't refunded unless the item arrived damaged or defective, or we sent the wrong "
         "item. In those cases we refund the full shipping cost along with the item."),
        ("refunds-partial", "Why was my refund less than I expected?",
         ["I only got a partial refund", "Why is my refund lower than what I paid?", "My refund amount looks wrong"],
         "Refunds reflect what you actually paid for each item, so order-wide discounts and promo codes are spread "
         "across all items in the order. If a free gift with purchase isn't returned, its value may be deducted. "
         "Contact us with your order number if the amount still looks wrong."),
        ("refunds-price-drop", "Do you offer a price adjustment if an item goes on sale?",
         ["Can I get the difference if the price drops?", "Do you price match?",
          "The item I bought is now cheaper, can I get money back?"],
         "If an item drops in price on our site within 14 days of delivery, contact us and we'll refund the difference "
         "once per item. We don't match competitors' prices, and adjustments don't apply to clearance or flash-sale prices."),
    ]),
    ("Payment", [
        ("payment-methods", "What payment methods do you accept?",
         ["Can I pay with PayPal?", "Do you take American Express?", "Which credit cards do you accept?"],
         "We accept Visa, Mastercard, American Express, Discover, PayPal, Apple Pay, Google Pay and Northwind gift "
         "cards. We don't accept cheques, cash on delivery or cryptocurrency for online orders."),
        ("payment-installments", "Can I pay in instalments?",
         ["Do you offer buy now, pay later?", "Can I split my payment?", "Is there a payment plan?"],
         "Yes, orders from $75 to $1,000 can be split into 4 interest-free payments every two weeks through our "
         "instalment partner, which you can choose at checkout. Approval uses a soft credit check that doesn't affect "
         "your credit score."),
        ("payment-when-charged", "When will my card be charged?",
         ["Why is there a pending charge on my card?", "Do you charge when I order or when it ships?"],
         "We place an authorisation hold when you order and only charge your card when the items ship. If part of an "
         "order is cancelled, the hold for those items drops off within 3–5 business days, depending on your bank."),
        ("payment-declined", "Why was my payment declined?",
         ["My card isn't working at checkout", "Payment failed, what should I do?", "Why won't my card go through?"],
         "Declines are usually caused by a billing address that doesn't match the card, an expired card, or a bank "
         "security check. Double-check your details, try another payment method, or ask your bank to approve the charge; "
         "we aren't told the reason for a bank decline."),
        ("payment-promo-codes", "How do I use a promo code?",
         ["Where do I enter a discount code?", "Can I use more than one coupon?", "Why isn't my promo code working?"],
         "Enter the code in the Promo code box in your cart or on the payment step of checkout. Only one promo code can "
         "be used per order, and codes can't be applied to gift cards or to orders already placed. If a code is "
         "rejected, check its expiry date and any minimum spend."),
        ("payment-sales-tax", "Do you charge sales tax?",
         ["Why was tax added to my order?", "Which states do you collect sales tax in?"],
         "We collect sales tax in every US state that has one, based on the shipping address. The exact amount is shown "
         "at checkout before you pay."),
        ("payment-security", "Is it safe to use my card on your site?",
         ["Do you store my credit card details?", "Is your checkout secure?"],
         "Yes. Checkout is encrypted and card payments are handled by a PCI DSS Level 1 certified payment processor. "
         "We never store your full card number; saved cards are kept as secure tokens by the processor."),
        ("payment-currency", "What currency are your prices in?",
         ["Are prices in US dollars?", "Can I pay in Canadian dollars or euros?"],
         "All prices are in US dollars (USD), and international orders are charged in USD. Your card issuer converts "
         "the amount at its own exchange rate and may add a foreign transaction fee."),
    ]),
    ("Orders", [
        ("orders-cancel", "Can I cancel my order?",
         ["How do I cancel an order?", "I ordered by mistake, can I cancel?", "Is it too late to cancel my order?"],
         "You can cancel within 1 hour of placing your order from Orders in your account or the link in your "
         "confirmation email. After that the order may already be packed; if it ships, you can return it for free "
         "once it arrives."),
        ("orders-change", "Can I change my order or shipping address?",
         ["How do I update the delivery address?", "Can I add an item to my order?", "I entered the wrong address"],
         "Items, sizes and the shipping address can be changed within 1 hour of ordering by contacting us. We can't add "
         "items to an existing order, so please place a new one. Once an order has shipped, you can ask the carrier to "
         "redirect it from the tracking page."),
        ("orders-confirmation-email", "I didn't receive an order confirmation email. What should I do?",
         ["Where is my order confirmation?", "How do I know my order went through?", "I never got a receipt email"],
         "Confirmation emails usually arrive within 15 minutes. Check your spam or promotions folder and make sure the "
         "email address on your account is correct. If you see a charge but still have no email after an hour, contact "
         "us and we'll resend it."),
        ("orders-damaged-defective", "What if my item arrives damaged or defective?",
         ["My product arrived broken", "I received a faulty item", "The box was damaged in transit"],
         "Contact us within 7 days of delivery with your order number and a photo of the damage. We'll send a free "
         "replacement or give you a full refund including shipping, and you won't pay to return the damaged item."),
        ("orders-wrong-missing-item", "I received the wrong item or something is missing. What now?",
         ["An item is missing from my package", "You sent me the wrong size", "My order is incomplete"],
         "First check whether your order shipped in more than one package, then contact us within 14 days of delivery. "
         "We'll ship the correct or missing item at no cost and email a prepaid label for anything sent in error."),
        ("orders-delivered-not-received", "My package says delivered but I can't find it. What should I do?",
         ["Tracking shows delivered but nothing arrived", "I think my package was stolen", "Where is my delivered parcel?"],
         "Check around your property, with neighbours and in your building's mailroom, and allow 24 hours, as carriers "
         "sometimes mark parcels delivered early. If it still hasn't turned up, contact us within 14 days of the "
         "delivery date and we'll open a carrier claim and send a replacement or refund."),
        ("orders-out-of-stock", "Can I order an item that's out of stock?",
         ["When will an item be back in stock?", "Do you take back-orders?", "Can I get notified when something is available again?"],
         "Out-of-stock items can't be ordered, but you can select Notify me on the product page and we'll email you when "
         "your size or colour is back. Popular items are usually restocked within 2–6 weeks. We don't take back-orders, "
         "so you're never charged for something we can't ship."),
        ("orders-contact-support", "How do I contact customer service?",
         ["What is your phone number?", "Can I chat with someone?", "What are your support hours?"],
         "Reach us by live chat on our site, by email at support@northwindoutfitters.invalid, or by phone at "
         "1-800-555-0199. The team is available Monday–Friday 8 am–8 pm ET and weekends 9 am–5 pm ET, and we answer "
         "emails within 1 business day."),
    ]),
    ("Account", [
        ("account-guest-checkout", "Do I need an account to place an order?",
         ["Can I check out as a guest?", "Why should I create an account?"],
         "No, guest checkout is always available. An account lets you track orders, start returns in a few clicks, save "
         "addresses and earn Northwind Rewards points."),
        ("account-reset-password", "How do I reset my password?",
         ["I forgot my password", "I can't log in to my account", "How do I change my password?"],
         "Select Sign in, then Forgot password, and enter your email address. We'll send a reset link that's valid for "
         "60 minutes; if it doesn't arrive, check your spam folder or contact us."),
        ("account-update-details", "How do I change my email address or saved details?",
         ["How do I update my saved addresses?", "Can I change the email on my account?", "How do I remove a saved card?"],
         "Sign in and open Account settings to edit your name, email, password, saved addresses and saved payment "
         "methods. A new email address must be confirmed from a link we send to it."),
        ("account-order-history", "Where can I see my past orders?",
         ["Where is my order history?", "How do I find an old receipt?", "Can I download an invoice?"],
         "Sign in and open Orders to see every order from the last 5 years, with invoices you can download. Guest orders "
         "are added to your history automatically when you create an account with the same email address."),
        ("account-rewards", "How does Northwind Rewards work?",
         ["How do I earn loyalty points?", "What are rewards points worth?", "Do my points expire?"],
         "Northwind Rewards is free to join with an account. You earn 1 point per $1 spent, and every 200 points becomes "
         "a $10 reward to use at checkout. Points expire after 12 months without any account activity."),
        ("account-delete", "How do I delete my account?",
         ["Can I close my Northwind account?", "Please remove my account", "How do I deactivate my profile?"],
         "Go to Account settings > Privacy and choose Delete account, or email privacy@northwindoutfitters.invalid. We "
         "delete your account within 30 days; records we must keep for tax and accounting are retained for up to 7 years."),
    ]),
    ("Warranty", [
        ("warranty-electronics", "What warranty comes with electronics?",
         ["Are my headphones covered by a warranty?", "How long is the warranty on smartwatches?",
          "Do phone chargers have a guarantee?"],
         "All headphones, smartwatches and phone accessories come with a 1-year limited warranty from the delivery date. "
         "It covers defects in materials and workmanship, including battery failure, but not accidental damage, water "
         "damage beyond the stated rating, or normal wear."),
        ("warranty-other-products", "What warranty do other products have?",
         ["Is there a warranty on cookware?", "How long are backpacks guaranteed?", "Do shoes and clothing have a warranty?"],
         "Coffee makers and other small appliances have a 1-year warranty, cookware has 5 years, and backpacks and bags "
         "have 2 years on zips and seams. Footwear, clothing, yoga and cycling gear are covered for 90 days against "
         "manufacturing defects."),
        ("warranty-claim", "How do I make a warranty claim?",
         ["My product stopped working, what do I do?", "How do I get a faulty item repaired?",
          "Who do I contact about a defect?"],
         "Fill in the warranty form on our Help page with your order number, a description of the problem and photos or "
         "a short video. We reply within 2 business days, and approved claims are repaired, replaced or refunded at no "
         "cost to you, including shipping."),
        ("warranty-proof-of-purchase", "Do I need a receipt to make a warranty claim?",
         ["I lost my receipt, am I still covered?", "What counts as proof of purchase?"],
         "For online orders your order number is enough, and we can look up store purchases by the card you used or your "
         "rewards account. Items bought from another retailer need that retailer's receipt, and the warranty runs from "
         "the original purchase date."),
        ("warranty-accidental-damage", "Do you sell extended warranties or cover accidental damage?",
         ["Can I buy extra protection for my purchase?", "Is a dropped or cracked device covered?",
          "Do you offer protection plans?"],
         "We don't sell extended warranties or protection plans, and accidental damage such as drops, spills or cracked "
         "screens isn't covered. Contact us anyway: we can often quote a paid repair or a discounted replacement."),
    ]),
    ("Sizing", [
        ("sizing-size-guide", "How do I find my size?",
         ["Where is the size chart?", "What size should I order?", "Do you have a size guide?"],
         "Every product page has a Size guide link next to the size selector, with measurements in inches and "
         "centimetres. Measure a similar item that fits you well and compare it with the chart; if you're between "
         "sizes, we recommend sizing up."),
        ("sizing-shoe-system", "Are your shoe sizes US or UK?",
         ["How do shoe sizes convert?", "Which shoe size system do you use?", "What is a US 9 in UK sizes?"],
         "All shoe sizes on our site are US sizes. Men's US sizes are roughly the UK size plus 1, and women's US sizes "
         "are roughly the UK size plus 2; each shoe's size guide includes a full US, UK, EU and centimetre conversion."),
        ("sizing-running-shoes", "Should I size up in running shoes?",
         ["Do running shoes run small?", "How should running shoes fit?", "How much toe room do I need?"],
         "Aim for about a thumb's width of space in front of your longest toe, so many runners go half a size up from "
         "their everyday shoes, especially for long runs. Product pages note when a model runs small or large based on "
         "customer reviews."),
        ("sizing-shoe-width", "Do you sell wide or narrow shoes?",
         ["Do you carry wide-fit shoes?", "Are there extra-wide sizes?", "What width are your sneakers?"],
         "Our current footwear range comes in standard (medium) width only. Several running shoes have a roomy toe box, "
         "which is mentioned in their product descriptions."),
        ("sizing-clothing-fit", "How does your clothing fit?",
         ["Is your clothing true to size?", "Do your T-shirts shrink?", "What does slim fit mean?"],
         "Most of our clothing fits true to size. Each product lists its fit (slim, regular or relaxed): slim sits close "
         "to the body and relaxed is roomier. Our cotton tees are pre-shrunk and shrink less than 3% when washed cold."),
        ("sizing-bike-helmets", "How do I choose a bike helmet size?",
         ["What size cycling helmet do I need?", "How do I measure my head for a helmet?"],
         "Measure around your head about 1 inch above your eyebrows with a soft tape. Small fits 51–55 cm, Medium 55–59 cm "
         "and Large 59–63 cm, and the dial-fit system fine-tunes the fit."),
    ]),
    ("Privacy", [
        ("privacy-data-collected", "What personal information do you collect?",
         ["What data do you keep about me?", "How do you use my information?"],
         "We collect the details you give us, such as your name, email, addresses and order history, plus basic device "
         "and browsing data. We use it to deliver orders, provide support, prevent fraud and, only if you opt in, send "
         "marketing. Full details are in our Privacy Policy."),
        ("privacy-selling-data", "Do you sell my personal data?",
         ["Do you share my data with third parties?", "Will my email be given to advertisers?"],
         "No, we never sell your personal data. We share only what's needed with service providers such as payment "
         "processors, carriers and our email service, under contracts that limit how they can use it."),
        ("privacy-unsubscribe", "How do I unsubscribe from marketing emails?",
         ["Stop sending me promotions", "How do I opt out of text messages?", "How do I change my email preferences?"],
         "Click Unsubscribe at the bottom of any marketing email, or reply STOP to any text message. You can also manage "
         "preferences in Account settings. Order and shipping emails still arrive because they're about your purchases."),
        ("privacy-cookies", "How do you use cookies?",
         ["Can I turn off cookies?", "Do you track me across other websites?"],
         "We use essential cookies to keep your cart and sign-in working, and analytics or advertising cookies only with "
         "your consent. You can change your choices at any time under Cookie settings in the site footer."),
        ("privacy-data-request", "How can I get a copy of my data or have it deleted?",
         ["How do I request my personal information?", "Can you correct my data?", "How do I exercise my privacy rights?"],
         "Email privacy@northwindoutfitters.invalid or use the form under Account settings > Privacy. We verify your "
         "identity and respond within 30 days, free of charge."),
    ]),
    ("Gift Cards", [
        ("giftcards-buy", "Do you sell gift cards?",
         ["How do I buy an e-gift card?", "What gift card amounts are available?", "Do gift cards expire?"],
         "Yes, e-gift cards from $10 to $500 are emailed instantly or on a date you choose, and plastic cards are sold in "
         "all our stores. Northwind gift cards never expire and have no fees."),
        ("giftcards-balance", "How do I check my gift card balance?",
         ["How much is left on my gift card?", "Can I combine a gift card with another payment method?"],
         "Enter the card number and PIN on the Gift Card Balance page or at checkout. If your order costs more than the "
         "balance, pay the rest with any other accepted payment method."),
        ("giftcards-lost", "What if I lose my gift card?",
         ["Can a lost gift card be replaced?", "My e-gift card email never arrived"],
         "E-gift cards and registered cards can be replaced for the remaining balance if you have the order number. "
         "Unregistered plastic cards are treated like cash and can't be replaced. If an e-gift card email hasn't "
         "arrived, check your spam folder, then contact us to resend it."),
    ]),
    ("Stores", [
        ("stores-locations", "Do you have physical stores?",
         ["Where are your shops?", "Is there a store near me?", "What are your store hours?"],
         "We have stores in Portland, Denver, Minneapolis and Burlington, open Monday–Saturday 10 am–8 pm and Sunday "
         "11 am–6 pm local time. Use the Store Locator for addresses and holiday hours."),
        ("stores-pickup", "Can I buy online and pick up in store?",
         ["Do you offer in-store pickup?", "How does click and collect work?", "Is store pickup free?"],
         "Yes, choose Pick up in store at checkout; pickup is always free. Most orders are ready within 2 hours during "
         "opening hours and we email you when yours is ready. Bring your confirmation email and photo ID; we hold "
         "orders for 7 days."),
        ("stores-prices", "Are prices the same online and in store?",
         ["Do stores honour online prices?", "Can I use an online promo code in store?"],
         "Prices are the same online and in our stores, and stores will match our own website price if it's lower. "
         "Most promo codes work in both places unless the offer says online only."),
    ]),
]


def render_faq() -> str:
    lines = [f"# {FAQ_TITLE}", "", FAQ_INTRO, ""]
    for section, entries in FAQ:
        lines += [f"## {section}", ""]
        for slug, question, alternatives, answer in entries:
            lines += [f"### {question}", f"<!-- id: {slug} -->", "Also asked: " + " | ".join(alternatives), "",
                      answer, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# --------------------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)

    rng = random.Random(SEED)
    products = make_products(rng)
    with open(args.out_dir / "products.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for product in products:
            fh.write(json.dumps(product, ensure_ascii=False) + "\n")
    (args.out_dir / "faq.md").write_text(render_faq(), encoding="utf-8", newline="\n")
    n_faq = sum(len(entries) for _, entries in FAQ)
    print(f"wrote {len(products)} products and {n_faq} FAQ entries to {args.out_dir}")


if __name__ == "__main__":
    main()
