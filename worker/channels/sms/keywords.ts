// The SMS opt-out keywords carriers and Twilio honour (Twilio "Advanced Opt-Out", default keywords):
// a message that is exactly one of them (any case, surrounding space and punctuation ignored) opts the
// number out, back in, or asks for help. When Twilio's Advanced Opt-Out is on it also sends
// `OptOutType`, which wins over our own reading of the text.

export type SmsKeyword = 'stop' | 'start' | 'help';

const KEYWORDS: Record<string, SmsKeyword> = {
  STOP: 'stop',
  STOPALL: 'stop',
  UNSUBSCRIBE: 'stop',
  CANCEL: 'stop',
  END: 'stop',
  QUIT: 'stop',
  REVOKE: 'stop',
  OPTOUT: 'stop',
  START: 'start',
  YES: 'start',
  UNSTOP: 'start',
  HELP: 'help',
  INFO: 'help',
};

export function smsKeyword(body: string, optOutType?: string | null): SmsKeyword | null {
  const fromTwilio = optOutType?.trim().toUpperCase();
  if (fromTwilio === 'STOP') return 'stop';
  if (fromTwilio === 'START') return 'start';
  if (fromTwilio === 'HELP') return 'help';
  const word = body
    .trim()
    .replace(/^[\s.!?]+|[\s.!?]+$/g, '')
    .toUpperCase();
  return KEYWORDS[word] ?? null;
}
