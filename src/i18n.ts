import type { Locale } from './model.js';

/** Locale from --locale, else LC_ALL / LC_MESSAGES / LANG (zh* → zh-CN), else English. */
export function detectLocale(explicit?: string, env: NodeJS.ProcessEnv = process.env): Locale {
  // `||`, not `??`: POSIX treats a variable set to the empty string (LC_ALL=) as unset.
  const value = explicit || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(value) ? 'zh-CN' : 'en';
}

/** Picks the message for the locale. */
export function t(locale: Locale, text: { en: string; zh: string }): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}
