import { useTranslation } from 'react-i18next';
import { GOLD_AUTHOR } from '../../../shared/team/package-manifest';
import { RadioOption } from '../app/RadioOption';
import type { StoredAuthor } from './use-authors';

/** What the export dialog sends: every author (undefined) or these layers. */
export type LayerSelection = { kind: 'every' } | { kind: 'chosen'; authors: ReadonlySet<string> };

/** The authors an export of `selection` holds, for ExportOptions.authors (CoNLL: exactly `single`). */
export function exportedAuthors(
  selection: LayerSelection,
  single: string | null,
  oneLayerOnly: boolean,
): string[] | undefined {
  if (oneLayerOnly) return single === null ? [] : [single];
  return selection.kind === 'every' ? undefined : [...selection.authors];
}

/**
 * The export dialog's layers: every author, or some of them (gold among them when adjudicated);
 * a format that holds one layer at a time (CoNLL) asks for exactly one.
 */
export function LayerChoice({
  authors,
  selection,
  onSelection,
  single,
  onSingle,
  oneLayerOnly,
  me,
}: {
  authors: readonly StoredAuthor[];
  selection: LayerSelection;
  onSelection: (selection: LayerSelection) => void;
  single: string | null;
  onSingle: (author: string) => void;
  oneLayerOnly: boolean;
  me: string | null;
}) {
  const { t } = useTranslation();
  const name = (author: string) =>
    author === GOLD_AUTHOR ? t('team.layers.gold') : author === me ? t('team.layers.me', { name: author }) : author;
  const chosen = selection.kind === 'chosen' ? selection.authors : new Set<string>();
  const toggle = (author: string) => {
    const next = new Set(chosen);
    if (!next.delete(author)) next.add(author);
    onSelection({ kind: 'chosen', authors: next });
  };
  return (
    <fieldset className="export__layers">
      <legend>{t('team.layers.legend')}</legend>
      {oneLayerOnly ? (
        <>
          <p className="muted">{t('team.layers.oneOnly')}</p>
          {authors.map((entry) => (
            <RadioOption
              key={entry.author}
              name="layer"
              checked={single === entry.author}
              onSelect={() => onSingle(entry.author)}
            >
              {name(entry.author)} <span className="muted">{t('team.layers.articles', { count: entry.articles })}</span>
            </RadioOption>
          ))}
        </>
      ) : (
        <>
          <RadioOption
            name="layers"
            checked={selection.kind === 'every'}
            onSelect={() => onSelection({ kind: 'every' })}
          >
            {t('team.layers.every')}
          </RadioOption>
          <RadioOption
            name="layers"
            checked={selection.kind === 'chosen'}
            onSelect={() => onSelection({ kind: 'chosen', authors: chosen })}
          >
            {t('team.layers.chosen')}
          </RadioOption>
          {selection.kind === 'chosen' ? (
            <div className="export__labels">
              {authors.map((entry) => (
                <label key={entry.author}>
                  <input type="checkbox" checked={chosen.has(entry.author)} onChange={() => toggle(entry.author)} />{' '}
                  {name(entry.author)}{' '}
                  <span className="muted">{t('team.layers.articles', { count: entry.articles })}</span>
                </label>
              ))}
            </div>
          ) : null}
        </>
      )}
    </fieldset>
  );
}
