// `npm start`: open the desktop app; where Electron cannot run, say why in one line and open
// the same workbench through the browser host instead.
//
// better-sqlite3 is a native module, and Electron needs it built for Electron's ABI while
// `npm test` needs Node's. The Electron build goes to .native/electron-<version>/ and the main
// process loads it from there (electron/main/native-binding.ts), so node_modules keeps the
// Node build and `npm start` / `npm test` work in either order.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
// --prepare-only builds the Electron-ABI sqlite and exits (used by the Electron e2e test).
const prepareOnly = process.argv.includes('--prepare-only');
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--prepare-only');

// Resolving the electron package downloads its binary on first use; do that in a child whose
// output is kept, so a failure becomes one line instead of a stack trace.
function electronBinary() {
  const resolve = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (resolve.status !== 0) {
    const lines = `${resolve.stderr ?? ''}\n${resolve.stdout ?? ''}`.split('\n').map((line) => line.trim());
    const cause = lines.find((line) => /^\w*Error\b/.test(line)) ?? 'unknown error';
    return { ok: false, why: `its binary is missing and could not be downloaded: ${cause}` };
  }
  const path = resolve.stdout.trim();
  const probe = spawnSync(path, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.status !== 0) {
    return {
      ok: false,
      why: `its binary does not run: ${(probe.stderr || probe.error?.message || 'unknown error').trim().split('\n')[0]}`,
    };
  }
  return { ok: true, path };
}

function ensureElectronSqlite(electronVersion) {
  const prefix = join(root, '.native', `electron-${electronVersion}`);
  const moduleDir = join(prefix, 'node_modules', 'better-sqlite3');
  if (existsSync(join(moduleDir, 'build', 'Release', 'better_sqlite3.node'))) return;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once, about a minute)…`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(dirname(moduleDir), { recursive: true });
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  cpSync(source, moduleDir, {
    recursive: true,
    filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`),
  });
  writeFileSync(
    join(prefix, 'package.json'),
    JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }),
  );
  // A user-level nodedir (Node's headers) would silently build for the wrong ABI: drop it.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  const rebuild = spawnSync(
    process.execPath,
    [
      require.resolve('@electron/rebuild/lib/cli.js'),
      '--force',
      '--only',
      'better-sqlite3',
      '--version',
      electronVersion,
      '--module-dir',
      prefix,
    ],
    { stdio: 'inherit', env },
  );
  if (rebuild.status !== 0) {
    rmSync(prefix, { recursive: true, force: true });
    throw new Error('could not build better-sqlite3 for Electron (see the output above)');
  }
}

function startBrowserHost(reason) {
  console.log(`Electron cannot start here (${reason}); starting the browser host instead.`);
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'serve.js'), '--open', ...passThrough], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = electronBinary();
if (prepareOnly) {
  if (!electron.ok) throw new Error(`Electron cannot run here: ${electron.why}`);
  ensureElectronSqlite(require('electron/package.json').version);
} else if (!electron.ok) {
  startBrowserHost(electron.why);
} else {
  try {
    ensureElectronSqlite(require('electron/package.json').version);
    const child = spawn(electron.path, [root, ...passThrough], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } catch (error) {
    startBrowserHost(String(error.message ?? error));
  }
}
