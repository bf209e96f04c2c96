// The client's address for per-address limits: Cloudflare's CF-Connecting-IP, which the edge always
// sets in production (a client cannot forge it there). Absent or loopback means "no real client
// address" — the test pool calling the Worker directly, or `wrangler dev` on this machine, which fills
// in 127.0.0.1 — and per-address limits are then skipped instead of pooling every such request into
// one shared bucket that would lock all of them out together. Per-email and per-site limits still apply.
const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/i;

export function clientAddress(headers: Headers): string | null {
  const raw = headers.get('cf-connecting-ip')?.trim();
  if (!raw || raw.length > 64 || LOOPBACK.test(raw)) return null;
  return raw;
}
