"""A first Gradio chat UI over the shopping assistant (`shopassist ui`, `shopassist demo`).

One chat per browser session: the reply streams into the chat as the agent yields deltas, then
the products of the final result follow as simple Markdown cards. Everything is served from this
machine: gradio's own frontend assets, no analytics, no share link.
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Iterator

from .settings import quiet_offline_environment

quiet_offline_environment()  # before gradio is imported: no analytics, no hub calls

import gradio as gr  # noqa: E402

from .agent import InputError, ProductOut, ShoppingAssistant, TurnResult  # noqa: E402
from .profile import check_user_id  # noqa: E402

TITLE = "Shop assistant"
API_NAME = "chat"
EXAMPLES = ["running shoes under 100", "what is your return policy?", "a waterproof jacket in blue"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    """Catalog text shown literally in Markdown (a title with [brackets] or *stars* stays as is)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def format_price(price: float | None, currency: str) -> str:
    return f"{price:,.2f} {currency}" if price is not None else "price n/a"


def product_card(n: int, p: ProductOut) -> str:
    lines = [f"**{n}. {_md(p.title)}** — {format_price(p.price, p.currency)}" + ("" if p.in_stock else " (out of stock)")]
    if p.reason:
        lines.append(_md(p.reason))
    if p.url and p.url.startswith(("http://", "https://")):
        lines.append(f"[View product]({p.url.replace(' ', '%20').replace(')', '%29')})")
    return "  \n".join(lines)  # two trailing spaces: Markdown line breaks inside one card


def products_markdown(result: TurnResult) -> str:
    """The products of a turn as Markdown cards ("" when there are none)."""
    blocks: list[str] = []
    if result.products:
        blocks += [product_card(n, p) for n, p in enumerate(result.products, 1)]
    elif result.alternatives:
        heading = "**Closest alternatives** (they do not match everything you asked"
        heading += f": {_md(result.relaxation)})" if result.relaxation else ")"
        blocks.append(heading)
        blocks += [product_card(n, p) for n, p in enumerate(result.alternatives, 1)]
    return "\n\n".join(blocks)


def _as_assistant(target: Any) -> ShoppingAssistant:
    """A ShoppingAssistant as is, or a Shop's assistant with its configured LLM."""
    if hasattr(target, "turn_stream"):
        return target
    if hasattr(target, "assistant"):
        return target.assistant()
    raise TypeError(f"build_ui needs a Shop or a ShoppingAssistant, not {type(target).__name__}")


def make_responder(assistant: ShoppingAssistant):
    """The streaming event handler: (message, history, session_id, user_id) → yields
    (history, cleared textbox, session_id) as the reply grows."""

    def respond(message: str, history: list | None, session_id: str | None, user_id: str | None) -> Iterator[tuple]:
        history = list(history or [])
        session_id = session_id or uuid.uuid4().hex
        history.append({"role": "user", "content": message or ""})
        reply = {"role": "assistant", "content": ""}
        history.append(reply)
        yield history, "", session_id
        user = (user_id or "").strip() or None
        try:
            if user is not None:
                check_user_id(user)
        except ValueError as exc:
            reply["content"] = f"⚠️ {exc}"
            yield history, gr.skip(), session_id
            return
        try:
            text = ""
            for event in assistant.turn_stream(message, session_id, user):
                if event["type"] == "delta":
                    text += event["text"]
                    reply["content"] = text.lstrip()
                    yield history, gr.skip(), session_id
                elif event["type"] == "final":
                    result: TurnResult = event["result"]
                    reply["content"] = result.reply or text.strip() or "(no reply)"
                    cards = products_markdown(result)
                    if cards:
                        history.append({"role": "assistant", "content": cards})
                    yield history, gr.skip(), session_id
        except InputError as exc:  # the message cannot be processed as sent (empty, too long...)
            reply["content"] = f"⚠️ {exc}"
            yield history, gr.skip(), session_id

    return respond


def build_ui(shop_or_assistant: Any, *, title: str = TITLE, concurrency_limit: int | None = 1) -> gr.Blocks:
    """The chat page. `shop_or_assistant`: a Shop (its configured LLM is used) or a ready
    ShoppingAssistant (e.g. `shop.assistant(llm=None)`). Turns run in gradio's worker threads,
    `concurrency_limit` at a time (the embedded LLM serves one request at a time anyway)."""
    assistant = _as_assistant(shop_or_assistant)
    respond = make_responder(assistant)

    with gr.Blocks(title=title, analytics_enabled=False) as demo:
        gr.Markdown(f"## {_md(title)}\nAsk for products (\"running shoes under 100\") or about orders, shipping and returns.")
        session = gr.State(None)  # set on the first turn: one uuid4 per browser session
        # gradio 6: the messages format ({"role", "content"} dicts) is the only one (no `type=`).
        chatbot = gr.Chatbot(label="Chat", height=520, buttons=["copy"])
        with gr.Row():
            message = gr.Textbox(placeholder="Type a message and press Enter", show_label=False, scale=5, autofocus=True)
            send = gr.Button("Send", variant="primary", scale=1)
        with gr.Row():
            user = gr.Textbox(label="User id (optional: personalises results and remembers feedback)", scale=5, max_lines=1)
            new = gr.Button("New conversation", scale=1)
        gr.Examples(EXAMPLES, inputs=message)

        event_args = dict(fn=respond, inputs=[message, chatbot, session, user], outputs=[chatbot, message, session],
                          concurrency_limit=concurrency_limit)
        message.submit(api_name=API_NAME, **event_args)
        send.click(api_visibility="private", **event_args)
        new.click(lambda: ([], "", None), outputs=[chatbot, message, session], api_visibility="private", queue=False)
    return demo


def launch_ui(shop_or_assistant: Any, host: str = "127.0.0.1", port: int = 7860, *, block: bool = True,
              quiet: bool = False) -> gr.Blocks:
    """Serve the UI on host:port (loopback by default; never a public share link). Blocks until
    Ctrl-C unless `block=False`; returns the Blocks (call `.close()` to stop it)."""
    demo = build_ui(shop_or_assistant)
    try:
        _, url, _ = demo.launch(server_name=host, server_port=port, share=False, inbrowser=False, quiet=True,
                                prevent_thread_lock=True, show_error=True, ssr_mode=False)
    except OSError as exc:
        raise ValueError(f"cannot serve the UI on {host}:{port} ({exc}); pass another --port") from exc
    if not quiet:
        print(f"Shop assistant UI: {url}  (Ctrl-C to stop)", flush=True)
    if block:
        try:
            demo.block_thread()
        finally:
            demo.close()
    return demo
