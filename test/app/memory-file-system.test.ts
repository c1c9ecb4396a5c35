import { createElectronFake } from '../../src';
import { createMemoryFileSystem } from '../../src/runtime/file-system';

// The memory volume is made on first use; these pin what a test sees of it.
it('has the userData folder on the default memory volume when a test first looks', () => {
  const { fake, app } = createElectronFake({ name: 'Notes' });
  expect(fake.fs.statSync(app.getPath('userData')).isDirectory()).toBe(true);
});

it('makes the userData folder again on restart after the app removed it', () => {
  const first = createElectronFake({ name: 'Notes' });
  const userData = first.app.getPath('userData');
  first.fake.fs.rmSync(userData, { recursive: true });
  const second = first.fake.restart();
  expect(second.fake.fs.statSync(userData).isDirectory()).toBe(true);
});

it('keeps one volume behind the lazy file system, whose functions work detached', () => {
  const fs = createMemoryFileSystem('/data');
  const { writeFileSync, readFileSync } = fs;
  writeFileSync('/data/a.txt', 'one');
  expect(readFileSync('/data/a.txt', 'utf8')).toBe('one');
  expect('promises' in fs).toBe(true);
});
