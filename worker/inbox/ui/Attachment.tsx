// A file in the transcript (attached by the shopper in the widget or by a teammate): a thumbnail for a
// picture, a download link for a PDF, never the file's content as a page. Only Baton's own served
// files (/api/widget/files/…, nosniff, sandboxed) are shown this way; any other link stays text.
import type { WireMessage } from './types';

interface Attached {
  url: string;
  name: string;
  image: boolean;
}

function attachmentOf(m: WireMessage): Attached | null {
  if (!m.link || (m.role !== 'shopper' && m.role !== 'human')) return null;
  let url: URL;
  try {
    url = new URL(m.link);
  } catch {
    return null;
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    !/^\/api\/widget\/files\/[0-9a-f-]{36}\/[0-9a-f]{32}\.\w+$/.test(url.pathname)
  )
    return null;
  const name = m.text.replace(/^📎 /, '').replace(/ https?:\/\/\S+$/, '');
  return { url: url.href, name, image: /\.(?:png|jpg|webp|gif)$/.test(url.pathname) };
}

/** A message's text, or its file when it is one of Baton's attachments. */
export function MessageBody({ m }: { m: WireMessage }) {
  const file = attachmentOf(m);
  return file ? <Attachment file={file} /> : <p class="msg-text">{m.text}</p>;
}

function Attachment({ file }: { file: Attached }) {
  return file.image ? (
    <a class="msg-file" href={file.url} target="_blank" rel="noopener noreferrer" data-testid="inbox-attachment">
      <img src={file.url} alt={file.name} loading="lazy" />
    </a>
  ) : (
    <a class="msg-file" href={file.url} download={file.name} rel="noopener noreferrer" data-testid="inbox-attachment">
      📎 {file.name}
    </a>
  );
}
