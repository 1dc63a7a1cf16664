"""Joint replies: one letter answering for several trusts is coded for each, from its own part
(sections headed by a trust, a column per trust, or clauses given to one trust)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from foi_audit.coding import code_documents, load_codebook
from foi_audit.coding.engine import documents_from_text
from foi_audit.coding.joint import JointLayout, documents_by_trust, trust_view
from foi_audit.records import Block, BlockRole, Document, Match

CODEBOOK = load_codebook()
# Two invented trusts' names as the register would give them (own_names).
NAMES = {
    "RAA": ("Northfield Hospitals NHS Foundation Trust", "Northfield Hospitals", "NHFT"),
    "RBB": ("Southmoor NHS Trust", "Southmoor", "SMT"),
}


def _joint(text: str, table_rows: tuple[str, ...] = ()) -> Document:
    document = documents_from_text([text], "RAA")[0]
    rows = tuple(
        Block(row, f"page 1 table 1 row {n}", BlockRole.TABLE)
        for n, row in enumerate(table_rows, start=1)
    )
    return replace(
        document,
        blocks=document.blocks + rows,
        match=Match("RAA", "letterhead", 90.0, also=("RBB",)),
    )


SECTIONS = """Dear Requester
Northfield Hospitals NHS Foundation Trust (NHFT) and Southmoor NHS Trust (SMT) share an FOI service; each Trust answers in its own section.
Part 1 - Northfield Hospitals NHS Foundation Trust
1. Dedicated sexual safety policy
No. Sexual harassment is covered by our Dignity at Work Policy.
2. Active Bystander Training
Yes, delivered in-house by our Organisational Development team. It is optional.
Part 2 - Southmoor NHS Trust
1. Dedicated sexual safety policy
Yes. SMT's Sexual Safety Charter and Policy was approved in May 2024.
2. Active Bystander Training
No, SMT does not provide it.
Yours faithfully
"""


def _values(documents: list[Document]) -> dict[tuple[str, str], str]:
    coded = code_documents(documents, CODEBOOK, NAMES)
    return {(c.trust_code, c.field): c.value for c in coded}


def test_a_joint_reply_counts_for_each_trust_it_answers_for() -> None:
    document = _joint(SECTIONS)
    sole = documents_from_text(["Dear Requester"], "RCC")[0]
    assert {k: [d.path for d in v] for k, v in documents_by_trust([document, sole]).items()} == {
        "RAA": ["example 1.txt"],
        "RBB": ["example 1.txt"],
        "RCC": ["example 1.txt"],
    }


def test_sections_headed_by_each_trust_give_each_its_own_answers() -> None:
    view = trust_view(_joint(SECTIONS), "RBB", NAMES)
    assert view.layout is JointLayout.SECTIONS and view.partners == ("RAA",)
    texts = [b.text for b in view.document.blocks]
    assert "No, SMT does not provide it." in texts
    assert not any("Dignity at Work" in t for t in texts)
    assert texts[1].startswith("Northfield Hospitals")  # the shared preamble is kept
    values = _values([_joint(SECTIONS)])
    assert values["RAA", "policy"] == "general_only" and values["RBB", "policy"] == "dedicated"
    assert values["RAA", "abt_provided"] == "yes" and values["RBB", "abt_provided"] == "no"
    assert values["RAA", "abt_delivery"] == "in_house" and values["RBB", "abt_delivery"] == ""


def test_a_column_per_trust_gives_each_its_own_column() -> None:
    rows = (
        "Question | Northfield Hospitals (NHFT) | Southmoor NHS Trust (SMT)",
        "1. Dedicated sexual safety policy | Yes - our Sexual Safety Policy (2023) | No - covered by our Respect at Work Policy",
        "2. Active Bystander Training provided? | No | Yes",
        "2(a) In-house or external | N/A | External - delivered by Brightline Learning Ltd",
    )
    document = _joint("Dear Requester\nThe answers differ, so each Trust has its own column.", rows)
    view = trust_view(document, "RAA", NAMES)
    assert view.layout is JointLayout.COLUMNS
    assert "2. Active Bystander Training provided? | No" in [b.text for b in view.document.blocks]
    values = _values([document])
    assert values["RAA", "policy"] == "dedicated" and values["RBB", "policy"] == "general_only"
    assert values["RAA", "abt_provided"] == "no" and values["RBB", "abt_provided"] == "yes"
    assert values["RBB", "abt_provider"] == "Brightline Learning Ltd"


def test_a_plain_text_mails_table_with_a_column_per_trust_gives_each_its_own_column() -> None:
    """A plain-text e-mail's table is one paragraph of "cell | cell" lines: its rows are read
    one by one, so each trust keeps its own column (both had read the first trust's)."""
    table = "\n".join(
        (
            "Question | Northfield Hospitals (NHFT) | Southmoor NHS Trust (SMT)",
            "1. Sexual safety policy | No dedicated policy; covered by our Dignity at Work Policy. | Yes - SMT Sexual Safety Policy",
            "2. Active Bystander Training | Yes | No",
            "2a. In-house or external | In-house (NHFT Learning and Development) | N/A",
            "3. Plans to introduce ABT | N/A | Yes - to be rolled out at SMT from April 2025.",
        )
    )
    document = _joint("Dear Requester\nWe answer for both Trusts in one reply.")
    blocks = (*document.blocks, Block(table, "paragraph 3", BlockRole.BODY))
    document = replace(document, blocks=blocks, format="eml", path="joint.eml")
    assert trust_view(document, "RBB", NAMES).layout is JointLayout.COLUMNS
    values = _values([document])
    assert values["RAA", "policy"] == "general_only" and values["RBB", "policy"] == "dedicated"
    assert values["RAA", "abt_provided"] == "yes" and values["RBB", "abt_provided"] == "no"
    assert values["RAA", "abt_delivery"] == "in_house" and values["RBB", "abt_planned"] == "yes"


def test_a_row_per_trust_gives_each_its_own_row_under_the_header() -> None:
    """A regional return: a header row of questions over a row per organisation. Each trust
    is coded from its own row, never from another trust's or another body's (an ICB's row
    below, there for information)."""
    rows = (
        "Organisation | FOI ref | Q1 Dedicated policy | Q2 ABT provided | Q2a Delivery | Q2a Provider | Q3 Plans | Q4 Exec lead",
        "Northfield Hospitals NHS Foundation Trust | NHFT 24/1 | Yes | Yes | External | Brightline Learning Ltd | N/A | Chief Nurse",
        "Southmoor NHS Trust | SMT-24-9 | No | No | N/A | N/A | No | Ms Ann Lowe, Chief Nurse",
        "Westvale Integrated Care Board | ICB-3 | Yes | Yes | In-house | N/A | N/A | Mr Ed Pike, Director of Nursing",
    )
    document = _joint("Consolidated return\nEach trust answers in its own row.", rows)
    view = trust_view(document, "RBB", NAMES)
    assert view.layout is JointLayout.ROWS
    texts = [b.text for b in view.document.blocks]
    assert texts[-2:] == [rows[0], rows[2]]
    values = _values([document])
    assert values["RAA", "policy"] == "dedicated" and values["RBB", "policy"] == "none"
    assert values["RAA", "abt_provided"] == "yes" and values["RBB", "abt_provided"] == "no"
    assert values["RAA", "abt_provider"] == "Brightline Learning Ltd"
    assert values["RBB", "abt_delivery"] == "" and values["RBB", "abt_provider"] == ""
    assert values["RAA", "dasv_lead"] == "role_only" and values["RBB", "dasv_lead"] == "named"


def test_a_row_per_trust_keyed_by_its_code_before_its_name_gives_each_its_own_row() -> None:
    """A collated return whose rows open with the trust's ODS code, then its name: the owner
    is named in the second cell."""
    rows = (
        "ODS | Trust | Dedicated policy (Y/N) | ABT (Y/N) | Q3 plans (if no ABT) | Job title",
        "RAA | Northfield Hospitals NHS Foundation Trust | Y | Y |  | Chief Nurse",
        "RBB | Southmoor NHS Trust | N | N | No plans | Director of Nursing",
    )
    document = _joint("Collated return\nEach trust entered its own answers in one row.", rows)
    view = trust_view(document, "RBB", NAMES)
    assert view.layout is JointLayout.ROWS
    assert [b.text for b in view.document.blocks][-2:] == [rows[0], rows[2]]


def test_a_bodys_reply_carrying_a_trusts_answers_is_read_from_their_heading_on() -> None:
    """An ICB's e-mail that holds nothing itself and passes on a trust's answers: the trust's
    view starts at the heading of its answers ("RESPONSE FROM ..."), so the ICB's "does not
    hold the information" is not read as the trust's."""
    text = (
        "Dear Dr Raman\n"
        "NHS Westvale ICB does not hold the information you have requested. Southmoor NHS Trust "
        "asked us to pass on its answers, reproduced below.\n"
        "----------\nRESPONSE FROM SOUTHMOOR NHS TRUST\n----------\n"
        "Q1 Yes. The Trust has a Sexual Safety Policy, approved in July 2024.\n"
        "Q2 No. The Trust does not currently provide Active Bystander Training.\n"
        "Kind regards\nFOI Team, NHS Westvale ICB"
    )
    document = documents_from_text([text], "RBB")[0]
    document = replace(document, match=Match("RBB", "carried", 60.0))
    view = trust_view(document, "RBB", NAMES)
    assert view.layout is JointLayout.CARRIED
    texts = [b.text for b in view.document.blocks]
    assert texts[0] == "RESPONSE FROM SOUTHMOOR NHS TRUST"
    assert not any("does not hold" in t for t in texts)
    values = _values([document])
    assert values["RBB", "policy"] == "dedicated" and values["RBB", "abt_provided"] == "no"
    assert values["RBB", "response_status"] != "not_held"


def test_a_trusts_heading_between_rules_opens_its_section() -> None:
    """A shared mailbox's e-mail heads each trust's answers in capitals between rules
    ("=====" above and below): a section each (before, the rule was read as the heading, no
    section was found, and each trust took the answers that did not name the other: the
    first trust's for the second)."""
    rule = "=" * 40
    text = "\n\n".join(
        [
            "Dear Dr Farrant",
            "The two trusts' answers differ, so each is set out separately below.",
            f"{rule}\nNORTHFIELD HOSPITALS NHS FOUNDATION TRUST (NHFT 24-788)\n{rule}",
            "1. A dedicated Sexual Safety Policy has been drafted and is out for consultation.\n"
            "2. Yes. Sessions are run by our Organisational Development team.",
            f"{rule}\nSOUTHMOOR NHS TRUST (SMT 24-1021)\n{rule}",
            "1. We do not have a policy specific to sexual harassment; it is covered by our "
            "Respect at Work Policy.\n2. No.",
            "Kind regards",
        ]
    )
    document = replace(
        documents_from_text([""], "RAA")[0],
        blocks=tuple(Block(t, f"paragraph {i}") for i, t in enumerate(text.split("\n\n"), 1)),
        match=Match("RAA", "joint", 90.0, also=("RBB",)),
    )
    assert trust_view(document, "RBB", NAMES).layout is JointLayout.SECTIONS
    values = _values([document])
    assert values["RAA", "policy"] == "in_development" and values["RBB", "policy"] == "general_only"
    assert values["RAA", "abt_provided"] == "yes" and values["RBB", "abt_provided"] == "no"


def test_one_sentence_giving_a_part_to_each_trust_by_its_place() -> None:
    """Prose answering for two trusts in one sentence, each part opened by "at" and the
    trust's place alone ("at Northfield, ..., and at Southmoor, ..."): each trust reads its
    own part (before, both read the whole sentence and took its first lead)."""
    text = (
        "Dear Requester\n"
        "Both trusts provide Active Bystander Training, delivered by Keel Street Learning CIC. "
        "At Northfield it is mandatory for all clinical staff; at Southmoor it is optional.\n"
        "The executive leads for domestic abuse and sexual violence are, at Northfield, the "
        "Chief Nurse, Mrs Joanne Pryce, and at Southmoor, Dr Hugh Shah, Chief Nurse."
    )
    values = _values([_joint(text)])
    assert values["RAA", "dasv_lead_name"] == "Mrs Joanne Pryce"
    assert values["RBB", "dasv_lead_name"] == "Dr Hugh Shah"
    assert values["RAA", "abt_mandatory"] == "mandatory"
    assert values["RBB", "abt_mandatory"] == "optional"
    assert values["RBB", "abt_provider"] == "Keel Street Learning CIC"
    # "Both trusts provide ..." says nothing of a mix of in-house and external delivery
    assert values["RAA", "abt_delivery"] == values["RBB", "abt_delivery"] == "outsourced"


def test_a_place_another_trust_of_the_letter_is_named_by_too_names_neither() -> None:
    """ "Wirral" is in both trusts' names ("Wirral University Teaching Hospital", "Wirral
    Community Health and Care"): alone it names neither, so a part headed by the second's
    full name is not given to the first (regression: it was, and the first took the second's
    answers)."""
    names = {
        "RAA": (
            "Wirral University Teaching Hospital NHS Foundation Trust",
            "Wirral University Teaching Hospital",
            "WUTH",
        ),
        "RBB": (
            "Wirral Community Health and Care NHS Foundation Trust",
            "Wirral Community Health and Care",
            "WCHC",
        ),
    }
    text = (
        "Dear Requester\n"
        "Wirral University Teaching Hospital NHS Foundation Trust (our ref WUTH 24-4481)\n"
        "2. No, Active Bystander Training is not provided.\n"
        "Wirral Community Health and Care NHS Foundation Trust (our ref WCHC 24-1172)\n"
        "2. Yes, it is delivered in-house as part of the Corporate Induction day."
    )
    coded = code_documents([_joint(text)], CODEBOOK, names)
    values = {(c.trust_code, c.field): c.value for c in coded}
    assert values["RAA", "abt_provided"] == "no" and values["RBB", "abt_provided"] == "yes"


def test_a_column_answering_as_the_other_trusts_column_takes_its_answer() -> None:
    """ "As NHF." in Southmoor's column is Northfield's answer for Southmoor too, the other
    trust named by the short form its column's header gives ("Northfield Hospitals (NHF)")
    though the register knows it as NHFT; "not yet available at SMT" is a no, not an answer
    deferred."""
    rows = (
        "Question | Northfield Hospitals (NHF) | Southmoor NHS Trust (SMT)",
        "1. Dedicated sexual safety policy | No - covered by our Respect at Work Policy | As NHF.",
        "2. Active Bystander Training provided? | Yes, run by our OD team. | No - not yet "
        "available at SMT.",
        "3. Plans to introduce ABT | N/A | Yes, from April 2026.",
        "4. Executive lead for DASV | Ms Carys Penhallow, Chief Nurse for both Trusts. | Same "
        "as for Northfield.",
    )
    document = _joint("Dear Requester\nEach Trust has its own column.", rows)
    coded = {(c.trust_code, c.field): c for c in code_documents([document], CODEBOOK, NAMES)}
    assert coded["RBB", "policy"].value == "general_only"
    assert coded["RBB", "dasv_lead_name"].value == "Ms Carys Penhallow"
    assert coded["RBB", "abt_provided"].value == "no"
    assert coded["RBB", "response_status"].value == "successful"


def test_one_shared_answer_with_clauses_given_to_each_trust() -> None:
    text = """Dear Requester
The answers below apply to both Northfield Hospitals and Southmoor unless stated otherwise.
1. Yes. Both Trusts have adopted the joint Sexual Safety Policy (approved July 2024).
4. Each Trust has its own executive lead: for NHFT, Dr Amira Kent, Chief Nurse; for SMT, Mr Tom Reyes, Director of Nursing.
"""
    for trust, name, other in [("RAA", "Dr Amira Kent", "Reyes"), ("RBB", "Mr Tom Reyes", "Kent")]:
        view = trust_view(_joint(text), trust, NAMES)
        assert view.layout is JointLayout.SHARED
        lead = next(b.text for b in view.document.blocks if b.text.startswith("4."))
        assert name in lead and other not in lead
    values = _values([_joint(text)])
    assert values["RAA", "policy"] == values["RBB", "policy"] == "dedicated"
    assert values["RAA", "dasv_lead_name"] == "Dr Amira Kent"
    assert values["RBB", "dasv_lead_name"] == "Mr Tom Reyes"
    assert values["RBB", "dasv_lead_role"] == "Director of Nursing"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("NHFT: Yes. SMT: No.", "SMT: No."),  # an answer labelled with each trust
        ("Yes. The policy adopted by NHFT is enclosed.", "Yes."),  # a sentence about the other
        ("2. NHFT does not provide it.", "2."),  # the question's label stays
        ("Both NHFT and SMT provide it.", "Both NHFT and SMT provide it."),  # both named: kept
    ],
)
def test_clauses_naming_only_the_other_trust_are_left_out(line: str, kept: str) -> None:
    view = trust_view(_joint("Dear Requester\n" + line), "RBB", NAMES)
    assert [b.text for b in view.document.blocks] == ["Dear Requester", kept]


