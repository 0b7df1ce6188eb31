import type { DemoAct, DemoComponent } from './acts.ts';
import { Temporal } from '../../domain/dates.ts';
import type { ClaimKind, ClaimStatus, DebtorKind } from '../../domain/model.ts';
import { partitaIvaCheckDigit, swissUidCheckDigit } from '../../domain/tax-ids.ts';
import {
  ALPENBLICK_GOODS,
  CDS_VIOLATIONS,
  CH_COMPANY_ROOTS,
  CH_COMPANY_SECTORS,
  CH_SOLE_TRADES,
  FERRAMENTA_B2B_GOODS,
  FERRAMENTA_B2C_GOODS,
  FOREIGN_BORN,
  HARDSHIP_NOTES,
  INDUSTRIAL_STREETS,
  IT_COMPANY_PREFIXES,
  IT_COMPANY_SUFFIXES,
  IT_LEGAL_FORMS,
  IT_PLACE_ADJECTIVES,
  IT_SECTOR_WORDS,
  IT_SOLE_TRADES,
  ITALIAN_FEMALE_NAMES,
  ITALIAN_MALE_NAMES,
  ITALIAN_PLACES,
  ITALIAN_STREETS,
  ITALIAN_SURNAMES,
  LOMBARD_CITIES,
  PUBLIC_BODIES,
  SWISS_NAMES,
  SWISS_PLACES,
  SWISS_STREETS,
  THIRD_PARTY_RELATIONS,
  UNREACHABLE_NOTES,
  VALDORIA,
  VALDORIA_SHOPS,
  VALDORIA_STREETS,
  type CreditorKey,
  type ItalianPlace,
  type SwissPlace,
} from './demo-data.ts';
import { codiceFiscale, italianIban, mailSlug, partitaIva, qrReference, swissIban, swissUid } from './identifiers.ts';
import { addDays, dayNumber, italianAmount, italianDate, Rng, yearOf } from './random.ts';

/**
 * The demo data set as plain values (no ids, no database): a pure function of the calendar date
 * the data should look current at. Records refer to each other by index.
 */

export type Language = 'it' | 'de' | 'fr' | 'en';

export interface DemoCreditor {
  key: CreditorKey;
  code: string;
  name: string;
  kind: 'company' | 'public_entity';
  taxCode: string | null;
  vatNumber: string | null;
  chUid: string | null;
  country: 'IT' | 'CH';
  addressLine1: string;
  postalCode: string;
  city: string;
  province: string;
  email: string;
  pec: string | null;
  phone: string;
  iban: string;
  mandateReference: string;
  mandateSignedOn: string;
  mandateStartsOn: string;
  mandateEndsOn: string | null;
  commissionPercent: string;
  defaultCurrency: 'EUR' | 'CHF';
  defaultJurisdiction: 'IT' | 'CH';
  notes: string;
}

export interface DemoAddress {
  kind: 'residence' | 'registered_office';
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  province: string;
  country: 'IT' | 'CH';
  source: string;
}

export interface DemoContact {
  channel: 'phone' | 'mobile' | 'email' | 'pec';
  value: string;
  label: string | null;
  status: 'unverified' | 'valid' | 'invalid';
  source: string;
  consent: 'unknown' | 'granted' | 'withdrawn';
  thirdParty: boolean;
  thirdPartyRelation: string | null;
}

export type DebtorGroup =
  | 'ff-company'
  | 'ff-sole'
  | 'ff-pa'
  | 'ff-consumer'
  | 'ch-company'
  | 'ch-sole'
  | 'ch-consumer'
  | 'com-consumer'
  | 'com-company'
  | 'com-sole';

export interface DemoDebtor {
  group: DebtorGroup;
  kind: DebtorKind;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  displayName: string;
  taxCode: string | null;
  vatNumber: string | null;
  chUid: string | null;
  birthDate: string | null;
  language: Language;
  hardship: boolean;
  hardshipNote: string | null;
  notes: string | null;
  /** Irreperibile: no contact that is not invalid (possibly no contact at all). */
  unreachable: boolean;
  address: DemoAddress;
  contacts: DemoContact[];
}

export interface DemoClaim {
  creditor: CreditorKey;
  debtor: number;
  externalRef: string;
  kind: ClaimKind;
  description: string;
  principalCents: number;
  currency: 'EUR' | 'CHF';
  issueDate: string;
  dueDate: string;
  contractDate: string | null;
  taxYear: number | null;
  jurisdiction: 'IT' | 'CH';
  interestRegime: 'it-legal' | 'it-commercial' | 'ch' | 'spread' | 'none' | null;
  /** For `spread`: a comune's tax at the legal rate plus its points (acts.ts). */
  interestBase?: 'it-legal' | null;
  interestSpread?: string | null;
  judicialClaimDate: string | null;
  /** A comune's position: the act behind it, its pagoPA notice code and its components (acts.ts). */
  act?: DemoAct;
  noticeCode?: string;
  components?: DemoComponent[];
  status: ClaimStatus;
  stage: 'none' | 'soft' | 'formal' | 'negotiation' | 'closure' | 'legal';
  paidCents: number;
  /** Set by settleDemo (the interest engine): interest and costs the payments met. */
  interestPaid?: string;
  costsPaid?: string;
  nextActionOn: string | null;
  closedOn: string | null;
}

export interface DemoPayment {
  creditor: CreditorKey;
  debtor: number;
  amountCents: number;
  unallocatedCents: number;
  currency: 'EUR' | 'CHF';
  valueDate: string;
  method: 'bank_transfer' | 'sepa_direct_debit' | 'card' | 'cash' | 'cheque' | 'pagopa' | 'qr_bill' | 'postal';
  reference: string | null;
  payerName: string;
  note: string | null;
  /** `split`: how the engine divided the share (settleDemo). */
  allocations: { claim: number; amountCents: number; split?: { costs: string; interest: string; principal: string } }[];
}

export interface DemoNote {
  debtor: number;
  claim: number | null;
  body: string;
  author: 'operator' | 'supervisor';
  /** An instant (ISO 8601, UTC): office hours in Rome on a recent day. */
  createdAt: string;
}

export interface DemoDataSet {
  creditors: DemoCreditor[];
  debtors: DemoDebtor[];
  claims: DemoClaim[];
  payments: DemoPayment[];
  notes: DemoNote[];
}

const SEED = 0x1ca550;
const TARGET_CLAIMS = 1000;
const MAX_AGE_DAYS = 1820;

function fixedPartitaIva(first10: string): string {
  return `${first10}${partitaIvaCheckDigit(first10)}`;
}

function fixedSwissUid(first8: string): string {
  let n = Number(first8);
  for (;;) {
    const s = String(n).padStart(8, '0');
    const check = swissUidCheckDigit(s);
    if (check !== null) return `CHE-${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6, 8)}${check}`;
    n++;
  }
}

