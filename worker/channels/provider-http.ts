// The one HTTP path the SMS and WhatsApp clients use: a hard timeout, JSON answers validated with zod,
// and every failure sorted into what a sender should do with it:
//   auth       401/403: the stored credentials no longer work (reconnect in Settings → Channels).
//   retryable  408/429/5xx, a timeout, a network error, an unreadable 2xx: the queue tries again.
//   rejected   any other 4xx: the provider refused this message as such; retrying sends the same thing.
// `code` carries the provider's own error code (Twilio 21610 "unsubscribed recipient", Meta 131047…).
import type { ZodType } from 'zod';
import { z } from 'zod';

export type ProviderErrorKind = 'auth' | 'retryable' | 'rejected';

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly code: number | null = null,
  ) {
    super(message);
  }
}

export const PROVIDER_TIMEOUT_MS = 10_000;

export interface ProviderRequest<T> {
  /** "Twilio" or "WhatsApp", for messages a merchant reads. */
  label: string;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  schema: ZodType<T>;
  timeoutMs?: number;
}

/** Twilio answers `{ code, message }`, the Graph API `{ error: { code, message } }`. */
const errorBody = z.union([
  z.object({ code: z.number(), message: z.string() }),
  z.object({ error: z.object({ code: z.number(), message: z.string() }) }).transform((v) => v.error),
]);

export async function providerJson<T>(req: ProviderRequest<T>): Promise<T> {
  const timeoutMs = req.timeoutMs ?? PROVIDER_TIMEOUT_MS;
  let res: Response;
  let text: string;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers: { accept: 'application/json', ...req.headers },
      body: req.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new ProviderError(
      'retryable',
      timedOut
        ? `${req.label} did not answer within ${timeoutMs} ms`
        : `${req.label} could not be reached: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // judged below: a failure status keeps its text, a 2xx without JSON is unreadable
  }
  if (!res.ok) {
    const detail = errorBody.safeParse(json);
    const code = detail.success ? detail.data.code : null;
    const message = `${req.label} answered ${res.status}: ${detail.success ? detail.data.message : text.trim().slice(0, 200)}`;
    if (res.status === 401 || res.status === 403)
      throw new ProviderError('auth', `${message}. Reconnect it in Settings → Channels.`, code);
    if (res.status === 408 || res.status === 429 || res.status >= 500)
      throw new ProviderError('retryable', message, code);
    throw new ProviderError('rejected', message, code);
  }
  const parsed = req.schema.safeParse(json);
  if (!parsed.success)
    throw new ProviderError('retryable', `${req.label} answered ${res.status} with an unexpected body`);
  return parsed.data;
}
