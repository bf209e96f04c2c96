// Files attached in a web chat (by the shopper in the widget, or by a teammate from the inbox): images
// (PNG, JPEG, WebP, GIF) and PDFs, recognised by their first bytes (never by name or claimed type), at
// most MAX_FILE_BYTES. Stored in R2 under the conversation (`files/<conversation id>/<128-bit
// random>.<ext>`) and served from that unguessable path with their real type, `nosniff` and a
// sandboxing CSP, so a file is never run as a page.
import type { Context } from 'hono';
import { toHex } from '../../ids';
import { IMAGE_TYPES, sniffImageType } from '../../media/image-type';
import { bytesBody } from '../../http/bytes';
import { ApiError } from '../../http/errors';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const FILE_TYPES = { ...IMAGE_TYPES, 'application/pdf': 'pdf' } as const;
export type FileType = keyof typeof FILE_TYPES;
const TYPE_OF_EXT = Object.fromEntries(Object.entries(FILE_TYPES).map(([type, ext]) => [ext, type])) as Record<
  string,
  FileType
>;
const FILE_NAME = /^[0-9a-f]{32}\.(?:png|jpg|webp|gif|pdf)$/;

/** What the bytes really are, or null when they are not an accepted image or a PDF. */
export function sniffFileType(bytes: Uint8Array): FileType | null {
  const image = sniffImageType(bytes);
  if (image) return image;
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
  return pdf.every((b, i) => bytes[i] === b) ? 'application/pdf' : null;
}

/** Stores the file under the conversation; returns its path below /api/widget/files/. */
export async function putFile(
  bucket: R2Bucket,
  conversationId: string,
  bytes: Uint8Array,
  type: FileType,
  name: string,
): Promise<string> {
  const file = `${toHex(crypto.getRandomValues(new Uint8Array(16)))}.${FILE_TYPES[type]}`;
  await bucket.put(`files/${conversationId}/${file}`, bytes, {
    httpMetadata: { contentType: type },
    customMetadata: { name },
  });
  return `${conversationId}/${file}`;
}

/**
 * The request's raw body as an attachment of the conversation: 413 past MAX_FILE_BYTES, 415 when the
 * bytes are not an accepted type (nothing stored then). Returns the file's absolute URL and its R2 key.
 */
export async function storeUploadedFile(
  c: Context,
  conversationId: string,
  name: string,
): Promise<{ url: string; key: string }> {
  const bytes = await bytesBody(c, MAX_FILE_BYTES, `Files can be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const type = sniffFileType(bytes);
  if (!type)
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Attach a PNG, JPEG, WebP or GIF image, or a PDF (recognised by its content, not its name)',
    );
  const path = await putFile(c.env.MEDIA, conversationId, bytes, type, name);
  return { url: `${new URL(c.req.url).origin}/api/widget/files/${path}`, key: `files/${path}` };
}

/** The stored file as a response that can never be run as a page, or null when there is none. */
export async function serveFile(bucket: R2Bucket, conversationId: string, file: string): Promise<Response | null> {
  if (!FILE_NAME.test(file) || !/^[0-9a-f-]{36}$/.test(conversationId)) return null;
  const object = await bucket.get(`files/${conversationId}/${file}`);
  if (!object) return null;
  const type = TYPE_OF_EXT[file.split('.')[1]!]!;
  const name = (object.customMetadata?.name ?? file).replace(/[^\w. -]/g, '_');
  return new Response(object.body, {
    headers: {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': `${type === 'application/pdf' ? 'attachment' : 'inline'}; filename="${name}"`,
      'cache-control': 'private, max-age=31536000, immutable',
      'access-control-allow-origin': '*',
    },
  });
}
