// Add or edit one knowledge article.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { FieldError, Result } from './form';
import { useSave } from './useSave';
import type { Article } from './types';

export function ArticleEditor({ article, onDone }: { article: Article | null; onDone: (changed: boolean) => void }) {
  const [draft, setDraft] = useState({
    title: article?.title ?? '',
    body: article?.body ?? '',
    url: article?.url ?? '',
    topic: article?.topic ?? '',
  });
  const save = useSave();
  async function submit(e: Event) {
    e.preventDefault();
    const body = {
      title: draft.title,
      body: draft.body,
      url: draft.url.trim() || null,
      topic: draft.topic.trim() || null,
    };
    const res = await save.run(
      () =>
        article
          ? api('PUT', `/api/knowledge/articles/${article.id}`, body)
          : api('POST', '/api/knowledge/articles', body),
      article ? 'Article saved' : 'Article added',
    );
    if (res) onDone(true);
  }
  return (
    <form class="editor" onSubmit={submit} aria-label={article ? `Edit ${article.title}` : 'New article'}>
      <label>
        Title{' '}
        <input
          required
          maxLength={200}
          value={draft.title}
          onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
        />
      </label>
      <FieldError fields={save.fields} name="title" />
      <div class="grid-2 tight">
        <label>
          Topic{' '}
          <input
            maxLength={60}
            value={draft.topic}
            placeholder="shipping"
            onInput={(e) => setDraft({ ...draft, topic: e.currentTarget.value })}
          />
        </label>
        <label>
          URL{' '}
          <input
            maxLength={500}
            value={draft.url}
            placeholder="/help/shipping"
            onInput={(e) => setDraft({ ...draft, url: e.currentTarget.value })}
          />
        </label>
      </div>
      <FieldError fields={save.fields} name="url" />
      <label>
        Body{' '}
        <textarea
          required
          rows={8}
          value={draft.body}
          onInput={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
        />
      </label>
      <FieldError fields={save.fields} name="body" />
      <div class="actions">
        <button type="submit" disabled={save.busy}>
          {article ? 'Save article' : 'Add article'}
        </button>
        <button type="button" class="ghost" onClick={() => onDone(false)}>
          Cancel
        </button>
        <Result outcome={save.outcome} />
      </div>
    </form>
  );
}
