import { describe, expect, it } from 'vitest';
import { cleanName, closest, editDistance, foldDiacritics, nameKey, nameSymbols, sameName, strayInvisibles } from '../../src/archive/names.ts';

describe('nameKey', () => {
  it('is the same for spellings that differ in case, spacing, punctuation and diacritics', () => {
    const key = nameKey('Nguyễn Phú Trọng');
    expect(key).toBe('nguyen phu trong');
    for (const variant of ['nguyen phu trong', 'NGUYEN  PHU-TRONG', '  Nguyen\tPhu Trong ', 'NGUYỄN PHÚ TRỌNG', 'Nguyễn  Phú  Trọng']) {
      expect(nameKey(variant), variant).toBe(key);
    }
  });

  it('treats Vietnamese text in decomposed (NFD) form like the composed form', () => {
    expect(nameKey('Nguyễn Phú Trọng'.normalize('NFD'))).toBe(nameKey('Nguyễn Phú Trọng'.normalize('NFC')));
  });

  it('drops apostrophes so People’s, People\'s and Peoples are one name', () => {
    expect(nameKey("Cambodian People's Party")).toBe('cambodian peoples party');
    expect(nameKey('Cambodian People’s Party')).toBe('cambodian peoples party');
    expect(nameKey('Cambodian Peoples Party')).toBe('cambodian peoples party');
  });

  it('keeps different names apart', () => {
    expect(nameKey('Hun Sen')).not.toBe(nameKey('Hun Manet'));
    expect(nameKey('Nguyen Phu Trong')).not.toBe(nameKey('Nguyen Xuan Phuc'));
    expect(nameKey('Hun Sen')).not.toBe(nameKey('Hunsen'));
  });

  it('keeps Khmer text and its combining signs', () => {
    expect(nameKey('ហ៊ុន សែន')).toBe('ហ៊ុន សែន');
    expect(nameKey('  ហ៊ុន   សែន ')).toBe('ហ៊ុន សែន');
    expect(nameKey('ហ៊ុន សែន')).not.toBe(nameKey('ហុន សែន'));
  });

  it('is empty for text with no letters or digits', () => {
    expect(nameKey(' -- !! ')).toBe('');
  });

  it('treats the capital sharp s (ẞ) like ß: the names differ only in case', () => {
    expect(nameKey('STRAẞE')).toBe(nameKey('Straße'));
  });
});

describe('nameSymbols', () => {
  it('keeps the symbols that make one key two names', () => {
    expect(nameKey('C++')).toBe(nameKey('C#'));
    expect(nameSymbols('C++')).toBe('++');
    expect(nameSymbols('C#')).toBe('#');
    expect(nameSymbols('C')).toBe('');
    expect(nameSymbols('AT&T')).toBe('&');
    expect(nameSymbols('Disney+')).toBe('+');
    expect(nameSymbols('US$ bonds')).toBe('$');
  });

  it('leaves out separators, apostrophes, a hashtag\'s # and a handle\'s @', () => {
    for (const name of ['Hun Sen', 'Hun-Sen', 'Nguyễn Phú Trọng', "People's Party", 'Phnom Penh (city)', 'Mekong–Lancang', 'Yahoo!', 'St. Mary', '#MeToo', '@hunsencambodia']) {
      expect(nameSymbols(name), name).toBe('');
    }
    expect(nameSymbols('AT & T')).toBe(nameSymbols('AT&T'));
  });
});

describe('sameName', () => {
  it('is one key and the same symbols', () => {
    expect(sameName('Nguyễn Phú Trọng', 'nguyen phu-trong')).toBe(true);
    expect(sameName('AT&T', 'at & t')).toBe(true);
    expect(sameName('C++', 'c++')).toBe(true);
    expect(sameName('C++', 'C#')).toBe(false);
    expect(sameName('C#', 'C')).toBe(false);
    expect(sameName('Hun Sen', 'Hun Manet')).toBe(false);
  });
});

