import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import worker from '../../worker/index';
import { renewToken } from '../../worker/channels/email/address-claim';
import { call, db } from './helpers';
import { rawEmail, routedEmail } from './email-helpers';
import { fieldsOf, getSettings, lastAudit, storeWithEveryRole, type StoreWithEveryRole } from './settings-helpers';

let store: StoreWithEveryRole;
beforeAll(async () => {
  store = await storeWithEveryRole('channels');
});

const OFF = {
  webChat: { enabled: true },
  email: { enabled: false, inboundAddress: null, fromName: null, answeredBy: 'agent' },
  sms: { enabled: false, senderNumber: null, twoWay: false },
  whatsapp: { enabled: false, phoneNumberId: null, displayNumber: null },
};

describe('channels', () => {
  it('web chat is on by default and the others off', async () => {
    expect((await getSettings(await store.as('agent'))).channels).toEqual(OFF);
  });

  it('a toggle whose prerequisite is missing is refused with 422 naming exactly what is missing, and nothing is saved', async () => {
    const cookie = await store.as('manager');
    const cases = [
      {
        body: { ...OFF, email: { ...OFF.email, enabled: true } },
        field: 'email.inboundAddress',
        says: 'no inbound email address',
      },
      {
        body: { ...OFF, sms: { ...OFF.sms, enabled: true } },
        field: 'sms.senderNumber',
        says: 'no two-way SMS sender number',
      },
      {
        body: { ...OFF, sms: { enabled: true, senderNumber: '+14155550123', twoWay: false } },
        field: 'sms.twoWay',
        says: 'not two-way',
      },
      {
        body: { ...OFF, whatsapp: { ...OFF.whatsapp, enabled: true } },
        field: 'whatsapp.phoneNumberId',
        says: 'no WhatsApp phone number id',
      },
    ];
    for (const { body, field, says } of cases) {
      const res = await call<{
        error: { code: string; message: string; details: Array<{ field: string; message: string }> };
      }>('PUT', '/api/settings/channels', { cookie, body });
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe('channel_prerequisites');
      expect(res.json.error.message).toContain(says);
      expect(res.json.error.details).toEqual([{ field, message: expect.stringContaining(says) }]);
    }
    expect((await getSettings(cookie)).channels).toEqual(OFF);
  });

  it('with every prerequisite met each channel turns on, is returned and audited', async () => {
    const cookie = await store.as('owner');
    const on = {
      webChat: { enabled: true },
      email: {
        enabled: true,
        inboundAddress: `help@${store.accountId.slice(0, 8)}.shop.example.com`,
        fromName: 'Shop Help',
        answeredBy: 'team',
      },
      sms: { enabled: true, senderNumber: '+14155550123', twoWay: true },
      whatsapp: { enabled: true, phoneNumberId: '1234567890', displayNumber: '+14155550199' },
    };
    const res = await call<{ settings: { channels: unknown } }>('PUT', '/api/settings/channels', { cookie, body: on });
    expect(res.status).toBe(200);
    expect(res.json.settings.channels).toEqual(on);
    expect((await getSettings(cookie)).channels).toEqual(on);
    expect((await lastAudit(store.accountId, 'settings.channels.update'))!.changes).toMatchObject({
      before: OFF,
      after: on,
    });
    // Switching a channel off never needs anything.
    expect(
      (await call('PUT', '/api/settings/channels', { cookie, body: { ...on, sms: { ...on.sms, enabled: false } } }))
        .status,
    ).toBe(200);
  });

  it('an inbound email address another store has verified is refused with 409, and nothing is saved', async () => {
    const other = await storeWithEveryRole('channels-other');
    const cookie = await store.as('owner');
    const mine = (await getSettings(cookie)).channels as typeof OFF;
    const taken = (await getSettings(await other.as('owner'))).channels as typeof OFF;
    const address = `Taken@${other.accountId.slice(0, 8)}.example.com`;
    expect(
      (
        await call('PUT', '/api/settings/channels', {
          cookie: await other.as('owner'),
          body: { ...taken, email: { ...taken.email, inboundAddress: address.toLowerCase() } },
        })
      ).status,
    ).toBe(200);
    // Its verification message comes back through the email handler (test/worker/attack-email.test.ts).
    const token = (await renewToken(db(), other.accountId))!;
    const to = address.toLowerCase();
    const { message } = routedEmail('alerts@baton.example', to, rawEmail({ to, text: `baton-verify:${token}` }));
    await worker.email(message, env);
    const res = await call<{ error: { code: string } }>('PUT', '/api/settings/channels', {
      cookie,
      body: { ...mine, email: { ...mine.email, inboundAddress: address } },
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('inbound_address_taken');
    expect((await getSettings(cookie)).channels).toEqual(mine);
  });

  it('malformed configuration is 400 with the field', async () => {
    const res = await call('PUT', '/api/settings/channels', {
      cookie: await store.as('admin'),
      body: {
        ...OFF,
        email: { ...OFF.email, inboundAddress: 'not-an-email' },
        sms: { ...OFF.sms, senderNumber: '555-0123' },
        whatsapp: { ...OFF.whatsapp, phoneNumberId: 'abc' },
      },
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.json)).toEqual(
      expect.arrayContaining(['email.inboundAddress', 'sms.senderNumber', 'whatsapp.phoneNumberId']),
    );
  });

  it('web chat switched off refuses new widget conversations; back on, they start again', async () => {
    const cookie = await store.as('owner');
    const current = (await getSettings(cookie)).channels!;
    expect(
      (await call('PUT', '/api/settings/channels', { cookie, body: { ...current, webChat: { enabled: false } } }))
        .status,
    ).toBe(200);
    const refused = await call('POST', '/api/widget/conversations', {
      body: { siteKey: store.siteKey },
      origin: 'https://shop.example',
    });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: { code: 'channel_off' } });
    expect(
      (await call('PUT', '/api/settings/channels', { cookie, body: { ...current, webChat: { enabled: true } } }))
        .status,
    ).toBe(200);
    expect(
      (
        await call('POST', '/api/widget/conversations', {
          body: { siteKey: store.siteKey },
          origin: 'https://shop.example',
        })
      ).status,
    ).toBe(201);
  });

  it('Support, Agent and Analyst get 403', async () => {
    for (const role of ['support', 'agent', 'analyst'] as const) {
      expect((await call('PUT', '/api/settings/channels', { cookie: await store.as(role), body: OFF })).status).toBe(
        403,
      );
    }
  });
});
