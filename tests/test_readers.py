"""Readers: text, locators, roles and errors for every format, on committed fixture files.

Fixtures are made by tests/fixtures/make_reader_fixtures.py. Golden files hold the full block
list for a few of them; regenerate with ``FOI_UPDATE_GOLDEN=1 pytest tests/test_readers.py``
after a deliberate change, and read the diff.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from foi_audit.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    NeedsOcr,
    TooLarge,
    UnsupportedFormat,
)
from foi_audit.ingest.extract import extract_file
from foi_audit.readers import read_document
from foi_audit.records import BlockRole, Extraction

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
GOLDEN = FIXTURES / "golden"


def read(name: str) -> Extraction:
    return read_document((FIXTURES / name).read_bytes(), name)


def render(extraction: Extraction) -> str:
    lines = [f"format={extraction.format} units={extraction.units} ocr={extraction.ocr}"]
    lines += [f"header {key}: {value}" for key, value in extraction.headers]
    lines += [f"[{b.locator}] ({b.role}) {b.text}" for b in extraction.blocks]
    lines += [f"attachment {a.name} ({len(a.data)} bytes)" for a in extraction.attachments]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "name",
    [
        "letter_with_table.pdf",
        "reply_with_table.docx",
        "response_template.xlsx",
        "disclosure_log.html",
        "reply_with_attachments.eml",
        "outlook_reply.msg",
    ],
)
def test_golden_text(name: str) -> None:
    actual = render(read(name))
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("FOI_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


# --- PDF -------------------------------------------------------------------------------------


def by_locator(extraction: Extraction) -> dict[str, str]:
    return {b.locator: b.text for b in extraction.blocks}


def test_pdf_table_rows_keep_question_with_answer() -> None:
    extraction = read("letter_with_table.pdf")
    rows = by_locator(extraction)
    assert rows["page 1 table 1 row 1"] == "Question | Response"
    assert rows["page 1 table 1 row 4"] == (
        "2(a) If so, is it delivered in-house or by an external provider (please name the "
        "provider)? | It is delivered by an external provider, Brightwater Learning Ltd."
    )
    # the wrapped URL in a cell is rejoined
    assert (
        "https://www.example.org/policies/sexual-safety-in-the-workplace-policy"
        in rows["page 1 table 1 row 2"]
    )
    assert all(b.role == BlockRole.TABLE for b in extraction.blocks if "table" in b.locator)


def test_pdf_letterhead_footer_and_reading_order() -> None:
    extraction = read("letter_with_table.pdf")
    assert extraction.units == 2 and not extraction.ocr
    first = extraction.blocks[0]
    assert first.role == BlockRole.HEADER and first.locator == "page 1"
    assert "Northbrook Valley NHS Foundation Trust" in first.text
    footers = [b for b in extraction.blocks if b.role == BlockRole.FOOTER]
    assert [b.locator for b in footers] == ["page 1", "page 2"]
    texts = [b.text for b in extraction.blocks]
    intro = next(i for i, t in enumerate(texts) if t.startswith("Thank you for your request"))
    table = next(i for i, b in enumerate(extraction.blocks) if b.role == BlockRole.TABLE)
    closing = texts.index("Yours sincerely")
    assert intro < table < closing
    # text inside the table is not repeated as a paragraph
    assert sum("Brightwater Learning Ltd" in t for t in texts) == 1


def test_pdf_text_pages_are_never_ocrd(monkeypatch: pytest.MonkeyPatch) -> None:
    import foi_audit.readers.ocr as ocr

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR must not run on a page with a text layer")

    monkeypatch.setattr(ocr, "ocr_page", fail)
    assert not read("letter_with_table.pdf").ocr  # page 1 has a logo image and text


def test_pdf_blank_page_is_empty_not_ocrd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)  # OCR would raise NeedsOcr
    extraction = read("plain_letter_blank_page.pdf")
    assert extraction.units == 2
    page_two = [b for b in extraction.blocks if b.locator == "page 2"]
    assert [b.role for b in page_two] == [BlockRole.FOOTER]  # only the page number footer


def test_pdf_password_protected() -> None:
    with pytest.raises(EncryptedFile, match="ask the trust for an unprotected copy"):
        read("encrypted_with_password.pdf")


def test_pdf_empty_user_password_is_read() -> None:
    assert "Dear Ms Okafor" in read("encrypted_empty_password.pdf").text


def test_pdf_truncated() -> None:
    with pytest.raises(CorruptFile, match="send it again"):
        read("truncated.pdf")


@pytest.mark.ocr
def test_scanned_pdf_is_ocrd() -> None:
    if shutil.which("tesseract") is None and os.environ.get("CI") != "true":
        pytest.skip("the tesseract binary is not installed (sudo apt-get install tesseract-ocr)")
    extraction = read("scanned_letter.pdf")
    assert extraction.ocr
    assert {b.locator for b in extraction.blocks} == {"page 1 (OCR)"}
    assert extraction.blocks[0].role == BlockRole.HEADER
    assert "Eastfield Community NHS Trust" in extraction.blocks[0].text
    text = " ".join(extraction.text.split())
    assert "Dignity at Work Policy" in text
    assert "Daniel Forsyth, Director of Nursing" in text


@pytest.mark.ocr
@pytest.mark.parametrize("kind", ["JPEG", "PNG", "TIFF"])
def test_a_photo_or_scan_of_a_page_saved_as_an_image_is_ocrd(kind: str) -> None:
    """A reply sent as JPEG pages (a phone photo, a scanner's default) is OCR'd like a
    scanned PDF's page; before, the file was refused ("convert it to PDF")."""
    if shutil.which("tesseract") is None and os.environ.get("CI") != "true":
        pytest.skip("the tesseract binary is not installed (sudo apt-get install tesseract-ocr)")
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(FIXTURES / "scanned_letter.pdf")[0]
    image = page.render(scale=200 / 72).to_pil().convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=kind)
    name = f"IMG_3312.{kind.lower()}"
    extraction = read_document(buffer.getvalue(), name)
    assert (extraction.format, extraction.ocr, extraction.units) == ("image", True, 1)
    text = " ".join(extraction.text.split())
    assert "Eastfield Community NHS Trust" in text
    assert "Daniel Forsyth, Director of Nursing" in text


def _speckled(image: Any, share: float, seed: int = 7) -> Any:
    """The page with ``share`` of its pixels set to black or white at random (scanner noise)."""
    import random

    from PIL import Image

    noisy = image.convert("L").copy()
    pixels = noisy.load()
    assert pixels is not None
    chance = random.Random(seed)
    for _ in range(int(share * noisy.width * noisy.height)):
        x, y = chance.randrange(noisy.width), chance.randrange(noisy.height)
        pixels[x, y] = chance.choice((0, 255))
    return Image.Image.convert(noisy, "L")


