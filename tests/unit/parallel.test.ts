import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processArticles } from '../../src/archive/parallel.ts';
import { hunSen } from '../helpers/entity-files.ts';

const PERSON = hunSen();

const jobs = Array.from({ length: 150 }, (_, i) => ({
  file: `content/articles/2023-01-${String((i % 28) + 1).padStart(2, '0')}-item-${i}.md`,
  text:
    i === 7
      ? '---\ntitle: [unclosed\n---\nBroken.\n'
      : `---\ntitle: "Item ${i}"\ndate: 2023-01-${String((i % 28) + 1).padStart(2, '0')}\npeople: [Hun Sen]\n---\nSamdech Hun Sen spoke on day ${i}: "We will keep talking with our neighbours," he said.\n`,
}));

/** Processes whose parent is this one (Linux /proc). */
function children(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('processArticles', () => {
  const here = processArticles(jobs, [PERSON], '/news/', { workers: 1 });
  const there = processArticles(jobs, [PERSON], '/news/', { workers: 2, minForWorkers: 1, batchSize: 16 });

  it('gives the same results, in the order of the jobs, in worker processes as in this one', async () => {
    const [a, b] = await Promise.all([here, there]);
    expect(b).toEqual(a);
    expect(b.map((r) => r.article?.title)).toEqual(jobs.map((_, i) => (i === 7 ? undefined : `Item ${i}`)));
    expect(b[7]!.diagnostics.map((d) => d.severity)).toContain('error');
    expect(b[3]!.article!.html).toContain('href="/news/people/hun-sen/"');
    expect(b[3]!.article!.quotes.map((q) => q.speaker?.slug)).toEqual(['hun-sen']);
  });

  it('hands each result to `each` as it arrives, and keeps what it returns', async () => {
    const seen: number[] = [];
    const titles = await processArticles(jobs, [PERSON], '/', {
      workers: 2,
      minForWorkers: 1,
      batchSize: 10,
      each: (result, at) => {
        seen.push(at);
        return result.article?.title ?? null;
      },
    });
    expect(titles[149]).toBe('Item 149');
    expect([...seen].sort((x, y) => x - y)).toEqual(jobs.map((_, i) => i));
  });

  it('stops with the error of a failing `each`, and leaves no worker behind', async () => {
    const before = children();
    await expect(
      processArticles(jobs, [PERSON], '/', {
        workers: 2,
        minForWorkers: 1,
        each: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(children()).toEqual(before);
  });
});
