"""Answers written inline, under the quoted lines they answer, applied to those lines."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.ingest.document import build_document
from pipeline.models import Extraction


def _extract(text: str) -> Extraction:
    return extract(build_document("reply.txt", text.encode(), text))


def _rows(extraction: Extraction) -> list[tuple]:
    return [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in extraction.lines]


MARKED = """From: Dana Pruitt <dana@millbrook-gear.example>
Subject: RE: quote 5512

Tom - my answers are inline below, marked with **. PO 88-214.

Dana Pruitt
Millbrook Gear Works

-----Original Message-----
From: Tom Reyes <tom@supplier.example>
Sent: Monday, March 3, 2025 9:12 AM
Subject: quote 5512

1. 4140 round bar 2" dia x 12' - 3 bars - $310.00/bar
** OK

2. 1045 round bar 3" dia x 10' - 2 pcs - $402.00/ea
** make it 5 pcs

3. 1018 CD hex 1" x 12' - 10 pcs - $58.10/ea
** change to 3/4 hex please, same qty

4. 12L14 round 1/2" x 12' - 20 pcs - $14.85/ea
** cancel, we have enough

Tom Reyes
"""


def test_answers_marked_in_the_quote_keep_recount_change_and_cancel_the_lines_above_them() -> None:
    result = _extract(MARKED)
    assert _rows(result) == [
        (3, "4140", "bar_round", {"diameter": 2.0, "length": 144.0}),
        (5, "1045", "bar_round", {"diameter": 3.0, "length": 120.0}),
        (10, "1018", "bar_hex", {"across_flats": 0.75, "length": 144.0}),
    ]
    assert "thread_change_unread" not in {flag for line in result.lines for flag in line.flags}
    assert result.header.customer.company == "Millbrook Gear Works"  # the answers are not its signature


def test_stars_in_a_quote_nobody_said_were_answers_are_not_read_as_answers() -> None:
    result = _extract(MARKED.replace("my answers are inline below, marked with **", "see the quote"))
    assert [line.quantity for line in result.lines] != [3, 5, 10]


QUESTIONS = """Hi Ana,

Yes to the questions, see below.

On Wed, Jun 5, 2024 at 2:31 PM Ana Ruiz <ana@supplier.example> wrote:
> Got your RFQ, a few questions before I price it:
>
> > 1) 316 round bar 2" x 12' - 3 pcs
> We stock 316/316L dual cert, ok?

Yes, dual cert is fine.

> > 2) 304 plate 3/8 or 1/2 x 24 x 24 - 4 pcs
> 3/8 or 1/2?

1/2

> > 3) C360 brass hex 1" x 12' - 10 pcs
> 1" hex is out. Would 1-1/8 work?

1-1/8 works. Drop it to 8 pcs though.

> > 4) A36 W10x49 beam - 4 pcs
> which length? We stock 20', 30', 40'.

40' please

> > 5) 6061 angle 2 x 2 x 1/4 x 20' - 6 pcs

no, cancel that

> Thanks, Ana

Also please add 2 pcs 304 1-1/2" sch 40 pipe x 20'.

Gary
"""


def test_answers_under_the_desks_questions_give_the_size_length_and_count_asked_for() -> None:
    result = _extract(QUESTIONS)
    rows = _rows(result)
    assert rows[:4] == [
        (3, "316", "bar_round", {"diameter": 2.0, "length": 144.0}),
        (4, "304", "plate", {"thickness": 0.5, "width": 24.0, "length": 24.0}),
        (8, "C360", "bar_hex", {"across_flats": 1.125, "length": 144.0}),
        (4, "A36", "beam_i", {**result.lines[3].dimensions, "length": 480.0}),
    ]
    assert len(rows) == 5 and rows[4][:3] == (2, "304", "tube_round")  # the 6061 angle cancelled, pipe added
    assert all(line.revisions for line in result.lines[1:4])  # each change is shown to the desk


def test_an_answer_that_asks_for_a_change_it_does_not_spell_out_flags_its_line() -> None:
    result = _extract(QUESTIONS.replace("40' please", "change it to whatever you have most of"))
    beam = next(line for line in result.lines if line.form == "beam_i")
    assert "length" not in beam.dimensions and "thread_change_unread" in beam.flags


def test_a_change_of_count_said_as_down_to_and_a_line_named_by_its_metal() -> None:
    text = (
        "Couple changes - cut the sheet down to 1, and scratch the aluminum.\n\n"
        "On Wed, Feb 19, 2025 at 1:07 PM Brenda <b@supplier.example> wrote:\n"
        "> - A36 angle 2 x 2 x 1/4 x 20' — 10 pcs @ $38.90\n"
        "> - A1011 HR sheet 11 ga x 48 x 96 — 2 sh @ $152.00\n"
        "> - 6061-T6 flat bar 1/4 x 2 x 12' — 4 pcs @ $41.00\n"
    )
    result = _extract(text)
    assert [(line.grade, line.form, line.quantity) for line in result.lines] == [
        ("A36", "angle", 10),
        ("A1011", "sheet", 1),
    ]


def test_a_count_of_sheets_written_sh_after_the_size() -> None:
    result = _extract('304/304L 2B sheet .060" x 48" x 120" - 10 sh @ $287.50/sh\n')
    assert _rows(result) == [(10, "304L", "sheet", {"thickness": 0.06, "width": 48.0, "length": 120.0})]


PASTED = """From: Tony Ruiz <tony@hillcrest-builders.example>
Subject: RE: Quote 4410

