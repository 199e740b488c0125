# Two commands do all the set-up on a fresh machine with Python 3.11 and make:
#   make demo   install into .venv, code the bundled sample into ./dateline.duckdb, print a summary
#   make test   install into .venv (with test extras), run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install bench eval train train-learned fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install only when the package metadata changes.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/dateline demo --db dateline.duckdb
	@echo "Explore the events in your browser:  $(BIN)/dateline serve --db dateline.duckdb   (then open http://127.0.0.1:8000/)"

test: $(STAMP)
	$(BIN)/python -m pytest

# Not part of `make test`: speed and memory, reported as ratios (bench/README.md; README, "Accuracy and speed").
bench: $(STAMP)
	$(BIN)/python bench/bench_pipeline.py

# Not part of `make test` (which runs the same properties on 40 examples each): 2,500 generated
# hostile inputs per property, 15,000 in all; the tally (inputs answered, codes, slowest article)
# is printed at the end and kept in build/fuzz_stats.json.
fuzz: $(STAMP)
	mkdir -p build
	DATELINE_FUZZ_PROFILE=fuzz DATELINE_FUZZ_STATS=build/fuzz_stats.json $(BIN)/python -m pytest tests/fuzz -q -p no:cacheprovider --hypothesis-show-statistics
	cat build/fuzz_stats.json

# The train rounds kept blind (labelled for the integrator's test), named in one place.
BLIND = $(shell python3 -c "import json; print(','.join(str(r) for r in json.load(open('eval/news/blind_rounds.json'))['rounds']))")

# Accuracy on the dev gold set, checked against the floors in eval/floors.json.
eval: $(STAMP)
	$(BIN)/dateline eval ../shared/data/eventgold/plover_gsr_cameo_manual.jsonl --floors eval/floors.json
	$(BIN)/python tools/corpus_fixtures.py resolve tests/fixtures/noevent_dev.jsonl --out build/fixtures
	$(BIN)/dateline eval build/fixtures/noevent_dev.jsonl --floors eval/floors_noevent.json

# Rebuild the confidence model from the labelled real news (eval/news; needs ../shared/data/news). The side chooser
# is fitted on every labelled train round (below), so the second stage over the learned components' probabilities is
# fitted on cross-fitted rows: tools/crossfit_train.py codes each of the folds of train rounds (twenty-three non-empty in session 47, with the blind rounds 78-91 out) with a side chooser
# and a root correction each refitted (the shipped models' own settings) on the rounds it is shipped fitted on less
# the fold's, from the rows `make train-learned` caches in build/, and fits the confidence on them (eval/sessions/27.md,
# "crossfit"). The blind rounds (eval/news/blind_rounds.json, $(BLIND)) are left out of everything.
# `dateline train` alone writes only a first-stage model (no train row is unseen by the shipped components).
train: $(STAMP)
	nice $(BIN)/python tools/crossfit_train.py --exclude-rounds=$(BLIND) --out src/dateline/data/confidence/model.json

# Refit the side ranker and the root correction, then the confidence model; the blind rounds ($(BLIND)) are left out
# (--exclude, --exclude-rounds). The side ranker is fitted on the v2 labels of every train round but the blind ones
# (1-29 in session 29; --held-out none): session 27 found that more data still helps it on held-out rounds, and the confidence keeps honest data by
# cross-fitting (`make train`). Its settings: source C 0.3 margin 0, target C 0.3 margin 0.16 (session 26, sides4: the
# best cross-fitted setting that keeps the guideline tests, margin 0.1; session 28: 0.12, the smallest tried that keeps
# them with rounds 26-27; session 33: 0.13, the same with rounds 36-37 and the v4 labels; session 34: 0.15, the same with rounds 38-39; session 35: 0.16, the same with rounds 40-41 and the v5 labels; session 40: target_sentence 0.0, the target's margin for a country its event's sentence names apart, not as a venue nor by default, or NONE, --sentence-margin target=0.0, 0.16 elsewhere; eval/sessions/26.md "sides4", "Session 28 ... (integrator)", "Session 35: blind rounds 42-43 ... (integrator)"). The root correction
# is fitted on every train round but the blind ones too (session 29): fitted on more rounds it gained on rounds held
# out of its fit in three measures (blind 26-27+28-29 in session 28, held-out 26-29 in roots4, blind 30-31 in session
# 29: +5 right, +6 recall), and lost one gold event, a deportation the gold calls ASSAULT that the rounds-1-12 model won
# through the actors' country codes (the news labels code it as coercion); the gold floors were lowered by that event
# (eval/sessions/29.md "roots4", "Session 29 ... (integrator)"). Session 25, roots3: fitted on every asserted
# event (--fit-domain all: its probabilities, which the confidence reads, mean something on every root), correcting
# only the lexicon's own roots (--domain lexicon); C 1, margins 0.5 / 0.8 across PLOVER types (0.8 since session 29:
# with 0.7 the fit on rounds 1-29 also moved a law's approval, 08, to 17 on gold). Then the learned act filter (session 29,
# actfilter; dateline.acts_model): P(real act) of each counted event, on the coder with the new side chooser and root
# correction, fitted on every train round but the blind ones; an event below 0.15 is not counted (the threshold: the
# largest whose cross-fitted train recall loss stays under 0.1% of the listed acts; eval/sessions/29.md "actfilter").
# Session 31 (dense): the act filter can also read the parser's token vectors (dateline.dense; --features
# ...,vtrig,vsent,vsrc,vtgt); not shipped: +3 right cross-fitted on train, but dev recall 452 -> 451 (below its floor).
# Session 33 (triggers2): first the learned trigger proposer (dateline.trigger_model): verbs the lexicon leaves uncoded,
# proposed as acts at an act probability of 0.8 (the lowest threshold whose cross-fitted added events were right at
# least as often as the coder's counted events; eval/sessions/33.md "triggers2"); its candidates are collected
# with the proposer off, so it does not depend on the components fitted after it.
train-learned: $(STAMP)
	nice $(BIN)/python tools/learned_triggers.py --recode --exclude-rounds=$(BLIND) --write src/dateline/data/triggers/model.json
	nice $(BIN)/python tools/learned_sides.py --recode --held-out none --exclude=$(BLIND) --fix source=0.3:0,target=0.3:0.16 --sentence-margin target=0.0 --no-dev --write src/dateline/data/sides/model.json --json build/learned_sides.json
	nice $(BIN)/python tools/learned_roots.py --recode --exclude-rounds=$(BLIND) --select --held-out none --domain lexicon --fit-domain all \
		--variants all --cs 1 --ps "" --margins 0.5 --cross-margins 0.8 --no-dev \
		--write src/dateline/data/roots/model.json --json build/learned_roots_select.json
	nice $(BIN)/python tools/learned_acts.py --recode --exclude-rounds=$(BLIND) --features conf,mod,stmt --target keep --threshold 0.15 \
		--write src/dateline/data/acts/model.json --json build/learned_acts.json
	$(MAKE) train

clean:
	rm -rf $(VENV) dateline.duckdb dateline.duckdb.wal .pytest_cache build
