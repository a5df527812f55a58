import { describe, expect, it } from 'vitest';
import { processArticle, slugFromPath, type ProcessedArticle } from '../../src/archive/article.ts';
import { formatDiagnostic } from '../../src/archive/diagnostics.ts';

const FILE = 'content/articles/2023/2023-08-07-hun-sen-talks.md';

function write(frontmatter: string[], body = 'Hun Sen and Nguyen Phu Trong held talks.\n') {
  return `---\n${frontmatter.join('\n')}\n---\n${body}`;
}

function ok(raw: string, file = FILE): ProcessedArticle {
  const result = processArticle(raw, file);
  if (!result.article) throw new Error(`expected an article, got:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  return result.article;
}

describe('slugFromPath', () => {
  it('takes the slug from the file name, not the folders', () => {
    expect(slugFromPath('content/articles/2023/2023-08-07-talks.md')).toBe('2023-08-07-talks');
    expect(slugFromPath('content/articles/2023-08-07-talks.markdown')).toBe('2023-08-07-talks');
    expect(slugFromPath('content/articles/Hun Sen’s Visit.MD')).toBe('hun-sens-visit');
    expect(slugFromPath('content/articles/Đảng congress.md')).toBe('dang-congress');
  });
});

describe('processArticle', () => {
  it('turns a valid file into an article', () => {
    const article = ok(
      write(
        [
          'title: Hun Sen and Nguyen Phu Trong pledge deeper ties',
          'date: 2023-08-07',
          'updated: 2023-08-08',
          'summary: One sentence.',
          'source: The Phnom Penh Post',
          'author: A. Writer',
          'url: https://example.com/a',
          'people: [Hun Sen, Nguyễn Phú Trọng]',
          'organizations: [Cambodian People’s Party]',
          'events: 2023 Cambodian general election',
          'places: [Cambodia, Vietnam]',
          'tags: [diplomacy]',
        ],
        '## Talks\n\nThe two leaders met by video.\n',
      ),
    );
    expect(article).toMatchObject({
      file: FILE,
      slug: '2023-08-07-hun-sen-talks',
      title: 'Hun Sen and Nguyen Phu Trong pledge deeper ties',
      date: { date: '2023-08-07' },
      updated: { date: '2023-08-08' },
      summary: 'One sentence.',
      summaryFromBody: false,
      source: 'The Phnom Penh Post',
      author: 'A. Writer',
      url: 'https://example.com/a',
      draft: false,
      names: {
        people: ['Hun Sen', 'Nguyễn Phú Trọng'],
        organisations: ['Cambodian People’s Party'],
        events: ['2023 Cambodian general election'],
        places: ['Cambodia', 'Vietnam'],
        tags: ['diplomacy'],
      },
      headings: [{ depth: 2, slug: 'talks', text: 'Talks' }],
    });
    expect(article.html).toContain('<h2>Talks</h2>');
    expect(article.html).toContain('<p>The two leaders met by video.</p>');
    expect(article.wordCount).toBeGreaterThan(0);
  });

  it('reports a missing title with the file and line, and gives no article', () => {
    const result = processArticle(write(['date: 2023-08-07']), FILE);
    expect(result.article).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(formatDiagnostic(result.diagnostics[0]!)).toMatch(new RegExp(`^${FILE}:1:1: error: .*\\btitle\\b.*\\brequired\\b`));
  });

  it('rejects a numeric title on its line: a title must be text', () => {
    const result = processArticle(write(['date: 2023-08-07', 'title: 123']), FILE);
    expect(result.article).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', file: FILE, line: 3 });
    expect(result.diagnostics[0]!.message).toMatch(/title.*text/);
  });

  it('warns about `peple` with a did-you-mean and the line, and still builds the article', () => {
    const result = processArticle(write(['title: Talks', 'date: 2023-08-07', 'peple: [Hun Sen]']), FILE);
    expect(result.article).toBeDefined();
    const warning = result.diagnostics.find((d) => d.severity === 'warning' && /peple/.test(d.message));
    expect(warning).toBeDefined();
    expect(warning!.line).toBe(4);
    expect(formatDiagnostic(warning!)).toMatch(/did you mean "people"/);
  });

  it('accepts `organizations` as `organisations`', () => {
    const article = ok(write(['title: Talks', 'date: 2023-08-07', 'organizations: [ASEAN, Communist Party of Vietnam]']));
    expect(article.names.organisations).toEqual(['ASEAN', 'Communist Party of Vietnam']);
  });

  it('places a finding about a name under `organizations` on that line', () => {
    const long = `The ${'Very '.repeat(40)}Long Committee`;
    const { diagnostics } = processArticle(write(['title: Talks', 'date: 2023-08-07', `organizations: [${long}]`]), FILE);
    const finding = diagnostics.find((d) => d.message.startsWith('organisations: '));
    expect(finding?.line).toBe(4);
  });

  it('accepts a single name where a list is expected', () => {
    const article = ok(write(['title: Talks', 'date: 2023-08-07', 'people: Hun Sen', 'tags: diplomacy']));
    expect(article.names.people).toEqual(['Hun Sen']);
    expect(article.names.tags).toEqual(['diplomacy']);
  });

  it('takes the summary from the first paragraph when none is given', () => {
    const article = ok(
      write(['title: Talks', 'date: 2023-08-07'], '# A heading\n\nFirst *paragraph* with a [link](https://example.com).\n\nSecond paragraph.\n'),
    );
    expect(article.summary).toBe('First paragraph with a link.');
  });

  it('shortens a long first paragraph at a word boundary with an ellipsis', () => {
    const long = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const article = ok(write(['title: Talks', 'date: 2023-08-07'], `${long}\n`));
    expect(article.summary.length).toBeLessThanOrEqual(281);
    expect(article.summary.endsWith('…')).toBe(true);
    expect(long.startsWith(article.summary.slice(0, -1))).toBe(true);
    expect(article.summary.slice(0, -1)).toMatch(/word\d+$/);
  });

  it('takes a plain-text summary from a first paragraph that contains raw HTML', () => {
    const article = ok(
      write(['title: Talks', 'date: 2023-08-07'], 'Talks were <em>cordial</em><script>alert(1)</script> and long.\n'),
    );
    expect(article.html).not.toContain('<script');
    // The summary is shown as text in lists, feeds and meta descriptions: no markup in it.
    expect(article.summary).not.toMatch(/<\/?(em|script)/);
    expect(article.summary).toMatch(/^Talks were cordial/);
  });

  it('prefers an explicit slug over the file name', () => {
    const article = ok(write(['title: Talks', 'date: 2023-08-07', 'slug: pledge-deeper-ties']));
    expect(article.slug).toBe('pledge-deeper-ties');
  });

  it('rejects an explicit slug that is not lowercase words and hyphens, on its line', () => {
    const result = processArticle(write(['title: Talks', 'date: 2023-08-07', 'slug: Pledge Deeper Ties']), FILE);
    expect(result.article).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', line: 4 });
    expect(result.diagnostics[0]!.message).toMatch(/slug/);
  });

  it('reports a file name that gives no slug, naming the file', () => {
    const file = 'content/articles/!!!.md';
    const result = processArticle(write(['title: Talks', 'date: 2023-08-07']), file);
    expect(result.article).toBeUndefined();
    const error = result.diagnostics.find((d) => d.severity === 'error');
    expect(error?.file).toBe(file);
    expect(error?.hint).toMatch(/slug/);
    // The same file with a slug is fine.
    expect(ok(write(['title: Talks', 'date: 2023-08-07', 'slug: talks']), file).slug).toBe('talks');
  });

  it('marks drafts, and articles are not drafts by default', () => {
    expect(ok(write(['title: Talks', 'date: 2023-08-07', 'draft: true'])).draft).toBe(true);
    expect(ok(write(['title: Talks', 'date: 2023-08-07', 'draft: false'])).draft).toBe(false);
    expect(ok(write(['title: Talks', 'date: 2023-08-07'])).draft).toBe(false);
  });

  it('keeps a date-time with its offset and its calendar day', () => {
    const article = ok(write(['title: Talks', 'date: 2023-08-07T23:30:00-07:00']));
    expect(article.date).toEqual({ date: '2023-08-07', dateTime: '2023-08-07T23:30:00-07:00' });
  });

  it('rejects an impossible date on its line', () => {
    const result = processArticle(write(['title: Talks', 'date: 2023-02-30']), FILE);
    expect(result.article).toBeUndefined();
    expect(formatDiagnostic(result.diagnostics[0]!)).toMatch(new RegExp(`^${FILE}:3:1: error: .*2023-02-30`));
  });

  it('warns about an article without body text, on the line where the body starts', () => {
    const result = processArticle(write(['title: Talks', 'date: 2023-08-07'], '\n'), FILE);
    expect(result.article).toBeDefined();
    expect(result.article!.summary).toBe('');
    const warning = result.diagnostics.find((d) => d.severity === 'warning');
    expect(warning).toMatchObject({ file: FILE, line: 5, message: expect.stringMatching(/no body/) });
  });

  it('passes frontmatter errors through, naming the file', () => {
    const result = processArticle('\n---\ntitle: Talks\ndate: 2023-08-07\n---\nBody\n', FILE);
    expect(result.article).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: FILE, line: 2 })]);
  });

  it('handles a file saved with a BOM and Windows line endings', () => {
    const article = ok('\uFEFF---\r\ntitle: Talks\r\ndate: 2023-08-07\r\n---\r\nFirst paragraph.\r\n\r\nSecond.\r\n');
    expect(article.title).toBe('Talks');
    expect(article.summary).toBe('First paragraph.');
  });
});
