// Safe formatting helpers: everything becomes Preact text nodes or attributes, never HTML.
import type { ComponentChild } from 'preact';

/**
 * http(s) URLs only; javascript:, data: etc. → null. Relative URLs resolve against `base`: the
 * storefront page for product links, Baton's origin for images it serves (avatars, demo catalog).
 * Protocol-relative "//host" (or "/\host") is a link to another site, not a path: → null.
 */
export function safeUrl(url: string | null | undefined, base: string = location.href): string | null {
  if (!url || /^\s*[/\\]{2}/.test(url)) return null;
  try {
    const u = new URL(url, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A price in minor units, in the card's own currency (JPY has no minor unit, USD two, …). */
export function formatPrice(minor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

const LINK = /\bhttps?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]]/g;

/** Message text with bare http(s) URLs turned into links; the rest stays plain text. */
export function Linkified({ text }: { text: string }) {
  const parts: ComponentChild[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const at = match.index ?? 0;
    parts.push(text.slice(last, at));
    parts.push(
      <a href={match[0]} target="_blank" rel="noopener noreferrer">
        {match[0]}
      </a>,
    );
    last = at + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
