"""Reading one message with rules: which route it takes and which operations it asks for.

The rules know the catalog's vocabulary (`retrieval.facets.Facets.mentions`) and a lexicon of
how shoppers say things: negation with its scope ("black but not leather", "anything but Puma
or Nike"), removal ("any colour is fine", "doesn't have to be Nike"), references to what was
shown ("the second one", "cheaper than the first", "more like the Veloxa one"), prices, subject
changes ("now I need a kettle", "a gift for my dad who likes cooking"). What they cannot place
they say (`sure=False`), so that an LLM, when there is one, may propose instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from retrieval.attributes import AUDIENCE_WORDS, type_key
from retrieval.documents import key
from retrieval.facets import Facets, Mention

from .recommend import recommendation
from .state import DURABLE, DialogueState, Operation, Route

# --- lexicon -----------------------------------------------------------------------------------

_NUM = r"(?:[$₹€£]\s*|(?:rs\.?|inr|usd)\s*)?(\d[\d,]*(?:\.\d+)?)\s*(k\b)?(?:\s*(?:dollars?|usd|rs\.?|rupees?|inr|bucks|euros?|quid|pounds?)\b)?"
_PRICE_PATTERNS: list[tuple[str, re.Pattern]] = [
    # "nothing cheaper than 1500", "bump the minimum up to 1500": floors, read before the ceilings below take the words
    ("min", re.compile(rf"\b(?:(?:nothing|none|no(?:thing)? (?:priced|costing)|no ones?|not) (?:cheaper|less|lower|priced lower) th[ae]n|"
                       rf"(?:nothing|none|no ones?) (?:below|under|beneath))\s*{_NUM}", re.I)),
    ("min", re.compile(rf"\b(?:anything|everything|stuff|ones?|things) (?:under|below|less than|cheaper than)\s*{_NUM}\s*(?:is|are|would be|will be)\s*"
                       rf"(?=(?:just |probably |usually |mostly )?(?:junk|rubbish|trash|garbage|useless|no good|too cheap|cheap|poor|bad|low quality|not worth it|flimsy))", re.I)),
    ("min", re.compile(rf"\bnorth of\s*{_NUM}", re.I)),
    ("min", re.compile(rf"(?<![\w.]){_NUM}\s*(?:\+|plus\b|and (?:above|up|over)\b|or (?:more|above|higher)\b)(?!\s*(?:stars?|rated|rating))", re.I)),
    ("max", re.compile(rf"\bsouth of\s*{_NUM}", re.I)),
    ("min", re.compile(rf"\b(?:raise|bump|increase|lower|drop|move|set|make|change|put|push|take)(?: the| my)? (?:minimum|min|floor|lower (?:limit|bound)|starting price)"
                       rf"(?: price)?(?: up| down)? (?:to|at)\s*{_NUM}", re.I)),
    ("between", re.compile(rf"\b(?:between|from)\s*{_NUM}\s*(?:and|to|-|–)\s*{_NUM}", re.I)),
    ("range", re.compile(rf"(?<![\w.]){_NUM}\s*(?:-|–|to)\s*{_NUM}(?!\s*(?:stars?|\+))", re.I)),
    ("around", re.compile(rf"\b(?:around|about|roughly|approximately|approx\.?|close to|near)\s*{_NUM}", re.I)),
    ("max", re.compile(rf"(?<![\w.]){_NUM}\s*(?:max(?:imum)?|tops|at (?:the )?most|or less|or under|or below|is my (?:new )?(?:limit|max|budget|ceiling))\b", re.I)),
    ("max", re.compile(rf"\b(?:stretch|extend|go|going)(?: it| that| (?:my|the) budget)?(?: up)? to\s*{_NUM}", re.I)),
    ("max", re.compile(rf"\b(?:lower|raise|drop|bring|reduce|increase|bump|take|cut|move|push|knock|slash|trim)(?: it| that| the price| the limit| the budget| the cap)?"
                       rf"(?: down| up)? to\s*{_NUM}", re.I)),
    ("max", re.compile(rf"\b(?:make it|make that|let'?s say|let'?s do|we'?ll do|i'?ll do|settle (?:on|for)|cap it at|say|(?:i )?only have|(?:i )?have only|(?:i'?ve )?only got|(?:i'?ve )?got only|i have|i'?ve got|i can (?:spend|afford|pay)|can afford|"
                       rf"(?:willing|happy|able) to (?:spend|pay)|spend|pay)\s*(?:up to\s*|about\s*|around\s*)?{_NUM}", re.I)),
    ("max", re.compile(rf"\b(?:(?:change|set|make|lower|raise|increase|reduce|drop|bump|put|move|cut|up|adjust|update|knock|slash|trim)(?: it)?(?: (?:my|the))? "
                       rf"(?:budget|price(?: limit)?|limit|max(?:imum)?|cap|ceiling)(?: limit)? (?:to|at|down to|up to)|"
                       rf"(?:budget|limit|max(?:imum)?|cap) (?:is )?now|(?:new|revised) budget(?: is| of)?|"
                       rf"(?:budget|limit)(?: has)? (?:changed|gone (?:up|down)|dropped|increased|decreased|moved|gone)(?: to)?|"
                       rf"(?:let'?s try|try|how about|what about|maybe|perhaps|(?:i )?meant|more like|closer to)(?: (?:up to|under|below))?|"
                       rf"(?:nothing|none|not|no(?:thing)? (?:priced|costing)) (?:above|over|more than|higher than|beyond|exceeding|pricier than)|"
                       rf"under|undr|below|belo|bellow|beneath|less th[ae]n|cheaper th[ae]n|at most|max(?:imum)?|up to|upto|within|no more than|not more than|"
                       rf"no (?:more|higher) than|not exceeding|budget(?: of| is|'s)?(?: actually| really| now| about)?|spend(?:ing)?(?: up to| at most)?|for|<|<=)\s*{_NUM}", re.I)),
    ("min", re.compile(rf"\b(?:over|above|more than|at least|min(?:imum)?|starting at|from|>|>=)\s*{_NUM}", re.I)),
    ("max", re.compile(rf"(?<![\w<>=])(?:<=?|≤)\s*{_NUM}", re.I)),  # "<1500" after a space or comma
    ("min", re.compile(rf"(?<![\w<>=])(?:>=?|≥)\s*{_NUM}", re.I)),
]
_RATING = re.compile(r"\b(?:rated\s*)?(?:at least\s*)?(\d(?:\.\d)?)\s*(?:\+|stars?(?:\s*(?:and|&)\s*(?:up|above|over))?|star and up|and up)"
                     r"|\brated\s*(?:at least\s*|over\s*|above\s*)?(\d(?:\.\d)?)\b", re.I)
_HUMAN = re.compile(r"\b(?:human|real person|an? (?:agent|person|representative)|customer (?:service|support) (?:agent|person|rep)|"
                    r"someone from (?:support|customer service)|(?:talk|speak|chat) (?:to|with) (?:a |some)?(?:person|someone|somebody|human|staff)|"
                    r"live (?:chat|support|agent)|call me|hand me over|escalate)\b", re.I)
_SMALLTALK_WORDS = frozenset(
    "hi hello hey heya hiya yo there all everyone folks again good morning afternoon evening day thanks thank "
    "you so much a lot very ok okay cool great nice awesome perfect lovely cheers bye goodbye see later soon "
    "how are who what can do doing ty thx that's thats it for now is all fine".split()
)
_SMALLTALK_START = re.compile(r"^(?:hi|hello|hey|heya|hiya|yo|good|thanks?|ty|thx|ok|okay|cool|great|nice|awesome|perfect|lovely|cheers|bye|goodbye|see|how|who|what)\b")
_RESET = re.compile(r"\b(?:start (?:over|again|afresh|fresh|from scratch)|fresh start|begin again|(?:(?:completely|totally|brand) )?(?:new|fresh|clean) search|forget (?:everything|all (?:of )?that)|reset|"
                    r"clear (?:all|everything|the filters|filters|all (?:the )?filters)|from scratch|from the top|(?:start|begin) (?:again )?(?:from )?(?:zero|square one|the (?:very )?beginning)|back to square one|clean slate|wipe the slate|"
                    r"restart|(?:ignore|discard|throw out|scrap|scratch|cancel|undo|drop|bin|ditch) (?:all of (?:it|that|this)|everything|the whole (?:search|thing|lot)|all (?:that|this|of (?:it|that)))"
                    r"(?: (?:i'?ve |we'?ve |i |we )?(?:said|asked for|done|told you|picked|chosen)(?: so far)?| so far)?|(?:redo|do) (?:this|it|everything|the search) from (?:zero|scratch|the top)|"
                    r"begin (?:afresh|anew|fresh)|(?:erase|wipe|delete|clear out) (?:everything|all(?: of)? (?:that|this|tht|dat|the filters)|the filters|my filters|all filters)|"
                    r"(?:scrap|scratch|ditch|forget|drop|bin) (?:all|everything) (?:tht|dat|dis|of it))\b", re.I)
_NEGATION = re.compile(
    r"\b(?:not (?:a fan of|into|keen on|interested in|too keen on)|not|no(?! (?:more than|higher than|need))|without|except(?: for)?|excluding|exclude|"
    r"other than|anything but|anything except|everything (?:but|except)|(?:any|all)(?:one)? (?:but|except)|apart from|avoid(?:ing)?|"
    r"(?:i )?(?:don'?t|do not|dont) (?:really |much |particularly |quite |even )?(?:want|like|need|fancy|care for|love|show(?: me)?)|leave out|keep out|rule out|"
    r"steer clear of|stay away from|omit(?:ting)?|sans|eliminat(?:e|ing)|strike (?:off|out)|cross (?:off|out)|"
    r"(?:(?:i'?m|i am) (?:so |totally |well |completely )?|(?:so|totally|completely) )over(?! (?:budget|my budget|the moon|\d|[$₹]|it\b|there\b|here\b))|filtering out|screen(?:ing)? out|veto(?:ing)?|nix|"
    r"keep(?:ing)?(?= (?:[\w-]+ ){1,3}(?:away from|out of|off) (?:my|the) (?:results|list|search))|spare me(?: the)?|"
    r"if (?:it'?s|it is|they'?re|they are)(?= [^,.;]{1,30},? (?:hide|skip|remove|drop|don'?t show|leave (?:it|them) out|exclude|ditch|bin|forget) )|(?:don'?t|do not|no need to) (?:bother|waste (?:my )?time) with|not interested in|no thanks to|filter out|weed out|screen out|(?:^|please |can you |just )hide(?= (?:all |the |any )?[A-Z])|neither|nor|"
    r"(?:that|which|who) (?:isn'?t|is not|aren'?t|are not|'?s not)|"
    r"(?:i'?d |i will |i'?ll |let'?s )?pass on|no need for|"
    r"(?:bad|poor|terrible|awful|horrible) (?:luck|experiences?) with|(?:had|have had|i had) (?:problems|issues|trouble) with|disappointed (?:by|with|in)|"
    r"(?:i )?hates?|nt(?= [a-z])|never|skip|(?<!next to )(?<!almost )(?:nothing|none) (?:from|by|in|made of|of)|(?<!next to )(?<!almost )nothing(?! (?:else|here|there|works|fits|like|over|above|more|under|below|but|except))|no more|(?:i'?m |i am )?(?:done|finished) with|sick of|tired of|"
    r"allergic to|(?:i )?dislike|(?:i'?d )?rather not(?: have)?|minus|but not|(?:i )?refuses?(?: to (?:buy|get|use|have|wear|touch|go near|try))?|(?:nope|nah) (?:to|on)|"
    r"ban|block|enough(?: of)?|besides|other (?:brands?|colou?rs?|ones|makes|materials?) than|(?:i'?ve |i have )?sworn off|barring|"
    r"(?:wouldn'?t|would not|won'?t) be (?:caught|seen) dead (?:in|with|wearing|using)|zero(?= [a-z])|(?:skin|ears?|body) (?:reacts?|is allergic|are allergic) to|"
    r"refrain from (?:showing|suggesting|including|recommending)(?: me)?|(?:can'?t|cannot|can not) (?:do|have|wear|use|stand|tolerate)|(?:^|,|and|but) hold the|"
    r"as long as (?:it|they)(?:'s| is| are|'re)? (?:isn'?t|isnt|is not|aren'?t|arent|are not|not))\b",
    re.I,
)
_POST_NEGATION = re.compile(
    r"^\s*(?:is|are|'s)?\s*(?:not|n't|isn't|aren't|is not|are not)\s+(?:for me|my (?:thing|style|taste|cup of tea|colou?r|brand|favou?rite|size)|an option|"
    r"what i want|good|great|needed|necessary|welcome)|^\s*,?\s*(?:no thanks|no thank you|please no|not please)\b"
    r"|^\s*(?:is|are|'s|'re)\s+(?:a\s+)?(?:no|nope|hard no|no[- ]go|pass)\b(?!\s+(?:longer|more|need|than|problem|issue|worries)\b)"
    r"|^\s*(?:is |are |to be |should be )?(?:excluded|banned|not allowed|out of the question|ruled out|off the table|a non-starter|a dealbreaker)\b"
    r"|^\s*(?:\s[-–—]+|[-–—:,])\s*(?:not interested|not keen|no thanks|pass)\b"
    r"|^\s*-?free\b|^\s+out\b(?! of (?:stock|my|the (?:box|way)))|^\s+off\b(?! (?:white|season))(?! the table)"
    # "Stridewell - no" names what is unwanted before the "no"; "Pigeon, no Bajaj" names it after.
    r"|^\s*[-–—:,]\s*(?:no|nope|nah)\b(?!\s+(?!thanks|thank|way|please|pls|for\b)[a-z0-9])|^\s+(?:nope|nah)\b"
    r"|^\s*\?+\s*(?:no|nah|nope|pass|never(?: again)?)(?: thanks| way)?\b(?!\s+(?!thanks|thank|way|please|pls|for\b)[a-z0-9])|^\s*,?\s*no way\b"
    r"|^\s*[-–:,]?\s*(?:not interested|not keen|not a fan|not for me|not my (?:thing|style|taste|cup of tea))\b"
    r"|^\s+(?:isn'?t|is not|aren'?t|are not|'?s not)\s+(?:my (?:style|thing|taste|jam|vibe)|for me|what i want|an option|welcome|my cup of tea)"
    r"|^\s+(?:has|have) been (?:bad|terrible|awful|poor|a disappointment|disappointing|unreliable|a letdown)"
    r"|^\s+(?:always |just |really |kind of )?(?:looks?|feels?) (?:tacky|cheap|awful|terrible|horrible|ugly|nasty|gross)\b|^\s+never (?:lasts?|works?|holds? up)\b"
    r"|^\s+(?:always |both |all )?(?:breaks?|falls? apart|wears? out|let me down|lets me down|disappointed me|failed me)\b|^\s+(?:has|have) let me down\b"
    r"|^\s+(?:makes|gives) (?:my skin itch|me (?:a rash|rashes|hives))|^\s+irritates my skin|^\s*\?\s*none of (?:that|those|them|it)\b"
    r"|^\s*(?:is|are|'s|'re)\s+(?:both |all |also )?out\b(?! of (?:stock|my|the))"
    r"|^\s+(?:nahi|nahin)\b(?:\s+(?:chahiye|chahie|chaiye|dikhao|dikhana|lena|lunga|lungi))?|^\s+mat\s+(?:dikhao|dikhana|bhejo|lena)\b|^\s+(?:is|are)\s+dead to me\b"
    r"|^\s+(?:is|are)\s+(?:a |such a )?(?:turn[- ]off|put[- ]off)\b"
    r"|^\s*,?\s*never again\b|^\s+a (?:miss|wide berth)\b|^\s+(?:clashes|clash) with\b|^\s*\?\s*(?:hard|big) (?:pass|no)\b"
    r"|^\s*[-–—:,]\s*(?:spare me|skip|avoid|no|not|never|drop|hide|ditch|lose|cross|strike|knock|rule|cut)\s+(?:that|this|the|those)\s+"
    r"(?:shades?|colou?rs?|brands?|makes?|labels?|materials?|fabrics?|finish(?:es)?)\b"
    r"|^\s+ke\s+(?:alawa|alaawa|alava|alaava|siva|siwa|sivaa|sivay)\b|^\s+(?:chhod|chod|chhodh)\s*(?:ke|kar|kr)\b|^\s*,?\s*(?:dono |both )?(?:bekaar|bekar|bakwas|bakwaas|ghatiya)\b"
    r"|^\s+(?:is|are)\s+(?:so |too |way |just |totally )?overpriced\b|^\s+neither\b"
    r"|^\s+need not apply\b|^\s+(?:won'?t|will not|wouldn'?t|would not) (?:do|work|cut it)\b|^\s+(?:doesn'?t|does not|don'?t|do not) (?:suit|work for|go with)\b"
    r"|^\s+(?:would be|is|are) (?:a )?(?:disaster|nightmare|mistake)\b|^\s*[?!]*\s*thanks,? but no thanks\b|^\s+(?:has|have) (?:burnt|burned|ripped|cheated|scammed) me\b",
    re.I,
)
# "my last boat pair died in a month", "a boult that cracked": a maker or colour that let the shopper down
# (not a kind: "my kettle broke, need a new one" still wants a kettle)
_LET_DOWN = re.compile(r"^\s+(?:(?:pair|one|ones|set|unit|soles?|straps?|earbuds?|buds|model)\s+)?(?:that |which )?"
                       r"(?:died|broke|cracked|stopped working|gave up|fell apart|wore out|wears? out|conked out|failed)\b", re.I)
# Features whose words are also names in some catalogs ("noise cancelling" is no brand Noise).
_FEATURE = re.compile(r"\bnoise[- ]?(?:cancel\w*|isolat\w*|reduc\w*|free)\b|\b(?:active )?noise control\b", re.I)
# Phrases of liking whose words name nothing in the catalog ("a big fan of boAt": no fans).
_LIKING = re.compile(r"\b(?:a |big |huge )*fans? of\b", re.I)
# "zebronics fan here", "I'm a huge boAt fan": the fan is the shopper, not the product type Fan.
_FAN_OF_NAME = re.compile(r"\b(?:(?:i'?m|i am) (?:a |an )?(?:big |huge |massive |die-?hard |loyal )?(?:[\w&'-]+ ){1,2}(fan|loyalist)\b"
                          r"|(?<=\w )(fan|loyalist)(?=\s+(?:here|for life)\b)|\b[\w&'-]+ (fan(?:boy|girl)s?)\b)", re.I)
# Words that end a negation's reach: "no leather, in black" / "not Puma but Nike"; "in" does not
# after "anything" or "ones" ("hide anything in pink" excludes pink).
_SCOPE_END = re.compile(r"[,.;!?]|\s[-–]+\s|\b(?:but(?! not| no)|instead|rather|prefer(?:ably)?|though|however|only|just|want|need|looking|show|(?<!anything )(?<!everything )(?<!ones )(?<!stuff )in)\b", re.I)
_FACET_WORDS = {
    "colour": "color", "color": "color", "colours": "color", "colors": "color", "shade": "color", "finish": "color", "finishe": "color",
    "brand": "brand", "brands": "brand", "make": "brand", "maker": "brand", "label": "brand",
    "size": "size", "sizes": "size", "fit": "size",
    "price": "price", "money": "price", "spend": "price", "pay": "price", "budget": "price", "cost": "price", "price limit": "price", "budget limit": "price", "limit": "price",
    "material": "material", "materials": "material", "fabric": "material",
    "type": "type", "kind": "type", "style": "type",
}
_FACET_WORD = r"(?:colou?rs?|shade|finish(?:es)?|brands?|make|maker|label|sizes?|price(?: limit)?|budget(?: limit)?|cost|limit|materials?|fabric)"
_REMOVE_FACET = re.compile(
    rf"\b(?:any|whatever|all|other|every|different)\s+(?P<a>{_FACET_WORD})s?\b(?!\s*(?:options?|picks?|friendly|ones?|than))(?:\s+(?:is|are|would be)?\s*(?:fine|ok|okay|good|alright|works))?"
    rf"|\b(?P<b>{_FACET_WORD})\s+(?:(?:doesn'?t|does not|don'?t|do not|won'?t)\s+(?:really |much |at all |that much )?matter|no longer matters?|(?:is|are|'s) (?:irrelevant|not relevant))"
    rf"|\b(?:forget|drop|remove|ignore|clear|lose|scrap|never ?mind|skip|no need for|relax|open up)\s+(?:about\s+)?(?:the\s+|my\s+|that\s+)?(?P<c>{_FACET_WORD})(?:\s+(?:filter|limit|requirement|constraint))?\b"
    rf"|\bno\s+(?P<d>price|budget|cost)\s*(?:limit|cap|ceiling)?\b"
    rf"|\b(?:(?:i\s+)?(?:don'?t|do not|dont)\s+care\s+(?:about|what|which)|(?:don'?t|do not|dont|no need to) worry about|not fussed about|regardless of|whatever the|open to any)\s+(?:the\s+)?(?P<e>{_FACET_WORD})\b"
    rf"|\b(?P<f>{_FACET_WORD})\s+(?:(?:is|are)\s+(?:not (?:that |very |really |so |too )?(?:important|strict|fixed|firm|rigid)|flexible|open|up to you|not a (?:must|requirement|priority|hard limit))|(?:isn'?t|aren'?t)\s+(?:that |very |really |so |too )?(?:important|strict|fixed|firm|rigid|set in stone|a (?:must|requirement|priority|concern|factor|big deal|hard limit)|an issue|crucial))"
    rf"|\bnot (?:be )?(?:limited|restricted|constrained|tied) (?:by|to) (?:the |my |a )?(?P<ab>{_FACET_WORD})\b"
    rf"|\b(?P<s>price|cost|money|budget)(?:'s|\s+is|\s+isn'?t|\s+is not)?\s+(?:no object|not? (?:an? )?(?:issue|problem|concern|factor|object))"
    rf"|\b(?:i'?m |i am |we'?re )?not on (?:a|any) (?P<t>budget)\b|\b(?:unlimited|limitless|infinite|open|no) (?P<w>budget|price)(?: limit)?\b"
    rf"|\b(?:forget|ignore|never ?mind|don'?t worry about|not worried about) (?:about )?(?:how much|what) (?:it|they|that|these) (?P<x>cost)s?\b"
    rf"|\b(?P<y>{_FACET_WORD})\s*:\s*(?:any|all|whatever|open|no preference|doesn'?t matter)\b|\bno (?P<z>{_FACET_WORD}) (?:preferences?|requirements?|restrictions?)\b|\b(?P<u>spend|pay) whatever\b"
    rf"|\b(?:flexible|easy|relaxed|not (?:picky|fussy|bothered|particular|fixed|set|strict)|open)\s+(?:on|about|with|regarding)\s+(?:the\s+)?(?P<g>{_FACET_WORD})\b"
    rf"|\b(?:take|leave)\s+off\s+the\s+(?P<h>{_FACET_WORD})(?:\s+filter)?\b"
    rf"|\b(?P<i>{_FACET_WORD})s?\s+(?:is|are)\s+(?:negotiable|optional|secondary|not (?:a (?:big )?deal|an issue|a concern)|your call)"
    rf"|\bopen to\s+(?:other|any|different|all)\s+(?P<j>{_FACET_WORD})"
    rf"|\b(?:happy|fine|ok|okay|good)\s+with\s+(?:any|other|different)\s+(?P<k>{_FACET_WORD})"
    rf"|\b(?:can|could)\s+live\s+with\s+(?:another|any|a different|other)\s+(?P<l>{_FACET_WORD})"
    rf"|\b(?:doesn'?t|does not|don'?t)\s+matter\s+(?:which|what)\s+(?P<m>{_FACET_WORD})"
    rf"|\b(?:whichever|no preference (?:on|for|about)(?: the)?)\s+(?P<n>{_FACET_WORD})"
    rf"|\b(?P<q>{_FACET_WORD})\s*:?\s+(?:is\s+)?no\s+(?:bar|limit|issue|problem|constraint)\b|\bno\s+(?:bar|limit|cap|ceiling|restrictions?)\s+on\s+(?:the\s+)?(?P<r>{_FACET_WORD})\b"
    rf"|\b(?:don'?t|do not|dont) mind (?:the |what |which |any )?(?P<v>{_FACET_WORD})\b"
    rf"|\b(?P<o>{_FACET_WORD})\s+aside\b|\b(?:ignore|disregard|skip)\s+(?:the\s+|my\s+)?(?P<p>{_FACET_WORD})\b",
    re.I,
)
_DROP_VERB = r"(?:scratch|take back|uncheck|untick|deselect|unselect|un-?exclude|unban|lift|no need for|(?:i )?(?:don'?t|do not) need|no longer (?:need|want|require)|forget|drop|never ?mind|scrap|ignore|remove|lose|clear|take off|take away|take out|cancel|undo|ditch|get rid of|cut|strike|nix)"
_REMOVE_VALUE = re.compile(
    r"\b(?:doesn'?t|does not|don'?t|do not|won'?t|needn'?t|need not)(?: (?:have|need))?(?: to)? be|not necessarily|no need for it to be|"
    rf"{_DROP_VERB} (?:about )?(?:the |that |my |all |any )?|"
    r"(?:i'?m |i am )?(?:ok|okay|fine) with (?:other than|not)|not (?:just|only)|other than that is fine|\bor not\b|"
    r"(?:you can|you may|feel free to|go ahead and|it'?s (?:ok|fine) to|fine to) (?:show|include|add)(?: me)?(?: the)?|"
    r"bring back(?: the)?|add back(?: the)?|allow(?: the)?|"
    r"(?:i )?changed my mind (?:about|on)(?: the)?|(?:not|no longer) (?:so |that |too )?(?:set|fixed|hung up|stuck|insisting|bent|sold) on(?: the)?|(?:i was|i'?m) wrong about(?: the)?|(?:having )?second thoughts (?:about|on)(?: the)?|"
    r"(?:i )?(?:don'?t|do not|dont) mind(?: the)?|(?:i'?m |i am )?(?:ok|okay|fine|happy|good|cool) with(?: the| a)?|(?:change|replace|switch(?:ing)? from|mov(?:e|ing) (?:away )?from|go(?:ing)? from)(?: the)?|instead of(?: the)?|rather than(?: the)?|in place of(?: the)?|replacing(?: the)?|swap(?:ping)?(?: out)?(?: the)?",
    re.I,
)
# After a value: it is no longer required, or no longer excluded.
_RELEASED = re.compile(
    r"\s*(?:is|are|'s|'re|would be)?\s*(?:fine|ok|okay|alright|all right|good|acceptable|allowed|welcome|back)(?:\s+(?:too|as well|after all|again|now))*\b"
    r"|\s*(?:is|are)?\s*(?:not|n't|isn'?t|aren'?t)\s+(?:a must|required|necessary|essential|needed|important|a requirement|a dealbreaker)"
    r"|\s*(?:is|are)\s+optional|\s+(?:requirement|filter|preference|condition|restriction)?\s*(?:can go|can be dropped|is off(?! the table)|no longer applies)\b|\s*(?:->|→|=>)|\s+(?:specifically|in particular|necessarily)\b|\s*(?:can|may|could) come back\b|\s*(?:is|are) back in\b|\s*,?\s*(?:it'?s|that'?s)\s+(?:ok|okay|fine|alright)|\s+(?:again|too)\s*[.!]*$|\s*or not\b|\s+(?:filter|ban|exclusion|block)\b",
    re.I,
)
_RELAX = re.compile(r"\b(?:(?:a (?:bit|little) )?(?:over|above) (?:my |the )?budget is (?:fine|ok|okay)|(?:a (?:bit|little) |slightly )?(?:over|above|more than) (?:(?:my |the |that )?(?:budget|limit)|\S*\d[\d,.]*k?) (?:is|would be|'s) (?:fine|ok|okay|alright|acceptable)|stretch (?:my |the )?budget|"
                    r"(?:my |the )?budget can (?:stretch|go up|be higher)|(?:can|could|happy to|willing to|ok to|okay to) (?:spend|go|pay) (?:a (?:bit|little) )?(?:more|higher|over|above)(?! than (?:the|that|this|it|its)\b)(?: (?:my |the )?budget)?|"
                    r"(?:a (?:bit|little) )?(?:more expensive|pricier) is (?:fine|ok|okay)|(?:i'?m |i am )?(?:ok|okay|fine) (?:going|with going|spending) (?:a (?:bit|little) )?(?:above|over|more)|"
                    r"relax (?:the |my )?(?:price|budget)|raise (?:my |the )?budget|(?:increase|up|bump(?: up)?|push(?: up)?|widen|lift) (?:the |my |our )?budget(?: up)?(?! (?:up )?(?:by|to)\b)|loosen (?:the |my )?(?:budget|price(?: limit)?)|"
                    r"(?:price|cost|budget|money) (?:is|isn'?t|is not) (?:(?:a |that )?(?:big )?deal)|"
                    r"not (?:that )?worried about (?:the )?(?:price|cost|budget)|"
                    r"(?<!n't )(?<!not )(?<!cant )(?:could |can )?stretch(?: to| it)?(?: a (?:bit|little))?(?: (?:more|higher|further))?|"
                    r"(?:don'?t|do not) mind (?:paying|spending) (?:a (?:bit|little) )?(?:more|extra)|(?:pay|spend) (?:a (?:bit|little) )?(?:extra|more)(?! than (?:the|that|this|it)\b)(?! (?:on|for) (?:something |a |an )?(?:good|better|nicer|quality|premium))|"
                    r"(?:price|cost|it) can be (?:a (?:bit|little) )?higher|"
                    r"(?:go|going|be|it can be|even|if it'?s) (?:a (?:bit|little) |slightly )?(?:over|above|beyond) (?:(?:my |the |that )?(?:budget|limit|price)|\S*\d[\d,.]*k?)|"
                    r"(?:forget|drop|remove|ignore|lose|scrap|lift) (?:about )?(?:the |my |that )?\S*\d[\d,.]*k?\S* (?:limit|budget|cap|ceiling)|"
                    r"(?:don'?t|do not|no) need to (?:stay|keep it|be) (?:under|below|within)(?: \S*\d[\d,.]*k?)?|"
                    r"(?:doesn'?t|does not|needn'?t) (?:have|need) to be (?:under|below|within|less than)(?: \S*\d[\d,.]*k?)?)\b", re.I)
_MORE = re.compile(r"\b(?:something else|anything else|other options?|others|another one|more options|show (?:me )?more(?! like)|"
                   r"more (?:please|of (?:these|those|them))|what else|different ones|next (?:ones|page|few)?|any (?:more|others)|"
                   r"keep (?:going|looking|searching|them coming|showing)|new (?:suggestions|options|picks|results|ones)|refresh(?: the)?(?: list| results| page)?|"
                   r"additional (?:options|ones|choices|results|products|items)|(?:explore|browse|display|list|view) more|hit me with more|"
                   r"(?:are|is) there (?:any )?more\b(?! than)|(?:are )?(?:these|those) (?:all|it)\s*\?|only (?:these|those)\s*\?|more of the same|"
                   r"something different|a different (?:selection|set|lot|batch|bunch)|further (?:options?|ones|choices|results|suggestions)|(?:is )?that all(?: you(?:'ve)? (?:have|got))?\s*\?|that'?s all you(?:'ve)? (?:have|got)|is that (?:it|everything)\s*\?|"
                   r"anything more\s*[?.!]*$|(?:a )?(?:couple|few)(?: of)? (?:more|others)|more,? (?:please|pls|plz)|see more(?! (?:details|info|information|about))|load more|more results|alternatives?|a few more|some more|"
                   r"(?:any |some |show (?:me )?)?other (?=\w+s\b)|more (?!(?:expensive|affordable|pricey|premium|upmarket|upscale|costly|substantial)\b)(?=\w+s?(?: please)?\s*[?.!]*$)|"
                   r"^\s*(?:next|more|others?|else)\s*[?.!]*\s*$|(?:got|have you got|any) (?:more|others?)|"
                   r"(?:see|show)(?: me)? the rest|another (?:batch|page|set|round|lot|few)|next (?:batch|set|lot|[2-9]|1\d)\b|"
                   r"^\s*(?:continue|go on|carry on|what'?s next|keep 'em coming)\s*,?\s*(?:please|pls|plz)?\s*[?.!]*\s*$|^\s*(?:continue|go on|carry on|keep going)\s*[,.!;]|"
                   r"(?:the )?remaining (?:ones|items|options|products|results|\w+s)\b|(?:see|show)(?: me)? the remaining|(?:a few|some|a couple(?: of)?) extra(?: ones| options| items)?\b|"
                   r"keep (?:digging|browsing|hunting)|further (?:items|products)|"
                   r"anything (?:beyond|past|after) (?:these|those|them|this lot)|what comes (?:after|next)|(?:second|next|new|fresh) (?:batch|set|lot|round|page)|"
                   r"only (?:four|three|five|two|4|3|5|2)\s*\?|browse (?:a bunch|a lot|a few more|more|some more|a wider)|"
                   r"^\s*(?:show (?:me )?|any |got any |i want |see )?more (?!expensive|affordable|pricey|premium|like|info|details|about|than|of\b|from\b|by\b|in\b|with\b|for\b|under\b|below\b|over\b|above\b|colou?rs?\b|sizes?\b)(?:[\w'-]+ ){0,2}[\w'-]+\s*[?.!]*$|anything (?:different|new)|more choices|extra options|other choices|"
                   r"none of (?:these|those|them|the above)(?: (?:work|works|do it|are right|fit))?|(?:i )?(?:don'?t|do not) like (?:any|all) of (?:these|those|them)|"
                   r"not (?:what i'?m|what i am) looking for|anything (?:besides|apart from|other than|but) (?:these|those|them)|\bpage (?:[2-9]|two|three)\b|nothing (?:here|there) (?:works|fits)|try again with (?:other|different) (?:ones|products))", re.I)
_SIMILAR = re.compile(r"^\s*(?:more |ones? |just |kinda |kind of |sth )?like (?=the |that |this |#|number |no\.? )|\b(?:(?:show (?:me )?)?more like|(?:something |anything |one |ones |items? |products? |stuff )?simm?ill?i?ar(?: \w+)? to|"
                      r"(?:something|anything|stuff|items?|products?|ones?|others|things) (?:a bit |a little |kind of |sort of |just )?like|"
                      r"along the lines of|along those lines|in the same (?:style|vein|spirit) as|same (?:style|kind|type|sort|vibe|feel|look|design|league|class|dna|family) as|"
                      r"(?:much|pretty much|more or less|basically|roughly|just about) the same as|(?:closest|nearest) (?:match|thing|alternative|equivalent|substitute)|"
                      r"(?:near|nearly|almost)[- ]identical(?: to)?|identical to|a dead ringer for|cut from the same cloth|of the same ilk|(?:in|of) (?:that|this) (?:spirit|mould|mold|direction|flavou?r)|(?:anything|something|ones?) comparable\b|"
                      r"in the (?:style|vein|spirit|mould|mold) of|(?:in|of) (?:that|this) (?:vein|style|kind|sort)|dupes? (?:of|for)|look-?alikes?|knock-?offs? of|"
                      r"(?:in )?the same (?:line|range|family|series) as|(?:one|ones|something|anything) (?:that )?match(?:es|ing)? (?=the |that\b|this\b|it\b|#)|"
                      r"(?:versions?|alternatives?|equivalents?|substitutes?|replacements?|variations?|counterparts?|cousins?|siblings?|relatives?|takes?|twins?|clones?) (?:of|for|on|to) (?=the |that\b|this\b|#|number |no\.? ?\d|item |it\b|them\b)|"
                      r"as (?:a |the )?(?:reference|template|starting point|benchmark|model)\b|is the (?:template|model|benchmark|reference)\b|in keeping with|takes? after|"
                      r"(?:built|made|designed|styled) like (?=it\b|that\b|this\b|the )|ticks? the same boxes|shares? .{1,20}?'s (?:profile|design|look|style|shape|feel)|"
                      r"(?:same|similar) (?:kind|sort|type) of (?:thing|stuff|item|product)s? (?:as|to)|more where\b|shares? (?:the |its )?(?:design|look|style|shape|feel) (?:of|with)|"
                      r"(?:could |would |might )?pass(?:es)? for|fits? the (?:mould|mold|bill|profile) of|(?:more|others) of (?:its|this|that(?:'s)?|the same) (?:kind|sort|type|ilk)|"
                      r"the (?:sort|kind|type) of thing i (?:want|like|need|mean|had in mind)|echo(?:es|ing)?(?= the |that |this |#)|'s ilk|"
                      r"(?!(?:this|is|was|does|has|yes|its|his|hers|thus|plus)\b)\w{3,}s like (?=the |that |this |#|number |no\.? )|(?:more|others) of that (?:kind|sort|type)|"
                      r"resembl\w*|comparable to|akin to|alternatives? to|close to (?:the|it|that|this|them)|close to(?= (?:#|number |no\.? |option |item ))|(?:else|more|others?|alternatives?|options?|any|ones) like (?:it|this|that|them)\b|(?:other|more|some|any) \w+ like (?=the |that |this |#|number )|reminiscent of|a twin of|"
                      r"(?:anything|something|any|ones?|items?|products?|stuff|things)? ?simm?ill?i?ar(?! to)|looks? like|(?:of|in) the (?:\w+) (?:kind|style|sort)|"
                      r"(?:another|more) (?:one|ones) like)\b", re.I)
_COMPARE = re.compile(r"\b(?:compare|comparing|compared (?:to|with)|comparison|(?:what'?s|whats|what is) the (?:actual |real |main |big |exact )?difference\b|(?:kindly |please |pls )?advi[sc]e(?: me)?\s*[?.!]*$|hold(?:s)? up (?:next to|against|to)|(?:what'?s|whats|what is) your (?:pick|choice|vote|take)|(?:would|will|is|does) (?:the [\w.&'-]+(?: [\w.&'-]+)?|it|this|that)(?: one)? (?:be |make )?(?:a |an )?(?:\w+ )?(?:step up|upgrade) (?:from|on|over)|put (?:it|this|that|them|the \w+)(?: one)? (?:next to|beside|alongside)|worth the (?:extra|difference|premium|price gap|jump)|(?:what'?s|whats|what is) better|difference between|differences between|diff (?:between|b/w|in)|(?:what'?s|whats) the diff\b|differ(?:s|ent from)?|versus|vs\.?|"
                      r"side by side|head to head|putting (?:them|it|this|that|the \w+)(?: one)? (?:against|next to|beside)|pros and cons|contrast|weigh(?: up)?|stack up|how (?:are|is|do) .{1,40}? (?:different|differ)|"
                      r"(?:what are )?the differences(?=\s*[?.!]*$)|what'?s the difference(?=\s*[?.!]*$)|rank (?:these|those|them)|which of the (?:two|three|four|five|2|3|4|5)|gets? (?:your|the) vote|kaun ?sa|konsa|edges? out|outperforms?|match(?:es)? up|"
                      r"confused (?:b/w|between)|\bb/w\b|sets? (?:\S+ ){1,3}apart|rank (?:all|the) (?:four|4|three|3|two|2)|measures? up (?:to|against)|against each other|(?:tough|hard) call|torn between|"
                      r"can'?t (?:decide|choose) between|(?:stuck|split) between|spec by spec|in a table|(?:lay|set) out (?:all|these|the) (?:four|three|two|\d)|"
                      r"(?:evaluate|assess|rate|judge) (?:these|those|them|all)|which (?:one )?\w+s (?:better|best|longer|nicer|more)|"
                      r"which (?:one )?(?:would|do|can|should) you (?:recommend|suggest|pick|choose)|worth (?:it )?over|"
                      r"which (?:one )?(?:gives|offers|wins|lasts|comes out (?:on )?top)|which (?:one )?(?:should|would|do) (?:i|you) (?:go for|take|order|grab|buy|get)|(?:quick )?(?:breakdown|rundown) of|"
                      r"between (?:it|this|that|them|the \w+|#?\d)(?: one)? and (?:it|this|that|the \w+(?: \w+)?|#?\d)(?: one)?,? (?:which|what|better|best|more|worth)|"
                      r"(?:choose|pick|decide|select) between|(?:pit|put) (?:the \w+ )?against|"
                      r"which(?: one| of (?:these|those|them|the \w+)) ?(?:is|would be|'s|should i (?:get|buy|pick|choose)|do you recommend)"
                      r"(?: the)? ?(?:better|best|cheaper|lighter|bigger|smaller|nicer|more \w+)?|"
                      r"which ?(?:(?:is|would be|'s)(?: the)? ?(?:better|best|cheaper|lighter|bigger|smaller|nicer|more \w+)|should i (?:get|buy|pick|choose)|do you recommend)|"
                      r"(?:better|cheaper),? the \w+ or the \w+|help me decide|where should my money go|if you were me|(?:your |a |the )?verdict on|three[- ]way|"
                      r"back and forth (?:on|between|over)|(?:one|pair|pack|model|version) against|which (?:is|'s) (?:the )?keeper|smarter (?:buy|pick|choice) than|"
                      r"hold up as well as|(?:price )?jump from|(?:most |best |more )?bang for (?:the|your|my) (?:buck|money)|(?:the )?best value|most worth (?:its|the|their) (?:price|money)|"
                      r"line (?:these|those|them|the \w+|all) (?:\w+ )?up|scorecard|price gap between|justif(?:y|ies) the (?:price|gap|difference)|which way should i go|trade-?offs? between|which of the (?:middle|last|first|top|bottom) (?:two|three|2|3))\b", re.I)
_DETAIL = re.compile(r"\b(?:tell me (?:more )?about|more (?:info|information|details) (?:on|about)|details (?:on|of|for|about)|"
                     r"what about|how about|show me|what(?:'s| is) (?:the )?(?:price|rating) of|how much is|is|does|has|can|"
                     r"what (?:colou?rs?|sizes?) does)\b", re.I)
_CHEAPER = re.compile(r"\b(?:(?:cheaper|cheapr|cheeper)(?! (?:one )?of\b)|less expensive|lower[- ](?:priced|cost|end)|entry[- ]level (?=(?:[\w&'-]+ ){0,2}(?:ones|options|models|stuff|versions|range|picks)\b)|(?:the )?budget end|lower prices?|more affordable|too (?:expensive|pricey|costly)|"
                      r"(?:(?:is|'s|are|'re|seems?|looks?|costs?|that|it|way|just|bit|little|tad|bit)\s+|^\s*)too much|"
                      r"bring (?:the price|it|that|prices) down|out of my (?:price )?range|(?:won'?t|doesn'?t|not) break the bank|"
                      r"over my budget|beyond my budget|out of (?:my |the )?budget|(?:over|above) (?:my |the )?budget|can'?t afford|less dear|"
                      r"(?:are|is|seem|seems|looks?) (?:a (?:bit|little) |kind of |quite |rather |too |very )?(?:expensive|pricey|costly|steep)|"
                      r"spend less|(?:under|below|less than) what you (?:showed|suggested|listed)|"
                      r"(?:less|lower|cheaper) than (?=the |that |this |#|number |option )|"
                      r"(?<!bigger-)(?<!higher-)(?<!big-)(?<!high-)(?<!higher )(?<!bigger )(?<!larger )(?<!more )budget(?:[- ]friendly)? (?:options?|picks?|ones?|versions?|alternatives?)|something (?:more )?budget\b|"
                      r"lower (?:budget|price range)|(?:a )?(?:bit|little|tad) (?:too )?much(?: for me)?(?=\s*[?.!]*$)|(?:won'?t|doesn'?t|does not|will not) cost (?:as|so|that) much|"
                      r"(?:under|below|less than|cheaper than) (?:that|this|these|those)(?=\s*[?.!]*$)|(?:beyond|more than) what i (?:want|wanted|'?d like|can afford) to (?:pay|spend)|"
                      r"(?:a )?bargains?(?![- ]basement)|^\s*(?:(?:that|it|they|these|those)(?:'s|'re| is| are)\s+|thats\s+|its\s+)?(?:a bit |kind of |quite |too |very |so |rather |way too )?(?:expensive|pricey|costly|steep)(?=\s*[!.?]*\s*$)|"
                      r"can'?t (?:spend|pay|afford) (?:that|so|this) much|too rich for (?:me|my blood)|beyond my (?:means|pocket)|"
                      r"(?:cut|reduce|lower|bring down) (?:the )?prices?(?! (?:filter|limit|cap|range|to\b))|(?:under|below|less than) what (?:these|those|they|this|that|it) costs?|"
                      r"prices? (?:is|are|seems?|looks?) (?:too |very |quite |a bit |rather )?high|(?:the )?cheap (?:ones|options|stuff|ones please)|save (?:me )?(?:some )?money|economy|value for money|less money|less costly|costs? less|"
                      r"less pricey|not (?:so|as) (?:expensive|pricey|costly|dear)|on a (?:tighter|smaller) budget|save (?:some )?money|"
                      r"inexpensive|economical|(?:pocket|budget|wallet)[- ]friendly|pay less|go (?:a bit |any |a little )?lower|reasonably priced|more reasonable|"
                      r"(?:under|below|less than|lower than) (?:the price of|what) (?=the |that |this )|(?:below|under|beneath|less than|lower than) (?:the )?[\w#]+'s price|"
                      r"(?:below|under) (?:its|that|their) price|a (?:notch|step|cut) (?:below|down from)|(?:go|come|step|move) down a (?:notch|bit|level|step|tier)|"
                      r"a (?:bracket|band|tier|segment|level|price point) (?:below|down from|lower than|under)|at a lower price|cost(?:s|ing)?(?: me| you)? (?:a bit |a little |even )?less than|"
                      r"(?:easier|lighter|kinder|gentler) on (?:the |my )?(?:wallet|pocket)|under ?cuts?|"
                      r"(?:can'?t|cannot|can not|won'?t be able to) (?:stretch|go|reach|manage) (?:to )?(?:these|those|that|this|such) (?:prices?|much)|"
                      r"more than i(?:'?d| would) like to (?:pay|spend)|more than i (?:want|wanted|can|could) (?:to )?(?:pay|spend|afford)|(?:a )?downgrade from|for less\b(?! than)|(?:a )?(?:bit|little|tad|touch) (?:too )?(?:expensive|pricey|costly|steep|dear)(?! (?:ones|options|items|stuff|products)\b)|south of (?=the |that |this |it\b|#)|"
                      r"sast[aeio]|low[- ]cost|thriftier|thrifty|frugal|(?:gentler|kinder|friendlier|softer|lower) price|costs? (?:a bomb|the earth|a fortune|an arm and a leg)|"
                      r"on a shoestring|money(?:'s| is) (?:tight|short)|(?:way |far |a bit )?(?:beyond|out of) (?:me|my reach)|^\s*(?:ugh,? )?steep\b|"
                      r"(?:isse |is se |iske )?kam (?:keemat|kimat|daam|dam|price)|daylight robbery|rip[- ]?off|lesser price|cut[- ]price|pinching pennies|penny[- ]pinch\w*|"
                      r"save (?:a bit|a little|some|some money|money) (?:vs\.?|versus|compared (?:with|to)|over|on)|(?:aren'?t|are not|isn'?t|is not|not) (?:as|so) (?:expensive|pricey|costly|dear) as)\b", re.I)
_PRICIER = re.compile(r"\b(?:more expensive(?! (?:one )?of\b)|more exp[ea]?n[sc]i?ve|costl(?:ie|i|e)r|cost(?:s)? (?:a bit |a little |slightly |somewhat )more\b(?! than)|not (?:so |too |that |very |as )?cheap(?: ones| stuff| options| ones please)?\b(?!er)|^\s*(?:what'?s |whats |anything |something |any |show me (?:what'?s |whats )?)?(?:above|over)(?=\s+(?:the\s+)?x{3,}|\s{2,}|\s*[?.!]*$)|(?:above|over) (?:that|it|this)(?: one)?\s*[?.!]*$|more pricy|(?:bit |little )?costly (?:ones|stuff|options|items)|prici?er(?! (?:one )?of\b)|prem(?:um|iun)|higher (?:on|in) (?:the )?price|step up from (?=it\b|that|this|the\b)|(?:ones?|anythin[g]?|something|stuff|options?|any|items?|pairs?|models?|priced|costing) (?:above|over)(?=\s+(?:the\s+)?x{3,}\b|\s{2,}|\s*[?.!]*$)|higher[- ]end|high[- ]end|premium|fancier|better(?:[- ]quality| ones| made)|"
                      r"higher[- ]quality|top[- ](?:of[- ]the[- ]line|end|tier|shelf)|luxury|luxurious|upmarket|nicer ones?|"
                      r"a step up|step it up|upgrade|splurge|more upscale|classier|higher[- ]priced|(?:something|anything|ones?) (?:a bit |a little )?nicer|"
                      r"(?:looks?|looking|seems?|are|is|feels?) (?:a bit |kind of |rather |very )?(?:too )?cheap(?:ly made)?\b(?!er)|too cheap\b(?!er)|top of the range|higher price (?:range|point|bracket|segment)|(?:the )?(?:more )?expensive ones|"
                      r"too (?:basic|plain|low[- ]end|budget)|deluxe|meh(?:e)?nge?(?: wale| waale)?|mehe?ng[ai]|ritz(?:y|ier)|spendy|steeper[- ]priced|bigger[- ]budget|"
                      r"(?:heavier|harder) on the (?:wallet|pocket)|(?:past|beyond|above|over) (?=the |that |this |it\b|#|x{3,})(?=.{0,40}price[- ]?wise)|cost(?:s|ing)?(?: me| you)? (?:a bit |a little |even )?more than|higher[- ]range|high[- ]range|better[- ]range|high[- ]budget|"
                      r"a (?:bracket|band|tier|segment|level|price point) (?:above|up from|higher than)|next (?:price )?(?:segment|bracket|band|tier)(?: up)?|at a higher price|big[- ](?:spenders?|ticket)|spendier|(?:more )?lavish|swank(?:y|ier)|(?:upper|top) end|"
                      r"(?:next|higher) price (?:bracket|band|tier|range)(?: up)?|set (?:you|me|one) back (?:a (?:bit|little|lot) )?more|"
                      r"(?:are|is|look|looks|seem|seems) (?:all |a bit |too |very |kind of |so |really )?(?:entry[- ]level|low[- ]end|bargain[- ]basement)|"
                      r"(?:don'?t mind|happy|willing|ready|ok|okay) (?:paying|to pay|spending|to spend) (?:more |extra )?for (?:something|one|ones|a|an) (?:sturdier|better|nicer|stronger|more durable|higher[- ]quality|premium|classier)|"
                      r"make (?:the |that |this )?[\w&'.-]+(?: one)? look cheap|priced (?:above|over|higher than|more than) (?=the |that |this |it\b|its\b|#)|north of (?=the |that |this |it\b|#)|"
                      r"(?:the )?(?:posh|fancy|classy|upscale|swanky|luxe) (?:ones|stuff|options|range|versions?)|(?:go|come|step|move|kick it|take it) up a (?:notch|bit|level|step|tier|gear)(?: in price)?|up a (?:notch|level|tier)|a tier (?:up|above)|"
                      r"a (?:level|grade|class) (?:up|above)|more exclusive|(?:above|over|higher than|more than|beyond|past) (?:the )?[\w#]+(?: one)?'s price|"
                      r"(?:what'?s|anything|something|ones?) (?:above|over) (?:it|that|this)(?: one)? in price|(?:above|over) (?:it|that) in price|"
                      r"(?:go|pay|spend|going|paying) (?:a bit |a little )?(?:higher|more) than (?=the |that |this |it\b|its\b|#)|more special|best quality|the best (?:you have|you've got|one you have)|pro[- ](?:grade|level|quality)|"
                      r"(?:professional|commercial)[- ]grade|costlier|(?:the )?expensive (?:stuff|options)|(?:above|over|more than) (?:these|those|their|the shown) prices?|"
                      r"higher[- ]tier|(?:a )?higher (?:standard|grade|class|spec)|top[- ]notch|something (?:more )?(?:fancy|posh|classy|upscale)|posher|"
                      r"a better (?:model|one|version|pair)|\bstep up(?:\s+(?:pls|please|plz))?(?=\s*[?.!]*$)|higher[- ]budget|more pricey|a (?:notch|step|cut) (?:above|up from)|above the price of|(?:more|higher) than the price of|flagships?|spend more (?:on|for) (?:something |a |an )?(?:good|better|nicer|quality|premium)|more high[- ]quality|"
                      r"(?:something|anything|ones?) (?:of )?(?:higher|better|high|top) quality|more costly|costs? more|dearer(?! (?:one )?of\b)|"
                      r"high[- ]ticket|shell(?:ing)? out (?:a bit |a little )?more|(?:zyada|jyada|zada) (?:daam|dam|keemat|kimat|paise)|(?:further |higher )?up the (?:range|price ladder|ladder)|"
                      r"climb the price ladder|bougie|boujee|invest(?:ing)? (?:a bit |a little |some )?more|(?:heftier|hefty|bigger|higher) price ?tags?|higher[- ]calibre|higher[- ]caliber|"
                      r"(?:the )?price going up|upwards of|sells? for more than|tops (?=the |that |this |#)|(?:go|going|move|moving) up in price|(?:what|how much) more money|more money gets|"
                      r"(?:price[- ]?wise|in price) higher|higher th[ae]n (?=the |that |this |#|no\.? ?\d|number )|(?:more )?high[- ]priced|"
                      r"(?<!from )(?<!by )(?<!like )(?:posh|swanky|luxe)(?! brand)|(?:anything|any|some|something) (?:more )?(?:fancy|classy|upscale)|go(?:es)? for more than|(?:not|less) (?:as |so )?cheap (?:as|than)|higher (?:rate|mrp|sticker price|price tag) than|bigger outlay|more indulgent|"
                      r"exceeds? the price of|outprices?|surpass(?:es)? (?=.{1,30} in price)|pay (?:a bit |a little )?extra compared (?:with|to)|(?:go|going) higher than|"
                      r"more than what (?=.{1,30} costs)|(?:isse|is se|iske) upar|(?:the )?expensive side|(?:isn'?t|is not|not) (?:upscale|premium|fancy|posh|classy|high[- ]end|nice) enough)\b", re.I)
_SORT = [
    (re.compile(r"\b(?:cheapest|lowest price[ds]?|least expensive|lowest cost|(?:sort|order|rank)(?:ed)? by (?:the )?(?:price|cost)(?:,? (?:low(?:est)? to high(?:est)?|ascending))?|price(?:,)? low to high)\b", re.I), "price_asc"),
    (re.compile(r"\b(?:most expensive|highest price[ds]?|priciest|(?:sort|order)(?:ed)? by (?:the )?price,? high(?:est)? to low(?:est)?|price(?:,)? high to low)\b", re.I), "price_desc"),
    (re.compile(r"\b(?:best[- ]rated|top[- ]rated|highest[- ]rated|best reviewed|best reviews|most popular|(?:sort|order|rank)(?:ed)? by (?:the )?(?:rating|reviews?|stars?))\b", re.I), "rating"),
]
_AGAIN = re.compile(r"\b(?:same again|the same (?:search|ones|thing|results)|same (?:search|results) again|again,? (?:please|pls|plz)|once more|"
                    r"repeat (?:that|the (?:search|results))|show (?:me )?(?:that|those|them) again|search again)\b", re.I)
_IN_STOCK = re.compile(r"\b(?:in stock|available now|ships? (?:now|today)|available today|ready to ship)\b", re.I)
_SHOPPING = re.compile(r"\b(?:looking for|look(?:ing)? at|need|want|recommend|suggest|show me|find(?: me)?|buy|shopping for|get me|"
                       r"searching for|search for|do you (?:have|sell|carry|stock)|have you got|got any|any|options?|best|i'?d like|"
                       r"interested in|in the market for|gift|present)\b", re.I)
_NEW_SUBJECT = re.compile(r"\b(?:(?:i )?also (?:need|want)|now (?:i (?:need|want)|show me|(?:i'?m |i am )?looking for)|"
                          r"(?:what|how) about (?:a|an|some)|(?:switching|moving|changing) to|different (?:topic|thing)|"
                          r"something (?:different|else entirely)|(?:i'?m |i am )(?:also )?looking for (?:a|an|some)|"
                          r"(?:i )?need (?:a|an|some)|(?:i )?want (?:a|an|some)|do you (?:have|sell|carry) (?:a|an|any|some)|"
                          r"let'?s (?:look at|try)|instead,? (?:a|an|some))\b", re.I)
_GIFT = re.compile(r"\b(?:gifts?|presents?|something)\s+for\s+(?:my\s+|a\s+|our\s+)?(?P<who>[a-z']+)"
                   r"(?:[^.?!]*?\b(?:who|that|he|she|they)\s+(?:really\s+)?(?:likes?|loves?|enjoys?|is into|are into|is crazy about|collects?)\s+(?P<interest>[a-z][a-z \-]{1,40}?))?"
                   r"(?=\s+(?:under|below|for|less|around|about|within|up to|with|and|but)\b|[,.?!]|$)", re.I)
# "what could I get my dad? he's mad about cooking": a gift asked for without the word
_GIFT_ASKED = re.compile(r"\b(?:what|which|anything)\s+(?:could|should|can|shall|would|might)\s+(?:i|we)\s+(?:get|buy|give|gift)\s+(?:for\s+)?(?:my|our)\s+(?P<who>[a-z']+)"
                         r"(?:[^!]*?\b(?:who|he|she|they)(?:'s|'re| is| are)?\s+(?:really\s+)?(?:likes?|loves?|enjoys?|into|mad about|crazy about|obsessed with|collects?)\s+"
                         r"(?P<interest>[a-z][a-z \-]{1,40}?))?(?=\s*[,.?!]|\s*$|\s+(?:under|below|for|within)\b)", re.I)
_GIFT_WORD = re.compile(r"(?<!\bat )\b(?:gifts?|presents?)\b(?!\s*(?:wrap\w*|cards?|vouchers?|receipts?|messages?|notes?|box(?:es)?|bags?|options? at checkout))", re.I)
_FAQ_WORDS = re.compile(
    r"\b(?:ship(?:s|ping|ped)?|deliver(?:y|ies|ed)?|dispatch|return(?:s|ing)?|refund(?:s|ed)?|exchange|warrant(?:y|ies)|guarantee|"
    r"payment|pay (?:with|by|via|using|on delivery|in (?:installments|cash))|(?:how|can) (?:can |do )?i pay|paypal|upi|emi|installments?|credit card|debit card|cash on delivery|cod|order(?:s|ed)? status|my order|"
    r"track(?:ing)?|(?<!noise )(?<!noise-)cancel(?:l?ation|l?ed|ling)?|account|password|log ?in|sign ?(?:in|up)|privacy|personal data|gift card|voucher|"
    r"store hours|opening hours|size (?:guide|chart)|sizing|polic(?:y|ies)|coupons?|discount codes?|discounts?|offers? (?:on|for) (?:these|those|this|that|them|it)|promo(?: code)?|invoice|"
    r"do you (?:do |offer |provide )?(?:install(?:ation)?|assembly|fitting)|installation services?|"
    r"customer service|contact you|phone number|email address|damaged|defective|missing item|wrong item)\b",
    re.I,
)
_KEEP_BUDGET = re.compile(r"\b(?:(?:the )?same (?:budget|price(?: range| limit| bracket)?|limit|cap|ceiling|max(?:imum)?)|(?:in|within) (?:that|this|the same) (?:price )?(?:range|bracket|budget)|keep(?:ing)? (?:the |my |that )?(?:budget|price(?: range| limit)?|limit)|"
                          r"(?:budget|price limit) (?:stays|still stands|is the same))\b", re.I)
_PARTS = re.compile(r"[?.!;]+\s+|\s+(?:and )?also\s+|\s+plus\s+", re.I)
_FIT_QUESTION = re.compile(r"\bhow (?:do|does|will) (?:\w+ ){0,3}(?:fit|run)\b|\bwhat size should\b|\btrue to size\b", re.I)
_QUESTION = re.compile(r"^(?:how|what|when|where|why|who|can|could|do|does|did|is|are|will|would|should|may)\b", re.I)
_REFERS = re.compile(r"\b(?:these|those|them|they|this one|that one|it|its|the (?:first|second|third|fourth|fifth|last|top|cheapest|priciest|"
                     r"most expensive)(?: one)?|the \w+ one|(?:#|number |no\.? ?|option |item )\d)\b", re.I)
_ORDINALS = {"first": 1, "1st": 1, "top": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "last": -1, "final": -1, "bottom": -1,
             # shoppers' typos ("secnd vs thrid")
             "frist": 1, "fisrt": 1, "secnd": 2, "seccond": 2, "scond": 2, "thrid": 3, "thrd": 3, "fourht": 4, "foruth": 4}
_ORDINAL = re.compile(r"(?<!cheapest )(?<!lowest )(?<!highest )(?<!expensive )(?<!rated )(?<!newest )(?<!priced )(?<!\bmy )(?<!\bour )\b(?:the\s+)?(first|1st|top|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|last|final|bottom|frist|fisrt|secnd|seccond|scond|thrid|thrd|fourht|foruth)(?!\s+of\s+the\s+(?:range|line)|[- ]notch|\s+(?:batch|set|lot|round|page|thoughts?|opinion|look|time|longer|as long)\b)(?:\s+(?:one|item|option|product|two|three))?\b"
                      r"|(?:#|\bnumber\s+|\bno\.?\s*|\boption\s+|\bitem\s+|\bproduct\s+)(\d|one|two|three|four|five|six)\b", re.I)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "the second to last", "the penultimate one", "the last but one": the one before the last
_BEFORE_LAST = re.compile(r"\b(?:(?:the\s+)?(?:second|2nd)[- ](?:to[- ]|from[- ](?:the[- ])?)?last|(?:the\s+)?penultimate|(?:the\s+)?last but one|"
                          r"(?:the\s+)?next[- ]to[- ]last|(?:the\s+)?one before (?:the\s+)?last)(?:\s+(?:one|item|option|product))?\b", re.I)
_LAST_N = re.compile(r"\b(?:the\s+)?(?:last|bottom|final)\s+(two|three|2|3)\b", re.I)
# "compare the two cheapest", "the 2 most expensive": the shown items of those prices
_PRICE_N = re.compile(r"\b(?:the\s+)?(two|three|2|3)\s+(cheapest|least expensive|most expensive|priciest|dearest|costliest|top[- ]priced|highest[- ]priced|lowest[- ]priced)\b|"
                      r"\b(?:the\s+)?(cheapest|priciest|most expensive)\s+(two|three|2|3)\b|"
                      r"\b(?:the\s+)?(cheaper|less expensive|lower[- ]priced|pricier|more expensive|dearer|costlier|higher[- ]priced)\s+(two|three|2|3)\b(?!\s*(?:hundred|thousand|grand|k\b))", re.I)
_FIRST_N = re.compile(r"\b(?:the\s+)?(?:first|top)\s+(two|three|2|3)\b", re.I)
_NAMED_BRAND = re.compile(r"\b(?:from|by|made by|brand)\s+([A-Z][\w&'-]+)|\b([A-Z][\w&'-]+)\s+brand\b")
_SIZE = re.compile(r"\bsize\b\s*:?\s*([a-z0-9.]+(?:\s*x?l)?)\b|\b(xxs|xs|xxl|xxxl|xl)\b", re.I)
_SIZE_WORDS = {"small": "s", "medium": "m", "large": "l", "extra large": "xl", "extra small": "xs"}
_STOP = frozenset(
    "i im i'm me my mine we our a an the for some any please show want need looking look find something anything else other "
    "options one ones more less much many under below over above between and or to of in on at with without not no is are "
    "was be been it this that these those them they there here do does did you your have has had can could would should "
    "will shall like just also maybe perhaps now then ok okay thanks thank actually instead rather only but what which how "
    "about around from by get got give see let lets let's really very quite too so still even if would love prefer "
    "price budget cost dollars usd rupees rs inr bucks cheap cheaper expensive good nice best great new kind sort "
    "hi hello hey yes yeah yep sure well um uh oh try again same thing stuff item items product products "
    "pls plz plzz pleasee tbh thx hmm hmmm than said told mentioned version versions variant variants couple few "
    "results suggestions choices models selection list lot set variety picks alternatives recommendations different "
    "bargain bargains deal deals".split()
)
_WORD = re.compile(r"[a-z][a-z'-]*")


@dataclass
class Reading:
    """What the rules made of one message."""

    route: Route
    operations: list[Operation] = field(default_factory=list)
    sure: bool = True
    notes: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    soft_words: list[str] = field(default_factory=list)


# --- small readers -------------------------------------------------------------------------------


def amount(number: str, thousands: str | None) -> float:
    value = float(number.replace(",", ""))
    return value * 1000 if thousands else value


def is_smalltalk(text: str) -> bool:
    words = re.findall(r"[a-z']+", text.lower())
    return 0 < len(words) <= 8 and all(w in _SMALLTALK_WORDS for w in words) and bool(_SMALLTALK_START.match(words[0]))


_UNITS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPOKEN = re.compile(
    rf"\b(?P<n>(?:{_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|a|an|two|three|four|five|six|seven|eight|nine|ten|"
    rf"eleven|twelve|fifteen|\d+(?:\.\d+)?)\s*(?P<m>hundred|grand|thousand|lakhs?|lacs?)\b"
    rf"|\b(?P<cue>under|below|than|around|about|max|upto|up to|within|over|above|budget|spend|pay)\s+(?P<t>(?:{_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b"
    rf"(?!\s*(?:percent|%|people|years|minutes|items|pieces))",
    re.I,
)
_MULTIPLIER = {"hundred": 100, "grand": 1000, "thousand": 1000, "lakh": 100000, "lakhs": 100000, "lac": 100000, "lacs": 100000}


def _spoken_number(words: str) -> float:
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words)
    return float(sum(_UNITS[w] for w in re.split(r"[- ]", words.lower()) if w in _UNITS))


def spoken_amounts(text: str) -> str:
    """Amounts said in words as digits: "under a grand" → "under 1000", "two hundred" → "200",
    "1.5 lakh" → "150000", "under fifty" → "under 50"."""
    def digits(m: re.Match) -> str:
        if m.group("t"):
            return f"{m.group('cue')} {_spoken_number(m.group('t')):g}"
        value = _spoken_number(m.group("n")) * _MULTIPLIER[m.group("m").lower()]
        return f"{value:.0f}" if value == int(value) else f"{value:g}"
    return _SPOKEN.sub(digits, text)


_TAKEN_BACK = re.compile(rf"(?<=[\s,])(?:not|instead of|rather than)\s+{_NUM}(?!\s*(?:max|tops|or (?:more|less)))", re.I)


def price_operations(text: str) -> tuple[list[Operation], list[tuple[int, int]]]:
    """Price bounds the message states, and the spans they occupy."""
    ops: list[Operation] = []
    # "700, not 1000", "1200 instead of 1500": the figure taken back states no bound
    spans = [m.span() for m in _TAKEN_BACK.finditer(text)]
    if spans and not re.search(r"\d", "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(text))):
        spans = []

    def free(m: re.Match) -> bool:
        return not any(s < m.end() and m.start() < e for s, e in spans)

    for kind, pattern in _PRICE_PATTERNS:
        for m in pattern.finditer(text):
            if not free(m):
                continue
            tail = text[m.end():m.end() + 12].lower()
            if not re.search(r"[$₹€£]|\d\s*k\b|rs\b|rupees?|bucks|dollars?|inr|usd", m.group(0), re.I) and re.match(
                    r"\s*(?:stars?|\+|%|percent|gb|tb|mah|w\b|watts?|inch|in\b(?=\s*(?:$|[^a-z\s]|tvs?\b|screens?|monitors?|displays?|x\b))|cm|mm|ml|l\b|kg|g\b|pack|pcs|people|years?|yrs?|months?|mos?|days?|weeks?|wks?|minutes?|mins?|hours?|hrs?|"
                    r"houses?|homes?|guests?|famil(?:y|ies)|friends?|persons?|cups?|times?|neighbou?rs?|kids|members)", tail):
                continue  # "4 stars", "32 inch", "2 pack": not money
            if re.match(r"\s*(?:more|extra)\b(?!\s+than)", tail):
                continue  # "what do I get for 300 more": a difference between items, not a bound
            words = m.group(0)
            if kind == "max" and words.lower().startswith("for") and not re.search(r"[$₹€£]|\d{2,}|dollars?|rupees?|bucks|rs|k\b", words, re.I):
                continue  # "for 2" is not a budget
            if kind in ("between", "range"):
                low, high = amount(m.group(1), m.group(2)), amount(m.group(3), m.group(4))
                if m.group(4) and not m.group(2) and low * 1000 <= high:
                    low *= 1000  # "3-4k": thousands, both
                if kind == "range" and not re.search(r"[$₹€£]|dollars?|rupees?|bucks|rs\.?|usd|inr|price|budget|cost", text, re.I) and high < 10:
                    continue
                ops += [Operation(op="add", facet="min_price", value=min(low, high), words=words),
                        Operation(op="add", facet="max_price", value=max(low, high), words=words)]
            elif kind == "around":
                value = amount(m.group(1), m.group(2))
                ops += [Operation(op="add", facet="min_price", value=round(value * 0.8, 2), words=words),
                        Operation(op="add", facet="max_price", value=round(value * 1.2, 2), words=words)]
            else:
                value = amount(m.group(1), m.group(2))
                ops.append(Operation(op="add", facet="max_price" if kind == "max" else "min_price", value=value, words=words))
            spans.append((m.start(), m.end()))
    return ops, spans


_RATHER_THAN = re.compile(r"\b(?:rather|prefer(?:ably)?|sooner|go (?:with|for)|pick|choose|take|better|nicer)\b[^,.;!?]{1,40}?\b(than|over(?!\s*(?:[$₹€£]|\d|budget|my|the (?:budget|limit))))\b", re.I)


def negated_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges a negation reaches: from its cue to the end of the clause. A clause
    word right after the cue is part of it ("not in yellow", "no, show"): the reach ends at
    the first one after what the negation names. In "rather JBL than boAt" ("prefer X over
    Y") the reach starts at "than"."""
    cues = [m.span() for m in _NEGATION.finditer(text)] + _rather_than_cues(text)
    return _reach(text, cues)


