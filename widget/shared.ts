// Helpers both bundles use (each bundle gets its own small copy).
import type { WidgetConfig } from '../worker/protocol/widget';

/** localStorage: the running conversation ({ conversationId, resumeToken, lastSeq, … }). */
export const conversationKey = (siteKey: string): string => `baton:${siteKey}`;
/** localStorage: the last widget config seen ({ at, lang, config }), so the launcher shows, themed, at once. */
export const configKey = (siteKey: string): string => `baton:${siteKey}:config`;
/** The widget config in the browser's language (its strings come with it: no second request). A language tag needs no escaping. */
export const configUrl = (origin: string, siteKey: string): string =>
  `${origin}/api/widget/config?siteKey=${encodeURIComponent(siteKey)}&locale=${navigator.language}`;

export interface CachedConfig {
  at: number;
  /** navigator.language when it was fetched: another language needs another config. */
  lang: string;
  config: WidgetConfig;
}

/**
 * Adds a stylesheet to the shadow root. Constructable stylesheets are not subject to a page's
 * style-src CSP; where they are missing (or adoptedStyleSheets is not yet a pushable array, as in
 * Safari before 16.4), a <style> carrying the loader's nonce does the job.
 */
export function adopt(root: ShadowRoot, css: string, nonce: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets.push(sheet);
  } catch {
    const style = document.createElement('style');
    style.nonce = nonce;
    style.textContent = css;
    root.append(style);
  }
}
