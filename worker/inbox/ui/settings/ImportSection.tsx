// Bulk import of articles or products from CSV or JSON. All or nothing: a file with any bad row
// imports nothing, and the report lists every problem with its row and column.
import { useRef, useState } from 'preact/hooks';
import { ApiFailure, type ErrorEnvelope } from '../api';
import { Card } from './form';
import { failureText } from './useSave';

const HEADERS = {
  products: 'sku,title,description,category,price,currency,image_url,url,in_stock',
  articles: 'title,body,url,topic',
} as const;
type Kind = keyof typeof HEADERS;
interface RowError {
  row: number;
  field: string;
  message: string;
}

export function ImportSection({ canEdit, onImported }: { canEdit: boolean; onImported: () => void }) {
  const [kind, setKind] = useState<Kind>('products');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; rows: RowError[] } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function submit(e: Event) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setDone(null);
    setFailure(null);
    try {
      const type =
        file.name.toLowerCase().endsWith('.json') || file.type === 'application/json' ? 'application/json' : 'text/csv';
      const res = await fetch(`/api/knowledge/import/${kind}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': type },
        body: file,
      });
      const data: unknown = await res.json();
      if (!res.ok) throw new ApiFailure(res.status, data as ErrorEnvelope);
      const { imported } = data as { imported: { created: number; updated: number } };
      setDone(`Imported ${kind}: ${imported.created} added, ${imported.updated} updated.`);
      if (input.current) input.current.value = '';
      onImported();
    } catch (err) {
      const rows = err instanceof ApiFailure ? ((err.body?.error.details ?? []) as unknown as RowError[]) : [];
      setFailure({ message: failureText(err), rows });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Import from CSV or JSON" testId="import">
      <form class="inline-form" onSubmit={submit} aria-label="Import">
        <fieldset class="plain" disabled={!canEdit || busy}>
          <label>
            What
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
              <option value="products">Products (matched by SKU)</option>
              <option value="articles">Knowledge articles (matched by URL)</option>
            </select>
          </label>
          <label>
            File <input ref={input} type="file" accept=".csv,.json,text/csv,application/json" required />
          </label>
          <button type="submit">Import</button>
        </fieldset>
      </form>
      <p class="hint">
        CSV header: <code>{HEADERS[kind]}</code> (only {kind === 'products' ? 'sku, title and price' : 'title and body'}{' '}
        are required). JSON: an array of objects with the same names. Up to 1,000 rows and 1 MB per file.
      </p>
      {done && (
        <p role="status" class="notice">
          {done}
        </p>
      )}
      {failure && (
        <div role="alert" class="import-errors" data-testid="import-errors">
          <p class="error">{failure.message}</p>
          {failure.rows.length > 0 && (
            <table class="table">
              <thead>
                <tr>
                  <th>Row</th>
                  <th>Column</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody>
                {failure.rows.map((r, i) => (
                  <tr key={i}>
                    <td>{r.row || 'file'}</td>
                    <td>{r.field}</td>
                    <td>{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Card>
  );
}
