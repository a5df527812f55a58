/**
 * Word tables of the synthetic archive. Everything is invented; places, currencies and
 * publications too.
 */

export const GIVEN_A = ['Ma', 'Te', 'Ro', 'Ve', 'Al', 'Is', 'Co', 'Bre', 'Da', 'El', 'Fe', 'Ga', 'Ha', 'Ili', 'Jo', 'Ka', 'Li', 'Mo', 'Ne', 'Or', 'Pe', 'Qui', 'Sa', 'Ta', 'Ul', 'Wy', 'Yo', 'Ze', 'Ce', 'Bo', 'Lu', 'Ny'];
export const GIVEN_B = ['ra', 'bin', 'wen', 'lia', 'rick', 'dor', 'nna', 'sset', 'mir', 'lo', 'ric', 'tta', 'vin', 'nor', 'dra', 'mon', 'ssa', 'lan', 'bel', 'dric', 'nwe', 'rys', 'phine', 'tho'];
export const SURNAME_A = ['Quill', 'Ash', 'Bram', 'Copper', 'Dun', 'Ember', 'Fern', 'Gloam', 'Hollow', 'Iron', 'Juniper', 'Kettle', 'Lark', 'Marrow', 'Nettle', 'Oak', 'Pike', 'Rook', 'Salt', 'Thistle', 'Umber', 'Wren', 'Yarrow', 'Birch', 'Cinder', 'Drift', 'Fallow', 'Gorse', 'Heron', 'Loam', 'Moss', 'Pebble', 'Quarry', 'Reed', 'Sorrel', 'Tansy', 'Willow', 'Bracken', 'Clover', 'Harrow'];
export const SURNAME_B = ['feather', 'wick', 'more', 'stone', 'brook', 'field', 'ridge', 'vane', 'worth', 'combe', 'well', 'mantle', 'thorne', 'wood', 'ley', 'ford', 'gate', 'bury', 'shaw', 'croft'];
export const APOSTROPHE_SURNAMES = ["O'Varrick", "D'Amberly", "O'Enthal", "D'Arcenne", "O'Hallor", "D'Orrin", "O'Ulvane", "D'Essany", "O'Ivers", "D'Avenor", "O'Brannagh", "D'Ysolde"];
export const TITLES = ['Dr', 'Professor', 'Judge', 'Captain', 'Councillor', 'Deputy'];

export const VN_FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lâm', 'Mai'];
export const VN_MIDDLE = ['Văn', 'Thị', 'Đình', 'Minh', 'Quang', 'Thanh', 'Hữu', 'Ngọc', 'Xuân', 'Đức', 'Kim', 'Bảo'];
export const VN_GIVEN = ['Thử', 'Lượm', 'Khuê', 'Vỹ', 'Tường', 'Quỳnh', 'Diệp', 'Hạnh', 'Khải', 'Lộc', 'Nhã', 'Phượng', 'Sương', 'Thắm', 'Uyên', 'Yến', 'Đạt', 'Cường', 'Duẩn', 'Giao', 'Hiển', 'Kiều', 'Luân', 'Mẫn', 'Ngạn', 'Oanh', 'Quế', 'Sỹ', 'Tạo', 'Xoan', 'Chinh', 'Dũng', 'Khánh', 'Nguyệt', 'Thiều', 'Vịnh', 'Lựu', 'Sảng', 'Ước', 'Thơm'];

