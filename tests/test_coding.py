"""The coding engine on hard cases (tests/fixtures/coding/hard_cases.toml) and its contract."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from foi_audit.coding import code_documents, load_codebook
from foi_audit.coding.codebook import Codebook
from foi_audit.coding.engine import documents_from_text
from foi_audit.readers import read_document
from foi_audit.records import Block, BlockRole, Document

FIXTURES = Path(__file__).parent / "fixtures" / "coding"
CODEBOOK = load_codebook()
CASES = tomllib.loads((FIXTURES / "hard_cases.toml").read_text(encoding="utf-8"))["case"]


def case_codebook(case: dict[str, Any]) -> Codebook:
    """The built-in codebook, or numbered as a case's longer request was (``request``: its
    number of questions and the study's labels in it), as a researcher would write it."""
    request = case.get("request")
    if not request:
        return CODEBOOK
    labels = request["labels"]
    return replace(
        CODEBOOK,
        source="numbered as asked",
        questions=tuple(replace(q, label=labels.get(q.id, q.label)) for q in CODEBOOK.questions),
        request_questions=request["questions"],
    )


def _documents(case: dict[str, Any], trust: str = "RXX") -> list[Document]:
    documents = []
    for index, spec in enumerate(case["documents"]):
        document = documents_from_text([spec["text"]], trust, spec.get("ocr", False))[0]
        if spec.get("unsure"):
            # Tesseract's low-confidence words, on every block of the OCR'd document
            unsure = tuple(spec["unsure"])
            blocks = tuple(replace(b, unsure=unsure) for b in document.blocks)
            document = replace(document, blocks=blocks)
        path = spec.get("path", f"reply {index}.txt")
        if index == 0 and case.get("header_blocks"):
            # The PDF reader marks the top of page 1 HEADER: a reply with no letterhead.
            header = tuple(Block(t, "page 1", BlockRole.HEADER) for t in case["header_blocks"])
            document = replace(document, blocks=header)
        if spec.get("table"):
            # A Word table: each line with " | " between its cells is a row
            rows = iter(range(1, len(document.blocks) + 1))
            blocks = tuple(
                Block(b.text, f"table 1 row {next(rows)}", BlockRole.TABLE)
                if " | " in b.text
                else b
                for b in document.blocks
            )
            document = replace(document, blocks=blocks)
        if spec.get("paragraphs"):
            # A mail reader's paragraphs: lines with no blank line between are one block
            texts = [p.strip("\n") for p in spec["text"].split("\n\n") if p.strip()]
            blocks = tuple(Block(t, f"paragraph {n}") for n, t in enumerate(texts, start=1))
            document = replace(document, blocks=blocks)
        if spec.get("one_page"):
            # A PDF page: every paragraph shares the locator "page 1".
            blocks = tuple(Block(b.text, "page 1", BlockRole.BODY) for b in document.blocks)
            document = replace(document, blocks=blocks)
        if spec.get("pages"):
            # A PDF of several pages: "---" alone starts the next; "(footer) ..." is a footer,
            # "(header) ..." a running head
            page, blocks = 1, []
            frame = {"(footer) ": BlockRole.FOOTER, "(header) ": BlockRole.HEADER}
            for b in document.blocks:
                if b.text.strip() == "---":
                    page += 1
                    continue
                mark = next((m for m in frame if b.text.startswith(m)), "")
                role = frame.get(mark, BlockRole.BODY)
                blocks.append(Block(b.text.removeprefix(mark), f"page {page}", role))
            document = replace(document, blocks=tuple(blocks))
        if spec.get("headers"):
            # an e-mail's own headers ("From" = "Priya Lindqvist <p@uni.example>")
            document = replace(document, headers=tuple(spec["headers"].items()))
        documents.append(
            replace(
                document, path=path, parent=spec.get("parent", ""), format=path.rsplit(".", 1)[-1]
            )
        )
    return documents


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_hard_case(case: dict[str, Any]) -> None:
    names = None
    if case.get("trust_names"):  # the trust's own names, as ingest gives them from the register
        from foi_audit.records import Trust
        from foi_audit.register.names import own_names

        names = {"RXX": own_names(Trust("RXX", case["trust_names"][0], "", "", "2000-01-01"))}
    coded = {c.field: c for c in code_documents(_documents(case), case_codebook(case), names)}
    for field, expected in case.get("expect", {}).items():
        assert coded[field].value == expected, f"{field}: {coded[field]}"
    for field in case.get("review", []):
        assert coded[field].needs_review, f"{field} should be flagged: {coded[field]}"
    for field in case.get("clear", []):
        assert not coded[field].needs_review, f"{field} should not be flagged: {coded[field]}"
    for field, rule in case.get("rules", {}).items():
        assert coded[field].rule == rule, f"{field}: {coded[field]}"
    for field, reasons in case.get("flags", {}).items():
        assert list(coded[field].flag_reasons) == reasons, f"{field}: {coded[field]}"


def test_every_field_once_per_trust_with_evidence() -> None:
    documents = _documents(CASES[0], "RAA") + _documents(CASES[10], "RBB")
    coded = code_documents(documents, CODEBOOK)
    assert len(coded) == 2 * len(CODEBOOK.fields)
    for trust in ("RAA", "RBB"):
        fields = [c.field for c in coded if c.trust_code == trust]
        assert fields == list(CODEBOOK.field_names)
    for value in coded:
        assert CODEBOOK.field(value.field).allows(value.value)
        assert 0.0 <= value.confidence <= 1.0
        assert value.rule
        if value.value and value.field not in {"response_status"}:
            assert value.quote and value.source and value.locator, value
        assert len(value.quote) <= 300


def test_quote_source_and_locator_point_at_the_answer() -> None:
    block_text = (
        "4. Has the Trust appointed an executive lead for domestic abuse and sexual violence?\n"
        "Yes - Dr Ada Quist, Medical Director."
    )
    document = replace(
        documents_from_text([""], "RCC")[0],
        path="mail.eml > answers.pdf",
        blocks=(
            Block("Trust letterhead: Medical Director's office", "page 1", BlockRole.HEADER),
            Block(block_text, "page 2"),
        ),
    )
    coded = {c.field: c for c in code_documents([document], CODEBOOK)}
    name = coded["dasv_lead_name"]
    assert (name.value, name.source, name.locator) == (
        "Dr Ada Quist",
        "mail.eml > answers.pdf",
        "page 2",
    )
    assert name.quote == "Yes - Dr Ada Quist, Medical Director."
    assert coded["dasv_lead_role"].value == "Medical Director"


def test_table_rows_with_cells_are_read_as_question_and_answer() -> None:
    rows = [
        "Question | Response",
        "1. Does the Trust have a dedicated policy on sexual safety? | No - covered by the Dignity at Work Policy.",
        "2. Does the Trust provide Active Bystander Training? | Yes",
        "2(b) Mandatory or optional? | Optional",
    ]
    document = replace(
        documents_from_text([""], "RDD")[0],
        blocks=tuple(Block(r, f"table 1 row {i}", BlockRole.TABLE) for i, r in enumerate(rows, 1)),
    )
    coded = {c.field: c for c in code_documents([document], CODEBOOK)}
    assert coded["policy"].value == "general_only"
    assert coded["abt_provided"].value == "yes"
    assert coded["abt_mandatory"].value == "optional"
    assert coded["abt_mandatory"].locator == "table 1 row 4"


def test_unmatched_documents_are_not_coded() -> None:
    document = replace(documents_from_text(["1. Policy?\nYes."], "")[0])
    assert code_documents([document], CODEBOOK) == []


def test_a_stray_mark_on_its_own_line_does_not_split_a_name() -> None:
    # A PDF text layer can set the apostrophe of "Trust's" on a line of its own, inside a name.
    page = ["Lastly, our executive lead for domestic abuse is Dr Priya", "'", "Nair, Chief Nurse."]
    document = documents_from_text(["Dear Sir"], "RXX")[0]
    blocks = tuple(Block(text, "page 1") for text in page)
    coded = {c.field: c for c in code_documents([replace(document, blocks=blocks)], CODEBOOK)}
    assert coded["dasv_lead_name"].value == "Dr Priya Nair"
    assert coded["dasv_lead_role"].value == "Chief Nurse"


