import type { BriefLanguage } from '../../../../shared/brief/export/brief-document';
import {
  SECTION_QUOTES_PER_LABEL,
  SECTION_ROOT_LABEL,
  sectionNodes,
  type BriefSectionKind,
  type SectionGroup,
  type SerializedLexicalNode,
} from '../../../../shared/brief/sections/section-nodes';
import { ApiError } from '../../../../shared/contract/errors';
import type { LibraryFilter } from '../../../../shared/corpus/library-query';
import { labelAncestry, labelTree, withDescendants } from '../../../../shared/domain/label-tree';
import type { Label } from '../../../../shared/domain/schemas';
import { perWorkbench } from '../../per-workbench';
import { BriefSectionStore } from '../../store/brief-sections';
import type { Workbench } from '../../workbench';

/** Proposal → proposer (PER/ORG), one of the default relation types (migration 007). */
const PROPOSED_BY = 'proposed_by';

export interface GeneratedSection {
  nodes: SerializedLexicalNode[];
  /** Citations in the nodes. */
  listed: number;
  /** Spans under the filter in all. */
  total: number;
}

/**
 * Generated sections of a brief from the spans under a library filter: the labels under RISK
 * (or PROPOSAL) each get a heading and a list of citations, capped per label. Reads only; the
 * editor inserts the nodes and saves them with the brief.
 */
export class BriefSectionService {
  constructor(
    private readonly store: BriefSectionStore,
    private readonly labels: () => Label[],
  ) {}

  generate(kind: BriefSectionKind, filter: LibraryFilter, language: BriefLanguage): GeneratedSection {
    const labels = this.labels();
    const root = SECTION_ROOT_LABEL[kind];
    if (!labels.some((label) => label.key === root))
      throw ApiError.of('not_found', 'briefLabelNotFound', { label: root });
    const keys = withDescendants(labels, root);
    const { rows, totals } = this.store.spans([...keys], filter, SECTION_QUOTES_PER_LABEL);
    const proposers = new Map<number, string[]>();
    if (kind === 'proposalsWithProposers')
      for (const { proposalId, name } of this.store.proposers(
        PROPOSED_BY,
        rows.map((row) => row.id),
      )) {
        const names = proposers.get(proposalId) ?? [];
        if (!names.includes(name)) names.push(name);
        proposers.set(proposalId, names);
      }
    const byKey = new Map(labels.map((label) => [label.key, label]));
    const groups: SectionGroup[] = labelTree(labels.filter((label) => keys.has(label.key))).map(({ label }) => ({
      heading: labelAncestry(labels, label.key)
        .map((key) => {
          const named = byKey.get(key);
          return named ? (language === 'vi' ? named.nameVi : named.nameEn) : key;
        })
        .join(' › '),
      total: totals.get(label.key) ?? 0,
      quotes: rows
        .filter((row) => row.labelKey === label.key)
        .map(({ id, quote, articleTitle, ...row }) => ({
          citation: {
            annotationId: id,
            ...row,
            quote: capped(quote, SNAPSHOT_QUOTE_MAX),
            articleTitle: capped(articleTitle, SNAPSHOT_TITLE_MAX),
          },
          ...(kind === 'proposalsWithProposers' ? { proposers: proposers.get(id) ?? [] } : {}),
        })),
    }));
    return {
      nodes: sectionNodes(kind, groups, language),
      listed: rows.length,
      total: [...totals.values()].reduce((sum, count) => sum + count, 0),
    };
  }
}

/** CitationSnapshotSchema's caps (shared/brief/citation.ts). */
const SNAPSHOT_QUOTE_MAX = 20_000;
const SNAPSHOT_TITLE_MAX = 2_000;

/**
 * A text cut to the snapshot's cap, with an ellipsis, never inside a surrogate pair. Only the
 * saved snapshot is cut: the citation shows the whole live span while it exists.
 */
function capped(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** One section service per open workbench, over its own connection's stores. */
export const briefSectionsOf = perWorkbench(
  (workbench: Workbench) =>
    new BriefSectionService(new BriefSectionStore(workbench.db, workbench.corpus.library), () =>
      workbench.labels.list(),
    ),
);
