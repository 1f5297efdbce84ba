/**
 * brat standoff, zipped: per article `article-<id>.txt` (the canonical text, exactly) and
 * `article-<id>.ann`, plus one `annotation.conf` naming the labels. Offsets count code points,
 * as brat (Python) does, whatever unit the export was asked for.
 *
 * - `T<n>\t<LABEL> <start> <end>\t<quote>` per span. brat spans do not cross line breaks, so a
 *   span that does is written as fragments (`0 5;7 12`) split at the breaks, its text joined by
 *   single spaces, as brat itself writes them.
 * - A note becomes `#<n>\tAnnotatorNotes T<n>\t<note>`, line breaks turned into spaces (lost).
 * - Enum and boolean attributes become `A<n>\t<key> T<n> <value>` (one line per value of a
 *   multi-valued enum; a boolean is brat's binary attribute, written only when true) and are
 *   declared in `annotation.conf`. brat has no free-valued attributes, so numbers, dates, text and
 *   span references become notes, `#<n>\tAnnotatorNotes T<n>\t<key>: <value>` (a reference as `T<m>`).
 * - A span linked to a registry entity gets a normalisation line `N<n>\tReference T<n> Marginalia:<id>\t<name>`,
 *   and a second one to its external id when it has one (`Wikidata:Q123`, or the `scheme:value` typed).
 * - A relation becomes `R<n>\t<type> Arg1:T<head> Arg2:T<tail>`; annotation.conf lists each type
 *   with the labels its ends allow (`Arg1:PROPOSAL, Arg2:PER|ORG`; `<ENTITY>` for any label).
 * - The zip is streamed with fflate: each article's two files are deflated as it comes.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { valueAsText, type AttributeDef } from '../domain/attributes';
import { OffsetConverter } from '../text/offsets';
import { defsByLabel, exportedValues } from './attribute-values';
import type { ExportChunk, ExportCodec, ExportContext } from './types';
import type { ExportEntities } from './entities';
import { relationsAmong } from './relations';
import { toUnitSpans } from './unit-spans';
import type { Relation } from '../domain/relations';

/** brat names a normalisation database before the colon: a QID is Wikidata's. */
const bratReference = (externalId: string): string =>
  /^Q\d+$/.test(externalId) ? `Wikidata:${externalId}` : externalId;

/** `[start, end)` pieces of a UTF-16 range, cut at line breaks; empty pieces dropped. */
export function lineFragments(text: string, start: number, end: number): { start: number; end: number }[] {
  const fragments: { start: number; end: number }[] = [];
  let pieceStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      if (i > pieceStart) fragments.push({ start: pieceStart, end: i });
      pieceStart = i + 1;
    }
  }
  return fragments;
}

const singleLine = (value: string): string => value.replace(/[\r\n\t]+/g, ' ');

