import type { Language } from '../dunning/words.ts';
import type { ActKind, ClaimKind } from '../model.ts';
import type { InstalmentTier } from './instalments.ts';

/**
 * What the operator says on a call about a comune's position (issue 13 item 5: "letters, e-mails and
 * the phone script fit the act"), in the call's order (municipal-notes.md §8.3, DERIVED from the
 * UNIREC code and the Garante's rules on debt collection):
 * 1. who is calling and for whom — the agency, on behalf of the comune's tax office;
 * 2. the right-party check before anything is said about a debt; to anyone else nothing but a
 *    neutral callback; never a message on an answering machine;
 * 3. what the revenue is and what the act says — a reminder before any assessment may say that paying
 *    now avoids one; an assessment already notified (art. 1 c. 792 L. 160/2019) or an ingiunzione
 *    (R.D. 639/1910) is an enforceable title, and the script never says paying avoids it;
 * 4. the amount today and how to pay it: pagoPA (the notice code), F24 for IMU and TARI;
 * 5. instalments under the comune's regulation (c. 796 schedule by default);
 * 6. hardship: no pressure, the outcome says so.
 * Pure: the caller gives the figures formatted for the language.
 */
export interface CallScriptInput {
  language: Language;
  revenue: ClaimKind;
  act: { kind: ActKind; number: string | null; date: string | null; enforceableOn: string | null } | null;
  taxYear: number | null;
  /** "Comune di Valdoria", as the letters name it. */
  comune: string;
  agency: string;
  /** What the position owes today, formatted ("1.234,56 €"). */
  total: string;
  /** The pagoPA notice code in groups of four, or null. */
  noticeCode: string | null;
  /** Whether the position can be paid with F24 (IMU, TARI with a cadastral code). */
  f24: boolean;
  /** The instalments the regulation allows for this amount. */
  instalments: InstalmentTier;
}

export interface CallScriptSection {
  key: 'opening' | 'identity' | 'explain' | 'amount' | 'instalments' | 'care';
  title: string;
  lines: string[];
}

type Texts = {
  titles: Record<CallScriptSection['key'], string>;
  opening: (agency: string, comune: string) => string;
  identity: string[];
  revenue: Partial<Record<ClaimKind, string>>;
  act: (i: CallScriptInput) => string;
  amount: (total: string) => string;
  pagopa: (code: string | null) => string;
  f24: string;
  noInstalments: string;
  instalments: (t: InstalmentTier) => string;
  care: string[];
};

const dateText = (iso: string | null, language: Language) => {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return language === 'de' ? `${d}.${m}.${y}` : language === 'en' ? iso : `${d}/${m}/${y}`;
};

const IT: Texts = {
  titles: { opening: 'Presentazione', identity: 'Identità prima di tutto', explain: 'La posizione', amount: 'Importo e pagamento', instalments: 'Rateizzazione', care: 'Attenzione' },
  opening: (agency, comune) => `Buongiorno, sono [nome] di ${agency}: la chiamo per conto del ${comune}, Ufficio Tributi.`,
  identity: [
    'Chiedere della persona intestataria e verificarne l’identità con due dati già noti (data di nascita e cifre del codice fiscale, oppure indirizzo).',
    'Se risponde un’altra persona: nessun cenno al debito o al tributo; chiedere solo quando richiamare.',
    'Mai lasciare messaggi in segreteria che parlino di debiti o tributi.',
  ],
  revenue: {
    imu: 'L’IMU è l’imposta municipale propria sugli immobili diversi dall’abitazione principale (seconde case, negozi, terreni, aree edificabili).',
    tari: 'La TARI è la tassa sui rifiuti, dovuta da chi occupa locali o aree nel Comune; comprende il tributo provinciale TEFA.',
    cup: 'Il canone unico patrimoniale è dovuto per l’occupazione di suolo pubblico e per la pubblicità.',
    cds_fine: 'Si tratta di una sanzione per una violazione del Codice della strada.',
    other: 'Si tratta di un’entrata del Comune.',
  },
  act: (i) => {
    const a = i.act;
    const year = i.taxYear ? ` per l’anno ${i.taxYear}` : '';
    const ref = a?.number ? ` n. ${a.number}${a.date ? ` del ${dateText(a.date, 'it')}` : ''}` : '';
    switch (a?.kind) {
      case 'accertamento_esecutivo':
        return `Il Comune ha notificato l’avviso di accertamento esecutivo${ref}${year}${a.enforceableOn ? `, esecutivo dal ${dateText(a.enforceableOn, 'it')}` : ''}: è già un titolo esecutivo, comprende imposta, sanzioni e interessi. Non dire che pagando si evita l’atto: l’atto c’è già.`;
      case 'ingiunzione_fiscale':
        return `Il Comune ha notificato l’ingiunzione di pagamento${ref}${year}: è un titolo esecutivo. Non dire che pagando si evita un atto.`;
      case 'verbale_cds':
        return `Il verbale${ref} non è stato pagato nei termini: l’importo è quello dovuto per legge dopo la scadenza.`;
      case 'cup_notice':
        return `Risulta non pagato l’avviso${ref}${year}.`;
      case 'bonario':
      case undefined:
        return `Dai controlli dell’ufficio risulta un versamento mancante o parziale${year}${ref ? ` (avviso${ref})` : ''}. Non è ancora un accertamento: regolarizzando ora si evitano l’avviso di accertamento e le sue sanzioni piene.`;
      default:
        return `Risulta non pagato l’atto${ref}${year}.`;
    }
  },
  amount: (total) => `L’importo dovuto oggi è ${total}.`,
  pagopa: (code) => (code ? `Si paga con l’avviso pagoPA, codice avviso ${code}: in banca, alle Poste, in tabaccheria, con l’app IO o online.` : 'Si paga con pagoPA: l’avviso con il codice viene inviato su richiesta.'),
  f24: 'Oppure con il modello F24 (sezione IMU e altri tributi locali), con i codici tributo indicati nella lettera.',
  noInstalments: 'Per questo importo il regolamento non prevede la rateizzazione.',
  instalments: (t) => `Se non può pagare in un’unica soluzione, il regolamento consente ${t.min === t.max ? `fino a ${t.max}` : `da ${t.min} a ${t.max}`} rate mensili: registrare la richiesta di rateizzazione.`,
  care: [
    'Se la persona è in difficoltà economica o in una situazione di fragilità: nessuna pressione; registrare l’esito «Difficoltà economica».',
    'Se contesta o dice di aver già pagato: annotare i motivi, chiedere la ricevuta; la posizione si sospende.',
  ],
};

