"""German, French, Spanish, Italian, Portuguese, Polish and Dutch reporting cues and subjects.

No lemmatiser is loaded for these languages, so each cue is listed as the word forms news
uses: "sagte", "sagten", "hat … gesagt"; "a déclaré", "a-t-il dit"; "dijo", "ha dicho";
"ha detto"; "disse"; "powiedział", "powiedziała"; "zei", "heeft gezegd". A sentence none of
whose words is a cue form is passed over after one set lookup.

What the rules read, per sentence (the quoted words already blanked by the engine):

* a verb after a comma, a dash or a closing quotation mark takes the noun phrase after it as
  its speaker (`„…“, sagte Scholz.`, `«…», a déclaré le ministre.`, `…, aldus Rutte.`), and
  so does one after "wie"/"comme"/"como"/"come"/"jak"/"zoals" (`comme l'a indiqué X`);
* a verb with a noun phrase before it reports only when what was said follows it: a "that"
  word, a colon or a quotation mark, after at most a short phrase naming whom it was said to
  (`Le ministre a déclaré à l'AFP que …`); "sagte … ab", "dijo adiós" report nothing;
* a verb with an adverbial before it has its subject after it, with the same need for what
  was said (`Am Montag sagte Scholz, …`, `Ayer dijo el ministro que …`);
* source phrases ("laut", "selon", "según", "secondo", "segundo", "według", "volgens", …) take
  the noun phrase after them, "zufolge" the one before; their subject must be a name, a
  description of a source ("das Ministerium", "la policía") or a pronoun, never a preposition
  phrase, a number or a common noun the lexicon does not know ("según el calendario");
* a verb with no subject written takes the pronoun its form implies (es, it, pt, pl: "«…»,
  ha insistido.", "… – dodał."); a subject with an apposition between commas gives the
  name ("La portavoz del Ejecutivo, Isabel Celáa, ha señalado que …");
* a sentence opened by "Lo"/"Così"/"Así" names the speaker of what came before it ("Lo ha
  detto il ministro X.", "Così la premier Giorgia Meloni …"); German "Bei der Polizei hieß
  es" names the institution.

Unnamed sources ("Quellen", "des sources proches du dossier", "fuentes del Gobierno") become
the subject "sources" with their words as detail, which :class:`~.speakers.Speakers` resolves
to :data:`~.record.UNNAMED`; pronouns are passed as written for it to resolve.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from retrieval.sources.record import Finding, Kind

LANGUAGES: Final = frozenset({"de", "fr", "es", "it", "pt", "pl", "nl"})
"""The languages these rules read."""

# Elided articles and prepositions are tokens of their own ("l'", "d'", "dell'"); words with
# hyphens stay one token ("a-t-il", "porte-parole").
_TOKEN = re.compile(r"\w+['’](?=\w)|\w+(?:-\w+)*|[^\w\s]")
_WORD = re.compile(r"\w+")

Token = tuple[str, int, int]
"""(text, start, end) of one token of the sentence."""


def _forms(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The words of one language the rules read, all lowercase."""

    verbs: frozenset[str]
    """Finite forms and participles of reporting verbs."""
    plural: frozenset[str]
    """The plural forms among ``verbs`` and ``auxiliaries`` ("ont", "han", "hebben"): an
    ambiguous pronoun before them is "they", a dropped subject "ellos"."""
    auxiliaries: frozenset[str]
    """Auxiliaries of the perfect and clitics that may stand between a subject and its verb."""
    particles: Mapping[str, str]
    """Verbs that report only with their separable particle in the clause ("teilte … mit")."""
    excluded_particles: Mapping[str, frozenset[str]]
    """Verbs that report nothing with one of these particles ("sagte … ab": cancelled)."""
    that: frozenset[str]
    """Words opening what was said ("dass", "que", "che", "że", "dat")."""
    determiners: frozenset[str]
    """Articles and demonstratives that may open a noun phrase."""
    connectors: frozenset[str]
    """Prepositions and articles inside a noun phrase ("de", "del", "von", "des")."""
    roles: frozenset[str]
    """Common nouns that describe a source: a person by role, an institution, a document."""
    unnamed: frozenset[str]
    """Nouns of unnamed sources ("Quellen", "sources", "fuentes")."""
    pronouns: frozenset[str]
    """Subject pronouns of the third person."""
    ambiguous: frozenset[str]
    """Pronouns that are "they" before a plural verb ("sie", "ze", "zij")."""
    prepositions: frozenset[str]
    """Words that open an adverbial or an addressee, never a subject."""
    adverbs: frozenset[str]
    """Short adverbs that may stand between a subject and its verb ("également", "auch")."""
    relays: frozenset[str]
    """"As" words that open a relayed report ("wie", "comme", "jak")."""
    according: tuple[tuple[str, ...], ...]
    """Source phrases, as lowercase token sequences, with the noun phrase after them."""
    after: frozenset[str]
    """Source words with the noun phrase before them ("zufolge")."""
    not_sources: frozenset[str]
    """Capitalised common nouns after a source word that name no source ("laut Plan")."""
    clitics: frozenset[str]
    """Pronouns in inverted forms ("a-t-il", "dit-elle")."""


_GERMAN = _Lexicon(
    verbs=_forms(
        "sagt sagte sagten sagen gesagt erklärt erklärte erklärten erklären betont betonte "
        "betonten teilte teilten teilt mitgeteilt berichtet berichtete berichteten schreibt "
        "schrieb schrieben geschrieben fügte fügten ergänzte ergänzten ergänzt meinte meinten "
        "meint unterstrich unterstrichen bekräftigte bekräftigten versicherte versicherten "
        "bestätigte bestätigten bestätigt kündigte kündigten angekündigt räumte räumten "
        "warnte warnten behauptete behaupteten äußerte äußerten verkündete verkündeten "
        "gab gaben bekanntgegeben hieß heißt"
        " forderte forderten fordert kritisierte kritisierten kritisiert bemängelte bemängelten "
        "bemängelt monierte monierten moniert beklagte beklagten beklagt mahnte mahnten mahnt "
        "erläuterte erläuterten erläutert schilderte schilderten verlangte verlangten "
        "twitterte twitterten stellte stellten warnt betonen"
    ),
    plural=_forms(
        "sagten sagen erklärten erklären betonten teilten berichteten schrieben fügten "
        "ergänzten meinten unterstrichen bekräftigten versicherten bestätigten kündigten "
        "räumten warnten behaupteten äußerten verkündeten gaben"
        " forderten kritisierten bemängelten monierten beklagten mahnten erläuterten "
        "schilderten verlangten twitterten stellten betonen"
    ),
    auxiliaries=_forms("hat haben hatte hatten habe"),
    particles={
        "teilte": "mit",
        "teilten": "mit",
        "teilt": "mit",
        "fügte": "hinzu",
        "fügten": "hinzu",
        "kündigte": "an",
        "kündigten": "an",
        "räumte": "ein",
        "räumten": "ein",
        "gab": "bekannt",
        "gaben": "bekannt",
        "stellte": "klar",
        "stellten": "klar",
    },
    excluded_particles={
        form: frozenset({"ab", "zu", "an", "auf", "nach", "voraus"})
        for form in ("sagt", "sagte", "sagten", "sagen")
    },
    that=_forms("dass daß ob"),
    determiners=_forms("der die das den dem des ein eine einer eines einem einen"),
    connectors=_forms("des der von vom"),
    roles=_forms(
        "sprecher sprecherin sprecherinnen minister ministerin ministerium kanzler kanzlerin "
        "bundeskanzler präsident präsidentin regierung bundesregierung polizei behörde "
        "behörden staatsanwaltschaft ministerpräsident ministerpräsidentin chef chefin "
        "vorsitzende vorsitzender leiter leiterin experte experten expertin analyst analysten "
        "bürgermeister bürgermeisterin armee militär außenminister "
        "außenministerin verteidigungsminister innenminister finanzminister konzern "
        "unternehmen zeitung agentur nachrichtenagentur bericht studie umfrage gericht "
        "kommission ministeriums ministers kanzlers präsidenten sprechers regierungssprecher "
        "regierungssprecherin gewerkschaft verband partei fraktion botschaft direktion präsidium"
        " mann frau zeuge zeugin augenzeuge augenzeugin anwohner anwohnerin passant passantin "
        "feuerwehr rettungsdienst"
    ),
    unnamed=_forms("quellen quelle kreise kreisen insider insidern informanten"),
    pronouns=_forms("er sie"),
    ambiguous=_forms("sie"),
    prepositions=_forms(
        "am im in an auf bei nach vor mit seit gegenüber zu zum zur für über unter aus "
        "während trotz wegen ab bis um vom beim ins dazu darauf dann danach daraufhin zuvor "
        "zudem außerdem später heute gestern morgen nun jetzt dies das so auch dort hier"
    ),
    adverbs=_forms("auch bereits zudem außerdem nun jetzt ebenfalls noch zuletzt dazu"),
    relays=_forms("wie"),
    according=(
        ("laut",),
        ("nach", "angaben"),
        ("nach", "informationen"),
        ("nach", "einschätzung"),
        ("nach", "ansicht"),
        ("nach", "auffassung"),
        ("nach", "worten"),
        ("so",),
    ),
    after=_forms("zufolge"),
    not_sources=_forms(
        "plan fahrplan gesetz vertrag satzung verfassung programm regel regeln verordnung "
        "zeitplan kalender tabelle liste rangliste definition duden statistik wetterbericht "
        "berichten medienberichten"
    ),
    clitics=frozenset(),
)

