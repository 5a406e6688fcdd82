"""Reported sources: each sentence gets the source the article attributes it to.

Every sentence here is written for these tests in the style of news reports; none is taken
from an annotated corpus.
"""

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
    describe,
    explain,
)

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("000_*.txt"))

VERSTKA = Attribution(
    "Verstka", "citing sources in the government and parliament", "according to", "according to"
)


def attribute(text: str, language: str) -> list[tuple[str, Attribution | None]]:
    """(sentence, attribution) for an article given as paragraphs split by blank lines."""
    splitter = SentenceSplitter()
    groups = []
    start = 0
    for block in text.split("\n\n"):
        spans = splitter.split_paragraph(text, start, start + len(block), language)
        groups.append([(s.start, s.end) for s in spans])
        start += len(block) + 2
    result = attribute_article(text, groups, language)
    return [
        (text[s:e], attribution)
        for group, attributions in zip(groups, result, strict=True)
        for (s, e), attribution in zip(group, attributions, strict=True)
    ]


def one(sentence: str, language: str) -> Attribution | None:
    [(_, attribution)] = attribute(sentence, language)
    return attribution


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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "«Мы не видим оснований для переговоров», — заявил министр иностранных дел России "
            "Сергей Лавров.",
            Attribution("Сергей Лавров", "министр иностранных дел России", "заявил", "quote"),
        ),
        (
            "По словам Сергея Лаврова, Москва готова ответить.",
            Attribution("Сергей Лавров", None, "по словам", "according to"),
        ),
        ("Об этом пишет «Коммерсантъ».", Attribution("Коммерсантъ", None, "пишет")),
        (
            "Дмитрий Песков сказал журналистам, что встреча не планируется.",
            Attribution("Дмитрий Песков", None, "сказал"),
        ),
        (
            "Встреча не планируется, — сказал журналистам Дмитрий Песков.",
            Attribution("Дмитрий Песков", None, "сказал"),
        ),
        ("В Кремле заявили, что ответ будет.", Attribution("Кремль", None, "заявили")),
        (
            "Генерал арестован, сообщает ТАСС со ссылкой на источники в силовых структурах.",
            Attribution("ТАСС", "со ссылкой на источники в силовых структурах", "сообщает"),
        ),
        ("Источники сообщили, что генерал арестован.", Attribution(UNNAMED, None, "сообщили")),
        (
            "Как сообщает издание «Верстка», штаб проверяют.",
            Attribution("Верстка", None, "как сообщает"),
        ),
        (
            "По данным Министерства обороны, удар отражён.",
            Attribution("Министерство обороны", None, "по данным", "according to"),
        ),
        ("Песков заявил, что переговоров не будет.", Attribution("Песков", None, "заявил")),
        (
            "Военный аналитик Иван Смирнов считает, что отставки неизбежны.",
            Attribution("Иван Смирнов", "Военный аналитик", "считает"),
        ),
        ("Генерал арестован в Москве.", None),
    ],
)
def test_russian_forms(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "ru") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "«Ми не бачимо підстав для переговорів», — заявив міністр закордонних справ України "
            "Дмитро Кулеба.",
            Attribution("Дмитро Кулеба", "міністр закордонних справ України", "заявив", "quote"),
        ),
        (
            "За словами Дмитра Кулеби, Київ готовий відповісти.",
            Attribution("Дмитро Кулеба", None, "за словами", "according to"),
        ),
        ("Про це пише «Українська правда».", Attribution("Українська правда", None, "пише")),
        ("У Кремлі заявили, що відповідь буде.", Attribution("Кремль", None, "заявили")),
        (
            "За даними Міністерства аграрної політики, вийшли сорок суден.",
            Attribution("Міністерство аграрної політики", None, "за даними", "according to"),
        ),
        (
            "Як повідомляє агентство Укрінформ, експорт зріс.",
            Attribution("Укрінформ", None, "як повідомляє"),
        ),
        (
            "Генерала заарештовано, повідомляє Укрінформ з посиланням на джерела в уряді.",
            Attribution("Укрінформ", "з посиланням на джерела в уряді", "повідомляє"),
        ),
        ("Джерела повідомили, що генерала заарештовано.", Attribution(UNNAMED, None, "повідомили")),
        (
            "Президент Володимир Зеленський сказав журналістам, що зустріч не планується.",
            Attribution("Володимир Зеленський", "Президент", "сказав"),
        ),
        (
            "Військовий аналітик Іван Смирнов вважає, що відставки неминучі.",
            Attribution("Іван Смирнов", "Військовий аналітик", "вважає"),
        ),
        ("Експорт пшениці зріс на третину.", None),
    ],
)
def test_ukrainian_forms(sentence: str, expected: Attribution | None) -> None:
    assert one(sentence, "uk") == expected


def test_russian_article_surname_and_back_reference() -> None:
    text = (
        "Министр иностранных дел Сергей Лавров провёл переговоры в Анкаре.\n\n"
        "«Мы договорились продолжить работу», — сказал Лавров журналистам.\n\n"
        "Как сообщает издание «Коммерсантъ», штаб проверяют. "
        "По данным издания, проверка продлится до конца сентября."
    )
    assert [a for _, a in attribute(text, "ru")] == [
        None,
        Attribution("Сергей Лавров", None, "сказал", "quote"),
        Attribution("Коммерсантъ", None, "как сообщает"),
        Attribution("Коммерсантъ", None, "по данным", "according to"),
    ]


