/**
 * OTA_HotelResNotifRQ: the owner's answer to an on-request booking, ResStatus="Commit"
 * (accept) or "Cancel" (refuse). The same answer twice is harmless (Success with a warning,
 * counted); the opposite answer, or an answer to a reservation that is not awaiting one, is
 * refused: 95 when it is cancelled or refused, 87 when it is confirmed.
 */
import { errors, Problems, type OtaError, type OtaWarning } from '../errors';
import { releaseStock } from '../guest';
import type { OwnerDecision, Reservation } from '../state';
import { nth, required, type Handler } from './common';
import { almaNumber, fileNumber } from './ids';

interface Answer {
  number: string;
  fileNumber: string | null;
  repeat: boolean;
}

export const handleResNotif: Handler = (root, state) => {
  const problems = new Problems();
  const decision = required(root, 'ResStatus', root.name, problems);
  if (decision !== undefined && decision !== 'Commit' && decision !== 'Cancel') problems.add(errors.invalid(`${root.name} ResStatus="${decision}" is not Commit or Cancel`));
  const reservations = root.at('HotelReservations')?.all('HotelReservation') ?? [];
  if (reservations.length === 0) problems.add(errors.missing('HotelReservations has no HotelReservation'));
  if (!problems.none) return { errors: problems.list };
  const answer = decision as OwnerDecision;

  const answers: Answer[] = [];
  reservations.forEach((element, index) => {
    const where = nth('HotelReservation', index);
    const number = almaNumber(element, where, problems);
    const ours = fileNumber(element, where, true, problems);
    if (number === undefined || ours === undefined) return;
    const reservation = state.reservation(number);
    if (!reservation) return problems.add(errors.notFound(`${where}: no reservation ${number}`));
    const refusal = refuse(reservation, answer);
    if (refusal) return problems.add(refusal);
    answers.push({ number, fileNumber: ours, repeat: reservation.status !== 'requested' });
  });
  if (!problems.none) return { errors: problems.list };

  const warnings: OtaWarning[] = [];
  for (const { number, fileNumber: ours, repeat } of answers) {
    state.recordDecision(number, answer, ours);
    if (repeat) {
      warnings.push({ type: 11, shortText: 'Already answered', text: `${number} was already ${answer === 'Commit' ? 'confirmed' : 'refused'}` });
      continue;
    }
    if (answer === 'Commit') {
      state.updateReservation(number, { status: 'confirmed' });
    } else {
      state.updateReservation(number, { status: 'refused' });
      releaseStock(state, state.reservation(number)!);
    }
  }
  return { content: {}, warnings };
};

/** Why this answer cannot apply to this reservation; null when it can (or is a repeat). */
function refuse(reservation: Reservation, answer: OwnerDecision): OtaError | null {
  const { number, status } = reservation;
  switch (status) {
    case 'requested':
      return null;
    case 'confirmed':
      return answer === 'Commit' ? null : errors.alreadyConfirmed(`${number} is already confirmed`);
    case 'refused':
      return answer === 'Cancel' ? null : errors.alreadyCancelled(`${number} was refused by the owner`);
    case 'cancelled':
      return errors.alreadyCancelled(`${number} is cancelled`);
    case 'booked':
      return errors.alreadyConfirmed(`${number} is a confirmed booking, not an on-request one`);
  }
}
