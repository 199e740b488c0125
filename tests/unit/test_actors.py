"""The actors stage on hand-built Docs (no model): KB names, dated roles, seats, titles, coreference."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.actors import actor_ref, code_actors, resolve_as_of
from dateline.kb import default_kb, split_code

import dateline.nlp  # noqa: F401  (registers the Doc extensions)


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    """An English vocab: lexical attributes (lower case, is_stop) as the model computes them."""
    return spacy.blank("en").vocab


def _doc(vocab: Vocab, words: list[str], pos: list[str], deps: list[str], heads: list[int],
         ents: list[str], published: dt.date | None) -> Doc:
    tags = {"PROPN": "NNP", "VERB": "VBD", "NOUN": "NN", "PRON": "PRP", "ADJ": "JJ", "DET": "DT", "PUNCT": "."}
    doc = Doc(vocab, words=words, pos=pos, tags=[tags.get(p, "XX") for p in pos], deps=deps, heads=heads, ents=ents)
    doc._.published = published
    return doc


def test_actors_capital_as_government_and_dated_role(vocab: Vocab) -> None:
    words = ["Pyongyang", "demanded", "that", "Trump", "end", "sanctions", "."]
    doc = _doc(vocab, words, ["PROPN", "VERB", "SCONJ", "PROPN", "VERB", "NOUN", "PUNCT"],
               ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj", "punct"], [1, 1, 4, 4, 1, 4, 1],
               ["B-GPE", "O", "O", "B-ORG", "O", "O", "O"], dt.date(2019, 1, 18))
    actors = {a["name"]: a for a in code_actors(doc, default_kb())}
    assert actors["Pyongyang"]["code"] == "PRKGOV"
    trump = actors["Donald Trump"]
    assert trump["code"] == "USAGOV" and trump["label"] == "PERSON"  # the model's ORG is repaired
    assert trump["evidence"][0]["valid_from"] == "2017-01-20"
    doc._.actors = list(actors.values())
    assert actor_ref(doc, 0, 9)["code"] == "PRKGOV"
    assert resolve_as_of(doc, trump, dt.date(2015, 6, 1))["code"] == "USA"


def test_actors_title_codes_unknown_person_and_pronoun_links(vocab: Vocab) -> None:
    words = ["Swedish", "envoy", "Anna", "Testdottir", "arrived", ".", "She", "spoke", "."]
    doc = _doc(vocab, words, ["ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
               ["amod", "compound", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
               [1, 3, 3, 4, 4, 4, 7, 7, 7], ["B-NORP", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"], None)
    actors = {a["name"]: a for a in code_actors(doc, default_kb())}
    anna = actors["Anna Testdottir"]
    assert (anna["code"], anna["kb_id"]) == ("SWEGOV", None)
    assert anna["evidence"][0]["kind"] == "title"
    assert [m["text"] for m in anna["mentions"]] == ["Swedish envoy Anna Testdottir", "She"]  # the title is not cut


def test_actors_unknown_name_stays_uncoded(vocab: Vocab) -> None:
    words = ["Zorbak", "Quellinor", "said", "no", "."]
    doc = _doc(vocab, words, ["PROPN", "PROPN", "VERB", "INTJ", "PUNCT"], ["compound", "nsubj", "ROOT", "dobj", "punct"],
               [1, 2, 2, 2, 2], ["B-PERSON", "I-PERSON", "O", "O", "O"], dt.date(2019, 1, 19))
    (actor,) = code_actors(doc, default_kb())
    assert actor["code"] is None and actor["country"] is None and actor["evidence"] == []


def test_actors_us_is_the_united_states_unless_shouted() -> None:
    import spacy
    from spacy.tokens import Doc

    from dateline.actors import _name_like

    vocab = spacy.blank("en").vocab  # English lexical attributes: is_stop, lower_
    plain = Doc(vocab, words=["China", "demanded", "that", "the", "US", "cancel", "the", "sale", "."],
                sent_starts=[True] + [False] * 8)
    shouted = Doc(vocab, words=["TELL", "US", "THE", "TRUTH", "NOW", "!"], sent_starts=[True] + [False] * 5)
    assert _name_like(plain, 4, 5)
    assert not _name_like(shouted, 1, 2)


def _coded(doc: Doc) -> dict[str, dict]:
    doc._.actors = code_actors(doc, default_kb())
    return {a["name"]: a for a in doc._.actors}


def test_actors_nominal_country_modifier_and_sector(vocab: Vocab) -> None:
    words = ["Israeli", "troops", "shot", "two", "Palestinian", "militants", "."]
    doc = _doc(vocab, words, ["ADJ", "NOUN", "VERB", "NUM", "ADJ", "NOUN", "PUNCT"],
               ["amod", "nsubj", "ROOT", "nummod", "amod", "dobj", "punct"], [1, 2, 2, 5, 5, 2, 2],
               ["B-NORP", "O", "O", "B-CARDINAL", "B-NORP", "O", "O"], dt.date(2020, 1, 1))
    actors = _coded(doc)
    assert set(actors) == {"Israeli troops", "Palestinian militants"}  # the demonyms are part of the phrases
    troops, militants = actors["Israeli troops"], actors["Palestinian militants"]
    assert (troops["code"], troops["country"], troops["sector"]) == ("ISRMIL", "ISR", "MIL")
    assert militants["code"] == "PSEREB" and militants["label"] == "NOMINAL"
    assert troops["evidence"][0]["kind"] == "rule" and "troops" in troops["evidence"][0]["detail"]
    assert actor_ref(doc, 0, len("Israeli troops"))["code"] == "ISRMIL"
    assert actor_ref(doc, 0, len("Israeli"))["code"] == "ISRMIL"  # a stretch inside the phrase
    start = doc[3].idx
    assert actor_ref(doc, start, doc[5].idx + len("militants"))["text"] == "Palestinian militants"


def test_actors_nominal_coordinated_countries(vocab: Vocab) -> None:
    words = ["Senior", "Hungarian", "and", "Romanian", "officials", "agreed", "."]
    doc = _doc(vocab, words, ["ADJ", "ADJ", "CCONJ", "ADJ", "NOUN", "VERB", "PUNCT"],
               ["amod", "amod", "cc", "conj", "nsubj", "ROOT", "punct"], [4, 4, 1, 1, 5, 5, 5],
               ["O", "B-NORP", "O", "B-NORP", "O", "O", "O"], dt.date(2020, 1, 1))
    actors = _coded(doc)
    by_code = {a["code"]: [m["text"] for m in a["mentions"]] for a in actors.values()}
    assert by_code == {"HUNGOV": ["Hungarian"], "ROUGOV": ["Romanian"]}


def test_actors_title_before_name_is_one_mention(vocab: Vocab) -> None:
    words = ["British", "Defence", "Secretary", "Tom", "Kingsworth", "said", "no", "."]
    doc = _doc(vocab, words, ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "INTJ", "PUNCT"],
               ["amod", "compound", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"], [1, 2, 4, 4, 5, 5, 5, 5],
               ["B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"], dt.date(2020, 1, 1))
    actors = _coded(doc)
    assert list(actors) == ["Tom Kingsworth"]  # "British Defence" is part of the title, no actor of its own
    king = actors["Tom Kingsworth"]
    assert king["code"] == "GBRGOV" and king["evidence"][0]["kind"] == "title"
    assert [m["text"] for m in king["mentions"]] == ["British Defence Secretary Tom Kingsworth"]
    assert actor_ref(doc, 0, doc[4].idx + len("Kingsworth"))["code"] == "GBRGOV"
    assert actor_ref(doc, doc[3].idx, doc[4].idx + len("Kingsworth"))["code"] == "GBRGOV"  # the name alone


def test_actors_nominal_of_complement_and_organisation(vocab: Vocab) -> None:
    words = ["The", "government", "of", "Sudan", "accused", "UN", "peacekeepers", "."]
    doc = _doc(vocab, words, ["DET", "NOUN", "ADP", "PROPN", "VERB", "PROPN", "NOUN", "PUNCT"],
               ["det", "nsubj", "prep", "pobj", "ROOT", "compound", "dobj", "punct"], [1, 4, 1, 2, 4, 6, 4, 4],
               ["O", "O", "O", "B-GPE", "O", "B-ORG", "O", "O"], dt.date(2020, 1, 1))
    actors = _coded(doc)
    assert actors["government of Sudan"]["code"] == "SDNGOV"
    peacekeepers = actors["UN peacekeepers"]
    assert (peacekeepers["country"], peacekeepers["sector"]) == ("IGO", "MIL")
    assert peacekeepers["code"].startswith("IGOUNO")


def test_actors_role_noun_as_modifier_is_no_actor(vocab: Vocab) -> None:
    words = ["Iraqi", "police", "stations", "closed", "."]
    doc = _doc(vocab, words, ["ADJ", "NOUN", "NOUN", "VERB", "PUNCT"], ["amod", "compound", "nsubj", "ROOT", "punct"],
               [2, 2, 3, 3, 3], ["B-NORP", "O", "O", "O", "O"], dt.date(2020, 1, 1))
    actors = _coded(doc)
    assert [a["code"] for a in actors.values()] == ["IRQ"]  # "police stations" are no police


def test_actors_bare_role_noun_takes_the_one_country_only(vocab: Vocab) -> None:
    words = ["Police", "in", "Kenya", "arrested", "protesters", "."]
    pos = ["NOUN", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"]
    deps = ["nsubj", "prep", "pobj", "ROOT", "dobj", "punct"]
    heads = [3, 0, 1, 3, 3, 3]
    one = _coded(_doc(vocab, words, pos, deps, heads, ["O", "O", "B-GPE", "O", "O", "O"], dt.date(2020, 1, 1)))
    assert one["Police"]["code"] == "KENCOP"  # "in Kenya"
    assert one["protesters"]["code"] == "KENOPP"  # the article's one country
    assert "one country" in one["protesters"]["evidence"][0]["detail"]
    words2 = ["Police", "arrested", "protesters", "from", "Uganda", "and", "Tanzania", "."]
    doc2 = _doc(vocab, words2, ["NOUN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"],
                ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "punct"], [1, 1, 1, 2, 3, 4, 4, 1],
                ["O", "O", "O", "O", "B-GPE", "O", "B-GPE", "O"], dt.date(2020, 1, 1))
    two = _coded(doc2)
    assert two["Police"]["code"] == "COP"  # two countries in the article: the sector only
    assert two["protesters"]["code"] == "UGAOPP"  # "from Uganda"


def test_actors_titled_person_takes_the_one_country(vocab: Vocab) -> None:
    words = ["President", "Zorbak", "Quellinor", "extended", "the", "curfew", "in", "Sudan", "."]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    deps = ["compound", "compound", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"]
    heads = [2, 2, 3, 3, 5, 3, 3, 6, 3]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-GPE", "O"]
    one = _coded(_doc(vocab, words, pos, deps, heads, ents, dt.date(1990, 1, 1)))
    person = one["Zorbak Quellinor"]
    assert person["code"] == "SDNGOV"
    assert person["evidence"][-1]["kind"] == "rule" and "one country (SDN)" in person["evidence"][-1]["detail"]
    # two countries in play: whose president, the text does not say
    words2 = ["President", "Zorbak", "Quellinor", "visited", "Chad", "and", "Sudan", "."]
    doc2 = _doc(vocab, words2, ["PROPN", "PROPN", "PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"],
                ["compound", "compound", "nsubj", "ROOT", "dobj", "cc", "conj", "punct"], [2, 2, 3, 3, 3, 4, 4, 3],
                ["O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-GPE", "O"], dt.date(1990, 1, 1))
    assert _coded(doc2)["Zorbak Quellinor"]["code"] == "GOV"


def test_actors_titled_person_takes_a_capital_country(vocab: Vocab) -> None:
    words = ["President", "Zorbak", "Quellinor", "imposed", "a", "curfew", "in", "Algiers", "."]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    deps = ["compound", "compound", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"]
    actors = _coded(_doc(vocab, words, pos, deps, [2, 2, 3, 3, 5, 3, 3, 6, 3],
                         ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-GPE", "O"], dt.date(1995, 1, 1)))
    assert actors["Zorbak Quellinor"]["code"] == "DZAGOV"
    assert actors["Algiers"]["code"] == "DZA"  # a place here, not the government


def test_actors_person_modifier_gives_the_country(vocab: Vocab) -> None:
    words = ["The", "Bush", "administration", "criticized", "Iran", "."]
    doc = _doc(vocab, words, ["DET", "PROPN", "NOUN", "VERB", "PROPN", "PUNCT"],
               ["det", "compound", "nsubj", "ROOT", "dobj", "punct"], [2, 2, 3, 3, 3, 3],
               ["O", "B-PERSON", "O", "O", "B-GPE", "O"], dt.date(1990, 1, 1))
    actors = _coded(doc)
    assert actors["Bush administration"]["code"] == "USAGOV"  # not the article's other country (IRN)
    assert "'Bush' (USA)" in actors["Bush administration"]["evidence"][0]["detail"]
    assert actor_ref(doc, 0, len("The Bush administration"))["code"] == "USAGOV"


def test_actors_person_modifier_gives_no_country_to_police(vocab: Vocab) -> None:
    # a last name the KB knows ("Bush") is a leader owning a government, never a force named by its
    # district ("Bush police" here as "Kent police"): the police keep no country from it
    words = ["The", "Bush", "police", "arrested", "a", "man", "."]
    doc = _doc(vocab, words, ["DET", "PROPN", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
               ["det", "compound", "nsubj", "ROOT", "det", "dobj", "punct"], [2, 2, 3, 3, 5, 3, 3],
               ["O", "B-PERSON", "O", "O", "O", "O", "O"], dt.date(1990, 1, 1))
    actors = _coded(doc)
    assert "Bush police" in actors
    assert not str(actors["Bush police"]["code"]).startswith("USA")


def test_actors_kb_surname_country_needs_a_clear_majority() -> None:
    kb = default_kb()
    assert kb.surname_country("Putin") == "RUS"
    assert kb.surname_country("Smith") is None  # people of many countries
    assert kb.surname_country("Zorbakquellinor") is None


def test_actors_accented_and_elided_country_names(vocab: Vocab) -> None:
    from dateline.kb import normalise

    assert normalise("Côte d’Ivoire") == normalise("COTE D'IVOIRE")
    words = ["Côte", "d'Ivoire", "protested", "to", "the", "European", "Community", "."]
    doc = _doc(vocab, words, ["PROPN", "PROPN", "VERB", "ADP", "DET", "PROPN", "PROPN", "PUNCT"],
               ["compound", "nsubj", "ROOT", "prep", "det", "compound", "pobj", "punct"], [1, 2, 2, 2, 6, 6, 3, 2],
               ["B-GPE", "I-GPE", "O", "O", "O", "B-ORG", "I-ORG", "O"], dt.date(1990, 1, 1))
    codes = {a["name"]: a["code"] for a in _coded(doc).values()}
    assert codes["European Community"] == "IGOEUREEC"  # its KB code, not re-coded from "Community"
    assert "CIV" in codes.values()


def test_actors_group_noun_takes_role_and_place(vocab: Vocab) -> None:
    words = ["Opposition", "groups", "in", "Zambia", "and", "Kenyan", "officials", "met", "."]
    doc = _doc(vocab, words, ["NOUN", "NOUN", "ADP", "PROPN", "CCONJ", "ADJ", "NOUN", "VERB", "PUNCT"],
               ["compound", "nsubj", "prep", "pobj", "cc", "amod", "conj", "ROOT", "punct"], [1, 7, 1, 2, 1, 6, 1, 7, 7],
               ["O", "O", "O", "B-GPE", "O", "B-NORP", "O", "O", "O"], dt.date(2020, 1, 1))
    actors = _coded(doc)
    groups = actors["Opposition groups"]
    assert groups["code"] == "ZMBOPP" and "in 'Zambia'" in groups["evidence"][0]["detail"]
    assert actors["Zambia"]["code"] == "ZMB"  # the place stays an actor of its own
    # a range that holds the phrase and its place is the phrase's actor, not the place's
    assert actor_ref(doc, 0, doc[3].idx + len("Zambia"))["code"] == "ZMBOPP"


def test_actors_ethnic_group_is_coded_where_it_lives(vocab: Vocab) -> None:
    pos = ["ADJ", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"]
    deps = ["amod", "nsubj", "prep", "pobj", "ROOT", "punct"]
    ents = ["O", "B-NORP", "O", "B-GPE", "O", "O"]
    located = _coded(_doc(vocab, ["Ethnic", "Greeks", "in", "Albania", "protested", "."], pos, deps,
                          [1, 4, 1, 2, 4, 4], ents, dt.date(2020, 1, 1)))
    assert located["Ethnic Greeks"]["code"] == "ALBCVL"  # where they live, never the kin state GRC
    of = _coded(_doc(vocab, ["The", "Greeks", "of", "Albania", "protested", "."], ["DET", *pos[1:]],
                     ["det", *deps[1:]], [1, 4, 1, 2, 4, 4], ents, dt.date(2020, 1, 1)))
    assert of["Greeks"]["code"] == "ALBCVL"
    plain = _doc(vocab, ["The", "Greeks", "of", "Greece", "protested", "."], ["DET", *pos[1:]],
                 ["det", *deps[1:]], [1, 4, 1, 2, 4, 4], ents, dt.date(2020, 1, 1))
    _coded(plain)
    assert actor_ref(plain, plain[1].idx, plain[1].idx + len("Greeks"))["code"] == "GRC"  # the people of the state
    alone = _coded(_doc(vocab, ["Ethnic", "Greeks", "protested", "."], ["ADJ", "PROPN", "VERB", "PUNCT"],
                        ["amod", "nsubj", "ROOT", "punct"], [1, 2, 2, 2], ["O", "B-NORP", "O", "O"], dt.date(2020, 1, 1)))
    assert alone["Ethnic Greeks"]["code"] == "CVL"  # no place: the country is unknown


def test_actors_ethnic_modifier_leaves_the_role_noun_to_its_place(vocab: Vocab) -> None:
    words = ["Ethnic", "Greek", "rebels", "operating", "in", "Albania", "surrendered", "."]
    doc = _doc(vocab, words, ["ADJ", "ADJ", "NOUN", "VERB", "ADP", "PROPN", "VERB", "PUNCT"],
               ["amod", "amod", "nsubj", "acl", "prep", "pobj", "ROOT", "punct"], [2, 2, 6, 2, 3, 4, 6, 6],
               ["O", "B-NORP", "O", "O", "O", "B-GPE", "O", "O"], dt.date(2020, 1, 1))
    actors = _coded(doc)
    assert actors["Ethnic Greek rebels"]["code"] == "ALBREB"
    assert "GRC" not in {a["code"] for a in actors.values()}


def test_actors_demonym_before_a_people_is_where_it_lives(vocab: Vocab) -> None:
    words = ["Bosnian", "Greeks", "protested", "."]
    doc = _doc(vocab, words, ["ADJ", "PROPN", "VERB", "PUNCT"], ["amod", "nsubj", "ROOT", "punct"], [1, 2, 2, 2],
               ["B-NORP", "B-NORP", "O", "O"], dt.date(2020, 1, 1))
    assert _coded(doc)["Bosnian Greeks"]["code"] == "BIHCVL"


def test_actors_country_led_forces_are_that_side(vocab: Vocab) -> None:
    words = ["Turkish", "-", "backed", "forces", "attacked", "."]
    doc = _doc(vocab, words, ["ADJ", "PUNCT", "VERB", "NOUN", "VERB", "PUNCT"],
               ["npadvmod", "punct", "amod", "nsubj", "ROOT", "punct"], [2, 2, 3, 4, 4, 4],
               ["B-NORP", "O", "O", "O", "O", "O"], dt.date(2020, 1, 1))
    _coded(doc)
    forces = actor_ref(doc, doc[3].idx, doc[3].idx + len("forces"))
    assert forces["code"] == "TURMIL" and forces["text"].startswith("Turkish")


def test_actors_body_named_after_a_country_or_the_un(vocab: Vocab) -> None:
    words = ["The", "Kenya", "Assembly", "asked", "the", "United", "Nations", "Drought", "Coordinator", "."]
    doc = _doc(vocab, words, ["DET", "PROPN", "PROPN", "VERB", "DET", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT"],
               ["det", "compound", "nsubj", "ROOT", "det", "compound", "compound", "compound", "dobj", "punct"],
               [2, 2, 3, 3, 8, 6, 8, 8, 3, 3],
               ["O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"], dt.date(2020, 1, 1))
    actors = _coded(doc)
    assert actors["Kenya Assembly"]["code"] == "KENLEG"
    assert actors["United Nations Drought Coordinator"]["code"] == "IGOUNO"


def _parsed(vocab: Vocab, rows: str, published: dt.date | None = None) -> Doc:
    """A Doc from one "word POS dep head ent" row per token (head: the head's index)."""
    table = [line.split() for line in rows.strip().splitlines()]
    words = [r[0] for r in table]
    # written as text is: no blank before "-", "'s", ")", "." and ",", none after "-" and "("
    spaces = [not (w in ("-", "(") or (i + 1 < len(words) and words[i + 1] in ("-", "'s", ")", ".", ",", "$")))
              for i, w in enumerate(words)]
    tags = {"PROPN": "NNP", "VERB": "VBD", "NOUN": "NN", "PRON": "PRP", "ADJ": "JJ", "DET": "DT", "PUNCT": "."}
    doc = Doc(vocab, words=words, spaces=spaces, pos=[r[1] for r in table], tags=[tags.get(r[1], "XX") for r in table],
              deps=[r[2] for r in table], heads=[int(r[3]) for r in table], ents=[r[4] for r in table])
    doc._.published = published
    return doc


def _by_text(doc: Doc) -> dict[str, str | None]:
    """Each mention's text -> its actor's code."""
    return {m["text"]: a["code"] for a in code_actors(doc, default_kb()) for m in a["mentions"]}


_YELTSIN = """
{adj} ADJ amod 3 O
President PROPN compound 3 O
Boris PROPN compound 3 B-PERSON
Yeltsin PROPN nsubj 4 I-PERSON
spoke VERB ROOT 4 O
. PUNCT punct 4 O
"""


def test_actors_current_title_beats_the_kb_role(vocab: Vocab) -> None:
    # with no date the KB's latest role is RUSELI (after office); the text says he is president
    doc = _parsed(vocab, _YELTSIN.format(adj="Russian").replace("amod 3 O", "amod 3 B-NORP"))
    (yeltsin,) = [a for a in code_actors(doc, default_kb()) if a["label"] == "PERSON"]
    assert yeltsin["code"] == "RUSGOV" and yeltsin["evidence"][-1]["kind"] == "title"
    # in office on the publication date the KB already says so: no title evidence is added
    dated = _parsed(vocab, _YELTSIN.format(adj="Russian").replace("amod 3 O", "amod 3 B-NORP"), dt.date(1995, 6, 1))
    (yeltsin,) = [a for a in code_actors(dated, default_kb()) if a["label"] == "PERSON"]
    assert yeltsin["code"] == "RUSGOV" and [e["kind"] for e in yeltsin["evidence"]] == ["kb"]


def test_actors_former_title_is_an_elite(vocab: Vocab) -> None:
    # in 1995 the KB says RUSGOV; "former president" is CAMEO's ELI
    doc = _parsed(vocab, _YELTSIN.format(adj="Former"), dt.date(1995, 6, 1))
    (yeltsin,) = [a for a in code_actors(doc, default_kb()) if a["label"] == "PERSON"]
    assert yeltsin["code"] == "RUSELI"
    unknown = _parsed(vocab, """
Ousted ADJ amod 3 O
president NOUN compound 3 O
Zorbak PROPN compound 3 B-PERSON
Quellin PROPN nsubj 4 I-PERSON
fled VERB ROOT 4 O
. PUNCT punct 4 O
""")
    assert _by_text(unknown)["president Zorbak Quellin"] == "ELI"


def test_actors_kb_role_kept_when_the_title_agrees(vocab: Vocab) -> None:
    doc = _parsed(vocab, """
Hamas PROPN compound 1 B-ORG
leader NOUN compound 3 O
Ismail PROPN compound 3 B-PERSON
Haniyeh PROPN nsubj 4 I-PERSON
spoke VERB ROOT 4 O
. PUNCT punct 4 O
""", dt.date(2019, 1, 1))
    assert _by_text(doc)["Hamas leader Ismail Haniyeh"] == "PSEREBHMS"  # the leader of a body takes its code


def test_actors_realm_after_the_name_and_hyphenated_names(vocab: Vocab) -> None:
    king = _parsed(vocab, """
King PROPN compound 1 O
Hassan PROPN nsubj 4 B-PERSON
of ADP prep 1 O
Morocco PROPN pobj 2 B-GPE
spoke VERB ROOT 4 O
. PUNCT punct 4 O
""")
    assert _by_text(king)["King Hassan"] == "MARGOV"  # not the KB's Jordanian "Hassan"
    bashir = _parsed(vocab, """
President PROPN compound 5 O
Omar PROPN compound 5 B-PERSON
Hassan PROPN compound 5 I-PERSON
al PROPN compound 5 I-PERSON
- PUNCT punct 5 I-PERSON
Bashir PROPN nsubj 6 I-PERSON
spoke VERB ROOT 6 O
. PUNCT punct 6 O
""")
    codes = _by_text(bashir)
    assert "Hassan" not in codes and codes["President Omar Hassan al-Bashir"] != "JORGOV"


def test_actors_hyphenated_title_and_appositive_body(vocab: Vocab) -> None:
    annan = _parsed(vocab, """
U.N. PROPN compound 3 B-ORG
Secretary PROPN compound 3 O
- PUNCT punct 3 O
General PROPN compound 5 O
Kofi PROPN compound 5 B-PERSON
Annan PROPN nsubj 6 I-PERSON
spoke VERB ROOT 6 O
. PUNCT punct 6 O
""")
    code = _by_text(annan)["Secretary-General Kofi Annan"]
    assert split_code(code) == ("IGO", "GOV")  # "Secretary-General" is GOV, not "General" MIL
    envoy = _parsed(vocab, """
Warren PROPN compound 1 B-PERSON
Christopher PROPN nsubj 8 I-PERSON
, PUNCT punct 1 O
the DET det 6 O
United PROPN compound 5 B-ORG
Nations PROPN compound 6 I-ORG
coordinator NOUN appos 1 O
, PUNCT punct 1 O
arrived VERB ROOT 8 O
. PUNCT punct 8 O
""", dt.date(1995, 6, 1))
    code = _by_text(envoy)["Warren Christopher"]
    assert code is not None and code.startswith("IGOUNO")  # the appositive's body, not the KB's USAGOV


def test_actors_context_country_only_for_a_free_state_office(vocab: Vocab) -> None:
    welcome = _parsed(vocab, """
President PROPN compound 2 O
Zorbak PROPN compound 2 B-PERSON
Quellin PROPN nsubj 3 I-PERSON
welcomed VERB ROOT 3 O
South PROPN compound 5 B-NORP
African ADJ amod 6 I-NORP
leader NOUN compound 8 O
Tomas PROPN compound 8 B-PERSON
Vrenn PROPN dobj 3 I-PERSON
. PUNCT punct 3 O
""")
    codes = _by_text(welcome)
    assert codes["South African leader Tomas Vrenn"] == "ZAFGOV"
    assert codes["President Zorbak Quellin"] == "GOV"  # that office is Vrenn's: no country rather than his
    curfew = _parsed(vocab, """
President PROPN compound 2 O
Zorbak PROPN compound 2 B-PERSON
Quellin PROPN nsubj 3 I-PERSON
lifted VERB ROOT 3 O
the DET det 5 O
curfew NOUN dobj 3 O
in ADP prep 5 O
Sudan PROPN pobj 6 B-GPE
. PUNCT punct 3 O
""")
    assert _by_text(curfew)["President Zorbak Quellin"] == "SDNGOV"
    cleric = _parsed(vocab, """
Archbishop PROPN compound 2 O
Zorbak PROPN compound 2 B-PERSON
Quellin PROPN nsubj 3 I-PERSON
criticised VERB ROOT 3 O
Sudan PROPN dobj 3 B-GPE
. PUNCT punct 3 O
""")
    assert _by_text(cleric)["Archbishop Zorbak Quellin"] == "CHR"  # a church title is not Sudan's office


def test_actors_organisation_members_do_not_take_the_context_country(vocab: Vocab) -> None:
    doc = _parsed(vocab, """
US PROPN compound 1 B-GPE
strikes NOUN nsubj 2 O
killed VERB ROOT 2 O
al PROPN compound 5 B-ORG
- PUNCT punct 5 I-ORG
Qaeda PROPN compound 6 I-ORG
leader NOUN dobj 2 O
. PUNCT punct 2 O
""")
    code = _by_text(doc)["al-Qaeda leader"]
    assert code is not None and code.startswith("IMG")  # a KB name without a capital, not the USA


def test_actors_weapons_are_actors_only_as_doers(vocab: Vocab) -> None:
    fire = _parsed(vocab, """
Vietnamese ADJ amod 1 B-NORP
forces NOUN nsubj 2 O
fired VERB ROOT 2 O
artillery NOUN dobj 2 O
at ADP prep 2 O
camps NOUN pobj 4 O
. PUNCT punct 2 O
""")
    codes = _by_text(fire)
    assert codes["Vietnamese forces"] == "VNMMIL" and "artillery" not in codes
    tanks = _parsed(vocab, """
Israeli ADJ amod 1 B-NORP
tanks NOUN nsubj 2 O
fired VERB ROOT 2 O
at ADP prep 2 O
camps NOUN pobj 3 O
. PUNCT punct 2 O
""")
    assert _by_text(tanks)["Israeli tanks"] == "ISRMIL"


def test_actors_possessor_of_a_tie_is_the_other_party(vocab: Vocab) -> None:
    doc = _parsed(vocab, """
Rebels NOUN nsubj 1 O
killed VERB ROOT 1 O
the DET det 3 O
commander NOUN dobj 1 O
of ADP prep 3 O
Iran PROPN poss 7 B-GPE
's PART case 5 O
ally NOUN pobj 4 O
in ADP prep 7 O
Yemen PROPN pobj 8 B-GPE
. PUNCT punct 1 O
""")
    code = _by_text(doc)["commander of Iran's ally in Yemen"]
    assert code is not None and code.startswith("YEM")  # where the ally is, never Iran


def test_actors_bracketed_acronym_is_the_organisation(vocab: Vocab) -> None:
    doc = _parsed(vocab, """
The DET det 2 B-ORG
Freeland PROPN compound 2 I-ORG
Union PROPN nsubj 7 I-ORG
( PUNCT punct 2 O
AKK PROPN appos 2 B-ORG
) PUNCT punct 2 O
and CCONJ cc 7 O
said VERB ROOT 7 O
AKK PROPN nsubj 9 B-ORG
would AUX aux 9 O
. PUNCT punct 7 O
""")
    actors = code_actors(doc, default_kb())
    union = next(a for a in actors if a["name"] == "Freeland Union")
    assert [m["text"] for m in union["mentions"]] == ["Freeland Union", "AKK", "AKK"]
    assert not any(a["kb_id"] and "kramp" in a["kb_id"] for a in actors)  # not the KB's "AKK"


def test_actors_currency_country_and_possessive_owner(vocab: Vocab) -> None:
    money = _parsed(vocab, """
Officials NOUN nsubj 1 O
stole VERB ROOT 1 O
US PROPN compound 3 B-GPE
$ SYM nmod 1 B-MONEY
5 NUM dobj 1 I-MONEY
. PUNCT punct 1 O
""")
    assert "US" not in _by_text(money)
    owner = _parsed(vocab, """
The DET det 2 B-ORG
United PROPN compound 2 I-ORG
Nations PROPN nsubj 3 I-ORG
withdrew VERB ROOT 3 O
its PRON poss 5 O
troops NOUN dobj 3 O
from ADP prep 3 O
Sudan PROPN pobj 6 B-GPE
. PUNCT punct 3 O
""")
    code = _by_text(owner)["troops"]
    assert code is not None and split_code(code) == ("IGO", "MIL")  # the UN's troops, not Sudan's


def test_actors_short_name_joins_the_fuller_name_named_most(vocab: Vocab) -> None:
    # "Zorbak Quellinor met Zorbak Tannefel and Tannefel spoke. Zorbak smiled.": of two full names
    # sharing the word, the one the article names most so far (not the first) is meant
    words = ["Zorbak", "Quellinor", "met", "Zorbak", "Tannefel", "and", "Tannefel", "spoke", ".", "Zorbak", "smiled", "."]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    deps = ["compound", "nsubj", "ROOT", "compound", "dobj", "cc", "nsubj", "conj", "punct", "nsubj", "ROOT", "punct"]
    heads = [1, 2, 2, 4, 2, 2, 7, 2, 2, 10, 10, 10]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "O", "B-PERSON", "O", "O"]
    doc = _doc(vocab, words, pos, deps, heads, ents, dt.date(2018, 1, 1))
    actors = _coded(doc)
    start = doc[9].idx
    assert any(m["start"] == start for m in actors["Zorbak Tannefel"]["mentions"])
    assert not any(m["start"] == start for m in actors["Zorbak Quellinor"]["mentions"])
    assert any("the one named most" in e["detail"] for e in actors["Zorbak Tannefel"]["evidence"])


