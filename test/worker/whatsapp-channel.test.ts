// The WhatsApp channel end to end against the Cloud API stand-in: Meta's GET verification, a
// conversation from the first message to the agent's answer, a request for a person, the teammate's
// reply delivered and read (signed status webhooks), the 24-hour window (free text refused outside it,
// approved templates listed and sent), webhooks that are unsigned, forged or replayed refused with 403
// and nothing stored, and receipts pruned past the replay window.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { channelContacts, webhookReceipts } from '../../worker/db/schema-channels';
import { pruneReceipts, REPLAY_WINDOW_MS } from '../../worker/channels/webhook-receipts';
import { OUTSIDE_WINDOW_ERROR } from '../../worker/channels/whatsapp/sender';
import { call, db, ORIGIN, signIn } from './helpers';
import { waitFor } from './helpdesk-helpers';
import {
  atLeast,
  conversationsOf,
  deliveriesOf,
  postHook,
  receiptsOf,
  ticketsOf,
  transcript,
  whatsapp,
  whatsappStore,
} from './phone-helpers';

const CUSTOMER = '15557654321';

describe('WhatsApp Cloud API', () => {
  it("answers Meta's verification only with the generated verify token", async () => {
    const store = await whatsappStore('verify');
    const view = await call<{
      whatsapp: { verifyToken: string; webhookUrl: string; secretHints: Record<string, string> };
    }>('GET', '/api/settings/channels/connections', { cookie: store.ownerCookie });
    const { verifyToken, webhookUrl } = view.json.whatsapp;
    // The stored secrets only as "••••" and their last 4 characters.
    expect(view.json.whatsapp.secretHints).toEqual({
      accessToken: `••••${whatsapp.accessToken.slice(-4)}`,
      appSecret: `••••${whatsapp.appSecret.slice(-4)}`,
    });
    expect(view.text).not.toContain(whatsapp.accessToken);
    expect(view.text).not.toContain(whatsapp.appSecret);
    expect(webhookUrl).toBe(`${ORIGIN}/api/channels/whatsapp/${store.acc.accountId}`);
    expect(verifyToken).toMatch(/^[0-9a-f]{64}$/);
    const path = `/api/channels/whatsapp/${store.acc.accountId}`;
    const ok = await call('GET', `${path}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('1158201444');
    expect(
      (await call('GET', `${path}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444`)).status,
    ).toBe(403);
    expect(
      (await call('GET', `${path}?hub.mode=unsubscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`))
        .status,
    ).toBe(403);
    expect(
      (
        await call(
          'GET',
          `/api/channels/whatsapp/${crypto.randomUUID()}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1`,
        )
      ).status,
    ).toBe(404);
  });

  it("a conversation: first message → agent answer → a person → the teammate's reply, delivered and read", async () => {
    const store = await whatsappStore('flow');
    const agent = store.acc.agents[0]!;
    await store.acc.online(agent.id);

    expect((await postHook(await store.inbound(CUSTOMER, 'What is your return policy?'))).status).toBe(200);
    const [conversation] = await conversationsOf(store.acc.accountId);
    expect(conversation!.channel).toBe('whatsapp');
    const sent = await atLeast(store.sent, 1);
    const agentAnswer = (await transcript(store.acc.accountId, conversation!.id)).find((m) => m.role === 'agent');
    expect(sent[0]).toMatchObject({ to: CUSTOMER, type: 'text' });
    expect(sent[0]!.text).toContain(agentAnswer!.text.slice(0, 40));

    // Meta's signed status webhooks: sent, delivered, read.
    const statuses = (await atLeast(store.webhooks, 4)).filter((h) => h.body.includes('"statuses"'));
    for (const hook of statuses) expect((await postHook(hook)).status).toBe(200);
    const [first] = await deliveriesOf(store.acc.accountId, conversation!.id);
    expect(first).toMatchObject({ seq: agentAnswer!.seq, state: 'read', providerId: sent[0]!.id });

    expect((await postHook(await store.inbound(CUSTOMER, 'I want to talk to a real person'))).status).toBe(200);
    const [ticket] = await waitFor(
      () => ticketsOf(store.acc.accountId),
      (t) => t.length === 1,
    );
    expect(ticket).toMatchObject({ channel: 'whatsapp', helpdesk: 'inbox', assigneeId: agent.id });
    const before = (await atLeast(store.sent, 2)).length;

    const agentCookie = await signIn(agent.email);
    const posted = await call('POST', `/api/tickets/${ticket!.id}/replies`, {
      cookie: agentCookie,
      body: { clientId: crypto.randomUUID(), text: 'Hi, this is Agent 0. Your return is approved.' },
    });
    expect(posted.status).toBe(201);
    const after = await atLeast(store.sent, before + 1);
    expect(after[before]).toMatchObject({
      to: CUSTOMER,
      type: 'text',
      text: 'Hi, this is Agent 0. Your return is approved.',
    });
  });

  it('outside the 24-hour window free text is refused with a clear message; approved templates are offered', async () => {
    const store = await whatsappStore('window');
    const agent = store.acc.agents[0]!;
    await store.acc.online(agent.id);
    expect((await postHook(await store.inbound(CUSTOMER, 'I want to talk to a real person'))).status).toBe(200);
    const [ticket] = await waitFor(
      () => ticketsOf(store.acc.accountId),
      (t) => t.length === 1,
    );
    const before = (await atLeast(store.sent, 1)).length;
    // The customer's last message is now 25 hours old.
    await db()
      .update(channelContacts)
      .set({ lastInboundAt: Date.now() - 25 * 60 * 60 * 1000 })
      .where(and(eq(channelContacts.accountId, store.acc.accountId), eq(channelContacts.phone, `+${CUSTOMER}`)));
    const agentCookie = await signIn(agent.email);
    const posted = await call<{ message: { seq: number } }>('POST', `/api/tickets/${ticket!.id}/replies`, {
      cookie: agentCookie,
      body: { clientId: crypto.randomUUID(), text: 'Are you still there?' },
    });
    expect(posted.status).toBe(201);
    const refused = await waitFor(
      () => deliveriesOf(store.acc.accountId, ticket!.conversationId!),
      (d) => d.some((r) => r.seq === posted.json.message.seq),
    );
    expect(refused.find((r) => r.seq === posted.json.message.seq)).toMatchObject({
      state: 'failed',
      error: OUTSIDE_WINDOW_ERROR,
      providerId: null,
    });
    expect(await store.sent()).toHaveLength(before);

    const templates = await call<{ templates: Array<{ name: string }> }>(
      'GET',
      `/api/tickets/${ticket!.id}/whatsapp-templates`,
      { cookie: agentCookie },
    );
    expect(templates.status).toBe(200);
    expect(templates.json.templates.map((t) => t.name)).toEqual(['order_update']); // the pending one is not offered

    // The teammate sends the approved template instead: allowed outside the window, stored as its text.
    const send = (body: Record<string, unknown>) =>
      call<{ message: { seq: number; text: string; role: string } }>(
        'POST',
        `/api/tickets/${ticket!.id}/whatsapp-templates`,
        { cookie: agentCookie, body: { clientId: crypto.randomUUID(), language: 'en_US', ...body } },
      );
    const pending = await send({ name: 'spring_sale' });
    expect(pending.status).toBe(422);
    expect(pending.text).toContain("not one of this WhatsApp account's approved templates");
    expect((await send({ name: 'order_update', params: ['surplus'] })).status).toBe(400);
    expect(await store.sent()).toHaveLength(before);
    const sentTemplate = await send({ name: 'order_update' });
    expect(sentTemplate.status).toBe(201);
    expect(sentTemplate.json.message).toMatchObject({
      role: 'human',
      text: 'Hi, we have an update about your order. Reply to this message to continue.',
    });
    const [viaMeta] = (await atLeast(store.sent, before + 1)).slice(before);
    expect(viaMeta).toMatchObject({ to: CUSTOMER, type: 'template', template: 'order_update', text: null });
    const delivered = await waitFor(
      () => deliveriesOf(store.acc.accountId, ticket!.conversationId!),
      (d) => d.some((r) => r.seq === sentTemplate.json.message.seq),
    );
    expect(delivered.find((r) => r.seq === sentTemplate.json.message.seq)).toMatchObject({
      state: 'queued',
      providerId: viaMeta!.id,
      error: null,
    });
    // Another account's ticket id is not found.
    const other = await whatsappStore('window-other');
    expect(
      (
        await call('POST', `/api/tickets/${ticket!.id}/whatsapp-templates`, {
          cookie: other.ownerCookie,
          body: { clientId: crypto.randomUUID(), name: 'order_update', language: 'en_US' },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses unsigned, forged and replayed webhooks with 403 and stores nothing', async () => {
    const store = await whatsappStore('forged');
    const hook = await store.inbound(CUSTOMER, 'Where is my order?');
    expect((await postHook(hook, { headers: { 'content-type': 'application/json' } })).status).toBe(403);
    expect((await postHook(hook, { body: hook.body.replace('Where is my order?', 'Refund me now') })).status).toBe(403);
    expect(
      (await postHook(hook, { headers: { ...hook.headers, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` } }))
        .status,
    ).toBe(403);
    expect(await conversationsOf(store.acc.accountId)).toHaveLength(0);
    expect(await receiptsOf(store.acc.accountId)).toHaveLength(0);

    expect((await postHook(hook)).status).toBe(200);
    const replay = await postHook(hook);
    expect(replay.status).toBe(403);
    expect(replay.text).toContain('replayed');
    const [conversation] = await conversationsOf(store.acc.accountId);
    expect((await transcript(store.acc.accountId, conversation!.id)).filter((m) => m.role === 'shopper')).toHaveLength(
      1,
    );
  });

  it('prunes receipts past the replay window, and a delivery that old is ignored even without its receipt', async () => {
    const store = await whatsappStore('prune');
    const now = Date.now();
    const receipt = (digest: string, receivedAt: number) => ({
      accountId: store.acc.accountId,
      provider: 'whatsapp' as const,
      digest,
      receivedAt,
    });
    await db()
      .insert(webhookReceipts)
      .values([
        receipt('old-1', now - REPLAY_WINDOW_MS - 1),
        receipt('old-2', now - REPLAY_WINDOW_MS - 60_000),
        receipt('recent', now - REPLAY_WINDOW_MS + 60_000),
      ]);
    expect(await pruneReceipts(db(), now)).toBeGreaterThanOrEqual(2);
    expect((await receiptsOf(store.acc.accountId)).map((r) => r.digest)).toEqual(['recent']);

    // A signed message from before the window (a capture replayed after its receipt was pruned): 200 for
    // Meta, but nothing is stored and no conversation starts.
    const stale = await store.inbound(CUSTOMER, 'Refund me now', now - REPLAY_WINDOW_MS - 60_000);
    expect((await postHook(stale)).status).toBe(200);
    expect(await conversationsOf(store.acc.accountId)).toHaveLength(0);
  });
});
