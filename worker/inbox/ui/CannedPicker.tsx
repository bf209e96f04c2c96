// The "/" picker under the reply box: canned replies whose name (or text) contains what follows the
// "/", in a listbox the reply box drives from the keyboard (↑/↓ move, Enter or Tab inserts, Escape
// closes) via aria-activedescendant, or by pointer. Text only.
import { isMacro, macroSummary, type CannedReply } from './canned';

export const PICKER_ID = 'canned-picker';
export const optionId = (id: string) => `canned-${id}`;

/** The "/query" being typed just before the caret ("/" at the start or after a space), or null. */
export function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)\/([^\s/]*)$/.exec(text.slice(0, caret));
  return m ? { start: caret - (m[2]?.length ?? 0) - 1, query: m[2] ?? '' } : null;
}

export function filterCanned(replies: CannedReply[], query: string): CannedReply[] {
  const q = query.toLowerCase();
  const byName = replies.filter((r) => r.name.toLowerCase().includes(q));
  return [...byName, ...replies.filter((r) => !byName.includes(r) && r.body.toLowerCase().includes(q))].slice(0, 8);
}

interface Props {
  options: CannedReply[] | null;
  active: number;
  onPick: (reply: CannedReply) => void;
}

export function CannedPicker({ options, active, onPick }: Props) {
  return (
    <div class="canned-picker" data-testid="canned-picker">
      {options === null ? (
        <p class="muted">Loading canned replies…</p>
      ) : options.length === 0 ? (
        <p class="muted">No canned reply matches. Add them in Inbox settings.</p>
      ) : (
        <div id={PICKER_ID} role="listbox" aria-label="Canned replies">
          {options.map((r, i) => (
            // Keyboard selection happens in the reply box (aria-activedescendant); the pointer picks here.
            <div
              key={r.id}
              id={optionId(r.id)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              class={i === active ? 'option active' : 'option'}
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(r);
              }}
            >
              <span class="canned-name">{r.name}</span>
              <span class="canned-scope">
                {r.scope === 'personal' ? 'Personal' : 'Team'}
                {isMacro(r) ? ` · macro: ${macroSummary(r)}` : ''}
              </span>
              <span class="canned-body">{r.body}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
