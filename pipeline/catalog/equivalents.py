"""Which catalog grades can fill a request written in any standard, and on what terms.

A desk answers a grade in four ways, and says which:

- *identical*: another name for the same alloy (UNS ``S30400`` = 304, ``C10100`` = 101);
- *equivalent*: the same alloy under another standard (EN ``1.4301`` ≈ 304, ``42CrMo4`` ≈ 4140);
  it fills the order, but the certs name the catalog grade, so the reason says so;
- *substitute*: a different grade or temper the trade ships in its place, in one direction only
  (316L for 316 because it is dual certified — never 316 for 316L);
- *alternative*: not acceptable without the customer's consent, offered when nothing else fits
  (2205 when 2507 is asked).

The tables are data a metallurgist can review line by line; ``resolve_grade`` is the only logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pipeline.catalog.grades import GRADES, find_grade

# The last two are the search's, not this table's: no grade written, so any of the family, or any.
Relation = Literal["identical", "equivalent", "substitute", "alternative", "family", "any"]

# Foreign designation -> (catalog grade, the standard it comes from). Keys are normalised by _key.
_EQUIVALENT_ROWS: tuple[tuple[str, str, str], ...] = (
    # stainless: EN numbers and names, JIS
    ("1.4301|X5CrNi18-10|SUS304|STS304", "304", "EN 10088 / JIS / KS"),
    ("1.4307|X2CrNi18-9|SUS304L|STS304L", "304L", "EN 10088 / JIS / KS"),
    ("1.4401|X5CrNiMo17-12-2|SUS316|STS316", "316", "EN 10088 / JIS / KS"),
    ("1.4404|X2CrNiMo17-12-2|SUS316L|STS316L", "316L", "EN 10088 / JIS / KS"),
    ("1.4305|X8CrNiS18-9|SUS303", "303", "EN 10088 / JIS"),
    ("1.4541|X6CrNiTi18-10|SUS321", "321", "EN 10088 / JIS"),
    ("1.4550|X6CrNiNb18-10|SUS347", "347", "EN 10088 / JIS"),
    ("1.4006|X12Cr13|SUS410", "410", "EN 10088 / JIS"),
    ("1.4021|X20Cr13|SUS420J1", "420", "EN 10088 / JIS"),
    ("1.4016|X6Cr17|SUS430", "430", "EN 10088 / JIS"),
    ("1.4542|X5CrNiCuNb16-4|SUS630", "17-4PH", "EN 10088 / JIS"),
    ("1.4462|X2CrNiMoN22-5-3", "2205", "EN 10088"),
    # carbon and alloy steel
    ("42CrMo4|1.7225|SCM440", "4140", "EN 10083 / JIS"),
    ("34CrNiMo6|1.6582", "4340", "EN 10083"),
    ("25CrMo4|1.7218|SCM430", "4130", "EN 10083 / JIS"),
    ("100Cr6|1.3505|SUJ2", "52100", "EN ISO 683-17 / JIS"),
    ("C45|C45E|1.0503|1.1191|S45C|SM45C", "1045", "EN 10083 / JIS / KS"),
    ("20NiCrMo2-2|1.6523|SNCM220", "8620", "EN 10084 / JIS"),
    ("11SMnPb30|1.0718", "12L14", "EN 10087"),
    ("S235JR|S235J0|S235J2|S235|1.0038", "A36", "EN 10025"),
    ("St37|St37-2|St37-3", "A36", "DIN 17100"),  # S235's name before EN 10025
    ("DC01|1.0330|DC03|1.0347|DC04|1.0338", "A1008", "EN 10130"),  # cold-rolled sheet for forming
    ("E250|E250BR", "A36", "IS 2062"),
    ("SS400", "A36", "JIS G3101"),
    ("Q235|Q235A|Q235B|Q235C|Q235D", "A36", "GB/T 700"),
    ("AS/NZS 3678-250|3678-250|3678 Grade 250|Gr250|Grade 250|250 Grade|250gr", "A36", "AS/NZS 3678"),
    # A572-50 (345 MPa) meets these yields; A36 (250 MPa) does not
    ("S275JR|S275J0|S275J2|S275|1.0044", "A572", "EN 10025"),
    ("S355JR|S355J2|S355J0|S355K2|S355|1.0045|1.0577", "A572", "EN 10025"),
    ("St52|St52-3", "A572", "DIN 17100"),  # S355's name before EN 10025
    ("Q345|Q345B|Q345C|Q345D|Q355|Q355B|Q355C|Q355D", "A572", "GB/T 1591"),
    ("44W|300W|50W|350W|G40.21-44W|G40.21-300W|G40.21-50W|G40.21-350W", "A572", "CSA G40.21"),
    ("AS/NZS 3678-350|3678-350|3678 Grade 350|Gr350|Grade 350|350 Grade|350gr", "A572", "AS/NZS 3678"),
    ("300PLUS|AS/NZS 3679-300|3679-300|AS/NZS 3679.1-300|3679.1-300|Gr300|Grade 300", "A572", "AS/NZS 3679"),
    ("C350L0|C450L0", "A500", "AS/NZS 1163"),
    ("STKR400|STKR490", "A500", "JIS G3466"),  # square and rectangular hollow sections
    ("300WA|350WA", "A572", "SANS 1431"),
    ("E350|E350BR|E350C|E300|E300BR", "A572", "IS 2062"),
    ("K1045|CS1045", "1045", "AS 1442"),  # Australian bright bar: K, a killed steel
    ("K1020|CS1020", "1020", "AS 1442"),
    ("EN24|EN24T|817M40", "4340", "BS 970"),
    ("EN19|EN19T|709M40", "4140", "BS 970"),
    ("EN1APb|230M07Pb", "12L14", "BS 970"),
    ("EN3B|EN3|070M20", "1020", "BS 970"),
    # abrasion-resistant plate under its mills' brands
    ("Hardox 400|Raex 400", "AR400", "SSAB brand"),
    ("Hardox 450|Raex 450", "AR450", "SSAB brand"),
    ("Hardox 500|Raex 500", "AR500", "SSAB brand"),
    # tool steel
    ("1.2379|X153CrMoV12|SKD11", "D2", "EN ISO 4957 / JIS"),
    ("1.2344|X40CrMoV5-1|SKD61", "H13", "EN ISO 4957 / JIS"),
    ("1.2510|100MnCrW4|SKS3", "O1", "EN ISO 4957 / JIS"),
    ("1.2363|X100CrMoV5|SKD12", "A2", "EN ISO 4957 / JIS"),
    ("1.3343|HS6-5-2|SKH51", "M2", "EN ISO 4957 / JIS"),
    # aluminum: EN AW numbers and chemical names, old DIN material numbers
    ("ENAW6061|AlMg1SiCu|3.3211", "6061", "EN 573"),
    ("ENAW6063|AlMg0.7Si|3.3206", "6063", "EN 573"),
    ("ENAW5052|AlMg2.5|3.3523", "5052", "EN 573"),
    ("ENAW5083|AlMg4.5Mn0.7|3.3547", "5083", "EN 573"),
    ("ENAW6082|AlSi1MgMn|3.2315", "6082", "EN 573"),
    ("ENAW7075|AlZn5.5MgCu|3.4365", "7075", "EN 573"),
    ("ENAW2024|AlCu4Mg1|3.1355", "2024", "EN 573"),
    ("ENAW3003|AlMn1Cu|3.0517", "3003", "EN 573"),
    # titanium, nickel, copper alloys
    ("3.7025", "Grade 1", "DIN 17850"),
    ("3.7035", "Grade 2", "DIN 17850"),
    ("3.7164|3.7165", "Ti-6Al-4V", "DIN 17851"),
    ("2.4816", "Inconel 600", "DIN 17742"),
    ("2.4856", "Inconel 625", "DIN 17744"),
    ("2.4668", "Inconel 718", "DIN 17744"),
    ("2.4819", "Hastelloy C276", "DIN 17744"),
    ("2.4360", "Monel 400", "DIN 17743"),
    ("CW008A|Cu-OF", "C10100", "EN 1652"),
    ("CW004A|Cu-ETP", "C11000", "EN 1652"),
    ("CW614N|CuZn39Pb3", "C360", "EN 12164"),
    ("CZ121", "C360", "BS 2874"),
    ("CW505L|CuZn30", "C260", "EN 1652"),
    ("CW451K|CuSn5", "C510", "EN 1652"),
    ("CW307G|CuAl10Ni5Fe4", "C630", "EN 12163"),
)

# (asked, shipped, why): the trade ships ``shipped`` for ``asked``, never the other way round.
SUBSTITUTES: tuple[tuple[str, str, str], ...] = (
    ("316", "316L", "316L ships for 316: stocked dual certified 316/316L"),
    ("304", "304L", "304L ships for 304: stocked dual certified 304/304L"),
    ("A36", "A572", "A572-50 ships for A36: plate and shapes are dual certified A36/A572-50"),
    ("A36", "A992", "A992 wide flange ships for A36: W-shapes are dual certified A992/A36"),
)
# (asked temper, shipped temper, why): a stress-relieved temper meets the plain temper's properties.
TEMPER_SUBSTITUTES: tuple[tuple[str, str, str], ...] = (
    ("T6", "T651", "T651 (stress relieved) ships for T6"),
    ("T6", "T6511", "T6511 (stress relieved, straightened) ships for T6"),
    ("T3", "T351", "T351 (stress relieved) ships for T3"),
    ("T4", "T451", "T451 (stress relieved) ships for T4"),
    ("T73", "T7351", "T7351 (stress relieved) ships for T73"),
)

# Grades not stocked ("|" between spellings) -> the nearest stocked grades, each with what the
# customer gives up.
_ALTERNATIVE_ROWS: dict[str, tuple[tuple[str, str], ...]] = {
    "2507": (("2205", "2205 duplex is the nearest: lower strength and pitting resistance than 2507"),),
    "904L": (("316L", "316L is the nearest stocked austenitic grade: far less corrosion resistant"),),
    "316Ti|1.4571|X6CrNiMoTi17-12-2": (
        ("316L", "316L is the nearest stocked grade: not titanium stabilised"),
    ),
    "309": (("304", "304 is the nearest stocked austenitic grade: lower heat resistance"),),
    "310": (("304", "304 is the nearest stocked austenitic grade: lower heat resistance"),),
    "416": (("303", "303 is the stocked free-machining stainless (austenitic, not hardenable)"),),
    "440C": (("420", "420 is the stocked hardenable martensitic grade: lower hardness"),),
    "17-7PH": (("17-4PH", "17-4PH is the stocked precipitation-hardening grade"),),
    "15-5PH": (
        ("17-4PH", "17-4PH is the stocked precipitation-hardening grade: lower transverse toughness"),
    ),
    "6060|ENAW6060": (("6063", "6063 is the nearest stocked extrusion alloy (a little stronger)"),),
    "5754": (("5052", "5052 is the nearest stocked Al-Mg alloy"),),
    "2011": (("2024", "2024 is the stocked high-strength alloy; 2011 machines better"),),
    "EN8|080M40": (("1045", "1045 is the nearest stocked medium-carbon grade: a little more carbon"),),
    "1215|EN1A|230M07": (("12L14", "12L14 is the stocked free-machining grade (leaded)"),),
    "4142": (("4140", "4140 is the nearest stocked chromoly grade"),),
    "4150": (("4140", "4140 is the nearest stocked chromoly grade: lower carbon"),),
    "8630": (("4130", "4130 is the nearest stocked alloy grade"),),
    "16MnCr5|1.7131": (("8620", "8620 is the nearest stocked case-hardening grade"),),
    "P20": (("4140", "4140 pre-hard is the usual stand-in for P20 mold steel"),),
    "Inconel 800": (("Incoloy 800H", "Incoloy 800H is the stocked alloy 800, its carbon controlled"),),
    "Hastelloy X": (("Inconel 625", "Inconel 625 is the nearest stocked high-temperature alloy"),),
    "Monel K500": (("Monel 400", "Monel 400 is the stocked Ni-Cu alloy: not age-hardenable"),),
    "Ti-6Al-4V ELI": (
        ("Ti-6Al-4V", "Ti-6Al-4V is Grade 5; its ELI version (Grade 23) is made for implants"),
    ),
    "C172": (("C510", "C510 phosphor bronze is the nearest stocked spring alloy: not beryllium copper"),),
    "A514": (("A572", "A572-50 is the strongest stocked structural plate: far below A514"),),
    "AR600|Hardox 600": (("AR500", "AR500 is the hardest stocked abrasion-resistant plate"),),
}
# Grades stocked but not in every form: when the asked form is missing, offer these instead.
_FORM_ALTERNATIVES: dict[str, tuple[tuple[str, str], ...]] = {
    "303": (("304", "304 is the usual choice where 303 is not made in this form"),),
    "12L14": (("1018", "1018 is the usual carbon grade where 12L14 is not made in this form"),),
    "17-4PH": (("316L", "316L is a stocked corrosion-resistant grade in this form (not hardenable)"),),
    "7050": (("7075", "7075 is the nearest stocked high-strength alloy in this form"),),
    "A992": (("A36", "A36 is the stocked structural grade in this form"),),
    "C360": (("C260", "C260 is the stocked brass in this form"),),
}


@dataclass(frozen=True)
class GradeOption:
    """A catalog grade that could fill the request, how, and why (for a salesperson)."""

    grade: str
    relation: Relation
    note: str


@dataclass(frozen=True)
class GradeAsk:
    """What a written grade resolves to: ``stocked`` is the catalog grade it names (or ``None``)."""

    written: str
    stocked: str | None
    options: tuple[GradeOption, ...]


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9.]", "", text.lower()).strip(".")


def _equivalents() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for names, grade, standard in _EQUIVALENT_ROWS:
        if grade not in GRADES:
            raise ValueError(f"equivalent table names {grade}, which is not a catalog grade")
        for name in names.split("|"):
            table[_key(name)] = (grade, f"{name} ({standard})")
    return table


_EQUIVALENT = _equivalents()
# Catalog grade -> the foreign names it is the equivalent of ("304" -> "1.4301", "SUS304", ...).
FOREIGN_NAMES: dict[str, tuple[str, ...]] = {
    grade: tuple(name for names, g, _ in _EQUIVALENT_ROWS if g == grade for name in names.split("|"))
    for _, grade, _ in _EQUIVALENT_ROWS
}
# Shorthand a desk reads every day that the grade table does not list as an alias.
_SHORTHAND = {"174": "17-4PH", "174ph": "17-4PH"}
_PREFIX = re.compile(r"^(?:aisi|sae|uns|astm|type|ss|t-?|cda|alloy|grade)\s*-?\s*", re.IGNORECASE)
_ALTERNATIVES = {
    _key(spelling): (spelling, rows)
    for names, rows in _ALTERNATIVE_ROWS.items()
    for spelling in names.split("|")
}
_UNS_COPPER = re.compile(r"^c(\d{3})00$")  # C36000 is the UNS form of C360
# An EN delivery condition after the grade: +N normalised, +AR as rolled, +QT, +C cold drawn
_DELIVERY = re.compile(r"\+[A-Z]{1,3}$", re.IGNORECASE)


def _equivalent(written: str) -> tuple[str, str] | None:
    """(catalog grade, source) when ``written`` is another standard's name for it."""
    return _EQUIVALENT.get(_key(written)) or _EQUIVALENT.get(_key(_DELIVERY.sub("", written.strip())))


