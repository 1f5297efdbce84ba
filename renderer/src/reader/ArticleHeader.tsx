import type { Article, ArticleStatus } from '../../../shared/domain/schemas';
import { ARTICLE_STATUSES } from '../../../shared/domain/schemas';
import { formatCount, formatPublished, STATUS_LABELS } from '../library/format';

interface ArticleHeaderProps {
  article: Article;
  onStatusChange: (status: ArticleStatus) => void;
}

/** The metadata above the text: title, source, date, byline, size and the status switch. */
export function ArticleHeader({ article, onStatusChange }: ArticleHeaderProps) {
  return (
    <header className="reader__header">
      <h1 className="reader__title">{article.displayTitle}</h1>
      <dl className="reader__meta">
        <div>
          <dt>Source</dt>
          <dd>{article.source ?? '—'}</dd>
        </div>
        <div>
          <dt>Published</dt>
          <dd>{formatPublished(article.publishedAt)}</dd>
        </div>
        <div>
          <dt>Byline</dt>
          <dd>{article.byline ?? '—'}</dd>
        </div>
        <div>
          <dt>Words</dt>
          <dd>{formatCount(article.wordCount)}</dd>
        </div>
        {article.fileName ? (
          <div>
            <dt>File</dt>
            <dd>{article.fileName}</dd>
          </div>
        ) : null}
        <div>
          <dt>Status</dt>
          <dd>
            <div className="segmented" role="radiogroup" aria-label="Status">
              {ARTICLE_STATUSES.map((status) => (
                <button
                  key={status}
                  type="button"
                  role="radio"
                  aria-checked={article.status === status}
                  className={article.status === status ? 'is-active' : ''}
                  onClick={() => onStatusChange(status)}
                >
                  {STATUS_LABELS[status]}
                </button>
              ))}
            </div>
          </dd>
        </div>
      </dl>
    </header>
  );
}
