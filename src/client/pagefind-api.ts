/** What the search page uses of Pagefind's browser API (its script ships no types). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export type Counts = Record<string, Record<string, number>>;
export interface PagefindResult {
  /** The result's fields (`title`…) the words matched. */
  matchedMetaFields?: string[];
  data(): Promise<PagefindResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  filters: Counts;
}
export interface PagefindInstance {
  options(options: { mergeFilter: Record<string, string> }): Promise<void>;
  mergeIndex(basePath: string, options: { mergeFilter: Record<string, string> }): Promise<void>;
  filters(): Promise<Counts>;
  search(query: string | null, options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
}
export interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string }): PagefindInstance;
}
