"""The trust matcher on synthetic documents built here: each signal, each tolerance, the traps."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from foi_audit.dataset.layout import Layout
from foi_audit.ingest.pipeline import IngestOptions, ingest
from foi_audit.matching.joint import joint_cues
from foi_audit.matching.matcher import MATCH_THRESHOLD, document_evidence, match_group
from foi_audit.matching.names import name_index
from foi_audit.matching.references import file_links, file_match, link_files, name_references
from foi_audit.matching.zones import zones_of
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
    assert "pin the file in mapping.csv" in result.message


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


def test_a_sentence_read_as_a_pages_header_is_no_letterhead() -> None:
    """Round 75: a policy saved beside a reply, its first paragraphs read as the page's header,
    says it "supports the NHS England Sexual Safety in Healthcare Charter": a body named in a
    sentence is not the writer, and the file was reported out of scope; a body's name as a
    letterhead's line still is."""
    policy = doc(
        "Sexual Safety Policy v2.0.pdf",
        ("Sexual Safety Policy", H),
        ("Version 2.0 – approved by the People and Culture Committee, 12 March 2024", H),
        (
            "This policy sets out how the organisation prevents and responds to sexual "
            "harassment affecting staff, and supports the NHS England Sexual Safety in "
            "Healthcare Charter.",
            H,
        ),
        ("3. Responsibilities", B),
        ("The executive lead for sexual safety is the Chief People Officer.", B),
    )
    assert match(policy).method != "out_of_scope"
    assert match(letter("reply.pdf", "NHS England")).method == "out_of_scope"


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


def _scanned(document: Document) -> Document:
    return replace(document, ocr=True)


def test_ocr_noise_in_the_letterhead() -> None:
    result = match(
        _scanned(
            letter(
                "scan_0931.pdf", "Great 0rmond Street Hospita1 for Chi1dren NHS Foundation Trust"
            )
        )
    )
    assert (result.trust_code, result.method) == ("RP4", "letterhead")


def test_a_near_miss_in_typed_text_is_another_trusts_name() -> None:
    """A web page titled with a trust's former name, "Worcestershire Health and Care NHS
    Trust", is not a garbled "Gloucestershire Health and Care NHS Foundation Trust": close
    readings are OCR's noise, and this text was typed."""
    page = letter(
        "FOI-1452-sexual-safety.html",
        "FOI 1452 - Sexual safety of staff - Worcestershire Health and Care NHS Trust",
    )
    assert match(page).trust_code != "RTQ"


def test_a_letterhead_garbled_past_the_fuzzy_cutoff_needs_a_second_sign() -> None:
    garbled = "Shropshire Gantnuuliy Health NHS Trust"
    alone = match(_scanned(letter("Document_20241203_0915.pdf", garbled)))
    assert_flagged(alone)
    assert "R1D" in alone.candidates
    with_postcode = match(
        _scanned(
            letter(
                "Document_20241203_0915.pdf",
                garbled,
                ("Mount McKinley, Anchorage Avenue - Shrewsbury Business Park, SY2 6FG", H),
            )
        )
    )
    assert with_postcode.trust_code == "R1D"


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


def test_a_sender_domain_of_initials_yields_to_a_trust_named_in_full() -> None:
    # "sch" is Shropshire Community Health's initials, and Sheffield Children's writes from it
    named = doc(
        "FW FOI request SCH-FOI-1829.eml",
        ("Apologies for the delay - please see our answers below.", B),
        ("Jonty Haslam\nFOI Officer, Sheffield Children's NHS Foundation Trust", B),
        headers=(("From", "Jonty Haslam <j.haslam@sch-nhs.example>"), ("Subject", "FW: FOI")),
        page_locators=False,
    )
    assert match(named).trust_code == "RCU"
    alone = doc(
        "RE FOI.eml",
        ("Please see our answers below.", B),
        headers=(("From", "FOI <foi@sch-nhs.example>"), ("Subject", "RE: FOI")),
        page_locators=False,
    )
    assert match(alone).trust_code == "R1D"


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


# --- weight of evidence ------------------------------------------------------------------------


def test_acronym_in_the_file_name_that_fits_another_trust_is_a_weak_cue() -> None:
    # "KCHFT" is Kent Community Health's acronym and King's College Hospital's initials too:
    # against the full name in the letterhead, opening and signature it tells nothing.
    reply = doc(
        "KCHFT_FOI_IG-FOI-1384.pdf",
        ("King's College Hospital NHS Foundation Trust", H),
        ("Dear Ms Okafor", B),
        ("Thank you for your request to King's College Hospital NHS Foundation Trust.", B),
        ("1. The Trust has a dedicated Sexual Safety Policy.", B),
        ("Yours sincerely", B),
        ("Information Governance, King's College Hospital NHS Foundation Trust", B),
    )
    result = match(reply)
    assert (result.trust_code, result.method) == ("RJZ", "letterhead"), result.message
    weak = [e for e in document_evidence(reply, load_register()) if e.code == "RYY"]
    assert weak and not any(e.strong for e in weak)


def test_a_domain_several_trusts_fit_does_not_outweigh_the_full_name() -> None:
    # bthft: Blackpool Teaching Hospitals and Bradford Teaching Hospitals both.
    mail = doc(
        "FOI response - BTHFT.eml",
        ("Please find our response attached.", B),
        headers=(("From", "Corporate Affairs <information.governance@bthft.nhs.uk>"),),
    )
    attachment = letter(
        "FOI response - BTHFT.eml > Blackpool Teaching Hospitals NHS Foundation Trust FOI.docx",
        "Blackpool Teaching Hospitals NHS Foundation Trust\nVictoria Hospital, Blackpool FY3 8NR",
        ("Blackpool Teaching Hospitals NHS Foundation Trust", B),
    )
    result = match(mail, attachment)
    assert result.trust_code == "RXL", result.message
    assert "RAE" not in result.candidates


def test_a_street_named_like_another_trust_does_not_outweigh_repeated_full_names() -> None:
    # "Clatterbridge" (Road) is the Clatterbridge Cancer Centre's short name.
    mail = doc(
        "RE_ FOI request.eml",
        ("FOI Office, Clatterbridge Road, Bebington", B),
        ("Wirral University Teaching Hospital NHS Foundation Trust answers as follows.", B),
        *LETTER_BODY,
        ("Wirral University Teaching Hospital NHS Foundation Trust", B),
        headers=(
            ("From", "Wirral University Teaching Hospital NHS Foundation Trust <foi@nhs.net>"),
            ("Subject", "RE: FOI request"),
        ),
        page_locators=False,
    )
    result = match(mail)
    assert result.trust_code == "RBL", result.message


def test_strong_evidence_for_two_trusts_stays_ambiguous_with_both_named() -> None:
    result = match(letter("RA9 FOI 4412.pdf", "Walsall Healthcare NHS Trust"))
    assert result.method == "ambiguous"
    assert set(result.candidates) == {"RA9", "RBK"}
    assert {line.split(":")[1].split()[0] for line in result.evidence} == {"RA9", "RBK"}


def test_evidence_lists_each_signals_contribution() -> None:
    mail = doc(
        "reply.eml",
        ("Dear Ms Okafor", B),
        ("Please see our answers below.", B),
        ("Kind regards", B),
        ("FOI Team\nCroydon Health Services NHS Trust", B),
        headers=(("From", "FOI <foi@croydonhealth.nhs.uk>"), ("Subject", "Your request")),
        page_locators=False,
    )
    result = match(mail)
    assert result.trust_code == "RJ6"
    assert "signature:RJ6 'Croydon Health Services NHS Trust' +50" in result.evidence
    assert "sender_domain:RJ6 'croydonhealth.nhs.uk' +25" in result.evidence


# --- sender domains ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sender", "code"),
    [
        ("foi@ysthft.nhs.uk", "RCB"),  # York and Scarborough Teaching Hospitals NHS FT
        ("Freedom of Information <foi@swast.nhs.uk>", "RYF"),  # South Western Ambulance Service
        ("foi@northumbriahealthcare.nhs.uk", "RTF"),  # the name run together
        ("information.rights@leedsth.nhs.uk", "RR8"),  # a known domain (data/domains.csv)
    ],
)
def test_the_senders_domain_alone_matches(sender: str, code: str) -> None:
    mail = doc(
        "Re_ Freedom of Information request.eml",
        ("Dear Ms Okafor,", B),
        ("Please see the Trust's response below.", B),
        ("Kind regards", B),
        ("FOI Team", B),
        headers=(("From", sender), ("Subject", "Re: Freedom of Information request")),
        page_locators=False,
    )
    result = match(mail)
    assert (result.trust_code, result.method) == (code, "sender_domain"), result.message


@pytest.mark.parametrize("sender", ["foi@nhs.net", "someone@gmail.com", "a.person@outlook.com"])
def test_generic_mail_domains_are_no_evidence(sender: str) -> None:
    mail = doc(
        "reply.eml",
        ("Please see our answers below.", B),
        headers=(("From", sender),),
        page_locators=False,
    )
    assert not [e for e in document_evidence(mail, load_register()) if e.signal == "sender_domain"]
    assert_flagged(match(mail))


# --- joint replies -----------------------------------------------------------------------------


def test_joint_reply_with_a_column_per_trust() -> None:
    reply = doc(
        "UHN FOI 24-4471 joint response.pdf",
        ("University Hospitals of Northamptonshire NHS Group", H),
        (
            "Kettering General Hospital NHS Foundation Trust - Rothwell Road, Kettering\n"
            "Northampton General Hospital NHS Trust - Cliftonville, Northampton",
            H,
        ),
        ("Dear Ms Okafor", B),
        ("As the Group has a single FOI service we have answered for both Trusts.", B),
        (
            "Your question | Kettering General Hospital NHS Foundation Trust | "
            "Northampton General Hospital NHS Trust",
            BlockRole.TABLE,
        ),
        ("1. Policy | Yes | Not yet", BlockRole.TABLE),
        ("Yours sincerely", B),
        ("Group FOI Service", B),
    )
    result = match(reply)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RNQ", "RNS"}
    assert result.trust_code not in result.also
    assert set(result.candidates) == {"RNQ", "RNS"}


def test_a_regional_return_with_a_row_per_trust_answers_for_each_and_not_for_the_icb() -> None:
    """A workbook a network of trusts answered in together: each row opens with one trust's
    name (and one with an ICB's, for information). It answers for the trusts; the ICB is none."""
    reply = doc(
        "Network FOI return.xlsx",
        ("Regional FOI network - consolidated return", H),
        ("Each organisation remains responsible for its own answers.", B),
        ("Organisation | FOI ref | Q1 Dedicated policy | Q2 ABT provided", BlockRole.TABLE),
        ("Kettering General Hospital NHS Foundation Trust | K-24-1 | Yes | No", BlockRole.TABLE),
        ("Northampton General Hospital NHS Trust | N-24-9 | No | No", BlockRole.TABLE),
        ("NHS Northamptonshire Integrated Care Board | ICB-3 | Yes | Yes", BlockRole.TABLE),
    )
    result = match(reply)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RNQ", "RNS"}
    assert "a row per trust" in result.message


def test_a_collated_return_keyed_by_ods_code_then_name_answers_for_each_row_s_trust() -> None:
    """Rows opening with the trust's ODS code and then its name ("RNQ | Kettering General
    ... | Y | ..."): the name in the second cell says whose row it is."""
    reply = doc(
        "Collated FOI return.xlsx",
        ("Collated FOI return", H),
        ("ODS | Trust | Dedicated policy (Y/N) | ABT (Y/N)", BlockRole.TABLE),
        ("RNQ | Kettering General Hospital NHS Foundation Trust | Y | N", BlockRole.TABLE),
        ("RNS | Northampton General Hospital NHS Trust | N | N", BlockRole.TABLE),
    )
    result = match(reply)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RNQ", "RNS"}


def test_a_hosted_return_answers_for_every_trust_with_a_row_not_only_its_host() -> None:
    """A collaborative's table of member trusts' answers, its footer naming the host trust:
    the rows' trusts are named only in the body (weak evidence each), yet the file answers
    for all of them, not for the host alone (which would read the others' rows as its own)."""
    reply = doc(
        "Provider collaborative coordinated response.docx",
        ("Coordinated Freedom of Information response", B),
        ("Member trust | Q1 Policy | Q2 Active Bystander Training | Q4 DASV lead", BlockRole.TABLE),
        (
            "Kettering General Hospital NHS Foundation Trust | Yes | No | Chief Nurse",
            BlockRole.TABLE,
        ),
        (
            "Northampton General Hospital NHS Trust | No | Yes, in-house | Chief Nurse",
            BlockRole.TABLE,
        ),
        ("Hosted by Kettering General Hospital NHS Foundation Trust", BlockRole.FOOTER),
    )
    result = match(reply)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RNQ", "RNS"}


def test_joint_reply_answering_both_requests_in_one_letter() -> None:
    reply = doc(
        "UHN FOI 24-5567 KGH NGH response.docx",
        ("University Hospitals of Northamptonshire NHS Group", H),
        ("Dear Dr Tallis", B),
        (
            "You sent the same request to Kettering General Hospital NHS Foundation Trust and to "
            "Northampton General Hospital NHS Trust. As the two Trusts work together as "
            "University Hospitals of Northamptonshire, we are answering both requests in this "
            "letter.",
            B,
        ),
        ("1. Policy | Being drafted.", BlockRole.TABLE),
        ("Yours sincerely", B),
        (
            "Group Information Governance, for Kettering General Hospital NHS Foundation Trust "
            "and Northampton General Hospital NHS Trust",
            B,
        ),
    )
    result = match(reply)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RNQ", "RNS"}


def test_joint_reply_whose_single_response_covers_both_organisations() -> None:
    """ "Your request was sent to both A and B ... this single response covers both
    organisations": one letter for both trusts under the group's letterhead."""
    reply = doc(
        "UHN Group joint FOI response KGH-NGH 24-1140.pdf",
        ("University Hospitals of Northamptonshire NHS Group Rothwell Road, Kettering", H),
        ("Dear Dr Whitcombe,", B),
        (
            "Your request was sent to both Kettering General Hospital NHS Foundation Trust and "
            "Northampton General Hospital NHS Trust. As the two trusts work together as University "
            "Hospitals of Northamptonshire, this single response covers both organisations.",
            B,
        ),
        ("Question 1: Yes. Both trusts have adopted the Group Sexual Safety Policy.", B),
        ("Yours sincerely", B),
    )
    result = match(reply)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RNQ", "RNS"}


def test_a_letter_answering_all_three_questions_is_no_joint_reply() -> None:
    """ "This letter answers all three questions": of one request, not three trusts'."""
    reply = doc(
        "KGH FOI 24-1140 response.pdf",
        ("Kettering General Hospital NHS Foundation Trust, Rothwell Road, Kettering", H),
        ("Dear Dr Whitcombe,", B),
        ("This letter answers all three questions you asked on 4 November.", B),
        ("1. Yes. The Trust has a Sexual Safety Policy.", B),
        ("Yours sincerely", B),
    )
    result = match(reply)
    assert result.method != "joint" and result.trust_code == "RNQ", result.message