_FRENCH = _Lexicon(
    verbs=_forms(
        "dit disent déclare déclarent déclaré affirme affirment affirmé annonce annoncent "
        "annoncé indique indiquent indiqué estime estiment estimé souligne soulignent souligné "
        "ajoute ajoutent ajouté explique expliquent expliqué précise précisent précisé "
        "assure assurent assuré confie confient confié rappelle rappellent rappelé insiste "
        "insistent insisté prévient préviennent prévenu écrit écrivent raconte racontent "
        "raconté confirme confirment confirmé avertit averti martèle martelé poursuit "
        "poursuivi conclut conclu répond répondu reconnaît reconnu admet admis déplore "
        "déploré juge jugé lance lancé observe observé note noté relève relevé disait déclarait "
        "affirmait expliquait ajoutait assurait estimait indiquait précisait soulignait"
        " dénonce dénoncent dénoncé regrette regretté rétorque rétorqué réplique répliqué "
        "tranche tranché fustige fustigé signale signalé soutient soutenu dément démenti "
        "nie nié rejette rejeté considère considéré salue salué qualifie qualifié tweeté "
        "plaide plaidé promet promis détaille détaillé commente commenté révèle révélé "
        "témoigne témoigné fait regrettent rejettent soutiennent"
    ),
    plural=_forms(
        "disent déclarent affirment annoncent indiquent estiment soulignent ajoutent "
        "expliquent précisent assurent confient rappellent insistent préviennent écrivent "
        "racontent confirment ont"
        " dénoncent regrettent soutiennent rejettent"
    ),
    auxiliaries=_forms("a ont avait avaient aurait auraient l' lui leur"),
    particles={"fait": "savoir"},
    excluded_particles={},
    that=_forms("que qu'"),
    determiners=_forms("le la les l' un une des ce cette ces son sa ses leur leurs"),
    connectors=_forms("de du des d' la l' à aux au pour"),
    roles=_forms(
        "ministre ministère président présidente porte-parole gouvernement police "
        "gendarmerie parquet procureur procureure préfecture préfet préfète maire armée "
        "état-major élysée premier entreprise groupe société direction syndicat parti "
        "agence journal quotidien rapport étude sondage tribunal justice commission "
        "chancelier chancelière secrétaire directeur directrice responsable expert experts "
        "analyste analystes autorités diplomate ambassadeur dirigeant dirigeants patron "
        "patronne communiqué député députée sénateur sénatrice chef cheffe"
    ),
    unnamed=_forms("source sources"),
    pronouns=_forms("il elle ils elles"),
    ambiguous=frozenset(),
    prepositions=_forms(
        "à au aux en dans sur sous pour par avec après avant lors depuis pendant dès selon "
        "devant chez vers entre hier aujourd'hui lundi mardi mercredi jeudi vendredi samedi "
        "dimanche puis ensuite alors mais et ainsi"
    ),
    adverbs=_forms(
        "également aussi encore déjà ensuite notamment alors pourtant toutefois d'ailleurs "
        "lui-même elle-même ainsi enfin"
    ),
    relays=_forms("comme"),
    according=(
        ("selon",),
        ("d'", "après"),
        ("cité", "par"),
        ("citée", "par"),
        ("cités", "par"),
        ("citées", "par"),
        ("à", "en", "croire"),
    ),
    after=frozenset(),
    not_sources=frozenset(),
    clitics=_forms("il elle ils elles on"),
)

_SPANISH = _Lexicon(
    verbs=_forms(
        "dijo dice dijeron dicen dicho afirmó afirma afirmaron afirman afirmado aseguró "
        "asegura aseguraron aseguran asegurado declaró declara declararon declaran declarado "
        "señaló señala señalaron señalan señalado explicó explica explicaron explican "
        "explicado indicó indica indicaron indican indicado añadió añade añadieron añadido "
        "agregó agrega agregaron agregado manifestó manifiesta manifestaron manifestado "
        "subrayó subraya subrayado destacó destaca destacaron destacado advirtió advierte "
        "advirtieron advertido anunció anuncia anunciaron anunciado apuntó apunta apuntado "
        "sostuvo sostiene sostienen sostenido reconoció reconoce reconocido admitió admitido "
        "comentó comenta comentado precisó precisa precisado insistió insiste insistido "
        "recordó recuerda recordado informó informa informaron informan informado confirmó "
        "confirma confirmaron confirmado expresó expresado remarcó puntualizó enfatizó "
        "respondió respondido detalló detallado concluyó escribió escrito remarcado "
        "decía decían aseguraba aseguraban afirmaba afirmaban añadía añadían insistía "
        "explicaba señalaba indicaba respondía reconocía advertía sostenía apuntaba comentaba "
        "subrayaba recordaba"
        " recalcado recalcó recalca rechazado rechazó rechaza negado negó niega criticado "
        "criticó critica defendido defendió defiende lamentado lamentó lamenta denunciado "
        "denunció denuncia reiterado reiteró reitera aclarado aclaró aclara sentenciado "
        "sentenció zanjado zanjó avisado avisó alertado alertó apostillado apostilló matizado "
        "matizó valorado valoró considerado consideró considera estimado estimó opinado "
        "opinó relatado relató revelado reveló garantizado garantizó garantiza prometido "
        "prometió expuesto expuso replicado replicó contestado contestó calificado calificó "
        "cree creen tuiteado tuiteó rechazaron negaron criticaron defendieron lamentaron "
        "denunciaron reiteraron aclararon consideraron"
    ),
    plural=_forms(
        "dijeron dicen afirmaron afirman aseguraron aseguran declararon declaran señalaron "
        "señalan explicaron explican indicaron indican añadieron agregaron manifestaron "
        "destacaron advirtieron anunciaron sostienen informaron informan confirmaron han "
        "habían decían aseguraban afirmaban añadían"
        " rechazaron negaron criticaron defendieron lamentaron denunciaron reiteraron "
        "aclararon consideraron creen"
    ),
    auxiliaries=_forms("ha han había habían habría habrían lo le les"),
    particles={},
    excluded_particles={},
    that=_forms("que"),
    determiners=_forms("el la los las un una unos unas este esta estos estas su sus"),
    connectors=_forms("de del la el los las para en"),
    roles=_forms(
        "ministro ministra ministerio presidente presidenta portavoz gobierno ejecutivo "
        "policía guardia fiscalía fiscal juez jueza tribunal alcalde alcaldesa ayuntamiento "
        "ejército empresa compañía grupo sindicato partido agencia diario periódico informe "
        "estudio encuesta comisión secretario secretaria director directora responsable "
        "experto expertos experta analista analistas autoridades diplomático embajador "
        "embajadora dirigente dirigentes jefe jefa comunicado diputado diputada senador "
        "senadora consejero consejera vicepresidente vicepresidenta canciller delegado "
        "delegada"
    ),
    unnamed=_forms("fuente fuentes"),
    pronouns=_forms("él ella ellos ellas"),
    ambiguous=frozenset(),
    prepositions=_forms(
        "a al en con por para tras ante desde durante sobre hasta según entre hoy ayer "
        "luego después antes además también pero y así este"
    ),
    adverbs=_forms("también además ya luego hoy ayer asimismo posteriormente incluso"),
    relays=_forms("como"),
    according=(
        ("según",),
        ("de", "acuerdo", "con"),
        ("citado", "por"),
        ("citada", "por"),
        ("citados", "por"),
        ("citadas", "por"),
        ("a", "juicio", "de"),
        ("en", "palabras", "de"),
    ),
    after=frozenset(),
    not_sources=frozenset(),
    clitics=frozenset(),
)

