// Every operation of Baton's public APIs, with the zod schemas the routes themselves validate with
// (imported from where the routes live), so the OpenAPI document cannot describe a different body
// or query than the one enforced. test/worker/openapi.test.ts fails when this list and the mounted
// routes disagree (a route added, removed or renamed on either side).
import type { ZodType } from 'zod';
import { z } from 'zod';
import { clientIdBody, feedbackBody, fileQuery } from '../channels/web-chat/routes';
import {
  handoffEmailBody,
  historyQuery,
  historyResponse,
  identifyBody as widgetIdentifyBody,
  sendMessageBody,
  sendMessageResponse,
  startConversationBody,
  startConversationResponse,
  widgetConfig,
  widgetConfigQuery,
  wireMessage,
} from '../protocol/widget';
import { identifyBody as trackIdentifyBody, trackBody } from '../track/schema';
import { exportQuery } from '../routes/segments';
import { createSubscriptionBody, updateSubscriptionBody } from '../webhooks/subscriptions';
import { deliveryLogQuery } from '../routes/webhook-subscriptions';

export type Security = 'none' | 'siteKey' | 'resumeToken' | 'apiKey' | 'session';
export type Method = 'get' | 'post' | 'patch' | 'delete';

export interface Operation {
  method: Method;
  /** OpenAPI path template, e.g. /api/widget/conversations/{id}/messages. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  security: Security;
  query?: z.ZodObject;
  body?: ZodType;
  /** The success status, its description and (where a schema exists) its body. */
  success: { status: number; description: string; schema?: ZodType; contentType?: string };
  /** Error statuses this operation answers with the error envelope. */
  errors: number[];
}

/** The routers these operations belong to, by mount prefix (worker/index.ts). */
export const PUBLIC_API_PREFIXES = {
  widget: '/api/widget',
  track: '/api/track',
  export: '/api/export',
  webhookSubscriptions: '/api/webhook-subscriptions',
} as const;

const W = PUBLIC_API_PREFIXES.widget;
const WH = PUBLIC_API_PREFIXES.webhookSubscriptions;
const messages = z.object({ messages: z.array(wireMessage) });
const conversationErrors = [400, 401, 404, 409, 413, 415, 429];

