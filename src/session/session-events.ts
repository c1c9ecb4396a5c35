/**
 * Every event Electron 45's `Session` emits, and what emits it in the fake.
 * The member-completeness test checks this list against electron.d.ts.
 * Events that come from a renderer, a device chooser or the OS have no
 * source in the fake; a test emits them itself with `ses.emit(name, …)`.
 */
export const sessionEvents = {
  'will-download': 'the downloads machinery, when an item is created (event, item, webContents, frame)',
  'extension-loaded': 'ses.extensions, re-emitted on the session while it has listeners (deprecated)',
  'extension-ready': 'ses.extensions, re-emitted on the session while it has listeners (deprecated)',
  'extension-unloaded': 'ses.extensions, re-emitted on the session while it has listeners (deprecated)',
  preconnect: "fake.emitPreconnect(ses, url) (a page's preconnect hint); never ses.preconnect()",
  'file-system-access-restricted': 'a renderer (File System Access API); no source in the fake',
  'spellcheck-dictionary-initialized': 'a Hunspell dictionary download; the fake downloads none',
  'spellcheck-dictionary-download-begin': 'a Hunspell dictionary download; the fake downloads none',
  'spellcheck-dictionary-download-success': 'a Hunspell dictionary download; the fake downloads none',
  'spellcheck-dictionary-download-failure': 'a Hunspell dictionary download; the fake downloads none',
  'select-hid-device': 'a renderer (WebHID chooser); no source in the fake',
  'hid-device-added': 'a renderer (WebHID chooser); no source in the fake',
  'hid-device-removed': 'a renderer (WebHID chooser); no source in the fake',
  'hid-device-revoked': 'a renderer (WebHID); no source in the fake',
  'select-serial-port': 'a renderer (Web Serial chooser); no source in the fake',
  'serial-port-added': 'a renderer (Web Serial chooser); no source in the fake',
  'serial-port-removed': 'a renderer (Web Serial chooser); no source in the fake',
  'serial-port-revoked': 'a renderer (Web Serial); no source in the fake',
  'select-usb-device': 'a renderer (WebUSB chooser); no source in the fake',
  'usb-device-added': 'a renderer (WebUSB chooser); no source in the fake',
  'usb-device-removed': 'a renderer (WebUSB chooser); no source in the fake',
  'usb-device-revoked': 'a renderer (WebUSB); no source in the fake',
  'select-webauthn-account': 'a renderer (WebAuthn); no source in the fake',
  'select-webauthn-authenticator': 'a renderer (WebAuthn, macOS); no source in the fake',
} as const;

export type SessionEventName = keyof typeof sessionEvents;
