"""SARIF 2.1.0 output, checked field by field against what the specification and GitHub code
scanning require (no package on PyPI ships the OASIS schema file for an offline validation)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from drafting.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED_001 = next((ROOT / "corpus").glob("001_*.txt"))
SEED_003 = next((ROOT / "corpus").glob("003_*.txt"))
LEVELS = {"none", "note", "warning", "error"}


def sarif(*paths, extra=()):
    result = CliRunner().invoke(cli, ["check", "--format", "sarif", *extra, *map(str, paths)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_sarif_log_and_driver():
    log = sarif(SEED_001, SEED_003)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "drafting check"
    assert driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) and ids[0] == "UN000" and "UN102" in ids
    for rule in driver["rules"]:
        assert set(rule) >= {"id", "name", "shortDescription", "fullDescription",
                             "defaultConfiguration", "helpUri"}
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in LEVELS
        assert rule["name"][0].isupper() and "-" not in rule["name"]   # PascalCase, per the spec


def test_sarif_results_have_rule_index_level_message_and_locations():
    log = sarif(SEED_001, SEED_003)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) > 50
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] in LEVELS and r["message"]["text"]
        (loc,) = r["locations"]
        physical = loc["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert uri.endswith(".txt") and ("corpus/" in uri)
        assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1
    lost = [r for r in results if r["ruleId"] == "UN102"]
    assert {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in lost} == {
        "chp_I__para_1", "chp_IV__sec_A__para_82", "chp_IV__sec_A__para_83"}
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in lost} == {7, 237, 247}


def test_sarif_maps_severities_and_keeps_unreadable_inputs(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<akomaNtoso>")
    log = sarif(broken, SEED_003, extra=("--select", "UN605,UN606"))
    results = log["runs"][0]["results"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"UN000": "error", "UN605": "error", "UN606": "warning"}
    un000 = next(r for r in results if r["ruleId"] == "UN000")
    assert "region" not in un000["locations"][0]["physicalLocation"]
    assert un000["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file://")
