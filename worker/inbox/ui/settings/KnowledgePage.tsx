// Knowledge & catalog: what the agent answers from and recommends.
import { useState } from 'preact/hooks';
import { PageHeader } from './form';
import { ArticlesSection } from './ArticlesSection';
import { ImportSection } from './ImportSection';
import { ProductsSection } from './ProductsSection';
import type { PageProps } from './page-props';

export function KnowledgePage({ canEdit }: PageProps) {
  const [version, setVersion] = useState(0);
  return (
    <div class="page">
      <PageHeader title="Knowledge & catalog">
        The articles the agent answers from and the products it recommends.
      </PageHeader>
      <ImportSection canEdit={canEdit} onImported={() => setVersion((v) => v + 1)} />
      <ArticlesSection canEdit={canEdit} version={version} />
      <ProductsSection version={version} />
    </div>
  );
}
