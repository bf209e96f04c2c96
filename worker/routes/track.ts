// The track API: a store's server sends its own events (at least Placed Order) and profile updates,
// authenticated with an account API key. Idempotent by the store's event id.
import { Hono } from 'hono';
import { requireApiKey, type ApiKeyEnv } from '../auth/api-key';
import { jsonBody } from '../http/validate';
import { identifyBody, trackBody } from '../track/schema';
import { resolveProfile } from '../track/profiles';
import { recordTrackedEvent } from '../track/record';
import { sweepSoon } from '../webhooks/outbox';

export const trackRoutes = new Hono<ApiKeyEnv>()
  .use('*', requireApiKey)
  .post('/', async (c) => {
    const body = await jsonBody(c, trackBody);
    const { db, apiKey } = c.var;
    const profileId = await resolveProfile(db, apiKey.accountId, body.profile);
    const tracked = await recordTrackedEvent(db, apiKey.accountId, profileId, body);
    // Its webhook deliveries are already in the outbox (same statement); send them now, not at the next sweep.
    if (!tracked.duplicate) c.executionCtx.waitUntil(sweepSoon(c.env, apiKey.accountId));
    return c.json(tracked, tracked.duplicate ? 200 : 201);
  })
  .post('/identify', async (c) => {
    const { profile } = await jsonBody(c, identifyBody);
    const profileId = await resolveProfile(c.var.db, c.var.apiKey.accountId, profile);
    return c.json({ profileId });
  });
