/** Set by src/integrations/archive-mode.ts. */
declare const __ARCHIVE_LIVE__: boolean;
declare const __ARCHIVE_DRAFTS__: boolean;
