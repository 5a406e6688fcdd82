"""English rules (:mod:`retrieval.sources.english`): cues, subjects, quotes and their speakers."""

from __future__ import annotations

import pytest

from retrieval.sources import (
    NOT_NAMED,
    UNNAMED,
    Attribution,
)
from tests.retrieval.sources.helpers import attribute, one


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Quotes with the speaker after them.
        ("“She should not run,” Trump said.", Attribution("Trump", None, "said", "quote")),
        (
            '"It is bad," said Derek Kukura, a student.',
            Attribution("Derek Kukura", "a student", "said", "quote"),
        ),
        # A subject that does not open the sentence.
        (
            "In an interview Monday, Trump said the deal was bad.",
            Attribution("Trump", None, "said"),
        ),
        (
            "Nicholas Chapin, 18, said he would vote for the first time.",
            Attribution("Nicholas Chapin", "18", "said"),
        ),
        (
            "Cory Doctorow, a writer, said that Google was wrong.",
            Attribution("Cory Doctorow", "a writer", "said"),
        ),
        # Descriptions as sources.
        ("Analysts said prices would rise.", Attribution("Analysts", None, "said")),
        ("The company said it would cut 200 jobs.", Attribution("The company", None, "said")),
        (
            "Its chief executive has said the plan works.",
            Attribution("Its chief executive", None, "said"),
        ),
        (
            "A spokesman for the ministry declined to comment, the agency reported.",
            Attribution("the agency", None, "reported"),
        ),
        # Reporting verbs beyond "said".
        ("But Trump argued that the polls were rigged.", Attribution("Trump", None, "argued")),
        (
            "The ministry denied the report, saying it was fake.",
            Attribution("The ministry", None, "denied"),
        ),
        ("The mayor urged residents to stay home.", Attribution("The mayor", None, "urged")),
        (
            "Polls show the race tightening in Ohio.",
            Attribution("Polls", None, "show"),
        ),
        # Tail reports govern the sentence.
        (
            "Brent crude rose 3 percent, Reuters reported.",
            Attribution("Reuters", None, "reported"),
        ),
        (
            "The governor called for calm after the vote, two officials said.",
            Attribution(UNNAMED, "two officials", "said"),
        ),
        (
            "The talks failed, the Institute for the Study of War wrote.",
            Attribution("the Institute for the Study of War", None, "wrote"),
        ),
        # Source phrases.
        (
            "According to Bloomberg, citing people familiar with the matter, the deal is off.",
            Attribution(
                "Bloomberg",
                "citing people familiar with the matter",
                "according to",
                "according to",
            ),
        ),
        (
            "As first reported by The Guardian, the talks failed.",
            Attribution("The Guardian", None, "reported by"),
        ),
        ("Officials said the bridge was closed.", Attribution(UNNAMED, "Officials", "said")),
        (
            "According to sources, the bridge was closed.",
            Attribution(UNNAMED, None, "according to", "according to"),
        ),
        # A headline's "Name: claim".
        (
            "Pence: Flowers Will Not Be at the Debate.",
            Attribution("Pence", None, ":"),
        ),
        ("Update: The bridge reopened on Tuesday.", None),
        # "states" is a noun unless a text or a pronoun states a clause.
        ("The memo states that the plant will close.", Attribution("The memo", None, "states")),
        ("Clinton won narrow victories in coastal states that moved left.", None),
        ("Most Southern states that vote in March have large minority populations.", None),
        # Labels of two words or in capitals are labels too, not a speaker and a claim.
        ("Editor's Note: The writer is a professor of law.", None),
        ("Editor’s Note: The following is an excerpt.", None),
        ("EXCLUSIVE: The minister resigned.", None),
        # Nothing attributes these.
        ("He won in key battleground states.", None),
        ("The bridge was closed, citing safety concerns.", None),
        ("Moscow lost control over 1,000 square kilometers.", None),
        ("The report said nothing new.", Attribution("The report", None, "said")),
    ],
)
def test_english_forms(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A speaker set off by a short tag after a quote: a party and state, a town.
        (
            "“We expect the veto to be overridden,” Senate Majority Leader Ann Rowe, R-Ky., "
            "said Tuesday.",
            Attribution("Senate Majority Leader Ann Rowe", "R-Ky", "said", "quote"),
        ),
        (
            "“We will appeal,” Ann Lee, of Dayton, Ohio, said.",
            Attribution("Ann Lee", "of Dayton, Ohio", "said", "quote"),
        ),
        ("Ann Rowe, R-Ky., said the veto would fall.", Attribution("Ann Rowe", "R-Ky", "said")),
        # A sentence that opens with a quotation is quoted, even when its speaker cannot be
        # told from the words after it: never "the outlet's own claim".
        (
            "“We expect the veto to be overridden,” came the reply from across the aisle on "
            "Tuesday night, long after the last vote of the session had been counted.",
            Attribution(NOT_NAMED, None, "“…”", "quote"),
        ),
        # Speech verbs that come before their speaker only after a quotation.
        (
            "“That was a hard day,” commented Ann Rowe, who finished second.",
            Attribution("Ann Rowe", "who finished second", "commented", "quote"),
        ),
        (
            "“This is a major move,” concurred Ben Ward.",
            Attribution("Ben Ward", None, "concurred", "quote"),
        ),
        (
            "Ben Ward quipped that the talks had gone well.",
            Attribution("Ben Ward", None, "quipped"),
        ),
        # A long "of …" after the speaker's name is where they work.
        (
            "“We do not believe the virus acts alone,” said Jane K. Doyle of the U.S. "
            "Department of Agriculture's bee laboratory.",
            Attribution(
                "Jane K. Doyle",
                "of the U.S. Department of Agriculture's bee laboratory",
                "said",
                "quote",
            ),
        ),
        (
            "About 225,000 homes were without power on Friday, said Jim Dean of the New York "
            "State Public Service Commission.",
            Attribution("Jim Dean", "of the New York State Public Service Commission", "said"),
        ),
        # Not a quotation that speaks: a title in marks opening the sentence.
        ("“Make America Great Again” was printed on every hat sold at the rally.", None),
    ],
)
def test_quotes_before_a_described_speaker(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


def test_english_article_quotes_pronouns_and_full_names() -> None:
    text = (
        "Foreign Minister Sergei Lavrov spoke in Moscow on Monday.\n\n"
        "“We see no basis for talks,” Lavrov said. “The West must change course first.”\n\n"
        "He added that sanctions had failed.\n\n"
        "“The talks are over,” said Mr. Lavrov. “There is nothing left to discuss.\n\n"
        "“We will wait for a serious offer.”\n\n"
        "The ruble fell 2 percent on Tuesday.\n\n"
        "“Nobody expected this to happen so soon.”"
    )
    lavrov = Attribution("Sergei Lavrov", None, "said", "quote")
    assert attribute(text, "en") == [
        ("Foreign Minister Sergei Lavrov spoke in Moscow on Monday.", None),
        ("“We see no basis for talks,” Lavrov said.", lavrov),
        ("“The West must change course first.”", lavrov),
        ("He added that sanctions had failed.", Attribution("Sergei Lavrov", None, "added")),
        ("“The talks are over,” said Mr. Lavrov.", lavrov),
        ("“There is nothing left to discuss.", lavrov),
        ("“We will wait for a serious offer.”", lavrov),
        ("The ruble fell 2 percent on Tuesday.", None),
        ("“Nobody expected this to happen so soon.”", Attribution(NOT_NAMED, None, "“…”", "quote")),
    ]


def test_a_pronoun_with_no_speaker_before_it_stays_unresolved() -> None:
    text = "The ruble fell 2 percent on Tuesday.\n\nShe said the markets would recover."
    assert [a for _, a in attribute(text, "en")] == [
        None,
        Attribution(NOT_NAMED, "She", "said"),
    ]


def test_a_quote_announced_by_a_colon_and_a_transcript_tag() -> None:
    text = (
        "The senator told reporters:\n\n"
        "“We will not support this bill in its present form.”\n\n"
        "“WALLACE: Will you run again next year?”"
    )
    assert [a for _, a in attribute(text, "en")] == [
        Attribution("The senator", None, "told"),
        Attribution("The senator", None, "told", "quote"),
        Attribution("Wallace", None, "transcript", "quote"),
    ]


def test_back_references_in_english() -> None:
    text = (
        "Foreign Minister Sergei Lavrov said on Monday that talks were over.\n\n"
        "The minister added that sanctions had failed.\n\n"
        "According to the independent publication “Verstka”, the purge will go on. "
        "The publication writes that five generals were arrested.\n\n"
        "Analysts said the ruble would fall. They added that reserves were thin.\n\n"
        "The company said profits fell. It added that it would cut jobs."
    )
    assert [a and (a.source, a.cue) for _, a in attribute(text, "en")] == [
        ("Foreign Minister Sergei Lavrov", "said"),
        ("Foreign Minister Sergei Lavrov", "added"),
        ("Verstka", "according to"),
        ("Verstka", "writes"),
        ("Analysts", "said"),
        ("Analysts", "added"),
        ("The company", "said"),
        ("The company", "added"),
    ]


def test_an_announcement_gives_the_block_quote_its_speaker_and_claims_nothing() -> None:
    text = (
        "The New York Times reports:\n\n"
        "“The campaign raised less money from small donors than four years ago.”"
    )
    assert [a for _, a in attribute(text, "en")] == [
        None,
        Attribution("The New York Times", None, "reports", "quote"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ''…'' (two apostrophes for “…”, as some archives write it) closes a quote too.
        (
            "''The plan will not pass,'' said Mr. Hale, a former budget official.",
            Attribution("Mr. Hale", "a former budget official", "said", "quote"),
        ),
        (
            "Her aides called him ''a reckless man'' after the debate.",
            Attribution("Her aides", None, "called"),
        ),
        # "maintain" reports before a clause or at the end of one, not before an object.
        (
            "The mayor maintains that the vote was fair.",
            Attribution("The mayor", None, "maintains"),
        ),
        (
            "The vote was fair, the mayor maintained.",
            Attribution("the mayor", None, "maintained"),
        ),
        ("Ms. Reyes maintains a wide lead in the polls.", None),
        # "expected to" is a forecast in the passive, nobody's report.
        ("The governor is widely expected to sign the bill.", None),
        # A preposition or a number is never the one who speaks.
        ("She trails by 200 pledged delegates.", None),
        ("Her lead in pledged delegates grew on Tuesday.", None),
        ("He made similar comments on Sunday.", None),
        # But an age between commas and "four in 10" are.
        (
            "Dana Ortiz, 34, said she would vote.",
            Attribution("Dana Ortiz", "34", "said"),
        ),
        ("About four in 10 said they were angry.", Attribution("About four in 10", None, "said")),
    ],
)
def test_english_words_that_only_look_like_reports(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Findings of an inquiry, a count or a record are attributed to it.
        (
            "The inquiry found that the office never searched its own email.",
            Attribution("The inquiry", None, "found"),
        ),
        ("The results also showed a weak field.", Attribution("The results", None, "showed")),
        ("The farmers found a lost dog.", None),
        # "called" for a demand, with the day between or a to-infinitive.
        (
            "Ms. Ortiz called Wednesday for the minister to resign.",
            Attribution("Ms. Ortiz", None, "called"),
        ),
        (
            "Mr. Hale called to ban the sale of fireworks.",
            Attribution("Mr. Hale", None, "called"),
        ),
        # An adverb of manner between the subject and its verb.
        (
            "When asked about the plan, Ms. Ortiz gingerly said it was not ready.",
            Attribution("Ms. Ortiz", None, "said"),
        ),
        ("The family said it would appeal.", Attribution("The family", None, "said")),
        # "that" as a pronoun is no clause.
        ("The court ruled that out on Monday.", None),
    ],
)
def test_findings_demands_and_manners(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The vote was moved to Friday. The bill is not ready.",
        "UN: Peacekeepers left the town. The mission ends in May.",
        "Student loans: Some big ideas do come to pass. Others do not.",
    ],
)
def test_labels_and_headings_are_no_transcript(text: str) -> None:
    assert attribute(text, "en")[-1][1] is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # After a quotation: more verbs come before their speaker, who may be followed by "who".
        (
            "“The bill will pass,” declared Senator Dana Hale, who wrote it.",
            Attribution("Senator Dana Hale", "who wrote it", "declared", "quote"),
        ),
        (
            "“We are not done,” said a party official who asked not to be named.",
            Attribution("a party official", None, "said", "quote"),
        ),
        # After a comma they take an object (the mill announced, not "plans to close").
        (
            "The mill, two months later, announced plans to close.",
            Attribution("The mill", "two months later", "announced"),
        ),
        # A day is no speaker.
        (
            "“We will win,” the mayor tweeted Sunday.",
            Attribution("the mayor", None, "tweeted", "quote"),
        ),
    ],
)
def test_verbs_before_their_speaker_after_a_quotation(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A speaker described after the noun: close to, familiar with, briefed on, surveyed.
        (
            "The mayor will not run again, a source close to her said.",
            Attribution(UNNAMED, "a source close to her", "said"),
        ),
        (
            "People briefed on the talks said that a deal was near.",
            Attribution(UNNAMED, "People briefed on the talks", "said"),
        ),
        (
            "By wide margins, those surveyed say the roads should come first.",
            Attribution("those surveyed", None, "say"),
        ),
        # Not an object's relative clause, nor a description without a noun.
        ("Many of the farmers that the Herald interviewed predicted a poor harvest.", None),
        ("He is close to him said nothing.", None),
    ],
)
def test_speakers_described_after_the_noun(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "No. 2" and a state after a town keep their period: the description stays one phrase.
        (
            "Senator Dana Hale of Ohio, the No. 2 Republican in the Senate, said the vote is set.",
            Attribution("Senator Dana Hale of Ohio", "the No. 2 Republican in the Senate", "said"),
        ),
        (
            "Cory Dunn, 22, of Flint, Mich., said he had not given up.",
            Attribution("Cory Dunn", "22, of Flint, Mich", "said"),
        ),
        (
            "Paul Reed, a driver from Ava, Mo., who drives for a dairy, said he would vote.",
            Attribution("Paul Reed", "a driver from Ava, Mo., who drives for a dairy", "said"),
        ),
        # A present-tense "calls" with single quotation marks names what it calls.
        (
            "Mayor Hale calls the tax plan ‘a crazy idea’ in a new interview.",
            Attribution("Mayor Hale", None, "calls"),
        ),
    ],
)
def test_places_in_descriptions_and_single_quotes(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Admissions by a plural subject, and an adverb inside the progressive.
        (
            "Party leaders acknowledge privately that the plan failed.",
            Attribution("Party leaders", None, "acknowledge"),
        ),
        (
            "Party leaders are increasingly admitting that they are nervous.",
            Attribution("Party leaders", None, "admitting"),
        ),
        (
            "Legal experts note that the law is untested.",
            Attribution("Legal experts", None, "note"),
        ),
        ("The mayor struck a cautious note on Friday.", None),
        # A coordinated verb's subject past an opening phrase.
        (
            "In an interview with the Herald, Ms. Ortiz toured the plant and said the vote "
            "would pass.",
            Attribution("Ms. Ortiz", None, "said"),
        ),
        # "now" between the subject and its verb is no part of the subject.
        (
            "Mexican officials now say they have chosen a new strategy.",
            Attribution("Mexican officials", None, "say"),
        ),
        (
            "Some Democrats now worry that the mayor will lose.",
            Attribution("Some Democrats", None, "worry"),
        ),
        ("Few mayors would ever admit this.", None),
        # "indicate" reports the finding of records and data.
        (
            "Land records indicate that the lot was sold twice.",
            Attribution("Land records", None, "indicate"),
        ),
    ],
)
def test_admissions_and_what_records_indicate(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "This" opens a subject as well as a time.
        (
            "This group recognizes that many families still struggle.",
            Attribution("This group", None, "recognizes"),
        ),
        (
            "This week Mayor Hale said the budget was balanced.",
            Attribution("Mayor Hale", None, "said"),
        ),
        # A noun in -ing after a determiner is a subject; a participle is not.
        (
            "The ruling says the county must count the ballots.",
            Attribution("The ruling", None, "says"),
        ),
        (
            "A report released last year found rising costs.",
            Attribution("A report released last year", None, "found"),
        ),
    ],
)
def test_this_opens_a_subject_or_a_time(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "Town, State," after in/at/of is where the speaker is, not who speaks.
        (
            "The suspect is in custody, police in Dover, Delaware, said Thursday.",
            Attribution("police in Dover, Delaware", None, "said"),
        ),
        (
            "The mayor of Dayton, Ohio, said the roads were closed.",
            Attribution("The mayor of Dayton, Ohio", None, "said"),
        ),
        (
            "Ann Lee, 59, of Dayton, Ohio, said she would vote.",
            Attribution("Ann Lee", "59, of Dayton, Ohio", "said"),
        ),
        # A plane that slammed into a tower reports nothing.
        ("At 9:37 a.m., Flight No. 77 slammed into the building.", None),
        # A finding closing the sentence governs it; a name after one comma is the subject.
        (
            "Mr. Reed told her he would leave, court documents show.",
            Attribution("court documents", None, "show"),
        ),
        (
            "With a little online research, Mr. Reed found out how to fix the roof.",
            None,
        ),
    ],
)
def test_places_planes_and_findings_that_close_the_sentence(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A coordinated verb reports only with what was said after it.
        (
            "Ms. Ortiz toured the plant and predicted it would close by May.",
            Attribution("Ms. Ortiz", None, "predicted", "reported speech"),
        ),
        (
            "Ms. Ortiz toured the plant and pointed out that it had lost money.",
            Attribution("Ms. Ortiz", None, "pointed", "reported speech"),
        ),
        (
            "Ms. Ortiz toured the plant and asked the workers to stay.",
            Attribution("Ms. Ortiz", None, "asked", "reported speech"),
        ),
        (
            "Ms. Ortiz toured the plant and called for a new vote.",
            Attribution("Ms. Ortiz", None, "called", "reported speech"),
        ),
        (
            "Mr. Hale left the hearing early but insisted he acted alone.",
            Attribution("Mr. Hale", None, "insisted", "reported speech"),
        ),
        # An object alone tells what was done, not what was said.
        ("Mr. Hale visited Ohio and praised the workers.", None),
        ("Ms. Ortiz toured the plant and asked the workers about their pay.", None),
        ("Mr. Hale visited Ohio and criticized the governor after the event.", None),
    ],
)
def test_a_coordinated_verb_reports_only_with_its_content(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A place after "in", "at", "from" ends the speaker's phrase; the noun before it speaks.
        (
            "The water authority in Northern Lakeshire said the reservoir was safe.",
            Attribution("The water authority in Northern Lakeshire", None, "said"),
        ),
        (
            "Officials in the flooded Dunmore Valley said on Monday that roads were closed.",
            Attribution("Officials in the flooded Dunmore Valley", None, "said"),
        ),
        (
            "The transport ministry in Velmar, the island's capital, said ferries would resume.",
            Attribution("The transport ministry in Velmar", "the island's capital", "said"),
        ),
        (
            "His old partner at Carrow Mills, Lee Ostrand, called him a genius at closing deals.",
            Attribution("Lee Ostrand", "His old partner at Carrow Mills", "called"),
        ),
        # Whom a speaker told is not the speaker.
        (
            "Ana Pereira, a spokeswoman for the union, told the Daily Ledger that talks stalled.",
            Attribution("Ana Pereira", "a spokeswoman for the union", "told"),
        ),
        # A month opening the sentence says when.
        (
            "In March a Harbor Radio spokeswoman said the station would fight the claim.",
            Attribution("a Harbor Radio spokeswoman", None, "said"),
        ),
    ],
)
def test_speakers_placed_without_commas_and_listeners(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected


def test_she_after_a_month_and_an_unnamed_spokeswoman() -> None:
    text = (
        "Lawyers for Sir Alan Brooke said he had suffered distress.\n\n"
        "In March a Harbor Radio spokeswoman said the station would fight the claim.\n\n"
        "“We stand by our reporting,” she said."
    )
    assert [a and a.source for _, a in attribute(text, "en")] == [
        "Lawyers for Sir Alan Brooke",
        "a Harbor Radio spokeswoman",
        "a Harbor Radio spokeswoman",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Evidence given at a hearing: the court (jury, inquest) heard or was told it.
        (
            "The court heard that Ms Vance had been warned twice.",
            Attribution("The court", None, "heard"),
        ),
        (
            "The jury was told that the car had been stolen.",
            Attribution("The jury", None, "told"),
        ),
        ("The inquest heard how the boat capsized.", Attribution("The inquest", None, "heard")),
        ("Jurors heard the recording twice.", None),
        # A named finder or reporter closing the sentence.
        ("Sales rose sharply last year, Deloitte found.", Attribution("Deloitte", None, "found")),
        ("The missing hiker was found.", None),
        ("The rally drew thousands, reports CNBC.", Attribution("CNBC", None, "reports")),
        # "those killed" says whose relatives speak.
        (
            "Relatives of those killed said the blast came at dawn.",
            Attribution("Relatives of those killed", None, "said"),
        ),
        # A "Details:" label is no speaker; the sentence after it has one.
        (
            "Details: Mayor Ilsa Brandt said two schools were shut.",
            Attribution("Mayor Ilsa Brandt", None, "said"),
        ),
    ],
)
def test_hearings_finders_and_labels(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


def test_single_curly_quotes_carry_their_speaker_and_apostrophes_do_not_quote() -> None:
    text = (
        "‘We have cut costs and kept our customers’ trust,’ Corvane chief executive Lina Dahl "
        "said on Tuesday.\n\n"
        "‘We still have work to do.’\n\n"
        "The firm’s shares rose in the ‘80s and ’90s."
    )
    assert [a for _, a in attribute(text, "en")] == [
        Attribution("Lina Dahl", None, "said", "quote"),
        Attribution("Lina Dahl", None, "said", "quote"),
        None,
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The outlet that quotes someone is the source; whom it quotes is the detail.
        (
            "Earlier this month, the Harbor Gazette quoted the mayor as saying the bridge would "
            "close.",
            Attribution("the Harbor Gazette", "quoting the mayor", "quoted"),
        ),
        # Quoted by no one named: the words are still the mayor's.
        (
            "The mayor was quoted as saying the bridge would close.",
            Attribution("The mayor", None, "quoted"),
        ),
        # An assessment with its that-clause ("the Institute for the Study of War assessed that").
        (
            "The Institute for Coastal Policy assessed that the dunes would erode within a decade.",
            Attribution("The Institute for Coastal Policy", None, "assessed"),
        ),
        ("Inspectors assessed the damage on Monday.", None),
    ],
)
def test_quoting_outlets_and_assessments(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A claim's content after "repeated", "disputes", "rejected" is reported as a
        # that-clause would be; "rejected that idea" reports nothing.
        (
            "Port spokesman Egil Rask repeated claims that the harbour had never been mined.",
            Attribution("Egil Rask", None, "repeated"),
        ),
        (
            "The ministry disputes his claim that the dam was unsafe.",
            Attribution("The ministry", None, "disputes"),
        ),
        (
            "The council rejected the suggestion that fares would rise.",
            Attribution("The council", None, "rejected"),
        ),
        ("The council rejected that idea.", None),
        ("The agency disputed that figure.", None),
    ],
)
def test_claims_repeated_disputed_or_rejected(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A document's words quoted, "the statement read": the document is the source.
        (
            "“The agency spread false reports about the ministry,” the statement read.",
            Attribution("the statement", None, "read", "quote"),
        ),
        (
            "“Closed for repairs,” a hand-painted sign reads.",
            Attribution("a hand-painted sign", None, "reads", "quote"),
        ),
        ("He read the statement aloud.", None),
        ("Nobody knew what the letter reads.", None),
    ],
)
def test_what_a_document_reads(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


def test_people_described_after_their_noun_speak_and_are_they() -> None:
    text = (
        "Lawyers representing Mara Quell said she had lost her savings.\n\n"
        "They say she sold her house to pay the fees.\n\n"
        "Officials in the flooded Dunmore Valley said on Monday that roads were closed.\n\n"
        "They said repairs would take a week."
    )
    assert [a and a.source for _, a in attribute(text, "en")] == [
        "Lawyers representing Mara Quell",
        "Lawyers representing Mara Quell",
        "Officials in the flooded Dunmore Valley",
        "Officials in the flooded Dunmore Valley",
    ]
    assert one("Engineers working at the Tolva plant said the pumps failed.", "en") == (
        Attribution("Engineers working at the Tolva plant", None, "said")
    )
    assert one("Speaking to reporters, Mara Quell said the pumps failed.", "en") == (
        Attribution("Mara Quell", None, "said")
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A forecast is its maker's: with a that-clause or a figure forecast.
        (
            "For the second quarter, Norvik forecast revenue of $12 million to $14 million.",
            Attribution("Norvik", None, "forecast"),
        ),
        (
            "Analysts had forecast earnings of 4 cents a share.",
            Attribution("Analysts", None, "forecast"),
        ),
        (
            "The central bank projects that inflation will ease.",
            Attribution("The central bank", None, "projects"),
        ),
        ("Growth is forecast to slow next year.", None),
        ("Students showed their research projects.", None),
        ("The weather service forecast rain for Sunday.", None),
        # "estimate of 74 cents" is a figure; the source is who gives it.
        (
            "Profit was 79 cents a share, above the average analyst estimate of 74 cents, "
            "according to Tallis Data.",
            Attribution("Tallis Data", None, "according to", "according to"),
        ),
        # A ruling closing the sentence.
        (
            "The bridge must close for repairs, a judge has ruled.",
            Attribution("a judge", None, "ruled"),
        ),
        ("The judge ruled on Monday.", None),
        ("Fees rose, given the new parking rules.", None),
    ],
)
def test_forecasts_estimates_and_rulings(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Whoever "told" someone is the speaker; the one told never is, even after commas.
        (
            "“We lost everything,” Ilse Varga, a nurse who helped at the shelter, told the "
            "Coastal Herald, adding that food had run out.",
            Attribution("Ilse Varga", "a nurse who helped at the shelter", "told", "quote"),
        ),
        (
            "Tomas Brill, a teacher at the school, told Radio Norte, the regional station, that "
            "“we thought it was a lorry.”",
            Attribution("Tomas Brill", "a teacher at the school", "told", "quote"),
        ),
    ],
)
def test_the_one_told_is_never_the_speaker(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "Name, description, said X …": X is what was said, not who said it.
        (
            "Mara Quell, a nurse at the clinic, said the shortage at the hospital was worsening.",
            Attribution("Mara Quell", "a nurse at the clinic", "said"),
        ),
        (
            "Ivo Brandt, a former adviser who backed the plan, said Ministers “knew it could not "
            "pass.”",
            Attribution("Ivo Brandt", "a former adviser who backed the plan", "said", "quote"),
        ),
        # A clause before the comma: the speaker still comes after the verb.
        (
            "The shortage at the hospital was worsening, said Mara Quell, a nurse.",
            Attribution("Mara Quell", "a nurse", "said"),
        ),
    ],
)
def test_a_described_name_before_said(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A name, its title, then what the title's company is: the name speaks.
        (
            "“Prices keep climbing,” Tova Reinholt, CEO of Reinholt, a maker of garden tools, "
            "said.",
            Attribution(
                "Tova Reinholt", "CEO of Reinholt, a maker of garden tools", "said", "quote"
            ),
        ),
        (
            "In October, Tova Reinholt, CEO of Reinholt, a maker of garden tools, said prices rose.",
            Attribution("Tova Reinholt", "CEO of Reinholt, a maker of garden tools", "said"),
        ),
        (
            "Ansel Pike, 44, a welder from Dunmore, said the plant would close.",
            Attribution("Ansel Pike", "44, a welder from Dunmore", "said"),
        ),
        # A time or a name before the comma is no speaker for the description after it.
        (
            "On Sunday, Mara Quell, the council's leader, said the plant would close.",
            Attribution("Mara Quell", "the council's leader", "said"),
        ),
        # Quoted titles inside the description: "home to shows such as “…” and “…”".
        (
            "Halvorsen, home to shows such as “Tidewater”, “Blue Hour” and “Ninefold”, said it "
            "would cut 300 jobs.",
            Attribution(
                "Halvorsen",
                "home to shows such as “Tidewater”, “Blue Hour” and “Ninefold”",
                "said",
            ),
        ),
    ],
)
def test_names_described_at_length_before_said(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "the 96-year-old" names a person as "the woman" does.
        (
            "“I never left,” the 96-year-old told the Dunmore Herald by phone from her home.",
            Attribution("the 96-year-old", None, "told", "quote"),
        ),
        # A retort closing its quote.
        (
            "“That is not true,” the former officer shot back.",
            Attribution("the former officer", None, "shot back", "quote"),
        ),
        ("The guard shot back at the intruders.", None),
        ("In the second half the Lions’ defenders hit back.", None),
        # "was quoted as saying": the words are the speaker's own, whoever printed them.
        (
            "“We will wait,” adviser Pierre Lomond was quoted as saying.",
            Attribution("Pierre Lomond", None, "quoted", "quote"),
        ),
    ],
)
def test_retorts_ages_and_speakers_quoted(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # Actions, not words: nothing is reported.
        "The ministry has so far not asked for help.",
        "Shares of Norvik blasted 42.7% higher on Monday.",
        "The stock blasted higher after the results.",
    ],
)
def test_actions_that_look_like_speech(sentence: str) -> None:
    assert one(sentence, "en") is None


