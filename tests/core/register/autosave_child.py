"""Run by test_kill.py: autosave drafts in a loop and print each id once its save has returned.

argv: register folder, passphrase, run number. Never returns; the test kills it with SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

from thbdesk.core.forms.answers import Answers
from thbdesk.core.register.store import Register


def main() -> None:
    folder, passphrase, run = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    store = Register.open(passphrase, folder).drafts()
    n = 0
    while True:
        n += 1
        body = {"n": n, "person_name": {"text": f"اسم {n} " + "س" * (n % 300), "lang": "ar"}}
        draft_id = f"kill-{run}-{n}"
        store.save(draft_id, Answers("referral", 1, body))
        print(f"new {draft_id} {n}", flush=True)
        store.save(f"kill-{run}-same", Answers("referral", 1, {"n": n}))
        print(f"same kill-{run}-same {n}", flush=True)


if __name__ == "__main__":
    main()
