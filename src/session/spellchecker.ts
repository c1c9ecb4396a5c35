import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FakeFileSystem } from '../runtime/file-system';
import { conversionError, insufficientArguments, stringArgument } from './gin-arguments';
import type { Preferences } from './preferences';

/**
 * Chromium's Hunspell language table (`kSupportedSpellCheckerLanguages` in
 * components/spellcheck/common/spellcheck_common.cc): accepted code → the
 * dictionary's language-region. `availableSpellCheckerLanguages` lists the codes.
 */
const supportedLanguages: readonly (readonly [string, string])[] = [
  ['af', 'af-ZA'],
  ['bg', 'bg-BG'],
  ['ca', 'ca-ES'],
  ['cs', 'cs-CZ'],
  ['cy', 'cy-GB'],
  ['da', 'da-DK'],
  ['de', 'de-DE'],
  ['de-DE', 'de-DE'],
  ['el', 'el-GR'],
  ['en-AU', 'en-AU'],
  ['en-CA', 'en-CA'],
  ['en-GB', 'en-GB'],
  ['en-GB-oxendict', 'en-GB-oxendict'],
  ['en-US', 'en-US'],
  ['es', 'es-ES'],
  ['es-419', 'es-ES'],
  ['es-AR', 'es-ES'],
  ['es-ES', 'es-ES'],
  ['es-MX', 'es-ES'],
  ['es-US', 'es-ES'],
  ['et', 'et-EE'],
  ['fa', 'fa-IR'],
  ['fo', 'fo-FO'],
  ['fr', 'fr-FR'],
  ['fr-FR', 'fr-FR'],
  ['he', 'he-IL'],
  ['hi', 'hi-IN'],
  ['hr', 'hr-HR'],
  ['hu', 'hu-HU'],
  ['hy', 'hy'],
  ['id', 'id-ID'],
  ['it', 'it-IT'],
  ['it-IT', 'it-IT'],
  ['ko', 'ko'],
  ['lt', 'lt-LT'],
  ['lv', 'lv-LV'],
  ['nb', 'nb-NO'],
  ['nl', 'nl-NL'],
  ['pl', 'pl-PL'],
  ['pt', 'pt-BR'],
  ['pt-BR', 'pt-BR'],
  ['pt-PT', 'pt-PT'],
  ['ro', 'ro-RO'],
  ['ru', 'ru-RU'],
  ['sh', 'sh'],
  ['sk', 'sk-SK'],
  ['sl', 'sl-SI'],
  ['sq', 'sq'],
  ['sr', 'sr'],
  ['sv', 'sv-SE'],
  ['ta', 'ta-IN'],
  ['tg', 'tg-TG'],
  ['tr', 'tr-TR'],
  ['uk', 'uk-UA'],
  ['vi', 'vi-VN'],
];

/** `ses.availableSpellCheckerLanguages`: a fresh array on every read. */
export function availableSpellCheckerLanguages(): string[] {
  return supportedLanguages.map(([language]) => language);
}

/**
 * `spellcheck::GetCorrespondingSpellCheckLanguage`: an exact code match wins,
 * else the first code whose dictionary region equals the input, else `''`.
 */
export function correspondingSpellCheckLanguage(language: string): string {
  let bestMatch = '';
  for (const [code, region] of supportedLanguages) {
    if (code === language) return language;
    if (region === language && bestMatch === '') bestMatch = code;
  }
  return bestMatch;
}

/** Chromium's `MAX_CUSTOM_DICTIONARY_WORD_BYTES`. */
const maxWordBytes = 99;
/** Chromium's `kCustomDictionaryFileName`, kept in the session's folder. */
export const customDictionaryFileName = 'Custom Dictionary.txt';

/**
 * A session's spellchecker: the dictionary-language and enable prefs (kept in
 * the session's {@link Preferences}), and the custom word list. For a
 * persistent session the words are saved in `<storagePath>/Custom Dictionary.txt`
 * like Chromium does (one word per line, then a `checksum_v1` line), so they
 * survive `fake.restart()`. In-memory sessions never accept words (Electron
 * refuses so that nothing is written for them).
 */
export class SpellChecker {
  #downloadURL: string | undefined;
  readonly #words = new Set<string>();
  readonly #fs: FakeFileSystem;
  readonly #prefs: Preferences;
  readonly #file: string | undefined;

