"""Print a document to PDF with LibreOffice, updating its indexes (the table of contents) first,
as an editor does with Tools > Update > Update All before printing.

    /usr/bin/python3 scripts/lo-print.py IN.docx OUT.pdf PROFILE_URL

PROFILE_URL is a LibreOffice user profile of its own (file:///tmp/...), so a running LibreOffice
is not disturbed and this one starts clean. Needs python3-uno (Debian's python3, not a pyenv one).
Exit code 2 when the document cannot be opened, 3 when LibreOffice does not answer.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(src, out, profile):
    pipe = 'casebench-print-%d' % os.getpid()
    office = subprocess.Popen(
        ['soffice', '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '-env:UserInstallation=' + profile, '--accept=pipe,name=%s;urp;' % pipe],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        remote = None
        # A first start with a new profile takes a few seconds.
        for _ in range(600):
            try:
                remote = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                time.sleep(0.1)
        if remote is None:
            print('LibreOffice did not answer', file=sys.stderr)
            return 3
        desktop = remote.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', remote)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
        if doc is None:
            print('LibreOffice could not open %s' % src, file=sys.stderr)
            return 2
        indexes = doc.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop('FilterName', 'writer_pdf_Export'),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # it is going away: the bridge drops
        return 0
    finally:
        try:
            office.wait(timeout=30)
        except Exception:
            office.kill()


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:4]))
