import type { Statement } from '../../domain/interest/compute.ts';
import type { LetterInput } from './types.ts';

/**
 * Realistic letters for the renderers' tests and the benchmark: every amount adds up (principal +
 * interest + costs − paid = total due; the totals are the sums) and every IBAN and reference is
 * valid. Each call returns a fresh object, so a test may change it freely.
 */

/** Italian commercial interest (D.Lgs. 231/2002), two rate periods: 20.4726… + 22.6054… = 43.08. */
export function italianStatement(): Statement {
  return {
    interest: '43.08',
    currency: 'EUR',
    regime: 'it-commercial',
    dayCount: 'act365',
    due: '2024-10-31',
    paid: '2025-03-15',
    principal: '1000.00',
    interestPaid: '0.00',
    interestDue: '43.08',
    costs: '40.00',
    costsPaid: '0.00',
    costsDue: '40.00',
    principalPaid: '0.00',
    principalDue: '1000.00',
    totalDue: '1083.08',
    periods: [
      { from: '2024-11-01', to: '2024-12-31', days: 61, rate: '12.25', principal: '1000.00', amount: '20.47' },
      { from: '2025-01-01', to: '2025-03-15', days: 74, rate: '11.15', principal: '1000.00', amount: '22.61' },
    ],
    payments: [],
    costItems: [{ date: '2024-11-01', label: 'Indennizzo forfettario', amount: '40.00', code: 'flat_compensation' }],
    basis: ['Art. 5 D.Lgs. 231/2002'],
    basisCodes: [{ code: 'it-231-5', params: { points: '8' } }, { code: 'it-231-6' }],
  };
}

/** Swiss default interest, 5 % (art. 104 CO), 74 days on CHF 1’200: 12.16. */
function swissStatement(): Statement {
  return {
    interest: '12.16',
    currency: 'CHF',
    regime: 'ch',
    dayCount: 'act365',
    due: '2024-12-31',
    paid: '2025-03-15',
    principal: '1200.00',
    interestPaid: '0.00',
    interestDue: '12.16',
    costs: '0.00',
    costsPaid: '0.00',
    costsDue: '0.00',
    principalPaid: '0.00',
    principalDue: '1200.00',
    totalDue: '1212.16',
    periods: [{ from: '2025-01-01', to: '2025-03-15', days: 74, rate: '5.00', principal: '1200.00', amount: '12.16' }],
    payments: [],
    costItems: [],
    basis: ['Art. 104 CO'],
    basisCodes: [{ code: 'ch-104' }, { code: 'ch-105' }],
  };
}

