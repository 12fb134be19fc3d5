import { html } from "../lib/html.js";

export function NotificationsScreen() {
  return html`<section class="screen"><h1>Notifications</h1></section>`;
}
