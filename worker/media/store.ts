// Uploaded media in R2 (the MEDIA bucket). Keys are `<kind>/<account id>/<random>.<ext>`: scoped by
// account and unguessable, so one store can neither find nor overwrite another's files. The public
// path is /media/<account id>/<random>.<ext> (worker/routes/media.ts); objects never change once
// written, so they are served as immutable.
import { toHex } from '../ids';
import { IMAGE_TYPES, type ImageType } from './image-type';

const FILE_NAME = /^[0-9a-f]{32}\.(?:png|jpg|webp|gif)$/;
const ACCOUNT_ID = /^[0-9a-f-]{36}$/;

export const avatarKey = (accountId: string, file: string) => `avatars/${accountId}/${file}`;

/** Stores the image under a fresh random name and returns its public path. */
export async function putAvatar(
  bucket: R2Bucket,
  accountId: string,
  bytes: Uint8Array,
  type: ImageType,
): Promise<string> {
  const file = `${toHex(crypto.getRandomValues(new Uint8Array(16)))}.${IMAGE_TYPES[type]}`;
  await bucket.put(avatarKey(accountId, file), bytes, { httpMetadata: { contentType: type } });
  return `/media/${accountId}/${file}`;
}

/** The R2 key behind a public media path, or null if the path is not one of ours (for this account). */
export function keyOfPublicPath(path: string, accountId?: string): string | null {
  const match = /^\/media\/([^/]+)\/([^/]+)$/.exec(path);
  if (!match) return null;
  const [, account, file] = match;
  if (!account || !file || !ACCOUNT_ID.test(account) || !FILE_NAME.test(file)) return null;
  if (accountId !== undefined && account !== accountId) return null;
  return avatarKey(account, file);
}

/** The R2 key of a stored avatar URL (absolute, on any origin) if it points at this account's media. */
export function keyOfAvatarUrl(url: string | null, accountId: string): string | null {
  if (!url) return null;
  try {
    return keyOfPublicPath(new URL(url).pathname, accountId);
  } catch {
    return null;
  }
}
