// The catalog the agent recommends from (read here; changed by import).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Card } from './form';
import type { ProductRow } from './types';

function price(p: ProductRow): string {
  try {
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency: p.currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: p.currency }).format(
      p.priceCents / 10 ** digits,
    );
  } catch {
    return `${p.priceCents} ${p.currency}`;
  }
}

export function ProductsSection({ version }: { version: number }) {
  const [q, setQ] = useState('');
  const [data, setData] = useState<{ products: ProductRow[]; total: number } | null>(null);
  const load = (query = q) =>
    api<{ products: ProductRow[]; total: number }>(
      'GET',
      `/api/knowledge/products?limit=50&q=${encodeURIComponent(query)}`,
    ).then(setData);
  useEffect(() => void load(), [version]);
  return (
    <Card title="Catalog" testId="products">
      <div class="toolbar">
        <input
          type="search"
          aria-label="Search products"
          placeholder="Search titles and SKUs"
          value={q}
          onInput={(e) => {
            setQ(e.currentTarget.value);
            void load(e.currentTarget.value);
          }}
        />
        <span class="muted">
          {data
            ? `${data.total} product${data.total === 1 ? '' : 's'}${data.total > data.products.length ? `, first ${data.products.length} shown` : ''}`
            : ''}
        </span>
      </div>
      <table class="table">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Title</th>
            <th>Category</th>
            <th>Price</th>
            <th>Stock</th>
          </tr>
        </thead>
        <tbody>
          {data?.products.map((p) => (
            <tr key={p.id}>
              <td>
                <code>{p.sku}</code>
              </td>
              <td>{p.title}</td>
              <td>{p.category}</td>
              <td>{price(p)}</td>
              <td>{p.inStock ? 'In stock' : 'Out of stock'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
