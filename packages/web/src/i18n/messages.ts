/**
 * Every string the interface shows, in English and French. Placeholders are `{name}`. The French table is typed
 * against the English one, so a missing translation fails the typecheck.
 */
import { en } from './messages-en.ts';
import { fr } from './messages-fr.ts';

export { en, fr };

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;

export const MESSAGES = { en, fr } as const;
export type Lang = keyof typeof MESSAGES;
export const LANGS: readonly Lang[] = ['en', 'fr'];

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function format(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
