// `npm run bench`: builds, then runs every benchmark in test/bench/ and prints its figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, CI: 'true' } }).status === 0;

let ok = run(process.execPath, [`${root}scripts/build.mjs`]);
const only = process.argv[2];
for (const file of readdirSync(`${root}test/bench`)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n── ${file} ──`);
  ok = run(`${root}node_modules/.bin/tsx`, [`${root}test/bench/${file}`]) && ok;
}
process.exit(ok ? 0 : 1);