def test_the_signature_after_a_sign_off_is_no_answer() -> None:
    # An e-mail's signature is one paragraph: "FOI Lead" in it once read as the DASV lead's post.
    document = documents_from_text(
        [
            "Dear Dr Castleford,\nThe Trust does not have a dedicated sexual safety policy; "
            "sexual harassment is covered by our Dignity at Work Policy.\nKind regards"
        ],
        "RXX",
    )[0]
    signature = Block(
        "Louise O'Hanlon\nFOI Lead\nCorporate Governance\n"
        "Warrington and Halton Teaching Hospitals NHS Foundation Trust",
        "paragraph 9",
    )
    document = replace(document, blocks=(*document.blocks, signature))
    coded = {c.field: c for c in code_documents([document], load_codebook(), {})}
    assert coded["policy"].value == "general_only"
    assert (coded["dasv_lead"].value, coded["dasv_lead_role"].value) == ("", "")


@pytest.mark.parametrize(
    ("answer", "name", "role"),
    [
        (
            "Yes. The executive lead is the Chief Nurse, supported by Ms Ada Obi, Head of "
            "Safeguarding.",
            "",
            "Chief Nurse",
        ),
        (
            "Yes – Dr Priya Nair, Chief Nurse, with the support of Mr Tom Reed, Named Nurse "
            "for Safeguarding Adults.",
            "Dr Priya Nair",
            "Chief Nurse",
        ),
    ],
)
def test_someone_supporting_the_lead_is_not_the_lead(answer: str, name: str, role: str) -> None:
    text = (
        "4. Has the Trust appointed an executive lead for domestic abuse and sexual violence?\n"
        + answer
    )
    coded = {c.field: c for c in code_documents(documents_from_text([text], "RSS"), CODEBOOK)}
    assert (coded["dasv_lead_name"].value, coded["dasv_lead_role"].value) == (name, role)


def test_a_request_summarised_in_a_labelled_paragraph_is_never_an_answer() -> None:
    # A disclosure log's "Request:" paragraph numbers the questions inline, as answers are.
    text = (
        "Reference: FOI 24/1182\n\n"
        "Request: The requester asked (1) whether the Trust has a dedicated sexual safety "
        "policy; (2) whether it provides Active Bystander Training, by whom, whether mandatory "
        "and whether it has a sexual harassment module; (3) whether it plans to introduce such "
        "training.\n\n"
        "Response: (1) The Trust does not have a dedicated policy; sexual harassment is covered "
        "in our Bullying and Harassment Policy. (3) We have no current plans."
    )
    coded = {c.field: c for c in code_documents(documents_from_text([text], "RLG"), CODEBOOK)}
    assert coded["policy"].value == "general_only"
    assert coded["abt_provided"].value != "yes"
    assert coded["abt_mandatory"].value == ""
    assert coded["abt_sh_module"].value == ""
    assert not any("whether" in c.quote for c in coded.values())


@pytest.mark.parametrize(
    ("row", "name", "role"),
    [
        (
            "4 | Executive lead for DASV (name and job title) | Yes – Chief Nurse | "
            "Post holder: Deirdre Fenwick",
            "Deirdre Fenwick",
            "Chief Nurse",
        ),
        (
            "4 | Executive lead for DASV (name and job title) | Matthew Orrin | "
            "Chief People Officer",
            "Matthew Orrin",
            "Chief People Officer",
        ),
    ],
)
def test_a_post_and_a_name_in_cells_of_one_row_are_the_post_and_its_holder(
    row: str, name: str, role: str
) -> None:
    rows = ["No | Question | Response | Notes", row]
    coded = _table_coded(rows, "RNC", "Sheet1!A{}:D{}")
    assert (coded["dasv_lead_name"].value, coded["dasv_lead_role"].value) == (name, role)
    assert coded["dasv_lead"].value == "named"


def _coded(text: str, trust: str = "RZZ") -> dict[str, Any]:
    return {c.field: c for c in code_documents(documents_from_text([text], trust), CODEBOOK)}


def _table_coded(rows: list[str], trust: str, locator: str = "table 1 row {}") -> dict[str, Any]:
    """Codes of a document whose blocks are table rows (``locator`` numbered from 1)."""
    document = replace(
        documents_from_text([""], trust)[0],
        blocks=tuple(
            Block(r, locator.replace("{}", str(i)), BlockRole.TABLE) for i, r in enumerate(rows, 1)
        ),
    )
    return {c.field: c for c in code_documents([document], CODEBOOK)}


def _blocks_coded(blocks: tuple[Block, ...], trust: str, path: str) -> dict[str, Any]:
    """Codes of one document, ``path``, made of ``blocks`` (as a reader gave them)."""
    document = replace(documents_from_text([""], trust)[0], path=path, blocks=blocks)
    return {c.field: c for c in code_documents([document], CODEBOOK)}


def _letter_and_table(rows: list[str], trust: str) -> dict[str, Any]:
    """Codes of a letter's opening line above a table of ``rows`` (one block each)."""
    letter = Block("Dear Requester, please find our response to your request below.", "page 1")
    table = (Block(r, f"page 1 table 1 row {i}", BlockRole.TABLE) for i, r in enumerate(rows, 1))
    document = replace(documents_from_text([""], trust)[0], blocks=(letter, *table))
    return {c.field: c for c in code_documents([document], CODEBOOK)}


def test_items_numbered_afresh_in_each_part_are_not_our_questions_by_number() -> None:
    """A table "Part | Item | Response" whose items count from 1 in each part (A1-A3, B1-B4,
    C1-C3): "B | 2 | No." is not our question 2, nor "B | 4 | ... Conflict Resolution
    e-learning (mandatory)" our lead question, and a course is no person. Unread, the values are
    blank and flagged, never another question's answers."""
    rows = [
        "Part | Item | Response",
        "A | 1 | We currently support 5 staff networks. Yes - 6 hours per month for each chair.",
        "A | 2 | Yes. The Flexible Working Policy was last updated in December 2024.",
        "A | 3 | Yes. There are 54 menopause champions, coordinated by Ms Olamide Whitlock.",
        "B | 1 | A dedicated Sexual Safety Policy is currently in draft.",
        "B | 2 | No.",
        "B | 3 | Yes. The Trust intends to introduce Active Bystander Training next year.",
        "B | 4 | All staff complete Conflict Resolution e-learning (mandatory, every three years).",
        "C | 1 | The Trust has 1 Freedom to Speak Up Guardian: Bartholomew Drummond-Hay.",
        "C | 2 | The Trust's executive lead for DASV is the Chief Nurse. The post-holder's name "
        "is exempt from disclosure under section 40(2) of the FOI Act.",
        "C | 3 | Niamh Bamigboye (Non-Executive Director) is the Board's Wellbeing Guardian.",
    ]
    coded = _letter_and_table(rows, "REM")
    assert coded["dasv_lead_name"].value != "Conflict Resolution"
    assert coded["abt_provided"].value != "yes"
    assert coded["abt_mandatory"].value != "mandatory"
    for field in ("policy", "abt_provided", "dasv_lead"):
        assert coded[field].value == "" and coded[field].flags, field


