"""Zip-bomb guard for zip-based documents (DOCX, XLSX, ODS, ODT), checked before parsing."""

from __future__ import annotations

import io
import zipfile

from foi_audit.errors import CorruptFile, TooLarge

MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024  # real replies unpack to a few MB at most
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # uncompressed / compressed; XML compresses ~10-30x, bombs 1000x+
RATIO_CHECK_FROM_BYTES = 20 * 1024 * 1024  # small files may compress well; harmless


def open_zip(data: bytes, what: str, office_xml: bool = True) -> zipfile.ZipFile:
    """Open ``data`` as a zip after checking it cannot unpack to something huge (and, for an
    Office or OpenDocument file, that no XML part declares entities; a plain archive's own
    files are checked when each is read)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise CorruptFile(
            f"damaged {what} file ({exc}): ask the trust to send it again or as PDF"
        ) from None
    check_zip_members(infos, len(data), what)
    if office_xml:
        refuse_xml_declarations(archive, infos, what)
    return archive


def refuse_xml_declarations(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], what: str
) -> None:
    """Office and OpenDocument never write DTDs; one in a part is an entity attack.

    XXE and "billion laughs" need a ``<!DOCTYPE``/``<!ENTITY`` before the root element, so
    the first few KB of each XML part are enough to see it, whatever the parser would do.
    """
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")) or info.file_size == 0:
            continue
        try:
            with archive.open(info) as member:
                head = member.read(8192)
        except (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError):
            continue  # the parser will report the damage
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise CorruptFile(
                f"{what} file declares XML entities in {info.filename} (a known attack, such as "
                "an external entity or 'billion laughs'): not read; ask for a fresh copy or a PDF"
            )


def check_zip_members(infos: list[zipfile.ZipInfo], packed_bytes: int, what: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise TooLarge(f"{what} file holds {len(infos)} parts (a zip bomb?): not read")
    total = sum(max(info.file_size, 0) for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise TooLarge(
            f"{what} file unpacks to {total / 1e6:.0f} MB (limit "
            f"{MAX_UNCOMPRESSED_BYTES / 1e6:.0f} MB; a zip bomb?): not read"
        )
    if total > RATIO_CHECK_FROM_BYTES and total > MAX_RATIO * max(packed_bytes, 1):
        raise TooLarge(
            f"{what} file unpacks {total // max(packed_bytes, 1)}x its size (a zip bomb?): not read"
        )
