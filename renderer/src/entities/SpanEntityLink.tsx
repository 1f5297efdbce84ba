import { useTranslation } from 'react-i18next';
import { chordText, shortcutById } from '../../../shared/keymap';
import { useReaderStore } from '../reader/reader-store';
import type { Span } from '../reader/sync/document-sync';
import { useAppStore } from '../state/app-store';

/** The selected span's entity: its name (to its page), or a way to link it, and any suggestion. */
export function SpanEntityLink({ span }: { span: Span }) {
  const { t } = useTranslation();
  const { sync, openLinker, link, suggestions, confirmSuggestion } = useReaderStore();
  useReaderStore((state) => state.linksVersion);
  const openEntity = useAppStore((state) => state.openEntity);
  const linked = sync?.linkOf(span.id);
  const suggestion = suggestions.find((candidate) => candidate.annotationId === span.id);
  const linkKey = chordText(shortcutById('link-entity').chords[0]!);
  const confirmKey = chordText(shortcutById('confirm-suggestion').chords[0]!);
  return (
    <div className="selected__entity" role="group" aria-label={t('entities.span.group')}>
      {linked ? (
        <>
          <span>{t('entities.span.linked')}</span>{' '}
          {linked.entityId !== null ? (
            <button
              type="button"
              className="selected__entity-name"
              lang="vi"
              onClick={() => openEntity(linked.entityId!)}
              title={t('entities.span.openPage')}
            >
              {linked.name}
            </button>
          ) : (
            <span lang="vi">{linked.name}</span>
          )}{' '}
          <button type="button" onClick={openLinker}>
            {t('entities.span.change', { key: linkKey })}
          </button>{' '}
          <button type="button" onClick={() => void link(null, span.id)}>
            {t('entities.span.unlink')}
          </button>
        </>
      ) : (
        <button type="button" onClick={openLinker}>
          {t('entities.span.link', { key: linkKey })}
        </button>
      )}
      {!linked && suggestion ? (
        <p className="selected__suggestion">
          {t('entities.span.suggested', { name: suggestion.entity.name })}{' '}
          <button type="button" onClick={() => void confirmSuggestion(span.id)}>
            {t('entities.span.confirm', { key: confirmKey })}
          </button>
        </p>
      ) : null}
    </div>
  );
}
