// Raw messages and attachments in R2 (the MEDIA bucket, under `email/<account>/<email row id>/`, which
// the public /media route never serves: it only maps avatar keys). Attachments are accepted by what
// their bytes are, not what the message claims: PNG, JPEG, GIF, WebP and PDF by magic bytes, plain
// text and CSV only without NUL bytes; at most MAX_ATTACHMENTS files of MAX_ATTACHMENT_BYTES each.
// A refused file is listed with the reason (the shopper's email is kept whole in the raw message).
import { sniffImageType } from '../../media/image-type';
import type { MailAttachment } from './mime';
import type { RecordedAttachment } from './schema';

export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** The type the bytes really are, or null when Baton does not accept them. */
export function acceptedType(file: MailAttachment): string | null {
  const image = sniffImageType(file.bytes);
  if (image) return image;
  if (PDF.every((b, i) => file.bytes[i] === b)) return 'application/pdf';
  const declared = file.contentType.toLowerCase();
  if ((declared === 'text/plain' || declared === 'text/csv') && !file.bytes.subarray(0, 8192).includes(0))
    return `${declared}; charset=utf-8`;
  return null;
}

export const rawKey = (accountId: string, emailId: string) => `email/${accountId}/${emailId}/raw.eml`;
const attachmentKey = (accountId: string, emailId: string, index: number) => `email/${accountId}/${emailId}/${index}`;

export async function putRaw(bucket: R2Bucket, accountId: string, emailId: string, raw: Uint8Array): Promise<string> {
  const key = rawKey(accountId, emailId);
  await bucket.put(key, raw, { httpMetadata: { contentType: 'message/rfc822' } });
  return key;
}

export async function putAttachments(
  bucket: R2Bucket,
  accountId: string,
  emailId: string,
  files: MailAttachment[],
): Promise<RecordedAttachment[]> {
  const recorded: RecordedAttachment[] = [];
  for (const [index, file] of files.entries()) {
    const base = { name: file.name, contentType: file.contentType, size: file.bytes.length };
    const type = acceptedType(file);
    const refused =
      index >= MAX_ATTACHMENTS
        ? `More than ${MAX_ATTACHMENTS} attachments`
        : file.bytes.length > MAX_ATTACHMENT_BYTES
          ? `Larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`
          : !type
            ? 'File type not accepted (images, PDF, plain text and CSV are)'
            : null;
    if (refused || !type) {
      recorded.push({ ...base, key: null, refused });
      continue;
    }
    const key = attachmentKey(accountId, emailId, index);
    await bucket.put(key, file.bytes, { httpMetadata: { contentType: type }, customMetadata: { name: file.name } });
    recorded.push({ ...base, contentType: type, key, refused: null });
  }
  return recorded;
}
