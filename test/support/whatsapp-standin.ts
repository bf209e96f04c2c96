// A local stand-in for the WhatsApp Cloud API (Meta's Graph API), speaking its documented wire format:
//   GET  /v21.0/{phone-number-id}                      the number (Bearer access token)
//   GET  /v21.0/{waba-id}/message_templates            the merchant's templates (one approved, one pending)
//   POST /v21.0/{phone-number-id}/messages             {messaging_product, to, type: text|template, …}
//        → {messaging_product, contacts: [{input, wa_id}], messages: [{id: "wamid…"}]}
//        refuses: 401 {error.code 190} bad token, 400 {error.code 100} malformed, 400 {error.code 132001}
//        unknown or unapproved template. A free-text message outside the customer's 24-hour window is
//        accepted and then fails by webhook with code 131047, as the real API does.
//   Status webhooks (X-Hub-Signature-256 with the app secret): sent, delivered, read — or failed.
// Test controls (not Meta's API), per phone number id:
//   POST /__inbound   {phoneNumberId, from, text, name?, at?} → a signed inbound-message webhook
//   POST /__mode      {phoneNumberId, mode: "ok" | "500" | "429"}
//   GET  /__messages?phoneNumberId=…   every message the API accepted
//   GET  /__webhooks?phoneNumberId=…   every webhook sent (recorded; posted when `url` is on loopback)
//   POST /__webhook-url {phoneNumberId, url}   where webhooks go (default: recorded only, to https://baton.invalid)
// Signatures are computed here with node:crypto, independently of the Worker's verifier.
import { createHmac, randomBytes } from 'node:crypto';
import {
  json,
  sendWebhooks,
  startPhoneStandin,
  type RunningPhoneStandin,
  type SentWebhook,
  type StandinReply,
} from './phone-standin';

export const WHATSAPP_STANDIN_TOKEN = 'standin-whatsapp-access-token-0123456789';
export const WHATSAPP_STANDIN_APP_SECRET = 'standin-whatsapp-app-secret-9876543210';
export const STANDIN_TEMPLATES = [
  {
    name: 'order_update',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Hi, we have an update about your order. Reply to this message to continue.' }],
  },
  {
    name: 'spring_sale',
    language: 'en_US',
    status: 'PENDING',
    category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Our spring sale starts now.' }],
  },
];
const WINDOW_MS = 24 * 60 * 60 * 1000;

interface SentMessage {
  id: string;
  to: string;
  type: string;
  text: string | null;
  template: string | null;
  at: number;
}

interface Scope {
  mode: 'ok' | '500' | '429';
  url: string;
  messages: SentMessage[];
  webhooks: SentWebhook[];
  lastInbound: Map<string, number>;
}

export function hubSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const graphError = (status: number, code: number, message: string): StandinReply =>
  json(status, { error: { message, type: 'OAuthException', code, fbtrace_id: randomBytes(8).toString('hex') } });

