import fs from 'node:fs';
import path from 'node:path';
import { createElectronFake, type ElectronFake } from '../../src/create-electron-fake';
import { HarnessError } from '../../src/errors/harness-error';
import type { FixtureHar } from '../../src/fixtures/har';
import { defaultRedaction, type RedactionOptions } from '../../src/fixtures/redaction';
import { useServerAndFixtures } from './recording-helpers';

const setup = useServerAndFixtures();

const file = (): string => path.join(setup.dir, 'secrets.har');

function fake(mode: 'record' | 'replay', redact?: RedactionOptions | false): ElectronFake {
  return createElectronFake({
    env: {},
    recording: { mode, dir: setup.dir, name: 'secrets', ...(redact === undefined ? {} : { redact }) },
  });
}

const signIn = (electron: ElectronFake, token: string, password: string): Promise<Response> =>
  electron.net.fetch(`${setup.server.url}/token?api_key=${token}-key&page=1`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Proxy-Authorization': `Basic ${Buffer.from(`user:${password}`).toString('base64')}`,
      Cookie: `sid=${token}-cookie; lang=en`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ user: 'ada', credentials: { password } }),
  });

it('writes stable placeholders instead of secrets, and the redacted request still matches a new token', async () => {
  const recording = fake('record');
  expect(await (await signIn(recording, 'live-token-1234', 'hunter2hunter2')).json()).toEqual({
    access_token: 'tok-9f8e7d6c5b4a',
    expires_in: 3600,
  });
  await recording.fake.recording?.finish();
  const text = fs.readFileSync(file(), 'utf8');
  for (const secret of ['live-token-1234', 'hunter2hunter2', 'tok-9f8e7d6c5b4a'])
    expect(text).not.toContain(secret);
  const entry = (JSON.parse(text) as FixtureHar).log.entries[0];
  const header = (name: string): string | undefined =>
    entry?.request.headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
  expect(header('Authorization')).toBe('Bearer REDACTED_authorization');
  expect(header('Proxy-Authorization')).toBe('Basic REDACTED_proxy-authorization');
  expect(header('Cookie')).toBe('sid=REDACTED_sid; lang=REDACTED_lang');
  expect(entry?.request.url).toBe(`${setup.server.url}/token?api_key=REDACTED_api_key&page=1`);
  expect(entry?.request.postData?.text).toBe('{"user":"ada","credentials":{"password":"REDACTED_password"}}');
  expect(entry?.response.content.text).toBe('{"access_token":"REDACTED_access_token","expires_in":3600}');
  expect(entry?._redacted).toEqual([
    'header:authorization',
    'header:cookie',
    'header:proxy-authorization',
    'json:access_token',
    'json:password',
    'query:api_key',
  ]);

  const replaying = fake('replay');
  const replayed = await signIn(replaying, 'another-token-5678', 'other-password');
  expect(await replayed.json()).toEqual({ access_token: 'REDACTED_access_token', expires_in: 3600 });
});

it('fails the write loudly and deletes the file when a secret survived redaction', async () => {
  const recording = fake('record');
  await (
    await recording.net.fetch(`${setup.server.url}/echo-auth`, {
      headers: { Authorization: 'Bearer s3cr3t-value-42' },
    })
  ).text();
  const error = (await recording.fake.recording?.finish().catch((e: unknown) => e)) as HarnessError;
  expect(error).toBeInstanceOf(HarnessError);
  expect(error.code).toBe('SECRET_IN_FIXTURE');
  expect(error.message).toContain(
    `Failed to write fixture ${file()}: a secret survived redaction, so the file was deleted.`,
  );
  expect(error.message).toContain(
    `entry 0 (GET ${setup.server.url}/echo-auth) response.content.text: a value redacted elsewhere ("s3c…", 15 chars)`,
  );
  expect(error.message).not.toContain('s3cr3t-value-42');
  expect(fs.existsSync(file())).toBe(false);
});

it('finds well-known token shapes nobody asked it to redact', async () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
  const recording = fake('record');
  await recording.net.fetch(`${setup.server.url}/echo`, {
    method: 'POST',
    body: `token=${jwt}`,
    headers: { 'content-type': 'text/plain' },
  });
  await expect(recording.fake.recording?.finish()).rejects.toThrow(
    /request\.postData\.text: a JSON Web Token/,
  );
});

it('replaces configured literal values everywhere, and writes values as they are when redaction is off', async () => {
  const redact = { ...defaultRedaction, values: { tenant: 'acme-tenant-77' } };
  const withValues = fake('record', redact);
  await withValues.net.fetch(`${setup.server.url}/echo`, { method: 'POST', body: 'for acme-tenant-77 only' });
  await withValues.fake.recording?.finish();
  const text = fs.readFileSync(file(), 'utf8');
  expect(text).toContain('for REDACTED_tenant only');
  expect(text).not.toContain('acme-tenant-77');

  const off = fake('record', false);
  await off.net.fetch(`${setup.server.url}/text`, {
    headers: { Authorization: 'Bearer visible-on-purpose' },
  });
  await off.fake.recording?.finish();
  expect(fs.readFileSync(file(), 'utf8')).toContain('Bearer visible-on-purpose');
});
