/**
 * Packaging cannot run here (no Electron download), so this checks what it would be given:
 * electron-builder.yml is valid for electron-builder's own schema, flips the fuses, ships an asar
 * with the native module outside it, builds the four installers, and names only files that exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..', '..');
const CONFIG_FILE = 'electron-builder.yml';
const config = parse(readFileSync(join(ROOT, CONFIG_FILE), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const isGlob = (pattern: string): boolean => /[*?{[]/.test(pattern);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation (its JSON schema: no misspelt keys)", async () => {
    // electron-builder's loader and validator, as `electron-builder` runs them before packaging.
    const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config');
    const { DebugLogger } = await import('builder-util');
    const loaded = await getConfig(ROOT, CONFIG_FILE, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  }, 60_000); // loading electron-builder takes seconds on a busy machine

  it('flips the fuses that lock the binary down', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs an asar and keeps the native SQLite module outside it', () => {
    expect(config.asar).toBe(true);
    const nativeModule = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(existsSync(join(ROOT, nativeModule))).toBe(true);
    expect((config.asarUnpack as string[]).some((pattern) => matchesGlob(nativeModule, pattern))).toBe(true);
    expect(packageJson.dependencies['better-sqlite3']).toMatch(/^12\./);
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('names only files that exist', () => {
    const files = config.files as string[];
    for (const file of files.filter((pattern) => !isGlob(pattern)))
      expect(existsSync(join(ROOT, file)), file).toBe(true);
    // out/** is the build output: the package's entry point must be inside it.
    expect(files.some((pattern) => matchesGlob(packageJson.main, pattern))).toBe(true);
    expect(packageJson.main).toBe('out/main/index.js');

    expect(existsSync(join(ROOT, config.directories.buildResources, 'icon.png'))).toBe(true);
    for (const resource of config.extraResources as { from: string; filter: string[] }[]) {
      const matching = readdirSync(join(ROOT, resource.from)).filter((name) =>
        resource.filter.some((pattern) => matchesGlob(name, pattern)),
      );
      expect(matching.length, resource.from).toBeGreaterThan(0);
    }
  });

  it('ships no UI package as a runtime dependency (the renderer is bundled; the asar stays small)', () => {
    for (const name of ['react', 'react-dom', 'lexical', '@lexical/react', 'zustand']) {
      expect(packageJson.dependencies[name], name).toBeUndefined();
    }
  });
});
