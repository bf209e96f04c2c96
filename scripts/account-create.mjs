// `npm run account:create -- --url <deployment> --store <name> --owner-email <email>`: adds a store to a
// running Baton through its operator API (POST /api/operator/stores) and prints the Owner's one-time
// invite link (valid 7 days), the store id and its widget site key. The token comes from the
// environment, never the command line (shell history): BATON_OPERATOR_TOKEN, the value you set with
// `wrangler secret put OPERATOR_TOKEN` (or OPERATOR_TOKEN in .dev.vars for `npm run dev`).
import { parseArgs } from 'node:util';

const usage =
  'Usage: BATON_OPERATOR_TOKEN=… npm run account:create -- --url https://baton.example.com --store "Store name" --owner-email owner@example.com';
let args;
try {
  args = parseArgs({
    options: { url: { type: 'string' }, store: { type: 'string' }, 'owner-email': { type: 'string' } },
  }).values;
} catch (err) {
  console.error(`${err.message}\n${usage}`);
  process.exit(2);
}
const token = process.env.BATON_OPERATOR_TOKEN;
if (!args.url || !args.store || !args['owner-email'] || !token) {
  console.error(usage);
  process.exit(2);
}

const res = await fetch(new URL('/api/operator/stores', args.url), {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ storeName: args.store, ownerEmail: args['owner-email'] }),
}).catch((err) => {
  console.error(`Could not reach ${args.url}: ${err.message}`);
  process.exit(1);
});
const body = await res.json().catch(() => null);
if (res.status === 404) {
  console.error('This deployment has no operator API: set it up with `npx wrangler secret put OPERATOR_TOKEN` first.');
  process.exit(1);
}
if (!res.ok) {
  const details = (body?.error?.details ?? []).map((d) => `\n  ${d.field}: ${d.message}`).join('');
  console.error(`HTTP ${res.status}: ${body?.error?.message ?? 'request failed'}${details}`);
  process.exit(1);
}
console.log(`Created store "${body.account.name}" (${body.account.id}), widget site key ${body.account.siteKey}.`);
console.log(
  `Send the Owner this one-time invite link (valid until ${new Date(body.expiresAt).toISOString()}):\n  ${body.ownerInviteLink}`,
);