def _identical(written: str) -> str | None:
    grade = find_grade(written) or find_grade(_PREFIX.sub("", written.strip()))
    if grade is None and _key(written) in _SHORTHAND:
        grade = GRADES[_SHORTHAND[_key(written)]]
    if grade is None and (uns := _UNS_COPPER.match(_key(written))):
        grade = find_grade(f"C{uns[1]}") or find_grade(uns[1])
    if grade is None or _equivalent(written):
        return None  # the grade table lists some foreign names as aliases; they are equivalents here
    return grade.name


def substitutes_for(grade: str) -> tuple[GradeOption, ...]:
    """Grades the trade ships in place of ``grade`` (flagged as substitutions)."""
    return tuple(
        GradeOption(shipped, "substitute", why) for asked, shipped, why in SUBSTITUTES if asked == grade
    )


def temper_substitute(asked: str, shipped: str) -> str | None:
    """Why ``shipped`` may go out for an ``asked`` temper, or ``None`` when it may not."""
    return next((why for a, s, why in TEMPER_SUBSTITUTES if a == asked and s == shipped), None)


def form_alternatives(grade: str) -> tuple[GradeOption, ...]:
    """Grades to offer when ``grade`` is not made in the asked form."""
    return tuple(GradeOption(g, "alternative", why) for g, why in _FORM_ALTERNATIVES.get(grade, ()))


