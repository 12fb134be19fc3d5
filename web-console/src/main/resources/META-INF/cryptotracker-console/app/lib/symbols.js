// A symbol in a console path: BTC/USDT is /symbols/BTC-USDT (the spreads API takes that spelling too), and back.
import { html } from "./html.js";

/** BTC/USDT → BTC-USDT (only the quote separator changes; anything unusual is percent-encoded). */
export function symbolSlug(symbol) {
  return encodeURIComponent(String(symbol || "").replace("/", "-"));
}

/** BTC-USDT → BTC/USDT: the last hyphen separates the quote; a slash already there is kept. */
export function symbolFromSlug(slug) {
  const text = String(slug || "").trim().toUpperCase();
  if (text.includes("/")) return text;
  const i = text.lastIndexOf("-");
  return i > 0 ? `${text.slice(0, i)}/${text.slice(i + 1)}` : text;
}

export function symbolPath(symbol) {
  return `/symbols/${symbolSlug(symbol)}`;
}

/** A link to a symbol's page that navigates in place (a modified click still opens a new tab). */
export function SymbolLink({ symbol, navigate, children, class: cls = "sym", ...rest }) {
  const href = symbolPath(symbol);
  const onClick = (e) => {
    if (!navigate || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return html`<a class=${cls} href=${href} onClick=${onClick} ...${rest}>${children || symbol}</a>`;
}