def test_answers_in_columns_under_a_merged_group_header_and_its_sub_headers() -> None:
    """A sheet "Question 1 | Question 2 - ABT (merged over four columns) | Question 3 |
    Question 4", then the group's sub-headers only under it ("Provided? | (a) ... | (b) ...
    | (c) ..."; the sheet drops the empty cells at the row's end), then one row of answers:
    each answer read under its own column's question."""
    rows = [
        "Question 1 | Question 2 - Active Bystander Training |  |  |  | Question 3 | Question 4",
        " | Provided? | (a) In-house / external provider | (b) Mandatory / optional | "
        "(c) Sexual harassment module",
        "Yes - Sexual Safety Charter Policy (approved June 2024). | Yes | External provider: "
        "Fairway Equality Associates | Mandatory - included in the core training for all new "
        "starters. | Yes, there is a specific module on sexual harassment. | Not applicable | "
        "Yes - Dr Matthew Oyelaran, Chief Nursing Officer",
    ]
    coded = _table_coded(rows, "RTE", "Response!A{}:G{}")
    assert coded["policy"].value == "dedicated"
    assert coded["abt_provider"].value == "Fairway Equality Associates"
    assert (coded["abt_mandatory"].value, coded["abt_sh_module"].value) == ("mandatory", "yes")
    assert coded["dasv_lead_name"].value == "Dr Matthew Oyelaran"
    assert coded["response_status"].value == "successful"


def test_a_full_row_of_sub_headers_under_group_headers_and_an_answer_that_is_a_choice() -> None:
    """ "Question 1 | Question 2 – ABT |  |  |  | Question 3 | Question 4" over a header for
    every column: the answer "Mandatory – all staff" is one of the question's own choices,
    not its topic, so "Mandatory" is read, not dropped as a heading."""
    rows = [
        "Question 1 | Question 2 – Active Bystander Training |  |  |  | Question 3 | Question 4",
        "Sexual safety policy | Provided? | Delivery / provider | Mandatory? | Sexual harassment "
        "module? | Plans (if not provided) | DASV executive lead",
        "Yes – our Sexual Misconduct Policy (2024) is attached. | Yes | Outsourced: Stand Up "
        "Together Ltd | Mandatory – all staff, every three years | Yes | n/a | Ian Pargeter "
        "(Mr), Executive Director of Nursing",
    ]
    coded = _table_coded(rows, "RTF", "Sheet1!A{}:G{}")
    assert coded["abt_provider"].value == "Stand Up Together Ltd"
    assert (coded["abt_mandatory"].value, coded["abt_sh_module"].value) == ("mandatory", "yes")


def test_a_second_header_row_naming_only_the_answer_column_keeps_the_question_column() -> None:
    """ "Question | Response" over " | Response" (what is left of "Trust A | Trust B" in one
    trust's view of a joint sheet): the rows below still have their question cell."""
    rows = [
        "Question | Response",
        " | Response",
        "1. Dedicated policy on sexual safety / sexual harassment of staff | Yes - the Group "
        "Sexual Safety Policy applies to both Trusts.",
        "2. Active Bystander Training provided? | No",
        "2(a) In-house or external provider | N/A",
        "3. Plans to introduce ABT | Yes. ABT will be rolled out from April 2025.",
        "4. Executive DASV lead - name and job title | Lorraine Pickett, Group Chief Nursing "
        "Officer (covers both Trusts)",
    ]
    coded = _table_coded(rows, "RNQ", "'Joint response'!A{}:C{}")
    assert (coded["abt_provided"].value, coded["abt_planned"].value) == ("no", "yes")
    assert coded["dasv_lead_name"].value == "Lorraine Pickett"
    assert coded["response_status"].value == "successful"


def test_a_web_pages_title_bar_is_no_question_and_answer_row() -> None:
    """A disclosure-log page's title bar "FOI 24-611 Sexual safety policy and training |
    <trust>" is the page's title: never a question (the topic) answered by the trust's name,
    and never evidence of a dedicated policy."""
    B, T = BlockRole.BODY, BlockRole.TITLE
    blocks = (
        ("FOI 24-611 Sexual safety policy and training | Airedale NHS Foundation Trust", T),
        ("Home > About us > Freedom of information > Disclosure log", B),
        ("FOI 24-611: Sexual safety policy and training", T),
        ("Response", T),
        ("The Trust has no policy specifically on sexual safety.", B),
        ("Harassment of any kind is covered by the Dignity at Work Policy.", B),
        # a sheet's note in a title cell is a sentence: still the reply's
        ("Note 2: The lead's name is withheld under section 40(2) of the Act.", T),
    )
    document = replace(
        documents_from_text([""], "RCF")[0],
        path="FOI 24-611 _ Airedale.html",
        format="html",
        blocks=tuple(Block(text, f"paragraph {i}", role) for i, (text, role) in enumerate(blocks)),
    )
    coded = {c.field: c for c in code_documents([document], CODEBOOK)}
    assert coded["policy"].value == "general_only"
    assert "FOI 24-611" not in coded["policy"].quote
    assert coded["exemptions"].value == "s40"


def test_a_log_page_laid_out_in_a_table_is_coded_from_its_own_entry() -> None:
    """A disclosure-log site laid out in tables (menu, three requests, footer in one outer
    table): the entry's answers are read, its s40 counted, the parking request's s12 not; the footer's "Terms · Privacy notice" is no lead's name."""
    name = "layout_table_log.html"
    data = (Path(__file__).parent / "fixtures" / "readers" / name).read_bytes()
    coded = _blocks_coded(read_document(data, name).blocks, "RQX", name)
    assert coded["policy"].value == "general_only"
    assert (coded["abt_delivery"].value, coded["abt_mandatory"].value) == ("in_house", "mandatory")
    assert coded["dasv_lead"].value == "role_only"
    assert coded["dasv_lead_role"].value == "Director of Nursing and Midwifery"
    assert coded["dasv_lead_name"].value == ""
    assert (coded["exemptions"].value, coded["exemptions"].flags) == ("s40", ())


def test_a_questions_lettered_parts_running_on_to_its_next_line_are_one_question() -> None:
    """A log's paragraph "Q2 ... (a) provider (b) mandatory/optional" / "(c) sexual harassment
    module?" / "A2 Information not held.": the third line is the question's, not a part
    restated on its own, so the answer is the training question's."""
    paragraphs = [
        "Q1  Dedicated policy on sexual safety / sexual harassment of staff?\nA1  No specific "
        "policy.",
        "Q2  Active Bystander Training - provided? (a) provider (b) mandatory/optional\n"
        "    (c) sexual harassment module?\nA2  Information not held.",
        "Q3  If ABT not provided, plans to introduce?\nA3  Not held.",
    ]
    blocks = tuple(Block(p, f"paragraph {i}") for i, p in enumerate(paragraphs, 5))
    coded = _blocks_coded(blocks, "RFF", "barnsley-foi-disclosures-week46.txt")
    assert (coded["abt_provided"].value, coded["abt_planned"].value) == ("no", "no")


def test_a_text_table_drawn_with_rules_joins_each_cells_wrapped_lines() -> None:
    """A disclosure log's text table ("+-----+---+" rules, cells wrapped over two lines): each
    row is read as one, so "External: Bright Line Training" / "Partnership" is one provider
    and "Executive Medical" / "Director" one post."""
    table = "\n".join(
        [
            "+-----+------------------------------------+------------------------------------+",
            "| No. | Question                           | Response                           |",
            "+-----+------------------------------------+------------------------------------+",
            "| 2   | Active Bystander Training?         | Yes                                |",
            "+-----+------------------------------------+------------------------------------+",
            "| 2a  | In-house / external (provider)     | External: Bright Line Training     |",
            "|     |                                    | Partnership                        |",
            "+-----+------------------------------------+------------------------------------+",
            "| 2b  | Mandatory / optional               | Optional                           |",
            "+-----+------------------------------------+------------------------------------+",
            "| 4   | Executive lead for DASV - name and | Dr Jean Ashworth-Lowe, Executive   |",
            "|     | job title                          | Medical Director                   |",
            "+-----+------------------------------------+------------------------------------+",
        ]
    )
    coded = _blocks_coded((Block(table, "paragraph 3"),), "RXP", "CDDFT FOI log entry 24-2291.txt")
    assert coded["abt_provider"].value == "Bright Line Training Partnership"
    assert coded["dasv_lead_name"].value == "Dr Jean Ashworth-Lowe"
    assert coded["dasv_lead_role"].value == "Executive Medical Director"


