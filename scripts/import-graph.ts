/**
 * The import graph of the tree and the layer rules it must keep (docs/ARCHITECTURE.md, "Layer rules"):
 * `packages/domain` imports only zod; `packages/contracts` only zod, domain and itself; `apps/web`
 * never reaches `apps/server`; server modules import each other only through `modules/<name>/index.ts`
 * and never in a cycle; the server's code outside the modules (the app that composes them, jobs, the
 * demo, HTTP hooks) uses a module only through that face too (tests may reach inside). Pure: it takes the files as text, so a test can hand it a tiny tree.
 */

/** Repository-relative path (forward slashes) → source text. */
export type SourceTree = ReadonlyMap<string, string>;

/** A workspace package: its name, its folder and the file its bare name resolves to. */
export type WorkspacePackage = { name: string; dir: string; main: string };

/** One import: the file, what it wrote and what that resolves to. */
export type ImportEdge = {
  from: string;
  specifier: string;
  /** A file of the tree (`packages/domain/src/x.ts`) or, for an outside package, its name (`zod`). */
  to: string;
  isExternal: boolean;
};

export type Violation = {
  rule: 'domain-imports' | 'contracts-imports' | 'web-imports-server' | 'module-face' | 'module-cycle';
  message: string;
};

const codeExtensions = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

