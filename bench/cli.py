"""`vennlig bench <benchmark> [options]`: the project's own benchmarks.

Each benchmark is a module in this package with `main(argv) -> int`; it prints progress on
stderr and its figures on stdout (one JSON object with --json)."""

import importlib
import sys

BENCHMARKS = {
    "inbox": ("bench.inbox", "inbox, conversation and search pages at N conversations"),
    "ingest": ("bench.ingest", "e-mail ingestion, end to end"),
    "analysis": ("bench.analysis", "emotion and tone analysis: speed and quality"),
}

USAGE = (
    "usage: vennlig bench {" + ",".join(BENCHMARKS) + "} [options]   (-h for a benchmark's options)"
)


def main(argv) -> int:
    argv = list(argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        for name, (module, what) in BENCHMARKS.items():
            print(f"  {name:<10} {what}{'' if module else '  (not written yet)'}")
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in BENCHMARKS:
        print(f"vennlig bench: unknown benchmark {name!r}\n{USAGE}", file=sys.stderr)
        return 2
    module, _what = BENCHMARKS[name]
    if module is None:
        print(f"vennlig bench {name}: not written yet", file=sys.stderr)
        return 2
    return importlib.import_module(module).main(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