def dispreferred_spans(text: str) -> list[tuple[int, int]]:
    """The reach of "than" / "over" alone in "rather JBL than boAt", "prefer Boult over JBL":
    a value there is one the shopper likes less, not one they forbid."""
    return _reach(text, _rather_than_cues(text))


# "is it any better than the other black one?" asks; it states no preference
_ASKS_IF = re.compile(r"\b(?:is|are|was|were|will|would)\s+(?:it|this|that|they|these|those|the \w+)(?: one)?\s+(?:any |really |much |even |actually )?$", re.I)


def _rather_than_cues(text: str) -> list[tuple[int, int]]:
    """The "than" / "over" of a stated preference ("rather JBL than boAt"), not of a question."""
    return [m.span(1) for m in _RATHER_THAN.finditer(text) if not _ASKS_IF.search(text[:m.start()])]


def _reach(text: str, cues: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for start, cue_end in sorted(cues):
        m = _Span(start, cue_end)
        end = len(text)
        pos = m.end()
        while True:
            stop = _SCOPE_END.search(text, pos)
            if stop is None:
                break
            if not text[m.end():stop.start()].strip() and stop.group(0).isalpha():
                pos = stop.end()  # "not in ...": keep reading
                continue
            end = stop.start()
            break
        spans.append((m.start(), end))
    return spans


@dataclass(frozen=True)
class _Span:
    a: int
    b: int

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b


def _is_negated(m: Mention, text: str, spans: list[tuple[int, int]]) -> bool:
    if any(s <= m.start < e for s, e in spans):
        return True
    return bool(_POST_NEGATION.match(text[m.end:]))


_NUMBER_LIST = re.compile(r"(?:#|\b(?:options?|items?|products?|numbers?|nos?\.?)\s*)(\d)((?:\s*(?:,|and|&|or|vs\.?|versus|with|to)\s*(?:#|(?:options?|items?|numbers?)\s*)?\d\b)*)", re.I)
_OF_THE = re.compile(r"\bthe (cheaper|cheapest|less expensive|lower[- ]priced|pricier|priciest|more expensive|most expensive|dearer|dearest|costliest)"
                     r"(?: one)? of\b", re.I)
_BARE_PAIR = re.compile(r"(?<![\w$₹€£.,])([1-9])\s*(?:,|and|&|or|ya|vs\.?|versus|v|n|with|to|apart from)\s*([1-9])(?![\w.,%])", re.I)
_ONLY_PAIR = re.compile(r"^\s*(?:#|no\.? ?)?[1-9]\s*(?:or|vs\.?|versus|v|n|and|&)\s*(?:#|no\.? ?)?[1-9]\s*[?!]*"
                        r"(?:\s*(?:pls|please|plz|diff|difference|which(?: one)?|which is better|compare)\s*[?!]*)*\s*$", re.I)
# "the <words> one", tried at every "the", so that
# "the lines of the bronze one" reaches "the bronze one"; coordinated names ("the chrome and the black
# ones") are tried one by one. The item words are extended by the current kind ("the bronze faucet").
_ITEM_WORDS = r"one|model|pair|version|option|item"
_X_PART_SPLIT = re.compile(r"\s*(?:,|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*(?:the\s+)?|\s+(?:of|in|to)\s+the\s+", re.I)


def referents(text: str, state: DialogueState, facets: Facets) -> tuple[list[int], list[tuple[int, int]]]:
    """Positions (1-based; -1 = last) of shown products the message points at, in the order
    it names them, and the spans of the words that name them (a brand in "the Veloxa one"
    points at a product; it is not a brand filter)."""
    if not state.shown:
        return [], []
    found: list[tuple[int, int]] = []  # (where in the text, position)
    spans: list[tuple[int, int]] = []
    _groups_named(text, state, found, spans)
    if _COMPARE.search(text) or _ONLY_PAIR.match(text):
        _compared_pairs(text, state, found, spans)
    for m in _ORDINAL.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if re.search(r"\s(?:one|item|option|product)$", m.group(0), re.I):
            spans.append((m.start(1) if m.group(1) else m.start(), m.end()))  # "the top one" names no type Top
        position = _ORDINALS[m.group(1).lower()] if m.group(1) else _NUMBER_WORDS.get(m.group(2).lower()) or int(m.group(2))
        found.append((m.start(), position))
    for m in _SIDE.finditer(text):
        found.append((m.start(), 1 if (m.group(1) or m.group(2)).lower() == "left" else -1))
        spans.append(m.span())
    _items_by_price(text, state, found, spans)
    _the_other_one(text, state, found, spans)
    found = _picked_by_price(text, state, found, spans)
    _items_by_words(text, state, facets, found, spans)
    pronoun = _FOCUS_PRONOUN.search(text)
    if found and pronoun and state.focus and (_COMPARE.search(text) or (
            _AGAINST_FOCUS.search(text) and not _CHEAPER.search(text) and not _PRICIER.search(text))):
        # "between it and the third, which ...", "does the 4th one beat it?": the item in focus and the one named
        found.append((pronoun.start(), next((i for i, s in enumerate(state.shown, 1) if s.id == state.focus), 1)))
    if not found and re.search(r"\b(?:this|that|it)(?: one)?\b|\b(?:isse|iske|isko|is se)\b", text, re.I) and state.focus:
        found.append((0, next((i for i, s in enumerate(state.shown, 1) if s.id == state.focus), 1)))
    ordered = []
    for _, position in sorted(found, key=lambda f: f[0]):
        if position not in ordered and state.shown_at(position) is not None:
            ordered.append(position)
    return ordered, spans


_FOCUS_PRONOUN = re.compile(r"\b(?:it|this one|that one|ths one|(?:this|that)(?=\s+(?:vs\.?|versus|against|compared? (?:to|with)|compares? (?:to|with)|with the|next to|beside|alongside)\s)|the one you (?:just )?(?:described|mentioned|showed me|told me about|suggested|recommended))\b", re.I)
# Words that set the item in focus against another one named beside it.
_AGAINST_FOCUS = re.compile(r"\b(?:(?:healthier|stronger|tastier|sturdier|comfier|softer|louder|quieter|lighter|heavier|smoother|warmer|faster|nicer|longer-lasting) than|better|beats?|outperforms?|superior|fares?|trade-?offs?|worth (?:paying |spending )?(?:extra|more)|last longer|"
                            r"have anything on|stick with|leaning towards|tempting|vs\.?|versus|against|or (?:the|that|this|it)\b|(?:you )?pick\b)", re.I)


def _groups_named(text: str, state: DialogueState, found: list, spans: list) -> None:
    """"the first two", "the last two", "the two cheapest", "the second to last", "#1 and #3"."""
    first_n = _FIRST_N.search(text)
    if first_n:
        n = {"two": 2, "three": 3}.get(first_n.group(1).lower()) or int(first_n.group(1))
        found += [(first_n.start(), p) for p in range(1, min(n, len(state.shown)) + 1)]
        spans.append(first_n.span())
    last_n = _LAST_N.search(text)
    if last_n:
        n = min({"two": 2, "three": 3}.get(last_n.group(1).lower()) or int(last_n.group(1)), len(state.shown))
        found += [(last_n.start(), p) for p in range(len(state.shown) - n + 1, len(state.shown) + 1)]
        spans.append(last_n.span())
    by_price = _PRICE_N.search(text)
    priced_items = sorted((s.price, i) for i, s in enumerate(state.shown, 1) if s.price is not None)
    if by_price and priced_items:
        word = (by_price.group(1) or by_price.group(4) or by_price.group(6)).lower()
        n = {"two": 2, "three": 3}.get(word) or int(word)
        dearest = re.search(r"most|prici|dear|costl|more exp|higher|highest|top", by_price.group(0), re.I)
        picked = [i for _, i in (priced_items[::-1] if dearest else priced_items)[:n]]
        found += [(by_price.start(), p) for p in sorted(picked)]
        spans.append(by_price.span())
    for m in _BEFORE_LAST.finditer(text):
        found.append((m.start(), -2))
        spans.append(m.span())
    middle = _MIDDLE_N.search(text)
    if middle and len(state.shown) >= 3:
        n = 1 if middle.group(1).lower() in ("one", "1") else 2
        first = (len(state.shown) - n) // 2 + 1
        found += [(middle.start(), p) for p in range(first, first + n)]
        spans.append(middle.span())
    _shared_attribute_group(text, state, found, spans)
    for m in _NUMBER_LIST.finditer(text):
        found += [(m.start(), int(d)) for d in re.findall(r"\d", m.group(0))]
        spans.append(m.span())


_SIDE = re.compile(r"\bthe one on the (?:far |very )?(left|right)\b|\bthe (?:far |very )?(left|right)(?:[- ]?most|[- ]hand)? one\b", re.I)
_THE_OTHER = re.compile(r"\bthe other (?:([\w&'-]+) )?(?:one|pair|item|model|pack|option|version)\b", re.I)


def _the_other_one(text: str, state: DialogueState, found: list, spans: list) -> None:
    """"is it any better than the other black one?": the one shown item, besides the one in
    focus, with that brand or colour (or the only other one)."""
    focus = next((i for i, s in enumerate(state.shown, 1) if s.id == state.focus), None)
    m = _THE_OTHER.search(text)
    if not m or focus is None:
        return
    others = [p for p in (_shown_with_name(key(m.group(1)), state) if m.group(1) else range(1, len(state.shown) + 1)) if p != focus]
    if len(others) == 1:
        found += [(m.start(), others[0]), (m.start(), focus)]
        spans.append(m.span())


def _shown_with_name(words: str, state: DialogueState) -> list[int]:
    """Positions of the shown items whose brand or colour is `words` (a key), or whose brand
    starts with it ("tata" for Tata Tea)."""
    return [i for i, shown in enumerate(state.shown, 1)
            if words in {key(shown.brand or ""), key(shown.color or "")} or (len(words) >= 3 and key(shown.brand or "").startswith(words + " "))]


def _shown_at_price(price: float, state: DialogueState, exact: bool) -> list[int]:
    """Positions of the shown items at `price`: to the cent, or within one unit."""
    tolerance = 0.005 if exact else 1
    return [i for i, s in enumerate(state.shown, 1) if s.price is not None and abs(s.price - price) < tolerance]


_MIDDLE_N = re.compile(r"\b(?:the\s+)?middle\s+(two|one|2|1)\b", re.I)
_GROUP_BY_NAME = re.compile(r"\b(?:the|both|those|these)\s+(two|three|2|3)\s+((?:[\w&'-]+\s+){0,2}?[\w&'-]+)\s+"
                            r"(?:ones|pairs|packs|items|models|options|products|versions|bottles|picks)\b", re.I)


def _shared_attribute_group(text: str, state: DialogueState, found: list, spans: list) -> None:
    """"of the two black pairs", "the two Tata Tea packs": the shown items that share that brand
    or colour, when there are exactly that many."""
    for m in _GROUP_BY_NAME.finditer(text):
        n = {"two": 2, "three": 3}.get(m.group(1).lower()) or int(m.group(1))
        words = key(m.group(2))
        named = _shown_with_name(words, state)
        if len(named) == n:
            found += [(m.start(), p) for p in named]
            spans.append(m.span())


def _compared_pairs(text: str, state: DialogueState, found: list, spans: list) -> None:
    """When asked to compare: bare positions ("compare 1 and 3", "which is better 2 or 4", "1 or
    2?", "three-way: 1, 2 and 4"), and brands or colours that name one shown item each ("compare
    boAt and Boult", "back and forth on the black and the pink")."""
    for m in _BARE_PAIR.finditer(text):
        pair = [int(m.group(1)), int(m.group(2))]
        if not _overlaps(*m.span(), spans) and all(p <= len(state.shown) for p in pair):
            found += [(m.start(), pair[0]), (m.start(2), pair[1])]
            spans.append(m.span())
            more = _MORE_OF_LIST.match(text, m.end())
            if more and int(more.group(1)) <= len(state.shown):
                found.append((more.start(1), int(more.group(1))))
                spans.append(more.span())
    for m in _WORD_LIST.finditer(text):
        if not _overlaps(*m.span(), spans):
            found += [(m.start(), _NUMBER_WORDS[w.lower()]) for w in re.findall(r"one|two|three|four|five|six", m.group(0), re.I)]
            spans.append(m.span())
    for m in re.finditer(r"\bthe (?:[$₹]\s*|rs\.?\s*)?(\d[\d,]*(?:\.\d+)?)\b(?!\s*(?:%|mah|w\b|gb|ml|kg|g\b))", text, re.I):
        # "compare the 1299 and the 999 ones": shown prices name their items
        price = float(m.group(1).replace(",", ""))
        at = _shown_at_price(price, state, exact=True)
        if price >= 10 and len(at) == 1 and not _overlaps(*m.span(), spans):
            found.append((m.start(), at[0]))
            spans.append(m.span())
    for m in _ALL_WITH.finditer(text):
        # "compare the black ones", "compare both Tata Tea packs": every shown item with that brand or colour
        words = key(m.group(1))
        named = _shown_with_name(words, state)
        if len(named) >= 2 and not _overlaps(*m.span(), spans):
            found += [(m.start(), p) for p in named]
            spans.append(m.span())
    for attribute in ("brand", "color"):
        names = [(getattr(s, attribute) or "").lower() for s in state.shown]
        for i, name in enumerate(names, 1):
            if not name or names.count(name) > 1:
                continue
            for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text.lower()):
                if not _overlaps(*m.span(), spans):
                    found.append((m.start(), i))
                    spans.append(m.span())


