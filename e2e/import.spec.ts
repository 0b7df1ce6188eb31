/// <reference lib="dom" />
import { expect, test } from '@playwright/test';

// The demo data's supervisor (imports are a supervisor's task; see src/usecases/demo).
const SUPERVISOR = { email: 'supervisore@demo.incasso.test', password: 'incasso-demo' };

test.use({ viewport: { width: 1280, height: 1600 } });

/** A small overdue-invoice export: `;`, decimal commas, one bad amount, one debtor with no contact. */
const CSV = [
  'Numero fattura;Cognome;Nome;Codice fiscale;Indirizzo;CAP;Comune;Email;Importo;Scadenza',
  'E2E-001;Esposito;Carla;SPSCRL80A41F839C;Via Toledo 1;80100;Napoli;carla@example.it;1.234,56;31/01/2025',
  'E2E-002;Ferri;Paolo;FRRPLA75B12H501B;Via Appia 7;00100;Roma;;480,00;28/02/2025',
  'E2E-003;Galli;Nora;GLLNRO90C55L219R;Via Po 3;10100;Torino;nora@example.it;12,345;31/03/2025',
].join('\r\n');

test('a supervisor uploads a file, maps the columns, imports it, and sees the rejected rows and the skip-tracing list', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(SUPERVISOR.email);
  await page.getByLabel('Password').fill(SUPERVISOR.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId('dashboard-totals')).toBeVisible();

  await page.getByTestId('nav-imports').click();
  await expect(page.getByTestId('page-title')).toHaveText('Importazioni');
  await page.getByTestId('import-creditor').click();
  await page.getByRole('option', { name: 'Ferramenta Lombarda S.p.A.' }).click();
  await page.locator('input[type="file"]').setInputFiles({ name: 'crediti-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await page.getByTestId('import-upload').click();

  // Preview and mapping suggested from the Italian headers.
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('import-detected')).toContainText('CSV');
  await expect(page.getByTestId('import-preview')).toContainText('E2E-002');
  await expect(page.getByTestId('map-externalRef')).toHaveValue('Numero fattura');
  await expect(page.getByTestId('map-principal')).toHaveValue('Importo');
  await expect(page.getByTestId('map-dueDate')).toHaveValue('Scadenza');

  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('dry-run-result')).toContainText('2 nuove');

  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-status')).toHaveText('Completato', { timeout: 30_000 });
  await expect(page.getByTestId('count-imported')).toHaveText('2');
  await expect(page.getByTestId('count-rejected')).toHaveText('1');
  const rejects = page.getByTestId('rejects-table');
  await expect(rejects).toContainText('4');
  await expect(rejects).toContainText('Importo');
  await expect(page.getByTestId('report-unreachable')).toHaveText('1');
  await page.screenshot({ path: 'test-results/screenshots/import.png', fullPage: true });

  await page.getByTestId('open-skip-tracing').click();
  await expect(page).toHaveURL(/\/skip-tracing\?importJobId=/);
  await expect(page.getByTestId('skip-tracing-table')).toContainText('Ferri Paolo');
  await expect(page.getByTestId('skip-tracing-table')).not.toContainText('Esposito');
});
