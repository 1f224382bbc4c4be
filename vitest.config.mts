import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Night arithmetic must not depend on the machine's time zone, so the tests that could (files
 * named *.tz.test.ts) run once per zone: UTC, France, the Antilles (UTC−4, no DST) and
 * New Caledonia (UTC+11, no DST). Each run checks first that its zone is really in force.
 */
const ZONES = ['UTC', 'Europe/Paris', 'America/Guadeloupe', 'Pacific/Noumea'];

export default defineConfig({
  plugins: [react()],
  test: {
    globalSetup: ['tests/globalSetup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/main/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/faults/**/*.test.ts', 'tests/partners/**/*.test.ts', 'tests/security/**/*.test.ts'],
          exclude: ['**/*.tz.test.ts'],
          environment: 'node',
          env: { TZ: 'Europe/Paris' },
        },
      },
      ...ZONES.map((zone) => ({
        extends: true as const,
        test: {
          name: `tz:${zone}`,
          include: ['tests/**/*.tz.test.ts'],
          environment: 'node',
          env: { TZ: zone },
        },
      })),
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
