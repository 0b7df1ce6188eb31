import { Temporal } from '../dates.ts';
import { email as emailSchema, normalisePhone } from '../fields.ts';
import { amountParam, dateParam, encodeMessage, type Message, type MessageCode, type MessageParams, msg } from '../messages/index.ts';
import { MUNICIPAL_REVENUE_KINDS, type ActKind, type ClaimKind, type ComponentKind, type DebtorKind, type MunicipalRevenueKind } from '../model.ts';
import { money, sumMoney, toMoneyString } from '../money.ts';
import { CADASTRAL_CODE, cadastralCodeIssue, componentCodeIssue } from '../municipal/f24.ts';
import { noticeProblem } from '../municipal/pagopa.ts';
import { validateCodiceFiscale, validateIban, validatePartitaIva, validateSwissUid } from '../tax-ids.ts';
import { cfBirth, cfBirthProblem, cfMatchesBirthDate, cfMatchesName } from './cf-person.ts';
import { fieldLabel, IMPORT_FIELD_NAMES, type ComponentField, type ImportField } from './fields.ts';
import { buildReference, REVENUE_LABELS, TOKEN_FIELD } from './reference.ts';
import { splitFullName } from './names.ts';
import { cleanText, parseAmount, parseDate, parseYesNo, quote } from './values.ts';
import {
  ACT_KIND_EXAMPLES,
  CLAIM_KIND_EXAMPLES,
  kindOfTributeCode,
  parseActKind,
  DEBTOR_KIND_EXAMPLES,
  hasLegalForm,
  looksLikePublicBody,
  parseClaimKind,
  parseCountry,
  parseCurrency,
  parseDebtorKind,
  parseLanguage,
  type CountryCode,
  type LanguageCode,
} from './words.ts';

export interface RowContext {
  /** 'YYYY-MM-DD', where the import runs (Europe/Rome). */
  today: string;
  defaultCurrency: 'EUR' | 'CHF';
  defaultCountry: CountryCode;
  /** The decimal sign of the file's amounts; `auto` refuses ambiguous ones like "1.234". */
  decimal: ',' | '.' | 'auto';
  /** The comune's cadastral code (creditors.cadastral_code): a row naming another one is refused. */
  cadastralCode?: string | null;
  /** The creditor's collection account (creditors.iban): a row's other IBAN is kept and noted. */
  creditorIban?: string | null;
  /** Set when the file has no reference column: each row's reference is built with it (reference.ts). */
  referencePattern?: string | null;
  /**
   * False when the file maps none of a comune's columns (COMUNE_FIELDS): its rows skip those readers,
   * so a company's million rows pay nothing for them. Absent: every reader runs.
   */
  comuneColumns?: boolean;
}

export interface ImportedDebtor {
  kind: DebtorKind;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  taxCode: string | null;
  vatNumber: string | null;
  chUid: string | null;
  birthDate: string | null;
  language: LanguageCode | null;
  deceased: boolean;
  ceased: boolean;
  debtorRef: string | null;
}

export interface ImportedAddress {
  line1: string;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  country: CountryCode;
}

/** `value` normalised: e-mail lower-cased, phone numbers in E.164. */
export interface ImportedContact {
  channel: 'email' | 'pec' | 'phone' | 'mobile';
  value: string;
}

export interface ImportedClaim {
  externalRef: string;
  kind: ClaimKind;
  description: string | null;
  /** Exact decimal string with two decimals, "1234.50". */
  principal: string;
  currency: 'EUR' | 'CHF';
  issueDate: string | null;
  dueDate: string;
  contractDate: string | null;
  taxYear: number | null;
  /** Electronic form, no spaces. */
  iban: string | null;
  /** A comune's act split in its parts, in the file's column order; null: one principal of `principal`. */
  components: ImportedComponent[] | null;
  act: ImportedAct | null;
  /** pagoPA codice avviso, 18 digits without spaces. */
  noticeCode: string | null;
}

export interface ImportedComponent {
  kind: ComponentKind;
  /** Exact decimal string, more than zero. */
  amount: string;
  /** F24 codice tributo, where the list gives one. */
  tributeCode: string | null;
}

export interface ImportedAct {
  kind: ActKind;
  number: string | null;
  date: string | null;
  notifiedOn: string | null;
  enforceableOn: string | null;
}

export interface ImportRecord {
  claim: ImportedClaim;
  debtor: ImportedDebtor;
  address: ImportedAddress | null;
  contacts: ImportedContact[];
}

