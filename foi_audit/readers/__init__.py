"""Readers, one module per format, behind a registry keyed by file type.

Each reader is a function ``read(data: bytes, name: str) -> Extraction`` registered with
:func:`reader`. :func:`sniff_format` decides the type from the bytes first and the extension
second, so a Word file saved as ``.pdf`` is still read and a program renamed ``.pdf`` is not.
Readers import their heavy libraries inside the function so that ``foi-audit --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import zipfile
from collections.abc import Callable
from pathlib import PurePath

from foi_audit.errors import EmptyFile, EncryptedFile, UnsupportedFormat
from foi_audit.records import Extraction

ReaderFn = Callable[[bytes, str], Extraction]

# format -> "module:function"; imported lazily on first use.
_REGISTRY: dict[str, str] = {
    "pdf": "foi_audit.readers.pdf:read",
    "docx": "foi_audit.readers.docx:read",
    "xlsx": "foi_audit.readers.spreadsheet:read_xlsx",
    "xls": "foi_audit.readers.spreadsheet:read_other",
    "ods": "foi_audit.readers.spreadsheet:read_other",
    "csv": "foi_audit.readers.text:read_csv",
    "txt": "foi_audit.readers.text:read_txt",
    "html": "foi_audit.readers.html:read",
    "eml": "foi_audit.readers.email:read",
    "msg": "foi_audit.readers.msg:read",
    "doc": "foi_audit.readers.legacy:read_doc",
    "odt": "foi_audit.readers.legacy:read_odt",
    "rtf": "foi_audit.readers.legacy:read_rtf",
    "image": "foi_audit.readers.image:read",
    "zip": "foi_audit.readers.archive:read",
}

EXTENSIONS: dict[str, str] = {
    ".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".xls": "xls", ".ods": "ods", ".csv": "csv", ".txt": "txt", ".text": "txt",
    ".htm": "html", ".html": "html", ".eml": "eml", ".msg": "msg", ".doc": "doc",
    ".odt": "odt", ".rtf": "rtf", ".jpg": "image", ".jpeg": "image", ".png": "image",
    ".tif": "image", ".tiff": "image", ".zip": "zip",
}  # fmt: skip

FORMATS = tuple(_REGISTRY)


def register(fmt: str, target: str) -> None:
    """Register (or replace) the reader for ``fmt``: ``target`` is ``"module:function"``."""
    _REGISTRY[fmt] = target


def get_reader(fmt: str) -> ReaderFn:
    try:
        module_name, func_name = _REGISTRY[fmt].split(":")
    except KeyError:
        raise UnsupportedFormat(f"no reader for format {fmt!r}") from None
    func: ReaderFn = getattr(importlib.import_module(module_name), func_name)
    return func


_EXECUTABLE_MAGIC = {
    b"MZ": "a Windows program (.exe)",
    b"\x7fELF": "a Linux program",
    b"\xcf\xfa\xed\xfe": "a macOS program",
    b"#!": "a script",
}
_IMAGE_MAGIC = {b"GIF8": "a GIF image"}  # other images are pages, OCR'd (_PAGE_IMAGES)
# Page images OCR'd as they are (a GIF, often a logo or an animation, is not read).
_PAGE_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_ARCHIVE_MAGIC = {
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\x1f\x8b": "a gzip archive",
}


def sniff_format(data: bytes, name: str) -> str:
    """The format to read ``data`` as; raises a one-line error for what we cannot read."""
    ext = PurePath(name).suffix.lower()
    by_ext = EXTENSIONS.get(ext, "")
    if not data:
        raise EmptyFile("the file is empty (0 bytes): ask the trust to send it again")
    head = data[:8]
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, what in _EXECUTABLE_MAGIC.items():
        if head.startswith(magic) and not (magic == b"#!" and by_ext in {"txt", "csv"}):
            raise UnsupportedFormat(f"this is {what}, not a document: do not open it; delete it")
    if any(head.startswith(magic) for magic in _PAGE_IMAGES):
        return "image"  # a photo or scan of a page: OCR'd
    for magic, what in (_IMAGE_MAGIC | _ARCHIVE_MAGIC).items():
        if head.startswith(magic):
            hint = (
                "save it as PNG or PDF so it can be OCR'd"
                if magic in _IMAGE_MAGIC
                else "unpack it into the raw folder"
            )
            raise UnsupportedFormat(f"this is {what}: {hint}")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, by_ext)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _sniff_ole(data, by_ext)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    # Text formats: trust the extension, then look at the content.
    if by_ext in {"csv", "txt", "html", "eml"}:
        return by_ext
    sample = data[:4096].lstrip().lower()
    if sample.startswith((b"<!doctype html", b"<html")) or b"<body" in sample:
        return "html"
    if _looks_like_email(sample):
        return "eml"
    if by_ext:
        return by_ext
    if _looks_like_text(data[:4096]):
        return "txt"
    raise UnsupportedFormat(
        f"unknown file type {ext or '(no extension)'}: save it as PDF, DOCX, XLSX or TXT"
    )


def _sniff_zip(data: bytes, by_ext: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        # A damaged Office file: let the reader named by the extension give the error.
        if by_ext in {"docx", "xlsx", "ods", "odt"}:
            return by_ext
        raise UnsupportedFormat("damaged zip archive: ask the trust to send it again") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "EncryptionInfo" in names:  # not a real zip member, but keeps intent clear
        return by_ext
    if "content.xml" in names:
        mimetype = ""
        with contextlib.suppress(KeyError):
            mimetype = zipfile.ZipFile(io.BytesIO(data)).read("mimetype").decode("ascii", "ignore")
        if "spreadsheet" in mimetype:
            return "ods"
        if "text" in mimetype:
            return "odt"
    return "zip"  # a zip of documents: each read as an attachment of the archive


def _sniff_ole(data: bytes, by_ext: str) -> str:
    """Old Office files, Outlook messages and encrypted OOXML all use the OLE container."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except OSError:
        return by_ext or "doc"
    try:
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise EncryptedFile(
                "the file is password-protected: ask the trust for an unprotected copy"
            )
        if ole.exists("__properties_version1.0") or ole.exists("__substg1.0_0037001F"):
            return "msg"
        if ole.exists("Workbook") or ole.exists("Book"):
            return "xls"
        if ole.exists("WordDocument"):
            return "doc"
    finally:
        ole.close()
    return by_ext or "doc"


def _looks_like_email(sample: bytes) -> bool:
    first = sample.split(b"\n\n", 1)[0]
    keys = (b"from:", b"subject:", b"received:", b"mime-version:", b"date:", b"to:")
    return sum(1 for key in keys if key in first) >= 2


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError:
        return sum(1 for b in sample if b < 9 or 13 < b < 32) < len(sample) // 100 + 1
    return True


def read_document(data: bytes, name: str) -> Extraction:
    """Read one file's bytes with the reader its content calls for."""
    fmt = sniff_format(data, name)
    extraction = get_reader(fmt)(data, name)
    ext_fmt = EXTENSIONS.get(PurePath(name).suffix.lower())
    if ext_fmt and ext_fmt != fmt and {ext_fmt, fmt} not in ({"txt", "csv"}, {"txt", "html"}):
        note = f"named .{PurePath(name).suffix.lower().lstrip('.')} but is {fmt.upper()}; read as {fmt}"
        return Extraction(
            format=extraction.format,
            blocks=extraction.blocks,
            units=extraction.units,
            ocr=extraction.ocr,
            attachments=extraction.attachments,
            headers=extraction.headers,
            warnings=(*extraction.warnings, note),
        )
    return extraction
