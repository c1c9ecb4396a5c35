import { createElectronFake } from '../../src';
import { BufferedBody, type HeaderList, type Transport } from '../../src/transports/transport';

/** A fake whose network answers every request with these raw headers, unchecked by any Fetch API. */
function answering(status: number, statusText: string, headers: HeaderList, body: string) {
  const transport: Transport = {
    name: 'raw',
    dispatch: () =>
      Promise.resolve({
        status,
        statusText,
        httpVersion: '1.1',
        headers,
        body: new BufferedBody(Buffer.from(body)),
      }),
    close: () => Promise.resolve(),
  };
  return createElectronFake({ transport }).net;
}

it('fetch keeps the headers the Fetch API accepts and drops only the ones it refuses', async () => {
  const net = answering(
    200,
    'OK',
    [
      ['X-Kept', 'yes'],
      ['Bad Name', 'refused by Headers'],
      ['Set-Cookie', 'a=1'],
      ['X-Also-Kept', '2'],
    ],
    'body',
  );
  const response = await net.fetch('http://api.test/');
  expect([...response.headers]).toEqual([
    ['set-cookie', 'a=1'],
    ['x-also-kept', '2'],
    ['x-kept', 'yes'],
  ]);
  expect(await response.text()).toBe('body');
});

it('fetch hands on every header of an ordinary response, in the Fetch API’s order', async () => {
  const net = answering(
    201,
    'Created',
    [
      ['Content-Type', 'application/json'],
      ['X-Two', 'a'],
      ['X-Two', 'b'],
    ],
    '{}',
  );
  const response = await net.fetch('http://api.test/');
  expect([response.status, response.statusText]).toEqual([201, 'Created']);
  expect([...response.headers]).toEqual([
    ['content-type', 'application/json'],
    ['x-two', 'a, b'],
  ]);
});
