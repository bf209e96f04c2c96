// A message's text, or — when it is a file Baton serves — the file as a thumbnail or a download link
// (widget/attachment.tsx, the same module the shopper's widget shows files with).
import { attachmentOf, FileLink } from '../../../widget/attachment';
import type { WireMessage } from './types';

const LOOK = { image: 'msg-file', file: 'msg-file', testId: 'inbox-attachment', before: '📎 ' };

/** A message's text, or its file when it is one of Baton's attachments. */
export function MessageBody({ m }: { m: WireMessage }) {
  const file = attachmentOf(m);
  return file ? <FileLink file={file} look={LOOK} /> : <p class="msg-text">{m.text}</p>;
}