/**
 * A problem or warning about one field of a row: a coded message (`import.*`, its params naming the
 * cell's value), rendered in the reader's language where it is shown or stored.
 */
export interface RowProblem extends Message {
  readonly field: ImportField;
}

/** A message inside another's params (a validator's reason, a field's label): rendered with it. */
const nested = (m: Message): string => encodeMessage(m);

/**
 * A row either gives a record (perhaps with warnings about values it left out or repaired) or
 * refuses with every problem at once. Warnings come in both cases.
 */
export type RowResult =
  | { record: ImportRecord; problems: []; warnings: RowProblem[] }
  | { record: null; problems: RowProblem[]; warnings: RowProblem[] };

/** Bounds of free text, in characters. Person names follow the debtor API (100), the rest the brief of the import. */
export const TEXT_LIMITS = {
  externalRef: 100,
  actNumber: 50,
  description: 2000,
  firstName: 100,
  lastName: 100,
  companyName: 200,
  debtorName: 200,
  debtorRef: 100,
  addressLine1: 200,
  city: 120,
  province: 60,
} as const;

/**
 * Turns one row of an imported file into a claim, its debtor, an address and contacts.
 *
 * The rule for what refuses a row: **a row is never lost for an optional field that only helps to
 * reach the debtor or describe them**. So:
 * - **problems** (the row is refused and reported, to be corrected and re-imported): required fields
 *   (externalRef, principal, dueDate) missing or invalid, and any value that changes what the claim
 *   is worth or how the law treats it or its debtor: amount, currency, claim kind, tax year, issue and
 *   contract dates, debtor kind, names, tax identifiers (codice fiscale with its check character and
 *   omocodia, partita IVA, Swiss UID), a birth date contradicting the codice fiscale, the country,
 *   the deceased/ceased flags, and text over its bound for identifiers and names;
 * - **warnings** (the row is imported without the value, or with it repaired): invalid e-mail, PEC or
 *   phone numbers (each dropped alone; the others of the same cell are kept), IBAN, language, birth
 *   date, postal code (Italian, German and French codes that lost their leading zeros in a
 *   spreadsheet are restored), an address without street, city or over its bound, a description
 *   over 2000 characters (cut), a codice fiscale not matching the name, a foreign VAT number, a
 *   person's codice fiscale on a company, a debtor kind guessed from a name alone.
 *
 * The debtor kind, when not given, is inferred: a person's codice fiscale → consumer, or sole trader
 * with a partita IVA or company name beside it; a partita IVA, UID, 11-digit codice fiscale or a
 * company name → company (a public body by its name: "Comune di …", "ASL …"); a name ending with a
 * legal form ("S.R.L.", "GmbH") → company; otherwise a consumer.
 *
 * Names are kept as written (trimmed, spaces collapsed), not title-cased: "DE LUCA", "McDonald" and
 * "D'Amico" stay right, and the display decides. A single name column is split for consumers (see
 * `splitFullName`: by the codice fiscale when it decides, else "COGNOME NOME"); a sole trader's is
 * split only when the codice fiscale confirms it, else kept whole as the trade name; an
 * organisation's is kept whole. An organisation named in the surname column (common in comuni's
 * lists) takes that as its name.
 *
 * An Italian debtor needs neither codice fiscale nor partita IVA: company exports often have neither.
 */
