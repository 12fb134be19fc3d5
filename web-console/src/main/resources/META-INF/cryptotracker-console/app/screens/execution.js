// What executing a signal earns and costs (its `execution` block, SPEC "Signals"): the round trip per configured
// size, gross → fees → transfer → depth → funding → net, the legs with the age of their quotes, the largest size,
// the flags and the DEX transfer route; and the position calculator, which prices the route at any size through
// GET /api/v1/signals/{id}/quote. Shown in the signal drawer.
import { html, useState, useEffect, useRef } from "../lib/html.js";
import { api } from "../lib/api.js";
import { Field, formErrors } from "../lib/forms.js";
import { Tick } from "../lib/tick.js";
import * as f from "../lib/format.js";
import { venueName } from "../lib/venues.js";

/** How long the calculator waits after the last keystroke before it asks (Enter asks at once). */
const QUOTE_DEBOUNCE_MS = 400;

const FLAG_TEXT = {
  TOP_OF_BOOK: "Depth unknown: priced at the best prices, no order book read",
  TOO_THIN: "The books are too thin for the smallest size",
  STALE_LEG: "A leg's quote is stale",
  TRANSFER_CLOSED: "Transfer closed on the network the route needs",
  TRANSFER_UNKNOWN: "Transfer state unknown on the network the route needs",
};

const REFUSAL_TEXT = {
  NO_LIQUIDITY: "no liquidity on a side the trade needs",
  CROSSED_BOOK: "a book is crossed",
  PRICE_MISMATCH: "the legs' prices are too far apart to be one coin",
  TOO_THIN: "the books are too thin for this size",
};

const isFunding = (kind) => kind === "funding-rate";
const n = (v) => (v === null || v === undefined || v === "" ? NaN : Number(v));

/** A percent of `size` in USDT. */
function usdtOf(size, percent) {
  const s = n(size);
  const p = n(percent);
  return Number.isFinite(s) && Number.isFinite(p) ? (s * p) / 100 : NaN;
}

/**
 * Percent and USDT of one step of the breakdown; a cost is shown negative. `bare` leaves the unit out of the USDT
 * line (a table whose header names it).
 */
function Amount({ percent, size, cost = false, strong = false, bare = false }) {
  const p = n(percent);
  const shown = cost && Number.isFinite(p) && p !== 0 ? -p : p;
  const cls = !Number.isFinite(shown) || shown === 0 ? "" : shown > 0 ? "up" : "down";
  const money = usdtOf(size, shown);
  return html`<span class=${`amount ${cls} ${strong ? "strong" : ""}`}>
    <span class="amount-pct">${f.signedPct(shown, 3)}</span>
    <span class="amount-usdt">${bare ? f.signedNumber(money, 2) : f.signedUsdt(money)}</span>
  </span>`;
}

/**
 * The steps a kind's round trip can have: transfer costs only MEXC↔DEX, the next settlement's funding only
 * spot–futures (a funding-rate signal earns funding over time instead: per day and break-even).
 */
function steps(kind) {
  return {
    transfer: kind === "mexc-dex",
    funding: kind === "mexc-spot-futures",
    income: isFunding(kind),
  };
}

function TransferState({ state }) {
  const cls = state === "OPEN" ? "up" : state === "CLOSED" ? "down" : "warn";
  return html`<span class=${cls}>${(state || "UNKNOWN").toLowerCase()}</span>`;
}

/** The flags, "not alerted" first and prominent when the signal may not notify. */
function Flags({ execution, testid }) {
  const flags = execution.flags || [];
  if (execution.alertable && !flags.length) return null;
  return html`
    <div class=${`exec-flags ${execution.alertable ? "" : "exec-flags-off"}`} data-testid=${testid}>
      ${!execution.alertable && html`<p class="exec-flags-title"><strong>Not alerted</strong> – listed, but no
        notification, email or sound is sent for it.</p>`}
      <ul>${flags.map((flag) => html`<li key=${flag}>${FLAG_TEXT[flag] || flag}</li>`)}</ul>
    </div>`;
}

