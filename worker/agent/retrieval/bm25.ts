// BM25F over documents with several weighted fields (title, topic, body for articles; title,
// category, description for products). Term frequencies are length-normalised per field, combined with
// the field weights, then saturated once (Robertson & Zaragoza's BM25F). Built once per content version
// and kept in memory, so scoring a question is a few map lookups per term.

export interface WeightedTerm {
  term: string;
  /** How much the shopper meant this term: 1 for their own words, less for expansions and corrections. */
  weight: number;
}

const K1 = 1.2;
const B = 0.75;

export class Bm25fIndex {
  /** term → number of documents containing it in any field. */
  readonly df = new Map<string, number>();
  /** Per document: term → count per field. */
  private readonly tf: Array<Map<string, number[]>> = [];
  private readonly lengths: number[][] = [];
  private readonly avgLength: number[];

  constructor(
    docs: ReadonlyArray<ReadonlyArray<readonly string[]>>,
    private readonly fieldWeights: readonly number[],
  ) {
    const totals = fieldWeights.map(() => 0);
    for (const fields of docs) {
      const counts = new Map<string, number[]>();
      fields.forEach((terms, f) => {
        totals[f]! += terms.length;
        for (const t of terms) {
          const c = counts.get(t) ?? fieldWeights.map(() => 0);
          c[f]!++;
          counts.set(t, c);
        }
      });
      for (const t of counts.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      this.tf.push(counts);
      this.lengths.push(fields.map((terms) => terms.length));
    }
    this.avgLength = totals.map((t) => Math.max(1, t / Math.max(1, docs.length)));
  }

  get size(): number {
    return this.tf.length;
  }

  idf(term: string): number {
    const n = this.df.get(term) ?? 0;
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /** The largest idf a term can have here (a term in one document): the weight of a word nobody uses. */
  maxIdf(): number {
    return Math.log(1 + (this.size - 0.5) / 1.5);
  }

  has(doc: number, term: string): boolean {
    return this.tf[doc]?.has(term) ?? false;
  }

  /** Which fields of a document contain the term. */
  fieldsOf(doc: number, term: string): readonly number[] | undefined {
    return this.tf[doc]?.get(term);
  }

  score(doc: number, terms: readonly WeightedTerm[]): number {
    const counts = this.tf[doc];
    const lengths = this.lengths[doc];
    if (!counts || !lengths) return 0;
    let score = 0;
    for (const { term, weight } of terms) {
      const c = counts.get(term);
      if (!c) continue;
      let tf = 0;
      c.forEach((n, f) => {
        if (n) tf += (this.fieldWeights[f]! * n) / (1 - B + (B * lengths[f]!) / this.avgLength[f]!);
      });
      score += weight * this.idf(term) * (tf / (K1 + tf));
    }
    return score;
  }

  /** Documents with a positive score, best first (ties by position, so results are deterministic). */
  search(
    terms: readonly WeightedTerm[],
    filter: (doc: number) => boolean = () => true,
  ): Array<{ doc: number; score: number }> {
    const out: Array<{ doc: number; score: number }> = [];
    for (let doc = 0; doc < this.tf.length; doc++) {
      if (!filter(doc)) continue;
      const score = this.score(doc, terms);
      if (score > 0) out.push({ doc, score });
    }
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
