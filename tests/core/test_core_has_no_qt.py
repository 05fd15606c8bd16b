import subprocess
import sys


def test_importing_every_core_module_loads_no_pyside6() -> None:
    script = (
        "import pkgutil, importlib, sys, thbdesk.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'thbdesk.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import thbdesk.cli\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
