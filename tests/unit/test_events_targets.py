"""Event targets (issue 11, the targets part) on sentences written for these tests, parsed by the
real spaCy pipeline: what a statement, appeal or disapproval is about, the parties of an
agreement, the host of a visit, and a venue that is no target."""

from __future__ import annotations

from spacy.language import Language


def events(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None, str]]:
    """(source country, target country, target rule) of the events on ``trigger``."""
    doc = nlp(text)
    found = [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"), e["evidence"]["rules"]["target"])
             for e in doc._.events if e["trigger"] == trigger]
    assert found, f"no event on {trigger!r} in {text!r}"
    return found


def test_topic_phrase_is_a_statements_target(nlp: Language) -> None:
    # "doubts about X's plan": the statement is about X
    assert events(nlp, "The French president expressed doubts about Iran's plan.", "expressed") == [
        ("FRA", "IRN", "target_of_topic")]


def test_reported_clause_subject_is_a_claims_target(nlp: Language) -> None:
    assert events(nlp, "The German chancellor claimed that Syria had broken the truce.", "claimed") == [
        ("DEU", "SYR", "target_of_topic")]


def test_content_clause_of_the_object_names_the_target(nlp: Language) -> None:
    # "voiced concern that ... in China": the concern is about China
    assert events(nlp, "The Japanese government voiced concern that human rights in China have not improved.",
                  "voiced") == [("JPN", "CHN", "target_of_topic")]


def test_topic_needs_a_named_actor(nlp: Language) -> None:
    # what the statement is about names no country: no target from the topic; with no other country
    # named around it, a domestic speaker's own (dateline.actors.countries.missing_target)
    found = events(nlp, "The French president expressed doubts about the plan.", "expressed")
    assert found == [("FRA", "FRA", "_verb_addressee")]


def test_a_fronted_place_is_a_venue_not_a_target(nlp: Language) -> None:
    # "In Tokyo, X condemned ...": Tokyo is where it was said, not whom it is aimed at
    # (with no other country named, the minister's own: countries.missing_target)
    assert events(nlp, "In Tokyo, the Russian foreign minister condemned the decision.", "condemned") == [
        ("RUS", "RUS", "_verb_addressee")]


def test_a_fronted_place_of_an_attack_is_the_country_attacked(nlp: Language) -> None:
    # CAMEO's convention for violence: the place attacked is the target, fronted or not
    found = events(nlp, "In Kabul, Taliban fighters attacked a police station.", "attacked")
    assert [(target, rule) for _, target, rule in found] == [("AFG", "target_of_place")]


def test_hyphenated_parties_of_an_event_noun(nlp: Language) -> None:
    # "the US-China talks": the parties named before the noun, joined by a hyphen
    assert events(nlp, "The US-China trade talks resumed on Monday.", "talks") == [("USA", "CHN", "_hyphen_parties")]


def test_a_hyphenated_modifier_naming_no_actor_is_no_party(nlp: Language) -> None:
    found = events(nlp, "Chinese officials held the long-delayed talks with Japan.", "talks")
    assert [(source, target) for source, target, _ in found] == [("CHN", "JPN")]
    assert "_hyphen_parties" not in {rule for _, _, rule in found}


def test_a_meeting_abroad_of_one_party_is_aimed_at_the_host(nlp: Language) -> None:
    assert events(nlp, "The French foreign minister held talks in Berlin.", "talks") == [
        ("FRA", "DEU", "target_of_host")]


def test_a_visit_in_a_where_clause_is_aimed_at_the_place(nlp: Language) -> None:
    found = events(nlp, "In Japan, where the Russian president was on an official visit, the Kremlin blasted the report.",
                   "visit")
    assert [(target, rule) for _, target, rule in found] == [("JPN", "target_of_host")]


def test_a_meeting_at_home_has_no_host(nlp: Language) -> None:
    # in its own country a place is only the venue
    found = events(nlp, "The French foreign minister held talks in Paris.", "talks")
    assert [target for _, target, _ in found] == [None]


