import { expect, test } from '@playwright/test';
import { login } from './login.ts';

test.use({ viewport: { width: 1400, height: 1600 } });

test('a comune words its German reminder: preview with sample values, unknown variable caught, saved, restored', async ({ page }) => {
  await login(page);
  const list = (await (await page.request.get('/api/creditors?q=Valdoria')).json()) as { items: { id: string; name: string }[] };
  const valdoria = list.items.find((c) => c.name.includes('Valdoria'))!;
  await page.goto(`/creditors/${valdoria.id}/edit`);
  await page.getByTestId('creditor-templates-link').click();
  await expect(page).toHaveURL(new RegExp(`/creditors/${valdoria.id}/templates$`));
  await expect(page.getByTestId('page-title')).toHaveText('Testi delle lettere e delle e-mail');

  // The first of the comune's templates (the avviso bonario), in German.
  await page.getByTestId('template-language').getByText('Deutsch').click();
  const editor = page.getByTestId('template-editor');
  await expect(editor.getByTestId('template-state')).toHaveText('Testo standard');
  const preview = page.getByTestId('template-preview');
  await expect(preview).toContainText('Guten Tag Mario Rossi,');

  const paragraph = editor.getByTestId('template-paragraph-0');
  await paragraph.fill('die Steuerstelle {creditorOf} ersucht Sie, {totale} zu zahlen.');
  await expect(editor.getByTestId('template-unknown')).toContainText('{totale}');
  await expect(editor.getByTestId('template-save')).toBeDisabled();
  await paragraph.fill('die Steuerstelle {creditorOf} ersucht Sie, {totalDue} bis {payBy} zu zahlen.');
  await expect(editor.getByTestId('template-unknown')).toHaveCount(0);
  await expect(preview).toContainText('die Steuerstelle der Gemeinde Beispiel ersucht Sie, 1.234,56 € bis 31. Januar 2027 zu zahlen.');
  await page.screenshot({ path: 'test-results/screenshots/creditor-templates.png', fullPage: true });
  await editor.getByTestId('template-save').click();
  await expect(editor.getByTestId('template-state')).toHaveText('Testo proprio');

  // Stored: the API gives the comune's German text; Italian is still the standard one.
  const stored = (await (await page.request.get(`/api/creditors/${valdoria.id}/templates`)).json()) as {
    templates: { key: string; languages: { language: string; custom: { paragraphs: unknown[] } | null }[] }[];
  };
  const bonario = stored.templates.find((x) => x.key === 'comune-avviso-bonario')!;
  expect(bonario.languages.find((l) => l.language === 'de')!.custom!.paragraphs[0]).toBe('die Steuerstelle {creditorOf} ersucht Sie, {totalDue} bis {payBy} zu zahlen.');
  expect(bonario.languages.find((l) => l.language === 'it')!.custom).toBeNull();

  await page.reload();
  await page.getByTestId('template-language').getByText('Deutsch').click();
  await expect(page.getByTestId('template-editor').getByTestId('template-paragraph-0')).toHaveValue('die Steuerstelle {creditorOf} ersucht Sie, {totalDue} bis {payBy} zu zahlen.');
  await page.getByTestId('template-editor').getByTestId('template-reset').click();
  await expect(page.getByTestId('template-editor').getByTestId('template-state')).toHaveText('Testo standard');
  await expect(page.getByTestId('template-editor').getByTestId('template-paragraph-0')).toHaveValue(/^laut den Kontrollen des Steueramts/);
});
