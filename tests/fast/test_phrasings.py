"""Phrasings written apart from the dialogue bank (tests/fast/test_dialogue.py covers the demo
shop's bugs): many ways to say each operation, in a standing search, on the demo catalog.
Pure, no model."""

import pytest

from assistant.dialogue import DialogueState, ShownItem, update
from retrieval.attributes import derive_attributes
from retrieval.facets import Facets
from retrieval.ingest import parse_file
from tests.conftest import DEMO

_items = derive_attributes([i for _, i in parse_file(DEMO / "products.jsonl", "product").items])[0]
f = Facets.from_products(_items)
shoes = [p for p in _items if "Running Shoes" in p.category][:4]
B = "running shoes in black under 150, not Veloxa"


def _show(state):
    state.shown = [ShownItem(id=p.id, title=p.title, price=p.price, brand=p.brand, color=p.color) for p in shoes]
    return state


def run(ctx, msg):
    s = DialogueState()
    for c in ctx:
        s = _show(update(s, c, f).state)
    return update(s, msg, f)


def has_ex(u, b):
    return b in u.state.values("brand", True)


OPERATIONS={
 "compare":["how do the first and second compare?","which is better: 1 or 2?","1 vs 3","what's the difference between them","tell me how #2 and #4 differ","contrast the top two","which would you pick between the second and third","help me choose between the first and the last","is the first better than the second?","pit the first against the third","weigh up options 1 and 2","a comparison of the top three please"],
 "similar":["show me ones like the second","anything resembling the first?","more in the style of #3","can I see alternatives to the second one","similar to number 2","find me something comparable to the first","others in that vein","things like that first one","more of that kind","same style as the second"],
 "exclude":["nothing by Stridewell","ditch Stridewell","no Stridewell at all","keep Stridewell out of it","I'm avoiding Stridewell","but no Stridewell","not keen on Stridewell","filter out Stridewell","remove Stridewell from the results","hide Stridewell","Stridewell isn't my style","I'd pass on Stridewell","rather avoid Stridewell","no Stridewell products"],
 "replace":["switch to blue","change the colour to red","how about in green instead","swap black for white","make that blue","red would be better","actually, blue","prefer blue now","let's do under 120","change the budget to 120","lower my budget to 90","not black, blue"],
 "cheaper":["anything less pricey?","lower-cost options","something more affordable","can you find cheaper","a cheaper version","bring the price down","those are too pricey","out of my price range","something that won't break the bank","go cheaper","on the cheaper side"],
 "pricier":["something fancier","more premium","higher quality ones","top-end please","a step up","the luxury ones","upgrade","nicer ones even if pricier","more high-end"],
 "more":["show me a few others","what other options are there","keep them coming","next","anything different?","more choices","see the rest","any alternatives?","more results please","others?","other ones","got more?","what else have you got"],
 "relax":["I can go a bit over budget","the budget can stretch","happy to spend more","price isn't a big deal","ignore my budget","I'm ok going above that","spend whatever","money is no object","loosen the budget"],
 "new_subject":["let's look at something else: backpacks","switching gears, I need a coffee maker","forget those, show me backpacks","on another note, do you have headphones","can we look at headphones instead","I also want a smartwatch"],
}

def _operation_holds(want, u):
    st = u.state
    ops = [o.op for o in u.operations]
    if want == "replace":
        return (st.values("color") != ["Black"] or (st.max_price and st.max_price.value != 150)) and "Veloxa" in st.values("brand", True)
    if want == "relax":
        return st.max_price is None or st.max_price.value > 150
    if want == "exclude":
        return "Stridewell" in st.values("brand", True)
    if want == "compare":
        return u.route == "compare"
    return want in ops or (want == "cheaper" and st.max_price and st.max_price.value < 150) or (want == "pricier" and st.min_price)


@pytest.mark.parametrize("want,message", [(w, m) for w, ms in OPERATIONS.items() for m in ms])
def test_operation_phrasings(want, message):
    u = run([B], message)
    assert _operation_holds(want, u), (u.route, [(o.op, o.facet, o.value) for o in u.operations], u.state.describe())


