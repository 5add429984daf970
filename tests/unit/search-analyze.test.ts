/**
 * The search analyzer word by word: every spelling a reader or an editor may type for one word
 * must give the same forms, and a word with a prefix must share a form with the word without it,
 * in the index and in the query alike (lib/search/analyze.ts, lib/search/arabic.ts); the query
 * and label helpers around it must stay safe.
 *
 * A query word finds a document word when their forms intersect (the index holds every form of
 * every word, the query asks for any form of each word). That relation is symmetric, so `matches`
 * is checked in the direction a reader meets it (query first) and, where the pair is two spellings
 * of one word, both ways.
 */
import { describe, expect, it } from 'vitest';
import { foldWord, highlight, indexText, terms } from '@/lib/search/analyze';
import { stemArabic } from '@/lib/search/arabic';
import { matchExpression, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, parseQuery } from '@/lib/search/query';
import { isLabelKind, labelKey, labelKinds, labelsOf } from '@/lib/content/labels';

/** The forms one word becomes, primary stem first. */
const formsOf = (word: string): string[] => {
  const found = terms(word);
  expect(found, `"${word}" should be exactly one word`).toHaveLength(1);
  return found[0].forms;
};
/** Every word of a text, as its forms. */
const formLists = (text: string) => terms(text).map((found) => found.forms);
/** Whether a reader's one-word query finds a document holding the word `doc`. */
const matches = (query: string, doc: string) => formsOf(query).some((form) => formsOf(doc).includes(form));

/** [variant, plain, what the pair is about] */
type Pair = [string, string, string];

/** Two spellings of one word: exactly the same forms. */
function expectSameForms([variant, plain, about]: Pair) {
  expect(formsOf(variant), `${about}: "${variant}" should give the forms of "${plain}"`).toEqual(formsOf(plain));
}

/** A word with and without a prefix: each finds the other. */
function expectMatchBothWays([variant, plain, about]: Pair) {
  expect(matches(plain, variant), `${about}: query "${plain}" should find "${variant}"`).toBe(true);
  expect(matches(variant, plain), `${about}: query "${variant}" should find "${plain}"`).toBe(true);
}