def test_a_regional_return_is_read_from_the_one_row_its_provider_filled() -> None:
    """An ICB's template, a row per provider under question headers: the other providers'
    rows hold only their names and codes and answer nothing; the filled row ("RAL | N | No -
    covered by ...") is answers, not another header row."""
    rows = [
        "Provider | ODS | Dedicated policy? (Y/N) | Policy name / link | ABT provided? (Y/N) | "
        "Delivery (in-house / external + provider) | Mandatory / optional | SH module (Y/N) | "
        "If no ABT: plans to introduce? | DASV exec lead - name | DASV exec lead - job title",
        "Barnet Hospital Group NHS Trust | RQZ",
        "Royal Free London NHS Foundation Trust | RAL | N | No - harassment is covered by the "
        "Dignity at Work Policy | N |  |  |  | Yes - planned for 2025/26 |  | Chief Nurse",
        "Whittington Health NHS Trust | RKE",
    ]
    coded = _table_coded(rows, "RAL", "Return!A{}:K{}")
    assert coded["policy"].value == "general_only"
    assert coded["abt_planned"].value == "yes"
    assert (coded["dasv_lead"].value, coded["dasv_lead_role"].value) == ("role_only", "Chief Nurse")


def test_a_log_tables_other_request_with_its_date_beside_its_reference_is_left_out() -> None:
    """A disclosure log's table, a row per request: the date beside each reference
    ("12/11/2024") is no entry of its own, so another request's row about a patients'
    domestic abuse policy and who owns it stays out; our row's one answer cell is split at
    "Q1 – ... Q4 – ..."."""
    rows = [
        "Reference | Date published | Title | Request | Response | Exemptions applied",
        "FOI/24/11/0852 | 12/11/2024 | Domestic abuse policy (patients) | Do you have a domestic "
        "abuse policy for patients? Who leads on this? | Yes. The policy is owned by the Named "
        "Nurse for Safeguarding Adults, Mr Callum Ferris. | None",
        "FOI/24/11/0871 | 29/11/2024 | Sexual safety and domestic abuse lead | 1. Does the Trust "
        "have a dedicated policy on sexual safety of staff? 2. Does the Trust provide Active "
        "Bystander Training (ABT) to staff? 3. If not, does it plan to introduce it? 4. Has the "
        "Trust appointed an executive lead for domestic abuse and sexual violence (DASV)? | Q1 – "
        "Policy No dedicated policy; the Dignity at Work Policy applies. Q2 – Active Bystander "
        "Training No. Q3 – There are no plans. Q4 – Yes. The Group Chief Nurse, Mrs Julia "
        "Penhaligon, is the executive lead. | None",
        "FOI/24/11/0880 | 29/11/2024 | Consultant vacancies | How many posts are vacant? | Fewer "
        "than five. | Section 40(2)",
    ]
    coded = _table_coded(rows, "R0A")
    assert coded["dasv_lead_name"].value == "Mrs Julia Penhaligon"
    assert coded["abt_planned"].value == "no"
    assert coded["exemptions"].value == ""


def test_a_log_with_dotted_references_after_the_dates_keeps_other_requests_sections_out() -> None:
    """A log table "Date | Reference | Title | Request and response" with references like
    "FOI.24.612": each row is an entry, so the sections other requests were refused under
    (s12, s21) are not this reply's."""
    rows = [
        "Date | Reference | Title | Request and response",
        "14/10/2024 | FOI.24.612 | Theatre utilisation | Request: theatre utilisation since 2015. "
        "Response: refused under section 12 (cost limit).",
        "21/10/2024 | FOI.24.630 | Sexual safety of staff | 1. Dedicated policy on sexual safety "
        "of staff? No - the Dignity at Work Policy applies. 3. If no ABT, plans to introduce it? "
        "Not planned.",
        "28/10/2024 | FOI.24.655 | Board papers | Request: the Board papers for September. "
        "Response: these are published on our website and exempt under section 21.",
    ]
    coded = _table_coded(rows, "RFF")
    assert coded["exemptions"].value == ""
    assert coded["policy"].value == "general_only"


def test_a_section_said_not_to_apply_is_no_exemption() -> None:
    coded = _coded(
        "4. Has the Trust appointed an executive lead for DASV? Name and job title.\n"
        "Yes, the Chief Nursing Officer, Fiona Trelawny-Booth. On review, section 40(2) "
        "cannot reasonably apply to a Board member's name."
    )
    assert coded["exemptions"].value == ""


def test_a_postcode_is_no_section_and_any_section_of_the_act_is_kept() -> None:
    # Regression: "Chesterfield S44 5BL" in a scanned letterhead and a reference "S24-1718" were
    # read as sections 44 and 24 once the codebook listed every exemption; s31 (law
    # enforcement, CCTV) was lost before.
    coded = _coded(
        "Chesterfield Royal Hospital NHS Foundation Trust, Calow, Chesterfield S44 5BL\n"
        "Our response to your FOI request (S24-1718) follows.\n"
        "1. Does the Trust have a dedicated policy on sexual safety? No.\n"
        "5. CCTV locations are withheld under section 31(1)(a) (law enforcement)."
    )
    assert coded["exemptions"].value == "s31"


def test_a_label_in_the_request_words_before_a_colon_is_not_read_as_the_answer() -> None:
    coded = _coded(
        "3. If the Trust does not provide ABT, does it plan to introduce it?\n"
        "Plans to introduce Active Bystander Training: We have no plans to do so at present."
    )
    assert coded["abt_planned"].value == "no"


def test_an_answer_said_to_come_later_names_nobody() -> None:
    coded = _coded(
        "4. Has the Trust appointed an executive lead for DASV? Name and job title.\n"
        "Executive portfolios are being finalised following the appointment of our new Chief "
        "Executive, Joanne Marchbank. We aim to respond to this question by 13 December 2024."
    )
    assert (coded["dasv_lead"].value, coded["dasv_lead_name"].value) == ("", "")


def test_a_name_on_the_line_beside_a_post_is_its_holder() -> None:
    coded = _coded(
        "4. Has the Trust appointed an executive lead for DASV? Name and job title.\n"
        "Yes.\nMs Ines Carvalho-Pereira\nDirector of Nursing and Allied Health Professions"
    )
    assert coded["dasv_lead_name"].value == "Ms Ines Carvalho-Pereira"
    assert coded["dasv_lead_role"].value == "Director of Nursing and Allied Health Professions"


def test_a_log_entry_title_does_not_swallow_the_entry() -> None:
    coded = _coded(
        "Ref: NUH FOI 24-8843\n"
        "Title: Sexual safety policy, Active Bystander Training, DASV executive lead\n"
        "Q1 Does the Trust have a dedicated policy on sexual safety of staff?\n"
        "   No dedicated policy is in place. Sexual harassment is dealt with under the Civility "
        "and Respect Policy.\n"
    )
    assert coded["policy"].value == "general_only"


def test_answers_listed_in_the_request_order_in_one_sentence() -> None:
    coded = _coded(
        "Dear Mr Oyelaran\n\nIn answer to your four questions: no, although sexual harassment "
        "of staff is covered by our Dignity and Respect at Work Policy; no; not at this time; "
        "and yes - the Executive Chief Nurse, Mrs Lorraine Oduya.\n"
    )
    assert [coded[f].value for f in ("policy", "abt_provided", "abt_planned")] == [
        "general_only",
        "no",
        "no",
    ]
    assert coded["dasv_lead_name"].value == "Mrs Lorraine Oduya"
    assert coded["abt_planned"].question == "q3"


def test_a_denial_holds_though_the_sentence_goes_on_to_a_plan() -> None:
    coded = _coded(
        "4. Has the Trust appointed an executive lead for DASV? Name and job title.\n"
        "Not yet – the Trust has not appointed an executive lead for DASV, and the Board is due "
        "to consider how this responsibility will be allocated in the new year."
    )
    assert coded["dasv_lead"].value == "none"


