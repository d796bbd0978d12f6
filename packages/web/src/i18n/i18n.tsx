import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { format, LANGS, MESSAGES, type Lang, type MessageKey } from './messages.ts';

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

interface I18n {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: Translate;
  /** Numbers and dates in the interface language. */
  readonly number: (n: number, digits?: number) => string;
  readonly date: (iso: string) => string;
  readonly dateTime: (iso: string) => string;
}

const STORAGE_KEY = 'mica-audit.lang';

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored !== null && stored !== undefined && (LANGS as readonly string[]).includes(stored))
    return stored as Lang;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const I18nContext = createContext<I18n | undefined>(undefined);

/** Holds the interface language (remembered in localStorage) and sets `<html lang>` to match. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const table = MESSAGES[lang];
    const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      lang,
      setLang,
      t: (key, values) => format(table[key], values),
      number: (n, digits = 0) => n.toLocaleString(locale, { maximumFractionDigits: digits }),
      date: (iso) => dateFormat.format(new Date(iso)),
      dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    };
  }, [lang, setLang]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The translation function and the current language. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === undefined) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Label of a catalogue domain id, falling back to the id for domains the table does not name. */
export function useDomainLabel(): (id: string) => string {
  const { t } = useI18n();
  return useCallback(
    (id: string) => {
      const key = `domain.${id}` as MessageKey;
      return key in MESSAGES.en ? t(key) : id;
    },
    [t],
  );
}
