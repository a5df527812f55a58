/**
 * A header that would run code if anything evaluated it (`---js`, `---javascript`, `---coffee`)
 * writes a marker file when it runs. The real build, `npm run check`, `npm run import` (of Jekyll
 * and of Hugo, whose TOML is read as data) and the dev server each refuse it by name, and the
 * marker never exists afterwards.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive, fixturePath, PROJECT_ROOT } from '../helpers/build.ts';
import { startDevServer } from '../helpers/dev-server.ts';
import { tempDir } from '../helpers/temp.ts';
import { codeFrontmatter } from '../fixtures/hostile/frontmatter.ts';
import { A } from './basic-fixture.ts';
import { plain } from './support.ts';

const LANGUAGES = ['js', 'javascript', 'coffee'];

/** An archive of one good article and one code header per language; returns it, its articles and the markers. */
function hostileArchive(layout: 'archive' | 'jekyll' | 'hugo'): { dir: string; articles: string; markers: string[] } {
  const work = tempDir('frontmatter-code');
  const dir = join(work, layout === 'archive' ? 'content' : 'site');
  const articles = join(dir, { archive: 'articles', jekyll: '_posts', hugo: join('content', 'posts') }[layout]);
  mkdirSync(articles, { recursive: true });
  if (layout === 'jekyll') writeFileSync(join(dir, '_config.yml'), 'title: A blog\n');
  if (layout === 'hugo') writeFileSync(join(dir, 'hugo.toml'), 'title = "A blog"\n');
  writeFileSync(join(articles, '2023-05-02-good.md'), '---\ntitle: "A good article"\ndate: 2023-05-02\n---\nThe harbour lamps were lit.\n');
  const markers = LANGUAGES.map((language) => {
    const marker = join(work, `ran-${language}`);
    writeFileSync(join(articles, `2023-05-01-code-${language}.md`), codeFrontmatter(language, marker));
    return marker;
  });
  return { dir, articles, markers };
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

  it('is rejected by npm run import of a Hugo site, which reads TOML as data, and never runs', () => {
    const { articles, markers } = hostileArchive('hugo');
    const marker = join(articles, '..', 'ran-toml');
    const js = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;
    writeFileSync(join(articles, '2023-05-03-toml-code.md'), `+++\ntitle = (${js}, "Harmless title")\ndate = 2023-05-03\n+++\nBody.\n`);
    writeFileSync(join(articles, '2023-05-04-toml-text.md'), `+++\ntitle = ${JSON.stringify(js)}\ndate = 2023-05-04\n+++\nBody.\n`);
    const out = join(tempDir('frontmatter-code-import'), 'content');
    const imported = run('import.ts', [articles, '--from', 'hugo', '--out', out]);
    for (const language of LANGUAGES) {
      expect(imported.output).toMatch(new RegExp(`2023-05-01-code-${language}\\.md[^\\n]*the frontmatter is marked as code`));
    }
    expect(imported.output).toMatch(/2023-05-03-toml-code\.md[^\n]*the frontmatter is not valid TOML: invalid value \(line 2\)/);
    expect(readFileSync(join(out, 'articles', '2023', '2023-05-04-toml-text.md'), 'utf8')).toContain(`title: ${JSON.stringify(js)}\n`);
    expect(existsSync(join(out, 'articles', '2023', '2023-05-02-good.md'))).toBe(true);
    expect([...markers, marker].filter(existsSync)).toEqual([]);
  });

  it('is refused by the dev server, on start and when added, which serves the other articles, and never runs', async () => {
    const work = tempDir('frontmatter-code-dev');
    const content = join(work, 'content');
    cpSync(join(fixturePath('basic'), 'content'), content, { recursive: true });
    const marker = (language: string) => join(work, `ran-${language}`);
    const refusal = (language: string) => `content/articles/2023-05-01-code-${language}.md:1:1: error: the frontmatter is marked as code ("---${language}")`;
    writeFileSync(join(content, 'articles', '2023-05-01-code-js.md'), codeFrontmatter('js', marker('js')));
    const server = await startDevServer(content, join(work, 'cache'));
    try {
      expect(plain(server.log())).toContain(refusal('js'));
      expect((await server.get(`/articles/${A.council}/`)).status).toBe(200);
      expect((await server.get('/articles/2023-05-01-code-js/')).status).toBe(404);

      writeFileSync(join(content, 'articles', '2023-05-01-code-coffee.md'), codeFrontmatter('coffee', marker('coffee')));
      await server.eventually(async () => plain(server.log()).includes(refusal('coffee')), 'the dev server to refuse the added file');
      expect((await server.get(`/articles/${A.council}/`)).status).toBe(200);
      expect((await server.get('/articles/2023-05-01-code-coffee/')).status).toBe(404);
      expect([marker('js'), marker('coffee')].filter(existsSync)).toEqual([]);
    } finally {
      server.stop();
    }
  });
});
