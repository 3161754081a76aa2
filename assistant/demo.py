"""`shopassist demo`: load the shipped demo catalog and FAQ (fast when already loaded, thanks to
content hashes), then the chat UI in the browser."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest import ingest_file

from .shop import Shop

DEMO_DIR = Path(__file__).resolve().parent.parent / "examples" / "demo"


def load_demo(shop: Shop) -> None:
    """The demo shop, synced (a rerun after the demo files changed drops what they no longer
    have). A home that holds another catalog is never emptied for the demo: its items stay, and
    the demo's are added beside them, with a note to use a home of its own."""
    from retrieval.ingest import Kind, SyncRefused

    files: tuple[tuple[Kind, str], ...] = (("product", "products.jsonl"), ("faq", "faq.md"))
    for kind, name in files:
        try:
            report = ingest_file(shop.index, DEMO_DIR / name, kind, sync=True)
        except SyncRefused:
            print(f"note: {shop.settings.home} holds another {kind} set; the demo is added beside it "
                  "(run the demo with --home DIR to keep it apart)")
            report = ingest_file(shop.index, DEMO_DIR / name, kind)
        print(report.summary())


def run_demo(shop: Shop, interactive: bool = True, host: str = "127.0.0.1", port: int = 7860) -> int:
    load_demo(shop)
    if not interactive:
        return 0
    from .ui import launch_ui

    launch_ui(shop, host=host, port=port)  # prints the URL; blocks until Ctrl-C
    return 0
