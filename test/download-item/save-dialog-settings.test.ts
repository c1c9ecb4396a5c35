import { saveDialogOptionsOf, toSaveDialogSettings } from '../../src/dialog/save-dialog-settings';

it('round-trips a full set of save dialog options', () => {
  const options = {
    window: null,
    title: 'title',
    message: 'message',
    buttonLabel: 'buttonLabel',
    nameFieldLabel: 'nameFieldLabel',
    defaultPath: '/',
    filters: [
      { name: '1', extensions: ['.1', '.2'] },
      { name: '2', extensions: ['.3', '.4', '.5'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    showsTagField: false,
    securityScopedBookmarks: true,
  };
  expect(saveDialogOptionsOf(toSaveDialogSettings(options))).toEqual(options);
});

it('fills in what was left out as Electron converts it', () => {
  expect(
    saveDialogOptionsOf(toSaveDialogSettings({ title: 'Save', properties: ['bogus', 'dontAddToRecent'] })),
  ).toEqual({
    window: null,
    title: 'Save',
    message: '',
    buttonLabel: '',
    nameFieldLabel: '',
    defaultPath: '',
    filters: [],
    properties: ['dontAddToRecent'],
    showsTagField: false,
    securityScopedBookmarks: false,
  });
});

it('drops members of the wrong type and filters with a bad entry', () => {
  const settings = toSaveDialogSettings({
    title: 42,
    filters: [{ name: 'ok', extensions: ['a'] }, { name: 'bad' }],
    showsTagField: 'yes',
  });
  expect(settings).toMatchObject({ title: '', filters: [], showsTagField: true });
});