def test_a_sign_off_naming_both_trusts_is_not_a_table_and_a_sole_reply_is_unchanged() -> None:
    document = _joint(SECTIONS.replace("Yours faithfully", "Northfield Hospitals | Southmoor"))
    assert trust_view(document, "RAA", NAMES).layout is JointLayout.SECTIONS
    sole = documents_from_text([SECTIONS], "RAA")[0]
    assert trust_view(sole, "RAA", NAMES) == trust_view(sole, "RAA", NAMES)
    assert trust_view(sole, "RAA", NAMES).document is sole


def test_a_heading_on_the_first_line_of_its_answers_block_opens_a_section() -> None:
    # e-mail paragraphs: "SMT\n 1. Yes ..." (the heading and its answers in one block)
    document = _joint("Dear Requester\nOur joint response:")
    blocks = (
        Block("NHFT\n 1. Not specifically.\n 2. Not as such.", "paragraph 3"),
        Block("SMT\n 1. Yes, a dedicated Sexual Safety Policy.\n 2. Yes.", "paragraph 4"),
    )
    document = replace(document, blocks=document.blocks + blocks)
    view = trust_view(document, "RBB", NAMES)
    assert view.layout is JointLayout.SECTIONS
    assert "Not specifically" not in " ".join(b.text for b in view.document.blocks)
    values = _values([document])
    assert values[("RBB", "policy")] == "dedicated"
    assert values[("RAA", "policy")] != "dedicated"


