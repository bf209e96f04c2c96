import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { forbidden } from '../http/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated writes: the browser's Origin (or, failing that,
 * Sec-Fetch-Site) must say the request came from this same origin. SameSite=Lax on the cookie
 * is the second layer.
 */
export const sameOriginWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const expected = new URL(c.req.url).origin;
    const sameOrigin = origin ? origin === expected : fetchSite === 'same-origin';
    if (!sameOrigin) {
      throw forbidden('Cross-origin write refused: send the request from the inbox origin (Origin header must match)');
    }
  }
  await next();
};
