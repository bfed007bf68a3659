// Finnish, Swedish and English for the map app and the survey pages.
//
// Catalogs are JSON files bundled with the app: locales/<namespace>.<lang>.json, one
// namespace per part of the app (app, survey, comments), keys in dotted form, values with
// {name} placeholders. English is complete by definition; the tests fail when a Finnish or
// Swedish catalog lacks a key its English catalog has.
//
// The language is, in order: ?lang= in the URL, the choice stored by the language switch,
// the browser's languages, English.

export const LANGUAGES = ['fi', 'sv', 'en'];
export const LANGUAGE_NAMES = { fi: 'suomi', sv: 'svenska', en: 'English' };
const STORAGE_KEY = 'dikas.lang';

const catalogs = {};

// Register a namespace's catalogs: register('app', { en: {...}, fi: {...}, sv: {...} }).
export function register(namespace, byLanguage) {
  for (const [lang, messages] of Object.entries(byLanguage)) {
    catalogs[lang] = catalogs[lang] || {};
    catalogs[lang][namespace] = messages;
  }
}

function normalize(tag) {
  if (!tag) return null;
  const base = String(tag).toLowerCase().replace('_', '-').split('-')[0];
  return LANGUAGES.includes(base) ? base : null;
}

export function detectLanguage(win = globalThis) {
  try {
    const fromUrl = normalize(new URL(win.location.href).searchParams.get('lang'));
    if (fromUrl) return fromUrl;
  } catch (_) { /* no location (tests) */ }
  try {
    const stored = normalize(win.localStorage && win.localStorage.getItem(STORAGE_KEY));
    if (stored) return stored;
  } catch (_) { /* storage blocked */ }
  const browser = (win.navigator && (win.navigator.languages || [win.navigator.language])) || [];
  for (const tag of browser) {
    const lang = normalize(tag);
    if (lang) return lang;
  }
  return 'en';
}

let current = 'en';

export function language() { return current; }

// Switch the language: stores the choice, sets <html lang>, and tells listeners.
export function setLanguage(lang, win = globalThis) {
  current = normalize(lang) || 'en';
  try { win.localStorage && win.localStorage.setItem(STORAGE_KEY, current); } catch (_) { /* */ }
  if (win.document && win.document.documentElement) win.document.documentElement.lang = current;
  for (const listener of listeners) listener(current);
  return current;
}

const listeners = new Set();
export function onLanguageChange(listener) { listeners.add(listener); return () => listeners.delete(listener); }

function lookup(lang, namespace, key) {
  const messages = catalogs[lang] && catalogs[lang][namespace];
  return messages ? messages[key] : undefined;
}

// t('app', 'legend.title', { n: 3 }) → the message in the current language (English if the
// catalog lacks it; the key itself if English lacks it too, which the tests forbid).
export function t(namespace, key, params = {}, lang = current) {
  const message = lookup(lang, namespace, key) ?? lookup('en', namespace, key) ?? key;
  return String(message).replace(/\{(\w+)\}/g, (whole, name) =>
    (name in params ? String(params[name]) : whole));
}

// Numbers, percentages, years and dates the way the current language writes them.
export function formatNumber(value, { decimals = 0, percent = false, lang = current } = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const locale = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[lang] || 'en-GB';
  return new Intl.NumberFormat(locale, {
    style: percent ? 'percent' : 'decimal',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

export function formatYear(year) { return year === null || year === undefined ? '–' : String(Math.trunc(year)); }

export function formatDate(value, lang = current) {
  const locale = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[lang] || 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(value));
}

// Keys an English catalog has that another language's catalog lacks: [[ns, lang, key]].
export function missingKeys() {
  const missing = [];
  for (const [namespace, english] of Object.entries(catalogs.en || {})) {
    for (const lang of LANGUAGES) {
      if (lang === 'en') continue;
      const other = (catalogs[lang] && catalogs[lang][namespace]) || {};
      for (const key of Object.keys(english)) if (!other[key]) missing.push([namespace, lang, key]);
    }
  }
  return missing;
}
