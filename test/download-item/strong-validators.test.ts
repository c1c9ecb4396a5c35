import { strongValidators } from '../../src/download-item/strong-validators';

const date = 'Wed, 21 Oct 2015 08:00:00 GMT';

it('keeps both validators when the ETag is strong', () => {
  expect(
    strongValidators('1.1', [
      ['ETag', '"v1"'],
      ['Last-Modified', 'junk'],
    ]),
  ).toEqual({
    etag: '"v1"',
    lastModified: 'junk',
  });
});

it('keeps a Last-Modified at least 60 seconds older than Date', () => {
  const headers = (lastModified: string): [string, string][] => [
    ['Date', date],
    ['Last-Modified', lastModified],
  ];
  expect(strongValidators('1.1', headers('Wed, 21 Oct 2015 07:59:00 GMT'))).toEqual({
    etag: '',
    lastModified: 'Wed, 21 Oct 2015 07:59:00 GMT',
  });
  expect(strongValidators('1.1', headers('Wed, 21 Oct 2015 07:59:01 GMT'))).toEqual({
    etag: '',
    lastModified: '',
  });
});

it('drops validators that are weak, unusable or from HTTP/1.0', () => {
  expect(strongValidators('1.1', [['ETag', 'W/"v1"']])).toEqual({ etag: '', lastModified: '' });
  expect(strongValidators('1.1', [['Last-Modified', 'Wed, 21 Oct 2015 07:00:00 GMT']])).toEqual({
    etag: '',
    lastModified: '',
  });
  expect(strongValidators('1.0', [['ETag', '"v1"']])).toEqual({ etag: '', lastModified: '' });
  expect(strongValidators('2', [['ETag', '"v1"']])).toEqual({ etag: '"v1"', lastModified: '' });
});

it('takes a weak ETag with an old Last-Modified as strong through the date', () => {
  expect(
    strongValidators('1.1', [
      ['ETag', 'W/"v1"'],
      ['Date', date],
      ['Last-Modified', 'Wed, 21 Oct 2015 07:00:00 GMT'],
    ]),
  ).toEqual({ etag: 'W/"v1"', lastModified: 'Wed, 21 Oct 2015 07:00:00 GMT' });
});