def test_the_place_of_an_attack_noun_is_its_target(nlp: Language) -> None:
    # CAMEO's location convention, for a noun as for a verb: the country attacked
    assert events(nlp, "Iran's offensive in northern Iraq killed dozens.", "offensive") == [
        ("IRN", "IRQ", "_place_targets")]


def test_a_summit_of_hyphenated_parties_abroad_has_no_host_target(nlp: Language) -> None:
    # two parties meet ("Macron-Zhou", one of them unresolved): the place is only the venue
    found = events(nlp, "The French president attended the Macron-Zhou summit in Hanoi.", "summit")
    assert [(source, target) for source, target, _ in found] == [("FRA", None)]


def target_texts(nlp: Language, text: str, trigger: str) -> list[str | None]:
    """The target text of each event on ``trigger``."""
    doc = nlp(text)
    found = [(e["target"] or {}).get("text") for e in doc._.events if e["trigger"] == trigger]
    assert found, f"no event on {trigger!r} in {text!r}"
    return found


def test_a_partitive_argument_names_the_group_it_counts(nlp: Language) -> None:
    # "one of the suicide bombers": the numeral names no actor, the group after "of" does
    assert target_texts(nlp, "Afghan police shot one of the suicide bombers in Kabul.", "shot") == ["suicide bombers"]


def test_attackers_are_an_unnamed_group(nlp: Language) -> None:
    # "exchanged fire with the attackers": an armed group, its country left to the countries stage
    assert events(nlp, "Pakistani commandos exchanged fire with the attackers.", "exchanged") == [
        ("PAK", "PAK", "_verb_roles")]


def test_a_bare_numeral_object_of_a_killing_is_its_victims(nlp: Language) -> None:
    found = events(nlp, "Syrian troops said they had surrounded the gunmen and killed four.", "killed")
    assert found == [("SYR", "SYR", "_verb_roles")]
    assert target_texts(nlp, "Syrian troops said they had surrounded the gunmen and killed four.", "killed") == ["four"]


def test_a_town_in_apposition_names_the_country_attacked(nlp: Language) -> None:
    # "in Kobane, the Syrian Kurdish town": the town's name is no coded place, its apposition is
    assert events(nlp, "Turkish warplanes carried out airstrikes in Kobane, the Syrian Kurdish town.", "airstrikes") == [
        ("TUR", "SYR", "_place_targets")]


def test_a_meeting_venue_is_no_target_when_a_partner_is_named(nlp: Language) -> None:
    # the partner is resolved only to a sector: the venue, Vienna, must not be taken instead
    found = target_texts(nlp, "The French minister met with the rebel commander Abu Omar in Vienna.", "met")
    assert found == ["rebel commander Abu Omar"]


def test_a_meeting_place_stays_the_target_when_no_partner_resolves(nlp: Language) -> None:
    assert events(nlp, "The French minister met with tribal elders in Kandahar.", "met") == [
        ("FRA", "AFG", "_verb_roles")]


def test_condemning_an_attack_is_not_aimed_at_its_victim(nlp: Language) -> None:
    # the attackers are unnamed: no target, and not the company attacked
    assert events(nlp, "China condemned the cyberattacks on Sony.", "condemned") == [("CHN", None, "_verb_roles")]


def test_condemning_an_attack_is_aimed_at_its_named_doer(nlp: Language) -> None:
    assert events(nlp, "Iran condemned the Israeli airstrikes on Gaza.", "condemned") == [("IRN", "ISR", "_verb_roles")]


def test_the_country_stands_for_the_country_named_before(nlp: Language) -> None:
    text = "Greece held elections on Sunday. The German chancellor congratulated the country."
    assert events(nlp, text, "congratulated") == [("DEU", "GRC", "_verb_roles")]


# What a statement is about (dateline.events.roles._said_about) ------------------------------------


