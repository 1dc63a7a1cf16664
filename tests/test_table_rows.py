"""Table rows: a table of people is read a row at a time, name and post before the part played."""

from foi_audit.coding.table_rows import cell_kinds, header_columns, people_header, person_row


def test_a_header_with_a_name_column_makes_a_table_of_people() -> None:
    assert people_header(["Name", "Role", "Responsibility"]) == ("name", "person", "person")
    assert people_header(["Role", "Name", "Notes"]) == ("person", "name", "person")
    assert people_header(["Post holder", "Job title"]) == ("name", "person")


def test_a_question_and_answer_header_is_no_table_of_people() -> None:
    assert people_header(["Question", "Response"]) == ()
    assert people_header(["Policy", "Yes"]) == ()  # a first row of answers, no header
    assert header_columns(["Question", "Response"]) == ("question", "answer")


def test_a_row_reads_name_and_post_before_the_part_played_whatever_the_order() -> None:
    columns = ("person", "name", "person")
    row = ["Executive Lead (DASV)", "Dr Jo Bell", "Director of Nursing"]
    assert person_row(row, columns) == (
        "",
        "Dr Jo Bell, Director of Nursing: Executive Lead (DASV).",
    )
    # a post with "Lead" inside it is a post, not a part played
    assert person_row(["Ms Ada Obi", "Domestic Abuse Lead Nurse"], ("name", "person")) == (
        "",
        "Ms Ada Obi, Domestic Abuse Lead Nurse.",
    )


def test_a_table_of_leads_by_area_gives_each_row_its_area() -> None:
    columns = people_header(["Area", "Executive lead", "Deputy lead"])
    assert columns == ("area", "lead:Executive lead", "lead:Deputy lead")
    row = ["Prevent", "Mrs Al Roe, Chief Nurse", "Mr Di Fey, Head of Safeguarding"]
    assert person_row(row, columns) == (
        "Prevent",
        "For Prevent, Executive lead Mrs Al Roe, Chief Nurse; Deputy lead Mr Di Fey, Head of "
        "Safeguarding.",
    )


def test_a_revised_replys_columns_and_a_date_column_named_like_them() -> None:
    """ "Original response | Revised response": the first is the original, the second the
    answer; a "Final response date" column is no answer column (the review's case)."""
    assert header_columns(["Question", "Original response", "Revised response"]) == (
        "question",
        "original",
        "answer",
    )
    assert header_columns(["Question", "Response", "Updated response"])[1:] == (
        "original",
        "answer",
    )
    kinds = header_columns(["Question", "Response", "Final response date"])
    assert kinds[1] == "answer" and "original" not in kinds


def test_an_exemption_column_is_known_and_a_scans_speck_after_a_heading_is_no_sentence() -> None:
    # round 72: a scanned schedule's "Response | Exemption ." was no header, so each row's
    # "None." under "Exemption" was read as its answer ("policy: none")
    assert header_columns(["Response", "Exemption ."]) == ("answer", "exemption")
    assert header_columns(["Request", "Response", "Exemption applied"]) == (
        "question",
        "answer",
        "exemption",
    )
    # a row keeping the label column its header lost: the label, then the columns
    columns = ("answer", "exemption")
    assert cell_kinds(["2b", "Mandatory.", "None"], columns) == ["label", "answer", "exemption"]
    assert cell_kinds(["Yes.", "None"], columns) == ["answer", "exemption"]


def test_a_row_that_lost_its_empty_last_cells_reads_its_item_as_the_question() -> None:
    """Round 76: a sheet's rows shorter than its "Item | Answer | Date / version | Figure"
    header kept their item as a bare label, so "Dedicated sexual safety policy | Yes | v1.0"
    answered nothing; a one-word item with its question mark, "Mandatory?", names its question."""
    from foi_audit.coding import load_codebook
    from foi_audit.coding.compiled import compile_codebook

    compiled = compile_codebook(load_codebook())
    columns = header_columns(["Item", "Answer", "Date / version", "Figure"])
    assert cell_kinds(["Dedicated sexual safety policy", "Yes", "v1.0"], columns, compiled)[:2] == [
        "question",
        "answer",
    ]
    assert cell_kinds(["Mandatory?", "No"], columns, compiled) == ["question", "answer"]
