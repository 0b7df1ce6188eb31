import type { PaymentsCatalogue } from './it.ts';

export const paymentsDe: PaymentsCatalogue = {
  'payment.already_reversed': 'Zahlung bereits am {date} storniert',
  'payment.reversal_before_value_date': 'Die Stornierung kann nicht vor dem Valutadatum der Zahlung liegen, {date}',
  'payment.reversal_in_future': 'Das Stornodatum liegt in der Zukunft',
  'settlement.public_revenue': 'Saldovergleich für öffentliche Einnahmen oder Steuern nicht zulässig, sofern die Satzung der Körperschaft ihn nicht erlaubt',
  'settlement.amount_range': 'Der Vergleichsbetrag muss grösser als null und kleiner als die Schuld sein, {owed}',
  'settlement.deadline_past': 'Die Frist des Angebots ist bereits abgelaufen',
  'settlement.deadline_too_far': 'Die Frist des Angebots darf spätestens am {date} enden',
  'settlement.beyond_operator': 'Der Nachlass übersteigt die Befugnis des Sachbearbeiters: ein Supervisor muss ihn genehmigen',
  'settlement.below_creditor_minimum': 'Der Betrag liegt unter dem Minimum des Auftraggebers: ein Supervisor muss ihn genehmigen',
  'settlement.not_awaiting_approval': 'Der Vergleich wartet nicht auf Genehmigung (Status {state})',
  'settlement.positions': 'Ungültige Positionen: sie müssen offen sein und zum selben Schuldner, Auftraggeber und zur selben Währung gehören',
  'not_found.settlement': 'Saldovergleich nicht gefunden',
  'settlement.not_open': 'Der Vergleich ist nicht offen (Status {state})',
  'settlement.not_yet_paid': '{paid} von vereinbarten {amount} bezahlt: der Vergleich bleibt bis {deadline} offen',
};
