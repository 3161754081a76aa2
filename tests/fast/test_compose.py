"""compose.yaml (the several-workers recipe in containers) agrees with the code it runs: every
SHOPASSIST_ variable it sets is a setting, the workers start after the migration and the servers
they need, share one recs folder on a volume, and the image pins what the Makefile pins. Read
as YAML only; Docker is never run."""

import re

import pytest

from assistant.settings import Settings
from tests.conftest import REPO

yaml = pytest.importorskip("yaml")


def _compose() -> dict:
    return yaml.safe_load((REPO / "compose.yaml").read_text("utf-8"))


def _environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):  # the KEY=VALUE form
        env = dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


def _workers(services: dict) -> dict[str, dict]:
    return {name: s for name, s in services.items() if "serve" in (s.get("command") or [])}


def test_every_shopassist_variable_is_a_setting():
    services = _compose()["services"]
    used = {key for s in services.values() for key in _environment(s) if key.startswith("SHOPASSIST_")}
    assert used, "compose.yaml sets no SHOPASSIST_ variable"
    unknown = sorted(k for k in used if k.removeprefix("SHOPASSIST_").lower() not in Settings.model_fields)
    assert unknown == []


def test_the_workers_start_after_the_migration_and_the_servers_they_use():
    services = _compose()["services"]
    workers = _workers(services)
    assert len(workers) >= 2
    assert services["migrate"]["command"] == ["shopassist", "db", "migrate"]
    for name, worker in workers.items():
        conditions = {dep: spec["condition"] for dep, spec in worker["depends_on"].items()}
        assert conditions["migrate"] == "service_completed_successfully", name
        assert conditions["postgres"] == conditions["chroma"] == "service_healthy", name
        assert "/healthz" in " ".join(worker["healthcheck"]["test"]), name
        env = _environment(worker)
        assert "@postgres:" in env["SHOPASSIST_DATABASE_URL"] and env["SHOPASSIST_CHROMA_HOST"] == "chroma", name
    for server in ("postgres", "chroma", "llm"):
        assert services[server].get("healthcheck"), server
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    llm = services["llm"]["command"]
    assert llm[llm.index("-np") + 1] == "4"


def test_the_workers_share_one_recs_folder_on_a_named_volume():
    compose = _compose()
    workers = _workers(compose["services"])
    mounts = set()
    for name, worker in workers.items():
        folder = _environment(worker)["SHOPASSIST_RECS_HOME"]
        volumes = [v.split(":") for v in worker["volumes"]]
        mounted = [source for source, target, *_ in volumes if target == folder]
        assert mounted and mounted[0] in compose["volumes"], name
        mounts.add((mounted[0], folder))
    assert len(mounts) == 1  # the same volume at the same path in every worker


def test_the_image_pins_what_the_makefile_pins():
    makefile = (REPO / "Makefile").read_text("utf-8")
    dockerfile = (REPO / "Dockerfile").read_text("utf-8")
    assert dockerfile.startswith("#") and "FROM python:3.11-slim" in dockerfile
    llama = re.search(r"^LLAMA_VERSION := (\S+)", makefile, re.M)
    torch = re.search(r"torch==(\S+)", makefile)
    assert llama and torch
    assert f"ARG LLAMA_VERSION={llama.group(1)}" in dockerfile
    assert f"torch=={torch.group(1)}" in dockerfile and "download.pytorch.org/whl/cpu" in dockerfile
