import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { GOLD_AUTHOR } from '../../../shared/adjudication/changes';
import type { DifferenceKind } from '../../../shared/agreement/layer-diff';
import type { DisagreementView, Version } from '../../../shared/contract/adjudication';
import { shortcutById, shortcutKeysText, type ShortcutId } from '../../../shared/keymap';
import { events } from '../api/client';
import { labelChipStyle } from '../app/contrast';
import { isTypingTarget, shortcutFor } from '../app/keymap';
import { formatCount } from '../library/format';
import { KindLegend } from '../reader/layers/KindLegend';
import { diffBadgeStyle } from '../reader/layers/layer-styles';
import { labelName, useAppStore } from '../state/app-store';
import { useAdjudicationStore, type EditedVersion } from './adjudication-store';

/**
 * Adjudication (issue 15): the disagreements between two layers of one article, one at a time
 * in text order, the two versions side by side in their context; one key decides (M, T, B, E, X)
 * and moves on to the next open one; J/K (↓/↑) walk; Ctrl+Z takes a decision back.
 */
export function AdjudicationView({ articleId }: { articleId: number }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const open = useAdjudicationStore((state) => state.open);
  const close = useAdjudicationStore((state) => state.close);
  const list = useAdjudicationStore((state) => state.list);
  const index = useAdjudicationStore((state) => state.index);
  const title = useAdjudicationStore((state) => state.title);
  const editing = useAdjudicationStore((state) => state.editing);

  useEffect(() => {
    void open(articleId);
    return close;
  }, [articleId, open, close]);

  // Writes elsewhere (the reader in another window, an import) change the layers: read again.
  useEffect(() => {
    const reload = () => {
      const store = useAdjudicationStore.getState();
      if (!store.busy) void store.reload().catch(() => undefined);
    };
    const stopApplied = events.on('changesApplied', (applied) => {
      if (applied.articleId === articleId && applied.source === 'external') reload();
    });
    const stopStore = events.on('storeChanged', ({ articleIds }) => {
      if (articleIds.includes(articleId)) reload();
    });
    return () => {
      stopApplied();
      stopStore();
    };
  }, [articleId]);

  useAdjudicationKeys();

  if (!list) return <p className="adjudication__loading">{t('adjudication.loading')}</p>;
  const current = list.disagreements[index] ?? null;
  const total = list.disagreements.length;
  return (
    <section className="adjudication" aria-label={t('adjudication.region')}>
      <header className="adjudication__header">
        <h1>
          {t('adjudication.heading')}: <span className="adjudication__title">{title}</span>
        </h1>
        <LayerChoice />
        <p className="adjudication__progress" role="status" data-testid="adjudication-remaining">
          {t('adjudication.remaining', {
            remaining: formatCount(list.remaining, language),
            total: formatCount(total, language),
          })}{' '}
          <span className="muted">{t('adjudication.agreed', { count: list.agreed })}</span>
        </p>
        <div className="adjudication__nav">
          {list.agreed > 0 ? (
            <button
              type="button"
              title={t('adjudication.acceptAgreedTitle')}
              onClick={() => void useAdjudicationStore.getState().acceptAgreed()}
            >
              {t('adjudication.acceptAgreed', { count: list.agreed })}
            </button>
          ) : null}
          <button type="button" onClick={() => useAppStore.getState().openArticle(articleId)}>
            {t('adjudication.openReader')}
          </button>
          <button type="button" onClick={() => useAppStore.getState().showView('agreement')}>
            {t('adjudication.toAgreement')}
          </button>
        </div>
      </header>
      {list.mine === null ? (
        <p className="adjudication__none">{t('adjudication.oneLayer')}</p>
      ) : total === 0 ? (
        <p className="adjudication__none">{t('adjudication.noDisagreements')}</p>
      ) : (
        <div className="adjudication__body">
          <ol className="adjudication__list" aria-label={t('adjudication.listLabel')}>
            {list.disagreements.map((disagreement, position) => (
              <ListItem
                key={disagreement.key}
                disagreement={disagreement}
                position={position}
                current={position === index}
              />
            ))}
          </ol>
          {current ? (
            <Current
              disagreement={current}
              position={index}
              total={total}
              mine={list.mine}
              theirs={list.theirs ?? ''}
              editing={editing}
            />
          ) : null}
        </div>
      )}
      <KindLegend mine={list.mine} theirs={list.theirs} />
    </section>
  );
}