def test_specks_are_cleaned_from_a_grey_scan_and_nothing_else_is_touched() -> None:
    """A grey page with scanner specks is median-filtered before OCR; a clean page and a
    bilevel fax (whose thin strokes a median would erode) are left as they are."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

    from foi_audit.readers.specks import despeckled

    page = Image.new("L", (2480, 1200), 235)  # a third of an A4 page at 300 dpi
    font = ImageFont.load_default(size=36)  # strokes as thick as a page's at 300 dpi
    for line, words in enumerate(("1. Dedicated policy: Yes", "2. Bystander training: No")):
        ImageDraw.Draw(page).text((200, 200 + 80 * line), words, fill=20, font=font)
    page = page.filter(ImageFilter.GaussianBlur(1))  # a scanner's optics soften every edge
    assert despeckled(page) is None
    cleaned = despeckled(_speckled(page, 0.002))
    assert cleaned is not None
    changed = sum(ImageChops.difference(page, cleaned).histogram()[97:])
    assert changed < 0.001 * page.width * page.height  # the specks gone, the letters kept
    fax = _speckled(page.point(lambda v: 0 if v < 128 else 255), 0.002)
    assert despeckled(fax) is None


@pytest.mark.ocr
def test_a_specked_grey_scan_is_read_as_cleanly_as_a_clean_one() -> None:
    if shutil.which("tesseract") is None and os.environ.get("CI") != "true":
        pytest.skip("the tesseract binary is not installed (sudo apt-get install tesseract-ocr)")
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(FIXTURES / "scanned_letter.pdf")[0]
    paper = (
        page.render(scale=200 / 72, grayscale=True).to_pil().point(lambda v: 40 + v * 195 // 255)
    )
    image = _speckled(paper, 0.02)  # a grey scan of paper (not a fax), specked all over
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    text = " ".join(read_document(buffer.getvalue(), "scan.png").text.split())
    assert "Eastfield Community NHS Trust" in text
    assert "Daniel Forsyth, Director of Nursing" in text
    assert "Dignity at Work Policy" in text


def test_a_red_stamp_is_dropped_from_a_scan_and_blue_and_black_ink_kept() -> None:
    """A post room's red "RECEIVED" stamp across a letterhead garbled the trust's name; the
    page is read as its red channel when red ink is on it, as its plain grey when none is."""
    from PIL import Image, ImageDraw

    from foi_audit.readers.stamps import grey_without_stamps

    page = Image.new("RGB", (1200, 400), (250, 250, 250))
    draw = ImageDraw.Draw(page)
    draw.rectangle((100, 100, 500, 140), fill=(0, 94, 184))  # NHS blue letterhead ink
    draw.rectangle((100, 200, 500, 240), fill=(20, 20, 20))  # black text ink
    plain = grey_without_stamps(page)
    assert plain.mode == "L" and plain.getpixel((300, 120)) > 50  # luminance: blue is mid-grey
    draw.rectangle((300, 80, 700, 260), outline=(200, 30, 40), width=12)  # the stamp's frame
    grey = grey_without_stamps(page)
    assert grey.getpixel((306, 150)) > 180  # the stamp's ink fades to paper
    assert grey.getpixel((200, 120)) < 30 and grey.getpixel((200, 220)) < 30  # letters stay
    assert grey_without_stamps(page.convert("L")).mode == "L"


@pytest.mark.ocr
def test_a_letterhead_under_a_red_received_stamp_is_read() -> None:
    if shutil.which("tesseract") is None and os.environ.get("CI") != "true":
        pytest.skip("the tesseract binary is not installed (sudo apt-get install tesseract-ocr)")
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("RGB", (2480, 900), (252, 252, 250))
    draw = ImageDraw.Draw(page)
    draw.text(
        (900, 150),
        "Eastfield Community NHS Trust",
        fill=(0, 94, 184),
        font=ImageFont.load_default(size=64),
    )
    draw.text(
        (200, 500),
        "Dear Ms Thackeray, please find our response below.",
        fill=(20, 20, 20),
        font=ImageFont.load_default(size=40),
    )
    stamp = ImageFont.load_default(size=72)
    draw.rectangle((1200, 90, 1900, 330), outline=(200, 35, 45), width=10)
    draw.text((1240, 110), "RECEIVED", fill=(200, 35, 45), font=stamp)
    draw.text((1240, 200), "02 DEC 2024", fill=(200, 35, 45), font=stamp)
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    text = " ".join(read_document(buffer.getvalue(), "scan.png").text.split())
    assert "Eastfield Community NHS Trust" in text
    assert "RECEIVED" not in text


@pytest.mark.ocr
@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_scanned_sideways_or_upside_down_is_read_upright(turn: int) -> None:
    """A page fed into the scanner the wrong way round read as noise ("Japuelshg"), and its
    answers were lost: a page read poorly is turned as Tesseract's orientation detection says."""
    if shutil.which("tesseract") is None and os.environ.get("CI") != "true":
        pytest.skip("the tesseract binary is not installed (sudo apt-get install tesseract-ocr)")
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(FIXTURES / "scanned_letter.pdf")[0]
    image = page.render(scale=200 / 72, grayscale=True).to_pil().rotate(turn, expand=True)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    text = " ".join(read_document(buffer.getvalue(), "scan.png").text.split())
    assert "Daniel Forsyth, Director of Nursing" in text
    assert "Dignity at Work Policy" in text


def test_orientation_is_taken_only_when_tesseract_is_sure() -> None:
    from foi_audit.readers.tesseract import orientation

    report = "Page number: 0\nOrientation in degrees: 270\nRotate: 90\nOrientation confidence: {}\n"
    assert orientation(report.format("14.30")) == 90
    assert orientation(report.format("0.41")) == 0  # a guess (a page of figures, a logo)
    assert orientation("Too few characters. Skipping this page") == 0


def test_an_image_that_is_no_picture_of_a_page_is_one_clear_error() -> None:
    from PIL import Image

    with pytest.raises(CorruptFile, match="cannot be opened"):
        read_document(b"\xff\xd8\xff" + b"\x00" * 40, "IMG_0001.jpg")
    logo = io.BytesIO()
    Image.new("RGB", (240, 80), "white").save(logo, format="PNG")
    with pytest.raises(EmptyFile, match="too small to be a page"):
        read_document(logo.getvalue(), "image001.png")


@pytest.mark.ocr
def test_pages_of_a_scan_read_side_by_side_come_back_in_order() -> None:
    """Issue 15: a scanned file's pages are OCR'd at once on every core, the text unchanged."""
    if shutil.which("tesseract") is None and os.environ.get("CI") != "true":
        pytest.skip("the tesseract binary is not installed (sudo apt-get install tesseract-ocr)")
    import pypdfium2 as pdfium

    from foi_audit.readers import tesseract
    from foi_audit.readers.pdf import read as read_pdf

    scan = pdfium.PdfDocument(FIXTURES / "scanned_letter.pdf")
    three = pdfium.PdfDocument.new()
    for _ in range(3):
        three.import_pages(scan)
    buffer = io.BytesIO()
    three.save(buffer)
    try:
        tesseract.set_page_threads(1)
        one_at_a_time = read_pdf(buffer.getvalue(), "scan.pdf")
        tesseract.set_page_threads(3)
        side_by_side = read_pdf(buffer.getvalue(), "scan.pdf")
    finally:
        tesseract.set_page_threads(1)
    assert side_by_side == one_at_a_time
    pages = [b.locator.split(" (")[0] for b in side_by_side.blocks]
    assert pages == sorted(pages) and set(pages) == {"page 1", "page 2", "page 3"}


