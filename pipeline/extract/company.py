"""What a company name looks like, and which named company is the customer's.

A company line carries a legal form (Inc., LLC, GmbH, S.r.l., S.L., Pvt. Ltd, B.V., Sp. z o.o.,
S.A. de C.V. …) or ends in a trade word (Machining, Paper Mill, Metals, Hydraulics …), and is
no job title ("Director of Engineering"). ERP purchase orders name the customer in a "Bill To",
"Sold To" or "Buyer" block; a name matching the recipient's mail domain is the supplier's own
(a pasted confirmation's signature), never the customer's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.models import Span

LEGAL_FORM = re.compile(
    # the longer forms first: "S.A. de C.V." is one form, not "S.A." and a name "de C.V."
    r"(?:\b(?:S\.\s?A\.\s?de\s+C\.\s?V|S\.\s?de\s+R\.\s?L|Inc|inc(?=\.)|Corp|Ltd|Ltda|Pvt\.?\s+Ltd|Pty\.?\s+Ltd|L\.L\.C|"
    r"S\.\s?r\.\s?l|S\.\s?p\.\s?A|S\.\s?L|S\.\s?A\.?S|S\.\s?A|B\.\s?V|N\.\s?V|K\.\s?K|Co)\.?"
    r"|\b(?:LLC|LLP|PLC|plc|Limited|Corporation|Company|GmbH|GMBH|AG|KG|SARL|SAS|SpA|Srl|Oy|AB|A/S|ApS|"
    r"Sp\.\s?z\s?o\.\s?o\.?|s\.\s?r\.\s?o\.?|a\.\s?s\.|A\.\s?Ş\.?|S\.\s?R\.\s?L\.?|Lda\.?|JSC|Bhd\.?|"
    r"S\.\s?C\.|Tbk\.?|W\.\s?L\.\s?L\.?))(?![\w])"
)
COMPANY_WORD = re.compile(
    r"\b(?:Industries|Manufacturing|Mfg|Solutions|Systems|Services|Aerospace|Plant|Fabrication|Fabricators|"
    r"Works|Group|Enterprises|Machining|Machine|Machinery|Mill|Metals?|Welding|Foundry|Forge|Tool(?:ing)?|"
    r"Engineering|Technolog(?:y|ies)|Laborator(?:y|ies)|Labs?|Studio|Construction|Builders|Automation|Robotics|"
    r"Hydraulics|Pumps?|Valves?|Controls|Equipment|Products|Motors|Marine|Energy|Supply|Meccanica|Metallbau|"
    r"Stahlbau|Maquinados|Talleres|Ornamental|Cabinetry|Contracting|Contractors?|Repair|Mechanical|Ironworks|"
    r"Iron|Steel|Fab|Trailers?|Packaging|Processing|Process|Precision|Tank|Dairy|Signs?|Boats?|Marine|"
    r"Fittings|Structural|Millwork|Welders|Shop)\b"
)
TITLE_WORDS = re.compile(
    r"\b(?:manager|engineer|agent|director|technician|purchasing|procurement|buyer|supervisor|coordinator|"
    r"specialist|officer|president|owner|department|dept|sales|operations|planner|analyst|head|vp|ceo|"
    r"lead|supply\s+chain|ufficio|acquisti|einkauf|compras|achats|foreman|superintendent|clerk|assistant|"
    r"controller|maintenance|production\s+control|scheduler|estimator|inside\s+sales|"
    # Turkish, Romanian, Portuguese, Vietnamese purchasing titles
    r"sat[ıi]nalma|uzman[ıi]?|departament|achizi[țţt]ii|aprovisionamento|mua\s+h[àa]ng)\b",
    re.IGNORECASE,
)
# a block label ends its line or its column ("Vendor:        Bill To:" over two columns of names)
_BLOCK_LABEL = re.compile(
    r"(?:^|[ \t]{2,}|\|)[ \t>]*(?P<label>bill(?:ed)?[ \t]+to|sold[ \t]+to|invoice[ \t]+to|buyer|purchaser|"
    r"customer)[ \t]*:?[ \t]*(?=$|[ \t]{2,}|\|)",
    re.IGNORECASE | re.MULTILINE,
)
_TAGLINE = re.compile(r"\s+[-–—|]\s+\S")
_TITLE_THEN_COMPANY = re.compile(r",\s|\s+[/|]\s+")  # "Buyer, Northridge …", "Purchasing / Keystone …"
_CELL = re.compile(r"[^|\s](?:[^|\n]*?[^|\s])??(?=[ \t]{2,}|[ \t]*\||[ \t]*$)", re.MULTILINE)
_COLUMNS = re.compile(r"\S[ \t]{3,}\S")
_NEXT_LINE = re.compile(r"[^\n]*\S[^\n]*")


def _has_marks(line: str) -> bool:
    return bool(LEGAL_FORM.search(line) or COMPANY_WORD.search(line))


def company_in(line: str) -> str | None:
    """The company a signature or block line names: "Buyer, Northridge Machine Works" gives
    "Northridge Machine Works"; a job title ("Senior Buyer, Supply Chain") or a line without a
    company's marks gives nothing. A letterhead in capitals ("GREAT PLAINS RAIL CAR CO.") is read
    as its title case would be, and given as written."""
    company = line.strip()
    if company.isupper() and len(company) > 3 and (titled := _title_case(company)) != company:
        found = company_in(titled)
        at = company.lower().find(found.lower()) if found else -1
        return company[at : at + len(found)] if found and at >= 0 else None
    legal = LEGAL_FORM.search(company)
    if legal and _TAGLINE.match(company, legal.end()):  # "Bayside Marine Corp. - Builders of workboats …"
        company = company[: legal.end()]
    if _COLUMNS.search(company):
        return None  # a row of a pasted table: its cells are read one by one
    if (
        company[:1].islower()
        or len(company.split()) > 8
        or re.search(r"\b[a-z]+\.\s+[A-Z]", company.rstrip("."))
    ):
        return None  # a sentence of terms and conditions ("… Tri-County reserves the right …"), no name
    title, _, rest = _TITLE_THEN_COMPANY.sub("\x00", company, count=1).partition("\x00")
    if rest and not _has_marks(title) and _has_marks(rest) and LEGAL_FORM.sub("", rest).strip(" ,."):
        company = rest
    if LEGAL_FORM.search(company):
        return company if LEGAL_FORM.sub("", company).strip(" ,.&-") else None  # "LLC" alone names no one
    if COMPANY_WORD.search(company) and not TITLE_WORDS.search(company) and ":" not in company:
        return company
    return None


def block_companies(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[str, Span]]:
    """The company under a "Bill To:" / "Sold To:" / "Buyer:" label that ends its line or column:
    on the next line, in the label's column."""
    found = []
    for start, end in spans:
        for label in _BLOCK_LABEL.finditer(text, start, end):
            column = label.start("label") - (text.rfind("\n", 0, label.start("label")) + 1)
            line_end = text.find("\n", label.end(), end)
            following = _NEXT_LINE.search(text, line_end + 1, end) if line_end >= 0 else None
            if following is None:
                continue
            cells = _CELL.finditer(text, following.start(), following.end())
            cell = next((c for c in cells if c.end() - following.start() > column - 2), None)
            company = cell and company_in(cell.group())
            if cell and company:
                offset = cell.start() + cell.group().index(company)
                found.append((company, Span(offset, offset + len(company))))
    return found