def test_a_titled_name_with_a_middle_initial_is_the_kb_person(nlp) -> None:
    doc = nlp("Ambassador Nikki R. Haley said on Monday that the vote was a mistake.")
    (actor,) = [a for a in doc._.actors if "Haley" in a["name"]]
    assert actor["name"] == "Nikki Haley"  # the KB's entry, not a title-coded stranger
    assert actor["code"] == "USAGOV"


def test_a_middle_initial_never_joins_two_people(nlp) -> None:
    doc = nlp("Officials said John Q. Nobody arrived in Paris on Monday.")
    assert not any(a.get("kb_id") and "Nobody" in a["name"] for a in doc._.actors)


def _find_by_scan(doc: Doc, start_char: int, end_char: int) -> tuple[dict, dict] | None:
    """What ``resolution._find`` answers, by scanning every mention (its code before the index)."""
    from dateline.actors.resolution import _governed

    best = None
    inside = [(a, m) for a in doc._.actors or [] for m in a["mentions"] if m["start"] >= start_char and m["end"] <= end_char]
    if len(inside) > 1:
        mentions = [m for _, m in inside]
        heads = [(a, m) for a, m in inside if not _governed(doc, m, mentions, start_char, end_char)]
        inside = [(a, m) for a, m in heads if a.get("code")] or inside
    for actor, mention in inside:
        if best is None or mention["end"] - mention["start"] > best[0]:
            best = (mention["end"] - mention["start"], actor, mention)
    if best is None:
        for actor in doc._.actors or []:
            for mention in actor["mentions"]:
                if mention["start"] <= start_char and end_char <= mention["end"] and start_char < end_char:
                    if best is None or mention["end"] - mention["start"] < best[0]:
                        best = (mention["end"] - mention["start"], actor, mention)
    return (best[1], best[2]) if best else None


