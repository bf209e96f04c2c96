// The settings pages, in navigation order, each at /inbox/settings/<slug>.
export const PAGES = [
  { slug: 'general', label: 'General' },
  { slug: 'embed', label: 'Embed' },
  { slug: 'channels', label: 'Channels' },
  { slug: 'handoff', label: 'Handoff' },
  { slug: 'guidance', label: 'Guidance' },
  { slug: 'hours', label: 'Office hours & assignment' },
  { slug: 'team', label: 'Team' },
  { slug: 'knowledge', label: 'Knowledge & catalog' },
  { slug: 'audit', label: 'Audit log', permission: 'audit.read' },
] as const;

export type PageSlug = (typeof PAGES)[number]['slug'];

export const SETTINGS_ROOT = '/inbox/settings';
export const pageHref = (slug: PageSlug) => `${SETTINGS_ROOT}/${slug}`;

export function pageFromPath(path: string): PageSlug {
  const slug = path.slice(SETTINGS_ROOT.length).replace(/^\/+|\/+$/g, '');
  return PAGES.find((p) => p.slug === slug)?.slug ?? 'general';
}
