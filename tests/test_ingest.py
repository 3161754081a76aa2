"""Ingestion on both backends (embedded and a real Chroma server): content hashes, updates,
--sync, bad rows (each named failure), rejects file, and that nothing valid is lost."""

import json

import pytest

from retrieval.documents import faq_record_id, product_record_id
from retrieval.ingest import ingest_file
from tests.conftest import DEMO

GOOD = [
    {"id": "g1", "title": "Trail Runner Shoe", "price": 89.99, "brand": "Stridewell", "color": "Black",
     "category": ["Footwear", "Running Shoes"], "sizes": ["8", "9"], "description": "Grippy trail running shoe."},
    {"id": "g2", "title": "City Sneaker", "price": 59.5, "brand": "Urbanlo", "color": "White",
     "category": ["Footwear", "Sneakers"], "description": "Leather sneaker for every day."},
    {"id": "g3", "title": "Yoga Mat", "price": 25, "brand": "Asanara", "color": "Green",
     "category": ["Sports", "Yoga"], "description": "Non-slip mat."},
]


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def product_ids(index):
    return index.item_ids("product")


def test_reingest_unchanged_embeds_nothing_and_updates_changed(make_index, tmp_path):
    index = make_index()
    path = write_jsonl(tmp_path / "p.jsonl", GOOD)
    first = ingest_file(index, path, "product", progress=False)
    assert (first.added, first.updated, first.unchanged, first.rejected) == (3, 0, 0, 0)
    assert first.embedded_records == 3
    again = ingest_file(index, path, "product", progress=False)
    assert (again.added, again.updated, again.unchanged, again.embedded_records) == (0, 0, 3, 0)
    changed = [dict(GOOD[0], price=79.0), GOOD[1], GOOD[2], dict(GOOD[0], id="g4", title="Road Runner")]
    third = ingest_file(index, write_jsonl(tmp_path / "p.jsonl", changed), "product", progress=False)
    assert (third.added, third.updated, third.unchanged, third.embedded_records) == (1, 1, 2, 2)
    meta = index.metadatas([product_record_id("g1")])[product_record_id("g1")]
    assert meta["price"] == 79.0
    assert product_ids(index) == {"g1", "g2", "g3", "g4"}


def test_sync_removes_items_no_longer_in_file_but_keeps_rejected_ids(make_index, tmp_path):
    index = make_index()
    ingest_file(index, write_jsonl(tmp_path / "p.jsonl", GOOD), "product", progress=False)
    # g2 now has a bad price: the row is rejected, but the good copy already indexed must stay.
    # (Removing g3 is a third of this tiny catalog: above the default 20 % guard, so allow it.)
    rows = [GOOD[0], dict(GOOD[1], price="abc")]
    report = ingest_file(index, write_jsonl(tmp_path / "p.jsonl", rows), "product", sync=True, max_remove_share=0.5,
                         progress=False)
    assert report.removed == 1 and report.rejected == 1
    assert product_ids(index) == {"g1", "g2"}
    assert index.lexical.size == index.count()  # BM25 follows the collection


def test_every_bad_row_is_reported_and_every_valid_row_is_indexed(make_index, tmp_path):
    index = make_index()
    lines = [
        json.dumps(GOOD[0]),                                       # 1 ok
        json.dumps({"title": "No id here", "price": 10}),          # 2 missing id
        json.dumps({"id": "x2", "price": 10}),                     # 3 missing title
        json.dumps({"id": "x3", "title": "Bad price", "price": "twelve"}),  # 4 unparsable price
        json.dumps(dict(GOOD[0], title="Same id, other content")),  # 5 duplicate id, different content
        json.dumps(GOOD[1]),                                       # 6 ok
        '{"id": "x4", "title": broken json',                        # 7 invalid JSON
        json.dumps(GOOD[2]),                                       # 8 ok
        json.dumps(GOOD[2]),                                       # 9 identical duplicate: skipped, not an error
        '["not", "an", "object"]',                                  # 10 wrong type
        json.dumps({"id": "x5", "title": "Negative", "price": -3}),  # 11 out of range
    ]
    raw = "\n".join(lines).encode("utf-8") + b"\n" + b'{"id": "x6", "title": "Broken \xff\xfe bytes"}\n'  # 12 encoding
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(raw)
    rejects_file = tmp_path / "rejects.jsonl"
    report = ingest_file(index, path, "product", rejects_path=rejects_file, progress=False)
    assert report.added == 3 and report.duplicates == 1
    assert product_ids(index) == {"g1", "g2", "g3"}
    rejects = [json.loads(line) for line in rejects_file.read_text().splitlines()]
    reasons = {r["line"]: r["reason"] for r in rejects}
    assert reasons[2] == "missing id"
    assert reasons[3] == "missing title"
    assert "price" in reasons[4]
    assert reasons[5] == "duplicate id 'g1' with different content (first seen at line 1)"
    assert reasons[7].startswith("invalid JSON")
    assert reasons[10] == "expected a JSON object, found list"
    assert reasons[11].startswith("price:")
    assert "broken encoding" in reasons[12]
    assert set(reasons) == {2, 3, 4, 5, 7, 10, 11, 12}
    assert report.rejected == 8 and report.rejects_file == str(rejects_file)


