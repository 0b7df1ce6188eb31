import { expect, test, type Page } from '@playwright/test';
import { freshDataDir, runCli, startServer, type Server } from './own-server.ts';

/*
 * Issue 17 "Done when", in the browser, on the demo data (its hand-built customers, demo-histories.ts):
 * (a) the debtor page's Rischio tab shows the payment-behaviour profile, the class with its explanation
 *     and the advice; the operator's choice is recorded with its reason;
 * (b) a guarantee is added on that debtor, expiring in 30 days: the register lists it as expiring, and the
 *     next morning's alert digest (`incasso report alerts`, as the 06:15 job) puts it on the dashboard;
 * (c) the bad customer's invoice at the legal tier is handed over to the law firm from the claim page;
 *     logged in as the firm's user, it sees that dossier and nothing else.
 * Its own server: the clock is fixed, so the expiry, the digest's day and the demo's histories line up.
 */

const ADMIN = { email: 'admin@demo.incasso.test', password: 'incasso-demo' };
const FIRM = { email: 'studio.legale@demo.incasso.test', password: 'incasso-demo' };
/** A Monday morning in Rome; the digest is made the next morning. */
const T0 = '2026-03-16T10:00:00+01:00';
const T1 = '2026-03-17T07:00:00+01:00';
/** 30 days after T0: inside the 30-day expiry window, entering it on T0 (the day the next digest covers). */
const EXPIRES = '15/04/2026';

async function login(page: Page, base: string, user: { email: string; password: string }, landmark = 'nav-dashboard') {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId(landmark)).toBeVisible();
}

async function logout(page: Page, base: string) {
  await page.request.post(`${base}/api/auth/logout`);
  await page.context().clearCookies();
}

async function openDebtor(page: Page, name: string) {
  await page.getByTestId('nav-debtors').click();
  await page.getByTestId('debtor-search').fill(name);
  await page.getByTestId('debtor-search').press('Enter');
  const link = page.getByTestId('debtor-link').filter({ hasText: name });
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page.getByTestId('debtor-name')).toHaveText(name);
}

test.use({ viewport: { width: 1400, height: 1800 }, actionTimeout: 30_000 });

