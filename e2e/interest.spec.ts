/// <reference lib="dom" />
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// The demo data's operator (see src/usecases/demo).
const OPERATOR = { email: 'operatore@demo.incasso.test', password: 'incasso-demo' };

// A tall window: the screenshot shows the form and the whole statement at once.
test.use({ viewport: { width: 1280, height: 1640 } });

test('an operator computes commercial late-payment interest and sees a consumer refused', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(OPERATOR.email);
  await page.getByLabel('Password').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId('dashboard-totals')).toBeVisible();

  await page.getByTestId('nav-interest').click();
  await expect(page).toHaveURL(/\/interest$/);
  await expect(page.getByTestId('page-title')).toHaveText('Calcolo interessi');
  const form = page.getByTestId('interest-form');
  await expect(form).toBeVisible();

  // TV-IT-04: 10.000 € due on 01/01/2023, paid on 01/01/2024, D.Lgs. 231/2002.
  await page.getByTestId('interest-principal').fill('10.000,00');
  await page.getByTestId('interest-due').fill('01/01/2023');
  await page.getByTestId('interest-paid').fill('01/01/2024');
  await page.getByTestId('interest-regime').click();
  await page.getByRole('option', { name: 'Interessi di mora commerciali' }).click();
  await expect(page.getByTestId('interest-regime')).toHaveValue('Interessi di mora commerciali (D.Lgs. 231/2002)');
  await expect(page.getByTestId('interest-contract-date')).toBeVisible();
  await expect(page.getByTestId('interest-flat-compensation')).toBeChecked();
  await page.getByTestId('interest-calculate').click();

  await expect(page.getByTestId('interest-total')).toHaveText('1.126,16\u00a0€');
  const periods = page.getByTestId('interest-periods');
  await expect(periods.locator('tbody tr')).toHaveCount(3);
  for (const amount of ['517,81', '604,93', '3,42']) await expect(periods).toContainText(amount);
  await expect(periods).toContainText('10,50\u00a0%');
  await expect(page.getByTestId('interest-total-due')).toHaveText('11.166,16\u00a0€');

  // The same statement as a PDF, in the UI language.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('interest-pdf').click()]);
  expect(download.suggestedFilename()).toBe('prospetto-interessi-2023-01-01-2024-01-01.pdf');
  const pdf = fs.readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByTestId('interest-basis')).toContainText('D.Lgs. 231/2002');
  await expect(page.getByTestId('interest-cost-items')).toContainText('40,00');
  await screenshotWholePage(page, 'test-results/screenshots/interest.png');

  // The commercial rate does not apply to a consumer: the server's refusal appears under the regime.
  await page.getByTestId('interest-debtor-kind').click();
  await page.getByRole('option', { name: 'Consumatore', exact: true }).click();
  await expect(page.getByTestId('interest-stale')).toBeVisible();
  await page.getByTestId('interest-calculate').click();
  await expect(page.getByTestId('interest-regime-field')).toContainText('consumatore');
  await expect(page.getByTestId('interest-regime')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('interest-total')).toHaveCount(0);
});

test('a part payment is allocated to interest first; a payment after the end date is flagged on its row', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(OPERATOR.email);
  await page.getByLabel('Password').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByTestId('nav-interest').click();

  await page.getByTestId('interest-principal').fill('10000');
  await page.getByTestId('interest-due').fill('01/01/2023');
  await page.getByTestId('interest-paid').fill('01/01/2024');
  await page.getByTestId('interest-add-payment').click();
  await page.getByTestId('interest-payment-date-0').fill('01/03/2023');
  await page.getByTestId('interest-payment-amount-0').fill('3.000,00');
  await page.getByTestId('interest-add-payment').click();
  await page.getByTestId('interest-payment-date-1').fill('01/06/2025');
  await page.getByTestId('interest-payment-amount-1').fill('100');
  await page.getByTestId('interest-calculate').click();

  // The server refuses a payment after the end date, under that row's date.
  await expect(page.getByTestId('interest-payments')).toContainText('oltre la data di fine');
  await page.getByTestId('interest-payment-remove-1').click();
  await page.getByTestId('interest-calculate').click();

  const allocations = page.getByTestId('interest-allocations');
  await expect(allocations).toContainText('3.000,00');
  await expect(allocations).toContainText('2.919,18');
  await expect(allocations).toContainText('80,82');
  await expect(page.getByTestId('interest-total')).toHaveText('377,15\u00a0€');
  await expect(page.getByTestId('interest-total-due')).toHaveText('7.377,15\u00a0€');
});

/** The page as the person sees it, from the top, without the pointer's hover effects. */
async function screenshotWholePage(page: Page, path: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.screenshot({ path, fullPage: true });
}
