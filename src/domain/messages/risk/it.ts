/** Messages of the payment-behaviour profile, risk class and advice (issue 17 items 1–2). */
export const riskIt = {
  'risk.explanation': '{class}: {reasons}',
  'risk.reason_late_recent': '{late} delle ultime {recent} fatture pagate con oltre {days} giorni di ritardo',
  'risk.reason_plan_lapsed': 'un piano decaduto nel {year}',
  'risk.reason_plans_lapsed': '{count} piani decaduti, l’ultimo nel {year}',
  'risk.reason_promise_broken': 'una promessa di pagamento non mantenuta',
  'risk.reason_promises_broken': '{count} promesse di pagamento non mantenute',
  'risk.reason_overdue': 'la fattura aperta più vecchia è scaduta da {days} giorni',
  'risk.reason_on_time_low': 'solo il {percent}% delle {paid} fatture pagate saldato entro la scadenza',
  'risk.reason_worsening': 'ritardi in aumento: {now} giorni medi negli ultimi 12 mesi contro {before} nei 12 precedenti',
  'risk.reason_good': 'pagamenti puntuali: il {percent}% delle {paid} fatture pagate saldato entro la scadenza',
  'risk.reason_no_history': 'nessuna fattura ancora pagata: storia insufficiente',
  'risk.advice_class': 'classe di rischio {class}',
  'risk.advice_close': 'mancati pagamenti reiterati: consigliare al mandante di sospendere le forniture e chiudere il rapporto, proponendo una soluzione per il credito residuo',
  'risk.advice_guarantee': 'chiedere una garanzia (fideiussione bancaria o assicurativa) prima di continuare a fornire',
  'risk.advice_negotiate': 'il cliente ha sempre pagato e attraversa una difficoltà temporanea: negoziare offrendo un piano di rientro',
  'risk.advice_high_exposure': 'esposizione di {amount}, oltre la soglia di {threshold}',
} as const;
