// Settings → Channels: PUT /api/settings/channels. Malformed input is a 400 with the field; a channel
// switched on without its prerequisites is a 422 that names exactly what is missing, and nothing is
// saved (the toggle never silently stays off). An inbound email address another store already uses
// is a 409: mail to it must reach exactly one account.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { channelSettings, missingPrerequisites } from '../settings/channels';
import { writeSection } from '../settings/store';
import { inboundAddressTaken } from '../channels/email/recipient';

export const channelSettingsRoutes = new Hono<AppEnv>().put(
  '/channels',
  requirePermission('settings.edit'),
  async (c) => {
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
    return c.json({ settings: await writeSection(db, member.accountId, member.userId, 'channels', value) });
  },
);