function buildCreditors(today: string): DemoCreditor[] {
  const y = yearOf(today);
  const vat = fixedPartitaIva('0274531016');
  return [
    {
      key: 'ferramenta',
      code: 'FERLOM',
      name: 'Ferramenta Lombarda S.p.A.',
      kind: 'company',
      taxCode: vat,
      vatNumber: vat,
      chUid: null,
      country: 'IT',
      addressLine1: 'Via dell’Artigianato 22',
      postalCode: '24126',
      city: 'Bergamo',
      province: 'BG',
      email: 'amministrazione@ferramentalombarda.example',
      pec: 'ferramentalombarda@pec.example',
      phone: '+390354512780',
      iban: italianIban('05428', '11102', '000000418207'),
      mandateReference: `FL-MAND-${y - 5}-01`,
      mandateSignedOn: `${y - 5}-02-11`,
      mandateStartsOn: `${y - 5}-03-01`,
      mandateEndsOn: null,
      commissionPercent: '12.5',
      defaultCurrency: 'EUR',
      defaultJurisdiction: 'IT',
      notes:
        'Mandato per il recupero stragiudiziale di fatture B2B e B2C. Oltre 5.000 € serve l’autorizzazione ' +
        'del responsabile crediti prima di passare al legale. Clienti storici: privilegiare la rateizzazione.',
    },
    {
      key: 'alpenblick',
      code: 'ALPENBLICK',
      name: 'Alpenblick Handels AG',
      kind: 'company',
      taxCode: null,
      vatNumber: null,
      chUid: fixedSwissUid('10837215'),
      country: 'CH',
      addressLine1: 'Pilatusstrasse 41',
      postalCode: '6003',
      city: 'Luzern',
      province: 'LU',
      email: 'buchhaltung@alpenblick-handel.example',
      pec: null,
      phone: '+41412105580',
      iban: swissIban('00778', '045218830016'),
      mandateReference: `AB-INK-${y - 3}-007`,
      mandateSignedOn: `${y - 3}-05-20`,
      mandateStartsOn: `${y - 3}-06-01`,
      mandateEndsOn: null,
      commissionPercent: '15',
      defaultCurrency: 'CHF',
      defaultJurisdiction: 'CH',
      notes:
        'Mandato di incasso per fatture in CHF verso clienti in Svizzera. Esecuzione (Betreibung) solo previo ' +
        'accordo con il mandante; corrispondenza nella lingua del debitore.',
    },
    {
      key: 'comune',
      code: 'VALDORIA',
      name: 'Comune di Valdoria',
      kind: 'public_entity',
      taxCode: fixedPartitaIva('8002471016'),
      vatNumber: null,
      chUid: null,
      country: 'IT',
      addressLine1: 'Piazza del Municipio 1',
      postalCode: VALDORIA.cap,
      city: VALDORIA.city,
      province: VALDORIA.province,
      email: 'tributi@comune.valdoria.example',
      pec: 'protocollo@pec.comune.valdoria.example',
      phone: '+39035791100',
      iban: italianIban('05696', '53210', '000070001234'),
      mandateReference: `Contratto rep. n. 1432/${y - 4}`,
      mandateSignedOn: `${y - 4}-12-15`,
      mandateStartsOn: `${y - 3}-01-01`,
      mandateEndsOn: `${y + 1}-12-31`,
      commissionPercent: '8.5',
      defaultCurrency: 'EUR',
      defaultJurisdiction: 'IT',
      notes:
        'Servizio di sollecito bonario e recupero per IMU, TARI, CUP e sanzioni CdS. Approccio collaborativo con ' +
        'i contribuenti; segnalare al servizio sociale i casi di difficoltà economica.',
    },
  ];
}

// ── People, companies, places ─────────────────────────────────────────────────────────────────

const PERSON_DOMAINS = ['posta.example', 'mail.example', 'inbox.example', 'netmail.example'];
const PEC_DOMAINS = ['pec.example', 'legalmail.example', 'pec-imprese.example'];
const IT_MOBILE_PREFIXES = ['320', '328', '333', '335', '339', '340', '347', '348', '349', '366', '371', '377', '380', '388', '389', '392', '393'];
const AREA_CODES: Record<string, string> = {
  MI: '02', BG: '035', BS: '030', MB: '039', CO: '031', VA: '0332', LC: '0341', LO: '0371', CR: '0372', PV: '0382',
  SO: '0342', TO: '011', GE: '010', VR: '045', PD: '049', VE: '041', TN: '0461', BO: '051', FI: '055', RM: '06',
  NA: '081', BA: '080', PA: '091', CT: '095', CA: '070',
};
const CH_AREA_CODES: Record<string, string> = {
  ZH: '44', BE: '31', LU: '41', BS: '61', SG: '71', ZG: '41', AG: '62', GR: '81', VD: '21', GE: '22', FR: '26', NE: '32', VS: '27', TI: '91',
};
const RELATION_LABEL: Record<string, string> = {
  madre: 'della madre',
  padre: 'del padre',
  figlio: 'del figlio',
  figlia: 'della figlia',
  coniuge: 'del coniuge',
  fratello: 'del fratello',
  sorella: 'della sorella',
  'datore di lavoro': 'del datore di lavoro',
  'vicino di casa': 'del vicino di casa',
};

const MAILBOX: Record<Language, string> = { it: 'amministrazione', de: 'buchhaltung', fr: 'comptabilite', en: 'accounts' };

const placeByCity = (city: string): ItalianPlace => ITALIAN_PLACES.find((p) => p.city === city)!;

interface Person {
  firstName: string;
  lastName: string;
  female: boolean;
  birthDate: string;
  taxCode: string | null;
  language: Language;
}

class Generator {
  readonly rng = new Rng(SEED);
  readonly usedTaxIds = new Set<string>();
  readonly usedNames = new Set<string>();
  private foreignQueue: ForeignQueue;

  constructor(readonly today: string) {
    this.foreignQueue = new ForeignQueue(this.rng);
  }

  birthDate(minAge: number, maxAge: number): string {
    return addDays(this.today, -this.rng.int(minAge * 365 + 10, maxAge * 365));
  }

  italianPerson(opts: { foreignChance: number; nearBergamo: boolean; minAge?: number; maxAge?: number }): Person {
    const { rng } = this;
    for (;;) {
      const foreign = rng.chance(opts.foreignChance) ? this.foreignQueue.take() : null;
      const female = foreign ? foreign.female : rng.chance(0.5);
      const firstName = foreign ? foreign.firstName : rng.pick(female ? ITALIAN_FEMALE_NAMES : ITALIAN_MALE_NAMES);
      const lastName = foreign ? foreign.lastName : rng.pick(ITALIAN_SURNAMES);
      const birthDate = this.birthDate(opts.minAge ?? 22, opts.maxAge ?? 86);
      let belfiore: string;
      if (foreign) belfiore = foreign.zcode;
      else if (opts.nearBergamo && rng.chance(0.7)) belfiore = rng.pick(['A794', 'A794', 'F205', 'B157', 'E507']);
      else belfiore = rng.pick(ITALIAN_PLACES).belfiore;
      const taxCode = codiceFiscale({ lastName, firstName, birthDate, female, belfiore });
      if (this.usedTaxIds.has(taxCode)) continue;
      this.usedTaxIds.add(taxCode);
      return { firstName, lastName, female, birthDate, taxCode, language: foreign?.language ?? 'it' };
    }
  }

  swissPerson(lang: 'de' | 'fr' | 'it'): Person {
    const { rng } = this;
    const names = SWISS_NAMES[lang];
    const female = rng.chance(0.5);
    return {
      firstName: rng.pick(female ? names.female : names.male),
      lastName: rng.pick(names.surnames),
      female,
      birthDate: this.birthDate(20, 84),
      taxCode: null,
      language: lang,
    };
  }

  uniqueName(make: () => string): string {
    for (let i = 0; ; i++) {
      const name = make();
      if (!this.usedNames.has(name) || i > 50) {
        this.usedNames.add(name);
        return name;
      }
    }
  }

  italianCompanyName(): string {
    const { rng } = this;
    return this.uniqueName(() => {
      const form = rng.pick(IT_LEGAL_FORMS);
      switch (rng.int(0, 2)) {
        case 0:
          return `${rng.pick(ITALIAN_SURNAMES)} ${rng.pick(IT_SECTOR_WORDS)} ${form}`;
        case 1:
          return `${rng.pick(IT_COMPANY_PREFIXES)}${rng.pick(IT_COMPANY_SUFFIXES)} ${form}`;
        default:
          return `${rng.pick(IT_SECTOR_WORDS)} ${rng.pick(IT_PLACE_ADJECTIVES)} ${form}`;
      }
    });
  }

