// Statistics (/statistics): what became of the signals, from GET /api/v1/signals/stats, grouped by symbol, route or
// source and sorted in the browser (every header is a button; aria-sort on the sorted one). The filters, grouping
// and sort live in the URL (?kind=&source=&exchange=&symbol=&period=&group_by=&sort=) so a reload or a link keeps
// them. The published latency (GET /api/v1/notifications/latency: detection → socket frame over the last hour) is
// shown beside the totals and re-read every 30 s.
import { html, useState, useEffect, useRef, useMemo } from "../lib/html.js";
import { api } from "../lib/api.js";
import { Field, collectErrors } from "../lib/forms.js";
import * as f from "../lib/format.js";
import { Time } from "../lib/widgets.js";
import { SymbolLink } from "../lib/symbols.js";

const KIND_OPTIONS = [["", "Any kind"], ["mexc-spot-futures", "Spot–futures"], ["funding-rate", "Funding"], ["mexc-dex", "DEX"]];
const SOURCE_OPTIONS = [["", "Any source"], ["DETECTOR", "Detector"], ["TELEGRAM", "Telegram"], ["MANUAL", "Manual"]];
const EXCHANGES = ["mexc", "binance", "bybit", "gate", "okx", "bitget"];
const PERIODS = [["24h", "Last 24 hours", 86_400_000], ["7d", "Last 7 days", 7 * 86_400_000],
  ["30d", "Last 30 days", 30 * 86_400_000], ["90d", "Last 90 days", 90 * 86_400_000]];
const GROUPS = [["symbol", "Symbol"], ["route", "Route"], ["source", "Source"]];
const LATENCY_EVERY_MS = 30_000;
const STATS_EVERY_MS = 60_000;
const SYMBOL_DELAY_MS = 350;

/** Columns: id, header, how a group's value is read for sorting, first sort direction. */
const COLUMNS = [
  { id: "key", label: null, cls: "text", first: "asc", value: (g) => g.key },
  { id: "count", label: "Signals", title: "Signals detected in the period", cls: "num", value: (g) => g.count },
  {
    id: "converged", label: "Converged ≤ 30 min", title: "Share of the signals whose 30 minutes have passed that converged below the close threshold within them",
    cls: "num", value: (g) => g.converged_30m_share,
  },
  { id: "alive_median", label: "Median alive", title: "Median time alive of the closed signals", cls: "num", value: (g) => g.alive_median_seconds },
  { id: "alive_p90", label: "p90 alive", title: "90th percentile of the time alive of the closed signals", cls: "num", value: (g) => g.alive_p90_seconds },
  { id: "peak", label: "Median peak net", title: "Median of each signal's best net spread", cls: "num", value: (g) => g.peak_net_median_percent },
];

function readUrl() {
  const p = new URLSearchParams(location.search);
  const pick = (name, options, fallback) => (options.some(([v]) => v === p.get(name)) ? p.get(name) : fallback);
  const [sortKey, sortDir] = (p.get("sort") || "count,desc").split(",");
  return {
    kind: pick("kind", KIND_OPTIONS, ""),
    source: pick("source", SOURCE_OPTIONS, ""),
    exchange: EXCHANGES.includes(p.get("exchange")) ? p.get("exchange") : "",
    symbol: (p.get("symbol") || "").slice(0, 40),
    period: pick("period", PERIODS, "30d"),
    groupBy: pick("group_by", GROUPS, "symbol"),
    sort: { key: COLUMNS.some((c) => c.id === sortKey) ? sortKey : "count", dir: sortDir === "asc" ? "asc" : "desc" },
  };
}

function writeUrl(q) {
  const p = new URLSearchParams();
  if (q.kind) p.set("kind", q.kind);
  if (q.source) p.set("source", q.source);
  if (q.exchange) p.set("exchange", q.exchange);
  if (q.symbol) p.set("symbol", q.symbol);
  if (q.period !== "30d") p.set("period", q.period);
  if (q.groupBy !== "symbol") p.set("group_by", q.groupBy);
  if (q.sort.key !== "count" || q.sort.dir !== "desc") p.set("sort", `${q.sort.key},${q.sort.dir}`);
  const search = p.toString();
  const url = `/statistics${search ? `?${search}` : ""}`;
  if (url !== location.pathname + location.search) history.replaceState(history.state, "", url);
}

const share = (v) => (v === null || v === undefined ? f.DASH : f.pct(Number(v) * 100, 0));
const seconds = (v) => (v === null || v === undefined ? f.DASH : f.duration(Number(v) * 1000));

/** Sorts groups by a column, empty values last either way. */
function sortGroups(groups, sort) {
  const col = COLUMNS.find((c) => c.id === sort.key) || COLUMNS[1];
  const sign = sort.dir === "asc" ? 1 : -1;
  const empty = (v) => v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));
  return [...groups].sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    if (empty(x) || empty(y)) return empty(x) === empty(y) ? 0 : empty(x) ? 1 : -1;
    if (typeof x === "string" || typeof y === "string") return sign * String(x).localeCompare(String(y));
    return sign * (Number(x) - Number(y)) || String(a.key).localeCompare(String(b.key));
  });
}

