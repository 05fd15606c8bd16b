"""Generating documents from the review page: options, a run off the GUI thread, a preview."""
