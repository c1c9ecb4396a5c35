import {
  extensionOf,
  insertBeforeExtension,
  replaceExtension,
} from '../../src/download-item/file-name-parts';

it('keeps a short extension in front of a compression suffix', () => {
  expect(extensionOf('backup.tar.gz')).toBe('.tar.gz');
  expect(extensionOf('photo.jpeg.gz')).toBe('.jpeg.gz');
  expect(extensionOf('notes.draft.gz')).toBe('.gz');
  expect(extensionOf('script.user.js')).toBe('.user.js');
  expect(extensionOf('report.pdf')).toBe('.pdf');
  expect(extensionOf('README')).toBe('');
});

it('replaces and inserts around the whole extension', () => {
  expect(replaceExtension('get.php', 'png')).toBe('get.png');
  expect(replaceExtension('download', 'pdf')).toBe('download.pdf');
  expect(insertBeforeExtension('backup.tar.gz', ' (1)')).toBe('backup (1).tar.gz');
  expect(insertBeforeExtension('README', ' (2)')).toBe('README (2)');
});
