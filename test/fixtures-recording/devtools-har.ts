/**
 * The checks Chrome DevTools' HAR import makes before it shows a file
 * (front_end/models/har/HARFormat.ts: objects where objects are expected,
 * parseable dates and numbers for the required fields), plus the fields HAR 1.2
 * requires. Returns what fails, empty when DevTools would load the file.
 */
export function devToolsImportProblems(document: unknown): string[] {
  const problems: string[] = [];
  const object = (value: unknown, where: string): Record<string, unknown> => {
    if (value === null || typeof value !== 'object') {
      problems.push(`${where} is not an object`);
      return {};
    }
    return value as Record<string, unknown>;
  };
  const number = (value: unknown, where: string): void => {
    if (value === undefined || Number.isNaN(Number(value))) problems.push(`${where} is not a number`);
  };
  const string = (value: unknown, where: string): void => {
    if (typeof value !== 'string') problems.push(`${where} is not a string`);
  };
  const date = (value: unknown, where: string): void => {
    if (typeof value !== 'string' || Number.isNaN(new Date(value).getTime()))
      problems.push(`${where} is not a date`);
  };
  const array = (value: unknown, where: string): unknown[] => {
    if (!Array.isArray(value)) {
      problems.push(`${where} is not an array`);
      return [];
    }
    return value;
  };
  const pairs = (value: unknown, where: string): void =>
    array(value, where).forEach((pair, i) => {
      const item = object(pair, `${where}[${i}]`);
      string(item['name'], `${where}[${i}].name`);
      string(item['value'], `${where}[${i}].value`);
    });
  const cookies = (value: unknown, where: string): void =>
    array(value, where).forEach((cookie, i) => {
      const item = object(cookie, `${where}[${i}]`);
      string(item['name'], `${where}[${i}].name`);
      string(item['value'], `${where}[${i}].value`);
      if (item['expires'] !== undefined) date(item['expires'], `${where}[${i}].expires`);
    });

  const log = object(object(document, 'document')['log'], 'log');
  if (log['version'] !== '1.2') problems.push('log.version is not "1.2"');
  const creator = object(log['creator'], 'log.creator');
  string(creator['name'], 'log.creator.name');
  string(creator['version'], 'log.creator.version');
  array(log['entries'], 'log.entries').forEach((value, i) => {
    const at = `log.entries[${i}]`;
    const entry = object(value, at);
    date(entry['startedDateTime'], `${at}.startedDateTime`);
    number(entry['time'], `${at}.time`);
    object(entry['cache'], `${at}.cache`);
    const request = object(entry['request'], `${at}.request`);
    for (const field of ['method', 'url', 'httpVersion']) string(request[field], `${at}.request.${field}`);
    cookies(request['cookies'], `${at}.request.cookies`);
    pairs(request['headers'], `${at}.request.headers`);
    pairs(request['queryString'], `${at}.request.queryString`);
    number(request['headersSize'], `${at}.request.headersSize`);
    number(request['bodySize'], `${at}.request.bodySize`);
    if (request['postData'] !== undefined) {
      const postData = object(request['postData'], `${at}.request.postData`);
      string(postData['mimeType'], `${at}.request.postData.mimeType`);
      string(postData['text'], `${at}.request.postData.text`);
    }
    const response = object(entry['response'], `${at}.response`);
    number(response['status'], `${at}.response.status`);
    for (const field of ['statusText', 'httpVersion', 'redirectURL'])
      string(response[field], `${at}.response.${field}`);
    cookies(response['cookies'], `${at}.response.cookies`);
    pairs(response['headers'], `${at}.response.headers`);
    number(response['headersSize'], `${at}.response.headersSize`);
    number(response['bodySize'], `${at}.response.bodySize`);
    const content = object(response['content'], `${at}.response.content`);
    number(content['size'], `${at}.response.content.size`);
    string(content['mimeType'], `${at}.response.content.mimeType`);
    const timings = object(entry['timings'], `${at}.timings`);
    for (const field of ['send', 'wait', 'receive']) number(timings[field], `${at}.timings.${field}`);
  });
  return problems;
}
