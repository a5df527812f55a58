/**
 * A header that would run code if anything evaluated it (`---js`, `---javascript`, `---coffee`)
 * writes a marker file when it runs. The real build, `npm run check` and `npm run import` each
 * refuse it by name, and the marker never exists afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive, PROJECT_ROOT } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { codeFrontmatter } from '../fixtures/hostile/frontmatter.ts';
import { plain } from './support.ts';

const LANGUAGES = ['js', 'javascript', 'coffee'];

/** An archive of one good article and one code header per language; returns it and the markers. */
function hostileArchive(layout: 'archive' | 'jekyll'): { dir: string; markers: string[] } {
  const work = tempDir('frontmatter-code');
  const dir = join(work, layout === 'archive' ? 'content' : 'site');
  const articles = join(dir, layout === 'archive' ? 'articles' : '_posts');
  mkdirSync(articles, { recursive: true });
  if (layout === 'jekyll') writeFileSync(join(dir, '_config.yml'), 'title: A blog\n');
  writeFileSync(join(articles, '2023-05-02-good.md'), '---\ntitle: "A good article"\ndate: 2023-05-02\n---\nThe harbour lamps were lit.\n');
  const markers = LANGUAGES.map((language) => {
    const marker = join(work, `ran-${language}`);
    writeFileSync(join(articles, `2023-05-01-code-${language}.md`), codeFrontmatter(language, marker));
    return marker;
  });
  return { dir, markers };
}

function run(script: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', script), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('frontmatter that would run code', () => {
  it('stops the build, naming each file, and never runs', () => {
    const { dir, markers } = hostileArchive('archive');
    const build = buildArchive(dir);
    const output = plain(build.output);
    expect(build.ok).toBe(false);
    for (const language of LANGUAGES) {
      expect(output).toContain(`content/articles/2023-05-01-code-${language}.md:1:1: error: the frontmatter is marked as code ("---${language}")`);
    }
    expect(markers.filter(existsSync)).toEqual([]);
  });

  it('is an error of npm run check, and never runs', () => {
    const { dir, markers } = hostileArchive('archive');
    const check = run('check.ts', ['--content', dir]);
    expect(check.status).toBe(1);
    for (const language of LANGUAGES) {
      expect(check.output).toContain(`2023-05-01-code-${language}.md:1:1: error: the frontmatter is marked as code ("---${language}")`);
    }
    expect(markers.filter(existsSync)).toEqual([]);
  });

  it('is rejected by npm run import with its reason, and never runs', () => {
    const { dir, markers } = hostileArchive('jekyll');
    const out = join(tempDir('frontmatter-code-import'), 'content');
    const imported = run('import.ts', [dir, '--from', 'jekyll', '--out', out]);
    for (const language of LANGUAGES) {
      expect(imported.output).toMatch(new RegExp(`2023-05-01-code-${language}\\.md[^\\n]*the frontmatter is marked as code`));
    }
    expect(existsSync(join(out, 'articles', '2023', '2023-05-02-good.md'))).toBe(true);
    expect(markers.filter(existsSync)).toEqual([]);
  });
});
