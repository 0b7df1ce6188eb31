/** Messages of the interest engine, the rate tables and their commands. */
export const interestIt = {
  // The engine's input (src/domain/interest/compute.ts, regimes.ts)
  'interest.amount_spaces': 'Importo con spazi prima o dopo',
  'interest.unknown_regime': 'Regime sconosciuto "{regime}": ammessi {allowed}',
  'interest.unknown_regime_any': 'Regime sconosciuto: ammessi {allowed}',
  'interest.unknown_day_count': 'Convenzione di calcolo dei giorni sconosciuta "{dayCount}": {allowed}',
  'interest.accrue_from_after_end': 'Interessi già conteggiati fino al {accrueFrom}, oltre la data di fine {paid}',
  'interest.end_before_due': 'La data di fine ({paid}) precede la scadenza ({due}): nessun ritardo da calcolare',
  'interest.payment_after_end': 'Pagamento del {date} oltre la data di fine {paid}',
  'interest.cost_after_end': 'Costo del {date} oltre la data di fine {paid}',
  'interest.allocation_order': 'Ordine di imputazione: costs, interest e principal, ciascuno una volta',
  'interest.allocation_order_parts': "Ordine di imputazione: costs, interest, principal e ogni componente ({parts}), ciascuno una volta",
  'interest.part_kind': "Componente \"{kind}\": il nome manca o è quello di costs, interest o principal",
  'interest.part_twice': "Componente \"{kind}\" indicata due volte: sommare gli importi dello stesso tipo",
  'interest.commercial_not_consumer': 'Il tasso commerciale (D.Lgs. 231/2002) non si applica a un consumatore',
  'interest.business_regime_not_consumer': 'Regime per imprese non applicabile a un consumatore',
  'interest.regime_not_consumer': 'Il regime {regime} è per debitori non consumatori',
  'interest.rate_required': 'Tasso contrattuale mancante o non valido, es. 8.5',
  'interest.base_required': 'Regime base mancante o non valido per "spread", es. it-legal',
  'interest.spread_required': 'Punti di maggiorazione mancanti o non validi, es. 3',
  'interest.claim_problem': 'Pratica {ref}: {problem}',

  // Rate tables (src/domain/interest/rate-table.ts, rate-series.ts)
  'interest.table_empty': 'Tabella {table} vuota',
  'interest.no_rate_before': 'Nessun tasso {table} prima del {first}: il calcolo chiede il {date}',
  'interest.rate_known_until': 'Tasso {table} noto fino al {last}: il calcolo arriva al {date}; aggiungere il periodo successivo',
  'interest.table_row_rate': '{table} riga {row} ({from}): tasso non valido "{rate}"',
  'interest.table_row_end_before_start': '{table} riga {row} ({from}): fine prima dell’inizio',
  'interest.table_row_open': '{table} riga {row} ({from}): solo l’ultima riga può essere aperta',
  'interest.table_row_gap': '{table} riga {row} ({from}): il periodo successivo deve iniziare il {expected}, non il {next}',
  'interest.period_exists': '{table}: esiste già un periodo dal {from}; il nuovo deve iniziare dopo',
  'interest.period_must_start': '{table}: il periodo noto termina il {last}, il nuovo deve iniziare il {expected}',
  'interest.period_end_before_start': 'La fine precede l’inizio',
  'interest.period_starts_january': 'I periodi di {series} iniziano il 1° gennaio',
  'interest.period_starts_semester': 'I periodi di {series} iniziano il 1° gennaio o il 1° luglio',
  'interest.period_rate_invalid': 'Tasso non valido "{rate}", es. 2.40',
  'interest.period_rate2_fr_only': 'Secondo tasso richiesto solo per fr-legal: il tasso "autres cas"',
  'interest.period_source_required': 'Indicare la fonte, es. "MEF comunicato GU n. …"',
  'interest.no_entered_period': 'Nessun periodo inserito di {series} dal {from}; i periodi rilasciati con incasso si correggono con un rilascio',
  'interest.correction_changes_nothing': 'La correzione non cambia nulla',

  // Commands (src/cli/commands/interest.ts, rates.ts, src/cli/rate-book.ts)
  'interest.cli_payment_format': '--payment "{spec}": atteso DATA:IMPORTO, es. 2023-06-30:500',
  'interest.cli_empty_line': 'Riga vuota',
  'interest.cli_bad_json': 'JSON non valido: {detail}',
  'interest.cli_missing_options': 'Mancano: {options}',
  'interest.cli_embedded_busy':
    'il database incorporato è in uso dal server: uso le tabelle dei tassi distribuite, senza i periodi aggiunti dall’amministratore',
  'interest.cli_series_end': 'dal {from} al {to}',
  'interest.cli_in_force': 'in vigore',
  'interest.cli_entered_since_release': 'Inseriti dopo il rilascio:',
  'interest.cli_correction': 'correzione: {reason}',
  'interest.cli_period_added': '{period} aggiunto',
  'interest.cli_period_corrected': '{period} (versione {version}, prima {was} %)',
} as const;

/** A language's texts for these codes. */
export type InterestCatalogue = { readonly [K in keyof typeof interestIt]: string };
