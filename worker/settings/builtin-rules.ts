// The built-in escalation rule "Shopper asks for a human" (id human_request) ships with every account:
// merchants may rename or disable it, never delete it. The server enforces that here, and decides
// which rule is built in (a client cannot mark its own rules undeletable).
import { ApiError } from '../http/errors';
import type { EscalationSettings } from './schema';

export const BUILT_IN_RULE_ID = 'human_request';

export function withBuiltInRule(value: EscalationSettings): EscalationSettings {
  const index = value.rules.findIndex((r) => r.id === BUILT_IN_RULE_ID);
  const rule = value.rules[index];
  if (!rule) {
    throw new ApiError(400, 'invalid_request', 'The request failed validation', [
      {
        field: 'rules',
        message:
          'The built-in rule "Shopper asks for a human" (id human_request) cannot be deleted; disable it instead',
      },
    ]);
  }
  if (rule.kind !== 'human_request') {
    throw new ApiError(400, 'invalid_request', 'The request failed validation', [
      { field: `rules.${index}.kind`, message: 'The built-in rule human_request must keep the kind human_request' },
    ]);
  }
  return { ...value, rules: value.rules.map((r) => ({ ...r, builtIn: r.id === BUILT_IN_RULE_ID })) };
}
