/**
 * The store watcher on real SQLite: two connections to one temp file, as the app and the
 * command line (or an import worker) have. Polls are stepped with `check()` or fake intervals,
 * never waited for.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STORE_POLL_INTERVAL_MS, StoreWatcher } from '../../../electron/services/events/store-watcher';
import { StoreChangeStore } from '../../../electron/services/store/store-changes';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import type { EventPayload } from '../../../shared/contract/events';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from '../export/fixtures';

const ARTICLE = 'Bộ trưởng Bùi Thanh Sơn đề xuất ba giải pháp. Nguy cơ xung đột vẫn còn.';

describe('store watcher', () => {
  const tempWorkbench = useTempWorkbenches();
  const others: Workbench[] = [];
  afterEach(() => others.splice(0).forEach((workbench) => workbench.close()));

  /** The app's workbench and a second connection to the same file (the "other process"). */
  function twoConnections() {
    const app = tempWorkbench();
    const other = openWorkbench(app.databasePath);
    others.push(other);
    return { app, other };
  }

  function watcherOf(workbench: Workbench, now?: () => Date) {
    const published: EventPayload<'storeChanged'>[] = [];
    const watcher = new StoreWatcher(new StoreChangeStore(workbench.db), (payload) => published.push(payload), now);
    watcher.start();
    return { watcher, published };
  }

  it('sees an annotation committed by another connection, naming its article only', () => {
    const { app, other } = twoConnections();
    const first = addArticle(app, ARTICLE, 'Một');
    const second = addArticle(app, ARTICLE + ' Hai.', 'Hai');
    const { watcher, published } = watcherOf(app);
    expect(watcher.check()).toBeNull();

    annotate(other, second, 'PER', 'Bùi Thanh Sơn');
    expect(watcher.check()).toEqual({ articleIds: [second], library: false });
    expect(published).toEqual([{ articleIds: [second], library: false }]);
    // What the event announces is what the app's connection now reads.
    expect(app.annotations.list(second).map((annotation) => annotation.quote)).toEqual(['Bùi Thanh Sơn']);
    expect(app.annotations.list(first)).toEqual([]);
    // Seen once: the next poll without a new commit reports nothing.
    expect(watcher.check()).toBeNull();
    watcher.stop();
  });

  it('reports articles added by another connection as a library change', () => {
    const { app, other } = twoConnections();
    const { watcher } = watcherOf(app);
    const added = addArticle(other, ARTICLE, 'Mới');
    expect(watcher.check()).toEqual({ articleIds: [added], library: true });
    watcher.stop();
  });

  it('stays quiet about commits on its own connection (data_version moves only for others)', () => {
    const { app } = twoConnections();
    const id = addArticle(app, ARTICLE);
    const { watcher, published } = watcherOf(app);
    annotate(app, id, 'PER', 'Bùi Thanh Sơn');
    expect(watcher.check()).toBeNull();
    expect(published).toEqual([]);
    watcher.stop();
  });

  it('does not report its own writes with the next external commit (absorbed at the poll after them)', () => {
    const { app, other } = twoConnections();
    const mine = addArticle(app, ARTICLE, 'Của tôi');
    const theirs = addArticle(app, ARTICLE + ' Khác.', 'Của họ');
    const { watcher } = watcherOf(app);
    annotate(app, mine, 'PER', 'Bùi Thanh Sơn');
    expect(watcher.check()).toBeNull();
    annotate(other, theirs, 'RISK', 'Nguy cơ xung đột');
    expect(watcher.check()).toEqual({ articleIds: [theirs], library: false });
    watcher.stop();
  });

  it('does not report a local write announced by the pipeline even when an external commit lands in the same poll', () => {
    const { app, other } = twoConnections();
    const mine = addArticle(app, ARTICLE, 'Của tôi');
    const theirs = addArticle(app, ARTICLE + ' Khác.', 'Của họ');
    const { watcher } = watcherOf(app);
    annotate(app, mine, 'PER', 'Bùi Thanh Sơn');
    watcher.noteLocalWrite(mine);
    annotate(other, theirs, 'RISK', 'Nguy cơ xung đột');
    expect(watcher.check()).toEqual({ articleIds: [theirs], library: false });
    watcher.stop();
  });

  it('catches a commit whose timestamp is older than the newest one seen (taken before, committed after)', () => {
    const { app, other } = twoConnections();
    const id = addArticle(app, ARTICLE);
    // The watcher's clock runs two seconds ahead of the writer's.
    const { watcher } = watcherOf(app, () => new Date(Date.now() + 2000));
    annotate(other, id, 'PER', 'Bùi Thanh Sơn');
    expect(watcher.check()).toEqual({ articleIds: [id], library: false });
    watcher.stop();
  });

  it('on the workbench: a pipeline write is published as changesApplied (local), never as storeChanged', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { app, other } = twoConnections();
      const mine = addArticle(app, ARTICLE, 'Của tôi');
      const theirs = addArticle(app, ARTICLE + ' Khác.', 'Của họ');
      const applied: EventPayload<'changesApplied'>[] = [];
      const changed: EventPayload<'storeChanged'>[] = [];
      app.events.subscribe('changesApplied', (payload) => applied.push(payload));
      app.events.subscribe('storeChanged', (payload) => changed.push(payload));
      const created = annotate(app, mine, 'PER', 'Bùi Thanh Sơn');
      annotate(other, theirs, 'RISK', 'Nguy cơ xung đột'); // lands before the next poll
      vi.advanceTimersByTime(STORE_POLL_INTERVAL_MS);

      expect(applied).toHaveLength(1);
      expect(applied[0]).toMatchObject({ source: 'local', articleId: mine, removed: [] });
      expect(applied[0]?.upserted.map((annotation) => annotation.id)).toEqual([created.id]);
      expect(applied[0]?.summary?.annotationCount).toBe(1);
      expect(changed).toEqual([{ articleIds: [theirs], library: false }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('finds changed articles through the index, not by reading every article', () => {
    const app = tempWorkbench();
    const plan = app.db
      .prepare(`EXPLAIN QUERY PLAN SELECT id, updated_at AS updatedAt FROM articles WHERE updated_at >= ?`)
      .all('2026-01-01') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('USING COVERING INDEX articles_by_updated_at');
  });

  it('on the workbench: polls only while someone listens, publishes storeChanged, stops on close', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { app, other } = twoConnections();
      const id = addArticle(app, ARTICLE);
      const seen: EventPayload<'storeChanged'>[] = [];
      const unsubscribe = app.events.subscribe('storeChanged', (payload) => seen.push(payload));
      annotate(other, id, 'PER', 'Bùi Thanh Sơn');
      vi.advanceTimersByTime(STORE_POLL_INTERVAL_MS * 2);
      expect(seen).toEqual([{ articleIds: [id], library: false }]);
      expect(app.annotations.list(id).map((annotation) => annotation.quote)).toEqual(['Bùi Thanh Sơn']);

      unsubscribe();
      expect(vi.getTimerCount()).toBe(0);
      app.events.subscribe('storeChanged', (payload) => seen.push(payload));
      expect(vi.getTimerCount()).toBe(1);
      app.close();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
