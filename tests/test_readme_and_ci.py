"""The two README commands are the product's promise: CI must run the test one verbatim."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_command(section: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(rf"## {section}\n.*?```sh\n(.+?)\n```", text, re.S)
    assert block, f"README has no command under '{section}'"
    return block.group(1).strip()


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    command = readme_command("Install and test")
    assert "pytest" in command
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in ci_lines


def test_readme_run_command_starts_the_installed_app() -> None:
    command = readme_command("Install and run")
    assert "pip install ." in command and command.endswith("thbdesk")
