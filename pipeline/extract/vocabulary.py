"""Words for materials and forms, mapped to the catalog's canonical names (``catalog/schema.py``).

Grades live in ``grades.py``; this module holds the family words (``SS``, ``CRS``, ``alum``), the form
synonyms (rod → bar_round, flat stock → bar_rectangular, W8 x 31 → beam_i) and the items a metals
catalog does not carry. At one position the entry listed first wins, so the more specific spelling
comes first.

Patterns are lower-case and matched against lower-cased text, without a leading word-boundary
assertion (the start is checked in Python), and every alternative starts with a literal letter (no
optional first part): that lets the regex engine jump to the letters a spelling can start with
instead of trying every pattern at every position — several times faster on an email.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from pipeline.extract.alternation import Alternation, word_matches


def fold(text: str) -> str:
    """``text`` lower-cased, every character keeping its position (so spans still index ``text``)."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


@dataclass(frozen=True)
class Table:
    """Spellings (whole words) of canonical names; an entry with needles is tried only on text
    containing one of them (a cheap test that spares a regex pass)."""

    entries: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]

    @cached_property
    def joined(self) -> Alternation:
        """Every entry as one alternation (for ``first``; entries must not name groups then)."""
        return Alternation.of(regex.pattern for regex, _, _ in self.entries)

    def matches(
        self, folded: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[str, re.Match[str]]]:
        """(name, match) of every spelling in ``folded[start:end]`` that starts a word, entry by entry."""
        end = len(folded) if end is None else end
        window = folded[start:end]
        for regex, name, needles in self.entries:
            if needles and not any(needle in window for needle in needles):
                continue
            for match in word_matches(regex, folded, start, end):
                yield name, match

    def first(self, folded: str) -> tuple[str, int, int] | None:
        """(name, start, end) of the earliest spelling in ``folded`` text; ties go to the earlier entry.

        One pass of all entries joined (short texts are many: one regex call beats one per entry);
        the entry is then the first whose own pattern spells the match.
        """
        for match in self.joined.matches(folded):
            return self.name_of(match.group()) or "", match.start(), match.end()
        return None

    def name_of(self, spelled: str) -> str | None:
        """The name of the first entry that spells ``spelled`` whole, if any."""
        return next((name for regex, name, _ in self.entries if regex.fullmatch(spelled)), None)


def table(entries: tuple[tuple[str, str] | tuple[str, str, tuple[str, ...]], ...]) -> Table:
    """A table of (lower-case regex, name[, needles]) entries, each matched as whole words."""
    return Table(
        tuple(
            (re.compile(rf"(?:{entry[0]})\b"), entry[1], entry[2] if len(entry) > 2 else ())
            for entry in entries
        )
    )


# Chinese, Japanese and Korean counters after a count: "5 张" (sheets), "10本" (lengths), "6 根", "3개"
CJK_COUNTERS = "枚|本|個|件|张|張|根|支|块|塊|条|條|片|套|개|장"

_FAMILIES: tuple[tuple[str, str], ...] = (
    (r"stainless(?:\s+steel)?|s/s|ss|inox", "stainless_steel"),
    (r"alumin(?:um|ium)|alum", "aluminum"),
    (r"titanium", "titanium"),
    (r"inconel|hastelloy|monel|nickel(?:\s+alloy)?", "nickel_alloy"),
    (r"tool\s+steel|drill\s+rod", "tool_steel"),
    (r"alloy\s+steel|chromoly|chrome[-\s]moly", "alloy_steel"),
    (r"brass", "brass"),
    (r"bronze", "bronze"),
    (r"copper", "copper"),
    (
        r"carbon\s+steel|mild\s+steel|low\s+carbon\s+steel|crs|hrs|cs|c/r|h/r|"
        r"cold[-\s]rolled(?:\s+steel)?|hot[-\s]rolled(?:\s+steel)?|cold[-\s]drawn\s+steel",
        "carbon_steel",
    ),
)
FAMILY_WORDS = table(_FAMILIES)
FAMILY_ALTERNATION = "|".join(regex for regex, _ in _FAMILIES)  # any family word, for larger patterns

