import { useTranslation } from 'react-i18next';
import { labelChipStyle } from '../app/contrast';
import { formatPublished } from '../library/format';
import { useReaderStore } from '../reader/reader-store';
import { labelName, useAppStore } from '../state/app-store';
import { useCitationStore } from './citation-store';
import type { CitationViewProps } from './nodes/CitationNode';

/**
 * A citation as the brief shows it: the quote in its label's colour, then the article's title,
 * source and date. The snapshot is what it showed last; a deleted span or article keeps it,
 * marked. Clicking opens the article with the span selected.
 */
export function CitationView({ snapshot }: CitationViewProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const label = useAppStore((state) => state.labels.find((candidate) => candidate.key === snapshot.labelKey));
  const openArticle = useAppStore((state) => state.openArticle);
  const resolved = useCitationStore((state) => state.resolved.get(snapshot.annotationId));
  const state = resolved?.state ?? 'live';
  const lost = state !== 'live';
  const meta = [snapshot.source, snapshot.publishedAt ? formatPublished(snapshot.publishedAt, language) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <button
      type="button"
      className={`citation citation--${state}`}
      style={label ? (labelChipStyle(label.color) as React.CSSProperties) : undefined}
      data-annotation-id={snapshot.annotationId}
      data-state={state}
      disabled={state === 'articleMissing'}
      title={t('briefs.citation.open', { title: snapshot.articleTitle })}
      onClick={() => {
        if (state === 'live') useReaderStore.getState().requestReveal(snapshot.annotationId);
        openArticle(snapshot.articleId);
      }}
    >
      <span className="citation__label">{label ? labelName(label, language) : snapshot.labelKey}</span>
      <q className="citation__quote" lang="vi">
        {snapshot.quote}
      </q>
      <span className="citation__source">
        {snapshot.articleTitle}
        {meta ? ` — ${meta}` : ''}
      </span>
      {lost ? <span className="citation__lost">{t(`briefs.citation.${state}`)}</span> : null}
    </button>
  );
}