function Basis({ execution }) {
  const book = execution.basis === "BOOK";
  return html`<p class="exec-basis">
    <span class=${`chip ${book ? "" : "chip-warn"}`}>${book ? "order books" : "depth unknown"}</span>
    <span class="muted">priced <${Tick} mode="ago" at=${f.ms(execution.priced_at)} title=${execution.priced_at || ""} /></span>
  </p>`;
}

function Legs({ legs, label, quote }) {
  if (!legs?.length) return null;
  return html`
    <div class="table-wrap table-wrap-small" role="region" aria-label=${label} tabindex="0">
      <table class="mini-table">
        <thead><tr>
          <th scope="col" class="text">Side</th><th scope="col" class="text">Venue</th><th scope="col" class="num">Best price</th>
          ${quote && html`<th scope="col" class="num">Average fill</th>`}
          <th scope="col" class="num">Quote age</th>
        </tr></thead>
        <tbody>
          ${legs.map((leg, i) => html`
            <tr key=${i}>
              <td class=${`text ${leg.side === "BUY" ? "up" : "down"}`}>${leg.side === "BUY" ? "Buy" : "Sell"}</td>
              <td class="text">${venueName(leg.venue)} <span class="muted">${leg.market}</span></td>
              <td class="num">${f.price(leg.price)}</td>
              ${quote && html`<td class="num">${f.price(leg.side === "BUY" ? quote.buy_price : quote.sell_price)}</td>`}
              <td class="num"><span title=${leg.quoted_at || ""}>${leg.age_ms >= 0 ? f.duration(leg.age_ms) : f.DASH}</span>
                ${leg.stale && html` <span class="chip chip-bad">stale</span>`}</td>
            </tr>`)}
        </tbody>
      </table>
    </div>`;
}

function Transfer({ transfer }) {
  if (!transfer) return null;
  const withdraw = transfer.needed === "WITHDRAW";
  return html`
    <h4 class="sub-title">Transfer route</h4>
    <dl class="facts" data-testid="transfer-route">
      <div class="fact wide"><dt>Route</dt><dd>${withdraw ? "Withdraw from MEXC" : "Deposit to MEXC"} over
        ${transfer.network || f.DASH}${transfer.chain ? ` (${transfer.chain})` : ""}</dd></div>
      <div class="fact"><dt>MEXC deposits</dt><dd><${TransferState} state=${transfer.deposit} /></dd></div>
      <div class="fact"><dt>MEXC withdrawals</dt><dd><${TransferState} state=${transfer.withdraw} /></dd></div>
      <div class="fact"><dt>Checked</dt><dd>${transfer.age_seconds == null ? "never"
        : html`<span title=${transfer.checked_at || ""}>${f.duration(transfer.age_seconds * 1000)} before pricing</span>`}</dd></div>
      <div class="fact"><dt>Withdrawal fee</dt><dd>${transfer.withdraw_fee == null ? "unknown"
        : html`${f.number(transfer.withdraw_fee, 8)} · ${f.usdt(transfer.withdraw_fee_usdt)}`}</dd></div>
      <div class="fact"><dt>Gas (estimate)</dt><dd>${f.usdt(transfer.gas_usdt)}</dd></div>
      <div class="fact"><dt>Pool swap fee</dt><dd>${f.pct(transfer.swap_fee_percent, 3)}</dd></div>
    </dl>`;
}

/** One size's round trip as a table row. */
function SizeRow({ q, has }) {
  const columns = 4 + (has.transfer ? 1 : 0) + (has.funding ? 1 : 0) + (has.income ? 2 : 0);
  if (q.refusal) {
    return html`<tr data-size=${q.size_usdt}>
      <th scope="row" class="num">${f.number(q.size_usdt, 2)}</th>
      <td class="text refused" colspan=${columns}>Not priced: ${REFUSAL_TEXT[q.refusal] || q.refusal}</td>
    </tr>`;
  }
  const income = q.funding_income;
  return html`<tr data-size=${q.size_usdt}>
    <th scope="row" class="num">${f.number(q.size_usdt, 2)}</th>
    <td class="num"><${Amount} percent=${q.top_of_book_percent} size=${q.size_usdt} bare /></td>
    <td class="num"><${Amount} percent=${q.fees_percent} size=${q.size_usdt} cost bare /></td>
    ${has.transfer && html`<td class="num"><${Amount} percent=${q.transfer_percent} size=${q.size_usdt} cost bare /></td>`}
    <td class="num"><${Amount} percent=${q.depth_percent} size=${q.size_usdt} cost bare /></td>
    ${has.funding && html`<td class="num"><${Amount} percent=${q.funding_percent} size=${q.size_usdt} bare /></td>`}
    <td class="num"><${Amount} percent=${q.net_percent} size=${q.size_usdt} strong bare /></td>
    ${has.income && html`
      <td class="num">${f.signedNumber(income?.per_day_usdt, 2)}</td>
      <td class="num">${breakEven(income)}</td>`}
  </tr>`;
}

