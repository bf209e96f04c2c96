// The insights pages, in navigation order, each at /inbox/insights/<slug>[/<id>].
export const INSIGHTS_ROOT = '/inbox/insights';

export const PAGES = [
  { slug: 'metrics', label: 'Metrics' },
  { slug: 'profiles', label: 'Profiles' },
  { slug: 'segments', label: 'Segments' },
  { slug: 'performance', label: 'Performance' },
  { slug: 'webhooks', label: 'Webhooks', permission: 'webhooks.manage' },
  { slug: 'api-keys', label: 'API keys', permission: 'keys.rotate' },
] as const;

export type InsightsSlug = (typeof PAGES)[number]['slug'];

export interface InsightsLocation {
  page: InsightsSlug;
  /** The part after the slug: a profile or segment id. */
  id: string | null;
  query: URLSearchParams;
}

export function readLocation(): InsightsLocation {
  const [slug, id] = location.pathname.slice(INSIGHTS_ROOT.length).split('/').filter(Boolean);
  const page = PAGES.find((p) => p.slug === slug)?.slug ?? 'metrics';
  return { page, id: id ? decodeURIComponent(id) : null, query: new URLSearchParams(location.search) };
}

export function hrefOf(
  page: InsightsSlug,
  id: string | null = null,
  query: Record<string, string | null | undefined> = {},
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return `${INSIGHTS_ROOT}/${page}${id ? `/${encodeURIComponent(id)}` : ''}${s ? `?${s}` : ''}`;
}
