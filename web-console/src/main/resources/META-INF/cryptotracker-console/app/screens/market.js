// Market (/market): the CoinMarketCap listing from market-service (GET /market/cryptocurrencies), sorted and searched
// on the server; the search, sort and page live in the URL (?q=&sort=&page=) so a reload or a link keeps them.
import { html, useState, useEffect, useRef } from "../lib/html.js";
import { api } from "../lib/api.js";
import { FormError } from "../lib/forms.js";
import { relative } from "../lib/format.js";
import { Pager, Time } from "../lib/widgets.js";

const SEARCH_DELAY_MS = 300;
const PAGE_SIZES = [25, 50, 100];

/** Sortable columns: API sort field, header, first direction (text and rank ascending, numbers descending). */
const COLUMNS = [
  { sort: "rank", label: "#", title: "Rank", first: "asc", cls: "num col-rank" },
  { sort: "name", label: "Name", first: "asc", cls: "col-name" },
  { sort: "price", label: "Price", first: "desc", cls: "num" },
  { sort: "percent_change_1h", label: "1h %", title: "Change over 1 hour", first: "desc", cls: "num col-optional" },
  { sort: "percent_change_24h", label: "24h %", title: "Change over 24 hours", first: "desc", cls: "num" },
  { sort: "percent_change_7d", label: "7d %", title: "Change over 7 days", first: "desc", cls: "num col-optional" },
  { sort: "market_cap", label: "Market cap", first: "desc", cls: "num" },
  { sort: "volume_24h", label: "Volume 24h", first: "desc", cls: "num col-optional" },
  { sort: null, label: "Circulating supply", cls: "num col-wide" },
];