def test_columns_with_a_notes_column_a_merged_cell_and_rows_under_a_heading() -> None:
    # the header names each trust and ends with a notes column the rows leave empty; the
    # lead's cell is merged across both trusts' columns, so the row has one answer cell
    rows = (
        "Question | NHFT | SMT | Notes",
        "1. Dedicated policy on sexual safety? | No - Dignity at Work Policy | No - Respect at "
        "Work Policy | Group committee reviewing",
        "2. Active Bystander Training provided? | No | Yes",
        "2b. Mandatory or optional? | N/A | Optional",
        "4. Executive lead for DASV (name and job title) | Yes - Ms Julie Harcastle, Group Chief "
        "Nurse (covers both Trusts)",
    )
    document = _joint("Joint response for both Trusts.", rows)
    values = _values([document])
    assert values["RAA", "abt_provided"] == "no" and values["RBB", "abt_provided"] == "yes"
    assert values["RBB", "abt_mandatory"] == "optional"
    assert values["RAA", "policy"] == values["RBB", "policy"] == "general_only"
    assert (
        values["RAA", "dasv_lead_name"] == values["RBB", "dasv_lead_name"] == ("Ms Julie Harcastle")
    )


def test_a_header_of_trust_names_only_over_rows_with_a_question_cell() -> None:
    document = _joint(
        "2. Active Bystander Training",
        ("NHFT | SMT", "Offered? | Yes | No", "(b) Mandatory / optional | Optional | -"),
    )
    values = _values([document])
    assert values["RAA", "abt_provided"] == "yes" and values["RBB", "abt_provided"] == "no"
    assert values["RAA", "abt_mandatory"] == "optional"


