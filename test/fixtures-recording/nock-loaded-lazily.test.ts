import { createElectronFake } from '../../src/create-electron-fake';
import { MemoryFixtureStore } from '../../src/fixtures/memory-fixture-store';

// nock intercepts as soon as it is loaded, so loading it is observed here (the real module is returned).
let mockNockLoads = 0;
jest.mock('nock', () => {
  mockNockLoads++;
  return jest.requireActual('nock');
});

it('loads nock only when the nock back end is chosen', async () => {
  const recording = (backEnd: 'in-process' | 'msw' | 'nock'): ReturnType<typeof createElectronFake> =>
    createElectronFake({ env: {}, recording: { store: new MemoryFixtureStore(), name: 'lazy', backEnd } });
  await recording('in-process').fake.recording?.close();
  await recording('msw').fake.recording?.close();
  expect(mockNockLoads).toBe(0);
  await recording('nock').fake.recording?.close();
  expect(mockNockLoads).toBe(1);
});
