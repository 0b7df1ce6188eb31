/**
 * The fixed ingredients of the demo data set: fictional organisations, names, places and the
 * texts operators write. Real places and common surnames give realism; every company, person and
 * organisation name is made up (any resemblance is a coincidence), every e-mail domain ends in the
 * reserved `.example` TLD.
 */

export const DEMO_TENANT = { slug: 'demo', name: 'Demo Recuperi S.r.l.', kind: 'agency', country: 'IT' } as const;

/** One shared password for every demo log-in (printed at start; change it for anything but a demo). */
export const DEMO_PASSWORD = 'incasso-demo';

export type CreditorKey = 'ferramenta' | 'alpenblick' | 'comune';

export interface DemoUserSpec {
  email: string;
  name: string;
  role: 'admin' | 'supervisor' | 'operator' | 'viewer' | 'law_firm';
  /** Only for a viewer: the creditor it may read. */
  creditor: CreditorKey | null;
  note: string;
}

export const DEMO_USERS: readonly DemoUserSpec[] = [
  {
    email: 'admin@demo.incasso.test',
    name: 'Giulia Ferri',
    role: 'admin',
    creditor: null,
    note: 'amministratore: tutte le funzioni, compresa la gestione degli utenti',
  },
  {
    email: 'supervisore@demo.incasso.test',
    name: 'Marco Bellini',
    role: 'supervisor',
    creditor: null,
    note: 'supervisore: mandanti, pratiche, pagamenti e approvazioni',
  },
  {
    email: 'operatore@demo.incasso.test',
    name: 'Sara Colombo',
    role: 'operator',
    creditor: null,
    note: 'operatore: lavora le pratiche (debitori, recapiti, pagamenti, note)',
  },
  {
    email: 'comune@demo.incasso.test',
    name: 'Ufficio Tributi – Comune di Valdoria',
    role: 'viewer',
    creditor: 'comune',
    note: 'sola lettura, solo il Comune di Valdoria',
  },
  {
    // Issue 17 item 7: the external law firm; it sees only the dossiers handed to it (a demo claim at the
    // legal tier is ready: hand it over from its page, "Pratica legale").
    email: 'studio.legale@demo.incasso.test',
    name: 'Studio Legale Fontana',
    role: 'law_firm',
    creditor: null,
    note: 'studio legale esterno: vede solo le pratiche affidate',
  },
];

/** Italian places: Belfiore code (for the codice fiscale), province, CAP, ISTAT province code (partita IVA office). */
export interface ItalianPlace {
  city: string;
  province: string;
  cap: string;
  belfiore: string;
  office: string;
}

export const ITALIAN_PLACES: readonly ItalianPlace[] = [
  { city: 'Milano', province: 'MI', cap: '20121', belfiore: 'F205', office: '015' },
  { city: 'Bergamo', province: 'BG', cap: '24121', belfiore: 'A794', office: '016' },
  { city: 'Brescia', province: 'BS', cap: '25121', belfiore: 'B157', office: '017' },
  { city: 'Monza', province: 'MB', cap: '20900', belfiore: 'F704', office: '108' },
  { city: 'Como', province: 'CO', cap: '22100', belfiore: 'C933', office: '013' },
  { city: 'Varese', province: 'VA', cap: '21100', belfiore: 'L682', office: '012' },
  { city: 'Lecco', province: 'LC', cap: '23900', belfiore: 'E507', office: '097' },
  { city: 'Lodi', province: 'LO', cap: '26900', belfiore: 'E648', office: '098' },
  { city: 'Cremona', province: 'CR', cap: '26100', belfiore: 'D150', office: '019' },
  { city: 'Pavia', province: 'PV', cap: '27100', belfiore: 'G388', office: '018' },
  { city: 'Sondrio', province: 'SO', cap: '23100', belfiore: 'I829', office: '014' },
  { city: 'Torino', province: 'TO', cap: '10121', belfiore: 'L219', office: '001' },
  { city: 'Genova', province: 'GE', cap: '16121', belfiore: 'D969', office: '010' },
  { city: 'Verona', province: 'VR', cap: '37121', belfiore: 'L781', office: '023' },
  { city: 'Padova', province: 'PD', cap: '35121', belfiore: 'G224', office: '028' },
  { city: 'Venezia', province: 'VE', cap: '30121', belfiore: 'L736', office: '027' },
  { city: 'Trento', province: 'TN', cap: '38122', belfiore: 'L378', office: '022' },
  { city: 'Bologna', province: 'BO', cap: '40121', belfiore: 'A944', office: '037' },
  { city: 'Firenze', province: 'FI', cap: '50123', belfiore: 'D612', office: '048' },
  { city: 'Roma', province: 'RM', cap: '00185', belfiore: 'H501', office: '058' },
  { city: 'Napoli', province: 'NA', cap: '80133', belfiore: 'F839', office: '063' },
  { city: 'Bari', province: 'BA', cap: '70121', belfiore: 'A662', office: '072' },
  { city: 'Palermo', province: 'PA', cap: '90133', belfiore: 'G273', office: '082' },
  { city: 'Catania', province: 'CT', cap: '95124', belfiore: 'C351', office: '087' },
  { city: 'Cagliari', province: 'CA', cap: '09124', belfiore: 'B354', office: '092' },
];

