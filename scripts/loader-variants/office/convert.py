#!/usr/bin/python3
"""Print Word documents to PDF with LibreOffice, headless, after updating their indexes.

LibreOffice's plain `--convert-to pdf` leaves a table of contents as the file has it (empty, or
without page numbers). Here each document is opened over UNO, every document index (the TOC)
and field is updated twice (the TOC's own length can move the pages it lists), and the
document is exported with writer_pdf_Export.

    /usr/bin/python3 convert.py jobs.json
    jobs.json: [{"in": "/abs/a.docx", "out": "/abs/a.pdf"}, ...]

Needs python3-uno (Debian) and soffice on PATH. Prints one line per document.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        if proc.poll() is not None:
            raise RuntimeError("soffice exited before it accepted a connection")
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.5)
    raise RuntimeError("soffice did not accept a connection within 60 s")


def main():
    jobs = json.load(open(sys.argv[1]))
    profile = tempfile.mkdtemp(prefix="casebench-lo-")
    pipe = f"casebench_{os.getpid()}"
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for job in jobs:
            started = time.time()
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["in"]), "_blank", 0, (prop("Hidden", True),))
            indexes = doc.getDocumentIndexes()
            for _ in range(2):
                for i in range(indexes.getCount()):
                    indexes.getByIndex(i).update()
                doc.getTextFields().refresh()
            doc.storeToURL(uno.systemPathToFileUrl(job["out"]), (prop("FilterName", "writer_pdf_Export"),))
            pages = doc.getCurrentController().getPropertyValue("PageCount")
            count = indexes.getCount()
            doc.close(True)
            print(f"{job['out']}: {pages} pages, {count} indexes updated, {time.time() - started:.1f} s", flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
