// The admin screen's Telegram channel scores (GET /api/v1/telegram/channels, ADMIN): per channel over a period,
// the posts, the share the parser read, the signals, and how they fared against our own feed – the share confirmed,
// not reproducible, without market data – and the median lead (the channel first) or lag (our detector first).
import { html, useState, useEffect } from "../lib/html.js";
import { api } from "../lib/api.js";
import { FormError } from "../lib/forms.js";
import * as f from "../lib/format.js";

const PERIODS = [["7d", "Last 7 days", 7], ["30d", "Last 30 days", 30], ["90d", "Last 90 days", 90]];

const share = (v) => (v === null || v === undefined ? f.DASH : f.pct(Number(v) * 100, 0));

/** A median lead (positive: the channel posted before our detector saw it) or lag, in words a trader reads. */
export function leadLag(seconds) {
  if (seconds === null || seconds === undefined) return f.DASH;
  const s = Number(seconds);
  if (s === 0) return "same time";
  return `${f.duration(Math.abs(s) * 1000)} ${s > 0 ? "lead" : "lag"}`;
}

export function ChannelScores() {
  const [period, setPeriod] = useState("30d");
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    const days = PERIODS.find(([v]) => v === period)[2];
    const to = new Date();
    setLoading(true);
    api.get("/api/v1/telegram/channels", { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() })
      .then((answer) => live && (setData(answer), setError(null)), (e) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [period, tick]);

  const channels = data?.channels || [];
  return html`
    <div class="table-tools">
      <div class="field field-inline">
        <label for="channels-period">Period</label>
        <select id="channels-period" value=${period} onChange=${(e) => setPeriod(e.currentTarget.value)}>
          ${PERIODS.map(([v, label]) => html`<option key=${v} value=${v}>${label}</option>`)}
        </select>
      </div>
      <button type="button" class="btn btn-small" disabled=${loading} onClick=${() => setTick(tick + 1)}>Reload scores</button>
    </div>
    <${FormError} error=${error} />
    <div class="table-wrap data-wrap" tabindex="0" role="region" aria-label="Channel scores, scrollable">
      <table class="data-table channels-table" data-testid="channel-scores" aria-busy=${loading ? "true" : "false"}>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col" class="num">Posts</th>
            <th scope="col" class="num" title="Share of the posts a format matched">Parsed</th>
            <th scope="col" class="num">Signals</th>
            <th scope="col" class="num" title="Share of the checked signals our own data confirmed">Confirmed</th>
            <th scope="col" class="num">Not reproducible</th>
            <th scope="col" class="num">No market data</th>
            <th scope="col" class="num" title="Median time the channel posted before (lead) or after (lag) our detector">Median lead / lag</th>
          </tr>
        </thead>
        <tbody>
          ${channels.map((c) => html`
            <tr key=${c.channel} data-channel=${c.channel}>
              <th scope="row">${c.title || c.channel}${c.title && html`<span class="muted block small mono">${c.channel}</span>`}</th>
              <td class="num">${f.number(c.posts)}</td>
              <td class="num">${share(c.parsed_share)}</td>
              <td class="num">${f.number(c.signals)}</td>
              <td class="num">${share(c.confirmed_share)}<span class="muted block small">${c.checked ? `of ${f.number(c.checked)} checked` : "none checked yet"}</span></td>
              <td class="num">${f.number(c.not_reproducible)}</td>
              <td class="num">${f.number(c.no_market_data)}</td>
              <td class="num">${leadLag(c.median_lead_seconds)}</td>
            </tr>`)}
          ${data && channels.length === 0 && html`<tr><td colspan="8" class="empty">No channel posted in this period.</td></tr>`}
          ${!data && loading && html`<tr><td colspan="8" class="empty" role="status">Loading the scores…</td></tr>`}
        </tbody>
      </table>
    </div>`;
}
