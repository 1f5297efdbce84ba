import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/domain/schemas';
import { labelName, useAppStore } from '../state/app-store';
import { useReaderStore } from './reader-store';

/**
 * Every label with its colour, name and hotkey. Buttons keep the text selection on mousedown,
 * so "select, then click a label" works like "select, then press its key".
 */
export function LabelPalette({ labels }: { labels: readonly Label[] }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const applyLabel = useReaderStore((state) => state.applyLabel);
  const canApply = useReaderStore((state) => state.pending !== null || state.selectedId !== null);
  return (
    <section className="palette" aria-label={t('reader.palette.region')}>
      {(['analytic', 'entity'] as const).map((kind) => (
        <div key={kind} className="palette__group">
          <h2>{kind === 'analytic' ? t('reader.palette.analysis') : t('reader.palette.entities')}</h2>
          <div className="palette__labels">
            {labels
              .filter((label) => label.kind === kind)
              .map((label) => (
                <button
                  key={label.key}
                  type="button"
                  className={`palette__label palette__label--${label.kind}`}
                  style={{ '--label-color': label.color } as React.CSSProperties}
                  title={
                    label.hotkey
                      ? t('reader.palette.labelTitle', { description: label.description, key: label.hotkey })
                      : label.description
                  }
                  aria-disabled={!canApply}
                  data-label={label.key}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => void applyLabel(label.key)}
                >
                  <span className="palette__swatch" aria-hidden="true" />
                  <span className="palette__name">{labelName(label, language)}</span>
                  {label.hotkey ? <kbd>{label.hotkey}</kbd> : null}
                </button>
              ))}
          </div>
        </div>
      ))}
    </section>
  );
}
