// Before the Node tests: make sure node_modules holds a better-sqlite3 built for this Node.
// `npm start` never touches it (Electron's build lives in .native/), but a manual
// `electron-rebuild` or a Node upgrade would; then rebuild instead of failing every test.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  const message = String(error?.message ?? error);
  if (
    !/NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF|Could not locate the bindings/.test(
      message,
    )
  ) {
    throw error;
  }
  console.log(`better-sqlite3 is not built for Node ${process.version}; rebuilding it (about a minute)…`);
  const result = spawnSync('npm', ['rebuild', 'better-sqlite3'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  process.exit(result.status ?? 1);
}
