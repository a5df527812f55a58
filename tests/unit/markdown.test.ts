import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/archive/markdown.ts';
import { renderMarkdown, treeOf } from '../helpers/markdown.ts';
import remarkNews from '../../src/archive/remark-news.ts';

describe('renderMarkdown: sanitising', () => {
  it('removes <script> elements and their content', () => {
    const { html } = renderMarkdown('Hello <script>alert("x")</script> world\n\n<script>\nfetch("/steal")\n</script>\n\nAfter.');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('alert');
    expect(html).not.toContain('steal');
    expect(html).toContain('Hello');
    expect(html).toContain('<p>After.</p>');
  });

  it('removes event-handler attributes and keeps the element content', () => {
    const { html } = renderMarkdown('<div onclick="alert(1)" onmouseover="alert(2)">Click</div>\n\n<img src="https://example.com/a.png" alt="A" onerror="alert(3)">');
    expect(html).not.toMatch(/\bon\w+=/i);
    expect(html).not.toContain('alert');
    expect(html).toContain('Click');
    expect(html).toContain('src="https://example.com/a.png"');
  });

  it('removes javascript: URLs from Markdown and HTML links, whatever their case or encoding', () => {
    for (const source of [
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '<a href="javascript:alert(1)">click</a>',
      '<a href="java&#x09;script:alert(1)">click</a>',
      '<a href="&#106;avascript:alert(1)">click</a>',
    ]) {
      const { html } = renderMarkdown(source);
      expect(html, source).not.toMatch(/javascript:/i);
      expect(html, source).not.toContain('alert');
      expect(html, source).toContain('click');
    }
  });

  it('keeps ordinary links', () => {
    const { html } = renderMarkdown('[Post](https://example.com/story) and [mail](mailto:desk@example.com)');
    expect(html).toContain('href="https://example.com/story"');
    expect(html).toContain('href="mailto:desk@example.com"');
  });

  it('removes iframes, object and form elements', () => {
    const { html } = renderMarkdown('<iframe src="https://evil.example"></iframe>\n\n<object data="x"></object>\n\n<form action="/x"><input name="a" type="text"></form>');
    expect(html).not.toMatch(/<iframe|<object|<form|action=/i);
    // GitHub's allow-list keeps <input> only as a disabled checkbox (task lists).
    expect(html).not.toMatch(/type="text"/);
    for (const input of html.match(/<input[^>]*>/g) ?? []) expect(input).toMatch(/disabled.*type="checkbox"|type="checkbox".*disabled/);
  });

  it('keeps raw safe HTML such as <em>, <strong> and <sup>', () => {
    const { html } = renderMarkdown('Some <em>raw</em> and <strong>bold</strong> x<sup>2</sup> text');
    expect(html).toBe('<p>Some <em>raw</em> and <strong>bold</strong> x<sup>2</sup> text</p>');
  });

  it('prefixes ids from raw HTML so they cannot clobber the page', () => {
    const { html } = renderMarkdown('<p id="main">x</p>');
    expect(html).toContain('id="user-content-main"');
  });
});