def test_ukrainian_dash_quote_over_two_sentences() -> None:
    text = "«Ми готові до діалогу. Але не на таких умовах», — заявив Дмитро Кулеба."
    kuleba = Attribution("Дмитро Кулеба", None, "заявив", "quote")
    assert [a for _, a in attribute(text, "uk")] == [kuleba, kuleba]


def test_a_russian_article() -> None:
    text = (
        "Правительство России продлило ограничения на экспорт пшеницы до конца года. Решение принято на фоне роста цен на внутреннем рынке.\n\n"
        "«Мы обязаны защитить внутренний рынок», — заявил вице-премьер Дмитрий Патрушев на совещании в понедельник. По его словам, квоты будут пересмотрены в марте.\n\n"
        "Эксперты считают, что ограничения ударят по аграриям. «Фермеры потеряют до 15% выручки», — отметил аналитик центра «Совэкон» Андрей Сизов.\n\n"
        "Как пишет РБК со ссылкой на источник в Минсельхозе, ведомство готовит новые меры поддержки. Собеседник издания уточнил, что речь идет о субсидиях.\n\n"
        "Патрушев также сообщил, что урожай в этом году составит около 130 млн тонн.\n\n"
        "Цены на хлеб выросли на 8% с начала года, следует из данных Росстата."
    )
    patrushev = "Дмитрий Патрушев"
    assert [a for _, a in attribute(text, "ru")] == [
        None,
        None,
        Attribution(patrushev, "вице-премьер", "заявил", "quote"),
        Attribution(patrushev, None, "по его словам", "according to"),
        Attribution("Эксперты", None, "считают"),
        Attribution("Андрей Сизов", "аналитик центра «Совэкон»", "отметил", "quote"),
        Attribution("РБК", "со ссылкой на источник в Минсельхозе", "как пишет"),
        Attribution(UNNAMED, "Собеседник издания", "уточнил"),
        Attribution(patrushev, None, "сообщил"),
        Attribution("Росстат", None, "следует из данных", "according to"),
    ]


def test_a_ukrainian_article() -> None:
    text = (
        "Україна у вересні експортувала понад 5 млн тонн зерна, повідомили в Міністерстві аграрної політики. Це найбільший показник з початку року.\n\n"
        "«Морський коридор працює стабільно, і ми очікуємо подальшого зростання», — сказав заступник міністра Тарас Висоцький. За його словами, до кінця року обсяги можуть зрости ще на 10%.\n\n"
        "Аналітики попереджають, що ризики для суден залишаються високими. Як зазначає агентство Reuters, страхові тарифи зросли вдвічі.\n\n"
        "Висоцький також наголосив, що уряд готує нові програми підтримки аграріїв.\n\n"
        "Про це пише «Економічна правда» з посиланням на джерела в уряді. Видання уточнює, що рішення ухвалять у жовтні."
    )
    vysotsky = "Тарас Висоцький"
    assert [a for _, a in attribute(text, "uk")] == [
        Attribution("Міністерство аграрної політики", None, "повідомили"),
        None,
        Attribution(vysotsky, "заступник міністра", "сказав", "quote"),
        Attribution(vysotsky, None, "за його словами", "according to"),
        Attribution("Аналітики", None, "попереджають"),
        Attribution("Reuters", None, "як зазначає"),
        Attribution(vysotsky, None, "наголосив"),
        Attribution("Економічна правда", "з посиланням на джерела в уряді", "пише"),
        Attribution("Економічна правда", None, "уточнює"),
    ]