def test_a_log_cell_with_the_request_and_parenthesised_numbered_answers() -> None:
    rows = [
        "Reference | Date | Title | Summary of request and response",
        "HH-FOI-24-1846 | 29/11/2024 | Sexual safety of staff | Request: the requester asked (1) "
        "whether the Trust has a dedicated policy on sexual safety of staff; (2) whether it "
        "provides active bystander training, who delivers it and whether it is mandatory; (3) "
        "whether it plans to introduce such training if not; and (4) who the executive lead for "
        "domestic abuse and sexual violence is. Response: (1) No dedicated policy; sexual "
        "harassment is addressed in the Trust's Bullying and Harassment Policy. (2) No. (3) "
        "There are no plans to introduce it. (4) Julia Brennan-Moss, Chief Nursing Officer.",
    ]
    coded = _table_coded(rows, "RN5")
    assert coded["policy"].value == "general_only"
    assert (coded["abt_provided"].value, coded["abt_mandatory"].value) == ("no", "")
    assert coded["abt_planned"].value == "no"
    assert coded["dasv_lead_name"].value == "Julia Brennan-Moss"


@pytest.mark.parametrize(
    ("answer", "name", "role"),
    [
        (
            "The executive lead is the Director of Nursing. Operational leadership sits with the "
            "Deputy Director of Safeguarding, Marianne Oakes-Tembo, who chairs the forum.",
            "",
            "Director of Nursing",
        ),
        (
            "The Trust's lead for domestic abuse and sexual violence is our Associate Director of "
            "Safeguarding, who reports to the Chief Nurse, Matilda Quarshie.",
            "",
            "Associate Director of Safeguarding",
        ),
    ],
)
def test_an_operational_lead_or_a_superior_named_beside_the_lead_is_not_the_lead(
    answer: str, name: str, role: str
) -> None:
    coded = _coded("4. Has the Trust appointed an executive lead for DASV?\n" + answer)
    assert (coded["dasv_lead_name"].value, coded["dasv_lead_role"].value) == (name, role)


def test_parallel_denials_each_negate_their_own_clause() -> None:
    coded = _coded(
        "2. Does the Trust provide Active Bystander Training (ABT) to staff?\n"
        "The Trust does not provide Active Bystander Training. Some sessions touch on speaking "
        "up; however, neither of these is bystander training, neither uses a bystander "
        "intervention model, and neither is recorded as such."
    )
    assert coded["abt_provided"].value == "no"


def test_a_policy_named_with_a_bracketed_word_is_dedicated() -> None:
    coded = _coded(
        "1. Does the Trust have a dedicated policy on sexual safety of staff?\n"
        "Yes – the Sexual Misconduct and Sexual Safety (Staff) Policy, ratified in May 2024."
    )
    assert coded["policy"].value == "dedicated"


def test_training_said_not_to_be_provided_in_the_passive() -> None:
    coded = _coded(
        "2. Does the Trust provide Active Bystander Training (ABT) to staff?\n"
        "Active Bystander Training is not currently provided."
    )
    assert coded["abt_provided"].value == "no"


def test_text_marked_deleted_is_not_the_answer() -> None:
    coded = _coded(
        "2. Does the Trust provide Active Bystander Training (ABT) to staff?\n"
        "[deleted: Yes - delivered by an external provider and optional for staff.] No, the "
        "Trust does not currently provide Active Bystander Training."
    )
    assert coded["abt_provided"].value == "no"
    assert coded["abt_mandatory"].value == ""


def test_a_who_checked_it_column_is_no_answer_and_initials_head_the_response() -> None:
    rows = [
        "No | Request | WWL Response | Checked by",
        "1 | Does the Trust have a dedicated policy on sexual safety of staff? | Not "
        "specifically. | K. Dunphy (HR)",
        "3 | If the Trust does not provide ABT, does it plan to introduce it? | No plans. | "
        "M. Ikeji (OD)",
    ]
    coded = _table_coded(rows, "RRF", "Sheet1!A{}:D{}")
    assert coded["policy"].value == "none"
    assert coded["policy"].quote == "Not specifically."


def test_a_labelled_no_then_a_denial_is_one_negation_not_two() -> None:
    coded = _coded(
        "Q2 Does the Trust provide Active Bystander Training (ABT) to staff?\n"
        "A2 No, Active Bystander Training is not offered at present."
    )
    assert coded["abt_provided"].value == "no"


def test_the_reason_after_not_applicable_is_a_clause_of_its_own() -> None:
    coded = _coded(
        "2. Does the Trust provide Active Bystander Training (ABT) to staff?\nNo.\n"
        "2(b) Is it mandatory or optional?\nNot applicable as ABT is not provided."
    )
    assert coded["abt_provided"].value == "no"
    assert not coded["abt_provided"].needs_review


@pytest.mark.parametrize(
    "answer",
    [
        "Conflict resolution training forms part of the mandatory Key Skills programme for all "
        "operational staff.",
        "Yes, conflict resolution and breakaway training are mandatory for all inpatient staff.",
    ],
)
def test_another_training_being_mandatory_says_nothing_of_this_one(answer: str) -> None:
    coded = _coded(
        "2. Does the Trust provide Active Bystander Training (ABT) to staff?\nYes.\n"
        "2(b) Is it mandatory or optional?\n" + answer
    )
    assert coded["abt_mandatory"].value != "mandatory"


def test_a_name_split_at_its_hyphen_is_joined() -> None:
    coded = _coded(
        "4. Has the Trust appointed an executive lead for DASV? Name and job title.\n"
        "Mr Rupert Ashdown- Vale (Chief Nurse and Director of Patient Care)."
    )
    assert coded["dasv_lead_name"].value == "Mr Rupert Ashdown-Vale"


def test_a_section_cited_for_an_older_request_is_not_this_replys() -> None:
    coded = _coded(
        "1. Does the Trust have a dedicated policy on sexual safety of staff?\n"
        "Yes, our Sexual Safety Policy is published on our website (section 21).\n"
        "Related: an older request on the same topic (before the merger) was refused under "
        "section 12 in 2017."
    )
    assert coded["exemptions"].value == "s21"


def test_a_section_a_review_says_should_not_have_been_applied_is_void() -> None:
    original = documents_from_text(
        ["Our ref FOI 24-0701\nYour request is refused under section 12 of the Act."], "RBT"
    )[0]
    review = documents_from_text(
        [
            "Internal review of FOI 24-0701\n"
            "The reviewer found that section 12 should not have been applied. The original "
            "decision is overturned and the answers are below.\n"
            "1. Does the Trust have a dedicated policy on sexual safety of staff?\n"
            "Yes. The Trust's Sexual Safety Policy was approved in May 2024."
        ],
        "RBT",
    )[0]
    review = replace(review, path="Internal Review Outcome - FOI 24-0701.pdf")
    coded = {c.field: c for c in code_documents([original, review], CODEBOOK)}
    assert coded["exemptions"].value == ""
    assert coded["policy"].value == "dedicated"


def test_a_short_heading_over_its_answer_sentence_in_one_paragraph_is_not_a_wrapped_question() -> (
    None
):
    # An e-mail paragraph "Question 1 - policy\nThe Trust is writing ...": the sentence under
    # the heading answers it (it used to be read as the heading's second line, and lost).
    paragraphs = [
        "Dear Mr Oyelaran,",
        "Question 1 - policy\nThe Trust is writing a Sexual Safety Policy, now with staff-side "
        "colleagues for comment.",
        "Question 4 - executive lead\nDr Imogen Fairweather, Chief Nurse and Director of Quality.",
        "Regards",
    ]
    document = documents_from_text(["Dear Sir"], "RXX")[0]
    blocks = tuple(Block(text, f"paragraph {n}") for n, text in enumerate(paragraphs, 1))
    coded = {c.field: c for c in code_documents([replace(document, blocks=blocks)], CODEBOOK)}
    assert coded["policy"].value == "in_development"
    assert coded["dasv_lead_name"].value == "Dr Imogen Fairweather"


