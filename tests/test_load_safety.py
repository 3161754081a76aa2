"""Loads never lose valid data (issue 9): each test reproduces what a tester found.

1. `--sync` with an empty, header-only, wrongly delimited or broken-quote file removed the catalog.
2. One unclosed quote in a CSV swallowed the valid rows after it.
3. The rejects file cut rows at 500 characters, so they could not be fixed and reloaded.
4. Prices parsed wrongly without a word ("1e308" → 1308, "Rs. 1,099" → 1.099; Infinity accepted).
5. Empty and fully rejected files exited 0 without a warning; operational errors printed tracebacks.

Real components throughout: the embedding model, Chroma (embedded and server), the CLI as a
subprocess.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.ingest import SyncRefused, ingest_file, parse_file
from retrieval.mapping import Mapping
from retrieval.readers import FileError, RawRow, RowError, read_rows
from retrieval.store import ShopIndex
from tests.conftest import MAPPINGS, SHARED_DATA, shared_file

SHOPASSIST = str(Path(sys.executable).parent / "shopassist")

HEADER = "id,title,price,brand,description"
ROWS = [
    'p1,Trail Runner Shoe,89.99,Stridewell,"Grippy trail shoe, for wet rock."',
    "p2,City Sneaker,59.50,Urbanlo,Leather sneaker for every day.",
    'p3,Yoga Mat,25,Asanara,"Non-slip mat,\n6 mm thick."',  # a legitimate multi-line quoted field
    "p4,Wool Beanie,19,Kavi,Warm knit hat.",
    "p5,Rain Jacket,120,Stridewell,Packable shell.",
    "p6,Water Bottle,15,Asanara,Steel bottle.",
]


def write_csv(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def state(index: ShopIndex) -> dict[str, str]:
    """Every record id with its content hash: equal states mean nothing was written."""
    return {rid: meta["content_hash"] for b in index.iter_records(include=["metadatas"])
            for rid, meta in zip(b["ids"], b["metadatas"])}


@pytest.fixture
def loaded(make_index, tmp_path):
    index = make_index()
    report = ingest_file(index, write_csv(tmp_path / "catalog.csv", ROWS), "product", progress=False)
    assert report.added == 6 and report.rejected == 0
    return index


# --- 1. --sync never takes the catalog down ----------------------------------------------------

@pytest.mark.parametrize("content", ["", HEADER + "\n", "\n\n"], ids=["empty", "header-only", "blank-lines"])
def test_sync_never_runs_on_a_file_without_valid_rows(loaded, tmp_path, content):
    before = state(loaded)
    path = tmp_path / "export.csv"
    path.write_text(content, encoding="utf-8")
    for force in (False, True):  # not even with --force
        with pytest.raises(SyncRefused, match="no valid product rows.*nothing was changed"):
            ingest_file(loaded, path, "product", sync=True, force=force, progress=False)
    assert state(loaded) == before


def test_sync_on_a_fully_rejected_file_changes_nothing(loaded, tmp_path):
    before = state(loaded)
    rows = [r.replace(",89.99,", ",n/a,").replace(",59.50,", ",n/a,") for r in ROWS[:2]]
    with pytest.raises(SyncRefused, match=r"no valid product rows \(2 read, 2 rejected\)"):
        ingest_file(loaded, write_csv(tmp_path / "bad.csv", rows), "product", sync=True, progress=False)
    assert state(loaded) == before


def test_sync_on_a_wrongly_delimited_file_is_a_file_error(loaded, tmp_path):
    before = state(loaded)
    semicolons = [r.replace(",", ";") for r in ROWS if "\n" not in r]
    path = write_csv(tmp_path / "semi.csv", semicolons, HEADER.replace(",", ";"))
    with pytest.raises(FileError, match=r"semicolon-separated \(';'\).*delimiter = \";\""):
        ingest_file(loaded, path, "product", sync=True, progress=False)
    assert state(loaded) == before


def test_sync_with_one_broken_quote_keeps_all_six_products(loaded, tmp_path):
    """The tester's file: one unclosed quote took six products down to one."""
    rows = list(ROWS)
    rows[1] = 'p2,"City Sneaker,59.50,Urbanlo,Leather sneaker for every day.'  # the quote never closes
    rejects = tmp_path / "rejects.jsonl"
    report = ingest_file(loaded, write_csv(tmp_path / "export.csv", rows), "product", sync=True,
                         rejects_path=rejects, progress=False)
    assert loaded.item_ids("product") == {f"p{i}" for i in range(1, 7)}
    assert (report.removed, report.rejected, report.unchanged) == (0, 1, 5)
    (reject,) = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert reject["line"] == 3 and reject["id"] == "p2" and reject["row"] == rows[1]
    assert "broken quote" in reject["reason"]


