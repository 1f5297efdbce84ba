import { useEffect } from 'react';
import { LibraryView } from '../library/LibraryView';
import { ReaderView } from '../reader/ReaderView';
import { useAppStore } from '../state/app-store';
import { Toasts } from './Toasts';
import { Toolbar } from './Toolbar';

export function App() {
  const openArticleId = useAppStore((state) => state.openArticleId);
  const boot = useAppStore((state) => state.boot);

  useEffect(() => {
    void boot();
  }, [boot]);

  return (
    <div className="app">
      <Toolbar />
      <main className="app__main">{openArticleId === null ? <LibraryView /> : <ReaderView articleId={openArticleId} />}</main>
      <Toasts />
    </div>
  );
}
