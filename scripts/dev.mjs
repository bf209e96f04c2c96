// `npm run dev`: build the bundles, apply D1 migrations locally, seed the demo store if missing,
// then serve everything on http://localhost:8787 with wrangler (embedded workerd). Once the Worker
// answers, the demo's dozen tickets are played through it (POST /__demo/tickets: a no-op when the
// store has tickets already); `npm run dev -- --empty` skips them.
import { spawn, spawnSync } from 'node:child_process';
import { writeDevConfig } from './dev-config.mjs';

const port = process.env.PORT ?? '8787';
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, [new URL('./build.mjs', import.meta.url).pathname]);
run(bin('wrangler'), ['d1', 'migrations', 'apply', 'baton', '--local']);
run(bin('tsx'), [new URL('./seed.ts', import.meta.url).pathname]);
console.log(`\nStorefront: http://localhost:${port}/   Inbox: http://localhost:${port}/inbox\n`);

// --test-scheduled: wrangler dev never fires cron triggers by itself, so this script calls the Worker's
// scheduled handler every 15 s (the webhook outbox sweep that cron runs each minute in production).
// ALLOW_LOCAL_OUTBOUND: tenant URLs may point at local receivers on http://127.0.0.1 (never in production).
const dev = spawn(
  bin('wrangler'),
  [
    'dev',
    '--config',
    writeDevConfig(),
    '--port',
    port,
    '--ip',
    '127.0.0.1',
    '--show-interactive-dev-session=false',
    '--test-scheduled',
    '--var',
    'ALLOW_LOCAL_OUTBOUND:true',
  ],
  {
    stdio: 'inherit',
  },
);
const cron = setInterval(
  () => void fetch(`http://127.0.0.1:${port}/__scheduled?cron=*+*+*+*+*`).catch(() => undefined),
  15_000,
);
dev.on('exit', () => clearInterval(cron));
if (!process.argv.includes('--empty')) void seedDemoTickets();

async function seedDemoTickets() {
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((r) => setTimeout(r, 1000));
    const res = await fetch(`http://127.0.0.1:${port}/__demo/tickets`, { method: 'POST' }).catch(() => null);
    if (!res) continue; // not listening yet
    const body = await res.json().catch(() => null);
    if (!res.ok) return console.error('Demo tickets were not created:', body?.error?.message ?? res.status);
    if (body.created > 0) console.log(`\nDemo tickets: ${body.created} created (sign in at /inbox to see them).\n`);
    return;
  }
  console.error('Demo tickets were not created: the Worker did not answer within two minutes');
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => dev.kill(sig));
dev.on('exit', (code) => process.exit(code ?? 0));
