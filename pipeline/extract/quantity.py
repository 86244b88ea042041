"""How many the customer wants, and in which unit (pieces or feet).

Written as: ``Quantity: 10``, ``5 pieces``, ``twelve bars``, ``(4) 20-foot beams``, ``15 pieces + 3
spares = 18`` (the total), ``12 pcs plus 2 spares`` (14), ``plus 2 spares so 14 total``, ``20-30
pieces`` (a range: the low end, flagged), ``500 linear feet`` / ``25 feet of`` (sold by the foot),
``need 10``, or a bare count leading a list item (``- 200 flat washers``). A length such as
``12 ft lengths`` or ``10 feet each`` is a size, not a quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pipeline.extract.blocks import Field
from pipeline.extract.vocabulary import CJK_COUNTERS, FORM_ALTERNATION

_SMALL = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_NUMBER = (  # (dozens first: "half a dozen" is 6, "a dozen and a half" 18, "two dozen" 24)
    rf"(?:(?:an?\s+)?dozen\s+and\s+a\s+half|half\s+an?\s+dozen|(?:an?\s+)?half[\s-]dozen|"
    rf"(?:{'|'.join(_SMALL[2:10])})\s+dozen|"
    rf"(?:a|one|{'|'.join(_SMALL[2:10])})\s+hundred|an?\s+dozen|dozen|"
    rf"(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_SMALL[1:10])}))?|{'|'.join(reversed(_SMALL[1:]))})"
)
_DIGIT_COUNT = (
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?= *[A-Za-zà-ü])|\d+(?:\.\d+)?)"  # "1,200", "1 200 szt."
)
_COUNT = rf"(?:{_DIGIT_COUNT}|{WORD_NUMBER})"
_HAS_WORD_NUMBER = re.compile(rf"\b{WORD_NUMBER}\b", re.IGNORECASE)
# Count nouns ("1 hex" is a 1" hex bar, so only "hexes" counts).
PIECES = (
    r"(?:pieces?|pcs?\.?|ea\.?|each|sheets?|shts?\.?|sh\b|bars?|plates?|tubes?|lengths?|units?|rods?|beams?|"
    r"sticks?|pipes?|channels?|angles?|blanks?|coils?|rounds?|hexes|strips?|flats?|joints?|jts?\.?|rolls?|spools?|"
    # other languages' and trades' abbreviations: "2 pzas", "4 off", "6 nos", "10 Stk.", "5 szt."
    r"pzas?\.?|pz\.?|piezas?|pezz[io]|pi[èe]ces?|st[üu]ck|stk\.?|st[äa]be|szt\.?|uds?\.?|unidades|unit[àa]|nos\.?|off|"
    r"no\.(?!\s*\d)|"  # "1 no. cut to 450 mm" (not "No. 4 finish")
    # "6 mcx", "2 feuilles", "10 longueurs", "5 Tafeln", "12 kpl", "6 ks", "8 adet", "16 buc.", "3 pce",
    # "1 ud.", "6 unid.", "4 st." (not "1st": the unit is written apart from its count)
    r"mcx|morceaux|feuilles|longueurs|barres|tafeln|stangen|kpl|ks|kusů|kusu|adet|buc\.?|bucăți|pce|"
    # "20 fogli", "10 barre", "8 barras", "4 chapas", "10 lengtes": Italian, Spanish, Portuguese, Dutch
    r"fogli|lastre|barre|barras|chapas|tubos|lengtes|"
    # Vietnamese classifiers: "30 tấm" (sheets), "50 cây" (lengths), "4 cái" (pieces)
    r"unid\.?|stuks|sztuk|(?<=\s)st\.?|tấm|cây|cái|p[çc]s\.?|pe[çc]as|"
    rf"{CJK_COUNTERS})"
)
_FEET = r"(?:feet|ft\.?|foot)"
_APPROX = r"(?P<approx>(?:about|around|approx\.?|approximately|roughly|maybe|~|est\.?|estimated)\s*)?"
_GUARD = r"(?<![\w.,\"'/x×$€£-])(?<!\d [x×] )(?<!\d[x×] )"  # not "1/2", "12\"", "48x", "x 2 flat", "$2,400"
_AFTER_TIMES = re.compile(r"(?:[x×]|\d\s*\*)\s*$")  # "48 x ", "48 * " — but not a "* " bullet
_SIZE_THEN_DASH = re.compile(rf"(?<![\w-])(?:{FORM_ALTERNATION})\s+$", re.IGNORECASE)  # "plt 2 - 7 pcs"
_NOT_IN_CHAIN = r"(?<![x×]\s)(?<!\d\s\*\s)(?<!\d\*\s)"  # not the 96 of "48 x 96" ("x 18 pcs": see pieces)
# "14 Enterprise St", "2950 State Rd": a signature's street number, not a count
_NOT_A_STREET = (
    r"(?!(?-i:(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Dr|Drive|Ln|Lane|Way|Pkwy|"
    r"Parkway|Hwy|Highway|Ct|Court|Pl|Place|Cres|Terrace)\b))"
)
_QTY_LABEL = r"\b(?:quantity|qty|qnty|quan)\.?(?:\s+(?:required|needed|ordered))?\s*(?:[:=#-]|of|is)?\s*"
_NOT_A_SIZE = (
    r"(?!\s*(?:\"|”|''|'|in\b|inch|mm\b|cm\b|m\b|ft\b|feet|foot|x\b|×|/|%|°|-\s*\d|ga\b|gauge|hrc|"
    r"thick\b|thk\b|wall\b|dia\b|diam|od\b|wide\b|long\b))"
)

Rules = tuple[tuple[re.Pattern[str], str, str], ...]
# Words one of which a rule's text must contain (lower-case); rules not named here always run.
_NEEDLES: dict[str, tuple[str, ...]] = {
    "total": ("total", "=", "equal", "so "),
    "spares": ("spare", "extra", "backup"),
    "label": ("qty", "quan", "qnty"),
    "numero": ("n.", "nº", "n°"),
    "erp": ("ft", "lf", "ea", "pc"),
    "feet": ("lin", "running", "lf", "of", "total"),
    "paren": ("(",),
    "of_them": ("them", "those", "these", "each"),
    "at": ("@",),
    "need": ("need", "requir", "ordering", "want", "send", "ship", "supply"),
    "weight": ("kg", "kilo", "lb", "pound", "tonne", "metric ton"),
    "metres": ("m",),
    "footage": ("ft", "feet", "foot", "'"),
}


_C = "<COUNT>"  # where a rule's number goes: digits, or digits and number words
# the upper end of a range is a count too: not a size ("qty 6 - 8 thk", "qty 13 - 152.4mm dia")
_HI_NOT_A_SIZE = (
    r"(?!\d|\.\d|[- ]\d+/\d|\s*(?:\"|”|''|'|in\b|inch|mm\b|cm\b|m\b|x\b|×|/|%|°|ga\b|gauge|hrc|"
    r"thk|thick|dia|od\b|id\b|wall|hex|sq\b|square|a/f|across|wide|long|deep|tall|high|ø|"
    r"(?:ft|feet)\s+(?:long|lengths?|each)))"
)
_RANGE = rf"(?:\s*(?:-|–|to)\s*(?P<hi>{_C}){_HI_NOT_A_SIZE})?"
# (regex, uom, kind), tried in this order: the first rule with a match decides.
_RULE_TABLE: tuple[tuple[str, str, str], ...] = (
    # "a couple sheets - make it 4 - of .125 5052": the count corrected as it is written
    (
        rf"\bmake\s+(?:it|that)\s+(?P<n>{_C})\b(?!\s*(?:[\"'”/x×.]|in\b|inch|mm\b|ft\b|feet|foot|ga\b|gauge|wall))",
        "EA",
        "corrected",
    ),
    # "60 m total (random lengths acceptable)", "240 ft total": a length in all, sold by it
    (
        rf"{_GUARD}{_NOT_IN_CHAIN}{_APPROX}(?P<n>{_C})\s*(?:m|mtrs?|metres?|meters?)\s+(?:in\s+)?total\b",
        "M",
        "metres",
    ),
    (rf"{_GUARD}{_NOT_IN_CHAIN}{_APPROX}(?P<n>{_C})\s*(?:{_FEET}|')\s*(?:in\s+)?total\b", "FT", "feet"),
    (rf"{_GUARD}{_NOT_IN_CHAIN}(?P<n>{_C})\s*(?:{PIECES}\s*)?(?:in\s+)?total\b", "EA", "total"),
    (
        rf"(?:\btotal(?:\s+of)?|(?<![A-Za-zØø⌀]\s)(?<![A-Za-zØø⌀])=|\bequals|\bso)\s*:?\s*(?P<n>{_C})\b{_NOT_A_SIZE}",
        "EA",
        "total",
    ),
    (
        rf"{_GUARD}{_NOT_IN_CHAIN}(?P<n>{_C})\s*(?:{PIECES}\s*)?(?:\+|plus|and)\s*(?P<extra>{_C})\s*"
        r"(?:spares?|extras?|backups?)",
        "EA",
        "spares",
    ),
    (
        rf"{_QTY_LABEL}{_APPROX}(?P<n>{_C}){_RANGE}\s*(?P<unit>{_FEET}(?!\s+(?:long|lengths?|each)))?",
        "EA",
        "label",
    ),
    # "… 1250x2500 - n. 20 fogli", "… barre da 3 mt - n. 10": Italian "n." (number), after the item
    (rf"[-–—,:]\s*n[.º°]\s*(?P<n>\d{{1,4}})\b{_NOT_A_SIZE}", "EA", "numero"),
    (  # an ERP order table row: "[line] 20 FT 4130 tube …", "1 12 PCS …", a portal's "6.000 (EA)"
        rf"^[\s>]*(?:\d{{1,3}}\s+)?(?P<n>{_C})\s+\(?(?P<erp>FT|LF|EA|PCS?)\b\)?(?!\s*(?:x\b|×|long|lengths?|each))",
        "EA",
        "erp",
    ),
    (rf"{_GUARD}{_NOT_IN_CHAIN}{_APPROX}(?P<n>{_C})\s*(?:linear|lineal|running)\s+{_FEET}", "FT", "feet"),
    (rf"{_GUARD}{_NOT_IN_CHAIN}{_APPROX}(?P<n>{_C})\s*(?:LF|lin\.?\s?ft\.?)(?![a-z])", "FT", "feet"),
    # "200' of C4 channel" (not "2 pcs 6 ft of 1\" bar": pieces that long)
    (
        rf"{_GUARD}{_NOT_IN_CHAIN}(?<!pcs\s)(?<!pc\s)(?<!pieces\s)(?<!piece\s)(?<!ea\s)(?<!sticks\s)(?<!bars\s)"
        rf"{_APPROX}(?P<n>{_C})\s*(?:{_FEET}|')\s+(?:of|total)\b",
        "FT",
        "feet",
    ),
    # "(4) 20-foot beams", "… 3/4 A/F (17)": a count in parentheses, first or last on the line — not
    # the item's number before its count ("(1) AR400 plate 1/2 x 24 x 48 – 6 pcs")
    (
        r"(?<![^\s\-–•*:,])\((?P<n>\d{1,4})\)(?=\s*$|\s+[\w\"'(#@]|\s*[-–,.;:!]|\s+[-–])"
        r"(?![^\n]*?[-–—,:]\s*\d{1,4}\s*(?:pcs?|pieces?|ea|sheets?|shts?|sh|sticks?|lengths?|bars|jts?|joints?)\b)",
        "EA",
        "paren",
    ),
    (
        rf"{_GUARD}{_APPROX}(?P<n>{_C}){_RANGE}\s*(?:full\s+|whole\s+|random\s+)?{PIECES}(?![\w])",
        "EA",
        "pieces",
    ),
    # "give me 6 of 2x2x3/16 square", "ten of the 1/2 x 4 flat": a count of the size named after it
    (
        rf"{_GUARD}(?P<n>{_C})\s+of\s+(?:the\s+)?"
        r"(?=\d+(?:[ -]\d+/\d+|/\d+|\.\d+)?\s*(?:[x×]|\"|”|in\b|mm\b))",
        "EA",
        "of_size",
    ),
    # "24 foot lengths, 15 of them", "two of each"
    (rf"{_GUARD}{_APPROX}(?P<n>{_C})\s+of\s+(?:them|those|these|each)\b", "EA", "of_them"),
    # "8 x 75x10 FL 300PLUS 6m": a count set apart by " x " before a size written tight
    # (a numbered row's too: "1. 20 x 50x50x5 angle S355JR 6m")
    (r"^[\s>]*(?:[-*•]\s*|\d{1,2}[.)]\s+)?(?P<n>\d{1,3})\s+[x×]\s+(?=\d+(?:[.,]\d+)?[x×]\d)", "EA", "times"),
    # "10x 2x2 sq tub 11ga": a count with its "x" written tight, then the size
    (r"^[\s>]*(?:[-*•]\s*)?(?P<n>\d{1,4})[x×]\s+(?=\d)", "EA", "times"),
    # "2 x 6m lengths", "4 x 20' sticks", "4 20 foot sticks": a count of lengths (before "(approx.
    # 185 kg)" can be read)
    (
        rf"{_GUARD}{_NOT_IN_CHAIN}(?P<n>{_C})(?:\s*[x×]|\s)(?=\s*\d+(?:[.,]\d+)?\s*(?:-\s*)?(?:m|mtrs?|metres?|meters?|ft|feet|foot|')\s*"
        r"(?:lengths?|bars?|sticks?|pieces|pcs)\b)",
        "EA",
        "lengths",
    ),
    # sold by weight or by the metre (when no count of pieces is given): read as written, then in
    # the units the desk sells by (``in_sold_units``)
    (rf"{_GUARD}{_NOT_IN_CHAIN}{_APPROX}(?P<n>{_C})\s*(?:kgs?|kilos?|kilograms?)\b(?![/-])", "KG", "weight"),
    # "…, kg 150 (cut pieces are ok)": the unit written before its number, as on a weighbridge slip
    (
        rf"(?<![\w/])(?:kgs?|kilos?)\.?\s*:?\s*(?P<n>{_C})\b(?!\s*(?:[/x×.,]\d|/|per\b|mm\b|m\b))",
        "KG",
        "weight",
    ),
    (rf"{_GUARD}{_NOT_IN_CHAIN}{_APPROX}(?P<n>{_C})\s*(?:tonnes?|metric\s+tons?)\b", "T", "weight"),
    (
        rf"{_GUARD}{_NOT_IN_CHAIN}{_APPROX}(?P<n>{_C})\s*(?:lbs?|pounds?)\b(?![/-])(?!\s*(?:per|/))",
        "LB",
        "weight",
    ),
    (
        rf"^[\s>]*(?:[-*•]\s*|\d{{1,3}}[.)]-?\s*)?{_APPROX}(?P<n>{_C})\s*(?:m|meters?|metres?|mtrs?)\s+(?:of\s+)?"
        r"(?=[^\W\d_])(?!long|lengths?|bars?|each)",
        "M",
        "metres",
    ),
    # "- 200 ft 90/10 CuNi tube …", "- 80 ft 1-1/4\" sch 40 pipe", "304 flat bar, 1/4" x 2" - 60 ft":
    # more feet than a bar, tube or pipe is stocked in, where the count goes (first, or last after a
    # dash)
    (
        rf"^[\s>]*(?:[-*•]\s*|\d{{1,3}}[.)]-?\s*)?{_APPROX}(?P<n>2[5-9]|[3-9]\d|[1-9]\d{{2,3}})\s*(?:{_FEET}|')\s+"
        r"(?!long|lengths?|bars?|each|pieces|pcs|sticks?)",
        "FT",
        "footage",
    ),
    (
        rf"\s[-–—]\s*{_APPROX}(?P<n>[5-9]\d|[1-9]\d{{2,3}})\s*(?:{_FEET}|')\s*(?:total\s*)?[.;]?\s*$",
        "FT",
        "footage",
    ),
    # "Trubka 33,7 x 3,2 S235JRH ....... 120 m": more metres than a length is stocked in, at the end
    # after a dash or leaders, is how much
    (
        rf"(?:\s[-–—]|(?<!\.)\.{{3}}|…|(?<!\s)\s\s)\s*{_APPROX}(?P<n>[2-9]\d|[1-9]\d{{2,3}})\s*(?:m|mtrs?|metres?|meters?)"
        r"\s*(?:total\s*)?[.;]?\s*$",
        "M",
        "metres",
    ),
    # "a sheet of 10 ga", "an 8' length", "a small piece of 3/8 plate", "a chunk of 2 inch plate", "a 3
    # foot piece of 3/4 round" (its length stays a size) — not "cut to a length of 36""
    (
        rf"\b(?P<n>an?)\s+(?:(?:single|full|whole)\s+|(?:small|short|big|large)\s+(?!off\b|ea\b|each\b))?"
        rf"(?:(?:lengths?(?!\s+of\s+\d)|{PIECES}|(?:chunk|hunk)(?=\s+of\s+(?:[a-z]+\s+)?\d))(?![\w])"
        rf"|(?=\d{{1,2}}\s*(?:'|’|\"|”|ft\b|foot\b|feet\b|inch\b|in\b)[\s-]*(?:long\s+)?(?:piece|length|stick|bar)s?\b)"
        # "a 6x6 piece of half inch plate"
        rf"|(?=\d{{1,2}}\s*[x×]\s*\d{{1,2}}\s*(?:\"|”|in\b)?\s+(?:piece|chunk|blank)\b))",
        "EA",
        "single",
    ),
    # "2\" sch 80 pipe x 21' , 2": a count alone after the item's last size, its unit marked
    (r"(?<=['\"”])\s*,\s*(?P<n>\d{1,3})\s*\.?\s*$", "EA", "after_size"),
    # "1 full 20' stick", "6 20ft lengths": a stock length between the count and its noun (read
    # after the counts nearer their nouns)
    (
        rf"{_GUARD}{_APPROX}(?P<n>{_C})\s+(?:full\s+|whole\s+)?"
        rf"(?=\d{{1,2}}\s*(?:'|’|ft\b|foot\b|feet\b)\s*{PIECES}(?![\w]))",
        "EA",
        "pieces",
    ),
    # not the 4 of "4x4x1/4 @ 20'", nor a grade's number ("150UB18.0 Gr 300 @ 9.0m")
    (r"(?<![\w./-])(?<!\bgr\s)(?<!\bgr\.\s)(?<!\bgrade\s)(?P<n>\d{1,4})\s*@", "EA", "at"),
    (
        rf"\b(?:need|needs|require|requires|ordering|want|send|ship|supply)\s+(?:us\s+|me\s+)?{_APPROX}"
        rf"(?P<n>{_C})\b{_NOT_A_SIZE}",
        "EA",
        "need",
    ),
    # "12 x SHS 75x75x3", "3 x 150PFC", "2 x 10mm plate …": a count, then "x", then the item — a
    # word, a section's designation (perhaps blanked once read), or a size with its unit before
    # the form (not "4 x 8 sheet")
    (
        r"^[\s>]*(?:[-*•]\s*|\d{1,3}(?:\.\s+|\)\s*))?(?P<n>\d{1,4})\s*[x×](?:[ \t]{4,}(?=\S)|\s+"
        r"(?=[A-Za-z]|\d{2,3}[A-Za-z]{2,}|\d{2,3}\s(?:PFC|UB|UC|TFB|WB|WC)\b|"  # "15 x 100 PFC"
        r"\d+(?:[.,]\d+)?\s*mm\s+(?:plate|sheet|flat|round|bar|angle)\b|"
        # "12 x 100x100x5.0 SHS": a section's sizes, then its designation
        r"\d+(?:[.,]\d+)?(?:\s*[x×]\s*\d+(?:[.,]\d+)?){1,2}\s*(?:SHS|RHS|CHS|EA|UA|PFC|UB|UC)\b)"
        r"(?!(?:mm|in|ft|m)\b))",
        "EA",
        "leading_times",
    ),
    (
        # "- n. 2 lamiere": Italian and Spanish write "n." (number) before a count
        rf"^[\s>]*(?:[-*•]\s*|\d{{1,3}}(?:\.\s+|\)\s*))?(?:n[.º°]\s*)?(?P<n>{_C})\s+(?=[A-Za-z])"
        rf"{_NOT_A_SIZE}{_NOT_A_STREET}"
        # "2 L3x3x1/4 x 20'" once its designation is read (blanked): a count, then its length
        rf"|^[\s>]*(?:[-*•]\s*)?(?P<n3>\d{{1,4}})[ \t]{{4,}}(?=[x×][ \t]*\d)"
        rf"|^[\s>]*(?:[-*•]\s*)?(?P<n2>{_C})\s+[-–—]\s+(?=\S)",  # "* 1 - 6061 round bar", "10 - 18 ga"
        "EA",
        "leading",
    ),
    # "one 4x8 sheet of 304", "2 5'x10' plates": a count before a sheet's size in feet
    (
        rf"^[\s>]*(?:[-*•]\s*)?(?:and\s+)?(?P<n>{_C})\s+"
        r"(?=\d{1,2}\s*'?\s*[x×]\s*\d{1,2}\s*'?\s+(?:sheets?|plates?|shts?|pl)\b)",
        "EA",
        "leading",
    ),
    # "one 8" round cut 14" long", "and two 1/2" plates": a count in words before an inch size
    (
        rf"^[\s>]*(?:[-*•]\s*)?(?:and\s+)?(?P<n>{WORD_NUMBER})\s+"
        r"(?=\d+(?:[ -]\d+/\d+|/\d+|\.\d+)?\s*(?:\"|”|in\b|inch))",
        "EA",
        "leading",
    ),
    # "12L14 hex 1/2" x 12'   - x20", "length 6m  x 40", '1" rd x 6" x20': a count after "x", set
    # apart or glued to it after a size's inch mark, ends the line or comes before "@ 66""
    (
        r"(?:[ \t]{2,}|[ \t][-–—][ \t]*|(?<=[\"”'])[ \t]+(?=[x×]\d))"
        r"[x×][ \t]?(?P<n>\d{1,4})[ \t]*(?:pcs?\.?|pieces)?[ \t]*(?:$|(?=@))",
        "EA",
        "times",
    ),
    # "rura … Ø 48,3 x 2,6 mm - 30 m": metres after a dash end the line, more than a stock length
    (
        r"(?<=\s)[-–—]\s*(?P<n>(?:1[3-9]|[2-9]\d|\d{3,4})(?:[.,]\d+)?)\s*(?:m|mtrs?|metres?|meters?|lfm)"
        r"(?:\s*\([^)\n]{0,30}\))?\s*[.!]?\s*$",  # "- 60 lfm (laufende Meter)"
        "M",
        "metres",
    ),
    # "6061-T6511 round 3" x 12' - 2": a bare count after a dash ends the line
    (r"(?<=\s)(?:--|[-–—])\s*(?P<n>\d{1,4})\s*[.!]?\s*$", "EA", "trailing"),
    # "… acabamento 2B – 4 chapas", "- 1 No.": a count and its noun, whatever the language, close the line
    (
        r"(?<=\s)(?:--|[-–—])\s*(?P<n>\d{1,4})\s+"
        r"(?!(?:m|mm|cm|ft|in|kg|lbs?|mtrs?|mt|meters?|metres?|feet|foot|inch(?:es)?|long|wide|thick|dia)\b)"
        r"[^\W\d_]{2,12}\.?\s*$",
        "EA",
        "trailing",
    ),
)


def _rules(count: str) -> Rules:
    """The rule table with ``count`` as what a number may look like (number words make every rule
    slower, so they get their own compiled set, used only when the text has one)."""
    return tuple(
        (re.compile(regex.replace(_C, count), re.IGNORECASE | re.MULTILINE), uom, kind)
        for regex, uom, kind in _RULE_TABLE
    )


_DIGIT_RULES = _rules(_DIGIT_COUNT)
_WORD_RULES = _rules(_COUNT)
_APPROX_BEFORE = re.compile(r"(?:about|around|approx\.?|approximately|roughly|maybe|~|estimated)\s*$", re.I)


@dataclass(frozen=True)
class Quantity:
    value: float
    uom: str
    start: int
    end: int
    high: float | None = None  # the upper end of a range ("20-30 pieces")
    approximate: bool = False


# (a word saying the pieces are whole may stand between: "Two full sheets of AR400")
_COUNT_BEFORE = re.compile(rf"(?<![\w.])(?:\d+|{WORD_NUMBER}|an?)\s*(?:(?:full|whole)\s+)?$", re.IGNORECASE)


_WHOLE = re.compile(r"\b(?:full|whole)\s*$", re.IGNORECASE)


def count_before(text: str, start: int) -> float | None:
    """The count written just before ``start``: 2 in "2 sheets", 1 in "one sheet of", None after
    "T304 " — a count noun's count, where the word after it may name the form."""
    match = _COUNT_BEFORE.search(text, max(0, start - 16), start)
    return parse_count(_WHOLE.sub("", match.group()).strip()) if match else None


