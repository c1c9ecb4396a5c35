import { DIRECT, parsePacElement, tokenize, type ProxyChoice, type ProxyList } from '../proxy-server';

/**
 * `ProxyList::SetFromPacString`: elements separated by `;` only (a `,` is
 * part of an element), empty ones skipped, invalid ones dropped; when nothing
 * valid remains the answer is DIRECT.
 */
export function parsePacResult(text: string): ProxyList {
  const list: ProxyChoice[] = [];
  for (const element of tokenize(text, ';')) {
    const choice = parsePacElement(element);
    if (choice !== undefined) list.push(choice);
  }
  return list.length > 0 ? list : [DIRECT];
}
