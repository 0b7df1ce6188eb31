import { describe, expect, it } from 'vitest';
import { escapeHtml, renderEmail } from './email.ts';
import { englishSwissLetter, frenchLetter, italianLetter, swissGermanLetter } from './test-fixtures.ts';

describe('renderEmail', () => {
  it('has the letter subject and the same content in text and HTML', () => {
    const m = renderEmail(italianLetter());
    expect(m.subject).toBe('Sollecito di pagamento – fatture 2024/117 e 2025/008');
    for (const part of [m.text, m.html]) {
      expect(part).toContain('Gentile Niccolò Müller-Sàntoro,');
      expect(part).toContain('per conto di Ferramenta Dell’Orto S.r.l.');
      expect(part).toContain('2024/117');
      expect(part).toContain('1.098,08\u00a0€');
      expect(part).toContain('1.234,56\u00a0€');
      expect(part).toContain('IT60 X054 2811 1010 0000 0123 456');
      expect(part).toContain('RF18 5390 0754 7034');
      expect(part).toContain('31 marzo 2025');
      expect(part).toContain('art. 1219 c.c.');
      expect(part).toContain('Avv. Chiara Bàrberi');
      expect(part).toContain('L-2025-000123');
    }
    expect(m.text).toContain('Totale: Capitale 1.120,00\u00a0€ · Interessi 44,66\u00a0€ · Spese 69,90\u00a0€ · Pagato 0,00\u00a0€ · Totale dovuto 1.234,56\u00a0€');
    // Order: salutation, paragraphs, claims, payment, legal notice, closing.
    const order = ['Gentile', 'per conto di', 'Dettaglio degli importi dovuti', 'Modalità di pagamento', 'art. 1219', 'Distinti saluti'].map((s) => m.text.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('writes each language with its own amounts and labels', () => {
    expect(renderEmail(swissGermanLetter()).text).toContain('Betrag: CHF\u00a01’234.56');
    expect(renderEmail(swissGermanLetter()).text).toContain('QR-Referenz: 21 00000 00003 13947 14300 09017');
    expect(renderEmail(frenchLetter()).text).toContain('Montant: 1\u202f234,56\u00a0€');
    const en = renderEmail(englishSwissLetter());
    expect(en.text).toContain('Amount: CHF\u00a0987.65');
    expect(en.html).not.toContain('Interest');
  });

  it('escapes every value in the HTML', () => {
    const letter = italianLetter();
    const evil = `<script>alert("x")</script> & 'Co'`;
    letter.salutation = `Gentile ${evil},`;
    letter.subject = `Oggetto <b>"${evil}"</b>`;
    letter.paragraphs = [`Riga 1 ${evil}\nRiga 2 <img src=x onerror=alert(1)>`];
    letter.claims[0]!.reference = evil;
    letter.claims[0]!.description = '<a href="javascript:alert(1)">x</a>';
    letter.payment.payee.name = evil;
    letter.legalNotice = [evil];
    letter.closing = [evil];
    const m = renderEmail(letter);
    expect(m.html).not.toMatch(/<script|<img|<a /);
    expect(m.html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
    expect(m.html).toContain('Riga 1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;<br>Riga 2 &lt;img src=x onerror=alert(1)&gt;');
    expect(m.html).toContain('<title>Oggetto &lt;b&gt;&quot;&lt;script&gt;');
    // The text part carries the same values unescaped.
    expect(m.text).toContain(`Gentile ${evil},`);
  });

  it('keeps the subject on one line and loads nothing from outside', () => {
    const letter = italianLetter();
    letter.subject = 'Sollecito\r\nBcc: victim@example.com';
    const m = renderEmail(letter);
    expect(m.subject).toBe('Sollecito Bcc: victim@example.com');
    expect(m.html).not.toMatch(/<style|<link|<img|<script|src=|href=|url\(|@import/i);
    expect(m.html.startsWith('<!DOCTYPE html>\n<html lang="it">')).toBe(true);
  });

  it('escapeHtml', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
    expect(escapeHtml('Müller € ’')).toBe('Müller € ’');
  });
});
