import { html } from "../lib/html.js";

export function BoardScreen() {
  return html`<section class="screen"><h1>Board</h1></section>`;
}