/** EUR, Italian, formal notice with interest charged: two claims, total € 1.234,56. */
export function italianLetter(): LetterInput {
  return {
    language: 'it',
    tier: 'formal',
    date: '2025-03-15',
    currency: 'EUR',
    sender: {
      name: 'Studio Legale Bàrberi & Associati',
      lines: ['Corso di Porta Nuova 18', '20121 Milano MI'],
      country: 'IT',
      email: 'pratiche@barberi.example',
      phone: '+39 02 1234 5678',
      vatNumber: 'IT01234567890',
    },
    creditorName: 'Ferramenta Dell’Orto S.r.l.',
    recipient: { name: 'Niccolò Müller-Sàntoro', lines: ['Via Sant’Agnese 7', 'Scala B, interno 12', '10121 Torino TO'], country: 'IT' },
    subject: 'Sollecito di pagamento – fatture 2024/117 e 2025/008',
    salutation: 'Gentile Niccolò Müller-Sàntoro,',
    paragraphs: [
      'per conto di Ferramenta Dell’Orto S.r.l. Le ricordiamo che le fatture indicate di seguito risultano ancora non pagate alla data di questa lettera.',
      'La invitiamo a pagare l’importo complessivo entro il termine indicato; se ha già provveduto, consideri questa lettera priva di effetto.',
    ],
    claims: [
      {
        reference: '2024/117',
        description: 'Fornitura utensili – ordine 4471',
        issueDate: '2024-09-30',
        dueDate: '2024-10-31',
        principal: '1000.00',
        interest: '43.08',
        costs: '55.00',
        paid: '0.00',
        totalDue: '1098.08',
        statement: italianStatement(),
      },
      {
        reference: '2025/008',
        description: null,
        issueDate: '2025-01-02',
        dueDate: '2025-01-31',
        principal: '120.00',
        interest: '1.58',
        costs: '14.90',
        paid: '0.00',
        totalDue: '136.48',
        statement: {
          ...italianStatement(),
          interest: '1.58',
          due: '2025-01-31',
          principal: '120.00',
          interestDue: '1.58',
          costs: '0.00',
          costsDue: '0.00',
          principalDue: '120.00',
          totalDue: '121.58',
          periods: [{ from: '2025-02-01', to: '2025-03-15', days: 43, rate: '11.15', principal: '120.00', amount: '1.58' }],
          costItems: [],
          basisCodes: [{ code: 'it-231-5', params: { points: '8' } }],
        },
      },
    ],
    totals: { principal: '1120.00', interest: '44.66', costs: '69.90', paid: '0.00', totalDue: '1234.56' },
    interestMode: 'charge',
    legalNotice: [
      'La presente vale quale atto di costituzione in mora ai sensi dell’art. 1219 c.c., con effetto interruttivo della prescrizione (art. 2943 c.c.).',
    ],
    closing: ['Distinti saluti', 'Avv. Chiara Bàrberi'],
    payment: {
      iban: 'IT60X0542811101000000123456',
      payee: { name: 'Ferramenta Dell’Orto S.r.l.', lines: ['Via Garibaldi 3', '20121 Milano MI'], country: 'IT' },
      referenceType: 'SCOR',
      reference: 'RF18539007547034',
      payBy: '2025-03-31',
      amount: '1234.56',
      message: 'Fatture 2024/117, 2025/008',
    },
    documentId: 'L-2025-000123',
  };
}

/** CHF, German, QR reference on a QR-IBAN, right window: total CHF 1’234.56. */
export function swissGermanLetter(): LetterInput {
  return {
    language: 'de',
    tier: 'formal',
    date: '2025-03-15',
    currency: 'CHF',
    sender: { name: 'Inkassobüro Zürcher AG', lines: ['Bahnhofstrasse 12', '8001 Zürich'], country: 'CH', email: 'fall@zuercher.example', phone: null, vatNumber: 'CHE-123.456.789 MWST' },
    creditorName: 'Schreinerei Küng GmbH',
    recipient: { name: 'Jürg Bösch-Égloff', lines: ['Rue du Marché 5', '1204 Genève'], country: 'CH' },
    subject: 'Zahlungserinnerung Rechnung R-2024-881',
    salutation: 'Sehr geehrter Herr Bösch-Égloff',
    paragraphs: [
      'Im Auftrag der Schreinerei Küng GmbH machen wir Sie darauf aufmerksam, dass die folgende Rechnung trotz Fälligkeit noch offen ist.',
      'Bitte überweisen Sie den Gesamtbetrag bis zum unten genannten Datum mit dem beiliegenden QR-Einzahlungsschein.',
    ],
    claims: [
      {
        reference: 'R-2024-881',
        description: 'Einbauschrank Küche',
        issueDate: '2024-11-30',
        dueDate: '2024-12-31',
        principal: '1200.00',
        interest: '12.16',
        costs: '22.40',
        paid: '0.00',
        totalDue: '1234.56',
        statement: swissStatement(),
      },
    ],
    totals: { principal: '1200.00', interest: '12.16', costs: '22.40', paid: '0.00', totalDue: '1234.56' },
    interestMode: 'charge',
    legalNotice: ['Ab Fälligkeit schulden Sie Verzugszins von 5 % (Art. 104 OR).'],
    closing: ['Freundliche Grüsse', 'Inkassobüro Zürcher AG'],
    payment: {
      iban: 'CH4431999123000889012',
      payee: { name: 'Inkassobüro Zürcher AG', lines: ['Bahnhofstrasse 12', '8001 Zürich'], country: 'CH' },
      referenceType: 'QRR',
      reference: '210000000003139471430009017',
      payBy: '2025-03-31',
      amount: '1234.56',
      message: 'Rechnung R-2024-881',
    },
    documentId: 'L-2025-000124',
  };
}

