// Settings → Channels: connecting Twilio (SMS) and the WhatsApp Cloud API. Each connection shows its
// health, the webhook URL to paste into the provider's console (with a copy button), a Test button
// (POST /api/settings/channels/:channel/test) and a form for the credentials, which the server tests
// before it stores them sealed. A stored secret is never shown back: only "saved ••••" and its last 4
// characters. The sender number and the phone number id are channel settings (the cards above); the
// form says which one it will use and refuses to connect without it.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Card, formatTime, Result, Status } from './form';
import { CopyButton } from './CopyButton';
import { useSave } from './useSave';
import type { PhoneConnectionView, Settings } from './types';

type Channel = PhoneConnectionView['channel'];
type Field = readonly [name: string, label: string, type: 'text' | 'password'];

const NAMES: Record<Channel, string> = { sms: 'Twilio (SMS)', whatsapp: 'WhatsApp Cloud API' };
const FIELDS: Record<Channel, readonly Field[]> = {
  sms: [
    ['accountSid', 'Account SID (Twilio Console → Account info)', 'text'],
    ['authToken', 'Auth token', 'password'],
  ],
  whatsapp: [
    ['businessAccountId', 'WhatsApp Business Account id (WhatsApp Manager → Account tools)', 'text'],
    ['accessToken', 'Access token (a system user token with whatsapp_business_messaging)', 'password'],
    ['appSecret', 'App secret (App settings → Basic)', 'password'],
  ],
};
const WEBHOOK_HINT: Record<Channel, string> = {
  sms: 'Paste into Twilio Console → Phone Numbers → your number → Messaging → "A message comes in" (Webhook, HTTP POST).',
  whatsapp:
    'Paste into Meta App Dashboard → WhatsApp → Configuration → Callback URL, with the verify token below; subscribe to "messages".',
};

const shortLabel = (label: string) => label.replace(/ \(.*\)$/, '');

export function PhoneConnections({ channels, canEdit }: { channels: Settings['channels']; canEdit: boolean }) {
  const [views, setViews] = useState<Record<Channel, PhoneConnectionView> | null>(null);
  const [failed, setFailed] = useState(false);
  const load = () =>
    api<Record<Channel, PhoneConnectionView>>('GET', '/api/settings/channels/connections').then(setViews, () =>
      setFailed(true),
    );
  useEffect(() => void load(), []);
  if (failed)
    return (
      <p class="error" role="alert">
        The SMS and WhatsApp connections could not be loaded; reload the page.
      </p>
    );
  if (!views) return <p aria-busy="true">Loading connections…</p>;
  return (
    <div class="phone-connections">
      <h2>Provider connections</h2>
      <Connection
        view={views.sms}
        prerequisite={channels.sms.senderNumber}
        prerequisiteLabel="Sender number"
        canEdit={canEdit}
        onChanged={setViews}
      />
      <Connection
        view={views.whatsapp}
        prerequisite={channels.whatsapp.phoneNumberId}
        prerequisiteLabel="Phone number id"
        canEdit={canEdit}
        onChanged={setViews}
      />
    </div>
  );
}

interface ConnectionProps {
  view: PhoneConnectionView;
  /** The saved sender number / phone number id this connection sends from. */
  prerequisite: string | null;
  prerequisiteLabel: string;
  canEdit: boolean;
  onChanged: (
    update: (views: Record<Channel, PhoneConnectionView> | null) => Record<Channel, PhoneConnectionView> | null,
  ) => void;
}

function Connection({ view, prerequisite, prerequisiteLabel, canEdit, onChanged }: ConnectionProps) {
  const [form, setForm] = useState<Record<string, string>>({});
  const save = useSave();
  const channel = view.channel;
  const connected = view.status !== 'not_connected';
  // Non-secret fields start from what is stored; secrets always start empty (they are never sent back).
  const fieldValue = (name: string) => form[name] ?? view.config?.[name] ?? '';
  const show = (next: PhoneConnectionView) => onChanged((views) => (views ? { ...views, [channel]: next } : views));

  async function test() {
    const res = await save.run(
      () =>
        api<{ ok: boolean; error: string | null; connection: PhoneConnectionView }>(
          'POST',
          `/api/settings/channels/${channel}/test`,
        ),
      (r) => (r.ok ? 'Connection works' : `Test failed: ${r.error ?? 'unknown error'}`),
    );
    if (res) show(res.connection);
  }
  async function connect(e: Event) {
    e.preventDefault();
    const body = Object.fromEntries(FIELDS[channel].map(([name]) => [name, fieldValue(name).trim()]));
    const res = await save.run(
      () => api<{ connection: PhoneConnectionView }>('PUT', `/api/settings/channels/${channel}/connection`, body),
      'Tested and saved',
    );
    if (res) {
      setForm({});
      show(res.connection);
    }
  }

  return (
    <Card title={NAMES[channel]} testId={`connection-${channel}`}>
      <div class="connection-head">
        <Status status={view.status} />
        {view.checkedAt !== null && <small class="hint">Checked {formatTime(view.checkedAt)}</small>}
      </div>
      {view.lastError && <p class="error">Last error: {view.lastError}</p>}
      <dl class="facts">
        <dt>{prerequisiteLabel}</dt>
        <dd>{prerequisite ?? <span class="error">not set: add it in the card above and save channels first</span>}</dd>
        {FIELDS[channel].flatMap(([name, label, type]) => {
          const value =
            type === 'text'
              ? view.config?.[name]
              : connected
                ? `saved ${view.secretHints[name] ?? '(cannot be read: reconnect)'}`
                : null;
          return value
            ? [
                <dt key={`${name}-dt`}>{shortLabel(label)}</dt>,
                <dd key={`${name}-dd`} data-testid={`saved-${name}`}>
                  {value}
                </dd>,
              ]
            : [];
        })}
      </dl>
      <label>
        Webhook URL
        <input
          readOnly
          value={view.webhookUrl}
          data-testid={`webhook-url-${channel}`}
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <CopyButton text={view.webhookUrl} label="Copy webhook URL" />
      <small class="hint">{WEBHOOK_HINT[channel]}</small>
      {view.verifyToken && (
        <>
          <label>
            Verify token (generated by Baton)
            <input
              readOnly
              value={view.verifyToken}
              data-testid="verify-token"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <CopyButton text={view.verifyToken} label="Copy verify token" />
        </>
      )}
      <fieldset class="plain" disabled={!canEdit || save.busy}>
        <form class="connect-form" onSubmit={connect} aria-label={`Connect ${NAMES[channel]}`}>
          {FIELDS[channel].map(([name, label, type]) => (
            <label key={name}>
              {label}
              <input
                type={type}
                autoComplete="off"
                required
                value={fieldValue(name)}
                onInput={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
              />
            </label>
          ))}
          <div class="row-actions">
            <button type="submit">{connected ? 'Test and save new credentials' : 'Test and save'}</button>
            {connected && (
              <button type="button" class="ghost" onClick={() => void test()}>
                Test connection
              </button>
            )}
          </div>
        </form>
      </fieldset>
      <Result outcome={save.outcome} testId={`connection-${channel}-result`} />
    </Card>
  );
}