_WORD_LIST = re.compile(r"\b(?:options?|items?|numbers?|nos?\.?)\s+(?:one|two|three|four|five|six)"
                        r"(?:\s*(?:,|and|&|or|vs\.?|versus|with|to)\s*(?:(?:options?|items?|numbers?)\s+)?(?:one|two|three|four|five|six)\b)+", re.I)
_ALL_WITH = re.compile(r"\b(?:the|both|both the|those|these)\s+((?:[\w&'-]+\s+){0,2}?[\w&'-]+)\s+(?:ones|pairs|packs|items|models|options|versions)\b", re.I)
# the third of "1, 2 and 4"
_MORE_OF_LIST = re.compile(r"\s*(?:,|and|&|or)\s*(?:#|no\.? ?)?([1-9])(?![\w.%]|,\d)", re.I)


_PRICE_NAMED = re.compile(r"\bthe (?:[$₹]\s*|rs\.?\s*)?(\d[\d,]*(?:\.\d+)?)(?:\s*(?:rupees?|rs\.?|dollars?|bucks|/-))?[- ](?:one|pair|item|option|model|version|pack)s?\b|"
                          r"\bthe one (?:for|at|priced at|costing|that costs|that'?s)\s*(?:[$₹]\s*|rs\.?\s*)?(\d[\d,]*(?:\.\d+)?)\b", re.I)


