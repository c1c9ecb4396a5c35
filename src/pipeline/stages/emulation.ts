import { NetError } from '../../errors/net-error';
import { stage } from './stage';

/**
 * Network emulation (`enableNetworkEmulation`): offline fails with
 * ERR_INTERNET_DISCONNECTED; latency delays the request on the session's clock
 * (Chromium `ThrottlingNetworkTransaction`). Throughput shaping applies to the
 * body and is added by the emulation issue.
 */
export const emulation = stage('network emulation', async (exchange) => {
  const conditions = exchange.session.emulation;
  if (conditions === undefined || exchange.handler !== undefined) return;
  if (conditions.offline === true) throw new NetError('ERR_INTERNET_DISCONNECTED');
  const latency = conditions.latency ?? 0;
  if (latency <= 0) return;
  const { clock } = exchange.session.runtime;
  await new Promise<void>((resolve, reject) => {
    const handle = clock.setTimeout(resolve, latency);
    exchange.signal.addEventListener(
      'abort',
      () => {
        clock.clearTimeout(handle);
        reject(exchange.signal.reason as Error);
      },
      { once: true },
    );
  });
});