describe('foldWord and terms: Arabic spelling variants give the same forms', () => {
  const hamza: Pair[] = [
    ['أرمينيا', 'ارمينيا', 'alef with hamza above'],
    ['إيران', 'ايران', 'alef with hamza below'],
    ['آسيا', 'اسيا', 'alef madda'],
    ['مسؤول', 'مسوول', 'waw with hamza (ؤ → و)'],
    ['قائد', 'قايد', 'yeh with hamza (ئ → ي)'],
    ['سائل', 'سايل', 'yeh with hamza (ئ → ي)'],
    ['ٱلعلاقات', 'العلاقات', 'alef wasla U+0671'],
  ];
  it.each(hamza)('hamza carriers: %s = %s (%s)', (variant, plain, about) => expectSameForms([variant, plain, about]));

  it('folds each hamza carrier to its bare letter', () => {
    expect(foldWord('أإآٱ')).toBe('اااا');
    expect(foldWord('ؤ')).toBe('و');
    expect(foldWord('ئ')).toBe('ي');
    // The lone hamza has no carrier to fall back to: it stays.
    expect(foldWord('ء')).toBe('ء');
  });

  const marks: Pair[] = [
    ['أَرْمِينِيَا', 'أرمينيا', 'fatha, sukun, kasra'],
    ['جمّدت', 'جمدت', 'shadda'],
    ['جَمَّدَتْ', 'جمدت', 'shadda with fatha and sukun'],
    ['هٰذا', 'هذا', 'superscript alef U+0670'],
    ['رحمٰن', 'رحمن', 'superscript alef U+0670'],
    ['كتابٌ', 'كتاب', 'tanween'],
  ];
  it.each(marks)('diacritics: %s = %s (%s)', (variant, plain, about) => expectSameForms([variant, plain, about]));

  const tatweel: Pair[] = [
    ['أرمـينيا', 'أرمينيا', 'one tatweel'],
    ['أرمـــينيا', 'أرمينيا', 'three tatweels'],
    ['أَرْمِـــينِيَا', 'أرمينيا', 'tatweel and harakat together'],
  ];
  it.each(tatweel)('tatweel: %s = %s (%s)', (variant, plain, about) => expectSameForms([variant, plain, about]));

  const endings: Pair[] = [
    ['أرمينية', 'أرمينيه', 'ta marbuta / heh'],
    ['منظمة', 'منظمه', 'ta marbuta / heh'],
    ['مشاركة', 'مشاركه', 'ta marbuta / heh'],
    ['مستشفى', 'مستشفي', 'alef maqsura / yeh'],
    ['ی', 'ي', 'Persian yeh'],
    ['ک', 'ك', 'Persian keheh'],
  ];
  it.each(endings)('letter folds: %s = %s (%s)', (variant, plain, about) => expectSameForms([variant, plain, about]));

  it('folds ta marbuta to heh and alef maqsura to yeh', () => {
    expect(foldWord('منظمة')).toBe('منظمه');
    expect(foldWord('مستشفى')).toBe('مستشفي');
  });

  // The article (alone or after و ف ب ك, or as لل) comes off the primary form itself.
  const articles: Pair[] = [
    ['والأرمينية', 'الأرمينية', 'conjunction و + article'],
    ['الأرمينية', 'أرمينية', 'article'],
    ['والأرمينية', 'أرمينية', 'conjunction + article'],
    ['بالكرملين', 'الكرملين', 'ب + article'],
    ['فالمنظمة', 'المنظمة', 'ف + article'],
    ['للمنظمة', 'المنظمة', 'لل (ل + article)'],
    ['كالمنظمة', 'المنظمة', 'ك + article'],
  ];
  it.each(articles)('article: %s = %s (%s)', (variant, plain, about) => expectSameForms([variant, plain, about]));

  // A conjunction or preposition without the article stays on the primary form; the form without it
  // is added, so the word with the prefix and the word without it still find each other.
  const prefixes: Pair[] = [
    ['بروسيا', 'روسيا', 'preposition ب'],
    ['وروسيا', 'روسيا', 'conjunction و'],
    ['لروسيا', 'روسيا', 'preposition ل'],
    ['ولروسيا', 'روسيا', 'conjunction و + preposition ل'],
    ['وبروسيا', 'بروسيا', 'conjunction و before a prefixed word'],
    ['بموسكو', 'موسكو', 'preposition ب'],
    ['وأرمينيه', 'أرمينية', 'conjunction و, suffix on both'],
    ['ويريفان', 'يريفان', 'conjunction و, suffix on both'],
    ['وفلسطين', 'فلسطين', 'conjunction و before ف'],
  ];
  it.each(prefixes)('prefixes: %s and %s find each other (%s)', (variant, plain, about) =>
    expectMatchBothWays([variant, plain, about]),
  );

  it('puts the word as written (article and suffixes off) first, then the word without the prefix', () => {
    expect(formsOf('بروسيا')).toEqual(['بروسيا', 'روسيا']);
    expect(formsOf('وروسيا')).toEqual(['وروسيا', 'روسيا']);
    expect(formsOf('ولروسيا')).toEqual(['ولروسيا', 'لروسيا', 'روسيا']);
    expect(formsOf('وزير')).toEqual(['وزير', 'زير']);
    expect(formsOf('الوزير')).toEqual(['وزير']);
    expect(formsOf('روسيا')).toEqual(['روسيا']);
  });

  it('keeps the first letter of short words that only look prefixed', () => {
    expect(matches('كتاب', 'تاب'), 'كتاب must not find تاب').toBe(false);
    expect(formsOf('كتاب'), 'ك with three letters after it stays').toEqual(['كتاب']);
    expect(formsOf('بلد')).toEqual(['بلد']);
    expect(formsOf('ولد'), 'a three-letter word keeps its و').toEqual(['ولد']);
    expect(formsOf('لندن'), 'four letters: the ل stays').toEqual(['لندن']);
  });

  const suffixes: Pair[] = [
    ['العلاقات', 'العلاقة', 'feminine plural / singular'],
    ['علاقات', 'علاقة', 'feminine plural / singular'],
    ['مشاركات', 'مشاركة', 'feminine plural / singular'],
    ['الأرمينية', 'أرمينيه', 'nisba ending ية / يه'],
  ];
  it.each(suffixes)('suffixes: %s = %s (%s)', (variant, plain, about) => expectSameForms([variant, plain, about]));

  it('stems العلاقات and العلاقة to علاق, and مشاركة to مشارك', () => {
    expect(formsOf('العلاقات')).toEqual(['علاق']);
    expect(formsOf('العلاقة')).toEqual(['علاق']);
    expect(formsOf('مشاركة')).toEqual(['مشارك']);
  });

  it('stemArabic stems suffix after suffix, as light10 does, yet leaves no form below two letters', () => {
    expect(stemArabic('ارمينيه')).toEqual(['ارمين']); // يه, then nothing more
    expect(stemArabic('مشاركتها')).toEqual(['مشاركت']); // ها only: light10 has no ت suffix
    const words = [
      'به',
      'يه',
      'ها',
      'ان',
      'وال',
      'بال',
      'لل',
      'وبها',
      'والي',
      'فلان',
      'ولبنان',
      'وليريفان',
      'وبيان',
      'فيه',
      'ولي',
    ];
    for (const word of words) {
      const forms = stemArabic(word);
      expect(forms.length, `stemArabic("${word}") has a form`).toBeGreaterThan(0);
      for (const form of forms) expect(form.length, `stemArabic("${word}") form "${form}"`).toBeGreaterThanOrEqual(2);
      expect(new Set(forms).size, `stemArabic("${word}") lists each form once`).toBe(forms.length);
    }
  });
});

