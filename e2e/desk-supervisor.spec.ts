import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, login } from './login.ts';

// The demo data's supervisor and operator (src/usecases/demo/demo-data.ts).
const SUPERVISOR = { email: 'supervisore@demo.incasso.test', password: 'incasso-demo' };
const OPERATOR = { email: 'operatore@demo.incasso.test', password: 'incasso-demo', name: 'Sara Colombo' };

const ALL_DAY = [{ from: '00:00', to: '24:00' }];

/**
 * "Next" hands out a debtor only inside the calling windows, by the SERVER's clock. So the call can be
 * made whenever this runs (a Sunday, at night, on a holiday), the demo tenant's contact rules are set,
 * through the settings API as its administrator, to windows covering every hour of every day and no
 * holidays, for this test only; the rules it had are put back at the end.
 */
async function openCallingHours(api: APIRequestContext): Promise<() => Promise<void>> {
  const before = await api.get('/api/settings');
  expect(before.status()).toBe(200);
  const settings = (await before.json()) as { compliance: Record<string, unknown>; complianceIsDefault: boolean };
  const rules = settings.compliance as { holidays: { id: string; name: string; rules: unknown[] } };
  const open = {
    ...settings.compliance,
    phoneWindows: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
    holidays: { ...rules.holidays, rules: [] },
  };
  const patched = await api.patch('/api/settings', { data: { compliance: open } });
  expect(patched.status(), await patched.text()).toBe(200);
  return async () => {
    const restored = await api.patch('/api/settings', { data: { compliance: settings.complianceIsDefault ? null : settings.compliance } });
    expect(restored.status()).toBe(200);
  };
}

/** The operator's row of the board's per-operator table. */
const operatorRow = (page: Page) => page.getByTestId('board-operators').getByTestId('board-operator-row').filter({ hasText: OPERATOR.name });

