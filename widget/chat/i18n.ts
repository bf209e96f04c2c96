// The chat's strings in the shopper's locale. The widget config carries them (worker/channels/
// web-chat/widget-config.ts); until it arrives, and for any key it lacks, English from the bundle.
// Also translates the agent's fixed English sentences line by line (widget/locale/phrases.ts): a
// line that matches a phrase exactly is replaced by its translation with the same {name} values;
// anything else stays as written.
import type { WidgetConfig } from '../../worker/protocol/widget';
import { chatStrings, type ChatStrings } from '../locale/en';

let strings: Record<string, string> = chatStrings;
let phrases: Array<[RegExp, string]> = [];
let current: WidgetConfig | null = null;

/** Switches to the config's locale (cheap when the config is the one already in use). */
export function localeFrom(config: WidgetConfig | null): void {
  if (!config || config === current) return;
  current = config;
  strings = { ...chatStrings, ...config.strings };
  phrases = Object.entries(config.phrases ?? {}).map(([english, local]) => [pattern(english), local]);
}

/** A string with its {name} placeholders filled in. */
export function t(key: keyof ChatStrings, vars: Record<string, string | number> = {}): string {
  return fill(strings[key] ?? chatStrings[key], (name) => vars[name]);
}

/** The agent's text in the shopper's locale where a line is one of the known fixed sentences. */
export function translate(text: string): string {
  if (!phrases.length) return text;
  return text
    .split('\n')
    .map((line) => {
      for (const [re, local] of phrases) {
        const match = re.exec(line);
        if (match) return fill(local, (name) => match.groups?.[name]);
      }
      return line;
    })
    .join('\n');
}

function fill(template: string, value: (name: string) => string | number | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(value(name) ?? whole));
}

function pattern(english: string): RegExp {
  const escaped = english.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{(\w+)\}/g, '(?<$1>.+?)')}$`);
}
