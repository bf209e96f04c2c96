// Which settings page is open, from the URL path (reload, back and links work), without a router library.
import { useEffect, useState } from 'preact/hooks';
import { pageFromPath, pageHref, type PageSlug } from './pages';

export function useSettingsPage(): [PageSlug, (slug: PageSlug) => void] {
  const [page, setPage] = useState<PageSlug>(() => pageFromPath(location.pathname));
  useEffect(() => {
    const onPop = () => setPage(pageFromPath(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = (slug: PageSlug) => {
    if (slug !== page) history.pushState(null, '', pageHref(slug));
    setPage(slug);
    scrollTo(0, 0);
  };
  return [page, go];
}
