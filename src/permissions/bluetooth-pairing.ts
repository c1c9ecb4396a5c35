import type { SessionInternals } from '../session/session-internals';
import { decisionLogOf } from '../decisions/decision-log';

export interface BluetoothPairingRequest {
  readonly deviceId: string;
  readonly pairingKind: 'confirm' | 'confirmPin' | 'providePin';
  readonly pin?: string;
}

export interface BluetoothPairingResponse {
  readonly confirmed: boolean;
  readonly pin?: string | null;
}

/**
 * `ElectronPermissionManager::CheckBluetoothDevicePair` (Windows and Linux):
 * the handler gets `{ deviceId, pairingKind, frame, pin? }` and a callback;
 * without one, pairing that needs validation is cancelled (`{ confirmed: false }`).
 * The fake has no `WebFrameMain`, so `frame` is null.
 */
export function requestBluetoothPairing(
  internals: SessionInternals,
  webContentsId: number,
  request: BluetoothPairingRequest,
): Promise<BluetoothPairingResponse> {
  const handler = internals.bluetoothPairingHandler;
  const details = { ...request, frame: null };
  const record = (
    response: BluetoothPairingResponse,
    madeBy: 'handler' | 'default',
  ): BluetoothPairingResponse => {
    decisionLogOf(internals.runtime).record({
      kind: 'bluetooth-pairing',
      partition: internals.partition,
      webContentsId,
      deviceId: request.deviceId,
      decision: response.confirmed ? 'granted' : 'denied',
      madeBy,
      details: {
        pairingKind: request.pairingKind,
        ...(request.pin === undefined ? {} : { pin: request.pin }),
      },
    });
    return response;
  };
  if (handler === null) return Promise.resolve(record({ confirmed: false }, 'default'));
  return new Promise((resolve, reject) => {
    let answered = false;
    const callback = (response?: unknown): void => {
      if (answered) return;
      answered = true;
      const value = (typeof response === 'object' && response !== null ? response : {}) as Record<
        string,
        unknown
      >;
      const pin = value['pin'];
      resolve(
        record(
          {
            confirmed: Boolean(value['confirmed']),
            ...(typeof pin === 'string' || pin === null ? { pin } : {}),
          },
          'handler',
        ),
      );
    };
    try {
      (handler as (details: unknown, callback: unknown) => unknown)(details, callback);
    } catch (error) {
      reject(error);
    }
  });
}
