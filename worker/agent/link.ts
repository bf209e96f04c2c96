// Where an answer's "More:" link points. An article imported with an absolute URL keeps it; otherwise
// the merchant's help centre (setting agent.helpCenterUrl) resolves the article's path into an absolute
// URL; otherwise Baton's own public article page (/articles/:id, worker/agent/article-page.ts) on this
// deployment's origin; and only when none of these is known, the stored path as it is.
import type { ArticleSource } from './types';

export function articleLink(
  article: ArticleSource,
  helpCenterUrl: string | null,
  publicOrigin: string | null,
): string | null {
  const url = article.url?.trim() || null;
  if (url && /^https?:\/\//i.test(url)) return url;
  if (helpCenterUrl) {
    try {
      return url ? new URL(url, withSlash(helpCenterUrl)).href : helpCenterUrl;
    } catch {
      return helpCenterUrl;
    }
  }
  if (publicOrigin) return `${publicOrigin.replace(/\/+$/, '')}/articles/${encodeURIComponent(article.id)}`;
  return url;
}

/** "https://shop.example/help" → ".../help/", so a relative "returns" resolves inside the help centre. */
function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * This deployment's public origin for article links, from the optional PUBLIC_ORIGIN var
 * ("https://baton.example.com"); null when unset or not an http(s) origin.
 */
export function publicOriginOf(env: object): string | null {
  const value: unknown = Reflect.get(env, 'PUBLIC_ORIGIN');
  if (typeof value !== 'string' || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}
