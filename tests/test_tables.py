"""Order tables pasted from ERPs, PDFs and spreadsheets, read by their columns' roles."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.tables import read_header, role_of
from pipeline.ingest.document import build_document
from pipeline.models import Extraction


def _extract(text: str) -> Extraction:
    return extract(build_document("po.txt", text.encode(), text))


def _rows(extraction: Extraction) -> list[tuple]:
    return [
        (line.quantity, line.grade, line.form, tuple(round(v, 4) for v in line.dimensions.values()))
        for line in extraction.lines
    ]


def test_column_roles_come_from_the_header_words() -> None:
    assert role_of("Qty Ord") == "qty"
    assert role_of("Unit Price") == "price"
    assert role_of("U/M") == "uom"
    assert role_of("Ln") == "line"
    assert role_of("Cust Part No.") == "part"
    assert role_of("Thk (mm)") == "thickness"
    assert role_of("Due Date") == "date"
    assert role_of("Description") == "description"
    assert role_of("Deliver to dock 4") is None


def test_a_sentence_is_not_a_table_header() -> None:
    assert read_header("Please quote the quantity and price of the items below") is None
    assert read_header("Qty   Description   Price") is not None


def test_an_erp_line_number_and_price_are_never_the_quantity() -> None:
    text = (
        "Please confirm the PO below.\n\n"
        "Ln  Description                                   Qty  U/M  Unit Price\n"
        "7   BAR, HEX, 416 SS, 0.875 HEX X 12 FT             3  EA     $95.10\n"
        "12  BAR, FLAT, A36 HR, 0.375 X 3.000 X 20 FT       15  EA     $44.00\n"
        "\n                                           PO TOTAL:  $945.30\n"
    )
    assert _rows(_extract(text)) == [
        (3, "416", "bar_hex", (0.875, 144.0)),
        (15, "A36", "bar_rectangular", (0.375, 3.0, 240.0)),
    ]


def test_a_material_number_column_is_a_part_number_not_a_quantity() -> None:
    text = (
        "Item\tMaterial\tDescription\tQty\tUoM\n"
        "00010\t300045512\tSHEET 5052-H32 0.090 X 48 X 144\t6\tEA\n"
        "00020\t300045530\tROUND BAR 6061-T6 2.250 DIA X 144\t2\tEA\n"
    )
    assert _rows(_extract(text)) == [
        (6, "5052", "sheet", (0.09, 48.0, 144.0)),
        (2, "6061", "bar_round", (2.25, 144.0)),
    ]


def test_a_spreadsheet_with_size_columns_reads_each_column_as_its_dimension() -> None:
    text = (
        "Straight from the planning sheet:\n\n"
        "Part#\tAlloy\tShape\tThk\tWidth\tLength\tQty\n"
        "BR-110-2\t304\tPlate\t0.375\t24\t36\t4\n"
        "BR-220-7\t6061\tFlat Bar\t0.5\t3\t144\t9\n"
    )
    assert _rows(_extract(text)) == [
        (4, "304", "plate", (0.375, 24.0, 36.0)),
        (9, "6061", "bar_rectangular", (0.5, 3.0, 144.0)),
    ]


def test_a_csv_table_and_a_wrapped_pdf_row_with_a_repeated_page_header() -> None:
    csv_text = "qty,grade,description\n5,4140,round bar 2.5 dia x 36\n12,1018,square bar 1 x 144\n"
    assert _rows(_extract(csv_text)) == [
        (5, "4140", "bar_round", (2.5, 36.0)),
        (12, "1018", "bar_square", (1.0, 144.0)),
    ]
    pdf_text = (
        "Line   Description                           Qty   UOM\n"
        "0010   PLATE A36 0.500 X 48.000 X             2     EA\n"
        "       96.000 BURNED TO SIZE\n"
        "Page 1 of 2\n"
        "Line   Description                           Qty   UOM\n"
        "0020   TUBE SQ A500 2.000 X 2.000 X 0.188     8     EA\n"
        "       X 240.000\n"
    )
    assert _rows(_extract(pdf_text)) == [
        (2, "A36", "plate", (0.5, 48.0, 96.0)),
        (8, "A500", "tube_square", (2.0, 0.188, 240.0)),
    ]


def test_a_quantity_column_holding_the_count_before_a_spilling_description() -> None:
    text = 'Qty  Description\n12 1-1/2" dia 1018 CRS round bar, 12 ft lengths\n4 2" 4140 round bar x 36"\n'
    assert _rows(_extract(text)) == [
        (12, "1018", "bar_round", (1.5, 144.0)),
        (4, "4140", "bar_round", (2.0, 36.0)),
    ]


def test_a_quantity_or_size_no_order_can_mean_is_flagged_and_blocks_the_order() -> None:
    from pipeline.config import DEFAULT_BLOCKING_FLAGS

    text = "1. 300012445 pcs A36 plate 1/2 x 48 x 96\n2. 4 pcs A36 plate 35 thick x 48 x 96\n"
    flags = [line.flags for line in _extract(text).lines]
    assert "implausible_quantity" in flags[0] and "implausible_size" in flags[1]
    assert {"implausible_quantity", "implausible_size"} <= set(DEFAULT_BLOCKING_FLAGS)


def test_metric_decimal_commas_and_a_trailing_times_count() -> None:
    text = "1. Sheet 1.4301 2B 1,5 x 1250 x 2500 mm - 10 sheets\n2. 12L14 hex 1/2\" x 12'   - x20\n"
    assert _rows(_extract(text)) == [
        (10, "1.4301", "sheet", (0.0591, 49.2126, 98.4252)),
        (20, "12L14", "bar_hex", (0.5, 144.0)),
    ]


def test_a_sheet_in_feet_and_the_wall_at_the_end_of_a_square_tube_chain() -> None:
    text = '- 304 sheet 16 ga, 4 x 8 ft, 5 pcs\n- 2 pcs 4" x 4" x 1/4" square tube x 6\'\n'
    assert _rows(_extract(text)) == [
        (5, "304", "sheet", (0.06, 48.0, 96.0)),  # stainless gauge
        (2, None, "tube_square", (4.0, 0.25, 72.0)),
    ]


def test_other_languages_counts_and_a_count_in_brackets_before_a_finish() -> None:
    text = (
        '- 6061 barra redonda 2" x 12 ft, 2 pzas\n- (8) 304 #4 sheet, 18 ga, 48 x 120\n'
        "- 4 off 1018 flat 1/2 x 2 x 10\n"
    )
    assert [row[0] for row in _rows(_extract(text))] == [2, 8, 4]


def test_a_row_that_slid_under_the_wrong_column_is_realigned_and_a_counted_table_never_guesses() -> None:
    text = (
        "Line   Item / Description                          Need By       Quantity   UOM\n"
        "2      PL-6061-500                        28-FEB-2024     2       EA\n"
        "       ALUMINUM PLATE 6061-T651 .500 X 48 X\n"
        "       96 BURNED TO SIZE\n"
        "3      PL-3003-125                        28-FEB-2024\n"
        "       TREAD PLATE 3003 .125 X 48 X 96\n"
    )
    assert [(row[0], row[3]) for row in _rows(_extract(text))] == [
        (2, (0.5, 48.0, 96.0)),
        (None, (0.125, 48.0, 96.0)),
    ]


def test_an_oracle_style_po_with_combined_headers_weight_units_and_wrapped_descriptions() -> None:
    text = (
        "Line  Part Number / Description           Delivery Date   Quantity  UOM    Amount (USD)\n"
        "1     MTL-SH-HRPO-10GA                    02-DEC-2024           15  Each       2,683.50\n"
        "      STEEL SHEET HR P&O A1011 10 GA X 60 IN X 120 IN\n"
        "2     MTL-FB-A36-375X6                    02-DEC-2024        2,400  Pound      1,968.00\n"
        "      BAR FLAT ASTM A36 3/8 IN X 6 IN HR MILL LENGTHS\n"
    )
    lines = _extract(text).lines
    assert [(line.quantity, line.uom, line.grade, line.form) for line in lines] == [
        (15, "EA", "A1011", "sheet"),
        (2400, "LB", "A36", "bar_rectangular"),
    ]
    assert lines[0].dimensions == {"thickness": 0.1345, "width": 60.0, "length": 120.0}
    assert "unit_not_sold" in lines[1].flags


def test_a_leading_dot_decimal_is_a_size_and_a_line_number_is_no_count_noun() -> None:
    text = "Can you get me 10 sheets of .063 3003-H14 aluminum, 4x8?\n"
    assert _rows(_extract(text)) == [(10, "3003", "sheet", (0.063, 48.0, 96.0))]


def test_long_erp_headers_and_a_second_header_line_for_descriptions() -> None:
    csv_text = (
        '"No.","Description","Description 2","Quantity","Unit of Measure Code","Direct Unit Cost Excl. VAT"\n'
        '"AL5052-080-4896","5052-H32 ALUM SHT","0.080 X 48 X 96",40,"SHT",118.60\n'
    )
    assert _rows(_extract(csv_text)) == [(40, "5052", "sheet", (0.08, 48.0, 96.0))]
    epicor = (
        "Line  Our Part                Qty       Due Date          Unit Price\n"
        "      Description\n"
        "  1   PH-4140-2-12-36       1.00 EA   12/09/2024          486.0000\n"
        '      4140 PRE-HARD PLATE 2" X 12" X 36"\n'
        "  2   CF-12L14-0.625       20.00 EA   12/16/2024          24.1000\n"
        "      12L14 CF RD 5/8 X 12'\n"
    )
    assert _rows(_extract(epicor)) == [
        (1, "4140", "plate", (2.0, 12.0, 36.0)),
        (20, "12L14", "bar_round", (0.625, 144.0)),
    ]


def test_a_unit_column_naming_a_form_does_not_decide_the_form() -> None:
    text = (
        "Ln  Qty  UOM  Description                        Price\n"
        "10  3    SHT  A36 PLATE 1/4 x 48 x 96            238.00\n"
        "11  10   SHT  HR SHEET A1011 11GA 48 x 96         88.00\n"
    )
    assert [(row[0], row[2]) for row in _rows(_extract(text))] == [(3, "plate"), (10, "sheet")]


def test_a_tab_table_s_section_rows_and_its_cancelled_row_are_not_items() -> None:
    text = (
        "Put it on PO RAI-5520.\n\n"
        "Item\tPart No.\tDescription\tGrade\tThk\tWidth\tLength\tQty\tUOM\tEst Wt (lbs)\tNotes\n"
        "PLATE\t\t\t\t\t\t\t\t\t\t\n"
        "1\t50-1187\tPL\tA36\t0.375\t48\t96\t6\tSH\t2940\tburn table\n"
        "5\t50-1411\tPL\tA36\t1/4\t72\t144\t3\tSH\t2205\tCANCEL - using stock, N/A\n"
        "SHEET\t\t\t\t\t\t\t\t\t\t\n"
        "6\t50-1244\tHRPO\tA1011 CS-B\t10 ga\t48\t120\t12\tSH\t2700\tP&O, oiled\n"
        "8\t50-1302\tCR\tA1011 CS\t14 ga\t36\t96\t15\tSH\t1125\t\n"
        "\t\t\t\t\t\t\t\tTOTAL\t19031\t\n"
    )
    assert _rows(_extract(text)) == [
        (6, "A36", "plate", (0.375, 48.0, 96.0)),
        (12, "A1011", "sheet", (0.1345, 48.0, 120.0)),
        (15, "A1011", "sheet", (0.0747, 36.0, 96.0)),
    ]


def test_an_erp_print_s_ordered_whse_and_extension_columns_and_its_total_line() -> None:
    text = (
        "Item Code          Description                                  Whse   Ordered  UOM"
        "      Unit Cost     Extension\n"
        "------------------ -------------------------------------------- ---- --------- ----"
        " ------------- -------------\n"
        "AL-6061-ANG-2X2X25 ALUM ANG 6061-T6 2 X 2 X 1/4 X 20'           000      12.00  EA"
        "         88.600      1,063.20\n"
        "AL-6061-CH-3X141   ALUM CHAN 6061-T6 3 X 1.41# X 20'            000       6.00  EA"
        "         82.750        496.50\n"
        "                                                                              Total:"
        "                       1,559.70\n"
    )
    assert role_of("Ordered") == "qty" and role_of("Whse") == "note" and role_of("Extension") == "price"
    assert [row[:3] for row in _rows(_extract(text))] == [(12, "6061", "angle"), (6, "6061", "channel")]


def test_a_pdf_table_collapsed_to_single_spaces_is_read_by_its_header_s_words() -> None:
    text = (
        "PRAIRIE AERO MACHINING, INC. PURCHASE ORDER\n"
        "Phone (316) 555-0190 Fax (316) 555-0191 Date 04/08/2025\n"
        "Line Qty UM Part Number Description Unit Price Ext Price Req Date\n"
        "1 3 EA RM-7075-0100 PLATE, 7075-T651 AMS-QQ-A-250/12 185.60 556.80 04/18/25\n"
        "1.000 X 12.000 X 36.000 SAW CUT\n"
        "2 2 EA RM-174-R2000 BAR, ROUND 17-4PH COND H1150 AMS 614.00 1,228.00 04/25/25\n"
        "5643 2.000 DIA X 72.00 LG\n"
        "QUALITY CLAUSES Q3, Q7, Q12 APPLY TO ALL LINES. SEE www.example.com/supplierquality\n"
        "Page 2 of 2\n"
        "Line Qty UM Part Number Description Unit Price Ext Price Req Date\n"
        "5 6 EA RM-7075-R3000 BAR, ROUND 7075-T7351 AMS 4124 3.000 58.25 349.50 04/25/25\n"
        "DIA X 12.000 LG SAW CUT +.125/-0\n"
        "Subtotal 2,900.90\n"
    )
    assert _rows(_extract(text)) == [
        (3, "7075", "plate", (1.0, 12.0, 36.0)),
        (2, "17-4PH", "bar_round", (2.0, 72.0)),
        (6, "7075", "bar_round", (3.0, 12.0)),
    ]


def test_a_collapsed_row_s_count_after_its_description_and_its_wrapped_size() -> None:
    text = (
        "Ln Part Number Rev Description Order Qty UM Unit Cost Ext Cost\n"
        '1 STL-TR-3X2X188 A TUBE RECT A500 GR B 3" X 2" X 12 EA 96.4000 1,156.80\n'
        ".188 WALL X 24 FT\n"
        "4 STL-SH-14-48120 B SHEET HR P&O A1011 CS TYPE B 14 GA 6 EA 122.0000 732.00\n"
        "X 48 X 120\n"
        "PO Total 1,888.80\n"
    )
    assert _rows(_extract(text)) == [
        (12, "A500", "tube_rectangular", (3.0, 2.0, 0.188, 288.0)),
        (6, "A1011", "sheet", (0.0747, 48.0, 120.0)),
    ]


def test_a_collapsed_row_whose_empty_received_column_the_pdf_dropped() -> None:
    text = (
        "Qty Ordered Qty Rec'd Item Description Unit Price Total\n"
        '6 AL-5086-250 PLATE, ALUM 5086-H116 ASTM B928 .250" X 60" X $402.00 $2,412.00\n'
        '144" MILL FINISH\n'
        "3 AL-6061-P200 PIPE, ALUM 6061-T6 2\" SCH 40 X 20' $176.25 $528.75\n"
        "Subtotal $2,940.75\n"
    )
    assert _rows(_extract(text)) == [
        (6, "5086", "plate", (0.25, 60.0, 144.0)),
        (3, "6061", "tube_round", (2.375, 0.154, 240.0, 2.0)),
    ]


def test_a_row_that_slid_right_keeps_its_length_and_takes_its_count_from_its_own_words() -> None:
    text = (
        "All plate A572-50 unless noted.\n\n"
        "MARK    THK      SIZE              QTY\n"
        'G1      1/2"     8 x 12            (16)\n'
        'FL-1    3/8" x 3" flat bar (A36)   @ 6\'-0"     qty 10 ea\n'
        'SB-1    1-1/4" rd 4140 HT          @ 8-1/2"    x24\n'
    )
    assert [row[:2] + row[3:] for row in _rows(_extract(text))] == [
        (16, "A572", (0.5, 8.0, 12.0)),
        (10, "A36", (0.375, 3.0, 72.0)),
        (24, "4140", (1.25, 8.5)),
    ]


def test_an_item_column_beside_a_line_column_is_what_is_ordered() -> None:
    text = (
        "Ln   Item                              U/M      Qty Ordered    Due Date      Unit Cost\n"
        "  1  MTL-4140HT-250\n"
        '     4140 HT RD BAR 2-1/2" DIA          EA          20.000   07/10/24           38.6000\n'
        '     CUT TO 14.25" LG (+.125/-0)\n'
        "  2  MTL-4340-400                       EA\n"
        '     4340 ANN RD 4" DIA X 6" SAWCUT               12.000         07/10/24       71.2500\n'
    )
    assert _rows(_extract(text)) == [
        (20, "4140", "bar_round", (2.5, 14.25)),
        (12, "4340", "bar_round", (4.0, 6.0)),
    ]


def test_a_bom_s_shape_codes_and_a_spring_temper_wire() -> None:
    text = (
        "Part#\tDescription\tShape\tMatl\tDia/Thk\tWidth\tLength\tQty Req\n"
        "DA-1110\tGuide rail\tFLT\t1018 CF\t0.5\t1.5\t48\t10\n"
        "DA-1105\tShaft blank\tRD\t1144 SP\t1.25\t\t144\t3\n"
    )
    assert [row[:3] for row in _rows(_extract(text))] == [
        (10, "1018", "bar_rectangular"),
        (3, "1144", "bar_round"),
    ]
    wire = _extract("4 100-7021 WIRE, 302 SS SPRING TEMPER, .062 DIA, COIL 25 LB\n").lines[0]
    assert (wire.form, wire.dimensions, wire.quantity, wire.uom) == ("wire", {"diameter": 0.062}, 25, "LB")


def test_two_header_rows_a_nest_report_s_columns_and_a_charge_row() -> None:
    sheet = (
        "\tMATERIAL\t\tSIZE\t\t\tQTY\tNOTES\n"
        "Line\tGrade\tForm\tThk / Wall\tW / OD\tLength\t\t\n"
        '1\t304L\tSheet\t14 ga\t60"\t120"\t8\t2B, PVC one side\n'
        "5\t304\tFlat bar\t1/4\t2\t12'\t10\t\n"
    )
    assert [row[:3] for row in _rows(_extract(sheet))] == [
        (8, "304L", "sheet"),
        (10, "304", "bar_rectangular"),
    ]
    nest = (
        'Pickets: please cut the 1/2" square to 38-1/2" on your saw (180 pcs).\n\n'
        "  #   STOCK                                   GRADE     LENGTHS   STK LEN    TOTAL FT   DROP %\n"
        "  3   FB 1/4 X 2                               A36          10      20'        200.0    2.5\n"
        '  5   SQ 1/2  (PICKETS - CUT 38-1/2")          A36         180      38-1/2"    577.5    0.0\n'
        "  7   PMI TESTING & 3.1 CERTS - ALL PIPE AND PLATE          1      LOT\n"
    )
    assert _rows(_extract(nest)) == [
        (10, "A36", "bar_rectangular", (0.25, 2.0, 240.0)),
        (180, "A36", "bar_square", (0.5, 38.5)),
    ]


def test_an_item_column_of_words_a_stock_item_column_and_a_glued_po_number() -> None:
    sheet = (
        "Item\tSupplier item code\tQuantity\tPrice per unit\tTotal price\n"
        'HR Flat Bar A36 / 3/16" x 1-1/2" x 20\'\t—\t30 pcs\t$14.85\t$445.50\n'
        'Round Bar A36 / 1/2"\t—\t120 ft\t$1.12\t$134.40\n'
    )
    assert [row[:3] for row in _rows(_extract(sheet))] == [
        (30, "A36", "bar_rectangular"),
        (120, "A36", "bar_round"),
    ]
    erp = (
        "Purchase order PO00219\n\n"
        "Stock item                              Vendor part no.    Quantity   Price      Subtotal\n"
        "A00051 Angle A36 2x2x1/4 20'            L2X2X250-20        10 pcs     $49.60     $496.00\n"
    )
    extraction = _extract(erp)
    assert extraction.header.po_number == "PO00219"
    assert _rows(extraction) == [(10, "A36", "angle", (2.0, 2.0, 0.25, 240.0))]


def test_a_second_page_s_brought_forward_line_and_an_un_column() -> None:
    text = (
        "Item  Material     Description                          Order Qty  Un   Net Price  Per  Un\n"
        "------------------------------------------------------------------------------------------\n"
        "                                                             Brought forward   6,360.00\n"
        '00060 100041990    BAR,FLAT,1018 CF,.500 X 3.000 X 144"        12  EA       88.90    1  EA\n'
        "00030 100023502    TUBE,DOM,1026,4.000 OD X .375 WALL          40  FT       21.40    1  FT\n"
    )
    lines = _extract(text).lines
    assert [(line.quantity, line.uom, line.form) for line in lines] == [
        (12, "EA", "bar_rectangular"),
        (40, "FT", "tube_round"),
    ]


def test_a_blanket_release_counts_this_release_and_an_sap_pdf_s_quantity_with_its_unit() -> None:
    release = (
        "Ln  Cust Part #  Description                                        Blanket Qty  Rel'd to Date"
        "  This Release  Remaining  UOM\n"
        "2   HH-30022     ALUM SHEET 3003-H14 .040 X 48 X 120                        300            175"
        "            25        100  SH\n"
    )
    assert [row[:3] for row in _rows(_extract(release))] == [(25, "3003", "sheet")]
    sap = (
        "Item Material Description Order Qty. Unit Price per Unit Net Value\n"
        "00030 1000198822 PLATE,SS,316L,3/8IN X 48IN X 96IN 1 EA 2,840.00 1 EA 2,840.00\n"
        "Delivery date: 04/22/2025\n"
        '2 1 3 EA PLATE AR500 3/8" X 48" X 96" (was 1/2" - REV 1) 742.00 2,226.00\n'
    )
    rows = _rows(_extract(sap))
    assert rows[0] == (1, "316L", "plate", (0.375, 48.0, 96.0))


def test_a_printed_po_whose_header_names_a_column_in_six_words_and_whose_sizes_wrap_below() -> None:
    """ "Part ID / Vendor Part ID" is a column name, not a sentence; "1.000 X 6.000 X 12.000" are inches."""
    text = (
        "Ln#  Part ID / Vendor Part ID     Description                    Order Qty  U/M   Unit Price "
        "  Ext Price\n"
        "---  ---------------------------  -----------------------------  ---------  ----  ----------"
        "  ----------\n"
        "1    RM-6061-PL0500               ALUM PLATE 6061-T651              4.00  EA       38.2500    "
        "  153.00\n"
        "                                  0.500 X 6.000 X 12.000  AMS 4027\n"
        "2    RM-4140-RD2500               STEEL BAR 4140 HT ROUND           3.00  EA       96.0000    "
        "  288.00\n"
        "                                  2.500 DIA X 24.00\n"
    )
    assert _rows(_extract(text)) == [
        (4, "6061", "plate", (0.5, 6.0, 12.0)),
        (3, "4140", "bar_round", (2.5, 24.0)),
    ]


def test_a_pipe_whose_schedule_and_nominal_bore_sit_in_different_cells() -> None:
    text = (
        "Sl. | Description              | Size                   | Qty | Unit\n"
        '1   | SS 304 Pipe Sch 10S      | 1" NB x 6 mtr          | 12  | Nos\n'
        '2   | SS 316L Pipe Sch 40S     | 3" NB x 6 mtr          | 4   | Nos\n'
    )
    assert _rows(_extract(text)) == [
        (12, "304", "tube_round", (1.315, 0.109, 236.2205, 1.0)),
        (4, "316L", "tube_round", (3.5, 0.216, 236.2205, 3.0)),
    ]


def test_a_note_under_the_table_deletes_the_row_it_numbers() -> None:
    rows = (
        "Sl. | Description              | Size                   | Qty | Unit\n"
        "1   | SS 304 Flat              | 50 x 6 mm x 6 mtr      | 8   | Nos\n"
        '2   | SS 304 Pipe Sch 10S      | 1" NB x 6 mtr          | 12  | Nos\n'
        "3   | SS 316L Plate            | 10 mm x 1500 x 3000 mm | 1   | Nos\n"
    )
    kept = _rows(
        _extract(rows + "\nNote: Sl. No. 2 stands deleted as discussed. Please do not supply the same.\n")
    )
    assert [row[2] for row in kept] == ["bar_rectangular", "plate"]


def test_a_cancelled_row_already_left_out_does_not_take_the_next_row_with_it() -> None:
    text = (
        "Item 2 is cancelled, we found the 1/4 in the yard.\n\n"
        "Item\tDescription\tGrade\tThk\tWidth\tLength\tQty\tNotes\n"
        "1\tPL\tA36\t0.375\t48\t96\t6\tburn table\n"
        "2\tPL\tA36\t1/4\t72\t144\t3\tCANCEL - using stock\n"
        "3\tPL\tA36\t3/16\t48\t96\t8\t\n"
    )
    assert [(row[0], row[3][0]) for row in _rows(_extract(text))] == [(6, 0.375), (8, 0.1875)]


def test_a_pdf_row_whose_count_wrapped_onto_its_second_line_with_a_page_header_between_rows() -> None:
    text = (
        "Item  Description                           Spec         Qty   UOM   Drawing/Ref\n"
        "1     Round bar, 17-4PH H1150,              AMS 5643\n"
        '      1.250" dia x 144"                                  6     EA    DWG 44-1187\n'
        '3     Hex bar, 416 SS, 0.625" A/F x\n'
        '      144"                                  ASTM A582    15    EA    -\n'
        "Acme Medical Devices    CONFIDENTIAL    RFQ-2291    Page 1 of 2\n"
        "Item  Description                           Spec         Qty   UOM   Drawing/Ref\n"
        "4     Sheet, 304, 2B finish,                ASTM A240    4     EA    -\n"
        '      0.048" x 36" x 96"\n'
    )
    assert _rows(_extract(text)) == [
        (6, "17-4PH", "bar_round", (1.25, 144.0)),
        (15, "416", "bar_hex", (0.625, 144.0)),
        (4, "304", "sheet", (0.048, 36.0, 96.0)),
    ]


def test_pipe_named_in_one_cell_with_its_nominal_size_in_the_next() -> None:
    text = (
        "| # | Item                        | Size     | Length | Qty |\n"
        "|---|-----------------------------|----------|--------|-----|\n"
        "| 1 | 6063-T52 alum pipe sch 40   | 1-1/2\"   | 21'    | 40  |\n"
        "| 2 | 6063-T52 alum pipe sch 40   | 1-1/4\"   | 21'    | 24  |\n"
    )
    assert _rows(_extract(text)) == [
        (40, "6063", "tube_round", (1.9, 0.145, 252.0, 1.5)),
        (24, "6063", "tube_round", (1.66, 0.14, 252.0, 1.25)),
    ]


def test_a_spreadsheet_with_blank_header_cells_an_estimated_weight_and_a_totals_row() -> None:
    text = (
        "STEEL ORDER - WK 12\t\t\t\t\t\t\t\n"
        "\tMaterial\t\tSize\tLength\tQty\tEst Wt (lb)\tNotes\n"
        "1\tA36 HR Flat\t\t1/4 x 2\t20'\t30\t1,020\t\n"
        "2\tA500 Sq Tube\t\t2 x 2 x 11ga\t24'\t40\t2,810\t\n"
        "\t\t\t\tTOTAL\t70\t3,830\t\n"
    )
    assert [(row[0], row[2]) for row in _rows(_extract(text))] == [
        (30, "bar_rectangular"),
        (40, "tube_square"),
    ]


def test_a_pdf_row_whose_size_unit_and_count_wrapped_onto_its_next_line() -> None:
    text = (
        "Ln Item Description Qty U/M Need Date\n"
        "1 MAT-17410 BAR, RD, 17-4PH COND H1150, ASTM A564, 1.500 DIA X 12 FT 6 EA\n"
        "06/02/2025\n"
        "2 MAT-31620 BAR, RD, 316/316L DUAL CERT, ASTM A276/A479, 2.000 DIA X 12\n"
        "FT 4 EA 06/02/2025\n"
    )
    lines = extract(build_document("rfq.txt", text.encode(), text)).lines
    assert [(line.quantity, dict(line.dimensions)) for line in lines] == [
        (6, {"diameter": 1.5, "length": 144}),
        (4, {"diameter": 2, "length": 144}),
    ]


def test_a_tab_table_row_wrapped_with_its_cells_and_a_tab_typed_twice() -> None:
    text = (
        "Order below.\n\n"
        "Line\tPart #\tDescription\tQty\tUOM\n"
        '1\tOT-2210\tA572-50 plate 3/8" x 72" x 240"\t4\tSHT\n'
        "2\tOT-3305\tRect tube A500 Gr.B  4 x 2 x\n"
        "3/16 wall x 24'\t20\tPC\n"
        "3\tOT-4100\tChannel C4 x 5.4 A36  20'\t\t10\tPC\n"
    )
    lines = extract(build_document("po.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, dict(line.dimensions)) for line in lines] == [
        (4, "plate", {"thickness": 0.375, "width": 72, "length": 240}),
        (20, "tube_rectangular", {"width": 4, "height": 2, "wall_thickness": 0.1875, "length": 288}),
        (10, "channel", {"height": 4, "length": 240, "weight_per_foot": 5.4}),
    ]


def test_an_order_column_beside_the_customer_s_cuts_is_what_is_bought() -> None:
    text = (
        "Send FULL LENGTHS as listed in the order column, the cuts are how we nest them.\n\n"
        "Item | Description                 | Cuts                      | ORDER\n"
        "1    | MC12x10.6 A36 stringers     | 4 @ 16'-8 1/4\"            | 4 pcs x 20'\n"
        "2    | L2x2x1/4 A36 tread angles   | 48 @ 3'-10\"               | 10 pcs x 20'\n"
    )
    lines = extract(build_document("po.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, line.dimensions["length"]) for line in lines] == [
        (4, "channel", 240),
        (10, "angle", 240),
    ]


def test_feet_in_a_qty_column_and_a_row_held_in_its_notes() -> None:
    text = (
        "Please quote:\n\n"
        "| Item | Qty  | Description              | Grade     | Length | Notes                          |\n"
        "| 1    | 10   | 4\" Sch 40 pipe, PE       | A53 Gr B  | 21'    |                                |\n"
        "| 2    | 4    | 6\" Sch 40 pipe, BE, smls | A106 Gr B | 21'    | HOLD - do not order yet        |\n"
        "| 3    | 200' | 1\" Sch 40 pipe, TBE      | A53 Gr B  | RL     | random lengths ok              |\n"
    )
    lines = extract(build_document("rfq.txt", text.encode(), text)).lines
    assert [(line.quantity, line.uom, line.dimensions["outer_diameter"]) for line in lines] == [
        (10, "EA", 4.5),
        (200, "FT", 1.315),
    ]


def test_a_cancelled_row_gives_no_grade_to_the_rows_after_it_and_an_ignored_item_is_dropped() -> None:
    text = (
        "Position 20 has been cancelled in our system.\n\n"
        "  Pos  Item                 Description                          Ordered  Unit\n"
        "   10  ITM-416-R-275        416 SS RD BAR 2.750 ANN, 12FT RL           4  pcs\n"
        "   20  ITM-410-R-150        410 SS RD BAR 1.500 ANN                    0  pcs\n"
        "       *** CANCELLED ***\n"
        "   50  ITM-DI-654512-350    DUCTILE IRON BAR 65-45-12 3.500 DIA        5  pcs\n"
    )
    lines = extract(build_document("po.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade) for line in lines] == [(4, "416"), (5, None)]
    assert "missing_grade" in lines[1].flags
    ignored = "Item 1   PL 3/4 x 8 x 14    12 pcs\nItem 5   W12x26 x 30'   2 pcs  -- IGNORE, found two\n"
    assert len(extract(build_document("po.txt", ignored.encode(), ignored)).lines) == 1


def test_a_csv_rows_size_and_length_cells_are_two_numbers_not_one() -> None:
    text = (
        "Line,Qty,Description,Alloy,Size,Length (in)\n"
        "1,6,Plate,5086-H116,1/4 x 60,144\n"
        "2,12,Sheet,5052-H32,.125 x 48,144\n"
    )
    assert _rows(_extract(text)) == [
        (6, "5086", "plate", (0.25, 60.0, 144.0)),
        (12, "5052", "sheet", (0.125, 48.0, 144.0)),
    ]


def test_an_item_column_with_no_description_beside_it_holds_the_description() -> None:
    text = (
        "Qty\tItem\tGrade\tSize\tLength\tNotes\n"
        "8\tAngle\tA36\t3 x 3 x 1/4\t20'\t\n"
        "4\tFlat bar\t\t1/2 x 4\t20'\tsame as last time\n"
    )
    assert _rows(_extract(text)) == [
        (8, "A36", "angle", (3.0, 3.0, 0.25, 240.0)),
        (4, None, "bar_rectangular", (0.5, 4.0, 240.0)),
    ]


def test_a_pdf_rows_closing_cells_wrapped_onto_a_line_of_their_own() -> None:
    text = (
        "Line Part Number / Description Delivery Date Quantity UOM Unit Price (USD) Amount\n"
        "1 CU-BUS-25-4 COPPER BUS BAR C110 ALLOY\n"
        '1/4" X 4" X 12\' ASTM B187 24-JUN-2024 20 EA 287.40 5,748.00\n'
        "2 CU-RD-100 COPPER ROUND BAR C101 OFHC 1\" DIA X 12' 24-JUN-2024 5 EA\n"
        "214.75 1,073.75\n"
        "3 BR-SH-032 BRASS SHEET C260 H02 .032 X 24 X 96 01-JUL-2024\n"
        "10 EA 88.10 881.00\n"
        "Total 7,702.75\n"
    )
    assert [row[0] for row in _rows(_extract(text))] == [20, 5, 10]  # never the line number, never a price


def test_a_total_line_ends_the_table_and_is_no_part_of_its_last_row() -> None:
    text = (
        "Item  Material    Short Text                          PO Qty  OUn  Net Price   Del. Date\n"
        "00030 310-3314    ANGLE,SS304,3X3X1/4,HR,A276,        5       EA   296.00      07/03/2024\n"
        "                  20'\n"
        "-----------------------------------------------------------------------------------\n"
        "Total Net Value                                                       USD 7,194.00\n"
        "-----------------------------------------------------------------------------------\n"
        "Heat numbers must be stenciled or tagged on each piece. PMI not required.\n"
    )
    (line,) = _extract(text).lines
    assert (line.quantity, line.grade, line.form) == (5, "304", "angle")
    assert "Total" not in line.source_text


def test_a_czech_header_is_read_and_prose_after_a_blank_line_ends_the_table() -> None:
    text = (
        "Č.  Materiál                   Rozměr                    Norma                    Množství  MJ\n"
        "1   Tyč kruhová (round bar)    Ø60 x 500 mm              C45 / AISI 1045             6       ks\n"
        "3   Jekl (square tube)         40x40x3 mm, dl. 6 m       S235JR                     24       ks\n"
        "\n"
        "Material certificate 3.1 please. Delivery latest end of June, it is not urgent.\n"
        "\n"
        "Ing. Petr Dvořák nákup / purchasing Strojírny s.r.o. Pražská 1520/88, 500 04 Hradec Králové\n"
    )
    rows = _rows(_extract(text))
    assert [(row[0], row[2]) for row in rows] == [(6, "bar_round"), (24, "tube_square")]


def test_a_pdf_header_whose_first_columns_ran_together_reads_its_rows_by_words() -> None:
    text = (
        "Line Qty UM Description                               Unit          Ext\n"
        "                                                      Price\n"
        "3 4 EA CHANNEL C6 X 8.2# A36 X                        88.90         355.60\n"
        "20'-0\"\n"
        "4 2 EA WIDE FLANGE W8 X 31 A992 X                    702.00       1,404.00\n"
        "30'-0\"\n"
    )
    rows = _rows(_extract(text))
    assert [(row[0], row[2], row[3][-1]) for row in rows] == [
        (4, "channel", 8.2),
        (2, "beam_i", 31.0),
    ]  # the counts, never the line numbers, and each length from its wrapped line
    assert [dict(line.dimensions)["length"] for line in _extract(text).lines] == [240, 360]


def test_a_pipe_table_row_running_on_under_its_description_stays_one_row() -> None:
    # a procurement system's line: its second line holds only the description column, a labelled
    # note ("Category: … GL: …") kept out of the row, or the rest of the description
    text = (
        "Order lines\n"
        "Ln | Description                            | Qty | UOM | Unit Price | Ext\n"
        '1  | 304 SS SHEET 2B, 11GA x 48" x 120"     | 6   | EA  | 310.00     | 1,860.00\n'
        "   |   Category: Metals - Stainless   GL: 6110-220\n"
        '2  | 6061-T6 ALUM ROUND BAR 1-1/2" DIA       | 4   | EA  | 88.00      | 352.00\n'
        "   |   x 12' RANDOM LENGTH\n"
        '3  | A36 PLATE 3/8" x 48" x 96"              | 2   | EA  | 401.00     | 802.00\n'
    )
    assert [(q, grade, form) for q, grade, form, _ in _rows(_extract(text))] == [
        (6, "304", "sheet"),
        (4, "6061", "bar_round"),
        (2, "A36", "plate"),
    ]
    assert _extract(text).lines[1].dimensions == {"diameter": 1.5, "length": 144.0}


def test_a_column_naming_two_dimensions_gives_the_one_the_item_s_form_has() -> None:
    text = (
        "Line  Part No.     Description          Grade     Thk/OD   Width/   Length   Qty   UOM\n"
        "                                                  Dia      Wall     (in)\n"
        "----  -----------  -------------------  --------  -------  -------  -------  ----  ----\n"
        "1     KX-PL-AR05   Plate                AR400     0.500    48.000   96.000   2     EA\n"
        "2     KX-RT-1512   Round tube ERW       A513      1.500    0.120    240      8     EA\n"
    )
    plate, tube = _extract(text).lines
    assert plate.dimensions == {"thickness": 0.5, "width": 48.0, "length": 96.0}
    assert tube.dimensions == {"outer_diameter": 1.5, "wall_thickness": 0.12, "length": 240.0}


def test_a_header_setting_two_short_columns_one_space_apart_reads_both() -> None:
    # a PDF's "ITEM QTY" over rows that keep the columns apart; an ASME grade in its own column
    text = (
        "ITEM QTY  DESCRIPTION                           MATERIAL SPEC        UNIT $\n"
        '1    1    PLATE 1" X 96" X 240"                  SA-516-70 N          4,812.00\n'
        "          NORMALIZED, UT PER SA-435\n"
        "2    3    PIPE 6\" SCH 80 SMLS X 21'              SA-106 GR B          1,277.00\n"
    )
    assert [(q, grade, form) for q, grade, form, _ in _rows(_extract(text))] == [
        (1, "A516-70", "plate"),
        (3, "A106", "tube_round"),
    ]


def test_a_collapsed_erp_row_s_line_number_part_code_and_restated_gauge_are_no_sizes() -> None:
    text = (
        "Line Item Description Qty UOM Unit Price Ext Price Due\n"
        "0001 SHT-AL3003-063 SHEET ALUM 3003-H14 .063 X 48 X 144 10.00 SHT 118.60 1,186.00 03/28/2024\n"
        "0002 HEX12L14-1250 HEX BAR 12L14 CD 1-1/4 X 12' 10 PC 64.15 641.50 4/3/2024\n"
        "0003 SHT-SS304-048 SHEET SS 304 2B .048 (18 GA) X 36 X 96 6.00 SHT 137.90 827.40 04/04/2024\n"
    )
    assert _rows(_extract(text)) == [
        (10, "3003", "sheet", (0.063, 48.0, 144.0)),
        (10, "12L14", "bar_hex", (1.25, 144.0)),
        (6, "304", "sheet", (0.048, 36.0, 96.0)),
    ]


def test_a_pdf_table_runs_on_past_a_page_s_running_head_and_repeated_header() -> None:
    text = (
        "Bayou Fab LLC PURCHASE ORDER BF-1156 Page 1 of 2\n"
        "Ln Qty UM Description Unit Price Ext. Price Req Date\n"
        '1 6 EA 2205 ROUND BAR 3" DIA X 12" CUT 301.50 1,809.00 09/04/2024\n'
        "Bayou Fab LLC PURCHASE ORDER BF-1156 Page 2 of 2\n"
        "Ln Qty UM Description Unit Price Ext. Price Req Date\n"
        "2 2 JT A106 PIPE 2\" SCH 80 SMLS X 20' 1,730.00 3,460.00 09/04/2024\n"
        "Total 5,269.00\n"
    )
    assert [(q, grade, form) for q, grade, form, _ in _rows(_extract(text))] == [
        (6, "2205", "bar_round"),
        (2, "A106", "tube_round"),
    ]


def test_a_quantity_cell_in_metres_or_kilograms_is_sold_by_the_foot_or_pound() -> None:
    text = (
        "Pos  Qty      Material   Description                 Dimensions (mm)\n"
        "10   2 pcs    1.4404     Plate, 2B finish            10 x 1500 x 3000\n"
        "30   36 m     S355J2     Flat bar (random lengths)   20 x 100\n"
        "50   250 kg   S235JR     Round bar                   dia 30\n"
    )
    assert [(line.quantity, line.uom) for line in _extract(text).lines] == [
        (2, "EA"),
        (118.11, "FT"),
        (551.16, "LB"),
    ]


def test_a_cut_list_table_goes_on_under_each_assembly_s_heading() -> None:
    text = (
        "All A36 unless noted.\n\n"
        "ASSY C1 - COLUMNS\n"
        "  MK    QTY   SHAPE               CUT LENGTH     NOTES\n"
        "  C1a    4    PL 1/2 x 8          0'-10\"         base plates\n"
        "\n"
        "ASSY B1 - ROOF BEAMS\n"
        "  B1a    2    FB 3/8 x 4          1'-2 1/4\"      shear tabs\n"
        "  B1b   12    L3x3x1/4            2'-3 1/2\"\n"
    )
    assert [(q, form) for q, _, form, _ in _rows(_extract(text))] == [
        (4, "plate"),
        (2, "bar_rectangular"),
        (12, "angle"),
    ]


def test_indented_notes_under_a_wrapped_pipe_row_do_not_end_the_table() -> None:
    # a procurement network's order: each row's number and part code on one line, its description
    # and cells on the next, then indented labelled notes with no pipe at all
    text = (
        "Line # | Part # / Description | Type | Qty (Unit) | Need By | Unit Price\n"
        "1 | BUY-316-PL-25\n"
        '316L PLATE, 0.250" x 48" x 96" | Material | 3 (EA) | 10 Jun 2026 | $910.00 USD\n'
        "    Supplier Part ID: Not Available\n"
        "    Commodity Code: 11101700 Base Metals\n"
        "2 | BUY-4140-RD-2\n"
        '4140 ROUND BAR, 2.000" DIA x 144" | Material | 5 (EA) | 10 Jun 2026 | $420.00 USD\n'
        "    Account Assignment: K - Cost Center 4410-200\n"
        "3 | BUY-6061-SQ-1\n"
        '6061-T6 SQUARE BAR, 1.000" x 144" | Material | 8 (EA) | 10 Jun 2026 | $96.00 USD\n'
    )
    assert [(q, grade, form) for q, grade, form, _ in _rows(_extract(text))] == [
        (3, "316L", "plate"),
        (5, "4140", "bar_round"),
        (8, "6061", "bar_square"),
    ]  # every row's count, never a line number, and no note read as a row


def test_a_take_off_s_mark_column_is_never_read_as_a_size_or_count() -> None:
    text = (
        "Mk    Qty   Description                              Length\n"
        "----  ----  ---------------------------------------  --------\n"
        "HR1   4     1-1/2\" sch 40 pipe, A53B (handrail)      21'\n"
        'HR2   10    1-1/2" sch 40 pipe, A53B (posts)         42"\n'
        "P1    20    PL 3/8 x 4 x 6, A36                      -\n"
    )
    assert role_of("Mk") == role_of("Piece mark") == role_of("Mark") == "note"
    lines = _extract(text).lines
    assert [(line.quantity, line.dimensions.get("nominal_size")) for line in lines[:2]] == [
        (4, 1.5),
        (10, 1.5),
    ]
    assert lines[2].quantity == 20 and lines[2].dimensions == {
        "thickness": 0.375,
        "width": 4.0,
        "length": 6.0,
    }


def test_a_csv_header_naming_its_unit_after_an_underscore() -> None:
    assert [column.unit for column in read_header("qty,material,thk_mm,w_mm,l_mm").columns] == [
        None, None, "mm", "mm", "mm",
    ]  # fmt: skip
    text = "qty,material,thk_mm,w_mm,l_mm\n4,6061-T651,12,300,400\n"
    line = _extract(text).lines[0]
    assert line.quantity == 4 and round(line.dimensions["thickness"], 3) == 0.472


def test_a_grade_in_a_notes_column_is_the_row_s_own() -> None:
    text = (
        "Everything A36 unless noted.\n\n"
        "MARK   QTY   SIZE             LENGTH        NOTES\n"
        "B1     (2)   W8x31            18'-4 1/2\"    A992\n"
        "C1     (4)   HSS 6x6x3/8      12'-0\"        A500 Gr B\n"
        "L1     (6)   L4x4x3/8         5'-10 3/4\"    shop prime\n"
    )
    lines = _extract(text).lines
    assert [line.grade for line in lines] == ["A992", "A500", "A36"]
    assert "grade_from_context" not in lines[1].flags  # read from its own row


def test_a_pdf_row_wrapped_over_lines_ending_with_its_prices() -> None:
    text = (
        "ITEM QTY UNIT DESCRIPTION UNIT PRICE AMOUNT\n"
        "1 2 EA PLATE, ABRASION RESISTANT AR400,\n"
        '1/2" X 48" X 96", FOR HOPPER CAR\n'
        "LINER REPAIR $1,012.00 $2,024.00\n"
        '2 1 EA PLATE, A514 GR B (T-1) 1" X 24" X\n'
        '48" $842.00 $842.00\n'
        '3 2 EA FLAT BAR 4140 ANNEALED 1" X 4" X\n'
        "12' $396.00 $792.00\n"
        "SUBTOTAL $3,658.00\n"
    )
    lines = _extract(text).lines
    assert [(line.quantity, line.grade, line.dimensions.get("length")) for line in lines] == [
        (2, "AR400", 96.0),
        (1, "A514", 48.0),
        (2, "4140", 144.0),
    ]  # the size finished on the next line, and no price read as a row


def test_a_quoted_csv_cell_with_a_comma_in_it_stays_one_cell() -> None:
    text = (
        '"Item","Description","Grade","Qty","UOM","Remarks"\n'
        '"1","Angle 2"" x 2"" x 1/4"" x 20\'","304 or 316, whichever you have","6","EA",""\n'
        '"2","Plate 10 mm x 300 mm x 400 mm","6061-T651","4","EA","saw cut ok, +/-1mm"\n'
    )
    lines = _extract(text).lines
    assert [(line.quantity, line.form) for line in lines] == [(6, "angle"), (4, "plate")]
    assert lines[1].tolerances  # the notes cell's tolerance is the row's


def test_a_spreadsheet_pasted_with_even_gaps_is_read_by_the_order_of_its_cells() -> None:
    text = (
        "Line   Qty   UOM   Description   Grade/Spec   Length   Notes\n"
        "1   8   EA   DOM TUBE 2.000 OD X .250 WALL   A513-5   20'   \n"
        "2   10   EA   ANGLE 3 X 3 X 1/4   A36   20'   \n"
    )
    lines = _extract(text).lines
    assert [(line.quantity, line.grade, line.form, line.dimensions["length"]) for line in lines] == [
        (8, "A513", "tube_round", 240.0),
        (10, "A36", "angle", 240.0),
    ]


def test_a_part_column_naming_forms_in_words_is_the_description_and_how_many_the_count() -> None:
    """A home-made sheet headed "Part  Size  Length  How many": the "Part" cells say what is
    ordered ("Angle iron", "Plate"), not a code, and a totals row is no item."""
    result = _extract(
        "Here is my material list copied from my spreadsheet.\n\n"
        "Part\tSize\tLength\tHow many\tNotes\n"
        "Angle iron\t1-1/2 x 1-1/2 x 3/16\t20'\t4\tframe\n"
        "Round tube\t1.75 OD x .120 wall\t20'\t2\t\n"
        "Plate\t1/4 x 24 x 36\t\t1\tjack mount\n"
        "\t\t\t\t\n"
        "TOTAL PIECES\t\t\t7\t\n"
    )
    assert [(line.quantity, line.form) for line in result.lines] == [
        (4, "angle"),
        (2, "tube_round"),
        (1, "plate"),
    ]
    assert result.lines[0].dimensions == {"leg1": 1.5, "leg2": 1.5, "thickness": 0.1875, "length": 240.0}


def test_a_pipe_table_row_running_on_under_its_description_with_empty_edge_cells() -> None:
    """ "  |      | A1011 CS TYPE B |   |" under a row of a table drawn without edge bars: the
    description's second line, not a row shifted by a column; the rows after it are read."""
    result = _extract(
        "PO 7700218\n\n"
        "# | Item #          | Description                   | Qty | UOM | Total\n"
        "--+-----------------+-------------------------------+-----+-----+---------\n"
        "1 | 520-10GA-60120  | 10GA HRPO SHEET 60 X 120      |  12 | EA  | 1780.31\n"
        "  |                 | A1011 CS TYPE B               |     |     |\n"
        "2 | 540-C4-54       | CHANNEL C4 X 5.4# A36 X 20'   |   6 | EA  |  396.90\n"
        "3 | 550-2X2X316-ANG | ANGLE A36 2 X 2 X 3/16 X 20'  |  20 | EA  |  588.04\n"
    )
    assert [(line.quantity, line.grade, line.form) for line in result.lines] == [
        (12, "A1011", "sheet"),
        (6, "A36", "channel"),
        (20, "A36", "angle"),
    ]


