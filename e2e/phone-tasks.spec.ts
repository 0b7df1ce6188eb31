import { expect, test, type Page } from '@playwright/test';

// The demo data's operator, and the open phone tasks the demo loads (see src/usecases/demo).
const OPERATOR = { email: 'operatore@demo.incasso.test', password: 'incasso-demo' };

interface Day {
  date: string;
  holiday: string | null;
  windows: { from: string; to: string }[];
}
interface Task {
  id: string;
  debtorName: string;
  blockedDays: { date: string }[];
}

/** The instant a Europe/Rome wall-clock time is, in winter (CET) or summer (CEST). */
function romeInstant(date: string, time: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const d = new Date(`${date}T${time}:00${offset}`);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    if (local === time) return d;
  }
  throw new Error(`${date} ${time} does not exist in Europe/Rome`);
}

/** 0 = Sunday … 6 = Saturday, from the calendar date itself. */
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
/** '2026-11-30' → '30/11/2026', as the Italian UI writes dates. */
const italian = (date: string) => date.split('-').reverse().join('/');

async function login(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(OPERATOR.email);
  await page.getByLabel('Password').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId('dashboard-totals')).toBeVisible();
}

test('a phone task offers "Registra chiamata" only inside the permitted hours, by the browser’s clock', async ({ page }) => {
  await login(page);
  // The calling windows the server sends for the next 14 days, and the task to look at.
  const res = await page.request.get('/api/phone-tasks');
  expect(res.status()).toBe(200);
  const { days, tasks } = (await res.json()) as { days: Day[]; tasks: Task[] };
  expect(tasks.length).toBeGreaterThan(0);
  const task = tasks[0]!;
  const blocked = new Set(task.blockedDays.map((b) => b.date));
  const callable = (d: Day) => d.windows.length > 0 && !blocked.has(d.date);
  const sunday = days.find((d) => weekday(d.date) === 0)!;
  expect(sunday.windows).toEqual([]);
  const tuesday = days.find((d) => weekday(d.date) === 2 && callable(d) && d.windows.some((w) => w.from <= '10:00' && '10:00' < w.to));
  expect(tuesday, 'a working Tuesday within the 14 days').toBeDefined();
  const afterSunday = days.find((d) => d.date > sunday.date && callable(d))!;
  const afterTuesday = days.find((d) => d.date > tuesday!.date && callable(d))!;
  const row = page.getByTestId(`phone-task-${task.id}`);

  // Sunday 10:00: no button, the next permitted slot instead.
  await page.clock.setFixedTime(romeInstant(sunday.date, '10:00'));
  await page.goto('/phone-tasks');
  await expect(page.getByTestId('page-title')).toHaveText('Telefonate');
  await expect(row).toContainText(task.debtorName);
  await expect(row.getByTestId('next-slot')).toHaveText(`Prossima fascia consentita: ${italian(afterSunday.date)} alle ${afterSunday.windows[0]!.from}`);
  await expect(row.getByTestId('record-call')).toHaveCount(0);
  await expect(page.getByTestId('phone-today')).toContainText(`Ora a Roma: ${italian(sunday.date)} 10:00`);
  await page.screenshot({ path: 'test-results/screenshots/phone-tasks-sunday.png', fullPage: true });

  // 22:00 on that Tuesday: past the window; the next slot is the next working day's first window.
  await page.clock.setFixedTime(romeInstant(tuesday!.date, '22:00'));
  await page.reload();
  await expect(row.getByTestId('next-slot')).toHaveText(`Prossima fascia consentita: ${italian(afterTuesday.date)} alle ${afterTuesday.windows[0]!.from}`);
  await expect(row.getByTestId('call-blocked-reason')).toContainText('Fuori dalla fascia consentita');
  await expect(row.getByTestId('record-call')).toHaveCount(0);

  // Tuesday 10:00: the call may be recorded.
  await page.clock.setFixedTime(romeInstant(tuesday!.date, '10:00'));
  await page.reload();
  await expect(row.getByTestId('record-call')).toBeVisible();
  await expect(row.getByTestId('next-slot')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/phone-tasks-tuesday.png', fullPage: true });
  await row.getByTestId('record-call').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Chiamata a ${task.debtorName}`);
  await expect(dialog.getByLabel('Nessuna risposta')).toBeVisible();
});
