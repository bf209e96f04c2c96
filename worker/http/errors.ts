import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Context } from 'hono';
import { ZodError } from 'zod';

/** The one error envelope every failing request gets: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An HTTPException that carries a machine-readable code and optional details for the envelope. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(status, { message });
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

/** Zod issues as `{ field: "a.b", message }` so a developer sees which field failed. */
export function zodDetails(err: ZodError) {
  return err.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

export function errorResponse(c: Context, status: ContentfulStatusCode, body: ErrorBody) {
  return c.json(body, status);
}

export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.details !== undefined) body.error.details = err.details;
    return errorResponse(c, err.status, body);
  }
  if (err instanceof ZodError) {
    return errorResponse(c, 400, {
      error: { code: 'invalid_request', message: 'The request failed validation', details: zodDetails(err) },
    });
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    return errorResponse(c, status, { error: { code: codeFor(status), message: err.message || 'Request failed' } });
  }
  // Unknown failures: log for the operator, never leak a stack trace to the client.
  console.error('unhandled error', err);
  return errorResponse(c, 500, { error: { code: 'internal', message: 'Something went wrong on our side' } });
}

function codeFor(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'internal' : 'bad_request';
}
