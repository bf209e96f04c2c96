// What Settings → Embed shows: the snippet a merchant pastes before </body>, built from the account's
// public site key and Baton's own origin (the widget loads everything else from there).

export function embedSnippet(origin: string, siteKey: string): string {
  return [
    '<script>window.Baton=window.Baton||function(){(Baton.q=Baton.q||[]).push(arguments)};</script>',
    `<script async src="${origin}/widget.js" data-site-key="${siteKey}"></script>`,
  ].join('\n');
}

/** Enough of a secret key to tell two apart, never enough to use: the prefix and the last 4 characters. */
export function keyHint(key: string): string {
  const prefix = /^[a-z]+_/.exec(key)?.[0] ?? '';
  return `${prefix}…${key.slice(-4)}`;
}