def _title_case(line: str) -> str:
    """ "GREAT PLAINS RAIL CAR CO." → "Great Plains Rail Car Co."; short all-capital words stay ("LLC")."""
    return " ".join(word if LEGAL_FORM.fullmatch(word) else word.capitalize() for word in line.split())


# "this is randy over at hill country ornamental iron i need …", "its mike at dunleavy welding"
_INTRODUCED = re.compile(
    r"\b(?:this\s+is|it'?s|here'?s)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:over\s+|down\s+|up\s+|out\s+)?(?:at|from|with)\s+"
    r"(?P<company>[a-z][a-z0-9&'.\- ]{2,60}?)"
    r"(?=\s+(?:i|we|and|here|need|needs|in|on|looking|dictating|calling|texting|writing|again|just|please|pls|"
    r"can|could)\b|\s*[,.!\n])",
    re.IGNORECASE,
)


def introduced_company(
    text: str, start: int, end: int, fits_sender: Callable[[str], bool] = lambda _: False
) -> tuple[str, Span] | None:
    """The company a writer introduces themselves with, phone-typed in lower case ("this is bobby at
    langford ag repair"), as its title case reads ("Langford Ag Repair"); only a name with a
    company's marks, or one that ``fits_sender`` (their mail domain: "brightline kitchens")."""
    found = _INTRODUCED.search(text, start, end)
    if found is None:
        return None
    titled = _title_case(found["company"])
    if company_in(titled) != titled and not fits_sender(titled):
        return None
    return titled, Span(found.start("company"), found.end("company"))