def test_scanned_pdf_without_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(NeedsOcr) as error:
        read("scanned_letter.pdf")
    assert str(error.value) == (
        "needs OCR: install tesseract-ocr (Debian/Ubuntu: sudo apt-get install tesseract-ocr; "
        "macOS: brew install tesseract)"
    )


def test_ocr_tsv_paragraphs_and_roles() -> None:
    from foi_audit.readers.ocr import tsv_blocks

    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "1\t1\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t",
        "5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t95\tNorthbrook",
        "5\t1\t1\t1\t1\t2\t70\t10\t50\t20\t95\tTrust",
        "5\t1\t2\t1\t1\t1\t10\t500\t50\t20\t95\tDear",
        "5\t1\t2\t1\t2\t1\t10\t525\t50\t20\t95\tMs",
        "5\t1\t3\t1\t1\t1\t10\t960\t50\t20\t95\tPage 1",
    ]
    blocks = tsv_blocks("\n".join([header, *rows]), 3, first_page=True)
    assert [(b.text, b.role) for b in blocks] == [
        ("Northbrook Trust", BlockRole.HEADER),
        ("Dear Ms", BlockRole.BODY),
        ("Page 1", BlockRole.FOOTER),
    ]
    assert blocks[0].locator == "page 3 (OCR)"


def test_a_second_page_photographed_alone_has_no_letterhead() -> None:
    """The photo of a letter's second page starts with "(b) It is mandatory ...": its top is
    the answers' continuation, not a letterhead (whose text answers nothing)."""
    from foi_audit.readers.ocr import tsv_blocks

    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "1\t1\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t",
        "5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t95\t(b)",
        "5\t1\t1\t1\t1\t2\t70\t10\t50\t20\t95\tMandatory.",
        "5\t1\t2\t1\t1\t1\t10\t60\t50\t20\t95\tN/A.",
        "5\t1\t3\t1\t1\t1\t10\t500\t50\t20\t95\tYes.",
    ]
    blocks = tsv_blocks("\n".join([header, *rows]), 1, first_page=True)
    assert [(b.text, b.role) for b in blocks] == [
        ("(b) Mandatory.", BlockRole.BODY),
        ("N/A.", BlockRole.BODY),
        ("Yes.", BlockRole.BODY),
    ]


def test_ocr_paragraph_cut_mid_sentence_is_joined_again() -> None:
    # Tesseract can end one paragraph at "... does not hold the" and start the next with
    # "information you requested.": one paragraph, so the sentence is read whole; a paragraph
    # that ends its sentence, or is far below, stays apart.
    from foi_audit.readers.ocr import tsv_blocks

    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    words = [
        (1, 1, 1, 400, "We"), (1, 1, 2, 400, "do"), (1, 1, 3, 400, "not"), (1, 1, 4, 400, "hold"),
        (1, 1, 5, 400, "the"),
        (2, 1, 1, 425, "information"), (2, 1, 2, 425, "requested."),
        (3, 1, 1, 600, "Yours"), (3, 1, 2, 600, "sincerely"),
    ]  # fmt: skip
    rows = ["1\t1\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t"] + [
        f"5\t1\t{block}\t1\t{line}\t{n}\t{10 + 60 * n}\t{top}\t50\t20\t95\t{text}"
        for block, line, n, top, text in words
    ]
    blocks = tsv_blocks("\n".join([header, *rows]), 1, first_page=False)
    assert [b.text for b in blocks] == [
        "We do not hold the information requested.",
        "Yours sincerely",
    ]


# --- Word, OpenDocument, RTF, legacy ---------------------------------------------------------


def test_docx_body_order_tables_headers_footers() -> None:
    extraction = read("reply_with_table.docx")
    blocks = extraction.blocks
    assert (blocks[0].text, blocks[0].locator, blocks[0].role) == (
        "Northbrook Valley NHS Foundation Trust",
        "header",
        BlockRole.HEADER,
    )
    assert blocks[-1].role == BlockRole.FOOTER and blocks[-1].locator == "footer"
    locators = [b.locator for b in blocks]
    assert (
        locators.index("paragraph 3")
        < locators.index("table 1 row 1")
        < locators.index("paragraph 4")
    )
    rows = by_locator(extraction)
    assert rows["table 1 row 1"] == "No. | Question | Response"
    # the merged "2." cell is stated once: its second row starts with the sub-question
    assert rows["table 1 row 3"].startswith("2. | Does the Trust provide Active Bystander")
    assert rows["table 1 row 4"].startswith("If so, is it delivered in-house")


def test_docx_table_inside_a_cell_stays_in_its_cell(tmp_path: Path) -> None:
    """A cell holding a table of the question's parts: each inner row a line of the cell
    ("(a) Delivery: Both."), so the outer row keeps its three columns."""
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=3)
    outer.cell(0, 0).text = "2"
    outer.cell(0, 1).text = "Does the Trust provide Active Bystander Training?"
    answer = outer.cell(0, 2)
    answer.text = "Yes, see below."
    inner = answer.add_table(rows=2, cols=2)
    for row, (label, text) in enumerate([("(a) Delivery", "Both."), ("(b) Mandatory?", "No.")]):
        inner.cell(row, 0).text = label
        inner.cell(row, 1).text = text
    path = tmp_path / "nested.docx"
    document.save(str(path))
    rows = by_locator(read_document(path.read_bytes(), "nested.docx"))
    assert rows["table 1 row 1"] == (
        "2 | Does the Trust provide Active Bystander Training? | "
        "Yes, see below. (a) Delivery: Both. (b) Mandatory? No."
    )


def test_docx_page_laid_out_in_a_table_is_read_as_its_paragraphs_and_tables(
    tmp_path: Path,
) -> None:
    """A letter set in a one-row table (contact details in a sidebar, the letter beside them,
    its answers in a table inside): each cell is read as a body, not flattened into one row."""
    import docx

    document = docx.Document()
    layout = document.add_table(rows=1, cols=2)
    layout.cell(0, 0).text = "Our ref: FOI 2024-2291"
    letter = layout.cell(0, 1)
    letter.text = "Dear Ms Tranter,"
    letter.add_paragraph("Thank you for your request, received on 7 October 2024. " * 4)
    letter.add_paragraph("Please find our responses below.")
    answers = letter.add_table(rows=2, cols=2)
    answers.cell(0, 0).text = "Does the Trust provide Active Bystander Training?"
    answers.cell(0, 1).text = "No, not currently."
    answers.cell(1, 0).text = "If not, does it plan to introduce it?"
    answers.cell(1, 1).text = "Yes, in 2025. " * 10
    short = document.add_table(rows=1, cols=3)  # one row of a real table: still a table
    for column, text in enumerate(["No.", "Question", "Response"]):
        short.cell(0, column).text = text
    path = tmp_path / "layout.docx"
    document.save(str(path))
    blocks = read_document(path.read_bytes(), "layout.docx").blocks
    texts = [(b.locator, b.text) for b in blocks]
    assert ("paragraph 1", "Our ref: FOI 2024-2291") in texts
    assert ("paragraph 2", "Dear Ms Tranter,") in texts
    assert (
        "table 1 row 1",
        "Does the Trust provide Active Bystander Training? | No, not currently.",
    ) in texts
    assert ("table 2 row 1", "No. | Question | Response") in texts


