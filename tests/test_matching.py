"""The trust matcher on synthetic documents built here: each signal, each tolerance, the traps."""

from __future__ import annotations

import pytest

from foi_audit.matching.matcher import MATCH_THRESHOLD, document_evidence, match_group
from foi_audit.records import Block, BlockRole, Document, FileStatus, Match, Trust
from foi_audit.register.trusts import Register, load_register

H, B, F, E, T = (
    BlockRole.HEADER,
    BlockRole.BODY,
    BlockRole.FOOTER,
    BlockRole.EMAIL_HEADER,
    BlockRole.TITLE,
)

LETTER_BODY = (
    ("Dear Ms Okafor", B),
    ("Thank you for your request received on 4 November 2024.", B),
    ("1. The Trust has a dedicated Sexual Safety Policy.", B),
    ("2. Active Bystander Training is optional.", B),
    ("If you are unhappy you may ask for an internal review.", B),
    ("Yours sincerely", B),
    ("Freedom of Information Team", B),
)


def doc(
    path: str,
    *blocks: tuple[str, BlockRole],
    headers: tuple[tuple[str, str], ...] = (),
    page_locators: bool = True,
) -> Document:
    made = tuple(
        Block(text, f"page 1 block {i}" if page_locators else f"paragraph {i}", role)
        for i, (text, role) in enumerate(blocks, start=1)
    )
    return Document(
        path=path,
        sha256="0" * 64,
        format=path.rsplit(".", 1)[-1],
        units=1,
        chars=sum(len(b.text) for b in made),
        ocr=False,
        status=FileStatus.OK,
        blocks=made,
        headers=headers,
        parent=path.split(" > ")[0] if " > " in path else "",
    )


def letter(path: str, letterhead: str, *extra: tuple[str, BlockRole]) -> Document:
    return doc(path, (letterhead, H), *LETTER_BODY, *extra)


def match(*documents: Document) -> Match:
    return match_group(list(documents), load_register())


def assert_flagged(result: Match) -> None:
    assert result.trust_code == ""
    assert "data/mapping.csv" in result.message


# --- each signal -------------------------------------------------------------------------------


def test_ods_code_in_file_name() -> None:
    result = match(doc("RA9 FOI 4412 response.pdf", *LETTER_BODY))
    assert (result.trust_code, result.method) == ("RA9", "code_in_name")
    assert 0 < result.score <= 100


def test_ods_code_in_folder_name() -> None:
    result = match(doc("replies/RBQ/final response.pdf", *LETTER_BODY))
    assert (result.trust_code, result.method) == ("RBQ", "code_in_name")


def test_lower_case_word_in_file_name_is_not_a_code() -> None:
    # "ref" is Royal Cornwall's code only when written REF; here it is the word.
    assert_flagged(match(doc("foi ref 1234 response.pdf", *LETTER_BODY)))


def test_code_that_is_also_a_word_needs_corroboration() -> None:
    alone = match(doc("FOI-RAT-2024-5521.docx", *LETTER_BODY))
    assert_flagged(alone)
    assert "RAT" in alone.candidates
    corroborated = match(
        doc("FOI-RAT-2024-5521.docx", *LETTER_BODY, ("Rainham RM13 8GQ", F)),
    )
    assert corroborated.trust_code == "RAT"


def test_trust_name_in_file_name() -> None:
    result = match(doc("Walsall Healthcare NHS Trust - FOI response.pdf", *LETTER_BODY))
    assert (result.trust_code, result.method) == ("RBK", "name_in_path")


def test_alias_in_file_and_folder_name() -> None:
    assert match(doc("BHRUT FOI 8823.pdf", *LETTER_BODY)).trust_code == "RF4"
    assert match(doc("Oxford Health/FOI OH-24-2290.docx", *LETTER_BODY)).trust_code == "RNU"
    assert match(doc("2024/esneft_foi_response_nov.pdf", *LETTER_BODY)).trust_code == "RDE"


def test_letterhead_header_block() -> None:
    result = match(letter("reply.pdf", "Lewisham and Greenwich NHS Trust"))
    assert (result.trust_code, result.method) == ("RJ2", "letterhead")
    assert "Lewisham and Greenwich NHS Trust" in result.message


