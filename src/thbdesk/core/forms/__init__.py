"""Guided forms: specs, answers, the interview engine and the qualification helper (Qt-free)."""
