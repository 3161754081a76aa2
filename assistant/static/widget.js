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
    ".sa-panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483647; width: 380px;",
    "  max-width: calc(100vw - 40px); height: 560px; max-height: calc(100vh - 110px); display: flex;",
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
    ".sa-cards { display: flex; flex-direction: column; gap: 8px; align-self: stretch; }",
    ".sa-cards-label { margin: 0; font-size: 12px; font-weight: 600; color: #9a6700; }",
    ".sa-card { display: flex; gap: 10px; padding: 10px; background: #ffffff; border: 1px solid #d0d7de; border-radius: 10px; }",
    ".sa-card-alt { border-style: dashed; border-color: #d4a72c; }",
    ".sa-card img { width: 64px; height: 64px; object-fit: cover; border-radius: 6px; flex: none; background: #eaeef2; }",
    ".sa-card-body { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 4px; }",
    ".sa-card-title { margin: 0; font-size: 14px; font-weight: 600; overflow-wrap: anywhere; color: #1f2328; }",
    ".sa-card-title a { color: #0b57d0; text-decoration: underline; }",
    ".sa-price { font-weight: 600; color: #1a7f37; }",
    ".sa-stock { color: #8a1c17; font-size: 12px; }",
    ".sa-reason { margin: 0; color: #57606a; font-size: 13px; overflow-wrap: anywhere; }",
    ".sa-actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }",
    ".sa-actions button { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 3px 8px;",
    "  cursor: pointer; font-size: 12px; color: #1f2328; min-height: 26px; display: inline-flex; align-items: center; }",
    ".sa-actions button[aria-pressed='true'] { background: #dafbe1; border-color: #1a7f37; }",
    ".sa-actions button:disabled { cursor: default; }",
    ".sa-ack { font-size: 12px; color: #57606a; }",
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

    function scrollDown() {
      messages.scrollTop = messages.scrollHeight;
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
    }

    function open() {
      panel.hidden = false;
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
      saveSession(null);
      while (messages.firstChild) messages.removeChild(messages.firstChild);
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

    function sendFeedback(productId, eventName) {
      var body = withIdentity({ session_id: currentSession(), product_id: productId, event: eventName });
      return fetch(FEEDBACK_URL, {
        method: "POST", mode: "cors", credentials: "omit", headers: headers(), body: JSON.stringify(body),
        keepalive: eventName === "click",
      }).then(function (response) {
        if (!response.ok) throw response.status;
        return response;
      });
    }

    function productCard(product, alternative) {
      var productId = String(product.id);
      var card = el("article", {
        className: "sa-card" + (alternative ? " sa-card-alt" : ""), "data-product-id": productId,
        "aria-label": String(product.title || "Product"),
      });
      var image = safeHttpUrl(product.image_url);
      if (image) {
        var img = el("img", { src: image, alt: "", loading: "lazy", referrerpolicy: "no-referrer", width: "64", height: "64" });
        img.addEventListener("error", function () {
          if (img.parentNode) img.parentNode.removeChild(img); // a broken image: the card without it
        });
        card.appendChild(img);
      }
      var body = el("div", { className: "sa-card-body" });
      var titleNode = el("h3", { className: "sa-card-title" });
      var link = safeHttpUrl(product.url);
      if (link) {
        var anchor = el("a", { href: link, target: "_blank", rel: "noopener noreferrer", text: String(product.title || "") });
        anchor.addEventListener("click", function () {
          sendFeedback(productId, "click").catch(function () {});
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
      var actions = el("div", { className: "sa-actions" });
      var name = String(product.title || "this product");
      [
        ["like", icon("like", 16), "I like " + name, "Thanks, noted!"],
        ["dislike", icon("dislike", 16), "Not for me: " + name, "Thanks, I'll show fewer like this."],
        ["more_like_this", "More like this", "More like " + name, "Noted: ask again and I'll favour similar items."],
      ].forEach(function (spec) {
        var button = el("button", {
          type: "button", className: "sa-fb sa-fb-" + spec[0], "data-event": spec[0], "aria-label": spec[2],
          "aria-pressed": "false", title: spec[0] === "more_like_this" ? null : spec[2],
        }, [spec[1]]);
        button.addEventListener("click", function () {
          if (button.disabled) return;
          button.disabled = true;
          sendFeedback(productId, spec[0]).then(function () {
            button.setAttribute("aria-pressed", "true");
            ack.textContent = spec[3];
            button.disabled = false;
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

    function renderResult(result) {
      var products = Array.isArray(result.products) ? result.products : [];
      var alternatives = Array.isArray(result.alternatives) ? result.alternatives : [];
      var shown = products.length ? products : alternatives;
      if (shown.length) {
        var list = el("div", { className: "sa-cards", role: "list" });
        if (!products.length) {
          var labelText = "Closest alternatives (not a full match)";
          if (result.relaxation) labelText += ": " + String(result.relaxation);
          list.classList.add("sa-cards-alternatives");
          list.appendChild(el("p", { className: "sa-cards-label", text: labelText }));
        }
        shown.forEach(function (product) {
          if (!product || product.id === undefined || product.id === null) return;
          var card = productCard(product, !products.length);
          card.setAttribute("role", "listitem");
          list.appendChild(card);
        });
        messages.appendChild(list);
      }
      var faq = Array.isArray(result.faq) ? result.faq : [];
      if (faq.length && faq[0] && faq[0].question) {
        addMessage("note", "From our FAQ: " + String(faq[0].question));
      }
      scrollDown();
    }

    function ask(text) {
      busy = true;
      send.disabled = true;
      addMessage("user", text);
      var reply = addMessage("assistant", "");
      reply.classList.add("sa-typing");
      reply.setAttribute("aria-busy", "true");
      var streamed = "";
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
            reply.textContent = streamed.replace(/^\s+/, "");
            scrollDown();
          } else if (event.event === "final" && data) {
            finished = true;
            if (typeof data.session_id === "string" && data.session_id) saveSession(data.session_id);
            var final = typeof data.reply === "string" && data.reply ? data.reply : streamed.trim();
            reply.textContent = final || "(no reply)";
            renderResult(data);
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
        scrollDown();
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

    window.ShopAssistWidget = { open: open, close: closePanel, apiBase: apiBase.href };
  }

  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