/** Khmer syllables with a romanisation, for names written in Khmer script. */
export const KM_FAMILY: readonly [string, string][] = [
  ['កែវ', 'Keo'], ['ជា', 'Chea'], ['ឈឹម', 'Chhim'], ['ម៉ៅ', 'Mao'], ['ពេជ្រ', 'Pich'], ['សៀង', 'Sieng'],
  ['ទេព', 'Tep'], ['យឹម', 'Yim'], ['ឡុង', 'Long'], ['ឃាង', 'Kheang'], ['នួន', 'Nuon'], ['អ៊ុក', 'Ouk'],
];
export const KM_GIVEN: readonly [string, string][] = [
  ['សុខ', 'Sok'], ['ចាន់', 'Chan'], ['ដារ៉ា', 'Dara'], ['សុភា', 'Sophea'], ['វណ្ណា', 'Vanna'], ['រតនា', 'Ratana'],
  ['បុប្ផា', 'Bopha'], ['គឹម', 'Kim'], ['ស្រីពៅ', 'Sreypov'], ['ធីតា', 'Thida'], ['សំណាង', 'Samnang'], ['វិចិត្រ', 'Vichet'],
  ['សុវណ្ណ', 'Sovann'], ['មុនី', 'Mony'], ['រស្មី', 'Reaksmey'], ['ចិន្តា', 'Chenda'], ['ណារី', 'Neary'], ['ពិសិដ្ឋ', 'Piseth'],
  ['សម្បត្តិ', 'Sambath'], ['ឧត្តម', 'Oudom'], ['កញ្ញា', 'Kanha'], ['វាសនា', 'Veasna'], ['សុផល', 'Sophal'], ['ឧស្សាហ៍', 'Ousa'],
];

export const COUNTRIES = ['Orrinmark', 'Valdesse', 'Caldria', 'Norvane', 'Ostrelle'];
export const PLACE_A = ['Vell', 'Isk', 'Thann', 'Orr', 'Brae', 'Call', 'Dorr', 'Esk', 'Farr', 'Gill', 'Hall', 'Kess', 'Lir', 'Morr', 'Nann', 'Pell', 'Quen', 'Ross', 'Sill', 'Torr', 'Vard', 'Wenn', 'Yarr', 'Zell', 'Aber', 'Carr', 'Dell', 'Fenn', 'Garr', 'Lorr'];
export const PLACE_B = ['mar', 'ford', 'holm', 'mouth', 'dale', 'haven', 'port', 'stead', 'gard', 'ness', 'by', 'wick', 'ton', 'moor', 'strand'];
export const PLACE_PREFIX = ['Upper', 'Lower', 'North', 'South', 'Port', 'Old'];
export const VN_PLACE_PREFIX = ['Bến', 'Làng', 'Cửa', 'Bãi', 'Xóm'];
export const REGIONS = ['the Salt Coast', 'the Lantern Hills', 'the Orrin Basin', 'the Northern Marches', 'the Tidewater Delta', 'the Cinder Plateau'];

export const FIELDS = ['Tidal Affairs', 'Lantern Works', 'Salt Roads', 'Ferries and Canals', 'Harvest Reserves', 'Coastal Defence', 'Public Archives', 'River Health', 'Weights and Measures', 'Night Markets', 'Bridges', 'Seed Banks', 'Wind and Weather', 'Fisheries', 'Schools', 'Labour', 'Heritage', 'Water', 'Forests', 'Railways'];
export const PLACE_BODIES = ['Harbour Authority', 'Chamber of Commerce', 'Ferry Cooperative', "Growers' Union", "Weavers' Guild", 'City Council', 'Water Board', 'Rowing Club', 'Lantern Society', 'Teachers Association', 'Port Trust', 'Fire Brigade'];
export const SURNAME_BODIES = ['Foundation', 'Trust', 'Institute', 'Observatory', 'Conservatory'];
export const PARTY_ADJ = ['Lantern', 'Tideline', 'Granary', 'Open Road', 'Copperleaf', 'Riverbank', 'Salt Meadow', 'Harbour Light', 'Stonebridge', 'Long Field'];
export const COMPANY_ADJ = ['Northern', 'Amber', 'Silver', 'Cobalt', 'Harbourside', 'Tidewater', 'Saltmarsh', 'Greyfleet', 'Bluewater', 'Highgate'];
export const COMPANY_NOUN = ['Shipping', 'Rail', 'Mills', 'Textiles', 'Canning', 'Power', 'Telegraph', 'Salt', 'Glassworks', 'Ropeworks'];
export const COMPANY_KIND = ['Company', 'Group', 'Holdings', 'Works'];
export const EVENT_NOUNS = ['harbour strike', 'lantern festival', 'flood', 'grain summit', 'ferry disaster', 'by-election', 'salt march', 'trade fair', 'census', 'bridge opening', 'regatta', 'drought', 'rail strike', 'peace talks', 'water referendum', 'storm surge', 'book fair', 'dock fire'];

