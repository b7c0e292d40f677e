import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Language = 'zh-CN' | 'en';

/** Chinese first; English on request, remembered per browser profile. */
export function initI18n(): typeof i18next {
  const saved = localStorage.getItem('casebench-lang');
  const lng: Language = saved === 'en' ? 'en' : 'zh-CN';
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function setLanguage(lng: Language): void {
  localStorage.setItem('casebench-lang', lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}
