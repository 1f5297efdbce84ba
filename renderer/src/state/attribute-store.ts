import { create } from './create';
import type { AttributeDef, EnumOption, FieldDef } from '../../../shared/domain/attributes';
import type { Change } from '../../../shared/domain/changes';
import { api } from '../api/client';
import type { Language } from '../i18n/languages';
import { errorMessage, useAppStore } from './app-store';

interface AttributeState {
  attributeDefs: AttributeDef[];
  fieldDefs: FieldDef[];
  loaded: boolean;
  load(): Promise<void>;
  /** Applies a set of definition changes (corpus-wide history) and reloads; false when refused. */
  applyDefinitions(changes: Change[]): Promise<boolean>;
}

/** The attribute definitions of labels and the document fields, as the reader and the editors use them. */
export const useAttributeStore = create<AttributeState>((set, get) => ({
  attributeDefs: [],
  fieldDefs: [],
  loaded: false,

  async load() {
    try {
      const [attributeDefs, fieldDefs] = await Promise.all([api.listAttributeDefs({}), api.listFieldDefs({})]);
      set({ attributeDefs, fieldDefs, loaded: true });
    } catch (error) {
      useAppStore.getState().notify('error', errorMessage(error));
    }
  },

  async applyDefinitions(changes) {
    try {
      await api.applyChanges({ origin: 'manual', changes });
      await get().load();
      return true;
    } catch (error) {
      useAppStore.getState().notify('error', errorMessage(error));
      return false;
    }
  },
}));

/** A definition's or option's name in the UI language. */
export const nameIn = (named: Pick<EnumOption, 'nameVi' | 'nameEn'>, language: Language): string =>
  language === 'vi' ? named.nameVi : named.nameEn;