_ITALIAN = _Lexicon(
    verbs=_forms(
        "detto dice dicono disse dissero dichiara dichiarano dichiarato afferma affermano "
        "affermato spiega spiegano spiegato sottolinea sottolineano sottolineato aggiunge "
        "aggiungono aggiunto annuncia annunciano annunciato precisa precisato osserva "
        "osservato commenta commentato avverte avvertito conferma confermano confermato "
        "assicura assicurato ribadisce ribadito scrive scrivono scritto racconta raccontato "
        "riferisce riferiscono riferito sostiene sostengono sostenuto rileva rilevato "
        "conclude concluso evidenzia evidenziato ammette ammesso replica replicato insiste "
        "insistito diceva "
        "dicevano spiegava aggiungeva affermava sottolineava dichiarava raccontava osservava"
        " chiosato chiosa rimarcato rimarca puntualizzato puntualizza denunciato denuncia "
        "criticato critica lamentato lamenta risposto risponde garantito garantisce promesso "
        "promette ammonito ammonisce auspicato auspica rivendicato rivendica smentito "
        "smentisce negato nega respinto respinge definito definisce prosegue proseguito "
        "continua ricordato ricorda fatto taglia"
    ),
    plural=_forms(
        "dicono dissero dichiarano affermano spiegano sottolineano aggiungono annunciano "
        "confermano scrivono riferiscono sostengono hanno avevano"
    ),
    auxiliaries=_forms("ha hanno aveva avevano avrebbe avrebbero lo l'"),
    particles={"fatto": "sapere", "taglia": "corto"},
    excluded_particles={},
    that=_forms("che"),
    determiners=_forms("il lo la l' i gli le un uno una un' questo questa suo sua"),
    connectors=_forms("di del della dei degli delle dello dell' per"),
    roles=_forms(
        "ministro ministra ministero presidente premier portavoce governo polizia "
        "carabinieri procura procuratore procuratrice giudice tribunale sindaco sindaca "
        "comune esercito azienda società gruppo sindacato partito agenzia giornale "
        "quotidiano rapporto studio sondaggio commissione segretario segretaria direttore "
        "direttrice responsabile esperto esperti esperta analista analisti autorità "
        "diplomatico ambasciatore ambasciatrice leader capo comunicato deputato deputata "
        "senatore senatrice vicepremier viceministro questura prefettura prefetto"
    ),
    unnamed=_forms("fonte fonti"),
    pronouns=_forms("lui lei loro"),
    ambiguous=frozenset(),
    prepositions=_forms(
        "a al alla ai in nel nella con per da dal dalla dopo prima durante su tra fra oggi "
        "ieri poi inoltre anche ma e così secondo"
    ),
    adverbs=_forms("anche inoltre poi oggi ieri già infine ancora"),
    relays=_forms("come"),
    according=(
        ("secondo",),
        ("stando", "a"),
        ("stando", "al"),
        ("stando", "alla"),
        ("stando", "ai"),
        ("stando", "alle"),
        ("a", "detta", "di"),
        ("a", "detta", "del"),
        ("a", "detta", "della"),
        ("citato", "da"),
        ("citata", "da"),
    ),
    after=frozenset(),
    not_sources=frozenset(),
    clitics=frozenset(),
)

_PORTUGUESE = _Lexicon(
    verbs=_forms(
        "disse disseram diz dizem dito afirmou afirma afirmaram afirmam afirmado declarou "
        "declara declararam declarado explicou explica explicaram explicado acrescentou "
        "acrescenta acrescentaram sublinhou sublinha salientou salienta destacou destaca "
        "destacaram garantiu garante garantiram anunciou anuncia anunciaram anunciado "
        "indicou indica referiu refere adiantou sustentou defendeu admitiu reconheceu "
        "confirmou confirma confirmaram frisou alertou advertiu considerou escreveu contou "
        "informou informa informaram respondeu concluiu ressaltou pontuou completou afirmara "
        "dissera dizia diziam afirmava explicava acrescentava"
        " reforçou reforça enfatizou enfatiza avaliou avalia negou nega rebateu rebate "
        "criticou critica lamentou lamenta revelou revela comentou comenta observou observa "
        "argumentou argumenta ponderou pondera assinalou alegou alega apontou aponta relatou "
        "relata prometeu promete classificou reiterou reitera esclareceu esclarece "
        "mencionou ressalta sustenta defende admite reconhece garantem negaram criticaram"
    ),
    plural=_forms(
        "disseram dizem afirmaram afirmam declararam explicaram acrescentaram destacaram "
        "garantiram anunciaram confirmaram informaram"
        " negaram criticaram garantem"
    ),
    auxiliaries=_forms("tinha tinham havia haviam teria teriam tem"),
    particles={},
    excluded_particles={},
    that=_forms("que"),
    determiners=_forms("o a os as um uma este esta seu sua"),
    connectors=_forms("de do da dos das para em no na"),
    roles=_forms(
        "ministro ministra ministério presidente presidenta porta-voz governo executivo "
        "polícia procuradoria procurador procuradora juiz juíza tribunal prefeito prefeita "
        "governador governadora "
        "autarca câmara exército empresa companhia grupo sindicato partido agência jornal "
        "relatório estudo sondagem pesquisa comissão secretário secretária diretor diretora "
        "director directora responsável especialista especialistas analista analistas "
        "autoridades diplomata embaixador embaixadora líder chefe comunicado deputado "
        "deputada senador senadora"
    ),
    unnamed=_forms("fonte fontes"),
    pronouns=_forms("ele ela eles elas"),
    ambiguous=frozenset(),
    prepositions=_forms(
        "a ao à em no na com por para após antes durante sobre até segundo entre hoje "
        "ontem depois também mas e assim nesta neste nessa nesse pela pelo pelas pelos num "
        "numa"
    ),
    adverbs=_forms("também ainda já hoje ontem depois"),
    relays=_forms("como conforme"),
    according=(
        ("segundo",),
        ("de", "acordo", "com"),
        ("conforme",),
        ("a", "informação", "é", "da"),
        ("a", "informação", "é", "do"),
        ("as", "informações", "são", "da"),
        ("as", "informações", "são", "do"),
        ("citado", "por"),
        ("citada", "por"),
    ),
    after=frozenset(),
    not_sources=frozenset(),
    clitics=frozenset(),
)