export function validateRow(values: Partial<Record<ImportField, string>>, ctx: RowContext): RowResult {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const note = (field: ImportField, code: MessageCode, params?: MessageParams): RowProblem => ({ field, ...msg(code, params) });
  const problem = (field: ImportField, code: MessageCode, params?: MessageParams) => problems.push(note(field, code, params));
  const warn = (field: ImportField, code: MessageCode, params?: MessageParams) => warnings.push(note(field, code, params));
  /** A reader's or validator's own message, as a problem of `field`. */
  const problemOf = (field: ImportField, m: Message) => problem(field, m.code, m.params);
  const raw = (field: ImportField): string | null => {
    const v = values[field];
    return v === undefined || v.trim() === '' ? null : v;
  };
  /** Cleaned text or null; over its bound: a problem (or a warning, and null, when `soft`). */
  const text = (field: keyof typeof TEXT_LIMITS, soft = false): string | null => {
    const v = raw(field);
    if (v === null) return null;
    const r = cleanText(v, TEXT_LIMITS[field]);
    if ('problem' in r) {
      if (soft) warn(field, 'import.text_ignored', { reason: nested(r.problem) });
      else problemOf(field, r.problem);
      return null;
    }
    return r.value || null;
  };
  const required = (field: ImportField) => problem(field, 'import.required_missing', { label: nested(msg(fieldLabel(field))) });
  const { year: thisYear, dueLimit } = todayFacts(ctx.today);

  // ---- The claim --------------------------------------------------------------------------------
  let externalRef = ctx.referencePattern ? null : text('externalRef');
  if (!ctx.referencePattern && externalRef === null && !problems.some((p) => p.field === 'externalRef')) required('externalRef');

  let kind: ClaimKind = 'invoice';
  const kindRaw = raw('kind');
  const comune = ctx.comuneColumns !== false;
  const tributeCodeRaw = comune ? raw('tributeCode') : null;
  if (kindRaw !== null) {
    const k = parseClaimKind(kindRaw);
    if (k) kind = k;
    else problem('kind', 'import.kind_unknown', { value: quote(kindRaw), allowed: CLAIM_KIND_EXAMPLES });
  } else if (tributeCodeRaw !== null) {
    // A list of one tax names it by its F24 code only ("Codice tributo 3918").
    kind = kindOfTributeCode(tributeCodeRaw) ?? kind;
  }

  let description: string | null = null;
  const descriptionRaw = raw('description');
  if (descriptionRaw !== null) {
    const all = cleanText(descriptionRaw, Number.MAX_SAFE_INTEGER);
    const chars = 'value' in all ? [...all.value] : [];
    if (chars.length > TEXT_LIMITS.description) {
      description = `${chars.slice(0, TEXT_LIMITS.description - 1).join('')}…`;
      warn('description', 'import.description_cut', { length: chars.length, max: TEXT_LIMITS.description });
    } else {
      description = chars.join('') || null;
    }
  }

  let principal: string | null = null;
  let amountCurrency: 'EUR' | 'CHF' | undefined;
  const principalRaw = raw('principal');
  const components = comune ? readComponents(values, kind, ctx, problem) : null;
  if (principalRaw === null) {
    if (components === null) required('principal');
  } else {
    const a = parseAmount(principalRaw, ctx.decimal);
    if ('problem' in a) problemOf('principal', a.problem);
    else {
      principal = a.value;
      amountCurrency = a.currency;
    }
  }

  if (components?.length) {
    // The components make the amount; a total column states it, and must say the same.
    const sum = toMoneyString(sumMoney(components.map((c) => c.amount)));
    if (principal !== null && !money(principal).eq(sum)) {
      problem('principal', 'import.components_sum_differs', { total: amountParam(principal), sum: amountParam(sum) });
    }
    if (principalRaw === null || principal !== null) principal = sum;
  } else if (components !== null && principalRaw === null) {
    // Component columns all empty or zero, and no total: nothing is owed on this row.
    required('principal');
  }

  let currency: 'EUR' | 'CHF' = amountCurrency ?? ctx.defaultCurrency;
  const currencyRaw = raw('currency');
  if (currencyRaw !== null) {
    const c = parseCurrency(currencyRaw);
    if (!c) problem('currency', 'import.currency_unsupported', { value: quote(currencyRaw) });
    else if (amountCurrency && amountCurrency !== c) {
      problem('currency', 'import.currency_differs', { currency: c, amount: quote(principalRaw!), amountCurrency });
    } else currency = c;
  }

  const date = (field: 'issueDate' | 'dueDate' | 'contractDate' | 'actDate' | 'notifiedOn' | 'enforceableOn'): string | null => {
    const v = raw(field);
    if (v === null) return null;
    const d = parseDate(v);
    if ('problem' in d) {
      problemOf(field, d.problem);
      return null;
    }
    return d.value;
  };
  const act = comune ? readAct(raw, kind, ctx, problem, date) : null;
  const issueDate = date('issueDate') ?? (raw('issueDate') === null ? (act?.date ?? null) : null);
  const dueDate = date('dueDate');
  const contractDate = date('contractDate');
  if (raw('dueDate') === null) required('dueDate');
  if (dueDate && dueDate > dueLimit) {
    problem('dueDate', 'import.due_date_too_far', { date: dateParam(dueDate), today: dateParam(ctx.today), max: dateParam(dueLimit) });
  }
  if (issueDate) {
    if (dueDate && issueDate > dueDate) {
      problem('issueDate', 'import.issue_after_due', { date: dateParam(issueDate), due: dateParam(dueDate) });
    }
    if (issueDate > ctx.today) problem('issueDate', 'import.issue_in_future', { date: dateParam(issueDate), today: dateParam(ctx.today) });
  }
  if (contractDate && contractDate > ctx.today) {
    problem('contractDate', 'import.contract_in_future', { date: dateParam(contractDate), today: dateParam(ctx.today) });
  }

  let taxYear: number | null = null;
  const taxYearRaw = raw('taxYear');
  if (taxYearRaw !== null) {
    const m = /^(\d{4})(?:[.,]0+)?$/.exec(taxYearRaw.trim());
    const y = m ? Number(m[1]) : NaN;
    if (!m) problem('taxYear', 'import.tax_year_invalid', { value: quote(taxYearRaw) });
    else if (y < 1900 || y > thisYear) {
      problem('taxYear', 'import.tax_year_out_of_range', { year: y, max: thisYear });
    } else taxYear = y;
  }
  if (taxYear !== null && dueDate && Number(dueDate.slice(0, 4)) < taxYear) {
    problem('dueDate', 'import.due_before_tax_year', { date: dateParam(dueDate), year: taxYear });
  }
  if (taxYearRaw === null && (kind === 'imu' || kind === 'tari')) {
    warn('taxYear', 'import.tax_year_missing', { kind: kind.toUpperCase() });
  }

  let iban: string | null = null;
  const ibanRaw = raw('iban');
  if (ibanRaw !== null) {
    const r = validateIban(ibanRaw);
    if (r.ok) iban = r.value;
    else warn('iban', 'import.iban_ignored', { value: quote(ibanRaw), reason: nested(r.message) });
  }
  if (iban && ctx.creditorIban && iban !== ctx.creditorIban.replace(/\s+/g, '').toUpperCase()) {
    warn('iban', 'import.iban_not_creditor_account', { iban, account: ctx.creditorIban });
  }

  let noticeCode: string | null = null;
  const noticeRaw = comune ? raw('noticeCode') : null;
  if (noticeRaw !== null) {
    const p = noticeProblem(noticeRaw);
    if (p) problem('noticeCode', 'import.notice_code_invalid', { value: quote(noticeRaw), reason: nested(p) });
    else noticeCode = noticeRaw.replace(/\s+/g, '');
  }

  const cadastralRaw = comune ? raw('cadastralCode') : null;
  if (cadastralRaw !== null) {
    const code = cadastralRaw.trim().toUpperCase();
    const issue = cadastralCodeIssue(code);
    if (issue) problem('cadastralCode', 'import.cadastral_code_invalid', { value: quote(cadastralRaw), reason: nested(issue) });
    else if (ctx.cadastralCode && CADASTRAL_CODE.test(ctx.cadastralCode) && code !== ctx.cadastralCode) {
      problem('cadastralCode', 'import.cadastral_code_differs', { value: code, expected: ctx.cadastralCode });
    }
  }

  // ---- Debtor identifiers ---------------------------------------------------------------------------
  let taxCode: string | null = null;
  const taxCodeRaw = raw('taxCode');
  if (taxCodeRaw !== null) {
    const r = validateCodiceFiscale(taxCodeRaw);
    if (r.ok) taxCode = r.value;
    else problem('taxCode', 'import.tax_code_invalid', { value: quote(taxCodeRaw), reason: nested(r.message) });
  }

  let chUid: string | null = null;
  const chUidRaw = raw('chUid');
  if (chUidRaw !== null) {
    const r = validateSwissUid(chUidRaw);
    if (r.ok) chUid = r.value;
    else problem('chUid', 'import.uid_invalid', { value: quote(chUidRaw), reason: nested(r.message) });
  }

  let vatNumber: string | null = null;
  const vatRaw = raw('vatNumber');
  if (vatRaw !== null) {
    const compact = vatRaw.replace(/[\s.\-/]/g, '').toUpperCase();
    if (compact.startsWith('CHE')) {
      // A Swiss MWST number is the UID with "MWST".
      const r = validateSwissUid(vatRaw);
      if (!r.ok) problem('vatNumber', 'import.swiss_vat_invalid', { value: quote(vatRaw), reason: nested(r.message) });
      else if (chUid && chUid !== r.value) problem('vatNumber', 'import.vat_differs_from_uid', { vat: r.value, uid: chUid });
      else chUid = r.value;
    } else if (/^[A-Z]{2}/.test(compact) && !compact.startsWith('IT')) {
      warn('vatNumber', 'import.foreign_vat_ignored', { value: quote(vatRaw) });
    } else {
      const r = validatePartitaIva(vatRaw);
      if (r.ok) vatNumber = r.value;
      else problem('vatNumber', 'import.vat_invalid', { value: quote(vatRaw), reason: nested(r.message) });
    }
  }

  let birthDate: string | null = null;
  const birthRaw = raw('birthDate');
  if (birthRaw !== null) {
    const d = parseDate(birthRaw);
    if ('problem' in d) warn('birthDate', 'import.birth_date_ignored', { reason: nested(d.problem) });
    else if (d.value > ctx.today) warn('birthDate', 'import.birth_date_in_future', { date: dateParam(d.value) });
    else birthDate = d.value;
  }

  // ---- Debtor kind and name -----------------------------------------------------------------------
  const firstNameIn = text('firstName');
  const lastNameIn = text('lastName');
  const companyNameIn = text('companyName');
  const debtorNameIn = text('debtorName');
  const personCf = taxCode !== null && taxCode.length === 16 ? taxCode : null;
  const entityCf = taxCode !== null && /^\d{11}$/.test(taxCode) ? taxCode : null;

  let debtorKind: DebtorKind | null = null;
  const kindCell = raw('debtorKind');
  if (kindCell !== null) {
    debtorKind = parseDebtorKind(kindCell);
    if (!debtorKind) problem('debtorKind', 'import.debtor_kind_unknown', { value: quote(kindCell), allowed: DEBTOR_KIND_EXAMPLES });
  }
  const orgName = companyNameIn ?? debtorNameIn ?? lastNameIn ?? '';
  if (!debtorKind) {
    if (personCf) debtorKind = companyNameIn || vatNumber || chUid ? 'sole_trader' : 'consumer';
    else if (vatNumber || chUid || entityCf || companyNameIn) debtorKind = looksLikePublicBody(orgName) ? 'public_administration' : 'company';
    else if (debtorNameIn && looksLikePublicBody(debtorNameIn)) debtorKind = 'public_administration';
    else if (debtorNameIn && hasLegalForm(debtorNameIn)) debtorKind = 'company';
    else if (lastNameIn && hasLegalForm(lastNameIn) && !firstNameIn) debtorKind = 'company';
    else {
      debtorKind = 'consumer';
      if (kindCell === null && debtorNameIn && !lastNameIn) {
        warn('debtorKind', 'import.debtor_kind_guessed', { name: quote(debtorNameIn) });
      }
    }
  }

  const person = debtorKind === 'consumer' || debtorKind === 'sole_trader';
  if (debtorKind === 'consumer' && entityCf) {
    problem('taxCode', 'import.entity_tax_code_on_consumer', { taxCode: entityCf });
  }
  if (!person && personCf) {
    warn('taxCode', 'import.person_tax_code_on_entity', { taxCode: personCf });
    taxCode = null;
  }

  // A name cell over its bound is already reported: no second "missing name" for it.
  const nameCellProblem = problems.some((p) => ['firstName', 'lastName', 'companyName', 'debtorName'].includes(p.field));
  let firstName = firstNameIn;
  let lastName = lastNameIn;
  let companyName = companyNameIn;
  if (person) {
    if (!lastName && debtorNameIn && !(debtorKind === 'sole_trader' && companyName)) {
      const split = splitFullName(debtorNameIn, personCf);
      if (debtorKind === 'consumer' || split.by === 'tax_code') {
        lastName = split.lastName;
        firstName ??= split.firstName;
        if ([...lastName].length > TEXT_LIMITS.lastName || [...(firstName ?? '')].length > TEXT_LIMITS.firstName) {
          problem('debtorName', 'import.name_parts_too_long', { value: quote(debtorNameIn), max: TEXT_LIMITS.lastName });
        }
      } else {
        companyName = debtorNameIn;
      }
    }
    if (!lastName && !(debtorKind === 'sole_trader' && companyName) && !nameCellProblem) {
      problem('lastName', debtorKind === 'sole_trader' ? 'import.surname_or_trade_name_missing' : 'import.surname_missing');
    }
  } else {
    if (!companyName) {
      if (debtorNameIn) companyName = debtorNameIn;
      else if (lastNameIn) {
        // Comuni often write an organisation's name in the surname column.
        companyName = [lastNameIn, firstNameIn].filter(Boolean).join(' ');
        lastName = null;
        firstName = null;
      }
    }
    if (!companyName && !nameCellProblem) problem('companyName', 'import.company_name_missing');
  }

  if (personCf && person) {
    const impossible = cfBirthProblem(personCf);
    if (impossible) warn('taxCode', impossible.code, impossible.params);
    if (birthDate && !cfMatchesBirthDate(personCf, birthDate)) {
      const b = cfBirth(personCf)!;
      const encoded = `${String(b.day).padStart(2, '0')}/${String(b.month).padStart(2, '0')}/…${String(b.yy).padStart(2, '0')}`;
      problem('birthDate', b.female ? 'import.birth_date_mismatch_female' : 'import.birth_date_mismatch_male', {
        date: dateParam(birthDate),
        taxCode: personCf,
        encoded,
      });
    }
    if (lastName && !cfMatchesName(personCf, lastName, firstName)) {
      warn('taxCode', 'import.tax_code_name_mismatch', { taxCode: personCf, name: quote([lastName, firstName].filter(Boolean).join(' ')) });
    }
  }

  const flag = (field: 'deceased' | 'ceased'): boolean => {
    const v = raw(field);
    if (v === null) return false;
    const r = parseYesNo(v);
    if ('problem' in r) {
      problemOf(field, r.problem);
      return false;
    }
    return r.value;
  };
  let deceased = flag('deceased');
  let ceased = flag('ceased');
  if (deceased && !person) {
    warn('deceased', 'import.deceased_on_entity');
    deceased = false;
  }
  if (ceased && debtorKind === 'consumer') {
    warn('ceased', 'import.ceased_on_consumer');
    ceased = false;
  }

  let language: LanguageCode | null = null;
  const languageRaw = raw('language');
  if (languageRaw !== null) {
    language = parseLanguage(languageRaw);
    if (!language) warn('language', 'import.language_unknown', { value: quote(languageRaw) });
  }
  const debtorRef = text('debtorRef');

  // ---- Address --------------------------------------------------------------------------------------
  let country: CountryCode = ctx.defaultCountry;
  const countryRaw = raw('country');
  if (countryRaw !== null) {
    const c = parseCountry(countryRaw);
    if (c) country = c;
    else problem('country', 'import.country_unsupported', { value: quote(countryRaw) });
  }
  const line1 = text('addressLine1', true);
  const city = text('city', true);
  const provinceText = text('province', true);
  const province = provinceText && /^[a-z]{2}$/i.test(provinceText) ? provinceText.toUpperCase() : provinceText;
  const postalCode = postal(raw('postalCode'), country, warn);
  let address: ImportedAddress | null = null;
  if (line1) {
    address = { line1, postalCode, city, province, country };
    if (!city) warn('city', 'import.address_without_city', { value: quote(line1) });
  } else if (raw('addressLine1') === null && (city || postalCode)) {
    warn('addressLine1', 'import.address_without_street');
  }

  // ---- Contacts -------------------------------------------------------------------------------------
  const contacts: ImportedContact[] = [];
  const addContact = (channel: ImportedContact['channel'], value: string) => {
    if (!contacts.some((c) => c.channel === channel && c.value === value)) contacts.push({ channel, value });
  };
  for (const channel of ['email', 'pec'] as const) {
    const v = raw(channel);
    if (v === null) continue;
    // "Mario Rossi <mario.rossi@example.it>": the addresses in angle brackets, else every word.
    const angled = [...v.matchAll(/<([^<>]+)>/g)].map((m) => m[1]!);
    for (const part of angled.length ? angled : v.split(/[;,\s]+/).filter(Boolean)) {
      const candidate = part.replace(/^mailto:/i, '').replace(/^<|>$/g, '');
      const parsed = emailSchema.safeParse(candidate);
      if (parsed.success) addContact(channel, parsed.data);
      else {
        warn(channel, channel === 'pec' ? 'import.pec_invalid' : 'import.email_invalid', { value: quote(part) });
      }
    }
  }
  for (const channel of ['phone', 'mobile'] as const) {
    const v = raw(channel);
    if (v === null) continue;
    for (const part of v.split(/[;,|]|\s\/\s/).map((p) => p.trim()).filter(Boolean)) {
      const international = /^\s*(\+|00)/.test(part);
      const normalised =
        country === 'IT' || country === 'CH' ? normalisePhone(part, country) : international ? normalisePhone(part) : null;
      // An Italian 3xx or Swiss 07x number is a mobile whatever column it came in: SMS can reach it.
      if (normalised) addContact(/^\+393|^\+417[5-9]/.test(normalised) ? 'mobile' : channel, normalised);
      else {
        const code =
          international || (country !== 'DE' && country !== 'FR')
            ? 'import.phone_invalid'
            : country === 'DE'
              ? 'import.phone_needs_prefix_de'
              : 'import.phone_needs_prefix_fr';
        warn(channel, code, { value: quote(part) });
      }
    }
  }

  if (ctx.referencePattern && problems.length === 0) {
    const built = buildReference(ctx.referencePattern, {
      taxCode: taxCode ?? vatNumber ?? chUid,
      revenue: REVENUE_LABELS[kind] ?? kind.toUpperCase(),
      year: taxYear === null ? null : String(taxYear),
      act: act?.number ?? null,
      notice: noticeCode,
      debtorRef,
    });
    if ('missing' in built) {
      const field = TOKEN_FIELD[built.missing] ?? 'externalRef';
      problem(field, 'import.reference_part_missing', { label: nested(msg(fieldLabel(field))), pattern: ctx.referencePattern });
    } else if ([...built.ref].length > TEXT_LIMITS.externalRef) {
      problem('externalRef', 'import.reference_too_long', { ref: quote(built.ref, 120), max: TEXT_LIMITS.externalRef });
    } else externalRef = built.ref;
  }

  // In the order of the fields, so reports read the same for every row.
  problems.sort(byFieldOrder);
  warnings.sort(byFieldOrder);
  if (problems.length > 0 || externalRef === null || principal === null || dueDate === null) {
    return { record: null, problems, warnings };
  }
  return {
    record: {
      claim: {
        externalRef,
        kind,
        description,
        principal,
        currency,
        issueDate,
        dueDate,
        contractDate,
        taxYear,
        iban,
        components: components?.length ? components : null,
        act,
        noticeCode,
      },
      debtor: {
        kind: debtorKind,
        firstName: firstName ?? null,
        lastName: lastName ?? null,
        companyName: companyName ?? null,
        taxCode,
        vatNumber,
        chUid,
        birthDate,
        language,
        deceased,
        ceased,
        debtorRef,
      },
      address,
      contacts,
    },
    problems: [],
    warnings,
  };
}

