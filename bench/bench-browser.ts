/** The headless Chromium and page setup every browser benchmark shares. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

const LAUNCH_OPTIONS = {
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

/** Debian's Chromium where it exists (Playwright's own browsers are not installed here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(LAUNCH_OPTIONS);
}

/**
 * The same Chromium on a profile kept in `profileDir` (HTTP cache, V8's code cache, local
 * storage), as a desktop app starts again and again with its own profile.
 */
export function launchPersistentChromium(
  profileDir: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { ...LAUNCH_OPTIONS, viewport });
}

export async function newBenchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  // tsx compiles page functions with esbuild's keepNames, which calls a __name helper.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return page;
}

/**
 * Clicks the article's row in Marginalia's library and resolves with the ms from the press
 * reaching the page to the first frame after the reader registered a span highlight. Both ends
 * are marked `bench-open` in the page's performance timeline, for traces. The clock starts at the
 * press (pointerdown), not the click: the library starts reading the article on the press, and
 * that work belongs to the open (the clock started at the click before branch open, 2026-11-30; the press
 * comes a few ms before it here, where Playwright presses and releases at once).
 */
export async function openInReader(page: Page, articleId: number): Promise<number> {
  const row = page.locator(`tr[data-article-id="${articleId}"] button.link`);
  await row.waitFor();
  // The clock starts when the press reaches the page, not when Playwright begins to act.
  await page.evaluate(() => {
    document.addEventListener(
      'pointerdown',
      () => {
        Object.assign(window, { benchOpenStart: performance.now() });
        performance.mark('bench-open'); // a trace finds the open between this mark and the next
      },
      { capture: true, once: true },
    );
  });
  await row.click();
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          const painted = document.querySelectorAll('.reader__marks [data-h]').length;
          const start = (window as unknown as { benchOpenStart: number }).benchOpenStart;
          if (painted > 0) {
            requestAnimationFrame(() => {
              performance.mark('bench-open');
              resolve(performance.now() - start);
            });
          } else requestAnimationFrame(check);
        };
        check();
      }),
  );
}
