/**
 * What every message handler shares: its signature, and the checks a strict partner runs on
 * the pieces that recur (required attributes, single elements, the hotel code, an inventory
 * message's StatusApplicationControl). Handlers check the whole request first and change the
 * state only when nothing is wrong: a refused request changes nothing, ever.
 */
import { compareNights, isNight, nightsFromTo, type Night } from '../dates';
import { errors, type OtaError, type OtaWarning, type Problems } from '../errors';
import type { AlmaState } from '../state';
import type { Element, XmlContent } from '../xml';

export type Outcome = { errors: OtaError[] } | { content: XmlContent; warnings?: OtaWarning[] };

export type Handler = (root: Element, state: AlmaState) => Outcome;

/** The attribute's value; a problem (321) when absent or blank. */
export function required(element: Element, attribute: string, where: string, problems: Problems): string | undefined {
  const value = element.attr(attribute);
  if (value === undefined || value.trim() === '') {
    problems.add(errors.missing(`${where} has no ${attribute}`));
    return undefined;
  }
  return value;
}

/** The one child called `name`; a problem when absent (321) or repeated (320). */
export function single(parent: Element, name: string, where: string, problems: Problems): Element | undefined {
  const found = parent.all(name);
  if (found.length === 0) problems.add(errors.missing(`${where} has no ${name}`));
  else if (found.length > 1) problems.add(errors.invalid(`${where} has ${found.length} ${name}, one expected`));
  return found.length === 1 ? found[0] : undefined;
}

/** Requires `attribute` to be exactly `expected`. */
export function exactly(element: Element, attribute: string, expected: string, where: string, problems: Problems): boolean {
  const value = required(element, attribute, where, problems);
  if (value === undefined) return false;
  if (value !== expected) {
    problems.add(errors.invalid(`${where} ${attribute}="${value}", expected "${expected}"`));
    return false;
  }
  return true;
}

export function checkHotelCode(element: Element, where: string, state: AlmaState, problems: Problems): void {
  const code = required(element, 'HotelCode', where, problems);
  if (code !== undefined && code !== state.property.hotelCode) problems.add(errors.hotelCode(`Unknown property ${code}`));
}

export interface Control {
  room: string;
  rate: string | undefined;
  nights: Night[];
}

/**
 * An inventory message's StatusApplicationControl: Start and End are nights, both included;
 * End before Start, Start before the partner's today, an unknown room or rate plan are refused.
 */
export function checkControl(control: Element, where: string, state: AlmaState, problems: Problems): Control | undefined {
  const start = required(control, 'Start', where, problems);
  const end = required(control, 'End', where, problems);
  const room = required(control, 'InvTypeCode', where, problems);
  const rate = control.attr('RatePlanCode');
  let datesOk = start !== undefined && end !== undefined;
  for (const [name, value] of [['Start', start], ['End', end]] as const) {
    if (value !== undefined && !isNight(value)) {
      problems.add(errors.date(`${where} ${name}="${value}" is not a date YYYY-MM-DD`));
      datesOk = false;
    }
  }
  if (datesOk && compareNights(end!, start!) < 0) {
    problems.add(errors.dateRange(`${where} End ${end} is before Start ${start}`));
    datesOk = false;
  }
  if (datesOk && compareNights(start!, state.today) < 0) {
    problems.add(errors.startInPast(`${where} Start ${start} is in the past (today is ${state.today})`));
    datesOk = false;
  }
  let roomOk = room !== undefined;
  if (room !== undefined && !state.hasRoom(room)) {
    problems.add(errors.roomType(`${where} unknown room type ${room}`));
    roomOk = false;
  }
  if (rate !== undefined && roomOk && !state.hasRate(room!, rate)) {
    problems.add(errors.rateCode(`${where} unknown rate plan ${rate} for room type ${room}`));
    roomOk = false;
  }
  if (!datesOk || !roomOk) return undefined;
  return { room: room!, rate, nights: nightsFromTo(start!, end!) };
}

/** Ordinals for messages: "AvailStatusMessage #3". */
export function nth(name: string, index: number): string {
  return `${name} #${index + 1}`;
}
