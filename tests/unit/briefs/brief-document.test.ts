import { describe, expect, it } from 'vitest';
import {
  BriefContentError,
  buildBriefDocument,
  citationsIn,
  noteParts,
  type BriefList,
} from '../../../shared/brief/export/brief-document';
import { briefFileName } from '../../../shared/brief/export/formats';
import { citation, editorState, list, listItem, nestedItem, paragraph, text } from './lexical-fixtures';
import { EDITED_QUOTE, LIVE, MISSING, ORPHANED, SAMPLE_META, SAMPLE_STATE, sampleDocument } from './sample-brief';

describe('the brief document read from Lexical JSON', () => {
  it('numbers citations in reading order and shows the live span, or the snapshot marked as missing', () => {
    const doc = sampleDocument();
    expect(citationsIn(SAMPLE_STATE).map((snapshot) => snapshot.annotationId)).toEqual([11, 12, 13]);
    expect(doc.notes.map((note) => [note.number, note.state, note.citation.quote])).toEqual([
      [1, 'live', EDITED_QUOTE],
      [2, 'orphaned', ORPHANED.quote],
      [3, 'articleMissing', MISSING.quote],
    ]);
    // Live offsets are the resolver's code points; a gone span keeps the snapshot's UTF-16 units.
    expect(doc.notes[0]?.offsets).toEqual({ unit: 'codepoint', start: 10, end: 44 });
    expect(doc.notes[2]?.offsets).toEqual({ unit: 'utf16', start: 5, end: 27 });
  });

  it('names article, source, date, label and offsets in a note, and what is missing', () => {
    const [live, orphaned, missing] = sampleDocument().notes.map((note) =>
      noteParts(note, 'en')
        .map((part) => part.text)
        .join(''),
    );
    expect(live).toBe(`“${EDITED_QUOTE}” — ${LIVE.articleTitle}, VnExpress, 2024-03-05; RISK; code points 10–44.`);
    expect(orphaned).toContain('The span was deleted from its article');
    expect(missing).toContain('source not recorded, undated');
    expect(missing).toContain('The article (no. 2) was deleted');
    const vietnamese = noteParts(sampleDocument('vi').notes[2]!, 'vi')
      .map((part) => part.text)
      .join('');
    expect(vietnamese).toContain('Bài báo (số 2) đã bị xoá');
  });

  it('puts a list Lexical nests in an item of its own under the item before it', () => {
    const doc = buildBriefDocument(
      SAMPLE_META,
      editorState(
        list('bullet', [listItem(text('a')), nestedItem(list('number', [listItem(text('a.1'))])), listItem(text('b'))]),
      ),
      new Map(),
      'en',
    );
    const outer = doc.blocks[0] as BriefList;
    expect(outer.items).toHaveLength(2);
    expect(outer.items[0]?.lists[0]?.ordered).toBe(true);
    expect(outer.items[0]?.lists[0]?.items[0]?.inlines).toMatchObject([{ kind: 'text', text: 'a.1' }]);
  });

  it('keeps the text of an unknown node and drops a link to a script', () => {
    const doc = buildBriefDocument(
      SAMPLE_META,
      editorState(paragraph({ type: 'hashtag', version: 1, text: '#an_ninh', format: 0 }), paragraph(text('x'))),
      new Map(),
      'en',
    );
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', inlines: [{ kind: 'text', text: '#an_ninh' }] });
    const sample = sampleDocument();
    const links = JSON.stringify(sample.blocks).match(/"url":("[^"]*"|null)/g);
    expect(links).toEqual(['"url":"https://example.org/bai"', '"url":null']);
  });

  it('refuses a state that is not Lexical’s, naming the node', () => {
    expect(() => buildBriefDocument(SAMPLE_META, { nope: 1 }, new Map(), 'en')).toThrow(BriefContentError);
    const badText = editorState(paragraph(text('ok'), { type: 'text', version: 1, text: 42 }));
    expect(() => buildBriefDocument(SAMPLE_META, badText, new Map(), 'en')).toThrow(
      'root.children[0].children[1].text: not a string',
    );
    const badCitation = editorState(paragraph({ ...citation(LIVE), startU16: -1 }));
    expect(() => buildBriefDocument(SAMPLE_META, badCitation, new Map(), 'en')).toThrow(
      /^root\.children\[0\]\.children\[0\]\.startU16: not a citation/,
    );
  });

  it('makes a file name of the title, Vietnamese letters kept', () => {
    expect(briefFileName('Báo cáo: nguy cơ 2019/2024', 'docx')).toBe('Báo-cáo-nguy-cơ-2019-2024.docx');
    expect(briefFileName('<>', 'markdown')).toBe('brief.md');
  });
});
