import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/archive/diagnostics.ts';
import { splitFrontmatter } from '../../src/archive/frontmatter.ts';
import { ARTICLE_KEYS, KEY_SYNONYMS, articleSchema, entitySchemas } from '../../src/archive/schema.ts';
import { validateFrontmatter } from '../../src/archive/validate.ts';

const FILE = 'content/articles/2023/talks.md';

/** Validates an article whose frontmatter lines are given (line 1 is the opening ---, so lines[0] is file line 2). */
function article(...lines: string[]) {
  const split = splitFrontmatter(`---\n${lines.join('\n')}\n---\nBody text.\n`, FILE);
  if (!split.ok) throw new Error(formatDiagnostic(split.diagnostic));
  return validateFrontmatter(split.value, articleSchema, FILE, KEY_SYNONYMS);
}

function entity(kind: keyof typeof entitySchemas, ...lines: string[]) {
  const file = `content/${kind}/x.md`;
  const split = splitFrontmatter(`---\n${lines.join('\n')}\n---\n`, file);
  if (!split.ok) throw new Error(formatDiagnostic(split.diagnostic));
  return validateFrontmatter(split.value, entitySchemas[kind], file);
}

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const warnings = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'warning');

describe('validateFrontmatter with the article schema', () => {
  it('accepts a complete article and fills in defaults', () => {
    const result = article(
      'title: "  Hun Sen and Nguyen Phu Trong pledge deeper ties "',
      'date: 2023-08-07',
      'updated: 2023-08-08T09:00:00+07:00',
      'summary: One sentence.',
      'source: The Phnom Penh Post',
      'url: https://example.com/story',
      'people: [Hun Sen, Nguyễn Phú Trọng]',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.diagnostics).toEqual([]);
    expect(result.data.title).toBe('Hun Sen and Nguyen Phu Trong pledge deeper ties');
    expect(result.data.date).toEqual({ date: '2023-08-07' });
    expect(result.data.updated).toEqual({ date: '2023-08-08', dateTime: '2023-08-08T09:00:00+07:00' });
    expect(result.data.people).toEqual(['Hun Sen', 'Nguyễn Phú Trọng']);
    expect(result.data.organisations).toEqual([]);
    expect(result.data.tags).toEqual([]);
    expect(result.data.draft).toBe(false);
  });

  it('reports a missing title as required, with a hint to add it', () => {
    const result = article('date: 2023-08-07');
    expect(result.ok).toBe(false);
    const [error] = errors(result.diagnostics);
    expect(error).toBeDefined();
    expect(error!.file).toBe(FILE);
    expect(error!.message).toMatch(/\btitle\b.*\brequired\b/);
    expect(error!.hint).toMatch(/title:/);
    expect(error!.line).toBe(1);
    expect(formatDiagnostic(error!)).toMatch(new RegExp(`^${FILE}:1:1: error: .*title.*required`));
  });

  it('reports a missing date and says how to write one', () => {
    const result = article('title: Talks');
    expect(result.ok).toBe(false);
    const messages = errors(result.diagnostics).map((d) => d.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/date/);
    expect(messages[0]).toMatch(/2023-08-07|required/);
  });

  it('requires the title to be text: a number or boolean is an error on its line, not silently converted', () => {
    for (const value of ['123', '2023', 'true', '1.5']) {
      const result = article('date: 2023-08-07', `title: ${value}`);
      expect(result.ok, `title: ${value}`).toBe(false);
      const [error] = errors(result.diagnostics);
      expect(error!.line).toBe(3);
      expect(error!.message).toMatch(/title/);
      expect(error!.message).toMatch(/text/);
      expect(error!.message).not.toMatch(/required/);
    }
    // Quoted, it is text.
    const quoted = article('date: 2023-08-07', 'title: "123"');
    expect(quoted.ok && quoted.data.title).toBe('123');
  });

  it('rejects an empty or blank title', () => {
    for (const value of ['""', '"   "']) {
      const result = article(`title: ${value}`, 'date: 2023-08-07');
      expect(result.ok).toBe(false);
      expect(errors(result.diagnostics)[0]!.message).toMatch(/title.*empty/);
      expect(errors(result.diagnostics)[0]!.line).toBe(2);
    }
  });

  it('reports every error with its own line, not only the first', () => {
    const result = article('title: 123', 'date: 2023-02-30', 'draft: maybe');
    expect(result.ok).toBe(false);
    const found = errors(result.diagnostics).map((d) => [d.line, d.message]);
    expect(found).toHaveLength(3);
    expect(found).toContainEqual([2, expect.stringMatching(/title/)]);
    expect(found).toContainEqual([3, expect.stringMatching(/2023-02-30.*not a real calendar day/)]);
    expect(found).toContainEqual([4, expect.stringMatching(/draft.*true or false/)]);
  });

  it('warns about an unknown key with a did-you-mean and its line, and keeps the article', () => {
    const result = article('title: Talks', 'date: 2023-08-07', 'peple: [Hun Sen]');
    expect(result.ok).toBe(true);
    const [warning] = warnings(result.diagnostics);
    expect(warning).toMatchObject({ severity: 'warning', file: FILE, line: 4, key: 'peple', suggestion: 'people' });
    expect(warning!.message).toMatch(/unknown key "peple"/);
    expect(warning!.hint).toMatch(/did you mean "people"\?/);
    expect(formatDiagnostic(warning!)).toMatch(new RegExp(`^${FILE}:4:1: warning: .*"peple".*did you mean "people"\\?`));
    // The misspelt list is not quietly read as people.
    expect(result.ok && result.data.people).toEqual([]);
  });

  it('lists the known keys when nothing is close to an unknown key', () => {
    const result = article('title: Talks', 'date: 2023-08-07', 'colour: blue');
    const [warning] = warnings(result.diagnostics);
    expect(warning!.line).toBe(4);
    expect(warning!.key).toBe('colour');
    expect(warning).not.toHaveProperty('suggestion');
    expect(warning!.hint).toMatch(/known keys: .*title.*people/);
  });

  it('warns (not errors) about unknown keys even when the article also has errors', () => {
    const result = article('date: 2023-08-07', 'titel: Talks');
    expect(result.ok).toBe(false);
    expect(warnings(result.diagnostics)[0]!.hint).toMatch(/"title"/);
    expect(errors(result.diagnostics)[0]!.message).toMatch(/title.*required/);
  });

  it('accepts `organizations` as `organisations`, without a warning', () => {
    const result = article('title: Talks', 'date: 2023-08-07', 'organizations: [Cambodian People\'s Party]');
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok && result.data.organisations).toEqual(["Cambodian People's Party"]);
  });

  it('counts both lists when a file has `organisations` and `organizations`', () => {
    const result = article('title: Talks', 'date: 2023-08-07', 'organisations: [ASEAN]', 'organizations: Communist Party of Vietnam');
    expect(result.ok && result.data.organisations).toEqual(['ASEAN', 'Communist Party of Vietnam']);
  });

  it('reports a problem in `organizations` on the line the editor wrote it', () => {
    const result = article('title: Talks', 'date: 2023-08-07', 'tags: [x]', 'organizations: [ASEAN, ""]');
    expect(result.ok).toBe(false);
    const [error] = errors(result.diagnostics);
    expect(error!.line).toBe(5);
    expect(error!.message).toMatch(/organisations/);
  });

  it('accepts a single name where a list is expected', () => {
    const result = article('title: Talks', 'date: 2023-08-07', 'people: Hun Sen', 'places: Cambodia');
    expect(result.ok && result.data.people).toEqual(['Hun Sen']);
    expect(result.ok && result.data.places).toEqual(['Cambodia']);
  });

  it('reads numbers in name lists as text and tidies white space in names', () => {
    const result = article('title: Talks', 'date: 2023-08-07', 'tags: [2023, diplomacy]', 'people: ["  Hun   Sen "]');
    expect(result.ok && result.data.tags).toEqual(['2023', 'diplomacy']);
    expect(result.ok && result.data.people).toEqual(['Hun Sen']);
  });

  it('rejects empty names, nested lists and maps in name lists, naming the key and line', () => {
    const empty = article('title: Talks', 'date: 2023-08-07', 'people: [Hun Sen, ""]');
    expect(empty.ok).toBe(false);
    expect(errors(empty.diagnostics)[0]).toMatchObject({ line: 4, message: expect.stringMatching(/people/) });

    for (const value of ['[[Hun Sen, Hun Manet]]', '{ name: Hun Sen }', '[Hun Sen, true]']) {
      const bad = article('title: Talks', 'date: 2023-08-07', `people: ${value}`);
      expect(bad.ok, value).toBe(false);
      expect(errors(bad.diagnostics)[0]).toMatchObject({ line: 4, message: expect.stringMatching(/people.*name/) });
    }
  });

  it('names each wrong item of a list of names by its place, counted from 1, with what to write', () => {
    const result = article('title: Talks', 'date: 2023-08-07', 'tags: [2023, true, null, [a], { a: b }]', 'people: [Hun Sen, " "]');
    expect(errors(result.diagnostics).map((d) => [d.line, d.message, d.hint])).toEqual([
      [5, '"people" item 2: a name must not be empty', undefined],
      [4, '"tags" item 2 is true, not a name', 'write it in quotes, "true", if it is a name, or remove it'],
      [4, '"tags" item 3 is empty', 'write a name there, or remove the empty item'],
      [4, '"tags" item 4 is a list, not a name', 'write the names as one flat list: tags: [A, B]'],
      [4, '"tags" item 5 is a set of keys and values, not a name', 'put a name with a colon in it in quotes: "Name: subtitle"'],
    ]);
  });

  it('says an empty frontmatter is empty and what to write, in one finding', () => {
    for (const header of ['', '# a comment only']) {
      const split = splitFrontmatter(`---\n${header}${header ? '\n' : ''}---\nBody.\n`, FILE);
      if (!split.ok) throw new Error(formatDiagnostic(split.diagnostic));
      const result = validateFrontmatter(split.value, articleSchema, FILE, KEY_SYNONYMS);
      expect(result.diagnostics.map(formatDiagnostic), header).toEqual([
        `${FILE}:1:1: error: the frontmatter is empty (write the keys between the --- lines, one a line: title: "…", then date: 2023-08-07)`,
      ]);
    }
  });

  it('reads draft as a boolean and rejects other values', () => {
    const draft = article('title: Talks', 'date: 2023-08-07', 'draft: true');
    expect(draft.ok && draft.data.draft).toBe(true);
    const bad = article('title: Talks', 'date: 2023-08-07', 'draft: yes');
    expect(bad.ok).toBe(false);
    expect(errors(bad.diagnostics)[0]).toMatchObject({ line: 4, message: expect.stringMatching(/draft.*true or false/) });
  });

  it('checks explicit slugs and URLs', () => {
    const slug = article('title: Talks', 'date: 2023-08-07', 'slug: hun-sen-talks');
    expect(slug.ok && slug.data.slug).toBe('hun-sen-talks');
    const badSlug = article('title: Talks', 'date: 2023-08-07', 'slug: Hun Sen Talks');
    expect(badSlug.ok).toBe(false);
    expect(errors(badSlug.diagnostics)[0]).toMatchObject({ line: 4, message: expect.stringMatching(/slug.*lowercase/) });
    const badUrl = article('title: Talks', 'date: 2023-08-07', 'url: www.example.com');
    expect(badUrl.ok).toBe(false);
    expect(errors(badUrl.diagnostics)[0]).toMatchObject({ line: 4, message: expect.stringMatching(/url.*http/) });
  });

  it('ignores __proto__ and constructor keys with a warning, without touching prototypes', () => {
    const result = article('title: Talks', 'date: 2023-08-07', '__proto__: { draft: true, polluted: 1 }', 'constructor: x');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.draft).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(warnings(result.diagnostics).map((d) => d.line)).toEqual([4, 5]);
  });

  it('knows every key of the contract', () => {
    expect([...ARTICLE_KEYS].sort()).toEqual(
      ['author', 'date', 'draft', 'events', 'organisations', 'people', 'places', 'quotes', 'slug', 'source', 'summary', 'tags', 'title', 'updated', 'url'].sort(),
    );
    expect(KEY_SYNONYMS.organizations).toBe('organisations');
  });
});