/** Where Ferramenta Lombarda's customers mostly are: Lombardy first. */
export const LOMBARD_CITIES = ['Milano', 'Bergamo', 'Brescia', 'Monza', 'Como', 'Varese', 'Lecco', 'Lodi', 'Cremona', 'Pavia', 'Sondrio'];

/** The fictional comune: residents are born elsewhere (Bergamo and around, or abroad). */
export const VALDORIA = { city: 'Valdoria', province: 'BG', cap: '24020', office: '016' } as const;
/** Valdoria is invented: its cadastral code too (no comune's Belfiore code starts with V). */
export const VALDORIA_CADASTRAL = 'V016';
/** The demo agency's registration in the MEF albo (invented). */
export const DEMO_ALBO = { section: 'ordinary', number: '999', registeredOn: '2019-03-12' } as const;
export const VALDORIA_STREETS = [
  'Via Roma',
  'Via Garibaldi',
  'Via della Chiesa',
  'Via dei Castagni',
  'Via Monte Grappa',
  'Piazza San Rocco',
  'Via per Bergamo',
  'Via delle Vigne',
  'Via Fontana',
  'Vicolo del Forno',
  'Via Papa Giovanni XXIII',
  'Via Kennedy',
  'Via dei Mulini',
];

export const ITALIAN_STREETS = [
  'Via Roma',
  'Via Garibaldi',
  'Via Mazzini',
  'Corso Vittorio Emanuele II',
  'Via Dante Alighieri',
  'Viale Europa',
  'Via Cavour',
  'Piazza della Repubblica',
  'Via XX Settembre',
  'Via dei Mille',
  'Via Manzoni',
  'Via Giuseppe Verdi',
  'Via Matteotti',
  'Via Marconi',
  'Via San Francesco',
  'Viale Italia',
  'Via Leopardi',
  'Via Pascoli',
];

export const INDUSTRIAL_STREETS = [
  'Via dell’Industria',
  'Via dell’Artigianato',
  'Via del Lavoro',
  'Via Enrico Fermi',
  'Via Alessandro Volta',
  'Via delle Industrie',
  'Via Galileo Galilei',
  'Viale del Commercio',
];

