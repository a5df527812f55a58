import { defineCollection } from 'astro:content';
import { articleLoader, entityLoader } from './loaders/archive-loaders.ts';

export const collections = {
  articles: defineCollection({ loader: articleLoader() }),
  entities: defineCollection({ loader: entityLoader() }),
};
