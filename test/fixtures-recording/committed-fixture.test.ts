// Replays fixtures committed under fixtures/, as a project's suite does in CI.
// Re-record with: NET_RECORD_MODE=record npx jest test/fixtures-recording/committed-fixture.test.ts
import '../../src/jest'; // the glue, as setupFilesAfterEnv loads it: names each fixture after its test
import { createElectronFake } from '../../src/create-electron-fake';

// The "server" answers in-process, so recording needs no network either.
const answered: string[] = [];
function notesApi(request: Request): Response {
  answered.push(`${request.method} ${new URL(request.url).pathname}`);
  if (new URL(request.url).pathname === '/v1/session') {
    return Response.json(
      { user: 'ada' },
      { headers: { 'set-cookie': 'sid=3f9a1c7e5b2d; Path=/; Secure; HttpOnly' } },
    );
  }
  return Response.json([{ id: 1, title: 'Buy milk' }], { headers: { 'cache-control': 'no-store' } });
}

const electron = createElectronFake({ transport: notesApi, recording: { dir: 'fixtures' } });
const replaying = electron.fake.recording?.mode === 'replay';

it('signs in and lists the notes from the committed fixture', async () => {
  const signIn = await electron.net.fetch('https://api.notes.test/v1/session', {
    method: 'POST',
    headers: { authorization: 'Bearer a-real-token-would-be-here', 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'ada', password: 'correct horse' }),
  });
  expect(await signIn.json()).toEqual({ user: 'ada' });
  const notes = await electron.net.fetch('https://api.notes.test/v1/notes');
  expect(await notes.json()).toEqual([{ id: 1, title: 'Buy milk' }]);
  const cookies = await electron.session.defaultSession.cookies.get({ name: 'sid' });
  expect(cookies.map((c) => c.value)).toEqual([replaying ? 'REDACTED_sid' : '3f9a1c7e5b2d']);
  expect(answered).toHaveLength(replaying ? 0 : 2);
});