def test_joint_reply_to_requests_answered_together() -> None:
    """ "Thank you for your requests to A and B ... we have answered them together": one
    letter for both trusts, though its letterhead is the group's and its table's columns
    name the hospitals only by their short names."""
    reply = doc(
        "UHN FOI 24-0932 and 24-1488 joint response.pdf",
        (
            "University Hospitals of Northamptonshire NHS Group, Rothwell Road, Kettering NN16 8UZ",
            H,
        ),
        ("Dear Dr Kessington,", B),
        (
            "Thank you for your requests to Kettering General Hospital NHS Foundation Trust and "
            "Northampton General Hospital NHS Trust. As the two requests were identical we have "
            "answered them together.",
            B,
        ),
        ("Q | Kettering General Hospital (KGH) | Northampton General Hospital (NGH)", T),
        ("5 | No dedicated policy. | As KGH.", T),
        ("Yours sincerely,", B),
        (
            "Kettering General Hospital NHS Foundation Trust | Northampton General Hospital NHS Trust",
            F,
        ),
    )
    result = match(reply)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RNQ", "RNS"}


def test_a_regional_returns_rows_of_providers_are_no_joint_reply() -> None:
    """An ICB's template lists its providers a row each ("Whittington Health NHS Trust |
    RKE"), one row filled: rows naming one trust each are no sections of a joint reply, and the
    rows left for others to fill are a list of others, not the writer."""
    sheet = doc(
        "NCL sexual safety FOI return - RFL.xlsx",
        ("North Central London - Sexual safety FOI request - provider returns", T),
        ("Provider | ODS | Dedicated policy? (Y/N) | ABT provided? (Y/N)", BlockRole.TABLE),
        ("Great Ormond Street Hospital for Children NHS Foundation Trust | RP4", BlockRole.TABLE),
        ("Moorfields Eye Hospital NHS Foundation Trust | RP6", BlockRole.TABLE),
        ("Royal Free London NHS Foundation Trust | RAL | N | N", BlockRole.TABLE),
        ("Whittington Health NHS Trust | RKE", BlockRole.TABLE),
        page_locators=False,
    )
    found = match(sheet)
    assert (found.trust_code, found.also) == ("RAL", ())  # the filled row's and the file's "RFL"


def test_a_national_templates_rows_code_first_are_a_list_of_others() -> None:
    """The same template with each row's ODS code before the trust's name ("RAE | Bradford
    Teaching Hospitals NHS Foundation Trust"), one row filled: the filled row's trust."""
    sheet = doc(
        "FOI_template_SexualSafety_completed.xlsx",
        ("Freedom of Information - national response template", T),
        ("Org code | Organisation name | Q1 | Q2 | Q3 | Q4", BlockRole.TABLE),
        ("RAE | Bradford Teaching Hospitals NHS Foundation Trust", BlockRole.TABLE),
        ("RAJ | Mid and South Essex NHS Foundation Trust", BlockRole.TABLE),
        (
            "RK5 | Sherwood Forest Hospitals NHS Foundation Trust | Yes | Yes | N/A | Yes",
            BlockRole.TABLE,
        ),
        ("RM1 | Norfolk and Norwich University Hospitals NHS Foundation Trust", BlockRole.TABLE),
        page_locators=False,
    )
    found = match(sheet)
    assert (found.trust_code, found.also) == ("RK5", ()), found.message


def test_rows_of_codes_and_names_with_no_row_filled_are_no_list_of_others() -> None:
    """The listing rule passes over rows of others only beside a filled row, and only rows
    whose code is a trust's: a joint reply's table of its trusts, a trust's own sites under it
    ("RK5BC | King's Mill Hospital") and years ("2021 | 48 staff") keep their evidence."""
    joint = doc(
        "WYAAT joint response.xlsx",
        ("Joint response on behalf of the West Yorkshire Association of Acute Trusts", T),
        ("Org code | Organisation | Q1 | Q2", BlockRole.TABLE),
        ("RAE | Bradford Teaching Hospitals NHS Foundation Trust", BlockRole.TABLE),
        ("RCF | Airedale NHS Foundation Trust", BlockRole.TABLE),
        ("RWY | Calderdale and Huddersfield NHS Foundation Trust", BlockRole.TABLE),
        ("RXF | Mid Yorkshire Teaching NHS Trust", BlockRole.TABLE),
        ("Q1 | Yes, each trust has a Sexual Safety Policy.", BlockRole.TABLE),
        page_locators=False,
    )
    found = match(joint)
    assert found.method == "joint" and {found.trust_code, *found.also} >= {"RAE", "RCF"}
    sites = doc(
        "SFH FOI response.xlsx",
        ("RK5 | Sherwood Forest Hospitals NHS Foundation Trust", BlockRole.TABLE),
        ("RK5BC | King's Mill Hospital", BlockRole.TABLE),
        ("RK5HP | Newark Hospital", BlockRole.TABLE),
        ("RK5PM | Mansfield Community Hospital", BlockRole.TABLE),
        ("Q2 | Yes - delivered in-house", BlockRole.TABLE),
        page_locators=False,
    )
    assert match(sites).trust_code == "RK5"
    years = doc(
        "NNUH FOI response.xlsx",
        ("RM1 | Norfolk and Norwich University Hospitals NHS Foundation Trust", BlockRole.TABLE),
        ("Q2 | Yes - delivered in-house", BlockRole.TABLE),
        ("2021 | 48 staff", BlockRole.TABLE),
        ("2022 | 112 staff", BlockRole.TABLE),
        ("2023 | 167 staff", BlockRole.TABLE),
        page_locators=False,
    )
    assert match(years).trust_code == "RM1"


def test_joint_reply_on_behalf_of_two_trusts() -> None:
    mail = doc(
        "RE_ Freedom of Information Request.eml",
        ("Dear Ms Okafor,", B),
        ("You sent identical requests to both Trusts; they share an FOI service.", B),
        ("1. Yes.", B),
        ("Yours sincerely,", B),
        (
            "Wirral FOI Service\non behalf of Wirral University Teaching Hospital NHS Foundation "
            "Trust and Wirral Community Health and Care NHS Foundation Trust",
            B,
        ),
        headers=(("From", "Wirral FOI Service <wirral.foi@nhs.net>"),),
        page_locators=False,
    )
    result = match(mail)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RBL", "RY7"}


def test_joint_reply_with_a_section_per_trust() -> None:
    reply = doc(
        "Joint FOI response 0392.docx",
        ("Mid Cheshire Hospitals NHS Foundation Trust | East Cheshire NHS Trust", H),
        ("Dear Ms Okafor,", B),
        ("The two Trusts share an Information Governance service; each Trust's answers follow.", B),
        ("Section A - Mid Cheshire Hospitals NHS Foundation Trust", B),
        ("1. No separate policy.", B),
        ("Section B - East Cheshire NHS Trust", B),
        ("1. Yes.", B),
        ("Yours sincerely,", B),
        ("Joint Information Governance Service", B),
        page_locators=False,
    )
    result = match(reply)
    assert result.method == "joint"
    assert {result.trust_code, *result.also} == {"RBT", "RJN"}


# --- dated matching ----------------------------------------------------------------------------


def test_a_closed_trusts_letterhead_after_its_close_goes_to_its_successor() -> None:
    # Hounslow and Richmond Community Healthcare (RY9) closed on 31 October 2024; Kingston and
    # Richmond (RAX) took it over.
    reply = letter(
        "FOI 24-611 response.docx", "Hounslow and Richmond Community Healthcare NHS Trust"
    )
    dated = match_group([reply], load_register(), reply_date="2024-11-08")
    assert dated.trust_code == "RAX", dated.message
    assert "RY9 closed 2024-10-31" in dated.message
    assert any("[RY9 closed 2024-10-31]" in line for line in dated.evidence)
    before = match_group([reply], load_register(), reply_date="2024-10-01")
    assert before.trust_code == "RY9"
    assert match(reply).trust_code == "RY9"  # no date: the letter may be old


def test_a_chain_of_mergers_is_followed_to_the_trust_open_on_the_date() -> None:
    # Trafford Healthcare (RM4) -> Central Manchester (RW3, 2012) -> Manchester University (2017).
    reply = letter("reply.pdf", "Trafford Healthcare NHS Trust")
    register = load_register()
    assert match_group([reply], register, reply_date="2015-06-01").trust_code == "RW3"
    assert match_group([reply], register, reply_date="2024-06-01").trust_code == "R0A"


def test_a_predecessors_site_beside_its_successors_name_is_one_trust() -> None:
    # "Poole Hospital" (a trust until 2020) and its HQ postcode in a UHD letter, undated.
    reply = letter(
        "FOI_Response_FOI 1525.pdf",
        "University Hospitals Dorset NHS Foundation Trust\n"
        "Management Offices | Poole Hospital | Longfleet Road | Poole | BH15 2JB",
        ("Information Rights Team, Poole Hospital, Longfleet Road, BH15 2JB", F),
    )
    result = match(reply)
    assert result.trust_code == "R0D", result.message


# --- out of scope ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letterhead", "body"),
    [
        ("Hywel Dda University Health Board", "Hywel Dda University Health Board"),
        ("Aneurin Bevan University Health Board", "Welsh health board"),
        ("NHS Greater Glasgow and Clyde", "NHS Greater Glasgow and Clyde"),
        ("NHS England\nPO Box 16738, Redditch", "NHS England"),
        ("Warwickshire County Council", "Warwickshire County Council"),
        ("NHS Cheshire and Merseyside Integrated Care Board", "Integrated Care Board"),
        ("London Borough of Camden", "London Borough of Camden"),
        ("Mill Lane Medical Practice", "Mill Lane Medical Practice (GP practice)"),
        ("Riverside Health Centre", "Riverside Health Centre (GP practice)"),
        ("Calder Vale GP Federation", "Calder Vale GP Federation (GP federation)"),
        ("Northgate Primary Care Network", "Northgate Primary Care Network (primary care network)"),
    ],
)
def test_bodies_that_are_not_trusts_are_out_of_scope(letterhead: str, body: str) -> None:
    result = match(letter("FOI 12345 response.pdf", letterhead, ("Freedom of Information Team", B)))
    assert (result.trust_code, result.method) == ("", "out_of_scope"), result.message
    assert body in result.message and "not an NHS trust in England" in result.message
    assert "mapping.csv" not in result.message  # nothing to pin
    assert result.candidates == ()


def test_an_icb_whose_name_overlaps_a_trust_is_not_that_trust() -> None:
    reply = doc(
        "FOI ICB 24-0934 response.docx",
        ("NHS Frimley Integrated Care Board", H),
        ("Dear Ms Okafor", B),
        (
            "NHS Frimley Integrated Care Board (the ICB) is separate from Frimley Health NHS "
            "Foundation Trust, which runs Frimley Park Hospital.",
            B,
        ),
        ("1. The ICB has no dedicated policy.", B),
        ("Yours sincerely", B),
        ("Corporate Governance Team, NHS Frimley ICB", B),
    )
    result = match(reply)
    assert result.method == "out_of_scope", result.message
    assert "NHS Frimley Integrated Care Board" in result.message
    assert "RDU" not in result.candidates


def test_a_health_boards_own_initials_in_the_file_name_name_no_trust() -> None:
    """ "Hywel Dda UHB FOI ...": UHB shortens University Health Board, the body the file name
    and the mail name; it is not University Hospitals Birmingham's initials (before, the file
    was left ambiguous between the two)."""
    mail = doc(
        "Hywel Dda UHB FOI 25-0041.eml",
        ("From: Hywel Dda UHB FOI <hdd.foi@wales.nhs.example>", E),
        ("Dear Dr Brennan-Shaw,", B),
        ("Although your request was addressed to English NHS trusts, Hywel Dda University"
         " Health Board is pleased to respond.", B),
        ("1. The Health Board has an All Wales Dignity at Work Policy.", B),
        ("Hywel Dda University Health Board", B),
    )  # fmt: skip
    result = match(mail)
    assert result.method == "out_of_scope", result.message
    assert "RRK" not in result.candidates


def test_a_mails_background_on_what_nhs_england_did_is_no_sender() -> None:
    """Round 59: a mail's opening paragraph ("In September 2023 NHS England launched its sexual
    safety charter, and United Lincolnshire ... signed it") was read as the sender's own words,
    and the reply left between its trust and NHS England."""
    mail = doc(
        "ULTH FOI 24-3019 Response.eml",
        ("From: ULTH FOI <ulth.foi@nhs.net>", E),
        ("Dear Mr Renwick,", B),
        ("Thank you for your Freedom of Information request (ULTH FOI 24-3019). In September"
         " 2023 NHS England launched its sexual safety charter, and the Trust was among the"
         " first to sign it.", B),
        ("1) Our Sexual Safety Policy was ratified in June 2024.", B),
    )  # fmt: skip
    result = match(mail)
    assert result.trust_code == "RWD", result.message


def test_a_postcode_whose_zero_ocr_read_as_o_still_names_its_trust() -> None:
    """A scanned letterhead that lost the trust's name ("Healthcare NHS Trust") keeps its
    address; "HP7 OJD" is HP7 0JD as OCR reads it, so the trust is put before a person (before,
    the file was unmatched with no candidate)."""
    scan = doc(
        "FOI 24-1149 response.pdf",
        ("Healthcare NHS Trust", H),
        ("Amersham Hospital, Whielden Street, Amersham HP7 OJD | 0118 496 0640", H),
        *LETTER_BODY,
    )
    assert "RXQ" in match(scan).candidates


ICB_LETTER = (
    ("NHS Kent and Medway Integrated Care Board", H),
    ("Dear Dr Raman", B),
    (
        "We have answered for the ICB in Part 1 and, with its agreement, included the answers of "
        "Maidstone and Tunbridge Wells NHS Trust in Part 2.",
        B,
    ),
    ("Part 1 - NHS Kent and Medway ICB", B),
    ("1. The ICB applies its Dignity at Work Policy.", B),
)


def test_a_bodys_reply_carrying_a_trusts_answers_under_their_heading_is_the_trusts() -> None:
    """An ICB's letter whose Part 2 is a trust's own answers: the trust's reply (its answers
    only; the coding leaves out the ICB's part), not out of scope."""
    reply = doc(
        "KMICB FOI 25-0214 response incl MTW.pdf",
        *ICB_LETTER,
        ("Part 2 - Maidstone and Tunbridge Wells NHS Trust", B),
        ("1. Dedicated policy | No.", BlockRole.TABLE),
        ("Yours sincerely, Corporate Affairs, NHS Kent and Medway ICB", B),
    )
    result = match(reply)
    assert (result.trust_code, result.method) == ("RWF", "carried"), result.message
    assert "Part 2 - Maidstone and Tunbridge Wells NHS Trust" in result.message


def test_a_bodys_reply_naming_a_trust_to_write_to_stays_out_of_scope() -> None:
    """ "Please redirect your request to:" above a trust's name and address is no heading of
    that trust's answers: the ICB's reply is counted for no trust."""
    reply = doc(
        "KMICB FOI 25-0214 response.pdf",
        *ICB_LETTER[:2],
        ("The ICB does not hold this information. Please redirect your request to:", B),
        ("Maidstone and Tunbridge Wells NHS Trust", B),
        ("Hermitage Lane, Maidstone", B),
    )
    assert match(reply).method == "out_of_scope"