/** Which component each amount column is, and the column of its tribute code. */
const COMPONENT_COLUMNS: readonly { field: ComponentField; kind: ComponentKind; code: ImportField | null; fixedCode?: string }[] = [
  { field: 'tax', kind: 'tax', code: 'tributeCode' },
  // TARI lists carry the provincial TEFA (art. 19 D.Lgs. 504/1992) beside it, paid under its own code.
  { field: 'tefa', kind: 'tax', code: null, fixedCode: 'TEFA' },
  { field: 'sanctions', kind: 'sanctions', code: 'sanctionsTributeCode' },
  { field: 'actInterest', kind: 'act_interest', code: 'interestTributeCode' },
  { field: 'notificationCosts', kind: 'notification_costs', code: null },
  { field: 'collectionCharges', kind: 'collection_charges', code: null },
];

/**
 * A comune's act in its parts: every non-empty amount column is a component (an empty or zero cell
 * is a part the act does not have; a negative or unreadable one refuses the row), each with its F24
 * tribute code where the list gives one, checked as the F24 will use it (componentCodeIssue).
 * Null when no component column holds anything: the row is one principal, as a company's.
 */
function readComponents(
  values: Partial<Record<ImportField, string>>,
  kind: ClaimKind,
  ctx: RowContext,
  problem: (field: ImportField, code: MessageCode, params?: MessageParams) => void,
): ImportedComponent[] | null {
  let out: ImportedComponent[] | null = null;
  for (const c of COMPONENT_COLUMNS) {
    const cell = values[c.field];
    if (cell === undefined || cell.trim() === '') continue;
    out ??= [];
    const a = parseAmount(cell, ctx.decimal);
    if ('problem' in a) {
      if (a.problem.code !== 'import.amount.zero') problem(c.field, a.problem.code, a.problem.params);
      continue;
    }
    const codeCell = c.code ? values[c.code]?.trim().toUpperCase() : undefined;
    const code = codeCell || c.fixedCode || null;
    if (code !== null) {
      const field = c.code ?? c.field;
      if (!/^[0-9A-Z]{4}$/.test(code)) problem(field, 'import.tribute_code_invalid', { value: quote(code), reason: nested(msg('municipal.tribute_code_format')) });
      else if ((MUNICIPAL_REVENUE_KINDS as readonly string[]).includes(kind)) {
        const issue = componentCodeIssue(kind as MunicipalRevenueKind, c.kind, code);
        if (issue) problem(field, 'import.tribute_code_invalid', { value: quote(code), reason: nested(issue) });
      }
    }
    out.push({ kind: c.kind, amount: a.value, tributeCode: code });
  }
  return out;
}