/** Foreign countries of birth (codice fiscale uses the Z code in place of the comune). */
export interface ForeignPerson {
  firstName: string;
  lastName: string;
  female: boolean;
  zcode: string;
  language: 'it' | 'en' | 'de' | 'fr';
}
export const FOREIGN_BORN: readonly ForeignPerson[] = [
  { firstName: 'Andrei', lastName: 'Popescu', female: false, zcode: 'Z129', language: 'it' },
  { firstName: 'Elena', lastName: 'Ionescu', female: true, zcode: 'Z129', language: 'it' },
  { firstName: 'Arben', lastName: 'Hoxha', female: false, zcode: 'Z100', language: 'it' },
  { firstName: 'Elira', lastName: 'Berisha', female: true, zcode: 'Z100', language: 'it' },
  { firstName: 'Youssef', lastName: 'El Amrani', female: false, zcode: 'Z330', language: 'it' },
  { firstName: 'Fatima', lastName: 'Benali', female: true, zcode: 'Z330', language: 'it' },
  { firstName: 'Olena', lastName: 'Kovalenko', female: true, zcode: 'Z138', language: 'it' },
  { firstName: 'Wei', lastName: 'Chen', female: false, zcode: 'Z210', language: 'en' },
  { firstName: 'John', lastName: 'Whitfield', female: false, zcode: 'Z114', language: 'en' },
  { firstName: 'Sabine', lastName: 'Hartmann', female: true, zcode: 'Z112', language: 'de' },
  { firstName: 'Claire', lastName: 'Dumoulin', female: true, zcode: 'Z110', language: 'fr' },
  { firstName: 'Emily', lastName: 'Carter', female: true, zcode: 'Z404', language: 'en' },
];

export const ITALIAN_MALE_NAMES = [
  'Marco', 'Luca', 'Giuseppe', 'Francesco', 'Antonio', 'Alessandro', 'Andrea', 'Matteo', 'Giovanni', 'Roberto',
  'Stefano', 'Paolo', 'Davide', 'Simone', 'Federico', 'Lorenzo', 'Riccardo', 'Fabio', 'Massimo', 'Claudio',
  'Emanuele', 'Salvatore', 'Vincenzo', 'Pietro', 'Giorgio', 'Enrico', 'Daniele', 'Mario', 'Sergio', 'Alberto',
];
export const ITALIAN_FEMALE_NAMES = [
  'Giulia', 'Francesca', 'Chiara', 'Sara', 'Laura', 'Valentina', 'Alessandra', 'Elena', 'Silvia', 'Federica',
  'Martina', 'Paola', 'Anna', 'Maria', 'Roberta', 'Elisa', 'Cristina', 'Barbara', 'Monica', 'Giorgia',
  'Serena', 'Ilaria', 'Simona', 'Claudia', 'Daniela', 'Alice', 'Beatrice', 'Sofia', 'Lucia', 'Teresa',
];
export const ITALIAN_SURNAMES = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
  'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone',
  'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola', 'De Santis', 'D’Angelo', 'Marchetti',
  'Parisi', 'Villa', 'Conte', 'Ferraro', 'Fabbri', 'Bianco', 'Marini', 'Grasso', 'Valentini', 'Messina',
  'Sala', 'De Angelis', 'Gatti', 'Pellegrini', 'Palumbo', 'Sanna', 'Farina', 'Rizzi', 'Monti', 'Cattaneo',
  'Morelli', 'Amato', 'Silvestri', 'Mazza', 'Testa', 'Dell’Acqua', 'Pellegrino', 'Carbone', 'Giuliani', 'Benedetti',
  'Barone', 'Rossetti', 'Caputo', 'Montanari', 'Guerra', 'Palmieri', 'Bernardi', 'Fiore', 'Brambilla', 'Pozzi',
  'Locatelli', 'Rota', 'Zanetti', 'Mapelli', 'Ghezzi', 'Cortinovis', 'Bonfanti', 'Sironi', 'Riva', 'Donati',
];