def test_a_row_with_no_count_is_ordered_by_the_weight_its_weight_column_gives() -> None:
    """ "Wt (lbs)" 120 under an empty "Qty" ("order by weight"): 120 lb; the rows with a count keep
    it, their weight an estimate."""
    result = _extract(
        "PO GCHT-4418\n\n"
        "Alloy\tForm\tSize\tQty\tWt (lbs)\tNotes\n"
        'Inconel 600\tPlate\t1/4" x 48" x 96"\t1 pc\t~350\t\n'
        'Inconel 625\tRd Bar\t1-1/2" dia\t\t120\torder by weight, cut lengths OK\n'
    )
    assert [(line.quantity, line.uom, line.form) for line in result.lines] == [
        (1, "EA", "plate"),
        (120, "LB", "bar_round"),
    ]


def test_a_requirement_said_not_required_in_a_remarks_cell_keeps_its_row() -> None:
    """ "h9 tolerance not required" waives the tolerance, not the round bar."""
    result = _extract(
        "Pos.\tMaterial\tProduct\tThk (mm)\tWidth (mm)\tLength (mm)\tQty\tRemarks\n"
        "10\t1.4404\tPlate\t10\t1500\t3000\t2\t3.1 certificate EN 10204\n"
        "30\t1.4404\tRound bar\tØ50\t\t3000\t2\th9 tolerance not required\n"
        "40\t1.4404\tRound bar\tØ60\t\t3000\t1\tnot required this time\n"
    )
    assert [(line.quantity, line.form) for line in result.lines] == [(2, "plate"), (2, "bar_round")]


