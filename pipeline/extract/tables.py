"""Tables in a message, read by what each column holds.

Customers paste order tables from ERPs, PDFs and spreadsheets: pipe tables, tab-separated or CSV
rows, and columns aligned with runs of spaces. A table starts at a header row that names at least
two known columns (``Ln  Description  Qty  U/M  Unit Price``); each row's cells take their column's
*role* — line number, customer part number, description, grade, form, a dimension, quantity, unit,
price, date — so that a line number or a part number is never read as a quantity. In aligned text a
cell belongs to the column it lies under; a line with text only under the description is the row
above wrapped onto a second line; a repeated header or a "Page 2 of 3" inside the table is skipped.
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass, replace

from pipeline.extract import collapsed, cues
from pipeline.extract.vocabulary import CJK_COUNTERS, FORM_WORDS, first_match

# (role, header words that name it), first match wins: "unit price" is a price, not a unit
_ROLE_HEADERS: tuple[tuple[str, str], ...] = (
    (
        "price",
        r"(?:unit\s+|ext(?:ended)?\.?\s+|net\s+|list\s+)?(?:price|cost|rate)(?:\s*/\s*\w+)?|net\s+(?:value|amount)|"
        r"ext(?:ended)?\.?|extension|amount|(?:sub-?|line\s+)?total|value|(?:unit\s*)?\$|prezzo|precio|preis|"
        # French, Spanish, German, Polish: "Prix unitaire", "Precio unit.", "Einzelpreis", "Wartość"
        r"prix(?:\s+unit(?:aire)?\.?)?(?:\s+ht)?|montant(?:\s+ht)?|total\s+ht|p\.?\s?u\.?(?:\s+ht)?|precio\s+unit(?:ario)?\.?|importe|"
        r"(?:einzel|gesamt)preis|gesamt(?:betrag|wert)?|betrag|totale|cena(?:\s+jedn\.?)?|warto[sś][cć]|importo|prezzo\s+unit(?:ario)?\.?|"
        r"单价|単価|단가|金额|金額|금액",  # Chinese, Japanese, Korean
    ),
    (
        "date",
        r"(?:due|need|req(?:uired|uested|'d)?|ship|deliv(?:ery)?|promise[d]?|dock)\.?(?:\s*by)?(?:\s*date)?|"
        r"date(?:\s+(?:req(?:uired)?|due|needed))?|fecha|data|termin|liefertermin",
    ),
    (
        "part",
        r"(?:cust(?:omer)?\.?\s+|our\s+|your\s+|mfg\.?\s+|vendor\s+|supplier\s+)?"
        r"(?:part|item|mat(?:erial|'?l)?|stock|product|article)\s*(?:no\.?|num(?:ber)?|#|code|id)|"
        r"part\s*#?|p/?n|sku|code|cod\.?|codice|art(?:ikel)?\.?(?:-?nr\.?)?|material\s+number|"
        r"c[óo]digo|r[ée]f(?:[ée]rence)?\.?|rif\.?|indeks|symbol",
    ),
    (
        "line",
        r"ln|it|itm|line(?:\s*(?:no\.?|#|item))?|ln\s*#|row(?:\s*#)?|pos(?:ition|\.)?(?:\s*no\.?)?|item\s*(?:no\.?|#)?|#|no\.?|nr\.?|s\.?\s*no\.?|"
        r"lp\.?|n[°º]|[čc]\.|nr\.?\s*crt\.?|序号|番号|순번",
    ),
    (
        "qty",
        r"(?:order(?:ed)?\s+|req(?:uired)?\.?\s+)?(?:qty|quantity|quan|qnty)\.?(?:\s*(?:ord(?:ered)?|req(?:uired)?|"
        r"needed|pcs|ea))?|pcs|pieces|no\.?\s+of\s+(?:pcs|pieces)|count|nos|menge|stk\.?|cantidad|cant\.?|how\s+many|"
        r"ordered|ord\.?|order|to\s+order|buy|lengths|sticks|joints|no\.?\s+of\s+(?:lengths|sticks|bars|sheets)|"
        r"(?:this\s+)?release(?:\s+qty)?|qty\s+(?:this\s+)?release|ship\s+qty|qty\s+to\s+ship|"
        r"quantit[àa]|q\.?t[àa]\.?|qt[ée]|quantit[ée]|ilo[sś][cć]|"
        # Czech, Romanian, Dutch, Danish/Norwegian/Swedish, Portuguese, Turkish
        r"mno[žz]stv[íi]|cantitate|aantal|antal|ant\.?|quantidade|qtde?\.?|miktar|数量|수량",
    ),
    (
        "uom",
        r"u/?m|uom|unit(?:s|\s+of\s+measure)?|um|un|u|me|mj|einheit|unidad|unit[ée]|uds?\.?|j\.?\s?m\.?|u\.?\s?m\.?|"
        r"eenheid|enhed|birim|"
        r"单位|単位|단위",
    ),
    (
        "description",
        r"(?:(?:item|material|product|part)\s*/?\s*)?desc(?:ription|r?\.?)?|description\s*/\s*size|"
        r"item|product|article|details|specification|stock|(?:stock|inventory)\s+item|bezeichnung|descrizione|"
        r"section|member|"  # a steel detailer's bill of materials: "SECTION  C10X15.3"
        r"descripci[oó]n|d[ée]signation|"
        r"opis|nazwa(?:\s+towaru)?|artikel(?:bezeichnung)?|libell[ée]|n[áa]zev|popis|denumire|omschrijving|"
        r"beskrivelse|beskrivning|descri[çc][ãa]o|a[çc][ıi]klama|名称|品名|품명|品目",
    ),
    (
        "grade",
        r"grade|alloy|material|materi[áa]l|mat(?:er)?'?l|spec|(?:material|mat(?:er)?'?l)\s+spec(?:ification)?|steel|"
        r"werkstoff|materiale|calidad|qualit[àaé]|gatunek|"
        r"jakost|norma|calitate|kwaliteit|kvalitet|"
        r"材质|材質|재질",
    ),
    ("temper", r"temper|cond(?:ition)?\.?|finish|heat\s+treat"),
    ("schedule", r"sch(?:ed(?:ule)?)?\.?|wall\s+sch(?:ed(?:ule)?)?\.?"),  # a pipe's wall by its schedule
    ("form", r"form|shape|type|product\s+type|profile"),
    ("thickness", r"thk|thick(?:ness)?|t|ga(?:uge)?|gage|wall|stärke|dicke|spessore|espesor"),
    ("width", r"w(?:idth)?|wd|breite|larghezza|ancho"),
    ("length", r"l(?:ength)?|len|lg|cut\s+length|länge|lunghezza|largo|longitud"),
    ("diameter", r"dia(?:meter)?|ø|od|o\.d\.|durchmesser|diametro|diámetro"),
    (
        "size",
        r"size|sizes|dimensions?|dims|dimension\s*\(.*\)|abmessung(?:en)?|misura|medidas?|dimensiones|"
        r"rozm[ěe]ry?|dimensiuni|afmetingen?|dimensjon|m[åa]l|boyut(?:lar)?|"
        r"规格|寸法|サイズ|규격|尺寸",
    ),
    (
        "weight",
        r"(?:est(?:imated|\.)?\s+|theo(?:retical|\.)?\s+)?(?:weight|wt\.?|gewicht|peso|poids|waga)(?:\s*\(?(?:kg|lbs?)\)?)?|lbs?|kg",
    ),
    (
        "note",
        # "Cuts" beside "Order": how the customer will nest the lengths bought, not what is bought
        r"notes?|remarks?|comments?|(?:piece\s+)?mark|mk\.?|tag|job|cuts|cut\s+list|nest(?:ing|ed)?|ref(?:erence)?|heat|cert|rev(?:ision)?|whse|warehouse|"
        r"blanket(?:\s+qty)?|remaining|balance|rel'?d(?:\s+to\s+date)?|released(?:\s+to\s+date)?|"
        r"loc(?:ation)?|bin|dept|taxable|tax|per|drop\s*%?|"
        # a storeroom's reorder sheet: the bin count and its limits beside the quantity ordered
        r"on\s+hand|o/h|soh|min(?:imum)?|max(?:imum)?|re-?order\s+point|rop|usage|avail(?:able)?|scrap\s*%?|total\s+(?:ft|feet|lbs?|wt|weight)|(?:qty\.?\s+)?(?:rec'?d|received|shipped|open|b/?o|backordered)",
    ),
)
_ROLES = tuple((role, re.compile(rf"(?:{words})", re.IGNORECASE)) for role, words in _ROLE_HEADERS)
# What the item reader calls each role's field (its labels; see ``item._OTHER_LABELS``).
_FIELD_LABEL = {
    "line": "line", "part": "part number", "description": "description", "grade": "material",
    "temper": "temper", "form": "form", "thickness": "thickness", "width": "width", "length": "length",
    "diameter": "diameter", "size": "size", "qty": "qty", "uom": "uom", "price": "price", "date": "date",
    "weight": "weight", "note": "note", "assemblies": "assemblies", "schedule": "schedule",
    "cuts": "description",  # "2 @ 18'-4\"" read as the item's words: its count and its length
    "inches": "inches",  # the inches of a length whose feet stand in the column before
}  # fmt: skip
_ITEM_ROLES = frozenset({"description", "grade", "form", "size", "thickness", "diameter", "qty"})
_DIMENSION_ROLES = frozenset({"thickness", "width", "length", "diameter"})
# the unit a header or label gives its values: "Length (mm)", "[in]", "thk_mm", "W mm"
UNIT_HINT = re.compile(
    r"\s*(?:[(\[]\s*(?P<unit>mm|cm|m|in|inch|inches|ft|feet|\")\s*[)\]]|(?<=\w)[_\s](?P<bare>mm|cm))\s*$",
    re.IGNORECASE,
)


_WEIGHT_UNIT = re.compile(r"\b(?P<kg>kgs?)\b|\b(?:lbs?|pounds?)\b|#", re.IGNORECASE)


def _weight_unit(written: str) -> str | None:
    """The unit a weight column's header names: "Wt (lbs)" → "lb", "Gewicht kg" → "kg"."""
    found = _WEIGHT_UNIT.search(written)
    return None if found is None else "kg" if found["kg"] else "lb"


