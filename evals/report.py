"""Writing an eval report (report.json, report.md, report.html with embedded matplotlib plots),
comparing two report.json files, and checking one against evals/thresholds.toml. The report
renders whatever the suites returned (report["suites"]: metrics per configuration); headline
rows and targets come from each registered suite (evals/registry.py)."""

from __future__ import annotations

import base64
import html
import io
import json
import math
import tomllib
from pathlib import Path
from typing import Any

from evals.registry import fmt, get, registered

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.toml"
# Metrics where smaller is better; counts and timings of the run itself are informational.
LOWER_IS_BETTER = ("hallucinated_product_rate", "ungrounded_price_rate")
INFORMATIONAL = ("queries", "questions", "out_of_scope_questions", "turns", "seconds", "shoppers", "abstention_rate")


def _clean(obj: Any) -> Any:
    """NaN is not JSON: write it as null."""
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    return obj


def tables_md(report: dict) -> str:
    lines = []
    for suite, by_config in report["suites"].items():
        metrics = list(dict.fromkeys(m for c in by_config.values() for m in c))
        lines += [f"## {suite}", "", "| metric | " + " | ".join(by_config) + " |", "|---|" + "---:|" * len(by_config)]
        for m in metrics:
            lines.append(f"| {m} | " + " | ".join(fmt(by_config[c].get(m, float("nan"))) for c in by_config) + " |")
        lines.append("")
    return "\n".join(lines)


def targets(report: dict) -> list[dict]:
    """The "must show" targets, each met / not met / not measured, from the figures of this
    report only: every registered suite's `targets(report)`, in the suites' order."""
    out = []
    for suite in registered():
        for t in suite.targets(report) if suite.targets else []:
            if not {"target", "status", "detail"} <= set(t):
                raise ValueError(f"suite {suite.name}: a target needs 'target', 'status' and 'detail' "
                                 f"(make it with evals.registry.target), not {sorted(t)}")
            out.append(t)
    return out


def targets_md(report: dict) -> str:
    rows = [f"| {t['target']} | **{t['status']}** | {t['detail']} |" for t in targets(report)]
    return "\n".join(["## Targets", "", "| target | status | figures |", "|---|---|---|", *rows, ""])


def headline_md(report: dict) -> str:
    """One row per suite and configuration: the suite's own `headline`, else its first figures."""
    rows = []
    for suite_name, by_config in report["suites"].items():
        spec = get(suite_name)
        for config, m in by_config.items():
            figures = spec.headline(config, m) if spec and spec.headline else _first_figures(m)
            rows.append(f"| {suite_name} | {config} | {figures} |")
    return "\n".join(["## Headline", "", "| suite | config | figures |", "|---|---|---|", *rows, ""])


def _first_figures(metrics: dict, n: int = 4) -> str:
    return ", ".join(f"{k} {fmt(v)}" for k, v in list(metrics.items())[:n])


