// Inbox settings → Canned replies: your personal replies (anyone who replies) and the account's
// (Managers and up edit them; everyone uses them). A reply with a status or tags is a macro. Deleting
// asks first. The server validates (unknown variables, tags) and its message is shown as is.
import { useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { isMacro, macroSummary, useCannedReplies, type CannedReply } from './canned';
import { can, type Directory, type Status } from './types';

interface Draft {
  id: string | null;
  name: string;
  body: string;
  scope: CannedReply['scope'];
  setStatus: Status | null;
  tags: string;
}

const EMPTY: Draft = { id: null, name: '', body: '', scope: 'personal', setStatus: null, tags: '' };

function failure(err: unknown): string {
  if (!(err instanceof ApiFailure)) return 'Could not save: check your connection';
  const details = err.body?.error.details?.map((d) => d.message).join('; ');
  return details ? `${err.message}: ${details}` : err.message;
}

export function CannedSettings({ dir }: { dir: Directory }) {
  const { replies, error, reload } = useCannedReplies(true);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const manager = can(dir.me, 'settings.edit');
  if (!can(dir.me, 'tickets.reply')) return null;

  async function save(e: Event) {
    e.preventDefault();
    const fields = {
      name: draft.name,
      body: draft.body,
      setStatus: draft.setStatus,
      addTags: draft.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    };
    try {
      if (draft.id) await api('PATCH', `/api/canned-replies/${draft.id}`, fields);
      else await api('POST', '/api/canned-replies', { ...fields, scope: draft.scope });
      setStatus({ ok: true, text: `Saved “${draft.name.trim()}”` });
      setDraft(EMPTY);
      await reload();
    } catch (err) {
      setStatus({ ok: false, text: failure(err) });
    }
  }

  async function remove(reply: CannedReply) {
    try {
      await api('DELETE', `/api/canned-replies/${reply.id}`);
      setStatus({ ok: true, text: `Deleted “${reply.name}”` });
      setConfirming(null);
      await reload();
    } catch (err) {
      setStatus({ ok: false, text: failure(err) });
    }
  }

  const editable = (r: CannedReply) => r.scope === 'personal' || manager;
  return (
    <section class="canned-settings" aria-labelledby="canned-title" data-testid="canned-settings">
      <h2 id="canned-title">Canned replies and macros</h2>
      <p class="muted">
        Type “/” in the reply box to insert one. Variables: {'{{shopper.name}}'}, {'{{shopper.email}}'},{' '}
        {'{{agent.name}}'}, {'{{ticket.number}}'}
        (a value the ticket does not have is left empty). With a status or tags, it is a macro: they are applied when
        the reply is sent.
      </p>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'notice' : 'error'}>
          {status.text}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <ul class="canned-list">
        {replies?.map((r) => (
          <li key={r.id} data-testid="canned-item">
            <strong>{r.name}</strong> <span class="chip">{r.scope === 'personal' ? 'Personal' : 'Everyone'}</span>
            {isMacro(r) && <span class="chip">Macro: {macroSummary(r)}</span>}
            <p class="canned-body">{r.body}</p>
            {editable(r) && confirming !== r.id && (
              <span class="canned-actions">
                <button
                  type="button"
                  class="ghost"
                  onClick={() =>
                    setDraft({
                      id: r.id,
                      name: r.name,
                      body: r.body,
                      scope: r.scope,
                      setStatus: r.setStatus,
                      tags: r.addTags.join(', '),
                    })
                  }
                >
                  Edit “{r.name}”
                </button>
                <button type="button" class="danger" onClick={() => setConfirming(r.id)}>
                  Delete “{r.name}”
                </button>
              </span>
            )}
            {confirming === r.id && (
              <span class="canned-actions" role="group" aria-label={`Confirm deleting ${r.name}`}>
                Delete “{r.name}” for good?{' '}
                <button type="button" class="danger" onClick={() => void remove(r)}>
                  Yes, delete
                </button>
                <button type="button" class="ghost" onClick={() => setConfirming(null)}>
                  Keep it
                </button>
              </span>
            )}
          </li>
        ))}
        {replies?.length === 0 && <li class="muted">No canned replies yet.</li>}
      </ul>
      <form onSubmit={save} class="canned-form">
        <fieldset>
          <legend>{draft.id ? `Edit “${draft.name}”` : 'New canned reply'}</legend>
          <label>
            Name{' '}
            <input
              required
              maxLength={80}
              value={draft.name}
              onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            />
          </label>
          <label>
            Text{' '}
            <textarea
              required
              rows={3}
              value={draft.body}
              onInput={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
            />
          </label>
          {!draft.id && (
            <label>
              Who can use it
              <select
                value={draft.scope}
                onChange={(e) => setDraft({ ...draft, scope: e.currentTarget.value as CannedReply['scope'] })}
              >
                <option value="personal">Only me</option>
                {manager && <option value="account">Everyone in the account</option>}
              </select>
            </label>
          )}
          <label>
            On send, set status
            <select
              value={draft.setStatus ?? ''}
              onChange={(e) => setDraft({ ...draft, setStatus: (e.currentTarget.value || null) as Status | null })}
            >
              <option value="">Leave as is</option>
              <option value="open">Open</option>
              <option value="pending">Pending</option>
              <option value="closed">Closed</option>
            </select>
          </label>
          <label>
            On send, add tags (comma separated){' '}
            <input value={draft.tags} onInput={(e) => setDraft({ ...draft, tags: e.currentTarget.value })} />
          </label>
          <button type="submit">{draft.id ? 'Save changes' : 'Add canned reply'}</button>
          {draft.id && (
            <button type="button" class="ghost" onClick={() => setDraft(EMPTY)}>
              Cancel editing
            </button>
          )}
        </fieldset>
      </form>
    </section>
  );
}
