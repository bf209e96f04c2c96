// The widget socket's hot path (issue 13, 1,000-socket load): a message over the socket reaches the
// conversation's object with no Worker hop, so nothing told it the current content version; the room
// takes the isolate's snapshot when its version was read from D1 less than HELD_SETTINGS_TTL_MS ago,
// like its held settings, instead of one D1 read per message. Older than that, it is read again.
import { describe, expect, it } from 'vitest';
import { loadStoreIndex, recentStoreIndex } from '../../worker/agent/retrieval/snapshot';
import { HELD_SETTINGS_TTL_MS } from '../../worker/settings/held';
import { db, demoAccount } from './helpers';
import { ShopperSocket, startConversation } from './widget-client';

describe('socket hot path', () => {
  it('a snapshot checked within the TTL is used as it is; an older check is not', async () => {
    const { id: accountId } = await demoAccount();
    const index = await loadStoreIndex(db(), accountId);
    const now = Date.now();
    expect(recentStoreIndex(accountId, HELD_SETTINGS_TTL_MS, now)).toBe(index);
    expect(recentStoreIndex(accountId, HELD_SETTINGS_TTL_MS, now + HELD_SETTINGS_TTL_MS + 1)).toBeNull();
    expect(recentStoreIndex('no-such-account', HELD_SETTINGS_TTL_MS, now)).toBeNull();
  });

  it('a socket message is answered by the agent without typing frames (a turn with no network call)', async () => {
    const conv = await startConversation();
    const ws = await ShopperSocket.open(conv, conv.resumeToken);
    ws.send({ type: 'message', clientId: crypto.randomUUID(), text: 'What is your return policy?' });
    const answered = () => ws.pending().some((f) => f.type === 'message' && f.message.role === 'agent');
    for (let i = 0; i < 250 && !answered(); i++) await new Promise((r) => setTimeout(r, 20));
    const types = ws.pending().map((f) => f.type);
    expect(answered()).toBe(true);
    expect(types).toContain('ack');
    expect(types).not.toContain('typing');
    ws.close();
  });
});