def test_a_trust_label_gives_the_sentences_after_it_to_that_trust_until_the_next_label() -> None:
    # "NHFT: Yes. It is delivered by ...": the sentences after the label are NHFT's too, so
    # SMT's view keeps only its own "SMT: Not at present."
    text = """This response is sent on behalf of both Trusts; where the answers differ they are given separately.
2. Active Bystander Training
NHFT: Yes. It is delivered by Brightwater Learning Ltd. It is optional.
SMT: Not at present.
3. Plans
NHFT: N/A.
SMT: Yes, SMT will introduce it next year.
"""
    values = _values([_joint(text)])
    assert values[("RAA", "abt_provided")] == "yes"
    assert values[("RAA", "abt_provider")] == "Brightwater Learning Ltd"
    assert values[("RBB", "abt_provided")] == "no"
    assert values[("RBB", "abt_provider")] == ""
    assert values[("RBB", "abt_mandatory")] == ""
    assert values[("RBB", "abt_planned")] == "yes"


def test_a_letterhead_naming_both_trusts_heads_no_columns() -> None:
    """A letterhead line "Trust A | Trust B" above a table whose one answer column is the
    group's: every trust takes that column (before, A took the question and B the answer)."""
    document = _joint(
        "Dear Requester\nEach answer below applies to both trusts.\nYours sincerely",
        (
            "No. | Your question | Group response",
            "Q1 | Dedicated sexual safety policy? | Not yet. A Group Sexual Safety Policy has"
            " been drafted and is out for consultation.",
            "Q4 | Executive lead for DASV? | Yes. Fiona Aldercott, Group Chief Nurse, is the"
            " executive lead for domestic abuse and sexual violence.",
        ),
    )
    letterhead = Block(
        "Northfield Hospitals NHS Foundation Trust | Southmoor NHS Trust",
        "page 1",
        BlockRole.HEADER,
    )
    document = replace(document, blocks=(letterhead, *document.blocks))
    values = _values([document])
    for trust in ("RAA", "RBB"):
        assert values[(trust, "policy")] == "in_development"
        assert values[(trust, "dasv_lead_name")] == "Fiona Aldercott"


