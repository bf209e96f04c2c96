// Public media (the agent's avatar), loaded by the widget on any storefront: no session, no cookies.
// Objects never change (a new upload gets a new name), so they are cached for a year as immutable;
// nosniff and a sandboxing CSP make sure a browser only ever treats them as the image type stored.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { notFound } from '../http/errors';
import { isImageType } from '../media/image-type';
import { keyOfPublicPath } from '../media/store';

export const mediaRoutes = new Hono<AppEnv>().get('/:accountId/:file', async (c) => {
  const key = keyOfPublicPath(`/media/${c.req.param('accountId')}/${c.req.param('file')}`);
  const object = key ? await c.env.MEDIA.get(key) : null;
  const type = object?.httpMetadata?.contentType ?? '';
  if (!object || !isImageType(type)) throw notFound('File');
  const headers = new Headers({
    'content-type': type,
    'content-length': String(object.size),
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cross-origin-resource-policy': 'cross-origin',
    etag: object.httpEtag,
  });
  return new Response(object.body, { headers });
});
