// The Worker's email() handler, minus the runtime object: one raw RFC 5322 message in, one decision
// out. In order: size limit; Baton's own verification message for a claimed inbound address
// (address-claim.ts: it verifies the claim and goes no further); the account from the recipient (else
// the message is rejected back to the sender's server); parse; a Message-ID already recorded is a
// redelivery and changes nothing; automatic mail (bounce, auto-reply, list) is recorded and never
// answered (a bounce of mail Baton sent marks that reply failed, so the inbox shows it and offers
// Retry); per-sender and per-account rate limits; the thread (signed reply address, else a Message-ID
// Baton sent to this same sender, else a new conversation); a loop limit per thread; the raw message
// and attachments to R2; the row; then the message is handed to its conversation as the participant
// `{channel: 'email', address}` (with its real sender marked when someone else used the reply address).
import type { Database } from '../../db/client';
import { openDb } from '../../db/client';
import { emailProfile } from '../../conversations/profiles';
import { newId, sha256Hex } from '../../ids';
import type { InboundMessage, Participant } from '../../conversation/contract';
import { parseMail, type ParsedMail } from './mime';
import { resolveRecipient, type Recipient } from './recipient';
import { verificationArrived } from './address-claim';
import { putAttachments, putRaw } from './files';
import {
  conversationByMessageIds,
  createThread,
  inboundCount,
  inboundSeen,
  markBounced,
  recordInbound,
  type InboundRecord,
} from './store';
import { bounceVerdict } from './bounce';
import type { InboundState, RecordedAttachment } from './schema';

export interface EmailLimits {
  /** Larger messages are rejected before they are read (Email Routing accepts up to 25 MiB). */
  maxRawBytes: number;
  perSenderPerHour: number;
  perAccountPerHour: number;
  /** More inbound emails than this in one thread within an hour is a mail loop: recorded, not posted. */
  perThreadPerHour: number;
}

export const EMAIL_LIMITS: EmailLimits = {
  maxRawBytes: 20 * 1024 * 1024,
  perSenderPerHour: 20,
  perAccountPerHour: 2000,
  perThreadPerHour: 10,
};

export interface InboundEnvelope {
  /** SMTP MAIL FROM ("" for a bounce). */
  from: string;
  /** SMTP RCPT TO: the address the message reached Baton at. */
  to: string;
  raw: Uint8Array;
}

/** What happens to an accepted email's text: the conversation engine's side of the seam. */
export interface ConversationPort {
  post(
    env: Env,
    input: {
      accountId: string;
      conversationId: string;
      /** True for the first email of a new conversation: the port starts it. */
      started: boolean;
      participant: Extract<Participant, { channel: 'email' }>;
      /** The email-only (unverified) profile of the participant. */
      profileId: string;
      message: InboundMessage;
    },
  ): Promise<void>;
}

export type InboundOutcome =
  | { kind: 'rejected'; reason: string }
  | { kind: 'dropped'; state: Exclude<InboundState, 'accepted'>; reason: string; emailId: string | null }
  | { kind: 'accepted'; emailId: string; conversationId: string; started: boolean }
  /** Baton's own verification message for a claimed inbound address came back (address-claim.ts). */
  | { kind: 'verification'; outcome: 'verified' | 'taken'; accountId: string };

const HOUR = 60 * 60_000;

