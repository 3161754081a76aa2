"""The shop UI's recommendation rows (issue 14), under the product cards:

- **Often bought together** with the first product on the cards: its co-bought and co-viewed
  neighbours only (assistant/recs/service.py, `product_id=`), so the heading is true; the row is
  left out when nobody's behaviour links that product to anything yet.
- **For you**: the fused recommender for this shopper (the user id, else `session:<id>`), minus
  what the cards already show; "Popular right now" with a note when nothing is known about the
  shopper yet (cold start, said plainly). Each item has a "Not for me" button: it records a
  dislike and the row is drawn again at once without the item and its near-duplicates.

The rows are drawn again after every turn, after feedback on a card, when the user id changes
and on a reset (wired in `assistant.ui.build_ui`). Every catalog string is escaped as the cards
are (also `$ { } \\``, which gradio's HTML templates would read).
"""

from __future__ import annotations

import html
import logging
import urllib.parse
import uuid
from typing import Any

import gradio as gr

from retrieval.documents import item_from_metadata, product_record_id

from .formatting import price as price_text
from .profile import shopper_id

log = logging.getLogger(__name__)

FOR_YOU = 6
TOGETHER = 4
TOGETHER_KINDS = ("co_bought", "co_viewed")

RECS_CSS = """
.sa-recs { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2430; }
.sa-recs-row { margin: 10px 0 4px 0; }
.sa-recs-heading { font-weight: 650; font-size: 1em; margin: 0 0 6px 0; }
.sa-recs-note { margin: 0 0 6px 0; font-size: 0.88em; color: #5b6275; }
.sa-recs-list { list-style: none; margin: 0; padding: 0 0 4px 0; display: flex; gap: 10px; overflow-x: auto; }
.sa-rec { flex: 0 0 190px; display: flex; flex-direction: column; gap: 3px; padding: 8px 10px; border: 1px solid #d9dce3;
  border-radius: 10px; background: #fff; }
.sa-rec-title { font-weight: 600; font-size: 0.92em; line-height: 1.25; overflow-wrap: anywhere; }
.sa-rec-title a, .sa-rec-title a:visited { color: inherit; text-decoration: none; }
.sa-rec-title a:hover { text-decoration: underline; }
.sa-rec-price { font-weight: 700; font-size: 0.95em; }
.sa-rec-reason { font-size: 0.84em; color: #363c4a; flex: 1 1 auto; overflow-wrap: anywhere; }
.sa-rec-no { align-self: flex-start; margin-top: 4px; padding: 3px 8px; border: 1px solid #cfd4de; border-radius: 7px;
  background: #f6f7fa; color: #2b3142; cursor: pointer; font: inherit; font-size: 0.82em; }
.sa-rec-no:hover { background: #fdecec; border-color: #b42318; }
.sa-rec-no:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
"""

# "Not for me" on a row's item: one delegated listener; the server records it and redraws the rows.
RECS_JS = """
element.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('button[data-action="dislike"]') : null;
  if (!button || !element.contains(button)) return;
  var item = button.closest('[data-product-id]');
  if (!item) return;
  button.disabled = true;
  trigger('click', { action: 'dislike', product_id: item.getAttribute('data-product-id') });
});
"""


def _esc(text: Any) -> str:
    out = html.escape(" ".join(str(text).split()), quote=True)
    return out.replace("$", "&#36;").replace("{", "&#123;").replace("}", "&#125;").replace("`", "&#96;")


def _http_url(url: str | None) -> str | None:
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _item_html(product: Any, reason: str, dislike: bool) -> str:
    title = " ".join(product.title.split()) or "Product"
    name = f'<span class="sa-rec-name">{_esc(title)}</span>'
    link = _http_url(product.url)
    if link:
        name = f'<a href="{_esc(link)}" target="_blank" rel="noopener noreferrer nofollow">{name}</a>'
    button = (f'<button type="button" class="sa-rec-no" data-action="dislike" aria-label="{_esc("Not for me: " + title)}">'
              "Not for me</button>") if dislike else ""
    return (f'<li class="sa-rec" data-product-id="{_esc(product.id)}">'
            f'<span class="sa-rec-title">{name}</span>'
            f'<span class="sa-rec-price">{_esc(price_text(product))}</span>'
            f'<span class="sa-rec-reason">{_esc(reason)}</span>{button}</li>')


