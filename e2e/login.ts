import { expect, type Page } from '@playwright/test';

/** The demo data's administrator (see src/usecases/demo). */
export const ADMIN = { email: 'admin@demo.incasso.test', password: 'incasso-demo' };

/** Logs in through the form, in Italian, and waits for the navigation. */
export async function login(page: Page, user: { email: string; password: string } = ADMIN) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId('nav-dashboard')).toBeVisible();
}
