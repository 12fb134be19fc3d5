// A symbol's page (/symbols/<BASE-QUOTE>): its spread series per kind (GET /api/v1/signals/spreads/{symbol}, an
// inline SVG per kind, lib/spread-chart.js) over 24 hours or 7 days, and its past signals (the three list endpoints
// with symbol=, newest first). A row opens the signal drawer over the page; Close or Escape returns here.
import { html, useState, useEffect, useRef, useCallback } from "../lib/html.js";
import { api } from "../lib/api.js";
import * as f from "../lib/format.js";
import { Tick } from "../lib/tick.js";
import { SpreadSeriesChart } from "../lib/spread-chart.js";
import { SignalDrawer } from "./drawer.js";

const KIND_NAMES = { "mexc-spot-futures": "Spot–futures", "funding-rate": "Funding", "mexc-dex": "DEX" };
const KIND_IDS = Object.keys(KIND_NAMES);
/** Period → its length and the bucket size asked for (60 to 300 points). */
const PERIODS = [
  { id: "1h", label: "1 h", ms: 3_600_000, step: 60 },
  { id: "24h", label: "24 h", ms: 86_400_000, step: 300 },
  { id: "7d", label: "7 d", ms: 7 * 86_400_000, step: 3600 },
];
const PAST_PAGE = 20;

function Series({ symbol, slug }) {
  const [period, setPeriod] = useState("24h");
  const [kind, setKind] = useState("");
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    const p = PERIODS.find((x) => x.id === period);
    const to = new Date();
    setLoading(true);
    api.get(`/api/v1/signals/spreads/${slug}`, {
      kind, from: new Date(to.getTime() - p.ms).toISOString(), to: to.toISOString(), step: p.step,
    }).then((answer) => {
      if (!live) return;
      setData(answer);
      setError(null);
    }, (e) => live && (setError(e), setData(null))).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [slug, period, kind, tick]);

  // every kind asked is in the answer, an empty one too: only kinds with points are drawn, the rest named below
  const asked = (data?.series || []).filter((s) => !kind || s.kind === kind);
  const series = asked.filter((s) => s.points?.length);
  const without = asked.filter((s) => !s.points?.length).map((s) => KIND_NAMES[s.kind] || s.kind);
  return html`
    <section class="card symbol-series" aria-labelledby="series-title">
      <div class="table-tools">
        <h2 id="series-title">Spread history</h2>
        <div class="series-controls">
          <fieldset class="segmented">
            <legend class="sr-only">Period</legend>
            ${PERIODS.map((p) => html`
              <label key=${p.id} class=${`segment${period === p.id ? " on" : ""}`}>
                <input type="radio" name="series-period" value=${p.id} checked=${period === p.id}
                  onChange=${() => setPeriod(p.id)} />${p.label}
              </label>`)}
          </fieldset>
          <div class="field field-inline">
            <label for="series-kind">Kind</label>
            <select id="series-kind" value=${kind} onChange=${(e) => setKind(e.currentTarget.value)}>
              <option value="">All kinds</option>
              ${KIND_IDS.map((k) => html`<option key=${k} value=${k}>${KIND_NAMES[k]}</option>`)}
            </select>
          </div>
        </div>
      </div>
      ${error && html`
        <div class="banner banner-error" role="alert">
          <span>The spread history could not be read: ${error.message}</span>
          <button type="button" class="btn btn-small" onClick=${() => setTick((t) => t + 1)}>Retry</button>
        </div>`}
      ${loading && !data && !error && html`<p class="muted loading-dot" role="status">Loading the spread history…</p>`}
      ${data && series.length === 0 && html`
        <p class="empty" role="status">No spread of ${symbol} was recorded ${kind ? `for ${KIND_NAMES[kind]} ` : ""}in the last ${PERIODS.find((p) => p.id === period).label}.</p>`}
      <div class="series-list" aria-busy=${loading ? "true" : "false"}>
        ${series.map((s) => html`
          <${SpreadSeriesChart} key=${s.kind} series=${s} label=${KIND_NAMES[s.kind] || s.kind} symbol=${symbol}
            from=${data.from} to=${data.to} stepSeconds=${data.step_seconds} />`)}
      </div>
      ${series.length > 0 && without.length > 0 && html`<p class="muted small">No spread recorded in this period for ${without.join(", ")}.</p>`}
    </section>`;
}

function outcomeText(s) {
  const o = s.outcome;
  if (!o) return f.DASH;
  if (o.converged) return "converged";
  return s.status === "CLOSED" ? "did not converge" : "open";
}