def test_sync_refuses_to_remove_more_than_the_allowed_share(loaded, tmp_path):
    before = state(loaded)
    four = write_csv(tmp_path / "four.csv", ROWS[:4])  # would remove p5 and p6: 2 of 6 = 33 %
    with pytest.raises(SyncRefused, match=r"remove 2 of the 6 products \(33%\), more than the 20% allowed; nothing was changed"):
        ingest_file(loaded, four, "product", sync=True, progress=False)
    assert state(loaded) == before
    five = write_csv(tmp_path / "five.csv", ROWS[:5])  # 1 of 6 = 17 %: within the default share
    assert ingest_file(loaded, five, "product", sync=True, progress=False).removed == 1
    report = ingest_file(loaded, four, "product", sync=True, max_remove_share=0.25, force=True, progress=False)
    assert report.removed == 1 and loaded.item_ids("product") == {"p1", "p2", "p3", "p4"}
    with pytest.raises(ValueError, match="between 0 and 1"):
        ingest_file(loaded, four, "product", sync=True, max_remove_share=20, progress=False)


def test_sync_keeps_the_ids_of_rows_it_could_not_parse(make_index, tmp_path):
    """Rows too broken to become a record still name their id: those items stay."""
    index = make_index()
    products = [{"id": f"j{i}", "title": f"Item {i}", "price": 10 + i} for i in range(1, 7)]
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in products) + "\n")
    ingest_file(index, path, "product", progress=False)
    lines = [json.dumps(p) for p in products[:4]]
    lines[1] = '{"id": "j2", "title": "Item 2", "price": 12,'  # invalid JSON, id still legible
    lines.append('{"id": "j5", "title": "Item 5", "price": Infinity}')  # a non-finite price
    lines.append('{"id": "j6", "title": "Item 6", "price": "1e308"}')  # scientific notation
    path.write_text("\n".join(lines) + "\n")
    report = ingest_file(index, path, "product", sync=True, progress=False)
    assert report.rejected == 3 and report.removed == 0
    assert index.item_ids("product") == {f"j{i}" for i in range(1, 7)}


def test_sync_refuses_removals_while_a_rejected_row_has_no_readable_id(loaded, tmp_path):
    before = state(loaded)
    rows = ROWS[:5] + [",Nameless,5,X,no id"]  # p6 would go; the nameless row might be p6
    path = write_csv(tmp_path / "export.csv", rows)
    with pytest.raises(SyncRefused, match="1 rejected rows .* no readable id \\(first at line 8\\)"):
        ingest_file(loaded, path, "product", sync=True, progress=False)
    assert state(loaded) == before
    assert ingest_file(loaded, path, "product", sync=True, force=True, progress=False).removed == 1


# --- 2. a broken quote costs only its own row --------------------------------------------------

def test_unclosed_quote_rejects_only_its_own_line(tmp_path):
    rows = list(ROWS)
    rows[0] = 'p1,"Trail Runner Shoe,89.99,Stridewell,Grippy trail shoe.'
    parsed = parse_file(write_csv(tmp_path / "p.csv", rows), "product")
    assert [item.id for _, item in parsed.items] == ["p2", "p3", "p4", "p5", "p6"]
    assert parsed.items[1][1].description == "Non-slip mat,\n6 mm thick."  # the real multi-line field is intact
    assert [(r.line, r.item_id) for r in parsed.rejects] == [(2, "p1")]


