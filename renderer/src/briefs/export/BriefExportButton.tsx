import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BRIEF_EXPORT_FORMAT_SPECS, type BriefExportFormatId } from '../../../../shared/brief/export/formats';
import { api } from '../../api/client';
import { browserHostToken } from '../../api/transport';
import { download } from '../../app/download';
import { errorMessage } from '../../i18n/backend';
import { useAppStore } from '../../state/app-store';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; formatId: BriefExportFormatId }
  | { kind: 'done'; fileName: string; missingCitations: number }
  | { kind: 'failed'; message: string };

/**
 * The brief editor's Export menu: one entry per format of the registry. Electron asks where with
 * its save dialog; the browser host hands the file over as a download. Progress and errors show
 * beside the button.
 */
export function BriefExportButton({ briefId }: { briefId: number }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node))
        setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const exportAs = async (formatId: BriefExportFormatId) => {
    setOpen(false);
    setStatus({ kind: 'running', formatId });
    try {
      const result = await api.exportBrief({ briefId, formatId, language });
      if (result.state === 'cancelled') return setStatus({ kind: 'idle' });
      if (result.state === 'download')
        download(result.fileName, `${result.downloadUrl}?token=${encodeURIComponent(browserHostToken())}`);
      setStatus({ kind: 'done', fileName: result.fileName, missingCitations: result.missingCitations });
    } catch (error) {
      setStatus({ kind: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <div className="brief-export" ref={menu}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={status.kind === 'running'}
        onClick={() => setOpen((value) => !value)}
      >
        {t('briefExport.button')}
      </button>
      {open && (
        <div className="brief-export__menu" role="menu" aria-label={t('briefExport.menu')}>
          {BRIEF_EXPORT_FORMAT_SPECS.map((spec) => (
            <button key={spec.id} type="button" role="menuitem" onClick={() => void exportAs(spec.id)}>
              {t(`briefExport.format.${spec.id}`)}
            </button>
          ))}
        </div>
      )}
      <span className="brief-export__status" role="status" aria-live="polite">
        {status.kind === 'running' && t('briefExport.running', { format: t(`briefExport.format.${status.formatId}`) })}
        {status.kind === 'done' && t('briefExport.done', { file: status.fileName })}
        {status.kind === 'done' &&
          status.missingCitations > 0 &&
          ` ${t('briefExport.missingCitations', { count: status.missingCitations })}`}
      </span>
      {status.kind === 'failed' && (
        <p className="brief-export__error" role="alert">
          {t('briefExport.failed', { error: status.message })}
        </p>
      )}
    </div>
  );
}
