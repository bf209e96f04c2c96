// "/" in the reply box: while the word before the caret starts with "/", the picker lists matching
// canned replies; choosing one replaces "/word" with the reply's text, its variables filled by the
// server for this ticket (GET /api/tickets/:id/canned-replies/:cannedId). A macro is remembered so the
// reply box sends its id with the reply (the server sets its status and tags with it).
import { useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { isMacro, useCannedReplies, type CannedReply } from './canned';
import { filterCanned, optionId, slashQuery } from './CannedPicker';

export interface PendingMacro {
  id: string;
  name: string;
  setStatus: CannedReply['setStatus'];
  addTags: string[];
}

export function useCannedInsert(
  ticketId: string,
  onText: (text: string, caret: number) => void,
  onError: (message: string) => void,
) {
  const [slash, setSlash] = useState<{ start: number; end: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [macro, setMacro] = useState<PendingMacro | null>(null);
  const { replies } = useCannedReplies(slash !== null);
  const options = slash && replies ? filterCanned(replies, slash.query) : null;

  /** After every edit or caret move: is a "/word" being typed? */
  function track(text: string, caret: number) {
    const found = slashQuery(text, caret);
    setSlash(found ? { ...found, end: caret } : null);
    if (!found || found.query !== slash?.query) setActive(0);
  }

  async function pick(reply: CannedReply, text: string) {
    if (!slash) return;
    const at = slash;
    setSlash(null);
    try {
      const res = await api<{ text: string }>('GET', `/api/tickets/${ticketId}/canned-replies/${reply.id}`);
      onText(text.slice(0, at.start) + res.text + text.slice(at.end), at.start + res.text.length);
      if (isMacro(reply))
        setMacro({ id: reply.id, name: reply.name, setStatus: reply.setStatus, addTags: reply.addTags });
    } catch (err) {
      onError(err instanceof ApiFailure ? err.message : 'Could not insert the canned reply');
    }
  }

  /** Keys while the picker is open; true when the key was the picker's. */
  function key(e: KeyboardEvent, text: string): boolean {
    if (!slash) return false;
    if (e.key === 'Escape') {
      setSlash(null);
      return true;
    }
    if (!options?.length) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
      return true;
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      const chosen = options[Math.min(active, options.length - 1)];
      if (chosen) void pick(chosen, text);
      return true;
    }
    return false;
  }

  const activeId = options?.[active] ? optionId(options[active].id) : undefined;
  return {
    open: slash !== null,
    options,
    active,
    activeId,
    track,
    pick,
    key,
    macro,
    clearMacro: () => setMacro(null),
    close: () => setSlash(null),
  };
}
