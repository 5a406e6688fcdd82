"""The analyser: exact terms for English, Russian and Ukrainian text."""

from __future__ import annotations

import pytest

from retrieval.analysis import TextAnalyzer, analyzer_for, normalise_number, stopwords


def test_english_terms_are_lowercased_stemmed_and_stopword_free() -> None:
    analyse = analyzer_for("en")
    assert analyse("Who is coordinating the operations in the Kursk region?") == [
        "coordin",
        "oper",
        "kursk",
        "region",
    ]


def test_question_words_are_stopwords_in_every_language() -> None:
    assert analyzer_for("en")("who what when where which how why whom whose") == []
    assert analyzer_for("ru")("кто что когда где какой как почему сколько чей чьих которого") == []
    assert analyzer_for("uk")("хто що коли де який як чому скільки") == []
    assert analyzer_for("de")("wer was wann wo wohin welche welcher wie viele warum wessen") == []
    assert analyzer_for("es")("quién qué cuándo dónde cuál cuáles cómo cuántos") == []
    assert analyzer_for("fr")("qui que quand où quel quelle comment combien pourquoi") == []
    assert analyzer_for("it")("chi che cosa quando dove quale come quanti perché") == []
    assert analyzer_for("pt")("quem que quando onde qual quais como quantos porquê") == []
    assert analyzer_for("nl")("wie wat wanneer waar welke hoe hoeveel waarom") == []
    assert analyzer_for("pl")("kto co kiedy gdzie jak dlaczego ile który jakie") == []


def test_german_and_spanish_questions_keep_their_function_words() -> None:
    assert analyzer_for("de")("Wann hat die Regierung das Gesetz über Mieten beschlossen?") == [
        "hat",
        "die",
        "regier",
        "das",
        "gesetz",
        "uber",
        "miet",
        "beschloss",
    ]
    assert analyzer_for("es")("¿Cuántos votos tuvo el Gobierno de los Estados Unidos?") == [
        "vot",
        "tuv",
        "el",
        "gobiern",
        "de",
        "los",
        "estad",
        "unid",
    ]


def test_a_german_name_and_its_genitive_share_a_term() -> None:
    analyse = analyzer_for("de")
    assert analyse("Chinas Wirtschaft, Obamas Rede, Ottos Haus") == [
        "china",
        "wirtschaft",
        "obama",
        "red",
        "otto",
        "haus",
    ]
    assert analyse("China Obama Otto Gas Glas") == ["china", "obama", "otto", "gas", "glas"]


def test_french_and_italian_elisions_are_dropped() -> None:
    assert analyzer_for("fr")("L'armée d'Ukraine est arrivée jusqu'à l'aéroport.") == [
        "armé",
        "ukrain",
        "est",
        "arriv",
        "à",
        "aéroport",
    ]
    assert analyzer_for("it")("Dell'esercito e dell’Ucraina, nell'estate: cos'è?") == [
        "eserc",
        "e",
        "ucrain",
        "estat",
    ]
    # only in those languages: an English word keeps its apostrophe
    assert analyzer_for("en")("l'armée") == ["l'armé"]


def test_numbers_are_kept_and_normalised() -> None:
    analyse = analyzer_for("en")
    assert analyse("1,000 troops of the 58th army, 3.5% and 2024.") == [
        "1000",
        "troop",
        "58th",
        "armi",
        "3.5",
        "2024",
    ]
    assert analyzer_for("ru")("3,5 млн и 1\u00a0000 человек") == ["3.5", "млн", "1000", "челов"]


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("1,000,000", "1000000"),
        ("1.000.000", "1000000"),
        ("3,5", "3.5"),
        ("3.5", "3.5"),
        ("58th", "58th"),
        ("1\u00a0000", "1000"),
        ("2024", "2024"),
    ],
)
def test_normalise_number(token: str, expected: str) -> None:
    assert normalise_number(token) == expected


