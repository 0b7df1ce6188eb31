import { createHash } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Jurisdiction } from '../../domain/legal/cost-benefit.ts';
import { dayAfter, jurisdictionForm, stableJson, type ClaimFacts, type Party } from '../../domain/legal/forms.ts';
import { formatMoneyText } from '../../domain/money-format.ts';
import type { Actor } from '../../domain/policies.ts';
import { LEGAL_WORDS, renderLegalPdf, type LegalPdfLanguage, type LegalPdfSection } from '../../integrations/pdf/legal-dossier-pdf.ts';
import { writeZip } from '../../integrations/reports/zip-writer.ts';
import { claimStatementPdf } from '../claims/get-claim-statement.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { dossiersQuery, selectDossier, sheetOfRow } from './dossier-query.ts';
import { dossierReader } from './sheet.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The language of the court the dossier goes to: Italy Italian, Germany German, France French; Switzerland the debtor's (de/fr/it), else German. */
function dossierLanguage(j: Jurisdiction, debtorLanguage: string): LegalPdfLanguage {
  if (j === 'IT') return 'it';
  if (j === 'DE') return 'de';
  if (j === 'FR') return 'fr';
  return debtorLanguage === 'fr' || debtorLanguage === 'it' ? debtorLanguage : 'de';
}

/** A form's data as label/value rows (nested keys joined with dots), for its PDF. */
function flatten(v: unknown, prefix = ''): [string, string][] {
  if (v === null || v === undefined) return [[prefix, '—']];
  if (Array.isArray(v)) return v.flatMap((x, i) => flatten(x, `${prefix}[${i + 1}]`));
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => flatten(x, prefix ? `${prefix}.${k}` : k));
  return [[prefix, String(v)]];
}

export interface DossierDocument {
  name: string;
  data: Buffer;
  /** What the index says it is. */
  what: string;
}

/**
 * The dossier of a hand-off, built from the records: the invoice (claim document) with the attachments on
 * record, the statement of account and interest to the hand-off day (the claim statement's PDF, same
 * engine and figures as the balance), every formal notice sent for the claim with its stored document and
 * the SHA-256 stored when it was sent (checked against the bytes), the jurisdiction's form as data (JSON)
 * and as a filled PDF, an index PDF with the cost/benefit sheet and every file's SHA-256, and SHA256SUMS.
 * Every part is dated on the hand-off day and identified by its content: the same dossier gives the same
 * bytes, whenever it is generated.
 */
