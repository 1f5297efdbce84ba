/**
 * `npm run serve`: the workbench in a browser, on 127.0.0.1 with a per-run token.
 * Options: --db PATH, --port N (default 4780, or a free one when taken), --open.
 */
import { spawn } from 'node:child_process';
import packageJson from '../../package.json';
import { createApiHandlers } from '../services/api/handlers';
import { exportJobsOf } from '../services/export/export-jobs';
import { importLimitsFromArgs } from '../services/import/limits';
import { argValue } from '../services/paths';
import { startBrowserHost } from './browser-host';
import { openWorkbenchFromArgs, RENDERER_DIR } from './open-workbench';

const DEFAULT_PORT = 4780;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const workbench = await openWorkbenchFromArgs(argv, { seed: true });
  const handlers = createApiHandlers(workbench, {
    kind: 'browser',
    appVersion: packageJson.version,
    importLimits: importLimitsFromArgs(argv),
  });
  const host = await startBrowserHost({
    handlers,
    rendererDir: RENDERER_DIR,
    port: Number(argValue(argv, 'port') ?? DEFAULT_PORT),
    resolveDownload: (jobId) => exportJobsOf(workbench).download(jobId),
    events: workbench.events,
  });
  console.log(`Marginalia is running at ${host.url}`);
  console.log(`Database: ${workbench.databasePath}. Press Ctrl+C to stop.`);
  if (argv.includes('--open')) openInBrowser(host.url);

  const stop = () => {
    void host.close().then(() => {
      exportJobsOf(workbench).dispose();
      workbench.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Best effort: a missing opener only means the user clicks the printed URL. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

void main();