def markdown(report: dict) -> str:
    out = ["# shopassist eval report", "", f"Created {report['created']} on {report['machine'].get('platform')} "
           f"({report['machine'].get('cpus')} CPUs); run took {report.get('seconds', '?')} s; configs: {', '.join(report.get('configs', []))}"
           + (" (--fast)" if report.get("fast") else "") + ".", ""]
    out.append(headline_md(report))
    out.append(targets_md(report))
    out += ["Definitions: retrieval NDCG@10 uses graded labels (2 = satisfies every hard constraint of the query and has "
            "every soft attribute it describes, 1 = satisfies every hard constraint only, 0 = violates one); "
            "`ndcg_at_10_exact_only` counts grade-2 items only. Recall@10 = grade-2 items found / min(10, grade-2 items). "
            "MRR = first grade-2 item. constraint_precision = share of returned items satisfying the labelled constraints, "
            "end to end (the rule-based understanding turns the query text into filters); filter_precision = the same with "
            "the labelled constraints passed as filters. FAQ accuracy@1 counts \"no confident match\" as wrong; only the "
            "hybrid (calibrated FaqLookupService) configuration can abstain. Sets: evals/data/ (retrieval_demo.jsonl from "
            "`python -m evals.gen_retrieval`, faq_demo.jsonl, dialogues.json).", ""]
    out.append(tables_md(report))
    for spec in registered():
        if spec.sections_md is not None and spec.name in report.get("suites", {}):
            out.append(spec.sections_md(report))
    if report.get("notes"):
        out += ["## Notes", "", *[f"- {n}" for n in report["notes"]], ""]
    out += [f"## Failures ({len(report['failures'])})", ""]
    for f in report["failures"]:
        out.append(f"- **{f['suite']} / {f['config']} / {f['id']}**: `{f['input']}` expected `{json.dumps(f['expected'])}` got `{json.dumps(f['got'])[:300]}`")
    return "\n".join(out) + "\n"


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def plots(report: dict) -> list[tuple[str, str]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    images = []
    for suite, by_config in report["suites"].items():
        if suite == "latency":
            continue
        configs = list(by_config)
        metrics = [m for m in dict.fromkeys(m for c in by_config.values() for m in c)
                   if m not in INFORMATIONAL and not m.startswith("ms_") and all(
                       isinstance(by_config[c].get(m), (int, float)) and (by_config[c].get(m) or 0) <= 1.0 for c in configs)]
        if not metrics:
            continue
        fig, ax = plt.subplots(figsize=(max(6, 0.9 * len(metrics) * max(1, len(configs)) / 2), 3.6))
        width = 0.8 / len(configs)
        x = np.arange(len(metrics))
        for i, c in enumerate(configs):
            vals = [by_config[c].get(m) for m in metrics]
            vals = [0 if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in vals]
            ax.bar(x + i * width, vals, width, label=c)
        ax.set_xticks(x + width * (len(configs) - 1) / 2, metrics, rotation=30, ha="right", fontsize=8)
        ax.set_ylim(0, 1.05)
        ax.set_title(f"{suite}: metric per configuration")
        ax.legend(fontsize=7)
        images.append((f"{suite}", _png(fig)))
    if report.get("latency"):
        fig, ax = plt.subplots(figsize=(7, 3.6))
        data, labels = [], []
        for config, stages in report["latency"].items():
            for stage, d in stages.items():
                if d["values"]:
                    data.append(d["values"])
                    labels.append(f"{config}\n{stage}")
        if data:
            ax.boxplot(data, showfliers=True)
            ax.set_xticks(range(1, len(labels) + 1), labels, rotation=45, ha="right", fontsize=7)
            ax.set_yscale("log")
            ax.set_ylabel("ms")
            ax.set_title("latency per stage (dialogue turns)")
            images.append(("latency", _png(fig)))
        else:
            plt.close(fig)
    return images


def html_report(report: dict) -> str:
    esc = html.escape
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>shopassist eval report</title>",
             "<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}"
             "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}"
             "code{background:#f4f4f4}</style></head><body>",
             f"<h1>shopassist eval report</h1><p>Created {esc(report['created'])}; {esc(str(report['machine']))}; "
             f"{report.get('seconds', '?')} s; configs {esc(', '.join(report.get('configs', [])))}</p>"]
    parts.append("<h2>Targets</h2><table><tr><th>target</th><th>status</th><th>figures</th></tr>" + "".join(
        f"<tr><td>{esc(t['target'])}</td><td><b>{esc(t['status'])}</b></td><td>{esc(t['detail'])}</td></tr>" for t in targets(report)) + "</table>")
    for suite, by_config in report["suites"].items():
        metrics = list(dict.fromkeys(m for c in by_config.values() for m in c))
        parts.append(f"<h2>{esc(suite)}</h2><table><tr><th>metric</th>" + "".join(f"<th>{esc(c)}</th>" for c in by_config) + "</tr>")
        for m in metrics:
            parts.append(f"<tr><td>{esc(m)}</td>" + "".join(f"<td>{esc(fmt(by_config[c].get(m, float('nan'))))}</td>" for c in by_config) + "</tr>")
        parts.append("</table>")
    for title, b64 in plots(report):
        parts.append(f"<h3>{esc(title)}</h3><img alt='{esc(title)}' src='data:image/png;base64,{b64}'>")
    if report.get("notes"):
        parts.append("<h2>Notes</h2><ul>" + "".join(f"<li>{esc(n)}</li>" for n in report["notes"]) + "</ul>")
    parts.append(f"<h2>Failures ({len(report['failures'])})</h2><table><tr><th>suite / config / id</th><th>input</th><th>expected</th><th>got</th></tr>")
    for f in report["failures"]:
        parts.append(f"<tr><td>{esc(f['suite'])} / {esc(f['config'])} / {esc(str(f['id']))}</td><td style='text-align:left'>{esc(f['input'])}</td>"
                     f"<td style='text-align:left'><code>{esc(json.dumps(f['expected']))}</code></td>"
                     f"<td style='text-align:left'><code>{esc(json.dumps(f['got'])[:500])}</code></td></tr>")
    parts.append("</table></body></html>")
    return "\n".join(parts)


