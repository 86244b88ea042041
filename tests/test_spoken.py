"""Sizes said in words, as voice-typed orders write them."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.cues import is_on_hand
from pipeline.extract.spoken import digits_for_sizes
from pipeline.ingest.document import build_document


def test_sizes_in_words_become_digits_of_the_same_length() -> None:
    said = "two sheets of eleven gauge four by eight, also a quarter inch plate twelve by twenty four"
    read = digits_for_sizes(said)
    assert len(read) == len(said)
    assert " ".join(read.split()) == "two sheets of 11 gauge 4 x 8 , also 1/4 inch plate 12 x 24"
    counts = "one of our customers needs three pieces"
    assert digits_for_sizes(counts) == counts


def test_a_voice_typed_order_reads_its_items_and_keeps_the_customers_words() -> None:
    text = (
        "hi its dave i need three pieces of half inch square bar twenty foot and one stick of one and a half "
        "inch square tube eighth wall twenty four foot thanks\n"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, dict(line.dimensions)) for line in lines] == [
        (3, "bar_square", {"side": 0.5, "length": 240.0}),
        (1, "tube_square", {"side": 1.5, "wall_thickness": 0.125, "length": 288.0}),
    ]
    assert "half inch" in lines[0].source_text


def test_grades_said_number_by_number() -> None:
    said = "five sheets of three oh four four by ten, a ten eighteen cold rolled flat, forty one forty round"
    assert (
        " ".join(digits_for_sizes(said).split())
        == "five sheets of 304 4 x 10 , a 1018 cold rolled flat, 4140 round"
    )
    assert digits_for_sizes("one of our customers") == "one of our customers"


def test_a_titanium_grade_said_as_a_word() -> None:
    said = "two pieces of grade five titanium plate and a bar of grade two titanium"
    assert (
        " ".join(digits_for_sizes(said).split())
        == "two pieces of grade 5 titanium plate and a bar of grade 2 titanium"
    )


def test_all_but_one_form_and_that_forms_grade() -> None:
    text = "All A36 except pipe is A53.\n(4) 2x2x3/16 angle x 10'-6\"\n(12) 1-1/2\" sch 40 pipe x 8'\n"
    lines = extract(build_document("cut.txt", text.encode(), text)).lines
    assert [(line.grade, line.form, line.dimensions.get("outer_diameter")) for line in lines] == [
        ("A36", "angle", None),
        ("A53", "tube_round", 1.9),
    ]


def test_a_run_on_voice_note_with_one_grade_for_all_and_sizes_by_fractions() -> None:
    text = (
        "need a few things all hot rolled a36 two sticks of two by two by quarter angle twenty footers and "
        "four sticks of three inch channel the four point one pound twenty foot\n"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form) for line in lines] == [
        (2, "A36", "angle"),
        (4, "A36", "channel"),
    ]
    assert lines[0].dimensions == {"leg1": 2.0, "leg2": 2.0, "thickness": 0.25, "length": 240.0}


def test_a_ruled_heading_names_its_section() -> None:
    text = (
        '--- 304 STAINLESS ---\nS-201   1" round    (12)    @ 4-3/8"\n'
        "S-202   3/8 x 1-1/2 flat   (6)   @ 11'-8\"\n"
    )
    lines = extract(build_document("cut.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade) for line in lines] == [(12, "304"), (6, "304")]


def test_a_pipe_schedule_and_a_fraction_before_a_grade_said_in_words() -> None:
    from pipeline.extract.spoken import digits_for_sizes

    for said, written in (
        ("six inch schedule forty pipe", "6   inch sch 40         pipe"),
        ("a sheet of three sixteenths a36 plate", "a sheet of 3/16             a36 plate"),
    ):
        assert digits_for_sizes(said) == written


def test_a_voice_note_s_grades_before_sizes_and_its_for_pieces() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    text = (
        "I need two pieces of six oh six one T six plate three quarter inch by twelve by twenty four "
        "and for pieces of seven oh seven five one inch round twelve foot and ten pieces of half inch "
        "by two inch flat bar six oh six one twelve foot lengths thanks\n"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form) for line in lines] == [
        (2, "6061", "plate"), (4, "7075", "bar_round"), (10, "6061", "bar_rectangular"),
    ]  # fmt: skip


def test_a_fraction_said_before_the_material_is_the_thickness_and_a_whole_number_a_count() -> None:
    said = "one piece of one eighth aluminum diamond plate four by eight and two aluminum plates"
    read = " ".join(digits_for_sizes(said).split())
    assert read == "one piece of 1/8 aluminum diamond plate 4 x 8 and two aluminum plates"


def test_voice_typing_homophones_and_autocorrect_in_a_dictated_order() -> None:
    """ "for sheets of" is four, "to pieces of" two; "forty one forty pre hard" a grade; "square
    tune" autocorrect for tube; a postfix "thick" is not also the label of the size after it."""
    text = (
        "need for sheets of 304 number four finish one sixteenth thick four by ten, and to pieces of "
        "quarter inch 304 plate forty eight by ninety six. also six pieces of forty one forty pre hard "
        "round bar two inch diameter by twelve inches long, 10 sticks of 1x1x1/8 aluminum square tune "
        "24 ft, 3 sheets 5052 .063 4x8 thx\n"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in lines] == [
        (4, "304", "sheet", {"thickness": 0.0625, "width": 48.0, "length": 120.0}),
        (2, "304", "plate", {"thickness": 0.25, "width": 48.0, "length": 96.0}),
        (6, "4140", "bar_round", {"diameter": 2.0, "length": 12.0}),
        (10, None, "tube_square", {"side": 1.0, "wall_thickness": 0.125, "length": 288.0}),
        (3, "5052", "sheet", {"thickness": 0.063, "width": 48.0, "length": 96.0}),
    ]


