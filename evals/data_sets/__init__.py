"""Loaders for the shared real data sets (`evals.paths.shared_data_dir()`: $SHOPASSIST_SHARED_DATA,
else ../shared/data), one module per set, so that `shopassist eval run` scores them next to the
demo shop:

  bitext         Bitext customer-support Q/A as FAQ entries, its labelled phrasings as questions
  ecommerce_faq  the e-commerce FAQ, each entry's own question as its lookup
  catalogs       the Flipkart / Amazon.in / BigBasket catalogs: read, sampled, stored query files,
                 dialogue scenarios from their attributes
  mg_shopdial    MG-ShopDial's shopper turns with a label and the routes that count as sane
  common         what they share (finding files, parsing with a mapping, samples, JSONL, FAQ sets)

Each loader returns `(data, why)`: `data` is None when the set is absent or malformed and `why`
says what is missing (the run records it as a note and goes on).
"""