describe('validateFrontmatter with the entity schemas', () => {
  it('requires a name', () => {
    const result = entity('people', 'aliases: [Samdech Hun Sen]');
    expect(result.ok).toBe(false);
    expect(errors(result.diagnostics)[0]!.message).toMatch(/\bname\b.*\brequired\b/);
  });

  it('says what an empty entity file needs', () => {
    expect(entity('people').diagnostics.map((d) => [d.message, d.hint])).toEqual([['the frontmatter is empty', 'write the keys between the --- lines, one a line: name: "…"']]);
  });

  it('accepts a single alias as a list and tidies names', () => {
    const result = entity('people', 'name: "  Hun   Sen "', 'aliases: Samdech Hun Sen', 'role: Prime Minister');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.name).toBe('Hun Sen');
    expect(result.data.aliases).toEqual(['Samdech Hun Sen']);
    expect((result.data as { role?: string }).role).toBe('Prime Minister');
  });

  it('checks language tags and Wikidata ids', () => {
    const good = entity('people', 'name: Hun Sen', 'names: { km: ហ៊ុន សែន }', 'wikidata: Q57657');
    expect(good.ok && good.data.names).toEqual({ km: 'ហ៊ុន សែន' });
    const badTag = entity('people', 'name: Hun Sen', 'names: { Khmer: ហ៊ុន សែន }');
    expect(badTag.ok).toBe(false);
    expect(errors(badTag.diagnostics)[0]!.line).toBe(3);
    const badId = entity('people', 'name: Hun Sen', 'wikidata: 57657');
    expect(badId.ok).toBe(false);
    expect(errors(badId.diagnostics)[0]!.line).toBe(3);
  });

  it('warns about a field of another kind', () => {
    const result = entity('organisations', 'name: ASEAN', 'role: bloc');
    expect(result.ok).toBe(true);
    expect(warnings(result.diagnostics)[0]).toMatchObject({ line: 3, message: expect.stringMatching(/"role"/) });
  });

  it('reads event dates as calendar dates and rejects impossible ones', () => {
    const good = entity('events', 'name: Election', 'start: 2023-07-23', 'end: 2023-07-24');
    expect(good.ok && (good.data as { start?: unknown }).start).toEqual({ date: '2023-07-23' });
    const bad = entity('events', 'name: Election', 'start: 2023-07-23', 'end: 2023-02-30');
    expect(bad.ok).toBe(false);
    expect(errors(bad.diagnostics)[0]).toMatchObject({ line: 4, message: expect.stringMatching(/2023-02-30/) });
  });
});