def test_a_dictated_run_on_gives_one_line_per_counted_item() -> None:
    text = (
        "hi its tom at harbor machine we need two pieces ten forty five two inch round ten foot long "
        "five pieces ten eighteen cold roll three quarter inch square twelve foot and three pieces "
        "twelve l fourteen hex one and one eighth twelve foot thanks\n"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in lines] == [
        (2, "1045", "bar_round", {"diameter": 2, "length": 120}),
        (5, "1018", "bar_square", {"side": 0.75, "length": 144}),
        (3, "12L14", "bar_hex", {"across_flats": 1.125, "length": 144}),
    ]


def test_phone_typed_sticks_and_a_grade_said_apart_for_all() -> None:
    text = (
        "need a quote\n"
        "4 twenty foot sticks a quarter by two flat\n"
        "6 twenty foot sticks a quarter by three\n"
        "2 sheets half inch plate four by eight\n"
        "all a 36 no rush\n"
    )
    lines = extract(build_document("phone.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in lines] == [
        (4, "A36", "bar_rectangular", {"thickness": 0.25, "width": 2, "length": 240}),
        (6, "A36", "bar_rectangular", {"thickness": 0.25, "width": 3, "length": 240}),
        (2, "A36", "plate", {"thickness": 0.5, "width": 48, "length": 96}),
    ]
    assert "form_inferred" in lines[1].flags  # flat bar read from "sticks" and its sizes: asked


def test_a_dictated_run_on_with_grades_said_apart_between_the_items() -> None:
    text = (
        "hi this is sam i need a price on six pieces of too inch schedule forty pipe a 53 twenty one "
        "foot lengths three joints of three by three by three sixteenths tube a 500 twenty four foot "
        "and one sheet of three eights plate five by ten a 36 thanks\n"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in lines] == [
        (
            6,
            "A53",
            "tube_round",
            {"outer_diameter": 2.375, "wall_thickness": 0.154, "length": 252, "nominal_size": 2},
        ),
        (3, "A500", "tube_square", {"side": 3, "wall_thickness": 0.1875, "length": 288}),
        (1, "A36", "plate", {"thickness": 0.375, "width": 60, "length": 120}),
    ]


def test_grades_said_with_their_letter_decimals_with_point_and_marks_said_in_words() -> None:
    said = (
        "just A thirty six, the tube A five hundred grade C, D two tool steel, one point two five inch, "
        "point two five zero by forty eight, four quote by four quote by one half angle comma twenty feet"
    )
    read = digits_for_sizes(said)
    assert len(read) == len(said)
    assert " ".join(read.split()) == (
        'just A36 , the tube A500 grade C, D2 tool steel, 1.25 inch, .250 x 48 , 4" x 4" x 1/2 angle, 20 feet'
    )
    # an article before a size is not a grade's letter; "at this point" is not a decimal
    kept = "we need a thirty six inch sheet, at this point three pieces"
    assert " ".join(digits_for_sizes(kept).split()) == "we need a 36 inch sheet, at this point three pieces"


def test_a_grade_said_after_a_size_and_one_after_a_schedule() -> None:
    said = "forty eight by ninety six three oh four stainless, one inch schedule forty three sixteen pipe"
    assert " ".join(digits_for_sizes(said).split()) == "48 x 96 304 stainless, 1 inch sch 40 316 pipe"
    assert digits_for_sizes("H S S six by six").split()[0] == "HSS"


def test_a_dictated_quote_states_each_forms_grade_after_the_items() -> None:
    text = (
        "I need a quote for eight pieces of H S S six by six by three eighths comma forty feet long "
        "comma and fourteen pieces of C ten by fifteen point three channel comma thirty feet. The tube "
        "is A five hundred grade C and the channel and angle are A thirty six.\n"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in lines] == [
        (8, "A500", "tube_square", {"side": 6, "wall_thickness": 0.375, "length": 480}),
        (14, "A36", "channel", {"height": 10, "length": 360, "weight_per_foot": 15.3}),
    ]
    assert all("grade_from_context" in line.flags for line in lines)  # said after the items: asked


def test_a_wall_said_in_thousandths_and_a_filler_before_the_next_count() -> None:
    text = (
        "need a quote on uh fifteen pieces of one and a half square tube oh 65 wall 24 foot and "
        "um 25 pieces of half inch solid square bar 20 foot long thanks"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, line.dimensions.get("wall_thickness")) for line in lines] == [
        (15, "tube_square", 0.065),
        (25, "bar_square", None),
    ]


