// The SMS and WhatsApp building blocks that need no provider: signature checks against the providers'
// documented example values, SMS segment arithmetic and splitting, and the opt-out keywords.
import { describe, expect, it } from 'vitest';
import { verifyTwilioSignature, twilioSignedString } from '../../worker/channels/sms/twilio-signature';
import { verifyHubSignature } from '../../worker/channels/whatsapp/hub-signature';
import { encodingOf, segmentCount, splitForSms, MAX_BODY_CHARS } from '../../worker/channels/sms/segments';
import { smsKeyword } from '../../worker/channels/sms/keywords';
import { splitText } from '../../worker/channels/split-text';

const bytes = (text: string) => {
  const encoded = new TextEncoder().encode(text);
  const out = new Uint8Array(new ArrayBuffer(encoded.byteLength));
  out.set(encoded);
  return out;
};

describe('X-Twilio-Signature', () => {
  // Twilio's documented example (twilio.com/docs/usage/security, "Validating requests"): auth token
  // 12345, this URL and these POST parameters sign to 0/KCTR6DLpKmkAf8muzZqo1nDgQ=.
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const docParams: Array<[string, string]> = [
    ['Digits', '1234'],
    ['To', '+18005551212'],
    ['From', '+12349013030'],
    ['Caller', '+12349013030'],
    ['CallSid', 'CA1234567890ABCDE'],
  ];

  it('accepts the documented example and builds the documented signed string', async () => {
    expect(twilioSignedString(url, docParams)).toBe(
      `${url}CallSidCA1234567890ABCDECaller+12349013030Digits1234From+12349013030To+18005551212`,
    );
    expect(await verifyTwilioSignature('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, docParams)).toBe(true);
  });

  it('accepts the example twilio-node tests against (other caller number)', async () => {
    const params: Array<[string, string]> = [
      ['CallSid', 'CA1234567890ABCDE'],
      ['Caller', '+14158675309'],
      ['Digits', '1234'],
      ['From', '+14158675309'],
      ['To', '+18005551212'],
    ];
    expect(await verifyTwilioSignature('12345', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(true);
  });

  it('refuses another token, a changed parameter, another URL, a missing or malformed header', async () => {
    const sig = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';
    expect(await verifyTwilioSignature('54321', sig, url, docParams)).toBe(false);
    expect(
      await verifyTwilioSignature(
        '12345',
        sig,
        url,
        docParams.map(([k, v]) => [k, k === 'Digits' ? '9999' : v] as [string, string]),
      ),
    ).toBe(false);
    expect(await verifyTwilioSignature('12345', sig, url.replace('https:', 'http:'), docParams)).toBe(false);
    expect(await verifyTwilioSignature('12345', sig, url, [...docParams, ['Extra', '1']])).toBe(false);
    expect(await verifyTwilioSignature('12345', undefined, url, docParams)).toBe(false);
    expect(await verifyTwilioSignature('12345', '%%% not base64', url, docParams)).toBe(false);
  });
});

describe('X-Hub-Signature-256', () => {
  // Meta documents the scheme (sha256= + hex HMAC-SHA256 of the raw body with the app secret) without
  // example values; GitHub's webhook docs publish these for the identical header and scheme.
  const secret = "It's a Secret to Everybody";
  const body = bytes('Hello, World!');
  const documented = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

  it('accepts the documented example (upper-case hex too)', async () => {
    expect(await verifyHubSignature(secret, documented, body)).toBe(true);
    expect(await verifyHubSignature(secret, `sha256=${documented.slice(7).toUpperCase()}`, body)).toBe(true);
  });

  it('refuses another secret, another body, another prefix, a missing header', async () => {
    expect(await verifyHubSignature('another secret', documented, body)).toBe(false);
    expect(await verifyHubSignature(secret, documented, bytes('Hello, World?'))).toBe(false);
    expect(await verifyHubSignature(secret, documented.replace('sha256=', 'sha1='), body)).toBe(false);
    expect(await verifyHubSignature(secret, undefined, body)).toBe(false);
    expect(await verifyHubSignature(secret, 'sha256=', body)).toBe(false);
  });
});

describe('SMS segments', () => {
  it('counts GSM-7 in 160 / 153 septets, extension characters as two', () => {
    expect(encodingOf('Hello [there] €5')).toBe('GSM-7');
    expect(segmentCount('a'.repeat(160))).toBe(1);
    expect(segmentCount('a'.repeat(161))).toBe(2);
    expect(segmentCount('a'.repeat(306))).toBe(2);
    expect(segmentCount('a'.repeat(307))).toBe(3);
    expect(segmentCount('€'.repeat(80))).toBe(1); // 160 septets
    expect(segmentCount('€'.repeat(81))).toBe(2);
    // 152 septets then an escape pair: the pair moves whole into the next segment.
    expect(segmentCount(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toBe(3);
  });

  it('counts UCS-2 in 70 / 67 units as soon as one character is outside GSM-7', () => {
    expect(encodingOf('Привет')).toBe('UCS-2');
    expect(encodingOf(`${'a'.repeat(100)}😀`)).toBe('UCS-2');
    expect(segmentCount('ж'.repeat(70))).toBe(1);
    expect(segmentCount('ж'.repeat(71))).toBe(2);
    expect(segmentCount('ж'.repeat(134))).toBe(2);
    expect(segmentCount('ж'.repeat(135))).toBe(3);
    expect(segmentCount('😀'.repeat(35))).toBe(1); // 70 UTF-16 units
    expect(segmentCount(`${'ж'.repeat(69)}😀`)).toBe(2); // 71 units: concatenated
    expect(segmentCount(`${'ж'.repeat(66)}😀${'ж'.repeat(66)}`)).toBe(3); // the pair does not fit the 67th unit
  });

  it('splits long texts between words into messages of at most 10 segments', () => {
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    const parts = splitForSms(words);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(segmentCount(part)).toBeLessThanOrEqual(10);
      expect(part.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    }
    expect(parts.join(' ')).toBe(words);
    const emoji = '😀'.repeat(400); // one "word" of 800 UCS-2 units: cut by characters, never inside a pair
    const cut = splitForSms(emoji);
    expect(cut.join('')).toBe(emoji);
    for (const part of cut) expect(segmentCount(part)).toBeLessThanOrEqual(10);
    expect(splitForSms('  short  ')).toEqual(['short']);
  });

  it('splitText keeps every word', () => {
    expect(splitText('aaa bbb ccc', (p) => p.length <= 7)).toEqual(['aaa bbb', 'ccc']);
    expect(splitText('abcdefghij', (p) => p.length <= 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('SMS keywords', () => {
  it("reads STOP, START and HELP and their synonyms, and prefers Twilio's OptOutType", () => {
    expect(smsKeyword(' stop ')).toBe('stop');
    expect(smsKeyword('Unsubscribe.')).toBe('stop');
    expect(smsKeyword('START')).toBe('start');
    expect(smsKeyword('unstop')).toBe('start');
    expect(smsKeyword('help?')).toBe('help');
    expect(smsKeyword('please stop sending')).toBeNull();
    expect(smsKeyword('where is my order')).toBeNull();
    expect(smsKeyword('arrête', 'STOP')).toBe('stop');
  });
});
