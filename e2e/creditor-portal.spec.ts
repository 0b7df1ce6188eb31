/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { ADMIN, login } from './login.ts';

/** The comune's read-only user of the demo data (src/usecases/demo/demo-data.ts). */
const COMUNE = { email: 'comune@demo.incasso.test', password: ADMIN.password };

test.use({ viewport: { width: 1400, height: 2000 } });

test('the comune’s user follows its mandate on Andamento (collection-rate chart, progress), downloads the discharge report, and sees no other creditor', async ({ page }) => {
  await login(page);
  const creditors = (await (await page.request.get('/api/creditors?pageSize=100')).json()) as { items: { id: string; name: string; kind: string }[] };
  const company = creditors.items.find((c) => c.kind === 'company')!;
  await page.getByTestId('logout').click();

  await login(page, COMUNE);
  await page.getByTestId('nav-portal').click();
  const chart = page.getByTestId('portal-rate-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('portal-progress')).toContainText('IMU');
  await expect(page.getByTestId('portal-per-month')).toBeVisible();
  // Its own creditor only: asking for another one's figures is "not found".
  expect((await page.request.get(`/api/portal/progress?creditorId=${company.id}`)).status()).toBe(404);
  const csv = await page.request.get(await page.getByTestId('portal-export-csv').getAttribute('href').then((h) => h!));
  expect(csv.status()).toBe(200);
  expect(await csv.text()).not.toContain(company.name);

  await page.getByTestId('nav-discharge').click();
  await expect(page.getByTestId('discharge-holds')).toBeVisible();
  const href = await page.getByTestId('discharge-file-pdf').getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await page.screenshot({ path: 'test-results/screenshots/creditor-portal.png', fullPage: true });
});