describe('terms: a word whose first letter may be a prefix finds the word either way', () => {
  // The word's own first letter is و or ف: the bare word keeps it as its primary form, and the
  // definite word (whose article comes off instead) gives that same form.
  it.each([
    ['وزير', 'الوزير'],
    ['وزارة', 'الوزارة'],
    ['فيلم', 'الفيلم'],
    ['والد', 'الوالد'],
  ])('bare %s and definite %s find each other', (bare, definite) => {
    expect(matches(bare, definite), `query "${bare}" should find "${definite}"`).toBe(true);
    expect(matches(definite, bare), `query "${definite}" should find "${bare}"`).toBe(true);
  });

  // "and X" where X itself starts with و or ف: one و comes off, and X is found.
  it.each([
    ['فرنسا', 'وفرنسا'],
    ['واشنطن', 'وواشنطن'],
    ['فلسطين', 'وفلسطين'],
  ])('%s and %s (with the conjunction و) find each other', (word, withAnd) => {
    expect(matches(word, withAnd), `query "${word}" should find "${withAnd}"`).toBe(true);
    expect(matches(withAnd, word), `query "${withAnd}" should find "${word}"`).toBe(true);
  });

  it('لبنان (Lebanon) and بن (son of, in every other name) do not find each other', () => {
    // The ل comes off a name only with its suffixes left on: لبنان gives لبن and بنان, never بن.
    expect(formsOf('لبنان')).toEqual(['لبن', 'بنان']);
    expect(matches('بن', 'لبنان'), 'query "بن" should not find "لبنان"').toBe(false);
    expect(matches('لبنان', 'بن'), 'query "لبنان" should not find "بن"').toBe(false);
    expect(matches('لبنان', 'لبنان'), 'query "لبنان" should find "لبنان"').toBe(true);
    expect(matches('لبنان', 'ولبنان'), 'query "لبنان" should find "ولبنان"').toBe(true);
  });
});