/**
 * The act behind a comune's position, when the list says anything of it: its kind (words of
 * words.ts; absent: a verbale for a CdS fine, a CUP notice for CUP, else "other"), number and dates,
 * in their order (issued ≤ notified ≤ enforceable, as the claims table requires), none in the future
 * but enforceability (60 days after notification for an accertamento esecutivo, c.792 L. 160/2019).
 */
function readAct(
  raw: (field: ImportField) => string | null,
  claimKind: ClaimKind,
  ctx: RowContext,
  problem: (field: ImportField, code: MessageCode, params?: MessageParams) => void,
  date: (field: 'actDate' | 'notifiedOn' | 'enforceableOn') => string | null,
): ImportedAct | null {
  const kindRaw = raw('actKind');
  const numberRaw = raw('actNumber');
  if (kindRaw === null && numberRaw === null && raw('actDate') === null && raw('notifiedOn') === null && raw('enforceableOn') === null) return null;
  let kind: ActKind = claimKind === 'cds_fine' ? 'verbale_cds' : claimKind === 'cup' ? 'cup_notice' : 'other';
  if (kindRaw !== null) {
    const k = parseActKind(kindRaw);
    if (k) kind = k;
    else problem('actKind', 'import.act_kind_unknown', { value: quote(kindRaw), allowed: ACT_KIND_EXAMPLES });
  }
  let number: string | null = null;
  if (numberRaw !== null) {
    const r = cleanText(numberRaw, TEXT_LIMITS.actNumber);
    if ('problem' in r) problem('actNumber', r.problem.code, r.problem.params);
    else number = r.value || null;
  }
  const actDate = date('actDate');
  const notifiedOn = date('notifiedOn');
  const enforceableOn = date('enforceableOn');
  if (actDate && actDate > ctx.today) problem('actDate', 'import.act_date_in_future', { date: dateParam(actDate), today: dateParam(ctx.today) });
  if (notifiedOn && notifiedOn > ctx.today) problem('notifiedOn', 'import.act_date_in_future', { date: dateParam(notifiedOn), today: dateParam(ctx.today) });
  if (actDate && notifiedOn && notifiedOn < actDate) problem('notifiedOn', 'import.act_notified_before_issue', { notified: dateParam(notifiedOn), date: dateParam(actDate) });
  if (notifiedOn && enforceableOn && enforceableOn < notifiedOn) {
    problem('enforceableOn', 'import.act_enforceable_before_notified', { enforceable: dateParam(enforceableOn), notified: dateParam(notifiedOn) });
  }
  return { kind, number, date: actDate, notifiedOn, enforceableOn };
}

