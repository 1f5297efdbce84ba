import { useState } from 'react';
import type { Annotation, Label } from '../../../shared/domain/schemas';
import { labelName, useAppStore } from '../state/app-store';
import { spanIndex, useReaderStore } from './reader-store';

/** The selected span: its label, quote, note and edge keys; every change is saved at once. */
export function SelectedSpanPanel({ labels }: { labels: readonly Label[] }) {
  const selectedId = useReaderStore((state) => state.selectedId);
  useReaderStore((state) => state.spansVersion); // re-read the span after each change
  const selected = selectedId === null ? undefined : spanIndex.get(selectedId);
  if (!selected) {
    return (
      <section className="selected selected--empty" aria-label="Selected span">
        Select text and press a label key (1–9, 0), or click a highlighted span.
      </section>
    );
  }
  return <SpanDetails key={selected.id} span={selected} labels={labels} />;
}

function SpanDetails({ span, labels }: { span: Annotation; labels: readonly Label[] }) {
  const language = useAppStore((state) => state.language);
  const { applyLabel, setNote, remove } = useReaderStore();
  const [note, setDraftNote] = useState(span.note);
  const label = labels.find((candidate) => candidate.key === span.labelKey);
  const saveNote = () => void setNote(span.id, note);
  return (
    <section className="selected" aria-label="Selected span">
      <div className="selected__row">
        <span className="selected__swatch" style={{ background: label?.color }} aria-hidden="true" />
        <select
          aria-label="Label of the selected span"
          value={span.labelKey}
          onChange={(event) => void applyLabel(event.target.value)}
        >
          {labels.map((option) => (
            <option key={option.key} value={option.key}>
              {labelName(option, language)} ({option.key})
            </option>
          ))}
        </select>
        <button type="button" className="danger" onClick={() => void remove(span.id)} title="Delete (Delete key)">
          Delete
        </button>
      </div>
      <blockquote className="selected__quote" lang="vi">
        {span.quote}
      </blockquote>
      <div className="selected__offsets">
        [{span.start}, {span.end}) · Alt+←/→ end · Alt+Shift+←/→ start · drag the handles
      </div>
      <textarea
        aria-label="Note"
        placeholder="Note (saved when you leave the field or press Ctrl+Enter)"
        value={note}
        rows={2}
        onChange={(event) => setDraftNote(event.target.value)}
        onBlur={saveNote}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) saveNote();
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
    </section>
  );
}
