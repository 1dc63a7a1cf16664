"""Reply dates found in documents: sources, formats, roles and the quoted-request trap."""

from __future__ import annotations

import datetime as dt

import pytest

from foi_audit.coding.codebook import load_codebook
from foi_audit.dataset.layout import Layout
from foi_audit.records import Block, BlockRole, Document, FileStatus, Match
from foi_audit.requests.dates import (
    date_rows,
    document_role,
    email_date,
    find_dates,
    parse_date,
    read_dates,
    write_dates,
)

TOPIC = frozenset({"sexual", "safety", "bystander", "training", "harassment"})


def doc(
    *texts: str,
    path: str = "reply.pdf",
    headers: tuple[tuple[str, str], ...] = (),
    trust: str = "RXX",
) -> Document:
    blocks = tuple(Block(text, f"page {n}") for n, text in enumerate(texts, start=1))
    return Document(
        path=path,
        sha256="0" * 64,
        format="pdf",
        units=len(blocks),
        chars=sum(len(t) for t in texts),
        ocr=False,
        status=FileStatus.OK,
        match=Match(trust, "mapping", 100.0),
        blocks=blocks,
        headers=headers,
    )


def dates_of(document: Document) -> list[tuple[str, str]]:
    return [(f.date, f.kind) for f in find_dates(document, TOPIC)]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("25 April 2024", "2024-04-25"),
        ("25th April 2024", "2024-04-25"),
        ("Thursday, 25 April 2024", "2024-04-25"),
        ("25 Apr 2024", "2024-04-25"),
        ("April 25, 2024", "2024-04-25"),
        ("25/04/2024", "2024-04-25"),
        ("05/04/2024", "2024-04-05"),  # UK day first: 5 April, not 4 May
        ("25.04.24", "2024-04-25"),
        ("2024-04-25", "2024-04-25"),
        ("1st of September 2024", "2024-09-01"),
    ],
)
def test_parse_date_formats(text: str, iso: str) -> None:
    assert parse_date(text) == dt.date.fromisoformat(iso)


def test_parse_date_rejects_impossible_dates() -> None:
    assert parse_date("31/02/2024") is None
    assert parse_date("FOI 24-2281") is None


def test_email_date_header_is_the_uk_date() -> None:
    assert email_date("Fri, 29 Nov 2024 13:05:19 +0000") == dt.date(2024, 11, 29)
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    assert email_date("Sun, 30 Jun 2024 23:30:00 +0000") == dt.date(2024, 7, 1)


def test_email_header_is_the_best_source() -> None:
    mail = doc(
        "Dear Ms Okafor,\nPlease find attached our response to your request.",
        path="reply.eml",
        headers=(("Subject", "FOI 123 - Response"), ("Date", "Tue, 03 Dec 2024 16:48:02 +0000")),
    )
    found = find_dates(mail, TOPIC)
    assert (found[0].date, found[0].kind, found[0].role) == ("2024-12-03", "email_header", "reply")
    assert found[0].locator == "email header" and "03 Dec 2024" in found[0].quote


@pytest.mark.parametrize(
    ("top", "iso", "kind"),
    [
        (
            "Our ref: FOI 8823\nBy email: r.person@example.org\n27 November 2024",
            "2024-11-27",
            "letter_date",
        ),
        (
            "Ms R Okafor Ref: FOI/24/2931 By email: r@example.org Date: 3 December 2024",
            "2024-12-03",
            "letter_date",
        ),
        ("FOI 24-2281\n3rd December 2024\nMs R Okafor", "2024-12-03", "letter_date"),
        ("Ref: FOI 3317\n18/11/2024\nDear Ms Okafor", "2024-11-18", "letter_date"),
        (
            "Request reference: X-1\nResponse date: 25 November 2024",
            "2024-11-25",
            "date_of_response",
        ),
        ("Date of response: 28/11/2024\nDear requester", "2024-11-28", "date_of_response"),
        ("By email: r@example.org 27 November 2024 Dear Ms Okafor", "2024-11-27", "letter_date"),
    ],
)
def test_letter_dates(top: str, iso: str, kind: str) -> None:
    body = "Thank you for your request for information. Please see our response below.\n1. Yes."
    assert dates_of(doc(top, body)) == [(iso, kind)]


def test_quoted_request_dates_are_not_reply_dates() -> None:
    letter = doc(
        "Dear Ms Okafor\n"
        "On 4 November 2024 you wrote to the Trust asking for information.\n"
        "Thank you for your request dated 4 November 2024, which we received on 5 November 2024.\n"
        "Date received: 5 November 2024\n"
        "Further to our acknowledgement of 6 November 2024, please find below our response.\n"
        "We will reply by 3 December 2024.\n"
        "The policy was approved on 14 March 2024 and its review date: 14 March 2027.",
    )
    assert dates_of(letter) == []


def test_quoted_earlier_email_is_ignored() -> None:
    mail = doc(
        "Please find our response to your request below.\n1. Yes.\n"
        "-----Original Message-----\nFrom: Rachel\nSent: 04 November 2024\n"
        "Date: 4 November 2024\nSubject: FOI request",
        path="re.eml",
        headers=(("Date", "Fri, 22 Nov 2024 15:40:03 +0000"),),
    )
    assert dates_of(mail) == [("2024-11-22", "email_header")]


def test_letter_date_and_date_of_response_both_kept_best_first() -> None:
    letter = doc("2 December 2024\nDate of response: 29 November 2024\nPlease see our response.")
    assert dates_of(letter) == [("2024-11-29", "date_of_response"), ("2024-12-02", "letter_date")]


