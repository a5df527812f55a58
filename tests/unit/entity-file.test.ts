import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/archive/diagnostics.ts';
import { processEntityFile } from '../../src/archive/entity-file.ts';

describe('processEntityFile', () => {
  it('reads a person with aliases, names in other languages, role and description', () => {
    const result = processEntityFile(
      '---\nname: Hun Sen\naliases: [Samdech Hun Sen, Samdech Techo Hun Sen]\nnames: { km: ហ៊ុន សែន }\nrole: Prime Minister of Cambodia\nwikidata: Q57657\n---\nPrime minister from *1985* to 2023.\n',
      'content/people/hun-sen.md',
      'people',
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.entity).toEqual({
      file: 'content/people/hun-sen.md',
      kind: 'people',
      slug: 'hun-sen',
      name: 'Hun Sen',
      aliases: ['Samdech Hun Sen', 'Samdech Techo Hun Sen'],
      names: { km: 'ហ៊ុន សែន' },
      wikidata: 'Q57657',
      facts: { role: 'Prime Minister of Cambodia' },
      html: '<p>Prime minister from <em>1985</em> to 2023.</p>',
    });
  });

  it('derives the slug from the name, folding diacritics and apostrophes', () => {
    const person = processEntityFile('---\nname: "Nguyễn Phú Trọng"\n---\n', 'content/people/nguyen-phu-trong.md', 'people');
    expect(person.entity?.slug).toBe('nguyen-phu-trong');
    const party = processEntityFile('---\nname: Cambodian People’s Party\nabbreviation: CPP\n---\n', 'content/organisations/cpp.md', 'organisations');
    expect(party.entity?.slug).toBe('cambodian-peoples-party');
    expect(party.entity?.facts).toEqual({ abbreviation: 'CPP' });
  });

  it('keeps a Khmer-only name in a Khmer slug', () => {
    const result = processEntityFile('---\nname: ហ៊ុន សែន\n---\n', 'content/people/x.md', 'people');
    expect(result.entity?.slug).toBe('ហ៊ុន-សែន');
  });

  it('uses an explicit slug', () => {
    const result = processEntityFile('---\nname: Communist Party of Vietnam\nslug: cpv\n---\n', 'content/organisations/cpv.md', 'organisations');
    expect(result.entity?.slug).toBe('cpv');
  });

  it('reads event dates as calendar dates', () => {
    const result = processEntityFile(
      '---\nname: 2023 Cambodian general election\nstart: 2023-07-23\nend: 2023-07-23\nlocation: Cambodia\n---\n',
      'content/events/election.md',
      'events',
    );
    expect(result.entity?.facts).toEqual({ start: { date: '2023-07-23' }, end: { date: '2023-07-23' }, location: 'Cambodia' });
  });

  it('has an empty description when the body is empty', () => {
    const result = processEntityFile('---\nname: Cambodia\n---\n\n  \n', 'content/places/cambodia.md', 'places');
    expect(result.entity?.html).toBe('');
  });

  it('sanitises the description', () => {
    const result = processEntityFile('---\nname: Cambodia\n---\nA <script>alert(1)</script> [kingdom](javascript:alert(2)).\n', 'content/places/cambodia.md', 'places');
    expect(result.entity?.html).not.toMatch(/script|javascript:|alert/);
    expect(result.entity?.html).toContain('kingdom');
  });

  it('reports a missing name, naming the file', () => {
    const result = processEntityFile('---\naliases: [Samdech Hun Sen]\n---\n', 'content/people/hun-sen.md', 'people');
    expect(result.entity).toBeUndefined();
    expect(formatDiagnostic(result.diagnostics[0]!)).toMatch(/^content\/people\/hun-sen\.md:1:1: error: .*\bname\b.*\brequired\b/);
  });

  it('reports a name that gives no slug, on the name line', () => {
    const result = processEntityFile('---\naliases: [x]\nname: "!!!"\n---\n', 'content/people/x.md', 'people');
    expect(result.entity).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', file: 'content/people/x.md', line: 3 });
    expect(result.diagnostics[0]!.hint).toMatch(/slug/);
  });

  it('warns about unknown keys with a did-you-mean and keeps the entity', () => {
    const result = processEntityFile('---\nname: Hun Sen\nalias: [Samdech Hun Sen]\n---\n', 'content/people/hun-sen.md', 'people');
    expect(result.entity).toBeDefined();
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', line: 3 });
    expect(result.diagnostics[0]!.hint).toMatch(/did you mean "aliases"/);
  });

  it('passes frontmatter errors through', () => {
    const result = processEntityFile('name: Hun Sen\n', 'content/people/hun-sen.md', 'people');
    expect(result.entity).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', file: 'content/people/hun-sen.md', message: expect.stringMatching(/no frontmatter/) });
  });
});
