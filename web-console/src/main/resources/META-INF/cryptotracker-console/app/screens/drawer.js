// The signal drawer (/signals/<id>): every field, the spread history as a uPlot chart (loaded on first open),
// the outcome after 1, 5 and 30 minutes and, for a Telegram post, its check against our feed (outcome.js), the
// execution breakdown and the position calculator (execution.js), peak, time alive, a link to the symbol's page
// and links to the venues. A modal dialog: focus stays inside, Escape and Close close it. Live `updated` and
// `closed` frames of the open signal re-render it (their data carries the outcome); when a pending checkpoint
// falls due the signal is read again.
import { html, useState, useEffect, useRef } from "../lib/html.js";
import { api } from "../lib/api.js";
import { onLive } from "../lib/live.js";
import { Tick } from "../lib/tick.js";
import * as f from "../lib/format.js";
import { direction } from "../lib/board-columns.js";
import { venueLinks, venueName, dexScreenerUrl } from "../lib/venues.js";
import { ExecutionBreakdown, PositionCalculator } from "./execution.js";
import { SignalOutcome, nextDue } from "./outcome.js";
import { symbolPath } from "../lib/symbols.js";

const UPLOT_CSS = "/webjars/uplot/1.6.30/dist/uPlot.min.css";
const KIND_NAMES = { "mexc-spot-futures": "Spot–futures", "funding-rate": "Funding", "mexc-dex": "DEX" };

let uplotModule = null;
function loadUplot() {
  if (!document.querySelector("link[data-uplot]")) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = UPLOT_CSS;
    link.dataset.uplot = "";
    document.head.append(link);
  }
  uplotModule ||= import("uplot").then((m) => m.default);
  return uplotModule;
}

function cssVar(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function SpreadChart({ points, symbol }) {
  const box = useRef(null);
  const plot = useRef(null);
  const [failed, setFailed] = useState(null);
  const latest = useRef(points);
  latest.current = points;

  useEffect(() => {
    let cancelled = false;
    let observer = null;
    loadUplot().then((UPlot) => {
      if (cancelled || !box.current) return;
      const text = cssVar("--text-2", "#a9b4c4");
      const grid = cssVar("--grid", "rgba(255,255,255,.07)");
      const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: "11px system-ui, sans-serif" };
      // A spread holds its value until the next change: draw steps, not slopes between changes.
      const steps = UPlot.paths?.stepped ? UPlot.paths.stepped({ align: 1 }) : undefined;
      const opts = {
        width: Math.max(240, box.current.clientWidth),
        height: 220,
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: true } },
        axes: [axis, { ...axis, values: (u, vals) => vals.map((v) => `${v.toFixed(2)}%`), size: 60 }],
        series: [
          { label: "Time", value: (u, v) => (v == null ? "–" : new Date(v * 1000).toLocaleTimeString()) },
          { label: "Gross %", stroke: cssVar("--accent", "#4da3ff"), width: 2, fill: "rgba(77,163,255,.10)", paths: steps, value: (u, v) => f.pct(v) },
          { label: "Net %", stroke: cssVar("--up", "#2ecc8f"), width: 1.5, dash: [4, 3], paths: steps, value: (u, v) => f.pct(v) },
        ],
      };
      plot.current = new UPlot(opts, latest.current, box.current);
      observer = new ResizeObserver(() => {
        if (plot.current && box.current) plot.current.setSize({ width: Math.max(240, box.current.clientWidth), height: 220 });
      });
      observer.observe(box.current);
    }).catch((e) => setFailed(e));
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    plot.current?.setData(points);
  }, [points]);

  return html`
    <figure class="chart">
      <figcaption class="section-title">Spread history</figcaption>
      <div class="chart-box" ref=${box} data-testid="spread-chart" role="img"
        aria-label=${`Gross and net spread of ${symbol} over time, ${points[0].length} points`}></div>
      ${failed && html`<p class="form-error" role="alert">The chart could not be loaded.</p>`}
    </figure>`;
}

