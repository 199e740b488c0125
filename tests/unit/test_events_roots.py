"""The CAMEO root that an act's words decide over the lexicon's default (events.codes.root_rule),
on sentences written for these tests and parsed by the real pipeline: statements that blame or
criticise, intents of hostile acts named by nouns, warnings that forecast or appeal, and
unconventional violence."""

from __future__ import annotations

from spacy.language import Language


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"),
             e["evidence"]["rules"].get("code")) for e in nlp(text)._.events]


def test_expressed_impatience_is_disapproval(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan government expressed impatience with Uganda's refusal to talk.")
    assert ("111", "Kenyan government", "Uganda", "_disapproval") in events


def test_said_content_criticises_unless_negated(nlp: Language) -> None:
    assert coded(nlp, "The Kenyan foreign minister said Uganda's drills were reckless.")[0][0] == "111"
    assert coded(nlp, "The Kenyan foreign minister said Uganda's drills were not reckless.")[0][0] == "010"


def test_suicide_bombers_assault_troops_fight(nlp: Language) -> None:
    assert coded(nlp, "Suicide bombers attacked a rally in Kenya.")[0][0][:2] == "18"
    assert coded(nlp, "Suicide bombers attacked a rally in Kenya.")[0][3] == "_unconventional"
    assert coded(nlp, "Kenyan troops attacked Somali militia positions.")[0][0][:2] == "19"


def test_preparing_an_attack_is_a_threat_preparing_talks_an_intent(nlp: Language) -> None:
    roots = {(code[:2], rule) for code, _, _, rule in coded(nlp, "Kenya is preparing an attack on Somalia.")}
    assert ("13", "_intent_of") in roots
    assert {code[:2] for code, *_ in coded(nlp, "Kenya is preparing talks with Somalia.")} == {"03", "04"}


def test_warning_that_forecasts_blame_is_criticism(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan foreign minister warned that Uganda's drills were a reckless provocation.")
    assert [(code, rule) for code, _, _, rule in events] == [("111", "_disapproval")]


def test_warning_of_own_strike_stays_a_threat(nlp: Language) -> None:
    roots = [code[:2] for code, *_ in coded(nlp, "Kenya warned Uganda that we will strike its camps.")]
    assert "13" in roots


def test_warning_against_is_an_appeal_unless_it_states_harm(nlp: Language) -> None:
    # docs/annotation.md D2 (guidelines version 2): a warning against something with no harm stated is
    # an appeal at home and abroad; harm in response from the warner makes it a threat
    home = coded(nlp, "Senators warned the White House against a deal with Iran.")
    assert home == [("020", "Senators", "White House", "_warning_appeal")]
    abroad = coded(nlp, "The American ambassador warned Iran against a deal with Russia.")
    assert [(code, rule) for code, _, _, rule in abroad] == [("020", "_warning_appeal")]
    harm = coded(nlp, "The American ambassador warned Iran against a deal with Russia, promising a firm response.")
    assert [code[:2] for code, _, _, rule in harm if rule != "_warning_appeal"][:1] == ["13"]


def test_warning_is_coded_by_its_content(nlp: Language) -> None:
    # docs/annotation.md D2: harm from the warner 13, a danger it does not cause 012, a travel warning 160
    def warning(text: str) -> str:
        (code,) = [code for code, _, _, _ in coded(nlp, text)[:1]]
        return code
    assert warning("Kenya warned that it would retaliate if Uganda closed the border.")[:2] == "13"
    assert warning("The Kenyan president warned Uganda that Kenya would respond to any incursion.")[:2] == "13"
    assert warning("Germany warned Russia of serious consequences.")[:2] == "13"
    assert warning("The Kenyan minister warned that the drought could leave millions of Somalis without food.") == "012"
    assert warning("The United Nations warned of a famine in Somalia.") == "012"
    assert warning("Britain warned its citizens against travel to Yemen.") == "160"
    # the harm of a measure or act forecast is a judgement of it, 111
    assert warning("The Kenyan president warned Parliament that such action would undercut his ability to govern.") == "111"


def test_warning_that_a_war_may_break_out_is_a_forecast(nlp: Language) -> None:
    # docs/annotation.md D2: a war or conflict that may happen, the subject of what is warned and tied to no side
    # of the warner, is a danger foreseen (012), not harm from the warner (cue danger_noun, codes._danger_happening)
    def warning(text: str) -> tuple[str, str | None]:
        (found,) = [(code, rule) for code, _, _, rule in coded(nlp, text)[:1]]
        return found
    assert warning("Kenya warned that war with Uganda could break out at any moment.") == ("012", "_warning_forecast")
    assert warning("The Kenyan president warned that a major conflict with Uganda could result from the standoff.") \
        == ("012", "_warning_forecast")
    # a war warned of (no subject of a clause) stays harm: a threat
    assert warning("Kenya warned Uganda of war.")[0][:2] == "13"


def test_attributed_act_with_blame_is_also_an_accusation(nlp: Language) -> None:
    # the reported act keeps its own event; the saying that blames is the speaker's accusation
    events = coded(nlp, "The Kenyan foreign minister said Ugandan militias were responsible for the raids on Kenya.")
    # (the blamed subject's predicate: `_judgement_in_statement`, read before `_disapproval`)
    assert any(code == "112" and src == "Kenyan foreign minister" and rule == "_judgement_in_statement"
               for code, src, _, rule in events)


def test_attributed_act_without_blame_stays_an_attribution(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan foreign minister said Ugandan troops attacked a border post.")
    assert "_disapproval" not in {rule for *_, rule in events}
    assert "19" in {code[:2] for code, *_ in events}


def test_naming_with_a_disapproving_predicate_is_criticism(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan president called the Ugandan troops invaders.")
    assert [(code[:2], rule) for code, _, _, rule in events] == [("11", "_evaluative")]
    assert coded(nlp, "The Kenyan president called the Ugandan envoy a friend.") == []


def test_describing_as_reckless_is_criticism_describing_alone_no_act(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan president described Uganda's new policy as reckless.")
    assert [(code, rule) for code, _, _, rule in events] == [("111", "_evaluative")]
    assert coded(nlp, "The Kenyan president described Uganda's new policy in detail.") == []


def test_a_condition_blames_no_one(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan president added that if Uganda failed to act, Kenya would be ready.")
    assert "_evaluative" not in {rule for *_, rule in events}


def test_vow_is_an_intent_a_vow_to_attack_a_threat(nlp: Language) -> None:
    assert "03" in {code[:2] for code, *_ in coded(nlp, "The Kenyan president vowed to meet Ugandan leaders.")}
    threat = {code[:2] for code, *_ in coded(nlp, "The Kenyan president vowed to attack Somali militants.")}
    assert "13" in threat and "03" not in threat


def test_suspending_talks_reduces_relations_suspending_a_person_sanctions(nlp: Language) -> None:
    aid = coded(nlp, "Kenya suspended its aid to Uganda.")
    assert [(code[:2], tgt) for code, _, tgt, _ in aid] == [("16", "Uganda")]
    person = coded(nlp, "The Kenyan ruling party suspended Senator Otieno.")
    assert [(code, rule) for code, _, _, rule in person] == [("172", "_suspended_person")]


def test_clashes_and_air_campaigns_are_fighting(nlp: Language) -> None:
    assert {code[:2] for code, *_ in coded(nlp, "Kenyan troops were involved in clashes with Somali militants.")} >= {"19"}
    assert {code for code, *_ in coded(nlp, "Kenya's air campaign against Somali militants continued.")} == {"195"}


def test_expressed_eagerness_to_meet_is_an_intent(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan president expressed his eagerness to meet Ugandan leaders.")
    assert ("036", "_expressed_intent") in [(code, rule) for code, _, _, rule in events]
    hope = coded(nlp, "The Kenyan president expressed hope for peace with Uganda.")
    assert "_expressed_intent" not in {rule for *_, rule in hope}


def test_promised_retaliation_is_a_threat(nlp: Language) -> None:
    events = coded(nlp, "Kenya promised retaliation against Somali militants.")
    assert ("13", "_intent_of") in [(code[:2], rule) for code, _, _, rule in events]


def test_launched_missile_without_aim_is_force_posture_with_aim_an_attack(nlp: Language) -> None:
    assert [code for code, *_ in coded(nlp, "North Korea launched a missile on Sunday.")] == ["150"]
    assert [code for code, *_ in coded(nlp, "Hamas launched rockets at Israel.")] == ["194"]


def test_launched_operation_against_is_military_force(nlp: Language) -> None:
    assert [code[:2] for code, *_ in coded(nlp, "Israel launched an operation against Hamas in Gaza.")] == ["19"]


def test_warning_at_home_of_what_must_be_done_is_an_appeal(nlp: Language) -> None:
    events = coded(nlp, '"We must not repeat that mistake in Kenya," the Kenyan president warned.')
    assert [(code, rule) for code, _, _, rule in events] == [("020", "_warning_appeal")]
    threat = coded(nlp, "The Kenyan president warned Uganda that it would face consequences.")
    assert [code[:2] for code, *_ in threat] == ["13"]



def test_planning_a_measure_of_hostile_acts_is_a_threat(nlp: Language) -> None:
    # the object "week" is no act: the act after "of" is what is intended
    events = coded(nlp, "Kenyan unions are planning a week of strikes against the Kenyan government.")
    assert ("13", "_intent_of") in {(code[:2], rule) for code, _, _, rule in events}
    assert "03" not in {code[:2] for code, _, _, rule in events if rule == "_verb_entry"}


def test_negative_evaluation_of_an_actor_or_its_act_is_criticism(nlp: Language) -> None:
    # words absent from the criticism/accusation cue lists, found by their VADER valence
    events = coded(nlp, "\"Norway's aggressive moves against Sweden are illegal and dangerous,\" the Swedish minister said.")
    assert ("111", "Swedish minister", "Norway", "_negative_evaluation") in events
    events = coded(nlp, "The Swedish prime minister said he was appalled by Norway's decision.")
    assert ("111", "Swedish prime minister", "Norway", "_negative_evaluation") in events


def test_emotion_of_disapproval_felt_or_expressed_is_criticism(nlp: Language) -> None:
    # session 52 (hH): patterns_extra.tsv codes "expressed outrage / doubts" 111 itself (docs/annotation.md D1a: doubt
    # about another's claims is criticism, 111; labels of the read half: 11), before the content rules
    events = coded(nlp, "The Swedish foreign minister expressed outrage at the Norwegian statements.")
    assert [code for code, *_ in events] == ["111"]
    events = coded(nlp, "The Swedish foreign minister expressed doubts about the Norwegian statements.")
    assert [code for code, *_ in events] == ["111"]
    events = coded(nlp, "The Swedish foreign minister expressed fear for the Norwegian fishermen.")
    assert [code[:2] for code, *_ in events] == ["01"]  # fear stays pessimism (CAMEO 012), not criticism


def test_negative_words_about_no_actor_sympathy_or_negation_are_no_criticism(nlp: Language) -> None:
    # a bad state of things judges no one; grief is sympathy (CAMEO 018), not criticism; negation
    for text in ("The Swedish minister said the Norwegian economy faced a severe crisis.",
                 "The Swedish prime minister said he was saddened by the deaths of Norwegian fishermen.",
                 "The Swedish minister said Norway's decision was not illegal."):
        events = coded(nlp, text)
        assert events, text  # the statement is still coded
        assert "_negative_evaluation" not in {rule for *_, rule in events}, text
    assert coded(nlp, "The Swedish minister said Norway's decision was not illegal.")[0][0] == "010"


def test_negative_valence_comes_from_the_shipped_lexicon() -> None:
    from dateline.lexicon import valence

    assert valence("illegal") < -1.5 and valence("Outraged") < -1.5
    assert valence("talks") == 0.0


def test_naming_an_actor_with_a_negative_noun_phrase_is_criticism(nlp: Language) -> None:
    # "worst" is in no cue list: its VADER valence judges the envoy the phrase is predicated of
    events = coded(nlp, "The Swedish minister called the Norwegian envoy the worst negotiator.")
    assert [(code, rule) for code, _, _, rule in events] == [("111", "_evaluative")]
    assert coded(nlp, "The Swedish minister called the Norwegian envoy the chief negotiator.") == []


def test_a_negative_noun_equated_with_an_actors_act_is_criticism(nlp: Language) -> None:
    events = coded(nlp, "The Swedish minister said the real scandal was the secret campaign by Norwegian officials.")
    assert ("111", "Swedish minister", "Norwegian officials", "_negative_evaluation") in events
    events = coded(nlp, "The Swedish minister said the real question was the secret campaign by Norwegian officials.")
    assert "_negative_evaluation" not in {rule for *_, rule in events}


def test_state_force_on_protesters_is_repression_protesters_on_police_riot(nlp: Language) -> None:
    # docs/annotation.md D8k (guidelines version 2): police or troops against protesters 175, the
    # protesters' violence against them 145; force against armed opponents stays 19
    def first(text: str) -> tuple[str, str | None]:
        code, _, _, rule = coded(nlp, text)[0]
        return code, rule
    assert first("Hong Kong police clashed with demonstrators on Sunday.") == ("175", "_crowd_control")
    assert first("Egyptian troops opened fire on the crowd in Cairo.") == ("175", "_crowd_control")
    assert first("Protesters clashed with riot police in Nairobi.") == ("145", "_crowd_control")
    assert first("Kenyan troops attacked Somali militants.")[0][:2] == "19"


def test_declined_to_comment_is_decline_comment(nlp: Language) -> None:
    # docs/annotation.md D1b (guidelines version 2): an explicit refusal to comment is 011, not a
    # rejection; a request for comment left unanswered is no act
    events = nlp("Kenya and Somalia held talks on Monday. The Kenyan embassy declined to comment on Tuesday.")._.events
    (declined,) = [e for e in events if e["trigger"] == "declined"]
    assert (declined["cameo"], declined["evidence"]["rules"]["code"]) == ("011", "_declined_comment")
    assert not coded(nlp, "The Kenyan embassy did not respond to a request for comment.")
    assert [code[:2] for code, *_ in coded(nlp, "Kenya declined to meet the Somali envoy.")][:1] == ["12"]


def test_refusing_to_say_or_answer_is_decline_comment(nlp: Language) -> None:
    # cue disclosure_verb (docs/annotation.md D1b): refusing to say, detail or answer is 011 as refusing to comment;
    # refusing to release someone stays a rejection
    for text in ("Kenya and Somalia held talks on Monday. The Kenyan foreign minister refused to say whether Uganda "
                 "had joined the talks.",
                 "Kenya and Somalia held talks on Monday. The Kenyan foreign minister refused to answer questions about Uganda."):
        (refused,) = [e for e in nlp(text)._.events if e["trigger"] == "refused"]
        assert (refused["cameo"], refused["evidence"]["rules"]["code"]) == ("011", "_declined_comment")
    assert [code[:2] for code, *_ in coded(nlp, "The Kenyan government refused to release the Ugandan prisoners.")][:1] == ["12"]


def test_refusing_to_answer_a_summons_or_say_sorry_is_no_declined_comment(nlp: Language) -> None:
    # review of session 36, finding 8: "say" and "answer" (cue open_disclosure_verb) decline comment only with no
    # object, a question noun as object or a wh-/whether clause
    for text in ("The Kenyan minister refused to answer the court's summons.", "The Kenyan minister refused to say sorry to Uganda."):
        assert "011" not in [code for code, *_ in coded(nlp, text)], text
    assert "011" in [code for code, *_ in coded(nlp, "The Kenyan minister refused to answer questions from Ugandan reporters.")]
    assert "011" in [code for code, *_ in coded(nlp, "The Kenyan minister declined to say whether Uganda had been consulted.")]
    assert "011" in [code for code, *_ in coded(nlp, "Kenyan officials declined to say precisely what weapons the Kenyan army has agreed to sell to Uganda.")]


def test_a_war_of_the_warners_own_is_no_forecast(nlp: Language) -> None:
    # review of session 36, finding 9: _forecast shares _danger_happening's test (_danger_subject): a war the
    # warner's side names as its own is harm threatened (13x), not a danger foreseen whose content is judged (111)
    warned = [(code, rule) for code, _, _, rule in coded(nlp, "Kenya warned that a Kenyan war would punish Uganda's reckless provocation.")]
    assert ("130", "_warning_threat") in warned and not any(code == "111" for code, _ in warned)
    assert ("012", "_warning_forecast") in [(code, rule) for code, _, _, rule in coded(nlp, "Kenya warned that war could break out with Uganda.")]


def test_a_name_that_blames_an_actor_is_criticism(nlp: Language) -> None:
    # session 53 (hN): a word that names an actor or an act ("terrorists", "crime") is skipped by _negative_evaluation;
    # as the name a naming verb gives an actor or its act, its VADER valence (or cue blaming_adjective) blames
    events = coded(nlp, "The Swedish minister called the Norwegian rebels “terrorists.”")
    assert [(code, rule) for code, _, _, rule in events] == [("111", "_naming_blame")]
    assert ("111", "_naming_blame") in {(code, rule) for code, _, _, rule in
                                         coded(nlp, "The Swedish minister called the strikes on Norway a crime.")}
    assert coded(nlp, "The Swedish minister called the Norwegian envoy very foolish.")[0][::3] == ("111", "_naming_blame")


def test_a_name_vader_does_not_rate_blames_by_cue_blaming_name(nlp: Language) -> None:
    # session 57 (iE): insults VADER leaves at 0 ("traitor", "puppet", "bogus") blame by cue blaming_name; an
    # act's name ("a massacre") is not on the list (its target is the act's doer, rarely the one named)
    for text in ("The Swedish minister called the Norwegian envoy a traitor.",
                 "The Swedish minister called the Norwegian president a puppet.",
                 "The Swedish minister called the Norwegian inquiry bogus."):
        assert ("111", "_naming_blame") in {(code, rule) for code, _, _, rule in coded(nlp, text)}, text
    for text in ("The Swedish minister did not call the Norwegian envoy a traitor.",
                 "The Swedish minister called the Norwegian envoy a friend."):
        assert "_naming_blame" not in {rule for *_, rule in coded(nlp, text)}, text


def test_a_name_that_praises_is_neutral_or_is_negated_codes_nothing(nlp: Language) -> None:
    # praise by the name's VADER valence was measured and dropped (session 53, hN: no label lists it on the verb)
    for text in ("The Swedish minister called the Norwegian envoy a hero.",
                 "The Swedish minister did not call the Norwegian rebels terrorists.",
                 "The Swedish minister called the Norwegian envoy the chief negotiator.",
                 "The rebel group calls itself the Terror Front."):
        assert "_naming_blame" not in {rule for *_, rule in coded(nlp, text)}, text
        assert "111" not in {code for code, *_ in coded(nlp, text)}, text
