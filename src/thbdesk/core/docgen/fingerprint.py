"""The document fingerprint: a short SHA-256 of what was answered, printed in every footer.

Only the answers, the form id and the form version count: saving the same answers again (a new
``saved_at``) or writing the keys in another order gives the same fingerprint, so the register can
tell whether two printed documents say the same thing.

>>> from thbdesk.core.forms.answers import Answers
>>> a = Answers("referral", 1, {"priority": "urgent", "person_name": "Amina"}, "2026-11-30T10:00:00+00:00")
>>> b = Answers("referral", 1, {"person_name": "Amina", "priority": "urgent"}, "2026-12-01T08:00:00+00:00")
>>> fingerprint(a) == fingerprint(b), len(fingerprint(a))
(True, 16)
"""

from __future__ import annotations

import hashlib
import json

from thbdesk.core.forms.answers import Answers

LENGTH = 16  # hex digits: 64 bits, plenty to tell documents apart, short enough to read aloud


def canonical_answers(answers: Answers) -> bytes:
    """Sorted keys, UTF-8, no whitespace; values as stored (codes, ISO dates, free-text maps)."""
    data = {"form": answers.form, "form_version": answers.form_version, "answers": answers.answers}
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.encode("utf-8", "surrogatepass")


def fingerprint(answers: Answers) -> str:
    return hashlib.sha256(canonical_answers(answers)).hexdigest()[:LENGTH]