def test_a_swallowed_record_with_the_right_column_count_is_not_loaded(tmp_path):
    """The unclosed quote ends at the next row's opening quote: Python's csv reader then returns
    one record of the right width holding two rows. It must not load as a product."""
    path = tmp_path / "p.csv"
    path.write_text('id,title,price\nq1,"Broken title,5\nq2,"Quoted title",6\nq3,Fine,7\n')
    rows = list(read_rows(path, "csv"))
    assert [(type(r), r.line) for r in rows] == [(RowError, 2), (RawRow, 3), (RawRow, 4)]
    assert rows[1].fields == {"id": "q2", "title": "Quoted title", "price": "6"}
    assert rows[0].raw == 'q1,"Broken title,5' and rows[0].fields["id"] == "q1"


def test_unclosed_quote_on_the_last_line_is_rejected(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text('id,title\nq1,Fine\nq2,"Cut short')
    rows = list(read_rows(path, "csv"))
    assert isinstance(rows[0], RawRow) and isinstance(rows[1], RowError) and "broken quote" in rows[1].reason


def test_a_malformed_multi_line_row_is_one_reject_with_its_whole_text(tmp_path):
    path = tmp_path / "p.csv"
    broken = 'm2,"A long\ndescription\nover lines" ,extra,9'  # four columns, not three
    path.write_text(f'id,description,price\nm1,"Fine,\nmulti-line",5\n{broken}\nm3,Fine,7\n')
    rows = list(read_rows(path, "csv"))
    assert [(type(r), r.line) for r in rows] == [(RawRow, 2), (RowError, 4), (RawRow, 7)]
    assert rows[1].raw == broken and "expected 3 columns" in rows[1].reason


@pytest.mark.parametrize("delimiter,name", [(";", "semicolon"), ("\t", "tab"), ("|", "pipe")])
def test_a_wrong_delimiter_is_a_file_error_naming_the_right_one(tmp_path, delimiter, name):
    path = tmp_path / "p.csv"
    path.write_text(f"id{delimiter}title{delimiter}price\na1{delimiter}Shoe{delimiter}12,50\n"
                    f"a2{delimiter}Hat{delimiter}5\n")
    with pytest.raises(FileError, match=f"looks {name}-separated"):
        parse_file(path, "product")


def test_a_one_column_file_is_not_taken_for_a_wrong_delimiter(tmp_path):
    path = tmp_path / "titles.csv"
    path.write_text('title\n"Shoe, red"\nHat\n')
    mapping = Mapping.model_validate({"kind": "product", "fields": {"id": {"from": "title", "transform": "hash"},
                                                                    "title": "title"}})
    assert len(parse_file(path, "product", mapping).items) == 2


@pytest.mark.parametrize(
    "folder,mapping,items,rejects",
    [("catalog/flipkart", "flipkart.toml", 999, 0), ("catalog/amazon_in", "amazon_in.toml", 1351, 114)],
)
def test_shared_catalogs_load_the_same_rows_as_before(folder, mapping, items, rejects):
    """Flipkart has 332 legitimate multi-line quoted descriptions; counts as before the resync."""
    parsed = parse_file(shared_file(folder, suffixes=(".csv",)), "product", Mapping.load(MAPPINGS / mapping))
    assert (len(parsed.items), len(parsed.rejects), parsed.duplicates) == (items, rejects, 0)
    assert all(r.reason.startswith("duplicate id") for r in parsed.rejects)  # amazon.csv: one row per review


@pytest.mark.parametrize("name,rows,errors", [("bigbasket_products.csv", 27555, 0),
                                              ("bigbasket_products_with_description_first6079.csv", 6041, 38)])
def test_bigbasket_multi_line_descriptions_still_read(name, rows, errors):
    path = SHARED_DATA / "catalog" / "bigbasket" / name
    if not path.is_file():
        pytest.skip(f"shared real data not found at {path} (set SHOPASSIST_SHARED_DATA)")
    read = list(read_rows(path, "csv"))
    assert sum(isinstance(r, RawRow) for r in read) == rows
    bad = [r for r in read if isinstance(r, RowError)]
    assert len(bad) == errors and all("broken encoding" in r.reason for r in bad)


# --- 3. rejects keep the whole row ---------------------------------------------------------------

def test_rejects_keep_the_whole_raw_row_so_it_can_be_fixed_and_reloaded(make_index, tmp_path):
    index = make_index()
    long_description = "Soft merino. " * 80  # over 1,000 characters
    bad_csv = f'r1,Long Scarf,n/a,Kavi,"{long_description}\nSecond paragraph, after a line break."'
    path = write_csv(tmp_path / "p.csv", [ROWS[1], bad_csv])
    rejects = tmp_path / "rejects.jsonl"
    report = ingest_file(index, path, "product", rejects_path=rejects, progress=False)
    (reject,) = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert report.rejected == 1 and reject["row"] == bad_csv and reject["id"] == "r1"
    # The shop fixes the price in the rejected text and loads it again.
    fixed = write_csv(tmp_path / "fixed.csv", [reject["row"].replace(",n/a,", ",35,")])
    again = ingest_file(index, fixed, "product", progress=False)
    assert again.added == 1 and again.rejected == 0
    meta = index.metadatas(["product:r1"])["product:r1"]
    assert meta["price"] == 35.0


def test_jsonl_and_markdown_rejects_keep_their_original_text(tmp_path):
    long_line = json.dumps({"id": "l1", "title": "T", "price": "twelve", "description": "x" * 2000})
    path = tmp_path / "p.jsonl"
    path.write_text(long_line + "\n")
    (reject,) = parse_file(path, "product").rejects
    assert reject.raw == long_line and reject.item_id == "l1"
    md = tmp_path / "faq.md"
    md.write_bytes(b"## Shipping\n\n### Do you ship abroad?\n<!-- id: abroad -->\n\nYes, to \xff 20 countries.\n\n"
                   b"### Returns?\n\nWithin 30 days.\n")
    parsed = parse_file(md, "faq")
    assert [e.id for _, e in parsed.items] == ["returns"]  # not loaded with a line missing
    (bad,) = parsed.rejects
    assert bad.item_id == "abroad" and "broken encoding" in bad.reason and "Yes, to" in bad.raw


def test_jsonl_lines_split_only_at_newlines(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"id": "u1", "title": "Line\u2028separator inside"}, ensure_ascii=False) + "\n")
    parsed = parse_file(path, "product")
    assert not parsed.rejects and parsed.items[0][1].title == "Line\u2028separator inside"


