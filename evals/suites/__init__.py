"""One module per evaluation suite, each registering itself with `@evals.registry.suite`;
every module here is imported when the registry is first read, and `evals.run` runs them."""