/** The year of `today` and the last due date accepted (a year ahead), computed once per import. */
let todayCache: { today: string; year: number; dueLimit: string } | null = null;
function todayFacts(today: string): { year: number; dueLimit: string } {
  if (todayCache?.today !== today) {
    const d = Temporal.PlainDate.from(today, { overflow: 'reject' });
    todayCache = { today, year: d.year, dueLimit: d.add({ years: 1 }).toString() };
  }
  return todayCache;
}

const FIELD_ORDER = new Map<string, number>(IMPORT_FIELD_NAMES.map((f, i) => [f, i]));
const byFieldOrder = (a: RowProblem, b: RowProblem) => FIELD_ORDER.get(a.field)! - FIELD_ORDER.get(b.field)!;

const POSTAL_DIGITS: Record<CountryCode, number> = { IT: 5, CH: 4, DE: 5, FR: 5 };

/**
 * A postal code for its country: five digits (IT, DE, FR) or four (CH), country prefixes ("I-",
 * "CH-") removed. Italian, German and French codes start with 0 in whole regions (00187 Roma, 01067
 * Dresden, 01000 Bourg-en-Bresse) and spreadsheets drop those zeros: three or four digits are padded
 * back, with a warning. Anything else is left out with a warning.
 */
function postal(raw: string | null, country: CountryCode, warn: (field: ImportField, code: MessageCode, params: MessageParams) => void): string | null {
  if (raw === null) return null;
  const v = raw
    .trim()
    .toUpperCase()
    .replace(/^(?:I|IT|CH|D|DE|F|FR)\s*-\s*/, '')
    .replace(/\s/g, '');
  const digits = POSTAL_DIGITS[country];
  if (new RegExp(`^\\d{${digits}}$`).test(v)) return v;
  if (digits === 5 && /^\d{3,4}$/.test(v)) {
    const padded = v.padStart(5, '0');
    warn('postalCode', 'import.postal_code_padded', { value: quote(raw), padded });
    return padded;
  }
  warn('postalCode', 'import.postal_code_invalid', { value: quote(raw), country, digits });
  return null;
}
