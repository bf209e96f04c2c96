// "Seen" means someone answering really had the message in front of them: the Customer Agent that read
// it, or a teammate who had the conversation open in the inbox after it arrived — never "answered
// after". And the conversation's state (by email, seen) comes from the room with every history, so a
// reload or another device shows the truth.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tickets } from '../../worker/db/schema';
import { DEMO_PASSWORD } from '../../worker/db/seed';
import { call, db, signIn } from './helpers';
import { freshAccount } from './dispatch-helpers';
import { InboxSocket } from './inbox-client';
import {
  bearer,
  historyHttp,
  sendHttp,
  ShopperSocket,
  startConversation,
  startIdentifiedConversation,
} from './widget-client';

describe('seen receipts', () => {
  it('the Customer Agent reading a message marks it seen, live and in every later history', async () => {
    const conv = await startConversation();
    const shopper = await ShopperSocket.open(conv);
    shopper.send({ type: 'resume', lastSeq: 0 });
    await shopper.next('history');
    shopper.send({ type: 'message', clientId: crypto.randomUUID(), text: 'What is your return policy?' });
    const ack = await shopper.next('ack');
    expect((await shopper.next('seen')).seq).toBe(ack.seq);
    expect((await historyHttp(conv)).json).toMatchObject({ seenSeq: ack.seq, byEmail: false });
    shopper.send({ type: 'resume', lastSeq: ack.seq });
    expect(await shopper.next('history')).toMatchObject({ seenSeq: ack.seq, byEmail: false });
    shopper.close();
  });

  it('after a handoff a message is seen only once a teammate has the conversation open in the inbox', async () => {
    const acc = await freshAccount('seen', 1);
    await acc.online(acc.agents[0]!.id);
    const conv = await startIdentifiedConversation(undefined, acc.accountId);
    const escalated = await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
      body: { clientId: crypto.randomUUID() },
      headers: bearer(conv.resumeToken),
    });
    expect(escalated.status).toBe(200);
    const [ticket] = await db().select().from(tickets).where(eq(tickets.conversationId, conv.conversationId));
    expect(ticket).toBeDefined();
    const shopper = await ShopperSocket.open(conv);

    const waiting = (await sendHttp(conv, 'Are you there?')).json.ack.seq;
    // Stored and forwarded, but nobody has it open: "Delivered", not "Seen".
    expect((await historyHttp(conv)).json.seenSeq).toBeLessThan(waiting);

    const inbox = await InboxSocket.open(await signIn(acc.agents[0]!.email, DEMO_PASSWORD));
    inbox.send({ type: 'view', ticketId: ticket!.id });
    expect((await shopper.next('seen')).seq).toBe(waiting);

    const whileOpen = (await sendHttp(conv, 'My order number is 1234')).json.ack.seq;
    expect((await shopper.next('seen')).seq).toBe(whileOpen);

    inbox.send({ type: 'view', ticketId: null });
    inbox.send({ type: 'not-a-frame' }); // answered in order: once its error is back, the view is left
    await inbox.next('error');
    const afterLeaving = (await sendHttp(conv, 'Hello?')).json.ack.seq;
    const history = (await historyHttp(conv)).json;
    expect(history.seenSeq).toBe(whileOpen);
    expect(history.seenSeq).toBeLessThan(afterLeaving);
    inbox.ws.close();
    shopper.close();
  });
});
