/**
 * The worker process (job-worker.ts) that writes the data files of a build (src/lib/data-files.ts)
 * while Astro renders the pages. It reads the article list the content sync wrote, and is handed
 * the rest of the build's archive index as a plan (data-plan.ts) and the base path its links go under.
 *
 * A rebuild writes only files whose text changed: the digest of every file's text is kept in the
 * build cache, and a file whose digest is the last build's and that is still in the output is left
 * as it is (and reported as kept, so previous-output.ts does not delete it).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapLimited } from '../lib/map-limited.ts';
import { articleCacheDir, requireArticleList } from '../archive/article-cache.ts';
import { dataFiles } from '../lib/data-files.ts';
import { linksUnder } from '../lib/urls.ts';
import { plannedArchive, type DataPlan } from './data-plan.ts';
import { exists } from './page-cache.ts';
import { serveJob } from './job-worker.ts';

export interface DataWorkerData {
  cacheDir: string;
  outDir: string;
  site: string;
  /** The site's base path (`/news/`), which every link carries. */
  base: string;
  plan: DataPlan;
}

export interface DataFilesWritten {
  written: number;
  /** Output files left as they were. */
  kept: string[];
  ms: number;
}

/** What the last build wrote: the digest of each file's text, for the output folder named. */
interface Manifest {
  outDir: string;
  digests: Record<string, string>;
}

/** Files made and written at once: enough to keep the disk busy, few enough to hold. */
const IN_FLIGHT = 32;

async function writeDataFiles({ cacheDir, outDir, site, base, plan }: DataWorkerData): Promise<DataFilesWritten> {
  const started = performance.now();
  const manifestFile = join(cacheDir, 'news-archive', 'data-files.json');
  const [entries, previous] = await Promise.all([
    // The files show no headings or findings; at 50,000 articles those are much of the list.
    requireArticleList(articleCacheDir(cacheDir), ({ article, ...rest }) => ({ ...rest, findings: [], article: { ...article, headings: [] } })),
    readFile(manifestFile, 'utf8').then(
      (text) => JSON.parse(text) as Manifest,
      () => undefined,
    ),
  ]);
  // Gone until every file is written: a build that stops half-way leaves some files unwritten.
  await rm(manifestFile, { force: true });
  const last = previous?.outDir === outDir ? previous.digests : {};
  const archive = plannedArchive(plan, entries.map((entry) => entry.article));
  const digests: Record<string, string> = {};
  const kept: string[] = [];
  let written = 0;
  await mapLimited(dataFiles(archive, new URL(site), linksUnder(base)), IN_FLIGHT, async ({ path, text }) => {
    const content = text();
    const digest = createHash('sha1').update(content).digest('base64url');
    const file = join(outDir, path);
    digests[path] = digest;
    if (last[path] === digest && (await exists(file))) {
      kept.push(file);
      return;
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
    written++;
  });
  await mkdir(dirname(manifestFile), { recursive: true });
  await writeFile(manifestFile, JSON.stringify({ outDir, digests } satisfies Manifest));
  return { written, kept, ms: performance.now() - started };
}

serveJob(writeDataFiles);
