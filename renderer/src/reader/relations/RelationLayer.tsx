import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextRange } from '../../../../shared/text/syllables';
import type { RelationType } from '../../../../shared/domain/relations';
import { useAppStore } from '../../state/app-store';
import { characterAtPoint } from '../dom-selection';
import type { HighlightPainter } from '../highlight-painter';
import { watchPaintWindow } from '../paint-window';
import { useReaderStore } from '../reader-store';
import type { Relation, Span } from '../sync/document-sync';
import type { TextLayout } from '../text-layout';
import { layoutArcs, type ArcInput, type Box } from './arc-geometry';
import { draftTarget, useRelationStore } from './relation-store';

interface RelationLayerProps {
  layout: TextLayout;
  root: HTMLElement;
  painter: HighlightPainter;
  /** The positioned element the layer covers (the text's wrapper), inside the reader's scroller. */
  container: HTMLElement;
}

const NO_WINDOW: TextRange = { start: 0, end: 0 };

/** Half the relation handle's width (10 px in app.css). */
const HANDLE_HALF_PX = 5;

/** The highlight that lights both ends of the hovered relation (styled in app.css). */
const ENDS_HIGHLIGHT = 'relation-ends';

export const typeName = (type: RelationType | undefined, key: string, language: string): string =>
  type ? (language === 'vi' ? type.nameVi : type.nameEn) : key;

/**
 * Relations drawn over the text as labelled arcs in an SVG layer, for the spans in the painter's
 * window only (the same band of chunks the highlights use); the relation handle of the selected
 * span; and the draft of a relation being made, with its short list of allowed types.
 */