  swissCompanyName(lang: Language): string {
    const { rng } = this;
    return this.uniqueName(() => {
      const root = rng.pick(CH_COMPANY_ROOTS[lang]);
      const sector = rng.pick(CH_COMPANY_SECTORS[lang]);
      if (lang === 'de') return `${root} ${sector} ${rng.pick(['AG', 'GmbH', 'GmbH'])}`;
      if (lang === 'fr') return `${sector} du ${root} ${rng.pick(['SA', 'Sàrl', 'Sàrl'])}`;
      if (lang === 'it') return `${sector} ${root} ${rng.pick(['SA', 'Sagl', 'Sagl'])}`;
      return `${root} ${sector} ${rng.pick(['AG', 'GmbH'])}`;
    });
  }

  italianVat(office: string): string {
    for (;;) {
      const v = partitaIva(this.rng, office);
      if (!this.usedTaxIds.has(v)) {
        this.usedTaxIds.add(v);
        return v;
      }
    }
  }

  entityTaxCode(office: string): string {
    for (;;) {
      const v = partitaIva(this.rng, office, '8');
      if (!this.usedTaxIds.has(v)) {
        this.usedTaxIds.add(v);
        return v;
      }
    }
  }

  chUid(): string {
    for (;;) {
      const v = swissUid(this.rng);
      if (!this.usedTaxIds.has(v)) {
        this.usedTaxIds.add(v);
        return v;
      }
    }
  }

  // ── Contacts ──

  itMobile(): string {
    return `+39${this.rng.pick(IT_MOBILE_PREFIXES)}${this.rng.digits(7)}`;
  }

  itLandline(province: string): string {
    const area = AREA_CODES[province] ?? '02';
    return `+39${area}${this.rng.int(1, 9)}${this.rng.digits(9 - area.length)}`;
  }

  chMobile(): string {
    return `+417${this.rng.pick(['6', '7', '8', '9'])}${this.rng.int(1, 9)}${this.rng.digits(6)}`;
  }

  chLandline(canton: string): string {
    return `+41${CH_AREA_CODES[canton] ?? '44'}${this.rng.int(2, 9)}${this.rng.digits(6)}`;
  }

  personalEmail(first: string, last: string): string {
    const suffix = this.rng.chance(0.4) ? String(this.rng.int(1, 99)) : '';
    return `${mailSlug(first, 14)}.${mailSlug(last, 16)}${suffix}@${this.rng.pick(PERSON_DOMAINS)}`;
  }

  ownStatus(): DemoContact['status'] {
    return this.rng.weighted({ valid: 55, unverified: 35, invalid: 10 });
  }

  personConsent(): DemoContact['consent'] {
    return this.rng.weighted({ unknown: 60, granted: 30, withdrawn: 10 });
  }

  source(): string {
    return this.rng.weighted({ creditor: 70, debtor: 20, skip_tracing: 10 });
  }
}

/** Foreign-born residents, each used once, in a shuffled order. */
class ForeignQueue {
  private queue: (typeof FOREIGN_BORN)[number][];
  constructor(rng: Rng) {
    this.queue = rng.shuffle(FOREIGN_BORN);
  }
  take(): (typeof FOREIGN_BORN)[number] | null {
    return this.queue.shift() ?? null;
  }
}

interface Draft extends DemoDebtor {
  /** Where the debtor is, for phone numbers and streets. */
  province: string;
  swiss: SwissPlace | null;
  /** Claims to create: one entry per claim. */
  slots: { creditor: CreditorKey; kind: ClaimKind }[];
  primary: CreditorKey;
}

function italianAddress(g: Generator, kind: DemoAddress['kind'], place: { city: string; province: string; cap: string }, industrial = false): DemoAddress {
  const { rng } = g;
  const street = place.city === VALDORIA.city ? rng.pick(VALDORIA_STREETS) : rng.pick(industrial ? INDUSTRIAL_STREETS : ITALIAN_STREETS);
  return {
    kind,
    line1: `${street} ${rng.int(1, 140)}${rng.chance(0.08) ? '/' + rng.pick(['A', 'B', 'C']) : ''}`,
    line2: kind === 'residence' && rng.chance(0.1) ? `Scala ${rng.pick(['A', 'B', 'C'])}, int. ${rng.int(1, 24)}` : null,
    postalCode: place.cap,
    city: place.city,
    province: place.province,
    country: 'IT',
    source: place.city === VALDORIA.city && kind === 'residence' ? 'public_registry' : 'creditor',
  };
}

function swissAddress(g: Generator, kind: DemoAddress['kind'], place: SwissPlace): DemoAddress {
  return {
    kind,
    line1: `${g.rng.pick(SWISS_STREETS[place.language])} ${g.rng.int(1, 120)}`,
    line2: null,
    postalCode: place.plz,
    city: place.city,
    province: place.canton,
    country: 'CH',
    source: 'creditor',
  };
}

function emptyDraft(group: DebtorGroup, kind: DebtorKind, primary: CreditorKey): Draft {
  return {
    group,
    kind,
    primary,
    firstName: null,
    lastName: null,
    companyName: null,
    displayName: '',
    taxCode: null,
    vatNumber: null,
    chUid: null,
    birthDate: null,
    language: 'it',
    hardship: false,
    hardshipNote: null,
    notes: null,
    unreachable: false,
    address: { kind: 'residence', line1: '', line2: null, postalCode: '', city: '', province: '', country: 'IT', source: 'creditor' },
    contacts: [],
    province: '',
    swiss: null,
    slots: [],
  };
}

function displayName(d: Draft): string {
  if (d.kind === 'company' || d.kind === 'public_administration') return d.companyName!;
  const person = `${d.lastName} ${d.firstName}`;
  return d.kind === 'sole_trader' && d.companyName ? `${d.companyName} (${person})` : person;
}

function setPerson(d: Draft, p: Person): void {
  d.firstName = p.firstName;
  d.lastName = p.lastName;
  d.birthDate = p.birthDate;
  d.taxCode = p.taxCode;
  d.language = p.language;
}

type ComuneKindWeights = Partial<Record<ClaimKind, number>>;

function comuneSlot(g: Generator, weights: ComuneKindWeights): { creditor: CreditorKey; kind: ClaimKind } {
  return { creditor: 'comune', kind: g.rng.weighted(weights) };
}

const COMUNE_WEIGHTS: Record<string, ComuneKindWeights> = {
  consumer: { tari: 55, imu: 30, cds_fine: 15 },
  company: { tari: 40, imu: 35, cup: 25 },
  sole: { tari: 50, cup: 30, imu: 20 },
  ffCompany: { tari: 50, cup: 50 },
};

function primarySlot(g: Generator, d: Draft): { creditor: CreditorKey; kind: ClaimKind } {
  if (d.primary !== 'comune') return { creditor: d.primary, kind: 'invoice' };
  return comuneSlot(g, d.kind === 'consumer' ? COMUNE_WEIGHTS.consumer! : d.kind === 'company' ? COMUNE_WEIGHTS.company! : COMUNE_WEIGHTS.sole!);
}

