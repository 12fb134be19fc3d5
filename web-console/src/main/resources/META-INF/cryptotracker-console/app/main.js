// Boot, router and layout. Routes are README "Console routes"; every screen is
// `XScreen({ session, navigate, route })`.
import { html, render, useState, useEffect, useRef } from "./lib/html.js";
import { useSession, restore, signOut } from "./lib/session.js";
import { startLive, stopLive } from "./lib/live.js";
import { startNotices, stopNotices, useNotices, setMuted } from "./lib/notices.js";
import { startTicking } from "./lib/tick.js";
import { SignInScreen, RegisterScreen } from "./screens/auth.js";
import { BoardScreen } from "./screens/board.js";
import { NotificationsScreen } from "./screens/notifications.js";
import { SettingsScreen } from "./screens/settings.js";
import { MarketScreen } from "./screens/market.js";
import { AdminScreen } from "./screens/admin.js";
import { StatisticsScreen } from "./screens/statistics.js";
import { SymbolScreen } from "./screens/symbol.js";
import { symbolFromSlug } from "./lib/symbols.js";

export const KINDS = ["mexc-spot-futures", "funding-rate", "mexc-dex"];
const PUBLIC = new Set(["sign-in", "register"]);

/** Parses a path into { name, ...params }; unknown paths go to the board. */
export function parseRoute(pathname) {
  const [first = "", second] = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  switch (first) {
    case "sign-in":
    case "register":
    case "notifications":
    case "settings":
    case "market":
    case "admin":
    case "statistics":
      return { name: first, path: pathname };
    case "symbols":
      return second ? { name: "symbol", symbol: symbolFromSlug(second), path: pathname } : { name: "statistics", path: "/statistics" };
    case "board":
      return { name: "board", kind: KINDS.includes(second) ? second : KINDS[0], path: pathname };
    case "signals":
      return second ? { name: "board", kind: null, signalId: second, path: pathname } : { name: "board", kind: KINDS[0], path: "/board" };
    default:
      return { name: "board", kind: KINDS[0], path: pathname };
  }
}

const listeners = new Set();
/** Client-side navigation: history.pushState (or replaceState) and a re-render; no page load. */
export function navigate(to, { replace = false, state = null } = {}) {
  if (to === location.pathname + location.search && !replace) return;
  history[replace ? "replaceState" : "pushState"](state, "", to);
  for (const cb of listeners) cb();
}

function useLocation() {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      removeEventListener("popstate", update);
    };
  }, []);
  return path;
}

