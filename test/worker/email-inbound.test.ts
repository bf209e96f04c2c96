// The email channel's inbound path (worker/channels/email/inbound.ts) fed raw RFC 5322 messages:
// parsing, quoted-history stripping, charsets, attachments to R2, automatic mail, limits, threading
// and its spoofing rules. The conversation side is a recording port here; the wired channel has its
// own end-to-end tests.
import { describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { receiveEmail, EMAIL_LIMITS, type ConversationPort } from '../../worker/channels/email/inbound';
import { emailMessages } from '../../worker/channels/email/schema';
import { settleAttempt, startAttempt } from '../../worker/channels/email/store';
import { accountReplyKey, replyLocalPart } from '../../worker/channels/email/reply-address';
import { call, db, signIn } from './helpers';
import { bytes, emailAccount, PNG_BASE64, rawEmail } from './email-helpers';

type Posted = Parameters<ConversationPort['post']>[1];

function recorder() {
  const posts: Posted[] = [];
  const port: ConversationPort = { post: async (_env, input) => void posts.push(input) };
  return { posts, port };
}

async function rowOf(accountId: string, emailId: string) {
  const [row] = await db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.accountId, accountId), eq(emailMessages.id, emailId)));
  return row!;
}

describe('inbound email: content', () => {
  it('starts a conversation from a plain message, keeps the raw message in R2 and records SPF/DKIM', async () => {
    const acc = await emailAccount('plain');
    const { posts, port } = recorder();
    const raw = rawEmail({
      to: acc.inbound,
      text: 'Hello, where is my order #1001?\nThanks, Ann',
      headers: {
        'Authentication-Results':
          'mx.cloudflare.net; dkim=pass header.d=example.net; spf=pass smtp.mailfrom=example.net; dmarc=pass',
      },
    });
    const out = await receiveEmail(env, { from: 'shopper@example.net', to: acc.inbound, raw: bytes(raw) }, port);
    expect(out).toMatchObject({ kind: 'accepted', started: true });
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      accountId: acc.accountId,
      started: true,
      participant: { channel: 'email', address: 'shopper@example.net' },
    });
    expect(posts[0]!.message.text).toBe('Hello, where is my order #1001?\nThanks, Ann');
    expect(posts[0]!.message.meta).toMatchObject({
      subject: 'Where is my order?',
      spf: 'pass',
      dkim: 'pass',
      dmarc: 'pass',
    });
    if (out.kind !== 'accepted') throw new Error('not accepted');
    const row = await rowOf(acc.accountId, out.emailId);
    expect(row).toMatchObject({
      state: 'accepted',
      spf: 'pass',
      dkim: 'pass',
      dmarc: 'pass',
      conversationId: out.conversationId,
    });
    const stored = await env.MEDIA.get(row.rawKey!);
    expect(await stored!.text()).toBe(raw);
  });

  it('shows the text part of multipart/alternative, and HTML-only mail as text', async () => {
    const acc = await emailAccount('alt');
    const { posts, port } = recorder();
    const alternative = rawEmail({
      to: acc.inbound,
      mime: {
        contentType: 'multipart/alternative; boundary="b1"',
        body: '--b1\nContent-Type: text/plain; charset=utf-8\n\nPlain version: size M please.\n--b1\nContent-Type: text/html; charset=utf-8\n\n<p>HTML version: <b>size M</b></p>\n--b1--\n',
      },
    });
    await receiveEmail(env, { from: 'a@example.net', to: acc.inbound, raw: bytes(alternative) }, port);
    expect(posts[0]!.message.text).toBe('Plain version: size M please.');

    const htmlOnly = rawEmail({
      from: 'b@example.net',
      to: acc.inbound,
      mime: {
        contentType: 'text/html; charset=utf-8',
        body: '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Do you ship to <i>Norway</i>?</p><p>See <a href="https://example.net/x">this</a> &amp; that</p></body></html>',
      },
    });
    await receiveEmail(env, { from: 'b@example.net', to: acc.inbound, raw: bytes(htmlOnly) }, port);
    expect(posts[1]!.message.text).toBe('Do you ship to Norway?\n\nSee this (https://example.net/x) & that');
  });

  it('strips quoted Gmail history (plain text wrapped over two lines, and HTML gmail_quote)', async () => {
    const acc = await emailAccount('gmail');
    const { posts, port } = recorder();
    const text =
      'Yes, the blue one.\n\nOn Thu, 3 Dec 2026 at 09:00, Shop Support <\nsupport@shop.test> wrote:\n> Which colour would you like?\n> Thanks';
    await receiveEmail(
      env,
      {
        from: 'c@example.net',
        to: acc.inbound,
        raw: bytes(rawEmail({ from: 'c@example.net', to: acc.inbound, text })),
      },
      port,
    );
    expect(posts[0]!.message.text).toBe('Yes, the blue one.');
    const html =
      '<div dir="ltr">Red please<div><br></div><div class="gmail_signature">Ann — sent with love</div></div><br><div class="gmail_quote"><div class="gmail_attr">On Thu wrote:</div><blockquote>Which colour?</blockquote></div>';
    await receiveEmail(
      env,
      {
        from: 'd@example.net',
        to: acc.inbound,
        raw: bytes(
          rawEmail({
            from: 'd@example.net',
            to: acc.inbound,
            mime: { contentType: 'text/html; charset=utf-8', body: html },
          }),
        ),
      },
      port,
    );
    expect(posts[1]!.message.text).toBe('Red please');
  });

  it('strips an Outlook reply header block and a signature', async () => {
    const acc = await emailAccount('outlook');
    const { posts, port } = recorder();
    const text =
      'Please cancel it.\n\n-- \nBob Smith\nACME Ltd\n\n________________________________\nFrom: Shop Support <support@shop.test>\nSent: Thursday, December 3, 2026 9:00 AM\nTo: Bob <bob@example.net>\nSubject: Your order\n\nShall we cancel?';
    await receiveEmail(
      env,
      {
        from: 'bob@example.net',
        to: acc.inbound,
        raw: bytes(rawEmail({ from: 'Bob <bob@example.net>', to: acc.inbound, text })),
      },
      port,
    );
    expect(posts[0]!.message.text).toBe('Please cancel it.');
    const original = 'Sure.\r\n\r\n-----Original Message-----\r\nFrom: Shop\r\nSent: today\r\n\r\nold text';
    await receiveEmail(
      env,
      {
        from: 'e@example.net',
        to: acc.inbound,
        raw: bytes(rawEmail({ from: 'e@example.net', to: acc.inbound, text: original })),
      },
      port,
    );
    expect(posts[1]!.message.text).toBe('Sure.');
  });

  it('decodes a non-UTF-8 charset (ISO-8859-1, quoted-printable) in the body and an RFC 2047 subject', async () => {
    const acc = await emailAccount('latin1');
    const { posts, port } = recorder();
    const raw = rawEmail({
      from: '=?ISO-8859-1?Q?J=FCrgen_M=FCller?= <juergen@example.de>',
      to: acc.inbound,
      subject: '=?ISO-8859-1?Q?Gr=F6=DFe?=',
      mime: {
        contentType: 'text/plain; charset=iso-8859-1',
        encoding: 'quoted-printable',
        body: 'Gr=FC=DFe aus M=FCnchen, ist die Gr=F6=DFe M da?',
      },
    });
    await receiveEmail(env, { from: 'juergen@example.de', to: acc.inbound, raw: bytes(raw) }, port);
    expect(posts[0]!.message.text).toBe('Grüße aus München, ist die Größe M da?');
    expect(posts[0]!.message.meta.subject).toBe('Größe');
    const koi8 = new Uint8Array([
      ...bytes(
        rawEmail({
          from: 'f@example.ru',
          to: acc.inbound,
          mime: { contentType: 'text/plain; charset=koi8-r', encoding: '8bit', body: '' },
        }),
      ),
      0xf0,
      0xd2,
      0xc9,
      0xd7,
      0xc5,
      0xd4,
    ]);
    await receiveEmail(env, { from: 'f@example.ru', to: acc.inbound, raw: koi8 }, port);
    expect(posts[1]!.message.text).toBe('Привет');
  });

  it('stores an accepted attachment in R2 by its real type and lists a refused one', async () => {
    const acc = await emailAccount('attach');
    const { posts, port } = recorder();
    const body = [
      '--mix',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Photo of the damage attached.',
      '--mix',
      'Content-Type: image/png; name="damage.png"',
      'Content-Disposition: attachment; filename="damage.png"',
      'Content-Transfer-Encoding: base64',
      '',
      PNG_BASE64,
      '--mix',
      'Content-Type: image/png; name="invoice.png"',
      'Content-Disposition: attachment; filename="invoice.png"',
      'Content-Transfer-Encoding: base64',
      '',
      btoa('MZ this is really an executable'),
      '--mix--',
      '',
    ].join('\n');
    const out = await receiveEmail(
      env,
      {
        from: 'g@example.net',
        to: acc.inbound,
        raw: bytes(
          rawEmail({
            from: 'g@example.net',
            to: acc.inbound,
            mime: { contentType: 'multipart/mixed; boundary="mix"', body },
          }),
        ),
      },
      port,
    );
    if (out.kind !== 'accepted') throw new Error('not accepted');
    const message = posts[0]!.message;
    expect(message.text).toBe(
      'Photo of the damage attached.\n[Attachment: damage.png]\n[Attachment not kept: invoice.png (File type not accepted (images, PDF, plain text and CSV are))]',
    );
    expect(message.attachments).toEqual([
      {
        key: expect.stringContaining(`email/${acc.accountId}/`),
        name: 'damage.png',
        contentType: 'image/png',
        size: 70,
      },
    ]);
    const object = await env.MEDIA.get(message.attachments[0]!.key);
    expect(object!.httpMetadata?.contentType).toBe('image/png');
    expect((await rowOf(acc.accountId, out.emailId)).attachments).toHaveLength(2);
  });
});