/** uPlot's columns: [times in s, gross, net]; an open signal's line runs on to now. */
function chartPoints(signal, changes) {
  const xs = [];
  const gross = [];
  const net = [];
  for (const c of changes) {
    const t = f.ms(c.changed_at) / 1000;
    if (!Number.isFinite(t)) continue;
    if (xs.length && t <= xs[xs.length - 1]) {
      gross[gross.length - 1] = num(c.spread_percent);
      net[net.length - 1] = num(c.net_spread_percent);
      continue;
    }
    xs.push(t);
    gross.push(num(c.spread_percent));
    net.push(num(c.net_spread_percent));
  }
  if (!xs.length) {
    xs.push(f.ms(signal.detected_at) / 1000);
    gross.push(num(signal.spread_percent));
    net.push(num(signal.net_spread_percent));
  }
  const end = (signal.status === "CLOSED" && signal.closed_at ? f.ms(signal.closed_at) : Date.now()) / 1000;
  if (end > xs[xs.length - 1]) {
    xs.push(end);
    gross.push(num(signal.spread_percent));
    net.push(num(signal.net_spread_percent));
  }
  return [xs, gross, net];
}

const num = (v) => (v === null || v === undefined ? null : Number(v));

function Fact({ label, children, cls = "" }) {
  return html`<div class=${`fact ${cls}`}><dt>${label}</dt><dd>${children}</dd></div>`;
}

function yesNo(v) {
  return v === true ? html`<span class="up">open</span>` : v === false ? html`<span class="down">closed</span>` : "unknown";
}

function KindFacts({ s }) {
  if (s.kind === "mexc-spot-futures") {
    const sf = s.spot_futures || {};
    const d = direction(sf.direction);
    return html`
      <${Fact} label="Direction"><span class=${d.cls}>${d.text}</span><//>
      <${Fact} label="Spot bid / ask">${f.price(sf.spot_bid)} / ${f.price(sf.spot_ask)}<//>
      <${Fact} label="Perp bid / ask">${f.price(sf.futures_bid)} / ${f.price(sf.futures_ask)}<//>
      <${Fact} label="Funding rate">${f.rate(sf.funding_rate)}<//>
      <${Fact} label="Next funding">${sf.next_funding_time ? html`<${Tick} mode="countdown" at=${f.ms(sf.next_funding_time)} /> · ${f.time(sf.next_funding_time)}` : f.DASH}<//>
      <${Fact} label="Spot volume 24h">${f.usd(sf.spot_volume_24h)}<//>
      <${Fact} label="Perp volume 24h">${f.usd(sf.futures_volume_24h)}<//>`;
  }
  if (s.kind === "funding-rate") {
    const fu = s.funding || {};
    return html`
      <${Fact} label="Long venue"><span class="up">${venueName(fu.long_exchange)}</span><//>
      <${Fact} label="Short venue"><span class="down">${venueName(fu.short_exchange)}</span><//>
      <${Fact} label="Long rate / 8h">${f.rate(fu.long_rate_per_8h)} · APR ${f.pct(fu.long_apr_percent, 1)}<//>
      <${Fact} label="Short rate / 8h">${f.rate(fu.short_rate_per_8h)} · APR ${f.pct(fu.short_apr_percent, 1)}<//>
      <${Fact} label="Intervals">${fu.long_interval_hours ?? f.DASH}h long · ${fu.short_interval_hours ?? f.DASH}h short<//>
      <${Fact} label="Long funding in">${fu.long_next_funding_time ? html`<${Tick} mode="countdown" at=${f.ms(fu.long_next_funding_time)} />` : f.DASH}<//>
      <${Fact} label="Short funding in">${fu.short_next_funding_time ? html`<${Tick} mode="countdown" at=${f.ms(fu.short_next_funding_time)} />` : f.DASH}<//>
      <${Fact} label="Mark prices">${f.price(fu.long_mark_price)} / ${f.price(fu.short_mark_price)}<//>
      <${Fact} label="Perp price spread">${f.signedPct(fu.price_spread_percent, 3)}<//>`;
  }
  const dx = s.dex || {};
  const d = direction(dx.direction);
  const pairUrl = dexScreenerUrl(dx);
  return html`
    <${Fact} label="Direction"><span class=${d.cls}>${d.text}</span><//>
    <${Fact} label="Chain · DEX">${dx.chain || f.DASH} · ${dx.dex || f.DASH}<//>
    <${Fact} label="Pair" cls="wide">${pairUrl ? html`<a class="mono ext" href=${pairUrl} target="_blank" rel="noopener noreferrer">${dx.pair_address}</a>` : f.DASH}<//>
    <${Fact} label="Token" cls="wide"><span class="mono">${dx.token_address || f.DASH}</span><//>
    <${Fact} label="MEXC bid / ask">${f.price(dx.mexc_bid)} / ${f.price(dx.mexc_ask)}<//>
    <${Fact} label="DEX price">${f.price(dx.dex_price)}<//>
    <${Fact} label="Liquidity">${f.usd(dx.liquidity_usd)}<//>
    <${Fact} label="DEX volume 24h">${f.usd(dx.volume_24h_usd)}<//>
    <${Fact} label="MEXC deposit">${yesNo(dx.deposit_enabled)}<//>
    <${Fact} label="MEXC withdraw">${yesNo(dx.withdraw_enabled)}<//>`;
}