const usd = (options) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", ...options });
const PRICE_LARGE = usd({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PRICE_SMALL = usd({ minimumSignificantDigits: 2, maximumSignificantDigits: 4 });
const COMPACT_USD = usd({ notation: "compact", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" });

/** $68,123.46 above one dollar; four significant digits below ($0.0001234). */
export function formatPrice(value) {
  const n = Number(value);
  if (value === null || value === undefined || !Number.isFinite(n)) return "—";
  return Math.abs(n) >= 1 ? PRICE_LARGE.format(n) : PRICE_SMALL.format(n);
}

export function formatCompactUsd(value) {
  const n = Number(value);
  return value === null || value === undefined || !Number.isFinite(n) ? "—" : COMPACT_USD.format(n);
}

function Change({ value }) {
  const n = Number(value);
  if (value === null || value === undefined || !Number.isFinite(n)) return html`<span class="muted">—</span>`;
  const direction = n > 0 ? "up" : n < 0 ? "down" : "flat";
  return html`<span class=${`change ${direction}`}>${PERCENT.format(n)}%</span>`;
}

function readUrl() {
  const p = new URLSearchParams(location.search);
  const [field, dir] = (p.get("sort") || "rank,asc").split(",");
  const column = COLUMNS.find((c) => c.sort && c.sort === field);
  const size = Number(p.get("size"));
  return {
    q: p.get("q") || "",
    sort: column ? column.sort : "rank",
    dir: dir === "desc" ? "desc" : "asc",
    page: Math.max(0, Number.parseInt(p.get("page"), 10) || 0),
    size: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
  };
}

function writeUrl({ q, sort, dir, page, size }) {
  const p = new URLSearchParams();
  if (q) p.set("q", q);
  if (sort !== "rank" || dir !== "asc") p.set("sort", `${sort},${dir}`);
  if (page) p.set("page", String(page));
  if (size !== PAGE_SIZES[0]) p.set("size", String(size));
  const search = p.toString();
  const url = `/market${search ? `?${search}` : ""}`;
  if (url !== location.pathname + location.search) history.replaceState(history.state, "", url);
}

function SortHeader({ column, query, onSort }) {
  if (!column.sort) return html`<th scope="col" class=${column.cls}>${column.label}</th>`;
  const active = query.sort === column.sort;
  const ariaSort = active ? (query.dir === "asc" ? "ascending" : "descending") : undefined;
  const next = active ? (query.dir === "asc" ? "descending" : "ascending") : column.first === "asc" ? "ascending" : "descending";
  return html`
    <th scope="col" class=${column.cls} aria-sort=${ariaSort}>
      <button type="button" class="th-btn" title=${`Sort by ${(column.title || column.label).toLowerCase()}, ${next}`}
        onClick=${() => onSort(column)}>
        ${column.sort === "rank" ? html`<span aria-hidden="true">#</span><span class="sr-only">Rank</span>` : column.label}
        <span class=${`sort-ind${active ? " on" : ""}`} aria-hidden="true">${active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>`;
}

export function MarketScreen() {
  const [query, setQuery] = useState(readUrl);
  const [text, setText] = useState(query.q);
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  // The search box waits for a pause in typing before it asks the server.
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === query.q) return undefined;
    const t = setTimeout(() => setQuery((q) => ({ ...q, q: wanted, page: 0 })), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [text]);

  useEffect(() => {
    writeUrl(query);
    const ticket = ++latest.current;
    setLoading(true);
    api.get("/api/v1/market/cryptocurrencies", {
      page: query.page, size: query.size, sort: `${query.sort},${query.dir}`, q: query.q || undefined,
    }).then((answer) => {
      if (ticket !== latest.current) return;
      setData(answer);
      setError(null);
    }, (e) => {
      if (ticket === latest.current) setError(e);
    }).finally(() => {
      if (ticket === latest.current) setLoading(false);
    });
  }, [query.q, query.sort, query.dir, query.page, query.size]);

  const onSort = (column) => {
    setQuery((q) => q.sort === column.sort
      ? { ...q, dir: q.dir === "asc" ? "desc" : "asc", page: 0 }
      : { ...q, sort: column.sort, dir: column.first, page: 0 });
  };
  const onSearch = (e) => {
    e.preventDefault();
    setQuery((q) => ({ ...q, q: text.trim(), page: 0 }));
  };

  const items = data?.items || [];
  const pages = Math.max(1, data?.total_pages || 1);
  const newest = items.reduce((max, c) => (c.last_updated && c.last_updated > max ? c.last_updated : max), "");
  const firstRank = query.page * query.size;
  return html`
    <section class="screen market-screen" aria-labelledby="market-title">
      <div class="screen-head">
        <h1 id="market-title">Market</h1>
        <p class="muted data-age">
          ${newest ? html`CoinMarketCap listing, updated <${Time} iso=${newest} /> (${relative(newest)})` : "CoinMarketCap listing"}
        </p>
      </div>
      <form class="search-bar" role="search" onSubmit=${onSearch}>
        <div class="field">
          <label for="market-search">Search</label>
          <input id="market-search" type="search" placeholder="Name or symbol" autocomplete="off" spellcheck="false"
            value=${text} onInput=${(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="field field-narrow">
          <label for="market-size">Rows</label>
          <select id="market-size" value=${String(query.size)}
            onChange=${(e) => setQuery((q) => ({ ...q, size: Number(e.currentTarget.value), page: 0 }))}>
            ${PAGE_SIZES.map((n) => html`<option key=${n} value=${String(n)}>${n}</option>`)}
          </select>
        </div>
        <p class="toolbar-count muted" aria-live="polite">
          ${data ? `${data.total_items.toLocaleString("en-US")} ${data.total_items === 1 ? "coin" : "coins"}${query.q ? ` matching “${query.q}”` : ""}` : ""}
        </p>
      </form>
      <${FormError} error=${error} />
      <div class="table-wrap data-wrap" tabindex="0" role="region" aria-label="Cryptocurrencies">
        <table class="data-table market-table" aria-busy=${loading ? "true" : "false"}>
          <thead>
            <tr>${COLUMNS.map((c) => html`<${SortHeader} key=${c.label} column=${c} query=${query} onSort=${onSort} />`)}</tr>
          </thead>
          <tbody>
            ${items.map((coin, i) => html`
              <tr key=${coin.cmc_id} data-symbol=${coin.symbol}>
                <td class="num col-rank">${coin.rank ?? firstRank + i + 1}</td>
                <td class="col-name"><span class="coin-name">${coin.name}</span> <span class="coin-symbol">${coin.symbol}</span></td>
                <td class="num mono">${formatPrice(coin.price)}</td>
                <td class="num col-optional"><${Change} value=${coin.percent_change_1h} /></td>
                <td class="num"><${Change} value=${coin.percent_change_24h} /></td>
                <td class="num col-optional"><${Change} value=${coin.percent_change_7d} /></td>
                <td class="num" title=${coin.market_cap ? PRICE_LARGE.format(coin.market_cap) : ""}>${formatCompactUsd(coin.market_cap)}</td>
                <td class="num col-optional" title=${coin.volume_24h ? PRICE_LARGE.format(coin.volume_24h) : ""}>${formatCompactUsd(coin.volume_24h)}</td>
                <td class="num col-wide">${coin.circulating_supply ? `${COMPACT.format(coin.circulating_supply)} ${coin.symbol}` : "—"}</td>
              </tr>`)}
            ${data && items.length === 0 && html`
              <tr><td colspan=${COLUMNS.length} class="empty">${query.q ? `No coin matches “${query.q}”.` : "No listing yet: market-service has not synced CoinMarketCap."}</td></tr>`}
          </tbody>
        </table>
      </div>
      <${Pager} page=${query.page} pages=${pages} disabled=${loading} label="Market pages"
        onPage=${(page) => setQuery((q) => ({ ...q, page }))} />
    </section>`;
}
