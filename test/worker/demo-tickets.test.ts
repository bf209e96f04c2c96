// The lived-in demo (worker/demo/tickets.ts): a dozen tickets made through the product's own paths,
// across channels and states, with transcripts, ratings and both SLA badges; a second run adds nothing.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tickets } from '../../worker/db/schema';
import { csatResponses } from '../../worker/db/schema-insights';
import { seedDemoTickets } from '../../worker/demo/tickets';
import { DEMO_TICKETS } from '../../worker/demo/ticket-data';
import { ticketDetail } from '../../worker/tickets/detail';
import { DEMO_PASSWORD } from '../../worker/db/seed';
import { call, db, signIn } from './helpers';
import { demoTicketsAccount } from './inbox-demo-helpers';

describe('demo tickets', () => {
  it('plays a dozen tickets across channels and states, once', async () => {
    const { accountId, email } = await demoTicketsAccount('demo-tickets');
    expect(DEMO_TICKETS.length).toBeGreaterThanOrEqual(12);

    const rows = await db().select().from(tickets).where(eq(tickets.accountId, accountId));
    expect(rows).toHaveLength(DEMO_TICKETS.length);
    expect(new Set(rows.map((t) => t.channel))).toEqual(new Set(['web_chat', 'email', 'sms', 'whatsapp']));
    expect(new Set(rows.map((t) => t.status))).toEqual(new Set(['open', 'pending', 'closed']));
    expect(rows.filter((t) => t.assigneeId === null).length).toBeGreaterThan(0);
    expect(rows.filter((t) => t.assigneeId !== null).length).toBeGreaterThan(0);
    // The urgent words escalated on their own: the rule that fired is on the ticket.
    expect(
      rows.filter((t) => (t.routingSnapshot as { escalation?: { rule?: string } }).escalation?.rule === 'urgent')
        .length,
    ).toBeGreaterThan(0);
    const ratings = await db().select().from(csatResponses).where(eq(csatResponses.accountId, accountId));
    expect(ratings).toHaveLength(DEMO_TICKETS.filter((t) => t.rating).length);

    for (const row of rows) {
      const detail = await ticketDetail(env, db(), row);
      expect(detail.transcript.some((m) => m.role === 'shopper')).toBe(true);
    }
    const replied = rows.find((t) => t.requesterEmail === 'emma.wilson@example.com');
    const transcript = (await ticketDetail(env, db(), replied!)).transcript;
    expect(transcript.filter((m) => m.role === 'human').map((m) => m.authorName)).toEqual(['Maya']);

    // Two waiting tickets show the SLA badges in the inbox's list: one due soon, one breached.
    const cookie = await signIn(email('owner'), DEMO_PASSWORD);
    const sla = await call<{ tickets: Array<{ requesterEmail: string | null; sla: string }> }>(
      'GET',
      '/api/tickets?view=sla',
      { cookie },
    );
    expect(sla.status, sla.text).toBe(200);
    expect(sla.json.tickets.map((t) => [t.requesterEmail, t.sla]).sort()).toEqual([
      ['mia.johnson@example.com', 'due_soon'],
      ['sofia.rossi@example.com', 'breached'],
    ]);

    expect((await seedDemoTickets(env, db(), accountId)).created).toBe(0);
    expect(await db().$count(tickets, eq(tickets.accountId, accountId))).toBe(DEMO_TICKETS.length);
  });
});