def test_a_trusts_label_before_its_short_answer_heads_no_section() -> None:
    """ "NGH: No." and "KGH: N/A." are each trust's answer, not headings of sections: the
    shared answers after them stay both trusts' (before, the lead's answer was lost to one)."""
    text = """Dear Requester
1. Dedicated sexual safety policy Neither trust has a dedicated policy. A Group Dignity at Work Policy covers sexual harassment at both trusts.
2. Active Bystander Training NHFT: Yes. Sessions are delivered in-house by the NHFT Organisational Development team; attendance is optional.
SMT: No.
3. Plans
NHFT: N/A.
SMT: Yes - SMT will adopt the NHFT programme from April 2025.
4. Executive lead for DASV
Yes. The Group Chief Nurse, Ms Oluwaseun Barraclough, is the executive lead for DASV for both trusts.
Yours sincerely
"""
    values = _values([_joint(text)])
    assert values[("RBB", "abt_provided")] == "no"
    assert values[("RBB", "abt_planned")] == "yes"
    for trust in ("RAA", "RBB"):
        assert values[(trust, "dasv_lead_name")] == "Ms Oluwaseun Barraclough"


def test_trust_labels_on_the_lines_under_each_heading_give_each_trust_its_answers() -> None:
    """One block a question: its heading, then a line per trust ("South Tees: Yes." /
    "North Tees and Hartlepool: Not at present."). Each trust takes its own line; the heading
    is not run into the first trust's answer (before, "Yes." was lost to the heading), and a
    trust's place name without "Hospitals" labels it too."""
    from foi_audit.records import Trust
    from foi_audit.register.names import own_names

    names = {
        "RAA": own_names(
            Trust("RAA", "Northfield Vale Hospitals NHS Foundation Trust", "", "", "")
        ),
        "RBB": own_names(Trust("RBB", "Southmoor NHS Trust", "", "", "")),
    }
    assert "Northfield Vale" in names["RAA"]
    blocks = [
        "Dear Requester",
        "1. Dedicated policy on sexual safety\n  Northfield Vale: Yes. Our Sexual Safety Policy was"
        " adopted in July 2024.\n  Southmoor: No. Our Dignity at Work Policy covers it.",
        "2. Active Bystander Training\n  Northfield Vale: Yes.\n  Southmoor: Not at present.",
        "4. Executive lead for DASV\n  Northfield Vale: Yes - Dr Helen Marwood, Chief Nurse.\n"
        "  Southmoor: Yes - Lindsey Coverdale, Director of Nursing.",
    ]
    document = replace(
        _joint(""),
        blocks=tuple(Block(t, f"paragraph {i}", BlockRole.BODY) for i, t in enumerate(blocks)),
    )
    values = {(c.trust_code, c.field): c.value for c in code_documents([document], CODEBOOK, names)}
    assert values[("RBB", "policy")] == "general_only"
    assert values[("RBB", "abt_provided")] == "no"
    assert values[("RBB", "dasv_lead_name")] == "Lindsey Coverdale"
    assert values[("RAA", "abt_provided")] == "yes"
    assert values[("RAA", "dasv_lead_name")] == "Dr Helen Marwood"


