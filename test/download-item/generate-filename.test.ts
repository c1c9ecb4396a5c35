import { generateFileName } from '../../src/download-item/generate-filename';

const name = (url: string, contentDisposition: string, mimeType: string): string =>
  generateFileName({ url, contentDisposition, suggestedName: '', mimeType, defaultName: 'download' });

it.each([
  // Content-Disposition, as given: no extension added.
  ['http://h/', 'inline; filename="mock.pdf"', 'application/pdf', 'mock.pdf'],
  ['http://h/x.bin', 'attachment; filename=README', 'application/pdf', 'README'],
  ['http://h/', 'attachment; filename="a b.txt"', 'text/plain', 'a b.txt'],
  ['http://h/', "attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf", 'application/pdf', '€ rates.pdf'],
  ['http://h/', 'attachment; filename="plain.pdf"; filename*=UTF-8\'\'%C3%A9t%C3%A9.pdf', '', 'été.pdf'],
  ['http://h/', "attachment; filename*=iso-8859-1'en'%A3%20rates.txt", '', '£ rates.txt'],
  ['http://h/', 'attachment; filename="=?UTF-8?B?w6l0w6kucGRm?="', '', 'été.pdf'],
  ['http://h/', 'attachment; filename="%C3%A9t%C3%A9.pdf"', '', 'été.pdf'],
  ['http://h/', 'filename=no-type.pdf', '', 'no-type.pdf'],
  ['http://h/', 'attachment; filename="../../etc/passwd"', '', '_.._etc_passwd'],
  ['http://h/', 'attachment; filename="a:b*c?.txt"', '', 'a_b_c_.txt'],
  // The URL's last segment, percent-decoded; the MIME type adds a missing extension.
  ['http://h/?testFilename', 'inline', 'application/pdf', 'download.pdf'],
  ['http://h/', '', 'application/pdf', 'download.pdf'],
  ['http://h/files/r%C3%A9sum%C3%A9.txt', '', 'text/plain', 'résumé.txt'],
  ['http://h/docs/readme', '', 'text/plain', 'readme.txt'],
  ['http://h/logo.png', '', 'image/png', 'logo.png'],
  ['http://h/photo.jpg', '', 'image/jpeg', 'photo.jpg'],
  ['http://h/backup.tar.gz', '', 'application/gzip', 'backup.tar.gz'],
  ['http://h/data', '', 'application/octet-stream', 'data'],
  ['http://h/data', '', 'application/x-unknown', 'data'],
  // A query marks a generator: the MIME type decides the extension.
  ['http://h/get.php?id=1', '', 'image/png', 'get.png'],
  ['http://h/get.php?', '', 'image/png', 'get.png'],
  ['http://h/get.php', '', 'image/png', 'get.php'],
  // Sanitising, then the fallback name.
  ['http://h/.hidden.txt', '', 'text/plain', 'hidden.txt'],
  ['http://h/---', '', 'text/plain', 'download.txt'],
  ['http://h/', '', '', 'download'],
  ['data:text/plain,hello', '', 'text/plain', 'download.txt'],
  ['file:///tmp/report.pdf', '', 'application/pdf', 'report.pdf'],
  ['custom-dl://item', '', '', 'item'],
])('names %s with Content-Disposition %j and type %j: %s', (url, contentDisposition, mimeType, expected) => {
  expect(name(url, contentDisposition, mimeType)).toBe(expected);
});

it('prefers the suggested name to the URL but not to Content-Disposition', () => {
  const base = { url: 'http://h/file.bin', mimeType: '', defaultName: 'download' };
  expect(generateFileName({ ...base, contentDisposition: '', suggestedName: 'chosen.txt' })).toBe(
    'chosen.txt',
  );
  expect(
    generateFileName({ ...base, contentDisposition: 'attachment; filename=cd.txt', suggestedName: 'x' }),
  ).toBe('cd.txt');
});

it('ignores a filename* that is not a valid RFC 5987 value', () => {
  expect(name('http://h/f.pdf', `attachment; filename*="UTF-8''quoted.pdf"`, '')).toBe('f.pdf');
  expect(name('http://h/f.pdf', 'attachment; filename*=nolanguage.pdf', '')).toBe('f.pdf');
  expect(name('http://h/f.pdf', `attachment; filename*=unknown-charset''x.pdf`, '')).toBe('f.pdf');
});
