// Numbers, times and countdowns as a trader reads them. Every formatter takes null/undefined and answers "–".
export const DASH = "–";

const cache = new Map();
function nf(key, options) {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", options);
    cache.set(key, f);
  }
  return f;
}

const isNum = (v) => v !== null && v !== undefined && v !== "" && Number.isFinite(Number(v));

/** A price with as many decimals as its size needs (BTC 2, a memecoin 8 significant). */
export function price(v) {
  if (!isNum(v)) return DASH;
  const n = Number(v);
  const a = Math.abs(n);
  if (a >= 1000) return nf("p2", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
  if (a >= 1) return nf("p4", { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(n);
  if (a === 0) return "0";
  return nf("ps", { minimumSignificantDigits: 4, maximumSignificantDigits: 5 }).format(n);
}

/** A percentage that is already in percent (spreads, APR). */
export function pct(v, digits = 2) {
  if (!isNum(v)) return DASH;
  return `${nf(`pc${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(v))}%`;
}

/** A signed percentage (+1.23%). */
export function signedPct(v, digits = 2) {
  if (!isNum(v)) return DASH;
  const n = Number(v);
  return `${n > 0 ? "+" : ""}${pct(n, digits)}`;
}

/** A funding rate given as a fraction (0.0001 → +0.0100%). */
export function rate(v) {
  if (!isNum(v)) return DASH;
  return signedPct(Number(v) * 100, 4);
}

/** Money in compact form ($1.2M). */
export function usd(v) {
  if (!isNum(v)) return DASH;
  return `$${nf("cmp", { notation: "compact", maximumFractionDigits: 1 }).format(Number(v))}`;
}

/** An amount of USDT with cents (1,234.50 USDT). */
export function usdt(v) {
  if (!isNum(v)) return DASH;
  return `${nf("u2", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(v))} USDT`;
}

/** A signed amount of USDT (+12.30 USDT, −4.10 USDT). */
export function signedUsdt(v) {
  if (!isNum(v)) return DASH;
  const n = Number(v);
  return `${n > 0 ? "+" : ""}${usdt(n)}`;
}

/** A signed number with fixed decimals (+12.30). */
export function signedNumber(v, digits = 2) {
  if (!isNum(v)) return DASH;
  const n = Number(v);
  const text = nf(`f${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  return n > 0 ? `+${text}` : text;
}

export function number(v, digits = 0) {
  if (!isNum(v)) return DASH;
  return nf(`n${digits}`, { maximumFractionDigits: digits }).format(Number(v));
}

export const ms = (iso) => (iso ? Date.parse(iso) : NaN);

/** A duration in a compact form: 45s, 4m 12s, 2h 03m, 3d 4h. */
export function duration(millis) {
  if (!Number.isFinite(millis)) return DASH;
  const s = Math.max(0, Math.floor(millis / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** A countdown to a time: 1:02:03, 04:05; "now" when passed. */
export function countdown(targetMs, now = Date.now()) {
  if (!Number.isFinite(targetMs)) return DASH;
  const s = Math.floor((targetMs - now) / 1000);
  if (s <= 0) return "now";
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** "12s ago", "4m ago". */
export function ago(fromMs, now = Date.now()) {
  if (!Number.isFinite(fromMs)) return DASH;
  return `${duration(now - fromMs)} ago`;
}

/** How long a signal lived: until now while open, until it closed otherwise. */
export function aliveMs(signal, now = Date.now()) {
  // Parsed once per signal object (the board sorts by it on every change).
  const start = signal._detectedMs ?? (signal._detectedMs = ms(signal.detected_at));
  const end = signal.status === "CLOSED" && signal.closed_at ? ms(signal.closed_at) : now;
  return end - start;
}

const dtf = new Intl.DateTimeFormat(undefined, {
  year: "numeric", month: "short", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
});
const tf = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function dateTime(iso) {
  const t = ms(iso);
  return Number.isFinite(t) ? dtf.format(t) : DASH;
}

export function time(iso) {
  const t = ms(iso);
  return Number.isFinite(t) ? tf.format(t) : DASH;
}

export function minutes(millis) {
  const m = Math.round(millis / 60000);
  return m >= 60 && m % 60 === 0 ? `${m / 60} h` : `${m} min`;
}

/** "in 27 days", "3 h ago". */
export function relative(iso) {
  if (!iso) return "";
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const units = [["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === "second") return rtf.format(Math.round(seconds / size), unit);
  }
  return "";
}

/** The viewer's IANA time zone, or `fallback` when the browser does not say. */
export function browserZone(fallback = "UTC") {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || fallback;
  } catch {
    return fallback;
  }
}
