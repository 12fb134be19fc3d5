// The board's columns per signal kind: what a trader of that kind reads, in the order they read it.
// `sort` names the list API's sort field when the server can sort by it (then the page itself is re-read);
// every column also sorts on the client by `value`, so live rows fall into place.
import { html } from "./html.js";
import * as f from "./format.js";
import { Tick } from "./tick.js";
import { venueName, dexScreenerUrl, shortAddress } from "./venues.js";

const sfOf = (s) => s.spot_futures || {};
const fuOf = (s) => s.funding || {};
const dxOf = (s) => s.dex || {};
const num = (v) => (v === null || v === undefined ? null : Number(v));
const tone = (v) => (v > 0 ? "up" : v < 0 ? "down" : "");

const DIRECTIONS = {
  BUY_SPOT_SHORT_PERP: { text: "Buy spot · short perp", short: "Long spot", cls: "up" },
  SELL_SPOT_LONG_PERP: { text: "Sell spot · long perp", short: "Short spot", cls: "down" },
  BUY_DEX_SELL_MEXC: { text: "Buy DEX · sell MEXC", short: "DEX → MEXC", cls: "up" },
  BUY_MEXC_SELL_DEX: { text: "Buy MEXC · sell DEX", short: "MEXC → DEX", cls: "down" },
};

export function direction(code) {
  return DIRECTIONS[code] || { text: code ? code.replace(/_/g, " ").toLowerCase() : f.DASH, cls: "" };
}

const SOURCE_TAG = { TELEGRAM: "TG", MANUAL: "MAN" };

function SymbolCell({ s }) {
  const tag = SOURCE_TAG[s.source];
  return html`<a class="sym" href=${`/signals/${s.id}`} data-open=${s.id}>${s.symbol}</a>${tag &&
    html` <span class="tag" title=${`Source: ${s.source.toLowerCase()}`}>${tag}</span>`}${s.status === "CLOSED" &&
    html` <span class="tag tag-closed">closed</span>`}`;
}

const symbol = {
  id: "symbol", label: "Symbol", sort: "symbol", cls: "text sticky", value: (s) => s.symbol,
  cell: (s) => html`<${SymbolCell} s=${s} />`,
};
const gross = {
  id: "spread", label: "Gross", title: "Gross spread, %", sort: "spread_percent", value: (s) => num(s.spread_percent),
  cell: (s) => f.pct(s.spread_percent), tone: (s) => tone(num(s.spread_percent)), cls: "num strong",
};
const net = {
  id: "net", label: "Net", title: "Spread after taker fees, %", sort: "net_spread_percent",
  value: (s) => num(s.net_spread_percent), cell: (s) => f.pct(s.net_spread_percent),
  tone: (s) => tone(num(s.net_spread_percent)), cls: "num",
};
const alive = {
  id: "alive", label: "Alive", title: "Time since detection", sort: "detected_at", invertServer: true,
  value: (s) => f.aliveMs(s), cls: "num",
  cell: (s) => (s.status === "CLOSED" ? f.duration(f.aliveMs(s)) : html`<${Tick} mode="alive" at=${f.ms(s.detected_at)} />`),
};
const countdownCell = (iso) => (iso ? html`<${Tick} mode="countdown" at=${f.ms(iso)} />` : f.DASH);

