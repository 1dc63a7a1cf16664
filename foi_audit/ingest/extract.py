"""Read one raw file and everything inside it, in a worker process.

The result is a plain dict (picklable, JSON-able) so it can be cached by content hash and sent
between processes: ``{"nodes": [node, ...]}`` where the first node is the file itself and the
rest are its attachments, depth first. Each node: ``rel`` (``""`` for the file, otherwise
``answers.pdf`` or ``inner.eml > x.pdf``), ``sha256``, ``format``, ``units``, ``ocr``,
``blocks`` ([text, locator, role]), ``headers``, ``warnings``, ``error`` and ``message``.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from foi_audit.errors import FoiAuditError, NotAPage, TooLarge
from foi_audit.fileio import read_regular_file, sha256_bytes
from foi_audit.readers import read_document
from foi_audit.readers.tesseract import set_page_threads
from foi_audit.records import FileStatus

MAX_DEPTH = 12  # mail in mail in mail ...: deeper than this is not read


def safe_attachment_name(name: str) -> str:
    """Only the last path component: ``../../evil.txt`` and ``C:\\x\\evil.txt`` -> ``evil.txt``."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = "".join(c for c in base if c.isprintable() and c not in '<>:"|?*\\/')
    return base.strip(" .") or "attachment"


def blank_node(rel: str, sha: str, error: str = "", message: str = "") -> dict[str, Any]:
    """A node with nothing read yet (or nothing readable: ``error`` and ``message`` say why)."""
    return {
        "rel": rel,
        "sha256": sha,
        "format": "",
        "units": 0,
        "ocr": False,
        "blocks": [],
        "headers": [],
        "warnings": [],
        "error": error,
        "message": message,
    }


def extract_file(
    arg: tuple[str, int] | tuple[str, int, str] | tuple[str, int, str, int],
) -> dict[str, Any]:
    """Worker entry point: ``(path, max_bytes[, name as shown[, scanned pages OCR'd at
    once]])`` -> ``{"nodes": [...]}``."""
    path_str, max_bytes = arg[0], arg[1]
    name = arg[2] if len(arg) > 2 else Path(path_str).name
    set_page_threads(arg[3] if len(arg) > 3 else 1)
    data = read_regular_file(path_str)
    nodes: list[dict[str, Any]] = []
    _extract(data, name, "", 0, max_bytes, nodes)
    return {"nodes": nodes}


def _extract(
    data: bytes, name: str, rel: str, depth: int, max_bytes: int, nodes: list[dict[str, Any]]
) -> None:
    node = blank_node(rel, sha256_bytes(data))
    nodes.append(node)
    try:
        if len(data) > max_bytes:
            raise TooLarge(
                f"{len(data) / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit: "
                "raise --max-size if this file is genuine"
            )
        extraction = read_document(data, name)
    except FoiAuditError as exc:
        if isinstance(exc, NotAPage) and depth:
            # a mail's logo sent as an attachment: set aside, not an error to chase
            node["status"], node["message"] = FileStatus.SKIPPED.value, str(exc)
        else:
            node["error"], node["message"] = type(exc).__name__, str(exc)
        return
    except MemoryError:
        node["error"], node["message"] = "TooLarge", "the file needs more memory than allowed"
        return
    except Exception as exc:  # a library choking on a broken file: report, don't crash
        node["error"] = "CorruptFile"
        node["message"] = (
            f"could not read the file ({type(exc).__name__}: {exc}); ask the trust for a fresh copy"
        )
        return
    node.update(
        format=extraction.format,
        units=extraction.units,
        ocr=extraction.ocr,
        blocks=[
            [b.text, b.locator, str(b.role), *([list(b.unsure)] if b.unsure else [])]
            for b in extraction.blocks
        ],
        headers=[list(h) for h in extraction.headers],
        warnings=list(extraction.warnings),
    )
    if not extraction.text.strip() and not extraction.attachments:
        node["error"], node["message"] = "EmptyFile", "no text found in the file: check it by hand"
    seen: dict[str, int] = {}
    for attachment in extraction.attachments:
        att_name = safe_attachment_name(attachment.name)
        seen[att_name] = seen.get(att_name, 0) + 1
        if seen[att_name] > 1:
            att_name = f"{att_name} ({seen[att_name]})"
        child_rel = f"{rel} > {att_name}" if rel else att_name
        if depth + 1 > MAX_DEPTH:
            message = f"nested more than {MAX_DEPTH} levels deep; not read"
            nodes.append(blank_node(child_rel, sha256_bytes(attachment.data), "TooLarge", message))
            continue
        _extract(attachment.data, att_name, child_rel, depth + 1, max_bytes, nodes)