const EN: Texts = {
  titles: { opening: 'Introduction', identity: 'Identity first', explain: 'The position', amount: 'Amount and payment', instalments: 'Instalments', care: 'Take care' },
  opening: (agency, comune) => `Good morning, this is [name] from ${agency}, calling on behalf of the ${comune} tax office.`,
  identity: [
    'Ask for the named person and check their identity with two data already held (date of birth and digits of the tax code, or address).',
    'If someone else answers: no word about a debt or a tax; only ask when to call back.',
    'Never leave a message on an answering machine that mentions debts or taxes.',
  ],
  revenue: {
    imu: 'IMU is the municipal property tax on buildings other than the main home (second homes, shops, land, building plots).',
    tari: 'TARI is the waste tax, owed by whoever occupies premises or areas in the comune; it includes the provincial TEFA.',
    cup: 'The canone unico patrimoniale is owed for occupying public land and for advertising.',
    cds_fine: 'This is a fine for a Highway Code offence.',
    other: 'This is a revenue of the comune.',
  },
  act: (i) => {
    const a = i.act;
    const year = i.taxYear ? ` for ${i.taxYear}` : '';
    const ref = a?.number ? ` no. ${a.number}${a.date ? ` of ${dateText(a.date, 'en')}` : ''}` : '';
    switch (a?.kind) {
      case 'accertamento_esecutivo':
        return `The comune served the enforceable assessment notice${ref}${year}${a.enforceableOn ? `, enforceable since ${dateText(a.enforceableOn, 'en')}` : ''}: it is already an enforceable title and includes tax, penalties and interest. Do not say that paying avoids the act: it exists.`;
      case 'ingiunzione_fiscale':
        return `The comune served the payment injunction${ref}${year}: it is an enforceable title. Do not say that paying avoids an act.`;
      case 'verbale_cds':
        return `The fine${ref} was not paid in time: the amount is what the law requires after the deadline.`;
      case 'cup_notice':
        return `The notice${ref}${year} is unpaid.`;
      case 'bonario':
      case undefined:
        return `The office's checks show a missing or partial payment${year}${ref ? ` (notice${ref})` : ''}. It is not an assessment yet: settling now avoids the assessment notice and its full penalties.`;
      default:
        return `The act${ref}${year} is unpaid.`;
    }
  },
  amount: (total) => `The amount due today is ${total}.`,
  pagopa: (code) => (code ? `It is paid with the pagoPA notice, code ${code}: at a bank, post office, tobacconist's, with the IO app or online.` : 'It is paid with pagoPA: the notice with its code is sent on request.'),
  f24: 'Or with the F24 form (section for IMU and other local taxes), with the tax codes shown in the letter.',
  noInstalments: 'For this amount the regulation allows no instalments.',
  instalments: (t) => `If a single payment is not possible, the regulation allows ${t.min === t.max ? `up to ${t.max}` : `${t.min} to ${t.max}`} monthly instalments: record the request for instalments.`,
  care: [
    'If the person is in economic hardship or vulnerable: no pressure; record the outcome "Economic hardship".',
    'If they dispute or say they have paid: note the reasons, ask for the receipt; the position is paused.',
  ],
};

