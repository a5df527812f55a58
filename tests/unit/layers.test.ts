/**
 * The rooms of the code and what each may import (ARCHITECTURE.md). Every import in src/ and
 * scripts/ is read from the source and checked: a room imports only the rooms below it, so the
 * engine can be tested and reused without Astro, and no lower room comes to depend on a higher one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build.ts';

type Room = 'shared' | 'engine' | 'lib' | 'loaders' | 'integrations' | 'components' | 'pages' | 'client' | 'content-config' | 'site-config' | 'styles' | 'scripts';

/** The room of a path from the project's root, by its folder. */
function roomOf(path: string): Room | undefined {
  const rooms: [string, Room][] = [
    ['src/shared/', 'shared'],
    ['src/archive/', 'engine'],
    ['src/lib/', 'lib'],
    ['src/loaders/', 'loaders'],
    ['src/integrations/', 'integrations'],
    ['src/components/', 'components'],
    ['src/layouts/', 'components'],
    ['src/pages/', 'pages'],
    ['src/client/', 'client'],
    ['src/styles/', 'styles'],
    ['src/content.config.ts', 'content-config'],
    ['src/site.config.ts', 'site-config'],
    ['scripts/', 'scripts'],
  ];
  return rooms.find(([prefix]) => path.startsWith(prefix))?.[1];
}

/** What each room may import besides itself. */
const MAY_IMPORT: Record<Room, readonly Room[]> = {
  // Plain functions the browser runs as well as Node.js: the bottom room, below the engine.
  shared: [],
  engine: ['shared'],
  'site-config': [],
  styles: [],
  lib: ['shared', 'engine', 'site-config'],
  loaders: ['shared', 'engine', 'lib'],
  integrations: ['shared', 'engine', 'lib'],
  components: ['shared', 'engine', 'lib', 'site-config', 'styles'],
  pages: ['shared', 'engine', 'lib', 'components', 'client', 'site-config', 'styles'],
  'content-config': ['loaders'],
  // Browser code runs apart from everything else but the shared room; it only shares the shape of
  // the search's shard list.
  client: ['shared'],
  scripts: ['shared', 'engine'],
};

/** Type-only imports a room may make beyond MAY_IMPORT: they leave nothing in its code. */
const MAY_IMPORT_TYPES: Partial<Record<Room, readonly Room[]>> = { client: ['integrations'] };

/** Packages a room must not import: the engine and the commands run without Astro, browser code without Node.js. */
const FORBIDDEN_PACKAGES: Partial<Record<Room, RegExp>> = {
  engine: /^astro(:|\/|$)/,
  scripts: /^astro(:|\/|$)/,
  lib: /^astro:/,
  client: /^node:/,
  shared: /^(node:|astro)/,
};

interface Import {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

const SOURCE = /\.(ts|mjs|astro)$/;
const IMPORT = /\b(?:import|export)\s+(type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(folder: string): string[] {
  return (readdirSync(join(PROJECT_ROOT, folder), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => relative(PROJECT_ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => ({ file, specifier: (m[2] ?? m[3])!, typeOnly: m[1] !== undefined }));
}

/** `file: specifier` for every import that crosses rooms the wrong way. */
function violations(imports: readonly Import[]): string[] {
  const wrong: string[] = [];
  for (const { file, specifier, typeOnly } of imports) {
    const from = roomOf(file);
    if (!from) continue;
    if (!specifier.startsWith('.')) {
      if (FORBIDDEN_PACKAGES[from]?.test(specifier)) wrong.push(`${file}: ${specifier}`);
      continue;
    }
    const target = relative(PROJECT_ROOT, resolve(PROJECT_ROOT, dirname(file), specifier)).split(sep).join('/');
    const to = roomOf(target);
    if (to === from) continue;
    const allowed = [...MAY_IMPORT[from], ...(typeOnly ? (MAY_IMPORT_TYPES[from] ?? []) : [])];
    if (!to || !allowed.includes(to)) wrong.push(`${file}: ${specifier}`);
  }
  return wrong;
}

const imports = [...sourceFiles('src'), ...sourceFiles('scripts')].flatMap(importsOf);

describe('layers', () => {
  it('finds the imports of every room', () => {
    const rooms = new Set(imports.map((i) => roomOf(i.file)));
    for (const room of ['engine', 'lib', 'loaders', 'integrations', 'components', 'pages', 'client', 'scripts'] as const) expect(rooms, room).toContain(room);
    expect(imports.length).toBeGreaterThan(200);
  });

  it('no import crosses rooms the wrong way', () => {
    expect(violations(imports)).toEqual([]);
  });

  it('would catch one that does', () => {
    expect(
      violations([
        { file: 'src/archive/x.ts', specifier: '../lib/urls.ts', typeOnly: false },
        { file: 'src/archive/x.ts', specifier: 'astro:content', typeOnly: false },
        { file: 'src/lib/x.ts', specifier: '../loaders/archive-loaders.ts', typeOnly: true },
        { file: 'src/integrations/x.ts', specifier: '../loaders/archive-loaders.ts', typeOnly: false },
        { file: 'src/client/x.ts', specifier: '../integrations/pagefind.ts', typeOnly: false },
        { file: 'scripts/x.ts', specifier: '../src/pages/index.astro', typeOnly: false },
        { file: 'src/client/x.ts', specifier: '../integrations/pagefind.ts', typeOnly: true },
        { file: 'src/client/x.ts', specifier: '../archive/names.ts', typeOnly: false },
        { file: 'src/client/x.ts', specifier: '../shared/count-of.ts', typeOnly: false },
        { file: 'src/shared/x.ts', specifier: '../archive/names.ts', typeOnly: false },
        { file: 'src/shared/x.ts', specifier: 'node:fs', typeOnly: false },
      ]),
    ).toEqual([
      'src/archive/x.ts: ../lib/urls.ts',
      'src/archive/x.ts: astro:content',
      'src/lib/x.ts: ../loaders/archive-loaders.ts',
      'src/integrations/x.ts: ../loaders/archive-loaders.ts',
      'src/client/x.ts: ../integrations/pagefind.ts',
      'scripts/x.ts: ../src/pages/index.astro',
      'src/client/x.ts: ../archive/names.ts',
      'src/shared/x.ts: ../archive/names.ts',
      'src/shared/x.ts: node:fs',
    ]);
  });
});