def test_a_band_row_across_an_answer_table_heads_the_rows_below_and_answers_nothing() -> None:
    """A merged row across a spreadsheet's table is a heading: its words ("Sexual safety
    policy and training") never code the policy as dedicated."""
    rows = [
        "Part | Question | Answer | Comment",
        "c | Has the Trust signed the NHS Sexual Safety Charter? | Yes | Signed September 2023",
        "d | Number of Sexual Safety Champions | 12",
        "Sexual safety policy and training",
        "e | Dedicated sexual safety/sexual harassment policy (copy or link) | No | Covered "
        "within the Trust's Dignity at Work and Grievance policies",
        "f | Active Bystander Training - (i) in-house/external (ii) mandatory/optional | Not currently",
    ]
    coded = _table_coded(rows, "RJN", "Sheet1!A{}:D{}")
    assert (coded["policy"].value, coded["abt_provided"].value) == ("general_only", "no")


def test_a_lone_cell_under_the_answer_column_goes_on_with_the_answer_above_it() -> None:
    """A spreadsheet row whose only cell stands in the answer column ("Chief Nurse - Jo
    Bell" under "Yes") continues that answer; it is no band across the table."""
    rows = [
        "Ref | Question | Response",
        "4 | Executive lead for DASV (name and job title) | Yes",
        " |  | Chief Nurse - Rosalind Achebe-Thorne",
    ]
    coded = _table_coded(rows, "RD8", "'Appendix A'!A{}:C{}")
    assert (coded["dasv_lead"].value, coded["dasv_lead_name"].value) == (
        "named",
        "Rosalind Achebe-Thorne",
    )


def test_a_heading_merged_over_two_columns_heads_both() -> None:
    """ "Question" merged over the number and the question's text ("Question |  | Response"):
    the text column is question, not a column to skip."""
    rows = [
        "Question |  | Response",
        "7 | Does the Trust provide Active Bystander Training (ABT) to staff? | Yes",
        "7(i) | Is it delivered in-house or by an external provider? | By an external provider.",
        "7(ii) | Is it mandatory or optional? | Optional",
        "7(iii) | Does it include a module specifically on sexual harassment? | Yes",
    ]
    coded = _table_coded(rows, "RWH", "Response!A{}:C{}")
    assert (coded["abt_mandatory"].value, coded["abt_sh_module"].value) == ("optional", "yes")


def test_a_heading_naming_questions_1_to_3_gives_its_paragraph_to_each_by_topic() -> None:
    """ "Questions 1 to 3" over one paragraph answering all three; the page header's
    "Information Governance | Unit 2, ..." is an address, not a table row answering a
    question ("Unit" is a word of the module question)."""
    document = replace(
        documents_from_text([""], "R1A")[0],
        blocks=(
            Block(
                "Example Health and Care NHS Trust\nInformation Governance | Unit 2, Kings "
                "Court, Charles Hastings Way, Worcester WR5 1JR",
                "header",
                BlockRole.HEADER,
            ),
            Block("Dear Ms Salter", "paragraph 1"),
            Block("Questions 1 to 3", "paragraph 2"),
            Block(
                "We have neither a dedicated sexual safety policy nor Active Bystander "
                "Training, though the latter is planned: a programme has been approved and "
                "the first cohorts are booked for May 2025. Concerns about sexual harassment "
                "are dealt with under our Bullying and Harassment Policy.",
                "paragraph 3",
            ),
        ),
    )
    coded = {c.field: c for c in code_documents([document], CODEBOOK)}
    assert [coded[f].value for f in ("policy", "abt_provided", "abt_planned")] == [
        "general_only",
        "no",
        "yes",
    ]


def test_a_page_header_row_is_never_an_answer() -> None:
    """ "Information Governance | Unit 2, Kings Court": a page header's two parts are no
    question and answer, though "Unit" is a word of the module question."""
    document = replace(
        documents_from_text([""], "R1A")[0],
        blocks=(
            Block(
                "Information Governance | Unit 2, Kings Court, Worcester WR5 1JR",
                "header",
                BlockRole.HEADER,
            ),
            Block("1. We have no dedicated sexual safety policy.", "paragraph 1"),
        ),
    )
    coded = {c.field: c for c in code_documents([document], CODEBOOK)}
    assert "Unit 2" not in coded["abt_provided"].quote
    assert "Unit 2" not in coded["abt_sh_module"].quote


def test_a_sub_question_left_unanswered_under_the_question_column_is_no_answer() -> None:
    """ " | (a) in-house / external": a cell under the Question column with the Answer cell
    empty restates a part; it never answers it."""
    rows = [
        "Q | Question | Answer",
        "2 | Active Bystander Training? | N/A - see Q2",
        " | (a) in-house / external",
        " | (b) mandatory / optional",
        "3 | If no ABT, plans to introduce? | Yes - planned for Q1 2025/26",
    ]
    coded = _table_coded(rows, "RBL", "Answers!A{}:C{}")
    assert coded["abt_delivery"].value == ""
    assert coded["abt_provided"].value != "yes"


def test_a_row_left_unanswered_keeps_its_question_and_other_rows_naming_ours_stay_others() -> None:
    """A long request's answer table: the lead's row has its answer cell left empty (the
    reader drops it), and rows on domestic abuse support, an IDVA and lone working name our
    question's words. The empty row still restates ours, the others answer other subjects:
    the IDVA named in row 4 is not the lead, and the reply is partial (before, the IDVA was
    coded the lead and the reply successful)."""
    coded = _table_coded(
        [
            "No. | Question | Answer",
            "2 | Does the Trust have a policy or guidance supporting staff affected by domestic"
            " abuse, including paid safe leave? | Our Domestic Abuse - Supporting Staff Policy"
            " allows up to 10 days' paid safe leave.",
            "3 | Has the Trust appointed an executive lead for domestic abuse and sexual violence"
            " (DASV)? Please give the name and job title.",
            "4 | Does the Trust employ or host a hospital Independent Domestic Violence Adviser"
            " (IDVA)? | Yes - Ms Gemma Tuffin, Hospital IDVA (employed by Lanterns DA Support).",
            "6 | Does the Trust have a dedicated policy on sexual safety / sexual harassment of"
            " staff? | Yes. Sexual Safety Policy attached.",
            "8 | Does the Trust's lone working policy address the risk of sexual violence to staff"
            " working in the community? | Yes, the policy was updated in 2024.",
            "9 | Does the Trust provide Active Bystander Training (ABT) to staff? | No.",
            "10 | If the Trust does not provide ABT, does it plan to introduce it? | No plans.",
        ],
        "RCX",
    )
    assert coded["dasv_lead"].value == ""
    assert coded["dasv_lead_name"].value == ""
    assert coded["policy"].value == "dedicated"
    assert coded["response_status"].value == "partially_successful"


def test_a_part_lettered_inside_its_parents_answer_is_not_silent() -> None:
    """A blank for part (c) is "silent" (blank by rule, unflagged) only when nothing in the
    reply touches it; "... b) Optional c) Yes." inside the training's answer does, though no
    cue of the part is there, so a blank there is a gap a person must see."""
    from foi_audit.coding.compiled import compile_codebook
    from foi_audit.coding.flags import silent
    from foi_audit.coding.records import Reading, Sentence

    compiled = compile_codebook(CODEBOOK)
    spec = next(f for f in compiled.fields if f.field.name == "abt_sh_module")
    document = documents_from_text(["x"], "RZZ")[0]

    def reading(answer: str) -> Reading:
        found = [Sentence(answer, "page 1", "q2", True)]
        return Reading(document, "reply", {"q2": found}, [])

    assert silent(spec, [reading("Yes. a) Delivered by X Ltd. b) Optional.")], compiled)
    assert not silent(spec, [reading("Yes. a) Delivered by X Ltd. b) Optional c) Yes.")], compiled)


