"""Documents from answers: a neutral tree (``model``) that the DOCX and PDF writers lay out."""
