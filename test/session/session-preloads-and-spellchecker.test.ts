import { createElectronFake } from '../../src/create-electron-fake';

it('registers, lists and unregisters preload scripts per session', () => {
  const { session } = createElectronFake();
  const ses = session.fromPartition('preloads');
  const id = ses.registerPreloadScript({ type: 'frame', filePath: '/app/preload.js' });
  expect(ses.getPreloadScripts()).toEqual([{ filePath: '/app/preload.js', id, type: 'frame' }]);
  expect(session.defaultSession.getPreloadScripts()).toEqual([]);
  ses.unregisterPreloadScript(id);
  expect(ses.getPreloadScripts()).toEqual([]);
  expect(() => ses.unregisterPreloadScript(id)).toThrow(
    `Cannot unregister preload script with non-existing ID '${id}'`,
  );
});

it('warns once per fake about the deprecated setPreloads, like Electron', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const ses = createElectronFake().session.defaultSession;
  ses.setPreloads(['/a.js']);
  ses.setPreloads(['/b.js']);
  expect(ses.getPreloads()).toEqual(['/b.js']);
  expect(warn.mock.calls.map(([message]) => message as string)).toEqual([
    "(electron) 'session.setPreloads' is deprecated and will be removed. Please use 'session.registerPreloadScript' instead.",
    "(electron) 'session.getPreloads' is deprecated and will be removed. Please use 'session.getPreloadScripts' instead.",
  ]);
  warn.mockRestore();
});

it('exposes spellchecker state through methods and the spellCheckerEnabled property', () => {
  const ses = createElectronFake().session.defaultSession;
  expect(ses.isSpellCheckerEnabled()).toBe(true);
  ses.spellCheckerEnabled = false;
  expect(ses.isSpellCheckerEnabled()).toBe(false);
  ses.setSpellCheckerEnabled(true);
  expect(ses.spellCheckerEnabled).toBe(true);
  expect(ses.getSpellCheckerLanguages()).toEqual(['en-US']);
  ses.setSpellCheckerLanguages(['fr', 'de-DE']);
  expect(ses.getSpellCheckerLanguages()).toEqual(['fr', 'de-DE']);
  expect(ses.availableSpellCheckerLanguages).toContain('fr');
  expect(() => ses.setSpellCheckerLanguages(['zz'])).toThrow(
    'Invalid language code provided: "zz" is not a valid language code',
  );
  expect(() => ses.setSpellCheckerDictionaryDownloadURL('::')).toThrow(
    'The URL you provided to setSpellCheckerDictionaryDownloadURL is not a valid URL',
  );
});

it('keeps custom dictionary words for persistent sessions only', async () => {
  const { session } = createElectronFake();
  const memory = session.fromPartition('words');
  expect(memory.addWordToSpellCheckerDictionary('electron')).toBe(false);
  await expect(memory.listWordsInSpellCheckerDictionary()).resolves.toEqual([]);
  const disk = session.fromPartition('persist:words');
  expect(disk.addWordToSpellCheckerDictionary('electron')).toBe(true);
  expect(disk.addWordToSpellCheckerDictionary('electron')).toBe(false);
  await expect(disk.listWordsInSpellCheckerDictionary()).resolves.toEqual(['electron']);
  expect(disk.removeWordFromSpellCheckerDictionary('electron')).toBe(true);
  await expect(disk.listWordsInSpellCheckerDictionary()).resolves.toEqual([]);
});
