import type * as QuickJS from 'quickjs-emscripten';
import type { QuickJSSyncVariant, QuickJSWASMModule } from 'quickjs-emscripten';

type Ffi = Awaited<ReturnType<QuickJSSyncVariant['importFFI']>>;
type ModuleLoader = Awaited<ReturnType<QuickJSSyncVariant['importModuleLoader']>>;

function load<T>(id: string): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Promise.resolve(require(id) as T);
}

// quickjs-emscripten's getQuickJS() loads its WebAssembly variant with import(),
// which Jest's CommonJS runtime refuses without --experimental-vm-modules. The
// same release-sync variant is loaded here with require(), so PAC works in any
// test runner without extra configuration.
const releaseSync = {
  type: 'sync',
  importFFI: () =>
    load<{ QuickJSFFI: Ffi }>('@jitl/quickjs-wasmfile-release-sync/ffi').then((m) => m.QuickJSFFI),
  importModuleLoader: () => load<ModuleLoader>('@jitl/quickjs-wasmfile-release-sync/emscripten-module'),
} as QuickJSSyncVariant;

/**
 * A new, separate WebAssembly instance of QuickJS (its own linear memory).
 * Each compiled PAC script gets one: a failure that escapes QuickJS's own
 * limits can only poison that instance, which is then thrown away.
 */
export async function newQuickJSInstance(): Promise<QuickJSWASMModule> {
  // Loaded on the first PAC script, not with the package: it is a tenth of the fake's start-up.
  const { newQuickJSWASMModuleFromVariant } = await load<typeof QuickJS>('quickjs-emscripten');
  return newQuickJSWASMModuleFromVariant(releaseSync);
}
