"""Builds the hostile and broken test corpus: files the tests generate themselves.

Each case is (file name, bytes, expectation). The expectation says which statuses are acceptable
in documents.csv and what an error message must mention, so a test can check that every file is
either read safely or reported with a clear message.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from email.message import EmailMessage

from pdfwriter import image_pdf, text_pdf

TRUST_LINE = "Royal Free London NHS Foundation Trust"
REPLY = [TRUST_LINE, "Freedom of Information response", "The Trust does not hold this information."]


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    statuses: frozenset[str]  # acceptable statuses of the file's own row
    message: str = ""  # an error row's message must contain this (lower case)
    note: str = ""  # what the case exercises, for the report table


def _docx(text: str = TRUST_LINE) -> bytes:
    import docx

    document = docx.Document()
    for line in (text, *REPLY[1:]):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in ([TRUST_LINE], ["Question", "Answer"], ["Q1", "No"]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _replace_member(zipped: bytes, member: str, new: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(zipped))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = new if item.filename == member else source.read(item.filename)
            target.writestr(item.filename, data)
    return out.getvalue()


def _with_doctype(zipped: bytes, member: str, doctype: str, entity_ref: str) -> bytes:
    xml = zipfile.ZipFile(io.BytesIO(zipped)).read(member).decode("utf-8")
    head, sep, rest = xml.partition("?>")
    xml = head + sep + doctype + rest
    xml = xml.replace(TRUST_LINE, f"{TRUST_LINE} {entity_ref}", 1)
    return _replace_member(zipped, member, xml.encode("utf-8"))


XXE = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    "<!DOCTYPE r [<!ENTITY a0 'lol'>"
    + "".join(f"<!ENTITY a{i} '{('&a' + str(i - 1) + ';') * 10}'>" for i in range(1, 10))
    + "]>"
)


def _zip_bomb(kind: str, inflated: int) -> bytes:
    """A valid-looking DOCX/XLSX whose main part inflates to ``inflated`` bytes of zeros."""
    base = _docx() if kind == "docx" else _xlsx()
    member = "word/document.xml" if kind == "docx" else "xl/worksheets/sheet1.xml"
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != member:
                target.writestr(item.filename, source.read(item.filename))
        with target.open(member, "w", force_zip64=True) as handle:
            chunk = b"\0" * (16 * 1024 * 1024)
            for _ in range(inflated // len(chunk)):
                handle.write(chunk)
    return out.getvalue()


def _encrypted_office(plain: bytes) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt("secret", out)
    return out.getvalue()


def _encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(text_pdf([REPLY]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _mail(body: bytes, charset: str | None, subject: bytes = b"FOI response") -> bytes:
    content_type = "text/plain" + (f'; charset="{charset}"' if charset else "")
    return (
        b"From: FOI Team <foi@example.org>\r\nTo: requester@example.org\r\nSubject: "
        + subject
        + b"\r\nDate: Mon, 25 Nov 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        + f"Content-Type: {content_type}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".encode()
        + body
    )


def _mail_with_attachments(names: list[str]) -> bytes:
    message = EmailMessage()
    message["From"] = "FOI Team <foi@example.org>"
    message["To"] = "requester@example.org"
    message["Subject"] = "FOI response"
    message.set_content(f"{TRUST_LINE}\n\nPlease find our response attached.")
    for name in names:
        message.add_attachment(b"evil text", maintype="text", subtype="plain", filename=name)
    return message.as_bytes()


def _nested_mail(depth: int) -> bytes:
    inner = EmailMessage()
    inner["Subject"] = "level 0"
    inner.set_content(f"{TRUST_LINE}\n\nThe innermost reply.")
    for level in range(1, depth + 1):
        outer = EmailMessage()
        outer["From"] = "foi@example.org"
        outer["Subject"] = f"level {level}"
        outer.set_content(f"Forwarded, level {level}.")
        outer.add_attachment(inner)
        inner = outer
    return inner.as_bytes()


def build(bomb_bytes: int = 1 << 30) -> list[Case]:
    """Every hostile case; the zip bombs inflate to ``bomb_bytes`` each."""
    good_pdf = text_pdf([REPLY, ["Page two of the reply."]])
    any_read = frozenset({"ok", "unmatched"})
    error = frozenset({"error"})
    read_or_error = any_read | error
    return [
        Case("truncated.pdf", good_pdf[: len(good_pdf) // 2], read_or_error, "", "truncated PDF"),
        Case(
            "encrypted-empty-password.pdf",
            _encrypted_pdf(""),
            any_read,
            "",
            "encrypted PDF, empty user password",
        ),
        Case(
            "encrypted.pdf",
            _encrypted_pdf("secret"),
            error,
            "password",
            "encrypted PDF with a password",
        ),
        Case(
            "protected.xlsx",
            _encrypted_office(_xlsx()),
            error,
            "password",
            "password-protected XLSX",
        ),
        Case(
            "protected.docx",
            _encrypted_office(_docx()),
            error,
            "password",
            "password-protected DOCX",
        ),
        Case("bomb.docx", _zip_bomb("docx", bomb_bytes), error, "", "zip bomb DOCX"),
        Case("bomb.xlsx", _zip_bomb("xlsx", bomb_bytes), error, "", "zip bomb XLSX"),
        Case(
            "xxe.docx",
            _with_doctype(_docx(), "word/document.xml", XXE, "&xxe;"),
            error,
            "xml entities",
            "DOCX with an XML external entity",
        ),
        Case(
            "xxe.xlsx",
            _with_doctype(_xlsx(), "xl/worksheets/sheet1.xml", XXE, "&xxe;"),
            error,
            "xml entities",
            "XLSX with an XML external entity",
        ),
        Case(
            "laughs.docx",
            _with_doctype(_docx(), "word/document.xml", LAUGHS, "&a9;"),
            error,
            "xml entities",
            "DOCX with billion laughs",
        ),
        Case(
            "laughs.xlsx",
            _with_doctype(_xlsx(), "xl/worksheets/sheet1.xml", LAUGHS, "&a9;"),
            error,
            "xml entities",
            "XLSX with billion laughs",
        ),
        Case(
            "program.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\0" * 200,
            error,
            "program",
            "executable renamed .pdf",
        ),
        Case("empty.pdf", b"", error, "empty", "0-byte PDF"),
        Case("empty.docx", b"", error, "empty", "0-byte DOCX"),
        Case(
            "long.pdf",
            text_pdf([[TRUST_LINE, f"Page {n}"] for n in range(2000)]),
            any_read,
            "",
            "2,000-page PDF",
        ),
        Case("blank-scan.pdf", image_pdf(), error, "", "image-only page with no text"),
        Case(
            "wrong-charset.eml",
            _mail(
                f"{TRUST_LINE}\n\n\u201cNot held\u201d, costs \u00a35.".encode("cp1252"), "utf-8"
            ),
            any_read,
            "",
            "email declaring UTF-8 but sent in cp1252",
        ),
        Case(
            "no-charset.eml",
            _mail(
                f"{TRUST_LINE}\n\nCaf\xe9 \xff\xfe bytes.".encode("latin-1"),
                None,
                b"FOI \xe9\xff response",
            ),
            any_read,
            "",
            "email with no charset and undecodable bytes",
        ),
        Case(
            "unknown-charset.eml",
            _mail(f"{TRUST_LINE}\n\nHello.".encode(), "x-no-such"),
            any_read,
            "",
            "email with an unknown charset",
        ),
        Case(
            "traversal.eml",
            _mail_with_attachments(["../../evil.txt", "/etc/evil2.txt", "C:\\Windows\\evil3.txt"]),
            any_read,
            "",
            "attachments named ../../evil.txt and absolute paths",
        ),
        Case("nested.eml", _nested_mail(10), any_read, "", "mail nested in mail ten deep"),
        Case(
            "script.html",
            (
                f"<html><head><script>document.write('EVIL-SCRIPT')</script>"
                f"<style>p {{color: red}}</style></head><body><p>{TRUST_LINE}</p>"
                "<p onclick=\"alert('x')\">The Trust does not hold this information.</p>"
                "<script>alert('EVIL-SCRIPT-2')</script></body></html>"
            ).encode(),
            any_read,
            "",
            "HTML with scripts",
        ),
        Case(
            "RAL formula.txt",
            (
                f'=HYPERLINK("http://evil.example","click")\n\n{TRUST_LINE}\n\n'
                "+The Trust does not have a dedicated policy.\n\n"
                "-No, the Trust does not provide Active Bystander Training.\n\n"
                "@SUM(1+1) Our executive lead is the Chief Nurse.\n"
            ).encode(),
            any_read,
            "",
            "reply text starting with = + - @",
        ),
    ]