def test_trust_labels_after_a_topic_and_in_the_trusts_own_capitals() -> None:
    """ "Q2 Active Bystander Training Walsall Healthcare: Yes. ... Royal Wolverhampton: Yes.
    ..." labels each trust's answer after the question's topic, and "NLaG:" is the trust
    whose initials the register writes "NLAG" (before, the first trust's answer was read as
    the second's too: its provider, mixed delivery, its plans)."""
    names = {
        "RAA": ("Northfield Lincs and Goole NHS Foundation Trust", "NLAG"),
        "RBB": ("Southmoor Healthcare NHS Trust", "Southmoor Healthcare", "SHT"),
    }
    blocks = [
        "Dear Requester",
        "Q2 Active Bystander Training Southmoor Healthcare: Yes. Delivered by an external "
        "provider, Midlands Upstanders Partnership. Optional. NLaG: Yes. Delivered by our own "
        "Practice Education team. Mandatory for all patient-facing staff.",
        "3. SHT: not applicable.\n   NLaG: no plans at this time.",
    ]
    document = replace(
        _joint(""),
        blocks=tuple(Block(t, f"paragraph {i}", BlockRole.BODY) for i, t in enumerate(blocks)),
    )
    values = {(c.trust_code, c.field): c.value for c in code_documents([document], CODEBOOK, names)}
    assert values[("RAA", "abt_delivery")] == "in_house"
    assert values[("RAA", "abt_provider")] == ""
    assert values[("RAA", "abt_mandatory")] == "mandatory"
    assert values[("RBB", "abt_delivery")] == "outsourced"
    assert values[("RBB", "abt_provider")] == "Midlands Upstanders Partnership"


def test_an_attachment_naming_one_trust_of_a_joint_mail_is_that_trusts_alone() -> None:
    # Regression: a mail answering for several trusts with each trust's answers attached
    # ("SMT-24-2901 response.pdf") gave one trust's attachment to every trust of the mail.
    attachment = replace(
        documents_from_text(
            [
                "Southmoor NHS Trust\n1. Yes, our Sexual Safety Policy is published online.\n"
                "2. Yes. In-house, by the Trust's Equality team. Mandatory for every member of staff."
            ],
            "RBB",
        )[0],
        path="RE_ FOI requests.eml > SMT-24-2901 response.pdf",
        match=Match("RAA", "joint", 90.0, also=("RBB",)),
    )
    assert trust_view(attachment, "RBB", NAMES).document.blocks == attachment.blocks
    assert trust_view(attachment, "RAA", NAMES).document.blocks == ()
    values = _values([attachment])
    assert values[("RBB", "abt_provided")] == "yes"
    assert values[("RAA", "abt_provided")] == ""
