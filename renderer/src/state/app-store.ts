import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract';
import type { Label } from '../../../shared/domain/schemas';
import { api } from '../api/client';
import { applyLanguage, initialLanguage } from '../i18n';
import type { Language } from '../i18n/languages';
import { errorMessage } from '../i18n/backend';

export type Dialog = 'import' | 'export' | 'preannotate' | 'keyboard-help' | 'restore-backup' | 'attributes' | null;

/** The corpus views; the reader shows instead of them while an article is open. */
export const VIEWS = ['library', 'concordance', 'dashboard', 'agreement'] as const;
export type View = (typeof VIEWS)[number];

interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

interface AppState {
  appInfo: AppInfo | null;
  labels: Label[];
  /** The article open in the reader; null shows `view`. */
  openArticleId: number | null;
  view: View;
  /** The schema editor is shown instead of the library or reader (#/schema). */
  schemaOpen: boolean;
  /** The UI language; label names follow it. */
  language: Language;
  dialog: Dialog;
  toasts: Toast[];
  boot(): Promise<void>;
  /** Reads the labels again (after a schema edit here or elsewhere). */
  refreshLabels(): Promise<void>;
  openArticle(id: number | null): void;
  /** Closes the reader and shows a corpus view (openArticle(null) goes back to the last one). */
  showView(view: View): void;
  openSchema(open: boolean): void;
  setLanguage(language: Language): void;
  setDialog(dialog: Dialog): void;
  notify(kind: Toast['kind'], message: string): void;
  dismissToast(id: number): void;
}

let nextToastId = 1;

/** The article id in the URL hash (#/article/3), so a reload reopens the same article. */
function articleIdFromHash(): number | null {
  const match = /^#\/article\/(\d+)$/.exec(window.location.hash);
  return match ? Number(match[1]) : null;
}

/** The corpus view in the URL hash (#/concordance, #/dashboard, #/agreement); the library has none. */
function viewFromHash(): View {
  const match = /^#\/(concordance|dashboard|agreement)$/.exec(window.location.hash);
  return (match?.[1] as View | undefined) ?? 'library';
}

const SCHEMA_HASH = '#/schema';
const schemaFromHash = () => window.location.hash === SCHEMA_HASH;

function pushHash(hash: string): void {
  if (window.location.hash !== hash) {
    history.pushState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }
}

export const useAppStore = create<AppState>((set, get) => ({
  appInfo: null,
  labels: [],
  openArticleId: articleIdFromHash(),
  view: viewFromHash(),
  schemaOpen: schemaFromHash(),
  language: initialLanguage,
  dialog: null,
  toasts: [],

  async boot() {
    try {
      const [appInfo, labels] = await Promise.all([api.getAppInfo({}), api.listLabels({})]);
      set({ appInfo, labels });
    } catch (error) {
      get().notify('error', errorMessage(error));
    }
  },

  async refreshLabels() {
    try {
      set({ labels: await api.listLabels({}) });
    } catch (error) {
      get().notify('error', errorMessage(error));
    }
  },

  openArticle(id) {
    if (id === null) {
      get().showView(get().view);
      return;
    }
    pushHash(`#/article/${id}`);
    set({ openArticleId: id, schemaOpen: false });
  },

  openSchema(open) {
    const { openArticleId, view } = get();
    const back = openArticleId !== null ? `#/article/${openArticleId}` : view === 'library' ? '' : `#/${view}`;
    pushHash(open ? SCHEMA_HASH : back);
    set({ schemaOpen: open });
  },

  showView(view) {
    pushHash(view === 'library' ? '' : `#/${view}`);
    set({ openArticleId: null, view, schemaOpen: false });
  },

  setLanguage(language) {
    applyLanguage(language);
    set({ language });
  },

  setDialog(dialog) {
    set({ dialog });
  },

  notify(kind, message) {
    const id = nextToastId++;
    set((state) => ({ toasts: [...state.toasts.slice(-3), { id, kind, message }] }));
    window.setTimeout(() => get().dismissToast(id), kind === 'error' ? 8000 : 4000);
  },

  dismissToast(id) {
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
  },
}));

window.addEventListener('popstate', () =>
  useAppStore.setState({ openArticleId: articleIdFromHash(), view: viewFromHash(), schemaOpen: schemaFromHash() }),
);

/** Kept here for the stores that import it; the translation lives with the i18n code. */
export { errorMessage };

export function labelName(label: Label, language: Language): string {
  return language === 'vi' ? label.nameVi : label.nameEn;
}
