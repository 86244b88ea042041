"""The default pipeline: each stage binds one pure step to the job state and reports progress.

ingest → extract → customer → search → match → assemble → review, in ``DEFAULT_STAGES``, the flat
list the runner runs. The folder listing reads the same way: ``ingest/``, ``extract/``,
``customers/``, ``catalog/search/``, ``match/``, ``assemble/``, ``review.py``. Stages know only
``pipeline/job.py``, never the runner.
"""

from __future__ import annotations

from pipeline.assemble import assemble, load_terms
from pipeline.catalog.search import search_lines
from pipeline.customers.directory import CustomerDirectory
from pipeline.extract import extract
from pipeline.ingest import ingest
from pipeline.ingest.limits import over_limit
from pipeline.job import JobState, Stage, StageContext
from pipeline.match import match_lines
from pipeline.models import Candidate
from pipeline.orders.crossref import CrossReferences, apply_cross_reference
from pipeline.review import review
from pipeline.verdict import match_status, pick


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def ingest_stage(state: JobState, ctx: StageContext) -> str:
    state.document = ingest(state.filename, state.data, ctx.settings.intake)
    attachments = len(state.document.attachments)
    return f"{len(state.document.text):,} characters" + (
        f", {_plural(attachments, 'attachment')}" if attachments else ""
    )


def extract_stage(state: JobState, ctx: StageContext) -> str:
    state.extraction = extract(state.document)
    limit = ctx.settings.intake.max_order_lines
    written = max(len(state.extraction.lines), state.extraction.lines_written)
    if written > limit:  # matching time grows with every line; so does reading them
        found = f"it has {written:,} item lines"
        raise over_limit(state.filename, found, f"{limit:,}", "max_order_lines", "split the order")
    for item in state.extraction.lines:
        ctx.line_updated(item.line_no, "extracted", text=item.source_text[:200])
    return f"{_plural(len(state.extraction.lines), 'line')} found"


def customer_stage(state: JobState, ctx: StageContext) -> str:
    """Who sent the order: matching ranks their cross-references first, assembly prices their account.

    Read-only: a new prospect is saved with the order, so a failed job leaves no customer behind.
    """
    directory = CustomerDirectory(ctx.ledger, ctx.settings.pricing)
    state.customer = directory.resolve(state.document, state.extraction.header)
    record = state.customer.record
    if state.customer.new:
        return f"new prospect {record.name} ({record.customer_id})"
    return f"{record.name} ({record.customer_id}), by {state.customer.matched_by.replace('_', ' ')}"


def search_stage(state: JobState, ctx: StageContext) -> str:
    """All lines in one batched search (the catalog's candidates, before scoring)."""
    lines = state.extraction.lines
    for item in lines:
        ctx.line_updated(item.line_no, "searching")
    state.candidates = search_lines(ctx.catalog, lines)
    ctx.progress(len(lines), len(lines))
    total = sum(len(found) for found in state.candidates.values())
    return f"{_plural(total, 'catalog part')} near {_plural(len(lines), 'line')}"


def match_stage(state: JobState, ctx: StageContext) -> str:
    """Score, cut to size and explain every line; a line with nothing to offer is a "no match".

    Then the cross-reference hook: what reviewers mapped for this customer's wording or part
    numbers goes first (confidence 0.99), ahead of the engine's ranking.
    """
    state.matches = match_lines(ctx.catalog, state.extraction.lines, state.candidates)
    customer = state.customer
    references = [] if customer.new else CrossReferences(ctx.ledger).for_customer(customer.record.customer_id)
    matched = 0
    for item in state.extraction.lines:
        result = state.matches[item.line_no]
        ranked = apply_cross_reference(ctx.catalog, item, result.ranked, references, state.document.text)
        state.ranked[item.line_no] = ranked
        best = pick(ranked)
        if best is not None:
            matched += 1
            ctx.line_updated(
                item.line_no, match_status(best), part_number=best.part_number, confidence=best.confidence
            )
        else:
            ctx.line_updated(item.line_no, match_status(best), reason=result.explanation)
    return f"{matched} of {_plural(len(state.extraction.lines), 'line')} matched"


def _best(ranked: dict[int, list[Candidate]]) -> list[str]:
    return [candidates[0].part_number for candidates in ranked.values() if candidates]


def assemble_stage(state: JobState, ctx: StageContext) -> str:
    account = state.customer.account
    terms = load_terms(ctx.catalog, _best(state.ranked))
    state.order = assemble(
        state.document, state.extraction, state.ranked, terms, account, ctx.settings.pricing
    )
    for line in state.order.lines:
        result = state.matches.get(line.item.line_no)
        if line.match is None and result is not None:
            line.no_match = result.explanation
    return f"total ${state.order.totals.total:,.2f} for {account.name}"


def review_stage(state: JobState, ctx: StageContext) -> str:
    state.order.review = review(state.order, ctx.settings.gates)
    status = state.order.review.status.replace("_", " ")
    reasons = len(state.order.review.reasons)
    return status + (f" ({_plural(reasons, 'reason')})" if reasons else "")


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("ingest", ingest_stage),
    Stage("extract", extract_stage),
    Stage("customer", customer_stage),
    Stage("search", search_stage),
    Stage("match", match_stage),
    Stage("assemble", assemble_stage),
    Stage("review", review_stage),
)
