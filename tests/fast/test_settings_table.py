"""The README's configuration table is the settings object's own (it cannot drift)."""

import re

from assistant.settings import Settings, settings_table
from tests.conftest import REPO


def test_readme_lists_every_setting_as_settings_table_prints_it():
    readme = (REPO / "README.md").read_text("utf-8")
    found = re.search(r"<!-- settings-table: start -->\n(.*?)\n<!-- settings-table: end -->", readme, re.S)
    assert found, "README.md lost its settings-table markers"
    assert found.group(1).strip() == settings_table().strip(), "regenerate with: python -m assistant.settings"
    assert all(f"SHOPASSIST_{name.upper()}" in found.group(1) for name in Settings.model_fields)


def test_every_setting_says_what_it_is_for():
    assert [n for n, f in Settings.model_fields.items() if not f.description] == []