function SortHeader({ col, label, sort, onSort }) {
  const active = sort.key === col.id;
  const next = active ? (sort.dir === "asc" ? "descending" : "ascending") : col.first === "asc" ? "ascending" : "descending";
  return html`
    <th scope="col" class=${col.cls} aria-sort=${active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" class="th-btn" title=${`${col.title ? `${col.title}. ` : ""}Sort ${next}`} onClick=${() => onSort(col)}>
        ${label}<span class=${`sort-ind${active ? " on" : ""}`} aria-hidden="true">${active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>`;
}

/** The published latency of the signal frames over the last hour. */
export function LatencyFigure() {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    let live = true;
    const read = () => {
      if (document.visibilityState === "hidden") return;
      api.get("/api/v1/notifications/latency").then((answer) => {
        if (!live) return;
        setData(answer);
        setError(null);
      }, (e) => live && setError(e));
    };
    read();
    const id = setInterval(read, LATENCY_EVERY_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, []);
  const span = data?.window_seconds ? f.duration(data.window_seconds * 1000).replace(/ 00m$/, "") : "1h";
  const millis = (v) => (v === null || v === undefined ? f.DASH : `${f.number(v, Number(v) < 10 ? 1 : 0)} ms`);
  return html`
    <section class="stat-card latency" data-testid="latency" aria-labelledby="latency-title">
      <h2 class="stat-label" id="latency-title">Published latency</h2>
      ${error && html`<p class="form-error" role="alert">The latency could not be read: ${error.message}</p>`}
      ${!error && !data && html`<p class="muted" role="status">Loading…</p>`}
      ${data && (data.frames > 0 ? html`
        <p class="stat-value"><span data-testid="latency-median">${millis(data.median_ms)}</span>
          <span class="stat-sub"> median · p99 <span data-testid="latency-p99">${millis(data.p99_ms)}</span></span></p>
        <p class="stat-note">Detection → socket frame, ${f.number(data.frames)} frames in the last ${span}</p>` : html`
        <p class="stat-value muted">${f.DASH}</p>
        <p class="stat-note">No signal frame was published in the last ${span}.</p>`)}
    </section>`;
}

function Totals({ total }) {
  const cards = [
    ["Signals", f.number(total.count), null],
    ["Converged ≤ 30 min", share(total.converged_30m_share), total.converged_30m_share === null || total.converged_30m_share === undefined
      ? "none 30 min old yet" : `${f.number(total.converged_30m_count)} signals`],
    ["Time alive", seconds(total.alive_median_seconds), `median · p90 ${seconds(total.alive_p90_seconds)}`],
    ["Median peak net", f.pct(total.peak_net_median_percent), null],
  ];
  return cards.map(([label, value, sub]) => html`
    <div class="stat-card" key=${label}>
      <p class="stat-label">${label}</p>
      <p class="stat-value">${value}${sub && html`<span class="stat-sub"> ${sub}</span>`}</p>
    </div>`);
}

function Filters({ query, onChange, errors }) {
  const [symbol, setSymbol] = useState(query.symbol);
  useEffect(() => {
    const wanted = symbol.trim();
    if (wanted === query.symbol) return undefined;
    const t = setTimeout(() => onChange({ symbol: wanted }), SYMBOL_DELAY_MS);
    return () => clearTimeout(t);
  }, [symbol]);
  const select = (key, options) => html`
    <select value=${query[key]} onChange=${(e) => onChange({ [key]: e.currentTarget.value })}>
      ${options.map(([v, label]) => html`<option key=${v} value=${v}>${label}</option>`)}
    </select>`;
  return html`
    <form class="filters" role="search" aria-label="Filter the statistics"
      onSubmit=${(e) => { e.preventDefault(); onChange({ symbol: symbol.trim() }); }}>
      <${Field} name="kind" label="Kind" errors=${errors}>${select("kind", KIND_OPTIONS)}<//>
      <${Field} name="source" label="Source" errors=${errors}>${select("source", SOURCE_OPTIONS)}<//>
      <${Field} name="exchange" label="Exchange" errors=${errors}>
        ${select("exchange", [["", "Any exchange"], ...EXCHANGES.map((x) => [x, x.charAt(0).toUpperCase() + x.slice(1)])])}
      <//>
      <${Field} name="symbol" label="Symbol" errors=${errors}>
        <input type="search" value=${symbol} placeholder="BTC/USDT" autocomplete="off" spellcheck="false"
          onInput=${(e) => setSymbol(e.currentTarget.value)} />
      <//>
      <${Field} name="period" label="Period" errors=${errors}>${select("period", PERIODS)}<//>
      <${Field} name="group_by" label="Group by" errors=${errors}>${select("groupBy", GROUPS)}<//>
    </form>`;
}

const FILTER_FIELDS = ["kind", "source", "exchange", "symbol", "group_by"];

/** The API's field errors at the filters (from/to belong to the period); anything else is the screen's alert. */
function filterErrors(error) {
  return collectErrors(error, (field) => (field === "from" || field === "to" ? "period" : FILTER_FIELDS.includes(field) ? field : null));
}

