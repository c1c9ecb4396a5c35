import type { SaveDialogOptions, SaveDialogProperty } from './dialog';

/** `file_dialog::DialogSettings` of a save dialog, as Electron converts `SaveDialogOptions`. */
export interface SaveDialogSettings {
  readonly window: object | null;
  readonly title: string;
  readonly message: string;
  readonly buttonLabel: string;
  readonly nameFieldLabel: string;
  readonly defaultPath: string;
  readonly filters: readonly { readonly name: string; readonly extensions: readonly string[] }[];
  /** Known save-dialog property names, in Electron's (sorted) order. */
  readonly properties: readonly SaveDialogProperty[];
  readonly showsTagField: boolean;
  readonly securityScopedBookmarks: boolean;
}

const saveDialogProperties: readonly SaveDialogProperty[] = [
  'createDirectory',
  'dontAddToRecent',
  'showHiddenFiles',
  'showOverwriteConfirmation',
  'treatPackageAsDirectory',
];

export const emptySaveDialogSettings: SaveDialogSettings = {
  window: null,
  title: '',
  message: '',
  buttonLabel: '',
  nameFieldLabel: '',
  defaultPath: '',
  filters: [],
  properties: [],
  showsTagField: true,
  securityScopedBookmarks: false,
};

/**
 * Electron's `Converter<DialogSettings>::FromV8`: each member converts on its
 * own and a member of the wrong type keeps its default, except booleans,
 * which take any value's truthiness (a missing one is `false`).
 */
export function toSaveDialogSettings(options: Record<string, unknown>): SaveDialogSettings {
  const string = (key: string, fallback: string): string => {
    const value = options[key];
    return typeof value === 'string' ? value : fallback;
  };
  const window = options['window'];
  const properties = options['properties'];
  return {
    window: typeof window === 'object' ? window : null,
    title: string('title', ''),
    message: string('message', ''),
    buttonLabel: string('buttonLabel', ''),
    nameFieldLabel: string('nameFieldLabel', ''),
    defaultPath: string('defaultPath', ''),
    filters: filtersOf(options['filters']),
    properties: Array.isArray(properties)
      ? saveDialogProperties.filter((name) => properties.includes(name))
      : [],
    showsTagField: Boolean(options['showsTagField']),
    securityScopedBookmarks: Boolean(options['securityScopedBookmarks']),
  };
}

/** A `filters` array converts only when every entry has a string name and string extensions. */
function filtersOf(value: unknown): SaveDialogSettings['filters'] {
  if (!Array.isArray(value)) return [];
  const filters: { name: string; extensions: string[] }[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return [];
    const { name, extensions } = entry as { name?: unknown; extensions?: unknown };
    if (typeof name !== 'string' || !Array.isArray(extensions)) return [];
    if (!extensions.every((extension): extension is string => typeof extension === 'string')) return [];
    filters.push({ name, extensions: [...extensions] });
  }
  return filters;
}

/** `ToV8`: every member, as `getSaveDialogOptions()` returns it. */
export function saveDialogOptionsOf(
  settings: SaveDialogSettings,
): SaveDialogOptions & { window: object | null } {
  return {
    window: settings.window,
    title: settings.title,
    message: settings.message,
    buttonLabel: settings.buttonLabel,
    nameFieldLabel: settings.nameFieldLabel,
    defaultPath: settings.defaultPath,
    filters: settings.filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
    properties: [...settings.properties],
    showsTagField: settings.showsTagField,
    securityScopedBookmarks: settings.securityScopedBookmarks,
  };
}
