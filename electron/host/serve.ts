/**
 * `npm run serve`: the workbench in a browser, on 127.0.0.1 with a per-run token.
 * Options: --db PATH, --port N (0: any free port), --open, --max-file-mb N, --max-files N,
 * --backup-every MINUTES, --backup-keep K.
 * Without --port it listens on 4780, or on a free port when 4780 is taken; a port given with
 * --port that is taken is an error, so two hosts never end up serving one database unnoticed.
 */
import { spawn } from 'node:child_process';
import packageJson from '../../package.json';
import { createApiHandlers } from '../services/api/handlers';
import { UsageError } from '../services/command-line';
import { followHeldWorkbench } from '../services/events/held-events';
import { briefDownloadsOf } from '../services/briefs/export/brief-downloads';
import { exportJobsOf } from '../services/export/export-jobs';
import { bundledFirstScreenThread } from '../services/first-screen/first-screen-thread';
import { answerStartCalls } from '../services/start-page';
import { LANGUAGES } from '../../shared/i18n/languages';
import { DEFAULT_UPLOAD_BYTES, PortInUseError, startBrowserHost } from './browser-host';
import { damagedDatabaseMessage, openHolderAt, RENDERER_DIR } from './open-workbench';
import { maxRequestBodyBytes } from './request-guards';
import { UploadStaging } from './upload-staging';
import { DEFAULT_PORT, parseServeArgs, SERVE_USAGE, type ServeOptions } from './serve-args';

async function main(): Promise<void> {
  let options: ServeOptions;
  try {
    options = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    console.error(SERVE_USAGE);
    process.exit(2);
  }
  const holder = await openHolderAt(options.db, { seed: true, scheduleBackups: true, backup: options.backup });
  // Uploads are streamed to a temp folder by the host and imported from there by the handlers.
  const uploads = new UploadStaging();
  const handlers = createApiHandlers(holder, {
    kind: 'browser',
    appVersion: packageJson.version,
    importLimits: options.importLimits,
    takeUpload: (uploadId) => uploads.take(uploadId),
  });
  // Started now, so that its modules are loaded before the first page is asked for.
  const firstScreen = bundledFirstScreenThread();
  let host;
  try {
    host = await startBrowserHost({
      handlers,
      renderFirstScreen: (request) => firstScreen.render(request),
      rendererDir: RENDERER_DIR,
      port: options.port ?? DEFAULT_PORT,
      fallBackToFreePort: options.port === undefined,
      maxBodyBytes: maxRequestBodyBytes(options.importLimits, DEFAULT_UPLOAD_BYTES),
      uploads,
      importLimits: options.importLimits,
      resolveDownload: (jobId) => {
        const workbench = holder.currentOrNull;
        // Dataset export jobs and exported briefs share the route; their ids are random UUIDs.
        return workbench
          ? (exportJobsOf(workbench).download(jobId) ?? briefDownloadsOf(workbench).download(jobId))
          : null;
      },
      onDownloadServed: (jobId) => {
        const workbench = holder.currentOrNull;
        if (!workbench) return;
        exportJobsOf(workbench).downloadServed(jobId);
        briefDownloadsOf(workbench).served(jobId);
      },
      events: followHeldWorkbench(holder),
    });
  } catch (error) {
    uploads.dispose();
    if (!(error instanceof PortInUseError)) throw error;
    console.error(error.message);
    await holder.close();
    process.exit(2);
  }
  // A damaged database is not opened; the page shows the recovery screen instead of the app.
  if (holder.health().status === 'damaged')
    console.error(`${damagedDatabaseMessage(holder)}\nOr open the URL below to restore a backup in the browser.`);
  else void holder.startBackups();
  // Both languages: the host cannot know the browser's until a page is asked for.
  firstScreen.warmUp(
    answerStartCalls(handlers, () => undefined),
    LANGUAGES,
  );
  console.log(`Marginalia is running at ${host.url}`);
  console.log(`Database: ${holder.databasePath}. Press Ctrl+C to stop.`);
  if (options.open) openInBrowser(host.url);

  const stop = () => {
    void host
      .close()
      .then(() => firstScreen.dispose())
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