export interface SwissPlace {
  city: string;
  canton: string;
  plz: string;
  language: 'de' | 'fr' | 'it';
}
export const SWISS_PLACES: readonly SwissPlace[] = [
  { city: 'Zürich', canton: 'ZH', plz: '8004', language: 'de' },
  { city: 'Winterthur', canton: 'ZH', plz: '8400', language: 'de' },
  { city: 'Bern', canton: 'BE', plz: '3011', language: 'de' },
  { city: 'Luzern', canton: 'LU', plz: '6003', language: 'de' },
  { city: 'Basel', canton: 'BS', plz: '4051', language: 'de' },
  { city: 'St. Gallen', canton: 'SG', plz: '9000', language: 'de' },
  { city: 'Zug', canton: 'ZG', plz: '6300', language: 'de' },
  { city: 'Aarau', canton: 'AG', plz: '5000', language: 'de' },
  { city: 'Chur', canton: 'GR', plz: '7000', language: 'de' },
  { city: 'Lausanne', canton: 'VD', plz: '1003', language: 'fr' },
  { city: 'Genève', canton: 'GE', plz: '1201', language: 'fr' },
  { city: 'Fribourg', canton: 'FR', plz: '1700', language: 'fr' },
  { city: 'Neuchâtel', canton: 'NE', plz: '2000', language: 'fr' },
  { city: 'Sion', canton: 'VS', plz: '1950', language: 'fr' },
  { city: 'Lugano', canton: 'TI', plz: '6900', language: 'it' },
  { city: 'Bellinzona', canton: 'TI', plz: '6500', language: 'it' },
  { city: 'Locarno', canton: 'TI', plz: '6600', language: 'it' },
  { city: 'Mendrisio', canton: 'TI', plz: '6850', language: 'it' },
];

export const SWISS_STREETS: Record<'de' | 'fr' | 'it', string[]> = {
  de: ['Bahnhofstrasse', 'Hauptstrasse', 'Dorfstrasse', 'Seestrasse', 'Kirchweg', 'Industriestrasse', 'Schulhausstrasse', 'Bergstrasse', 'Gartenweg'],
  fr: ['Rue de la Gare', 'Avenue de la Gare', 'Rue du Lac', 'Chemin des Vignes', 'Route de Berne', 'Rue du Marché', 'Avenue des Alpes'],
  it: ['Via Cantonale', 'Via San Gottardo', 'Via alla Stazione', 'Via Motta', 'Via Lucino', 'Via ai Ronchi'],
};

export const SWISS_NAMES: Record<'de' | 'fr' | 'it', { male: string[]; female: string[]; surnames: string[] }> = {
  de: {
    male: ['Lukas', 'Daniel', 'Thomas', 'Martin', 'Reto', 'Urs', 'Beat', 'Stefan', 'Andreas', 'Peter', 'Jonas', 'Simon'],
    female: ['Anna', 'Sandra', 'Nicole', 'Barbara', 'Monika', 'Claudia', 'Corinne', 'Ursula', 'Sarah', 'Laura', 'Andrea', 'Brigitte'],
    surnames: ['Müller', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber', 'Schneider', 'Meyer', 'Steiner', 'Fischer', 'Gerber',
      'Brunner', 'Baumann', 'Frei', 'Zimmermann', 'Moser', 'Widmer', 'Wyss', 'Graf', 'Roth', 'Suter', 'Bachmann'],
  },
  fr: {
    male: ['Jean', 'Pierre', 'Olivier', 'Nicolas', 'Laurent', 'Yves', 'Julien', 'Alain'],
    female: ['Sophie', 'Nathalie', 'Isabelle', 'Céline', 'Valérie', 'Camille', 'Christine', 'Aline'],
    surnames: ['Favre', 'Rochat', 'Bonvin', 'Perrin', 'Girard', 'Mottier', 'Chappuis', 'Jaquet', 'Monnier', 'Cuendet', 'Rey', 'Python'],
  },
  it: {
    male: ['Fabio', 'Nicola', 'Sandro', 'Mattia', 'Claudio', 'Remo'],
    female: ['Manuela', 'Tiziana', 'Luisa', 'Sara', 'Katia', 'Nadia'],
    surnames: ['Bernasconi', 'Pedrazzini', 'Cattaneo', 'Rusconi', 'Lepori', 'Beffa', 'Induni', 'Ghisletta', 'Rezzonico'],
  },
};

