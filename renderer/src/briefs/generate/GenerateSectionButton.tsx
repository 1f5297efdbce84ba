import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BRIEF_SECTION_KINDS,
  type BriefSectionKind,
  type SerializedLexicalNode,
} from '../../../../shared/brief/sections/section-nodes';
import { LibraryFilterSchema, type LibraryFilter } from '../../../../shared/corpus/library-query';
import { api } from '../../api/client';
import { Modal } from '../../app/Modal';
import { errorMessage } from '../../i18n/backend';
import { useAppStore } from '../../state/app-store';
import { useLibraryStore } from '../../state/library-store';
import { RadioOption } from '../../app/RadioOption';

/**
 * "Insert a generated section": the risks grouped by label, or the proposals with their
 * proposers, from the spans of the whole corpus or of the library's current filter (the same
 * filter the dashboard offers), narrowed by publication dates. The nodes go to `onInsert` as
 * plain serialized Lexical nodes, editable once inserted.
 */
export function GenerateSectionButton({ onInsert }: { onInsert(nodes: SerializedLexicalNode[]): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('briefSections.button')}
      </button>
      {open && (
        <GenerateSectionDialog
          onClose={() => setOpen(false)}
          onInsert={(nodes) => {
            onInsert(nodes);
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

function GenerateSectionDialog({
  onClose,
  onInsert,
}: {
  onClose(): void;
  onInsert(nodes: SerializedLexicalNode[]): void;
}) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const libraryFilter = useLibraryStore((state) => state.filter);
  const libraryFiltered = Object.keys(libraryFilter).length > 0;
  const [kind, setKind] = useState<BriefSectionKind>('risksByLabel');
  const [withinLibrary, setWithinLibrary] = useState(libraryFiltered);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const dates = from || to ? LibraryFilterSchema.shape.published.safeParse(range) : null;
  const filter: LibraryFilter = {
    ...(withinLibrary ? libraryFilter : {}),
    // Dates given here take the place of the library's own range; the dialog says so.
    ...(dates?.success ? { published: dates.data } : {}),
  };
  const dateProblem = dates !== null && !dates.success;
  const replacesLibraryDates = withinLibrary && libraryFilter.published !== undefined && dates?.success === true;

  const generate = async () => {
    setRunning(true);
    setError(null);
    try {
      const section = await api.generateBriefSection({ kind, filter, language });
      onInsert(section.nodes);
    } catch (failure) {
      setError(errorMessage(failure));
      setRunning(false);
    }
  };

  return (
    <Modal title={t('briefSections.title')} onClose={onClose} closeDisabled={running}>
      <form
        className="brief-sections"
        onSubmit={(event) => {
          event.preventDefault();
          void generate();
        }}
      >
        <fieldset>
          <legend>{t('briefSections.kind')}</legend>
          {BRIEF_SECTION_KINDS.map((value) => (
            <RadioOption key={value} name="kind" checked={kind === value} onSelect={() => setKind(value)}>
              {t(`briefSections.kinds.${value}`)}
            </RadioOption>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('briefSections.articles')}</legend>
          <RadioOption name="scope" checked={!withinLibrary} onSelect={() => setWithinLibrary(false)}>
            {t('briefSections.wholeCorpus')}
          </RadioOption>
          <RadioOption
            name="scope"
            checked={withinLibrary}
            disabled={!libraryFiltered}
            onSelect={() => setWithinLibrary(true)}
          >
            {libraryFiltered ? t('briefSections.libraryFilter') : t('briefSections.noLibraryFilter')}
          </RadioOption>
          <div className="brief-sections__dates">
            <label>
              {t('briefSections.from')}{' '}
              <input
                value={from}
                onChange={(event) => setFrom(event.target.value.trim())}
                placeholder="2019"
                size={10}
              />
            </label>
            <label>
              {t('briefSections.to')}{' '}
              <input
                value={to}
                onChange={(event) => setTo(event.target.value.trim())}
                placeholder="2024-12"
                size={10}
              />
            </label>
          </div>
          {dateProblem && (
            <p className="brief-sections__problem" role="alert">
              {t('briefSections.dateProblem')}
            </p>
          )}
          {replacesLibraryDates && <p className="muted">{t('briefSections.datesReplaceLibrary')}</p>}
        </fieldset>
        <p className="muted">{t('briefSections.hint')}</p>
        {error && (
          <p className="brief-sections__problem" role="alert">
            {t('briefSections.failed', { error })}
          </p>
        )}
        <div className="row">
          <button type="button" onClick={onClose} disabled={running}>
            {t('briefSections.cancel')}
          </button>
          <button type="submit" className="primary" disabled={running || dateProblem}>
            {running ? t('briefSections.running') : t('briefSections.insert')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
