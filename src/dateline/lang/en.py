"""English closed-class words the coder reads: pronouns, determiners, modals and auxiliaries,
prepositions, conjunctions, particles and number words, in one place.

Open-class cue words (verbs, nouns, adjectives) are data: ``data/lexicon/cues.tsv`` and
``data/quotes/cues.tsv``. The sets here are named for the rule that reads them; a word may be in
several. Modals that make an act intended or hypothetical are read in one way by both the events
and the quotes stages, through the lexicon cues ``future``, ``possible`` and ``obligation``
(the quotes stage's own reading, every modal hypothetical, was dropped: on the labelled train
split "would" marks an intended act more often than a hypothetical one).
"""

from __future__ import annotations

# Pronouns ----------------------------------------------------------------------------------------

#: Pronouns an event side is resolved through (the actor linked to it, else its antecedent).
REFERRING_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "it", "its", "they", "them", "their"})

#: Verbs that with a predicate tell a state, not an act (quotes/advice.py: "must be bad for the system", "should
#: feel secure" ask no one to act).
STATE_VERBS = frozenset({"be", "feel"})

#: Pronouns that stand for a person (their antecedent is a PERSON).
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})

#: Heads of a partitive phrase whose actor is the group after "of" ("one of the bombers", "some of
#: the protesters"); numerals ("two of the soldiers") count by their part of speech.
PARTITIVE_HEADS = frozenset({"one", "some", "many", "most", "all", "several", "each", "both", "few", "dozens",
                             "hundreds", "thousands", "scores", "none", "any"})

#: The preposition of a labour strike's set phrase ("workers went on strike", "are on strike"): a "strike" that is its
#: object, bare and singular, is a strike of labour, never a military one (``events.codes._on_strike``).
STRIKE_STATE_PREPOSITIONS = frozenset({"on"})

#: Prepositions of shooting at someone ("police were fired on", "fired upon by gunmen"): a verb with one left without
#: its object by the passive is no dismissal of the person it names (``events.codes._person_sense_object``).
AIMED_FIRE_PREPOSITIONS = frozenset({"on", "upon", "at"})

#: Nouns that, definite and unmodified ("the country", "this nation"), stand for a country named before.
COUNTRY_NOUNS = frozenset({"country", "nation"})

#: Pronouns the actors stage links to a person of that gender (m/f).
GENDERED_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}

#: Pronouns a quote's speaker may be that stand for a person (the speaker search looks for a PERSON mention).
PERSON_SPEAKER_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})

#: Subject pronouns, as a feature of an event's side (confidence: a side that is only a pronoun).
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})

#: Pronouns a quote's speaker may be, resolved to the actor they stand for.
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "him", "her", "them"})

#: First-person pronouns: inside what a speaker says ("We have arrested three suspects," police
#: said) they stand for the speaker (events.triggers._frame_speaker).
FIRST_PERSON_PRONOUNS = frozenset({"i", "we", "my", "our"})

#: First-person object pronouns ("attacked us", "talk with me"): inside a quotation they stand for its
#: speaker (quotes.sides.first_person_sides), as an act's target. Lower case only ("US" is a country).
FIRST_PERSON_OBJECTS = frozenset({"us", "me"})

# Determiners -------------------------------------------------------------------------------------

#: Determiners of a definite mention ("the talks"), which can point back at an earlier event.
DEFINITE_DETERMINERS = frozenset({"the", "these", "those", "that", "this"})

#: Pronouns that point at a thing or a state of affairs, not an actor ("this is a great day").
DEMONSTRATIVES = frozenset({"this", "that", "it", "these", "those"})
#: Indefinite pronouns: they name no identified actor ("we have done nothing wrong", "somebody is a warmonger"), so a
#: negative word said of one judges nobody (``events.codes._negative_judgement``; docs/annotation.md D1a).
INDEFINITE_PRONOUNS = frozenset({"nothing", "anything", "something", "everything", "nobody", "somebody", "anybody",
                                 "everybody", "someone", "anyone", "everyone", "none"})