_FORMS: tuple[tuple[str, str], ...] = (
    # HSS (hollow structural section) is read as square tube; its sizes may make it rectangular or round
    # SHS, RHS, CHS: square, rectangular and circular hollow sections (European and British); PTR
    # (perfil tubular rectangular) is Mexico's HSS
    (
        r"square\s+tub(?:e|es|ing|s)?\b|sq\.?\s+tub(?:e|es|ing|s)?\b|square\s+tunes?|square\s+pipes?|hss|shs|ptr|tubo\s+(?:quadr|cuadrad)\w*|vierkantrohr|"
        r"rura\s+kwadratowa|profil\s+zamkni[eę]ty|方管|角パイプ|각관|"  # Chinese, Japanese, Korean
        # Romanian, Vietnamese, French, Czech, Turkish
        r"(?:țeav|ţeav|teav)[ăa]\s+p[ăa]trat[ăa]|h[ộo]p\s+vu[ôo]ng|tubes?\s+carr[ée]s?|(?:čt|ct)vercov[áa]\s+trubka|"
        r"kare\s+profil|kutu\s+profil|jekl[ay]?|"  # Turkish; Czech "jekl", any hollow section
        # Dutch koker; Danish, Norwegian, Swedish
        r"koker(?:profiel(?:en)?|s)?|firkantr[øo]r|kvadratr[øo]r|fyrkantr[öo]r",
        "tube_square",
    ),
    (
        r"rect(?:angular|\.)?\s+tub(?:e|es|ing)|rhs|tubo\s+rettang\w*|rechteckrohr|tubo\s+rectang\w*|"
        r"rura\s+prostok[aą]tna|(?:țeav|ţeav|teav)[ăa]\s+rectangular[ăa]?|h[ộo]p\s+ch[ữu]\s+nh[ậa]t|"
        r"tubes?\s+rectangulaires?|"
        r"obd[ée]ln[íi]kov[áa]\s+trubka|dikd[öo]rtgen\s+profil",
        "tube_rectangular",
    ),
    (
        r"round\s+tub(?:e|es|ing)|rd\.?\s+tub(?:e|es|ing)|round\s+tunes?|tub(?:e|es|ing)|pipes?|dom|hollow\s+bars?|chs|"
        r"tubos?|rohre?|tubi|tuyaux?|rury|rura|(?:țev|ţev|tev)i|(?:țeav|ţeav|teav)[ăa]|ống|trubk[ay]|boru|"
        r"rundrohre?|(?:pr[äa]zisions(?:stahl)?|edelstahl|stahl|nahtlos|hydraulik|konstruktions|siede)rohre?|"
        r"r[öø]r|buizen|buis|"  # German, Swedish and Danish, Dutch
        r"不锈钢无缝(?:钢)?管|无缝(?:钢)?管|钢管|鋼管|パイプ|강관|파이프",
        "tube_round",
    ),
    # "across flats" sizes a hex; listed so that its "flats" is not read as flat bar
    (
        r"hex(?:agon(?:al)?)?(?:\s+(?:bars?|rods?|stock))?|across\s+flats|sechskant\w*|esagon\w*|hexagonal\w*|"
        r"barras?\s+(?:hexagonal(?:es)?|sextavadas?)|hex[áa]gono|sextavad[oa]s?|six\s+pans",  # French
        "bar_hex",
    ),
    (
        r"square\s+(?:bars?|stock)|sq\.?\s+bars?|vierkant(?:stahl|stab|e)?|barras?\s+cuadradas?|barras?\s+quadradas?|quadr(?:o|at[oi])|"
        r"barres?\s+carr[ée]es?|"  # French
        r"pr[eę]t\s+kwadratowy|ty[čc]\s+(?:čt|ct)vercov[áa]|"
        r"squares?(?!\s+(?:feet|foot|ft|inch|in|edges?|ends?|cut|corners?|to|up)\b)|cuadrad[oa]s?|"
        r"sq(?!\s*(?:\.|ft|feet|foot|in|inch|inches|mm|m|meters?|yds?|tub|hss)\b)",
        "bar_square",
    ),
    # "flat" alone is flat bar too: "304 flat 5/8 x 1-1/4", "FB", "flat ground" (tool steel flat stock)
    (
        r"flat\s+bars?|flat\s+stock|flats?|fb|fl|flt|strips?|rect(?:angular|\.)?\s+bars?|bus\s+bars?|"
        r"flachstahl|flachstab|flachstange|flach|platstaf|platstaal|piatt[oi]|solera|pletina|platina|fers?\s+plats?|barres?\s+plates?|plats?|płaskownik|barras?\s+chatas?|"
        r"lama|lamas|platband[ăa]|lattine|barr[ae]\s+piatt[ae]|piatt[ae]|fladst[åa]l|fladstang|flatst[åa]l|plattst[åa]ng|"
        r"扁钢|平鋼|평철",
        "bar_rectangular",
    ),
    (
        r"round\s+(?:bars?|stock|rods?)|rd\.?\s+bars?|rounds?|rods?|bar\s+stock|shaft(?:s|ing)?|bars?|"
        # "1-1/4 rd", "ANN RD .875" — not "Webb Rd, …", "county rd 9"
        r"(?<!county\s)(?<!state\s)(?<!cty\s)rd(?!\.?[ \t]*[,\n]|[ \t]+\d{1,5}[ \t]*[,\n])|"
        r"rundstahl|rundstange|rundstab|rund|tondo|tondi|barra\s+redonda|redondo|barra|barre?s?\s+rondes?|rond|pręt|"
        r"(?:oț|oţ|ot)el\s+rotund|bar[ăa]\s+rotund[ăa]|th[ée]p\s+tr[òo]n|kulatina|rundstang|rundst[åa]l|"
        r"ty[čc]\s+kruhov[áa]|圆钢|丸棒|환봉",
        "bar_round",
    ),
    (
        r"sheets?|sheet\s+metal|shts?|blech|lamiera|lamina|lámina|chapa|t[ôo]le|blacha(?!\s+gruba)|tabl[ăa]|tấm|"
        r"plech|sa[çc]",
        "sheet",
    ),
    (
        r"plates?|plts?|pl|grobblech|piastra|placa|blacha\s+gruba|plaat|platen|plade|aluplade|钢板|鋼板|강판",
        "plate",
    ),
    (
        r"angles?|angels?|angle\s+iron|l-shaped|l-angles?|ang|winkel\w*|hoek(?:profiel|staal|ijzer)\w*|angolar\w*|ángulos?|angulos?|corni[èe]res?|"
        r"cantoneiras?|"
        r"k[ąa]townik|l[-\s]profil(?:e|y)?|角钢|山形鋼|앵글",
        "angle",
    ),
    (
        r"ceownik|u-stahl|槽钢|溝形鋼|canal(?:es)?\s+(?:u|cps|c\b|(?=\d))|perfil(?:es)?\s+u|c-?channels?|chann?el(?<!radio\schannel)(?<!radio:\schannel)(?<!cb\schannel)s?|chan|chnl|mc\d+\s?[x×]\s?\d+(?:\.\d+)?|c\d+\s?[x×]\s?\d+(?:\.\d+)?",
        "channel",
    ),
    (
        r"dwuteownik|工字钢|h型钢|h形鋼|tr[äa]ger|i-?beams?|h-?beams?|w-?beams?|wide\s+flange(?:\s+beams?)?|beams?|w\d+\s?[x×]\s?\d+(?:\.\d+)?|"
        r"w[-\s]?shapes?",
        "beam_i",
    ),
    (r"wire(?!\s+rope)|fil|draht|alambre|filo", "wire"),  # French, German, Spanish, Italian
    (r"foil", "foil"),
)
FORM_WORDS = table(_FORMS)
FORM_ALTERNATION = "|".join(regex for regex, _ in _FORMS)  # any form word, for larger patterns

