import { ApiError } from '../../../../shared/contract/errors';
import { briefContentProblem, emptyBriefContent, type Brief, type BriefContent } from '../../../../shared/brief/brief';
import type { BriefStore } from '../../store/briefs';
import { nowIso } from '../../store/clock';
import type { ApplyContext, AppliedReport, ChangeHandler, ChangeOf, TransitionOf } from '../change-handler';
import { shorten } from '../describe';

/**
 * Briefs: created, renamed, their content replaced (the editor saves the whole state a moment
 * after typing), deleted. Off the record (`offTheRecord`): a set of brief changes is applied and
 * announced but never put on an undo stack, so a brief's frequent saves cannot bury the article's
 * or the corpus's steps; inside a brief, Lexical's history is the undo.
 */
export class BriefHandler implements ChangeHandler<'brief'> {
  readonly offTheRecord = true;

  constructor(private readonly briefs: BriefStore) {}

  apply(change: ChangeOf<'brief'>, context: ApplyContext): TransitionOf<'brief'> {
    switch (change.kind) {
      case 'brief.create': {
        const now = nowIso();
        const created = this.briefs.insert({
          title: checkedTitle(change.brief.title),
          author: context.author,
          content: checkedContent(change.brief.content ?? emptyBriefContent()),
          createdAt: now,
          updatedAt: now,
        });
        context.createdIds[change.ref] = created.id;
        return { kind: change.kind, before: null, after: created };
      }
      case 'brief.rename': {
        const before = this.briefs.get(change.id);
        const after = this.briefs.replace({ ...before, title: checkedTitle(change.title), updatedAt: nowIso() });
        return { kind: change.kind, before, after };
      }
      case 'brief.setContent': {
        const before = this.briefs.get(change.id);
        const after = this.briefs.replace({ ...before, content: checkedContent(change.content), updatedAt: nowIso() });
        return { kind: change.kind, before, after };
      }
      case 'brief.delete': {
        const before = this.briefs.get(change.id);
        this.briefs.delete(before.id);
        return { kind: change.kind, before, after: null };
      }
    }
  }

  /** Never reached through undo (brief sets are not recorded); kept exact for the interface's contract. */
  replay({ before, after }: TransitionOf<'brief'>): Brief | null {
    const id = (after ?? before)!.id;
    const current = this.briefs.find(id);
    if (before !== null && current?.updatedAt !== before.updatedAt) {
      throw ApiError.of('rejected', 'briefChangedSince', { id });
    }
    if (before === null && current !== null) throw ApiError.of('rejected', 'briefIdTaken', { id });
    if (after === null) {
      this.briefs.delete(id);
      return null;
    }
    return before === null ? this.briefs.insert(after) : this.briefs.replace(after);
  }

  recordKey(state: Brief): string {
    return String(state.id);
  }

  articleOf(): null {
    return null;
  }

  describe({ kind, before, after }: TransitionOf<'brief'>): string {
    const title = shorten((after ?? before)?.title ?? '');
    if (kind === 'brief.create') return `New brief “${title}”`;
    if (kind === 'brief.rename') return `Rename brief “${shorten(before?.title ?? '')}” to “${title}”`;
    if (kind === 'brief.delete') return `Delete brief “${title}”`;
    return `Edit brief “${title}”`;
  }

  describeMany(kind: TransitionOf<'brief'>['kind'], count: number): string {
    return kind === 'brief.create' ? `New ${count} briefs` : `${count} brief edits`;
  }

  report(finalStates: ReadonlyMap<string, { before: Brief | null; after: Brief | null }>, into: AppliedReport): void {
    const briefs = (into.briefs ??= { upserted: [], removed: [] });
    for (const { before, after } of finalStates.values()) {
      if (after) {
        const { content: _content, ...summary } = after;
        briefs.upserted.push(summary);
      } else if (before) briefs.removed.push(before.id);
    }
  }
}

/** Trimmed; the schema does the same for calls from outside, this for services that apply sets directly. */
function checkedTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw ApiError.of('invalid_input', 'briefTitleEmpty');
  return trimmed;
}

function checkedContent(content: BriefContent): BriefContent {
  const problem = briefContentProblem(content);
  if (problem) throw ApiError.of('invalid_input', 'briefContentProblem', { problem });
  return content;
}
