import { Command, CommanderError } from 'commander';
import { ApiError } from '../../shared/api/errors.ts';
import { IngestError } from '../../shared/ingest/index.ts';
import { CorruptFileError } from '../store/durable-json-file.ts';
import { NewerFileError } from '../store/migrations.ts';
import { ProjectError } from '../store/project-store.ts';
import { registerDataCommands } from './data-commands.ts';
import { fsErrorMessage, isFsError } from './fs-errors.ts';
import { registerInspect } from './inspect.ts';
import { progressListeners } from '../services/load-progress.ts';
import { stderrProgress } from './progress.ts';
import { registerSuggest } from './suggest.ts';
import { reportRecoveries, resetOpened } from './project.ts';
import { registerProjectCommands } from './project-commands.ts';
import { registerReviewCommands } from './review-commands.ts';
import { registerSchemaCommand } from './schema-command.ts';
import { registerServe } from './serve-command.ts';
import { registerStructureCommands } from './structure-commands.ts';

/**
 * The `casebench` command line. Every command calls the same services the desktop app and serve
 * mode use, through the same payload validation (main/cli/project.ts); this file only wires them
 * to commander. Exit codes: 0 done, 1 bad input or a problem the user can fix (one line naming
 * the file), 70 a bug (with its stack).
 */
export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  const setCode = (c: number) => {
    code = Math.max(code, c);
  };
  const program = new Command('casebench')
    .description('casebench — annotation workbench for compendia of public-health typical cases (典型案例汇编)')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  registerInspect(program, setCode);
  registerSuggest(program, setCode);
  registerProjectCommands(program, setCode);
  registerDataCommands(program, setCode);
  registerReviewCommands(program);
  registerSchemaCommand(program);
  registerStructureCommands(program);
  registerServe(program);
  resetOpened();
  // Long loads (a PDF of many pages) show their progress on stderr, whichever command runs them.
  const progress = stderrProgress();
  try {
    await progressListeners.run(progress.listener, () => program.parseAsync([...argv], { from: 'user' }));
  } catch (e) {
    progress.end();
    if (e instanceof CommanderError) return e.exitCode;
    reportRecoveries();
    // Errors a user can act on are shown as their message; anything else is a bug, with its stack.
    const known = e instanceof ApiError || e instanceof IngestError || e instanceof ProjectError || e instanceof CorruptFileError || e instanceof NewerFileError;
    const message = known ? (e as Error).message : isFsError(e) ? fsErrorMessage(e) : null;
    process.stderr.write(`error: ${message ?? (e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
    return message === null ? 70 : 1;
  }
  progress.end();
  reportRecoveries();
  return code;
}