def test_a_welsh_trusts_ods_code_in_the_file_name_is_out_of_scope() -> None:
    result = match(doc("RT4 FOI 24-0311 response.pdf", *LETTER_BODY))
    assert result.method == "out_of_scope"
    assert "Welsh Ambulance Services NHS Trust" in result.message


def test_a_scottish_senders_domain_is_out_of_scope() -> None:
    mail = doc(
        "2024-FOI-08812 Response.eml",
        ("Dear Ms Okafor", B),
        ("Please find our answers below.", B),
        headers=(("From", "FOI <foi@ggc.scot.nhs.uk>"),),
        page_locators=False,
    )
    result = match(mail)
    assert result.method == "out_of_scope", result.message
    assert "NHS Scotland" in result.message


def test_a_council_named_beside_the_trust_does_not_make_it_out_of_scope() -> None:
    reply = letter(
        "reply.pdf",
        "Kent Community Health NHS Foundation Trust",
        ("Kent Community Health NHS Foundation Trust, in partnership with Kent County Council", F),
    )
    assert match(reply).trust_code == "RYY"


def test_a_request_site_page_to_a_council_naming_trusts_is_out_of_scope() -> None:
    page = doc(
        "Sexual safety policy - Lincolnshire County Council.html",
        (
            "Sexual safety policy - a Freedom of Information request to Lincolnshire County Council",
            T,
        ),
        (
            "Request #48241 made this Freedom of Information request to Lincolnshire County Council",
            B,
        ),
        ("Dear Lincolnshire County Council,", B),
        ("1. Does the Council have a policy?", B),
        ("Yours faithfully,", B),
        ("Ruth Kessington", B),
        ("Lincolnshire County Council · 14 November 2024", B),
        ("Dear Ms Kessington", B),
        ("1. The Council has no dedicated policy.", B),
        (
            "For the NHS in Lincolnshire, contact Lincolnshire Partnership NHS Foundation Trust or "
            "Lincolnshire Community Health Services NHS Trust directly.",
            B,
        ),
        ("Information Governance Team Lincolnshire County Council", B),
        page_locators=False,
    )
    result = match(page)
    assert result.method == "out_of_scope", result.message
    assert "Lincolnshire County Council" in result.message


# --- nothing silent ----------------------------------------------------------------------------


def test_unmatched_and_ambiguous_files_name_their_candidates() -> None:
    weak = match(doc("reply.pdf", ("GOSH Freedom of Information Office", H), *LETTER_BODY))
    assert weak.method == "none" and weak.candidates == ("RP4",)
    assert "RP4" in weak.message and weak.evidence
    both = match(
        letter("reply.pdf", "Oxleas NHS Foundation Trust\nLewisham and Greenwich NHS Trust")
    )
    assert both.method == "ambiguous" and set(both.candidates) == {"RPG", "RJ2"}


# --- files that belong together ----------------------------------------------------------------

TB = BlockRole.TABLE


@pytest.mark.parametrize(
    ("name", "references"),
    [
        ("FOI 24-0877 response letter.pdf", {"24-0877"}),
        ("FW_ FOI 24_0877 Response.eml", {"24-0877"}),  # separators do not matter
        ("HHP joint FOI response - 24-11-5312.pdf", {"24-11-5312"}),
        ("SCAN_20241128_101544.pdf", set()),  # a scanner's date stamp
        ("Letter to requester 14.11.pdf", set()),  # a day and month
        ("Response 04-12-2024.pdf", set()),  # a date
        ("Attachment 1 (1).xlsx", set()),  # a copy's number
        ("Sexual Safety Policy v1.1.pdf", set()),  # a version
        ("FOI 2024 response.pdf", set()),  # a year
    ],
)
def test_reference_numbers_in_file_names(name: str, references: set[str]) -> None:
    assert name_references(name) == references


def _link(*documents: Document) -> dict[str, Match]:
    return link_files([file_match([d], match(d)) for d in documents])


def test_an_appendix_sharing_the_covering_letters_reference_shares_its_trust() -> None:
    cover = letter(
        "ULTH FOI-2024-3307 covering letter.docx",
        "United Lincolnshire Teaching Hospitals NHS Trust",
        ("The answers are in Appendix A.", B),
    )
    appendix = doc(
        "FOI-2024-3307 Appendix A.xlsx",
        ("FOI-2024-3307 - Appendix A", T),
        ("1. Policy | Yes", TB),
        page_locators=False,
    )
    assert match(appendix).trust_code == ""
    linked = _link(cover, appendix)
    new = linked["FOI-2024-3307 Appendix A.xlsx"]
    assert (new.trust_code, new.method) == ("RWD", "same_reference")
    assert new.evidence[0] == (
        "same_reference:RWD '2024-3307' (ULTH FOI-2024-3307 covering letter.docx)"
    )
    assert "ULTH FOI-2024-3307 covering letter.docx" not in linked  # it was matched already


def _joint_reply_and_cover(cover_text: str) -> dict[str, Match]:
    reply = doc(
        "UHN FOI 24-4471 joint response.pdf",
        ("University Hospitals of Northamptonshire NHS Group", H),
        ("Dear Ms Okafor", B),
        ("As the Group has a single FOI service we have answered for both Trusts.", B),
        (
            "Your question | Kettering General Hospital NHS Foundation Trust | "
            "Northampton General Hospital NHS Trust",
            BlockRole.TABLE,
        ),
        ("1. Policy | Yes | Not yet", BlockRole.TABLE),
    )
    cover = doc(
        "RE_ FOI request (UHN ref 24-4471).eml",
        (cover_text, B),
        headers=(("From", "UHN FOI Team <foi@nhs.net>"), ("Subject", "RE: FOI (ref 24-4471)")),
        page_locators=False,
    )
    assert {match(reply).trust_code, *match(reply).also} == {"RNQ", "RNS"}
    assert (match(cover).trust_code, match(cover).also) == ("RNQ", ())
    return _link(reply, cover)


def test_a_covering_mail_saying_both_trusts_are_answered_is_the_joint_replys_too() -> None:
    linked = _joint_reply_and_cover(
        "Please find attached our response. Kettering General Hospital and its partner "
        "work together as a group, so our FOI team has answered for both trusts in one document."
    )
    new = linked["RE_ FOI request (UHN ref 24-4471).eml"]
    assert (new.method, {new.trust_code, *new.also}) == ("same_reference", {"RNQ", "RNS"})
    assert "answered for both" in new.message


@pytest.mark.parametrize(
    "cover_text",
    [
        "Please find attached the response of Kettering General Hospital to your request.",
        # a shared service's name says nothing of this reply
        "This letter answers for Kettering General Hospital only; the other trust in our group "
        "will reply to you separately. Group FOI Team",
    ],
)
def test_a_covering_mail_of_one_trust_sharing_a_joint_replys_reference_stays_its_own(
    cover_text: str,
) -> None:
    linked = _joint_reply_and_cover(cover_text)
    assert "RE_ FOI request (UHN ref 24-4471).eml" not in linked


def test_a_reference_given_in_the_text_links_a_file_with_an_uninformative_name() -> None:
    cover = letter(
        "Response letter (1).docx",
        "Northumbria Healthcare NHS Foundation Trust",
        ("Our ref: FOI-3769", B),
    )
    annex = doc(
        "Annex A.pdf",
        ("Appendix A - Response to request FOI-3769", H),
        ("1 | Policy | The Resolution Policy applies.", TB),
    )
    new = _link(cover, annex)["Annex A.pdf"]
    assert (new.trust_code, new.method) == ("RTF", "same_reference")


def test_a_dotted_reference_in_the_text_links_an_appendix() -> None:
    cover = letter(
        "KGH FOI 24.312 covering letter.docx",
        "Kettering General Hospital NHS Foundation Trust",
        ("The answers are in Appendix 1.", B),
    )
    appendix = doc(
        "Appendix 1 - responses.pdf",
        ("Appendix 1 - FOI 24.312", H),
        ("1 | Policy | Covered by our Dignity at Work Policy.", TB),
    )
    new = _link(cover, appendix)["Appendix 1 - responses.pdf"]
    assert (new.trust_code, new.method) == ("RNQ", "same_reference")


def test_a_mail_and_its_separately_saved_attachment_share_a_trust() -> None:
    mail = doc(
        "FW_ FOI 24_0877 Response.eml",
        ("Please find attached our response.", B),
        headers=(
            ("From", "FOI <foi@nhs.net>"),
            ("Subject", "FW: FOI 24/0877 Response"),
        ),
        page_locators=False,
    )
    saved = letter(
        "FOI 24-0877 response letter.pdf", "Royal Papworth Hospital NHS Foundation Trust"
    )
    new = _link(mail, saved)["FW_ FOI 24_0877 Response.eml"]
    assert (new.trust_code, new.method) == ("RGM", "same_reference")


def test_a_joint_replys_appendix_answers_for_the_same_trusts() -> None:
    joint = doc(
        "FOI 24-4471 joint response.pdf",
        ("Kettering General Hospital NHS Foundation Trust", H),
        ("Northampton General Hospital NHS Trust", H),
        ("Dear Ms Okafor", B),
        ("As the Group has a single FOI service we have answered for both Trusts.", B),
    )
    appendix = doc("FOI 24-4471 appendix.xlsx", ("1. Policy | Yes | No", TB))
    new = _link(joint, appendix)["FOI 24-4471 appendix.xlsx"]
    assert new.method == "same_reference"
    assert {new.trust_code, *new.also} == {"RNQ", "RNS"}


def test_files_sharing_a_reference_that_disagree_leave_it_unmatched_with_both_named() -> None:
    first = letter("FOI 24-6110 response.docx", "Walsall Healthcare NHS Trust")
    second = letter("FOI 24-6110 reply.pdf", "Oxleas NHS Foundation Trust")
    orphan = doc("FOI 24-6110 appendix.xlsx", ("1. Policy | Yes", TB))
    new = _link(first, second, orphan)["FOI 24-6110 appendix.xlsx"]
    assert new.trust_code == ""
    assert {"RBK", "RPG"} <= set(new.candidates)
    assert "disagree" in new.message


def test_a_group_foi_office_letter_for_one_member_is_that_members() -> None:
    # (the group's letterhead names both member trusts; the letter says whose request it is)
    head = (
        "Humber Health Partnership - Freedom of Information\nHull University Teaching Hospitals "
        "NHS Trust and Northern Lincolnshire and Goole NHS Foundation Trust",
        B,
    )
    only = doc(
        "HHP FOI 2411-0342N response.docx",
        head,
        (
            "The FOI service handles requests for both member trusts. This response relates only "
            "to Northern Lincolnshire and Goole NHS Foundation Trust (NLaG).",
            B,
        ),  # fmt: skip
        ("Q1 - Policy? A - No.", B),
    )
    assert match(only).trust_code == "RJL"
    received = doc(
        "HHP acknowledgement.eml",
        head,
        (
            "Your request to Hull University Teaching Hospitals NHS Trust has been received by the "
            "Humber Health Partnership FOI service.",
            B,
        ),  # fmt: skip
    )
    assert match(received).trust_code == "RWA"
    elsewhere = doc(
        "HHP reply.docx",
        head,
        (
            "Your request to Hull University Teaching Hospitals NHS Trust has been answered "
            "separately.",
            B,
        ),  # fmt: skip
    )
    assert match(elsewhere).trust_code != "RWA"
    # (a trust's own letter pointing to its sister trust's reply stays its own: review guard)
    own = letter(
        "PHU FOI 24-2204.docx",
        "Portsmouth Hospitals University NHS Trust",
        (
            "This response concerns Portsmouth Hospitals University NHS Trust. Your request to the "
            "Isle of Wight NHS Trust, which our team also administers, has been answered under "
            "reference IOW-2024-0712.",
            B,
        ),  # fmt: skip
    )
    assert match(own).trust_code == "RHU"


def test_a_reference_every_trust_quotes_names_no_candidates() -> None:
    # (a request site's own number, "request-58112", in every reply: the requester's, not a
    # trust's; a private hospital's letter quoting it is unmatched, not a maybe for each)
    trusts = [
        "Walsall Healthcare NHS Trust",
        "Oxleas NHS Foundation Trust",
        "Blackpool Teaching Hospitals NHS Foundation Trust",
        "United Lincolnshire Teaching Hospitals NHS Trust",
        "Cambridge University Hospitals NHS Foundation Trust",
    ]
    replies = [letter(f"Reply {n} request 58112.pdf", name) for n, name in enumerate(trusts)]
    orphan = doc("Hartwell Park request 58112.eml", ("We are not a public authority.", B))
    linked = _link(*replies, orphan)
    assert "Hartwell Park request 58112.eml" not in linked
    four = _link(*replies[:4], orphan)["Hartwell Park request 58112.eml"]
    assert four.trust_code == "" and len(four.candidates) >= 4  # four still name candidates


def test_a_saved_document_named_by_one_trusts_reply_goes_with_it() -> None:
    reply = letter(
        "Reply FOI-0983.pdf",
        "Blackpool Teaching Hospitals NHS Foundation Trust",
        ("Our Sexual Safety at Work Policy is attached.", B),
    )
    other = letter("Reply 7781.pdf", "Oxleas NHS Foundation Trust", ("We have no policy.", B))
    policy = doc(
        "Sexual Safety at Work Policy v1.0.pdf",
        ("Sexual Safety at Work Policy", H),
        ("1. Purpose. This policy sets out how the organisation responds.", B),
    )
    new = _link(reply, other, policy)["Sexual Safety at Work Policy v1.0.pdf"]
    assert (new.trust_code, new.method) == ("RXL", "named_in_reply")


def test_a_saved_chart_whose_file_name_holds_a_month_is_named_by_its_reply() -> None:
    # Round 57: "Executive team structure chart (Nov 2024).pdf", which names no trust, was left
    # with no candidate although the reply says "see the attached executive team structure
    # chart": the file name's month was taken for a word of its title.
    reply = letter(
        "FOI R24-1419 response.pdf",
        "Blackpool Teaching Hospitals NHS Foundation Trust",
        ("Please see the attached executive team structure chart for the post-holder.", B),
    )
    other = letter("Reply 7781.pdf", "Oxleas NHS Foundation Trust", ("We have no lead.", B))
    chart = doc(
        "Executive team structure chart (Nov 2024).pdf",
        ("Executive Team - November 2024", H),
        ("Chief Executive | Chief Nursing Officer", B),
    )
    new = _link(reply, other, chart)["Executive team structure chart (Nov 2024).pdf"]
    assert (new.trust_code, new.method) == ("RXL", "named_in_reply")


