"""A tiny PDF writer for test files (text pages and image-only pages), so tests need no reportlab."""

from __future__ import annotations

import zlib


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(pages: list[list[str]]) -> bytes:
    """One page per item; each line written in Helvetica 11pt from the top."""
    objects: list[bytes] = []
    font_id = 3
    page_ids = []
    contents = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 790 Td"]
        for line in lines:
            ops.append(f"({_escape(line)}) Tj T*")
        ops.append("ET")
        contents.append("\n".join(ops).encode("latin-1", "replace"))
    # object numbers: 1 catalog, 2 pages, 3 font, then (page, content) pairs
    next_id = 4
    for _ in pages:
        page_ids.append(next_id)
        next_id += 2
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for pid, content in zip(page_ids, contents, strict=True):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
            f"<< /F1 {font_id} 0 R >> >> /Contents {pid + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return _assemble(objects)


def placed_pdf(
    items: list[tuple[float, float, str]], rules: list[tuple[float, float, float]] = ()
) -> bytes:
    """One page; each text written in Helvetica 10pt at (x, y), y measured from the top; each
    rule (x0, x1, y) a level line 0.5pt wide (a strike-through or an underline)."""
    ops = ["BT", "/F1 10 Tf"]
    for x, y, text in items:
        ops.append(f"1 0 0 1 {x:.1f} {842 - y:.1f} Tm ({_escape(text)}) Tj")
    ops.append("ET")
    for x0, x1, y in rules:
        ops.append(f"0.5 w {x0:.1f} {842 - y:.1f} m {x1:.1f} {842 - y:.1f} l S")
    content = "\n".join(ops).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
        b"<< /F1 3 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return _assemble(objects)


def one_run_rows_pdf(
    prose: list[str], rows: list[tuple[str, str]], answer_x: float = 330.0
) -> bytes:
    """One page: lines of ``prose``, then a borderless two-column table whose every row is
    ONE text object: the question, a jump (a TJ offset) to ``answer_x``, the answer (Courier
    10pt, so the jump is exact). Some writers draw tables so; pdfium gives each row one box."""
    ops = ["BT", "/F1 10 Tf"]
    y = 100.0
    for line in prose:
        ops.append(f"1 0 0 1 50 {842 - y:.1f} Tm ({_escape(line)}) Tj")
        y += 14
    y += 14
    for left, right in rows:
        jump = (answer_x - 50 - 6.0 * len(left)) * 100  # thousandths of 10pt: 6pt a letter
        ops.append(
            f"1 0 0 1 50 {842 - y:.1f} Tm [({_escape(left)}) {-jump:.0f} ({_escape(right)})] TJ"
        )
        y += 14
    ops.append("ET")
    content = "\n".join(ops).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
        b"<< /F1 3 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return _assemble(objects)


def image_pdf(
    width: int = 200, height: int = 100, gray: int = 255, full_page: bool = False
) -> bytes:
    """One page holding only a flat grey image: no text layer, nothing to OCR.

    ``full_page`` stretches the image over the whole page, as a scanner does.
    """
    pixels = zlib.compress(bytes([gray]) * (width * height))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject "
        b"<< /Im1 4 0 R >> >> /Contents 5 0 R >>",
        f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace "
        f"/DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {len(pixels)} >>\nstream\n".encode()
        + pixels
        + b"\nendstream",
    ]
    draw = b"q 595 0 0 842 0 0 cm /Im1 Do Q" if full_page else b"q 500 0 0 250 50 500 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
