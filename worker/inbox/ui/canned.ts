// Canned replies as the inbox sees them (GET /api/canned-replies): yours first, then account-wide.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { Status } from './types';

export interface CannedReply {
  id: string;
  name: string;
  body: string;
  scope: 'account' | 'personal';
  /** A macro: the status and tags its reply sets when sent. */
  setStatus: Status | null;
  addTags: string[];
}

export const isMacro = (c: Pick<CannedReply, 'setStatus' | 'addTags'>) => c.setStatus !== null || c.addTags.length > 0;

/** "status → pending, tags + refund, shipping". */
export function macroSummary(c: Pick<CannedReply, 'setStatus' | 'addTags'>): string {
  return [c.setStatus && `status → ${c.setStatus}`, c.addTags.length > 0 && `tags + ${c.addTags.join(', ')}`]
    .filter(Boolean)
    .join(', ');
}

/** The list, loaded when `active` first becomes true (the picker opens, the settings section shows). */
export function useCannedReplies(active: boolean) {
  const [replies, setReplies] = useState<CannedReply[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = async () => {
    try {
      setReplies((await api<{ cannedReplies: CannedReply[] }>('GET', '/api/canned-replies')).cannedReplies);
      setError(null);
    } catch {
      setError('Could not load canned replies');
    }
  };
  useEffect(() => {
    if (active && replies === null) void reload();
  }, [active]);
  return { replies, error, reload };
}
