// The steps every provider webhook takes before it may change anything, in this order:
//   1. the account must have the channel connected (else 404: there is nothing to verify against);
//   2. the raw body is read with a hard cap;
//   3. the provider's signature is checked on the exact bytes (missing or wrong → 403);
//   4. the request's receipt is claimed (the same signed request seen before → 403, a replay).
// Only then is the body parsed. If acting on it fails, the receipt is given back so the provider's
// retry is not taken for a replay. Refusals store nothing.
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { ApiError, notFound } from '../http/errors';
import { bytesBody } from '../http/bytes';
import type { PhoneChannel } from '../db/schema-channels';
import { SealedSecretError } from '../handoff/secret-box';
import { readConnection, type ConnectionRow } from './connections';
import { claimReceipt, receiptFor, releaseReceipt, type WebhookProvider } from './webhook-receipts';

export const MAX_WEBHOOK_BYTES = 256 * 1024;

export interface VerifiedWebhook {
  connection: ConnectionRow;
  body: Uint8Array<ArrayBuffer>;
  text: string;
}

export async function guardWebhook(
  c: Context<AppEnv>,
  channel: PhoneChannel,
  provider: WebhookProvider,
  verify: (connection: ConnectionRow, body: Uint8Array<ArrayBuffer>, text: string) => Promise<boolean>,
  act: (webhook: VerifiedWebhook) => Promise<Response>,
): Promise<Response> {
  const accountId = c.req.param('accountId') ?? '';
  const connection = /^[0-9a-f-]{36}$/.test(accountId) ? await readConnection(c.var.db, accountId, channel) : undefined;
  if (!connection) {
    await c.req.raw.body?.cancel(); // refused unread: nothing is left half-read behind the response
    throw notFound(`A ${channel === 'sms' ? 'Twilio' : 'WhatsApp'} connection for this account`);
  }
  const bytes = await bytesBody(c, MAX_WEBHOOK_BYTES, `Webhook bodies are limited to ${MAX_WEBHOOK_BYTES} bytes`);
  const body = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  body.set(bytes);
  const text = new TextDecoder().decode(body);
  let valid: boolean;
  try {
    valid = await verify(connection, body, text);
  } catch (err) {
    if (!(err instanceof SealedSecretError)) throw err;
    throw new ApiError(
      403,
      'invalid_signature',
      `The stored ${provider} credential cannot be opened (${err.message}); reconnect the channel in Settings → Channels`,
    );
  }
  if (!valid) {
    const header = provider === 'twilio' ? 'X-Twilio-Signature' : 'X-Hub-Signature-256';
    throw new ApiError(
      403,
      'invalid_signature',
      `${header} is missing or does not match this request and the connected credentials`,
    );
  }
  const receipt = await receiptFor(connection.accountId, provider, c.req.url, text);
  if (!(await claimReceipt(c.var.db, receipt))) {
    throw new ApiError(403, 'replayed', 'This signed request was already received; a replay is refused');
  }
  try {
    return await act({ connection, body, text });
  } catch (err) {
    await releaseReceipt(c.var.db, receipt);
    throw err;
  }
}
