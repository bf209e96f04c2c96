// The chat app, served as /widget-chat.js (an ES module with Preact inside; budget ≤ 20 KB gzip).
// The loader appends it as <script type="module" nonce> when the shopper opens the chat (or when
// idle, if a conversation is running); on evaluation it hands `mount` to the loader through
// `window.__batonChat` (see ../types.ts).
import { render } from 'preact';
import type { WidgetConfig } from '../../worker/protocol/widget';
import type { BatonWindow, ChatApp, ChatHost } from '../types';
import { adopt } from '../shared';
import { ChatClient } from './client';
import { App } from './App';
import { CSS } from './styles';
import { localeFrom, t } from './i18n';

export function mount(host: ChatHost): ChatApp {
  adopt(host.root, CSS, host.nonce);
  const container = document.createElement('div');
  host.root.append(container);
  let open = false;
  let configured: WidgetConfig | null = null;

  // The unread badge sits on the launcher: a visible count and a status line for screen readers,
  // which is also the launcher's accessible description ("2 unread messages").
  const badge = document.createElement('span');
  const said = document.createElement('span');
  badge.className = 'u';
  badge.setAttribute('part', 'badge');
  badge.setAttribute('aria-hidden', 'true');
  said.className = 's';
  said.id = 'baton-unread';
  said.setAttribute('role', 'status');
  host.launcher.after(badge, said);
  host.launcher.setAttribute('aria-describedby', said.id);
  const onUnread = (count: number) => {
    badge.textContent = count ? (count > 99 ? '99+' : String(count)) : '';
    said.textContent = count ? (count === 1 ? t('unreadOne') : t('unreadMany', { n: count })) : '';
    host.emit('unread', count);
  };

  const client = new ChatClient({
    origin: host.origin,
    siteKey: host.siteKey,
    identityToken: host.identityToken,
    onUnread,
    onMessage: (message) => host.emit('message', message),
  });
  client.subscribe(() => {
    // A config the chat fetched (or got with a new conversation) goes to the loader too: theme,
    // launcher language, and no launcher at all once web chat is switched off.
    const config = client.state.config;
    if (config && config !== configured) {
      localeFrom((configured = config));
      host.configure(config);
    }
  });

  const draw = () =>
    render(<App client={client} open={open} origin={host.origin} onClose={() => host.close()} />, container);
  draw();
  client.start();

  return {
    open() {
      open = true;
      client.setOpen(true);
      draw();
    },
    close() {
      open = false;
      client.setOpen(false);
      draw();
    },
    identify: (token) => client.identify(token),
    destroy() {
      client.destroy();
      render(null, container);
      container.remove();
      badge.remove();
      said.remove();
      host.launcher.removeAttribute('aria-describedby');
    },
  };
}

const w = window as Window & BatonWindow;
const waiting = w.__batonChat;
w.__batonChat = { mount };
if (typeof waiting === 'function') waiting(mount);