function PastSignals({ symbol, onOpen, version }) {
  const [rows, setRows] = useState(null);
  const [errors, setErrors] = useState([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    // every kind's list, exact symbol, newest first; a kind that fails says so without hiding the others
    Promise.allSettled(KIND_IDS.map((k) => api.get(`/api/v1/signals/${k}`, { symbol, size: PAST_PAGE, sort: "detected_at,desc" })))
      .then((answers) => {
        if (!live) return;
        const items = [];
        const failed = [];
        answers.forEach((a, i) => {
          if (a.status === "fulfilled") items.push(...(a.value?.items || []));
          else failed.push(`${KIND_NAMES[KIND_IDS[i]]}: ${a.reason.message}`);
        });
        items.sort((a, b) => f.ms(b.detected_at) - f.ms(a.detected_at));
        setRows(items);
        setErrors(failed);
        setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [symbol, version]);

  const onClick = (e) => {
    const tr = e.target.closest("tr[data-signal-id]");
    if (!tr || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onOpen(tr.dataset.signalId, tr.querySelector("a"));
  };
  return html`
    <section class="card" aria-labelledby="past-title">
      <h2 id="past-title">Past signals</h2>
      ${errors.length > 0 && html`<p class="form-error" role="alert">Some signals could not be read. ${errors.join(" ")}</p>`}
      ${loading && !rows && html`<p class="muted loading-dot" role="status">Loading the signals…</p>`}
      <div class="table-wrap data-wrap" tabindex="0" role="region" aria-label=${`Past signals of ${symbol}`}>
        <table class="data-table past-table" data-testid="symbol-signals" onClick=${onClick} aria-busy=${loading ? "true" : "false"}>
          <caption class="sr-only">${`Signals of ${symbol}, newest first; select one to open its details`}</caption>
          <thead>
            <tr><th scope="col">Detected</th><th scope="col">Kind</th><th scope="col">Source</th><th scope="col">Status</th>
              <th scope="col" class="num">Gross</th><th scope="col" class="num">Net</th><th scope="col" class="num">Alive</th>
              <th scope="col">Outcome</th></tr>
          </thead>
          <tbody>
            ${(rows || []).map((s) => html`
              <tr key=${s.id} data-signal-id=${s.id} class="clickable">
                <td class="nowrap"><a href=${`/signals/${s.id}`} class="sym">${f.dateTime(s.detected_at)}</a></td>
                <td>${KIND_NAMES[s.kind] || s.kind}</td>
                <td>${(s.source || "").toLowerCase()}</td>
                <td><span class=${`pill ${s.status === "OPEN" ? "pill-open" : "pill-closed"}`}>${(s.status || "").toLowerCase()}</span></td>
                <td class="num">${f.pct(s.spread_percent)}</td>
                <td class="num">${f.pct(s.net_spread_percent)}</td>
                <td class="num">${s.status === "CLOSED" ? f.duration(f.aliveMs(s)) : html`<${Tick} mode="alive" at=${f.ms(s.detected_at)} />`}</td>
                <td>${outcomeText(s)}</td>
              </tr>`)}
            ${rows && rows.length === 0 && html`<tr><td colspan="8" class="empty">No signal of ${symbol} yet.</td></tr>`}
          </tbody>
        </table>
      </div>
    </section>`;
}

export function SymbolScreen({ session, navigate, route }) {
  const symbol = route.symbol;
  const slug = encodeURIComponent(symbol.replace("/", "-"));
  const [openId, setOpenId] = useState(null);
  const [version, setVersion] = useState(0);
  const opener = useRef(null);
  useEffect(() => setOpenId(null), [symbol]);
  const onOpen = useCallback((id, el) => {
    opener.current = el;
    setOpenId(id);
  }, []);
  const onClose = useCallback(() => {
    setOpenId(null);
    setVersion((v) => v + 1);
  }, []);

  return html`
    <section class="screen symbol-screen" aria-labelledby="symbol-title">
      <div class="board-inert" inert=${openId ? true : undefined}>
        <div class="screen-head">
          <div>
            <p class="drawer-kind">Symbol</p>
            <h1 id="symbol-title" data-testid="symbol-title">${symbol}</h1>
          </div>
          <p class="head-actions">
            <a href="/statistics" onClick=${(e) => { e.preventDefault(); navigate(`/statistics?symbol=${encodeURIComponent(symbol)}`); }}>
              Statistics of ${symbol}</a>
          </p>
        </div>
        <${Series} symbol=${symbol} slug=${slug} />
        <${PastSignals} symbol=${symbol} onOpen=${onOpen} version=${version} />
      </div>
      ${openId && html`<${SignalDrawer} id=${openId} session=${session} navigate=${navigate} onClose=${onClose} opener=${opener} />`}
    </section>`;
}
