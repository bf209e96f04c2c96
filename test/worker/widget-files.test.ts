// Attachments (the shopper's from the widget, a teammate's from the inbox): type by magic bytes, a size
// limit, stored in R2 under the conversation, served from an unguessable URL with its real type and
// nosniff, never as a page.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { SendMessageResponse, StartConversationResponse } from '../../worker/protocol/widget';
import { DEMO_PASSWORD } from '../../worker/db/seed';
import { ORIGIN, insertTicket, signIn } from './helpers';
import { freshAccount } from './dispatch-helpers';
import { bearer, historyHttp, ShopperSocket, startConversation } from './widget-client';

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function upload(
  conv: StartConversationResponse,
  body: Uint8Array<ArrayBuffer>,
  name: string,
  token = conv.resumeToken,
  clientId: string = crypto.randomUUID(),
) {
  return exports.default.fetch(
    `${ORIGIN}/api/widget/conversations/${conv.conversationId}/files?clientId=${clientId}&name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      body,
      headers: { ...bearer(token), 'content-type': 'application/octet-stream', origin: 'https://shop.example' },
    },
  );
}

describe('shopper attachments', () => {
  it('an image becomes a shopper message linking to its unguessable URL, served as an image with nosniff', async () => {
    const conv = await startConversation();
    const res = await upload(conv, PNG, 'receipt.png');
    expect(res.status).toBe(201);
    const { messages } = (await res.json()) as SendMessageResponse;
    const link = messages[0]!.link!;
    expect(link).toMatch(new RegExp(`^${ORIGIN}/api/widget/files/${conv.conversationId}/[0-9a-f]{32}\\.png$`));
    expect(messages[0]).toMatchObject({ role: 'shopper', text: expect.stringContaining('receipt.png') });
    expect((await historyHttp(conv)).json.messages.map((m) => m.link)).toContain(link);
    const file = await exports.default.fetch(link);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG);
    const key = `files/${conv.conversationId}/${link.split('/').pop()}`;
    expect(await env.MEDIA.head(key)).not.toBeNull();
  });

  it('a PDF is accepted and downloads; HTML or SVG dressed up as an image is refused (415) and nothing is stored', async () => {
    const conv = await startConversation();
    const pdf = await upload(conv, PDF, 'invoice.pdf');
    expect(pdf.status).toBe(201);
    const link = ((await pdf.json()) as SendMessageResponse).messages[0]!.link!;
    const file = await exports.default.fetch(link);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
    await file.arrayBuffer();
    const before = (await historyHttp(conv)).json.messages.length;
    for (const [bytes, name] of [
      [new TextEncoder().encode('<html><script>alert(1)</script>'), 'x.png'],
      [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.svg'],
    ] as const) {
      const res = await upload(conv, bytes, name);
      expect(res.status).toBe(415);
      expect(await res.text()).toContain('PDF');
    }
    expect((await historyHttp(conv)).json.messages.length).toBe(before);
  });

  it('a retried upload (same clientId, one after the other or at once) answers with the first file and stores no second R2 object', async () => {
    const conv = await startConversation();
    const stored = async () => (await env.MEDIA.list({ prefix: `files/${conv.conversationId}/` })).objects.length;
    const clientId = crypto.randomUUID();
    const first = await upload(conv, PNG, 'receipt.png', conv.resumeToken, clientId);
    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as SendMessageResponse;
    const retry = await upload(conv, PNG, 'receipt.png', conv.resumeToken, clientId);
    expect(retry.status).toBe(201);
    const retryBody = (await retry.json()) as SendMessageResponse;
    expect(retryBody.ack).toEqual(firstBody.ack);
    expect(retryBody.messages[0]!.link).toBe(firstBody.messages[0]!.link);
    expect(await stored()).toBe(1);
    // Two at once with a new clientId: one message, one object, both answers link to it.
    const again = crypto.randomUUID();
    const both = await Promise.all([0, 1].map(() => upload(conv, PDF, 'invoice.pdf', conv.resumeToken, again)));
    const links = await Promise.all(both.map(async (r) => ((await r.json()) as SendMessageResponse).messages[0]!.link));
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(links[0]).toBe(links[1]);
    expect(await stored()).toBe(2);
    const history = (await historyHttp(conv)).json.messages.filter((m) => m.link);
    expect(history.map((m) => m.link).sort()).toEqual([firstBody.messages[0]!.link, links[0]].sort());
  });

  it('over 5 MB is 413; a wrong token is 401; a guessed file URL is 404', async () => {
    const conv = await startConversation();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    expect((await upload(conv, big, 'big.png')).status).toBe(413);
    expect((await upload(conv, PNG, 'a.png', 'rt_wrong')).status).toBe(401);
    const guessed = await exports.default.fetch(
      `${ORIGIN}/api/widget/files/${conv.conversationId}/${'0'.repeat(32)}.png`,
    );
    expect(guessed.status).toBe(404);
    expect(guessed.headers.get('content-type')).toContain('json');
  });
});

describe('teammate attachments from the inbox', () => {
  function attach(
    ticketId: string,
    cookie: string,
    body: Uint8Array<ArrayBuffer>,
    name: string,
    clientId: string = crypto.randomUUID(),
  ) {
    return exports.default.fetch(
      `${ORIGIN}/api/tickets/${ticketId}/files?clientId=${clientId}&name=${encodeURIComponent(name)}`,
      {
        method: 'POST',
        body,
        headers: { cookie, origin: ORIGIN, 'content-type': 'application/octet-stream' },
      },
    );
  }

  it('a picture reaches the shopper live as a teammate message linking to its file; a retry posts once', async () => {
    const acct = await freshAccount('attach', 1);
    const conv = await startConversation({ siteKey: acct.siteKey });
    const shopper = await ShopperSocket.open(conv);
    const ticket = await insertTicket(acct.accountId, { conversationId: conv.conversationId, channel: 'web_chat' });
    const cookie = await signIn(acct.agents[0]!.email, DEMO_PASSWORD);
    const clientId = crypto.randomUUID();
    const res = await attach(ticket.id, cookie, PNG, 'label.png', clientId);
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as {
      message: { seq: number; role: string; text: string; link: string; authorName: string };
    };
    expect(message).toMatchObject({ role: 'human', text: '📎 label.png', authorName: acct.agents[0]!.name });
    expect(message.link).toMatch(new RegExp(`^${ORIGIN}/api/widget/files/${conv.conversationId}/[0-9a-f]{32}\\.png$`));
    const live = await shopper.next('message', (f) => f.message.role === 'human');
    expect(live.message.link).toBe(message.link);
    const file = await exports.default.fetch(message.link);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG);
    const retry = await attach(ticket.id, cookie, PNG, 'label.png', clientId);
    expect(((await retry.json()) as { message: { seq: number } }).message.seq).toBe(message.seq);
    expect((await historyHttp(conv)).json.messages.filter((m) => m.role === 'human')).toHaveLength(1);
    shopper.close();
  });

  it('HTML dressed as a picture is 415, another store’s ticket 404, no sign-in 401: nothing is posted', async () => {
    const acct = await freshAccount('attach-bad', 1);
    const other = await freshAccount('attach-other', 1);
    const conv = await startConversation({ siteKey: acct.siteKey });
    const ticket = await insertTicket(acct.accountId, { conversationId: conv.conversationId, channel: 'web_chat' });
    const cookie = await signIn(acct.agents[0]!.email, DEMO_PASSWORD);
    const html = await attach(ticket.id, cookie, new TextEncoder().encode('<html><script>alert(1)</script>'), 'x.png');
    expect(html.status).toBe(415);
    await html.arrayBuffer();
    const foreign = await attach(ticket.id, await signIn(other.agents[0]!.email, DEMO_PASSWORD), PNG, 'x.png');
    expect(foreign.status).toBe(404);
    await foreign.arrayBuffer();
    const anonymous = await attach(ticket.id, '', PNG, 'x.png');
    expect(anonymous.status).toBe(401);
    await anonymous.arrayBuffer();
    expect((await historyHttp(conv)).json.messages.some((m) => m.role === 'human')).toBe(false);
    expect((await env.MEDIA.list({ prefix: `files/${conv.conversationId}/` })).objects).toHaveLength(0);
  });
});
