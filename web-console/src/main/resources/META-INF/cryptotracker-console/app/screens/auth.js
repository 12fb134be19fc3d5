// Sign in and register. The API's field errors show at their fields (register names email, username, password).
import { html, useState } from "../lib/html.js";
import { Field, FormError, formErrors } from "../lib/forms.js";
import { signIn, register } from "../lib/session.js";

function AuthCard({ title, subtitle, children }) {
  return html`
    <section class="auth">
      <div class="auth-brand">
        <img src="/assets/icons/favicon.svg" alt="" width="36" height="36" />
        <span>CryptoTracker</span>
      </div>
      <div class="auth-card">
        <h1>${title}</h1>
        ${subtitle && html`<p class="muted">${subtitle}</p>`}
        ${children}
      </div>
    </section>`;
}

function useSubmit(action, fields) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState({ fields: {}, form: null });
  const onSubmit = async (e) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({ fields: {}, form: null });
    try {
      await action(new FormData(e.currentTarget));
    } catch (error) {
      setErrors(formErrors(error, fields));
      setBusy(false);
      const first = fields.find((f) => error.fieldErrors?.[f]);
      if (first) e.target.querySelector(`[data-field="${first}"] input`)?.focus();
    }
  };
  return { busy, errors, onSubmit };
}

export function SignInScreen({ navigate }) {
  const { busy, errors, onSubmit } = useSubmit(
    (data) => signIn(String(data.get("email")).trim(), String(data.get("password"))),
    ["email", "password"],
  );
  return html`
    <${AuthCard} title="Sign in" subtitle="Live arbitrage signals: spot–futures, funding and DEX.">
      <form class="form" onSubmit=${onSubmit} novalidate>
        <${FormError} error=${errors.form} />
        <${Field} name="email" label="Email" errors=${errors.fields}>
          <input name="email" type="email" autocomplete="username" required autofocus />
        <//>
        <${Field} name="password" label="Password" errors=${errors.fields}>
          <input name="password" type="password" autocomplete="current-password" required />
        <//>
        <button class="btn btn-primary btn-block" type="submit" disabled=${busy}>${busy ? "Signing in…" : "Sign in"}</button>
      </form>
      <p class="auth-switch">New here? <a href="/register" onClick=${(e) => { e.preventDefault(); navigate("/register"); }}>Create an account</a></p>
    <//>`;
}

export function RegisterScreen({ navigate }) {
  const { busy, errors, onSubmit } = useSubmit(
    (data) => register(String(data.get("email")).trim(), String(data.get("username")).trim(), String(data.get("password"))),
    ["email", "username", "password"],
  );
  return html`
    <${AuthCard} title="Create account" subtitle="Free accounts see the board with a delay; VIP sees it live.">
      <form class="form" onSubmit=${onSubmit} novalidate>
        <${FormError} error=${errors.form} />
        <${Field} name="email" label="Email" errors=${errors.fields}>
          <input name="email" type="email" autocomplete="email" required autofocus />
        <//>
        <${Field} name="username" label="Username" errors=${errors.fields}>
          <input name="username" type="text" autocomplete="username" required />
        <//>
        <${Field} name="password" label="Password" errors=${errors.fields} hint="At least 8 characters; a passphrase works well.">
          <input name="password" type="password" autocomplete="new-password" required />
        <//>
        <button class="btn btn-primary btn-block" type="submit" disabled=${busy}>${busy ? "Creating…" : "Create account"}</button>
      </form>
      <p class="auth-switch">Have an account? <a href="/sign-in" onClick=${(e) => { e.preventDefault(); navigate("/sign-in"); }}>Sign in</a></p>
    <//>`;
}
