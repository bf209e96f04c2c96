// The Customer Agent's evaluation figures (the same run as `npm run eval`), printed with the other
// benchmarks. Reports only: EVAL_REPORT_ONLY=1 keeps the figures from failing the bench; a crash of the
// harness itself still does.
import { spawnSync } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;
const run = spawnSync(`${root}node_modules/.bin/vitest`, ['run', '--config', 'vitest.eval.config.ts'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, EVAL_REPORT_ONLY: '1' },
  maxBuffer: 64 * 1024 * 1024,
});
const out = run.stdout ?? '';
// The harness prints its report as blocks starting with these lines; everything else is test-runner noise.
const blocks = out.split(/\n\s*\n/).filter((b) => /^(?:Customer Agent eval|[\w -]*split:|With grounded)/m.test(b));
console.log(blocks.map((b) => b.replace(/^stdout \|.*\n/m, '').trim()).join('\n\n'));
if (run.status !== 0) {
  console.error(run.stderr.split('\n').slice(-30).join('\n'));
  process.exit(1);
}
