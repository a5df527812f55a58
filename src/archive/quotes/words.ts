/** Word lists for reading frames, compared folded and lowercased. */

export const VIETNAMESE_SURNAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo',
  'duong', 'ly', 'vuong', 'trinh', 'truong', 'dinh', 'lam', 'mai', 'to', 'ha', 'cao', 'luu', 'ta',
]);

/** Words after a surname that are not it: "Martin Luther King Jr." is King. */
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Words that belong to the surname after them: "Le Pen", "Van Hollen", "Da Silva". */
export const SURNAME_PARTICLES = new Set([
  'le', 'la', 'de', 'du', 'des', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'al', 'el', 'bin', 'ibn',
]);

export const KHMER_SCRIPT = /[\u1780-\u17ff\u19e0-\u19ff]/u;

export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'added', 'adds', 'wrote', 'writes', 'explained',
  'explains', 'noted', 'notes', 'insisted', 'insists', 'argued', 'argues', 'warned', 'warns', 'declared',
  'declares', 'announced', 'announces', 'replied', 'replies', 'responded', 'responds', 'recalled', 'recalls',
  'continued', 'continues', 'asked', 'asks', 'claimed', 'claims', 'remarked', 'remarks', 'admitted', 'admits',
  'conceded', 'concedes', 'acknowledged', 'acknowledges', 'observed', 'observes', 'commented', 'comments',
  'emphasised', 'emphasized', 'emphasises', 'emphasizes', 'stressed', 'stresses', 'suggested', 'suggests',
  'concluded', 'concludes', 'maintained', 'maintains', 'agreed', 'agrees', 'tweeted', 'posted', 'shouted',
  'whispered', 'cautioned', 'cautions', 'promised', 'promises', 'vowed', 'vows', 'predicted', 'predicts',
  'complained', 'complains', 'boasted', 'joked', 'jokes', 'pleaded', 'urged', 'urges', 'read', 'reads',
  'quipped', 'answered', 'answers', 'countered', 'counters', 'protested', 'objected', 'confirmed',
  'confirms', 'testified', 'recounted', 'wondered', 'mused', 'cried', 'exclaimed', 'proclaimed', 'proclaims',
  'retorted', 'snapped', 'pressed', 'interjected', 'scoffed', 'lamented', 'laments', 'reiterated', 'asserted',
  'asserts', 'contended', 'contends', 'surmised', 'marveled', 'marvelled', 'yelled', 'screamed', 'thundered',
  'demanded', 'texted', 'emailed', 'charged', 'alleged', 'reasoned', 'speculated', 'mocked', 'chided', 'retaliated',
]);

export const DOC_NOUNS = new Set([
  'statement', 'release', 'communique', 'announcement', 'letter', 'report', 'notice', 'declaration', 'memo',
  'memorandum', 'bulletin', 'resolution', 'document', 'decree', 'circular', 'editorial', 'message', 'email',
  'petition', 'manifesto', 'proclamation', 'directive', 'leaflet', 'pamphlet', 'newsletter', 'filing',
]);

/** What someone's words come in, besides documents: "Vendrell's remarks: “…”". */
export const SPEECH_NOUNS = new Set([
  'words', 'remarks', 'comment', 'comments', 'tweet', 'tweets', 'speech', 'quote', 'slogan', 'motto', 'promise',
  'pledge', 'answer', 'response', 'reply', 'claim', 'vow', 'warning', 'post', 'ad', 'video', 'campaign', 'view',
]);

/** A word before a name that makes the name something other than the subject. */
export const PREP_CONJ = new Set([
  'of', 'for', 'to', 'with', 'by', 'from', 'about', 'on', 'at', 'against', 'than', 'like', 'between', 'and',
  'or', 'nor', 'plus', 'including', 'toward', 'towards', 'via', 'per', 'among', 'amongst', 'behind', 'under',
  'over', 'into', 'onto', 'upon', 'beside', 'besides', 'except', 'without', 'within', 'through', 'across',
  'unlike', 'versus', 'vs', 'after', 'before', 'whom', 'whose', 'that', 'which', 'who', 'as', 'than',
]);

export const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', ...POSSESSIVE_PRONOUNS]);
export const OTHER_SUBJECT_PRONOUNS = new Set(['they', 'it', 'we', 'i', 'you', 'who', 'which', 'one', 'someone', 'somebody', 'everyone', 'nobody']);
/** Participles that frame a quotation after a comma: "…, adding: “…”". */
export const PARTICIPLES = new Set([
  'saying', 'adding', 'telling', 'stating', 'noting', 'warning', 'writing', 'explaining', 'declaring', 'arguing',
  'insisting', 'asking', 'tweeting', 'responding', 'replying', 'recalling', 'claiming', 'calling', 'promising', 'vowing',
  'urging', 'predicting', 'quipping', 'concluding', 'proclaiming', 'announcing', 'joking', 'stressing',
]);

