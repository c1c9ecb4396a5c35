import { parseStatusLine } from '../../src/web-request/headers';

it('parses a well-formed status line', () => {
  expect(parseStatusLine('HTTP/1.1 404 Not Found')).toEqual({
    httpVersion: '1.1',
    statusCode: 404,
    statusMessage: 'Not Found',
    statusLine: 'HTTP/1.1 404 Not Found',
  });
});

it.each([
  ['HTTP/2.0 200 OK', '2.0', 'HTTP/2.0 200 OK'],
  ['HTTP/1.0 200 OK', '1.0', 'HTTP/1.0 200 OK'],
  ['http/1.1 201 Created', '1.1', 'HTTP/1.1 201 Created'],
  ['HTTP/3.0 200 OK', '1.1', 'HTTP/1.1 200 OK'],
  ['HTTP/1.9 200 OK', '1.1', 'HTTP/1.1 200 OK'],
  ['HTTP/2 200 OK', '1.0', 'HTTP/1.0 200 OK'],
  ['HTTP 200 OK', '1.0', 'HTTP/1.0 200 OK'],
  ['ICY 200 OK', '1.0', 'HTTP/1.0 200 OK'],
])('clamps the version like Chromium: %s → HTTP/%s', (line, httpVersion, statusLine) => {
  expect(parseStatusLine(line)).toMatchObject({ httpVersion, statusLine });
});

it('a malformed status line is never rejected: a missing code becomes 200', () => {
  expect(parseStatusLine('garbage')).toEqual({
    httpVersion: '1.0',
    statusCode: 200,
    statusMessage: 'OK',
    statusLine: 'HTTP/1.0 200 OK',
  });
  expect(parseStatusLine('HTTP/1.1')).toMatchObject({
    statusCode: 200,
    statusMessage: 'OK',
    statusLine: 'HTTP/1.1 200 OK',
  });
  expect(parseStatusLine('HTTP/1.1 abc')).toMatchObject({
    statusCode: 200,
    statusMessage: '',
    statusLine: 'HTTP/1.1 200',
  });
});

it('a code without a reason keeps an empty message', () => {
  expect(parseStatusLine('HTTP/1.1 204')).toMatchObject({
    statusCode: 204,
    statusMessage: '',
    statusLine: 'HTTP/1.1 204',
  });
});

it('spaces around the code and the reason are collapsed, spaces inside the reason kept', () => {
  expect(parseStatusLine('HTTP/1.1   404   Not  Found  ')).toMatchObject({
    statusCode: 404,
    statusMessage: 'Not  Found',
    statusLine: 'HTTP/1.1 404 Not  Found',
  });
});

it('the code keeps its digits as written in the line but is read as a number', () => {
  expect(parseStatusLine('HTTP/1.1 0404 Gone')).toMatchObject({
    statusCode: 404,
    statusLine: 'HTTP/1.1 0404 Gone',
  });
  expect(parseStatusLine('HTTP/1.1 99999999999 Big')).toMatchObject({ statusCode: 2147483647 });
  expect(parseStatusLine('HTTP/1.1 404x Odd')).toMatchObject({ statusCode: 404, statusMessage: 'x Odd' });
});

it('HTTP/0.9 survives only on a response without headers', () => {
  expect(parseStatusLine('HTTP/0.9 200 OK')).toMatchObject({ httpVersion: '0.9' });
  expect(parseStatusLine('HTTP/0.9 200 OK', true)).toMatchObject({
    httpVersion: '1.0',
    statusLine: 'HTTP/1.0 200 OK',
  });
});

it('an embedded NUL, on which Chromium aborts, gives undefined', () => {
  expect(parseStatusLine('HTTP/1.1 200\0 OK')).toBeUndefined();
});
