// A file in a conversation (attached by the shopper in the widget or by a teammate in the inbox), as
// both browser bundles show it — the widget's chat and the inbox transcript import this one module: a
// thumbnail for a picture, a download link for a PDF, never the file's content as a page. Only files
// Baton serves itself (/api/widget/files/<conversation>/<hash>.<ext>: nosniff, sandboxed) count; any
// other link stays text. Text only.
import type { WireMessage } from '../worker/protocol/widget';

export interface Attached {
  url: string;
  name: string;
  image: boolean;
}

const SERVED = /^\/api\/widget\/files\/[0-9a-f-]{36}\/[0-9a-f]{32}\.\w+$/;

/** The message's attached file, or null when it has none (or its link is not one Baton serves). */
export function attachmentOf(m: Pick<WireMessage, 'link' | 'role' | 'text'>): Attached | null {
  if (!m.link || (m.role !== 'shopper' && m.role !== 'human')) return null;
  let url: URL;
  try {
    url = new URL(m.link);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !SERVED.test(url.pathname)) return null;
  const name = m.text.replace(/^📎 /, '').replace(/ https?:\/\/\S+$/, '');
  return { url: url.href, name, image: /\.(?:png|jpg|webp|gif)$/.test(url.pathname) };
}

/** The file as a link: `look` gives each bundle's own classes, test id and the text before a file's name. */
export function FileLink({
  file,
  look,
}: {
  file: Attached;
  look: { image: string; file: string; testId: string; before: string };
}) {
  return file.image ? (
    <a class={look.image} href={file.url} target="_blank" rel="noopener noreferrer" data-testid={look.testId}>
      <img src={file.url} alt={file.name} loading="lazy" />
    </a>
  ) : (
    <a class={look.file} href={file.url} download={file.name} rel="noopener noreferrer" data-testid={look.testId}>
      {look.before}
      {file.name}
    </a>
  );
}
