// Notifications: the stored history (GET /api/v1/notifications), mark read / mark all read, and the browser
// permission. VIP frames arriving while the screen is open are prepended.
import { html, useState, useEffect, useCallback } from "../lib/html.js";
import { api } from "../lib/api.js";
import { FormError } from "../lib/forms.js";
import * as f from "../lib/format.js";
import {
  setUnread, adjustUnread, onNotificationFrame, notificationPermission, askPermission, useNotices,
} from "../lib/notices.js";

const PAGE_SIZE = 50;
const KIND_NAMES = { "mexc-spot-futures": "Spot–futures", "funding-rate": "Funding", "mexc-dex": "DEX" };

function PermissionControl() {
  const [permission, setPermission] = useState(notificationPermission());
  if (permission === "unsupported") return html`<p class="muted">This browser cannot show notifications.</p>`;
  if (permission === "granted") return html`<p class="muted small">Browser notifications are on for this site.</p>`;
  if (permission === "denied") {
    return html`<p class="muted small">Browser notifications are blocked for this site; allow them in the browser's site settings.</p>`;
  }
  return html`<button type="button" class="btn" onClick=${async () => setPermission(await askPermission())}>Enable browser notifications</button>`;
}

function Item({ n, onRead, navigate }) {
  const open = (e) => {
    e.preventDefault();
    navigate(`/signals/${n.signal_id}`);
  };
  return html`
    <li class=${`note${n.read ? "" : " note-unread"}`} data-notification-id=${n.id}>
      <div class="note-main">
        <p class="note-title">
          ${!n.read && html`<span class="unread-dot" aria-hidden="true"></span><span class="sr-only">Unread: </span>`}
          ${n.title || `${n.symbol} ${f.pct(n.spread_percent)}`}
        </p>
        ${n.body && html`<p class="note-body">${n.body}</p>`}
        <p class="note-meta">
          <span class="tag">${KIND_NAMES[n.kind] || n.kind}</span>
          <span>${n.symbol}</span>
          <span class="up">${f.pct(n.spread_percent)}</span>
          <time datetime=${n.created_at}>${f.dateTime(n.created_at)}</time>
        </p>
      </div>
      <div class="note-actions">
        ${n.signal_id && html`<a class="btn btn-small btn-ghost" href=${`/signals/${n.signal_id}`} onClick=${open}
          aria-label=${`Open signal ${n.symbol}`}>Open</a>`}
        ${!n.read && html`<button type="button" class="btn btn-small" onClick=${() => onRead(n)}>Mark read</button>`}
      </div>
    </li>`;
}

export function NotificationsScreen({ navigate }) {
  const [items, setItems] = useState([]);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState({ page: 0, pages: 0, total: 0, loading: true });
  const [error, setError] = useState(null);
  const [status, setStatus] = useState("");
  const { unread } = useNotices();

  const load = useCallback(async (p = 0) => {
    setPage((s) => ({ ...s, loading: true }));
    setError(null);
    try {
      const answer = await api.get("/api/v1/notifications", { page: p, size: PAGE_SIZE, unread: unreadOnly || undefined });
      setItems((list) => (p === 0 ? answer.items || [] : [...list, ...(answer.items || [])]));
      setPage({ page: p, pages: answer.total_pages ?? 1, total: answer.total_items ?? 0, loading: false });
      if (typeof answer.unread_count === "number") setUnread(answer.unread_count);
    } catch (e) {
      setError(e);
      setPage((s) => ({ ...s, loading: false }));
    }
  }, [unreadOnly]);

  useEffect(() => {
    load(0);
  }, [load]);

  useEffect(() => onNotificationFrame((frame) => {
    setItems((list) => (list.some((n) => n.id === frame.id) ? list : [{ ...frame, read: false }, ...list]));
  }), []);

  const onRead = async (n) => {
    try {
      await api.post(`/api/v1/notifications/${encodeURIComponent(n.id)}/read`);
      setItems((list) => (unreadOnly ? list.filter((x) => x.id !== n.id) : list.map((x) => (x.id === n.id ? { ...x, read: true } : x))));
      adjustUnread(-1);
      setStatus(`Marked “${n.title || n.symbol}” read`);
    } catch (e) {
      setError(e);
    }
  };

  const onReadAll = async () => {
    try {
      const answer = await api.post("/api/v1/notifications/read-all");
      setItems((list) => (unreadOnly ? [] : list.map((x) => ({ ...x, read: true }))));
      setUnread(0);
      setStatus(`Marked ${answer?.marked_read ?? "all"} read`);
    } catch (e) {
      setError(e);
    }
  };

  return html`
    <section class="screen narrow" aria-labelledby="notes-title">
      <div class="screen-head">
        <div>
          <h1 id="notes-title">Notifications</h1>
          <p class="muted">${unread ? `${unread} unread` : "All caught up"}</p>
        </div>
        <div class="head-actions">
          <${PermissionControl} />
          <button type="button" class="btn" onClick=${onReadAll} disabled=${!unread}>Mark all read</button>
        </div>
      </div>
      <div class="toolbar">
        <label class="check"><input type="checkbox" checked=${unreadOnly} onChange=${(e) => setUnreadOnly(e.currentTarget.checked)} /> Unread only</label>
        <p class="sr-only" role="status">${status}</p>
      </div>
      <${FormError} error=${error} />
      ${!page.loading && items.length === 0 && !error && html`<p class="empty">${unreadOnly ? "No unread notifications." : "No notifications yet. Signals matching your preferences show up here."}</p>`}
      <ul class="notes">
        ${items.map((n) => html`<${Item} key=${n.id} n=${n} onRead=${onRead} navigate=${navigate} />`)}
      </ul>
      ${page.page + 1 < page.pages && html`<div class="more"><button type="button" class="btn" disabled=${page.loading} onClick=${() => load(page.page + 1)}>Load more</button></div>`}
      ${page.loading && html`<p class="muted" role="status">Loading…</p>`}
    </section>`;
}
