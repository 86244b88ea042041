"""The grade table: what each grade is stocked as, sold to and treated to, as compact rows.

``pipeline.catalog.grades`` turns these rows into ``Grade`` objects; edit grades here.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a temper designation means, for the ``condition`` column (aluminum and copper alloys).
TEMPER_CONDITIONS: dict[str, str] = {
    "O": "annealed",
    "T3": "naturally aged",
    "T351": "naturally aged, stress relieved",
    "T4": "naturally aged",
    "T52": "artificially aged",
    "T6": "artificially aged",
    "T651": "artificially aged, stress relieved",
    "T6511": "artificially aged, stress relieved",
    "T73": "overaged",
    "T7451": "overaged, stress relieved",
    "H14": "strain hardened",
    "H32": "strain hardened, stabilized",
    "H116": "strain hardened, marine",
    "H321": "strain hardened, stabilized",
    "H00": "eighth hard",
    "H01": "quarter hard",
    "H02": "half hard",
    "H04": "hard",
    "H08": "spring",
    "H58": "drawn general purpose",
    "O60": "soft annealed",
    "M07": "as continuous cast",
    "TQ50": "quench hardened and tempered",
}


@dataclass(frozen=True)
class Treatment:
    """One stocked temper/condition of a grade; ``code`` tells part numbers apart ('' = usual)."""

    temper: str | None = None
    condition: str | None = None
    code: str = ""


def _tempers(*tempers: str) -> tuple[Treatment, ...]:
    return tuple(Treatment(temper, TEMPER_CONDITIONS[temper]) for temper in tempers)


def _conditions(*conditions: str, codes: tuple[str, ...] = ("",)) -> tuple[Treatment, ...]:
    """Condition variants, each with its part-number code (one condition needs none)."""
    return tuple(Treatment(None, condition, code) for condition, code in zip(conditions, codes, strict=True))


# One row per grade: name, density lb/in³, base cost $/lb, popularity, forms, aliases ("|"-separated).
# Aliases are other names of the very same grade (UNS numbers, the alloy's own trade names); another
# standard's near-equivalent (42CrMo4 for 4140) belongs in ``equivalents.py``, a family name a desk
# reads as its usual grade ("duplex", "phosphor bronze") in extraction's shorthand, and a product or
# process word ("CRS", "DOM", "HSS") names no grade at all.
# Specs and treatments default per family; the dicts after each table override them per grade.
Row = tuple[str, float, float, float, str, str]
Rules = dict[str, str]
TreatRules = dict[str, tuple[Treatment, ...]]

_BARS = "bar_round bar_square bar_hex bar_rectangular"
_TUBES = "tube_round tube_square tube_rectangular"
_ANNEALED: TreatRules = {"*": _conditions("annealed")}
_SOLUTION: TreatRules = {"*": _conditions("solution annealed")}
_NONE: TreatRules = {}

_STAINLESS: tuple[Row, ...] = (
    (
        "304",
        0.289,
        3.20,
        10,
        f"sheet plate {_BARS} {_TUBES} angle channel wire foil",
        "S30400",
    ),
    (
        "304L",
        0.289,
        3.30,
        5,
        f"sheet plate bar_round bar_rectangular {_TUBES} angle",
        "S30403",
    ),
    ("316", 0.289, 4.40, 6, f"sheet plate {_BARS} tube_round wire foil", "S31600"),
    (
        "316L",
        0.289,
        4.50,
        7,
        f"sheet plate bar_round bar_rectangular bar_hex {_TUBES} angle",
        "S31603",
    ),
    ("303", 0.289, 3.90, 4, "bar_round bar_square bar_hex", "S30300"),
    ("317", 0.289, 6.50, 0.8, "sheet plate", "S31700"),
    ("321", 0.289, 5.20, 1.5, "sheet plate bar_round tube_round", "S32100"),
    ("347", 0.289, 5.80, 0.8, "sheet plate bar_round", "S34700"),
    ("410", 0.280, 3.10, 1.5, "sheet plate bar_round", "S41000"),
    ("420", 0.278, 3.60, 1.2, "plate bar_round", "S42000"),
    ("430", 0.280, 2.40, 2, "sheet bar_round", "S43000"),
    ("17-4PH", 0.282, 6.20, 2.5, "sheet plate bar_round bar_hex", "17-4 PH|630|S17400"),
    ("2205", 0.285, 5.50, 1.5, "sheet plate bar_round tube_round", "S32205|S31803"),
)
_STAINLESS_SPECS: Rules = {
    "flat": "ASTM A240",
    "bar": "ASTM A276",
    "tube_round": "ASTM A269",
    "tube": "ASTM A554",
    "shape": "ASTM A276",
    "wire": "ASTM A580",
}
_STAINLESS_GRADE_SPECS: dict[str, Rules] = {
    "17-4PH": {"flat": "ASTM A693", "bar": "ASTM A564"},
    "2205": _STAINLESS_SPECS | {"tube_round": "ASTM A790"},
    "316LVM": {"*": "ASTM F138"},
}
_STAINLESS_TREATMENTS: dict[str, TreatRules] = {
    "17-4PH": {
        "*": _conditions("Condition A", "H1150", "H1025", "H900", codes=("A", "H1150", "H1025", "H900"))
    },
    "2205": _SOLUTION,
}

_ALUMINUM: tuple[Row, ...] = (
    (
        "6061",
        0.098,
        3.40,
        10,
        f"sheet plate {_BARS} {_TUBES} angle channel beam_i",
        "A96061",
    ),
    (
        "6063",
        0.0975,
        3.20,
        4,
        f"bar_rectangular {_TUBES} angle channel",
        "A96063",
    ),
    ("5052", 0.097, 3.30, 6, "sheet plate", "A95052"),
    ("3003", 0.099, 3.10, 3, "sheet plate foil", "A93003"),
    ("1100", 0.098, 3.40, 1.5, "sheet foil wire", "A91100"),
    ("2024", 0.100, 6.80, 2.5, "sheet plate bar_round bar_rectangular bar_hex", "A92024"),
    ("7075", 0.101, 6.20, 3.5, "sheet plate bar_round bar_rectangular bar_hex", "A97075"),
    ("7050", 0.102, 7.50, 1, "plate", "A97050"),
    ("5083", 0.096, 3.90, 1.5, "sheet plate", "A95083"),
    ("5086", 0.096, 3.90, 1, "sheet plate", "A95086"),
)
_ALUMINUM_SPECS: Rules = {
    "flat": "ASTM B209",
    "bar": "ASTM B211",
    "tube": "ASTM B221",
    "shape": "ASTM B308",
    "wire": "ASTM B211",
    "foil": "ASTM B479",
}
_AEROSPACE: Rules = {"sheet": "AMS-QQ-A-250", "plate": "AMS-QQ-A-250", "bar": "AMS-QQ-A-225"}
_ALUMINUM_GRADE_SPECS: dict[str, Rules] = {
    "6061": _ALUMINUM_SPECS | {"bar": "ASTM B221"},
    "6063": _ALUMINUM_SPECS | {"bar": "ASTM B221"},
    "2024": _ALUMINUM_SPECS | _AEROSPACE,
    "7075": _ALUMINUM_SPECS | _AEROSPACE,
    "7050": {"*": "AMS 4050"},
    "6082": {"flat": "EN 485", "bar": "EN 755"},
    "MIC-6": {},
}
_H14: TreatRules = {"foil": _tempers("O"), "wire": _tempers("O"), "*": _tempers("H14", "O")}
_ALUMINUM_TREATMENTS: dict[str, TreatRules] = {
    "6061": {
        "sheet": _tempers("T6"),
        "plate": _tempers("T651"),
        "bar": _tempers("T6511", "T6"),
        "*": _tempers("T6"),
    },
    "6063": {"*": _tempers("T52")},
    "5052": {"*": _tempers("H32", "O")},
    "3003": _H14,
    "1100": _H14,
    "2024": {"sheet": _tempers("T3"), "*": _tempers("T351")},
    "7075": {"sheet": _tempers("T6"), "plate": _tempers("T651"), "*": _tempers("T651", "T6511", "T73")},
    "7050": {"*": _tempers("T7451")},
    "5083": {"*": _tempers("H116", "H321")},
    "5086": {"*": _tempers("H32", "H116")},
    "6082": {"plate": _tempers("T651"), "*": _tempers("T6")},
    "MIC-6": {"*": _conditions("cast, stress relieved")},
}

_CARBON: tuple[Row, ...] = (
    ("A36", 0.2836, 0.78, 9, "plate bar_round bar_rectangular angle channel beam_i", "ASTM A36"),
    ("A500", 0.2836, 0.95, 5, _TUBES, ""),
    ("A572", 0.2836, 0.88, 3, "plate angle beam_i", "A572-50"),
    ("A992", 0.2836, 0.92, 4, "beam_i", ""),
    ("1018", 0.2836, 1.05, 8, f"{_BARS} plate", "C1018"),
    ("1020", 0.2836, 0.98, 2, "bar_round bar_rectangular plate tube_round", "C1020"),
    ("1026", 0.2836, 1.30, 2.5, "tube_round", ""),
    ("1045", 0.2836, 1.20, 3, f"{_BARS} plate", "C1045"),
    ("12L14", 0.2836, 1.35, 3, "bar_round bar_square bar_hex", ""),
    ("1008", 0.2836, 0.85, 4, "sheet wire", ""),
    ("1010", 0.2836, 0.90, 3, "sheet tube_round tube_square", ""),
)
_AR_PLATE = ("AR400", "AR450", "AR500")
_CARBON_SPECS: Rules = {"flat": "ASTM A830", "bar": "ASTM A108", "tube": "ASTM A513"}
_CARBON_GRADE_SPECS: dict[str, Rules] = {
    "A36": {"*": "ASTM A36"},
    "A500": {"*": "ASTM A500 Gr C"},
    "A572": {"*": "ASTM A572 Gr 50"},
    "A992": {"*": "ASTM A992"},
    "1026": {"*": "ASTM A513 Type 5"},
    "1008": {"sheet": "ASTM A1008", "wire": "ASTM A510"},
    "1010": {"sheet": "ASTM A1011", "tube": "ASTM A513"},
    "1144": {"*": "ASTM A311"},
    "A513": {"tube_round": "ASTM A513 Type 5", "*": "ASTM A513 Type 1"},
    "A1011": {"*": "ASTM A1011 CS Type B"},
    "A1008": {"*": "ASTM A1008 CS Type B"},
    "A516-70": {"*": "ASTM A516 Gr 70"},
    "A588": {"*": "ASTM A588"},
    # abrasion-resistant plate is sold to a nominal Brinell hardness, not to an ASTM spec
    **{name: {} for name in _AR_PLATE},
}
_CARBON_TREATMENTS: dict[str, TreatRules] = {
    "1144": {"*": _conditions("stress relieved")},
    "A516-70": {"*": _conditions("normalized")},
    **{name: {"*": _conditions("quenched and tempered")} for name in _AR_PLATE},
}

_ALLOY: tuple[Row, ...] = (
    ("4130", 0.2836, 2.10, 3.5, "sheet plate bar_round tube_round", ""),
    ("4140", 0.2836, 1.55, 5, "plate bar_round bar_square bar_hex bar_rectangular tube_round", ""),
    ("4340", 0.2836, 2.40, 2.5, "plate bar_round bar_rectangular", ""),
    ("8620", 0.2836, 1.60, 1.5, "bar_round plate", ""),
    ("9310", 0.2836, 4.80, 0.8, "bar_round", ""),
    ("52100", 0.283, 2.80, 1, "bar_round tube_round", ""),
)
_ALLOY_SPECS: Rules = {"*": "ASTM A29"}
_ALLOY_GRADE_SPECS: dict[str, Rules] = {
    "4130": {"flat": "AMS 6350", "bar": "AMS 6370", "tube": "AMS 6360"},
    "4140": {"bar_round": "ASTM A322", "*": "ASTM A29"},
    "4340": {"bar": "AMS 6414", "*": "ASTM A29"},
    "9310": {"*": "AMS 6265"},
    "52100": {"*": "ASTM A295"},
}
_HT = _conditions("annealed", "Q&T 28-32 HRC", codes=("", "HT"))
_ALLOY_TREATMENTS: dict[str, TreatRules] = {
    "4130": {"bar": _conditions("annealed"), "*": _conditions("normalized")},
    "4140": {"bar": _HT, "*": _conditions("annealed")},
    "4340": {"bar_round": _HT, "*": _conditions("annealed")},
    "8620": {"*": _conditions("as rolled")},
    "52100": {"*": _conditions("spheroidize annealed")},
}

_TITANIUM: tuple[Row, ...] = (
    ("Grade 1", 0.163, 16.0, 1, "sheet plate foil wire", "CP1|R50250"),
    ("Grade 2", 0.163, 17.5, 3, "sheet plate bar_round tube_round wire", "CP2|R50400"),
    ("Ti-6Al-4V", 0.160, 28.0, 3.5, "sheet plate bar_round wire", "Grade 5|6Al-4V|R56400"),
    ("Grade 7", 0.163, 38.0, 0.5, "sheet plate bar_round", "R52400"),
    ("Grade 9", 0.162, 30.0, 1, "sheet bar_round tube_round", "3Al-2.5V|R56320"),
    ("Grade 12", 0.163, 26.0, 0.5, "sheet plate bar_round tube_round", "R53400"),
)
_TITANIUM_SPECS: Rules = {"flat": "ASTM B265", "bar": "ASTM B348", "tube": "ASTM B338", "wire": "ASTM B863"}
_TITANIUM_GRADE_SPECS: dict[str, Rules] = {
    "Ti-6Al-4V": {"flat": "AMS 4911", "bar": "AMS 4928", "wire": "AMS 4954"},
    "Grade 9": _TITANIUM_SPECS | {"tube": "AMS 4944"},
}

_NICKEL: tuple[Row, ...] = (
    ("Inconel 600", 0.304, 28.0, 1.5, "sheet plate bar_round tube_round", "Alloy 600|N06600"),
    ("Inconel 625", 0.305, 36.0, 2.5, "sheet plate bar_round tube_round wire", "Alloy 625|IN625|N06625"),
    ("Inconel 718", 0.297, 34.0, 2.5, "sheet plate bar_round", "Alloy 718|IN718|N07718"),
    ("Hastelloy C276", 0.321, 42.0, 1.5, "sheet plate bar_round tube_round", "C-276|Alloy C276|N10276"),
    ("Monel 400", 0.319, 26.0, 1.2, "sheet plate bar_round bar_hex tube_round", "Alloy 400|N04400"),
)
_NICKEL_GRADE_SPECS: dict[str, Rules] = {
    "Inconel 600": {"flat": "ASTM B168", "bar": "ASTM B166", "tube": "ASTM B167"},
    "Inconel 625": {"flat": "ASTM B443", "bar": "ASTM B446", "tube": "ASTM B444", "wire": "AMS 5837"},
    "Inconel 718": {"flat": "AMS 5596", "bar": "AMS 5662"},
    "Hastelloy C276": {"flat": "ASTM B575", "bar": "ASTM B574", "tube": "ASTM B622"},
    "Monel 400": {"flat": "ASTM B127", "bar": "ASTM B164", "tube": "ASTM B165"},
    "Nickel 200": {"flat": "ASTM B162", "*": "ASTM B160"},
}
_NICKEL_TREATMENTS: dict[str, TreatRules] = {"Inconel 718": _SOLUTION, "Hastelloy C276": _SOLUTION}

_BRASS: tuple[Row, ...] = (
    ("C360", 0.307, 4.90, 5, "bar_round bar_hex bar_square bar_rectangular", "360|free machining brass"),
    ("C260", 0.308, 5.40, 3, "sheet plate tube_round wire foil", "260|cartridge brass"),
    ("C230", 0.316, 6.20, 1, "sheet tube_round", "230|red brass"),
    ("C240", 0.313, 5.80, 0.5, "sheet", "240|low brass"),
    ("C464", 0.304, 6.00, 1.5, "plate bar_round bar_hex", "464|naval brass"),
)
_BRASS_SPECS: Rules = {"flat": "ASTM B36", "bar": "ASTM B16", "tube": "ASTM B135", "wire": "ASTM B134"}
_BRASS_GRADE_SPECS: dict[str, Rules] = {
    "C230": {"flat": "ASTM B36", "tube": "ASTM B43"},
    "C464": {"flat": "ASTM B171", "bar": "ASTM B21"},
}
_BRASS_TREATMENTS: dict[str, TreatRules] = {
    "C360": {"*": _tempers("H02")},
    "C260": {"*": _tempers("H02")},
    "C230": {"*": _tempers("H01")},
    "C240": {"*": _tempers("H02")},
    "C464": {"*": _tempers("H01")},
}

_BRONZE: tuple[Row, ...] = (
    ("C932", 0.322, 7.80, 3, "bar_round tube_round", "SAE 660|932"),
    ("C954", 0.269, 8.60, 2, "bar_round tube_round", "954"),
    ("C510", 0.320, 9.50, 1.5, "sheet bar_round wire foil", "510"),
    ("C630", 0.274, 11.0, 1, "plate bar_round tube_round", ""),
    ("C220", 0.318, 6.40, 0.7, "sheet", "220|commercial bronze"),
)
_BRONZE_SPECS: Rules = {"*": "ASTM B505"}
_BRONZE_GRADE_SPECS: dict[str, Rules] = {
    "C510": {"flat": "ASTM B103", "bar": "ASTM B139", "wire": "ASTM B159"},
    "C630": {"*": "ASTM B150"},
    "C220": {"*": "ASTM B36"},
}
_BRONZE_TREATMENTS: dict[str, TreatRules] = {
    "C932": {"*": _tempers("M07")},
    "C954": {"*": _tempers("M07", "TQ50")},
    "C510": {"*": _tempers("H04", "H08")},
    "C630": {"*": _conditions("as extruded")},
    "C220": {"*": _tempers("H02")},
}

# coppers by their UNS numbers (C11000, C10100), as mill certs and buyers name them; brasses and
# bronzes by their short CDA numbers (C360), as the trade does
_COPPER: tuple[Row, ...] = (
    (
        "C11000",
        0.323,
        7.40,
        5,
        "sheet plate bar_rectangular bar_round bar_square tube_round wire foil",
        "C110|110|ETP",
    ),
    ("C10100", 0.323, 9.20, 1.5, "sheet plate bar_rectangular bar_round", "C101|101|OFE|OFHC"),
    ("C14500", 0.323, 8.80, 1, "bar_round bar_hex", "C145|145|tellurium copper"),
    ("C19400", 0.322, 8.20, 0.5, "sheet foil", "C194|194"),
    ("C19500", 0.322, 8.60, 0.3, "sheet", "C195|195"),
)
_COPPER_SPECS: Rules = {"flat": "ASTM B152", "bar": "ASTM B187", "tube": "ASTM B75", "wire": "ASTM B3"}
_COPPER_GRADE_SPECS: dict[str, Rules] = {
    "C14500": {"*": "ASTM B301"},
    "C19400": {"*": "ASTM B465"},
    "C19500": {"*": "ASTM B465"},
}
_PURE_COPPER: TreatRules = {
    "flat": _tempers("H00", "H02"),
    "wire": _tempers("O60", "H04"),
    "tube": _tempers("H58"),
    "*": _tempers("H04"),
}
_COPPER_TREATMENTS: dict[str, TreatRules] = {
    "C11000": _PURE_COPPER,
    "C10100": _PURE_COPPER,
    "C14500": {"*": _tempers("H02")},
    "C19400": {"*": _tempers("H02")},
    "C19500": {"*": _tempers("H04")},
}

_TOOL_FORMS = "bar_round bar_rectangular bar_square plate"
_TOOL: tuple[Row, ...] = (
    ("O1", 0.283, 5.90, 2, _TOOL_FORMS, "T31501"),
    ("A2", 0.284, 6.40, 2, _TOOL_FORMS, "T30102"),
    ("D2", 0.278, 6.80, 2, _TOOL_FORMS, "T30402"),
    ("H13", 0.280, 6.10, 1.5, "bar_round bar_rectangular plate", "T20813"),
    ("S7", 0.282, 7.20, 1, "bar_round bar_rectangular plate", "T41907"),
    ("M2", 0.295, 13.50, 0.8, "bar_round bar_rectangular bar_square", "T11302"),
    ("W1", 0.284, 5.20, 0.8, "bar_round bar_rectangular", "T72301"),
)

# Grades added to the stock list later (abrasion-resistant and weathering plate, DOM tube, sheet by
# its ASTM spec, implant and anti-galling stainless, cast tooling plate, nickel 200 and the
# corrosion-resistant nickel alloys 825, 800H, 20 and C22). They come after
# the first tables: the generator numbers candidate parts in table order, so appending keeps every
# existing part's sampling key, stock and price.
_STAINLESS_ADDED: tuple[Row, ...] = (
    ("316LVM", 0.289, 9.50, 0.8, "bar_round wire", "S31673"),
    ("Nitronic 60", 0.285, 9.80, 0.6, "bar_round", "Alloy 218|S21800"),
)
_ALUMINUM_ADDED: tuple[Row, ...] = (
    ("6082", 0.0975, 3.60, 1.5, "plate bar_round bar_rectangular", "A96082"),
    ("MIC-6", 0.101, 5.60, 1.2, "plate", "MIC6"),
)
_CARBON_ADDED: tuple[Row, ...] = (
    ("1144", 0.2836, 1.45, 2, "bar_round bar_hex bar_square", "Stressproof|Stress Proof"),
    ("A513", 0.2836, 1.10, 3, _TUBES, ""),
    ("A1011", 0.2836, 0.80, 3, "sheet", "A569"),  # A569, A1011's former number
    ("A1008", 0.2836, 0.85, 2, "sheet", "A366"),
    ("A516-70", 0.2836, 1.05, 1.5, "plate", "A516|A516 Gr 70"),
    ("A588", 0.2836, 1.15, 1.5, "plate bar_rectangular angle", ""),
    ("AR400", 0.2836, 1.60, 2, "plate", "AR400F"),
    ("AR450", 0.2836, 1.75, 0.6, "plate", "AR450F"),
    ("AR500", 0.2836, 1.95, 1.2, "plate", ""),
)
_NICKEL_ADDED: tuple[Row, ...] = (
    ("Nickel 200", 0.321, 24.0, 1, "sheet plate bar_round wire", "Ni 200|Alloy 200|N02200"),
    ("Incoloy 825", 0.294, 30.0, 1, "sheet plate bar_round tube_round", "Alloy 825|N08825"),
    ("Incoloy 800H", 0.287, 26.0, 0.6, "sheet plate bar_round tube_round", "Alloy 800H|N08810"),
    ("Alloy 20", 0.292, 22.0, 0.6, "sheet plate bar_round tube_round", "Carpenter 20|20Cb-3|N08020"),
    ("Hastelloy C22", 0.314, 45.0, 0.5, "sheet plate bar_round", "Alloy C22|C-22|N06022"),
)

# The tables in order: family, rows, family specs, per-grade specs, family treatments, per-grade treatments
TABLES: tuple[
    tuple[str, tuple[Row, ...], Rules, dict[str, Rules], TreatRules, dict[str, TreatRules]], ...
] = (
    (
        "stainless_steel",
        _STAINLESS,
        _STAINLESS_SPECS,
        _STAINLESS_GRADE_SPECS,
        _ANNEALED,
        _STAINLESS_TREATMENTS,
    ),
    ("aluminum", _ALUMINUM, _ALUMINUM_SPECS, _ALUMINUM_GRADE_SPECS, _NONE, _ALUMINUM_TREATMENTS),
    ("carbon_steel", _CARBON, _CARBON_SPECS, _CARBON_GRADE_SPECS, _NONE, _CARBON_TREATMENTS),
    ("alloy_steel", _ALLOY, _ALLOY_SPECS, _ALLOY_GRADE_SPECS, _ANNEALED, _ALLOY_TREATMENTS),
    ("titanium", _TITANIUM, _TITANIUM_SPECS, _TITANIUM_GRADE_SPECS, _ANNEALED, {}),
    ("nickel_alloy", _NICKEL, {}, _NICKEL_GRADE_SPECS, _ANNEALED, _NICKEL_TREATMENTS),
    ("brass", _BRASS, _BRASS_SPECS, _BRASS_GRADE_SPECS, _NONE, _BRASS_TREATMENTS),
    ("bronze", _BRONZE, _BRONZE_SPECS, _BRONZE_GRADE_SPECS, _NONE, _BRONZE_TREATMENTS),
    ("copper", _COPPER, _COPPER_SPECS, _COPPER_GRADE_SPECS, _NONE, _COPPER_TREATMENTS),
    ("tool_steel", _TOOL, {"*": "ASTM A681"}, {}, _ANNEALED, {}),
    (
        "stainless_steel",
        _STAINLESS_ADDED,
        _STAINLESS_SPECS,
        _STAINLESS_GRADE_SPECS,
        _ANNEALED,
        _STAINLESS_TREATMENTS,
    ),
    ("aluminum", _ALUMINUM_ADDED, _ALUMINUM_SPECS, _ALUMINUM_GRADE_SPECS, _NONE, _ALUMINUM_TREATMENTS),
    ("carbon_steel", _CARBON_ADDED, _CARBON_SPECS, _CARBON_GRADE_SPECS, _NONE, _CARBON_TREATMENTS),
    ("nickel_alloy", _NICKEL_ADDED, {}, _NICKEL_GRADE_SPECS, _ANNEALED, _NICKEL_TREATMENTS),
)
