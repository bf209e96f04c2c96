// The operator API behind `npm run account:create`: adds a store to a running deployment. Off (404)
// unless the OPERATOR_TOKEN secret is set (`wrangler secret put OPERATOR_TOKEN`); then it needs
// `Authorization: Bearer <that token>` (compared by secretMatches: digests, not the raw strings).
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { ApiError, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { secretMatches } from '../ids';
import { createStoreWithInvite, operatorStoreInput } from '../accounts/create';

/** The secret, or undefined when this deployment has no operator API (secrets are not in wrangler's Env). */
const operatorToken = (env: Env & { OPERATOR_TOKEN?: string }) => env.OPERATOR_TOKEN;

export const operatorRoutes = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    const expected = operatorToken(c.env);
    if (!expected) throw notFound('Route');
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!(await secretMatches(given, expected))) {
      await c.req.raw.body?.cancel();
      throw new ApiError(401, 'unauthorized', 'Send Authorization: Bearer <OPERATOR_TOKEN>');
    }
    await next();
  })
  .post('/stores', async (c) => {
    const input = await jsonBody(c, operatorStoreInput);
    return c.json(await createStoreWithInvite(c.var.db, input, new URL(c.req.url).origin), 201);
  });
