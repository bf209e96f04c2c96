// The handoff: what happens when the Customer Agent cannot resolve a conversation. decide.ts (pure,
// shared with the test sidebar's dry run) chooses between a ticket for a helpdesk (Inbox, Zendesk,
// Gorgias), "don't hand off", and (anonymous web chat) asking the shopper to sign in or continue by
// email; this file does the I/O. The ticket row is written to D1 (idempotently, under the ticket id
// the caller fixed) before anything is delivered anywhere.
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tickets, users, type Channel, type Helpdesk } from '../db/schema';
import { reasons } from '../dispatch/reasons';
import { nextTicketNumber } from '../db/ticket-number';
import type { VersionedSettings } from '../settings/store';
import { routeTargetOf, ticketRowColumns } from '../dispatch/reads';
import type { Decision } from '../dispatch/types';
import { dispatcherOf } from '../durable/namespaces';
import { decideHandoff } from './decide';
import { shopperExpectation, type Continuation, type Reach } from './expectation';
import { readIntegration } from './integrations';
import { enqueueDelivery } from './delivery';
import type { WireMessage } from '../protocol/widget';
import { startEmailContinuation } from '../channels/email/conversation';
import { firstResponseDue } from '../tickets/sla';

export interface HandoffConversation {
  accountId: string;
  conversationId: string;
  channel: Channel;
  /** Set only for a shopper identified by a verified token. */
  verifiedProfileId: string | null;
  tags: string[];
  language: string | null;
  subject: string;
  /** The conversation so far (read only when a web-chat shopper continues by email). */
  history?: () => WireMessage[];
}

export interface HandoffContact {
  /** The requester's email: the verified profile's, or the one an anonymous shopper typed. */
  email: string | null;
  /** The profile the ticket carries (verified, or the email-only profile of an anonymous shopper). */
  profileId: string | null;
  /** True when the anonymous shopper chose to continue by email. */
  byEmail: boolean;
}

export type { Continuation } from './expectation';

export type HandoffOutcome =
  | { kind: 'declined'; message: string }
  | { kind: 'needs_identity'; signInUrl: string | null; message: string }
  | {
      kind: 'ticket';
      ticketId: string;
      helpdesk: Helpdesk;
      continuation: Continuation;
      decision: Decision | null;
      /** What the shopper is told: the confirmation, then what to expect. */
      messages: string[];
    };

