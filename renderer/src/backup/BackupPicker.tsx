import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/contract';
import { api } from '../api/client';
import { formatCount } from '../library/format';
import type { Language } from '../i18n/languages';
import { errorMessage } from '../i18n/backend';

/** A moment (a real instant, unlike publication dates) in the UI language, local time. */
function formatTime(iso: string | null, language: Language): string {
  return iso ? new Date(iso).toLocaleString(language) : '—';
}

function formatSize(bytes: number, t: TFunction): string {
  return bytes < 1024 * 1024
    ? t('backup.sizeKb', { n: Math.ceil(bytes / 1024) })
    : t('backup.sizeMb', { n: Math.round(bytes / 1024 / 102.4) / 10 });
}

/** After a restore every store of the page is stale: start the page afresh, on the library. */
function reloadOnLibrary(): void {
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  window.location.reload();
}

/**
 * The backups, newest first, each with what it holds; the newest good one is chosen at
 * first. Restoring asks for confirmation, replaces the database and reloads the page.
 */
export function BackupPicker({ confirmText }: { confirmText: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listBackups({}).then(
      (list) => {
        setBackups(list);
        setChosen(list.find((backup) => backup.preview.ok)?.fileName ?? null);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, []);

  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await api.restoreBackup({ fileName: chosen });
      reloadOnLibrary();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
      setConfirming(false);
    }
  };

  if (backups === null)
    return error ? <p className="error">{error}</p> : <p className="muted">{t('backup.reading')}</p>;
  if (backups.length === 0) return <p className="muted">{t('backup.none')}</p>;
  const chosenBackup = backups.find((backup) => backup.fileName === chosen) ?? null;
  return (
    <div className="backups">
      <table className="backups__table">
        <thead>
          <tr>
            <th aria-label={t('backup.columns.choose')} />
            <th>{t('backup.columns.taken')}</th>
            <th className="num">{t('backup.columns.articles')}</th>
            <th className="num">{t('backup.columns.annotations')}</th>
            <th>{t('backup.columns.lastChange')}</th>
            <th className="num">{t('backup.columns.size')}</th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.fileName} className={backup.preview.ok ? '' : 'backups__bad'}>
              <td>
                <input
                  type="radio"
                  name="backup"
                  aria-label={t('backup.backupOf', { time: formatTime(backup.createdAt, language) })}
                  disabled={!backup.preview.ok || busy}
                  checked={chosen === backup.fileName}
                  onChange={() => {
                    setChosen(backup.fileName);
                    setConfirming(false);
                  }}
                />
              </td>
              <td>
                {formatTime(backup.createdAt, language)}{' '}
                <span className="muted">({t(`backup.reason.${backup.reason}`)})</span>
              </td>
              {backup.preview.ok ? (
                <>
                  <td className="num">{formatCount(backup.preview.articleCount ?? 0, language)}</td>
                  <td className="num">{formatCount(backup.preview.annotationCount ?? 0, language)}</td>
                  <td>{formatTime(backup.preview.newestChangeAt, language)}</td>
                </>
              ) : (
                <td colSpan={3} className="error">
                  {t('backup.damaged', { problem: backup.preview.problem ?? '' })}
                </td>
              )}
              <td className="num">{formatSize(backup.sizeBytes, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        {confirming && chosenBackup ? (
          <>
            <span>
              {confirmText} {t('backup.confirm', { time: formatTime(chosenBackup.createdAt, language) })}
            </span>
            <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
              {busy ? t('backup.restoring') : t('backup.yesRestore')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('backup.no')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" disabled={!chosen} onClick={() => setConfirming(true)}>
            {t('backup.restoreThis')}
          </button>
        )}
      </div>
    </div>
  );
}
