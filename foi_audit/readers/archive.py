"""ZIP archives a trust sends its reply in ("disclosure pack.zip"): each file inside is read as
an attachment of the archive, so the covering letter and its answer sheet are matched together."""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath

from foi_audit.errors import CorruptFile, EmptyFile, EncryptedFile
from foi_audit.readers._zip import open_zip
from foi_audit.records import Attachment, Extraction


def read(data: bytes, name: str) -> Extraction:
    archive = open_zip(data, "zip", office_xml=False)  # a zip bomb is refused before unpacking
    files = [i for i in archive.infolist() if not i.is_dir() and _a_document(i.filename)]
    if any(info.flag_bits & 0x1 for info in files):
        raise EncryptedFile(
            "the zip archive is password-protected: ask the trust for the files unzipped"
        )
    if not files:
        raise EmptyFile("the zip archive holds no files: ask the trust to send them again")
    attachments = []
    for info in files:
        try:
            attachments.append(Attachment(info.filename, archive.read(info)))
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
            raise CorruptFile(
                f"damaged zip archive ({info.filename}: {exc}): ask the trust to send it again"
            ) from None
    return Extraction(
        format="zip", blocks=(), units=len(attachments), attachments=tuple(attachments)
    )


def _a_document(path: str) -> bool:
    """Not a Mac's resource fork or a hidden file ("__MACOSX/._Reply.pdf", ".DS_Store")."""
    parts = PurePosixPath(path).parts
    return bool(parts) and parts[0] != "__MACOSX" and not parts[-1].startswith(".")
