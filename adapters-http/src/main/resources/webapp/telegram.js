// Telegram.WebApp when the desk runs inside Telegram; harmless no-ops in a plain browser.
const SCRIPT = 'https://telegram.org/js/telegram-web-app.js';

/** Inside Telegram the launch parameters come in the URL fragment (or, after a reload, in sessionStorage). */
function launchedFromTelegram() {
  return location.hash.includes('tgWebAppData=') || !!sessionStorage.getItem('__telegram__initParams');
}

/** Loads Telegram's script only when launched by Telegram, so a plain browser never waits on telegram.org. */
export async function loadTelegram() {
  if (window.Telegram && window.Telegram.WebApp) return window.Telegram.WebApp;
  if (!launchedFromTelegram()) return null;
  await new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = SCRIPT;
    script.onload = resolve;
    script.onerror = resolve;
    document.head.appendChild(script);
  });
  return (window.Telegram && window.Telegram.WebApp) || null;
}

let webApp = null;
let backHandler = null;
let mainHandler = null;

export function init(app) {
  webApp = app && app.initData ? app : null;
  if (!webApp) return;
  webApp.ready();
  webApp.expand();
  webApp.onEvent('backButtonClicked', () => backHandler && backHandler());
  webApp.onEvent('mainButtonClicked', () => mainHandler && mainHandler());
  webApp.onEvent('themeChanged', () => applyTheme());
  webApp.onEvent('viewportChanged', () => applyViewport());
  applyViewport();
}

export function inTelegram() { return !!webApp; }
export function initData() { return webApp ? webApp.initData : ''; }
export function telegramUser() { return (webApp && webApp.initDataUnsafe && webApp.initDataUnsafe.user) || null; }
export function startParam() {
  return (webApp && webApp.initDataUnsafe && webApp.initDataUnsafe.start_param)
    || new URLSearchParams(location.search).get('startapp') || null;
}

function applyViewport() {
  const height = webApp && webApp.viewportStableHeight;
  if (height) document.documentElement.style.setProperty('--viewport-height', `${height}px`);
}

/**
 * Theme: Telegram's colour scheme inside Telegram, the person's choice or the system's outside. Our own
 * palettes are used for text so contrast stays AA; Telegram's accent colours tint the chrome.
 */
export function applyTheme(choice) {
  const saved = choice ?? localStorage.getItem('desk.theme') ?? 'auto';
  let scheme;
  if (saved === 'light' || saved === 'dark') scheme = saved;
  else if (webApp) scheme = webApp.colorScheme === 'dark' ? 'dark' : 'light';
  else scheme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  const root = document.documentElement;
  root.dataset.theme = scheme;
  const params = (webApp && webApp.themeParams) || {};
  const fromTelegram = saved === 'auto' && webApp;
  for (const [name, key] of [['--bg', 'bg_color'], ['--surface', 'secondary_bg_color']]) {
    if (fromTelegram && params[key]) root.style.setProperty(name, params[key]);
    else root.style.removeProperty(name);
  }
  if (webApp) {
    const bg = getComputedStyle(root).getPropertyValue('--bg').trim();
    try { webApp.setHeaderColor(bg); webApp.setBackgroundColor(bg); } catch (old) { /* older clients */ }
  }
  return scheme;
}

/** Telegram's BackButton (shown when a screen has somewhere to go back to). */
export function setBack(handler) {
  backHandler = handler;
  if (!webApp) return;
  if (handler) webApp.BackButton.show(); else webApp.BackButton.hide();
}

/** Telegram's MainButton: the screen's one main action, e.g. "Create ticket". */
export function setMainButton(text, handler, { active = true, progress = false } = {}) {
  mainHandler = handler;
  if (!webApp) return;
  const button = webApp.MainButton;
  if (!handler) { button.hide(); return; }
  button.setText(text);
  if (active) button.enable(); else button.disable();
  if (progress) button.showProgress(); else button.hideProgress();
  button.show();
}

export function haptic(kind) {
  try { if (webApp) webApp.HapticFeedback.notificationOccurred(kind); } catch (old) { /* no haptics */ }
}