def _items_by_price(text: str, state: DialogueState, found: list, spans: list) -> None:
    """"the 999 one", "the ₹599 pair", "the one for 250": the shown item at that price."""
    for m in _PRICE_NAMED.finditer(text):
        price = float((m.group(1) or m.group(2)).replace(",", ""))
        # the exact price first ("the 196.99 one" beside a 197.95 one), else one within a unit ("the 197 one")
        at = _shown_at_price(price, state, exact=True) or _shown_at_price(price, state, exact=False)
        if len(at) == 1 and not _overlaps(*m.span(), spans):
            found.append((m.start(), at[0]))
            spans.append(m.span())


def _picked_by_price(text: str, state: DialogueState, found: list, spans: list) -> list:
    """"the cheaper of the first two", "the pricier of 1 and 3", "the cheapest one", "the priciest":
    the item picked by its price among those named (or all shown); the positions found, updated."""
    lowered = text.lower()
    priced = [(s.price, i + 1) for i, s in enumerate(state.shown) if s.price is not None]
    of = _OF_THE.search(text)
    if of and priced:
        pool = {p for at, p in found if at >= of.start()} or {p for _, p in priced}
        among = [(price, p) for price, p in priced if p in pool or p - len(state.shown) - 1 in pool]
        if among:
            pick = (min if re.match(r"che|less|low", of.group(1), re.I) else max)(among)[1]
            found = [(at, p) for at, p in found if at < of.start()] + [(of.start(), pick)]
            clause_end = re.compile(r"[,;.!?]|\s[-–—]\s|\s(?:but|and then|also)\b").search(text, of.end())
            spans.append((of.start(), clause_end.start() if clause_end else len(text)))  # "..., samsung only" is a request of its own
    ends_named = list(re.finditer(r"\b(?:the )?(?:(cheapest|least expensive|lowest[- ]priced)|priciest|most expensive|dearest|costliest|highest[- ]priced)\b", lowered)) if priced else []
    ends = [(m.start(), min(priced)[1] if m.group(1) else max(priced)[1]) for m in ends_named]
    if len(ends) >= 2 and not found:
        # "is the priciest one really worth it over the cheapest?", "cheapest vs most expensive?"
        spans += [m.span() for m in ends_named]
        return ends
    if priced and len(ends) == 1 and found and not of and re.match(r"\s*(?:one|pair|item|option|model|pack|set|version)\b", lowered[ends_named[0].end():]) \
            and (_COMPARE.search(text) or _ONLY_PAIR.match(text) or re.search(r"\b(?:or|vs\.?|versus|and|over)\b", lowered)):
        # "compare the cheapest one and the first one": an item among the others named
        found.append(ends[0])
        return found
    cheapest = re.search(r"\bthe cheapest(?: one)?\b", lowered)
    if priced and cheapest and not found and re.search(r"\b(?:that|this|the cheapest) one\b|\bthe cheapest\b\s*(?:\?|$)", lowered):
        found.append((cheapest.start(), min(priced)[1]))
    dearest = re.search(r"\bthe (?:most expensive|priciest)(?: one)?\b", lowered)
    if priced and dearest and not found:
        found.append((dearest.start(), max(priced)[1]))
    return found


