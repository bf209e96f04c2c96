// The new text of a reply: quoted history and signatures removed, so the transcript shows what the
// sender wrote this time (the whole message stays in R2). Recognises Gmail's "On … wrote:" (also
// wrapped over two lines, and its German, French, Spanish, Dutch forms), Outlook's "From: / Sent:"
// header block and "-----Original Message-----", a trailing block of "> " lines, the "-- " signature
// delimiter and mobile sign-offs ("Sent from my iPhone"). Nothing is removed when that would leave
// nothing: a message that is only a quote is kept whole.

const QUOTE_HEADER = [
  /^On\b.{1,300}\bwrote:?$/i,
  /^Am\b.{1,300}\bschrieb\b.{0,120}:$/i,
  /^Le\b.{1,300}\ba écrit ?:$/i,
  /^El\b.{1,300}\bescribió:$/i,
  /^Op\b.{1,300}\bschreef\b.{0,120}:$/i,
];
const SEPARATOR =
  /^-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}$/i;
const OUTLOOK_RULE = /^_{10,}$/;
const HEADER_FROM = /^\*?(?:From|Von|De|Van):\*?\s/i;
const HEADER_NEXT = /^\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|To|An|À|Para|Subject|Betreff|Objet|Asunto):\*?\s/i;
const SIGN_OFF =
  /^(?:Sent from my \S.{0,40}|Sent from (?:Mail|Outlook) for \S.{0,30}|Get Outlook for \S.{0,20}|Von meinem \S.{0,40} gesendet|Envoyé de mon \S.{0,40})$/i;

function cutsHere(lines: string[], i: number): boolean {
  const line = lines[i]!.trim();
  const next = lines[i + 1]?.trim() ?? '';
  // Gmail wraps a long "On …, Name <address> wrote:" over two lines.
  if (QUOTE_HEADER.some((re) => re.test(line) || (next !== '' && line.length < 300 && re.test(`${line} ${next}`))))
    return true;
  if (SEPARATOR.test(line)) return true;
  if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 5).some((l) => HEADER_NEXT.test(l.trim()))) return true;
  if (OUTLOOK_RULE.test(line) && HEADER_FROM.test(lines[i + 1]?.trim() ?? '')) return true;
  if (lines[i] === '-- ' || line === '--') return true;
  return i > 0 && SIGN_OFF.test(line);
}

export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (cutsHere(lines, i)) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end);
  while (kept.length > 0 && (kept.at(-1)!.trim() === '' || kept.at(-1)!.trimStart().startsWith('>'))) kept.pop();
  const result = kept.join('\n').trim();
  return result || text.trim();
}
