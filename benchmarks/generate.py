#!/usr/bin/env python3
"""Write N synthetic FOI replies in mixed formats, for benchmarking foi-audit.

    python benchmarks/generate.py 200 --seed 1 --out benchmarks/out/raw

Every reply is SYNTHETIC: the trusts are real NHS trusts (names and postcodes from the package's
register, cycling through the open ones), but everything a reply says is invented, and each file
says so. The replies answer the study's request (sexual-safety policy, Active Bystander Training,
DASV lead) in the formats trusts use: PDF letters with a question/answer table, DOCX, XLSX, emails
with a PDF or DOCX attachment, and about 2% scanned image-only PDFs.

Deterministic: reply ``i`` depends only on (seed, i), so the first 200 replies of a 10,000 run are
the 200 replies of a 200 run, and two runs write byte-identical files (fixed PDF ids and dates,
fixed zip timestamps, fixed MIME boundaries). ``.bench-manifest.json`` in the output folder (hidden,
so ingest skips it) lists every file with its format and whether it is a scan.

Needs reportlab, python-docx, openpyxl and Pillow.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import random
import re
import sys
import time
import zipfile
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Any

from reportlab import rl_config

rl_config.invariant = 1  # fixed PDF creation date and document id: reproducible bytes

ROOT = Path(__file__).resolve().parent.parent
TRUSTS_CSV = ROOT / "foi_audit" / "register" / "data" / "trusts.csv"
MANIFEST_NAME = ".bench-manifest.json"
SYNTHETIC_NOTE = (
    "SYNTHETIC benchmark reply made by foi-audit benchmarks/generate.py: "
    "not a real trust's answer. Do not quote."
)

# Shares of each kind; scans are about 2% as the issue asks.
KINDS = (
    ("pdf", 0.38),
    ("docx", 0.20),
    ("xlsx", 0.15),
    ("eml_pdf", 0.12),
    ("eml_docx", 0.08),
    ("eml_inline", 0.05),
    ("scan", 0.02),
)

QUESTIONS = (
    "Does the Trust have a dedicated policy on sexual safety or the sexual harassment of staff? "
    "If so, please provide a copy or a link.",
    "Does the Trust provide Active Bystander Training (ABT) to staff? If so: (a) is it delivered "
    "in-house or by an external provider (please name the provider)? (b) is it mandatory or "
    "optional? (c) does it include a module specifically on sexual harassment?",
    "If the Trust does not provide ABT, does it plan to introduce it?",
    "Has the Trust appointed an executive lead for domestic abuse and sexual violence (DASV)? "
    "If so, please give the name and job title.",
)
PROVIDERS = (
    "Bystander Futures Ltd",
    "Upstander Learning CIC",
    "Safe Spaces Training Ltd",
    "Active Allies Consulting",
    "Calmstep Workplace Training",
    "Northgate Equality Partners",
)
FIRST = ("Amelia", "Priya", "Oluwaseun", "Gareth", "Siobhan", "Marcus", "Hannah", "Tomasz", "Aisha")
LAST = (
    "Pennington",
    "Okonjo",
    "Ravenscroft",
    "Haldane",
    "Mistry",
    "Costello",
    "Brennan",
    "Whitlow",
)
TITLES = ("", "", "", "Dr ", "Professor ")
ROLES = (
    "Chief Nursing Officer",
    "Director of Nursing, Midwifery and AHPs",
    "Chief People Officer",
    "Deputy Chief Executive and Director of Nursing",
    "Executive Director of Quality and Safety",
)
GENERAL_POLICIES = ("Dignity at Work", "Bullying and Harassment", "Respect at Work")
MONTHS = ("November", "December")


@dataclass(frozen=True)
class Trust:
    code: str
    name: str
    postcode: str


@dataclass(frozen=True)
class Reply:
    index: int
    kind: str
    trust: Trust
    ref: str
    date: str
    month: str
    answers: tuple[str, str, str, str]
    intro: str
    closing: str


def load_trusts() -> list[Trust]:
    """Open trusts from the package's register, sorted by code (cycled through by index)."""
    with TRUSTS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if not r["close_date"]]
    return [
        Trust(r["code"], r["name"], r["postcode"]) for r in sorted(rows, key=lambda r: r["code"])
    ]


def _kind(rng: random.Random) -> str:
    roll = rng.random()
    for kind, share in KINDS:
        if roll < share:
            return kind
        roll -= share
    return KINDS[0][0]


