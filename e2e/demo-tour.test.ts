// After the journey (journey.test.ts), on a server of its own: the demo engagement's scope, findings, risks,
// incidents and action plan, the members list, signing out, and sign-in with TOTP. Every step leaves a screenshot in
// e2e/artifacts/demo-tour/ and passes axe-core with no serious or critical issue.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { DemoServer } from './support/demo-server.ts';
import { openSession, type BrowserSession } from './support/session.ts';
import { totpCode } from './support/totp.ts';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/demo-tour/', import.meta.url));

let session: BrowserSession;
let demo: DemoServer;
let page: Page;

const step = (name: string) => session.step(name);

before(async () => {
  session = await openSession({ artifacts: ARTIFACTS, fullPage: false });
  ({ demo, page } = session);
  await page.goto(`${demo.url}/`);
  await session.signIn(demo.user.email, demo.user.password);
  await page.getByRole('heading', { name: 'Engagements' }).waitFor();
});

after(async () => {
  await session?.close();
});

void test('the demo engagement shows its scope, findings, risks, incidents and action plan', async () => {
  const base = `${demo.url}/o/${demo.organisationId}/engagements/${demo.engagementId}`;
  await page.goto(`${base}/scope`);
  await page.getByRole('heading', { name: 'Statement of applicability' }).waitFor();
  await page.getByLabel('Show').selectOption('excluded');
  await page
    .getByText(/does not provide|not/)
    .first()
    .waitFor();
  await step('scope');
  await page.getByRole('link', { name: 'Findings' }).click();
  await page.getByRole('heading', { name: 'Technical findings' }).waitFor();
  await page.getByRole('row').nth(1).waitFor();
  await step('findings');
  await page.getByRole('link', { name: 'Risks' }).click();
  await page.getByRole('heading', { name: 'Heat map' }).waitFor();
  await step('risks');
  await page.getByRole('link', { name: 'Incidents' }).click();
  await page.getByRole('heading', { name: 'ICT incidents' }).waitFor();
  await step('incidents');
  await page.getByRole('link', { name: 'Action plan' }).click();
  await page.getByRole('heading', { name: 'Action plan', level: 2 }).waitFor();
  await step('actions');
});

void test('members and their roles are listed for the administrator', async () => {
  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByRole('heading', { name: 'Members' }).waitFor();
  await page.getByRole('cell', { name: demo.user.email }).waitFor();
  await step('members');
});

void test('signing out returns to the sign-in page', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to mica-audit' }).waitFor();
  const me = await page.request.get(`${demo.url}/api/me`);
  assert.equal(me.status(), 401);
});

void test('with TOTP enabled, sign-in asks for the code and accepts it', async () => {
  const request = page.request;
  const post = async (path: string, data: unknown) => {
    const response = await request.post(`${demo.url}${path}`, { data });
    assert.ok(response.ok(), `${path}: ${response.status()} ${await response.text()}`);
    return (await response.json().catch(() => ({}))) as Record<string, unknown>;
  };
  await post('/api/auth/sign-in', { email: demo.user.email, password: demo.user.password });
  const { totpURI } = (await post('/api/auth/two-factor/enable', { password: demo.user.password })) as {
    totpURI: string;
  };
  await post('/api/auth/two-factor/verify', { code: totpCode(totpURI) });
  await post('/api/auth/sign-out', {});
  await page.goto(`${demo.url}/`);
  await page.getByLabel('Email').fill(demo.user.email);
  await page.getByLabel('Password').fill(demo.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Authentication code').waitFor();
  await step('sign-in-totp');
  const wrong = totpCode(totpURI) === '000000' ? '111111' : '000000';
  await page.getByLabel('Authentication code').fill(wrong);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'This code is wrong or has expired' }).waitFor();
  await page.getByLabel('Authentication code').fill(totpCode(totpURI));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Engagements' }).waitFor();
});

void test('the browser console stayed free of errors', () => {
  // Chromium logs failed requests: the 401 of the wrong TOTP code is expected.
  const unexpected = session.consoleErrors.filter((e) => !/status of 401/.test(e));
  assert.deepEqual(unexpected, []);
});
