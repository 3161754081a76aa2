"""Query spelling correction (retrieval/spelling.py): catalog words and ordinary English are kept,
typos become the nearest catalog word, run-together words are split, everything else stays as typed."""

import pytest

from retrieval.spelling import QuerySpeller, english_words

FREQUENCY = {"kohler": 20, "koehler": 2, "toilet": 30, "plastic": 10, "bathroom": 8, "towel": 9, "holder": 7,
             "vinyl": 12, "siding": 6, "cedar": 4, "board": 15, "outdoor": 11, "ring": 3}


@pytest.fixture(scope="module")
def speller():
    return QuerySpeller(FREQUENCY, frozenset({"cheaper", "something"}))


@pytest.mark.parametrize("typed, corrected", [
    ("kholer toliet", "kohler toilet"),  # a transposition is one edit
    ("vinly siding", "vinyl siding"),
    ("1x6 cedar boaed", "1x6 cedar board"),
    ("replace plasticbathroom towel holder", "replace plastic bathroom towel holder"),
    ("Kholer 2-piece TOLIET, 1.28 gpf", "kohler 2-piece toilet, 1.28 gpf"),  # only changed words lower-cased
])
def test_typos_become_catalog_words(speller, typed, corrected):
    assert speller.correct(typed) == corrected


@pytest.mark.parametrize("query", [
    "something cheaper",  # ordinary words a catalog may lack
    "Kohler toilets",  # catalog words, plural folded as BM25 folds them
    "t8 2x4 ft",  # short words, codes and sizes
    "zzzzzzzz qqqqqqq",  # nothing near: kept
    "",
    "naïve café ☕",
])
def test_known_short_or_hopeless_words_are_kept(speller, query):
    assert speller.correct(query) == query


def test_ties_go_to_the_word_in_most_products(speller):
    assert speller.word("kohlerr") == "kohler"  # one edit from "kohler" (20), two from "koehler" (2)
    assert QuerySpeller({"ring": 3, "rang": 9}, frozenset()).word("rong") == "rang"


def test_the_model_vocabulary_guards_english():
    words = english_words()
    assert {"cheaper", "something", "search"} <= words and "kholer" not in words and "toliet" not in words


def test_a_hostile_long_query_is_corrected_in_bounded_time(speller):
    query = " ".join(["kholer"] * 200 + ["x" * 5000])
    out = speller.correct(query)
    assert out.split()[:2] == ["kohler", "kohler"] and out.endswith("x" * 5000)


def test_a_speller_reads_its_counts_from_a_real_bm25_index(tmp_path):
    from retrieval.lexical import LexicalIndex
    from retrieval.ranker_features import TermStats

    lexical = LexicalIndex(tmp_path)
    lexical.build(["a", "b", "c"], ["Kohler toilet seat", "Kohler bathroom towel holder", "vinyl siding"],
                  [{}, {}, {}], "r1", persist=False)
    assert lexical.document_frequencies()["kohler"] == 2 and lexical.documents == 3
    speller = QuerySpeller.for_index(lexical, frozenset())
    assert speller.correct("kholer toliet") == "kohler toilet"
    stats = TermStats.from_lexical(lexical)
    assert stats.documents == 3 and stats.idf("vinyl") > stats.idf("kohler")
    empty = LexicalIndex(tmp_path / "empty")
    assert empty.document_frequencies() == {} and empty.documents == 1
