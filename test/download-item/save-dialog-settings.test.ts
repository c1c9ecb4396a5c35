import { saveDialogOptionsOf, toSaveDialogSettings } from '../../src/dialog/save-dialog-settings';
import { fullSaveDialogOptions } from './download-helpers';

it('round-trips a full set of save dialog options', () => {
  const options = fullSaveDialogOptions;
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
