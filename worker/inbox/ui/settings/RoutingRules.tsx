// Routing rules ahead of each channel's Inbox destination: first enabled match wins.
import { Card, splitList } from './form';
import { DeleteRule, RuleErrors, RuleHead } from './RuleHead';
import { RouteSelect } from './RouteSelect';
import type { People } from './usePeople';
import type { RoutingRule } from './types';

export function RoutingRules({
  rules,
  people,
  fields,
  onChange,
}: {
  rules: RoutingRule[];
  people: People;
  fields: Record<string, string>;
  onChange: (r: RoutingRule[]) => void;
}) {
  const update = (i: number, rule: RoutingRule) => onChange(rules.map((r, j) => (j === i ? rule : r)));
  const move = (i: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(i, 1);
    if (rule) next.splice(i + by, 0, rule);
    onChange(next);
  };
  function add() {
    const first = people.teams[0];
    const route: RoutingRule['route'] = first
      ? { kind: 'team', teamId: first.id }
      : { kind: 'user', userId: people.users[0]?.id ?? '' };
    onChange([
      ...rules,
      { id: crypto.randomUUID().slice(0, 8), name: 'New rule', enabled: true, when: { tagsAny: [] }, route },
    ]);
  }
  return (
    <Card title="Routing rules" testId="routing-rules">
      <p class="hint">
        Checked in order before a channel’s Inbox destination; the first enabled rule that matches picks the team or
        person.
      </p>
      {rules.length === 0 && <p class="empty">No routing rules: every Inbox handoff uses its channel’s destination.</p>}
      <ol class="rules">
        {rules.map((rule, i) => (
          <li key={rule.id} class="rule">
            <RuleHead rule={rule} onChange={(r) => update(i, r)}>
              <span class="row-actions">
                <button
                  type="button"
                  class="ghost"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`Move ${rule.name} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="ghost"
                  disabled={i === rules.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move ${rule.name} down`}
                >
                  ↓
                </button>
                <DeleteRule onDelete={() => onChange(rules.filter((_, j) => j !== i))} />
              </span>
            </RuleHead>
            <div class="rule-when">
              <label>
                Conversation tags (any of)
                <input
                  value={rule.when.tagsAny.join(', ')}
                  placeholder="returns, shipping"
                  onChange={(e) =>
                    update(i, { ...rule, when: { ...rule.when, tagsAny: splitList(e.currentTarget.value) } })
                  }
                />
              </label>
              <label>
                Urgent
                <select
                  value={rule.when.urgent === undefined ? 'any' : String(rule.when.urgent)}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    const { urgent: _u, ...when } = rule.when;
                    update(i, { ...rule, when: v === 'any' ? when : { ...when, urgent: v === 'true' } });
                  }}
                >
                  <option value="any">Either</option>
                  <option value="true">Urgent only</option>
                  <option value="false">Not urgent</option>
                </select>
              </label>
              <label>
                Language
                <input
                  value={rule.when.language ?? ''}
                  placeholder="de"
                  size={4}
                  onChange={(e) => {
                    const v = e.currentTarget.value.trim().toLowerCase();
                    const { language: _l, ...when } = rule.when;
                    update(i, { ...rule, when: v ? { ...when, language: v } : when });
                  }}
                />
              </label>
              <RouteSelect
                label="Route to"
                value={rule.route}
                people={people}
                allowRoundRobin={false}
                onChange={(route) => update(i, { ...rule, route })}
              />
            </div>
          </li>
        ))}
      </ol>
      <RuleErrors fields={fields} belongs={(f) => f.startsWith('routingRules') || f === 'teamId' || f === 'userId'} />
      <button
        type="button"
        class="ghost"
        onClick={add}
        disabled={people.teams.length === 0 && people.users.length === 0}
      >
        Add a routing rule
      </button>
    </Card>
  );
}
