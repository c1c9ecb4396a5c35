import { nextTask } from '../clock/clock';
import { conversionError, insufficientArguments, isDictionary } from './gin-arguments';

/** `Electron.SharedDictionaryUsageInfo`. */
export interface SharedDictionaryUsageInfo {
  frameOrigin: string;
  topFrameSite: string;
  totalSizeBytes: number;
}

/** `Electron.SharedDictionaryInfo`. */
export interface SharedDictionaryInfo {
  match: string;
  matchDestinations: string[];
  id: string;
  dictionaryUrl: string;
  lastFetchTime: Date;
  responseTime: Date;
  expirationDuration: number;
  lastUsedTime: Date;
  size: number;
  hash: string;
}

/**
 * Compression-dictionary transport (`Use-As-Dictionary`) storage. The fake's
 * transports never negotiate shared dictionaries, so the store is always empty:
 * every query answers `[]` and clears resolve, after Electron's own argument
 * checks (a non-object argument throws; missing or invalid URLs reject).
 */
export function sharedDictionaryUsageInfo(): Promise<SharedDictionaryUsageInfo[]> {
  return nextTask().then(() => []);
}

export function sharedDictionaryInfo(args: ArrayLike<unknown>): Promise<SharedDictionaryInfo[]> {
  const problem = isolationKeyProblem(args, 'Must provide frameOrigin and topFrameSite strings');
  return problem === undefined ? nextTask().then(() => []) : Promise.reject(new Error(problem));
}

export function clearSharedDictionaryCache(): Promise<void> {
  return nextTask();
}

export function clearSharedDictionaryCacheForIsolationKey(args: ArrayLike<unknown>): Promise<void> {
  const problem = isolationKeyProblem(
    args,
    'Must provide frameOrigin and topFrameSite strings to `clearSharedDictionaryCacheForIsolationKey`',
  );
  return problem === undefined ? nextTask() : Promise.reject(new Error(problem));
}

function isolationKeyProblem(args: ArrayLike<unknown>, missing: string): string | undefined {
  if (args.length === 0) throw insufficientArguments();
  const options = args[0];
  if (!isDictionary(options)) throw conversionError(0, options);
  const { frameOrigin, topFrameSite } = options;
  if (typeof frameOrigin !== 'string' || typeof topFrameSite !== 'string') return missing;
  if (!URL.canParse(frameOrigin) || !URL.canParse(topFrameSite)) {
    return 'Invalid URLs provided for frameOrigin or topFrameSite';
  }
  return undefined;
}
