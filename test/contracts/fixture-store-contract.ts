import type { FixtureStore } from '../../src/fixtures/fixture-store';

export interface StoreUnderTest {
  readonly store: FixtureStore;
  close(): Promise<void>;
}

/** The behaviour every FixtureStore owes: run it against each implementation. */
export function fixtureStoreContract(name: string, create: () => Promise<StoreUnderTest>): void {
  let subject: StoreUnderTest;
  beforeEach(async () => {
    subject = await create();
  });
  afterEach(() => subject.close());

  it(`${name}: finds nothing under an unknown id`, async () => {
    await expect(subject.store.find('nothing/here.har')).resolves.toBeUndefined();
  });

  it(`${name}: finds what was saved, and a second save replaces it`, async () => {
    await subject.store.save('a/b.har', 'first');
    await expect(subject.store.find('a/b.har')).resolves.toBe('first');
    await subject.store.save('a/b.har', 'second');
    await expect(subject.store.find('a/b.har')).resolves.toBe('second');
  });

  it(`${name}: merges from the current text, or from nothing`, async () => {
    const seen: (string | undefined)[] = [];
    const append = (current: string | undefined): string => {
      seen.push(current);
      return `${current ?? ''}+`;
    };
    await subject.store.save('m.har', append);
    await subject.store.save('m.har', append);
    expect(seen).toEqual([undefined, '+']);
    await expect(subject.store.find('m.har')).resolves.toBe('++');
  });

  it(`${name}: loses no merge when many run at once`, async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        subject.store.save('busy.har', (current) => `${current ?? ''}${i},`),
      ),
    );
    const text = (await subject.store.find('busy.har')) ?? '';
    expect(
      text
        .split(',')
        .filter(Boolean)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it(`${name}: deletes, and deleting what is not there is no error`, async () => {
    await subject.store.save('gone.har', 'x');
    await subject.store.delete('gone.har');
    await expect(subject.store.find('gone.har')).resolves.toBeUndefined();
    await expect(subject.store.delete('gone.har')).resolves.toBeUndefined();
  });

  it(`${name}: describes where a fixture is`, () => {
    expect(subject.store.describe('x/y.har')).toContain('x');
    expect(subject.store.describe('x/y.har')).toMatch(/y\.har$/);
  });
}
