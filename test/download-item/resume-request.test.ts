import { resumeRequestHeaders } from '../../src/download-item/resume-request';

const requestHeaders: [string, string][] = [['Authorization', 'Basic abc']];

it('asks for the rest of the file, validated by the ETag, with no content coding', () => {
  expect(resumeRequestHeaders({ offset: 100, etag: '"v1"', lastModified: 'Mon', requestHeaders })).toEqual([
    ['Range', 'bytes=100-'],
    ['If-Range', '"v1"'],
    ['Authorization', 'Basic abc'],
    ['Accept-Encoding', 'identity'],
  ]);
});

it('validates with Last-Modified when there is no ETag', () => {
  expect(resumeRequestHeaders({ offset: 5, etag: '', lastModified: 'Mon', requestHeaders: [] })).toEqual([
    ['Range', 'bytes=5-'],
    ['If-Range', 'Mon'],
    ['Accept-Encoding', 'identity'],
  ]);
});

it('sends no range without a validator or without bytes to continue from', () => {
  expect(resumeRequestHeaders({ offset: 100, etag: '', lastModified: '', requestHeaders })).toEqual([
    ['Authorization', 'Basic abc'],
    ['Accept-Encoding', 'identity'],
  ]);
  expect(resumeRequestHeaders({ offset: 0, etag: '"v1"', lastModified: '', requestHeaders: [] })).toEqual([
    ['Accept-Encoding', 'identity'],
  ]);
});

it('lets an Accept-Encoding the download was started with stand', () => {
  expect(
    resumeRequestHeaders({
      offset: 0,
      etag: '',
      lastModified: '',
      requestHeaders: [['accept-encoding', 'gzip']],
    }),
  ).toEqual([['accept-encoding', 'gzip']]);
});
