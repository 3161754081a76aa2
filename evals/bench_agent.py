"""`shopassist bench agent`: per-stage latency of chat turns on the demo shop, with the embedded
LLM and with the LLM stages switched off, in one run; plus the embedded model's raw speed.

Stages: understand (rules, FAQ routing, LLM intent when used), retrieve, rank_explain (the LLM
stage), answer (FAQ). `first_token` is the first streamed text the shopper sees; `first_product`
the first product line. Targets (embedded model, 2 cores): first token p50 <= 1.5 s, whole turn
p50 <= 4 s.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from assistant.events import Final, Products
from assistant.settings import Settings

SCRIPT = [
    ["I'm looking for headphones under 200", "in navy", "cheaper ones", "not Decibelle", "show me something else"],
    ["sneakers for everyday wear", "under 90", "in black", "do these ship free?"],
    ["a gift for someone who loves coffee", "how long do refunds take?", "something for yoga under 40"],
    ["waterproof jacket for hiking", "more expensive", "do you ship to canada?"],
]


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def run_turns(agent, rounds: int) -> dict[str, list[float]]:
    stages: dict[str, list[float]] = {}
    for r in range(rounds):
        for n, conversation in enumerate(SCRIPT):
            session = f"bench-{r}-{n}-{time.time_ns()}"
            for message in conversation:
                started = time.perf_counter()
                first_product = None
                result = None
                for event in agent.turn_stream(message, session, "bench-user"):
                    if isinstance(event, Products) and first_product is None:
                        first_product = (time.perf_counter() - started) * 1000
                    if isinstance(event, Final):
                        result = event.result
                if result is None:
                    raise RuntimeError(f"the turn {message!r} ended without a final result")
                for stage, ms in result.timings_ms.items():
                    stages.setdefault(stage, []).append(ms)
                if first_product is not None:
                    stages.setdefault("first_product", []).append(first_product)
    return stages


def model_speed(llm) -> tuple[float, float]:
    """(prompt tokens/s, generated tokens/s) of the embedded model on a fixed prompt."""
    prompt = "Describe what makes a good running shoe for a beginner. " * 12
    messages = [{"role": "user", "content": prompt}]
    prompt_tokens = llm.count_tokens(prompt)
    started = time.perf_counter()
    first = None
    chunks = 0
    for _ in llm.stream(messages, max_tokens=64, temperature=0.7):
        if first is None:
            first = time.perf_counter()
        chunks += 1
    end = time.perf_counter()
    if first is None:
        raise RuntimeError("the model streamed no tokens")
    return prompt_tokens / (first - started), (chunks - 1) / max(end - first, 1e-9)


def run_agent_benchmark(settings: Settings, rounds: int = 2) -> int:
    from assistant.demo import load_demo
    from assistant.shop import Shop

    with tempfile.TemporaryDirectory() as tmp:
        shop = Shop.open(settings.model_copy(update={"home": Path(tmp)}))
        print("loading the demo shop...")
        load_demo(shop)
        results = {}
        print("turns with the LLM stages off...")
        results["LLM off"] = run_turns(shop.assistant(llm=None), rounds)
        llm = shop.llm
        if llm is not None:
            print(f"turns with {llm.name}...")
            results["LLM on"] = run_turns(shop.assistant(), rounds)
        turns = sum(len(c) for c in SCRIPT) * rounds
        print(f"\n{turns} turns per configuration ({rounds} rounds of {len(SCRIPT)} conversations)\n")
        header = f"{'stage (ms)':16}" + "".join(f"{name + ' p50':>14}{name + ' p95':>14}" for name in results)
        print(header)
        print("-" * len(header))
        for stage in ["understand", "retrieve", "rank_explain", "answer", "first_token", "first_product", "total"]:
            row = f"{stage:16}"
            for stages in results.values():
                values = stages.get(stage, [])
                row += f"{_pct(values, 50):14.0f}{_pct(values, 95):14.0f}"
            print(row)
        if llm is not None and hasattr(llm, "count_tokens"):
            prompt_tps, gen_tps = model_speed(llm)
            print(f"\nembedded model: prompt processing {prompt_tps:.0f} tokens/s, generation {gen_tps:.0f} tokens/s ({llm.name})")
        if "LLM on" in results:
            on = results["LLM on"]
            ttft, total = _pct(on.get("first_token", []), 50), _pct(on.get("total", []), 50)
            print(f"\ntargets with the LLM on: first token p50 {ttft / 1000:.2f} s (<= 1.5 s: {'PASS' if ttft <= 1500 else 'FAIL'}), "
                  f"whole turn p50 {total / 1000:.2f} s (<= 4 s: {'PASS' if total <= 4000 else 'FAIL'})")
            ratio = statistics.median(on["total"]) / max(statistics.median(results["LLM off"]["total"]), 1e-9)
            print(f"LLM on / LLM off whole-turn p50 ratio: {ratio:.1f}x")
    return 0
