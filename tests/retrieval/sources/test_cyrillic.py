"""Russian and Ukrainian rules (:mod:`retrieval.sources.cyrillic`): dash quotes, по словам / за словами,
генитивы, reports that refer back, headlines."""

from __future__ import annotations

import pytest

from retrieval.sources import (
    NOT_NAMED,
    UNNAMED,
    Attribution,
)
from tests.retrieval.sources.helpers import attribute, one


def _with_title(title: str, text: str, language: str) -> list[Attribution | None]:
    return [attribution for _, attribution in attribute(text, language, title=title)]


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