def test_a_statement_is_about_the_other_country_not_the_speakers_own(nlp: Language) -> None:
    # "Hungary" is the speaker's own country, what he speaks for: the statement is aimed at Austria
    assert events(nlp, "Hungarian Deputy Prime Minister Jozsef Marjai said Hungary might normalise relations "
                       "with Austria.", "said") == [("HUN", "AUT", "_verb_roles")]
    assert events(nlp, "Kenyan Foreign Minister Amina Mohamed said Kenya would never accept Somalia's claim "
                       "to the waters.", "said") == [("KEN", "SOM", "_verb_roles")]


def test_a_statement_about_its_own_country_only_keeps_it(nlp: Language) -> None:
    found = events(nlp, "The Kenyan president said Kenyan troops would stay.", "said")
    assert found == [("KEN", "KEN", "_verb_roles")]


def test_an_audience_at_home_yields_to_the_country_the_statement_is_about(nlp: Language) -> None:
    assert events(nlp, "President Obama told Congress that North Korea was the gravest threat.", "told") == [
        ("USA", "PRK", "_verb_roles")]
    # nothing abroad in what was said: the audience stays the target
    assert events(nlp, "President Obama told Congress that the budget would be cut.", "told") == [
        ("USA", "USA", "_verb_roles")]


def test_an_appeal_for_a_measure_against_another_country_is_aimed_at_home(nlp: Language) -> None:
    # what the measure is done to ("the expulsion of American diplomats", "a ban on Iranian oil") is not
    # whom a minister appeals to: with no one appealed to, the minister's own government would take it
    assert events(nlp, "The Russian foreign minister called for the expulsion of American diplomats.", "called") == [
        ("RUS", "RUS", "target_of_measure")]
    assert events(nlp, "The British defence minister pressed for a ban on Iranian oil.", "pressed") == [
        ("GBR", "GBR", "target_of_measure")]


def test_an_appeal_for_a_measure_someone_else_would_take_is_aimed_at_them(nlp: Language) -> None:
    # the measure's possessor, named modifier or "of" names who would take it: the one appealed to
    assert events(nlp, "The Libyan prime minister called for Russia's intervention.", "called") == [
        ("LBY", "RUS", "_verb_roles")]
    assert events(nlp, "The Kenyan president appealed for more American investment.", "appealed") == [
        ("KEN", "USA", "_verb_roles")]
    assert events(nlp, "The British ambassador called for an emergency session of the Security Council.",
                  "called") == [("GBR", "IGO", "_verb_roles")]


def test_a_state_appealing_for_a_measure_is_not_aimed_at_itself(nlp: Language) -> None:
    # only a domestic part of a state (a minister, a legislator) is taken to appeal to its own
    # government; a state itself speaks to other states (countries.missing_target)
    assert events(nlp, "Russia called for the expulsion of American diplomats.", "called") == [
        ("RUS", "USA", "_verb_addressee")]


def test_what_is_discussed_is_a_topic_not_a_party(nlp: Language) -> None:
    # docs/annotation.md D10a: the one it is discussed with is the party, not what is discussed
    assert events(nlp, "The Argentine economy minister discussed Brazil's loan request with the World Bank.",
                  "discussed") == [("ARG", "IGO", "_verb_roles")]
    assert events(nlp, "The Japanese foreign minister discussed the Iranian nuclear programme with the German "
                  "chancellor.", "discussed") == [("JPN", "DEU", "_verb_roles")]


def test_a_missile_fired_is_no_target(nlp: Language) -> None:
    # the weapon a verb of firing or launching names (cue ``weapon_launch_verb``) is no party: it took
    # the country named most around it (the drills' USA) as if it were an actor aimed at
    text = "Seoul and Washington began joint drills on Monday. Hours later North Korea test-fired a new missile."
    ((source, target, rule),) = events(nlp, text, "fired")
    assert source == "PRK"
    assert target != "USA" and rule != "_verb_roles"


