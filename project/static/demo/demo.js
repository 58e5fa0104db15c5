// Hearth chat demo: plain JS against the public REST API and the chat websocket.
// Every piece of user or model text is set with textContent, never as HTML.
"use strict";

const $ = (selector) => document.querySelector(selector);
const state = {
  access: null,
  refresh: null,
  partner: null,
  ws: null,
  wanted: false,          // the user wants a connection (reconnect after drops)
  retryDelay: 1000,
  retryTimer: null,
  pending: new Map(),     // client_id -> {text, li}: sent but not yet accepted
  replies: new Map(),     // reply_id -> {li, seq}
  shown: new Set(),       // message ids on screen
  replying: false,
};
window.hearthDemo = state;  // for tests and curious developers

function showError(text) {
  const box = $("#error");
  box.textContent = text || "";
  box.hidden = !text;
}

function show(panel) {
  for (const id of ["login", "partners", "chat"]) $("#" + id).hidden = id !== panel;
}

// --- REST ---------------------------------------------------------------------

function tokenExpiresSoon(token) {
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return payload.exp * 1000 - Date.now() < 60_000;
  } catch (e) {
    return true;
  }
}

async function refreshTokens() {
  const response = await fetch("/api/auth/token/refresh/", {
    method: "POST",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify({refresh: state.refresh}),
  });
  if (!response.ok) {
    state.access = state.refresh = null;
    show("login");
    throw new Error("Your session ended; please sign in again.");
  }
  const tokens = await response.json();
  state.access = tokens.access;
  state.refresh = tokens.refresh;
}

async function freshAccessToken() {
  if (tokenExpiresSoon(state.access)) await refreshTokens();
  return state.access;
}

async function api(path, options = {}) {
  const send = async () => fetch(path, {
    ...options,
    headers: {"Content-Type": "application/json", Authorization: "Bearer " + await freshAccessToken()},
  });
  let response = await send();
  if (response.status === 401) {
    await refreshTokens();
    response = await send();
  }
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    const error = body && body.error;
    const fields = error && Object.entries(error.fields || {}).map(([k, v]) => `${k}: ${v.join(" ")}`);
    throw new Error(error ? [error.detail, ...(fields || [])].join(" ") : "Request failed");
  }
  return body;
}

// --- sign in and partners -----------------------------------------------------------

$("#login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  showError("");
  const form = new FormData(event.target);
  const response = await fetch("/api/auth/token/", {
    method: "POST",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify({username: form.get("username"), password: form.get("password")}),
  });
  const body = await response.json();
  if (!response.ok) return showError(body.error ? body.error.detail : "Sign-in failed");
  state.access = body.access;
  state.refresh = body.refresh;
  await loadPartners();
});

async function loadPartners() {
  show("partners");
  const list = $("#partner-list");
  list.replaceChildren();
  try {
    const page = await api("/api/partners/?page_size=100");
    for (const partner of page.results) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `${partner.name} · ${partner.relationship_mode}`;
      button.dataset.partnerId = partner.id;
      button.addEventListener("click", () => openChat(partner));
      item.append(button);
      list.append(item);
    }
  } catch (error) {
    showError(error.message);
  }
}

$("#partner-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  showError("");
  const form = new FormData(event.target);
  const personality = (form.get("personality") || "").split(",").map((s) => s.trim()).filter(Boolean);
  try {
    await api("/api/partners/", {
      method: "POST",
      body: JSON.stringify({name: form.get("name"), gender: form.get("gender"), personality}),
    });
    event.target.reset();
    await loadPartners();
  } catch (error) {
    showError(error.message);
  }
});

// --- chat -----------------------------------------------------------------------

function bubble(role, text, {pending = false, meta = ""} = {}) {
  const li = document.createElement("li");
  li.className = role + (pending ? " pending" : "");
  const body = document.createElement("span");
  body.className = "text";
  body.textContent = text;
  li.append(body);
  if (meta) setMeta(li, meta);
  $("#messages").append(li);
  li.scrollIntoView({block: "end"});
  return li;
}

function setMeta(li, text) {
  let meta = li.querySelector(".meta");
  if (!meta) {
    meta = document.createElement("span");
    meta.className = "meta";
    li.append(meta);
  }
  meta.textContent = text;
}

function showMessage(message) {
  if (state.shown.has(message.id)) return;
  state.shown.add(message.id);
  const reason = message.finish_reason && message.finish_reason !== "stop" ? message.finish_reason : "";
  bubble(message.role, message.text, {meta: reason});
}

