import type {
  CallbackResponse,
  OnBeforeRequestListenerDetails,
  WebRequest as ElectronWebRequest,
  WebRequestFilter,
} from 'electron';
import { WebRequest } from '../../src/web-request/web-request';

// Compiled by `tsc --noEmit -p .`: the fake must be usable wherever app code expects Electron's type.
const asElectron: ElectronWebRequest = new WebRequest();

it('is structurally an Electron.WebRequest and accepts Electron-typed filters and listeners', () => {
  const filter: WebRequestFilter = { urls: ['https://*.app.test/*'], types: ['xhr'] };
  const listener = (
    details: OnBeforeRequestListenerDetails,
    callback: (response: CallbackResponse) => void,
  ): void => {
    callback({ cancel: details.url.endsWith('/blocked') });
  };
  asElectron.onBeforeRequest(filter, listener);
  asElectron.onCompleted(null);
  expect(new WebRequest().listenerFor('onBeforeRequest', 'https://www.app.test/', 'xhr')).toBeUndefined();
});
