// The VIP socket (docs/websocket.md): a one-time ticket per connect, `subscribe` to every signal (the board
// filters itself), `resume` from the last seq after a reconnect, a JSON ping every 25 s, backoff on failure.
// One socket per tab for the whole app: the board listens to `signal`, notifications to `notification`.
import { api } from "./api.js";
import { refresh } from "./session.js";

const PING_MS = 25_000;
const listeners = { signal: new Set(), notification: new Set(), status: new Set(), gap: new Set() };

let socket = null;
let wanted = false;
let lastSeq = null;
let attempt = 0;
let retryTimer = null;
let pingTimer = null;
let status = "off"; // off | connecting | live | reconnecting | ended
const seen = new Set(); // recent "id:seq" keys: a replay may repeat a live frame
const seenOrder = [];

function emit(type, payload) {
  for (const cb of [...listeners[type]]) {
    try {
      cb(payload);
    } catch (e) {
      console.error(e);
    }
  }
}

function setStatus(next) {
  if (status === next) return;
  status = next;
  emit("status", next);
}

/** Subscribes to `signal`, `notification`, `status` or `gap`; returns the unsubscribe function. */
export function onLive(type, cb) {
  listeners[type].add(cb);
  return () => listeners[type].delete(cb);
}

export function liveStatus() {
  return status;
}

export function lastSeenSeq() {
  return lastSeq;
}

function remember(key) {
  if (seen.has(key)) return false;
  seen.add(key);
  seenOrder.push(key);
  if (seenOrder.length > 4000) seen.delete(seenOrder.shift());
  return true;
}

function onFrame(event) {
  let frame;
  try {
    frame = JSON.parse(event.data);
  } catch {
    return;
  }
  switch (frame.type) {
    case "signal": {
      if (!remember(`${frame.id}:${frame.seq}`)) return;
      if (typeof frame.seq === "number") {
        lastSeq = lastSeq === null ? frame.seq : Math.max(lastSeq, frame.seq);
        // bench/console measures frame → painted row from this mark to the board's ct-paint-<seq> measure.
        performance.mark(`ct-frame-${frame.seq}`);
      }
      if (listeners.signal.size === 0 && typeof frame.seq === "number") performance.clearMarks(`ct-frame-${frame.seq}`);
      emit("signal", frame);
      break;
    }
    case "notification":
      emit("notification", frame);
      break;
    case "error":
      if (frame.code === "resume_gap") emit("gap", frame);
      else console.warn("socket error", frame.code, frame.message);
      break;
    default:
      break;
  }
}

function scheduleReconnect() {
  clearTimeout(retryTimer);
  if (!wanted) return;
  setStatus("reconnecting");
  const delay = Math.min(30_000, 1000 * 2 ** attempt++) * (0.5 + Math.random() / 2);
  retryTimer = setTimeout(connect, delay);
}

async function connect() {
  if (!wanted) return;
  if (status !== "reconnecting") setStatus("connecting");
  let ticket;
  try {
    ({ ticket } = await api.post("/api/v1/notifications/ws-ticket"));
  } catch (e) {
    if (e.status === 403) {
      // The plan ended (or the token is older than a downgrade): the token's tier decides what the app shows.
      setStatus("ended");
      wanted = false;
      refresh();
      return;
    }
    scheduleReconnect();
    return;
  }
  if (!wanted) return;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const ws = new WebSocket(`${scheme}://${location.host}/ws/signals?ticket=${encodeURIComponent(ticket)}`);
  socket = ws;
  ws.onopen = () => {
    attempt = 0;
    // Every kind, symbol and spread: the board applies its own filters (the preferences shape notifications).
    ws.send(JSON.stringify({ type: "subscribe", kinds: [], symbols: [], min_spread: 0 }));
    if (lastSeq !== null) ws.send(JSON.stringify({ type: "resume", after_seq: lastSeq }));
    setStatus("live");
    clearInterval(pingTimer);
    pingTimer = setInterval(() => {
      if (ws.readyState === WebSocket.OPEN) ws.send('{"type":"ping"}');
    }, PING_MS);
  };
  ws.onmessage = onFrame;
  ws.onclose = (event) => {
    clearInterval(pingTimer);
    if (socket === ws) socket = null;
    if (!wanted) return;
    if (event.code === 4403) {
      setStatus("ended");
      wanted = false;
      refresh();
      return;
    }
    scheduleReconnect();
  };
}

/** Opens the socket (idempotent). */
export function startLive() {
  if (wanted) return;
  wanted = true;
  attempt = 0;
  connect();
}

/** Closes the socket and forgets the position (a new session starts from the REST list). */
export function stopLive({ keepPosition = false } = {}) {
  wanted = false;
  clearTimeout(retryTimer);
  clearInterval(pingTimer);
  if (socket) {
    socket.onclose = null;
    socket.close(1000);
    socket = null;
  }
  if (!keepPosition) lastSeq = null;
  setStatus("off");
}