def test_actors_find_by_index_matches_scan(vocab: Vocab) -> None:
    """``_find`` looks mentions up in a per-Doc index by start; it answers what a scan of every
    mention answers, ties (same size) included, on random mentions and ranges."""
    import random

    from dateline.actors.resolution import _find

    rng = random.Random(7)
    words = [rng.choice(["the", "army", "of", "Ruritania", "said", "rebels", "in", "Elbonia", "."]) for _ in range(60)]
    heads = [max(0, i - rng.randint(0, 3)) for i in range(60)]
    doc = Doc(vocab, words=words, heads=heads, deps=["dep"] * 60)
    starts = [t.idx for t in doc] + [len(doc.text)]
    asked = found = 0
    for round_ in range(30):
        actors = []
        for a in range(rng.randint(1, 8)):
            mentions = []
            for _ in range(rng.randint(1, 4)):
                i = rng.randrange(60)
                j = min(60, i + rng.randint(1, 5))
                mentions.append({"start": starts[i], "end": starts[j] - (doc[j - 1].whitespace_ != ""), "text": "x"})
            actors.append({"name": f"a{a}", "code": rng.choice([None, "RUR", "ELBREB"]), "mentions": mentions})
        doc._.actors = actors  # a new list each round: the index follows it
        for _ in range(200):
            i, j = sorted(rng.sample(range(61), 2))
            lo, hi = starts[i] + rng.choice([0, 0, 1]), starts[j] - rng.choice([0, 1])
            got, want = _find(doc, lo, hi), _find_by_scan(doc, lo, hi)
            assert (got is None) == (want is None)
            if want is not None:
                assert got[0] is want[0] and got[1] is want[1]
                found += 1
            asked += 1
    assert asked == 6000 and found > 1000


