import { beforeAll, describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { call, ORIGIN } from './helpers';
import {
  fieldsOf,
  getSettings,
  lastAudit,
  PNG_1X1,
  storeWithEveryRole,
  type StoreWithEveryRole,
} from './settings-helpers';

let store: StoreWithEveryRole;
beforeAll(async () => {
  store = await storeWithEveryRole('general');
});

function upload(cookie: string, bytes: Uint8Array<ArrayBuffer>, type: string, headers: Record<string, string> = {}) {
  return exports.default.fetch(`${ORIGIN}/api/settings/avatar`, {
    method: 'POST',
    body: bytes,
    headers: { cookie, origin: ORIGIN, 'content-type': type, ...headers },
  });
}

const withSize = (head: number[], size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(head);
  return bytes;
};
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];
const GIF_HEAD = ascii('GIF89a');
const WEBP_HEAD = [...ascii('RIFF'), 0x10, 0, 0, 0, ...ascii('WEBPVP8 ')];

describe('general settings', () => {
  it('a valid change is saved, returned and audited', async () => {
    const cookie = await store.as('manager');
    const current = await getSettings(cookie);
    const general = {
      ...current.general,
      agentName: 'Maya',
      greeting: 'Hi, I am Maya. Ask me anything!',
      brandColor: '#aa3300',
      launcherPosition: 'bottom-left',
      allowedOrigins: ['https://shop.example.com'],
      signInUrl: 'https://shop.example.com/account/login',
    };
    const res = await call<{ settings: { general: typeof general } }>('PUT', '/api/settings/general', {
      cookie,
      body: general,
    });
    expect(res.status).toBe(200);
    expect(res.json.settings.general).toMatchObject({
      agentName: 'Maya',
      launcherPosition: 'bottom-left',
      allowedOrigins: ['https://shop.example.com'],
    });
    expect((await getSettings(cookie)).general).toMatchObject({
      agentName: 'Maya',
      greeting: 'Hi, I am Maya. Ask me anything!',
    });
    const audit = await lastAudit(store.accountId, 'settings.general.update');
    expect(audit).toMatchObject({ actorId: store.userId('manager') });
    expect(audit!.changes).toMatchObject({ before: { agentName: 'Baton' }, after: { agentName: 'Maya' } });
  });

  it('invalid fields are 400 with each field named, and nothing changes', async () => {
    const cookie = await store.as('owner');
    const before = await getSettings(cookie);
    const res = await call('PUT', '/api/settings/general', {
      cookie,
      body: {
        ...before.general,
        agentName: '',
        brandColor: 'blue',
        launcherPosition: 'top',
        allowedOrigins: ['https://shop.example.com/path'],
        signInUrl: 'nope',
        avatarUrl: 'javascript:alert(1)',
      },
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.json)).toEqual(
      expect.arrayContaining([
        'agentName',
        'brandColor',
        'launcherPosition',
        'allowedOrigins.0',
        'signInUrl',
        'avatarUrl',
      ]),
    );
    expect(await getSettings(cookie)).toEqual(before);
  });

  it('the widget config shows the new name and greeting', async () => {
    const res = await call<{ config: { agentName: string; greeting: string } }>(
      'GET',
      `/api/widget/config?siteKey=${store.siteKey}`,
      { origin: 'https://shop.example.com' },
    );
    expect(res.json.config).toMatchObject({ agentName: 'Maya', greeting: 'Hi, I am Maya. Ask me anything!' });
  });
});

