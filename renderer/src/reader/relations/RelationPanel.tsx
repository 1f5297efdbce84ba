import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { useDeferredReader, useReaderStore } from '../reader-store';
import { typeName } from './RelationLayer';
import { useRelationStore } from './relation-store';

/**
 * The selected span's relations in the sidebar: the type, the other end (a jump to it) and delete.
 * Hovering or focusing an entry lights both ends, as hovering its arc does.
 */
export function RelationPanel({ onReveal }: { onReveal: (id: number) => void }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const selectedId = useDeferredReader((state) => state.selectedId);
  const sync = useReaderStore((state) => state.sync);
  const types = useReaderStore((state) => state.relationTypes);
  useReaderStore((state) => state.relationsVersion); // re-read after each change
  useDeferredReader((state) => state.spansVersion);
  const hover = useRelationStore((state) => state.hover);
  const selected = selectedId === null ? undefined : sync?.spanOf(selectedId);
  if (!sync || !selected) return null;
  const relations = sync.relations.touching(selected.id).sort((a, b) => a.id - b.id);
  return (
    <section className="relations" aria-label={t('relations.region')}>
      <div className="relations__head">
        <h3>{t('relations.heading')}</h3>
        <button type="button" onClick={() => useRelationStore.getState().start()}>
          {t('relations.start')}
        </button>
      </div>
      {relations.length === 0 ? <p className="relations__none">{t('relations.none')}</p> : null}
      <ul className="relations__list">
        {relations.map((relation) => {
          const outgoing = relation.headId === selected.id;
          const other = sync.spans.get(outgoing ? relation.tailId : relation.headId);
          const type = types.find((candidate) => candidate.key === relation.typeKey);
          const name = typeName(type, relation.typeKey, language);
          return (
            <li
              key={relation.id}
              className="relations__item"
              data-relation-id={relation.id}
              onMouseEnter={() => hover(relation.id)}
              onMouseLeave={() => hover(null)}
            >
              <span className="relations__type" style={{ borderColor: type?.color }}>
                {outgoing ? t('relations.outgoing', { type: name }) : t('relations.incoming', { type: name })}
              </span>
              <button
                type="button"
                className="link relations__other"
                lang="vi"
                onFocus={() => hover(relation.id)}
                onBlur={() => hover(null)}
                onClick={() => other && onReveal(other.id)}
                title={t('relations.jump', { quote: other?.quote ?? '' })}
              >
                {other?.quote ?? '…'}
              </button>
              <button
                type="button"
                className="danger relations__delete"
                aria-label={t('relations.delete')}
                title={t('relations.delete')}
                onClick={() => {
                  hover(null);
                  void sync.deleteRelation(relation.id);
                }}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