const SPOT_FUTURES = [
  symbol,
  {
    id: "direction", label: "Direction", cls: "text", value: (s) => sfOf(s).direction || "",
    cell: (s) => direction(sfOf(s).direction).text, tone: (s) => direction(sfOf(s).direction).cls,
  },
  { id: "spot_bid", label: "Spot bid", value: (s) => num(sfOf(s).spot_bid), cell: (s) => f.price(sfOf(s).spot_bid), cls: "num" },
  { id: "spot_ask", label: "Spot ask", value: (s) => num(sfOf(s).spot_ask), cell: (s) => f.price(sfOf(s).spot_ask), cls: "num" },
  { id: "perp_bid", label: "Perp bid", value: (s) => num(sfOf(s).futures_bid), cell: (s) => f.price(sfOf(s).futures_bid), cls: "num" },
  { id: "perp_ask", label: "Perp ask", value: (s) => num(sfOf(s).futures_ask), cell: (s) => f.price(sfOf(s).futures_ask), cls: "num" },
  gross,
  net,
  {
    id: "funding", label: "Funding", title: "Perpetual funding rate per interval", value: (s) => num(sfOf(s).funding_rate),
    cell: (s) => f.rate(sfOf(s).funding_rate), tone: (s) => tone(num(sfOf(s).funding_rate)), cls: "num",
  },
  {
    id: "next_funding", label: "Funding in", title: "Countdown to the next funding", value: (s) => f.ms(sfOf(s).next_funding_time),
    cell: (s) => countdownCell(sfOf(s).next_funding_time), cls: "num",
  },
  { id: "spot_vol", label: "Spot vol", title: "Spot volume, 24 h", value: (s) => num(sfOf(s).spot_volume_24h), cell: (s) => f.usd(sfOf(s).spot_volume_24h), cls: "num muted" },
  { id: "perp_vol", label: "Perp vol", title: "Perpetual volume, 24 h", value: (s) => num(sfOf(s).futures_volume_24h), cell: (s) => f.usd(sfOf(s).futures_volume_24h), cls: "num muted" },
  alive,
];

const FUNDING = [
  symbol,
  {
    id: "long", label: "Long", title: "Venue to go long on (the lower rate)", cls: "text", value: (s) => fuOf(s).long_exchange || "",
    cell: (s) => venueName(fuOf(s).long_exchange), tone: () => "up",
  },
  {
    id: "short", label: "Short", title: "Venue to go short on (the higher rate)", cls: "text", value: (s) => fuOf(s).short_exchange || "",
    cell: (s) => venueName(fuOf(s).short_exchange), tone: () => "down",
  },
  {
    id: "long_rate", label: "Long /8h", title: "Long venue's funding rate per 8 h", value: (s) => num(fuOf(s).long_rate_per_8h),
    cell: (s) => f.rate(fuOf(s).long_rate_per_8h), tone: (s) => tone(num(fuOf(s).long_rate_per_8h)), cls: "num",
  },
  {
    id: "short_rate", label: "Short /8h", title: "Short venue's funding rate per 8 h", value: (s) => num(fuOf(s).short_rate_per_8h),
    cell: (s) => f.rate(fuOf(s).short_rate_per_8h), tone: (s) => tone(num(fuOf(s).short_rate_per_8h)), cls: "num",
  },
  { id: "long_apr", label: "Long APR", value: (s) => num(fuOf(s).long_apr_percent), cell: (s) => f.pct(fuOf(s).long_apr_percent, 1), cls: "num" },
  { id: "short_apr", label: "Short APR", value: (s) => num(fuOf(s).short_apr_percent), cell: (s) => f.pct(fuOf(s).short_apr_percent, 1), cls: "num" },
  {
    id: "intervals", label: "Intervals", title: "Funding intervals, long / short", cls: "num muted",
    value: (s) => num(fuOf(s).long_interval_hours ?? fuOf(s).short_interval_hours),
    cell: (s) => `${fuOf(s).long_interval_hours ?? f.DASH}h / ${fuOf(s).short_interval_hours ?? f.DASH}h`,
  },
  {
    id: "long_next", label: "Long in", title: "Next funding on the long venue", value: (s) => f.ms(fuOf(s).long_next_funding_time),
    cell: (s) => countdownCell(fuOf(s).long_next_funding_time), cls: "num",
  },
  {
    id: "short_next", label: "Short in", title: "Next funding on the short venue", value: (s) => f.ms(fuOf(s).short_next_funding_time),
    cell: (s) => countdownCell(fuOf(s).short_next_funding_time), cls: "num",
  },
  {
    id: "price_spread", label: "Price spread", title: "Mark-price difference of the two perpetuals: the entry cost",
    value: (s) => num(fuOf(s).price_spread_percent), cell: (s) => f.signedPct(fuOf(s).price_spread_percent, 3), cls: "num",
  },
  { ...gross, title: "Funding spread per 8 h, %" },
  net,
  alive,
];

