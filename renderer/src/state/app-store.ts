import { create } from './create';
import type { AppInfo } from '../../../shared/contract';
import type { Label } from '../../../shared/domain/schemas';
import { api } from '../api/client';
import { applyLanguage, initialLanguage } from '../i18n';
import type { Language } from '../i18n/languages';
import { errorMessage } from '../i18n/backend';
import { readAhead } from '../reader/article-read';
import {
  adjudicationIdFromHash,
  articleIdFromHash,
  briefIdFromHash,
  entityIdFromHash,
  SCHEMA_HASH,
  schemaFromHash,
  viewFromHash,
  VIEWS,
  type View,
} from './route';

export type Dialog =
  'import' | 'export' | 'preannotate' | 'keyboard-help' | 'restore-backup' | 'export-work' | 'import-package' | null;

export { VIEWS, type View };

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
  /** In the `entities` view: the entity whose page is shown; null shows the registry's list. */
  entityId: number | null;
  /** The article whose layers are being adjudicated (#/adjudicate/3); shown instead of the reader. */
  adjudicationArticleId: number | null;
  /** In the `briefs` view: the brief open in the editor; null shows the list of briefs. */
  briefId: number | null;
  /** The schema editor is shown instead of the library or reader (#/schema). */
  schemaOpen: boolean;
  /** The UI language; label names follow it. */
  language: Language;
  dialog: Dialog;
  toasts: Toast[];
  /** Loads the app's info and the labels, before the first render (main.tsx). */
  boot(): Promise<void>;
  /** Reads the labels again (after a schema edit here or elsewhere). */
  refreshLabels(): Promise<void>;
  openArticle(id: number | null): void;
  /** Closes the reader and shows a corpus view (openArticle(null) goes back to the last one). */
  showView(view: View): void;
  /** Shows one entity's page (null: the registry's list) in the `entities` view. */
  openEntity(id: number | null): void;
  /** Opens one brief in the editor (null: the list of briefs) in the `briefs` view. */
  openBrief(id: number | null): void;
  openSchema(open: boolean): void;
  /** Opens the adjudication view of an article (null: back to where it was opened from). */
  openAdjudication(id: number | null): void;
  setLanguage(language: Language): void;
  setDialog(dialog: Dialog): void;
  notify(kind: Toast['kind'], message: string): void;
  dismissToast(id: number): void;
}

let nextToastId = 1;

/** The hash of a corpus view, with the entity page shown in `entities` or the brief open in `briefs`. */
function viewHash(view: View, entityId: number | null, briefId: number | null = null): string {
  if (view === 'entities' && entityId !== null) return `#/entity/${entityId}`;
  if (view === 'briefs' && briefId !== null) return `#/brief/${briefId}`;
  return view === 'library' ? '' : `#/${view}`;
}

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
  entityId: entityIdFromHash(),
  adjudicationArticleId: adjudicationIdFromHash(),
  briefId: briefIdFromHash(),
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
      // Back to the view the article was opened from, an entity's page included.
      const { view, entityId, briefId } = get();
      if (view === 'entities') get().openEntity(entityId);
      else if (view === 'briefs') get().openBrief(briefId);
      else get().showView(view);
      return;
    }
    // The host reads the article while the page switches to the reader, not after.
    if (get().openArticleId !== id) readAhead(id);
    pushHash(`#/article/${id}`);
    set({ openArticleId: id, adjudicationArticleId: null, schemaOpen: false });
  },

  openAdjudication(id) {
    if (id === null) {
      get().openArticle(null);
      return;
    }
    pushHash(`#/adjudicate/${id}`);
    set({ adjudicationArticleId: id, openArticleId: null, schemaOpen: false });
  },

  openSchema(open) {
    const { openArticleId, view, entityId, briefId } = get();
    const back = openArticleId !== null ? `#/article/${openArticleId}` : viewHash(view, entityId, briefId);
    pushHash(open ? SCHEMA_HASH : back);
    set({ schemaOpen: open });
  },

  showView(view) {
    pushHash(viewHash(view, null));
    set({ openArticleId: null, adjudicationArticleId: null, view, entityId: null, briefId: null, schemaOpen: false });
  },

  openEntity(id) {
    pushHash(viewHash('entities', id));
    set({ openArticleId: null, adjudicationArticleId: null, view: 'entities', entityId: id, schemaOpen: false });
  },

  openBrief(id) {
    pushHash(viewHash('briefs', null, id));
    set({ openArticleId: null, view: 'briefs', briefId: id, schemaOpen: false });
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
  useAppStore.setState(() => {
    const openArticleId = articleIdFromHash();
    const adjudicationArticleId = adjudicationIdFromHash();
    // An article's hash does not say the view it was opened from: keep the one there is.
    const corpusView =
      openArticleId === null && adjudicationArticleId === null
        ? { view: viewFromHash(), entityId: entityIdFromHash(), briefId: briefIdFromHash() }
        : {};
    return { openArticleId, adjudicationArticleId, ...corpusView, schemaOpen: schemaFromHash() };
  }),
);

/** Kept here for the stores that import it; the translation lives with the i18n code. */
export { errorMessage };

export function labelName(label: Label, language: Language): string {
  return language === 'vi' ? label.nameVi : label.nameEn;
}
