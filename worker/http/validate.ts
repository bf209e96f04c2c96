import type { Context } from 'hono';
import type { ZodType } from 'zod';
import { ApiError, zodDetails } from './errors';

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_JSON_BYTES = 64 * 1024;

/**
 * Reads and validates a JSON body. Malformed JSON and schema failures are 400 with field names;
 * an oversized body is 413. Reads the stream with a hard cap so a lying Content-Length can't slip by.
 */
export async function jsonBody<T>(c: Context, schema: ZodType<T>, maxBytes = MAX_JSON_BYTES): Promise<T> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
  }
  const text = await readCapped(c.req.raw, maxBytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON');
  }
  return parseWith(schema, raw, 'invalid_request');
}

/** The raw body as text, with the same size cap (for signed webhooks, which verify the exact bytes). */
export async function textBody(c: Context, maxBytes = MAX_JSON_BYTES): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  return readCapped(c.req.raw, maxBytes);
}

/** Validates query parameters (as a flat string record). */
export function queryParams<T>(c: Context, schema: ZodType<T>): T {
  return parseWith(schema, c.req.query(), 'invalid_query');
}

export function parseWith<T>(schema: ZodType<T>, raw: unknown, code: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ApiError(400, code, 'The request failed validation', zodDetails(result.error));
  }
  return result.data;
}

async function readCapped(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

function tooLarge(maxBytes: number) {
  return new ApiError(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes`);
}