def test_a_missile_launched_over_a_country_is_aimed_at_it(nlp: Language) -> None:
    assert events(nlp, "North Korea launched a missile over Japan on Tuesday.", "launched") == [
        ("PRK", "JPN", "_verb_roles")]


def test_firing_a_person_keeps_the_person_as_target(nlp: Language) -> None:
    # "fire" is a verb of firing a weapon only when its object is one
    ((source, target, rule),) = events(nlp, "The Nigerian president fired the Ghanaian ambassador on Monday.", "fired")
    assert (target, rule) == ("GHA", "_verb_roles")


def test_coordinated_parties_of_an_agreement_are_each_others_targets(nlp: Language) -> None:
    # "A and B agreed": one event per party (PLOVER's each_party), each aimed at the other
    # (docs/annotation.md section 4), not left with no target
    found = events(nlp, "Brazil and Argentina agreed to lower tariffs on steel.", "agreed")
    assert sorted(found) == [("ARG", "BRA", "coordinated_parties"), ("BRA", "ARG", "coordinated_parties")]


def test_a_target_of_one_partys_own_country_is_a_topic(nlp: Language) -> None:
    # "settled a dispute over Peruvian fishing rights": Peru is a party, its rights what was settled
    found = events(nlp, "Chile and Peru settled a dispute over Peruvian fishing rights.", "settled")
    assert sorted((s, t) for s, t, _ in found) == [("CHL", "PER"), ("PER", "CHL")]


def test_coordinated_parties_with_a_third_party_named_keep_it(nlp: Language) -> None:
    # a third party the agreement is aimed at stays the target
    found = events(nlp, "Brazil and Argentina agreed to impose sanctions on Venezuela.", "agreed")
    assert {t for _, t, _ in found} == {"VEN"}
    # and a third country named elsewhere in the sentence keeps the parties from being paired
    found = events(nlp, "Brazil and Argentina agreed to lower tariffs, a Chilean official said.", "agreed")
    assert all(rule != "coordinated_parties" for _, _, rule in found)


def test_one_party_agreeing_has_no_partner_made_up(nlp: Language) -> None:
    assert events(nlp, "Brazil agreed to lower tariffs on steel.", "agreed") == [("BRA", None, "_verb_roles")]


def test_where_two_coordinated_parties_agree_is_no_party(nlp: Language) -> None:
    # a summit or agreement in a third country: the parties are each other's targets, not the host
    # (docs/annotation.md section 2)
    text = "The agreement was announced in Geneva by the Brazilian foreign minister and the Argentine foreign minister."
    found = events(nlp, text, "agreement")
    assert found and {t for _, t, _ in found} <= {"BRA", "ARG"} and all(s != t for s, t, _ in found)
    # one party alone abroad still aims it at the host (target_of_host)
    assert events(nlp, "The Brazilian president held talks in Geneva.", "talks") == [("BRA", "CHE", "target_of_host")]


def test_own_state_first_in_what_is_vowed_gives_way_to_the_other_country(nlp: Language) -> None:
    # session 41 (targets41): "warned that Iran would retaliate against Israel" is aimed at Israel, not at the
    # speaker's own state named first in the clause (roles._abroad)
    assert events(nlp, "The Iranian foreign minister warned that Iran would retaliate against Israel.", "warned") == [
        ("IRN", "ISR", "target_of_topic_abroad")]


def test_own_state_stays_the_target_when_no_other_country_is_named(nlp: Language) -> None:
    assert events(nlp, "The Iranian foreign minister warned that Iran would defend itself.", "warned") == [
        ("IRN", "IRN", "target_of_topic")]


def test_own_forces_in_a_threatened_act_give_way_to_the_other_country(nlp: Language) -> None:
    # the complement's object is the source's own troops; the country they would leave is the target
    assert events(nlp, "The American president threatened to keep U.S. troops out of South Korea.", "threatened") == [
        ("USA", "KOR", "target_of_complement_abroad")]


