/// <reference lib="dom" />
import { expect, test } from '@playwright/test';

// The demo data's operator (see src/usecases/demo).
const OPERATOR = { email: 'operatore@demo.incasso.test', password: 'incasso-demo' };

test.use({ viewport: { width: 1280, height: 1800 } });

interface ClaimRow {
  id: string;
  externalRef: string;
  balance: { interestDue: string; costsDue: string; totalDue: string };
}

test('a claim shows its live interest and statement, and a payment meets costs and interest first', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(OPERATOR.email);
  await page.getByLabel('Password').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId('dashboard-totals')).toBeVisible();
  await expect(page.getByTestId('stat-EUR').getByTestId('stat-total-due')).toContainText('€');

  // An open euro claim of the demo that has run up interest.
  const list = await page.request.get('/api/claims?status=open&currency=EUR&pageSize=100&sort=dueDate&order=asc');
  expect(list.ok()).toBe(true);
  const claim = ((await list.json()) as { items: ClaimRow[] }).items.find((c) => /[1-9]/.test(c.balance.interestDue));
  expect(claim, 'an open EUR claim with interest').toBeTruthy();

  await page.goto(`/claims/${claim!.id}`);
  await expect(page.getByTestId('claim-ref')).toHaveText(claim!.externalRef);
  await expect(page.getByTestId('claim-interest-due')).not.toHaveText('0,00 €');
  await expect(page.getByTestId('claim-total-due')).toContainText('€');

  await page.getByTestId('show-statement').click();
  const statement = page.getByTestId('claim-statement');
  await expect(statement).toBeVisible();
  await expect(statement.getByTestId('interest-periods').locator('tbody tr').first()).toBeVisible();
  await expect(statement.getByTestId('interest-basis')).not.toBeEmpty();

  const pdfHref = await page.getByTestId('statement-pdf').getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // 10 € paid today go to the costs (the €40 of a business invoice) or else to the interest, not the principal.
  await page.getByTestId('payment-amount').fill('10,00');
  await page.getByTestId('record-payment').click();
  const allocations = page.getByTestId('allocations-table');
  await expect(allocations).toContainText(/[1-9]/.test(claim!.balance.costsDue) ? 'Spese' : 'Interessi');
  await page.screenshot({ path: 'test-results/screenshots/claim-ledger.png', fullPage: true });
});
