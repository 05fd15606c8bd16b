import stat
from pathlib import Path

from thbdesk.core.paths import cache_dir, config_dir, data_dir, log_dir


def test_user_folders_are_private_and_loose_ones_are_tightened(thbdesk_home: Path) -> None:
    (thbdesk_home / "cache").mkdir(parents=True)
    (thbdesk_home / "cache").chmod(0o755)
    for folder in (data_dir(), cache_dir(), config_dir(), log_dir()):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
