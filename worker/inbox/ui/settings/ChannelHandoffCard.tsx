// One channel's handoff: send a ticket (to the Inbox, Zendesk or Gorgias) or don't hand off, where an
// Inbox ticket goes, what happens when the conversation already has an owner, and the messages.
import { Card, FieldError } from './form';
import { RouteSelect } from './RouteSelect';
import type { People } from './usePeople';
import type { ChannelHandoff, ChannelKey } from './types';

export const CHANNEL_LABELS: Record<ChannelKey, string> = {
  web_chat: 'Web chat',
  email: 'Email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
};
const HELPDESK_NOTES = {
  inbox:
    'A ticket lands in the Baton Inbox and your team answers it there (on web chat the shopper stays in the chat).',
  zendesk: 'A Zendesk ticket is created; web chat stays open while the ticket is open.',
  gorgias: 'A Gorgias ticket is created; the conversation moves to email and web chat closes.',
} as const;

export function ChannelHandoffCard({
  channel,
  value,
  people,
  fields,
  onChange,
}: {
  channel: ChannelKey;
  value: ChannelHandoff;
  people: People;
  fields: Record<string, string>;
  onChange: (v: ChannelHandoff) => void;
}) {
  const set = <K extends keyof ChannelHandoff>(key: K, v: ChannelHandoff[K]) => onChange({ ...value, [key]: v });
  const prefix = `channels.${channel}`;
  return (
    <Card title={CHANNEL_LABELS[channel]} testId={`handoff-${channel}`}>
      <fieldset class="inline">
        <legend>Method</legend>
        <label>
          <input
            type="radio"
            name={`${channel}-method`}
            checked={value.method === 'ticket'}
            onChange={() => set('method', 'ticket')}
          />{' '}
          Send a ticket to your helpdesk
        </label>
        <label>
          <input
            type="radio"
            name={`${channel}-method`}
            checked={value.method === 'none'}
            onChange={() => set('method', 'none')}
          />{' '}
          Don’t hand off
        </label>
      </fieldset>
      {value.method === 'ticket' ? (
        <>
          <label>
            Helpdesk
            <select
              value={value.helpdesk}
              onChange={(e) => set('helpdesk', e.currentTarget.value as ChannelHandoff['helpdesk'])}
            >
              <option value="inbox">Baton Inbox</option>
              <option value="zendesk">Zendesk</option>
              <option value="gorgias">Gorgias</option>
            </select>
          </label>
          <small class="hint">{HELPDESK_NOTES[value.helpdesk]}</small>
          {value.helpdesk === 'inbox' && (
            <>
              <RouteSelect
                label="Destination"
                value={value.destination}
                people={people}
                allowRoundRobin
                onChange={(d) => set('destination', d)}
              />
              <FieldError fields={fields} name={`${prefix}.destination`} />
              <label>
                When the conversation already has an owner
                <select
                  value={value.ownerBehaviour}
                  onChange={(e) => set('ownerBehaviour', e.currentTarget.value as ChannelHandoff['ownerBehaviour'])}
                >
                  <option value="keep_alert">Keep the owner (and alert them)</option>
                  <option value="reassign">Reassign by the rules above</option>
                  <option value="unassign">Unassign into the queue</option>
                </select>
              </label>
            </>
          )}
          <label>
            Confirmation message
            <textarea
              rows={2}
              maxLength={500}
              value={value.confirmationMessage}
              onInput={(e) => set('confirmationMessage', e.currentTarget.value)}
            />
          </label>
          <FieldError fields={fields} name={`${prefix}.confirmationMessage`} />
        </>
      ) : (
        <>
          <label>
            Message shown instead of a handoff
            <textarea
              rows={3}
              maxLength={500}
              value={value.declineMessage}
              onInput={(e) => set('declineMessage', e.currentTarget.value)}
            />
          </label>
          <FieldError fields={fields} name={`${prefix}.declineMessage`} />
        </>
      )}
    </Card>
  );
}