def _items_by_words(text: str, state: DialogueState, facets: Facets, found: list, spans: list) -> None:
    """Items named by their maker or model ("like the Boult", "the Tailwind") and "the <words>
    one": the brand or colour of a shown item first ("the blue one" is not the Bluetooth one),
    then its title's words."""
    for at, position, span in _named_items(text, state, facets):
        if not _overlaps(*span, spans):
            found.append((at, position))
            spans.append(span)
    heads = sorted({w for k in _current_kinds(state) for w in (k.split()[-1], type_key(k).split()[-1]) if len(w) > 2})
    tail = "|".join([_ITEM_WORDS] + [re.escape(h) for h in heads])
    the_x_one = re.compile(rf"\b(?:the|that|this)\s+(?=((?:[\w&'.-]+ ){{0,4}}?[\w&'.-]+) (?:{tail})(s|es)?\b)", re.I)
    for m in the_x_one.finditer(text):
        if _unwanted_before(text, m.start()):
            continue
        start = m.start(1)
        for part in _X_PART_SPLIT.split(m.group(1)):
            at = text.find(part, start)
            start = at + len(part)
            # "the cotton ones would be nicer": a value of the catalog, in the plural, asks for that value;
            # only its own brand or colour field makes it one shown item
            named = _item_by_words(part, state, titles=not (m.group(2) and _is_facet_value(part, facets)))
            if named is not None and not _overlaps(at, at + len(part), spans):
                found.append((at, named))
                spans.append((at, at + len(part)))


def _is_facet_value(words: str, facets: Facets) -> bool:
    found = facets.mentions(words)
    return len(found) == 1 and key(found[0].words) == key(words)


def _item_by_words(part: str, state: DialogueState, titles: bool = True) -> int | None:
    """The shown item a few words name: its brand or colour ("the blue one" is not the Bluetooth
    one), else the one title that has them all ("tata tea gold", "touchless")."""
    words = key(part)
    if not words or words in _ORDINALS or words.split()[-1] in _ORDINALS or words in _EVERYDAY:
        return None
    named = _shown_with_name(words, state)
    if named:
        return named[0]
    if titles and len(words) > 3:
        within = re.compile(rf"(?<![\w]){re.escape(words)}(?![\w])")
        named = [i for i, shown in enumerate(state.shown, 1) if within.search(key(shown.title))]
        if named:
            return named[0]
        wanted = set(words.split())
        named = [i for i, shown in enumerate(state.shown, 1) if len(wanted) > 1 and wanted <= set(key(shown.title).split())]
        if len(named) == 1:
            return named[0]
    return None


# A lookahead, so that matches overlap: "in the style of the OnePlus" tries "the style of the" and "the OnePlus".
_THE_NAME = re.compile(r"(?:\bthe(?: ones? (?:by|from|made by))?|\b(?:cheaper|pricier|costlier|dearer|expensive|priced|costs?|less|more) than(?: that| this)?) (?!the\b)(?=([\w&'.-]+)(?: ([\w&'.-]+))?(?: ([\w&'.-]+))?)", re.I)
# "delta or glacier bay?", "tata tea premium or tata tea gold - what's the difference?": the whole message,
# or its first clause, is a pair of names ("one" after a name is dropped: "touchless one vs the bronze one").
_NAME_PAIR = re.compile(r"^\s*(?:(?:ok(?:ay)?|so|hmm+|right|well|and|alright|now)[,.]?\s+)*(?:the\s+)?([\w&'.-]+?(?: [\w&'.-]+){0,3}?)(?:'s)?(?: ones?)?(?:\s+(?:or|vs\.?|versus|v)\s+|\s*/\s*)(?:the\s+)?([\w&'.-]+?(?: [\w&'.-]+){0,3}?)(?:'s)?(?: ones?)?"
                        r"\s*(?:[?.!]*\s*$|[,;:?]|\s[-–—]+\s|(?<=\s)(?=(?:which|how|what'?s|whats|what)\s))", re.I)
