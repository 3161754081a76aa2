/*!
 * ShopAssist chat widget. Plain JavaScript, no build step, no dependencies.
 *
 * Embed on a shop page:
 *   <script src="https://API_HOST/widget.js" data-site-key="YOUR_SITE_KEY" async></script>
 *
 * Optional attributes on the script tag:
 *   data-user-id="..."         the shop's own id for a signed-in shopper (personalises results, keeps feedback)
 *   data-user-signature="..."  required with data-user-id: hex HMAC-SHA256 of the user id with the site's
 *                              secret, computed by the shop's server (never put the secret in the page)
 *   data-title="..."     the panel heading (default "Shopping assistant")
 *   data-open="true"     open the panel on load
 *
 * The widget lives in a Shadow DOM: the page's styles do not reach it and its styles do not
 * reach the page. Catalog and FAQ text is always inserted as text (textContent), never as HTML.
 *
 * Conversations: the server issues the session id (POST api/v1/sessions); the widget keeps it
 * per site in localStorage and starts a new one when the server no longer knows it (expired)
 * or it belongs to someone else (the shopper signed in or out).
 *
 * Product cards: a responsive grid (thumbnail or a placeholder with the title's initial, title
 * linking to the product page, price, one reason) with icon buttons: like, not for me, more like
 * this (asks for similar items) and add to cart. Images are requested only from http(s) URLs on
 * hosts that can resolve (never *.invalid, *.test, *.example, *.localhost).
 *
 * Add to cart raises an event the host page handles (the widget has no cart of its own):
 *   shopassist:add-to-cart   CustomEvent on the <shopassist-widget> element; it bubbles to
 *                            document and window (composed), so listen on either, once.
 *   event.detail = { product_id, title, price, currency, price_text, url, quantity: 1 }
 *   Call event.preventDefault() once the item is in the cart: the widget then says
 *   "Added to your cart". Unhandled, it points the shopper to the product page instead.
 * The widget also records `add_to_cart` as feedback (POST api/v1/feedback).
 *
 * What the recommenders learn from (POST api/v1/feedback): a click on a card's title says its
 * position (0 = first) and the message that showed it; when the shopper comes back to this page
 * from the product page it opened, the time away is sent as a `dwell` (dwell_seconds).
 *
 * Recommendations (GET api/v1/recommendations): under a turn's cards, "Often bought together"
 * with its first product (co-bought / co-viewed items only; no row when nobody's behaviour links
 * it yet); and a "For you" row (the shopper's picks, "Popular right now" when the server knows
 * nothing about them yet), drawn when the panel opens for a known shopper and after each turn,
 * drawn again at once after any "not for me" so the dismissed item (and its near-duplicates) go.
 *
 * Talking to a person: when a turn hands the conversation over (`handoff: true` in its final
 * event) the widget opens a ticket (POST api/v1/handoff) and polls GET api/v1/handoff every few
 * seconds until staff close it; their replies appear in the chat (after a reload too).
 */