export async function buildLegalDossier(db: Db, actor: Actor, id: string): Promise<{ fileBase: string; handedOn: string; index: Buffer; documents: DossierDocument[] }> {
  authorize(actor, 'read', 'legal_dossier');
  assertId(id, 'legal_dossier');
  const h = await selectDossier(dossiersQuery(db, actor)).where('h.id', '=', id).executeTakeFirst();
  if (!h) throw notFound('legal_dossier');
  const reader = dossierReader(actor);
  const c = await db
    .selectFrom('claims as c')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('creditors as k', (j) => j.onRef('k.id', '=', 'c.creditor_id').onRef('k.tenant_id', '=', 'c.tenant_id'))
    .select([
      'c.id', 'c.external_ref', 'c.description', 'c.issue_date', 'c.due_date', 'c.contract_date', 'c.principal', 'c.currency', 'c.jurisdiction',
      'd.display_name', 'd.tax_code', 'd.vat_number', 'd.ch_uid', 'd.birth_date', 'd.language',
      'k.name as k_name', 'k.tax_code as k_tax', 'k.vat_number as k_vat', 'k.ch_uid as k_uid', 'k.country as k_country', 'k.address_line1 as k_line1', 'k.postal_code as k_postal', 'k.city as k_city',
    ])
    .where('c.tenant_id', '=', reader.tenantId)
    .where('c.id', '=', h.claim_id)
    .executeTakeFirstOrThrow();
  const address = await db
    .selectFrom('addresses')
    .select(['line1', 'postal_code', 'city', 'country'])
    .where('tenant_id', '=', reader.tenantId)
    .where('debtor_id', '=', h.debtor_id)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', h.handed_on)]))
    .orderBy(({ case: cs }) => cs().when('kind', 'in', ['registered_office', 'residence']).then(0).else(1).end())
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  const lang = dossierLanguage(c.jurisdiction, c.language);
  const w = LEGAL_WORDS[lang];
  const sheet = sheetOfRow(h);
  const money = (a: string) => formatMoneyText(a, c.currency, lang);
  const date = h.handed_on;

  // The statement of account and interest to the hand-off day.
  const statement = await claimStatementPdf(db, reader, c.id, { asOf: date, lang }, { created: date });

  // The formal notices: the communications sent for this claim, with their stored documents.
  const notices = await db
    .selectFrom('communication_claims as cc')
    .innerJoin('communications as m', (j) => j.onRef('m.id', '=', 'cc.communication_id').onRef('m.tenant_id', '=', 'cc.tenant_id'))
    .select(['m.id', 'm.ref_no', 'm.run_date', 'm.tier', 'm.channel', 'm.subject', 'm.pdf', 'm.body_html', 'm.sha256', 'm.status'])
    .where('cc.tenant_id', '=', reader.tenantId)
    .where('cc.claim_id', '=', c.id)
    .where('m.status', '<>', 'cancelled')
    .where('m.run_date', '<=', date)
    .where((eb) => eb.or([eb('m.pdf', 'is not', null), eb('m.body_html', 'is not', null)]))
    .orderBy('m.run_date')
    .orderBy('m.ref_no')
    .execute();
  const attachments = await db
    .selectFrom('attachments')
    .select(['file_name', 'sha256', 'size_bytes'])
    .where('tenant_id', '=', reader.tenantId)
    .where('claim_id', '=', c.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

  const creditor: Party = { name: c.k_name, street: c.k_line1, postcode: c.k_postal, town: c.k_city, country: c.k_country, taxCode: c.k_tax, vatNumber: c.k_vat ?? c.k_uid, birthDate: null };
  const debtor: Party = { name: c.display_name, street: address?.line1 ?? null, postcode: address?.postal_code ?? null, town: address?.city ?? null, country: address?.country ?? c.jurisdiction, taxCode: c.tax_code, vatNumber: c.vat_number ?? c.ch_uid, birthDate: c.birth_date };
  const periods = statement.view.statement.periods;
  const facts: ClaimFacts = {
    jurisdiction: c.jurisdiction,
    creditor,
    debtor,
    currency: c.currency,
    externalRef: c.external_ref,
    description: c.description,
    issueDate: c.issue_date,
    dueDate: c.due_date,
    contractDate: c.contract_date,
    principalDue: sheet.principalDue,
    interestDue: statement.view.statement.interestDue,
    costsDue: statement.view.statement.costsDue,
    interestRate: periods.length ? periods[periods.length - 1]!.rate : null,
    interestFrom: dayAfter(c.due_date),
    handedOn: date,
  };
  const author = c.k_name;
  const footer = `${c.k_name} · ${c.external_ref} · ${date}`;
  const safeRef = c.external_ref.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'pratica';

  const documents: DossierDocument[] = [];
  documents.push({
    name: `01-${safeRef}.pdf`,
    what: `${w.invoice} ${c.external_ref}`,
    data: await renderLegalPdf({
      date,
      title: `${w.invoiceTitle} ${c.external_ref}`,
      author,
      footer,
      sections: [
        { kind: 'fields', rows: [[w.creditor!, c.k_name], [w.debtor!, c.display_name], [w.ref!, c.external_ref], [w.issued!, c.issue_date ?? '—'], [w.dueDate!, c.due_date], [w.description!, c.description ?? '—'], [w.amount!, money(c.principal)], ...(c.contract_date ? [[w.contractDate!, c.contract_date] as [string, string]] : [])] },
        ...(attachments.length
          ? [{ kind: 'heading', text: w.attachmentsOnRecord! } as const, { kind: 'table', cols: [[w.file!, 0.45, 'left'], [w.sha!, 0.55, 'left']], rows: attachments.map((a) => [a.file_name, a.sha256]) } as LegalPdfSection]
          : []),
      ],
    }),
  });
  documents.push({ name: `02-estratto-interessi-${date}.pdf`, what: `${w.statement} ${date} (${money(statement.view.statement.totalDue)})`, data: statement.pdf });
  for (const n of notices) {
    const data = n.pdf ?? Buffer.from(n.body_html!, 'utf8');
    const ok = n.sha256 === sha256(data);
    documents.push({ name: `03-diffide/${n.run_date}-${n.ref_no}.${n.pdf ? 'pdf' : 'html'}`, what: `${w.notice} ${n.run_date} (${n.tier}, ${n.channel}) ${n.subject}${ok ? '' : ' — SHA-256 ≠'}`, data });
  }
  const form = jurisdictionForm(facts);
  const formJson = Buffer.from(stableJson(form.data), 'utf8');
  documents.push({ name: `04-${form.fileName}`, what: `${w.form}: ${String(form.data.form)} (JSON)`, data: formJson });
  documents.push({
    name: `04-${form.fileName.replace(/\.json$/, '.pdf')}`,
    what: `${w.form}: ${String(form.data.form)} (PDF)`,
    data: await renderLegalPdf({ date, title: String(form.data.form), author, footer, sections: [{ kind: 'fields', rows: flatten(form.data).filter(([k]) => k !== 'form') }] }),
  });

  const yesNo = (b: boolean | null) => (b === null ? w.unknown! : b ? w.yes! : w.no!);
  const fee = (f: { amount: string; status: string; source: string }) => `${money(f.amount)} · ${f.status} · ${f.source}`;
  const sections: LegalPdfSection[] = [
    { kind: 'fields', rows: [[w.creditor!, c.k_name], [w.debtor!, c.display_name], [w.claim!, `${c.external_ref}${c.description ? ` — ${c.description}` : ''}`], [w.jurisdiction!, c.jurisdiction], [w.procedure!, sheet.procedure], [w.firm!, h.firm_name], [w.handedOn!, date], [w.handedBy!, h.handed_by_label.replace(/^user:/, '')]] },
    { kind: 'heading', text: w.sheet! },
    { kind: 'table', cols: [[w.component!, 0.6, 'left'], [w.due!, 0.4, 'right']], rows: [...sheet.components.map((k) => [k.kind, money(k.due)]), [w.interestDue!, money(sheet.interestDue)], [w.costsDue!, money(sheet.costsDue)], [w.amountDue!, money(sheet.amountDue)]], boldLast: true },
    { kind: 'fields', rows: [[w.courtFee!, fee(sheet.courtFee)], [w.lawyerFee!, fee(sheet.lawyerFee)], [w.expectedCosts!, money(sheet.expectedCosts)], [w.ratio!, `${sheet.ratio ?? '—'} (${w.minRatio} ${sheet.minRatio})`]] },
    { kind: 'fields', rows: [[w.debtorStatus!, `${w.deceased}: ${yesNo(sheet.debtor.deceased)} · ${w.ceased}: ${yesNo(sheet.debtor.ceased)} · ${w.hardship}: ${yesNo(sheet.debtor.hardship)} · ${w.insolvency}: ${yesNo(sheet.debtor.insolvency)}`], [w.guarantees!, sheet.guarantees === null ? w.noRegister! : sheet.guarantees.length ? `${w.cover} ${money(sheet.guaranteeCover)}` : w.none!]] },
    { kind: 'text', text: `${w.recommendation}: ${w[sheet.recommendation]}`, bold: true },
    ...sheet.reasons.map((r) => ({ kind: 'text', text: `– ${r.text}` }) as LegalPdfSection),
    { kind: 'heading', text: w.documents! },
    // Each file in full: name, what it is, and its whole SHA-256 (never cut to fit a column).
    ...documents.flatMap((d) => [{ kind: 'text', text: `${d.name} — ${d.what}`, bold: true } as LegalPdfSection, { kind: 'text', text: `${w.sha}: ${sha256(d.data)}` } as LegalPdfSection]),
  ];
  const index = await renderLegalPdf({ date, title: w.title!, author, footer, sections });
  return { fileBase: `pratica-legale-${safeRef}-${date}`, handedOn: date, index, documents };
}

/** The dossier's index PDF, or the ZIP of every document (index first, SHA256SUMS last). */
export async function getLegalDossierFile(db: Db, actor: Actor, id: string, file: 'zip' | 'index.pdf'): Promise<{ bytes: Buffer; contentType: string; fileName: string; sha256: string }> {
  const d = await buildLegalDossier(db, actor, id);
  if (file === 'index.pdf') return { bytes: d.index, contentType: 'application/pdf', fileName: `${d.fileBase}-indice.pdf`, sha256: sha256(d.index) };
  const entries = [{ name: '00-indice.pdf', data: d.index }, ...d.documents.map((x) => ({ name: x.name, data: x.data }))];
  const sums = Buffer.from(entries.map((e) => `${sha256(e.data)}  ${e.name}\n`).join(''), 'utf8');
  const bytes = writeZip([...entries, { name: 'SHA256SUMS', data: sums }], d.handedOn);
  return { bytes, contentType: 'application/zip', fileName: `${d.fileBase}.zip`, sha256: sha256(bytes) };
}