def test_describe_and_explain() -> None:
    assert describe(None) == "the outlet's own claim"
    assert describe(Attribution("Bloomberg")) == "reported by Bloomberg"
    assert describe(VERSTKA) == (
        "reported by Verstka (citing sources in the government and parliament)"
    )
    assert describe(Attribution(UNNAMED)) == "according to unnamed sources"
    assert describe(Attribution("Trump", None, "said", "quote")) == "quoting Trump"
    assert describe(Attribution(NOT_NAMED, kind="quote")) == "quoted; speaker not named"
    assert describe(Attribution(NOT_NAMED, "he")) == "reported; speaker not named (he)"
    assert explain(Attribution("Trump", None, "said", "quote")) == (
        "quoting Trump · quote, cue “said”"
    )
    assert explain(Attribution(NOT_NAMED, None, "“…”", "quote")) == (
        "quoted; speaker not named · quote, cue: the quotation marks"
    )
    assert explain(None) == (
        "the outlet's own claim: nothing in or around the sentence attributes it"
    )


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
        (
            "Удары будут продолжены, говорится в заявлении Министерства обороны России.",
            "ru",
            Attribution(
                "Министерство обороны России", None, "говорится в заявлении", "according to"
            ),
        ),
        (
            "Про це йдеться у повідомленні Генштабу ЗСУ.",
            "uk",
            Attribution("Генштаб ЗСУ", None, "йдеться у повідомленні", "according to"),
        ),
        (
            "Как стало известно РБК, сделка сорвалась.",
            "ru",
            Attribution("РБК", None, "как стало известно"),
        ),
        (
            "Об этом передает корреспондент «Интерфакса».",
            "ru",
            Attribution("корреспондент «Интерфакса»", None, "передает"),
        ),
        (
            "Про це повідомила пресслужба Міноборони.",
            "uk",
            Attribution("пресслужба Міноборони", None, "повідомила"),
        ),
        (
            "Об этом сообщил в своем Telegram-канале губернатор Белгородской области "
            "Вячеслав Гладков.",
            "ru",
            Attribution("Вячеслав Гладков", "губернатор Белгородской области", "сообщил"),
        ),
        (
            "Россия готова к переговорам, считают в Кремле.",
            "ru",
            Attribution("Кремль", None, "считают"),
        ),
        ("Президент России Владимир Путин подписал закон.", "ru", None),
        (
            "В заявлении МИД России говорится, что ответ будет жестким.",
            "ru",
            Attribution("МИД России", None, "в заявлении", "according to"),
        ),
        (
            "У заяві Міністерства закордонних справ йдеться, що відповідь буде.",
            "uk",
            Attribution("Міністерство закордонних справ", None, "у заяві", "according to"),
        ),
    ],
)
def test_statements_documents_and_services(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


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


def test_dialogue_lines_and_roles_in_russian() -> None:
    text = (
        "«Мы не видим оснований для переговоров», — заявил министр иностранных дел России "
        "Сергей Лавров.\n\n"
        "— Мы готовы к диалогу. Но не на таких условиях, — добавил министр.\n\n"
        "— Когда начнутся переговоры? Никто не знает.\n\n"
        "Лавров: «Решение за Киевом»."
    )
    lavrov = "Сергей Лавров"
    assert [a for _, a in attribute(text, "ru")] == [
        Attribution(lavrov, "министр иностранных дел России", "заявил", "quote"),
        Attribution(lavrov, None, "добавил", "quote"),
        Attribution(lavrov, None, "добавил", "quote"),
        Attribution(NOT_NAMED, None, "“…”", "quote"),
        Attribution(NOT_NAMED, None, "“…”", "quote"),
        Attribution(lavrov, None, "colon", "quote"),
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


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # A genitive between the head and the verb belongs to the speaker's name.
        (
            "Мэр Казани сообщил, что встреча состоится.",
            "ru",
            Attribution("Мэр Казани", None, "сообщил", "reported speech"),
        ),
        (
            "Пресс-секретарь президента сообщил, что встреча состоится.",
            "ru",
            Attribution("Пресс-секретарь президента", None, "сообщил", "reported speech"),
        ),
        (
            "Мер Києва заявив, що зустріч відбудеться.",
            "uk",
            Attribution("Мер Києва", None, "заявив", "reported speech"),
        ),
        # Not a relative pronoun's clause, nor a verb that only looks like a genitive noun.
        ("Это поправки, принятие которых требует двух третей голосов.", "ru", None),
        ("Це зміни, ухвалення яких вимагає двох третин голосів.", "uk", None),
        ("Стихи начал писать ещё в школе.", "ru", None),
    ],
)
def test_a_speaker_named_with_a_genitive(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # A town and its region after the speaker say where it is, not who speaks.
        (
            "Полиция в Казани, Татарстан, сообщила, что подозреваемый задержан.",
            "ru",
            Attribution("Полиция", None, "сообщила", "reported speech"),
        ),
        (
            "Спасатели в Нижнем Новгороде, Россия, сообщили, что пожар потушен.",
            "ru",
            Attribution("Спасатели", None, "сообщили", "reported speech"),
        ),
        (
            "Поліція у Львові, Україна, повідомила, що підозрюваного затримано.",
            "uk",
            Attribution("Поліція", None, "повідомила", "reported speech"),
        ),
        # A speaker after the verb comes first; no subject opening the sentence, none.
        (
            "Полиция задержала его в Казани, Татарстан, сообщил источник.",
            "ru",
            Attribution(UNNAMED, "источник", "сообщил", "reported speech"),
        ),
        ("Встреча в Казани, Татарстан, прошла спокойно.", "ru", None),
        ("Полиция задержала его в Казани, Татарстан, сообщил.", "ru", None),
    ],
)
def test_a_speaker_placed_in_a_town_and_region(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


def test_a_report_about_this_gives_the_sentences_before_it_their_source() -> None:
    # "Об этом сообщил X" / "Про це повідомив X" reports the lead before it: in its paragraph,
    # or the whole paragraph before when it opens its own; a dateline is nobody's claim.
    governor = Attribution("Иван Кротов", "губернатор области", "сообщил", "reported speech")
    got = attribute(
        "МОСКВА, 3 марта. /ТАСС/. На окраине Тулы упал беспилотник. Пострадавших нет. "
        "Об этом сообщил губернатор области Иван Кротов.\n\nДругих происшествий не было.",
        "ru",
    )
    assert [a for _, a in got] == [None, None, governor, governor, governor, None]
    head = Attribution("Олена Гай", "голова міської ради", "повідомила", "reported speech")
    got = attribute(
        "У Вінниці знеструмлено три квартали. Ремонт триватиме до вечора.\n\n"
        "Про це повідомила голова міської ради Олена Гай.",
        "uk",
    )
    assert [a for _, a in got] == [head, head, head]
    director = Attribution("Павел Сомов", "директор завода", "прокомментировал", "reported speech")
    got = attribute(
        "Завод в Твери остановил выпуск моторов. Так директор завода Павел Сомов "
        "прокомментировал журналистам решение совета.",
        "ru",
    )
    assert [a for _, a in got] == [director, director]


def test_an_impersonal_note_goes_on_with_the_source_before_it() -> None:
    # "Отмечается, что …", "Зазначається, що …": the report before it goes on.
    got = attribute(
        "Енергетики повідомили, що ремонт триватиме два дні. Зазначається, що бригади "
        "працюють цілодобово.",
        "uk",
    )
    assert [a for _, a in got] == [
        Attribution("Енергетики", None, "повідомили", "reported speech"),
        Attribution("Енергетики", None, "повідомили", "carried over"),
    ]
    assert [a for _, a in attribute("Отмечается, что движение восстановлено.", "ru")] == [None]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # An agency passing the report on gives way to the one who made it.
        (
            "Об этом заявил министр финансов Олег Ветров в эфире телеканала, передает ТАСС.",
            "ru",
            Attribution("Олег Ветров", "министр финансов", "заявил", "reported speech"),
        ),
        (
            "Про це повідомив міністр енергетики Олег Дуб у Facebook, передає Укрінформ.",
            "uk",
            Attribution("Олег Дуб", "міністр енергетики", "повідомив", "reported speech"),
        ),
        (
            "Зарплаты в регионе выросли на 7%, сообщает РБК со ссылкой на Росстат.",
            "ru",
            Attribution("РБК", "со ссылкой на Росстат", "сообщает", "reported speech"),
        ),
        (
            "Об этом РБК-Украина сообщил советник министра Петр Громов.",
            "ru",
            Attribution("Петр Громов", "советник министра", "сообщил", "reported speech"),
        ),
        # The agency told, then the service that spoke.
        (
            "Пожар на складе потушен, рассказали РИА Новости в пресс-службе МЧС региона.",
            "ru",
            Attribution("МЧС региона", None, "рассказали", "reported speech"),
        ),
        # Services named by where: an adjective before an acronym, a quoted name after.
        (
            "Как сообщили в окружном ГУ МЧС, огонь потушен.",
            "ru",
            Attribution("ГУ МЧС", None, "как сообщили", "reported speech"),
        ),
        (
            "Про це повідомили у пресслужбі «Укргазу».",
            "uk",
            Attribution("Пресслужба «Укргазу»", None, "повідомили", "reported speech"),
        ),
        (
            "Вечером и в Казани, и в Уфе заявили, что матч перенесут.",
            "ru",
            Attribution("Уфа", None, "заявили", "reported speech"),
        ),
        # A name after the title, past an instrumental; a medium is not the speaker.
        (
            "Про це заявив представник управління розвідкою МОУ Андрій Коваль.",
            "uk",
            Attribution(
                "Андрій Коваль", "представник управління розвідкою МОУ", "заявив", "reported speech"
            ),
        ),
        (
            "Про це Петренко повідомив у соцмережі Facebook.",
            "uk",
            Attribution("Петренко", None, "повідомив", "reported speech"),
        ),
        # A pronoun is the subject alone; the words before it are not the speaker's.
        (
            "Во время встречи с жителями района он также сообщил, что стройка завершится летом.",
            "ru",
            Attribution(NOT_NAMED, "он", "сообщил", "reported speech"),
        ),
        (
            "Раніше він повідомив про відкриття мосту.",
            "uk",
            Attribution(NOT_NAMED, "він", "повідомив", "reported speech"),
        ),
    ],
)
def test_relayed_reports_services_and_subjects_in_russian_and_ukrainian_news(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # An infinitive, a denial with nothing said, what someone says, a relative clause.
        ("Мэр не стал комментировать слухи о своей отставке.", "ru"),
        ("Водій не зміг пояснити причини аварії.", "uk"),
        ("Подробности в министерстве не сообщили.", "ru"),
        ("Важно, чтобы все слышали, что говорит председатель правительства Андрей Лукин.", "ru"),
        ("Условия, которых требует поставщик, банк счёл жёсткими.", "ru"),
        # Acts: a verdict, a promise of an action, an alarm declared, a match to a forecast.
        ("Суд признал бизнесмена виновным в уклонении от налогов.", "ru"),
        ("Деталями мэр обещает поделиться завтра.", "ru"),
        ("Після цього в Ужгороді оголосили перерву.", "uk"),
        ("Такий результат відповідає прогнозам аналітиків.", "uk"),
        # What is confirmed, not who confirms it; a phrase that names no one.
        ("Наразі підтверджено виконання плану на 80 відсотків.", "uk"),
        ("По предварительным данным, ущерб невелик.", "ru"),
        ("Тарифи змінюватимуться відповідно до сезонних умов.", "uk"),
    ],
)
def test_cyrillic_cues_that_report_nothing_of_the_sentence(sentence: str, language: str) -> None:
    assert one(sentence, language) is None


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        (
            "Центробанк повысил прогноз, полагая, что цены продолжат расти.",
            "ru",
            Attribution("Центробанк", None, "полагая", "reported speech"),
        ),
        (
            "Компанія підвищила тарифи, заявивши, що інакше не покриє витрат.",
            "uk",
            Attribution("Компанія", None, "заявивши", "reported speech"),
        ),
        (
            "За попередніми даними від ДСНС, пожежу локалізовано.",
            "uk",
            Attribution("ДСНС", None, "за попередніми даними", "according to"),
        ),
        (
            "По имеющимся данным от пресс-центра МЧС России, дорогу уже открыли.",
            "ru",
            Attribution("пресс-центр МЧС России", None, "по имеющимся данным", "according to"),
        ),
        (
            "За прогнозами Нацбанку, курс залишиться стабільним.",
            "uk",
            Attribution("Нацбанк", None, "за прогнозами", "according to"),
        ),
        (
            "Відповідно до заяви міністерства, мито скасують.",
            "uk",
            Attribution("заява міністерства", None, "відповідно до", "according to"),
        ),
        (
            "Зі слів Петренка, засідання перенесли.",
            "uk",
            Attribution("Петренко", None, "зі слів", "according to"),
        ),
        (
            "Як повідомляється на сайті Ради, комітет підтримав законопроєкт.",
            "uk",
            Attribution("Рада", None, "як повідомляється на сайті", "reported speech"),
        ),
        (
            "Коваленко зауважив, що заявок стало більше.",
            "uk",
            Attribution("Коваленко", None, "зауважив", "reported speech"),
        ),
        (
            "Регулятор намекал банкам, что нормы смягчат.",
            "ru",
            Attribution("Регулятор", None, "намекал", "reported speech"),
        ),
        (
            "«Решение правильное», — вторил ей вице-премьер Олег Зуев.",
            "ru",
            Attribution("Олег Зуев", "вице-премьер", "вторил", "reported speech"),
        ),
        (
            "Мерія також розраховує, що ремонт завершать у травні.",
            "uk",
            Attribution("Мерія", None, "розраховує", "reported speech"),
        ),
        (
            "Минобороны объявило о завершении учений.",
            "ru",
            Attribution("Минобороны", None, "объявило", "reported speech"),
        ),
    ],
)
def test_gerunds_phrases_and_verbs_of_russian_and_ukrainian_news(
    sentence: str, language: str, expected: Attribution | None
) -> None:
    assert one(sentence, language) == expected


