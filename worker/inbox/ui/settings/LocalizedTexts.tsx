// The agent's name and greeting per shopper language (general.localized): the widget shows a
// language's own text to shoppers whose browser asks for it, and the default ones otherwise. An
// empty field means "use the default"; nothing is stored for it.
import { useState } from 'preact/hooks';
import type { Settings } from './types';

type Localized = Settings['general']['localized'];
type Code = Exclude<keyof Localized, 'en'>;

const LANGUAGES: Record<Code, string> = {
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  pt: 'Portuguese',
  nl: 'Dutch',
  it: 'Italian',
  ja: 'Japanese',
  ar: 'Arabic',
};

export function LocalizedTexts({ value, onChange }: { value: Localized; onChange: (next: Localized) => void }) {
  const [code, setCode] = useState<Code>('de');
  const current = value[code] ?? {};
  const set = (field: 'agentName' | 'greeting', text: string) => {
    const entry = { ...current, [field]: text.trim() ? text : undefined };
    const next: Localized = { ...value };
    if (entry.agentName === undefined && entry.greeting === undefined) delete next[code];
    else next[code] = entry;
    onChange(next);
  };
  const dir = code === 'ar' ? 'rtl' : 'ltr';
  return (
    <>
      <label>
        Language
        <select name="localizedLanguage" value={code} onChange={(e) => setCode(e.currentTarget.value as Code)}>
          {Object.entries(LANGUAGES).map(([c, label]) => (
            <option key={c} value={c}>
              {label}
              {value[c as Code] ? ' (set)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        Agent name in {LANGUAGES[code]}
        <input
          name="localizedAgentName"
          dir={dir}
          lang={code}
          maxLength={60}
          value={current.agentName ?? ''}
          onInput={(e) => set('agentName', e.currentTarget.value)}
        />
      </label>
      <label>
        Greeting in {LANGUAGES[code]}
        <textarea
          name="localizedGreeting"
          dir={dir}
          lang={code}
          rows={3}
          maxLength={500}
          value={current.greeting ?? ''}
          onInput={(e) => set('greeting', e.currentTarget.value)}
        />
      </label>
      <small class="hint">
        Shown to shoppers whose browser is in {LANGUAGES[code]}. Leave empty to use the name and greeting above.
      </small>
    </>
  );
}
