// SPF, DKIM and DMARC verdicts as the receiving MTA recorded them, for the ticket to show. Only the
// topmost Authentication-Results (added by the last hop, Cloudflare Email Routing) is read: headers
// further down were written by whoever sent the message and prove nothing. Received-SPF fills SPF
// when Authentication-Results does not carry it. Verdicts are single lower-case tokens (pass, fail,
// softfail, neutral, none, temperror, permerror) or null when absent.
export interface AuthVerdicts {
  spf: string | null;
  dkim: string | null;
  dmarc: string | null;
}

function verdict(results: string, method: string): string | null {
  const match = new RegExp(`(?:^|[;\\s])${method}\\s*=\\s*([a-z]+)`, 'i').exec(results);
  return match ? match[1]!.toLowerCase() : null;
}

export function authVerdicts(firstAuthResults: string | null, firstReceivedSpf: string | null): AuthVerdicts {
  const results = firstAuthResults ?? '';
  const spf = verdict(results, 'spf') ?? /^\s*([a-z]+)\b/i.exec(firstReceivedSpf ?? '')?.[1]?.toLowerCase() ?? null;
  return { spf, dkim: verdict(results, 'dkim'), dmarc: verdict(results, 'dmarc') };
}
