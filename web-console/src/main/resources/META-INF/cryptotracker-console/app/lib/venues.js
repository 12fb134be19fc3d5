// Links to the venues a signal names, built from its fields (MEXC, the perpetual exchanges, DexScreener).
const NAMES = {
  mexc: "MEXC", binance: "Binance", bybit: "Bybit", gate: "Gate", okx: "OKX", bitget: "Bitget", kucoin: "KuCoin",
  htx: "HTX", bingx: "BingX",
};

export function venueName(id) {
  if (!id) return "–";
  return NAMES[id.toLowerCase()] || id.charAt(0).toUpperCase() + id.slice(1);
}

/** BTC/USDT → ["BTC", "USDT"] (a symbol without a slash is taken as quoted in USDT). */
export function pair(symbol) {
  const [base, quote = "USDT"] = String(symbol || "").toUpperCase().split("/");
  return [base, quote];
}

export function perpetualUrl(exchange, symbol) {
  const [b, q] = pair(symbol);
  switch ((exchange || "").toLowerCase()) {
    case "mexc": return `https://futures.mexc.com/exchange/${b}_${q}`;
    case "binance": return `https://www.binance.com/en/futures/${b}${q}`;
    case "bybit": return `https://www.bybit.com/trade/usdt/${b}${q}`;
    case "gate": return `https://www.gate.io/futures/${q}/${b}_${q}`;
    case "okx": return `https://www.okx.com/trade-swap/${b.toLowerCase()}-${q.toLowerCase()}-swap`;
    case "bitget": return `https://www.bitget.com/futures/usdt/${b}${q}`;
    case "kucoin": return `https://www.kucoin.com/futures/trade/${b}${q}M`;
    default: return null;
  }
}

export const mexcSpotUrl = (symbol) => {
  const [b, q] = pair(symbol);
  return `https://www.mexc.com/exchange/${b}_${q}`;
};

export function dexScreenerUrl(dex) {
  if (!dex || !dex.chain || !dex.pair_address) return null;
  return `https://dexscreener.com/${encodeURIComponent(dex.chain)}/${encodeURIComponent(dex.pair_address)}`;
}

export function shortAddress(address) {
  if (!address) return "–";
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** Every venue link for a signal: [{label, url}]. */
export function venueLinks(s) {
  const links = [];
  if (s.kind === "mexc-spot-futures") {
    links.push({ label: "MEXC spot", url: mexcSpotUrl(s.symbol) });
    links.push({ label: "MEXC futures", url: perpetualUrl("mexc", s.symbol) });
  } else if (s.kind === "funding-rate") {
    const fu = s.funding || {};
    for (const [side, ex] of [["long", fu.long_exchange], ["short", fu.short_exchange]]) {
      const url = ex && perpetualUrl(ex, s.symbol);
      if (url) links.push({ label: `${venueName(ex)} perpetual (${side})`, url });
    }
  } else if (s.kind === "mexc-dex") {
    links.push({ label: "MEXC spot", url: mexcSpotUrl(s.symbol) });
    const url = dexScreenerUrl(s.dex);
    if (url) links.push({ label: `DexScreener (${s.dex.chain})`, url });
  }
  return links;
}
