import { z } from 'zod';
import { defineCall } from './call';

/** What a backup holds, read from the file itself (opened read-only). */
export const BackupPreviewSchema = z.object({
  /** False when the file failed SQLite's quick_check or cannot be read; `problem` says why. */
  ok: z.boolean(),
  problem: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  articleCount: z.number().int().nonnegative().nullable(),
  annotationCount: z.number().int().nonnegative().nullable(),
  /** Newest change to an article or annotation in it (ISO-8601 UTC). */
  newestChangeAt: z.string().nullable(),
});
export type BackupPreview = z.infer<typeof BackupPreviewSchema>;

export const BackupInfoSchema = z.object({
  /** The name inside the backups folder; calls name backups by it, never by path. */
  fileName: z.string(),
  /** ISO-8601 UTC. */
  createdAt: z.string(),
  /** rolling: taken on start and while editing (the oldest are rotated out); manual: `backup create`; before-restore: the database as it was before a restore. */
  reason: z.enum(['rolling', 'manual', 'before-restore']),
  sizeBytes: z.number().int().nonnegative(),
  preview: BackupPreviewSchema,
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const DatabaseHealthSchema = z.object({
  /** damaged: the start-up integrity check failed; the app shows its recovery screen. */
  status: z.enum(['ok', 'damaged']),
  databasePath: z.string(),
  problem: z.string().nullable(),
});
export type DatabaseHealth = z.infer<typeof DatabaseHealthSchema>;

export const RestoreResultSchema = z.object({
  restoredFrom: z.string(),
  /** The replaced database, kept as a before-restore backup (null when it was damaged: it is kept beside the backups as `.damaged`). */
  keptAs: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResultSchema>;

const BackupRef = z.object({ fileName: z.string().min(1).max(255) }).strict();

export const backupCalls = {
  /** Answers before anything else on start: a damaged database opens the recovery screen. */
  getDatabaseHealth: defineCall(z.object({}).strict(), DatabaseHealthSchema),
  /** Newest first. */
  listBackups: defineCall(z.object({}).strict(), z.array(BackupInfoSchema)),
  previewBackup: defineCall(BackupRef, BackupInfoSchema),
  /** Replaces the database with the backup; the front end reloads afterwards. */
  restoreBackup: defineCall(BackupRef, RestoreResultSchema),
};

export type BackupCallName = keyof typeof backupCalls;
export const BACKUP_CALL_NAMES = Object.keys(backupCalls) as BackupCallName[];