def parse_count(text: str) -> float | None:
    """``"12"`` → 12, ``"1,000"`` → 1000, ``"twelve"`` → 12, ``"twenty-five"`` → 25, ``"a dozen"`` → 12,
    ``"half a dozen"`` → 6."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    if words in (["a"], ["an"]):
        return 1.0
    if re.fullmatch(r"[\d,]+(?:\.\d+)?|\d{1,3}(?: \d{3})+", text.strip()):
        return float(text.replace(",", "").replace(" ", ""))
    if "dozen" in words:  # "a dozen", "half a dozen", "a dozen and a half", "two dozen"
        if "half" in words:
            return 6.0 if words.index("half") < words.index("dozen") else 18.0
        return 12.0 * (_SMALL.index(words[0]) if words[0] in _SMALL[2:10] else 1)
    if words[-1] == "hundred":
        return 100.0 * (1 if words[0] in ("a", "one") else _SMALL.index(words[0]))
    total = 0
    for word in words:
        if word in _TENS:
            total += 20 + 10 * _TENS.index(word)
        elif word in _SMALL:
            total += _SMALL.index(word)
        else:
            return None
    return float(total)


_KILOGRAMS_THOUSANDS_POINT = re.compile(r"[1-9]\d{0,2}\.\d{3}")


def _from_match(match: re.Match[str], uom: str, kind: str, offset: int) -> Quantity | None:
    groups = match.groupdict()
    # the leading rule has three spellings
    number = next((name for name in ("n", "n2", "n3") if groups.get(name) is not None), "n")
    value = parse_count(groups[number]) if groups.get(number) else None
    if not value:
        return None
    if uom == "KG" and _KILOGRAMS_THOUSANDS_POINT.fullmatch(groups[number]):
        value *= 1000  # "1.200 kg Flachstahl": Europe's thousands point; a weight has no third decimal
    if kind == "spares":
        value += parse_count(match["extra"]) or 0
    if groups.get("unit") or (groups.get("erp") or "").upper() in ("FT", "LF"):
        uom = "FT"
    high = parse_count(groups["hi"]) if groups.get("hi") else None
    before = match.string[: match.start(number)]
    end = match.end()
    if high is not None and kind == "label" and high <= value:
        high, end = None, match.end(number)  # "qty 30 - 1 5052 plate": the count, then the size
    if high is not None and (high <= value or _AFTER_TIMES.search(before) or _SIZE_THEN_DASH.search(before)):
        return None  # "x 96 - 5 sheets", "plt 2 - 7 pcs": a size, a dash, then the quantity
    if kind in ("pieces", "leading") and "." in groups[number]:
        return None  # "sht 0.05 - 4 pieces", "1.5 hex": a decimal is a size, not a count of pieces
    approximate = bool(groups.get("approx")) or bool(_APPROX_BEFORE.search(before))
    start = match.start(number) if kind in ("erp", "leading") else match.start()  # not the list marker
    end = len(match.string[:end].rstrip())
    return Quantity(value, uom, offset + start, offset + end, high, approximate)


_FEET_CELL = re.compile(r"\s*(?P<n>\d{2,5})\s*(?:'|’|ft\.?|feet|lf)\s*", re.IGNORECASE)
_TIMES_CELL = re.compile(r"\s*[x×]\s?(?P<n>\d{1,5})\s*")
# "36 m", "250 kg", "1.200 kg" under "Qty": a count in the unit written beside it
_UNIT_CELL = re.compile(
    r"\s*(?P<n>\d[\d.,]*)\s*(?P<sold_by>kgs?|kilos?|m|mtrs?|metres?|meters?|lbs?|pounds?|t|tonnes?)\b\.?",
    re.IGNORECASE,
)
_SIZE_IN_CELL = re.compile(
    r"\d\s*(?:'|\"|”|-\d+/\d)|@"
    # "Qty: 6 bars, 12 ft": a count of pieces, then how long each is
    rf"|\d\s*{PIECES}\s*[,;-]?\s*(?:of\s+|x\s*)?\d[\d\s/.-]*(?:ft\b|feet|foot|mm\b|m\b)",
    re.IGNORECASE,
)


def holds_size(cell: str) -> bool:
    """Whether a quantity column's cell holds a size ("@ 6'-0"", "8-1/2""): the row slid right."""
    return _SIZE_IN_CELL.search(cell) is not None