test('risk class, explanation and advice on the debtor page, a guarantee and its expiry alert, a claim handed over to the law firm that sees only its dossier', async ({ page }) => {
  test.setTimeout(600_000);
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
  const dir = freshDataDir('risk');
  let server: Server | null = await startServer(T0, dir);
  try {
    let base = server.url;
    await login(page, base, ADMIN);

    // (a) A punctual customer is A with nothing adverse; the advice for it is to negotiate.
    await openDebtor(page, 'Officine Brambilla S.r.l.');
    await page.getByTestId('tab-risk').click();
    const panel = page.getByTestId('risk-panel');
    await expect(panel.getByTestId('risk-class').first()).toHaveText('A');
    await expect(panel.getByTestId('risk-figures')).toContainText('100% (6/6)');
    await expect(page.getByTestId('risk-advice-recommend')).toHaveText('Negoziare: offrire un piano');

    // A customer paying later and later: B, worsening, the advice to ask for a guarantee, with its reasons.
    await openDebtor(page, 'Edilnova S.n.c.');
    await page.getByTestId('tab-risk').click();
    await expect(panel.getByTestId('risk-class').first()).toHaveText('B');
    await expect(panel.getByTestId('risk-explanation')).toContainText(/^B: /);
    await expect(panel.getByTestId('risk-figures')).toContainText('in peggioramento');
    await expect(panel.getByTestId('risk-figures')).toContainText('56% (5/9)');
    const advice = page.getByTestId('risk-advice');
    await expect(page.getByTestId('risk-advice-recommend')).toHaveText('Chiedere una garanzia');
    await expect(advice.getByText(/^• /).first()).toBeVisible();
    // The operator's choice with its reason: a reason is required, then the choice is listed.
    await advice.getByTestId('advice-save').click();
    await expect(advice.getByText('Campo obbligatorio')).toBeVisible();
    await advice.getByTestId('advice-reason').fill('Chiesta fideiussione bancaria prima della prossima fornitura.');
    await advice.getByTestId('advice-save').click();
    const choices = page.getByTestId('advice-choices');
    await expect(choices).toContainText('Chiesta fideiussione bancaria prima della prossima fornitura.');
    await expect(choices.locator('tbody tr')).toHaveCount(1);
    await expect(choices.locator('tbody tr').first()).toContainText('Chiedere una garanzia');

    // The thresholds are data the agency edits: paid on time below 60 % makes a C (Edilnova: 56 %).
    // The classes are recomputed by the job queue (this server runs none: `incasso risk refresh` below).
    await page.getByTestId('nav-settings').click();
    const rules = page.getByTestId('risk-rules');
    await expect(rules.getByTestId('risk-C-onTimeBelow')).toHaveValue('50');
    await expect(rules.getByTestId('risk-C-onTimeBelow')).toBeDisabled();
    await rules.getByLabel('Soglie proprie dell’agenzia').check();
    await rules.getByTestId('risk-C-onTimeBelow').fill('60');
    await rules.getByTestId('risk-save').click();
    await expect(page.getByText('Soglie salvate: le classi sono in ricalcolo')).toBeVisible();
    await page.reload();
    await expect(rules.getByTestId('risk-C-onTimeBelow')).toHaveValue('60');
    await expect(rules.getByLabel('Soglie proprie dell’agenzia')).toBeChecked();
    await openDebtor(page, 'Edilnova S.n.c.');

    // (b) The guarantee asked for, added on the debtor's page: a bank guarantee expiring in 30 days.
    const guarantees = page.getByTestId('debtor-guarantees');
    await guarantees.getByTestId('debtor-guarantee-add').click();
    const form = guarantees.getByTestId('guarantee-form');
    await form.getByTestId('guarantee-creditor').click();
    await page.getByRole('option', { name: 'Ferramenta Lombarda S.p.A.' }).click();
    await form.getByTestId('guarantee-guarantor-name').fill('Banca di Monza e Brianza S.p.A.');
    await form.getByTestId('guarantee-reference').fill('FB-2026-0077');
    await form.getByTestId('guarantee-amount').fill('20.000,00');
    await form.getByTestId('guarantee-valid-from').fill('16/03/2026');
    await form.getByTestId('guarantee-valid-to').fill(EXPIRES);
    await form.getByTestId('guarantee-valid-to').press('Tab');
    await form.getByTestId('guarantee-save').click();
    await expect(form).toBeHidden();
    const row = guarantees.getByTestId('guarantee-row').filter({ hasText: 'Banca di Monza e Brianza' });
    await expect(row).toContainText('FB-2026-0077');
    await expect(row).toContainText('20.000,00');
    await expect(row.getByTestId('guarantee-days-left')).toHaveText('tra 30 giorni');

    // The register, expiring within 30 days: this one and the demo's (1 April), nothing later.
    await page.getByTestId('nav-guarantees').click();
    await page.getByTestId('guarantees-expiring').click();
    const expiring = page.getByTestId('guarantees-table').getByTestId('guarantee-row');
    await expect(expiring).toHaveCount(2);
    await expect(expiring.filter({ hasText: 'Edilnova S.n.c.' })).toContainText('15/04/2026');

    // The dashboard's alerts: the admin chooses the guarantees' expiry among them.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('alerts-settings').click();
    const expiryBox = page.getByRole('checkbox', { name: 'Garanzie in scadenza' });
    await expiryBox.check();
    await page.getByTestId('alerts-save').click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByTestId('alerts-card')).toContainText('Il primo riepilogo arriva domattina.');

    // The next morning's digest (the 06:15 job): the guarantee entered its 30-day window yesterday.
    await logout(page, base);
    await server.stop(false);
    server = null;
    runCli(dir, T1, ['report', 'alerts']);
    expect(runCli(dir, T1, ['risk', 'refresh'])).toMatch(/profili di rischio al 2026-03-17: \d+ profili calcolati/);
    server = await startServer(T1, dir);
    base = server.url;
    await login(page, base, ADMIN);
    const alerts = page.getByTestId('alerts-card');
    await expect(alerts).toContainText('Garanzie in scadenza');
    const alert = alerts.getByRole('link', { name: 'Edilnova S.n.c.' });
    await expect(alert).toBeVisible();
    await expect(alerts).toContainText('15/04/2026');
    await alert.click();
    await expect(page.getByTestId('debtor-name')).toHaveText('Edilnova S.n.c.');
    // Recomputed with the agency's thresholds: C, with the reason that made it so.
    await page.getByTestId('tab-risk').click();
    await expect(page.getByTestId('risk-panel').getByTestId('risk-class').first()).toHaveText('C');
    await expect(page.getByTestId('risk-explanation')).toContainText(/^C: .*56%/);

    // (c) The bad customer: D, the advice to close the relationship; its invoice at the legal tier is handed over.
    await openDebtor(page, 'Costruzioni Rota S.r.l.');
    await page.getByTestId('tab-risk').click();
    await expect(page.getByTestId('risk-panel').getByTestId('risk-class').first()).toHaveText('D');
    await expect(page.getByTestId('risk-explanation')).toContainText(/^D: 4 delle ultime 5 fatture pagate con oltre 60 giorni di ritardo/);
    await expect(page.getByTestId('risk-advice-recommend')).toHaveText('Chiudere il rapporto');
    await page.getByTestId('tab-claims').click();
    const debtorClaims = page.getByTestId('debtor-claims');
    const legalRow = debtorClaims.locator('tr').filter({ hasText: 'In via legale' });
    await expect(legalRow).toHaveCount(1);
    const ref = (await legalRow.getByTestId('claim-link').innerText()).trim();
    const otherRef = (await debtorClaims.getByTestId('claim-link').filter({ hasNotText: ref }).first().innerText()).trim();
    await legalRow.getByTestId('claim-link').click();
    await expect(page).toHaveURL(/\/claims\/[0-9a-f-]{36}$/);
    const claimId = page.url().split('/').pop()!;
    const legal = page.getByTestId('legal-panel');
    await legal.getByTestId('legal-prepare').click();
    await expect(legal.getByTestId('legal-sheet')).toBeVisible();
    await expect(legal.getByTestId('legal-recommendation')).toBeVisible();
    await legal.getByTestId('legal-firm-name').fill('Studio Legale Fontana');
    await legal.getByTestId('legal-firm-user').click();
    await page.getByRole('option', { name: /studio\.legale@demo\.incasso\.test/ }).click();
    await legal.getByTestId('legal-hand-over').click();
    await expect(legal.getByTestId('legal-handed-on')).toContainText('Studio Legale Fontana');
    await expect(legal.getByTestId('legal-zip')).toBeVisible();
    const other = (await (await page.request.get(`${base}/api/claims?q=${encodeURIComponent(otherRef)}`)).json()) as { items: { id: string; debtorId: string }[] };
    const otherClaim = other.items[0]!;
    await logout(page, base);

    // The law firm's user: its one page, that dossier and nothing else.
    await login(page, base, FIRM, 'firm-dossiers');
    const dossiers = page.getByTestId('firm-dossier');
    await expect(dossiers).toHaveCount(1);
    await expect(dossiers.first()).toContainText(ref);
    await expect(dossiers.first()).toContainText('Costruzioni Rota S.r.l.');
    await expect(page.getByTestId('nav-debtors')).toHaveCount(0);
    await expect(page.getByTestId('nav-claims')).toHaveCount(0);
    await expect(page.getByTestId('nav-dashboard')).toHaveCount(0);
    // Its dossier downloads; the claim's own page, another claim, the debtor, the lists are refused.
    const zip = await page.request.get(`${base}${await dossiers.first().getByRole('link', { name: /ZIP/ }).getAttribute('href')}`);
    expect(zip.status()).toBe(200);
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
    // The firm records the decree and its court fee, entered the Italian way.
    const card = dossiers.first();
    await card.getByRole('combobox', { name: 'Esito' }).click();
    await page.getByRole('option', { name: 'Decreto emesso' }).click();
    await card.getByLabel('Data').fill('17/03/2026');
    await card.getByLabel('Data').press('Tab');
    await card.getByLabel('Voce di spesa').fill('Contributo unificato');
    await card.getByLabel('Importo').fill('1.145,50');
    await card.getByRole('button', { name: 'Registra l’esito' }).click();
    await expect(card).toContainText('Decreto emesso');
    const dossierId = (await card.getByRole('link', { name: /ZIP/ }).getAttribute('href'))!.split('/')[4]!;
    const recorded = (await (await page.request.get(`${base}/api/legal/dossiers/${dossierId}`)).json()) as { outcomes: { outcome: string; occurredOn: string; costIds: string[] }[] };
    expect(recorded.outcomes).toMatchObject([{ outcome: 'decree_issued', occurredOn: '2026-03-17' }]);
    expect(recorded.outcomes[0]!.costIds).toHaveLength(1);
    for (const path of [`/api/claims/${otherClaim.id}`, `/api/claims/${claimId}`, `/api/debtors/${otherClaim.debtorId}`, '/api/claims', '/api/debtors', '/api/guarantees']) {
      expect([403, 404], path).toContain((await page.request.get(`${base}${path}`)).status());
    }
    const listed = (await (await page.request.get(`${base}/api/legal/dossiers`)).json()) as { items: { claimRef?: string }[] };
    expect(listed.items).toHaveLength(1);
    // A page of the agency's app shows the firm's page, not the claim.
    await page.goto(`${base}/claims/${otherClaim.id}`);
    await expect(page.getByTestId('firm-dossiers')).toBeVisible();
    await expect(page.getByText(otherRef)).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/debtor-risk-firm.png', fullPage: true });
  } finally {
    await server?.stop();
  }
});
