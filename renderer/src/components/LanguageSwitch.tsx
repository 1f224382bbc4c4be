import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/i18n';

const NAME_KEYS = { fr: 'app.language.frName', en: 'app.language.enName' } as const;
const CODE_KEYS = { fr: 'app.language.fr', en: 'app.language.en' } as const;

/** Each button names its language in that language, so an owner lost in the wrong one finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language.label')}>
      {LANGUAGES.map((language: Language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-label={t(NAME_KEYS[language], { lng: language })}
          aria-pressed={i18n.resolvedLanguage === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(CODE_KEYS[language])}
        </button>
      ))}
    </div>
  );
}
