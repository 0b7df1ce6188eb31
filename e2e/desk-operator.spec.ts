import { expect, test, type Page } from '@playwright/test';
import { ITALIAN_DEFAULTS, phoneWindowsOn } from '../src/domain/dunning/compliance.ts';
import { startServer } from './own-server.ts';

/*
 * The operator's desk in the browser (issue 14, "Done when"): Prossimo → right-party check (a wrong
 * answer keeps amounts hidden, the right one shows them) → promise recorded → Prossimo gives another
 * debtor; and at 22:00 Prossimo explains why no call is possible and when the next is.
 * "Next" is decided by the server's clock, so each test starts its own `incasso start` with the demo
 * data on a fresh data directory and INCASSO_CLOCK set (a working morning, or 22:00), and stops it.
 * The UI is the one the configured web server built (web/dist).
 */

const OPERATOR = { email: 'operatore@demo.incasso.test', password: 'incasso-demo' };
/** Europe/Rome calendar date of an instant. */
const romeDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(d);
/** The instant a Europe/Rome wall-clock time is, with its offset (winter or summer). */
function romeInstant(date: string, time: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const d = new Date(`${date}T${time}:00${offset}`);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    if (local === time) return `${date}T${time}:00${offset}`;
  }
  throw new Error(`${date} ${time} does not exist in Europe/Rome`);
}
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The first day after `date` with calling windows under the shipped Italian rules (no Sunday, no holiday). */
function nextWorkingDay(date: string): { date: string; from: string } {
  for (let d = addDays(date, 1); ; d = addDays(d, 1)) {
    const w = phoneWindowsOn(d, ITALIAN_DEFAULTS);
    if (w.length && w[0]!.from <= '10:00' && '10:00' < w[0]!.to) return { date: d, from: w[0]!.from };
  }
}
const italian = (date: string) => date.split('-').reverse().join('/');

async function login(page: Page, base: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(OPERATOR.email);
  await page.getByLabel('Password').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId('nav-dashboard')).toBeVisible();
}

test.describe.configure({ mode: 'serial' });
// Each step fails in its own time rather than at the test's (long: it starts a server).
test.use({ actionTimeout: 30_000 });

