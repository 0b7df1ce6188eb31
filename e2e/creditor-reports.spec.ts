/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './login.ts';

test.use({ viewport: { width: 1280, height: 1800 } });

interface ClaimRow {
  id: string;
  externalRef: string;
  kind: string;
  creditorName: string;
  balance: { interestDue: string };
}

test('a supervisor schedules a creditor’s monthly report, a user chooses its alerts, an interest invoice is issued and downloaded', async ({ page }) => {
  await login(page);

  // Scheduled reports: the first creditor, monthly, to two addresses.
  await page.getByTestId('nav-report-schedules').click();
  await page.getByTestId('schedules-creditor').click();
  await page.getByRole('option').first().click();
  const recipients = page.getByTestId('schedules-recipients');
  await recipients.fill('ufficio.tributi@comune.test');
  await recipients.press('Enter');
  await recipients.fill('ragioneria@comune.test');
  await recipients.press('Enter');
  await page.getByTestId('schedules-create').click();
  const card = page.getByTestId('schedule-card').filter({ hasText: 'ragioneria@comune.test' });
  await expect(card).toContainText('Mensile');
  await expect(card).toContainText('Prossimo invio');
  await expect(card).toContainText('ufficio.tributi@comune.test, ragioneria@comune.test');

  // Alerts on the dashboard: the user keeps broken promises, lapsed plans and expiring guarantees, by e-mail.
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('alerts-settings').click();
  await page.getByRole('checkbox', { name: 'Fatture scadute' }).uncheck();
  await page.getByRole('checkbox', { name: 'Contestazioni aperte' }).uncheck();
  await page.getByTestId('alerts-save').click();
  await expect(page.getByText('Avvisi salvati')).toBeVisible();
  const settings = await (await page.request.get('/api/alerts/settings')).json();
  expect(settings).toMatchObject({ kinds: ['promise_broken', 'plan_lapsed', 'guarantee_expiring'], email: true, saved: true });

  // An open invoice of the demo with interest: its interest invoiced separately.
  const list = await page.request.get('/api/claims?status=open&currency=EUR&pageSize=100&sort=dueDate&order=asc');
  const claim = ((await list.json()) as { items: ClaimRow[] }).items.find((c) => c.kind === 'invoice' && /[1-9]/.test(c.balance.interestDue));
  expect(claim, 'an open EUR invoice with interest').toBeTruthy();
  await page.goto(`/claims/${claim!.id}`);
  const panel = page.getByTestId('claim-interest');
  await panel.scrollIntoViewIfNeeded();
  await panel.getByTestId('interest-invoice-issue').click();
  const invoices = panel.getByTestId('interest-invoices');
  await expect(invoices).toContainText(`1/${new Date().getFullYear()}`);
  const href = await invoices.getByRole('link', { name: 'PDF' }).first().getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // The same interest cannot be invoiced twice: a second invoice of today is refused with the reason.
  await panel.getByTestId('interest-invoice-issue').click();
  await expect(page.getByText(/già fatturati/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/creditor-reports.png', fullPage: true });
});