def test_region_words_give_the_region_code(nlp: Language) -> None:
    # a region of states with no organisation takes CAMEO's region code (docs/annotation.md D3a(2)), not a
    # country named nearby (actors.countries.region_phrase)
    found = events(nlp, "Speaking in Paris, the Brazilian president urged European leaders to cut tariffs.", "urged")
    assert [(s, t) for s, t, _ in found] == [("BRA", "EUR")]


def test_region_word_yields_to_a_country_in_the_phrase(nlp: Language) -> None:
    # "American and European": the country the phrase names first stands (own_phrase before region_phrase)
    found = events(nlp, "The Iranian minister criticized American and European diplomats on Monday.", "criticized")
    assert [(s, t) for s, t, _ in found] == [("IRN", "USA")]


def test_states_at_large_are_no_target(nlp: Language) -> None:
    # "the international community": states in general, no target (D3a(3); actors.countries.states_at_large)
    found = events(nlp, "The Kenyan president called on the international community to help Somalia.", "called")
    assert [(s, t, r) for s, t, r in found] == [("KEN", None, "states_at_large")]


def test_some_nations_are_not_states_at_large(nlp: Language) -> None:
    # a number of nations is some states, not states in general
    found = events(nlp, "The Kenyan president called on ten nations near Somalia to send troops.", "called")
    assert found and all(r != "states_at_large" for _, _, r in found)


def test_meeting_of_two_parties_is_not_aimed_at_its_topic(nlp: Language) -> None:
    # two coordinated parties of two countries meet about a third: each is the other's target, the topic is
    # none (events.assemble, rule reciprocal_topic; docs/annotation.md section 4)
    found = events(nlp, "The Kenyan president and the Ugandan president met in Nairobi to discuss Somalia.", "met")
    assert {(s, t) for s, t, _ in found} <= {("KEN", "UGA"), ("UGA", "KEN")} and found


# session 43 mend (review of targets43): what region_phrase and states_at_large must leave


def test_a_region_word_on_a_target_with_no_country_gives_the_region_code(nlp: Language) -> None:
    found = events(nlp, "The Russian ambassador criticized European banks for freezing assets.", "criticized")
    assert [(s, t, r) for s, t, r in found] == [("RUS", "EUR", "_verb_roles")]


def test_a_compass_word_is_no_region(nlp: Language) -> None:
    # lower-case "western" places towns inside one state; it is not the West (WST)
    found = events(nlp, "Syrian troops shelled western towns.", "shelled")
    assert [t for _, t, _ in found] and all(t != "WST" for _, t, _ in found)
    found = events(nlp, "The Afghan army attacked western districts of the province.", "attacked")
    assert all(t != "WST" for _, t, _ in found)


def test_a_hyphened_region_word_is_no_region(nlp: Language) -> None:
    # "pro-Western rebels" are no Western state's
    found = events(nlp, "The Turkish president criticized pro-Western rebels.", "criticized")
    assert found and all(t != "WST" for _, t, _ in found)


def test_latin_american_is_a_region_not_the_united_states(nlp: Language) -> None:
    # "American" after "Latin" names no country (countries.own_phrase passes over it)
    found = events(nlp, "The Cuban leader thanked Latin American states for their support.", "thanked")
    assert [(s, t) for s, t, _ in found] == [("CUB", "LAM")]


def test_a_noun_or_clause_on_nations_makes_them_some_states(nlp: Language) -> None:
    # "member nations", "donor countries": members of something, not states in general
    for text, trigger in (("The American president urged member nations to pay more.", "urged"),
                          ("The Japanese minister urged donor countries to pledge more.", "urged")):
        found = events(nlp, text, trigger)
        assert found and all(r != "states_at_large" for _, _, r in found), text


# session 44 (targets44): the armed group a state's fighting is aimed at (actors.countries.armed_group_target)