  constructor(options: {
    fs: FakeFileSystem;
    prefs: Preferences;
    storagePath: string | null;
    locale: string;
  }) {
    this.#fs = options.fs;
    this.#prefs = options.prefs;
    this.#file =
      options.storagePath === null ? undefined : path.join(options.storagePath, customDictionaryFileName);
    // ElectronBrowserContext: with no configured dictionaries, the app locale's one.
    if ((this.#prefs.get('spellcheck.dictionaries') ?? []).length === 0) {
      const defaultCode = correspondingSpellCheckLanguage(options.locale);
      if (defaultCode !== '') this.#prefs.set('spellcheck.dictionaries', [defaultCode]);
    }
    this.#load();
  }

  get enabled(): boolean {
    return this.#prefs.get('browser.enable_spellchecking') ?? true;
  }

  /** `setSpellCheckerEnabled(b)`: any value converts to a boolean (JS truthiness). */
  setEnabled(value: unknown): void {
    this.#prefs.set('browser.enable_spellchecking', Boolean(value));
  }

  get languages(): string[] {
    return [...(this.#prefs.get('spellcheck.dictionaries') ?? [])];
  }

  /** `setSpellCheckerLanguages(codes)`: every code must map to a dictionary; `[]` turns checking off. */
  setLanguages(args: ArrayLike<unknown>): void {
    if (args.length === 0) throw insufficientArguments();
    const value = args[0];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw conversionError(0, value);
    }
    const codes: string[] = [];
    for (const language of value as string[]) {
      const code = correspondingSpellCheckLanguage(language);
      if (code === '')
        throw new Error(`Invalid language code provided: "${language}" is not a valid language code`);
      codes.push(code);
    }
    this.#prefs.set('spellcheck.dictionaries', codes);
    // Electron: "Enable spellcheck if > 0 languages, disable if no languages set".
    this.#prefs.set('browser.enable_spellchecking', codes.length > 0);
  }

  /** The URL last given to `setSpellCheckerDictionaryDownloadURL`, if any. */
  get dictionaryDownloadURL(): string | undefined {
    return this.#downloadURL;
  }

  setDictionaryDownloadURL(args: ArrayLike<unknown>): void {
    const url = stringArgument(args, 0);
    if (!URL.canParse(url)) {
      throw new Error('The URL you provided to setSpellCheckerDictionaryDownloadURL is not a valid URL');
    }
    this.#downloadURL = new URL(url).href;
  }

  /** `listWordsInSpellCheckerDictionary()`: the custom words, sorted like Chromium's `std::set`. */
  words(): string[] {
    return [...this.#words].sort(compareBytes);
  }

  /** `addWordToSpellCheckerDictionary(word)`: false for in-memory sessions, invalid words and duplicates. */
  addWord(args: ArrayLike<unknown>): boolean {
    const word = stringArgument(args, 0);
    if (this.#file === undefined || !isValidWord(word) || this.#words.has(word)) return false;
    this.#words.add(word);
    this.#save();
    return true;
  }

  /** `removeWordFromSpellCheckerDictionary(word)`: false for in-memory sessions and unknown words. */
  removeWord(args: ArrayLike<unknown>): boolean {
    const word = stringArgument(args, 0);
    if (this.#file === undefined || !this.#words.delete(word)) return false;
    this.#save();
    return true;
  }

  #load(): void {
    if (this.#file === undefined || !this.#fs.existsSync(this.#file)) return;
    const text = String(this.#fs.readFileSync(this.#file, 'utf8'));
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('checksum_v1 = ')) continue;
      if (isValidWord(line)) this.#words.add(line);
    }
  }

  #save(): void {
    if (this.#file === undefined) return;
    const body = this.words()
      .map((word) => `${word}\n`)
      .join('');
    const checksum = createHash('md5').update(body).digest('hex');
    this.#fs.mkdirSync(path.dirname(this.#file), { recursive: true });
    this.#fs.writeFileSync(this.#file, `${body}checksum_v1 = ${checksum}`);
  }
}

/** Chromium's `IsValidWord`: UTF-8, non-empty, at most 99 bytes, no surrounding or inner ASCII whitespace. */
function isValidWord(word: string): boolean {
  return word !== '' && Buffer.byteLength(word) <= maxWordBytes && !/[\t\n\v\f\r ]/.test(word);
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
