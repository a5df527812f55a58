import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rssFeed, xmlText, type RssItem } from '../../src/lib/rss.ts';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });

const item = (over: Partial<RssItem> = {}): RssItem => ({
  title: 'Ferry talks resume',
  link: 'https://archive.example.org/articles/ferry-talks/',
  pubDate: new Date('2023-08-07T07:30:00Z'),
  description: 'The ferry talks resumed.',
  ...over,
});

const channel = { title: 'Harbour news', description: 'All of it.', link: 'https://archive.example.org/', language: 'en' };

describe('rssFeed', () => {
  it('writes a channel and its items in order, with permalink guids and RFC 822 dates', () => {
    const feed = rssFeed({ ...channel, items: [item(), item({ title: 'Second', link: 'https://archive.example.org/articles/second/', author: 'Desk' })] });
    expect(XMLValidator.validate(feed)).toBe(true);
    const rss = xml.parse(feed).rss;
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel).toMatchObject({ title: 'Harbour news', description: 'All of it.', link: 'https://archive.example.org/', language: 'en' });
    expect(rss.channel.item.map((i: Record<string, unknown>) => i.title)).toEqual(['Ferry talks resume', 'Second']);
    expect(rss.channel.item[0].guid).toEqual({ '#text': 'https://archive.example.org/articles/ferry-talks/', '@_isPermaLink': 'true' });
    expect(rss.channel.item[0].pubDate).toBe('Mon, 07 Aug 2023 07:30:00 GMT');
    // A bare name is no <author> (RSS wants an e-mail address there): it is Dublin Core's creator.
    expect(rss.channel.item[0]['dc:creator']).toBeUndefined();
    expect(rss.channel.item[1]['dc:creator']).toBe('Desk');
    expect(rss.channel.item[1].author).toBeUndefined();
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(rssFeed({ ...channel, items: [item()] })).not.toContain('xmlns:dc');
  });

  it('declares the content namespace only when an item carries its full text', () => {
    expect(rssFeed({ ...channel, items: [item()] })).not.toContain('xmlns:content');
    const html = '<p>Full <a href="https://x.org/?a=1&b=2">text</a>.</p>';
    const full = rssFeed({ ...channel, items: [item({ content: html })] });
    expect(full).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"');
    expect(XMLValidator.validate(full)).toBe(true);
    expect(full).toContain('<content:encoded>&lt;p&gt;Full &lt;a href=&quot;https://x.org/?a=1&amp;b=2&quot;&gt;text&lt;/a&gt;.&lt;/p&gt;</content:encoded>');
    expect(xml.parse(full).rss.channel.item[0]['content:encoded']).toBe(html);
  });

  it('escapes markup in every text, so a hostile title stays text', () => {
    const feed = rssFeed({ ...channel, title: 'A & B <b>', items: [item({ title: '<script>alert("x")</script>', description: "It's <img src=x onerror=alert(1)>" })] });
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).not.toMatch(/<script|<img|<b>/);
    expect(feed).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>');
    const parsed = new XMLParser({ processEntities: true, htmlEntities: true, isArray: (name) => name === 'item' }).parse(feed);
    expect(parsed.rss.channel.item[0].title).toBe('<script>alert("x")</script>');
    expect(parsed.rss.channel.title).toBe('A & B <b>');
  });

  it('writes descriptions as the HTML of their text, so a reader shows markup in a summary as text', () => {
    const feed = rssFeed({ ...channel, description: 'All <b>of</b> it', items: [item({ description: 'Lamps <img src=x onerror=alert(1)> & ]]> back' })] });
    expect(XMLValidator.validate(feed)).toBe(true);
    const parsed = xml.parse(feed);
    // What a feed reader renders once it has decoded the XML.
    expect(parsed.rss.channel.item[0].description).toBe('Lamps &lt;img src=x onerror=alert(1)&gt; &amp; ]]&gt; back');
    expect(parsed.rss.channel.description).toBe('All &lt;b&gt;of&lt;/b&gt; it');
  });

  it('leaves out empty optional elements', () => {
    expect(rssFeed({ ...channel, items: [item({ description: '' })] })).not.toContain('<description></description>');
  });
});

describe('xmlText', () => {
  it('drops characters XML cannot carry at all, and keeps every other script and emoji', () => {
    expect(xmlText('bell\u0007 form\u000c feed\ufffe')).toBe('bell form feed');
    expect(xmlText('tab\tline\nend\r')).toBe('tab\tline\nend\r');
    expect(xmlText('Nguyễn Phú Trọng · ហ៊ុន សែន · 🚢')).toBe('Nguyễn Phú Trọng · ហ៊ុន សែន · 🚢');
    expect(xmlText('lone \ud800 surrogate')).toBe('lone  surrogate');
  });
});
