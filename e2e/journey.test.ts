// The auditor's journey in real Chromium against the demo server: sign in, open an engagement through the scoping
// wizard, assess requirements, upload evidence, settle a version conflict, read the dashboard, switch language,
// sign out. Every step leaves a screenshot in e2e/artifacts/ and passes axe-core with no serious or critical issue.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { startDemo, type DemoServer } from './support/demo-server.ts';
import { totpCode } from './support/totp.ts';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const EVIDENCE = Buffer.from('Custody policy v3\nApproved by the management body on 2026-10-01.\n');

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let shot = 0;
const consoleErrors: string[] = [];

async function step(name: string, options: { axe?: boolean } = {}): Promise<void> {
  shot += 1;
  await page.screenshot({
    path: `${ARTIFACTS}${String(shot).padStart(2, '0')}-${name}.png`,
    fullPage: false,
  });
  if (options.axe !== false) {
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], `axe on ${name}`);
  }
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await page.request.fetch(`${demo.url}${path}`, {
    method,
    ...(body === undefined ? {} : { data: body }),
  });
  assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

before(async () => {
  await rm(ARTIFACTS, { recursive: true, force: true });
  await mkdir(ARTIFACTS, { recursive: true });
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

void test('a signed-out visitor gets the sign-in page at /', async () => {
  await page.goto(`${demo.url}/`);
  await page.getByRole('heading', { name: 'Sign in to mica-audit' }).waitFor();
  await step('sign-in');
});

void test('wrong credentials are refused with a message', async () => {
  await page.getByLabel('Email').fill(demo.user.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Email or password is wrong.' }).waitFor();
});

void test('signing in lands on the engagements of the organisation', async () => {
  await page.getByLabel('Password').fill(demo.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Engagements' }).waitFor();
  assert.match(page.url(), new RegExp(`/o/${demo.organisationId}/engagements$`));
  await page.getByRole('table').waitFor();
  await step('engagements');
});

void test('the scoping wizard opens an engagement from a profile', async () => {
  await page.getByRole('link', { name: 'New engagement' }).click();
  await page.getByRole('heading', { name: 'New engagement: scoping' }).waitFor();
  const entity = page.getByLabel('Client entity');
  if ((await entity.count()) > 0) await entity.selectOption('');
  await page.getByLabel('Entity name').fill('Bleu Horizon Exchange SAS');
  await page.getByLabel('Home member state').selectOption('FR');
  await page.getByRole('radio', { name: /crypto-asset service provider authorised/ }).check();
  await step('wizard-entity');
  await page.getByRole('button', { name: 'Next' }).click();
  for (const service of [
    'custody and administration of crypto-assets on behalf of clients',
    'operation of a trading platform for crypto-assets',
    'exchange of crypto-assets for funds',
    'exchange of crypto-assets for other crypto-assets',
    'providing transfer services for crypto-assets on behalf of clients',
  ])
    await page.getByRole('checkbox', { name: service }).check();
  await page.getByText(/Minimum own funds/).waitFor();
  await step('wizard-services');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('checkbox', { name: /person seeking admission to trading/ }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel("Previous year's fixed overheads, EUR (Art. 67)").fill('1800000');
  await page.getByLabel("Holds clients' crypto-assets (Art. 70(1))").selectOption('true');
  await page.getByLabel('Outsources operational functions (Art. 73)').selectOption('true');
  await step('wizard-facts');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Bleu Horizon Exchange SAS — MiCA audit', { exact: false }).first().waitFor();
  await page.getByRole('group', { name: 'Audit team' }).getByRole('checkbox').first().check();
  await step('wizard-review');
  await page.getByRole('button', { name: 'Open the engagement' }).click();
  await page.getByRole('treegrid', { name: 'Requirements of the engagement' }).waitFor();
  assert.match(page.url(), /\/engagements\/[0-9a-f-]{36}$/);
  const created = await api<{ team: string[]; profile: { services: string[] } }>(
    'GET',
    `/api/organisations/${demo.organisationId}/engagements/${page.url().split('/').pop() ?? ''}`,
  );
  assert.equal(created.team.length, 1);
  assert.equal(created.profile.services.length, 5);
  await step('workspace');
});

void test('statuses are set from the keyboard and inline, and saved with their version', async () => {
  const tree = page.getByRole('treegrid');
  await tree.focus();
  // Rows: MiCA, Title, Article, then the first requirement.
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('j');
  await page.keyboard.press('1'); // compliant
  await page.keyboard.press('j');
  await page.keyboard.press('3'); // non-compliant
  await page.keyboard.press('j');
  await page.keyboard.press('2'); // partially compliant
  await page.keyboard.press('Shift+Digit3'); // maturity 3
  const inline = page.getByRole('combobox', { name: /^Status of / });
  await inline.nth(4).selectOption('not-applicable');
  const engagementId = page.url().split('/').pop() ?? '';
  const base = `/api/organisations/${demo.organisationId}/engagements/${engagementId}`;
  let assessed: { status: string; maturity: number | null; version: number }[] = [];
  for (let tries = 0; tries < 50; tries += 1) {
    const list = await api<{ items: typeof assessed }>(
      'GET',
      `${base}/assessments?pageSize=500&sort=-updated`,
    );
    assessed = list.items.filter((a) => a.status !== 'not-assessed');
    if (assessed.length >= 4 && assessed.some((a) => a.maturity === 3)) break;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(assessed.map((a) => a.status).sort(), [
    'compliant',
    'non-compliant',
    'not-applicable',
    'partially-compliant',
  ]);
  assert.ok(assessed.some((a) => a.status === 'partially-compliant' && a.maturity === 3 && a.version === 3));
  await step('assessed');
});

void test('a requirement opens with Enter; notes and evidence are saved, hashed and linked', async () => {
  await page.getByRole('treegrid').focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: /Art\./ });
  await detail.waitFor();
  await detail
    .getByLabel('Auditor observation')
    .fill('Custody policy approved; segregation tested on 5 wallets.');
  await detail.getByLabel('Interview notes').fill('Interview with the CISO on 2026-11-20.');
  await detail.getByRole('button', { name: 'Save notes' }).click();
  await detail.getByText(/Version \d+, changed/).waitFor();
  await detail.getByLabel('Effective date (optional)').fill('2026-10-01');
  await detail.locator('input[type=file]').setInputFiles({
    name: 'custody-policy.txt',
    mimeType: 'text/plain',
    buffer: EVIDENCE,
  });
  await detail.getByText('custody-policy.txt uploaded and linked.').waitFor();
  const hash = createHash('sha256').update(EVIDENCE).digest('hex');
  await detail.getByText(hash).waitFor();
  await detail.getByText('Effective 1 Oct 2026').waitFor();
  await detail.getByText(hash).scrollIntoViewIfNeeded();
  await step('evidence');
  const evidence = await api<{ sha256: string; requirementUrns: string[] }[]>(
    'GET',
    `/api/organisations/${demo.organisationId}/evidence`,
  );
  const uploaded = evidence.find((e) => e.sha256 === hash);
  assert.equal(uploaded?.requirementUrns.length, 1);
});

void test('a change made meanwhile by someone else is shown, and reloading keeps theirs', async () => {
  const engagementId = page.url().split('/').pop() ?? '';
  const base = `/api/organisations/${demo.organisationId}/engagements/${engagementId}`;
  const list = await api<{
    items: { id: string; status: string; version: number; requirementUrn: string }[];
  }>('GET', `${base}/assessments?pageSize=500&status=non-compliant`);
  const target = list.items[0];
  assert.ok(target !== undefined);
  // Another auditor edits it behind this page's back.
  await api('PATCH', `${base}/assessments/${target.id}`, {
    version: target.version,
    status: 'compliant',
    observation: 'Fixed after the remediation sprint (other auditor).',
  });
  const row = page
    .getByRole('row')
    .filter({ has: page.locator('select.status-non-compliant') })
    .first();
  await row.getByRole('combobox', { name: /^Status of / }).selectOption('partially-compliant');
  const dialog = page.getByRole('dialog', { name: 'Someone else changed this requirement' });
  await dialog.waitFor();
  await dialog.getByText('Fixed after the remediation sprint (other auditor).').waitFor();
  await step('conflict');
  await dialog.getByRole('button', { name: 'Keep theirs (reload)' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const kept = await api<{ items: { status: string }[] }>('GET', `${base}/assessments?q=other%20auditor`);
  assert.equal(kept.items[0]?.status, 'compliant');
  await row.waitFor({ state: 'detached' }).catch(() => undefined);
});

void test('overwriting after a conflict saves my change over theirs, keeping their other fields', async () => {
  const engagementId = page.url().split('/').pop() ?? '';
  const base = `/api/organisations/${demo.organisationId}/engagements/${engagementId}`;
  const list = await api<{ items: { id: string; version: number }[] }>(
    'GET',
    `${base}/assessments?status=not-applicable`,
  );
  const target = list.items[0];
  assert.ok(target !== undefined);
  await api('PATCH', `${base}/assessments/${target.id}`, { version: target.version, maturity: 1 });
  const row = page
    .getByRole('row')
    .filter({ has: page.locator('select.status-not-applicable') })
    .first();
  await row.getByRole('combobox', { name: /^Status of / }).selectOption('non-compliant');
  const dialog = page.getByRole('dialog', { name: 'Someone else changed this requirement' });
  await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
  await dialog.waitFor({ state: 'hidden' });
  let saved: { status: string; maturity: number | null; version: number } | undefined;
  for (let tries = 0; tries < 50 && saved?.status !== 'non-compliant'; tries += 1) {
    const all = await api<{ items: (typeof saved & { id: string })[] }>(
      'GET',
      `${base}/assessments?pageSize=500`,
    );
    saved = all.items.find((a) => a?.id === target.id);
    if (saved?.status !== 'non-compliant') await page.waitForTimeout(100);
  }
  assert.deepEqual(
    { status: saved?.status, maturity: saved?.maturity, version: saved?.version },
    { status: 'non-compliant', maturity: 1, version: target.version + 2 },
  );
});

void test('filters narrow the tree and grouping by domain works', async () => {
  await page.getByRole('checkbox', { name: 'Compliant', exact: true }).check();
  await page.getByText(/^2 of \d+ requirements$/).waitFor();
  await page.getByLabel('Group by').selectOption('domain');
  await step('filtered-by-domain');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Group by').selectOption('structure');
});

void test('a mapped requirement of another regulation opens from the detail panel', async () => {
  await page.getByRole('checkbox', { name: 'With mappings' }).check();
  await page.getByRole('combobox', { name: /^Regulation/ }).selectOption('DORA');
  await page.getByRole('treegrid').focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: /Art\./ });
  const before = await detail.getByRole('heading', { level: 2 }).textContent();
  const mapped = detail
    .getByRole('list')
    .filter({ has: page.locator('.badge') })
    .getByRole('button')
    .first();
  const target = (await mapped.textContent()) ?? '';
  assert.match(target, /^MiCA Art\./);
  await step('mapped');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await mapped.click();
  await detail
    .getByRole('heading', { level: 2 })
    .filter({ hasNotText: before ?? '' })
    .waitFor();
  assert.match((await detail.getByRole('heading', { level: 2 }).textContent()) ?? '', /^Art\./);
});

void test('the dashboard shows scores, coverage and the own-funds requirement', async () => {
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { name: 'Scores by regulation' }).waitFor();
  await page.getByText('Required own funds').waitFor();
  // Trading platform: Annex IV class 3, EUR 150,000; a quarter of EUR 1.8m overheads is EUR 450,000.
  await page.getByText('EUR 450,000').first().waitFor();
  await step('dashboard');
});

void test('the interface switches to French', async () => {
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('heading', { name: 'Scores par règlement' }).waitFor();
  await page.getByRole('link', { name: 'Évaluation' }).click();
  await page.getByRole('treegrid', { name: 'Exigences de la mission' }).waitFor();
  await step('workspace-fr');
  await page.getByLabel('Langue').selectOption('en');
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
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
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
  // Chromium logs failed requests: the 401 of the wrong password and the 409 of the conflict are expected.
  const unexpected = consoleErrors.filter((e) => !/status of (401|409)/.test(e));
  assert.deepEqual(unexpected, []);
});