Kevin,

Comments below next to each line. Go ahead and release once updated, PO HB-5521.

> Line 1: W10x33 A992 x 30' - 4 ea
>> change to 35' lengths, same qty

> Line 2: C8x11.5 A36 x 20' - 8 ea
>> make it C10x15.3, 8 ea

> Line 3: L4x4x3/8 A36 x 20' - 10 ea
>> delete - GC is supplying the lintels

> Line 4: HSS6x6x1/4 A500B x 24' - 3 ea
>> ok, add 2 more (5 total)

Also add: 12 pcs 1/2" x 6" A36 flat bar x 20'

Tony Ruiz
Hillcrest Builders

-----Original Message-----
From: Kevin Shaw <kevin@supplier.example>
Sent: Friday, April 5, 2024 2:20 PM
Subject: Quote 4410

Line 1: W10x33 A992 x 30' - 4 ea
Line 2: C8x11.5 A36 x 20' - 8 ea
Line 3: L4x4x3/8 A36 x 20' - 10 ea
Line 4: HSS6x6x1/4 A500B x 24' - 3 ea
"""


def test_a_quote_pasted_into_the_reply_with_an_answer_under_each_line_and_an_item_added() -> None:
    result = _extract(PASTED)
    assert [
        (line.quantity, line.form, line.dimensions.get("height"), line.dimensions["length"])
        for line in result.lines
    ] == [
        (4, "beam_i", 10.0, 420.0),
        (8, "channel", 10.0, 240.0),
        (5, "tube_square", None, 288.0),
        (12, "bar_rectangular", None, 240.0),
    ]


UNMARKED = """Alan - comments inline.

>1. C110 copper bus bar 1/4" x 2" x 12' - 20 pcs
yes

>2. C110 copper bus bar 1/4" x 4" x 12' - 10 pcs
make it 1/4 x 3 - same 10

>3. C360 brass hex 3/4" x 12' - 6 pcs
[RD] shoud have been 7/8 hex, my bad. 6 pcs

>4. C260 brass sheet .032" x 24" x 96" - 2 sheets
drop it

Is the bus bar full round edge? PO will come from purchasing.

Rick

>From: Alan Pruitt [mailto:alan@supplier.example]
>Sent: Tuesday, January 23, 2024 10:31 AM
>Subject: quote
>
>1. C110 copper bus bar 1/4" x 2" x 12' - 20 pcs
>2. C110 copper bus bar 1/4" x 4" x 12' - 10 pcs
>3. C360 brass hex 3/4" x 12' - 6 pcs
>4. C260 brass sheet .032" x 24" x 96" - 2 sheets
"""


def test_answers_typed_between_and_right_under_the_lines_of_a_pasted_quote() -> None:
    assert _rows(_extract(UNMARKED)) == [
        (20, "C11000", "bar_rectangular", {"thickness": 0.25, "width": 2.0, "length": 144.0}),
        (10, "C11000", "bar_rectangular", {"thickness": 0.25, "width": 3.0, "length": 144.0}),
        (6, "C360", "bar_hex", {"across_flats": 0.875, "length": 144.0}),
    ]


def test_a_reply_below_the_whole_quote_is_not_an_answer_to_its_last_line() -> None:
    text = UNMARKED.replace(
        '>4. C260 brass sheet .032" x 24" x 96" - 2 sheets\ndrop it',
        '>4. C260 brass sheet .032" x 24" x 96" - 2 sheets\n>Thanks, Alan\ndrop it',
    )
    assert any(line.grade == "C260" for line in _extract(text).lines)


NUMBERED = """Dear Mr. Hughes,

thank you for your offer. Please find our changes below:

Pos. 1 - ok as offered
Pos. 2 - we need 2 plates instead of 1
Pos. 3 - please change to diameter 45 mm, quantity stays 2 pcs
Pos. 4 - is not required anymore, please delete