def test_a_ukrainian_first_name_gives_the_pronoun_its_speaker() -> None:
    # "Павло" is also a feminine vocative: the nominative reading says he is a man.
    got = attribute(
        "Загинули двоє людей, повідомив голова області Павло Гнатюк. "
        "«Ще троє поранені», — написав він.",
        "uk",
    )
    assert got[1][1] == Attribution("Павло Гнатюк", None, "написав", "reported speech")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "только что сообщил" is a report, not "what X says".
        (
            "Об этом только что сообщил мэр города Игорь Петров.",
            "ru",
            [Attribution("Игорь Петров", "мэр города", "сообщил", "reported speech")],
        ),
        # The preposition's object goes; the nominative after it speaks.
        (
            "После долгого обсуждения председатель комиссии Олег Зорин сообщил, что решение "
            "принято.",
            "ru",
            [Attribution("Олег Зорин", "председатель комиссии", "сообщил", "reported speech")],
        ),
        # A surname the dictionary reads first as a genitive plural is still a person's, so
        # the pronoun after finds him.
        (
            "Об этом заявил председатель комитета Дмитрий Сомов. По его словам, закон примут "
            "осенью.",
            "ru",
            [
                Attribution("Дмитрий Сомов", "председатель комитета", "заявил", "reported speech"),
                Attribution("Дмитрий Сомов", None, "по его словам", "according to"),
            ],
        ),
        # A title opening the sentence is the person the article named with it before.
        (
            "Президент Петро Мельник прибув до Львова. Президент повідомив, що угоду підписано.",
            "uk",
            [None, Attribution("Петро Мельник", None, "повідомив", "reported speech")],
        ),
        # "— йдеться у заяві": the statement of the source named last.
        (
            "Про це повідомила компанія «Теплосеть».\n\nЗавтра тарифи не зміняться.\n\n"
            "«Ми просимо економити тепло», — йдеться у заяві.",
            "uk",
            [
                Attribution("компанія «Теплосеть»", None, "повідомила", "reported speech"),
                None,
                Attribution("компанія «Теплосеть»", None, "йдеться у заяві", "quote"),
            ],
        ),
        # A name in quotation marks before the verb is its subject, not a quote.
        (
            "«Газпром» сообщил, что поставки продолжаются.",
            "ru",
            [Attribution("Газпром", None, "сообщил", "reported speech")],
        ),
        # "Зазначається, що …" goes on with a source two paragraphs up.
        (
            "Про це повідомили в ДСНС.\n\nРятувальники працюють на місці.\n\n"
            "Зазначається, що постраждалих немає.",
            "uk",
            [
                Attribution("ДСНС", None, "повідомили", "reported speech"),
                None,
                Attribution("ДСНС", None, "повідомили", "carried over"),
            ],
        ),
    ],
)
def test_names_titles_and_statements_in_russian_and_ukrainian_news(
    text: str, language: str, expected: list[Attribution | None]
) -> None:
    assert [a for _, a in attribute(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "Там отметили": the institution named before.
        (
            "Об этом сообщила прокуратура Казани. Там отметили, что дело передано в суд.",
            "ru",
            [
                Attribution("прокуратура Казани", None, "сообщила", "reported speech"),
                Attribution("прокуратура Казани", None, "отметили", "reported speech"),
            ],
        ),
        # "Согласно" takes any noun phrase, given in the nominative.
        (
            "Согласно решению суда, компания выплатит штраф.",
            "ru",
            [Attribution("решение суда", None, "согласно", "according to")],
        ),
        # A capitalised word after a first name is a surname the dictionary may not know.
        (
            "Об этом сообщил советник главы офиса Олег Бурдяк. Он также отметил, что "
            "переговоры продолжатся.",
            "ru",
            [
                Attribution("Олег Бурдяк", "советник главы офиса", "сообщил", "reported speech"),
                Attribution("Олег Бурдяк", None, "отметил", "reported speech"),
            ],
        ),
        # An outlet named in one word is no person: "издание" finds it, "он" does not.
        (
            "Как отмечает «Вёрстка», заседание длилось час. «Решение было предрешено», — пишет "
            "издание. Он добавил, что приговор обжалуют.",
            "ru",
            [
                Attribution("Вёрстка", None, "как отмечает", "reported speech"),
                Attribution("Вёрстка", None, "пишет", "reported speech"),
                Attribution(NOT_NAMED, "Он", "добавил", "reported speech"),
            ],
        ),
    ],
)
def test_there_according_to_surnames_and_outlets_in_russian(
    text: str, language: str, expected: list[Attribution | None]
) -> None:
    assert [a for _, a in attribute(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # An agency relaying, then "об этом сообщил X": X's report, the lead before it too.
        (
            "Фракции согласились голосовать. Как передает корреспондент агентства, об этом "
            "сообщил председатель парламента Олег Лыбин.",
            "ru",
            [Attribution("Олег Лыбин", "председатель парламента", "сообщил", "reported speech")]
            * 2,
        ),
        (
            "Продажі зросли. Як пише Delo.ua, про це повідомляє пресслужба компанії.",
            "uk",
            [Attribution("пресслужба компанії", None, "повідомляє", "reported speech")] * 2,
        ),
        # Alone, the outlet is the source; a site's name is one word.
        (
            "Как пишет «Коммерсантъ», сделка сорвалась.",
            "ru",
            [Attribution("Коммерсантъ", None, "как пишет", "reported speech")],
        ),
        (
            "Знай.ua уточнює, що опитування провели онлайн.",
            "uk",
            [Attribution("Знай.ua", None, "уточнює", "reported speech")],
        ),
        # "вчергове" is an adverb between the pronoun and its verb.
        (
            "Також він вчергове наголосив, що школи відкриють вчасно.",
            "uk",
            [Attribution(NOT_NAMED, "він", "наголосив", "reported speech")],
        ),
    ],
)
def test_relayed_leads_site_names_and_adverbs(
    text: str, language: str, expected: list[Attribution | None]
) -> None:
    assert [a for _, a in attribute(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A frame set inside the quotation marks, between dashes or closing a dash's speech.
        (
            "«Хочу наголосити – жодних нових податків не буде, – сказав Іван Кравчук. – Бюджет "
            "збалансований».",
            "uk",
            [Attribution("Іван Кравчук", None, "сказав", "quote")] * 2,
        ),
        (
            "— Ми зробили багато. Парк відкриється влітку, - наголосив міський голова Петро Сало.",
            "uk",
            [Attribution("Петро Сало", "міський голова", "наголосив", "quote")] * 2,
        ),
        # No answer is no report; a content after the denial would be.
        ("Пресс-секретарь мэрии Анна Белова не ответила на запрос редакции.", "ru", [None]),
        # An unnamed source before a stray comma, or described past its outlet's name.
        (
            "Источник «Известий» в правительстве, сказал, что решение отложено.",
            "ru",
            [Attribution(UNNAMED, "Источник «Известий»", "сказал", "reported speech")],
        ),
        (
            "Другой источник «Известий», знакомый с ситуацией, сказал, что решение отложено.",
            "ru",
            [
                Attribution(
                    UNNAMED,
                    "источник «Известий», знакомый с ситуацией",
                    "сказал",
                    "reported speech",
                )
            ],
        ),
        # A second title after a comma, then the name.
        (
            "Про це повідомив заступник міністра освіти, головний освітній інспектор України "
            "Олег Пасічник.",
            "uk",
            [
                Attribution(
                    "Олег Пасічник",
                    "заступник міністра освіти, головний освітній інспектор України",
                    "повідомив",
                    "reported speech",
                )
            ],
        ),
        # A company named in quotation marks after "в" and its noun, declined or not.
        (
            "В предприятии «Восход» назвали эту информацию вымыслом.",
            "ru",
            [Attribution("Восход", None, "назвали", "reported speech")],
        ),
        (
            "«Мы ничего не знаем», — заверили в «Восходе».",
            "ru",
            [Attribution("Восход", None, "заверили", "quote")],
        ),
    ],
)
def test_frames_inside_quotes_stray_commas_and_quoted_companies(
    text: str, language: str, expected: list[Attribution | None]
) -> None:
    assert [a for _, a in attribute(text, language)] == expected


