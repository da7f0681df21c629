// The desk's REST API and WebSocket, with the session: token kept per tab, silent re-login on 401.
const BASE = '/api/v1';
const TOKEN_KEY = 'desk.token';

let token = sessionStorage.getItem(TOKEN_KEY);
let relogin = null; // () => Promise<login response> when a fresh login is possible without the person (initData)
let language = 'en';

export class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.code = error.code || 'NETWORK';
    this.details = error.details || [];
  }
  /** The 422 details as {field: message}. */
  fields() {
    return Object.fromEntries(this.details.map((d) => [d.field, d.message]));
  }
}

export function setLanguage(code) { language = code; }
export function hasToken() { return !!token; }
export function currentToken() { return token; }
export function setRelogin(fn) { relogin = fn; }

export function remember(login) {
  token = login.access_token;
  sessionStorage.setItem(TOKEN_KEY, token);
  return login.user;
}

export function forget() {
  token = null;
  sessionStorage.removeItem(TOKEN_KEY);
}

async function send(method, path, body, retried) {
  const headers = { 'Accept-Language': language };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (offline) {
    throw new ApiError(0, { error: { code: 'NETWORK', message: '' } });
  }
  if (response.status === 401 && !retried && relogin && !path.startsWith('/auth/')) {
    remember(await relogin());
    return send(method, path, body, true);
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const api = {
  get: (path) => send('GET', path),
  post: (path, body) => send('POST', path, body ?? {}),
  put: (path, body) => send('PUT', path, body),
  del: (path) => send('DELETE', path),
  /** Login routes: no token needed, no re-login on failure. */
  login: (kind, body) => send('POST', `/auth/${kind}`, body, true).then(remember),
};

export function query(params) {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return pairs.length ? '?' + new URLSearchParams(pairs).toString() : '';
}

/** Multipart upload with progress (fetch has none): resolves to the stored file. */
export function upload(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${BASE}/files/upload`);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept-Language', language);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let json = null;
      try { json = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else reject(new ApiError(xhr.status, json));
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

const blobs = new Map();
/** An attachment as a blob: URL (the file route wants the token, an <img src> cannot send it). */
export async function fileUrl(url) {
  if (!blobs.has(url)) {
    blobs.set(url, (async () => {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) throw new ApiError(response.status, null);
      return URL.createObjectURL(await response.blob());
    })());
  }
  return blobs.get(url);
}

/**
 * A ticket's live feed: reconnects with backoff, and calls onReconnect after every reconnection
 * so the screen reloads the messages it may have missed.
 */
export function watchTicket(ticketId, { onEvent, onState, onReconnect }) {
  let socket = null;
  let closed = false;
  let attempts = 0;
  let timer = null;
  let pinger = null;
  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/ws/tickets/${ticketId}?token=${encodeURIComponent(token)}`);
    socket.onopen = () => {
      if (attempts > 0) onReconnect();
      attempts = 0;
      onState('open');
      pinger = setInterval(() => socket.readyState === 1 && socket.send('{"type":"ping"}'), 25000);
    };
    socket.onmessage = (e) => {
      const frame = JSON.parse(e.data);
      if (frame.type !== 'pong') onEvent(frame);
    };
    socket.onclose = (e) => {
      clearInterval(pinger);
      if (closed) return;
      onState('lost');
      if (e.code === 1008) { onState('refused'); return; }
      attempts += 1;
      timer = setTimeout(async () => {
        if (relogin && attempts > 1) { try { remember(await relogin()); } catch (ignored) { /* retry anyway */ } }
        open();
      }, Math.min(15000, 500 * 2 ** Math.min(attempts, 5)));
    };
  };
  open();
  return {
    typing(isTyping, isInternal) {
      if (socket && socket.readyState === 1) {
        socket.send(JSON.stringify({ type: 'typing', data: { is_typing: isTyping, is_internal: !!isInternal } }));
      }
    },
    close() { closed = true; clearTimeout(timer); clearInterval(pinger); if (socket) socket.close(); },
  };
}