def test_a_group_letterhead_is_no_title_a_partners_reply_could_name() -> None:
    # Round 53: a scan headed by its group's banner ("The Foundation Group South Warwickshire
    # University NHS Foundation Trust") was given to the partner trust whose mail signature
    # repeated the banner, as if that mail named it as an enclosure.
    banner = "The Foundation Group South Warwickshire University NHS Foundation Trust"
    mail = letter("Reply SWFT-FOI-2291.pdf", banner, ("Foundation Group FOI Office", B))
    scan = doc(
        "Scan_7721.pdf",
        (banner, H),
        ("George Eliot Hospital NHS Trust | Wye Valley NHS Trust", H),
        ("Wye Valley NHS Trust, County Hospital, Hereford HR1 2ER", H),
        ("No.", B),
    )
    assert banner not in file_links([scan]).titles
    assert "Scan_7721.pdf" not in _link(mail, scan)


def test_ingest_links_files_dates_matches_and_writes_the_new_columns(project: Path) -> None:
    raw = project / "raw"
    files = {
        "AWP FOI 2411-087 cover letter.txt": (
            "Avon and Wiltshire Mental Health Partnership NHS Trust\n\nRef: FOI 2411-087\n\n"
            "Dear Ms Pell\n\nOur responses are in the enclosed document.\n\nYours sincerely\n\n"
            "Freedom of Information Team"
        ),
        "FOI 2411-087 responses.txt": "FOI 2411-087 - responses\n\n1. Policy: out for consultation.",
        "Solent reply.txt": (
            "Solent NHS Trust\n\nDate: 5 November 2024\n\nDear Ms Pell\n\n1. Yes.\n\n"
            "Kind regards\n\nSolent NHS Trust"
        ),
        "Council reply.txt": (
            "Warwickshire County Council\n\nDear Ms Pell\n\nThe Council is not an NHS trust.\n\n"
            "Yours sincerely\n\nWarwickshire County Council"
        ),
        "Joint reply.txt": (
            "Mid Cheshire Hospitals NHS Foundation Trust | East Cheshire NHS Trust\n\n"
            "Dear Ms Pell\n\nThe two Trusts share an Information Governance service, so this "
            "letter answers for both.\n\nYours sincerely\n\n"
            "Mid Cheshire Hospitals NHS Foundation Trust | East Cheshire NHS Trust"
        ),
        "scan.txt": "Dear Ms Pell\n\nThank you for your request.",
    }
    for name, text in files.items():
        (raw / name).write_text(text)
    layout = Layout.from_dirs(raw)
    result = ingest(layout, IngestOptions(jobs=1, timeout=30))
    with layout.documents_csv.open() as handle:
        rows = {row["path"]: row for row in csv.DictReader(handle)}
    appendix = rows["FOI 2411-087 responses.txt"]
    assert (appendix["trust_code"], appendix["match_method"]) == ("RVN", "same_reference")
    assert "2411-087" in appendix["match_evidence"]
    solent = rows["Solent reply.txt"]  # Solent closed on 30 September 2024
    assert solent["trust_code"] == "RW1", solent["message"]
    assert "[R1C closed 2024-09-30]" in solent["match_evidence"]
    council = rows["Council reply.txt"]
    assert (council["status"], council["trust_code"]) == ("out_of_scope", "")
    assert "Warwickshire County Council" in council["message"]
    joint = rows["Joint reply.txt"]
    assert joint["match_method"] == "joint"
    assert {joint["trust_code"], joint["also_trusts"]} == {"RBT", "RJN"}
    assert rows["scan.txt"]["status"] == "unmatched"
    assert rows["scan.txt"]["candidates"] == ""
    assert ("out_of_scope", "Council reply.txt") in {(p.status, p.path) for p in result.problems}


def test_a_short_alias_is_its_own_convention_and_closed_trusts_do_not_contest() -> None:
    # "KCH" is King's College Hospital, though Kent Community Health's initials are K C H too;
    # "NUH" is Nottingham University Hospitals, not the closed Newham University Hospital.
    assert match(doc("KCH FOI 24-1190.pdf", *LETTER_BODY)).trust_code == "RJZ"
    assert match(doc("NUH FOI 24-1190.pdf", *LETTER_BODY)).trust_code == "RX1"
    # A longer acronym two open trusts fit names both as candidates, neither as the match.
    shared = match(doc("LTHT FOI 24-1190.pdf", *LETTER_BODY))
    assert shared.trust_code == "" and set(shared.candidates) >= {"RR8", "RXN"}


def test_a_reference_does_not_outvote_the_files_own_evidence() -> None:
    # Reference numbers collide between trusts: a file whose own (weak) evidence names another
    # trust keeps that trust as a candidate and gains the reference's, but is not matched.
    reply = letter("Pennine Care FOI 24.0061 Response.docx", "Pennine Care NHS Foundation Trust")
    acknowledgement = doc(
        "Acknowledgement - FOI 24-0061.eml",
        ("Thank you for your request, logged as FOI 24-0061.", B),
        ("Please do not reply.", B),
        ("We will also share it with Airedale NHS Foundation Trust.", B),
        headers=(("From", "FOI <foi@nhs.net>"),),
        page_locators=False,
    )
    own = match(acknowledgement)
    assert own.trust_code == "" and own.candidates
    new = _link(reply, acknowledgement)["Acknowledgement - FOI 24-0061.eml"]
    assert new.trust_code == ""
    assert "RT2" in new.candidates and set(own.candidates) <= set(new.candidates)


# --- partners named beside the writer ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Part of One Gloucestershire, working with Gloucestershire Health and Care NHS "
        "Foundation Trust and NHS Gloucestershire ICB.",
        "Gloucestershire Hospitals works in partnership with Gloucestershire Health and Care NHS "
        "Foundation Trust and Tees, Esk and Wear Valleys NHS Foundation Trust.",
        "Jo Bright, Workforce Lead (on secondment from Gloucestershire Health and Care NHS "
        "Foundation Trust)",
        # A line naming both trusts is no evidence for one of them against the other.
        "Gloucestershire Hospitals NHS Foundation Trust and Gloucestershire Health and Care NHS "
        "Foundation Trust share a Chair",
    ],
)
def test_a_partner_in_the_signature_does_not_make_the_reply_ambiguous(line: str) -> None:
    reply = letter(
        "FOI 24-3055 response.pdf",
        "Gloucestershire Hospitals NHS Foundation Trust\nCheltenham General Hospital",
        ("Information Governance Team\nGloucestershire Hospitals NHS Foundation Trust", B),
        (line, BlockRole.FOOTER),
    )
    result = match(reply)
    assert (result.trust_code, result.method) == ("RTE", "letterhead"), result.message
    partner = [e for e in document_evidence(reply, load_register()) if e.code == "RTQ"]
    assert (
        partner and not any(e.strong for e in partner) or all("RTE" in e.co_named for e in partner)
    )


def test_two_trusts_in_the_letterhead_without_a_joint_cue_stay_ambiguous() -> None:
    reply = letter(
        "FOI response.pdf",
        "Gloucestershire Hospitals NHS Foundation Trust\n"
        "Gloucestershire Health and Care NHS Foundation Trust",
    )
    assert_flagged(match(reply))


def test_a_trust_the_writer_points_to_is_not_the_writer() -> None:
    """A GP practice's e-mail naming a trust as where to ask ("such as X") is out of scope."""
    reply = doc(
        "RE_ Freedom of Information request.eml",
        ("From: Mill Lane Medical Practice <millane.practice@nhs.net>", BlockRole.EMAIL_HEADER),
        ("Dear Dr Whitcombe", B),
        ("Mill Lane Medical Practice is a GP practice with 23 staff. We hold no such policy.", B),
        (
            "You may find the information you need from the NHS trusts in our area, such as "
            "Northampton General Hospital NHS Trust.",
            B,
        ),
        ("Kind regards", B),
        ("Practice Manager\nMill Lane Medical Practice", B),
    )
    result = match(reply)
    assert result.method == "out_of_scope", result.message
    assert "RNS" not in result.candidates


def test_a_sheet_whose_only_trust_name_says_who_prepared_it() -> None:
    """ "Response prepared by the FOI Team, X" under a spreadsheet's answers says whose it is."""
    reply = doc(
        "Book1.xlsx",
        ("Question 1: Dedicated policy? | No", BlockRole.TABLE),
        ("Question 4: Executive lead? | No.", BlockRole.TABLE),
        (
            "Response prepared by the FOI Team, Rotherham Doncaster and South Humber NHS "
            "Foundation Trust. Ref FOI-2024-304.",
            B,
        ),
    )
    result = match(reply)
    assert (result.trust_code, result.method) == ("RXE", "stated"), result.message


def test_a_letter_the_reply_quotes_is_not_its_own() -> None:
    """ "the letter sent by NHS England to all trusts" is another's letter the reply speaks of,
    not a statement of who sent the reply: the letterhead's trust stands."""
    reply = doc(
        "DPT FOI 1290 - response.pdf",
        ("Devon Partnership NHS Trust Wonford House Hospital, Dryden Road, Exeter, EX2 5AF", H),
        ("Our ref: DPT/FOI/1290", H),
        ("Dear Ms Okafor", B),
        ("1. The Trust does not have a dedicated policy.", B),
        (
            "4. You will be aware of the letter sent by NHS England to all trust chief "
            "executives, which said:",
            B,
        ),
        ("The Trust has designated its Director of Nursing as the executive lead.", B),
        ("Yours sincerely,", B),
        ("Information Governance Lead", B),
        ("Devon Partnership NHS Trust", B),
    )
    result = match(reply)
    assert result.trust_code == "RWV", result.message


def test_a_mail_that_says_whose_response_follows() -> None:
    """ "Please see below East Cheshire NHS Trust's response." from a mailbox the register does
    not know, signed by a hospital: the reply says whose it is."""
    reply = doc(
        "Freedom of Information Request - Our Ref ECT 0319.eml",
        ("Dear Mr Ferreira-Lund,", B),
        ("Please see below East Cheshire NHS Trust's response.", B),
        ("Question | Response", BlockRole.TABLE),
        ("1. Dedicated sexual safety policy | No - in development.", BlockRole.TABLE),
        ("Regards, Information Governance Macclesfield District Hospital", B),
        headers=(("from", "ecn-tr.foi@nhs.example"),),
    )
    result = match(reply)
    assert result.trust_code == "RJN", result.message


def test_a_partners_reply_passed_on_is_not_the_senders() -> None:
    """ "please see below X's response for those services, which they asked us to pass on" is
    another trust's reply carried in this one (review 69): it says nothing of the sender."""
    reply = doc(
        "FOI 24-555 response.eml",
        ("Dear Requester,", B),
        (
            "Some of the services you ask about are run by our neighbouring trust, so please see "
            "below Tameside and Glossop Integrated Care NHS Foundation Trust's response for those "
            "services, which they asked us to pass on. Our own answers are attached.",
            B,
        ),
        ("Kind regards\nInformation Governance Team", B),
    )
    result = match(reply)
    assert result.trust_code != "RMP", result.message


def test_a_name_with_its_own_apostrophe_in_a_statement_of_whom_the_reply_is_from() -> None:
    """ "Thank you for contacting the Sheffield Children's NHS Foundation Trust FOI team": the
    name's own "'s" stays (review of round 69's possessive, which cut it to "Children")."""
    reply = doc(
        "Automatic reply_ FOI request - sexual safety.eml",
        ("Thank you for contacting the Sheffield Children's NHS Foundation Trust FOI team.", B),
        ("Your message has been received and will be logged.", B),
        headers=(("from", "SCH FOI <sch.foi@nhs.example>"),),
    )
    result = match(reply)
    assert result.trust_code == "RCU", result.message


def test_a_group_letter_that_says_whom_it_answers_for() -> None:
    reply = doc(
        "UHT FOI response 24-0902.docx",
        (
            "University Hospitals Tees\nNorth Tees and Hartlepool NHS Foundation Trust | South "
            "Tees Hospitals NHS Foundation Trust",
            H,
        ),
        ("Dear Dr Petrakis", B),
        (
            "University Hospitals Tees is the group formed by North Tees and Hartlepool NHS "
            "Foundation Trust and South Tees Hospitals NHS Foundation Trust. This response relates "
            "to North Tees and Hartlepool NHS Foundation Trust.",
            B,
        ),
        ("1. Dedicated policy: Yes.", B),
        ("Yours sincerely", B),
        ("Freedom of Information Team", B),
    )
    result = match(reply)
    assert result.trust_code == "RVW", result.message


# --- round 8: mail printed to a file, furniture under a rule, a question as a last row ---------


def test_a_mail_printed_to_a_file_opens_with_its_own_header_not_a_quoted_one() -> None:
    """Outlook's "print" starts the file with From:/Sent:/To:/Subject:; that is the message's
    header, so its signature and sender still say whose it is."""
    printed = doc(
        "FOI 24-77 reply (printed).txt",
        (
            "From:             EC FOI <eastcheshire.foi@nhs.net>\n"
            "Sent:             29 November 2024 14:06\n"
            "To:               A Requester\n"
            "Subject:          FOI 24-77 - Response",
            B,
        ),
        ("Dear Ms Requester,", B),
        ("1. We do not hold a dedicated policy.", B),
        ("Kind regards", B),
        ("Freedom of Information Team\nEast Cheshire NHS Trust", B),
        page_locators=False,
    )
    assert match(printed).trust_code == "RJN"


def test_similar_requests_under_a_rule_line_are_page_furniture_not_the_signature() -> None:
    thread = doc(
        "request_thread.txt",
        ("Bystander training and sexual safety\nA request to Isle of Wight NHS Trust", T),
        ("From: A Requester    4 November 2024", B),
        ("Dear Isle of Wight NHS Trust,", B),
        ("Please tell me whether you provide Active Bystander Training.", B),
        ("Yours faithfully,", B),
        ("A Requester", B),
        ("From: FOI, Isle of Wight NHS Trust    6 November 2024", B),
        ("Dear Ms Requester", B),
        ("Thank you for your request, logged under FOI 2425-0618.", B),
        ("Kind regards\nInformation Governance, St Mary's Hospital, Newport PO30 5TG", B),
        (
            "-----------------------------------------------\nSimilar requests\n"
            " * Sexual harassment of staff - Solent NHS Trust\n"
            " * Bystander training - Portsmouth Hospitals University NHS Trust",
            B,
        ),
        page_locators=False,
    )
    assert match(thread).trust_code == "R1F"


def test_a_question_in_a_sheets_last_row_is_not_a_signature() -> None:
    """A national body named in the request's last question ("Has the Trust signed the NHS
    England charter?") does not make the sheet that body's reply."""
    sheet = doc(
        "FOI 24-0930 appendix.xlsx",
        ("Question | Response", T),
        ("4. Does the Trust have a dedicated sexual safety policy? | Yes", B),
        ("10. Has the Trust signed the NHS England Sexual Safety Charter? | Yes, in 2023", B),
        page_locators=False,
    )
    found = match(sheet)
    assert found.method != "out_of_scope"
    assert not any(line.startswith("signature") for line in found.evidence)