def test_a_pipe_table_with_a_schedule_column_and_joint_lengths_in_its_notes() -> None:
    """ "Size  Sch  Spec  Qty  UOM  Notes": a "Sch" of 40 beside a size of 2" is 2" schedule 40
    pipe, not a 2" plate; a note of "21' jts" is the joint length."""
    result = _extract(
        "PO 0098812\n\n"
        "Size\tSch\tSpec\tQty\tUOM\tNotes\n"
        '4"\t80\tA106 B seamless\t84\tFT\tRL OK\n'
        "2\"\t40\tA53 B ERW\t4\tJT\t21' jts\n"
    )
    assert [(line.quantity, line.uom, line.form, line.dimensions) for line in result.lines] == [
        (84, "FT", "tube_round", {"outer_diameter": 4.5, "wall_thickness": 0.337, "nominal_size": 4.0}),
        (
            4,
            "EA",
            "tube_round",
            {"outer_diameter": 2.375, "wall_thickness": 0.154, "length": 252.0, "nominal_size": 2.0},
        ),
    ]


def test_a_pdf_rows_description_wrapped_onto_lines_set_wherever_the_text_fell() -> None:
    """A PDF's row of number, count, part number, date and prices, its description on the lines
    under it at any indent ("        1.500\\" DIA X 12 FT"), across a page break with a running head."""
    result = _extract(
        "PO NO. 033471\n\n"
        " ITEM  QTY      U/M   PART NUMBER / DESCRIPTION                 DUE DATE    UNIT PRICE     "
        "EXTENSION\n"
        "   1     1.000  EA  NI625-RD-1500                          11/07/2025       1,486.00         "
        "1,486.00\n"
        "                  INCONEL 625 (UNS N06625) RD BAR\n"
        '        1.500" DIA X 12 FT, AMS 5666\n'
        "    2       2.000   EA        HC276-PL-0250-24SQ                11/07/2025   918.50   1,837.00\n"
        "    HASTELLOY C-276 PLATE (N10276)\n"
        "          .250 X 24 X 24\n"
        " Bluewater Pump Industries        PO 033471        Page 1 of 2\n"
        " ITEM  QTY      U/M   PART NUMBER / DESCRIPTION                 DUE DATE    UNIT PRICE     "
        "EXTENSION\n"
        " 3   3.000 EA MONEL400-RD-0750 11/07/2025 96.40 289.20\n"
        " MONEL 400 (N04400) RD .750 DIA\n"
        '      X 72" LG, QQ-N-281\n'
        "                                                      TOTAL          3,612.20\n"
    )
    assert [(line.quantity, line.grade, line.form, line.dimensions) for line in result.lines] == [
        (1, "Inconel 625", "bar_round", {"diameter": 1.5, "length": 144.0}),
        (2, "Hastelloy C276", "plate", {"thickness": 0.25, "width": 24.0, "length": 24.0}),
        (3, "Monel 400", "bar_round", {"diameter": 0.75, "length": 72.0}),
    ]