Our order number is 4500182736.

Katrin Wehner
Rheinchem Anlagenbau GmbH

-----Ursprüngliche Nachricht-----
Von: Mark Hughes <m.hughes@supplier.example>
Gesendet: Freitag, 7. Juni 2024 16:05
An: Katrin Wehner <k.wehner@rheinchem.example>
Betreff: Quotation AN-24-1187 - Nickel alloys

Pos. 1: 3 pcs Alloy 625 sheet 3.0 x 1000 x 2000 mm - EUR 1.412,00 / pc
Pos. 2: 1 pc Alloy C-276 plate 12.0 x 1000 x 2000 mm - EUR 5.870,00 / pc
Pos. 3: 2 pcs Alloy 625 round bar dia 40 mm x 1000 mm - EUR 690,00 / pc
Pos. 4: 4 pcs Alloy 600 seamless tube 25.4 x 2.11 x 6000 mm - EUR 844,00 / pc
"""


def test_answers_by_position_number_above_the_quote() -> None:
    result = _extract(NUMBERED)
    assert [
        (line.quantity, line.form, round(next(iter(line.dimensions.values())), 3)) for line in result.lines
    ] == [
        (3, "sheet", 0.118),
        (2, "plate", 0.472),
        (2, "bar_round", 1.772),
    ]  # the quoted message's German header ("Von:", "Gesendet: … 16:05") is no line either


def test_a_numbered_list_of_the_writers_own_is_not_read_as_answers() -> None:
    text = NUMBERED.replace(
        "Pos. 1 - ok as offered\nPos. 2 - we need 2 plates instead of 1\n"
        "Pos. 3 - please change to diameter 45 mm, quantity stays 2 pcs\n"
        "Pos. 4 - is not required anymore, please delete\n",
        "Pos. 1 - 5 pcs Alloy 625 sheet 2.0 x 1000 x 2000 mm\n",
    )
    assert [(line.quantity, line.form) for line in _extract(text).lines] == [(5, "sheet")]


def test_a_size_said_again_over_the_width_and_length_it_changes() -> None:
    text = NUMBERED.replace(
        "Pos. 2 - we need 2 plates instead of 1", 'Pos. 2 - cut to 12" x 24" instead of 12 x 12, same qty (1)'
    )
    text = text.replace("plate 12.0 x 1000 x 2000 mm", 'plate 1/2" x 12" x 12"')
    plate = next(line for line in _extract(text).lines if line.form == "plate")
    assert (plate.quantity, plate.dimensions) == (1, {"thickness": 0.5, "width": 12.0, "length": 24.0})


def test_pipe_by_joints_schedule_160_and_a_pipe_grade_in_a_table() -> None:
    result = _extract(
        "1\tA106\tB\t6\"\tSch 40\t4 jts (21')\tSMLS\n2\tA106\tB\t3\"\tSch 160\t10 jts (21')\tSMLS\n"
    )
    assert [
        (line.quantity, line.form, line.dimensions.get("nominal_size"), line.dimensions.get("wall_thickness"))
        for line in result.lines
    ] == [
        (4, "tube_round", 6.0, 0.28),
        (10, "tube_round", 3.0, 0.438),
    ]


def test_a_count_for_the_line_the_desk_asked_how_many_of() -> None:
    text = (
        "fine, take 2 jts of the 8\" at 40'. PO PFS-8841\n\n"
        "From: Laura <laura@supplier.example>\nSent: Thursday, March 14, 2024 3:10 PM\nSubject: RE: pipe\n\n"
        "1) 10 jts 4\" sch 40 A106B SMLS x 21'\n"
        "2) 8\" STD A53B ERW x 40' DRL - how many?\n"
    )
    assert [(line.quantity, line.dimensions.get("nominal_size")) for line in _extract(text).lines] == [
        (10, 4.0),
        (2, 8.0),
    ]


FORWARDED_NOTES = """Dan,

Please process per Tom's notes below, EXCEPT keep line 1 at 4 pcs (budget). PO 22-40917 attached.

Lisa Brandt
Greenfield Agricultural Machinery Co.

From: Tom Herrera <tom@greenfield.example>
Sent: Tuesday, February 20, 2024 11:41 AM
Subject: RE: quote MSA-55019

Lisa - my changes:
1 - go to 6 pcs
2 - not needed, we have enough 4140 in house
3 - ok
4 - change to 2.5 x .188 wall, same qty

Tom

From: Dan Kowalski <dan@supplier.example>
Sent: Monday, February 19, 2024 4:28 PM
Subject: quote MSA-55019