def test_the_trusts_own_hospital_named_like_a_gp_practice_is_no_rival() -> None:
    """ "Queens Medical Centre" has the form of a GP practice's name, but it is the trust's own
    hospital: the words count for the trust, and no other body stands against it."""
    page = doc(
        "foi-disclosure-log-december-2024.html",
        ("Disclosure log - December 2024 - Nottingham University Hospitals NHS Trust", T),
        ("FOI 24-7742: Sexual safety and bystander training", B),
        ("Sexual safety policy: the Trust has no stand-alone policy.", B),
        ("Queen's Medical Centre, Derby Road, Nottingham NG7 2UH", F),
        ("Privacy | Cookies | Accessibility", F),
        page_locators=False,
    )
    assert match(page).trust_code == "RX1"


def test_a_councils_mail_domain_is_never_a_trusts() -> None:
    """A council named after the same place as a trust ("medway.gov.uk", "Medway NHS
    Foundation Trust"): its reply is out of scope, not the trust's."""
    mail = doc(
        "Information request IR-55012.eml",
        ("Thank you for your request. The Council does not employ NHS staff.", B),
        ("You may wish to redirect your request to Medway NHS Foundation Trust.", B),
        ("Regards", B),
        ("Information Governance, Medway Council", B),
        headers=(("From", "Medway Council <info.requests@medway.gov.uk>"),),
    )
    result = match(mail)
    assert result.method == "out_of_scope" and result.trust_code == ""


def test_an_integrated_care_boards_mail_domain_is_never_a_trusts() -> None:
    """An ICB's domain ("kentmedway.icb.example") shares its place name with a trust's
    ("Kent and Medway Mental Health NHS Trust"): its reply is out of scope, not the trust's."""
    mail = doc(
        "RE_ FOI request - NHS Kent and Medway ICB.eml",
        ("Thank you for your request. The ICB does not employ the staff you ask about.", B),
        ("The information is held by the trusts in our area.", B),
        ("Regards", B),
        ("FOI Team, NHS Kent and Medway Integrated Care Board", B),
        headers=(("From", "FOI Team <foi@kentmedway.icb.example>"),),
    )
    result = match(mail)
    assert result.method == "out_of_scope" and result.trust_code == ""


def test_a_request_sites_list_of_other_requests_names_no_partner_trust() -> None:
    """A request-site page printed to PDF: its foot lists similar requests to other trusts
    ("... - request to Salisbury NHS Foundation Trust"); the page is one trust's, not joint."""
    page = doc(
        "Sexual safety - a Freedom of Information request to University Hospitals Plymouth NHS"
        " Trust - OpenAsk.pdf",
        ("Sexual safety - a Freedom of Information request to University Hospitals Plymouth"
         " NHS Trust", H),
        ("Dear University Hospitals Plymouth NHS Trust, please tell me ...", B),
        ("Yours faithfully, T. Greenhalgh", B),
        ("FOI Team, University Hospitals Plymouth NHS Trust", B),
        ("Similar requests", B),
        ("Executive lead for domestic abuse - request to Salisbury NHS Foundation Trust", B),
        ("Bystander training - request to Royal Cornwall Hospitals NHS Trust", B),
    )  # fmt: skip
    result = match(page)
    assert (result.trust_code, result.also) == ("RK9", ())


# --- round 17: history lines, publications, a shared FOI mailbox --------------------------------


def test_a_merged_trusts_history_line_names_its_predecessors_not_rivals() -> None:
    sheet = doc(
        "HIOWH FOI 000417.xlsx",
        ("Hampshire and Isle of Wight Healthcare NHS Foundation Trust", T),
        (
            "(formed 1 October 2024 from Southern Health NHS Foundation Trust, Solent NHS Trust "
            "services and Isle of Wight NHS Trust mental health services)",
            T,
        ),
        *LETTER_BODY,
    )
    assert match(sheet).trust_code == "RW1"


def test_a_body_named_as_the_publisher_of_a_charter_is_not_the_writer() -> None:
    mail = doc(
        "LSCFT FOI 2024-4410 response.eml",
        ("Dear Ms Achterberg", B),
        (
            "1. The Trust has signed the NHS England Sexual Safety Charter; harassment is "
            "covered by the Respectful Workplace Policy.",
            B,
        ),
        ("Kind regards", B),
        headers=(("From", "LSCFT FOI <lscft.foi@lscft-nhs.example>"), ("Subject", "LSCFT FOI")),
    )
    result = match(mail)
    assert result.trust_code == "RW5", result.message


def test_a_shared_mailbox_answering_both_trusts_in_sections_is_a_joint_reply() -> None:
    # Each trust only by its initials in the subject and file name (no full name in the head),
    # then a section headed by each one's full name, and "replying to both requests".
    mail = doc(
        "Wirral FOI response - WUTH 24-4481 and WCHC 24-1172.eml",
        ("Subject: FOI responses - WUTH 24-4481 / WCHC 24-1172", E),
        ("From: Wirral Health FOI <wirral.foi@wirralhealth-nhs.example>", E),
        ("To: someone@postbox.example", E),
        ("Dear Ms Achterberg,", B),
        (
            "You sent the same request to both Wirral trusts. As our FOI service is shared, we "
            "are replying to both requests in this single e-mail.",
            B,
        ),
        ("Wirral University Teaching Hospital NHS Foundation Trust (our ref WUTH 24-4481)", B),
        ("Q\tResponse\n1\tNo dedicated policy.\n2\tNo.", B),
        ("Wirral Community Health and Care NHS Foundation Trust (our ref WCHC 24-1172)", B),
        ("Q\tResponse\n1\tNo - our Respect and Dignity Policy applies.\n2\tYes.", B),
        ("If you are unhappy with either response please let us know.", B),
        ("Kind regards,", B),
        ("Wirral Health Shared Services - Freedom of Information", B),
        ("Arrowe Park Hospital, Arrowe Park Road, Wirral CH49 5PE", B),
        page_locators=False,
    )
    result = match(mail)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RBL", "RY7"}


# --- round 18: group replies, scans without a letterhead block, chatty sign-offs, redirects -----


def test_a_group_reply_whose_answers_apply_equally_to_both_trusts_is_joint() -> None:
    reply = doc(
        "UHN Group FOI response KGH-NGH.docx",
        (
            "University Hospitals of Northamptonshire NHS Group – Kettering General Hospital NHS "
            "Foundation Trust and Northampton General Hospital NHS Trust",
            H,
        ),
        ("Dear Ms Castellan,", B),
        (
            "You made the same request to both trusts in our Group. The answers below apply "
            "equally to Kettering General Hospital and Northampton General Hospital.",
            B,
        ),
        ("Sexual safety policy: neither trust has a dedicated policy.", B),
        ("Yours sincerely", B),
        page_locators=False,
    )
    result = match(reply)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RNQ", "RNS"}


def test_a_scan_whose_letterhead_ocr_ran_into_the_greeting_is_read_up_to_dear() -> None:
    scan = doc(
        "WCFT FOI 5590 response.pdf",
        (
            "eee [NHS ! é ead bs Walton Centre _NHS Foundation Trust Our ref: WCET FOI 5590 . 2 "
            "December 2024 _ Dear‘ Imogen, Thank you for getting in touch with us.",
            B,
        ),
        ("Policy. We do not have a standalone sexual safety policy.", B),
        ("Active Bystander Training. No.", B),
        ("With best wishes,", B),
        ("Lauren McGinty, FOI and Records Officer.", B),
    )
    assert match(scan).trust_code == "RET"


def test_a_chatty_sign_off_opens_the_signature() -> None:
    mail = doc(
        "Re your FOI.eml",
        ("Hi Imogen,", B),
        ("Thanks for bearing with us! Answers below.", B),
        ("We don't have a standalone sexual safety policy, I'm afraid.", B),
        ("Any questions, give me a shout.", B),
        ("Cheers, Dan", B),
        (
            "Daniel Morrow Information Governance Officer The Walton Centre NHS Foundation Trust "
            "Lower Lane, Liverpool L9 7LJ Tel 0151 496 0873 | Data Protection Officer: Sian "
            "Hargreaves SIRO: Michael Gilbride-Owens, Director of Finance",
            BlockRole.TABLE,
        ),
        headers=(("From", "Daniel Morrow <daniel.morrow@nhs.example>"),),
        page_locators=False,
    )
    assert match(mail).trust_code == "RET"


def test_trusts_a_council_redirects_the_requester_to_are_not_its_writers() -> None:
    mail = doc(
        "Wirral Council FOI redirect.eml",
        ("Dear Ms Salter", B),
        (
            "Wirral Council does not hold the information you have requested. You may wish to "
            "redirect your request to Wirral University Teaching Hospital NHS Foundation Trust or "
            "to Wirral Community Health and Care NHS Foundation Trust.",
            B,
        ),
        ("Yours sincerely", B),
        ("Information Management Team\nWirral Council", B),
        headers=(("From", "Wirral Council FOI <foi@wirral-council.example>"),),
        page_locators=False,
    )
    assert match(mail).method == "out_of_scope"


def test_a_page_header_of_a_team_name_over_the_trusts_full_name_line() -> None:
    # "NHFT" (initials three trusts share) in the mail and the page header, then the trust's
    # full name on the attachment's first line: that line is part of the letterhead
    mail = doc(
        "NHFT FOI 2024-0613.eml",
        ("Subject: NHFT FOI 2024-0613", E),
        ("From: NHFT FOI <nhft.foi@nhs.example>", E),
        ("Dear Ms Marchbank,", B),
        ("Please see the attached response to your request.", B),
        ("Kind regards,\nFOI Team", B),
        page_locators=False,
    )
    reply = doc(
        "NHFT FOI 2024-0613.eml > FOI 2024-0613 response.docx",
        ("NHFT Information Governance", H),
        ("Northamptonshire Healthcare NHS Foundation Trust – FOI 2024-0613", B),
        ("Policy on sexual safety or sexual harassment", B),
        ("Response: The Trust does not have a specific policy.", B),
        page_locators=False,
    )
    assert match(mail, reply).trust_code == "RP1"


def test_a_trust_named_under_an_organisation_column_is_the_writer() -> None:
    """A CSV export of answers with an "Organisation" column: the row says whose answers
    they are (the file name alone is weak: "FOI_export.csv")."""
    from dataclasses import replace

    def export(header: str) -> Document:
        rows = (
            header,
            "Homerton Healthcare NHS Foundation Trust | No |  | No | No plans at this time |  | "
            "Chief Nurse and Director of Governance | Policy coverage: sexual harassment is dealt "
            "with under the Dignity at Work Policy.",
        )
        blank = doc("FOI_24-7714_export.csv", ("x", B))
        return replace(blank, blocks=tuple(Block(r, f"row {i}") for i, r in enumerate(rows, 1)))

    found = match_group([export("Organisation | Q1 Policy | Q1 Link | Q2 ABT")], load_register())
    assert (found.trust_code, found.method) == ("RQX", "stated")
    # the same name in a column with another heading is only named in the text
    weak = match_group([export("Requester | Q1 Policy | Q1 Link | Q2 ABT")], load_register())
    assert weak.trust_code == ""


def test_a_case_systems_organisation_field_names_the_writer() -> None:
    """A case-management export's field "Organisation: X" (a line, or a row "Organisation |
    X") says whose case it is; in another field the name is weak."""

    def export(field: str) -> Document:
        fields = (
            f"System: FOI Case Manager v5.2\n{field}\nCase Ref: HOM-FOI-24-0415\n"
            "Received: 11/11/2024 16:22\nStatus: CLOSED\nOutcome: Part disclosed\n"
            "Exemption(s): s36(2)(b)(ii); s40(2)"
        )
        answers = (
            "RESPONSE_TEXT:\n1. A dedicated sexual safety policy is being developed and is in "
            "draft. We are withholding the draft under section 36(2)(b)(ii).\n2. No, the Trust "
            "does not provide Active Bystander Training.\n3. Yes, we intend to introduce it.\n"
            "4. The Trust has appointed an executive lead for DASV: the Chief Nurse. The name is "
            "withheld under section 40(2)."
        )
        end = "ATTACHMENTS: none\nAUDIT: created 11/11/2024 by inbound-mail\nEND OF EXPORT"
        blocks = (("CASE EXPORT", B), (fields, B), (answers, B), (end, B))
        return doc("HOM-FOI-24-0415_export.txt", *blocks, page_locators=False)

    name = "Homerton Healthcare NHS Foundation Trust"
    assert match_group([export(f"Organisation: {name}")], load_register()).trust_code == "RQX"
    assert match_group([export(f"Organisation | {name}")], load_register()).trust_code == "RQX"
    assert match_group([export(f"Requester: {name}")], load_register()).trust_code == ""


def test_an_organisation_field_of_another_party_names_no_writer() -> None:
    """ "Organisation:" among a requester's fields, or for a body a request was passed to,
    says nothing of whose reply it is: the letterhead decides (review of round 71)."""
    from foi_audit.readers.text import read_txt

    def read(path: str, text: str) -> Document:
        blocks = read_txt(text.encode(), path).blocks
        return replace(doc(path, ("x", B)), blocks=blocks)

    transfer = read("transfer.txt", TRANSFER_NOTICE)
    assert match_group([transfer], load_register()).trust_code == "RXF"
    record = read("case.txt", CASE_WITH_REQUESTER)
    assert match_group([record], load_register()).trust_code in ("", "RCF")


TRANSFER_NOTICE = """Mid Yorkshire Teaching NHS Trust
Information Governance Department

Dear Requester,

Your request has been received. Part of your request relates to training commissioned regionally. We have transferred that part to the following body:
Organisation: NHS England - North East and Yorkshire
Contact: england.ney-foi@nhs.net

1. Does the Trust have a dedicated policy on sexual safety / sexual harassment of staff?
Yes.
2. Does the Trust provide Active Bystander Training (ABT) to staff?
Yes, in-house.
"""
CASE_WITH_REQUESTER = """Airedale NHS Foundation Trust
Freedom of Information Office
Skipton Road, Steeton, Keighley BD20 6TD

Case details
Case reference: FOI-24-0612
Requester: Dr J. Patel
Organisation: Leeds Teaching Hospitals NHS Trust
Date received: 04/03/2024

Dear Dr Patel,

1. Does the Trust have a dedicated policy on sexual safety / sexual harassment of staff?
Yes, the Sexual Safety Policy.

2. Does the Trust provide Active Bystander Training (ABT) to staff?
Yes, in-house and optional.

Yours sincerely,
Information Governance Team
"""


def test_a_reply_passed_on_by_a_colleague_is_the_trusts_own() -> None:
    """A researcher forwards a trust's reply to a colleague with a one-line note: the quoted
    message under "-----Original Message-----" is the trust's reply, its signature the
    writer's (the note's sender is nobody's trust)."""
    E = BlockRole.EMAIL_HEADER
    forwarded = doc(
        "FW RE Freedom of Information Request - 2024-1290.eml",
        ("Subject: FW: RE: Freedom of Information Request - 2024-1290", E),
        ("From: Tom Beresford <tom.beresford@workplace-study.example>", E),
        ("Imogen - they replied to me rather than you. Note they still owe us 2b and 2c.\nTom", B),
        (
            "-----Original Message-----\nFrom: FOI Office <foi@trust.example>\n"
            "Sent: 02 December 2024 15:10\nSubject: RE: Freedom of Information Request",
            B,
        ),
        ("Dear Dr Sallis,", B),
        ("1. Sexual harassment is covered under the Trust's Dignity at Work Policy.", B),
        ("Kind regards", B),
        ("Freedom of Information Office\nBuckinghamshire Healthcare NHS Trust", B),
        page_locators=False,
    )
    found = match_group([forwarded], load_register())
    assert found.trust_code == "RXQ"


