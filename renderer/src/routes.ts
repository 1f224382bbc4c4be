/**
 * The page's views as hash routes (#/planning, #/reservations/12 …): a link can be bookmarked
 * or reloaded, and no router library is needed for a handful of views.
 */
import { isNight, type Night } from '../../shared/nights';

export type Route =
  | { view: 'planning' }
  | { view: 'reservations' }
  | { view: 'file'; id: number }
  | { view: 'newBooking'; unitId?: number; arrival?: Night; departure?: Night }
  | { view: 'editBooking'; id: number }
  | { view: 'channels' }
  | { view: 'alerts' }
  | { view: 'payouts' }
  | { view: 'settings' };

export type View = Route['view'];

const SIMPLE: View[] = ['planning', 'reservations', 'channels', 'payouts', 'alerts', 'settings'];

function positiveId(text: string | undefined): number | null {
  if (!text || !/^\d{1,9}$/.test(text)) return null;
  const id = Number(text);
  return id > 0 ? id : null;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (first === 'reservations' && second === 'new') {
    const params = new URLSearchParams(query);
    const unitId = positiveId(params.get('unit') ?? undefined);
    const arrival = params.get('arrival');
    const departure = params.get('departure');
    return {
      view: 'newBooking',
      ...(unitId ? { unitId } : {}),
      ...(isNight(arrival) ? { arrival } : {}),
      ...(isNight(departure) ? { departure } : {}),
    };
  }
  if (first === 'reservations' && second) {
    const id = positiveId(second);
    if (id && third === 'edit') return { view: 'editBooking', id };
    if (id && !third) return { view: 'file', id };
  }
  if (parts.length === 1 && SIMPLE.includes(first as View)) return { view: first as Exclude<View, 'file' | 'newBooking' | 'editBooking'> } as Route;
  return { view: 'planning' };
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'file':
      return `#/reservations/${route.id}`;
    case 'editBooking':
      return `#/reservations/${route.id}/edit`;
    case 'newBooking': {
      const params = new URLSearchParams();
      if (route.unitId) params.set('unit', String(route.unitId));
      if (route.arrival) params.set('arrival', route.arrival);
      if (route.departure) params.set('departure', route.departure);
      const query = params.toString();
      return `#/reservations/new${query ? `?${query}` : ''}`;
    }
    default:
      return `#/${route.view}`;
  }
}

/** Which entry of the navigation a view belongs to. */
export function sectionOf(view: View): View {
  if (view === 'file' || view === 'newBooking' || view === 'editBooking') return 'reservations';
  return view;
}
