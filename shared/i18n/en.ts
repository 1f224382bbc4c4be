/**
 * English messages. The French file must have exactly the same keys (the type checks it).
 * `errors.*` and `warnings.*` are the keys the service returns; `app.*` is the page's own text.
 */
export const en = {
  errors: {
    invalidInput: 'Some fields need correcting.',
    internal: 'Something went wrong inside Pigeonnier. Nothing was changed; please try again.',
    unknownCall: 'Unknown request "{{name}}".',
    unauthorized: 'This link needs the secret token printed when Pigeonnier started.',
    network: 'Pigeonnier cannot be reached. Is it still running?',
    required: 'Required.',
    invalidType: 'Not a valid value.',
    invalidValue: 'Not a valid value.',
    format: 'Not in the expected format.',
    choice: 'Choose one of the options offered.',
    unknownField: 'Unexpected field: {{keys}}.',
    tooSmall: 'Must be at least {{limit}}.',
    tooBig: 'Must be at most {{limit}}.',
    tooLong: 'Too long.',
    id: 'Not a valid identifier.',
    integer: 'Must be a whole number.',
    amount: 'Not a valid amount.',
    amountNegative: 'An amount cannot be negative.',
    night: 'Not a valid date (YYYY-MM-DD).',
    rangeInverted: 'The last night is before the first.',
    rangeTooLong: 'At most {{max}} days at once.',
    departureNotAfterArrival: 'Departure must be after arrival.',
    stayTooLong: 'A stay cannot be longer than {{max}} nights. Check the year.',
    email: 'Not a valid e-mail address.',
    phone: 'Not a valid phone number.',
    country: 'A two-letter country code, such as FR.',
    timeZone: 'Unknown time zone.',
    capacityMin: 'A room sleeps at least one guest.',
    stockNegative: 'Stock cannot be negative.',
    minStayMin: 'The minimum stay is at least one night.',
    guestsMin: 'At least one guest.',
    guestsOverCapacity: 'This room sleeps {{capacity}} at most.',
    nothingToChange: 'Nothing to change.',
    unknownUnit: 'This room does not exist (any more).',
    unknownReservation: 'This reservation file does not exist.',
    unknownAlert: 'This alert does not exist.',
    alreadyClosed: 'This file is already {{status}}.',
    overbooking:
      '{{unit}} has nothing left to sell on {{nights}} of these nights ({{firstNight}} to {{lastNight}}). Booking it would be an overbooking.',
  },
  warnings: {
    minStay: 'The minimum stay from this arrival is {{nights}} nights.',
    closedToArrival: 'Arrivals are closed on {{night}}.',
    closedToDeparture: 'Departures are closed on {{night}}.',
  },
  alerts: {
    overbooking: 'Overbooking in {{unit}}: {{nights}} night(s) from {{firstNight}} sold more than once.',
  },
  statuses: {
    pending: 'On request',
    confirmed: 'Confirmed',
    cancelled: 'Cancelled',
    refused: 'Refused',
  },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type MessageTree = Messages<typeof en>;
