import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/archive/article.ts';
import {
  BodyReader,
  BodyWriter,
  cacheFiles,
  compactBodies,
  pruneArticleCache,
  readArticleList,
  requireArticleList,
  writeArticleList,
  type ListedArticle,
} from '../../src/archive/article-cache.ts';
import { tempDir } from '../helpers/temp.ts';

const folder = () => tempDir('news-archive-cache-test');

function entry(slug: string, body: ListedArticle['body']): ListedArticle {
  const article = { file: `content/articles/${slug}.md`, slug, title: `Über ${slug}`, quotes: [] } as unknown as Article;
  return { digest: `d-${slug}`, body, article, findings: [] };
}

/** One sync's segment: the bodies appended to a new segment of `dir`, and where each went. */
async function segment(dir: string, ...bodies: string[]): Promise<ListedArticle['body'][]> {
  const writer = new BodyWriter(dir, await cacheFiles(dir));
  const refs = bodies.map((html) => writer.append(html));
  await writer.close();
  return refs;
}

describe('bodies in segments', () => {
  it('reads back every body appended, whatever its script, each with one positioned read', async () => {
    const dir = folder();
    const bodies = ['<p>Hun Sen</p>', '<p>Nguyễn Phú Trọng — “đổi mới”</p>', '<p>ហ៊ុន សែន</p>', ''];
    const refs = await segment(dir, ...bodies);
    expect(statSync(join(dir, 'bodies-1.html')).size).toBe(refs.reduce((sum, r) => sum + r.length, 0));
    expect(refs.map((r) => r.segment)).toEqual(Array(4).fill('bodies-1.html'));
    const reader = new BodyReader(dir);
    expect([...refs].reverse().map((ref) => reader.read(ref))).toEqual([...bodies].reverse());
    reader.close();
  });

  it('starts each sync in a segment of its own, and drops one left empty', async () => {
    const dir = folder();
    await segment(dir, '<p>a</p>');
    const second = new BodyWriter(dir, await cacheFiles(dir));
    expect(second.segment).toBe('bodies-2.html');
    await second.close();
    expect(readdirSync(dir)).toEqual(['bodies-1.html']);
  });

  it('says to build again when a body is not where the list says', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'bodies-1.html'), 'short');
    const reader = new BodyReader(dir);
    expect(() => reader.read({ segment: 'bodies-1.html', offset: 2, length: 10 })).toThrow(/build again/);
    expect(() => reader.read({ segment: 'bodies-9.html', offset: 0, length: 1 })).toThrow(/ENOENT/);
    reader.close();
  });
});

describe('the article list', () => {
  it('round-trips every entry, in order, and lets a reader drop parts as it reads', async () => {
    const dir = folder();
    const entries = Array.from({ length: 2500 }, (_, i) => entry(`a${i}`, { segment: 'bodies-1.html', offset: i, length: 1 }));
    await writeArticleList(dir, entries);
    expect(await requireArticleList(dir)).toEqual(entries);
    const titles = await readArticleList(dir, (e) => ({ ...e, article: { ...e.article, title: '' } }));
    expect(titles!.every((e) => e.article.title === '')).toBe(true);
  });

  it('is missing before the first sync, and a build that needs it says what to do', async () => {
    const dir = folder();
    expect(await readArticleList(dir)).toBeUndefined();
    await expect(requireArticleList(dir)).rejects.toThrow(/missing from the build cache: build again/);
  });
});

describe('tidying the cache', () => {
  it('deletes segments and leftovers no entry uses, and keeps the list', async () => {
    const dir = folder();
    await segment(dir, '<p>gone</p>');
    const kept = [entry('a', (await segment(dir, '<p>kept</p>'))[0]!)];
    writeFileSync(join(dir, 'list.jsonl.123.tmp'), 'half');
    await writeArticleList(dir, kept);
    await pruneArticleCache(dir, kept);
    expect(readdirSync(dir).sort()).toEqual(['bodies-2.html', 'list.jsonl']);
  });

  it('copies the live bodies into one new segment once most segment bytes are dead', async () => {
    const dir = folder();
    const big = 'x'.repeat(1_200_000);
    const [stale, first] = await segment(dir, `<p>${big}</p>`, '<p>first</p>');
    const live = [entry('a', first!)];
    expect(await compactBodies(dir, [...live, entry('b', stale!)])).toEqual([...live, entry('b', stale!)]);
    live.push(entry('b', (await segment(dir, '<p>edited</p>'))[0]!));
    const moved = await compactBodies(dir, live);
    expect(moved.map((e) => e.body.segment)).toEqual(['bodies-3.html', 'bodies-3.html']);
    await pruneArticleCache(dir, moved);
    expect(readdirSync(dir)).toEqual(['bodies-3.html']);
    expect(statSync(join(dir, 'bodies-3.html')).size).toBe('<p>first</p><p>edited</p>'.length);
    const reader = new BodyReader(dir);
    expect(moved.map((e) => reader.read(e.body))).toEqual(['<p>first</p>', '<p>edited</p>']);
    reader.close();
  });
});
