import { useState } from 'react';
import type { Article, ArticleMetadataPatch, ArticleStatus } from '../../../shared/domain/schemas';
import { ARTICLE_STATUSES } from '../../../shared/domain/schemas';
import { formatCount, formatPublished, STATUS_LABELS } from '../library/format';
import { MetadataEditor } from './MetadataEditor';

interface ArticleHeaderProps {
  article: Article;
  onStatusChange: (status: ArticleStatus) => void;
  onMetadataChange: (patch: ArticleMetadataPatch) => Promise<void>;
}

/** The metadata above the text: title, source, date, byline, size and the status switch. */
export function ArticleHeader({ article, onStatusChange, onMetadataChange }: ArticleHeaderProps) {
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
        <button type="button" onClick={() => setEditing(true)} title="Correct the title, source, date, byline or URL">
          Edit details
        </button>
      </div>
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