def test_named_mention_by_index_matches_scan(vocab: Vocab) -> None:
    """``sides._named_mention`` finds the actors holding the pronoun by the per-Doc mention index;
    it answers what the scan of every actor's every mention answered, on random mentions."""
    import random

    from dateline.actors import actor_ref
    from dateline.events.sides import _named_mention
    from dateline.lang import en

    def by_scan(doc: Doc, start: int) -> dict | None:
        for actor in doc._.actors or []:
            mentions = actor.get("mentions") or []
            if not any(m["start"] <= start < m["end"] for m in mentions):
                continue
            named = [m for m in mentions if m["end"] <= start and m["text"].lower() not in en.REFERRING_PRONOUNS]
            if named:
                last = max(named, key=lambda m: m["start"])
                return actor_ref(doc, last["start"], last["end"])
        return None

    rng = random.Random(11)
    words = [rng.choice(["he", "Kim", "said", "the", "minister", "of", "Ruritania", "."]) for _ in range(60)]
    doc = Doc(vocab, words=words)
    starts = [t.idx for t in doc] + [len(doc.text)]
    asked = found = 0
    for round_ in range(30):
        actors = []
        for a in range(rng.randint(1, 8)):
            mentions = []
            for _ in range(rng.randint(1, 5)):
                i = rng.randrange(60)
                j = min(60, i + rng.randint(1, 4))
                end = starts[j] - (doc[j - 1].whitespace_ != "")
                mentions.append({"start": starts[i], "end": end, "text": doc.text[starts[i]:end]})
            actors.append({"name": f"a{a}", "code": rng.choice([None, "RUR"]), "mentions": mentions})
        doc._.actors = actors
        for token in doc:
            got, want = _named_mention(doc, token), by_scan(doc, token.idx)
            assert got == want
            found += want is not None
            asked += 1
    assert asked == 1800 and found > 200