def catalog_grade(written: str) -> str | None:
    """The catalog grade ``written`` names or is the equivalent of ("1.4404" and "316L" are one)."""
    ask = resolve_grade(written)
    equivalent = next((option.grade for option in ask.options if option.relation == "equivalent"), None)
    return ask.stocked or equivalent


def resolve_grade(written: str) -> GradeAsk:
    """Every catalog grade that could fill ``written``, best first.

    >>> [o.relation for o in resolve_grade("316").options]
    ['identical', 'substitute']
    """
    if stocked := _identical(written):
        same = _key(written) == _key(stocked)
        note = f"grade {stocked} as asked" if same else f"grade {stocked}: {written} names the same alloy"
        return GradeAsk(
            written, stocked, (GradeOption(stocked, "identical", note), *substitutes_for(stocked))
        )
    if equivalent := _equivalent(written):
        grade, source = equivalent
        note = f"{grade} is the ASTM/AISI equivalent of {source}; certs will read {grade}"
        return GradeAsk(written, None, (GradeOption(grade, "equivalent", note), *substitutes_for(grade)))
    name, rows = _ALTERNATIVES.get(_key(written), (written, ()))
    return GradeAsk(
        written,
        None,
        tuple(GradeOption(g, "alternative", f"{name} is not stocked; {why}") for g, why in rows),
    )
