import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PortInUseError, startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { parseServeArgs } from '../../../electron/host/serve-args';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { UsageError } from '../../../electron/services/command-line';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/limits';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const openWorkbench = useTempWorkbenches();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Another program holding a port on 127.0.0.1. */
async function occupyPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

async function startHost(port: number, fallBackToFreePort?: boolean): Promise<BrowserHost> {
  const workbench = openWorkbench();
  const rendererDir = join(workbench.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
  const host = await startBrowserHost({
    handlers: createApiHandlers(workbench, { kind: 'browser', appVersion: '0.0.0-test' }),
    rendererDir,
    port,
    ...(fallBackToFreePort === undefined ? {} : { fallBackToFreePort }),
    log: () => undefined,
  });
  closers.push(() => host.close());
  return host;
}

describe('serve --port on a taken port silently moved to a random port (issue 9)', () => {
  it('an explicit port that is taken is an error naming the port, and nothing listens', async () => {
    const taken = await occupyPort();
    const attempt = startHost(taken);
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(`Port ${taken} is already in use`);
  });

  it('only the default port falls back to a free one', async () => {
    const taken = await occupyPort();
    const host = await startHost(taken, true);
    expect(host.port).not.toBe(taken);
    expect(host.port).toBeGreaterThan(0);
  });
});

describe('serve arguments (parseArgs)', () => {
  const usageError = (argv: string[]): string => {
    try {
      parseServeArgs(argv);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    }
    throw new Error(`accepted: ${argv.join(' ')}`);
  };

  it('--port abc is a clear error, not NaN', () => {
    expect(usageError(['--port', 'abc'])).toBe('--port must be a whole number from 0 to 65535, not "abc".');
    expect(usageError(['--port=70000'])).toBe('--port must be a whole number from 0 to 65535, not "70000".');
    expect(usageError(['--port', '80.5'])).toMatch(/^--port must be a whole number/);
    expect(usageError(['--port'])).toBe('--port needs a value.');
  });

  it('names unknown flags and stray arguments', () => {
    expect(usageError(['--prot', '4000'])).toBe('Unknown option: --prot');
    expect(usageError(['4000'])).toBe('Unexpected argument: 4000');
  });

  it('reads every option, in both spellings', () => {
    expect(parseServeArgs([])).toEqual({
      db: undefined,
      port: undefined,
      open: false,
      importLimits: DEFAULT_IMPORT_LIMITS,
      backup: { intervalMinutes: 10, keep: 10 },
    });
    const options = parseServeArgs([
      '--db=/tmp/x.db',
      '--port',
      '0',
      '--open',
      '--max-files',
      '5',
      '--backup-every=0',
      '--backup-keep',
      '3',
    ]);
    expect(options).toMatchObject({
      db: '/tmp/x.db',
      port: 0,
      open: true,
      importLimits: { maxFiles: 5 },
      backup: { intervalMinutes: 0, keep: 3 },
    });
    expect(() => parseServeArgs(['--backup-keep', '0'])).toThrow('--backup-keep must be');
  });
});
