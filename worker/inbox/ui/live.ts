// The inbox's live connection to the account's Dispatcher. Reconnects with backoff; after every
// connect the screens refetch (events sent while not connected are not replayed).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InboxServerFrame } from './types';

export type LiveState = 'connecting' | 'live' | 'offline';

export class LiveConnection {
  private ws: WebSocket | null = null;
  private viewing: string | null = null;
  private retry = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly onFrame: (frame: InboxServerFrame) => void,
    private readonly onState: (state: LiveState, refetch: boolean) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close(1000, 'leaving');
  }

  /** Tells the server which ticket is on screen, so its messages come here. */
  view(ticketId: string | null): void {
    this.viewing = ticketId;
    this.send({ type: 'view', ticketId });
  }

  /** The member is (on) or stopped (off) typing a reply on the ticket they view; see useTypingSignal. */
  typing(ticketId: string, on: boolean): void {
    this.send({ type: 'typing', ticketId, on });
  }

  private open(): void {
    this.onState('connecting', false);
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/inbox/socket`);
    this.ws = ws;
    ws.onopen = () => {
      this.retry = 0;
      // Also on the first connect: a change made between the screens' first fetch and this moment sent
      // its event to nobody, so the screens refetch once the socket is live.
      this.onState('live', true);
      if (this.viewing) this.send({ type: 'view', ticketId: this.viewing });
    };
    ws.onmessage = (e) => {
      try {
        this.onFrame(JSON.parse(String(e.data)) as InboxServerFrame);
      } catch {
        // not ours to handle
      }
    };
    ws.onclose = (e) => {
      this.onState('offline', false);
      if (this.stopped || e.code === 4401) return; // signed out: no point reconnecting
      const delay = Math.min(15_000, 500 * 2 ** this.retry++);
      this.timer = setTimeout(() => this.open(), delay);
    };
  }

  private send(frame: unknown): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }
}

/** One connection for the signed-in shell; every frame goes to the latest handler. */
export function useLive(handler: (frame: InboxServerFrame) => void, onReconnect: () => void) {
  const handlerRef = useRef(handler);
  const reconnectRef = useRef(onReconnect);
  handlerRef.current = handler;
  reconnectRef.current = onReconnect;
  const [state, setState] = useState<LiveState>('connecting');
  const [conn] = useState(
    () =>
      new LiveConnection(
        (f) => handlerRef.current(f),
        (s, refetch) => {
          setState(s);
          if (refetch) reconnectRef.current();
        },
      ),
  );
  useEffect(() => {
    conn.start();
    return () => conn.stop();
  }, [conn]);
  return { state, conn };
}