_POLISH = _Lexicon(
    verbs=_forms(
        "powiedział powiedziała powiedzieli powiedziały mówi mówią mówił mówiła mówili "
        "oświadczył oświadczyła oświadczyli oświadczyło poinformował poinformowała "
        "poinformowali poinformowało stwierdził stwierdziła stwierdzili stwierdziło "
        "zaznaczył zaznaczyła zaznaczyli podkreślił podkreśliła podkreślili dodał dodała "
        "dodali zapowiedział zapowiedziała zapowiedzieli zapowiedziało przekazał przekazała "
        "przekazali przekazało ocenił oceniła ocenili wyjaśnił wyjaśniła wyjaśnili zapewnił "
        "zapewniła zapewnili przyznał przyznała przyznali ostrzegł ostrzegła ostrzegli "
        "napisał napisała napisali napisało podał podała podali podało twierdzi twierdzą "
        "twierdził twierdziła twierdzili uważa uważają przekonywał przekonywała "
        "skomentował skomentowała informuje informują podaje podają pisze piszą dodaje "
        "zaznacza podkreśla podkreślał podkreślała zapewniał zapewniała zaznaczał zaznaczała "
        "dodawał dodawała tłumaczył tłumaczyła wyjaśniał wyjaśniała ostrzegał ostrzegała "
        "informował informowała przypominał przypominała przypomniał przypomniała "
        "przypomnieli zapowiadał zapowiadała"
        " zauważył zauważyła zauważa zauważyli wskazał wskazała wskazuje wskazali "
        "argumentował argumentowała odpowiedział odpowiedziała odpowiedzieli odparł odparła "
        "apelował apelowała zaapelował zaapelowała ocenia stwierdza relacjonował "
        "relacjonowała opowiada opowiadał opowiadała wyjaśnia tłumaczy zapewnia przypomina "
        "oznajmił oznajmiła zadeklarował zadeklarowała ujawnił ujawniła ujawnili "
        "komentował komentowała podsumował podsumowała ostrzega uznał uznała przyznaje "
        "przekonuje"
    ),
    plural=_forms(
        "powiedzieli powiedziały mówią mówili oświadczyli poinformowali stwierdzili "
        "zaznaczyli podkreślili dodali zapowiedzieli przekazali ocenili wyjaśnili zapewnili "
        "przyznali ostrzegli napisali podali twierdzą twierdzili uważają informują podają "
        "piszą zauważyli wskazali odpowiedzieli ujawnili"
    ),
    auxiliaries=frozenset(),
    particles={},
    excluded_particles={},
    that=_forms("że iż"),
    determiners=_forms("ten ta to ci te"),
    connectors=_forms("ds"),
    roles=_forms(
        "premier premiera minister ministra ministerstwo ministerstwa prezydent prezydenta "
        "rzecznik rzeczniczka rzecznika rząd rządu policja policji prokuratura prokuratury "
        "prokurator sąd sądu burmistrz prezes prezesa szef szefowa szefa resort resortu "
        "wojsko armia firma spółka partia agencja gazeta dziennik raport raportu badanie "
        "sondaż sondażu komisja komisji ekspert eksperci ekspertów analityk analitycy "
        "analityków władze władz dyplomata ambasador lider wicepremier wicepremiera "
        "marszałek marszałka poseł posłanka senator urząd urzędu służby służb straż "
        "komunikat komunikatu"
    ),
    unnamed=_forms("źródła źródeł źródło źródłem źródłach"),
    pronouns=_forms("on ona oni"),
    ambiguous=frozenset(),
    prepositions=_forms(
        "w we na z ze do od po przed podczas dla o przy za pod nad u dziś wczoraj "
        "jednocześnie także również też ponadto natomiast jednak a i ale"
    ),
    adverbs=_forms(
        "także również też wcześniej dziś wczoraj ponadto natomiast jednak jednocześnie "
        "następnie potem później"
    ),
    relays=_forms("jak"),
    according=(("według",), ("zdaniem",)),
    after=frozenset(),
    not_sources=frozenset(),
    clitics=frozenset(),
)

_DUTCH = _Lexicon(
    verbs=_forms(
        "zei zeiden zegt zeggen gezegd verklaarde verklaarden verklaart verklaard meldde "
        "meldden meldt gemeld schreef schreven schrijft geschreven benadrukte benadrukten "
        "benadrukt stelde stelden stelt vertelde vertelden vertelt verteld waarschuwde "
        "waarschuwt bevestigde bevestigden bevestigt bevestigd antwoordde erkende liet "
        "lieten laat vervolgde"
        " noemt noemde noemden hekelt hekelde hekelden twitterde tweette erkent ontkent "
        "ontkende concludeert concludeerde constateert constateerde meent meende belooft "
        "beloofde reageerde reageert antwoordt gaf geeft voegde merkte legde deelde"
    ),
    plural=_forms(
        "zeiden zeggen verklaarden meldden schreven benadrukten stelden vertelden "
        "bevestigden lieten hebben"
        " noemden hekelden"
    ),
    auxiliaries=_forms("heeft hebben had hadden"),
    particles={
        "liet": "weten",
        "lieten": "weten",
        "laat": "weten",
        "gaf": "aan",
        "geeft": "aan",
        "voegde": "toe",
        "merkte": "op",
        "legde": "uit",
        "deelde": "mee",
    },
    excluded_particles={},
    that=_forms("dat of"),
    determiners=_forms("de het een die dit deze"),
    connectors=_forms("van de het der voor"),
    roles=_forms(
        "woordvoerder woordvoerster minister ministerie premier president regering kabinet "
        "politie justitie om rechter rechtbank burgemeester gemeente leger bedrijf "
        "onderneming partij vakbond krant persbureau rapport onderzoek peiling commissie "
        "directeur voorzitter deskundige deskundigen expert experts analist analisten "
        "autoriteiten diplomaat ambassadeur leider chef topman topvrouw staatssecretaris "
        "bewindsman bewindsvrouw"
    ),
    unnamed=_forms("bronnen bron ingewijden insiders"),
    pronouns=_forms("hij zij ze"),
    ambiguous=_forms("zij ze"),
    prepositions=_forms(
        "in op aan bij na voor met tegen over tijdens volgens vanaf tot om uit door "
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag gisteren vandaag eerder "
        "later daarna toen ook maar en dat dit zo verder daarnaast bovendien tevens wel "
        "intussen inmiddels"
    ),
    adverbs=_forms("ook eerder gisteren vandaag al nog"),
    relays=_forms("zoals zo"),
    according=(("volgens",), ("aldus",)),
    after=frozenset(),
    not_sources=frozenset(),
    clitics=frozenset(),
)

LEXICONS: Final[Mapping[str, _Lexicon]] = {
    "de": _GERMAN,
    "fr": _FRENCH,
    "es": _SPANISH,
    "it": _ITALIAN,
    "pt": _PORTUGUESE,
    "pl": _POLISH,
    "nl": _DUTCH,
}
"""Each language's lexicon."""

DETERMINERS: Final = frozenset().union(*(lexicon.determiners for lexicon in LEXICONS.values()))
"""The articles and demonstratives of all seven languages."""
PLURAL: Final = frozenset("ils elles ellos ellas loro eles elas oni".split())
"""Third-person plural pronouns (an ambiguous one before a plural verb is passed as "they")."""
PERSON: Final = frozenset().union(*(lexicon.pronouns for lexicon in LEXICONS.values())) - PLURAL
"""Third-person singular pronouns of these languages, for :class:`~.speakers.Speakers`: the
lexicons' subject pronouns but the plural ones ("sie", "zij", "ze" are both)."""
FEMININE: Final = frozenset("sie elle ella lei ela ona zij ze".split())
"""The feminine ones among :data:`PERSON`."""


ROLES: Final[Mapping[str, frozenset[str]]] = {
    language: lexicon.roles for language, lexicon in LEXICONS.items()
}
"""Per language, the words that describe a source by its role ("ministro", "Sprecher")."""


def _common(lexicon: _Lexicon) -> frozenset[str]:
    words = lexicon.determiners | lexicon.prepositions | lexicon.adverbs | lexicon.relays
    return words | {cue[0] for cue in lexicon.according} | lexicon.that


COMMON: Final[Mapping[str, frozenset[str]]] = {
    language: _common(lexicon) for language, lexicon in LEXICONS.items()
}
"""Per language, the words that open a sentence before a name ("Laut Scholz", "Selon
Macron") and are trimmed off a run of capitalised words when a surname is resolved."""

_QUOTE_MARKS: Final = frozenset('«»„“”"‚‘’')
_CLOSING_FRAME: Final = frozenset({",", "—", "–", "-", "«", "»", "“", "”", '"', "’", "(", "‘"})
_CLAUSE_END: Final = frozenset({".", ",", ";", ":", "!", "?", "(", ")"}) | _QUOTE_MARKS
_UNNAMED_COMPANIONS: Final = _forms(
    "personnes personas persone pessoas osoby personen mensen proches cercanas cercanos "
    "vicine vicini próximas próximos familiarizadas familiarizados"
)
"""Words of an unnamed-source phrase besides its noun ("personnes proches du dossier")."""