/** An <a> that navigates in place (a modified click still opens a new tab). */
export function Link({ href, children, ...rest }) {
  const onClick = (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return html`<a href=${href} onClick=${onClick} ...${rest}>${children}</a>`;
}

const TITLES = {
  "sign-in": "Sign in", register: "Create an account", board: "Board", notifications: "Notifications",
  settings: "Settings", market: "Market", admin: "Admin", statistics: "Statistics", symbol: "Symbol",
};

function SoundIcon({ muted }) {
  return html`
    <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor"
      stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
      <path d="M11 5 6 9H2v6h4l5 4V5z" />
      ${muted ? html`<path d="m23 9-6 6M17 9l6 6" />` : html`<path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />`}
    </svg>`;
}

function Header({ session, route }) {
  const { unread, muted } = useNotices();
  const nav = [
    ["Board", "/board", route.name === "board"],
    ["Statistics", "/statistics", route.name === "statistics" || route.name === "symbol"],
    ["Market", "/market", route.name === "market"],
    ["Notifications", "/notifications", route.name === "notifications"],
    ["Settings", "/settings", route.name === "settings"],
  ];
  if (session.isAdmin) nav.push(["Admin", "/admin", route.name === "admin"]);
  const onSignOut = async () => {
    await signOut();
    navigate("/sign-in", { replace: true });
  };
  const name = session.user?.username || session.email || "";
  return html`
    <header class="topbar">
      <a class="brand" href="/board" onClick=${(e) => { e.preventDefault(); navigate("/board"); }}>
        <img src="/assets/icons/favicon.svg" alt="" width="22" height="22" /><span>CryptoTracker</span>
      </a>
      <nav class="mainnav" aria-label="Main">
        <ul>
          ${nav.map(([label, href, active]) => html`
            <li key=${label}>
              <${Link} href=${href} aria-current=${active ? "page" : undefined}>${label}<//>
              ${label === "Notifications" && html`
                <span class="badge" data-testid="unread-badge" hidden=${unread === 0}
                  aria-label=${`${unread} unread notifications`}>${unread > 99 ? "99+" : unread}</span>`}
            </li>`)}
        </ul>
      </nav>
      <div class="topbar-tools">
        <span class=${`tier tier-${(session.tier || "").toLowerCase()}`} data-testid="tier" title="Your plan">${session.tier}</span>
        ${name && html`<span class="who" title=${session.email || ""}>${name}</span>`}
        <button type="button" class="btn btn-ghost btn-icon" aria-pressed=${muted ? "true" : "false"}
          onClick=${() => setMuted(!muted)} title=${muted ? "Sounds are muted" : "Sounds are on"}>
          <${SoundIcon} muted=${muted} /><span class="label">Mute sounds</span>
        </button>
        <button type="button" class="btn btn-ghost" onClick=${onSignOut}>Sign out</button>
      </div>
    </header>`;
}

function Screen({ session, route }) {
  const props = { session, navigate, route };
  switch (route.name) {
    case "sign-in":
      return html`<${SignInScreen} ...${props} />`;
    case "register":
      return html`<${RegisterScreen} ...${props} />`;
    case "notifications":
      return html`<${NotificationsScreen} ...${props} />`;
    case "settings":
      return html`<${SettingsScreen} ...${props} />`;
    case "market":
      return html`<${MarketScreen} ...${props} />`;
    case "statistics":
      return html`<${StatisticsScreen} ...${props} />`;
    case "symbol":
      return html`<${SymbolScreen} key=${route.symbol} ...${props} />`;
    case "admin":
      return session.isAdmin
        ? html`<${AdminScreen} ...${props} />`
        : html`<section class="screen"><h1>Admin</h1><p role="alert" class="form-error">This screen is for administrators.</p></section>`;
    default:
      return html`<${BoardScreen} ...${props} />`;
  }
}

function App() {
  const session = useSession();
  const path = useLocation();
  const route = parseRoute(path);
  const main = useRef(null);
  const firstRender = useRef(true);

  useEffect(() => {
    startTicking();
    restore();
  }, []);

  // The socket and the unread count follow the session: VIP gets the socket, every signed-in user the count.
  const signedInNow = session.status === "signed-in";
  useEffect(() => {
    if (!signedInNow) {
      stopLive();
      stopNotices();
      return;
    }
    startNotices(navigate);
  }, [signedInNow, session.userId]);
  useEffect(() => {
    if (signedInNow && session.tier === "VIP") startLive();
    else stopLive({ keepPosition: signedInNow });
  }, [signedInNow, session.tier, session.userId]);

  // Guards: signed out → /sign-in (remembering where to go back); signed in on an auth page → the board.
  const isPublic = PUBLIC.has(route.name);
  useEffect(() => {
    if (session.status === "signed-out" && !isPublic) {
      const back = location.pathname === "/" ? null : location.pathname;
      navigate("/sign-in", { replace: true, state: back ? { back } : null });
    } else if (session.status === "signed-in" && isPublic) {
      navigate(history.state?.back || "/board", { replace: true });
    }
  }, [session.status, isPublic]);

  useEffect(() => {
    document.title = `${route.name === "symbol" ? route.symbol : TITLES[route.name] || "Board"} · CryptoTracker`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Move focus to the new screen so keyboard and screen-reader users start there.
    if (!route.signalId) main.current?.focus({ preventScroll: true });
  }, [route.name, route.symbol]);

  if (session.status === "loading") {
    return html`<div class="splash" role="status"><span class="spinner" aria-hidden="true"></span>Loading…</div>`;
  }
  const signedIn = session.status === "signed-in";
  if ((signedIn && isPublic) || (!signedIn && !isPublic)) return null;
  return html`
    <a class="skip-link" href="#main">Skip to content</a>
    ${signedIn && html`<${Header} session=${session} route=${route} />`}
    <main id="main" ref=${main} tabindex="-1" class=${signedIn ? "app-main" : "app-main app-main-public"}>
      <${Screen} session=${session} route=${route} />
    </main>`;
}

render(html`<${App} />`, document.getElementById("app"));