1. 1045 TGP round 1-1/2" x 20' - 4 pcs - $148.20 ea
2. 4140 annealed round 3" x 20' - 1 pc - $688.00 ea
3. A36 plate 3/4" x 48" x 96" - 2 pcs - $735.00 ea
4. DOM 1026 tube 2-1/2" OD x .250" wall x 20' - 6 pcs - $242.60 ea

Dan Kowalski
Des Moines
515-555-0110
"""


def test_answers_by_bare_number_in_a_forwarded_note_then_one_kept_as_quoted() -> None:
    assert _rows(_extract(FORWARDED_NOTES)) == [
        (4, "1045", "bar_round", {"diameter": 1.5, "length": 240.0}),
        (2, "A36", "plate", {"thickness": 0.75, "width": 48.0, "length": 96.0}),
        (6, "1026", "tube_round", {"outer_diameter": 2.5, "wall_thickness": 0.188, "length": 240.0}),
    ]


def test_a_numbered_list_of_changes_naming_lines_is_not_answers_by_its_own_numbers() -> None:
    text = FORWARDED_NOTES.replace(
        "1 - go to 6 pcs\n2 - not needed, we have enough 4140 in house\n3 - ok\n"
        "4 - change to 2.5 x .188 wall, same qty",
        "1) Line 2: cancel, we have enough 4140\n2) please add (2) A36 plate 1/2 x 12 x 12",
    )
    assert [line.grade for line in _extract(text).lines] == ["1045", "A36", "1026", "A36"]


def test_a_corrected_list_above_a_swedish_quoted_header_replaces_the_old_one() -> None:
    text = (
        "Please disregard my earlier email, correct material is below, all 316L:\n\n"
        "1. Plate 10 mm, 1000 x 2000 mm - 2 pcs\n\n"
        "Our order number is the same, NM-4471.\n\nLinnea Bergström\nNorrland Marine AB\n\n"
        "Från: Linnea Bergström\nSkickat: den 5 februari 2025 11:02\nTill: Mikael <order@supplier.example>\n"
        "Ämne: Order stainless\n\n1. 304L plate 8 mm, 1000 x 2000 - 3 pcs\n"
    )
    result = _extract(text)
    assert [(line.grade, line.quantity) for line in result.lines] == [("316L", 2)]
    assert result.header.po_number == "NM-4471"


def test_the_option_chosen_keeps_its_lines_and_those_under_no_option() -> None:
    text = (
        "Jen, go ahead with option B. PO 60419.\n\nMike\n\n"
        "From: Jen <jen@supplier.example>\nSent: Friday, May 30, 2025 3:48 PM\nSubject: Quote Q-118204\n\n"
        "Line 1 (same on both options)\n  1018 CD hex 1\" x 12'  -  10 pcs  -  $38.60/pc\n\n"
        "Option A\n  4140 HT round 3-1/4\" x 12'  -  2 pcs  -  $612.00/pc\n"
        "Option B\n  4140 HT round 3-1/2\" x 12'  -  2 pcs  -  $689.50/pc\n"
    )
    assert _rows(_extract(text)) == [
        (10, "1018", "bar_hex", {"across_flats": 1.0, "length": 144.0}),
        (2, "4140", "bar_round", {"diameter": 3.5, "length": 144.0}),
    ]


ASKED = """Brandon see below. Need it loaded for first thing tomorrow AM.

Dusty