# --- 4. prices and numbers (parse_price cases are in test_mapping.py) ---------------------------

def test_non_finite_and_scientific_values_are_rejected_with_a_reason(tmp_path):
    lines = [
        {"id": "n1", "title": "A", "price": "1e308"},
        {"id": "n2", "title": "B", "price": "Rs. 1,099"},
        {"id": "n4", "title": "D", "price": 5, "rating": "NaN"},
    ]
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in lines) + '\n{"id": "n3", "title": "C", "price": Infinity}\n')
    parsed = parse_file(path, "product")
    assert [(i.id, i.price) for _, i in parsed.items] == [("n2", 1099.0)]
    reasons = {r.item_id: r.reason for r in parsed.rejects}
    assert reasons["n1"] == "unparsable price '1e308': scientific notation; write the plain amount"
    assert reasons["n3"].startswith("price: Input should be a finite number")
    assert reasons["n4"].startswith("rating: Input should be a finite number")


# --- 5. the command line: exit codes, warnings, one-line errors ----------------------------------

def run(*args, home: Path, check_traceback: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([SHOPASSIST, *map(str, args), "--home", str(home)], capture_output=True, text=True,
                          timeout=300, env=dict(os.environ))
    if check_traceback:
        assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def error_lines(proc) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith(("error:", "warning:"))]


def test_cli_exit_codes_and_warnings(tmp_path):
    home = tmp_path / "home"
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    header = write_csv(tmp_path / "header.csv", [])
    all_bad = write_csv(tmp_path / "bad.csv", ["b1,Hat,abc,X,d", "b2,Cap,n/a,X,d"])
    partial = write_csv(tmp_path / "partial.csv", ROWS[:2] + ["b1,Hat,abc,X,d"])

    for path in (empty, header):
        proc = run("ingest", "catalog", path, home=home)
        assert proc.returncode == 1
        assert error_lines(proc) == [f"warning: {path} has no data rows (empty, or a header only); nothing was loaded"]
    proc = run("ingest", "catalog", all_bad, home=home)
    assert proc.returncode == 1
    (line,) = error_lines(proc)
    assert line.startswith("warning: none of the 2 rows") and line.endswith(str(home / "rejects" / "bad-csv.rejects.jsonl"))
    proc = run("ingest", "catalog", partial, "--rejects", tmp_path / "r.jsonl", home=home)
    assert proc.returncode == 0 and "2 added" in proc.stdout
    assert error_lines(proc) == [f"warning: 1 of 3 rows rejected (the valid ones were loaded); fix them in "
                                 f"{tmp_path / 'r.jsonl'} and load the file again"]


