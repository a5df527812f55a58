/**
 * Bad content stops the build with a message an editor can act on: the file (and line where
 * known), what is wrong, and nothing in the output folder that could be mistaken for a site.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, type BuildResult, buildArchive } from '../helpers/build.ts';
import { htmlPages, plain } from './support.ts';

interface FailureCase {
  fixture: string;
  /** Paths the message must name, as editors see them (relative to the archive's parent folder). */
  files: string[];
  /** What the message must say about the problem. */
  problem: RegExp[];
  /** `file:line` where the line is known. */
  line?: string;
}

const CASES: FailureCase[] = [
  {
    fixture: 'bad-yaml',
    files: ['content/articles/2023-01-06-broken-frontmatter.md'],
    problem: [/YAML/i],
    // `title: "Harbour lights" go dark` is line 3 of the file.
    line: 'content/articles/2023-01-06-broken-frontmatter.md:3',
  },
  {
    fixture: 'missing-title',
    files: ['content/articles/2023-01-07-untitled.md'],
    problem: [/title/i, /required|missing/i],
  },
  {
    fixture: 'impossible-date',
    files: ['content/articles/2023-02-30-leap-of-faith.md'],
    problem: [/2023-02-30/, /not a real|impossible|does not exist|invalid/i],
    line: 'content/articles/2023-02-30-leap-of-faith.md:3',
  },
  {
    fixture: 'duplicate-slug',
    files: ['content/articles/2022/harbour-report.md', 'content/articles/2023/harbour-report.md'],
    problem: [/\/articles\/harbour-report\//],
  },
  {
    fixture: 'entity-collision',
    files: ['content/places/port-ellery.md', 'content/places/port-ellery-town.md'],
    problem: [/\/places\/port-ellery\//],
  },
];

describe.each(CASES)('building the $fixture fixture', ({ fixture, files, problem, line }) => {
  let build: BuildResult;
  let output: string;

  beforeAll(() => {
    build = buildArchive(join(fixturePath(fixture), 'content'));
    output = plain(build.output);
  });

  it('fails', () => {
    expect(build.ok, output).toBe(false);
  });

  it(`names the offending file${files.length > 1 ? 's' : ''}`, () => {
    for (const file of files) expect(output, `the message names ${file}`).toContain(file);
    // Both files of a collision are named in one message, not in two unrelated lines.
    if (files.length > 1) {
      const lines = output.split('\n').filter((l) => files.every((f) => l.includes(f)));
      expect(lines.length, 'one line names both files').toBeGreaterThan(0);
    }
  });

  it('states the problem', () => {
    const lines = output.split('\n').filter((l) => files.some((f) => l.includes(f)));
    for (const pattern of problem) expect(lines.join('\n'), `the message about ${files[0]} matches ${pattern}`).toMatch(pattern);
  });

  if (line) {
    it('names the line', () => {
      expect(output).toMatch(new RegExp(`${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    });
  }

  it('leaves no site behind (no index.html, no HTML at all)', () => {
    expect(build.page('/')).toBeUndefined();
    expect(htmlPages(build.outDir)).toEqual([]);
  });
});
