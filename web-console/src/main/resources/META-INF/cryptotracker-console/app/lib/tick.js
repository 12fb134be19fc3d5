// Text that changes every second (countdowns, time alive, data age) without re-rendering the rows: one timer
// rewrites the text node Preact created for each <span data-tick>, so a 500-row board costs one pass a second.
import { html } from "./html.js";
import { countdown, duration, ago } from "./format.js";

const FORMATS = {
  countdown: (at, now) => countdown(at, now),
  alive: (at, now) => duration(now - at),
  ago: (at, now) => ago(at, now),
};

function text(mode, at, now = Date.now()) {
  return Number.isFinite(at) ? FORMATS[mode](at, now) : "–";
}

/** A ticking value: mode is countdown (to `at`), alive (since `at`) or ago (since `at`), `at` in epoch ms. */
export function Tick({ mode, at, class: cls = "", title }) {
  return html`<span class=${`tick ${cls}`} data-tick=${mode} data-at=${at} title=${title}>${text(mode, at)}</span>`;
}

let timer = null;
function update() {
  const now = Date.now();
  for (const el of document.querySelectorAll("[data-tick]")) {
    const next = text(el.dataset.tick, Number(el.dataset.at), now);
    const node = el.firstChild;
    if (node && node.nodeType === 3) {
      if (node.data !== next) node.data = next;
    } else if (!node) {
      el.append(next);
    }
  }
}

export function startTicking() {
  if (timer) return;
  const align = () => {
    update();
    timer = setTimeout(align, 1000 - (Date.now() % 1000) + 5);
  };
  align();
}
