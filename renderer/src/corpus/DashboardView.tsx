import type { ECharts } from 'echarts/core';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConcordanceQuery, Dashboard } from '../../../shared/contract/corpus';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import { tableToCsv } from '../../../shared/corpus/table-csv';
import type { Label } from '../../../shared/domain/schemas';
import { api, events } from '../api/client';
import { formatCount } from '../library/format';
import { errorMessage, labelName, useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { coalesced } from '../state/live-updates';
import { useConcordanceStore } from './concordance-store';
import { download } from '../app/download';
import { EChart, optionToSvg, type ChartClick, type ChartOption } from './EChart';

const UNDATED = 'undated';
const STATUS_COLORS = { new: '#adb5bd', in_progress: '#f59f00', done: '#2f9e44' } as const;

interface ChartSpec {
  id: string;
  title: string;
  /** Shown instead of an empty chart. */
  empty: string;
  option: ChartOption;
  height: number;
  /** The table behind the chart, for CSV. */
  table: { header: string[]; rows: (string | number)[][] };
  /** A switch of the chart's own, beside its title. */
  controls?: ReactNode;
  /** The concordance query of the spans behind a clicked bar, with a caption. */
  drill: (event: ChartClick) => { query: ConcordanceQuery; caption: string; filter?: LibraryFilter } | null;
}

/**
 * The corpus at a glance: spans per label over time, risks and proposals per source, the top
 * entities, label pairs per article or per sentence, progress by status and author. Every aggregate is one SQL
 * query (corpusDashboard); the view refreshes when changes are applied or the store changes.
 * Clicking a bar opens the concordance of the spans behind it.
 */
export function DashboardView() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const labels = useAppStore((state) => state.labels);
  const showView = useAppStore((state) => state.showView);
  const libraryFilter = useLibraryStore((state) => state.filter);
  const [within, setWithin] = useState(false);
  const [pairsBy, setPairsBy] = useState<PairsBy>('article');
  const [data, setData] = useState<Dashboard | null>(null);
  const filter = useMemo(() => (within ? libraryFilter : {}), [within, libraryFilter]);

  useEffect(() => {
    let live = true;
    const refresh = coalesced(async () => {
      try {
        const next = await api.corpusDashboard({ filter });
        if (live) setData(next);
      } catch (error) {
        useAppStore.getState().notify('error', errorMessage(error));
      }
    });
    refresh();
    const stopApplied = events.on('changesApplied', () => refresh());
    const stopStore = events.on('storeChanged', () => refresh());
    return () => {
      live = false;
      stopApplied();
      stopStore();
    };
  }, [filter]);

  const labelByKey = useMemo(() => new Map(labels.map((label) => [label.key, label])), [labels]);
  const nameOf = useCallback(
    (key: string) => {
      const label = labelByKey.get(key);
      return label ? labelName(label, language) : key;
    },
    [labelByKey, language],
  );
  const charts = useMemo(
    () => (data ? buildCharts(data, { labels, labelByKey, nameOf, t, language, filter, pairsBy, setPairsBy }) : []),
    [data, labels, labelByKey, nameOf, t, language, filter, pairsBy],
  );

  const drillInto = (spec: ChartSpec, event: ChartClick) => {
    const target = spec.drill(event);
    if (!target) return;
    showView('concordance');
    void useConcordanceStore.getState().search(target.query, target.caption, target.filter ?? filter);
  };

  return (
    <section className="dashboard" aria-label={t('dashboard.region')}>
      <header className="dashboard__header">
        <h1>{t('dashboard.heading')}</h1>
        {data ? (
          <span className="muted">
            {t('dashboard.totals', {
              articles: formatCount(data.totals.articles, language),
              spans: formatCount(data.totals.spans, language),
            })}
          </span>
        ) : null}
        <label className="dashboard__scope">
          <input type="checkbox" checked={within} onChange={(event) => setWithin(event.target.checked)} />{' '}
          {t('dashboard.withinFilter')}
        </label>
      </header>
      <p className="muted">{t('dashboard.hint')}</p>
      <div className="dashboard__grid">
        {charts.map((spec) => (
          <ChartCard key={spec.id} spec={spec} onDrill={(event) => drillInto(spec, event)} />
        ))}
      </div>
    </section>
  );
}

