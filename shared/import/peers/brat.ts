/**
 * brat standoff: per document a `.txt` and a `.ann`, offsets in code points. Text-bound
 * annotations are `T<n>\t<Label> <start> <end>[;<start> <end>…]\t<text>`. Fragments separated
 * only by line breaks and spaces (how brat, and Marginalia's export, write a span across a line
 * break) are one span again; truly discontinuous spans are reported and skipped, and so are
 * relations, events and attributes (they are not spans). `#<n>\tAnnotatorNotes T<n>\t<note>` becomes
 * the span's note.
 */
import type { MessageRef } from '../../messages/backend-messages';
import type { PeerAnnotations, PeerSpan } from './spans';

export function bratAnnotations(text: string, ann: string): PeerAnnotations {
  const spans: PeerSpan[] = [];
  const problems: MessageRef[] = [];
  const points = Array.from(text);
  const notes = annotatorNotes(ann);
  let otherLines = 0;
  ann.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    if (notes.lines.has(index)) return;
    if (!line.startsWith('T')) {
      otherLines++;
      return;
    }
    const [id, typeAndRanges = '', quote = ''] = line.split('\t');
    const [label = '', ...rest] = typeAndRanges.split(' ');
    const ranges = rest
      .join(' ')
      .split(';')
      .map((range) => range.trim().split(/\s+/).map(Number));
    if (
      label === '' ||
      ranges.some((range) => range.length !== 2 || range.some((n) => !Number.isInteger(n) || n < 0))
    ) {
      problems.push({ key: 'bratLineNotTextBound', params: { line: index + 1, id: id ?? '' } });
      return;
    }
    const start = ranges[0]?.[0] as number;
    const end = ranges[ranges.length - 1]?.[1] as number;
    const gapsAreBreaks = ranges.every((range, i) => {
      const next = ranges[i + 1];
      return (
        next === undefined ||
        points
          .slice(range[1] as number, next[0])
          .join('')
          .trim() === ''
      );
    });
    if (!gapsAreBreaks) {
      problems.push({ key: 'bratDiscontinuous', params: { id: id ?? '', label, ranges: rest.join(' ') } });
      return;
    }
    // The file's text field joins fragments with spaces; the check is on the span as a whole.
    const whole = points.slice(start, end).join('');
    spans.push({
      start,
      end,
      label,
      quote: ranges.length === 1 ? quote : whole.replace(/\s+/g, ' ') === quote ? whole : quote,
      ...(id !== undefined && notes.byId.has(id) ? { note: notes.byId.get(id) } : {}),
    });
  });
  if (otherLines > 0) problems.push({ key: 'bratOtherLines', params: { count: otherLines } });
  return { format: 'brat standoff', unit: 'codepoint', spans, problems };
}

/** `#<n>\tAnnotatorNotes T<n>\t<note>` lines: each note by the id of its span, and which lines they are. */
function annotatorNotes(ann: string): { byId: Map<string, string>; lines: Set<number> } {
  const byId = new Map<string, string>();
  const lines = new Set<number>();
  ann.split('\n').forEach((line, index) => {
    const match = /^#[^\t]*\tAnnotatorNotes (T\S+)\t(.*)$/.exec(line);
    if (!match) return;
    const [, id = '', note = ''] = match;
    byId.set(id, byId.has(id) ? `${byId.get(id)}\n${note}` : note);
    lines.add(index);
  });
  return { byId, lines };
}
