import { describe, expect, it } from 'vitest';
import { runMayIncludeCliTests } from './cli-demo-dir';

describe('runMayIncludeCliTests', () => {
  it.each([
    [['run', '--project', 'db'], true],
    [['run', '--project', 'db', 'apps/server/src/http/http-surface.test.ts'], false],
    [['run', '--project', 'db', 'apps/server/src/modules/funds/'], false],
    [['run', '--project', 'db', 'apps/cli/src/commands/escalate.test.ts'], true],
    [['run', '--project', 'db', 'apps/server/src/a.test.ts', 'apps/cli/src/b.test.ts'], true],
    [['run', '--project', 'db', 'escalate'], true],
    [['run', '--project=db', 'cli/src/commands'], true],
  ])('%j → %s', (args, expected) => {
    expect(runMayIncludeCliTests(args)).toBe(expected);
  });
});
