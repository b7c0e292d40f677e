import { Command, CommanderError } from 'commander';
import { registerInspect } from './inspect.ts';

/**
 * The `casebench` command line. Every command calls the same services the desktop app and serve
 * mode use; this file only wires them to commander.
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
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  return code;
}
