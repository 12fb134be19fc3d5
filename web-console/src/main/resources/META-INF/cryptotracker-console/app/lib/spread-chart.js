// The spread series of one kind as an inline SVG (no chart library): the gross and the net line (each bucket's last
// value) over their min–max bands, a time axis and a percent axis. Accessible: role=img with <title> and <desc>
// (range and latest values), and the same points as a table in a <details> below for anyone who reads numbers.
// The SVG is drawn in the pixels of its box (a ResizeObserver reads the width), so text is never stretched; no style
// attribute (the CSP), colours come from the classes.
import { html, useMemo, useId, useState, useEffect } from "./html.js";
import * as f from "./format.js";

const DEFAULT_W = 720;
const H = 240;
const PAD = { top: 12, right: 12, bottom: 26, left: 54 };

const num = (v) => (v === null || v === undefined || v === "" ? null : Number(v));

/** Rounded ticks over [lo, hi]: about `count` of them, at 1, 2 or 5 times a power of ten. */
export function ticks(lo, hi, count = 4) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/**
 * Splits the points into runs without a gap longer than twice the spacing (a gap is drawn as a gap). The spacing is
 * the larger of the step asked and the points' median distance: thinned days have coarser buckets.
 */
function runs(points, stepMs) {
  const gaps = points.slice(1).map((p, i) => p.t - points[i].t).sort((a, b) => a - b);
  const spacing = Math.max(stepMs, gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0);
  const out = [];
  let current = [];
  let previous = NaN;
  for (const p of points) {
    if (current.length && p.t - previous > 2 * spacing) {
      out.push(current);
      current = [];
    }
    current.push(p);
    previous = p.t;
  }
  if (current.length) out.push(current);
  return out;
}

function linePath(run, x, y, key) {
  let d = "";
  for (const p of run) {
    if (p[key] === null) continue;
    d += `${d ? "L" : "M"}${x(p.t).toFixed(1)},${y(p[key]).toFixed(1)}`;
  }
  return d;
}

function bandPath(run, x, y, lowKey, highKey) {
  const pts = run.filter((p) => p[lowKey] !== null && p[highKey] !== null);
  if (!pts.length) return "";
  const top = pts.map((p) => `${x(p.t).toFixed(1)},${y(p[highKey]).toFixed(1)}`);
  const bottom = pts.slice().reverse().map((p) => `${x(p.t).toFixed(1)},${y(p[lowKey]).toFixed(1)}`);
  // a single bucket is a thin vertical band of a pixel's width
  if (pts.length === 1) {
    const cx = x(pts[0].t);
    return `M${(cx - 1).toFixed(1)},${y(pts[0][highKey]).toFixed(1)}H${(cx + 1).toFixed(1)}V${y(pts[0][lowKey]).toFixed(1)}H${(cx - 1).toFixed(1)}Z`;
  }
  return `M${top.join("L")}L${bottom.join("L")}Z`;
}

const timeLabel = (ms, spanMs) => {
  const d = new Date(ms);
  if (spanMs > 2 * 86_400_000) return d.toLocaleDateString(undefined, { month: "short", day: "numeric" });
  return d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
};

/** Time ticks at whole hours (or days) across [from, to], at most `max` of them. */
function timeTicks(from, to, max = 6) {
  const span = to - from;
  const hour = 3_600_000;
  const minute = 60_000;
  const step = [5 * minute, 10 * minute, 15 * minute, 30 * minute, hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, 24 * hour,
    48 * hour].find((s) => span / s <= max) || 7 * 24 * hour;
  const out = [];
  // align to the viewer's local hours: the offset of the zone is taken from the first tick
  const offset = new Date(from).getTimezoneOffset() * 60_000;
  for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) out.push(t);
  return out;
}

/**
 * One kind's series. `series` is the API's {kind, points:[{t, gross_min, gross_max, gross_last, net_min, net_max,
 * net_last}]}; `from`/`to` the period (ISO), `stepSeconds` the bucket size.
 */
