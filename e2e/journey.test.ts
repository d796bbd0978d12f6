// The auditor's journey in real Chromium against the demo server: sign in, open an engagement through the scoping
// wizard, assess requirements, upload evidence, settle a version conflict, read the dashboard, switch language,
// import a SARIF and an Nmap file, add a risk, issue the PDF report, preview, download and verify it. The tour of the
// demo engagement, signing out and TOTP follow in demo-tour.test.ts. Every step leaves a screenshot in
// e2e/artifacts/ and passes axe-core with no serious or critical issue.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { DemoServer } from './support/demo-server.ts';
import { openSession, type BrowserSession } from './support/session.ts';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const EVIDENCE = Buffer.from('Custody policy v3\nApproved by the management body on 2026-10-01.\n');
// Small tool outputs written for this journey (not the shared research samples): 3 Semgrep results, 2 hosts in Nmap.
const SARIF = fileURLToPath(new URL('./fixtures/wallet-api.sarif', import.meta.url));
const NMAP = fileURLToPath(new URL('./fixtures/custody-network.xml', import.meta.url));

let session: BrowserSession;
let demo: DemoServer;
let page: Page;
/** The engagement the wizard opens; the later steps import, add a risk and report in it. */
let engagementId = '';

const step = (name: string, options?: { axe?: boolean }) => session.step(name, options);
const api = <T>(method: string, path: string, body?: unknown) => session.api<T>(method, path, body);

before(async () => {
  // Only this journey's screenshots: the other browser tests keep theirs in sub-folders (artifacts/access/, …).
  session = await openSession({ artifacts: ARTIFACTS, fullPage: false });
  ({ demo, page } = session);
});

