// The first-response target on Settings → Office hours & assignment (Owner, Admin, Manager): how many
// minutes of open time a new Inbox ticket may wait for its first teammate reply. Office hours, when on,
// decide what counts as open time; the server fixes each ticket's due time when it arrives.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Card, FieldError, SaveActions } from './form';
import { useSave } from './useSave';
import type { Settings } from './types';

interface Props {
  settings: Settings;
  canEdit: boolean;
  onSaved: (settings: Settings) => void;
}

export function SlaForm({ settings, canEdit, onSaved }: Props) {
  const [minutes, setMinutes] = useState(String(settings.sla.firstResponseMinutes));
  const save = useSave();

  async function submit(e: Event) {
    e.preventDefault();
    const res = await save.run(
      () =>
        api<{ settings: Settings }>('PUT', '/api/settings/sla', {
          firstResponseMinutes: minutes.trim() === '' ? null : Number(minutes),
        }),
      'First-response target saved',
    );
    if (res) onSaved(res.settings);
  }

  return (
    <form onSubmit={submit} aria-label="First-response target">
      <fieldset disabled={!canEdit}>
        <Card title="First-response target (SLA)">
          <label>
            First reply due within (minutes)
            <input
              type="number"
              min={5}
              max={10080}
              step={1}
              inputMode="numeric"
              value={minutes}
              onInput={(e) => setMinutes(e.currentTarget.value)}
            />
          </label>
          <FieldError fields={save.fields} name="firstResponseMinutes" />
          <small class="hint">
            Counted in office hours when they are on (nights, weekends and holidays don’t count). Tickets show “Reply
            due soon” 30 minutes before and “SLA breached” after; the inbox’s “SLA due soon” view lists them. A new
            target applies to tickets that arrive after you save it.
          </small>
          <SaveActions save={save} label="Save target" />
        </Card>
      </fieldset>
    </form>
  );
}
