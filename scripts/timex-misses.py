#!/usr/bin/env python3
"""Prints what a timex prediction folder misses and gets wrong, grouped by pattern.

  scripts/timex-misses.py SCORE_PY GOLD_DIR PRED_DIR [--all]

Matching is score.py's own (relaxed: overlap, one-to-one), imported from
SCORE_PY, so the counts agree with its table. Three kinds of loss are listed
under the pattern of the expression ("quarter / half", "duration, vague
amount", ...): gold expressions not found (missed), found with another value
(wrong value), and predictions matching no gold expression (spurious). Each
group shows its count and up to eight examples (all with --all).
"""
import importlib.util
import os
import re
import sys
from collections import defaultdict

MONTH = (r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b")
WEEKDAY = r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b"
UNIT = r"\b(second|minute|hour|day|week|weekend|month|quarter|year|decade|centur)"

# (group, test on (lower-cased text, TIMEX3 type)); the first that matches names the pattern.
PATTERNS = [
    ("set (every, per, weekly)", lambda t, k: k == "SET"),
    ("quarter / half", lambda t, k: re.search(r"\bquarter|\bhalf\b|\bh[12]\b", t) and k != "DURATION"),
    ("fiscal year", lambda t, k: "fiscal" in t),
    ("season", lambda t, k: re.search(r"\b(spring|summer|fall|autumn|winter)\b", t)),
    ("decade / century", lambda t, k: k != "DURATION" and re.search(
        r"\d0s\b|'\d0s|decade|centur|(twen|thir|for|fif|six|seven|eigh|nine)ties\b", t)),
    ("range (from .. to, between)", lambda t, k: re.search(r"\b(from|between)\b.*\b(to|and|through)\b|\d+\s*-\s*\d+", t)),
    ("time of day (clock, zone)", lambda t, k: re.search(r"\d:\d\d|\b[ap]\.?m\b|noon|midnight|o'clock|\b(est|edt|gmt|pst)\b", t)),
    ("part of day", lambda t, k: re.search(r"morning|afternoon|evening|night|tonight", t)),
    ("holiday", lambda t, k: re.search(r"christmas|thanksgiving|easter|new year|hallowe|labor day|election day|ramadan", t)),
    ("duration, vague amount", lambda t, k: k == "DURATION" and (
        re.search(r"\b(several|few|many|some|recent|numerous|couple)\b", t) or re.fullmatch(r"(the )?[a-z]+s", t))),
    ("duration, spelled or fractional", lambda t, k: k == "DURATION" and re.search(
        r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|half|dozen)\b", t)),
    ("duration, counted", lambda t, k: k == "DURATION"),
    ("anchored relative (ago, later, following)", lambda t, k: re.search(
        r"\b(ago|later|earlier|before|after|following|previous|preceding|since|that|same)\b", t)),
    ("today / yesterday / tomorrow", lambda t, k: re.search(r"\b(today|yesterday|tomorrow)\b", t)),
    ("vague reference (now, recently, future)", lambda t, k: re.search(
        r"\b(now|current|currently|present|recent|recently|past|future|former|formerly|once|soon|lately|nowadays|these days|term)\b", t)),
    ("this / last / next unit", lambda t, k: re.search(r"\b(this|last|next|coming|the)\b", t) and re.search(UNIT, t)),
    ("weekday", lambda t, k: re.search(WEEKDAY, t)),
    ("month and day", lambda t, k: re.search(MONTH, t) and re.search(r"\d", t) and not re.fullmatch(MONTH + r",? \d{4}", t)),
    ("month (and year)", lambda t, k: re.search(MONTH, t)),
    ("year", lambda t, k: re.fullmatch(r"\d{4}|'\d\d|(the )?(year )?\d{4}", t)),
    ("numeric date", lambda t, k: re.search(r"\d+[/-]\d+", t)),
]


def pattern(text, kind):
    t = " ".join(text.lower().split())
    for name, test in PATTERNS:
        if test(t, kind or ""):
            return name
    return "other"


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def context(text, start, end, width=40):
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return "…%s[%s]%s…" % (left, text[start:end].replace("\n", " "), right)


def main(argv):
    if len(argv) < 4 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) > 1 and argv[1] in ("-h", "--help") else 2
    score, gold_dir, pred_dir = argv[1:4]
    show_all = "--all" in argv[4:]
    sc = load_scorer(score)
    groups = defaultdict(lambda: {"missed": [], "wrong value": [], "spurious": []})
    for name, text, gold in sc.load_gold(gold_dir):
        pred = sc.load_pred(pred_dir, name, text, "timex") or []
        gt = gold.get("timexes", [])
        pairs = sc.overlap_match(gt, pred)
        hit_g = {gi for gi, _ in pairs}
        hit_p = {pi for _, pi in pairs}
        for gi, g in enumerate(gt):
            if gi not in hit_g:
                groups[pattern(g["text"], g["type"])]["missed"].append(
                    "%-12s %-9s %-14s %s" % (name[:12], g["type"], g.get("value"),
                                             context(text, g["start"], g["end"])))
        for gi, pi in pairs:
            g, p = gt[gi], pred[pi]
            if g.get("value") is not None and p["value"] != g["value"].strip():
                groups[pattern(g["text"], g["type"])]["wrong value"].append(
                    "%-12s gold %s %s, got %s %s for %r  %s" % (
                        name[:12], g["type"], g["value"], p["type"], p["value"],
                        text[p["start"]:p["end"]], context(text, g["start"], g["end"], 30)))
        for pi, p in enumerate(pred):
            if pi not in hit_p:
                groups[pattern(text[p["start"]:p["end"]], p["type"])]["spurious"].append(
                    "%-12s %-9s %-14s %s" % (name[:12], p["type"], p["value"],
                                             context(text, p["start"], p["end"])))
    order = sorted(groups.items(), key=lambda kv: -sum(len(v) for v in kv[1].values()))
    for group, losses in order:
        counts = ", ".join("%d %s" % (len(v), k) for k, v in losses.items() if v)
        print("  %s: %s" % (group, counts))
        for kind, rows in losses.items():
            for row in rows if show_all else rows[:8]:
                print("      %-11s %s" % (kind, row))
            if not show_all and len(rows) > 8:
                print("      %-11s … %d more (--all)" % (kind, len(rows) - 8))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
