/**
 * The one API contract. Every call has a name (its key) and zod schemas for input and output.
 * Electron IPC, the preload bridge, the browser host and the renderer's client are all derived
 * from this object, so a call cannot exist on one side only.
 */
import type { z } from 'zod';
import { adjudicationCalls } from './adjudication';
import { agreementCalls } from './agreement';
import { annotationCalls } from './annotations';
import { articleCalls } from './articles';
import { attributeCalls } from './attributes';
import { assistCalls } from './assist';
import { backupCalls } from './backups';
import { briefExportCalls } from './brief-exports';
import { briefCalls } from './briefs';
import { changeCalls } from './changes';
import { entityCalls } from './entities';
import { corpusCalls } from './corpus';
import { exportCalls } from './exports';
import { importCalls } from './imports';
import { labelCalls } from './labels';
import type { CallNameOfList } from './names';
import { readerCalls } from './reader';
import { relationCalls } from './relations';
import { teamCalls } from './team';

export const contract = {
  ...articleCalls,
  ...annotationCalls,
  ...changeCalls,
  ...corpusCalls,
  ...readerCalls,
  ...relationCalls,
  ...importCalls,
  ...exportCalls,
  ...backupCalls,
  ...entityCalls,
  ...assistCalls,
  ...labelCalls,
  ...agreementCalls,
  ...attributeCalls,
  ...teamCalls,
  ...briefExportCalls,
  ...adjudicationCalls,
  ...briefCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;

// The preload's zod-free list (names.ts) names exactly the contract's calls: each way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _namesMatchContract: Same<CallName, CallNameOfList> = true;
void _namesMatchContract;

/** What a caller passes (defaults not yet applied). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

/** The renderer's view of the API: one async function per call. */
export type ApiClient = { [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };

/** The backend's side: one handler per call, given parsed input. */
export type ApiHandlers = {
  [N in CallName]: (input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
};

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
export type { AppInfo } from './articles';
export type { HistoryState } from './annotations';
export type { AppliedChanges, Change, ChangeSet } from '../domain/changes';
export type { Profile } from '../domain/profile';
export type { CompactRelations, CompactSpans, OpenedArticle, ReaderRelation, ReaderSpan } from './reader';
export type { Relation, RelationType } from '../domain/relations';
export type { EntityListItem, EntityMention, EntityPage, EntityRelatedSpan, LinkSuggestion } from './entities';
export type {
  ImportFileResult,
  ImportJob,
  ImportSource,
  ReviewChoice,
  ReviewDecisions,
  ReviewQuestion,
} from './imports';
export type {
  ArticleSuggestions,
  AssistSettings,
  PatternListing,
  PreannotationJob,
  PreannotationScope,
} from './assist';
export type { BackupInfo, BackupPreview, DatabaseHealth, RestoreResult } from './backups';
export type { SchemaImportPreview } from './labels';
export type { AgreementFigures, AgreementInput, AgreementReport } from './agreement';
export type { DecideInput, DisagreementList, DisagreementView, Version } from './adjudication';
export type { SchemaFile } from '../domain/schema-file';
export type { ExportFormat, ExportJob, ExportOptions, ExportScope } from './exports';
export type { PackageImportReport, PackagePreview } from './team';
export { BRIDGE_GLOBAL, CALL_NAMES, ipcChannelOf } from './names';
