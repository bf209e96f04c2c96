// Client-side navigation for the insights screens: the place lives in the URL (reload, back and links
// work); a plain <a> with `link(...)` moves without a page load and keeps ctrl/cmd-click for new tabs.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { readLocation, type InsightsLocation } from './pages';

export function useInsightsLocation(): [InsightsLocation, (href: string, replace?: boolean) => void] {
  const [loc, setLoc] = useState(readLocation);
  useEffect(() => {
    const onPop = () => setLoc(readLocation());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = (href: string, replace = false) => {
    if (replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    setLoc(readLocation());
  };
  return [loc, go];
}

export const Navigate = createContext<(href: string, replace?: boolean) => void>(() => undefined);

/** onClick for an <a href>: in-app navigation unless a modifier asks for a new tab. */
export function useLink() {
  const go = useContext(Navigate);
  return (href: string) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(href);
  };
}
