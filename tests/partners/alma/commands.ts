/**
 * The simulator's console commands (`npm run partner:alma`): what a tester types to play Alma
 * Heritage's side — a guest booking, a cancellation, a failure — while Pigeonnier runs against
 * it. A developer tool, so its words are plain English · French, not the app's i18n.
 */
import { addDays, centsToEuros, isNight, nightsFromTo } from './dates';
import { isFailureKind, FAILURE_KINDS } from './failures';
import { AlmaBookingRefused, MESSAGE_NAMES, type AlmaSimulator, type MessageName } from './server';
import type { AlmaEvent } from './state';

export interface CommandResult {
  output: string;
  quit?: boolean;
}

export const HELP = `Commands · Commandes
  book <room>[:<rate>] <arrival> <departure> [name]     a guest books · un client réserve (Book)
  request <room>[:<rate>] <arrival> <departure> [name]  on request · sur demande (Request)
  cancel <number>                                       the guest cancels · le client annule (Cancel)
  modify <number> <arrival> <departure>                 Alma changes the dates · Alma modifie les dates (Modify)
  fail <n> <kind> [message]                             the next n requests fail · les n prochaines requêtes échouent
    kinds · types: ${FAILURE_KINDS.join(', ')}
    message: ${MESSAGE_NAMES.join(', ')}
  offline | online                                      Alma unreachable or back · Alma injoignable ou de retour
  state [first night] [last night]                      Alma's inventory · l'inventaire chez Alma (14 nights · nuits)
  events                                                reservation events · évènements de réservation
  decisions                                             the owner's answers · réponses du propriétaire
  requests [n]                                          last n requests received · n dernières requêtes reçues
  help                                                  this list · cette liste
  quit                                                  stop · arrêter
Dates YYYY-MM-DD; departure = the day the guest leaves · départ = le jour où le client part.`;

