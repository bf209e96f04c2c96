// The agent's avatar (Settings → General): the image shoppers see in the chat widget. Uploaded as the
// raw request body (Content-Type: image/png, image/jpeg, image/webp or image/gif), at most 512 KB; the
// type is checked by the file's first bytes, not just the header. Stored in R2 and set as
// general.avatarUrl: an absolute URL on Baton's origin, so the widget can load it on any storefront.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { bytesBody } from '../http/bytes';
import { requirePermission } from '../auth/session';
import { readSettings, writeSection } from '../settings/store';
import { isImageType, sniffImageType } from '../media/image-type';
import { keyOfAvatarUrl, putAvatar } from '../media/store';

export const MAX_AVATAR_BYTES = 512 * 1024;
const ACCEPTED = 'Upload a PNG, JPEG, WebP or GIF image (SVG and other formats are not accepted)';

export const avatarRoutes = new Hono<AppEnv>()
  .post('/avatar', requirePermission('settings.edit'), async (c) => {
    const declared = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!isImageType(declared))
      throw new ApiError(
        415,
        'unsupported_media_type',
        `${ACCEPTED}; this upload was sent as ${declared || 'no type'}`,
      );
    const bytes = await bytesBody(c, MAX_AVATAR_BYTES, 'The image is larger than 512 KB; upload a smaller one');
    if (bytes.byteLength === 0)
      throw new ApiError(400, 'invalid_request', 'The upload is empty', [
        { field: 'file', message: 'Choose an image file' },
      ]);
    const actual = sniffImageType(bytes);
    if (!actual)
      throw new ApiError(
        415,
        'unsupported_media_type',
        `The file's content is not a PNG, JPEG, WebP or GIF image. ${ACCEPTED}`,
      );
    if (actual !== declared)
      throw new ApiError(
        415,
        'unsupported_media_type',
        `The file's content is ${actual}, but it was sent as ${declared}`,
      );

    const path = await putAvatar(c.env.MEDIA, c.var.member.accountId, bytes, actual);
    const settings = await setAvatarUrl(c, `${new URL(c.req.url).origin}${path}`);
    return c.json({ avatarUrl: settings.general.avatarUrl, settings }, 201);
  })
  .delete('/avatar', requirePermission('settings.edit'), async (c) =>
    c.json({ avatarUrl: null, settings: await setAvatarUrl(c, null) }),
  );

/** Points general.avatarUrl at the new image (audited like any settings change) and drops the old file. */
async function setAvatarUrl(c: Context<AppEnv>, url: string | null) {
  const { db, member } = c.var;
  const current = await readSettings(db, member.accountId);
  const settings = await writeSection(db, member.accountId, member.userId, 'general', {
    ...current.general,
    avatarUrl: url,
  });
  const oldKey = keyOfAvatarUrl(current.general.avatarUrl, member.accountId);
  if (oldKey) await c.env.MEDIA.delete(oldKey);
  return settings;
}
