// The catalog the agent recommends from (read here; changed by import).
import { Card } from './form';
import { useSearchedList } from './useSearchedList';
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
  const { data, box } = useSearchedList<{ products: ProductRow[]; total: number }>(
    (query) => `/api/knowledge/products?limit=50&q=${encodeURIComponent(query)}`,
    version,
  );
  return (
    <Card title="Catalog" testId="products">
      <div class="toolbar">
        {box('Search products', 'Search titles and SKUs')}
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
