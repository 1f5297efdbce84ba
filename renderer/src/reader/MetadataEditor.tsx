import { useState } from 'react';
import type { Article, ArticleMetadataPatch } from '../../../shared/domain/schemas';

const FIELDS: { key: keyof ArticleMetadataPatch; label: string; hint: string }[] = [
  { key: 'title', label: 'Title', hint: '' },
  { key: 'source', label: 'Source', hint: 'e.g. Báo Công An Nhân Dân' },
  { key: 'byline', label: 'Byline', hint: 'author or initials' },
  { key: 'publishedAt', label: 'Published', hint: '2023-01-10T14:45, 2023-01-10, or as found' },
  { key: 'url', label: 'URL', hint: '' },
];

interface MetadataEditorProps {
  article: Article;
  onSave: (patch: ArticleMetadataPatch) => void;
  onCancel: () => void;
}

/** Corrects what the import heuristics found (or did not); an empty field is stored as empty. */
export function MetadataEditor({ article, onSave, onCancel }: MetadataEditorProps) {
  const [values, setValues] = useState<Record<keyof ArticleMetadataPatch, string>>({
    title: article.title ?? '',
    source: article.source ?? '',
    byline: article.byline ?? '',
    publishedAt: article.publishedAt ?? '',
    url: article.url ?? '',
  });
  return (
    <form
      className="metadata"
      aria-label="Article details"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(Object.fromEntries(FIELDS.map(({ key }) => [key, values[key].trim() || null])));
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      {FIELDS.map(({ key, label, hint }) => (
        <label key={key}>
          <span>{label}</span>
          <input
            value={values[key]}
            placeholder={hint}
            onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
          />
        </label>
      ))}
      <div className="row">
        <button type="submit" className="primary">
          Save details
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
