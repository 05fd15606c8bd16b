"""The encrypted register of drafts, documents and the audit log (see ``store.Register``)."""
