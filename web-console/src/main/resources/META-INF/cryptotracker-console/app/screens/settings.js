// Settings (/settings): notification preferences, the plan, the password and the user's own audit log.
// API: user-service /users/me/preferences, /users/me/subscription, /users/me/audit; auth-service
// /users/me/change-password. Errors are shown at the field the API names (README "A field's API error").
import { html, useState, useEffect, useRef } from "../lib/html.js";
import { api } from "../lib/api.js";
import { Field, FormError, collectErrors } from "../lib/forms.js";
import { signIn, signOut, loadUser } from "../lib/session.js";
import { browserZone, dateTime, relative } from "../lib/format.js";
import { Pager, Time } from "../lib/widgets.js";

const KIND_LABELS = [
  ["mexc-spot-futures", "Spot–futures", "MEXC spot against MEXC perpetuals"],
  ["funding-rate", "Funding", "funding-rate differences between venues"],
  ["mexc-dex", "DEX", "MEXC against on-chain pools"],
];

const PREFERENCE_FIELDS = ["channels.browser", "channels.email", "channels.sound", "kinds", "min_spread_percent",
  "symbols_allow", "symbols_deny", "quiet_hours.start", "quiet_hours.end", "timezone"];

/** "BTC, eth/usdt , SOL_USDT" → ["BTC", "eth/usdt", "SOL_USDT"]; the API normalizes each. */
function splitSymbols(text) {
  return text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
}

function timezones(current) {
  let zones = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const all = new Set(["UTC", ...zones]);
  if (current) all.add(current);
  return [...all].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}

function formOf(p) {
  return {
    browser: !!p.channels?.browser,
    email: !!p.channels?.email,
    sound: !!p.channels?.sound,
    kinds: new Set(p.kinds || []),
    minSpread: p.min_spread_percent === null || p.min_spread_percent === undefined ? "" : String(p.min_spread_percent),
    allow: (p.symbols_allow || []).join(", "),
    deny: (p.symbols_deny || []).join(", "),
    quietStart: p.quiet_hours?.start || "",
    quietEnd: p.quiet_hours?.end || "",
    timezone: p.timezone || "UTC",
  };
}

/** The PUT body: every field, as typed, so the API (not the browser) judges it and names the field. */
function bodyOf(form) {
  const spread = form.minSpread.trim();
  const number = spread === "" ? null : Number(spread);
  const quiet = !form.quietStart && !form.quietEnd ? null : { start: form.quietStart || null, end: form.quietEnd || null };
  return {
    channels: { browser: form.browser, email: form.email, sound: form.sound },
    kinds: KIND_LABELS.map(([kind]) => kind).filter((kind) => form.kinds.has(kind)),
    min_spread_percent: spread === "" ? null : Number.isFinite(number) ? number : spread,
    symbols_allow: splitSymbols(form.allow),
    symbols_deny: splitSymbols(form.deny),
    quiet_hours: quiet,
    timezone: form.timezone.trim(),
  };
}

function Section({ id, title, intro, children }) {
  return html`
    <section class="card settings-section" aria-labelledby=${id}>
      <h2 id=${id}>${title}</h2>
      ${intro && html`<p class="section-intro">${intro}</p>`}
      ${children}
    </section>`;
}

function Loading({ what }) {
  return html`<p class="muted" role="status"><span class="spinner" aria-hidden="true"></span> Loading ${what}…</p>`;
}

