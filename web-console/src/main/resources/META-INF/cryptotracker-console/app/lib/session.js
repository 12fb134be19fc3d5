// The session: the access token lives in this module's memory only; the refresh token is an HttpOnly cookie
// scoped to /api/v1/auth/console that JavaScript never sees (web-console/README.md "Session").
import { api, request, configureAuth } from "./api.js";
import { useState, useEffect } from "./html.js";

const CONSOLE_HEADERS = { "X-CryptoTracker-Console": "1" };
const LOCK_NAME = "cryptotracker-console-refresh";

const signedOut = Object.freeze({
  status: "signed-out", user: null, tier: null, roles: [], isAdmin: false, accessToken: null, userId: null,
  email: null, expiresAt: 0,
});

let state = { ...signedOut, status: "loading" };
let timer = null;
let inflight = null;
const listeners = new Set();

function publish(next) {
  state = Object.freeze(next);
  for (const cb of [...listeners]) {
    try {
      cb(state);
    } catch (e) {
      console.error(e);
    }
  }
}

/** Claims of a JWT (not verified: the API verifies; the console only reads tier, roles and expiry). */
function claims(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = decodeURIComponent(
      [...atob(part)].map((c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0")).join(""),
    );
    return JSON.parse(json);
  } catch {
    return {};
  }
}

function acceptToken(answer) {
  const token = answer.access_token;
  const c = claims(token);
  const roles = Array.isArray(c.roles) ? c.roles : [];
  const expiresIn = Number(answer.expires_in) || (c.exp ? c.exp - Date.now() / 1000 : 900);
  publish({
    ...state,
    status: "signed-in",
    accessToken: token,
    tier: c.tier || "FREE",
    roles,
    isAdmin: roles.includes("ADMIN"),
    userId: c.sub || null,
    email: c.email || null,
    expiresAt: Date.now() + expiresIn * 1000,
  });
  schedule(expiresIn);
}

function schedule(expiresInSeconds) {
  clearTimeout(timer);
  timer = setTimeout(() => refresh().catch(() => {}), Math.max(5, expiresInSeconds * 0.8) * 1000);
}

function clear() {
  clearTimeout(timer);
  timer = null;
  publish({ ...signedOut });
}

function withLock(fn) {
  return navigator.locks?.request ? navigator.locks.request(LOCK_NAME, fn) : fn();
}

/**
 * Spends the refresh cookie for a new access token, one tab at a time (a reused refresh token revokes the family).
 * Resolves true when signed in afterwards; a 401 signs out; a network error keeps the state and retries later.
 */
export function refresh() {
  if (!inflight) {
    inflight = withLock(async () => {
      try {
        acceptToken(await request("POST", "/api/v1/auth/console/refresh", { headers: CONSOLE_HEADERS, anonymous: true }));
        return true;
      } catch (e) {
        if (e.status === 401 || e.status === 403 || e.status === 404) {
          clear();
          return false;
        }
        if (state.status === "signed-in") schedule(15);
        else publish({ ...signedOut });
        return false;
      }
    }).finally(() => {
      inflight = null;
    });
  }
  return inflight;
}

/** Reads GET /users/me into the session; its tier is the plan now (the token's may lag). */
export async function loadUser() {
  try {
    const user = await api.get("/api/v1/users/me");
    if (state.status === "signed-in") publish({ ...state, user });
    return user;
  } catch (e) {
    console.warn("users/me", e);
    return null;
  }
}

configureAuth({
  token: () => state.accessToken,
  refresh: async () => state.status === "signed-in" && (await refresh()),
});

/** Boot: a reload keeps the session through the cookie (200 → signed in, 401 → sign-in). */
export async function restore() {
  if (await refresh()) await loadUser();
  return state;
}

export async function signIn(email, password) {
  const answer = await request("POST", "/api/v1/auth/console/login", {
    body: { email, password }, headers: CONSOLE_HEADERS, anonymous: true,
  });
  acceptToken(answer);
  await loadUser();
  return state;
}

export async function register(email, username, password) {
  await request("POST", "/api/v1/auth/register", { body: { email, username, password }, anonymous: true });
  return signIn(email, password);
}

export async function signOut() {
  try {
    await request("POST", "/api/v1/auth/console/logout", { headers: CONSOLE_HEADERS, retry: false });
  } catch (e) {
    console.warn("logout", e);
  }
  clear();
}

export function getSession() {
  return state;
}

/** Subscribes to every change of the session; returns the unsubscribe function. */
export function onSessionChange(cb) {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export function useSession() {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    setCurrent(state);
    return onSessionChange(setCurrent);
  }, []);
  return current;
}