_LONGEST = 8  # words in a subject at most
_OBJECT_PRONOUNS: Final[Mapping[str, Mapping[str, str]]] = {
    "de": {"ihm": "er", "ihr": "sie", "ihnen": "they"},
    "fr": {"lui": "il", "elle": "elle", "eux": "ils", "elles": "elles"},
    "es": {"él": "él", "ella": "ella", "ellos": "ellos", "ellas": "ellas"},
    "it": {"lui": "lui", "lei": "lei", "loro": "loro"},
    "pt": {"ele": "ele", "ela": "ela", "eles": "eles", "elas": "elas"},
    "pl": {"niego": "on", "niej": "ona", "nich": "oni"},
    "nl": {"hem": "hij", "haar": "zij", "hen": "they", "hun": "they"},
}
"""Per language, the pronouns after a source word ("volgens hem") and their subject form."""
_DROPPED: Final[Mapping[str, tuple[str, str]]] = {
    "es": ("él", "ellos"),
    "it": ("lui", "loro"),
    "pt": ("ele", "eles"),
    "pl": ("on", "oni"),
}
"""The pronoun a verb with no subject written stands for, singular and plural."""
_FRAMING_WORDS: Final = frozenset(
    "sin embargo además asimismo no obstante inoltre tuttavia comunque intanto além disso "
    "contudo porém entretanto ponadto jednak natomiast".split()
)
"""Words opening a sentence before a comma that are no subject ("Sin embargo, …")."""
_DASHES: Final = frozenset({"—", "–", "-"})
_CLOSING_CUES: Final = frozenset({"aldus", "so"})
"""Source words that report only closing a sentence after a comma: "…, aldus Rutte.",
"…, so ein Polizeisprecher." (a sentence-opening "so" is "thus")."""
_NAME_PARTICLES: Final = frozenset("von van der den de da di du dos le la".split())
_GERMAN_ROLE_ENDINGS: Final = tuple(
    word for word in _GERMAN.roles if len(word) >= 6 and word not in {"bericht", "zeitung"}
)


def _gate(lexicon: _Lexicon) -> frozenset[str]:
    """The verb forms and, of each source phrase, its longest word, taken as its rarest
    ("acuerdo" of "de acuerdo con"); "so" and "nach …angaben" are looked for as text
    (:meth:`Rules.find`)."""
    words = set(lexicon.verbs) | set(lexicon.after)
    words |= {max(cue, key=len).strip("'’") for cue in lexicon.according if cue != ("so",)}
    return frozenset(words)


_BACK_OPENERS: Final[Mapping[str, frozenset[str]]] = {
    "it": frozenset({"così"}),
    "es": frozenset({"así"}),
}
"""Words opening a sentence that names the speaker of what came before: "Così la premier
Giorgia Meloni parlando con i cronisti.", "Así lo ha explicado el ministro."."""
_BACK_CLITICS: Final = frozenset({"lo", "l'"})
"""Object pronouns opening "Lo ha detto X", "Lo afferma X", "Lo ha dicho X": what came before."""
_GERUND_ENDINGS: Final = ("ando", "endo")
_THUS_FOLLOWERS: Final = frozenset(
    "a al alla ai in nel nella su sul sulla durante dopo da dal dalla con ieri oggi".split()
)
"""Words after the speaker of a sentence-opening "Così X" that start no clause of its own."""
_POSSESSIVES: Final[Mapping[str, Mapping[str, str]]] = {
    "fr": {"son": "il", "sa": "il", "ses": "il", "leur": "they", "leurs": "they"},
    "es": {"su": "él", "sus": "él"},
    "pt": {"seu": "ele", "sua": "ele", "seus": "ele", "suas": "ele"},
}
"""Per language, a possessive after a source word ("selon son récit") and the pronoun it means."""
_ACCOUNTS: Final = frozenset(
    "récit propos dires termes mots explications déclarations version estimation "
    "palabras declaraciones relato versión explicaciones cálculos "
    "palavras declarações versão explicações".split()
)
"""Nouns of what someone said, after a possessive ("selon ses propos", "según sus palabras")."""
_GERMAN_STATEMENTS: Final = frozenset(
    "aussage angaben mitteilung worte darstellung auskunft".split()
)
"""Nouns of a statement between "so" and its source ("so die Aussage der Polizei")."""
_GERMAN_HEARSAY: Final = frozenset({"hieß", "heißt"})
_GERMAN_FROM: Final = frozenset("bei beim aus von vom im in seitens".split())
"""Prepositions before the source of "Bei der Polizei hieß es", "Aus dem Ministerium hieß es"."""


def _polish_nominative(word: str) -> str:
    """A Polish surname or first name after "według" in its nominative, where the ending
    says it for sure: "Kaczyńskiego" → "Kaczyński", "Tuska" → "Tusk", "Jarosława" →
    "Jarosław"; "Marka" (Marek) and "Pawła" (Paweł) drop a vowel and stay as written."""
    if len(word) < 4 or not word[:1].isupper() or word.isupper():
        return word
    for genitive, nominative in (
        ("skiego", "ski"),
        ("ckiego", "cki"),
        ("dzkiego", "dzki"),
        ("skiej", "ska"),
        ("ckiej", "cka"),
    ):
        if word.endswith(genitive):
            return word[: -len(genitive)] + nominative
    if word.endswith("a") and word[-2] not in "aeiouyąęó":
        if word[-2] in "kłc" and word[-3] not in "s":
            return word  # "Marka", "Pawła", "Kowalca": a vowel may have dropped
        return word[:-1]
    return word


_GATES: Final[Mapping[str, frozenset[str]]] = {
    language: _gate(lexicon) | _BACK_OPENERS.get(language, frozenset())
    for language, lexicon in LEXICONS.items()
}
"""Per language, the words one of which a sentence must hold for any rule to read it."""