def test_first_blocks_of_a_sheet_are_the_letterhead() -> None:
    sheet = doc(
        "Book1.xlsx",
        ("Kent Community Health NHS Foundation Trust", T),
        ("Q | Question | Response", BlockRole.TABLE),
        ("1 | Policy? | Yes", BlockRole.TABLE),
        page_locators=False,
    )
    result = match(sheet)
    assert (result.trust_code, result.method) == ("RYY", "letterhead")


def test_name_split_over_header_blocks() -> None:
    result = match(
        doc(
            "reply.pdf",
            ("NHS", H),
            ("Northern Care Alliance", H),
            ("NHS Foundation Trust", H),
            ("Salford Royal, Stott Lane", H),
            *LETTER_BODY,
        )
    )
    assert result.trust_code == "RM3"


def test_logo_only_header_falls_back_to_the_first_lines() -> None:
    result = match(
        doc(
            "Response letter.docx",
            ("NHS", H),
            ("Essex Partnership University NHS Foundation Trust", B),
            ("The Lodge, Runwell, Wickford SS11 7XX", B),
            *LETTER_BODY,
        )
    )
    assert (result.trust_code, result.method) == ("R1L", "letterhead")


def test_signature_block() -> None:
    result = match(doc("reply.docx", *LETTER_BODY, ("Lancashire Teaching Hospitals NHS FT", B)))
    assert (result.trust_code, result.method) == ("RXN", "signature")


def test_email_from_name_and_subject() -> None:
    mail = doc(
        "Your FOI request.eml",
        ("Subject: Your FOI request SPFT-FOI-2024-1187", E),
        ("From: Information Governance <spft.foi@nhs.net>", E),
        ("To: Rachel Okafor <r.okafor@example.org>", E),
        ("Dear Requester,", B),
        ("Our answers are below.", B),
    )
    result = match(mail)
    assert (result.trust_code, result.method) == ("RX2", "email_header")


def test_email_headers_given_as_pairs() -> None:
    mail = doc(
        "reply.eml",
        ("Please find our answers below.", B),
        headers=(("From", "GEH FOI <geh.foi@nhs.net>"), ("To", "someone@example.org")),
    )
    assert match(mail).trust_code == "RLT"


def test_email_address_alone_is_only_a_candidate() -> None:
    mail = doc(
        "reply.eml",
        ("From: FOI Team <uhb.foi@nhs.net>", E),
        ("Please find attached our response.", B),
    )
    result = match(mail)
    assert_flagged(result)
    assert result.candidates == ("RRK",)


def test_hq_postcode_corroborates_a_weak_alias() -> None:
    weak_only = match(doc("reply.pdf", ("GOSH Freedom of Information Office", H), *LETTER_BODY))
    assert_flagged(weak_only)
    with_postcode = match(
        doc(
            "reply.pdf",
            ("GOSH Freedom of Information Office", H),
            ("London WC1N 3JH", H),
            *LETTER_BODY,
        )
    )
    assert with_postcode.trust_code == "RP4"


def test_postcode_alone_is_not_enough() -> None:
    result = match(doc("reply.pdf", ("Mindelsohn Way, Birmingham B15 2GW", H), *LETTER_BODY))
    assert_flagged(result)
    assert "RRK" in result.candidates


def test_ods_code_in_clear_context() -> None:
    result = match(doc("reply.pdf", *LETTER_BODY, ("Organisation code: RX6", B), ("Page 1", F)))
    assert (result.trust_code, result.method) == ("RX6", "code_in_text")


def test_capitalised_word_in_body_is_not_a_code() -> None:
    memo = doc("reply.pdf", ("The RAT team checked REF numbers and RNA results", B), *LETTER_BODY)
    assert_flagged(match(memo))
    codes = {e.code for e in document_evidence(memo, load_register())}
    assert not codes & {"RAT", "REF", "RNA"}


