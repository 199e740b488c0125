"""modality43: an act in view after an adjective ("about to", "open to", "closer to"), an infinitive told to another
by a verb of directing ("told Uganda to withdraw"), and a verbal act on a named author's video or film (cue rows in
data/lexicon/cues.tsv; events/modality.py). Invented sentences through the real pipeline."""

from __future__ import annotations

from spacy.language import Language
from test_custody_passive42 import _on as events  # tests/unit is on sys.path (pytest prepend import mode)

from dateline.confidence import is_counted


def counts(event: dict) -> bool:
    """Counted at any confidence (asserted, not negated, not un-counted by the act filter or a gate): what the
    modality cues decide; the default threshold of ``counted`` is the confidence's (session 50)."""
    return is_counted(event, 0.0)


def test_an_act_about_to_happen_is_hypothetical(nlp: Language) -> None:
    found = events(nlp, "Kenya said Uganda was about to withdraw its troops from Sudan.", "withdraw")
    assert found and all(e["modality"] == "hypothetical" and not counts(e) for e in found)
    assert {e["evidence"]["rules"].get("modality_cue") for e in found} == {"prospect_adjective"}


def test_a_gerund_after_open_to_or_closer_to_is_hypothetical(nlp: Language) -> None:
    for text, trigger in (("The Kenyan president said he was open to meeting the Ugandan leader.", "meeting"),
                          ("Kenya is now closer to sending troops to Uganda.", "sending")):
        found = events(nlp, text, trigger)
        assert found and not any(counts(e) for e in found)
        assert "prospect_adjective" in {e["evidence"]["rules"].get("modality_cue") for e in found}, text


def test_an_adjective_of_manner_is_no_prospect(nlp: Language) -> None:
    # "quick to condemn" tells how the act was done, not that it is only in view
    found = events(nlp, "Kenya was quick to condemn the Ugandan attack.", "condemn")
    assert found and any(counts(e) for e in found)
    assert not any(e["evidence"]["rules"].get("modality_cue") for e in found)


def test_an_infinitive_one_is_told_to_do_is_hypothetical(nlp: Language) -> None:
    found = events(nlp, "Kenya told Uganda to withdraw its troops from Sudan.", "withdraw")
    assert found and all(e["modality"] == "hypothetical" and not counts(e) for e in found)
    assert {e["evidence"]["rules"].get("modality_cue") for e in found} == {"directive_verb"}


def test_instructed_and_directed_infinitives_are_hypothetical(nlp: Language) -> None:
    for text, trigger in (("The court instructed the government to release the Ugandan prisoners.", "release"),
                          ("Kenya directed Uganda to withdraw its troops from Somalia.", "withdraw")):
        found = events(nlp, text, trigger)
        assert found and not any(counts(e) for e in found), text
        assert {e["evidence"]["rules"].get("modality_cue") for e in found} == {"directive_verb"}, text


def test_telling_someone_a_fact_is_no_directive(nlp: Language) -> None:
    # "told" with a clause, not an infinitive: what is told is reported as done
    found = events(nlp, "The minister told parliament that police arrested ten Ugandans.", "arrested")
    assert found and any(counts(e) for e in found)
    assert not any(e["evidence"]["rules"].get("modality_cue") for e in found)


def test_an_order_is_not_a_directive_verb(nlp: Language) -> None:
    # an order to act is coded as the act it compels (the gold set's "ordered the newspaper to suspend publication")
    found = events(nlp, "Kenya ordered Uganda to withdraw its troops from Sudan.", "withdraw")
    assert found and any(counts(e) for e in found)


def test_a_clause_after_the_directed_infinitive_keeps_its_modality(nlp: Language) -> None:
    found = events(nlp, "Kenya told its troops to defend the border as Uganda attacked Sudan.", "attacked")
    assert found and any(counts(e) for e in found)


def test_a_video_of_a_named_author_speaks(nlp: Language) -> None:
    found = events(nlp, "The Ugandan rebels on Monday released a video threatening Kenya with new attacks.", "threatening")
    assert found and any(counts(e) for e in found)
    found = events(nlp, "Kenya's opposition released a film accusing Uganda of torture.", "accusing")
    assert found and any(counts(e) for e in found)


def test_a_film_whose_author_is_not_named_does_not_speak(nlp: Language) -> None:
    # the text's participle is its author's act only when the author is named (triggers._speaking_document)
    found = events(nlp, "Kenya banned a film criticising the Ugandan president.", "criticising")
    assert found and not any(counts(e) for e in found)
