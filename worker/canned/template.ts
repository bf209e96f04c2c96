// The variables a canned reply may use and how they are filled. Pure. The result is plain text: the
// inbox puts it in the reply box (a textarea) and the shopper sees it as text, never HTML.
// Decisions (README "Canned replies and macros"): a template with an unknown variable is refused when
// saved, so every stored variable is known; a known variable without a value (a shopper with no
// name) becomes empty, and the spaces around it are tidied so "Hi {{shopper.name}}," reads "Hi,".

export const VARIABLES = ['shopper.name', 'shopper.email', 'agent.name', 'ticket.number'] as const;
export type Variable = (typeof VARIABLES)[number];
export type VariableValues = Record<Variable, string | null>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isVariable = (name: string): name is Variable => (VARIABLES as readonly string[]).includes(name);

/** The names inside {{…}} that are not variables (for the save-time refusal). */
export function unknownVariables(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !isVariable(name)))];
}

export function renderTemplate(body: string, values: VariableValues): string {
  return body
    .replace(PLACEHOLDER, (whole, name: string) => (isVariable(name) ? (values[name] ?? '') : whole))
    .replace(/[ \t]+([,.!?;:])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ');
}
