import { useEffect } from 'react';
import { LibraryView } from '../library/LibraryView';
import { KeyboardHelp } from '../reader/KeyboardHelp';
import { ReaderView } from '../reader/ReaderView';
import { useAppStore } from '../state/app-store';
import { useAppCommands } from './app-commands';
import { Toasts } from './Toasts';
import { Toolbar } from './Toolbar';

export function App() {
  const openArticleId = useAppStore((state) => state.openArticleId);
  const labelsLoaded = useAppStore((state) => state.labels.length > 0);
  const dialog = useAppStore((state) => state.dialog);
  const setDialog = useAppStore((state) => state.setDialog);
  const boot = useAppStore((state) => state.boot);
  useAppCommands();

  useEffect(() => {
    void boot();
  }, [boot]);

  return (
    <div className="app">
      <Toolbar />
      <main className="app__main">
        {openArticleId === null ? <LibraryView /> : labelsLoaded ? <ReaderView articleId={openArticleId} /> : null}
      </main>
      {dialog === 'keyboard-help' ? <KeyboardHelp onClose={() => setDialog(null)} /> : null}
      <Toasts />
    </div>
  );
}
