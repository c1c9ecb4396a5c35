// The tests runner-glue.test.ts runs in a child Jest and a child Vitest.
// SAMPLE_SERVER: the server; SAMPLE_FIXTURES: the fixtures directory;
// SAMPLE_PAGE: which page the second test asks for.
import { createElectronFake } from '../../../src/create-electron-fake';

type It = (name: string, test: () => Promise<void>) => void;
type Expect = (value: unknown) => { toBe(expected: unknown): void };

export function defineSampleTests(it: It, expect: Expect): void {
  const electron = createElectronFake({ recording: { dir: process.env['SAMPLE_FIXTURES'] ?? '' } });
  const base = process.env['SAMPLE_SERVER'] ?? '';

  it('fetches the greeting', async () => {
    expect(await (await electron.net.fetch(`${base}/text`)).text()).toBe('plain text ✓');
  });

  it('swallows a failure, as app code does', async () => {
    await electron.net.fetch(`${base}/json?page=${process.env['SAMPLE_PAGE'] ?? '1'}`).catch(() => undefined);
  });
}
