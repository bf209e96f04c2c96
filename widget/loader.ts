// The embed loader, served as /widget.js (budget ≤ 2 KB gzip, so it is written for size). A
// storefront pastes:
//
//   <script>window.Baton=window.Baton||function(){(Baton.q=Baton.q||[]).push(arguments)};</script>
//   <script async src="https://BATON_HOST/widget.js" data-site-key="pk_..." nonce="..."></script>
//
// It draws only the launcher, in a shadow root on <div data-baton> at the end of <body> — and only
// once the widget config (cached for 5 minutes, per browser language) says web chat is on: a store
// that switched web chat off shows no launcher at all. The launcher's words come with that config in
// the shopper's language. It loads
// the chat app (<script type="module" src="{origin}/widget-chat.js" nonce>) when the shopper opens
// the chat, or when the browser is idle if a conversation is already running. The handshake with
// the chat app is described in ./types.ts.
//
// JS API: Baton('identify', jwt) · Baton('open') · Baton('close') · Baton('on', event, fn)
// with events 'message' (WireMessage), 'open', 'close', 'unread' (count) · Baton('shutdown').
import { adopt, configKey, configUrl, conversationKey, type CachedConfig } from './shared';
import type { WidgetConfig } from '../worker/protocol/widget';
import type { BatonWindow, ChatApp, Mount } from './types';

type Listener = (payload?: unknown) => void;
/** window.Baton: the snippet's queueing stub, or the live API once this file has run. */
type BatonFn = ((...args: unknown[]) => void) & { q?: Iterable<unknown>[]; live?: 1 };

const w = window as Window & BatonWindow & { Baton?: BatonFn };
const doc = document;

// A storefront rule such as `* { all: unset !important }` matches the host element, but for
// !important declarations the shadow tree's own context wins, so `:host { all: initial !important }`
// resets it; inherited font and colour are then set here. Page rules never reach inside the shadow
// root. The launcher keeps the browser's own focus ring. The icon colour contrasts with the brand colour by itself (relative colour syntax) unless
// --baton-brand-text says otherwise. Theme with --baton-brand, --baton-brand-text, --baton-font, --baton-offset-x/-y.
const CSS = `:host{all:initial!important;position:fixed!important;z-index:2147483000!important;font:14px/1.45 var(--baton-font,system-ui,sans-serif)!important;color:#1d1d1f!important;--b:var(--baton-brand,var(--baton-config-brand,#2456d6));--bt:var(--baton-brand-text,#fff);--x:var(--baton-offset-x,20px);--y:var(--baton-offset-y,20px)}
.w{position:fixed;right:var(--x);bottom:var(--y)}
:host([data-position=bottom-left]) .w{right:auto;left:var(--x)}
.l{border:0;padding:0;width:56px;height:56px;border-radius:50%;background:var(--b);color:var(--bt);display:grid;place-items:center;cursor:pointer;box-shadow:0 4px 16px #0004}
.l svg{width:26px;fill:currentColor}
.s{position:absolute;clip-path:inset(50%)}
@supports (color:lch(from red l c h)){:host{--bt:var(--baton-brand-text,lch(from var(--b) calc((62 - l)*9) 0 0))}}`;

const BUBBLE = 'M3 3h18v13H9l-6 5z';
const CHEVRON = 'M7.4 8.6l4.6 4.6 4.6-4.6L18 10l-6 6-6-6z';

/** Sets attributes and appends: the loader's only DOM helper. */
function put<E extends Element>(node: E, parent: ParentNode | null, attrs: Record<string, string>): E {
  for (const k in attrs) node.setAttribute(k, attrs[k]!);
  parent?.append(node);
  return node;
}

