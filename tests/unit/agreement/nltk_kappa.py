"""NLTK's agreement measures on the items Marginalia tallies, for the agreement test.

Reads {"tasks": [[[code per item] per coder] per task]} on stdin and prints, per task, {"kappa":
Cohen's κ averaged over coder pairs, "pi": Fleiss' κ (NLTK's multi-π)}, as a list; or
{"skip": reason} when NLTK is not installed. One process for every task: importing NLTK is slow.
"""
import json
import sys

try:
    from nltk.metrics.agreement import AnnotationTask
except ImportError as error:
    print(json.dumps({"skip": f"NLTK is not installed ({error})"}))
    sys.exit(0)

results = []
for codes in json.load(sys.stdin)["tasks"]:
    task = AnnotationTask(
        data=[(f"coder{coder}", f"item{item}", str(code)) for coder, row in enumerate(codes) for item, code in enumerate(row)]
    )
    results.append({"kappa": task.kappa(), "pi": task.pi()})
print(json.dumps(results))