def test_an_agency_before_a_first_name_is_part_of_the_title_not_of_the_name() -> None:
    # "заместитель руководителя Росгидромета Георгий Ладин": the person starts at his first
    # name, and "Росгидромет" later is the agency, not a title pointing back at him.
    got = attribute(
        "Об этом заявил заместитель руководителя Росгидромета Георгий Ладин. По данным "
        "Росгидромета, зима будет тёплой.",
        "ru",
    )
    assert [a for _, a in got] == [
        Attribution(
            "Георгий Ладин", "заместитель руководителя Росгидромета", "заявил", "reported speech"
        ),
        Attribution("Росгидромет", None, "по данным", "according to"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # After "Об этом" the speaker follows the verb, past a genitive chain with "и".
        (
            "Об этом в ходе заседания Министерства культуры и спорта заявил глава министерства "
            "Павел Ложкин.",
            "ru",
            [Attribution("Павел Ложкин", "глава министерства", "заявил", "reported speech")],
        ),
        # ... unless a subject stands right before the verb.
        (
            "Про це він сказав під час наради в міськраді.",
            "uk",
            [Attribution(NOT_NAMED, "він", "сказав", "reported speech")],
        ),
        # A title that goes on after "і", then the name.
        (
            "Про це заявив міністр культури і спорту України Олег Ткач.",
            "uk",
            [
                Attribution(
                    "Олег Ткач", "міністр культури і спорту України", "заявив", "reported speech"
                )
            ],
        ),
        # An institution named lowercase after "у", before or after the verb.
        (
            "Про це повідомили у банку.",
            "uk",
            [Attribution("Банк", None, "повідомили", "reported speech")],
        ),
        (
            "У фінустанові зазначили, що відділення відкриють у понеділок.",
            "uk",
            [Attribution("Фінустанова", None, "зазначили", "reported speech")],
        ),
        # An adverb of manner between the subject and its verb.
        (
            "Олег Петров категорично опроверг слухи о продаже банка.",
            "ru",
            [Attribution("Олег Петров", None, "опроверг", "reported speech")],
        ),
        # "дополнил", "по последнему прогнозу", a Telegram channel citing a ministry.
        (
            "«Мы справимся», — дополнил губернатор.",
            "ru",
            [Attribution("губернатор", None, "дополнил", "reported speech")],
        ),
        (
            "По последнему прогнозу Минфина, дефицит бюджета составит 2 процента.",
            "ru",
            [Attribution("Минфин", None, "по последнему прогнозу", "according to")],
        ),
        (
            "«Спрос устойчивый», сообщается в Telegram-канале со ссылкой на Минсельхоз.",
            "ru",
            [
                Attribution(
                    "Telegram-Канал",
                    "со ссылкой на Минсельхоз",
                    "сообщается в telegram-канале",
                    "according to",
                )
            ],
        ),
    ],
)
def test_about_this_titles_institutions_and_manners(
    text: str, language: str, expected: list[Attribution | None]
) -> None:
    assert [a for _, a in attribute(text, language)] == expected


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
    ("text", "language", "expected"),
    [
        # "приводит слова X", "цитирует X": the one quoted speaks; the outlet is the detail.
        (
            "«Мы сыграли плохо», — приводит слова тренера «Северный вестник».",
            "ru",
            [Attribution("тренер", "Северный вестник", "приводит", "quote")],
        ),
        (
            "«Решение за советом», — цитирует Карпова ТАСС.",
            "ru",
            [Attribution("Карпов", "ТАСС", "цитирует", "quote")],
        ),
        (
            "«Было отменено 12 рейсов», — приводит РИА Новости сообщение пресс-службы порта.",
            "ru",
            [Attribution("пресс-служба порта", "РИА Новости", "приводит", "quote")],
        ),
        (
            "«Тренування скасовано», — наводить «Ранковий вісник» слова капітана команди.",
            "uk",
            [Attribution("капітан команди", "Ранковий вісник", "наводить", "quote")],
        ),
        # Not after a quote: no quoting.
        ("Рост цен приводит к инфляции.", "ru", [None]),
        # A « quote over paragraphs closed by a » later, no paragraph reopening it.
        (
            "«Мы проиграли честно. Команда устала.\n\nТеперь надо отдохнуть», — приводит слова "
            "тренера «Северный вестник».",
            "ru",
            [Attribution("тренер", "Северный вестник", "приводит", "quote")] * 3,
        ),
        # A date before the place: the place speaks; a date before a name: the name.
        (
            "26 мая в Минфине сообщили, что дефицит бюджета вырос.",
            "ru",
            [Attribution("Минфин", None, "сообщили")],
        ),
        (
            "В конце мая Карпов заявил, что встречи не будет.",
            "ru",
            [Attribution("Карпов", None, "заявил")],
        ),
        (
            "26 травня в Мінфіні повідомили, що дефіцит зріс.",
            "uk",
            [Attribution("Мінфін", None, "повідомили")],
        ),
        # A forecast's object is no speaker: the place before it is.
        (
            "В министерстве спрогнозировали рост цен на товары.",
            "ru",
            [Attribution("Министерство", None, "спрогнозировали")],
        ),
        (
            "У Нацбанку очікують зростання інфляції.",
            "uk",
            [Attribution("Нацбанк", None, "очікують")],
        ),
        # An enterprise is an institution; "обозначила" reports with "что" only.
        (
            "В предприятии пояснили, что не получали писем.",
            "ru",
            [Attribution("Предприятие", None, "пояснили")],
        ),
        ("Строители обозначили границы участка.", "ru", [None]),
    ],
)
def test_quoting_dates_forecasts_enterprises(
    text: str, language: str, expected: list[Attribution | None]
) -> None:
    assert [a for _, a in attribute(text, language)] == expected