export async function handOff(
  env: Env,
  db: Database,
  /** The settings decided with, and their version (the Dispatcher's held copy follows it). */
  held: VersionedSettings,
  conversation: HandoffConversation,
  contact: HandoffContact,
  escalation: { reason: string; rule: string },
  /** Fixed by the caller when it decided to hand off, so a retried handoff never opens a second ticket. */
  ticketId: string,
  now: number,
): Promise<HandoffOutcome> {
  const { settings } = held;
  const previous = await db.query.tickets.findFirst({
    where: and(
      eq(tickets.accountId, conversation.accountId),
      eq(tickets.conversationId, conversation.conversationId),
      ne(tickets.id, ticketId),
    ),
    orderBy: desc(tickets.createdAt),
    columns: { assigneeId: true },
  });
  const decided = decideHandoff(settings, {
    channel: conversation.channel,
    identity: contact.byEmail
      ? 'email'
      : conversation.verifiedProfileId || conversation.channel !== 'web_chat'
        ? 'verified'
        : 'anonymous',
    tags: conversation.tags,
    language: conversation.language,
    escalation,
    previousOwnerId: previous?.assigneeId ?? null,
  });
  if (decided.kind !== 'ticket') return decided;
  const { helpdesk, continuation } = decided;

  // An Inbox ticket of a shopper who continues by email is an email ticket with its own email
  // conversation (its origin, the web chat, kept in the snapshot): teammate replies go out by email
  // and never into the anonymous chat. Zendesk and Gorgias email the requester themselves.
  const emailConversationId =
    contact.byEmail && contact.email && helpdesk === 'inbox'
      ? await startEmailContinuation(env, db, {
          accountId: conversation.accountId,
          ticketId,
          email: contact.email,
          profileId: contact.profileId,
          subject: conversation.subject,
          history: conversation.history?.() ?? [],
        })
      : null;
  const channel: Channel = emailConversationId ? 'email' : conversation.channel;
  // The row as stored, read back by the insert itself: a retried handoff gets the first attempt's row
  // (its number), and the Dispatcher gets it in the call instead of reading it from D1 — with the team
  // or person the route names, read beside the insert (nothing for round robin).
  const [[row], target] = await Promise.all([
    db
      .insert(tickets)
      .values({
        id: ticketId,
        accountId: conversation.accountId,
        number: nextTicketNumber(conversation.accountId),
        conversationId: emailConversationId ?? conversation.conversationId,
        profileId: contact.profileId,
        channel,
        subject: conversation.subject,
        requesterEmail: contact.email,
        tags: conversation.tags,
        helpdesk,
        deliveryState: helpdesk === 'inbox' ? 'delivered' : 'pending',
        routingSnapshot: {
          settings: decided.settings,
          route: decided.route,
          because: decided.because,
          escalation,
          continuation,
          ...(emailConversationId
            ? { origin: { channel: conversation.channel, conversationId: conversation.conversationId } }
            : {}),
        },
        createdAt: now,
        updatedAt: now,
        firstResponseDueAt: helpdesk === 'inbox' ? firstResponseDue(settings, now) : null,
      })
      .onConflictDoUpdate({ target: tickets.id, set: { updatedAt: sql`${tickets.updatedAt}` } })
      .returning(ticketRowColumns),
    helpdesk === 'inbox' ? routeTargetOf(db, conversation.accountId, decided.route) : null,
  ]);
  if (!row) throw new Error(`handoff: ticket ${ticketId} was neither inserted nor found`);

  let decision: Decision | null = null;
  if (target) {
    decision = await dispatcherOf(env, conversation.accountId).ticketCreated({
      ticket: row,
      route: decided.route,
      target,
      settingsVersion: held.version,
    });
  } else {
    await enqueueDelivery(env, { accountId: conversation.accountId, ticketId });
  }
  return {
    kind: 'ticket',
    ticketId,
    helpdesk,
    continuation,
    decision,
    messages: [
      decided.settings.confirmationMessage,
      shopperExpectation(
        settings,
        conversation.channel,
        continuation,
        contact.email,
        await reachOf(db, conversation.accountId, helpdesk, decision),
        now,
      ),
    ],
  };
}

/**
 * Who can act on the new ticket now. Inbox: the Dispatcher's decision says it (round robin only picks
 * Online members and says when nobody was Online); a person named by a rule is looked up. An outside
 * helpdesk: whether it is connected (its agents' presence is not known here).
 */
async function reachOf(db: Database, accountId: string, helpdesk: Helpdesk, decision: Decision | null): Promise<Reach> {
  if (helpdesk !== 'inbox') {
    const integration = await readIntegration(db, accountId, helpdesk);
    return { assignee: null, anyoneOnline: null, helpdeskUp: integration?.status === 'connected' };
  }
  const nobodyOnline =
    decision !== null &&
    (decision.reason === reasons.nobodyOnline() || decision.reason.endsWith(reasons.teamNobodyOnline('')));
  const reach: Reach = { assignee: null, anyoneOnline: !nobodyOnline, helpdeskUp: true };
  if (!decision?.assigneeId) return reach;
  if (decision.method === 'round_robin' || decision.method === 'team') return { ...reach, assignee: 'online' };
  const person = await db.query.users.findFirst({
    where: and(eq(users.accountId, accountId), eq(users.id, decision.assigneeId)),
    columns: { presence: true },
  });
  return { ...reach, assignee: person?.presence === 'online' ? 'online' : 'offline' };
}
