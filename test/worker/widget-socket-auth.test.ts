// The shopper socket is authorised by the resume token in the WebSocket subprotocols, never in the
// URL (URLs land in access logs): a token in the query string opens nothing, the right token in
// Sec-WebSocket-Protocol opens the conversation and the answer names only "baton.v1".
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SOCKET_PROTOCOL } from '../../worker/protocol/widget';
import { ORIGIN } from './helpers';
import { ShopperSocket, startConversation } from './widget-client';

const socketUrl = (id: string) => `${ORIGIN}/api/widget/conversations/${id}/socket`;

describe('shopper socket authorisation', () => {
  it('takes the resume token from the subprotocols and answers with baton.v1 only', async () => {
    const conv = await startConversation();
    const res = await exports.default.fetch(socketUrl(conv.conversationId), {
      headers: { upgrade: 'websocket', 'sec-websocket-protocol': `${SOCKET_PROTOCOL}, ${conv.resumeToken}` },
    });
    expect(res.status).toBe(101);
    expect(res.headers.get('sec-websocket-protocol')).toBe(SOCKET_PROTOCOL);
    res.webSocket!.accept();
    res.webSocket!.close();
  });

  it('refuses a token in the URL, a missing token and a wrong one (401), and opens with the right one', async () => {
    const conv = await startConversation();
    const inUrl = await exports.default.fetch(
      `${socketUrl(conv.conversationId)}?token=${encodeURIComponent(conv.resumeToken)}`,
      { headers: { upgrade: 'websocket' } },
    );
    expect(inUrl.status).toBe(401);
    expect(((await inUrl.json()) as { error: { message: string } }).error.message).toContain(SOCKET_PROTOCOL);
    const onlyProtocol = await exports.default.fetch(socketUrl(conv.conversationId), {
      headers: { upgrade: 'websocket', 'sec-websocket-protocol': SOCKET_PROTOCOL },
    });
    expect(onlyProtocol.status).toBe(401);
    await expect(ShopperSocket.open(conv, 'rt_0123456789abcdef')).rejects.toMatchObject({ status: 401 });
    const socket = await ShopperSocket.open(conv);
    socket.send({ type: 'resume', lastSeq: 0 });
    expect((await socket.next('history')).status).toBe('open');
    socket.close();
  });
});
