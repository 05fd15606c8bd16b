"""The wizard's draft store while the register is locked: it holds nothing and accepts nothing.

Drafts hold personal data, so there is no plaintext fallback: a save while locked is refused with a
message, and the answers stay in the window until the register is unlocked.
"""

from __future__ import annotations

import builtins

from thbdesk.core.errors import RegisterLockedError, ThbError
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.drafts import DraftInfo


class LockedDraftStore:
    def save(self, draft_id: str, answers: Answers) -> Answers:
        raise RegisterLockedError()

    def load(self, draft_id: str) -> Answers:
        raise RegisterLockedError()

    def list(self) -> builtins.list[DraftInfo]:
        return []

    def delete(self, draft_id: str) -> None:
        raise RegisterLockedError()

    def take_notices(self) -> builtins.list[ThbError]:
        return []
