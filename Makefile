# Sổ tay Chi bộ — `make run` opens the app, `make test` runs every test level.
# Both install what is missing first (Debian/Ubuntu system packages, node modules,
# tauri-driver), so a fresh machine needs nothing else.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CARGO_TARGET_DIR ?= $(CURDIR)/target
APP := $(CARGO_TARGET_DIR)/debug/sotaychibo
TAURI := ui/node_modules/.bin/tauri
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Build and test dependencies of a Tauri 2 app on Debian/Ubuntu, plus the e2e tools.
APT_PACKAGES := build-essential pkg-config file libssl-dev libgtk-3-dev libwebkit2gtk-4.1-dev \
	librsvg2-dev libayatana-appindicator3-dev xvfb xauth dbus dbus-x11 webkit2gtk-driver unzip \
	poppler-utils
NODE_OK := node -e 'const [a, b] = process.versions.node.split(".").map(Number); \
	process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
DATA_DIR ?=

.PHONY: run test check bundle bench deps system-deps node-deps tauri-driver ui app \
	test-rust test-ui e2e icons bindings

run: deps app
	$(APP) $(if $(DATA_DIR),--data-dir "$(DATA_DIR)")

test: deps check test-rust test-ui e2e

deps: system-deps node-deps

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Cài các gói hệ thống còn thiếu: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v cargo >/dev/null || { echo "Cần Rust (rustup.rs) để build ứng dụng."; exit 1; }
	@$(NODE_OK) 2>/dev/null || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm
	@$(NODE_OK) || { echo "Cần Node.js 20.19 trở lên (Debian 13, Ubuntu 25.04 hoặc nodesource)."; exit 1; }

node-deps: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package-lock.json ui/package.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

tauri-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked

ui: node-deps
	cd ui && npm run build

# The desktop app with the UI embedded (what `tauri build` does), debug profile.
app: ui
	cargo build -p sotaychibo --features custom-protocol

# The shell embeds ui/dist at compile time, so every cargo step over the workspace needs it.
check: ui
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check

# The disk-fault tests mount small tmpfs disks, which needs root (CI runs as root);
# elsewhere they are skipped, and say so. Every test pins the clock: with
# CHIBO_FORBID_REAL_CLOCK set, reading the computer's clock panics (chibo_store::clock).
# --no-fail-fast: one failing test binary does not hide the others.
test-rust: ui
	@if [ "$$(id -u)" != 0 ]; then echo "Not root: the disk-fault tests that mount a tmpfs are skipped."; fi
	if [ "$$(id -u)" = 0 ]; then CHIBO_FORBID_REAL_CLOCK=1 cargo test --workspace --no-fail-fast; \
	else CHIBO_FORBID_REAL_CLOCK=1 CHIBO_SKIP_MOUNT_TESTS=1 cargo test --workspace --no-fail-fast; fi

test-ui: node-deps
	cd ui && npm test

# The real app driven through tauri-driver + WebKitWebDriver under a virtual display. The
# `e2e` feature answers the native file dialogs from environment variables (never in a
# release build).
e2e: ui tauri-driver
	cargo build -p sotaychibo -p chibo-cli --features sotaychibo/custom-protocol,sotaychibo/e2e
	CHIBO_FORBID_REAL_CLOCK=1 xvfb-run -a dbus-run-session -- node --test --test-concurrency=1 tests/e2e/

# Benchmarks on a commune-sized data dir (40 branches, 2,000 members), release build.
bench:
	cargo bench -p chibo-store
	cargo bench -p chibo-export

# Installers for this platform: the .deb here (add AppImage with BUNDLES=deb,appimage on a
# machine that can download Tauri's linuxdeploy tool); on Windows the same command builds
# the NSIS and MSI installers (BUNDLES=nsis,msi).
BUNDLES ?= $(if $(filter Windows_NT,$(OS)),nsis$(comma)msi,deb)
comma := ,
bundle: deps ui
	$(TAURI) build --bundles $(BUNDLES)

# Every icon size from the one source, icons/icon.svg.
icons: node-deps
	$(TAURI) icon icons/icon.svg -o icons
	rm -rf icons/android icons/ios

# Rewrites ui/src/lib/bindings.ts from the Rust types.
bindings:
	UPDATE_BINDINGS=1 cargo test -p chibo-store --test bindings