function breakEven(income) {
  return income?.break_even_hours == null ? "never" : `${f.number(income.break_even_hours, 1)} h`;
}

/** The signal's `execution` block: per size, the largest size, legs, flags, transfer. */
export function ExecutionBreakdown({ signal }) {
  const e = signal.execution;
  if (!e) {
    return html`
      <section class="exec" aria-labelledby="exec-title" data-testid="execution">
        <h3 class="section-title" id="exec-title">Execution</h3>
        <p class="muted">No execution breakdown: ${signal.source === "DETECTOR"
          ? "this signal was detected before the breakdown existed."
          : "posted signals carry no priced route."}</p>
      </section>`;
  }
  const has = steps(signal.kind);
  return html`
    <section class="exec" aria-labelledby="exec-title" data-testid="execution">
      <h3 class="section-title" id="exec-title">Execution</h3>
      <${Flags} execution=${e} testid="execution-flags" />
      <${Basis} execution=${e} />
      <div class="table-wrap table-wrap-small" role="region" aria-label="Round trip by size" tabindex="0">
        <table class="mini-table exec-table">
          <caption class="sr-only">Round trip by size: percent of a leg's size, and USDT${has.income ? ", per 8 hours" : ""}</caption>
          <thead><tr>
            <th scope="col" class="num">Size, USDT</th><th scope="col" class="num">Gross</th>
            <th scope="col" class="num">Fees</th>
            ${has.transfer && html`<th scope="col" class="num">Transfer</th>`}
            <th scope="col" class="num">Depth</th>
            ${has.funding && html`<th scope="col" class="num">Funding</th>`}
            <th scope="col" class="num">Net${has.income ? " / 8 h" : ""}</th>
            ${has.income && html`<th scope="col" class="num">Per day</th><th scope="col" class="num">Break-even</th>`}
          </tr></thead>
          <tbody>${e.sizes.map((q) => html`<${SizeRow} key=${q.size_usdt} q=${q} has=${has} />`)}</tbody>
        </table>
      </div>
      <dl class="facts">
        <div class="fact"><dt>Largest size</dt><dd data-testid="max-size">${e.max_size_usdt != null
          ? `${f.usdt(e.max_size_usdt)} a leg` : e.basis === "BOOK" ? "none clears the threshold" : "depth unknown"}</dd></div>
        <div class="fact"><dt>Alerts</dt><dd>${e.alertable ? html`<span class="up">sent</span>` : html`<span class="down">not alerted</span>`}</dd></div>
      </dl>
      <h4 class="sub-title">Legs</h4>
      <${Legs} legs=${e.legs} label="Legs of the signal" />
      <${Transfer} transfer=${e.transfer} />
    </section>`;
}