export async function receiveEmail(
  env: Env,
  envelope: InboundEnvelope,
  port: ConversationPort,
  limits: EmailLimits = EMAIL_LIMITS,
): Promise<InboundOutcome> {
  if (envelope.raw.length > limits.maxRawBytes)
    return { kind: 'rejected', reason: `Message larger than ${limits.maxRawBytes / 1024 / 1024} MB` };
  const db = openDb(env.DB);
  const verification = await verificationArrived(db, envelope.to, envelope.raw, Date.now());
  if (verification) return { kind: 'verification', ...verification };
  const recipient = await resolveRecipient(db, envelope.to);
  if (!recipient) return { kind: 'rejected', reason: 'No such recipient' };
  const mail = await parseMail(envelope.raw, envelope.from);
  const sender = mail.from ?? (envelope.from.includes('@') ? envelope.from.toLowerCase() : null);
  const messageId =
    mail.messageId ?? `${(await sha256Hex(new TextDecoder().decode(envelope.raw))).slice(0, 40)}@baton.invalid`;
  const accountId = recipient.accountId;
  if (await inboundSeen(db, accountId, messageId))
    return { kind: 'dropped', state: 'duplicate', reason: 'Already received', emailId: null };

  const now = Date.now();
  const emailId = newId();
  const base = {
    id: emailId,
    accountId,
    messageId,
    address: sender ?? envelope.from.toLowerCase(),
    subject: mail.subject,
    auth: mail.auth,
  };
  const drop = async (
    state: Exclude<InboundState, 'accepted' | 'duplicate'>,
    reason: string,
    keepRaw: boolean,
    conversationId: string | null = null,
  ): Promise<InboundOutcome> => {
    const rawKey = keepRaw ? await putRaw(env.MEDIA, accountId, emailId, envelope.raw) : null;
    await recordInbound(db, { ...base, conversationId, state, reason, rawKey, attachments: [] }, now);
    return { kind: 'dropped', state, reason, emailId };
  };

  if (mail.automatic?.kind === 'bounce') {
    const verdict = bounceVerdict(envelope.raw, mail.messageId);
    const bounced = verdict ? await markBounced(db, accountId, verdict.messageIds, verdict.reason, now) : null;
    return drop('bounce', verdict && bounced ? verdict.reason : mail.automatic.reason, true, bounced);
  }
  if (mail.automatic) return drop(mail.automatic.kind, mail.automatic.reason, true);
  if (!sender) return drop('bounce', 'No sender address to reply to', true);
  if ((await inboundCount(db, accountId, now - HOUR, { address: sender })) >= limits.perSenderPerHour) {
    return drop('rate_limited', `More than ${limits.perSenderPerHour} emails from this sender in an hour`, false);
  }
  if ((await inboundCount(db, accountId, now - HOUR)) >= limits.perAccountPerHour) {
    return drop('rate_limited', `More than ${limits.perAccountPerHour} emails to this store in an hour`, false);
  }

  const existing = await threadOf(db, recipient, mail, sender);
  if (
    existing &&
    (await inboundCount(db, accountId, now - HOUR, { conversationId: existing })) >= limits.perThreadPerHour
  ) {
    return drop(
      'loop',
      `More than ${limits.perThreadPerHour} emails in this thread in an hour (a mail loop?)`,
      true,
      existing,
    );
  }
  const conversationId = existing ?? newId();
  const started = existing === null;
  const rawKey = await putRaw(env.MEDIA, accountId, emailId, envelope.raw);
  const attachments = await putAttachments(env.MEDIA, accountId, emailId, mail.attachments);
  if (started)
    await createThread(db, { conversationId, accountId, address: sender, subject: mail.subject, origin: 'email' }, now);
  const record: InboundRecord = {
    ...base,
    address: sender,
    conversationId,
    state: 'accepted',
    reason: null,
    rawKey,
    attachments,
  };
  // A concurrent redelivery of the same message got there first: it posts, this one does not.
  if (!(await recordInbound(db, record, now)))
    return { kind: 'dropped', state: 'duplicate', reason: 'Already received', emailId: null };

  // The thread's participant. Through its signed reply address a different sender (a forwarded
  // notification, a colleague, whoever learned the address) joins the thread, as Zendesk adds a
  // non-participant's email reply to the ticket: stored under their own address and marked, never
  // answered for them, and never posted as the participant. By Message-ID it is the same sender anyway.
  const participant = recipient.kind === 'reply' ? recipient.thread.address : sender;
  const profileId = await emailProfile(db, accountId, participant);
  await port.post(env, {
    accountId,
    conversationId,
    started,
    profileId,
    participant: { channel: 'email', address: participant },
    message: {
      ...(await inboundMessageOf(emailId, messageId, mail, attachments)),
      ...(participant === sender ? {} : { otherSender: sender }),
    },
  });
  return { kind: 'accepted', emailId, conversationId, started };
}

/** The conversation this email continues, or null for a new one. */
async function threadOf(db: Database, recipient: Recipient, mail: ParsedMail, sender: string): Promise<string | null> {
  if (recipient.kind === 'reply') return recipient.thread.conversationId;
  return conversationByMessageIds(db, recipient.accountId, mail.threadIds, sender);
}

async function inboundMessageOf(
  emailId: string,
  messageId: string,
  mail: ParsedMail,
  attachments: RecordedAttachment[],
): Promise<InboundMessage> {
  const stored = attachments.filter((a): a is RecordedAttachment & { key: string } => a.key !== null);
  const listed = attachments.map((a) =>
    a.key ? `[Attachment: ${a.name}]` : `[Attachment not kept: ${a.name} (${a.refused})]`,
  );
  const text = [mail.text, ...listed].filter(Boolean).join('\n') || '(empty message)';
  const meta: Record<string, string> = { emailId, messageId, subject: mail.subject };
  for (const [k, v] of Object.entries(mail.auth)) if (v) meta[k] = v;
  return {
    clientId: `email:${(await sha256Hex(messageId)).slice(0, 40)}`,
    text: text.slice(0, 20_000),
    attachments: stored
      .slice(0, 20)
      .map((a) => ({ key: a.key, name: a.name, contentType: a.contentType, size: a.size })),
    meta,
  };
}
