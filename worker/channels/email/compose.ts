// An outgoing email of a conversation (pure): `Re: <thread subject>`, In-Reply-To the newest email the
// participant sent and References every Message-ID of the thread (the last 20), from the account's
// address with its display name, Reply-To the thread's signed reply address, and a Message-ID fixed by
// the delivery id, so a retried delivery is the same email to the recipient and to the provider.
// A teammate's reply is signed with their name; the Customer Agent's is marked Auto-Submitted
// (RFC 3834), which also keeps well-behaved auto-responders from answering it.
import type { OutboundDelivery } from '../../conversation/contract';
import type { OutgoingEmail } from '../../notifications/email';
import { sha256Hex } from '../../ids';

export interface ThreadFacts {
  subject: string;
  /** The account's sending address and name. */
  from: string;
  fromName: string;
  /** The thread's signed reply address. */
  replyTo: string;
  lastInbound: string | null;
  references: string[];
}

const REPLY_PREFIX = /^(?:(?:re|aw|sv|antw|vs|réf|rif)\s*:\s*)+/i;

export function replySubject(subject: string, fallback: string): string {
  const bare = subject.replace(REPLY_PREFIX, '').trim();
  return `Re: ${bare || fallback}`;
}

/** The local part of the Message-ID a delivery's email carries (the same on every attempt). */
export async function deliveryMessageKey(
  delivery: Pick<OutboundDelivery, 'accountId' | 'deliveryId'>,
): Promise<string> {
  return `baton.${(await sha256Hex(`${delivery.accountId}:${delivery.deliveryId}`)).slice(0, 32)}`;
}

export async function composeEmail(delivery: OutboundDelivery, facts: ThreadFacts): Promise<OutgoingEmail> {
  const signed =
    delivery.role === 'human' && delivery.authorName
      ? `${delivery.text}\n\n— ${delivery.authorName}, ${facts.fromName}`
      : delivery.text;
  return {
    from: facts.from,
    fromName: facts.fromName,
    to: delivery.to,
    subject: replySubject(facts.subject, `Your conversation with ${facts.fromName}`),
    text: signed,
    messageId: await deliveryMessageKey(delivery),
    replyTo: facts.replyTo,
    ...(facts.lastInbound ? { inReplyTo: facts.lastInbound } : {}),
    references: facts.references.slice(-20),
    autoSubmitted: delivery.role === 'human' ? null : 'auto-replied',
  };
}