def hinted_unit(hint: re.Match[str]) -> str:
    """The unit a ``UNIT_HINT`` match names, lower-cased."""
    return (hint["unit"] or hint["bare"]).lower()


_GAP = re.compile(r"\t+|\s{2,}|\s*\|\s*")
# a page's mark inside a table: "Page 2 of 3", "Brought forward  6,360.00", "Continued on next page"
_PAGE_MARK = re.compile(
    r"^\W*(?:(?:page|pg\.?|pag\.?|seite|pagina|página)\s+\d+(?:\s*(?:of|/|di|de|von)\s*\d+)?|"
    r"(?:brought|carried)\s+forward\s+[$€£]?[\d,]+(?:\.\d+)?|continued(?:\s+on\s+(?:the\s+)?next\s+page)?)\W*$"
    # a page's running head ending with its number: "Acme LLC  PURCHASE ORDER 1156  Page 2 of 2", or
    # saying it goes on: "… Ordine OA 24/1187 (segue)"
    r"|^[^\n]{0,120}\b(?:page|pg\.?|pag\.?|seite|pagina|página)\s+\d+\s*(?:of|/|di|de|von)\s*\d+\W*$"
    r"|^[^\n]{0,120}\((?:continued|cont\.|segue|suite|fortsetzung|contin[úu]a)\)\W*$",
    re.I,
)
_PART_NUMBER = re.compile(r"\d{6,}|(?=[A-Z0-9./-]*\d)(?=[A-Z0-9./-]*[A-Z])[A-Z0-9]+(?:[./-][A-Z0-9]+)+", re.I)
# a grade with its temper or condition, as a grade column writes it: "6061-T6", "17-4PH", "A572-50"
_GRADE_LIKE = re.compile(
    r"[A-Z]{0,2}\d{2,4}[A-Z]{0,2}(?:-(?:T\d{1,4}|H\d{1,4}|\d{1,2}(?:PH)?|[A-Z]{1,2}\d{0,2}))?", re.I
)
_LINE_NUMBER = re.compile(r"\d{1,4}(?:\.\d{1,2})?")
# a detailer's section designation, sizes glued on: "C10X15.3", "L1-1/2X1-1/2X3/16", "PL1/4X11",
# "HSS2X2X3/16", "PIPE1-1/2STD" — what the row orders, not a part number
_DESIGNATION = re.compile(
    r"(?:W|S|C|MC|HP|WT|L|HSS|SHS|RHS|CHS|PL|FL|FB|FLT|RD|SQ|HEX|PIPE)\s?\d[\d/.-]*(?:\s?X\s?\d[\d/.-]*){0,3}"
    r"(?:\s?(?:STD|XS|XXS|SCH\s?\d{2,3}))?",
    re.I,
)


@dataclass(frozen=True)
class Cell:
    """One cell of a row: its column's field label, its span in the document, a unit from the header."""

    label: str
    start: int
    end: int
    unit: str | None = None


@dataclass(frozen=True)
class Row:
    """One table row, possibly wrapped over several lines."""

    start: int
    end: int
    cells: tuple[Cell, ...]
    counted: bool = False  # the table has a quantity column: the count is there or nowhere


@dataclass(frozen=True)
class _Column:
    role: str | None
    label: str  # the header as written, lower-case, without its unit hint
    unit: str | None
    start: int  # position within its line (aligned layouts)
    end: int


