"""The shopping assistant: configuration, the command line, and (later) the chat agent that
composes retrieval, the shopper's profile and an LLM."""
