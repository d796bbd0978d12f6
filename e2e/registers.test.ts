// The registers in real Chromium against the demo engagement: filter findings and settle a status conflict, add a
// risk through the form (the server's 400 shown next to the field) and find it in its heat-map cell, record a major
// incident and watch its DORA countdown run, generate the action plan, move a card from the keyboard, and open the
// impact/effort matrix and the timeline. Each step leaves a screenshot in e2e/artifacts/registers/ and passes
// axe-core with no serious or critical issue.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { DemoServer } from './support/demo-server.ts';
import { openSession, type BrowserSession } from './support/session.ts';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/registers/', import.meta.url));

let session: BrowserSession;
let demo: DemoServer;
let page: Page;
let base = '';
let api = '';

const step = (name: string) => session.step(name);
const call = <T>(method: string, path: string, body?: unknown) => session.api<T>(method, path, body);

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, for a datetime-local input. */
async function localInput(page: Page, at: number): Promise<string> {
  return page.evaluate((t) => {
    const d = new Date(t);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, at);
}

before(async () => {
  session = await openSession({ artifacts: ARTIFACTS, fullPage: true });
  ({ demo, page } = session);
  base = `${demo.url}/o/${demo.organisationId}/engagements/${demo.engagementId}`;
  api = `/api/organisations/${demo.organisationId}/engagements/${demo.engagementId}`;
  await page.goto(`${demo.url}/`);
  await session.signIn(demo.user.email, demo.user.password);
  await page.getByRole('heading', { name: 'Engagements' }).waitFor();
});

after(async () => {
  await session?.close();
});

void test('findings are filtered by severity and sorted by the server', async () => {
  await page.goto(`${base}/findings`);
  await page.getByRole('heading', { name: 'Technical findings' }).waitFor();
  await page.getByText('3 of 3 findings').waitFor();
  await page.getByRole('checkbox', { name: /^High/ }).click();
  await page.getByText('2 of 3 findings').waitFor();
  assert.match(page.url(), /severity=high/);
  await page.getByRole('button', { name: 'CVSS' }).click();
  await page.getByRole('columnheader', { name: /CVSS/ }).and(page.locator('[aria-sort]')).waitFor();
  const titles = await page.getByRole('rowheader').allTextContents();
  assert.deepEqual(titles, [
    'Hard-coded API key in the portal repository',
    'Outdated OpenSSL in the signing service image (CVE-2024-5535)',
  ]);
  await step('findings-high');
});

void test('a finding opens in a drawer; a status changed meanwhile by someone else is shown', async () => {
  await page.getByRole('button', { name: 'Hard-coded API key in the portal repository' }).click();
  const drawer = page.getByRole('dialog', { name: 'Hard-coded API key in the portal repository' });
  await drawer.getByRole('heading', { name: 'Linked requirements' }).waitFor();
  const id = new URL(page.url()).searchParams.get('finding') ?? '';
  const finding = await call<{ version: number }>('GET', `${api}/findings/${id}`);
  await call('PATCH', `${api}/findings/${id}`, {
    version: finding.version,
    status: 'accepted',
    reason: 'Compensating control (other auditor)',
  });
  await drawer.getByRole('combobox', { name: /^Status/ }).selectOption('false-positive');
  await drawer.getByRole('button', { name: 'Save the status' }).click();
  const conflict = page.getByRole('dialog', { name: 'Someone else changed this finding' });
  await conflict.getByText('Compensating control (other auditor)').waitFor();
  await step('finding-conflict');
  await conflict.getByRole('button', { name: 'Keep theirs (reload)' }).click();
  await drawer.getByText(/Accepted · by .* · Compensating control/).waitFor();
  await drawer.getByLabel('Search requirements').fill('conflicts of interest');
  await drawer.getByLabel('Requirement to link').selectOption({ index: 1 });
  await drawer.getByRole('button', { name: 'Link', exact: true }).click();
  await drawer.getByRole('button', { name: /^Unlink / }).waitFor();
  await step('finding-drawer');
  await drawer.getByRole('button', { name: 'Close' }).click();
});

void test('a risk added through the form shows in its heat-map cell', async () => {
  await page.goto(`${base}/risks`);
  await page.getByRole('heading', { name: 'Heat map' }).waitFor();
  await page.getByRole('button', { name: 'New risk' }).click();
  const form = page.getByRole('dialog', { name: 'New risk' });
  await form.getByLabel('Risk title').fill('Hot wallet drained through a leaked API key');
  await form.getByLabel('Threat').fill('External attacker reusing a key committed to the portal repository');
  await form.getByRole('checkbox', { name: 'Client portal' }).check();
  await form.getByLabel('Likelihood', { exact: true }).selectOption('4');
  await form.getByLabel('Impact', { exact: true }).selectOption('5');
  await form.getByRole('button', { name: 'Add a vulnerability' }).click();
  await form.getByLabel('Description').fill('API keys committed to the repository');
  await form.getByLabel('Search findings to link').fill('api key');
  await form.getByRole('button', { name: 'Link “Hard-coded API key in the portal repository”' }).click();
  await form.getByLabel('Treatment').selectOption('accept');
  await form.getByRole('button', { name: 'Save risk' }).click();
  // The server refuses an acceptance without a sign-off; its message sits under the field, which gets the focus.
  const by = form.getByLabel('Accepted by');
  await form.getByText('required: who signed the acceptance').waitFor();
  assert.equal(await by.getAttribute('aria-invalid'), 'true');
  await step('risk-form-error');
  await by.fill('Chief Risk Officer');
  await form.getByLabel('Acceptance rationale').fill('Insured until the key rotation ships in December.');
  await form.getByRole('button', { name: 'Save risk' }).click();
  await form.waitFor({ state: 'hidden' });
  await page.getByText('Risk “Hot wallet drained through a leaked API key” saved.').waitFor();
  const cell = page.getByRole('button', { name: /^Likelihood 4 \(likely\), impact 5 \(severe\): 1 risks/ });
  assert.equal(await cell.textContent(), '1');
  await cell.click();
  await page.getByText('1 of 3 risks').waitFor();
  await page.getByRole('rowheader', { name: /Hot wallet drained/ }).waitFor();
  await step('risk-in-cell');
  const risks = await call<{ items: { title: string; aboveAppetite: boolean; treatment: string }[] }>(
    'GET',
    `${api}/risks`,
  );
  assert.deepEqual(
    risks.items.filter((r) => r.title.startsWith('Hot wallet')).map((r) => [r.treatment, r.aboveAppetite]),
    [['accept', true]],
  );
});

void test('a major incident shows its DORA classification and a running countdown', async () => {
  await page.goto(`${base}/incidents`);
  await page.getByRole('heading', { name: 'ICT incidents' }).waitFor();
  await page.getByRole('button', { name: 'New incident' }).click();
  const form = page.getByRole('dialog', { name: 'New incident' });
  const hourAgo = await localInput(page, Date.now() - 3_600_000);
  await form.getByLabel('Incident title').fill('Custody wallets unreachable after an intrusion');
  await form.getByLabel('Occurred at').fill(hourAgo);
  await form.getByLabel('Became aware at').fill(hourAgo);
  await form.getByLabel('Classified as major at').fill(await localInput(page, Date.now() - 600_000));
  await form.getByLabel(/^Services supporting critical or important functions/).check();
  await form.getByLabel('Clients affected').fill('15000');
  await form.getByLabel('Clients using the service').fill('60000');
  await form.getByLabel('Successful malicious unauthorised access').selectOption('true');
  await form
    .getByText('Thresholds met: Clients, counterparts and transactions, Malicious unauthorised access')
    .waitFor();
  await form.getByRole('button', { name: 'Save incident' }).click();
  await form.waitFor({ state: 'hidden' });
  const row = page.getByRole('row').filter({ hasText: 'Custody wallets unreachable after an intrusion' });
  await row.getByText('major', { exact: true }).waitFor();
  await row.getByText('initial notification', { exact: true }).waitFor();
  const countdown = row.locator('.countdown-time');
  const first = (await countdown.textContent()) ?? '';
  assert.match(first, /^due in (\d+ d )?\d+ h \d{2} min \d{2} s$/);
  await page.waitForTimeout(2100);
  assert.notEqual(await countdown.textContent(), first, 'the countdown runs');
  await step('incident-major');
});

void test('the action plan is generated, a card moves from the keyboard, and the matrix opens', async () => {
  await page.goto(`${base}/actions`);
  await page.getByRole('heading', { name: 'Action plan', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Generate the plan' }).click();
  await page.getByRole('tab', { name: 'Board' }).waitFor();
  const card = page.getByRole('combobox', { name: /^Status of Fix TLS 1.0 enabled/ });
  await card.focus();
  await card.selectOption('in-progress');
  const inProgress = page.getByRole('region', { name: /^In progress/ });
  await inProgress
    .getByText('Fix TLS 1.0 enabled on the client portal load balancer', { exact: true })
    .waitFor();
  const plan = await call<{ version: number; items: { title: string; status: string }[] }>(
    'GET',
    `${api}/action-plan`,
  );
  assert.equal(plan.version, 2);
  assert.equal(plan.items.find((i) => i.title.startsWith('Fix TLS 1.0 enabled'))?.status, 'in-progress');
  await step('plan-board');
  await page.getByRole('tab', { name: 'Impact/effort matrix' }).click();
  await page.getByRole('heading', { name: 'Impact/effort matrix' }).waitFor();
  await page.locator('.kind-cell-quick-win').first().waitFor();
  await step('plan-matrix');
  await page.getByRole('tab', { name: 'Impact/effort matrix' }).press('ArrowRight');
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await page.getByRole('rowheader', { name: /Fix TLS 1.0 enabled/ }).waitFor();
  await step('plan-timeline');
});

void test('the registers read in French', async () => {
  await page.goto(`${base}/risks`);
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Nouveau risque' }).waitFor();
  // The heat map's view lives in the address and the radio follows it once the navigation lands: wait for that
  // (Playwright's check() reads the state straight after the click, before the router has re-rendered).
  await page.getByRole('radio', { name: 'Résiduel' }).click();
  await page.locator('input[name="heat-view"][value="residual"]:checked').waitFor();
  await step('risks-fr');
  await page.getByLabel('Langue').selectOption('en');
});
