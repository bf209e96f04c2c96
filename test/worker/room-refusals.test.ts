// Refusals from the conversation room reach callers as one code each (worker/platform/results.ts):
// a 4xx over HTTP, an error frame over the socket, and never a reset object or a closed socket.
// Also: after an anonymous shopper's email handoff, no teammate reply ever enters the chat, even
// once the ticket is closed or reopened (issue 13, item 5).
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, db, signIn } from './helpers';
import { freshAccount } from './dispatch-helpers';
import { bearer, historyHttp, sendHttp, ShopperSocket, startConversation } from './widget-client';
import { roomOf } from '../../worker/durable/namespaces';
import { readSettings, writeSection } from '../../worker/settings/store';
import { channelHandoff } from '../../worker/settings/handoff';
import { continuationTicket, switchEmailOn } from './email-helpers';

const handoffEmail = (conversationId: string, token: string, email = 'anon@buyer.test') =>
  call<{ error?: { code: string }; messages?: Array<{ text: string }> }>(
    'POST',
    `/api/widget/conversations/${conversationId}/handoff-email`,
    {
      body: { clientId: crypto.randomUUID(), email },
      headers: bearer(token),
    },
  );

describe('handoff-email with no handoff pending', () => {
  it('answers 409 no_pending_handoff over HTTP and the shopper socket stays open and working', async () => {
    const conv = await startConversation();
    const ws = await ShopperSocket.open(conv);
    const res = await handoffEmail(conv.conversationId, conv.resumeToken);
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'no_pending_handoff' });
    // The object was not reset: the same socket still answers, and the conversation still works.
    ws.send({ type: 'resume', lastSeq: 0 });
    expect((await ws.next('history')).status).toBe('open');
    expect(ws.closed).toBe(false);
    expect((await sendHttp(conv, 'hello')).status).toBe(200);
    ws.close();
  });

  it('over the socket answers an error frame with the same code, and the socket stays open', async () => {
    const conv = await startConversation();
    const ws = await ShopperSocket.open(conv);
    const clientId = crypto.randomUUID();
    ws.send({ type: 'handoff_email', clientId, email: 'anon@buyer.test' });
    expect(await ws.next('error')).toMatchObject({ code: 'no_pending_handoff', clientId });
    ws.send({ type: 'resume', lastSeq: 0 });
    expect((await ws.next('history')).status).toBe('open');
    expect(ws.closed).toBe(false);
    ws.close();
  });
});

describe('one code per refusal', () => {
  it('a closed conversation is conversation_closed for the shopper (HTTP and socket)', async () => {
    const acc = await freshAccount('closed-code', 1);
    const settings = await readSettings(db(), acc.accountId);
    const webChat = channelHandoff.parse({ ...settings.handoff.channels.web_chat, helpdesk: 'gorgias' });
    await writeSection(db(), acc.accountId, null, 'handoff', {
      channels: { ...settings.handoff.channels, web_chat: webChat },
      routingRules: [],
    });
    const conv = await startConversation({ siteKey: acc.siteKey });
    await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
      body: { clientId: crypto.randomUUID() },
      headers: bearer(conv.resumeToken),
    });
    expect((await handoffEmail(conv.conversationId, conv.resumeToken)).status).toBe(200);
    expect((await historyHttp(conv)).json.status).toBe('closed');
    const refused = await sendHttp(conv, 'still there?');
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ error: { code: 'conversation_closed' } });
    const ws = await ShopperSocket.open(conv);
    const clientId = crypto.randomUUID();
    ws.send({ type: 'message', clientId, text: 'hello?' });
    expect(await ws.next('error')).toMatchObject({ code: 'conversation_closed', clientId });
    ws.close();
  });
});

describe('an anonymous shopper who continued by email never gets teammate replies in the chat', () => {
  it('replies go to the ticket’s email conversation while the ticket is open, after it is closed, and after it is reopened', async () => {
    const acc = await freshAccount('email-close', 1);
    await switchEmailOn(acc.accountId, 'email-close');
    await acc.online(acc.agents[0]!.id);
    const cookie = await signIn(acc.owner.email);
    const conv = await startConversation({ siteKey: acc.siteKey });
    await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
      body: { clientId: crypto.randomUUID() },
      headers: bearer(conv.resumeToken),
    });
    expect((await handoffEmail(conv.conversationId, conv.resumeToken)).status).toBe(200);
    const ticket = await continuationTicket(conv.conversationId);
    expect(ticket!.conversationId).not.toBe(conv.conversationId);
    const reply = () =>
      call<{ error?: { code: string } }>('POST', `/api/tickets/${ticket!.id}/replies`, {
        cookie,
        body: { clientId: crypto.randomUUID(), text: 'Hello from the team' },
      });
    const setStatus = (status: string) =>
      call('PATCH', `/api/tickets/${ticket!.id}/status`, { cookie, body: { status } });

    expect((await reply()).status).toBe(201);
    expect((await setStatus('closed')).status).toBe(200);
    expect((await reply()).status).toBe(201);
    expect((await setStatus('open')).status).toBe(200);
    expect((await reply()).status).toBe(201);
    // Directly on the web-chat room too (the Zendesk webhook's path): refused.
    const direct = await roomOf(env, acc.accountId, conv.conversationId).postHumanReply({
      ticketId: ticket!.id,
      clientId: crypto.randomUUID(),
      text: 'hi',
      authorName: 'X',
    });
    expect(direct).toMatchObject({ ok: false, code: 'email_continuation' });
    expect((await historyHttp(conv)).json.messages.filter((m) => m.role === 'human')).toEqual([]);
  });
});
