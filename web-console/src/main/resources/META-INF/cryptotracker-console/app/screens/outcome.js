// The drawer's outcome block (signals-service's outcome ledger, `outcome` of a signal): the net spread at +1, +5 and
// +30 minutes after detection (or "pending" until due, "no data" when our market data had none), the best net
// reached and when, whether and when it converged below the kind's close threshold, and the time alive. A TELEGRAM
// signal adds the check against our own feed: confirmed / not reproducible / no market data, our spread beside the
// channel's, and who was first (lead_seconds > 0: the channel was first).
import { html } from "../lib/html.js";
import * as f from "../lib/format.js";
import { Tick } from "../lib/tick.js";

const STATES = {
  MEASURED: null,
  PENDING: { text: "pending", cls: "muted" },
  NO_DATA: { text: "no data", cls: "warn" },
};

const CONFIRMATION = {
  CONFIRMED: { text: "Confirmed", cls: "chip-ok", says: "Our own market data showed this spread within the tolerance and time window." },
  NOT_REPRODUCIBLE: { text: "Not reproducible", cls: "chip-bad", says: "Our market data had the pair, but not this spread." },
  NO_MARKET_DATA: { text: "No market data", cls: "chip-warn", says: "We had no market data of this pair to check it against." },
};

const tone = (v) => (v === null || v === undefined ? "" : Number(v) > 0 ? "up" : Number(v) < 0 ? "down" : "");

function Checkpoint({ c }) {
  const state = STATES[c.state];
  let value;
  if (c.state === "MEASURED") value = html`<span class=${tone(c.net_spread_percent)}>${f.pct(c.net_spread_percent)}</span>`;
  else if (state) value = html`<span class=${state.cls}>${state.text}</span>`;
  else value = (c.state || f.DASH).toLowerCase();
  const due = f.ms(c.due_at);
  return html`
    <tr data-minutes=${c.minutes} data-state=${c.state}>
      <th scope="row">+${c.minutes} min</th>
      <td class="num">${value}</td>
      <td class="num muted">${c.state === "PENDING" && Number.isFinite(due) && due > Date.now()
        ? html`in <${Tick} mode="countdown" at=${due} />` : f.time(c.due_at)}</td>
    </tr>`;
}

function lead(seconds) {
  if (seconds === null || seconds === undefined) return "no detector signal of this pair in the window";
  const s = Number(seconds);
  if (s === 0) return "at the same time as our detector";
  const by = f.duration(Math.abs(s) * 1000);
  return s > 0 ? `the channel was first, by ${by}` : `our detector was first, by ${by}`;
}

function Confirmation({ signal }) {
  const c = signal.outcome?.confirmation;
  return html`
    <div class="confirmation" data-testid="confirmation">
      <h4 class="sub-title">Checked against our feed</h4>
      ${!c ? html`<p class="muted">Not checked yet: the post is compared with our market data shortly after it arrives.</p>` : html`
        <p class="confirmation-status">
          <span class=${`chip ${(CONFIRMATION[c.status] || {}).cls || ""}`} data-testid="confirmation-status">${(CONFIRMATION[c.status] || {}).text || c.status}</span>
          <span class="muted small">${(CONFIRMATION[c.status] || {}).says || ""}</span>
        </p>
        <dl class="facts">
          <div class="fact"><dt>Channel's spread</dt><dd>${f.pct(c.channel_spread_percent)}</dd></div>
          <div class="fact"><dt>Our spread</dt><dd data-testid="our-spread">${c.our_spread_percent === null || c.our_spread_percent === undefined ? "no market data" : f.pct(c.our_spread_percent)}</dd></div>
          <div class="fact"><dt>Lead / lag</dt><dd data-testid="lead-lag">${lead(c.lead_seconds)}</dd></div>
          <div class="fact"><dt>Checked</dt><dd>${f.dateTime(c.checked_at)}</dd></div>
        </dl>`}
    </div>`;
}

/** The outcome of a signal, or why there is none yet. */
export function SignalOutcome({ signal }) {
  const o = signal.outcome;
  return html`
    <section class="outcome-block" data-testid="outcome" aria-labelledby="outcome-title">
      <h3 class="section-title" id="outcome-title">What happened next</h3>
      ${!o ? html`<p class="muted">No outcome recorded for this signal yet.</p>` : html`
        <div class="outcome-grid">
          <div class="table-wrap table-wrap-small" role="region" aria-label="Checkpoints after detection" tabindex="0">
            <table class="mini-table checkpoints" data-testid="checkpoints">
              <thead><tr><th scope="col">After</th><th scope="col" class="num">Net spread</th><th scope="col" class="num">Due</th></tr></thead>
              <tbody>${(o.checkpoints || []).map((c) => html`<${Checkpoint} key=${c.minutes} c=${c} />`)}</tbody>
            </table>
          </div>
          <dl class="facts outcome-facts">
            <div class="fact" data-testid="outcome-peak"><dt>Peak net</dt><dd>
              ${o.peak_net_spread_percent === null || o.peak_net_spread_percent === undefined ? "no data"
                : html`<span class=${tone(o.peak_net_spread_percent)}>${f.pct(o.peak_net_spread_percent)}</span>${o.peak_at && html` <span class="muted">at ${f.time(o.peak_at)}</span>`}`}
            </dd></div>
            <div class="fact" data-testid="outcome-converged"><dt>Converged</dt><dd>
              ${o.converged ? html`<span class="up">yes</span>${o.converged_at && html` <span class="muted">at ${f.time(o.converged_at)}, after ${f.duration(f.ms(o.converged_at) - f.ms(signal.detected_at))}</span>`}`
                : signal.status === "CLOSED" ? html`<span class="down">no</span>` : "not yet"}
            </dd></div>
            <div class="fact" data-testid="outcome-alive"><dt>Time alive</dt><dd>${f.duration(Number(o.alive_seconds) * 1000)}${signal.status === "OPEN" ? html` <span class="muted">when read</span>` : ""}</dd></div>
          </dl>
        </div>`}
      ${signal.source === "TELEGRAM" && html`<${Confirmation} signal=${signal} />`}
    </section>`;
}

/** When the next pending checkpoint falls due (epoch ms), or NaN: the drawer re-reads the signal then. */
export function nextDue(signal) {
  const due = (signal?.outcome?.checkpoints || []).filter((c) => c.state === "PENDING").map((c) => f.ms(c.due_at)).filter(Number.isFinite);
  return due.length ? Math.min(...due) : NaN;
}
