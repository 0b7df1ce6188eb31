import { canonicalJson, openDocument } from '../letters/pdf-document.ts';
import { mm } from '../letters/pdf-units.ts';
import { pageFooters, reportWriter, type ReportColumn } from '../reports/pdf-report.ts';

/**
 * The legal dossier's PDFs (issue 17 item 7): the index of the dossier with the cost/benefit sheet, and
 * the jurisdiction's form filled in (Betreibungsbegehren, requête, …) — pre-worded sections laid out on
 * A4. Dated and identified by their content (`openDocument`), so the same dossier gives the same bytes.
 */

export type LegalPdfLanguage = 'it' | 'en' | 'de' | 'fr';

export type LegalPdfSection =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string; bold?: boolean }
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'table'; cols: ReportColumn[]; rows: string[][]; boldLast?: boolean };

const MARGINS = { top: mm(18), bottom: mm(18), left: mm(18), right: mm(18) };
const PAGE = { size: 'A4' as const, margins: MARGINS };

export async function renderLegalPdf(input: { date: string; title: string; author: string; footer: string; sections: LegalPdfSection[] }): Promise<Buffer> {
  const { doc, done } = openDocument({ date: input.date, title: input.title, author: input.author, fingerprint: canonicalJson({ v: 1, input }) });
  try {
    const w = reportWriter(doc, PAGE);
    w.text(input.title, 'bold', 14);
    w.gap(4);
    for (const s of input.sections) {
      if (s.kind === 'heading') {
        w.gap(6);
        w.text(s.text, 'bold', 11);
      } else if (s.kind === 'text') w.text(s.text, s.bold ? 'bold' : 'regular', 9);
      else if (s.kind === 'fields') for (const [label, value] of s.rows) w.text(`${label}: ${value}`, 'regular', 9);
      else w.table(s.cols, s.rows, 8, s.boldLast);
    }
    pageFooters(doc, MARGINS, (page, pages) => `${input.footer} · ${page}/${pages}`);
  } catch (e) {
    doc.end();
    await done.catch(() => undefined);
    throw e;
  }
  doc.end();
  return done;
}

