"""How customers write a part: grade spellings, form words, sizes in fractions, decimals, mm and feet.

Every function takes a seeded ``random.Random`` so a request set is the same on every run.
The spellings are the ones the sample emails and a desk's inbox show; none is invented to
flatter the matcher (several are hard for the extractor, which is the point of measuring).
"""

from __future__ import annotations

import random
from fractions import Fraction

from pipeline.catalog.sizes import STAINLESS_GAUGE, STEEL_GAUGE, inches_to_gauge

MM = 25.4

# Catalog grade -> ways customers write it (the first is the catalog's own spelling).
_GRADE_WORDS: dict[str, tuple[str, ...]] = {
    "304": ("304", "304 SS", "SS304", "T-304", "type 304", "AISI 304", "304 stainless"),
    "304L": ("304L", "304L SS", "SS 304L", "304L stainless"),
    "316": ("316", "316 SS", "SS316", "T316", "316 stainless"),
    "316L": ("316L", "316L SS", "SS316L", "316L stainless", "AISI 316L"),
    "17-4PH": ("17-4PH", "17-4 PH", "17-4PH stainless", "17-4"),
    "C360": ("C360", "C36000", "360 brass", "C360 brass"),
    "C260": ("C260", "260 brass", "C26000"),
    "C932": ("C932", "C93200", "932 bronze", "SAE 660 bronze"),
    "C954": ("C954", "954 bronze", "C95400"),
    "C510": ("C510", "C51000", "510 phosphor bronze"),
    "C10100": ("C101", "C10100", "101 copper", "OFHC copper"),
    "C11000": ("C110", "C11000", "110 copper", "ETP copper"),
    "Grade 2": ("Grade 2 titanium", "Ti Gr 2", "CP2 titanium", "titanium grade 2"),
    "Ti-6Al-4V": ("Grade 5 titanium", "Ti-6Al-4V", "Ti 6Al-4V", "Ti Gr 5", "6Al-4V titanium"),
    "Inconel 625": ("Inconel 625", "IN625", "Alloy 625", "Inconel 625 alloy"),
    "Inconel 718": ("Inconel 718", "IN718", "Alloy 718"),
    "Hastelloy C276": ("Hastelloy C276", "Hastelloy C-276", "C-276"),
    "1018": ("1018", "C1018", "1018 CRS", "1018 steel", "AISI 1018"),
    "1045": ("1045", "C1045", "1045 steel"),
    "A36": ("A36", "ASTM A36", "A36 steel"),
    "A500": ("A500", "A500 Gr C", "ASTM A500"),
    "4140": ("4140", "AISI 4140", "4140 alloy", "4140 steel"),
    "4130": ("4130", "4130 chromoly", "AISI 4130"),
    "4340": ("4340", "4340 alloy", "AISI 4340"),
}
_FAMILY_WORDS: dict[str, tuple[str, ...]] = {
    "stainless_steel": ("stainless", "SS", "stainless steel"),
    "aluminum": ("aluminum", "alum", "aluminium", "AL"),
    "carbon_steel": ("steel", "carbon steel", "CS"),
    "alloy_steel": ("alloy steel", "alloy"),
    "titanium": ("titanium",),
    "nickel_alloy": ("",),
    "brass": ("brass",),
    "bronze": ("bronze",),
    "copper": ("copper",),
    "tool_steel": ("tool steel",),
}
FORM_WORDS: dict[str, tuple[str, ...]] = {
    "sheet": ("sheet", "sheets", "sht"),
    "plate": ("plate", "plt", "PL"),
    "foil": ("foil",),
    "bar_round": ("round bar", "rod", "round", "rd bar", "round rod", "bar"),
    "bar_square": ("square bar", "sq bar", "square"),
    "bar_hex": ("hex bar", "hex", "hex rod"),
    "bar_rectangular": ("flat bar", "flat", "flat stock", "FB"),
    "wire": ("wire",),
    "tube_round": ("round tube", "tube", "tubing", "rd tube"),
    "tube_square": ("square tube", "sq tube", "square tubing"),
    "tube_rectangular": ("rectangular tube", "rect tube", "rectangular tubing"),
    "angle": ("angle", "angle iron", "angles"),
    "channel": ("channel",),
    "beam_i": ("beam", "I-beam", "wide flange beam"),
}
NOISE_BEFORE = ("", "", "", "Please quote ", "Need ", "We need ", "pls send ", "Requesting ", "RFQ: ", "- ")
NOISE_AFTER = (
    "",
    "",
    "",
    " ASAP",
    " - thanks",
    ", certs required",
    " for job 4471",
    " (mill certs)",
    " pls",
    ".",
)


