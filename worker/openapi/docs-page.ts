// /api/docs: the OpenAPI document as one readable, self-contained HTML page (inline CSS, no script,
// no CDN), rendered on the server from the same document /api/openapi.json serves. Every value is
// escaped by hono/html: the page shows text, never markup from the document.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { openApiDocument } from './document';

type Json = Record<string, unknown>;
type Fragment = HtmlEscapedString | Promise<HtmlEscapedString> | string;

const CONSTRAINTS = [
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'pattern',
  'default',
  'enum',
  'const',
];

function typeOf(s: Json): string {
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) return ((s.anyOf ?? s.oneOf) as Json[]).map(typeOf).join(' | ');
  if (s.type === 'array') return `array of ${typeOf((s.items ?? {}) as Json)}`;
  if (s.$ref) return String(s.$ref).split('/').pop() ?? 'object';
  return typeof s.type === 'string' ? s.type : 'any';
}

function schemaTree(s: Json): Fragment {
  const constraints = CONSTRAINTS.filter((k) => s[k] !== undefined).map((k) => `${k}: ${JSON.stringify(s[k])}`);
  const props = (s.properties ?? (s.type === 'array' ? ((s.items ?? {}) as Json).properties : undefined)) as
    | Record<string, Json>
    | undefined;
  const required = new Set((s.required ?? (s.type === 'array' ? ((s.items ?? {}) as Json).required : [])) as string[]);
  const variants = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  return html`${constraints.length ? html` <span class="c">${constraints.join(', ')}</span>` : ''}${s.description ? html` — ${String(s.description)}` : ''}
    ${props ? html`<ul>${Object.entries(props).map(([name, p]) => html`<li><code>${name}</code>${required.has(name) ? html`<b class="req">required</b>` : ''} <i>${typeOf(p)}</i>${schemaTree(p)}</li>`)}</ul>` : ''}
    ${variants && !props ? html`<ul>${variants.map((v, i) => html`<li>variant ${i + 1}: <i>${typeOf(v)}</i>${schemaTree(v)}</li>`)}</ul>` : ''}`;
}

function operation(path: string, method: string, op: Json): Fragment {
  const params = (op.parameters ?? []) as Json[];
  const body = (
    ((op.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined
  )?.schema as Json | undefined;
  const responses = Object.entries((op.responses ?? {}) as Record<string, Json>);
  const security = ((op.security ?? []) as Json[]).flatMap((s) => Object.keys(s));
  return html`<section class="op" id="${String(op.operationId)}">
    <h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
    <p>${String(op.summary ?? '')}${op.description ? html`<br />${String(op.description)}` : ''}</p>
    <p class="auth">Auth: ${security.length ? security.join(', ') : 'none (public; a site key in the body or query where required)'}</p>
    ${params.length ? html`<h4>Parameters</h4><ul>${params.map((p) => html`<li><code>${String(p.name)}</code> (${String(p.in)}${p.required ? ', required' : ''}) <i>${typeOf((p.schema ?? {}) as Json)}</i>${schemaTree((p.schema ?? {}) as Json)}</li>`)}</ul>` : ''}
    ${body ? html`<h4>JSON body</h4><div class="schema"><i>${typeOf(body)}</i>${schemaTree(body)}</div>` : ''}
    <h4>Responses</h4>
    <ul>${responses.map(([status, r]) => {
      const content = Object.entries((r.content ?? {}) as Record<string, Json>)[0];
      const schema = content?.[1].schema as Json | undefined;
      return html`<li><b>${status}</b> ${String(r.description ?? '')}${content ? html` <span class="c">${content[0]}</span>` : ''}${schema && !schema.$ref ? schemaTree(schema) : ''}</li>`;
    })}</ul>
  </section>`;
}

export function docsPage(): Fragment {
  const doc = openApiDocument() as Json;
  const info = doc.info as Json;
  const paths = Object.entries(doc.paths as Record<string, Record<string, Json>>);
  const tags = ((doc.tags ?? []) as Json[]).map((t) => String(t.name));
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${String(info.title)}</title>
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
      code { font: 13px ui-monospace, monospace; background: #f3f4f6; padding: 0 .25rem; border-radius: 3px; }
      .op { border-top: 1px solid #d0d7de; padding: .5rem 0; }
      .m { display: inline-block; min-width: 4rem; font: 600 12px ui-monospace, monospace; color: #fff; background: #57606a; border-radius: 3px; padding: .1rem .4rem; text-align: center; }
      .m.get { background: #0969da; } .m.post { background: #1a7f37; } .m.patch { background: #9a6700; } .m.delete { background: #cf222e; }
      .c { color: #57606a; font-size: 13px; } .req { color: #cf222e; font-size: 12px; margin-left: .3rem; } .auth { color: #57606a; }
      ul { margin: .2rem 0; }
    </style>
  </head>
  <body>
    <h1>${String(info.title)}</h1>
    <p>${String(info.description ?? '')}</p>
    <p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${String(doc.openapi)}). Errors: <code>{"error": {"code", "message", "details"?}}</code>.</p>
    <nav><ul>${tags.map((t) => html`<li><a href="#${t.toLowerCase().replace(/\W+/g, '-')}">${t}</a></li>`)}</ul></nav>
    ${tags.map(
      (tag) => html`<h2 id="${tag.toLowerCase().replace(/\W+/g, '-')}">${tag}</h2>
    ${paths.flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => ((op.tags ?? []) as string[]).includes(tag))
        .map(([method, op]) => operation(path, method, op)),
    )}`,
    )}
  </body>
</html>`;
}