CHECKS_A=[
 # (context, message, predicate description, predicate)
 ([], "got any running shoes?", "type", lambda u: u.state.values("category")==["Running Shoes"] or u.state.values("type")),
 ([], "I want to buy a pair of running shoes", "type", lambda u: bool(u.state.values("category") or u.state.values("type"))),
 ([], "need a backpack, nothing over 80", "max80", lambda u: u.state.max_price and u.state.max_price.value==80),
 ([], "backpacks that cost less than 60 dollars", "max60", lambda u: u.state.max_price and u.state.max_price.value==60),
 ([], "a jacket, preferably red", "red", lambda u: u.state.values("color")==["Red"]),
 ([], "jackets but not red ones", "notred", lambda u: "Red" in u.state.values("color",True)),
 ([], "jackets in any colour except red", "notred2", lambda u: "Red" in u.state.values("color",True)),
 ([], "jackets, red is not my colour", "notred3", lambda u: "Red" in u.state.values("color",True)),
 (["jackets in red"], "hmm, rather in blue", "blue", lambda u: u.state.values("color")==["Blue"]),
 (["jackets in red"], "blue instead", "blue2", lambda u: u.state.values("color")==["Blue"]),
 (["jackets in red"], "can I get them in blue?", "blue3", lambda u: "Blue" in u.state.values("color")),
 (["jackets in red"], "what about blue ones?", "blue4", lambda u: "Blue" in u.state.values("color")),
 (["jackets under 200"], "make it 150", "max150", lambda u: u.state.max_price and u.state.max_price.value==150),
 (["jackets under 200"], "150 max", "max150b", lambda u: u.state.max_price and u.state.max_price.value==150),
 (["jackets under 200"], "actually I only have 120", "max120", lambda u: u.state.max_price and u.state.max_price.value==120),
 (["jackets under 200"], "forget about the price", "noprice", lambda u: u.state.max_price is None),
 (["jackets under 200"], "price doesn't matter anymore", "noprice2", lambda u: u.state.max_price is None),
 (["jackets in red"], "any colour works", "nocolor", lambda u: not u.state.values("color")),
 (["jackets in red"], "colour is not important", "nocolor2", lambda u: not u.state.values("color")),
 (["jackets in red"], "I'm not picky about colour", "nocolor3", lambda u: not u.state.values("color")),
 (["running shoes"], "tell me about number 3", "detail3", lambda u: u.route=="detail" and u.state.focus==shoes[2].id),
 (["running shoes"], "what's the rating of the first one?", "detail1", lambda u: u.route=="detail" and u.state.focus==shoes[0].id),
 (["running shoes"], "I like the second one, more about it?", "detail2", lambda u: u.route=="detail" and u.state.focus==shoes[1].id),
 (["running shoes"], "how much is the last one?", "detail-last", lambda u: u.route=="detail" and u.state.focus==shoes[-1].id),
 (["running shoes"], "what is your returns policy?", "faq", lambda u: u.route=="faq"),
 (["running shoes"], "how long will shipping take?", "faq2", lambda u: u.route=="faq"),
 (["running shoes"], "do the second ones come with free delivery?", "both", lambda u: u.route in ("both","detail")),
 (["running shoes under 100"], "same again please", "restate", lambda u: u.route=="product"),
 (["running shoes under 100"], "running shoes", "restate2", lambda u: u.route=="product" and u.state.max_price),
 (["running shoes under 100"], "ok, I need a backpack now", "newsub", lambda u: u.state.values("category")==["Backpacks"] and u.state.max_price is None),
 (["running shoes under 100"], "and a backpack?", "newsub2", lambda u: "Backpacks" in u.state.values("category")),
 (["running shoes under 100"], "show me headphones instead", "newsub3", lambda u: u.state.values("category")==["Headphones"] and u.state.max_price is None),
 (["running shoes under 100"], "something for my mum, she loves yoga", "gift", lambda u: "women" in u.state.values("audience") and u.state.max_price is None),
 (["running shoes under 100"], "start again", "reset", lambda u: not u.state.constraints and u.state.max_price is None),
 (["running shoes for women"], "now for men", "aud", lambda u: u.state.values("audience")==["men"]),
 (["running shoes"], "only Stridewell", "brandonly", lambda u: u.state.values("brand")==["Stridewell"]),
 (["running shoes"], "Stridewell or Veloxa", "brand2", lambda u: sorted(u.state.values("brand"))==["Stridewell","Veloxa"]),
 (["running shoes"], "no Stridewell and no Veloxa", "ex2", lambda u: sorted(u.state.values("brand",True))==["Stridewell","Veloxa"]),
 (["running shoes"], "neither Stridewell nor Veloxa", "ex3", lambda u: sorted(u.state.values("brand",True))==["Stridewell","Veloxa"]),
 (["running shoes"], "anything that isn't Stridewell", "ex4", lambda u: "Stridewell" in u.state.values("brand",True)),
 (["running shoes"], "Stridewell? no thanks", "ex5", lambda u: "Stridewell" in u.state.values("brand",True)),
 (["running shoes"], "everything but Stridewell", "ex6", lambda u: "Stridewell" in u.state.values("brand",True)),
 (["running shoes"], "4 stars or more", "rating", lambda u: u.state.min_rating and u.state.min_rating.value==4),
 (["running shoes"], "sort by price", "sort", lambda u: u.state.sort=="price_asc"),
 (["running shoes"], "cheapest first", "sort2", lambda u: u.state.sort=="price_asc"),
 (["running shoes"], "thanks, that's all", "bye", lambda u: u.route=="smalltalk"),
 (["running shoes"], "can a human help me?", "human", lambda u: u.route=="human"),
]

