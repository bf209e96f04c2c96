// A local stand-in for Twilio's Programmable Messaging API, speaking its documented wire format:
//   GET  /2010-04-01/Accounts/{Sid}.json                 the account (Basic auth: Sid + auth token)
//   POST /2010-04-01/Accounts/{Sid}/Messages.json        form To, From, Body, StatusCallback → 201 message
//        refuses: 401 {code 20003} bad credentials, 400 {code 21602} empty body, 400 {code 21617} body
//        over 1,600 characters, 400 {code 21211} bad To, 400 {code 21610} an unsubscribed number
//        then posts signed status callbacks (X-Twilio-Signature) "sent" and "delivered" to StatusCallback
// Test controls (never part of Twilio's API), each per Account SID so tests never share state:
//   POST /__inbound     {accountSid, url, from, to, body, optOutType?} → a signed inbound-SMS webhook,
//                       recorded (and posted when url is on loopback): {messageSid, url, headers, body}
//   POST /__mode        {accountSid, mode: "ok" | "500" | "429"}
//   POST /__unsubscribe {accountSid, phone}  Twilio's own opt-out list (the carrier-level STOP)
//   GET  /__messages?accountSid=…   every message the API accepted
//   GET  /__webhooks?accountSid=…   every webhook sent, with its signature and the receiver's answer
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

export const TWILIO_STANDIN_TOKEN = 'standin-twilio-auth-token-0123456789';

interface SentMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  at: number;
}

interface Scope {
  mode: 'ok' | '500' | '429';
  messages: SentMessage[];
  webhooks: SentWebhook[];
  unsubscribed: Set<string>;
}

export function twilioSignature(token: string, url: string, params: URLSearchParams): string {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return createHmac('sha1', token)
    .update(url + sorted.map(([k, v]) => k + v).join(''))
    .digest('base64');
}

const newSid = () => `SM${randomBytes(16).toString('hex')}`;

function signedForm(url: string, params: Record<string, string>) {
  const form = new URLSearchParams(params);
  return {
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(TWILIO_STANDIN_TOKEN, url, form),
    },
    body: form.toString(),
  };
}

const twilioError = (status: number, code: number, message: string): StandinReply =>
  json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

export async function startTwilioStandin(): Promise<RunningPhoneStandin> {
  const scopes = new Map<string, Scope>();
  const scopeOf = (sid: string) => {
    let scope = scopes.get(sid);
    if (!scope) scopes.set(sid, (scope = { mode: 'ok', messages: [], webhooks: [], unsubscribed: new Set() }));
    return scope;
  };

  return startPhoneStandin((method, url, raw, req) => {
    const control = url.pathname.startsWith('/__') ? controlRequest(method, url, raw) : null;
    if (control) return control;
    const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})(\.json|\/Messages\.json)$/.exec(url.pathname);
    if (!match) return twilioError(404, 20404, 'The requested resource was not found');
    const sid = match[1]!;
    const expected = `Basic ${Buffer.from(`${sid}:${TWILIO_STANDIN_TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return twilioError(401, 20003, 'Authenticate');
    const scope = scopeOf(sid);
    if (scope.mode === '500') return twilioError(500, 20500, 'Internal Server Error');
    if (scope.mode === '429') return twilioError(429, 20429, 'Too Many Requests');
    if (match[2] === '.json' && method === 'GET')
      return json(200, { sid, status: 'active', friendly_name: 'Stand-in account' });
    if (match[2] === '/Messages.json' && method === 'POST') return createMessage(sid, scope, new URLSearchParams(raw));
    return twilioError(405, 20004, 'Method not allowed');
  });

  function createMessage(accountSid: string, scope: Scope, form: URLSearchParams): StandinReply {
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    const body = form.get('Body') ?? '';
    if (!/^\+[1-9]\d{6,14}$/.test(to))
      return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!body) return twilioError(400, 21602, 'Message body is required.');
    if ([...body].length > 1600)
      return twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    if (scope.unsubscribed.has(to)) return twilioError(400, 21610, 'Attempt to send to unsubscribed recipient');
    const message: SentMessage = {
      sid: newSid(),
      to,
      from,
      body,
      statusCallback: form.get('StatusCallback'),
      at: Date.now(),
    };
    scope.messages.push(message);
    if (message.statusCallback) {
      const callback = (status: string) =>
        signedForm(message.statusCallback!, {
          AccountSid: accountSid,
          ApiVersion: '2010-04-01',
          From: from,
          To: to,
          MessageSid: message.sid,
          MessageStatus: status,
          SmsSid: message.sid,
          SmsStatus: status,
        });
      sendWebhooks(scope.webhooks, [callback('sent'), callback('delivered')]);
    }
    return json(201, {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body,
      date_created: new Date(message.at).toUTCString(),
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from,
      num_segments: '1',
      sid: message.sid,
      status: 'queued',
      to,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}.json`,
    });
  }

  function controlRequest(method: string, url: URL, raw: string): StandinReply | null {
    if (method === 'GET' && url.pathname === '/__messages')
      return json(200, { messages: scopeOf(url.searchParams.get('accountSid') ?? '').messages });
    if (method === 'GET' && url.pathname === '/__webhooks')
      return json(200, { webhooks: scopeOf(url.searchParams.get('accountSid') ?? '').webhooks });
    if (method !== 'POST') return null;
    const input = JSON.parse(raw || '{}') as Record<string, string>;
    const scope = scopeOf(input.accountSid ?? '');
    if (url.pathname === '/__mode') {
      scope.mode = input.mode === '500' || input.mode === '429' ? input.mode : 'ok';
      return json(200, { mode: scope.mode });
    }
    if (url.pathname === '/__unsubscribe') {
      scope.unsubscribed.add(input.phone ?? '');
      return json(200, {});
    }
    if (url.pathname === '/__inbound') {
      const messageSid = newSid();
      const [hook] = sendWebhooks(scope.webhooks, [
        signedForm(input.url ?? '', {
          ToCountry: 'US',
          ToState: 'CA',
          SmsMessageSid: messageSid,
          NumMedia: '0',
          ToCity: '',
          FromZip: '',
          SmsSid: messageSid,
          FromState: '',
          SmsStatus: 'received',
          FromCity: '',
          Body: input.body ?? '',
          FromCountry: 'US',
          To: input.to ?? '',
          ToZip: '',
          NumSegments: '1',
          MessageSid: messageSid,
          AccountSid: input.accountSid ?? '',
          From: input.from ?? '',
          ApiVersion: '2010-04-01',
          ...(input.optOutType ? { OptOutType: input.optOutType } : {}),
        }),
      ]);
      return json(200, { messageSid, ...hook });
    }
    return null;
  }
}
