import { expect, test, type APIRequestContext } from '@playwright/test';
import { login } from './login.ts';

test.use({ viewport: { width: 1400, height: 2000 } });

async function created(request: APIRequestContext, url: string, data: object): Promise<{ id: string }> {
  const res = await request.post(url, { data });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
  return (await res.json()) as { id: string };
}

/** An 11-digit partita IVA with a right check digit (Luhn-like, DPR 605/1973). */
function partitaIva(seed: number): string {
  const first10 = String(1_000_000_000 + (seed % 8_999_999_999)).slice(0, 10);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(first10[i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return first10 + String((10 - (sum % 10)) % 10);
}

test('a comune’s regulation and the agency’s albo are edited; a position shows its act and components, and the ravvedimento against the assessment', async ({ page }) => {
  await login(page);
  const suffix = Date.now().toString(36);
  const comuneName = `Comune di Valdoria e2e ${suffix}`;
  const comune = await created(page.request, '/api/creditors', {
    name: comuneName,
    kind: 'public_entity',
    taxCode: partitaIva(Date.now()),
    cadastralCode: 'L219',
  });
  const debtor = await created(page.request, '/api/debtors', { kind: 'company', companyName: `Immobiliare Contribuente e2e ${suffix} S.r.l.` });

  // The comune's regulation: points and allocation order, saved with the creditor.
  await page.goto(`/creditors/${comune.id}/edit`);
  const regulation = page.getByTestId('regulation-section');
  await expect(regulation).toContainText('Regolamento entrate');
  // No regulation of its own yet: set one up from the law's values, then edit it.
  await expect(regulation).toContainText('valgono i valori di legge');
  await regulation.getByTestId('adopt-regulation').click();
  await expect(regulation.getByTestId('interest-points')).toHaveValue('0');
  await expect(regulation.getByTestId('sanction-regimes')).toContainText('D.Lgs. 87/2024');
  await expect(regulation.getByTestId('c803')).toContainText('300,00 €');
  // Points beyond the law's 3: the server's reason under the field.
  await regulation.getByTestId('interest-points').fill('4');
  await page.getByTestId('save').click();
  await expect(regulation).toContainText('al massimo di 3 punti');
  await regulation.getByTestId('interest-points').fill('1,5');
  await page.screenshot({ path: 'test-results/screenshots/comune-regulation.png', fullPage: true });
  const parts = regulation.getByTestId('allocation-part');
  await expect(parts.first()).toHaveText('1. Spese di notifica');
  // "Imposta" first: up from its place until it leads.
  const taxIndex = (await parts.allTextContents()).findIndex((x) => x.endsWith('Imposta'));
  for (let i = taxIndex; i > 0; i--) await regulation.getByRole('button', { name: 'Sposta su: Imposta' }).click();
  await expect(parts.first()).toHaveText('1. Imposta');
  await page.getByTestId('pagopa-section').getByTestId('notice-mode').click();
  await page.getByRole('option', { name: 'Forniti dal comune con la lista di carico' }).click();
  await page.getByTestId('save').click();
  await expect(page).toHaveURL(/\/creditors$/);
  const saved = (await (await page.request.get(`/api/creditors/${comune.id}`)).json()) as {
    revenueRules: { interestPoints: string; allocationOrder: string[] };
    pagopa: { noticeMode: string };
  };
  expect(saved.revenueRules.interestPoints).toBe('1.5');
  expect(saved.revenueRules.allocationOrder[0]).toBe('tax');
  expect(saved.pagopa.noticeMode).toBe('supplied');

  // The agency's albo registration, from the navigation.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('page-title')).toHaveText('Impostazioni dell’agenzia');
  const albo = page.getByTestId('albo-section');
  await albo.getByTestId('albo-section-select').click();
  await page.getByRole('option', { name: 'Sezione ordinaria' }).click();
  const number = `E2E-${suffix}`.slice(0, 30);
  await albo.getByTestId('albo-number').fill(number);
  await albo.getByTestId('albo-registered-on').fill('15/03/2023');
  await albo.getByTestId('albo-registered-on').press('Tab');
  // Wait for this save itself (the creditor's "saved" notice may still be on screen).
  const saving = page.waitForResponse((r) => r.url().endsWith('/api/settings') && r.request().method() === 'PATCH');
  await page.getByTestId('save').click();
  expect((await saving).status()).toBe(200);
  const settings = (await (await page.request.get('/api/settings')).json()) as { albo: { number: string; section: string; registeredOn: string } };
  expect(settings.albo).toEqual({ section: 'ordinary', number, registeredOn: '2023-03-15' });
  await page.reload();
  await expect(albo.getByTestId('albo-number')).toHaveValue(number);
  await page.screenshot({ path: 'test-results/screenshots/agency-settings.png', fullPage: true });

  // An assessed IMU position: its act, its notice code in groups of four and its components.
  const assessed = await created(page.request, '/api/claims', {
    creditorId: comune.id,
    debtorId: debtor.id,
    externalRef: `ACC-IMU-2022-${suffix}`,
    kind: 'imu',
    currency: 'EUR',
    dueDate: '2025-03-10',
    taxYear: 2022,
    act: { kind: 'accertamento_esecutivo', number: 'ACC/2025/118', date: '2024-12-20', notifiedOn: '2025-01-08', enforceableOn: '2025-03-10' },
    // A valid pagoPA notice code (aux digit 3, segregation code 12); unique per comune.
    noticeCode: '312000000000004260',
    components: [
      { kind: 'tax', amount: '1000.00', tributeCode: '3918' },
      { kind: 'sanctions', amount: '300.00', tributeCode: '3924' },
      { kind: 'act_interest', amount: '85.50', tributeCode: '3923' },
      { kind: 'notification_costs', amount: '10.00' },
    ],
  });
  await page.goto(`/claims/${assessed.id}`);
  await expect(page.getByTestId('act-kind')).toHaveText('Avviso di accertamento esecutivo');
  await expect(page.getByTestId('act-number')).toHaveText('ACC/2025/118');
  await expect(page.getByTestId('notice-code')).toHaveText('3120 0000 0000 0042 60');
  const components = page.getByTestId('components-table');
  await expect(components.getByTestId('component-tax')).toContainText('Imposta');
  await expect(components.getByTestId('component-tax')).toContainText('3918');
  await expect(components.getByTestId('component-tax')).toContainText('1.000,00 €');
  await expect(components.getByTestId('component-sanctions')).toContainText('300,00 €');
  await expect(components.getByTestId('component-act_interest')).toContainText('85,50 €');
  await expect(components.getByTestId('component-notification_costs')).toContainText('Spese di notifica');
  await expect(page.getByTestId('components-total')).toContainText('€');
  // The statement per component to a chosen day: the engine's figures for that day, not the stored ones.
  const day = '2025-06-30';
  const statement = (await (await page.request.get(`/api/claims/${assessed.id}/statement?asOf=${day}`)).json()) as {
    statement: { totalDue: string; interest: string };
    components: { kind: string; due: string }[];
  };
  expect(statement.components.find((c) => c.kind === 'tax')?.due).toBe('1000.00');
  await page.getByTestId('components-as-of').fill('30/06/2025');
  await page.getByTestId('components-as-of').press('Tab');
  const panelTotal = page.getByTestId('components-panel');
  await expect(panelTotal).toContainText('Totale dovuto al 30/06/2025');
  const euro = (v: string) => {
    const [units = '', cents = ''] = v.split('.');
    return `${units.replace(/\B(?=(\d{3})+$)/g, '.')},${cents} €`;
  };
  await expect(page.getByTestId('components-total')).toHaveText(euro(statement.statement.totalDue));
  // The call script fits the act: the assessment is named as a title, never "paying avoids it".
  const script = page.getByTestId('call-script');
  await expect(script.getByTestId('call-script-explain')).toContainText('avviso di accertamento esecutivo n. ACC/2025/118 del 20/12/2024');
  await expect(script.getByTestId('call-script-amount')).toContainText('codice avviso 3120 0000 0000 0042 60');
  await expect(script).not.toContainText('si evitano l’avviso');
  // An assessed position has no ravvedimento any more.
  await expect(page.getByTestId('ravvedimento-panel')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/position-components.png', fullPage: true });

  // A bonario IMU 2024 position: ravvedimento on 10/01/2025 against the assessment (municipal-notes §6.7).
  const bonario = await created(page.request, '/api/claims', {
    creditorId: comune.id,
    debtorId: debtor.id,
    externalRef: `SOL-IMU-2024-${suffix}`,
    kind: 'imu',
    currency: 'EUR',
    dueDate: '2024-12-16',
    taxYear: 2024,
    act: { kind: 'bonario', number: 'SOL/2025/7', date: '2025-01-05' },
    components: [{ kind: 'tax', amount: '1000.00', tributeCode: '3918' }],
  });
  await page.goto(`/claims/${bonario.id}`);
  await expect(page.getByTestId('act-kind')).toHaveText('Sollecito bonario');
  const panel = page.getByTestId('ravvedimento-panel');
  await expect(panel.getByTestId('ravvedimento-total')).toContainText('€');
  await panel.getByTestId('ravvedimento-pay-on').fill('10/01/2025');
  await panel.getByTestId('ravvedimento-pay-on').press('Tab');
  await expect(panel.getByTestId('ravvedimento-days-late')).toContainText('25 giorni');
  await expect(panel.getByTestId('ravvedimento-sanction')).toHaveText('12,50 €');
  await expect(panel.getByTestId('ravvedimento-interest')).toHaveText('1,58 €');
  await expect(panel.getByTestId('ravvedimento-total')).toHaveText('1.014,08 €');
  await expect(panel.getByTestId('ravvedimento-side')).toContainText('1/10');
  await expect(panel.getByTestId('ravvedimento-f24')).toContainText('3918');
  await expect(panel.getByTestId('ravvedimento-f24')).toContainText('L219');
  await expect(panel.getByTestId('ravvedimento-f24')).toContainText('1.014,08 €');
  // The assessment: 25 % sanction, legal rate + 1.5 points.
  await expect(panel.getByTestId('assessment-sanction')).toHaveText('250,00 €');
  await expect(panel.getByTestId('assessment-side')).toContainText('+ 1,5 punti');
  // 1,000 × 4 % × 15/365 + 1,000 × 3.5 % × 10/365 = 1.64 + 0.96.
  await expect(panel.getByTestId('assessment-interest')).toHaveText('2,60 €');
  await expect(panel.getByTestId('assessment-total')).toHaveText('1.252,60 €');
  await expect(panel.getByTestId('ravvedimento-saving')).toContainText('si risparmiano');
  await page.screenshot({ path: 'test-results/screenshots/position-ravvedimento.png', fullPage: true });
});
