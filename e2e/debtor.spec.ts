import { expect, test } from '@playwright/test';
import { login } from './login.ts';

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

test('the Pagamenti page lists payments with totals and exports the same set; a debtor shows its plans and the plan proposal', async ({ page }) => {
  await login(page);
  await page.getByTestId('nav-payments').click();
  await expect(page).toHaveURL(/\/payments$/);
  const table = page.getByTestId('payments-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('payments-totals')).toContainText(/Totale \([\d.]+\): .*(€|CHF)/);
  // The export carries the filters and the UI language; the file is ; separated with Italian headers.
  await page.getByTestId('payments-filter-reversed').getByText('Validi').click();
  await expect(page).toHaveURL(/reversed=false/);
  const href = '/api/payments/export.csv?reversed=false&lang=it';
  await expect(page.getByTestId('payments-export')).toHaveAttribute('href', href);
  const csv = await page.request.get(href);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\r\n')[0]).toBe('\ufeffdata valuta;importo;valuta;mandante;debitore;metodo;riferimento;ordinante;stornato il;motivo dello storno;provenienza;file bancario;id pagamento');
  // An administrator may reverse: the action is offered (not used here, the demo stays as it is).
  await expect(table.getByTestId('payment-reverse').first()).toBeVisible();

  // A debtor with an open position (reached from an open claim).
  await page.goto('/claims?status=open');
  await page.getByTestId('claim-link').first().click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-f-]{36}$/);
  await page.locator('a[href^="/debtors/"]').first().click();
  await expect(page).toHaveURL(/\/debtors\/[0-9a-f-]{36}$/);
  await page.getByTestId('tab-plans').click();
  await expect(page.getByTestId('plans-panel')).toBeVisible();
  await page.getByTestId('plan-propose').click();
  const form = page.getByTestId('plan-propose-form');
  await expect(form.getByTestId('plan-position').first()).toBeVisible();
  await expect(form.getByTestId('plan-selected-total')).toContainText(/(€|CHF)/);
  await expect(form.getByTestId('plan-propose-submit')).toBeEnabled();
});
