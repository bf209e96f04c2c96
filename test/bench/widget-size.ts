// Widget weight: gzipped bytes of the loader and the chat chunk as built (run `npm run build` first).
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const BUDGETS = { 'widget.js': 2 * 1024, 'widget-chat.js': 20 * 1024 } as const;
const dist = new URL('../../dist/public/', import.meta.url);

console.log('Widget size (gzip -9)');
for (const [file, budget] of Object.entries(BUDGETS)) {
  const raw = readFileSync(new URL(file, dist));
  const gz = gzipSync(raw, { level: 9 }).length;
  const verdict = gz <= budget ? 'within budget' : 'OVER BUDGET';
  console.log(`  ${file.padEnd(15)} ${String(gz).padStart(6)} B gzip (${raw.length} B raw)  budget ${budget} B  ${verdict}`);
}
