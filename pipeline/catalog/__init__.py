"""The parts catalog: its schema, generator and importer, the DuckDB store, search and browsing."""
