import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSource, PackageImportReport, PackagePreview, ReviewDecisions } from '../../../shared/contract';
import { PACKAGE_EXTENSION } from '../../../shared/team/package-manifest';
import { api, uploadFiles } from '../api/client';
import { Modal } from '../app/Modal';
import { errorMessage } from '../i18n/backend';
import { formatPublished } from '../library/format';
import { useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { ImportReview } from '../transfer/ImportReview';
import { fileToBase64 } from '../transfer/read-files';

type Step =
  | { kind: 'choose' }
  | { kind: 'checking'; file: string }
  | { kind: 'confirm'; preview: PackagePreview }
  | { kind: 'importing'; preview: PackagePreview }
  | { kind: 'done'; report: PackageImportReport };

/**
 * "Import a colleague's package": choose the file (native dialog in Electron, an upload in the
 * browser), read what the host found after checking all of it (or the problem, naming the file),
 * map the labels this workbench lacks or defines differently (the import review's label table),
 * then confirm. Nothing is written before the confirmation; the colleague's spans stay their layer.
 */
export function ImportPackageDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const nativeDialogs = useAppStore((state) => state.appInfo?.nativeDialogs ?? false);
  const language = useAppStore((state) => state.language);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);

  const check = async (file: string, source: () => Promise<ImportSource | null>) => {
    setProblem(null);
    try {
      const chosen = await source();
      if (!chosen) return;
      setStep({ kind: 'checking', file });
      setStep({ kind: 'confirm', preview: await api.previewPackage({ source: chosen }) });
    } catch (error) {
      setStep({ kind: 'choose' });
      setProblem(errorMessage(error));
    }
  };
  const pickNative = () =>
    check('', async () => {
      const paths = await api.pickImportPaths({ folders: false });
      return paths?.[0] ? { kind: 'paths', paths: [paths[0]] } : null;
    });
  const pickUpload = (file: File) =>
    check(file.name, async () =>
      uploadFiles
        ? { kind: 'upload', uploadId: await uploadFiles([{ name: file.name, file }]) }
        : { kind: 'uploads', files: [{ name: file.name, dataBase64: await fileToBase64(file) }] },
    );
  const confirm = async (preview: PackagePreview, decisions: ReviewDecisions) => {
    setProblem(null);
    setStep({ kind: 'importing', preview });
    try {
      const report = await api.importPackage({ packageId: preview.packageId, decisions });
      setStep({ kind: 'done', report });
      void useLibraryStore.getState().refresh();
      void useAppStore.getState().refreshLabels();
    } catch (error) {
      setStep({ kind: 'confirm', preview });
      setProblem(errorMessage(error));
    }
  };
  const close = () => {
    if (step.kind === 'confirm') void api.discardPackage({ packageId: step.preview.packageId }).catch(() => null);
    onClose();
  };

  return (
    <Modal title={t('team.importPackage.title')} onClose={close} closeDisabled={step.kind === 'importing'} wide>
      {step.kind === 'choose' ? (
        <div className="import__pickers">
          <p className="muted">{t('team.importPackage.intro')}</p>
          <div className="row">
            {nativeDialogs ? (
              <button type="button" onClick={() => void pickNative()}>
                {t('team.importPackage.chooseFile')}
              </button>
            ) : (
              <label className="filebutton">
                {t('team.importPackage.chooseFile')}
                <input
                  type="file"
                  accept={`${PACKAGE_EXTENSION},.zip`}
                  aria-label={t('team.importPackage.chooseFileLabel')}
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    if (file) void pickUpload(file);
                  }}
                />
              </label>
            )}
          </div>
        </div>
      ) : null}
      {step.kind === 'checking' ? (
        <p aria-live="polite">{t('team.importPackage.checking', { file: step.file })}</p>
      ) : null}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {step.kind === 'confirm' || step.kind === 'importing' ? (
        <section className="team-package" aria-label={t('team.importPackage.summaryRegion')}>
          <p>
            {t('team.importPackage.summary', {
              file: step.preview.fileName,
              author: step.preview.manifest.author,
              date: formatPublished(step.preview.manifest.createdAt, language),
            })}
          </p>
          <p>
            {t('team.importPackage.counts', {
              articles: step.preview.articles.total,
              alreadyHere: step.preview.articles.alreadyHere,
              annotations: step.preview.manifest.counts.annotations,
              relations: step.preview.manifest.counts.relations,
              entityLinks: step.preview.manifest.counts.entityLinks,
            })}
          </p>
          <p className="muted">{t('team.importPackage.layerNote', { author: step.preview.manifest.author })}</p>
          {step.preview.questions.length > 0 ? (
            <ImportReview
              key={step.preview.packageId}
              questions={step.preview.questions}
              othersImported={false}
              onDecide={(decisions) => confirm(step.preview, decisions)}
              onCancel={async () => close()}
            />
          ) : (
            <div className="row">
              <button
                type="button"
                className="primary"
                disabled={step.kind === 'importing'}
                onClick={() => void confirm(step.preview, {})}
              >
                {t('team.importPackage.confirm', { author: step.preview.manifest.author })}
              </button>
              <button type="button" disabled={step.kind === 'importing'} onClick={close}>
                {t('app.cancel')}
              </button>
            </div>
          )}
        </section>
      ) : null}
      {step.kind === 'done' ? (
        <section aria-live="polite">
          <p role="status">{t('team.importPackage.done', { ...step.report })}</p>
          {step.report.notes.length > 0 ? (
            <details>
              <summary>{t('team.importPackage.notes')}</summary>
              <ul>
                {step.report.notes.map((note, index) => (
                  <li key={index}>{note}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="row">
            <button type="button" className="primary" onClick={close}>
              {t('team.importPackage.close')}
            </button>
            <button type="button" onClick={() => setStep({ kind: 'choose' })}>
              {t('team.importPackage.another')}
            </button>
          </div>
        </section>
      ) : null}
    </Modal>
  );
}
