// SMS segment arithmetic (3GPP TS 23.038 / 23.040, as Twilio counts it). A text that fits the GSM-7
// alphabet costs one septet per character (two for the extension table: ^{}\[~]|€ and form feed);
// any other character makes the whole message UCS-2, one 16-bit unit per UTF-16 code unit. One segment
// holds 160 septets or 70 units; a concatenated message loses room to its header: 153 septets or 67
// units per segment, and a character (an escape pair, a surrogate pair) is never split across segments.
//
// Twilio accepts at most 1,600 characters per message and recommends at most 10 segments, so
// `splitForSms` cuts longer texts into several messages of at most MAX_SEGMENTS segments each, between
// words when it can (split-text.ts).

import { splitText } from '../split-text';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** Twilio's recommended ceiling for one message (longer ones are often refused or mangled by carriers). */
export const MAX_SEGMENTS = 10;
/** Twilio refuses a Body longer than this. */
export const MAX_BODY_CHARS = 1600;

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

const LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

export function encodingOf(text: string): SmsEncoding {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return 'UCS-2';
  return 'GSM-7';
}

function unitsOf(ch: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return ch.length; // 2 for a surrogate pair (emoji)
  return GSM_EXTENSION.has(ch) ? 2 : 1;
}

/** How many segments Twilio bills and sends for this body. An empty body is one segment. */
export function segmentCount(text: string): number {
  const encoding = encodingOf(text);
  const { single, part } = LIMITS[encoding];
  let total = 0;
  for (const ch of text) total += unitsOf(ch, encoding);
  if (total <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const ch of text) {
    const units = unitsOf(ch, encoding);
    if (used + units > part) {
      segments += 1;
      used = 0;
    }
    used += units;
  }
  return segments;
}

/** The text as one or more messages, each within `maxSegments` segments and Twilio's body limit. */
export function splitForSms(text: string, maxSegments = MAX_SEGMENTS): string[] {
  return splitText(text, (part) => part.length <= MAX_BODY_CHARS && segmentCount(part) <= maxSegments);
}