export async function startWhatsAppStandin(): Promise<RunningPhoneStandin> {
  const scopes = new Map<string, Scope>();
  const scopeOf = (id: string) => {
    let scope = scopes.get(id);
    if (!scope)
      scopes.set(
        id,
        (scope = { mode: 'ok', url: 'https://baton.invalid/', messages: [], webhooks: [], lastInbound: new Map() }),
      );
    return scope;
  };
  const webhook = (phoneNumberId: string, value: Record<string, unknown>) => {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550001111', phone_number_id: phoneNumberId },
                ...value,
              },
            },
          ],
        },
      ],
    });
    return {
      url: scopeOf(phoneNumberId).url,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': hubSignature(WHATSAPP_STANDIN_APP_SECRET, body),
      },
      body,
    };
  };

  return startPhoneStandin((method, url, raw, req) => {
    if (url.pathname.startsWith('/__')) return controlRequest(method, url, raw);
    const match = /^\/v21\.0\/(\d{5,30})(\/messages|\/message_templates)?$/.exec(url.pathname);
    if (!match) return graphError(400, 100, 'Unsupported request');
    if (req.headers.authorization !== `Bearer ${WHATSAPP_STANDIN_TOKEN}`)
      return graphError(401, 190, 'Invalid OAuth access token.');
    const scope = scopeOf(match[1]!);
    if (scope.mode === '500') return graphError(500, 1, 'An unknown error occurred');
    if (scope.mode === '429') return graphError(429, 130429, 'Rate limit hit');
    if (method === 'GET' && !match[2])
      return json(200, { id: match[1], display_phone_number: '+1 555-000-1111', verified_name: 'Stand-in Store' });
    if (method === 'GET' && match[2] === '/message_templates')
      return json(200, { data: STANDIN_TEMPLATES, paging: {} });
    if (method === 'POST' && match[2] === '/messages') return sendMessage(match[1]!, scope, raw);
    return graphError(400, 100, 'Unsupported request');
  });

  function sendMessage(phoneNumberId: string, scope: Scope, raw: string): StandinReply {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return graphError(400, 100, 'Invalid JSON');
    }
    const to = typeof body.to === 'string' ? body.to : '';
    if (body.messaging_product !== 'whatsapp' || !/^\d{7,15}$/.test(to))
      return graphError(400, 100, 'Invalid parameter: to / messaging_product');
    const text = body.type === 'text' ? (body.text as { body?: unknown } | undefined)?.body : undefined;
    const template = body.type === 'template' ? (body.template as { name?: unknown } | undefined)?.name : undefined;
    if (body.type === 'text' && (typeof text !== 'string' || text.length === 0 || text.length > 4096))
      return graphError(400, 100, 'Invalid parameter: text.body (1–4096 characters)');
    if (body.type === 'template' && !STANDIN_TEMPLATES.some((t) => t.name === template && t.status === 'APPROVED')) {
      return graphError(400, 132001, 'Template name does not exist in the translation');
    }
    if (body.type !== 'text' && body.type !== 'template') return graphError(400, 100, 'Unsupported message type');
    const message: SentMessage = {
      id: `wamid.${randomBytes(12).toString('hex')}`,
      to,
      type: body.type,
      text: typeof text === 'string' ? text : null,
      template: typeof template === 'string' ? template : null,
      at: Date.now(),
    };
    scope.messages.push(message);
    const last = scope.lastInbound.get(to);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const status = (s: string, extra: Record<string, unknown> = {}) =>
      webhook(phoneNumberId, { statuses: [{ id: message.id, status: s, timestamp, recipient_id: to, ...extra }] });
    const outsideWindow = body.type === 'text' && (last === undefined || Date.now() - last >= WINDOW_MS);
    sendWebhooks(
      scope.webhooks,
      outsideWindow
        ? [
            status('failed', {
              errors: [
                {
                  code: 131047,
                  title: 'Re-engagement message',
                  message: 'More than 24 hours have passed since the recipient last replied to the sender number.',
                },
              ],
            }),
          ]
        : [status('sent'), status('delivered'), status('read')],
    );
    return json(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to }],
      messages: [{ id: message.id }],
    });
  }

  function controlRequest(method: string, url: URL, raw: string): StandinReply {
    if (method === 'GET' && url.pathname === '/__messages')
      return json(200, { messages: scopeOf(url.searchParams.get('phoneNumberId') ?? '').messages });
    if (method === 'GET' && url.pathname === '/__webhooks')
      return json(200, { webhooks: scopeOf(url.searchParams.get('phoneNumberId') ?? '').webhooks });
    const input = JSON.parse(raw || '{}') as Record<string, string | number>;
    const scope = scopeOf(String(input.phoneNumberId ?? ''));
    if (method === 'POST' && url.pathname === '/__mode') {
      scope.mode = input.mode === '500' || input.mode === '429' ? input.mode : 'ok';
      return json(200, { mode: scope.mode });
    }
    if (method === 'POST' && url.pathname === '/__webhook-url') {
      scope.url = String(input.url);
      return json(200, {});
    }
    if (method === 'POST' && url.pathname === '/__inbound') {
      const from = String(input.from);
      const at = typeof input.at === 'number' ? input.at : Date.now();
      scope.lastInbound.set(from, Math.max(scope.lastInbound.get(from) ?? 0, at));
      const id = `wamid.${randomBytes(12).toString('hex')}`;
      const [hook] = sendWebhooks(scope.webhooks, [
        webhook(String(input.phoneNumberId), {
          contacts: [{ profile: { name: String(input.name ?? 'Customer') }, wa_id: from }],
          messages: [
            {
              from,
              id,
              timestamp: String(Math.floor(at / 1000)),
              type: 'text',
              text: { body: String(input.text ?? '') },
            },
          ],
        }),
      ]);
      return json(200, { messageId: id, ...hook });
    }
    return graphError(404, 100, 'Unknown control');
  }
}