export function SpreadSeriesChart({ series, label, symbol, from, to, stepSeconds }) {
  const uid = useId().replace(/[^\w-]/g, "");
  const [box, setBox] = useState(null); // a callback ref: the box appears only once there are points
  const [W, setW] = useState(DEFAULT_W);
  useEffect(() => {
    if (!box) return undefined;
    const measure = () => {
      const width = Math.round(box.clientWidth || 0);
      if (width > 0) setW((w) => (Math.abs(w - width) > 1 ? width : w));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [box]);
  const points = useMemo(() => (series.points || [])
    .map((p) => ({
      t: f.ms(p.t), iso: p.t,
      grossMin: num(p.gross_min), grossMax: num(p.gross_max), grossLast: num(p.gross_last),
      netMin: num(p.net_min), netMax: num(p.net_max), netLast: num(p.net_last),
    }))
    .filter((p) => Number.isFinite(p.t))
    .sort((a, b) => a.t - b.t), [series]);

  if (!points.length) {
    return html`
      <figure class="series-chart" data-testid="series-chart" data-kind=${series.kind}>
        <figcaption class="section-title">${label}</figcaption>
        <p class="empty">No spread of ${symbol} was recorded for this kind in the period.</p>
      </figure>`;
  }

  const stepMs = Math.max(1, Number(stepSeconds) || 60) * 1000;
  const x0 = Math.min(f.ms(from) || points[0].t, points[0].t);
  const x1 = Math.max(f.ms(to) || points[points.length - 1].t, points[points.length - 1].t);
  const values = points.flatMap((p) => [p.grossMin, p.grossMax, p.grossLast, p.netMin, p.netMax, p.netLast]).filter((v) => v !== null);
  let lo = Math.min(0, ...values);
  let hi = Math.max(...values);
  if (hi - lo < 0.05) hi = lo + 0.05;
  const margin = (hi - lo) * 0.06;
  lo -= lo < 0 ? margin : 0;
  hi += margin;
  const x = (t) => PAD.left + ((t - x0) / Math.max(1, x1 - x0)) * (W - PAD.left - PAD.right);
  const y = (v) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const parts = runs(points, stepMs);
  const yTicks = ticks(lo, hi, 4);
  const xTicks = timeTicks(x0, x1, Math.max(2, Math.min(6, Math.floor((W - PAD.left - PAD.right) / 90))));
  const last = points[points.length - 1];
  const grossValues = points.map((p) => p.grossLast).filter((v) => v !== null);
  const titleId = `chart-title-${uid}`;
  const descId = `chart-desc-${uid}`;
  const desc = `${points.length} buckets of ${f.duration(stepMs)} from ${f.dateTime(points[0].iso)} to ${f.dateTime(last.iso)}. `
    + `Gross spread between ${f.pct(Math.min(...points.map((p) => p.grossMin ?? p.grossLast ?? Infinity)))} and `
    + `${f.pct(Math.max(...points.map((p) => p.grossMax ?? p.grossLast ?? -Infinity)))}, latest ${f.pct(last.grossLast)}; `
    + `net latest ${f.pct(last.netLast)}.`;

  return html`
    <figure class="series-chart" data-testid="series-chart" data-kind=${series.kind}>
      <figcaption class="section-title">${label}</figcaption>
      <div class="series-box" ref=${setBox}>
        <svg viewBox=${`0 0 ${W} ${H}`} width=${W} height=${H} role="img" aria-labelledby=${`${titleId} ${descId}`}
          class="series-svg">
          <title id=${titleId}>${`Gross and net spread of ${symbol}, ${label}`}</title>
          <desc id=${descId}>${desc}</desc>
          <g class="grid">
            ${yTicks.map((v) => html`<line key=${`y${v}`} x1=${PAD.left} x2=${W - PAD.right} y1=${y(v)} y2=${y(v)} class=${v === 0 ? "zero" : ""} />`)}
          </g>
          <g class="axis axis-y" aria-hidden="true">
            ${yTicks.map((v) => html`<text key=${`yl${v}`} x=${PAD.left - 6} y=${y(v) + 4} text-anchor="end">${`${Number(v.toFixed(3))}%`}</text>`)}
          </g>
          <g class="axis axis-x" aria-hidden="true">
            ${xTicks.map((t) => html`<text key=${`x${t}`} x=${x(t)} y=${H - 8} text-anchor="middle">${timeLabel(t, x1 - x0)}</text>`)}
          </g>
          ${parts.map((run, i) => html`
            <g key=${`r${i}`}>
              <path class="band band-gross" d=${bandPath(run, x, y, "grossMin", "grossMax")} />
              <path class="band band-net" d=${bandPath(run, x, y, "netMin", "netMax")} />
              <path class="line line-gross" d=${linePath(run, x, y, "grossLast")} />
              <path class="line line-net" d=${linePath(run, x, y, "netLast")} />
              ${run.length === 1 && run[0].grossLast !== null && html`<circle class="dot-gross" cx=${x(run[0].t)} cy=${y(run[0].grossLast)} r="2.5" />`}
            </g>`)}
        </svg>
      </div>
      <ul class="series-legend" aria-hidden="true">
        <li><span class="key key-gross"></span>Gross (last; band min–max)</li>
        <li><span class="key key-net"></span>Net after fees (last; band min–max)</li>
        ${grossValues.length > 0 && html`<li class="muted">latest ${f.pct(last.grossLast)} gross · ${f.pct(last.netLast)} net</li>`}
      </ul>
      <details class="series-data">
        <summary>Data table (${points.length} buckets)</summary>
        <div class="table-wrap table-wrap-small" tabindex="0" role="region" aria-label=${`${label} spread data`}>
          <table class="mini-table">
            <thead><tr><th scope="col">Time</th><th scope="col" class="num">Gross min</th><th scope="col" class="num">Gross max</th>
              <th scope="col" class="num">Gross last</th><th scope="col" class="num">Net min</th><th scope="col" class="num">Net max</th>
              <th scope="col" class="num">Net last</th></tr></thead>
            <tbody>
              ${points.slice().reverse().map((p) => html`
                <tr key=${p.t}><td>${f.dateTime(p.iso)}</td><td class="num">${f.pct(p.grossMin, 3)}</td><td class="num">${f.pct(p.grossMax, 3)}</td>
                  <td class="num">${f.pct(p.grossLast, 3)}</td><td class="num">${f.pct(p.netMin, 3)}</td><td class="num">${f.pct(p.netMax, 3)}</td>
                  <td class="num">${f.pct(p.netLast, 3)}</td></tr>`)}
            </tbody>
          </table>
        </div>
      </details>
    </figure>`;
}
