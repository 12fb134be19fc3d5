// The live board: one tab per signal kind. VIP rows come and go live from the socket (frames batched per
// animation frame, rows keyed by id and memoised); FREE reads the delayed list every 20 s under a banner.
import { html, useState, useEffect, useLayoutEffect, useRef, useMemo, useCallback, memo } from "../lib/html.js";
import { api } from "../lib/api.js";
import { onLive, liveStatus } from "../lib/live.js";
import { refresh, loadUser } from "../lib/session.js";
import { Field } from "../lib/forms.js";
import { Tick } from "../lib/tick.js";
import { COLUMNS, columnWidth } from "../lib/board-columns.js";
import * as f from "../lib/format.js";
import { SignalDrawer } from "./drawer.js";

export const KINDS = [
  { id: "mexc-spot-futures", tab: "Spot–futures", heading: "MEXC spot vs perpetual futures" },
  { id: "funding-rate", tab: "Funding", heading: "Funding-rate spreads between perpetuals" },
  { id: "mexc-dex", tab: "DEX", heading: "MEXC spot vs on-chain pools" },
];
const KIND_IDS = KINDS.map((k) => k.id);

// The FREE delay: signals-service's list does not say it, so this is its documented default (signals.free-delay).
export const FREE_DELAY_MS = 15 * 60_000;
const POLL_MS = 15_000;
const PAGE_SIZE = 200;
const NEW_MS = 4000;
const CLOSED_LINGER_MS = 60_000;
const EXCHANGES = ["mexc", "binance", "bybit", "gate", "okx", "bitget"];
const CHAINS = ["solana", "ethereum", "bsc", "base", "arbitrum", "polygon", "avalanche", "ton", "tron", "sui"];

// Remembered across visits (module memory, never storage): the last tab, each tab's filters and sort.
let lastKind = KIND_IDS[0];
const filtersByKind = {};
const sortByKind = {};
const DEFAULT_FILTERS = { q: "", minSpread: "", status: "open", exchange: "", chain: "" };
const DEFAULT_SORT = { key: "alive", dir: "asc" };

function listParams(kind, filters, sort, page) {
  const cols = COLUMNS[kind];
  const col = cols.find((c) => c.id === sort.key);
  let serverSort;
  if (col?.sort) {
    const dir = col.invertServer ? (sort.dir === "asc" ? "desc" : "asc") : sort.dir;
    serverSort = `${col.sort},${dir}`;
  }
  return {
    q: filters.q.trim() || undefined,
    min_spread: filters.minSpread === "" ? undefined : filters.minSpread,
    status: filters.status === "all" ? undefined : filters.status,
    exchange: kind === "funding-rate" ? filters.exchange || undefined : undefined,
    chain: kind === "mexc-dex" ? filters.chain.trim() || undefined : undefined,
    sort: serverSort,
    size: PAGE_SIZE,
    page,
  };
}

/** Whether a live signal belongs on the board as it is filtered now. */
function matches(s, kind, filters) {
  if (s.kind !== kind) return false;
  const q = filters.q.trim().toUpperCase().replace(/[$_-]/g, "/").replace(/^\//, "");
  if (q && !s.symbol.toUpperCase().startsWith(q)) return false;
  if (filters.minSpread !== "" && Number(s.spread_percent) < Number(filters.minSpread)) return false;
  if (filters.status === "open" && s.status !== "OPEN") return false;
  if (filters.status === "closed" && s.status !== "CLOSED") return false;
  if (kind === "funding-rate" && filters.exchange) {
    const fu = s.funding || {};
    if (fu.long_exchange !== filters.exchange && fu.short_exchange !== filters.exchange) return false;
  }
  if (kind === "mexc-dex" && filters.chain.trim() && (s.dex?.chain || "") !== filters.chain.trim().toLowerCase()) return false;
  return true;
}

/** Sorts by a column: each value is read once (a comparator that parses dates costs O(n log n) parses). */
function sortRows(rows, col, dir) {
  const sign = dir === "asc" ? 1 : -1;
  const keyed = rows.map((s) => {
    const v = col.value(s);
    return { s, v, empty: v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v)) };
  });
  keyed.sort((a, b) => {
    if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? 1 : -1; // empty values last either way
    if (typeof a.v === "string") return sign * a.v.localeCompare(b.v);
    return sign * (a.v - b.v);
  });
  return keyed.map((k) => k.s);
}

