"""Recommendations from behaviour (issue 14).

What shoppers do (views, clicks with their position and query, dwell, add-to-cart, purchases,
likes, dislikes: `assistant.profile`) trains three kinds of recommenders, kept in `<home>/recs/`
(or the `recs_home` folder several workers share; `store`):

- `cooc`: item-to-item co-occurrence, co-bought (same shopper) and co-viewed (same session),
  each event decayed with its age, popularity damped (cosine-like normalisation);
- `mf`: matrix factorisation of implicit feedback with the `implicit` library (ALS, served;
  BPR for comparison);
- `twotower`: a PyTorch two-tower model; the item tower reads the item's text embedding (the
  index's stored vector), its category and its price band (plus an id embedding for items with
  history); the user tower reads the recent event sequence and the stated preferences; trained
  with a sampled softmax over in-batch positives and sampled negatives (logQ-corrected). Its item
  vectors go to a Chroma collection of their own so candidates come from a nearest-neighbour
  search like the text candidates.

`service.Recommender` fuses them with text similarity to the shopper's history (the profile
vector) and popularity into one candidate source with a reason per item grounded in the signal
that proposed it; cold start (no usable history, or no trained model) falls back to text and
popularity and says so. `train.train_recs` trains them (`shopassist train recs [--incremental]`);
`events` exports and imports the event log as JSONL (`shopassist events export|import`).
"""