def test_actors_a_neighbours_title_of_another_state_leaves_the_kb_person(vocab: Vocab) -> None:
    # the title before the comma is the Chinese minister's, not Hagel's: the KB's state stands
    doc = _parsed(vocab, """
In ADP prep 12 O
a DET det 2 O
call NOUN pobj 0 O
to ADP prep 2 O
Chinese ADJ amod 6 B-NORP
Defense PROPN compound 6 O
Minister PROPN compound 8 O
Zorbak PROPN compound 8 B-PERSON
Quellin PROPN pobj 3 I-PERSON
, PUNCT punct 12 O
Chuck PROPN compound 11 B-PERSON
Hagel PROPN nsubj 12 I-PERSON
warned VERB ROOT 12 O
. PUNCT punct 12 O
""", dt.date(2013, 6, 1))
    codes = _by_text(doc)
    assert codes["Chuck Hagel"][:3] == "USA"
    assert codes["Chinese Defense Minister Zorbak Quellin"] == "CHNGOV"  # the minister keeps his own title


def _kb_with_aliases(entry_id: str, aliases: list[str]):
    """The shipped KB with more aliases for one of its entries (a copy: the shipped one is shared)."""
    import dataclasses
    kb = default_kb()
    copy = dataclasses.replace(kb, entries=dict(kb.entries), names={k: list(v) for k, v in kb.names.items()})
    entry = kb.entries[entry_id]
    copy.add(dataclasses.replace(entry, aliases=[*entry.aliases, *aliases]))
    return copy


