"""One module per evaluation suite; `evals.run` composes them."""
