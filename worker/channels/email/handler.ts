// The Worker's email() entry (Cloudflare Email Routing): reads the raw message, runs the inbound
// pipeline (inbound.ts) with the conversation room behind it, and rejects what no account receives
// (or what is too large) back to the sending server with a reason. Automatic mail, duplicates and
// rate-limited mail are accepted and recorded, never answered: rejecting them would bounce to a
// sender that may be forged, or loop.
import { receiveEmail, EMAIL_LIMITS } from './inbound';
import { roomPort } from './conversation';

export async function handleEmail(message: ForwardableEmailMessage, env: Env): Promise<void> {
  if (message.rawSize > EMAIL_LIMITS.maxRawBytes) {
    message.setReject(`Message larger than ${EMAIL_LIMITS.maxRawBytes / 1024 / 1024} MB`);
    return;
  }
  const raw = new Uint8Array(await new Response(message.raw).arrayBuffer());
  const outcome = await receiveEmail(env, { from: message.from ?? '', to: message.to, raw }, roomPort);
  if (outcome.kind === 'rejected') message.setReject(outcome.reason);
}