after(async () => {
  await session?.close();
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
  engagementId = page.url().split('/').pop() ?? '';
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

void test('a SARIF and an Nmap file are recognised before the import, then imported with progress', async () => {
  const app = `${demo.url}/o/${demo.organisationId}/engagements/${engagementId}`;
  await page.getByRole('link', { name: 'Findings', exact: true }).click();
  await page.waitForURL(`${app}/findings`);
  await page.goto(`${app}/findings/import`);
  await page.getByRole('heading', { name: 'Import tool outputs' }).waitFor();
  await page.getByLabel('Choose files').setInputFiles([SARIF, NMAP]);
  const files = page.getByRole('table', { name: 'Chosen files and what was recognised in each' });
  const sarif = files.getByRole('row').filter({ hasText: 'wallet-api.sarif' });
  const nmap = files.getByRole('row').filter({ hasText: 'custody-network.xml' });
  // Format, tool and counts come from the server's dry run, before anything is stored.
  await sarif.getByText('Ready to import').waitFor();
  await nmap.getByText('Ready to import').waitFor();
  assert.deepEqual(await sarif.getByRole('cell').allInnerTexts(), [
    'sarif',
    'Semgrep OSS',
    '3',
    '0',
    'Ready to import',
    'Remove',
  ]);
  assert.deepEqual(await nmap.getByRole('cell').allInnerTexts(), [
    'nmap',
    'Nmap',
    '5',
    '6',
    'Ready to import',
    'Remove',
  ]);
  await step('import-detected');
  await page.getByRole('button', { name: 'Import (2)' }).click();
  const summary = page.getByRole('region', { name: 'Imported' });
  await summary.getByText('Files: 2. Findings: 8 (new 8, seen again 0, fixed 0). Assets: 6.').waitFor();
  await page.getByRole('region', { name: 'Import history' }).getByRole('row').nth(2).waitFor();
  await step('import-done');
  const base = `/api/organisations/${demo.organisationId}/engagements/${engagementId}`;
  const imports = await api<{ tool: string; counts: { findings: number } }[]>('GET', `${base}/imports`);
  assert.deepEqual(imports.map((i) => [i.tool, i.counts.findings]).sort(), [
    ['Nmap', 5],
    ['Semgrep OSS', 3],
  ]);
  const nmapFindings = await api<{ total: number }>('GET', `${base}/findings?tool=Nmap`);
  assert.equal(nmapFindings.total, 5);
});

void test('the imported findings are in the findings table, reached from the import summary', async () => {
  await page.getByRole('link', { name: 'Findings from Semgrep OSS' }).click();
  await page.waitForURL(/\/findings\?tool=Semgrep%20OSS$/);
  await page.getByRole('heading', { name: 'Technical findings' }).waitFor();
  await page.getByText("JWT accepted with the 'none' algorithm").first().waitFor();
  await page.getByText('SQL query built from request data').first().waitFor();
  await step('findings-imported');
});

void test('a risk citing an imported finding is added through the risk form', async () => {
  await page.getByRole('link', { name: 'Risks', exact: true }).click();
  await page.getByRole('button', { name: 'New risk' }).click();
  const form = page.getByRole('dialog', { name: 'New risk' });
  await form.getByLabel('Risk title').fill('Session forgery on the wallet API');
  await form
    .getByLabel('Threat', { exact: true })
    .fill('An outsider forges unsigned session tokens and withdraws clients’ crypto-assets.');
  // The host comes from the Nmap import.
  await form.getByRole('checkbox', { name: 'hsm-gateway.custody.internal' }).check();
  await form.getByRole('button', { name: 'Add a vulnerability' }).click();
  await form.getByLabel('Description').fill('JWT verification accepts the none algorithm.');
  await form.getByLabel('Search findings to link').fill('JWT');
  await form.getByRole('button', { name: "Link “JWT accepted with the 'none' algorithm”" }).click();
  await form
    .getByRole('list', { name: 'Linked findings' })
    .getByText("JWT accepted with the 'none' algorithm")
    .waitFor();
  await form.getByLabel('Likelihood', { exact: true }).selectOption('4');
  await form.getByLabel('Impact', { exact: true }).selectOption('5');
  await step('risk-form');
  await form.getByRole('button', { name: 'Save risk' }).click();
  await page.getByText('Risk “Session forgery on the wallet API” saved.').waitFor();
  await step('risk-added');
  const base = `/api/organisations/${demo.organisationId}/engagements/${engagementId}`;
  const risks = await api<{
    items: {
      title: string;
      likelihood: number;
      impact: number;
      vulnerabilities: { findingIds: string[] }[];
    }[];
  }>('GET', `${base}/risks`);
  const findings = await api<{ items: { id: string; title: string }[] }>(
    'GET',
    `${base}/findings?tool=Semgrep%20OSS`,
  );
  const jwt = findings.items.find((f) => f.title === "JWT accepted with the 'none' algorithm");
  assert.deepEqual(
    risks.items.map((r) => [r.title, r.likelihood, r.impact, r.vulnerabilities.flatMap((v) => v.findingIds)]),
    [['Session forgery on the wallet API', 4, 5, [jwt?.id]]],
  );
});

void test('the PDF report is issued as a job, previewed, downloaded and verified in the browser', async () => {
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('heading', { name: 'Issue a report' }).waitFor();
  await step('reports');
  assert.equal(await page.getByRole('checkbox', { name: /^PDF report/ }).isChecked(), true);
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Issue the report' }).click();
  await page.getByRole('progressbar').waitFor();
  await page.getByText(/^Version 1 issued on /).waitFor({ timeout: 120_000 });
  const files = page.getByRole('table', { name: 'Files of version 1, from its manifest' });
  await files.waitFor();
  await step('report-issued');

  await page.getByRole('button', { name: 'Preview the PDF' }).click();
  const preview = page.locator('iframe.pdf-preview');
  await preview.waitFor();
  await preview.scrollIntoViewIfNeeded();
  // Chromium's PDF viewer draws inside the frame; nothing there to wait for from the page.
  await page.waitForTimeout(2500);
  await step('report-preview');

  const link = files.getByRole('link', { name: /^Download mica-audit_.*_en\.pdf$/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const pdf = await readFile(await download.path());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 20 * 1024, `the PDF has ${pdf.length} bytes`);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await files.getByText(sha256).waitFor();

  // The recipient's check: the manifest and the delivered file, hashed by the browser.
  await page.getByRole('button', { name: 'Verify delivered files against this manifest' }).click();
  const verify = page.getByRole('region', { name: 'Verify a delivery' });
  await verify.getByLabel('Choose delivered files').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await verify.getByText(/^Intact: every file of the manifest matches \(files checked: 1;/).waitFor();
  await verify.scrollIntoViewIfNeeded();
  await step('report-verified-intact');
  const altered = Buffer.from(pdf);
  altered[altered.length - 100] = (altered[altered.length - 100] ?? 0) ^ 1;
  await verify.getByLabel('Choose delivered files').setInputFiles([
    { name: download.suggestedFilename(), mimeType: 'application/pdf', buffer: altered },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('slipped in') },
  ]);
  await verify
    .getByText('Problems: 2 (altered 1, missing 0, not in the manifest 1)', { exact: false })
    .waitFor();
  await verify.getByRole('row').filter({ hasText: 'notes.txt' }).getByText('not in the manifest').waitFor();
  await verify.scrollIntoViewIfNeeded();
  await step('report-verified');
});

void test('the browser console stayed free of errors', () => {
  // Chromium logs failed requests: the 401 of the wrong password and the 409 of the conflict are expected.
  const unexpected = session.consoleErrors.filter((e) => !/status of (401|409)/.test(e));
  assert.deepEqual(unexpected, []);
});