// ---- the table ---------------------------------------------------------------------------------------------

// Above this many rows only the visible ones (plus a margin) are in the DOM; rows have a fixed height.
const ROW_H = 32;
const OVERSCAN = 12;
const VIRTUAL_AFTER = 150;

const Row = memo(function Row({ s, cols, isNew, index }) {
  const cls = `${isNew ? "row-new" : ""}${s.status === "CLOSED" ? " row-closed" : ""}`;
  return html`
    <tr data-signal-id=${s.id} class=${cls || undefined} aria-rowindex=${index}>
      ${cols.map((c) => html`<td class=${c.tone ? `${c.cls} ${c.tone(s)}` : c.cls}>${c.cell(s)}</td>`)}
    </tr>`;
});

function SortHeader({ col, sort, onSort }) {
  const active = sort.key === col.id;
  const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : "none";
  return html`
    <th scope="col" class=${col.cls} aria-sort=${ariaSort}>
      <button type="button" class="th-btn" onClick=${() => onSort(col)} title=${col.title}>
        ${col.label}<span class=${`sort-ind${active ? " on" : ""}`} aria-hidden="true">${active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>`;
}

function useViewport(ref) {
  const [view, setView] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const el = ref.current;
    let frame = 0;
    const update = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
      });
    };
    el.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    update();
    return () => {
      el.removeEventListener("scroll", update);
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  return view;
}

function SignalTable({ kind, rows, newIds, sort, onSort, onOpen }) {
  const cols = COLUMNS[kind];
  const wrap = useRef(null);
  const view = useViewport(wrap);
  const onClick = (e) => {
    if (e.target.closest("a:not([data-open]), button")) return; // external links keep working
    const tr = e.target.closest("tr[data-signal-id]");
    if (!tr) return;
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onOpen(tr.dataset.signalId, tr.querySelector("a.sym"));
  };
  let start = 0;
  let end = rows.length;
  if (rows.length > VIRTUAL_AFTER) {
    start = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
    end = Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  }
  const width = cols.reduce((sum, c) => sum + columnWidth(c), 0);
  const label = KINDS.find((k) => k.id === kind).tab;
  return html`
    <div class="table-wrap" role="region" aria-label=${`${label} signals`} tabindex="0" ref=${wrap}>
      <table class="board-table" onClick=${onClick} style=${{ minWidth: `${width}px` }} aria-rowcount=${rows.length + 1}>
        <caption class="sr-only">${`${label} signals; select a symbol to open its details`}</caption>
        <colgroup>${cols.map((c) => html`<col key=${c.id} style=${{ width: `${columnWidth(c)}px` }} />`)}</colgroup>
        <thead>
          <tr aria-rowindex="1">${cols.map((c) => html`<${SortHeader} key=${c.id} col=${c} sort=${sort} onSort=${onSort} />`)}</tr>
        </thead>
        <tbody>
          ${start > 0 && html`<tr key="top" class="spacer" aria-hidden="true"><td colspan=${cols.length} style=${{ height: `${start * ROW_H}px` }}></td></tr>`}
          ${rows.slice(start, end).map((s, i) => html`<${Row} key=${s.id} s=${s} cols=${cols} isNew=${newIds.has(s.id)} index=${start + i + 2} />`)}
          ${end < rows.length && html`<tr key="bottom" class="spacer" aria-hidden="true"><td colspan=${cols.length} style=${{ height: `${(rows.length - end) * ROW_H}px` }}></td></tr>`}
        </tbody>
      </table>
    </div>`;
}

// ---- tabs and filters --------------------------------------------------------------------------------------

