import { ApiError } from '../../../../shared/contract/errors';
import type { Change } from '../../../../shared/domain/changes';
import { normalizeEntityName, summaryOf, type Entity, type EntityLink } from '../../../../shared/domain/entities';
import { foldVietnamese } from '../../../../shared/text/fold';
import type { AnnotationStore } from '../../store/annotations';
import { nowIso } from '../../store/clock';
import type { EntityStore } from '../../store/entities';
import type { LabelStore } from '../../store/labels';
import type { ApplyContext, AppliedReport, ChangeHandler, ChangeOf, TransitionOf } from '../change-handler';
import { shorten } from '../describe';

type EntityFields = Pick<Entity, 'name' | 'typeLabelKey' | 'aliases' | 'externalId' | 'note'>;

/**
 * Registry entries: created, edited, merged (a redirect is left behind) and deleted. Corpus-wide
 * records: a set of them alone is on the corpus-wide undo stack.
 */
export class EntityHandler implements ChangeHandler<'entity'> {
  constructor(
    private readonly labels: LabelStore,
    private readonly entities: EntityStore,
  ) {}

  apply(change: ChangeOf<'entity'>, context: ApplyContext): TransitionOf<'entity'> {
    switch (change.kind) {
      case 'entity.create': {
        const { entity } = change;
        const fields = this.checked({
          name: entity.name,
          typeLabelKey: entity.typeLabelKey,
          aliases: entity.aliases ?? [],
          externalId: entity.externalId ?? null,
          note: entity.note ?? '',
        });
        if (entity.imported && context.origin !== 'import' && context.origin !== 'merge') {
          throw ApiError.of('rejected', 'entityImportedTimesRefused');
        }
        const now = nowIso();
        const created = this.entities.insert({
          ...fields,
          mergedInto: null,
          createdAt: entity.imported?.createdAt ?? now,
          updatedAt: entity.imported?.updatedAt ?? now,
        });
        context.createdIds[change.ref] = created.id;
        return { kind: change.kind, before: null, after: created };
      }
      case 'entity.update': {
        const before = this.live(change.id);
        const fields = this.checked({ ...before, ...definedOnly(change.patch) });
        const after = this.entities.replace({ ...before, ...fields, updatedAt: nowIso() });
        return { kind: change.kind, before, after };
      }
      case 'entity.merge': {
        if (change.fromId === change.intoId) throw ApiError.of('rejected', 'entityMergeIntoItself');
        const from = this.live(change.fromId);
        const into = this.live(change.intoId);
        for (const link of this.entities.linksOf(from.id)) {
          context.apply({
            kind: 'entityLink.set',
            annotationId: link.annotationId,
            entityId: into.id,
            allowTypeMismatch: true,
          });
        }
        const aliases = unitedAliases(into, [from.name, ...from.aliases]);
        if (aliases.length !== into.aliases.length) {
          context.apply({ kind: 'entity.update', id: into.id, patch: { aliases } });
        }
        const after = this.entities.replace({ ...from, mergedInto: into.id, updatedAt: nowIso() });
        return { kind: change.kind, before: from, after };
      }
      case 'entity.delete': {
        const before = this.entities.get(change.id);
        const redirects = this.entities.mergedInto(before.id);
        if (redirects.length) {
          throw ApiError.of('rejected', 'entityHasRedirects', { name: before.name, count: redirects.length });
        }
        this.entities.delete(before.id);
        return { kind: change.kind, before, after: null };
      }
    }
  }

  replay({ before, after }: TransitionOf<'entity'>): Entity | null {
    const id = (after ?? before)!.id;
    const current = this.entities.find(id);
    if (before !== null && current === null) throw ApiError.of('rejected', 'entityGone', { id });
    if (before === null && current !== null) throw ApiError.of('rejected', 'entityIdTaken', { id });
    if (before !== null && current !== null && !sameEntity(before, current)) {
      throw ApiError.of('rejected', 'entityChangedSince', { name: current.name });
    }
    if (after === null) {
      if (this.entities.linksOf(id).length) throw ApiError.of('rejected', 'entityHasLinksNow', { name: before!.name });
      this.entities.delete(id);
      return null;
    }
    if (!this.labels.exists(after.typeLabelKey))
      throw ApiError.of('rejected', 'labelNotFound', { label: after.typeLabelKey });
    return before === null ? this.entities.insert(after) : this.entities.replace(after);
  }

  recordKey(state: Entity): string {
    return String(state.id);
  }

  articleOf(): null {
    return null;
  }

  describe({ kind, before, after }: TransitionOf<'entity'>): string {
    const name = shorten((after ?? before)?.name ?? '');
    if (kind === 'entity.create') return `New entity “${name}”`;
    if (kind === 'entity.delete') return `Delete entity “${name}”`;
    if (kind === 'entity.merge') return `Merge entity “${name}”`;
    return `Edit entity “${name}”`;
  }

  describeMany(kind: TransitionOf<'entity'>['kind'], count: number): string {
    return kind === 'entity.create' ? `New ${count} entities` : `${count} entity edits`;
  }

  report(finalStates: ReadonlyMap<string, { before: Entity | null; after: Entity | null }>, into: AppliedReport): void {
    const entities = (into.entities ??= { upserted: [], removed: [] });
    for (const { before, after } of finalStates.values()) {
      if (after) entities.upserted.push(summaryOf(after));
      else if (before) entities.removed.push(before.id);
    }
  }

  /** Deleting an entity unlinks its mentions first. */
  cascade(change: Change): Change[] {
    if (change.kind !== 'entity.delete') return [];
    return this.entities
      .linksOf(change.id)
      .map((link): Change => ({ kind: 'entityLink.delete', annotationId: link.annotationId }));
  }

