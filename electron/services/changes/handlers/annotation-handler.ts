import { ApiError } from '../../../../shared/contract/errors';
import {
  patchValues,
  sameValues,
  valueProblem,
  type AttributeDef,
  type AttributeValues,
} from '../../../../shared/domain/attributes';
import type { Change } from '../../../../shared/domain/changes';
import type { Annotation } from '../../../../shared/domain/schemas';
import { spanProblemRef } from '../../../../shared/domain/spans';
import type { BackendMessageKey, MessageRef } from '../../../../shared/messages/backend-messages';
import type { AnnotationStore } from '../../store/annotations';
import type { ArticleStore } from '../../store/articles';
import type { AttributeDefStore } from '../../store/attribute-defs';
import { nowIso } from '../../store/clock';
import type { LabelStore } from '../../store/labels';
import type { ApplyContext, AppliedReport, ChangeHandler, ChangeOf, TransitionOf, WriteMemo } from '../change-handler';
import { shorten } from '../describe';

/** The span fields every stored annotation must satisfy. */
type SpanFields = Pick<Annotation, 'articleId' | 'labelKey' | 'start' | 'end' | 'quote'>;
/** What attribute values are checked with: the span's label and article, and its id once it has one. */
type AttributeOwner = Pick<Annotation, 'articleId' | 'labelKey'> & { id: number | null };

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
    private readonly attributeDefs: AttributeDefStore,
  ) {}

  apply(change: ChangeOf<'annotation'>, context: ApplyContext): TransitionOf<'annotation'> {
    switch (change.kind) {
      case 'annotation.create': {
        const { imported, note, attributes, ...span } = change.annotation;
        if (imported && context.origin !== 'import' && context.origin !== 'merge') {
          throw ApiError.of('rejected', 'importedProvenanceRefused');
        }
        this.assertValid(span, context);
        if (attributes) this.assertAttributes({ ...span, id: null }, attributes);
        // Imports and merges skip the spans they already hold themselves (and report them).
        if (context.origin !== 'import' && context.origin !== 'merge')
          this.refuseIdentical({ ...span, author: context.author }, null);
        const now = nowIso();
        const created = this.annotations.insert({
          ...span,
          note: note ?? '',
          ...(attributes && Object.keys(attributes).length > 0 ? { attributes } : {}),
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
        const labelKey = patch.labelKey ?? before.labelKey;
        // A relabelled span keeps the values its new label defines too; undo brings the others back.
        const kept = labelKey === before.labelKey ? before.attributes : this.fitting(before, labelKey);
        const attributes = patch.attributes ? patchValues(kept, patch.attributes) : (kept ?? {});
        const { attributes: _previous, ...rest } = before;
        const next: Annotation = {
          ...rest,
          labelKey,
          start: patch.start ?? before.start,
          end: patch.end ?? before.end,
          quote: patch.quote ?? before.quote,
          note: patch.note ?? before.note,
          ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
          updatedAt: nowIso(),
        };
        this.assertValid(next, context);
        if (patch.attributes) this.assertAttributes(next, next.attributes ?? {});
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
      if (!sameValues(before.attributes, after.attributes)) return { key: 'descSetAttributes', params: span(after) };
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

  /**
   * Before a span is deleted, the attributes of other spans that point at it are cleared (in the
   * same set, so undo restores both).
   */
  cascade(change: Change): Change[] {
    if (change.kind !== 'annotation.delete') return [];
    const target = this.annotations.find(change.id);
    if (!target) return [];
    const spanKeys = new Map<string, Set<string>>();
    const keysOf = (labelKey: string) => {
      let keys = spanKeys.get(labelKey);
      if (!keys) {
        keys = new Set(
          this.attributeDefs.listForLabel(labelKey).flatMap((def) => (def.spec.type === 'span' ? [def.key] : [])),
        );
        spanKeys.set(labelKey, keys);
      }
      return keys;
    };
    return this.annotations.listWithAttributes(target.articleId).flatMap((other): Change[] => {
      const cleared = Object.entries(other.attributes ?? {}).filter(
        ([key, value]) => value === target.id && keysOf(other.labelKey).has(key),
      );
      if (cleared.length === 0 || other.id === target.id) return [];
      return [
        {
          kind: 'annotation.update',
          id: other.id,
          patch: { attributes: Object.fromEntries(cleared.map(([key]) => [key, null])) },
        },
      ];
    });
  }

  /** The span's attribute values that its new label defines and accepts. */
  private fitting(span: Annotation, labelKey: string): AttributeValues {
    const defs = this.attributeDefs.listForLabel(labelKey);
    return Object.fromEntries(
      Object.entries(span.attributes ?? {}).filter(([key, value]) => {
        const def = defs.find((candidate) => candidate.key === key);
        return (
          def !== undefined &&
          valueProblem(def.spec, value) === null &&
          (def.spec.type !== 'span' || this.referenceProblem(def, span, value) === null)
        );
      }),
    );
  }

  /** Every value must be defined for the span's label and fit its type; the message names the attribute. */
  private assertAttributes(span: AttributeOwner, values: AttributeValues): void {
    const defs = this.attributeDefs.listForLabel(span.labelKey);
    for (const [key, value] of Object.entries(values)) {
      const def = defs.find((candidate) => candidate.key === key);
      if (!def) {
        const known = defs.map((candidate) => candidate.key).join(', ');
        throw ApiError.of('rejected', 'attributeUndefinedFor', {
          label: span.labelKey,
          key,
          known: known || { key: 'wordNone', params: {} },
        });
      }
      const problem =
        valueProblem(def.spec, value) ?? (def.spec.type === 'span' ? this.referenceProblem(def, span, value) : null);
      if (problem) {
        throw ApiError.of('rejected', 'attributeValueNotSaved', {
          key,
          name: def.nameEn,
          label: span.labelKey,
          problem,
        });
      }
    }
  }

  /** A reference must name another span of the same article, with one of the allowed labels. */
  private referenceProblem(def: AttributeDef, span: AttributeOwner, value: unknown): MessageRef | null {
    const target = typeof value === 'number' ? this.annotations.find(value) : null;
    if (!target) return { key: 'attributeRefNoSpan', params: { id: String(value) } };
    if (target.id === span.id) return { key: 'attributeRefSelf', params: {} };
    if (target.articleId !== span.articleId) return { key: 'attributeRefOtherArticle', params: { id: target.id } };
    if (def.spec.type === 'span' && def.spec.labelKeys.length > 0 && !def.spec.labelKeys.includes(target.labelKey)) {
      return {
        key: 'attributeRefWrongLabel',
        params: { id: target.id, label: target.labelKey, wanted: def.spec.labelKeys.join(' or ') },
      };
    }
    return null;
  }

  /** Checks a span against the label schema and the canonical text, reading each article once per write. */
  private assertValid(span: SpanFields, memo: WriteMemo): void {
    if (!this.labels.exists(span.labelKey)) throw ApiError.of('rejected', 'labelNotFound', { label: span.labelKey });
    const text = memo.memo(`article-text:${span.articleId}`, () => this.articles.getText(span.articleId));
    const problem = spanProblemRef(text, span.start, span.end, span.quote);
    if (problem) throw ApiError.of('rejected', 'spanNotSaved', { problem });
  }

  /** A second span of one author with the same label and range would only be counted twice by every export. */
  private refuseIdentical(span: SpanFields & Pick<Annotation, 'author'>, exceptId: number | null): void {
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
  sameValues(a.attributes, b.attributes) &&
  a.updatedAt === b.updatedAt;
