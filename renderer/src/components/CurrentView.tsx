import type { Route } from '../routes';
import { AlertsPage } from './alerts/AlertsPage';
import { ChannelsPage } from './channels/ChannelsPage';
import { PayoutsPage } from './payouts/PayoutsPage';
import { PlanningPage } from './planning/PlanningPage';
import { BookingPage } from './reservations/BookingPage';
import { ReservationFilePage } from './reservations/ReservationFilePage';
import { ReservationsPage } from './reservations/ReservationsPage';
import { SettingsPage } from './settings/SettingsPage';

/** The view the route names. */
export function CurrentView({ route }: { route: Route }) {
  switch (route.view) {
    case 'planning':
      return <PlanningPage />;
    case 'reservations':
      return <ReservationsPage />;
    case 'file':
      return <ReservationFilePage id={route.id} />;
    case 'newBooking':
      return <BookingPage mode="create" unitId={route.unitId} arrival={route.arrival} departure={route.departure} />;
    case 'editBooking':
      return <BookingPage mode="edit" id={route.id} />;
    case 'channels':
      return <ChannelsPage />;
    case 'alerts':
      return <AlertsPage />;
    case 'payouts':
      return <PayoutsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}
