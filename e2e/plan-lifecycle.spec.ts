import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { camtXml } from '../src/test/camt.ts';
import { freshDataDir, runCli, startServer, type Server } from './own-server.ts';

/*
 * An instalment plan's life in the browser (issue 15, "Done when"): an operator proposes a plan from a
 * taxpayer's page — more instalments than the c.796 schedule allows, so it waits — a supervisor approves
 * it, its PDF is downloaded (a pagoPA notice per instalment, read with pdftotext), the first instalment
 * is paid by a bank file uploaded on Riconciliazione, carrying that notice; then the months pass
 * (INCASSO_CLOCK, and the nightly plan work run as `incasso plans daily`): the second instalment is
 * missed and gets its express reminder, the third too — and the plan lapses (c.800), shown on the page.
 */

const OPERATOR = { email: 'operatore@demo.incasso.test', password: 'incasso-demo' };
const SUPERVISOR = { email: 'supervisore@demo.incasso.test', password: 'incasso-demo' };
/** A Monday morning in Rome: the day the plan is agreed (months later still inside the shipped rate tables). */
const T0 = '2026-06-01T10:00:00+02:00';

async function login(page: Page, base: string, user: { email: string; password: string }) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId('nav-dashboard')).toBeVisible();
}

async function logout(page: Page, base: string) {
  await page.request.post(`${base}/api/auth/logout`);
  await page.context().clearCookies();
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** 10:00 in Rome on `date` (winter or summer time). */
function romeMorning(date: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const d = new Date(`${date}T10:00:00${offset}`);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    if (local === '10:00') return `${date}T10:00:00${offset}`;
  }
  throw new Error(date);
}

interface Plan {
  id: string;
  state: string;
  needsApproval: boolean;
  instalments: { number: number; dueOn: string; amount: string; paid: string; state: string; remindedOn: string | null }[];
}

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 30_000 });