def test_docx_footnotes_are_read_where_they_are_referred_to(tmp_path: Path) -> None:
    """A footnote typed by hand (a superscript number, the note a later paragraph starting
    with it) and a Word footnote are both read in brackets at their marker: "the Chief Nurse
    (Mrs X, who took up the post in August 2024)"."""
    import zipfile

    import docx

    document = docx.Document()
    lead = document.add_paragraph("The executive lead is the Chief Nurse")
    lead.add_run("1").font.superscript = True
    lead.add_run(", supported by the Head of Safeguarding.")
    document.add_paragraph("The provider is named in a note.")
    document.add_paragraph("1 Mrs Helen Marsh, who took up the post in August 2024.")
    typed = tmp_path / "typed.docx"
    document.save(str(typed))
    texts = [b.text for b in read_document(typed.read_bytes(), "typed.docx").blocks]
    assert texts[0] == (
        "The executive lead is the Chief Nurse (Mrs Helen Marsh, who took up the post in August "
        "2024), supported by the Head of Safeguarding."
    )
    assert texts[-1] == "1 Mrs Helen Marsh, who took up the post in August 2024."

    # a Word footnote: a reference in the text, the note in word/footnotes.xml
    word = tmp_path / "word.docx"
    with zipfile.ZipFile(typed) as source, zipfile.ZipFile(word, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"<w:t>The provider is named in a note.</w:t></w:r>",
                    b"<w:t>The provider is named in a note.</w:t></w:r>"
                    b'<w:r><w:footnoteReference w:id="2"/></w:r>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            elif item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            target.writestr(item, data)
        target.writestr(
            "word/footnotes.xml",
            '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            '</w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Stand Together Training Ltd'
            "</w:t></w:r></w:p></w:footnote></w:footnotes>",
        )
    texts = [b.text for b in read_document(word.read_bytes(), "word.docx").blocks]
    assert "The provider is named in a note. (Stand Together Training Ltd)" in texts


def test_docx_zip_bomb_is_refused() -> None:
    with pytest.raises(TooLarge, match="zip bomb"):
        read("zip_bomb.docx")


def _zip_of(files: dict[str, bytes]) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_archive_s_files_are_read_as_its_attachments() -> None:
    """A trust's "disclosure pack.zip" (covering letter, answer sheet, policy): each file is
    read as an attachment of the archive; a Mac's resource forks and hidden files are not."""
    letter = (FIXTURES / "reply_with_table.docx").read_bytes()
    pack = _zip_of(
        {
            "FOI 24-3317/01 Cover letter.docx": letter,
            "FOI 24-3317/02 answers.txt": b"Q1 Yes. Q2 No.",
            "__MACOSX/FOI 24-3317/._01 Cover letter.docx": b"\x00\x05\x16\x07",
            ".DS_Store": b"\x00\x00",
        }
    )
    extraction = read_document(pack, "MSEFT disclosure pack.zip")
    assert extraction.format == "zip" and not extraction.blocks
    assert [a.name for a in extraction.attachments] == [
        "FOI 24-3317/01 Cover letter.docx",
        "FOI 24-3317/02 answers.txt",
    ]
    assert extraction.attachments[1].data == b"Q1 Yes. Q2 No."
    with pytest.raises(EmptyFile, match="holds no files"):
        read_document(_zip_of({"__MACOSX/._x": b"x"}), "empty.zip")


def test_a_zip_bomb_or_a_password_protected_zip_is_refused() -> None:
    import zipfile

    with pytest.raises(TooLarge, match="zip bomb"):
        read_document(_zip_of({"huge.txt": b"0" * (40 * 1024 * 1024)}), "pack.zip")
    locked = bytearray(_zip_of({"reply.txt": b"secret"}))
    # the entry's flag says it is encrypted (zipfile writes none): local and central headers
    locked[6] |= 0x1
    central = locked.find(b"PK\x01\x02")
    locked[central + 8] |= 0x1
    assert zipfile.ZipFile(io.BytesIO(bytes(locked))).infolist()[0].flag_bits & 0x1
    with pytest.raises(EncryptedFile, match="password-protected"):
        read_document(bytes(locked), "locked.zip")


def test_docx_xml_entities_are_not_expanded(tmp_path: Path) -> None:
    """A billion-laughs style entity in document.xml must not be expanded into the text."""
    import zipfile

    source = zipfile.ZipFile(FIXTURES / "reply_with_table.docx")
    document = source.read("word/document.xml").decode()
    evil = document.replace(
        "<w:document ",
        '<!DOCTYPE w:document [<!ENTITY boom "BOOMBOOMBOOM">]><w:document ',
        1,
    ).replace("Dear Ms Okafor", "Dear &boom;")
    out = tmp_path / "evil.docx"
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = evil.encode() if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    try:
        text = read_document(out.read_bytes(), "evil.docx").text
    except CorruptFile:
        return  # refusing the file is also safe
    assert "BOOM" not in text


def test_odt_paragraphs_tables_header_footer() -> None:
    extraction = read("reply.odt")
    assert [(b.locator, b.role) for b in extraction.blocks][:2] == [
        ("header", BlockRole.HEADER),
        ("paragraph 1", BlockRole.TITLE),
    ]
    rows = by_locator(extraction)
    assert rows["paragraph 2"] == "Dear Ms Okafor"
    assert rows["table 1 row 1"] == "Policy? | Yes."
    assert extraction.blocks[-1].text == "Registered office: Eastfield"


def test_rtf_text_escapes_and_tables() -> None:
    extraction = read("reply.rtf")
    texts = [b.text for b in extraction.blocks]
    assert texts[0] == "Northbrook Valley NHS Foundation Trust"
    assert "Our policy costs £30 and is called “Respect at Work”." in texts
    assert "Mandatory? | Optional." in texts
    assert "Arial" not in extraction.text and "Riched20" not in extraction.text


def test_legacy_doc_says_how_to_convert() -> None:
    with pytest.raises(UnsupportedFormat) as error:
        read("legacy_word.doc")
    assert str(error.value) == (
        "legacy Word .doc: open it in Word or LibreOffice and save as DOCX or PDF, e.g. "
        "`soffice --headless --convert-to docx FILE`"
    )


# --- spreadsheets ----------------------------------------------------------------------------


def test_xlsx_titles_table_rows_merged_cells_and_sheets() -> None:
    extraction = read("response_template.xlsx")
    assert extraction.units == 2
    blocks = {b.locator: b for b in extraction.blocks}
    assert blocks["Response!A1"].role == BlockRole.TITLE
    assert blocks["Response!A1"].text == "Northbrook Valley NHS Foundation Trust"
    assert blocks["Response!A4:C4"].text == "Q | Question | Response"
    assert blocks["Response!A4:C4"].role == BlockRole.TABLE
    # A6:A8 is merged: "2" appears once; row 7's first cell is empty and kept, so each of its
    # cells stays under its header
    assert blocks["Response!B7:C7"].text.startswith(" | (a) In-house or external provider? | It")
    assert blocks["Response!A11"].role == BlockRole.BODY  # the line below the table
    assert blocks["'Cover sheet'!A1"].role == BlockRole.TITLE
    assert blocks["'Cover sheet'!A3"].text == "No exemptions were applied."


def test_xlsx_hidden_sheets_rows_and_columns_and_a_draft_sheet_are_not_read() -> None:
    """What the trust sent is what shows: a hidden "Response v1" sheet, a "Draft - do not
    send" sheet beside the final one, a hidden row and a hidden column are left out."""
    import openpyxl

    workbook = openpyxl.Workbook()
    final = workbook.active
    final.title = "Response"
    for row in [
        ["Q", "Answer", "Old answer"],
        ["1", "Yes - Sexual Safety Policy", "Policy being drafted"],
        ["2c", "Yes (draft)", ""],
        ["2c", "No", ""],
    ]:
        final.append(row)
    final.column_dimensions["C"].hidden = True
    final.row_dimensions[3].hidden = True
    old = workbook.create_sheet("Response v1")
    old.append(["4", "Withheld under section 40(2)"])
    old.sheet_state = "hidden"
    draft = workbook.create_sheet("Draft - do not send")
    draft.append(["2a", "Provider withheld under section 43(2)"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    text = "\n".join(b.text for b in read_document(buffer.getvalue(), "answers.xlsx").blocks)
    assert "Yes - Sexual Safety Policy" in text and "2c | No" in text
    for gone in ("Policy being drafted", "Yes (draft)", "section 40", "section 43"):
        assert gone not in text


def test_xlsx_a_draft_sheet_is_left_out_though_the_answers_speak_of_a_draft() -> None:
    """A "Draft" sheet beside the final answers is left out even when the answers mention a
    draft policy: only a sheet titled as an earlier reply is kept for being pointed at."""
    import openpyxl

    workbook = openpyxl.Workbook()
    final = workbook.active
    final.title = "Response"
    final.append(["1", "A draft Sexual Safety Policy is with the People Committee."])
    final.append(["2", "Yes, delivered in-house."])
    draft = workbook.create_sheet("Draft")
    draft.append(["1", "No policy"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    text = "\n".join(b.text for b in read_document(buffer.getvalue(), "answers.xlsx").blocks)
    assert "with the People Committee" in text and "No policy" not in text


def test_xlsx_an_earlier_reply_kept_on_an_old_sheet_is_not_read() -> None:
    """A workbook whose first sheet is last year's reply ("OLD - FOI 23-0441"), the answers
    sent on the current one: only the current answers are read; a sheet on an "Old age
    services policy" or titled "Current" is read as any other."""
    import openpyxl

    workbook = openpyxl.Workbook()
    old = workbook.active
    old.title = "OLD - FOI 23-0441"
    old.append(["4", "Not appointed."])
    current = workbook.create_sheet("FOI 24-2987 (current)")
    current.append(["4", "Ms Nadia Fenwick, Chief People Officer"])
    policies = workbook.create_sheet("Old age services policy")
    policies.append(["Note", "Applies to all wards"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    text = "\n".join(b.text for b in read_document(buffer.getvalue(), "answers.xlsx").blocks)
    assert "Ms Nadia Fenwick" in text and "Applies to all wards" in text
    assert "Not appointed" not in text
    # a sheet of figures for earlier years, and an earlier reply the answers point at, are read
    workbook = openpyxl.Workbook()
    answers = workbook.active
    answers.title = "Response"
    answers.append(["4", "Unchanged from our previous response (tab 2)."])
    answers.append(["2", "Yes"])
    earlier = workbook.create_sheet("Previous response")
    earlier.append(["4", "Mrs Alison Carter, Chief Nurse"])
    figures = workbook.create_sheet("Previous 3 years")
    figures.append(["Staff trained", "312"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    text = "\n".join(b.text for b in read_document(buffer.getvalue(), "answers.xlsx").blocks)
    assert "Mrs Alison Carter" in text and "Staff trained" in text


def test_xlsx_folded_and_filtered_rows_and_a_final_draft_sheet_are_read() -> None:
    """Rows and columns folded into an outline group, rows an AutoFilter hides, and a sheet
    titled "Response - final draft" were sent: a click away, still read (review guard)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    cover = workbook.active
    cover.title = "Cover"
    cover.append(["FOI 24-101"])
    sheet = workbook.create_sheet("Response - final draft")
    for row in [
        ["Q", "Answer", "Further detail"],
        ["2", "Yes", ""],
        ["2a", "External", "Bystander Matters Ltd"],
        ["4", "Yes - Mrs Jane Roe, Chief Nurse", ""],
    ]:
        sheet.append(row)
    sheet.row_dimensions[3].outlineLevel = 1
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["C"].outlineLevel = 1
    sheet.column_dimensions["C"].hidden = True
    filtered = workbook.create_sheet("Filtered")
    filtered.append(["Q", "Answer"])
    filtered.append(["1", "Yes - Sexual Safety Policy"])
    filtered.auto_filter.ref = "A1:B2"
    filtered.row_dimensions[2].hidden = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    text = "\n".join(b.text for b in read_document(buffer.getvalue(), "answers.xlsx").blocks)
    for kept in ("2a | External", "Bystander Matters Ltd", "Mrs Jane Roe", "Sexual Safety Policy"):
        assert kept in text


def test_docx_hidden_text_is_not_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("The provider's name is withheld under section 43(2).")
    hidden = paragraph.add_run(" Kestrel Upstander Ltd")
    hidden.font.hidden = True
    path = tmp_path / "hidden.docx"
    document.save(str(path))
    text = " ".join(b.text for b in read_document(path.read_bytes(), "hidden.docx").blocks)
    assert "withheld under section 43(2)" in text
    assert "Kestrel" not in text


def test_docx_struck_through_text_is_not_read(tmp_path: Path) -> None:
    """An answer struck through and its correction beside it: the correction is the answer."""
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("4. ")
    struck = paragraph.add_run("Yes. Chief Nurse. The name is withheld under section 40(2).")
    struck.font.strike = True
    paragraph.add_run(" Yes - Dr Anjali Mehta-Ross, Chief Nurse.")
    double = document.add_paragraph().add_run("Optional.")
    double.font.double_strike = True
    path = tmp_path / "struck.docx"
    document.save(str(path))
    text = " ".join(b.text for b in read_document(path.read_bytes(), "struck.docx").blocks)
    assert "Dr Anjali Mehta-Ross" in text
    assert "withheld" not in text and "Optional" not in text


def test_html_struck_through_text_is_not_read() -> None:
    """A disclosure log updated after a review: the answer it strikes through ("<del>",
    "<s>", "<strike>") is taken back, the update is read."""
    page = (
        "<html><body><p>4. <del>Yes. Chief Nurse. The name is withheld under section 40(2)."
        "</del></p><p>2. <s>Optional.</s> <strike>Voluntary.</strike> Mandatory.</p>"
        "<p>Answer 4 now reads: Yes - Professor Lena Marsh, Chief Nurse.</p></body></html>"
    )
    text = " ".join(b.text for b in read_document(page.encode(), "log.html").blocks)
    assert "Professor Lena Marsh" in text and "Mandatory." in text
    assert "withheld" not in text and "Optional" not in text and "Voluntary" not in text


def _xlsx_with_fills(rows: list[list[str]], fills: dict[str, str]) -> bytes:
    """A workbook of ``rows`` whose cells named in ``fills`` ("B4") have that solid fill."""
    import openpyxl
    from openpyxl.styles import PatternFill

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for ref, rgb in fills.items():
        sheet[ref].fill = PatternFill(fill_type="solid", fgColor=rgb)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_sheet_answering_by_colour_alone_is_read_through_its_own_key() -> None:
    """ "Key: Green = Yes | Red = No" over empty filled cells, and "the option that applies is
    shaded green" over rows of options: read as the answers the colours give (a row of
    options had been read as its first option, "Yes")."""
    green, red = "FF92D050", "FFFF7C80"
    by_meaning = _xlsx_with_fills(
        [
            ["Key:", "Green = Yes", "Red = No"],
            ["Q1 Dedicated policy?", "", "Covered by our Dignity at Work Policy."],
            ["Q2 ABT provided?", "", ""],
        ],
        {"B1": green, "C1": red, "B2": red, "B3": green},
    )
    texts = [b.text for b in read_document(by_meaning, "rag.xlsx").blocks]
    assert texts[0] == "Key: | Green = Yes | Red = No"
    assert texts[1] == "Q1 Dedicated policy? | No | Covered by our Dignity at Work Policy."
    assert texts[2] == "Q2 ABT provided? | Yes"
    by_option = _xlsx_with_fills(
        [
            ["Key: the option that applies to the Trust is shaded green."],
            ["Q1 Dedicated policy?", "Yes", "No", "In draft", "Due at Board in March."],
            ["Q4 Lead appointed?", "Yes", "No", "", "Chief Nurse"],
        ],
        {"D2": green, "B3": green},
    )
    texts = [b.text for b in read_document(by_option, "options.xlsx").blocks]
    assert texts[1] == "Q1 Dedicated policy? | ☐ Yes | ☐ No | ☒ In draft | Due at Board in March."
    assert texts[2] == "Q4 Lead appointed? | ☒ Yes | ☐ No |  | Chief Nurse"
    plain = _xlsx_with_fills([["Q1", "Yes", "No"]], {"B1": green})  # fills but no key
    assert [b.text for b in read_document(plain, "plain.xlsx").blocks] == ["Q1 | Yes | No"]


def test_ods_through_calamine() -> None:
    extraction = read("disclosure_log.ods")
    assert extraction.format == "ods"
    assert [(b.locator, b.role, b.text) for b in extraction.blocks] == [
        ("Log!A1", BlockRole.TITLE, "Eastfield Community NHS Trust"),
        ("Log!A3:B3", BlockRole.TABLE, "Question | Answer"),
        ("Log!A4:B4", BlockRole.TABLE, "Dedicated policy? | In development"),
        ("Log!A5:B5", BlockRole.TABLE, "DASV lead? | Director of Nursing"),
    ]


def test_column_letters() -> None:
    from foi_audit.readers.spreadsheet import column_letter

    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]


# --- HTML, text, CSV -------------------------------------------------------------------------


def test_html_blocks_roles_and_dropped_parts() -> None:
    extraction = read("disclosure_log.html")
    text = extraction.text
    assert "tracking" not in text and "font-family" not in text and "comment" not in text
    assert "Home" not in text  # navigation dropped
    roles = {b.locator: b.role for b in extraction.blocks}
    assert roles["header"] == BlockRole.HEADER  # logo alt text in the page header
    assert roles["footer"] == BlockRole.FOOTER
    blocks = by_locator(extraction)
    assert blocks["header"] == "Eastfield Community NHS Trust logo"
    assert blocks["table 1 row 2"] == "1. Dedicated policy? | Yes – see our policy."
    assert (
        blocks["table 1 row 3"] == "4. DASV lead? | Chief Nurse (name withheld under section 40(2))"
    )
    # an article's own <header> is a heading, not the page header
    entry = next(b for b in extraction.blocks if b.text == "FOI 24-1012: Sexual safety")
    assert entry.role == BlockRole.TITLE
    assert "Request received 4 November 2024" in [b.text for b in extraction.blocks]


def test_html_table_laying_out_a_page_is_read_as_its_parts() -> None:
    """An old site laid out in a table: its cells hold headings, rules and a nested table, so
    each part is a block of its own (not one row joining the menu, three requests and the
    footer); a menu table of links is navigation and dropped; the answers' own table stays."""
    blocks = read("layout_table_log.html").blocks
    texts = [b.text for b in blocks]
    assert "Careers" not in " ".join(texts)  # the menu
    assert "HHFT-FOI-24-1433 – Sexual safety, bystander training, DASV lead" in texts
    rows = [b.text for b in blocks if b.role == BlockRole.TABLE]
    assert rows[0] == "Question | Response"
    assert rows[2] == "2. Active Bystander Training provided? | Yes"
    assert not any("Parking" in row or "Privacy" in row for row in rows)
    assert texts[-1].endswith("Terms · Privacy notice")


def test_txt_in_windows_1252() -> None:
    extraction = read("notes_cp1252.txt")
    assert [b.locator for b in extraction.blocks] == ["paragraph 1", "paragraph 2", "paragraph 3"]
    assert extraction.blocks[1].text == "The policy cost £200 – café staff included."


def test_csv_rows() -> None:
    extraction = read("answers.csv")
    assert [(b.locator, b.text) for b in extraction.blocks] == [
        ("row 1", "Question | Answer"),
        ("row 2", "1. Policy? | Yes, dedicated"),
        ("row 4", "2. ABT? | No"),
    ]


def test_a_saved_log_pages_underlined_headings_are_paragraphs_of_their_own() -> None:
    """Round 53: "Request summary" and "Response", each over a line of dashes, ran into the
    text below them, so the request was read as answers and the refusal never was."""
    text = (
        b"Freedom of Information - Disclosure Log\n=======================\n\n"
        b"Request summary\n---------------\nSexual safety policy for staff; plans to introduce ABT.\n\n"
        b"Response\n--------\nThe Trust is relying on section 14(1).\n\nRight of appeal."
    )
    blocks = [b.text for b in read_document(text, "log.txt").blocks]
    assert blocks == [
        "Freedom of Information - Disclosure Log",
        "Request summary",
        "Sexual safety policy for staff; plans to introduce ABT.",
        "Response",
        "The Trust is relying on section 14(1).",
        "Right of appeal.",
    ]
    # a log entry's last line over the rule before the next entry is no heading
    entries = b"Ref: 24-0932\nResponse: 4.6 years.\n-----\nRef: 24-0958\nResponse: Not held.\n-----"
    assert [b.text for b in read_document(entries, "log.txt").blocks] == [entries.decode()]


# --- email -----------------------------------------------------------------------------------


def test_a_page_pasted_into_a_mail_body_is_read_and_its_logo_is_not() -> None:
    """ "Please see our response in the image below": the answers were only in an inline
    picture, which was dropped with the logos, and the reply came out blank."""
    from email.message import EmailMessage

    from PIL import Image

    def png(size: tuple[int, int]) -> bytes:
        buffer = io.BytesIO()
        Image.new("L", size, 255).save(buffer, format="PNG")
        return buffer.getvalue()

    mail = EmailMessage()
    mail["Subject"], mail["From"] = "Your FOI request", "FOI <foi@trust.example>"
    mail.set_content("Please see our response in the image below.")
    mail.add_alternative(
        '<p>Please see our response in the image below.</p><img src="cid:p1">', "html"
    )
    html = mail.get_payload()[1]
    html.add_related(png((240, 80)), "image", "png", cid="<logo1>", filename="logo.png")
    html.add_related(png((1240, 1754)), "image", "png", cid="<p1>", filename="image001.png")
    extraction = read_document(mail.as_bytes(), "reply.eml")
    assert [a.name for a in extraction.attachments] == ["image001.png"]


def test_a_mails_plain_text_that_only_points_to_its_html_table_gives_way_to_the_html() -> None:
    """Round 52: "Please see the table in the HTML version of this message": the plain part
    was read, the answers in the HTML part's table never were."""
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["Subject"], mail["From"] = "RE: FOI request 12483", "IG <ig.foi@trust.example>"
    mail.set_content("Please see the table in the HTML version of this message for our response.")
    rows = "".join(
        f"<tr><td>{n}</td><td>Answer {n}: the Trust does provide this, in house.</td></tr>"
        for n in ("1", "2", "2a", "2b", "2c", "3", "4")
    )
    mail.add_alternative(f"<p>Please see our response below.</p><table>{rows}</table>", "html")
    extraction = read_document(mail.as_bytes(), "reply.eml")
    tables = [b.text for b in extraction.blocks if b.role is BlockRole.TABLE]
    assert tables[0] == "1 | Answer 1: the Trust does provide this, in house."
    assert len(tables) == 7
    # as Outlook sends it: the HTML in a multipart/related with its logo
    html = mail.get_payload()[1]
    html.add_related(b"\x89PNG\r\n\x1a\n" + b"0" * 64, "image", "png", cid="<logo1>")
    extraction = read_document(mail.as_bytes(), "reply.eml")
    assert len([b for b in extraction.blocks if b.role is BlockRole.TABLE]) == 7


def test_a_spreadsheet_pasted_into_a_mail_as_comma_separated_text_is_read_by_its_cells() -> None:
    """Round 59: "Ref,Question,Answer,Exemption applied" over quoted CSV rows in a plain mail
    body was one paragraph of commas and quote marks, its answers unread; each row is read as
    a table's, its cells set apart. Prose with commas stays as it is."""
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["Subject"], mail["From"] = "RE: FOI WC-24-1217", "FOI Team <foi@trust.example>"
    mail.set_content(
        "Dear Ms Vale,\n\nPlease find our response in the table below.\n\n"
        "Ref,Question,Answer,Exemption applied\n"
        '1,"Does the Trust have a dedicated policy? If so, a copy.","Yes, Sexual Safety Policy",None\n'
        "2b,Is it mandatory or optional?,Optional,None\n\n"
        "Kind regards, FOI Officer, Information Governance, Records Office\n"
    )
    texts = [b.text for b in read_document(mail.as_bytes(), "reply.eml").blocks]
    assert "Ref | Question | Answer | Exemption applied" in texts
    assert (
        "1 | Does the Trust have a dedicated policy? If so, a copy. | Yes, Sexual Safety Policy | None"
        in texts
    )
    assert "2b | Is it mandatory or optional? | Optional | None" in texts
    assert "Kind regards, FOI Officer, Information Governance, Records Office" in texts
    # a paragraph the csv module cannot read (a field over its size limit) stays as written
    from foi_audit.readers.email import plain_paragraphs

    huge = 'a,b,c\n1,"' + "x" * 140_000 + '",3\n2,3,4'
    assert plain_paragraphs(huge) == [huge]


def test_eml_headers_body_and_attachments() -> None:
    extraction = read("reply_with_attachments.eml")
    assert extraction.header("subject") == "RE: FOI 24-1102 response"
    assert extraction.header("From") == "Northbrook Valley FOI <nbv.foi@nhs.net>"
    assert extraction.header("Date") == "Fri, 29 Nov 2024 13:05:19 +0000"
    heads = [b for b in extraction.blocks if b.role == BlockRole.EMAIL_HEADER]
    assert [b.locator for b in heads] == ["subject", "from", "to", "date"]
    body = [b.text for b in extraction.blocks if b.role == BlockRole.BODY]
    assert body[:2] == ["Dear Ms Okafor,", "Please find attached our response."]
    assert body.count("Please find attached our response.") == 1  # plain chosen, not html too
    names = [a.name for a in extraction.attachments]
    assert names == [
        "FOI 24-1102 response.pdf",
        "Freedom of Information request - sexual safety.eml",
    ]  # the inline logo is ignored
    assert extraction.attachments[0].data.startswith(b"%PDF")
    forwarded = read_document(extraction.attachments[1].data, names[1])
    assert forwarded.header("From") == "Rachel Okafor <r.okafor@example.org>"


def test_eml_html_only_body_read_as_html() -> None:
    extraction = read("html_only.eml")
    rows = [b for b in extraction.blocks if b.role == BlockRole.TABLE]
    assert [b.text for b in rows] == ["Question | Answer", "1. Policy? | No dedicated policy."]
    assert "Eastfield Community NHS Trust" in extraction.text


def test_eml_unknown_charset_and_bad_bytes_never_crash() -> None:
    extraction = read("bad_charset.eml")
    assert extraction.header("Subject") == "FOI réponse"
    assert "The Trust’s policy costs £100." in extraction.text
    assert "end." in extraction.text


def test_eml_attachment_paths_in_extract(tmp_path: Path) -> None:
    path = tmp_path / "reply.eml"
    path.write_bytes((FIXTURES / "reply_with_attachments.eml").read_bytes())
    nodes = extract_file((str(path), 50_000_000))["nodes"]
    rels = [node["rel"] for node in nodes]
    assert rels == [
        "",
        "FOI 24-1102 response.pdf",
        "Freedom of Information request - sexual safety.eml",
    ]
    assert all(not node["error"] for node in nodes)
    pdf_blocks = nodes[1]["blocks"]
    assert pdf_blocks[0][1] == "page 1" and "Northbrook Valley" in pdf_blocks[0][0]


def test_a_logo_attached_to_a_mail_is_set_aside_but_a_logo_sent_alone_is_an_error(
    tmp_path: Path,
) -> None:
    """Round 74: an e-mail's signature logo, attached as "image001.png", was reported as a
    file not read, which a researcher would chase for nothing; sent on its own it still is."""
    from email.message import EmailMessage

    from PIL import Image

    logo = io.BytesIO()
    Image.new("RGB", (120, 40), "white").save(logo, format="PNG")
    mail = EmailMessage()
    mail["Subject"], mail["From"] = "FOI 24-1733", "FOI <foi@trust.example>"
    mail.set_content("Please find our response below.\n\n1. No.")
    mail.add_attachment(logo.getvalue(), "image", "png", filename="image001.png")
    (tmp_path / "reply.eml").write_bytes(mail.as_bytes())
    (tmp_path / "image002.png").write_bytes(logo.getvalue())
    in_mail = extract_file((str(tmp_path / "reply.eml"), 50_000_000))["nodes"]
    assert [(n["rel"], n["error"], n.get("status")) for n in in_mail] == [
        ("", "", None),
        ("image001.png", "", "skipped"),
    ]
    assert "too small to be a page" in in_mail[1]["message"]
    alone = extract_file((str(tmp_path / "image002.png"), 50_000_000))["nodes"]
    assert [(n["error"], n.get("status")) for n in alone] == [("NotAPage", None)]


# --- Outlook .msg ----------------------------------------------------------------------------


def test_msg_properties_body_and_attachments() -> None:
    extraction = read("outlook_reply.msg")
    assert extraction.format == "msg"
    assert extraction.header("Subject") == "FOI 24-1102 - Response"
    assert extraction.header("From") == "Northbrook Valley FOI <nbv.foi@nhs.net>"
    assert extraction.header("Date") == "Fri, 29 Nov 2024 13:05:19 +0000"
    body = [b for b in extraction.blocks if b.role == BlockRole.BODY]
    assert body[0].text == "Dear Ms Okafor," and body[0].locator == "paragraph 1"
    names = [a.name for a in extraction.attachments]
    assert names == ["FOI 24-1102 full response letter.pdf", "forwarded request.eml"]
    letter = read_document(extraction.attachments[0].data, names[0])
    assert letter.format == "pdf" and "Dear Ms Okafor" in letter.text
    embedded = read_document(extraction.attachments[1].data, names[1])
    assert embedded.header("Subject") == "FOI request - sexual safety"
    assert embedded.header("Date") == "Mon, 04 Nov 2024 09:00:00 +0000"
    assert "Please tell me whether the Trust has a sexual safety policy." in embedded.text


def test_msg_is_sniffed_from_bytes_not_name() -> None:
    data = (FIXTURES / "outlook_reply.msg").read_bytes()
    assert read_document(data, "no extension").format == "msg"


def test_empty_cells_keep_every_answer_under_its_header(tmp_path: Path) -> None:
    """A row with an empty cell (no link given, a question left blank) is written with the
    empty cell in its place, in a workbook and in a CSV export alike; trailing ones are not.
    A lone cell under the table keeps its column too (a note under the answer above it)."""
    import openpyxl

    from foi_audit.readers import read_document

    rows = [
        ["Organisation", "Q1 Policy", "Q1 Link", "Q2 ABT", "Notes"],
        ["Homerton Healthcare NHS Foundation Trust", "No", None, "No", None],
        [None, None, "see note", None, None],
    ]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "a.xlsx")
    csv_text = "\n".join(",".join(c or "" for c in row) for row in rows) + "\n"
    for name, data in (
        ("a.xlsx", (tmp_path / "a.xlsx").read_bytes()),
        ("a.csv", csv_text.encode()),
    ):
        texts = [b.text for b in read_document(data, name).blocks]
        assert texts == [
            "Organisation | Q1 Policy | Q1 Link | Q2 ABT | Notes",
            "Homerton Healthcare NHS Foundation Trust | No |  | No",
            " |  | see note",
        ], name


@pytest.mark.parametrize("angle", [-2.2, -1.0, 0.0, 1.5, 2.4])
def test_a_scanned_page_s_skew_is_found_from_its_text_rows(angle: float) -> None:
    """Tesseract read a noisy page scanned two degrees askew much worse ("South West
    voriahire" for "South West Yorkshire"): a poor reading is read again with the page turned
    level by the angle its text rows give (the surer reading wins)."""
    from PIL import Image, ImageDraw, ImageFont

    from foi_audit.readers.skew import LEVEL_DEGREES, levelled, skew_degrees

    page = Image.new("L", (1700, 2200), 255)  # A4 at 200 dpi
    font = ImageFont.load_default(size=28)
    draw = ImageDraw.Draw(page)
    for line in range(30):
        draw.text((150, 200 + 55 * line), f"Line {line} of a letter about training", font=font)
    askew = page.rotate(-angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert skew_degrees(askew) == pytest.approx(angle, abs=0.2)
    level, _, turned = levelled(askew)
    if abs(angle) < LEVEL_DEGREES:
        assert turned == 0.0 and level is askew  # a level page is left as it is
    else:
        assert skew_degrees(level) == pytest.approx(0.0, abs=0.2)
        # grown to hold the turned page (cut to its old size, a corner's letterhead was lost)
        assert level.width > askew.width and level.height > askew.height


@pytest.mark.ocr
def test_a_recorded_tesseract_call_is_replayed_not_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The accuracy ratchet replays its scans' Tesseract readings: a call is recorded only when
    asked (FOI_OCR_RECORD=1), replayed from then on, and only for the same options and page."""
    if shutil.which("tesseract") is None and os.environ.get("CI") != "true":
        pytest.skip("the tesseract binary is not installed (sudo apt-get install tesseract-ocr)")
    from foi_audit.readers import tesseract

    binary = tesseract.tesseract_path()
    page = tesseract.pnm(_rendered_scanned_letter())
    live = tesseract.words_tsv(binary, page, 1)
    monkeypatch.setenv(tesseract.RECORDINGS_ENV, str(tmp_path))
    tesseract.words_tsv(binary, page, 1)
    assert not list(tmp_path.iterdir())  # not asked to record
    monkeypatch.setenv(tesseract.RECORD_ENV, "1")
    assert tesseract.words_tsv(binary, page, 1) == live
    assert len(list(tmp_path.glob("*.gz"))) == 1

    def never(*_args: Any) -> Any:
        raise AssertionError("tesseract run although its reading was recorded")

    monkeypatch.delenv(tesseract.RECORD_ENV)
    monkeypatch.setattr(tesseract, "_run_live", never)
    assert tesseract.words_tsv(binary, page, 1) == live
    with pytest.raises(AssertionError, match="recorded"):
        tesseract.turn_needed(binary, page, 1)  # other options: not that recording


def _rendered_scanned_letter() -> Any:
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(FIXTURES / "scanned_letter.pdf")[0]
    return page.render(scale=150 / 72).to_pil().convert("L")


def test_a_page_is_sent_to_tesseract_with_its_pixels_unchanged() -> None:
    """Pages go to Tesseract as uncompressed PNM (PNG's compression had cost a second a page):
    the bytes decode to the very pixels rendered."""
    from PIL import Image, ImageChops

    from foi_audit.readers import tesseract

    image = _rendered_scanned_letter()
    decoded = Image.open(io.BytesIO(tesseract.pnm(image)))
    assert decoded.format == "PPM"
    assert (decoded.size, decoded.mode) == (image.size, image.mode)
    assert ImageChops.difference(decoded, image).getbbox() is None
