import type { Context } from 'hono';
import type { ZodType } from 'zod';
import { ApiError, zodDetails } from './errors';
import { bytesBody } from './bytes';

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_JSON_BYTES = 64 * 1024;

/**
 * Reads and validates a JSON body. Malformed JSON and schema failures are 400 with field names;
 * an oversized body is 413. Reads the stream with a hard cap so a lying Content-Length can't slip by.
 */
export async function jsonBody<T>(c: Context, schema: ZodType<T>, maxBytes = MAX_JSON_BYTES): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    await c.req.raw.body?.cancel();
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
  }
  const text = await textBody(c, maxBytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' ? normalizeText(value) : value));
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON');
  }
  return parseWith(schema, raw, 'invalid_request');
}

/**
 * Every string in a JSON body, as it is compared and stored: Unicode NFC (so "é" typed two ways is one
 * name) with unpaired surrogates replaced by U+FFFD (which SQLite would store anyway; comparing the raw
 * string first let a duplicate past a uniqueness check and into a constraint error).
 */
export function normalizeText(value: string): string {
  return value
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .normalize('NFC');
}

/** The raw body as text, with the same size cap (for signed webhooks, which verify the exact bytes). */
export async function textBody(c: Context, maxBytes = MAX_JSON_BYTES): Promise<string> {
  return new TextDecoder().decode(await bytesBody(c, maxBytes, `The request body is larger than ${maxBytes} bytes`));
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