function buildDebtors(g: Generator): Draft[] {
  const { rng } = g;
  const drafts: Draft[] = [];
  const lombard = () => placeByCity(rng.chance(0.85) ? rng.pick(LOMBARD_CITIES) : rng.pick(ITALIAN_PLACES).city);

  // Ferramenta Lombarda: B2B companies (the first six sit in Valdoria and also owe the comune).
  for (let i = 0; i < 55; i++) {
    const d = emptyDraft('ff-company', 'company', 'ferramenta');
    const inValdoria = i < 6;
    const place = inValdoria ? { ...VALDORIA, belfiore: '', cap: VALDORIA.cap } : lombard();
    d.companyName = g.italianCompanyName();
    d.vatNumber = g.italianVat(place.office);
    d.taxCode = d.vatNumber;
    d.address = italianAddress(g, 'registered_office', place, true);
    d.province = place.province;
    d.slots = Array.from({ length: rng.int(2, 6) }, () => ({ creditor: 'ferramenta' as const, kind: 'invoice' as const }));
    if (inValdoria) for (let k = rng.int(1, 2); k > 0; k--) d.slots.push(comuneSlot(g, COMUNE_WEIGHTS.ffCompany!));
    drafts.push(d);
  }
  for (let i = 0; i < 28; i++) {
    const d = emptyDraft('ff-sole', 'sole_trader', 'ferramenta');
    const place = lombard();
    setPerson(d, g.italianPerson({ foreignChance: 0.05, nearBergamo: true, minAge: 25, maxAge: 70 }));
    d.companyName = `${rng.pick(IT_SOLE_TRADES)} ${d.lastName}`;
    d.vatNumber = g.italianVat(place.office);
    d.address = italianAddress(g, 'registered_office', place, rng.chance(0.5));
    d.province = place.province;
    d.slots = Array.from({ length: rng.int(1, 4) }, () => ({ creditor: 'ferramenta' as const, kind: 'invoice' as const }));
    drafts.push(d);
  }
  for (const name of PUBLIC_BODIES) {
    const d = emptyDraft('ff-pa', 'public_administration', 'ferramenta');
    const place = lombard();
    d.companyName = name;
    d.taxCode = g.entityTaxCode(place.office);
    if (rng.chance(0.5)) d.vatNumber = g.italianVat(place.office);
    d.address = {
      ...italianAddress(g, 'registered_office', place),
      line1: name.startsWith('Comune') ? `Piazza del Municipio ${rng.int(1, 5)}` : `Via Roma ${rng.int(1, 60)}`,
      city: name.startsWith('Comune di ') ? name.slice('Comune di '.length) : place.city,
    };
    d.province = place.province;
    d.slots = Array.from({ length: rng.int(1, 4) }, () => ({ creditor: 'ferramenta' as const, kind: 'invoice' as const }));
    drafts.push(d);
  }
  for (let i = 0; i < 45; i++) {
    const d = emptyDraft('ff-consumer', 'consumer', 'ferramenta');
    const place = lombard();
    setPerson(d, g.italianPerson({ foreignChance: 0.06, nearBergamo: false }));
    d.address = italianAddress(g, 'residence', place);
    d.province = place.province;
    d.slots = Array.from({ length: rng.int(1, 2) }, () => ({ creditor: 'ferramenta' as const, kind: 'invoice' as const }));
    drafts.push(d);
  }

  // Alpenblick Handels AG: Swiss companies, sole traders and consumers.
  const swissPlace = () => rng.pick(SWISS_PLACES);
  for (let i = 0; i < 26; i++) {
    const d = emptyDraft('ch-company', 'company', 'alpenblick');
    const place = swissPlace();
    const lang: Language = i % 9 === 4 ? 'en' : place.language;
    d.companyName = g.swissCompanyName(lang);
    d.language = lang;
    d.chUid = g.chUid();
    d.address = swissAddress(g, 'registered_office', place);
    d.swiss = place;
    d.province = place.canton;
    d.slots = Array.from({ length: rng.int(2, 6) }, () => ({ creditor: 'alpenblick' as const, kind: 'invoice' as const }));
    drafts.push(d);
  }
  for (let i = 0; i < 6; i++) {
    const d = emptyDraft('ch-sole', 'sole_trader', 'alpenblick');
    const place = swissPlace();
    setPerson(d, g.swissPerson(place.language));
    d.companyName = `${rng.pick(CH_SOLE_TRADES[place.language])} ${d.lastName}`;
    if (rng.chance(0.7)) d.chUid = g.chUid();
    d.address = swissAddress(g, 'registered_office', place);
    d.swiss = place;
    d.province = place.canton;
    d.slots = Array.from({ length: rng.int(1, 3) }, () => ({ creditor: 'alpenblick' as const, kind: 'invoice' as const }));
    drafts.push(d);
  }
  for (let i = 0; i < 30; i++) {
    const d = emptyDraft('ch-consumer', 'consumer', 'alpenblick');
    const place = swissPlace();
    setPerson(d, g.swissPerson(place.language));
    d.address = swissAddress(g, 'residence', place);
    d.swiss = place;
    d.province = place.canton;
    d.slots = Array.from({ length: rng.int(1, 3) }, () => ({ creditor: 'alpenblick' as const, kind: 'invoice' as const }));
    drafts.push(d);
  }

  // Comune di Valdoria: residents (TARI, IMU, fines), businesses (TARI, IMU, CUP).
  const valdoria = { city: VALDORIA.city, province: VALDORIA.province, cap: VALDORIA.cap };
  for (let i = 0; i < 90; i++) {
    const d = emptyDraft('com-consumer', 'consumer', 'comune');
    setPerson(d, g.italianPerson({ foreignChance: 0.09, nearBergamo: true }));
    d.address = italianAddress(g, 'residence', valdoria);
    d.province = VALDORIA.province;
    d.slots = Array.from({ length: rng.int(2, 6) }, () => comuneSlot(g, COMUNE_WEIGHTS.consumer!));
    // Some residents also bought from the hardware company.
    if (i % 11 === 3) d.slots.push({ creditor: 'ferramenta', kind: 'invoice' });
    drafts.push(d);
  }
  for (let i = 0; i < 10; i++) {
    const d = emptyDraft('com-company', 'company', 'comune');
    d.companyName = g.italianCompanyName();
    d.vatNumber = g.italianVat(VALDORIA.office);
    d.taxCode = d.vatNumber;
    d.address = italianAddress(g, 'registered_office', valdoria);
    d.province = VALDORIA.province;
    d.slots = Array.from({ length: rng.int(2, 5) }, () => comuneSlot(g, COMUNE_WEIGHTS.company!));
    drafts.push(d);
  }
  for (let i = 0; i < 5; i++) {
    const d = emptyDraft('com-sole', 'sole_trader', 'comune');
    setPerson(d, g.italianPerson({ foreignChance: 0.1, nearBergamo: true, minAge: 25, maxAge: 68 }));
    d.companyName = `${VALDORIA_SHOPS[i % VALDORIA_SHOPS.length]} ${rng.pick(['Centrale', 'della Piazza', 'da ' + d.firstName, d.lastName])}`;
    d.vatNumber = g.italianVat(VALDORIA.office);
    d.address = italianAddress(g, 'registered_office', valdoria);
    d.province = VALDORIA.province;
    d.slots = Array.from({ length: rng.int(2, 4) }, () => comuneSlot(g, COMUNE_WEIGHTS.sole!));
    drafts.push(d);
  }

  for (const d of drafts) d.displayName = displayName(d);

  // Hardship and irreperibili, chosen per group so both stay spread over all creditors.
  const mark = (group: DebtorGroup, n: number, f: (d: Draft) => void) => {
    const members = drafts.filter((d) => d.group === group && !d.hardship && !d.unreachable);
    for (const d of rng.shuffle(members).slice(0, n)) f(d);
  };
  const swissHardship = HARDSHIP_NOTES.filter((n) => n.includes('Sozialhilfe'));
  const italianHardship = HARDSHIP_NOTES.filter((n) => !n.includes('Sozialhilfe'));
  let h = 0;
  const hardship = (d: Draft) => {
    d.hardship = true;
    d.hardshipNote = d.swiss ? swissHardship[0]! : italianHardship[h++ % italianHardship.length]!;
  };
  mark('com-consumer', 8, hardship);
  mark('ff-consumer', 4, hardship);
  mark('ch-consumer', 2, hardship);
  mark('ff-sole', 2, hardship);
  let u = 0;
  const unreachable = (d: Draft) => {
    d.unreachable = true;
    d.notes = d.kind === 'company' || d.kind === 'sole_trader' ? UNREACHABLE_NOTES[2]! : UNREACHABLE_NOTES[[0, 1, 3, 4][u++ % 4]!]!;
  };
  mark('com-consumer', 8, unreachable);
  mark('ff-consumer', 5, unreachable);
  mark('ch-consumer', 2, unreachable);
  mark('ff-company', 2, unreachable);
  mark('ff-sole', 1, unreachable);

  for (const d of drafts) d.contacts = buildContacts(g, d);

  // Exactly TARGET_CLAIMS claims: add to or take from random debtors.
  let total = drafts.reduce((s, d) => s + d.slots.length, 0);
  while (total < TARGET_CLAIMS) {
    const d = rng.pick(drafts);
    if (d.slots.length >= 8 || d.kind === 'public_administration') continue;
    d.slots.push(primarySlot(g, d));
    total++;
  }
  while (total > TARGET_CLAIMS) {
    const d = rng.pick(drafts);
    if (d.slots.length <= 1) continue;
    d.slots.pop();
    total--;
  }
  return drafts;
}

