// Office hours & assignment: round robin on/off with the after-hours backlog option (Owner, Admin,
// Manager), the office hours web chat is staffed in (time zone, weekly hours, holidays), and the
// first-response target they count towards (SlaForm).
import { useState } from 'preact/hooks';
import { api } from '../api';
import { can } from '../types';
import { Card, FieldError, PageHeader, SaveActions } from './form';
import { Toggle } from './Toggle';
import { SlaForm } from './SlaForm';
import { useSave } from './useSave';
import { WeeklyHours } from './WeeklyHours';
import type { PageProps } from './page-props';
import type { Settings } from './types';

const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function HoursPage({ me, settings, onSaved, canEdit }: PageProps) {
  const [rr, setRr] = useState(settings.roundRobin);
  const [hours, setHours] = useState(settings.officeHours);
  const [holiday, setHoliday] = useState('');
  const rrSave = useSave();
  const hoursSave = useSave();

  async function saveRr(e: Event) {
    e.preventDefault();
    const res = await rrSave.run(
      () => api<{ settings: Settings }>('PUT', '/api/settings/round-robin', rr),
      'Round robin saved',
    );
    if (res) onSaved(res.settings);
  }
  async function saveHours(e: Event) {
    e.preventDefault();
    const res = await hoursSave.run(
      () => api<{ settings: Settings }>('PUT', '/api/settings/office-hours', hours),
      'Office hours saved',
    );
    if (res) onSaved(res.settings);
  }
  const addHoliday = () => {
    if (holiday && !hours.holidays.includes(holiday))
      setHours({ ...hours, holidays: [...hours.holidays, holiday].sort() });
    setHoliday('');
  };

  return (
    <div class="page">
      <PageHeader title="Office hours & assignment">
        How new Inbox tickets reach your team, and when web chat is staffed.
      </PageHeader>
      <form onSubmit={saveRr} aria-label="Round robin">
        <fieldset disabled={!can(me, 'roundrobin.toggle')}>
          <Card title="Round robin">
            <Toggle
              label="Round robin on: new tickets go to Online agents in turn"
              checked={rr.enabled}
              onChange={(enabled) => setRr({ ...rr, enabled })}
            />
            <small class="hint">Off: new tickets wait in Unassigned until someone takes them.</small>
            <label class="check">
              <input
                type="checkbox"
                checked={rr.afterHoursBacklog}
                onChange={(e) => setRr({ ...rr, afterHoursBacklog: e.currentTarget.checked })}
              />
              When office hours open, hand out web chats that arrived after hours (oldest first)
            </label>
            <SaveActions save={rrSave} label="Save round robin" />
          </Card>
        </fieldset>
      </form>
      <form onSubmit={saveHours} aria-label="Office hours">
        <fieldset disabled={!canEdit}>
          <Card title="Office hours">
            <Toggle
              label="Use office hours for web chat"
              checked={hours.enabled}
              onChange={(enabled) => setHours({ ...hours, enabled })}
            />
            <small class="hint">
              Web-chat tickets are auto-assigned only inside these hours; email, SMS and WhatsApp whenever someone is
              Online. Off: web chat is always open.
            </small>
            <label>
              Time zone
              <input
                list="time-zones"
                value={hours.timezone}
                onInput={(e) => setHours({ ...hours, timezone: e.currentTarget.value })}
                placeholder="Europe/Berlin"
              />
            </label>
            <datalist id="time-zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <FieldError fields={hoursSave.fields} name="timezone" />
            <WeeklyHours
              weekly={hours.weekly}
              fields={hoursSave.fields}
              onChange={(weekly) => setHours({ ...hours, weekly })}
            />
            <h3>Holidays (closed all day)</h3>
            <ul class="chips">
              {hours.holidays.map((d) => (
                <li key={d} class="chip">
                  {d}{' '}
                  <button
                    type="button"
                    class="ghost small"
                    aria-label={`Remove holiday ${d}`}
                    onClick={() => setHours({ ...hours, holidays: hours.holidays.filter((x) => x !== d) })}
                  >
                    ×
                  </button>
                </li>
              ))}
              {hours.holidays.length === 0 && <li class="muted">None</li>}
            </ul>
            <span class="inline-add">
              <input
                type="date"
                aria-label="Holiday date"
                value={holiday}
                onInput={(e) => setHoliday(e.currentTarget.value)}
              />
              <button type="button" class="ghost" onClick={addHoliday} disabled={!holiday}>
                Add holiday
              </button>
            </span>
            <SaveActions save={hoursSave} label="Save office hours" />
          </Card>
        </fieldset>
      </form>
      <SlaForm settings={settings} canEdit={canEdit} onSaved={onSaved} />
    </div>
  );
}