#: Subjects that name no actor ("this has to be a political strategy", "it has to stop"): a clause with one of them
#: tells nobody what to do (``events.codes._present_have_to``).
EMPTY_SUBJECTS = DEMONSTRATIVES | {"there", "which", "what"}
#: Words of a side's own phrase that name a region of states with no organisation, and the CAMEO region code they
#: take (docs/annotation.md D3a(2), D26a: "European leaders" EUR, "Western governments" WST, "Latin American states"
#: LAM, "African leaders" AFR): ``actors.countries.region_phrase``. Two words are one key ("latin american").
REGION_WORDS = {"european": "EUR", "europeans": "EUR", "western": "WST", "latin american": "LAM",
                "latin americans": "LAM", "african": "AFR", "africans": "AFR", "asian": "ASA", "middle eastern": "MEA"}

#: Words before a day or month name that make it no particular one.
INDEFINITE_DETERMINERS = frozenset({"a", "an", "every", "each", "any", "some"})

#: Determiners of an event noun that name no particular act ("any summit", "any talks"): a case put, not an act told.
NONSPECIFIC_DETERMINERS = frozenset({"any"})

# Modals and auxiliaries --------------------------------------------------------------------------

#: Modals of possibility and obligation: a clause under one has no tense of its own (dates).
MODALS = frozenset({"can", "could", "may", "might", "must", "should"})

#: Auxiliaries of the perfect ("has met", "had met"), contracted or not.
PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "'s", "’s", "'ve", "’ve", "'d", "’d"})

#: Auxiliaries of the future, contracted or not ("will", "'ll", "wo" of "won't", "going to").
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "’ll", "wo", "would", "going", "gon"})

# Prepositions ------------------------------------------------------------------------------------

#: Prepositions whose object is a verb's target, in the order they are tried.
TARGET_PREPOSITIONS = ("with", "to", "against", "on", "toward", "towards", "into", "at", "from", "for", "over",
                       "between", "behind")  # "threw their support behind X", "stood behind X"

#: Prepositions inside an object's phrase that name whom the act concerns ("an offer from Kabul").
OBJECT_PHRASE_PREPOSITIONS = frozenset({"from", "by", "with", "to", "against", "on", "for"})

#: Prepositions inside a measure an appeal asks for that name whoever would take it ("talks with X", "an
#: apology from X", "a session of the Council"); what the measure is done to or where ("a ban on X",
#: "sanctions against X", "a no-fly zone in X") is no party to the appeal.
MEASURE_PARTY_PREPOSITIONS = frozenset({"with", "from", "of"})

#: Prepositions of the place an act happens in ("in Iraq"), a target of last resort.
PLACE_TARGET_PREPOSITIONS = frozenset({"in", "into", "inside", "throughout", "across"})

#: Prepositions of the place a meeting or visit is held in or at ("the summit in Hanoi"): a venue,
#: not a partner (dateline.actors.countries.nearby_partner).
VENUE_PREPOSITIONS = frozenset({"in", "at", "inside"})

#: Prepositions followed below a target candidate that names no actor ("targets in Jericho").
NESTED_PREPOSITIONS = OBJECT_PHRASE_PREPOSITIONS | PLACE_TARGET_PREPOSITIONS | {"against", "at", "of"}

#: Prepositions naming what a protest is against ("rallies against X", "a strike over a bill").
PROTEST_PREPOSITIONS = frozenset({"against", "over"})

#: Prefixes that make the name after them what an act is against ("anti-China riots", "anti-French
#: demonstrations"), not its doer (dateline.events.triggers._demonstration_parties).
AGAINST_PREFIXES = frozenset({"anti", "counter"})

#: Nouns of a violent attack that a condemnation names as what it condemns, besides the lexicon's event nouns of
#: violence ("condemned the blast", "condemning the killings"): the doer of the attack is the one condemned
#: (dateline.actors.countries.condemned_attack_target).
CONDEMNED_ATTACK_NOUNS = frozenset({"attack", "bombing", "blast", "explosion", "massacre", "shooting", "killing",
                                    "assault", "beheading", "murder", "ambush", "atrocity", "rampage"})

#: Words joined by a hyphen to a country word that make it the party a group stands for, against or with, not the
#: group's own country ("pro-Russian separatists", "anti-American militias", "Iranian-backed rebels",
#: "U.S.-supported fighters"; not "U.S.-led", whose leader is a member): dateline.actors.titles.stance_joined.
STANCE_PREFIXES = frozenset({"pro", "anti"})
STANCE_SUFFIXES = frozenset({"backed", "supported", "sponsored", "funded", "armed", "allied", "aligned", "inspired"})

