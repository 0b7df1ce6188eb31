/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test';

// The demo data's users (see src/usecases/demo).
const SUPERVISOR = { email: 'supervisore@demo.incasso.test', password: 'incasso-demo' };
const OPERATOR = { email: 'operatore@demo.incasso.test', password: 'incasso-demo' };

test.use({ viewport: { width: 1600, height: 1400 } });

async function login(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId('dashboard-totals')).toBeVisible();
}

test('a supervisor makes a strategy from a template, fixes a step the server refuses, and activates it', async ({ page }) => {
  await login(page, SUPERVISOR);
  await page.getByTestId('nav-strategies').click();
  await expect(page).toHaveURL(/\/strategies\?creditorId=/);
  // The demo gives every creditor an active strategy.
  await expect(page.getByTestId('strategies-table').getByTestId('strategy-state').filter({ hasText: /^Attiva$/ })).toHaveCount(1);

  await page.getByTestId('strategy-template').click();
  await page.getByRole('option', { name: 'Italia – consumatori' }).click();
  await page.getByTestId('strategy-name').fill('Consumatori lenta');
  await page.getByTestId('create-strategy').click();
  await expect(page).toHaveURL(/\/strategies\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('page-title')).toHaveText('Consumatori lenta');
  const rows = page.getByTestId('step-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(0).getByTestId('step-delay')).toHaveValue('20');

  // The final notice (row 3, counted from the due date) moved before the formal notice at +45: the
  // domain refuses it and the message lands under that very field.
  await rows.nth(2).getByTestId('step-delay').fill('40');
  await page.getByTestId('save-strategy').click();
  await expect(rows.nth(2).getByText(/non viene dopo il passo precedente/)).toBeVisible();
  await expect(rows.nth(2).getByTestId('step-delay')).toHaveAttribute('aria-invalid', 'true');
  await expect(rows.nth(1).getByTestId('step-delay')).not.toHaveAttribute('aria-invalid', 'true');

  await rows.nth(2).getByTestId('step-delay').fill('90');
  // The instalment offer only above 100 € of open principal.
  await rows.nth(3).getByTestId('step-conditions').click();
  await page.getByTestId('conditions-form').getByLabel('Capitale aperto minimo').fill('100,00');
  await page.getByTestId('close-conditions').click();
  await expect(rows.nth(3).getByTestId('step-conditions')).toHaveText('1 condizioni');
  await page.getByTestId('save-strategy').click();
  await expect(page.getByText('Strategia salvata')).toBeVisible();
  await expect(rows.nth(2).getByTestId('step-delay')).toHaveValue('90');
  const id = page.url().split('/').at(-1)!;
  const saved = await (await page.request.get(`/api/strategies/${id}`)).json();
  expect(saved.steps.map((s: { delayDays: number }) => s.delayDays)).toEqual([20, 45, 90, 20, 20, 20]);
  expect(saved.steps[3].conditions).toEqual({ minAmount: '100.00' });

  // The closure step becomes "enforce the guarantee": no template, its channels go to the guarantor.
  await rows.nth(4).getByTestId('step-action').click();
  await page.getByRole('option', { name: 'Escussione della garanzia' }).click();
  await expect(rows.nth(4).getByTestId('step-template')).toHaveCount(0);
  await expect(rows.nth(4)).toContainText('al garante');
  // The first save's notice closes by itself (3 s): the next one is then the only one.
  await expect(page.getByText('Strategia salvata')).toHaveCount(0);
  await page.getByTestId('save-strategy').click();
  await expect(page.getByText('Strategia salvata')).toBeVisible();
  const withAction = await (await page.request.get(`/api/strategies/${id}`)).json();
  expect(withAction.steps[4]).toMatchObject({ key: 'closure-1', action: 'enforce_guarantee' });
  expect(withAction.steps.filter((s: { action?: string }) => s.action)).toHaveLength(1);

  await page.getByTestId('activate-strategy').click();
  await page.getByTestId('confirm-active').click();
  await expect(page.getByText(/Strategia attivata: \d+ pratiche spostate/)).toBeVisible();
  await expect(page.getByTestId('strategy-state')).toHaveText('Attiva');
  await page.screenshot({ path: 'test-results/screenshots/strategy.png', fullPage: true });

  // Back on the list: exactly one active strategy, the new one.
  await page.getByRole('link', { name: /Strategie di sollecito/ }).click();
  const active = page.getByTestId('strategy-row').filter({ has: page.getByTestId('strategy-state').filter({ hasText: /^Attiva$/ }) });
  await expect(active).toHaveCount(1);
  await expect(active).toContainText('Consumatori lenta');
  await page.screenshot({ path: 'test-results/screenshots/strategies.png', fullPage: true });

  // The demo's own strategy back in force (later tests use the demo as it was), from the list.
  const demoRow = page.getByTestId('strategy-row').filter({ hasNot: page.getByText('Consumatori lenta') });
  await demoRow.getByTestId('activate-strategy').click();
  await page.getByTestId('confirm-active').click();
  await expect(demoRow.getByTestId('strategy-state')).toHaveText('Attiva');
  await expect(page.getByTestId('strategy-row').filter({ hasText: 'Consumatori lenta' }).getByTestId('strategy-state')).toHaveText('Non attiva');
});

test('an operator holds a claim until a day with a reason, then resumes it', async ({ page }) => {
  await login(page, OPERATOR);
  const list = await page.request.get('/api/claims?status=open&pageSize=1');
  const claim = ((await list.json()) as { items: { id: string }[] }).items[0];
  expect(claim, 'an open claim in the demo').toBeTruthy();
  await page.goto(`/claims/${claim!.id}`);
  const panel = page.getByTestId('claim-dunning');
  await expect(panel).toContainText('Non sospesa');

  await panel.getByTestId('hold-claim').click();
  await panel.getByTestId('hold-until').fill('31/12/2099');
  await panel.getByTestId('hold-until').press('Tab');
  await panel.getByTestId('confirm-hold').click();
  await expect(panel.getByTestId('hold-reason')).toHaveAttribute('aria-invalid', 'true');
  await panel.getByTestId('hold-reason').fill('Attende la copia del contratto');
  await panel.getByTestId('confirm-hold').click();
  await expect(panel.getByTestId('claim-hold')).toContainText('Sospesa fino al 31/12/2099');
  await expect(panel.getByTestId('claim-hold')).toContainText('Attende la copia del contratto');
  await page.screenshot({ path: 'test-results/screenshots/claim-hold.png', fullPage: true });

  await panel.getByTestId('release-hold').click();
  await expect(panel).toContainText('Non sospesa');
  const hold = await (await page.request.get(`/api/claims/${claim!.id}/hold`)).json();
  expect(hold).toMatchObject({ holdUntil: null, holdReason: null });
});

test('a supervisor simulates the day’s reminders and sees what would go out', async ({ page }) => {
  await login(page, SUPERVISOR);
  await page.getByTestId('nav-dunning').click();
  await expect(page).toHaveURL(/\/dunning$/);
  await page.getByTestId('dunning-dry-run').click();
  const result = page.getByTestId('dunning-result');
  await expect(result.getByTestId('dunning-result-title')).toContainText('nulla è stato inviato');
  const communications = Number(await result.getByTestId('dunning-communications').innerText());
  const blocked = Number(await result.getByTestId('dunning-blocked').innerText());
  if (communications + blocked > 0) {
    const table = result.getByTestId('dunning-actions');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expect(table).toContainText(/€|CHF/);
  } else {
    await expect(result.getByTestId('dunning-none')).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/screenshots/dunning-dry-run.png', fullPage: true });

  // An operator does not start runs.
  await page.getByTestId('logout').click();
  await login(page, OPERATOR);
  await page.goto('/dunning');
  await expect(page.getByTestId('dunning-dry-run')).toHaveCount(0);
});
