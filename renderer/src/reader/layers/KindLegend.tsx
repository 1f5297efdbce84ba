import { useTranslation } from 'react-i18next';
import type { DifferenceKind } from '../../../../shared/agreement/layer-diff';
import { diffBadgeStyle } from './layer-styles';

/** What the three kinds of difference mean, each drawn as the reader paints it. */
export function KindLegend({ mine, theirs }: { mine: string | null; theirs: string | null }) {
  const { t } = useTranslation();
  const kinds: DifferenceKind[] = ['mine', 'theirs', 'both'];
  return (
    <dl className="diff-legend" aria-label={t('layers.legend')}>
      {kinds.map((kind) => (
        <div key={kind}>
          <dt>
            <span className="diff-sample" style={diffBadgeStyle(kind) as React.CSSProperties}>
              {t(`layers.kind.${kind}`)}
            </span>
          </dt>
          <dd>{t(`layers.explain.${kind}`, { mine: mine ?? '—', theirs: theirs ?? '—' })}</dd>
        </div>
      ))}
    </dl>
  );
}
