// Tells teammates (and a web-chat shopper) that this member is typing a reply: "on" at the first
// keystroke and again at most every REPEAT_MS while typing continues (the server forgets a mark after
// 15 s), "off" after IDLE_MS without a keystroke, when the draft is emptied or sent, and on leaving.
import { useEffect, useMemo } from 'preact/hooks';
import type { LiveConnection } from './live';

const REPEAT_MS = 5_000;
const IDLE_MS = 6_000;

export function useTypingSignal(conn: LiveConnection, ticketId: string) {
  const signal = useMemo(() => {
    let on = false;
    let sentAt = 0;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(idle);
      if (on) conn.typing(ticketId, false);
      on = false;
    };
    const input = (text: string) => {
      if (!text.trim()) return stop();
      const now = Date.now();
      if (!on || now - sentAt >= REPEAT_MS) {
        conn.typing(ticketId, true);
        sentAt = now;
        on = true;
      }
      clearTimeout(idle);
      idle = setTimeout(stop, IDLE_MS);
    };
    return { input, stop };
  }, [conn, ticketId]);
  useEffect(() => signal.stop, [signal]);
  return signal;
}