(function () {
  "use strict";

  if (window.__shopassistWidgetLoaded) return;
  window.__shopassistWidgetLoaded = true;

  // --- where we were loaded from ------------------------------------------------------------

  function findScript() {
    if (document.currentScript && document.currentScript.src) return document.currentScript;
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      var src = scripts[i].getAttribute("src") || "";
      if (/\/widget\.js(?:[?#].*)?$/.test(src)) return scripts[i];
    }
    return null;
  }

  var script = findScript();
  if (!script) {
    if (window.console) console.warn("[shopassist] cannot find the widget's <script> tag; not starting");
    return;
  }

  var scriptUrl = new URL(script.src, document.baseURI);
  var apiBase = new URL(".", scriptUrl); // the folder widget.js is served from, e.g. https://api.example/
  var CHAT_URL = new URL("api/v1/chat", apiBase).href;
  var FEEDBACK_URL = new URL("api/v1/feedback", apiBase).href;
  var SESSIONS_URL = new URL("api/v1/sessions", apiBase).href;
  var HANDOFF_URL = new URL("api/v1/handoff", apiBase).href;
  var RECS_URL = new URL("api/v1/recommendations", apiBase).href;
  var siteKey = (script.getAttribute("data-site-key") || "").trim();
  var userId = (script.getAttribute("data-user-id") || "").trim() || null;
  var userSignature = (script.getAttribute("data-user-signature") || "").trim() || null;
  var title = (script.getAttribute("data-title") || "").trim() || "Shopping assistant";
  var openOnLoad = script.getAttribute("data-open") === "true";
  var SESSION_KEY = "shopassist:session:" + apiBase.origin + ":" + siteKey;

  // --- small helpers ------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var name in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, name)) continue;
        var value = attrs[name];
        if (value === null || value === undefined || value === false) continue;
        if (name === "text") node.textContent = String(value);
        else if (name === "className") node.className = value;
        else node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // Icons as inline SVG (no emoji font needed); always decorative: buttons carry aria-labels.
  var ICONS = {
    chat: "M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z",
    like: "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z",
    dislike: "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z",
    more_like_this: "M15.5 14h-.79l-.28-.27A6.471 6.471 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14zm2.5-4h-2v2H9v-2H7V9h2V7h1v2h2v1z",
    add_to_cart: "M7 18c-1.1 0-1.99.9-1.99 2S5.9 22 7 22s2-.9 2-2-.9-2-2-2zM1 2v2h2l3.6 7.59-1.35 2.45c-.16.28-.25.61-.25.96 0 1.1.9 2 2 2h12v-2H7.42c-.14 0-.25-.11-.25-.25l.03-.12.9-1.63h7.45c.75 0 1.41-.41 1.75-1.03l3.58-6.49A1.003 1.003 0 0 0 20 4H5.21l-.94-2H1zm16 16c-1.1 0-1.99.9-1.99 2s.89 2 1.99 2 2-.9 2-2-.9-2-2-2z",
    person: "M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z",
  };

  function icon(name, size) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", String(size));
    svg.setAttribute("height", String(size));
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "sa-icon");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", ICONS[name]);
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  }

  function safeHttpUrl(value) {
    if (typeof value !== "string") return null;
    var trimmed = value.trim();
    if (!/^https?:\/\//i.test(trimmed)) return null;
    try {
      var url = new URL(trimmed);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // Hosts that never resolve (RFC 2606 / 6761), as in the Gradio UI (assistant/ui.py): the demo
  // catalog's images point there, and asking for them would only cost a failed request.
  var UNREACHABLE = /(^|\.)(invalid|test|example|localhost)$/i;

  function imageUrlToShow(value) {
    var url = safeHttpUrl(value);
    if (!url) return null;
    var host = new URL(url).hostname.replace(/\.$/, "");
    return host && !UNREACHABLE.test(host) ? url : null;
  }

  // "(Source: FAQ “question” [entry-id])" as older servers wrote it: the id is not for shoppers.
  function shopperText(text) {
    return String(text || "").replace(/(\((?:Source: FAQ|From our FAQ:) \u201C[^\u201D\n]*\u201D)\s*\[[^\]\n]*\]\)/g, "$1)");
  }

  // The server formats prices (assistant/formatting.py: "₹1,499", "$97.99"); this is only for
  // an older server that sends no price_text.
  function formatPrice(product) {
    if (typeof product.price_text === "string" && product.price_text) return product.price_text;
    var price = product.price;
    if (typeof price !== "number" || !isFinite(price)) return "price on request";
    var amount = price.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return product.currency ? amount + " " + String(product.currency) : amount;
  }

  function loadSession() {
    try {
      return window.localStorage.getItem(SESSION_KEY) || null;
    } catch (e) {
      return null; // storage blocked (private mode, sandboxed iframe...): one session per page view
    }
  }

  var memorySession = null;
  function saveSession(id) {
    memorySession = id || null;
    try {
      if (id) window.localStorage.setItem(SESSION_KEY, id);
      else window.localStorage.removeItem(SESSION_KEY);
    } catch (e) {
      /* keep it in memory only */
    }
  }

  function currentSession() {
    return memorySession || loadSession();
  }

  function withIdentity(body) {
    if (userId) {
      body.user_id = userId;
      if (userSignature) body.user_signature = userSignature;
    }
    return body;
  }

  function friendlyError(status, detail) {
    if (status === 401) return "Sorry, we couldn't confirm that you're signed in. Please reload the page and try again.";
    if (status === 403) return "Sorry, the shopping assistant isn't available on this site right now.";
    if (status === 413) return "That message is too long. Please shorten it and try again.";
    if (status === 429) return "You're sending messages a little fast. Please wait a moment and try again.";
    if (status === 400 || status === 422) return detail ? "Sorry, I couldn't read that: " + detail : "Sorry, I couldn't read that message.";
    if (status >= 500) return "Sorry, something went wrong on our side. Please try again in a moment.";
    if (status === 0) return "Sorry, I can't reach the shopping assistant right now. Please try again in a little while.";
    return "Sorry, something went wrong (error " + status + "). Please try again.";
  }

  function readError(response) {
    // {detail, code} of a refusal; code says e.g. session_unknown / session_owned.
    return response.text().then(function (body) {
      try {
        var data = JSON.parse(body);
        var detail = data && (data.detail || data.message || data.error);
        if (detail && typeof detail === "object" && typeof detail.message === "string") detail = detail.message;
        return { detail: typeof detail === "string" ? detail : "", code: data && typeof data.code === "string" ? data.code : "" };
      } catch (e) {
        return { detail: "", code: "" };
      }
    }, function () {
      return { detail: "", code: "" };
    });
  }

  function isStaleSession(status, code) {
    return (status === 404 && code === "session_unknown") ||
      (status === 403 && (code === "session_owned" || code === "session_forbidden"));
  }

  // --- Server-Sent Events over fetch (POST with a JSON body: EventSource cannot do that) ------

  function parseSseBlock(block) {
    var event = "message";
    var data = [];
    block.split(/\r\n|\r|\n/).forEach(function (line) {
      if (!line || line.charAt(0) === ":") return;
      var colon = line.indexOf(":");
      var field = colon === -1 ? line : line.slice(0, colon);
      var value = colon === -1 ? "" : line.slice(colon + 1);
      if (value.charAt(0) === " ") value = value.slice(1);
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    });
    if (!data.length) return null;
    return { event: event, data: data.join("\n") };
  }

  function readSse(response, onEvent) {
    var decoder = new TextDecoder("utf-8");
    var buffer = "";
    var separator = /\r\n\r\n|\n\n|\r\r/;

    function drain(final) {
      var match;
      while ((match = separator.exec(buffer))) {
        var block = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        var parsed = parseSseBlock(block);
        if (parsed) onEvent(parsed);
      }
      if (final && buffer.trim()) {
        var last = parseSseBlock(buffer);
        buffer = "";
        if (last) onEvent(last);
      }
    }

    if (!response.body || !response.body.getReader) {
      return response.text().then(function (text) {
        buffer = text;
        drain(true);
      });
    }
    var reader = response.body.getReader();
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          buffer += decoder.decode();
          drain(true);
          return;
        }
        buffer += decoder.decode(chunk.value, { stream: true });
        drain(false);
        return pump();
      });
    }
    return pump();
  }

  // --- styles (scoped to the shadow root) ----------------------------------------------------

  var CSS = [
    ":host { all: initial; }",
    ".sa-root { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;",
    "  font-size: 14px; line-height: 1.45; color: #1f2328; font-style: normal; font-weight: 400;",
    "  letter-spacing: normal; text-transform: none; text-align: left; }",
    ".sa-root *, .sa-root *::before, .sa-root *::after { box-sizing: border-box; }",
    "button, input { font: inherit; color: inherit; letter-spacing: inherit; text-transform: none; margin: 0; }",
    ".sa-bubble { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; width: 56px; height: 56px;",
    "  border-radius: 50%; border: none; background: #2f5bea; color: #ffffff; cursor: pointer; font-size: 26px;",
    "  display: flex; align-items: center; justify-content: center; padding: 0; box-shadow: 0 4px 14px rgba(0,0,0,.25); }",
    ".sa-icon { display: block; flex: none; }",
    ".sa-bubble:hover { background: #2549c4; }",
    ".sa-bubble:focus-visible, .sa-panel button:focus-visible, .sa-panel a:focus-visible, .sa-input:focus-visible {",
    "  outline: 3px solid #ffbf47; outline-offset: 2px; }",
    ".sa-panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483647; width: 400px;",
    "  max-width: calc(100vw - 40px); height: 600px; max-height: calc(100vh - 110px); display: flex;",
    "  flex-direction: column; background: #ffffff; color: #1f2328; border: 1px solid #d0d7de;",
    "  border-radius: 12px; box-shadow: 0 10px 32px rgba(0,0,0,.22); overflow: hidden; }",
    ".sa-panel[hidden] { display: none; }",
    ".sa-header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; background: #2f5bea; color: #ffffff; }",
    ".sa-title { flex: 1; margin: 0; font-size: 15px; font-weight: 600; color: #ffffff; }",
    ".sa-header button { background: transparent; border: 1px solid rgba(255,255,255,.6); color: #ffffff;",
    "  border-radius: 6px; padding: 2px 8px; cursor: pointer; font-size: 12px; }",
    ".sa-header .sa-close { font-size: 18px; line-height: 1; padding: 2px 8px; }",
    ".sa-messages { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f6f8fa; }",
    ".sa-msg { max-width: 88%; padding: 8px 10px; border-radius: 10px; white-space: pre-wrap; overflow-wrap: anywhere; }",
    ".sa-msg-user { align-self: flex-end; background: #2f5bea; color: #ffffff; }",
    ".sa-msg-assistant { align-self: flex-start; background: #ffffff; border: 1px solid #d0d7de; color: #1f2328; }",
    ".sa-msg-error { align-self: stretch; background: #fff1f0; border: 1px solid #f5c2c0; color: #8a1c17; }",
    ".sa-msg-note { align-self: stretch; background: transparent; color: #57606a; font-size: 12px; padding: 2px 4px; }",
    ".sa-typing::after { content: '\\2026'; }",
    ".sa-msg-staff { align-self: flex-start; background: #e8f5ec; border: 1px solid #9fd3ad; color: #1f2328; }",
    ".sa-msg-staff .sa-who { display: flex; align-items: center; gap: 4px; font-size: 12px; font-weight: 700; color: #135c28; margin-bottom: 2px; }",
    ".sa-cards { align-self: stretch; margin: 0; }",
    ".sa-cards-label { margin: 0 0 6px 0; font-size: 12px; font-weight: 600; color: #9a6700; }",
    ".sa-grid { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px;",
    "  grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); }",
    ".sa-cell { display: flex; margin: 0; padding: 0; }",
    ".sa-card { position: relative; display: flex; flex-direction: column; width: 100%; background: #ffffff;",
    "  border: 1px solid #d0d7de; border-radius: 10px; overflow: hidden; }",
    ".sa-card-alt { border-style: dashed; border-color: #d4a72c; }",
    ".sa-card.sa-dismissed { opacity: .55; }",
    ".sa-thumb { position: relative; width: 100%; aspect-ratio: 16 / 10; background: #eaeef2; display: flex;",
    "  align-items: center; justify-content: center; overflow: hidden; }",
    ".sa-thumb img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; display: block; }",
    ".sa-initial { font-size: 30px; font-weight: 700; color: #8c959f; }",
    ".sa-n { position: absolute; top: 6px; left: 6px; min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px;",
    "  background: rgba(31,35,40,.78); color: #ffffff; font-size: 12px; font-weight: 700; line-height: 20px; text-align: center; z-index: 1; }",
    ".sa-card-body { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 3px; padding: 8px 10px 10px; }",
    ".sa-card-title { margin: 0; font-size: 13px; font-weight: 600; line-height: 1.3; overflow-wrap: anywhere; color: #1f2328; }",
    ".sa-card-title a { color: #0b57d0; text-decoration: none; }",
    ".sa-card-title a:hover { text-decoration: underline; }",
    ".sa-price { font-weight: 700; color: #1f2328; }",
    ".sa-stock { color: #8a1c17; font-size: 12px; }",
    ".sa-reason { margin: 0; color: #57606a; font-size: 12px; overflow-wrap: anywhere; flex: 1 1 auto; }",
    ".sa-actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }",
    ".sa-actions button { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0;",
    "  cursor: pointer; font-size: 12px; color: #1f2328; width: 32px; height: 32px; display: inline-flex;",
    "  align-items: center; justify-content: center; gap: 6px; }",
    ".sa-actions button:hover { background: #eaeef2; }",
    ".sa-actions button[aria-pressed='true'] { background: #dafbe1; border-color: #1a7f37; color: #135c28; }",
    ".sa-actions .sa-fb-dislike[aria-pressed='true'] { background: #ffebe9; border-color: #cf222e; color: #82071e; }",
    ".sa-actions .sa-cart { flex: 1 1 100%; width: auto; background: #2f5bea; border-color: #2f5bea; color: #ffffff; font-weight: 600; }",
    ".sa-actions .sa-cart:hover { background: #2549c4; }",
    ".sa-actions .sa-cart[aria-pressed='true'] { background: #1a7f37; border-color: #1a7f37; color: #ffffff; }",
    ".sa-actions button:disabled { cursor: default; opacity: .7; }",
    ".sa-ack { font-size: 12px; color: #57606a; flex: 1 1 100%; min-height: 0; }",
    ".sa-ack:empty { display: none; }",
    ".sa-ack a { color: #0b57d0; }",
    ".sa-recs { align-self: stretch; margin: 2px 0 0 0; }",
    ".sa-recs-label { margin: 0 0 4px 0; font-size: 12px; font-weight: 700; color: #1f2328; }",
    ".sa-recs-note { margin: 0 0 4px 0; font-size: 11px; color: #57606a; }",
    ".sa-recs-list { list-style: none; margin: 0; padding: 0 0 4px 0; display: flex; gap: 6px; overflow-x: auto; }",
    ".sa-rec { flex: 0 0 150px; display: flex; flex-direction: column; gap: 2px; padding: 6px 8px; background: #ffffff;",
    "  border: 1px solid #d0d7de; border-radius: 8px; }",
    ".sa-rec-title { margin: 0; font-size: 12px; font-weight: 600; line-height: 1.3; overflow-wrap: anywhere; }",
    ".sa-rec-title a { color: #0b57d0; text-decoration: none; }",
    ".sa-rec-reason { margin: 0; font-size: 11px; color: #57606a; overflow-wrap: anywhere; flex: 1 1 auto; }",
    ".sa-rec-no { align-self: flex-start; margin-top: 2px; padding: 2px 6px; font-size: 11px; background: #f6f8fa;",
    "  border: 1px solid #d0d7de; border-radius: 6px; cursor: pointer; }",
    ".sa-rec-no:hover { background: #ffebe9; border-color: #cf222e; }",
    ".sa-bubble[data-unread]::after { content: ''; position: absolute; top: 4px; right: 4px; width: 12px; height: 12px;",
    "  border-radius: 50%; background: #cf222e; border: 2px solid #ffffff; }",
    ".sa-form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #d0d7de; background: #ffffff; }",
    ".sa-input { flex: 1; min-width: 0; padding: 8px 10px; border: 1px solid #8c959f; border-radius: 8px; background: #ffffff; color: #1f2328; }",
    ".sa-send { padding: 8px 14px; border: none; border-radius: 8px; background: #2f5bea; color: #ffffff; cursor: pointer; font-weight: 600; }",
    ".sa-send:disabled { opacity: .6; cursor: default; }",
    ".sa-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;",
    "  clip: rect(0,0,0,0); white-space: nowrap; border: 0; }",
    "@media (max-width: 480px) {",
    "  .sa-panel { left: 0; right: 0; bottom: 0; top: 0; width: 100%; max-width: 100%; height: 100%; max-height: 100%; border-radius: 0; border: none; }",
    "  .sa-bubble { right: 12px; bottom: 12px; }",
    "}",
    "@media (prefers-reduced-motion: no-preference) { .sa-bubble { transition: background .15s; } }",
  ].join("\n");

  // --- the widget -----------------------------------------------------------------------------

  function mount() {
    var host = document.createElement("shopassist-widget");
    host.setAttribute("data-shopassist", "");
    // Inline !important beats the page's own `* { ... !important }` rules on the host element.
    host.style.setProperty("all", "initial", "important");
    host.style.setProperty("display", "block", "important");
    host.style.setProperty("position", "static", "important");
    var root = host.attachShadow({ mode: "open" });

    var style = document.createElement("style");
    style.textContent = CSS;
    root.appendChild(style);

    var bubble = el("button", {
      type: "button", className: "sa-bubble", "aria-label": "Open " + title + " chat", "aria-expanded": "false",
      "aria-controls": "sa-panel", title: title,
    }, [icon("chat", 26)]);

    var heading = el("h2", { className: "sa-title", id: "sa-title", text: title });
    var newChat = el("button", { type: "button", className: "sa-new", "aria-label": "Start a new conversation", text: "New chat" });
    var close = el("button", { type: "button", className: "sa-close", "aria-label": "Close chat" }, ["\u00D7"]);
    var messages = el("div", {
      className: "sa-messages", role: "log", "aria-live": "polite", "aria-relevant": "additions text",
      "aria-label": "Conversation",
    });
    var input = el("input", {
      type: "text", className: "sa-input", id: "sa-input", autocomplete: "off", maxlength: "2000",
      placeholder: "Ask about products, shipping, returns\u2026",
    });
    var label = el("label", { className: "sa-sr-only", "for": "sa-input", text: "Your message" });
    var send = el("button", { type: "submit", className: "sa-send", text: "Send" });
    var form = el("form", { className: "sa-form", "aria-label": "Send a message" }, [label, input, send]);
    var panel = el("section", {
      className: "sa-panel", id: "sa-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "sa-title",
      hidden: true,
    }, [el("div", { className: "sa-header" }, [heading, newChat, close]), messages, form]);

    var wrapper = el("div", { className: "sa-root" }, [bubble, panel]);
    root.appendChild(wrapper);
    document.body.appendChild(host);

    var busy = false;
    var greeted = false;
    var lastQuery = null; // the message whose cards are being drawn (sent with a click on them)

    function scrollDown() {
      messages.scrollTop = messages.scrollHeight;
    }

    // After a turn with cards: its reply at the top when reply and cards do not fit together,
    // so the shopper reads the summary first and scrolls on to the cards.
    function scrollToTurn(node) {
      var top = node.offsetTop - messages.offsetTop - 8;
      if (messages.scrollHeight - top > messages.clientHeight) messages.scrollTop = top;
      else scrollDown();
    }

    function addMessage(kind, text) {
      var node = el("div", { className: "sa-msg sa-msg-" + kind, "data-role": kind });
      node.textContent = text || "";
      messages.appendChild(node);
      scrollDown();
      return node;
    }

    function greet() {
      if (greeted) return;
      greeted = true;
      addMessage("assistant", "Hi! Tell me what you're looking for (e.g. \u201Crunning shoes under 100\u201D), or ask about shipping and returns.");
      refreshForYou(true); // a shopper the server may know (signed in, or a conversation kept from before)
    }

    function open() {
      panel.hidden = false;
      bubble.removeAttribute("data-unread");
      bubble.setAttribute("aria-expanded", "true");
      bubble.setAttribute("aria-label", "Close " + title + " chat");
      greet();
      scrollDown();
      input.focus();
    }

    function closePanel() {
      panel.hidden = true;
      bubble.setAttribute("aria-expanded", "false");
      bubble.setAttribute("aria-label", "Open " + title + " chat");
      bubble.focus();
    }

    bubble.addEventListener("click", function () {
      if (panel.hidden) open();
      else closePanel();
    });
    close.addEventListener("click", closePanel);
    newChat.addEventListener("click", function () {
      stopPolling();
      handoff.ticket = null;
      handoff.seen = 0;
      saveSession(null);
      while (messages.firstChild) messages.removeChild(messages.firstChild);
      forYou = null;
      greeted = false;
      greet();
      input.focus();
    });
    root.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && !panel.hidden) {
        event.preventDefault();
        event.stopPropagation();
        closePanel();
      }
    });

    function headers() {
      return { "Content-Type": "application/json", "X-Site-Key": siteKey };
    }

    // A session issued by the server, kept per site; a new one is asked for when there is none.
    function ensureSession() {
      var existing = currentSession();
      if (existing) return Promise.resolve(existing);
      return fetch(SESSIONS_URL, {
        method: "POST", mode: "cors", credentials: "omit", headers: headers(), body: JSON.stringify(withIdentity({})),
      }).then(function (response) {
        if (!response.ok) {
          return readError(response).then(function (err) {
            throw { status: response.status, detail: err.detail };
          });
        }
        return response.json().then(function (data) {
          if (!data || typeof data.session_id !== "string" || !data.session_id) throw { status: 500, detail: "" };
          saveSession(data.session_id);
          return data.session_id;
        });
      });
    }

    // `extra`: a click's position (0 = first card) and the message that showed it; a dwell's seconds.
    function sendFeedback(productId, eventName, extra) {
      var body = withIdentity({ session_id: currentSession(), product_id: productId, event: eventName });
      Object.keys(extra || {}).forEach(function (name) {
        if (extra[name] !== null && extra[name] !== undefined) body[name] = extra[name];
      });
      return fetch(FEEDBACK_URL, {
        method: "POST", mode: "cors", credentials: "omit", headers: headers(), body: JSON.stringify(body),
        keepalive: eventName === "click" || eventName === "dwell",
      }).then(function (response) {
        if (!response.ok) throw response.status;
        return response;
      });
    }

    // The add-to-cart contract with the host page (see the header of this file).
    function addToCart(product, button, ack) {
      var detail = {
        product_id: String(product.id),
        title: String(product.title || ""),
        price: typeof product.price === "number" && isFinite(product.price) ? product.price : null,
        currency: product.currency ? String(product.currency) : null,
        price_text: formatPrice(product),
        url: safeHttpUrl(product.url),
        quantity: 1,
      };
      var event;
      try {
        event = new CustomEvent("shopassist:add-to-cart", { detail: detail, bubbles: true, composed: true, cancelable: true });
      } catch (e) {
        event = document.createEvent("CustomEvent");
        event.initCustomEvent("shopassist:add-to-cart", true, true, detail);
      }
      var handled = !host.dispatchEvent(event); // false from dispatchEvent: a listener called preventDefault()
      sendFeedback(detail.product_id, "add_to_cart").catch(function () {});
      while (ack.firstChild) ack.removeChild(ack.firstChild);
      if (handled) {
        button.setAttribute("aria-pressed", "true");
        ack.textContent = "Added to your cart.";
      } else if (detail.url) {
        ack.appendChild(document.createTextNode("Add it on "));
        ack.appendChild(el("a", { href: detail.url, target: "_blank", rel: "noopener noreferrer", text: "the product page" }));
        ack.appendChild(document.createTextNode("."));
      } else {
        ack.textContent = "Sorry, this shop's page can't add items from the chat yet.";
      }
    }

    function productCard(product, alternative, n) {
      var productId = String(product.id);
      var name = String(product.title || "").replace(/\s+/g, " ").trim() || "this product";
      var card = el("article", {
        className: "sa-card" + (alternative ? " sa-card-alt" : ""), "data-product-id": productId, "aria-label": name,
      });

      // The picture: a placeholder with the title's initial, the image over it when it loads.
      var thumb = el("div", { className: "sa-thumb", "aria-hidden": "true" }, [
        el("span", { className: "sa-initial", text: name.charAt(0).toUpperCase() || "?" }),
        el("span", { className: "sa-n", text: String(n) }),
      ]);
      var image = imageUrlToShow(product.image_url);
      if (image) {
        var img = el("img", { src: image, alt: "", loading: "lazy", decoding: "async", referrerpolicy: "no-referrer" });
        img.addEventListener("error", function () {
          if (img.parentNode) img.parentNode.removeChild(img); // a broken image: the placeholder stays
        });
        thumb.insertBefore(img, thumb.firstChild.nextSibling);
      }
      card.appendChild(thumb);

      var body = el("div", { className: "sa-card-body" });
      var titleNode = el("h3", { className: "sa-card-title" });
      var link = safeHttpUrl(product.url);
      if (link) {
        var anchor = el("a", { href: link, target: "_blank", rel: "noopener noreferrer", text: String(product.title || "") });
        var shownFor = lastQuery;
        anchor.addEventListener("click", function () {
          sendFeedback(productId, "click", { position: n - 1, query: shownFor }).catch(function () {});
          startDwell(productId);
        });
        titleNode.appendChild(anchor);
      } else {
        titleNode.textContent = String(product.title || "");
      }
      body.appendChild(titleNode);

      var priceLine = el("div", { className: "sa-price-line" });
      var price = el("span", {
        className: "sa-price", "data-price": typeof product.price === "number" ? String(product.price) : null,
        "data-currency": product.currency ? String(product.currency) : null,
        text: formatPrice(product),
      });
      priceLine.appendChild(price);
      if (product.in_stock === false) {
        priceLine.appendChild(document.createTextNode(" "));
        priceLine.appendChild(el("span", { className: "sa-stock", text: "(out of stock)" }));
      }
      body.appendChild(priceLine);
      if (product.reason) body.appendChild(el("p", { className: "sa-reason", text: String(product.reason) }));

      var ack = el("span", { className: "sa-ack", role: "status" });
      var actions = el("div", { className: "sa-actions", role: "group", "aria-label": "Actions for " + name });
      var buttons = {};
      [
        ["like", "Like", "Like " + name, "Thanks, noted!"],
        ["dislike", "Not for me", "Not for me: " + name, "Thanks, I'll show fewer like this."],
        ["more_like_this", "More like this", "More like " + name, "Looking for similar items\u2026"],
        ["add_to_cart", "Add to cart", "Add " + name + " to cart", ""],
      ].forEach(function (spec) {
        var children = [icon(spec[0], 16)];
        if (spec[0] === "add_to_cart") children.push(el("span", { text: "Add to cart" }));
        var button = el("button", {
          type: "button", className: "sa-fb sa-fb-" + spec[0] + (spec[0] === "add_to_cart" ? " sa-cart" : ""),
          "data-event": spec[0], "aria-label": spec[2], "aria-pressed": "false", title: spec[1],
        }, children);
        buttons[spec[0]] = button;
        button.addEventListener("click", function () {
          if (button.disabled) return;
          if (spec[0] === "add_to_cart") {
            addToCart(product, button, ack);
            return;
          }
          if (spec[0] === "more_like_this") {
            if (busy) {
              ack.textContent = "One moment: I'm still answering.";
              return;
            }
            button.setAttribute("aria-pressed", "true");
            ack.textContent = spec[3];
            sendFeedback(productId, spec[0]).catch(function () {});
            ask("Show me more like " + name.slice(0, 200));
            return;
          }
          button.disabled = true;
          sendFeedback(productId, spec[0]).then(function () {
            var other = buttons[spec[0] === "like" ? "dislike" : "like"];
            if (other) other.setAttribute("aria-pressed", "false");
            button.setAttribute("aria-pressed", "true");
            card.classList.toggle("sa-dismissed", spec[0] === "dislike");
            ack.textContent = spec[3];
            button.disabled = false;
            refreshForYou(false); // the next recommendations already know
          }, function (status) {
            ack.textContent = typeof status === "number" && status === 429
              ? "Too many clicks; please try again in a moment."
              : "Sorry, that didn't go through.";
            button.disabled = false;
          });
        });
        actions.appendChild(button);
      });
      actions.appendChild(ack);
      body.appendChild(actions);
      card.appendChild(body);
      return card;
    }

    // The turn's products as a grid of cards, right after the reply they belong to.
    function renderCards(items, alternative, relaxation) {
      var section = el("section", { className: "sa-cards", "aria-label": alternative ? "Closest alternatives" : "Suggested products" });
      if (alternative) {
        section.classList.add("sa-cards-alternatives");
        section.appendChild(el("p", { className: "sa-cards-label", text: alternativesLabel(relaxation) }));
      }
      var list = el("ol", { className: "sa-grid", role: "list" });
      var n = 0;
      items.forEach(function (product) {
        if (!product || product.id === undefined || product.id === null) return;
        n += 1;
        list.appendChild(el("li", { className: "sa-cell", role: "listitem" }, [productCard(product, alternative, n)]));
      });
      section.appendChild(list);
      messages.appendChild(section);
      return section;
    }

    // --- dwell: the time a shopper spent on a product page opened from the chat -----------------
    // The link opens in another tab; when this page is shown again, the time away is the dwell.

    var dwell = null; // { productId, since }

    function startDwell(productId) {
      dwell = { productId: productId, since: Date.now() };
    }

    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState !== "visible" || !dwell) return;
      var seconds = (Date.now() - dwell.since) / 1000;
      var productId = dwell.productId;
      dwell = null;
      if (seconds >= 1) sendFeedback(productId, "dwell", { dwell_seconds: Math.min(Math.round(seconds * 10) / 10, 86400) }).catch(function () {});
    });

    // --- recommendations: "often bought together" under the cards, and "for you" ---------------

    var forYou = null; // the "For you" row, once drawn

    function recsUrl(params) {
      var url = new URL(RECS_URL);
      Object.keys(params).forEach(function (name) {
        if (params[name] !== null && params[name] !== undefined) url.searchParams.set(name, String(params[name]));
      });
      if (userId) {
        url.searchParams.set("user", userId);
        if (userSignature) url.searchParams.set("user_signature", userSignature);
      } else if (currentSession()) {
        url.searchParams.set("session_id", currentSession());
      }
      return url.href;
    }

    function fetchRecs(params) {
      return fetch(recsUrl(params), {
        method: "GET", mode: "cors", credentials: "omit", headers: { "X-Site-Key": siteKey },
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).catch(function () {
        return null; // recommendations are a bonus: the chat goes on without them
      });
    }

    function recCard(product, dismissible) {
      var productId = String(product.id);
      var name = String(product.title || "").replace(/\s+/g, " ").trim() || "this product";
      var titleNode = el("h4", { className: "sa-rec-title" });
      var link = safeHttpUrl(product.url);
      if (link) {
        var anchor = el("a", { href: link, target: "_blank", rel: "noopener noreferrer", text: name });
        anchor.addEventListener("click", function () {
          sendFeedback(productId, "click").catch(function () {});
          startDwell(productId);
        });
        titleNode.appendChild(anchor);
      } else {
        titleNode.textContent = name;
      }
      var item = el("li", { className: "sa-rec", "data-product-id": productId }, [
        titleNode,
        el("span", { className: "sa-price", text: formatPrice(product) }),
        product.reason ? el("p", { className: "sa-rec-reason", text: String(product.reason) }) : null,
      ]);
      if (dismissible) {
        var no = el("button", { type: "button", className: "sa-rec-no", "aria-label": "Not for me: " + name, text: "Not for me" });
        no.addEventListener("click", function () {
          no.disabled = true;
          ensureSession().then(function () { // feedback belongs to a conversation: a signed-in shopper may not have one yet
            return sendFeedback(productId, "dislike");
          }).then(function () {
            refreshForYou(false);
          }, function () {
            no.disabled = false;
          });
        });
        item.appendChild(no);
      }
      return item;
    }

    function recsRow(kind, label, products, note, dismissible) {
      var row = el("section", { className: "sa-recs sa-recs-" + kind, "aria-label": label }, [
        el("p", { className: "sa-recs-label", text: label }),
        note ? el("p", { className: "sa-recs-note", text: note }) : null,
      ]);
      var list = el("ol", { className: "sa-recs-list", role: "list" });
      products.forEach(function (product) {
        if (product && product.id !== undefined && product.id !== null) list.appendChild(recCard(product, dismissible));
      });
      row.appendChild(list);
      return row;
    }

    // Under a turn's cards: what shoppers bought or viewed with its first product.
    function addTogether(section, product) {
      if (!siteKey || !product || product.id === undefined || product.id === null) return;
      fetchRecs({ product: String(product.id), k: 4 }).then(function (data) {
        if (!data || !Array.isArray(data.products)) return;
        var linked = data.products.filter(function (p) {
          return p && (p.reason_kind === "co_bought" || p.reason_kind === "co_viewed");
        });
        if (!linked.length || !section.parentNode) return;
        var name = String(product.title || "").replace(/\s+/g, " ").trim();
        section.appendChild(recsRow("together", "Often bought together with the " + name, linked, "", false));
      });
    }

    // The shopper's row: drawn again in place after a "not for me"; after a turn (`toEnd`) it
    // moves below the newest messages.
    function refreshForYou(toEnd) {
      if (!siteKey || (userId ? !userSignature : !currentSession())) return; // nobody the server could know
      fetchRecs({ k: 6 }).then(function (data) {
        if (!data || !Array.isArray(data.products) || !data.products.length) return;
        var cold = data.cold_start === true;
        var row = recsRow("for-you", cold ? "Popular right now" : "For you", data.products,
                          cold ? "Like or dismiss products and this row becomes yours." : "", true);
        if (forYou && forYou.parentNode === messages && !toEnd) {
          messages.replaceChild(row, forYou);
        } else {
          if (forYou && forYou.parentNode) forYou.parentNode.removeChild(forYou);
          messages.appendChild(row);
        }
        forYou = row;
      });
    }

    function alternativesLabel(relaxation) {
      return "Closest alternatives (not a full match)" + (relaxation ? ": " + String(relaxation) : "");
    }

    // The final event: cards (unless the products event already showed them), the FAQ source
    // when the reply does not name it, and the hand-off.
    function renderResult(result, section) {
      var products = Array.isArray(result.products) ? result.products : [];
      var alternatives = Array.isArray(result.alternatives) ? result.alternatives : [];
      var shown = products.length ? products : alternatives;
      if (!section && shown.length) section = renderCards(shown, !products.length, result.relaxation);
      else if (section && !products.length && result.relaxation) {
        var label = section.querySelector(".sa-cards-label");
        if (label) label.textContent = alternativesLabel(result.relaxation);
      }
      var faq = Array.isArray(result.faq) ? result.faq : [];
      if (faq.length && faq[0] && faq[0].question && !/From our FAQ|Source: FAQ/.test(String(result.reply || ""))) {
        addMessage("note", "From our FAQ: " + String(faq[0].question));
      }
      if (result.handoff === true) openHandoff(result.intent === "human" ? "asked for a person" : "no confident answer");
      if (section && products.length) addTogether(section, products[0]);
      refreshForYou(true);
    }

    // --- talking to a person: a ticket, and the staff's replies as they come -------------------

    var handoff = { timer: null, ticket: null, seen: 0, closedNoted: false, lastChange: 0, failures: 0 };
    var HANDOFF_IDLE_MS = 2 * 3600 * 1000; // stop polling after two quiet hours (a new turn starts it again)

    function stopPolling() {
      if (handoff.timer) clearTimeout(handoff.timer);
      handoff.timer = null;
    }

    function schedulePoll(seconds) {
      stopPolling();
      if (Date.now() - handoff.lastChange > HANDOFF_IDLE_MS) return;
      handoff.timer = setTimeout(pollHandoff, Math.max(1, seconds || 4) * 1000);
    }

    function markUnread() {
      if (!panel.hidden) return;
      bubble.setAttribute("data-unread", "");
      bubble.setAttribute("aria-label", "Open " + title + " chat (new message from our support team)");
    }

    function addStaffMessage(reply) {
      var author = String(reply.author || "Support team");
      var node = el("div", { className: "sa-msg sa-msg-staff", "data-role": "staff" }, [
        el("span", { className: "sa-who" }, [icon("person", 14), author === "Support team" ? "Support team" : author + " \u00B7 Support team"]),
      ]);
      node.appendChild(document.createTextNode(String(reply.text || "")));
      messages.appendChild(node);
      scrollDown();
      markUnread();
    }

    // What the server says about this conversation's ticket: show new replies, keep polling
    // while it is not closed. `fresh`: the page was just loaded (show what arrived meanwhile).
    function applyHandoff(data, fresh) {
      var ticket = data && data.ticket;
      if (!ticket || typeof ticket.ticket_id !== "number") {
        stopPolling();
        return;
      }
      if (handoff.ticket !== ticket.ticket_id) {
        if (fresh && ticket.status === "closed") return; // an old, finished ticket: nothing to show
        handoff.ticket = ticket.ticket_id;
        handoff.seen = 0;
        handoff.closedNoted = false;
        handoff.lastChange = Date.now();
      }
      (Array.isArray(ticket.replies) ? ticket.replies : []).forEach(function (reply) {
        if (reply && typeof reply.n === "number" && reply.n > handoff.seen) {
          handoff.seen = reply.n;
          handoff.lastChange = Date.now();
          addStaffMessage(reply);
        }
      });
      if (ticket.status === "closed") {
        stopPolling();
        if (!handoff.closedNoted) {
          handoff.closedNoted = true;
          addMessage("note", "Our support team has closed this conversation. Ask for a person again any time.");
        }
        return;
      }
      schedulePoll(data.poll_after_seconds);
    }

    function handoffQuery(session) {
      // Everything in the query string (no custom header): a simple GET needs no CORS preflight,
      // and the server's access log drops query strings.
      var url = new URL(HANDOFF_URL);
      url.searchParams.set("site_key", siteKey);
      url.searchParams.set("session_id", session);
      if (userId) {
        url.searchParams.set("user_id", userId);
        if (userSignature) url.searchParams.set("user_signature", userSignature);
      }
      return url.href;
    }

    function pollHandoff(fresh) {
      var session = currentSession();
      if (!session || !siteKey) return Promise.resolve();
      return fetch(handoffQuery(session), {
        method: "GET", mode: "cors", credentials: "omit",
      }).then(function (response) {
        if (response.status === 429) {
          schedulePoll(parseInt(response.headers.get("Retry-After") || "10", 10) || 10);
          return;
        }
        if (!response.ok) {
          // 404/403: the conversation is gone or not this shopper's; others: try again later.
          if (response.status === 404 || response.status === 403 || response.status === 401) stopPolling();
          else schedulePoll(Math.min(60, 5 * (++handoff.failures)));
          return;
        }
        handoff.failures = 0;
        return response.json().then(function (data) {
          applyHandoff(data, fresh === true);
        });
      }).catch(function () {
        schedulePoll(Math.min(60, 5 * (++handoff.failures)));
      });
    }

    function openHandoff(reason) {
      var session = currentSession();
      if (!session) return;
      var body = withIdentity({ session_id: session, reason: reason });
      fetch(HANDOFF_URL, {
        method: "POST", mode: "cors", credentials: "omit", headers: headers(), body: JSON.stringify(body),
      }).then(function (response) {
        if (!response.ok) throw response.status;
        return response.json();
      }).then(function (data) {
        if (!handoff.ticket || !data.ticket || data.ticket.ticket_id !== handoff.ticket) {
          addMessage("note", "Our support team has your conversation. Their reply will appear here, " +
                             "even if you close this window and come back later.");
        }
        handoff.lastChange = Date.now();
        applyHandoff(data, false);
      }).catch(function () {
        addMessage("error", "Sorry, I couldn't reach our support team just now. Please ask again in a moment.");
      });
    }

    function ask(text) {
      lastQuery = text.slice(0, 500);
      busy = true;
      send.disabled = true;
      addMessage("user", text);
      var reply = addMessage("assistant", "");
      reply.classList.add("sa-typing");
      reply.setAttribute("aria-busy", "true");
      var streamed = "";
      var section = null; // this turn's cards, once shown
      var finished = false;
      var failed = false;

      function fail(message) {
        failed = true;
        if (!streamed && reply.parentNode) reply.parentNode.removeChild(reply);
        addMessage("error", message);
      }

      function post(retried) {
        return ensureSession().then(function (session) {
          var body = withIdentity({ message: text, session_id: session });
          return fetch(CHAT_URL, {
            method: "POST", mode: "cors", credentials: "omit", headers: headers(), body: JSON.stringify(body),
          }).then(function (response) {
            if (response.ok) return response;
            return readError(response).then(function (err) {
              if (!retried && isStaleSession(response.status, err.code)) {
                saveSession(null); // expired, or not this shopper's: start a new conversation
                return post(true);
              }
              throw { status: response.status, detail: err.detail };
            });
          });
        });
      }

      post(false).then(function (response) {
        return readSse(response, function (event) {
          var data;
          try {
            data = JSON.parse(event.data);
          } catch (e) {
            return;
          }
          if (event.event === "delta" && data && typeof data.text === "string") {
            streamed += data.text;
            reply.textContent = shopperText(streamed.replace(/^\s+/, ""));
            scrollDown();
          } else if (event.event === "products" && data && Array.isArray(data.products) && data.products.length && !section) {
            section = renderCards(data.products, data.alternatives === true, null);
            scrollDown();
          } else if (event.event === "final" && data) {
            finished = true;
            if (typeof data.session_id === "string" && data.session_id) saveSession(data.session_id);
            var final = typeof data.reply === "string" && data.reply ? data.reply : streamed.trim();
            reply.textContent = shopperText(final) || "(no reply)";
            renderResult(data, section);
          } else if (event.event === "error") {
            fail("Sorry: " + (data && typeof data.message === "string" ? data.message : "something went wrong."));
          }
        }).then(function () {
          if (!finished && !failed) fail("Sorry, the reply was cut off. Please try again.");
        });
      }).catch(function (error) {
        if (error && typeof error.status === "number") { // the server refused: say why, kindly
          if (!failed) fail(friendlyError(error.status, error.detail));
          return;
        }
        if (window.console) {
          console.warn("[shopassist] " + CHAT_URL + " failed (network down, API unreachable, or this page's origin " +
                       location.origin + " is not allowed for the site key):", error);
        }
        if (!failed) fail(friendlyError(0));
      }).then(function () {
        reply.classList.remove("sa-typing");
        reply.removeAttribute("aria-busy");
        busy = false;
        send.disabled = false;
        if (reply.parentNode && reply.nextSibling && reply.nextSibling.classList &&
            reply.nextSibling.classList.contains("sa-cards")) scrollToTurn(reply);
        else scrollDown();
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text || busy) return;
      input.value = "";
      ask(text);
      input.focus();
    });

    if (!siteKey) addMessage("error", "This chat is not set up yet (missing data-site-key).");
    if (openOnLoad) open();
    // A conversation handed to a person before this page was loaded: show what staff wrote since.
    if (siteKey && currentSession()) {
      handoff.lastChange = Date.now();
      pollHandoff(true);
    }

    window.ShopAssistWidget = { open: open, close: closePanel, apiBase: apiBase.href };
  }

  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