def test_body_mention_alone_is_not_a_match() -> None:
    result = match(
        doc(
            "reply.pdf",
            ("Dear Ms Okafor", B),
            ("Training is commissioned jointly with Kent Community Health NHS FT.", B),
            ("Thank you for your request.", B),
            ("1. Yes.", B),
            ("2. No.", B),
            ("3. No.", B),
            ("Regards", B),
            ("FOI Team", B),
        )
    )
    assert_flagged(result)
    assert result.candidates == ("RYY",)


# --- tolerance ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letterhead", "code"),
    [
        ("GUY’S & ST THOMAS’ NHS FOUNDATION TRUST", "RJ1"),
        ("Guys and St Thomas NHSFT", "RJ1"),
        ("Guy's and St\nThomas' NHS Foundation\nTrust", "RJ1"),
        ("Queen Elizabeth Hospital Kings Lynn NHS FT", "RCX"),
        ("The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust", "RCX"),
        ("Lancashire and South Cumbria NHS Foundation Trust", "RW5"),
        ("Tees Esk & Wear Valleys NHS Foundation Trust", "RX3"),
        ("Staffordshire and Stoke-on-Trent Partnership NHS Trust", "R1E"),
        ("the christie nhs foundation trust", "RBV"),
        ("Dorset Healthcare University NHS Foundation Trust", "RDY"),
        ("Cumbria, Northumberland, Tyne & Wear NHS Foundation Trust", "RX4"),
    ],
)
def test_name_variants(letterhead: str, code: str) -> None:
    assert match(letter("reply.pdf", letterhead)).trust_code == code


def test_ocr_noise_in_the_letterhead() -> None:
    result = match(
        letter("scan_0931.pdf", "Great 0rmond Street Hospita1 for Chi1dren NHS Foundation Trust")
    )
    assert (result.trust_code, result.method) == ("RP4", "letterhead")


def test_acronym_in_lower_case_prose_is_a_word() -> None:
    sash = match(letter("reply.pdf", "Replacement sash windows and the slam of doors"))
    assert_flagged(sash)


# --- similar names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letterhead", "code"),
    [
        ("University Hospitals Dorset NHS Foundation Trust", "R0D"),
        ("Dorset HealthCare University NHS Foundation Trust", "RDY"),
        ("Isle of Wight NHS Trust", "R1F"),
        ("Hampshire and Isle of Wight Healthcare NHS Foundation Trust", "RW1"),
        ("South Tyneside and Sunderland NHS Foundation Trust", "R0B"),
        ("Sheffield Children's NHS Foundation Trust", "RCU"),
        ("Sheffield Teaching Hospitals NHS Foundation Trust", "RHQ"),
        ("Birmingham Women's and Children's NHS Foundation Trust", "RQ3"),
        ("Leeds Community Healthcare NHS Trust", "RY6"),
        ("Leeds Teaching Hospitals NHS Trust", "RR8"),
        ("South West London and St George's Mental Health NHS Trust", "RQY"),
        ("St George's University Hospitals NHS Foundation Trust", "RJ7"),
    ],
)
def test_similar_names_choose_the_longer_exact_name(letterhead: str, code: str) -> None:
    result = match(letter("reply.pdf", letterhead))
    assert result.trust_code == code, result.message


def test_place_name_that_is_also_a_trust_core_needs_the_suffix() -> None:
    # "West London" is a place (in the requester's address, say); "West London NHS Trust" a trust.
    assert_flagged(match(letter("reply.pdf", "Ms R Okafor\nWest London")))
    assert match(letter("reply.pdf", "West London NHS Trust")).trust_code == "RKL"


def test_site_names_in_the_address_do_not_compete() -> None:
    # "Poole Hospital" was a trust (closed) and is now a site of University Hospitals Dorset.
    result = match(
        letter(
            "reply.pdf",
            "University Hospitals Dorset NHS Foundation Trust\nPoole Hospital, Longfleet Road",
        )
    )
    assert result.trust_code == "R0D"


def test_closed_trusts_are_valid_matches() -> None:
    result = match(letter("old reply 2015.pdf", "Heart of England NHS Foundation Trust"))
    assert result.trust_code == "RR1"


# --- groups, traps, ambiguity ------------------------------------------------------------------


