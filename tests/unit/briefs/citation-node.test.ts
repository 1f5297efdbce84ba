import { describe, expect, it } from 'vitest';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, ParagraphNode, TextNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { SerializedCitationNodeSchema, type CitationSnapshot } from '../../../shared/brief/citation';
import { BriefContentSchema, briefContentProblem, citationsOf } from '../../../shared/brief/brief';
import { $createCitationNode, $isCitationNode, CitationNode } from '../../../renderer/src/briefs/nodes/CitationNode';

const SNAPSHOT: CitationSnapshot = {
  annotationId: 42,
  articleId: 7,
  labelKey: 'RISK',
  quote: 'nguy cơ mất an toàn thông tin',
  articleTitle: 'Bộ Công an cảnh báo về an ninh mạng',
  source: 'Báo Nhân Dân',
  publishedAt: '2023-04-05',
  startU16: 120,
  endU16: 149,
};

/** A headless editor (no root element): Lexical updates and serialises its state without a DOM. */
function editor() {
  return createEditor({
    namespace: 'citation-test',
    nodes: [ParagraphNode, TextNode, HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, CitationNode],
    onError: (error) => {
      throw error;
    },
  });
}

describe('CitationNode serialisation', () => {
  it('exportJSON is the shared SerializedCitationNode: the snapshot, type citation, version 1', () => {
    const lexical = editor();
    lexical.update(
      () => {
        const paragraph = $createParagraphNode();
        paragraph.append($createTextNode('Bộ nêu: '), $createCitationNode(SNAPSHOT));
        $getRoot().clear().append(paragraph);
      },
      { discrete: true },
    );
    const state = lexical.getEditorState().toJSON();
    const [citation] = citationsOf(BriefContentSchema.parse(state));
    expect(citation).toEqual({ type: 'citation', version: 1, ...SNAPSHOT });
    expect(SerializedCitationNodeSchema.parse(citation)).toEqual(citation);
    expect(briefContentProblem(BriefContentSchema.parse(state))).toBeNull();
  });

  it('importJSON restores the node with the same snapshot, and a round trip is stable', () => {
    const first = editor();
    first.update(
      () => {
        const paragraph = $createParagraphNode();
        paragraph.append($createCitationNode(SNAPSHOT), $createTextNode(' và thêm chữ.'));
        $getRoot().clear().append(paragraph);
      },
      { discrete: true },
    );
    const json = JSON.stringify(first.getEditorState().toJSON());

    const second = editor();
    second.setEditorState(second.parseEditorState(json));
    const read = second.getEditorState().read(() => {
      const node = $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstChild();
      return $isCitationNode(node) ? { snapshot: node.getSnapshot(), text: $getRoot().getTextContent() } : null;
    });
    expect(read).toEqual({ snapshot: SNAPSHOT, text: `“${SNAPSHOT.quote}” và thêm chữ.` });
    expect(JSON.stringify(second.getEditorState().toJSON())).toBe(json);
  });

  it('setSnapshot changes what is serialised (a live span edited since)', () => {
    const lexical = editor();
    lexical.update(
      () => {
        const paragraph = $createParagraphNode();
        paragraph.append($createCitationNode(SNAPSHOT));
        $getRoot().clear().append(paragraph);
      },
      { discrete: true },
    );
    lexical.update(
      () => {
        const node = $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstChild();
        if ($isCitationNode(node)) node.setSnapshot({ ...node.getSnapshot(), quote: 'nguy cơ', endU16: 127 });
      },
      { discrete: true },
    );
    const [citation] = citationsOf(BriefContentSchema.parse(lexical.getEditorState().toJSON()));
    expect(citation).toMatchObject({ quote: 'nguy cơ', endU16: 127, annotationId: 42 });
  });
});
