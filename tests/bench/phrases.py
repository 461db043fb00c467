"""The phrase bank the article generator draws on: topics, sentence and quote templates, leftovers.

Written for this project (no sentence comes from a real article). Slots in
braces are filled by :mod:`tests.bench.generate`: ``{full}`` a person's full
name, ``{role}`` their role, ``{sur}`` their surname, ``{pro}`` a pronoun,
``{place}`` / ``{place2}`` places, ``{country}`` a country, ``{org}`` an
organisation, ``{topic}`` / ``{thing}`` the story's subject, ``{n}`` / ``{m}``
numbers, ``{day}`` a weekday, ``{q}`` a quoted sentence and ``{frag}`` a quoted
fragment.
"""

from __future__ import annotations

GIVEN_NAMES = (
    "Anna", "David", "Maria", "Peter", "Elena", "Thomas", "Sofia", "Daniel", "Laura", "Michael",
    "Nadia", "Samuel", "Irina", "Jonas", "Clara", "Victor", "Helena", "Oscar", "Julia", "Martin",
    "Amara", "Tomas", "Leila", "Hugo", "Marta", "Felix", "Yasmin", "Andrei", "Greta", "Pavel",
)
"""Common given names; the generator also makes up given names from syllables."""

SYLLABLES = ("ka", "ro", "vel", "mi", "ta", "lor", "sen", "da", "bri", "nov", "ash", "el", "tor", "rin",
             "ma", "zu", "ler", "gan", "ho", "fi", "sta", "ber", "lu", "dre", "qui", "mon", "ve", "sol")
SURNAME_ENDINGS = ("enko", "ova", "son", "berg", "ez", "ini", "ski", "ard", "ley", "ovic", "ström", "eau",
                   "ides", "aro", "mann", "el", "ic", "ander")
GIVEN_ENDINGS = ("a", "o", "is", "an", "ia", "el", "en", "ina", "or")

ROLES = (
    "the mayor of {place}", "the foreign minister of {country}", "a spokesperson for the {org}",
    "the head of the {org}", "an economist at the {org}", "the governor of the {place} region",
    "a senior official in {country}'s finance ministry", "the chief executive of the {org}",
    "an opposition MP from {place}", "a researcher who studies {topic}", "the prime minister of {country}",
    "the union's regional secretary", "a lawyer representing the families", "the port authority's director",
    "a farmer near {place}", "the president of {country}", "a nurse at the main hospital in {place}",
    "the defence minister of {country}", "a councillor in {place}", "the envoy of {country} to the talks",
)
ORGS = ("Central Bank", "Institute for Regional Studies", "National Rail Company", "Water Board",
        "Chamber of Commerce", "Harbour Trust", "Energy Regulator", "Farmers' Union", "Health Service",
        "Electoral Commission", "Coastal Authority", "Statistics Office")

TOPICS = (
    ("flood defences", "a new river barrier"), ("rail fares", "a fare freeze"),
    ("grain exports", "a shipping corridor"),
    ("hospital waiting lists", "an emergency budget"), ("the port expansion", "a second container terminal"),
    ("a teachers' strike", "a pay offer"), ("wildfire season", "more water bombers"),
    ("the border crossing", "longer opening hours"), ("energy prices", "a cap on tariffs"),
    ("the regional election", "a recount"), ("the fishing quota", "a new quota deal"),
    ("housing costs", "a rent ceiling"), ("the drought", "water rationing"), ("ceasefire talks", "a truce"),
)

HEADINGS = (
    "What was agreed in {place}", "Reaction in {country}", "The money", "What happens next",
    "A long dispute", "The view from {place}", "Who pays for {thing}", "Doubts over {topic}",
    "Voices from {place}", "Timetable and risks", "The numbers behind {topic}", "Pressure from {place2}",
    "Background", "Critics and supporters", "On the ground in {place}",
)

TITLES = (
    "{sur} promises {thing} as {topic} row grows in {place}",
    "{place} braces for {topic} after talks in {place2} stall",
    "{country} weighs {thing} amid anger over {topic}",
    "Officials in {place} split over {thing}",
    "{sur} and {sur2} clash over {topic}",
    "Why {topic} matters to {place}",
    "{thing} for {place}? {sur} says not yet",
)