/** The keys of the view, from the keymap: decisions and walking, or the edit's keys while editing. */
function useAdjudicationKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || useAppStore.getState().dialog !== null) return;
      const store = useAdjudicationStore.getState();
      if (store.editing) {
        const id = shortcutFor(event, 'adjudication-edit');
        if (!id) return;
        event.preventDefault();
        const direction = event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 1;
        if (id === 'adjudicate-edit-accept') void store.acceptEdit();
        else if (id === 'adjudicate-edit-cancel') store.cancelEdit();
        else if (id === 'adjudicate-edit-start') store.moveEdge('start', direction);
        else if (id === 'adjudicate-edit-end') store.moveEdge('end', direction);
        else {
          const labels = useAppStore.getState().labels.filter((label) => !label.hidden);
          const at = labels.findIndex((label) => label.key === store.editing?.labelKey);
          const next = labels[(at + direction + labels.length) % labels.length];
          if (next) store.setEditLabel(next.key);
        }
        return;
      }
      const id = shortcutFor(event, 'adjudication');
      if (!id) return;
      event.preventDefault();
      switch (id) {
        case 'adjudicate-mine':
          return void store.decide('mine');
        case 'adjudicate-theirs':
          return void store.decide('theirs');
        case 'adjudicate-both':
          return void store.decide('both');
        case 'adjudicate-reject':
          return void store.decide('rejected');
        case 'adjudicate-edit':
          return store.startEdit();
        case 'adjudicate-next':
          return store.step(1);
        case 'adjudicate-previous':
          return store.step(-1);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

function LayerChoice() {
  const { t } = useTranslation();
  const list = useAdjudicationStore((state) => state.list);
  const setLayers = useAdjudicationStore((state) => state.setLayers);
  if (!list || list.mine === null || list.theirs === null) return null;
  const authors = list.layers.map((layer) => layer.author).filter((author) => author !== GOLD_AUTHOR && author);
  const { mine, theirs } = list;
  return (
    <div className="adjudication__layers">
      <label>
        {t('adjudication.mineLayer')}{' '}
        <select value={mine} onChange={(event) => void setLayers(event.target.value, theirs)}>
          {authors
            .filter((author) => author !== theirs)
            .map((author) => (
              <option key={author}>{author}</option>
            ))}
        </select>
      </label>
      <label>
        {t('adjudication.theirsLayer')}{' '}
        <select value={theirs} onChange={(event) => void setLayers(mine, event.target.value)}>
          {authors
            .filter((author) => author !== mine)
            .map((author) => (
              <option key={author}>{author}</option>
            ))}
        </select>
      </label>
    </div>
  );
}

/** One row of the list; memoised so a step re-renders only the two rows whose `current` changed. */
const ListItem = memo(function ListItem({
  disagreement,
  position,
  current,
}: {
  disagreement: DisagreementView;
  position: number;
  current: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const quote = (disagreement.mine ?? disagreement.theirs)?.quote ?? '';
  return (
    <li
      ref={ref}
      className={`adjudication__item${current ? ' is-current' : ''}${disagreement.decision ? ' is-decided' : ''}`}
      aria-current={current ? 'step' : undefined}
    >
      <button type="button" onClick={() => useAdjudicationStore.getState().go(position)}>
        <KindBadge kind={disagreement.kind} />
        <span className="adjudication__quote">{quote}</span>
        <span className="adjudication__decision">
          {disagreement.decision ? t(`adjudication.decision.${disagreement.decision}`) : t('adjudication.open')}
        </span>
      </button>
    </li>
  );
});

function KindBadge({ kind }: { kind: DifferenceKind }) {
  const { t } = useTranslation();
  return (
    <span className="diff-badge" style={diffBadgeStyle(kind) as React.CSSProperties}>
      {t(`layers.kind.${kind}`)}
    </span>
  );
}

function Current({
  disagreement,
  position,
  total,
  mine,
  theirs,
  editing,
}: {
  disagreement: DisagreementView;
  position: number;
  total: number;
  mine: string;
  theirs: string;
  editing: EditedVersion | null;
}) {
  const { t } = useTranslation();
  const text = useAdjudicationStore((state) => state.text);
  const busy = useAdjudicationStore((state) => state.busy);
  const store = useAdjudicationStore.getState();
  const decided = disagreement.decision !== null;
  const action = (id: ShortcutId, label: string, run: () => void, disabled = false) => (
    <button
      type="button"
      onClick={run}
      disabled={disabled || busy}
      aria-keyshortcuts={shortcutKeysText(shortcutById(id))}
    >
      <kbd>{shortcutKeysText(shortcutById(id))}</kbd> {label}
    </button>
  );
  return (
    <article className="adjudication__current" aria-labelledby="adjudication-current-heading">
      <h2 id="adjudication-current-heading">
        {t('adjudication.position', { position: position + 1, total })} <KindBadge kind={disagreement.kind} />
        {decided ? (
          <span className="adjudication__decided" data-testid="adjudication-decided">
            {t('adjudication.decidedAs', { decision: t(`adjudication.decision.${disagreement.decision!}`) })}
          </span>
        ) : null}
      </h2>
      <div className="adjudication__versions">
        <VersionPane
          author={mine}
          role={t('adjudication.mine')}
          version={disagreement.mine}
          context={disagreement.context}
        />
        <VersionPane
          author={theirs}
          role={t('adjudication.theirs')}
          version={disagreement.theirs}
          context={disagreement.context}
        />
      </div>
      {editing ? (
        <EditPane editing={editing} text={text} />
      ) : (
        <div className="adjudication__actions" role="group" aria-label={t('adjudication.actions')}>
          {action(
            'adjudicate-mine',
            t('adjudication.acceptMine'),
            () => void store.decide('mine'),
            decided || !disagreement.mine,
          )}
          {action(
            'adjudicate-theirs',
            t('adjudication.acceptTheirs'),
            () => void store.decide('theirs'),
            decided || !disagreement.theirs,
          )}
          {action('adjudicate-both', t('adjudication.acceptBoth'), () => void store.decide('both'), decided)}
          {action('adjudicate-edit', t('adjudication.editAccept'), () => store.startEdit(), decided)}
          {action('adjudicate-reject', t('adjudication.rejectBoth'), () => void store.decide('rejected'), decided)}
          {action('adjudicate-previous', t('adjudication.previous'), () => store.step(-1), position === 0)}
          {action('adjudicate-next', t('adjudication.next'), () => store.step(1), position === total - 1)}
        </div>
      )}
      {decided ? <p className="muted">{t('adjudication.undoHint')}</p> : null}
    </article>
  );
}

function LabelChip({ labelKey }: { labelKey: string }) {
  const labels = useAppStore((state) => state.labels);
  const language = useAppStore((state) => state.language);
  const label = labels.find((candidate) => candidate.key === labelKey);
  return (
    <span className="chip" style={label ? (labelChipStyle(label.color) as React.CSSProperties) : undefined}>
      {labelKey}
      {label ? <span className="adjudication__labelname"> {labelName(label, language)}</span> : null}
    </span>
  );
}

/** The context with one version marked in it (or a note that this layer has no span here). */
function VersionPane({
  author,
  role,
  version,
  context,
}: {
  author: string;
  role: string;
  version: Version | null;
  context: DisagreementView['context'];
}) {
  const { t } = useTranslation();
  return (
    <figure className="adjudication__version">
      <figcaption>
        <strong>{author}</strong> <span className="muted">({role})</span>{' '}
        {version ? <LabelChip labelKey={version.labelKey} /> : null}
      </figcaption>
      {version ? (
        <Marked context={context} start={version.start} end={version.end} />
      ) : (
        <>
          <p className="adjudication__absent">{t('adjudication.noSpan')}</p>
          <Marked context={context} start={0} end={0} />
        </>
      )}
    </figure>
  );
}

function Marked({ context, start, end }: { context: DisagreementView['context']; start: number; end: number }) {
  const from = Math.max(0, start - context.start);
  const to = Math.max(from, Math.min(context.text.length, end - context.start));
  return (
    <p className="adjudication__context">
      {context.text.slice(0, from)}
      {to > from ? <mark>{context.text.slice(from, to)}</mark> : null}
      {context.text.slice(to)}
    </p>
  );
}

function EditPane({ editing, text }: { editing: EditedVersion; text: string }) {
  const { t } = useTranslation();
  const labels = useAppStore((state) => state.labels);
  const language = useAppStore((state) => state.language);
  const store = useAdjudicationStore.getState();
  const keys = (id: ShortcutId) => shortcutKeysText(shortcutById(id));
  return (
    <div className="adjudication__edit" role="group" aria-label={t('adjudication.editing')}>
      <p>
        <strong>{t('adjudication.editing')}</strong> <LabelChip labelKey={editing.labelKey} />{' '}
        <q className="adjudication__edited">{text.slice(editing.start, editing.end)}</q>
      </p>
      <label>
        {t('adjudication.editLabel')}{' '}
        <select value={editing.labelKey} onChange={(event) => store.setEditLabel(event.target.value)}>
          {labels
            .filter((label) => !label.hidden)
            .map((label) => (
              <option key={label.key} value={label.key}>
                {label.key} — {labelName(label, language)}
              </option>
            ))}
        </select>
      </label>
      <p className="muted">
        <kbd>{keys('adjudicate-edit-start')}</kbd> {t('keys.action.adjudicate-edit-start')} ·{' '}
        <kbd>{keys('adjudicate-edit-end')}</kbd> {t('keys.action.adjudicate-edit-end')} ·{' '}
        <kbd>{keys('adjudicate-edit-label')}</kbd> {t('keys.action.adjudicate-edit-label')}
      </p>
      <div className="adjudication__actions">
        <button type="button" onClick={() => void store.acceptEdit()}>
          <kbd>{keys('adjudicate-edit-accept')}</kbd> {t('keys.action.adjudicate-edit-accept')}
        </button>
        <button type="button" onClick={() => store.cancelEdit()}>
          <kbd>{keys('adjudicate-edit-cancel')}</kbd> {t('keys.action.adjudicate-edit-cancel')}
        </button>
      </div>
    </div>
  );
}