export async function runCommand(sim: AlmaSimulator, line: string): Promise<CommandResult> {
  const [command = '', ...args] = line.trim().split(/\s+/);
  try {
    switch (command.toLowerCase()) {
      case '':
        return { output: '' };
      case 'help':
      case '?':
        return { output: HELP };
      case 'quit':
      case 'exit':
        return { output: 'Bye · Au revoir', quit: true };
      case 'book':
      case 'request':
        return { output: bookCommand(sim, command.toLowerCase() === 'request', args) };
      case 'cancel':
        return { output: cancelCommand(sim, args) };
      case 'modify':
        return { output: modifyCommand(sim, args) };
      case 'fail':
        return { output: failCommand(sim, args) };
      case 'offline':
        await sim.setOffline(true);
        return { output: 'Offline: connections refused · Hors ligne : connexions refusées' };
      case 'online':
        await sim.setOffline(false);
        return { output: `Online again · De nouveau en ligne: ${sim.url}` };
      case 'state':
        return { output: stateCommand(sim, args) };
      case 'events':
        return { output: eventsCommand(sim) };
      case 'decisions':
        return { output: decisionsCommand(sim) };
      case 'requests':
        return { output: requestsCommand(sim, args) };
      default:
        return { output: `Unknown command · Commande inconnue: ${command} (help)` };
    }
  } catch (error) {
    if (error instanceof AlmaBookingRefused) return { output: `Refused · Refusé: ${error.message} (${error.reason})` };
    return { output: `Error · Erreur: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function usage(text: string): never {
  throw new Error(`usage: ${text}`);
}

function bookCommand(sim: AlmaSimulator, onRequest: boolean, args: string[]): string {
  const [target, arrival, departure, ...name] = args;
  if (!target || !arrival || !departure) usage(`${onRequest ? 'request' : 'book'} <room>[:<rate>] <arrival> <departure> [guest name]`);
  const [room = '', rateGiven] = target.split(':');
  const rate = rateGiven ?? sim.property.rooms[room]?.[0] ?? '';
  const guest = name.length > 0 ? name.join(' ') : 'Claire Dubois';
  const number = sim.book({ room, rate, arrival, departure, guest, guests: 2, email: 'claire.dubois@example.fr', phone: '+33 6 12 34 56 78', onRequest });
  const reservation = sim.reservation(number)!;
  const what = onRequest ? 'On request · Demande' : 'Booked · Réservé';
  return `${what} ${number}: ${room} ${rate} ${arrival} → ${departure}, ${guest}, ${centsToEuros(reservation.amountCents)} EUR — event · évènement ${onRequest ? 'Request' : 'Book'}`;
}

function cancelCommand(sim: AlmaSimulator, args: string[]): string {
  const [number] = args;
  if (!number) usage('cancel <number>');
  sim.cancel(number);
  return `Cancelled · Annulé ${number} — event · évènement Cancel`;
}

function modifyCommand(sim: AlmaSimulator, args: string[]): string {
  const [number, arrival, departure] = args;
  if (!number || !arrival || !departure) usage('modify <number> <arrival> <departure>');
  sim.modify(number, { arrival, departure });
  return `Modified · Modifié ${number}: ${arrival} → ${departure} — event · évènement Modify`;
}

function failCommand(sim: AlmaSimulator, args: string[]): string {
  const [count, kind, message] = args;
  const times = Number(count);
  if (!Number.isSafeInteger(times) || times < 1 || !kind) usage(`fail <n> <${FAILURE_KINDS.join('|')}> [message]`);
  if (!isFailureKind(kind)) throw new Error(`unknown kind · type inconnu: ${kind} (${FAILURE_KINDS.join(', ')})`);
  if (message !== undefined && !(MESSAGE_NAMES as string[]).includes(message)) throw new Error(`unknown message · message inconnu: ${message} (${MESSAGE_NAMES.join(', ')})`);
  sim.failNext(times, kind, message as MessageName | undefined);
  return `Next ${times} ${message ?? 'request(s)'} will fail with ${kind} · Les ${times} prochaine(s) requête(s) ${message ?? ''} échoueront (${kind})`.replace(/\s+/g, ' ');
}

function stateCommand(sim: AlmaSimulator, args: string[]): string {
  const first = args[0] ?? sim.state.today;
  if (!isNight(first)) usage('state [first night] [last night] (YYYY-MM-DD)');
  const last = args[1] ?? addDays(first, 13);
  if (!isNight(last)) usage('state [first night] [last night] (YYYY-MM-DD)');
  const nights = nightsFromTo(first, last);
  if (nights.length === 0 || nights.length > 92) usage('state [first night] [last night]: 1 to 92 nights · 1 à 92 nuits');
  const snapshot = sim.state.inventorySnapshot(first, last);
  const lines = [`Alma's inventory · Inventaire chez Alma, ${first} → ${last} (stock; per rate · par tarif: price, min stay, closed/CTA/CTD)`];
  for (const night of nights) {
    for (const [room, byNight] of Object.entries(snapshot)) {
      const cell = byNight[night]!;
      const plans = Object.entries(cell.plans).map(([rate, p]) => {
        const price = p.amountCents === null ? '—' : `${centsToEuros(p.amountCents)}€`;
        const flags = [p.closed && 'closed', p.closedToArrival && 'CTA', p.closedToDeparture && 'CTD'].filter(Boolean).join(' ');
        return `${rate} ${price}${p.minStay !== null ? ` min ${p.minStay}` : ''}${flags ? ` ${flags}` : ''}`;
      });
      lines.push(`  ${night}  ${room.padEnd(10)} stock ${cell.bookingLimit ?? '—'}  ${plans.join(' | ')}`);
    }
  }
  return lines.join('\n');
}

function eventsCommand(sim: AlmaSimulator): string {
  const events = sim.events();
  if (events.length === 0) return 'No events · Aucun évènement';
  return events.map(describeEvent).join('\n');
}

function describeEvent(e: AlmaEvent): string {
  const r = e.reservation;
  const ack = e.ackCount > 0 ? `acked ${e.ackCount}× · acquitté, file ${e.fileNumber ?? '—'}` : 'not acked · non acquitté';
  return `${e.number}  ${e.resStatus.padEnd(7)} ${e.createDateTime}  ${r.room} ${r.rate} ${r.arrival} → ${r.departure}  ${r.guest}  delivered ${e.deliveredCount}× · livré, ${ack}`;
}

function decisionsCommand(sim: AlmaSimulator): string {
  const decisions = sim.decisions();
  if (decisions.length === 0) return 'No answers from the owner · Aucune réponse du propriétaire';
  return decisions.map((d) => `${d.number}  ${d.decision}  ${d.count}×  file ${d.fileNumber ?? '—'}  ${d.at}`).join('\n');
}

function requestsCommand(sim: AlmaSimulator, args: string[]): string {
  const count = args[0] === undefined ? 20 : Number(args[0]);
  if (!Number.isSafeInteger(count) || count < 1) usage('requests [n]');
  const requests = sim.requests().slice(-count);
  if (requests.length === 0) return 'No requests yet · Aucune requête reçue';
  return requests.map(describeRequest).join('\n');
}

export function describeRequest(r: ReturnType<AlmaSimulator['requests']>[number]): string {
  const detail = r.failure ?? (r.errorCodes.length > 0 ? `codes ${r.errorCodes.join(',')}` : r.httpStatus !== 200 ? `HTTP ${r.httpStatus}` : '');
  return `${r.at}  ${r.message ?? '(not a message)'}  ${r.outcome}${detail ? ` ${detail}` : ''}`;
}