def test_csv_bad_rows(make_index, tmp_path):
    index = make_index()
    data = (
        "id,title,price,category,sizes\n"
        "c1,Wool Beanie,\"1,099.00\",Accessories > Hats,S|M\n"
        "c2,Too many,1,2,3,4\n"
        ",No id,5,,\n"
        "c3,Bad bytes \xff,5,,\n".encode("latin-1").decode("latin-1")
    ).encode("latin-1")
    path = tmp_path / "p.csv"
    path.write_bytes(data + b"c4,Scarf,\xe2\x82\xb9349,Accessories,\n")
    report = ingest_file(index, path, "product", progress=False)
    assert product_ids(index) == {"c1", "c4"}
    meta = index.metadatas([product_record_id("c1")])[product_record_id("c1")]
    assert meta["price"] == 1099.0 and meta["sizes"] == ["s", "m"] and meta["cat0"] == "accessories"
    assert report.rejected == 3


def test_faq_markdown_and_phrasing_records(make_index):
    index = make_index()
    report = ingest_file(index, DEMO / "faq.md", "faq", progress=False)
    assert report.rejected == 0 and report.added >= 40
    assert report.faq_threshold is not None
    got = index.metadatas([faq_record_id("shipping-standard-time", 0), faq_record_id("shipping-standard-time", 1)])
    assert len(got) == 2 and all(m["kind"] == "faq" for m in got.values())
    again = ingest_file(index, DEMO / "faq.md", "faq", progress=False)
    assert again.unchanged == report.added and again.embedded_records == 0


def test_faq_entry_edit_replaces_its_phrasings(make_index, tmp_path):
    index = make_index()
    md = tmp_path / "faq.md"
    md.write_text("## Shipping\n\n### Do you ship abroad?\n<!-- id: abroad -->\nAlso asked: International shipping? | Ship to Canada?\n\nYes, to 20 countries.\n")
    ingest_file(index, md, "faq", progress=False)
    assert index.count("faq") == 4  # three phrasings and the answer
    md.write_text("## Shipping\n\n### Do you ship abroad?\n<!-- id: abroad -->\n\nYes, to 25 countries.\n")
    report = ingest_file(index, md, "faq", progress=False)
    assert report.updated == 1 and index.count("faq") == 2


def test_one_index_holds_both_kinds(make_index, tmp_path):
    index = make_index()
    ingest_file(index, write_jsonl(tmp_path / "p.jsonl", GOOD), "product", progress=False)
    ingest_file(index, DEMO / "faq.md", "faq", progress=False)
    kinds = {m["kind"] for b in index.iter_records(include=["metadatas"]) for m in b["metadatas"]}
    assert kinds == {"product", "faq"}
    # syncing the FAQ never touches products
    md = tmp_path / "one.md"
    md.write_text("### Only question?\n\nOnly answer.\n")
    ingest_file(index, md, "faq", sync=True, force=True, progress=False)  # removes every other entry: forced
    assert product_ids(index) == {"g1", "g2", "g3"} and index.item_ids("faq") == {"only-question"}


def test_unreadable_files_fail_with_a_clear_error(make_index, tmp_path):
    from retrieval.readers import FileError

    index = make_index()
    with pytest.raises(FileError, match="no such file"):
        ingest_file(index, tmp_path / "nope.jsonl", "product", progress=False)
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "a", "title": "x"},')
    with pytest.raises(FileError, match="invalid JSON at line 1"):
        ingest_file(index, bad, "product", progress=False)
    odd = tmp_path / "catalog.xlsx"
    odd.write_text("x")
    with pytest.raises(FileError, match="unknown file type"):
        ingest_file(index, odd, "product", progress=False)
    assert index.count() == 0


def test_wrong_embedding_model_is_refused(tmp_path, embedder):
    from retrieval.store import IndexConfigError, IndexLocation, ShopIndex

    location = IndexLocation(home=tmp_path)
    ShopIndex(location, embedder)

    class Other:
        model_id = "some-other-model"
        dimension = embedder.dimension

        def embed(self, texts):
            return embedder.embed(texts)

    with pytest.raises(IndexConfigError, match="built with embedding model 'all-MiniLM-L6-v2'"):
        ShopIndex(location, Other())
