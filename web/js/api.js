// Calls to the peacesearch HTTP API. Each kind of call has its own AbortController, so a new
// search cancels the one in flight; the caller also checks a sequence number before rendering.

const base = '';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const controllers = new Map();

async function getJson(kind, path, params) {
  controllers.get(kind)?.abort();
  const controller = new AbortController();
  controllers.set(kind, controller);
  const url = base + path + (params && params.toString() ? '?' + params : '');
  const res = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const err = body && body.error;
    throw new ApiError(res.status, err?.code || 'http_error', err?.message || `HTTP ${res.status}`);
  }
  return body;
}

/// Values per facet the page asks for: every country there is (ISO 3166-1 has 249), so the
/// map and the checkboxes count them all.
export const FACET_LIMIT = 300;

/// GET /search with the page state's parameters (plus facet_limit so every value is listed).
export function search(params) {
  const p = new URLSearchParams(params);
  p.set('facet_limit', String(FACET_LIMIT));
  return getJson('search', '/search', p);
}

/// GET /suggest?q=…
export function suggest(q, uiLang, limit = 8) {
  return getJson('suggest', '/suggest', new URLSearchParams({ q, limit: String(limit), ui_lang: uiLang }));
}

/// GET /documents/{id}
export function documentById(id, uiLang) {
  return getJson('document', '/documents/' + encodeURIComponent(id), new URLSearchParams({ ui_lang: uiLang }));
}

export function isAbort(err) {
  return err && err.name === 'AbortError';
}
