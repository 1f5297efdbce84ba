import type { Database } from 'better-sqlite3';
import { AnnotationService } from './annotations/annotation-service';
import { ChangeService } from './changes/change-service';
import { CorpusService } from './corpus/corpus-service';
import { AnnotationHandler } from './changes/handlers/annotation-handler';
import { AttributeDefHandler, FieldDefHandler, FieldValueHandler } from './changes/handlers/attribute-handlers';
import { EntityHandler, EntityLinkHandler } from './changes/handlers/entity-handler';
import { EntityService } from './entities/entity-service';
import { RelationHandler } from './changes/handlers/relation-handler';
import { RelationTypeHandler } from './changes/handlers/relation-type-handler';
import { AssistHandler } from './changes/handlers/assist-handler';
import { AssistService } from './assist/assist-service';
import { shippedAssistData } from './assist/shipped-data';
import { AssistStore } from './store/assist';
import { LabelHandler } from './changes/handlers/label-handler';
import { AdjudicationHandler } from './changes/handlers/adjudication-handler';
import { AdjudicationService } from './adjudication/adjudication-service';
import { AdjudicationStore } from './store/adjudication';
import { BriefHandler } from './changes/handlers/brief-handler';
import { BriefService } from './briefs/brief-service';
import { BriefStore } from './store/briefs';
import { EventBus } from './events/event-bus';
import { StoreWatcher } from './events/store-watcher';
import { ProfileService } from './profile/profile-service';
import { SearchService } from './search/search-service';
import { openDatabase, type OpenDatabaseOptions } from './store/database';
import { AnnotationStore } from './store/annotations';
import { ArticleFieldStore } from './store/article-fields';
import { ArticleStore } from './store/articles';
import { AttributeDefStore, FieldDefStore } from './store/attribute-defs';
import { EntityStore } from './store/entities';
import { HistoryStore } from './store/history';
import { LabelStore } from './store/labels';
import { RelationStore, RelationTypeStore } from './store/relations';
import { SettingsStore } from './store/settings';
import { StoreChangeStore } from './store/store-changes';

/**
 * Everything the front ends (Electron main, browser host, command line, tests) share:
 * one open store and the services over it. Nothing here knows which front end is running.
 */
export interface Workbench {
  readonly databasePath: string;
  /** How the store was opened (the native build); other connections to it reuse these. */
  readonly databaseOptions: Pick<OpenDatabaseOptions, 'nativeBinding'>;
  readonly db: Database;
  readonly articles: ArticleStore;
  readonly labels: LabelStore;
  readonly annotationRows: AnnotationStore;
  /** Attribute definitions per label, document field definitions, and each article's field values. */
  readonly attributeDefs: AttributeDefStore;
  readonly fieldDefs: FieldDefStore;
  readonly articleFields: ArticleFieldStore;
  readonly history: HistoryStore;
  readonly relationTypes: RelationTypeStore;
  readonly relations: RelationStore;
  /** The one write path: change sets, undo and redo. */
  readonly changes: ChangeService;
  readonly annotations: AnnotationService;
  readonly entityRows: EntityStore;
  /** Reads of the entity registry (lists, typeahead, entity page, link suggestions). */
  readonly entities: EntityService;
  readonly profile: ProfileService;
  readonly search: SearchService;
  /** The library at corpus scale, the concordance, annotate-all and the dashboard. */
  readonly corpus: CorpusService;
  /** Suggestions from names, the analyst's own spans and patterns (issue 14). */
  readonly assist: AssistService;
  /** Disagreements between two layers of an article, decided into the gold layer (issue 15). */
  readonly adjudication: AdjudicationService;
  /** Briefs (issue 16): reads, citation resolution and the palette's span search; writes are `brief.*` sets. */
  readonly briefs: BriefService;
  /** Pushed events; while anyone listens, commits by other connections become `storeChanged`. */
  readonly events: EventBus;
  close(): void;
}

export function openWorkbench(databasePath: string, options: OpenDatabaseOptions = {}): Workbench {
  const db = openDatabase(databasePath, options);
  const articles = new ArticleStore(db);
  const labels = new LabelStore(db);
  const annotationRows = new AnnotationStore(db);
  const attributeDefs = new AttributeDefStore(db);
  const fieldDefs = new FieldDefStore(db);
  const articleFields = new ArticleFieldStore(db);
  const history = new HistoryStore(db);
  const entityRows = new EntityStore(db);
  const relationTypes = new RelationTypeStore(db);
  const relations = new RelationStore(db);
  const assistRows = new AssistStore(db);
  const adjudicationRows = new AdjudicationStore(db);
  const settings = new SettingsStore(db);
  const briefRows = new BriefStore(db);
  const profile = new ProfileService(settings);
  const changes = new ChangeService(db, articles, history, profile, {
    annotation: new AnnotationHandler(articles, labels, annotationRows, attributeDefs),
    attributeDef: new AttributeDefHandler(labels, attributeDefs, annotationRows),
    fieldDef: new FieldDefHandler(fieldDefs, articleFields),
    fieldValue: new FieldValueHandler(articles, fieldDefs, articleFields),
    entity: new EntityHandler(labels, entityRows),
    entityLink: new EntityLinkHandler(annotationRows, entityRows),
    relationType: new RelationTypeHandler(labels, relationTypes, relations),
    relation: new RelationHandler(articles, annotationRows, relationTypes, relations, labels),
    assist: new AssistHandler(articles, labels, assistRows, shippedAssistData()),
    label: new LabelHandler(labels, relationTypes, attributeDefs),
    adjudication: new AdjudicationHandler(articles, adjudicationRows),
    brief: new BriefHandler(briefRows),
  });
  const watcher = new StoreWatcher(new StoreChangeStore(db), (payload) => events.publish('storeChanged', payload));
  // The watcher polls only while someone listens: the command line and import workers never do.
  const events: EventBus = new EventBus({
    validate: process.env.VITEST !== undefined,
    onHandlerError: (name, error) => console.error(`[marginalia] a ${name} subscriber failed: ${String(error)}`),
    onListening: (listening) => (listening ? watcher.start() : watcher.stop()),
  });
  changes.onApplied((applied) => {
    // Ours: the watcher must not report it back as another process's change.
    if (applied.articleId !== null) watcher.noteLocalWrite(applied.articleId);
    events.publish('changesApplied', { ...applied, source: 'local' });
  });
  return {
    databasePath,
    databaseOptions: options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    db,
    articles,
    labels,
    annotationRows,
    attributeDefs,
    fieldDefs,
    articleFields,
    history,
    relationTypes,
    relations,
    changes,
    annotations: new AnnotationService(articles, annotationRows, changes),
    entityRows,
    entities: new EntityService(articles, annotationRows, entityRows),
    profile,
    search: new SearchService(db),
    corpus: new CorpusService(db, articles, labels, annotationRows, changes),
    assist: new AssistService(articles, assistRows, settings, shippedAssistData(), changes),
    adjudication: new AdjudicationService(
      articles,
      annotationRows,
      adjudicationRows,
      changes,
      () => profile.get().displayName,
    ),
    briefs: new BriefService(briefRows, labels),
    events,
    close: () => {
      watcher.stop();
      db.close();
    },
  };
}
