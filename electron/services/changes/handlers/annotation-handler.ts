import { ApiError } from '../../../../shared/contract/errors';
import type { Annotation } from '../../../../shared/domain/schemas';
import { spanProblemRef } from '../../../../shared/domain/spans';
import type { BackendMessageKey, MessageRef } from '../../../../shared/messages/backend-messages';
import type { AnnotationStore } from '../../store/annotations';
import type { ArticleStore } from '../../store/articles';
import { nowIso } from '../../store/clock';
import type { LabelStore } from '../../store/labels';
import type { ApplyContext, AppliedReport, ChangeHandler, ChangeOf, TransitionOf, WriteMemo } from '../change-handler';
import { shorten } from '../describe';

/** The span fields every stored annotation must satisfy. */
type SpanFields = Pick<Annotation, 'articleId' | 'labelKey' | 'start' | 'end' | 'quote'>;

const PLURAL_KEY = {
  'annotation.create': 'descTagMany',
  'annotation.update': 'descEditMany',
  'annotation.delete': 'descDeleteMany',
} as const satisfies Record<TransitionOf<'annotation'>['kind'], BackendMessageKey>;

/** Spans: created, relabelled, resized, annotated with notes and deleted. */
export class AnnotationHandler implements ChangeHandler<'annotation'> {
  constructor(
    private readonly articles: ArticleStore,
    private readonly labels: LabelStore,
    private readonly annotations: AnnotationStore,
  ) {}

  apply(change: ChangeOf<'annotation'>, context: ApplyContext): TransitionOf<'annotation'> {
    switch (change.kind) {
      case 'annotation.create': {
        const { imported, note, ...span } = change.annotation;
        if (imported && context.origin !== 'import' && context.origin !== 'merge') {
          throw ApiError.of('rejected', 'importedProvenanceRefused');
        }
        this.assertValid(span, context);
        // Imports and merges skip the spans they already hold themselves (and report them).
        if (context.origin !== 'import' && context.origin !== 'merge') this.refuseIdentical(span, null);
        const now = nowIso();
        const created = this.annotations.insert({
          ...span,
          note: note ?? '',
          author: imported?.author ?? context.author,
          origin: imported?.origin ?? context.origin,
          ...(imported ? { importedId: imported.id } : {}),
          createdAt: imported?.createdAt ?? now,
          updatedAt: imported?.updatedAt ?? now,
        });
        context.createdIds[change.ref] = created.id;
        return { kind: change.kind, before: null, after: created };
      }
      case 'annotation.update': {
        const before = this.annotations.get(change.id);
        const { patch } = change;
        const rangeChanged = patch.start !== undefined || patch.end !== undefined;
        if (rangeChanged && patch.quote === undefined) {
          throw ApiError.of('rejected', 'spanEdgesNeedQuote');
        }
        const next: Annotation = {
          ...before,
          labelKey: patch.labelKey ?? before.labelKey,
          start: patch.start ?? before.start,
          end: patch.end ?? before.end,
          quote: patch.quote ?? before.quote,
          note: patch.note ?? before.note,
          updatedAt: nowIso(),
        };
        this.assertValid(next, context);
        if (next.labelKey !== before.labelKey || next.start !== before.start || next.end !== before.end)
          this.refuseIdentical(next, next.id);
        return { kind: change.kind, before, after: this.annotations.replace(next) };
      }
      case 'annotation.delete': {
        const before = this.annotations.get(change.id);
        this.annotations.delete(change.id);
        return { kind: change.kind, before, after: null };
      }
    }
  }

  replay({ before, after }: TransitionOf<'annotation'>, memo: WriteMemo): Annotation | null {
    const id = (after ?? before)!.id;
    const current = this.annotations.find(id);
    if (before !== null && current === null) throw ApiError.of('rejected', 'annotationGone', { id });
    if (before === null && current !== null) throw ApiError.of('rejected', 'annotationIdTaken', { id });
    if (before !== null && current !== null && !sameAnnotation(before, current)) {
      // Changed since by a set recorded elsewhere (another article's or the schema's history).
      throw ApiError.of('rejected', 'annotationChangedSince', { id });
    }
    if (after === null) {
      this.annotations.delete(id);
      return null;
    }
    this.assertValid(after, memo);
    return before === null ? this.annotations.insert(after) : this.annotations.replace(after);
  }

  recordKey(state: Annotation): string {
    return String(state.id);
  }

  articleOf(state: Annotation): number {
    return state.articleId;
  }

  describe({ kind, before, after }: TransitionOf<'annotation'>): MessageRef {
    const span = (state: Annotation) => ({ label: state.labelKey, quote: shorten(state.quote) });
    if (kind === 'annotation.create' && after) return { key: 'descTag', params: span(after) };
    if (kind === 'annotation.delete' && before) return { key: 'descDelete', params: span(before) };
    if (before && after) {
      if (before.labelKey !== after.labelKey) {
        return {
          key: 'descRelabel',
          params: { quote: shorten(after.quote), from: before.labelKey, to: after.labelKey },
        };
      }
      if (before.start !== after.start || before.end !== after.end) return { key: 'descResize', params: span(after) };
      return { key: 'descEditNote', params: span(after) };
    }
    return { key: 'descChange', params: {} };
  }

  describeMany(kind: TransitionOf<'annotation'>['kind'], count: number): MessageRef {
    return { key: PLURAL_KEY[kind], params: { count } };
  }

  report(
    finalStates: ReadonlyMap<string, { before: Annotation | null; after: Annotation | null }>,
    into: AppliedReport,
  ): void {
    for (const { before, after } of finalStates.values()) {
      if (after) into.upserted.push(after);
      else if (before) into.removed.push(before.id);
    }
  }

  /** Every touched article is updated now; one that gains an annotation is in progress. */
  afterWrite(steps: readonly TransitionOf<'annotation'>[]): void {
    const gained = new Set<number>();
    const touched = new Set<number>();
    for (const { before, after } of steps) {
      touched.add((after ?? before)!.articleId);
      if (before === null && after !== null) gained.add(after.articleId);
    }
    for (const articleId of touched) {
      if (gained.has(articleId)) this.articles.markStarted(articleId);
      this.articles.touch(articleId);
    }
  }

  /** Checks a span against the label schema and the canonical text, reading each article once per write. */
  private assertValid(span: SpanFields, memo: WriteMemo): void {
    if (!this.labels.exists(span.labelKey)) throw ApiError.of('rejected', 'labelNotFound', { label: span.labelKey });
    const text = memo.memo(`article-text:${span.articleId}`, () => this.articles.getText(span.articleId));
    const problem = spanProblemRef(text, span.start, span.end, span.quote);
    if (problem) throw ApiError.of('rejected', 'spanNotSaved', { problem });
  }

  /** A second span with the same label and range would only be counted twice by every export. */
  private refuseIdentical(span: SpanFields, exceptId: number | null): void {
    const twin = this.annotations.findIdentical(span, exceptId);
    if (twin) {
      throw ApiError.of('rejected', 'spanIdentical', { label: span.labelKey, quote: shorten(twin.quote), id: twin.id });
    }
  }
}

/** Stored fields compared as the store returns them (undo must find what it left). */
const sameAnnotation = (a: Annotation, b: Annotation): boolean =>
  a.labelKey === b.labelKey &&
  a.start === b.start &&
  a.end === b.end &&
  a.quote === b.quote &&
  a.note === b.note &&
  a.updatedAt === b.updatedAt;