def test_a_reply_passed_on_by_a_chain_of_colleagues_is_the_trusts_own() -> None:
    """A trust's reply forwarded twice inside a university, each colleague adding a note and a
    signature: the message below the first quoted header from an FOI office is the trust's,
    however many forwards stand above it (their headers' "FW: FOI ..." are not their words)."""
    E = BlockRole.EMAIL_HEADER
    chain = doc(
        "FW FW Your Freedom of Information Request - Ref 5120.eml",
        ("Subject: FW: FW: Your Freedom of Information Request - Ref 5120", E),
        ("From: Rhys Delaney <r.delaney@coastal-uni.example>", E),
        ("Hi Priya,", B),
        ("Marisol found this in the shared inbox. They say no training, worth a second look?", B),
        ("Rhys Delaney | Research Fellow", B),
        (
            "From: Marisol Quint <m.quint@coastal-uni.example>\nSent: 05 December 2024 09:12\n"
            "To: Rhys Delaney <r.delaney@coastal-uni.example>\n"
            "Subject: FW: Your Freedom of Information Request - Ref 5120",
            B,
        ),
        ("Rhys - is this one yours?\nMarisol", B),
        ("Marisol Quint | Office Manager | School of Nursing", B),
        (
            "From: FOI Office <foi@trust.example>\nSent: 04 December 2024 16:55\n"
            "Subject: Your Freedom of Information Request - Ref 5120",
            B,
        ),
        ("Dear Dr Lindqvist,", B),
        ("1. No dedicated policy; the Dignity at Work Policy covers sexual harassment.", B),
        ("Regards,\nFOI Office\nBuckinghamshire Healthcare NHS Trust", B),
        page_locators=False,
    )
    found = match_group([chain], load_register())
    assert found.trust_code == "RXQ"


def test_an_automatic_reply_names_whom_the_requester_wrote_to() -> None:
    """An auto-reply from a mailbox whose display name is an ambiguous acronym ("SCFT": two
    trusts) says whose team it is: "Thank you for contacting the <trust> Freedom of
    Information team"."""
    E = BlockRole.EMAIL_HEADER
    auto = doc(
        "Automatic reply_ Freedom of Information Request.eml",
        ("Subject: Automatic reply: Freedom of Information Request", E),
        ("From: SCFT FOI <scft.foi@mailhost.example>", E),
        (
            "Thank you for contacting the Sussex Community NHS Foundation Trust Freedom of "
            "Information team. This is an automatic reply to confirm receipt.",
            B,
        ),
        page_locators=False,
    )
    found = match_group([auto], load_register())
    assert (found.trust_code, found.method) == ("RDR", "stated")


def test_trusts_given_as_examples_by_an_out_of_scope_body_are_not_its_writer() -> None:
    """A council's reply pointing the requester to "the NHS trusts in Norfolk directly, for
    example A, B and C" is the council's, out of scope, not one of those trusts'."""
    E = BlockRole.EMAIL_HEADER
    council = doc(
        "NCC FOI 101-24-8812 - Information not held.eml",
        ("Subject: Your request for information 101-24-8812", E),
        ("From: Norfolk County Council Information Compliance <foi@norfolkcc.example>", E),
        ("Dear Dr Sallis", B),
        (
            "Thank you for your request. Norfolk County Council is not an NHS body and does not "
            "hold the information you have asked for.",
            B,
        ),
        (
            "Under section 16 of the Act we suggest that you contact the NHS trusts in Norfolk "
            "directly, for example Norfolk and Norwich University Hospitals NHS Foundation "
            "Trust, Norfolk Community Health and Care NHS Trust and Norfolk and Suffolk NHS "
            "Foundation Trust.",
            B,
        ),
        ("Information Compliance Team\nNorfolk County Council\nCounty Hall, Norwich NR1 2DH", B),
        page_locators=False,
    )
    found = match_group([council], load_register())
    assert (found.trust_code, found.method) == ("", "out_of_scope")


def test_a_letterhead_torn_to_words_many_names_share_does_not_rival_the_file_name() -> None:
    """OCR kept only "ean Hospital NHS Foundation Trust" of Barnsley's letterhead: close to
    another trust's name in shared words alone, it is weak evidence, so the file name
    ("BHNFT") names the trust instead of the file being left ambiguous."""
    torn = match(
        _scanned(letter("BHNFT FOI 24-1187 Response.pdf", "ean Hospital NHS Foundation Trust"))
    )
    assert torn.trust_code == "RFF"
    whole = match(_scanned(letter("scan_0412.pdf", "Barnsiey Hospltal NHS Foundation Trust")))
    assert (whole.trust_code, whole.method) == ("RFF", "letterhead")


def test_a_reply_written_below_the_quoted_request_is_signed_below_it() -> None:
    """Answers written under the request quoted line by line ("> 1. Does the Trust ...") and
    signed with the trust's name at the end: the quote marked ">" ends nothing, so the
    signature below it names the trust (it was all taken for the requester's message)."""
    E = BlockRole.EMAIL_HEADER
    reply = doc(
        "Re FOI 24-5542.eml",
        ("Subject: Re: Freedom of Information request - sexual safety", E),
        ("From: FOI Office <foi.office@nhs.example>", E),
        ("Dear Dr Lindqvist,\nOur answers follow your original request.", B),
        (
            "On Mon, 7 Oct 2024 at 09:14, Priya Lindqvist <priya@uni.example> wrote:\n"
            "> Dear Freedom of Information Officer,\n>\n"
            "> 1. Does the Trust have a dedicated policy on sexual safety?\n"
            "> Kind regards,\n> Dr Priya Lindqvist",
            B,
        ),
        ("Answers:", B),
        ("(1) The Group's Sexual Safety Policy is in draft.\n(2) Not at present.", B),
        ("Kind regards,\nFOI Office\nNorthern Care Alliance NHS Foundation Trust", B),
        page_locators=False,
    )
    assert match_group([reply], load_register()).trust_code == "RM3"
    # a quoted message under an Outlook header (lines not marked) still ends the reply
    above = doc(
        "RE FOI request.eml",
        ("Subject: RE: FOI request", E),
        ("From: FOI Office <foi.office@nhs.example>", E),
        ("Dear Dr Lindqvist,\nPlease find our answers attached.\nKind regards\nFOI Office", B),
        (
            "From: Priya Lindqvist <priya@uni.example>\nSent: 07 October 2024 09:14\n"
            "To: FOI\nSubject: FOI request\nDear Northern Care Alliance NHS Foundation Trust",
            B,
        ),
        page_locators=False,
    )
    assert match_group([above], load_register()).trust_code != "RM3"


def test_joint_reply_to_identical_requests_the_requester_sent_both() -> None:
    """ "You sent identical requests to A (HUTH) and B (NLaG) ... we are answering them
    together": a group's shared office answering for both, from its own mailbox."""
    mail = doc(
        "RE_ FOI HUTH 25-0042 NLaG 25-0017.eml",
        ("From: Humber Health Partnership IG <hyp-tr.foi@nhs.example>", E),
        ("Dear Mr Tessler,", B),
        (
            "You sent identical requests to Hull University Teaching Hospitals NHS Trust (HUTH) "
            "and Northern Lincolnshire and Goole NHS Foundation Trust (NLaG). As both are part "
            "of the NHS Humber Health Partnership we are answering them together.",
            B,
        ),
        ("1. HUTH: a dedicated policy is being written.\nNLaG: there is no dedicated policy.", B),
        ("Yours sincerely,\nHumber Health Partnership Information Governance", B),
    )
    result = match(mail)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RWA", "RJL"}


def test_a_follow_up_names_its_trust_only_in_its_own_earlier_message_quoted() -> None:
    """Part 2 of a reply, with part 1 quoted below it: the trust's name is only in part 1's
    signature, a message from the same mailbox (not the requester's quoted request)."""
    mail = doc(
        "GOSH FOI 24-2215 part 2 (with part 1 below).eml",
        ("From: GOSH FOI <gosh.foi@nhs.example>", E),
        ("Dear Rowan Tessler,", B),
        ("3. We have no plans to introduce active bystander training.", B),
        ("FOI Team", B),
        (
            "From: GOSH FOI <gosh.foi@nhs.example>\nDate: 18 December 2024 15:30\n"
            "To: Rowan Tessler\nSubject: GOSH FOI 24-2215 (part 1)",
            B,
        ),
        ("1. The Trust does not have a separate policy.", B),
        ("FOI Team, Great Ormond Street Hospital for Children NHS Foundation Trust", B),
        page_locators=False,
    )
    assert match(mail).trust_code == "RP4"
    quoted = doc(
        "Re_ FOI 8801.eml",
        ("From: CW FOI <chelwest.foi@nhs.example>", E),
        ("Dear Rowan", B),
        ("The training is optional.", B),
        (
            "On Thu, 9 Jan 2025 at 09:10, Rowan Tessler <rowan@research.example> wrote:\n"
            "> Thanks - is it mandatory?\n> On Wed, 8 Jan 2025 at 16:00, CW FOI "
            "<chelwest.foi@nhs.example> wrote:\n> > 1. Not specifically.\n> >\n"
            "> > Chelsea and Westminster Hospital NHS Foundation Trust FOI",
            B,
        ),
        page_locators=False,
    )
    assert match(quoted).trust_code == "RQM"


def test_an_offices_forwarded_reply_is_matched_by_its_own_earlier_message_quoted_below() -> None:
    """A researcher files a mail in which the FOI office forwarded, with a note naming no
    trust, its own earlier reply sent to a wrong address: the quoted message is from the same
    office's address, so its signature is the sender's."""
    mail = doc(
        "FW_ Fwd_ FW_ FOI 3391 response.eml",
        ("From: Ben Castle <ben.castle@research.example>", E),
        ("Filing in the project inbox.\nBen", B),
        (
            "---------- Forwarded message ---------\n"
            "From: FOI Team <foi.office@nhs-trust.example>\nDate: Thu, 19 Dec 2024 at 10:05",
            B,
        ),
        ("Dear Dr Okafor", B),
        ("Our response was sent in error to an incorrect address; forwarding it to you now.", B),
        ("FOI Office", B),
        (
            "________________________________\nFrom: FOI Team <foi.office@nhs-trust.example>\n"
            "Sent: Wednesday, 18 December 2024 09:40",
            B,
        ),
        ("Q1. Yes - a Sexual Safety Policy was approved in September 2024.", B),
        ("Kind regards,\nFOI Office, Gloucestershire Hospitals NHS Foundation Trust", B),
        page_locators=False,
    )
    assert match(mail).trust_code == "RTE"


def test_a_mail_opening_with_many_thanks_has_no_signature_there() -> None:
    """ "Many thanks for getting in touch ..." opens the mail: no sign-off, so the restated
    question below it ("... the NHS England Sexual Safety Charter?") is no signature."""
    mail = doc(
        "RE_ FOI request - staff wellbeing and safety (UHBW 25-0041).eml",
        ("From: foi@uhbw.example", E),
        ("Dear Dr Whitcombe\nMany thanks for getting in touch with us about staff wellbeing.", B),
        ("Question 3", B),
        (
            "Has the Trust signed the NHS England Sexual Safety in Healthcare Organisational "
            "Charter? If so, on what date?\nThe Trust signed the Charter in March 2024.\n"
            "Question 4",
            B,
        ),
        ("Does the Trust have a dedicated policy?\nNot yet.", B),
        ("Is ABT provided?\nNo.", B),
        ("Who is the lead?\nDr Samuel Okafor.", B),
        (
            "Hope that helps! If anything is unclear, just drop us a line. If you're unhappy "
            "with how we've handled your request you can ask for an internal review.\nKind "
            "regards,\nFreedom of Information Team\nUniversity Hospitals Bristol and Weston NHS "
            "Foundation Trust",
            B,
        ),
        page_locators=False,
    )
    assert match(mail).trust_code == "RA7"


def test_initials_alone_yield_to_a_letterhead_with_the_same_reference() -> None:
    """A delay notice from "nhct.foi@" (Northumbria's initials) sharing its reference with a
    reply on Nottinghamshire Healthcare's letterhead is left for a person, both candidates,
    not given to Northumbria."""
    notice = doc(
        "NHFT FOI 24-5051 delay notice.eml",
        ("From: NottsHC FOI <nhct.foi@nhs.example>", E),
        ("We regret that we will not be able to answer FOI 24-5051 by the due date.", B),
    )
    reply = letter(
        "NHFT FOI 24-5051 response.pdf",
        "Nottinghamshire Healthcare NHS Foundation Trust",
        ("Our ref: FOI 24-5051", B),
    )
    assert match(notice).trust_code == "RTF"  # its own evidence alone
    linked = _link(notice, reply)
    assert linked[notice.path].trust_code == ""
    assert set(linked[notice.path].candidates) == {"RTF", "RHA"}
    assert "same reference" in linked[notice.path].message


def test_a_requesters_own_reference_quoted_by_several_trusts_unmatches_none() -> None:
    """The requester's own reference ("your ref 58213") in replies from several trusts ties no
    file to another trust: a file matched by its initials keeps its trust."""
    reply = doc(
        "LUHFT FOI 24-3390 refusal.eml",
        ("From: LUHFT FOI <luhft.foi@nhs.example>", E),
        ("Your ref 58213. We are refusing your request under section 14.", B),
    )
    others = [
        letter(f"Reply {n}.pdf", name, ("Your ref 58213. Our answers are below.", B))
        for n, name in enumerate(
            ["Nottinghamshire Healthcare NHS Foundation Trust", "Walsall Healthcare NHS Trust"]
        )
    ]
    assert match(reply).trust_code == "REM"
    assert reply.path not in _link(reply, *others)


def test_a_joint_table_with_a_column_per_trust_answers_for_each_column_s_trust() -> None:
    """A group's letter (its letterhead the group's, no trust's) whose table of answers has a
    column headed by each trust's full name: each body mention alone is weak, the columns say
    whose answers they are."""
    reply = doc(
        "UHN Group FOI 24-0633 joint response.docx",
        ("University Hospitals of Northamptonshire NHS Group", H),
        ("Joint Freedom of Information response", B),
        (
            "Question | Kettering General Hospital NHS Foundation Trust (KGH) | "
            "Northampton General Hospital NHS Trust (NGH)",
            BlockRole.TABLE,
        ),
        ("1. Dedicated policy? | Yes | Yes", BlockRole.TABLE),
        ("2. Active Bystander Training? | Yes | Yes", BlockRole.TABLE),
        ("2a. In-house or external? | External | Both", BlockRole.TABLE),
        ("2b. Mandatory or optional? | Mandatory | Optional", BlockRole.TABLE),
        ("2c. A sexual harassment module? | Yes | Yes", BlockRole.TABLE),
        ("3. Plans? | N/A | N/A", BlockRole.TABLE),
        ("4. DASV lead? | Mrs Hannah Ebbs, Group Chief Nurse | The same", BlockRole.TABLE),
        ("Group Information Governance Team", B),
    )
    result = match(reply)
    assert result.method == "joint", result.message
    assert {result.trust_code, *result.also} == {"RNQ", "RNS"}
    assert "a column per trust" in result.message


