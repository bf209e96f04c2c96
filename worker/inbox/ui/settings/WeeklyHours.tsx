// The weekly open hours: up to four intervals per day, a closed day has none.
import type { Settings } from './types';

type Weekly = Settings['officeHours']['weekly'];
type Day = keyof Weekly;
const DAYS: Array<[Day, string]> = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
];

export function WeeklyHours({
  weekly,
  fields,
  onChange,
}: {
  weekly: Weekly;
  fields: Record<string, string>;
  onChange: (w: Weekly) => void;
}) {
  const setDay = (day: Day, intervals: Weekly[Day]) => onChange({ ...weekly, [day]: intervals });
  return (
    <table class="week">
      <tbody>
        {DAYS.map(([day, name]) => {
          const intervals = weekly[day];
          return (
            <tr key={day}>
              <th scope="row">
                <label class="check">
                  <input
                    type="checkbox"
                    checked={intervals.length > 0}
                    onChange={(e) => setDay(day, e.currentTarget.checked ? [{ start: '09:00', end: '17:00' }] : [])}
                  />{' '}
                  {name}
                </label>
              </th>
              <td>
                {intervals.length === 0 && <span class="muted">Closed</span>}
                {intervals.map((iv, i) => (
                  <span key={i} class="interval">
                    <input
                      type="time"
                      aria-label={`${name} opens (${i + 1})`}
                      value={iv.start}
                      onInput={(e) =>
                        setDay(
                          day,
                          intervals.map((x, j) => (j === i ? { ...x, start: e.currentTarget.value } : x)),
                        )
                      }
                    />
                    {' – '}
                    <input
                      type="time"
                      aria-label={`${name} closes (${i + 1})`}
                      value={iv.end === '24:00' ? '23:59' : iv.end}
                      onInput={(e) =>
                        setDay(
                          day,
                          intervals.map((x, j) => (j === i ? { ...x, end: e.currentTarget.value } : x)),
                        )
                      }
                    />
                    {intervals.length > 1 && (
                      <button
                        type="button"
                        class="ghost small"
                        aria-label={`Remove ${name} interval ${i + 1}`}
                        onClick={() =>
                          setDay(
                            day,
                            intervals.filter((_, j) => j !== i),
                          )
                        }
                      >
                        ×
                      </button>
                    )}
                    {Object.entries(fields)
                      .filter(([f]) => f.startsWith(`weekly.${day}.${i}`))
                      .map(([f, m]) => (
                        <small key={f} class="field-error">
                          {m}
                        </small>
                      ))}
                  </span>
                ))}
                {intervals.length > 0 && intervals.length < 4 && (
                  <button
                    type="button"
                    class="ghost small"
                    onClick={() => setDay(day, [...intervals, { start: '18:00', end: '20:00' }])}
                  >
                    Add hours
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