def test_a_subtotal_row_between_rows_and_a_row_number_column() -> None:
    """A "Beams subtotal" row with more rows under it does not end the table (whose "Row" column
    is the line number, not a count or a size); "Row 2 should be 3 not 2" changes row 2."""
    result = _extract(
        "Row\tItem\tSize\tGrade\tLength\tQty\tUnit $\tExt $\n"
        "1\tWide flange\tW8 x 31\tA992\t30'\t4\t$1,116.00\t$4,464.00\n"
        "2\tWide flange\tW12 x 26\tA992\t40'\t2\t$1,248.00\t$2,496.00\n"
        "\t\tBeams subtotal\t\t\t\t\t$6,960.00\n"
        "3\tChannel\tC6 x 8.2\tA36\t20'\t6\t$196.80\t$1,180.80\n"
        "\t\tTOTAL\t\t\t\t\t$8,140.80\n\n"
        "Row 2 should be 3 not 2 - GC added a header beam.\n"
    )
    assert [(line.quantity, line.form, line.dimensions) for line in result.lines] == [
        (4, "beam_i", {"height": 8.0, "length": 360.0, "weight_per_foot": 31.0}),
        (3, "beam_i", {"height": 12.0, "length": 480.0, "weight_per_foot": 26.0}),
        (6, "channel", {"height": 6.0, "length": 240.0, "weight_per_foot": 8.2}),
    ]