On Mon, Oct 13, 2025 at 3:21 PM Brandon Yates <byates@supplier.example> wrote:
> Dusty -
> 4" sch 80 A106B smls, 5 jts - SRL or DRL?
DRL
> 2" sch 40 - you ok with A53B ERW or need A106?
A53 ERW is fine, 21' jts, 10 of them
> 3" XS - we have it in A106B/A53B dual, 21'. 4 jts ok?
yes 4
> C6 channel, 4 pcs - is that C6x8.2 or C6x10.5? A36
- 8.2, 20' also
> Want mill certs?
yes send MTRs with the load
>
> On Mon, Oct 13, 2025 at 2:05 PM Dusty <dusty@wellsite.example> wrote:
>> Brandon need pipe for the Pecos yard, PO PBWS-11872
>> 4" sch 80 seamless, 5 jts
>> 2" sch 40
>> 3" XS
"""


def test_answers_to_the_desks_questions_about_each_line_of_an_older_request() -> None:
    rows = [
        (line.quantity, line.form, line.dimensions.get("nominal_size") or line.dimensions.get("height"),
         line.dimensions.get("length"))
        for line in _extract(ASKED).lines
    ]  # fmt: skip
    assert rows == [
        (5, "tube_round", 4.0, None),
        (10, "tube_round", 2.0, 252.0),
        (4, "tube_round", 3.0, 252.0),
        (4, "channel", 6.0, 240.0),
    ]
    assert "missing_quantity" not in _extract(ASKED).lines[1].flags


def test_a_note_on_the_order_below_is_no_line_of_its_own() -> None:
    text = (
        "Hi Kevin, sorry - PO number for the below is VS-PO-20931.\n"
        "Also please make sure the bus bar is C110 ETP and not C101.\n\nPriya\n\n"
        "From: Priya Raman\nSent: Wednesday, May 14, 2025 9:31 AM\nSubject: Copper order\n\n"
        "Please book the following:\n\n"
        '- C110 copper bus bar 1/4" x 2" x 12\' - 6 pcs\n'
        "- C360 brass hex 3/4\" x 12' - 4 pcs\n"
    )
    result = _extract(text)
    assert [(line.grade, line.quantity) for line in result.lines] == [("C11000", 6), ("C360", 4)]
    assert result.header.po_number == "VS-PO-20931"


def test_an_approval_that_accepts_a_size_the_supplier_offered_flags_the_lines() -> None:
    text = (
        "Sure, .083 works fine. Go ahead & process, PO to follow.\n\nAnna\n\n"
        "On Fri, Mar 22, 2024 at 9:02 AM Rick <rick@supplier.example> wrote:\n"
        "> Anna - we don't carry the 1-1/2 sq in .065, we do have .083 in 304. OK to sub?\n>\n"
        "> On Thu, Mar 21, 2024 at 4:40 PM Anna <anna@shop.example> wrote:\n"
        '>> - 304 sq tube 1-1/2 x 1-1/2 x .065 wall, 8 pcs @ 30"\n'
        ">> - 304 sheet .060 x 48 x 120, 3 sh\n"
    )
    lines = _extract(text).lines
    assert len(lines) == 2 and all("thread_change_unread" in line.flags for line in lines)
    certs = text.replace("Sure, .083 works fine.", "Certs to EN 10204 3.1 please.").replace(
        "we do have .083 in 304. OK to sub?", "in stock."
    )
    assert all("thread_change_unread" not in line.flags for line in _extract(certs).lines)


def test_answers_by_partida_in_spanish() -> None:
    text = (
        "Carlos, estos son los cambios:\n\nPartida 1 - ok\nPartida 2 - cancelar, ya no se necesita\n"
        "Partida 3 - cambiar a 25 pzas\n\nSaludos,\nAlejandro\n\n"
        "De: Carlos <carlos@supplier.example>\nEnviado: miércoles, 10 de abril de 2024 12:14\n"
        "Asunto: Cotizacion 310455\n\n"
        "Item  Qty     Description\n"
        '1     2 pcs   A36 PLATE 3/4" x 96" x 240"\n'
        '2     1 pc    A36 PLATE 1" x 96" x 240"\n'
        "3     20 pcs  A36 ANGLE 2 x 2 x 1/4 x 20'\n"
    )
    assert [(line.quantity, line.form) for line in _extract(text).lines] == [(2, "plate"), (25, "angle")]


def test_answers_marked_with_a_double_quote_mark_as_announced() -> None:
    text = (
        "Hi Derek,\n\nSee my answers below marked >> (in caps).\n\nPriya\nAeroform Precision LLC\n\n"
        "From: Derek <derek@supplier.example>\nSent: Friday, April 19, 2024 2:47 PM\n"
        "Subject: Quote 88-20417\n\n"
        "Item 1 - Ti-6Al-4V plate .250 x 12 x 24, qty 2. In stock.\n>> OK\n\n"
        'Item 2 - Inconel 718 rd bar 1.000" x 36" long, qty 4.\n'
        ">> PLEASE REMOVE ITEM 2, CUSTOMER CANCELLED.\n\n"
        "Item 3 - 304 sheet .060 x 48 x 120, qty 3.\n>> MAKE IT 5 SHEETS\n"
    )
    assert [(line.grade, line.quantity) for line in _extract(text).lines] == [("Ti-6Al-4V", 2), ("304", 5)]


def test_a_portals_comments_by_line_number_over_the_quote_it_restates() -> None:
    """ "Line 1 qty to 3. Line 2 please cut to 24 x 48 (1 pc). Line 3 ok. Line 4 delete." over "Your
    submitted quote (Rev 0):": each answer on the row applied to its line; "24 x 48" cut from a
    plate is its width and length, not a 24\" thickness."""
    result = _extract(
        "Buyer comments:\n"
        "Line 1 qty to 3. Line 2 please cut to 24 x 48 (1 pc). Line 3 ok. Line 4 delete.\n\n"
        "Your submitted quote (Rev 0):\n\n"
        "Line  Item Description                                          Qty   UOM   Unit Price\n"
        '1     2205 Duplex (UNS S32205) Round Bar 3.000" x 144"           2     EA    $1,486.00\n'
        '2     2205 Duplex (UNS S32205) Plate 0.500" x 48" x 96"          1     EA    $2,912.00\n'
        '3     410 SS Round Bar 1.500" x 144"                             4     EA    $268.40\n'
        '4     420 SS Round Bar 2.000" x 144"                             2     EA    $455.10\n'
    )
    assert _rows(result) == [
        (3, "2205", "bar_round", {"diameter": 3.0, "length": 144.0}),
        (1, "2205", "plate", {"thickness": 0.5, "width": 24.0, "length": 48.0}),
        (4, "410", "bar_round", {"diameter": 1.5, "length": 144.0}),
    ]


