import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkImportGraph,
  findCycles,
  importSpecifiers,
  resolveImport,
  type SourceTree,
  type WorkspacePackage,
} from './import-graph';

const root = fileURLToPath(new URL('..', import.meta.url));
const skippedFolders = new Set(['node_modules', 'dist', 'data', 'drizzle', '.vite']);

function readTree(): Map<string, string> {
  const tree = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) walk(join(dir, entry.name));
      } else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) {
        const path = join(dir, entry.name);
        tree.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
      }
    }
  };
  for (const top of ['apps', 'packages', 'e2e', 'scripts']) walk(join(root, top));
  return tree;
}

function readPackages(): WorkspacePackage[] {
  return ['packages/domain', 'packages/contracts', 'apps/server', 'apps/cli', 'apps/web'].map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
      name: string;
      exports?: { '.'?: string };
    };
    const main = manifest.exports?.['.'] ?? './src/index.ts';
    return { name: manifest.name, dir, main: `${dir}/${main.replace(/^\.\//, '')}` };
  });
}

const fixturePackages: WorkspacePackage[] = [
  { name: '@tuijin/domain', dir: 'packages/domain', main: 'packages/domain/src/index.ts' },
  { name: '@tuijin/contracts', dir: 'packages/contracts', main: 'packages/contracts/src/index.ts' },
  { name: '@tuijin/server', dir: 'apps/server', main: 'apps/server/src/index.ts' },
];

describe('importSpecifiers', () => {
  it.each([
    ["import { z } from 'zod';", ['zod']],
    ['import type { A } from \'./a\';\nexport { b } from "./b";', ['./a', './b']],
    ["import {\n  a,\n  b,\n} from '../x/y';", ['../x/y']],
    ["import './side-effect.css';", ['./side-effect.css']],
    ["export * from './all';", ['./all']],
    ["const m = await import('./lazy');", ['./lazy']],
    ["const m = require('node:fs');", ['node:fs']],
    ["// import { a } from './commented';\n/* import b from './block'; */", []],
    ['const text = "import { a } from \'./in-a-string\'";', []],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template literal
    ["const t = `import x from '${name}' and from './tpl'`;", []],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template literal
    ["const t = `${a ? `import y from './nested'` : ''}`; import z from './after';", ['./after']],
    ["const re = /from '/; import q from './after-regex';", ['./after-regex']],
    ["const r = a / b; import p from './after-division';", ['./after-division']],
    ["Array.from('abc'); db.select().from(table);", []],
  ])('%j → %j', (source, expected) => {
    expect(importSpecifiers(source)).toEqual(expected);
  });
});

describe('resolveImport', () => {
  const tree: SourceTree = new Map([
    ['apps/server/src/modules/a/index.ts', ''],
    ['apps/server/src/modules/a/thing.ts', ''],
    ['apps/web/src/page.tsx', ''],
    ['packages/domain/src/index.ts', ''],
  ]);
  it.each([
    ['apps/web/src/page.tsx', '../../server/src/modules/a', 'apps/server/src/modules/a/index.ts', false],
    ['apps/web/src/page.tsx', '@tuijin/server', 'apps/server/src/index.ts', false],
    [
      'apps/web/src/page.tsx',
      '@tuijin/server/src/modules/a/thing',
      'apps/server/src/modules/a/thing.ts',
      false,
    ],
    [
      'apps/web/src/page.tsx',
      '@tuijin/server/src/modules/a/thing.js',
      'apps/server/src/modules/a/thing.ts',
      false,
    ],
    ['apps/web/src/page.tsx', '@tuijin/domain', 'packages/domain/src/index.ts', false],
    ['apps/web/src/page.tsx', 'antd/es/table', 'antd', true],
    ['apps/web/src/page.tsx', '@tanstack/react-query', '@tanstack/react-query', true],
    ['apps/server/src/modules/a/thing.ts', '.', 'apps/server/src/modules/a/index.ts', false],
  ])('%s: %s → %s', (from, specifier, to, isExternal) => {
    expect(resolveImport(tree, fixturePackages, from, specifier)).toEqual({ to, isExternal });
  });
});

describe('findCycles', () => {
  it.each([
    [{ a: ['b'], b: ['a'] }, [['a', 'b']]],
    [{ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }, [['a', 'b', 'c']]],
    [{ a: ['b'], b: ['c'], c: [] }, []],
    [
      { a: ['b'], b: ['a'], c: ['d'], d: ['c'] },
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
  ])('%j → %j', (edges, expected) => {
    const graph = new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));
    expect(findCycles(graph)).toEqual(expected);
  });
});