describe('foldDiacritics', () => {
  it('removes Latin accents and folds letters that do not decompose', () => {
    expect(foldDiacritics('Đảng Cộng sản Việt Nam')).toBe('Dang Cong san Viet Nam');
    expect(foldDiacritics('Łódź')).toBe('Lodz');
    expect(foldDiacritics('straße')).toBe('strasse');
  });

  it('leaves other scripts unchanged', () => {
    expect(foldDiacritics('ហ៊ុន សែន')).toBe('ហ៊ុន សែន');
    expect(foldDiacritics('习近平')).toBe('习近平');
  });
});

describe('cleanName', () => {
  it('collapses runs of white space and trims, keeping case and diacritics', () => {
    expect(cleanName('  Nguyễn   Phú\tTrọng \n')).toBe('Nguyễn Phú Trọng');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('people', 'people')).toBe(0);
    expect(editDistance('peple', 'people')).toBe(1);
    expect(editDistance('people', 'peple')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('organizations', 'organisations')).toBe(1);
  });
});

describe('closest', () => {
  const keys = ['title', 'date', 'updated', 'summary', 'source', 'people', 'organisations', 'events', 'places', 'tags', 'draft'];

  it('suggests the closest known key', () => {
    expect(closest('peple', keys)).toBe('people');
    expect(closest('titel', keys)).toBe('title');
    expect(closest('organization', keys)).toBe('organisations');
    expect(closest('tag', keys)).toBe('tags');
  });

  it('ignores case when comparing but returns the candidate as written', () => {
    expect(closest('PEPLE', keys)).toBe('people');
    expect(closest('Title', keys)).toBe('title');
  });

  it('suggests nothing when no candidate is close enough', () => {
    expect(closest('colour', keys)).toBeUndefined();
    expect(closest('xyzzy', keys)).toBeUndefined();
    expect(closest('peple', [])).toBeUndefined();
  });

  it('honours maxDistance', () => {
    expect(closest('pple', keys, { maxDistance: 1 })).toBeUndefined();
    expect(closest('pple', keys, { maxDistance: 2 })).toBe('people');
  });

  it('compares what keyOf makes of each, and can leave out the word itself', () => {
    expect(closest('nguyen phu trong', ['Nguyễn Phú Trọng', 'Nguyen Phu Tron'], { keyOf: nameKey })).toBe('Nguyễn Phú Trọng');
    expect(closest('nguyen phu trong', ['Nguyễn Phú Trọng', 'Nguyen Phu Tron'], { keyOf: nameKey, skipSame: true })).toBe('Nguyen Phu Tron');
  });
});

describe('invisible characters', () => {
  it('are left out of keys, and a zero-width space separates words as a space does', () => {
    expect(nameKey('Mara Quill\u2060feather')).toBe('mara quillfeather');
    expect(nameKey('\u202eMara Quillfeather\u202c')).toBe('mara quillfeather');
    expect(nameKey('Mara\u200bQuillfeather')).toBe('mara quillfeather');
    expect(nameKey('Quill\u00adfeather')).toBe('quillfeather');
  });

  it('are left out of the shown name, but joiners that belong to the writing stay', () => {
    expect(cleanName('\ufeffMara\u200d Quillfeather\u200e')).toBe('Mara Quillfeather');
    expect(cleanName('Mara\u200bQuillfeather')).toBe('Mara Quillfeather');
    expect(cleanName('فانوس‌داران')).toBe('فانوس‌داران');
    expect(cleanName('👨‍👩‍👧 lighthouse')).toBe('👨‍👩‍👧 lighthouse');
    expect(strayInvisibles('فانوس‌داران')).toEqual([]);
    expect(strayInvisibles('Quill\u200cfeather\u202e')).toEqual(['\u200c', '\u202e']);
  });

  it('shows a name in composed form (NFC), whichever form it was written in', () => {
    expect(cleanName('Nguyễn'.normalize('NFD'))).toBe('Nguyễn'.normalize('NFC'));
  });
});
