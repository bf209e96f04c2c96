// The one HTTP path both helpdesk clients use: Basic auth, a hard timeout, JSON in and out, and every
// failure sorted into what the delivery queue should do with it:
//   auth      401/403: the credentials no longer work; the integration is marked expired and nothing is
//             retried until the merchant reconnects (retrying a revoked token cannot succeed).
//   retryable 408/409/429/5xx, a timeout, a network error, or a 2xx whose body we cannot read (the
//             helpdesk may have acted on it; the retry looks the ticket up before creating again).
//   rejected  any other 4xx: the helpdesk refused this request as such; retrying sends the same thing.
import type { ZodType } from 'zod';
import { fetchOutbound, OutboundError, type OutboundEnv } from '../platform/outbound-url';

export type HelpdeskErrorKind = 'auth' | 'retryable' | 'rejected';

export class HelpdeskError extends Error {
  constructor(
    readonly kind: HelpdeskErrorKind,
    message: string,
    readonly status: number | null = null,
    /** From a Retry-After header (seconds), when the helpdesk sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface HttpTarget {
  /** "Zendesk" or "Gorgias", for messages a merchant reads. */
  label: string;
  baseUrl: string;
  authorization: string;
  timeoutMs: number;
  /** The Worker env's outbound-URL flag (worker/platform/outbound-url.ts). */
  outbound: OutboundEnv;
}

/** How a client reaches its helpdesk: the timeout and the env the outbound-URL policy reads. */
export interface HttpOptions {
  timeoutMs: number;
  outbound: OutboundEnv;
}

export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** Joins a base URL (with or without a trailing slash or path prefix) and an API path. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

export interface JsonRequest<T> {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  schema: ZodType<T>;
}

export async function requestJson<T>(target: HttpTarget, req: JsonRequest<T>): Promise<T> {
  const url = joinUrl(target.baseUrl, req.path);
  let res: Response;
  try {
    res = await fetchOutbound(target.outbound, url, {
      method: req.method,
      headers: {
        authorization: target.authorization,
        accept: 'application/json',
        ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...req.headers,
      },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      timeoutMs: target.timeoutMs,
    });
  } catch (err) {
    if (!(err instanceof OutboundError)) throw err;
    if (err.kind === 'timeout')
      throw new HelpdeskError('retryable', `${target.label} did not answer within ${target.timeoutMs} ms`);
    // A refused address or a redirect will not change by retrying; an unreachable host might.
    if (err.kind === 'unreachable') throw new HelpdeskError('retryable', `${target.label} could not be reached`);
    throw new HelpdeskError('rejected', `${target.label}: ${err.message}`);
  }

  const text = await readText(res, target);
  if (!res.ok) throw statusError(target.label, res, text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HelpdeskError(
      'retryable',
      `${target.label} answered ${res.status} with a body that is not JSON`,
      res.status,
    );
  }
  const parsed = req.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HelpdeskError(
      'retryable',
      `${target.label} answered ${res.status} with an unexpected body (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`,
      res.status,
    );
  }
  return parsed.data;
}

async function readText(res: Response, target: HttpTarget): Promise<string> {
  try {
    return await res.text();
  } catch {
    // The body stalled past the timeout: same as no answer.
    throw new HelpdeskError(
      'retryable',
      `${target.label} did not finish its answer within ${target.timeoutMs} ms`,
      res.status,
    );
  }
}

function statusError(label: string, res: Response, text: string): HelpdeskError {
  const status = res.status;
  const detail = errorDetail(text);
  const suffix = detail ? `: ${detail}` : '';
  if (status === 401 || status === 403) {
    return new HelpdeskError(
      'auth',
      `${label} refused the credentials (${status}${suffix}). Reconnect the integration, then retry.`,
      status,
    );
  }
  if (status === 408 || status === 409 || status === 429 || status >= 500) {
    return new HelpdeskError(
      'retryable',
      `${label} answered ${status}${suffix}`,
      status,
      retryAfter(res.headers.get('retry-after')),
    );
  }
  return new HelpdeskError('rejected', `${label} rejected the request (${status}${suffix})`, status);
}

/** Zendesk sends `{ error, description }`, Gorgias `{ error: { msg } }`; anything else is cut short. */
function errorDetail(text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return text.trim().slice(0, 200);
  }
  if (typeof json !== 'object' || json === null) return '';
  const record = json as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string') {
    return typeof record.description === 'string' ? `${error} (${record.description})` : error;
  }
  if (typeof error === 'object' && error !== null && typeof (error as Record<string, unknown>).msg === 'string') {
    return (error as Record<string, string>).msg ?? '';
  }
  if (typeof record.message === 'string') return record.message;
  return JSON.stringify(json).slice(0, 200);
}

function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
