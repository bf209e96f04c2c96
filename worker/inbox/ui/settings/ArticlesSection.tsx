// The knowledge articles the agent answers from: search, add, edit, delete.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Card, formatTime, Result } from './form';
import { useSave } from './useSave';
import { useSearchedList } from './useSearchedList';
import { ArticleEditor } from './ArticleEditor';
import type { Article } from './types';

export function ArticlesSection({ canEdit, version }: { canEdit: boolean; version: number }) {
  const { data, load, box } = useSearchedList<{ articles: Article[]; total: number }>(
    (query) => `/api/knowledge/articles?limit=200&q=${encodeURIComponent(query)}`,
    version,
  );
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const save = useSave();

  async function remove(a: Article) {
    if (!confirm(`Delete the article “${a.title}”?`)) return;
    await save.run(() => api('DELETE', `/api/knowledge/articles/${a.id}`), `Deleted “${a.title}”`);
    await load();
  }
  return (
    <Card title="Knowledge articles" testId="articles">
      <div class="toolbar">
        {box('Search articles', 'Search titles and topics')}
        <span class="muted">{data ? `${data.total} article${data.total === 1 ? '' : 's'}` : ''}</span>
        {canEdit && (
          <button type="button" onClick={() => setEditing('new')}>
            Add article
          </button>
        )}
      </div>
      {editing === 'new' && (
        <ArticleEditor
          article={null}
          onDone={(changed) => {
            setEditing(null);
            if (changed) void load();
          }}
        />
      )}
      <ul class="articles">
        {data?.articles.map((a) => (
          <li key={a.id}>
            {editing !== 'new' && editing?.id === a.id ? (
              <ArticleEditor
                article={a}
                onDone={(changed) => {
                  setEditing(null);
                  if (changed) void load();
                }}
              />
            ) : (
              <div class="article-row">
                <div>
                  <strong>{a.title}</strong> {a.topic && <span class="chip">{a.topic}</span>}
                  <p class="muted clamp">{a.body}</p>
                  <small class="muted">
                    {a.url ?? 'no URL'} · updated {formatTime(a.updatedAt)}
                  </small>
                </div>
                {canEdit && (
                  <span class="row-actions">
                    <button type="button" class="ghost" onClick={() => setEditing(a)}>
                      Edit
                    </button>
                    <button type="button" class="ghost danger-text" onClick={() => void remove(a)}>
                      Delete
                    </button>
                  </span>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      <Result outcome={save.outcome} />
    </Card>
  );
}