/** The size field and the priced answer of the quote endpoint. */
export function PositionCalculator({ signal }) {
  const [size, setSize] = useState("");
  const [answer, setAnswer] = useState({ quote: null, error: null, pending: false });
  const asked = useRef(0);
  const timer = useRef(null);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    asked.current += 1;
    clearTimeout(timer.current);
    setSize("");
    setAnswer({ quote: null, error: null, pending: false });
  }, [signal.id]);

  const ask = (value) => {
    clearTimeout(timer.current);
    const n = ++asked.current;
    if (!value.trim()) {
      setAnswer({ quote: null, error: null, pending: false });
      return;
    }
    setAnswer((a) => ({ ...a, pending: true }));
    api.get(`/api/v1/signals/${encodeURIComponent(signal.id)}/quote`, { size_usdt: value.trim() })
      .then((quote) => n === asked.current && setAnswer({ quote, error: null, pending: false }))
      .catch((error) => n === asked.current && setAnswer({ quote: null, error, pending: false }));
  };
  const onInput = (e) => {
    const value = e.currentTarget.value;
    setSize(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => ask(value), QUOTE_DEBOUNCE_MS);
  };
  const onSubmit = (e) => {
    e.preventDefault();
    ask(size);
  };
  const errors = formErrors(answer.error, ["size_usdt"]);

  return html`
    <section class="calc" aria-labelledby="calc-title" data-testid="calculator">
      <h3 class="section-title" id="calc-title">Position calculator</h3>
      <form class="calc-form" novalidate onSubmit=${onSubmit}>
        <${Field} name="size_usdt" label="Position size (USDT)" errors=${errors.fields}
          hint="A leg's size; priced from the latest books as you type.">
          <input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" value=${size}
            onInput=${onInput} placeholder="1000" />
        <//>
        <button type="submit" class="btn">Price it</button>
      </form>
      ${errors.form && html`<p class="form-error" role="alert">${errors.form}</p>`}
      <div aria-live="polite" class="calc-answer">
        ${answer.pending && html`<p class="muted">Pricing…</p>`}
        ${answer.quote && html`<${QuoteAnswer} answer=${answer.quote} kind=${signal.kind} />`}
      </div>
    </section>`;
}

function QuoteAnswer({ answer, kind }) {
  const q = answer.quote;
  const has = steps(kind);
  const funding = has.income;
  const income = q.funding_income;
  return html`
    <div class="quote" data-testid="quote">
      <p class="quote-head">${f.usdt(answer.size_usdt)} a leg ·
        <span class=${`chip ${answer.basis === "BOOK" ? "" : "chip-warn"}`}>${answer.basis === "BOOK" ? "order books" : "depth unknown"}</span></p>
      ${q.refusal
        ? html`<p class="form-error" role="alert">This size cannot be priced: ${REFUSAL_TEXT[q.refusal] || q.refusal}.</p>`
        : html`
          <dl class="quote-steps">
            <div><dt>Gross (best prices)</dt><dd><${Amount} percent=${q.top_of_book_percent} size=${q.size_usdt} /></dd></div>
            <div><dt>Fees, in and out</dt><dd><${Amount} percent=${q.fees_percent} size=${q.size_usdt} cost /></dd></div>
            ${has.transfer && html`<div><dt>Transfer</dt><dd><${Amount} percent=${q.transfer_percent} size=${q.size_usdt} cost /></dd></div>`}
            <div><dt>Depth</dt><dd><${Amount} percent=${q.depth_percent} size=${q.size_usdt} cost /></dd></div>
            ${has.funding && html`<div><dt>Funding (next settlement)</dt><dd><${Amount} percent=${q.funding_percent} size=${q.size_usdt} /></dd></div>`}
            <div class="quote-net"><dt>Net${funding ? " per 8 h" : ""}</dt><dd data-testid="quote-net"><${Amount} percent=${q.net_percent} size=${q.size_usdt} strong /></dd></div>
          </dl>
          <dl class="facts">
            <div class="fact"><dt>Round-trip cost</dt><dd>${f.usdt(q.cost_usdt)}</dd></div>
            <div class="fact"><dt>Largest size</dt><dd>${answer.max_size_usdt != null ? f.usdt(answer.max_size_usdt) : f.DASH}</dd></div>
            ${funding && income && html`
              <div class="fact"><dt>Daily PnL (funding)</dt><dd data-testid="daily-pnl">${f.signedUsdt(income.per_day_usdt)}</dd></div>
              <div class="fact"><dt>Break-even</dt><dd data-testid="break-even">${breakEven(income)}</dd></div>`}
          </dl>`}
      <${Legs} legs=${answer.legs} label="Legs at this size" quote=${q.refusal ? null : q} />
      <${Flags} execution=${answer} testid="quote-flags" />
    </div>`;
}
