/** Unmodified "app code": fetches a JSON document through the default session. */
export async function fetchGreeting(
  net: { fetch(url: string): Promise<Response> },
  base: string,
): Promise<string> {
  const response = await net.fetch(`${base}/greeting`);
  const body = (await response.json()) as { greeting: string };
  return `${response.status} ${body.greeting}`;
}