describe('inbound email: mail that is never answered', () => {
  it('records an auto-reply, a bounce and list mail without posting them', async () => {
    const acc = await emailAccount('auto');
    const { posts, port } = recorder();
    const auto = await receiveEmail(
      env,
      {
        from: 'h@example.net',
        to: acc.inbound,
        raw: bytes(
          rawEmail({
            from: 'h@example.net',
            to: acc.inbound,
            subject: 'Out of office',
            headers: { 'Auto-Submitted': 'auto-replied' },
          }),
        ),
      },
      port,
    );
    expect(auto).toMatchObject({ kind: 'dropped', state: 'auto_reply' });
    const report = [
      '--rep',
      'Content-Type: text/plain',
      '',
      'Delivery to the following recipient failed permanently: x@example.net',
      '--rep',
      'Content-Type: message/delivery-status',
      '',
      'Action: failed',
      '--rep--',
      '',
    ].join('\n');
    const bounce = await receiveEmail(
      env,
      {
        from: '',
        to: acc.inbound,
        raw: bytes(
          rawEmail({
            from: 'Mail Delivery Subsystem <MAILER-DAEMON@example.net>',
            to: acc.inbound,
            subject: 'Undeliverable',
            mime: { contentType: 'multipart/report; report-type=delivery-status; boundary="rep"', body: report },
          }),
        ),
      },
      port,
    );
    expect(bounce).toMatchObject({ kind: 'dropped', state: 'bounce' });
    const list = await receiveEmail(
      env,
      {
        from: 'news@example.org',
        to: acc.inbound,
        raw: bytes(
          rawEmail({ from: 'news@example.org', to: acc.inbound, headers: { 'List-Id': '<news.example.org>' } }),
        ),
      },
      port,
    );
    expect(list).toMatchObject({ kind: 'dropped', state: 'list' });
    const bulk = await receiveEmail(
      env,
      {
        from: 'promo@example.org',
        to: acc.inbound,
        raw: bytes(rawEmail({ from: 'promo@example.org', to: acc.inbound, headers: { Precedence: 'bulk' } })),
      },
      port,
    );
    expect(bulk).toMatchObject({ kind: 'dropped', state: 'list' });
    expect(posts).toHaveLength(0);
    if (auto.kind !== 'dropped') throw new Error('not dropped');
    expect(await rowOf(acc.accountId, auto.emailId!)).toMatchObject({ state: 'auto_reply', conversationId: null });
  });

  it('rejects mail for an unknown address, a forged reply address and a message over the size limit', async () => {
    const acc = await emailAccount('reject');
    const { posts, port } = recorder();
    const raw = bytes(rawEmail({ to: 'nobody@nowhere.test' }));
    expect(
      await receiveEmail(env, { from: 'shopper@example.net', to: 'nobody@nowhere.test', raw }, port),
    ).toMatchObject({ kind: 'rejected' });
    const forged = `reply+${'a'.repeat(26)}${'b'.repeat(16)}@${acc.inbound.split('@')[1]}`;
    expect(await receiveEmail(env, { from: 'shopper@example.net', to: forged, raw }, port)).toMatchObject({
      kind: 'rejected',
    });
    expect(
      await receiveEmail(env, { from: 'shopper@example.net', to: acc.inbound, raw }, port, {
        ...EMAIL_LIMITS,
        maxRawBytes: 100,
      }),
    ).toMatchObject({ kind: 'rejected' });
    expect(posts).toHaveLength(0);
  });

  it('records a redelivered Message-ID once', async () => {
    const acc = await emailAccount('dup');
    const { posts, port } = recorder();
    const raw = bytes(rawEmail({ to: acc.inbound, messageId: `dup-${crypto.randomUUID()}@example.net` }));
    await receiveEmail(env, { from: 'shopper@example.net', to: acc.inbound, raw }, port);
    expect(await receiveEmail(env, { from: 'shopper@example.net', to: acc.inbound, raw }, port)).toMatchObject({
      kind: 'dropped',
      state: 'duplicate',
    });
    expect(posts).toHaveLength(1);
  });

  it('limits emails per sender, per account and per thread', async () => {
    const acc = await emailAccount('limits');
    const { posts, port } = recorder();
    const limits = { ...EMAIL_LIMITS, perSenderPerHour: 2, perAccountPerHour: 4, perThreadPerHour: 2 };
    const send = (from: string, extra: Partial<Parameters<typeof rawEmail>[0]> = {}) =>
      receiveEmail(
        env,
        { from, to: acc.inbound, raw: bytes(rawEmail({ from, to: acc.inbound, ...extra })) },
        port,
        limits,
      );
    expect((await send('one@example.net')).kind).toBe('accepted');
    expect((await send('one@example.net')).kind).toBe('accepted');
    expect(await send('one@example.net')).toMatchObject({ kind: 'dropped', state: 'rate_limited' });
    expect((await send('two@example.net')).kind).toBe('accepted');
    expect(await send('three@example.net')).toMatchObject({
      kind: 'dropped',
      state: 'rate_limited',
      reason: expect.stringContaining('to this store'),
    });
    expect(posts).toHaveLength(3);

    // Per thread: replies through the thread's signed address beyond the limit are a loop.
    const other = await emailAccount('loop');
    const first = await receiveEmail(
      env,
      { from: 'x@example.net', to: other.inbound, raw: bytes(rawEmail({ from: 'x@example.net', to: other.inbound })) },
      port,
      limits,
    );
    if (first.kind !== 'accepted') throw new Error('not accepted');
    const reply = `${await replyLocalPart(await accountReplyKey(db(), other.accountId), first.conversationId)}@${other.inbound.split('@')[1]}`;
    const again = () =>
      receiveEmail(
        env,
        {
          from: 'y@example.net',
          to: reply,
          raw: bytes(rawEmail({ from: `y${crypto.randomUUID().slice(0, 4)}@example.net`, to: reply })),
        },
        port,
        limits,
      );
    expect(await again()).toMatchObject({ kind: 'accepted', conversationId: first.conversationId, started: false });
    expect(await again()).toMatchObject({ kind: 'dropped', state: 'loop' });
  });
});

