import { validateHeaderName, validateHeaderValue } from 'node:http';
import { nowInSeconds, type Clock } from '../clock/clock';
import { HarnessError } from '../errors/harness-error';
import { conversionError, insufficientArguments, isDictionary, stringArgument } from './gin-arguments';
import type { InterruptedDownloadOptions } from './session-internals';

/**
 * `ses.downloadURL(url[, options])` argument handling: `url` must be a string;
 * when `options` is an object that has `headers`, they must be an object of
 * string values, else `TypeError: Invalid value for headers - must be an object`.
 * A name or value HTTP cannot carry throws `INVALID_OPTION` at the call: Electron
 * would start a download whose request can never be sent.
 */
export function parseDownloadURL(args: ArrayLike<unknown>): { url: string; headers: Record<string, string> } {
  const url = stringArgument(args, 0);
  const headers: Record<string, string> = {};
  const options = args[1];
  if (isDictionary(options) && 'headers' in options) {
    const value = options['headers'];
    if (!isDictionary(value)) throw new TypeError('Invalid value for headers - must be an object');
    for (const name of Object.getOwnPropertyNames(value)) {
      const header = value[name];
      if (typeof header !== 'string') throw new TypeError('Invalid value for headers - must be an object');
      checkHeader(name, header);
      headers[name] = header;
    }
  }
  return { url, headers };
}

function checkHeader(name: string, value: string): void {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
  } catch (error) {
    throw new HarnessError(
      'INVALID_OPTION',
      `Failed to start the download: header ${JSON.stringify(name)} cannot be sent (${(error as Error).message}). Use a token for the name and a value without CR, LF or NUL.`,
      { cause: error },
    );
  }
}

/**
 * `ses.createInterruptedDownload(options)` argument handling (Electron's
 * `Session::CreateInterruptedDownload`): members of the wrong type count as
 * absent; then `Must pass non-empty path, urlChain and length.` or
 * `Must pass an offset value less than length.` is thrown synchronously.
 * `startTime` defaults to now, in seconds.
 */
export function parseInterruptedDownload(args: ArrayLike<unknown>, clock: Clock): InterruptedDownloadOptions {
  if (args.length === 0) throw insufficientArguments();
  const options = args[0];
  if (!isDictionary(options)) throw conversionError(0, options);
  const string = (key: string): string => {
    const value = options[key];
    return typeof value === 'string' ? value : '';
  };
  const integer = (key: string): number => {
    const value = options[key];
    return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
  };
  const chain = options['urlChain'];
  const urlChain =
    Array.isArray(chain) && chain.every((item): item is string => typeof item === 'string') ? [...chain] : [];
  const startTime = options['startTime'];
  const request: InterruptedDownloadOptions = {
    path: string('path'),
    urlChain,
    mimeType: string('mimeType'),
    offset: integer('offset'),
    length: integer('length'),
    lastModified: string('lastModified'),
    eTag: string('eTag'),
    startTime: typeof startTime === 'number' ? startTime : nowInSeconds(clock),
  };
  if (request.path === '' || request.urlChain.length === 0 || request.length === 0) {
    throw new Error('Must pass non-empty path, urlChain and length.');
  }
  if (request.offset >= request.length) throw new Error('Must pass an offset value less than length.');
  return request;
}
