// Helpers for the SMS and WhatsApp tests: a fresh store with the channel switched on and connected to
// the local stand-in (test/support/twilio-standin.ts, whatsapp-standin.ts), and the stand-ins' own
// signed webhooks posted into the Worker through exports.default.fetch, exactly as the provider would send them.
import { env, exports } from 'cloudflare:workers';
import { inject } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { conversations, tickets } from '../../worker/db/schema';
import { channelDeliveries, webhookReceipts } from '../../worker/db/schema-channels';
import { call, db, ORIGIN, signIn } from './helpers';
import { freshAccount, type FreshAccount } from './dispatch-helpers';
import { waitFor } from './helpdesk-helpers';
import { roomOf } from '../../worker/durable/namespaces';

export const twilio = inject('twilioStandin');
export const whatsapp = inject('whatsappStandin');
export const STORE_NUMBER = '+15550001111';

export interface Hook {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export async function postHook(hook: Hook, change: Partial<Hook> = {}) {
  const h = { ...hook, ...change };
  const res = await exports.default.fetch(h.url, { method: 'POST', headers: h.headers, body: h.body });
  return { status: res.status, text: await res.text() };
}

async function standin<T>(base: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`stand-in ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface SmsStore {
  acc: FreshAccount;
  ownerCookie: string;
  accountSid: string;
  inbound(from: string, body: string): Promise<Hook & { messageSid: string }>;
  sent(): Promise<Array<{ sid: string; to: string; from: string; body: string; statusCallback: string | null }>>;
  webhooks(): Promise<Array<Hook & { answered: number | null }>>;
}

export async function smsStore(tag: string): Promise<SmsStore> {
  const acc = await freshAccount(`sms-${tag}`, 1);
  const ownerCookie = await signIn(acc.owner.email);
  const accountSid = `AC${crypto.randomUUID().replaceAll('-', '')}`;
  const saved = await call('PUT', '/api/settings/channels', {
    cookie: ownerCookie,
    body: { sms: { enabled: true, senderNumber: STORE_NUMBER, twoWay: true } },
  });
  if (saved.status !== 200) throw new Error(`channel settings: ${saved.status} ${saved.text}`);
  const connected = await call('PUT', '/api/settings/channels/sms/connection', {
    cookie: ownerCookie,
    body: { accountSid, authToken: twilio.authToken },
  });
  if (connected.status !== 200) throw new Error(`connect: ${connected.status} ${connected.text}`);
  const url = `${ORIGIN}/api/channels/sms/twilio/${acc.accountId}`;
  return {
    acc,
    ownerCookie,
    accountSid,
    inbound: (from, body) => standin(twilio.url, '/__inbound', { accountSid, url, from, to: STORE_NUMBER, body }),
    sent: async () =>
      (
        await standin<{ messages: Awaited<ReturnType<SmsStore['sent']>> }>(
          twilio.url,
          `/__messages?accountSid=${accountSid}`,
        )
      ).messages,
    webhooks: async () =>
      (
        await standin<{ webhooks: Awaited<ReturnType<SmsStore['webhooks']>> }>(
          twilio.url,
          `/__webhooks?accountSid=${accountSid}`,
        )
      ).webhooks,
  };
}

export interface WhatsAppStore {
  acc: FreshAccount;
  ownerCookie: string;
  phoneNumberId: string;
  inbound(from: string, text: string, at?: number): Promise<Hook & { messageId: string }>;
  sent(): Promise<Array<{ id: string; to: string; type: string; text: string | null; template: string | null }>>;
  webhooks(): Promise<Array<Hook & { answered: number | null }>>;
}

export async function whatsappStore(tag: string): Promise<WhatsAppStore> {
  const acc = await freshAccount(`wa-${tag}`, 1);
  const ownerCookie = await signIn(acc.owner.email);
  const phoneNumberId = String(100_000_000 + Math.floor(Math.random() * 800_000_000));
  const saved = await call('PUT', '/api/settings/channels', {
    cookie: ownerCookie,
    body: { whatsapp: { enabled: true, phoneNumberId, displayNumber: STORE_NUMBER } },
  });
  if (saved.status !== 200) throw new Error(`channel settings: ${saved.status} ${saved.text}`);
  const connected = await call('PUT', '/api/settings/channels/whatsapp/connection', {
    cookie: ownerCookie,
    body: { businessAccountId: '2000000001', accessToken: whatsapp.accessToken, appSecret: whatsapp.appSecret },
  });
  if (connected.status !== 200) throw new Error(`connect: ${connected.status} ${connected.text}`);
  await standin(whatsapp.url, '/__webhook-url', {
    phoneNumberId,
    url: `${ORIGIN}/api/channels/whatsapp/${acc.accountId}`,
  });
  return {
    acc,
    ownerCookie,
    phoneNumberId,
    inbound: (from, text, at) => standin(whatsapp.url, '/__inbound', { phoneNumberId, from, text, at }),
    sent: async () =>
      (
        await standin<{ messages: Awaited<ReturnType<WhatsAppStore['sent']>> }>(
          whatsapp.url,
          `/__messages?phoneNumberId=${phoneNumberId}`,
        )
      ).messages,
    webhooks: async () =>
      (
        await standin<{ webhooks: Awaited<ReturnType<WhatsAppStore['webhooks']>> }>(
          whatsapp.url,
          `/__webhooks?phoneNumberId=${phoneNumberId}`,
        )
      ).webhooks,
  };
}

export const conversationsOf = (accountId: string) =>
  db().select().from(conversations).where(eq(conversations.accountId, accountId)).orderBy(asc(conversations.startedAt));

export const ticketsOf = (accountId: string) => db().select().from(tickets).where(eq(tickets.accountId, accountId));

export const receiptsOf = (accountId: string) =>
  db().select().from(webhookReceipts).where(eq(webhookReceipts.accountId, accountId));

export const deliveriesOf = (accountId: string, conversationId: string) =>
  db()
    .select()
    .from(channelDeliveries)
    .where(and(eq(channelDeliveries.accountId, accountId), eq(channelDeliveries.conversationId, conversationId)))
    .orderBy(asc(channelDeliveries.seq), asc(channelDeliveries.part));

/** Waits until `read` returns at least `count` items. */
export const atLeast = <T>(read: () => Promise<T[]>, count: number, timeoutMs = 15_000) =>
  waitFor(read, (v) => v.length >= count, timeoutMs);

/** The conversation's messages, as its room holds them. */
export async function transcript(accountId: string, conversationId: string) {
  const result = await roomOf(env, accountId, conversationId).transcript();
  if (!result.ok) throw new Error(result.message);
  return result.value.messages;
}
