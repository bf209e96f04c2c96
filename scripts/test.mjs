// `npm test`: build the bundles, type-check everything, run the worker tests (inside workerd) and
// the browser tests (Chromium against `wrangler dev`), then print one total line for CI:
//   N passed, N failed
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => `${root}node_modules/.bin/${name}`;
const reports = `${root}test-results`;
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = { ...process.env, CI: 'true' };
function step(label, cmd, args) {
  console.log(`\n── ${label} ──`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  return r.status === 0;
}

// Build and type checks count in the totals too: a failing one is one failed check.
const checks = [
  step('build', process.execPath, [`${root}scripts/build.mjs`]),
  step('typecheck', bin('tsc'), ['-p', 'tsconfig.json']),
  step('typecheck (browser code)', bin('tsc'), ['-p', 'tsconfig.dom.json']),
  step('typecheck (node code)', bin('tsc'), ['-p', 'tsconfig.node.json']),
  step('generated types current (npm run types:check)', 'npm', ['run', '--silent', 'types:check']),
  step('lint (Biome, biome.jsonc)', bin('biome'), ['lint']),
  step('deployed bundle has no test/bench/demo code', process.execPath, [`${root}scripts/check-bundle.mjs`]),
];
let ok = checks.every(Boolean);

const suites = [
  { name: 'worker', config: 'vitest.worker.config.ts' },
  { name: 'browser', config: 'vitest.browser.config.ts' },
];
let passed = 0;
let failed = checks.filter((c) => !c).length;
for (const suite of suites) {
  const out = `${reports}/${suite.name}.json`;
  const ran = step(`${suite.name} tests`, bin('vitest'), [
    'run',
    '--config',
    suite.config,
    ...(suite.args ?? []),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (!ran && report.numFailedTests === 0) failed += 1; // the suite failed outside any test (setup, collection)
  } catch {
    failed += 1; // no report: the runner itself failed
    console.error(`${suite.name}: no test report was written`);
  }
  ok = ran && ok;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
