import { lazy, Suspense, useEffect, useState } from 'react';
import { AdjudicationView } from '../adjudication/AdjudicationView';
import { AgreementView } from '../agreement/AgreementView';
import { BriefDock, BriefsView } from '../briefs/BriefsView';
import { PreannotateDialog } from '../assist/PreannotateDialog';
import { RestoreDialog } from '../backup/RestoreDialog';
import { EntitiesView } from '../entities/EntitiesView';
import { EntityPage } from '../entities/EntityPage';
import { ConcordanceView } from '../corpus/ConcordanceView';
import { LibraryView } from '../library/LibraryView';
import { KeyboardHelp } from '../reader/KeyboardHelp';
import { ReaderView } from '../reader/ReaderView';
import { SchemaView } from '../schema/SchemaView';
import { useLiveLabels } from '../schema/schema-store';
import { ProfileDialog } from '../settings/ProfileDialog';
import { useAppStore } from '../state/app-store';
import { useLiveUpdates } from '../state/live-updates';
import { ExportDialog } from '../transfer/ExportDialog';
import { ImportDialog } from '../transfer/ImportDialog';
import { ExportWorkDialog } from '../team/ExportWorkDialog';
import { ImportPackageDialog } from '../team/ImportPackageDialog';
import { useImportStore } from '../transfer/import-store';
import { filesFromDrop } from '../transfer/read-files';
import { useAppCommands } from './app-commands';
import { Toasts } from './Toasts';
import { Toolbar } from './Toolbar';

// ECharts is most of the bundle: it loads when the dashboard is first opened, not at start.
const DashboardView = lazy(() =>
  import('../corpus/DashboardView').then((module) => ({ default: module.DashboardView })),
);

export function App() {
  const openArticleId = useAppStore((state) => state.openArticleId);
  const adjudicationArticleId = useAppStore((state) => state.adjudicationArticleId);
  const view = useAppStore((state) => state.view);
  const entityId = useAppStore((state) => state.entityId);
  const schemaOpen = useAppStore((state) => state.schemaOpen);
  const labelsLoaded = useAppStore((state) => state.labels.length > 0);
  const dialog = useAppStore((state) => state.dialog);
  const setDialog = useAppStore((state) => state.setDialog);
  const boot = useAppStore((state) => state.boot);
  const [dragging, setDragging] = useState(false);
  useAppCommands();
  useLiveUpdates();
  useLiveLabels();

  useEffect(() => {
    void boot();
  }, [boot]);

  return (
    <div
      className={`app ${dragging ? 'app--dropping' : ''}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.relatedTarget === null) setDragging(false);
      }}
      onDrop={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(false);
        setDialog('import');
        void filesFromDrop(event.dataTransfer).then((files) => useImportStore.getState().startUploads(files));
      }}
    >
      <Toolbar />
      <div className="app__body">
        <main className="app__main">
          {schemaOpen ? (
            <SchemaView />
          ) : adjudicationArticleId !== null ? (
            labelsLoaded ? (
              <AdjudicationView articleId={adjudicationArticleId} />
            ) : null
          ) : openArticleId !== null ? (
            labelsLoaded ? (
              <ReaderView articleId={openArticleId} />
            ) : null
          ) : view === 'concordance' ? (
            <ConcordanceView />
          ) : view === 'entities' ? (
            entityId === null ? (
              <EntitiesView />
            ) : (
              <EntityPage id={entityId} />
            )
          ) : view === 'dashboard' ? (
            <Suspense fallback={null}>
              <DashboardView />
            </Suspense>
          ) : view === 'agreement' ? (
            <AgreementView />
          ) : view === 'briefs' ? (
            <BriefsView />
          ) : (
            <LibraryView />
          )}
        </main>
        {/* The docked brief, beside every view but the briefs view itself (one editor per brief). */}
        {view !== 'briefs' || openArticleId !== null || schemaOpen ? <BriefDock /> : null}
      </div>
      {dialog === 'keyboard-help' ? <KeyboardHelp onClose={() => setDialog(null)} /> : null}
      {dialog === 'import' ? <ImportDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'export' ? <ExportDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'export-work' ? <ExportWorkDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'import-package' ? <ImportPackageDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'preannotate' ? <PreannotateDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'restore-backup' ? <RestoreDialog onClose={() => setDialog(null)} /> : null}
      <ProfileDialog />
      <Toasts />
    </div>
  );
}