describe('inbound email: threading', () => {
  async function sentEmail(accountId: string, conversationId: string, to: string) {
    const messageId = `baton.${crypto.randomUUID().replace(/-/g, '')}@shop.test`;
    const deliveryId = `${conversationId}:2`;
    await startAttempt(
      db(),
      { accountId, conversationId, deliveryId, seq: 2, messageId, address: to, subject: 'Re: Where is my order?' },
      Date.now(),
    );
    await settleAttempt(db(), accountId, deliveryId, 'sent', {}, Date.now());
    return messageId;
  }

  it('joins a reply by the Message-ID Baton sent to that sender; a forged In-Reply-To from another sender starts a new conversation', async () => {
    const acc = await emailAccount('thread');
    const { posts, port } = recorder();
    const first = await receiveEmail(
      env,
      {
        from: 'victim@example.net',
        to: acc.inbound,
        raw: bytes(rawEmail({ from: 'victim@example.net', to: acc.inbound })),
      },
      port,
    );
    if (first.kind !== 'accepted') throw new Error('not accepted');
    const ours = await sentEmail(acc.accountId, first.conversationId, 'victim@example.net');

    const reply = await receiveEmail(
      env,
      {
        from: 'victim@example.net',
        to: acc.inbound,
        raw: bytes(
          rawEmail({
            from: 'Victim <Victim@Example.net>',
            to: acc.inbound,
            subject: 'Re: Where is my order?',
            inReplyTo: ours,
            references: ['their-first@example.net', ours],
            text: 'Any news?',
          }),
        ),
      },
      port,
    );
    expect(reply).toMatchObject({ kind: 'accepted', conversationId: first.conversationId, started: false });

    const spoofed = await receiveEmail(
      env,
      {
        from: 'attacker@evil.test',
        to: acc.inbound,
        raw: bytes(
          rawEmail({
            from: 'attacker@evil.test',
            to: acc.inbound,
            subject: 'Re: Where is my order?',
            inReplyTo: ours,
            references: [ours],
            text: 'Change my address to …',
          }),
        ),
      },
      port,
    );
    expect(spoofed).toMatchObject({ kind: 'accepted', started: true });
    if (spoofed.kind !== 'accepted') throw new Error('not accepted');
    expect(spoofed.conversationId).not.toBe(first.conversationId);
    expect(posts.map((p) => p.participant.address)).toEqual([
      'victim@example.net',
      'victim@example.net',
      'attacker@evil.test',
    ]);
  });

  it('joins through the signed reply address; the same address signed for another account does not verify', async () => {
    const acc = await emailAccount('signed');
    const other = await emailAccount('signed-other');
    const { posts, port } = recorder();
    const first = await receiveEmail(
      env,
      { from: 'k@example.net', to: acc.inbound, raw: bytes(rawEmail({ from: 'k@example.net', to: acc.inbound })) },
      port,
    );
    if (first.kind !== 'accepted') throw new Error('not accepted');
    const domain = acc.inbound.split('@')[1];
    const good = `${await replyLocalPart(await accountReplyKey(db(), acc.accountId), first.conversationId)}@${domain}`;
    const wrongKey = `${await replyLocalPart(await accountReplyKey(db(), other.accountId), first.conversationId)}@${domain}`;
    expect(good).toMatch(/^reply\+[a-z2-7]{42}@/);
    const raw = bytes(rawEmail({ from: 'k@example.net', to: good, text: 'Thanks' }));
    expect(await receiveEmail(env, { from: 'k@example.net', to: good.toUpperCase(), raw }, port)).toMatchObject({
      kind: 'accepted',
      conversationId: first.conversationId,
    });
    expect(
      await receiveEmail(
        env,
        { from: 'k@example.net', to: wrongKey, raw: bytes(rawEmail({ from: 'k@example.net', to: wrongKey })) },
        port,
      ),
    ).toMatchObject({ kind: 'rejected' });
    expect(posts).toHaveLength(2);
  });
});

