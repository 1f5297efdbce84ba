import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityPage as Page, EntityRelatedSpan } from '../../../shared/contract';
import { EXTERNAL_ID_PATTERN } from '../../../shared/domain/entities';
import { formatPublished } from '../library/format';
import { useReaderStore } from '../reader/reader-store';
import { labelName, useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { useEntitiesStore } from './entities-store';
import { EntityHistoryButtons } from './EntityHistoryButtons';

/**
 * One entity: its names and ids (editable), every mention across the corpus in context (tick
 * some to split them off), the titles it held over time, the entities it appears with, and the
 * proposals and risks it is related to.
 */
export function EntityPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { page, loadPage } = useEntitiesStore();

  useEffect(() => {
    void loadPage(id);
  }, [id, loadPage]);

  if (!page || (page.entity.id !== id && !page.mergedFrom.some((merged) => merged.id === id))) {
    return <p className="reader__loading">{t('entities.page.loading')}</p>;
  }
  return <EntityDetails key={`${page.entity.id}:${page.entity.updatedAt}`} page={page} />;
}

function EntityDetails({ page }: { page: Page }) {
  const { t } = useTranslation();
  const { labels, language, openEntity } = useAppStore();
  const { entity } = page;
  const typeLabel = labels.find((label) => label.key === entity.typeLabelKey);
  const [editing, setEditing] = useState(false);
  return (
    <article className="entity" aria-label={t('entities.page.region', { name: entity.name })}>
      <header className="entity__header">
        <button type="button" onClick={() => openEntity(null)}>
          {t('entities.page.back')}
        </button>
        <EntityHistoryButtons />
      </header>
      <div className="entity__title">
        <h1 lang="vi">{entity.name}</h1>
        <span className="entity__type" style={{ borderColor: typeLabel?.color }}>
          {typeLabel ? labelName(typeLabel, language) : entity.typeLabelKey}
        </span>
        {entity.externalId ? <code className="entity__external">{entity.externalId}</code> : null}
        <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          {t('entities.page.edit')}
        </button>
        <button
          type="button"
          onClick={() => useLibraryStore.getState().showEntityArticles({ id: entity.id, name: entity.name })}
        >
          {t('entities.page.showArticles')}
        </button>
      </div>
      {entity.aliases.length ? (
        <p className="entity__aliases" lang="vi">
          {t('entities.field.aliases')}: {entity.aliases.join(' · ')}
        </p>
      ) : null}
      {entity.note ? <p className="entity__note">{entity.note}</p> : null}
      {editing ? <EntityEditor page={page} onDone={() => setEditing(false)} /> : null}
      <Mentions page={page} />
      <section className="entity__section" aria-labelledby="entity-titles">
        <h2 id="entity-titles">{t('entities.page.titles')}</h2>
        <RelatedList spans={page.titles} empty={t('entities.page.noTitles')} />
      </section>
      <section className="entity__section" aria-labelledby="entity-co">
        <h2 id="entity-co">{t('entities.page.coOccurring')}</h2>
        {page.coOccurring.length === 0 ? (
          <p className="entity__empty">{t('entities.page.noCoOccurring')}</p>
        ) : (
          <ol className="entity__co">
            {page.coOccurring.map((row) => (
              <li key={row.entity.id}>
                <button type="button" className="link" lang="vi" onClick={() => openEntity(row.entity.id)}>
                  {row.entity.name}
                </button>{' '}
                <span className="entity__meta">
                  {row.entity.typeLabelKey} · {t('entities.page.sharedArticles', { count: row.articles })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="entity__section" aria-labelledby="entity-related">
        <h2 id="entity-related">{t('entities.page.related')}</h2>
        <RelatedList spans={page.related} empty={t('entities.page.noRelated')} showLabel />
      </section>
    </article>
  );
}

/** Opens the article with the span selected and scrolled into view. */
function useOpenAtSpan() {
  const openArticle = useAppStore((state) => state.openArticle);
  return (articleId: number, annotationId: number) => {
    useReaderStore.getState().requestReveal(annotationId);
    openArticle(articleId);
  };
}

function Mentions({ page }: { page: Page }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { apply, loadPage } = useEntitiesStore();
  const openAtSpan = useOpenAtSpan();
  const [checked, setChecked] = useState<number[]>([]);
  const [newName, setNewName] = useState(page.entity.name);
  const { entity } = page;

  const split = async () => {
    const saved = await apply(
      [
        { kind: 'entity.create', ref: 'split', entity: { name: newName, typeLabelKey: entity.typeLabelKey } },
        ...checked.map((annotationId) => ({
          kind: 'entityLink.set' as const,
          annotationId,
          entityRef: 'split',
          allowTypeMismatch: true,
        })),
      ],
      t('entities.split.description', { count: checked.length, name: newName }),
    );
    if (saved) {
      setChecked([]);
      await loadPage(entity.id);
    }
  };

  return (
    <section className="entity__section" aria-labelledby="entity-mentions">
      <h2 id="entity-mentions">
        {t('entities.page.mentions', { count: page.mentions.length })}
        {page.mentionsTruncated ? ` ${t('entities.page.truncated')}` : ''}
      </h2>
      {checked.length > 0 ? (
        <div className="entities__merge" role="group" aria-label={t('entities.split.group')}>
          <label>
            {t('entities.split.name')}{' '}
            <input value={newName} onChange={(event) => setNewName(event.target.value)} lang="vi" />
          </label>
          <button type="button" disabled={!newName.trim()} onClick={() => void split()}>
            {t('entities.split.button', { count: checked.length })}
          </button>
        </div>
      ) : null}
      {page.mentions.length === 0 ? (
        <p className="entity__empty">{t('entities.page.noMentions')}</p>
      ) : (
        <table className="entity__kwic">
          <thead>
            <tr>
              <th>
                <span className="visually-hidden">{t('entities.split.select')}</span>
              </th>
              <th>{t('entities.page.date')}</th>
              <th>{t('entities.page.article')}</th>
              <th>{t('entities.page.context')}</th>
            </tr>
          </thead>
          <tbody>
            {page.mentions.map((mention) => (
              <tr key={mention.annotationId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('entities.split.selectOne', { article: mention.articleTitle })}
                    checked={checked.includes(mention.annotationId)}
                    onChange={(event) =>
                      setChecked((current) =>
                        event.target.checked
                          ? [...current, mention.annotationId]
                          : current.filter((annotationId) => annotationId !== mention.annotationId),
                      )
                    }
                  />
                </td>
                <td className="entity__date">{formatPublished(mention.publishedAt, language)}</td>
                <td className="entity__article">
                  <button
                    type="button"
                    lang="vi"
                    className="link"
                    onClick={() => openAtSpan(mention.articleId, mention.annotationId)}
                  >
                    {mention.articleTitle}
                  </button>
                  {mention.source ? <div className="entity__meta">{mention.source}</div> : null}
                </td>
                <td className="entity__context" lang="vi">
                  <span className="entity__before">{mention.before}</span>
                  <button
                    type="button"
                    className="entity__quote"
                    title={t('entities.page.openAtSpan')}
                    onClick={() => openAtSpan(mention.articleId, mention.annotationId)}
                  >
                    {mention.quote}
                  </button>
                  <span>{mention.after}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RelatedList({
  spans,
  empty,
  showLabel = false,
}: {
  spans: EntityRelatedSpan[];
  empty: string;
  showLabel?: boolean;
}) {
  const { labels, language } = useAppStore();
  const openAtSpan = useOpenAtSpan();
  if (spans.length === 0) return <p className="entity__empty">{empty}</p>;
  return (
    <ol className="entity__related">
      {spans.map((span) => {
        const label = labels.find((candidate) => candidate.key === span.labelKey);
        return (
          <li key={`${span.relationType}:${span.annotationId}`}>
            <span className="entity__date">{formatPublished(span.publishedAt, language)}</span>{' '}
            {showLabel ? (
              <span className="entity__type" style={{ borderColor: label?.color }}>
                {label ? labelName(label, language) : span.labelKey}
              </span>
            ) : null}{' '}
            <button
              type="button"
              lang="vi"
              className="entity__quote"
              onClick={() => openAtSpan(span.articleId, span.annotationId)}
            >
              {span.quote}
            </button>{' '}
            <span className="entity__meta" lang="vi">
              {span.articleTitle}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Edits the name, type, aliases (one per line), external id and note as one step. */
function EntityEditor({ page, onDone }: { page: Page; onDone: () => void }) {
  const { t } = useTranslation();
  const { labels, language } = useAppStore();
  const apply = useEntitiesStore((state) => state.apply);
  const { entity } = page;
  const [name, setName] = useState(entity.name);
  const [typeLabelKey, setType] = useState(entity.typeLabelKey);
  const [aliases, setAliases] = useState(entity.aliases.join('\n'));
  const [externalId, setExternalId] = useState(entity.externalId ?? '');
  const [note, setNote] = useState(entity.note);
  const externalIdValid = externalId.trim() === '' || EXTERNAL_ID_PATTERN.test(externalId.trim());
  const nameValid = name.trim() !== '';

  const save = async () => {
    const saved = await apply(
      [
        {
          kind: 'entity.update',
          id: entity.id,
          patch: {
            name,
            typeLabelKey,
            aliases: aliases.split('\n').filter((alias) => alias.trim() !== ''),
            externalId: externalId.trim() || null,
            note,
          },
        },
      ],
      t('entities.edit.description', { name: name.trim() }),
    );
    if (saved) onDone();
  };

  return (
    <form
      className="entity__editor"
      aria-label={t('entities.edit.region')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        {t('entities.field.name')}
        <input value={name} onChange={(event) => setName(event.target.value)} lang="vi" aria-invalid={!nameValid} />
      </label>
      {!nameValid ? <p className="entity__error">{t('entities.edit.emptyName')}</p> : null}
      <label>
        {t('entities.field.type')}
        <select value={typeLabelKey} onChange={(event) => setType(event.target.value)}>
          {labels.map((label) => (
            <option key={label.key} value={label.key}>
              {labelName(label, language)} ({label.key})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('entities.edit.aliases')}
        <textarea value={aliases} rows={3} onChange={(event) => setAliases(event.target.value)} lang="vi" />
      </label>
      <label>
        {t('entities.field.externalId')}
        <input
          value={externalId}
          onChange={(event) => setExternalId(event.target.value)}
          placeholder={t('entities.edit.externalIdPlaceholder')}
          aria-invalid={!externalIdValid}
        />
      </label>
      {!externalIdValid ? <p className="entity__error">{t('entities.edit.badExternalId')}</p> : null}
      <label>
        {t('entities.field.note')}
        <textarea value={note} rows={2} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="entity__actions">
        <button type="submit" disabled={!nameValid || !externalIdValid}>
          {t('entities.edit.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
