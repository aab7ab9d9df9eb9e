import { AppError } from '@tuijin/domain';
import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error';
import { registerApprovalsCommands } from './commands/approvals';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerBulletinCommands } from './commands/bulletin';
import { registerCryptoCommands } from './commands/crypto';
import { registerDatabaseCommands } from './commands/database';
import { registerDoctorCommand } from './commands/doctor';
import { registerEscalateCommand } from './commands/escalate';
import { registerEvaluationCommands } from './commands/evaluation';
import { registerExportCommands } from './commands/export';
import { registerFilesCommands } from './commands/files';
import { registerImportCommands } from './commands/import';
import { registerInitCommand } from './commands/init';
import { registerInspectionsCommands } from './commands/inspections';
import { registerJobsCommand } from './commands/jobs';
import { registerMapCommands } from './commands/map';
import { registerProjectCommands } from './commands/projects';
import { registerRemindCommand } from './commands/remind';
import { registerRollupsCommand } from './commands/rollups';
import { registerServeCommand } from './commands/serve';
import { registerUserCommands } from './commands/users';
import { registerWarningsCommand } from './commands/warnings';

/** Builds the `tuijin` command tree; output goes through `io` so tests can capture it. */
export function buildProgram(io: Io) {
  const program = new Command('tuijin')
    .description('推进 Tuijin — 重点项目推进平台命令行工具')
    .version('0.1.0')
    .showHelpAfterError('（使用 --help 查看用法）')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  registerServeCommand(program, io);
  registerDatabaseCommands(program, io);
  registerDoctorCommand(program, io);
  registerInitCommand(program, io);
  registerUserCommands(program, io);
  registerProjectCommands(program, io);
  registerImportCommands(program, io);
  registerRemindCommand(program, io);
  registerEscalateCommand(program, io);
  registerInspectionsCommands(program, io);
  registerJobsCommand(program, io);
  registerWarningsCommand(program, io);
  registerRollupsCommand(program, io);
  registerFilesCommands(program, io);
  registerBackupCommands(program, io);
  registerCryptoCommands(program, io);
  registerEvaluationCommands(program, io);
  registerApprovalsCommands(program, io);
  registerExportCommands(program, io);
  registerBulletinCommands(program, io);
  registerMapCommands(program, io);
  registerAuditCommands(program, io);
  return program;
}

/** Runs the CLI and returns the exit code: 0 success, 1 failure, 2 bad usage. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Where `--password-stdin` / `--passwords-stdin` read from: the process's standard input unless given. */
  stdin?: NodeJS.ReadableStream;
}

export async function main(
  argv: string[],
  io: Io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) },
): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
        ? 0
        : 2;
    }
    if (error instanceof CliError) {
      if (!error.isReported) io.err(`错误：${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof AppError) {
      io.err(`错误：${error.message}\n`);
      for (const detail of error.details ?? []) io.err(`  ${detail.path}: ${detail.message}\n`);
      return error.code === 'VALIDATION_FAILED' ? 2 : 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`错误：${message}\n`);
    return 1;
  }
}