def test_a_note_under_the_table_correcting_a_numbered_lines_count() -> None:
    result = _extract(
        "Line\tQty\tUOM\tDescription\tGrade\n"
        '1\t6\tEA\tPL 1/2" x 48" x 96"\tA36\n'
        '2\t4\tEA\tPL 3/4" x 12" x 24"\tA36\n\n'
        "One correction - line 2 should be 8 ea, not 4. Rest is good.\n"
    )
    assert [line.quantity for line in result.lines] == [6, 8]
    assert result.lines[1].revisions == ["quantity was 4"]
    sized = _extract(
        "Item\tDescription\tThk\tW\tL\tQty\tUoM\n"
        "1\tD2 flat\t1.00\t4.00\t12.00\t2\tPC\n"
        "2\t1018 CRS flat\t0.50\t1.50\t144\t20\tPC\n\n"
        "Line 2 should be 1/2 x 2, not 1-1/2 wide - my mistake.\n"
    )
    assert sized.lines[1].dimensions == {"thickness": 0.5, "width": 2.0, "length": 144.0}


def test_a_cut_length_written_in_a_notes_cell_is_the_rows_length() -> None:
    """ "CUT TO 18\" LG" in the NOTES column: the piece's length, its tolerance beside it, and a
    note of something else ("heat lot 4471") hidden."""
    result = _extract(
        "QTY   SIZE        GRADE      ITEM       NOTES\n"
        "----  ----------  ---------  ---------  ------------------------------\n"
        '40    1-1/2"      4140 HT    RD BAR     CUT TO 18" LG  +/- 1/16\n'
        '20    2"          1045       RD BAR     cut to length 10\' 6"\n'
        "6     1/2 x 4     A36        FLAT       heat lot 4471\n"
    )
    assert _rows(result) == [
        (40, "4140", "bar_round", (1.5, 18.0)),
        (20, "1045", "bar_round", (2.0, 126.0)),
        (6, "A36", "bar_rectangular", (0.5, 4.0)),
    ]