def test_answers_typed_at_the_end_of_each_quoted_row_after_an_announced_mark() -> None:
    """ "my answers next to each line below marked <<RD": each answer at the end of the row it
    answers — kept, recounted, passed on, sheared to a new size."""
    result = _extract(
        "Angela, my answers next to each line below marked <<RD. Please enter as PO# 61877.\n\nRay\n\n"
        "________________________________\nFrom: Angela Marsh <amarsh@supplier.example>\n"
        "Sent: Tuesday, April 1, 2025 11:50 AM\nSubject: Quote SQ-004417\n\n"
        'Line 1: C110 Copper Bus Bar 1/4" x 2" x 12\' ............ 10 pcs   <<RD: yes\n'
        'Line 2: C110 Copper Bus Bar 1/4" x 4" x 12\' ............ 5 pcs    <<RD: need 8 pcs\n'
        "Line 3: C360 Brass Hex 1\" x 12' ........................ 4 pcs    <<RD: pass for now\n"
        'Line 4: C260 Brass Sheet .032" x 24" x 96" 1/2 Hard  2 pcs  <<RD: pls shear to 24" x 48", 4 pcs\n'
    )
    assert _rows(result) == [
        (10, "C11000", "bar_rectangular", {"thickness": 0.25, "width": 2.0, "length": 144.0}),
        (8, "C11000", "bar_rectangular", {"thickness": 0.25, "width": 4.0, "length": 144.0}),
        (4, "C260", "sheet", {"thickness": 0.032, "width": 24.0, "length": 48.0}),
    ]


def test_answers_announced_in_caps_at_the_end_of_each_quoted_row() -> None:
    """ "see my answers IN CAPS below": "OK", "CHANGE TO 5083-H116 SAME SIZE + QTY" (a grade, not a
    count of 5083), "NEED 10 NOT 6", "NO LONGER NEEDED"."""
    result = _extract(
        "Hi Kim, see my answers IN CAPS below. PO-MAR-2291 attached.\n\nDwayne\n\n"
        "-----Original Message-----\nFrom: Kim Landry <klandry@supplier.example>\n"
        "Sent: Monday, February 24, 2025 10:20 AM\nSubject: Quote 31207\n\n"
        '1. 5083-H116 plate 1/4" x 60" x 144" - 6 pcs    OK\n'
        '2. 5086-H116 plate 3/8" x 60" x 144" - 3 pcs    CHANGE TO 5083-H116 SAME SIZE + QTY\n'
        '3. CuNi 90/10 (C70600) tube 1-1/4" OD x .049" wall x 12\' - 6 pcs    NEED 10 NOT 6\n'
        "4. C954 aluminum bronze round 2\" x 12' - 1 pc    NO LONGER NEEDED\n"
    )
    assert [(line.quantity, line.grade, line.form) for line in result.lines] == [
        (6, "5083", "plate"),
        (3, "5083", "plate"),
        (10, "C706", "tube_round"),
    ]


def test_answers_in_caps_under_quoted_lines_recount_and_resize_by_what_a_size_measures() -> None:
    """ "MAKE IT 6 PLEASE" is a count, not a 6\" bar; "CHANGE TO 40MM WIDE PLEASE, SAME QTY" the width."""
    result = _extract(
        "Hi Gareth,\nAnswers inline below in caps. Please proceed on that basis.\n\n"
        "On Wed, 5 Mar 2025 at 16:40, Gareth Hughes <gareth@supplier.example> wrote:\n"
        "> 1) 316L bright round bar 40mm dia x 3m - 4 no. @ £121.60/len\n"
        "MAKE IT 6 PLEASE\n"
        "> 2) 304 flat bar 6 x 50 x 6m - 8 no. @ £39.75/len\n"
        "CHANGE TO 40MM WIDE PLEASE, SAME QTY\n"
    )
    assert [(line.quantity, line.form) for line in result.lines] == [(6, "bar_round"), (8, "bar_rectangular")]
    assert result.lines[0].dimensions["diameter"] == pytest.approx(40 / 25.4, abs=1e-3)
    assert result.lines[1].dimensions["width"] == pytest.approx(40 / 25.4, abs=1e-3)
    assert result.lines[1].dimensions["thickness"] == pytest.approx(6 / 25.4, abs=1e-3)


