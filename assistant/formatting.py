"""How amounts and products read, everywhere a shopper sees them: the chat reply, the cards, the
command line, the API's `price_text`. One module, so "₹1,499" is never "1,499.00 INR" in one
place and "price n/a" in another.

Amounts carry the catalog's currency symbol and the grouping its shoppers read (₹1,23,456 for
rupees, $1,234,567 elsewhere); whole amounts have no decimals ("$100", "₹1,499"), others two
("$97.99"). `parse_money` reads them back, so checks that every price in a reply is a catalog
price use the same rules as the writer.
"""

from __future__ import annotations

import math
import re

SYMBOLS = {"USD": "$", "INR": "₹", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "AUD": "A$", "CAD": "C$"}
NO_PRICE = "price on request"
_MONEY = re.compile(
    r"(?P<sym>A\$|C\$|[$₹€£¥])\s?(?P<a>\d[\d,]*(?:\.\d{1,2})?)"
    r"|(?P<b>\d[\d,]*(?:\.\d{1,2})?)\s?(?P<code>[A-Z]{3})\b"
)


def _grouped(whole: int, indian: bool) -> str:
    digits = str(whole)
    if not indian or len(digits) <= 3:
        return f"{whole:,}"
    head, tail = digits[:-3], digits[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join(groups + [tail])


def money(amount: float, currency: str = "USD") -> str:
    """`amount` as a shopper reads it in `currency` ("₹1,499", "$97.99", "12.50 CHF")."""
    if amount is None or not math.isfinite(amount):
        return NO_PRICE
    cents = round(abs(amount) * 100)
    whole, fraction = divmod(cents, 100)
    number = _grouped(int(whole), currency == "INR") + (f".{fraction:02d}" if fraction else "")
    sign = "-" if amount < 0 else ""
    symbol = SYMBOLS.get(currency.upper())
    return f"{sign}{symbol}{number}" if symbol else f"{sign}{number} {currency.upper()}"


def price(product) -> str:
    """A product's catalog price, or that it has none."""
    return money(product.price, product.currency) if product.price is not None else NO_PRICE


def parse_money(text: str) -> list[float]:
    """Every amount written with a currency symbol or code in `text`, as numbers."""
    out = []
    for m in _MONEY.finditer(text):
        raw = m.group("a") or m.group("b")
        if m.group("code") and m.group("code") not in SYMBOLS and m.group("code") not in ("CHF", "SEK", "NOK", "DKK"):
            continue
        out.append(float(raw.replace(",", "")))
    return out


def product_line(n: int, product, reason: str = "") -> str:
    """One product in a reply: "2. Title — ₹1,499: reason"."""
    return f"{n}. {product.title} — {price(product)}" + (f": {reason}" if reason else "")


def plural(words: str) -> str:
    """English plural of a product noun phrase ("running shoe" -> "running shoes", "watch" ->
    "watches", "battery" -> "batteries"); one already ending in s is left as it is."""
    if not words or words.endswith("s"):
        return words
    if words.endswith(("ch", "sh", "x")):
        return words + "es"
    if words.endswith("y") and not words.endswith(("ay", "ey", "oy")):
        return words[:-1] + "ies"
    return words + "s"