CHECKS_B=[
 # relax
 ([B],"I could stretch to a bit more","relax",lambda u:u.state.max_price is None or u.state.max_price.value>150),
 ([B],"budget is flexible","relax2",lambda u:u.state.max_price is None or u.state.max_price.value>150),
 ([B],"doesn't have to be under 150","relax3",lambda u:u.state.max_price is None or u.state.max_price.value>150),
 ([B],"I don't mind paying more","relax4",lambda u:u.state.max_price is None or u.state.max_price.value>150),
 ([B],"go over 150 if needed","relax5",lambda u:u.state.max_price is None or u.state.max_price.value>150),
 ([B],"raise the budget a little","relax6",lambda u:u.state.max_price is None or u.state.max_price.value>150),
 ([B],"I'm willing to pay a bit extra","relax7",lambda u:u.state.max_price is None or u.state.max_price.value>150),
 ([B],"price can be higher","relax8",lambda u:u.state.max_price is None or u.state.max_price.value>150),
 ([B],"forget the 150 limit","relax9",lambda u:u.state.max_price is None or u.state.max_price.value>150),
 ([B],"no need to stay under 150","relax10",lambda u:u.state.max_price is None or u.state.max_price.value>150),
 # replace
 ([B],"switch the colour to blue","rep1",lambda u:u.state.values("color")==["Blue"]),
 ([B],"I changed my mind, blue please","rep2",lambda u:u.state.values("color")==["Blue"]),
 ([B],"not black anymore, grey","rep3",lambda u:u.state.values("color")==["Grey"]),
 ([B],"better in grey","rep4",lambda u:u.state.values("color")==["Grey"]),
 ([B],"go with grey","rep5",lambda u:u.state.values("color")==["Grey"]),
 ([B],"same but in grey","rep6",lambda u:u.state.values("color")==["Grey"]),
 ([B],"let's try 120 instead","rep7",lambda u:u.state.max_price and u.state.max_price.value==120),
 ([B],"my budget changed to 120","rep8",lambda u:u.state.max_price and u.state.max_price.value==120),
 ([B],"keep it under 120 now","rep9",lambda u:u.state.max_price and u.state.max_price.value==120),
 ([B],"Stridewell only please","rep10",lambda u:u.state.values("brand")==["Stridewell"]),
 # more
 ([B],"what else is there?","more1",lambda u:u.has("more")),
 ([B],"show me a few more","more2",lambda u:u.has("more")),
 ([B],"I don't like any of these, others?","more3",lambda u:u.has("more")),
 ([B],"none of these work for me","more4",lambda u:u.has("more")),
 ([B],"different ones please","more5",lambda u:u.has("more")),
 ([B],"next page","more6",lambda u:u.has("more")),
 ([B],"can you show other models","more7",lambda u:u.has("more")),
 ([B],"are there any more?","more8",lambda u:u.has("more")),
 ([B],"any other running shoes?","more9",lambda u:u.has("more")),
 ([B],"more options like these","more10",lambda u:u.has("more") or u.has("similar")),
 # similar
 ([B],"I like the second, anything similar?","sim1",lambda u:u.has("similar") and u.state.similar_to==shoes[1].id),
 ([B],"more of the first kind","sim2",lambda u:u.has("similar")),
 ([B],"show me something that looks like number 2","sim3",lambda u:u.has("similar") and u.state.similar_to==shoes[1].id),
 ([B],"ones like that","sim4",lambda u:u.has("similar")),
 ([B],"similar ones","sim5",lambda u:u.has("similar")),
 ([B],"anything close to the third?","sim6",lambda u:u.has("similar") and u.state.similar_to==shoes[2].id),
 # cheaper
 ([B],"cheaper please","ch1",lambda u:u.state.max_price and u.state.max_price.value<150),
 ([B],"those are a bit expensive","ch2",lambda u:u.state.max_price and u.state.max_price.value<150),
 ([B],"I need to spend less","ch3",lambda u:u.state.max_price and u.state.max_price.value<150),
 ([B],"something under what you showed","ch4",lambda u:u.state.max_price and u.state.max_price.value<150),
 ([B],"less than the first one","ch5",lambda u:u.state.max_price and u.state.max_price.value<shoes[0].price),
 ([B],"lower priced ones","ch6",lambda u:u.state.max_price and u.state.max_price.value<150),
 ([B],"too expensive for me","ch7",lambda u:u.state.max_price and u.state.max_price.value<150),
 ([B],"what's the cheapest you have?","ch8",lambda u:u.state.sort=="price_asc"),
 # pricier
 ([B],"something more expensive","pr1",lambda u:u.state.min_price is not None or u.state.sort=="price_desc"),
 ([B],"I want better quality","pr2",lambda u:u.state.min_price is not None or u.state.sort=="price_desc"),
 ([B],"higher end models","pr3",lambda u:u.state.min_price is not None or u.state.sort=="price_desc"),
 ([B],"more expensive than the first","pr4",lambda u:u.state.min_price is not None),
 ([B],"show me the premium ones","pr5",lambda u:u.state.min_price is not None or u.state.sort=="price_desc"),
 # reset / new subject
 ([B],"totally different request: a backpack","ns1",lambda u:"Backpacks" in u.state.values("category") and u.state.max_price is None),
 ([B],"moving on to backpacks","ns2",lambda u:"Backpacks" in u.state.values("category") and u.state.max_price is None),
 ([B],"what do you have in headphones?","ns3",lambda u:"Headphones" in u.state.values("category") and u.state.max_price is None),
 ([B],"do you sell coffee makers?","ns4",lambda u:"Coffee Makers" in u.state.values("category") and u.state.max_price is None),
 ([B],"I'm after a yoga mat now","ns5",lambda u:(u.state.values("category") or u.state.values("type")) and u.state.max_price is None and not u.state.values("color")),
 ([B],"let's start fresh","ns6",lambda u:not u.state.constraints and u.state.max_price is None),
 ([B],"clear all filters","ns7",lambda u:not u.state.constraints and u.state.max_price is None),
 ([B],"forget all that, I want a jacket","ns8",lambda u:u.state.values("category")==["Jackets"] and u.state.max_price is None),
 # exclude more
 ([B],"Stridewell - no","ex1",lambda u:has_ex(u,"Stridewell")),
 ([B],"anything except for Stridewell","ex2",lambda u:has_ex(u,"Stridewell")),
 ([B],"please exclude Stridewell","ex3",lambda u:has_ex(u,"Stridewell")),
 ([B],"not a Stridewell fan","ex4",lambda u:has_ex(u,"Stridewell")),
 ([B],"I've had bad luck with Stridewell","ex5",lambda u:has_ex(u,"Stridewell")),
 ([B],"take Stridewell off the list","ex6",lambda u:has_ex(u,"Stridewell")),
 ([B],"no grey either","ex7",lambda u:"Grey" in u.state.values("color",True)),
 ([B],"also not Stridewell","ex8",lambda u:has_ex(u,"Stridewell") and has_ex(u,"Veloxa")),
]


@pytest.mark.parametrize("ctx,msg,name,pred", CHECKS_A + CHECKS_B, ids=[c[2] for c in CHECKS_A + CHECKS_B])
def test_phrasings_in_context(ctx, msg, name, pred):
    u = run(ctx, msg)
    assert pred(u), (u.route, [(o.op, o.facet, o.value) for o in u.operations], u.state.describe())
