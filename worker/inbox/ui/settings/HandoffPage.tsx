// Handoff: per channel, what happens when the agent hands a conversation to a person; the routing
// rules; the helpdesk connections and failed deliveries. Changes apply to new handoffs only.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { PageHeader, SaveActions } from './form';
import { useSave } from './useSave';
import { usePeople } from './usePeople';
import { ChannelHandoffCard } from './ChannelHandoffCard';
import { RoutingRules } from './RoutingRules';
import { HelpdeskConnections } from './HelpdeskConnections';
import { FailedDeliveries } from './FailedDeliveries';
import type { PageProps } from './page-props';
import type { ChannelKey, Settings } from './types';

const CHANNELS: ChannelKey[] = ['web_chat', 'email', 'sms', 'whatsapp'];

export function HandoffPage({ settings, onSaved, canEdit }: PageProps) {
  const people = usePeople();
  const [draft, setDraft] = useState<Settings['handoff']>(settings.handoff);
  const save = useSave();
  async function submit(e: Event) {
    e.preventDefault();
    const res = await save.run(
      () => api<{ settings: Settings }>('PUT', '/api/settings/handoff', draft),
      'Handoff settings saved; they apply to new handoffs',
    );
    if (res) onSaved(res.settings);
  }
  return (
    <div class="page">
      <PageHeader title="Handoff">
        What happens when the Customer Agent can’t resolve a conversation: an escalation rule fired or the shopper asked
        for a person. On web chat only a signed-in shopper reaches a person; others are asked to sign in or leave an
        email address.
      </PageHeader>
      {!people ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <form onSubmit={submit} aria-label="Handoff settings">
          <fieldset disabled={!canEdit}>
            <div class="grid-2">
              {CHANNELS.map((ch) => (
                <ChannelHandoffCard
                  key={ch}
                  channel={ch}
                  value={draft.channels[ch]}
                  people={people}
                  fields={save.fields}
                  onChange={(v) => setDraft({ ...draft, channels: { ...draft.channels, [ch]: v } })}
                />
              ))}
            </div>
            <RoutingRules
              rules={draft.routingRules}
              people={people}
              fields={save.fields}
              onChange={(routingRules) => setDraft({ ...draft, routingRules })}
            />
            <SaveActions save={save} label="Save handoff settings" testId="handoff-result" />
          </fieldset>
        </form>
      )}
      <HelpdeskConnections canEdit={canEdit} />
      <FailedDeliveries canEdit={canEdit} />
    </div>
  );
}