describe('renderMarkdown: Markdown', () => {
  it('renders GFM tables', () => {
    const { html } = renderMarkdown('| Party | Seats |\n|---|---:|\n| CPP | 120 |\n| FUNCINPEC | 5 |\n');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<th>Party<\/th>/);
    expect(html).toMatch(/<td>CPP<\/td>/);
    expect(html).toMatch(/<td[^>]*>120<\/td>/);
    expect(html).toContain('FUNCINPEC');
  });

  it('renders GFM strikethrough and footnotes, and <…> autolinks but not bare URLs (kept out for speed)', () => {
    const { html } = renderMarkdown('~~old~~ see <https://example.com> or https://example.org[^1]\n\n[^1]: A note.');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.com">https://example.com</a>');
    expect(html).toContain('or https://example.org<sup>');
    expect(html).toContain('A note.');
  });

  it('links every footnote reference to its note and back, through the ids the sanitiser prefixes', () => {
    const { html } = renderMarkdown('One[^1], two[^note] and [^1] again.\n\n[^1]: First.\n[^note]: See <a href="#sec">below</a>.\n\n<p id="sec">Section.</p>');
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    const targets = [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1]);
    expect(targets).toEqual([
      'user-content-fn-1',
      'user-content-fn-note',
      'user-content-fn-1',
      'user-content-fnref-1',
      'user-content-fnref-1-2',
      'user-content-sec',
      'user-content-fnref-note',
    ]);
    expect(targets.filter((t) => !ids.includes(t))).toEqual([]);
  });

  it('leaves an in-page link whose target is not in the body as written', () => {
    expect(renderMarkdown('[top](#top)').html).toBe('<p><a href="#top">top</a></p>');
  });

  it('renders emphasis, headings, lists and block quotes', () => {
    const { html } = renderMarkdown('# Title\n\n*em* **strong**\n\n- one\n- two\n\n> quoted');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<em>em</em> <strong>strong</strong>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
  });

  it('collects headings with slugs', () => {
    const { headings } = renderMarkdown('# Hun Sen’s visit\n\ntext\n\n## Đảng và Nhà nước\n');
    expect(headings).toEqual([
      { depth: 1, slug: 'hun-sens-visit', text: 'Hun Sen’s visit' },
      { depth: 2, slug: 'dang-va-nha-nuoc', text: 'Đảng và Nhà nước' },
    ]);
  });

  it('takes the plain text of the first paragraph, skipping headings', () => {
    const { firstParagraph } = renderMarkdown('# Heading\n\nFirst *para* with `code` and a [link](https://x.example).\n\nSecond.');
    expect(firstParagraph).toBe('First para with code and a link.');
  });

  it('takes the first paragraph as plain text even when it contains raw HTML', () => {
    const { firstParagraph } = renderMarkdown('Talks were <em>cordial</em> and <script>alert(1)</script>long.');
    // "Plain text of the first paragraph" (RenderedMarkdown.firstParagraph): no markup.
    expect(firstParagraph).not.toMatch(/<\/?(em|script)/);
    expect(firstParagraph).toMatch(/^Talks were cordial and/);
  });

  it('counts the words within a paragraph', () => {
    expect(renderMarkdown('One two *three* four.').wordCount).toBe(4);
    expect(renderMarkdown('').wordCount).toBe(0);
    expect(renderMarkdown('').html).toBe('');
  });

  it('counts the last word of one block and the first of the next as two words', () => {
    // "three." ends a paragraph and "Four" starts a heading: 5 words, not "three.Four" as one.
    expect(renderMarkdown('One two *three*.\n\n## Four five').wordCount).toBe(5);
    expect(renderMarkdown('Alpha.\n\nBeta.\n\nGamma.').wordCount).toBe(3);
  });

  it('parses a body that uses none of the extensions exactly as the parser with them does', () => {
    const withExtensions = unified().use(remarkParse).use(remarkNews);
    const bodies = [
      '# Talks\n\nHun Sen met *Nguyễn Phú Trọng* in [Hanoi](https://example.org/a_b).\n\n> “We agree,” he said.\n\n1. one\n2. two\n',
      'A line with a dash - and a colon: nothing tabular.\n\n---\n\nSetext\n===\n\n    code block\n\n```js\nx = [1];\n```\n',
      'Brackets [like this] and [refs][r], a <span>raw</span> tag, an <https://example.com> link.\n\n[r]: https://example.org\n',
      '',
    ];
    for (const body of bodies) expect(treeOf(body), body).toEqual(withExtensions.runSync(withExtensions.parse(body)));
  });

  it('parses to a Markdown syntax tree', () => {
    const tree = treeOf('# A\n\n| a |\n|---|\n| b |');
    expect(tree.type).toBe('root');
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'table']);
  });
});

describe('excerpt', () => {
  it('returns short text unchanged but with white space collapsed', () => {
    expect(excerpt('  One   sentence.\n')).toBe('One sentence.');
  });

  it('cuts long text at a word boundary within max characters and adds an ellipsis', () => {
    const text = 'The prime minister met the general secretary, and they agreed to deepen ties between the parties.';
    const cut = excerpt(text, 50);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).toBe('The prime minister met the general secretary, and…');
    // Cut at a word end, without trailing punctuation before the ellipsis.
    expect(excerpt(text, 47)).toBe('The prime minister met the general secretary…');
  });

  it('cuts a single very long word at max', () => {
    const cut = excerpt('x'.repeat(400), 280);
    expect(cut).toBe(`${'x'.repeat(280)}…`);
  });
});
