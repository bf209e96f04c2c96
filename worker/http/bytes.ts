import type { Context } from 'hono';
import { ApiError } from './errors';

/**
 * Reads a raw request body with a hard cap, so a lying (or missing) Content-Length cannot slip a
 * larger body by: 413 with `tooLargeMessage` as soon as the stream passes `maxBytes`.
 */
export async function bytesBody(c: Context, maxBytes: number, tooLargeMessage: string): Promise<Uint8Array> {
  const tooLarge = () => new ApiError(413, 'payload_too_large', tooLargeMessage);
  const body = c.req.raw.body;
  if (Number(c.req.header('content-length') ?? '0') > maxBytes) {
    await body?.cancel(); // refuse without reading; nothing is left half-read behind the response
    throw tooLarge();
  }
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}