_QUANTITY_LABEL = re.compile(r"quantity|qty|qnty|pieces|pcs|count|no\. of pieces|order qty")
_UOM_LABEL = re.compile(r"uom|u/m|unit|units|unit of measure")
_FEET_UOM = re.compile(r"\s*(?:ft|feet|foot|lf|lin\.?\s?ft)\b", re.IGNORECASE)


def find_quantity(text: str, fields: tuple[Field, ...] = (), columns_only: bool = False) -> Quantity | None:
    """The quantity of one item; fields labelled quantity (a "Qty" column) are read first — only
    they with ``columns_only`` (a table with a quantity column) — and a unit-of-measure field
    ("UOM: FT") decides pieces or feet."""
    found = None
    for field in fields:
        if _QUANTITY_LABEL.fullmatch(field.label):
            cell = text[field.start : field.end]
            if feet := _FEET_CELL.fullmatch(cell):  # "200'" under "Qty": 200 feet, sold by the foot
                found = _from_match(feet, "FT", "feet", field.start)
                break
            if holds_size(cell):
                columns_only = False  # "@ 6'-0"" under "Qty": the row slid right; its count is elsewhere
                continue
            times = _TIMES_CELL.fullmatch(cell)  # "x12" under "Qty"
            # "36 m" under "Qty", its unit perhaps slid under the next column ("36" then "m  S355J2")
            # when no column holds the unit
            beside = (
                field.end + 12
                if not any(_UOM_LABEL.fullmatch(other.label) for other in fields)
                else field.end
            )
            unit = _UNIT_CELL.match(text, field.start, beside)
            if unit is not None and (written := _unit_written(" " + unit["sold_by"])) is not None:
                found = _from_match(
                    unit, written, "weight" if written in ("KG", "LB", "T") else "metres", field.start
                )
            elif times is None:
                found = _first(cell, field.start, bare=True)
            else:
                found = _from_match(times, "EA", "times", field.start)
            if found:
                break
    if not columns_only:
        found = found or _first(text, 0, bare=False)
    uom = next((field for field in fields if _UOM_LABEL.fullmatch(field.label)), None)
    written = _unit_written(text[uom.start : uom.end]) if found is not None and uom is not None else None
    if found is not None and written is not None:
        found = Quantity(found.value, written, found.start, found.end, found.high, found.approximate)
    return found


