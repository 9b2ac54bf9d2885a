import { formatDate } from '../../shared/format.ts';
import { addDays, periodBounds, type IsoDate, type Month } from '../dates.ts';
import { problem, type Problem } from './problems.ts';

/**
 * Rules about dates. `today` is always the office's date (`today(reg)`: Kazakhstan, UTC+5), passed in, so
 * these stay pure and headquarters checks a package with its own today. Dates are ISO (`YYYY-MM-DD`) and
 * are shown to people as dd.mm.yyyy.
 */

/** A date after the office's today is refused: nothing is admitted, paid or closed tomorrow. */
export function futureProblem(
  date: IsoDate | null | undefined,
  today: IsoDate,
  field: string,
): Problem | null {
  if (!date || date <= today) return null;
  return problem('date.in_future', field, { date: formatDate(date), today: formatDate(today) });
}

/** A month that has not begun (dues are recorded for months that have started). */
export function futureMonthProblem(month: Month | null | undefined, today: IsoDate, field: string) {
  if (!month || month <= today.slice(0, 7)) return null;
  return problem('date.month_in_future', field, { month, today: formatDate(today) });
}

/** Whole years between a birth date and a date (a birthday on 29 February counts on 1 March). */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The union admits from 14; under 16 only with an explicit confirmation. */
export const MIN_ADMISSION_AGE = 14;
export const CONFIRMED_MINOR_AGE = 16;

/**
 * The age rules of an admission: an IIN whose birth date is after today is refused; nobody is admitted
 * before their 14th birthday; between 14 and 16 only when `confirmedMinor` says the office has checked.
 */
export function admissionAgeProblem(
  facts: { iin: string; birthDate: IsoDate },
  admittedOn: IsoDate,
  today: IsoDate,
  confirmedMinor: boolean,
  field = 'admittedOn',
): Problem | null {
  const params = { iin: facts.iin, birthDate: formatDate(facts.birthDate), date: formatDate(admittedOn) };
  if (facts.birthDate > today) return problem('member.iin_birth_in_future', 'iin', params);
  if (admittedOn < facts.birthDate)
    return problem('member.admitted_before_birth', field, { ...params, date: formatDate(admittedOn) });
  const age = ageOn(facts.birthDate, admittedOn);
  if (age < MIN_ADMISSION_AGE) return problem('member.too_young', field, params);
  if (age < CONFIRMED_MINOR_AGE && !confirmedMinor)
    return problem('member.minor_needs_confirmation', field, params);
  return null;
}

/** A decision is taken on an application, never before it. */
export function decisionProblem(
  applicationDate: IsoDate | null | undefined,
  decisionDate: IsoDate | null | undefined,
): Problem | null {
  if (!applicationDate || !decisionDate || decisionDate >= applicationDate) return null;
  return problem('member.decision_before_application', 'decision.date', {
    decisionDate: formatDate(decisionDate),
    applicationDate: formatDate(applicationDate),
  });
}

/** A quarter can be closed from the day after its last day. */
export function quarterEndedProblem(year: number, quarter: number, today: IsoDate): Problem | null {
  const { to } = periodBounds(year, quarter);
  if (addDays(to, 1) <= today) return null;
  return problem('quarter.not_ended', 'quarter', { quarter: `${year}-Q${quarter}`, lastDay: formatDate(to) });
}
