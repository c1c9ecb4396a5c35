/**
 * The listener and callback shapes of Electron 45's `WebRequest`
 * (electron.d.ts `On…ListenerDetails`, `CallbackResponse`, …), restated so the
 * fake does not depend on the `electron` package's types.
 */

export type DetailsResourceType =
  | 'mainFrame'
  | 'subFrame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xhr'
  | 'ping'
  | 'cspReport'
  | 'media'
  | 'webSocket'
  | 'other';

export interface UploadData {
  bytes: Buffer;
  file?: string;
  blobUUID?: string;
}

interface CommonDetails {
  id: number;
  url: string;
  method: string;
  webContentsId?: number;
  // Electron's WebContents and WebFrameMain; `any` keeps these details assignable to Electron's own types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  webContents?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  frame?: any;
  initiatorOrigin?: string;
  resourceType: DetailsResourceType;
  referrer: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
}

interface ResponseDetails {
  responseHeaders?: Record<string, string[]>;
  fromCache: boolean;
  statusCode: number;
  statusLine: string;
}

export interface OnBeforeRequestListenerDetails extends CommonDetails {
  /** Typed as always present (as in electron.d.ts) but absent for requests without a body. */
  uploadData: UploadData[];
}

export interface OnBeforeSendHeadersListenerDetails extends CommonDetails {
  uploadData?: UploadData[];
  requestHeaders: Record<string, string>;
}

export interface OnSendHeadersListenerDetails extends CommonDetails {
  requestHeaders: Record<string, string>;
}

export interface OnHeadersReceivedListenerDetails extends CommonDetails {
  statusLine: string;
  statusCode: number;
  responseHeaders?: Record<string, string[]>;
}

export type OnResponseStartedListenerDetails = CommonDetails & ResponseDetails;

export interface OnBeforeRedirectListenerDetails extends CommonDetails, ResponseDetails {
  redirectURL: string;
  ip?: string;
}

export interface OnCompletedListenerDetails extends CommonDetails, ResponseDetails {
  error: string;
}

export interface OnErrorOccurredListenerDetails extends CommonDetails {
  fromCache: boolean;
  error: string;
}

export interface CallbackResponse {
  cancel?: boolean;
  redirectURL?: string;
}

export interface BeforeSendResponse {
  cancel?: boolean;
  requestHeaders?: Record<string, string | string[]>;
}

export interface HeadersReceivedResponse {
  cancel?: boolean;
  responseHeaders?: Record<string, string | string[]>;
  statusLine?: string;
}

export type OnBeforeRequestListener = (
  details: OnBeforeRequestListenerDetails,
  callback: (response: CallbackResponse) => void,
) => void;
export type OnBeforeSendHeadersListener = (
  details: OnBeforeSendHeadersListenerDetails,
  callback: (beforeSendResponse: BeforeSendResponse) => void,
) => void;
export type OnSendHeadersListener = (details: OnSendHeadersListenerDetails) => void;
export type OnHeadersReceivedListener = (
  details: OnHeadersReceivedListenerDetails,
  callback: (headersReceivedResponse: HeadersReceivedResponse) => void,
) => void;
export type OnResponseStartedListener = (details: OnResponseStartedListenerDetails) => void;
export type OnBeforeRedirectListener = (details: OnBeforeRedirectListenerDetails) => void;
export type OnCompletedListener = (details: OnCompletedListenerDetails) => void;
export type OnErrorOccurredListener = (details: OnErrorOccurredListenerDetails) => void;