/** Parts of fictional company names. */
export const IT_COMPANY_PREFIXES = ['Edil', 'Termo', 'Idro', 'Elettro', 'Metal', 'Tecno', 'Euro', 'Nord', 'Multi', 'Geo', 'Infra', 'Agri'];
export const IT_COMPANY_SUFFIXES = ['nova', 'service', 'tecnica', 'sistemi', 'impianti', 'costruzioni', 'group', 'progetti', 'mec', 'lux'];
export const IT_SECTOR_WORDS = [
  'Costruzioni', 'Impianti', 'Serramenti', 'Carpenteria Metallica', 'Trasporti', 'Arredamenti', 'Manutenzioni',
  'Ristrutturazioni', 'Forniture Industriali', 'Logistica', 'Coperture', 'Pavimenti', 'Termoidraulica',
];
export const IT_PLACE_ADJECTIVES = ['Orobica', 'Lariana', 'Brianzola', 'Padana', 'Valtellinese', 'Camuna', 'Bergamasca', 'Lombarda', 'Ticinese', 'Insubrica'];
export const IT_LEGAL_FORMS = ['S.r.l.', 'S.r.l.', 'S.r.l.', 'S.r.l.', 'S.p.A.', 'S.n.c.', 'S.a.s.', 'S.r.l.s.', 'Soc. Coop.'];

export const IT_SOLE_TRADES = [
  'Idraulica', 'Impianti Elettrici', 'Falegnameria', 'Carpenteria', 'Edilizia', 'Tinteggiature', 'Serramenti',
  'Autofficina', 'Giardini', 'Fabbro', 'Lattoneria', 'Posa Pavimenti',
];
export const VALDORIA_SHOPS = ['Bar', 'Pizzeria', 'Panetteria', 'Parrucchiera', 'Edicola', 'Fioreria', 'Macelleria', 'Ferramenta'];

/** Public administrations buying from the Italian company (all fictional). */
export const PUBLIC_BODIES = [
  'Comune di Castelbruno',
  'Comune di Roccalta Lombarda',
  'Unione dei Comuni della Val Serena',
  'Istituto Comprensivo di Pieve Alta',
  'Consorzio Acque Alta Pianura',
];

export const CH_COMPANY_ROOTS: Record<'de' | 'fr' | 'it' | 'en', string[]> = {
  de: ['Bergsicht', 'Seeland', 'Rheintal', 'Limmat', 'Aaretal', 'Edelweiss', 'Sonnenberg', 'Talblick', 'Waldrand', 'Föhntal'],
  fr: ['Léman', 'Jura', 'Lavaux', 'Chasseral', 'Montbrillant', 'Belle-Rive', 'Trois-Lacs'],
  it: ['Ceresio', 'Verbano', 'Malcantone', 'Gambarogno', 'Monte Brè'],
  en: ['Glacier', 'Summit', 'Alpine Bridge', 'Northface Valley'],
};
export const CH_COMPANY_SECTORS: Record<'de' | 'fr' | 'it' | 'en', string[]> = {
  de: ['Bau', 'Gastro', 'Immobilien', 'Transport', 'Elektro', 'Haustechnik', 'Holzbau', 'Treuhand', 'Garage', 'Catering'],
  fr: ['Construction', 'Services', 'Transports', 'Nettoyage', 'Menuiserie', 'Boulangerie', 'Gérance'],
  it: ['Costruzioni', 'Servizi', 'Trasporti', 'Gastronomia', 'Elettricità'],
  en: ['Trading', 'Logistics', 'Consulting', 'Hospitality'],
};
export const CH_SOLE_TRADES: Record<'de' | 'fr' | 'it', string[]> = {
  de: ['Schreinerei', 'Malergeschäft', 'Coiffeur', 'Velowerkstatt', 'Gartenbau'],
  fr: ['Menuiserie', 'Peinture', 'Salon de coiffure', 'Atelier vélo'],
  it: ['Falegnameria', 'Pittura', 'Parrucchiere', 'Officina bici'],
};