# the same pair as a later clause of a message that asks ("..., premium or gold, can u compare both")
_CLAUSE_PAIR = re.compile(r"(?<=[,;:.!?])" + _NAME_PAIR.pattern[1:], re.I)
_ASKS_CHOICE = re.compile(r"\?|\b(?:suggest|recommend|which|advi[cs]e|better|pick|choose)\b", re.I)


_UNWANTED_BEFORE = re.compile(r"(?:" + _NEGATION.pattern + "|" + _DROP_VERB + r")\s*$", re.I)


def _unwanted_before(text: str, at: int) -> bool:
    """"skip the Boult ones", "no the Veloxa": that maker is unwanted; no shown item is meant."""
    return bool(_UNWANTED_BEFORE.search(text[:at]))


def _shown_named(phrase: str, state: DialogueState, facets: Facets | None = None) -> int | None:
    """The one shown item a short phrase names: its brand, or, for an item with no brand, the
    start of its title ("the moen" for "Moen Arbor Touchless ... Faucet"), or a model name only
    its title has ("the Tailwind" for "Veloxa Tailwind Trail Running Shoe"; not an everyday
    word, nor a colour, type or material the catalog knows)."""
    k = re.sub(r"'s$", "", key(phrase))
    if len(k) < 3:
        return None
    hits = [i for i, s in enumerate(state.shown, 1)
            if k == key(s.brand or "") or (not s.brand and (key(s.title) + " ").startswith(k + " "))]
    if not hits and len(k) >= 4 and " " not in k and k not in _EVERYDAY and not (facets and facets.mentions(phrase)):
        hits = [i for i, s in enumerate(state.shown, 1) if k in key(s.title).split()]
    if not hits and " " not in k and facets is not None and [m.facet for m in facets.mentions(phrase)] == ["color"] \
            and not any(key(s.color or "") == k for s in state.shown):
        # "the gold one" beside "Tata Tea Gold Leaf Tea", no item gold in colour: the model's word
        hits = [i for i, s in enumerate(state.shown, 1) if k in key(s.title).split()]
    if not hits and " " in k and facets is not None and _has_model_word(k, facets):
        # "the Gold Leaf": words of one title, one of them no colour, type or material ("the black shorts" is a request)
        hits = [i for i, s in enumerate(state.shown, 1) if set(k.split()) <= set(key(s.title).split())]
    return hits[0] if len(hits) == 1 else None


def _has_model_word(words: str, facets: Facets) -> bool:
    return any(len(w) >= 4 and w not in _EVERYDAY and not facets.mentions(w) for w in words.split())


# "as boAt's", "Boult's is close": a possessive, not "boAt's a no" (is)
_POSSESSIVE_NAME = re.compile(r"(?<![\w'])(?=([\w&.-]+(?: [\w&.-]+){0,2}?)'s(?=\s*(?:$|[?.!,;:—–]|\s[-–—]|\s+(?:is|was|one|pair|model|version|design|style|look|feel|kind|sort|ilk|type)\b)))")
_NEXT_WORD = re.compile(r"\s+([\w&'.-]+)")


def _named_items(text: str, state: DialogueState, facets: Facets | None = None) -> list[tuple[int, int, tuple[int, int]]]:
    """Shown items named by their maker: "like the Boult", "is the Runwright better than the
    Quillon", "delta or glacier bay?". (where, position, span of the name)."""
    out = []
    for m in _THE_NAME.finditer(text):
        if _unwanted_before(text, m.start()):
            continue
        words = [w for w in m.groups() if w]
        for n in range(len(words), 0, -1):
            position = _shown_named(" ".join(words[:n]), state, facets)
            if re.match(r"\s+(?:ban|exclusion|filter|brand|stuff|products?|range|collection)\b", text[m.end(n):]):
                continue  # "lift the boAt ban", "the boAt range": the maker, not one shown item
            if position is not None:
                end = m.end(n)
                title_words = set(key(state.shown[position - 1].title).split())
                # "the matte black one": the title's words that follow the name are part of it
                while (more := _NEXT_WORD.match(text, end)) and key(more.group(1)) in title_words:
                    end = more.end()
                out.append((m.start(), position, (m.start(1), end)))
                break
    for m in _POSSESSIVE_NAME.finditer(text):
        position = _shown_named(m.group(1), state, facets)
        if position is not None and not _unwanted_before(text, m.start()):
            out.append((m.start(), position, m.span(1)))  # "more in the same vein as boAt's", "Boult's is close"
    pair = _NAME_PAIR.match(text)
    # A pair that is only the message's first clause, or named by title words, is meant as one only where
    # the message asks to compare ("boat or boult, under 1000" wants either maker).
    asks = bool(_COMPARE.search(text)) or bool(pair and (re.search(r"\s(?:v|vs\.?|versus)\s|\bones?\b", pair.group(0), re.I)
                                                         or re.match(r"\s*which\b", text[pair.end():], re.I)))
    named = _pair_named(pair, state, facets, asks) if pair and (asks or not text[pair.end():].strip()) else None
    if named is None and (asks or _ASKS_CHOICE.search(text)):
        named = next(filter(None, (_pair_named(m, state, facets, True) for m in _CLAUSE_PAIR.finditer(text))), None)
    return out + (named or [])


def _pair_named(pair: re.Match, state: DialogueState, facets: Facets | None, asks: bool) -> list[tuple[int, int, tuple[int, int]]] | None:
    """The two shown items a pair of names points at ("delta or glacier bay"), or None."""
    first, second = (_shown_named(pair.group(g), state, facets) or (_item_by_words(pair.group(g), state) if asks else None)
                     or (_only_title_with(pair.group(g), state) if asks else None) for g in (1, 2))
    if asks and (first is None) != (second is None):
        # "the gold one or the other tata one?": the other item with that name than the one just named
        named, other = (first, pair.group(2)) if first is not None else (second, pair.group(1))
        rest = re.match(r"(?:the )?other (.+)", key(other))
        candidates = [p for p in _shown_with_name(rest.group(1), state) if p != named] if rest else []
        if len(candidates) == 1:
            first, second = (named, candidates[0]) if first is not None else (candidates[0], named)
    if first is None or second is None or first == second:
        return None
    return [(pair.start(1), first, pair.span(1)), (pair.start(2), second, pair.span(2))]


def _only_title_with(word: str, state: DialogueState) -> int | None:
    """The one shown item whose title has this word ("premium vs gold" beside "Tata Tea Premium"
    and "Tata Tea Gold"): in a pair of names to compare, even an everyday word names a model."""
    k = key(word)
    hits = [i for i, s in enumerate(state.shown, 1) if " " not in k and len(k) >= 4 and k in key(s.title).split()]
    return hits[0] if len(hits) == 1 else None


def _title_referent(text: str, state: DialogueState) -> tuple[int, tuple[int, int]] | None:
    """'more like <a shown title>' (what the UI's button sends): the item and the span of its title."""
    m = _SIMILAR.search(text)
    if not m or not state.shown:
        return None
    rest = text[m.end():].strip(" :\"'“”")
    rest_words = set(_WORD.findall(rest.lower()))
    if not rest_words:
        return None
    best = max(range(len(state.shown)), key=lambda i: len(rest_words & set(_WORD.findall(state.shown[i].title.lower()))))
    title_words = set(_WORD.findall(state.shown[best].title.lower()))
    overlap = len(rest_words & title_words)
    if title_words and overlap >= 0.6 * len(title_words) and overlap >= 0.6 * len(rest_words):
        return best + 1, (m.end(), len(text))
    return None


def content_words(text: str, taken: list[tuple[int, int]]) -> list[str]:
    """Words no rule explained: not a facet value, price, cue or filler."""
    out = []
    for m in _WORD.finditer(text.lower()):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = m.group(0).strip("'-")
        if len(word) > 2 and word not in _STOP and not _FAQ_WORDS.fullmatch(word):
            out.append(word)
    return out


def _facet_of(word: str | None) -> str | None:
    return _FACET_WORDS.get((word or "").lower().rstrip("s"), _FACET_WORDS.get((word or "").lower()))


# "the brand of #2", "No. 4's colour", "the brand behind the red pair": a shown item's brand or
# colour, named through the item. It is a value like any other ("nothing to do with the brand of
# #2" excludes it), and the item itself is not what the message is about.
_ITEM = r"(?:#|no\.? ?|number |item #?|option #?)?[1-9]|(?:the )?(?:first|second|third|fourth|last|1st|2nd|3rd|4th)(?: one| item| option| pair| pack)?|the (?:[\w&'-]+ ){1,2}(?:one|pair|pack)"
_ITEM_FACET = re.compile(rf"\b(?:the |that )?(?P<word>brand|make|maker|label|colou?r|shade) (?:of|behind|on) (?:the )?(?P<item>{_ITEM})\b"
                         rf"|(?<![\w'])(?P<item2>{_ITEM})'s (?P<word2>brand|make|maker|label|colou?r|shade)\b"
                         rf"|\b(?:whoever|whichever (?:company|brand)|the (?:company|people|brand) that) (?P<word3>make)s (?:the )?(?P<item3>{_ITEM})\b"
                         # "skip that brand", "not that finish" after asking about an item: the item in focus's
                         rf"|\b(?:that|this|the same|its|their) (?P<word4>brand|make|maker|label|colou?r|shade|finish)\b(?! (?:of|behind|on)\b)", re.I)


def _item_facet_mentions(scan: str, state: DialogueState, facets: Facets) -> list[Mention]:
    """Only where the message refuses them: "what's the brand of #2?" asks about the item."""
    out = []
    negations: list[tuple[int, int]] | None = None
    for m in _ITEM_FACET.finditer(scan):
        negations = negated_spans(scan) if negations is None else negations
        if not (any(s < m.start() < e for s, e in negations) or _POST_NEGATION.match(scan[m.end():]) or _unwanted_before(scan, m.start())):
            continue
        if m.group("word4"):
            word, shown = m.group("word4"), next((s for s in state.shown if s.id == state.focus), None)
        else:
            item, word = next((m.group(f"item{n}"), m.group(f"word{n}")) for n in ("", "2", "3") if m.group(f"item{n}"))
            positions, _ = referents(item, state, facets)
            shown = state.shown_at(positions[0]) if len(positions) == 1 else None
        if shown is None:
            continue
        facet = _facet_of(word)
        if facet == "brand" and shown.brand:
            out.append(Mention("brand", shown.brand, m.start(), m.end(), m.group(0)))
        elif facet == "color" and shown.color:
            out.append(Mention("color", shown.color, m.start(), m.end(), m.group(0)))
    return out


# --- the reading -----------------------------------------------------------------------------


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _connects_as_alternative(text: str, m: Mention) -> bool:
    """'or red', 'red too', 'also in red', 'red as well': another acceptable value, not a switch."""
    before = text[max(0, m.start - 12):m.start].lower()
    after = text[m.end:m.end + 12].lower()
    return bool(re.search(r"\b(?:or|also|and also|plus)\s+(?:in\s+|from\s+|by\s+)?$", before)
                or re.match(r"\s*(?:too|as well|also)\b", after))


def _subject_words(text: str, drop: list[tuple[int, int]]) -> str:
    """The message as a standalone search: without what was negated, priced or referred to,
    and without the leading 'I'm looking for' / 'show me'."""
    kept = "".join(ch if not any(s <= i < e for s, e in drop) else " " for i, ch in enumerate(text))
    kept = re.sub(r"^\s*(?:(?:hi|hello|hey|ok|okay|so|now|and|also|well|great|thanks),?\s+)*", "", kept, flags=re.I)
    kept = re.sub(r"^\s*(?:i'?m |i am |we'?re )?(?:also )?(?:looking for|searching for|shopping for|after|in the market for|"
                  r"interested in|(?:i |we )?(?:would like|'d like|need|want)|show me|find me|get me|do you (?:have|sell|carry|stock)|"
                  r"have you got|got any|any|what about|how about|recommend(?: me)?|suggest)\s+", "", kept, flags=re.I)
    return " ".join(kept.strip(" ?!.,;").split())


# "budget's now 1000" is "budget is now 1000".
_POSSESSIVE_IS = re.compile(r"\b(budget|price|limit|max|maximum|cap)'s\b", re.I)


def read(message: str, state: DialogueState, facets: Facets, faq_match=None) -> Reading:
    """What the rules make of `message` in the context of `state` (nothing is changed here).
    `faq_match(text) -> bool`, when given, says whether the shop's FAQ answers the text
    confidently; it breaks ties for messages with no shopping signal at all."""
    text = _POSSESSIVE_IS.sub(r"\1 is", spoken_amounts(" ".join(message.split())))
    if _HUMAN.search(text):
        return Reading("human")
    if is_smalltalk(text):
        return Reading("smalltalk")
    asked = recommendation(text)
    if asked is not None:
        return Reading("recommend", operations=[asked])
    reading = Reading("product")
    ops = reading.operations
    taken: list[tuple[int, int]] = []
    through_items = _item_facet_mentions(text, state, facets)
    if through_items:
        text = "".join(" " if any(m.start <= i < m.end for m in through_items) else ch for i, ch in enumerate(text))
    reset = _RESET.search(text)
    if reset:
        ops.append(Operation(op="reset", words=reset.group(0)))
        taken.append(reset.span())

    # What the message points at among the shown products never becomes a filter of its own.
    title_ref = _title_referent(text, state)
    if title_ref:
        refs, scan = [title_ref[0]], text[:title_ref[1][0]]
        cue_text = scan
    else:
        refs, ref_spans = referents(text, state, facets)
        scan = "".join(" " if any(a <= i < b for a, b in ref_spans) else ch for i, ch in enumerate(text))
        # for the cue words around a name ("above the boAt one's price"), the name stands as a neutral word
        cue_text = "".join("x" if any(a <= i < b for a, b in ref_spans) and not ch.isspace() else ch for i, ch in enumerate(text))

    # "go over 150 if needed", "doesn't have to be under 150": the amount loosens the budget.
    relaxing = [m.span() for m in _RELAX.finditer(scan) if re.search(r"\d", m.group(0))] + [m.span() for m in _DROP_AMOUNT.finditer(scan)]
    stepped = _budget_step(scan, state)
    if stepped:
        ops.append(stepped[0])
        relaxing.append(stepped[1])
        taken.append(stepped[1])
    price_ops, price_spans = price_operations("".join(" " if any(a <= i < b for a, b in relaxing) else ch for i, ch in enumerate(scan)))
    taken += price_spans
    extra_ops = _setting_operations(scan, taken, refs)

    # Words inside a recognised phrase ("won't break the bank", "in that vein") name no facet.
    cue_spans = [m.span() for pattern in (_MORE, _SIMILAR, _COMPARE, _CHEAPER, _PRICIER, _RELAX, _FEATURE) for m in pattern.finditer(scan)]
    # A name wholly inside a cue of negation or liking ("not a fan of", "a big fan of") is no value.
    inside = [m.span() for pattern in (_NEGATION, _LIKING) for m in pattern.finditer(scan)]
    inside += [m.span(next(g for g in (1, 2, 3) if m.group(g))) for m in _FAN_OF_NAME.finditer(scan)]
    # "fabric doesn't matter" releases a facet; the catalog's category "Fabric" is not meant
    released_facets = [m.span() for m in _REMOVE_FACET.finditer(scan)]
    mentions = [m for m in facets.mentions(scan) if not _overlaps(m.start, m.end, taken + cue_spans + released_facets)
                and not any(s <= m.start and m.end <= e for s, e in inside)]
    mentions = [m for m in mentions if not _asked_of_item(m, text, refs, state)]
    mentions = [m for i, m in enumerate(mentions) if not _unattested(m, mentions[i - 1] if i else None,
                                                                     mentions[i + 1] if i + 1 < len(mentions) else None, scan)
                and not _incidental(m, scan)]
    mentions += _size_mentions(scan, facets, mentions, reading, size_stands=bool(state.values("size")))
    mentions = sorted(mentions + through_items, key=lambda m: m.start)
    for m in mentions:
        taken.append((m.start, m.end))

    removals, removal_spans = _removal_operations(scan, mentions, state)
    taken += removal_spans + cue_spans
    removed_values = {(op.facet, op.value) for op in removals if op.value}
    negations = negated_spans(scan)
    unwanted = _negated_mentions(mentions, scan, negations)
    included = _unwanted_operations(scan, mentions, unwanted, removed_values, state, reading)
    ops.extend(removals)
    if any(True for _ in _NEGATION.finditer(scan)) and not any(op.op == "exclude" for op in ops) and not removals:
        reading.sure = False  # "no hood", "not too heavy": a negation the facets cannot place
        reading.notes.append("a negation names nothing the catalog has")

    named = _unknown_brands(scan, facets)
    reading.unknown += named

    wanted_spans = [(m.start, m.end) for m in included]
    included = _hard_values(included, reading, scan)
    dropped = [span for span in taken if span not in wanted_spans] + negations
    subject_ops = _subject_operations(text, scan, state, included, taken + negations, dropped, reading)
    ops[:0] = [op for op in subject_ops if op.op in ("new_subject",)]
    ops.extend(op for op in subject_ops if op.op != "new_subject")
    ops.extend(_inclusion_operations(scan, included, state, new_subject=any(op.op in ("new_subject", "reset") for op in ops)))
    ops.extend(price_ops)
    keep = _KEEP_BUDGET.search(scan)
    if keep and any(op.op == "new_subject" for op in ops) and not price_ops:
        # "same budget, but a jacket": the price bounds follow the shopper this time
        for bound, name in ((state.max_price, "max_price"), (state.min_price, "min_price")):
            if bound is not None:
                ops.append(Operation(op="add", facet=name, value=bound.value, words=keep.group(0)))
    ops.extend(extra_ops)
    _reference_operations(text, cue_text, state, refs, ops, reading)
    # "for ladies" while women's shorts stand: the same search again, not smalltalk
    names_subject = any(state.has(m.facet, m.value, exclude=False) for m in included)
    again = _AGAIN.search(text)
    if state.subject and again and not any(op.op not in ("refine",) for op in ops):
        ops[:] = [Operation(op="restate", words=again.group(0))]
        names_subject = True
    _route(text, state, ops, refs, reading, faq_match, names_subject)
    return reading


_BUDGET_STEP = re.compile(rf"\b(?P<verb>increase|raise|bump(?: up)?|push(?: up)?|up|extend|stretch|lower|reduce|decrease|cut|drop|bring down|push down)\s+(?:the |my )?"
                          rf"(?:budget|limit|max(?:imum)?|price limit|cap)\s+(?:up\s+|down\s+)?by\s*{_NUM}", re.I)
