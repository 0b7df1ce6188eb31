import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// The demo data's supervisor (see src/usecases/demo).
const SUPERVISOR = { email: 'supervisore@demo.incasso.test', password: 'incasso-demo' };

test.use({ viewport: { width: 1600, height: 1400 } });

/**
 * The claim's principal (1234.56), as the Italian UI writes it: the first friendly reminder of the
 * it-b2b strategy asks for no interest and no charges, so not the €40 of art. 6 D.Lgs. 231/2002 either.
 */
const AMOUNT = '1.234,56 €';

async function login(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(SUPERVISOR.email);
  await page.getByLabel('Password').fill(SUPERVISOR.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId('dashboard-totals')).toBeVisible();
}

/** The calendar day `days` before today in Europe/Rome, as the server's run date sees it. */
function romeDaysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

async function created(request: APIRequestContext, url: string, data: object): Promise<{ id: string }> {
  const res = await request.post(url, { data });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
  return (await res.json()) as { id: string };
}

/** A PDF's text by poppler's pdftotext, spaces of every width as plain spaces. */
function pdfText(pdf: Buffer): string {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.replace(/[\u00a0\u202f]/g, ' ');
}

test('a supervisor sets up a creditor’s strategy, simulates and runs its reminders, and downloads the letter', async ({ page }) => {
  await login(page);

  // A creditor of its own (its name sorts after the demo's, so pages that open on the first creditor
  // still show a demo one), with a debtor reachable only by post and an overdue claim: through the
  // API, so the demo's data stays as the other specs expect it.
  const suffix = Date.now().toString(36);
  const creditorName = `Zanetti Forniture e2e ${suffix}`;
  const creditor = await created(page.request, '/api/creditors', {
    name: creditorName,
    kind: 'company',
    addressLine1: 'Via Torino 21',
    postalCode: '10121',
    city: 'Torino',
    province: 'TO',
    country: 'IT',
    email: 'amministrazione@zanetti.example',
    iban: 'IT60X0542811101000000123456',
  });
  const debtorName = `Officine Brambilla e2e ${suffix} S.r.l.`;
  const debtor = await created(page.request, '/api/debtors', {
    kind: 'company',
    companyName: debtorName,
    addresses: [{ kind: 'registered_office', line1: 'Via Mazzini 8', postalCode: '25121', city: 'Brescia', province: 'BS', country: 'IT' }],
  });
  const reference = `FT-E2E-${suffix}`.toUpperCase();
  await created(page.request, '/api/claims', {
    creditorId: creditor.id,
    debtorId: debtor.id,
    externalRef: reference,
    kind: 'invoice',
    principal: '1234.56',
    currency: 'EUR',
    issueDate: romeDaysAgo(70),
    dueDate: romeDaysAgo(40),
  });

  // Strategie: a strategy from the Italian business template for this creditor, activated.
  await page.getByTestId('nav-strategies').click();
  await expect(page).toHaveURL(/\/strategies\?creditorId=/);
  await page.getByTestId('strategy-creditor').click();
  await page.getByRole('option', { name: creditorName }).click();
  await expect(page).toHaveURL(new RegExp(`creditorId=${creditor.id}`));
  await expect(page.getByText('Nessuna strategia')).toBeVisible();
  await page.getByTestId('strategy-template').click();
  await page.getByRole('option', { name: /^Italia – imprese/ }).click();
  await page.getByTestId('strategy-name').fill('Imprese e2e');
  await page.getByTestId('create-strategy').click();
  await expect(page).toHaveURL(/\/strategies\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('page-title')).toHaveText('Imprese e2e');
  await page.getByTestId('activate-strategy').click();
  await page.getByTestId('confirm-active').click();
  await expect(page.getByText(/Strategia attivata: \d+ pratiche spostate/)).toBeVisible();
  await expect(page.getByTestId('strategy-state')).toHaveText('Attiva');

  // Solleciti, for this creditor only: the simulation shows the letter that would go out.
  await page.getByTestId('nav-dunning').click();
  await expect(page).toHaveURL(/\/dunning$/);
  await page.getByTestId('dunning-creditor').click();
  await page.getByRole('option', { name: creditorName }).click();
  await expect(page.getByTestId('dunning-creditor')).toHaveValue(creditorName);
  await page.getByTestId('dunning-dry-run').click();
  const result = page.getByTestId('dunning-result');
  await expect(result.getByTestId('dunning-result-title')).toContainText('nulla è stato inviato');
  await expect(result.getByTestId('dunning-communications')).toHaveText('1');
  await expect(result.getByTestId('dunning-blocked')).toHaveText('0');
  await expect(result.getByTestId('dunning-failed-count')).toHaveText('0');
  await expect(result.getByTestId('dunning-claims-assigned')).toHaveText('1');
  const rows = result.getByTestId('dunning-actions').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText(debtorName);
  await expect(row).toContainText(creditorName);
  await expect(row).toContainText('1 · soft-1');
  await expect(row).toContainText('Sollecito bonario');
  await expect(row).toContainText('Lettera');
  await expect(row).toContainText('Via Mazzini 8, 25121 Brescia BS');
  await expect(row).toContainText(reference);
  // What the friendly reminder asks: the principal and the €40 compensation one business owes another
  // for late payment (D.Lgs. 231/2002, art. 6); interest is not charged at this step.
  await expect(row).toContainText(`${reference} (1) ${AMOUNT}`);
  await page.screenshot({ path: 'test-results/screenshots/dunning-run-simulation.png', fullPage: true });
  // A simulation sends nothing.
  const none = await page.request.get(`/api/debtors/${debtor.id}/communications`);
  expect((await none.json()).total).toBe(0);

  // The run itself, confirmed: the letter is made and its PDF rendered at once.
  await page.getByTestId('dunning-run').click();
  await expect(page.getByTestId('dunning-run-scope')).toHaveText(`Solo per le pratiche di ${creditorName}.`);
  await page.getByTestId('confirm-dunning-run').click();
  await expect(result.getByTestId('dunning-result-title')).toContainText('eseguiti');
  await expect(result.getByTestId('dunning-communications')).toHaveText('1');
  await expect(result.getByTestId('dunning-rendered')).toContainText(/Lettere generate: [1-9]\d*, non generabili: 0/);
  await expect(result.getByTestId('dunning-failed')).toHaveCount(0);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Lettera');
  await page.screenshot({ path: 'test-results/screenshots/dunning-run-done.png', fullPage: true });

  // The debtor's page, Comunicazioni: the letter is listed with its document.
  await rows.first().getByRole('link', { name: debtorName }).click();
  await expect(page).toHaveURL(new RegExp(`/debtors/${debtor.id}`));
  await page.getByTestId('tab-communications').click();
  const list = page.getByTestId('debtor-communications');
  const letterRow = list.locator('tbody tr').filter({ hasText: reference });
  await expect(letterRow).toHaveCount(1);
  await expect(letterRow).toContainText('Lettera');
  await expect(letterRow).toContainText(AMOUNT);
  const link = letterRow.getByTestId('communication-download');
  await expect(link).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/dunning-run-communications.png', fullPage: true });

  // Downloaded through the link: the bytes are the stored ones (SHA-256 as the server recorded it)
  // and the PDF names the claim and its amount.
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/communications\/[0-9a-f-]{36}\/document$/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const bytes = fs.readFileSync((await download.path())!);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const sha = res.headers()['x-content-sha256'];
  expect(sha).toMatch(/^[0-9a-f]{64}$/);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
  expect(Buffer.compare(await res.body(), bytes)).toBe(0);
  const text = pdfText(bytes);
  expect(text).toContain(reference);
  expect(text).toContain(AMOUNT.replace(' €', ''));
  expect(text).toContain(debtorName);
});
