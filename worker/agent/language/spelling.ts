// Spelling correction against the store's own vocabulary (plus the lexicon's words): a word nobody in
// the content uses is replaced by the closest known word within a small edit distance (Damerau:
// insert, delete, substitute, swap two neighbours), the most frequent one on a tie. Short words are
// never corrected (too many near neighbours), and only one edit is allowed below seven letters.

export class SpellingCorrector {
  private readonly byLength = new Map<number, Array<[string, number]>>();

  /** `frequencies`: known word → how often it occurs (lexicon words count once). */
  constructor(frequencies: ReadonlyMap<string, number>) {
    for (const [word, count] of frequencies) {
      if (word.length < 3 || /\d/.test(word)) continue;
      const list = this.byLength.get(word.length) ?? [];
      list.push([word, count]);
      this.byLength.set(word.length, list);
    }
  }

  /** The correction, or null when the word is too short or nothing is close enough. */
  correct(word: string): string | null {
    if (word.length < 4 || /\d/.test(word)) return null;
    const max = word.length >= 7 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = max + 1;
    let bestCount = -1;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const [candidate, count] of this.byLength.get(len) ?? []) {
        const d = distance(word, candidate, Math.min(max, bestDistance));
        if (d < bestDistance || (d === bestDistance && count > bestCount)) {
          if (d > max) continue;
          best = candidate;
          bestDistance = d;
          bestCount = count;
        }
      }
    }
    return best;
  }
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}
