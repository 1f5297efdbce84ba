import { GOLD_AUTHOR, type AdjudicationRecord } from '../../../shared/adjudication/changes';
import { diffLayers, type Disagreement } from '../../../shared/agreement/layer-diff';
import type { DecideInput, DisagreementList, DisagreementView } from '../../../shared/contract/adjudication';
import { ApiError } from '../../../shared/contract/errors';
import type { AppliedChanges, Change } from '../../../shared/domain/changes';
import type { Annotation } from '../../../shared/domain/schemas';
import type { ChangeService } from '../changes/change-service';
import type { AdjudicationStore } from '../store/adjudication';
import type { AnnotationStore } from '../store/annotations';
import type { ArticleStore } from '../store/articles';

/** UTF-16 units of text shown on each side of a disagreement (then cut back to a word edge). */
const CONTEXT_UNITS = 100;

interface Layers {
  mine: string;
  theirs: string;
}

/**
 * Adjudication (issue 15): the disagreements between two layers of an article (layer-diff.ts, the
 * alignment the agreement measures use), walked in text order, and decisions written as ONE
 * change set each into the gold layer: the chosen versions as `annotation.create`s by author
 * "gold", and an `adjudication.decide` that remembers the decision (a "reject both" is only that).
 * So a decision is undone and redone like any edit of the article, and survives a restart.
 */
export class AdjudicationService {
  constructor(
    private readonly articles: ArticleStore,
    private readonly annotations: AnnotationStore,
    private readonly decisions: AdjudicationStore,
    private readonly changes: ChangeService,
    private readonly profileName: () => string,
  ) {}

  /** Without `layers`: mine is the profile's name when it has spans here, theirs the first other layer. */
  list({ articleId, layers: asked }: { articleId: number; layers?: Layers | undefined }): DisagreementList {
    const text = this.articles.getText(articleId);
    const spans = this.annotations.listForArticle(articleId);
    const layers = layersOf(spans);
    const chosen = asked ?? this.defaultLayers(layers.map((layer) => layer.author));
    if (!chosen) return { articleId, mine: null, theirs: null, layers, disagreements: [], agreed: 0, remaining: 0 };
    assertLayers(chosen);
    const { agreed, disagreements } = this.diff(chosen, spans);
    const decided = this.decisions.decisionsOf(articleId, chosen.mine, chosen.theirs);
    const views = disagreements.map((disagreement) =>
      viewOf(disagreement, decided.get(disagreement.key) ?? null, text),
    );
    return {
      articleId,
      mine: chosen.mine,
      theirs: chosen.theirs,
      layers,
      disagreements: views,
      agreed: agreed.length,
      remaining: views.filter((view) => view.decision === null).length,
    };
  }

  counts(input: Layers & { articleIds: readonly number[] }): { articleId: number; total: number; remaining: number }[] {
    assertLayers(input);
    return input.articleIds.map((articleId) => {
      const { disagreements } = this.diff(input, this.annotations.listForArticle(articleId));
      const decided = this.decisions.decisionsOf(articleId, input.mine, input.theirs);
      return {
        articleId,
        total: disagreements.length,
        remaining: disagreements.filter((disagreement) => !decided.has(disagreement.key)).length,
      };
    });
  }

  decide(input: DecideInput): AppliedChanges {
    assertLayers(input);
    const { articleId } = input;
    const text = this.articles.getText(articleId);
    const spans = this.annotations.listForArticle(articleId);
    const disagreement = this.diff(input, spans).disagreements.find((found) => found.key === input.key);
    if (!disagreement) throw ApiError.of('rejected', 'adjudicationStale', { mine: input.mine, theirs: input.theirs });

    const accepts = (side: 'mine' | 'theirs') => input.decision === side || input.decision === 'both';
    for (const side of ['mine', 'theirs'] as const) {
      if (input.decision === side && !disagreement[side])
        throw ApiError.of('rejected', 'adjudicationNoVersion', { author: input[side] });
    }
    const chosen: Pick<Annotation, 'labelKey' | 'start' | 'end' | 'note' | 'attributes'>[] = [];
    if (accepts('mine') && disagreement.mine) chosen.push(disagreement.mine);
    if (accepts('theirs') && disagreement.theirs) chosen.push(disagreement.theirs);
    if (input.decision === 'edited' && input.edited) chosen.push({ ...input.edited, note: '' });
    const creates = goldCreates(articleId, text, spans, chosen);
    const record: AdjudicationRecord = {
      articleId,
      mine: input.mine,
      theirs: input.theirs,
      key: input.key,
      decision: input.decision,
    };
    return this.changes.apply({
      articleId,
      origin: 'manual',
      author: GOLD_AUTHOR,
      changes: [...creates, { kind: 'adjudication.decide', decision: record }],
    });
  }

