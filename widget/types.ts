// The loader ↔ chat handshake (types only; nothing here ends up in either bundle).
//
//   1. The loader (widget.js) sets `window.__batonChat = ready` (a function) and appends
//      <script type="module" src="{origin}/widget-chat.js" nonce="{nonce}">.
//   2. The chat module (widget-chat.js), when evaluated, replaces the global with `{ mount }` and
//      calls the function it found there, if any: `ready(mount)`.
//   3. The loader calls `mount(host)` once and drives the returned `ChatApp`.
//
// Module scripts run once per document, so a loader started again after `Baton('shutdown')`
// finds `{ mount }` already in place and calls it without adding another script.
import type { WidgetConfig, WireMessage } from '../worker/protocol/widget';

/** What the loader gives the chat app. */
export interface ChatHost {
  /** The widget's shadow root (the launcher is in it; the chat adds its panel and stylesheet). */
  root: ShadowRoot;
  /** The launcher button; the chat app puts the unread badge next to it. */
  launcher: HTMLElement;
  /** Baton's origin, from the loader script's own src, e.g. "https://baton.example". */
  origin: string;
  siteKey: string;
  /** The CSP nonce of the loader script ('' if none), for the fallback <style> element. */
  nonce: string;
  /** The latest `Baton('identify', token)`, if any. */
  identityToken: string | null;
  /** A fresh widget config: the loader applies its theme and launcher strings, and removes the widget if web chat is off. */
  configure(config: WidgetConfig): void;
  /** Close the panel (close button, Escape): the loader updates the launcher and returns focus to it. */
  close(): void;
  /**
   * Events for `Baton('on', event, fn)` listeners: 'message' (a new agent/human message) and
   * 'unread' (agent/human messages received while the panel is closed; 0 when it opens).
   */
  emit(event: 'message', message: WireMessage): void;
  emit(event: 'unread', count: number): void;
}

/** What `mount` returns to the loader. */
export interface ChatApp {
  open(): void;
  close(): void;
  identify(token: string): void;
  /** Close the socket, clear timers, unmount Preact; the loader then removes the host element. */
  destroy(): void;
}

export type Mount = (host: ChatHost) => ChatApp;

/** `window.__batonChat`: the loader's callback until the chat module runs, then `{ mount }`. */
export type ChatSlot = ((mount: Mount) => void) | { mount: Mount };

export interface BatonWindow {
  __batonChat?: ChatSlot;
}
