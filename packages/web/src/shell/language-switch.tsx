import { useI18n } from '../i18n/i18n.tsx';
import { LANGS, type Lang } from '../i18n/messages.ts';

/** English / French switch, a labelled select so it is usable by keyboard and screen readers. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="inline-field">
      <span>{t('lang.label')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
