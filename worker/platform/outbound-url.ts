// The one policy for URLs a tenant gives us. Two kinds:
//
//   Fetch targets (webhook subscriptions, Zendesk/Gorgias base URLs, the LLM base URL, the Slack
//   webhook): the Worker itself connects there, often with a credential, so they must be public
//   https hosts. Refused: any other scheme, credentials in the URL, every IP literal (IPv4 in any
//   spelling the URL parser accepts — dotted, decimal 2130706433, hex 0x7f.1, octal 0177.0.0.1 —
//   and every IPv6 literal, which covers ::1, fe80::/10, fc00::/7, ::ffff:10.0.0.1 and NAT64 forms),
//   and names that only exist inside a network: localhost (and *.localhost), single-label names,
//   *.internal (metadata.google.internal), *.local, *.localdomain, *.home.arpa, *.intranet, *.lan.
//   `fetchOutbound` checks again at send time (rows saved before this policy, or a flag turned off),
//   never follows redirects (a public host could bounce us to 169.254.169.254), and turns network
//   failures into a fixed sentence so no internal error text reaches a tenant.
//   Limit: a public DNS name that resolves to a private address is not caught here (Workers cannot
//   resolve names); Cloudflare's egress does not route Workers' fetches into private networks.
//
//   Link URLs (signInUrl, avatar, product and article URLs): the shopper's browser opens them, so
//   they need only be absolute http(s) (no javascript:, data:, protocol-relative //host) or, where
//   allowed, a site path that cannot be read as another host ("/x", never "//x" or "/\x").
//
// Local stand-ins: with ALLOW_LOCAL_OUTBOUND = "true" (set only by the vitest config and
// `npm run dev`, never in wrangler.jsonc) http(s)://127.0.0.1:<port> is accepted as a fetch target.
// Nothing else is loosened by it.
import { z } from 'zod';
import { ApiError } from '../http/errors';

export interface OutboundEnv {
  ALLOW_LOCAL_OUTBOUND?: string;
}

const MAX_URL_CHARS = 2048;
const INTERNAL_NAMES = new Set(['localhost', 'metadata', 'metadata.google.internal', 'instance-data', 'wpad']);
const INTERNAL_SUFFIXES = [
  '.localhost',
  '.internal',
  '.local',
  '.localdomain',
  '.home.arpa',
  '.intranet',
  '.lan',
  '.corp',
  '.arpa',
];