export const OPERATIONS: Operation[] = [
  // ── Widget (storefront → Baton, cross-origin) ──
  {
    method: 'get',
    path: `${W}/config`,
    tag: 'Widget',
    summary: 'The widget’s appearance for a site key',
    security: 'siteKey',
    query: widgetConfigQuery,
    success: { status: 200, description: 'The widget configuration', schema: z.object({ config: widgetConfig }) },
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: `${W}/conversations`,
    tag: 'Widget',
    summary: 'Start a conversation',
    security: 'siteKey',
    description:
      'Returns the conversation id and its resume token; every later call carries the token as `Authorization: Bearer <resume token>`.',
    body: startConversationBody,
    success: { status: 201, description: 'Started', schema: startConversationResponse },
    errors: [400, 401, 403, 413, 415, 429],
  },
  {
    method: 'get',
    path: `${W}/conversations/{id}/socket`,
    tag: 'Widget',
    summary: 'Live updates over a WebSocket',
    security: 'none',
    description:
      'Upgrade: websocket, with the subprotocols `baton.v1` and the resume token (`Sec-WebSocket-Protocol: baton.v1, <resume token>`), so the token is never in a URL; the server answers `baton.v1`. A missing or wrong token is 401.',
    success: { status: 101, description: 'Switching protocols to the conversation’s WebSocket' },
    errors: [400, 401, 404, 426],
  },
  {
    method: 'get',
    path: `${W}/conversations/{id}/messages`,
    tag: 'Widget',
    summary: 'Messages after a sequence number',
    security: 'resumeToken',
    query: historyQuery,
    success: { status: 200, description: 'The messages and the conversation’s status', schema: historyResponse },
    errors: [400, 401, 404],
  },
  {
    method: 'post',
    path: `${W}/conversations/{id}/messages`,
    tag: 'Widget',
    summary: 'Send the shopper’s message',
    security: 'resumeToken',
    body: sendMessageBody,
    success: { status: 200, description: 'Acknowledged, with the agent’s replies', schema: sendMessageResponse },
    errors: conversationErrors,
  },
  {
    method: 'post',
    path: `${W}/conversations/{id}/escalate`,
    tag: 'Widget',
    summary: 'Ask for a person',
    security: 'resumeToken',
    body: clientIdBody,
    success: { status: 200, description: 'What the shopper is told', schema: messages },
    errors: conversationErrors,
  },
  {
    method: 'post',
    path: `${W}/conversations/{id}/feedback`,
    tag: 'Widget',
    summary: 'Did the answer resolve it?',
    security: 'resumeToken',
    body: feedbackBody,
    success: { status: 200, description: 'Recorded', schema: messages },
    errors: conversationErrors,
  },
  {
    method: 'post',
    path: `${W}/conversations/{id}/identify`,
    tag: 'Widget',
    summary: 'Identify the shopper with the store’s signed token',
    security: 'resumeToken',
    body: widgetIdentifyBody,
    success: {
      status: 200,
      description: 'Linked to the shopper’s profile',
      schema: messages.extend({ identified: z.literal(true) }),
    },
    errors: conversationErrors,
  },
  {
    method: 'post',
    path: `${W}/conversations/{id}/handoff-email`,
    tag: 'Widget',
    summary: 'Continue a handoff by email',
    security: 'resumeToken',
    description:
      '`409 no_pending_handoff` when no handoff waits for an address; `409 email_channel_off` when the store does not continue chats by email (the widget config’s `emailHandoff` is false). Only attempts that go ahead count against the rate limit.',
    body: handoffEmailBody,
    success: { status: 200, description: 'What the shopper is told', schema: messages },
    errors: conversationErrors,
  },
  {
    method: 'post',
    path: `${W}/conversations/{id}/files`,
    tag: 'Widget',
    summary: 'Attach a file',
    security: 'resumeToken',
    description:
      'The raw bytes of a PNG, JPEG, WebP or GIF image or a PDF (recognised by content; at most 5 MB) as the body. It becomes a shopper message whose `link` is the file’s unguessable URL. Idempotent by `clientId`: a retry gets the first upload’s answer and stores nothing.',
    query: fileQuery,
    success: { status: 201, description: 'The stored message', schema: sendMessageResponse },
    errors: conversationErrors,
  },
  {
    method: 'get',
    path: `${W}/files/{conversationId}/{file}`,
    tag: 'Widget',
    summary: 'An attached file',
    security: 'none',
    description: 'Served with its real type, `X-Content-Type-Options: nosniff` and a sandboxing CSP; PDFs download.',
    success: { status: 200, description: 'The file', contentType: 'application/octet-stream' },
    errors: [404],
  },
  // ── Track (store server → Baton) ──
  {
    method: 'post',
    path: PUBLIC_API_PREFIXES.track,
    tag: 'Track',
    summary: 'Record an event (idempotent by id)',
    security: 'apiKey',
    body: trackBody,
    success: { status: 201, description: 'Recorded (200 when this id was recorded before)' },
    errors: [400, 401, 413, 415],
  },
  {
    method: 'post',
    path: `${PUBLIC_API_PREFIXES.track}/identify`,
    tag: 'Track',
    summary: 'Create or update a shopper profile',
    security: 'apiKey',
    body: trackIdentifyBody,
    success: { status: 200, description: 'The profile id', schema: z.object({ profileId: z.string() }) },
    errors: [400, 401, 413, 415],
  },
  // ── Segment export (store server / outreach tool → Baton) ──
  {
    method: 'get',
    path: `${PUBLIC_API_PREFIXES.export}/segments/{id}`,
    tag: 'Segment export',
    summary: 'A segment’s members as CSV or JSON',
    security: 'apiKey',
    query: exportQuery,
    success: {
      status: 200,
      description: 'The members (text/csv by default, application/json with format=json)',
      contentType: 'text/csv',
    },
    errors: [400, 401, 404],
  },
  // ── Webhook subscriptions (team session: Owner/Admin/Manager) ──
  {
    method: 'get',
    path: WH,
    tag: 'Webhook subscriptions',
    summary: 'List subscriptions',
    security: 'session',
    success: { status: 200, description: 'The account’s subscriptions (never their secrets)' },
    errors: [401, 403],
  },
  {
    method: 'post',
    path: WH,
    tag: 'Webhook subscriptions',
    summary: 'Subscribe a URL to event names',
    security: 'session',
    description:
      'The response carries the signing secret (`whsec_…`) once. Deliveries are signed per Standard Webhooks.',
    body: createSubscriptionBody,
    success: { status: 201, description: 'Created, with its secret' },
    errors: [400, 401, 403, 413, 415],
  },
  {
    method: 'get',
    path: `${WH}/{id}`,
    tag: 'Webhook subscriptions',
    summary: 'One subscription',
    security: 'session',
    success: { status: 200, description: 'The subscription' },
    errors: [401, 403, 404],
  },
  {
    method: 'patch',
    path: `${WH}/{id}`,
    tag: 'Webhook subscriptions',
    summary: 'Change URL, events, description or pause',
    security: 'session',
    body: updateSubscriptionBody,
    success: { status: 200, description: 'The updated subscription' },
    errors: [400, 401, 403, 404, 413, 415],
  },
  {
    method: 'delete',
    path: `${WH}/{id}`,
    tag: 'Webhook subscriptions',
    summary: 'Delete a subscription',
    security: 'session',
    success: { status: 200, description: 'Deleted' },
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: `${WH}/{id}/rotate-secret`,
    tag: 'Webhook subscriptions',
    summary: 'Make a new signing secret',
    security: 'session',
    success: { status: 200, description: 'The new secret, shown once', schema: z.object({ secret: z.string() }) },
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: `${WH}/{id}/deliveries`,
    tag: 'Webhook subscriptions',
    summary: 'The delivery log, newest first',
    security: 'session',
    query: deliveryLogQuery,
    success: { status: 200, description: 'A page of deliveries and the next cursor' },
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: `${WH}/deliveries/{deliveryId}/resend`,
    tag: 'Webhook subscriptions',
    summary: 'Queue a delivery again',
    security: 'session',
    success: { status: 200, description: 'Queued', schema: z.object({ resent: z.literal(true) }) },
    errors: [401, 403, 404],
  },
];
