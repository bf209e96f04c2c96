// Spelling correction against the store's own vocabulary (plus the lexicon's words): a word nobody in
// the content uses is replaced by the closest known word within a small edit distance (Damerau:
// insert, delete, substitute, swap two neighbours), the most frequent one on a tie. Short words are
// never corrected (too many near neighbours), only one edit is allowed below seven letters, and the
// first letter is kept (shoppers mistype the middle of words, not how they start).

export class SpellingCorrector {
  private readonly byLength = new Map<number, Array<[string, number]>>();
  private readonly memo = new Map<string, string | null>();

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
    const known = this.memo.get(word);
    if (known !== undefined) return known;
    const out = this.search(word);
    if (this.memo.size < 10_000) this.memo.set(word, out);
    return out;
  }

  private search(word: string): string | null {
    if (word.length < 4 || /\d/.test(word)) return null;
    const max = word.length >= 7 ? 2 : 1;
    const rows = new Rows(word.length + max + 1);
    const letters = histogram(word);
    let best: string | null = null;
    let bestDistance = max + 1;
    let bestCount = -1;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const [candidate, count] of this.byLength.get(len) ?? []) {
        // Typos almost never change the first letter ("rackets" is not "jackets", "pilling" not
        // "billing"), except for the sound other languages spell with another one ("Kanada").
        if (!sameStart(candidate, word)) continue;
        // Each edit changes the letter counts by at most 2: a cheap bound before the real distance.
        if (letterGap(letters, candidate) > 2 * max) continue;
        const d = distance(word, candidate, Math.min(max, bestDistance), rows);
        if (d > max) continue;
        if (d < bestDistance || (d === bestDistance && count > bestCount)) {
          best = candidate;
          bestDistance = d;
          bestCount = count;
        }
      }
    }
    return best;
  }
}

const SAME_SOUND = new Set(['ck', 'kc']);

function sameStart(a: string, b: string): boolean {
  return a[0] === b[0] || SAME_SOUND.has(`${a[0]}${b[0]}`);
}

/** Three reusable rows for the distance table. */
class Rows {
  prevPrev: Int32Array;
  prev: Int32Array;
  row: Int32Array;
  constructor(size: number) {
    this.prevPrev = new Int32Array(size);
    this.prev = new Int32Array(size);
    this.row = new Int32Array(size);
  }
}

function histogram(word: string): Int32Array {
  const h = new Int32Array(27);
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    h[c >= 0 && c < 26 ? c : 26]!++;
  }
  return h;
}

function letterGap(letters: Int32Array, candidate: string): number {
  const h = histogram(candidate);
  let gap = 0;
  for (let i = 0; i < 27; i++) gap += Math.abs(letters[i]! - h[i]!);
  return gap;
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function distance(a: string, b: string, limit: number, rows: Rows = new Rows(b.length + 1)): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let { prevPrev, prev, row } = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        v = Math.min(v, prevPrev[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length]!;
}