test('the supervisor creates a queue for the comune, assigns an operator and sees the board move after a call', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const queueName = `TARI Valdoria ${Date.now() % 100000}`;

  // The supervisor creates the comune's queue and assigns the operator.
  await login(page, SUPERVISOR);
  await page.getByTestId('nav-desk-queues').click();
  await expect(page.getByTestId('page-title')).toHaveText('Code di lavoro');
  await page.getByTestId('queue-new').click();
  await page.getByTestId('queue-name').fill(queueName);
  await page.getByTestId('queue-creditor').click();
  await page.getByRole('option', { name: 'Comune di Valdoria', exact: true }).click();
  await page.getByTestId('queue-operators-select').click();
  await page.getByRole('option', { name: new RegExp(OPERATOR.name) }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('queue-save').click();
  const row = page.getByTestId('queue-row').filter({ hasText: queueName });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('queue-operators')).toHaveText(OPERATOR.name);
  await expect(row.getByTestId('queue-status')).toHaveText('Attiva');
  const debtors = Number((await row.getByTestId('queue-debtors').innerText()).replace(/\D/g, ''));
  expect(debtors, 'the comune’s debtors with a phone number').toBeGreaterThan(0);
  const queues = (await (await page.request.get('/api/work/queues')).json()) as { id: string; name: string }[];
  const queueId = queues.find((q) => q.name === queueName)!.id;
  await page.screenshot({ path: 'test-results/screenshots/desk-queues.png', fullPage: true });

  // The board before the call.
  await page.getByTestId('nav-desk-board').click();
  await expect(page.getByTestId('page-title')).toHaveText('Supervisione chiamate');
  await expect(operatorRow(page)).toBeVisible();
  const before = {
    attempts: Number(await operatorRow(page).getByTestId('fig-attempts').innerText()),
    rightParty: Number(await operatorRow(page).getByTestId('fig-right-party').innerText()),
  };
  // The same operator's KPIs of the month (Andamento, per operator), before the call.
  type Kpis = { operators: { name: string | null; attempts: number }[] };
  const monthAttempts = async () => ((await (await page.request.get('/api/portal/agency-kpis')).json()) as Kpis).operators.find((o) => o.name === OPERATOR.name)?.attempts ?? 0;
  const kpiBefore = await monthAttempts();

  // The operator, in a browser context of their own, presses "next" and records a refusal to pay.
  const admin = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await admin.request.post('/api/auth/login', { data: ADMIN })).status()).toBe(200);
  const restore = await openCallingHours(admin.request);
  try {
    const operator = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    expect((await operator.request.post('/api/auth/login', { data: { email: OPERATOR.email, password: OPERATOR.password } })).status()).toBe(200);
    const next = await operator.request.post('/api/work/next', { data: { queueId } });
    const got = (await next.json()) as { found: boolean; debtorId?: string; reason?: string };
    expect(got.found, got.reason).toBe(true);
    // The operator dials one of the debtor's numbers and the person confirms the codice fiscale first:
    // a refusal to pay is a right-party outcome.
    const debtor = (await (await operator.request.get(`/api/debtors/${got.debtorId}`)).json()) as { taxCode: string | null; vatNumber: string | null; contacts: { id: string; channel: string; status: string }[] };
    const phone = debtor.contacts.find((c) => (c.channel === 'mobile' || c.channel === 'phone') && c.status !== 'invalid')!;
    const call = await operator.request.post('/api/work/calls', { data: { queueId, debtorId: got.debtorId, contactId: phone.id } });
    expect(call.status(), await call.text()).toBe(201);
    const callId = ((await call.json()) as { id: string }).id;
    const check = await operator.request.post(`/api/work/calls/${callId}/identity`, { data: { method: 'tax_id', value: debtor.taxCode ?? debtor.vatNumber } });
    expect(((await check.json()) as { verified: boolean }).verified).toBe(true);
    const outcome = await operator.request.post('/api/work/outcomes', { data: { queueId, debtorId: got.debtorId, callId, outcome: 'RIFIUTO', reason: 'Non intende pagare' } });
    expect(outcome.status(), await outcome.text()).toBe(200);
    expect(await outcome.json()).toMatchObject({ recorded: true, outcome: 'RIFIUTO' });
    await operator.close();
  } finally {
    await restore();
    await admin.close();
  }

  // The board moves by itself (it refreshes every 15 s): one call, one right-party contact more.
  await expect(operatorRow(page).getByTestId('fig-attempts')).toHaveText(String(before.attempts + 1), { timeout: 25_000 });
  await expect(operatorRow(page).getByTestId('fig-right-party')).toHaveText(String(before.rightParty + 1));
  await expect(page.getByTestId('board-queues').getByTestId('board-queue-row').filter({ hasText: queueName }).getByTestId('fig-attempts')).toHaveText('1');
  await page.screenshot({ path: 'test-results/screenshots/desk-board.png', fullPage: true });

  // The supervisor reviews the outcome and corrects it with a reason: the board counts the correction.
  await page.getByTestId('board-tab-outcomes').click();
  const outcomeRow = page.getByTestId('outcome-row').filter({ hasText: 'Rifiuta di pagare' }).first();
  await outcomeRow.getByTestId('outcome-correct').click();
  await expect(page.getByTestId('correct-warning')).toContainText('Non annulla né ripete gli effetti');
  await page.getByTestId('correct-outcome').click();
  await page.getByRole('option', { name: 'Non risponde' }).click();
  await page.getByTestId('correct-reason').fill('Riascolto: non ha risposto nessuno');
  await page.getByTestId('correct-submit').click();
  await expect(page.getByTestId('outcome-row').first().getByTestId('outcome-correction')).toContainText('Riascolto: non ha risposto nessuno');
  await page.getByTestId('board-tab-board').click();
  await expect(operatorRow(page).getByTestId('fig-attempts')).toHaveText(String(before.attempts + 1));
  await expect(operatorRow(page).getByTestId('fig-right-party')).toHaveText(String(before.rightParty));

  // Andamento, per operator: the month's KPIs count the call (corrected to "no answer": an attempt, no
  // right-party contact); the count opens the operator's calls on the board.
  await page.getByTestId('nav-portal').click();
  const kpiRow = page.getByTestId('agency-kpis-operators').getByRole('row').filter({ hasText: OPERATOR.name });
  await expect(kpiRow.getByTestId('agency-fig-attempts')).toHaveText(new Intl.NumberFormat('it-IT').format(kpiBefore + 1));
  expect(await monthAttempts()).toBe(kpiBefore + 1);
  await page.screenshot({ path: 'test-results/screenshots/portal-agency-kpis.png', fullPage: true });
  await kpiRow.getByTestId('agency-fig-attempts').getByRole('link').click();
  await expect(page.getByTestId('outcome-row').first()).toBeVisible();
  await expect(page.getByTestId('outcome-row').filter({ hasNotText: OPERATOR.name })).toHaveCount(0);
});