def _answers(rng: random.Random) -> tuple[str, str, str, str]:
    """One trust's answers to the four questions, in one of several house styles."""
    if rng.random() < 0.06:
        nh = "The Trust does not hold information within the scope of this question."
        return (nh, nh, "Not held.", nh)
    policy = rng.choice(("dedicated", "dedicated", "general", "drafting", "none"))
    if policy == "dedicated":
        title = rng.choice(("Sexual Safety Policy", "Sexual Misconduct and Harassment Policy"))
        q1 = (
            f"Yes. The Trust's {title} (version {rng.randint(1, 3)}.{rng.randint(0, 9)}) was "
            f"approved in {rng.choice(MONTHS)} 2024. It is published at "
            f"https://www.trust{rng.randint(1, 999)}.example/policies/sexual-safety."
        )
    elif policy == "general":
        q1 = (
            "There is no standalone policy. Sexual harassment of staff is covered by the Trust's "
            f"{rng.choice(GENERAL_POLICIES)} Policy, a copy of which is attached."
        )
    elif policy == "drafting":
        q1 = (
            "A dedicated sexual safety policy is being drafted and is expected to go to the "
            "People Committee for approval early next year. Section 22 applies to the draft."
        )
    else:
        q1 = "No."
    if rng.random() < 0.7:
        delivery = rng.choice(("in-house", "external", "mixed"))
        provider = rng.choice(PROVIDERS)
        how = {
            "in-house": "It is delivered in-house by our Organisational Development team.",
            "external": f"It is delivered by an external provider, {provider}.",
            "mixed": f"{provider} trained a group of in-house facilitators who now deliver it.",
        }[delivery]
        mandatory = rng.choice(
            (
                "It is optional.",
                "It is mandatory for all managers.",
                "Attendance is voluntary but encouraged.",
            )
        )
        module = rng.choice(
            (
                "It includes a module on sexual harassment.",
                "There is no separate module on sexual harassment.",
                "Sexual harassment features in the scenarios but not as a specific module.",
            )
        )
        q2 = f"Yes. {how} {mandatory} {module}"
        q3 = rng.choice(("Not applicable.", "N/A - see answer to question 2."))
    else:
        q2 = rng.choice(("No.", "The Trust does not currently provide Active Bystander Training."))
        q3 = rng.choice(
            (
                "Yes, the Trust plans to introduce it in the next financial year.",
                "There are no plans to introduce it at present.",
                "This is under consideration by the Workforce Committee.",
            )
        )
    roll = rng.random()
    name = f"{rng.choice(TITLES)}{rng.choice(FIRST)} {rng.choice(LAST)}"
    role = rng.choice(ROLES)
    if roll < 0.6:
        q4 = f"Yes. The executive lead is {name}, {role}."
    elif roll < 0.8:
        q4 = f"Yes, the {role}. The name is withheld under section 40(2) of the Act."
    else:
        q4 = "No executive lead has been appointed; the Safeguarding Team leads on this."
    return (q1, q2, q3, q4)


def make_reply(index: int, seed: int, trusts: list[Trust], variant: int = 0) -> Reply:
    """Reply ``index`` for ``seed``; ``variant`` changes the content but not the file name."""
    rng = random.Random(f"{seed}:{index}")
    kind = _kind(rng)
    trust = trusts[index % len(trusts)]
    ref = f"FOI-24-{1000 + index}"
    month = rng.choice(MONTHS)
    date = f"{rng.randint(2, 28)} {month} 2024"
    content = random.Random(f"{seed}:{index}:{variant}")
    intro = content.choice(
        (
            f"Thank you for your request for information dated 4 November 2024, which we have "
            f"handled under the Freedom of Information Act 2000 (reference {ref}).",
            f"We write in response to your Freedom of Information request {ref}, received on "
            "4 November 2024. Our answers are set out below.",
        )
    )
    closing = content.choice(
        (
            "If you are unhappy with this response you may ask for an internal review within 40 "
            "working days, and then complain to the Information Commissioner's Office.",
            "Please quote the reference above in any correspondence. You may request an internal "
            "review of our response.",
        )
    )
    answers = _answers(content)
    if variant:
        closing += f" (Revised response {variant}.)"
    return Reply(index, kind, trust, ref, date, month, answers, intro, closing)


def file_name(reply: Reply) -> str:
    """A folder by month and a file name in one of the styles trusts use."""
    t, ref = reply.trust, reply.ref
    slug = "".join(c for c in t.name.split(" NHS")[0] if c.isalnum() or c == " ").strip()
    names = {
        "pdf": (f"{t.code} {ref} response.pdf", f"{slug} FOI {ref}.pdf"),
        "docx": (f"{ref} final response.docx", f"{t.code}-{ref}.docx"),
        "xlsx": (f"{slug} {ref}.xlsx", f"{t.code}_{ref}_response.xlsx"),
        "eml_pdf": (f"RE_ Freedom of Information request {ref}.eml",),
        "eml_docx": (f"FOI {ref} response.eml",),
        "eml_inline": (f"Your FOI request {ref}.eml",),
        "scan": (f"scan_2024{reply.index:06d}.pdf",),
    }[reply.kind]
    return f"2024-{'11' if reply.month == 'November' else '12'}/{names[reply.index % len(names)]}"