def test_an_invoice_programs_po_with_item_names_and_rows_wrapped_wherever_the_pdf_put_them() -> None:
    """An "Item" column of names ("Alum Plate"), not line numbers; a "Rate" column of prices; each
    description wrapped onto the next line, its prices on that line or its count on the next."""
    result = _extract(
        "Item            Description                    Qty       Rate       Amount\n"
        'Alum Plate      6061-T651 alum plate 1"        2        64.00      128.00\n'
        'thick, saw cut 12" x 24"\n'
        "Alum Plate      7075-T651 plate 2.000 x 6.000  4\n"
        "x 12.000 saw cut                                        71.50      286.00\n"
        'Alum Rnd        6061-T6511 round bar 2-1/2"\n'
        "dia 12 ft length                               1       157.80     157.80\n"
        "                                                  Total           $571.80\n"
    )
    assert _rows(result) == [
        (2, "6061", "plate", (1.0, 12.0, 24.0)),
        (4, "7075", "plate", (2.0, 6.0, 12.0)),
        (1, "6061", "bar_round", (2.5, 144.0)),
    ]


def test_an_rfq_whose_it_column_numbers_items_wrapped_over_lines_with_the_count_on_the_last() -> None:
    """ "It  Description  Qty  UOM": "It" numbers the items; each description runs over two or
    three lines and its count sits on the last."""
    result = _extract(
        "It  Description                                            Qty   UOM\n"
        "--  -----------------------------------------------------  ----  ---\n"
        "1   PLATE, DUPLEX 2205 (UNS S32205/S31803)\n"
        "    ASME SA-240 DUAL CERT\n"
        '    1/2" X 48" X 96"                                        1     EA\n'
        '3   TUBE, SS 321 SMLS SA-213 TP321 1" OD X .049"\n'
        "    MIN WALL X 20'                                         25    EA\n"
        "4   SHEET SS 310S 2B ASTM A240\n"
        "    .125 X 48 X 96\n"
        "                                                            3     EA\n"
    )
    assert _rows(result) == [
        (1, "2205", "plate", (0.5, 48.0, 96.0)),
        (25, "321", "tube_round", (1.0, 0.049, 240.0)),
        (3, "310S", "sheet", (0.125, 48.0, 96.0)),
    ]


