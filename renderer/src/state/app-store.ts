import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract';
import type { Label } from '../../../shared/domain/schemas';
import { api } from '../api/client';
import { applyLanguage, initialLanguage } from '../i18n';
import type { Language } from '../i18n/languages';

export type Dialog = 'import' | 'export' | 'keyboard-help' | 'restore-backup' | null;

/** The entity registry's views: the list, or one entity's page. */
export type EntityView = { kind: 'list' } | { kind: 'entity'; id: number };

interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

interface AppState {
  appInfo: AppInfo | null;
  labels: Label[];
  /** The article open in the reader; null shows the library. */
  openArticleId: number | null;
  /** Shown instead of the library and the reader while set. */
  entityView: EntityView | null;
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
  openEntities(view: EntityView | null): void;
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

/** The entities view in the URL hash (#/entities, #/entity/5). */
function entityViewFromHash(): EntityView | null {
  if (window.location.hash === '#/entities') return { kind: 'list' };
  const match = /^#\/entity\/(\d+)$/.exec(window.location.hash);
  return match ? { kind: 'entity', id: Number(match[1]) } : null;
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
  entityView: entityViewFromHash(),
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
    pushHash(id === null ? '' : `#/article/${id}`);
    set({ openArticleId: id, entityView: null, schemaOpen: false });
  },

  openEntities(view) {
    pushHash(view === null ? '' : view.kind === 'list' ? '#/entities' : `#/entity/${view.id}`);
    set({ entityView: view, openArticleId: null, schemaOpen: false });
  },

  openSchema(open) {
    const { openArticleId } = get();
    pushHash(open ? SCHEMA_HASH : openArticleId === null ? '' : `#/article/${openArticleId}`);
    set(open ? { schemaOpen: true, entityView: null } : { schemaOpen: false });
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
  useAppStore.setState({
    openArticleId: articleIdFromHash(),
    entityView: entityViewFromHash(),
    schemaOpen: schemaFromHash(),
  }),
);

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function labelName(label: Label, language: Language): string {
  return language === 'vi' ? label.nameVi : label.nameEn;
}