/** What the Italian company sells: descriptions of invoices. */
export const FERRAMENTA_B2B_GOODS = [
  'Fornitura utensileria e minuteria metallica',
  'Fornitura materiale idraulico',
  'Fornitura viteria e bulloneria inox',
  'Noleggio ponteggi e attrezzature edili',
  'Fornitura materiale elettrico',
  'Vernici e prodotti per l’edilizia',
  'Ferramenta per infissi e serramenti',
  'Dispositivi di protezione individuale (DPI)',
  'Fornitura lamiere e profilati',
  'Fornitura ancoranti chimici e sigillanti',
];
export const FERRAMENTA_B2C_GOODS = [
  'Fornitura e posa porta blindata',
  'Acquisto decespugliatore e accessori da giardino',
  'Caldaia a condensazione con installazione',
  'Stufa a pellet con installazione',
  'Materiale per ristrutturazione bagno',
  'Cancello scorrevole motorizzato',
  'Zanzariere e tapparelle su misura',
  'Utensili elettrici (trapano, avvitatore, smerigliatrice)',
];
export const ALPENBLICK_GOODS: Record<'de' | 'fr' | 'it' | 'en', string[]> = {
  de: ['Lieferung Büromöbel gemäss Auftrag', 'Wartungsvertrag Kaffeemaschinen', 'Lieferung Gastro-Geschirrspüler', 'Kaffeevollautomat mit Zubehör', 'Lieferung Reinigungsgeräte'],
  fr: ['Livraison de mobilier de bureau, commande', 'Contrat d’entretien machines à café', 'Lave-vaisselle professionnel', 'Machine à café automatique et accessoires'],
  it: ['Fornitura mobili da ufficio, ordine', 'Contratto di manutenzione macchine da caffè', 'Lavastoviglie professionale', 'Macchina da caffè automatica con accessori'],
  en: ['Office furniture delivery, order', 'Coffee machine maintenance contract', 'Commercial dishwasher delivery'],
};

export const CDS_VIOLATIONS = [
  { text: 'art. 7 CdS, sosta vietata', cents: 4200 },
  { text: 'art. 158 CdS, sosta su posto riservato ai disabili', cents: 8700 },
  { text: 'art. 142 c.7 CdS, eccesso di velocità (10–40 km/h)', cents: 17300 },
  { text: 'art. 146 c.3 CdS, passaggio con semaforo rosso', cents: 16700 },
  { text: 'art. 173 CdS, uso del telefono alla guida', cents: 16500 },
  { text: 'art. 193 CdS, circolazione senza assicurazione', cents: 86600 },
  { text: 'art. 80 CdS, revisione scaduta', cents: 17300 },
];

export const HARDSHIP_NOTES = [
  'Disoccupato da gennaio, due figli minori a carico; ISEE 7.850 €.',
  'Pensione minima, vive sola; invalidità civile al 74%.',
  'Cassa integrazione a zero ore fino a fine anno.',
  'Separazione recente, assegno di mantenimento a carico: reddito molto ridotto.',
  'Malattia grave in famiglia, spese mediche documentate.',
  'Sovraindebitamento: procedura in corso presso l’OCC (composizione della crisi).',
  'Attività ridotta dopo l’alluvione; in attesa dei contributi regionali.',
  'Assistita dai servizi sociali del Comune; nessun reddito stabile.',
  'Disoccupato da marzo, ha chiesto l’aiuto sociale (Sozialhilfe).',
  'Lavoro stagionale, nessuna entrata da ottobre ad aprile.',
];

export const UNREACHABLE_NOTES = [
  'Irreperibile: raccomandata restituita per destinatario sconosciuto; cellulare inesistente.',
  'Trasferito all’estero senza lasciare recapiti.',
  'Ditta cessata, PEC non più attiva; sede chiusa.',
  'Irreperibile all’indirizzo di residenza: avviare ricerca anagrafica.',
  'Tutti i recapiti noti risultano errati o disattivati.',
];

export const THIRD_PARTY_RELATIONS = ['madre', 'padre', 'figlio', 'figlia', 'coniuge', 'fratello', 'sorella', 'datore di lavoro', 'vicino di casa'];
