"""Actors: who takes part, coded as of the article's date, in the output shape of ``doc._.actors``.

Each actor is ``{name, code, country, sector, label, kb_id, evidence, mentions}``; ``code`` is a
CAMEO actor code (``USAGOV``, ``PRKSPY``, ``IGOUNO``), ``country`` its first three letters (a CAMEO
country, or IGO/NGO/IMG for international actors) and ``sector`` its agent code (GOV, MIL, SPY, EDU, ...).

How a mention is found and coded (all rule-based and cheap; the KB and its name index are built
once per pipeline, see :mod:`dateline.kb`):

1. **Names.** Capitalised token runs are looked up in the KB (longest first); these merge with the
   model's PERSON/ORG/GPE/NORP entities and repair them (bare "Trump" labelled ORG, "Choe Son" cut
   short of "Choe Son Hui"). Entities inside a role title ("Secretary of State") are dropped.
2. **KB roles as of a date.** A KB entry gives the role it held on ``doc._.published`` (people:
   dated roles; outside them only their country). :func:`resolve_as_of` re-codes for another date.
3. **Titles and appositives** code people the KB lacks: "Swedish Foreign Ministry spokeswoman X",
   "X, a professor at Seoul-based Y", "Kim's ... spy chief, X": the country comes from a country,
   demonym, seat or a possessor next to the role noun; the sector from the role noun.
   The title stays with the name: the mention is "British Defence Secretary Tom King", and a
   country or institution inside a title is no actor of its own. A current title also beats a KB
   person's role ("Russian President Boris Yeltsin" RUSGOV whatever the KB's date says); a past one
   ("former", "ousted") is ELI. An acronym in brackets after an organisation ("... Board (NWB)") is
   that organisation wherever it recurs.
4. **Nominal actors**: a phrase headed by a role noun ("Israeli troops", "a Russian official",
   "the government of Sudan", "UN peacekeepers") is an actor of its own, coded country + sector (the
   country from a modifier, "of X", "in/from X", else the article's one country; see
   :func:`_code_nominals`), label NOMINAL, evidence kind ``rule``. A group noun takes the role noun
   before it ("opposition groups in Zimbabwe" ZWEOPP); "X-led/X-backed forces" are X's side.
   Ethnic groups ("ethnic Albanians", "the Albanians of southern Serbia", "Bosnian Serbs") are coded
   where they live + CVL, never as the kin state (:func:`_code_ethnic`). Organisations the KB lacks
   take the body or country they are named after ("United Nations ... Coordinator" IGOUNO,
   "Montenegro Assembly" MNELEG). Weapons are actors only as doers ("Israeli tanks fired" ISRMIL, not
   "fired artillery"); the possessor of a tie is the other party ("Israel's ally" is not Israel); a
   phrase owned by "its/his/her" takes its owner's country; members of an organisation the KB lacks,
   and titled people who are not state office holders, never take the article's country by default.
5. **Capitals as governments.** "Pyongyang demanded" is PRKGOV; after "in/to/at" it is a place and
   only the country is kept.
6. **Coreference** inside the article: a surname or given name joins an earlier full name (two
   people sharing one, like Kim Jong Un and Kim Yong Chol, stay apart: a short form keeps the person
   it first linked to, else the first introduced); "the official"/"the president" and he/she/him
   join the most likely person before them (the subject of a fronted clause's main clause, the
   person earlier in the sentence, else the previous sentence's subject, else the latest person).

Every actor says why it was coded so in ``evidence``: ``{kind: kb|title|coreference|user|rule,
detail, source, valid_from, valid_to}``.

Layout (each module imports only those above it): :mod:`.mentions` (names and the coding context),
:mod:`.titles`, :mod:`.coreference`, :mod:`.nominals`, :mod:`.resolution` (``actor_ref``,
``resolve_as_of``, re-dating as of an event's date) and :mod:`.stage` (the component).
"""

from __future__ import annotations

from .mentions import _name_like
from .resolution import actor_ref, resolve_as_of, make_actor_dates, make_fallbacks, redate_actors, redate_event_actors, KB_KEY
from .stage import code_actors, group_actors, make_actors, ActorCoder

__all__ = ["actor_ref", "resolve_as_of", "code_actors", "group_actors", "make_actors", "make_actor_dates", "make_fallbacks", "redate_actors", "redate_event_actors", "ActorCoder", "KB_KEY"]