function setReplying(replying) {
  state.replying = replying;
  $("#cancel").disabled = !replying;
}

function setStatus(text, online) {
  $("#status").textContent = text;
  $("#status").dataset.state = online ? "online" : "offline";
  $("#reconnect").hidden = online || !state.wanted;
}

async function openChat(partner) {
  state.partner = partner;
  state.shown.clear();
  state.pending.clear();
  state.replies.clear();
  $("#partner-name").textContent = partner.name;
  $("#messages").replaceChildren();
  show("chat");
  try {
    const page = await api(`/api/partners/${partner.id}/messages/?page_size=50`);
    for (const message of page.results.reverse()) showMessage(message);
  } catch (error) {
    showError(error.message);
  }
  state.wanted = true;
  connect();
}

async function connect() {
  clearTimeout(state.retryTimer);
  if (state.ws) state.ws.close();
  setStatus("connecting…", false);
  let token;
  try {
    token = await freshAccessToken();
  } catch (error) {
    return showError(error.message);
  }
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(`${scheme}//${location.host}/ws/chat/${state.partner.id}/`);
  state.ws = ws;
  ws.onopen = () => ws.send(JSON.stringify({type: "auth", token}));
  ws.onmessage = (event) => onFrame(JSON.parse(event.data));
  ws.onclose = (event) => {
    if (state.ws !== ws) return;
    state.ws = null;
    setReplying(false);
    setStatus("offline", false);
    if (!state.wanted) return;
    if (event.code === 4403) return showError("That partner is not yours.");
    if (event.code === 4401) state.access = null;  // fetch a fresh one on reconnect
    state.retryTimer = setTimeout(connect, state.retryDelay);
    state.retryDelay = Math.min(state.retryDelay * 2, 15_000);
  };
}

function onFrame(frame) {
  switch (frame.type) {
    case "ready":
      state.retryDelay = 1000;
      setStatus("online", true);
      // Anything sent but not acknowledged before a drop goes again, with the
      // same client_id: the server stores it once whatever happened before.
      for (const [clientId, item] of state.pending) send(clientId, item.text);
      break;
    case "message.accepted": {
      const item = state.pending.get(frame.client_id);
      if (item) {
        item.li.classList.remove("pending");
        state.pending.delete(frame.client_id);
      }
      state.shown.add(frame.message_id);
      break;
    }
    case "reply.start":
      state.replies.set(frame.reply_id, {li: bubble("partner", ""), seq: 0});
      setReplying(true);
      break;
    case "reply.delta": {
      const reply = state.replies.get(frame.reply_id);
      if (!reply || frame.seq !== reply.seq + 1) break;
      reply.seq = frame.seq;
      reply.li.querySelector(".text").textContent += frame.text;
      reply.li.scrollIntoView({block: "end"});
      break;
    }
    case "reply.end": {
      const reply = state.replies.get(frame.reply_id);
      if (reply) {
        if (frame.message_id) state.shown.add(frame.message_id);
        if (frame.finish_reason !== "stop") setMeta(reply.li, frame.finish_reason);
        reply.li.dataset.finishReason = frame.finish_reason;
        if (!reply.li.querySelector(".text").textContent) reply.li.remove();
        state.replies.delete(frame.reply_id);
      }
      setReplying(false);
      break;
    }
    case "message.new":
      showMessage(frame.message);
      break;
    case "error": {
      const wait = frame.retry_after ? ` Try again in ${frame.retry_after} s.` : "";
      showError(`${frame.detail}${wait}`);
      break;
    }
  }
}

function send(clientId, text) {
  if (state.ws && state.ws.readyState === WebSocket.OPEN) {
    state.ws.send(JSON.stringify({type: "message", client_id: clientId, text}));
  }
}

$("#message-form").addEventListener("submit", (event) => {
  event.preventDefault();
  showError("");
  const field = event.target.elements.text;
  const text = field.value;
  if (!text.trim()) return;
  const clientId = crypto.randomUUID();
  state.pending.set(clientId, {text, li: bubble("user", text, {pending: true})});
  send(clientId, text);
  field.value = "";
});

$("#message-form").elements.text.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    $("#message-form").requestSubmit();
  }
});

$("#cancel").addEventListener("click", () => {
  if (state.ws) state.ws.send(JSON.stringify({type: "cancel"}));
});

$("#reconnect").addEventListener("click", () => {
  state.wanted = true;
  state.retryDelay = 1000;
  connect();
});

$("#back").addEventListener("click", () => {
  state.wanted = false;
  if (state.ws) state.ws.close();
  loadPartners();
});
