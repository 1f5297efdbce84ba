import { lazy, Suspense, useState, type ComponentType } from 'react';
import { BriefDock, BriefsView } from '../briefs/BriefsView';
import { LibraryView } from '../library/LibraryView';
import { readerChunk } from '../reader/reader-chunk';
import { useLiveLabels } from '../schema/schema-store';
import { useProfileStore } from '../settings/profile-store';
import { useAppStore, type Dialog } from '../state/app-store';
import { useLiveUpdates } from '../state/live-updates';
import { useImportStore } from '../transfer/import-store';
import { filesFromDrop } from '../transfer/read-files';
import { useAppCommands } from './app-commands';
import { deferred, DeferredView, type Deferred } from './deferred';
import { Toasts } from './Toasts';
import { Toolbar } from './Toolbar';

// ECharts is most of the bundle: it loads when the dashboard is first opened, not at start.
const DashboardView = lazy(() =>
  import('../corpus/DashboardView').then((module) => ({ default: module.DashboardView })),
);

// Views and dialogs not shown at start: chunks of their own, loaded after the first paint
// (deferred.tsx; main.tsx starts it), in this order: the reader first, the likeliest next view.
// Only the library, the toolbar and what they need are in the start bundle.
const schemaView = deferred(() => import('../schema/SchemaView'));
const adjudicationView = deferred(() => import('../adjudication/AdjudicationView'));
const concordanceView = deferred(() => import('../corpus/ConcordanceView'));
const entitiesView = deferred(() => import('../entities/EntitiesView'));
const entityPage = deferred(() => import('../entities/EntityPage'));
const agreementView = deferred(() => import('../agreement/AgreementView'));
/** The dialogs the app store opens by name, one registry: each closes itself with `onClose`. */
const DIALOGS: Record<NonNullable<Dialog>, Deferred<ComponentType<{ onClose: () => void }>>> = {
  import: deferred(() => import('../transfer/ImportDialog').then((module) => module.ImportDialog)),
  export: deferred(() => import('../transfer/ExportDialog').then((module) => module.ExportDialog)),
  'export-work': deferred(() => import('../team/ExportWorkDialog').then((module) => module.ExportWorkDialog)),
  'import-package': deferred(() => import('../team/ImportPackageDialog').then((module) => module.ImportPackageDialog)),
  preannotate: deferred(() => import('../assist/PreannotateDialog').then((module) => module.PreannotateDialog)),
  'restore-backup': deferred(() => import('../backup/RestoreDialog').then((module) => module.RestoreDialog)),
  'keyboard-help': deferred(() => import('../reader/KeyboardHelp').then((module) => module.KeyboardHelp)),
};
const profileDialog = deferred(() => import('../settings/ProfileDialog'));

export function App() {
  const openArticleId = useAppStore((state) => state.openArticleId);
  const adjudicationArticleId = useAppStore((state) => state.adjudicationArticleId);
  const view = useAppStore((state) => state.view);
  const entityId = useAppStore((state) => state.entityId);
  const schemaOpen = useAppStore((state) => state.schemaOpen);
  const labelsLoaded = useAppStore((state) => state.labels.length > 0);
  const dialog = useAppStore((state) => state.dialog);
  const setDialog = useAppStore((state) => state.setDialog);
  const profileOpen = useProfileStore((state) => state.dialogOpen);
  const [dragging, setDragging] = useState(false);
  useAppCommands();
  useLiveUpdates();
  useLiveLabels();

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
            <DeferredView module={schemaView} render={({ SchemaView }) => <SchemaView />} />
          ) : adjudicationArticleId !== null ? (
            labelsLoaded ? (
              <DeferredView
                module={adjudicationView}
                render={({ AdjudicationView }) => <AdjudicationView articleId={adjudicationArticleId} />}
              />
            ) : null
          ) : openArticleId !== null ? (
            labelsLoaded ? (
              <DeferredView
                module={readerChunk}
                render={({ ReaderView }) => <ReaderView articleId={openArticleId} />}
              />
            ) : null
          ) : view === 'concordance' ? (
            <DeferredView module={concordanceView} render={({ ConcordanceView }) => <ConcordanceView />} />
          ) : view === 'entities' ? (
            entityId === null ? (
              <DeferredView module={entitiesView} render={({ EntitiesView }) => <EntitiesView />} />
            ) : (
              <DeferredView module={entityPage} render={({ EntityPage }) => <EntityPage id={entityId} />} />
            )
          ) : view === 'dashboard' ? (
            <Suspense fallback={null}>
              <DashboardView />
            </Suspense>
          ) : view === 'agreement' ? (
            <DeferredView module={agreementView} render={({ AgreementView }) => <AgreementView />} />
          ) : view === 'briefs' ? (
            <BriefsView />
          ) : (
            <LibraryView />
          )}
        </main>
        {/* The docked brief, beside every view but the briefs view itself (one editor per brief). */}
        {view !== 'briefs' || openArticleId !== null || schemaOpen ? <BriefDock /> : null}
      </div>
      {dialog !== null ? (
        <DeferredView module={DIALOGS[dialog]} render={(Dialog) => <Dialog onClose={() => setDialog(null)} />} />
      ) : null}
      {profileOpen ? <DeferredView module={profileDialog} render={({ ProfileDialog }) => <ProfileDialog />} /> : null}
      <Toasts />
    </div>
  );
}
