/**
 * `npm run cli -- <command> …`: the workbench's services from a terminal.
 * Every command takes --db PATH (default: the desktop app's database).
 */
import { runBackupCommand } from './cli/backup-command';
import { runExportCommand } from './cli/export-command';
import { runImportCommand } from './cli/import-command';

const COMMANDS: Record<string, { summary: string; run: (argv: string[]) => Promise<number> }> = {
  import: { summary: 'import <files or folders…> [--db PATH]', run: runImportCommand },
  export: {
    summary:
      'export --format json|jsonl|csv|conll --out FILE [--status S] [--labels A,B] [--authors A,B] [--unit codepoint|utf16] [--db PATH]',
    run: runExportCommand,
  },
  backup: { summary: 'backup list|create|restore <file> [--yes] [--db PATH]', run: runBackupCommand },
};

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(name ? `Unknown command: ${name}` : 'No command given.');
    console.error('Usage: npm run cli -- <command>');
    for (const [commandName, { summary }] of Object.entries(COMMANDS))
      console.error(`  ${commandName} ${summary.replace(/^\S+\s?/, '')}`);
    process.exit(2);
  }
  process.exitCode = await command.run(rest);
}

void main();
