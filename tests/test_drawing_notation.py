"""Orders from Japan, China, Korea and Europe: drawing notation (φ, t, …L, δ=, 米), JIS and GB grade
names, unitless millimetre chains and count words of other languages."""

from __future__ import annotations

import pytest

from pipeline.catalog.equivalents import resolve_grade
from pipeline.extract import extract
from pipeline.extract.notation import drawing_notation
from pipeline.ingest.document import build_document


def _rows(text: str) -> list[tuple]:
    lines = extract(build_document("order.txt", text.encode(), text)).lines
    return [
        (line.quantity, line.grade, line.form, {k: round(v, 2) for k, v in line.dimensions.items()})
        for line in lines
    ]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Round bar φ30 x 2500L", "Round bar Ø30 x 2500 "),
        ("Sheet t3 x 1219 x 2438", "Sheet  3 x 1219 x 2438"),
        ("钢板 δ=20mm", "钢板   20mm"),
        ("长6米", "长6m"),
        ("square pipe □50 x 50 x 2.3t x 6000L", "square pipe  50 x 50 x 2.3  x 6000 "),
        ("A5052P-H32 Sheet", " 5052-H32  Sheet"),
        # left as written: a temper in small letters, a grade after "x", an ASTM specification
        ("6061 t6 plate", "6061 t6 plate"),
        ("2 x 316L tube", "2 x 316L tube"),
        ("tube inox 316L Ø 60,3", "tube inox 316L Ø 60,3"),
        ("14 ga A1011 sheet", "14 ga A1011 sheet"),
        ("Round bar 4 PC D50 x 3000", "Round bar 4 PC Ø50 x 3000"),  # a metric bar's diameter
        ("Pręt okrągły 1.4301 fi 30 3 m", "Pręt okrągły 1.4301 Ø  30 3 m"),  # Polish
        ("D2 x 1/2 x 6 flat", "D2 x 1/2 x 6 flat"),  # the tool steel
    ],
)
def test_notation_is_read_as_the_usual_marks_position_for_position(written: str, read: str) -> None:
    assert drawing_notation(written) == read
    assert len(drawing_notation(written)) == len(written)


def test_a_japanese_purchase_order_table() -> None:
    text = (
        "Please kindly confirm the delivery date.\n\n"
        "No. | Description                        | Qty | Unit\n"
        "1   | SUS304 丸棒 Round bar φ30 x 2500L   | 8   | 本(pcs)\n"
        "2   | SS400 平鋼 Flat bar 9 x 75 x 6000L  | 10  | pcs\n"
        "3   | A5052P-H32 板 Sheet t3 x 1219 x 2438 | 5   | 枚(sheets)\n"
    )
    assert _rows(text) == [
        (8, "SUS304", "bar_round", {"diameter": 1.18, "length": 98.43}),
        (10, "SS400", "bar_rectangular", {"thickness": 0.35, "width": 2.95, "length": 236.22}),
        (5, "5052", "sheet", {"thickness": 0.12, "width": 47.99, "length": 95.98}),
    ]


@pytest.mark.parametrize(
    ("text", "dimensions"),
    [
        (
            "- 4 pcs 304 pipe 48.6 x 3.7 x 6000",
            {"outer_diameter": 1.91, "wall_thickness": 0.15, "length": 236.22},
        ),
        ("- 2 pcs 1045 round Ø65 x 200", {"diameter": 2.56, "length": 7.87}),
        # inches stay inches: an inch mark, or every size small enough to be inches
        ('- 4 pcs A36 plate 1/2" x 48 x 96', {"thickness": 0.5, "width": 48, "length": 96}),
        ("- 4 pcs A36 plate 2 x 60 x 144", {"thickness": 2, "width": 60, "length": 144}),
    ],
)
def test_a_chain_too_big_for_inches_with_no_unit_is_millimetres(text: str, dimensions: dict) -> None:
    [(_, _, _, read)] = _rows("Please supply:\n\n" + text + "\n")
    assert read == dimensions


@pytest.mark.parametrize(
    "count",
    [
        "6 mcx",
        "2 feuilles",
        "10 longueurs",
        "5 Tafeln",
        "12 kpl",
        "6 ks",
        "8 adet",
        "16 buc.",
        "3 pce",
        "6 unid.",
        "4 st.",
    ],
)
def test_count_words_of_other_languages(count: str) -> None:
    [(quantity, grade, form, _)] = _rows(f"Bonjour,\n\n1) Barre ronde inox 304, Ø 1-1/4\" x 12' — {count}\n")
    assert (quantity, grade, form) == (float(count.split()[0]), "304", "bar_round")


def test_an_ordinal_is_not_a_count() -> None:
    [(quantity, *_)] = _rows("Please quote for delivery on the 21st of May:\n\n- 304 round bar 1\" x 12'\n")
    assert quantity is None


def test_chinese_japanese_and_korean_grades_have_their_equivalents() -> None:
    names = ("Q235B", "Q345B", "SS400", "SM45C", "STS316L")
    assert [resolve_grade(name).options[0].grade for name in names] == ["A36", "A572", "A36", "1045", "316L"]
    assert {resolve_grade(name).options[0].relation for name in names} == {"equivalent"}


def test_a_chinese_purchase_order_table_with_its_own_column_names_and_units() -> None:
    text = (
        "您好！请确认价格及交期：\n\n"
        "序号 | 名称         | 材质                  | 规格                          | 数量 | 单位\n"
        "1    | 钢板         | Q345B                 | δ=20mm, 2438×6096             | 2    | 张\n"
        "2    | 角钢         | Q235B                 | L63×63×6, 长6米               | 30   | 根\n"
        "3    | 不锈钢无缝管 | 304                   | Φ89×4, 长6m                   | 12   | 支\n"
        "4    | 圆钢         | 45#                   | Φ40                           | 500  | 公斤\n"
    )
    assert _rows(text) == [
        (2, "Q345B", "plate", {"thickness": 0.79, "width": 95.98, "length": 240.0}),
        (30, "Q235B", "angle", {"leg1": 2.48, "leg2": 2.48, "thickness": 0.24, "length": 236.22}),
        (12, "304", "tube_round", {"outer_diameter": 3.5, "wall_thickness": 0.16, "length": 236.22}),
        (1102.31, None, "bar_round", {"diameter": 1.57}),  # 500 kg, in pounds; "45#" is asked about
    ]


def test_a_turkish_npu_channel_is_a_channel_by_its_depth() -> None:
    [(quantity, grade, form, dimensions)] = _rows("2. St37 NPU 120 (U profil), 6 mt - 10 adet\n")
    assert (quantity, grade, form, dimensions["height"]) == (10, "St37", "channel", 4.72)


def test_a_length_in_mt_or_mtr_is_metres_and_a_channel_s_length() -> None:
    assert _rows("1. St52 lama 20x100 mm, 6 mt - 8 adet\n")[0][3]["length"] == 236.22
    assert _rows("2) ISMC 150 channel, 6 mtr length - 8 Nos.\n")[0][3] == {"height": 5.91, "length": 236.22}


def test_italian_positions_with_a_thickness_after_sp_are_items_of_their_own() -> None:
    text = (
        "Pos. 3 - Lamiera S235JR sp. 5 mm, 1500x3000 - 6 unità\n"
        "Pos. 4 - Angolare 60x60x6 S275JR, 6 m - 20 unità\n"
    )
    rows = _rows(text)
    assert [(q, form) for q, _, form, _ in rows] == [(6, "plate"), (20, "angle")]
    assert rows[0][3] == {"thickness": 0.2, "width": 59.06, "length": 118.11}
