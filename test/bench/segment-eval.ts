// Segment evaluation over 1M events in local D1 (the same SQLite engine `wrangler dev` runs).
//
// Generation: the real migrations on a fresh state directory, then one SQL file run by
// `wrangler d1 execute --local`: 100k profiles and 1M events over 180 days made by recursive CTEs (so
// the file is a few lines, not 1M INSERTs), with the events indexes dropped during the insert and
// rebuilt after it (a sorted build is much faster than a million random index updates). The index
// definitions are read back from the migrated database, so the benchmark always measures the real ones.
//
// Measurement: the three reference segments, compiled by worker/segments and run through drizzle on
// the D1 binding of wrangler's platform proxy: the live count and the first page of members, cold (the
// first query after generation) and the median of 5 warm runs. Then EXPLAIN QUERY PLAN of segment (1).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { openDb } from '../../worker/db/client';
import { writeProxyConfig } from '../../scripts/dev-config.mjs';
import { segmentDefinition } from '../../worker/segments/definition';
import { countQuery, segmentCount, segmentMembers } from '../../worker/segments/evaluate';
import { REFERENCE_SEGMENTS } from '../../worker/segments/examples';

const EVENTS = 1_000_000;
const PROFILES = 100_000;
const DAYS = 180;
const NOW = Date.UTC(2025, 5, 15, 12);
const ACCOUNT = 'bench-account';
const GOAL_MS = 1000;

const root = new URL('../../', import.meta.url).pathname;
const wrangler = join(root, 'node_modules/.bin/wrangler');

function run(args: string[]): string {
  const r = spawnSync(wrangler, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Deterministic spread: a multiplicative hash of the row number picks name, profile and time. */
function generationSql(indexes: Array<{ name: string; sql: string }>): string {
  const kind = `((i * 2654435761) % 1000003 % 100)`;
  return [
    ...indexes.map((ix) => `DROP INDEX ${ix.name};`),
    `INSERT INTO accounts (id, name, slug, site_key, identity_key, created_at) VALUES ('${ACCOUNT}', 'Bench', 'bench', 'pk_bench', 'idk_bench', ${NOW});`,
    `INSERT INTO profiles (id, account_id, external_id, email, name, created_at, updated_at)
     WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${PROFILES - 1})
     SELECT printf('p%06d', i), '${ACCOUNT}', printf('cust-%06d', i), printf('shopper%06d@bench.test', i), printf('Shopper %d', i), ${NOW}, ${NOW} FROM n;`,
    `INSERT INTO events (id, account_id, name, profile_id, conversation_id, channel, properties, occurred_at, idempotency_key)
     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${EVENTS}), k AS (SELECT i, ${kind} AS kind FROM n)
     SELECT printf('e%07d', i), '${ACCOUNT}',
       CASE WHEN kind < 25 THEN 'Started Conversation' WHEN kind < 40 THEN 'Received Product Recommendation'
            WHEN kind < 50 THEN 'Conversation Resolved' WHEN kind < 55 THEN 'Conversation Escalated'
            WHEN kind < 57 THEN 'Handoff Declined' WHEN kind < 67 THEN 'Placed Order' ELSE 'Viewed Product' END,
       printf('p%06d', (i * 7919) % ${PROFILES}), NULL,
       CASE WHEN kind < 57 THEN 'web_chat' END,
       CASE WHEN kind < 57 THEN '{"channel":"web_chat"}' ELSE '{}' END,
       ${NOW} - ((i * 40503) % ${DAYS * 24 * 60}) * 60000,
       'bench:' || i
     FROM k;`,
    ...indexes.map((ix) => `${ix.sql};`),
  ].join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'baton-bench-segments-'));
try {
  run(['d1', 'migrations', 'apply', 'baton', '--local', '--persist-to', dir]);
  const indexes = (
    JSON.parse(
      run([
        'd1',
        'execute',
        'baton',
        '--local',
        '--persist-to',
        dir,
        '--json',
        '--command',
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL",
      ]),
    ) as Array<{ results: Array<{ name: string; sql: string }> }>
  )[0]!.results;
  const file = join(dir, 'generate.sql');
  writeFileSync(file, generationSql(indexes));
  const t0 = performance.now();
  run(['d1', 'execute', 'baton', '--local', '--persist-to', dir, '--file', file]);
  const generation = (performance.now() - t0) / 1000;

  const proxy = await getPlatformProxy<Env>({ configPath: writeProxyConfig(), persist: { path: join(dir, 'v3') } });
  try {
    const db = openDb(proxy.env.DB);
    const ctx = { accountId: ACCOUNT, now: NOW };
    console.log(
      `Segment evaluation over ${EVENTS.toLocaleString('en-US')} events and ${PROFILES.toLocaleString('en-US')} profiles in local D1` +
        ` (${DAYS} days of events; generated and indexed in ${generation.toFixed(1)} s). Goal: under ${GOAL_MS} ms.`,
    );
    const time = async <T>(work: () => Promise<T>) => {
      const start = performance.now();
      const value = await work();
      return { ms: performance.now() - start, value };
    };
    let allWithin = true;
    for (const [i, segment] of Object.values(REFERENCE_SEGMENTS).entries()) {
      const def = segmentDefinition.parse(segment.definition);
      const cold = await time(() => segmentCount(db, def, ctx));
      const warm: number[] = [];
      for (let r = 0; r < 5; r++) warm.push((await time(() => segmentCount(db, def, ctx))).ms);
      const page = await time(() => segmentMembers(db, def, ctx, { limit: 50 }));
      warm.sort((a, b) => a - b);
      const worst = Math.max(cold.ms, warm[2]!, page.ms);
      allWithin &&= worst < GOAL_MS;
      console.log(
        `  (${i + 1}) ${segment.name.padEnd(44)} ${String(cold.value.toLocaleString('en-US')).padStart(7)} members   ` +
          `count: cold ${cold.ms.toFixed(0).padStart(4)} ms, warm median ${warm[2]!.toFixed(0).padStart(4)} ms   first page of 50: ${page.ms.toFixed(0).padStart(4)} ms   ` +
          `${worst < GOAL_MS ? 'within goal' : 'OVER GOAL'}`,
      );
    }
    const { sql, params } = new SQLiteSyncDialect().sqlToQuery(
      countQuery(segmentDefinition.parse(REFERENCE_SEGMENTS.reengage.definition), ctx),
    );
    const plan = await proxy.env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    console.log(`\nEXPLAIN QUERY PLAN, segment (1) count (${params.length} bound parameters):`);
    for (const row of plan.results) console.log(`  ${row.detail}`);
    if (!allWithin) process.exitCode = 1;
  } finally {
    await proxy.dispose();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
