// The shopper wire protocol: every frame and HTTP body between the widget and the Worker.
// Imported by both sides, so a change here is a change to both; the server validates every frame.
// The widget imports only types from here (and values from ./limits) to keep zod out of its bundle.
import { z } from 'zod';
import { MAX_MESSAGE_CHARS } from './limits';

export * from './limits';

const clientId = z.uuid({ message: 'clientId must be a UUID the client generates once per message' });
const messageText = z
  .string()
  .trim()
  .min(1, 'text is empty')
  .max(MAX_MESSAGE_CHARS, `text is longer than ${MAX_MESSAGE_CHARS} characters`);

// ── Client → server (WebSocket frames) ──────────────────────────────────────────────────────────
export const clientFrame = z.discriminatedUnion('type', [
  /** First frame after connecting: the server replies with everything after `lastSeq`. */
  z.object({ type: z.literal('resume'), lastSeq: z.number().int().min(0) }),
  z.object({ type: z.literal('message'), clientId, text: messageText }),
  /** The "Talk to a person" button. */
  z.object({ type: z.literal('escalate'), clientId }),
  /** Answer to "Did that answer your question?". */
  z.object({ type: z.literal('feedback'), clientId, resolved: z.boolean() }),
  /** An anonymous shopper's answer to "sign in or leave your email": continue the handoff by email. */
  z.object({
    type: z.literal('handoff_email'),
    clientId,
    email: z.email('email must be a valid email address').max(254),
  }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;

// ── Messages as the widget shows them ──────────────────────────────────────────────────────────
export const productCard = z.object({
  id: z.string(),
  sku: z.string(),
  title: z.string(),
  priceCents: z.number().int(),
  currency: z.string(),
  imageUrl: z.string().nullable(),
  url: z.string().nullable(),
});
export type ProductCard = z.infer<typeof productCard>;

export const messageRole = z.enum(['shopper', 'agent', 'human', 'system']);
export type MessageRole = z.infer<typeof messageRole>;

export const wireMessage = z.object({
  seq: z.number().int().min(1),
  role: messageRole,
  text: z.string(),
  at: z.number().int(),
  clientId: z.string().nullable(),
  authorName: z.string().nullable(),
  cards: z.array(productCard).default([]),
  /**
   * A follow-up the widget offers under this message: Yes/No, a "Talk to a person" button, or
   * (anonymous shopper at a web-chat handoff) a sign-in link and an email form, or (after the team
   * closed the ticket) a 1–5 rating with an optional comment, sent to POST /api/csat.
   */
  prompt: z.enum(['confirm_resolution', 'offer_human', 'handoff_identity', 'csat']).nullable().default(null),
  /** A link the prompt offers (the store's sign-in page for `handoff_identity`). */
  link: z.string().nullable().default(null),
});
export type WireMessage = z.infer<typeof wireMessage>;

export const conversationStatus = z.enum(['open', 'resolved', 'escalated', 'closed']);
export type ConversationStatus = z.infer<typeof conversationStatus>;

/**
 * Where the conversation stands, beside its messages: sent with every history (socket `resume` and
 * HTTP), so a reload or another device shows the truth instead of what one browser remembers.
 */
const conversationState = {
  status: conversationStatus,
  /** The handoff moved to email (the shopper left an address, or the help desk answers by email): no replies come to this chat. */
  byEmail: z.boolean().default(false),
  /**
   * Messages up to this seq were seen by whoever answers: the Customer Agent that read them, or a
   * teammate who had the conversation open in the inbox after they arrived. 0: nothing seen yet.
   */
  seenSeq: z.number().int().min(0).default(0),
};

// ── Server → client (WebSocket frames) ─────────────────────────────────────────────────────────
export const serverFrame = z.discriminatedUnion('type', [
  /** The message with this clientId is stored as `seq`. */
  z.object({ type: z.literal('ack'), clientId: z.string(), seq: z.number().int() }),
  z.object({ type: z.literal('message'), message: wireMessage }),
  /** Reply to `resume`: every message after the requested sequence, in order. */
  z.object({ type: z.literal('history'), messages: z.array(wireMessage), ...conversationState }),
  /** Someone is writing a reply: the agent (no name), or a teammate (their name). */
  z.object({ type: z.literal('typing'), on: z.boolean(), name: z.string().max(80).optional() }),
  z.object({ type: z.literal('status'), status: conversationStatus, byEmail: conversationState.byEmail }),
  /** Someone answering has now seen every message up to `seq` (see conversationState.seenSeq). */
  z.object({ type: z.literal('seen'), seq: z.number().int().min(1) }),
  z.object({
    type: z.literal('error'),
    code: z.string(),
    message: z.string(),
    clientId: z.string().nullable().default(null),
  }),
  z.object({ type: z.literal('pong') }),
]);
export type ServerFrame = z.infer<typeof serverFrame>;

// ── HTTP (public widget API, authorised by site key and the conversation's resume token) ──────
const languageTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'language must be a BCP 47 tag like en-US')
  .max(35);

/** GET /config: the browser's language picks the locale of the strings that come back. */
export const widgetConfigQuery = z.object({ siteKey: z.string().min(1).max(100), locale: languageTag.optional() });

export const widgetConfig = z.object({
  /** In `locale`: the merchant's text for it if they set one, else their default. */
  agentName: z.string(),
  greeting: z.string(),
  avatarUrl: z.string().nullable(),
  brandColor: z.string(),
  launcherPosition: z.enum(['bottom-right', 'bottom-left']),
  /** Web chat is switched on (Settings → Channels). When it is off the loader shows no launcher at all. */
  enabled: z.boolean(),
  /** A person can be reached from web chat (its handoff is not "don't hand off"): "Talk to a person" shows. */
  handoff: z.boolean(),
  /** An anonymous shopper at a handoff may leave an email address (worker/handoff/decide.ts continueByEmailOffered). */
  emailHandoff: z.boolean(),
  /** The locale everything here is in ("de"), and its writing direction. */
  locale: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  /** Every widget string in `locale` (templates with {name} placeholders; keys as in widget/locale/en.ts). */
  strings: z.record(z.string(), z.string()),
  /** The agent's fixed English sentences → `locale` (templates; see widget/locale/phrases.ts). Empty for English. */
  phrases: z.record(z.string(), z.string()),
});
export type WidgetConfig = z.infer<typeof widgetConfig>;

export const startConversationBody = z.object({
  siteKey: z.string().min(1).max(100),
  /** Shopper identity token (HS256 JWT signed by the store's server), if the storefront has one. */
  identityToken: z.string().max(4096).optional(),
  /** The browser's language (navigator.language), for routing rules. */
  language: languageTag.optional(),
});
export const startConversationResponse = z.object({
  conversationId: z.uuid(),
  resumeToken: z.string(),
  config: widgetConfig,
});
export type StartConversationResponse = z.infer<typeof startConversationResponse>;

export const sendMessageBody = z.object({ clientId, text: messageText });
export const sendMessageResponse = z.object({
  ack: z.object({ clientId: z.string(), seq: z.number().int() }),
  messages: z.array(wireMessage),
});
export type SendMessageResponse = z.infer<typeof sendMessageResponse>;

export const historyQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });
export const historyResponse = z.object({ messages: z.array(wireMessage), ...conversationState });
export type HistoryResponse = z.infer<typeof historyResponse>;

export const identifyBody = z.object({ identityToken: z.string().min(1).max(4096) });
export const handoffEmailBody = z.object({ clientId, email: z.email('email must be a valid email address').max(254) });
