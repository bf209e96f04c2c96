// The real handoff and the test sidebar's dry run decide with one function (worker/handoff/decide.ts).
// Table-driven: for every method, helpdesk, destination, owner behaviour, identity state (and an
// earlier owner or none), the dry run shows exactly the decision; and a sample of the table run as real
// handoffs in workerd lands tickets exactly where the dry run said.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sign } from 'hono/jwt';
import { call, db } from './helpers';
import { freshAccount } from './dispatch-helpers';
import { switchEmailOn } from './email-helpers';
import { bearer, startConversation } from './widget-client';
import { accounts, tickets } from '../../worker/db/schema';
import { readSettings, writeSection } from '../../worker/settings/store';
import { channelHandoff, type ChannelHandoff } from '../../worker/settings/handoff';
import type { AccountSettings } from '../../worker/settings/schema';
import { decideHandoff, type HandoffIdentity } from '../../worker/handoff/decide';
import { previewHandoff, type PreviewFacts } from '../../worker/settings/handoff-preview';

const METHODS = ['ticket', 'none'] as const;
const HELPDESKS = ['inbox', 'zendesk', 'gorgias'] as const;
const OWNER = ['keep_alert', 'reassign', 'unassign'] as const;
const IDENTITIES: HandoffIdentity[] = ['verified', 'anonymous', 'email'];
const CHANNELS = ['web_chat', 'email', 'sms', 'whatsapp'] as const;

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const T1 = '00000000-0000-4000-8000-0000000000a1';

const facts: PreviewFacts = {
  now: Date.UTC(2026, 0, 5, 12),
  helpdeskStatus: { zendesk: 'connected', gorgias: 'connected' },
  rotation: [
    { userId: U1, name: 'Maya', online: true },
    { userId: U2, name: 'Leo', online: true },
  ],
  lastAssigneeId: null,
  teams: new Map([[T1, { name: 'Returns', memberIds: [U2] }]]),
  users: new Map([
    [U1, { name: 'Maya', online: true }],
    [U2, { name: 'Leo', online: true }],
  ]),
};

function withHandoff(
  base: AccountSettings,
  channel: (typeof CHANNELS)[number],
  patch: Partial<ChannelHandoff>,
): AccountSettings {
  const one = channelHandoff.parse({ ...base.handoff.channels[channel], ...patch });
  return { ...base, handoff: { ...base.handoff, channels: { ...base.handoff.channels, [channel]: one } } };
}

describe('the dry run shows the real decision', () => {
  it('for every method × helpdesk × destination × owner behaviour × identity × earlier owner × channel', async () => {
    const acc = await freshAccount('decide-table', 1);
    const base = await readSettings(db(), acc.accountId);
    const destinations: ChannelHandoff['destination'][] = [
      { kind: 'round_robin' },
      { kind: 'team', teamId: T1 },
      { kind: 'user', userId: U2 },
    ];
    let rows = 0;
    for (const channel of CHANNELS)
      for (const method of METHODS)
        for (const helpdesk of HELPDESKS)
          for (const destination of destinations)
            for (const ownerBehaviour of OWNER)
              for (const identity of IDENTITIES)
                for (const previousOwnerId of [null, U1]) {
                  if (identity === 'email' && channel !== 'web_chat') continue; // continuing by email is a web-chat choice
                  const settings = withHandoff(base, channel, { method, helpdesk, destination, ownerBehaviour });
                  const escalation = { reason: 'shopper requested', rule: 'human_request' };
                  const decision = decideHandoff(settings, {
                    channel,
                    identity,
                    tags: [],
                    language: null,
                    escalation,
                    previousOwnerId,
                  });
                  const preview = previewHandoff(
                    settings,
                    {
                      channel,
                      authenticated: identity === 'verified',
                      continueByEmail: identity === 'email',
                      tags: [],
                      language: null,
                      escalation,
                      previousOwnerId,
                    },
                    facts,
                  );
                  const row = `${channel}/${method}/${helpdesk}/${destination.kind}/${ownerBehaviour}/${identity}/${previousOwnerId}`;
                  expect(preview.outcome, row).toBe(decision.kind);
                  if (decision.kind === 'declined') expect(preview.messages, row).toEqual([decision.message]);
                  if (decision.kind === 'needs_identity') expect(preview.messages, row).toEqual([decision.message]);
                  if (decision.kind === 'ticket') {
                    expect(preview.helpdesk, row).toBe(decision.helpdesk);
                    expect(preview.continuation, row).toBe(decision.continuation);
                    if (decision.helpdesk === 'inbox')
                      expect({ route: preview.route, because: preview.because }, row).toEqual({
                        route: decision.route,
                        because: decision.because,
                      });
                  }
                  rows += 1;
                }
    expect(rows).toBeGreaterThan(500);
  });
});