describe('avatar upload', () => {
  it('a PNG is stored in R2, served with its type, immutable caching and nosniff, and set as an absolute avatarUrl', async () => {
    const cookie = await store.as('admin');
    const res = await upload(cookie, PNG_1X1, 'image/png');
    expect(res.status).toBe(201);
    const { avatarUrl } = (await res.json()) as { avatarUrl: string };
    expect(avatarUrl).toMatch(new RegExp(`^${ORIGIN}/media/${store.accountId}/[0-9a-f]{32}\\.png$`));
    expect((await getSettings(cookie)).general!.avatarUrl).toBe(avatarUrl);

    const served = await exports.default.fetch(avatarUrl); // public: no cookie
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG_1X1);

    const widget = await call<{ config: { avatarUrl: string } }>('GET', `/api/widget/config?siteKey=${store.siteKey}`, {
      origin: 'https://shop.example.com',
    });
    expect(widget.json.config.avatarUrl).toBe(avatarUrl);
    expect((await lastAudit(store.accountId, 'settings.general.update'))!.changes).toMatchObject({
      after: { avatarUrl },
    });
  });

  it('JPEG, WebP and GIF are accepted; a replaced avatar is deleted from R2', async () => {
    const cookie = await store.as('owner');
    const urls: string[] = [];
    for (const [head, type] of [
      [JPEG_HEAD, 'image/jpeg'],
      [WEBP_HEAD, 'image/webp'],
      [GIF_HEAD, 'image/gif'],
    ] as const) {
      const res = await upload(cookie, withSize([...head], 2000), type);
      expect(res.status).toBe(201);
      const { avatarUrl } = (await res.json()) as { avatarUrl: string };
      expect((await exports.default.fetch(avatarUrl)).headers.get('content-type')).toBe(type);
      urls.push(avatarUrl);
    }
    expect((await exports.default.fetch(urls[0]!)).status).toBe(404);
    const key = `avatars/${new URL(urls[2]!).pathname.split('/').slice(2).join('/')}`;
    expect(await env.MEDIA.head(key)).not.toBeNull();
  });

  it('SVG is refused whatever it is called, and so is content that does not match its declared type', async () => {
    const cookie = await store.as('owner');
    const before = (await getSettings(cookie)).general!.avatarUrl;
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    for (const [bytes, type] of [
      [svg, 'image/svg+xml'],
      [svg, 'image/png'],
      [PNG_1X1, 'image/jpeg'],
      [new TextEncoder().encode('hello'), 'image/gif'],
    ] as const) {
      const res = await upload(cookie, bytes, type);
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    }
    expect((await getSettings(cookie)).general!.avatarUrl).toBe(before);
  });

  it('more than 512 KB is 413 (also when the Content-Length is missing); exactly 512 KB is fine', async () => {
    const cookie = await store.as('owner');
    const tooBig = await upload(
      cookie,
      withSize([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 512 * 1024 + 1),
      'image/png',
    );
    expect(tooBig.status).toBe(413);
    // A streamed body carries no Content-Length: the cap is enforced while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(withSize([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 300 * 1024));
        controller.enqueue(new Uint8Array(300 * 1024));
        controller.close();
      },
    });
    const streamed = await exports.default.fetch(`${ORIGIN}/api/settings/avatar`, {
      method: 'POST',
      body: stream,
      headers: { cookie, origin: ORIGIN, 'content-type': 'image/png' },
    });
    expect(streamed.status).toBe(413);
    const exact = await upload(
      cookie,
      withSize([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 512 * 1024),
      'image/png',
    );
    expect(exact.status).toBe(201);
    const empty = await upload(cookie, new Uint8Array(0), 'image/png');
    expect(empty.status).toBe(400);
  });

  it('removing the avatar clears avatarUrl and deletes the file', async () => {
    const cookie = await store.as('manager');
    const url = (await getSettings(cookie)).general!.avatarUrl as string;
    const res = await call('DELETE', '/api/settings/avatar', { cookie });
    expect(res.status).toBe(200);
    expect((await getSettings(cookie)).general!.avatarUrl).toBeNull();
    expect((await exports.default.fetch(url)).status).toBe(404);
  });

  it('only Owner, Admin and Manager upload; a guessed media path is 404', async () => {
    for (const role of ['support', 'agent', 'analyst'] as const) {
      const res = await upload(await store.as(role), PNG_1X1, 'image/png');
      expect(res.status).toBe(403);
    }
    expect((await upload('', PNG_1X1, 'image/png')).status).toBe(401);
    expect((await exports.default.fetch(`${ORIGIN}/media/${store.accountId}/${'0'.repeat(32)}.png`)).status).toBe(404);
    expect((await exports.default.fetch(`${ORIGIN}/media/${store.accountId}/..%2F..%2Fsecret`)).status).toBe(404);
  });
});
