"""The ``drafting`` command as a user's ``pip install`` leaves it, for the benchmarks that time
whole commands.

The project's own environment holds an editable install: setuptools puts an import hook in a
``.pth`` file, which every interpreter started there imports before anything else (pathlib,
urllib, ipaddress: 8 ms of a 100 ms redline command). An installed copy has no such hook. So the
commands timed as a user runs them come from a wheel of the working tree installed into a
throw-away environment: the wheel's console script and data files, its bytecode compiled by pip,
the dependencies of the project's environment on the path (a ``.pth`` line that names its
``site-packages``; the ``.pth`` files in there, the hook among them, are not run). The peers run
with the same interpreter, so both sides start alike.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def installed() -> Iterator[Path]:
    """The ``bin`` folder of a temporary environment where the working tree is installed (its
    ``drafting`` script and its ``python``); removed on exit."""
    with tempfile.TemporaryDirectory(prefix="drafting-installed-") as tmp:
        tmp = Path(tmp)
        pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
        made = subprocess.run([*pip, "wheel", "--no-deps", "-w", str(tmp / "wheel"), str(ROOT)],
                              capture_output=True, text=True)
        if made.returncode:   # (pip fetches the build backend: no network, no wheel)
            last = (made.stderr.strip().splitlines() or ["no message"])[-1]
            raise SystemExit(f"could not build a wheel of the working tree to time it as installed: {last}")
        env = tmp / "env"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
        target = env / "bin" / "python"
        wheel = next((tmp / "wheel").glob("drafting-*.whl"))
        subprocess.run([*pip, "--python", str(target), "install", "--no-deps", str(wheel)],
                       check=True, capture_output=True)
        site = subprocess.run([str(target), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              check=True, capture_output=True, text=True).stdout.strip()
        ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
        Path(site, "_project_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
        yield env / "bin"
