"""The engine over whole articles (:mod:`retrieval.sources.engine`): the seed, any text, and the
constructions every language has (quotes over paragraphs, announcements, transcripts, findings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.articles import parse_file
from retrieval.sentences import SentenceSplitter
from retrieval.sources import (
    NOT_NAMED,
    UNNAMED,
    Attribution,
    attribute_article,
)
from tests.retrieval.sources.helpers import VERSTKA, attribute, one

ROOT = Path(__file__).resolve().parents[3]
SEED = next((ROOT / "seeds").glob("000_*.txt"))


_PIECES = [
    "said",
    "Trump",
    "he",
    "“",
    "”",
    '"',
    "«",
    "»",
    "„",
    ",",
    ".",
    "—",
    ":",
    "''",
    "(",
    ")",
    "according",
    "to",
    "the",
    "company",
    "заявил",
    "Песков",
    "по",
    "словам",
    "в",
    "Кремле",
    "заявили",
    "повідомив",
    "за",
    "даними",
    "його",
    "сказал",
    "журналистам",
    "that",
    "States",
    "Mr.",
    "Lavrov",
    "Sergei",
    "WALLACE",
    "Says",
    "\n",
    "\n\n",
    "saying",
    "by",
    "was",
]


def test_every_sentence_of_the_seed() -> None:
    draft = parse_file(SEED)
    splitter = SentenceSplitter()
    groups = [
        [(s.start, s.end) for s in splitter.split_paragraph(draft.text, p.start, p.end, "en")]
        for p in draft.paragraphs
        if p.kind == "body"
    ]
    got = attribute_article(draft.text, groups, "en")
    bloomberg = Attribution("Bloomberg", None, "according to", "according to")
    expected = [
        [None, None],
        [VERSTKA, VERSTKA.__class__(VERSTKA.source, VERSTKA.detail, VERSTKA.cue, "carried over")],
        [None, bloomberg, Attribution("Bloomberg", None, "according to", "carried over")],
        [None],
        [None, None],
        [Attribution("The Moscow Times", None, "reports", "reported speech")],
        [Attribution(UNNAMED, None, "warn", "reported speech")],
    ]
    assert got == expected


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=60),
    st.sampled_from(["en", "ru", "uk"]),
)
def test_any_text_gets_one_attribution_per_sentence(pieces: list[str], language: str) -> None:
    text = " ".join(pieces)
    result = attribute(text, language)
    assert all(a is None or isinstance(a, Attribution) for _, a in result)
    assert all(a is None or a.source.strip() for _, a in result)


def test_pronouns_take_the_latest_speaker_of_their_gender() -> None:
    ru = (
        "Дмитрий Песков заявил, что встреча не планируется.\n\n"
        "Мария Захарова сообщила, что ответ будет.\n\n"
        "Он добавил, что решение за президентом.\n\n"
        "Она отметила, что Москва готова."
    )
    assert [a and a.source for _, a in attribute(ru, "ru")] == [
        "Дмитрий Песков",
        "Мария Захарова",
        "Дмитрий Песков",
        "Мария Захарова",
    ]
    en = "Mr. Smith said the plan was bad. Ms. Jones said it was good.\n\nHe added that costs rose."
    assert [a and a.source for _, a in attribute(en, "en")] == [
        "Mr. Smith",
        "Ms. Jones",
        "Mr. Smith",
    ]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        (
            "Об этом РИА Новости сообщил источник в Минобороны.",
            "ru",
            Attribution(UNNAMED, "источник в Минобороны", "сообщил"),
        ),
        (
            "Ситуация под контролем, заявил ТАСС губернатор Вячеслав Гладков.",
            "ru",
            Attribution("Вячеслав Гладков", "губернатор", "заявил"),
        ),
        (
            "Ситуация под контролем, сообщили РБК в пресс-службе губернатора.",
            "ru",
            Attribution("Пресс-служба губернатора", None, "сообщили"),
        ),
        (
            "Как заявил в интервью «Известиям» министр Антон Силуанов, бюджет сбалансирован.",
            "ru",
            Attribution("Антон Силуанов", "министр", "как заявил"),
        ),
        (
            "Глава МИД Сергей Лавров в понедельник заявил журналистам, что переговоры возможны.",
            "ru",
            Attribution("Сергей Лавров", "Глава МИД", "заявил"),
        ),
        (
            "По мнению аналитиков Сбербанка, ставка останется на уровне 16%.",
            "ru",
            Attribution("аналитики Сбербанка", None, "по мнению", "according to"),
        ),
        (
            "Источник в правительстве сообщил, что решение принято.",
            "ru",
            Attribution(UNNAMED, "Источник в правительстве", "сообщил"),
        ),
        (
            "В Москве Песков заявил, что встречи не будет.",
            "ru",
            Attribution("Песков", None, "заявил"),
        ),
        (
            "Джерело в Офісі президента повідомило, що рішення ухвалено.",
            "uk",
            Attribution(UNNAMED, "Джерело в Офісі президента", "повідомило"),
        ),
        (
            "Як зазначили в Генштабі ЗСУ, противник втратив 20 танків.",
            "uk",
            Attribution("Генштаб ЗСУ", None, "як зазначили"),
        ),
        (
            "Ситуація під контролем, заявив Укрінформу голова ОВА Олег Синєгубов.",
            "uk",
            Attribution("Олег Синєгубов", "голова ОВА", "заявив"),
        ),
        (
            "Про це в телеграмі написав мер міста Віталій Кличко.",
            "uk",
            Attribution("Віталій Кличко", "мер міста", "написав"),
        ),
        (
            "На думку експертів, ціни зростуть.",
            "uk",
            Attribution("експерти", None, "на думку", "according to"),
        ),
        (
            "In Washington Trump said the deal was dead.",
            "en",
            Attribution("Trump", None, "said"),
        ),
        (
            "A spokesman for the Bank of America said rates would rise.",
            "en",
            Attribution("A spokesman for the Bank of America", None, "said"),
        ),
    ],
)
def test_addressees_places_and_roles(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # Speech acts that report only with a that-clause (or closing a quotation).
        (
            "Ms. Ortiz reiterated that the tax would not rise.",
            "en",
            Attribution("Ms. Ortiz", None, "reiterated"),
        ),
        (
            "The mayor joked that the bridge was older than he was.",
            "en",
            Attribution("The mayor", None, "joked"),
        ),
        (
            "“We will not pay,” the mayor repeated.",
            "en",
            Attribution("the mayor", None, "repeated", "quote"),
        ),
        ("Ms. Ortiz agreed to meet the mayor.", "en", None),
        ("Ms. Ortiz responded to the letter on Monday.", "en", None),
        ("The mayor repeated the mistake.", "en", None),
        (
            "Песков повторил, что переговоры невозможны.",
            "ru",
            Attribution("Песков", None, "повторил"),
        ),
        ("Министр согласился встретиться с журналистами.", "ru", None),
        (
            "Кулеба повторив, що переговорів не буде.",
            "uk",
            Attribution("Кулеба", None, "повторив"),
        ),
        ("Кулеба погодився зустрітися з журналістами.", "uk", None),
        # Speech acts that judge someone report with the charge, the label or a quotation.
        (
            "Ms. Ortiz mocked the senator for “hiding from voters.”",
            "en",
            Attribution("Ms. Ortiz", None, "mocked", "quote"),
        ),
        (
            "The governor denounced the ruling as a disgrace.",
            "en",
            Attribution("The governor", None, "denounced"),
        ),
        ("Mr. Hale attacked the plan on Tuesday.", "en", None),
        ("The senator was mocked by Ms. Ortiz for his votes.", "en", None),
        ("The Orlando attacks shocked the nation.", "en", None),
        (
            "Лавров раскритиковал Запад за санкции.",
            "ru",
            Attribution("Лавров", None, "раскритиковал"),
        ),
        ("Лавров раскритиковал Запад.", "ru", None),
        (
            "Зеленський похвалив військових за мужність.",
            "uk",
            Attribution("Зеленський", None, "похвалив"),
        ),
        ("Зеленський похвалив військових.", "uk", None),
    ],
)
def test_speech_acts_that_report_only_with_their_content(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # A belief or feeling held, with a that-clause: what the subject holds.
        (
            "Many Democrats are afraid that turnout will fall.",
            "en",
            Attribution("Many Democrats", None, "afraid"),
        ),
        (
            "The mayor is increasingly confident that the bridge will open.",
            "en",
            Attribution("The mayor", None, "confident"),
        ),
        ("The mayor is confident of victory.", "en", None),
        ("It is certain that prices will rise.", "en", None),
        (
            "The farmers worried that the rain would not come.",
            "en",
            Attribution("The farmers", None, "worried"),
        ),
        # A capitalised group with a bare verb is a plural: "Republicans say".
        (
            "But many Democrats say the lead is fragile.",
            "en",
            Attribution("Democrats", None, "say"),
        ),
        ("Republicans argue the tax is too high.", "en", Attribution("Republicans", None, "argue")),
        (
            "Песков уверен, что переговоры возможны.",
            "ru",
            Attribution("Песков", None, "уверен"),
        ),
        ("Министр уверен в победе.", "ru", None),
        (
            "Кулеба переконаний, що переговорів не буде.",
            "uk",
            Attribution("Кулеба", None, "переконаний"),
        ),
        ("Кулеба впевнений у перемозі.", "uk", None),
    ],
)
def test_beliefs_held_and_groups_named_with_a_capital(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # A name opening the sentence, set off by a description too long to read as one.
        (
            "David Kamin, an adviser to the campaign and a professor of law at a university"
            " in New York, said the plan was sound.",
            "en",
            Attribution(
                "David Kamin",
                "an adviser to the campaign and a professor of law at a university in New York",
                "said",
            ),
        ),
        # The cue coordinated with the sentence's first verb has that verb's subject.
        (
            "Mr. Hale visited Ohio and said the plant would stay open.",
            "en",
            Attribution("Mr. Hale", None, "said"),
        ),
        ("At a rally on Monday, voters cheered and said nothing.", "en", None),
        (
            "Песков прибыл в Минск и заявил, что переговоры возможны.",
            "ru",
            Attribution("Песков", None, "заявил"),
        ),
        ("Когда Песков прибыл в Минск и заявил, что переговоры возможны, рубль вырос.", "ru", None),
        (
            "Кулеба прибув до Варшави і заявив, що переговорів не буде.",
            "uk",
            Attribution("Кулеба", None, "заявив"),
        ),
    ],
)
def test_subjects_far_from_their_cue(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # "called X a Y" names what X is: a judgement, as "назвал X Y" (Y in the instrumental).
        (
            "Mr. Hale has called the tax a fraud.",
            "en",
            Attribution("Mr. Hale", None, "called"),
        ),
        ("The site is run by a group called the Freedom Fund.", "en", None),
        ("Ms. Ortiz called the senator a week ago.", "en", None),
        (
            "Песков назвал заявление провокацией.",
            "ru",
            Attribution("Песков", None, "назвал"),
        ),
        ("Улицу назвали в честь героя.", "ru", None),
        (
            "Кулеба назвав заяву провокацією.",
            "uk",
            Attribution("Кулеба", None, "назвав"),
        ),
        # One syllable doubles its consonant: "slammed", "slamming".
        (
            "Republicans are slamming the mayor for the delay.",
            "en",
            Attribution("Republicans", None, "slamming"),
        ),
    ],
)
def test_naming_and_doubled_forms(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        (
            "HALE: Well, the bill is not ready. We need more time. Nobody wants a rushed vote.",
            "en",
            "Hale",
        ),
        (
            "ОРЛОВ: Законопроект не готов. Нам нужно больше времени.",
            "ru",
            "Орлов",
        ),
        (
            "КОВАЛЬ: Законопроєкт не готовий. Нам потрібно більше часу.",
            "uk",
            "Коваль",
        ),
    ],
)
def test_a_transcript_paragraph_is_its_speakers_to_the_end(
    text: str, language: str, speaker: str
) -> None:
    found = [a for _, a in attribute(text, language)]
    assert len(found) > 1
    assert found[1:] == [Attribution(speaker, None, "transcript", "quote")] * (len(found) - 1)


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # A poll, a study or a record reports what it shows, past what describes it.
        (
            "A new poll shows the mayor trailing by six points.",
            "en",
            Attribution("A new poll", None, "shows"),
        ),
        (
            "A poll released Sunday by the Harbor Institute found the mayor ahead.",
            "en",
            Attribution("A poll released Sunday by the Harbor Institute", None, "found"),
        ),
        (
            "The race is tied, a Lakeside College survey shows.",
            "en",
            Attribution("a Lakeside College survey", None, "shows"),
        ),
        (
            "Data show that wages rose in the spring.",
            "en",
            Attribution("Data", None, "show"),
        ),
        # A gerund after "polls" or "despite" reports nothing; nor do other subjects.
        ("Despite polls showing her behind, she won the county.", "en", None),
        ("The mayor shows no sign of slowing down.", "en", None),
        (
            "Опрос «Вектора» показал, что рейтинг мэра упал.",
            "ru",
            Attribution("Опрос «Вектора»", None, "показал"),
        ),
        (
            "Данные статистики свидетельствуют о спаде.",
            "ru",
            Attribution("Данные статистики", None, "свидетельствуют"),
        ),
        ("Мэр показал журналистам документ.", "ru", None),
        (
            "Опитування «Вектора» показало, що рейтинг мера впав.",
            "uk",
            Attribution("Опитування «Вектора»", None, "показало"),
        ),
        (
            "Результати опитування свідчать про спад.",
            "uk",
            Attribution("Результати опитування", None, "свідчать"),
        ),
        # A phrase with a common noun is never read as a name in another case ("Дан").
        (
            "Дані статистики свідчать про спад.",
            "uk",
            Attribution("Дані статистики", None, "свідчать"),
        ),
        ("Мер показав журналістам документ.", "uk", None),
    ],
)
def test_findings_of_polls_studies_and_records(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # A verb of belief reports a clause without "that": a subject, then a modal or "were".
        (
            "Many experts suspect the losses were larger than reported.",
            "en",
            Attribution("Many experts", None, "suspect"),
        ),
        (
            "Ms. Ortiz hopes the council will vote in May.",
            "en",
            Attribution("Ms. Ortiz", None, "hopes"),
        ),
        (
            "Most voters agreed they had no real choice.",
            "en",
            Attribution("Most voters", None, "agreed"),
        ),
        # Not after "because", not as a noun, not before an infinitive or an object.
        ("The mayor backs the plan because he worries the city would lose money.", "en", None),
        ("The vote showed without doubt most voters are tired.", "en", None),
        ("The farmers hope to sell the land.", "en", None),
        ("The police suspect a neighbour.", "en", None),
        (
            "Мэр надеется, что совет проголосует в мае.",
            "ru",
            Attribution("Мэр", None, "надеется"),
        ),
        (
            "Эксперты подозревают, что потери были больше.",
            "ru",
            Attribution("Эксперты", None, "подозревают"),
        ),
        ("Мэр надеется на помощь.", "ru", None),
        (
            "Мер сподівається, що рада проголосує у травні.",
            "uk",
            Attribution("Мер", None, "сподівається"),
        ),
        ("Мер сподівається на допомогу.", "uk", None),
    ],
)
def test_beliefs_with_a_clause(sentence: str, language: str, expected: Attribution | None) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # A doubt is reported with the question after it.
        (
            "Ms. Ortiz questioned whether the council had read the report.",
            "en",
            Attribution("Ms. Ortiz", None, "questioned"),
        ),
        (
            "Some farmers are wondering why the road was closed.",
            "en",
            Attribution("Some farmers", None, "wondering"),
        ),
        ("The driver was questioned by the police.", "en", None),
        ("Questions remain about the budget.", "en", None),
        (
            "Мэр усомнился, что совет прочитал доклад.",
            "ru",
            Attribution("Мэр", None, "усомнился"),
        ),
        ("Мэр усомнился в себе.", "ru", None),
        (
            "Мер засумнівався, що рада прочитала доповідь.",
            "uk",
            Attribution("Мер", None, "засумнівався"),
        ),
    ],
)
def test_doubts_with_the_question_after_them(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # "Some say", "many argue": a report whose speakers the article does not name.
        (
            "Some say the plan will fail.",
            "en",
            Attribution(NOT_NAMED, "Some", "say"),
        ),
        (
            "The deal, many argue, will not last.",
            "en",
            Attribution(NOT_NAMED, "many", "argue"),
        ),
        (
            "But few believe the deal will last.",
            "en",
            Attribution(NOT_NAMED, "few", "believe"),
        ),
        # A quantifier before a noun, or a plural noun that looks like a verb, is no report.
        ("Some states remained too close to call.", "en", None),
        (
            "Many voters said no.",
            "en",
            Attribution("Many voters", None, "said"),
        ),
        (
            "Многие считают, что план провалится.",
            "ru",
            Attribution(NOT_NAMED, "Многие", "считают"),
        ),
        (
            "Деякі вважають, що план провалиться.",
            "uk",
            Attribution(NOT_NAMED, "Деякі", "вважають"),
        ),
    ],
)
def test_some_and_many_are_speakers_not_named(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "speaker", "cue"),
    [
        (
            "The governor added:\n\nIt is typical of the council. It knows nothing.\n\n"
            "The vote is on Friday.",
            "en",
            "The governor",
            "added",
        ),
        (
            "Губернатор добавил:\n\nЭто типично для совета. Он ничего не знает.\n\n"
            "Голосование в пятницу.",
            "ru",
            "Губернатор",
            "добавил",
        ),
        (
            "Губернатор додав:\n\nЦе типово для ради. Вона нічого не знає.\n\n"
            "Голосування у п'ятницю.",
            "uk",
            "Губернатор",
            "додав",
        ),
    ],
)
def test_an_announcement_gives_the_next_paragraph_its_speaker_without_quotation_marks(
    text: str, language: str, speaker: str, cue: str
) -> None:
    found = [a for _, a in attribute(text, language)]
    block = Attribution(speaker, None, cue, "quote")
    assert found[1:] == [block, block, None]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # "as stated in X's commentary": the document's author is the source.
        (
            "As stated in Mr. Hale’s commentary, the tax will fall on renters.",
            "en",
            Attribution("Mr. Hale", "commentary", "as stated in", "according to"),
        ),
        (
            "The tax, as noted in the budget report, will fall on renters.",
            "en",
            Attribution("the budget report", None, "as noted in", "according to"),
        ),
        (
            "Как указано в докладе Минфина, налог ляжет на арендаторов.",
            "ru",
            Attribution("Минфин", None, "указано в докладе", "according to"),
        ),
        (
            "Як зазначено у звіті Мінфіну, податок ляже на орендарів.",
            "uk",
            Attribution("Мінфін", None, "зазначено у звіті", "according to"),
        ),
    ],
)
def test_as_stated_in_a_document(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # An unnamed source described after its noun speaks, not who it is close to.
        (
            "A source close to the mayor said the plan would fail.",
            "en",
            Attribution(UNNAMED, "A source close to the mayor", "said", "reported speech"),
        ),
        (
            "Officials close to the Hale campaign say the plan is dead.",
            "en",
            Attribution(UNNAMED, "Officials close to the Hale campaign", "say", "reported speech"),
        ),
        (
            "People familiar with her thinking say she will run.",
            "en",
            Attribution(UNNAMED, "People familiar with her thinking", "say", "reported speech"),
        ),
        (
            "Mr. Hale, who is close to the mayor, said the plan would fail.",
            "en",
            Attribution("Mr. Hale", None, "said", "reported speech"),
        ),
        (
            "Источник, близкий к мэрии, сообщил, что план провалится.",
            "ru",
            Attribution(UNNAMED, "Источник, близкий к мэрии", "сообщил", "reported speech"),
        ),
        (
            "Собеседник, знакомый с ходом переговоров, сообщил, что план провалится.",
            "ru",
            Attribution(
                UNNAMED, "Собеседник, знакомый с ходом переговоров", "сообщил", "reported speech"
            ),
        ),
        (
            "Джерело, наближене до Кремля, повідомило, що план провалиться.",
            "uk",
            Attribution(UNNAMED, "Джерело, наближене до Кремля", "повідомило", "reported speech"),
        ),
        (
            "«План провалится», — сообщил источник, близкий к мэрии.",
            "ru",
            Attribution(UNNAMED, "источник, близкий к мэрии", "сообщил", "reported speech"),
        ),
        (
            "План провалиться, повідомило джерело, наближене до Кремля.",
            "uk",
            Attribution(UNNAMED, "джерело, наближене до Кремля", "повідомило", "reported speech"),
        ),
        # A named speaker described between commas is no unnamed source.
        ("Мэр, близкий к губернатору, сообщил, что план провалится.", "ru", None),
    ],
)
def test_a_source_close_to_someone_is_an_unnamed_source(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected
