// Placeholder so main.js loads; H4 owns this screen and replaces this file.
import { html } from "../lib/html.js";

export function AdminScreen() {
  return html`<section class="screen"><h1>Admin</h1><p>Coming soon.</p></section>`;
}
