import { AppError } from '@tuijin/domain';

/**
 * Admits spreadsheet imports (parse and check, preview or commit): at most one per user and at most
 * `total` in this process at once, so one account cannot queue parses and a few large files cannot
 * starve the server. The rest are refused at once with IMPORT_BUSY (429), never queued.
 */
export class ImportGate {
  private readonly users = new Set<string>();

  constructor(readonly total: number) {}

  /** Takes a place for `userId`, or refuses; answers the function that gives it back (once). */
  enter(userId: string): () => void {
    if (this.users.has(userId))
      throw new AppError('IMPORT_BUSY', '您已有一个台账正在处理，请等其完成后再导入');
    if (this.users.size >= this.total)
      throw new AppError('IMPORT_BUSY', '系统正在处理其他台账，请稍后再导入');
    this.users.add(userId);
    let isHeld = true;
    return () => {
      if (isHeld) this.users.delete(userId);
      isHeld = false;
    };
  }

  /** Runs `work` holding a place for `userId`; the place is given back however it ends. */
  async run<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const leave = this.enter(userId);
    try {
      return await work();
    } finally {
      leave();
    }
  }
}

/** The one gate of this process for ledger uploads (two parses at once, one per user). */
export const ledgerImportGate = new ImportGate(2);