def test_a_bulleted_list_of_changes_naming_lines_by_number_among_their_names() -> None:
    """ "- AR400 (line 3) make it 3 sheets", "- line 7 channel - drop", "- line 9 rect tube change to
    4x2x1/4 wall, still 6" (4x2 a size, 6 the count kept): each applied to the line numbered."""
    result = _extract(
        "Hi Amy,\nWent thru it with the shop foreman. Changes:\n"
        "- AR400 (line 2) make it 3 sheets\n"
        "- line 3 channel - drop\n"
        "- line 4 rect tube change to 4x2x1/4 wall, still 6\n"
        "Everything else as quoted.\n\nBrent\n\n"
        "-----Original Message-----\nFrom: Amy <amy@supplier.example>\nSent: Tuesday, October 1, 2024\n"
        "Subject: Quote 2024-1183\n\n"
        "Ln  Qty  Description\n"
        '1   4    A36 plate 1/4" x 48" x 96"\n'
        '2   2    AR400 plate 1/2" x 48" x 96"\n'
        "3   4    A36 channel C6x8.2 x 20'\n"
        '4   6    A500B rect tube 4" x 2" x 3/16" x 24\'\n'
    )
    assert _rows(result) == [
        (4, "A36", "plate", {"thickness": 0.25, "width": 48.0, "length": 96.0}),
        (3, "AR400", "plate", {"thickness": 0.5, "width": 48.0, "length": 96.0}),
        (
            6,
            "A500",
            "tube_rectangular",
            {"width": 4.0, "height": 2.0, "wall_thickness": 0.25, "length": 288.0},
        ),
    ]