const DE: Texts = {
  titles: { opening: 'Vorstellung', identity: 'Zuerst die Identität', explain: 'Die Position', amount: 'Betrag und Zahlung', instalments: 'Ratenzahlung', care: 'Achtung' },
  opening: (agency, comune) => `Guten Tag, hier spricht [Name] von ${agency}: ich rufe im Auftrag des Steueramts der ${comune} an.`,
  identity: [
    'Nach der genannten Person fragen und ihre Identität mit zwei bekannten Angaben prüfen (Geburtsdatum und Ziffern der Steuernummer, oder Adresse).',
    'Antwortet eine andere Person: kein Wort zu einer Schuld oder Steuer; nur fragen, wann man zurückrufen kann.',
    'Nie eine Nachricht auf dem Anrufbeantworter hinterlassen, die Schulden oder Steuern erwähnt.',
  ],
  revenue: {
    imu: 'Die IMU ist die Gemeindeimmobiliensteuer auf Immobilien außer der Hauptwohnung (Zweitwohnungen, Geschäfte, Grundstücke, Baugrund).',
    tari: 'Die TARI ist die Müllgebühr, geschuldet von wer Räume oder Flächen in der Gemeinde nutzt; sie enthält die Landesabgabe TEFA.',
    cup: 'Die einheitliche Vermögensabgabe (canone unico) ist für die Nutzung öffentlichen Grundes und für Werbung geschuldet.',
    cds_fine: 'Es handelt sich um eine Strafe für einen Verstoß gegen die Straßenverkehrsordnung.',
    other: 'Es handelt sich um eine Einnahme der Gemeinde.',
  },
  act: (i) => {
    const a = i.act;
    const year = i.taxYear ? ` für das Jahr ${i.taxYear}` : '';
    const ref = a?.number ? ` Nr. ${a.number}${a.date ? ` vom ${dateText(a.date, 'de')}` : ''}` : '';
    switch (a?.kind) {
      case 'accertamento_esecutivo':
        return `Die Gemeinde hat den vollstreckbaren Feststellungsbescheid${ref}${year} zugestellt${a.enforceableOn ? `, vollstreckbar seit ${dateText(a.enforceableOn, 'de')}` : ''}: er ist bereits ein Vollstreckungstitel und umfasst Steuer, Strafen und Zinsen. Nicht sagen, dass Zahlen den Bescheid vermeidet: er besteht schon.`;
      case 'ingiunzione_fiscale':
        return `Die Gemeinde hat die Zahlungsaufforderung (ingiunzione)${ref}${year} zugestellt: sie ist ein Vollstreckungstitel. Nicht sagen, dass Zahlen einen Akt vermeidet.`;
      case 'verbale_cds':
        return `Das Strafprotokoll${ref} wurde nicht fristgerecht bezahlt: der Betrag ist der nach Fristablauf gesetzlich geschuldete.`;
      case 'cup_notice':
        return `Die Zahlungsaufforderung${ref}${year} ist unbezahlt.`;
      case 'bonario':
      case undefined:
        return `Laut den Kontrollen des Amts fehlt eine Zahlung ganz oder teilweise${year}${ref ? ` (Mitteilung${ref})` : ''}. Es ist noch kein Feststellungsbescheid: wer jetzt bereinigt, vermeidet den Bescheid und seine vollen Strafen.`;
      default:
        return `Der Akt${ref}${year} ist unbezahlt.`;
    }
  },
  amount: (total) => `Heute geschuldet sind ${total}.`,
  pagopa: (code) => (code ? `Bezahlt wird mit dem pagoPA-Zahlungshinweis, Code ${code}: bei Bank, Post, Tabaktrafik, mit der App IO oder online.` : 'Bezahlt wird mit pagoPA: der Zahlungshinweis mit Code wird auf Anfrage zugesandt.'),
  f24: 'Oder mit dem Vordruck F24 (Abschnitt IMU und andere Gemeindesteuern), mit den im Schreiben genannten Steuerkodizes.',
  noInstalments: 'Für diesen Betrag sieht die Verordnung keine Ratenzahlung vor.',
  instalments: (t) => `Ist eine einmalige Zahlung nicht möglich, erlaubt die Verordnung ${t.min === t.max ? `bis zu ${t.max}` : `${t.min} bis ${t.max}`} Monatsraten: den Antrag auf Ratenzahlung erfassen.`,
  care: [
    'Ist die Person in wirtschaftlicher Not oder schutzbedürftig: kein Druck; das Ergebnis «Wirtschaftliche Notlage» erfassen.',
    'Bestreitet sie die Forderung oder hat schon bezahlt: die Gründe notieren, den Beleg erbitten; die Position wird angehalten.',
  ],
};

