import { useTranslation } from 'react-i18next';
import { useDeferredReader, useReaderStore } from '../reader/reader-store';

/**
 * Unlinked spans of the article whose text is a known entity's name or alias. Each is offered,
 * never linked unasked: select it and press Enter, or press its Link button.
 */
export function LinkSuggestions({ onReveal }: { onReveal: (id: number) => void }) {
  const { t } = useTranslation();
  const suggestions = useReaderStore((state) => state.suggestions);
  const confirmSuggestion = useReaderStore((state) => state.confirmSuggestion);
  const sync = useReaderStore((state) => state.sync);
  useDeferredReader((state) => state.spansVersion);
  if (suggestions.length === 0) return null;
  return (
    <section className="link-suggestions" aria-labelledby="link-suggestions-heading">
      <h2 id="link-suggestions-heading">{t('entities.suggestions.heading', { count: suggestions.length })}</h2>
      <p className="entities__hint">{t('entities.suggestions.hint')}</p>
      <ul>
        {suggestions.map((suggestion) => (
          <li key={suggestion.annotationId}>
            <button
              type="button"
              className="link-suggestions__span"
              lang="vi"
              onClick={() => onReveal(suggestion.annotationId)}
            >
              {sync?.spans.get(suggestion.annotationId)?.quote ?? suggestion.entity.name}
            </button>{' '}
            → <span lang="vi">{suggestion.entity.name}</span>{' '}
            <button
              type="button"
              aria-label={t('entities.suggestions.linkOne', { name: suggestion.entity.name })}
              onClick={() => void confirmSuggestion(suggestion.annotationId)}
            >
              {t('entities.suggestions.link')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
