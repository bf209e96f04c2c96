// Escalation rules: named rules with a condition and an enabled switch. The built-in "shopper asks
// for a human" rule can be renamed or disabled, never deleted (the server refuses that too).
import { Card, splitList } from './form';
import { DeleteRule, RuleErrors, RuleHead } from './RuleHead';
import type { EscalationRule } from './types';

const KINDS = {
  human_request: 'The shopper asks for a person (built-in phrases, plus any listed here)',
  keywords: 'The message contains any of these words or phrases',
  topics: 'The agent’s answer is about one of these topics',
  urgent: 'Urgent: the message contains any of these words (marks the handoff urgent)',
  misses: 'The agent missed several times in a row',
} as const;

export function EscalationRules({
  rules,
  missesBeforeEscalation,
  fields,
  onChange,
  onMisses,
}: {
  rules: EscalationRule[];
  missesBeforeEscalation: number;
  fields: Record<string, string>;
  onChange: (rules: EscalationRule[]) => void;
  onMisses: (n: number) => void;
}) {
  const update = (i: number, rule: EscalationRule) => onChange(rules.map((r, j) => (j === i ? rule : r)));
  const add = () =>
    onChange([
      ...rules,
      {
        id: `rule-${crypto.randomUUID().slice(0, 8)}`,
        name: 'New rule',
        kind: 'keywords',
        keywords: [],
        enabled: true,
        builtIn: false,
      },
    ]);
  return (
    <Card title="Escalation rules" testId="escalation-rules">
      <p class="hint">
        Checked before the agent answers: the shopper asking for a person first, then your keyword rules in order,
        urgent words, then repeated misses. Topic rules are checked once the agent has its answer: if it is about one of
        the topics, a person takes over instead.
      </p>
      <ol class="rules">
        {rules.map((rule, i) => (
          <li key={rule.id} class="rule" data-testid={`rule-${rule.id}`}>
            <RuleHead rule={rule} onChange={(r) => update(i, r)}>
              {rule.builtIn ? (
                <span class="chip" title="Built-in rules can be disabled, not deleted">
                  Built in
                </span>
              ) : (
                <DeleteRule onDelete={() => onChange(rules.filter((_, j) => j !== i))} />
              )}
            </RuleHead>
            {rule.builtIn ? (
              <p class="muted">{KINDS.human_request}</p>
            ) : (
              <label>
                Condition
                <select
                  value={rule.kind}
                  onChange={(e) => update(i, { ...rule, kind: e.currentTarget.value as EscalationRule['kind'] })}
                >
                  <option value="keywords">{KINDS.keywords}</option>
                  <option value="topics">{KINDS.topics}</option>
                  <option value="urgent">{KINDS.urgent}</option>
                  <option value="misses">{KINDS.misses}</option>
                </select>
              </label>
            )}
            {rule.kind === 'misses' ? (
              <label>
                Misses in a row
                <input
                  type="number"
                  min={1}
                  max={10}
                  value={missesBeforeEscalation}
                  onInput={(e) => onMisses(Number(e.currentTarget.value))}
                />
              </label>
            ) : rule.kind === 'topics' ? (
              <label>
                Topics (comma separated, e.g. returns, warranty: your articles’ topics)
                <textarea
                  rows={2}
                  value={(rule.topics ?? []).join(', ')}
                  onChange={(e) => update(i, { ...rule, topics: splitList(e.currentTarget.value) })}
                />
              </label>
            ) : (
              <label>
                Keywords and phrases (comma separated)
                <textarea
                  rows={2}
                  value={rule.keywords.join(', ')}
                  onChange={(e) => update(i, { ...rule, keywords: splitList(e.currentTarget.value) })}
                />
              </label>
            )}
          </li>
        ))}
      </ol>
      <RuleErrors fields={fields} belongs={(f) => f.startsWith('rules')} />
      <button type="button" class="ghost" onClick={add}>
        Add a rule
      </button>
    </Card>
  );
}