/** EUR, French, interest only mentioned, one claim paid in part. */
export function frenchLetter(): LetterInput {
  return {
    language: 'fr',
    tier: 'soft',
    date: '2025-04-01',
    currency: 'EUR',
    sender: { name: 'Recouvrement Lefèvre SARL', lines: ['12 rue de la Paix', '75002 Paris'], country: 'FR', email: null, phone: '+33 1 23 45 67 89', vatNumber: null },
    creditorName: null,
    recipient: { name: 'Élodie Ève Château', lines: ['4 allée des Cèdres', '69003 Lyon'], country: 'FR' },
    subject: 'Rappel amical – facture F-2025-0042',
    salutation: 'Madame,',
    paragraphs: ['Sauf erreur de notre part, la facture ci-dessous reste impayée à ce jour. Nous vous remercions de bien vouloir régulariser.'],
    claims: [
      {
        reference: 'F-2025-0042',
        description: 'Prestation de conseil – février',
        issueDate: '2025-02-01',
        dueDate: '2025-03-03',
        principal: '2500.00',
        interest: '0.00',
        costs: '40.00',
        paid: '1305.44',
        totalDue: '1234.56',
      },
    ],
    totals: { principal: '2500.00', interest: '0.00', costs: '40.00', paid: '1305.44', totalDue: '1234.56' },
    interestMode: 'mention',
    legalNotice: ['Des pénalités de retard sont exigibles de plein droit (art. L441-10 C. com.).'],
    closing: ['Veuillez agréer, Madame, nos salutations distinguées.', 'Le service clients'],
    payment: {
      iban: 'FR1420041010050500013M02606',
      payee: { name: 'Recouvrement Lefèvre SARL', lines: ['12 rue de la Paix', '75002 Paris'], country: 'FR' },
      referenceType: 'SCOR',
      reference: 'RF97INV2025017',
      payBy: '2025-04-15',
      amount: '1234.56',
      message: 'Facture F-2025-0042',
    },
    documentId: 'L-2025-000125',
  };
}

/** CHF, English, RF reference on an ordinary Swiss IBAN, no interest column, recipient in Germany. */
export function englishSwissLetter(): LetterInput {
  return {
    language: 'en',
    tier: 'soft',
    date: '2025-05-02',
    currency: 'CHF',
    sender: { name: 'Alpine Collections SA', lines: ['Via Nassa 21', '6900 Lugano'], country: 'CH', email: 'desk@alpine.example', phone: '+41 91 123 45 67', vatNumber: null },
    creditorName: 'Hotel Bellevue des Alpes AG',
    recipient: { name: 'Oliver O’Brien', lines: ['Friedrichstraße 100', '10117 Berlin'], country: 'DE' },
    subject: 'Friendly reminder: invoice 2025-0310',
    salutation: 'Dear Mr O’Brien,',
    paragraphs: ['Our records show that the invoice below has not been paid yet. If you have already paid, please disregard this letter.'],
    claims: [
      {
        reference: '2025-0310',
        description: 'Stay 12–15 March 2025',
        issueDate: '2025-03-15',
        dueDate: '2025-04-14',
        principal: '987.65',
        interest: '0.00',
        costs: '0.00',
        paid: '0.00',
        totalDue: '987.65',
      },
    ],
    totals: { principal: '987.65', interest: '0.00', costs: '0.00', paid: '0.00', totalDue: '987.65' },
    interestMode: 'none',
    legalNotice: [],
    closing: ['Kind regards,', 'Alpine Collections SA'],
    payment: {
      iban: 'CH9300762011623852957',
      payee: { name: 'Alpine Collections SA', lines: ['Via Nassa 21', '6900 Lugano'], country: 'CH' },
      referenceType: 'SCOR',
      reference: 'RF18539007547034',
      payBy: '2025-05-16',
      amount: '987.65',
      message: 'Invoice 2025-0310',
    },
    documentId: 'L-2025-000126',
  };
}