#: Prepositions of where an act happened, for :func:`_unattributed`.
WHERE_PREPOSITIONS = frozenset({"in", "near", "outside", "at", "inside", "on"})

#: Prepositions that aim a weapon ("fire against", "rockets at", "bombs on", "shells into").
AIMING_PREPOSITIONS = frozenset({"against", "at", "on", "into"})

#: Prepositions whose object is what a statement, appeal or disapproval is about ("doubts about X",
#: "concern over X", "warned of X's plans", "cast doubt on X"): its target when it addresses no one.
TOPIC_PREPOSITIONS = frozenset({"about", "on", "against", "of", "over", "regarding", "concerning", "in"})

#: Nouns of a settled place or region, which name a place in apposition ("Kobane, the Syrian town").
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "capital", "province", "region", "district", "enclave",
                              "port", "area", "state", "county", "governorate", "territory"})

#: Prepositions whose object is an event noun's target ("talks with X", "sanctions against X").
NOUN_TARGET_PREPOSITIONS = frozenset({"with", "to", "between", "against"})

#: Prepositions whose object is the target of an event noun whose doer is named on the noun (a
#: possessor, a nationality adjective, a "by" agent), by CAMEO root, beyond
#: :data:`NOUN_TARGET_PREPOSITIONS`: a disapproval "of", "on" or "about" X ("Russia's criticism of
#: Ukraine", "Japan's complaints about China"), a rejection "of" X's proposal (the owner of what is
#: rejected), a show of force "over" a country ("North Korea's missile launch over Japan"). With no
#: doer named, "of" may name the doer itself ("the criticism of the opposition"), so these are read
#: only on an owned noun.
OWNED_NOUN_TARGET_PREPOSITIONS: dict[str, frozenset[str]] = {
    "11": frozenset({"of", "on", "about"}),
    "12": frozenset({"of"}),
    "15": frozenset({"over"}),
}

#: Prepositions after which a capital is a place, not its government.
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "into", "near", "outside", "inside", "from", "across", "around", "toward", "towards", "via"})

#: Prepositions whose object tells a role noun's country when no modifier does ("police in Kenya").
NOMINAL_PLACE_PREPOSITIONS = frozenset({"in", "from", "throughout", "across", "inside"})

#: Prepositions that put an event somewhere.
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "within", "on"})

#: Prepositions whose date bounds a stretch of time rather than placing an event in it.
BOUNDING_PREPOSITIONS = frozenset({"since", "until", "till", "by"})

#: Prepositions whose event-noun object happened before the act they modify ("after the talks").
ANCHOR_PREPOSITIONS = frozenset({"after", "since", "following"})

#: Words that put the act they introduce before the act they modify, which bounds its date ("left the
#: talks after the envoy's remarks", "fired tear gas following clashes"): dates.
ORDERED_AFTER = frozenset({"after", "following"})

#: Prepositions whose event-noun object is still to come ("ahead of the Trump-Putin meeting"):
#: planned, not held. Keyed "<head word> <preposition>".
PROSPECTIVE_PREPOSITIONS = frozenset({"ahead of", "advance of", "prepare for", "prepares for", "preparing for",
                                      "preparations for", "preparation for"})

#: Prepositions whose event-noun object is the time span of another act ("protests scheduled
#: throughout Trump's visit"): the event keeps its own modality, not that of the act it times.
DURATION_PREPOSITIONS = frozenset({"during", "throughout", "amid", "amidst"})

#: Prepositions whose gerund, when a verbal act (an appeal, demand, disapproval, rejection or threat), is
#: told as done ("joined Graham in calling for an inquiry", "after denouncing Soleimani as a war criminal"):
#: ``events.triggers._subordinate``.
VERBAL_GERUND_PREPOSITIONS = frozenset({"in", "after", "since", "following"})

#: Prepositions whose object is the aim of an intent verb ("talks aimed at ending the war"):
#: ``events.triggers.aim_of_intent``.
AIM_PREPOSITIONS = frozenset({"at", "toward", "towards"})