def test_trust_named_only_in_the_attachment() -> None:
    mail = doc(
        "inbox/FOI 24-6612.eml",
        ("Subject: FOI 24-6612 - Response", E),
        ("From: FOI Team <foi@nhs.net>", E),
        ("Good afternoon, please find attached our response.", B),
        ("Kind regards", B),
        ("FOI Team", B),
    )
    attachment = doc(
        "inbox/FOI 24-6612.eml > FOI 24-6612 response.pdf",
        ("Royal Free London NHS Foundation Trust", H),
        *LETTER_BODY,
    )
    assert match(mail).trust_code == ""
    result = match(mail, attachment)
    assert (result.trust_code, result.method) == ("RAL", "letterhead")


def test_quoted_request_does_not_produce_a_match() -> None:
    reply = doc(
        "RE_ Freedom of Information request.eml",
        ("Subject: RE: Freedom of Information request", E),
        ("From: Information Governance <foi@nhs.net>", E),
        ("Dear Rachel,", B),
        ("Please see our answers below.", B),
        ("Regards, FOI team", B),
        (
            "-----Original Message-----\nFrom: Rachel Okafor <r.okafor@example.org>\n"
            "Sent: 04 November 2024\nTo: Walsall Healthcare NHS Trust FOI\n"
            "Dear Walsall Healthcare NHS Trust,\nPlease tell me about Walsall Healthcare NHS Trust.",
            B,
        ),
    )
    result = match(reply)
    assert_flagged(result)
    assert not [e for e in document_evidence(reply, load_register()) if e.code == "RBK"]


def test_you_asked_section_is_not_evidence() -> None:
    reply = letter(
        "reply.pdf",
        "Oxleas NHS Foundation Trust",
        ("You asked:", B),
        ("Please compare your policy with Lewisham and Greenwich NHS Trust's policy.", B),
        ("Our response:", B),
        ("We do not hold that information.", B),
    )
    assert match(reply).trust_code == "RPG"
    assert not [e for e in document_evidence(reply, load_register()) if e.code == "RJ2"]


def test_disclosure_log_mentioning_other_trusts() -> None:
    page = doc(
        "disclosure-log-november-2024.html",
        ("Disclosure log | Chelsea and Westminster Hospital NHS Foundation Trust", T),
        ("Accept all cookies", B),
        ("Chelsea and Westminster Hospital NHS Foundation Trust logo", H),
        ("FOI 24-0981: Training shared with Imperial College Healthcare NHS Trust", T),
        ("Our partners Imperial College Healthcare NHS Trust deliver the course.", B),
        ("FOI 24-1012: Car parking", B),
        ("Response: see attached.", B),
        ("Accessibility", F),
        page_locators=False,
    )
    result = match(page)
    assert result.trust_code == "RQM"


def test_two_trusts_with_comparable_evidence_are_ambiguous() -> None:
    joint = letter(
        "joint reply.pdf",
        "Oxleas NHS Foundation Trust\nLewisham and Greenwich NHS Trust",
    )
    result = match(joint)
    assert_flagged(result)
    assert result.method == "ambiguous"
    assert set(result.candidates) == {"RPG", "RJ2"}
    assert "RPG" in result.message and "RJ2" in result.message


def test_file_name_and_letterhead_disagree() -> None:
    result = match(letter("RA9 FOI 4412.pdf", "Walsall Healthcare NHS Trust"))
    assert_flagged(result)
    assert set(result.candidates) >= {"RA9", "RBK"}


def test_nothing_to_go_on() -> None:
    result = match(doc("scan_0001.pdf", ("Thank you for your request.", B)))
    assert result == Match("", "none", 0.0, result.message, ())
    assert result.message.startswith("no trust found")


def test_evidence_adds_up_to_at_most_100() -> None:
    result = match(
        letter(
            "RGT CUH FOI response.pdf",
            "Cambridge University Hospitals NHS Foundation Trust\nHills Road, Cambridge CB2 0QQ",
            ("Cambridge University Hospitals NHS Foundation Trust", B),
        )
    )
    assert result.trust_code == "RGT"
    assert MATCH_THRESHOLD <= result.score <= 100


