// Channels: a toggle and configuration per channel. Switching a channel on without its prerequisite
// is refused by the server (422) with what is missing: the message is shown at the field, the draft
// keeps the toggle so the missing value can be filled in, and each card says what is saved now. Below
// the channels, the Twilio and WhatsApp connections (PhoneConnections.tsx).
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Card, FieldError, PageHeader, Result } from './form';
import { PhoneConnections } from './PhoneConnections';
import { Toggle } from './Toggle';
import { useSave } from './useSave';
import type { PageProps } from './page-props';
import type { Settings } from './types';

type Channels = Settings['channels'];
const orNull = (v: string) => v.trim() || null;
const Saved = ({ on }: { on: boolean }) => (
  <p class="saved-state">
    Currently <strong>{on ? 'on' : 'off'}</strong>
  </p>
);

export function ChannelsPage({ settings, onSaved, canEdit }: PageProps) {
  const [draft, setDraft] = useState<Channels>(settings.channels);
  const save = useSave();
  const patch = <K extends keyof Channels>(key: K, change: Partial<Channels[K]>) =>
    setDraft({ ...draft, [key]: { ...draft[key], ...change } });

  async function submit(e: Event) {
    e.preventDefault();
    const res = await save.run(
      () => api<{ settings: Settings }>('PUT', '/api/settings/channels', draft),
      'Channels saved',
    );
    if (res) {
      onSaved(res.settings);
      setDraft(res.settings.channels);
    }
  }
  const f = save.fields;

  return (
    <div class="page">
      <PageHeader title="Channels">
        Where shoppers can reach your Customer Agent. Each channel has its own handoff settings.
      </PageHeader>
      <form onSubmit={submit} aria-label="Channels">
        <fieldset disabled={!canEdit}>
          <Card title="Web chat" testId="channel-webChat">
            <Saved on={settings.channels.webChat.enabled} />
            <Toggle
              label="Web chat on"
              checked={draft.webChat.enabled}
              onChange={(on) => patch('webChat', { enabled: on })}
            />
            <small class="hint">
              The chat widget on your storefront (see Embed). When off, the widget cannot start new conversations.
            </small>
          </Card>
          <Card title="Email" testId="channel-email">
            <Saved on={settings.channels.email.enabled} />
            <Toggle label="Email on" checked={draft.email.enabled} onChange={(on) => patch('email', { enabled: on })} />
            <label>
              Inbound email address
              <input
                type="email"
                placeholder="help@yourstore.com"
                value={draft.email.inboundAddress ?? ''}
                onInput={(e) => patch('email', { inboundAddress: orNull(e.currentTarget.value) })}
              />
            </label>
            <FieldError fields={f} name="email.inboundAddress" />
            <label>
              Sender name
              <input
                value={draft.email.fromName ?? ''}
                placeholder="Your Store Support"
                onInput={(e) => patch('email', { fromName: orNull(e.currentTarget.value) })}
              />
            </label>
            <FieldError fields={f} name="email.fromName" />
            <fieldset class="choice" aria-label="Who answers new emails">
              <legend>New emails are answered by</legend>
              <label class="check">
                <input
                  type="radio"
                  name="email-answered-by"
                  checked={draft.email.answeredBy === 'agent'}
                  onChange={() => patch('email', { answeredBy: 'agent' })}
                />{' '}
                The Customer Agent, by email (it hands off when its rules say so)
              </label>
              <label class="check">
                <input
                  type="radio"
                  name="email-answered-by"
                  checked={draft.email.answeredBy === 'team'}
                  onChange={() => patch('email', { answeredBy: 'team' })}
                />{' '}
                Your team, per the Email handoff settings
              </label>
            </fieldset>
          </Card>
          <Card title="SMS" testId="channel-sms">
            <Saved on={settings.channels.sms.enabled} />
            <Toggle label="SMS on" checked={draft.sms.enabled} onChange={(on) => patch('sms', { enabled: on })} />
            <label>
              SMS sender number
              <input
                type="tel"
                placeholder="+14155550123"
                value={draft.sms.senderNumber ?? ''}
                onInput={(e) => patch('sms', { senderNumber: orNull(e.currentTarget.value) })}
              />
            </label>
            <FieldError fields={f} name="sms.senderNumber" />
            <label class="check">
              <input
                type="checkbox"
                checked={draft.sms.twoWay}
                onChange={(e) => patch('sms', { twoWay: e.currentTarget.checked })}
              />{' '}
              This number is two-way (it can receive replies)
            </label>
            <FieldError fields={f} name="sms.twoWay" />
          </Card>
          <Card title="WhatsApp" testId="channel-whatsapp">
            <Saved on={settings.channels.whatsapp.enabled} />
            <Toggle
              label="WhatsApp on"
              checked={draft.whatsapp.enabled}
              onChange={(on) => patch('whatsapp', { enabled: on })}
            />
            <label>
              WhatsApp phone number id
              <input
                inputMode="numeric"
                placeholder="From your WhatsApp Business account"
                value={draft.whatsapp.phoneNumberId ?? ''}
                onInput={(e) => patch('whatsapp', { phoneNumberId: orNull(e.currentTarget.value) })}
              />
            </label>
            <FieldError fields={f} name="whatsapp.phoneNumberId" />
            <label>
              Number shoppers see
              <input
                type="tel"
                placeholder="+14155550199"
                value={draft.whatsapp.displayNumber ?? ''}
                onInput={(e) => patch('whatsapp', { displayNumber: orNull(e.currentTarget.value) })}
              />
            </label>
            <FieldError fields={f} name="whatsapp.displayNumber" />
          </Card>
          <div class="actions">
            <button type="submit" disabled={save.busy}>
              Save channels
            </button>
            <Result outcome={save.outcome} testId="channels-result" />
          </div>
        </fieldset>
      </form>
      <PhoneConnections channels={settings.channels} canEdit={canEdit} />
    </div>
  );
}
