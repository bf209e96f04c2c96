// Worker tests run inside workerd through Cloudflare's vitest pool (@cloudflare/vitest-pool-workers,
// pinned at 0.8.71 with vitest 3.2: it installs and runs on Node 20, while the newer
// @cloudflare/vitest-plugin and pool 0.9+ need Node 22 and vitest 4). Bindings come from wrangler.toml;
// the setup file applies the real migrations/ and seeds the demo store.
import { defineWorkersConfig, readD1Migrations } from '@cloudflare/vitest-pool-workers/config';
import { writeDevConfig } from './scripts/dev-config.mjs';
import { freePort } from './test/support/worker-server';

// The Twilio and WhatsApp stand-ins listen on ports chosen here, because the Worker reads their
// addresses from bindings (TWILIO_API_BASE, WHATSAPP_API_BASE) fixed with this config; global-setup
// starts them on the same ports (read from globalThis: vitest gives global setup its own process.env
// copy). Computed once, so a second evaluation of this file agrees.
const ports = ((globalThis as { batonPhoneStandinPorts?: { twilio: number; whatsapp: number } }).batonPhoneStandinPorts ??= {
  twilio: await freePort(),
  whatsapp: await freePort(),
});

export default defineWorkersConfig(async () => ({
  test: {
    include: ['test/worker/**/*.test.ts'],
    setupFiles: ['test/worker/setup.ts'],
    globalSetup: ['test/worker/global-setup.ts'],
    testTimeout: 30_000,
    poolOptions: {
      workers: {
        singleWorker: true,
        isolatedStorage: false,
        // The dev/test entry (worker/dev/index.ts) with wrangler.toml's bindings: scripts/dev-config.mjs.
        wrangler: { configPath: writeDevConfig() },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: await readD1Migrations('./migrations'),
            // Helpdesk credentials are sealed with this key (worker/handoff/secret-box.ts); a short
            // helpdesk timeout keeps the "helpdesk hangs" tests quick.
            SECRETS_KEY: 'test-secrets-key-not-for-production',
            HELPDESK_TIMEOUT_MS: '1000',
            // The outbound-URL policy (worker/platform/outbound-url.ts) admits http://127.0.0.1 for the
            // local stand-ins (LLM, Zendesk, Gorgias, webhook receiver, Slack); tests only, never wrangler.toml.
            ALLOW_LOCAL_OUTBOUND: 'true',
            // A platform LLM key the attack tests check never reaches an account's own LLM endpoint.
            LLM_API_KEY: 'sk-platform-key-must-not-leak',
            // Turns the operator API on (worker/routes/operator.ts; `npm run account:create`).
            OPERATOR_TOKEN: 'test-operator-token',
            // SMS and WhatsApp go to the local stand-ins (test/support/twilio-standin.ts, whatsapp-standin.ts).
            TWILIO_API_BASE: `http://127.0.0.1:${ports.twilio}`,
            WHATSAPP_API_BASE: `http://127.0.0.1:${ports.whatsapp}`,
          },
        },
      },
    },
  },
}));