export function bratAnnotations(
  text: string,
  annotations: Parameters<typeof toUnitSpans>[1],
  relations: readonly Relation[] = [],
  attributeDefs: readonly AttributeDef[] = [],
  entities?: ExportEntities,
) {
  const { spans, invalid } = toUnitSpans(text, annotations, 'utf16');
  const converter = new OffsetConverter(text);
  const defs = defsByLabel(attributeDefs);
  const bratIdOf = new Map(spans.map(({ annotation }, index) => [annotation.id, `T${index + 1}`]));
  const lines: string[] = [];
  let noteNumber = 0;
  let attributeNumber = 0;
  let normalisationNumber = 0;
  spans.forEach(({ annotation }, index) => {
    const id = `T${index + 1}`;
    const fragments = lineFragments(text, annotation.start, annotation.end);
    const ranges = fragments
      .map((fragment) => `${converter.u16ToCodePoint(fragment.start)} ${converter.u16ToCodePoint(fragment.end)}`)
      .join(';');
    const quote = fragments.map((fragment) => text.slice(fragment.start, fragment.end)).join(' ');
    lines.push(`${id}\t${annotation.labelKey} ${ranges}\t${quote}`);
    if (annotation.note.trim() !== '')
      lines.push(`#${++noteNumber}\tAnnotatorNotes ${id}\t${singleLine(annotation.note)}`);
    for (const [key, value, def] of exportedValues(annotation, defs, (target) => bratIdOf.get(target))) {
      if (def?.spec.type === 'enum') {
        for (const one of Array.isArray(value) ? value : [value])
          lines.push(`A${++attributeNumber}\t${key} ${id} ${one}`);
      } else if (def?.spec.type === 'boolean') {
        if (value === true) lines.push(`A${++attributeNumber}\t${key} ${id}`);
      } else {
        lines.push(`#${++noteNumber}\tAnnotatorNotes ${id}\t${key}: ${singleLine(valueAsText(value as never))}`);
      }
    }
    const entity = entities?.entityOf(annotation.id);
    if (entity) {
      const name = singleLine(entity.name);
      lines.push(`N${++normalisationNumber}\tReference ${id} Marginalia:${entity.id}\t${name}`);
      if (entity.externalId) {
        lines.push(`N${++normalisationNumber}\tReference ${id} ${bratReference(entity.externalId)}\t${name}`);
      }
    }
  });
  relationsAmong(relations, spans).forEach(({ relation, head, tail }, index) => {
    lines.push(`R${index + 1}\t${relation.typeKey} Arg1:T${head + 1} Arg2:T${tail + 1}`);
  });
  return { ann: lines.length > 0 ? `${lines.join('\n')}\n` : '', spansWritten: spans.length, invalid };
}

export function createBratCodec(context: ExportContext): ExportCodec {
  const mtime = new Date(context.exportedAt);
  const pending: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    pending.push(data);
  });
  const add = (name: string, content: string): void => {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    file.push(strToU8(content), true);
  };
  const drain = (): ExportChunk => concat(pending.splice(0));
  return {
    begin() {
      const entities = context.labels.map((label) => label.key).join('\n');
      const side = (labels: readonly string[]) => (labels.length ? labels.join('|') : '<ENTITY>');
      const relationLines = context.relationTypes
        .map((type) => `${type.key}\tArg1:${side(type.headLabels)}, Arg2:${side(type.tailLabels)}`)
        .join('\n');
      const attributes = bratAttributeConf(context.attributeDefs);
      add(
        'annotation.conf',
        `[entities]\n${entities}\n\n[relations]\n${relationLines ? `${relationLines}\n` : ''}\n[events]\n\n[attributes]\n${attributes}`,
      );
      return drain();
    },
    article(article, annotations, relations) {
      const { ann, spansWritten, invalid } = bratAnnotations(
        article.text,
        annotations,
        relations,
        context.attributeDefs,
        context.entities,
      );
      add(`article-${article.id}.txt`, article.text);
      add(`article-${article.id}.ann`, ann);
      return { chunk: drain(), spansWritten, leftOut: invalid, widened: [] };
    },
    end() {
      zip.end();
      return drain();
    },
  };
}

/**
 * The `[attributes]` section: `<key>\tArg:<LABEL>|…, Value:<a>|<b>` for enums, `<key>\tArg:<LABEL>`
 * for booleans. brat names attributes globally, so a key used by several labels is declared once.
 */
function bratAttributeConf(defs: readonly AttributeDef[]): string {
  const byKey = new Map<string, { labels: string[]; values: string[] }>();
  for (const def of defs) {
    if (def.spec.type !== 'enum' && def.spec.type !== 'boolean') continue;
    const entry = byKey.get(def.key) ?? { labels: [], values: [] };
    entry.labels.push(def.labelKey);
    if (def.spec.type === 'enum') {
      for (const option of def.spec.options) if (!entry.values.includes(option.value)) entry.values.push(option.value);
    }
    byKey.set(def.key, entry);
  }
  return [...byKey]
    .map(
      ([key, { labels, values }]) =>
        `${key}\tArg:${labels.join('|')}${values.length ? `, Value:${values.join('|')}` : ''}\n`,
    )
    .join('');
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