const FR: Texts = {
  titles: { opening: 'Présentation', identity: 'D’abord l’identité', explain: 'La position', amount: 'Montant et paiement', instalments: 'Échelonnement', care: 'Attention' },
  opening: (agency, comune) => `Bonjour, ici [nom] de ${agency} : je vous appelle pour le compte du service des impôts de la ${comune}.`,
  identity: [
    'Demander la personne concernée et vérifier son identité avec deux données déjà connues (date de naissance et chiffres du code fiscal, ou adresse).',
    'Si une autre personne répond : aucun mot sur une dette ou un impôt ; demander seulement quand rappeler.',
    'Ne jamais laisser sur un répondeur de message qui parle de dettes ou d’impôts.',
  ],
  revenue: {
    imu: 'L’IMU est l’impôt municipal sur les immeubles autres que la résidence principale (résidences secondaires, commerces, terrains, terrains à bâtir).',
    tari: 'La TARI est la taxe sur les déchets, due par qui occupe des locaux ou des surfaces dans la commune ; elle comprend la TEFA provinciale.',
    cup: 'La redevance unique patrimoniale est due pour l’occupation du domaine public et la publicité.',
    cds_fine: 'Il s’agit d’une amende pour une infraction au Code de la route.',
    other: 'Il s’agit d’une recette de la commune.',
  },
  act: (i) => {
    const a = i.act;
    const year = i.taxYear ? ` pour l’année ${i.taxYear}` : '';
    const ref = a?.number ? ` n° ${a.number}${a.date ? ` du ${dateText(a.date, 'fr')}` : ''}` : '';
    switch (a?.kind) {
      case 'accertamento_esecutivo':
        return `La commune a notifié l’avis de rectification exécutoire${ref}${year}${a.enforceableOn ? `, exécutoire depuis le ${dateText(a.enforceableOn, 'fr')}` : ''} : c’est déjà un titre exécutoire, qui comprend impôt, sanctions et intérêts. Ne pas dire que payer évite l’acte : il existe déjà.`;
      case 'ingiunzione_fiscale':
        return `La commune a notifié l’injonction de payer${ref}${year} : c’est un titre exécutoire. Ne pas dire que payer évite un acte.`;
      case 'verbale_cds':
        return `Le procès-verbal${ref} n’a pas été payé dans les délais : le montant est celui dû par la loi après l’échéance.`;
      case 'cup_notice':
        return `L’avis${ref}${year} est impayé.`;
      case 'bonario':
      case undefined:
        return `Les contrôles du service montrent un paiement manquant ou partiel${year}${ref ? ` (avis${ref})` : ''}. Ce n’est pas encore une rectification : régulariser maintenant évite l’avis de rectification et ses sanctions pleines.`;
      default:
        return `L’acte${ref}${year} est impayé.`;
    }
  },
  amount: (total) => `Le montant dû aujourd’hui est de ${total}.`,
  pagopa: (code) => (code ? `Il se paie avec l’avis pagoPA, code ${code} : en banque, à la poste, au bureau de tabac, avec l’app IO ou en ligne.` : 'Il se paie avec pagoPA : l’avis avec son code est envoyé sur demande.'),
  f24: 'Ou avec le formulaire F24 (section IMU et autres impôts locaux), avec les codes indiqués dans la lettre.',
  noInstalments: 'Pour ce montant, le règlement ne prévoit pas d’échelonnement.',
  instalments: (t) => `Si un paiement unique n’est pas possible, le règlement permet ${t.min === t.max ? `jusqu’à ${t.max}` : `de ${t.min} à ${t.max}`} mensualités : enregistrer la demande d’échelonnement.`,
  care: [
    'Si la personne est en difficulté économique ou vulnérable : aucune pression ; enregistrer le résultat « Difficulté économique ».',
    'Si elle conteste ou dit avoir payé : noter les motifs, demander le reçu ; la position est suspendue.',
  ],
};

const TEXTS: Record<Language, Texts> = { it: IT, en: EN, de: DE, fr: FR };

export function callScript(i: CallScriptInput): CallScriptSection[] {
  const t = TEXTS[i.language];
  const explain = [t.revenue[i.revenue] ?? t.revenue.other!, t.act(i)];
  const pay = [t.amount(i.total), t.pagopa(i.noticeCode), ...(i.f24 ? [t.f24] : [])];
  const section = (key: CallScriptSection['key'], lines: string[]): CallScriptSection => ({ key, title: t.titles[key], lines });
  return [
    section('opening', [t.opening(i.agency, i.comune)]),
    section('identity', t.identity),
    section('explain', explain),
    section('amount', pay),
    section('instalments', [i.instalments.max === 0 ? t.noInstalments : t.instalments(i.instalments)]),
    section('care', t.care),
  ];
}