test('a plan proposed from a debtor, approved, its PDF downloaded, an instalment paid by a bank file, two missed after reminders: the lapse shown', async ({ page }) => {
  test.setTimeout(900_000);
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
  const dir = freshDataDir('plan');
  let server: Server | null = await startServer(T0, dir);
  try {
    let base = server.url;
    await login(page, base, OPERATOR);

    // A taxpayer of the comune with a single open position between 150 and 500 euro (c.796: at most 4 instalments).
    const creditors = (await (await page.request.get(`${base}/api/creditors`)).json()) as { items?: { id: string; kind: string }[] } | { id: string; kind: string }[];
    const comune = (Array.isArray(creditors) ? creditors : creditors.items!).find((c) => c.kind === 'public_entity')!;
    const claims = (await (await page.request.get(`${base}/api/claims?creditorId=${comune.id}&open=true&pageSize=200`)).json()) as { items: { id: string; debtorId: string; totalDue: string; status: string }[] };
    const perDebtor = new Map<string, typeof claims.items>();
    for (const c of claims.items) perDebtor.set(c.debtorId, [...(perDebtor.get(c.debtorId) ?? []), c]);
    const candidates = [...perDebtor.entries()].filter(([, cs]) => cs.length === 1 && ['open', 'in_collection'].includes(cs[0]!.status) && Number(cs[0]!.totalDue) > 150 && Number(cs[0]!.totalDue) <= 500);
    expect(candidates.length).toBeGreaterThan(0);
    const [debtorId, found] = candidates[0]!;
    const position = found[0]!;
    // The debtor's own open positions of other creditors would also be offered: the comune's is the one ticked.

    // 1. The operator proposes 6 monthly instalments: beyond the c.796 schedule, it waits for approval.
    await page.goto(`${base}/debtors/${debtorId}`);
    await page.getByTestId('plan-propose').first().click();
    const form = page.getByTestId('plan-propose-form');
    const creditorSelect = form.getByTestId('plan-creditor');
    if (await creditorSelect.count()) {
      await creditorSelect.click();
      await page.getByRole('option', { name: /Valdoria/ }).click();
    }
    const box = form.getByTestId('plan-position').first();
    if (!(await box.isChecked())) await box.check();
    await form.getByTestId('plan-count').fill('6');
    const proposed = page.waitForResponse((r) => r.url().endsWith('/api/plans') && r.request().method() === 'POST');
    await form.getByTestId('plan-propose-submit').click();
    const plan0 = (await (await proposed).json()) as Plan;
    expect(plan0).toMatchObject({ state: 'proposed', needsApproval: true });
    await expect(page.getByTestId('plan-proposed-answer')).toBeVisible();
    await expect(page.getByTestId('plan-proposed-answer')).toContainText(/approvazione/i);
    await logout(page, base);

    // 2. The supervisor approves it on the debtor's page.
    await login(page, base, SUPERVISOR);
    await page.goto(`${base}/debtors/${debtorId}`);
    await page.getByTestId('tab-plans').click();
    const card = page.getByTestId('plan-card').first();
    await expect(card).toHaveAttribute('data-state', 'proposed');
    await card.getByTestId('plan-approve').click();
    await page.getByTestId('plan-decide-confirm').click();
    await expect(card).toHaveAttribute('data-state', 'active');

    // 3. Its document: a PDF with the schedule and a pagoPA notice per instalment.
    const href = await card.getByTestId('plan-document').getAttribute('href');
    const pdf = await page.request.get(`${base}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'incasso-plan-pdf-')), 'piano.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const plan = (await (await page.request.get(`${base}/api/plans/${plan0.id}`)).json()) as Plan;
    expect(plan.instalments).toHaveLength(6);
    const euro = (a: string) => a.replace('.', ',');
    const first = plan.instalments[0]!;
    // The schedule line of instalment 1 carries its own notice code (18 digits, printed in groups of four).
    const line = new RegExp(`^\\s*1\\s+${first.dueOn.split('-').reverse().join('/')}\\s+${euro(first.amount)} €\\s+((?:\\d{4} ){4}\\d{2})`, 'm').exec(text);
    expect(line, text.slice(0, 2000)).not.toBeNull();
    const notice = line![1]!.replace(/ /g, '');
    expect([...text.matchAll(/Rata (\d) di 6\s+—\s+Pagamento con avviso pagoPA/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5', '6']);

    // 4. The taxpayer pays instalment 1 with that notice; the bank's statement is uploaded on Riconciliazione.
    const camt = camtXml({
      statementId: 'E2E-PLAN-1',
      account: 'IT60X0542811101000000123456',
      entries: [{ amount: first.amount, acctSvcrRef: 'E2E-PLAN-1-1', bookingDate: '2026-06-01', valueDate: '2026-06-01', txs: [{ amount: first.amount, text: [`/RFB/${notice.slice(1)}/${first.amount}/TXT/TARI rata 1`] }] }],
    });
    await page.getByTestId('nav-bank').click();
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/bank/files') && r.request().method() === 'POST');
    await page.locator('input[type="file"]').setInputFiles({ name: 'estratto-gennaio.xml', mimeType: 'application/xml', buffer: Buffer.from(camt) });
    // Stored and answered at once, shown queued; this node works no queue (--no-scheduler), so the
    // stored file is placed by `incasso bank run` — as a worker node would place it.
    const bankFile = (await (await uploaded).json()) as { id: string; status: string };
    expect(bankFile.status).toBe('queued');
    await expect(page.getByTestId('bank-summary')).toHaveAttribute('data-status', 'queued');
    await logout(page, base);
    await server.stop(false);
    server = null;
    const placed = JSON.parse(runCli(dir, T0, ['bank', 'run', '--json']).trim().split('\n').pop()!) as { id: string; status: string; matched: number; toReconcile: number }[];
    expect(placed).toEqual([expect.objectContaining({ id: bankFile.id, status: 'done', matched: 1, toReconcile: 0 })]);
    server = await startServer(T0, dir);
    base = server.url;
    await login(page, base, OPERATOR);
    await page.goto(`${base}/debtors/${debtorId}`);
    await page.getByTestId('tab-plans').click();
    await expect(page.getByTestId('plan-instalment').first()).toHaveAttribute('data-state', 'paid');
    await logout(page, base);
    await server.stop(false);
    server = null;

    // 5. Instalment 2 falls due unpaid; ten days on, the nightly work sends its express reminder.
    const second = plan.instalments[1]!;
    const t1 = romeMorning(addDays(second.dueOn, 11));
    const day1 = JSON.parse(runCli(dir, t1, ['plans', 'daily', '--json']).trim().split('\n').pop()!) as { reminders: { express: number }; plans: { lapsed: number } };
    expect(day1.reminders.express).toBeGreaterThanOrEqual(1);
    expect(day1.plans.lapsed).toBe(0);
    server = await startServer(t1, dir);
    base = server.url;
    await login(page, base, SUPERVISOR);
    await page.goto(`${base}/debtors/${debtorId}`);
    await page.getByTestId('tab-plans').click();
    await expect(page.getByTestId('plan-card').first()).toHaveAttribute('data-state', 'active');
    const rows = page.getByTestId('plan-instalment');
    await expect(rows.nth(1)).toHaveAttribute('data-state', 'late');
    await expect(rows.nth(1)).toContainText(addDays(second.dueOn, 11).split('-').reverse().join('/'));
    await logout(page, base);
    await server.stop(false);
    server = null;

    // 6. Instalment 3 missed too, reminded: two unpaid after an express reminder within six months — the plan lapses.
    const third = plan.instalments[2]!;
    const t2 = romeMorning(addDays(third.dueOn, 11));
    const day2 = JSON.parse(runCli(dir, t2, ['plans', 'daily', '--json']).trim().split('\n').pop()!) as { reminders: { express: number }; plans: { lapsed: number } };
    expect(day2.reminders.express).toBeGreaterThanOrEqual(1);
    // The reminder's own day does not count yet; the next night's evaluation ends the plan.
    expect(day2.plans.lapsed).toBe(0);
    const t3 = romeMorning(addDays(third.dueOn, 12));
    const day3 = JSON.parse(runCli(dir, t3, ['plans', 'daily', '--json']).trim().split('\n').pop()!) as { plans: { lapsed: number } };
    expect(day3.plans.lapsed).toBe(1);
    server = await startServer(t3, dir);
    base = server.url;
    await login(page, base, SUPERVISOR);
    await page.goto(`${base}/debtors/${debtorId}`);
    await page.getByTestId('tab-plans').click();
    await expect(page.getByTestId('plan-card').first()).toHaveAttribute('data-state', 'lapsed');
    await expect(page.getByTestId('plan-lapsed')).toBeVisible();
    // The whole residual is due again and dunning resumes on the position.
    const after = (await (await page.request.get(`${base}/api/claims/${position.id}`)).json()) as { status: string };
    expect(after.status).not.toBe('in_plan');
  } finally {
    if (server) await server.stop(false);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
