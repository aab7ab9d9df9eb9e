import { createInterface } from 'node:readline';
import type { Io } from './main';

/**
 * Reads up to `n` lines from the command's standard input (`io.stdin`, the process's own unless a
 * caller such as a test hands it another stream); fewer when the input ends first.
 */
export async function readInputLines(io: Pick<Io, 'stdin'>, n: number): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: io.stdin ?? process.stdin, terminal: false });
  for await (const line of reader) {
    lines.push(line);
    if (lines.length === n) break;
  }
  reader.close();
  return lines;
}