# "double the budget", "halve my limit": the standing ceiling times that
_BUDGET_TIMES = re.compile(r"\b(double|triple|halve|twice)\s+(?:the |my |our )?(?:budget|limit|max(?:imum)?|price limit|cap)\b", re.I)


def _budget_step(scan: str, state: DialogueState) -> tuple[Operation, tuple[int, int]] | None:
    """"increase the budget by 500": the standing ceiling moved by that amount (and its span)."""
    times = _BUDGET_TIMES.search(scan)
    if times and state.max_price is not None:
        factor = {"double": 2.0, "twice": 2.0, "triple": 3.0, "halve": 0.5}[times.group(1).lower()]
        return Operation(op="replace", facet="max_price", value=state.max_price.value * factor, words=times.group(0)), times.span()
    m = _BUDGET_STEP.search(scan)
    if not m or state.max_price is None:
        return None
    step = amount(m.group(2), m.group(3))
    down = m.group("verb").lower() in ("lower", "reduce", "decrease", "cut", "drop", "bring down", "push down")
    value = state.max_price.value - step if down else state.max_price.value + step
    if value <= 0:
        return None
    return Operation(op="replace", facet="max_price", value=value, words=m.group(0)), m.span()


def _setting_operations(scan: str, taken: list[tuple[int, int]], refs: list[int]) -> list[Operation]:
    """A minimum rating ("4 stars and up"), in stock only, a sort order ("cheapest first"); the
    spans they take are added to `taken`."""
    ops: list[Operation] = []
    rating = _RATING.search(scan)
    if rating and not _overlaps(*rating.span(), taken):
        value = float(rating.group(1) or rating.group(2))
        if value <= 5:
            ops.append(Operation(op="add", facet="min_rating", value=value, words=rating.group(0)))
            taken.append(rating.span())
    in_stock = _IN_STOCK.search(scan)
    if in_stock:
        ops.append(Operation(op="in_stock", value=True, words=in_stock.group(0)))
    for pattern, sort in _SORT:
        sort_match = pattern.search(scan)
        if sort_match and not refs:
            ops.append(Operation(op="sort", value=sort, words=sort_match.group(0)))
            taken.append(sort_match.span())
    return ops


_CORRECTION = re.compile(r"\b(?:i (?:said|meant|asked for|wanted|typed)|(?:you(?:'ve)? )?got (?:it|that|me) wrong|that'?s not what i (?:said|asked(?: for)?|meant)|"
                         r"you misunderstood|(?:you )?misheard|correction|typo)\b", re.I)


def _unwanted_operations(scan: str, mentions: list[Mention], unwanted: set[int], removed_values: set, state: DialogueState,
                         reading: Reading) -> list[Mention]:
    """Exclusions for the mentions the message does not want (added to `reading.operations`), and
    the mentions it does want, in order. A value released elsewhere in the message is neither."""
    dispreferred = dispreferred_spans(scan)
    included: list[Mention] = []
    # "not grey, we already have grey everywhere": a value the message excludes is not wanted elsewhere in it
    excluded_now = {(mentions[i].facet, key(mentions[i].value)) for i in unwanted}
    # "I said blue, not black" while black stands: a correction swaps the value, it bans nothing
    corrected = {mentions[i].facet for i in range(len(mentions)) if i not in unwanted} if _CORRECTION.search(scan) else set()
    for i, m in enumerate(mentions):
        if (m.facet, m.value) in removed_values:
            continue
        if i not in unwanted and (m.facet, key(m.value)) in excluded_now:
            continue
        if i not in unwanted:
            included.append(m)
        elif state.has(m.facet, m.value, exclude=False) and any(s <= m.start < e for s, e in dispreferred):
            # "prefer Boult over JBL" while JBL stood: JBL gives way, it is not banned
            reading.operations.append(Operation(op="remove", facet=m.facet, value=m.value, words=m.words))
        elif m.facet in corrected and state.has(m.facet, m.value, exclude=False):
            reading.operations.append(Operation(op="remove", facet=m.facet, value=m.value, words=m.words))
        elif m.facet == "audience":
            reading.notes.append(f"cannot exclude an audience ({m.words})")
        else:
            reading.operations.append(Operation(op="exclude", facet=m.facet, value=m.value, words=m.words))
    return included


def _inclusion_operations(scan: str, included: list[Mention], state: DialogueState, new_subject: bool) -> list[Operation]:
    """Add or replace for each wanted value: another value of a facet that has one replaces it,
    unless the message offers it as an alternative ("or red", "red too")."""
    ops = []
    for m in included:
        if m.facet in ("type", "category") and new_subject:
            ops.append(Operation(op="add", facet=m.facet, value=m.value, words=m.words))
            continue
        already = state.has(m.facet, m.value, exclude=False) or (
            m.facet in ("type", "category") and _names_current(m, _current_kinds(state)))
        if already and not new_subject:
            continue
        # On a new subject what followed the shopper (the audience) gives way to what they name now.
        same_facet = bool(state.values(m.facet)) and (not new_subject or m.facet in DURABLE)
        siblings = [x for x in included if x.facet == m.facet]
        if len(siblings) > 1 and not any(state.has(x.facet, x.value, exclude=False) for x in siblings) \
                and not _connects_as_alternative(scan, siblings[0]):
            alternative = m is not siblings[0]  # "in grey or blue" while black stood: grey or blue now
        else:
            alternative = _connects_as_alternative(scan, m) or len(siblings) > 1
        ops.append(Operation(op="replace" if same_facet and not alternative else "add", facet=m.facet, value=m.value, words=m.words))
    return ops


# Everyday words that some catalog also uses as a name: Amazon.in sells brands "Sure" and "Pick" and reads types
# "True" and "Prime" off its titles, BigBasket has brands "Real" and "MOM" and a type "Value", Home Depot types "Cool",
# "Range" and "Only", Flipkart a type "Top". Said in passing ("sure, show more", "is it real leather?", "in that
# price range") they name nothing; they count only with evidence (see _unattested).
_EVERYDAY = _STOP | _SMALLTALK_WORDS | frozenset(
    "sure pick true cool only real value prime range top best fine premium classic elite royal super simple basic plain "
    "fresh pure natural happy smart easy quick mom dad gift gifts daily regular special perfect ideal total "
    # types real catalogs read from titles ("UPS", "Fire TV Stick", "Screen Guard") that chat uses as plain words
    # ("step up", "stick with boAt", "on screen", "cost is no bar", "ready to pay more")
    "up ready stick finish screen bar line step deal set lot thing stay "
    # words that ask for the dearer end, and a brand in some catalog (Amazon.in's "Posh")
    "posh luxe deluxe fancy classy upscale swanky lavish luxury exclusive superior".split())


_ASKS_ABOUT = re.compile(r"\?|(?:^|[-—–,:]\s*|\bpls\s+|\bplease\s+)(?:what|which|how|does|do|did|is|are|can|will|would|has|have)\b", re.I)
_ASKS_FOR = re.compile(r"\b(?:show me|looking for|i(?:'d| would)? (?:need|want|like)|do you (?:have|sell|carry|stock)|got any|any other)\b", re.I)


# "is the third one pure cotton?", "does that one come in black?": a question whose subject is a shown item
_ASKED_OF_SHOWN = re.compile(r"^\s*(?:(?:and|so|ok(?:ay)?|hmm+|also|but|wait)[,]?\s+)*(?:is|are|does|do|did|has|have|was|were)\s+"
                             r"(?:the|that|this|it|its|#|no\.?|number|item)\b", re.I)


def _asked_of_item(m: Mention, text: str, refs: list[int], state: DialogueState) -> bool:
    """"what fabric is the first one made of?", "does the nickel one need batteries?": a kind the
    catalog sells ("Fabric", "Battery") named in a question about a shown item is what is asked
    about it, not a new thing to look for; so is a material or colour in a yes/no question whose
    subject is the item ("is the third one pure cotton?")."""
    if not refs or not _ASKS_ABOUT.search(text) or _ASKS_FOR.search(text):
        return False
    if m.facet in ("material", "color"):
        return bool(_ASKED_OF_SHOWN.match(text))
    return m.facet in ("type", "category") and not _names_current(m, _current_kinds(state))


def _unattested(m: Mention, previous: Mention | None, following: Mention | None, text: str) -> bool:
    """Whether a one-word brand, type or category that is also an everyday word lacks evidence
    that it is meant as a name: a value of the same facet coordinated with it ("Tropicana or
    Real"); for a brand, "from / by / brand" before it, "brand" after it, or a product kind
    right after it ("Real juice"), or a capital letter mid-sentence ("done with Regular"); for
    a kind, a plural ("tops"), or an article or number
    before it ("a range", "2 tops")."""
    if m.facet not in ("brand", "type", "category") or key(m.words) not in _EVERYDAY:
        return False
    before, after = text[:m.start].lower(), text[m.end:].lower()
    for other, between in ((previous, text[previous.end:m.start] if previous else ""), (following, text[m.end:following.start] if following else "")):
        if other is not None and other.facet == m.facet and _COORDINATED.fullmatch(between):
            return False
    if m.facet == "brand":
        if re.search(r"\b(?:from|by|brand|make|made by)\s+$", before) or re.match(r"\s*(?:brand|'s\b)", after):
            return False
        if m.words[:1].isupper() and re.search(r"[^\s.!?]\s*$", before):
            return False  # "I'm done with Regular": capitalised mid-sentence, a name
        return not (following is not None and following.facet in ("type", "category") and not text[m.end:following.start].strip())
    plural = m.words.lower().endswith("s") and not key(m.value).endswith("s")
    return not (plural or re.search(r"\b(?:a|an|some|any|the|few|\d+)\s+$", before))


# "nickel, matches my sink", "bronze would go better with the cabinets": a kind named as what the item
# must suit is not what the shopper asks for. "red label is fine, mom likes it": a relative with an
# opinion of the item is a reason, not who it is for ("my dad loves cooking" still says who).
_SUITS = re.compile(r"\b(?:match(?:es)?|(?:to )?go(?:es)? (?:better |well |nicely |best )?with|complements?|suits?|"
                    r"next to|beside|alongside)\s+(?:my|our|the|your|the rest of (?:my|the))\s+(?:(?:new|old|existing|current)\s+)?$", re.I)
_HAS_OPINION = re.compile(r"\s+(?:really |also |only )?(?:likes?|loves?|prefers?|hates?|recommend(?:s|ed)|uses|used|swears by|drinks|"
                          r"enjoys?|wants?|is used to)\s+(?:it|them|this|that|these|those|the)\b", re.I)


def _incidental(m: Mention, text: str) -> bool:
    """A mention that names no wanted value: a kind the item is to match, a relative's opinion."""
    if m.facet in ("type", "category"):
        return bool(_SUITS.search(text[:m.start]))
    if m.facet == "audience" and key(m.words) not in AUDIENCE_WORDS:
        # "my mom insists on proper tea", "my brother in law put one in": a relative in the story;
        # "for my dad", "a gift for my wife", "my daughter needs leggings": the person it is for
        for_them = _FOR_SOMEONE.search(text[:m.start]) or _NEEDS.match(text[m.end:]) or _OCCASION.search(text)
        return bool(_HAS_OPINION.match(text[m.end:])) or not for_them
    return False


_NEEDS = re.compile(r"(?:'s)?\s+(?:needs?|wants?|is looking for|would like|requires?|is after|(?:has |keeps )?ask(?:ed|s|ing) for)\b", re.I)
_OCCASION = re.compile(r"\b(?:gifts?|presents?|birthday|bday|anniversary|diwali|christmas|xmas|eid|rakhi|valentine'?s?|mother'?s day|father'?s day|is into)\b", re.I)

_FOR_SOMEONE = re.compile(r"\b(?:for|gift(?:ing)?|present|buying|get(?:ting)?|surprise)\s+(?:it\s+|them\s+|one\s+)?(?:to\s+)?(?:my|our|a|the|his|her|your)\s+(?:[\w-]+\s+){0,3}$", re.I)


def _hard_values(included: list[Mention], reading: Reading, text: str = "") -> list[Mention]:
    """The mentions that become filters. A product type is a filter only as the head noun of the
    request, the last kind named ("cushioned pads headphones" wants headphones), or as one of
    alternatives ("earphones or headphones"); the others stay search words. The shop's own
    categories always filter."""
    kinds = [m for m in included if m.facet in ("type", "category")]
    head = kinds[-1] if kinds else None
    alternatives = {id(a) for a, b in zip(kinds, kinds[1:]) if re.fullmatch(r"\s*(?:or|/|,? or)\s*", text[a.end:b.start], re.I)}
    kept = []
    for m in included:
        if m.facet == "type" and m is not head and id(m) not in alternatives:
            reading.soft_words.append(m.words)
            continue
        kept.append(m)
    return kept


# "an 8", "8 or 9 is fine", "9 instead" while a size stands: a bare number that is one of the catalog's sizes
_BARE_SIZE = re.compile(r"(?:^|\b(?:an?|or|and|to|size|sizes)\s+|^\s*(?:actually|maybe|ok|okay|hmm),?\s+)(\d{1,2}(?:\.5)?)"
                        r"(?=\s*(?:$|[?.!,]|or\b|and\b|instead\b|is (?:fine|ok|okay|better)|please\b|pls\b|would\b|works\b|then\b))", re.I)


def _size_mentions(text: str, facets: Facets, mentions: list[Mention], reading: Reading, size_stands: bool = False) -> list[Mention]:
    found = []
    if size_stands:
        for m in _BARE_SIZE.finditer(text):
            size = facets.sizes.get(m.group(1))
            if size and not _overlaps(m.start(1), m.end(1), [(x.start, x.end) for x in mentions]):
                found.append(Mention("size", size, m.start(1), m.end(1), m.group(1)))
    for m in _SIZE.finditer(text):
        if _overlaps(m.start(), m.end(), [(x.start, x.end) for x in mentions + found]):
            continue
        raw = key(m.group(1) or m.group(2))
        size = facets.sizes.get(raw)
        if size:
            found.append(Mention("size", size, m.start(), m.end(), m.group(0)))
        elif raw:
            reading.unknown.append(f"size {raw.upper()}")
    for word, size_key in _SIZE_WORDS.items():
        phrase = re.search(rf"\b(?:in|size)\s+(?:a\s+)?{word}\b", text, re.I)
        if phrase and size_key in facets.sizes and not _overlaps(phrase.start(), phrase.end(), [(x.start, x.end) for x in mentions + found]):
            found.append(Mention("size", facets.sizes[size_key], phrase.start(), phrase.end(), phrase.group(0)))
    return found


_COORDINATED = re.compile(r"\s*(?:,|/|&|\+|and|or|nor|n|ya|aur|,\s*(?:and|or))\s*$", re.I)


def _negated_mentions(mentions: list[Mention], text: str, negations: list[tuple[int, int]]) -> set[int]:
    """Which mentions the message does not want. A negation before a value reaches to the end of
    its clause ("no Boat or Boult"); one after it ("Boat and Boult are a no", "Pigeon kettles
    are a no") takes the values listed before it, and in a phrase "<brand/colour> <type>" the
    modifier, not the head noun the shopper is still looking for."""
    out: set[int] = set()
    for i, m in enumerate(mentions):
        if re.search(r"\bnon-$", text[max(0, m.start - 4):m.start], re.I):
            out.add(i)  # "non-silicone": that value only ("non-toxic filter coffee makers" still wants coffee makers)
            continue
        if any(s <= m.start < e for s, e in negations):
            if not _head_of_negated_phrase(m, mentions[:i], text, negations):
                out.add(i)
            continue
        if not (_POST_NEGATION.match(text[m.end:]) or (m.facet not in ("type", "category") and _LET_DOWN.match(text[m.end:]))):
            continue
        j = i
        if m.facet in ("type", "category") and i > 0 and mentions[i - 1].facet not in ("type", "category", "audience") \
                and not text[mentions[i - 1].end:m.start].strip(" -"):
            j = i - 1  # "Dabur honey is a no": not Dabur; honey still wanted
        out.add(j)
        while j > 0 and mentions[j - 1].facet == mentions[j].facet and _COORDINATED.fullmatch(text[mentions[j - 1].end:mentions[j].start]):
            j -= 1
            out.add(j)
    return out | _carried_negations(mentions, text, out)


# "no boAt, Boult as well", "boAt is out, so is anything red": a clause that only adds a value
# to what the clause before it refused refuses it too.
_CARRY_BEFORE = re.compile(r"(?:[,;.!]|\s[-–—]\s|\band\b)\s*(?:(?:and |but )?(?:the )?(?:same (?:goes )?(?:for|with)|ditto(?: for| with)?|so (?:is|are)|likewise(?: for| with)?)"
                           r"\s+(?:(?:anything|any|all|the|those)\s+(?:in\s+)?)?)$", re.I)
_CARRY_AFTER = re.compile(r"^\s*,?\s*(?:as well|too|also|either)\b", re.I)
_CLAUSE_START = re.compile(r"(?:[,;.!]|\s[-–—]\s|\band\b)\s*$", re.I)


def _carried_negations(mentions: list[Mention], text: str, negated: set[int]) -> set[int]:
    out: set[int] = set()
    for i, m in enumerate(mentions):
        if i in negated or not (i - 1 in negated or i - 1 in out):
            continue
        previous = mentions[i - 1]
        between = text[previous.end:m.start]
        if _CARRY_BEFORE.search(between) or (
                previous.facet == m.facet and _CLAUSE_START.search(between) and _CARRY_AFTER.match(text[m.end:])):
            out.add(i)
    return out


def _head_of_negated_phrase(m: Mention, before: list[Mention], text: str, negations: list[tuple[int, int]]) -> bool:
    """"not leather jacket" / "no leather jackets": the jacket is wanted, the leather is not. A
    type or category right after another negated mention is the phrase's head noun."""
    if m.facet not in ("type", "category") or not before:
        return False
    previous = before[-1]
    between = text[previous.end:m.start]
    return previous.facet not in ("type", "category") and not between.strip(" -") and _is_negated(previous, text, negations)


_ACCEPTS = re.compile(r"\b(?:don'?t|do not|dont) mind\b|\b(?:ok|okay|fine|happy|good|cool) with\b(?! (?:other than|not)\b)", re.I)
# "forget the 1500", "drop the ₹2k": the standing bound of that amount goes
_DROP_AMOUNT = re.compile(rf"\b(?:forget|drop|remove|ignore|scrap|scratch|lose|lift|never ?mind|skip) (?:about )?(?:the |my |that )?{_NUM}"
                          r"(?!\s*(?:mah|w\b|watts?|gb|tb|ml|kg|g\b|inch|cm|mm|pack))", re.I)


