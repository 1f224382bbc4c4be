/**
 * The OTA errors the simulator answers with (OTA code lists: EWT for `Type`, ERR for `Code`).
 * Type 4 is reserved for what the owner must fix (credentials, property code), because the
 * connector stops the channel on it; everything else is type 3, which it retries.
 */
export interface OtaError {
  type: number;
  code: number;
  shortText: string;
  /** The detail, in words, shown to the owner with the code. */
  text: string;
}

export interface OtaWarning {
  type: number;
  shortText: string;
  text: string;
}

const error = (type: number, code: number, shortText: string) => (text: string): OtaError => ({ type, code, shortText, text });

export const errors = {
  credentials: error(4, 497, 'Authorization error'),
  hotelCode: error(4, 392, 'Invalid hotel code'),
  missing: error(3, 321, 'Required field missing'),
  invalid: error(3, 320, 'Invalid value'),
  date: error(3, 15, 'Invalid date'),
  startInPast: error(3, 136, 'Invalid start date'),
  dateRange: error(3, 404, 'Invalid start date-end date combination'),
  roomType: error(3, 402, 'Invalid room type'),
  rateCode: error(3, 249, 'Invalid rate code'),
  currency: error(3, 61, 'Invalid currency code'),
  notFound: error(3, 97, 'Booking reference not found'),
  alreadyCancelled: error(3, 95, 'Booking already cancelled'),
  alreadyConfirmed: error(3, 87, 'Booking already confirmed'),
  system: error(12, 448, 'System error'),
};

/** What a handler found wrong in a request, collected so one answer lists every problem. */
export class Problems {
  readonly list: OtaError[] = [];
  /** Every problem found, including those left out of `list`. */
  total = 0;

  add(problem: OtaError): void {
    this.total++;
    // A request with 500 bad messages would otherwise answer 500 errors; 20 say enough.
    if (this.list.length < 20) this.list.push(problem);
  }

  get none(): boolean {
    return this.total === 0;
  }
}