def test_acknowledgement_role() -> None:
    ack = doc(
        "Dear Ms Okafor,\nThank you for your request for information, which we received on "
        "4 November 2024. We will respond within 20 working days, that is by 2 December 2024.",
        path="ack.eml",
        headers=(
            ("Subject", "Acknowledgement: FOI 7731"),
            ("Date", "Mon, 04 Nov 2024 14:31:09 +0000"),
        ),
    )
    assert document_role(ack) == "acknowledgement"
    assert [(f.date, f.role) for f in find_dates(ack, TOPIC)] == [("2024-11-04", "acknowledgement")]


def test_final_reply_mentioning_its_acknowledgement_is_a_reply() -> None:
    reply = doc(
        "3 December 2024\nFurther to our acknowledgement of 5 November 2024, please find below "
        "our response to your request for information.\n1. Yes."
    )
    assert document_role(reply) == "reply"
    assert dates_of(reply) == [("2024-12-03", "letter_date")]


def test_attached_policy_dates_are_not_reply_dates() -> None:
    policy = doc(
        "Sexual Safety Policy\nVersion 1.2\n14 March 2024\nDate approved 14 March 2024\n"
        "Review date 1 March 2027\n1. Introduction\nThis policy sets out how staff are protected.",
        path="reply.eml > policy.pdf",
    )
    assert document_role(policy) == "other"
    assert dates_of(policy) == []


def test_disclosure_log_entry_chosen_by_topic() -> None:
    log = doc(
        "Disclosure log: November 2024\n"
        "FOI 24-0981: Car parking income\nDate of response: 8 November 2024\n"
        "Request\nPlease state the Trust's income from car parking.\nResponse\n£2m.\n"
        "FOI 24-1012: Sexual safety policy and Active Bystander Training\n"
        "Date of response: 26 November 2024\nRequest and response\n"
        "1. Does the Trust have a policy on sexual harassment? Yes. Bystander training: yes.\n"
        "FOI 24-1020: Agency nursing spend\nDate of response: 28 November 2024\n"
        "Request\nHow much did the Trust spend on agency nurses?\nResponse\n£14.2 million.",
        path="disclosure-log.html",
    )
    found = find_dates(log, TOPIC)
    assert [(f.date, f.kind) for f in found] == [("2024-11-26", "date_of_response")]
    assert "chosen" in found[0].note


def test_disclosure_log_without_topic_keeps_every_entry() -> None:
    log = doc(
        "Disclosure log\nFOI 1: Car parking\nDate of response: 8 November 2024\nParking.\n"
        "FOI 2: Agency spend\nDate of response: 28 November 2024\nAgency.",
        path="log.html",
    )
    found = find_dates(log, frozenset())
    assert {f.date for f in found} == {"2024-11-08", "2024-11-28"}
    assert all("could not tell" in f.note for f in found)


def test_published_date_is_its_own_kind() -> None:
    page = doc(
        "Home > Freedom of Information > Disclosure log\n"
        "FOI 24-1893: Sexual safety\nCategory: Workforce Date published: 6 December 2024\n"
        "Question Response\n1. Policy? Yes."
    )
    found = find_dates(page, TOPIC)
    assert [(f.date, f.kind) for f in found] == [("2024-12-06", "published")]
    assert "on or before" in found[0].note


def test_email_header_blocks_are_not_scanned_twice() -> None:
    document = Document(
        path="a.eml",
        sha256="1" * 64,
        format="eml",
        units=1,
        chars=10,
        ocr=False,
        status=FileStatus.OK,
        match=Match("RXX", "mapping", 100.0),
        blocks=(
            Block("Date: Mon, 25 Nov 2024 11:02:37 +0000", "header", BlockRole.EMAIL_HEADER),
            Block("Our response to your request is below.", "body"),
        ),
        headers=(("Date", "Mon, 25 Nov 2024 11:02:37 +0000"),),
    )
    assert dates_of(document) == [("2024-11-25", "email_header")]


def test_dates_csv_round_trip(project) -> None:
    layout = Layout.from_dirs(project / "raw")
    unmatched = doc("27 November 2024\nOur response to your request.", trust="")
    documents = [doc("27 November 2024\nOur response to your request.", trust="RXX"), unmatched]
    written = write_dates(layout.dates_csv, documents, load_codebook())
    rows = read_dates(layout.dates_csv)
    assert rows == written == date_rows(documents[:1], find_dates)
    assert [(r.trust_code, r.date, r.kind, r.locator) for r in rows] == [
        ("RXX", "2024-11-27", "letter_date", "page 1")
    ]


def test_a_plain_answer_sheet_sent_by_the_trust_is_a_reply() -> None:
    # Regression: a spreadsheet of answers with no "our response" wording was taken for "other"
    # (like an attached policy), so its date was ignored and the trust had no reply date.
    sheet = doc("Q1 | Yes", "Q2 | No", "response sent 29/11/2024", path="Book2.xlsx")
    assert document_role(sheet) == "reply"
    attached = Document(**{**sheet.__dict__, "path": "mail.eml > Policy.pdf", "parent": "mail.eml"})
    assert document_role(attached) == "other"


def test_a_reference_shaped_like_a_date_is_not_a_date() -> None:
    # r1_bmj: "Our ref: 24/11/8894" became 8894-11-24 and stopped the whole ingest.
    assert parse_date("Our ref: 24/11/8894") is None
    assert parse_date("24/11/2024") == dt.date(2024, 11, 24)
