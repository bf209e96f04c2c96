// Inbox settings: round robin on/off (Owner, Admin, Manager) and office hours. Each section saves on
// its own; the server validates and answers with field-level errors. Every open inbox hears about a
// round-robin switch over its socket and shows or hides the Online/Offline switch. Canned replies and
// macros have their own section (CannedSettings).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { can, type Directory } from './types';
import { CannedSettings } from './CannedSettings';

const DAYS = [['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'], ['fri', 'Friday'], ['sat', 'Saturday'], ['sun', 'Sunday']] as const;
type Day = (typeof DAYS)[number][0];
interface Interval { start: string; end: string }
interface RoundRobin { enabled: boolean; afterHoursBacklog: boolean }
interface OfficeHours { enabled: boolean; timezone: string; weekly: Record<Day, Interval[]>; holidays: string[] }

function failure(err: unknown): string {
  if (!(err instanceof ApiFailure)) return 'Could not save';
  const details = err.body?.error.details?.map((d) => `${d.field}: ${d.message}`).join('; ');
  return details ? `${err.message} (${details})` : err.message;
}

export function SettingsPanel({ dir }: { dir: Directory }) {
  const [rr, setRr] = useState<RoundRobin | null>(null);
  const [hours, setHours] = useState<OfficeHours | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void api<{ settings: { roundRobin: RoundRobin; officeHours: OfficeHours } }>('GET', '/api/settings').then((r) => {
      setRr(r.settings.roundRobin);
      setHours(r.settings.officeHours);
    });
  }, []);
  if (!rr || !hours) return <section class="settings" aria-busy="true"><p>Loading…</p></section>;

  async function save(path: string, body: unknown, done: string) {
    setStatus(null);
    try {
      await api('PUT', path, body);
      setStatus({ ok: true, text: done });
    } catch (err) {
      setStatus({ ok: false, text: failure(err) });
    }
  }
  const setDay = (day: Day, field: keyof Interval, value: string) => {
    const current = hours.weekly[day][0] ?? { start: '09:00', end: '17:00' };
    setHours({ ...hours, weekly: { ...hours.weekly, [day]: [{ ...current, [field]: value }, ...hours.weekly[day].slice(1)] } });
  };
  const toggleDay = (day: Day, open: boolean) =>
    setHours({ ...hours, weekly: { ...hours.weekly, [day]: open ? [{ start: '09:00', end: '17:00' }] : [] } });

  return (
    <section class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Inbox settings</h1>
      {status && <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'notice' : 'error'}>{status.text}</p>}
      <form onSubmit={(e) => { e.preventDefault(); void save('/api/settings/round-robin', rr, 'Round robin saved'); }}>
        <fieldset disabled={!can(dir.me, 'roundrobin.toggle')}>
          <legend>Round robin assignment</legend>
          <label><input type="radio" name="rr" checked={rr.enabled} onChange={() => setRr({ ...rr, enabled: true })} /> On: new tickets go to Online agents in turn</label>
          <label><input type="radio" name="rr" checked={!rr.enabled} onChange={() => setRr({ ...rr, enabled: false })} /> Off: tickets wait in Unassigned</label>
          <label><input type="checkbox" checked={rr.afterHoursBacklog} onChange={(e) => setRr({ ...rr, afterHoursBacklog: e.currentTarget.checked })} /> When office hours open, hand out web chats that arrived after hours (oldest first)</label>
          <button type="submit">Save round robin</button>
        </fieldset>
      </form>
      <form onSubmit={(e) => { e.preventDefault(); void save('/api/settings/office-hours', hours, 'Office hours saved'); }}>
        <fieldset disabled={!can(dir.me, 'settings.edit')}>
          <legend>Office hours (web chat is auto-assigned only inside them)</legend>
          <label><input type="checkbox" checked={hours.enabled} onChange={(e) => setHours({ ...hours, enabled: e.currentTarget.checked })} /> Use office hours</label>
          <label>Time zone <input value={hours.timezone} onInput={(e) => setHours({ ...hours, timezone: e.currentTarget.value })} placeholder="Europe/Berlin" /></label>
          <table class="week">
            <tbody>
              {DAYS.map(([day, name]) => {
                const interval = hours.weekly[day][0];
                return (
                  <tr key={day}>
                    <th scope="row"><label><input type="checkbox" checked={!!interval} onChange={(e) => toggleDay(day, e.currentTarget.checked)} /> {name}</label></th>
                    <td>{interval && <input type="time" aria-label={`${name} opens`} value={interval.start} onInput={(e) => setDay(day, 'start', e.currentTarget.value)} />}</td>
                    <td>{interval && <input type="time" aria-label={`${name} closes`} value={interval.end} onInput={(e) => setDay(day, 'end', e.currentTarget.value)} />}</td>
                    <td>{hours.weekly[day].length > 1 ? `+${hours.weekly[day].length - 1} more` : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label>Holidays (YYYY-MM-DD, comma separated)
            <input value={hours.holidays.join(', ')} onInput={(e) => setHours({ ...hours, holidays: e.currentTarget.value.split(',').map((d) => d.trim()).filter(Boolean) })} />
          </label>
          <button type="submit">Save office hours</button>
        </fieldset>
      </form>
      <CannedSettings dir={dir} />
    </section>
  );
}
