// JSON client for the inbox. Errors arrive in the server's envelope and surface as ApiFailure.
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: Array<{ field: string; message: string }> };
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorEnvelope | null,
  ) {
    super(body?.error.message ?? `Request failed (${status})`);
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (!res.ok) throw new ApiFailure(res.status, data as ErrorEnvelope | null);
  return data as T;
}
