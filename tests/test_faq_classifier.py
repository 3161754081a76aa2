"""The FAQ classifier (retrieval/faq_classifier.py): fitted only for FAQs phrased many ways, kept
beside the index in step with its revision, refitted when stale or damaged, and on Bitext's real
phrasings it answers more questions right than nearest-phrasing scoring alone."""

import csv
import logging

import numpy as np
import pytest
from conftest import MAPPINGS, shared_file

from retrieval.faq import FaqLookupService
from retrieval.faq_classifier import MIN_PHRASINGS, FaqClassifier, FaqClassifierSidecar
from retrieval.ingest import ingest_file
from retrieval.mapping import Mapping

PHRASINGS = {
    "track_order": [
        "where is my order", "track my package", "has my parcel shipped yet", "when will my order arrive",
        "I want to follow my shipment", "status of my delivery", "where is the stuff I bought",
        "can you tell me where my order is now", "my package has not arrived, where is it", "tracking number for my order",
    ],
    "cancel_order": [
        "cancel my order", "I don't want the order any more", "how do I cancel a purchase", "stop my order please",
        "I changed my mind, cancel it", "can I still cancel what I ordered", "call off my order",
        "I need to cancel order 1234", "cancel the purchase I made yesterday", "undo my order",
    ],
    "payment_methods": [
        "which payment methods do you accept", "can I pay with paypal", "do you take credit cards",
        "is cash on delivery possible", "can I pay by bank transfer", "what ways can I pay",
        "do you accept apple pay", "payment options", "can I use a debit card", "how can I pay for my order",
    ],
}
ANSWERS = {"track_order": "Open Orders and press Track.", "cancel_order": "Orders can be cancelled before they ship.",
           "payment_methods": "We take cards, PayPal and bank transfer."}


def write_faq(path, phrasings=PHRASINGS):
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["flags", "instruction", "category", "intent", "response"])
        for intent, questions in phrasings.items():
            for q in questions:
                out.writerow(["B", q, "ORDER", intent, ANSWERS[intent]])
    return path


@pytest.fixture
def rich_index(make_index, tmp_path):
    index = make_index()
    ingest_file(index, write_faq(tmp_path / "qa.csv"), "faq", Mapping.load(MAPPINGS / "bitext_faq.toml"), progress=False)
    yield index
    index.close()


def test_thin_faqs_get_no_classifier():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(12, 8)).astype(np.float32)
    assert FaqClassifier.fit(vectors, ["a", "b", "c"] * 4, "r1") is None  # 4 phrasings per entry
    assert FaqClassifier.fit(vectors[:MIN_PHRASINGS], ["a"] * MIN_PHRASINGS, "r1") is None  # one entry
    assert FaqClassifier.fit(np.vstack([vectors, vectors]), ["a", "b"] * 12, "r1") is not None


def test_demo_faq_is_scored_by_phrasings_alone(demo_index):
    # 3-4 phrasings per entry: no classifier, so the lookup is the nearest-phrasing score exactly
    assert FaqClassifierSidecar(demo_index).current() is None
    with_it, without = FaqLookupService(demo_index), FaqLookupService(demo_index, use_classifier=False)
    for question in ("how long does shipping take", "can I return worn shoes"):
        assert with_it.lookup(question).model_dump() == without.lookup(question).model_dump()


def test_fitted_at_load_saved_and_read_by_another_process_view(rich_index):
    sidecar = FaqClassifierSidecar(rich_index)
    assert sidecar.path.is_file(), "the load fits and saves the classifier"
    saved = FaqClassifier.load(sidecar.path)
    assert saved is not None and saved.revision == rich_index.revision()
    assert sorted(saved.entry_ids) == sorted(PHRASINGS)
    stamp = sidecar.path.stat().st_mtime_ns
    current = sidecar.current()
    assert current is not None and np.array_equal(current.coef, saved.coef)
    assert sidecar.path.stat().st_mtime_ns == stamp, "a current sidecar is read, not refitted"
    margins = current.margins(rich_index.embedder.embed(["where's my parcel"])[0])
    assert max(margins, key=margins.get) == "track_order"


def test_lookup_ranks_with_the_classifier_and_answers_from_the_dense_score(rich_index):
    faq = FaqLookupService(rich_index)
    result = faq.lookup("I would like to pay using my visa card")
    assert result.confident and result.matches[0].entry.id == "payment_methods"
    # the decision to answer is the dense score's, so refusals are unchanged
    off = FaqLookupService(rich_index, use_classifier=False).lookup("what is the capital of france")
    on = faq.lookup("what is the capital of france")
    assert not on.confident and not off.confident
    assert {m.entry.id: m.dense_score for m in on.matches} == {m.entry.id: m.dense_score for m in off.matches}
    assert on.matches[0].dense_score < on.threshold


def test_a_new_revision_refits_and_a_damaged_file_is_refitted(rich_index, tmp_path, caplog):
    sidecar = FaqClassifierSidecar(rich_index)
    first = FaqClassifier.load(sidecar.path)
    more = {k: v + [f"{v[0]} please"] for k, v in PHRASINGS.items()}
    ingest_file(rich_index, write_faq(tmp_path / "qa2.csv", more), "faq", Mapping.load(MAPPINGS / "bitext_faq.toml"),
                progress=False)
    reader = FaqClassifierSidecar(rich_index)
    refitted = reader.current()
    assert refitted is not None and first is not None and refitted.revision != first.revision
    assert refitted.revision == rich_index.revision()

    sidecar.path.write_bytes(b"not a numpy file")
    with caplog.at_level(logging.WARNING, logger="retrieval.faq_classifier"):
        again = FaqClassifierSidecar(rich_index).current()
    assert again is not None and "fitted again" in caplog.text
    assert FaqClassifier.load(sidecar.path) is not None, "the damaged file was replaced by a good one"
    assert FaqLookupService(rich_index).lookup("cancel my purchase").matches[0].entry.id == "cancel_order"


def test_on_bitext_the_classifier_answers_more_phrasings_right(embedder, tmp_path):
    """Real data: the whole Q/A file loaded, a stratified sample of the labelled phrasings asked
    with and without the classifier (the full 8,000: `shopassist eval faq-lookup`, 0.957 -> 0.971)."""
    from evals.data_sets.bitext import load_utterances
    from retrieval.store import IndexLocation, ShopIndex

    qa = shared_file("faq/bitext", name_contains="qa", suffixes=(".csv",))
    utterances = shared_file("faq/bitext", name_contains="utterances", suffixes=(".csv",))
    texts, labels = load_utterances(utterances, limit=540)
    with ShopIndex(IndexLocation(home=tmp_path / "home", collection="bitext"), embedder) as index:
        ingest_file(index, qa, "faq", Mapping.load(MAPPINGS / "bitext_faq.toml"), progress=False)
        vectors = embedder.embed(texts)
        right = {}
        for use in (True, False):
            faq = FaqLookupService(index, use_classifier=use)
            answers = [faq.lookup(t, query_vector=v).best() for t, v in zip(texts, vectors)]
            right[use] = sum(a is not None and a.entry.id == y for a, y in zip(answers, labels)) / len(labels)
    assert right[True] >= right[False] + 0.005, right
    assert right[True] >= 0.95, right
