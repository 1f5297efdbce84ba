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
  },
});