function focusables(root) {
  return [...root.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])')]
    .filter((el) => el.offsetParent !== null || el === document.activeElement);
}

export function SignalDrawer({ id, onClose, onKind, opener, navigate }) {
  const [signal, setSignal] = useState(null);
  const [changes, setChanges] = useState([]);
  const [error, setError] = useState(null);
  const [reads, setReads] = useState(0);
  const dialog = useRef(null);

  useEffect(() => {
    setSignal(null);
    setReads(0);
  }, [id]);

  useEffect(() => {
    let stale = false;
    setError(null);
    api.get(`/api/v1/signals/${encodeURIComponent(id)}`).then((view) => {
      if (stale) return;
      const { history = [], ...rest } = view;
      setSignal(rest);
      setChanges(history);
      onKind?.(rest.kind);
    }).catch((e) => !stale && setError(e));
    const off = onLive("signal", (frame) => {
      if (frame.id !== id || stale) return;
      if (frame.event === "deleted") {
        setError({ status: 410, message: "This signal was deleted." });
        return;
      }
      // a frame without an outcome (an `opened` one) keeps the outcome read before
      setSignal((before) => (frame.data.outcome === undefined && before?.outcome
        ? { ...frame.data, outcome: before.outcome } : frame.data));
      setChanges((list) => [...list, {
        seq: frame.seq, change: frame.event, changed_at: frame.data.updated_at,
        spread_percent: frame.data.spread_percent, net_spread_percent: frame.data.net_spread_percent,
      }]);
    });
    return () => {
      stale = true;
      off();
    };
  }, [id, reads]);

  // A pending checkpoint falls due: read the signal again a few seconds later (the ledger measures it then).
  const due = nextDue(signal);
  useEffect(() => {
    if (!Number.isFinite(due)) return undefined;
    const t = setTimeout(() => setReads((r) => r + 1), Math.max(0, due - Date.now()) + 5000);
    return () => clearTimeout(t);
  }, [due]);

  // Focus: into the dialog on open, back to what opened it on close; Tab cycles inside; Escape closes.
  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        onClose();
      } else if (e.key === "Tab" && dialog.current) {
        const items = focusables(dialog.current);
        if (!items.length) {
          e.preventDefault();
          return;
        }
        const first = items[0];
        const last = items[items.length - 1];
        if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog.current)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        } else if (!dialog.current.contains(document.activeElement)) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      // After the board is interactive again (it is inert while the dialog is open).
      const back = opener?.current;
      setTimeout(() => {
        if (back && back.isConnected) back.focus({ preventScroll: true });
        else document.getElementById("main")?.focus({ preventScroll: true });
      }, 0);
    };
  }, [onClose]);

  const s = signal;
  const title = s ? `Signal ${s.symbol}` : "Signal";
  const points = s ? chartPoints(s, changes) : null;
  const peak = s ? Math.max(Number(s.peak_spread_percent ?? -Infinity), ...changes.map((c) => Number(c.spread_percent ?? -Infinity))) : null;

  return html`
    <div class="drawer-backdrop" onClick=${onClose}></div>
    <div class="drawer" role="dialog" aria-modal="true" aria-labelledby="drawer-title" tabindex="-1" ref=${dialog}>
      <header class="drawer-head">
        <div>
          <p class="drawer-kind">${s ? KIND_NAMES[s.kind] || s.kind : " "}</p>
          <h2 id="drawer-title">${title}</h2>
          ${s && html`<a class="symbol-link" href=${symbolPath(s.symbol)} data-testid="symbol-link" onClick=${(e) => {
            if (!navigate || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            if (location.pathname === symbolPath(s.symbol)) onClose();
            else navigate(symbolPath(s.symbol));
          }}>${s.symbol} spread history and past signals</a>`}
        </div>
        <button type="button" class="btn btn-ghost drawer-close" onClick=${onClose}>Close</button>
      </header>
      <div class="drawer-body">
        ${error && html`<p class="form-error" role="alert">${error.status === 404
          ? "There is no such signal – or, on the FREE plan, it is not visible yet."
          : error.message}</p>`}
        ${!s && !error && html`<p class="muted" role="status">Loading…</p>`}
        ${s && html`
          <div class="drawer-status">
            <span class=${`pill ${s.status === "OPEN" ? "pill-open" : "pill-closed"}`}>${s.status.toLowerCase()}</span>
            <span class="pill">${(s.source || "").toLowerCase()}</span>
          </div>
          <dl class="kpis">
            <${Fact} label="Gross spread" cls="kpi"><span class=${Number(s.spread_percent) > 0 ? "up" : "down"}>${f.pct(s.spread_percent)}</span><//>
            <${Fact} label="Net spread" cls="kpi"><span class=${Number(s.net_spread_percent) > 0 ? "up" : "down"}>${f.pct(s.net_spread_percent)}</span><//>
            <${Fact} label="Peak" cls="kpi">${f.pct(Number.isFinite(peak) ? peak : s.peak_spread_percent)}<//>
            <${Fact} label="Time alive" cls="kpi">${s.status === "CLOSED"
              ? f.duration(f.aliveMs(s)) : html`<${Tick} mode="alive" at=${f.ms(s.detected_at)} />`}<//>
          </dl>
          <${SpreadChart} points=${points} symbol=${s.symbol} />
          <${SignalOutcome} signal=${s} />
          <${ExecutionBreakdown} signal=${s} />
          <${PositionCalculator} signal=${s} />
          <h3 class="section-title">Details</h3>
          <dl class="facts">
            <${KindFacts} s=${s} />
            <${Fact} label="Detected">${f.dateTime(s.detected_at)}<//>
            <${Fact} label="Updated">${f.dateTime(s.updated_at)}<//>
            <${Fact} label="Closed">${s.closed_at ? f.dateTime(s.closed_at) : f.DASH}<//>
            <${Fact} label="Signal id" cls="wide"><span class="mono">${s.id}</span><//>
          </dl>
          <h3 class="section-title">Trade it on</h3>
          <ul class="venue-links">
            ${venueLinks(s).map((l) => html`<li><a class="btn btn-link ext" href=${l.url} target="_blank" rel="noopener noreferrer">${l.label}</a></li>`)}
          </ul>
          ${changes.length > 0 && html`
            <h3 class="section-title">Changes</h3>
            <div class="table-wrap table-wrap-small" role="region" aria-label="Changes of this signal" tabindex="0">
              <table class="mini-table">
                <thead><tr><th scope="col" class="text">Time</th><th scope="col" class="text">Change</th><th scope="col" class="num">Gross</th><th scope="col" class="num">Net</th></tr></thead>
                <tbody>
                  ${changes.slice(-30).reverse().map((c) => html`
                    <tr key=${c.seq}><td class="text">${f.time(c.changed_at)}</td><td class="text">${c.change}</td>
                    <td class="num">${f.pct(c.spread_percent)}</td><td class="num">${f.pct(c.net_spread_percent)}</td></tr>`)}
                </tbody>
              </table>
            </div>`}`}
      </div>
    </div>`;
}