function ChartCard({ spec, onDrill }: { spec: ChartSpec; onDrill: (event: ChartClick) => void }) {
  const { t } = useTranslation();
  const chart = useRef<ECharts | null>(null);
  const empty = spec.table.rows.length === 0;
  return (
    <figure className="dashboard__card" data-chart={spec.id}>
      <figcaption>
        <h2>{spec.title}</h2>
        {spec.controls}
        <span className="dashboard__actions">
          <button
            type="button"
            disabled={empty}
            onClick={() =>
              chart.current &&
              download(
                `${spec.id}.png`,
                chart.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }),
              )
            }
          >
            {t('dashboard.formats.png')}
          </button>
          <button
            type="button"
            disabled={empty}
            onClick={() => {
              const width = chart.current?.getWidth() ?? 800;
              const svg = optionToSvg(spec.option, width, spec.height);
              download(`${spec.id}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
            }}
          >
            {t('dashboard.formats.svg')}
          </button>
          <button
            type="button"
            onClick={() =>
              download(
                `${spec.id}.csv`,
                new Blob([tableToCsv(spec.table.header, spec.table.rows)], { type: 'text/csv;charset=utf-8' }),
              )
            }
            title={t('dashboard.csvTitle')}
          >
            {t('dashboard.formats.csv')}
          </button>
        </span>
      </figcaption>
      {empty ? (
        <p className="dashboard__empty muted">{spec.empty}</p>
      ) : (
        <EChart
          option={spec.option}
          label={spec.title}
          height={spec.height}
          onClick={onDrill}
          onReady={(instance) => (chart.current = instance)}
        />
      )}
    </figure>
  );
}

interface BuildContext {
  labels: readonly Label[];
  labelByKey: ReadonlyMap<string, Label>;
  nameOf: (key: string) => string;
  // TFunction, not ReturnType<typeof useTranslation>['t']: with the resources of every view the
  // latter's instantiation passes the compiler's depth limit (TS2589).
  t: TFunction;
  language: string;
  filter: LibraryFilter;
  /** Whether the label pairs count shared articles or shared sentences. */
  pairsBy: PairsBy;
  setPairsBy: (pairsBy: PairsBy) => void;
}

type PairsBy = 'article' | 'sentence';

const BASE: ChartOption = {
  // Every change applied anywhere redraws the charts: drawn at once, each redraw is one frame
  // instead of a second of animation frames over thousands of bars.
  animation: false,
  textStyle: { fontFamily: 'Noto Sans, system-ui, sans-serif' },
  tooltip: { trigger: 'item' },
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
};

function buildCharts(data: Dashboard, context: BuildContext): ChartSpec[] {
  const { labels, labelByKey, nameOf, t } = context;
  const colorOf = (key: string) => labelByKey.get(key)?.color ?? '#868e96';
  const monthName = (month: string) => (month === UNDATED ? t('dashboard.undated') : month);

  // 1. Spans per label and month; undated articles in a bar of their own at the end.
  const months = [...new Set(data.labelsByMonth.map((row) => row.month))].sort((a, b) =>
    a === UNDATED ? 1 : b === UNDATED ? -1 : a.localeCompare(b),
  );
  // One lookup per bar: ten years of months × the labels is thousands of bars.
  const monthCounts = new Map(data.labelsByMonth.map((row) => [`${row.labelKey}\u0000${row.month}`, row.count]));
  const monthLabels = labels.filter((label) => data.labelsByMonth.some((row) => row.labelKey === label.key));
  const byMonth: ChartSpec = {
    id: 'labels-by-month',
    empty: t('dashboard.empty.spans'),
    title: t('dashboard.charts.byMonth'),
    height: 300,
    option: {
      ...BASE,
      legend: { top: 0, type: 'scroll' },
      xAxis: { type: 'category', data: months.map(monthName) },
      yAxis: { type: 'value', minInterval: 1 },
      series: monthLabels.map((label) => ({
        type: 'bar',
        stack: 'spans',
        name: nameOf(label.key),
        id: label.key,
        itemStyle: { color: label.color },
        data: months.map((month) => monthCounts.get(`${label.key}\u0000${month}`) ?? 0),
      })),
    },
    table: {
      header: ['label', 'month', 'spans'],
      rows: data.labelsByMonth.map((row) => [row.labelKey, row.month, row.count]),
    },
    drill: (event) => {
      const labelKey = String(event.seriesId ?? '');
      const month = months[event.dataIndex];
      if (!labelKey || !month) return null;
      return {
        query: { kind: 'spans', labelKey, month },
        caption: t('dashboard.drill.byMonth', { label: nameOf(labelKey), month: monthName(month) }),
      };
    },
  };

  // 2. Analytic spans per source (the sources with most spans first).
  const sourceTotals = new Map<string, number>();
  for (const row of data.analyticBySource)
    sourceTotals.set(row.source, (sourceTotals.get(row.source) ?? 0) + row.count);
  const sources = [...sourceTotals.keys()].sort((a, b) => sourceTotals.get(a)! - sourceTotals.get(b)!).slice(-15);
  const analyticKeys = labels.filter((label) => label.kind === 'analytic').map((label) => label.key);
  const sourceName = (source: string) => source || t('dashboard.noSource');
  const bySource: ChartSpec = {
    id: 'analytic-by-source',
    empty: t('dashboard.empty.analytic'),
    title: t('dashboard.charts.bySource'),
    height: Math.max(220, sources.length * 28 + 60),
    option: {
      ...BASE,
      legend: { top: 0 },
      yAxis: { type: 'category', data: sources.map(sourceName) },
      xAxis: { type: 'value', minInterval: 1 },
      series: analyticKeys.map((key) => ({
        type: 'bar',
        name: nameOf(key),
        id: key,
        itemStyle: { color: colorOf(key) },
        data: sources.map(
          (source) => data.analyticBySource.find((row) => row.labelKey === key && row.source === source)?.count ?? 0,
        ),
      })),
    },
    table: {
      header: ['label', 'source', 'spans'],
      rows: data.analyticBySource.map((row) => [row.labelKey, row.source, row.count]),
    },
    drill: (event) => {
      const labelKey = String(event.seriesId ?? '');
      const source = sources[event.dataIndex];
      if (!labelKey || source === undefined) return null;
      return {
        query: { kind: 'spans', labelKey, source },
        caption: t('dashboard.drill.bySource', { label: nameOf(labelKey), source: sourceName(source) }),
      };
    },
  };

  // 3. Top entities by folded text, in the label's colour.
  const entities = [...data.topEntities].reverse();
  const topEntities: ChartSpec = {
    id: 'top-entities',
    empty: t('dashboard.empty.entities'),
    title: t('dashboard.charts.topEntities'),
    height: Math.max(220, entities.length * 24 + 40),
    option: {
      ...BASE,
      yAxis: { type: 'category', data: entities.map((row) => `${row.quote} · ${row.labelKey}`) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: entities.map((row) => ({ value: row.count, itemStyle: { color: colorOf(row.labelKey) } })),
        },
      ],
    },
    table: {
      header: ['label', 'text', 'text_folded', 'spans'],
      rows: data.topEntities.map((row) => [row.labelKey, row.quote, row.quoteFolded, row.count]),
    },
    drill: (event) => {
      const row = entities[event.dataIndex];
      if (!row) return null;
      return {
        query: { kind: 'spans', labelKey: row.labelKey, quoteFolded: row.quoteFolded },
        caption: t('dashboard.drill.entity', { label: nameOf(row.labelKey), text: row.quote }),
      };
    },
  };

  // 4. Label pairs present in the same article, or in the same sentence.
  const bySentence = context.pairsBy === 'sentence';
  const pairs = data.coOccurrence
    .map((row) => ({ a: row.a, b: row.b, count: bySentence ? row.sentences : row.articles }))
    .filter((row) => row.count > 0);
  const pairKeys = labels
    .map((label) => label.key)
    .filter((key) => pairs.some((row) => row.a === key || row.b === key));
  const pairMax = Math.max(1, ...pairs.map((row) => row.count));
  const coOccurrence: ChartSpec = {
    id: bySentence ? 'label-pairs-sentences' : 'label-pairs',
    empty: bySentence ? t('dashboard.empty.sentencePairs') : t('dashboard.empty.pairs'),
    title: bySentence ? t('dashboard.charts.sentencePairs') : t('dashboard.charts.pairs'),
    controls: (
      <select
        aria-label={t('dashboard.pairsBy.label')}
        value={context.pairsBy}
        onChange={(event) => context.setPairsBy(event.target.value as PairsBy)}
      >
        <option value="article">{t('dashboard.pairsBy.article')}</option>
        <option value="sentence">{t('dashboard.pairsBy.sentence')}</option>
      </select>
    ),
    height: Math.max(240, pairKeys.length * 30 + 90),
    option: {
      ...BASE,
      grid: { left: 8, right: 16, top: 8, bottom: 50, containLabel: true },
      xAxis: { type: 'category', data: pairKeys.map(nameOf), axisLabel: { rotate: 30 } },
      yAxis: { type: 'category', data: pairKeys.map(nameOf) },
      visualMap: {
        min: 0,
        max: pairMax,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 80,
        inRange: { color: ['#f1f3f5', '#1c5d99'] },
      },
      series: [
        {
          type: 'heatmap',
          label: { show: true },
          data: pairs.flatMap((row) => {
            const a = pairKeys.indexOf(row.a);
            const b = pairKeys.indexOf(row.b);
            return [
              [a, b, row.count],
              [b, a, row.count],
            ];
          }),
        },
      ],
    },
    table: {
      header: ['label_a', 'label_b', 'articles', 'sentences'],
      rows: data.coOccurrence.map((row) => [row.a, row.b, row.articles, row.sentences]),
    },
    drill: (event) => {
      const [x, y] = (event.data as number[] | undefined) ?? [];
      const a = pairKeys[x ?? -1];
      const b = pairKeys[y ?? -1];
      if (!a || !b) return null;
      // The spans of the first label in the articles that have both.
      return {
        query: { kind: 'spans', labelKey: a },
        caption: t('dashboard.drill.pair', { a: nameOf(a), b: nameOf(b) }),
        filter: { ...context.filter, labels: [a, b] },
      };
    },
  };

  // 5. Progress: articles by status, spans by author.
  const statuses = ['new', 'in_progress', 'done'] as const;
  const byStatus: ChartSpec = {
    id: 'progress-status',
    empty: t('dashboard.empty.articles'),
    title: t('dashboard.charts.byStatus'),
    height: 220,
    option: {
      ...BASE,
      yAxis: { type: 'category', data: statuses.map((status) => t(`status.${status}`)) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: statuses.map((status) => ({
            value: data.byStatus.find((row) => row.status === status)?.articles ?? 0,
            itemStyle: { color: STATUS_COLORS[status] },
          })),
        },
      ],
    },
    table: { header: ['status', 'articles'], rows: data.byStatus.map((row) => [row.status, row.articles]) },
    drill: (event) => {
      const status = statuses[event.dataIndex];
      if (!status) return null;
      return {
        query: { kind: 'spans', status },
        caption: t('dashboard.drill.status', { status: t(`status.${status}`) }),
      };
    },
  };
  const authors = [...data.byAuthor].reverse();
  const authorName = (author: string) => author || t('dashboard.noAuthor');
  const byAuthor: ChartSpec = {
    id: 'progress-author',
    empty: t('dashboard.empty.spans'),
    title: t('dashboard.charts.byAuthor'),
    height: Math.max(220, authors.length * 28 + 40),
    option: {
      ...BASE,
      yAxis: { type: 'category', data: authors.map((row) => authorName(row.author)) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', itemStyle: { color: '#1c5d99' }, data: authors.map((row) => row.spans) }],
    },
    table: {
      header: ['author', 'spans', 'articles'],
      rows: data.byAuthor.map((row) => [row.author, row.spans, row.articles]),
    },
    drill: (event) => {
      const row = authors[event.dataIndex];
      if (!row) return null;
      return {
        query: { kind: 'spans', author: row.author },
        caption: t('dashboard.drill.author', { author: authorName(row.author) }),
      };
    },
  };
  return [byMonth, bySource, topEntities, coOccurrence, byStatus, byAuthor];
}