function buildContacts(g: Generator, d: Draft): DemoContact[] {
  const { rng } = g;
  const contacts: DemoContact[] = [];
  const swiss = d.swiss !== null;
  const person = d.kind === 'consumer';
  const slug = d.companyName?.startsWith('Comune di ')
    ? `comune.${mailSlug(d.companyName.slice('Comune di '.length))}`
    : mailSlug(d.companyName ?? `${d.firstName}${d.lastName}`);
  const add = (c: Omit<DemoContact, 'thirdParty' | 'thirdPartyRelation'> & Partial<DemoContact>) => {
    if (contacts.length >= 3 || contacts.some((x) => x.channel === c.channel && x.value === c.value)) return;
    contacts.push({ thirdParty: false, thirdPartyRelation: null, ...c });
  };

  if (d.unreachable) {
    // Irreperibile: nothing, or only numbers and addresses known to be wrong.
    const n = { none: 0, one: 1, two: 2 }[rng.weighted({ none: 45, one: 40, two: 15 })];
    for (let i = 0; i < n; i++) {
      if (i === 0 && (person || d.kind === 'sole_trader')) {
        add({ channel: 'mobile', value: swiss ? g.chMobile() : g.itMobile(), label: 'Numero inesistente', status: 'invalid', source: 'creditor', consent: 'unknown' });
      } else if (d.kind === 'company' || d.kind === 'sole_trader') {
        add({ channel: 'pec', value: `${slug}@${rng.pick(PEC_DOMAINS)}`, label: 'PEC non più attiva', status: 'invalid', source: 'public_registry', consent: 'unknown' });
      } else {
        const [first, last] = [d.firstName ?? 'x', d.lastName ?? 'y'];
        add({ channel: 'email', value: g.personalEmail(first, last), label: 'E-mail rimbalzata', status: 'invalid', source: 'creditor', consent: 'unknown' });
      }
    }
    return contacts;
  }

  if (person || d.kind === 'sole_trader') {
    const first = d.firstName!;
    const last = d.lastName!;
    if (d.kind === 'sole_trader' && !swiss && rng.chance(0.85)) {
      add({ channel: 'pec', value: `${slug}@${rng.pick(PEC_DOMAINS)}`, label: 'PEC (INI-PEC)', status: rng.chance(0.9) ? 'valid' : 'invalid', source: 'public_registry', consent: 'unknown' });
    }
    if (rng.chance(0.85)) {
      add({ channel: 'mobile', value: swiss ? g.chMobile() : g.itMobile(), label: 'Cellulare', status: g.ownStatus(), source: g.source(), consent: g.personConsent() });
    }
    if (rng.chance(0.6)) {
      add({ channel: 'email', value: g.personalEmail(first, last), label: 'E-mail personale', status: g.ownStatus(), source: g.source(), consent: g.personConsent() });
    }
    if (rng.chance(0.15)) {
      add({ channel: 'phone', value: swiss ? g.chLandline(d.province) : g.itLandline(d.province), label: 'Telefono di casa', status: g.ownStatus(), source: g.source(), consent: 'unknown' });
    }
    if (person && rng.chance(0.1)) {
      const relation = rng.pick(THIRD_PARTY_RELATIONS);
      add({
        channel: 'mobile',
        value: swiss ? g.chMobile() : g.itMobile(),
        label: `Cellulare ${RELATION_LABEL[relation]}`,
        status: rng.chance(0.7) ? 'valid' : 'unverified',
        source: rng.pick(['debtor', 'skip_tracing']),
        consent: 'unknown',
        thirdParty: true,
        thirdPartyRelation: relation,
      });
    }
  } else {
    const publicBody = d.kind === 'public_administration';
    if (!swiss && (publicBody || rng.chance(0.9))) {
      add({
        channel: 'pec',
        value: publicBody ? `protocollo@pec.${slug}.example` : `${slug}@${rng.pick(PEC_DOMAINS)}`,
        label: publicBody ? 'PEC protocollo (IPA)' : 'PEC (INI-PEC)',
        status: rng.chance(0.9) ? 'valid' : 'invalid',
        source: 'public_registry',
        consent: 'unknown',
      });
    }
    if (rng.chance(swiss ? 0.9 : 0.7)) {
      const box = publicBody ? 'ragioneria' : rng.pick(['info', MAILBOX[d.language]]);
      add({ channel: 'email', value: `${box}@${slug}.example`, label: publicBody ? 'Ufficio ragioneria' : 'Amministrazione', status: g.ownStatus(), source: g.source(), consent: 'unknown' });
    }
    if (rng.chance(0.6)) {
      add({ channel: 'phone', value: swiss ? g.chLandline(d.province) : g.itLandline(d.province), label: 'Centralino', status: g.ownStatus(), source: g.source(), consent: 'unknown' });
    }
    if (!publicBody && !swiss && rng.chance(0.08)) {
      add({
        channel: 'email',
        value: `studio.${mailSlug(rng.pick(ITALIAN_SURNAMES))}@commercialisti.example`,
        label: 'Studio del commercialista',
        status: 'valid',
        source: 'debtor',
        consent: 'unknown',
        thirdParty: true,
        thirdPartyRelation: 'commercialista',
      });
    }
  }

  // Every reachable debtor keeps at least one own contact that can be used.
  const usable = (c: DemoContact) => !c.thirdParty && c.status !== 'invalid' && c.consent !== 'withdrawn';
  if (!contacts.some(usable)) {
    const own = contacts.find((c) => !c.thirdParty);
    if (own) {
      own.status = 'valid';
      own.consent = own.consent === 'withdrawn' ? 'unknown' : own.consent;
    } else {
      const c: DemoContact = person || d.kind === 'sole_trader'
        ? { channel: 'mobile', value: swiss ? g.chMobile() : g.itMobile(), label: 'Cellulare', status: 'valid', source: 'creditor', consent: 'unknown', thirdParty: false, thirdPartyRelation: null }
        : { channel: 'email', value: `info@${slug}.example`, label: 'Amministrazione', status: 'valid', source: 'creditor', consent: 'unknown', thirdParty: false, thirdPartyRelation: null };
      contacts.unshift(c);
      if (contacts.length > 3) contacts.pop();
    }
  }
  return contacts;
}

