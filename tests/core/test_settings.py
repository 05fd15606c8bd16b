import json
from pathlib import Path

import pytest

from thbdesk.core.errors import SettingsCorruptError
from thbdesk.core.settings import OfficerProfile, Settings, load_settings, save_settings, settings_path


def test_settings_round_trip_through_the_user_config_dir(thbdesk_home: Path) -> None:
    saved = Settings(
        language="fr",
        document_languages=("ar", "en"),
        officer=OfficerProfile(name="سعيد العلوي", rank="Commissaire", unit="Port Tanger Med", phone="0600"),
        document_folder="/home/agent/Documents/إحالات",
        lock_after_minutes=0,
    )
    save_settings(saved)
    assert settings_path().is_relative_to(thbdesk_home)
    assert json.loads(settings_path().read_text(encoding="utf-8"))["version"] == 1
    assert load_settings() == (saved, None)


def test_missing_file_gives_arabic_defaults() -> None:
    settings, problem = load_settings()
    assert problem is None
    assert settings.language == "ar"
    assert settings.document_languages == ("ar", "fr")
    assert settings.lock_after_minutes == 10, "the register locks after 10 idle minutes by default"


def test_settings_of_an_older_version_lock_after_the_default_time() -> None:
    settings_path().write_text('{"version": 1, "language": "fr"}', encoding="utf-8")
    assert load_settings() == (Settings(language="fr"), None)


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b'{"version": 99}',
        b'{"version": 1, "language": "de"}',
        b"[]",
        b'{"version": 1, "lock_after_minutes": -1}',
        b'{"version": 1, "lock_after_minutes": "10"}',
        b'{"version": 1, "lock_after_minutes": true}',
    ],
)
def test_corrupt_file_is_moved_aside_and_defaults_load(content: bytes) -> None:
    path = settings_path()
    path.write_bytes(content)
    settings, problem = load_settings()
    assert settings == Settings()
    assert isinstance(problem, SettingsCorruptError)
    backup = path.with_name("settings.json.bak")
    assert backup.read_bytes() == content
    assert not path.exists()
    assert str(backup) in problem.user_message("en")


def test_a_second_corruption_keeps_the_first_backup() -> None:
    path = settings_path()
    for content in (b"first", b"second"):
        path.write_bytes(content)
        load_settings()
    assert path.with_name("settings.json.bak").read_bytes() == b"first"
    assert path.with_name("settings.json.1.bak").read_bytes() == b"second"


def test_save_leaves_no_temporary_files() -> None:
    save_settings(Settings(language="en"))
    save_settings(Settings(language="fr"))
    assert [p.name for p in settings_path().parent.iterdir()] == ["settings.json"]


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 50_000 + b"]" * 50_000,  # deep nesting: RecursionError in the parser
        b'{"version": true}',
        b'{"version": 1, "document_languages": "ar"}',
        b'{"version": 1, "document_languages": {"ar": 1}}',
        b'{"version": 1, "language": ["fr"]}',
        b'{"version": 1, "officer": {"name": 5}}',
        b'{"version": 1, "officer": []}',
        b'{"version": 1, "document_folder": 5}',
        bytes(range(256)),
    ],
)
def test_any_damage_is_set_aside_with_a_message(content: bytes) -> None:
    settings_path().write_bytes(content)
    settings, problem = load_settings()
    assert settings == Settings() and isinstance(problem, SettingsCorruptError)
    assert settings_path().with_name("settings.json.bak").read_bytes() == content


def test_a_folder_in_place_of_the_file_is_set_aside() -> None:
    settings_path().mkdir()
    settings, problem = load_settings()
    assert settings == Settings() and isinstance(problem, SettingsCorruptError)
    assert settings_path().with_name("settings.json.bak").is_dir()
    save_settings(Settings(language="fr"))
    assert load_settings() == (Settings(language="fr"), None)


def test_the_problem_is_told_again_to_a_later_reader_until_settings_are_saved() -> None:
    """The CLI reads settings first; the window it opens must still be able to tell the user."""
    settings_path().write_bytes(b"{broken")
    first = load_settings()[1]
    assert first is not None and load_settings()[1] is first
    save_settings(Settings())
    assert load_settings() == (Settings(), None)


def test_a_damaged_file_that_cannot_be_moved_still_gives_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from thbdesk.core import settings as module
    from thbdesk.core.errors import SettingsUnreadableError

    settings_path().write_bytes(b"{broken")

    def read_only(path: Path) -> Path:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(module, "_move_aside", read_only)
    settings, problem = load_settings()
    assert settings == Settings() and isinstance(problem, SettingsUnreadableError)
    assert "settings.json" in problem.user_message("en") and settings_path().exists()