def test_cli_sync_refusal_is_one_line_and_writes_nothing(tmp_path):
    home = tmp_path / "home"
    assert run("ingest", "catalog", write_csv(tmp_path / "all.csv", ROWS), home=home).returncode == 0
    for path in (write_csv(tmp_path / "header.csv", []), write_csv(tmp_path / "two.csv", ROWS[:2])):
        proc = run("ingest", "catalog", path, "--sync", home=home)
        assert proc.returncode == 2
        (line,) = error_lines(proc)
        assert line.startswith("error: --sync refused") and "nothing was changed" in line
    stats = json.loads(run("stats", "--json", home=home).stdout)
    assert stats["products"] == 6
    proc = run("ingest", "catalog", tmp_path / "two.csv", "--sync", "--force", home=home)
    assert proc.returncode == 0 and "4 removed" in proc.stdout
    proc = run("ingest", "catalog", tmp_path / "two.csv", "--sync", "--max-remove-share", "5", home=home)
    assert proc.returncode == 2 and error_lines(proc)[0].startswith("error: --max-remove-share must be between 0 and 1")


def test_cli_wrong_delimiter_is_one_line(tmp_path):
    path = write_csv(tmp_path / "semi.csv", ["a1;Shoe;12,50;X;d"], HEADER.replace(",", ";"))
    proc = run("ingest", "catalog", path, home=tmp_path / "home")
    assert proc.returncode == 2
    (line,) = error_lines(proc)
    assert "looks semicolon-separated" in line and 'delimiter = ";"' in line


def test_cli_operational_errors_are_one_line(tmp_path):
    home = tmp_path / "home"
    catalog = write_csv(tmp_path / "c.csv", ROWS[:2] + ["b1,Hat,abc,X,d"])
    # OSError: the rejects file cannot be written.
    (tmp_path / "a-folder").mkdir()
    proc = run("ingest", "catalog", catalog, "--rejects", tmp_path / "a-folder", home=home)
    assert proc.returncode == 2
    assert error_lines(proc) == [f"error: Is a directory: {tmp_path / 'a-folder'}; check that path (permissions, "
                                 "free disk space), then rerun the same command (nothing already written is lost)"]
    # A BM25 sidecar whose record list no longer matches its BM25 index.
    assert run("ingest", "catalog", catalog, home=home).returncode == 0
    (records,) = home.glob("lexical/*/records.json")
    data = json.loads(records.read_text())
    data["record_ids"], data["metadata"] = data["record_ids"][:1], data["metadata"][:1]
    records.write_text(json.dumps(data))
    for extra in ((), ("--kind", "product")):  # once an IndexError, or numpy's shape error under a filter
        proc = run("search", "shoe sneaker", "--json", *extra, home=home)  # both records match: one was cut
        # The sidecar's parts no longer agree, so it is rebuilt from Chroma instead of read.
        assert proc.returncode == 0, proc.stderr
        assert len(json.loads(proc.stdout)) == 2


def test_cli_sqlite_errors_are_one_line(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "profiles.db").mkdir()  # sqlite3.OperationalError: unable to open database file
    proc = run("profile", "show", "u1", home=home)
    assert proc.returncode == 2
    (line,) = error_lines(proc)
    assert line.startswith("error: database: unable to open database file; check the disk holding")
    (home / "profiles.db").rmdir()
    assert run("profile", "show", "u1", home=home).returncode == 0  # creates the database
    holder = sqlite3.connect(home / "profiles.db", isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # another process holds the profiles database
        proc = run("feedback", "--user", "u1", "--event", "handoff", home=home)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 2
    (line,) = error_lines(proc)
    assert line.startswith("error: database: database is locked; another shopassist process")
