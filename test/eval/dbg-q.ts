// TEMP (not committed)
import { buildIndex } from '../../worker/agent/retrieval/snapshot';
import { analyze } from '../../worker/agent/language/query';
import { classify } from '../../worker/agent/intent';
import { lexicalRetriever } from '../../worker/agent/retrieval/retriever';
import { DEMO_ARTICLES, DEMO_PRODUCTS } from '../../worker/db/seed-data';
const index = buildIndex('x', DEMO_ARTICLES.map((a) => ({ id: a.slug, title: a.title, body: a.body, topic: a.topic, url: `/help/${a.slug}` })),
  DEMO_PRODUCTS.map((p) => ({ id: p.sku, sku: p.sku, title: p.title, description: p.description, category: p.category, priceCents: p.priceCents, currency: 'USD', imageUrl: null, url: p.url, inStock: true })));
for (const q of process.argv.slice(2)) {
  const a = analyze(q, index);
  console.log('\n##', q, '\n  ', a.english);
  console.log('  ', a.groups.map((g) => `${g.surface}[${g.kind}${g.role ? ','+g.role : ''}${g.specific ? ',spec' : ''}]{${g.terms.map((t) => t.term + (t.weight < 1 ? '~' : '')).join(' ')}}`).join('  '));
  const i = classify(a, index, false);
  console.log('  ', JSON.stringify(i));
  const hits = await lexicalRetriever.searchArticles(a, index, 3);
  for (const h of hits) console.log('   ', h.article.id, h.confidence.toFixed(2));
}
import { queryTerms } from '../../worker/agent/retrieval/coverage';
for (const q of process.argv.slice(2)) {
  const a = analyze(q, index);
  const r = index.articleIndex.search(queryTerms(a.groups)).slice(0, 5);
  console.log('BM25', q, r.map((x) => `${index.articles[x.doc]!.id}:${x.score.toFixed(2)}`).join(' '));
}
