/**
 * Chromium's `net::HttpUtil::GenerateAcceptLanguageHeader`: the first language
 * has no q-value, each following one gets q lowered by 0.1 down to a floor of 0.1.
 * `'en-US,fr,de'` → `'en-US,fr;q=0.9,de;q=0.8'` (Electron spec "setUserAgent").
 */
export function acceptLanguageHeader(languages: string): string {
  const parts = languages
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  let q = 10;
  return parts
    .map((language, index) => {
      if (index === 0) return language;
      q = Math.max(q - 1, 1);
      return `${language};q=0.${q}`;
    })
    .join(',');
}
