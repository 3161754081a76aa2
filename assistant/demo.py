"""`shopassist demo`: load the shipped demo catalog and FAQ (fast when already loaded, thanks to
content hashes), then an interactive search prompt."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest import ingest_file

from .shop import Shop

DEMO_DIR = Path(__file__).resolve().parent.parent / "examples" / "demo"


def load_demo(shop: Shop) -> None:
    for kind, name in (("product", "products.jsonl"), ("faq", "faq.md")):
        report = ingest_file(shop.index, DEMO_DIR / name, kind, sync=True)
        print(report.summary())


def run_demo(shop: Shop, interactive: bool = True) -> int:
    load_demo(shop)
    if not interactive:
        return 0
    print("Search the demo shop (products and FAQ). Empty line or Ctrl-D to quit.")
    while True:
        try:
            query = input("search> ").strip()
        except EOFError:
            return 0
        if not query:
            return 0
        for n, hit in enumerate(shop.searcher.search(query, k=5), 1):
            if hit.product:
                print(f"{n}. {hit.product.title} — {hit.product.price:.2f} {hit.product.currency}")
            elif hit.faq:
                print(f"{n}. FAQ: {hit.faq.question}\n   {hit.faq.answer}")