_UNIT_WORDS = (
    (_FEET_UOM, "FT"),
    (re.compile(r"\s*(?:lbs?|pounds?|#)\b", re.IGNORECASE), "LB"),
    (re.compile(r"\s*(?:kgs?|kilos?|kilograms?|公斤|千克|킬로)\b", re.IGNORECASE), "KG"),
    # running metres: Polish "mb", German "lfm", French and Spanish "ml"
    (
        re.compile(
            r"\s*(?:m|mtrs?|meters?|metres?|mb|m\.b\.|lfm|lfd\.?\s?m|ml)(?:\b|(?<=\.))", re.IGNORECASE
        ),
        "M",
    ),
)


# kilograms, metric tonnes and metres in the units a US desk sells and prices by
# (factor, unit, decimals kept): hundredths of a pound or a foot
_CONVERSIONS = {"KG": (2.20462, "LB", 2), "T": (2204.62, "LB", 2), "M": (3.28084, "FT", 2)}


def in_sold_units(value: float, uom: str) -> tuple[float, str]:
    """``value`` ``uom`` as pounds or feet when it was written in kilograms, tonnes or metres
    (150 kg → 330.69 LB, 36 m → 118.11 FT); other units unchanged."""
    if uom not in _CONVERSIONS:
        return value, uom
    factor, unit, decimals = _CONVERSIONS[uom]
    exact = Decimal(str(value)) * Decimal(str(factor))  # exact, rounded half up: never 5511.549999…
    return float(exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)), unit


