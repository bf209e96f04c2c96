// The signed-in member's own Online/Offline switch. There is no user id in the path or body: a
// member can only ever set their own status (a body naming anyone is refused as invalid).
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { jsonBody } from '../http/validate';
import { sessions } from '../db/schema';
import { requirePermission } from '../auth/session';
import { valueOrHttpError } from '../platform/results';
import { dispatcherOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';
import type { DispatchResult } from '../dispatch/types';

const presenceBody = z.strictObject({ presence: z.enum(['online', 'offline']) });

export const presenceRoutes = new Hono<AppEnv>().put('/', requirePermission('tickets.reply'), async (c) => {
  const { presence } = await jsonBody(c, presenceBody);
  const { db, member } = c.var;
  // Online lasts as long as this session: when it expires the Dispatcher turns the member Offline.
  const session = await db.query.sessions.findFirst({
    where: eq(sessions.id, member.sessionId),
    columns: { expiresAt: true },
  });
  const result = await retrying<DispatchResult<{ presence: 'online' | 'offline' }>>(async () =>
    dispatcherOf(c.env, member.accountId).setPresence({
      accountId: member.accountId,
      userId: member.userId,
      presence,
      until: session?.expiresAt ?? null,
    }),
  );
  return c.json({ presence: valueOrHttpError(result).presence });
});
