// Small components several screens share.
import { html } from "./html.js";
import { dateTime } from "./format.js";

/** A time in the viewer's zone, the ISO instant on hover. */
export function Time({ iso }) {
  if (!iso) return html`<span>—</span>`;
  return html`<time datetime=${iso} title=${new Date(iso).toISOString()}>${dateTime(iso)}</time>`;
}

/** Previous / "Page x of y" / Next. */
export function Pager({ page, pages, onPage, disabled, label }) {
  return html`
    <nav class="pager" aria-label=${label}>
      <button type="button" class="btn btn-small" disabled=${disabled || page <= 0} onClick=${() => onPage(page - 1)}>
        Previous</button>
      <span class="pager-position" aria-live="polite">Page ${Math.min(page + 1, pages)} of ${pages}</span>
      <button type="button" class="btn btn-small" disabled=${disabled || page + 1 >= pages} onClick=${() => onPage(page + 1)}>
        Next</button>
    </nav>`;
}