describe('real handoffs land where the dry run said', () => {
  const sample: Array<{ name: string; patch: Partial<ChannelHandoff>; identity: 'verified' | 'email' }> = [
    {
      name: 'Inbox, round robin, signed in',
      patch: { helpdesk: 'inbox', destination: { kind: 'round_robin' } },
      identity: 'verified',
    },
    {
      name: 'Inbox, one teammate, signed in',
      patch: { helpdesk: 'inbox', destination: { kind: 'user', userId: U2 } },
      identity: 'verified',
    },
    {
      name: 'Inbox, continue by email',
      patch: { helpdesk: 'inbox', destination: { kind: 'round_robin' } },
      identity: 'email',
    },
    { name: 'Zendesk, signed in', patch: { helpdesk: 'zendesk' }, identity: 'verified' },
    { name: 'Gorgias, signed in', patch: { helpdesk: 'gorgias' }, identity: 'verified' },
    { name: "Don't hand off", patch: { method: 'none' }, identity: 'verified' },
  ];
  for (const s of sample) {
    it(s.name, async () => {
      const acc = await freshAccount(`decide-${s.name.replace(/\W+/g, '-').toLowerCase()}`, 1);
      await acc.online(acc.agents[0]!.id);
      // Continuing by email from the Inbox needs the Email channel on (worker/handoff/decide.ts continueByEmailOffered).
      if (s.identity === 'email') await switchEmailOn(acc.accountId, 'decide');
      const settings = withHandoff(await readSettings(db(), acc.accountId), 'web_chat', s.patch);
      await writeSection(db(), acc.accountId, null, 'handoff', settings.handoff);
      const account = await db().query.accounts.findFirst({ where: eq(accounts.id, acc.accountId) });
      const identityToken =
        s.identity === 'verified'
          ? await sign(
              {
                sub: `c-${crypto.randomUUID().slice(0, 8)}`,
                email: 'jo@shopper.test',
                exp: Math.floor(Date.now() / 1000) + 600,
              },
              account!.identityKey,
              'HS256',
            )
          : undefined;
      const conv = await startConversation({ siteKey: acc.siteKey, ...(identityToken ? { identityToken } : {}) });
      const escalated = await call<{ messages: Array<{ text: string }> }>(
        'POST',
        `/api/widget/conversations/${conv.conversationId}/escalate`,
        { body: { clientId: crypto.randomUUID() }, headers: bearer(conv.resumeToken) },
      );
      expect(escalated.status).toBe(200);
      if (s.identity === 'email') {
        const res = await call('POST', `/api/widget/conversations/${conv.conversationId}/handoff-email`, {
          body: { clientId: crypto.randomUUID(), email: 'anon@buyer.test' },
          headers: bearer(conv.resumeToken),
        });
        expect(res.status).toBe(200);
      }
      const preview = previewHandoff(
        settings,
        {
          channel: 'web_chat',
          authenticated: s.identity === 'verified',
          continueByEmail: s.identity === 'email',
          tags: [],
          language: null,
          escalation: { reason: 'shopper requested', rule: 'human_request' },
        },
        facts,
      );
      // A continue-by-email ticket lives on its own email conversation: find the account's (only) ticket.
      const made = await db().select().from(tickets).where(eq(tickets.accountId, acc.accountId));
      if (preview.outcome === 'declined') {
        expect(made).toEqual([]);
        expect(escalated.json.messages.map((m) => m.text)).toEqual(preview.messages);
        return;
      }
      expect(made).toHaveLength(1);
      const snapshot = made[0]!.routingSnapshot as { route: unknown; continuation: string };
      expect({ helpdesk: made[0]!.helpdesk, continuation: snapshot.continuation }).toEqual({
        helpdesk: preview.helpdesk,
        continuation: preview.continuation,
      });
      if (preview.helpdesk === 'inbox') expect(snapshot.route).toEqual(preview.route);
    });
  }
});
