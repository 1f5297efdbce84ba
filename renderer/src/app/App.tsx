import { lazy, Suspense, useEffect, useState } from 'react';
import { BriefDock, BriefsView } from '../briefs/BriefsView';
import { PreannotateDialog } from '../assist/PreannotateDialog';
import { RestoreDialog } from '../backup/RestoreDialog';
import { LibraryView } from '../library/LibraryView';
import { KeyboardHelp } from '../reader/KeyboardHelp';
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

// The app opens on the library: every other view is a chunk of its own, so the first paint
// parses only what the library needs (ECharts alone is most of the dashboard's chunk). The
// reader's chunk is fetched in idle time after that paint, so the first open does not wait for it.
const importReaderView = () => import('../reader/ReaderView');
const ReaderView = lazy(() => importReaderView().then((module) => ({ default: module.ReaderView })));
const DashboardView = lazy(() =>
  import('../corpus/DashboardView').then((module) => ({ default: module.DashboardView })),
);
const SchemaView = lazy(() => import('../schema/SchemaView').then((module) => ({ default: module.SchemaView })));
const AdjudicationView = lazy(() =>
  import('../adjudication/AdjudicationView').then((module) => ({ default: module.AdjudicationView })),
);
const ConcordanceView = lazy(() =>
  import('../corpus/ConcordanceView').then((module) => ({ default: module.ConcordanceView })),
);
const EntitiesView = lazy(() =>
  import('../entities/EntitiesView').then((module) => ({ default: module.EntitiesView })),
);
const EntityPage = lazy(() => import('../entities/EntityPage').then((module) => ({ default: module.EntityPage })));
const AgreementView = lazy(() =>
  import('../agreement/AgreementView').then((module) => ({ default: module.AgreementView })),
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

  useEffect(() => {
    const idle = requestIdleCallback(() => void importReaderView());
    return () => cancelIdleCallback(idle);
  }, []);

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
          <Suspense fallback={null}>
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
              <DashboardView />
            ) : view === 'agreement' ? (
              <AgreementView />
            ) : view === 'briefs' ? (
              <BriefsView />
            ) : (
              <LibraryView />
            )}
          </Suspense>
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
