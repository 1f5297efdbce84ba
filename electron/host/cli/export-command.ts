/** Replaced by the export service's command (issue 5). */
export async function runExportCommand(_argv: string[]): Promise<number> {
  console.error('Export is not available yet.');
  return 2;
}
