import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Language, OfficeType } from '../../src-main/contract/schemas';
import type { MessageKey } from './messages-en';
import { officeWordingVars } from './office-wording';
import { intlLocale, resolveLanguage } from './resolve-language';
import { translate, type MessageVars, type PluralKey } from './translate';

export interface I18n {
  language: Language;
  /** BCP 47 locale for Intl formatters. */
  locale: string;
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** Picks `<key>.one` or `<key>.other` for `count`, which is also passed as `{count}`. */
  tn: (key: PluralKey, count: number, vars?: MessageVars) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

interface I18nProviderProps {
  /** The office setting; null follows the computer. */
  language: Language | null;
  officeType: OfficeType;
  children: ReactNode;
}

export function I18nProvider({ language: setting, officeType, children }: I18nProviderProps) {
  const language = resolveLanguage(setting);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const wording = officeWordingVars(language, officeType);
    const plurals = new Intl.PluralRules(language);
    const t = (key: MessageKey, vars?: MessageVars) => translate(language, key, { ...wording, ...vars });
    return {
      language,
      locale: intlLocale(language),
      t,
      tn: (key, count, vars) => {
        const form = plurals.select(count) === 'one' ? 'one' : 'other';
        // Every PluralKey has both forms: the PluralKey type guarantees it.
        return t(`${key}.${form}` as MessageKey, { ...vars, count });
      },
    };
  }, [language, officeType]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