def test_answers_by_number_over_a_quote_with_a_starred_note_of_its_own() -> None:
    """ "** 2" N/A - SUB 2-1/4" **" is the quoter's note inside the quote; "1 - ok / 2 - make it 6 /
    3 - drop this one / 5 - 2-1/4 is fine" above it are the buyer's answers."""
    text = (
        "Answers below. Go ahead and enter it on PO 23-1187.\n\n"
        "1 - ok\n2 - make it 6\n3 - drop this one, found a bundle of it out in the yard\n4 - ok\n"
        "5 - 2-1/4 is fine, we'll turn it down\n\nThanks\nTom\n\n"
        "-----Original Message-----\nFrom: Jenny Ostrowski <jostrowski@midwestmetalsupply.com>\n"
        "Sent: Monday, March 11, 2024 4:12 PM\nSubject: Quote Q-44817\n\n"
        "LINE  QTY  DESCRIPTION                                  PRICE\n"
        "1     2    6061-T6 AL PLATE .500 x 48 x 96              $ 612.40 EA\n"
        "2     5    304 2B SS SHEET .075 x 48 x 120              $ 398.15 EA\n"
        "3     10   A36 HR FLAT BAR 1/2 x 4 x 20'                $ 121.60 EA\n"
        "4     8    1018 CD ROUND BAR 1-1/4 x 12'                $  58.33 EA\n"
        "5     3    4140 HT ROUND BAR 2\" x 12'                   $ 184.90 EA\n"
        '           ** 2" N/A - SUB 2-1/4" 4140 HT x 12\' @ $231.10 EA **\n'
    )
    lines = extract(build_document("answers.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, line.dimensions.get("diameter")) for line in lines] == [
        (2, "plate", None),
        (6, "sheet", None),
        (8, "bar_round", 1.25),
        (3, "bar_round", 2.25),
    ]


def test_answers_inline_after_the_writers_name_in_capitals() -> None:
    text = (
        "Hi Priya, answers inline below in CAPS. PO to follow once you confirm the changes.\n"
        "Thx -Lena\n\n"
        "-----Original Message-----\nFrom: Priya Natarajan <pn@northgatemetals.com>\n"
        "Sent: Friday, February 14, 2025 2:05 PM\nSubject: SS quote\n\n"
        "Please see pricing below. A few questions noted.\n\n"
        '1. 304 2B sheet .078" x 48 x 120 - 8 sheets - $412.00/sht\n'
        "   Do you need PVC on one side?\nLENA: YES PVC ONE SIDE. MAKE IT 12 SHEETS\n\n"
        "2. 304 round bar 3/4\" x 12' - 5 bars - $88.20/ea\n"
        '   We are out of 3/4. Can offer 7/8" at $104.60/ea, or 3/4 in about 2 weeks.\n'
        "LENA: 7/8 IS FINE, GO WITH THAT\n\n"
        "3. 316L sq tube 1-1/2 x 1-1/2 x .065 wall x 20' - 6 pcs - $221.00/ea\n"
        "LENA: DELETE, CUSTOMER CHANGED THE FRAME DESIGN\n"
    )
    lines = extract(build_document("inline.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, line.dimensions.get("diameter")) for line in lines] == [
        (12, "sheet", None),
        (5, "bar_round", 0.875),
    ]


def test_answers_by_item_number_under_a_greeting_sentence_with_commas() -> None:
    """ "Please find our prices below, all ex-stock, delivery 3-5 working days." is a sentence, not
    a table's header over "Item 1: …"; "8 pcs cut to 1500mm rather than full 6m lengths" recounts
    and recuts the line."""
    text = (
        "Thanks for the quick turnaround. We'll proceed as follows:\n\n"
        "Item 1 - OK as quoted\nItem 2 - please increase to 6 bars\n"
        "Item 3 - OK, but please supply as 8 pcs cut to 1500mm rather than full 6m lengths\n\n"
        "Please take this as our order, PO no. CE-PO-7781.\n\n"
        "-----Original Message-----\nFrom: Mark Sheridan <ms@northgatemetals.com>\n"
        "Sent: 18 March 2025 16:47\nSubject: RE: Enquiry CE-2025/114\n\n"
        "Please find our prices below, all ex-stock, delivery 3-5 working days.\n\n"
        "Item 1: S355J2+N plate 20mm x 1250 x 2500 - 3 plates - EUR 1,128.00 each\n"
        "Item 2: 1.4404 (316L) round bar 40mm dia x 3m - 4 bars - EUR 342.60 each\n"
        "Item 3: S235JR equal angle 50 x 50 x 5mm x 6m - 2 lengths - EUR 48.30 each\n"
    )
    lines = extract(build_document("items.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, round(line.dimensions["length"], 1)) for line in lines] == [
        (3, "plate", 98.4),
        (6, "bar_round", 118.1),
        (8, "angle", 59.1),
    ]


_QUOTE = """
On Thu, Aug 1, 2024 at 11:18 AM, Priya Nair <pnair@supplier.example> wrote:
> Quote Q-3391:
>
> 1. 6061-T6 flat bar 1/4" x 2" x 12' - 20 pcs @ $42.10
> 2. 5052-H32 sheet .080" x 48" x 96" - 15 sh @ $118.60
> 3. 3003-H14 sheet .040" x 48" x 120" - 10 sh @ $71.90
> 4. 6061-T6 round bar 25 mm (0.984") x 1000 mm - 4 pcs @ $19.40
"""


def test_rows_naming_quoted_lines_change_those_lines_and_keep_the_rest() -> None:
    text = (
        "Subject: Re: Aluminium quote\n\nHi Priya, couple changes:\n\n"
        "- 5052 sheet: can we do .090 instead of .080? same 15 sheets\n"
        "- 3003: only need 5 sheets now\n"
        '- the 25mm round - switch to 1" dia if you have it, still 1 m lengths, 4 pcs\n\n'
        "All else fine.\n\nMarc\n" + _QUOTE
    )
    rows = _rows(_extract(text))
    assert [(quantity, grade) for quantity, grade, _, _ in rows] == [
        (20, "6061"), (15, "5052"), (5, "3003"), (4, "6061")
    ]  # fmt: skip
    assert rows[1][3]["thickness"] == 0.09 and rows[3][3]["diameter"] == 1.0


def test_an_item_added_to_this_order_keeps_the_quoted_lines() -> None:
    text = (
        "Subject: RE: Quote Q-3391\n\n"
        "One more - please add 4 sheets 11 ga A1011 HR 60 x 120 to this. Same PO.\n" + _QUOTE
    )
    assert [quantity for quantity, *_ in _rows(_extract(text))] == [20, 15, 10, 4, 4]


def test_a_numbered_line_switched_to_another_grade() -> None:
    text = (
        "Subject: RE: Quote Q-3391\n\nTwo changes:\nline 2 qty goes to 40 sheets\n"
        "line 3 switch from 3003 to 5052, same size & qty\n" + _QUOTE
    )
    rows = _rows(_extract(text))
    assert [(quantity, grade) for quantity, grade, _, _ in rows][1:3] == [(40, "5052"), (10, "5052")]
