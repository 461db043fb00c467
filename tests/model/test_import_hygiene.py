"""The model must never import Textual: it runs and is tested without a terminal."""

import subprocess
import sys


def test_importing_the_model_never_imports_textual() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import tui.model\n"
        "for info in pkgutil.walk_packages(tui.model.__path__, 'tui.model.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(name for name in sys.modules if name == 'textual' or name.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"the model imported {result.stdout.strip()}"
