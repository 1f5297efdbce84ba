import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/domain/schemas';
import { shortcutFor } from '../app/keymap';
import { SpanEntityLink } from '../entities/SpanEntityLink';
import { labelName, useAppStore } from '../state/app-store';
import { useDeferredReader, useReaderStore } from './reader-store';
import { SpanAttributes } from './SpanAttributes';
import type { Span } from './sync/document-sync';

/** The selected span: its label, quote, note and edge keys; every change is saved at once. */
export function SelectedSpanPanel({ labels }: { labels: readonly Label[] }) {
  const { t } = useTranslation();
  const selectedId = useDeferredReader((state) => state.selectedId);
  useDeferredReader((state) => state.spansVersion); // re-read the span after each change
  const sync = useReaderStore((state) => state.sync);
  const selected = selectedId === null ? undefined : sync?.spanOf(selectedId);
  if (!sync || !selected) {
    return (
      <section className="selected selected--empty" aria-label={t('reader.selected.region')}>
        {t('reader.selected.empty')}
      </section>
    );
  }
  // Keyed by the id the span was first shown under: a create confirmed while a note or a value is
  // being typed must not remount the panel and drop the draft.
  return <SpanDetails key={sync.firstIdOf(selected.id)} span={selected} labels={labels} />;
}

function SpanDetails({ span, labels }: { span: Span; labels: readonly Label[] }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const applyLabel = useReaderStore((state) => state.applyLabel);
  const setNote = useReaderStore((state) => state.setNote);
  const remove = useReaderStore((state) => state.remove);
  const [note, setDraftNote] = useState(span.note);
  const label = labels.find((candidate) => candidate.key === span.labelKey);
  const saveNote = () => void setNote(span.id, note);
  return (
    <section className="selected" aria-label={t('reader.selected.region')}>
      <div className="selected__row">
        <span className="selected__swatch" style={{ background: label?.color }} aria-hidden="true" />
        <select
          aria-label={t('reader.selected.label')}
          value={span.labelKey}
          onChange={(event) => void applyLabel(event.target.value)}
        >
          {labels.map((option) => (
            <option key={option.key} value={option.key}>
              {labelName(option, language)} ({option.key})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="danger"
          onClick={() => void remove(span.id)}
          title={t('reader.selected.deleteTitle')}
        >
          {t('reader.selected.delete')}
        </button>
      </div>
      <blockquote className="selected__quote" lang="vi">
        {span.quote}
      </blockquote>
      <div className="selected__offsets">
        [{span.start}, {span.end}) · {t('reader.selected.edgeKeys')}
      </div>
      <SpanEntityLink span={span} />
      <SpanAttributes span={span} />
      <textarea
        aria-label={t('reader.selected.note')}
        placeholder={t('reader.selected.notePlaceholder')}
        value={note}
        rows={2}
        onChange={(event) => setDraftNote(event.target.value)}
        onBlur={saveNote}
        onKeyDown={(event) => {
          const shortcut = shortcutFor(event, 'note');
          if (shortcut === 'save-note') saveNote();
          if (shortcut === 'leave-note') event.currentTarget.blur();
        }}
      />
    </section>
  );
}
