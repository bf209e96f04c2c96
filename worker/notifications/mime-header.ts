// One unstructured mail header (Subject) as RFC 5322/2047 text: printable ASCII stays as it is,
// folded at spaces so lines stay within 78 characters where a space allows; anything else becomes
// UTF-8 "B" encoded words of at most 75 characters each (RFC 2047 §2), split only between whole
// characters (§5: an encoded word never holds part of a multi-byte character), one per line, so
// every line that carries an encoded word is at most 76 characters (§2). Decoders drop the folding
// whitespace between adjacent encoded words (§6.2), so the split is lossless. The value must already
// be one line (no CR/LF): callers pass it through oneLine().

import { bytesToBase64 } from '../platform/base64';

const WORD_PREFIX = '=?UTF-8?B?';
const WORD_SUFFIX = '?=';
const MAX_WORD = 75;
const MAX_ENCODED_LINE = 76;
const MAX_LINE = 78;
const encoder = new TextEncoder();

/** `Name: value` with CRLF folding; the result never contains a bare CR or LF. */
export function encodeHeader(name: string, value: string): string {
  // Plain text that looks like an encoded word is encoded too, or a mail client would decode it.
  if (/^[\x20-\x7e]*$/.test(value) && !value.includes('=?')) return foldAscii(name, value);
  return `${name}: ${encodedWords(value, MAX_ENCODED_LINE - name.length - 2).join('\r\n ')}`;
}

/** Folds printable ASCII before a space where a line would pass 78 characters (a longer word stays whole). */
function foldAscii(name: string, value: string): string {
  const lines: string[] = [];
  const head = `${name}:`;
  let line = head;
  for (const word of value.split(' ')) {
    if (line.length + 1 + word.length > MAX_LINE && line !== head) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/** Bytes of UTF-8 that fit in one encoded word of at most `chars` characters (4 base64 chars per 3 bytes). */
const bytesFor = (chars: number) =>
  Math.floor((Math.min(chars, MAX_WORD) - WORD_PREFIX.length - WORD_SUFFIX.length) / 4) * 3;

/** Encoded words for `value`; the first fits in `firstLine` characters, the rest in a continuation line. */
export function encodedWords(value: string, firstLine = MAX_WORD): string[] {
  const words: string[] = [];
  let budget = bytesFor(firstLine);
  let chunk: number[] = [];
  for (const char of value) {
    const bytes = encoder.encode(char);
    if (chunk.length + bytes.length > budget && chunk.length > 0) {
      words.push(word(chunk));
      chunk = [];
      budget = bytesFor(MAX_ENCODED_LINE - 1); // after CRLF and one space of folding
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) words.push(word(chunk));
  return words;
}

function word(bytes: number[]): string {
  return `${WORD_PREFIX}${bytesToBase64(Uint8Array.from(bytes))}${WORD_SUFFIX}`;
}
