// A searchable list in a Knowledge & catalog card (articles, products): the search box, the request
// it sends on each keystroke, and a reload whenever the knowledge `version` changes (after an import).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';

export function useSearchedList<T>(url: (query: string) => string, version: number) {
  const [q, setQ] = useState('');
  const [data, setData] = useState<T | null>(null);
  const load = (query = q) => api<T>('GET', url(query)).then(setData);
  useEffect(() => void load(), [version]);
  return {
    data,
    load,
    /** The search box, named for screen readers by `label`. */
    box: (label: string, placeholder: string) => (
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={q}
        onInput={(e) => {
          setQ(e.currentTarget.value);
          void load(e.currentTarget.value);
        }}
      />
    ),
  };
}