@dataclass(frozen=True)
class Table:
    """A header row's columns and how its rows separate their cells."""

    columns: tuple[_Column, ...]
    layout: str  # "pipe" | "tab" | "csv" | "semicolon" | "aligned" | "collapsed" (see ``collapsed.py``)

    def roles(self) -> list[str | None]:
        return [column.role for column in self.columns]


_COUNT_AT_LENGTH = re.compile(
    r"(?:qty|quantity|pcs|pieces|no\.?)\s*(?:@|x|×|at)\s*(?:length|len|lg|cut\s+length)", re.IGNORECASE
)


def role_of(header: str) -> str | None:
    """What a column holds, from its header (``"Qty Ord"`` → ``"qty"``, ``"Unit Price (USD)"`` →
    ``"price"``); a header naming two ("Part Number / Description") is the one an item is read from."""
    words = " ".join(header.strip(" :*#").split()) if header.strip() != "#" else "#"
    if _COUNT_AT_LENGTH.fullmatch(words):
        return "cuts"  # "QTY @ LENGTH" holding "2 @ 18'-4\"": a count of pieces cut to a length
    words = re.sub(r"\s*\([^)]*\)", "", UNIT_HINT.sub("", words)) or words
    if two := _TWO_SCRIPTS.fullmatch(words):  # "数量 Qty", "品名 Description": one name in two languages
        return _role(two[1]) or _role(two[2])
    parts = re.split(r"\s*[/-]\s*", words) if re.search(r"\w[/-]\w|\s[/-]\s", words) else []
    roles = [_role(part) for part in parts]  # "Part Number / Description", "Alloy-Temper"
    if "description" in roles:
        return "description"
    if len(set(roles) & _DIMENSION_ROLES) >= 2:
        return "size"  # "Thk/OD", "Width/Wall": which one, the item's form tells
    return _role(words) or next((role for role in roles if role), None) or _role_within(words)


_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"  # kana, CJK ideographs, Hangul
_TWO_SCRIPTS = re.compile(rf"([{_CJK}]+)\s+([A-Za-z][A-Za-z .#']*)")


# Long ERP headers ("Unit of Measure Code", "Direct Unit Cost Excl. VAT", "Expected Receipt Date",
# "Description 2"): the role a word or phrase in them names, the more telling ones first
_WITHIN = tuple(
    (role, re.compile(rf"\b(?:{words})\b", re.IGNORECASE))
    for role, words in (
        ("price", r"price|cost|amount|value"),
        ("date", r"date|due|receipt|delivery"),
        ("uom", r"unit\s+of\s+measure|uom"),
        ("qty", r"quantity|qty"),
        ("description", r"description|desc"),
        ("part", r"part|item\s+no|material\s+no"),
    )
)


def _role_within(words: str) -> str | None:
    return next((role for role, regex in _WITHIN if regex.search(words)), None)


# a quantity column's name ("Qty", "Menge"), for a quick look before a table is searched for
QUANTITY_HEADER = dict(_ROLE_HEADERS)["qty"]


def _role(words: str) -> str | None:
    return next((role for role, regex in _ROLES if regex.fullmatch(words)), None)


def split_cells(text: str, layout: str, *, edges: bool = True) -> list[tuple[int, int]]:
    """Spans of the cells of one line (empty cells too, except in aligned text); with ``edges``, a
    line drawn "| a | b |" has two cells, not four."""
    if layout == "aligned":
        spans, position = [], 0
        for gap in _GAP.finditer(text):
            if gap.start() > position:
                spans.append((position, gap.start()))
            position = gap.end()
        if position < len(text.rstrip()):
            spans.append((position, len(text.rstrip())))
        return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans if text[a:b].strip()]
    if layout == "csv":
        spans, position = [], 0
        for cell in next(csv.reader([text], skipinitialspace=True)):
            found = text.find(cell, position) if cell else position
            found = position if found < 0 else found
            spans.append((found, found + len(cell)))
            position = found + len(cell) + 1
        return spans
    separator = {"tab": "\t", "semicolon": ";"}.get(layout, "|")
    parts, spans, position = text.split(separator), [], 0
    if edges and layout == "pipe" and len(parts) > 2 and not parts[0].strip() and not parts[-1].strip():
        position = len(parts[0]) + 1
        parts = parts[1:-1]
    for part in parts:
        stripped = part.strip()
        offset = position + (part.index(stripped) if stripped else 0)
        spans.append((offset, offset + len(stripped)))
        position += len(part) + 1
    return spans


def _layout(text: str) -> str:
    if text.count("|") >= 2 or (text.count("|") == 1 and len(text.split("|")) == 2):
        return "pipe"
    if "\t" in text.strip():
        return "tab"
    if text.count(",") >= 2 and not re.search(r"\s{2,}", text.strip()):
        return "csv"
    if text.count(";") >= 2 and not re.search(r"\s{2,}", text.strip()):
        return "semicolon"  # a European CSV export: "Pos;Material-Nr;Bezeichnung;…", decimal commas
    return "aligned"


# a sentence's end: a lower-case word and a full stop (not a header's "Ext." or "Descr.")
_PROSE_END = re.compile(r"(?<![\w.])[a-z]{4,}\.$")


def read_header(text: str) -> Table | None:
    """The table whose header is ``text`` (one line), if it names at least two known columns and
    something an item is read from (a description, a grade, a size or a quantity)."""
    stripped = text.strip(" \t>")
    if not stripped or len(stripped) > 300 or (":" in stripped.rstrip(":") and "|" not in stripped):
        return None
    if _PROSE_END.search(stripped):
        return None  # "Please find our prices below, all ex-stock, delivery 3-5 working days."
    layout = _layout(text)
    cells = split_cells(text, layout) if layout == "aligned" else []
    # "Line Qty UM Description     Unit    Ext": a PDF ran the first columns together, so its rows
    # are read as a collapsed table's, by the header's words (a collapsed table reads no positions)
    first = [role_of(word) for word in text[slice(*cells[0])].split()] if len(cells) > 1 else []
    run_together = len(first) >= 3 and all(first) and "qty" in first and "description" in first
    if layout == "aligned" and (len(cells) == 1 or run_together):
        found = collapsed.header_columns(" ".join(text.split()) if run_together else text, role_of, _role)
        return (
            Table(tuple(_Column(*column[:2], None, *column[2:]) for column in found), "collapsed")
            if found
            else None
        )
    columns = []
    for start, end in _words_apart(text, cells) if layout == "aligned" else split_cells(text, layout):
        written = text[start:end].strip().strip('"')
        if len(re.findall(r"\w+", written)) > 6:
            return None  # a header names a column in a few words; this is a sentence
        hint = UNIT_HINT.search(written)
        label = (written[: hint.start()] if hint else written).strip().lower()
        role = role_of(written)
        unit = _weight_unit(written) if role == "weight" else hint and hinted_unit(hint)
        if label in _FEET_HEADERS:
            role, unit = "length", "ft"  # "Ft  In": a length in feet, then its odd inches
        elif label in _INCHES_HEADERS and columns and columns[-1].label in _FEET_HEADERS:
            role, unit = "inches", "in"
        columns.append(_Column(role, label, unit, start, end))
    roles = [column.role for column in columns]
    # "Ln  Item …", or "Qty  Item  Grade  Size" with no description: the item is what is ordered
    if roles.count("line") > 1 or ("description" not in roles and "form" not in roles):
        columns = [
            replace(column, role="description")
            if column.role == "line" and column.label == "item"
            else column
            for column in columns
        ]
    columns = _count_by_number(columns)
    columns = _assemblies_column(columns)
    known = [column.role for column in columns if column.role]
    if len(columns) < 2 or len(known) < 2 or len(known) * 3 < len(columns) * 2:
        return None
    if not _ITEM_ROLES.intersection(known) or len(set(known)) < 2:
        return None
    return Table(tuple(columns), layout)


