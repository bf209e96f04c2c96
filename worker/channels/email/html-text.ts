// HTML mail as plain text (Baton shows text, never HTML). One linear pass over the markup with
// indexOf, no backtracking regular expressions, so a hostile message cannot make it slow. Script,
// style, head and title content is dropped; block elements become line breaks; a link keeps its URL
// beside its text. With `stopAtQuote`, everything from the first quoted-history or signature marker
// on (Gmail's gmail_quote/gmail_signature, Outlook's divRplyFwdMsg/appendonsend/Signature, Apple
// Mail's <blockquote type="cite">, Thunderbird's moz-cite-prefix, Yahoo's yahoo_quoted) is left out.

const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);
const LINE = new Set(['br', 'tr', 'li', 'dt', 'dd']);
const PARAGRAPH = new Set([
  'p',
  'div',
  'table',
  'ul',
  'ol',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
  'section',
  'article',
  'header',
  'footer',
]);
const QUOTE_CLASS = /\bclass\s*=\s*["']?[^"'>]*\b(?:gmail_quote|gmail_signature|moz-cite-prefix|yahoo_quoted)\b/i;
const QUOTE_ID = /\bid\s*=\s*["']?(?:divRplyFwdMsg|appendonsend|Signature|stopSpelling)\b/i;
const CITE = /\btype\s*=\s*["']?cite\b/i;
const HREF = /\bhref\s*=\s*["']?(https?:\/\/[^\s"'>]+)/i;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  ccedil: 'ç',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name] ?? whole;
  });
}

export function htmlToText(html: string, opts: { stopAtQuote?: boolean } = {}): string {
  let out = '';
  let i = 0;
  let skipping: string | null = null;
  let pre = 0;
  const links: Array<string | null> = [];
  const text = (chunk: string) => {
    if (skipping || !chunk) return;
    out += pre > 0 ? chunk : chunk.replace(/\s+/g, ' ');
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt < 0) break; // an unterminated tag: the rest is not text
    const tag = html.slice(lt + 1, gt);
    i = gt + 1;
    const name = /^\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(tag)?.[1]?.toLowerCase();
    if (!name) {
      if (tag.startsWith('!') || tag.startsWith('?')) continue; // doctype, processing instruction
      text('<');
      i = lt + 1;
      continue;
    }
    const closing = tag.startsWith('/');
    if (skipping) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (!closing && SKIPPED.has(name)) {
      if (!tag.endsWith('/')) skipping = name;
      continue;
    }
    if (
      !closing &&
      opts.stopAtQuote &&
      (QUOTE_CLASS.test(tag) || QUOTE_ID.test(tag) || (name === 'blockquote' && CITE.test(tag)))
    )
      break;
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    if (name === 'a') {
      if (!closing) links.push(HREF.exec(tag)?.[1] ?? null);
      else {
        const href = links.pop();
        if (href && !out.trimEnd().endsWith(href)) out += ` (${href})`;
      }
    }
    if (name === 'img' && !closing) {
      const alt = /\balt\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
      if (alt) text(`[${alt}]`);
    }
    if (LINE.has(name)) out += '\n';
    else if (PARAGRAPH.has(name)) out += '\n\n';
    else if ((name === 'td' || name === 'th') && closing) out += ' ';
    if (name === 'li' && !closing) out += '* ';
  }
  return tidy(decodeEntities(out));
}

/** Trims every line, and keeps at most one blank line between paragraphs. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