#: Prepositions whose object is what an act is for, so later than it ("left for talks").
PURPOSE_PREPOSITIONS = frozenset({"for", "to", "toward", "towards"})

# Conjunctions and sequence words -----------------------------------------------------------------

#: Words that order a clause or phrase against another act ("after X pulled out", "before offering",
#: "following the strikes"): its time is told relative to that act, not to the report.
SEQUENCE_WORDS = frozenset({"after", "before", "since", "following", "until", "till"})

#: Subordinators of a clause simultaneous with the one it modifies: a date there dates both.
SIMULTANEOUS_MARKS = frozenset({"when"})

#: Words that order a clause a measured number of days from the act it hangs on ("a day after X did Y",
#: "two days before the vote was held"), with the sign of the step from that act to the clause's (dates).
MEASURED_ORDER = {"after": -1, "before": 1}
#: Adverbs between the measure and its ordering word ("just a day after") (dates).
MEASURE_HEDGES = frozenset({"just", "only", "exactly", "barely", "some"})
#: Units of a measure short enough to leave two ordered acts on one day ("hours after X did Y"): the later
#: act's day still bounds the earlier's (dates).
SAME_DAY_UNITS = frozenset({"hour", "minute"})

#: Prepositions of an occasion the act is done in ("in an interview that aired Sunday", "at a rally held on
#: Friday", "during a visit last week"): the occasion's date is the act's (dates).
OCCASION_PREPOSITIONS = frozenset({"in", "at", "during"})

#: Prepositions through which a possessive date of another act still places the act they modify:
#: "before Friday's meeting, X met", "came under shelling during Sunday's fighting" (dates).
PLACING_PREPOSITIONS = SEQUENCE_WORDS | frozenset({"during"})

#: Relative words of a date that point back from the report ("last March", "the past week", "previous
#: summer") and forward ("next Friday", "the coming year"): a date so modified is the nearest one before
#: (after) publication, never the publication's own (timexes).
BACKWARD_RELATIVES = frozenset({"last", "past", "previous"})
FORWARD_RELATIVES = frozenset({"next", "coming"})

# Particles inside names --------------------------------------------------------------------------

#: Words that may stand lower-case inside a name ("Bank of Korea", "Ursula von der Leyen").
NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "von", "der", "van", "al", "bin", "ibn", "la", "du", "da", "del", "-", "&", "'s"})

# Number words ------------------------------------------------------------------------------------

#: Number words of "two years ago", "a decade ago".
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

#: Honorifics before a name: the word after one is a person, never a place ("Mr Houston").
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "mme", "mme."})

#: Compass words that, as "the North" or "the South", name the state called "North X" or "South X"
#: earlier in the article ("North Korea ... the North", "South Sudan ... the South": actors/stage.py
#: ``_compass_states``).
COMPASS_STATE_WORDS = frozenset({"north", "south"})

#: Forms of address that may stand before a surname the model left untagged ("Ms Jamieson", "Lord
#: Haskins"): the honorifics and the British titles of address (actors/stage.py ``_untagged_surnames``).
ADDRESS_WORDS = HONORIFICS | frozenset({"lord", "lady", "sir", "dame", "baroness"})

#: Characters a sentence of the article's own prose ends on (after trailing space): a paragraph of one sentence that
#: ends on none of them is a line of page furniture when its grammar is a headline's (``countries.headline_line``).
CLOSING_MARKS = frozenset(".?!\"\u201d\u2019')\u2026:")

#: Separators that may follow a furniture label at a paragraph's opening ("Analysis: ...", "FILE PHOTO - ...",
#: "| REUTERS ..."), and that may precede it ("| AP Photo ...") (``countries.furniture_label``).
LABEL_SEPARATORS = frozenset(":|-\u2013\u2014")

#: Lower-case words a photo or video credit line may hold between its names ("Jane Doe/Pool via Reuters", "Photo by
#: Jane Doe for USA TODAY"): ``countries._credit_line``; any other lower-case word makes the line a sentence.
CREDIT_CONNECTORS = frozenset({"via", "by", "for"})

#: Characters a photo or video credit closing a paragraph may follow ("... online. VPC", "Jane Doe/AFP", "| AP",
#: "(May 27) AP"): ``countries.caption_credit``.
CREDIT_SEPARATORS = frozenset({" ", "/", "|", ")"})
