import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processArticle } from '../../src/archive/article.ts';
import { splitFrontmatter } from '../../src/archive/frontmatter.ts';
import {
  convertFile,
  dateFromFileName,
  importDate,
  parseCsv,
  plainText,
  teamFromCsv,
  type ImportLookups,
} from '../../scripts/import/rules.ts';
import { renderArticleFile, yamlString } from '../../scripts/import/article-file.ts';
import { stripTemplates } from '../../scripts/import/templates.ts';
import { detectFormat, formatReport, importArchive, main } from '../../scripts/import.ts';
import { tempDir } from '../helpers/temp.ts';

function tree(files: Record<string, string | Buffer>): string {
  const root = tempDir('import-test');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('text', () => {
  it('decodes numeric and common named entities, and leaves unknown ones', () => {
    expect(plainText('IRS Offers Updated &#8216;IRS2Go&#8217; App &mdash; &amp; &#x41; &space; &nosuch;').text).toBe('IRS Offers Updated ‘IRS2Go’ App — & A &space; &nosuch;');
    expect(plainText('Russell O&#39;Neill, Jos&eacute;').text).toBe("Russell O'Neill, José");
  });

  it('makes one clean line of a title: tags, zero-width quotes, folded newlines, control characters', () => {
    expect(plainText('Content design and <em>and</em> the ADA')).toEqual({ text: 'Content design and and the ADA', hadTags: true });
    expect(plainText('\u200b"Want to Expand Your Innovation Base?"')).toEqual({ text: 'Want to Expand Your Innovation Base?', hadTags: false });
    expect(plainText('Andrew Hyder award\n').text).toBe('Andrew Hyder award');
    expect(plainText('  O*NET \u0007today ').text).toBe('O*NET today');
    expect(plainText('The "quoted" word').text).toBe('The "quoted" word');
    expect(plainText(2016).text).toBe('2016');
    expect(plainText(null).text).toBe('');
  });

  it('quotes YAML so that nothing in a text changes what YAML reads', () => {
    for (const text of ['Hun Sen: "No"', "it's #1", '- [a, b]', '*bold* & {x}', 'back\\slash', 'line\nbreak', 'control \u0085 \u009f', 'yes', '2023-08-07', '']) {
      const split = splitFrontmatter(`---\ntitle: ${yamlString(text)}\n---\n`, 'x.md');
      expect(split.ok && split.value.data['title'], JSON.stringify(text)).toBe(text);
    }
  });
});

describe('importDate', () => {
  it.each([
    ['2015-03-02 10:00:16 -0400', '2015-03-02', '2015-03-02T10:00:16-04:00'],
    ['2014-02-20 9:01:19 -0400', '2014-02-20', '2014-02-20T09:01:19-04:00'],
    ['2019-12-31 22:00:00 -0500', '2019-12-31', '2019-12-31T22:00:00-05:00'],
    ['2015-03-17 14:00:00 -4', '2015-03-17', '2015-03-17T14:00:00-04:00'],
    ['2014-03-19T10:14:29-04:00', '2014-03-19', '2014-03-19T10:14:29-04:00'],
    ['2020-07-07T00:00:00.000Z', '2020-07-07', '2020-07-07T00:00:00Z'],
    ['2019-11-04 14:30:00', '2019-11-04', undefined],
    ['2014-09-08 ', '2014-09-08', undefined],
    ['2015-1-6', '2015-01-06', undefined],
  ])('%s is the calendar date %s', (input, date, dateTime) => {
    expect(importDate(input)).toEqual({ ok: true, date, ...(dateTime ? { dateTime } : {}) });
  });

  it('rejects what is not a date, with a reason', () => {
    expect(importDate('2023-02-30')).toEqual({ ok: false, reason: '"2023-02-30" is not a real calendar day' });
    expect(importDate('last Tuesday')).toEqual({ ok: false, reason: '"last Tuesday" is not a date' });
    expect(importDate(['2023-01-01'])).toEqual({ ok: false, reason: 'the date is a list, not a date' });
    expect(importDate(new Date(Date.UTC(2014, 8, 8)))).toEqual({ ok: true, date: '2014-09-08' });
  });

  it('reads Jekyll file-name dates, padded', () => {
    expect(dateFromFileName('2024-12-5-18f-project-defaults')).toBe('2024-12-05');
    expect(dateFromFileName('2014-09-25-design-studio-onrr.md')).toBe('2014-09-25');
    expect(dateFromFileName('022022-02-11-typo')).toBeUndefined();
    expect(dateFromFileName('2023-02-30-not-a-day')).toBeUndefined();
  });
});

describe('records', () => {
  it('reads CSV with quoted commas, doubled quotes and JSON in a cell', () => {
    expect(parseCsv('id,name\nmattchessen,"Matt Chessen, Department of State"\nx,"say ""hi"""\r\ny,"[""/a/"",""/b/""]"\n')).toEqual([
      ['id', 'name'],
      ['mattchessen', 'Matt Chessen, Department of State'],
      ['x', 'say "hi"'],
      ['y', '["/a/","/b/"]'],
    ]);
  });

  it('maps 18F team members to display names, and last-name-less rows to organisations', () => {
    const team = teamFromCsv(
      'id,first_name,last_name,full_name,redirect_from\n18F,18F,,18F,/team/18F/\naaron,Aaron,Snow,,/team/aaron/\nmattchessen,Matt,Chessen,"Matt Chessen, Department of State",\ngramirez,Gabriel,Ramírez,,\n',
    );
    expect([...team]).toEqual([
      ['18F', { name: '18F', kind: 'organisations' }],
      ['aaron', { name: 'Aaron Snow', kind: 'people' }],
      ['mattchessen', { name: 'Matt Chessen, Department of State', kind: 'people' }],
      ['gramirez', { name: 'Gabriel Ramírez', kind: 'people' }],
    ]);
  });
});

describe('stripTemplates', () => {
  it('removes Hugo shortcodes, keeps the text of links that pointed at one, and counts them', () => {
    const body = [
      '[{{< legacy-img src="2014/02/a.jpg" alt="A" >}}](https://s3.example/a.jpg)There is text.',
      'Read about [personas]({{< ref "/topics/research" >}}) and [more]({{< ref "/x" >}} "title").',
      '{{< note >}}',
      'A **note**.',
      '{{< /note >}}',
      '{{< accordion title="Transcript" >}}Speaker: hello{{< /accordion >}}',
      'Literal: {{</* img src="x" */>}}; Go template kept: {{ .Title }}',
    ].join('\n');
    const { body: out, removed } = stripTemplates(body, 'hugo');
    expect(out).toBe(
      ['There is text.', 'Read about personas and more.', '', 'A **note**.', '', 'Speaker: hello', 'Literal: {{< img src="x" >}}; Go template kept: {{ .Title }}'].join('\n'),
    );
    expect(removed).toEqual({ 'legacy-img': 1, ref: 2, note: 2, accordion: 2 });
  });

  it('removes Liquid tags and expressions, keeps raw blocks and resolves team links', () => {
    const lookups: ImportLookups = { team: new Map([['melody', { name: 'Melody Kramer', kind: 'people' }]]) };
    const body = [
      'Thanks to {{ "melody" | team_link }} and {{"nobody"|team_link}}.',
      'Our [home page]({{ "/" | url }}) and [blog]({{ site.baseurl }}/blog/).',
      '{% image "assets/blog/x.jpg" "alt text" %}',
      '{% comment %}hidden {{ x }}{% endcomment %}Shown.',
      'Braces: {% raw %}{{{% endraw %} name }} and {% raw %}{% if %}{% endraw %}',
      '{% for a in b %}{{ a }}{% endfor %}',
      '{{ "melody" | team_photo }}',
    ].join('\n');
    const { body: out, removed } = stripTemplates(body, 'jekyll', lookups);
    expect(out).toBe(['Thanks to Melody Kramer and nobody.', 'Our home page and blog.', '', 'Shown.', 'Braces: {{ name }} and {% if %}', '', ''].join('\n'));
    expect(removed).toEqual({ team_link: 2, url: 1, 'site.baseurl': 1, image: 1, comment: 1, raw: 2, for: 1, endfor: 1, a: 1, team_photo: 1 });
  });
});

describe('renderArticleFile', () => {
  it('writes the contract’s keys in order, only what is given (or everything, for new articles)', () => {
    const fields = { title: 'T: "x"', date: '2023-08-07T10:00:00-04:00', summary: 'S', people: ['A'], tags: [], draft: true };
    expect(renderArticleFile(fields, '\n\nBody.\n\n')).toBe('---\ntitle: "T: \\"x\\""\ndate: 2023-08-07T10:00:00-04:00\nsummary: "S"\npeople:\n  - "A"\ndraft: true\n---\nBody.\n');
    const complete = renderArticleFile({ title: 'T', date: '2023-08-07' }, '', { complete: true });
    expect(complete).toBe(
      '---\ntitle: "T"\ndate: 2023-08-07\n# summary: "One sentence (optional: otherwise the first paragraph is used)"\n# source: "The publication it comes from (optional)"\npeople: []\norganisations: []\nevents: []\nplaces: []\ntags: []\ndraft: false\n---\n',
    );
    expect(processArticle(complete, 'content/articles/t.md').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('convertFile: Hugo', () => {
  const lookups: ImportLookups = {
    authors: new Map([
      ['bbrantley', 'Bill Brantley'],
      ['russell-oneill', "Russell O'Neill"],
    ]),
    topics: new Map([
      ['mobile', 'Mobile'],
      ['social-media', 'Social Media'],
    ]),
    sources: new Map([['usagov', 'USA.gov']]),
  };
  const post = [
    '---',
    'slug: 124062',
    'date: 2019-12-31 22:00:00 -0500',
    "title: 'IRS Offers Updated &#8216;IRS2Go&#8217; App '",
    'summary: ',
    "deck: 'The deck &#8212; here'",
    'authors:',
    '  - bbrantley',
    '  - russell-oneill',
    '  - ghost',
    '  - ""',
    'topics:',
    '  - mobile',
    '  - social media',
    '  - mobile',
    'source: usagov',
    'source_url: https://www.usa.gov/x',
    'draft: true',
    'expirydate: 2025-01-01',
    'weight: 3',
    '---',
    '',
    '{{< img src="x" >}}Body with [a link]({{< ref "/topics/mobile" >}}).',
  ].join('\n');

  it('keeps names that differ only in symbols, dropping only true repeats', () => {
    const text = ['---', 'title: T', 'date: 2019-12-31', 'topics:', '  - C++', '  - C#', '  - c++', '---', 'Text.'].join('\n');
    const result = convertFile(text, '2019/t.md', { format: 'hugo' });
    expect(result.ok && result.fields.tags).toEqual(['C++', 'C#']);
  });

  it('maps title, date, summary, people, tags, source, url and draft onto the contract', () => {
    const result = convertFile(post, '2019/12/2019-12-04-124062.md', { format: 'hugo', lookups });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.path).toBe('articles/2019/2019-12-31-124062.md');
    expect(result.fields).toEqual({
      title: 'IRS Offers Updated ‘IRS2Go’ App',
      date: '2019-12-31T22:00:00-05:00',
      updated: undefined,
      summary: 'The deck — here',
      source: 'USA.gov',
      url: 'https://www.usa.gov/x',
      people: ['Bill Brantley', "Russell O'Neill", 'ghost'],
      organisations: [],
      tags: ['Mobile', 'Social Media'],
      draft: true,
    });
    expect(result.warnings.map((w) => w.kind)).toEqual(['unknown-author', 'templates']);
    expect(result.warnings[1]!.message).toBe('removed or replaced 2 Hugo shortcodes (img ×1, ref ×1): what they made (images, embeds, links) is not imported');
    expect(result.droppedKeys).toEqual(['expirydate', 'weight']);
    const article = processArticle(result.text, `content/${result.path}`);
    expect(article.diagnostics).toEqual([]);
    expect(article.article).toMatchObject({ title: 'IRS Offers Updated ‘IRS2Go’ App', date: { date: '2019-12-31' }, draft: true, slug: '2019-12-31-124062' });
    expect(article.article?.html).toBe('<p>Body with a link.</p>');
  });

  it('rejects duplicated keys, blank lines before the frontmatter, and posts without a title or date, each with its reason', () => {
    const reject = (text: string) => {
      const r = convertFile(text, 'x.md', { format: 'hugo' });
      return r.ok ? 'imported' : r.reason;
    };
    expect(reject('---\ntitle: A\ndate: 2015-01-01\nexpirydate: 2025-01-01\nexpirydate: 2025-01-01\n---\nText.')).toBe(
      'the frontmatter is not valid YAML: duplicated mapping key (line 5): a key is written twice: keep one of the two lines',
    );
    expect(reject('\n\n---\ntitle: A\ndate: 2015-01-01\n---\nText.')).toBe('the frontmatter does not start on the first line (line 3): remove the 2 blank lines above the opening ---');
    expect(reject('---\ndate: 2015-01-01\n---\nText.')).toBe('no title: the frontmatter has no "title"');
    expect(reject('---\ntitle: A\n---\nText.')).toBe('no date at all: the frontmatter has no "date"');
    expect(reject('---\ntitle: A\ndate: 2015-02-30 10:00:00 -0400\n---\nText.')).toBe('date: "2015-02-30" is not a real calendar day');
    expect(reject('Just text, no frontmatter.')).toBe('the file has no frontmatter (line 1): start it with a --- line, the title and date, and a closing --- line');
    expect(reject('')).toMatch(/^the file is empty/);
  });

  it('takes the address from the slug, else the file name (decoded), else the title', () => {
    const path = (text: string, file: string) => {
      const r = convertFile(text, file, { format: 'hugo' });
      return r.ok ? r.path : r.reason;
    };
    expect(path('---\ntitle: A\ndate: 2016-11-29\n---\n', '2016/11/2016-11-29-health-it-services-sin%e2%80%8a-%e2%80%8aready.md')).toBe('articles/2016/2016-11-29-health-it-services-sin-ready.md');
    expect(path('---\ntitle: A\ndate: 2021-12-15\nslug: "GSA’s FedRAMP"\n---\n', 'x.md')).toBe('articles/2021/2021-12-15-gsas-fedramp.md');
    expect(path('---\ntitle: "Search, Buscar, Поиск"\ndate: 2015-08-31\n---\n', '___.md')).toBe('articles/2015/2015-08-31-search-buscar.md');
  });
});

describe('convertFile: Hugo TOML and JSON frontmatter', () => {
  const convert = (text: string, format: 'hugo' | 'jekyll' = 'hugo') => convertFile(text, '2019/12/harbour-lamps.md', { format });
  const reasonOf = (text: string, format: 'hugo' | 'jekyll' = 'hugo') => {
    const result = convert(text, format);
    return result.ok ? 'imported' : result.reason;
  };
  const yamlPost = [
    '---',
    'title: "Harbour lamps &amp; the <em>keepers</em>"',
    'date: 2019-12-31',
    'description: "The deck"',
    'authors: [mara]',
    'tags: [lamps, "port ellery"]',
    'draft: true',
    'weight: 3',
    '---',
    '',
    'The lamps were lit.',
  ].join('\n');
  const tomlPost = [
    '+++',
    'title = "Harbour lamps &amp; the <em>keepers</em>"',
    'date = 2019-12-31',
    'description = "The deck"',
    'authors = ["mara"]',
    'tags = ["lamps", "port ellery"]',
    'draft = true',
    'weight = 3',
    '[params]',
    'image = "x.png"',
    '+++',
    '',
    'The lamps were lit.',
  ].join('\n');
  const jsonPost = [
    '{',
    '  "title": "Harbour lamps &amp; the <em>keepers</em>",',
    '  "date": "2019-12-31",',
    '  "description": "The deck",',
    '  "authors": ["mara"],',
    '  "tags": ["lamps", "port ellery"],',
    '  "draft": true,',
    '  "weight": 3',
    '}',
    '',
    'The lamps were lit.',
  ].join('\n');

  it('reads TOML between +++ lines and a JSON object as data, into the same article as YAML, written as YAML', () => {
    const fromYaml = convert(yamlPost);
    const fromToml = convert(tomlPost);
    const fromJson = convert(jsonPost);
    expect(fromYaml.ok && fromToml.ok && fromJson.ok).toBe(true);
    if (!fromYaml.ok || !fromToml.ok || !fromJson.ok) return;
    expect(fromToml.text).toBe('---\ntitle: "Harbour lamps & the keepers"\ndate: 2019-12-31\nsummary: "The deck"\npeople:\n  - "mara"\ntags:\n  - "lamps"\n  - "port ellery"\ndraft: true\n---\nThe lamps were lit.\n');
    expect(fromJson.text).toBe(fromToml.text);
    expect(fromYaml.text).toBe(fromToml.text);
    expect(fromToml.warnings.map((w) => w.kind)).toEqual(['title-html']);
    expect(fromToml.droppedKeys).toEqual(['weight', 'params']);
    expect(fromJson.droppedKeys).toEqual(['weight']);
    expect(processArticle(fromToml.text, `content/${fromToml.path}`).diagnostics).toEqual([]);
  });

  it('keeps a TOML date with an offset as written: the calendar day and time the author wrote', () => {
    const result = convert('+++\ntitle = "Late edition"\ndate = 2023-08-07T23:30:00-10:00\nlastmod = 2023-08-08T00:15:00+07:00\n+++\nText.');
    expect(result.ok && result.path).toBe('articles/2023/2023-08-07-harbour-lamps.md');
    expect(result.ok && result.text).toContain('\ndate: 2023-08-07T23:30:00-10:00\nupdated: 2023-08-08T00:15:00+07:00\n');
    const local = convert('+++\ntitle = "Local"\ndate = 2023-08-07T23:30:00\n+++\nText.');
    expect(local.ok && local.fields.date).toBe('2023-08-07');
  });

  it('rejects broken TOML and JSON, naming the line of the file', () => {
    expect(reasonOf('+++\ntitle = "A"\ndate = 2019-12-31\ntags = ["a", "b"\n+++\nText.')).toBe(
      'the frontmatter is not valid TOML: expected comma or end of structure (line 4): check the quoting on that line: text is written "in quotes", lists as [ "a", "b" ]',
    );
    expect(reasonOf('+++\ntitle = "A"\ndate = 2019-12-31\n')).toBe('the TOML frontmatter is never closed (line 1): add a +++ line after the last frontmatter key');
    expect(reasonOf('{\n  "title": "J",\n  "date": "2019-12-31",\n  tags: ["a"]\n}\nBody.')).toBe(
      'the frontmatter is not valid JSON: Expected double-quoted property name (line 4): check the quoting and commas on that line: keys and text are written "in double quotes"',
    );
    expect(reasonOf('{\n  "title": "J } {",\n  "date": "2019-12-31"\n')).toBe('the JSON frontmatter is never closed (line 1): end the object with a } that matches its first {');
  });

  it('keeps code-like TOML values as text, and refuses a +++ header that is code, without running it', () => {
    const marker = join(tempDir('import-toml-code'), 'ran');
    const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;
    const text = convert(`+++\ntitle = ${JSON.stringify(code)}\nsummary = "\${process.exit(1)} \`rm -rf /\`"\ndate = 2023-05-01\n+++\nText.`);
    expect(text.ok && text.fields).toMatchObject({ title: code, summary: '${process.exit(1)} `rm -rf /`' });
    expect(reasonOf(`+++\ntitle = (${code}, "Harmless title")\ndate = 2023-05-01\n+++\nText.`)).toMatch(/^the frontmatter is not valid TOML: invalid value \(line 2\)/);
    expect(existsSync(marker)).toBe(false);
  });

  it('is YAML only for Jekyll, which has no TOML frontmatter', () => {
    expect(reasonOf(tomlPost, 'jekyll')).toMatch(/^the frontmatter is TOML \(between \+\+\+ lines\); only YAML frontmatter between --- lines is read \(line 1\)/);
  });
});

describe('convertFile: Jekyll', () => {
  const lookups: ImportLookups = {
    team: new Map([
      ['gramirez', { name: 'Gabriel Ramírez', kind: 'people' }],
      ['18F', { name: '18F', kind: 'organisations' }],
    ]),
  };

  it('takes a missing date from the file name and maps excerpt, tags and team ids', () => {
    const text = '---\ntitle: >\n  Design studio\nauthors:\n  - gramirez\n  - 18F\n  - nobody\t\t\ntags:\n  - how we work\n  - agile\nexcerpt: "<p>We kicked off &amp; learned.</p>"\nlayout: post\n---\nBody {{ "gramirez" | team_link }}.';
    const result = convertFile(text, '2014-9-25-Design_Studio.md', { format: 'jekyll', lookups });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.path).toBe('articles/2014/2014-09-25-design-studio.md');
    expect(result.fields).toMatchObject({ title: 'Design studio', date: '2014-09-25', summary: 'We kicked off & learned.', people: ['Gabriel Ramírez', 'nobody'], organisations: ['18F'], tags: ['how we work', 'agile'] });
    expect(result.text).toContain('Body Gabriel Ramírez.');
    expect(result.warnings.map((w) => w.message)).toEqual([
      'author "nobody" is not in team_members.csv: the id is used as the name',
      'removed or replaced 1 Liquid tag (team_link ×1): what they made (images, embeds, links) is not imported',
    ]);
  });

  it('rejects a post with no date in the frontmatter or the file name', () => {
    expect(convertFile('---\ntitle: A\n---\nText.', 'about.md', { format: 'jekyll' })).toEqual({
      ok: false,
      reason: 'no date at all: the frontmatter has no "date" and the file name does not start with one',
    });
  });

  it('warns when a key looks like text that lost its quotes', () => {
    const text = '---\ntitle: A\ndate: 2014-05-14\nexcerpt: <p>First.</p>\n<p>In the movies, hackers are criminals: a sentence</p>\n---\nText.';
    const result = convertFile(text, '2014-05-14-x.md', { format: 'jekyll' });
    expect(result.ok && result.warnings.map((w) => w.kind)).toEqual(['text-key']);
  });
});

describe('importArchive (scripts/import.ts)', () => {
  it('imports a Hugo site folder with its author, topic and source records, and reports every rejection', async () => {
    const site = tree({
      'content/authors/bbrantley/_index.md': '---\n# comment\ndisplay_name: "Bill Brantley "\nfirst_name: Bill\n---\n',
      'content/topics/mobile/_index.md': '+++\ntitle = "Mobile"\n+++\n',
      'content/sources/source_usagov.md': '---\nname: USA.gov\n---\n',
      'content/news/_index.md': '---\ntitle: News\n---\n',
      'content/news/2015/01/2015-01-01-a.md': '---\ntitle: A\ndate: 2015-01-01 9:00:00 -0400\nauthors: [bbrantley]\ntopics: [mobile]\nsource: usagov\n---\nText {{< img src="x" >}}.',
      'content/news/2015/01/2015-01-02-b.md': '---\ntitle: B\ndate: 2015-01-02\nslug: same\n---\nText.',
      'content/news/2015/01/2015-01-02-c.md': '---\ntitle: C\ndate: 2015-01-02\nslug: same\n---\nText.',
      'content/news/2015/01/2015-01-03-dup.md': '---\ntitle: D\ndate: 2015-01-03\ntitle: D again\n---\nText.',
      'content/news/2015/01/2015-01-04-latin1.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]),
      'content/news/2015/01/notes.txt': 'not markdown',
    });
    const out = join(site, 'archive');
    const report = await importArchive({ dir: join(site, 'content', 'news'), out });
    expect(report).toMatchObject({ format: 'hugo', files: 5, imported: 2, warned: 1, lookups: { authors: 1, topics: 1, sources: 1 } });
    expect(report.rejected).toEqual([
      { file: '2015/01/2015-01-02-c.md', reason: '2015/01/2015-01-02-b.md has the same date and address: both would be articles/2015/2015-01-02-same.md (/articles/2015-01-02-same/)' },
      { file: '2015/01/2015-01-03-dup.md', reason: 'the frontmatter is not valid YAML: duplicated mapping key (line 4): a key is written twice: keep one of the two lines' },
      { file: '2015/01/2015-01-04-latin1.md', reason: 'the file is not UTF-8 text' },
    ]);
    const a = readFileSync(join(out, 'articles', '2015', '2015-01-01-a.md'), 'utf8');
    expect(a).toBe('---\ntitle: "A"\ndate: 2015-01-01T09:00:00-04:00\nsource: "USA.gov"\npeople:\n  - "Bill Brantley"\ntags:\n  - "Mobile"\n---\nText .\n');
    expect(report.warningsByKind).toEqual([{ kind: 'templates', label: 'template tags removed from the body', files: 1 }]);
    const lines = formatReport(report, { shownDir: 'news' });
    expect(lines).toContain('news/2015/01/2015-01-03-dup.md: rejected: the frontmatter is not valid YAML: duplicated mapping key (line 4): a key is written twice: keep one of the two lines');
    expect(lines.at(-1)).toMatch(new RegExp(`^imported 2 of 5 posts \\(1 with warnings\\), rejected 3, into ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ ms\\)$`));

    // A second run into the same folder overwrites nothing.
    writeFileSync(join(out, 'articles', '2015', '2015-01-01-a.md'), 'edited by hand');
    const again = await importArchive({ dir: join(site, 'content', 'news'), out });
    expect(again.imported).toBe(0);
    expect(again.rejected.map((r) => r.reason)).toContain(`articles/2015/2015-01-01-a.md already exists in ${out}; it was left as it is`);
    expect(readFileSync(join(out, 'articles', '2015', '2015-01-01-a.md'), 'utf8')).toBe('edited by hand');
  });

  it('imports a Jekyll posts folder with its team_members.csv', async () => {
    const site = tree({
      'data/team_members.csv': 'id,first_name,last_name,full_name\ngramirez,Gabriel,Ramírez,\n',
      'content/posts/2024-12-5-defaults.md': '---\ntitle: Defaults\nauthors: [gramirez]\ntags: [agile]\n---\nText.',
    });
    const report = await importArchive({ dir: join(site, 'content', 'posts'), out: join(site, 'out') });
    expect(report).toMatchObject({ format: 'jekyll', imported: 1, rejected: [], lookups: { team: 1 } });
    expect(readFileSync(join(site, 'out', 'articles', '2024', '2024-12-05-defaults.md'), 'utf8')).toContain('people:\n  - "Gabriel Ramírez"\n');
  });

  it('tells Hugo from Jekyll by the site around the folder', () => {
    expect(detectFormat(tree({ '_posts/x.md': '' }) + '/_posts')?.format).toBe('jekyll');
    expect(detectFormat(join(tree({ '_config.yml': '', 'posts/x.md': '' }), 'posts'))?.format).toBe('jekyll');
    expect(detectFormat(join(tree({ 'hugo.toml': '', 'content/news/x.md': '' }), 'content', 'news'))?.format).toBe('hugo');
    expect(detectFormat(join(tree({ 'content/news/_index.md': '' }), 'content', 'news'))?.format).toBe('hugo');
  });

  it('the command prints the report and names the next steps; exits 2 on usage mistakes', async () => {
    const site = tree({ 'posts/2020-01-01-a.md': '---\ntitle: A\n---\nText.' });
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await main(['posts', '--from', 'jekyll', '--out', 'archive'], io, { INIT_CWD: site })).toBe(0);
    expect(out[0]).toBe('jekyll site (as given): 1 posts in posts');
    expect(out.at(-1)).toBe(`next: npm run check -- --content archive   and   ARCHIVE_CONTENT=${join(site, 'archive')} npm run build`);
    expect(existsSync(join(site, 'archive', 'articles', '2020', '2020-01-01-a.md'))).toBe(true);
    expect(await main(['posts', '--from', 'wordpress'], io, { INIT_CWD: site })).toBe(2);
    expect(err.at(-1)).toBe('error: --from must be hugo or jekyll, not "wordpress"');
    expect(await main([], io, { INIT_CWD: site })).toBe(2);
    expect(await main(['missing'], io, { INIT_CWD: site })).toBe(2);
    expect(err.at(-1)).toBe('error: there is no folder at ' + join(site, 'missing'));
    expect(readdirSync(site)).toEqual(['archive', 'posts']);
  });
});