function boot(script: HTMLScriptElement, siteKey: string): void {
  const origin = new URL(script.src).origin;
  const nonce = script.nonce || '';
  const listeners: Record<string, Listener[]> = {};
  let chat: ChatApp | null = null;
  let t: Record<string, string> = {};
  let on: unknown = 0;
  let token: string | null = null;
  let open = false;
  let loading = false;
  let dead = false;
  let tries = 0;
  let chatScript: HTMLScriptElement | undefined;

  const host = doc.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  host.setAttribute('data-baton', '');
  adopt(root, CSS, nonce);
  const wrap = put(doc.createElement('div'), root, { class: 'w' });
  const button = put(doc.createElement('button'), wrap, { class: 'l', part: 'launcher' });
  const svg = put(doc.createElementNS('http://www.w3.org/2000/svg', 'svg'), button, { viewBox: '0 0 24 24' });
  const path = put(doc.createElementNS('http://www.w3.org/2000/svg', 'path'), svg, {});
  const status = put(doc.createElement('span'), wrap, { class: 's', role: 'status' });

  // Listeners run on their own task: one that throws cannot break the widget.
  const emit = (event: string, payload?: unknown): void =>
    listeners[event]?.forEach((fn) => setTimeout(fn, 0, payload));

  const setOpen = (value: boolean): void => {
    open = value;
    put(button, null, { 'aria-expanded': `${value}`, 'aria-label': value ? t.closeChat! : t.open! });
    path.setAttribute('d', value ? CHEVRON : BUBBLE);
  };

  const doOpen = (): void => {
    if (open) return;
    setOpen(true);
    if (chat) chat.open();
    else load();
    emit('open');
  };

  const doClose = (): void => {
    if (!open) return;
    const focused = root.activeElement;
    setOpen(false);
    chat?.close();
    if (focused) button.focus();
    emit('close');
  };

  // Only when not yet in the page: append() moves a node that is, and moving it blurs the chat's focused
  // message box (a config arriving while the shopper types lost their keystrokes).
  const attach = (): void => void (on && !dead && !host.isConnected && doc.body?.append(host));
  // The merchant's colour and side (a storefront's own --baton-brand wins), the launcher's language,
  // and whether there is a launcher at all.
  const configure = (config: WidgetConfig): void => {
    host.style.setProperty('--baton-config-brand', config.brandColor);
    put(host, null, { 'data-position': config.launcherPosition, lang: config.locale });
    t = config.strings;
    setOpen(open);
    if ((on = config.enabled)) attach();
    else doClose(), host.remove();
  };

  const ready = (mount: Mount): void => {
    if (dead || chat) return;
    loading = false;
    chat = mount({
      root,
      launcher: button,
      origin,
      siteKey,
      nonce,
      identityToken: token,
      close: doClose,
      configure,
      emit,
    });
    if (open) chat.open();
  };

  function load(): void {
    if (chat || loading || dead) return;
    loading = true;
    const mount = (w.__batonChat as { mount?: Mount } | undefined)?.mount;
    if (mount) return ready(mount);
    w.__batonChat = ready;
    status.textContent = '';
    // A module URL that failed once stays failed for the page's lifetime: a retry needs a new URL.
    const s = (chatScript = put(doc.createElement('script'), doc.head, {
      type: 'module',
      nonce,
      src: `${origin}/widget-chat.js${tries++ ? `?r=${tries}` : ''}`,
    }));
    s.onerror = () => {
      loading = false;
      s.remove();
      if (dead || !open) return;
      setOpen(false);
      status.textContent = t.loadError!;
      emit('close');
    };
  }

  const api: BatonFn = (command, a, b) => {
    if (dead) return;
    if (command === 'open') doOpen();
    if (command === 'close') doClose();
    // (not `chat?.identify((token = a))`: optional chaining would skip the assignment before the chat loads)
    if (command === 'identify' && typeof a === 'string') (token = a), chat?.identify(a);
    if (command === 'on' && typeof a === 'string' && typeof b === 'function') (listeners[a] ??= []).push(b as Listener);
    if (command === 'shutdown') {
      dead = true;
      chat?.destroy();
      host.remove();
      chatScript?.remove();
      if (w.__batonChat === ready) delete w.__batonChat;
      const stub: BatonFn = (...args) => void (stub.q ??= []).push(args);
      w.Baton = stub;
    }
  };
  api.live = 1;
  button.onclick = () => (open ? doClose() : doOpen());

  let hasConversation: string | null = null;
  let cached: CachedConfig | null = null;
  const lang = navigator.language;
  try {
    hasConversation = localStorage.getItem(conversationKey(siteKey));
    cached = JSON.parse(localStorage.getItem(configKey(siteKey))!) as CachedConfig | null;
    if (cached?.lang === lang) configure(cached.config);
    else cached = null;
  } catch {
    // Storage blocked or a damaged entry: wait for the config.
  }
  if (!cached || Date.now() - cached.at > 3e5)
    fetch(configUrl(origin, siteKey))
      .then((r) => r.json() as Promise<Partial<CachedConfig>>)
      .then(({ config }) => {
        // A refusal (unknown site key, origin not allowed) is an error body without a config.
        if (dead || !config) return;
        configure(config);
        localStorage.setItem(configKey(siteKey), JSON.stringify({ at: Date.now(), lang, config }));
      })
      // Refused or unreachable: a launcher that cannot work is not shown (a cached config keeps it,
      // with its outbox, while Baton is unreachable).
      .catch(() => {});
  // When idle, resume a running conversation (for live replies and the unread badge).
  const idle = (): void => void (hasConversation && !dead && load());
  if ('requestIdleCallback' in w) requestIdleCallback(idle, { timeout: 4000 });
  else setTimeout(idle, 1500);

  doc.addEventListener('DOMContentLoaded', attach);

  const queued = w.Baton?.q;
  w.Baton = api;
  queued?.forEach((args) => api(...args));
}

const current = doc.currentScript as HTMLScriptElement | null;
const key = current?.getAttribute('data-site-key');
// Without data-site-key there is no store to show a launcher for.
if (!w.Baton?.live && key) boot(current!, key);
