// fetch + problem+json. Adds the in-memory access token; on 401 refreshes once (via session.js) and retries.
// Errors are ApiError: status, problem (the RFC 9457 body), fieldErrors (api field -> message), message.

export class ApiError extends Error {
  constructor(status, problem) {
    const body = problem && typeof problem === "object" ? problem : {};
    super(body.detail || body.title || (status ? `Request failed (${status})` : "The server cannot be reached"));
    this.name = "ApiError";
    this.status = status;
    this.problem = body;
    this.fieldErrors = {};
    for (const e of Array.isArray(body.errors) ? body.errors : []) {
      const field = e.field || e.name || e.pointer;
      if (field && !(field in this.fieldErrors)) this.fieldErrors[field] = e.message || e.detail || "Invalid value";
    }
  }
}

// session.js plugs itself in here (no import cycle): token() gives the current access token, refresh() renews it
// and resolves true when a new token is there.
let auth = { token: () => null, refresh: async () => false };
export function configureAuth(hooks) {
  auth = { ...auth, ...hooks };
}

function url(path, params) {
  const u = new URL(path.startsWith("/") ? path : `/api/v1/${path}`, location.origin);
  if (params) {
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined || value === null || value === "") continue;
      if (Array.isArray(value)) value.forEach((v) => u.searchParams.append(key, v));
      else u.searchParams.set(key, value);
    }
  }
  return u.pathname + u.search;
}

async function parse(response) {
  if (response.status === 204 || response.status === 205) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { title: text.slice(0, 200) };
  }
}

/** One request; options.anonymous skips the token, options.headers adds headers, options.retry=false skips refresh. */
export async function request(method, path, { params, body, headers = {}, anonymous = false, retry = true } = {}) {
  const send = () => {
    const h = { Accept: "application/json, application/problem+json", ...headers };
    const token = anonymous ? null : auth.token();
    if (token) h.Authorization = `Bearer ${token}`;
    if (body !== undefined) h["Content-Type"] = "application/json";
    return fetch(url(path, params), {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  };
  let response;
  try {
    response = await send();
    if (response.status === 401 && !anonymous && retry && (await auth.refresh())) response = await send();
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, { title: "The server cannot be reached", detail: "The server cannot be reached. Check your connection." });
  }
  const data = await parse(response);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const api = {
  get: (path, params) => request("GET", path, { params }),
  post: (path, body) => request("POST", path, { body }),
  put: (path, body) => request("PUT", path, { body }),
  patch: (path, body) => request("PATCH", path, { body }),
  del: (path) => request("DELETE", path),
};
