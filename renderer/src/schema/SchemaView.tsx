import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HistoryButtons } from '../app/HistoryButtons';
import { labelPath, labelTree } from '../../../shared/domain/label-tree';
import type { Label } from '../../../shared/domain/schemas';
import { labelHotkeyText } from '../../../shared/keymap';
import { api } from '../api/client';
import { labelName, useAppStore } from '../state/app-store';
import { AttributeDefinitions } from './AttributeDefinitions';
import { FieldDefinitions } from './FieldDefinitions';
import { LabelForm } from './LabelForm';
import { RemoveLabelDialog } from './RemoveLabelDialog';
import { SchemaImportDialog } from './SchemaImportDialog';
import { useSchemaStore } from './schema-store';

/** What the form on the right edits: an existing label by key, or a new one. */
type Editing = { kind: 'label'; key: string } | { kind: 'new' } | null;

/**
 * The schema editor, a view of its own (toolbar and menu, #/schema): the labels as a tree with
 * their counts, a form for the selected one with its attribute definitions under it, the document
 * fields under the tree, merge and delete with counts first, hide, the schema's own undo and redo
 * (the corpus-wide history), and the schema as a JSON file.
 */
export function SchemaView() {
  const { t } = useTranslation();
  const labels = useAppStore((state) => state.labels);
  const language = useAppStore((state) => state.language);
  const openSchema = useAppStore((state) => state.openSchema);
  const { usage, history, refresh, undo, redo, apply } = useSchemaStore();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<{ label: Label; mode: 'merge' | 'delete' } | null>(null);
  const [importing, setImporting] = useState(false);
  const tree = useMemo(() => labelTree(labels), [labels]);
  const selected = editing?.kind === 'label' ? labels.find((label) => label.key === editing.key) : undefined;
  // A merge, delete or undone create takes the edited label away: the form closes.
  const editingNow = editing?.kind === 'label' && !selected ? null : editing;

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const exportSchema = async () => {
    try {
      const file = await api.exportSchema({});
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
      link.download = 'marginalia-schema.json';
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      useAppStore.getState().notify('error', String(error));
    }
  };

  return (
    <section className="schema" aria-labelledby="schema-heading">
      <header className="schema__header">
        <h1 id="schema-heading">{t('schema.heading')}</h1>
        <p className="muted">{t('schema.intro')}</p>
        <div className="schema__actions">
          <button type="button" onClick={() => setEditing({ kind: 'new' })}>
            {t('schema.add')}
          </button>
          <button type="button" onClick={() => void exportSchema()}>
            {t('schema.exportFile')}
          </button>
          <button type="button" onClick={() => setImporting(true)}>
            {t('schema.importFile')}
          </button>
          <span className="toolbar__spacer" />
          <HistoryButtons history={history} undo={undo} redo={redo} groupLabel={t('schema.historyGroup')} />
          <button type="button" onClick={() => openSchema(false)}>
            {t('schema.close')}
          </button>
        </div>
      </header>
      <div className="schema__body">
        <div className="schema__list">
          <table className="schema__table">
            <caption className="visually-hidden">{t('schema.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schema.column.label')}</th>
                <th scope="col">{t('schema.column.key')}</th>
                <th scope="col">{t('schema.column.kind')}</th>
                <th scope="col">{t('schema.column.hotkey')}</th>
                <th scope="col" className="schema__count">
                  {t('schema.column.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {tree.map(({ label, depth }) => (
                <tr
                  key={label.key}
                  data-label-row={label.key}
                  className={`${selected?.key === label.key ? 'is-selected' : ''} ${label.hidden ? 'is-hidden' : ''}`}
                >
                  <th scope="row" style={{ paddingLeft: `${8 + depth * 20}px` }}>
                    <button
                      type="button"
                      className="schema__name"
                      aria-pressed={selected?.key === label.key}
                      onClick={() => setEditing({ kind: 'label', key: label.key })}
                    >
                      <span
                        className={`palette__swatch schema__swatch--${label.kind}`}
                        style={{ '--label-color': label.color } as React.CSSProperties}
                        aria-hidden="true"
                      />
                      {depth > 0 ? <span aria-hidden="true">› </span> : null}
                      {labelName(label, language)}
                      {label.hidden ? <span className="schema__badge">{t('schema.hiddenBadge')}</span> : null}
                    </button>
                  </th>
                  <td>
                    <code title={labelPath(labels, label.key)}>{label.key}</code>
                  </td>
                  <td>{t(`schema.kind.${label.kind}`)}</td>
                  <td>{label.hotkey ? <kbd>{labelHotkeyText(label.hotkey)}</kbd> : null}</td>
                  <td className="schema__count">{usage[label.key] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="attribute-editor">
            <FieldDefinitions />
          </div>
        </div>
        <div className="schema__editor">
          {editingNow === null ? (
            <p className="muted">{t('schema.pickOne')}</p>
          ) : (
            <LabelForm
              // A new stored value (saved, undone, changed elsewhere) starts the form afresh.
              key={editingNow.kind === 'new' ? '+new' : JSON.stringify(selected)}
              label={selected ?? null}
              labels={labels}
              onSaved={(key) => setEditing({ kind: 'label', key })}
              onMerge={(label) => setRemoving({ label, mode: 'merge' })}
              onDelete={(label) => setRemoving({ label, mode: 'delete' })}
              onToggleHidden={(label) =>
                void apply([{ kind: 'label.update', key: label.key, patch: { hidden: !label.hidden } }])
              }
              usage={selected ? (usage[selected.key] ?? 0) : 0}
            />
          )}
          {editingNow?.kind === 'label' && selected ? (
            <div className="attribute-editor">
              <AttributeDefinitions label={selected} />
            </div>
          ) : null}
        </div>
      </div>
      {removing ? (
        <RemoveLabelDialog
          label={removing.label}
          mode={removing.mode}
          labels={labels}
          count={usage[removing.label.key] ?? 0}
          onClose={() => setRemoving(null)}
        />
      ) : null}
      {importing ? <SchemaImportDialog onClose={() => setImporting(false)} /> : null}
    </section>
  );
}