function transfer(v) {
  return v === true ? html`<span class="ok" aria-label="open">✓</span>` : v === false
    ? html`<span class="no" aria-label="closed">✗</span>` : html`<span class="muted" aria-label="unknown">?</span>`;
}

const DEX = [
  symbol,
  { id: "chain", label: "Chain", cls: "text", value: (s) => dxOf(s).chain || "", cell: (s) => dxOf(s).chain || f.DASH },
  { id: "dex", label: "DEX", cls: "text", value: (s) => dxOf(s).dex || "", cell: (s) => dxOf(s).dex || f.DASH },
  {
    id: "pair", label: "Pair", cls: "text mono", value: (s) => dxOf(s).pair_address || "",
    cell: (s) => {
      const url = dexScreenerUrl(s.dex);
      return url
        ? html`<a href=${url} target="_blank" rel="noopener noreferrer" class="ext" title="Open the pair on DexScreener">${shortAddress(dxOf(s).pair_address)}</a>`
        : f.DASH;
    },
  },
  {
    id: "direction", label: "Direction", cls: "text", value: (s) => dxOf(s).direction || "",
    cell: (s) => direction(dxOf(s).direction).text, tone: (s) => direction(dxOf(s).direction).cls,
  },
  { id: "mexc_bid", label: "MEXC bid", value: (s) => num(dxOf(s).mexc_bid), cell: (s) => f.price(dxOf(s).mexc_bid), cls: "num" },
  { id: "mexc_ask", label: "MEXC ask", value: (s) => num(dxOf(s).mexc_ask), cell: (s) => f.price(dxOf(s).mexc_ask), cls: "num" },
  { id: "dex_price", label: "DEX price", value: (s) => num(dxOf(s).dex_price), cell: (s) => f.price(dxOf(s).dex_price), cls: "num" },
  gross,
  net,
  { id: "liquidity", label: "Liquidity", value: (s) => num(dxOf(s).liquidity_usd), cell: (s) => f.usd(dxOf(s).liquidity_usd), cls: "num" },
  { id: "volume", label: "Vol 24h", title: "DEX volume, 24 h", value: (s) => num(dxOf(s).volume_24h_usd), cell: (s) => f.usd(dxOf(s).volume_24h_usd), cls: "num muted" },
  {
    id: "transfer", label: "Dep / Wd", title: "MEXC deposit / withdraw on this chain", cls: "center",
    value: (s) => (dxOf(s).deposit_enabled ? 2 : 0) + (dxOf(s).withdraw_enabled ? 1 : 0),
    cell: (s) => html`${transfer(dxOf(s).deposit_enabled)}<span class="sep">/</span>${transfer(dxOf(s).withdraw_enabled)}`,
  },
  alive,
];

export const COLUMNS = { "mexc-spot-futures": SPOT_FUTURES, "funding-rate": FUNDING, "mexc-dex": DEX };

// Column widths in px: the table has a fixed layout, so a changed cell never re-measures the whole table and
// columns do not jump while rows scroll in and out.
const WIDTHS = {
  symbol: 152, direction: 164, spot_bid: 108, spot_ask: 108, perp_bid: 108, perp_ask: 108, spread: 78, net: 74,
  funding: 98, next_funding: 112, spot_vol: 100, perp_vol: 100, alive: 90, long: 86, short: 86, long_rate: 102,
  short_rate: 108, long_apr: 98, short_apr: 106, intervals: 108, long_next: 92, short_next: 98, price_spread: 134,
  chain: 90, dex: 112, pair: 124, mexc_bid: 108, mexc_ask: 108, dex_price: 108, liquidity: 96, volume: 92, transfer: 96,
};

export const columnWidth = (col) => WIDTHS[col.id] || 100;