def test_a_states_airstrikes_with_no_target_are_aimed_at_the_armed_group_named_before(nlp: Language) -> None:
    # fighting (19) by a state's forces that names no target: the armed group the sentence before names, not the
    # country the strikes fall in
    doc = nlp("The Islamic State still holds much of the province. American warplanes carried out airstrikes near "
              "the town on Tuesday.")
    found = [(e["source"]["country"], e["target"]["code"], e["evidence"]["rules"]["target"])
             for e in doc._.events if e["trigger"] == "airstrikes" and e["source"] and e["target"]]
    assert found == [("USA", "IMGMUSISI", "armed_group_target")]


def test_an_army_offensive_is_aimed_at_the_armed_group_named_before(nlp: Language) -> None:
    # an offensive with no target named: the group the sentence before names, not the place (the article's country)
    doc = nlp("Islamic State fighters seized the town last week. On Sunday the Iraqi army launched an offensive.")
    found = [(e["source"]["country"], (e["target"] or {}).get("country"), e["evidence"]["rules"]["target"])
             for e in doc._.events if e["trigger"] == "offensive" and e["source"]]
    assert found == [("IRQ", "IMG", "armed_group_target")]


def test_a_police_arrest_is_not_aimed_at_an_armed_group_named_nearby(nlp: Language) -> None:
    # a domestic force's act (police: COP) and an arrest (17, not fighting) keep the place's country
    doc = nlp("The Islamic State claimed the attack. French police arrested three men in Paris.")
    found = [(e["target"] or {}).get("country") for e in doc._.events if e["trigger"] == "arrested"]
    assert found and all(t != "IMG" for t in found)


def test_fighting_with_no_armed_group_named_keeps_the_place(nlp: Language) -> None:
    doc = nlp("The rebels held the valley for a year. American warplanes carried out airstrikes in Syria on Tuesday.")
    found = [(e["target"] or {}).get("country") for e in doc._.events if e["trigger"] == "airstrikes"]
    assert found and all(t != "IMG" for t in found)


def test_an_armed_group_named_as_absent_is_no_target(nlp: Language) -> None:
    # session 44 mend (comb44): a group its text names as absent is no party to the strikes
    for before in ("The Islamic State has never been active in the valley.",
                   "No Islamic State fighters were in the valley."):
        doc = nlp(before + " Syrian jets carried out airstrikes near the town, killing twenty civilians.")
        found = [(e["target"] or {}).get("country") for e in doc._.events if e["trigger"] == "airstrikes"]
        assert found and all(t != "IMG" for t in found), before
    # a contrast denies the word after the "not", not the group before it
    doc = nlp("When the strikes began in Syria, the target was ISIS, not Assad's forces. By then American planes "
              "carried out strikes near the town.")
    found = [e["evidence"]["rules"]["target"] for e in doc._.events if e["trigger"] == "strikes"]
    assert found == ["armed_group_target"]


def test_a_state_opponent_in_the_sentence_beats_a_group_named_before(nlp: Language) -> None:
    # session 44 mend (comb44): the state the sentence names as the opponent keeps the target; a group named only
    # in the sentence before does not displace it, one named in the sentence does
    doc = nlp("Al-Qaeda fighters were seen in the hills. Turkish troops fought along the frontier as tensions with "
              "Syria rose on Tuesday.")
    found = [((e["target"] or {}).get("country"), e["evidence"]["rules"].get("target_country"))
             for e in doc._.events if e["trigger"] == "fought"]
    assert found == [("SYR", "armed_opponent")]
    doc = nlp("Turkish troops fought along the frontier as tensions with Syria rose on Tuesday, while Islamic State "
              "fighters fled.")
    found = [((e["target"] or {}).get("code"), e["evidence"]["rules"]["target"]) for e in doc._.events
             if e["trigger"] == "fought"]
    assert found == [("IMGMUSISI", "armed_group_target")]
