// WhatsApp outside its 24-hour window: free text is refused, so the composer offers the merchant's
// approved templates instead. The teammate fills in the body's {{1}}…{{n}} and sends one; it is stored
// in the conversation as the text the customer receives. One client id per template draft, so a send
// retried after a network error is stored once. Text only.
import { useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import type { WireMessage } from './types';

export interface TemplateOption {
  name: string;
  language: string;
  body: string;
}

const variablesOf = (body: string) => Math.max(0, ...Array.from(body.matchAll(/\{\{(\d+)\}\}/g), (m) => Number(m[1])));

export function TemplateComposer({
  ticketId,
  templates,
  onSent,
}: {
  ticketId: string;
  templates: TemplateOption[];
  onSent: (m: WireMessage) => void;
}) {
  return (
    <div class="template-composer" data-testid="whatsapp-templates">
      <p class="email-head">Outside WhatsApp's 24-hour window: free text is refused. Send an approved template:</p>
      {templates.length === 0 && (
        <p class="hint">No approved templates: create one in WhatsApp Manager → Message templates.</p>
      )}
      <ul class="email-list">
        {templates.map((t) => (
          <li key={`${t.name}:${t.language}`}>
            <Template ticketId={ticketId} template={t} onSent={onSent} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Template({
  ticketId,
  template,
  onSent,
}: {
  ticketId: string;
  template: TemplateOption;
  onSent: (m: WireMessage) => void;
}) {
  const [params, setParams] = useState<string[]>(() => Array.from({ length: variablesOf(template.body) }, () => ''));
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function send(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ message: WireMessage }>('POST', `/api/tickets/${ticketId}/whatsapp-templates`, {
        clientId,
        name: template.name,
        language: template.language,
        params,
      });
      onSent(res.message);
      setParams(params.map(() => ''));
      setClientId(crypto.randomUUID());
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Not sent: check your connection and press Send again');
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="template" onSubmit={send} aria-label={`Template ${template.name}`}>
      <strong>{template.name}</strong> ({template.language}): {template.body}
      {params.map((value, i) => (
        <label key={i}>
          {`{{${i + 1}}}`}
          <input
            required
            value={value}
            onInput={(e) => setParams(params.map((p, j) => (j === i ? e.currentTarget.value : p)))}
          />
        </label>
      ))}
      <button type="submit" disabled={busy}>
        Send template
      </button>
      {error && (
        <span role="alert" class="error">
          {error}
        </span>
      )}
    </form>
  );
}
