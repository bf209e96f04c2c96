// Settings → Channels: PUT /api/settings/channels. Malformed input is a 400 with the field; a channel
// switched on without its prerequisites is a 422 that names exactly what is missing, and nothing is
// saved (the toggle never silently stays off). An inbound email address another store has verified is
// a 409: mail to it must reach exactly one account. A new inbound address is a pending claim until
// Baton's verification message comes back through the email handler (channels/email/address-claim.ts):
// the answer says so (`emailAddress`), and GET/POST …/channels/email/verification show it and send the
// message again (at most once per RESEND_AFTER_MS).
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../http/app-env';
import type { Database } from '../db/client';
import { ApiError } from '../http/errors';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { accounts } from '../db/schema';
import { channelSettings, missingPrerequisites } from '../settings/channels';
import { writeSection } from '../settings/store';
import { inboundAddressTaken } from '../channels/email/recipient';
import {
  claimAddress,
  claimView,
  RESEND_AFTER_MS,
  renewToken,
  sendVerification,
} from '../channels/email/address-claim';

export const channelSettingsRoutes = new Hono<AppEnv>()
  .put('/channels', requirePermission('settings.edit'), async (c) => {
    const value = await jsonBody(c, channelSettings);
    const missing = missingPrerequisites(value);
    if (missing.length > 0) {
      throw new ApiError(422, 'channel_prerequisites', missing.map((m) => m.message).join(' '), missing);
    }
    const { db, member } = c.var;
    const inbound = value.email.inboundAddress;
    if (inbound && (await inboundAddressTaken(db, member.accountId, inbound))) {
      throw new ApiError(
        409,
        'inbound_address_taken',
        'Another store already receives email at this address. Use an address of your own domain.',
        [{ field: 'email.inboundAddress', message: 'Already in use by another store' }],
      );
    }
    const settings = await writeSection(db, member.accountId, member.userId, 'channels', value);
    const now = Date.now();
    const claimed = await claimAddress(db, member.accountId, inbound, now);
    const verification =
      claimed.token && claimed.view
        ? await sendVerification(
            db,
            c.env,
            member.accountId,
            await storeName(db, member.accountId),
            claimed.view.address,
            claimed.token,
            now,
          )
        : null;
    return c.json({ settings, emailAddress: await claimView(db, member.accountId), verification });
  })
  .get('/channels/email/verification', requirePermission('settings.read'), async (c) => {
    return c.json({ emailAddress: await claimView(c.var.db, c.var.member.accountId) });
  })
  .post('/channels/email/verification', requirePermission('settings.edit'), async (c) => {
    const { db, member } = c.var;
    const claim = await claimView(db, member.accountId);
    if (!claim) throw new ApiError(404, 'not_found', 'No inbound email address is set (Settings → Channels → Email)');
    if (claim.state === 'verified') throw new ApiError(409, 'already_verified', `${claim.address} is already verified`);
    const now = Date.now();
    if (claim.sentAt !== null && now - claim.sentAt < RESEND_AFTER_MS) {
      throw new ApiError(
        429,
        'rate_limited',
        `A verification message went to ${claim.address} less than ${RESEND_AFTER_MS / 60_000} minutes ago; wait and try again`,
      );
    }
    const token = await renewToken(db, member.accountId);
    if (!token) throw new ApiError(409, 'already_verified', `${claim.address} is already verified`);
    const verification = await sendVerification(
      db,
      c.env,
      member.accountId,
      await storeName(db, member.accountId),
      claim.address,
      token,
      now,
    );
    return c.json({ emailAddress: await claimView(db, member.accountId), verification });
  });

async function storeName(db: Database, accountId: string): Promise<string> {
  const [row] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  return row?.name ?? 'A store';
}