describe('terms: digits, Latin and English', () => {
  it.each([
    ['٢٠٢٣', 'Arabic-Indic digits'],
    ['۲۰۲۳', 'Persian (extended Arabic-Indic) digits'],
    ['2023', 'ASCII digits'],
  ])('%s → 2023 (%s)', (digits) => {
    expect(formsOf(digits), digits).toEqual(['2023']);
  });

  it('maps every Arabic-Indic and Persian digit', () => {
    expect(foldWord('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(foldWord('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('treats Latin words and digits inside Arabic text as in English text', () => {
    const found = formLists('قالت CSTO في 2023');
    expect(found).toContainEqual(['csto']);
    expect(found).toContainEqual(['2023']);
    expect(found).toContainEqual(formsOf('CSTO'));
  });

  it.each([
    ['2023م', ['2023', 'م'], '2023', 'a year with the Arabic era letter'],
    ['٢٠٢٣م', ['2023', 'م'], '2023', 'Arabic-Indic year with the era letter'],
    ['و2022', ['و', '2022'], '2022', 'conjunction before digits'],
    ['بـelections', ['ب', 'elec'], 'election', 'preposition and tatweel before a Latin word'],
    ['بـCSTO', ['ب', 'csto'], 'CSTO', 'preposition and tatweel before an acronym'],
  ])('splits %s where digits or script change: %j', (text, forms, plain, about) => {
    const found = formLists(text);
    expect(found, `${about}: "${text}"`).toEqual(forms.map((form) => [form]));
    // The digits or the Latin word are a word of their own, found by the word written plainly.
    expect(found, `${about}: query "${plain}" should find "${text}"`).toContainEqual(formsOf(plain));
  });

  it('stems the Latin word after an Arabic prefix with the English stemmer: بـelections matches election', () => {
    const [, latin] = formLists('بـelections');
    expect(latin).toEqual(formsOf('elections'));
    expect(
      latin.some((form) => formsOf('election').includes(form)),
      'query "election" should find "بـelections"',
    ).toBe(true);
  });

  const english: Pair[] = [
    ['Armenia', 'armenia', 'case'],
    ['ARMENIA', 'armenia', 'case'],
    ['café', 'cafe', 'accent'],
    ['Pashinyán', 'Pashinyan', 'accent'],
    ['elections', 'election', 'plural'],
    ['stories', 'story', 'plural in -ies'],
    ['allies', 'ally', 'plural in -ies'],
    ['ELECTIONS', 'election', 'case and plural'],
  ];
  it.each(english)('English: %s = %s (%s)', (variant, plain, about) => expectSameForms([variant, plain, about]));

  it('splits on punctuation and keeps ZWNJ inside a word', () => {
    expect(formLists('Pashinyan, Putin; CSTO.')).toEqual([formsOf('Pashinyan'), formsOf('Putin'), formsOf('CSTO')]);
    expect(terms('می‌شود')).toHaveLength(1);
    expect(formsOf('می‌شود')).toEqual(formsOf('میشود'));
  });

  it('finds no word in text without letters or digits', () => {
    expect(terms('')).toEqual([]);
    expect(terms('🔥🎉 ... — !!')).toEqual([]);
    expect(indexText('🔥🎉')).toBe('');
  });

  it('indexText joins every form of every word with single spaces', () => {
    const text = 'والأرمينية  بروسيا، CSTO';
    expect(indexText(text)).toBe('ارمين بروسيا روسيا csto');
    expect(indexText(text)).toBe(formLists(text).flat().join(' '));
  });
});

describe('terms: offsets point at the word as written', () => {
  const cases: [string, string[]][] = [
    ['قالت أَرْمِـــينِيَا اليوم', ['قالت', 'أَرْمِـــينِيَا', 'اليوم']],
    ['وسط توتر العلاقة.. أرمـينيا تجمّد', ['وسط', 'توتر', 'العلاقة', 'أرمـينيا', 'تجمّد']],
    ['🔥 Café Pashinyán!', ['Café', 'Pashinyán']],
    ['٢٠٢٣: والأرمينية', ['٢٠٢٣', 'والأرمينية']],
    ['في عام 2023م', ['في', 'عام', '2023', 'م']],
    ['فاز بـelections و2022', ['فاز', 'بـ', 'elections', 'و', '2022']],
  ];
  it.each(cases)('%s', (text, words) => {
    const found = terms(text);
    expect(found.map((term) => text.slice(term.start, term.end))).toEqual(words);
    for (const [i, term] of found.entries()) expect(term.forms, `forms of "${words[i]}"`).toEqual(formsOf(words[i]));
  });
});

describe('highlight', () => {
  const headline = 'وسط توتر العلاقة.. أرمينيا تجمد مشاركتها في التحالف العسكري مع روسيا';
  const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);
  /** What the results page marks: every form of every word of the query. */
  const wanted = (q: string) => new Set(parseQuery(q).words.flat());

  it('marks exactly the words of the query, whatever spelling the query used', () => {
    const segments = highlight(headline, wanted('ارمينيا بروسيا'));
    expect(marked(segments)).toEqual(['أرمينيا', 'روسيا']);
    expect(segments.map((s) => s.text).join('')).toBe(headline);
  });

  it('marks every spelling variant in the text of one query word', () => {
    const text = 'والأرمينية وأرمينيه ثم الأَرْمِـينِيَّة بروسيا ولروسيا';
    const segments = highlight(text, wanted('أرمينية روسيا'));
    expect(marked(segments)).toEqual(['والأرمينية', 'وأرمينيه', 'الأَرْمِـينِيَّة', 'بروسيا', 'ولروسيا']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('marks the definite word for a bare query word, and the digits of a year with its era letter', () => {
    expect(marked(highlight('قال الوزير في 2023م', wanted('وزير 2023')))).toEqual(['الوزير', '2023']);
  });

  it.each([
    ['no wanted form', headline, []],
    ['a form that is absent', headline, ['csto']],
    ['empty text', '', ['روسيا']],
    ['text that is one match', 'روسيا', ['روسيا']],
    ['punctuation only', '!؟ — …', ['روسيا']],
  ] as [string, string, string[]][])('gives back the text exactly with %s', (_name, text, forms) => {
    const segments = highlight(text, new Set(forms));
    expect(segments.map((s) => s.text).join('')).toBe(text);
    for (const segment of segments) expect(segment.text.length, 'no empty segment').toBeGreaterThan(0);
  });

  it('leaves alternating segments: never two unmarked stretches in a row', () => {
    const segments = highlight('روسيا وروسيا، بروسيا', new Set(formsOf('روسيا')));
    expect(segments).toEqual([
      { text: 'روسيا', match: true },
      { text: ' ', match: false },
      { text: 'وروسيا', match: true },
      { text: '، ', match: false },
      { text: 'بروسيا', match: true },
    ]);
  });
});

describe('parseQuery', () => {
  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['spaces', '   '],
    ['tabs and newlines', '\t\n \r\n'],
    ['empty array', []],
  ] as [string, string | string[] | undefined][])('%s → no text, no words', (_name, raw) => {
    expect(parseQuery(raw)).toEqual({ text: '', words: [], truncated: false });
  });

  it('takes the first of a repeated q', () => {
    expect(parseQuery(['أرمينيا', 'روسيا'])).toEqual({
      text: 'أرمينيا',
      words: [formsOf('أرمينيا')],
      truncated: false,
    });
  });

  it('gives each word as all its forms', () => {
    expect(parseQuery('وزير بروسيا').words).toEqual([
      ['وزير', 'زير'],
      ['بروسيا', 'روسيا'],
    ]);
  });

  it('trims and collapses whitespace in the text shown back', () => {
    expect(parseQuery('  أرمينيا \n\t روسيا  ').text).toBe('أرمينيا روسيا');
  });

  it(`cuts a 1,000-character query to ${MAX_QUERY_LENGTH} code points and says so`, () => {
    const long = 'ب'.repeat(1000);
    const parsed = parseQuery(long);
    expect(Array.from(parsed.text)).toHaveLength(MAX_QUERY_LENGTH);
    expect(parsed.truncated).toBe(true);
    expect(parsed.words).toHaveLength(1);
  });

  it('counts code points, not UTF-16 units: astral characters are not split', () => {
    const parsed = parseQuery('𝐀'.repeat(1000));
    expect(Array.from(parsed.text)).toHaveLength(MAX_QUERY_LENGTH);
    expect(parsed.text.length).toBe(MAX_QUERY_LENGTH * 2);
    expect(parsed.text.isWellFormed()).toBe(true);
    expect(parsed.truncated).toBe(true);
  });

  it(`a query of exactly ${MAX_QUERY_LENGTH} code points is not truncated`, () => {
    const parsed = parseQuery('ب'.repeat(MAX_QUERY_LENGTH));
    expect(Array.from(parsed.text)).toHaveLength(MAX_QUERY_LENGTH);
    expect(parsed.truncated).toBe(false);
  });

  const words = ['أرمينيا', 'روسيا', 'الكرملين', 'منظمة', 'معاهدة', 'الأمن', 'الجماعي', 'يريفان', 'موسكو', 'باشينيان'];
  it(`keeps at most ${MAX_QUERY_TERMS} distinct words, the first ones, and says so`, () => {
    const parsed = parseQuery(words.join(' '));
    expect(words.length).toBeGreaterThan(MAX_QUERY_TERMS);
    expect(parsed.words).toEqual(words.slice(0, MAX_QUERY_TERMS).map(formsOf));
    expect(parsed.truncated).toBe(true);
  });

  it(`exactly ${MAX_QUERY_TERMS} distinct words, repeated and respelled, are not truncated`, () => {
    const eight = words.slice(0, MAX_QUERY_TERMS);
    const parsed = parseQuery([...eight, ...eight, 'ارمينيا', 'أَرْمِينِيَا', 'الكرملين'].join(' '));
    expect(parsed.words).toEqual(eight.map(formsOf));
    expect(parsed.truncated).toBe(false);
  });

  it('collapses duplicate words and spellings with the same forms', () => {
    expect(parseQuery('أرمينيا ارمينيا أَرْمِينِيَا أرمـينيا').words).toEqual([formsOf('أرمينيا')]);
    expect(parseQuery('Elections election ELECTIONS').words).toEqual([formsOf('election')]);
    expect(parseQuery('الأرمينية والأرمينية أرمينيه').words).toEqual([formsOf('أرمينية')]);
  });

  it('keeps a word with a prefix as a word of its own, every one still holding the bare form', () => {
    // Distinct words are told apart by their whole form lists, so روسيا and وروسيا are two words
    // (each costs a slot of MAX_QUERY_TERMS), though any story with روسيا matches them all.
    const parsed = parseQuery('روسيا روسيا بروسيا وروسيا لروسيا');
    expect(parsed.words).toEqual([['روسيا'], ['بروسيا', 'روسيا'], ['وروسيا', 'روسيا'], ['لروسيا', 'روسيا']]);
    for (const forms of parsed.words) expect(forms, JSON.stringify(forms)).toContain('روسيا');
  });

  it.each([
    ['RTL override U+202E', '\u202eأرمينيا\u202c'],
    ['isolates U+2066-2069', '\u2066أرمينيا\u2069 \u2067روسيا\u2069 \u2068CSTO\u2069'],
    ['RLM U+200F and LRM U+200E', '\u200fأرمينيا\u200e'],
    ['embeddings U+202A-202B', '\u202aأرمينيا\u202c \u202bروسيا\u202c'],
    ['Arabic letter mark U+061C', '\u061cأرمينيا'],
  ])('removes bidi controls from the text: %s', (_name, raw) => {
    const parsed = parseQuery(raw);
    expect(parsed.text).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(parsed.words.length).toBeGreaterThan(0);
    expect(parsed.words).toContainEqual(formsOf('أرمينيا'));
  });

  it('gives no words for an emoji-only query but shows it back', () => {
    expect(parseQuery('🔥🎉')).toEqual({ text: '🔥🎉', words: [], truncated: false });
  });

  it('keeps markup verbatim in the text (React escapes it) and searches its words', () => {
    const parsed = parseQuery('<script>alert(1)</script>');
    expect(parsed.text).toBe('<script>alert(1)</script>');
    expect(parsed.words).toEqual([formsOf('script'), formsOf('alert'), ['1']]);
    expect(parsed.words).toEqual([['script'], ['alert'], ['1']]);
    expect(parsed.truncated).toBe(false);
  });

  it('does not let FTS operators through as syntax: they are plain words', () => {
    const parsed = parseQuery('armenia OR russia NOT csto* "near" NEAR(a b) ^x col:y');
    expect(parsed.words.length).toBeGreaterThan(0);
    for (const form of parsed.words.flat()) expect(form, form).toMatch(/^[\p{L}\p{N}]+$/u);
  });
});

describe('matchExpression', () => {
  /**
   * Reads an expression back into words, failing unless it is made only of "…" strings (with ""
   * inside), one per word or several in ( … OR … ), words joined by " AND ".
   */
  function readBack(expression: string): string[][] {
    const words: string[][] = [];
    // One word at `at`: a quoted form, or several in parentheses; then " AND " or the end.
    const WORD = /"((?:[^"]|"")*)"|\(("(?:[^"]|"")*"(?: OR "(?:[^"]|"")*")+)\)/y;
    let at = 0;
    while (at < expression.length) {
      if (words.length > 0) {
        expect(expression.slice(at, at + 5), `" AND " at ${at} in ${expression}`).toBe(' AND ');
        at += 5;
      }
      WORD.lastIndex = at;
      const word = WORD.exec(expression);
      expect(word, `a quoted word at ${at} in ${expression}`).not.toBeNull();
      const quoted = word![1] !== undefined ? `"${word![1]}"` : word![2];
      words.push([...quoted.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replaceAll('""', '"')));
      at = WORD.lastIndex;
    }
    return words;
  }

  it('readBack itself rejects anything but quoted words joined by AND', () => {
    for (const bad of ['a', '"a" "b"', '"a" OR "b"', '("a")', '"a" AND b', '"a" AND', '"a', '("a" OR "b"', 'NOT "a"']) {
      expect(() => readBack(bad), bad).toThrow();
    }
  });

  it('quotes a one-form word and joins words with AND', () => {
    expect(matchExpression([['ارمينيا'], ['روسيا']])).toBe('"ارمينيا" AND "روسيا"');
    expect(matchExpression([['csto']])).toBe('"csto"');
  });

  it('asks for any form of a word with several, in parentheses', () => {
    expect(matchExpression([['بروسيا', 'روسيا']])).toBe('("بروسيا" OR "روسيا")');
    expect(matchExpression([['ارمينيا'], ['ولروسيا', 'لروسيا', 'روسيا'], ['csto']])).toBe(
      '"ارمينيا" AND ("ولروسيا" OR "لروسيا" OR "روسيا") AND "csto"',
    );
  });

  it('builds the expression parseQuery’s words call for', () => {
    expect(matchExpression(parseQuery('وزير بروسيا 2023م').words)).toBe(
      '("وزير" OR "زير") AND ("بروسيا" OR "روسيا") AND "2023"',
    );
  });

  it('doubles embedded quotes', () => {
    expect(matchExpression([['a"b']])).toBe('"a""b"');
    expect(matchExpression([['"']])).toBe('""""');
    expect(matchExpression([['""x""']])).toBe('"""""x"""""');
    expect(matchExpression([['a"', '"b']])).toBe('("a""" OR """b")');
  });

  it('is empty for no words', () => {
    expect(matchExpression([])).toBe('');
  });

  it.each([
    [[['OR'], ['AND'], ['NOT']]],
    [[['OR', 'AND', 'NOT']]],
    [[['NEAR(a'], ['b)'], ['*']]],
    [
      [
        ['col:x', '^start'],
        ['-minus', '+plus'],
      ],
    ],
    [[['a" OR "b'], ['" NOT "', '"*']]],
    [[['(', ')'], ['{a b}:x'], ['" AND "', ') OR (']]],
  ])('never leaves an operator outside quotes: %j', (input) => {
    // Each quoted string, unquoted again, is the form it came from, in the word it came from.
    expect(readBack(matchExpression(input))).toEqual(input);
  });

  it('quotes whatever parseQuery makes of hostile input', () => {
    for (const raw of [
      'a OR b',
      '"x" NOT y',
      'NEAR(a b, 2)',
      'csto*',
      '<script>alert(1)</script>',
      '"""',
      'وبروسيا AND (لبنان)',
    ]) {
      const { words } = parseQuery(raw);
      const expression = matchExpression(words);
      if (words.length === 0) expect(expression, raw).toBe('');
      else expect(readBack(expression), raw).toEqual(words);
    }
  });
});

describe('labelKey, labelsOf, isLabelKind', () => {
  it.each([
    ['Armenia', 'armenia'],
    ['ARMENIA', 'armenia'],
    ['World desk', 'world-desk'],
    [' CSTO ', 'csto'],
    ['  World   --  desk!! ', 'world-desk'],
    ['منظمة معاهدة الأمن الجماعي', 'منظمة-معاهدة-الأمن-الجماعي'],
    ['أرمينيا', 'أرمينيا'],
    ['أَرْمِـينيا', 'أرمينيا'],
    ['أرمـــينيا', 'أرمينيا'],
    ['پیمان امنیت جمعی', 'پیمان-امنیت-جمعی'],
    ['زبان\u200cها', 'زبانها'],
    ['وای\u200cفای ۶', 'وایفای-۶'],
    ['🔥🎉', ''],
    ['---', ''],
    ['', ''],
  ])('labelKey(%j) → %j', (name, key) => {
    expect(labelKey(name)).toBe(key);
  });

  it('keeps letters as written: hamza and wasla are not folded in keys', () => {
    expect(labelKey('آسيا')).toBe('آسيا');
    expect(labelKey('الأمن')).not.toBe(labelKey('الامن'));
  });

  it('caps a key at 80 code points, without a trailing hyphen', () => {
    expect(labelKey('a'.repeat(200))).toBe('a'.repeat(80));
    expect(Array.from(labelKey('ب'.repeat(200)))).toHaveLength(80);
    // The 80th character would be a hyphen: it goes.
    expect(labelKey(`${'a'.repeat(79)} ${'b'.repeat(10)}`)).toBe('a'.repeat(79));
    const words = labelKey('منظمة معاهدة الأمن الجماعي '.repeat(10));
    expect(Array.from(words).length).toBeLessThanOrEqual(80);
    expect(words).not.toMatch(/^-|-$/);
  });

  it('caps astral characters by code point, never splitting a surrogate pair', () => {
    const key = labelKey('𝐀'.repeat(100));
    expect(Array.from(key)).toHaveLength(80);
    expect(key.isWellFormed()).toBe(true);
  });

  it('labelsOf dedupes by key, keeps the first spelling, drops names without a key', () => {
    expect(labelsOf(['Armenia', 'ARMENIA', '🔥', 'armenia!', 'CSTO', '  '], 'tag')).toEqual([
      { kind: 'tag', key: 'armenia', name: 'Armenia' },
      { kind: 'tag', key: 'csto', name: 'CSTO' },
    ]);
    expect(labelsOf(['أَرْمِـينيا', 'أرمينيا'], 'author')).toEqual([{ kind: 'author', key: 'أرمينيا', name: 'أَرْمِـينيا' }]);
    expect(labelsOf(undefined, 'author')).toEqual([]);
    expect(labelsOf([], 'tag')).toEqual([]);
  });

  it('isLabelKind accepts tag and author only', () => {
    expect(labelKinds).toEqual(['tag', 'author']);
    for (const kind of ['tag', 'author']) expect(isLabelKind(kind), kind).toBe(true);
    for (const other of ['tags', 'Tag', 'section', '', undefined, null, 1, ['tag']])
      expect(isLabelKind(other), String(other)).toBe(false);
  });
});

/**
 * Limits of light stemming found while writing these tests. Each `it.fails` states the behaviour
 * search should have and passes while the analyzer still gets it wrong: when one is fixed, it
 * fails, and should become a plain `it`.
 */
describe('known stemmer limits (it.fails until fixed)', () => {
  // Accepted light-stemming limit: bare فلسطين loses ف and ل as possible prefixes and ين as the
  // plural suffix (forms فلسط, لسط, سطين), while in الفلسطينية the ية comes off first and leaves
  // فلسطين. Telling a root's ين from the plural ending takes a dictionary; so does the nisba
  // adjective of لبنان (لبن, بنان against اللبنانية → لبنان).
  it.fails.each([
    ['فلسطين', 'الفلسطينية'],
    ['لبنان', 'اللبنانية'],
  ])('%s finds the adjective %s', (noun, adjective) => {
    expect(matches(noun, adjective), `query "${noun}" should find "${adjective}"`).toBe(true);
  });

  // Accepted light-stemming limit: ان comes off لبنان as the dual ending, so its primary form is
  // لبن (milk), and a query for لبن finds every story about Lebanon.
  it.fails('لبن (milk) does not find لبنان (Lebanon)', () => {
    expect(matches('لبن', 'لبنان'), 'query "لبن" should not find "لبنان"').toBe(false);
  });
});

describe('terms: a name after a preposition, its suffixes off as on the bare name', () => {
  it.each([
    ['يريفان', 'ليريفان'],
    ['يريفان', 'وليريفان'],
    ['إيران', 'بإيران'],
    ['إيران', 'لإيران'],
    ['لبنان', 'بلبنان'],
    ['فلسطين', 'بفلسطين'],
    ['أرمينية', 'كأرمينية'],
  ])('query %s finds %s (with a preposition)', (word, withPreposition) => {
    expect(matches(word, withPreposition), `query "${word}" should find "${withPreposition}"`).toBe(true);
  });
});
