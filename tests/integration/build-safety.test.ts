/**
 * A build that cannot find its archive stops before it touches the output: an earlier site in
 * ARCHIVE_OUT stays exactly as it was, and the message says where it looked and what to do.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, fixturePath, type BuildResult } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { plain } from './support.ts';

/** Every file under `dir` with its size and modification time, to tell whether anything changed. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(files.map((e) => {
    const path = join(e.parentPath, e.name);
    const info = statSync(path);
    return [path, `${info.size} ${info.mtimeMs} ${readFileSync(path).length}`];
  }));
}

describe('building an archive folder that is not there', () => {
  let out: string;
  let before: Record<string, string>;
  let missing: BuildResult;
  let empty: BuildResult;
  let work: string;

  beforeAll(() => {
    work = tempDir('news-archive-safety');
    out = join(work, 'dist');
    const first = buildArchive(join(fixturePath('basic'), 'content'), { env: { ARCHIVE_OUT: out } });
    expect(first.ok, first.output).toBe(true);
    before = snapshot(out);
    missing = buildArchive(join(work, 'no-such-content'), { env: { ARCHIVE_OUT: out } });
    mkdirSync(join(work, 'empty', 'articles'), { recursive: true });
    empty = buildArchive(join(work, 'empty'), { env: { ARCHIVE_OUT: out } });
  });

  it('fails with the folder named and what to do, without a stack trace', () => {
    expect(missing.ok).toBe(false);
    const output = plain(missing.output);
    expect(output).toContain(`no-such-content: error: there is no archive folder at ${join(work, 'no-such-content')} (set ARCHIVE_CONTENT to the folder that holds articles/, or create no-such-content/articles/ and write an article with npm run new)`);
    expect(output).not.toMatch(/Stack trace|^\s+at /m);
  });

  it('fails on an archive with no articles, rather than publish an empty site', () => {
    expect(empty.ok).toBe(false);
    expect(plain(empty.output)).toContain('empty/articles: error: the archive has no articles (write one with npm run new; a build without articles would publish an empty site)');
  });

  it('leaves the earlier site exactly as it was', () => {
    expect(Object.keys(before).length).toBeGreaterThan(50);
    expect(snapshot(out)).toEqual(before);
  });
});