def _row_html(kind: str, heading: str, items: list[tuple[Any, str]], note: str = "") -> str:
    if not items:
        return ""
    cells = "".join(_item_html(p, reason, dislike=kind == "for-you") for p, reason in items)
    note_html = f'<p class="sa-recs-note">{_esc(note)}</p>' if note else ""
    return (f'<section class="sa-recs-row sa-{kind}" aria-labelledby="sa-{kind}-heading">'
            f'<h3 class="sa-recs-heading" id="sa-{kind}-heading">{_esc(heading)}</h3>{note_html}'
            f'<ol class="sa-recs-list" role="list">{cells}</ol></section>')


class RecsRows:
    """Draws the rows for one shop (the assistant's index and profile store)."""

    def __init__(self, assistant: Any) -> None:
        self.index = assistant.index
        self.profiles = assistant.profiles

    def _products(self, ids: list[str]) -> dict[str, Any]:
        found = self.index.metadatas([product_record_id(pid) for pid in ids])
        return {m["item_id"]: item_from_metadata(m) for m in found.values()}

    def _recommender(self):
        from .recs.service import recommender_for

        return recommender_for(self.index, self.profiles)

    def render(self, session_id: str | None, user_id: str | None, shown: list | None) -> str:
        """Both rows as HTML ("" when there is nothing to show or no profile store)."""
        if self.profiles is None:
            return ""
        try:
            user = shopper_id(user_id, session_id or "") if (user_id or "").strip() or session_id else None
        except ValueError:
            user = None  # an invalid user id: the chat says so; the rows stay anonymous
        shown_ids = [str(s["id"]) for s in (shown or []) if isinstance(s, dict) and s.get("id")]
        try:
            parts = [self._together(user, shown_ids), self._for_you(user, shown_ids)]
        except Exception as exc:  # recommendations are a bonus: never break the page
            log.warning("recommendation rows failed: %s", exc)
            return ""
        body = "".join(parts)
        return f'<div class="sa-recs" aria-label="Recommendations">{body}</div>' if body else ""

    def _together(self, user: str | None, shown_ids: list[str]) -> str:
        if not shown_ids:
            return ""
        anchor = shown_ids[0]
        recs = self._recommender().recommend(user_id=user, product_id=anchor, k=TOGETHER * 3)
        picks = [r for r in recs.items if r.reason_kind in TOGETHER_KINDS][:TOGETHER]
        products = self._products([anchor] + [r.id for r in picks])
        if anchor not in products:
            return ""
        items = [(products[r.id], r.reason) for r in picks if r.id in products]
        return _row_html("together", f"Often bought together with the {' '.join(products[anchor].title.split())}", items)

    def _for_you(self, user: str | None, shown_ids: list[str]) -> str:
        recs = self._recommender().recommend(user_id=user, k=FOR_YOU, exclude=shown_ids)
        products = self._products([r.id for r in recs.items])
        items = [(products[r.id], r.reason) for r in recs.items if r.id in products]
        if recs.cold_start:
            return _row_html("for-you", "Popular right now", items,
                             "We don't know your taste yet: like or dismiss products and this row becomes yours.")
        return _row_html("for-you", "For you", items)

    def dismiss(self, product_id: str | None, session_id: str | None, user_id: str | None,
                shown: list | None) -> tuple[str, str]:
        """"Not for me" on a row's item: record a dislike for this shopper, then draw the rows
        again (the recommender reads the dislike on this very request). Returns (rows, session
        id): a page without a session yet gets one, as card feedback does."""
        session_id = session_id or uuid.uuid4().hex
        if self.profiles is not None and product_id:
            try:
                user = shopper_id(user_id, session_id)
                if self._products([str(product_id)]):
                    self.profiles.record(user, "dislike", product_id=str(product_id), session_id=session_id)
            except ValueError as exc:
                log.info("not-for-me not recorded: %s", exc)
        return self.render(session_id, user_id, shown), session_id

    def click(self, session_id: str | None, user_id: str | None, shown: list | None, evt: gr.EventData) -> tuple[str, str | None]:
        """The row's click event (gradio EventData carrying action and product id)."""
        data = getattr(evt, "_data", None) or {}
        if data.get("action") != "dislike":
            return self.render(session_id, user_id, shown), session_id
        return self.dismiss(data.get("product_id"), session_id, user_id, shown)