def test_hyphenated_words_are_split_and_possessives_dropped() -> None:
    analyse = analyzer_for("en")
    assert analyse("Russia's pro-Kremlin Rostov-on-Don") == ["russia", "pro", "kremlin", "rostov"]
    assert analyse("Russia’s army") == ["russia", "armi"]


def test_russian_uses_the_russian_stemmer_cut_to_five_letters() -> None:
    assert analyzer_for("ru")("Кто координирует операцию в Курской области?") == [
        "коорд",
        "опера",
        "курск",
        "облас",
    ]


def test_russian_derived_forms_share_a_term_short_stems_stay_whole() -> None:
    analyse = analyzer_for("ru")
    # Snowball leaves the suffixes on: "министр" / "министерств", "оперативн" / "операц".
    assert analyse("министр министерство министерства") == ["минис"] * 3
    assert analyse("оперативный операция") == ["опера"] * 2
    assert analyse("мир мира миру") == ["мир"] * 3
    # Cut only in Russian: the Ukrainian lemma and English stem stay whole.
    assert analyse("Bloomberg reported") == ["bloomberg", "report"]
    assert analyzer_for("uk")("міністерство") == ["міністерство"]


def test_ukrainian_uses_lemmas_and_keeps_apostrophes() -> None:
    assert analyzer_for("uk")("Скільки зерна експортувала Україна у 2024 році?") == [
        "зерно",
        "експортувати",
        "україна",
        "2024",
        "рік",
    ]
    assert analyzer_for("uk")("м'ясо і сім’ї") == ["м'ясо", "сім'я"]


def test_words_are_routed_by_script() -> None:
    # The same word makes the same term whatever language the text around it is in.
    assert analyzer_for("ru")("Bloomberg сообщил")[0] == analyzer_for("en")("Bloomberg")[0]
    assert analyzer_for("en")("the Курской region") == ["курск", "region"]
    assert analyzer_for("en")("Київ") == analyzer_for("uk")("Київ") == ["київ"]
    assert analyzer_for("ru")("reported armies") == ["report", "armi"]


def test_terms_with_spans_point_at_the_words() -> None:
    text = "Russia’s army lost 1,000 tanks."
    spans = analyzer_for("en").terms_with_spans(text)
    assert spans == [
        ("russia", 0, 8),
        ("armi", 9, 13),
        ("lost", 14, 18),
        ("1000", 19, 24),
        ("tank", 25, 30),
    ]
    assert [text[s:e] for _, s, e in spans] == ["Russia’s", "army", "lost", "1,000", "tanks"]


def test_other_languages_still_get_terms() -> None:
    assert TextAnalyzer("da")("Husene") == ["hus"]
    assert TextAnalyzer("el")("Αθήνα") == ["αθήνα"]


def test_analyzer_for_is_cached_and_validates() -> None:
    assert analyzer_for("en") is analyzer_for("en")
    with pytest.raises(ValueError, match="language"):
        TextAnalyzer("")


def test_stopword_lists_ship_with_the_package() -> None:
    assert {"the", "who", "whose"} <= stopwords("en")
    assert {"и", "кто", "сколько"} <= stopwords("ru")
    assert {"і", "хто", "скільки"} <= stopwords("uk")
    assert {"welche", "wann", "wie"} <= stopwords("de") and "der" not in stopwords("de")
    assert {"cuándo", "cuando", "quién"} <= stopwords("es") and "el" not in stopwords("es")
    assert {"quand", "où"} <= stopwords("fr")
    assert {"chi", "quando"} <= stopwords("it")
    assert {"quem", "onde"} <= stopwords("pt")
    assert {"wanneer", "hoeveel"} <= stopwords("nl")
    assert stopwords("xx") == frozenset()


def test_empty_and_punctuation_only_text() -> None:
    assert analyzer_for("en")("") == []
    assert analyzer_for("en")(" -- ?! _ ") == []