/** The words of the dossier's index and sheet, per language. */
export const LEGAL_WORDS: Record<LegalPdfLanguage, Record<string, string>> = {
  it: {
    title: 'Pratica legale – indice del fascicolo',
    sheet: 'Solvibilità e costi/benefici',
    creditor: 'Creditore', debtor: 'Debitore', claim: 'Pratica', jurisdiction: 'Giurisdizione', procedure: 'Procedura',
    handedOn: 'Affidata il', firm: 'Studio legale', handedBy: 'Affidata da',
    component: 'Componente', due: 'Dovuto', principalDue: 'Capitale dovuto', interestDue: 'Interessi al giorno dell’affidamento', costsDue: 'Spese dovute', amountDue: 'Totale dovuto',
    courtFee: 'Spese di giustizia previste', lawyerFee: 'Compenso legale previsto', expectedCosts: 'Spese previste', ratio: 'Rapporto dovuto/spese', minRatio: 'minimo',
    status: 'Stato', source: 'Fonte',
    debtorStatus: 'Stato del debitore', deceased: 'deceduto', ceased: 'cessato', hardship: 'in difficoltà', insolvency: 'procedura concorsuale', unknown: 'non noto', yes: 'sì', no: 'no',
    guarantees: 'Garanzie', noRegister: 'registro non disponibile', none: 'nessuna', cover: 'Copertura',
    recommendation: 'Raccomandazione', proceed: 'PROCEDERE', not_worth_it: 'NON CONVIENE', reasons: 'Motivi',
    documents: 'Documenti del fascicolo', file: 'File', what: 'Contenuto', sha: 'SHA-256',
    invoice: 'Fattura / documento del credito', statement: 'Estratto conto e prospetto degli interessi al', notice: 'Diffida / sollecito del', form: 'Dati per la procedura', attachmentsOnRecord: 'Allegati registrati (contenuto non conservato in incasso)',
    page: 'pagina',
    invoiceTitle: 'Documento del credito', ref: 'Numero', issued: 'Emessa il', dueDate: 'Scadenza', description: 'Descrizione', amount: 'Importo', contractDate: 'Contratto del',
  },
  en: {
    title: 'Legal hand-off – dossier index',
    sheet: 'Solvency and cost/benefit',
    creditor: 'Creditor', debtor: 'Debtor', claim: 'Claim', jurisdiction: 'Jurisdiction', procedure: 'Procedure',
    handedOn: 'Handed over on', firm: 'Law firm', handedBy: 'Handed over by',
    component: 'Component', due: 'Due', principalDue: 'Principal due', interestDue: 'Interest to the hand-off day', costsDue: 'Costs due', amountDue: 'Total due',
    courtFee: 'Expected court fees', lawyerFee: 'Expected lawyer’s fees', expectedCosts: 'Expected costs', ratio: 'Due/costs ratio', minRatio: 'minimum',
    status: 'Status', source: 'Source',
    debtorStatus: 'Debtor status', deceased: 'deceased', ceased: 'ceased', hardship: 'hardship', insolvency: 'insolvency proceedings', unknown: 'unknown', yes: 'yes', no: 'no',
    guarantees: 'Guarantees', noRegister: 'no register available', none: 'none', cover: 'Cover',
    recommendation: 'Recommendation', proceed: 'PROCEED', not_worth_it: 'NOT WORTH IT', reasons: 'Reasons',
    documents: 'Documents in the dossier', file: 'File', what: 'Content', sha: 'SHA-256',
    invoice: 'Invoice / claim document', statement: 'Statement of account and interest to', notice: 'Formal notice / reminder of', form: 'Data for the procedure', attachmentsOnRecord: 'Attachments on record (content not kept by incasso)',
    page: 'page',
    invoiceTitle: 'Claim document', ref: 'Number', issued: 'Issued on', dueDate: 'Due date', description: 'Description', amount: 'Amount', contractDate: 'Contract of',
  },
  de: {
    title: 'Übergabe an die Kanzlei – Inhaltsverzeichnis',
    sheet: 'Bonität und Kosten/Nutzen',
    creditor: 'Gläubiger', debtor: 'Schuldner', claim: 'Forderung', jurisdiction: 'Rechtsordnung', procedure: 'Verfahren',
    handedOn: 'Übergeben am', firm: 'Kanzlei', handedBy: 'Übergeben von',
    component: 'Bestandteil', due: 'Geschuldet', principalDue: 'Hauptforderung', interestDue: 'Zinsen bis zur Übergabe', costsDue: 'Kosten', amountDue: 'Total geschuldet',
    courtFee: 'Erwartete Gerichts-/Amtsgebühren', lawyerFee: 'Erwartetes Anwaltshonorar', expectedCosts: 'Erwartete Kosten', ratio: 'Verhältnis Forderung/Kosten', minRatio: 'Minimum',
    status: 'Status', source: 'Quelle',
    debtorStatus: 'Status des Schuldners', deceased: 'verstorben', ceased: 'aufgegeben', hardship: 'Notlage', insolvency: 'Insolvenzverfahren', unknown: 'unbekannt', yes: 'ja', no: 'nein',
    guarantees: 'Sicherheiten', noRegister: 'kein Register vorhanden', none: 'keine', cover: 'Deckung',
    recommendation: 'Empfehlung', proceed: 'VORGEHEN', not_worth_it: 'LOHNT SICH NICHT', reasons: 'Gründe',
    documents: 'Dokumente', file: 'Datei', what: 'Inhalt', sha: 'SHA-256',
    invoice: 'Rechnung / Forderungsurkunde', statement: 'Kontoauszug und Zinsberechnung bis', notice: 'Mahnung vom', form: 'Daten für das Verfahren', attachmentsOnRecord: 'Erfasste Anhänge (Inhalt nicht in incasso gespeichert)',
    page: 'Seite',
    invoiceTitle: 'Forderungsurkunde', ref: 'Nummer', issued: 'Ausgestellt am', dueDate: 'Fällig am', description: 'Beschreibung', amount: 'Betrag', contractDate: 'Vertrag vom',
  },
  fr: {
    title: 'Remise au cabinet – index du dossier',
    sheet: 'Solvabilité et coûts/bénéfices',
    creditor: 'Créancier', debtor: 'Débiteur', claim: 'Créance', jurisdiction: 'Juridiction', procedure: 'Procédure',
    handedOn: 'Remise le', firm: 'Cabinet', handedBy: 'Remise par',
    component: 'Composante', due: 'Dû', principalDue: 'Principal dû', interestDue: 'Intérêts au jour de la remise', costsDue: 'Frais dus', amountDue: 'Total dû',
    courtFee: 'Frais de justice prévus', lawyerFee: 'Honoraires prévus', expectedCosts: 'Frais prévus', ratio: 'Rapport dû/frais', minRatio: 'minimum',
    status: 'Statut', source: 'Source',
    debtorStatus: 'Situation du débiteur', deceased: 'décédé', ceased: 'cessé', hardship: 'en difficulté', insolvency: 'procédure collective', unknown: 'inconnu', yes: 'oui', no: 'non',
    guarantees: 'Garanties', noRegister: 'pas de registre', none: 'aucune', cover: 'Couverture',
    recommendation: 'Recommandation', proceed: 'AGIR', not_worth_it: 'NE VAUT PAS LA PEINE', reasons: 'Motifs',
    documents: 'Pièces du dossier', file: 'Fichier', what: 'Contenu', sha: 'SHA-256',
    invoice: 'Facture / titre de la créance', statement: 'Relevé de compte et des intérêts au', notice: 'Mise en demeure / relance du', form: 'Données pour la procédure', attachmentsOnRecord: 'Pièces enregistrées (contenu non conservé par incasso)',
    page: 'page',
    invoiceTitle: 'Titre de la créance', ref: 'Numéro', issued: 'Émise le', dueDate: 'Échéance', description: 'Description', amount: 'Montant', contractDate: 'Contrat du',
  },
};
