// Admin (/admin, role ADMIN): grant, extend or end VIP (user-service /admin/users), delete a signal and post a manual
// one (signals-service /signals), the Telegram posts the parser could not read (/telegram/messages?status=unparsed)
// and each Telegram channel's score against our own feed (/telegram/channels, channels.js).
import { html, useState, useEffect, useRef } from "../lib/html.js";
import { api } from "../lib/api.js";
import { Field, FormError, collectErrors } from "../lib/forms.js";
import { browserZone, dateTime, relative } from "../lib/format.js";
import { Pager, Time } from "../lib/widgets.js";
import { ChannelScores } from "./channels.js";

const DAY_MS = 24 * 3600 * 1000;
const VIP_DEFAULT_DAYS = 30;
const USERS_PAGE = 20;
const POSTS_PAGE = 10;

const KINDS = [
  ["mexc-spot-futures", "Spot–futures"],
  ["funding-rate", "Funding"],
  ["mexc-dex", "DEX"],
];

/** A Date as the value of a datetime-local input, in the viewer's zone ("2027-01-02T14:05"). */
function localInputValue(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The datetime-local value (the viewer's time) as an ISO UTC instant; the raw text when it is not a time. */
function toUtc(value) {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : value || null;
}

/** After the re-render that shows the API's errors, the first invalid field takes the focus. */
function focusFirstError(form) {
  requestAnimationFrame(() => form?.querySelector?.("[aria-invalid=true]")?.focus());
}

function Section({ id, title, intro, children, wide }) {
  return html`
    <section class=${`card admin-section${wide ? " admin-wide" : ""}`} aria-labelledby=${id}>
      <h2 id=${id}>${title}</h2>
      ${intro && html`<p class="section-intro">${intro}</p>`}
      ${children}
    </section>`;
}

function planText(s) {
  if (!s) return "FREE";
  const running = s.plan === "VIP" && s.status !== "EXPIRED" && s.expires_at && new Date(s.expires_at) > new Date();
  if (running) return `VIP${s.status === "CANCELLED" ? " (cancelled)" : ""} until ${dateTime(s.expires_at)}`;
  if (s.status === "EXPIRED") return `FREE (VIP expired ${dateTime(s.expires_at)})`;
  return s.plan;
}

function UserPlan({ user, onSaved }) {
  const [plan, setPlan] = useState("VIP");
  const [expires, setExpires] = useState(() => localInputValue(new Date(Date.now() + VIP_DEFAULT_DAYS * DAY_MS)));
  const [errors, setErrors] = useState({ fields: {}, form: null });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  const onSubmit = async (e) => {
    e.preventDefault();
    if (busy) return;
    const body = plan === "VIP" ? { plan, expires_at: toUtc(expires) } : { plan };
    setBusy(true);
    setStatus("");
    try {
      const answer = await api.put(`/api/v1/admin/users/${encodeURIComponent(user.id)}/subscription`, body);
      setErrors({ fields: {}, form: null });
      onSaved({ plan: answer.plan, status: answer.status, started_at: answer.started_at, expires_at: answer.expires_at,
        auto_renew: answer.auto_renew });
      setStatus(answer.plan === "VIP" ? `Saved: VIP until ${dateTime(answer.expires_at)}` : "Saved: FREE from now");
    } catch (error) {
      setErrors(collectErrors(error, (field) => (field === "plan" || field === "expires_at" ? field : null)));
      focusFirstError(e.target);
    } finally {
      setBusy(false);
    }
  };

  const f = errors.fields;
  return html`
    <form class="plan-form" onSubmit=${onSubmit} noValidate aria-label=${`Subscription of ${user.email}`}>
      <${Field} name="plan" label="Plan" errors=${f}>
        <select value=${plan} onChange=${(e) => setPlan(e.currentTarget.value)}>
          <option value="FREE">FREE</option>
          <option value="VIP">VIP</option>
        </select>
      <//>
      <${Field} name="expires_at" label="Expires at" errors=${f}
        hint=${plan === "VIP" ? `Your time (${browserZone("local time")}); sent as UTC.` : "FREE ends VIP at once."}>
        <input type="datetime-local" value=${expires} disabled=${plan !== "VIP"}
          onInput=${(e) => setExpires(e.currentTarget.value)} />
      <//>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled=${busy}>Save plan</button>
      </div>
      <${FormError} error=${errors.form} />
      ${status && html`<p class="form-status" role="status">${status}</p>`}
    </form>`;
}

function UserSearch() {
  const [text, setText] = useState("");
  // "" lists every user (by email) at once; a failure of that first, unasked-for list stays quiet
  const [query, setQuery] = useState("");
  const [asked, setAsked] = useState(false);
  const [tick, setTick] = useState(0);
  const [page, setPage] = useState(0);
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.get("/api/v1/admin/users", { q: query || undefined, page, size: USERS_PAGE }).then(
      (answer) => live && (setData(answer), setError(null)),
      (e) => live && setError(e),
    ).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, page, tick]);

  const onSubmit = (e) => {
    e.preventDefault();
    setPage(0);
    setAsked(true);
    setQuery(text.trim());
    setTick((n) => n + 1);
  };
  const replaceSubscription = (id, subscription) => setData((d) => ({
    ...d, items: d.items.map((u) => (u.id === id ? { ...u, subscription } : u)),
  }));

  const items = data?.items || [];
  const searchError = collectErrors(asked ? error : null, (field) => (field === "q" ? "q" : null));
  return html`
    <form class="search-bar" role="search" onSubmit=${onSubmit} noValidate>
      <${Field} name="q" label="Find user" errors=${searchError.fields} hint="Email or name; part of it is enough.">
        <input type="search" autocomplete="off" spellcheck="false" value=${text} onInput=${(e) => setText(e.currentTarget.value)} />
      <//>
      <button type="submit" class="btn btn-primary" disabled=${loading}>Search</button>
    </form>
    <${FormError} error=${searchError.form} />
    ${data && html`
      <p class="muted" aria-live="polite">${query ? `${data.total_items} ${data.total_items === 1 ? "user" : "users"} found`
        : `${data.total_items} ${data.total_items === 1 ? "user" : "users"}, by email`}</p>
      <ul class="user-list" aria-busy=${loading ? "true" : "false"}>
        ${items.map((user) => html`
          <li key=${user.id} class="user-item" data-user-id=${user.id}>
            <div class="user-facts">
              <p class="user-email">${user.email}</p>
              <p class="muted">${user.username || "(name not synced yet)"} · joined <${Time} iso=${user.created_at} /></p>
              <p>Now: <strong>${planText(user.subscription)}</strong></p>
            </div>
            <${UserPlan} user=${user} onSaved=${(s) => replaceSubscription(user.id, s)} />
          </li>`)}
      </ul>
      ${data.total_pages > 1 && html`
        <${Pager} page=${page} pages=${data.total_pages} onPage=${setPage} disabled=${loading} label="User pages" />`}`}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function DeleteSignal() {
  const [id, setId] = useState("");
  const [confirming, setConfirming] = useState(null);
  const [errors, setErrors] = useState({ fields: {}, form: null });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const confirmButton = useRef(null);
  const deleteButton = useRef(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const onSubmit = (e) => {
    e.preventDefault();
    const wanted = id.trim();
    setStatus("");
    if (!UUID.test(wanted)) {
      setErrors({ fields: { id: "Give the signal's id, a UUID such as 3f0c6a4e-1b2d-4c5e-8f90-1a2b3c4d5e6f." }, form: null });
      return;
    }
    setErrors({ fields: {}, form: null });
    setConfirming(wanted);
  };
  const onConfirm = async () => {
    setBusy(true);
    try {
      await api.del(`/api/v1/signals/${encodeURIComponent(confirming)}`);
      setStatus(`Signal ${confirming} deleted`);
      setId("");
      setConfirming(null);
    } catch (error) {
      const found = collectErrors(error, (field) => (field === "id" ? "id" : null));
      if (error.status === 404) found.fields.id = "There is no signal with this id.";
      setErrors(error.status === 404 ? { fields: found.fields, form: null } : found);
      setConfirming(null);
    } finally {
      setBusy(false);
    }
  };
  const onKeep = () => {
    setConfirming(null);
    requestAnimationFrame(() => deleteButton.current?.focus());
  };

  return html`
    <form class="inline-form" onSubmit=${onSubmit} noValidate>
      <${Field} name="id" label="Signal id" errors=${errors.fields} hint="The id in the signal's link (/signals/<id>).">
        <input type="text" class="mono" autocomplete="off" spellcheck="false" value=${id}
          onInput=${(e) => { setId(e.currentTarget.value); setConfirming(null); }} />
      <//>
      <button type="submit" class="btn btn-danger" ref=${deleteButton} disabled=${busy || !!confirming}>Delete signal</button>
    </form>
    ${confirming && html`
      <div class="confirm" role="group" aria-labelledby="admin-delete-question">
        <p id="admin-delete-question">Delete signal <span class="mono">${confirming}</span> and its history for everyone?
          This cannot be undone.</p>
        <div class="form-actions">
          <button type="button" class="btn btn-danger" ref=${confirmButton} disabled=${busy} onClick=${onConfirm}>Confirm delete</button>
          <button type="button" class="btn" disabled=${busy} onClick=${onKeep}>Keep it</button>
        </div>
      </div>`}
    <${FormError} error=${errors.form} />
    ${status && html`<p class="form-status" role="status">${status}</p>`}`;
}

/** Kind-specific detail fields of a manual signal: [api field, label, type]; all optional. */
const DETAILS = {
  "mexc-spot-futures": ["spot_futures", [
    ["direction", "Direction", ["", "BUY_SPOT_SHORT_PERP", "SELL_SPOT_LONG_PERP"]],
    ["spot_bid", "Spot bid", "number"], ["spot_ask", "Spot ask", "number"],
    ["futures_bid", "Futures bid", "number"], ["futures_ask", "Futures ask", "number"],
    ["funding_rate", "Funding rate (fraction)", "number"],
  ]],
  "funding-rate": ["funding", [
    ["long_exchange", "Long exchange", "text"], ["short_exchange", "Short exchange", "text"],
    ["long_rate_per_8h", "Long rate per 8 h (fraction)", "number"], ["short_rate_per_8h", "Short rate per 8 h (fraction)", "number"],
    ["price_spread_percent", "Mark price gap %", "number"],
  ]],
  "mexc-dex": ["dex", [
    ["chain", "Chain", "text"], ["dex", "DEX", "text"], ["pair_address", "Pair address", "text"],
    ["direction", "Direction", ["", "BUY_DEX_SELL_MEXC", "BUY_MEXC_SELL_DEX"]],
    ["mexc_bid", "MEXC bid", "number"], ["mexc_ask", "MEXC ask", "number"], ["dex_price", "DEX price", "number"],
    ["liquidity_usd", "Liquidity (USD)", "number"],
  ]],
};

/** A typed number as a JSON number; other text as it is, so the API names the field. */
function numberOrText(value) {
  const text = String(value ?? "").trim().replace(",", ".");
  if (text === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : value;
}

function ManualSignal({ navigate }) {
  const empty = { kind: KINDS[0][0], symbol: "", spread_percent: "", net_spread_percent: "", details: {} };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState({ fields: {}, form: null });
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState(null);

  const [group, detailFields] = DETAILS[form.kind] || [null, []];
  const set = (patch) => {
    setForm({ ...form, ...patch });
    setPosted(null);
  };
  const setDetail = (name, value) => set({ details: { ...form.details, [name]: value } });

  const onSubmit = async (e) => {
    e.preventDefault();
    if (busy) return;
    const details = {};
    for (const [name, , type] of detailFields) {
      const raw = form.details[name];
      const value = type === "number" ? numberOrText(raw) : raw ? String(raw).trim() : undefined;
      if (value !== undefined && value !== "") details[name] = value;
    }
    const body = {
      kind: form.kind,
      symbol: form.symbol.trim(),
      spread_percent: numberOrText(form.spread_percent) ?? null,
      net_spread_percent: numberOrText(form.net_spread_percent),
    };
    if (Object.keys(details).length) body[group] = details;
    setBusy(true);
    setPosted(null);
    try {
      const signal = await api.post("/api/v1/signals", body);
      setErrors({ fields: {}, form: null });
      setPosted(signal);
      setForm({ ...empty, kind: form.kind });
    } catch (error) {
      const known = ["kind", "symbol", "spread_percent", "net_spread_percent", ...detailFields.map(([n]) => `${group}.${n}`)];
      setErrors(collectErrors(error, (field) => (known.includes(field) ? field : null)));
      focusFirstError(e.target);
    } finally {
      setBusy(false);
    }
  };

  const f = errors.fields;
  return html`
    <form class="stack-form" onSubmit=${onSubmit} noValidate>
      <div class="form-row">
        <${Field} name="kind" label="Kind" errors=${f}>
          <select value=${form.kind} onChange=${(e) => set({ kind: e.currentTarget.value, details: {} })}>
            ${KINDS.map(([kind, label]) => html`<option key=${kind} value=${kind}>${label}</option>`)}
          </select>
        <//>
        <${Field} name="symbol" label="Symbol" errors=${f} hint="BTC, BTCUSDT or BTC/USDT.">
          <input type="text" autocomplete="off" spellcheck="false" value=${form.symbol}
            onInput=${(e) => set({ symbol: e.currentTarget.value })} />
        <//>
        <${Field} name="spread_percent" label="Spread %" errors=${f}>
          <input type="text" inputmode="decimal" autocomplete="off" value=${form.spread_percent}
            onInput=${(e) => set({ spread_percent: e.currentTarget.value })} />
        <//>
        <${Field} name="net_spread_percent" label="Net after fees %" errors=${f} hint="Optional; the spread when empty.">
          <input type="text" inputmode="decimal" autocomplete="off" value=${form.net_spread_percent}
            onInput=${(e) => set({ net_spread_percent: e.currentTarget.value })} />
        <//>
      </div>
      <fieldset class="details-group">
        <legend>Details <span class="muted">(optional)</span></legend>
        <div class="form-row">
          ${detailFields.map(([name, label, type]) => html`
            <${Field} key=${`${form.kind}-${name}`} name=${`${group}.${name}`} label=${label} errors=${f}>
              ${Array.isArray(type)
                ? html`<select value=${form.details[name] || ""} onChange=${(e) => setDetail(name, e.currentTarget.value)}>
                    ${type.map((v) => html`<option key=${v} value=${v}>${v || "—"}</option>`)}
                  </select>`
                : html`<input type="text" inputmode=${type === "number" ? "decimal" : undefined} autocomplete="off"
                    spellcheck="false" value=${form.details[name] || ""} onInput=${(e) => setDetail(name, e.currentTarget.value)} />`}
            <//>`)}
        </div>
      </fieldset>
      <${FormError} error=${errors.form} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled=${busy}>Post signal</button>
        ${posted && html`
          <p class="form-status" role="status">Signal posted: ${posted.symbol}${" "}
            <a href=${`/signals/${posted.id}`} onClick=${(e) => { e.preventDefault(); navigate(`/signals/${posted.id}`); }}>
              open it</a> <span class="mono muted">${posted.id}</span></p>`}
      </div>
    </form>`;
}

function UnparsedPosts() {
  const [page, setPage] = useState(0);
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.get("/api/v1/telegram/messages", { status: "unparsed", page, size: POSTS_PAGE }).then(
      (answer) => live && (setData(answer), setError(null)),
      (e) => live && setError(e),
    ).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [page, tick]);

  const items = data?.items || [];
  return html`
    <div class="table-tools">
      <p class="muted">${data ? `${data.total_items} unparsed ${data.total_items === 1 ? "post" : "posts"}, newest first` : ""}</p>
      <button type="button" class="btn btn-small" disabled=${loading} onClick=${() => setTick(tick + 1)}>Reload posts</button>
    </div>
    <${FormError} error=${error} />
    <div class="table-wrap data-wrap" tabindex="0" role="region" aria-label="Unparsed posts, scrollable">
      <table class="data-table posts-table" data-testid="unparsed-posts" aria-busy=${loading ? "true" : "false"}>
        <thead>
          <tr><th scope="col">Received</th><th scope="col">Channel</th><th scope="col">Post</th><th scope="col">Reason</th></tr>
        </thead>
        <tbody>
          ${items.map((post) => html`
            <tr key=${post.id} data-message-id=${post.message_id}>
              <td class="nowrap"><${Time} iso=${post.received_at || post.posted_at} />
                <span class="muted block">${relative(post.received_at || post.posted_at)}</span></td>
              <td>${post.chat_title || post.chat_id}${post.edited_at && html`<span class="muted block">edited</span>`}</td>
              <td><pre class="post-text">${post.text || "(no text)"}</pre></td>
              <td>${post.reason || "—"}</td>
            </tr>`)}
          ${data && items.length === 0 && html`<tr><td colspan="4" class="empty">Every post was read.</td></tr>`}
        </tbody>
      </table>
    </div>
    ${data && data.total_pages > 1 && html`
      <${Pager} page=${page} pages=${data.total_pages} onPage=${setPage} disabled=${loading} label="Unparsed post pages" />`}`;
}

export function AdminScreen({ session, navigate }) {
  if (!session?.isAdmin) {
    return html`
      <section class="screen" aria-labelledby="admin-title">
        <h1 id="admin-title">Admin</h1>
        <p class="form-error" role="alert">This screen is for admins only. Your account does not have the ADMIN role.</p>
      </section>`;
  }
  return html`
    <section class="screen admin-screen" aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <div class="admin-grid">
        <${Section} id="admin-users" title="VIP plans" wide
          intro="Find a user, then grant VIP until a date, extend it, or set FREE to end it now.">
          <${UserSearch} />
        <//>
        <${Section} id="admin-manual" title="Post a manual signal"
          intro="It opens like any other signal (source MANUAL) and reaches every board and notification.">
          <${ManualSignal} navigate=${navigate} />
        <//>
        <${Section} id="admin-delete" title="Delete a signal" intro="Removes a signal and its history everywhere.">
          <${DeleteSignal} />
        <//>
        <${Section} id="admin-unparsed" title="Unparsed Telegram posts" wide
          intro="Posts from the channels that no format matched, with the parser's reason.">
          <${UnparsedPosts} />
        <//>
        <${Section} id="admin-channels" title="Telegram channel scores" wide
          intro="Each channel's posts checked against our own market data: how many were read, confirmed, not reproducible or without data, and whether the channel posts before our detector (lead) or after it (lag).">
          <${ChannelScores} />
        <//>
      </div>
    </section>`;
}