def test_a_request_site_thread_saved_as_text_is_matched_by_the_trust_s_own_messages() -> None:
    """A thread saved as text heads each message "From: ... Date: ...": the first is the
    requester's (no quoted earlier message that ends the trust's words), and the trust's reply
    signs off below the acknowledgement's furniture."""
    rule = "-" * 60
    thread = doc(
        "whatdotheyknow_thread.txt",
        ("Sexual safety of staff\n" + "=" * 30, B),
        (f"{rule}\nFrom: Dr Imogen Tarrant\nDate: 5 November 2024", B),
        ("Dear Great Ormond Street Hospital for Children NHS Foundation Trust,", B),
        ("1. Does the Trust have a dedicated policy on sexual safety?", B),
        ("Yours faithfully,", B),
        ("Dr Imogen Tarrant", B),
        (f"Link to this | Report\n{rule}\nFrom: FOI Office\nDate: 5 November 2024", B),
        ("Dear Dr Tarrant,", B),
        ("Thank you for your request, logged as FOI-2024-1844.", B),
        ("Kind regards\nFreedom of Information Office", B),
        (f"Link to this | Report\n{rule}\nFrom: FOI Office\nDate: 4 December 2024", B),
        ("Dear Dr Tarrant,", B),
        ("1) Yes - see attached.", B),
        (
            "Best wishes\nFreedom of Information Office\n"
            "Great Ormond Street Hospital for Children NHS Foundation Trust",
            B,
        ),
        (f"Link to this | Report\n{rule}", B),
        ("Similar requests: Sexual safety charter", B),
        page_locators=False,
    )
    result = match(thread)
    assert result.trust_code == "RP4", result.message
    assert any(line.startswith("signature:RP4") for line in result.evidence), result.evidence


def test_a_shared_information_governance_service_s_footer_is_no_joint_reply() -> None:
    """A mail from a joint IG service, its footer naming both trusts it serves, says it was
    "sent on behalf of" one of them: that trust's reply, not a joint one (and "on behalf of A.
    B, Unit 2 ..." names A alone)."""
    reply = doc(
        "RE_ WVT FOI 24_901.eml",
        ("Subject: RE: FOI 24/901", E),
        ("From: Wye Valley FOI <wvt.foi@nhs.example>", E),
        ("Hello Dr Whitcombe", B),
        ("Wye Valley NHS Trust's answers are below.", B),
        ("Mr Andrew Cottrell, Director of Operations, is our executive lead.", B),
        ("Best regards Sian Prothero Information Governance Officer", B),
        (
            "Herefordshire and Worcestershire Health and Care NHS Trust & Wye Valley NHS Trust - "
            "Joint Information Governance Service. This message was sent on behalf of Wye Valley "
            "NHS Trust. Herefordshire and Worcestershire Health and Care NHS Trust, Unit 2 Kings "
            "Court, Charles Hastings Way, Worcester WR5 1JR.",
            B,
        ),
        page_locators=False,
    )
    result = match(reply)
    assert (result.trust_code, result.also) == ("RLQ", ()), result.message


def test_a_national_body_named_deep_in_a_mails_first_answer_is_not_its_sender() -> None:
    # Regression: a mail whose first block ran on from its opening into the answer to question
    # 1 ("... the national benchmark report is available from NHS England") was left ambiguous
    # between the trust and NHS England, as if NHS England had written it.
    mail = doc(
        "RE_ FOI request 2024-1554.eml",
        ("Dear Ms Kellaway,", B),
        (
            "Question 1 Please provide the percentage of staff who reported in the 2023 NHS "
            "Staff Survey that they had experienced unwanted sexual behaviour at work.\nThe "
            "Trust ran its own pulse survey on this subject and the results are due to be "
            "published in March 2025. We are therefore withholding the information under "
            "section 22. The national 2023 benchmark report is available from NHS England.",
            B,
        ),
        ("Yours sincerely\nFOI Team\nEast London NHS Foundation Trust", B),
        headers=(("From", "ELFT FOI <elft.foi@nhs.example>"), ("Subject", "RE: FOI request")),
        page_locators=False,
    )
    assert match(mail).trust_code == "RWK"


def test_a_shared_service_processing_requests_for_one_trust_is_no_joint_reply() -> None:
    # Regression: a shared information-governance service that "processes Freedom of
    # Information requests on behalf of" one trust, and names its host trust, was read as a
    # joint reply of both.
    mail = doc(
        "RE_ FOI request - Walsall Healthcare NHS Trust [Ref BCIGS-2024-3310].eml",
        ("Dear Dr Mabbott,", B),
        (
            "The Black Country Shared Information Governance Service processes Freedom of "
            "Information requests on behalf of Walsall Healthcare NHS Trust. The service is "
            "hosted by The Royal Wolverhampton NHS Trust, but this reply concerns Walsall "
            "Healthcare only.",
            B,
        ),
        ("Q2 - Yes. Active Bystander training is commissioned from an external provider.", B),
        ("Regards,\nInformation Governance Officer\nBlack Country Shared IG Service", B),
        headers=(
            ("From", "Black Country Shared IG Service <foi.bcigs@bcigs.example>"),
            ("Subject", "RE: FOI request - Walsall Healthcare NHS Trust [Ref BCIGS-2024-3310]"),
        ),
        page_locators=False,
    )
    found = match(mail)
    assert (found.trust_code, found.also) == ("RBK", ())


def test_a_group_letter_in_a_section_per_trust_answers_for_each() -> None:
    # A group's letter ("You sent the same request to the two trusts in our hospital group")
    # with a part headed by each trust's full name answers for both (round 45's such letter,
    # with its answer tables, was given to one trust).
    letter_ = doc(
        "GESH FOI response - St Georges and ESTH - 24-5120.docx",
        ("GESH Group - Freedom of Information", H),
        (
            "St George's, Epsom and St Helier University Hospitals and Health Group\n"
            "Group Information Governance",
            B,
        ),
        ("10 January 2025\nOur refs: SGUH FOI 24-5120; ESTH FOI 24-5121", B),
        ("Dear Dr Mabbott,\nYou sent the same request to the two trusts in our hospital group.", B),
        ("Part 1: St George's University Hospitals NHS Foundation Trust (FOI 24-5120)", B),
        ("1. We do not have a dedicated policy.", B),
        ("Part 2: Epsom and St Helier University Hospitals NHS Trust (FOI 24-5121)", B),
        ("Epsom and St Helier has refused your request under section 14(2).", B),
        page_locators=False,
    )
    found = match(letter_)
    assert {found.trust_code, *found.also} == {"RJ7", "RVR"}


def test_a_shared_service_naming_the_trusts_it_handles_requests_for_answers_for_each() -> None:
    # Regression: "The Dorset Shared FOI Service handles requests for A, B and C" named each
    # trust once; the letter went to the trust whose postcode the service shares.
    letter_ = doc(
        "DFS-2025-014 cover letter.pdf",
        ("Dorset Shared FOI Service\nSentinel House, Nuffield Road, Poole, BH17 0RB", H),
        (
            "The Dorset Shared FOI Service handles requests for University Hospitals Dorset "
            "NHS Foundation Trust, Dorset County Hospital NHS Foundation Trust and Dorset "
            "Healthcare University NHS Foundation Trust. You asked all three trusts the same "
            "questions; their answers are in the attached workbook.",
            B,
        ),
    )
    found = match(letter_)
    assert {found.trust_code, *found.also} == {"R0D", "RBD", "RDY"}


def test_a_log_whose_header_names_the_responding_trust_column_answers_for_each_row() -> None:
    # Regression: a provider collaborative's log with the trust in its third column
    # ("Reference | Subject | Responding trust | Response") was left ambiguous.
    log = doc(
        "Disclosure log - Provider Collaborative - January 2025.html",
        ("Disclosure log - Provider Collaborative", B),
        ("Reference | Subject | Responding trust | Response", BlockRole.TABLE),
        (
            "PC-0802 | Sexual safety | Lancashire Teaching Hospitals NHS Foundation Trust | "
            "Q1 Yes.",
            BlockRole.TABLE,
        ),
        (
            "PC-0802 | Sexual safety | East Lancashire Hospitals NHS Trust | Refused.",
            BlockRole.TABLE,
        ),
        page_locators=False,
    )
    found = match(log)
    assert {found.trust_code, *found.also} == {"RXN", "RXR"}


def test_an_icb_sending_the_requester_to_the_trusts_is_no_trusts_reply() -> None:
    # Regression: an ICB's mail naming the county's three trusts as the bodies to contact
    # ("... are separate public authorities; you will need to contact them") was taken for a
    # joint reply of all three.
    mail = doc(
        "RE_ FOI - redirect.eml",
        ("Dear Dr Mabbott,", B),
        (
            "NHS Dorset (the Integrated Care Board) does not hold this information for provider "
            "organisations. The three NHS trusts in Dorset - University Hospitals Dorset NHS "
            "Foundation Trust, Dorset County Hospital NHS Foundation Trust and Dorset HealthCare "
            "University NHS Foundation Trust - are separate public authorities; you will need to "
            "contact them (their shared FOI service is at foi@dorset-trusts.example).",
            B,
        ),
        ("Regards\nNHS Dorset FOI team", B),
        headers=(("From", "NHS Dorset FOI <foi@nhsdorset.example>"),),
        page_locators=False,
    )
    found = match(mail)
    assert found.trust_code == "" and not found.also


def test_a_trusts_initials_with_a_t_for_trust_name_it() -> None:
    # Regression: "UHMBT" (the register's alias "UHMB" with "Trust"'s T) named no trust, so a
    # disclosure-log page headed and saved only with it was left with no candidate.
    log = doc(
        "UHMBT disclosure log FOI 9921.txt",
        ("UHMBT Disclosure Log - FOI 9921 - Staff sexual safety\nPublished: 07/01/2025", B),
        ("Request: 1. Dedicated sexual safety policy?", B),
        ("Response: 1. No.", B),
        page_locators=False,
    )
    assert match(log).trust_code == "RTX"


def test_a_denied_on_behalf_of_is_no_joint_cue_either() -> None:
    # Review: the joint cues read "on behalf of A and B" without the check that the words
    # before it do not deny it ("we cannot answer on behalf of ..."), which the trusts a reply
    # answers for had; both now read it one way.
    icb = doc(
        "ICB FOI 24-311 response.docx",
        ("NHS Kent and Medway Integrated Care Board", H),
        (
            "We cannot answer on behalf of Medway NHS Foundation Trust and Dartford and "
            "Gravesham NHS Trust; please write to them directly.",
            B,
        ),
    )
    index = name_index(load_register())
    cues = joint_cues(icb, zones_of(icb), index)
    assert not [cue for cue in cues if "behalf" in cue]


def test_trusts_an_icb_cannot_answer_for_or_a_mailboxs_remit_make_no_joint_reply() -> None:
    # Regression: "we cannot answer on behalf of provider trusts ..., such as A, B, C or D" in
    # an ICB's letter, and a shared mailbox's footer "operated ... on behalf of A, B and C",
    # were read as the trusts the reply answers for.
    icb = doc(
        "KM ICB FOI 24-301 response.docx",
        ("NHS Kent and Medway Integrated Care Board", H),
        (
            "Thank you for your request. The ICB is a commissioning organisation; we cannot "
            "answer on behalf of provider trusts in Kent and Medway, such as Medway NHS "
            "Foundation Trust, Dartford and Gravesham NHS Trust or Maidstone and Tunbridge Wells "
            "NHS Trust.",
            B,
        ),
        ("1. The ICB does not have a dedicated policy.", B),
    )
    assert not match(icb).also
    mail = doc(
        "Acknowledgement - FOI MCHFT 2412-033.eml",
        ("Dear Requester", B),
        (
            "Thank you for your request for information, which was received by Mid Cheshire "
            "Hospitals NHS Foundation Trust on 3 December 2024.",
            B,
        ),
        ("We will respond within 20 working days, by 3 January 2025.", B),
        ("Cheshire Information Governance Shared Service\n" + "-" * 45, B),
        (
            "This mailbox is operated by the Cheshire IG Shared Service on behalf of Mid "
            "Cheshire Hospitals NHS Foundation Trust, East Cheshire NHS Trust and Cheshire and "
            "Wirral Partnership NHS Foundation Trust.",
            B,
        ),
        headers=(("From", "Mid Cheshire FOI <mcht.foi@nhs.example>"),),
        page_locators=False,
    )
    found = match(mail)
    assert (found.trust_code, found.also) == ("RBT", ())


# --- whose reply: a reply that says it answers for one trust alone ---------------------------


def test_a_group_letterhead_naming_both_trusts_with_one_trusts_response_is_that_trusts() -> None:
    # Round 52: a group's letterhead naming both partner trusts, its "Group FOI Service"
    # signing, and "Please find NHFT's response below" was read as a joint reply of both.
    letter_ = doc(
        "NHFT FOI 2025-0031.docx",
        (
            "Leicestershire Partnership NHS Trust & Northamptonshire Healthcare NHS Foundation "
            "Trust - working together as a Group",
            H,
        ),
        ("Group Freedom of Information Service", H),
        ("Dear Dr Salter,", B),
        (
            "Thank you for your enquiry. Please find NHFT's response below. Your request to our "
            "partner trust is being handled under its own reference.",
            B,
        ),
        ("1 - Policy | NHFT does not have a dedicated policy.", BlockRole.TABLE),
        ("Group FOI Service", B),
        page_locators=False,
    )
    found = match(letter_)
    assert (found.trust_code, found.method, found.also) == ("RP1", "sent_for", ())
    assert "Please find NHFT's response" in found.message
    assert "RT5 Leicestershire Partnership NHS Trust" in found.message  # the one not counted
    assert found.evidence[0].startswith("letterhead:RP1 ")  # the owner's evidence first


def test_a_shared_service_writing_on_behalf_of_one_trust_is_not_its_hosts_reply() -> None:
    # Round 52: a shared IG service's letter "writing on behalf of" one trust, its footer naming
    # the host trust, was read as a joint reply of the two.
    letter_ = doc(
        "DHCFT FOI 24-2290.pdf",
        ("Derbyshire Shared Information Governance Service", H),
        ("Request for information - Derbyshire Healthcare NHS Foundation Trust", H),
        (
            "I am writing on behalf of Derbyshire Healthcare NHS Foundation Trust in response to "
            "your request.",
            B,
        ),
        ("Answer: Not specifically.", B),
        ("Yours sincerely\nMrs Annette Pawlowski\nInformation Governance Officer", B),
        (
            "The Shared Information Governance Service is hosted by Derbyshire Community Health "
            "Services NHS Foundation Trust, Ash Green, Chesterfield S42 7JE",
            BlockRole.FOOTER,
        ),
    )
    found = match(letter_)
    assert (found.trust_code, found.method, found.also) == ("RXM", "sent_for", ())