// ── Claims ────────────────────────────────────────────────────────────────────────────────────

const BASE_STATUS: Partial<Record<ClaimStatus, number>> = {
  open: 10, in_collection: 20, promised: 6, in_plan: 6, disputed: 5, paid: 22, partially_paid: 8, written_off: 6, returned: 5, legal: 10,
};
const HARDSHIP_STATUS: Partial<Record<ClaimStatus, number>> = {
  open: 5, in_collection: 10, promised: 12, in_plan: 25, disputed: 2, paid: 10, partially_paid: 12, written_off: 12, returned: 5, legal: 2,
};
const UNREACHABLE_STATUS: Partial<Record<ClaimStatus, number>> = {
  open: 8, in_collection: 25, returned: 30, written_off: 15, legal: 15, paid: 5, disputed: 2,
};
const PA_STATUS: Partial<Record<ClaimStatus, number>> = { open: 15, in_collection: 25, disputed: 15, paid: 35, partially_paid: 10 };

/** How many days before today a claim in this status typically fell due. */
const AGE_RANGE: Record<ClaimStatus, [number, number]> = {
  open: [-25, 120],
  in_collection: [30, 700],
  promised: [20, 500],
  in_plan: [60, 900],
  disputed: [30, 1200],
  paid: [20, MAX_AGE_DAYS],
  partially_paid: [30, 1200],
  written_off: [500, MAX_AGE_DAYS],
  returned: [200, MAX_AGE_DAYS],
  legal: [300, MAX_AGE_DAYS],
};

function stageFor(rng: Rng, status: ClaimStatus): DemoClaim['stage'] {
  switch (status) {
    case 'open':
      return rng.chance(0.75) ? 'none' : 'soft';
    case 'in_collection':
      return rng.weighted({ soft: 55, formal: 45 });
    case 'promised':
      return rng.weighted({ soft: 40, negotiation: 60 });
    case 'in_plan':
      return 'negotiation';
    case 'disputed':
      return rng.weighted({ soft: 20, formal: 50, negotiation: 30 });
    case 'paid':
      return rng.weighted({ soft: 40, formal: 30, negotiation: 20, closure: 5, legal: 5 });
    case 'partially_paid':
      return rng.weighted({ soft: 35, formal: 35, negotiation: 30 });
    case 'written_off':
      return rng.weighted({ closure: 75, legal: 25 });
    case 'returned':
      return rng.weighted({ closure: 60, formal: 30, soft: 10 });
    case 'legal':
      return 'legal';
  }
}

interface ClaimDraft extends DemoClaim {
  refPrefix: string;
  refYear: number;
  refWidth: number;
}

function buildClaim(g: Generator, debtors: Draft[], debtorIndex: number, slot: { creditor: CreditorKey; kind: ClaimKind }, taken: Set<string>): ClaimDraft {
  const { rng, today } = g;
  const d = debtors[debtorIndex]!;
  const weights =
    d.kind === 'public_administration' ? PA_STATUS : d.unreachable ? UNREACHABLE_STATUS : d.hardship ? HARDSHIP_STATUS : BASE_STATUS;
  const status = rng.weighted(weights);
  const [minAge, maxAge] = AGE_RANGE[status];

  let dueDate = '';
  let issueDate = '';
  let taxYear: number | null = null;
  let description = '';
  let cents = 0;
  let refPrefix = '';
  let refYear = 0;
  let refWidth = 5;
  let interestRegime: DemoClaim['interestRegime'] = null;
  const business = d.kind !== 'consumer';

  for (let attempt = 0; attempt < 12; attempt++) {
    dueDate = addDays(today, -rng.int(minAge, maxAge));
    switch (slot.kind) {
      case 'invoice': {
        if (slot.creditor === 'alpenblick') {
          issueDate = addDays(dueDate, -rng.pick([10, 30, 30, 30, 60]));
          const lang = d.language;
          const good = rng.pick(ALPENBLICK_GOODS[lang]);
          description = /(Auftrag|commande|ordine|order)$/.test(good) ? `${good} ${rng.int(10_000, 99_999)}` : `${good} ${yearOf(issueDate)}`;
          cents = Math.round(rng.logCents(80, business ? 25_000 : 6_000) / 5) * 5;
          refPrefix = 'AB';
        } else {
          const terms = business ? rng.pick([30, 60, 60, 90, 120]) : rng.pick([0, 0, 15, 30]);
          issueDate = addDays(dueDate, -terms);
          const ddt = `DDT n. ${rng.int(100, 9999)} del ${italianDate(addDays(issueDate, -rng.int(0, 10)))}`;
          description = business ? `${rng.pick(FERRAMENTA_B2B_GOODS)} – ${ddt}` : rng.pick(FERRAMENTA_B2C_GOODS);
          cents = rng.logCents(d.kind === 'public_administration' ? 300 : 80, business ? 25_000 : 8_000);
          refPrefix = 'FT';
        }
        refYear = yearOf(issueDate);
        break;
      }
      case 'tari': {
        const ordinary = rng.chance(0.7);
        issueDate = addDays(dueDate, -rng.int(30, 75));
        taxYear = ordinary ? yearOf(issueDate) : yearOf(issueDate) - rng.int(1, 3);
        const use = d.kind === 'consumer' ? 'utenza domestica' : 'utenza non domestica';
        description = ordinary
          ? `TARI ${taxYear} – avviso di pagamento, ${use}, ${d.address.line1}`
          : `TARI ${taxYear} – avviso di accertamento per omesso versamento, ${use}, ${d.address.line1}`;
        cents = d.kind === 'consumer' ? rng.logCents(120, 650) : rng.logCents(300, 900);
        refPrefix = 'TARI';
        refYear = taxYear;
        refWidth = 6;
        break;
      }
      case 'imu': {
        issueDate = addDays(dueDate, -60);
        taxYear = yearOf(issueDate) - rng.int(1, 4);
        const why = rng.pick(['omesso versamento', 'parziale versamento', 'infedele dichiarazione']);
        const what = d.kind === 'consumer' ? rng.pick(['seconda casa', 'immobile a disposizione', 'area fabbricabile']) : rng.pick(['fabbricato produttivo (cat. D)', 'negozio (cat. C/1)', 'area fabbricabile']);
        description = `IMU ${taxYear} – avviso di accertamento esecutivo per ${why}, ${what}`;
        cents = d.kind === 'consumer' ? rng.logCents(200, 1_800) : rng.logCents(600, 3_000);
        refPrefix = 'IMU';
        refYear = taxYear;
        refWidth = 6;
        break;
      }
      case 'cup': {
        issueDate = addDays(dueDate, -30);
        taxYear = yearOf(issueDate);
        description = `Canone unico patrimoniale ${taxYear} – ${rng.pick(['insegna di esercizio', 'occupazione suolo pubblico con dehors', 'impianto pubblicitario', 'occupazione temporanea per cantiere'])}`;
        cents = rng.logCents(60, 1_500);
        refPrefix = 'CUP';
        refYear = taxYear;
        break;
      }
      default: {
        // cds_fine: notified 60 days before it falls due, some weeks after the violation.
        issueDate = addDays(dueDate, -60);
        const violation = addDays(issueDate, -rng.int(5, 80));
        const v = rng.pick(CDS_VIOLATIONS);
        description = `Verbale n. ${rng.int(100, 9999)}/${yearOf(violation)} del ${italianDate(violation)} – ${v.text}`;
        cents = v.cents + rng.pick([0, 1260, 1480, 1850]);
        refPrefix = 'CDS';
        refYear = yearOf(violation);
        refWidth = 6;
      }
    }
    // One TARI/IMU/CUP notice per debtor and tax year.
    if (taxYear === null || !taken.has(`${debtorIndex}|${slot.kind}|${taxYear}`)) break;
  }
  if (taxYear !== null) taken.add(`${debtorIndex}|${slot.kind}|${taxYear}`);

  if (slot.creditor === 'alpenblick') interestRegime = rng.chance(0.3) ? 'ch' : null;
  else if (slot.kind === 'invoice' && business) {
    const r = rng.weighted({ none: 70, 'it-commercial': 25, 'it-legal': 5 });
    interestRegime = r === 'none' ? null : r;
  } else if (slot.kind === 'invoice' || slot.kind === 'tari' || slot.kind === 'imu') {
    interestRegime = rng.chance(slot.kind === 'invoice' ? 0.15 : 0.1) ? 'it-legal' : null;
  }

  const age = dayNumber(today) - dayNumber(dueDate);
  const stillOpen = ['open', 'in_collection', 'promised', 'in_plan', 'disputed', 'partially_paid', 'legal'].includes(status);
  let nextActionOn: string | null = null;
  if (stillOpen && rng.chance(0.9)) {
    if (status === 'promised') nextActionOn = addDays(today, rng.int(1, 20));
    else if (status === 'legal') nextActionOn = addDays(today, rng.int(5, 90));
    else if (status === 'open' && age < 0) nextActionOn = addDays(dueDate, rng.int(5, 15));
    else nextActionOn = addDays(today, rng.int(-10, 30));
  }
  const jurisdiction = slot.creditor === 'alpenblick' ? 'CH' : 'IT';
  return {
    creditor: slot.creditor,
    debtor: debtorIndex,
    externalRef: '',
    kind: slot.kind,
    description,
    principalCents: cents,
    currency: slot.creditor === 'alpenblick' ? 'CHF' : 'EUR',
    issueDate,
    dueDate,
    contractDate: null,
    taxYear,
    jurisdiction,
    interestRegime,
    judicialClaimDate:
      status === 'legal' && jurisdiction === 'IT' && rng.chance(0.6) ? addDays(dueDate, rng.int(180, Math.max(180, age - 30))) : null,
    status,
    stage: stageFor(rng, status),
    paidCents: 0,
    nextActionOn,
    closedOn: null,
    refPrefix,
    refYear,
    refWidth,
  };
}