def test_a_numbered_row_of_its_part_number_alone_with_its_description_and_count_below() -> None:
    result = _extract(
        "Ln  Item Number       Description                      Qty   U/M   Unit Price   Ext Price\n"
        '6   SS304L-TB-300-065 TUBE SS 304L SANITARY A270 3" OD\n'
        "                      X .065W X 20'                    10    LG    131.9000     1,319.00\n"
        "7   SS316L-TB-150-065\n"
        "    TUBE SS 316L SANITARY A270 1-1/2 OD X .065W X 20'  12    LG     84.7500     1,017.00\n"
        "8   SS316-PP-1-40     PIPE SS 316L SCH 40 WELDED 1\" X 20' 4  LG    109.3000       437.20\n"
    )
    assert _rows(result) == [
        (10, "304L", "tube_round", (3.0, 0.065, 240.0)),
        (12, "316L", "tube_round", (1.5, 0.065, 240.0)),
        (4, "316L", "tube_round", (1.315, 0.133, 240.0, 1.0)),
    ]


def test_a_french_order_whose_pdf_put_reference_description_count_and_amounts_on_lines_apart() -> None:
    """ "Ref.  Designation  Qte  U  PU HT  Montant HT": a reference alone on its line starts a row,
    its description, count and amounts ("1 487,00") follow on the next lines."""
    result = _extract(
        "Ref.         Designation                   Qte   U    PU HT     Montant HT\n"
        "TOL-20-S355\n"
        "Tole S355J2+N 20 x 2000 x 6000 mm\n"
        "                                           2     u\n"
        "                                                    1 487,00    2 974,00\n"
        "IPE200-S275\n"
        "Poutrelle IPE 200 S275JR\n"
        "longueur 12 m                              4     u   398,40     1 593,60\n"
        "UPN160-S275  Fer U UPN 160 S275JR\n"
        "Longueur 12 m                              3\n"
        "                                                 u   341,20     1 023,60\n"
    )
    assert [(line.quantity, line.form) for line in result.lines] == [
        (2, "plate"),
        (4, "beam_i"),
        (3, "channel"),
    ]
    assert result.lines[1].dimensions == {
        "height": pytest.approx(7.874, abs=1e-3),
        "length": pytest.approx(472.44, abs=1e-2),
    }


def test_a_take_off_grouped_by_shape_under_headings_with_a_subtotal_after_each_group() -> None:
    result = _extract(
        "SHAPE                     QTY      LENGTH        WT (LB)\n"
        "----------------------------------------------------------------\n"
        "WIDE FLANGE (A992)\n"
        "  W12x26                   4       32'-0\"          3,328\n"
        "  W8x18                    3       14'-6\"            783\n"
        "                                         subtotal  4,111\n"
        "HSS (A500C)\n"
        "  HSS4x3x1/4               8       24'-0\"          2,031\n"
        "                                         subtotal  2,031\n"
        "ANGLE\n"
        "  L6x4x3/8 (LLV)           6        8'-9\"            646\n"
    )
    assert [(line.quantity, line.form, line.dimensions.get("length")) for line in result.lines] == [
        (4, "beam_i", 384.0),
        (3, "beam_i", 174.0),
        (8, "tube_rectangular", 288.0),
        (6, "angle", 105.0),
    ]