export const TAGS = [
  'diplomacy', 'trade', 'elections', 'fisheries', 'shipping', 'weather', 'courts', 'health', 'education', 'transport',
  'energy', 'agriculture', 'culture', 'sport', 'labour', 'housing', 'budget', 'corruption', 'environment', 'science',
  'technology', 'tourism', 'religion', 'crime', 'defence', 'migration', 'water', 'infrastructure', 'media', 'arts',
  'heritage', 'finance', 'banking', 'markets', 'mining', 'forestry', 'ports', 'railways', 'aviation', 'telecoms',
  'censorship', 'protest', 'parliament', 'local government', 'public health', 'floods', 'drought', 'festivals', 'obituaries', 'interviews',
  'analysis', 'opinion', 'investigations', 'human rights', 'land rights', 'customs', 'taxation', 'pensions', 'statistics', 'archaeology',
];

export const ROLES = ['Minister of {field}', 'Mayor of {place}', 'Spokesperson for the {org}', 'Director of the {org}', 'Harbour master at {place}', 'Economist', 'Union organiser', 'Opposition deputy', 'Judge of the Coastal Court', 'Ferry captain', 'Schoolteacher in {place}', 'Fisheries inspector', 'Novelist', 'Archivist', 'Chair of the {org}'];
export const SOURCES = ['The Harbour Ledger', 'Morning Lantern', 'The Tideline Review', 'Northern Packet', 'The Salt Road Gazette', 'Báo Sương Mai', 'The Weekly Ferryman'];

export const HEADLINE_VERBS = ['pledges', 'rejects', 'defends', 'unveils', 'questions', 'backs', 'delays', 'revives', 'scraps', 'expands', 'halts', 'reviews'];
export const HEADLINE_VERBS_PLURAL = ['pledge', 'reject', 'defend', 'unveil', 'question', 'back', 'delay', 'revive', 'scrap', 'expand', 'halt', 'review'];
export const HEADLINE_OBJECTS = ['new harbour levy', 'plan to dredge the salt flats', 'ferry subsidy', 'lantern tax', 'grain reserve', 'coastal road', 'tram line extension', 'fishing quotas', 'school calendar reform', 'water tariff', 'bridge tolls', 'archive budget', 'market charter', 'flood barrier', 'wind farm tender', 'night-ferry service', 'pension reform', 'dock workers’ contract', 'census count', 'rail timetable'];
export const HEADLINE_AFTER = ['after weeks of talks', 'amid protests', 'despite objections', 'as costs rise', 'after storm damage', 'ahead of the vote', 'in surprise move'];

