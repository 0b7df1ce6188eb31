import type { riskIt } from './it.ts';

export const riskDe: Record<keyof typeof riskIt, string> = {
  'risk.refreshed': 'incasso: {tenant}, Risikoprofile zum {day}: {profiles} Profile berechnet in {seconds} s',
  'risk.explanation': '{class}: {reasons}',
  'risk.reason_late_recent': '{late} der letzten {recent} Rechnungen mit über {days} Tagen Verspätung bezahlt',
  'risk.reason_plan_lapsed': 'ein Ratenplan {year} hinfällig geworden',
  'risk.reason_plans_lapsed': '{count} Ratenpläne hinfällig, der letzte {year}',
  'risk.reason_promise_broken': 'ein Zahlungsversprechen nicht eingehalten',
  'risk.reason_promises_broken': '{count} Zahlungsversprechen nicht eingehalten',
  'risk.reason_overdue': 'die älteste offene Rechnung ist seit {days} Tagen fällig',
  'risk.reason_on_time_low': 'nur {percent} % der {paid} bezahlten Rechnungen fristgerecht beglichen',
  'risk.reason_worsening': 'Verspätungen nehmen zu: im Mittel {now} Tage in den letzten 12 Monaten gegenüber {before} in den 12 davor',
  'risk.reason_good': 'zahlt pünktlich: {percent} % der {paid} bezahlten Rechnungen fristgerecht beglichen',
  'risk.reason_no_history': 'noch keine Rechnung bezahlt: zu wenig Zahlungshistorie',
  'risk.advice_class': 'Risikoklasse {class}',
  'risk.advice_close': 'wiederholte Nichtzahlung: dem Gläubiger raten, die Lieferungen einzustellen und die Geschäftsbeziehung zu beenden, mit einem Vorschlag für die Restforderung',
  'risk.advice_guarantee': 'vor weiteren Lieferungen eine Sicherheit (Bank- oder Versicherungsbürgschaft) verlangen',
  'risk.advice_negotiate': 'der Kunde hat immer bezahlt und ist vorübergehend in Schwierigkeiten: verhandeln und einen Ratenplan anbieten',
  'risk.advice_high_exposure': 'offener Betrag {amount}, über der Schwelle von {threshold}',
  'risk.no_advice': 'Keine Empfehlung für diesen Schuldner: keine seiner Forderungen ist in der Verhandlungsphase',
};
