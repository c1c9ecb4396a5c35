import { createElectronFake } from '../../src/create-electron-fake';
import { HarnessError } from '../../src/errors/harness-error';
import { activeBackEnd } from '../../src/fixtures/back-end-slot';
import { MemoryFixtureStore } from '../../src/fixtures/memory-fixture-store';

const withBackEnd = (backEnd: 'msw' | 'nock' | 'in-process'): ReturnType<typeof createElectronFake> =>
  createElectronFake({ env: {}, recording: { store: new MemoryFixtureStore(), name: 'x', backEnd } });

it('refuses a second interception back end while one is active, and frees the slot on close', async () => {
  const first = withBackEnd('msw');
  expect(activeBackEnd()).toBe('msw');
  let error: unknown;
  try {
    withBackEnd('nock');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(HarnessError);
  expect((error as HarnessError).code).toBe('BACK_END_CONFLICT');
  expect((error as HarnessError).message).toBe(
    'Failed to activate the nock back end: the msw back end is already active (recording memory:x.har), and two ' +
      "interception libraries shadow each other. Use one back end at a time: close the other fake's recording first " +
      '(await fake.recording.close()).',
  );
  expect(() => withBackEnd('msw')).toThrow(expect.objectContaining({ code: 'BACK_END_CONFLICT' }));
  expect(() => withBackEnd('in-process')).not.toThrow();
  await first.fake.recording?.close();
  expect(activeBackEnd()).toBeUndefined();
  const second = withBackEnd('nock');
  expect(activeBackEnd()).toBe('nock');
  await second.fake.recording?.close();
});