def test_actors_a_bodys_alias_that_runs_on_into_a_persons_name_leaves_the_person(vocab: Vocab) -> None:
    # the actor dictionaries list office holders under their body ("White House Press Secretary X" as
    # the White House): the person is the actor, titled by the body, and a later surname is theirs
    kb = _kb_with_aliases("phx:white-house", ["White House Press Secretary Anna Testdottir",
                                             "Friends of the White House Anna Testdottir"])
    words = ["White", "House", "Press", "Secretary", "Anna", "Testdottir", "spoke", ".",
             "Testdottir", "criticised", "Egypt", "."]
    doc = _doc(vocab, words, ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT",
                              "PROPN", "VERB", "PROPN", "PUNCT"],
               ["compound", "compound", "compound", "compound", "compound", "nsubj", "ROOT", "punct",
                "nsubj", "ROOT", "dobj", "punct"], [5, 3, 3, 5, 5, 6, 6, 6, 9, 9, 9, 9],
               ["B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "B-GPE", "O"],
               dt.date(2013, 6, 1))
    actors = {a["name"]: a for a in code_actors(doc, kb)}
    anna = actors["Anna Testdottir"]
    assert (anna["label"], anna["code"]) == ("PERSON", "USAGOV")
    assert [m["text"] for m in anna["mentions"]] == ["White House Press Secretary Anna Testdottir", "Testdottir"]
    assert "White House" not in actors  # the body is the person's title here, no actor of its own