def pick(rng: random.Random, options: tuple[str, ...]) -> str:
    return options[rng.randrange(len(options))]


def grade_words(rng: random.Random, grade: str, family: str, temper: str | None) -> str:
    """The grade as written, with its temper when ``temper`` is given (aluminum: ``6061-T6``)."""
    if family == "aluminum":
        if temper is None:
            return pick(rng, (grade, f"{grade} aluminum", f"AL {grade}", f"alum {grade}"))
        return pick(
            rng,
            (f"{grade}-{temper}", f"{grade} {temper}", f"{grade}-{temper} aluminum", f"AL {grade}-{temper}"),
        )
    written = pick(rng, _GRADE_WORDS.get(grade, (grade,)))
    family_word = pick(rng, _FAMILY_WORDS[family])
    if family_word and family_word.lower() not in written.lower() and rng.random() < 0.5:
        written = f"{written} {family_word}"
    return f"{written} {temper}" if temper else written


def form_words(rng: random.Random, form: str, family: str) -> str:
    if family == "copper" and form == "bar_rectangular":
        return pick(rng, ("bus bar", "flat bar"))
    if family == "bronze" and form == "tube_round":
        return pick(rng, ("cored bar", "tube", "hollow bar"))
    return pick(rng, FORM_WORDS[form])


def fraction(value: float) -> str:
    """``1.5`` → ``1-1/2``, ``0.375`` → ``3/8``; off the 1/64 grid → decimal."""
    exact = Fraction(value).limit_denominator(64)
    if abs(float(exact) - value) > 1e-9 or exact.denominator not in (1, 2, 4, 8, 16, 32, 64):
        return decimal(value)
    whole, rest = divmod(exact, 1)
    if not rest:
        return str(whole)
    return f"{whole}-{rest}" if whole else str(rest)


def decimal(value: float, leading_zero: bool | None = None) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text.lstrip("0") if leading_zero is False and value < 1 and text.startswith("0.") else text


def size(rng: random.Random, value: float, metric_mm: float | None = None, inch_mark: bool = True) -> str:
    """One size as written: fraction or decimal inches (with or without a mark), or millimetres."""
    if metric_mm is not None:
        return pick(rng, (f"{metric_mm:g}mm", f"{metric_mm:g} mm"))
    style = rng.random()
    if style < 0.1:  # to a tenth of a millimetre, as written; thin foil needs significant figures
        return f"{value * MM:.1f}mm" if value * MM >= 1 else f"{value * MM:.2g}mm"
    text = fraction(value) if style < 0.6 else decimal(value, leading_zero=rng.random() < 0.5)
    mark = pick(rng, ('"', '"', " in", "")) if inch_mark else ""
    return f"{text}{mark}"


def thickness(rng: random.Random, value: float, family: str, gauge_ok: bool) -> str:
    """Sheet thickness: gauge for steel gauge stock, else decimal, fraction or mm."""
    table = STAINLESS_GAUGE if family == "stainless_steel" else STEEL_GAUGE
    gauge = (
        inches_to_gauge(value, family, tolerance=0.0002)
        if family in ("stainless_steel", "carbon_steel")
        else None
    )
    if gauge_ok and gauge is not None and table.get(gauge) == value and rng.random() < 0.5:
        return pick(rng, (f"{gauge} ga", f"{gauge} gauge", f"{gauge}ga"))
    if rng.random() < 0.7:
        return decimal(value, leading_zero=rng.random() < 0.5) + pick(rng, ('"', "", " thk", '" thick'))
    return size(rng, value)


def length(rng: random.Random, inches: float) -> str:
    """A stock or cut length: feet when whole feet, else inches."""
    feet = inches / 12
    if abs(feet - round(feet)) < 1e-9 and rng.random() < 0.65:
        return pick(rng, (f"{feet:g} ft", f"{feet:g}'", f"{feet:g} feet", f"{feet:g}ft"))
    return pick(rng, (f'{inches:g}"', f"{inches:g} in", f'{inches:g}" long', f"{inches:g} inches"))


def quantity(rng: random.Random, count: int, form: str) -> str:
    unit = {"sheet": "sheets", "plate": "plates", "bar_round": "bars"}.get(form, "pcs")
    return pick(
        rng,
        (f"{count} pcs", f"qty {count}", f"({count})", f"{count} ea", f"{count} {unit}", f"{count} pieces"),
    )
