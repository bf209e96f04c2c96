// The handoff decision, pure (no bindings, no I/O): what a handoff does with a conversation, given
// the account's settings and the facts about the conversation. The real handoff (handoff.ts) and the
// settings test sidebar's dry run (settings/handoff-preview.ts) both call this one function, so the
// dry run cannot drift from what happens; test/worker/handoff-decide.test.ts checks it for every
// method, helpdesk, destination, owner behaviour and identity state.
import type { Channel, Helpdesk } from '../db/schema';
import type { TicketRoute } from '../dispatch/types';
import type { AccountSettings } from '../settings/schema';
import type { ChannelHandoff } from '../settings/handoff';
import { chooseRoute } from './routing';
import type { Continuation } from './expectation';

/** Who the shopper is, as far as a handoff is concerned. */
export type HandoffIdentity =
  /** Identified by a verified token (web chat), or any participant of a channel without the sign-in rule. */
  | 'verified'
  /** An anonymous web-chat shopper: asked to sign in or to leave an email address. */
  | 'anonymous'
  /** An anonymous web-chat shopper who chose to continue by email. */
  | 'email';

export interface HandoffCase {
  channel: Channel;
  identity: HandoffIdentity;
  tags: string[];
  language: string | null;
  escalation: { reason: string; rule: string };
  /** The assignee of the conversation's previous ticket (a re-escalation's owner), if any. */
  previousOwnerId: string | null;
}

/** What an anonymous web-chat shopper is asked at a handoff. */
export const IDENTITY_PROMPT =
  'To talk to a person, sign in to your account, or leave your email address and our team will reply by email.';
/** The same when the store cannot continue by email (see continueByEmailOffered). */
export const SIGN_IN_PROMPT = 'To talk to a person, sign in to your account.';
/** The refusal of a continue-by-email press when it is not offered. */
export const CONTINUE_BY_EMAIL_OFF =
  'This store does not continue chats by email (its Email channel is off): sign in to talk to a person';

/**
 * Whether an anonymous web-chat shopper is offered "continue by email". An Inbox ticket's replies are
 * emailed by Baton itself, which only the store's Email channel may do (Settings → Channels → Email);
 * Zendesk and Gorgias email the requester themselves. Never when web chat does not hand off at all.
 */
export function continueByEmailOffered(settings: AccountSettings): boolean {
  const web = settings.handoff.channels.web_chat;
  return web.method !== 'none' && (web.helpdesk !== 'inbox' || settings.channels.email.enabled);
}

export type HandoffDecision =
  | { kind: 'declined'; message: string }
  | { kind: 'needs_identity'; signInUrl: string | null; message: string }
  | {
      kind: 'ticket';
      helpdesk: Helpdesk;
      continuation: Continuation;
      route: TicketRoute;
      because: string;
      settings: ChannelHandoff;
    };

export function decideHandoff(settings: AccountSettings, c: HandoffCase): HandoffDecision {
  const channelSettings = settings.handoff.channels[c.channel];
  if (channelSettings.method === 'none') return { kind: 'declined', message: channelSettings.declineMessage };
  // On web chat a human is reached only by a verified shopper, or by email.
  if (c.channel === 'web_chat' && c.identity === 'anonymous') {
    const message = continueByEmailOffered(settings) ? IDENTITY_PROMPT : SIGN_IN_PROMPT;
    return { kind: 'needs_identity', signInUrl: settings.general.signInUrl, message };
  }
  const helpdesk = channelSettings.helpdesk;
  // Gorgias moves the conversation to email; so does an anonymous shopper's email choice.
  const continuation: Continuation = helpdesk === 'gorgias' || c.identity === 'email' ? 'email' : 'web_chat';
  const chosen = chooseRoute(channelSettings, settings.handoff.routingRules, {
    tags: c.tags,
    urgent: c.escalation.rule === 'urgent',
    language: c.language,
    ownerId: c.previousOwnerId,
  });
  return {
    kind: 'ticket',
    helpdesk,
    continuation,
    route: chosen.route,
    because: chosen.because,
    settings: channelSettings,
  };
}
