// Keyboard shortcuts for the inbox: j/k move between rows, Enter opens (the row is a link), r goes to
// the reply box, a to the assignee (the ticket's, or the focused row's "…" menu), e closes the open
// ticket, / focuses search, ? shows the list. Ignored while typing in a field or with Ctrl/Alt/Meta,
// so they never eat text or browser shortcuts.
import { useEffect } from 'preact/hooks';

export const SHORTCUTS: ReadonlyArray<[string, string]> = [
  ['j', 'Next ticket in the list'],
  ['k', 'Previous ticket in the list'],
  ['Enter', 'Open the selected ticket'],
  ['r', 'Reply to the open ticket'],
  ['a', 'Assign: the open ticket, or the selected row'],
  ['e', 'Close the open ticket (status Closed)'],
  ['/', 'Search tickets'],
  ['?', 'Show these shortcuts'],
];

interface Actions {
  closeTicket: () => void;
  toggleHelp: () => void;
}

const typing = (el: Element | null) =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable);

function rowLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('[data-testid="ticket-row"] > a')];
}

function move(step: 1 | -1) {
  const links = rowLinks();
  if (links.length === 0) return;
  const current = links.findIndex(
    (a) => a === document.activeElement || a.parentElement?.contains(document.activeElement),
  );
  const fallback = links.findIndex((a) => a.getAttribute('aria-current') === 'true');
  const from = current >= 0 ? current : fallback;
  const next = from < 0 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, from + step));
  links[next]?.focus();
  links[next]?.scrollIntoView({ block: 'nearest' });
}

export function useShortcuts(actions: Actions) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) return;
      const focus = (selector: string) => {
        const el = document.querySelector<HTMLElement>(selector);
        if (!el) return false;
        e.preventDefault();
        el.focus();
        return true;
      };
      switch (e.key) {
        case 'j':
          return move(1);
        case 'k':
          return move(-1);
        case '/':
          return void focus('#ticket-search');
        case 'r':
          return void focus('#reply-text');
        case 'a': {
          if (focus('#assignee:not([disabled])')) return;
          const row = document.activeElement?.closest('[data-testid="ticket-row"]');
          row?.querySelector<HTMLButtonElement>('[data-testid="row-menu-button"]')?.click();
          return;
        }
        case 'e':
          if (document.querySelector('[data-testid="ticket-view"]')) actions.closeTicket();
          return;
        case '?':
          e.preventDefault();
          actions.toggleHelp();
          return;
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [actions]);
}
