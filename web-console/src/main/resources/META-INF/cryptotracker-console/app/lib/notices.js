// Notifications across screens: the unread count for the header badge, the mute switch (localStorage holds only
// this preference – never a token), the browser notification and the short sound for a socket `notification`.
import { api } from "./api.js";
import { onLive } from "./live.js";
import { useState, useEffect } from "./html.js";

const MUTE_KEY = "cryptotracker.muteSounds";
const POLL_MS = 60_000;

let unread = 0;
let muted = readMuted();
let pollTimer = null;
let audio = null;
const listeners = new Set();

function readMuted() {
  try {
    return localStorage.getItem(MUTE_KEY) === "true";
  } catch {
    return false;
  }
}

function publish() {
  for (const cb of [...listeners]) cb({ unread, muted });
}

export function setUnread(n) {
  unread = Math.max(0, n | 0);
  publish();
}

export function adjustUnread(delta) {
  setUnread(unread + delta);
}

/** Reads the unread count from GET /api/v1/notifications (its unread_count). */
export async function refreshUnread() {
  try {
    const page = await api.get("/api/v1/notifications", { size: 1, unread: true });
    setUnread(page?.unread_count ?? page?.total_items ?? 0);
  } catch (e) {
    if (e.status !== 401) console.warn("notifications", e.message);
  }
}

export function setMuted(value) {
  muted = Boolean(value);
  try {
    localStorage.setItem(MUTE_KEY, String(muted));
  } catch {
    /* private mode: the switch still works for this tab */
  }
  publish();
}

export function useNotices() {
  const [state, setState] = useState({ unread, muted });
  useEffect(() => {
    setState({ unread, muted });
    listeners.add(setState);
    return () => listeners.delete(setState);
  }, []);
  return state;
}

// Browsers start an AudioContext only after a user gesture: create it on the first one, play it later.
function unlockAudio() {
  if (audio || !(window.AudioContext || window.webkitAudioContext)) return;
  audio = new (window.AudioContext || window.webkitAudioContext)();
}
for (const type of ["pointerdown", "keydown"]) addEventListener(type, unlockAudio, { once: true, capture: true });

/** Two short rising tones (no sound file): about 0.25 s, quiet. */
export function playChime() {
  if (!audio) return;
  if (audio.state === "suspended") audio.resume().catch(() => {});
  const t = audio.currentTime;
  for (const [i, freq] of [880, 1318.5].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t + i * 0.11);
    gain.gain.exponentialRampToValueAtTime(0.15, t + i * 0.11 + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.11 + 0.14);
    osc.connect(gain).connect(audio.destination);
    osc.start(t + i * 0.11);
    osc.stop(t + i * 0.11 + 0.15);
  }
}

// Notification.permission is a synchronous call into the browser: read it once and follow its changes.
let permission = "Notification" in window ? Notification.permission : "unsupported";
navigator.permissions?.query({ name: "notifications" }).then((status) => {
  status.onchange = () => {
    permission = Notification.permission;
  };
}).catch(() => {});

export function notificationPermission() {
  return permission;
}

export async function askPermission() {
  if (!("Notification" in window)) return "unsupported";
  permission = await Notification.requestPermission();
  return permission;
}

let navigateTo = null;

function showBrowserNotification(frame) {
  if (notificationPermission() !== "granted" || frame.browser === false) return;
  try {
    const n = new Notification(frame.title || `${frame.symbol}: ${frame.spread_percent}% spread`, {
      body: frame.body || "",
      tag: frame.id,
      icon: "/assets/icons/favicon.svg",
    });
    n.onclick = () => {
      window.focus();
      if (navigateTo && frame.signal_id) navigateTo(`/signals/${frame.signal_id}`);
      n.close();
    };
  } catch (e) {
    console.warn("notification", e);
  }
}

/** Starts counting for a signed-in user: polls the count, listens to socket notification frames. */
export function startNotices(navigate) {
  navigateTo = navigate;
  stopNotices();
  refreshUnread();
  pollTimer = setInterval(refreshUnread, POLL_MS);
  const off = onLive("notification", (frame) => {
    adjustUnread(1);
    showBrowserNotification(frame);
    if (frame.sound && !muted) playChime();
    for (const cb of [...frameListeners]) cb(frame);
  });
  stopNotices.off = off;
}

export function stopNotices() {
  clearInterval(pollTimer);
  pollTimer = null;
  stopNotices.off?.();
  stopNotices.off = null;
}

const frameListeners = new Set();
/** Notification frames as they arrive (the notifications screen prepends them). */
export function onNotificationFrame(cb) {
  frameListeners.add(cb);
  return () => frameListeners.delete(cb);
}
