import type { EventPayload } from '../../../shared/contract/events';
import type { StoreChangeStore } from '../store/store-changes';

/** How often the watcher asks SQLite whether another connection committed. */
export const STORE_POLL_INTERVAL_MS = 500;

/**
 * Rows whose `updated_at` lies this far before the newest one seen are read again: another
 * process may take its timestamp before ours and commit after we looked. Rows in this window
 * are compared with what was seen, so nothing is reported twice.
 */
const LATE_COMMIT_WINDOW_MS = 5000;

type StoreChanged = EventPayload<'storeChanged'>;

/**
 * Notices commits made by other connections to the workbench's file (the command line, an
 * import worker, a second app) and says which articles they touched. `PRAGMA data_version` on
 * our own connection changes only when another connection commits, so each poll costs a
 * counter read until something happens.
 */
export class StoreWatcher {
  private timer: ReturnType<typeof setInterval> | null = null;
  private dataVersion = 0;
  private localChanges = 0;
  private articleCount = 0;
  private newestSeen = '';
  /** id → updated_at of the rows inside the late-commit window, as last seen. */
  private recent = new Map<number, string>();

  constructor(
    private readonly store: StoreChangeStore,
    private readonly publish: (payload: StoreChanged) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Takes the store as it is now as the baseline and polls until `stop`. */
  start(intervalMs = STORE_POLL_INTERVAL_MS): void {
    if (this.timer) return;
    this.dataVersion = this.store.dataVersion();
    this.localChanges = this.store.localChanges();
    this.newestSeen = this.now().toISOString();
    this.rebase();
    this.timer = setInterval(() => this.check(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * One poll. Public so tests step it instead of waiting on the clock. Returns what it
   * published, or null when no other connection committed or the commit changed no article.
   */
  check(): StoreChanged | null {
    const version = this.store.dataVersion();
    const localChanges = this.store.localChanges();
    const external = version !== this.dataVersion;
    const local = localChanges !== this.localChanges;
    this.dataVersion = version;
    this.localChanges = localChanges;
    if (!external) {
      // Only our own writes: take them as seen, or the next external commit would report them.
      if (local) this.rebase();
      return null;
    }
    const marks = this.marksInWindow();
    const articleIds = [...marks].filter(([id, updatedAt]) => this.recent.get(id) !== updatedAt).map(([id]) => id);
    this.recent = marks;
    const count = this.store.articleCount();
    const countChanged = count !== this.articleCount;
    this.articleCount = count;
    if (articleIds.length === 0 && !countChanged) return null;
    // A count that moved means articles were added or removed: the library's list itself changed.
    const payload = { articleIds: articleIds.sort((a, b) => a - b), library: countChanged };
    this.publish(payload);
    return payload;
  }

  /**
   * A write made on our own connection, announced by the change pipeline: take its article's
   * new mark as seen at once, so an external commit in the same poll does not report our own
   * edit back to us as someone else's.
   */
  noteLocalWrite(articleId: number): void {
    if (!this.timer) return;
    const mark = this.store.articleMark(articleId);
    if (mark) this.remember(mark.id, mark.updatedAt);
  }

  private rebase(): void {
    this.recent = this.marksInWindow();
    this.articleCount = this.store.articleCount();
  }

  private marksInWindow(): Map<number, string> {
    const since = new Date(Date.parse(this.newestSeen) - LATE_COMMIT_WINDOW_MS).toISOString();
    const marks = new Map<number, string>();
    for (const { id, updatedAt } of this.store.articleMarksSince(since)) {
      marks.set(id, updatedAt);
      if (updatedAt > this.newestSeen) this.newestSeen = updatedAt;
    }
    return marks;
  }

  private remember(id: number, updatedAt: string): void {
    this.recent.set(id, updatedAt);
    if (updatedAt > this.newestSeen) this.newestSeen = updatedAt;
  }
}
