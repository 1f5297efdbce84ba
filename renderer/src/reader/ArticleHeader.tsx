import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleMetadataPatch, ArticleStatus } from '../../../shared/domain/schemas';
import { ARTICLE_STATUSES } from '../../../shared/domain/schemas';
import { formatCount, formatPublished } from '../library/format';
import { useAppStore } from '../state/app-store';
import { MetadataEditor } from './MetadataEditor';

interface ArticleHeaderProps {
  article: Article;
  onStatusChange: (status: ArticleStatus) => unknown;
  onMetadataChange: (patch: ArticleMetadataPatch) => Promise<void>;
}

/**
 * The metadata above the text: title, source, date, byline, size and the status switch. Memoised:
 * it re-renders when the article changes, not on every span edit.
 */
export const ArticleHeader = memo(function ArticleHeader({
  article,
  onStatusChange,
  onMetadataChange,
}: ArticleHeaderProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <header className="reader__header">
        <MetadataEditor
          article={article}
          onCancel={() => setEditing(false)}
          onSave={(patch) => void onMetadataChange(patch).then(() => setEditing(false))}
        />
      </header>
    );
  }
  return (
    <header className="reader__header">
      <div className="reader__titlerow">
        <h1 className="reader__title">{article.displayTitle}</h1>
        <button type="button" onClick={() => setEditing(true)} title={t('reader.editDetailsTitle')}>
          {t('reader.editDetails')}
        </button>
      </div>
      <dl className="reader__meta">
        <div>
          <dt>{t('reader.meta.source')}</dt>
          <dd>{article.source ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('reader.meta.published')}</dt>
          <dd>{formatPublished(article.publishedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('reader.meta.byline')}</dt>
          <dd>{article.byline ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('reader.meta.words')}</dt>
          <dd>{formatCount(article.wordCount, language)}</dd>
        </div>
        {article.fileName ? (
          <div>
            <dt>{t('reader.meta.file')}</dt>
            <dd>{article.fileName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('reader.meta.status')}</dt>
          <dd>
            <div className="segmented" role="radiogroup" aria-label={t('reader.meta.status')}>
              {ARTICLE_STATUSES.map((status) => (
                <button
                  key={status}
                  type="button"
                  role="radio"
                  aria-checked={article.status === status}
                  className={article.status === status ? 'is-active' : ''}
                  onClick={() => onStatusChange(status)}
                >
                  {t(`status.${status}`)}
                </button>
              ))}
            </div>
          </dd>
        </div>
      </dl>
    </header>
  );
});
