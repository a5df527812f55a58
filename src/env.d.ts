/** Set by src/integrations/archive-mode.ts. */
declare const __ARCHIVE_LIVE__: boolean;
declare const __ARCHIVE_DRAFTS__: boolean;
/** The build cache folder (Astro's cacheDir), where the content sync leaves the article list. */
declare const __ARCHIVE_CACHE_DIR__: string;
