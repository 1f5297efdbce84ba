/**
 * `npm run serve`: the workbench in a browser, on 127.0.0.1 with a per-run token.
 * Options: --db PATH, --port N (default 4780, or a free one when taken), --open,
 * --backup-every MINUTES, --backup-keep K.
 */
import { spawn } from 'node:child_process';
import packageJson from '../../package.json';
import { createApiHandlers } from '../services/api/handlers';
import { followHeldWorkbench } from '../services/events/held-events';
import { exportJobsOf } from '../services/export/export-jobs';
import { importLimitsFromArgs } from '../services/import/limits';
import { argValue } from '../services/paths';
import { DEFAULT_UPLOAD_BYTES, startBrowserHost } from './browser-host';
import { maxRequestBodyBytes } from './request-guards';
import { damagedDatabaseMessage, openHolderFromArgs, RENDERER_DIR } from './open-workbench';

const DEFAULT_PORT = 4780;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const holder = await openHolderFromArgs(argv, { seed: true, scheduleBackups: true });
  const importLimits = importLimitsFromArgs(argv);
  const handlers = createApiHandlers(holder, { kind: 'browser', appVersion: packageJson.version, importLimits });
  const host = await startBrowserHost({
    handlers,
    rendererDir: RENDERER_DIR,
    port: Number(argValue(argv, 'port') ?? DEFAULT_PORT),
    maxBodyBytes: maxRequestBodyBytes(importLimits, DEFAULT_UPLOAD_BYTES),
    resolveDownload: (jobId) => {
      const workbench = holder.currentOrNull;
      return workbench ? exportJobsOf(workbench).download(jobId) : null;
    },
    onDownloadServed: (jobId) => {
      const workbench = holder.currentOrNull;
      if (workbench) exportJobsOf(workbench).downloadServed(jobId);
    },
    events: followHeldWorkbench(holder),
  });
  // A damaged database is not opened; the page shows the recovery screen instead of the app.
  if (holder.health().status === 'damaged')
    console.error(`${damagedDatabaseMessage(holder)}\nOr open the URL below to restore a backup in the browser.`);
  else void holder.startBackups();
  console.log(`Marginalia is running at ${host.url}`);
  console.log(`Database: ${holder.databasePath}. Press Ctrl+C to stop.`);
  if (argv.includes('--open')) openInBrowser(host.url);

  const stop = () => {
    void host
      .close()
      .then(() => holder.close())
      .then(() => process.exit(0));
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