describe('inbound email: the ticket view', () => {
  it('lists the thread with states and files, serves the raw message as text and attachments as downloads, only to the account', async () => {
    const acc = await emailAccount('view');
    const other = await emailAccount('view-other');
    const { port } = recorder();
    const body = [
      '--mix',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'See attached <script>alert(1)</script>',
      '--mix',
      'Content-Type: image/png',
      "Content-Disposition: attachment; filename*=UTF-8''gr%C3%BC%C3%9Fe%20%26%20co.png",
      'Content-Transfer-Encoding: base64',
      '',
      PNG_BASE64,
      '--mix--',
      '',
    ].join('\n');
    const out = await receiveEmail(
      env,
      {
        from: 'v@example.net',
        to: acc.inbound,
        raw: bytes(
          rawEmail({
            from: 'v@example.net',
            to: acc.inbound,
            mime: { contentType: 'multipart/mixed; boundary="mix"', body },
          }),
        ),
      },
      port,
    );
    if (out.kind !== 'accepted') throw new Error('not accepted');
    const cookie = await signIn(acc.owner.email);
    const view = await call<{
      thread: { address: string; origin: string };
      emails: Array<{
        state: string;
        rawUrl: string;
        auth: unknown;
        attachments: Array<{ name: string; url: string }>;
      }>;
    }>('GET', `/api/email/conversations/${out.conversationId}`, { cookie });
    expect(view.status).toBe(200);
    expect(view.json.thread).toMatchObject({ address: 'v@example.net', origin: 'email' });
    expect(view.json.emails).toHaveLength(1);
    const [email] = view.json.emails;
    expect(email).toMatchObject({
      state: 'accepted',
      attachments: [{ name: 'grüße & co.png', url: expect.stringContaining('/attachments/0') }],
    });
    const raw = await call('GET', email!.rawUrl, { cookie });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    expect(raw.text).toContain('See attached <script>');
    const file = await exports.default.fetch(`http://baton.test${email!.attachments[0]!.url}`, {
      headers: { cookie, origin: 'http://baton.test' },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''gr%C3%BC%C3%9Fe%20%26%20co.png`);
    expect((await file.arrayBuffer()).byteLength).toBe(70);

    const stranger = await signIn(other.owner.email);
    expect((await call('GET', `/api/email/conversations/${out.conversationId}`, { cookie: stranger })).status).toBe(
      404,
    );
    expect((await call('GET', email!.rawUrl, { cookie: stranger })).status).toBe(404);
    expect((await call('GET', email!.attachments[0]!.url, { cookie: stranger })).status).toBe(404);
    expect((await call('GET', email!.rawUrl)).status).toBe(401);
  });
});
