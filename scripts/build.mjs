// Builds the browser bundles into dist/public (served by the Worker's asset binding):
//   /widget.js         the loader a storefront embeds (IIFE, tiny)
//   /widget-chat.js    the chat app the loader imports on demand (ES module, Preact inside)
//   /inbox/app.js,css  the agents' inbox
// and prints the gzipped sizes of the two widget files on every build.
import { build, transformWithEsbuild } from 'vite';
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync, appendFileSync, rmSync, existsSync, mkdirSync, cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/public`;
const quiet = { logLevel: 'warn', configFile: false, root };
const jsx = { esbuild: { jsx: 'automatic', jsxImportSource: 'preact' } };

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

async function bundle(entry, outDir, fileName, format, extra = {}) {
  await build({
    ...quiet,
    ...jsx,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2021',
      minify: 'esbuild',
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: `${root}${entry}`, formats: [format], fileName: () => fileName, name: 'BatonLoader', ...extra },
      // The loader's IIFE needs no "use strict" prologue (every byte counts against its 2 KB).
      rollupOptions: { output: { strict: format !== 'iife' } },
    },
  });
}

await bundle('widget/loader.ts', out, 'widget.js', 'iife');
if (existsSync(`${root}widget/chat/index.tsx`)) {
  await bundle('widget/chat/index.tsx', out, 'widget-chat.js', 'es');
  // Vite keeps whitespace in ES-format library output (for consumers' tree-shaking); the chat
  // chunk is a final browser file, so minify it fully.
  const chat = `${out}/widget-chat.js`;
  const { code } = await transformWithEsbuild(readFileSync(chat, 'utf8'), chat, {
    loader: 'js',
    format: 'esm',
    target: 'es2021',
    minify: true,
  });
  writeFileSync(chat, code);
}
await bundle('worker/inbox/ui/main.tsx', `${out}/inbox`, 'app.js', 'es', { cssFileName: 'app' });
if (existsSync(`${root}worker/inbox/static`)) cpSync(`${root}worker/inbox/static`, out, { recursive: true });
// Response headers for the widget files (CORS for the cross-origin module script), merged with any others.
if (existsSync(`${root}widget/static/_headers`))
  appendFileSync(`${out}/_headers`, `\n${readFileSync(`${root}widget/static/_headers`, 'utf8')}`);

for (const file of ['widget.js', 'widget-chat.js']) {
  const path = `${out}/${file}`;
  if (!existsSync(path)) continue;
  const raw = readFileSync(path);
  console.log(
    `${file.padEnd(16)} ${String(raw.length).padStart(7)} B raw  ${String(gzipSync(raw, { level: 9 }).length).padStart(6)} B gzip`,
  );
}
