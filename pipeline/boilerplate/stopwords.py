"""Small stop-word lists per language, for prose detection (jusText-style stop-word density).

>>> all(w in STOPWORDS[lang] for lang, w in [("en", "the"), ("de", "der"), ("fr", "les"), ("es", "los")])
True
"""

from __future__ import annotations


def _split(words: str) -> frozenset[str]:
    """The white-space separated words of ``words``.

    >>> sorted(_split(" b a "))
    ['a', 'b']
    """
    return frozenset(words.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "en": _split(
        """a about above after again against all also am an and any are as at be because been before being
        below between both but by can could did do does doing down during each few for from further had has
        have having he her here hers herself him himself his how i if in into is it its itself just me more
        most my no nor not now of off on once only or other our ours out over own same she should so some
        such than that the their theirs them then there these they this those through to too under until up
        very was we were what when where which while who whom why will with would you your yours said says
        told last since been may might must new one two three year years"""
    ),
    "de": _split(
        """aber alle allem allen aller als also am an ander andere anderen auch auf aus bei beim bin bis
        bist da damit dann das dass dem den denn der des dessen die dies diese diesem diesen dieser dieses
        doch dort du durch ein eine einem einen einer eines er es etwas für gegen gewesen hab habe haben hat
        hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre im in ist jede jedem jeden jeder jedes jetzt
        kann kein keine können konnte machen man manche mehr mein mit muss musste nach nicht nichts noch nun
        nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so solche soll sollte sondern
        über um und uns unser unter viel vom von vor war waren warum was weil welche wenn werde werden wie
        wieder will wir wird wirde wo wollen wurde wurden zu zum zur zwar zwischen sagte sei seit"""
    ),
    "fr": _split(
        """a au aux avec ce ces cette dans de des du elle elles en est et été être eu il ils je la le les
        leur leurs lui ma mais me même mes moi mon ne nos notre nous on ont ou où par pas plus pour qu que
        qui sa sans se ses si son sont sur ta te tes toi ton tous tout tu un une vos votre vous y été était
        étaient a avait ont cela ça comme aussi après avant entre depuis selon sous dont lors fait peut
        deux trois"""
    ),
    "es": _split(
        """a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el
        él ella ellas ellos en entre era eran es esa esas ese eso esos esta está están estas este esto estos
        fue fueron ha han hasta hay la las le les lo los más me mi mis mucho muy ni no nos nosotros o os
        otra otro para pero poco por porque que quien se sea según ser si sí sin sobre son su sus también
        tanto te tiene tienen todo todos tu un una uno unos y ya dijo año años dos tres"""
    ),
    "it": _split(
        """a ad al alla alle anche che chi ci come con da dal dalla dalle degli dei del della delle dello di
        e è ed gli ha hanno i il in la le lo loro ma mi ne nei nel nella nelle non o per più può quale quando
        questa queste questi questo se si sia sono su sua sue sui sul sulla suo suoi tra un una uno anni
        essere stato stata come dopo anche ancora molto"""
    ),
    "pt": _split(
        """a ao aos as à às com como da das de dela dele do dos e é ela ele eles em entre era essa esse esta
        este eu foi for foram há isso isto já mais mas me mesmo muito na nas não no nos o os ou para pela
        pelo por qual quando que quem se sem ser seu seus sua suas também um uma umas uns são está estão
        ter tem sobre até depois anos"""
    ),
    "pl": _split(
        """a aby ale bez bo by był była było były być co czy dla do gdy gdzie go i ich im jak jako jej jest
        jeszcze jego już lub ma mi może na nad nie niż o od oraz po pod przed przez przy są się sobie tak
        także tam te tego tej ten to tu tylko tym u w we więc z za ze że żeby który która które którzy
        których którym roku lat też będzie będą jednak jeśli jeżeli nawet również można tych teraz mają
        bardzo wiele wobec ponad nich nim niej właśnie choć której którego któremu którą czyli więcej między
        według wśród podczas około został została zostało zostały zostanie nas mnie ona oni swoje swój swoich
        swojej swoim swoją tę tą tymi temu kiedy dlatego ponieważ gdyż albo ani zatem bowiem wtedy nigdy
        zawsze wciąż dzięki mimo"""
    ),
    "nl": _split(
        """aan al als bij daar dat de den der deze die dit door een en er had heb heeft hem het hij hoe
        hun ik in is je kan maar me met mij na naar niet nog nu of om ook op over te tot uit van voor was
        wat we wel werd wie wij worden zal ze zich zij zijn zo"""
    ),
    "sv": _split(
        """och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så
        kan man när år än hon nu under efter också eller vid mot ut bara hade skulle vara sina sin detta
        dessa där här hur vad vilket vilka sedan säger sade enligt två tre många mer mycket alla andra blir
        blev ska kommer finns"""
    ),
    "da": _split(
        """og i at det som en på er af for med til den har de ikke om et han men var jeg sig fra vi så kan
        man når år end hun nu under efter også eller ved mod ud kun havde skulle være sine sin dette disse
        der her hvor hvad hvilket hvilke siden siger sagde ifølge to tre mange mere meget alle andre bliver
        blev skal kommer findes"""
    ),
    "no": _split(
        """og i at det som en på er av for med til den har de ikke om et han men var jeg seg fra vi så kan
        man når år enn hun nå under etter også eller ved mot ut bare hadde skulle være sine sin dette disse
        der her hvor hva hvilket hvilke siden sier ifølge to tre mange mer mye alle andre blir ble skal
        kommer finnes"""
    ),
    "cs": _split(
        """a v na se je že s z do o k i to by jako ale pro po od ve za který která které jsou byl byla bylo
        být jeho jejich její tak už jen také jak než když podle při mezi před ani nebo aby až tento tato
        toto této tohoto tyto není má mají bude budou řekl uvedl roce let dva tři více již však"""
    ),
    "ro": _split(
        """și în de la a cu pe că nu se din care este sunt au fost o un mai ce pentru dar sau ca prin după
        către fie al ale ai lui ei lor acest această aceste acestui cel cea cei cele fi va vor are avea să
        până între despre sub spre doar anul ani două trei peste deja încă"""
    ),
}
"""Function words (plus a few very common news words) per language."""

LANGS: tuple[str, ...] = tuple(sorted(STOPWORDS))


OPEN_ENDINGS: frozenset[str] = _split(
    """a an the its their his her our your my of to for from with by and or nor that whose into than
    der die das den dem des ein eine einen einem einer eines und oder sowie mit von zu zum zur für auf
    aus bei nach über unter durch gegen seine ihre ihren seinen dass le la les un une des du de et ou
    avec pour sur par dans au aux ses son sa leur el los las una unos unas del y con para por al su sus"""
)
"""Closed-class words (articles, possessives, conjunctions, prepositions) that no sentence or headline
ends on (en, de, fr, es): a hard-wrapped line that stops on one goes on in the next line."""