def test_a_table_of_numbered_answers_to_a_longer_request_is_read_by_what_each_says() -> None:
    """A "# | Trust response" table answering a 7-question request with the lead at 1 and ours
    at 4 to 6: the lead is the row naming an executive lead, not the row on a Domestic Abuse
    Policy and its executive sponsor; the policy anchors 4, and the training and its plans take
    the rows after it (before, table rows were never read this way: every field was blank)."""
    rows = [
            "# | Trust response",
            "1 | Yes - the Chief Nursing Officer is the executive lead.",
            "2 | Yes. The Trust has a dedicated Domestic Abuse Policy for staff. Its executive"
            " sponsor is Mr Neil Fairbairn, Chief People Officer.",
            "3 | Yes - the Trust signed the Charter in September 2023.",
            "4 | No. Sexual harassment is covered by our Bullying and Harassment Policy.",
            "5 | Not currently.",
            "6 | Yes - the Trust intends to introduce ABT from April 2026, subject to approval.",
            "7 | 22.",
    ]  # fmt: skip
    coded = _letter_and_table(rows, "RH8")
    assert coded["dasv_lead"].value == "role_only"
    assert coded["dasv_lead_role"].value == "Chief Nursing Officer"
    assert coded["dasv_lead_name"].value == ""
    assert coded["policy"].value == "general_only"
    assert (coded["abt_provided"].value, coded["abt_planned"].value) == ("no", "yes")


def test_a_guardian_who_reports_to_an_executive_is_no_executive_lead() -> None:
    """Numbered answers to an 11-question request: 4 names the Freedom to Speak Up Guardian,
    who "reports to the Chief People Officer"; 11 names the Chief Nursing Officer. Only 11 is
    a person in an executive post, so it is the lead's answer (read as tied, neither would be
    nearer where the other anchors put the lead, and the lead would be left blank)."""
    rows = [
        "Q | Response",
        "1 | 2021/22: 21; 2022/23: 53; 2023/24: 69.",
        "2 | 8 of these incidents were recorded as reported to the police.",
        "3 | Yes. The Trust's Chaperone Policy (version 5.1) applies to all clinical staff.",
        "4 | Yes. Our Freedom to Speak Up Guardian is Dr Yusuf Dewhurst. The Guardian reports to"
        " the Chief People Officer and meets the Chief Executive every quarter.",
        "5 | There is no specific policy. Sexual harassment is covered by the Dignity at Work "
        "Policy.",
        "6 | Yes - Active Bystander Training is delivered in-house by the Learning and "
        "Development team.",
        "7 | N/A",
        "8 | Yes. Conflict Resolution Training is part of statutory and mandatory training.",
        "9 | Yes. The Trust signed the Charter on 16 September 2023.",
        "10 | 1.",
        "11 | Yes - Ms Lowenna Treloar, Chief Nursing Officer.",
    ]
    coded = _letter_and_table(rows, "REF")
    assert coded["dasv_lead_name"].value == "Ms Lowenna Treloar"
    assert coded["policy"].value == "general_only"


def test_numbered_answers_with_executives_leading_other_subjects_keep_the_lead_where_it_is() -> (
    None
):
    """A "Q | Answer" table of 12 numbered answers: 1 names the executive lead for flexible
    working, 5 a network's sponsor, 11 the lead for ours. Another subject's lead is no anchor,
    and of two answers that read alike (a person in an executive post) the one where the
    other anchors put the question is the lead's (before, answer 1's lead was coded)."""
    rows = [
        "Q | Answer",
        "1 | Yes. The Trust has a Flexible Working Policy. The executive lead for flexible working"
        " is Mr Gerald Finch, Chief People Officer.",
        "2 | 662 formal requests were received in 2023/24.",
        "3 | The current average wait is 17 working days.",
        "4 | External provider - Keystone OH Services Ltd.",
        "5 | Each network has an executive sponsor; for example the Carers Network is sponsored by"
        " Mr Ian Prothero, Chief Operating Officer.",
        "6 | Yes - Sexual Safety in the Workplace Policy.",
        "7 | Yes. Delivered by an external provider, Tallis & Reed Consulting. Optional.",
        "8 | Not applicable.",
        "9 | Yes - the Trust has a dedicated Menopause Policy.",
        "10 | 40 formal cases were opened in 2023/24.",
        "11 | Yes - Ms Debra Ifeanyi, Chief Nursing Officer.",
        "12 | Staff can access our Employee Assistance Programme.",
    ]
    coded = _letter_and_table(rows, "RL4")
    assert coded["dasv_lead_name"].value == "Ms Debra Ifeanyi"
    assert coded["dasv_lead_role"].value == "Chief Nursing Officer"
    assert coded["policy"].value == "dedicated"
    assert coded["abt_provider"].value == "Tallis & Reed Consulting"


def test_number_only_answers_read_by_the_request_annexed_as_a_table() -> None:
    """Answers given by number alone ("5. Yes", "6. Mandatory for all frontline staff."), the
    request annexed as a "No. | Question" table: the annex ties each number to its question,
    parts included (before, a table with no answer column was no table, and its questions
    were read as answers: the parts' numbers stayed unknown and their answers blank)."""
    letter = [
        "Our responses are numbered to match your request (see Annex).",
        "1. 702",
        "2. Yes",
        "3. The Service does not have a separate sexual safety policy.",
        "4. Yes",
        "5. Delivered by our own Education and Training team.",
        "6. Mandatory for all frontline staff.",
        "7. No.",
        "8. N/A",
        "9. The executive lead is the Director of Quality.",
        "Annex - your request",
    ]
    annex = [
        "No. | Question",
        "1. | How many assaults on staff were recorded in 2023/24?",
        "2. | Is conflict resolution training mandatory for all patient-facing staff?",
        "3. | Does the Trust have a dedicated policy on sexual safety of staff?",
        "4. | Does the Trust provide Active Bystander Training (ABT) to staff?",
        "5. | If so, is it delivered in-house or by an external provider?",
        "6. | Is the ABT mandatory or optional?",
        "7. | Does the ABT include a module specifically on sexual harassment?",
        "8. | If the Trust does not provide ABT, does it plan to introduce it?",
        "9. | Has the Trust appointed an executive lead for domestic abuse and sexual violence?",
    ]
    blocks = (
        *(Block(t, f"paragraph {i}") for i, t in enumerate(letter, 1)),
        *(Block(r, f"table 1 row {i}", BlockRole.TABLE) for i, r in enumerate(annex, 1)),
    )
    coded = _blocks_coded(blocks, "RX8", "reply.docx")
    assert coded["policy"].value == "none"
    assert coded["abt_provided"].value == "yes"
    assert coded["abt_delivery"].value == "in_house"
    assert coded["abt_mandatory"].value == "mandatory"
    assert coded["abt_sh_module"].value == "no"
    assert coded["dasv_lead"].value == "role_only"


def test_a_headerless_table_whose_answer_is_no_is_no_annex() -> None:
    """ "Question 2 | No." opens no annex of the request (a "No. | Question" header): its
    "No." is an answer, and every row stays an answer (regression: the rows after it were
    read as questions, and three fields went blank)."""
    coded = _table_coded(
        [
            "Question 1 | There is no policy specific to this subject area.",
            "Question 2 | No.",
            "Question 3 | This information is not held.",
            "Question 4 | The Trust has not appointed an executive lead for this area.",
        ],
        "RV3",
    )
    assert coded["abt_provided"].value == "no"
    assert coded["dasv_lead"].value == "none"


@pytest.mark.parametrize(
    ("answer", "ticked"),
    [
        ("☒ Yes ☐ No", "Yes"),
        ("[ ] Yes [X] No", "No"),
        ("Yes ☐ No ☒", "No"),
        (
            "In-house ☐ External ☒ - Cornish Bystander Network CIC",
            "External - Cornish Bystander Network CIC",
        ),
        ("Mandatory ✗ Optional ✓", "Optional"),
        # two ticked: both said
        ("☒ In-house ☒ External provider", "In-house and External provider"),
        ("In-house ☒ External ☒ Both ☐", "In-house and External"),
        # OCR read the ticked box as "A": the boxes still stand before their labels
        ("A Yes [] No", "A Yes"),
    ],
)
def test_a_forms_unticked_options_are_dropped_whichever_side_its_boxes_stand(
    answer: str, ticked: str
) -> None:
    from foi_audit.coding.compiled import compile_codebook
    from foi_audit.coding.options import ticked as read_ticks

    assert read_ticks(answer, compile_codebook(CODEBOOK).reading) == ticked


