/**
 * One brief holding every node kind the writers read, hostile text included, and three citations:
 * live (span edited since the snapshot), orphaned (span deleted) and articleMissing.
 */
import type { CitationSnapshot, ResolvedCitation } from '../../../shared/brief/citation';
import {
  buildBriefDocument,
  type BriefDocument,
  type BriefLanguage,
} from '../../../shared/brief/export/brief-document';
import {
  BOLD,
  CODE,
  ITALIC,
  UNDERLINE,
  citation,
  editorState,
  heading,
  lineBreak,
  link,
  list,
  listItem,
  nestedItem,
  paragraph,
  quote,
  table,
  text,
} from './lexical-fixtures';

export const HOSTILE = '<script>alert("x")</script> *not bold* [^9] # & `tick`';

export const LIVE: CitationSnapshot = {
  annotationId: 11,
  articleId: 1,
  labelKey: 'RISK',
  quote: 'nguy cơ an ninh mạng',
  articleTitle: 'Bộ Công an nêu 5 nguy cơ',
  source: 'VnExpress',
  publishedAt: '2024-03-05',
  startU16: 10,
  endU16: 30,
};
export const ORPHANED: CitationSnapshot = {
  annotationId: 12,
  articleId: 1,
  labelKey: 'PROPOSAL',
  quote: `đề xuất hợp tác ${HOSTILE}`,
  articleTitle: 'Bộ Công an nêu 5 nguy cơ',
  source: 'VnExpress',
  publishedAt: '2024-03-05',
  startU16: 40,
  endU16: 60,
};
export const MISSING: CitationSnapshot = {
  annotationId: 13,
  articleId: 2,
  labelKey: 'RISK',
  quote: 'tội phạm công nghệ cao',
  articleTitle: 'Bài đã xoá',
  source: null,
  publishedAt: null,
  startU16: 5,
  endU16: 27,
};

export const SAMPLE_STATE = editorState(
  heading('h1', text('Năm nguy cơ chính')),
  paragraph(
    text('Mở đầu '),
    text('đậm', BOLD),
    text(' và '),
    text('nghiêng', ITALIC),
    text(' và '),
    text('gạch dưới', UNDERLINE),
    text(' và '),
    text('mã', CODE),
    text('.'),
    lineBreak(),
    text('Dòng hai với '),
    link('https://example.org/bai', text('liên kết')),
    text(' và '),
    link('javascript:alert(1)', text('liên kết xấu')),
  ),
  heading('h2', text('Trích dẫn')),
  paragraph(text('Theo bài báo, '), citation(LIVE), text('.')),
  quote(text(HOSTILE)),
  list('bullet', [
    listItem(text('Mục một')),
    nestedItem(list('number', [listItem(text('Mục con một')), listItem(text('Mục con hai'))])),
    listItem(text('Mục hai có '), citation(ORPHANED)),
  ]),
  list('number', [listItem(text('Bước ba')), listItem(text('Bước bốn'))], 3),
  table([
    [[paragraph(text('Nguy cơ'))], [paragraph(text('Nguồn'))]],
    [[paragraph(citation(MISSING))], [paragraph(text('Không rõ'))]],
  ]),
);

export const SAMPLE_META = {
  title: 'Báo cáo: nguy cơ 2019–2024 <b>',
  author: 'Nguyễn Lan',
  createdAt: '2026-11-29T08:00:00.000Z',
  updatedAt: '2026-11-30T09:30:00.000Z',
};

/** The span behind LIVE was edited since the snapshot: the export shows the span as it is now. */
export const EDITED_QUOTE = 'nguy cơ an ninh mạng ngày càng lớn';

export const SAMPLE_RESOLVED = new Map<number, ResolvedCitation>([
  [
    LIVE.annotationId,
    {
      state: 'live',
      citation: { ...LIVE, quote: EDITED_QUOTE, endU16: 44 },
      startCp: 10,
      endCp: 44,
    },
  ],
  [ORPHANED.annotationId, { state: 'orphaned', annotationId: ORPHANED.annotationId, articleId: ORPHANED.articleId }],
  [MISSING.annotationId, { state: 'articleMissing', annotationId: MISSING.annotationId, articleId: MISSING.articleId }],
]);

export function sampleDocument(language: BriefLanguage = 'en'): BriefDocument {
  return buildBriefDocument(SAMPLE_META, SAMPLE_STATE, SAMPLE_RESOLVED, language);
}
