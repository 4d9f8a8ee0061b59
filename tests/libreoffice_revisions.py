"""Accept or reject every tracked change of Word files in LibreOffice, as a person would.

Run by the system Python, which has LibreOffice's ``uno`` module (the project's environment has
not): ``python3 tests/libreoffice_revisions.py OUTDIR FILE.docx...``. One headless LibreOffice
serves every file; for each ``X.docx`` it writes ``OUTDIR/X.accepted.docx`` (Edit > Track
Changes > Accept All) and ``OUTDIR/X.rejected.docx`` (Reject All), saved as Word files again.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

COMMANDS = {"accepted": ".uno:AcceptAllTrackedChanges", "rejected": ".uno:RejectAllTrackedChanges"}


def _prop(name: str, value) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe: str):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not start")


def main(outdir: Path, files: list[Path]) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        pipe = f"drafting_revisions_{Path(profile).name}"
        office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore",
                                   f"-env:UserInstallation=file://{profile}",
                                   f"--accept=pipe,name={pipe};urp;"])
        try:
            ctx = _connect(pipe)
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            for path in files:
                for state, command in COMMANDS.items():
                    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(path.resolve())), "_blank", 0,
                                                       (_prop("Hidden", True),))
                    dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
                    target = outdir / f"{path.stem}.{state}.docx"
                    doc.storeToURL(uno.systemPathToFileUrl(str(target.resolve())),
                                   (_prop("FilterName", "MS Word 2007 XML"),))
                    doc.close(True)
            desktop.terminate()
        finally:
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()


if __name__ == "__main__":
    main(Path(sys.argv[1]), [Path(a) for a in sys.argv[2:]])