def _with_title(title: str, text: str, language: str) -> list[Attribution | None]:
    splitter = SentenceSplitter()
    groups = []
    start = 0
    for block in text.split("\n\n"):
        spans = splitter.split_paragraph(text, start, start + len(block), language)
        groups.append([(s.start, s.end) for s in spans])
        start += len(block) + 2
    result = attribute_article(text, groups, language, title=title)
    return [a for group in result for a in group]


@pytest.mark.parametrize(
    ("title", "text", "language", "expected"),
    [
        # "X: …" and "… — X": the lead restating the headline is X's.
        (
            "Карпов: цены на хлеб вырастут осенью",
            "Цены на хлеб вырастут осенью на десять процентов.",
            "ru",
            [Attribution("Карпов", None, ":")],
        ),
        (
            "Пасажирські поїзди курсуватимуть за новим графіком — Укрзалізниця",
            "Пасажирські поїзди з понеділка курсуватимуть за новим графіком.",
            "uk",
            [Attribution("Укрзалізниця", None, "—")],
        ),
        # A lead about something else, or a headline opened by a description: the outlet's.
        (
            "Карпов: цены на хлеб вырастут осенью",
            "Сборная проиграла шестой матч подряд.",
            "ru",
            [None],
        ),
        (
            "Пожар в Рязанской области: сгорел склад",
            "В Рязанской области сгорел склад.",
            "ru",
            [None],
        ),
    ],
)
def test_the_headline_names_the_source_of_its_lead(
    title: str, text: str, language: str, expected: list[Attribution | None]
) -> None:
    assert _with_title(title, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # In a wire item ("Об этом сообщил X"), a sentence with no cue goes on with the report
        # before it in its paragraph.
        (
            "Над районом сбит беспилотник. Об этом сообщил губернатор Иван Корнев. Обломки упали "
            "в поле.",
            "ru",
            [
                Attribution("Иван Корнев", "губернатор", "сообщил", "reported speech"),
                Attribution("Иван Корнев", "губернатор", "сообщил", "reported speech"),
                Attribution("Иван Корнев", "губернатор", "сообщил", "carried over"),
            ],
        ),
        (
            "Про це повідомили в Генштабі. Також ворог втратив 12 танків.",
            "uk",
            [
                Attribution("Генштаб", None, "повідомили", "reported speech"),
                Attribution("Генштаб", None, "повідомили", "carried over"),
            ],
        ),
        # Not after a framing word, not into the next paragraph, not without such a report.
        (
            "Об этом сообщил губернатор Иван Корнев. Однако мост так и не открыли.\n\n"
            "Движение по трассе восстановлено.",
            "ru",
            [Attribution("Иван Корнев", "губернатор", "сообщил", "reported speech"), None, None],
        ),
        (
            "Губернатор Иван Корнев заявил, что мост откроют в мае. Ремонт начался в 2020 году.",
            "ru",
            [Attribution("Иван Корнев", "Губернатор", "заявил", "reported speech"), None],
        ),
    ],
)
def test_a_wire_report_goes_on_in_its_paragraph(
    text: str, language: str, expected: list[Attribution | None]
) -> None:
    assert [a for _, a in attribute(text, language)] == expected


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
    ("text", "language", "expected"),
    [
        # An impersonal report opening a sentence goes on with the statement named last.
        (
            "Правління банку повідомило, що ставку збережено. Додається, що зниження можливе "
            "восени. Резюмується: інші ставки теж без змін.",
            "uk",
            [
                Attribution("Правління банку", None, "повідомило", "reported speech"),
                Attribution("Правління банку", None, "додається", "according to"),
                Attribution("Правління банку", None, "резюмується", "according to"),
            ],
        ),
        (
            "Мэрия сообщила о закрытии моста. Добавляется, что объезд откроют завтра. "
            "Подчеркивается также: «Движение восстановят к маю».",
            "ru",
            [
                Attribution("Мэрия", None, "сообщила", "reported speech"),
                Attribution("Мэрия", None, "добавляется", "according to"),
                Attribution("Мэрия", None, "подчеркивается", "quote"),
            ],
        ),
        # None named before: reported, the source not named.
        (
            "Уточняется, пострадавших нет.",
            "ru",
            [Attribution(NOT_NAMED, "сообщение", "уточняется", "according to")],
        ),
        # Speech verbs that report only after a quote or with a clause.
        (
            "«Спасибо всем, кто помог», — заключил губернатор Иван Корнев.",
            "ru",
            [Attribution("Иван Корнев", "губернатор", "заключил", "quote")],
        ),
        (
            "«Работы завершены», — подытожил мэр Олег Рыбин.",
            "ru",
            [Attribution("Олег Рыбин", "мэр", "подытожил", "reported speech")],
        ),
        ("Компания заключила контракт с городом.", "ru", [None]),
        (
            "«Усе буде добре», — підсумував міністр Петро Гнатюк.",
            "uk",
            [Attribution("Петро Гнатюк", "міністр", "підсумував", "reported speech")],
        ),
        (
            "Мер Олена Ткач зізналася, що не знала про це.",
            "uk",
            [Attribution("Олена Ткач", "Мер", "зізналася", "reported speech")],
        ),
        # An adverb that is also an impersonal form of a cue verb reports nothing.
        ("Рада банку дуже очікувано ухвалила рішення.", "uk", [None]),
        # An organisation's head is its first noun; "по … области" is its detail.
        (
            "Главное управление МЧС России по Тверской области сообщило о пожаре на складе.",
            "ru",
            [Attribution("Главное управление МЧС России", None, "сообщило", "reported speech")],
        ),
        (
            "Некоторые теории, популярные с 1950-х годов по 2011 год, утверждали, что налоги "
            "вредны.",
            "ru",
            [None],
        ),
        # A Ukrainian noun the dictionary leaves without its case is nominative as a subject.
        (
            "Фінансовий регулятор очікує, що інфляція сповільниться.",
            "uk",
            [Attribution("Фінансовий регулятор", None, "очікує", "reported speech")],
        ),
    ],
)
def test_impersonal_reports_speech_verbs_and_heads(
    text: str, language: str, expected: list[Attribution | None]
) -> None:
    assert [a for _, a in attribute(text, language)] == expected
