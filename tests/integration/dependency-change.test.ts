/**
 * A cache must never serve what older code made. A rebuild after a dependency changed (here, the
 * lock file of a copy of the project names another version of the Markdown parser, as after
 * `npm update`) processes every article again and renders every page again; a rebuild with
 * nothing changed processes and renders nothing.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, fixturePath, projectCopy, type BuildResult } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { articlesLine, pagesLine, searchLine } from './support.ts';

let same: BuildResult;
let upgraded: BuildResult;

beforeAll(() => {
  const project = projectCopy();
  const work = tempDir('news-archive-dependency-change');
  const content = join(work, 'content');
  cpSync(join(fixturePath('basic'), 'content'), content, { recursive: true });
  const env = { ARCHIVE_CACHE: join(work, 'cache'), ARCHIVE_OUT: join(work, 'dist') };
  const first = buildArchive(content, { project, env });
  expect(first.ok, first.output).toBe(true);
  same = buildArchive(content, { project, env });

  const lockFile = join(project, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, { version: string }> };
  lock.packages['node_modules/remark-parse']!.version = '11.0.99';
  writeFileSync(lockFile, JSON.stringify(lock, null, 2));
  upgraded = buildArchive(content, { project, env });
}, 600_000);

describe('a rebuild', () => {
  it('with nothing changed processes and renders nothing', () => {
    expect(same.ok, same.output).toBe(true);
    expect(articlesLine(same)).toEqual([7, 0, 7]);
    // Pages without a cache key (listings, the search page, the 404 page) are rendered every time;
    // every article and entity page has one and is kept.
    const [render, total, unchanged] = pagesLine(same)!;
    expect(unchanged).toBeGreaterThanOrEqual(7);
    expect(render! + unchanged!).toBe(total);
    // The fixture's articles fit one shard; the entities have their own.
    expect(searchLine(same)).toEqual([2, 2]);
  });

  it('after a dependency changed processes every article, renders every page and indexes every shard', () => {
    expect(upgraded.ok, upgraded.output).toBe(true);
    expect(articlesLine(upgraded)).toEqual([7, 7, 0]);
    const [render, total, unchanged] = pagesLine(upgraded)!;
    expect([render, unchanged]).toEqual([total, 0]);
    expect(searchLine(upgraded)).toEqual([2, 0]);
  });
});
