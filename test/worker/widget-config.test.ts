// The widget config: the shopper's locale from their browser language (strings and agent phrases
// ride along), the merchant's per-locale texts, and the honest switches (web chat on, handoff on).
import { beforeAll, describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../worker/protocol/widget';
import { call } from './helpers';
import { getSettings, storeWithEveryRole, type StoreWithEveryRole } from './settings-helpers';

let store: StoreWithEveryRole;
beforeAll(async () => {
  store = await storeWithEveryRole('widget-config');
});

const config = async (locale?: string) => {
  const res = await call<{ config: WidgetConfig }>(
    'GET',
    `/api/widget/config?siteKey=${store.siteKey}${locale ? `&locale=${locale}` : ''}`,
    { origin: 'https://shop.example' },
  );
  expect(res.status).toBe(200);
  return res.json.config;
};

describe('widget config', () => {
  it('picks the locale from the browser language, with right-to-left for Arabic and English for the rest', async () => {
    expect(await config('de-AT')).toMatchObject({
      locale: 'de',
      dir: 'ltr',
      strings: expect.objectContaining({ send: 'Senden', open: 'Chat öffnen' }),
    });
    expect(await config('ar-EG')).toMatchObject({
      locale: 'ar',
      dir: 'rtl',
      strings: expect.objectContaining({ send: 'إرسال' }),
    });
    expect(await config('ja')).toMatchObject({ locale: 'ja', strings: expect.objectContaining({ send: '送信' }) });
    expect(await config('sv-SE')).toMatchObject({
      locale: 'en',
      dir: 'ltr',
      strings: expect.objectContaining({ send: 'Send' }),
      phrases: {},
    });
    expect(await config()).toMatchObject({ locale: 'en' });
    expect((await config('fr')).phrases['A teammate will reply here shortly.']).toBe(
      'Un membre de notre équipe vous répondra ici sous peu.',
    );
  });

  it('every locale has every string', async () => {
    const english = Object.keys((await config('en')).strings).sort();
    for (const code of ['de', 'fr', 'es', 'pt', 'nl', 'it', 'ja', 'ar']) {
      const strings = (await config(code)).strings;
      expect(Object.keys(strings).sort(), code).toEqual(english);
      expect(
        Object.values(strings).every((s) => s.length > 0),
        code,
      ).toBe(true);
    }
  });

  it('a bad language tag is a 400 that says what is wrong', async () => {
    const res = await call<{ error: { message: string } }>(
      'GET',
      `/api/widget/config?siteKey=${store.siteKey}&locale=${encodeURIComponent('<script>')}`,
      { origin: 'https://shop.example' },
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain('BCP 47');
  });

  it('uses the merchant’s agent name and greeting for a locale where they set them', async () => {
    const cookie = await store.as('owner');
    const current = await getSettings(cookie);
    const general = {
      ...current.general,
      agentName: 'Maya',
      greeting: 'Hi!',
      localized: { de: { greeting: 'Hallo! Wie kann ich helfen?' }, fr: { agentName: 'Maïa', greeting: 'Bonjour !' } },
    };
    const res = await call('PUT', '/api/settings/general', { cookie, body: general });
    expect(res.status).toBe(200);
    expect(await config('de-DE')).toMatchObject({ agentName: 'Maya', greeting: 'Hallo! Wie kann ich helfen?' });
    expect(await config('fr-CA')).toMatchObject({ agentName: 'Maïa', greeting: 'Bonjour !' });
    expect(await config('es')).toMatchObject({ agentName: 'Maya', greeting: 'Hi!' });
    const bad = await call('PUT', '/api/settings/general', {
      cookie,
      body: { ...general, localized: { xx: { greeting: 'hi' } } },
    });
    expect(bad.status).toBe(400);
  });

  it('says whether web chat and its handoff are on', async () => {
    const cookie = await store.as('owner');
    expect(await config()).toMatchObject({ enabled: true, handoff: true });
    const current = await getSettings(cookie);
    const channels = current.handoff!.channels as Record<string, Record<string, unknown>>;
    const handoff = {
      ...current.handoff,
      channels: { ...channels, web_chat: { ...channels.web_chat, method: 'none' } },
    };
    expect((await call('PUT', '/api/settings/handoff', { cookie, body: handoff })).status).toBe(200);
    expect(
      (
        await call('PUT', '/api/settings/channels', {
          cookie,
          body: { ...current.channels, webChat: { enabled: false } },
        })
      ).status,
    ).toBe(200);
    expect(await config()).toMatchObject({ enabled: false, handoff: false });
  });
});
