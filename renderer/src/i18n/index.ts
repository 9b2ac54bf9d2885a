import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../electron/shared/collation.ts';
import { en } from './en.ts';
import { kk } from './kk.ts';
import { ru } from './ru.ts';

export const LANGUAGES: Array<{ value: UiLanguage; label: string }> = [
  { value: 'ru', label: 'Русский' },
  { value: 'kk', label: 'Қазақша' },
  { value: 'en', label: 'English' },
];

const STORAGE_KEY = 'aqniet.language';

export function savedLanguage(): UiLanguage {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return saved === 'kk' || saved === 'en' ? saved : 'ru';
}

export function rememberLanguage(language: UiLanguage): void {
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

void i18next.use(initReactI18next).init({
  resources: { ru: { translation: ru }, kk: { translation: kk }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'ru',
  interpolation: { escapeValue: false },
  returnObjects: true,
});

// <html lang> follows the UI language from the first paint (screen readers, hyphenation, spell check).
document.documentElement.lang = savedLanguage();
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export default i18next;