def write_reports(report: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    clean = _clean(report | {"targets": targets(report)})
    (folder / "report.json").write_text(json.dumps(clean, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (folder / "report.md").write_text(markdown(report), "utf-8")
    (folder / "report.html").write_text(html_report(report), "utf-8")


# --- compare and thresholds ---------------------------------------------------------------------


def _flat(report: dict) -> dict[tuple[str, str, str], float]:
    return {(s, c, m): v for s, by_c in report.get("suites", {}).items() for c, ms in by_c.items() for m, v in ms.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool)}


def compare(a: dict, b: dict, tolerance: float = 0.02) -> tuple[list[str], list[str]]:
    """Lines describing each metric's change from report a to report b, and the regressions:
    a quality metric worse by more than `tolerance` (absolute). Latency and run-size figures are
    shown but never flagged (too noisy on shared machines)."""
    fa, fb = _flat(a), _flat(b)
    lines, regressions = [], []
    for k in sorted(set(fa) | set(fb)):
        s, c, m = k
        va, vb = fa.get(k), fb.get(k)
        if va is None or vb is None:
            lines.append(f"{s}/{c}/{m}: {fmt(va) if va is not None else 'absent'} -> {fmt(vb) if vb is not None else 'absent'}")
            continue
        if any(isinstance(v, float) and math.isnan(v) for v in (va, vb)):
            continue
        delta = vb - va
        flag = ""
        informational = s == "latency" or m in INFORMATIONAL or m.startswith("ms_") or m.endswith("_ms")
        if not informational:
            worse = delta if m in LOWER_IS_BETTER else -delta
            if worse > tolerance:
                flag = "  REGRESSION"
                regressions.append(f"{s}/{c}/{m}: {fmt(va)} -> {fmt(vb)} ({delta:+.3f})")
        lines.append(f"{s}/{c}/{m}: {fmt(va)} -> {fmt(vb)} ({delta:+.3f}){flag}")
    return lines, regressions


def run_compare(path_a: Path, path_b: Path, tolerance: float = 0.02) -> int:
    a = json.loads(Path(path_a).read_text("utf-8"))
    b = json.loads(Path(path_b).read_text("utf-8"))
    for r in (a, b):
        if r.get("schema") != 1:
            raise ValueError(f"unsupported report schema {r.get('schema')!r} (expected 1)")
    lines, regressions = compare(_nan(a), _nan(b), tolerance)
    print("\n".join(lines))
    if regressions:
        print(f"\n{len(regressions)} regression(s) beyond tolerance {tolerance}:")
        print("\n".join("  " + r for r in regressions))
        return 1
    print(f"\nno regression beyond tolerance {tolerance}")
    return 0


def _nan(report: dict) -> dict:
    """null (NaN in the JSON) back to NaN."""
    report = dict(report)
    report["suites"] = {s: {c: {m: (float("nan") if v is None else v) for m, v in ms.items()} for c, ms in by_c.items()}
                        for s, by_c in report.get("suites", {}).items()}
    return report


def check_thresholds(report: dict, path: Path = THRESHOLDS) -> list[str]:
    """'metric, value, threshold' lines for every check the report fails (a missing metric fails)."""
    checks = tomllib.loads(Path(path).read_text("utf-8")).get("check", [])
    problems = []
    for ch in checks:
        value = report.get("suites", {}).get(ch["suite"], {}).get(ch["config"], {}).get(ch["metric"])
        name = f"{ch['suite']}/{ch['config']}/{ch['metric']}"
        if value is None or (isinstance(value, float) and math.isnan(value)):
            problems.append(f"{name}, missing, {'>=' if 'min' in ch else '<='} {ch.get('min', ch.get('max'))}")
        elif "min" in ch and value < ch["min"]:
            problems.append(f"{name}, {value:.4f}, >= {ch['min']}")
        elif "max" in ch and value > ch["max"]:
            problems.append(f"{name}, {value:.4f}, <= {ch['max']}")
    return problems
