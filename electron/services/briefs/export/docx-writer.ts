import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import {
  bylineOf,
  noteParts,
  type BriefBlock,
  type BriefDocument,
  type BriefInline,
  type BriefList,
  type TextMarks,
} from '../../../../shared/brief/export/brief-document';

/**
 * A brief as a Word document (OOXML through the `docx` package), which LibreOffice and Word open:
 * the title, author and dates in the document's properties and at its head; citations as the
 * quote in the text with a footnote naming the article, its source and date, and the offsets;
 * lists on two numbering definitions (one list = one numbering instance, so each counts from its
 * own start); quotes in Word's built-in "Quote" style.
 */
export async function writeBriefDocx(doc: BriefDocument): Promise<Uint8Array> {
  const context: DocxContext = { nextInstance: 0, numberingStarts: new Set([1]) };
  const body = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.meta.title)] }),
    new Paragraph({ children: [new TextRun({ text: bylineOf(doc.meta, doc.language), color: '57606A' })] }),
    ...doc.blocks.flatMap((block) => blockToDocx(block, context)),
  ];
  const footnotes = Object.fromEntries(
    doc.notes.map((note) => [
      note.number,
      {
        children: [
          new Paragraph({
            children: noteParts(note, doc.language).map(
              (part) =>
                new TextRun({
                  text: part.text,
                  italics: part.style === 'title',
                  ...(part.style === 'missing' ? { color: '9A3412' } : {}),
                }),
            ),
          }),
        ],
      },
    ]),
  );
  const document = new Document({
    title: doc.meta.title,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    description: bylineOf(doc.meta, doc.language),
    customProperties: [
      { name: 'Created', value: doc.meta.createdAt },
      { name: 'Updated', value: doc.meta.updatedAt },
    ],
    styles: {
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '424A53' },
          paragraph: { indent: { left: 720, right: 720 } },
        },
      ],
    },
    numbering: {
      config: [
        { reference: BULLET, levels: levels(LevelFormat.BULLET, 1) },
        ...[...context.numberingStarts].map((start) => ({
          reference: numberReference(start),
          levels: levels(LevelFormat.DECIMAL, start),
        })),
      ],
    },
    footnotes,
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const BULLET = 'brief-bullet';
const BULLET_SIGNS = ['•', '◦', '▪'];

interface DocxContext {
  /** Numbering instances handed out so far: one per list. */
  nextInstance: number;
  /** Start values of the numbered lists met (a definition per start, since a level's start is fixed). */
  numberingStarts: Set<number>;
}

function numberReference(start: number): string {
  return `brief-number-${start}`;
}

/** Nine levels (Word's most), indented 0.5″ each; the first level counts from `start`. */
function levels(format: (typeof LevelFormat)[keyof typeof LevelFormat], start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format,
    text: format === LevelFormat.BULLET ? (BULLET_SIGNS[level % BULLET_SIGNS.length] ?? '•') : `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function blockToDocx(block: BriefBlock, context: DocxContext): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ children: runs(block.inlines) })];
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.inlines) })];
    case 'quote':
      return [new Paragraph({ style: 'Quote', children: runs(block.inlines) })];
    case 'list':
      return listToDocx(block, 0, context);
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map(
            (row) =>
              new TableRow({
                tableHeader: row.cells.length > 0 && row.cells.every((cell) => cell.header),
                children: row.cells.map((cell) => {
                  const content = cell.blocks.flatMap((inner) => blockToDocx(inner, context));
                  // OOXML requires a paragraph in every cell, even an empty one.
                  return new TableCell({ children: content.length > 0 ? content : [new Paragraph({})] });
                }),
              }),
          ),
        }),
      ];
  }
}

function listToDocx(list: BriefList, level: number, context: DocxContext): Paragraph[] {
  const instance = context.nextInstance++;
  if (list.ordered) context.numberingStarts.add(list.start);
  const reference = list.ordered ? numberReference(list.start) : BULLET;
  return list.items.flatMap((item) => [
    new Paragraph({ numbering: { reference, level: Math.min(level, 8), instance }, children: runs(item.inlines) }),
    ...item.lists.flatMap((inner) => listToDocx(inner, level + 1, context)),
  ]);
}

function runs(inlines: readonly BriefInline[], style?: string): ParagraphChild[] {
  return inlines.flatMap((inline): ParagraphChild[] => {
    switch (inline.kind) {
      case 'text':
        return textRuns(inline.text, inline.marks, style);
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'link':
        return inline.url === null
          ? runs(inline.children, style)
          : [new ExternalHyperlink({ link: inline.url, children: runs(inline.children, 'Hyperlink') })];
      case 'citation':
        return [
          new TextRun({ text: `“${inline.note.citation.quote}”`, ...(style ? { style } : {}) }),
          new FootnoteReferenceRun(inline.note.number),
        ];
    }
  });
}

/** A run per line of the text: a line break inside a text node is a break in Word too. */
function textRuns(text: string, marks: TextMarks, style: string | undefined): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        ...(i > 0 ? { break: 1 } : {}),
        bold: marks.bold,
        italics: marks.italic,
        strike: marks.strikethrough,
        ...(marks.underline ? { underline: {} } : {}),
        ...(marks.code ? { font: 'Consolas' } : {}),
        ...(style ? { style } : {}),
      }),
  );
}
