import { expect, test, type Page } from '@playwright/test';

async function login(page: Page, email: string, password = 'incasso-demo') {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

test('an administrator creates a user, changes the role, resets the password and deactivates the user; the user replaces the one-time password', async ({ page }) => {
  await login(page, 'admin@demo.incasso.test');
  await page.getByTestId('nav-users').click();
  await expect(page.getByTestId('page-title')).toHaveText('Utenti');
  await expect(page.getByTestId('users-table')).toContainText('comune@demo.incasso.test');

  // A common password is refused with its reason under the field.
  const email = `e2e-${Date.now()}@demo.incasso.test`;
  const create = page.getByTestId('user-create');
  await create.getByTestId('user-email').fill(email);
  await create.getByTestId('user-name-input').fill('Elena Prova');
  await create.getByTestId('user-password').fill('Password1234!');
  await create.getByTestId('user-create-submit').click();
  await expect(create).toContainText('Password troppo comune');

  // Without a password, a one-time password is generated and shown once.
  await create.getByTestId('user-password').fill('');
  await create.getByTestId('user-create-submit').click();
  const first = (await page.getByTestId('one-time-password').textContent()) ?? '';
  expect(first).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
  await page.screenshot({ path: 'test-results/screenshots/users-one-time-password.png', fullPage: true });
  await page.getByTestId('one-time-password-close').click();

  const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  await expect(row.getByTestId('user-role-cell')).toHaveText('Operatore');

  // Role: operator → supervisor.
  await row.getByTestId('user-edit').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Ruolo' }).click();
  await page.getByRole('option', { name: 'Supervisore' }).click();
  await dialog.getByTestId('user-edit-submit').click();
  await expect(row.getByTestId('user-role-cell')).toHaveText('Supervisore');

  // New password: another one-time password.
  page.once('dialog', (d) => void d.accept());
  await row.getByTestId('user-reset-password').click();
  const second = (await page.getByTestId('one-time-password').textContent()) ?? '';
  expect(second).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
  expect(second).not.toBe(first);
  await page.getByTestId('one-time-password-close').click();

  // The new user signs in with the one-time password and replaces it with one of their own.
  await page.getByTestId('logout').click();
  await login(page, email, second);
  await expect(page.getByTestId('user-name')).toHaveText('Elena Prova');
  await page.getByTestId('change-password').click();
  const own = page.getByRole('dialog');
  await own.getByLabel('Password attuale').fill(second);
  await own.getByLabel(/^Nuova password/).fill('elena-prova-2026');
  await own.getByLabel('Ripeti la nuova password').fill('elena-prova-2026');
  await own.getByTestId('change-password-submit').click();
  await expect(own).toContainText('nome dell’utente');
  const mine = 'Treno per Bergamo alle 7';
  await own.getByLabel(/^Nuova password/).fill(mine);
  await own.getByLabel('Ripeti la nuova password').fill(mine);
  await own.getByTestId('change-password-submit').click();
  await expect(own).toBeHidden();
  await page.getByTestId('logout').click();

  await login(page, 'admin@demo.incasso.test');
  await page.getByTestId('nav-users').click();
  page.once('dialog', (d) => void d.accept());
  await row.getByTestId('user-deactivate').click();
  await expect(row.getByTestId('user-status')).toHaveText('Disattivato');
  await page.screenshot({ path: 'test-results/screenshots/users.png', fullPage: true });

  // The deactivated user cannot log in any more.
  await page.getByTestId('logout').click();
  await login(page, email, mine);
  await expect(page.getByRole('alert').filter({ hasText: 'password non corretti' })).toBeVisible();
});

test('the comune’s read-only user is offered no create or edit controls', async ({ page }) => {
  await login(page, 'comune@demo.incasso.test');
  await expect(page.getByTestId('user-role')).toHaveText('Consultazione');
  await expect(page.getByTestId('nav-debtors')).toBeVisible();
  await expect(page.getByTestId('nav-users')).toHaveCount(0);

  // Anything that would create, change or delete, by its Italian label.
  const WRITE = /^(Nuov|Modifica|Aggiungi|Salva|Elimina|Registra|Avvia|Carica|Importa|Sospendi|Crea\b|Attiva\b|Disattiva\b|Rinuncia|Addebita|Correggi|Unisci|Esegui)/;
  async function expectNoWriteControls(where: string) {
    await expect(page.getByTestId('page-title')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const labels = await page.locator('main').getByRole('button').allInnerTexts();
    const links = await page.locator('main a[href$="/new"], main a[href$="/edit"]').count();
    expect(labels.filter((l) => WRITE.test(l.trim())), where).toEqual([]);
    expect(links, `${where}: links to forms`).toBe(0);
    expect(await page.locator('main form textarea, main input[type="file"]').count(), `${where}: input fields`).toBe(0);
  }

  for (const nav of ['nav-debtors', 'nav-claims', 'nav-creditors', 'nav-strategies', 'nav-dunning', 'nav-phone-tasks', 'nav-print', 'nav-imports', 'nav-rates']) {
    await page.getByTestId(nav).click();
    await expectNoWriteControls(nav);
  }

  // A debtor and a claim of the comune, with every tab.
  await page.getByTestId('nav-debtors').click();
  await page.getByTestId('debtor-link').first().click();
  await expect(page.getByTestId('debtor-name')).toBeVisible();
  for (const tab of ['tab-claims', 'tab-contacts', 'tab-addresses', 'tab-notes', 'tab-history']) {
    await page.getByTestId(tab).click();
    await expectNoWriteControls(tab);
  }
  await expect(page.getByTestId('add-note')).toHaveCount(0);
  await expect(page.getByTestId('add-contact')).toHaveCount(0);
  await expect(page.getByTestId('add-address')).toHaveCount(0);
  await expect(page.getByTestId('edit-debtor')).toHaveCount(0);

  await page.getByTestId('nav-claims').click();
  await page.getByTestId('claim-link').first().click();
  await expect(page.getByTestId('claim-ref')).toBeVisible();
  await expectNoWriteControls('claim');
  for (const id of ['edit-claim', 'record-payment', 'payment-form', 'cost-form', 'hold-claim', 'release-hold']) await expect(page.getByTestId(id)).toHaveCount(0);

  // An old link to a form shows read-only, not the form.
  for (const url of ['/debtors/new', '/claims/new', '/users']) {
    await page.goto(url);
    await expect(page.getByTestId('page-title').or(page.getByTestId('read-only-notice')).first()).toBeVisible();
    await expect(page.locator('main form')).toHaveCount(0);
  }
  await page.screenshot({ path: 'test-results/screenshots/viewer-claim.png', fullPage: true });
});
