import net from 'node:net';
import { NetError } from '../../errors/net-error';
import type { ProxyHop } from '../transport';

/**
 * Reads exactly `length` bytes of the handshake in paused mode, so nothing
 * after the handshake is consumed before the HTTP client takes the socket.
 */
function readBytes(socket: net.Socket, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      socket.off('readable', attempt);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
    };
    const attempt = (): void => {
      const chunk = socket.read(length) as Buffer | null;
      if (chunk === null) return;
      cleanup();
      resolve(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      reject(new NetError('ERR_SOCKS_CONNECTION_FAILED'));
    };
    socket.on('readable', attempt);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    attempt();
  });
}

function portBytes(port: number): Buffer {
  return Buffer.from([port >> 8, port & 0xff]);
}

// SOCKS5 (RFC 1928), no authentication, the host name sent as is (remote DNS, as Chromium does).
async function socks5(socket: net.Socket, host: string, port: number): Promise<void> {
  socket.write(Buffer.from([5, 1, 0]));
  const greeting = await readBytes(socket, 2);
  if (greeting[0] !== 5 || greeting[1] !== 0) throw new NetError('ERR_SOCKS_CONNECTION_FAILED');
  const kind = net.isIP(host);
  const address =
    kind === 4
      ? Buffer.from([1, ...host.split('.').map(Number)])
      : kind === 6
        ? Buffer.concat([Buffer.from([4]), ipv6Bytes(host)])
        : Buffer.concat([Buffer.from([3, Buffer.byteLength(host)]), Buffer.from(host)]);
  socket.write(Buffer.concat([Buffer.from([5, 1, 0]), address, portBytes(port)]));
  const head = await readBytes(socket, 4);
  if (head[1] !== 0)
    throw new NetError(head[1] === 4 ? 'ERR_NAME_NOT_RESOLVED' : 'ERR_SOCKS_CONNECTION_FAILED');
  const type = head[3];
  const rest = type === 1 ? 4 : type === 4 ? 16 : ((await readBytes(socket, 1))[0] ?? 0);
  await readBytes(socket, rest + 2);
}

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

// SOCKS4: Chromium resolves the name itself and sends an IPv4 address.
async function socks4(socket: net.Socket, address: string, port: number): Promise<void> {
  if (net.isIP(address) !== 4) throw new NetError('ERR_SOCKS_CONNECTION_FAILED');
  socket.write(Buffer.from([4, 1, ...portBytes(port), ...address.split('.').map(Number), 0]));
  const reply = await readBytes(socket, 8);
  if (reply[1] !== 0x5a) throw new NetError('ERR_SOCKS_CONNECTION_FAILED');
}

/**
 * Opens a connection to `target` through a SOCKS4 or SOCKS5 proxy (Chromium
 * `SOCKSClientSocket` / `SOCKS5ClientSocket`). An unreachable proxy is
 * ERR_PROXY_CONNECTION_FAILED; a refused handshake ERR_SOCKS_CONNECTION_FAILED.
 */
export async function openSocks(
  proxy: ProxyHop,
  target: { host: string; port: number },
  resolve: (host: string) => Promise<string>,
  signal: AbortSignal,
): Promise<net.Socket> {
  const socket = net.connect(proxy.port, proxy.host);
  const abort = (): void => {
    socket.destroy();
  };
  signal.addEventListener('abort', abort, { once: true });
  try {
    await new Promise<void>((ok, fail) => {
      socket.once('connect', ok);
      socket.once('error', (error) => fail(new NetError('ERR_PROXY_CONNECTION_FAILED', { cause: error })));
    });
    if (proxy.scheme === 'socks5') await socks5(socket, target.host, target.port);
    else await socks4(socket, await resolve(target.host), target.port);
    return socket;
  } catch (error) {
    socket.destroy();
    throw error;
  } finally {
    signal.removeEventListener('abort', abort);
  }
}