def _unit_written(cell: str) -> str | None:
    """The unit a unit-of-measure cell names ("FT", "Pound", "KG"), if not pieces."""
    return next((unit for regex, unit in _UNIT_WORDS if regex.match(cell)), None)


def _first(text: str, offset: int, bare: bool) -> Quantity | None:
    rules = _WORD_RULES if _HAS_WORD_NUMBER.search(text) else _DIGIT_RULES
    lower = text.lower()
    chained: Quantity | None = None  # "0.01 x 18 x 30 pieces - 9 sheets": 30 is a size if a count follows
    for regex, uom, kind in rules:
        if kind in _NEEDLES and not any(needle in lower for needle in _NEEDLES[kind]):
            continue
        position = 0
        while (match := regex.search(text, position)) is not None:
            quantity = _from_match(match, uom, kind, offset)
            if quantity and kind == "pieces" and _AFTER_TIMES.search(text, 0, quantity.start - offset):
                chained = chained or quantity
            elif quantity:
                return quantity
            # a rejected range ("96 - 5 sheets") may still hold the quantity at its upper end
            position = match.start("hi") if match.groupdict().get("hi") else match.end()
            position = max(position, match.start() + 1)
    bare_count = re.match(rf"\s*(?P<n>{_COUNT})\b", text) if bare else None
    return chained or (_from_match(bare_count, "EA", "bare", offset) if bare_count else None)