def test_a_storeroom_reorder_sheet_orders_its_order_qty_column_and_not_a_row_counted_zero() -> None:
    """ "Bin  Description  Size  Length  On Hand  Min  Max  Order Qty": the bin count and its limits
    are notes; a row whose order quantity is 0 is listed, not ordered."""
    result = _extract(
        "Bin\tDescription\tSize\tLength\t\tOn Hand\tMin\tMax\tOrder Qty\n"
        "A-01\t1018 CRS RD BAR\t1/2\"\t12'\t\t2\t5\t15\t13\n"
        "A-09\tC360 BRASS RD\t1/2\"\t12'\t\t6\t2\t6\t0\n"
        "B-03\tA36 HR ANGLE\t2 x 2 x 1/4\t20'\t\t0\t4\t10\t10\n"
    )
    assert [(line.quantity, line.grade, line.form) for line in result.lines] == [
        (13, "1018", "bar_round"),
        (10, "A36", "angle"),
    ]


def test_a_semicolon_csv_exported_from_a_german_erp_with_decimal_commas() -> None:
    """ "Pos;Material-Nr;Bezeichnung;Werkstoff;Abmessung (mm);Menge;ME": semicolons part the cells,
    "2,0 x 1250 x 2500" is 2.0 mm; "Rundstab", "Flachstab" are round and flat bar."""
    result = _extract(
        "Pos;Material-Nr;Bezeichnung;Werkstoff;Abmessung (mm);Menge;ME\n"
        "10;100234;Rundstab blank h9;1.4404;Ø 25 x 3000;12;ST\n"
        "30;100871;Blech 2B;1.4301;2,0 x 1250 x 2500;20;ST\n"
        "50;100990;Flachstab gewalzt;1.4571;10 x 50 x 6000;10;ST\n"
    )
    assert [(line.quantity, line.grade, line.form) for line in result.lines] == [
        (12, "1.4404", "bar_round"),
        (20, "1.4301", "sheet"),
        (10, "1.4571", "bar_rectangular"),
    ]
    assert result.lines[1].dimensions["thickness"] == pytest.approx(2.0 / 25.4, abs=1e-4)


def test_a_count_of_pieces_that_is_not_whole_is_flagged_not_priced() -> None:
    """A PDF row whose count fell out and whose weight or price landed in the quantity column
    ("61.4" angles): no one orders a fraction of a bar, so the line is asked about."""
    result = _extract(
        "Qty   Description                                   Weight\n"
        "61.4  A36 angle 3 x 3 x 1/4 x 20'\n"
        "4     A36 channel C6x8.2 x 20'\n"
    )
    assert [(line.quantity, "implausible_quantity" in line.flags) for line in result.lines] == [
        (61.4, True),
        (4, False),
    ]


def test_a_rows_extended_amount_set_alone_on_the_line_below_does_not_end_the_table() -> None:
    result = _extract(
        "LINE  P/N                 DESCRIPTION                       QTY  UM   UNIT PRICE    EXTENDED\n"
        "0001  SHT-2024T3-040      SHEET, ALCLAD 2024-T3 AMS-QQ-A-250/5\n"
        "                          .040 X 48 X 144\n"
        "                                                            10   EA   $312.50\n"
        "                                                                                   $3,125.00\n"
        "0002  SHT-7075T6-063      SHEET, ALCLAD 7075-T6 AMS-QQ-A-250/13\n"
        "                          .063 X 48 X 144                    5   EA   $498.00   $2,490.00\n"
        "0003  SHT-6061T6-125      SHEET 6061-T6 AMS 4027 .125 X\n"
        "                          48 X 144                           6   EA   $356.90   $2,141.40\n"
    )
    assert [(line.quantity, line.grade, line.dimensions["thickness"]) for line in result.lines] == [
        (10, "2024", 0.04),
        (5, "7075", 0.063),
        (6, "6061", 0.125),
    ]


def test_a_saw_cut_lists_qty_at_length_column() -> None:
    """ "QTY @ LENGTH" holding "2 @ 18'-4\"": the count and the length of each piece, and rows apart."""
    result = _extract(
        "MARK   SHAPE            GRADE     QTY @ LENGTH         REMARKS\n"
        "----   --------------   -------   ------------------   ----------------\n"
        "B1     W10x22           A992      2 @ 18'-4\"           deck beams\n"
        "C1     C8x11.5          A36       6 @ 6'-0\"            \n"
        "S1     L4x4x3/8         A36       10 @ 4'-2 3/4\"       stiffeners\n"
    )
    assert [(line.quantity, line.form, line.dimensions.get("length")) for line in result.lines] == [
        (2, "beam_i", 220.0),
        (6, "channel", 72.0),
        (10, "angle", 50.75),
    ]


def test_an_amount_slid_under_the_quantity_column_is_never_the_count() -> None:
    """ "1,212.00" under "Qty" (the PDF shifted the row): a price, so the line asks for its count
    instead of ordering 1,212 bars."""
    result = _extract(
        "Ln  Part / Description                          Qty    UOM    Unit $    Ext $\n"
        "2   RAW-718-225    BAR RD INCONEL 718 AMS 5662\n"
        "    2.250 DIA X 36.00 LG                 2    PC    1,212.00\n"
        "                                                                       2,424.00\n"
    )
    assert [line.quantity for line in result.lines] != [1212.0]
    assert all("missing_quantity" in line.flags or line.quantity == 2 for line in result.lines)


_WRAPPED_HEADER_PO = """\
 Line  Inventory ID              Line Description                              Order Qty.  UOM      Unit Cost
 Nbr.
 ----------------------------------------------------------------------------------------------------------
    1  AL-ANG-6061-2X2X250       ANGLE 6061-T6 2 X 2 X 1/4 X 20'                   4.00    EA          92.40
    2  AL-RT-6063-4X2X125        RECT TUBE 6063-T52 4 X 2 X .125 WALL X            6.00    EA         171.20
                                 24'

 Continued on next page                                                                     Page 1 of 2
----------------------------------------------------------------------------------------------------------
 Signal Hill Architectural Metals              PURCHASE ORDER PO004718                      Page 2 of 2

 Line  Inventory ID              Line Description                              Order Qty.  UOM      Unit Cost
 Nbr.
 ----------------------------------------------------------------------------------------------------------
    3  AL-CH-6061-3X141          CHANNEL AA 6061-T6 3 X 1.41#/FT X 25'             4.00    EA         129.60
    4  AL-SH-3003-040-4896       SHEET 3003-H14 .040 X 48 X 96 PVC 1S             10.00    SHT         52.70

                                                                  Line Total:                1,900.80
                                                                  Tax (resale):                  0.00
                                                                  Order Total:               1,900.80
"""


def test_a_header_wrapped_onto_a_second_line_on_every_page() -> None:
    """ "Line" over "Nbr.": the header's second line, not the table's end; page 2 goes on under the
    same columns, its line numbers never counts; the amounts under the table are no item."""
    lines = _extract(_WRAPPED_HEADER_PO).lines
    assert [(line.quantity, line.form, dict(line.dimensions)) for line in lines] == [
        (4, "angle", {"leg1": 2.0, "leg2": 2.0, "thickness": 0.25, "length": 240.0}),
        (6, "tube_rectangular", {"width": 4.0, "height": 2.0, "wall_thickness": 0.125, "length": 288.0}),
        (4, "channel", {"height": 3.0, "length": 300.0, "weight_per_foot": 1.41}),
        (10, "sheet", {"thickness": 0.04, "width": 48.0, "length": 96.0}),
    ]


def test_od_and_wall_columns_size_a_tube() -> None:
    text = (
        "Need the below on today's truck.\n\n"
        " Item   Grade    OD       Wall     Length     Qty\n"
        " ----   -----    ------   ------   --------   ---\n"
        '  1     316L     2"       .065     20\'-0"      6\n'
        '  2     304      3"       .083     20\'-0"      2\n'
    )
    assert _rows(_extract(text)) == [
        (6, "316L", "tube_round", (2.0, 0.065, 240.0)),
        (2, "304", "tube_round", (3.0, 0.083, 240.0)),
    ]


def test_a_length_split_over_feet_and_inches_columns() -> None:
    text = (
        "heres our order for next week. po IRR-2207.\n\n"
        "Material              Size             Ft    In    Qty\n"
        "A36 HR Flat           1/4 x 1-1/2      20    0     12\n"
        "A36 Sq Tube 11ga      2 x 2            10    6      6\n"
    )
    assert [(line.quantity, line.form, line.dimensions["length"]) for line in _extract(text).lines] == [
        (12, "bar_rectangular", 240.0),
        (6, "tube_square", 126.0),
    ]


@pytest.mark.parametrize(
    "table",
    [
        "Size\tGrade\tForm\tLength\tNotes\tQty\n"
        "1x1x1/8\tA500 Gr B\tSq tube\t20'\t\t4\n"
        "2x2x3/16\tA500 Gr B\tSq tube\t24'\thave in stock\tN/A\n",
        '"Form","Grade","Thk","Width","Length","Qty","Notes"\n'
        '"Flat bar","C110","1/4","2","12\'","4",""\n'
        '"Bus bar","C110","3/8","6","12\'","N/A","have stock"\n',
        "Material              Size             Ft    In    Qty\n"
        "A36 HR Flat           1/4 x 1-1/2      20    0     4\n"
        "HR Rd Bar             5/8              20    0     N/A - have\n",
    ],
)
def test_a_row_marked_as_had_is_not_ordered(table: str) -> None:
    lines = _extract(f"Please quote:\n\n{table}").lines
    assert [line.quantity for line in lines] == [4]
