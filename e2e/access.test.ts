// Access, team and scoping in real Chromium against the demo server: the administrator invites an auditor (no mail
// on the demo, so the accept link is shown), the invitee signs up with the invited address and accepts, the
// administrator puts them in the engagement team and moves the phase on, assigns them a requirement, and the
// assignee filter finds it; a newer entity profile is re-scoped; the wizard's live preview follows a ticked service. Every step leaves a screenshot
// in e2e/artifacts/access/ and passes axe-core with no serious or critical issue.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { DemoServer } from './support/demo-server.ts';
import { openSession, type BrowserSession } from './support/session.ts';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/access/', import.meta.url));
const INVITEE = {
  name: 'Alice Durand',
  email: 'alice.durand@example.test',
  password: 'a long passphrase 2026',
};

let session: BrowserSession;
let demo: DemoServer;
let page: Page;
let acceptLink = '';

const step = (name: string) => session.step(name);
const signIn = (email: string, password: string) => session.signIn(email, password);
const api = <T>(method: string, path: string) => session.api<T>(method, path);

const engagementPath = () => `/o/${demo.organisationId}/engagements/${demo.engagementId}`;

before(async () => {
  session = await openSession({ artifacts: ARTIFACTS, fullPage: true });
  ({ demo, page } = session);
});

after(async () => {
  await session?.close();
});

void test('the administrator invites an auditor and, without mail, gets the accept link to pass on', async () => {
  await page.goto(`${demo.url}/o/${demo.organisationId}/members`);
  await signIn(demo.user.email, demo.user.password);
  await page.getByRole('heading', { name: 'Invitations', exact: true }).waitFor();
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Send the invitation' }) });
  await form.getByLabel('Email').fill(INVITEE.email);
  await form.getByLabel('Role').selectOption('auditor');
  await form.getByLabel('Language of the e-mail').selectOption('en');
  await form.getByRole('button', { name: 'Send the invitation' }).click();
  const notice = page.getByRole('region', { name: 'Not e-mailed: pass the link on yourself' });
  await notice.waitFor();
  acceptLink = await notice.getByLabel('Accept link').inputValue();
  assert.match(acceptLink, /\/invitations\/accept\?token=mica_inv_/);
  const pending = page.getByRole('row', { name: new RegExp(INVITEE.email) });
  await pending.getByRole('cell', { name: 'auditor', exact: true }).waitFor();
  await pending.getByText(/in \d days/).waitFor();
  await step('invitation-link');
  await notice.getByRole('button', { name: 'Done, I have passed it on' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to mica-audit' }).waitFor();
});

void test('the invitee opens the link signed out, signs up with the invited address and accepts', async () => {
  const url = new URL(acceptLink);
  await page.goto(`${demo.url}${url.pathname}${url.search}`);
  await page.getByRole('heading', { name: 'You have been invited to mica-audit' }).waitFor();
  await step('accept-signed-out');
  await page.getByRole('button', { name: 'Create one with the invited address' }).click();
  await page.getByRole('heading', { name: 'Create your mica-audit account' }).waitFor();
  await page.getByLabel('Name').fill(INVITEE.name);
  await page.getByLabel('Invited e-mail address').fill(INVITEE.email);
  await page.getByLabel('Password').fill(INVITEE.password);
  await step('accept-sign-up');
  await page.getByRole('button', { name: 'Create the account' }).click();
  await page.getByText(`You are signed in as ${INVITEE.name} (${INVITEE.email}).`).waitFor();
  await step('accept-signed-in');
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await page.getByRole('heading', { name: 'Engagements' }).waitFor();
  assert.match(page.url(), new RegExp(`/o/${demo.organisationId}/engagements$`));
  await page.getByText('· auditor').waitFor();
});

void test('a used invitation link is explained, not silently refused', async () => {
  const url = new URL(acceptLink);
  await page.goto(`${demo.url}${url.pathname}${url.search}`);
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: /cannot be used|already been used/ })
    .waitFor();
  await step('accept-used');
  await page.getByRole('button', { name: 'Sign out to use another account' }).click();
  await page.getByRole('heading', { name: 'Sign in to mica-audit' }).waitFor();
});

void test('the administrator adds the new auditor to the team and moves the phase on', async () => {
  await page.goto(`${demo.url}${engagementPath()}/settings`);
  await signIn(demo.user.email, demo.user.password);
  await page.getByRole('heading', { name: 'Engagement settings' }).waitFor();
  await page.getByRole('group', { name: 'Audit team' }).getByRole('checkbox', { name: INVITEE.name }).check();
  await page.getByLabel('Phase').selectOption('assessment');
  await page.getByText('Unsaved changes.').waitFor();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();
  await page.getByText('Phase: assessment').waitFor();
  await step('team-and-phase');
  const engagement = await api<{ phase: string; team: string[]; version: number }>(
    'GET',
    `/api/organisations/${demo.organisationId}/engagements/${demo.engagementId}`,
  );
  assert.equal(engagement.phase, 'assessment');
  const members = await api<{ userId: string; email: string }[]>(
    'GET',
    `/api/organisations/${demo.organisationId}/members`,
  );
  const alice = members.find((m) => m.email === INVITEE.email);
  assert.ok(alice !== undefined && engagement.team.includes(alice.userId));
});

