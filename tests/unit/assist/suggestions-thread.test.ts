import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/domain/changes';
import { listed, SuggestionsThread } from '../../../electron/services/assist/suggestions-thread';
import { detachForReplace } from '../../../electron/services/store/snapshots';
import { addArticle } from '../export/fixtures';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { useBundledEntries } from '../import/helpers/build-entries';

const freshWorkbench = useTempWorkbenches();
const bundled = useBundledEntries();

const TEXT =
  'Sáng 10/1, Thứ trưởng Lương Tam Quang làm việc với Bộ Ngoại giao. Thứ nhất, tăng cường trao đổi thông tin. Ông Quang gặp Bộ Ngoại giao lần nữa.';

let workbench: ReturnType<typeof freshWorkbench>;
let articleId: number;
let thread: SuggestionsThread;

beforeEach(() => {
  workbench = freshWorkbench();
  workbench.profile.set('Lan');
  articleId = addArticle(workbench, TEXT, 'Làm việc');
  thread = new SuggestionsThread(workbench, bundled('suggestionsWorker.js'));
});
afterEach(() => thread.dispose());

const apply = (...changes: Change[]) => workbench.changes.apply({ origin: 'manual', changes });
const onThisThread = () => listed(workbench.assist.suggest(articleId));

describe('SuggestionsThread (suggestions in a worker thread)', () => {
  it('answers what the calling thread computes', async () => {
    expect((await thread.suggest(articleId)).total).toBeGreaterThan(0);
    expect(await thread.suggest(articleId)).toEqual(onThisThread());
  });

  it('a span made here after the worker built its gazetteers teaches it (the learned cache is dropped)', async () => {
    await thread.suggest(articleId); // builds the worker's gazetteers
    const start = TEXT.indexOf('Ông Quang');
    apply({
      kind: 'annotation.create',
      ref: 's',
      annotation: { articleId, labelKey: 'PER', start, end: start + 'Ông Quang'.length, quote: 'Ông Quang' },
    });
    const second = addArticle(workbench, 'Hôm nay Ông Quang đến.', 'Lần hai');
    const inWorker = await thread.suggest(second);
    expect(inWorker.suggestions.map((s) => `${s.source}:${s.labelKey}:${s.quote}`)).toContain('learned:PER:Ông Quang');
    expect(inWorker).toEqual(listed(workbench.assist.suggest(second)));
  });

  it('a name added and a pattern switched off here reach the worker before its next answer', async () => {
    await thread.suggest(articleId);
    apply({ kind: 'assist.addName', name: { labelKey: 'PER', text: 'Ông Quang' } });
    const patterns = workbench.assist.patterns();
    const shipped = patterns.find((pattern) => pattern.definition.id === 'proposal-enumeration');
    if (!shipped) throw new Error('the shipped enumeration pattern is missing');
    apply({ kind: 'assist.putPattern', pattern: { ...shipped.definition, enabled: false } });
    const inWorker = await thread.suggest(articleId);
    expect(inWorker.suggestions.map((s) => `${s.labelKey}:${s.quote}`)).toContain('PER:Ông Quang');
    expect(inWorker.suggestions.map((s) => s.labelKey)).not.toContain('PROPOSAL');
    expect(inWorker).toEqual(onThisThread());
  });

  it('a missing article is refused with not_found, as on the calling thread', async () => {
    await expect(thread.suggest(articleId + 1000)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('holds its own connection until disposed, then none: a restore can replace the file', async () => {
    await thread.suggest(articleId);
    workbench.close();
    // Leaving WAL needs the only connection: the worker's is still open.
    expect(detachForReplace(workbench.databasePath)).toBe(false);
    await thread.dispose();
    expect(detachForReplace(workbench.databasePath)).toBe(true);
  });

  it('after dispose a new request starts a fresh worker', async () => {
    const before = await thread.suggest(articleId);
    await thread.dispose();
    expect(await thread.suggest(articleId)).toEqual(before);
  });
});
