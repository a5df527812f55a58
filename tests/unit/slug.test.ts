import { describe, expect, it } from 'vitest';
import { boundSlug, fullSlug, isOverlong, isValidSlug, MAX_SLUG_BYTES, slugify } from '../../src/archive/slug.ts';

describe('slugify', () => {
  it('folds Vietnamese diacritics to lowercase ASCII words', () => {
    expect(slugify('Nguyễn Phú Trọng')).toBe('nguyen-phu-trong');
    expect(slugify('Vương Đình Huệ')).toBe('vuong-dinh-hue');
  });

  it('turns Đ/đ into d, not dj and not a kept đ', () => {
    expect(slugify('Đảng')).toBe('dang');
    expect(slugify('đảng')).toBe('dang');
    expect(slugify('Đảng')).not.toMatch(/dj|đ/);
  });

  it('drops straight and curly apostrophes inside words', () => {
    expect(slugify("Cambodian People's Party")).toBe('cambodian-peoples-party');
    expect(slugify('Cambodian People’s Party')).toBe('cambodian-peoples-party');
    expect(slugify('Cambodian People‘s Party')).toBe('cambodian-peoples-party');
    expect(slugify("Vuong Dinh Hue's visit to Cambodia")).toBe('vuong-dinh-hues-visit-to-cambodia');
  });

  it('keeps a Khmer name in its own script instead of returning an empty slug', () => {
    const slug = slugify('ហ៊ុន សែន');
    expect(slug).toBe('ហ៊ុន-សែន');
    expect(slug.length).toBeGreaterThan(0);
    // The Khmer combining signs survive (U+17CA, U+17BB, U+1793 …).
    expect(slug).toContain('ហ៊ុន');
    expect(isValidSlug(slug)).toBe(true);
  });

  it('collapses mixed punctuation and white space into single hyphens, with none at the ends', () => {
    expect(slugify('  Hello, World!! -- (2023) ')).toBe('hello-world-2023');
    expect(slugify('ASEAN/EU: talks & “deals” — 2023…')).toBe('asean-eu-talks-deals-2023');
    expect(slugify('a_b.c')).toBe('a-b-c');
    expect(slugify('NGUYEN  PHU-TRONG')).toBe('nguyen-phu-trong');
  });

  it('keeps digits, including a name made of digits only', () => {
    expect(slugify('2023 Cambodian general election')).toBe('2023-cambodian-general-election');
    expect(slugify('2023')).toBe('2023');
  });

  it('gives an empty slug for text with no letters or digits', () => {
    expect(slugify('!!! ---')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('gives every spelling of one name the same slug', () => {
    const spellings = ['Nguyễn Phú Trọng', 'nguyen phu trong', 'NGUYEN  PHU-TRONG', 'Nguyen Phu Trong'];
    expect(new Set(spellings.map(slugify))).toEqual(new Set(['nguyen-phu-trong']));
  });

  it('always produces slugs that isValidSlug accepts', () => {
    for (const name of ['Nguyễn Phú Trọng', 'Đảng', "People's", 'ហ៊ុន សែន', 'Hello, World', 'Łódź', 'Straße', 'Ærø']) {
      const slug = slugify(name);
      expect(isValidSlug(slug), `${name} → ${slug}`).toBe(true);
    }
  });

  it('folds other Latin letters that do not decompose', () => {
    expect(slugify('Łódź')).toBe('lodz');
    expect(slugify('Straße')).toBe('strasse');
    expect(slugify('Ærø')).toBe('aero');
  });

  it('gives the capital sharp s (ẞ) the same slug as ß, since the names differ only in case', () => {
    // STRAẞE and Straße are one name in two cases; both must be /…/strasse/.
    expect(slugify('STRAẞE')).toBe('strasse');
  });
});

describe('isValidSlug', () => {
  it('accepts lowercase words joined by single hyphens', () => {
    expect(isValidSlug('hun-sen')).toBe(true);
    expect(isValidSlug('2023-08-07-talks')).toBe(true);
    expect(isValidSlug('asean')).toBe(true);
    expect(isValidSlug('ហ៊ុន-សែន')).toBe(true);
  });

  it('rejects upper case, spaces, underscores, doubled and edge hyphens, and the empty string', () => {
    for (const bad of ['Hun-Sen', 'hun sen', 'hun_sen', 'hun--sen', '-hun-sen', 'hun-sen-', '', 'hun/sen', 'hun.sen']) {
      expect(isValidSlug(bad), bad).toBe(false);
    }
  });

  it('rejects Latin letters with diacritics: URLs use lowercase ASCII for Latin names', () => {
    // DESIGN.md: "URL map (stable, readable, lowercase ASCII slugs)"; only scripts without Latin
    // letters keep their own letters (slug.ts header).
    expect(isValidSlug('nguyễn-phú-trọng')).toBe(false);
    expect(isValidSlug('café')).toBe(false);
  });
});

describe('bounded slugs', () => {
  const bytes = (s: string) => new TextEncoder().encode(s).length;

  it('leaves a slug within MAX_SLUG_BYTES as it is', () => {
    const fits = 'a'.repeat(MAX_SLUG_BYTES);
    expect(boundSlug(fits)).toBe(fits);
    expect(isOverlong(fits)).toBe(false);
  });

  it('cuts a longer one to whole words and a hash of the whole, the same every time', () => {
    const long = fullSlug('Mara Quillfeather of the Port Ellery Harbour Commission '.repeat(5));
    const bounded = boundSlug(long);
    expect(bytes(bounded)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(bounded).toMatch(/^mara-quillfeather-of-the-port-ellery-harbour-commission-[a-z-]*[a-z]-[0-9a-f]{8}$/);
    expect(boundSlug(long)).toBe(bounded);
    expect(slugify('Mara Quillfeather of the Port Ellery Harbour Commission '.repeat(5))).toBe(bounded);
    // Two long names with one start still get two addresses.
    expect(boundSlug(`${long}-a`)).not.toBe(boundSlug(`${long}-b`));
  });

  it('counts bytes, not characters, and never cuts a Khmer letter from its signs', () => {
    const khmer = fullSlug('ហ៊ុនសែន'.repeat(30));
    const bounded = boundSlug(khmer);
    expect(bytes(bounded)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    const start = bounded.slice(0, -9);
    expect(khmer.startsWith(start)).toBe(true);
    expect(/\p{M}/u.test(khmer.slice(start.length)[0]!)).toBe(false);
    expect(isValidSlug(bounded)).toBe(true);
  });
});
