import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CODE, codeVersion, digest } from '../../src/archive/cache-key.ts';
import { tempDir } from '../helpers/temp.ts';

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const version = (at = root) => codeVersion(at, CODE.articles, ['/']);

beforeEach(() => {
  root = tempDir('news-archive-code-version');
  write('src/archive/article.ts', 'export const a = 1;\n');
  write('src/archive/quotes/speakers.ts', 'export const b = 2;\n');
  write('src/loaders/archive-loaders.ts', 'export const c = 3;\n');
  write('package-lock.json', '{"packages":{"node_modules/remark-parse":{"version":"11.0.0"}}}');
  write('node_modules/.package-lock.json', '{"packages":{"node_modules/remark-parse":{"version":"11.0.0"}}}');
});

describe('the code version of a cache', () => {
  it('is the same for the same code, wherever the project is', async () => {
    const copy = tempDir('news-archive-code-version-copy');
    cpSync(root, copy, { recursive: true });
    expect(await version()).toBe(await version());
    expect(await version(copy)).toBe(await version());
  });

  it('changes with any engine file, in a subfolder too', async () => {
    const before = await version();
    write('src/archive/quotes/speakers.ts', 'export const b = 3;\n');
    const edited = await version();
    expect(edited).not.toBe(before);
    write('src/archive/quotes/deeper/new.ts', '');
    expect(await version()).not.toBe(edited);
  });

  it('changes with the lock file and with the installed tree', async () => {
    const before = await version();
    write('package-lock.json', '{"packages":{"node_modules/remark-parse":{"version":"11.0.1"}}}');
    const locked = await version();
    expect(locked).not.toBe(before);
    write('node_modules/.package-lock.json', '{"packages":{"node_modules/remark-parse":{"version":"11.0.1"}}}');
    expect(await version()).not.toBe(locked);
  });

  it('changes with the settings, and not with files outside its code', async () => {
    const before = await version();
    expect(await codeVersion(root, CODE.articles, ['/news/'])).not.toBe(before);
    write('src/components/Card.astro', '<p>card</p>');
    expect(await version()).toBe(before);
    expect(await codeVersion(root, CODE.pages, ['/'])).not.toBe(before);
  });
});

describe('digest', () => {
  it('tells parts apart from their concatenation', () => {
    expect(digest(['ab', 'c'])).not.toBe(digest(['a', 'bc']));
    expect(digest(['a', 'b'])).toBe(digest(['a', 'b']));
  });
});
