"""Plain-text tables set out with spaces: each row one line of cells, wrapped cells rejoined."""

from foi_audit.coding.aligned import aligned_rows, answer_column

TABLE = """Question                                    Response
------------------------------------------------------------------
1. Does the Trust have a dedicated policy   Yes - the Sexual Safety at Work
on sexual safety of staff?                  Policy. A copy is attached.

2. Does the Trust provide Active Bystander  Yes
Training (ABT) to staff?

2a. Is it delivered in-house or by an       External: Upright Training Ltd
external provider?"""


def test_rows_are_rejoined_cell_by_cell() -> None:
    blocks = TABLE.split("\n\n")
    column = answer_column(blocks)
    assert column == 44
    assert aligned_rows(blocks[0], column).splitlines() == [
        "Question | Response",
        "1. Does the Trust have a dedicated policy on sexual safety of staff? | "
        "Yes - the Sexual Safety at Work Policy. A copy is attached.",
    ]
    assert aligned_rows(blocks[2], column) == (
        "2a. Is it delivered in-house or by an external provider? | External: Upright Training Ltd"
    )


def test_prose_is_left_as_it_is() -> None:
    prose = (
        "We do provide the training.  It is run by our own team and is open to all staff\n"
        "who wish to attend; sessions are held monthly at each of our hospital sites."
    )
    # no column shared by three lines
    assert answer_column([prose]) == 0
    # a line running across the column keeps a block as it is
    assert aligned_rows(prose, 30) == prose


def test_labels_set_out_before_their_values_are_no_table() -> None:
    # regression: a disclosure log's "Ref:    FOI 24/1402" lines were read as a table's rows,
    # and its entries ran together (another request's s43 became this one's)
    log = (
        "Ref:            FOI 24/1402\n"
        "Date received:  28/10/2024\n"
        "Subject:        Car parking management contract\n"
        "Response:       The contract value has been withheld under section 43(2)."
    )
    assert answer_column([log]) == 0


def test_a_table_without_row_numbers_starts_a_row_after_each_question() -> None:
    # review guard: rows with no numbers were merged into one
    block = (
        "Question                                   Response\n"
        "Dedicated sexual safety policy?            Yes - Sexual Safety at Work Policy (2023)\n"
        "Active Bystander Training provided?        Yes\n"
        "In-house or external provider?             External - Hollins Associates"
    )
    column = answer_column([block])
    assert aligned_rows(block, column).splitlines()[1:] == [
        "Dedicated sexual safety policy? | Yes - Sexual Safety at Work Policy (2023)",
        "Active Bystander Training provided? | Yes",
        "In-house or external provider? | External - Hollins Associates",
    ]


def test_part_numbers_and_two_spaces_after_a_number_still_make_rows() -> None:
    # review guards: "2.1" started no row; "1.  Does" (two spaces) hid the table
    block = (
        "1.  Does the Trust provide Active Bystander      Yes.\n"
        "    Training (ABT) to staff?\n"
        "2.1 Is it delivered in-house or by an external   External - Hollins Associates.\n"
        "    provider?\n"
        "2.2 Is it mandatory or optional?                 Optional."
    )
    column = answer_column([block])
    assert column == 49
    assert aligned_rows(block, column).splitlines() == [
        "1. Does the Trust provide Active Bystander Training (ABT) to staff? | Yes.",
        "2.1 Is it delivered in-house or by an external provider? | External - Hollins Associates.",
        "2.2 Is it mandatory or optional? | Optional.",
    ]
