import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JobFormButtons } from '../app/JobFormButtons';
import { Modal } from '../app/Modal';
import { RadioOption } from '../app/RadioOption';
import { useProfileStore } from '../settings/profile-store';
import { useExportStore } from '../transfer/export-store';
import { ExportProgress } from '../transfer/ExportDialog';
import { useStoredAuthors } from './use-authors';

/**
 * "Export my work": one author's layer as a package file for a colleague. The author is the
 * local profile by default; any author with stored spans (a colleague's layer, gold) may be chosen.
 */
export function ExportWorkDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useProfileStore((state) => state.profile?.displayName ?? null);
  const authors = useStoredAuthors();
  const { job, startPackage, cancel, reset } = useExportStore();
  const [chosen, setChosen] = useState<string | null>(null);
  const running = job?.state === 'running';
  const listed = authors ?? [];
  const author = chosen ?? (listed.some((entry) => entry.author === me) ? me : (listed[0]?.author ?? null));
  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal title={t('team.exportWork.title')} onClose={close} closeDisabled={running}>
      <form
        className="export"
        onSubmit={(event) => {
          event.preventDefault();
          if (author) void startPackage(author);
        }}
      >
        <p className="muted">{t('team.exportWork.intro')}</p>
        <fieldset disabled={running}>
          <legend>{t('team.exportWork.author')}</legend>
          {authors !== null && listed.length === 0 ? <p>{t('team.exportWork.nobody')}</p> : null}
          {listed.map((entry) => (
            <RadioOption
              key={entry.author}
              name="package-author"
              checked={author === entry.author}
              onSelect={() => setChosen(entry.author)}
            >
              {entry.author === me
                ? t('team.exportWork.me', { name: entry.author, count: entry.articles })
                : t('team.exportWork.other', { name: entry.author, count: entry.articles })}
            </RadioOption>
          ))}
        </fieldset>
        <JobFormButtons
          submitLabel={t('team.exportWork.submit')}
          running={running}
          submitDisabled={author === null}
          onCancel={() => void cancel()}
        />
      </form>
      {job ? <ExportProgress job={job} /> : null}
    </Modal>
  );
}
