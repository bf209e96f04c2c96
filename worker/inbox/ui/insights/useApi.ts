// Loads JSON for a screen and reloads when its inputs change; errors become text the screen shows.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure } from '../api';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>('GET', path).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err: unknown) => live && setState({ data: null, error: failure(err), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/** A server error as one sentence, with the failing fields when there are any. */
export function failure(err: unknown): string {
  if (!(err instanceof ApiFailure)) return 'Something went wrong; try again.';
  const details = err.body?.error.details?.map((d) => `${d.field}: ${d.message}`).join('; ');
  return details ? `${err.message} (${details})` : err.message;
}