def test_actors_a_bodys_alias_with_no_role_word_before_a_name_stays_the_body(vocab: Vocab) -> None:
    kb = _kb_with_aliases("phx:white-house", ["Friends of the White House Anna Testdottir"])
    words = ["Friends", "of", "the", "White", "House", "Anna", "Testdottir", "spoke", "."]
    doc = _doc(vocab, words, ["PROPN", "ADP", "DET", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
               ["nsubj", "prep", "det", "compound", "pobj", "compound", "appos", "ROOT", "punct"],
               [7, 0, 4, 4, 1, 6, 0, 7, 7],
               ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "B-PERSON", "I-PERSON", "O", "O"], dt.date(2013, 6, 1))
    actors = {a["name"]: a for a in code_actors(doc, kb)}
    assert "Anna Testdottir" not in actors


_ENVOY_AND_BODY = """
Swedish ADJ amod 1 B-NORP
envoy NOUN compound 3 O
Anna PROPN compound 3 B-PERSON
Testdottir PROPN nsubj 4 I-PERSON
arrived VERB ROOT 4 O
. PUNCT punct 4 O
The DET det 7 O
{noun} NOUN nsubj 8 O
refused VERB ROOT 8 O
. PUNCT punct 8 O
"""


def test_actors_a_body_is_not_the_person_before_it(vocab: Vocab) -> None:
    """xsides38: "the government" (a body) stays a nominal actor of its own; "the official" (a person noun,
    cue ``person_noun``) is still the person named before."""
    body = {a["name"]: a for a in code_actors(_parsed(vocab, _ENVOY_AND_BODY.format(noun="government")), default_kb())}
    anna = body["Anna Testdottir"]
    assert [m["text"] for m in anna["mentions"]] == ["Swedish envoy Anna Testdottir"]
    government = [a for a in body.values() if any(m["text"].lower().endswith("government") for m in a["mentions"])]
    assert len(government) == 1 and government[0]["label"] != "PERSON" and (government[0]["code"] or "").endswith("GOV")
    assert any(e["kind"] == "coreference" and "a body, not the person before it ('Anna Testdottir'" in e["detail"]
               for e in government[0]["evidence"])
    person = {a["name"]: a for a in code_actors(_parsed(vocab, _ENVOY_AND_BODY.format(noun="official")), default_kb())}
    assert [m["text"] for m in person["Anna Testdottir"]["mentions"]] == ["Swedish envoy Anna Testdottir", "The official"]


