import { expect, test } from '@playwright/test';

test('an administrator reads the statutory rates with their sources, and is offered no way to change them', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('admin@demo.incasso.test');
  await page.getByLabel('Password').fill('incasso-demo');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByTestId('nav-rates').click();
  await expect(page.getByTestId('rates-known')).toContainText('Germania — Basiszinssatz');
  // Statutory rates are the installation's: no tenant user, not even an administrator, edits them.
  await expect(page.getByTestId('rates-operator-note')).toContainText('incasso rates add');
  await expect(page.getByTestId('rate-form')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Aggiungi/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/rates.png', fullPage: true });
});
