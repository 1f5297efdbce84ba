import { useTranslation } from 'react-i18next';
import { labelTree } from '../../../shared/domain/label-tree';
import type { Label } from '../../../shared/domain/schemas';
import { labelHotkeyText } from '../../../shared/keymap';
import { labelName, useAppStore } from '../state/app-store';
import { useReaderStore } from './reader-store';

/**
 * Every label shown in the palette (hidden ones left out) as a tree, with its colour, name and
 * hotkey. Buttons keep the text selection on mousedown, so "select, then click a label" works like
 * "select, then press its key". The labels are the live schema: an edit in the schema editor shows here.
 */
export function LabelPalette({ labels }: { labels: readonly Label[] }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const applyLabel = useReaderStore((state) => state.applyLabel);
  const canApply = useReaderStore((state) => state.pending !== null || state.selectedId !== null);
  const shown = labelTree(labels.filter((label) => !label.hidden));
  return (
    <section className="palette" aria-label={t('reader.palette.region')}>
      {(['analytic', 'entity'] as const).map((kind) => (
        <div key={kind} className="palette__group">
          <h2>{kind === 'analytic' ? t('reader.palette.analysis') : t('reader.palette.entities')}</h2>
          <div className="palette__labels">
            {shown
              .filter(({ label }) => label.kind === kind)
              .map(({ label, depth }) => (
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
              ))}
          </div>
        </div>
      ))}
    </section>
  );
}
