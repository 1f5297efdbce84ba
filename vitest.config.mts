import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // better-sqlite3 files in temp folders; two cores, so keep workers modest.
    pool: 'forks',
    maxWorkers: 2,
    // A hang guard, not a speed check: spawned CLIs, workers and jsdom imports take seconds on a
    // busy two-core machine, and speed is measured in bench/, never asserted here.
    testTimeout: 60_000,
  },
});
