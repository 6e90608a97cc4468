# The two commands of the README: `make demo` and `make test`.
.PHONY: demo test setup lint bench

setup:
	@bash scripts/setup.sh

demo: setup
	.venv/bin/subtools demo --out demo-output

test: setup
	.venv/bin/python -m pytest -q

lint: setup
	.venv/bin/ruff check subtools cli.py tests benchmarks scripts
	.venv/bin/mypy

bench: setup
	.venv/bin/python -m pip install -q -e '.[bench]'
	for b in benchmarks/bench_*.py; do .venv/bin/python $$b || exit 1; done
