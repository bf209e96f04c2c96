// General: how the agent introduces itself (name, greeting, avatar; per shopper language too), how the widget looks (brand
// colour, launcher side), where it may run (allowed origins) and where shoppers sign in.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Card, FieldError, PageHeader, SaveActions, splitList } from './form';
import { useSave } from './useSave';
import { AvatarField } from './AvatarField';
import { WidgetPreview } from './WidgetPreview';
import { LocalizedTexts } from './LocalizedTexts';
import type { PageProps } from './page-props';
import type { Settings } from './types';

type General = Settings['general'];

export function GeneralPage({ settings, onSaved, canEdit }: PageProps) {
  const [draft, setDraft] = useState<General>(settings.general);
  const [origins, setOrigins] = useState(settings.general.allowedOrigins.join('\n'));
  const save = useSave();
  const set = <K extends keyof General>(key: K, value: General[K]) => setDraft({ ...draft, [key]: value });

  async function submit(e: Event) {
    e.preventDefault();
    const body: General = {
      ...draft,
      avatarUrl: settings.general.avatarUrl,
      allowedOrigins: splitList(origins, /\s+/),
    };
    const res = await save.run(
      () => api<{ settings: Settings }>('PUT', '/api/settings/general', body),
      'General settings saved',
    );
    if (res) onSaved(res.settings);
  }

  return (
    <div class="page">
      <PageHeader title="General">
        How your Customer Agent introduces itself and how the chat widget looks on your store.
      </PageHeader>
      <div class="two-col">
        <form onSubmit={submit} aria-label="General settings">
          <fieldset disabled={!canEdit}>
            <Card title="Agent">
              <label>
                Agent name
                <input
                  name="agentName"
                  value={draft.agentName}
                  maxLength={60}
                  required
                  onInput={(e) => set('agentName', e.currentTarget.value)}
                />
              </label>
              <small class="hint">
                How the agent introduces itself and refers to itself, e.g. “Maya” or “Hammerhead Help”.
              </small>
              <FieldError fields={save.fields} name="agentName" />
              <label>
                Greeting
                <textarea
                  name="greeting"
                  rows={3}
                  maxLength={500}
                  required
                  value={draft.greeting}
                  onInput={(e) => set('greeting', e.currentTarget.value)}
                />
              </label>
              <small class="hint">The opening message shoppers see when they open the chat.</small>
              <FieldError fields={save.fields} name="greeting" />
            </Card>
            <Card title="In other languages">
              <LocalizedTexts value={draft.localized} onChange={(localized) => set('localized', localized)} />
              {Object.entries(save.fields)
                .filter(([f]) => f.startsWith('localized'))
                .map(([f, m]) => (
                  <small key={f} class="field-error" role="alert">
                    {m}
                  </small>
                ))}
            </Card>
            <Card title="Widget">
              <label>
                Brand colour
                <span class="color-field">
                  <input
                    type="color"
                    aria-label="Brand colour picker"
                    value={draft.brandColor}
                    onInput={(e) => set('brandColor', e.currentTarget.value)}
                  />
                  <input
                    name="brandColor"
                    value={draft.brandColor}
                    size={9}
                    onInput={(e) => set('brandColor', e.currentTarget.value)}
                  />
                </span>
              </label>
              <FieldError fields={save.fields} name="brandColor" />
              <fieldset class="inline">
                <legend>Launcher position</legend>
                <label>
                  <input
                    type="radio"
                    name="launcherPosition"
                    checked={draft.launcherPosition === 'bottom-right'}
                    onChange={() => set('launcherPosition', 'bottom-right')}
                  />{' '}
                  Bottom right
                </label>
                <label>
                  <input
                    type="radio"
                    name="launcherPosition"
                    checked={draft.launcherPosition === 'bottom-left'}
                    onChange={() => set('launcherPosition', 'bottom-left')}
                  />{' '}
                  Bottom left
                </label>
              </fieldset>
            </Card>
            <Card title="Storefront">
              <label>
                Allowed storefront origins (one per line)
                <textarea
                  name="allowedOrigins"
                  rows={3}
                  placeholder="https://shop.example.com"
                  value={origins}
                  onInput={(e) => setOrigins(e.currentTarget.value)}
                />
              </label>
              <small class="hint">
                Leave empty to allow any site. When set, the widget only starts on these origins.
              </small>
              {Object.entries(save.fields)
                .filter(([f]) => f.startsWith('allowedOrigins'))
                .map(([f, m]) => (
                  <small key={f} class="field-error" role="alert">
                    {m}
                  </small>
                ))}
              <label>
                Shopper sign-in URL
                <input
                  name="signInUrl"
                  type="url"
                  placeholder="https://shop.example.com/account/login"
                  value={draft.signInUrl ?? ''}
                  onInput={(e) => set('signInUrl', e.currentTarget.value.trim() || null)}
                />
              </label>
              <small class="hint">
                Anonymous shoppers who ask for a person on web chat are offered this link to sign in.
              </small>
              <FieldError fields={save.fields} name="signInUrl" />
            </Card>
            <SaveActions save={save} label="Save general settings" testId="general-result" />
          </fieldset>
        </form>
        <div class="side">
          <AvatarField avatarUrl={settings.general.avatarUrl} canEdit={canEdit} onSaved={onSaved} />
          <WidgetPreview general={{ ...draft, avatarUrl: settings.general.avatarUrl }} />
        </div>
      </div>
    </div>
  );
}
