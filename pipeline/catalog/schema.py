"""The vocabulary every stage shares: forms, families, dimension names and the ``parts`` table.

Canonical names live here once; extraction, search, the generator and the importer all use them.
"""

from __future__ import annotations

FORMS: tuple[str, ...] = (
    "sheet",
    "plate",
    "bar_round",
    "bar_square",
    "bar_rectangular",
    "bar_hex",
    "tube_round",
    "tube_square",
    "tube_rectangular",
    "angle",
    "channel",
    "beam_i",
    "wire",
    "foil",
)

FAMILIES: tuple[str, ...] = (
    "stainless_steel",
    "aluminum",
    "carbon_steel",
    "alloy_steel",
    "titanium",
    "brass",
    "bronze",
    "copper",
    "nickel_alloy",
    "tool_steel",
)

# Every dimension is stored in inches; a NULL means "does not apply to this form".
DIMENSIONS: tuple[str, ...] = (
    "thickness",
    "width",
    "length",
    "diameter",
    "outer_diameter",
    "wall_thickness",
    "side",
    "across_flats",
    "height",
    "leg1",
    "leg2",
)

# The dimensions that identify a stock item's cross-section, per form (length is cut to size).
SECTION_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "sheet": ("thickness",),
    "plate": ("thickness",),
    "foil": ("thickness",),
    "bar_round": ("diameter",),
    "wire": ("diameter",),
    "bar_square": ("side",),
    "bar_hex": ("across_flats",),
    "bar_rectangular": ("thickness", "width"),
    "tube_round": ("outer_diameter", "wall_thickness"),
    "tube_square": ("side", "wall_thickness"),
    "tube_rectangular": ("width", "height", "wall_thickness"),
    "angle": ("leg1", "leg2", "thickness"),
    "channel": ("height", "width", "thickness"),
    "beam_i": ("height", "width", "weight_per_foot"),
}

UOMS: tuple[str, ...] = ("EA", "FT")

PARTS_DDL = f"""
CREATE TABLE parts (
    part_number     VARCHAR PRIMARY KEY,
    family          VARCHAR NOT NULL,
    grade           VARCHAR NOT NULL,
    temper          VARCHAR,
    form            VARCHAR NOT NULL,
    description     VARCHAR NOT NULL,
    {", ".join(f"{name} DOUBLE" for name in DIMENSIONS)},
    weight_per_foot DOUBLE,
    uom             VARCHAR NOT NULL,
    unit_price      DECIMAL(12, 2) NOT NULL CHECK (unit_price > 0),
    weight_per_unit DOUBLE NOT NULL,
    stock_qty       INTEGER NOT NULL,
    min_order_qty   INTEGER NOT NULL,
    lead_time_days  INTEGER NOT NULL,
    supplier        VARCHAR NOT NULL,
    finish          VARCHAR,
    condition       VARCHAR,
    spec            VARCHAR
)
"""
