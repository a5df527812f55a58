import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyReader, articleCacheDir } from '../../src/archive/article-cache.ts';
import { loadEntityFiles } from '../../src/archive/load.ts';
import { articleSync, startArticleSync, type SyncSettings } from '../../src/lib/article-sync.ts';
import { PROJECT_ROOT, fixturePath } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';

const contentDir = join(fixturePath('basic'), 'content');

describe('articleSync', () => {
  it('gives out the head start made for the same settings, once', async () => {
    const settings: SyncSettings = { root: PROJECT_ROOT, contentDir, cacheDir: tempDir('article-sync'), base: '/' };
    startArticleSync(settings);
    const first = articleSync(settings, () => loadEntityFiles(contentDir));
    expect(first.entities).toBeDefined();
    const processed = (await first.articles).processed;
    expect(processed).toBeGreaterThan(0);
    // The head start is gone: the next sync is one of its own (the loader writes the article list
    // that would tell it the articles are unchanged, so it processes them all again).
    const second = articleSync(settings, () => loadEntityFiles(contentDir));
    expect(second.entities).toBeUndefined();
    expect((await second.articles).processed).toBe(processed);
  });

  it('lets a head start made for other settings finish before writing to the same cache', async () => {
    const cacheDir = tempDir('article-sync');
    startArticleSync({ root: PROJECT_ROOT, contentDir, cacheDir, base: '/news/' });
    const sync = articleSync({ root: PROJECT_ROOT, contentDir, cacheDir, base: '/' }, () => loadEntityFiles(contentDir));
    expect(sync.entities).toBeUndefined();
    const prepared = await sync.articles;
    // Each wrote a segment of its own, and the sync's bodies are its own (links under `/`, not `/news/`).
    const segments = readdirSync(articleCacheDir(cacheDir)).filter((name) => name.startsWith('bodies-')).sort();
    expect(segments).toEqual(['bodies-1.html', 'bodies-2.html']);
    const bodies = new BodyReader(prepared.cacheDir);
    const html = prepared.listed.map((entry) => bodies.read(entry.body)).join('');
    bodies.close();
    expect(html).toContain('href="/people/');
    expect(html).not.toContain('href="/news/');
  });
});