_ANYTHING_BUT = re.compile(r"\b(?:anything|everything|any (?:brand|colou?r|material|one)|all)\s+(?:apart from|other than|except(?: for)?|but|besides|barring)\s*$", re.I)


def _removal_operations(text: str, mentions: list[Mention], state: DialogueState) -> tuple[list[Operation], list[tuple[int, int]]]:
    """'any colour is fine', 'forget the budget', 'doesn't have to be Nike', 'Nike is fine
    after all' (lifting an exclusion), 'you can show Nike again', and the spans they take. A
    value that is released but was not constrained ("black is fine too" while blue is wanted)
    becomes another acceptable value."""
    ops = []
    spans = []
    for m in _REMOVE_FACET.finditer(text):
        spans.append(m.span())
        word = next(g for g in m.groups() if g)
        facet = _facet_of(word.split()[0])
        if facet == "price":
            ops += [Operation(op="remove", facet="max_price", words=m.group(0)), Operation(op="remove", facet="min_price", words=m.group(0))]
        elif facet:
            ops.append(Operation(op="remove", facet=facet, words=m.group(0)))
    for mention in mentions:
        before = text[max(0, mention.start - 45):mention.start]
        after = _RELEASED.match(text[mention.end:mention.end + 40])
        if after and _ANYTHING_BUT.search(before):
            continue  # "anything apart from boAt is fine": boAt is what is not fine
        if after and re.match(r"\s+(?:again|too)\s*[.!]*$", after.group(0)) and not state.has(mention.facet, mention.value, exclude=True):
            after = None  # "show me teas again" restates; only an excluded value comes back "again"
        released_before = re.search(r"(?:" + _REMOVE_VALUE.pattern + r")\s*(?:in\s+|from\s+|by\s+|a\s+|an\s+|the\s+)?$", before, re.I)
        taken_off = re.search(r"\b(?:take|knock|leave)\s+(?:the\s+)?$", before, re.I) and re.match(r"\s+off\b", text[mention.end:], re.I)
        if taken_off:  # "take black off": dropped, like "take off black"
            released_before = re.search(r"\b(?:take|knock|leave)\s+(?:the\s+)?$", before, re.I)
            spans.append((mention.end, mention.end + taken_off.end()))
        if not (released_before or after):
            continue
        if after:
            spans.append((mention.end, mention.end + after.end()))
        constrained = state.has(mention.facet, mention.value) or (
            mention.facet in ("type", "category") and _names_current(mention, _current_kinds(state)))
        dropped = bool(taken_off) or bool(released_before and re.search(_DROP_VERB + r"\s*(?:about\s+)?(?:the\s+|that\s+|my\s+|all\s+|any\s+)?(?:in\s+|from\s+|by\s+)?$", before, re.I))
        # "Philips would be ok too", "tan or brown is fine": about a value not yet asked for, acceptance.
        accepted = bool(released_before and _ACCEPTS.search(released_before.group(0)))
        if not constrained and (accepted or (after and not released_before and re.match(
                r"\s*(?:is|are|'s|'re|would be)?\s*(?:fine|ok|okay|good|alright|all right|acceptable)\b", after.group(0), re.I))):
            ops.append(Operation(op="add", facet=mention.facet, value=mention.value, words=mention.words))
        elif not constrained and dropped and mention.facet != "audience":
            # "ditch Puma", "remove Puma from the results": nothing to drop, so it is unwanted.
            ops.append(Operation(op="exclude", facet=mention.facet, value=mention.value, words=mention.words))
        elif constrained or not dropped:
            ops.append(Operation(op="remove", facet=mention.facet, value=mention.value, words=mention.words))
    for m in _REMOVE_VALUE.finditer(text):
        spans.append(m.span())
    for m in _DROP_AMOUNT.finditer(text):
        value = amount(m.group(1), m.group(2))
        for bound, name in ((state.max_price, "max_price"), (state.min_price, "min_price")):
            if bound is not None and abs(bound.value - value) < 0.5:
                ops.append(Operation(op="remove", facet=name, words=m.group(0)))
                spans.append(m.span())
    return ops, spans


def _unknown_brands(text: str, facets: Facets) -> list[str]:
    out = []
    for m in _NAMED_BRAND.finditer(text):
        name = m.group(1) or m.group(2)
        k = key(name)
        if not any(k in vocab for vocab in (facets.brands, facets.categories, facets.colors, facets.types)) and k not in _STOP:
            out.append(f"brand {name}")
    return out


_ASKS_STOCK = re.compile(r"\bdo you (?:also )?(?:sell|carry|stock|have)\b|\bhelp me (?:pick|choose|find|get)\b|\bi(?:'d| would)? (?:also )?(?:need|want)\b|"
                         r"\b(?:get|find) me\b|\b(?:also )?(?:looking|shopping) for\b|\bhave to (?:buy|get)\b", re.I)


def _subject_operations(text: str, scan: str, state: DialogueState, included: list[Mention], taken: list[tuple[int, int]],
                        dropped: list[tuple[int, int]], reading: Reading) -> list[Operation]:
    """A new subject (and its words), or soft words that refine the current one. `taken`:
    spans the rules explained; `dropped`: spans that are not search words (prices, negations)."""
    kinds = [m for m in included if m.facet in ("type", "category")]
    current = _current_kinds(state)
    # "would the 2nd make a good gift?", "is this a good gift for my dad": about a shown product
    about_shown = bool(state.shown) and bool(_REFERS.search(text) or _ORDINAL.search(text)
                                             or re.search(r"\b(?:this|that|these|those|it|they|them)\b", text, re.I))
    gift = None if about_shown and not kinds else (_GIFT.search(scan) or _GIFT_ASKED.search(scan))
    words = content_words(scan, taken) + [w.lower() for w in reading.soft_words]
    subject_text = _subject_words(scan, dropped)
    if kinds:
        same = any(_names_current(m, current) for m in kinds)
        # "earphones too?" is another acceptable kind; "do you sell kettles too?" asks about another subject
        alternative = any(_connects_as_alternative(scan, m) for m in kinds) and not _ASKS_STOCK.search(scan)
        if not current or not (same or alternative):
            return [Operation(op="new_subject", value=subject_text, words=" ".join(m.words for m in kinds))]
        return [Operation(op="refine", value=" ".join(words), words=" ".join(words))] if words else []
    if gift:
        who = gift.group("who").lower()
        interest = (gift.group("interest") or "").strip()
        subject = f"{interest} gift" if interest else subject_text
        ops = [Operation(op="new_subject", value=subject, words=gift.group(0))]
        from retrieval.facets import _AUDIENCE_TERMS

        if who in _AUDIENCE_TERMS and not any(m.facet == "audience" for m in included):
            ops.append(Operation(op="add", facet="audience", value=_AUDIENCE_TERMS[who], words=who))
        return ops
    gift_word = _GIFT_WORD.search(scan)
    if gift_word and not about_shown and "gift" not in key(state.subject) and "present" not in key(state.subject):
        # "kitchen gift under 50" after running shoes: a new subject, not a refinement (nor a brand)
        return [Operation(op="new_subject", value=subject_text or gift_word.group(0), words=gift_word.group(0))]
    cue = _NEW_SUBJECT.search(scan)
    fresh = [w for w in words if w not in key(state.query).split() and w not in key(state.subject).split()]
    # "do you have any that exceed the price of the priciest one?" steps from what was shown
    if words and (not state.subject or (cue and fresh and not _steps_from_shown(scan, state))):
        if not state.subject and not _SHOPPING.search(scan) and not included:
            reading.sure = False
        return [Operation(op="new_subject", value=subject_text or " ".join(words), words=" ".join(words))]
    if words:
        return [Operation(op="refine", value=" ".join(words), words=" ".join(words))]
    return []


def _steps_from_shown(scan: str, state: DialogueState) -> bool:
    return bool(state.shown) and any(p.search(scan) for p in (_CHEAPER, _PRICIER, _SIMILAR, _COMPARE))


# Words that put a cheaper / pricier request relative to one shown item ("cheaper than the 2nd", "a step up from
# the first", "below the 3rd's price", "cheaper alternatives to the Marathia").
_ANCHORED = re.compile(r"\b(?:than|under ?cuts?|past|beyond|look cheap|north of|south of|price of|version of|alternatives? to|(?:step|notch|cut) (?:up|down|above|below)|upgrade (?:over|from|on)|"
                       r"downgrade from|above|below|under|beneath|as (?:expensive|pricey|costly|cheap) as|upwards of|tops|as|vs\.?|versus|compared (?:with|to)|outprices?|exceeds?|surpass(?:es)?|isse|is se|iske|"
                       r"(?:isn'?t|is not|not) \w+ enough)\b|'s price\b|\b(?:its|that|their) price\b|\bwhat (?:the|that|this) .{1,30} costs\b")


def _price_anchor(lowered: str, refs: list[int], similar: re.Match | None, state: DialogueState | None = None) -> int | None:
    """The shown item "cheaper" is measured against: the one named with "than" ("cheaper than
    the 2nd"), or the one "like the second one but cheaper" is like, or for "pricier than all of
    these" the priciest shown (for "cheaper than all of them" the cheapest); else None (all shown)."""
    if state is not None and state.shown and _THAN_ALL.search(lowered):
        priced = sorted((s.price, i) for i, s in enumerate(state.shown, 1) if s.price is not None)
        if priced:
            return (priced[-1] if _pricier_wins(_CHEAPER.search(lowered), _PRICIER.search(lowered)) else priced[0])[1]
    return refs[0] if refs and (_ANCHORED.search(lowered) or similar) else None


def _pricier_wins(cheaper: re.Match | None, pricier: re.Match | None) -> bool:
    """Whether a message asks for dearer items: a pricier cue and no cheaper one before it ("cheap
    ones look bad, actually go up - pricier than all of these": the later cue is the request), or
    one inside it ("not so cheap ones")."""
    if pricier is None:
        return False
    return cheaper is None or pricier.start() >= cheaper.end() or (pricier.start() <= cheaper.start() and cheaper.end() <= pricier.end())


_THAN_ALL = re.compile(r"\b(?:than|outprices?|exceeds?|above|over|beyond|below|under) (?:all(?: (?:[2-9]|two|three|four|five|six))?|each|every one|any) (?:of )?(?:these|them|those|the (?:four|three|two|shown|ones)|four|three)\b", re.I)


def _current_kinds(state: DialogueState) -> set[str]:
    """The kinds of item the standing search is about (its types and categories), as keys."""
    return {key(v) for v in state.values("type") + state.values("category")}


def _names_current(m: Mention, current: set[str]) -> bool:
    """Whether a kind named now is the current one, or its head word ("faucets like the Pfister"
    while kitchen faucets stand: the same subject, said shorter)."""
    value = key(m.value)
    return value in current or any(c.endswith(" " + value) or type_key(c) == type_key(value) for c in current)


def _describes_compared(op: Operation, items: list) -> bool:
    """Whether an operation read from a comparison only describes the items compared ("between the
    cheapest one and the blue denim": denim is what item 2 is made of) or names what they are for
    ("bronze one or the black one, whats better for a farmhouse sink"): not a change of search."""
    if op.op == "new_subject" or (op.op in ("add", "replace") and op.facet in ("type", "category")):
        return True
    if op.op == "add" and op.facet == "audience":
        return True  # "my husband wants something modern ... the glacier bay or the delta": whose taste, not a filter
    if op.op != "add" or op.facet not in ("color", "material", "brand") or not isinstance(op.value, str):
        return False
    words = set(key(op.value).split())
    return any(words <= set(key(f"{s.title} {s.brand or ''} {s.color or ''}").split()) for s in items)


def _reference_operations(text: str, scan: str, state: DialogueState, refs: list[int], ops: list[Operation], reading: Reading) -> None:
    """Compare, similar, more, cheaper / pricier and refer. `scan` is the text with the words that
    name shown items masked ("the premium leaf one" asks for nothing pricier)."""
    lowered = text.lower()
    price_cues = [m.span() for m in (_CHEAPER.search(text), _PRICIER.search(text)) if m]
    two_named = len(refs) >= 2 and not _SIMILAR.search(text) and not price_cues
    # "save a bit vs the boAt one": the "vs" belongs to asking for cheaper, not to a comparison
    # and "any bargains compared to the first one?" asks for cheaper than it
    asks_compare = any(not any(a <= m.start() and m.end() <= b for a, b in price_cues) and not (price_cues and m.group(0).lower().startswith("compared"))
                       for m in _COMPARE.finditer(text))
    if (asks_compare or two_named) and state.shown:
        # Two or more named: those; otherwise everything that was shown ("compare them").
        everything = list(range(1, len(state.shown) + 1))
        positions = [p if p > 0 else len(state.shown) + 1 + p for p in refs]
        focus = next((i for i, s in enumerate(state.shown, 1) if s.id == state.focus), None)
        if len(positions) == 1 and focus is not None and focus != positions[0] and not re.search(r"\b(?:others|the rest|all)\b", lowered):
            positions.append(focus)  # "worth the extra over the red label?" after asking about another item: that one against it
        positions = sorted(positions) if len(positions) >= 2 else everything
        cue = _COMPARE.search(text)
        if len(positions) < len(everything):
            ops[:] = [op for op in ops if not _describes_compared(op, [state.shown[p - 1] for p in positions])]
        ops.append(Operation(op="compare", values=positions, words=cue.group(0) if cue else text))
        return
    similar, more = _SIMILAR.search(text), _MORE.search(text)
    if similar and re.match(r"\s*(?:these|those|them|this lot)\b", text[similar.end():], re.I) and not refs:
        similar, more = None, similar  # "more like these": more of the same search, not one item's neighbours
    if not similar and more and len(refs) == 1 and not (_CHEAPER.search(scan) or _PRICIER.search(scan)) \
            and re.search(r"\bmore of (?:those|these|them|that|it)\b|\bany more\b", more.group(0), re.I):
        similar, more = more, None  # "the second one - more of those": more of that item's kind
    if similar and state.shown:
        position = refs[0] if refs else next((i for i, s in enumerate(state.shown, 1) if s.id == state.focus), 1)
        ops.append(Operation(op="similar", value=position, words=similar.group(0)))
    elif more:
        ops.append(Operation(op="more", words=more.group(0)))
    cheaper, pricier = _CHEAPER.search(scan), _PRICIER.search(scan)
    relaxing = [m.span() for m in _RELAX.finditer(scan)]
    if cheaper and _overlaps(*cheaper.span(), relaxing):
        cheaper = None  # "I can go a bit over budget" loosens it
    if _pricier_wins(cheaper, pricier):
        cheaper = None
    explicit = any(op.facet in ("max_price", "min_price") and op.op in ("add", "replace") for op in ops)
    if cheaper and not explicit:
        ops.append(Operation(op="cheaper", value=_price_anchor(lowered, refs, similar, state), words=cheaper.group(0)))
    elif pricier and not any(op.facet == "min_price" and op.op in ("add", "replace") for op in ops):
        # "go higher than the cheapest pair but stay within 2000": a floor under the ceiling just set
        ops.append(Operation(op="pricier", value=_price_anchor(lowered, refs, similar, state), words=pricier.group(0)))
    relax = _RELAX.search(text)
    if relax and any(op.facet == "max_price" and op.op in ("add", "replace") for op in ops):
        pass  # "the budget can stretch to 2000": the new ceiling says it
    elif relax:
        ops.append(Operation(op="relax", facet="max_price", words=relax.group(0)))
    elif state.relaxed and any(op.op in ("cheaper", "pricier", "more", "similar") for op in ops) and not any(
            op.facet in state.relaxed for op in ops):
        # The shopper went on from the alternatives that had to drop a constraint: drop it for good.
        ops.append(Operation(op="relax", words="(went on from the alternatives)"))
    changes_search = any(op.op in ("add", "replace", "exclude", "remove", "new_subject", "reset", "cheaper", "pricier", "more", "similar")
                         for op in ops)
    if refs and not changes_search:
        ops.append(Operation(op="refer", value=refs[0], words=text))
        reading.route = "detail"


def _route(text: str, state: DialogueState, ops: list[Operation], refs: list[int], reading: Reading, faq_match,
           names_subject: bool = False) -> None:
    if any(op.op == "compare" for op in ops):
        reading.route = "compare"
        return
    # "cancel everything I asked for" restarts the search; it asks nothing about cancelling orders
    policy_text = next((text.replace(op.words, " ") for op in ops if op.op == "reset" and op.words), text)
    faq_words = bool(_FAQ_WORDS.search(policy_text) or _FIT_QUESTION.search(policy_text))
    about_shown = bool(refs or re.search(r"\b(?:these|those|them|they|this one|that one|it)\b", text, re.I)) and bool(state.shown)
    strong_cue = re.search(r"\b(?:looking for|recommend|suggest|show me|find me|i need|i want)\b", text, re.I)
    constraint_ops = [op for op in ops if op.op not in ("refine", "refer", "new_subject")]
    if faq_words:
        if about_shown and not constraint_ops:
            reading.route = "both"
            reading.operations[:] = [op for op in ops if op.op == "refer"]
        elif strong_cue or any(op.facet in ("max_price", "min_price") for op in ops):
            reading.route = "both"
        elif constraint_ops and any(not (_FAQ_WORDS.search(part) or _FIT_QUESTION.search(part)) and part.strip()
                                    for part in _PARTS.split(text)) and len([p for p in _PARTS.split(text) if p.strip()]) > 1:
            reading.route = "both"  # "do you ship to Pune? also any in black": a question, then a search
        else:
            reading.route = "faq"
            reading.operations[:] = []  # a policy question leaves the search as it was
        return
    if reading.route == "detail":
        return
    product_signal = bool(constraint_ops) or bool(_SHOPPING.search(text)) or names_subject
    if product_signal:
        reading.route = "product"
        return
    question = bool(_QUESTION.match(text.strip()))
    if question or (faq_match is not None and faq_match(text)):
        if faq_match is not None and not faq_match(text) and state.subject and any(op.op == "refine" for op in ops):
            reading.route = "product"  # "is there anything waterproof?" about the current search
            return
        reading.route = "faq"
        reading.operations[:] = []
        return
    if any(op.op == "refine" for op in ops) or any(op.op == "new_subject" for op in ops):
        reading.route = "product"
        if not state.subject:
            reading.sure = reading.sure and len(text.split()) <= 8
        return
    if state.subject and _NEGATION.search(text):
        reading.route = "product"  # "nothing from Glacier Bay" where no brand is known: still about the search
        reading.sure = False
        return
    reading.route = "smalltalk"
    reading.sure = False