/** The loopback stand-in address the test/dev flag admits, spelled exactly so (not 0x7f000001, 2130706433, …). */
function isLocalStandinText(raw: string): boolean {
  return /^https?:\/\/127\.0\.0\.1(?::\d{1,5})?(?:[/?#]|$)/i.test(raw);
}

/** Why a fetch target is refused, or null when it is acceptable. `allowLocal` admits http(s)://127.0.0.1. */
export function fetchTargetProblem(raw: string, allowLocal: boolean): string | null {
  if (raw.length > MAX_URL_CHARS) return `Use a URL of at most ${MAX_URL_CHARS} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Use a full https:// URL';
  }
  if (url.username || url.password) return 'Put no user name or password in the URL';
  const host = url.hostname.toLowerCase().replace(/\.+$/, '');
  if (allowLocal && isLocalStandinText(raw)) return null;
  if (url.protocol !== 'https:') return 'Use an https:// URL';
  if (isIpLiteral(host)) return 'Use a public host name, not an IP address';
  if (!host.includes('.') || INTERNAL_NAMES.has(host) || INTERNAL_SUFFIXES.some((s) => host.endsWith(s))) {
    return 'Use a public host name: local and internal names are not reachable from Baton';
  }
  return null;
}

/** The flag as the env carries it. */
export function allowsLocal(env: OutboundEnv | object): boolean {
  return Reflect.get(env, 'ALLOW_LOCAL_OUTBOUND') === 'true';
}

/** Whether `raw` is the loopback stand-in address and the env's flag admits it. */
export function isLocalStandin(env: OutboundEnv | object, raw: string): boolean {
  return allowsLocal(env) && isLocalStandinText(raw);
}

/** The env-aware check: null when `raw` may be fetched under this Worker's configuration. */
export function outboundUrlProblem(env: OutboundEnv | object, raw: string): string | null {
  return fetchTargetProblem(raw, allowsLocal(env));
}

/**
 * A fetch target field for request schemas. The schema has no env, so it admits the loopback stand-in
 * address; routes call `assertOutboundUrls` (and `fetchOutbound` checks again) with the env's flag.
 */
export const fetchTargetUrl = z
  .string()
  .trim()
  .superRefine((raw, ctx) => {
    const problem = fetchTargetProblem(raw, true);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An absolute http(s) link a shopper's browser may open. */
export const linkUrl = z
  .string()
  .trim()
  .max(500)
  .superRefine((raw, ctx) => {
    const problem = linkProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A link or a path on the store's own site (/help/returns); never protocol-relative. */
export const linkOrSitePath = z
  .string()
  .trim()
  .max(500)
  .superRefine((raw, ctx) => {
    if (raw.startsWith('/') ? !isSitePath(raw) : linkProblem(raw) !== null) {
      ctx.addIssue({ code: 'custom', message: 'Use a path like /help/returns or an http(s) URL' });
    }
  });

export function linkProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Use a full http(s) URL like https://shop.example.com/account/login';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an http(s) URL';
  // "https:/\evil.example" and friends parse; insist the text itself is scheme://host.
  if (!/^https?:\/\/[^/\\\s]/i.test(raw)) return 'Use a full http(s) URL like https://shop.example.com/account/login';
  if (url.username || url.password) return 'Put no user name or password in the URL';
  return null;
}

function isSitePath(raw: string): boolean {
  // "//host" and "/\host" are read by browsers as another host.
  return /^\/(?![/\\])[^\s\\]*$/.test(raw);
}

function isIpLiteral(host: string): boolean {
  if (host.startsWith('[') || host.includes(':')) return true;
  // The URL parser turns decimal/hex/octal IPv4 into dotted form; a last label that is a number (or
  // 0x…) is how WHATWG recognises an IPv4 host, so refuse those shapes too whatever the parser did.
  const last = host.split('.').pop() ?? '';
  return /^(?:0x[0-9a-f]*|\d+)$/i.test(last);
}

/** For routes: 400 with the refused fields (in the usual details shape) unless every given URL passes. */
export function assertOutboundUrls(env: OutboundEnv | object, fields: Record<string, string | null | undefined>): void {
  const refused = Object.entries(fields).flatMap(([field, raw]) => {
    const message = raw === null || raw === undefined ? null : outboundUrlProblem(env, raw);
    return message ? [{ field, message }] : [];
  });
  if (refused.length) throw new ApiError(400, 'invalid_request', 'The request failed validation', refused);
}

/** Why an outbound call did not produce a response: the policy refused it, or the host did not answer. */
export class OutboundError extends Error {
  constructor(
    readonly kind: 'refused' | 'timeout' | 'unreachable' | 'redirect',
    message: string,
  ) {
    super(message);
  }
}

/**
 * fetch() for a tenant-given URL: re-checks the policy, never follows redirects, and reports failures
 * as OutboundError with a fixed sentence (the runtime's own error text can describe internal hosts).
 */
export async function fetchOutbound(
  env: OutboundEnv | object,
  url: string,
  init: RequestInit & { timeoutMs: number },
): Promise<Response> {
  const problem = outboundUrlProblem(env, url);
  if (problem) throw new OutboundError('refused', `The URL is not allowed: ${problem}`);
  const { timeoutMs, signal, ...rest } = init;
  const timeout = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      redirect: 'manual',
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
    });
  } catch (err) {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
      throw new OutboundError('timeout', `No answer within ${Math.round(timeoutMs / 100) / 10} s`);
    }
    throw new OutboundError('unreachable', 'The host could not be reached');
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel();
    throw new OutboundError('redirect', `The host answered ${res.status} (a redirect); use the final URL`);
  }
  return res;
}
