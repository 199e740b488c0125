"""Who did it to whom (issue 4, event targets and sources) on hand-built parses: protest targets
in purpose clauses, object control, places as targets, unattributed attacks (UAF) and parties
named by a later mention of an event."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.events import code_doc

from handbuilt import Row, parsed_doc

#: Entity labels the hand-built actors give a country (a place or nationality is its own country).
PLACES = ("GPE", "LOC", "NORP")


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    """An English vocab (a bare Vocab has no lower-case forms, which the coder reads)."""
    return spacy.blank("en").vocab


def build(vocab: Vocab, *sentences: list[Row]) -> Doc:
    """The given parsed sentences; every entity an actor, a place or nationality its own country."""
    return parsed_doc(vocab, *sentences, places=PLACES)


def text(side: dict | None) -> str | None:
    return side["text"] if side else None


def pairs(doc: Doc, trigger: str) -> list[tuple[str | None, str | None]]:
    return [(text(e["source"]), text(e["target"])) for e in doc._.events if e["trigger"] == trigger]


def hunger_strike(vocab: Vocab, purpose: list[Row]) -> Doc:
    """"Algerians began a hunger strike" + the given rows (heads relative to their own position)."""
    head = [("Algerians", "PROPN", "NNPS", "nsubj", 1, "Algerians", "B-NORP"),
            ("began", "VERB", "VBD", "ROOT", 0, "begin", "O"),
            ("a", "DET", "DT", "det", 2, "a", "O"),
            ("hunger", "NOUN", "NN", "compound", 1, "hunger", "O"),
            ("strike", "NOUN", "NN", "dobj", -3, "strike", "O")]
    return build(vocab, head + purpose + [(".", "PUNCT", ".", "punct", -len(purpose) - 4, ".", "O")])


def test_events_roles_protest_purpose_clause_names_target(vocab: Vocab) -> None:
    # "... to demand the resignation of Bella": whom the protest is against
    doc = code_doc(hunger_strike(vocab, [("to", "PART", "TO", "aux", 1, "to", "O"),
                                         ("demand", "VERB", "VB", "advcl", -5, "demand", "O"),
                                         ("the", "DET", "DT", "det", 1, "the", "O"),
                                         ("resignation", "NOUN", "NN", "dobj", -2, "resignation", "O"),
                                         ("of", "ADP", "IN", "prep", -1, "of", "O"),
                                         ("Bella", "PROPN", "NNP", "pobj", -1, "Bella", "B-PERSON")]))
    assert ("Algerians", "Bella") in pairs(doc, "strike")
    assert ("Algerians", None) not in pairs(doc, "strike")


def test_events_roles_in_protest_of_possessor_is_target(vocab: Vocab) -> None:
    # "... in protest of Russia's refusal": the possessor of the nominalised act; "in protest"
    # itself is the manner of the strike, no event of its own
    doc = code_doc(hunger_strike(vocab, [("in", "ADP", "IN", "prep", -1, "in", "O"),
                                         ("protest", "NOUN", "NN", "pobj", -1, "protest", "O"),
                                         ("of", "ADP", "IN", "prep", -1, "of", "O"),
                                         ("Russia", "PROPN", "NNP", "poss", 2, "Russia", "B-GPE"),
                                         ("'s", "PART", "POS", "case", -1, "'s", "O"),
                                         ("refusal", "NOUN", "NN", "pobj", -3, "refusal", "O")]))
    assert pairs(doc, "strike") == [("Algerians", "Russia")]
    assert pairs(doc, "protest") == []


def test_events_roles_protest_without_purpose_has_no_target(vocab: Vocab) -> None:
    doc = code_doc(hunger_strike(vocab, [("in", "ADP", "IN", "prep", -4, "in", "O"),
                                         ("prison", "NOUN", "NN", "pobj", -1, "prison", "O")]))
    assert pairs(doc, "strike") == [("Algerians", None)]


def test_events_roles_allow_subject_of_infinitive_is_target(vocab: Vocab) -> None:
    # spaCy reads "allowed X to bring out" as a clause with X as its subject
    doc = code_doc(build(vocab, [("Sherpao", "PROPN", "NNP", "nsubj", 1, "Sherpao", "B-PERSON"),
                                 ("allowed", "VERB", "VBD", "ROOT", 0, "allow", "O"),
                                 ("Rehman", "PROPN", "NNP", "nsubj", 2, "Rehman", "B-PERSON"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("hold", "VERB", "VB", "ccomp", -3, "hold", "O"),
                                 ("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("rally", "NOUN", "NN", "dobj", -2, "rally", "O"),
                                 (".", "PUNCT", ".", "punct", -6, ".", "O")]))
    assert ("Sherpao", "Rehman") in pairs(doc, "allowed")


def test_events_roles_participle_on_object_names_target(vocab: Vocab) -> None:
    # "approved a law recognizing victories by Djindjic": what the approved law does names whom
    doc = code_doc(build(vocab, [("Parliament", "PROPN", "NNP", "nsubj", 1, "Parliament", "B-ORG"),
                                 ("approved", "VERB", "VBD", "ROOT", 0, "approve", "O"),
                                 ("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("law", "NOUN", "NN", "dobj", -2, "law", "O"),
                                 ("recognizing", "VERB", "VBG", "acl", -1, "recognize", "O"),
                                 ("victories", "NOUN", "NNS", "dobj", -1, "victory", "O"),
                                 ("by", "ADP", "IN", "prep", -1, "by", "O"),
                                 ("Djindjic", "PROPN", "NNP", "pobj", -1, "Djindjic", "B-PERSON"),
                                 (".", "PUNCT", ".", "punct", -7, ".", "O")]))
    assert ("Parliament", "Djindjic") in pairs(doc, "approved")


def test_events_roles_place_tagged_loc_is_target(vocab: Vocab) -> None:
    # "threatened to institute a curfew in Algiers" (the model tags Algiers LOC)
    doc = code_doc(build(vocab, [("Bouteflika", "PROPN", "NNP", "nsubj", 1, "Bouteflika", "B-PERSON"),
                                 ("threatened", "VERB", "VBD", "ROOT", 0, "threaten", "O"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("institute", "VERB", "VB", "xcomp", -2, "institute", "O"),
                                 ("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("curfew", "NOUN", "NN", "dobj", -2, "curfew", "O"),
                                 ("in", "ADP", "IN", "prep", -1, "in", "O"),
                                 ("Algiers", "PROPN", "NNP", "pobj", -1, "Algiers", "B-LOC"),
                                 (".", "PUNCT", ".", "punct", -8, ".", "O")]))
    threats = [e for e in doc._.events if e["trigger"] == "threatened"]
    assert threats and threats[0]["target"]["country"] == "ALG"


def bombing(vocab: Vocab, subject: list[Row]) -> Doc:
    """<subject rows> killed a soldier (the subject's head is its last row)."""
    return build(vocab, subject + [("killed", "VERB", "VBD", "ROOT", 0, "kill", "O"),
                                   ("a", "DET", "DT", "det", 1, "a", "O"),
                                   ("U.S.", "PROPN", "NNP", "compound", 1, "U.S.", "B-GPE"),
                                   ("soldier", "NOUN", "NN", "dobj", -3, "soldier", "O"),
                                   (".", "PUNCT", ".", "punct", -4, ".", "O")])


def test_events_roles_unattributed_bombing_is_uaf_of_the_place(vocab: Vocab) -> None:
    doc = code_doc(bombing(vocab, [("A", "DET", "DT", "det", 1, "a", "O"),
                                   ("bombing", "NOUN", "NN", "nsubj", 3, "bombing", "O"),
                                   ("near", "ADP", "IN", "prep", -1, "near", "O"),
                                   ("Samarra", "PROPN", "NNP", "pobj", -1, "Samarra", "B-GPE")]))
    killed = [e for e in doc._.events if e["trigger"] == "killed"]
    assert killed and killed[0]["source"]["code"] == "SAMUAF" and killed[0]["source"]["sector"] == "UAF"
    assert "unidentified armed forces" in killed[0]["source"]["evidence"]
    assert killed[0]["target"]["text"] == "U.S."


def test_events_roles_attack_with_no_place_or_by_an_actor_is_no_uaf(vocab: Vocab) -> None:
    nowhere = code_doc(bombing(vocab, [("A", "DET", "DT", "det", 1, "a", "O"),
                                       ("bombing", "NOUN", "NN", "nsubj", 1, "bombing", "O")]))
    killed = [e for e in nowhere._.events if e["trigger"] == "killed"]
    assert killed and all(e["source"] is None for e in killed)
    named = code_doc(build(vocab, [("Hamas", "PROPN", "NNP", "nsubj", 1, "Hamas", "B-ORG"),
                                   ("killed", "VERB", "VBD", "ROOT", 0, "kill", "O"),
                                   ("a", "DET", "DT", "det", 1, "a", "O"),
                                   ("soldier", "NOUN", "NN", "dobj", -2, "soldier", "O"),
                                   ("near", "ADP", "IN", "prep", -3, "near", "O"),
                                   ("Samarra", "PROPN", "NNP", "pobj", -1, "Samarra", "B-GPE"),
                                   (".", "PUNCT", ".", "punct", -5, ".", "O")]))
    assert [text(e["source"]) for e in named._.events if e["trigger"] == "killed"] == ["Hamas"]


def talks(vocab: Vocab, later: list[Row]) -> Doc:
    """"Choe attended talks in Stockholm." followed by the given sentence."""
    first = [("Choe", "PROPN", "NNP", "nsubj", 1, "Choe", "B-PERSON"),
             ("attended", "VERB", "VBD", "ROOT", 0, "attend", "O"),
             ("talks", "NOUN", "NNS", "dobj", -1, "talk", "O"),
             ("in", "ADP", "IN", "prep", -2, "in", "O"),
             ("Stockholm", "PROPN", "NNP", "pobj", -1, "Stockholm", "B-GPE"),
             (".", "PUNCT", ".", "punct", -4, ".", "O")]
    return build(vocab, first, later)


def included(det: str, noun: str) -> list[Row]:
    """"<det> <noun> included Biegun and Wallstroem." """
    return [(det, "DET", "DT", "det", 1, det.lower(), "O"),
            (noun, "NOUN", "NNS", "nsubj", 1, noun.lower()[:-1] if noun.endswith("s") else noun.lower(), "O"),
            ("included", "VERB", "VBD", "ROOT", 0, "include", "O"),
            ("Biegun", "PROPN", "NNP", "dobj", -1, "Biegun", "B-PERSON"),
            ("and", "CCONJ", "CC", "cc", -1, "and", "O"),
            ("Wallstroem", "PROPN", "NNP", "conj", -2, "Wallstroem", "B-PERSON"),
            (".", "PUNCT", ".", "punct", -4, ".", "O")]


def test_events_roles_later_mention_adds_parties_to_earlier_event(vocab: Vocab) -> None:
    doc = code_doc(talks(vocab, included("The", "talks")))
    first = [e for e in doc._.events if e["sentence"] == 0 and e["trigger"] == "talks"]
    assert {(text(e["source"]), text(e["target"])) for e in first} == {("Choe", "Biegun"), ("Choe", "Wallstroem")}
    for event in first:
        assert event["reciprocal"] and event["plover"]["event"] == "CONSULT"
        assert event["evidence"]["sentence"] == 1 and "included Biegun" in event["evidence"]["text"]
        assert event["evidence"]["rules"]["target"] == "_later_participants"
    # the later sentence keeps its own event between the parties it names
    assert [(text(e["source"]), text(e["target"])) for e in doc._.events if e["sentence"] == 1] == [
        ("Biegun", "Wallstroem")]


def test_events_roles_later_mention_of_another_event_adds_nothing(vocab: Vocab) -> None:
    doc = code_doc(talks(vocab, included("The", "meetings")))
    first = [e for e in doc._.events if e["sentence"] == 0 and e["trigger"] == "talks"]
    # with no party named, talks abroad are aimed at their host (the hand-built Choe is of country CHO)
    assert [(text(e["source"]), text(e["target"])) for e in first] == [("Choe", "Stockholm")]
    assert not any("kind" in e["evidence"] for e in doc._.events)  # only the rules: no later mention
    assert [e["evidence"]["rules"]["target"] for e in first] == ["target_of_host"]


def test_events_roles_nationality_of_act_noun_is_source_with_a_target(vocab: Vocab) -> None:
    # "Palestinian riots against Israel": the nationality acts; with no target it names no act
    rows = [("Palestinian", "ADJ", "JJ", "amod", 1, "palestinian", "B-NORP"),
            ("riots", "NOUN", "NNS", "nsubj", 3, "riot", "O"),
            ("against", "ADP", "IN", "prep", -1, "against", "O"),
            ("Israel", "PROPN", "NNP", "pobj", -1, "Israel", "B-GPE"),
            ("continue", "VERB", "VBP", "ROOT", 0, "continue", "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]
    assert pairs(code_doc(build(vocab, rows)), "riots") == [("Palestinian", "Israel")]
    lone = [("Israel", "PROPN", "NNP", "nsubj", 1, "Israel", "B-GPE"),
            ("opposed", "VERB", "VBD", "ROOT", 0, "oppose", "O"),
            ("French", "ADJ", "JJ", "amod", 1, "french", "B-NORP"),
            ("mediation", "NOUN", "NN", "dobj", -2, "mediation", "O"),
            (".", "PUNCT", ".", "punct", -3, ".", "O")]
    assert pairs(code_doc(build(vocab, lone)), "mediation") == []


def test_events_roles_complaint_is_aimed_at_what_it_is_about(vocab: Vocab) -> None:
    # "complained to the UN over Israeli raids": the UN is the audience, Israel the target
    doc = code_doc(build(vocab, [("Lebanon", "PROPN", "NNP", "nsubj", 1, "Lebanon", "B-GPE"),
                                 ("complained", "VERB", "VBD", "ROOT", 0, "complain", "O"),
                                 ("to", "ADP", "IN", "prep", -1, "to", "O"),
                                 ("UN", "PROPN", "NNP", "pobj", -1, "UN", "B-ORG"),
                                 ("over", "ADP", "IN", "prep", -3, "over", "O"),
                                 ("Israeli", "ADJ", "JJ", "amod", 1, "israeli", "B-NORP"),
                                 ("raids", "NOUN", "NNS", "pobj", -2, "raid", "O"),
                                 (".", "PUNCT", ".", "punct", -7, ".", "O")]))
    assert pairs(doc, "complained") == [("Lebanon", "Israeli")]


def test_events_roles_partitive_conjuncts_are_targets(vocab: Vocab) -> None:
    # "tortured scores of Sierra Leonean and Liberian refugees": one event per group
    doc = code_doc(build(vocab, [("Guinea", "PROPN", "NNP", "nsubj", 1, "Guinea", "B-GPE"),
                                 ("tortured", "VERB", "VBD", "ROOT", 0, "torture", "O"),
                                 ("scores", "NOUN", "NNS", "dobj", -1, "score", "O"),
                                 ("of", "ADP", "IN", "prep", -1, "of", "O"),
                                 ("Leonean", "PROPN", "NNP", "pobj", -1, "Leonean", "B-NORP"),
                                 ("and", "CCONJ", "CC", "cc", -1, "and", "O"),
                                 ("Liberian", "ADJ", "JJ", "amod", 1, "liberian", "B-NORP"),
                                 ("refugees", "NOUN", "NNS", "conj", -3, "refugee", "O"),
                                 (".", "PUNCT", ".", "punct", -7, ".", "O")]))
    assert sorted(pairs(doc, "tortured")) == [("Guinea", "Leonean"), ("Guinea", "Liberian")]


def test_events_roles_object_of_stranded_preposition(vocab: Vocab) -> None:
    # "granted asylum to officers holed up in ...": the parser makes "officers" the subject of "holed"
    doc = code_doc(build(vocab, [("Peru", "PROPN", "NNP", "nsubj", 1, "Peru", "B-GPE"),
                                 ("granted", "VERB", "VBD", "ROOT", 0, "grant", "O"),
                                 ("asylum", "NOUN", "NN", "dobj", -1, "asylum", "O"),
                                 ("to", "ADP", "IN", "prep", -2, "to", "O"),
                                 ("Panamanian", "ADJ", "JJ", "amod", 1, "panamanian", "B-NORP"),
                                 ("officers", "NOUN", "NNS", "nsubj", 1, "officer", "O"),
                                 ("holed", "VERB", "VBD", "advcl", -5, "hole", "O"),
                                 ("up", "ADP", "RP", "prt", -1, "up", "O"),
                                 (".", "PUNCT", ".", "punct", -7, ".", "O")]))
    assert pairs(doc, "asylum") == [("Peru", "Panamanian")]


def test_events_roles_ing_modifier_has_its_noun_as_subject(vocab: Vocab) -> None:
    # "police dispersed Egyptians protesting the vote": who protests is the noun modified
    doc = code_doc(build(vocab, [("Police", "NOUN", "NNS", "nsubj", 1, "police", "O"),
                                 ("dispersed", "VERB", "VBD", "ROOT", 0, "disperse", "O"),
                                 ("Egyptians", "PROPN", "NNPS", "dobj", -1, "Egyptians", "B-NORP"),
                                 ("protesting", "VERB", "VBG", "acl", -1, "protest", "O"),
                                 ("Mubarak", "PROPN", "NNP", "dobj", -1, "Mubarak", "B-PERSON"),
                                 (".", "PUNCT", ".", "punct", -5, ".", "O")]))
    assert ("Egyptians", "Mubarak") in pairs(doc, "protesting")


def test_events_roles_repeated_preposition_each_looked_at(vocab: Vocab) -> None:
    # "plans to impose restrictions for Bulgaria for two years": the first "for" names whom
    doc = code_doc(build(vocab, [("Greece", "PROPN", "NNP", "nsubj", 1, "Greece", "B-GPE"),
                                 ("plans", "VERB", "VBZ", "ROOT", 0, "plan", "O"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("impose", "VERB", "VB", "xcomp", -2, "impose", "O"),
                                 ("restrictions", "NOUN", "NNS", "dobj", -1, "restriction", "O"),
                                 ("for", "ADP", "IN", "prep", -2, "for", "O"),
                                 ("Bulgaria", "PROPN", "NNP", "pobj", -1, "Bulgaria", "B-GPE"),
                                 ("for", "ADP", "IN", "prep", -4, "for", "O"),
                                 ("two", "NUM", "CD", "nummod", 1, "two", "O"),
                                 ("years", "NOUN", "NNS", "pobj", -2, "year", "O"),
                                 (".", "PUNCT", ".", "punct", -9, ".", "O")]))
    assert ("Greece", "Bulgaria") in pairs(doc, "plans")


# Round 2: copular stances, weapons, venues, demand clauses, passive recipients, stranded objects.


def test_events_roles_adjectival_passive_subject_is_source(vocab: Vocab) -> None:
    # "Israel is opposed to French mediation": a stance of Israel, aimed at France; a real
    # passive with a "by" agent keeps its agent as the source
    doc = code_doc(build(vocab, [("Israel", "PROPN", "NNP", "nsubjpass", 2, "Israel", "B-GPE"),
                                 ("is", "AUX", "VBZ", "auxpass", 1, "be", "O"),
                                 ("opposed", "VERB", "VBN", "ROOT", 0, "oppose", "O"),
                                 ("to", "ADP", "IN", "prep", -1, "to", "O"),
                                 ("French", "ADJ", "JJ", "amod", 1, "french", "B-NORP"),
                                 ("mediation", "NOUN", "NN", "pobj", -2, "mediation", "O"),
                                 (".", "PUNCT", ".", "punct", -4, ".", "O")]))
    assert pairs(doc, "opposed") == [("Israel", "French")]
    agent = code_doc(build(vocab, [("Israel", "PROPN", "NNP", "nsubjpass", 2, "Israel", "B-GPE"),
                                   ("was", "AUX", "VBD", "auxpass", 1, "be", "O"),
                                   ("opposed", "VERB", "VBN", "ROOT", 0, "oppose", "O"),
                                   ("by", "ADP", "IN", "agent", -1, "by", "O"),
                                   ("France", "PROPN", "NNP", "pobj", -1, "France", "B-GPE"),
                                   (".", "PUNCT", ".", "punct", -3, ".", "O")]))
    assert pairs(agent, "opposed") == [("France", "Israel")]


def test_events_roles_passive_subject_controls_infinitive(vocab: Vocab) -> None:
    # "Russia was forced to withdraw troops from Georgia": Russia withdraws
    doc = code_doc(build(vocab, [("Russia", "PROPN", "NNP", "nsubjpass", 2, "Russia", "B-GPE"),
                                 ("was", "AUX", "VBD", "auxpass", 1, "be", "O"),
                                 ("forced", "VERB", "VBN", "ROOT", 0, "force", "O"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("withdraw", "VERB", "VB", "xcomp", -2, "withdraw", "O"),
                                 ("troops", "NOUN", "NNS", "dobj", -1, "troop", "O"),
                                 ("from", "ADP", "IN", "prep", -2, "from", "O"),
                                 ("Georgia", "PROPN", "NNP", "pobj", -1, "Georgia", "B-GPE"),
                                 (".", "PUNCT", ".", "punct", -6, ".", "O")]))
    assert ("Russia", "Georgia") in pairs(doc, "withdraw")


def shelling(vocab: Vocab, weapon: str, lemma: str) -> Doc:
    """"Hanoi launched <weapon> against Khmer camps." """
    return build(vocab, [("Hanoi", "PROPN", "NNP", "nsubj", 1, "Hanoi", "B-GPE"),
                         ("launched", "VERB", "VBD", "ROOT", 0, "launch", "O"),
                         (weapon, "NOUN", "NN", "dobj", -1, lemma, "B-ORG" if weapon[0].isupper() else "O"),
                         ("against", "ADP", "IN", "prep", -1, "against", "O"),
                         ("Khmer", "ADJ", "JJ", "amod", 1, "khmer", "B-NORP"),
                         ("camps", "NOUN", "NNS", "pobj", -2, "camp", "O"),
                         (".", "PUNCT", ".", "punct", -5, ".", "O")])


def test_events_roles_weapon_object_is_aimed_at_its_target(vocab: Vocab) -> None:
    # the weapon, even when the actors stage names it ("artillery" as MIL), is no target: the
    # "against" phrase on it is
    doc = code_doc(shelling(vocab, "Artillery", "artillery"))
    assert ("Hanoi", "Khmer") in pairs(doc, "launched")
    assert ("Hanoi", "Artillery") not in pairs(doc, "launched")


def test_events_roles_weapon_without_aim_stays_target(vocab: Vocab) -> None:
    # "destroyed Iraqi tanks": no aiming preposition, the weapons are what is acted on
    doc = code_doc(build(vocab, [("Israel", "PROPN", "NNP", "nsubj", 1, "Israel", "B-GPE"),
                                 ("destroyed", "VERB", "VBD", "ROOT", 0, "destroy", "O"),
                                 ("Iraqi", "ADJ", "JJ", "amod", 1, "iraqi", "B-NORP"),
                                 ("tanks", "NOUN", "NNS", "dobj", -2, "tank", "O"),
                                 (".", "PUNCT", ".", "punct", -3, ".", "O")]))
    assert ("Israel", "Iraqi") in pairs(doc, "destroyed")


def met_in(vocab: Vocab, verb: str, lemma: str, place: str = "Rawalpindi") -> Doc:
    """"Pakistani commanders <verb> in <place>." (hand-built: a place is its own country, its first
    three letters, so "Pakistan" is the commanders' own country and "Rawalpindi" another)"""
    return build(vocab, [("Pakistani", "ADJ", "JJ", "amod", 1, "pakistani", "B-NORP"),
                         ("commanders", "NOUN", "NNS", "nsubj", 1, "commander", "O"),
                         (verb, "VERB", "VBD", "ROOT", 0, lemma, "O"),
                         ("in", "ADP", "IN", "prep", -1, "in", "O"),
                         (place, "PROPN", "NNP", "pobj", -1, place, "B-GPE"),
                         (".", "PUNCT", ".", "punct", -3, ".", "O")])


def test_events_roles_meeting_place_is_venue_not_target(vocab: Vocab) -> None:
    # where a meeting at home is held is no party to it (CAMEO 044); a place visited is the host
    met = code_doc(met_in(vocab, "met", "meet", "Pakistan"))
    assert pairs(met, "met") and all(target is None for _, target in pairs(met, "met"))
    arrived = code_doc(met_in(vocab, "arrived", "arrive"))
    assert ("Pakistani", "Rawalpindi") in pairs(arrived, "arrived")
    # a meeting of one party abroad is aimed at its host (docs/annotation.md, meetings and visits)
    abroad = code_doc(met_in(vocab, "met", "meet"))
    assert [e["evidence"]["rules"]["target"] for e in abroad._.events if e["trigger"] == "met"] == ["target_of_host"]


def test_events_roles_demand_noun_clause_subject_is_target(vocab: Vocab) -> None:
    # "insisted on its demands that Burundi's government grant rights"
    doc = code_doc(build(vocab, [("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel", "O"),
                                 ("insisted", "VERB", "VBD", "ROOT", 0, "insist", "O"),
                                 ("on", "ADP", "IN", "prep", -1, "on", "O"),
                                 ("its", "PRON", "PRP$", "poss", 1, "its", "O"),
                                 ("demands", "NOUN", "NNS", "pobj", -2, "demand", "O"),
                                 ("that", "SCONJ", "IN", "mark", 3, "that", "O"),
                                 ("Burundi", "PROPN", "NNP", "poss", 1, "Burundi", "B-GPE"),
                                 ("government", "NOUN", "NN", "nsubj", 1, "government", "O"),
                                 ("grant", "VERB", "VBP", "acl", -4, "grant", "O"),
                                 ("rights", "NOUN", "NNS", "dobj", -1, "right", "O"),
                                 (".", "PUNCT", ".", "punct", -9, ".", "O")]))
    targets = [target for _, target in pairs(doc, "insisted")]
    assert targets and targets[0] == "Burundi"


def test_events_roles_passive_with_object_subject_is_recipient(vocab: Vocab) -> None:
    # "Iran was given a visa to Washington" (as "Modi will be given a visa to the United States"):
    # Iran receives it
    doc = code_doc(build(vocab, [("Iran", "PROPN", "NNP", "nsubjpass", 2, "Iran", "B-GPE"),
                                 ("was", "AUX", "VBD", "auxpass", 1, "be", "O"),
                                 ("given", "VERB", "VBN", "ROOT", 0, "give", "O"),
                                 ("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("visa", "NOUN", "NN", "dobj", -2, "visa", "O"),
                                 ("to", "ADP", "IN", "dative", -3, "to", "O"),
                                 ("Washington", "PROPN", "NNP", "pobj", -1, "Washington", "B-GPE"),
                                 (".", "PUNCT", ".", "punct", -5, ".", "O")]))
    targets = {target for _, target in pairs(doc, "given")}
    assert targets == {"Iran"}


def test_events_roles_object_hung_as_clause_subject_under_preposition(vocab: Vocab) -> None:
    # the parser's "spoke with [Merkel to express condolences]": Merkel is the object of "with"
    doc = code_doc(build(vocab, [("Obama", "PROPN", "NNP", "nsubj", 1, "Obama", "B-PERSON"),
                                 ("spoke", "VERB", "VBD", "ROOT", 0, "speak", "O"),
                                 ("with", "ADP", "IN", "prep", -1, "with", "O"),
                                 ("Merkel", "PROPN", "NNP", "nsubj", 2, "Merkel", "B-PERSON"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("express", "VERB", "VB", "pcomp", -3, "express", "O"),
                                 ("condolences", "NOUN", "NNS", "dobj", -1, "condolence", "O"),
                                 (".", "PUNCT", ".", "punct", -6, ".", "O")]))
    assert ("Obama", "Merkel") in pairs(doc, "spoke")


def test_events_roles_support_behind_names_target(vocab: Vocab) -> None:
    # "threw their support behind Christian forces"
    doc = code_doc(build(vocab, [("Washington", "PROPN", "NNP", "nsubj", 1, "Washington", "B-GPE"),
                                 ("threw", "VERB", "VBD", "ROOT", 0, "throw", "O"),
                                 ("its", "PRON", "PRP$", "poss", 1, "its", "O"),
                                 ("support", "NOUN", "NN", "dobj", -2, "support", "O"),
                                 ("behind", "ADP", "IN", "prep", -3, "behind", "O"),
                                 ("Beirut", "PROPN", "NNP", "pobj", -1, "Beirut", "B-GPE"),
                                 (".", "PUNCT", ".", "punct", -5, ".", "O")]))
    assert ("Washington", "Beirut") in pairs(doc, "threw")


def test_events_roles_dateline_before_a_dash_is_no_subject(vocab: Vocab) -> None:
    # "Tehran -- rockets struck a tanker": the parser gives the verb two subjects; the one cut
    # off by a dash is the dateline, and an unnamed weapon leaves the source open
    doc = code_doc(build(vocab, [("Tehran", "PROPN", "NNP", "nsubj", 3, "Tehran", "B-GPE"),
                                 ("—", "PUNCT", ":", "punct", -1, "—", "O"),
                                 ("rockets", "NOUN", "NNS", "nsubj", 1, "rocket", "O"),
                                 ("struck", "VERB", "VBD", "ROOT", 0, "strike", "O"),
                                 ("Iranian", "ADJ", "JJ", "amod", 1, "iranian", "B-NORP"),
                                 ("tanker", "NOUN", "NN", "dobj", -2, "tanker", "O"),
                                 (".", "PUNCT", ".", "punct", -3, ".", "O")]))
    assert pairs(doc, "struck") == [(None, "Iranian")]


def test_events_roles_appositive_subject_keeps_the_first(vocab: Vocab) -> None:
    # "Jurists, a body linked to the OAU, investigated ...": the second subject is an appositive
    doc = code_doc(build(vocab, [("Jurists", "PROPN", "NNPS", "nsubj", 7, "Jurists", "B-ORG"),
                                 (",", "PUNCT", ",", "punct", 6, ",", "O"),
                                 ("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("body", "NOUN", "NN", "nsubj", 4, "body", "O"),
                                 ("of", "ADP", "IN", "prep", -1, "of", "O"),
                                 ("OAU", "PROPN", "NNP", "pobj", -1, "OAU", "B-ORG"),
                                 (",", "PUNCT", ",", "punct", -3, ",", "O"),
                                 ("investigated", "VERB", "VBD", "ROOT", 0, "investigate", "O"),
                                 ("Libya", "PROPN", "NNP", "dobj", -1, "Libya", "B-GPE"),
                                 (".", "PUNCT", ".", "punct", -2, ".", "O")]))
    assert [source for source, _ in pairs(doc, "investigated")] == ["Jurists"]


def test_events_roles_quotative_inversion_reporter_is_source(vocab: Vocab) -> None:
    # "The plan is dead, warned Russia's president": the parser's object is the reporter; with
    # a subject of its own before the verb ("Moscow, however, warned Iran the plan is dead") the
    # object stays the target
    inverted = code_doc(build(vocab, [("plan", "NOUN", "NN", "nsubj", 1, "plan", "O"),
                                      ("is", "AUX", "VBZ", "ccomp", 3, "be", "O"),
                                      ("dead", "ADJ", "JJ", "acomp", -1, "dead", "O"),
                                      (",", "PUNCT", ",", "punct", 1, ",", "O"),
                                      ("warned", "VERB", "VBD", "ROOT", 0, "warn", "O"),
                                      ("Russia", "PROPN", "NNP", "dobj", -1, "Russia", "B-GPE"),
                                      (".", "PUNCT", ".", "punct", -2, ".", "O")]))
    assert [source for source, _ in pairs(inverted, "warned")] == ["Russia"]
    plain = code_doc(build(vocab, [("Moscow", "PROPN", "NNP", "nsubj", 2, "Moscow", "B-GPE"),
                                   (",", "PUNCT", ",", "punct", 1, ",", "O"),
                                   ("warned", "VERB", "VBD", "ROOT", 0, "warn", "O"),
                                   ("Iran", "PROPN", "NNP", "dobj", -1, "Iran", "B-GPE"),
                                   ("plan", "NOUN", "NN", "nsubj", 1, "plan", "O"),
                                   ("is", "AUX", "VBZ", "ccomp", -3, "be", "O"),
                                   ("dead", "ADJ", "JJ", "acomp", -1, "dead", "O"),
                                   (".", "PUNCT", ".", "punct", -5, ".", "O")]))
    assert ("Moscow", "Iran") in pairs(plain, "warned")


def _rules_of(doc: Doc, trigger: str) -> list[str | None]:
    return [e["evidence"]["rules"].get("source") for e in doc._.events if e["trigger"] == trigger]


def test_events_roles_passive_clause_subject_does_joint_act(vocab: Vocab) -> None:
    # "Kenya was locked in talks with Ghana.": the talks name no doer; the clause's subject takes part
    doc = code_doc(build(vocab, [("Kenya", "PROPN", "NNP", "nsubjpass", 2, "Kenya", "B-GPE"),
                                 ("was", "AUX", "VBD", "auxpass", 1, "be", "O"),
                                 ("locked", "VERB", "VBN", "ROOT", 0, "lock", "O"),
                                 ("in", "ADP", "IN", "prep", -1, "in", "O"),
                                 ("talks", "NOUN", "NNS", "pobj", -1, "talk", "O"),
                                 ("with", "ADP", "IN", "prep", -1, "with", "O"),
                                 ("Ghana", "PROPN", "NNP", "pobj", -1, "Ghana", "B-GPE"),
                                 (".", "PUNCT", ".", "punct", -5, ".", "O")]))
    assert pairs(doc, "talks") == [("Kenya", "Ghana")]
    assert _rules_of(doc, "talks") == ["governing_subject"]


def test_events_roles_subject_walking_away_from_a_joint_act_takes_part(vocab: Vocab) -> None:
    # "Kenya will walk away from talks with Ghana.": the "from" phrase hangs on the adverb "away"
    doc = code_doc(build(vocab, [("Kenya", "PROPN", "NNP", "nsubj", 2, "Kenya", "B-GPE"),
                                 ("will", "AUX", "MD", "aux", 1, "will", "O"),
                                 ("walk", "VERB", "VB", "ROOT", 0, "walk", "O"),
                                 ("away", "ADV", "RB", "advmod", -1, "away", "O"),
                                 ("from", "ADP", "IN", "prep", -1, "from", "O"),
                                 ("talks", "NOUN", "NNS", "pobj", -1, "talk", "O"),
                                 ("with", "ADP", "IN", "prep", -1, "with", "O"),
                                 ("Ghana", "PROPN", "NNP", "pobj", -1, "Ghana", "B-GPE"),
                                 (".", "PUNCT", ".", "punct", -6, ".", "O")]))
    assert pairs(doc, "talks") == [("Kenya", "Ghana")]
    assert _rules_of(doc, "talks") == ["governing_subject"]


def test_events_roles_participle_subject_does_joint_act(vocab: Vocab) -> None:
    # "Kenya, winding up a visit to Ghana, spoke.": the participle's subject is its clause's
    doc = code_doc(build(vocab, [("Kenya", "PROPN", "NNP", "nsubj", 8, "Kenya", "B-GPE"),
                                 (",", "PUNCT", ",", "punct", 7, ",", "O"),
                                 ("winding", "VERB", "VBG", "advcl", 6, "wind", "O"),
                                 ("up", "ADP", "RP", "prt", -1, "up", "O"),
                                 ("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("visit", "NOUN", "NN", "dobj", -3, "visit", "O"),
                                 ("to", "ADP", "IN", "prep", -1, "to", "O"),
                                 ("Ghana", "PROPN", "NNP", "pobj", -1, "Ghana", "B-GPE"),
                                 ("spoke", "VERB", "VBD", "ROOT", 0, "speak", "O"),
                                 (".", "PUNCT", ".", "punct", -1, ".", "O")]))
    assert pairs(doc, "visit") == [("Kenya", "Ghana")]
    assert _rules_of(doc, "visit") == ["governing_subject"]


def test_events_roles_clause_acting_on_joint_act_is_not_its_doer(vocab: Vocab) -> None:
    # "Kenya criticised talks with Ghana.": the governing verb is an act on the talks, whose doer is unnamed
    doc = code_doc(build(vocab, [("Kenya", "PROPN", "NNP", "nsubj", 1, "Kenya", "B-GPE"),
                                 ("criticised", "VERB", "VBD", "ROOT", 0, "criticise", "O"),
                                 ("talks", "NOUN", "NNS", "dobj", -1, "talk", "O"),
                                 ("with", "ADP", "IN", "prep", -1, "with", "O"),
                                 ("Ghana", "PROPN", "NNP", "pobj", -1, "Ghana", "B-GPE"),
                                 (".", "PUNCT", ".", "punct", -4, ".", "O")]))
    assert "governing_subject" not in _rules_of(doc, "talks")
    assert ("Kenya", "Ghana") not in pairs(doc, "talks")


def test_events_roles_speaker_does_reported_joint_act(vocab: Vocab) -> None:
    # "Kenya said progress was made in talks with Ghana.": the talks name no doer; the speaker takes part
    doc = code_doc(build(vocab, [("Kenya", "PROPN", "NNP", "nsubj", 1, "Kenya", "B-GPE"),
                                 ("said", "VERB", "VBD", "ROOT", 0, "say", "O"),
                                 ("progress", "NOUN", "NN", "nsubjpass", 2, "progress", "O"),
                                 ("was", "AUX", "VBD", "auxpass", 1, "be", "O"),
                                 ("made", "VERB", "VBN", "ccomp", -3, "make", "O"),
                                 ("in", "ADP", "IN", "prep", -1, "in", "O"),
                                 ("talks", "NOUN", "NNS", "pobj", -1, "talk", "O"),
                                 ("with", "ADP", "IN", "prep", -1, "with", "O"),
                                 ("Ghana", "PROPN", "NNP", "pobj", -1, "Ghana", "B-GPE"),
                                 (".", "PUNCT", ".", "punct", -8, ".", "O")]))
    assert pairs(doc, "talks") == [("Kenya", "Ghana")]
    assert _rules_of(doc, "talks") == ["reporting_speaker"]


def test_events_roles_speaker_is_not_doer_of_another_partys_joint_act(vocab: Vocab) -> None:
    # "Kenya said Togo ended talks with Ghana.": the reported clause names its own party
    doc = code_doc(build(vocab, [("Kenya", "PROPN", "NNP", "nsubj", 1, "Kenya", "B-GPE"),
                                 ("said", "VERB", "VBD", "ROOT", 0, "say", "O"),
                                 ("Togo", "PROPN", "NNP", "nsubj", 1, "Togo", "B-GPE"),
                                 ("ended", "VERB", "VBD", "ccomp", -2, "end", "O"),
                                 ("talks", "NOUN", "NNS", "dobj", -1, "talk", "O"),
                                 ("with", "ADP", "IN", "prep", -1, "with", "O"),
                                 ("Ghana", "PROPN", "NNP", "pobj", -1, "Ghana", "B-GPE"),
                                 (".", "PUNCT", ".", "punct", -6, ".", "O")]))
    assert "reporting_speaker" not in _rules_of(doc, "talks")
    assert ("Kenya", "Ghana") not in pairs(doc, "talks")


def test_events_roles_passive_with_own_subject_inherits_no_doer(vocab: Vocab) -> None:
    # "Kenya attacked Togo, and it was blamed for the raid.": the one blamed is no blamer
    doc = code_doc(build(vocab, [("Kenya", "PROPN", "NNP", "nsubj", 1, "Kenya", "B-GPE"),
                                 ("attacked", "VERB", "VBD", "ROOT", 0, "attack", "O"),
                                 ("Togo", "PROPN", "NNP", "dobj", -1, "Togo", "B-GPE"),
                                 (",", "PUNCT", ",", "punct", -2, ",", "O"),
                                 ("and", "CCONJ", "CC", "cc", -3, "and", "O"),
                                 ("it", "PRON", "PRP", "nsubjpass", 2, "it", "O"),
                                 ("was", "AUX", "VBD", "auxpass", 1, "be", "O"),
                                 ("blamed", "VERB", "VBN", "conj", -6, "blame", "O"),
                                 ("for", "ADP", "IN", "prep", -1, "for", "O"),
                                 ("the", "DET", "DT", "det", 1, "the", "O"),
                                 ("raid", "NOUN", "NN", "pobj", -2, "raid", "O"),
                                 (".", "PUNCT", ".", "punct", -10, ".", "O")]))
    blamed = [e for e in doc._.events if e["trigger"] == "blamed"]
    assert blamed, "the blaming is coded"
    assert [text(e["source"]) for e in blamed] == [None] * len(blamed)
    assert {e["evidence"]["rules"]["source"] for e in blamed} == {"passive_own_subject"}
    assert ("Kenya", "Togo") in pairs(doc, "attacked")


def test_events_roles_passive_of_feeling_is_said_by_who_feels_it(vocab: Vocab) -> None:
    # "Ruritania is concerned by Osterlich's missile tests": Ruritania voices the concern (source),
    # Osterlich caused it (target); a plain passive would make the cause the doer
    doc = code_doc(build(vocab, [("Ruritania", "PROPN", "NNP", "nsubjpass", 2, "Ruritania", "B-GPE"),
                                 ("is", "AUX", "VBZ", "auxpass", 1, "be", "O"),
                                 ("concerned", "VERB", "VBN", "ROOT", 0, "concern", "O"),
                                 ("by", "ADP", "IN", "agent", -1, "by", "O"),
                                 ("Osterlich", "PROPN", "NNP", "poss", 3, "Osterlich", "B-GPE"),
                                 ("'s", "PART", "POS", "case", -1, "'s", "O"),
                                 ("missile", "NOUN", "NN", "compound", 1, "missile", "O"),
                                 ("tests", "NOUN", "NNS", "pobj", -4, "test", "O"),
                                 (".", "PUNCT", ".", "punct", -6, ".", "O")]))
    assert pairs(doc, "concerned") == [("Ruritania", "Osterlich")]


def test_events_roles_a_passive_of_feeling_needs_its_cause(vocab: Vocab) -> None:
    # with no "by" phrase the participle is left to the other rules (no cause to aim at)
    doc = code_doc(build(vocab, [("Ruritania", "PROPN", "NNP", "nsubjpass", 2, "Ruritania", "B-GPE"),
                                 ("is", "AUX", "VBZ", "auxpass", 1, "be", "O"),
                                 ("concerned", "VERB", "VBN", "ROOT", 0, "concern", "O"),
                                 (".", "PUNCT", ".", "punct", -1, ".", "O")]))
    assert all(source != "Ruritania" or target is None for source, target in pairs(doc, "concerned"))
