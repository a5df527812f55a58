/** What the archive calls itself. Editors change these two lines for their own archive. */
export const SITE = {
  title: 'Cambodia–Vietnam News Archive',
  description: 'An archive of news coverage of relations between Cambodia and Vietnam: articles, people, organisations, events and places.',
};