/** Between a speech verb and its subject: "X later said", "X has also told". */
export const AUX_ADV = new Set([
  'has', 'had', 'have', 'would', 'will', 'also', 'later', 'then', 'again', 'earlier', 'previously', 'once',
  'further', 'first', 'finally', 'subsequently', 'simply', 'reportedly', 'repeatedly', 'famously', 'recently',
  'often', 'always', 'never', 'once', 'duly', 'promptly', 'however',
]);

/** What may follow a name after an inverted verb ("said Vendrell on Monday"). */
export const AFTER_NAME = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'to', 'from', 'with', 'without',
  'outside', 'inside', 'later', 'yesterday', 'today', 'tonight', 'earlier', 'afterwards', 'afterward',
  'then', 'again', 'once', 'quietly', 'firmly', 'simply', 'flatly', 'angrily',
]);

export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'jr', 'sr', 'prof', 'gen', 'col', 'lt', 'capt', 'sgt', 'rev', 'hon',
  'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'mt', 'ft', 'gov', 'sen', 'rep', 'maj', 'cmdr', 'adm',
]);

/** Honorifics and titles: skipped before a name, never a name themselves. */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'madam', 'madame', 'captain',
  'capt', 'general', 'gen', 'colonel', 'col', 'lieutenant', 'lt', 'sergeant', 'sgt', 'president', 'vice',
  'prime', 'minister', 'deputy', 'secretary', 'chairman', 'chairwoman', 'chair', 'chief', 'governor', 'gov',
  'mayor', 'senator', 'sen', 'judge', 'justice', 'reverend', 'rev', 'lord', 'lady', 'king', 'queen', 'prince',
  'princess', 'excellency', 'samdech', 'oknha', 'lok', 'chumteav', 'ong', 'ba', 'ambassador', 'commissioner',
  'director', 'councillor', 'councilor', 'speaker', 'premier', 'chancellor', 'elder', 'brother', 'sister',
  'father', 'mother', 'uncle', 'aunt', 'rep', 'representative', 'congressman', 'congresswoman', 'assemblyman',
  'assemblywoman', 'admiral', 'adm', 'maj', 'major', 'cmdr', 'commander', 'attorney', 'leader', 'sheriff', 'pastor',
]);

/** Capitalised words that are not names: sentence openers, days, months. */
export const NOT_NAMES = new Set([
  ...TITLES, 'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'of', 'to', 'from', 'with', 'and', 'but', 'or',
  'so', 'yet', 'as', 'if', 'when', 'while', 'after', 'before', 'since', 'until', 'during', 'though', 'although',
  'because', 'however', 'meanwhile', 'later', 'earlier', 'then', 'there', 'here', 'this', 'that', 'these',
  'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your',
  'asked', 'according', 'speaking', 'both', 'all', 'some', 'many', 'most', 'several', 'few', 'one', 'two',
  'three', 'last', 'next', 'also', 'still', 'even', 'only', 'not', 'no', 'yes', 'what', 'which', 'who',
  'where', 'why', 'how', 'instead', 'now', 'today', 'yesterday', 'tomorrow', 'once', 'every', 'each',
  'another', 'other', 'such', 'nothing', 'everything', 'something', 'everyone', 'let', 'please', 'thanks',
  'oh', 'well', 'asked', 'writing', 'neither', 'either', 'just', 'do', 'does', 'did', 'is', 'was', 'are',
  'were', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'has', 'have', 'had', 'first',
  'finally', 'afterwards', 'like', 'unlike', 'despite', 'without', 'within', 'among', 'under', 'over',
  'outside', 'inside', 'nobody', 'none', 'indeed', 'perhaps', 'whatever', 'whether', 'thus', 'hence',
  'otherwise', 'again', 'above', 'below', 'any', 'anyone', 'someone', 'somebody', 'everybody', 'more', 'less',
  'much', 'few', 'fewer', 'whoever', 'whenever', 'wherever', 'once', 'soon', 'already', 'almost', 'only',
  'never', 'always', 'often', 'sometimes', 'later', 'along', 'across', 'around', 'behind', 'beyond', 'near',
  'through', 'throughout', 'toward', 'towards', 'upon', 'via', 'amid', 'against', 'about', 'between', 'ahead',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** People other than the one named: "his deputy", "her daughter". */
export const PERSON_NOUNS = new Set([
  'deputy', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'assistant', 'wife', 'husband', 'son',
  'daughter', 'brother', 'sister', 'mother', 'father', 'colleague', 'lawyer', 'partner', 'friend', 'secretary',
  'adviser', 'advisor', 'successor', 'predecessor', 'rival', 'opponent', 'boss', 'niece', 'nephew', 'cousin',
  'neighbour', 'neighbor', 'apprentice', 'student', 'teacher', 'guard', 'driver', 'bodyguard',
]);

/** Words that open an introductory phrase: "In an interview last week, Hoenlein described…". */
export const INTRODUCING = new Set([
  'in', 'at', 'on', 'after', 'when', 'while', 'during', 'since', 'before', 'following', 'despite',
]);

/** Words that join a sentence to the one before: "And then Trump went…", "But a day later, …". */
export const CONNECTIVES = new Set(['and', 'but', 'then', 'so', 'yet', 'still', 'here', 'there', 'now', 'later', 'earlier']);
