import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleMetadataPatch } from '../../../shared/domain/schemas';

const FIELDS: (keyof ArticleMetadataPatch)[] = ['title', 'source', 'byline', 'publishedAt', 'url'];

interface MetadataEditorProps {
  article: Article;
  onSave: (patch: ArticleMetadataPatch) => void;
  onCancel: () => void;
}

/** Corrects what the import heuristics found (or did not); an empty field is stored as empty. */
export function MetadataEditor({ article, onSave, onCancel }: MetadataEditorProps) {
  const { t } = useTranslation();
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
      aria-label={t('reader.details.form')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(Object.fromEntries(FIELDS.map((key) => [key, values[key].trim() || null])));
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      {FIELDS.map((key) => (
        <label key={key}>
          <span>{t(`reader.details.${key}`)}</span>
          <input
            value={values[key]}
            placeholder={t(`reader.details.${key}Hint`)}
            onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
          />
        </label>
      ))}
      <div className="row">
        <button type="submit" className="primary">
          {t('reader.details.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