  /**
   * Copies the spans both layers have alike (label and range) into gold, as one undoable set;
   * those gold already holds are skipped. Null when there is nothing to copy.
   */
  acceptAgreed(input: Layers & { articleId: number }): AppliedChanges | null {
    assertLayers(input);
    const text = this.articles.getText(input.articleId);
    const spans = this.annotations.listForArticle(input.articleId);
    const agreed = this.diff(input, spans).agreed.map(([mine]) => mine);
    const creates = goldCreates(input.articleId, text, spans, agreed);
    if (creates.length === 0) return null;
    return this.changes.apply({ articleId: input.articleId, origin: 'manual', author: GOLD_AUTHOR, changes: creates });
  }

  private defaultLayers(authors: readonly string[]): Layers | null {
    const candidates = authors.filter((author) => author !== GOLD_AUTHOR && author !== '');
    const me = this.profileName();
    const mine = candidates.includes(me) ? me : candidates[0];
    const theirs = candidates.find((author) => author !== mine);
    return mine !== undefined && theirs !== undefined ? { mine, theirs } : null;
  }

  private diff(layers: Layers, spans: readonly Annotation[]) {
    return diffLayers(
      spans.filter((span) => span.author === layers.mine),
      spans.filter((span) => span.author === layers.theirs),
    );
  }
}

/** `annotation.create`s of the versions into gold; a version gold already holds (label and range) is not written twice. */
function goldCreates(
  articleId: number,
  text: string,
  spans: readonly Annotation[],
  versions: readonly Pick<Annotation, 'labelKey' | 'start' | 'end' | 'note' | 'attributes'>[],
): Change[] {
  const gold = spans.filter((span) => span.author === GOLD_AUTHOR);
  return versions
    .filter((span) => !gold.some((g) => g.labelKey === span.labelKey && g.start === span.start && g.end === span.end))
    .map((span, index) => ({
      kind: 'annotation.create',
      ref: `gold-${index}`,
      annotation: {
        articleId,
        labelKey: span.labelKey,
        start: span.start,
        end: span.end,
        quote: text.slice(span.start, span.end),
        ...(span.note ? { note: span.note } : {}),
        ...(span.attributes ? { attributes: span.attributes } : {}),
      },
    }));
}

function assertLayers({ mine, theirs }: Layers): void {
  if (mine === theirs) throw ApiError.of('rejected', 'adjudicationSameLayer', { author: mine });
  if (mine === GOLD_AUTHOR || theirs === GOLD_AUTHOR) throw ApiError.of('rejected', 'adjudicationGoldLayer');
}

function layersOf(spans: readonly Annotation[]): DisagreementList['layers'] {
  const counts = new Map<string, number>();
  for (const span of spans) counts.set(span.author, (counts.get(span.author) ?? 0) + 1);
  return [...counts].map(([author, count]) => ({ author, spans: count }));
}

function viewOf(
  disagreement: Disagreement<Annotation>,
  decision: DisagreementView['decision'],
  text: string,
): DisagreementView {
  const version = (span: Annotation | null) =>
    span ? { id: span.id, labelKey: span.labelKey, start: span.start, end: span.end, quote: span.quote } : null;
  return {
    key: disagreement.key,
    kind: disagreement.kind,
    mine: version(disagreement.mine),
    theirs: version(disagreement.theirs),
    start: disagreement.start,
    end: disagreement.end,
    decision,
    context: contextOf(text, disagreement.start, disagreement.end),
  };
}

/** The text around `[start, end)`, cut after a space on the left and before one on the right. */
function contextOf(text: string, start: number, end: number): DisagreementView['context'] {
  let from = Math.max(0, start - CONTEXT_UNITS);
  let to = Math.min(text.length, end + CONTEXT_UNITS);
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/);
    from = space >= 0 ? from + space + 1 : start;
  }
  if (to < text.length) {
    const space = text.slice(end, to).search(/\s\S*$/);
    to = space >= 0 ? end + space : end;
  }
  return { start: from, text: text.slice(from, to) };
}
