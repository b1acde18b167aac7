"""Benchmark: parsing the legal-basis citations of 100,000 records.  Target: ≤ 10 s.

Records are the rows of the real 克拉玛依市 权责清单 workbooks (``--real-dir``), each with its
legal-basis cells (实施依据, 责任事项依据…), repeated until there are ``--records`` of them.  Timed in
the same run over the same texts: ``parse_citations`` on every cell, and a raw baseline, a bare
``re.findall(r"《[^》]*》")`` scan that finds the bracketed titles but not which are cited laws, their
articles, tags, notes or provisions.

Also prints the coverage on the real workbooks: citations found, distinct titles, how many resolve
against the national catalogue (``--laws``) compared with a naive exact match after removing a
leading 中华人民共和国, what the unresolved titles are, and the texts left unparsed.

    .venv/bin/python bench/bench_citations.py [--records 100000] [--repeat 1] [--real-dir DIR] [--laws CSV]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "core"))
from test_citations import legal_basis_cells  # noqa: E402  (the tests' reader of the same columns)

from lawgov_desktop.core.citations import LawIndex, is_amendment, parse_citations, unparsed_parts  # noqa: E402

SHARED = ROOT.parent / "shared" / "real-lists"
BRACKETED_TITLE = re.compile(r"《[^》]*》")
PRC = "中华人民共和国"


def real_records(folder: Path) -> list[list[str]]:
    """The legal-basis cells of each row of the workbooks, one list per row."""
    rows: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for workbook, sheet, row, _, text in legal_basis_cells(folder):
        rows[workbook, sheet, row].append(text)
    return list(rows.values())


def best_seconds(action, repeat: int) -> dict[str, float]:  # noqa: ANN001
    """The fastest of ``repeat`` runs: wall-clock seconds, and the CPU seconds of this process (the
    two differ when other work shares the machine)."""
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    wall, cpu = min(runs)
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3)}


def timing(records: list[list[str]], count: int, repeat: int) -> dict[str, object]:
    texts = [text for record in itertools.islice(itertools.cycle(records), count) for text in record]
    found = {}

    def parse() -> None:
        found["citations"] = sum(len(parse_citations(text)) for text in texts)

    def scan() -> None:
        found["bracketed"] = sum(len(BRACKETED_TITLE.findall(text)) for text in texts)

    parse_time = best_seconds(parse, repeat)
    return {"records": count, "cells": len(texts), "characters": sum(map(len, texts)),
            "parse": parse_time, "baseline_findall": best_seconds(scan, repeat),
            "target_seconds": 10, "citations_parsed": found["citations"],
            "bracketed_titles_scanned": found["bracketed"]}


def coverage(folder: Path, records: list[list[str]], catalogue_titles: set[str]) -> dict[str, object]:
    index = LawIndex.from_titles(catalogue_titles)
    texts = [text for record in records for text in record]
    parsed = [(text, parse_citations(text)) for text in texts]
    citations = [citation for _, found in parsed for citation in found]
    resolved = [citation for citation in citations if index.resolve(citation.title)]
    unresolved = Counter(citation.title for citation in citations if not index.resolve(citation.title))
    unparsed = [unparsed_parts(text, found) for text, found in parsed]
    notes_decisions = {decision for citation in citations for decision in citation.amended_by}
    bracketed = [title[1:-1] for text in texts for title in BRACKETED_TITLE.findall(text)]
    naive = [title for title in bracketed if title.removeprefix(PRC) in catalogue_titles]

    def kind(title: str) -> str:
        if is_amendment(title):
            return "amendment decision"
        if title.startswith(("新疆", "自治区")):
            return "regional regulation, rule or document"
        return "departmental rule or national document not in the catalogue"

    return {
        "workbooks": len(list(folder.iterdir())),
        "records": len(records), "legal_basis_cells": len(texts),
        "citations": len(citations), "distinct_titles": len({c.key for c in citations}),
        "citations_with_articles_or_chapters": sum(1 for c in citations if c.articles or c.chapters),
        "resolved_citations": len(resolved), "resolved_share": round(len(resolved) / len(citations), 3),
        "resolved_distinct_titles": len({c.key for c in resolved}),
        "unresolved_citations": sum(unresolved.values()), "unresolved_distinct_titles": len(unresolved),
        "unresolved_by_kind": dict(Counter(kind(title) for title in unresolved)),
        "unresolved_most_cited": unresolved.most_common(8),
        "suspected_typing_errors": [[title, index.closest(title, 1)[0][0]] for title in unresolved
                                    if index.closest(title, 1)[0][1] <= 1],
        "amendment_decisions_named_in_notes": len(notes_decisions),
        "cited_laws_linked_to_an_amendment_decision": sum(1 for c in citations if c.amended_by),
        "cells_with_unparsed_text": sum(1 for parts in unparsed if parts),
        "unparsed_texts": [part[:40] for parts in unparsed for part in parts],
        "every_bracketed_title_naive_vs_index": {
            "bracketed_titles": len(bracketed), "distinct": len(set(bracketed)),
            "naive_exact_match_resolved": len(naive), "naive_distinct": len(set(naive)),
            "naive_laws": len({title.removeprefix(PRC) for title in naive}),
            "naive_share": round(len(naive) / len(bracketed), 3),
            "index_resolved": sum(1 for title in bracketed if index.resolve(title)),
            "index_resolved_laws": len({index.resolve(title) for title in bracketed} - {None}),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--real-dir", type=Path, default=SHARED / "karamay")
    parser.add_argument("--laws", type=Path, default=SHARED / "laws" / "national-laws.csv")
    args = parser.parse_args()
    records = real_records(args.real_dir)
    with args.laws.open(encoding="utf-8") as handle:
        catalogue_titles = {row["标题"] for row in csv.DictReader(handle)}
    print(json.dumps({"timing": timing(records, args.records, args.repeat),
                      "coverage": coverage(args.real_dir, records, catalogue_titles)}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
