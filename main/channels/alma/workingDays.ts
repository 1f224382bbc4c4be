/**
 * "Within 7 working days" (seed 000: "dans les 7 jours ouvrés") the connection e-mail and the
 * contract arrive after the channel is opened. Working days (jours ouvrés) are Monday to
 * Friday, less France's national public holidays (Code du travail L3133-1: 1 January, Easter
 * Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November,
 * 25 December).
 *
 * The request day does not count, as with any French "délai": day 1 is the first working day
 * after the day of the request. A request on a Friday evening, or on a Saturday, has Monday as
 * day 1; a request on a Monday has Tuesday. The day of the request is read in Europe/Paris,
 * where Alma Heritage's team works, whatever the machine's zone.
 *
 * The holidays come from date-holidays (maintained, offline, computes Easter and the days that
 * follow it), national ones only: Alsace-Moselle's extra days (Good Friday, 26 December) are
 * local, and Alma Heritage's team is not bound by them.
 */
import Holidays from 'date-holidays';
import { ALMA_WORKING_DAYS_TO_ANSWER } from '../../../shared/alma';
import { addDays, isWeekend, nightAt, type Night } from '../../../shared/nights';

const PARIS = 'Europe/Paris';

let calendar: Holidays | null = null;
const byYear = new Map<number, Set<Night>>();

/** France's national public holidays of one year, as nights. */
export function frenchPublicHolidays(year: number): Set<Night> {
  let days = byYear.get(year);
  if (!days) {
    calendar ??= new Holidays('FR', { timezone: PARIS, types: ['public'] });
    // `date` is the local calendar date ("2027-07-14 00:00:00"), so no time zone is involved.
    days = new Set(calendar.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    byYear.set(year, days);
  }
  return days;
}

export function isFrenchPublicHoliday(night: Night): boolean {
  return frenchPublicHolidays(Number(night.slice(0, 4))).has(night);
}

export function isWorkingDay(night: Night): boolean {
  return !isWeekend(night) && !isFrenchPublicHoliday(night);
}

/** The `count`-th working day after `from` (which itself never counts). */
export function addWorkingDays(from: Night, count: number): Night {
  let night = from;
  for (let done = 0; done < count; ) {
    night = addDays(night, 1);
    if (isWorkingDay(night)) done++;
  }
  return night;
}

/** The date by which Alma Heritage's e-mail and contract should have arrived, for a request made at `requestedAt`. */
export function almaAnswerDueBy(requestedAt: Date, workingDays: number = ALMA_WORKING_DAYS_TO_ANSWER): Night {
  return addWorkingDays(nightAt(requestedAt, PARIS), workingDays);
}