def letter_lines(reply: Reply) -> list[str]:
    """The letter as plain lines (used for scans and e-mail bodies)."""
    lines = [reply.trust.name, f"Trust Headquarters, {reply.trust.postcode}", "", reply.date, ""]
    lines += [f"Our reference: {reply.ref}", "", "Dear Requester,", "", reply.intro, ""]
    for number, (question, answer) in enumerate(zip(QUESTIONS, reply.answers, strict=True), 1):
        lines += [f"Question {number}: {question}", f"Response: {answer}", ""]
    lines += [reply.closing, "", "Yours sincerely,", "Information Governance Team", ""]
    lines.append(SYNTHETIC_NOTE)
    return lines


# ---------------------------------------------------------------- writers


def pdf_letter(reply: Reply) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["Italic"]
    story = [
        Paragraph(f"<b>{_xml(reply.trust.name)}</b>", styles["Heading2"]),
        Paragraph(f"Trust Headquarters, {reply.trust.postcode}", body),
        Spacer(1, 12),
        Paragraph(reply.date, body),
        Paragraph(f"Our reference: {reply.ref}", body),
        Spacer(1, 12),
        Paragraph("Dear Requester,", body),
        Paragraph(_xml(reply.intro), body),
        Spacer(1, 8),
    ]
    rows = [[Paragraph("<b>Question</b>", body), Paragraph("<b>Response</b>", body)]]
    rows += [
        [Paragraph(_xml(q), body), Paragraph(_xml(a), body)]
        for q, a in zip(QUESTIONS, reply.answers, strict=True)
    ]
    table = Table(rows, colWidths=[230, 230])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story += [table, Spacer(1, 12), Paragraph(_xml(reply.closing), body)]
    story += [Paragraph("Yours sincerely,", body), Paragraph("Information Governance Team", body)]
    story += [Spacer(1, 12), Paragraph(SYNTHETIC_NOTE, small)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=reply.ref, invariant=1).build(story)
    return buffer.getvalue()


def docx_letter(reply: Reply) -> bytes:
    import docx

    document = docx.Document()
    core = document.core_properties
    core.author, core.title = "Information Governance", reply.ref
    core.created = core.modified = core.last_printed = _FIXED_DATETIME
    header = document.sections[0].header.paragraphs[0]
    header.text = f"{reply.trust.name} - Trust Headquarters, {reply.trust.postcode}"
    document.add_paragraph(reply.date)
    document.add_paragraph(f"Our reference: {reply.ref}")
    document.add_paragraph("Dear Requester,")
    document.add_paragraph(reply.intro)
    if reply.index % 2:
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Question", "Response"
        for question, answer in zip(QUESTIONS, reply.answers, strict=True):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = question, answer
    else:
        for number, (q, a) in enumerate(zip(QUESTIONS, reply.answers, strict=True), 1):
            document.add_paragraph(f"{number}. {q}")
            document.add_paragraph(f"Response: {a}")
    document.add_paragraph(reply.closing)
    document.add_paragraph("Yours sincerely,\nInformation Governance Team")
    document.sections[0].footer.paragraphs[0].text = SYNTHETIC_NOTE
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def xlsx_reply(reply: Reply) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.properties.creator = "Information Governance"
    workbook.properties.created = workbook.properties.modified = _FIXED_DATETIME
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Response"
    sheet.append([f"{reply.trust.name} - Freedom of Information response {reply.ref}"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["No.", "Question", "Response"])
    for number, (q, a) in enumerate(zip(QUESTIONS, reply.answers, strict=True), 1):
        sheet.append([number, q, a])
    sheet.append([])
    sheet.append([f"Date of response: {reply.date}"])
    sheet.append([SYNTHETIC_NOTE])
    sheet.column_dimensions["B"].width = sheet.column_dimensions["C"].width = 60
    if reply.index % 3 == 0:
        cover = workbook.create_sheet("Cover", 0)
        cover.append([reply.trust.name])
        cover.append([f"Trust Headquarters, {reply.trust.postcode}"])
        cover.append([reply.intro])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_zip(buffer.getvalue())


def scanned_pdf(reply: Reply) -> bytes:
    """The letter rendered as a slightly skewed greyscale image: a PDF with no text layer."""
    import textwrap

    from PIL import Image, ImageDraw

    font = _scan_font()
    width, height, margin, step = 1240, 1754, 90, 30  # A4 at 150 dpi
    wrapped: list[str] = []
    for line in letter_lines(reply):
        wrapped += textwrap.wrap(line, 80) or [""]
    pages = []
    per_page = (height - 2 * margin) // step
    rng = random.Random(f"scan:{reply.index}")
    for start in range(0, len(wrapped), per_page):
        image = Image.new("L", (width, height), 250)
        draw = ImageDraw.Draw(image)
        for row, text in enumerate(wrapped[start : start + per_page]):
            draw.text((margin, margin + row * step), text, fill=20, font=font)
        for _ in range(300):  # scanner dust
            x, y = rng.randrange(width), rng.randrange(height)
            draw.point((x, y), fill=rng.randrange(60, 200))
        angle = rng.uniform(-0.6, 0.6)
        pages.append(image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=250))
    buffer = io.BytesIO()
    pages[0].save(
        buffer,
        "PDF",
        resolution=150.0,
        save_all=True,
        append_images=pages[1:],
        title=reply.ref,
        creationDate=_FIXED_DATETIME.timetuple(),
        modDate=_FIXED_DATETIME.timetuple(),
    )
    return buffer.getvalue()


