# Hindsight: the two commands of the README are `make serve` and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: setup build serve test lint test-native test-wasm test-e2e bench bench-cli shell

## Install every missing tool (idempotent, quick when all are there).
setup:
	@bash scripts/setup.sh

## The release build in dist/.
build: setup
	trunk build --release --offline

## The first screen shown before the wasm arrives (assets/shell/), captured from the app
## itself, then the build again with it.
shell: build
	node scripts/shell.mjs
	trunk build --release --offline

## Build, then serve dist/ as any static host would, on http://127.0.0.1:8080.
serve: build
	@echo "Serving Hindsight on http://127.0.0.1:8080/"
	python3 -m http.server 8080 --bind 127.0.0.1 --directory dist

## Every check: formatting, lints (native and wasm32), native tests, browser component
## tests and the end-to-end suite against the release build.
test: setup lint test-native test-wasm test-e2e

lint:
	cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p hindsight --all-targets --target wasm32-unknown-unknown --features split -- -D warnings

test-native:
	cargo test --workspace

test-wasm:
	cargo test -p hindsight --target wasm32-unknown-unknown --test web

test-e2e: build
	npx playwright test

## Measure the performance goals in headless Chromium, side by side with the build this one
## started from (BENCH_BASE; see scripts/bench.sh). The results go in the README.
bench: build
	bash scripts/bench.sh

## Time `hindsight check` and `hindsight site` over 2,000 postmortems on one core (goal: 5 s each).
bench-cli:
	bash scripts/bench-cli.sh