export function RelationLayer({ layout, root, painter, container }: RelationLayerProps) {
  // Arcs are drawn for the spans in the painter's window around the scroller's viewport.
  const scroller = (container.closest('.reader__page') as HTMLElement | null) ?? container;
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const sync = useReaderStore((state) => state.sync);
  const types = useReaderStore((state) => state.relationTypes);
  // What the layer draws depends on the selected span only once it is saved (its relation handle
  // and lit arcs), and on span geometry only for spans with relations or that handle. So a span
  // just created (selected under its temporary id) in an article without relations does not
  // re-render the layer in the frame that must show it: ~1 ms of that frame's script
  // (bench/README.md, "Spans in the viewport's band").
  const selectedId = useReaderStore((state) =>
    state.selectedId !== null && state.selectedId > 0 ? state.selectedId : null,
  );
  const spansVersion = useReaderStore((state) =>
    state.sync?.relations.size || (state.selectedId !== null && state.selectedId > 0) ? state.spansVersion : 0,
  );
  const relationsVersion = useReaderStore((state) => state.relationsVersion);
  const hasRelations = useReaderStore((state) => (state.sync?.relations.size ?? 0) > 0);
  const { draft, hoveredId } = useRelationStore();
  // Empty until the observer's first report (the frame after the text's first): measuring now
  // would lay the new text out inside the script, before its first frame.
  const [window, setWindow] = useState<TextRange>(NO_WINDOW);
  const [viewportVersion, setViewportVersion] = useState(0);
  const [dragLine, setDragLine] = useState<{ x1: number; y1: number; x2: number; y2: number } | null>(null);

  // Only arcs depend on the window. It changes several times a second while scrolling, and in an
  // article without relations each change re-rendered the layer and measured the selected span
  // again for nothing.
  useEffect(
    () => (hasRelations ? watchPaintWindow(layout, scroller, setWindow) : undefined),
    [layout, scroller, hasRelations],
  );
  useEffect(() => {
    const onResize = () => setViewportVersion((version) => version + 1);
    globalThis.addEventListener('resize', onResize);
    return () => globalThis.removeEventListener('resize', onResize);
  }, []);

  const typeOf = useMemo(() => new Map(types.map((type) => [type.key, type])), [types]);
  const target = draftTarget(draft);

  // Geometry is read from the layout when the relations, spans, window or viewport change;
  // the DOM text itself never changes.
  const geometry = useMemo(() => {
    // Nothing to draw: no measuring (before the text's first frame it would force its layout).
    if (!sync || (hasRelations ? window === NO_WINDOW : selectedId === null && !draft)) return null;
    const origin = container.getBoundingClientRect();
    const textBox = root.getBoundingClientRect();
    const boxOf = (span: Span): Box | null => {
      const rect = layout.range(span.start, span.end).getClientRects()[0];
      if (!rect || rect.width === 0) return null;
      return { left: rect.left - origin.left, right: rect.right - origin.left, top: rect.top - origin.top };
    };
    const seen = new Set<number>();
    const inputs: ArcInput[] = [];
    const byId = new Map<number, Relation>();
    for (const span of sync.spans.intersecting(window.start, window.end)) {
      for (const relation of sync.relations.touching(span.id)) {
        if (seen.has(relation.id)) continue;
        seen.add(relation.id);
        const head = sync.spans.get(relation.headId);
        const tail = sync.spans.get(relation.tailId);
        const headBox = head && boxOf(head);
        const tailBox = tail && boxOf(tail);
        if (!headBox || !tailBox) continue;
        byId.set(relation.id, relation);
        const active =
          relation.id === hoveredId ||
          (selectedId !== null && (relation.headId === selectedId || relation.tailId === selectedId));
        const name = typeName(typeOf.get(relation.typeKey), relation.typeKey, language);
        inputs.push({ id: relation.id, labelChars: name.length, head: headBox, tail: tailBox, active });
      }
    }
    const selected = selectedId === null ? undefined : sync.spans.get(selectedId);
    const selectedRects = selected ? layout.range(selected.start, selected.end).getClientRects() : null;
    const last = selectedRects?.[selectedRects.length - 1];
    const handle =
      last && selected && selected.id > 0 ? { x: last.right - origin.left, y: last.top - origin.top } : null;
    // The handle sits in the gap above the span's last line, where labels go: none covers it.
    const keepClear = handle
      ? [{ top: handle.y, left: handle.x - HANDLE_HALF_PX - 1, right: handle.x + HANDLE_HALF_PX + 1 }]
      : [];
    const arcs = layoutArcs(inputs, { textRight: textBox.right - origin.left, gutterLanes: 4, rise: 4, keepClear });
    const draftFrom = draft ? sync.spans.get(draft.fromId) : undefined;
    const draftBoxes = draftFrom && target ? { from: boxOf(draftFrom), to: boxOf(target) } : null;
    return { arcs, byId, handle, draftBoxes };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    sync,
    layout,
    root,
    container,
    hasRelations,
    window,
    spansVersion,
    relationsVersion,
    selectedId,
    hoveredId,
    draft,
    viewportVersion,
  ]);

  // The hovered relation lights both its ends; the draft's target is shown as a draft range.
  useEffect(() => {
    const relation = hoveredId === null ? undefined : sync?.relations.get(hoveredId);
    const ends = new Highlight();
    for (const id of relation ? [relation.headId, relation.tailId] : []) {
      const span = sync?.spans.get(id);
      if (span) ends.add(layout.staticRange(span.start, span.end));
    }
    CSS.highlights.set(ENDS_HIGHLIGHT, ends);
    return () => void CSS.highlights.delete(ENDS_HIGHLIGHT);
  }, [hoveredId, sync, layout, relationsVersion]);
  useEffect(() => {
    painter.showDraft(target ?? null);
    return () => painter.showDraft(null);
  }, [painter, target]);

  if (!geometry || !sync) return null;

  const startDrag = (event: React.PointerEvent<HTMLSpanElement>) => {
    if (selectedId === null || !geometry.handle) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const origin = container.getBoundingClientRect();
    const from = { x1: geometry.handle.x, y1: geometry.handle.y };
    const fromId = selectedId;
    const onMove = (move: PointerEvent) =>
      setDragLine({ ...from, x2: move.clientX - origin.left, y2: move.clientY - origin.top });
    const onUp = (up: PointerEvent) => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      setDragLine(null);
      const offset = characterAtPoint(layout, root, up.clientX, up.clientY);
      const dropped = offset === null ? undefined : sync.spans.innermostAt(offset);
      if (dropped && dropped.id !== fromId) useRelationStore.getState().startTo(fromId, dropped.id);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
  };

  const { arcs, byId, handle, draftBoxes } = geometry;
  const markerTypes = [...new Set([...byId.values()].map((relation) => relation.typeKey))];
  return (
    <>
      <svg className="relation-layer" aria-label={t('relations.arcs')} role="img">
        <defs>
          {markerTypes.map((key) => (
            <marker
              key={key}
              id={`relation-arrow-${key}`}
              viewBox="0 0 8 8"
              refX="8"
              refY="4"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L8,4 L0,8 Z" fill={typeOf.get(key)?.color ?? '#555'} />
            </marker>
          ))}
        </defs>
        {arcs.map((arc) => {
          const relation = byId.get(arc.id) as Relation;
          const type = typeOf.get(relation.typeKey);
          const color = type?.color ?? '#555';
          const lit = arc.id === hoveredId;
          return (
            <g
              key={arc.id}
              className={`relation-arc${arc.active ? ' relation-arc--active' : ''}${lit ? ' relation-arc--lit' : ''}`}
              data-relation-id={arc.id}
              onMouseEnter={() => useRelationStore.getState().hover(arc.id)}
              onMouseLeave={() => useRelationStore.getState().hover(null)}
            >
              <path className="relation-arc__hit" d={arc.path} />
              <path
                className="relation-arc__line"
                d={arc.path}
                stroke={color}
                markerEnd={type?.directed === false ? undefined : `url(#relation-arrow-${relation.typeKey})`}
              />
              {/* Centred on its place (layoutArcs keeps labels apart by their centres); an arc with
                  no free place has no label, rather than one at the layer's corner. */}
              {arc.labelled ? (
                <text className="relation-arc__label" x={arc.labelX} y={arc.labelY} textAnchor="middle" fill={color}>
                  {typeName(type, relation.typeKey, language)}
                </text>
              ) : (
                <title>{typeName(type, relation.typeKey, language)}</title>
              )}
            </g>
          );
        })}
        {draftBoxes?.from && draftBoxes.to ? (
          <path
            className="relation-arc__draft"
            d={`M${(draftBoxes.from.left + draftBoxes.from.right) / 2},${draftBoxes.from.top} Q${
              (draftBoxes.from.left + draftBoxes.from.right + draftBoxes.to.left + draftBoxes.to.right) / 4
            },${Math.min(draftBoxes.from.top, draftBoxes.to.top) - 30} ${(draftBoxes.to.left + draftBoxes.to.right) / 2},${draftBoxes.to.top}`}
          />
        ) : null}
        {dragLine ? <line className="relation-arc__draft" {...dragLine} /> : null}
      </svg>
      {handle && !draft ? (
        <span
          className="relation-handle"
          style={{ left: handle.x - HANDLE_HALF_PX, top: handle.y - 12 }}
          onPointerDown={startDrag}
          role="button"
          aria-label={t('relations.handle')}
          title={t('relations.handle')}
        />
      ) : null}
      {draft ? <DraftPopup anchor={draftBoxes?.to ?? null} language={language} /> : null}
    </>
  );
}