_NUMBER_OF = frozenset({"no", "no.", "nos", "nos.", "nr", "nr.", "number"})


def _count_by_number(columns: list[_Column]) -> list[_Column]:
    """ "Pos  No.  Profile" with no quantity column (Tekla's part list): the "No." after the
    position is the number of pieces, not a second line number."""
    roles = [column.role for column in columns]
    if "qty" in roles or roles.count("line") < 2 or columns[0].role != "line":
        return columns
    return [
        replace(column, role="qty")
        if index and column.role == "line" and column.label in _NUMBER_OF
        else column
        for index, column in enumerate(columns)
    ]


_FEET_HEADERS = frozenset({"ft", "feet", "ft.", "'"})
_INCHES_HEADERS = frozenset({"in", "in.", "inches", "inch", '"'})
_SHORT_ROLES = frozenset({"line", "qty", "uom"})  # columns of a few characters each


def _words_apart(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An aligned header's cells, a cell of words that each name a different short column ("ITEM
    QTY" over "1    1", set one space apart) split into those columns; "Line Description" and
    "UNIT PRICE" name one each."""
    spans: list[tuple[int, int]] = []
    for start, end in cells:
        # runs of words naming one column: "Line Qty Ordered" is "Line" and "Qty Ordered"
        runs: list[tuple[int, int, str | None]] = []
        for word in re.finditer(r"\S+", text[start:end]):
            a, b, role = start + word.start(), start + word.end(), _role(word[0])
            if runs and role in (None, runs[-1][2]):
                runs[-1] = (runs[-1][0], b, runs[-1][2])
            else:
                runs.append((a, b, role))
        roles = [role for _, _, role in runs]
        apart = (
            len(runs) >= 2
            and _role(text[start:end]) is None
            and set(roles) <= _SHORT_ROLES
            and len(set(roles)) == len(roles)
        )
        spans += [(a, b) for a, b, _ in runs] if apart else [(start, end)]
    return spans


_PER_ASSEMBLY = re.compile(r"(?:qty|quantity|pcs)\s*(?:/|per)\s*(?P<unit>[a-z]{3,}?)s?", re.IGNORECASE)


# beside "Qty/Platf", the count for all of them: "TOTAL", "Total Qty", "Qty Total", "Tot."
_TOTAL_COUNT = re.compile(
    r"tot(?:al|\.)?(?:\s+(?:qty|quantity|pcs|req(?:uire)?'?d))?|(?:qty|quantity|pcs)\s+tot(?:al|\.)?",
    re.IGNORECASE,
)


def _assemblies_column(columns: list[_Column]) -> list[_Column]:
    """A "Qty/Frame" column beside a "Frames" column: the second counts the assemblies the first
    is for (the row's quantity is their product, see ``assemblies``). Beside a "Total" column the
    customer has done the sum: the total is the quantity, the count per assembly a note."""
    per = next((found for column in columns if (found := _PER_ASSEMBLY.fullmatch(column.label))), None)
    if per is None:
        return columns
    if any(_TOTAL_COUNT.fullmatch(column.label) for column in columns):
        return [
            replace(column, role="qty")
            if _TOTAL_COUNT.fullmatch(column.label)
            else replace(column, role="note")
            if _PER_ASSEMBLY.fullmatch(column.label)
            else column
            for column in columns
        ]
    plural = re.compile(rf"(?:no\.?\s+of\s+|#\s*|qty\s+)?{re.escape(per['unit'])}s", re.IGNORECASE)
    return [
        replace(column, role="assemblies")
        if column.role is None and plural.fullmatch(column.label)
        else column
        for column in columns
    ]


def header_under(above: str, text: str) -> Table | None:
    """The table whose header is ``text`` with the labels of the line ``above`` filling its empty
    cells — a spreadsheet's two header rows ("MATERIAL … SIZE … QTY  NOTES" over "Line  Grade
    Form  Thk  W  Length"); ``None`` unless that names more columns than ``text`` alone."""
    layout = _layout(text)
    if layout not in ("tab", "pipe") or _layout(above) != layout:
        return None
    upper = [above[a:b] for a, b in split_cells(above, layout)]
    lower = [text[a:b] for a, b in split_cells(text, layout)]
    if len(upper) > len(lower):
        lower += [""] * (len(upper) - len(lower))
    filled = [cell if cell.strip() else (upper[i] if i < len(upper) else "") for i, cell in enumerate(lower)]
    separator = "\t" if layout == "tab" else " | "
    merged = read_header(separator.join(filled))
    alone = read_header(text)
    if merged is None or (alone is not None and len(set(alone.roles())) >= len(set(merged.roles()))):
        return None
    return merged


def _same_header(table: Table, text: str) -> bool:
    again = read_header(text)
    return again is not None and again.roles() == table.roles()


def _bounds(table: Table) -> list[tuple[int, int]]:
    columns = table.columns
    return [
        (column.start if i else 0, columns[i + 1].start if i + 1 < len(columns) else 10**6)
        for i, column in enumerate(columns)
    ]


def _column_at(table: Table, start: int, end: int) -> int:
    """The column an aligned cell lies under: the one its text overlaps most, else the nearest."""
    columns, bounds = table.columns, _bounds(table)
    overlaps = [max(0, min(end, b) - max(start, a)) for a, b in bounds]
    best = max(range(len(columns)), key=lambda i: overlaps[i])
    # a right-aligned number under a narrow header ("  10" under "Qty") reaches back into the
    # column before: it belongs where it ends
    if best + 1 < len(columns) and end > bounds[best][1] and end <= columns[best + 1].end + 2:
        return best + 1
    return best


_TEXT_ROLES = frozenset({"description", "grade", "form", "size", "note", "temper", "cuts", None})
_NUMBER_ROLES = frozenset({"qty", "price", "line", "weight", "inches"})


def _within(bounds: tuple[int, int], start: int, end: int) -> bool:
    return bounds[0] <= start and end <= bounds[1]


def _joins(
    cell: list[int], column: int, word: re.Match[str], bounds: list[tuple[int, int]], roles: list[str | None]
) -> bool:
    """Whether ``word`` continues ``cell`` (see ``_aligned_cells``): a description running on under
    other columns, where its words are not what those columns hold, or a size chain ("48 X 120")."""
    gap = word.start() - cell[2]
    if column == cell[0]:
        return roles[column] in _TEXT_ROLES
    if roles[cell[0]] not in _TEXT_ROLES or gap > 1:
        return False
    spilled = roles[column] not in _TEXT_ROLES and not _fits(roles[column], word.group())
    chained = re.search(r"(?:^|\s)(?:[xX×]|by)$", word.string[cell[1] : cell[2]]) is not None  # "48 X 120"
    return spilled or chained or not _within(bounds[column], word.start(), word.end())


def _aligned_cells(table: Table, text: str) -> list[tuple[int, int, int]]:
    """(column, start, end) of each cell of an aligned row, built word by word: a word joins the
    cell before it across one space when that cell is text (a description) and the word does not
    sit wholly under another column, or when it is a word under a number column (a description
    running on); else it starts a cell of the column it lies under."""
    cells: list[list[int]] = []  # [column, start, end]
    bounds, roles = _bounds(table), table.roles()
    for word in re.finditer(r"\S+", text):
        start, end = word.span()
        column = _column_at(table, start, end)
        if cells and _joins(cells[-1], column, word, bounds, roles):
            cells[-1][2] = end
            continue
        if cells and cells[-1][0] == column and roles[column] in _NUMBER_ROLES:
            # a second word under a number column: text of the next column, begun early
            column = min(column + 1, len(roles) - 1)
        cells.append([column, start, end])
    _realign(cells, roles, text)
    return [(column, start, end) for column, start, end in cells]


_COUNT_OR_AMOUNT = re.compile(r"[$€£]?\d[\d,]*(?:\.\d+)?")
_COUNT_CELL = re.compile(
    rf"\(\d+\)|[x×]\s?\d+|\d+\s*(?:off|ea|pcs?|pc)\.?|\d+\s*(?:{CJK_COUNTERS})(?:\s*pcs?)?", re.IGNORECASE
)
_DATE = re.compile(
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[- ][A-Za-z]{3,9}[- ]\d{2,4}|"
    r"[A-Za-z]{3,9}\.? \d{1,2}"
)


def _fits(role: str | None, value: str) -> bool:
    """Whether ``value`` is what a column of ``role`` holds (a date under "Due", a count under "Qty")."""
    if role == "date":
        return bool(_DATE.fullmatch(value))
    if role == "qty":  # "4", "(4)", "x12", "8 off" — but '12"' is a size running on, not a count,
        # and "1,212.00" or "$96.40" an amount slid under the column
        if re.fullmatch(r"\$.*|\d{1,3}(?:,\d{3})+\.\d\d", value):
            return False
        return bool(_COUNT_OR_AMOUNT.fullmatch(value) or _COUNT_CELL.fullmatch(value))
    if role in ("price", "line"):
        return bool(_COUNT_OR_AMOUNT.fullmatch(value))
    if role == "cuts":
        return bool(re.match(r"\d{1,4}\s*(?:@|x\b|×|pcs?\b)", value))
    if role == "uom":
        return value.isalpha() and len(value) <= 4
    return True


def _realign(cells: list[list[int]], roles: list[str | None], text: str) -> None:
    """Move a cell that does not fit its column ("2" under "Need By" in a PDF whose row slid left)
    to a neighbouring column it fits and that this row left empty."""
    fitting = [_fits(roles[cell[0]], text[cell[1] : cell[2]]) for cell in cells]
    taken = {cell[0] for cell, fits in zip(cells, fitting, strict=True) if fits}
    for cell, fits in zip(cells, fitting, strict=True):
        value = text[cell[1] : cell[2]]
        if fits:
            continue
        for step in (1, -1, 2, -2):
            other = cell[0] + step
            free = 0 <= other < len(roles) and other not in taken and roles[other] in ("date", "qty", "uom")
            if free and _fits(roles[other], value):
                cell[0] = other
                taken.add(other)
                break


def _cells(table: Table, text: str) -> list[tuple[int, int, int]]:
    if table.layout == "aligned" and _evenly_spaced(table):
        spans = split_cells(text, "aligned")
        if 2 <= len(spans) <= len(table.columns):
            return [(i, a, b) for i, (a, b) in enumerate(spans)]
    if table.layout == "aligned":
        return _aligned_cells(table, text)
    if table.layout == "collapsed":
        return collapsed.row_cells(table.roles(), text)
    spans = split_cells(text, table.layout)
    if table.layout == "pipe" and len(spans) < len(table.columns) == text.count("|") + 1:
        # "  |      | A1011 CS TYPE B |   |" under "# | Item # | Description | …": the row's first
        # and last cells are empty, not the bars of a table drawn with edges
        spans = split_cells(text, table.layout, edges=False)
    while len(spans) > len(table.columns) and (empty := [i for i, (a, b) in enumerate(spans) if b <= a]):
        del spans[empty[-1]]  # "20'<tab><tab>10<tab>PC": a tab typed twice is not a column
    return [(i, a, b) for i, (a, b) in enumerate(spans) if b > a and i < len(table.columns)]


def _evenly_spaced(table: Table) -> bool:
    """A header whose columns are set apart by the same run of spaces, as a spreadsheet pasted as
    text leaves it ("Line   Qty   UOM   Description   Grade/Spec   Length"): its rows' cells line up
    with the columns by their order, not by where they start."""
    gaps = {after.start - before.end for before, after in itertools.pairwise(table.columns)}
    return len(table.columns) >= 4 and len(gaps) == 1 and min(gaps) >= 2


def _is_part_number(value: str) -> bool:
    """A code such as "AL-5052-080" or "300012445" — not a grade ("6061-T6", "17-4PH")."""
    return bool(_PART_NUMBER.fullmatch(value)) and not (
        _LINE_NUMBER.fullmatch(value) or _GRADE_LIKE.fullmatch(value) or _DESIGNATION.fullmatch(value)
    )


def _refined_role(column: _Column, values: list[str], later_roles: set[str | None]) -> str | None:
    """A column's role corrected by what its cells hold: an "Item" or "Material" column of long
    numbers or codes is the customer's part number; an "Item" column of small numbers, the line; of
    words, the description; a "Part" column naming forms, the description too."""
    forms = sum(1 for value in values if first_match(value, FORM_WORDS))
    if column.role == "part" and 2 * forms > len(values) and not any(_is_part_number(v) for v in values):
        return "description"  # a "Part" column of "Angle iron", "Black pipe sch 40", "Plate"
    if not values or column.role not in ("description", "grade", "line", "qty", None):
        return column.role
    codes = all(_is_part_number(value) for value in values)
    if codes and (column.role != "grade" or all(re.fullmatch(r"\d{6,}", value) for value in values)):
        return "part"
    numbered = all(_LINE_NUMBER.fullmatch(value) for value in values)
    if column.role == "description" and numbered and later_roles & {"description", "grade"}:
        return "line"
    if column.role == "line" and all(re.search(r"[A-Za-z].*\s|\s.*[A-Za-z]", value) for value in values):
        return "description"  # an "Item" column of "HR Flat Bar A36 / 3/16" x 1-1/2"": what is ordered
    return column.role


def _refined(table: Table, rows: list[list[tuple[int, str]]]) -> Table:
    columns = list(table.columns)
    for index, column in enumerate(columns):
        values = [value.strip() for row in rows for i, value in row if i == index and value.strip()]
        role = _refined_role(column, values, {c.role for c in columns[index + 1 :]})
        columns[index] = _Column(role, column.label, column.unit, column.start, column.end)
    return Table(tuple(columns), table.layout)


_WORD = re.compile(r"\S+")


def _named_items(table: Table, lines: list[tuple[int, str]]) -> Table:
    """An aligned table whose "Item" column holds words ("Alum Plate", "Steel Flat" in an invoice
    program's PO), not line numbers: the item's name, read as text from the first rows on."""
    index = next((i for i, c in enumerate(table.columns) if c.role == "line" and c.label == "item"), None)
    if index is None or table.layout != "aligned":
        return table
    column = table.columns[index]
    # the words that start where the column does, in the first rows
    firsts = [
        found.group()
        for _, text in lines[:6]
        if (found := _WORD.match(text, column.start)) and not text[: column.start].strip()
    ]
    if sum(bool(re.fullmatch(r"[A-Za-z]{2,}[,.]?", first)) for first in firsts) < 2 or any(
        re.search(r"[\d-]", first)
        for first in firsts  # a line number, a part code ("AL-SHT-6061")
    ):
        return table
    columns = list(table.columns)
    columns[index] = replace(column, role="description")
    return Table(tuple(columns), table.layout)


def read_rows(table: Table, lines: list[tuple[int, str]]) -> tuple[list[Row], int]:
    """The rows of ``table`` at the start of ``lines`` ((document offset, text) after the header),
    and how many lines they took."""
    table = _named_items(table, lines)
    raw: list[tuple[int, int, list[tuple[int, int, int]]]] = []  # (start, end, cells) per row
    used, gap, first = 0, False, 0  # first: the index of the line the last row starts on
    for index, (offset, text) in enumerate(lines):
        if not text.strip(" \t>"):
            gap = True
            continue
        if _PAGE_MARK.match(text.strip()) or _same_header(table, text) or re.fullmatch(r"[\s|:=+_-]*", text):
            used = index + 1
            continue
        if _subheader(text) and (not raw or (index and _same_header(table, lines[index - 1][1]))):
            used = index + 1  # "      Description" under "Line  Our Part  Qty …": the rows' second lines
            continue  # (under the header repeated on the next page too)
        if raw and cues.is_total(text):
            if _counted_row_next(table, lines, index):
                used = index + 1  # "Beams subtotal  $6,960.00" with more rows under it: the table goes on
                continue
            break  # "Total Net Value  USD 7,194.00": the table has ended
        if (
            raw
            and gap
            and len(text.strip()) <= 40
            and not _counts(table, _cells(table, text), text)
            and _counted_row_next(table, lines, index)
        ):
            used = index + 1  # "ASSY B1 - ROOF BEAMS" over more rows of these columns: a section's
            continue  # heading, the table goes on
        if raw and gap and table.layout == "aligned" and not _GAP.search(text.strip(" \t>")):
            break  # after a blank line, a line with no gap between columns is prose: the table ended
        if not gap and _section_row(table, text):
            used = index + 1  # "PLATE", "SHEET": a heading among the rows, not a row (after a blank
            continue  # line, it heads what follows: the table has ended)
        cells = _cells(table, text)
        roles = {table.columns[column].role for column, _, _ in cells}
        wrapped = (
            raw
            and not gap
            and table.layout == "aligned"
            and cells
            and table.columns[cells[0][0]].role in (*_TEXT_ROLES, "part")
            and cells[0][1] >= table.columns[cells[0][0]].start - 1
            and not _counts(table, cells, text)
        ) or (raw and not gap and (_runs_on(table, cells, text) or _describes_row_above(table, cells, text)))
        if (
            wrapped
            and table.layout == "aligned"
            and "line" not in table.roles()
            and cells[0][1] <= table.columns[0].start + 1  # flush with the first column, not indented
            and _names_a_form(text)
            and _names_a_form(_row_text(lines, raw[-1]))
        ):
            wrapped = False  # "Alum Rnd  6061-T6511 round bar" under a plate's row, no line numbers: a row
        if wrapped and _aside(text[cells[0][1] : cells[-1][2]]):
            used, gap = index + 1, False  # "   |  Commodity: Raw Material  Account: 5020-110": a note
            continue
        # "      1.250" dia x 144"     6   EA": no line number, and the row above has no count yet —
        # the rest of that row, wrapped onto a second line, its count included
        counted_rest = (
            raw
            and not gap
            and table.layout == "aligned"
            and cells
            # (or, in an invoice program's PO with items by name, a line that names no item)
            and (
                "line" in table.roles()
                or (_items_by_name(table) and not _names_a_form(text))
                # (or under a row begun by its reference alone: "TOL-20-S355" over its description)
                or (table.columns[raw[-1][2][0][0]].role == "part" and not _names_a_form(text))
            )
            and table.columns[cells[0][0]].role != "line"
            and not _holds(table, raw[-1][2], "qty")
        )
        # "x 12 saw cut      71.50     286.00" under "… 7075-T651 plate 2.000 x 6     4": the
        # description's end and the row's prices, wrapped onto the next line
        counted_rest = counted_rest or (
            raw and not gap and table.layout == "aligned" and _priced_rest(table, raw[-1][2], cells, text)
        )
        if (
            raw
            and _begins_with_reference(table, cells, text)
            # (words after it: not "AMS-QQ-A-250/12  1.000 X 12.000 X 24.000", a spec and the sizes)
            and (len(cells) == 1 or re.search(r"[A-WYZa-wyz]{2,}", text[cells[1][1] :]) is not None)
            and _holds(table, raw[-1][2], "qty")
        ):
            wrapped = counted_rest = False  # "IPE200-S275 …" under a row with its count: the next row
        if raw and not gap and not cells and table.layout == "collapsed" and collapsed.continues(text):
            start, _, previous = raw[-1]  # a PDF's wrapped description
            stripped = text.strip(" >")
            at = offset + text.index(stripped)
            raw[-1] = _rejoined(table, lines, first, index) or (
                start,
                at + len(stripped),
                [*previous, (_RUN_ON, at, at + len(stripped))],
            )
        elif (
            raw
            and not gap
            and table.layout == "collapsed"
            and collapsed.ends_row(text)
            and (not text.lstrip()[:1].isdigit() or _DANGLING.search(lines[index - 1][1]))
        ):
            # "… AR400," over "1/2" X 48" X 96"" over "LINER REPAIR $1,012.00 $2,024.00": the
            # description's end, then the row's closing cells
            start, _, previous = raw[-1]
            raw[-1] = _rejoined(table, lines, first, index) or (
                start,
                offset + len(text.rstrip()),
                [*previous, (_RUN_ON, offset, offset + len(text.rstrip()))],
            )
        elif raw and not gap and table.layout == "collapsed" and collapsed.closing(text):
            # "214.75 1,073.75", "10 EA 88.10 881.00": the row's last cells wrapped onto their own
            # line (not a row: no description); read with the row when they fill its columns
            raw[-1] = _rejoined(table, lines, first, index) or raw[-1]
        elif raw and not gap and (rest := _delimited_rest(table, raw[-1][2], text)) is not None:
            start, _, previous = raw[
                -1
            ]  # "3/16 wall x 24'<tab>20<tab>PC": a description's end, then its cells
            raw[-1] = (
                start,
                offset + len(text.rstrip()),
                previous + [(c, offset + a, offset + b) for c, a, b in rest],
            )
        elif counted_rest:
            start, _, previous = raw[-1]
            raw[-1] = (
                start,
                offset + len(text.rstrip()),
                previous
                + [
                    (
                        column if table.columns[column].role in _NUMBER_ROLES | {"uom"} else _RUN_ON,
                        offset + a,
                        offset + b,
                    )
                    for column, a, b in cells
                ],
            )
        elif wrapped:  # the row above runs on: its description, whatever column it lies under
            start, _, previous = raw[-1]
            raw[-1] = (
                start,
                offset + len(text.rstrip()),
                previous + [(_RUN_ON, offset + a, offset + b) for _, a, b in cells],
            )
        elif (
            (len(cells) >= 2 or _reference_alone(table, cells, text))
            # (a numbered row of its part number alone: "7   SS316L-TB-150-065", its description below)
            and (roles & _ITEM_ROLES or roles in ({"line", "part"}, {"part"}))
            and ":" not in text.strip().rstrip(":")[:1]
        ):
            first = index
            raw.append(
                (offset, offset + len(text.rstrip()), [(c, offset + a, offset + b) for c, a, b in cells])
            )
        else:
            break
        used, gap = index + 1, False
    return (_rows(table, raw, lines), used) if raw else ([], 0)


def _holds(table: Table, cells: list[tuple[int, int, int]], role: str) -> bool:
    """Whether a row read so far has a cell of ``role`` (not a run-on of its description)."""
    return any(column != _RUN_ON and table.columns[column].role == role for column, _, _ in cells)


def _begins_with_reference(table: Table, cells: list[tuple[int, int, int]], text: str) -> bool:
    """A line begun by a reference code under the part column ("TOL-20-S355", "UPN160-S275  Fer U …")."""
    return (
        bool(cells)
        and table.columns[cells[0][0]].role == "part"
        and _is_part_number(text[cells[0][1] : cells[0][2]])
    )


def _reference_alone(table: Table, cells: list[tuple[int, int, int]], text: str) -> bool:
    """A row begun by its reference code alone ("TOL-20-S355"), its description on the next line."""
    return len(cells) == 1 and _begins_with_reference(table, cells, text)


def _items_by_name(table: Table) -> bool:
    """Whether the table's "Item" column names the items (see ``_named_items``)."""
    return any(column.label == "item" and column.role == "description" for column in table.columns)


def _names_a_form(text: str) -> bool:
    return first_match(text, FORM_WORDS) is not None


def _row_text(lines: list[tuple[int, str]], row: tuple[int, int, list[tuple[int, int, int]]]) -> str:
    """The text of a row read so far (its lines joined)."""
    return " ".join(text for offset, text in lines if row[0] <= offset + len(text) and offset < row[1])


def _priced_rest(
    table: Table, above: list[tuple[int, int, int]], cells: list[tuple[int, int, int]], text: str
) -> bool:
    """A line of text and prices only, naming no item of its own, under a row with no price yet
    (or of amounts alone: "1 487,00    2 974,00")."""
    if _AMOUNTS_ONLY.fullmatch(text):
        return True  # "1 487,00  2 974,00", "$3,125.00" set below its row: the row's amounts
    roles = [table.columns[column].role for column, _, _ in cells]
    prices = [text[a:b] for column, a, b in cells if table.columns[column].role == "price"]
    priced = prices and all(_MONEY.search(price) for price in prices) and not {"line", "qty"} & set(roles)
    words = " ".join(text[a:b] for column, a, b in cells if table.columns[column].role in _TEXT_ROLES)
    return bool(
        priced and words and not _holds(table, above, "price") and first_match(words, FORM_WORDS) is None
    )


def _counted_row_next(table: Table, lines: list[tuple[int, str]], index: int) -> bool:
    """Whether the line after ``lines[index]`` is a row of ``table`` with its count in place
    ("ASSY B1 - ROOF BEAMS" over "  B1a    2    W10x33    18'-4\"": the cut list goes on)."""
    if index + 1 >= len(lines):
        return False
    text = lines[index + 1][1]
    if _section_row(table, text) and index + 2 < len(lines):
        text = lines[index + 2][1]  # "subtotal  6,271" over "HSS (A500C)" over more rows
    return bool(text.strip()) and _counts(table, _cells(table, text), text)


_RUN_ON = -1  # the column of a wrapped row's continuation: read as its description
_DANGLING = re.compile(r"\d\S*\s+[xX×]\s*$")  # a line ending mid-size: "1\" X 24\" X"
# a labelled note under a row ("Commodity: Raw Material  Account: 5020-110"), not about its size
_LABELLED = re.compile(r"[A-Za-z][A-Za-z /&.-]{1,30}:\s")
_SIZE_MARK = re.compile(r"\d\s*(?:\"|''?|x\b|×|mm\b|/\d)|\b[x×]\s*\.?\d", re.IGNORECASE)


def _runs_on(table: Table, cells: list[tuple[int, int, int]], text: str) -> bool:
    """A pipe or tab table's line with its first columns empty and text only under the text
    columns ("     |   3/16 wall, mill finish"), or indented with no delimiter at all ("    Supplier
    Part ID: Not Available"): the row above running on."""
    if table.layout not in ("pipe", "tab") or not cells:
        return False
    if cells[0][0] == 0:
        return len(cells) == 1 and text[:1] in (" ", "\t") and len(split_cells(text, table.layout)) == 1
    return all(table.columns[column].role in _TEXT_ROLES for column, _, _ in cells)


# a line of amounts and nothing else, in any country's way of grouping: "1 487,00  2 974,00"
_AMOUNTS_ONLY = re.compile(r"(?:\s*[$€£]?\s?\d{1,3}(?:[ .,\u00a0]\d{3})*[.,]\d\d)+\s*")
_MONEY = re.compile(r"\d,\d{3}\.\d\d\b|^\$?\d+\.\d\d$")  # "1,486.00", "96.40" — not ".250"


def _describes_row_above(table: Table, cells: list[tuple[int, int, int]], text: str) -> bool:
    """A PDF's wrapped description set wherever the text fell ("        1.500\" DIA X 12 FT, AMS
    5666" under a row of "1  1.000  EA  NI625-RD-1500  11/07/2025 …"): no count, date or amount of
    its own, and a size or a form word — the row above's description going on."""
    if table.layout != "aligned" or not cells:
        return False
    if _counts(table, cells[:1] if not _GAP.search(text.strip()) else cells, text):
        return False  # a count in its column: a row ("4 2\" 4140 round bar x 36\"" under "Qty  Description")
    words = text.split()
    if any(_DATE.fullmatch(word) or _MONEY.search(word) for word in words):
        return False
    return bool(_SIZE_MARK.search(text)) or first_match(text, FORM_WORDS) is not None


def _aside(text: str) -> bool:
    """A row's continuation that is a labelled note naming no size: kept out of the row."""
    return bool(_LABELLED.match(text.strip())) and not _SIZE_MARK.search(text)


def _delimited_rest(
    table: Table, above: list[tuple[int, int, int]], text: str
) -> list[tuple[int, int, int]] | None:
    """The cells of a tab- or pipe-separated line that ends the row above: the row stopped in its
    description ("Rect tube A500 Gr.B  4 x 2 x"), and this line holds the description's end, then
    the cells after it ("3/16 wall x 24'<tab>20<tab>PC"); ``None`` when it is not such a line."""
    if table.layout not in ("tab", "pipe") or "description" not in table.roles():
        return None
    middle = table.roles().index("description")
    if any(column > middle for column, a, b in above if b > a):
        return None  # the row above has its closing cells: this line is a row of its own
    spans = [(a, b) for a, b in split_cells(text, table.layout)]
    if (
        len(spans) < 2
        or len(spans) > len(table.columns) - middle
        or not text[spans[0][0] : spans[0][1]].strip()
    ):
        return None
    return [(_RUN_ON, *spans[0])] + [
        (middle + k, a, b) for k, (a, b) in enumerate(spans[1:], start=1) if b > a
    ]


def _rejoined(
    table: Table, lines: list[tuple[int, str]], first: int, last: int
) -> tuple[int, int, list[tuple[int, int, int]]] | None:
    """A collapsed row read again over all its lines, ``first`` to ``last``, when its closing cells
    wrapped with the end of its description ("… 2.000 DIA X 12" over "FT 4 EA 06/02/2025": the
    count is 4, not the 12 that ended the first line); ``None`` when reading it whole fills no more
    of the columns after the description than its first line did."""
    offset = lines[first][0]
    parts = [text for _, text in lines[first : last + 1]]
    if any(lines[k + 1][0] != lines[k][0] + len(lines[k][1]) + 1 for k in range(first, last)):
        return None  # not consecutive lines of one text
    whole = "\n".join(parts)
    middle = table.roles().index("description")
    alone = [cell for cell in _cells(table, parts[0]) if cell[0] > middle]
    cells = _cells(table, whole)
    after = [cell for cell in cells if cell[0] > middle]
    if len(after) <= len(alone):
        return None
    return offset, offset + len(whole.rstrip()), [(column, offset + a, offset + b) for column, a, b in cells]


_SECTION = re.compile(r"[A-Z][A-Z &/-]{2,30}(?:\s*\([A-Z0-9 ./-]{1,16}\))?:?")  # "WIDE FLANGE (A992)"


def _section_row(table: Table, text: str) -> bool:
    """A heading among a table's rows: one cell of a few capital words and no number, in a tab
    table's line (its empty cells still tabbed) or alone on an aligned table's line."""
    cells = [text[a:b].strip() for a, b in split_cells(text, table.layout)]
    filled = [cell for cell in cells if cell]
    if len(filled) != 1 or not _SECTION.fullmatch(filled[0]):
        return False
    return table.layout != "tab" or "\t" in text.strip(" >")


_UNITS_LINE = re.compile(r"(?:usd|eur|gbp|cad|chf|[$€£]|mm|in|inch|ft|kg|lbs?|pcs|ea)\.?", re.IGNORECASE)
# the second word of a header cell wrapped under it: "Line" over "Nbr.", "Unit" over "Each"
_HEADER_TAIL = re.compile(r"(?:nbr|num|number|each|no|id|ordered|cost)\.?", re.IGNORECASE)


def _subheader(text: str) -> bool:
    """A second header line: header words only ("Description", "Rev  Description"), the columns'
    units ("USD   USD"), or the ends of wrapped header cells ("Nbr.")."""
    words = [word for word in split_cells(text, "aligned")]
    named = all(
        role_of(text[a:b])
        or _UNITS_LINE.fullmatch(text[a:b].strip())
        or _HEADER_TAIL.fullmatch(text[a:b].strip())
        for a, b in words
    )
    return bool(words) and named and not re.search(r"\d", text)


def _counts(table: Table, cells: list[tuple[int, int, int]], text: str) -> bool:
    """Whether a line has a line number, a count or a price in their columns: a row of its own, not
    the row above running on ("STEEL SHEET … 10 GA X 60 IN X 120 IN" under the description)."""
    return any(
        table.columns[column].role in ("line", "qty", "price", "cuts")
        and _fits(table.columns[column].role, text[a:b])
        for column, a, b in cells
    )


def _rows(
    table: Table, raw: list[tuple[int, int, list[tuple[int, int, int]]]], lines: list[tuple[int, str]]
) -> list[Row]:
    document = _Document(lines)
    written = [
        [(column, document.slice(a, b)) for column, a, b in cells if column != _RUN_ON] for _, _, cells in raw
    ]
    table = _refined(table, written)
    rows = []
    for start, end, cells in raw:
        row_cells = tuple(_cell(table, column, a, b) for column, a, b in cells)
        rows.append(Row(start, end, row_cells, "qty" in table.roles()))
    return rows


def _cell(table: Table, column: int, start: int, end: int) -> Cell:
    if column == _RUN_ON:
        return Cell(_FIELD_LABEL["description"], start, end)
    role, header = table.columns[column].role, table.columns[column]
    if header.label in _TUBE_SIZE_HEADERS:  # "OD" and "Wall" columns: a tube's sizes, not a bar's
        return Cell(header.label, start, end, header.unit)
    return Cell(_FIELD_LABEL.get(role or "", header.label), start, end, header.unit)


_TUBE_SIZE_HEADERS = frozenset({"od", "o.d.", "wall", "wall thickness"})


class _Document:
    """Reads spans of the lines a table was read from (offsets are the document's)."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        self.lines = lines

    def slice(self, start: int, end: int) -> str:
        for offset, text in self.lines:
            if offset <= start <= offset + len(text):
                return text[start - offset : end - offset]
        return ""
