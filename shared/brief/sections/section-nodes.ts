/**
 * Generated sections of a brief: "the risks of this filter, grouped by label, with quotes" and
 * "the proposals with their proposers". The service reads the spans; this module turns them into
 * plain Lexical serialized nodes (heading, list, listitem, text, paragraph, citation) that the
 * editor inserts and the analyst then edits like anything typed.
 */
import { z } from 'zod';
import { CITATION_NODE_TYPE, type CitationSnapshot, type SerializedCitationNode } from '../citation';
import type { BriefLanguage } from '../export/brief-document';

export const BRIEF_SECTION_KINDS = ['risksByLabel', 'proposalsWithProposers'] as const;
export const BriefSectionKindSchema = z.enum(BRIEF_SECTION_KINDS);
export type BriefSectionKind = z.infer<typeof BriefSectionKindSchema>;

/** The top-level label each kind gathers, with every label under it. */
export const SECTION_ROOT_LABEL: Record<BriefSectionKind, string> = {
  risksByLabel: 'RISK',
  proposalsWithProposers: 'PROPOSAL',
};

/** Quotes listed per label; past it a line says how many more there are. Keeps a section a few pages. */
export const SECTION_QUOTES_PER_LABEL = 20;

/** A node as Lexical's `exportJSON` writes it: a type, a version and the node's own fields. */
export const SerializedLexicalNodeSchema = z.looseObject({ type: z.string().min(1), version: z.number().int() });
export type SerializedLexicalNode = z.infer<typeof SerializedLexicalNodeSchema>;

export interface SectionQuote {
  citation: CitationSnapshot;
  /** proposalsWithProposers only: who made it (entity names, else the quoted names); empty when none recorded. */
  proposers?: string[];
}

export interface SectionGroup {
  /** The label's name path in the brief's language: "Nguy cơ › An ninh mạng". */
  heading: string;
  quotes: SectionQuote[];
  /** Spans of this label under the filter, listed or not. */
  total: number;
}

const WORDS = {
  en: {
    proposedBy: 'proposed by {names}',
    proposerNotRecorded: 'proposer not recorded',
    moreNotShown: '{n} more not shown',
    nothing: 'No span under this filter.',
    undated: 'undated',
  },
  vi: {
    proposedBy: 'do {names} đề xuất',
    proposerNotRecorded: 'chưa ghi nhận người đề xuất',
    moreNotShown: 'còn {n} trích dẫn không hiển thị',
    nothing: 'Không có đoạn nào theo bộ lọc này.',
    undated: 'không rõ ngày',
  },
} as const satisfies Record<BriefLanguage, Record<string, string>>;

const ITALIC = 2;

const textNode = (text: string, format = 0): SerializedLexicalNode => ({
  type: 'text',
  version: 1,
  text,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
});

const elementNode = (type: string, children: SerializedLexicalNode[], extra: object = {}): SerializedLexicalNode => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
});

const paragraph = (children: SerializedLexicalNode[]) =>
  elementNode('paragraph', children, { textFormat: 0, textStyle: '' });

function citationNode(citation: CitationSnapshot): SerializedCitationNode {
  return { ...citation, type: CITATION_NODE_TYPE, version: 1 };
}

/** The nodes of one section: per label a heading and a bullet list of its quotes. */
export function sectionNodes(
  kind: BriefSectionKind,
  groups: readonly SectionGroup[],
  language: BriefLanguage,
): SerializedLexicalNode[] {
  const words = WORDS[language];
  if (groups.every((group) => group.total === 0)) return [paragraph([textNode(words.nothing, ITALIC)])];
  return groups
    .filter((group) => group.total > 0)
    .flatMap((group) => {
      const items = group.quotes.map((quote, i) => {
        const { articleTitle, publishedAt } = quote.citation;
        const where = `${articleTitle}, ${publishedAt ?? words.undated}`;
        const tail =
          kind === 'proposalsWithProposers'
            ? ` — ${quote.proposers?.length ? words.proposedBy.replace('{names}', quote.proposers.join(', ')) : words.proposerNotRecorded} (${where})`
            : ` — ${where}`;
        return elementNode('listitem', [citationNode(quote.citation), textNode(tail)], { value: i + 1 });
      });
      const nodes = [
        elementNode('heading', [textNode(group.heading)], { tag: 'h3' }),
        elementNode('list', items, { listType: 'bullet', start: 1, tag: 'ul' }),
      ];
      const hidden = group.total - group.quotes.length;
      if (hidden > 0) nodes.push(paragraph([textNode(words.moreNotShown.replace('{n}', String(hidden)), ITALIC)]));
      return nodes;
    });
}
