// The phone side of an SMS or WhatsApp ticket: the customer's number and the delivery state of each
// message sent to it (queued / sent / delivered / read, or failed with the reason: opted out with
// STOP, outside WhatsApp's 24-hour window, refused by the provider). On WhatsApp outside the window it
// offers the merchant's approved templates (TemplateComposer.tsx), the only messages WhatsApp accepts
// then. Text only.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { TemplateComposer, type TemplateOption } from './TemplateComposer';
import type { WireMessage } from './types';

interface PhoneView {
  channel: 'sms' | 'whatsapp';
  phone: string | null;
  deliveries: Array<{ seq: number; state: string; error: string | null }>;
}
interface TemplateView {
  windowOpen: boolean;
  templates: TemplateOption[];
}

/** `refresh` changes whenever the transcript does, so new messages and their states show up. */
export function PhoneDeliveries({
  ticketId,
  channel,
  refresh,
  canReply,
  onSent,
}: {
  ticketId: string;
  channel: 'sms' | 'whatsapp';
  refresh: number;
  canReply: boolean;
  onSent: (m: WireMessage) => void;
}) {
  const [view, setView] = useState<PhoneView | null>(null);
  const [templates, setTemplates] = useState<TemplateView | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api<PhoneView>('GET', `/api/tickets/${ticketId}/phone-deliveries`).then(
        (v) => live && setView(v),
        () => undefined,
      );
    void load();
    if (channel === 'whatsapp' && canReply) {
      void api<TemplateView>('GET', `/api/tickets/${ticketId}/whatsapp-templates`).then(
        (t) => live && setTemplates(t),
        () => undefined,
      );
    }
    // Status callbacks arrive in the background: look again while the ticket is open.
    const timer = setInterval(() => void load(), 3000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [ticketId, channel, refresh, canReply]);
  if (!view) return null;
  const label = channel === 'sms' ? 'SMS' : 'WhatsApp';
  return (
    <section class="email-thread" aria-label={label} data-testid="phone-deliveries">
      <p class="email-head">
        {label} with <strong>{view.phone ?? 'an unknown number'}</strong> (unverified)
      </p>
      <ol class="email-list">
        {view.deliveries.map((d) => (
          <li key={d.seq} data-seq={d.seq} data-state={d.state}>
            Message {d.seq}:{' '}
            <span
              class={`email-state state-${d.state === 'failed' ? 'failed' : d.state === 'queued' ? 'pending' : 'sent'}`}
            >
              {d.state}
            </span>
            {d.error && <span class="email-reason"> · {d.error}</span>}
          </li>
        ))}
      </ol>
      {templates && !templates.windowOpen && (
        <TemplateComposer ticketId={ticketId} templates={templates.templates} onSent={onSent} />
      )}
    </section>
  );
}