/** The draft's short list of allowed types, by the target; Enter or a click saves. */
function DraftPopup({ anchor, language }: { anchor: Box | null; language: string }) {
  const { t } = useTranslation();
  const { draft, pickOption, confirm, cancel } = useRelationStore();
  const sync = useReaderStore((state) => state.sync);
  if (!draft) return null;
  const from = sync?.spans.get(draft.fromId);
  const target = draftTarget(draft);
  const position = anchor ? { left: anchor.left, top: anchor.top + 26 } : { left: 0, top: 0 };
  return (
    <div className="relation-draft" style={position} role="dialog" aria-label={t('relations.draft.region')}>
      <div className="relation-draft__ends" aria-live="polite">
        {from ? t('relations.draft.from', { quote: from.quote }) : null}{' '}
        {target ? t('relations.draft.to', { quote: target.quote }) : t('relations.draft.noTarget')}
      </div>
      {draft.options.length ? (
        <ul className="relation-draft__options" role="listbox" aria-label={t('relations.draft.region')}>
          {draft.options.map((option, index) => {
            const name = typeName(option.type, option.type.key, language);
            return (
              <li
                key={`${option.type.key}:${option.reversed}`}
                role="option"
                aria-selected={index === draft.optionIndex}
                className="relation-draft__option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  pickOption(index);
                  confirm();
                }}
              >
                <kbd>{index + 1}</kbd>
                <span className="relation-draft__swatch" style={{ background: option.type.color }} aria-hidden="true" />
                {option.reversed ? t('relations.draft.reversed', { type: name }) : name}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="relation-draft__hint">
        {t('relations.draft.hint')}{' '}
        <button type="button" className="link" onClick={cancel} aria-label={t('keys.action.relation-cancel')}>
          ✕
        </button>
      </div>
    </div>
  );
}
