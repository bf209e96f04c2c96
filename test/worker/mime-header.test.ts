import { describe, expect, it } from 'vitest';
import { encodeHeader, encodedWords } from '../../worker/notifications/mime-header';
import { mimeMessage } from '../../worker/notifications/email';

/** RFC 2047 decoding of one header (unfold, drop whitespace between adjacent encoded words). */
function decode(header: string): string {
  const unfolded = header.replace(/\r\n /g, ' ');
  const value = unfolded.slice(unfolded.indexOf(':') + 2);
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/g, (_, b64: string) =>
      new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))),
    );
}

describe('RFC 2047 subject headers', () => {
  it('splits a long non-ASCII subject into encoded words of at most 75 characters, on whole characters', () => {
    const subject =
      'Ticket #1042 — Größenumtausch für die Bestellung 98765: ärmellose Übergangsjacke 🧥 zurück, 日本語のお客様からの質問もあります';
    const header = encodeHeader('Subject', subject);
    const lines = header.split('\r\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
    for (const word of header.match(/=\?[^?]+\?B\?[^?]*\?=/g)!) expect(word.length).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(' =?UTF-8?B?'))).toBe(true);
    // fatal: true in decode() throws if any word held part of a multi-byte character.
    expect(decode(header)).toBe(subject);
    expect(encodedWords('é'.repeat(200)).every((w) => w.length <= 75)).toBe(true);
  });

  it('leaves printable ASCII readable, folded at spaces, and encodes text that looks like an encoded word', () => {
    expect(encodeHeader('Subject', 'New ticket #12')).toBe('Subject: New ticket #12');
    const long = encodeHeader('Subject', 'word '.repeat(40).trim());
    expect(long.split('\r\n').every((l) => l.length <= 78)).toBe(true);
    expect(long.replace(/\r\n/g, '')).toBe(`Subject: ${'word '.repeat(40).trim()}`);
    expect(encodeHeader('Subject', '=?UTF-8?B?aGk=?=')).toMatch(/^Subject: =\?UTF-8\?B\?/);
    expect(decode(encodeHeader('Subject', '=?UTF-8?B?aGk=?='))).toBe('=?UTF-8?B?aGk=?=');
  });

  it('the alert email carries the folded subject and nothing else changes', () => {
    const subject = 'Neues Ticket: Rücksendung der Lieferung mit ärgerlichen Schäden an der Verpackung und dem Inhalt';
    const raw = mimeMessage({
      from: 'alerts@baton.example',
      to: 'x@y.test',
      subject,
      text: 'hi',
      messageId: 'baton-2',
    });
    const head = raw.split('\r\n\r\n')[0]!;
    const subjectHeader = head.slice(head.indexOf('Subject:'), head.indexOf('\r\nMessage-ID:'));
    expect(decode(subjectHeader)).toBe(subject);
    expect(head.split('\r\n').every((l) => l.length <= 78)).toBe(true);
  });
});
