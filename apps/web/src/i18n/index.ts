import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'tuijin.language';
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

function storedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(storageKey);
    return isLanguage(saved) ? saved : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function reflectLanguage(language: Language) {
  dayjs.locale(dayjsLocales[language]);
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
}

/** The active language, narrowed to the two the app ships. */
export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'zh-CN');

/** Switches the language and remembers the choice in this browser. */
export async function setLanguage(language: Language) {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Storage can be disabled by browser policy; the switch still applies to this tab.
  }
  await i18n.changeLanguage(language);
  reflectLanguage(language);
}

i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
reflectLanguage(currentLanguage());

export { i18n };