test('Prossimo → identity check (wrong: amounts hidden; right: shown) → promise → Prossimo gives another debtor', async ({ page }) => {
  test.setTimeout(360_000);
  // A working morning after today: 10:00 in Rome.
  const day = nextWorkingDay(romeDate(new Date()));
  const server = await startServer(romeInstant(day.date, '10:00'));
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.log(`console: ${m.text()}`));
  try {
    const base = server.url;
    await login(page, base);
    await page.getByTestId('nav-desk').click();
    await expect(page.getByTestId('page-title')).toHaveText('Postazione telefonica');

    const nextAnswer = page.waitForResponse((r) => r.url().endsWith('/api/work/next'));
    await page.getByTestId('desk-next').click();
    const first = (await (await nextAnswer).json()) as { found: boolean; debtorId: string; debtorName: string };
    expect(first.found).toBe(true);
    await expect(page.getByTestId('desk-debtor-name')).toHaveText(first.debtorName);
    // An outcome comes first: no next debtor while this one is held.
    await expect(page.getByTestId('desk-next')).toBeDisabled();

    // Dial: the call opens on the server; the tel: link would hand over to the operator's phone, which
    // this browser has not (an external-protocol prompt would swallow the next clicks): no navigation.
    await page.evaluate(() =>
      document.addEventListener('click', (e) => (e.target as Element).closest('a[href^="tel:"]') && e.preventDefault(), true),
    );
    const started = page.waitForResponse((r) => r.url().endsWith('/api/work/calls') && r.request().method() === 'POST');
    await page.getByTestId('desk-dial').first().click();
    const call = (await (await started).json()) as { id: string };
    await expect(page.getByTestId('desk-identity')).toBeVisible();
    await expect(page.getByTestId('desk-hidden')).toBeVisible();
    await expect(page.getByTestId('desk-position')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('€');

    // A wrong codice fiscale: counted, nothing disclosed.
    await page.getByTestId('desk-identity-method').getByText('Codice fiscale').click();
    await page.getByTestId('desk-identity-value').fill('XXXXXX00X00X000X');
    await page.getByTestId('desk-identity-check').click();
    await expect(page.getByTestId('desk-identity-wrong')).toContainText('Tentativi rimasti: 2');
    await expect(page.getByTestId('desk-position')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('€');

    // The right one, as said on the phone (lower case, spaces): the positions appear with today's amounts.
    const debtor = (await (await page.request.get(`${base}/api/debtors/${first.debtorId}`)).json()) as { taxCode: string | null; vatNumber: string | null };
    const taxId = (debtor.taxCode ?? debtor.vatNumber)!;
    await page.getByTestId('desk-identity-value').fill(taxId.toLowerCase().replace(/(.{4})/g, '$1 '));
    await page.getByTestId('desk-identity-check').click();
    await expect(page.getByTestId('desk-identity-ok')).toBeVisible();
    await expect(page.getByTestId('desk-position').first()).toBeVisible();
    await expect(page.getByTestId('desk-position-total').first()).toContainText('€');
    await expect(page.getByTestId('desk-components').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/desk-call-screen.png', fullPage: true });
    // "Proponi piano" offers the positions shown, with what they owe today (not proposed here: the promise follows).
    await page.getByTestId('plan-propose').click();
    const planForm = page.getByTestId('plan-propose-form');
    await expect(planForm.getByTestId('plan-position')).toHaveCount(await page.getByTestId('desk-position').count());
    await expect(planForm.getByTestId('plan-selected-total')).toContainText('€');
    await page.keyboard.press('Escape');
    await expect(planForm).toHaveCount(0);

    // A promise to pay within the comune's rules: the least it may be, in a week.
    const view = (await (await page.request.get(`${base}/api/work/calls/${call.id}`)).json()) as { disclosed: { minimumPromise: string } };
    await page.getByTestId('desk-outcome-code').selectOption('PROMESSA_PAGAMENTO');
    await expect(page.getByTestId('desk-promise-rules')).toContainText('Regole del mandante');
    await page.getByTestId('desk-promise-amount').fill(view.disclosed.minimumPromise.replace('.', ','));
    await page.getByTestId('desk-promise-date').fill(addDays(day.date, 7));
    // A note, typed: focus leaves the date field (a native date picker left open would take the next click).
    await page.getByTestId('desk-note').fill('Paga con l’avviso pagoPA');
    // The form is complete (the browser's own validation would hold a submit back silently).
    const invalid = await page.getByTestId('desk-outcome-save').evaluate((b) =>
      Array.from((b as HTMLButtonElement).form!.elements).filter((e) => (e as HTMLInputElement).willValidate && !(e as HTMLInputElement).checkValidity()).map((e) => e.outerHTML.slice(0, 120)),
    );
    expect(invalid).toEqual([]);
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/work/outcomes'));
    // Keyboard, as at the desk: Enter in the amount submits the outcome.
    await page.getByTestId('desk-promise-amount').press('Enter');
    const outcome = await recorded;
    expect(outcome.status(), await outcome.text()).toBe(200);
    expect(await outcome.json()).toMatchObject({ recorded: true, outcome: 'PROMESSA_PAGAMENTO', promiseId: expect.any(String) });
    await expect(page.getByTestId('desk-outcome-done')).toContainText('Esito registrato');

    // Prossimo: another debtor.
    await expect(page.getByTestId('desk-next')).toBeEnabled();
    await page.getByTestId('desk-next').click();
    await expect(page.getByTestId('desk-debtor-name')).toBeVisible();
    await expect(page.getByTestId('desk-debtor-name')).not.toHaveText(first.debtorName);
    await expect(page.getByTestId('desk-identity')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('at 22:00 Prossimo says why no call is possible and when the next one is', async ({ page }) => {
  test.setTimeout(360_000);
  const day = nextWorkingDay(romeDate(new Date()));
  const server = await startServer(romeInstant(day.date, '22:00'));
  try {
    await login(page, server.url);
    await page.goto(`${server.url}/work`);
    await page.getByTestId('desk-next').click();
    await expect(page.getByTestId('desk-none')).toBeVisible();
    await expect(page.getByTestId('desk-none-reason')).toContainText('Fuori dalla fascia oraria consentita');
    const after = nextWorkingDay(day.date);
    await expect(page.getByTestId('desk-none-next')).toHaveText(`Prossima chiamata possibile: ${italian(after.date)} alle ${after.from}`);
    await expect(page.getByTestId('desk-debtor')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/desk-at-22.png', fullPage: true });
  } finally {
    await server.stop();
  }
});