NARRATIVE = (
    "{full}, {role}, said on {day} that {topic} would dominate the coming weeks.",
    "The plan, first floated in {place} last spring, would cost about {n} million euros.",
    "Officials in {place} say {thing} could be ready within {m} months if money arrives on time.",
    "{sur} has argued for {thing} since taking office, and {pro} shows no sign of backing down.",
    "Residents of {place} have heard such promises before, and many remain unconvinced.",
    "Talks between delegations from {country} and {place2} ran late into the night on {day}.",
    "According to figures from the {org}, {n} households were affected last year alone.",
    "{full}, {role}, has warned that {topic} could become the defining issue of the year.",
    "The {org} declined to comment on the details but confirmed that a meeting took place in {place}.",
    "Critics point out that {thing} was promised twice before and never delivered.",
    "In {place}, shopkeepers described a week of closed roads and lost trade.",
    "{sur} travelled to {place2} on {day} to meet local leaders and inspect the site.",
    "Supporters of {thing} say it would pay for itself within {m} years.",
    "The dispute over {topic} has dragged on for {m} years, outlasting two governments in {country}.",
    "A report published by the {org} estimated the cost at {n} million, roughly twice earlier forecasts.",
    "Few in {place} expect a quick answer, and some have started making their own arrangements.",
    "Lawmakers in {country} are due to vote on the measure before the end of the month.",
    "{sur}'s office said the proposal had been sent to {place2} for comment.",
    "Local newspapers in {place} have covered little else since the announcement.",
    "The {org} has asked for {n} extra staff to cope with demand during the winter.",
    "Neighbouring {country} is watching closely, since its own plans for {topic} are at a similar stage.",
    "On {day}, a crowd of about {n} people gathered outside the town hall in {place}.",
    "The last comparable scheme, in {place2}, ran {m} months late and over budget.",
    "Engineers working for the {org} have begun surveying land east of {place}.",
    "{full} is expected to present a revised timetable to ministers next week.",
    "Both sides have agreed to meet again in {place} after the holiday.",
    "Some analysts believe that {topic} will only get harder to resolve as costs rise.",
    "Under the draft, {place} would receive the first share of the money and {place2} the rest.",
    "The region around {place} has lost around {n} jobs in the past decade.",
    "A spokesperson for the {org} said the figures were preliminary and could change.",
)

QUOTES = (
    "We cannot keep asking families to wait", "Nobody here believes the money will come this year",
    "This is a decision for the people of {place}, not for officials far away",
    "We have done our part and now the others must do theirs", "The numbers simply do not add up",
    "I have never seen the town this worried", "There is still time to get this right",
    "We will look at every option before we decide", "It is too early to talk about a deal",
    "Our members are tired and they are angry", "If nothing changes, we will be back here next year",
    "The proposal is a start, but it is not enough", "We are ready to talk whenever they are",
    "People want answers, not another study", "This will take years, and everyone knows it",
    "We were promised {thing} and we expect it", "I think the mood has shifted in the past week",
)
FRAGMENTS = ("a step in the right direction", "far too little, far too late", "a serious mistake",
             "the best offer on the table", "unacceptable", "a matter of weeks", "not our problem")

ATTRIBUTIONS = (
    "“{q},” {sur} said.",
    "“{q},” said {full}, {role}.",
    "{sur} said: “{q}.”",
    "“{q},” {sur} told reporters in {place}.",
    "“{q}. {q2},” {pro} said on {day}.",
    "According to {sur}, the offer was “{frag}”.",
    "{full}, {role}, called the plan “{frag}”.",
    "“{q},” {pro} added.",
    "Asked about {topic}, {sur} replied: “{q}.”",
    "“{q},” said one resident of {place}, who asked not to be named.",
)

LIST_ITEMS = ("{thing} by the end of next year", "a review of {topic} led by the {org}",
              "talks with {country} on shared costs", "{n} million euros from the national budget",
              "regular reports to the council in {place}")

SOURCES = ("Regional desk", "Wire summary", "Staff correspondent", "Evening bulletin", "Morning briefing")
TAGS = ("politics", "economy", "weather", "transport", "health", "energy", "diplomacy", "labour", "housing")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

LEFTOVERS = (
    "Advertisement", "Share this article", "Read more: {title}", "Subscribe to our daily newsletter",
    "pic.twitter.com/{code}", "— {full} (@{handle}) {month} {dd}, {yyyy}", "Related: {title}",
    "Sign up for alerts", "Photo: {org} / handout",
)
CREDITS = ("Additional reporting by {full} in {place}", "Editing by {full}", "Credit: Source link")
