import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelName, useAppStore } from '../state/app-store';
import { useEntitiesStore } from './entities-store';
import { EntityHistoryButtons } from './EntityHistoryButtons';

/** Every entity of the registry, searchable (accents optional); tick two or more to merge them. */
export function EntitiesView() {
  const { t } = useTranslation();
  const { items, query, search, apply } = useEntitiesStore();
  const { openEntity, labels, language } = useAppStore();
  const [checked, setChecked] = useState<number[]>([]);
  const [survivorId, setSurvivorId] = useState<number | null>(null);

  useEffect(() => {
    void search(useEntitiesStore.getState().query);
  }, [search]);

  const checkedItems = items.filter((item) => checked.includes(item.id));
  const survivor = checkedItems.find((item) => item.id === survivorId) ?? checkedItems[0];
  const typeName = (key: string) => {
    const label = labels.find((candidate) => candidate.key === key);
    return label ? labelName(label, language) : key;
  };

  const merge = async () => {
    if (!survivor) return;
    const others = checkedItems.filter((item) => item.id !== survivor.id);
    const saved = await apply(
      others.map((item) => ({ kind: 'entity.merge', fromId: item.id, intoId: survivor.id })),
      t('entities.merge.description', { names: others.map((item) => item.name).join(', '), into: survivor.name }),
    );
    if (saved) setChecked([]);
  };

  return (
    <section className="entities" aria-label={t('entities.list.region')}>
      <header className="entities__header">
        <h1>{t('entities.list.heading')}</h1>
        <span className="library__count">{t('entities.list.count', { count: items.length })}</span>
        <EntityHistoryButtons />
      </header>
      <input
        type="search"
        className="library__filter"
        value={query}
        onChange={(event) => void search(event.target.value)}
        placeholder={t('entities.list.searchPlaceholder')}
        aria-label={t('entities.list.search')}
      />
      {checkedItems.length >= 2 && survivor ? (
        <div className="entities__merge" role="group" aria-label={t('entities.merge.group')}>
          <label>
            {t('entities.merge.keep')}{' '}
            <select value={survivor.id} onChange={(event) => setSurvivorId(Number(event.target.value))}>
              {checkedItems.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name} ({item.typeLabelKey})
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void merge()}>
            {t('entities.merge.button', { count: checkedItems.length })}
          </button>
          <span className="entities__hint">{t('entities.merge.hint')}</span>
        </div>
      ) : null}
      {items.length === 0 ? (
        <p className="library__empty">{query ? t('entities.list.noMatch') : t('entities.list.empty')}</p>
      ) : (
        <table className="library__table">
          <thead>
            <tr>
              <th className="library__check">
                <span className="visually-hidden">{t('entities.list.select')}</span>
              </th>
              <th>{t('entities.field.name')}</th>
              <th>{t('entities.field.type')}</th>
              <th>{t('entities.field.aliases')}</th>
              <th>{t('entities.field.externalId')}</th>
              <th className="numeric">{t('entities.list.mentions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td className="library__check">
                  <input
                    type="checkbox"
                    aria-label={t('entities.list.selectOne', { name: item.name })}
                    checked={checked.includes(item.id)}
                    onChange={(event) =>
                      setChecked((current) =>
                        event.target.checked ? [...current, item.id] : current.filter((id) => id !== item.id),
                      )
                    }
                  />
                </td>
                <td>
                  <button type="button" className="link" lang="vi" onClick={() => openEntity(item.id)}>
                    {item.name}
                  </button>
                </td>
                <td>{typeName(item.typeLabelKey)}</td>
                <td lang="vi">{item.aliases.join(' · ')}</td>
                <td>{item.externalId ?? ''}</td>
                <td className="numeric">{item.mentionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
