import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityListItem } from '../../../shared/contract';
import type { EntitySummary } from '../../../shared/domain/entities';
import { api } from '../api/client';
import { Modal } from '../app/Modal';
import { useReaderStore } from '../reader/reader-store';
import type { Span } from '../reader/sync/document-sync';
import { errorMessage, useAppStore } from '../state/app-store';

const RESULTS = 8;

/**
 * The typeahead that links a span to an entity (L in the reader): names and aliases folded as
 * the library search folds them ("to lam" finds "Tô Lâm"), the span's own type first, and
 * "new entity from this span" last. An entity of another type asks for a confirmation.
 */
export function EntityLinker({ span }: { span: Span }) {
  const { t } = useTranslation();
  const { link, closeLinker, sync } = useReaderStore();
  useReaderStore((state) => state.linksVersion);
  const current = sync?.linkOf(span.id);
  const [query, setQuery] = useState(span.quote);
  const [results, setResults] = useState<EntityListItem[]>([]);
  const [active, setActive] = useState(0);
  const [mismatch, setMismatch] = useState<EntitySummary | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.select();
  }, []);

  useEffect(() => {
    let stale = false;
    api
      .listEntities({ query, limit: RESULTS * 2 })
      .then((found) => {
        if (stale) return;
        // The span's own type first: it is the likely one, and the others would need a confirmation.
        const sameType = found.filter((entity) => entity.typeLabelKey === span.labelKey);
        const otherTypes = found.filter((entity) => entity.typeLabelKey !== span.labelKey);
        setResults([...sameType, ...otherTypes].slice(0, RESULTS));
        setActive(0);
      })
      .catch((error: unknown) => useAppStore.getState().notify('error', errorMessage(error)));
    return () => {
      stale = true;
    };
  }, [query, span.labelKey]);

  // From the span's own text: the query may be typed without accents ("to lam").
  const newEntityName = span.quote;
  const choose = (index: number) => {
    const entity = results[index];
    if (!entity) {
      void link({ newEntity: { name: newEntityName, typeLabelKey: span.labelKey } });
      return;
    }
    if (entity.typeLabelKey !== span.labelKey) setMismatch(entity);
    else void link({ entity });
  };
  const optionCount = results.length + 1;

  return (
    <Modal title={t('entities.linker.title')} onClose={mismatch ? () => setMismatch(null) : closeLinker}>
      <p className="linker__span" lang="vi">
        <span className="entity__type">{span.labelKey}</span> “{span.quote}”
        {current ? (
          <span className="linker__current"> → {t('entities.linker.current', { name: current.name })}</span>
        ) : null}
      </p>
      {mismatch ? (
        <div className="linker__warning" role="alertdialog" aria-label={t('entities.linker.mismatchTitle')}>
          <p>
            {t('entities.linker.mismatch', {
              name: mismatch.name,
              entityType: mismatch.typeLabelKey,
              spanType: span.labelKey,
            })}
          </p>
          <div className="entity__actions">
            <button type="button" autoFocus onClick={() => void link({ entity: mismatch, allowTypeMismatch: true })}>
              {t('entities.linker.linkAnyway')}
            </button>
            <button type="button" onClick={() => setMismatch(null)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <input
            ref={inputRef}
            className="linker__input"
            role="combobox"
            aria-expanded="true"
            aria-controls="linker-options"
            aria-activedescendant={`linker-option-${active}`}
            aria-label={t('entities.linker.search')}
            placeholder={t('entities.linker.placeholder')}
            value={query}
            lang="vi"
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                const step = event.key === 'ArrowDown' ? 1 : -1;
                setActive((index) => (index + step + optionCount) % optionCount);
              } else if (event.key === 'Enter') {
                event.preventDefault();
                choose(active);
              }
            }}
          />
          <ul className="linker__options" id="linker-options" role="listbox" aria-label={t('entities.linker.results')}>
            {results.map((entity, index) => (
              <li
                key={entity.id}
                id={`linker-option-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'linker__option linker__option--active' : 'linker__option'}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(index)}
              >
                <span lang="vi" className="linker__name">
                  {entity.name}
                </span>{' '}
                <span
                  className={
                    entity.typeLabelKey === span.labelKey ? 'entity__type' : 'entity__type entity__type--other'
                  }
                >
                  {entity.typeLabelKey}
                </span>{' '}
                <span className="entity__meta" lang="vi">
                  {entity.aliases.slice(0, 3).join(' · ')}
                  {entity.externalId ? ` · ${entity.externalId}` : ''} ·{' '}
                  {t('entities.linker.mentions', { count: entity.mentionCount })}
                </span>
              </li>
            ))}
            <li
              id={`linker-option-${results.length}`}
              role="option"
              aria-selected={active === results.length}
              className={active === results.length ? 'linker__option linker__option--active' : 'linker__option'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(results.length)}
            >
              {t('entities.linker.newEntity', { name: newEntityName, type: span.labelKey })}
            </li>
          </ul>
          <p className="entities__hint">{t('entities.linker.hint')}</p>
          {current ? (
            <button type="button" onClick={() => void link(null)}>
              {t('entities.linker.unlink')}
            </button>
          ) : null}
        </>
      )}
    </Modal>
  );
}
