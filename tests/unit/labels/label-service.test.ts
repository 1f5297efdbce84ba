import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import type { Change } from '../../../shared/domain/changes';
import type { Label } from '../../../shared/domain/schemas';
import { LabelService } from '../../../electron/services/labels/label-service';
import { NewestHistory } from '../../../electron/services/changes/newest-history';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { seededArticle, useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();

const newLabel = (key: string, patch: Partial<Label> = {}): Label => ({
  key,
  nameVi: `${key} vi`,
  nameEn: `${key} en`,
  color: '#1c7ed6',
  hotkey: null,
  kind: 'analytic',
  description: '',
  sortOrder: 50,
  parentKey: null,
  hidden: false,
  guideline: '',
  ...patch,
});

const apply = (workbench: Workbench, ...changes: Change[]) => workbench.changes.apply({ origin: 'manual', changes });

/** Tags `quote` (its first occurrence) with `labelKey`; returns the annotation id. */
function tag(workbench: Workbench, articleId: number, text: string, labelKey: string, quote: string): number {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  const applied = workbench.changes.apply({
    origin: 'manual',
    changes: [
      {
        kind: 'annotation.create',
        ref: 'a',
        annotation: { articleId, labelKey, start, end: start + quote.length, quote },
      },
    ],
  });
  return applied.createdIds.a as number;
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

const labelOf = (workbench: Workbench, id: number) => workbench.annotationRows.get(id).labelKey;

describe('label changes on real SQLite', () => {
  it('creates a label with a letter hotkey and Shift+letter, refusing a taken or reserved key by name', () => {
    const workbench = freshWorkbench();
    apply(workbench, { kind: 'label.create', label: newLabel('THREAT', { hotkey: 't' }) });
    apply(workbench, { kind: 'label.create', label: newLabel('THREAT_BIG', { hotkey: 'T' }) });
    expect(workbench.labels.get('THREAT')?.hotkey).toBe('t');
    expect(workbench.labels.get('THREAT_BIG')?.hotkey).toBe('T');

    expect(refusal(() => apply(workbench, { kind: 'label.create', label: newLabel('X1', { hotkey: '3' }) }))).toBe(
      'Label X1: hotkey 3 is already used by PER (Person).',
    );
    expect(refusal(() => apply(workbench, { kind: 'label.create', label: newLabel('X2', { hotkey: 'r' }) }))).toContain(
      'hotkey R is kept for relations (R)',
    );
    expect(refusal(() => apply(workbench, { kind: 'label.create', label: newLabel('X3', { hotkey: '?' }) }))).toBe(
      'Label X3: hotkey ? is used by the shortcut “keyboard-help”.',
    );
    expect(refusal(() => apply(workbench, { kind: 'label.update', key: 'PER', patch: { hotkey: 't' } }))).toBe(
      'Label PER: hotkey T is already used by THREAT (THREAT en).',
    );
    // Nothing half-applied: the refused labels are not there and PER keeps its key.
    expect(workbench.labels.exists('X1')).toBe(false);
    expect(workbench.labels.get('PER')?.hotkey).toBe('3');
  });

  it('refuses a bad colour, a duplicate key and a cycle, naming the field, and writes nothing of the set', () => {
    const workbench = freshWorkbench();
    const before = workbench.labels.list();
    expect(refusal(() => apply(workbench, { kind: 'label.update', key: 'RISK', patch: { color: 'red' } }))).toContain(
      'Label RISK: color — colours are #rrggbb',
    );
    expect(refusal(() => apply(workbench, { kind: 'label.create', label: newLabel('PER') }))).toBe(
      'Label key PER is already taken (Person).',
    );
    // RISK › CYBER by default; RISK under CYBER would be a cycle.
    expect(workbench.labels.get('CYBER')?.parentKey).toBe('RISK');
    expect(
      refusal(() =>
        apply(
          workbench,
          { kind: 'label.update', key: 'PER', patch: { nameEn: 'People' } },
          { kind: 'label.update', key: 'RISK', patch: { parentKey: 'CYBER' } },
        ),
      ),
    ).toBe(
      'Change 2 of 2 (label.update): Label RISK: parent — RISK cannot go under CYBER: CYBER is already under RISK (RISK/CYBER), which would make a cycle.',
    );
    expect(workbench.labels.list()).toEqual(before);
  });

  it('merges a label: every annotation moves, twins become one, sublabels follow, one undo step', async () => {
    const workbench = freshWorkbench();
    const { articleId, text } = await seededArticle(workbench);
    const a = tag(workbench, articleId, text, 'CYBER', 'đề xuất');
    const b = tag(workbench, articleId, text, 'CYBER', 'Thứ nhất');
    const twinTarget = tag(workbench, articleId, text, 'ESPIONAGE', 'Thứ nhất');
    apply(workbench, { kind: 'label.create', label: newLabel('CYBER_SUB', { parentKey: 'CYBER' }) });
    expect(new LabelService(workbench).usage()).toMatchObject({ CYBER: 2, ESPIONAGE: 1 });

    const merged = apply(workbench, { kind: 'label.merge', key: 'CYBER', intoKey: 'ESPIONAGE' });
    expect(merged.description).toBe('Merge label CYBER into ESPIONAGE');
    expect(merged.articleId).toBeNull();
    expect(merged.labels?.removed).toContain('CYBER');
    expect(labelOf(workbench, a)).toBe('ESPIONAGE');
    expect(workbench.annotationRows.find(b)).toBeNull();
    expect(labelOf(workbench, twinTarget)).toBe('ESPIONAGE');
    expect(workbench.labels.exists('CYBER')).toBe(false);
    expect(workbench.labels.get('CYBER_SUB')?.parentKey).toBe('ESPIONAGE');

    // One step on the corpus-wide stack; undo brings back the label, its spans and its sublabel.
    expect(workbench.changes.historyState(null).undoDescription).toBe('Merge label CYBER into ESPIONAGE');
    workbench.changes.undo(null);
    expect(workbench.labels.get('CYBER')?.parentKey).toBe('RISK');
    expect(labelOf(workbench, a)).toBe('CYBER');
    expect(labelOf(workbench, b)).toBe('CYBER');
    expect(workbench.labels.get('CYBER_SUB')?.parentKey).toBe('CYBER');
    workbench.changes.redo(null);
    expect(workbench.labels.exists('CYBER')).toBe(false);
    expect(labelOf(workbench, a)).toBe('ESPIONAGE');
  });

  it('deletes a label with its annotations, or moving them, as one undoable step', async () => {
    const workbench = freshWorkbench();
    const { articleId, text } = await seededArticle(workbench);
    const a = tag(workbench, articleId, text, 'CRIME', 'đề xuất');
    apply(workbench, { kind: 'label.delete', key: 'CRIME', moveAnnotationsTo: null });
    expect(workbench.annotationRows.find(a)).toBeNull();
    expect(workbench.labels.exists('CRIME')).toBe(false);
    workbench.changes.undo(null);
    expect(labelOf(workbench, a)).toBe('CRIME');

    const removed = apply(workbench, { kind: 'label.delete', key: 'CRIME', moveAnnotationsTo: 'RISK' });
    expect(removed.description).toBe('Delete label CRIME, its spans to RISK');
    expect(labelOf(workbench, a)).toBe('RISK');

    // Deleting a parent lifts its sublabels to the top.
    apply(workbench, { kind: 'label.delete', key: 'PROPOSAL', moveAnnotationsTo: null });
    expect(workbench.labels.get('LEGAL')?.parentKey).toBeNull();
  });

  it('renames a key: annotations and sublabels follow, and undo renames back', async () => {
    const workbench = freshWorkbench();
    const { articleId, text } = await seededArticle(workbench);
    const a = tag(workbench, articleId, text, 'RISK', 'đề xuất');
    const renamed = apply(workbench, { kind: 'label.update', key: 'RISK', patch: { key: 'THREAT', nameEn: 'Threat' } });
    expect(renamed.description).toBe('Rename label RISK → THREAT');
    expect(renamed.labels).toMatchObject({ removed: ['RISK'] });
    expect(labelOf(workbench, a)).toBe('THREAT');
    expect(workbench.labels.get('CYBER')?.parentKey).toBe('THREAT');
    workbench.changes.undo(null);
    expect(labelOf(workbench, a)).toBe('RISK');
    expect(workbench.labels.get('CYBER')?.parentKey).toBe('RISK');
  });

  it('redo of a label rename is not refused by the relation types naming the label (regression: “names the label PERSON, which does not exist”)', () => {
    const workbench = freshWorkbench();
    apply(workbench, { kind: 'label.update', key: 'PER', patch: { key: 'PERSON' } });
    workbench.changes.undo(null);
    workbench.changes.redo(null);
    expect(workbench.labels.exists('PERSON')).toBe(true);
    expect(workbench.relationTypes.get('proposed_by').tailLabels).toEqual(['PERSON', 'ORG']);
    workbench.changes.undo(null);
    expect(workbench.relationTypes.get('proposed_by').tailLabels).toEqual(['PER', 'ORG']);
  });

  it('relation types follow a label renamed, merged or deleted, in the same undo step (regression: they kept the old key)', () => {
    const workbench = freshWorkbench();
    const allowed = (key: string) => {
      const type = workbench.relationTypes.get(key);
      return `${type.headLabels.join('+')} → ${type.tailLabels.join('+')}`;
    };
    expect(allowed('proposed_by')).toBe('PROPOSAL → PER+ORG');
    apply(workbench, { kind: 'label.update', key: 'PER', patch: { key: 'PERSON' } });
    expect(allowed('proposed_by')).toBe('PROPOSAL → PERSON+ORG');
    apply(workbench, { kind: 'label.merge', key: 'PERSON', intoKey: 'ORG' });
    expect(allowed('proposed_by')).toBe('PROPOSAL → ORG');
    workbench.changes.undo(null);
    expect(allowed('proposed_by')).toBe('PROPOSAL → PERSON+ORG');
    workbench.changes.undo(null);
    expect(allowed('proposed_by')).toBe('PROPOSAL → PER+ORG');
    apply(workbench, { kind: 'label.delete', key: 'EVENT', moveAnnotationsTo: null });
    expect(workbench.relationTypes.get('located_in').headLabels).not.toContain('EVENT');
  });

  it('undo of a label create is refused while annotations use it, and changes nothing', async () => {
    const workbench = freshWorkbench();
    const { articleId, text } = await seededArticle(workbench);
    apply(workbench, { kind: 'label.create', label: newLabel('NEWONE', { hotkey: 'j' }) });
    tag(workbench, articleId, text, 'NEWONE', 'đề xuất');
    expect(refusal(() => workbench.changes.undo(null))).toBe(
      'Cannot undo “Add label NEWONE”: the label NEWONE is used by 1 annotations.',
    );
    expect(workbench.labels.exists('NEWONE')).toBe(true);
  });

  it('the reader’s undo takes the newest step of the article or of the schema, and survives a restart', async () => {
    const workbench = freshWorkbench();
    const { articleId, text } = await seededArticle(workbench);
    const newest = () => new NewestHistory(workbench.changes, workbench.history, workbench.articles);
    tag(workbench, articleId, text, 'RISK', 'đề xuất');
    apply(workbench, { kind: 'label.update', key: 'RISK', patch: { nameEn: 'Danger' } });
    expect(newest().state(articleId).undoDescription).toBe('Edit label RISK');

    // A restart: a new connection reads the same persisted stacks.
    const path = workbench.databasePath;
    workbench.close();
    const reopened = openWorkbench(path);
    try {
      const history = new NewestHistory(reopened.changes, reopened.history, reopened.articles);
      const undone = history.undo(articleId);
      expect(undone?.description).toBe('Edit label RISK');
      expect(undone?.history?.undoDescription).toMatch(/^Tag RISK/);
      expect(reopened.labels.get('RISK')?.nameEn).toBe('Risk');
      history.undo(articleId);
      expect(reopened.annotationRows.listForArticle(articleId)).toHaveLength(0);
      expect(history.state(articleId).redoDescription).toMatch(/^Tag RISK/);
      history.redo(articleId);
      expect(history.redo(articleId)?.description).toBe('Edit label RISK');
      expect(reopened.labels.get('RISK')?.nameEn).toBe('Danger');
    } finally {
      reopened.close();
    }
  });
});