function PreferencesForm({ session }) {
  const [form, setForm] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [errors, setErrors] = useState({ fields: {}, form: null });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const zones = useRef(null);

  useEffect(() => {
    api.get("/api/v1/users/me/preferences").then((p) => setForm(formOf(p)), setLoadError);
  }, [session.userId]);

  if (loadError) return html`<${FormError} error=${loadError} />`;
  if (!form) return html`<${Loading} what="your preferences" />`;
  if (!zones.current) zones.current = timezones(form.timezone);

  const set = (patch) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };
  const toggleKind = (kind, on) => {
    const kinds = new Set(form.kinds);
    if (on) kinds.add(kind);
    else kinds.delete(kind);
    set({ kinds });
  };

  const onSubmit = async (e) => {
    e.preventDefault();
    if (saving) return;
    const body = bodyOf(form);
    setSaving(true);
    setSaved(false);
    try {
      const answer = await api.put("/api/v1/users/me/preferences", body);
      setForm(formOf(answer));
      setErrors({ fields: {}, form: null });
      setSaved(true);
    } catch (error) {
      const found = collectErrors(error, (field) => preferenceField(field, body));
      setErrors(found);
      focusFirstError(e.target);
    } finally {
      setSaving(false);
    }
  };

  const f = errors.fields;
  const here = browserZone();
  return html`
    <form class="stack-form" onSubmit=${onSubmit} noValidate aria-busy=${saving ? "true" : "false"}>
      <fieldset class="choice-group">
        <legend>Channels</legend>
        <${Field} name="channels.browser" label="Browser" errors=${f} inline>
          <input type="checkbox" checked=${form.browser} onChange=${(e) => set({ browser: e.currentTarget.checked })} />
        <//>
        <${Field} name="channels.email" label="Email" errors=${f} inline>
          <input type="checkbox" checked=${form.email} onChange=${(e) => set({ email: e.currentTarget.checked })} />
        <//>
        <${Field} name="channels.sound" label="Sound" errors=${f} inline>
          <input type="checkbox" checked=${form.sound} onChange=${(e) => set({ sound: e.currentTarget.checked })} />
        <//>
      </fieldset>

      <fieldset class="choice-group kind-group" data-field="kinds">
        <legend>Signal kinds</legend>
        ${KIND_LABELS.map(([kind, label, hint]) => html`
          <${Field} key=${kind} name=${`kind-${kind}`} label=${label} hint=${hint} inline>
            <input type="checkbox" value=${kind} checked=${form.kinds.has(kind)}
              onChange=${(e) => toggleKind(kind, e.currentTarget.checked)} />
          <//>`)}
        ${f.kinds && html`<p class="field-error">${f.kinds}</p>`}
      </fieldset>

      <div class="form-row">
        <${Field} name="min_spread_percent" label="Minimum spread %" errors=${f}
          hint="Only signals at or above this gross spread (0–100, up to 3 decimals).">
          <input type="number" inputmode="decimal" step="any" min="0" max="100" value=${form.minSpread}
            onInput=${(e) => set({ minSpread: e.currentTarget.value })} />
        <//>
        <${Field} name="timezone" label="Timezone" errors=${f} hint=${`For quiet hours. This browser is in ${here}.`}>
          <input type="text" list="settings-timezones" autocomplete="off" spellcheck="false" value=${form.timezone}
            onInput=${(e) => set({ timezone: e.currentTarget.value })} />
        <//>
        <datalist id="settings-timezones">
          ${zones.current.map((zone) => html`<option key=${zone} value=${zone}></option>`)}
        </datalist>
      </div>

      <div class="form-row">
        <${Field} name="symbols_allow" label="Allowed symbols" errors=${f}
          hint="Comma separated, e.g. BTC, ETH/USDT. Empty: every symbol.">
          <input type="text" autocomplete="off" spellcheck="false" value=${form.allow}
            onInput=${(e) => set({ allow: e.currentTarget.value })} />
        <//>
        <${Field} name="symbols_deny" label="Denied symbols" errors=${f} hint="Comma separated; never these.">
          <input type="text" autocomplete="off" spellcheck="false" value=${form.deny}
            onInput=${(e) => set({ deny: e.currentTarget.value })} />
        <//>
      </div>

      <fieldset class="quiet-hours">
        <legend>Quiet hours <span class="muted">(messages wait until the window ends; leave both empty for none)</span></legend>
        <div class="form-row">
          <${Field} name="quiet_hours.start" label="Quiet hours start" errors=${f}>
            <input type="time" value=${form.quietStart} onInput=${(e) => set({ quietStart: e.currentTarget.value })} />
          <//>
          <${Field} name="quiet_hours.end" label="Quiet hours end" errors=${f}>
            <input type="time" value=${form.quietEnd} onInput=${(e) => set({ quietEnd: e.currentTarget.value })} />
          <//>
        </div>
      </fieldset>

      <${FormError} error=${errors.form} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled=${saving}>Save preferences</button>
        ${saved && html`<p class="form-status" role="status">Preferences saved</p>`}
      </div>
    </form>`;
}

/** Where an API field of the preferences is shown: `symbols_allow[1]` at the list, with the entry it means. */
function preferenceField(field, body) {
  const indexed = /^(symbols_allow|symbols_deny|kinds)\[(\d+)\]$/.exec(field);
  if (indexed) {
    const entry = body?.[indexed[1]]?.[Number(indexed[2])];
    return [indexed[1], typeof entry === "string" ? `“${entry}” ` : ""];
  }
  if (field === "quiet_hours" || field.startsWith("quiet_hours.")) {
    return field === "quiet_hours.end" ? "quiet_hours.end" : "quiet_hours.start";
  }
  if (field === "channels" || field.startsWith("channels.")) {
    return PREFERENCE_FIELDS.includes(field) ? field : "channels.browser";
  }
  return PREFERENCE_FIELDS.includes(field) ? field : null;
}

function focusFirstError(form) {
  // after the re-render that shows the errors
  requestAnimationFrame(() => form?.querySelector?.("[aria-invalid=true]")?.focus());
}

function SubscriptionPanel({ session }) {
  const [sub, setSub] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState("");
  const keep = useRef(null);
  const cancel = useRef(null);

  useEffect(() => {
    api.get("/api/v1/users/me/subscription").then(setSub, setError);
  }, [session.userId]);

  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  if (!sub && error) return html`<${FormError} error=${error} />`;
  if (!sub) return html`<${Loading} what="your plan" />`;

  const running = sub.plan === "VIP" && sub.status !== "EXPIRED" && sub.expires_at && new Date(sub.expires_at) > new Date();
  const change = async (body, done) => {
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      const next = await api.put("/api/v1/users/me/subscription", body);
      setSub(next);
      setStatus(done(next));
      loadUser();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const onAutoRenew = (e) => {
    const on = e.currentTarget.checked;
    change({ auto_renew: on }, () => (on ? "Auto-renew is on" : "Auto-renew is off"));
  };
  const onConfirm = async () => {
    await change({ status: "CANCELLED" }, (next) => `Subscription cancelled: VIP until ${dateTime(next.expires_at)}`);
    setConfirming(false);
  };
  const onKeep = () => {
    setConfirming(false);
    requestAnimationFrame(() => cancel.current?.focus());
  };

  return html`
    <dl class="facts plan-facts">
      <div class="fact"><dt>Plan</dt><dd><span class=${`tier tier-${sub.plan.toLowerCase()}`}>${sub.plan}</span></dd></div>
      <div class="fact"><dt>Status</dt><dd>${statusLabel(sub)}</dd></div>
      <div class="fact"><dt>Access now</dt><dd>${sub.tier || (running ? "VIP" : "FREE")}</dd></div>
      ${sub.started_at && html`<div class="fact"><dt>Since</dt><dd><${Time} iso=${sub.started_at} /></dd></div>`}
      ${sub.expires_at && html`
        <div class="fact"><dt>${running ? "Expires" : "Expired"}</dt>
          <dd><${Time} iso=${sub.expires_at} /> <span class="muted">(${relative(sub.expires_at)})</span></dd></div>`}
    </dl>
    ${!running && html`
      <p class="section-intro">FREE shows signals after a delay. VIP shows them live, with browser notifications and
        sound; an administrator grants VIP.</p>`}
    <div class="field field-inline" data-field="auto_renew">
      <input type="checkbox" id="settings-auto-renew" checked=${sub.auto_renew} disabled=${!running || busy}
        aria-describedby="settings-auto-renew-hint" onChange=${onAutoRenew} />
      <label for="settings-auto-renew">Auto-renew</label>
      <p class="field-hint" id="settings-auto-renew-hint">${running
        ? sub.status === "CANCELLED" ? "Turning it back on undoes the cancellation." : "VIP renews at the end of the period."
        : "Only a running VIP plan renews."}</p>
    </div>
    ${running && sub.status !== "CANCELLED" && !confirming && html`
      <div class="form-actions">
        <button type="button" class="btn btn-danger" ref=${cancel} disabled=${busy}
          onClick=${() => setConfirming(true)}>Cancel subscription</button>
      </div>`}
    ${confirming && html`
      <div class="confirm" role="group" aria-labelledby="settings-cancel-question">
        <p id="settings-cancel-question">Cancel VIP? It stays active until ${dateTime(sub.expires_at)} and then does
          not renew.</p>
        <div class="form-actions">
          <button type="button" class="btn btn-danger" disabled=${busy} onClick=${onConfirm}>Confirm cancellation</button>
          <button type="button" class="btn" ref=${keep} disabled=${busy} onClick=${onKeep}>Keep VIP</button>
        </div>
      </div>`}
    <${FormError} error=${error} />
    ${status && html`<p class="form-status" role="status">${status}</p>`}`;
}

function statusLabel(sub) {
  if (sub.status === "CANCELLED") return "Cancelled (no renewal)";
  if (sub.status === "EXPIRED") return "Expired";
  return "Active";
}

function PasswordForm({ session, navigate }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [errors, setErrors] = useState({ fields: {}, form: null });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");

  const onSubmit = async (e) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setDone("");
    try {
      await api.post("/api/v1/users/me/change-password", { current_password: current, new_password: next });
    } catch (error) {
      setErrors(collectErrors(error, (field) => (["current_password", "new_password"].includes(field) ? field : null)));
      setBusy(false);
      focusFirstError(e.target);
      return;
    }
    setErrors({ fields: {}, form: null });
    setCurrent("");
    // The change revoked every refresh token, this tab's too: sign in again with the new password so this tab keeps
    // working; other devices stay signed out.
    const email = session.user?.email || session.email;
    try {
      if (!email) throw new Error("no email");
      await signIn(email, next);
      setNext("");
      setDone("Password changed. Every other session was signed out; this one was signed in again with the new password.");
    } catch {
      setNext("");
      await signOut();
      navigate("/sign-in", { replace: true });
      return;
    }
    setBusy(false);
  };

  const f = errors.fields;
  return html`
    <form class="stack-form" onSubmit=${onSubmit} noValidate aria-busy=${busy ? "true" : "false"}>
      <div class="form-row">
        <${Field} name="current_password" label="Current password" errors=${f}>
          <input type="password" autocomplete="current-password" value=${current} required
            onInput=${(e) => setCurrent(e.currentTarget.value)} />
        <//>
        <${Field} name="new_password" label="New password" errors=${f}
          hint="At least 8 characters, not a common password nor your email or name; a few unrelated words work well.">
          <input type="password" autocomplete="new-password" value=${next} required
            onInput=${(e) => setNext(e.currentTarget.value)} />
        <//>
      </div>
      <${FormError} error=${errors.form} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled=${busy}>Change password</button>
        ${done && html`<p class="form-status" role="status">${done}</p>`}
      </div>
    </form>`;
}

const ACTION_LABELS = {
  LOGIN_SUCCEEDED: "Signed in",
  LOGIN_FAILED: "Sign-in failed",
  LOGIN_LOCKED: "Sign-in locked",
  LOGGED_OUT: "Signed out",
  PASSWORD_CHANGED: "Password changed",
  PASSWORD_CHANGE_FAILED: "Password change failed",
  REFRESH_TOKEN_REUSED: "Session token reused (all sessions ended)",
  PREFERENCES_CHANGED: "Preferences changed",
  PLAN_CHANGED: "Plan changed",
};

function actionLabel(action) {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action];
  const words = String(action || "").toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Chrome on Linux" from a user agent; the full string on hover. */
function device(agent) {
  if (!agent) return "—";
  const browser = /Edg\//.test(agent) ? "Edge" : /Firefox\//.test(agent) ? "Firefox" : /Chrom(e|ium)\//.test(agent)
    ? "Chrome" : /Safari\//.test(agent) ? "Safari" : /curl|java|python|okhttp/i.test(agent) ? "API client" : null;
  const os = /Android/.test(agent) ? "Android" : /iPhone|iPad/.test(agent) ? "iOS" : /Windows/.test(agent)
    ? "Windows" : /Mac OS X/.test(agent) ? "macOS" : /Linux/.test(agent) ? "Linux" : null;
  if (!browser && !os) return agent.length > 40 ? `${agent.slice(0, 40)}…` : agent;
  return [browser, os].filter(Boolean).join(" on ");
}

function details(map) {
  if (!map || typeof map !== "object") return "";
  return Object.entries(map).map(([k, v]) => `${k.replace(/_/g, " ")}: ${Array.isArray(v) ? v.join(", ") : v}`).join("; ");
}

const AUDIT_PAGE = 10;

function AuditLog({ session }) {
  const [page, setPage] = useState(0);
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.get("/api/v1/users/me/audit", { page, size: AUDIT_PAGE }).then(
      (answer) => live && (setData(answer), setError(null)),
      (e) => live && setError(e),
    ).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [page, tick, session.userId]);

  const items = data?.items || [];
  const pages = Math.max(1, data?.total_pages || 1);
  return html`
    <div class="table-tools">
      <p class="muted">${data ? `${data.total_items} ${data.total_items === 1 ? "entry" : "entries"}, newest first` : ""}</p>
      <button type="button" class="btn btn-small" onClick=${() => setTick(tick + 1)} disabled=${loading}>Reload log</button>
    </div>
    <${FormError} error=${error} />
    <div class="table-wrap data-wrap" tabindex="0" role="region" aria-label="Audit log">
      <table class="data-table" data-testid="audit-log" aria-busy=${loading ? "true" : "false"}>
        <thead>
          <tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Result</th><th scope="col">IP address</th>
            <th scope="col" class="col-optional">Device</th><th scope="col" class="col-optional">Details</th></tr>
        </thead>
        <tbody>
          ${items.map((entry, i) => html`
            <tr key=${`${entry.occurred_at}-${i}`}>
              <td class="nowrap"><${Time} iso=${entry.occurred_at} /></td>
              <td>${actionLabel(entry.action)}</td>
              <td><span class=${`outcome ${entry.outcome === "SUCCESS" ? "outcome-ok" : "outcome-bad"}`}>
                ${entry.outcome === "SUCCESS" ? "Success" : entry.outcome === "FAILURE" ? "Failure" : entry.outcome}</span></td>
              <td class="mono">${entry.ip || "—"}</td>
              <td class="col-optional" title=${entry.user_agent || ""}>${device(entry.user_agent)}</td>
              <td class="col-optional">${details(entry.details)}</td>
            </tr>`)}
          ${data && items.length === 0 && html`<tr><td colspan="6" class="empty">Nothing recorded yet.</td></tr>`}
        </tbody>
      </table>
    </div>
    <${Pager} page=${page} pages=${pages} onPage=${setPage} disabled=${loading} label="Audit log pages" />`;
}

export function SettingsScreen({ session, navigate }) {
  return html`
    <section class="screen settings-screen" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div class="settings-grid">
        <${Section} id="settings-preferences" title="Notifications"
          intro="Which signals reach you, and how. The board always shows everything your plan allows.">
          <${PreferencesForm} session=${session} />
        <//>
        <div class="settings-side">
          <${Section} id="settings-subscription" title="Subscription">
            <${SubscriptionPanel} session=${session} />
          <//>
          <${Section} id="settings-password" title="Password"
            intro="Changing it signs out every other device.">
            <${PasswordForm} session=${session} navigate=${navigate} />
          <//>
        </div>
        <${Section} id="settings-audit" title="Security log" intro="Sign-ins and changes to your account.">
          <${AuditLog} session=${session} />
        <//>
      </div>
    </section>`;
}
