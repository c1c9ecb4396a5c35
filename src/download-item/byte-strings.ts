/** Percent-decodes every valid `%XX` into its byte (`UnescapeBinaryURLComponent`). */
export function unescapeBinary(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}

/** The bytes as text in `charset`, or undefined when they are not valid in it (or it is unknown). */
export function decodeCharset(bytes: Uint8Array, charset: string): string | undefined {
  try {
    return new TextDecoder(charset.trim(), { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The bytes of a header value as Node delivers it (one character per byte),
 * or undefined when it holds wider characters (an in-process `Response`).
 */
export function headerValueBytes(value: string): Uint8Array | undefined {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return undefined;
  return Uint8Array.from(Buffer.from(value, 'latin1'));
}