def test_actors_a_body_named_twice_after_a_person_says_so_once(vocab: Vocab) -> None:
    """The body's evidence that it is not the person before it is written once, as a coreference link's is."""
    text = _ENVOY_AND_BODY.format(noun="government") + """The DET det 12 O
government NOUN nsubj 12 O
agreed VERB ROOT 12 O
. PUNCT punct 12 O
"""
    actors = code_actors(_parsed(vocab, text), default_kb())
    government = [a for a in actors if any(m["text"].lower().endswith("government") for m in a["mentions"])]
    assert len(government) == 1
    assert [e["kind"] for e in government[0]["evidence"]].count("coreference") == 1


def test_actors_the_guard_is_a_body_and_the_sheriff_a_person(vocab: Vocab) -> None:
    """Cue ``person_noun`` (mend38): "guard" ("the National Guard") and "executive" ("the EU's executive") can name a
    body and are no person nouns; the person nouns of agents.tsv ("sheriff", "legislator", "consul") are."""
    for noun in ("guard", "executive"):
        actors = {a["name"]: a for a in code_actors(_parsed(vocab, _ENVOY_AND_BODY.format(noun=noun)), default_kb())}
        assert [m["text"] for m in actors["Anna Testdottir"]["mentions"]] == ["Swedish envoy Anna Testdottir"], noun
    for noun in ("sheriff", "legislator", "consul"):
        actors = {a["name"]: a for a in code_actors(_parsed(vocab, _ENVOY_AND_BODY.format(noun=noun)), default_kb())}
        assert [m["text"] for m in actors["Anna Testdottir"]["mentions"]] == [
            "Swedish envoy Anna Testdottir", f"The {noun}"], noun


def test_actors_religion_word_beside_kb_officeholder_keeps_the_office(vocab: Vocab) -> None:
    # "John McCain, a friend of the Jewish state, criticized Egypt." (written for this test): "Jewish" is a
    # religion's agent word (JEW), no office; the KB's senator keeps his dated term (session 47, actors47)
    words = ["John", "McCain", ",", "a", "friend", "of", "the", "Jewish", "state", ",", "criticized", "Egypt", "."]
    doc = _doc(vocab, words, ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "ADJ", "NOUN", "PUNCT", "VERB",
                              "PROPN", "PUNCT"],
               ["compound", "nsubj", "punct", "det", "appos", "prep", "det", "amod", "pobj", "punct", "ROOT", "dobj",
                "punct"],
               [1, 10, 1, 4, 1, 4, 8, 8, 5, 1, 10, 10, 10],
               ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-NORP", "O", "O", "O", "B-GPE", "O"],
               dt.date(2013, 8, 18))
    actors = {a["name"]: a for a in code_actors(doc, default_kb())}
    assert actors["John McCain"]["code"] == "USAGOVLEG"  # not USAJEW
