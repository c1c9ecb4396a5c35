import { createMemoryFileSystem } from '../../src/runtime/file-system';
import { Preferences } from '../../src/session/preferences';
import {
  SpellChecker,
  availableSpellCheckerLanguages,
  correspondingSpellCheckLanguage,
} from '../../src/session/spellchecker';

function spellChecker(storagePath: string | null, fs = createMemoryFileSystem()): SpellChecker {
  return new SpellChecker({ fs, prefs: new Preferences(fs, storagePath), storagePath, locale: 'en-US' });
}

it('lists Chromium hunspell languages as available', () => {
  const languages = availableSpellCheckerLanguages();
  expect(languages).toContain('en-US');
  expect(languages).toContain('fr');
  expect(languages).not.toContain('xx');
  expect(availableSpellCheckerLanguages()).not.toBe(languages);
});

it('maps a dictionary region to its language code', () => {
  expect(correspondingSpellCheckLanguage('fr')).toBe('fr');
  expect(correspondingSpellCheckLanguage('af-ZA')).toBe('af');
  expect(correspondingSpellCheckLanguage('es-ES')).toBe('es-ES');
  expect(correspondingSpellCheckLanguage('klingon')).toBe('');
});

it('starts enabled with the app locale as its language', () => {
  const checker = spellChecker(null);
  expect(checker.enabled).toBe(true);
  expect(checker.languages).toEqual(['en-US']);
});

it('rejects an unknown language code with Electron message', () => {
  expect(() => spellChecker(null).setLanguages([['en-US', 'xx-YY']])).toThrow(
    new Error('Invalid language code provided: "xx-YY" is not a valid language code'),
  );
});

it('turns spellchecking off when given no languages and on again with some', () => {
  const checker = spellChecker(null);
  checker.setLanguages([[]]);
  expect(checker.enabled).toBe(false);
  checker.setLanguages([['de']]);
  expect(checker.enabled).toBe(true);
  expect(checker.languages).toEqual(['de']);
});

it('throws a conversion error for a non-array language list', () => {
  expect(() => spellChecker(null).setLanguages(['en-US'])).toThrow(
    'Error processing argument at index 0, conversion failure from "en-US"',
  );
});

it('rejects an invalid dictionary download URL', () => {
  expect(() => spellChecker(null).setDictionaryDownloadURL(['not a url'])).toThrow(
    new Error('The URL you provided to setSpellCheckerDictionaryDownloadURL is not a valid URL'),
  );
  const checker = spellChecker(null);
  checker.setDictionaryDownloadURL(['https://dictionaries.test/']);
  expect(checker.dictionaryDownloadURL).toBe('https://dictionaries.test/');
});

it('refuses custom words in an in-memory session', () => {
  const checker = spellChecker(null);
  expect(checker.addWord(['electron'])).toBe(false);
  expect(checker.removeWord(['electron'])).toBe(false);
  expect(checker.words()).toEqual([]);
});

it('adds and removes custom words, refusing duplicates and invalid words', () => {
  const checker = spellChecker('/profile');
  expect(checker.addWord(['zebra'])).toBe(true);
  expect(checker.addWord(['apple'])).toBe(true);
  expect(checker.addWord(['apple'])).toBe(false);
  expect(checker.addWord(['two words'])).toBe(false);
  expect(checker.addWord([''])).toBe(false);
  expect(checker.addWord(['x'.repeat(100)])).toBe(false);
  expect(checker.words()).toEqual(['apple', 'zebra']);
  expect(checker.removeWord(['zebra'])).toBe(true);
  expect(checker.removeWord(['zebra'])).toBe(false);
  expect(checker.words()).toEqual(['apple']);
});

it('keeps custom words and language prefs on disk for the next launch', () => {
  const fs = createMemoryFileSystem();
  const first = spellChecker('/profile', fs);
  first.addWord(['electron']);
  first.setLanguages([['fr']]);
  const file = String(fs.readFileSync('/profile/Custom Dictionary.txt', 'utf8'));
  expect(file).toMatch(/^electron\nchecksum_v1 = [0-9a-f]{32}$/);
  const second = spellChecker('/profile', fs);
  expect(second.words()).toEqual(['electron']);
  expect(second.languages).toEqual(['fr']);
});