void test('a requirement is assigned from the detail panel and the assignee filter finds it', async () => {
  await page.getByRole('link', { name: 'Assessment' }).click();
  const tree = page.getByRole('treegrid', { name: 'Requirements of the engagement' });
  await tree.waitFor();
  await tree.focus();
  // Rows: MiCA, its first title, its first article, then the first requirement.
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: /Art\./ });
  await detail.getByLabel('Assigned to').selectOption({ label: INVITEE.name });
  await detail.getByText(/Version 2, changed/).waitFor();
  await page.getByLabel('Assignee').selectOption({ label: INVITEE.name });
  await page.getByText(/^1 of \d+ requirements$/).waitFor();
  await step('assignee-filter');
  await page.getByLabel('Assignee').selectOption({ label: 'Nobody' });
  await page.getByText(/^1 of \d+ requirements$/).waitFor({ state: 'detached' });
});

void test('a whole group is assigned at once, and "assigned to me" shows it', async () => {
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const tree = page.getByRole('treegrid', { name: 'Requirements of the engagement' });
  await tree.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('j'); // the first title of MiCA
  const bulk = page.getByRole('form', { name: /requirements of the selected group/ });
  const label =
    (await bulk.getByText(/Assign the \d+ requirements of the selected group/).textContent()) ?? '';
  const size = Number(/(\d+)/.exec(label)?.[1]);
  assert.ok(size > 1);
  await bulk.getByLabel('Assign to').selectOption({ label: 'Camille Martin (lead auditor)' });
  await bulk.getByRole('button', { name: 'Assign' }).click();
  await bulk.getByText(/requirements assigned\.$/).waitFor();
  await page.getByRole('button', { name: 'Assigned to me' }).click();
  // The one assigned to the new auditor above may belong to the same title: it was reassigned with the group.
  await page.getByText(new RegExp(`^${size} of \\d+ requirements$`)).waitFor();
  await step('assigned-to-me');
  const mine = await api<{ total: number }>(
    'GET',
    `/api/organisations/${demo.organisationId}/engagements/${demo.engagementId}/assessments?assignee=me&pageSize=1`,
  );
  assert.equal(mine.total, size);
});

void test('a newer entity profile is offered as a re-scope, previewed, then applied', async () => {
  const base = `/api/organisations/${demo.organisationId}`;
  const engagement = await api<{ entityId: string; profile: { services: string[] } }>(
    'GET',
    `${base}/engagements/${demo.engagementId}`,
  );
  // The client now runs a trading platform as well.
  const profile = { ...engagement.profile, services: [...engagement.profile.services, 'trading-platform'] };
  const saved = await page.request.put(`${demo.url}${base}/entities/${engagement.entityId}/profile`, {
    data: { profile },
    headers: { 'x-mica-csrf': '1' },
  });
  assert.equal(saved.status(), 200, await saved.text());
  await page.goto(`${demo.url}${engagementPath()}`);
  await page.getByText('The entity has a newer profile than this engagement.').waitFor();
  await page.getByRole('link', { name: 'Review the re-scope' }).click();
  const panel = page.getByRole('region', { name: 'A newer entity profile exists: re-scope' });
  await panel
    .getByRole('region', { name: 'Become applicable' })
    .getByText(/Art\. 76/)
    .first()
    .waitFor();
  await panel
    .getByText(
      'service provided: operation of a trading platform for crypto-assets (MiCA Art. 3(1)(16), point b)',
    )
    .first()
    .waitFor();
  await step('rescope-preview');
  await panel.getByRole('button', { name: 'Re-scope the engagement' }).click();
  await page.getByText(/^Re-scoped: \d+ requirements became applicable/).waitFor();
  await panel.waitFor({ state: 'detached' });
  await page.getByText('The entity has a newer profile than this engagement.').waitFor({ state: 'detached' });
  await step('rescope-applied');
});

void test('the wizard preview follows the profile as a service is ticked', async () => {
  await page.goto(`${demo.url}/o/${demo.organisationId}/engagements/new`);
  await page.getByRole('heading', { name: 'New engagement: scoping' }).waitFor();
  const entity = page.getByLabel('Client entity');
  if ((await entity.count()) > 0) await entity.selectOption('');
  await page.getByLabel('Entity name').fill('Horizon Transfert SAS');
  const preview = page.getByRole('complementary', { name: 'Applicable requirements' });
  const status = preview.getByRole('status');
  await status.getByText(/applicable of \d+ requirements/).waitFor();
  const applicable = async () => Number(/(\d+) applicable/.exec((await status.textContent()) ?? '')?.[1]);
  const before = await applicable();
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByRole('checkbox', { name: 'custody and administration of crypto-assets on behalf of clients' })
    .check();
  await status.getByText(/last edit: \d+ more applicable/).waitFor();
  const after = await applicable();
  assert.ok(after > before, `custody should add requirements (${before} → ${after})`);
  await preview.getByRole('heading', { name: /^MiCA/ }).waitFor();
  await preview
    .getByText(
      'service provided: custody and administration of crypto-assets on behalf of clients (MiCA Art. 3(1)(16), point a)',
    )
    .first()
    .waitFor();
  await step('wizard-preview');
});

void test('no page threw', () => {
  assert.deepEqual(session.pageErrors, []);
});
