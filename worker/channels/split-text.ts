// Cutting a long reply into several provider messages: each part passes `fits`, cuts land between
// words when they can, and a single word longer than a whole message (a long URL) is cut by characters
// (code points, so an emoji is never split). Text is trimmed; nothing but edge whitespace is lost.

export function splitText(text: string, fits: (part: string) => boolean): string[] {
  const trimmed = text.trim();
  if (fits(trimmed)) return [trimmed];
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) parts.push(current.trim());
    current = '';
  };
  for (const token of trimmed.match(/\S+\s*/g) ?? []) {
    if (fits((current + token).trim())) {
      current += token;
      continue;
    }
    flush();
    if (fits(token.trim())) {
      current = token;
      continue;
    }
    for (const ch of token) {
      if (!fits(current + ch)) flush();
      current += ch;
    }
  }
  flush();
  return parts;
}