describe('checkImportGraph on a fixture tree', () => {
  /** A tiny tree that keeps every rule, and the same tree with one deliberate break each. */
  const clean: Record<string, string> = {
    'packages/domain/src/index.ts': "import { z } from 'zod';\nexport * from './money';",
    'packages/domain/src/money.ts': "import { z } from 'zod';",
    'packages/domain/src/money.test.ts':
      "import { it } from 'vitest';\nimport { readFileSync } from 'node:fs';",
    'packages/contracts/src/index.ts': "import { z } from 'zod';\nimport { parse } from '@tuijin/domain';",
    'apps/server/src/index.ts': "export * from './modules/a';",
    'apps/server/src/modules/a/index.ts': "export { makeA } from './make-a';",
    'apps/server/src/modules/a/make-a.ts':
      "import { makeB } from '../b';\nimport { helper } from './helper';",
    'apps/server/src/modules/a/helper.ts': "import { eq } from 'drizzle-orm';",
    'apps/server/src/modules/b/index.ts': "export { makeB } from './make-b';",
    'apps/server/src/modules/b/make-b.ts': "import { sql } from 'drizzle-orm';",
    'apps/server/src/modules/b/make-b.test.ts': "import { fake } from '../a/fake.fixture';",
    'apps/server/src/modules/a/fake.fixture.ts': '',
    'apps/web/src/page.tsx': "import { parse } from '@tuijin/domain';\nimport { Table } from 'antd';",
  };
  const check = (overrides: Record<string, string>) =>
    checkImportGraph(new Map(Object.entries({ ...clean, ...overrides })), fixturePackages);

  it('finds nothing wrong in a tree that keeps the rules', () => {
    expect(check({})).toEqual([]);
  });

  it('reports a web import of the server, by relative path, package name or sub-path', () => {
    const violations = check({
      'apps/web/src/page.tsx': "import { a } from '../../server/src/modules/a';",
      'apps/web/src/other.ts': "import { app } from '@tuijin/server';",
      'apps/web/src/deep.ts': "import { makeB } from '@tuijin/server/src/modules/b/make-b';",
    });
    expect(violations.map((v) => v.rule)).toEqual([
      'web-imports-server',
      'web-imports-server',
      'web-imports-server',
    ]);
    expect(violations[0]!.message).toContain("apps/web/src/page.tsx imports '../../server/src/modules/a'");
  });

  it('reports a cycle between two modules, and an import past a public face', () => {
    const violations = check({
      'apps/server/src/modules/b/make-b.ts': "import { helper } from '../a/helper';",
    });
    expect(violations.map((v) => v.rule).sort()).toEqual(['module-cycle', 'module-face']);
    expect(violations.find((v) => v.rule === 'module-cycle')!.message).toBe(
      'server modules in a cycle: a → b (apps/server/src/modules/a/make-a.ts); b → a (apps/server/src/modules/b/make-b.ts)',
    );
    expect(violations.find((v) => v.rule === 'module-face')!.message).toContain(
      'go through apps/server/src/modules/a/index.ts',
    );
  });

  it('reports server code outside the modules that reaches past a face, but not its tests', () => {
    const violations = check({
      'apps/server/src/demo/load.ts': "import { makeA } from '../modules/a/make-a';",
      'apps/server/src/demo/load.test.ts': "import { makeA } from '../modules/a/make-a';",
      'apps/server/src/app.ts': "import { makeB } from './modules/b';",
    });
    expect(violations.map((v) => v.message)).toEqual([
      "apps/server/src/demo/load.ts imports '../modules/a/make-a': go through apps/server/src/modules/a/index.ts",
    ]);
  });

  it('reports a cycle even when both sides go through the faces', () => {
    const violations = check({ 'apps/server/src/modules/b/make-b.ts': "import { makeA } from '../a';" });
    expect(violations.map((v) => v.rule)).toEqual(['module-cycle']);
  });

  it('reports domain and contracts importing beyond their layer', () => {
    const violations = check({
      'packages/domain/src/money.ts':
        "import { sql } from 'drizzle-orm';\nimport { X } from '@tuijin/contracts';",
      'packages/domain/src/clock.ts': "import { readFileSync } from 'node:fs';",
      'packages/contracts/src/index.ts':
        "import { app } from '../../../apps/server/src/index';\nimport { z } from 'zod';",
    });
    expect(violations.map((v) => v.rule).sort()).toEqual([
      'contracts-imports',
      'domain-imports',
      'domain-imports',
      'domain-imports',
    ]);
  });
});

describe('the real tree', () => {
  it('keeps the layer rules', () => {
    const tree = readTree();
    expect(tree.size).toBeGreaterThan(500);
    expect(checkImportGraph(tree, readPackages()).map((v) => v.message)).toEqual([]);
  });
});