def test_a_log_table_whose_outcome_column_stands_before_its_response_summary() -> None:
    """Regression: "Reference | Subject | Date | Outcome | Response summary" left no answer
    column (the outcome before the summary read as the question's) and coding stopped with
    ValueError; the summary answers, and the refusal under section 14(2) is read."""
    coded = _table_coded(
        [
            "Reference | Subject | Date | Outcome | Response summary",
            "FOI/2024/1488 | Car parking income 2023/24 | 3 January 2025 | Information provided"
            " | Total income and number of permits issued, by site.",
            "FOI/2024/1499 | Sexual safety policy, Active Bystander Training, DASV executive lead"
            " | 8 January 2025 | Refused - s14(2) | This request is substantially similar to"
            " FOI/2024/1262 from the same requester, and no reasonable interval has elapsed. The"
            " Trust is therefore not obliged to comply, under section 14(2) of the Act.",
        ],
        "RXX",
    )
    assert coded["exemptions"].value == "s14"
    assert coded["response_status"].value == "rejected"


def test_an_answer_run_on_after_the_request_keeps_its_own_first_word() -> None:
    """ "Ad-hoc" is no "A-" label (the review's case); "A: No." has one; more of the request
    ("This request is made under the Act") is no answer."""
    from foi_audit.coding.restated import answer_after_request

    assert answer_after_request(
        "If so, please provide a copy. Ad-hoc guidance is given under the Dignity at Work Policy."
    ) == (
        "If so, please provide a copy.",
        "Ad-hoc guidance is given under the Dignity at Work Policy.",
    )
    assert answer_after_request("If so, please provide a copy. A: No dedicated policy.") == (
        "If so, please provide a copy.",
        "No dedicated policy.",
    )
    assert (
        answer_after_request("If so, please provide a copy. This request is made under the Act.")
        is None
    )


def test_another_courses_record_in_a_list_of_courses_is_passed_over() -> None:
    """A reply listing its courses as labelled records ("Course: ... / Delivered by: ... /
    Status: ..."), one a paragraph, and one a scan's lines each a block: only the record of
    the training asked about answers (another course's "Status: Mandatory" is not its)."""
    records = [
        "Course: Prevent (Preventing Radicalisation)\nDelivered by: National e-learning package\n"
        "Status: Mandatory\nAudience: All staff",
        "Course: Active Bystander Training\nDelivered by: Oakridge Bystander CIC\n"
        "Status: Optional\nContent: Includes a module on sexual harassment",
        "Course: Safeguarding Adults Level 3\nDelivered by: In-house Safeguarding team\n"
        "Status: Mandatory",
    ]
    opening = Block("Active bystander training is part of our training offer, listed below.", "p 1")
    paragraphs = tuple(Block(r, f"paragraph {i}") for i, r in enumerate(records, 2))
    coded = _blocks_coded((opening, *paragraphs), "RZZ", "reply.eml")
    assert coded["abt_mandatory"].value == "optional"
    assert coded["abt_sh_module"].value == "yes"
    # a scan's records, a block a line ("Training: X" over "Delivery: Y Requirement: Z")
    lines = [
        "Training: Trauma-Informed Leadership",
        "Delivery: Meridian Leadership Associates Ltd Requirement: Mandatory",
        "Training: Active Bystander Training",
        "Delivery: In-house EDI team",
        "Requirement: Optional",
    ]
    scan = tuple(Block(t, "page 3 (OCR)") for t in lines)
    coded = _blocks_coded((opening, *scan), "RZZ", "scan.pdf")
    assert coded["abt_mandatory"].value == "optional"
    assert coded["abt_provider"].value == ""


def test_a_scans_misread_label_word_and_a_label_ending_its_line() -> None:
    # round 72: a fax's "Questlon 2" was no label, and "Not applicable. Question 4" kept its
    # label inside the answer above (its answer on the next line), so question 4's answer went
    # under question 2
    from foi_audit.coding.labels import INLINE_LABEL
    from foi_audit.coding.text import ocr_words

    assert ocr_words("Questlon 2 Yes.") == "Question 2 Yes."
    assert ocr_words("Ouestion 3 N/A") == "Question 3 N/A"
    assert ocr_words("$38(1)(b) Health and safety") == "s38(1)(b) Health and safety"
    assert ocr_words("a grant of $38,000") == "a grant of $38,000"
    assert ocr_words("Questions were asked") == "Questions were asked"
    assert INLINE_LABEL.split("Not applicable. Question 4") == ["Not applicable.", "Question 4"]
    assert INLINE_LABEL.split("as set out in Question 4") == ["as set out in Question 4"]


def test_a_scans_misread_answer_label_and_specks_before_an_answer() -> None:
    # round 75: "If so: Besponce: Yes." kept its answer inside the question; "... job title.
    # -Yes - Hilary ..." and "... a link. _ Yes - ..." ran their answers into the questions
    from foi_audit.coding.labels import ANSWER_AFTER_LOST_MARK, LABEL, LABEL_ONLY
    from foi_audit.coding.text import ocr_words

    assert ocr_words("If so: Besponce: Yes.") == "If so: Response: Yes."
    assert ocr_words("Respanse: No.") == "Response: No."
    assert ocr_words("Anwser: No.") == "Answer: No."
    assert ocr_words("Responses: as below") == "Responses: as below"
    assert ocr_words("Reason: cost") == "Reason: cost"
    assert ocr_words("Resource: the intranet") == "Resource: the intranet"
    assert ocr_words("job title. -Yes - Jo Bell") == "job title. Yes - Jo Bell"
    assert ocr_words("a link. _ Yes - enclosed") == "a link. Yes - enclosed"
    assert ocr_words("2 - Yes") == "2 - Yes"
    assert ocr_words("to staff? | Yes") == "to staff? | Yes"  # a table's cells
    lost = ANSWER_AFTER_LOST_MARK.search("job title. : : Response: Yes --Dr Jo Bell")
    assert lost is not None and lost.group(0) == ". : : Response: "
    lost = ANSWER_AFTER_LOST_MARK.search("please provide a copy or a link. Yes - Policy")
    assert lost is not None and lost.group(0) == ". "
    assert ANSWER_AFTER_LOST_MARK.search("a copy or a link. Yesterday we") is None
    found = LABEL.match(": Question 4: Has the Trust appointed")
    assert found is not None and found["num"] == "4"
    only = LABEL_ONLY.match("Response to question 3")
    assert only is not None and only["num"] == "3"


def test_answers_labelled_a1_a2a_run_on_in_one_paragraph_are_split() -> None:
    # round 72: a printed mail chain's "A1: ... A2: Yes." ran on unsplit ("A1." may be a
    # letter's Part A, item 1: only "A2:" with its colon is an answer's label)
    from foi_audit.coding.labels import INLINE_LABEL, answer_label

    assert INLINE_LABEL.split("covered by our policy. A2: Yes.") == [
        "covered by our policy.",
        "A2: Yes.",
    ]
    assert INLINE_LABEL.split("A3: N/A A4: The Trust has not") == [
        "A3: N/A",
        "A4: The Trust has not",
    ]
    assert answer_label("A2a:") == "2a"
    assert answer_label("A1.") == ""
    # ... but only where no answer has a plain number or another letter's (review and
    # evaluation of round 72: a policy's "Part A: A1: Purpose ...", a request's section A)
    from foi_audit.coding.labels import lettered_answers

    assert lettered_answers(["1. Does the Trust have a policy?", "A1: Yes."])
    assert not lettered_answers(["1. Yes. Part A covers staff: A1: Purpose.", "A4: Support"])
    assert not lettered_answers(["C1: No.", "A4: Mr X, Director of Corporate Affairs"])
    assert answer_label("A2a:", lettered=False) == ""
