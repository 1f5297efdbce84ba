"""NLTK's agreement measures on the items Marginalia tallies, for the agreement test.

Reads {"codes": [[code per item] per coder]} on stdin and prints {"kappa": Cohen's κ averaged over
coder pairs, "pi": Fleiss' κ (NLTK's multi-π)}, or {"skip": reason} when NLTK is not installed.
"""
import json
import sys

try:
    from nltk.metrics.agreement import AnnotationTask
except ImportError as error:
    print(json.dumps({"skip": f"NLTK is not installed ({error})"}))
    sys.exit(0)

codes = json.load(sys.stdin)["codes"]
task = AnnotationTask(
    data=[(f"coder{coder}", f"item{item}", str(code)) for coder, row in enumerate(codes) for item, code in enumerate(row)]
)
print(json.dumps({"kappa": task.kappa(), "pi": task.pi()}))
