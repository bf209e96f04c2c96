// The search field above a view's list: what it holds goes into the URL (?q=…) a moment after typing
// stops, so a search survives reload and Back; Escape clears it. "/" focuses it (shortcuts.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Route } from './router';

const SETTLE_MS = 250;

export function SearchBox({ route, go }: { route: Route; go: (c: Partial<Route>) => void }) {
  const [text, setText] = useState(route.q);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setText(route.q), [route.q]);
  const settle = (value: string) => {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => go({ q: value, ticket: null }), SETTLE_MS);
  };
  return (
    <form
      role="search"
      class="search"
      onSubmit={(e) => {
        e.preventDefault();
        go({ q: text, ticket: null });
      }}
    >
      <label for="ticket-search" class="visually-hidden">
        Search tickets
      </label>
      <input
        id="ticket-search"
        type="search"
        value={text}
        data-testid="ticket-search"
        autoComplete="off"
        placeholder="Search: #number, name, email, words"
        onInput={(e) => settle(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            settle('');
          }
        }}
      />
    </form>
  );
}
