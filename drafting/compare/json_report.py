"""The JSON form of a comparison (schema in README, section "compare")."""

from __future__ import annotations

import json

from drafting.compare.render import labels, pair_ops


def pair_json(pair) -> dict:
    return {
        "kind": pair.kind,
        "old": labels(pair.old),
        "new": labels(pair.new),
        "old_eid": pair.old_eids,
        "new_eid": pair.new_eids,
        "unit": (pair.new or pair.old)[0].kind,
        "similarity": round(pair.similarity, 3),
        "formatting": pair.formatting,
        "inline": [list(x) for x in pair_ops(pair)],
        "footnotes": [f.to_json() for f in pair.footnotes],
        "typography": [list(x) for x in pair.typography],
    }


def alignment_json(alignment, old_meta: dict, new_meta: dict) -> dict:
    return {
        "old": old_meta,
        "new": new_meta,
        "summary": alignment.summary,
        "typography": alignment.typography,     # units that differ only in typography, apart
        "ignored": sorted(alignment.options.ignore),
        "pairs": [pair_json(p) for p in alignment.pairs],
    }


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
