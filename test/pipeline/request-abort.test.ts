import { NetError } from '../../src/errors/net-error';
import { neverAborted, RequestAbort } from '../../src/pipeline/request-abort';

it('follows the caller’s signal, before and after its AbortSignal is made', () => {
  const caller = new AbortController();
  const early = new RequestAbort(caller.signal);
  const late = new RequestAbort(caller.signal);
  const signal = early.signal;
  caller.abort(new NetError('ERR_ABORTED'));
  expect([signal.aborted, early.aborted, late.aborted]).toEqual([true, true, true]);
  expect(late.signal.reason).toBe(caller.signal.reason);
  expect(early.error.message).toBe('net::ERR_ABORTED');
});

it('hands a signal made after an abort already aborted, with the reason', () => {
  const abort = new RequestAbort(neverAborted);
  const reason = new NetError('ERR_CONNECTION_CLOSED');
  abort.abort(reason);
  expect(abort.signal.aborted).toBe(true);
  expect(abort.signal.reason).toBe(reason);
});

it('rejects whenAborted() with net::ERR_ABORTED for a reason that is no Error', async () => {
  const caller = new AbortController();
  const abort = new RequestAbort(caller.signal);
  const waiting = abort.whenAborted();
  caller.abort('just stop');
  await expect(waiting).rejects.toThrow('net::ERR_ABORTED');
});

it('gives an abort without a reason the AbortError AbortController gives', () => {
  const abort = new RequestAbort(neverAborted);
  abort.abort();
  expect(abort.signal.reason).toMatchObject({ name: 'AbortError' });
});

it('stops following the caller’s signal once released', () => {
  const caller = new AbortController();
  const abort = new RequestAbort(caller.signal);
  const signal = abort.signal;
  abort.release();
  caller.abort();
  expect(signal.aborted).toBe(false);
});

it("reports an app's own abort reason, an AbortError or any Error, as net::ERR_ABORTED", () => {
  for (const reason of [new DOMException('gave up', 'AbortError'), new Error('gave up')]) {
    const abort = new RequestAbort(neverAborted);
    abort.abort(reason);
    expect(abort.signal.reason).toBe(reason);
    expect(abort.error).toMatchObject({ message: 'net::ERR_ABORTED' });
  }
});