def test_a_pronoun_quoted_as_saying_is_the_speaker_before_it() -> None:
    text = (
        "Mara Quell said the plant was old.\n\n"
        "She was quoted as saying the plant would close.\n\n"
        "The plant opened in 1951."
    )
    assert [a for _, a in attribute(text, "en")] == [
        Attribution("Mara Quell", None, "said"),
        Attribution("Mara Quell", None, "quoted"),
        None,
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Findings of a study described by its agent, a transcript or a slide; data that
        # suggest or reveal; polls that continue to show.
        (
            "A study by the regional watchdog group Press Lens found the senator got more airtime.",
            Attribution(
                "A study by the regional watchdog group Press Lens",
                None,
                "found",
                "reported speech",
            ),
        ),
        (
            "The transcript of the call shows that the mayor knew.",
            Attribution("The transcript of the call", None, "shows", "reported speech"),
        ),
        (
            "Another slide shows that the budget was cut by half.",
            Attribution("Another slide", None, "shows", "reported speech"),
        ),
        (
            "Official data suggest that output peaked in 2013.",
            Attribution("Official data", None, "suggest", "reported speech"),
        ),
        (
            "Polls continue to show that voters in the county are unhappy.",
            Attribution("Polls", None, "show", "reported speech"),
        ),
        # A slide show is no slide that shows; numbers that fall show no finding of anyone.
        ("Mr. Dorn walked them through a slide show that predicted a win.", None),
        ("The poll numbers fell and show no sign of recovery.", None),
        # "Slide" in a name is no slide: the speaker closing the sentence reports.
        (
            "A review of the 900-acre Slide Fire seems to indicate arson was not a factor, "
            "spokeswoman Ann Lee said.",
            Attribution("Ann Lee", None, "said", "reported speech"),
        ),
    ],
)
def test_findings_of_described_studies_transcripts_and_slides(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A coordinated "said" after a verb whose quotation is closed before "and".
        (
            "Senator Vale pressed voters to “stay home” and said he was standing by the plan.",
            Attribution("Senator Vale", None, "said", "reported speech"),
        ),
        (
            'Senator Vale pressed voters to "stay home" and said he was standing by the plan.',
            Attribution("Senator Vale", None, "said", "reported speech"),
        ),
        # Rejecting or questioning "the idea that …" reports the speaker's view of it.
        (
            "Ms. Vale rejected the idea that the changes were a shake-up.",
            Attribution("Ms. Vale", None, "rejected", "reported speech"),
        ),
        (
            "Mr. Dorn also questioned the notion that the mayor had acted alone.",
            Attribution("Mr. Dorn", None, "questioned", "reported speech"),
        ),
        ("The mayor was questioned about the idea that he acted alone.", None),
        ("Ms. Vale rejected the idea and left the room.", None),
    ],
)
def test_closed_quotes_before_a_coordinated_verb_and_ideas_rejected(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "…, saying that …" hangs on the main clause: its subject, past an opening phrase.
        (
            "The retired banker began by talking about the drought, saying that water now costs "
            "more than fuel.",
            Attribution("The retired banker", None, "saying", "reported speech"),
        ),
        (
            "At a rally in Dover, Ohio, on Sunday, Mrs. Vale endorsed Mr. Dorn, saying that he "
            "would make a fine mayor.",
            Attribution("Mrs. Vale", None, "saying", "reported speech"),
        ),
        (
            "A spokeswoman for Lenix also declined to comment, saying that nobody involved "
            "remains at the firm.",
            Attribution("A spokeswoman for Lenix", None, "saying", "reported speech"),
        ),
        # A clause opened before the participle: its subject may be someone else.
        ("Because the vote was close, officials waited, saying that they needed time.", None),
        # An answer to what was said of the speaker.
        (
            "Mr. Dorn responded on Sunday to accusations that he inflated his record.",
            Attribution("Mr. Dorn", None, "responded", "reported speech"),
        ),
        (
            "The campaign has responded to criticism on trade by pointing to her record.",
            Attribution("The campaign", None, "responded", "reported speech"),
        ),
        ("The clinic responded to the flu outbreak with extra staff.", None),
        # A belief's clause without "that", its subject a longer phrase.
        (
            "Mr. Ruiz hopes his latest endorsement from the county mayor will lift him.",
            Attribution("Mr. Ruiz", None, "hopes", "reported speech"),
        ),
        (
            "Local farmers hope the new canal in the valley does not flood.",
            Attribution("Local farmers", None, "hope", "reported speech"),
        ),
        ("Mr. Ruiz hopes for the best before the vote.", None),
    ],
)
def test_saying_that_answers_to_charges_and_longer_beliefs(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "agree" reports for a plural subject with a clause after it.
        (
            "Economists agree that the change will be slow.",
            Attribution("Economists", None, "agree", "reported speech"),
        ),
        (
            "Harbor pilots agree it will be difficult to dredge the channel.",
            Attribution("Harbor pilots", None, "agree", "reported speech"),
        ),
        # Agreeing on, with or to something, or a modal before it, reports nothing.
        ("Most voters can agree on that.", None),
        ("Only a quarter of voters agree with him.", None),
        ("The “pre-deal” failed because the two parties did not agree.", None),
    ],
)
def test_agree_reports_for_a_plural_with_its_clause(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # An outlet that "has learned" reports what it learned.
        (
            "The mayor skipped the meeting to visit his son, The Ledger has learned.",
            Attribution("The Ledger", None, "has learned", "reported speech"),
        ),
        (
            "Rivals hope he fails, but the Dover Herald has learned that his team built a data unit.",
            Attribution("the Dover Herald", None, "has learned", "reported speech"),
        ),
        # Learning a lesson or a skill reports nothing.
        ("He has learned that lesson.", None),
        ("Mr. Dorn has learned to cook.", None),
        ("The council appears to have learned nothing from the flood.", None),
    ],
)
def test_an_outlet_that_has_learned(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # One name opening the sentence, a long relative clause describing it, then "said".
        (
            "But Varga, who recalled taking the freight elevator up to the roof to film the "
            "parade for the book, said in an interview that the project never came to pass.",
            Attribution(
                "Varga",
                "who recalled taking the freight elevator up to the roof to film the parade "
                "for the book",
                "said",
                "reported speech",
            ),
        ),
        # A pronoun or a word that opens no name is no speaker described.
        (
            "It, which was built in 1950 and rebuilt after the flood of 1977 by the county, "
            "said nothing.",
            None,
        ),
    ],
)
def test_one_name_described_by_a_long_relative_clause(
    sentence: str, expected: Attribution | None
) -> None:
    assert one(sentence, "en") == expected