export function StatisticsScreen({ navigate }) {
  const [query, setQuery] = useState(readUrl);
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    writeUrl(query);
  }, [query]);

  useEffect(() => {
    const ticket = ++latest.current;
    const span = PERIODS.find(([v]) => v === query.period)[2];
    const to = new Date();
    setLoading(true);
    api.get("/api/v1/signals/stats", {
      kind: query.kind, source: query.source, exchange: query.exchange, symbol: query.symbol,
      group_by: query.groupBy, from: new Date(to.getTime() - span).toISOString(), to: to.toISOString(),
    }).then((answer) => {
      if (ticket !== latest.current) return;
      setData(answer);
      setError(null);
    }, (e) => ticket === latest.current && setError(e)).finally(() => ticket === latest.current && setLoading(false));
  }, [query.kind, query.source, query.exchange, query.symbol, query.period, query.groupBy, tick]);

  // read again every minute while the screen is in view (the figures move as signals close and checkpoints pass)
  useEffect(() => {
    const id = setInterval(() => document.visibilityState !== "hidden" && setTick((t) => t + 1), STATS_EVERY_MS);
    return () => clearInterval(id);
  }, []);

  const onChange = (patch) => setQuery((q) => ({ ...q, ...patch }));
  const onSort = (col) => setQuery((q) => ({
    ...q,
    sort: q.sort.key === col.id ? { key: col.id, dir: q.sort.dir === "asc" ? "desc" : "asc" } : { key: col.id, dir: col.first || "desc" },
  }));

  const { fields, form: formError } = filterErrors(error);
  // An answer for another grouping than the one asked is not shown (it is being replaced).
  const shown = data && data.group_by === query.groupBy ? data : null;
  const groups = useMemo(() => (shown ? sortGroups(shown.groups || [], query.sort) : []), [shown, query.sort]);
  const keyLabel = GROUPS.find(([v]) => v === query.groupBy)[1];

  return html`
    <section class="screen stats-screen" aria-labelledby="stats-title">
      <div class="screen-head">
        <div>
          <h1 id="stats-title">Statistics</h1>
          <p class="muted board-sub">What became of the signals: how many converged within 30 minutes, how long they lived, how far they went.</p>
        </div>
        <div class="head-actions">
          <p class="muted data-age" data-testid="stats-age">
            ${shown ? html`From <${Time} iso=${shown.from} /> to <${Time} iso=${shown.to} />` : ""}
          </p>
          <button type="button" class="btn btn-small" disabled=${loading} onClick=${() => setTick((t) => t + 1)}>Refresh</button>
        </div>
      </div>
      <${Filters} query=${query} onChange=${onChange} errors=${fields} />
      <div class="stat-cards" data-testid="stats-total">
        ${shown && html`<${Totals} total=${shown.total || {}} />`}
        <${LatencyFigure} />
      </div>
      ${formError && html`
        <div class="banner banner-error" role="alert">
          <span>The statistics could not be read: ${formError}</span>
          <button type="button" class="btn btn-small" onClick=${() => setTick((t) => t + 1)}>Retry</button>
        </div>`}
      ${loading && html`<p class="muted loading-dot" role="status">Loading the statistics…</p>`}
      <div class="table-wrap data-wrap" tabindex="0" role="region" aria-label=${`Statistics by ${keyLabel.toLowerCase()}`}>
        <table class="data-table stats-table" data-testid="stats-table" aria-busy=${loading ? "true" : "false"}>
          <caption class="sr-only">Signals by ${keyLabel.toLowerCase()}; the column headers sort the table</caption>
          <thead>
            <tr>${COLUMNS.map((c) => html`<${SortHeader} key=${c.id} col=${c} label=${c.label || keyLabel} sort=${query.sort} onSort=${onSort} />`)}</tr>
          </thead>
          <tbody>
            ${groups.map((g) => html`
              <tr key=${g.key} data-group-key=${g.key}>
                <th scope="row" class="text">${query.groupBy === "symbol"
                  ? html`<${SymbolLink} symbol=${g.key} navigate=${navigate} />`
                  : query.groupBy === "source" ? String(g.key).toLowerCase() : g.key}</th>
                <td class="num">${f.number(g.count)}</td>
                <td class="num">${share(g.converged_30m_share)}${g.converged_30m_share !== null && g.converged_30m_share !== undefined
                  && html`<span class="muted small" title="signals converged"> · ${f.number(g.converged_30m_count)}</span>`}</td>
                <td class="num">${seconds(g.alive_median_seconds)}</td>
                <td class="num">${seconds(g.alive_p90_seconds)}</td>
                <td class="num">${f.pct(g.peak_net_median_percent)}</td>
              </tr>`)}
            ${shown && groups.length === 0 && html`
              <tr><td colspan=${COLUMNS.length} class="empty">No signal in this period matches these filters.</td></tr>`}
          </tbody>
        </table>
      </div>
      ${shown && html`<p class="muted small">Generated <${Time} iso=${shown.generated_at} />. Shares count the signals whose 30 minutes have passed; times alive count closed signals.</p>`}
    </section>`;
}
