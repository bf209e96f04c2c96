// Manual, self, "No assignee", bulk and team assignment. Every one goes through the account's
// Dispatcher (the single writer of assignments), which logs who, how and why, and never moves the
// round-robin pointer for these. Only Owner/Admin/Manager/Support may assign.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { valueOrHttpError } from '../platform/results';
import { dispatcherOf } from '../durable/namespaces';
import type { AssignInput } from '../dispatch/types';
import { findTicket } from '../tickets/find';
import { sweepNotificationsSoon } from '../notifications/outbox';

const assignBody = z.object({ assigneeId: z.uuid().nullable() });
const bulkBody = z.union(
  [
    z.strictObject({ ticketIds: z.array(z.uuid()).min(1).max(100), assigneeId: z.uuid().nullable() }),
    z.strictObject({ ticketIds: z.array(z.uuid()).min(1).max(100), teamId: z.uuid() }),
  ],
  { error: 'Send ticketIds with either assigneeId (null for No assignee) or teamId' },
);

export const ticketAssignmentRoutes = new Hono<AppEnv>()
  .patch('/:id/assignee', requirePermission('tickets.assign'), async (c) => {
    const { assigneeId } = await jsonBody(c, assignBody);
    const ticket = await findTicket(c.var.db, c.var.member.accountId, c.req.param('id'));
    const [outcome] = await assign(
      c,
      [ticket.id],
      assigneeId ? { kind: 'user', userId: assigneeId } : { kind: 'none' },
      false,
    );
    return c.json({
      ticket: { ...ticket, assigneeId: outcome?.assigneeId ?? null, updatedAt: Date.now() },
      assignment: outcome,
    });
  })
  .post('/bulk-assign', requirePermission('tickets.assign'), async (c) => {
    const body = await jsonBody(c, bulkBody);
    const to: AssignInput['to'] =
      'teamId' in body
        ? { kind: 'team', teamId: body.teamId }
        : body.assigneeId
          ? { kind: 'user', userId: body.assigneeId }
          : { kind: 'none' };
    return c.json({ assignments: await assign(c, body.ticketIds, to, body.ticketIds.length > 1) });
  });

async function assign(c: Context<AppEnv>, ticketIds: string[], to: AssignInput['to'], bulk: boolean) {
  const { member } = c.var;
  const result = await dispatcherOf(c.env, member.accountId).assign({
    accountId: member.accountId,
    actor: { id: member.userId, name: member.name },
    ticketIds,
    to,
    bulk,
  });
  // The Dispatcher's log rows put their Slack/email alerts in the outbox; queue them now rather than
  // at the next cron sweep (the Dispatcher itself never talks to the network or a queue).
  if (result.ok) c.executionCtx.waitUntil(sweepNotificationsSoon(c.env, member.accountId));
  return valueOrHttpError(result);
}
