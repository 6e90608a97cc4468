# The two commands of the README: `make demo` and `make test`.
.PHONY: demo test setup lint bench dist check-wheel

setup:
	@bash scripts/setup.sh

demo: setup
	.venv/bin/subtools demo --out demo-output

test: setup
	.venv/bin/python -m pytest -q
	$(MAKE) --no-print-directory check-wheel

# sdist + wheel (the wheel carries the samples and the fixture model) in dist/
dist: setup
	.venv/bin/python -m build --outdir dist .

# the built wheel in a fresh venv outside the checkout: --version, doctor, demo
check-wheel: setup
	bash scripts/check_wheel.sh

lint: setup
	.venv/bin/ruff check subtools cli.py setup.py tests benchmarks scripts
	.venv/bin/mypy

bench: setup
	.venv/bin/python -m pip install -q -e '.[bench]'
	for b in benchmarks/bench_*.py; do .venv/bin/python $$b || exit 1; done
