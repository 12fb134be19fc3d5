// Form pieces shared by every screen: a field with its API error (README "A field's API error"), a form-level
// alert, and the errors of an ApiError split into field errors and the rest.
import { html, cloneElement, toChildArray, useId } from "./html.js";

/**
 * <div data-field=name> + label + the single input child + .field-error. The input gets id, aria-invalid and
 * aria-describedby. `inline` puts the label after the control (checkboxes); `hint` is a short help line.
 */
export function Field({ name, label, errors, children, hint, inline = false, class: extra = "" }) {
  const uid = useId();
  const id = `f-${name}-${uid}`.replace(/[^\w-]/g, "");
  const error = errors && errors[name];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(" ") || undefined;
  let first = true;
  const controls = toChildArray(children).map((child) => {
    if (!first || !child || typeof child !== "object") return child;
    first = false;
    return cloneElement(child, {
      id: child.props.id || id,
      "aria-invalid": error ? "true" : undefined,
      "aria-describedby": describedBy,
    });
  });
  const labelEl = html`<label for=${id}>${label}</label>`;
  return html`
    <div class=${`field${inline ? " field-inline" : ""}${error ? " has-error" : ""} ${extra}`} data-field=${name}>
      ${inline ? controls : labelEl}
      ${inline ? labelEl : controls}
      ${hint && html`<p class="field-hint" id=${hintId}>${hint}</p>`}
      ${error && html`<p class="field-error" id=${errorId}>${error}</p>`}
    </div>`;
}

/** A form-level error (role=alert), shown when the API's answer names no field or the server is away. */
export function FormError({ error }) {
  if (!error) return null;
  return html`<p class="form-error" role="alert">${typeof error === "string" ? error : error.message}</p>`;
}

/**
 * The API's field errors of a form, every message of a field joined (a password may break several rules at once).
 * `target(apiField)` names the form field that shows it (or `[field, prefix]` to say which entry of a list is
 * meant), or null for the form-level alert.
 */
export function collectErrors(error, target) {
  const fields = {};
  const rest = [];
  const list = Array.isArray(error?.problem?.errors) ? error.problem.errors : [];
  for (const e of list) {
    const found = e.field ? target(e.field) : null;
    const [name, prefix] = Array.isArray(found) ? found : [found, ""];
    const message = sentence(prefix + (e.message || "is not valid"));
    if (name) fields[name] = fields[name] ? `${fields[name]} ${message}` : message;
    else rest.push(e.field ? `${e.field}: ${message}` : message);
  }
  const form = !error ? null : rest.length ? rest.join(" ") : Object.keys(fields).length ? null : error.message;
  return { fields, form };
}

function sentence(text) {
  const s = String(text).trim();
  const capital = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * Splits an error for a form: { fields: {api field: message}, form: message for the rest or null }.
 * `known` lists the form's field names; errors naming other fields are shown at form level.
 */
export function formErrors(error, known) {
  return collectErrors(error, (field) => (!known || known.includes(field) ? field : null));
}
