"""The Library area: reading the bundled summaries and imported official texts."""
