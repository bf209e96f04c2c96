// An XSS corpus for the attack suite: classic injection vectors (tags with handlers, script and style
// breakouts, javascript:/data: URLs, SVG/MathML, attribute and template breakouts, encoded forms,
// markdown links), each calling window.__xss(n) — or alert(n), which a test counts as a dialog — if it
// ever runs. Every vector also comes wrapped to break out of an attribute, a textarea/title, and a
// script string, so the corpus has well over 100 payloads.

const BASE: Array<(n: number) => string> = [
  (n) => `<script>__xss(${n})</script>`,
  (n) => `<img src=x onerror=__xss(${n})>`,
  (n) => `<img src="x" onerror="__xss(${n})">`,
  (n) => `<svg onload=__xss(${n})>`,
  (n) => `<svg><script>__xss(${n})</script></svg>`,
  (n) => `<body onload=__xss(${n})>`,
  (n) => `<iframe src="javascript:__xss(${n})"></iframe>`,
  (n) => `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`,
  (n) => `<a href="javascript:__xss(${n})">click</a>`,
  (n) => `[click](javascript:__xss(${n}))`,
  (n) => `<details open ontoggle=__xss(${n})>`,
  (n) => `<input autofocus onfocus=__xss(${n})>`,
  (n) => `<video><source onerror=__xss(${n})></video>`,
  (n) => `<audio src=x onerror=__xss(${n})>`,
  (n) => `<object data="javascript:__xss(${n})"></object>`,
  (n) => `<embed src="javascript:__xss(${n})">`,
  (n) => `<math><mtext><img src=x onerror=__xss(${n})></mtext></math>`,
  (n) => `<style>@import 'javascript:__xss(${n})';</style>`,
  (n) => `<div style="background:url(javascript:__xss(${n}))">`,
  (n) => `<marquee onstart=__xss(${n})>`,
  (n) => `<select autofocus onfocus=__xss(${n})>`,
  (n) => `<textarea autofocus onfocus=__xss(${n})>`,
  (n) => `<keygen autofocus onfocus=__xss(${n})>`,
  (n) => `<form><button formaction="javascript:__xss(${n})">x</button></form>`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})">`,
  (n) => `<base href="javascript:__xss(${n})//">`,
  (n) => `<link rel=import href="data:text/html,<script>__xss(${n})</script>">`,
  (n) => `<img src=x:alert(${n}) onerror=eval(src)>`,
  (n) => `<img src=x onerror=alert(${n})>`,
  (n) => `<IMG SRC=x OnErRoR=__xss(${n})>`,
  (n) => `<img src=x onerror=&#95;&#95;xss(${n})>`,
  (n) => `&lt;img src=x onerror=__xss(${n})&gt;`,
  (n) => `\\u003cimg src=x onerror=__xss(${n})\\u003e`,
  (n) => `{{constructor.constructor('__xss(${n})')()}}`,
  (n) => `\${__xss(${n})}`,
  (n) => `<scr<script>ipt>__xss(${n})</scr</script>ipt>`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=__xss(${n})>">`,
  (n) => `<template><img src=x onerror=__xss(${n})></template>`,
  (n) => `data:text/html,<script>__xss(${n})</script>`,
  (n) => `javascript:__xss(${n})`,
];

const WRAPPERS: Array<(payload: string) => string> = [
  (p) => p,
  (p) => `"><${p.startsWith('<') ? p.slice(1) : p}`,
  (p) => `</textarea></title></style>${p}`,
  (p) => `';</script>${p}<script>'`,
];

/** The corpus: every base vector in every wrapper, each with its own number. */
export function xssCorpus(): string[] {
  const out: string[] = [];
  let n = 1;
  for (const wrap of WRAPPERS) for (const vector of BASE) out.push(wrap(vector(n++)));
  return out;
}

/** Groups payloads into messages of at most `maxChars` characters (one payload per line). */
export function packPayloads(payloads: string[], maxChars: number): string[] {
  const messages: string[] = [];
  let current = '';
  for (const p of payloads) {
    if (current && current.length + 1 + p.length > maxChars) {
      messages.push(current);
      current = '';
    }
    current = current ? `${current}\n${p}` : p;
  }
  if (current) messages.push(current);
  return messages;
}
