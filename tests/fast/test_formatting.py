"""Prices, budgets and product lines read the same everywhere (assistant/formatting.py)."""

import pytest

from assistant.formatting import NO_PRICE, money, parse_money, price, product_line
from retrieval.schemas import Product


@pytest.mark.parametrize("amount,currency,text", [
    (1499, "INR", "₹1,499"), (123456.5, "INR", "₹1,23,456.50"), (99, "INR", "₹99"), (97.99, "USD", "$97.99"),
    (100, "USD", "$100"), (1234567, "USD", "$1,234,567"), (0.5, "EUR", "€0.50"), (12.5, "CHF", "12.50 CHF"),
    (19.999, "GBP", "£20"), (float("inf"), "USD", NO_PRICE),
])
def test_money(amount, currency, text):
    assert money(amount, currency) == text


def test_money_reads_back():
    for amount, currency in ((1499, "INR"), (123456.5, "INR"), (97.99, "USD"), (12.5, "CHF")):
        assert parse_money(f"only {money(amount, currency)} today") == [amount]
    assert parse_money("3 pcs for 2 people, 4.5 stars") == []


def test_product_line_and_missing_price():
    shoe = Product(id="p", title="Trail Shoe", price=97.99)
    assert product_line(2, shoe, "grips on mud") == "2. Trail Shoe — $97.99: grips on mud"
    assert price(Product(id="q", title="Quote", price=None)) == NO_PRICE
