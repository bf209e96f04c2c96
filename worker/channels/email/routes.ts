// The email side of a ticket, for the inbox (team-member API, scoped by the member's account):
//   GET /api/email/conversations/:conversationId          the thread: every email in and out, with
//        its state (accepted / why not; pending / sent / retrying / failed), SPF/DKIM/DMARC and files
//   GET /api/email/messages/:emailId/raw                   the raw RFC 5322 message, as plain text
//   GET /api/email/messages/:emailId/attachments/:index    a stored attachment, as a download
//   POST /api/email/messages/:emailId/retry                a failed outbound email queued again (the
//        same delivery id and Message-ID, so it is still sent at most once)
// Stored files are served with nosniff, a sandboxing CSP and Content-Disposition: attachment, so a
// browser never renders what a stranger emailed as a page of this origin.
import { Hono } from 'hono';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../../http/app-env';
import { ApiError, notFound } from '../../http/errors';
import { roomOf } from '../../durable/namespaces';
import type { OutboundDelivery } from '../../conversation/contract';
import { requirePermission } from '../../auth/session';
import { emailMessages } from './schema';
import { findThread, settleAttempt } from './store';

const id = z.uuid();
const index = z.coerce.number().int().min(0).max(100);

const fileHeaders = (type: string, size: number, disposition: string) =>
  new Headers({
    'content-type': type,
    'content-length': String(size),
    'content-disposition': disposition,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  });

/** RFC 6266 filename*: any character a stranger put in a file name survives, none breaks the header. */
const attachmentDisposition = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export const emailRoutes = new Hono<AppEnv>()
  .post('/messages/:emailId/retry', requirePermission('tickets.reply'), async (c) => {
    const { db, member } = c.var;
    const row = await emailRow(db, member.accountId, c.req.param('emailId'));
    if (!row || row.direction !== 'out' || !row.conversationId || !row.deliveryId || row.seq === null)
      throw notFound('Outbound email');
    if (row.state !== 'failed')
      throw new ApiError(409, 'not_failed', `This email is ${row.state}; only a failed email can be retried`);
    const transcript = await roomOf(c.env, member.accountId, row.conversationId).transcript();
    const message = transcript.ok ? transcript.value.messages.find((m) => m.seq === row.seq) : undefined;
    if (!message || message.role === 'shopper') throw notFound('The message of this email');
    await c.env.CHANNEL_QUEUE.send(
      {
        deliveryId: row.deliveryId,
        accountId: member.accountId,
        conversationId: row.conversationId,
        channel: 'email',
        to: row.address,
        seq: row.seq,
        role: message.role,
        authorName: message.authorName,
        text: message.text,
      } satisfies OutboundDelivery,
      { contentType: 'json' },
    );
    await settleAttempt(
      db,
      member.accountId,
      row.deliveryId,
      'retrying',
      { reason: 'Queued again by a teammate' },
      Date.now(),
    );
    return c.json({ state: 'retrying' });
  })
  .use('*', requirePermission('conversations.read'))
  .get('/conversations/:conversationId', async (c) => {
    const conversationId = id.safeParse(c.req.param('conversationId'));
    const { db, member } = c.var;
    const thread = conversationId.success ? await findThread(db, member.accountId, conversationId.data) : null;
    if (!thread) throw notFound('Email thread');
    const rows = await db
      .select()
      .from(emailMessages)
      .where(
        and(eq(emailMessages.accountId, member.accountId), eq(emailMessages.conversationId, thread.conversationId)),
      )
      .orderBy(asc(emailMessages.createdAt));
    return c.json({
      thread: {
        conversationId: thread.conversationId,
        address: thread.address,
        subject: thread.subject,
        origin: thread.origin,
      },
      emails: rows.map((r) => ({
        id: r.id,
        direction: r.direction,
        messageId: r.messageId,
        address: r.address,
        subject: r.subject,
        state: r.state,
        reason: r.reason,
        seq: r.seq,
        deliveryId: r.deliveryId,
        attempts: r.attempts,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        auth: { spf: r.spf, dkim: r.dkim, dmarc: r.dmarc },
        rawUrl: r.rawKey ? `/api/email/messages/${r.id}/raw` : null,
        attachments: r.attachments.map((a, i) => ({
          name: a.name,
          contentType: a.contentType,
          size: a.size,
          refused: a.refused,
          url: a.key ? `/api/email/messages/${r.id}/attachments/${i}` : null,
        })),
      })),
    });
  })
  .get('/messages/:emailId/raw', async (c) => {
    const row = await emailRow(c.var.db, c.var.member.accountId, c.req.param('emailId'));
    const object = row?.rawKey ? await c.env.MEDIA.get(row.rawKey) : null;
    if (!object) throw notFound('Raw message');
    return new Response(object.body, { headers: fileHeaders('text/plain; charset=utf-8', object.size, 'inline') });
  })
  .get('/messages/:emailId/attachments/:index', async (c) => {
    const row = await emailRow(c.var.db, c.var.member.accountId, c.req.param('emailId'));
    const at = index.safeParse(c.req.param('index'));
    const file = row && at.success ? row.attachments[at.data] : undefined;
    const object = file?.key ? await c.env.MEDIA.get(file.key) : null;
    if (!file || !object) throw notFound('Attachment');
    return new Response(object.body, {
      headers: fileHeaders(
        object.httpMetadata?.contentType ?? 'application/octet-stream',
        object.size,
        attachmentDisposition(file.name),
      ),
    });
  });

async function emailRow(db: AppEnv['Variables']['db'], accountId: string, emailId: string) {
  const parsed = id.safeParse(emailId);
  if (!parsed.success) return null;
  const [row] = await db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.accountId, accountId), eq(emailMessages.id, parsed.data)))
    .limit(1);
  return row ?? null;
}