def email_reply(reply: Reply) -> bytes:
    message = EmailMessage()
    slug = reply.trust.code.lower()
    message["From"] = f"Freedom of Information <foi.{slug}@nhs-trust.example>"
    message["To"] = "requester@example.org"
    message["Subject"] = f"RE: Freedom of Information request {reply.ref}"
    day = reply.date.split()[0]
    month = "Nov" if reply.month == "November" else "Dec"
    message["Date"] = f"Mon, {int(day):02d} {month} 2024 10:{reply.index % 60:02d}:00 +0000"
    message["Message-ID"] = f"<{reply.ref}.{reply.index}@nhs-trust.example>"
    message["X-Synthetic"] = "yes; foi-audit benchmark"
    if reply.kind == "eml_inline":
        message.set_content("\n".join(letter_lines(reply)))
    else:
        message.set_content(
            f"Dear Requester,\n\nPlease find attached our response to your request {reply.ref}.\n\n"
            f"Kind regards,\nFOI Team\n{reply.trust.name}\n\n{SYNTHETIC_NOTE}\n"
        )
        if reply.kind == "eml_pdf":
            message.add_attachment(
                pdf_letter(reply),
                maintype="application",
                subtype="pdf",
                filename=f"{reply.ref} response.pdf",
            )
        else:
            message.add_attachment(
                docx_letter(reply),
                maintype="application",
                subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                filename=f"{reply.ref} response.docx",
            )
        message.set_boundary(f"=====bench-{reply.index}=====")  # fixed: reproducible bytes
    return message.as_bytes(policy=SMTP)


WRITERS = {
    "pdf": pdf_letter,
    "docx": docx_letter,
    "xlsx": xlsx_reply,
    "eml_pdf": email_reply,
    "eml_docx": email_reply,
    "eml_inline": email_reply,
    "scan": scanned_pdf,
}


def write_reply(out: Path, reply: Reply) -> dict[str, object]:
    """Write one reply under ``out``; its manifest entry."""
    rel = file_name(reply)
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = WRITERS[reply.kind](reply)
    path.unlink(missing_ok=True)  # a new inode: never write through a hard link to another copy
    path.write_bytes(data)
    return {"path": rel, "kind": reply.kind, "scanned": reply.kind == "scan", "bytes": len(data)}


def generate(n: int, seed: int, out: Path) -> list[dict[str, object]]:
    trusts = load_trusts()
    out.mkdir(parents=True, exist_ok=True)
    entries = [write_reply(out, make_reply(i, seed, trusts)) for i in range(n)]
    manifest = {"n": n, "seed": seed, "note": SYNTHETIC_NOTE, "files": entries}
    (out / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return entries


def rewrite_one(out: Path, seed: int, index: int, variant: int = 1) -> str:
    """Change the content of reply ``index`` in place (same name); its relative path."""
    reply = make_reply(index, seed, load_trusts(), variant=variant)
    return str(write_reply(out, reply)["path"])


# ---------------------------------------------------------------- helpers

_FIXED_DATETIME = datetime.datetime(2024, 12, 2, 9, 0, 0)
_FONT: Any = None


def _scan_font() -> Any:
    global _FONT
    if _FONT is None:
        from PIL import ImageFont

        for candidate in (
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        ):
            if Path(candidate).exists():
                _FONT = ImageFont.truetype(candidate, 22)
                break
        else:
            _FONT = ImageFont.load_default(size=22)
    return _FONT


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fixed_zip(data: bytes) -> bytes:
    """Re-pack an Office file with fixed member timestamps so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 12, 2, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            member = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                member = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-12-02T09:00:00Z", member
                )
            target.writestr(fixed, member)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many replies")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the replies in")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    entries = generate(args.n, args.seed, args.out)
    kinds: dict[str, int] = {}
    for entry in entries:
        kinds[str(entry["kind"])] = kinds.get(str(entry["kind"]), 0) + 1
    print(
        f"wrote {len(entries)} replies to {args.out} in {time.perf_counter() - started:.1f} s: "
        + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
