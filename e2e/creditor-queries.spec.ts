import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN, login } from './login.ts';

/** The comune's read-only user of the demo data (src/usecases/demo/demo-data.ts). */
const COMUNE = { email: 'comune@demo.incasso.test', password: ADMIN.password };

test.use({ viewport: { width: 1400, height: 1800 } });

async function created(request: APIRequestContext, url: string, data: object): Promise<{ id: string }> {
  const res = await request.post(url, { data });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
  return (await res.json()) as { id: string };
}

test('the comune’s user answers a dispute with an annulment in autotutela and sees the position closed; another creditor’s position stays hidden', async ({ page }) => {
  // The agency: a position of the comune disputed, and a position of another creditor.
  await login(page);
  const creditors = (await (await page.request.get('/api/creditors?pageSize=100')).json()) as { items: { id: string; name: string; kind: string }[] };
  const comune = creditors.items.find((c) => c.name.includes('Valdoria'))!;
  const company = creditors.items.find((c) => c.kind === 'company')!;
  expect(comune && company).toBeTruthy();
  const suffix = Date.now().toString(36);
  const debtor = await created(page.request, '/api/debtors', { kind: 'company', companyName: `Immobiliare Contestante ${suffix} S.r.l.` });
  const ref = `IMU-2023-Q${suffix}`;
  const claim = await created(page.request, '/api/claims', {
    creditorId: comune.id,
    debtorId: debtor.id,
    externalRef: ref,
    kind: 'imu',
    currency: 'EUR',
    dueDate: '2025-06-30',
    taxYear: 2023,
    components: [
      { kind: 'tax', amount: '640.00' },
      { kind: 'sanctions', amount: '192.00' },
    ],
  });
  const hidden = await created(page.request, '/api/claims', { creditorId: company.id, debtorId: debtor.id, externalRef: `FT-${suffix}`, kind: 'invoice', principal: '300.00', currency: 'EUR', dueDate: '2025-06-30' });
  await created(page.request, '/api/queries', { claimId: claim.id, kind: 'dispute', text: 'Il contribuente ha venduto l’immobile nel 2022: rogito allegato' });
  await page.getByTestId('logout').click();

  // The comune's user: a badge in the navigation, the waiting list, the thread and its answer.
  await login(page, COMUNE);
  await expect(page.getByTestId('nav-queries-count')).toBeVisible();
  await page.getByTestId('nav-queries').click();
  const row = page.getByTestId('query-row').filter({ hasText: ref });
  await expect(row).toContainText('Contestazione / errore segnalato');
  await expect(row).toContainText('In attesa di te');
  await row.getByTestId('query-claim-link').click();
  const panel = page.getByTestId('queries-panel');
  await expect(panel.getByTestId('query-message')).toContainText('rogito allegato');
  const form = panel.getByTestId('query-answer-form');
  await form.getByTestId('query-answer-choice').click();
  await page.getByRole('option', { name: 'Annullata in autotutela' }).click();
  await form.getByTestId('query-answer-text').fill('Annullato in autotutela: immobile non posseduto nel 2023');
  await form.getByTestId('query-answer-submit').click();
  await expect(panel.getByTestId('query-answer')).toContainText('Annullata in autotutela');
  await expect(page.getByText('Stralciata').first()).toBeVisible();
  await expect(panel.getByTestId('query-answer-form')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/creditor-query-annulled.png', fullPage: true });
  // Read-only elsewhere: no new query for the creditor, and another creditor's position is not found.
  await expect(panel.getByTestId('query-new-submit')).toHaveCount(0);
  expect((await page.request.get(`/api/claims/${hidden.id}`)).status()).toBe(404);
  await page.goto(`/claims/${hidden.id}`);
  await expect(page.getByText(`FT-${suffix}`)).toHaveCount(0);
});

test('a plan outside the comune’s rules goes to the comune from the plan itself; its approval starts the plan', async ({ page }) => {
  await login(page);
  const creditors = (await (await page.request.get('/api/creditors?pageSize=100')).json()) as { items: { id: string; name: string }[] };
  const comune = creditors.items.find((c) => c.name.includes('Valdoria'))!;
  const suffix = Date.now().toString(36);
  const debtor = await created(page.request, '/api/debtors', { kind: 'company', companyName: `Bar Rateale ${suffix} S.n.c.` });
  const ref = `TARI-2024-P${suffix}`;
  const claim = await created(page.request, '/api/claims', {
    creditorId: comune.id,
    debtorId: debtor.id,
    externalRef: ref,
    kind: 'tari',
    currency: 'EUR',
    dueDate: '2025-09-30',
    taxYear: 2024,
    components: [{ kind: 'tax', amount: '1850.00' }],
  });
  // 60 instalments for €1,850: beyond the c.796 schedule (5–12 up to €3,000), so the plan waits for approval.
  const plan = await created(page.request, '/api/plans', { claimIds: [claim.id], count: 60 });
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByTestId('plan-reasons')).toBeVisible();
  await page.getByTestId('plan-ask-creditor').click();
  await expect(page.getByTestId('plan-ask-text')).toHaveValue(/60 rate/);
  await page.getByTestId('plan-ask-confirm').click();
  await expect(page.getByTestId('plan-ask-confirm')).toHaveCount(0);
  // Asked once: the same plan cannot be sent again while the comune has not answered.
  await page.getByTestId('plan-ask-creditor').click();
  await page.getByTestId('plan-ask-confirm').click();
  await expect(page.getByText('già in attesa della risposta dell’ente')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('logout').click();

  await login(page, COMUNE);
  await page.getByTestId('nav-queries').click();
  const row = page.getByTestId('query-row').filter({ hasText: ref });
  await expect(row).toContainText('Piano fuori dalle regole');
  await row.getByTestId('query-claim-link').click();
  const panel = page.getByTestId('queries-panel');
  await expect(panel.getByTestId('query-message')).toContainText('60 rate');
  const form = panel.getByTestId('query-answer-form');
  await form.getByTestId('query-answer-choice').click();
  await page.getByRole('option', { name: 'Piano approvato' }).click();
  await form.getByTestId('query-answer-text').fill('Approvato con determina del responsabile');
  await form.getByTestId('query-answer-submit').click();
  await expect(panel.getByTestId('query-answer')).toContainText('Piano approvato');
  const after = (await (await page.request.get(`/api/plans/${plan.id}`)).json()) as { state: string; decidedReason: string };
  expect(after).toMatchObject({ state: 'active', decidedReason: 'Approvato con determina del responsabile' });
  await expect(page.getByTestId('plan-state').first()).toContainText('In corso');
});
