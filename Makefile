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

.PHONY: install demo test bench eval-faq clean

install: $(STAMP)

$(STAMP): pyproject.toml Makefile
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first, pinned to the CPU wheel: an unpinned torch pulls a multi-GB CUDA build.
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[test]'
	@touch $@

demo: install
	$(VENV)/bin/shopassist demo

test: install
	$(PY) -m pytest

bench: install
	$(VENV)/bin/shopassist bench index --items 10000

eval-faq: install
	$(VENV)/bin/shopassist eval faq-lookup

clean:
	rm -rf $(VENV) .shopassist .pytest_cache