export const NOUN_PHRASES = ['the harbour levy', 'the ferry timetable', 'the grain reserve', 'the salt tax', 'the lantern subsidy', 'the river dredging plan', 'the coastal road', 'the new tram line', 'the fishing quota', 'the school calendar', 'the water tariff', 'the bridge tolls', 'the archive budget', 'the census count', 'the market charter', "the dock workers' contract", 'the flood barrier', 'the wind farm tender', 'the night-ferry service', 'the pension reform'];
export const VERBS_PAST = ['announced', 'defended', 'outlined', 'rejected', 'welcomed', 'criticised', 'unveiled', 'questioned', 'postponed', 'approved', 'revised', 'challenged'];
export const TIMES = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'over the weekend', 'late on Sunday', 'earlier this week', 'this morning', 'after weeks of talks'];
export const CLAUSES = ['ending months of uncertainty', 'despite objections from local traders', 'in a move that surprised observers', 'as pressure mounted from the opposition', "after a review of last year's accounts", 'citing rising costs along the coast', 'with little warning to the families affected', 'to applause from the public gallery'];
export const GROUPS = ['small traders', 'ferry crews', 'families on the outer islands', 'pensioners', 'night-shift workers', 'farmers in the river valleys', 'students', 'the fishing fleet', 'market porters', 'lighthouse keepers'];
export const THINGS = ['shorter queues at the quay', 'a fall in winter prices', 'new jobs in the boatyards', 'cleaner water in the estuary', 'two new schools', 'a busier night market', 'longer opening hours at the archive'];
export const QUOTES = [
  'We have listened carefully and we will act', 'This is not the end of the matter', 'Nobody in this city should have to wait three years for a ferry',
  'The numbers speak for themselves', 'We are ready to talk, but not at any price', 'I have never seen the quay this quiet',
  'People are tired of promises', 'It is a fair deal for everyone on the coast', 'We will take this to the courts if we must',
  'There is still time to get this right', 'My grandmother sold salt on this street, and so did hers', 'Nobody asked us',
  'The plan is sound, the money is there, and the work starts in spring', 'We cannot dredge our way out of a storm',
  'Every family will feel this in their pocket', 'This is a good day for the harbour', 'I would ask the minister to come and see for himself',
  'We expected more, frankly', 'It is too early to say what went wrong', 'The lanterns will be lit again next year',
];
export const AFTER_QUOTE = ['leaving the hall without taking questions', 'adding that talks would resume next week', 'before the meeting broke up', 'to cheers from the crowd'];
export const LIST_ITEMS = ['a new ferry berth at the north quay', 'two additional harbour inspectors', 'a review of toll charges', 'free lantern permits for the first year', 'a fund for repairs to the sea wall', 'longer hours at the night market', 'a public register of dredging contracts', 'an independent audit of the grain reserve', 'a hotline for ferry complaints', 'tree planting along the coastal road', 'a ban on night trawling near the estuary', 'a new bus route to the outer villages'];
export const HEADINGS = ['Background', 'What happens next', 'Reaction', 'The numbers', 'A long dispute', 'Local concerns', 'Costs and benefits', 'What critics say', 'The road ahead', 'In the courts', 'Voices from the quay', 'Timeline', 'How we got here', 'The view from the market'];
export const LIST_INTROS = ['The plan includes:', 'Among the measures announced:', 'The proposals cover:'];
/** The fixed words of the body sentences below (ArticleWriter), for the vocabulary check. */
export const BODY_PHRASES = [
  'said told reporters said before', 'A spokesperson for declined to comment on', 'In a statement said it had', 'In Officials in',
  'Memories of still shape the debate over', 'According to a report published by the', 'The full text of the proposal runs to pages',
  'per cent million thousand hundred crowns',
];
export const FILLER = [
  'Figures published {time} show {noun} cost {n} million crowns last year, {k} per cent more than planned.',
  'Officials said the work would take {k} years and employ about {n} people.',
  'Critics argue that {noun} has done little for {group}, while supporters point to {thing}.',
  'The council is expected to vote on {noun} before the end of the month.',
  'Similar proposals were shelved in {year} and again in {year2}.',
  'Residents interviewed along the waterfront were divided.',
  'Some said they welcomed {noun}; others worried about {group}.',
  'The debate has grown sharper since {noun} was first proposed {k} years ago.',
  'Independent economists estimate the change could save {n} million crowns over a decade.',
  'The opposition has called for a public inquiry into {noun}.',
  'Trade figures for the quarter are due {time}.',
  'Turnout at the public meeting was the highest in {k} years, according to the organisers.',
  'A petition against {noun} has gathered more than {n} thousand signatures.',
  'The plans were published in full {time}, running to {n} pages.',
  'Storms in {year} damaged much of the old sea wall, and repairs are still unfinished.',
  'For {group}, the question is less what the plan says than when it will arrive.',
  'The minutes of the meeting, seen by this newspaper, record a long and at times heated discussion.',
  'No date has been set for a final decision.',
  'Prices at the fish market have risen for {k} consecutive months.',
  'The proposal would also change how {noun} is paid for, shifting costs from households to shipping firms.',
];
