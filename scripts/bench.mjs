// `npm run bench [name…]`: runs every apps/server/bench/*.bench.ts (or the named ones) one after
// another in its own Node process, so one benchmark's heap and database never skew the next.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'apps', 'server', 'bench');
const order = ['foundation', 'ledger', 'plans', 'monthly-ledger', 'cockpit'];
const found = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !found.includes(name));
if (unknown.length > 0) {
  console.error(`未知的基准测试：${unknown.join(', ')}（可选：${found.join(', ')}）`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : found) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, `${name}.bench.ts`)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
