import subprocess
import sys

from thbdesk import __version__
from thbdesk.cli import main


def run_cli(*args: str, env_lang: str | None = None, **kwargs):
    import os

    env = {**os.environ}
    if env_lang:
        env["THBDESK_LANG"] = env_lang
    return subprocess.run(
        [sys.executable, "-m", "thbdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        **kwargs,
    )


def test_version_from_the_command_line() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"thbdesk {__version__}"


def test_help_is_in_the_chosen_language() -> None:
    french = run_cli("--ui-lang", "fr", "--help")
    assert "Bibliothèque juridique et documents trilingues" in french.stdout
    arabic = run_cli("--help", env_lang="ar")
    assert "مكتبة قانونية" in arabic.stdout


def test_unknown_message_language_is_bad_input_told_in_the_settings_language(capsys) -> None:
    assert main(["--ui-lang=de", "--version"]) == 2
    assert capsys.readouterr().err.strip() == "لغة غير معروفة de. استعمل ar أو fr أو en."


def test_unknown_language_from_the_environment_is_refused(monkeypatch, capsys) -> None:
    from thbdesk.core.settings import Settings, save_settings

    save_settings(Settings(language="fr"))
    monkeypatch.setenv("THBDESK_LANG", "xx")
    assert main(["--version"]) == 2
    assert capsys.readouterr().err.strip() == "Langue inconnue xx. Utilisez ar, fr ou en."
