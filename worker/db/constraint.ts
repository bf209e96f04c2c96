// Recognising the database's own refusals (a UNIQUE index, a trigger's RAISE) so a route can answer
// 409 when two requests race past its friendly pre-check. D1 wraps SQLite's message, sometimes in the
// error's cause, so both are read.
export function dbRefused(err: unknown, pattern: RegExp): boolean {
  return (
    err instanceof Error &&
    pattern.test(`${err.message} ${err.cause instanceof Error ? err.cause.message : String(err.cause ?? '')}`)
  );
}

export const UNIQUE_VIOLATION = /UNIQUE constraint failed/i;