_STEEL = table(((r"steel", "carbon_steel"),))  # "steel" alone: carbon steel unless something says more

# Items a metals catalog does not carry ("bearing quality steel" and "bearing housing" are metal).
_NON_CATALOG = table(
    (
        (
            r"screws?(?!\s+machine)|bolts?|nuts?|washers?|bearings?(?!\s+(?:quality|steel|housings?|races?|surfaces?|contact|bronze|plates?|bases?|pads?|blocks?))"
            r"|wire\s+rope|brackets?|gaskets?|fasteners?|rivets?|springs?(?!\s+(?:temper|wire|steel|stock))|o-rings?|valves?|fittings?"
            # plastics and elastomers, sold by other houses (not "PVC" film on a stainless sheet)
            r"|uhmw|hdpe|nylon|delrin|acetal|polycarbonate|lexan|acrylic|plexiglass?|ptfe|teflon|neoprene|epdm|viton"
            r"|phenolic|garolite",
            "",
        ),
    )
)
# Forms the customer names that no metals catalog stocks: the line is kept and flagged.
_NON_CATALOG_FORMS = table(((r"forged\s+(?:rings?|forgings?|castings?)|rings?|forgings?|castings?", ""),))


@dataclass(frozen=True)
class Words:
    """The first family word, form word and so on found in a text: (name, start, end) each."""

    family: tuple[str, int, int] | None = None
    steel: tuple[str, int, int] | None = None
    form: tuple[str, int, int] | None = None
    non_catalog: tuple[tuple[str, int, int], ...] = ()
    non_catalog_form: tuple[str, int, int] | None = None


_KINDS = (("family", FAMILY_WORDS), ("steel", _STEEL), ("form", FORM_WORDS))
_KINDS += (("non_catalog", _NON_CATALOG), ("non_catalog_form", _NON_CATALOG_FORMS))
_ALL_WORDS = Alternation.of(regex.pattern for _, words in _KINDS for regex, _, _ in words.entries)


def _kind_of(spelled: str) -> tuple[str, str]:
    """(kind, name) of the first table, in order, with an entry that spells ``spelled``."""
    return next((kind, name) for kind, words in _KINDS if (name := words.name_of(spelled)) is not None)


def scan(text: str) -> Words:
    """Family, form and non-catalog words of ``text``, in one pass of every table joined."""
    folded = fold(text)
    first: dict[str, tuple[str, int, int]] = {}
    non_catalog = []
    for match in _ALL_WORDS.matches(folded):
        kind, name = _kind_of(match.group())
        found = (name, match.start(), match.end())
        if kind == "non_catalog":
            non_catalog.append(found)
        first.setdefault(kind, found)
    return Words(
        first.get("family"),
        first.get("steel"),
        first.get("form"),
        tuple(non_catalog),
        first.get("non_catalog_form"),
    )


def first_match(text: str, words: Table) -> tuple[str, int, int] | None:
    """(name, start, end) of the earliest spelling of ``words`` in ``text``."""
    return words.first(fold(text))
