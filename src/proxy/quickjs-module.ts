import {
  newQuickJSWASMModuleFromVariant,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';

// quickjs-emscripten's getQuickJS() loads its WebAssembly variant with import(),
// which Jest's CommonJS runtime refuses without --experimental-vm-modules. The
// same release-sync variant is loaded here with require(), so PAC works in any
// test runner without extra configuration.
const releaseSync = {
  type: 'sync',
  importFFI: () =>
    Promise.resolve(
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (
        require('@jitl/quickjs-wasmfile-release-sync/ffi') as {
          QuickJSFFI: QuickJSSyncVariant['importFFI'] extends () => Promise<infer F> ? F : never;
        }
      ).QuickJSFFI,
    ),
  importModuleLoader: () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Promise.resolve(
      require('@jitl/quickjs-wasmfile-release-sync/emscripten-module') as ReturnType<
        QuickJSSyncVariant['importModuleLoader']
      > extends Promise<infer L>
        ? L
        : never,
    ),
} as QuickJSSyncVariant;

let loading: Promise<QuickJSWASMModule> | undefined;

/** The QuickJS WebAssembly module, loaded once per process. */
export function loadQuickJS(): Promise<QuickJSWASMModule> {
  loading ??= newQuickJSWASMModuleFromVariant(releaseSync);
  return loading;
}