def test_a_partner_trust_answering_for_another_on_its_own_letterhead_is_the_others_reply() -> None:
    # Round 52: one trust's FOI office answering for its partner on its own letterhead ("this
    # reply gives George Eliot's information only", signed "for and on behalf of" it).
    letter_ = doc(
        "GEH FOI 1419.docx",
        ("South Warwickshire University NHS Foundation Trust", H),
        ("Freedom of Information Office, Warwick Hospital, Lakin Road, Warwick CV34 5BW", H),
        (
            "Your request was addressed to George Eliot Hospital NHS Trust. The SWFT FOI office "
            "handles requests for George Eliot, and this reply gives George Eliot's information "
            "only (not SWFT's).",
            B,
        ),
        ("Sexual safety policy: George Eliot is writing one.", B),
        ("With best wishes\nFOI Office (for and on behalf of George Eliot Hospital NHS Trust)", B),
        page_locators=False,
    )
    found = match(letter_)
    assert (found.trust_code, found.method, found.also) == ("RLT", "sent_for", ())


def test_a_reply_covering_one_trust_only_under_a_group_banner_is_that_trusts() -> None:
    # Round 52: a group banner naming both trusts in full, "This reply covers BHRUT only", was
    # left ambiguous between the two.
    letter_ = doc(
        "BHRUT FOI 8120.pdf",
        (
            "Barts Health NHS Trust and BHRUT - Group Model\nBarking, Havering and Redbridge "
            "University Hospitals NHS Trust | Queen's Hospital, Rom Valley Way, Romford RM7 0AG",
            H,
        ),
        (
            "This reply covers BHRUT only. Barts Health NHS Trust has its own FOI process; please "
            "contact it directly if you would like its information.",
            B,
        ),
        ("Question 1 - Yes: the BHRUT Sexual Safety Policy is attached.", B),
    )
    found = match(letter_)
    assert (found.trust_code, found.method) == ("RF4", "sent_for"), found.message


def test_on_behalf_of_two_trusts_is_no_reply_for_one_alone() -> None:
    # the guard: words naming two trusts say the reply is joint, not one trust's
    reply = doc(
        "joint reply.pdf",
        ("The Royal Wolverhampton NHS Trust", H),
        ("Walsall Healthcare NHS Trust", H),
        (
            "I am writing on behalf of The Royal Wolverhampton NHS Trust and Walsall Healthcare "
            "NHS Trust, which share a joint FOI team.",
            B,
        ),
        ("1. Yes.", B),
    )
    found = match(reply)
    assert found.method != "sent_for"
    assert {found.trust_code, *found.also} == {"RL4", "RBK"}, found.message
    # a regression of round 53's own: "on behalf of both A and B", the second name cut off
    both = doc(
        "Cover email - FOI RSFT-ASPH 24-1530.eml",
        ("Royal Surrey NHS Foundation Trust", H),
        ("Ashford and St Peter's Hospitals NHS Foundation Trust", H),
        (
            "This response is given on behalf of both Royal Surrey NHS Foundation Trust and "
            "Ashford and St Peter's Hospitals NHS Foundation Trust, which share an FOI team.",
            B,
        ),
    )
    found = match(both)
    assert {found.trust_code, *found.also} == {"RA2", "RTK"}, found.message


def test_a_building_in_the_trusts_own_postal_address_is_not_a_rival_body() -> None:
    # Round 52: a GP practice's name used as the trust's building in its signature's address
    # ("IG Team, St Catherine's Health Centre, Derby Road, Birkenhead CH42 0LQ", the trust's
    # postcode) left the reply ambiguous between the trust and the practice.
    mail = doc(
        "Re Your FOI request (our ref 0925).eml",
        ("Sorry for the slight delay. Answers from Wirral Community Health and Care below:", B),
        ("Policy - yes, we have a Sexual Safety and Misconduct Policy (attached).", B),
        (
            "Thanks, Mia\nIG Team, St Catherine's Health Centre, Derby Road, Birkenhead CH42 0LQ",
            B,
        ),
        headers=(("From", "Information Governance <ig.team.foi@nhs.net>"),),
        page_locators=False,
    )
    assert match(mail).trust_code == "RY7"
    # a board sharing a trust's address is still a board (round 53's review)
    board = doc(
        "reply.pdf",
        ("NHS Black Country Integrated Care Board, Manor Hospital, Moat Road, Walsall WS2 9PS", H),
        ("Dear Dr Salter,", B),
        ("The ICB does not hold this information.", B),
    )
    assert match(board).method == "out_of_scope"


def test_a_group_acknowledgement_naming_the_partners_separate_request_is_the_others() -> None:
    # Round 53: a group FOI team's holding mail for one trust, saying "Your separate request to
    # <the partner> has been answered", was read as a joint reply of both.
    mail = doc(
        "RE_ FOI KGH 24-1603 - acknowledgement.eml",
        ("Dear Ms Lendrum,", B),
        (
            "I am sorry that Kettering General Hospital NHS Foundation Trust has not yet been "
            "able to answer your request KGH 24-1603.",
            B,
        ),
        (
            "Your separate request to Northampton General Hospital NHS Trust (NGH 24-1602) has "
            "been answered.",
            B,
        ),
        ("Apologies again,\nUHN Group FOI Team", B),
        headers=(("From", "UHN Group FOI <groupfoi@uhn.nhs.example>"),),
        page_locators=False,
    )
    found = match(mail)
    assert (found.trust_code, found.method, found.also) == ("RNQ", "sent_for", ())
    assert "not answering" in found.message


def test_a_trust_the_requester_is_told_to_contact_is_not_the_sender() -> None:
    # Round 53: "mental health services ... are run by <another trust> ...; you may wish to
    # contact them", high on page 1, left the letter ambiguous between the two.
    letter_ = doc(
        "NCIC FOI 24-667.pdf",
        ("North Cumbria Integrated Care NHS Foundation Trust Pillars Building, Carlisle", H),
        ("Reference: NCIC 24-667 Date: 8 January 2025", H),
        (
            "Please note that mental health services in north Cumbria are run by Cumbria, "
            "Northumberland, Tyne and Wear NHS Foundation Trust, which may hold different "
            "arrangements; you may wish to contact them.",
            H,
        ),
        ("1) Yes - our Sexual Safety Policy is attached.", B),
        ("Yours faithfully, FOI Team", B),
    )
    found = match(letter_)
    assert (found.trust_code, found.also) == ("RNN", ())


def test_more_ways_a_reply_says_whose_it_is() -> None:
    # Round 53: "This response is from X", "Trust responding: X", "FOI Office (for X)" and
    # "We confirm receipt of your request to X" under a group's letterhead naming its trusts
    group = "The Foundation Group South Warwickshire University NHS Foundation Trust"
    partners = "George Eliot Hospital NHS Trust | Wye Valley NHS Trust"
    for said, code in (
        ("This response is from Wye Valley NHS Trust.", "RLQ"),
        ("Trust responding: George Eliot Hospital NHS Trust  Ref: 24-558", "RLT"),
        ("Foundation Group FOI Office (for George Eliot Hospital NHS Trust)", "RLT"),
        ("The response below is Wye Valley NHS Trust's response.", "RLQ"),
        (
            "We confirm receipt of your Freedom of Information request to South Warwickshire "
            "University NHS Foundation Trust.",
            "RJC",
        ),
    ):
        letter_ = doc(
            "FOI reply.pdf",
            (group, H),
            (partners, H),
            ("Dear Ms Lendrum,", B),
            (said, B),
            ("1. No.", B),
        )
        found = match(letter_)
        assert (found.trust_code, found.also) == (code, ()), said


def test_a_boards_reply_holding_nothing_for_the_trusts_it_names_is_its_own() -> None:
    # Round 52: an ICB's short mail naming two trusts in full in its opening ("does not employ
    # staff of A or B, and does not hold the information for them") was left ambiguous.
    mail = doc(
        "RE_ FOI request - NHS Lincolnshire ICB.eml",
        (
            "NHS Lincolnshire Integrated Care Board does not employ staff of United Lincolnshire "
            "Teaching Hospitals NHS Trust or Lincolnshire Community Health Services NHS Trust, "
            "and does not hold the information for them. For the ICB's own staff: no dedicated "
            "policy; ABT is not provided.",
            B,
        ),
        ("FOI Team, NHS Lincolnshire ICB", B),
        headers=(("From", "NHS Lincolnshire ICB <foi@lincs.icb.example>"),),
        page_locators=False,
    )
    found = match(mail)
    assert (found.trust_code, found.method) == ("", "out_of_scope"), found.message
    assert "not RWD, RY5" in found.message


def test_words_naming_another_trust_in_passing_do_not_say_whose_the_reply_is() -> None:
    # Guards from round 53's review: "(for example X ...)", a request transferred from the
    # trust it was sent to, and a board's letter about a transferred request
    example = letter(
        "reply 4410.pdf",
        "Walsall Healthcare NHS Trust",
        (
            "Sessions are shared across the Black Country (for example The Royal Wolverhampton "
            "NHS Trust staff attend the same sessions).",
            B,
        ),
    )
    assert match(example).trust_code == "RBK"
    transferred = letter(
        "reply 5521.pdf",
        "Leeds Community Healthcare NHS Trust",
        (
            "We acknowledge your request to Leeds Teaching Hospitals NHS Trust, which was "
            "transferred to us as it concerns our staff.",
            B,
        ),
    )
    assert match(transferred).trust_code in {"", "RY6"}
    board = doc(
        "ICB reply.pdf",
        ("NHS Black Country Integrated Care Board", H),
        (
            "We received your request to Walsall Healthcare NHS Trust, which was transferred to "
            "the ICB. The ICB does not hold this information.",
            B,
        ),
    )
    assert match(board).method == "out_of_scope"


def test_a_joint_letter_signed_for_its_host_trust_stays_joint() -> None:
    # Guards from round 53's review: a group's joint letter signed "For and on behalf of" its
    # host trust, and one whose answers mention the partner ("... does not cover contractors",
    # "you may wish to contact the FOI team at X")
    for extra in (
        "For and on behalf of The Royal Wolverhampton NHS Trust",
        "At Walsall Healthcare NHS Trust the policy does not cover contractors.",
        "If you have any queries you may wish to contact the FOI team at Walsall Healthcare NHS "
        "Trust.",
    ):
        letter_ = doc(
            "Group reply 2231.pdf",
            ("The Royal Wolverhampton NHS Trust", H),
            ("Walsall Healthcare NHS Trust", H),
            ("You sent the same request to the two trusts in our hospital group.", B),
            ("1. Both trusts have a Sexual Safety Policy.", B),
            (extra, B),
        )
        found = match(letter_)
        assert {found.trust_code, *found.also} == {"RL4", "RBK"}, (extra, found.message)


def test_a_reply_speaking_for_another_trust_than_its_evidence_is_left_to_a_person() -> None:
    # the file's name, letterhead and signature name one trust, the words another (an
    # acronym): neither is taken on trust
    letter_ = doc(
        "RBK FOI 0192 reply.pdf",
        ("Walsall Healthcare NHS Trust", H),
        ("Please find The Royal Wolverhampton NHS Trust's response below.", B),
        ("1. Yes.", B),
        ("Yours sincerely\nFOI Team\nWalsall Healthcare NHS Trust", B),
    )
    found = match(letter_)
    assert (found.trust_code, found.method) == ("", "ambiguous"), found.message
    assert {"RBK", "RL4"} <= set(found.candidates)
    assert "the reply says it answers for RL4" in found.message


def test_a_reply_issued_by_a_partners_team_on_behalf_of_one_trust_is_that_trusts() -> None:
    # Round 72: "This response is issued by the Chelsea and Westminster FOI team on behalf of
    # The Hillingdon Hospitals ..., The answers relate to The Hillingdon Hospitals ... only",
    # on the partner's letterhead, was left ambiguous between the two.
    letter_ = doc(
        "THH 24-877 response.pdf",
        (
            "Chelsea and Westminster Hospital NHS Foundation Trust 369 Fulham Road, London "
            "SW10 9NH on behalf of The Hillingdon Hospitals NHS Foundation Trust",
            H,
        ),
        (
            "This response is issued by the Chelsea and Westminster FOI team on behalf of The "
            "Hillingdon Hospitals NHS Foundation Trust, which shares its corporate services with "
            "us. The answers relate to The Hillingdon Hospitals NHS Foundation Trust only.",
            B,
        ),
        ("Question 4: Yes, the Dignity at Work Policy covers sexual harassment.", B),
        ("Information Governance Team\nChelsea and Westminster Hospital NHS Foundation Trust", B),
    )
    found = match(letter_)
    assert (found.trust_code, found.method, found.also) == ("RAS", "sent_for", ()), found.message


def test_a_joint_reply_in_words_keeps_the_partner_named_in_full_beside_its_acronym() -> None:
    # Round 72: a group's joint letter ("This is a joint reply") whose first trust had a full
    # name, an acronym and a postcode, its partner a full name and an acronym, went to the first
    # alone: the first's repeated evidence outweighed the partner's one strong cue.
    letter_ = doc(
        "Joint FOI response MPFT NSCHT.pdf",
        (
            "Midlands Partnership University NHS Foundation Trust in partnership with North "
            "Staffordshire Combined Healthcare NHS Trust St George's Hospital, Corporation Street, "
            "Stafford ST16 3SR",
            H,
        ),
        ("Freedom of Information Act 2000 - Request reference MPFT 24/3302; NSCHT 24/0718", H),
        (
            "Midlands Partnership University NHS Foundation Trust (MPFT) and North Staffordshire "
            "Combined Healthcare NHS Trust (Combined Healthcare) are in a group arrangement with a "
            "joint Chief Executive. This is a joint reply.",
            B,
        ),
        ("4: MPFT: yes. Combined Healthcare: a policy has been drafted.", B),
    )
    found = match(letter_)
    assert found.method == "joint", found.message
    assert {found.trust_code, *found.also} == {"RRE", "RLY"}


def test_a_group_service_whose_answers_below_relate_to_one_trust_only_is_that_trusts() -> None:
    # Round 72: a group's single FOI service, its letterhead naming both trusts, "the answers
    # below relate to Kettering General Hospital NHS Foundation Trust only", was read as joint.
    letter_ = doc(
        "UHN-FOI-24-1330.pdf",
        (
            "University Hospitals of Northamptonshire NHS Group Kettering General Hospital NHS "
            "Foundation Trust Northampton General Hospital NHS Trust Rothwell Road, Kettering "
            "NN16 8UZ",
            H,
        ),
        (
            "University Hospitals of Northamptonshire NHS Group provides a single FOI service for "
            "Kettering General Hospital NHS Foundation Trust and Northampton General Hospital NHS "
            "Trust. Your request was addressed to Kettering General Hospital, and the answers "
            "below relate to Kettering General Hospital NHS Foundation Trust only.",
            B,
        ),
        ("Question 4: Yes - KGH Sexual Safety Policy, copy attached.", B),
    )
    found = match(letter_)
    assert (found.trust_code, found.method, found.also) == ("RNQ", "sent_for", ()), found.message