  /** A live entity (a redirect is refused: its links and names went to the survivor). */
  private live(id: number): Entity {
    const entity = this.entities.get(id);
    if (entity.mergedInto !== null) {
      throw ApiError.of('rejected', 'entityMerged', { name: entity.name, into: entity.mergedInto });
    }
    return entity;
  }

  /** Names normalised, the canonical name and duplicates dropped from the aliases, the type checked. */
  private checked(fields: EntityFields): EntityFields {
    const name = normalizeEntityName(fields.name);
    if (!name) throw ApiError.of('rejected', 'entityNameEmpty');
    if (!this.labels.exists(fields.typeLabelKey)) {
      throw ApiError.of('rejected', 'entityTypeLabelNotFound', { label: fields.typeLabelKey });
    }
    return { ...fields, name, aliases: unitedAliases({ name, aliases: [] }, fields.aliases) };
  }
}

/**
 * Links from mention spans to entities. A link belongs to its span's article, so linking in the
 * reader is on that article's undo stack.
 */
export class EntityLinkHandler implements ChangeHandler<'entityLink'> {
  constructor(
    private readonly annotations: AnnotationStore,
    private readonly entities: EntityStore,
  ) {}

  apply(change: ChangeOf<'entityLink'>, context: ApplyContext): TransitionOf<'entityLink'> {
    const before = this.entities.findLink(change.annotationId);
    if (change.kind === 'entityLink.delete') {
      if (!before) throw ApiError.of('not_found', 'entityLinkNotFound', { id: change.annotationId });
      this.entities.deleteLink(change.annotationId);
      return { kind: change.kind, before, after: null };
    }
    const span = this.annotations.get(change.annotationId);
    const entityId = change.entityId ?? context.createdIds[change.entityRef ?? ''];
    if (entityId === undefined) {
      throw ApiError.of('rejected', 'entityRefUnknown', { ref: String(change.entityRef) });
    }
    const entity = this.entities.get(entityId);
    if (entity.mergedInto !== null) {
      throw ApiError.of('rejected', 'entityMergedLinkThat', { name: entity.name, into: entity.mergedInto });
    }
    if (entity.typeLabelKey !== span.labelKey && !change.allowTypeMismatch) {
      throw ApiError.of('rejected', 'entityTypeMismatch', {
        quote: shorten(span.quote),
        label: span.labelKey,
        name: entity.name,
        type: entity.typeLabelKey,
      });
    }
    this.entities.setLink(span.id, entity.id);
    return {
      kind: change.kind,
      before,
      after: { annotationId: span.id, articleId: span.articleId, entityId: entity.id },
    };
  }

  replay({ before, after }: TransitionOf<'entityLink'>): EntityLink | null {
    const annotationId = (after ?? before)!.annotationId;
    const current = this.entities.findLink(annotationId);
    if (before === null ? current !== null : current?.entityId !== before.entityId) {
      throw ApiError.of('rejected', 'entityLinkChangedSince', { id: annotationId });
    }
    if (after === null) {
      this.entities.deleteLink(annotationId);
      return null;
    }
    if (!this.annotations.find(annotationId)) throw ApiError.of('rejected', 'annotationGone', { id: annotationId });
    if (!this.entities.find(after.entityId)) throw ApiError.of('rejected', 'entityGone', { id: after.entityId });
    this.entities.setLink(annotationId, after.entityId);
    return after;
  }

  recordKey(state: EntityLink): string {
    return String(state.annotationId);
  }

  articleOf(state: EntityLink): number {
    return state.articleId;
  }

  describe({ kind, before, after }: TransitionOf<'entityLink'>): string {
    const entityName = (link: EntityLink | null) =>
      link ? shorten(this.entities.find(link.entityId)?.name ?? '') : '';
    if (kind === 'entityLink.delete') return `Unlink “${entityName(before)}”`;
    return `Link to “${entityName(after)}”`;
  }

  describeMany(kind: TransitionOf<'entityLink'>['kind'], count: number): string {
    return kind === 'entityLink.set' ? `Link ${count} mentions` : `Unlink ${count} mentions`;
  }

  report(
    finalStates: ReadonlyMap<string, { before: EntityLink | null; after: EntityLink | null }>,
    into: AppliedReport,
  ): void {
    const links = (into.entityLinks ??= { upserted: [], removed: [] });
    for (const { before, after } of finalStates.values()) {
      if (after) links.upserted.push(after);
      else if (before) links.removed.push({ annotationId: before.annotationId, articleId: before.articleId });
    }
  }

  /** A span's link goes with the span, in the same set, so undo brings both back. */
  cascade(change: Change): Change[] {
    if (change.kind !== 'annotation.delete' || !this.entities.findLink(change.id)) return [];
    return [{ kind: 'entityLink.delete', annotationId: change.id }];
  }
}

/** `entity`'s aliases plus `names`, without repeats (folded) or the canonical name. */
export function unitedAliases(entity: Pick<Entity, 'name' | 'aliases'>, names: readonly string[]): string[] {
  const seen = new Set([foldVietnamese(entity.name)]);
  const aliases: string[] = [];
  for (const raw of [...entity.aliases, ...names]) {
    const alias = normalizeEntityName(raw);
    const folded = foldVietnamese(alias);
    if (!alias || seen.has(folded)) continue;
    seen.add(folded);
    aliases.push(alias);
  }
  return aliases;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const sameEntity = (a: Entity, b: Entity): boolean =>
  a.name === b.name &&
  a.typeLabelKey === b.typeLabelKey &&
  a.externalId === b.externalId &&
  a.note === b.note &&
  a.mergedInto === b.mergedInto &&
  a.updatedAt === b.updatedAt &&
  a.aliases.length === b.aliases.length &&
  a.aliases.every((alias, index) => alias === b.aliases[index]);