/** Framework contracts for B2B customers (a quarter of them before 2013), sale dates for consumers. */
function assignContractDates(g: Generator, debtors: Draft[], claims: ClaimDraft[]): void {
  const { rng } = g;
  debtors.forEach((d, i) => {
    const own = claims.filter((c) => c.debtor === i && c.kind === 'invoice');
    if (own.length === 0) return;
    if (d.kind === 'consumer') {
      for (const c of own) if (rng.chance(0.5)) c.contractDate = c.issueDate;
      return;
    }
    const swiss = own[0]!.creditor === 'alpenblick';
    if (!rng.chance(swiss ? 0.5 : 0.85)) return;
    const earliest = own.reduce((m, c) => (c.issueDate < m ? c.issueDate : m), own[0]!.issueDate);
    let date: string;
    if (!swiss && rng.chance(0.25)) {
      date = `${rng.int(2004, 2012)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    } else {
      const from = Math.max(dayNumber('2013-01-02'), dayNumber(earliest) - 3000);
      date = addDays(earliest, -rng.int(30, Math.max(30, dayNumber(earliest) - from)));
    }
    if (date > earliest) date = earliest;
    for (const c of own) c.contractDate = date;
  });
}

/** Sequential references per creditor, kind and year, in issue order with gaps (other documents in between). */
function assignReferences(g: Generator, claims: ClaimDraft[]): void {
  const groups = new Map<string, ClaimDraft[]>();
  for (const c of claims) {
    const key = `${c.creditor}|${c.refPrefix}|${c.refYear}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(c);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
    let seq = g.rng.int(1, 60);
    for (const c of list) {
      c.externalRef = `${c.refPrefix}-${c.refYear}-${String(seq).padStart(c.refWidth, '0')}`;
      seq += g.rng.int(1, 12);
    }
  }
}

// ── Payments ──────────────────────────────────────────────────────────────────────────────────

function paymentMethod(rng: Rng, creditor: CreditorKey, debtor: Draft): DemoPayment['method'] {
  if (creditor === 'comune') return rng.weighted({ pagopa: 80, postal: 10, bank_transfer: 10 });
  if (creditor === 'alpenblick') return rng.weighted({ qr_bill: 70, bank_transfer: 25, cash: 5 });
  if (debtor.kind === 'public_administration') return 'bank_transfer';
  return rng.weighted({ bank_transfer: 70, sepa_direct_debit: 10, card: 10, cheque: 5, cash: 5 });
}

function paymentReference(rng: Rng, method: DemoPayment['method']): string | null {
  switch (method) {
    case 'bank_transfer':
      return `CRO ${rng.digits(11)}`;
    case 'sepa_direct_debit':
      return `SDD ${rng.digits(8)}`;
    case 'card':
      return `POS ${rng.digits(6)}`;
    case 'cheque':
      return `Assegno n. ${rng.digits(10)}`;
    case 'pagopa':
      return `IUV ${rng.digits(17)}`;
    case 'qr_bill':
      return qrReference(rng);
    case 'postal':
      return `Bollettino ${rng.digits(12)}`;
    default:
      return null;
  }
}

function buildPayments(g: Generator, debtors: Draft[], claims: ClaimDraft[]): DemoPayment[] {
  const { rng, today } = g;
  const payments: DemoPayment[] = [];
  const yesterday = addDays(today, -1);
  const cap = (iso: string) => (iso > yesterday ? yesterday : iso);
  let overpayments = 0;

  const pay = (claimIndex: number, cents: number, valueDate: string, note: string | null, extraCents = 0) => {
    const c = claims[claimIndex]!;
    const d = debtors[c.debtor]!;
    const method = paymentMethod(rng, c.creditor, d);
    payments.push({
      creditor: c.creditor,
      debtor: c.debtor,
      amountCents: cents + extraCents,
      unallocatedCents: extraCents,
      currency: c.currency,
      valueDate,
      method,
      reference: paymentReference(rng, method),
      payerName: d.displayName,
      note: method === 'cash' && !note ? 'Versamento in contanti allo sportello' : note,
      allocations: [{ claim: claimIndex, amountCents: cents }],
    });
    c.paidCents += cents;
  };

  claims.forEach((c, i) => {
    const age = dayNumber(today) - dayNumber(c.dueDate);
    const principal = c.principalCents;
    switch (c.status) {
      case 'paid': {
        if (principal >= 2000 && rng.chance(0.2)) {
          const first = Math.max(100, Math.min(principal - 100, Math.round((principal * rng.int(20, 70)) / 10_000) * 100));
          const d1 = cap(addDays(c.dueDate, rng.int(1, Math.max(1, Math.min(age - 10, 200)))));
          const d2 = cap(addDays(d1, rng.int(10, 120)));
          pay(i, first, d1, 'Primo acconto');
          pay(i, principal - first, d2, 'Saldo');
          c.closedOn = d2;
        } else {
          const vd = cap(addDays(c.dueDate, rng.int(1, Math.max(1, Math.min(age, 300)))));
          const extra = overpayments < 3 && rng.chance(0.03) ? rng.int(5, 50) * 100 : 0;
          if (extra) overpayments++;
          pay(i, principal, vd, extra ? 'Importo versato superiore al dovuto: eccedenza da restituire o imputare' : null, extra);
          c.closedOn = vd;
        }
        break;
      }
      case 'partially_paid': {
        const total = Math.max(1, Math.min(principal - 1, Math.round((principal * rng.int(10, 80)) / 100)));
        const d1 = cap(addDays(c.dueDate, rng.int(1, Math.max(1, age - 5))));
        if (total >= 200 && rng.chance(0.3)) {
          const first = Math.floor(total / 2);
          pay(i, first, d1, 'Acconto');
          pay(i, total - first, cap(addDays(d1, rng.int(15, 90))), 'Secondo acconto');
        } else {
          pay(i, total, d1, 'Acconto');
        }
        break;
      }
      case 'in_plan': {
        if (!rng.chance(0.55)) break;
        const n = rng.int(6, 24);
        const rata = Math.ceil(principal / n / 100) * 100;
        const start = addDays(c.dueDate, rng.int(30, Math.max(30, age - 30)));
        let k = Math.min(n - 1, Math.floor((dayNumber(today) - dayNumber(start)) / 30) + 1);
        while (k > 0 && rata * k >= principal) k--;
        k = Math.min(k, rng.int(1, 8));
        for (let j = 0; j < k; j++) pay(i, rata, cap(addDays(start, j * 30)), `Rata ${j + 1}/${n} del piano di rientro`);
        break;
      }
      case 'written_off': {
        if (rng.chance(0.2)) {
          const part = Math.round((principal * rng.int(40, 70)) / 100);
          const vd = cap(addDays(c.dueDate, rng.int(60, Math.max(60, age - 20))));
          pay(i, part, vd, 'Saldo e stralcio concordato con il mandante');
          c.closedOn = cap(addDays(vd, rng.int(0, 15)));
        } else {
          c.closedOn = cap(addDays(c.dueDate, rng.int(365, Math.max(365, age - 1))));
        }
        break;
      }
      case 'returned':
        c.closedOn = cap(addDays(c.dueDate, rng.int(120, Math.max(120, age - 1))));
        break;
      default:
        break;
    }
  });
  return payments;
}

// ── Notes ─────────────────────────────────────────────────────────────────────────────────────

function noteTimestamp(rng: Rng, today: string, notBefore: string): string {
  let date = addDays(today, -rng.int(1, 120));
  if (date < notBefore) date = notBefore < today ? notBefore : addDays(today, -1);
  const time = `${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`;
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime('Europe/Rome').toInstant().toString();
}

function buildNotes(g: Generator, debtors: Draft[], claims: ClaimDraft[]): DemoNote[] {
  const { rng, today } = g;
  const notes: DemoNote[] = [];
  const caps: Record<string, number> = { disputed: 8, promised: 7, in_plan: 6, legal: 4, in_collection: 6, hardship: 6, unreachable: 6 };
  const noted = new Set<number>();
  const weekday = () => rng.pick(['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì']);
  const add = (kind: string, debtor: number, claim: number | null, body: string, author: DemoNote['author'] = 'operator') => {
    if ((caps[kind] ?? 0) <= 0) return;
    caps[kind]!--;
    const after = claim === null ? addDays(today, -120) : claims[claim]!.issueDate;
    notes.push({ debtor, claim, body, author, createdAt: noteTimestamp(rng, today, after) });
    noted.add(debtor);
  };

  claims.forEach((c, i) => {
    if (noted.has(c.debtor) || !rng.chance(0.35)) return;
    const d = debtors[c.debtor]!;
    const amount = italianAmount(c.principalCents - c.paidCents, c.currency);
    switch (c.status) {
      case 'disputed':
        add(
          'disputed',
          c.debtor,
          i,
          c.kind === 'invoice'
            ? `Contesta la fattura ${c.externalRef}: sostiene che la merce sia arrivata danneggiata. Chiesto al mandante ${c.currency === 'CHF' ? 'il bollettino di consegna (Lieferschein) firmato' : 'il DDT firmato'}.`
            : c.kind === 'tari'
              ? `Contesta l’avviso ${c.externalRef}: dichiara una superficie di ${rng.int(45, 80)} mq invece di ${rng.int(85, 140)}. Inoltrata verifica all’Ufficio Tributi.`
              : c.kind === 'imu'
                ? `Contesta l’avviso ${c.externalRef}: dichiara di aver venduto l’immobile nel ${(c.taxYear ?? 2020) - 1}. Richiesto l’atto di compravendita.`
                : `Contesta ${c.externalRef}: ricorso presentato al Giudice di pace, in attesa di udienza.`,
        );
        break;
      case 'promised':
        add(
          'promised',
          c.debtor,
          i,
          `Il debitore ha promesso il pagamento di ${amount} entro il ${italianDate(c.nextActionOn ?? addDays(today, 10))}. Se non arriva nulla, richiamare il giorno dopo.`,
        );
        break;
      case 'in_plan':
        add(
          'in_plan',
          c.debtor,
          i,
          d.hardship
            ? 'Concordato piano di rientro in rate mensili ridotte per la situazione economica; autorizzato dal supervisore.'
            : `Il debitore ha chiesto una rateizzazione per ${c.externalRef}: concordate rate mensili con addebito il giorno 10.`,
          d.hardship ? 'supervisor' : 'operator',
        );
        break;
      case 'legal':
        add(
          'legal',
          c.debtor,
          i,
          c.jurisdiction === 'CH'
            ? `Domanda d’esecuzione (Betreibung) depositata per ${c.externalRef}; in attesa del precetto esecutivo.`
            : `Pratica ${c.externalRef} affidata al legale per il decreto ingiuntivo, su autorizzazione del mandante.`,
          'supervisor',
        );
        break;
      case 'in_collection':
        add(
          'in_collection',
          c.debtor,
          i,
          rng.pick([
            `Il debitore ha chiesto una rateizzazione, richiamare ${weekday()}.`,
            'Lasciato messaggio in segreteria, nessuna risposta. Riprovare in orario serale.',
            'Risponde la moglie: il debitore è all’estero per lavoro fino a fine mese.',
            `Inviata e-mail di sollecito con estratto conto aggiornato (${amount}).`,
            'Chiesta copia della fattura: inviata via PEC, in attesa di riscontro.',
            `Il debitore dice di aver già pagato: chiesta copia della contabile, richiamare ${weekday()}.`,
          ]),
        );
        break;
      default:
        break;
    }
  });
  debtors.forEach((d, i) => {
    if (d.hardship && !noted.has(i)) {
      add('hardship', i, null, 'Colloquio telefonico: situazione economica difficile. Valutare con il supervisore una sospensione di 60 giorni.');
    }
    if (d.unreachable && !noted.has(i)) {
      add('unreachable', i, null, 'Numero inesistente e raccomandata tornata al mittente. Avviare la ricerca anagrafica prima di procedere.');
    }
  });
  return notes;
}

/** The whole demo data set, as it should look on the given date (YYYY-MM-DD). */
export function buildDemoDataSet(today: string): DemoDataSet {
  const g = new Generator(today);
  const creditors = buildCreditors(today);
  const drafts = buildDebtors(g);
  const taken = new Set<string>();
  const claims: ClaimDraft[] = [];
  drafts.forEach((d, i) => {
    for (const slot of d.slots) claims.push(buildClaim(g, drafts, i, slot, taken));
  });
  assignContractDates(g, drafts, claims);
  assignReferences(g, claims);
  const payments = buildPayments(g, drafts, claims);
  const notes = buildNotes(g, drafts, claims);

  const debtors: DemoDebtor[] = drafts.map(
    ({ province: _p, swiss: _s, slots: _sl, primary: _pr, ...d }) => d,
  );
  return {
    creditors,
    debtors,
    claims: claims.map(({ refPrefix: _a, refYear: _b, refWidth: _c, ...c }) => c),
    payments,
    notes,
  };
}

