import { expect, test } from '@playwright/test';

test('an administrator adds the next published ECB rate, with its source', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('admin@demo.incasso.test');
  await page.getByLabel('Password').fill('incasso-demo');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByTestId('nav-rates').click();
  await expect(page.getByTestId('rates-known')).toContainText('Germania — Basiszinssatz');

  const form = page.getByTestId('rate-form');
  await form.getByRole('combobox', { name: 'Serie' }).click();
  await page.getByRole('option', { name: /BCE — operazioni/ }).click();
  await form.getByRole('textbox', { name: /^Dal/ }).fill('01/12/2026');
  await form.getByRole('textbox', { name: /^Tasso %/ }).fill('2,65');
  await form.getByRole('textbox', { name: /^Fonte/ }).fill('Comunicato BCE (prova e2e)');
  await form.getByRole('button', { name: 'Aggiungi periodo' }).click();
  await expect(page.getByTestId('rates-added')).toContainText('Comunicato BCE (prova e2e)');
  await expect(page.getByTestId('rates-known')).toContainText('01/12/2026');
  await page.screenshot({ path: 'test-results/screenshots/rates.png', fullPage: true });

  // The same period twice is refused with the server's reason under the date.
  await form.getByRole('combobox', { name: 'Serie' }).click();
  await page.getByRole('option', { name: /BCE — operazioni/ }).click();
  await form.getByRole('textbox', { name: /^Dal/ }).fill('01/12/2026');
  await form.getByRole('textbox', { name: /^Tasso %/ }).fill('2,65');
  await form.getByRole('textbox', { name: /^Fonte/ }).fill('Comunicato BCE (ripetuto)');
  await form.getByRole('button', { name: 'Aggiungi periodo' }).click();
  await expect(form).toContainText('esiste già');
});
