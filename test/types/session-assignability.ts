// Compiled by `npm run typecheck` (tsc), never run: proves the fake's objects
// can stand where app code expects electron@45's own types.
import type { EventEmitter } from 'node:events';
import { createElectronFake, type DownloadItem } from '../../src/index';

const electron = createElectronFake();
const ses = electron.session.defaultSession;

/**
 * Every member of Electron.Session except `protocol` (checked below without the
 * module-only registerSchemesAsPrivileged) and the EventEmitter methods, whose
 * polymorphic `this` return brings the whole Session back in (the `emitter`
 * line below checks those).
 */
type SessionWithoutPendingMembers = Omit<Electron.Session, 'protocol' | keyof NodeJS.EventEmitter>;

export const session: SessionWithoutPendingMembers = ses;
export const emitter: EventEmitter = ses;
export const fromPartition: (
  partition: string,
  options?: Electron.FromPartitionOptions,
) => SessionWithoutPendingMembers = electron.session.fromPartition.bind(electron.session);
export const fromPath: (path: string, options?: Electron.FromPathOptions) => SessionWithoutPendingMembers =
  electron.session.fromPath.bind(electron.session);
export const defaultSession: SessionWithoutPendingMembers = electron.session.defaultSession;
export const extensions: Electron.Extensions = ses.extensions;
export const netLog: Electron.NetLog = ses.netLog;
export const serviceWorkers: Electron.ServiceWorkers = ses.serviceWorkers;

export const getPath: Electron.App['getPath'] = electron.app.getPath.bind(electron.app);
export const setPath: Electron.App['setPath'] = electron.app.setPath.bind(electron.app);
export const whenReady: Electron.App['whenReady'] = electron.app.whenReady.bind(electron.app);
export const isReady: Electron.App['isReady'] = electron.app.isReady.bind(electron.app);
export const getName: Electron.App['getName'] = electron.app.getName.bind(electron.app);
export const getVersion: Electron.App['getVersion'] = electron.app.getVersion.bind(electron.app);

export const showSaveDialog: (
  options: Electron.SaveDialogOptions,
) => Promise<Electron.SaveDialogReturnValue> = electron.dialog.showSaveDialog.bind(electron.dialog);
export const showMessageBox: (
  options: Electron.MessageBoxOptions,
) => Promise<Electron.MessageBoxReturnValue> = electron.dialog.showMessageBox.bind(electron.dialog);

export const webRequest: Electron.WebRequest = ses.webRequest;

// A session's protocol object has no registerSchemesAsPrivileged at runtime in
// Electron either (only the module does), though the .d.ts shares one interface.
export const sessionProtocol: Omit<Electron.Protocol, 'registerSchemesAsPrivileged'> = ses.protocol;
export const protocolModule: Electron.Protocol = electron.protocol;
export const cookies: Electron.Cookies = ses.cookies;
export const netRequest: (
  options: Electron.ClientRequestConstructorOptions | string,
) => Electron.ClientRequest = electron.net.request.bind(electron.net);
export const netFetch: Electron.Net['fetch'] = electron.net.fetch.bind(electron.net);

// Handed out by 'will-download' only; every member, events included, is Electron's.
declare const item: DownloadItem;
export const downloadItem: Electron.DownloadItem = item;