function Tabs({ kind, onSelect }) {
  const refs = useRef({});
  const onKeyDown = (e) => {
    const i = KIND_IDS.indexOf(kind);
    let next = null;
    if (e.key === "ArrowRight") next = KIND_IDS[(i + 1) % KIND_IDS.length];
    else if (e.key === "ArrowLeft") next = KIND_IDS[(i - 1 + KIND_IDS.length) % KIND_IDS.length];
    else if (e.key === "Home") next = KIND_IDS[0];
    else if (e.key === "End") next = KIND_IDS[KIND_IDS.length - 1];
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    refs.current[next]?.focus();
  };
  return html`
    <div class="tabs" role="tablist" aria-label="Signal kinds" onKeyDown=${onKeyDown}>
      ${KINDS.map((k) => html`
        <button key=${k.id} type="button" role="tab" id=${`tab-${k.id}`} aria-controls="board-panel"
          aria-selected=${k.id === kind ? "true" : "false"} tabindex=${k.id === kind ? 0 : -1}
          ref=${(el) => { refs.current[k.id] = el; }} onClick=${() => onSelect(k.id)}>${k.tab}</button>`)}
    </div>`;
}

function Filters({ kind, filters, onChange, errors }) {
  const [draft, setDraft] = useState(filters);
  const timer = useRef(0);
  useEffect(() => setDraft(filters), [kind]);
  const set = (name, value, debounce = false) => {
    const next = { ...draft, [name]: value };
    setDraft(next);
    clearTimeout(timer.current);
    if (debounce) timer.current = setTimeout(() => onChange(next), 350);
    else onChange(next);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return html`
    <form class="filters" role="search" aria-label="Filter signals" onSubmit=${(e) => { e.preventDefault(); onChange(draft); }}>
      <${Field} name="q" label="Symbol" errors=${errors}>
        <input type="search" value=${draft.q} placeholder="BTC" autocomplete="off" spellcheck="false"
          onInput=${(e) => set("q", e.currentTarget.value, true)} />
      <//>
      <${Field} name="min_spread" label="Minimum spread %" errors=${errors}>
        <input type="number" inputmode="decimal" step="0.1" min="0" value=${draft.minSpread} placeholder="0"
          onInput=${(e) => set("minSpread", e.currentTarget.value, true)} />
      <//>
      <${Field} name="status" label="Status" errors=${errors}>
        <select value=${draft.status} onChange=${(e) => set("status", e.currentTarget.value)}>
          <option value="open">Open</option>
          <option value="closed">Closed</option>
          <option value="all">All</option>
        </select>
      <//>
      ${kind === "funding-rate" && html`
        <${Field} name="exchange" label="Exchange" errors=${errors}>
          <select value=${draft.exchange} onChange=${(e) => set("exchange", e.currentTarget.value)}>
            <option value="">Any</option>
            ${EXCHANGES.map((x) => html`<option value=${x}>${x.charAt(0).toUpperCase() + x.slice(1)}</option>`)}
          </select>
        <//>`}
      ${kind === "mexc-dex" && html`
        <${Field} name="chain" label="Chain" errors=${errors}>
          <input type="text" list="chains" value=${draft.chain} placeholder="Any" autocomplete="off"
            onInput=${(e) => set("chain", e.currentTarget.value, true)} />
        <//>
        <datalist id="chains">${CHAINS.map((c) => html`<option value=${c} />`)}</datalist>`}
    </form>`;
}

function LiveStatus({ mode, socket }) {
  let text;
  let cls;
  if (mode === "live") {
    text = socket === "live" ? "Live" : "Reconnecting…";
    cls = socket === "live" ? "live" : "warn";
  } else if (mode === "delayed") {
    text = "Delayed";
    cls = "delayed";
  } else {
    text = "Polled";
    cls = "polled";
  }
  return html`<span class=${`live-status ${cls}`} data-testid="live-status"><span class="dot" aria-hidden="true"></span>${text}</span>`;
}

function useSocketStatus(enabled) {
  const [status, setStatus] = useState(liveStatus());
  useEffect(() => {
    if (!enabled) return undefined;
    setStatus(liveStatus());
    return onLive("status", setStatus);
  }, [enabled]);
  return status;
}

// ---- the screen --------------------------------------------------------------------------------------------

export function BoardScreen({ session, navigate, route }) {
  const [rememberedKind, setRememberedKind] = useState(lastKind);
  const kind = route.kind || rememberedKind;
  const isVip = session.tier === "VIP";
  const mode = isVip ? "live" : session.isAdmin ? "polled" : "delayed";
  const socket = useSocketStatus(isVip);

  const [filters, setFilters] = useState(filtersByKind[kind] || DEFAULT_FILTERS);
  const [sort, setSort] = useState(sortByKind[kind] || DEFAULT_SORT);
  const [version, setVersion] = useState(0);
  const [load, setLoad] = useState({ loading: true, error: null, fieldErrors: {}, total: 0, pages: 1, page: 0, at: NaN });
  const [gap, setGap] = useState(false);
  const [lastChange, setLastChange] = useState(NaN);

  const store = useRef(new Map());
  const newIds = useRef(new Map());
  const pending = useRef([]);
  const duringLoad = useRef(null);
  const raf = useRef(0);
  const seqsToMeasure = useRef([]);
  const generation = useRef(0);
  const ctx = useRef({});
  ctx.current = { kind, filters, sort };

  // Tab changes come from the route; remember them and restore that tab's filters and sort.
  useEffect(() => {
    lastKind = kind;
    setFilters(filtersByKind[kind] || DEFAULT_FILTERS);
    setSort(sortByKind[kind] || DEFAULT_SORT);
  }, [kind]);

  const selectKind = useCallback((k) => navigate(`/board/${k}`), [navigate]);

  /** Applies one signal frame to the store; true when the board changed. */
  const apply = (frame, now) => {
    const map = store.current;
    const { kind: k, filters: fl } = ctx.current;
    const existing = map.get(frame.id);
    if (frame.event === "deleted") {
      if (!existing) return false;
      map.delete(frame.id);
      return true;
    }
    const s = frame.data;
    if (!s || s.kind !== k) return false;
    if (existing) {
      if (existing.updated_at && s.updated_at && Date.parse(s.updated_at) < Date.parse(existing.updated_at)) return false;
      map.set(s.id, s);
      if (s.status === "CLOSED" && fl.status === "open") s._dropAt = now + CLOSED_LINGER_MS;
      return true;
    }
    if (!matches(s, k, fl)) return false;
    map.set(s.id, s);
    newIds.current.set(s.id, now + NEW_MS);
    return true;
  };

  const reload = useCallback(async (page = 0) => {
    const gen = ++generation.current;
    const { kind: k, filters: fl, sort: so } = ctx.current;
    setLoad((l) => ({ ...l, loading: true }));
    if (page === 0) duringLoad.current = [];
    try {
      const answer = await api.get(`/api/v1/signals/${k}`, listParams(k, fl, so, page));
      if (gen !== generation.current) return;
      const map = page === 0 ? new Map() : store.current;
      for (const s of answer.items || []) map.set(s.id, s);
      store.current = map;
      if (page === 0) newIds.current = new Map();
      const now = Date.now();
      for (const frame of duringLoad.current || []) apply(frame, now);
      duringLoad.current = null;
      setLoad({
        loading: false, error: null, fieldErrors: {}, total: answer.total_items ?? map.size,
        pages: answer.total_pages ?? 1, page, at: now,
      });
      setVersion((v) => v + 1);
    } catch (e) {
      if (gen !== generation.current) return;
      duringLoad.current = null;
      setLoad((l) => ({ ...l, loading: false, error: e, fieldErrors: e.fieldErrors || {} }));
    }
  }, []);

  // Re-read the list when the tab, the filters, the server-side sort or the mode change.
  const serverSort = listParams(kind, filters, sort, 0).sort;
  useEffect(() => {
    reload(0);
  }, [kind, filters, serverSort, mode, reload]);

  // FREE (and an admin without VIP): re-read every 20 s; FREE also checks whether the plan changed meanwhile,
  // so a VIP grant turns the board live without a reload.
  useEffect(() => {
    if (mode === "live") return undefined;
    const id = setInterval(async () => {
      if (document.visibilityState === "hidden") return;
      reload(0);
      if (mode === "delayed") {
        const user = await loadUser();
        if (user && user.tier && user.tier !== session.tier) refresh();
      }
    }, POLL_MS);
    return () => clearInterval(id);
  }, [mode, session.tier, reload]);

  // VIP: live frames, batched per animation frame.
  useEffect(() => {
    if (mode !== "live") return undefined;
    const flush = () => {
      raf.current = 0;
      const frames = pending.current;
      pending.current = [];
      const now = Date.now();
      let changed = false;
      for (const frame of frames) {
        if (duringLoad.current) duringLoad.current.push(frame);
        changed = apply(frame, now) || changed;
        if (typeof frame.seq === "number") seqsToMeasure.current.push(frame.seq);
      }
      if (changed) {
        setVersion((v) => v + 1);
        setLastChange(now);
      } else {
        measureSoon();
      }
    };
    const offSignal = onLive("signal", (frame) => {
      pending.current.push(frame);
      if (!raf.current) raf.current = requestAnimationFrame(flush);
    });
    const offGap = onLive("gap", () => {
      setGap(true);
      reload(0);
    });
    return () => {
      offSignal();
      offGap();
      cancelAnimationFrame(raf.current);
      raf.current = 0;
    };
  }, [mode, reload]);

  // Performance hooks (bench/console): frame received → the board rendered it, measured in the next frame.
  const measureSoon = () => {
    if (!seqsToMeasure.current.length) return;
    const seqs = seqsToMeasure.current;
    seqsToMeasure.current = [];
    requestAnimationFrame(() => {
      for (const seq of seqs) {
        const mark = `ct-frame-${seq}`;
        try {
          performance.measure(`ct-paint-${seq}`, mark);
          performance.clearMarks(mark);
        } catch {
          /* the mark was cleared already */
        }
      }
      trimMeasures(seqs.length);
    });
  };
  useLayoutEffect(measureSoon, [version]);

  // Expire the "new" highlight and drop closed rows that linger while the board shows open ones.
  useEffect(() => {
    const id = setInterval(() => {
      const now = Date.now();
      let changed = false;
      for (const [sid, until] of newIds.current) {
        if (until <= now) {
          newIds.current.delete(sid);
          changed = true;
        }
      }
      for (const [sid, s] of store.current) {
        if (s._dropAt && s._dropAt <= now) {
          store.current.delete(sid);
          changed = true;
        }
      }
      if (changed) setVersion((v) => v + 1);
    }, 1000);
    return () => clearInterval(id);
  }, []);

  const cols = COLUMNS[kind];
  const rows = useMemo(() => {
    const col = cols.find((c) => c.id === sort.key) || cols[cols.length - 1];
    return sortRows([...store.current.values()], col, sort.dir);
  }, [version, sort, kind]);
  const newSet = useMemo(() => new Set(newIds.current.keys()), [version]);

  const onSort = useCallback((col) => {
    setSort((current) => {
      const next = current.key === col.id
        ? { key: col.id, dir: current.dir === "asc" ? "desc" : "asc" }
        : { key: col.id, dir: col.cls.includes("text") ? "asc" : "desc" };
      sortByKind[ctx.current.kind] = next;
      return next;
    });
  }, []);

  const onFilters = useCallback((next) => {
    filtersByKind[ctx.current.kind] = next;
    setFilters(next);
  }, []);

  const opener = useRef(null);
  const onOpen = useCallback((id, el) => {
    opener.current = el;
    navigate(`/signals/${id}`, { state: { fromBoard: ctx.current.kind } });
  }, [navigate]);
  const onClose = useCallback(() => {
    if (history.state?.fromBoard) history.back();
    else navigate(`/board/${ctx.current.kind}`, { replace: true });
  }, [navigate]);
  const onKindOfSignal = useCallback((k) => {
    if (KIND_IDS.includes(k) && !route.kind) setRememberedKind(k);
  }, [route.kind]);

  const best = useMemo(() => {
    let max = null;
    for (const s of rows) if (s.status === "OPEN" && (max === null || Number(s.net_spread_percent) > max)) max = Number(s.net_spread_percent);
    return max;
  }, [rows]);
  const openCount = useMemo(() => rows.filter((s) => s.status === "OPEN").length, [rows]);
  const heading = KINDS.find((k) => k.id === kind);
  const drawerOpen = Boolean(route.signalId);

  return html`
    <section class="screen board" aria-labelledby="board-title">
      <div class="board-inert" inert=${drawerOpen || undefined}>
        <div class="board-head">
          <div>
            <h1 id="board-title">Signals</h1>
            <p class="muted board-sub">${heading.heading}</p>
          </div>
          <div class="board-meta">
            <${LiveStatus} mode=${mode} socket=${socket} />
            <span class="data-age" data-testid="data-age">
              ${mode === "live"
                ? html`Updated <${Tick} mode="ago" at=${Number.isFinite(lastChange) ? Math.max(lastChange, load.at) : load.at} />`
                : html`Read <${Tick} mode="ago" at=${load.at} />${mode === "delayed" && html` · signals ≥ ${f.minutes(FREE_DELAY_MS)} old`}`}
            </span>
          </div>
        </div>

        ${mode === "delayed" && html`
          <div class="banner banner-delay" role="status" data-testid="delay-banner">
            <strong>Delayed by ${f.minutes(FREE_DELAY_MS)}.</strong>
            ${" "}On the FREE plan each signal shows here ${f.minutes(FREE_DELAY_MS)} after it was detected, and
            this list refreshes every ${POLL_MS / 1000} s. VIP sees every signal the moment it appears, live, with
            browser and sound alerts.
          </div>`}
        ${gap && html`
          <div class="banner banner-warn" role="status" data-testid="resume-gap">
            <span>Some live updates were missed while the connection was down; the list was reloaded.</span>
            <button type="button" class="btn btn-small" onClick=${() => setGap(false)}>Dismiss</button>
          </div>`}

        <${Tabs} kind=${kind} onSelect=${selectKind} />
        <div id="board-panel" role="tabpanel" aria-labelledby=${`tab-${kind}`} class="board-panel">
          <${Filters} kind=${kind} filters=${filters} onChange=${onFilters} errors=${load.fieldErrors} />
          <div class="board-summary" aria-live="off">
            <span><strong>${openCount}</strong> open</span>
            ${rows.length !== openCount && html`<span><strong>${rows.length - openCount}</strong> closed</span>`}
            <span>best net <strong class=${best > 0 ? "up" : ""}>${f.pct(best)}</strong></span>
            ${load.total > store.current.size && html`<span class="muted">showing ${store.current.size} of ${load.total}</span>`}
            ${load.loading && html`<span class="muted loading-dot">loading…</span>`}
          </div>
          ${load.error && !Object.keys(load.fieldErrors).length && html`
            <div class="banner banner-error" role="alert">
              <span>The signals could not be read: ${load.error.message}</span>
              <button type="button" class="btn btn-small" onClick=${() => reload(0)}>Retry</button>
            </div>`}
          <${SignalTable} kind=${kind} rows=${rows} newIds=${newSet} sort=${sort} onSort=${onSort} onOpen=${onOpen} />
          ${!load.loading && rows.length === 0 && !load.error && html`
            <p class="empty">No ${filters.status === "all" ? "" : filters.status} signals match these filters${mode === "delayed" ? " yet (FREE sees them after the delay)" : ""}.</p>`}
          ${load.page + 1 < load.pages && store.current.size < load.total && html`
            <div class="more"><button type="button" class="btn" onClick=${() => reload(load.page + 1)} disabled=${load.loading}>Load more</button></div>`}
        </div>
      </div>
      ${drawerOpen && html`<${SignalDrawer} id=${route.signalId} session=${session} navigate=${navigate} onClose=${onClose} onKind=${onKindOfSignal} opener=${opener} />`}
    </section>`;
}

// Keep the Performance timeline bounded on a board left open for hours.
let measured = 0;
function trimMeasures(n) {
  measured += n;
  if (measured > 20_000) {
    for (const e of performance.getEntriesByType("measure")) if (e.name.startsWith("ct-paint-")) performance.clearMeasures(e.name);
    measured = 0;
  }
}
