// What the queue consumer does with a message after one try, and how long a retry waits.

export type Outcome = { kind: 'done' } | { kind: 'retry'; delaySeconds: number };

export const DONE: Outcome = { kind: 'done' };

/** First retry after 30 s, doubling each time, never more than 6 h apart (Queues allow up to 12 h). */
const BASE_SECONDS = 30;
const MAX_SECONDS = 6 * 60 * 60;

/**
 * Exponential backoff with ±20% jitter, so tickets queued during one outage do not all return at once.
 * A Retry-After from the helpdesk (429/503) is honoured when it asks for longer.
 */
export function backoffSeconds(
  attempt: number,
  retryAfterSeconds: number | null = null,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(MAX_SECONDS, BASE_SECONDS * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential * (0.8 + 0.4 * random()));
  return Math.min(MAX_SECONDS, Math.max(jittered, retryAfterSeconds ?? 0, 1));
}

export function retryIn(attempt: number, retryAfterSeconds: number | null = null): Outcome {
  return { kind: 'retry', delaySeconds: backoffSeconds(attempt, retryAfterSeconds) };
}

export const HELPDESK_LABELS = { zendesk: 'Zendesk', gorgias: 'Gorgias' } as const;