class Rules:
    """The reporting cues of one of :data:`LANGUAGES`."""

    def __init__(self, language: str) -> None:
        self._language = language
        self._lex = lex = LEXICONS[language]
        self._gate = _GATES[language]
        self._cues: dict[str, list[tuple[str, ...]]] = {}
        for cue in lex.according:
            self._cues.setdefault(cue[0], []).append(cue)
        self._starts = lex.verbs | lex.after | frozenset(self._cues) | {"nach"}

    def find(self, sentence: str) -> list[Finding]:
        """Every cue in the sentence with its subject, in order of position."""
        lowered = sentence.lower()
        if self._gate.isdisjoint(_WORD.findall(lowered)) and not (
            self._language == "de" and (", so " in lowered or "angaben" in lowered)
        ):
            return []  # most sentences: no cue
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
        lower = [t[0].lower().replace("’", "'") for t in tokens]
        starts = self._starts
        found: list[Finding] = []
        if lower and lower[0] in _BACK_OPENERS.get(self._language, ()):
            opening = self._thus(sentence, tokens, lower)
            if opening is not None:
                return [opening]
        i = 0
        while i < len(tokens):
            word = lower[i]
            if word not in starts and "-" not in word:
                i += 1
                continue
            finding, skip = self._at(sentence, tokens, lower, i)
            if finding is not None:
                found.append(finding)
            i += skip
        return found

    def _at(
        self, sentence: str, tokens: list[Token], lower: list[str], i: int
    ) -> tuple[Finding | None, int]:
        """The finding a cue at token ``i`` makes, and how many tokens it took."""
        lex = self._lex
        for cue in self._cues.get(lower[i], ()):
            if tuple(lower[i : i + len(cue)]) == cue:
                return self._according(sentence, tokens, lower, i, len(cue)), len(cue)
        word = lower[i]
        if word == "nach" and self._language == "de" and i + 1 < len(lower):
            compound = tokens[i + 1][0]
            if compound.endswith("angaben") and len(compound) > len("angaben") + 2:
                # "nach Polizeiangaben": the source is the compound's first part
                source = compound[: -len("angaben")]
                phrase = sentence[tokens[i][1] : tokens[i + 1][2]]
                return Finding(source, phrase, "according to", "according", tokens[i][1]), 2
        if word in lex.after:
            return self._postposed(sentence, tokens, lower, i), 1
        if "-" in word and self._language == "fr":
            return self._inverted_clitic(sentence, tokens, lower, i), 1
        if word in lex.verbs:
            return self._verb(sentence, tokens, lower, i), 1
        return None, 1

    # Source phrases ----------------------------------------------------------------------

    def _according(
        self, sentence: str, tokens: list[Token], lower: list[str], i: int, size: int
    ) -> Finding | None:
        lex = self._lex
        if i > 0 and lower[i - 1] in lex.determiners:
            return None  # "il secondo tempo", "o segundo lugar": an ordinal
        cue = sentence[tokens[i][1] : tokens[i + size - 1][2]]
        if lower[i] in _CLOSING_CUES and (i == 0 or lower[i - 1] not in _CLOSING_FRAME):
            return None  # "aldus", "so" report only closing a sentence: "…, aldus Rutte."
        following = lower[i + size] if i + size < len(lower) else ""
        pronoun = _OBJECT_PRONOUNS.get(self._language, {}).get(following)
        if pronoun is not None:
            # "Volgens hem", "selon elle", "według niego": the pronoun's subject form
            return self._finding(pronoun, cue, "according to", "according", tokens[i][1])
        if (
            self._language == "es"
            and following in {"ha", "han"}
            and i + size + 1 < len(lower)
            and (lower[i + size + 1] in self._lex.verbs or lower[i + size + 1].endswith("ado"))
        ):
            # "según ha explicado", "según han indicado": the subject the verb leaves out
            pronoun = "ellos" if following == "han" else "él"
            return self._finding(pronoun, cue, "according to", "according", tokens[i][1])
        if (
            self._language == "de"
            and lower[i] == "so"
            and lower[i + 1 : i + 2] in (["die"], ["der"], ["den"])
            and lower[i + 2 : i + 3]
            and lower[i + 2] in _GERMAN_STATEMENTS
            and lower[i + 3 : i + 4] in (["der"], ["des"], ["von"])
        ):
            size += 2  # "…, so die Aussage der Polizeibehörde.": the body the statement is of
            following = lower[i + size] if i + size < len(lower) else ""
        owner = _POSSESSIVES.get(self._language, {}).get(following)
        if owner is not None and i + size + 1 < len(lower) and lower[i + size + 1] in _ACCOUNTS:
            # "selon son récit", "según sus palabras": the speaker named before
            return self._finding(owner, cue, "according to", "according", tokens[i][1])
        right = self._right_phrase(sentence, tokens, lower, i + size, according=True)
        if right is None:
            return None
        subject = right[0]
        if self._language == "pl" and subject[:1].isupper():
            words = subject.split()
            named = 1
            while named < len(words) and words[named][:1].isupper():
                named += 1
            if named < len(words) and words[0].lower() not in self._lex.roles:
                words = words[:named]  # "Według Tuska rząd nie …": the name, not the noun after
            if all(w[:1].isupper() for w in words):
                words = [_polish_nominative(w) for w in words]  # "według Tuska": "Tusk"
            subject = " ".join(words)
        if lower[i] in {"a", "as"} and self._language == "pt":
            subject = f'"{subject}"'  # "A informação é da Folha": an outlet, no person
        kind: Kind = "according to"
        if cue.lower().startswith(("cité", "citado", "citada", "citato", "citata")):
            kind = "reported speech"
        return self._finding(subject, cue, kind, "according", tokens[i][1])

    def _postposed(
        self, sentence: str, tokens: list[Token], lower: list[str], i: int
    ) -> Finding | None:
        """ "Scholz zufolge", "Informierten Kreisen zufolge": the phrase before the word."""
        start = self._left_start(lower, i)
        if start is None:
            return None
        phrase = tokens[start:i]
        if lower[start] in self._lex.prepositions or lower[i - 1] in self._lex.not_sources:
            return None
        subject = _span(sentence, phrase)
        if not self._is_source(lower[start:i], phrase):
            return None
        return self._finding(subject, tokens[i][0], "according to", "according", phrase[0][1])

    # Verbs -------------------------------------------------------------------------------

    def _verb(self, sentence: str, tokens: list[Token], lower: list[str], i: int) -> Finding | None:
        lex = self._lex
        if not self._particle_fits(lower, i):
            return None
        last = i  # the verb's last word: its particle when it follows ("a fait savoir")
        if i + 1 < len(lower) and lower[i + 1] == lex.particles.get(lower[i]):
            last = i + 1
        before = i - 1
        while before >= 0 and (lower[before] in lex.auxiliaries or lower[before] in lex.adverbs):
            before -= 1
        cue = sentence[tokens[before + 1][1] : tokens[last][2]]
        anchor = lower[before] if before >= 0 else ""
        if lower[i] in _GERMAN_HEARSAY and self._language == "de":
            return self._hearsay(sentence, tokens, lower, i)
        if (before < 0 and lower[0] in _BACK_CLITICS) or (
            before == 0 and anchor in _BACK_OPENERS.get(self._language, ())
        ):
            # "Lo ha detto il ministro X.", "Così ha detto X", "Así lo ha explicado X": the
            # speaker of what came before
            right = self._right_phrase(sentence, tokens, lower, last + 1)
            if right is None:
                right = self._closing_subject(sentence, tokens, lower, last + 1)
            if right is None:
                return None
            return self._finding(right[0], cue, "reported speech", "backref", tokens[i][1])
        if anchor in _CLOSING_FRAME or anchor in lex.relays:
            # "„…“, sagte Scholz.", "…, a déclaré le ministre.", "comme l'a indiqué X"
            quoted = anchor in _QUOTE_MARKS or (
                before > 0 and anchor == "," and lower[before - 1] in _QUOTE_MARKS
            )
            kind: Kind = "quote" if quoted else "reported speech"
            right = self._right_phrase(sentence, tokens, lower, last + 1)
            if right is None and anchor not in lex.relays:
                right = self._closing_subject(sentence, tokens, lower, last + 1)
            if right is not None:
                rule = "relay" if anchor in lex.relays else "tail"
                return self._finding(right[0], cue, kind, rule, tokens[i][1])
            closes = last + 1 >= len(lower) or lower[last + 1] in _CLAUSE_END
            if anchor in _DASHES and closes:
                return self._dropped(lower, i, before, cue, kind, tokens[i][1])  # "… – dodał."
            if anchor != ",":
                return None
            apposed = self._apposed(sentence, tokens, lower, before)
            if apposed is not None and self._says(tokens, lower, last + 1):
                # "La portavoz del Ejecutivo, Isabel Celáa, ha señalado que …"
                subject, detail = apposed
                return Finding(subject, cue, "reported speech", "apposition", tokens[i][1], detail)
            if quoted and (last + 1 >= len(lower) or lower[last + 1] in _CLAUSE_END):
                return self._dropped(
                    lower, i, before, cue, "quote", tokens[i][1]
                )  # "«…», ha insistido."
            if self._adverbial(lower, before) and self._says(tokens, lower, last + 1):
                return self._dropped(lower, i, before, cue, kind, tokens[i][1])
            return None
        if before < 0 and any(m in sentence[: tokens[i][1]] for m in _QUOTE_MARKS):
            return None
        start = self._left_start(lower, before + 1)
        if start is not None and start <= before and lower[start] in lex.relays:
            # "Wie die Polizei mitteilte, …", "Zoals de politie meldde, …"
            phrase, words = tokens[start + 1 : before + 1], lower[start + 1 : before + 1]
            if phrase and self._is_source(words, phrase):
                return self._finding(
                    _span(sentence, phrase), cue, "reported speech", "relay", tokens[i][1]
                )
            return None
        if start is not None and start <= before and lower[start] not in lex.prepositions:
            phrase = tokens[start : before + 1]
            words = lower[start : before + 1]
            if self._is_source(words, phrase) and self._says(tokens, lower, last + 1):
                subject = _span(sentence, phrase)
                if len(words) == 1 and words[0] in lex.ambiguous and self._plural(lower, i, before):
                    subject = "they"
                return self._finding(subject, cue, "reported speech", "subject-verb", tokens[i][1])
            return None
        # "Am Montag sagte Scholz, …", "Ayer dijo el ministro que …": the subject after it.
        right = self._right_phrase(sentence, tokens, lower, last + 1)
        if right is not None:
            if not self._says(tokens, lower, right[1]):
                return None
            return self._finding(right[0], cue, "reported speech", "verb-subject", tokens[i][1])
        if before < 0 and self._says(tokens, lower, last + 1):
            return self._dropped(
                lower, i, before, cue, "reported speech", tokens[i][1]
            )  # "Dijo que …"
        return None

    def _hearsay(
        self, sentence: str, tokens: list[Token], lower: list[str], i: int
    ) -> Finding | None:
        """ "Bei der Polizei hieß es, …", "Aus dem Ministerium heißt es, …": the institution
        after the preposition; "Wie es heißt", "Es hieß" name no source."""
        if i + 1 >= len(lower) or lower[i + 1] != "es":
            return None
        start = self._left_start(lower, i)
        if start is None or start + 1 >= i or lower[start] not in _GERMAN_FROM:
            return None
        phrase, words = tokens[start + 1 : i], lower[start + 1 : i]
        content = [w for w in words if w not in self._lex.determiners]
        if not content or not any(self._role(w) or w in self._lex.unnamed for w in content):
            return None  # "Am Morgen hieß es", "In Berlin hieß es": no source
        cue = sentence[tokens[i][1] : tokens[i + 1][2]]
        return self._finding(
            _span(sentence, phrase), cue, "reported speech", "hearsay", tokens[i][1]
        )

    def _thus(self, sentence: str, tokens: list[Token], lower: list[str]) -> Finding | None:
        """ "Così la premier Giorgia Meloni parlando con i cronisti.": the speaker of what
        came before, named after "Così" with no verb of her own after it."""
        if len(lower) < 2 or lower[1] in self._lex.verbs or lower[1] in self._lex.auxiliaries:
            return None  # "Così ha detto X": the verb's rule reads it
        right = self._right_phrase(sentence, tokens, lower, 1)
        if right is None:
            return None
        k = right[1]
        named = any(t[0][:1].isupper() for t in tokens[1:k])
        if k < len(lower) and not (
            lower[k] in _CLAUSE_END
            or lower[k].endswith(_GERUND_ENDINGS)
            or (named and lower[k] in _THUS_FOLLOWERS)
        ):
            return None  # "Così il governo ha deciso": "thus", then a clause
        return self._finding(right[0], tokens[0][0], "reported speech", "backref", tokens[0][1])

    def _closing_subject(
        self, sentence: str, tokens: list[Token], lower: list[str], j: int
    ) -> tuple[str, int] | None:
        """The speaker closing the sentence after what the verb is said in or to: "…, mówił
        w sejmowej mównicy Mariusz Kamiński.", "…, dijo hoy Sánchez." A name that follows a
        preposition is a place or an addressee ("…, dijo en Madrid."), not the speaker."""
        end = j
        while end < len(lower) and lower[end] not in _CLAUSE_END:
            end += 1
        if end == j or end - j > 15 or (end < len(lower) and lower[end] not in {".", "!"}):
            return None
        lex = self._lex
        for k in range(j + 1, end):
            if not (tokens[k][0][:1].isupper() or self._role(lower[k])):
                continue
            opener = lower[k - 1]
            if opener in lex.prepositions and not (
                opener in lex.determiners or opener in lex.adverbs
            ):
                continue
            if lower[k - 1] in lex.connectors or tokens[k - 1][0][:1].isupper():
                continue  # inside a name or a place's phrase
            right = self._right_phrase(sentence, tokens, lower, k)
            if right is not None and right[1] == end:
                return right
        return None

    def _adverbial(self, lower: list[str], comma: int) -> bool:
        """Whether the words before the comma open the sentence as an adverbial ("En ese
        sentido, …", "Además, …"): a preposition or an adverb first, no subject in them."""
        start = self._left_start(lower, comma)
        while start is not None and start > 0 and lower[start - 1] == ",":
            start = self._left_start(lower, start - 1)  # "En una entrevista en la SER, recogida …,"
        if start is None or start != 0:
            return False
        first = lower[0]
        lex = self._lex
        return first in lex.prepositions or first in lex.adverbs or first in _FRAMING_WORDS

    def _dropped(
        self, lower: list[str], i: int, before: int, cue: str, kind: Kind, position: int
    ) -> Finding | None:
        """A verb with no subject written (Spanish, Italian, Portuguese, Polish): the pronoun
        its form implies, for :class:`~.speakers.Speakers` to resolve or leave unnamed."""
        pronouns = _DROPPED.get(self._language)
        if pronouns is None:
            return None
        singular, plural = pronouns
        word = lower[i]
        if self._language == "pl":
            if word.endswith(("li", "ły", "ą")):
                pronoun = plural
            else:
                pronoun = "ona" if word.endswith("ła") else singular
        else:
            pronoun = plural if self._plural(lower, i, before) else singular
        return Finding(pronoun, cue, kind, "dropped-subject", position)

    def _apposed(
        self, sentence: str, tokens: list[Token], lower: list[str], comma: int
    ) -> tuple[str, str | None] | None:
        """(subject, detail) of a subject with an apposition between commas before its verb:
        "La portavoz del Ejecutivo, Isabel Celáa, …" → "Isabel Celáa", "La portavoz del
        Ejecutivo"; "Amadou Ba, membre du parti, …" → "Amadou Ba", "membre du parti"."""
        segments: list[tuple[int, int]] = []
        end = comma
        while len(segments) < 3:
            start = self._left_start(lower, end)
            if start is None:
                return None
            segments.append((start, end))
            if start == 0 or lower[start - 1] != ",":
                break
            end = start - 1
        first = segments[0]
        if (
            len(segments) >= 2
            and first[1] - first[0] >= 2
            and self._is_name(tokens[first[0] : first[1]])
        ):
            # "…, Mohamed Moussa Dhaffane, a affirmé que": a full name in apposition right
            # before the verb is its subject, whatever long description comes before it
            described = segments[1]
            return _span(sentence, tokens[first[0] : first[1]]), (
                _span(sentence, tokens[described[0] : described[1]])
                if self._is_source(
                    lower[described[0] : described[1]], tokens[described[0] : described[1]]
                )
                else None
            )
        if len(segments) < 2 or (segments[-1][0] != 0 and lower[segments[-1][0] - 1] != ","):
            return None
        segments.reverse()
        head_start, head_end = segments[0]
        head = lower[head_start:head_end]
        if head[0] in self._lex.prepositions or not self._is_source(
            head, tokens[head_start:head_end]
        ):
            return None
        name = next((seg for seg in segments if self._is_name(tokens[seg[0] : seg[1]])), None)
        chosen = name or segments[0]
        subject = _span(sentence, tokens[chosen[0] : chosen[1]])
        rest = [_span(sentence, tokens[a:b]) for a, b in segments if (a, b) != chosen]
        return subject, ", ".join(rest) or None

    @staticmethod
    def _is_name(phrase: list[Token]) -> bool:
        """Whether the words are a person's or an organisation's name: every word capitalised
        but its particles ("Ursula von der Leyen")."""
        return (
            bool(phrase)
            and phrase[0][0][:1].isupper()
            and all(t[0][:1].isupper() or t[0] in _NAME_PARTICLES for t in phrase)
        )

    def _inverted_clitic(
        self, sentence: str, tokens: list[Token], lower: list[str], i: int
    ) -> Finding | None:
        """ "a-t-il dit", "a-t-elle ajouté", "estime-t-il", "dit-elle": a pronoun subject."""
        parts = lower[i].split("-")  # two or more: the word holds a hyphen
        pronoun = parts[-1]
        if pronoun not in self._lex.clitics or pronoun == "on":
            return None  # "dit-on": hearsay, no speaker
        verb = parts[0]
        if verb in self._lex.auxiliaries and i + 1 < len(lower) and lower[i + 1] in self._lex.verbs:
            cue = sentence[tokens[i][1] : tokens[i + 1][2]]
        elif verb in self._lex.verbs:
            cue = tokens[i][0]
        else:
            return None
        before = lower[i - 1] if i > 0 else ""
        if before not in _CLOSING_FRAME:
            return None
        kind: Kind = (
            "quote"
            if before in _QUOTE_MARKS or (before == "," and i > 1 and lower[i - 2] in _QUOTE_MARKS)
            else "reported speech"
        )
        subject = "they" if pronoun in {"ils", "elles"} else pronoun
        return self._finding(subject, cue, kind, "tail", tokens[i][1])

    def _particle_fits(self, lower: list[str], i: int) -> bool:
        """Whether the verb's separable particle is as a report needs it ("teilte … mit")."""
        lex = self._lex
        word = lower[i]
        needed = lex.particles.get(word)
        excluded = lex.excluded_particles.get(word)
        if needed is None and excluded is None:
            return True
        end = i + 1
        while end < len(lower) and lower[end] not in _CLAUSE_END:
            end += 1
        last = lower[end - 1] if end > i + 1 else ""
        if needed is not None and needed not in lower[i + 1 : end]:
            return False
        return not (excluded and last in excluded)

    def _plural(self, lower: list[str], i: int, before: int) -> bool:
        lex = self._lex
        return lower[i] in lex.plural or any(w in lex.plural for w in lower[before + 1 : i])

    def _says(self, tokens: list[Token], lower: list[str], j: int) -> bool:
        """Whether what was said follows token ``j``: a "that" word, a colon or a quotation,
        after at most a short phrase naming whom it was said to ("à l'AFP", "der Zeitung")."""
        lex = self._lex
        # "ha señalado en la rueda de prensa posterior al Consejo de Ministros que …"
        reach = 12 if j < len(lower) and lower[j] in lex.prepositions else 7
        k = j
        while k < min(len(lower), j + reach):
            word = lower[k]
            if word in lex.that or word == ":" or word in _QUOTE_MARKS:
                return True
            if word == "(" and ")" in lower[k : k + 8]:
                k = lower.index(")", k) + 1  # "afirmou hoje (13) que …"
                continue
            if word == ",":
                # "disse, em entrevista, que …": a phrase set between commas before it
                following = lower[k + 1 : k + 8]
                ends = [n for n, w in enumerate(following) if w in _CLAUSE_END and w != ","]
                if any(w in lex.that for w in following[: ends[0] if ends else None]):
                    return True
                # "sagte, er werde …", "zei, dat …": the German and Dutch clause after a comma
                return self._language in {"de", "nl"} and _clause_follows(lower, k + 1, lex)
            if word in _CLAUSE_END:
                return False
            # The phrase after the verb names whom it was said to ("à l'AFP", "PAP",
            # "dziennikarzom"), or it is no report ("dijo adiós").
            if (
                k == j
                and not (
                    word in lex.prepositions
                    or word in lex.determiners
                    or word in lex.auxiliaries
                    or word in lex.adverbs
                    or tokens[k][0][:1].isupper()
                    or word in lex.verbs
                )
                and (self._language != "pl" or not word.endswith(("om", "owi", "ym")))
            ):
                return False
            k += 1
        return False

    # Noun phrases ------------------------------------------------------------------------

    def _left_start(self, lower: list[str], end: int) -> int | None:
        """Where the phrase ending before ``end`` starts: after a comma, a clause opener or
        the sentence's start; None when it is longer than a subject is."""
        lex = self._lex
        start = end
        while start > 0:
            word = lower[start - 1]
            if (
                word in _CLAUSE_END
                or word in lex.that
                or word in {"et", "und", "y", "e", "i", "en"}
            ):
                break
            start -= 1
            if end - start > _LONGEST:
                return None
        return start if start < end else None

    def _is_source(self, words: list[str], phrase: list[Token]) -> bool:
        """Whether the phrase names a source: a capitalised word besides an opening article, a
        role, an unnamed source or a pronoun; never a number or a preposition phrase."""
        lex = self._lex
        if len(words) == 1 and words[0] in lex.pronouns:
            return True
        opening = words[0]
        if (opening in lex.prepositions and opening not in lex.determiners) or any(
            w.isdigit() for w in words
        ):
            return False
        content = [
            (w, t[0]) for w, t in zip(words, phrase, strict=True) if w not in lex.determiners
        ]
        if not content:
            return False
        if any(self._role(w) or w in lex.unnamed for w, _ in content):
            return True
        if self._language == "de":
            # Every German noun has a capital: the phrase must hold a role or a name that is
            # not a known common noun; after an article, only a role or unnamed noun counts.
            if words[0] in lex.determiners:
                return False
            return all(t[:1].isupper() and w not in lex.not_sources for w, t in content)
        return any(t[:1].isupper() for _, t in content)

    def _right_phrase(
        self,
        sentence: str,
        tokens: list[Token],
        lower: list[str],
        j: int,
        *,
        according: bool = False,
    ) -> tuple[str, int] | None:
        """The subject opening at token ``j`` and the token after it: an article, then names,
        roles and their connectors ("le ministre de l'Économie Bruno Le Maire"); None if it
        is no source."""
        lex = self._lex
        k = j
        if k < len(tokens) and according and lower[k] in {"von", "vom"}:
            k += 1  # "nach Angaben von X"
        start = k
        if k < len(tokens) and lower[k] in lex.determiners:
            k += 1
        head = k
        named = False
        while k < len(tokens) and k - start < _LONGEST:
            text, word = tokens[k][0], lower[k]
            if word in _CLAUSE_END or word in lex.that:
                break
            if k == head and word in lex.pronouns:
                k += 1
                break  # "sagte er", "según ella"
            capital = text[:1].isupper()
            if self._language == "de" and capital and word in lex.not_sources:
                return None
            if capital or self._role(word) or word in lex.unnamed:
                k += 1
                named = named or capital
                continue
            if word in _UNNAMED_COMPANIONS and k > head:
                k += 1
                continue
            if word in lex.connectors and k > head:
                if (
                    self._language == "de"
                    and word == "der"
                    and named
                    and lower[k - 1] not in lex.roles
                ):
                    break  # "sagte Scholz der Zeitung": an addressee, not "Sprecherin der …"
                if k + 1 < len(tokens) and (
                    tokens[k + 1][0][:1].isupper()
                    or lower[k + 1] in lex.roles
                    or lower[k + 1] in lex.determiners
                    or lower[k + 1] in lex.connectors
                ):
                    k += 1
                    continue
            break
        while k > head and (lower[k - 1] in lex.connectors or lower[k - 1] in lex.determiners):
            k -= 1  # a phrase ends on a noun, not on "de" or "la"
        if k <= head:
            return None
        words, phrase = lower[start:k], tokens[start:k]
        if not self._is_source(words, phrase):  # a lone pronoun is a source too
            return None
        if self._language == "de" and lower[head] in lex.not_sources:
            return None
        if k < len(tokens) and lower[k] == "," and any(self._role(w) for w in words):
            # "decía la portavoz del Ejecutivo, Isabel Rodríguez.": the name in apposition
            last = k + 1
            while last < len(tokens) and (
                tokens[last][0][:1].isupper() or tokens[last][0] in _NAME_PARTICLES
            ):
                last += 1
            if last > k + 1 and (last == len(tokens) or lower[last] in _CLAUSE_END):
                k = last
                phrase = tokens[start:k]
        if according and any(w in lex.unnamed for w in words):
            # "selon des sources proches du dossier": the whole description is the detail
            while k < len(tokens) and lower[k] not in _CLAUSE_END and k - start < _LONGEST + 4:
                k += 1
            phrase = tokens[start:k]
        return _span(sentence, phrase), k

    def _role(self, word: str) -> bool:
        """Whether the word describes a source; in German also as the end of a compound
        ("Regierungssprecher", "Innenministeriums")."""
        if word in self._lex.roles:
            return True
        return self._language == "de" and word.endswith(_GERMAN_ROLE_ENDINGS)

    def _finding(self, subject: str, cue: str, kind: Kind, rule: str, position: int) -> Finding:
        """The finding: an unnamed source's words kept as its detail, a name told apart
        from the role before it ("le ministre" and "Bruno Le Maire")."""
        words = [w.lower() for w in _WORD.findall(subject)]
        lex = self._lex
        if any(w in lex.unnamed for w in words):
            content = [w for w in words if w not in lex.determiners]
            detail = None if len(content) == 1 else subject
            return Finding("sources", cue, kind, rule, position, detail)
        named = self._name_after_role(subject)
        if named is not None:
            return Finding(named[1], cue, kind, rule, position, named[0])
        return Finding(subject, cue, kind, rule, position)

    def _name_after_role(self, subject: str) -> tuple[str, str] | None:
        """(role, name) when a description ends on a person's name: "Kanzler Olaf Scholz",
        "el ministro de Economía Carlos Cuerpo", "le ministre de l'Économie Bruno Le Maire"."""
        tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(subject)]
        start = len(tokens)
        while start > 0 and (
            tokens[start - 1][0][:1].isupper()
            or (tokens[start - 1][0] in _NAME_PARTICLES and start < len(tokens))
        ):
            start -= 1
        while start < len(tokens) and tokens[start][0] in _NAME_PARTICLES:
            start += 1
        if start > 0 and tokens[start - 1][0].lower().replace("’", "'") in self._lex.connectors:
            start += 1  # "de l'Économie Bruno Le Maire": the first word completes the role
        while start < len(tokens) and self._role(tokens[start][0].lower()):
            start += 1  # "Kanzler Olaf Scholz", "Premier Donald Tusk"; not "Le Maire"
        if start == 0 or start >= len(tokens):
            return None
        before = [t.lower() for t, _ in tokens[:start]]
        if not any(self._role(w) for w in before):
            return None  # "Bundesamt für Statistik": no role, no name after it
        role = subject[: tokens[start][1]].strip(" ,")
        return role, subject[tokens[start][1] :]


def _clause_follows(lower: list[str], k: int, lex: _Lexicon) -> bool:
    """ "sagte, er werde …", "zei, het kabinet …": a clause with its own subject."""
    return k < len(lower) and (lower[k] in lex.pronouns or lower[k] in lex.determiners)


def _span(sentence: str, phrase: list[Token]) -> str:
    return sentence[phrase[0][1] : phrase[-1][2]]
