import {
  isV8Object,
  requestHeadersFromListener,
  responseHeadersForDetails,
  responseHeadersFromListener,
} from '../../src/web-request/headers';

describe('requestHeadersFromListener', () => {
  it('replaces the whole set with the listener’s headers', () => {
    expect(requestHeadersFromListener({ Test: 'header' })).toEqual([['Test', 'header']]);
    expect(requestHeadersFromListener({})).toEqual([]);
  });

  it('keeps only string values and silently drops arrays and other values', () => {
    expect(
      requestHeadersFromListener({ A: 'a', B: ['b1', 'b2'], C: 3, D: null, E: undefined, F: true }),
    ).toEqual([['A', 'a']]);
  });

  it('drops invalid names and values without failing (Electron spec "does not crash on invalid header name or value")', () => {
    expect(
      requestHeadersFromListener({
        'Invalid Header': 'valid-value',
        'Valid-Header': 'invalid\r\nvalue',
        'X-Good': 'good-value',
        'Bad:Name': 'x',
        'Nul-Value': 'a\0b',
        Ünicode: 'x',
        '': 'empty name',
      }),
    ).toEqual([['X-Good', 'good-value']]);
  });

  it('keeps names such as Foo.Bar that are HTTP tokens', () => {
    expect(requestHeadersFromListener({ 'Foo.Bar': 'baz', "x!#$%&'*+-.^_`|~": '1' })).toHaveLength(2);
  });

  it('lists headers in byte order of their names, as Electron’s dictionary sorts them', () => {
    expect(
      requestHeadersFromListener({ b: '1', Accept: '2', a: '3', 'User-Agent': '4' }).map(([name]) => name),
    ).toEqual(['Accept', 'User-Agent', 'a', 'b']);
  });

  it('names equal but for case become one header: the first name in byte order with the last value', () => {
    expect(requestHeadersFromListener({ accept: 'lower', Accept: 'upper' })).toEqual([['Accept', 'lower']]);
  });

  it('an array or a function is not a dictionary and empties the set', () => {
    expect(requestHeadersFromListener(['A: 1'])).toEqual([]);
    expect(requestHeadersFromListener(Object.assign(() => {}, { A: '1' }))).toEqual([]);
  });

  it('reads own enumerable properties only and skips a getter that throws', () => {
    const headers = Object.create({ Inherited: 'x' }) as Record<string, string>;
    Object.defineProperty(headers, 'Hidden', { value: 'x', enumerable: false });
    Object.defineProperty(headers, 'Broken', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    headers['Own'] = 'y';
    expect(requestHeadersFromListener(headers)).toEqual([['Own', 'y']]);
  });
});

describe('responseHeadersFromListener', () => {
  it('replaces all headers, an array value becoming repeated headers', () => {
    expect(responseHeadersFromListener({ 'Set-Cookie': ['a=1', 'b=2'], Custom: 'Changed' })).toEqual([
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
      ['Custom', 'Changed'],
    ]);
  });

  it('converts non-strings with JavaScript’s ToString', () => {
    expect(
      responseHeadersFromListener({
        N: 42,
        B: false,
        Z: null,
        U: undefined,
        O: { toString: () => 'custom' },
        L: [1, null],
      }),
    ).toEqual([
      ['N', '42'],
      ['B', 'false'],
      ['Z', 'null'],
      ['U', 'undefined'],
      ['O', 'custom'],
      ['L', '1'],
      ['L', 'null'],
    ]);
  });

  it('keeps the object’s property order', () => {
    expect(responseHeadersFromListener({ b: '1', a: '2' }).map(([name]) => name)).toEqual(['b', 'a']);
  });

  it('stops at the first invalid name or value and keeps what came before (electron/electron#52483)', () => {
    expect(
      responseHeadersFromListener({
        'X-Before': '1',
        'X-Bad': ['ok', 'evil\r\nInjected: 1'],
        'X-After': '2',
      }),
    ).toEqual([
      ['X-Before', '1'],
      ['X-Bad', 'ok'],
    ]);
    expect(responseHeadersFromListener({ A: '1', 'Bad Name': '2', C: '3' })).toEqual([['A', '1']]);
  });

  it('stops when a value cannot be converted to a string', () => {
    expect(responseHeadersFromListener({ A: '1', S: Symbol('s'), C: '3' })).toEqual([['A', '1']]);
  });

  it('index-like names stop the conversion, as V8 hands them over as numbers', () => {
    expect(responseHeadersFromListener({ A: '1', 123: 'x' })).toEqual([]);
  });

  it('trims spaces and tabs around values, as Chromium re-parses the headers', () => {
    expect(responseHeadersFromListener({ A: '  a b\t' })).toEqual([['A', 'a b']]);
  });

  it('an empty array adds no header', () => {
    expect(responseHeadersFromListener({ A: [], B: 'b' })).toEqual([['B', 'b']]);
  });
});

describe('responseHeadersForDetails', () => {
  it('groups repeated headers under their original name', () => {
    expect(
      responseHeadersForDetails([
        ['Custom', 'Header'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ]),
    ).toEqual({ Custom: ['Header'], 'Set-Cookie': ['a=1', 'b=2'] });
  });

  it('keeps names that differ only in case apart', () => {
    expect(
      responseHeadersForDetails([
        ['x-a', '1'],
        ['X-A', '2'],
      ]),
    ).toEqual({ 'X-A': ['2'], 'x-a': ['1'] });
  });

  it('lists names in byte order', () => {
    expect(
      Object.keys(
        responseHeadersForDetails([
          ['date', '1'],
          ['Content-Type', '2'],
          ['X-Powered-By', '3'],
          ['content-length', '4'],
        ]),
      ),
    ).toEqual(['Content-Type', 'X-Powered-By', 'content-length', 'date']);
  });

  it('a header named __proto__ is an ordinary key', () => {
    const record = responseHeadersForDetails([['__proto__', 'x']]);
    expect(Object.keys(record)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });
});

it('isV8Object tells which callback values replace headers: objects, arrays and functions', () => {
  expect([{}, [], () => {}].every(isV8Object)).toBe(true);
  expect([null, undefined, 'x', 1, true].some(isV8Object)).toBe(false);
});
