/**
 * The demo property the simulator runs with unless told otherwise: what the owner would find in
 * Alma Heritage's connection e-mail.
 */
import type { AlmaProperty } from './state';

export const DEMO_PROPERTY: AlmaProperty = {
  hotelCode: 'AH-1234',
  userName: 'gite-des-lilas',
  password: 'alma-demo-2026',
  rooms: {
    'CH-ROSE': ['STD'],
    'CH-LILAS': ['STD', 'NR'],
  },
};
