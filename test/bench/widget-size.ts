// Widget weight: gzipped bytes of the loader and the chat chunk as built (run `npm run build` first).
// The chat chunk carries English only; every other locale's strings arrive with the widget config, so
// what a shopper downloads for the chat is the chunk plus their locale's strings. That sum is checked
// against the chat budget for every locale.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { LOCALES } from '../../widget/locale/index';
import { LOCALE_CODES } from '../../widget/locale/codes';

const LOADER_BUDGET = 2 * 1024;
const CHAT_BUDGET = 20 * 1024;
const dist = new URL('../../dist/public/', import.meta.url);
const gz = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;
const verdict = (size: number, budget: number) => (size <= budget ? 'within budget' : 'OVER BUDGET');

console.log('Widget size (gzip -9)');
const loader = readFileSync(new URL('widget.js', dist));
console.log(
  `  widget.js        ${String(gz(loader)).padStart(6)} B gzip (${loader.length} B raw)  budget ${LOADER_BUDGET} B  ${verdict(gz(loader), LOADER_BUDGET)}`,
);
const chat = readFileSync(new URL('widget-chat.js', dist));
console.log(
  `  widget-chat.js   ${String(gz(chat)).padStart(6)} B gzip (${chat.length} B raw)  budget ${CHAT_BUDGET} B  ${verdict(gz(chat), CHAT_BUDGET)}`,
);
let over = gz(loader) > LOADER_BUDGET || gz(chat) > CHAT_BUDGET;
for (const code of LOCALE_CODES) {
  const { strings, phrases } = LOCALES[code];
  const locale = gz(JSON.stringify({ strings, phrases }));
  const total = gz(chat) + locale;
  over ||= total > CHAT_BUDGET;
  console.log(
    `  chat + ${code.padEnd(9)} ${String(total).padStart(6)} B gzip (strings ${locale} B)  budget ${CHAT_BUDGET} B  ${verdict(total, CHAT_BUDGET)}`,
  );
}
if (over) process.exitCode = 1;
