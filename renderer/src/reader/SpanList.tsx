import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expandLabelFilter, labelTree, withDescendants } from '../../../shared/domain/label-tree';
import type { Label } from '../../../shared/domain/schemas';
import { labelChipStyle, labelInk } from '../app/contrast';
import { labelName, useAppStore } from '../state/app-store';
import { spanDragSource } from '../briefs/span-drag';
import { useDeferredReader, useReaderStore } from './reader-store';
import { useLayerStore } from './layers/layer-store';
import { useAfterFirstFrame } from './after-first-frame';

const ROW_HEIGHT = 52;
const OVERSCAN = 8;

interface SpanListProps {
  labels: readonly Label[];
  onReveal: (id: number) => void;
}

/**
 * The article's spans in text order, filterable by label: a parent's chip counts and hides its
 * sublabels' spans too. Rows are virtualised (fixed height, @tanstack/react-virtual), so a
 * 10,000-span article lists as fast as a short one.
 */
export function SpanList({ labels, onReveal }: SpanListProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const spansVersion = useDeferredReader((state) => state.spansVersion);
  const selectedId = useDeferredReader((state) => state.selectedId);
  const articleId = useReaderStore((state) => state.article?.id);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const viewport = useRef<HTMLDivElement>(null);
  const labelByKey = useMemo(() => new Map(labels.map((label) => [label.key, label])), [labels]);

  const sync = useReaderStore((state) => state.sync);
  // Spans of layers not on screen are not listed either (empty in an article of one layer).
  const otherLayers = useLayerStore((state) => state.hidden);
  // spansVersion is the signal that the sync's spans (outside React) changed.
  const all = useMemo(
    () => (sync?.spans.all() ?? []).filter((span) => !otherLayers.has(span.id)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sync, spansVersion, otherLayers],
  );
  const spans = useMemo(() => {
    const off = expandLabelFilter(labels, hidden);
    return all.filter((span) => !off.has(span.labelKey));
  }, [all, hidden, labels]);
  const counts = useMemo(() => {
    const byLabel = new Map<string, number>();
    for (const span of all) byLabel.set(span.labelKey, (byLabel.get(span.labelKey) ?? 0) + 1);
    const withSublabels = new Map<string, number>();
    for (const label of labels) {
      let total = 0;
      for (const key of withDescendants(labels, label.key)) total += byLabel.get(key) ?? 0;
      if (total > 0) withSublabels.set(label.key, total);
    }
    return withSublabels;
  }, [all, labels]);

  // The list's box is measured (a layout) after the article's first frame.
  const mounted = useAfterFirstFrame();
  const itemKey = useCallback((index: number) => spans[index]?.id ?? index, [spans]);

  const rows = useVirtualizer({
    count: spans.length,
    getScrollElement: () => (mounted ? viewport.current : null),
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // Stable while the list is: a new function each render made the virtualiser measure all
    // 10,000 rows again on every render (several in an open).
    getItemKey: itemKey,
  });

  // Keep the selected row in view when the selection comes from the text.
  useEffect(() => {
    const row = spans.findIndex((span) => span.id === selectedId);
    if (row >= 0) rows.scrollToIndex(row, { align: 'auto' });
  }, [selectedId, spans, rows]);

  const toggle = (key: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <section className="spans" aria-label={t('reader.spans.region')}>
      <header className="spans__header">
        <h2>
          {t('reader.spans.heading')}{' '}
          <span className="muted">
            {spans.length === all.length
              ? t('reader.spans.count', { n: all.length })
              : t('reader.spans.countFiltered', { shown: spans.length, n: all.length })}
          </span>
        </h2>
        <div className="spans__filters" role="group" aria-label={t('reader.spans.filter')}>
          {labelTree(labels)
            .filter(({ label }) => counts.has(label.key))
            .map(({ label }) => (
              <button
                key={label.key}
                type="button"
                className={`chip ${hidden.has(label.key) ? 'chip--off' : ''}`}
                aria-pressed={!hidden.has(label.key)}
                style={labelChipStyle(label.color) as React.CSSProperties}
                onClick={() => toggle(label.key)}
              >
                {label.key} {counts.get(label.key)}
              </button>
            ))}
        </div>
      </header>
      <div className="spans__viewport" ref={viewport}>
        <ol className="spans__list" style={{ height: rows.getTotalSize() }}>
          {rows.getVirtualItems().map((row) => {
            const span = spans[row.index]!;
            const label = labelByKey.get(span.labelKey);
            return (
              <li
                key={row.key}
                className={`spans__row ${span.id === selectedId ? 'is-selected' : ''}`}
                style={{ top: row.start, height: ROW_HEIGHT }}
                data-span-id={span.id}
                // A span not yet saved (a negative id) cannot be cited.
                {...(articleId !== undefined && span.id > 0
                  ? { title: t('briefs.drag'), ...spanDragSource({ annotationId: span.id, articleId }) }
                  : {})}
              >
                <button type="button" onClick={() => onReveal(span.id)}>
                  <span className="spans__label" style={{ color: label ? labelInk(label.color) : undefined }}>
                    {label ? labelName(label, language) : span.labelKey}
                    {span.note ? (
                      <span className="spans__note" title={span.note}>
                        {' '}
                        ✎
                      </span>
                    ) : null}
                  </span>
                  <span className="spans__quote" lang="vi">
                    {span.quote}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