/**
 * The module specifiers of a TypeScript/JavaScript source: `import … from`, `export … from`,
 * side-effect `import '…'`, `import('…')`, `require('…')`. Comments, strings, template literals
 * and regular expressions are skipped, so an import written inside a string is not one.
 */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  /** Significant tokens so far: words, punctuation and string markers. */
  let lastWord = '';
  let lastPunct = '';
  let lastKind: 'start' | 'word' | 'punct' | 'string' = 'start';
  let beforeLast = '';
  const templateDepths: number[] = [];
  let i = 0;
  const n = source.length;

  const takeString = (quote: string): string => {
    let value = '';
    i++;
    while (i < n && source[i] !== quote) {
      if (source[i] === '\\') {
        value += source[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (source[i] === '\n') break;
      value += source[i];
      i++;
    }
    i++;
    return value;
  };

  /** Skips template text from after a backtick or a closing `}`; stops after the backtick or `${`. */
  const skipTemplate = (): void => {
    while (i < n) {
      const c = source[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '`') {
        i++;
        lastKind = 'string';
        return;
      }
      if (c === '$' && source[i + 1] === '{') {
        i += 2;
        templateDepths.push(0);
        lastKind = 'punct';
        lastPunct = '{';
        return;
      }
      i++;
    }
  };

  const regexMayStart = (): boolean => {
    if (lastKind === 'start') return true;
    if (lastKind === 'string') return false;
    if (lastKind === 'word')
      return ['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'void'].includes(lastWord);
    return lastPunct !== ')' && lastPunct !== ']' && lastPunct !== '}';
  };

  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const value = takeString(c);
      const isImport =
        (lastKind === 'word' && (lastWord === 'from' || lastWord === 'import')) ||
        (lastKind === 'punct' && lastPunct === '(' && (beforeLast === 'import' || beforeLast === 'require'));
      if (isImport) found.push(value);
      lastKind = 'string';
      continue;
    }
    if (c === '`') {
      i++;
      skipTemplate();
      continue;
    }
    if (c === '/' && regexMayStart()) {
      i++;
      let inClass = false;
      while (i < n && source[i] !== '\n') {
        const r = source[i];
        if (r === '\\') {
          i += 2;
          continue;
        }
        if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < n && /[a-z]/i.test(source[i]!)) i++;
      lastKind = 'string';
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let word = '';
      while (i < n && /[\w$]/.test(source[i]!)) word += source[i++];
      beforeLast = lastKind === 'word' ? lastWord : '';
      lastWord = word;
      lastKind = 'word';
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (templateDepths.length > 0) {
      if (c === '{') templateDepths[templateDepths.length - 1]!++;
      if (c === '}') {
        if (templateDepths[templateDepths.length - 1] === 0) {
          templateDepths.pop();
          i++;
          skipTemplate();
          continue;
        }
        templateDepths[templateDepths.length - 1]!--;
      }
    }
    if (c === '(' && lastKind === 'word') beforeLast = lastWord;
    else beforeLast = '';
    lastPunct = c;
    lastKind = 'punct';
    i++;
  }
  return found;
}

const parentDir = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** Joins and normalises `a/b` + `../c` → `a/c`. */
export function joinPath(dir: string, relative: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** The file of the tree a path names, trying the extensions and `index` files TypeScript would. */
function resolveFile(tree: SourceTree, path: string): string {
  if (tree.has(path)) return path;
  const withoutJs = path.replace(/\.(m?js)$/, '');
  for (const base of [withoutJs, `${withoutJs}/index`]) {
    for (const ext of codeExtensions) if (tree.has(base + ext)) return base + ext;
  }
  return path;
}

/** Resolves one specifier written in `from`: a file of the tree, or an outside package's name. */
export function resolveImport(
  tree: SourceTree,
  packages: readonly WorkspacePackage[],
  from: string,
  specifier: string,
): { to: string; isExternal: boolean } {
  if (specifier.startsWith('.'))
    return { to: resolveFile(tree, joinPath(parentDir(from), specifier)), isExternal: false };
  const workspace = packages.find((p) => specifier === p.name || specifier.startsWith(`${p.name}/`));
  if (workspace) {
    if (specifier === workspace.name) return { to: workspace.main, isExternal: false };
    return {
      to: resolveFile(tree, joinPath(workspace.dir, specifier.slice(workspace.name.length + 1))),
      isExternal: false,
    };
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return { to: name, isExternal: true };
}

/** Every import edge of the tree's code files. */
export function importEdges(tree: SourceTree, packages: readonly WorkspacePackage[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [from, source] of tree) {
    if (!codeExtensions.some((ext) => from.endsWith(ext))) continue;
    for (const specifier of importSpecifiers(source)) {
      edges.push({ from, specifier, ...resolveImport(tree, packages, from, specifier) });
    }
  }
  return edges;
}

const serverRoot = 'apps/server/src/';
const modulesRoot = `${serverRoot}modules/`;

/** The server module a file belongs to (`apps/server/src/modules/<name>/…`), if any. */
export function serverModuleOf(path: string): string | undefined {
  if (!path.startsWith(modulesRoot)) return undefined;
  const rest = path.slice(modulesRoot.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? undefined : rest.slice(0, slash);
}

const isTestOnly = (path: string): boolean => /\.(test|fixture)\.tsx?$|-test-kit\.ts$/.test(path);

/** The cycles of a directed graph, one per strongly connected component of two or more nodes. */
export function findCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/**
 * The layer rules over a tree. Test files (`*.test.ts`) and test helpers (`*.fixture.ts`,
 * `*-test-kit.ts`) may import `vitest` and node built-ins in the pure packages and reach another
 * module's test helpers directly; they add no arrow to the cycle check. Everything else is held to
 * the rules.
 */
export function checkImportGraph(tree: SourceTree, packages: readonly WorkspacePackage[]): Violation[] {
  const violations: Violation[] = [];
  const edges = importEdges(tree, packages);
  const moduleGraph = new Map<string, Set<string>>();
  const moduleEdgeExample = new Map<string, ImportEdge>();

  for (const edge of edges) {
    const where = `${edge.from} imports '${edge.specifier}'`;
    const testOnly = isTestOnly(edge.from);
    const testAllowed = (e: ImportEdge) =>
      testOnly && e.isExternal && (e.to === 'vitest' || e.to.startsWith('node:'));

    if (edge.from.startsWith('packages/domain/')) {
      const ok = edge.isExternal ? edge.to === 'zod' : edge.to.startsWith('packages/domain/');
      if (!ok && !testAllowed(edge))
        violations.push({ rule: 'domain-imports', message: `${where}: domain imports only zod` });
    }
    if (edge.from.startsWith('packages/contracts/')) {
      const ok = edge.isExternal
        ? edge.to === 'zod'
        : edge.to.startsWith('packages/contracts/') || edge.to.startsWith('packages/domain/');
      if (!ok && !testAllowed(edge))
        violations.push({
          rule: 'contracts-imports',
          message: `${where}: contracts import only zod, domain and themselves`,
        });
    }
    if (edge.from.startsWith('apps/web/') && !edge.isExternal && edge.to.startsWith('apps/server/')) {
      violations.push({
        rule: 'web-imports-server',
        message: `${where}: the web app never imports the server`,
      });
    }

    const fromModule = serverModuleOf(edge.from);
    const toModule = edge.isExternal ? undefined : serverModuleOf(edge.to);
    if (!fromModule && toModule && edge.from.startsWith(serverRoot) && !testOnly) {
      const face = `${modulesRoot}${toModule}/index.ts`;
      if (edge.to !== face) violations.push({ rule: 'module-face', message: `${where}: go through ${face}` });
    }
    if (fromModule && toModule && fromModule !== toModule) {
      const face = `${modulesRoot}${toModule}/index.ts`;
      if (edge.to !== face && !(testOnly && isTestOnly(edge.to))) {
        violations.push({ rule: 'module-face', message: `${where}: go through ${face}` });
      }
      if (!testOnly) {
        const targets = moduleGraph.get(fromModule) ?? new Set<string>();
        targets.add(toModule);
        moduleGraph.set(fromModule, targets);
        moduleEdgeExample.set(
          `${fromModule}→${toModule}`,
          moduleEdgeExample.get(`${fromModule}→${toModule}`) ?? edge,
        );
      }
    }
  }

  for (const cycle of findCycles(moduleGraph)) {
    const inCycle = new Set(cycle);
    const arrows = cycle.flatMap((a) =>
      [...(moduleGraph.get(a) ?? [])]
        .filter((b) => inCycle.has(b))
        .map((b) => `${a} → ${b} (${moduleEdgeExample.get(`${a}→${b}`)!.from})`),
    );
    violations.push({ rule: 'module-cycle', message: `server modules in a cycle: ${arrows.join('; ')}` });
  }
  return violations;
}
