"""Legal search: text analysis (Arabic, French, English), index schema, indexer and searcher."""
