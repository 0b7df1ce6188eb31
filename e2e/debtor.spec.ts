import { expect, test } from '@playwright/test';

// The demo data's operator (see src/usecases/demo).
const OPERATOR = { email: 'operatore@demo.incasso.test', password: 'incasso-demo' };

test('an operator logs in, opens a debtor and sees its claims', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Email').fill(OPERATOR.email);
  await page.getByLabel('Password').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Accedi' }).click();

  // Dashboard with the demo figures.
  await expect(page.getByTestId('dashboard-totals')).toBeVisible();
  await expect(page.getByTestId('stat-EUR')).toContainText('€');

  await page.getByRole('link', { name: 'Debitori' }).click();
  await expect(page).toHaveURL(/\/debtors/);
  const firstDebtor = page.getByTestId('debtor-link').first();
  await expect(firstDebtor).toBeVisible();
  const name = (await firstDebtor.innerText()).trim();
  await firstDebtor.click();

  await expect(page).toHaveURL(/\/debtors\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const claims = page.getByTestId('debtor-claims');
  await expect(claims).toBeVisible();
  await expect(claims.getByTestId('claim-link').first()).toBeVisible();
  // Amounts are formatted the Italian way: "1.234,56 €" or Swiss "CHF 1’234.56".
  await expect(claims).toContainText(/(\d{1,3}(\.\d{3})*,\d{2}\s€)|(CHF\s\d{1,3}(’\d{3})*\.\d{2})/);
  await page.screenshot({ path: 'test-results/screenshots/debtor.png', fullPage: true });
});

test('a wrong password is refused with a message and no session', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(OPERATOR.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('alert')).toContainText('password non corretti');
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
});
