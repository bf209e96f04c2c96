// Helpers both bundles use (each bundle gets its own small copy).
import type { WidgetConfig } from '../worker/protocol/widget';

/** localStorage: the running conversation ({ conversationId, resumeToken, lastSeq, … }). */
export const conversationKey = (siteKey: string): string => `baton:${siteKey}`;
/** localStorage: the last widget config seen ({ at, config }), so the launcher is themed at once. */
export const configKey = (siteKey: string): string => `baton:${siteKey}:config`;

export interface CachedConfig {
  at: number;
  config: WidgetConfig;
}

/**
 * Adds a stylesheet to the shadow root. Constructable stylesheets are not subject to a page's
 * style-src CSP; where they are missing, a <style> carrying the loader's nonce does the job.
 */
export function adopt(root: ShadowRoot, css: string, nonce: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.nonce = nonce;
    style.textContent = css;
    root.append(style);
  }
}

/** Puts the merchant's configured colour and side on the host element (a storefront's own --baton-brand wins). */
export function applyTheme(host: Element, config: WidgetConfig): void {
  (host as HTMLElement).style.setProperty('--baton-config-brand', config.brandColor);
  host.setAttribute('data-position', config.launcherPosition);
}