def test_small_custom_register() -> None:
    register = Register(
        (
            Trust("ZZ1", "Example Valley NHS Trust", "London", "acute", "2000-01-01"),
            Trust("ZZ2", "Example Valley Community NHS Trust", "London", "community", "2000-01-01"),
        )
    )
    first = match_group([letter("r.pdf", "Example Valley NHS Trust")], register)
    second = match_group([letter("r.pdf", "Example Valley Community NHS Trust")], register)
    assert (first.trust_code, second.trust_code) == ("ZZ1", "ZZ2")


def test_plain_text_log_whose_first_line_names_the_trust() -> None:
    # Regression: a TXT disclosure log opening with the trust's name in capitals, in a block that
    # runs on with its title and a rule, was left unmatched.
    log = doc(
        "disclosure_log_Q3.txt",
        (
            "EAST OF ENGLAND AMBULANCE SERVICE NHS TRUST\n"
            "Freedom of Information disclosure log - October to December 2024\n"
            "==============================================",
            B,
        ),
        ("Ref: 24-0932\nSubject: Fleet age\nResponse: 4.6 years.", B),
        page_locators=False,
    )
    assert match(log).trust_code == "RYC"


def test_acknowledgement_mail_naming_the_trust_in_its_first_lines() -> None:
    # Regression: an automatic acknowledgement from "St George's FOI" that names the trust only
    # in its first sentence (wrapped over two lines) was left unmatched.
    mail = doc(
        "Automatic reply - FOI request received.eml",
        ("This is an automated acknowledgement.", B),
        (
            "Thank you for contacting the Freedom of Information team at St George's University "
            "Hospitals NHS\nFoundation Trust. Your request has been logged.",
            B,
        ),
        ("Please do not reply to this message.", B),
        headers=(
            ("From", "St George's FOI <stgeorges.foi@nhs.net>"),
            ("Subject", "Automatic reply"),
        ),
        page_locators=False,
    )
    assert match(mail).trust_code == "RJ7"


def test_plain_text_log_with_rules_between_entries() -> None:
    # Regression: rule lines ("=====") below the heading were taken for the letterhead and the
    # trust's name on the first line was scored as a body mention.
    log = doc(
        "disclosure_log_dec24.txt",
        ("EAST CHESHIRE NHS TRUST\nFreedom of Information - Disclosure Log - December 2024", B),
        ("=" * 60 + "\nRef: FOI/24/1402    Received: 29/10/2024", B),
        ("Request: Please provide the car parking contract value.", B),
        page_locators=False,
    )
    assert match(log).trust_code == "RJN"


def test_acknowledgement_signed_below_the_quoted_request() -> None:
    # Regression: "Your request:" skipped the next three blocks, signature included.
    mail = doc(
        "Automatic reply received.eml",
        ("This is to acknowledge receipt of your request for information.", B),
        ("Your request:\n1. Does the Trust have a dedicated policy on sexual safety?", B),
        ("Lancashire & South Cumbria NHS Foundation Trust\nFOI Team", B),
        headers=(("From", "foi@lscft.example"), ("Subject", "Acknowledgement")),
        page_locators=False,
    )
    assert match(mail).trust_code == "RW5"


def test_forwarded_reply_is_the_trusts_text() -> None:
    # Regression: the header of a forwarded message ("From: ... Date: ...") was taken for a
    # quoted earlier message, so the trust's reply and signature below it were ignored.
    mail = doc(
        "Fwd FOI reply.eml",
        (
            "Forwarding for the file.\n\n---------- Forwarded message ---------\n"
            "From: FOI Team <foi@kmpt.example>\nDate: 29 Nov 2024\nSubject: FW: FOI response",
            B,
        ),
        ("Question 1: A Sexual Safety Policy has been drafted.", B),
        ("Kent and Medway Mental Health NHS Trust\nFOI Team", B),
        headers=(("From", "rachel@example.org"), ("Subject", "Fwd: FOI response")),
        page_locators=False,
    )
    assert match(mail).trust_code == "RXY"
