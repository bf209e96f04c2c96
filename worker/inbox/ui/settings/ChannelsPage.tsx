// Channels: a toggle and configuration per channel. Switching a channel on without its prerequisite
// is refused by the server (422) with what is missing: the message is shown at the field, the draft
// keeps the toggle so the missing value can be filled in, and each card says what is saved now (and
// whether the inbound email address is verified: EmailAddressState.tsx). Below
// the channels, the Twilio and WhatsApp connections (PhoneConnections.tsx).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Card, FieldError, PageHeader, SaveActions } from './form';
import { PhoneConnections } from './PhoneConnections';
import { EmailAddressState } from './EmailAddressState';
import { Toggle } from './Toggle';
import { useSave } from './useSave';
import type { PageProps } from './page-props';
import type { Settings } from './types';

type Channels = Settings['channels'];
type Key = keyof Channels;
const orNull = (v: string) => v.trim() || null;

/** A channel's card: what is saved now, the draft's on/off switch, then the channel's own fields. */
function ChannelCard({
  title,
  name,
  saved,
  draft,
  patch,
  children,
}: {
  title: string;
  name: Key;
  saved: Channels;
  draft: Channels;
  patch: (name: Key, change: { enabled: boolean }) => void;
  children: ComponentChildren;
}) {
  return (
    <Card title={title} testId={`channel-${name}`}>
      <p class="saved-state">
        Currently <strong>{saved[name].enabled ? 'on' : 'off'}</strong>
      </p>
      <Toggle label={`${title} on`} checked={draft[name].enabled} onChange={(enabled) => patch(name, { enabled })} />
      {children}
    </Card>
  );
}

/** A text setting of a channel (empty means none), with the server's error for it underneath. */
function TextField({
  label,
  value,
  onValue,
  error,
  ...input
}: {
  label: string;
  value: string | null;
  onValue: (value: string | null) => void;
  error: { fields: Record<string, string>; name: string };
  type?: 'email' | 'tel';
  inputMode?: 'numeric';
  placeholder: string;
}) {
  return (
    <>
      <label>
        {label}
        <input {...input} value={value ?? ''} onInput={(e) => onValue(orNull(e.currentTarget.value))} />
      </label>
      <FieldError fields={error.fields} name={error.name} />
    </>
  );
}

export function ChannelsPage({ settings, onSaved, canEdit }: PageProps) {
  const [draft, setDraft] = useState<Channels>(settings.channels);
  const [savedAt, setSavedAt] = useState(0);
  const save = useSave();
  const patch = <K extends Key>(key: K, change: Partial<Channels[K]>) =>
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
      setSavedAt(Date.now());
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
          <ChannelCard title="Web chat" name="webChat" saved={settings.channels} draft={draft} patch={patch}>
            <small class="hint">
              The chat widget on your storefront (see Embed). When off, the widget cannot start new conversations.
            </small>
          </ChannelCard>
          <ChannelCard title="Email" name="email" saved={settings.channels} draft={draft} patch={patch}>
            <TextField
              label="Inbound email address"
              type="email"
              placeholder="help@yourstore.com"
              value={draft.email.inboundAddress}
              onValue={(inboundAddress) => patch('email', { inboundAddress })}
              error={{ fields: f, name: 'email.inboundAddress' }}
            />
            <EmailAddressState savedAt={savedAt} canEdit={canEdit} />
            <TextField
              label="Sender name"
              placeholder="Your Store Support"
              value={draft.email.fromName}
              onValue={(fromName) => patch('email', { fromName })}
              error={{ fields: f, name: 'email.fromName' }}
            />
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
          </ChannelCard>
          <ChannelCard title="SMS" name="sms" saved={settings.channels} draft={draft} patch={patch}>
            <TextField
              label="SMS sender number"
              type="tel"
              placeholder="+14155550123"
              value={draft.sms.senderNumber}
              onValue={(senderNumber) => patch('sms', { senderNumber })}
              error={{ fields: f, name: 'sms.senderNumber' }}
            />
            <label class="check">
              <input
                type="checkbox"
                checked={draft.sms.twoWay}
                onChange={(e) => patch('sms', { twoWay: e.currentTarget.checked })}
              />{' '}
              This number is two-way (it can receive replies)
            </label>
            <FieldError fields={f} name="sms.twoWay" />
          </ChannelCard>
          <ChannelCard title="WhatsApp" name="whatsapp" saved={settings.channels} draft={draft} patch={patch}>
            <TextField
              label="WhatsApp phone number id"
              inputMode="numeric"
              placeholder="From your WhatsApp Business account"
              value={draft.whatsapp.phoneNumberId}
              onValue={(phoneNumberId) => patch('whatsapp', { phoneNumberId })}
              error={{ fields: f, name: 'whatsapp.phoneNumberId' }}
            />
            <TextField
              label="Number shoppers see"
              type="tel"
              placeholder="+14155550199"
              value={draft.whatsapp.displayNumber}
              onValue={(displayNumber) => patch('whatsapp', { displayNumber })}
              error={{ fields: f, name: 'whatsapp.displayNumber' }}
            />
          </ChannelCard>
          <SaveActions save={save} label="Save channels" testId="channels-result" />
        </fieldset>
      </form>
      <PhoneConnections channels={settings.channels} canEdit={canEdit} />
    </div>
  );
}