def test_a_size_said_with_by_between_digits_but_not_a_time() -> None:
    assert digits_for_sizes("flat bar, 1/4 by 3, 4 sticks").replace(" ", "") == "flatbar,1/4x3,4sticks"
    assert digits_for_sizes("Quotes due 10/18 by 3:00 PM") == "Quotes due 10/18 by 3:00 PM"


def test_a_voice_note_naming_its_company_and_a_grade_said_with_its_l() -> None:
    text = (
        "this is Carl from bayou pump and valve I need the following four pieces of three oh four "
        "stainless round bar one and a half inch by twelve foot two pieces of two inch schedule eighty "
        "three sixteen L pipe twenty foot lengths that's it"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form) for line in lines] == [
        (4, "304", "bar_round"),  # "pump and valve" names the caller's company, not the item
        (2, "316L", "tube_round"),
    ]


def test_a_wall_or_thickness_said_in_thousandths_is_read_so_and_asked_about() -> None:
    text = (
        "need six pieces of 304 round tube inch and a half od sixty five wall twenty foot lengths. "
        "also do you guys have any 304 sheet in 060 thick 4x8 need two sheets\n"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [
        (line.form, line.dimensions.get("wall_thickness") or line.dimensions.get("thickness"))
        for line in lines
    ] == [
        ("tube_round", 0.065),
        ("sheet", 0.06),
    ]
    assert all(line.flags == ["size_in_thousandths"] for line in lines)


def test_a_new_amount_of_something_after_a_grade_starts_the_next_item() -> None:
    text = (
        "i need five hundred pounds of quarter by two flat bar A36 two hundred feet of half inch square bar "
        "A36 and ten sticks of one by one square tube 20 foot A500\n"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.uom, line.form) for line in lines] == [
        (500, "LB", "bar_rectangular"),
        (200, "FT", "bar_square"),
        (10, "EA", "tube_square"),
    ]


def test_sections_dictated_one_after_another_are_items_of_their_own() -> None:
    text = "need two W10 by 22 at 30 foot four C6 by 8.2 channel 20 foot "
    text += "10 sticks of 3 by 3 by 3/8 angle 20 foot\n"
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, line.dimensions["length"]) for line in lines] == [
        (2, "beam_i", 360.0),
        (4, "channel", 240.0),
        (10, "angle", 240.0),
    ]


def test_a_phone_typed_inch_an_a_half() -> None:
    text = "one bar naval brass C464 inch an a half round 12 ft.\n"
    lines = extract(build_document("phone.txt", text.encode(), text)).lines
    assert [(line.quantity, dict(line.dimensions)) for line in lines] == [
        (1, {"diameter": 1.5, "length": 144.0})
    ]


def test_a_grade_said_before_grade_b_or_a_quantity_even_if_not_stocked() -> None:
    text = (
        "First thing is three eighths inch by two inch flat bar ten foot long "
        "A thirty six quantity six pieces. Next I need inch and a half schedule forty pipe "
        "A fifty three grade B in twenty one foot lengths, I need three of those.\n"
    )
    lines = extract(build_document("voice.txt", text.encode(), text)).lines
    assert [(line.grade, line.form, line.quantity) for line in lines] == [
        ("A36", "bar_rectangular", 6),
        ("A53", "tube_round", 3),
    ]


def test_an_item_counted_by_what_it_is_for_in_the_next_sentence() -> None:
    text = (
        "For the posts he wants square tubing, 1-1/2 inch by 1-1/2 inch, 11 gauge. Four posts, and he "
        "would like each one cut at 42 inches if you are able to cut it.\n"
    )
    (line,) = extract(build_document("note.txt", text.encode(), text)).lines
    assert (line.form, line.quantity, line.dimensions["length"]) == ("tube_square", 4, 42)


def test_a_count_of_pieces_opening_a_row_is_no_count_of_the_row_before() -> None:
    text = '1. 3 pcs    1/4" A36 plate 60" x 120"\n2. 10 shts  14 ga CR sheet A1008 CS 48" x 120"\n'
    lines = extract(build_document("list.txt", text.encode(), text)).lines
    assert [line.quantity for line in lines] == [3, 10]


def test_a_thirty_second_of_an_inch_is_no_inch() -> None:
    text = "Some copper sheet. 110 copper, about a thirty-second of an inch thick. Two pieces, 36 by 96."
    (line,) = extract(build_document("note.txt", text.encode(), text)).lines
    assert line.dimensions["thickness"] == 1 / 32 and line.quantity == 2


def test_sizes_on_the_shelf_are_things_had() -> None:
    assert is_on_hand("We've got plenty of 3/8 AR on the shelf but it's too thin for this spot.")


def test_a_size_the_customer_has_on_the_shelf_is_not_the_items() -> None:
    text = (
        "Need AR400 plate, half inch. Not full sheets, two pieces cut to 36 x 60. We've got plenty of "
        "3/8 AR on the shelf but it's too thin for this spot.\n"
    )
    (line,) = extract(build_document("note.txt", text.encode(), text)).lines
    assert (line.quantity, line.dimensions["thickness"]) == (2, 0.5)
