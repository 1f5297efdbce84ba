import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelAncestry, labelTree } from '../../../shared/domain/label-tree';
import type { Label } from '../../../shared/domain/schemas';
import { labelHotkeyText } from '../../../shared/keymap';
import { labelName, useAppStore } from '../state/app-store';
import { useReaderStore } from './reader-store';

/** Which parents show their sub-labels; kept across articles and restarts. */
const EXPANDED_STORAGE_KEY = 'marginalia.palette.expanded';

function storedExpanded(): ReadonlySet<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(EXPANDED_STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Every label shown in the palette (hidden ones left out) as a tree, with its colour, name and
 * hotkey. Sub-labels fold under their parent (folded at first), so the palette stays short and
 * the panels below it stay in view; their hotkeys work either way. Buttons keep the text
 * selection on mousedown, so "select, then click a label" works like "select, then press its
 * key". The labels are the live schema: an edit in the schema editor shows here.
 */
export function LabelPalette({ labels }: { labels: readonly Label[] }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const applyLabel = useReaderStore((state) => state.applyLabel);
  const canApply = useReaderStore((state) => state.pending !== null || state.selectedId !== null);
  const [expanded, setExpanded] = useState(storedExpanded);
  const toggle = (key: string) => {
    const next = new Set(expanded);
    if (!next.delete(key)) next.add(key);
    localStorage.setItem(EXPANDED_STORAGE_KEY, JSON.stringify([...next]));
    setExpanded(next);
  };
  const visible = labels.filter((label) => !label.hidden);
  const parentKeys = new Set(visible.map((label) => label.parentKey));
  // A label shows when every label above it is unfolded.
  const shown = labelTree(visible).filter(({ label }) =>
    labelAncestry(visible, label.key)
      .slice(0, -1)
      .every((key) => expanded.has(key)),
  );
  return (
    <section className="palette" aria-label={t('reader.palette.region')}>
      {(['analytic', 'entity'] as const).map((kind) => (
        <div key={kind} className="palette__group">
          <h2>{kind === 'analytic' ? t('reader.palette.analysis') : t('reader.palette.entities')}</h2>
          <div className="palette__labels">
            {shown
              .filter(({ label }) => label.kind === kind)
              .map(({ label, depth }) => {
                const button = (
                  <button
                    key={label.key}
                    type="button"
                    className={`palette__label palette__label--${label.kind}`}
                    style={{ '--label-color': label.color, '--label-depth': depth } as React.CSSProperties}
                    title={
                      label.hotkey
                        ? t('reader.palette.labelTitle', {
                            description: label.description,
                            key: labelHotkeyText(label.hotkey),
                          })
                        : label.description
                    }
                    aria-disabled={!canApply}
                    data-label={label.key}
                    data-depth={depth}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => void applyLabel(label.key)}
                  >
                    <span className="palette__swatch" aria-hidden="true" />
                    <span className="palette__name">{labelName(label, language)}</span>
                    {label.hotkey ? <kbd>{labelHotkeyText(label.hotkey)}</kbd> : null}
                  </button>
                );
                if (!parentKeys.has(label.key)) return button;
                const isExpanded = expanded.has(label.key);
                return (
                  <div key={label.key} className="palette__parent" data-depth={depth}>
                    {button}
                    <button
                      type="button"
                      className="palette__toggle"
                      aria-expanded={isExpanded}
                      aria-label={t('reader.palette.subLabels', { label: labelName(label, language) })}
                      title={t('reader.palette.subLabels', { label: labelName(label, language) })}
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => toggle(label.key)}
                    >
                      <span aria-hidden="true">{isExpanded ? '▾' : '▸'}</span>
                    </button>
                  </div>
                );
              })}
          </div>
        </div>
      ))}
    </section>
  );
}
