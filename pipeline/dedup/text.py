"""Text side of dedup: normalised words, stable 16-bit word hashes, quoted cores.

Words are compared after Unicode NFKC, case folding and quote folding, so
punctuation, curly vs straight quotes and case never matter. Every word is
reduced to a stable 16-bit hash (blake2b); n-grams are built from those
hashes, so an n-gram of three words carries 48 bits and accidental matches are
negligible, while the index stores only 2 bytes per word.

>>> [w for w, _, _ in words("“It’s hereditary,” she said.")]
['It’s', 'hereditary', 'she', 'said']
>>> word_hash("Azerbaijan") == word_hash("AZERBAIJAN")
True
>>> 0 <= word_hash("the") < 65536
True
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise, repeat

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Kana and Han ideographs: scripts written without spaces between words."""
_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)*")
"""A word; in Chinese and Japanese each character is one (their words are not set apart by spaces: a
sentence would be one "word", too short to be compared at all)."""
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f"
    "\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957"
    "\u0962\u0963\u0981-\u0983\u09bc\u09be-\u09cd\u09d7\u09e2\u09e3\u0a01-\u0a03\u0a3c-\u0a51\u0a70"
    "\u0a71\u0a75\u0a81-\u0a83\u0abc-\u0acd\u0ae2\u0ae3\u0b01-\u0b03\u0b3c-\u0b57\u0b62\u0b63\u0b82"
    "\u0bbe-\u0bcd\u0bd7\u0c00-\u0c04\u0c3e-\u0c56\u0c62\u0c63\u0c81-\u0c83\u0cbc-\u0cd6\u0ce2\u0ce3"
    "\u0d00-\u0d03\u0d3b-\u0d57\u0d62\u0d63"
)
"""Combining marks that belong to the letter before them: the vowel signs and viramas of the Indian scripts,
Arabic's and Hebrew's vowel points, Latin accents in decomposed text (none is a word character for :mod:`re`,
which had cut "लिये" into "ल" and "य"). Not Thai's vowels and tones (Thai sets no spaces between words: with
them a phrase read as one word; a review), nor Persian's zero-width non-joiner, which
stays a break: papers set a space for it as often as nothing ("می‌شود", "می شود", "میشود"; round 133)."""
_HAS_MARKS = re.compile(f"[{_MARKS}]")
_WORD_MARKED = re.compile(
    rf"[{_CJK}]|[^\W_{_CJK}](?:[^\W_{_CJK}]|[{_MARKS}])*(?:['’][^\W_{_CJK}](?:[^\W_{_CJK}]|[{_MARKS}])*)*"
)
"""A word as :data:`_WORD` reads it, with its combining marks (round 130): used on a text that holds one, so
that every other text keeps the faster pattern (both read a text without marks alike)."""


def word_pattern(text: str) -> re.Pattern[str]:
    """The pattern that reads ``text``'s words: :data:`_WORD_MARKED` when it holds a combining mark.

    >>> [word_pattern(t).findall(t) for t in ("गई थी", "it's")]
    [['गई', 'थी'], ["it's"]]
    """
    return _WORD_MARKED if _HAS_MARKS.search(text) is not None else _WORD


_AMOUNT = re.compile(
    r"(?:[£$€¥][ ]?[0-9](?:[.,]?[0-9])*[ ](?P<c>(?i:mn|m|bn))"
    r"|[0-9](?<![^\W_][0-9])[0-9]*(?P<u>(?i:mn|m|bn|million|billion|mln|bln))"
    r"|[0-9](?<![^\W_][0-9])[0-9]*[ ](?P<v>(?i:bn))"
    r"|[£$€¥][0-9](?:[.,]?[0-9])*(?P<b>B)"
    r"|(?<![^\W\d_])(?:US|S|HK|A|NZ)\$[0-9](?:[.,]?[0-9])*(?P<l>[mM][iI][lL]|[bB][iI][lL])"
    r"|[£$€¥][0-9](?:[.,]?[0-9])*(?P<k>[bB][iI][lL])"
    r"|[£$€¥][0-9](?:[.,]?[0-9])*(?P<t>(?i:tn|trn)))\b(?!['’][^\W_])"
)
"""An amount's unit: run together with its number ("£22m", "1.4m workers", "22million", "$1.5bn"), or after a
space, "bn" ("1.5 bn") and "m" or "mn" after a currency sign ("£3 mn"), or a capital "B" or trillions' "tn"
run together with an amount after a currency sign ("$21B", "$1.3tn"; "the 100 m final" is no amount), or "mil"
and "bil" run together with one after a sign but Brazil's "R$" ("US$2.3bil" is billions, the Star's style;
"R$40mil" and "40mil" are thousands in Portuguese and Spanish). (A number's first digit must follow no letter
or digit: checked behind that digit, so that every branch opens with a character class and the engine skips
ahead to one; with the look-behind first it tried the pattern at every position, 2.3 times slower.)"""
_METRES_AFTER = re.compile(
    r" (?:of|from|away|high|long|deep|wide|tall|below|above|beneath|under|behind|ahead|race|final|freestyle"
    r"|hurdles"
    r"|sprint|relay|backstroke|breaststroke|butterfly|radius|stretch|drop|fall)\b"
)
"""The word after a number with "m" run together that makes it metres, not millions ("within 200m of", "the
100m final"; "1.4m workers" is millions, and so is "£200m of" with its currency's sign)."""
_METRES_BEFORE = re.compile(
    r"\b(?:cleared|jumped|leapt|leaped|vaulted|threw|thrown|hurled|measuring|measured|measures"
    r"|(?:height|depth|distance|throw|jump|leap) of) [0-9][0-9.,]*$",
    re.IGNORECASE,
)
"""What before a number with "m" run together makes it metres, whatever follows: a jump's or throw's verb
("cleared 6.02m", "threw 68.50m"). Matched on the text from a little before the number up to its unit."""
_TRACK_EVENT = re.compile(r"\bthe (?:60|100|110|200|400|800|1500|1,500|3000|3,000|5000|5,000|10,000)$")
_TRACK_AFTER = re.compile(
    r"(?:[,.;:)]| (?:at|in|on|and|for|with|title|gold|silver|bronze|crown|record|heats)\b)"
)
"""A track event's distance after "the" is metres before a stop or a few words ("won the 200m at the Rome
meeting", "the 400m title"), not before a noun it counts ("the 400m viewers")."""
_CURRENCY = frozenset("£$€¥")
_AMOUNT_DIGITS = re.compile(r"[0-9](?:[mMbB]| [bB][nN])")


def may_hold_amount(text: str) -> bool:
    """Whether ``_AMOUNT`` may find an amount in ``text`` (or in any piece of it): a digit before
    "m"/"b" or " bn", or a currency sign. Cheap: on news, true of one text in ten (a looser test,
    a number before any word in "m", was true of every other one and cost a scan per sentence).

    >>> may_hold_amount("12 mln dlrs"), may_hold_amount("22m"), may_hold_amount("costs £5")
    (False, True, True)
    """
    return _AMOUNT_DIGITS.search(text) is not None or "£" in text or "$" in text or "€" in text or "¥" in text


_GROUPED = re.compile(
    rf"(?<![^\W{_CJK}]|[.,'])\d{{1,3}}(?:[,.' \u00a0\u2009\u202f]\d{{3}})+(?![^\W百千万萬亿億]|[.,']\d)"
    r"|(?<![\w.,'/-])\d{1,3}[- ]\d{1,2}/\d{1,2}(?![\w/])"
)
"""A number with its thousands grouped ("3,400", "1.200", "12 000", "1'500"): one word, its digits
run together, as house styles that write "3400" have it; and a number with its fraction, Reuters' "6-3/16" or
"6 3/16": one word as "6-3/16", another figure than its whole number's ("six", "6"). Before a Chinese or
Japanese magnitude too, after a Chinese character or not ("约1,200萬", which :func:`_cjk_magnitudes`
multiplies whole; reviews of session 53); not before another CJK character ("1,500円" stays two, as
"１，５００円" is)."""


def may_hold_grouped(text: str) -> bool:
    """Whether ``text`` holds a number with grouped thousands (:data:`_GROUPED`).

    >>> [may_hold_grouped(t) for t in ("cut 3,400 jobs", "in 2024, 3 of 4", "pi is 3.14159", "at 6-3/16 pct")]
    [True, False, False, True]
    """
    return _GROUPED.search(text) is not None


_CLOCK = re.compile(r"[0-9] ?[aApP]\.? ?[mM](?![^\W_])")
"""A time of day's "am" or "pm" after its number, in any house style: "7am", "7 am", "7 a.m.", "7.30p.m."."""


def may_hold_clock(text: str) -> bool:
    """Whether ``text`` holds a time of day with "am" or "pm" (:data:`_CLOCK`; see :func:`words`).

    >>> may_hold_clock("since 7 a.m."), may_hold_clock("at 7am"), may_hold_clock("I am 7")
    (True, True, False)
    """
    return _CLOCK.search(text) is not None


_UNIT_WORDS = {
    **{"m": "million", "mn": "million", "bn": "billion", "b": "billion"},
    **{"tn": "trillion", "trn": "trillion", "mil": "million", "bil": "billion"},
}

_STYLED = re.compile(
    r"[0-9０-９](?:,[0-9]0(?![0-9])|[百千万萬亿億]|[hH:][0-9]|[hH]\b|[kK]\b|[CF]\b|pc|bps?\b|BPS\b"
    r"|(?i:km|kg|cm|mm|ml|mg|mcg|kph|kmh|kmph|mph|gw|mw|kw|twh|sec|min)"
    r"|\s+(?:bps?\b|BPS\b|(?i:degrees)[ \u00a0])"
    r"|\.[0-9][0-9]\s+(?i:uhr)\b"
    r"|\s+(?i:mio|mrd|mld|mljrd|mds|md|mil|millón|millon|bilh|bily|bilio|prozent|proc|pour\s*c|por\s*c|m[€$]|tis|tys|mii|hilj|tūk|tuha|prots"
    r"|de\s|la\s+su|juta|ribu|persen|odsto|[bm]i\b|प्रतिशत|(?:फ़?|\u095e)ीसदी|بالم|ف[يی]\s+الم|אחוז|درصد|শতাংশ|pors"
    r"|млн|млрд|мільй|мільяр|милли|мили|тис|тыс|хил|хиљ|відс|процент"
    r"|pence)"
    r"|-(?i:tis|tys|mii|ribu|тис|тыс|хил|хиљ|hilj|tūk|tuha))"
    r"|N[Oo]\.? ?[0-9]"
    r"|Q[1-4]\b"
)
"""Where a figure may be set in a house style that :func:`_styled_figures` folds, by its digits: thousands
with a "K" ("150K"), a percentage with "pc" run together ("48pc"), a unit run together ("28km", "9.6GW"), a
temperature ("44C", "44 degrees Celsius"), a time ("08:00", "8h", "8.00 Uhr"), a unit of millions or
billions after white space ("2,5 Mio.", "62 mln", "20 milioni"), a percentage in words after white space ("17
procent", "12 proc."), basis points ("25bp", "25 bps"), a rank ("No 1"), a quarter ("Q3"). (White space as
:func:`_styled_figures` reads it, any run: a trigger narrower than its rule read the same words one way alone
and another beside a styled figure; review 51. A unit's letters need no word
end here: a removal that cuts "5MLN" leaves "5ML", which :func:`words` splits.) The styles in words are
looked for in the text in lower case (:func:`may_hold_styled`): each pattern opens with a digit or a
letter of its own, as one pattern of both kinds cost a scan at every position, a fifth of
:func:`~pipeline.dedup.core.compute_signature`'s time."""


_SPELLED = {
    1: "one ein eine eins",
    2: "two zwei deux twee dois duas",
    3: "three drei trois tres três",
    4: "four vier quatre cuatro quattro quatro",
    5: "five fünf cinq cinco cinque vijf",
    6: "six sechs seis zes",
    7: "seven sieben siete sette zeven sete",
    8: "eight acht huit ocho oito",
    9: "nine neun nueve nove negen",
    10: "ten zehn dix diez dieci tien dez",
    11: "eleven elf undici",
    12: "twelve zwölf douze dodici twaalf",
    13: "thirteen treize trece tredici dertien treze",
    14: "fourteen quatorze catorce quattordici veertien catorze",
    15: "fifteen quinze quince quindici vijftien",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty vingt veinte twintig vinte",
}
"""The numbers one to twenty in words, English first, then German, French, Spanish, Italian, Dutch, Portuguese
(:func:`number_aliases`, :func:`_styled_figures`)."""
_SPELLED_TENS = {
    30: "thirty dreißig trente treinta dertig trinta trenta",
    40: "forty vierzig quarante cuarenta veertig quarenta quaranta",
    50: "fifty fünfzig cinquante cincuenta vijftig cinquenta cinquanta",
    60: "sixty sechzig soixante sesenta zestig sessenta sessanta",
    70: "seventy siebzig setenta zeventig settanta septante",
    80: "eighty achtzig ochenta tachtig oitenta ottanta huitante octante",
    90: "ninety neunzig noventa negentig novanta nonante",
}
"""The tens from thirty to ninety in words, English first (Belgian and Swiss French "septante", "huitante",
"nonante" since session 51; Italian's since session 49: "novanta giorni" for
"90 giorni", round 71)."""
_SPELLED_PL = {
    2: "dwa dwie dwóch dwaj dwoje",
    3: "trzy trzech trzej troje",
    4: "cztery czterech czterej czworo",
    **{
        n: f"{a} {b}iu {b}ioro"
        for n, a, b in (
            (5, "pięć", "pięc"),
            (6, "sześć", "sześc"),
            (7, "siedem", "siedm"),
            (8, "osiem", "ośm"),
            (9, "dziewięć", "dziewięc"),
            (10, "dziesięć", "dziesięc"),
        )
    },
    **{
        n: f"{a}naście {b}nastu {a}naścioro"
        for n, a, b in (
            (11, "jede", "jede"),
            (12, "dwa", "dwu"),
            (13, "trzy", "trzy"),
            (14, "czter", "czter"),
            (15, "pięt", "pięt"),
            (16, "szes", "szes"),
            (17, "siedem", "siedem"),
            (18, "osiem", "osiem"),
            (19, "dziewięt", "dziewięt"),
        )
    },
    20: "dwadzieścia dwudziestu",
    30: "trzydzieści trzydziestu",
    40: "czterdzieści czterdziestu",
    **{
        n * 10: f"{a}dziesiąt {a}dziesięciu"
        for n, a in ((5, "pięć"), (6, "sześć"), (7, "siedem"), (8, "osiem"), (9, "dziewięć"))
    },
}
"""Polish numbers from two to twenty and the tens in words, in their commonest forms (nominative, genitive and
locative, masculine personal, collective: "dziewięć", "dziewięciu", "dziewięcioro" are "9": round 87; not the
instrumental "dziewięcioma" nor the dative "dwóm"), figures all, aliases of their digits unless a form's hash
is taken (:func:`number_aliases`); kept apart from :data:`_SPELLED`: Polish "mil" is miles, no thousands
(:data:`_SPELLED_OTHER`)."""
_DIGIT_ZEROS = (
    0x660,
    0x6F0,
    0x966,
    0x9E6,
    0xA66,
    0xAE6,
    0xB66,
    0xBE6,
    0xC66,
    0xCE6,
    0xD66,
    0xE50,
    0xED0,
    0x1040,
)
_DIGITS = {chr(zero + k): str(k) for zero in _DIGIT_ZEROS for k in range(10)}
"""Other scripts' decimal digits and their ASCII digits (:data:`_FOLDED`, :func:`ascii_digits`)."""
_FOLDED = str.maketrans(
    {"ş": "ș", "ţ": "ț", "’": "'", "ʼ": "'", "\u093c": "", "\u0901": "\u0902", "\u0640": "", "\u0670": ""}
    | {"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
    | _DIGITS
    | dict.fromkeys(range(0x64B, 0x660), "")
    | dict.fromkeys(range(0x591, 0x5C8), "")
)
"""What :func:`_normal` folds: Romanian "ş" and "ţ" with a cedilla, as older fonts and many papers set them,
as the standard "ș" and "ț" with a comma below (round 103: a paper's "Justiţie" for Agerpres's "Justiție"),
and the apostrophes "’" and Ukrainian "ʼ" (the modifier letter the spelling rules prescribe: "пʼять", "п’ять"
and "п'ять" are one word; round 113) as "'"; the digits of Arabic, Persian, the Indian scripts, Thai, Lao
and Burmese as ASCII digits ("٢٥" and "२५" are "25"; rounds 128, 130), Hindi's nukta dropped ("फ़ैक्ट्री" is
"फैक्ट्री") and its candrabindu as the anusvara ("पाँच" is "पांच"), Arabic's vowel points and tatweel and
Hebrew's points dropped ("وبيّن" is "وبين"), Arabic's yeh, alef maqsura and kaf as Persian's "ی" and "ک"
(round 133: "زمين" and "زمین"), and alef with hamza or madda as bare alef, as papers set them either way."""


_ASCII_DIGITS = str.maketrans(_DIGITS)
_OTHER_DIGIT = re.compile("[" + "".join(f"{chr(z)}-{chr(z + 9)}" for z in _DIGIT_ZEROS) + "]")


def ascii_digits(text: str) -> str:
    """``text`` with other scripts' decimal digits as ASCII digits, one for one (offsets unchanged), so that
    the rules that read figures (units, percentages, times, a decimal's zero) read "٧٫٥ بالمئة" as "7.5
    بالمئة" (a third review of session 53).

    >>> ascii_digits("٧٫٥ بالمئة, ४ फीसदी, 41")
    '7٫5 بالمئة, 4 फीसदी, 41'
    """
    return text.translate(_ASCII_DIGITS) if _OTHER_DIGIT.search(text) is not None else text


_SPELLED_CS = {
    2: "dva dvě dvou dvěma",
    3: "tři tří třech třemi",
    4: "čtyři čtyř čtyřech čtyřmi",
    9: "devět devíti",
    **{
        n: f"{w} {w}i"  # the nominative and its other cases' form: "pět", "pěti"
        for n, w in (
            *[(5, "pět"), (6, "šest"), (7, "sedm"), (8, "osm"), (10, "deset"), (11, "jedenáct")],
            *[(12, "dvanáct"), (13, "třináct"), (14, "čtrnáct"), (15, "patnáct"), (16, "šestnáct")],
            *[(17, "sedmnáct"), (18, "osmnáct"), (19, "devatenáct"), (20, "dvacet"), (30, "třicet")],
            *[(40, "čtyřicet"), (50, "padesát"), (60, "šedesát"), (70, "sedmdesát"), (80, "osmdesát")],
            *[(90, "devadesát")],
        )
    },
}
"""Czech numbers from two to twenty and the tens in words, in the nominative and the other cases' commonest
form ("pět", "pěti"; "dva", "dvě", "dvou", "dvěma"): read as their digits (:data:`_SPELLING`; round 99: ČTK's
"osm let" as a paper's "8 let")."""
_SPELLED_RO = {
    2: "doi două doua",
    3: "trei",
    4: "patru",
    5: "cinci",
    6: "șase sase",
    7: "șapte sapte",
    10: "zece",
    11: "unsprezece",
    12: "doisprezece douăsprezece",
    13: "treisprezece",
    14: "paisprezece",
    15: "cincisprezece",
    16: "șaisprezece",
    17: "șaptesprezece",
    18: "optsprezece",
    19: "nouăsprezece",
    20: "douăzeci douazeci",
    30: "treizeci",
    40: "patruzeci",
    50: "cincizeci",
    60: "șaizeci saizeci",
    70: "șaptezeci saptezeci",
    80: "optzeci",
    90: "nouăzeci nouazeci",
}
"""Romanian numbers from two to twenty and the tens in words, with and without diacritics ("șase", "sase"):
read as their digits (:data:`_SPELLING`; round 103: Agerpres's "cinci ani" as a paper's "5 ani"). Not "nouă",
which is also "new", nor "opt" (8), an English word ("opt out"), nor "unu", "una", "un", "o" (articles and
pronouns)."""
_SPELLED_SK = {
    2: "dva dve dvoch dvom dvoma",
    3: "troch trom tromi",
    4: "štyri štyroch štyrom",
    5: "päť piatich",
    6: "šesť šiestich",
    7: "sedem siedmich",
    8: "osem ôsmich",
    9: "deväť deviatich",
    10: "desať desiatich",
    11: "jedenásť",
    12: "dvanásť",
    13: "trinásť",
    14: "štrnásť",
    15: "pätnásť",
    16: "šestnásť",
    17: "sedemnásť",
    18: "osemnásť",
    19: "devätnásť",
    20: "dvadsať",
    30: "tridsať",
    40: "štyridsať",
    50: "päťdesiat",
    60: "šesťdesiat",
    70: "sedemdesiat",
    80: "osemdesiat",
    90: "deväťdesiat",
}
"""Slovak numbers from two to twenty and the tens in words, in the nominative and the commonest other forms:
read as their digits (:data:`_SPELLING`; round 104: TASR's "desať percent" as a paper's "10 percent"). Not
"tri" (3), a ticker and an abbreviation in English ("<TRI>" had turned a Reuters headline's word into a
figure)."""
_SPELLED_TR = {
    2: "iki",
    3: "üç",
    4: "dört",
    5: "beş",
    6: "altı",
    7: "yedi",
    8: "sekiz",
    9: "dokuz",
    20: "yirmi",
    30: "otuz",
    40: "kırk",
    60: "altmış",
    70: "yetmiş",
    80: "seksen",
    90: "doksan",
}
"""Turkish numbers from two to nine and the tens in words: read as their digits (:data:`_SPELLING`; round 109:
a paper's "2 saat" for AA's "iki saat"). Not "bir" (also "a"), "on" (ten; an English word) nor "elli" (50;
a first name in German and Greek)."""
_SPELLED_HR = {
    2: "dvije dvoje",
    3: "troje",
    4: "četiri četvero četiriju četvoro",
    5: "petero petoro",
    6: "šestero šestoro",
    7: "sedam sedmero sedmoro",
    8: "osam osmero osmoro",
    9: "devet devetero devetoro",
    10: "desetero desetoro",
    11: "jedanaest jedanaestero jedanaestoro",
    12: "dvanaest dvanaestero dvanaestoro",
    13: "trinaest",
    14: "četrnaest",
    15: "petnaest",
    16: "šesnaest",
    17: "sedamnaest",
    18: "osamnaest",
    19: "devetnaest",
    20: "dvadeset",
    30: "trideset",
    40: "četrdeset",
    50: "pedeset",
    60: "šezdeset",
    70: "sedamdeset",
    80: "osamdeset",
    90: "devedeset",
}
"""Croatian (and Serbian and Bosnian in Latin letters) numbers in words, where they are not Czech's too
("dva", "šest", "deset"): read as their digits (:data:`_SPELLING`; round 110). Not "pet" (5) and "tri" (3),
English words and a ticker."""
_SPELLED_UK = {
    2: "два дві двох двом две двух",
    3: "три трьох трёх трех",
    4: "чотири чотирьох четыре четырёх четырех",
    5: "п'ять п'яти пять пяти",
    6: "шість шести шесть",
    7: "сім семи семь",
    8: "вісім восьми восемь",
    9: "дев'ять дев'яти девять девяти",
    10: "десять десяти",
    11: "одинадцять одиннадцать",
    12: "дванадцять двенадцать",
    13: "тринадцять тринадцать",
    14: "чотирнадцять четырнадцать",
    15: "п'ятнадцять пятнадцать",
    16: "шістнадцять шестнадцать",
    17: "сімнадцять семнадцать",
    18: "вісімнадцять восемнадцать",
    19: "дев'ятнадцять девятнадцать",
    20: "двадцять двадцать",
    30: "тридцять тридцать",
    40: "сорок",
    50: "п'ятдесят пятьдесят",
    60: "шістдесят шестьдесят",
    70: "сімдесят семьдесят",
    80: "вісімдесят восемьдесят",
    90: "дев'яносто девяносто",
}
"""Ukrainian and Russian numbers from two to twenty and the tens in words, in the nominative and the commonest
other forms: read as their digits (:data:`_SPELLING`; round 113: Ukrinform's "восьми років" as a paper's "8
років")."""
_SPELLED_ID = {
    2: "dua",
    3: "tiga",
    4: "empat",
    6: "enam",
    7: "tujuh",
    8: "delapan lapan",
    9: "sembilan",
    10: "sepuluh",
    11: "sebelas",
}
"""Indonesian and Malay numbers from two to eleven in words: read as their digits (:data:`_SPELLING`; round
112: ANTARA's "empat helikopter" as a paper's "4 helikopter")."""
_SPELLED_BG = {
    2: "двама",
    3: "трима",
    4: "четири четирима",
    5: "пет петима",
    6: "шест шестима",
    7: "седем",
    8: "осем",
    9: "девет",
    10: "десет",
    11: "единадесет",
    12: "дванадесет",
    13: "тринадесет",
    14: "четиринадесет",
    15: "петнадесет",
    16: "шестнадесет",
    17: "седемнадесет",
    18: "осемнадесет",
    19: "деветнадесет",
    20: "двадесет",
    30: "тридесет",
    40: "четиридесет",
    50: "петдесет",
    60: "шестдесет",
    70: "седемдесет",
    80: "осемдесет",
    90: "деветдесет",
}
"""Bulgarian numbers from two to twenty and the tens in words, with the forms that count people ("двама",
"петима"), where they are not Russian's too ("два", "две", "три"): read as their digits (:data:`_SPELLING`;
round 114: BTA's "седем дни" as a paper's "7 дни"; "двама" and "трима" injured are other figures)."""
_SPELLED_CA = {
    5: "cinc",
    8: "vuit",
    12: "dotze",
    13: "tretze",
    17: "disset",
    18: "divuit",
    19: "dinou",
    60: "seixanta",
    80: "vuitanta",
    90: "noranta",
}
"""Catalan numbers in words where they are not French, Spanish, Italian or Portuguese ones too ("tres",
"quatre", "quinze", "trenta" are aliases already, :data:`_SPELLED`): read as their digits (:data:`_SPELLING`;
round 118: ACN's "cinc mitjans aeris" as a paper's "5 mitjans aeris"). Not the words of other languages: "dos"
(French "back"), "dues" (English, French), "sis", "set" (English), "nou" ("new"), "deu" ("owes"; Portuguese
"gave"), "onze" (Dutch "our"), "setze" (German), "vint" (French "came", "Vint Cerf"), "setanta" (a name);
a review of session 53 found "setze" and "dues" reading as figures in German and English text."""
_SPELLED_LT = {
    2: "dviejų",
    3: "trys trijų",
    4: "keturi keturios keturių keturis keturiais",
    5: "penki penkios penkių penkis penkiais",
    6: "šeši šešios šešių šešis šešiais",
    7: "septyni septynios septynių septynis septyniais",
    8: "aštuoni aštuonios aštuonių aštuonis aštuoniais",
    9: "devyni devynios devynių devynis devyniais",
    10: "dešimt dešimties",
    20: "dvidešimt",
    30: "trisdešimt",
    40: "keturiasdešimt",
    50: "penkiasdešimt",
}
"""Lithuanian numbers in words from two to ten and the tens to fifty, in the nominative and the commonest
other cases: read as their digits (:data:`_SPELLING`; round 116: ELTA's "trys nukentėjusieji" as a paper's "3
nukentėjusieji"). Not "du" (2; French and German words), "dvi" (2; a video connector), "tris" nor "trims"
(English words)."""
_SPELLED_LV = {
    3: "trīs",
    4: "četri četras četrus četriem",
    5: "pieci piecas piecus piecām piecos",
    6: "seši sešas sešus",
    7: "septiņi septiņas septiņus",
    8: "astoņi astoņas astoņus",
    9: "deviņi deviņas deviņus",
    10: "desmit",
    20: "divdesmit",
    30: "trīsdesmit",
}
"""Latvian numbers in words from three to ten, twenty and thirty, in the nominative and the commonest other
cases: read as their digits (:data:`_SPELLING`; round 116: LETA's "trīs gājēji" as a paper's "3 gājēji"). Not
"divi" and "divas" (2; Italian "divi" and English "divas")."""
_SPELLED_SL = {
    4: "štiri",
    11: "enajst",
    12: "dvanajst",
    13: "trinajst",
    14: "štirinajst",
    15: "petnajst",
    20: "dvajset",
}
"""Slovenian numbers in words where they are not Czech, Slovak or Croatian ones too ("šest", "sedem", "osem",
"devet", "deset" are read already): read as their digits (:data:`_SPELLING`; round 123). Not "pet" and "tri"
(English words)."""
_SPELLED_ET = {
    2: "kaks kahe",
    3: "kolm kolme",
    4: "neli nelja",
    5: "viie",
    7: "seitse seitsme",
    8: "kaheksa",
    9: "üheksa",
    10: "kümme kümne",
    11: "üksteist",
    12: "kaksteist",
    20: "kakskümmend",
    30: "kolmkümmend",
}
"""Estonian numbers in words, in the nominative and, up to ten, the genitive: read as their digits
(:data:`_SPELLING`; round 123: ERR's "neli tundi" as a paper's "4 tundi"; "kaheksa" riders killed this year
are another count than "seitse"). Not "kuus" (6; also "in the month") nor "viis" (5; also "took")."""
_SPELLED_HI = {
    3: "तीन",
    4: "चार",
    5: "पांच",
    6: "छह छः",
    7: "सात",
    8: "आठ",
    9: "नौ",
    10: "दस",
    12: "बारह",
    15: "पंद्रह",
    20: "बीस",
    30: "तीस",
    40: "चालीस",
    50: "पचास",
}
"""Hindi numbers in words (as :data:`_FOLDED` sets them, "पाँच" as "पांच"): read as their digits
(:data:`_SPELLING`; round 130: PTI-Bhasha's "आठ" as a paper's "8"). Not "दो" (2; also "give")."""
_SPELLED_AR = {
    3: "ثلاث ثلاثة",
    4: "أربع أربعة",
    5: "خمس خمسة",
    6: "ستة",
    7: "سبعة",
    8: "ثماني ثمانية",
    9: "تسع تسعة",
    10: "عشرة",
}
"""Arabic numbers in words, in both genders where they are no other word: read as their digits
(:data:`_SPELLING`; round 128: KUNA's "ثماني دول" as a paper's "8 دول"). Not "ست" (6; also "lady"), "سبع" (7;
also "lion"), "عشر" (10; in "خمسة عشر"); "خمس عشرة" reads "5 10", no "15"."""
_SPELLED_HE = {
    3: "שלוש שלושה",
    4: "ארבע ארבעה",
    5: "חמש חמישה",
    6: "שש שישה",
    7: "שבעה",
    8: "שמונה",
    9: "תשע תשעה",
    10: "עשרה",
}
"""Hebrew numbers in words, in both genders: read as their digits (:data:`_SPELLING`; round 132: a paper's "3
בני אדם" for "שלושה בני אדם"). Not "שבע" (7; Be'er Sheva's name) nor "עשר" (10); the teens read as two
figures ("שלוש עשרה" is "3 10"), no "13"."""
_SPELLED_FA = {
    2: "دو",
    3: "سه",
    4: "چهار",
    5: "پنج",
    6: "شش",
    7: "هفت",
    8: "هشت",
    12: "دوازده",
    20: "بیست",
    30: "سی",
    40: "چهل",
    50: "پنجاه",
}
"""Persian numbers in words (as :data:`_FOLDED` sets them): read as their digits (:data:`_SPELLING`; round
133: IRNA's "دو نفر" as a paper's "۲ نفر"). Not "نه" (9; also "no") nor "ده" (10; also "village")."""
_SPELLED_BN = {
    2: "দুই",
    3: "তিন",
    4: "চার",
    5: "পাঁচ",
    7: "সাত",
    8: "আট",
    10: "দশ",
}
"""Bengali numbers in words: read as their digits (:data:`_SPELLING`; round 131: BSS's "আট" as a paper's "৮").
Not "নয়" (9; also "is not")."""
_SPELLED_TL = {
    2: "dalawa dalawang",
    3: "tatlo tatlong",
    4: "apat",
    5: "limang",
    7: "pitong",
    8: "walo walong",
    9: "siyam",
    10: "sampu sampung",
}
"""Tagalog numbers in words, with their linker ("dalawang"): read as their digits (:data:`_SPELLING`; round
137: PNA's "dalawang suspek" as a tabloid's "2 suspek"). Not "lima" (5; Peru's capital, a Spanish and Italian
word), "anim" (6; a name) nor "pito" (7; Spanish "whistle"); a fifth review."""
_SPELLED_SW = {
    2: "wawili mbili",
    3: "watatu tatu",
    4: "nne",
    5: "watano mitano",
    8: "nane vinane wanane",
    9: "tisa",
}
"""Swahili numbers in words, bare and with the commonest noun-class prefixes ("watano" people, "vinane"
villages): read as their digits (:data:`_SPELLING`; round 136: KNA's "vijiji vinane" as a paper's "vijiji 8").
Not words or names of other languages (a fifth review): "saba" (7), "sita" (6; Italian "situated", a name),
"wanne" (4; German "tub"), "tano" (5; a name), "kumi" (10; a district)."""
_AS_DIGITS = (
    *_SPELLED_TL.items(),
    *_SPELLED_SW.items(),
    *_SPELLED_BN.items(),
    *_SPELLED_FA.items(),
    *_SPELLED_HE.items(),
    *_SPELLED_HI.items(),
    *_SPELLED_AR.items(),
    *_SPELLED_BG.items(),
    *_SPELLED_SL.items(),
    *_SPELLED_ET.items(),
    *_SPELLED_LT.items(),
    *_SPELLED_LV.items(),
    *_SPELLED_CA.items(),
    *_SPELLED_ID.items(),
    *_SPELLED_CS.items(),
    *_SPELLED_SK.items(),
    *_SPELLED_RO.items(),
    *_SPELLED_TR.items(),
    *_SPELLED_HR.items(),
    *_SPELLED_UK.items(),
)
"""The numbers in words that are read as their digits (:data:`_SPELLING`): Czech, Slovak, Romanian, Turkish,
Croatian, Serbian, Slovenian, Ukrainian, Russian, Bulgarian, Lithuanian, Latvian, Estonian, Catalan,
Indonesian, Malay, Tagalog, Swahili, Hindi, Bengali, Arabic, Hebrew and Persian. Polish forms are aliases of
their digits instead (:func:`number_aliases`: a form's 16-bit hash may be another number's); read as digits,
the same hash, these need no guard, which refused one in five of their forms ("pět", "deset", "cinci"). (Kept
out of :data:`_NUMBER_WORDS`: "DOI" and "DVA" read as "2" but are no number words for a range.)"""
_WORD_DIGITS = frozenset(w.translate(_FOLDED) for _, names in _AS_DIGITS for w in names.split())
""":data:`_AS_DIGITS`' numbers in words, folded as :func:`_normal` folds them, which their digits' units
follow as they follow digits ("dva miliony korun" is "2 mln Kč", "șase milioane de lei" is "6 mil. lei",
"desať percent" is "10 %")."""
_WORD_UNIT_AFTER = re.compile(
    r"mil|mld|mljrd|pro[cz]en|proc\b|odsto|prots|percent|per\s+cent|pour\s+cent|por\s+cient|por\s+cent|la\s+su"
    r"|млн|млрд|мільй|мільяр|милли|мили|відс|процент|juta|persen|bily|bilio|प्रतिशत|(?:फ़?|\u095e)ीसदी|بالم|ف[يی]\s+الم|אחוז|درصد|শতাংশ|pors"
)
"""The units and percentages' words that may follow a number in words (:func:`_worded_unit`): a pattern that
opens with a letter, which the engine skips to (one that opened with white space was tried at every space: it
cost more than all the other styles' tests together)."""
_WORD_DIGITS_LOW = frozenset(
    form.replace("'", apostrophe)
    for w in _WORD_DIGITS
    for form in (w, w.translate(str.maketrans("șț", "şţ")))
    for apostrophe in ("'", "’", "ʼ")
)
""":data:`_WORD_DIGITS` as a text may write them: with a cedilla or a comma below, with any apostrophe."""


def _worded_unit(low: str) -> bool:
    """Whether lower-case ``low`` holds a number in words of :data:`_WORD_DIGITS` (as
    :data:`_WORD_DIGITS_LOW` writes them) before its millions or billions or a percentage's
    words ("dva miliony", "šest miliard", "douăzeci de milioane", "desať percent", "cinci la sută":
    :func:`_styled_figures`): each unit looked for, the word before it checked by hand (a pattern of the
    number words was tried at every position).

    >>> [_worded_unit(t) for t in ("dva miliony korun", "desať percent", "şase milioane", "the military")]
    [True, True, True, False]
    """
    pattern = None  # (found once, on the first unit: a search for marks per unit was quadratic; a review)
    for m in _WORD_UNIT_AFTER.finditer(low):
        end = m.start()
        if end == 0 or not low[end - 1].isspace():
            continue
        pattern = pattern or word_pattern(low)
        for _ in range(2):  # the word before, or the one before "de" ("douăzeci de milioane")
            while end > 0 and low[end - 1].isspace():
                end -= 1
            before = [w.group() for w in pattern.finditer(low, max(0, end - 24), end) if w.end() == end]
            if not before:
                break
            if before[-1] in _WORD_DIGITS_LOW or before[-1].translate(_FOLDED) in _WORD_DIGITS:
                return True
            if before[-1] != "de":
                break
            end -= 2
    return False


_SMALL_WORDS_EN = {names.split()[0]: n for n, names in (_SPELLED | _SPELLED_TENS).items()}
"""English numbers in words from one to twenty and the tens, which a "thousand" or "hundred" multiplies."""
_TENS_WORDS = {w: n for w, n in _SMALL_WORDS_EN.items() if n >= 20}
_SPELLED_OTHER = {w: n for n, names in (_SPELLED | _SPELLED_TENS).items() for w in names.split()[1:] if n > 1}
"""Numbers in words of the other languages, which Spanish and Portuguese "mil" and Italian "mila" multiply
("cuatro mil" is "4000", as "4 mil" and "4.000" are)."""
_UNIT_WORDS_EN = {w: n for w, n in _SMALL_WORDS_EN.items() if n < 10}
"""An English number of tens and units in words, "thirty-seven" (:func:`_styled_figures`)."""
_MULTIPLIERS = {"thousand": 1000, "hundred": 100}
_SCORE_WORDS = frozenset(w for w, n in _SMALL_WORDS_EN.items() if n <= 10)
"""The English numbers in words a cricket score's wickets may be ("121 for three": :func:`_past_for`)."""
_NOON = {"noon": "pm", "midday": "pm", "midnight": "am"}
"""Noon and midnight in words, in lower case, as their hour: "midday", "noon", "12 noon" and "12pm" are "12
pm", "midnight" and "12am" are "12 am" (round 102: a paper's "between 12pm and 6pm" for the agency's "between
midday and 6pm"); another hour is another figure. Not "Noon", "Midnight" with a capital, names too."""
_STYLED_NOON = re.compile(f"(?<![^\\W_{_CJK}])(?:noon|midday|midnight)(?![^\\W_{_CJK}])")
"""Noon or midnight in words (:data:`_NOON`), in lower case."""
_STYLED_WORDS = (*_MULTIPLIERS, "number one", "autobahn", "decade")
"""Styles in words found by a word alone: a number of thousands or hundreds in words ("forty thousand"), a
rank ("number one"), a motorway ("Autobahn 7"), decades ("two decades")."""
_ONE_AFTER = frozenset(
    [
        "grade",
        "group",
        "division",
        "league",
        "tier",
        "level",
        "stage",
        "phase",
        "category",
        "class",
    ]
)
"""Titles whose number "One" (a capital) or Roman number ("I" to "IV") is its figure: "Grade One", "Grade
I", "League One", "Phase III" are "Grade 1", "Grade 1", "League 1", "Phase 3" (round 82; "one" alone is no
figure, a pronoun; not "Formula One", which is "F1" as often as "Formula 1": review 51)."""
_TITLED_NUMBERS = {"One": "1", "ONE": "1", "I": "1", "II": "2", "III": "3", "IV": "4"}
_STYLED_TENS = re.compile(f"(?:{'|'.join(_TENS_WORDS)})[- ](?:{'|'.join(_UNIT_WORDS_EN)})\\b")
"""An English number of tens and units in words ("thirty-seven"), in lower case."""
_STYLED_PERCENT = re.compile(r"\sper\s*cent")
"""A percentage in words ("12 per cent"; "17 procent", "80 por cento" after a digit: :data:`_STYLED`)."""
_STYLED_FOR = re.compile(f" for (?:[0-9]|(?:{'|'.join(sorted(_SCORE_WORDS))})\\b)")
"""A cricket score or a bowler's figures in words ("121 for three", "seven for 51"), in lower case, after a
number (:func:`_score_for`; the pattern opens with its literal " for ", which the engine skips to)."""
_STYLED_MIL = re.compile(r"mila?\b")
"""Spanish, Portuguese and Italian thousands in words ("cuatro mil", "40mila"), in lower case."""
_FR_TENS = {
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "septante": 70,
    "huitante": 80,
    "octante": 80,
    "nonante": 90,
}
_FR_UNITS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
}
_FR_TEENS = {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16}
_STYLED_FR = re.compile(
    r"(?:dix|vingt|ante|ente|quatre)-(?:et-)?"
    r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?)\b"
)
"""A French number of tens and units with hyphens, in lower case ("dix-neuf", "vingt-et-un", "soixante-dix",
"quatre-vingt-deux": :func:`_french_number`)."""
_STYLED_FR_MILLE = re.compile(
    r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt"
    r"|trente|quarante|cinquante|soixante|septante|huitante|octante|nonante) mille\b"
)
"""A French number in one word before "mille", in lower case ("nonante mille": :func:`_french_number`)."""
_ORDINALS_EN = (
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    *("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth"),
    *("eighteenth", "nineteenth", "twentieth"),
)
"""English ordinals in words to the twentieth (aliases of their figures: :func:`number_aliases`)."""
_ORDINAL_WORDS = {w: n for n, w in enumerate(_ORDINALS_EN, 1)}
_ORDINALS_FR = (
    *("deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième", "huitième", "neuvième"),
    *("dixième", "onzième", "douzième", "treizième", "quatorzième", "quinzième", "seizième"),
)
"""French ordinals in words from the second to the sixteenth (aliases of "2e", "2ème":
:func:`number_aliases`)."""
_STYLED_MINUTE = re.compile(
    f"(?:in\\s+the\\s+(?:[0-9]{{1,3}}(?:st|nd|rd|th)|{'|'.join(_ORDINALS_EN)})"
    f"|after\\s+(?:[0-9]{{1,3}}|{'|'.join(sorted(_SMALL_WORDS_EN, key=len, reverse=True))}))\\s+minute"
)
"""A match's minute in a match report's styles, in lower case: "in the 14th minute", "in the fifth minute",
"after 14 minutes", "after two minutes" (:func:`_minute`)."""
_QUARTERS = {"first": "Q1", "second": "Q2", "third": "Q3", "fourth": "Q4"}
_QUARTERS |= {f"{n}{end}": f"Q{n}" for n, end in ((1, "st"), (2, "nd"), (3, "rd"), (4, "th"))}
_QUARTERS_SHORT = frozenset(_QUARTERS.values())
_GLUED_BP = re.compile(r"([0-9]+)(bps?|BPS)")
_STYLED_QUARTER = re.compile(r"(?:first|second|third|fourth|1st|2nd|3rd|4th)(?:-|\s+)quarter")
"""A quarter of a year in words, in lower case: "third-quarter", "the third quarter", "3rd quarter" are "Q3
quarter", as "Q3" is, a figure and a word (round 84: a paper's "Q3 profit" for the agency's "third-quarter
profit"; two words either way, so that a wire's short line keeps its size)."""
_ORDINAL = re.compile(r"([0-9]{1,3})(?:st|nd|rd|th)")
_MILLIONS = frozenset(
    [
        *["mio", "millions", "millionen", "miljoen", "miljoenen", "milioni", "milione", "millones"],
        *["millón", "millon", "milhões", "milhão", "milion", "miliona", "miliony", "milionów"],
        *["milionů", "milionu", "milionech", "milioane", "milioanele", "milión", "milióna", "milióny"],
        *["miliónov", "miliónu", "milyon", "milijuna", "milijun", "milijune"],
        *["млн", "мільйона", "мільйонів", "мільйон", "миллиона", "миллионов", "миллион", "juta"],
        *["милиона", "милион", "милиони", "milions", "milijonas", "milijonai", "milijonų", "milijono"],
        *["milijoną", "miljons", "miljoni", "miljonu", "miljonus", "miljonā", "milj", "miljoonaa"],
        *[
            "milijonov",
            "milijona",
            "milijone",
            "milijoni",
            "miljonit",
            "miljoni",
            "miljon",
            "milyon",
            "milioni",
        ],
    ]
)
_BILLIONS = frozenset(
    [
        *["mrd", "md", "mds", "mld", "milliard", "milliards", "milliarde", "milliarden", "miljard"],
        *["miljarden", "miliardi", "miliardo", "miliard", "miliarda", "miliardy", "miliardów"],
        *["miliardu", "miliardách", "miliarde", "miliárd", "milyar", "milijarde", "milijardi", "milijarda"],
        *["млрд", "мільярда", "мільярдів", "мільярд", "миллиарда", "миллиардов", "миллиард", "miliar"],
        *["милиарда", "милиард", "милиарди", "bilhões", "bilhão", "milijardas", "milijardai"],
        *["milijardų", "milijardo", "milijardą", "miljards", "miljardi", "miljardu", "miljardus", "mljrd"],
        *["miljardia", "milijard", "miljardit", "bilyon", "bilioni"],
    ]
)
"""A number's unit in millions and in billions (10⁹; not Spanish "billones", 10¹²) in the words and short
forms of German, French, Dutch, Italian, Spanish, Portuguese and Polish, after a space ("2,5 Mio. Euro", "62
miljoen", "1,2 Md€", "20 milioni di euro", "2,5 miliona złotych"): read as the short forms "mln" and "bln"
that Dutch and Italian papers write too ("€62 mln", "20 mln"); and since sessions 52 and 53 in Czech, Slovak,
Romanian, Turkish, Croatian, Ukrainian, Russian, Indonesian, Bulgarian, Catalan, Lithuanian, Latvian,
Slovenian, Estonian, Finnish and Brazilian Portuguese ("млн.", "milijonai", "5 milj.", "miljonit",
"bilhões"). Not English "million" and "billion", which stay other words than Reuters' "mln" and "bln" (making
them one churned Reuters' matches, docs/dedup.md)."""
_PERCENT = frozenset(["prozent", "procent", "percent", "proc", "procentu"])
_PERCENT_TWO = frozenset(
    [("per", "cent"), ("pour", "cent"), ("por", "ciento"), ("per", "cento"), ("por", "cento")]
)
_PERCENT_MORE = frozenset(
    [
        *["persen", "відсотка", "відсотків", "відсоток", "відсотки", "процента", "процентов"],
        *["процентів", "la sută", "la suta", "procentų", "procentai", "procentus", "procento"],
        *["procentais", "procenti", "procentiem", "odsto", "procenata", "procenta", "odstotkov", "odstotka"],
        *[
            "odstotke",
            "odstotki",
            "protsenti",
            "protsendi",
            "प्रतिशत",
            "फीसदी",
            "फ़ीसदी",
            "\u095eीसदी",
            "بالمئة",
            "بالمائة",
        ],
        *[
            "في المئة",
            "في المائة",
            "فی المئة",
            "فی المائة",
            "אחוזים",
            "אחוז",
            "درصد",
            "শতাংশ",
            "porsiyento",
            "porsyento",
        ],
    ]
)
"""A percentage's sign in words, after its number, in English, German, Dutch, French, Spanish, Italian,
Portuguese and Polish ("12 per cent", "6 percent", "17 Prozent", "80 por cento", "12 proc."), and after digits
or a number in words of :data:`_WORD_DIGITS` in Indonesian, Ukrainian, Russian and Romanian ("12 persen", "12
відсотків", "12 la sută"; session 52), Serbian, Lithuanian, Latvian, Slovenian and Estonian ("5,75 odsto", "12
procentų", "4 procentiem", "6 odstotkov", "12 protsenti"), Hindi, Bengali, Arabic, Hebrew and Persian ("12
प्रतिशत", "12 শতাংশ", "12 بالمئة", "12 אחוזים", "12 درصد"; session 53): dropped, as "%" is no word (a paper
writes "per cent" where the agency wrote "%"). Not Reuters' "pct", which stays a word (making it one with "%"
churned Reuters' matches, docs/dedup.md)."""
_HOUR = re.compile(r"([0-9]{1,2})[hH]([0-9]{2})?")
_PC = re.compile(r"([0-9]+)pc")
"""A percentage with "pc" run together, as British and Pakistani papers write it ("48pc" is "48%")."""
_GLUED_UNIT = re.compile(
    r"([0-9]+)(km|kg|cm|mm|ml|mg|mcg|kph|kmh|kmph|mph|gwh|mwh|kwh|twh|gw|mw|kw|secs|sec|mins|min)",
    re.IGNORECASE,
)
"""A number with its unit run together ("28km", "9.6GW", "25bp"; "41sec", "90min" since round 125): two words,
as "28 km" is ("seconds" and "minutes" read "sec" and "min", :data:`_UNITS`)."""
_GLUED_DEGREES = re.compile(r"([0-9]{1,3})([CF])")
"""A temperature with its scale's letter run together ("44C", "68F"): two words, as "44°C" is."""
_SCALES = {"celsius": "C", "centigrade": "C", "c": "C", "fahrenheit": "F", "f": "F"}
"""A temperature's scale after "degrees", as the letter that "44C" and "44°C" have."""
_GLUED_THOUSANDS = re.compile(r"([0-9]{1,3})mila", re.IGNORECASE)
"""A number of thousands with Italian "mila" run together ("40mila euro"): "40 mila", 40000 (not "mil":
English "$40mil" is millions; review 49)."""
_GLUED_RANK = re.compile(r"N[Oo]([0-9]{1,3})")
"""A rank with its figure run together, as tabloids write it ("Christmas No1"): "No 1"."""
_THOUSANDS = re.compile(r"([1-9][0-9]{0,2})[kK]")
"""A number of thousands with a "K" run together ("150K", "90k"): the same number as "150,000"."""
_QUOTE = re.compile(r"[\"“”„«»]|``|''")
_QUOTE_MARK = re.compile("[\"“”„«»'‘’]")


# ("metre" and "litre" are units, below)
_RE_ER = ("centre", "theatre", "fibre", "calibre", "sombre", "spectre", "manoeuvre")
_OUR_OR = (
    *("colour", "favour", "honour", "labour", "neighbour", "behaviour", "harbour", "rumour", "humour"),
    *("vigour", "armour", "endeavour", "savour", "odour", "flavour", "parlour", "tumour"),
)
_ISE_IZE = (
    *("organis", "recognis", "realis", "apologis", "criticis", "emphasis", "minimis", "maximis", "prioritis"),
    *("mobilis", "stabilis", "normalis", "authoris", "characteris", "summaris", "utilis", "privatis"),
    *("globalis", "modernis", "hospitalis", "legalis", "finalis", "capitalis", "specialis", "visualis"),
    *("symbolis", "subsidis", "jeopardis", "scrutinis", "sympathis"),
)
_LL_L = (
    *("travell", "cancell", "modell", "labell", "fuell", "signall", "counsell", "levell", "totall"),
    "channell",
)
_BRITISH = {
    **{"analyse": "analyze", "analysed": "analyzed", "analyses": "analyzes", "analysing": "analyzing"},
    **{"paralysed": "paralyzed", "defence": "defense", "offence": "offense", "offences": "offenses"},
    **{"licence": "license", "licences": "licenses", "pretence": "pretense", "practise": "practice"},
    **{"programme": "program", "programmes": "programs", "catalogue": "catalog", "dialogue": "dialog"},
    **{"ageing": "aging", "judgement": "judgment", "acknowledgement": "acknowledgment", "grey": "gray"},
    **{"jewellery": "jewelry", "sceptical": "skeptical", "sceptic": "skeptic", "cheque": "check"},
    **{"cheques": "checks", "tyre": "tire", "tyres": "tires", "mould": "mold", "paediatric": "pediatric"},
    **{"paediatrician": "pediatrician", "anaemia": "anemia", "haemorrhage": "hemorrhage", "foetus": "fetus"},
    **{"diarrhoea": "diarrhea", "oestrogen": "estrogen", "aluminium": "aluminum", "enrol": "enroll"},
    **{"enrolment": "enrollment", "fulfil": "fulfill", "artefact": "artifact", "artefacts": "artifacts"},
    **{"storey": "story", "pyjamas": "pajamas", "plough": "plow", "draught": "draft", "cosy": "cozy"},
    **{"moustache": "mustache", "marshalled": "marshaled", "marshalling": "marshaling"},
}
_UNITS = (
    (
        "kilometre kilometres kilometer kilometers kms kilometern kilomètre kilomètres kilómetro kilómetros "
        "chilometro chilometri quilómetro quilómetros quilômetro quilômetros "
        "kilometrů kilometry kilometru kilometrech kilometri kilometrii kilometrów kilometrov",
        "km",
    ),
    ("metre metres meter meters metern metrů metri metrov", "m"),
    (
        "centimetre centimetres centimeter centimeters centimètres centímetros centimetri centimetrů "
        "centimetry centymetrów centymetry centimetrov zentimeter zentimetern",
        "cm",
    ),
    (
        "millimetre millimetres millimeter millimeters millimetern millimètres milímetros millimetri "
        "milimetrů milimetry milimetri milimetrów milimetrov",
        "mm",
    ),
    ("kilogram kilograms kilogramme kilogrammes kilo kilos kgs kilogramm kilogramos chilogrammi", "kg"),
    ("millilitre millilitres milliliter milliliters", "ml"),
    ("milligram milligrams milligramme milligrammes", "mg"),
    ("microgram micrograms microgramme microgrammes", "mcg"),
    ("litre litres liter liters", "l"),
    ("kph kmph kmh", "kmh"),
    ("bilion", "billion"),
    ("seconds secs", "sec"),
    ("minutes mins", "min"),
    ("gigawatt gigawatts", "gw"),
    ("megawatt megawatts", "mw"),
    ("kilowatt kilowatts", "kw"),
    ("tysięcy tysiące tysiąc tysiąca", "tys"),
    ("złotych złote złoty złotego", "zł"),
    ("korun koruny korunu korunách", "kč"),
    ("гривень гривні гривня гривню", "грн"),
    ("лева лев", "лв"),
)


def _spelling() -> dict[str, str]:
    """British spellings and their American forms, and units' words and their short forms (see
    :data:`_SPELLING`)."""
    out: dict[str, str] = {}
    for british in _RE_ER:  # -re / -er
        american = british[:-2] + "er"
        out |= {british: american, british + "s": american + "s", british + "d": american + "ed"}
    for stem in _OUR_OR:  # -our / -or
        for end in ("", "s", "ed", "ing", "ful", "able", "ite", "ites", "hood", "er", "ers"):
            out[stem + end] = stem[:-2] + "r" + end
    for stem in _ISE_IZE:  # -ise / -ize
        for end in ("e", "es", "ed", "ing", "er", "ers", "ation", "ations"):
            out[stem + end] = stem[:-1] + "z" + end
    for stem in _LL_L:  # a doubled l
        for end in ("ed", "ing", "er", "ers"):
            out[stem + end] = stem[:-1] + end
    out |= _BRITISH
    out |= {w.translate(_FOLDED): str(n) for n, names in _AS_DIGITS for w in names.split()}  # as folded
    for forms, short in _UNITS:
        out |= dict.fromkeys(forms.split(), short)
    return out


_SPELLING = _spelling()
"""Words compared in one form: a British spelling in its American form ("centred" as "centered",
"labour" as "labor", "organisation" as "organization", "programme" as "program", "travelled" as
"traveled"), a unit's word in its short form ("kilometres" and "kilometers" as "km", "metres" as
"m"; Polish "tysięcy" as "tys.", "złotych" as "zł"): wire copy reprinted in the other variety of English, a
unit spelt out or not."""


_HINDI_YE = re.compile(
    "(?<=[\u0900-\u097f])\u092f([\u0947\u0940])(?=\u0902?(?:\u0917[\u093e\u0940\u0947])?$)"
)


def _normal(word: str) -> str:
    """The form a word is compared in: NFKC, case-folded, apostrophes folded, a British spelling in its
    American form and a unit's word in its short form (:data:`_SPELLING`).

    >>> [_normal(w) for w in ("Centred", "labour", "Organisation’s", "kilometres", "It’s", "hour")]
    ['centered', 'labor', "organization's", 'km', "it's", 'hour']

    A Swedish, Danish or Norwegian day in its definite or genitive form or in a compound is the day:

    >>> [_normal(w) for w in ("Lørdagens", "torsdagsmorgonen", "onsdagskvällen", "tisdags", "mandat")]
    ['lørdag', 'torsdag', 'onsdag', 'tisdag', 'mandat']
    >>> [_normal(w) for w in ("fredagsmys", "Søndagsavisen", "torsdagar", "søndager")]
    ['fredagsmys', 'søndagsavisen', 'torsdag', 'søndag']

    So is a Polish day or month in its cases or as an adjective:

    >>> [_normal(w) for w in ("wtorku", "niedzielnym", "sobotnim", "środę", "lipca", "listopadzie", "marca")]
    ['wtorek', 'niedziela', 'sobota', 'środa', 'lipiec', 'listopad', 'marca']

    (dates in lower case only, :data:`_LOWER_ONLY`: "Marcu" reads "marzec" but is no date).
    """
    norm = unicodedata.normalize("NFKC", word).casefold().translate(_FOLDED)
    if norm.endswith("'s") and norm[:-2] in _SPELLING:
        return _SPELLING[norm[:-2]] + "'s"  # "the organisation's"
    day = _NORDIC_DAY_FORMS.match(norm)
    if day is not None:
        return day[1]  # "lørdagens", "torsdagsmorgonen": the day (round 79)
    date = _POLISH_DATE_FORMS.get(norm)
    if date is not None:
        return date  # "we wtorku", "niedzielnym", "3 lipca": the day, the month (round 87)
    if not norm:
        return word  # (a tatweel alone, "ـ": no empty word)
    if "\u092f" in norm:
        norm = _HINDI_YE.sub(lambda m: "\u090f" if m[1] == "\u0947" else "\u0908", norm)
    return _SPELLING.get(norm, norm)


def _hash(norm: str) -> int:
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=2).digest(), "big")


@lru_cache(maxsize=1 << 18)
def word_hash(word: str) -> int:
    """A stable 16-bit hash of a normalised word (NFKC, case-folded, apostrophes folded).

    >>> word_hash("it's") == word_hash("It’s")
    True
    """
    return _hash(_normal(word))


_CARDINALS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion mln bln dozen "
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
    "sechzehn siebzehn achtzehn neunzehn zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig "
    "neunzig hundert tausend millionen milliarde milliarden mio mrd "
    "deux trois quatre cinq huit dix douze treize quatorze quinze vingt trente quarante cinquante "
    "soixante septante huitante octante nonante "
    "tres cuatro cinco seis siete ocho nueve diez trece catorce quince veinte treinta cuarenta "
    "quattro cinque sette nove dieci undici dodici tredici quattordici quindici "
    "twee vier vijf zes zeven negen tien twaalf dertien veertien vijftien twintig dertig veertig "
    "dois duas três quatro cinco sete oito dez treze catorze quinze vinte trinta quarenta "
    "零 〇 一 二 三 四 五 六 七 八 九 十 百 千 万 萬 亿 億 两 兩"
)
_NUMBER_WORDS = frozenset(w.casefold() for w in _CARDINALS.split()) | frozenset(
    w for names in _SPELLED_PL.values() for w in names.split()
)
"""Cardinal numbers written out, case-folded (English, German, French, Spanish, Italian, Dutch, Portuguese,
Polish in its commonest forms, :data:`_SPELLED_PL`; not "one"/"ein"/"un"/"een", which
are also pronouns and articles, nor a number that is also a common word of another language: "once", "due",
"sei", "sept", "neuf", "otto", "tre", "venti", "dos", "onze", "seize", "doce", "doze"), and the numerals of
Chinese and Japanese (each character a word): figures like digits ("第二季度" is no copy of "第一季度")."""
_STYLED_BETWEEN = re.compile(
    r"between\s+(?:\S*[0-9]|(?:"
    + "|".join(sorted(_NUMBER_WORDS | set(_SMALL_WORDS_EN), key=len, reverse=True))
    + r")\b)"
)
"""A range of figures with "between", in lower case ("between 1998 and 2010", "between five and ten":
:func:`_between`, which looks for its "and")."""
_UNIT_FIGURES = frozenset(
    [
        *["km", "cm", "mm", "kg", "ml", "mg", "mcg", "mile", "miles", "ft", "feet", "lb", "lbs"],
        *["gw", "mw", "kw", "gwh", "mwh", "kwh", "twh", "kmh", "mph"],
    ]
)
"""Units' short forms (a unit's word reads as its short form, :data:`_SPELLING`), figures like the number
before them: "28km" is no copy of "28 miles", "40GW" none of "40MW" (round 76). Not "m" or "l", which
are initials too ("M. Dupont"). A speed is one word, "kmh" or "mph", however written (:func:`_speed`)."""
_DIGIT = re.compile(r"\d")

# weekday and month names with the short forms a copy may write instead ("Jan 20" for "January
# 20"; the short forms are no dates themselves: "Jan", "Sun", "Wed", "Do" are also names and words).
# English and German write them with a capital, French and Spanish (and Swedish, Danish, Norwegian,
# Dutch and Italian days) in lower case (with a capital at a sentence's start): "march" (a verb) and
# "Mars" (the planet) are no months, nor "Domingo" (a name) a day. Not "May" (a verb, a name), unless
# a number or a preposition stands beside it (:func:`may_dates`).
_DAYS_CAPITAL = {
    "monday": "mon",
    "tuesday": "tue tues",
    "wednesday": "wed",
    "thursday": "thu thur thurs",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
    "montag": "mo",
    "dienstag": "di",
    "mittwoch": "mi",
    "donnerstag": "do",
    "freitag": "fr",
    "samstag": "sa sonnabend",
    "sonnabend": "sa samstag",
    "sonntag": "so",
}
_NORDIC_DAYS = (
    *("måndag", "tisdag", "lördag", "söndag"),
    *("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
)
_NORDIC_DAY_FORMS = re.compile(
    "(" + "|".join(_NORDIC_DAYS) + ")(?:e|en|ene|ens|er|ar|arna|s"
    "|s(?:morgon|kväll|eftermiddag|förmiddag|natt|morgen|kveld|aften|ettermiddag|formiddag|nat)"
    "(?:en|ens|ten|tens|a|ar|er)?)$"
)
"""Swedish, Danish and Norwegian days, compared as the day in their definite and genitive forms and in
compounds with a part of the day ("lørdagen", "lørdagens", "i tisdags", "torsdagsmorgonen", "torsdagar":
:func:`_normal`; not "fredagsmys", "Søndagsavisen": review 50)."""
_HARD_ADJ = ("y", "a", "e", "ego", "ym", "ej", "ych", "ą", "emu", "ymi")
_SOFT_ADJ = ("i", "ia", "ie", "iego", "im", "iej", "ich", "ią", "iemu", "imi")
_POLISH_DATES = {
    "poniedziałek": ("poniedziałk", ("u", "i", "owi"), "poniedziałkow", _HARD_ADJ),
    "wtorek": ("wtork", ("u", "i", "owi"), "wtorkow", _HARD_ADJ),
    "środa": ("środ", ("ę", "y", "ą", "owy", "owa", "owe", "owego", "owym", "owej"), "środzie", ()),
    "czwartek": ("czwartk", ("u", "i", "owi"), "czwartkow", _HARD_ADJ),
    "piątek": ("piątk", ("u", "i", "owi"), "piątkow", _HARD_ADJ),
    "sobota": ("sobot", ("ę", "y", "ą"), "sobotn", _SOFT_ADJ),
    "niedziela": ("niedziel", ("ę", "i", "ą"), "niedzieln", _HARD_ADJ),
    "styczeń": ("styczni", ("a", "u"), "styczniow", _HARD_ADJ),
    "luty": ("lut", ("ego", "ym"), "lutow", _HARD_ADJ),
    "marzec": ("marc", ("u",), "marcow", _HARD_ADJ),
    "kwiecień": ("kwietni", ("a", "u"), "kwietniow", _HARD_ADJ),
    "maj": ("maj", ("u",), "majow", _HARD_ADJ),
    "czerwiec": ("czerwc", ("a", "u"), "czerwcow", _HARD_ADJ),
    "lipiec": ("lipc", ("a", "u"), "lipcow", _HARD_ADJ),
    "sierpień": ("sierpni", ("a", "u"), "sierpniow", _HARD_ADJ),
    "wrzesień": ("wrześni", ("a", "u"), "wrześniow", _HARD_ADJ),
    "październik": ("październik", ("a", "u"), "październikow", _HARD_ADJ),
    "listopad": ("listopad", ("a",), "listopadzie", ()),
    "grudzień": ("grudni", ("a", "u"), "grudniow", _HARD_ADJ),
}
_POLISH_DATE_FORMS = {
    stem + end: name
    for name, (stem, ends, adj, adj_ends) in _POLISH_DATES.items()
    for stem, end in [*((stem, e) for e in ends), *((adj, e) for e in adj_ends or ("",))]
}
"""Polish days and months in their cases and as adjectives, compared as the name ("we wtorek", "we wtorku",
"wtorkowy"; "w niedzielę", "niedzielnym konkursie"; "3 lipca", "w marcu": :func:`_normal`; round 87). Not
"marca" and "maja", which are Spanish, Italian and Portuguese words ("la marca", "muy maja"; review 51)."""
_DAYS_LOWER = {
    "lundi": "lun",
    "mardi": "mar",
    "mercredi": "mer",
    "jeudi": "jeu",
    "vendredi": "ven",
    "samedi": "sam",
    "dimanche": "dim",
    "lunes": "lun",
    "martes": "mar",
    "miércoles": "miér mié",
    "jueves": "jue",
    "viernes": "vie",
    "sábado": "sáb",
    "domingo": "dom",
    # Swedish, Danish and Norwegian, Dutch and Italian, which write them in lower case too (round 79:
    # "lørdag eftermiddag" is another day's forecast than "fredag eftermiddag")
    **dict.fromkeys(_NORDIC_DAYS, ""),
    **dict.fromkeys(["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"], ""),
    **{d + "ì": d + "i" for d in ("luned", "marted", "mercoled", "gioved", "venerd")},
    **{d + "i": d + "ì" for d in ("luned", "marted", "mercoled", "gioved", "venerd")},
    **dict.fromkeys(["sabato", "domenica"], ""),
    **dict.fromkeys(list(_POLISH_DATES)[:7], ""),
}
_MONTHS_CAPITAL = {
    "january": "jan",
    "february": "feb",
    "march": "mar",
    "april": "apr",
    "june": "jun",
    "july": "jul",
    "august": "aug",
    "september": "sep sept",
    "october": "oct",
    "november": "nov",
    "december": "dec",
    "januar": "jan jän jänner",
    "jänner": "jan jän januar",
    "februar": "feb",
    "märz": "mär mrz",
    "mai": "",
    "juni": "jun",
    "juli": "jul",
    "oktober": "okt",
    "dezember": "dez",
}
_MONTHS_LOWER = {
    "janvier": "janv",
    "février": "févr fév",
    "mars": "",
    "avril": "avr",
    "mai": "",
    "juin": "",
    "juillet": "juil",
    "août": "",
    "septembre": "sept",
    "octobre": "oct",
    "novembre": "nov",
    "décembre": "déc",
    "enero": "ene",
    "febrero": "feb",
    "marzo": "mar",
    "abril": "abr",
    "mayo": "may",
    "junio": "jun",
    "julio": "jul",
    "agosto": "ago",
    "septiembre": "sept sep setiembre",
    "setiembre": "sept sep septiembre",
    "octubre": "oct",
    "noviembre": "nov",
    "diciembre": "dic",
    **dict.fromkeys(list(_POLISH_DATES)[7:], ""),
}
_DATE_CAPITAL = {**_DAYS_CAPITAL, **_MONTHS_CAPITAL}
_EN_MONTH_COUNT = list(_MONTHS_CAPITAL).index("december") + 1
"""The English months open :data:`_MONTHS_CAPITAL` ("may" is not among them, :func:`may_dates`)."""
_EN_MONTHS = frozenset(
    [
        *list(_MONTHS_CAPITAL)[:_EN_MONTH_COUNT],
        "may",
        *" ".join(list(_MONTHS_CAPITAL.values())[:_EN_MONTH_COUNT]).split(),
    ]
)
"""English months and their short forms, in lower case (:func:`_day_of_month`)."""
_LOWER_ONLY = frozenset(["mars", "domingo", "mayo", *_POLISH_DATES])
"""French, Spanish and Polish names that are a date only in lower case (the planet, a name, a county;
"Marcu"). Not Italian "Sabato", "Domenica" nor Dutch "Vrijdag", names too, which open a sentence as days far
more often ("Sabato il sindaco ha annunciato ..."; review 50)."""
_DATE_LOWER = {**_DAYS_LOWER, **_MONTHS_LOWER}
_DAYS = {**_DAYS_CAPITAL, **_DAYS_LOWER}
_RELATIVE_DAYS = (
    "today yesterday tonight tomorrow week weekend last today's yesterday's tonight's tomorrow's weekend's "
    "heute gestern morgen vorgestern übermorgen woche "
    "aujourd'hui hier demain semaine "
    "hoy ayer mañana anoche anteayer semana "
    "idag igår imorgon ikväll inatt vecka veckan helgen ikveld iaften inat uke uka uge weekenden "
    "vandaag gisteren vanavond vannacht gisteravond week weekend "
    "oggi ieri domani stasera stamattina stanotte settimana"
)
"""What a day may stand for ("on Monday night" for "last night", "On Monday" for "Last week"; Swedish,
Danish, Norwegian, Dutch and Italian ones since their days are figures, review 50; not Polish ones, whose
16-bit hashes are English words': "wczoraj" is "men", "weekendu" "team", review 51), with
the :data:`RELATIVE_MARKERS` beside them and nothing else: "until Monday next week" is no copy of
"until Friday this week", nor "on Tuesday" of "last Friday"."""


def is_figure(word: str) -> bool:
    """Whether a word is a figure: its normal form holds a digit (an amount, a date, a score;
    "²" is "2"), is a cardinal written out, or names a weekday or a month (:func:`figure_kind`).

    >>> [is_figure(w) for w in ("26", "3rd", "Seven", "dreißig", "km²", "one", "Tuesday", "may")]
    [True, True, True, True, True, False, True, False]
    """
    return _figure_kind_written(word, _normal(word)) > 0


def figure_kind(word: str) -> int:
    """0 for a word that is no figure, 1 for a number (a digit, a cardinal), 2 for a weekday or month.

    A day or a month is a figure of a date: "until Monday" is no copy of "until Friday", "rises
    in March" none of "rises in February" (another day's, another month's report). Unlike a
    number it may stand for its short form in the earlier text, and a day for a relative day
    (:func:`date_aliases`). English and German names count with a capital, French and Spanish
    ones in lower case or opening a sentence (not "Mars", "Domingo", "Mayo"); a day's possessive or
    plural is the day ("Friday's", "Mondays").

    >>> [figure_kind(w) for w in ("26", "seven", "Sonntag", "mars", "Jan", "the", "Monday's")]
    [1, 1, 2, 2, 0, 0, 2]
    >>> [figure_kind(w) for w in ("march", "Mars", "Domingo", "MARCH", "Mondays", "May", "Mardi", "LUNDI")]
    [0, 0, 0, 2, 2, 0, 2, 2]
    """
    return _figure_kind_written(word, _normal(word))


def _figure_kind_written(word: str, norm: str) -> int:
    """:func:`figure_kind` of ``word``, whose normal form (:func:`_normal`) is ``norm``."""
    if (
        norm in _NUMBER_WORDS
        or norm in _UNIT_FIGURES
        or (not norm.isalpha() and _DIGIT.search(norm) is not None)
    ):
        return 1
    name = _date_name(norm)
    if name is None:
        return 0
    if word[:1].isupper():
        # a French or Spanish name opens a sentence or a headline in capitals ("Mardi, le ministre
        # ...", "LUNDI"), unless it is also a name: "Mars", "Domingo", "Mayo"
        return 2 if name in _DATE_CAPITAL or (name in _DATE_LOWER and name not in _LOWER_ONLY) else 0
    return 2 if name in _DATE_LOWER else 0


def _date_name(norm: str) -> str | None:
    """The day or month name ``norm`` is, or its possessive or a day's plural ("friday's", "mondays")."""
    if norm in _DATE_CAPITAL or norm in _DATE_LOWER:
        return norm
    base = norm.removesuffix("'s")
    if base != norm and base in _DATE_CAPITAL:
        return base
    if norm.endswith("s") and norm[:-1] in _DAYS:
        return norm[:-1]
    return None


_MAY_AFTER = frozenset(["in", "until", "till", "since", "early", "late", "mid"])


def may_dates(ws: list[str], flags: bytes, bounds: Sequence[int] = ()) -> bytes:
    """``flags`` (:func:`word_figures`) with "May" marked a month (2) where it is one: beside a
    number ("May 5", "5th May") or after "in", "until", "since", "early", "late" or "mid";
    elsewhere it is a verb or a name ("Theresa May said", "pressure on May to resign"). Only words
    of the same passage count (``bounds``: the passages' word offsets; none: one passage).

    >>> list(may_dates(["rose", "in", "May", "as", "Theresa", "May", "said", "on", "5th", "MAY"], b""))
    [0, 0, 2, 0, 0, 0, 0, 0, 0, 2]
    >>> may_dates(["votes", "to", "202", "May", "said"], b"", [0, 3, 5])  # "202." ended the sentence
    b''
    """
    out = bytearray(flags or bytes(len(ws)))
    ends = list(bounds[1:]) if len(bounds) > 1 else [len(ws)]
    for i, w in enumerate(ws):
        if w != "May" and w != "MAY":
            continue
        k = bisect.bisect_right(ends, i)
        lo = bounds[k] if len(bounds) > 1 else 0
        hi = ends[k] if k < len(ends) else len(ws)
        before = ws[i - 1] if i > lo else ""
        after = ws[i + 1] if i + 1 < hi else ""
        if before.casefold() in _MAY_AFTER or before[:1].isdigit() or after[:1].isdigit():
            out[i] = 2
    return bytes(out) if any(out) else b""


def date_aliases(word_hash_: int) -> frozenset[int]:
    """Hashes of the words an earlier text may have where a copy has the day or month ``word_hash_``:
    the name's short form ("January 20" for "Jan 20") or another form of it ("the December accord"
    for "last December's accord"), for a day a relative day ("on Monday" for "yesterday",
    "Monday's" for "today's"), for a month a relative month ("in April" for "next month"). Empty
    for any other word.

    >>> word_hash("yesterday") in date_aliases(word_hash("Monday"))
    True
    >>> word_hash("jan") in date_aliases(word_hash("January")), date_aliases(word_hash("the"))
    (True, frozenset())
    >>> march, april = date_aliases(word_hash("March")), date_aliases(word_hash("April"))
    >>> word_hash("yesterday") in march, word_hash("month") in april
    (False, True)
    """
    return _DATE_ALIASES.get(word_hash_, frozenset())


def number_aliases(word_hash_: int) -> frozenset[int]:
    """Hashes of the words an earlier text may have where a copy has the number ``word_hash_``: the
    same number in words or in digits ("knifed 11 times" for "knifed eleven times", "six years"
    for "6 years"; one to twenty and the tens to ninety, German eins to zwölf; English ordinals to the
    twentieth, "5th" for "fifth"; no ordinal for its bare number: "finished second" and "finished 2nd" are no
    copies of "finished 2 seconds", reviews 51; French ordinals, "3e" for "troisième"; Polish numbers in
    words), a unit in another style ("million" for "mln", "Millionen" for "Mio."). Empty for any other word.

    >>> word_hash("eleven") in number_aliases(word_hash("11"))
    True
    >>> word_hash("6") in number_aliases(word_hash("six"))
    True
    >>> number_aliases(word_hash("121"))
    frozenset()
    >>> h = word_hash
    >>> h("2") in number_aliases(h("2nd")), h("2") in number_aliases(h("second"))
    (False, False)
    >>> word_hash("mln") in number_aliases(word_hash("million"))
    True
    >>> fifth, twelfth = number_aliases(word_hash("5th")), number_aliases(word_hash("twelfth"))
    >>> word_hash("fifth") in fifth, word_hash("12th") in twelfth
    (True, True)
    >>> [word_hash(w) in number_aliases(word_hash(o)) for w, o in (("3e", "troisième"), ("1er", "premier"))]
    [True, True]
    """
    return _NUMBER_ALIASES.get(word_hash_, frozenset())


def _number_aliases() -> dict[int, frozenset[int]]:
    # ordinals in English: "5th" for "fifth" ("finished 5th", "for the 6th consecutive year")
    out: dict[int, frozenset[int]] = {}
    for n, names in _SPELLED.items():
        words_ = names.split()
        out[_hash(str(n))] = frozenset(_hash(w) for w in words_)
        for w in words_:
            out[_hash(w)] = frozenset([_hash(str(n))])

    numbers = {_hash(str(i)) for i in range(1000)}

    def add(a: str, b: str) -> None:
        """``a`` (digits) and ``b`` (a word) as each other's aliases, added to (never replacing) what a
        16-bit hash already has; not a word whose hash is a number's too ("fifty" has the hash of "21")."""
        if _hash(b) in numbers:
            return
        out[_hash(a)] = out.get(_hash(a), frozenset()) | {_hash(b)}
        out[_hash(b)] = out.get(_hash(b), frozenset()) | {_hash(a)}

    for n, names in _SPELLED_TENS.items():
        for w in names.split():
            add(str(n), w)
    for n, name in enumerate(_ORDINALS_EN, 1):
        add(f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}", name)
    # (no ordinal in digits is an alias of its bare number: "finished 2nd" is no copy of "finished 2
    # seconds"; a third review)
    # Polish forms and French ordinals, unless a form's 16-bit hash is a number's below 10,000, a round
    # number's (two significant figures, to a billion) or another number word's: an alias by hash would make
    # "11" a copy of "9,288" ("jedenaście" has its hash; review 51). Any word's hash is some larger
    # number's: a limit of the hashes that the other languages' number words share
    taken = (
        set(out)
        | {_hash(str(i)) for i in range(10000)}
        | {_hash(str(i * 10**k)) for i in range(100) for k in range(8)}
    )
    for n, names in _SPELLED_PL.items():
        for w in names.split():
            if _hash(w) not in taken:
                add(str(n), w)
    # French ordinals: "3e" and "3ème" for "troisième", "1er" for "premier" (round 95), guarded alike: an
    # alias of a hash that a number below 10,000 shares makes that number a copy of the ordinal's (review 51)
    french = [(f"{n}{end}", name) for n, name in enumerate(_ORDINALS_FR, 2) for end in ("e", "ème", "è")]
    french += [("1er", "premier"), ("1re", "première"), ("1ère", "première"), ("2nd", "second")]
    for short, name in french:
        if _hash(short) not in taken and _hash(name) not in taken:
            add(short, name)
    # a unit in another house style: Reuters' "22 mln" for a paper's "22m" ("22 million"), German
    # "22 Mio." for "22 Millionen"
    for group in ("million mln mio millionen", "billion bln milliarde milliarden mrd"):
        units = [_hash(w) for w in group.split()]
        for u in units:
            out[u] = out.get(u, frozenset()) | frozenset(units) - {u}
    return out


_NUMBER_ALIASES = _number_aliases()


_RELATIVE_MONTHS = "month month's monat monats mois mes"
"""What a month may stand for: "this month", "next month" ("in April" for "next month"), not "last
year"."""
YEARS = frozenset(_hash(str(year)) for year in range(1950, 2100))
"""Hashes of the years 1950 to 2099 in digits."""
RELATIVE_YEAR = frozenset(_hash(w) for w in ["next", "this", "last", "coming", "year", "year's"])
"""The two words a year in digits may stand for in the earlier text: "next year", "this year" ("in 2001" for
"go ahead next year"; not "the same year", "the next year": another year when the text named one)."""
RELATIVE_DAYS = frozenset(_hash(w) for w in _RELATIVE_DAYS.split())
"""Hashes of the relative days ("today", "yesterday", "heute", "hier"): a wire's "today" is a paper's
"yesterday"."""
_PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
PARTS_OF_DAY = frozenset(_hash(w) for w in _PARTS_OF_DAY)
"""Hashes of the parts of a day."""
THIS_PART_OF_DAY = frozenset((_hash(a), _hash(b)) for a in ("this", "last") for b in _PARTS_OF_DAY)
"""Hashes of the two words a day may also stand for: "this afternoon", "last night" ("on Thursday" for
"this afternoon"); not a part of the day alone ("every night" is no "every Sunday"), nor beside the
day's own part ("on Thursday night" is no "this morning")."""
IN_A_DAY = frozenset(
    (_hash("i"), _hash(b))
    for b in ("dag", "går", "morgon", "morgen", "kväll", "kveld", "aften", "natt", "nat")
)
"""Hashes of the Swedish, Danish and Norwegian relative days in two words ("i dag", "i går", "i kväll"),
which a day may stand for; not "dag" or "kväll" alone ("varje dag" is no "varje fredag"; review 50)."""
RELATIVE_MARKERS = frozenset(
    _hash(w)
    for w in [
        *["this", "next", "last", "coming", "past", "previous", "earlier", "later", "the", "same"],
        *["diesen", "dieses", "diesem", "nächsten", "nächste", "letzten", "vergangenen", "kommenden"],
        *["ce", "cette", "prochain", "dernier", "este", "esta", "próximo", "pasado", "el"],
        *["nästa", "förra", "denna", "neste", "forrige", "næste", "sidste", "denne"],
        *["deze", "vorige", "volgende", "afgelopen", "komende", "questo", "questa", "scorso", "scorsa"],
        *["prossimo", "prossima"],
    ]
)
"""Hashes of the words that may stand beside a relative day or month in the earlier text ("next
month", "this morning", "the same month"): a date's aliases count only when every word where it
stands is one of these, an alias or a figure the later passage has too ("last Friday" is no
stand-in for "on Tuesday", "a month" nor "the 12 month period" for "in April")."""


def _aliases() -> dict[int, frozenset[int]]:
    out: dict[int, frozenset[int]] = {}
    for name, short in {**_DATE_LOWER, **_DATE_CAPITAL}.items():
        forms = [name, name + "'s", name + "s"] if name in _DAYS else [name, name + "'s"]
        relative = _RELATIVE_DAYS if name in _DAYS else _RELATIVE_MONTHS
        words_ = short.split() + forms + relative.split()
        for form in forms:
            out[_hash(form)] = out.get(_hash(form), frozenset()) | frozenset(_hash(w) for w in words_)
    return out


_DATE_ALIASES = _aliases()


_HASHES: dict[str, int] = {}
"""Bounded word -> hash cache of :func:`word_figures` (replaced when it reaches ``_HASHES_MAX``)."""
_HASHES_MAX = 1 << 18
_FIGURES: dict[str, int] = {}
"""The words of ``_HASHES`` (as written) that are figures, and their :func:`figure_kind` (replaced
with it)."""
_SPEECH_FORMS: set[str] = set()
"""Every word (as written) seen by :func:`word_figures` whose folded form is a speech verb."""
_POST_FORMS: set[str] = set()
"""... and those whose folded form is a post's verb (``_POSTS``)."""


def word_figures(ws: list[str]) -> tuple[list[int], bytes]:
    """:func:`word_hash` of every word, and per word its :func:`figure_kind` (1 a number, 2 a day or
    month, 0 no figure; ``b""`` when no word is a figure), through a bounded dict (the hot path of
    signatures).

    Also records, as a side effect, which of the words are speech verbs, for
    :func:`any_speech_verb`. A full cache is replaced, never emptied, and a word is marked a
    figure before it is cached: a thread that holds the caches (a thread runner cleans several
    documents at once) always finds its words in them, with their marks.

    >>> hashes, flags = word_figures(["It’s", "it's", "SAID", "26", "June"])
    >>> hashes[:3] == [word_hash("it's")] * 2 + [word_hash("said")], list(flags)
    (True, [0, 0, 0, 1, 2])
    >>> word_figures(["no", "figures"])[1]
    b''
    """
    global _HASHES, _FIGURES
    cache, figures = _HASHES, _FIGURES
    try:
        hashes = list(map(cache.__getitem__, ws))  # the usual case: every word seen before
    except KeyError:
        if len(cache) >= _HASHES_MAX:
            cache, figures = {}, {}
            _HASHES, _FIGURES = cache, figures
        for w in ws:
            if w not in cache:
                norm = _normal(w)
                kind = _figure_kind_written(w, norm)
                if kind:
                    figures[w] = kind
                if w.casefold() in _SPEECH:
                    _SPEECH_FORMS.add(w)
                elif w.casefold() in _POSTS:
                    _POST_FORMS.add(w)
                cache[w] = _hash(norm)
        hashes = list(map(cache.__getitem__, ws))
    if figures.keys().isdisjoint(ws):
        return hashes, b""
    return hashes, bytes(map(figures.get, ws, repeat(0)))


def any_speech_verb(ws: list[str], posts: bool = False) -> bool:
    """Whether one of ``ws`` is a speech verb, or with ``posts`` a post's verb too (beside a quotation:
    :data:`_POST_SPEECH`); every word must have passed :func:`word_figures`.

    >>> ws = ["Inbar", "SAID"]
    >>> _ = word_figures(ws)
    >>> any_speech_verb(ws), any_speech_verb(ws[:1])
    (True, False)
    >>> ws = ["Hart", "wrote", "on", "Instagram"]
    >>> _ = word_figures(ws)
    >>> any_speech_verb(ws), any_speech_verb(ws, posts=True)
    (False, True)
    """
    return not _SPEECH_FORMS.isdisjoint(ws) or (posts and not _POST_FORMS.isdisjoint(ws))


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Words of ``text[start:end]`` with absolute offsets.

    An amount's number and unit are two words, the unit written out: house styles write "£22m",
    "£22million" and "£22 million", "$1.5bn" and "$1.5 billion" for one figure (the units
    ``_AMOUNT`` finds; Reuters' "mln" stays "mln", "M. Macron" and "the 100 m final" stay).

    >>> words("He said. No.", 3)
    [('said', 3, 7), ('No', 9, 11)]
    >>> [w for w, _, _ in words("M. Dupont paid £22m, $1.5bn and 22million for 100 m")]
    ['M', 'Dupont', 'paid', '22', 'million', '1', '5', 'billion', 'and', '22', 'million', 'for', '100', 'm']
    >>> [w for w, _, _ in words("Up to 1.4m workers, 3.5 bn euros")]
    ['Up', 'to', '1', '4', 'million', 'workers', '3', '5', 'billion', 'euros']
    >>> words("£3 mn")
    [('3', 1, 2), ('million', 3, 5)]
    >>> [w for w, _, _ in words("within 200m of her home, the 100m final")]
    ['within', '200', 'm', 'of', 'her', 'home', 'the', '100', 'm', 'final']
    >>> [w for w, _, _ in words("a dividend of 4.1p, 4.1 pence, up 4p")]
    ['a', 'dividend', 'of', '4', '1p', '4', '1p', 'up', '4p']
    >>> [w for w, _, _ in words("won the 200m at Rome, cleared 6.02m")]
    ['won', 'the', '200', 'm', 'at', 'Rome', 'cleared', '6', '02', 'm']
    >>> [w for w, _, _ in words("the 400m viewers paid 6.02m")]
    ['the', '400', 'million', 'viewers', 'paid', '6', '02', 'million']

    A number's grouped thousands are one word, its digits run together ("3,400" as "3400" writes it):

    >>> words("cut 3,400 jobs and 1.200 Stellen")
    [('cut', 0, 3), ('3400', 4, 9), ('jobs', 10, 14), ('and', 15, 18), ('1200', 19, 24), ('Stellen', 25, 32)]
    >>> [w for w, _, _ in words("at 6-3/16 pct, 6 3/16 pct")]
    ['at', '6-3/16', 'pct', '6-3/16', 'pct']

    A time of day's "am" and "pm" is one word after its number, however set ("7am", "7 am", "7 a.m."):

    >>> [w for w, _, _ in words("since 7am, 7 a.m. and 7.30p.m.")]
    ['since', '7', 'am', '7', 'am', 'and', '7', '30', 'pm']

    Times, units and percentages in other languages' house styles read alike: "08:00", "8h", "8.00 Uhr"
    as "8"; "Mio.", "Millionen", "miljoen", "milioni", "M€" as "mln" and "Mrd.", "miljard", "Md€" as "bln"
    (Dutch and Italian write "mln" too); "per cent", "percent", "Prozent", "procent", "por cento" after a
    number dropped, as "%" is no word (English "million" and Reuters' "mln", "pct" stay as they were):

    >>> [w for w, _, _ in words("ab 08:00 Uhr, 8h30; 2,5 Mio. Euro, 62 miljoen, 12 M€")]
    ['ab', '8', 'Uhr', '8', '30', '2', '5', 'mln', 'Euro', '62', 'mln', '12', 'mln']
    >>> [w for w, _, _ in words("17 Prozent, 80 por cento, 48pc, 0.2pc, 12 per cent, 3 pcs, 28km")]
    ['17', '80', '48', '0', '2', '12', '3', 'pcs', '28', 'km']
    >>> [w for w, _, _ in words("up 6 percent, 2 pct, per cent of")]
    ['up', '6', '2', 'pct', 'per', 'cent', 'of']
    >>> [w for w, _, _ in words("4 mil personas, 180 mil usuarios, 20 mila persone, 2,5 mil millones")]
    ['4000', 'personas', '180000', 'usuarios', '20000', 'persone', '2500', 'mln']
    """
    stop = len(text) if end is None else end
    text = ascii_digits(text)
    found = [(m.group(), m.start(), m.end()) for m in word_pattern(text).finditer(text, start, stop)]
    grouped = [(m.start(), m.end()) for m in _GROUPED.finditer(text, start, stop)]
    if grouped:
        found = _join_grouped(found, grouped)
        # (a number with its fraction in one form, "6-3/16" for "6 3/16": not "6316", which is "6,316")
        found = [(w if "/" not in text[s:e] else text[s:e].replace(" ", "-"), s, e) for w, s, e in found]
    if may_hold_prefixed(text, start, stop):
        found = _prefixed(text, found)
    if _CLOCK.search(text, start, stop) is not None:
        found = _clock_words(text, found)
    if may_hold_styled(text, start, stop):
        found = _styled_figures(text, found)
    units = []  # (offset, written-out unit) of every amount's unit, ascending
    for m in _AMOUNT.finditer(text, start, stop):
        g = m.lastgroup or "u"
        # (a distance's metres, not millions: "within 200m of her home", "the 100m final")
        metres = (
            g == "u"
            and m[g] == "m"
            and text[m.start() - 1 : m.start()] not in _CURRENCY
            and (
                _METRES_AFTER.match(text, m.end(), stop) is not None
                or _METRES_BEFORE.search(text, max(start, m.start() - 30), m.start(g)) is not None
                or (
                    _TRACK_EVENT.search(text, max(start, m.start() - 12), m.start(g)) is not None
                    and (m.end() == stop or _TRACK_AFTER.match(text, m.end(), stop) is not None)
                )
            )
        )
        units.append((m.start(g), "m" if metres else _UNIT_WORDS.get(m[g].casefold(), m[g])))
    if not units:
        return found
    out: list[tuple[str, int, int]] = []
    k = 0
    for w, s, e in found:
        while k < len(units) and units[k][0] < s:
            k += 1
        if k < len(units) and units[k][0] < e:  # the unit is this word, or its end ("22m")
            u, unit = units[k]
            if u > s:
                out.append((w[: u - s], s, u))
            out.append((unit, u, e))
            k += 1
        else:
            out.append((w, s, e))
    return out


_PREFIX_CODES = re.compile(r"(?:R[Msp]|K?Sh|PHP) ?[0-9]|[RP][0-9]")
_CODES_APART = frozenset(["RM", "Rs", "Rp", "KSh", "Sh", "PHP"])
"""Currency letters that papers also set apart from the amount ("Rp 28.000", "RM 5 billion"): dropped too."""
_PREFIXED = re.compile(
    r"(RM|Rs|Rp|KSh|Sh|PHP|R|P)([0-9]+)([mM][iI][lL]|[bB][iI][lL]|[mM][nN]|[mM]|[bB][nN]|[bB]|[tT][nN])?"
)
"""An amount with its currency's letters run together in front (Malaysia's "RM128", India's and Pakistan's
"Rs500", Indonesia's "Rp5", Kenya's "Sh346" and "KSh2", South Africa's "R28", the Philippines' "P500" and
"PHP500"), and its unit perhaps after it ("RM2mil", "R38m")."""
_DECIMALS_UNIT = re.compile(r"([0-9]+)([mM][iI][lL]|[bB][iI][lL])")
"""The decimals of an amount after a currency's letters with "mil" or "bil" run together ("RM128.41bil")."""
_UNIT_AFTER_RAND = re.compile(r"(?:[.,][0-9]+)?[ -]?(?i:million|billion|trillion|mn|bn|tn|m)\b")
"""What follows South Africa's "R28" when it is an amount: millions or billions, perhaps after decimals ("R28
billion", "R2,3-million", "R2.3 bn"); "R61" alone is a road."""


def may_hold_prefixed(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` may hold an amount with its currency's letters run together in front
    (:func:`_prefixed`): "RM", "Rs", "Rp", "Sh", "KSh", "PHP", "R" or "P" before a digit.

    >>> may_hold_prefixed("an additional R28bn"), may_hold_prefixed("R&B singer, 28 runs")
    (True, False)
    """
    return _PREFIX_CODES.search(text, start, len(text) if end is None else end) is not None


def _prefixed(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``found`` with a currency's letters run together before an amount dropped, as a sign is no word:
    "RM128.41 billion" is "128.41 billion", "RM2.3mil" is "2.3 million" (round 101: the Star's "RM128.41bil"
    for Bernama's "RM128.41 billion"; the unit that follows the decimals is :data:`_AMOUNT`'s).

    >>> [w for w, _, _ in words("RM128.41bil, RM2.3 million, RM2mil, Rs500 crore, RMB, RM")]
    ['128', '41', 'billion', '2', '3', 'million', '2', 'million', '500', 'crore', 'RMB', 'RM']
    >>> [w for w, _, _ in words("Sh1.5 billion, KSh40bn, R28bn, R2,3-million, R38m, R61")]
    ['1', '5', 'billion', '40', 'billion', '28', 'billion', '2', '3', 'million', '38', 'million', 'R61']
    >>> [w for w, _, _ in words("Rp28.000, Rp 28.000, RM 5 billion, Rs1,200 crore")]
    ['28000', '28000', '5', 'billion', '1200', 'crore']
    >>> [w for w, _, _ in words("P68,000, PHP68,000, PHP 1,000, P8.16 million, a P1 fare, P2P")]
    ['68000', '68000', '1000', '8', '16', 'million', 'a', '1', 'fare', 'P2P']

    (The Philippines' "P" goes before any number: "P14" is a fare as "PHP14" is; a form's "P45" reads "45"
    on both sides alike. South Africa's "R" only before millions or billions: "R61" is a road.)
    """
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(found)
    while i < n:
        w, s, e = found[i]
        i += 1
        apart = None
        if w in _CODES_APART and i < n and text[e : found[i][1]] == " " and "0" <= found[i][0][:1] <= "9":
            if _THOUSANDS.fullmatch(found[i][0]) is not None:
                continue  # "Rs 15k": the letters go, "15k" stays for its thousands (a fourth review)
            apart = _PREFIXED.fullmatch(w + found[i][0])
        m: re.Match[str] | None = apart
        if apart is not None:  # "Rp 28.000", "RM 5 billion": the letters apart from the amount
            w, s, e = found[i]
            i += 1
            start = s
        else:
            m = _PREFIXED.fullmatch(w)
            if m is not None and m[1] == "R" and not m[3] and _UNIT_AFTER_RAND.match(text, e) is None:
                m = None  # (a road, a form, a rating: "R61", "R5")
            start = s + len(m[1]) if m is not None else s
        if m is not None and m[1] == "R" and m[3] and m[3] not in ("m", "mn", "bn"):
            m = None  # (a haplogroup, a motorbike: "R1b", "R1M")
        if m is None:
            out.append((w, s, e))
            continue
        cut = e - len(m[3]) if m[3] else e  # (the amount's digits, "2500" of "Rp 2.500", to its unit)
        number = m[2]
        while (
            not m[3]
            and i < n
            and text[e : found[i][1]] in (".", ",")
            and len(found[i][0]) == 3
            and found[i][0].isascii()
            and found[i][0].isdigit()
        ):
            number += found[i][0]  # "Rp28.000" as "28000", as "Rp 28.000" is (round 112)
            cut = e = found[i][2]
            i += 1
        out.append((number, start, cut))
        if m[3]:
            out.append((_UNIT_WORDS[m[3].casefold()], cut, e))
            continue
        if i < n and found[i][0] in ("bn", "mn") and text[e : found[i][1]] == " ":
            out.append((_UNIT_WORDS[found[i][0]], *found[i][1:]))  # "R28 bn", as "R28bn" (a review)
            i += 1
            continue
        decimals = (
            _DECIMALS_UNIT.fullmatch(found[i][0]) if i < n and text[e : found[i][1]] in (".", ",") else None
        )
        if decimals is not None:  # "RM128.41bil": its decimals, then "billion"
            _, ds, de = found[i]
            dcut = ds + len(decimals[1])
            out += [(decimals[1], ds, dcut), (_UNIT_WORDS[decimals[2].casefold()], dcut, de)]
            i += 1
    return out


_GLUED_CLOCK = re.compile(r"([0-9]+)([aApP])([mM]?)")
"""A number with a time's "am" or "pm" run together ("7am"), or its "a" or "p" before ".m." ("7a.m.")."""


def _clock_words(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``found`` with each time's "am" or "pm" one word after its number: "7am" split, "a.m." joined."""

    def dotted_m(i: int, e: int) -> bool:  # the "m" of ".m." right after the word that ends at ``e``
        return i < len(found) and found[i][0] in ("m", "M") and text[e : found[i][1]] in (".", ". ")

    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(found):
        w, s, e = found[i]
        i += 1
        m = _GLUED_CLOCK.fullmatch(w)
        if m is not None and (m[3] or dotted_m(i, e)):
            cut = s + len(m[1])
            out.append((m[1], s, cut))
            if m[3]:  # "7am"
                out.append((w[len(m[1]) :], cut, e))
            else:  # "7a.m."
                out.append((m[2] + found[i][0], cut, found[i][2]))
                i += 1
        elif (
            w in ("a", "p", "A", "P")
            and out
            and out[-1][0][-1:].isdigit()
            and text[out[-1][2] : s] in ("", " ")
            and dotted_m(i, e)
        ):
            out.append((w + found[i][0], s, found[i][2]))  # "7 a.m."
            i += 1
        else:
            out.append((w, s, e))
    return out


def may_hold_styled(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` may hold a figure in a house style that :func:`words` folds: by its
    digits (:data:`_STYLED`), or in words, looked for in lower case (:data:`_STYLED_WORDS`,
    :data:`_STYLED_TENS`, :data:`_STYLED_PERCENT`, :data:`_STYLED_FOR`, :data:`_STYLED_MIL`,
    :data:`_STYLED_MINUTE`, :func:`_titled_number`, :data:`_STYLED_QUARTER`, :func:`_ordinal_date`,
    :data:`_STYLED_BETWEEN`, :data:`_STYLED_FR`, :data:`_STYLED_FR_MILLE`).

    >>> [may_hold_styled(t) for t in ("um 08:00 Uhr", "2,5 Mio. Euro", "17 procent", "in 2024 we")]
    [True, True, True, False]
    >>> [may_hold_styled(t) for t in ("Thirty-Seven", "five PER CENT", "cuatro mil", "a decade", "No 1")]
    [True, True, True, True, True]
    """
    stop = len(text) if end is None else end
    if _STYLED.search(text, start, stop) is not None or _STYLED_CN.search(text, start, stop) is not None:
        return True
    low = text[start:stop].lower()
    return (
        any(w in low for w in _STYLED_WORDS)
        or ("ty" in low and _STYLED_TENS.search(low) is not None)
        or ("cent" in low and _STYLED_PERCENT.search(low) is not None)
        or (" for " in low and _score_for(low))
        or _STYLED_MIL.search(low) is not None
        or ("minute" in low and _STYLED_MINUTE.search(low) is not None)
        or _titled_number(low)
        or ("quarter" in low and _STYLED_QUARTER.search(low) is not None)
        or _ordinal_date(low)
        or ("between" in low and _STYLED_BETWEEN.search(low) is not None)
        or ("-" in low and _STYLED_FR.search(low) is not None)
        or (" mille" in low and _STYLED_FR_MILLE.search(low) is not None)
        or (("/" in low or " " in low) and _STYLED_SPEED.search(low) is not None)
        or _worded_unit(low)
        or (("noon" in low or "midday" in low or "midnight" in low) and _STYLED_NOON.search(low) is not None)
    )


def _titled_number(low: str) -> bool:
    """Whether lower-case ``low`` holds a title's number in words ("grade one", "phase iii":
    :data:`_ONE_AFTER`, :data:`_TITLED_NUMBERS`): each number's word looked for, the word before it checked
    by hand (a pattern of the titles was tried at every position; a search per title cost three times this).

    >>> [_titled_number(t) for t in ("a grade one win", "league one.", "no one", "grade ones", "phase iii")]
    [True, True, False, False, True]
    >>> [_titled_number(t) for t in ("upgrade one", "stage i", "class of one", "tier iv-b")]
    [False, True, False, True]
    """
    for m in _TITLED_AFTER.finditer(low):
        k = start = m.start()
        while start > 0 and low[start - 1].isalpha():
            start -= 1
        if low[start:k] in _ONE_AFTER:
            return True
    return False


_TITLED_AFTER = re.compile(r" (?:one|i{1,3}|iv)\b")


def _ordinal_date(low: str) -> bool:
    """Whether lower-case ``low`` holds an ordinal in digits beside an English month (:func:`_day_of_month`):
    each ordinal looked for (:data:`_STYLED_ORDINAL`), the words beside it read by their letters and digits
    as :func:`words` reads them (a bracket or a quotation mark by the month had hidden it; review 51).

    >>> [_ordinal_date(t) for t in ("on november 8th", "the 8th of nov.", "21st may", "the 21st century")]
    [True, True, True, False]
    >>> [_ordinal_date(t) for t in ("(november 8th)", '"november 8th"', "8th may-june", "november eighth")]
    [True, True, True, False]
    """
    for m in _STYLED_ORDINAL.finditer(low):
        after = _WORD.findall(low, m.end(), m.end() + 20)[:2]
        if after[:1] == ["of"]:
            after = after[1:]
        if after and after[0] in _EN_MONTHS:
            return True
        k = m.start()
        while k > 0 and low[k - 1].isdigit():
            k -= 1
        before = _WORD.findall(low, max(0, k - 16), k)
        if before and before[-1] in _EN_MONTHS:
            return True
    return False


_STYLED_ORDINAL = re.compile(r"[0-9](?:st|nd|rd|th)\b")
"""An ordinal in digits, in lower case, which may be a date's day ("November 8th", "the 8th of November" are
"November 8", "8 November": :func:`_day_of_month`)."""


def _score_for(low: str) -> bool:
    """Whether lower-case ``low`` holds a number, "for" and a number (:data:`_STYLED_FOR`): a digit or a
    number in words (:data:`_SCORE_WORDS`) before the " for ".

    >>> [_score_for(t) for t in ("318 for four", "took seven for 51", "voted for two", "done for 5")]
    [True, True, False, False]
    """
    for m in _STYLED_FOR.finditer(low):
        i = k = m.start()
        if i and low[i - 1].isdigit():
            return True
        while k > 0 and i - k < 6 and low[k - 1].isalpha():
            k -= 1
        if low[k:i] in _SCORE_WORDS and (k == 0 or not low[k - 1].isalnum()):
            return True
    return False


_TIME_AFTER = frozenset(
    [
        *["h", "hod", "hodin", "ч", "часа", "час", "uhr", "val", "óra", "órakor", "horas", "heures", "sati"],
        *["časova", "hores", "ore", "godz", "uur"],
    ]
)
"""The words of a time of day after its hour and minutes (lower case): "7,30 ч.", "u 20,30 sati" are times,
whose minutes keep their zero (:func:`_decimal_zeros`)."""
_TIME_BEFORE = frozenset(["alle", "ore", "kl", "godz", "ob", "às", "kello", "klo"])
"""The words before a time of day (lower case): "alle 20,30", "o godz. 7,30" are times
(:func:`_decimal_zeros`); not prepositions that stand before an amount too ("um 1,20 Prozent", "les 1,50
euro", "u 4,50 odsto": a review)."""


_MILLIONS_OF = {"mdp": "pesos", "mdd": "dólares"}
"""Mexican papers' short forms of millions of a currency ("40 mdp" is "40 millones de pesos", "30 mdd" "30
millones de dólares"): read "mln" and the currency's word, as the long form reads (round 121). In lower case
only ("65 MDP seats" are a party's)."""


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100}
_STYLED_CN = re.compile("[〇二两三四五六七八九十]")
"""Where Chinese numbers in characters may stand (:func:`_cn_numbers`): a digit other than "一" and "零", or
"十"; a run without one stays characters ("一百", "零一"), whatever else the passage holds."""


def _cn_numbers(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``found`` with a Chinese number in characters below a thousand as its digits, one word:
    "三人" is "3人", "十八人" is "18人", "二十五" is "25", "三百零五" is "305", "二〇二四年" is
    "2024年" (round 126: a paper's "3人" for Xinhua's "三人", "第3个" for "第三个"). Not a run
    without a digit of :data:`_STYLED_CN` ("一", "一百", "零售", "百姓"), nor digits in a row beside
    a unit or two alone ("十四五" is the 14th Five-Year Plan, "二三十人" and "七八个" are
    estimates); "千", "万", "亿" stay characters, which :func:`_cjk_magnitudes` multiplies after
    digits ("三千万" is "30000000", as "3000万" is).

    >>> [w for w, _, _ in words("造成三人死亡、十八人受伤，第三个")]
    ['造', '成', '3', '人', '死', '亡', '18', '人', '受', '伤', '第', '3', '个']
    >>> [w for w, _, _ in words("二〇二四年，一个，三千万元")]
    ['2024', '年', '一', '个', '30000000', '元']
    >>> [w for w, _, _ in words("十四五规划，二三十人，一百人")]
    ['十', '四', '五', '规', '划', '二', '三', '十', '人', '一', '百', '人']
    """
    out: list[tuple[str, int, int]] = []
    n = len(found)
    j = 0
    while j < n:
        k = j
        while (
            k < n
            and (found[k][0] in _CN_DIGITS or found[k][0] in _CN_UNITS)
            and (k == j or found[k][1] == found[k - 1][2])
        ):
            k += 1
        run = "".join(w for w, _, _ in found[j:k])
        units = any(c in _CN_UNITS for c in run)
        if (
            k == j
            or _STYLED_CN.search(run) is None  # ("一", "一百", "零一": no run the trigger sees)
            or run[0] == "百"
            or len(run) > 12
            or (
                units
                and any(a in _CN_DIGITS and a not in "零〇" and b in _CN_DIGITS for a, b in pairwise(run))
            )
            or (not units and len(run) == 2 and "〇" not in run and "零" not in run)
        ):
            # (not "十四五", the 14th Five-Year Plan, nor "二三十人", "七八个": about twenty, seven or eight)
            out.extend(found[j : max(k, j + 1)])
            j = max(k, j + 1)
            continue
        if units:
            total = num = 0
            for c in run:
                if c in _CN_UNITS:
                    total += (num or 1) * _CN_UNITS[c]
                    num = 0
                else:
                    num = _CN_DIGITS[c]
            value = str(total + num)
        else:
            value = "".join(str(_CN_DIGITS[c]) for c in run)  # "二〇二四" as "2024"
        out.append((value, found[j][1], found[k - 1][2]))
        j = k
    return out


_CJK_DIGITS = re.compile("[0-9０-９]+")
"""Digits before a magnitude: ASCII or full-width only (not "⑴" nor "²", which NFKC makes other text)."""
_MAGNITUDES = {"百": 100, "千": 1000, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
"""Chinese and Japanese magnitudes after a number (:func:`_cjk_magnitudes`)."""


def _cjk_magnitudes(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``found`` with a number and the Chinese or Japanese magnitudes after it as one figure, its value:
    "1.2万亿" and "12000亿" are "1200000000000", "25.8万" is "258000", as "258000" is, "0.8亿" and "8000万"
    are "80000000" (round 126: a paper's "12000亿元" for Xinhua's "1.2万亿元"). After digits (a number in
    characters is digits by then, :func:`_cn_numbers`: "三万" is "30000").

    >>> [w for w, _, _ in words("1.2万亿元、12000亿元、25.8万件")]
    ['1200000000000', '元', '1200000000000', '元', '258000', '件']
    >>> [w for w, _, _ in words("0.8亿元、8000万元、1.25万人")]
    ['80000000', '元', '80000000', '元', '12500', '人']
    """
    out: list[tuple[str, int, int]] = []
    n = len(found)
    j = 0
    while j < n:
        w, s, e = found[j]
        j += 1
        if not (j < n and _CJK_DIGITS.fullmatch(w)) or (
            text[s - 1 : s] in (".", "．") and text[s - 2 : s - 1].isdigit()
        ):
            out.append((w, s, e))  # (not a fraction's digits: "2" of "1.2")
            continue
        digits, end, k = unicodedata.normalize("NFKC", w), e, j
        if (
            text[e : e + 1] in (".", "．")
            and found[k][1] == e + 1
            and _CJK_DIGITS.fullmatch(found[k][0])
            and k + 1 < n
            and found[k + 1][0] in _MAGNITUDES
            and found[k + 1][1] == found[k][2]
        ):
            digits += "." + unicodedata.normalize("NFKC", found[k][0])  # "1.2" of "1.2万亿"
            end = found[k][2]
            k += 1
        mult = 1
        while k < n and found[k][0] in _MAGNITUDES and found[k][1] == end and mult < 10**16:
            mult *= _MAGNITUDES[found[k][0]]
            end = found[k][2]
            k += 1
        if mult == 1 or len(digits) > 30:
            out.append((w, s, e))
            continue
        head, _, tail = digits.partition(".")
        whole_part, rest = divmod(int(head + tail) * mult, 10 ** len(tail))  # (exact: no float, no Decimal)
        whole, frac = str(whole_part), str(rest).rjust(len(tail), "0").rstrip("0") if tail else ""
        out.append((whole, s, end))
        if frac:
            out.append((frac, s, end))
        j = k
    return out


def _mexican_thousands(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``found`` with a number of thousands in the Mexican style in one figure where it goes on: "57 mil 320"
    is "57320" (as "57,320" is), and "40 mil millones" and "40 mil mdp" are "40000" millions (round 121);
    Portugal's thousand millions too, "2,5 mil milhões" is "2500 milhões" (round 129). Not "4 mil personas"
    (read "4000" later).

    >>> [w for w, _, _ in words("57 mil 320 unidades, 40 mil millones de pesos, 40 mil mdp")]
    ['57320', 'unidades', '40000', 'mln', 'pesos', '40000', 'mln', 'pesos']
    >>> [w for w, _, _ in words("2 mil 500 millones, 4 mil personas, 2,5 mil milhões, 2500 milhões")]
    ['2500', 'mln', '4000', 'personas', '2500', 'mln', '2500', 'mln']
    """
    out: list[tuple[str, int, int]] = []
    n = len(found)
    j = 0
    while j < n:
        w, s, e = found[j]
        j += 1
        if (
            j + 2 < n
            and len(w) <= 3
            and w.isascii()
            and w.isdigit()
            and text[s - 1 : s] not in (".", ",")
            and text[e : e + 1] == ","
            and found[j][1] == e + 1
            and len(found[j][0]) <= 2
            and found[j][0].isascii()
            and found[j][0].isdigit()
            and found[j + 1][0].casefold() == "mil"
            and text[found[j][2] : found[j + 1][1]] == " "
            and text[found[j + 1][2] : found[j + 2][1]] == " "
            and found[j + 2][0].casefold() in _MILLIONS
        ):
            value = int(w) * 1000 + int(found[j][0].ljust(3, "0"))
            out.append((str(value), s, found[j + 1][2]))  # Portugal's "2,5 mil milhões" as "2500 milhões"
            j += 2
            continue
        if (
            j + 1 < n
            and len(w) <= 3
            and w.isascii()
            and w.isdigit()
            and text[s - 1 : s] not in (".", ",")
            and found[j][0].casefold() == "mil"
            and text[e : found[j][1]] == " "
            and text[found[j][2] : found[j + 1][1]] == " "
        ):
            nxt = found[j + 1][0]
            if (
                len(nxt) <= 3
                and nxt.isascii()
                and nxt.isdigit()
                and _ZERO_RUN.match(text, found[j + 1][2]) is None  # (not "320,5" nor "320.000")
            ):
                out.append((str(int(w) * 1000 + int(nxt)), s, found[j + 1][2]))  # "57 mil 320"
                j += 2
                continue
            if nxt.casefold() in _MILLIONS or nxt in _MILLIONS_OF:
                out.append((str(int(w) * 1000), s, found[j][2]))  # "40 mil millones", "40 mil mdp"
                j += 1
                continue
        out.append((w, s, e))
    return out


def _decimal_zeros(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``found`` without a decimal's trailing zero after a decimal comma: "4,50 %", "312,50 eiro", "1,50" are
    "4,5 %", "312,5 eiro", "1,5", "7,50km" is "7,5km" and "7,00" is "7" (rounds 115, 116: a paper's "1,5 eiro"
    for LETA's "1,50 eiro", "4,5 odsto" for Tanjug's "4,50 odsto"), whatever follows, so that a copy that cut
    a currency's word reads alike. Not a time ("7,30 ч.", "u 20,30 sati", "alle 20,30", "o godz. 7,30"), whose
    minutes "20.30" and "7:30" keep, nor a run of numbers set apart by commas ("10,20,30"; India's
    "1,00,000").

    >>> [w for w, _, _ in words("4,50 %, 312,50 eiro, €1,50, 7,00 odsto, 7,50km, 3,400 jobs")]
    ['4', '5', '312', '5', 'eiro', '1', '5', '7', '7', '5', 'km', '3400', 'jobs']
    >>> [w for w, _, _ in words("7,30 ч., alle 20,30, o godz. 7,30, sets 10,20,30, Rs 1,00,000")]
    ['7', '30', 'ч', 'alle', '20', '30', 'o', 'godz', '7', '30', 'sets', '10', '20', '30', '1', '00', '000']
    """
    out: list[tuple[str, int, int]] = []
    n = len(found)
    for j, (w, s, e) in enumerate(found):
        glued = _ZERO_GLUED.fullmatch(w)
        if glued is not None and _GLUED_UNIT.fullmatch("1" + glued[2]) is None:
            glued = None  # (a unit only: not "20,30h", an hour, nor "9,80Bronze")
        if (
            (glued is not None or (len(w) == 2 and w[1] == "0" and "0" <= w[0] <= "9"))
            and text[s - 1 : s] == ","
            and out
            and out[-1][2] == s - 1
            and out[-1][0].isascii()
            and out[-1][0].isdigit()
            and _ZERO_RUN.match(text, e) is None  # ("10,20,30": not a decimal)
            and not (
                text[out[-1][1] - 1 : out[-1][1]] == "," and text[out[-1][1] - 2 : out[-1][1] - 1].isdigit()
            )
            and not (
                j + 1 < n
                and found[j + 1][0].casefold() in _TIME_AFTER
                and not text[e : found[j + 1][1]].strip()
            )
            and not (
                j >= 2
                and found[j - 2][0].casefold() in _TIME_BEFORE
                and text[found[j - 2][2] : out[-1][1]] in (" ", ". ")
                and len(out[-1][0]) <= 2
                and int(out[-1][0]) <= 24
            )
        ):
            if glued is not None:  # "7,50km" as "7,5km", "7,00km" as "7km"
                if glued[1] == "0":
                    out.append((glued[2], s + 2, e))
                else:
                    out.append((glued[1] + glued[2], s, e))
            elif w == "00":
                out[-1] = (out[-1][0], out[-1][1], e)  # ("7,00" one figure, as "7" is)
            else:
                out.append((w[0], s, e))
            continue
        out.append((w, s, e))
    return out


_ZERO_GLUED = re.compile(r"([0-9])0([^\W\d_]+)")
"""A decimal's two last digits, the second a zero, with a unit run together ("50km" of "7,50km")."""
_ZERO_RUN = re.compile(r"[.,][0-9]")
"""More digits after a comma or a point: a run of numbers, grouped digits or a fraction, no decimal's end."""


def _styled_figures(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``found`` with figures in one style whatever the house style: a rank as "number" and its figure ("No
    1", "No. 1", "No1", "number one" are "number 1"), thousands in digits ("150K" is "150000", as "150,000" is
    :data:`_GROUPED`), a time's hour without its leading zero and its minutes only when not ":00" ("08:00",
    "8h", "08h00", "8.00 Uhr" are "8"; "8h30" is "8 30"), a unit of millions or billions in another
    language's words as "mln" or "bln" ("Mio.", "milioni", "Mrd.", "miljard"), a percentage's words dropped
    (the sign is no word: "17 per cent", "17 procent" and "17pc" are "17" as "17%" is), an English number
    of tens and units in words as its digits ("thirty-seven" and "thirty seven" are "37"), and so a number
    of thousands or hundreds ("forty thousand" is "40000", as "40,000" is), and a German motorway in the
    papers' style ("Autobahn 7" is "A7", one figure: another motorway's number is another figure; review 49),
    a temperature's scale as its letter ("44 degrees Celsius", "44°C" and "44C" are "44 C"), a unit of
    power run together as two words ("9.6GW" is "9.6 GW", and "gigawatts" is read "gw", :data:`_UNITS`),
    decades in years ("two decades" and "a decade" are "20 years" and "10 years", :func:`_decades`), a title's
    "One" or Roman number as its figure ("Grade One", "Grade I", "Phase III": :data:`_ONE_AFTER`), a match's
    minute as "on 14 minutes" (:func:`_minute`), basis points in words ("25bp" and "25 bps" are "25 basis
    points"; not "BP", a company), a quarter of a year as its short form and a word ("third-quarter", "3rd
    quarter" and "Q3" are "Q3 quarter", :data:`_QUARTERS`), an ordinal day beside an English month as its
    number (:func:`_day_of_month`) and a range "between 1998 and 2010" as "from 1998 to 2010"
    (:func:`_between`).

    >>> [w for w, _, _ in words("after thirty-seven fans, Twenty one more")]
    ['after', '37', 'fans', '21', 'more']
    >>> [w for w, _, _ in words("forty thousand fans, twenty-five thousand more, fifteen hundred")]
    ['40000', 'fans', '25000', 'more', '1500']
    >>> [w for w, _, _ in words("auf der Autobahn 7, der A7; Autobahnen")]
    ['auf', 'der', 'A7', 'der', 'A7', 'Autobahnen']
    >>> [w for w, _, _ in words("2.7 degrees Celsius, 2.7C, 44°C (111 degrees F), 68F, 30 degrees north")]
    ['2', '7', 'C', '2', '7', 'C', '44', 'C', '111', 'F', '68', 'F', '30', 'degrees', 'north']
    >>> [w for w, _, _ in words("9.6GW, 500MWh, 40 gigawatts, Class 5C")]
    ['9', '6', 'GW', '500', 'MWh', '40', 'gigawatts', 'Class', '5', 'C']
    >>> [w for w, _, _ in words("$1.3tn, $1.3 trillion")]
    ['1', '3', 'trillion', '1', '3', 'trillion']
    >>> [w for w, _, _ in words("by 25 basis points, 25bps, 25 bp; BP, third-quarter profit, Q3 profit")]
    ['by', '25', 'basis', 'points', '25', 'basis', 'points', '25', 'basis', 'points', 'BP', 'Q3', 'quarter', \
'profit', 'Q3', 'quarter', 'profit']
    >>> [w for w, _, _ in words("a Grade One win in League One; the league one, Class one, One more")]
    ['a', 'Grade', '1', 'win', 'in', 'League', '1', 'the', 'league', 'one', 'Class', 'one', 'One', 'more']
    >>> [w for w, _, _ in words("a Phase III trial, a Grade I race, Formula One, Division\u00a0One")]
    ['a', 'Phase', '3', 'trial', 'a', 'Grade', '1', 'race', 'Formula', 'One', 'Division', 'One']
    """
    if "," in text:
        found = _decimal_zeros(text, found)
    if "mil" in text.lower():
        found = _mexican_thousands(text, found)
    if _STYLED_CN.search(text) is not None:
        found = _cn_numbers(text, found)
    if any(c in text for c in _MAGNITUDES):
        found = _cjk_magnitudes(text, found)
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(found)
    to_at = -1  # the "and" of "between 1998 and 2010", read "to"
    while i < n:
        w, s, e = found[i]
        i += 1
        number = w.isascii() and w.isdigit()  # (not "²", which int() refuses)
        key = w.casefold()
        french = _french_number(text, found, i - 1) if key in _FR_START else None
        if french is not None:
            value, i = french
            out.append((str(value), s, found[i - 1][2]))  # "dix-neuf" as "19", "soixante-dix" as "70"
            continue
        noon = _NOON.get(w)
        if noon is not None:
            if out and out[-1][0].casefold() in ("12", "twelve") and text[out[-1][2] : s] in (" ", ":00 "):
                out[-1] = ("12", *out[-1][1:])  # "12 noon", "12:00 midnight", "twelve noon" as "12pm", "12am"
            else:
                out.append(("12", s, e))  # "midday" as "12pm"
            out.append((noon, s, e))
            continue
        between = _between(text, found, i, e) if key == "between" else 0
        if between:
            out.append(("from", s, e))  # "between 1998 and 2010" as "from 1998 to 2010"
            to_at = between
            continue
        if i - 1 == to_at:
            out.append(("to", s, e))
            continue
        ranked = i < n and found[i][0].isdigit() and text[e : found[i][1]] in (" ", ". ", ".")
        if w in ("No", "NO") and ranked:
            out.append(("number", s, e))  # a rank: "No 1", "No. 3" as "number 1", "number 3"
            continue
        if key == "number" and i < n and found[i][0].casefold() == "one" and text[e : found[i][1]] == " ":
            out.append((w, s, e))  # "number one" as "number 1" ("one" is no figure elsewhere: a pronoun)
            out.append(("1", found[i][1], found[i][2]))
            i += 1
            continue
        if (
            key in _ONE_AFTER
            and w[:1].isupper()
            and i < n
            and found[i][0] in _TITLED_NUMBERS
            and text[e : found[i][1]] == " "
        ):
            out += [
                (w, s, e),
                (_TITLED_NUMBERS[found[i][0]], found[i][1], found[i][2]),
            ]  # "Grade One", "Phase III"
            i += 1
            continue
        small = None if number else _SMALL_WORDS_EN.get(key)
        if small is not None:
            end, k = e, i
            tens = _TENS_WORDS.get(key)
            ones = _UNIT_WORDS_EN.get(found[i][0].casefold()) if tens is not None and i < n else None
            if tens is not None and ones is not None and text[e : found[i][1]] in ("-", " "):
                small, end, k = tens + ones, found[i][2], i + 1  # "thirty-seven" as "37"
            times = (
                _MULTIPLIERS.get(found[k][0].casefold()) if k < n and text[end : found[k][1]] == " " else None
            )
            if times is not None:
                small, end, k = (
                    small * times,
                    found[k][2],
                    k + 1,
                )  # "forty thousand" as "40000", as "40,000" is
            elif k == i and _decades(text, found, k, end):
                out += [(str(small * 10), s, e), ("years", found[k][1], found[k][2])]
                i = k + 1  # "two decades" as "20 years"
                continue
            if k > i:
                out.append((str(small), s, end))
                i = _past_percent(text, found, k, end)
                continue
            out.append((w, s, e))
            i = _past_percent(text, found, i, e)  # "five per cent" as "five", as "5 per cent" is "5"
            i = _past_for(text, found, i, e)  # "seven for 51" as "seven 51", as "7-51" is "7 51"
            continue
        minute = _minute(text, found, i, e, key) if key in ("in", "after") else None
        if minute is not None:
            figure, i = minute
            out += [("on", s, e), figure, ("minutes", *found[i - 1][1:])]
            continue  # "in the 14th minute" and "after 14 minutes" as "on 14 minutes"
        quarter = _QUARTERS.get(key) if i < n and found[i][0].casefold() == "quarter" else None
        if quarter is not None and (text[e : found[i][1]] == "-" or text[e : found[i][1]].isspace()):
            out += [(quarter, s, e), found[i]]  # "third-quarter" as "Q3 quarter", as "Q3" is
            i += 1
            continue
        if key == "a" and _decades(text, found, i, e, "decade"):
            out += [("10", s, e), ("years", found[i][1], found[i][2])]  # "a decade" as "10 years"
            i += 1
            continue
        if key == "autobahn" and i < n and found[i][0].isdigit() and text[e : found[i][1]] in (" ", "\u00a0"):
            out.append(("A" + found[i][0], s, found[i][2]))  # "Autobahn 7" as "A7": one figure
            i += 1
            continue
        of = None if number else _SPELLED_OTHER.get(key)
        if (
            of is not None
            and i < n
            and found[i][0].casefold() in ("mil", "mila")
            and text[e : found[i][1]] == " "
            and not (i + 1 < n and found[i + 1][0].casefold() in _MILLIONS)
        ):
            out.append((str(of * 1000), s, found[i][2]))  # "cuatro mil" as "4000", as "4 mil" is (review 49)
            i += 1
            continue
        glued = None if number else _GLUED_THOUSANDS.fullmatch(w)
        if (
            glued is not None
            and text[s - 1 : s] not in (".", ",")
            and not (i < n and found[i][0].casefold() in _MILLIONS)
        ):
            out.append((str(int(glued[1]) * 1000), s, e))  # "40mila" as "40000", as "40 mila" is
            continue
        glued = None if number else _GLUED_RANK.fullmatch(w)
        if glued is not None:
            out += [("number", s, s + 2), (glued[1], s + 2, e)]  # "No1" as "number 1", as "No 1" is
            continue
        thousands = None if number else _THOUSANDS.fullmatch(w)
        if thousands is not None and text[s - 1 : s] not in (".", ","):  # "150K"; not "1.5K"'s "5K"
            out.append((str(int(thousands[1]) * 1000), s, e))
            continue
        if w in _QUARTERS_SHORT and not (i < n and found[i][0].casefold() == "quarter"):
            out += [(w, s, e), ("quarter", s, e)]  # "Q3" as "Q3 quarter", as "third-quarter" is
            continue
        day = None if number else _day_of_month(text, found, i, w)
        if day is not None:
            out.append((day, s, s + len(day)))  # "November 8th" as "November 8"
            continue
        bp = None if number else _GLUED_BP.fullmatch(w)
        if bp is not None:
            cut = s + len(bp[1])
            out += [(bp[1], s, cut), ("basis", cut, e), ("points", cut, e)]  # "25bp" as "25 basis points"
            continue
        pc = None if number else _PC.fullmatch(w)
        if pc is not None:
            out.append((pc[1], s, s + len(pc[1])))  # "48pc" as "48%": the sign is no word
            continue
        unit = None if number else _GLUED_UNIT.fullmatch(w)
        if unit is not None:
            cut = s + len(unit[1])
            speed = _speed(text, found, i, e, unit[2])
            if speed is not None:
                out += [(unit[1], s, cut), (speed[0], cut, found[speed[1] - 1][2])]  # "150km/h" as "150 kmh"
                i = speed[1]
                continue
            out += [(unit[1], s, cut), (unit[2], cut, e)]  # "28km" as "28 km"
            continue
        degrees = None if number else _GLUED_DEGREES.fullmatch(w)
        if degrees is not None:
            cut = s + len(degrees[1])
            out += [(degrees[1], s, cut), (degrees[2], cut, e)]  # "44C" as "44 C", as "44°C" is
            continue
        hour = None if number else _HOUR.fullmatch(w)
        if hour is not None and int(hour[1]) <= 24 and (hour[2] is None or int(hour[2]) < 60):
            out.append((str(int(hour[1])), s, e))  # "8h", "08h00", "8h30"
            if hour[2] is not None and hour[2] != "00":
                out.append((hour[2], s, e))
            continue
        if number and len(w) <= 2 and i < n:
            m, ms, me = found[i]
            sep = text[e:ms]
            clock = sep == ":" or (sep == "." and i + 1 < n and found[i + 1][0].casefold() == "uhr")
            if clock and len(m) == 2 and m.isascii() and m.isdigit() and int(w) <= 24 and int(m) < 60:
                out.append((str(int(w)), s, e))  # "08:00", "8.30 Uhr"
                if m != "00":
                    out.append((m, ms, me))
                i += 1
                continue
        out.append((w, s, e))
        worded = not (number or w[-1:].isdigit())
        if (worded and key.translate(_FOLDED) not in _WORD_DIGITS) or i >= n:
            continue
        if not (worded or "0" <= w[-1] <= "9"):
            continue  # (a unit after an ASCII digit only, as the triggers look for one: not "５ juta")
        nxt, ns, ne = found[i]
        key = nxt.casefold()
        if text[e:ns].strip() and not (text[e:ns] == "-" and number and key in _THOUSANDS_WORDS):
            continue  # (the unit or the sign right after the number, past white space only; "15-tisíc")
        if (
            key == "de"
            and i + 1 < n
            and text[ne : found[i + 1][1]].isspace()
            and _unit_after_de(found[i + 1][0], worded)
        ):
            i += 1  # Romanian "25 de centimetri", "2,4 milioane de lei": "25 cm", "2,4 mil. lei"
            nxt, ns, ne = found[i]
            key = nxt.casefold()
        speed = None if worded else _speed(text, found, i + 1, ne, nxt)
        if speed is not None:
            out.append((speed[0], ns, found[speed[1] - 1][2]))  # "120 miles per hour" as "120 mph"
            i = speed[1]
            continue
        if (
            ((key in _MILLIONS or key in _BILLIONS) and not (worded and _WORD_UNIT_AFTER.match(key) is None))
            or (key == "m" and text[ne : ne + 1] in ("€", "$") and not worded)
            or (key == "mil" and _abbreviated(text, found, i))
            or (key in ("bi", "mi") and number and text[ne : ne + 1] != "-" and _after_sign(text, s))
            or (nxt in _MILLIONS_OF and number)
        ):  # (after digits, or after a number in words of _WORD_DIGITS: "dva miliony", "șase milioane")
            out.append(("bln" if key in _BILLIONS or key == "bi" else "mln", ns, ne))  # ("12 M€": millions)
            if nxt in _MILLIONS_OF:
                out.append((_MILLIONS_OF[nxt], ns, ne))  # "40 mdp" as "40 millones de pesos"
            i += 1
            if (
                i + 1 < n
                and found[i][0] == "de"
                and text[found[i - 1][2] : found[i][1]] in (" ", ". ")
                and text[found[i][2] : found[i + 1][1]] == " "
                and not found[i + 1][0][:1].isdigit()
            ):
                i += 1  # Romanian "milioane de lei" as "mil. lei", Spanish "millones de euros" as "M€"
            elif (
                i < n
                and found[i][0][:2] in ("d'", "d’")
                and len(found[i][0]) > 2
                and text[found[i - 1][2] : found[i][1]] in (" ", ". ")
            ):
                _, ds, de = found[i]
                out.append((found[i][0][2:], ds + 2, de))  # Catalan "milions d'euros", French "millions
                # d'euros", Italian "milioni d'euro" as "mln euros", as Spanish "millones de euros" is
                i += 1
        elif worded:
            i = _past_percent(text, found, i, e, True)  # "desať percent" as "10 %" (:func:`_worded_unit`)
        elif (
            key in ("mil", "mila")
            and number
            and len(w) <= 2
            and len(out) >= 2
            and text[s - 1 : s] == ","
            and out[-2][2] == s - 1
            and out[-2][0].isascii()
            and out[-2][0].isdigit()
            and len(out[-2][0]) <= 3
            and not (i + 1 < n and found[i + 1][0].casefold() in _MILLIONS)
        ):
            # "1,2 mil" (Portuguese, Spanish, Catalan; Italian "2,5 mila") as "1200", as "1.200" is
            value = int(out[-2][0]) * 1000 + int(w.ljust(3, "0"))
            out[-2:] = [(str(value), out[-2][1], ne)]
            i += 1
        elif key in _THOUSANDS_WORDS and number and len(w) <= 15 and text[s - 1 : s] not in (".", ","):
            out[-1] = (str(int(w) * 1000), s, ne)  # Czech "350 tisíc", Polish "350 tys." as "350 000"
            i += 1
        elif (
            key in ("mil", "mila")
            and number
            and len(w) <= 15  # (int() refuses 4,300 digits and more)
            and text[s - 1 : s] not in (".", ",")
            and not (i + 1 < n and found[i + 1][0].casefold() in _MILLIONS)
        ):
            # Spanish, Portuguese and Italian thousands in words: "4 mil" as "4000", as "4.000" is (not
            # "2,5 mil"'s fraction, nor "mil millones", a billion)
            out[-1] = (str(int(w) * 1000), s, ne)
            i += 1
        elif (
            key == "degrees"
            and i + 1 < n
            and found[i + 1][0].casefold() in _SCALES
            and text[ne : found[i + 1][1]] in (" ", "\u00a0")
        ):
            _, cs, ce = found[i + 1]
            out.append((_SCALES[found[i + 1][0].casefold()], cs, ce))  # "44 degrees Celsius" as "44°C"
            i += 2
        elif nxt in ("bp", "bps", "BPS"):
            out += [("basis", ns, ne), ("points", ns, ne)]  # "25 bps" as "25 basis points"
            i += 1
        elif key == "pence":
            out[-1] = (w + "p", s, ne)  # "4.1 pence" as "4.1p": one figure, not "4" beside a word
            i += 1
        else:
            i = _past_for(text, found, _past_percent(text, found, i, e, True), e)
    return out


_SPEED_UNITS = {"km": "kmh", "miles": "mph", "mile": "mph"}
_SPEED_PER = frozenset(["per", "an", "a", "pe", "za", "pro", "par", "por", "i"])
_SPEED_HOUR = frozenset(
    ["hour", "hr", "h", "oră", "ora", "hodinu", "stunde", "heure", "hora", "timmen", "timen"]
)
_STYLED_SPEED = re.compile(
    r"[0-9]\s*(?:de\s+)?(?:km|kil|chil|quil|mile)[^\W\d_]*"
    r"(?:\s*/\s*(?:hr?|giờ)|\s+(?:orari|(?:per|an|a|pe|za|pro|par|por|i)\s+(?:hour|hr|h|oră|ora|hodinu|stunde|heure"
    r"|hora|timmen|timen)))\b"
)
"""A speed after a number, in lower case: "km/h", "km/giờ", "kilometres per hour", "miles an hour", Romanian
"de kilometri pe oră", Czech "kilometrů za hodinu", Italian "chilometri orari" (:func:`_speed`)."""


def _speed(text: str, found: list[tuple[str, int, int]], i: int, e: int, unit: str) -> tuple[str, int] | None:
    """A speed's unit in one word, and the index in ``found`` past it, where a number's unit ``unit`` ends at
    ``e`` (word ``i`` of ``found`` next): "km/h", "kph", "kilometres per hour", "km an hour" are "kmh", "miles
    per hour" and "miles an hour" are "mph" (round 102: a paper's "120 miles per hour" for the agency's
    "120mph"; Romanian "de kilometri pe oră", Czech "kilometrů za hodinu", Italian "chilometri orari", German
    "Kilometer pro Stunde", French "kilomètres par heure", Spanish "kilómetros por hora"). None for any other
    word.

    >>> [w for w, _, _ in words("120 miles per hour, 120mph, 150km/h, 150 km / h, 150 kilometres an hour")]
    ['120', 'mph', '120', 'mph', '150', 'kmh', '150', 'kmh', '150', 'kmh']
    >>> [w for w, _, _ in words("60-70 de kilometri pe oră, 90 km/h, 90 chilometri orari, 5 miles a day")]
    ['60', '70', 'kmh', '90', 'kmh', '90', 'kmh', '5', 'miles', 'a', 'day']
    """
    kind = _SPEED_UNITS.get(_SPELLING.get(unit.casefold(), unit.casefold()))
    if kind is None or i >= len(found):
        return None
    nxt, ns, ne = found[i]
    low = nxt.casefold()
    if kind == "kmh" and low in ("h", "hr", "giờ") and text[e:ns].strip() == "/":
        return kind, i + 1  # "km/h", Vietnamese "km/giờ"
    if kind == "kmh" and low == "orari" and text[e:ns].isspace():
        return kind, i + 1  # Italian "chilometri orari"
    if (
        low in _SPEED_PER
        and i + 1 < len(found)
        and found[i + 1][0].casefold() in _SPEED_HOUR
        and text[e:ns].isspace()
        and text[ne : found[i + 1][1]].isspace()
    ):
        return kind, i + 2  # "kilometres per hour", "miles an hour"
    return None


def _after_sign(text: str, start: int) -> bool:
    """Whether the amount whose last run of digits starts at ``start`` follows Brazil's real or the US dollar
    ("R$ 15", "US$ 1,2"): Brazilian papers' "bi" and "mi" after it are billions and millions ("R$ 15 bi" is
    "R$ 15 bilhões", round 117; not after a bare "$": "a $5 mi drive", a review).

    >>> [_after_sign(t, k) for t, k in (("R$ 1,2 mi", 5), ("R$15 bi", 2), ("15 mi", 0), ("$5 mi", 1))]
    [True, True, False, False]
    """
    j = start
    while j > 0 and (text[j - 1].isdigit() or text[j - 1] in ".,"):
        j -= 1
    before = text[max(0, j - 4) : j].rstrip()
    return before.endswith("R$") or before.endswith("US$")


def _unit_after_de(word: str, worded: bool = False) -> bool:
    """Whether ``word`` is a unit that Romanian sets after "de" behind a number of twenty or more ("25 de
    centimetri", "60 de kilometri", "2,4 milioane de lei"): the "de" is dropped, as "25 cm" has none. After a
    number in words (``worded``), millions and billions only ("douăzeci de milioane")."""
    low = word.casefold()
    if worded:
        return (low in _MILLIONS or low in _BILLIONS) and _WORD_UNIT_AFTER.match(low) is not None
    unit = _SPELLING.get(low)
    return (
        low in _MILLIONS or low in _BILLIONS or low in _UNIT_FIGURES or unit in _UNIT_FIGURES or unit == "m"
    )


def _abbreviated(text: str, found: list[tuple[str, int, int]], i: int) -> bool:
    """Whether "mil" (word ``i`` of ``found``) is Czech's and Romanian's "mil.", millions ("40 mil. Kč", "2,4
    mil. lei"): a full stop after it and then a word in lower case or a currency's code; not Spanish "mil"
    (thousands: "4 mil personas"), nor "40 mil." that ends a sentence.

    >>> [w for w, _, _ in words("40 mil. Kč, 2,4 mil. lei, 4 mil personas. Fueron 40 mil. Luego")]
    ['40', 'mln', 'Kč', '2', '4', 'mln', 'lei', '4000', 'personas', 'Fueron', '40000', 'Luego']
    """
    _, _, e = found[i]
    if text[e : e + 2] != ". " or i + 1 >= len(found) or found[i + 1][1] != e + 2:
        return False
    nxt = found[i + 1][0]
    return nxt[:1].islower() or nxt.casefold() in _CURRENCY_CODES


_CURRENCY_CODES = frozenset(["kč", "czk", "eur", "usd", "ron", "lei", "huf", "pln", "zł"])
_THOUSANDS_WORDS = frozenset(
    [
        *["tisíc", "tis", "tisíce", "tys", "tysięcy", "tysiące", "tysiąc", "mii", "tisuća", "tisuće"],
        *["тисяч", "тисячі", "тис", "тысяч", "тысячи", "тыс", "ribu", "хил", "хиляди", "хиляда"],
        *["hiljada", "hiljade", "хиљада", "хиљаде", "tūkst", "tūkstančių", "tūkstančius", "tūkstančiai"],
        *["tūkstantis", "tūkstoši", "tūkstošu", "tūkstošiem", "tūkstotis", "tisoč", "tuhat", "tuhande"],
    ]
)
"""Thousands in words after a number: Czech "350 tisíc", "350 tis.", Slovak "15-tisíc", Polish "350 tys.",
"350 tysięcy", Romanian "3 mii" are "350000", "15000", "3000", as "350 000" is (rounds 99, 104); Croatian,
Ukrainian, Russian and Indonesian (session 52), Bulgarian "50 хил.", Serbian "12 hiljada", Lithuanian "38
tūkst.", Latvian "15 tūkstošu", Slovenian "410 tisoč" and Estonian "410 tuhat" (session 53)."""


def _past_for(text: str, found: list[tuple[str, int, int]], i: int, e: int) -> int:
    """Past a "for" between two numbers (word ``i`` of ``found`` next, the first number ending at ``e``):
    a cricket score or a bowler's figures in words, "121 for three" and "seven for 51", are "121-3" and
    "7-51" (round 82).

    >>> [w for w, _, _ in words("121 for three, seven for 51, 121-3, 7-51, paid 5 for it, TWO FOR ONE")]
    ['121', 'three', 'seven', '51', '121', '3', '7', '51', 'paid', '5', 'for', 'it', 'TWO', 'FOR', 'ONE']
    >>> [w for w, _, _ in words("Anderson took seven for 51.")]
    ['Anderson', 'took', 'seven', '51']
    """
    if i + 1 < len(found) and found[i][0].casefold() == "for" and text[e : found[i][1]] == " ":
        nxt = found[i + 1][0]
        digits = nxt.isascii() and nxt.isdigit()
        first = found[i - 1][0]
        if (
            text[found[i][2] : found[i + 1][1]] == " "
            and (digits or nxt.casefold() in _SCORE_WORDS)
            and (digits or (first.isascii() and first.isdigit()))
        ):
            return i + 1  # (one of them in digits: "two for one" is a stock split's, as "two-for-one")
    return i


def _minute(
    text: str, found: list[tuple[str, int, int]], i: int, e: int, key: str
) -> tuple[tuple[str, int, int], int] | None:
    """A match's minute after "in" or "after" (``key``, ending at ``e``; word ``i`` of ``found`` next):
    "in the 14th minute" and "after 14 minutes" are "on 14 minutes", as match reports write them (round
    82), and so in words ("in the fifth minute" as "on 5 minutes", "after two minutes" as "on two minutes",
    whose "two" is an alias of "2"; review 51). The minute's number as a word and the index of the word after
    "minute(s)", or None.

    >>> [w for w, _, _ in words("in the 14th minute, after 56 minutes, on 56 minutes, in 14 minutes")]
    ['on', '14', 'minutes', 'on', '56', 'minutes', 'on', '56', 'minutes', 'in', '14', 'minutes']
    >>> [w for w, _, _ in words("in the fifth minute, after two minutes")]
    ['on', '5', 'minutes', 'on', 'two', 'minutes']
    >>> t = "In the 90th Minute, in the 2nd minutes, after the 5th minute, after 5 minute"
    >>> [w for w, _, _ in words(t)][3:]
    ['in', 'the', '2nd', 'minutes', 'after', 'the', '5th', 'minute', 'after', '5', 'minute']
    """
    n = len(found)
    if i + 1 >= n or not text[e : found[i][1]].isspace() or not text[found[i][2] : found[i + 1][1]].isspace():
        return None
    w = found[i][0]
    if key == "in" and w.casefold() == "the":  # "in the 14th minute"
        word, ws, we = found[i + 1]
        ordinal = _ORDINAL.fullmatch(word)
        number = ordinal[1] if ordinal is not None else str(_ORDINAL_WORDS.get(word.casefold(), ""))
        if (
            not number
            or i + 2 >= n
            or found[i + 2][0].casefold() != "minute"
            or not text[we : found[i + 2][1]].isspace()
        ):
            return None
        return (number, ws, ws + len(number) if ordinal is not None else we), i + 3
    if (
        key == "after"
        and ((w.isascii() and w.isdigit() and len(w) <= 3) or w.casefold() in _SMALL_WORDS_EN)
        and found[i + 1][0].casefold() == "minutes"
    ):
        return found[i], i + 2  # "after 14 minutes", "after two minutes"
    return None


def _day_of_month(text: str, found: list[tuple[str, int, int]], i: int, w: str) -> str | None:
    """The day's number of ``w``, word ``i - 1`` of ``found``, an ordinal in digits beside an English month
    ("November 8th", "8th November", "the 8th of November"), as the papers that write "November 8" and "8
    November" have it (round 86); None for any other word. (Not in words: "November eighth" is no copy of
    "November 8th", a limit; looking for it cost more than the rest of the trigger, review 51.)

    >>> [w for w, _, _ in words("on November 8th, the 8th of Nov., 21st May, the 21st century, May 4th")]
    ['on', 'November', '8', 'the', '8', 'of', 'Nov', '21', 'May', 'the', '21st', 'century', 'May', '4']
    >>> [w for w, _, _ in words("finished 2nd, April Jones 3rd")]
    ['finished', '2nd', 'April', 'Jones', '3rd']
    """
    ordinal = _ORDINAL.fullmatch(w)
    if ordinal is None or not 1 <= int(ordinal[1]) <= 31:
        return None
    day = ordinal[1]
    n = len(found)
    k, end = i, found[i - 1][2]
    if k + 1 < n and found[k][0] == "of" and text[end : found[k][1]] == " ":
        k, end = k + 1, found[k][2]  # "the 8th of November"
    if (
        k < n
        and text[end : found[k][1]] == " "
        and found[k][0].casefold() in _EN_MONTHS
        and found[k][0][:1].isupper()
    ):
        return day
    before = found[i - 2][0] if i >= 2 else ""
    if (
        before.casefold() in _EN_MONTHS
        and before[:1].isupper()
        and text[found[i - 2][2] : found[i - 1][1]] in (" ", ". ")
    ):
        return day
    return None


_FR_START = frozenset(["dix", "quatre", *_FR_TENS, *_FR_TEENS, *_FR_UNITS])


def _french_number(text: str, found: list[tuple[str, int, int]], i: int) -> tuple[int, int] | None:
    """:func:`_french_hyphened` from word ``i`` of ``found`` on, or a French number in one word before
    "mille", and a "mille" after either as its thousands ("nonante mille" is "90000", as "90 000" is; a third
    review).

    >>> [w for w, _, _ in words("nonante mille euros, dix-neuf mille, deux mille, sept ans, mille-feuille")]
    ['90000', 'euros', '19000', '2000', 'sept', 'ans', 'mille', 'feuille']
    """
    value = _french_hyphened(text, found, i)
    k = i + 1
    if value is None:
        word = found[i][0].casefold()
        single = (
            _FR_TENS.get(word)
            or _FR_TEENS.get(word)
            or (_FR_UNITS.get(word) if word not in ("un", "une") else None)
        )
        if single is None or k >= len(found) or found[k][0].casefold() != "mille":
            return None
        value = single, k
    number, k = value
    if k < len(found) and found[k][0].casefold() == "mille" and text[found[k - 1][2] : found[k][1]] == " ":
        return number * 1000, k + 1
    return value


def _french_hyphened(text: str, found: list[tuple[str, int, int]], i: int) -> tuple[int, int] | None:
    """A French number of tens and units written with hyphens from word ``i`` of ``found`` on: "dix-neuf",
    "vingt-et-un", "soixante-dix", "soixante-et-onze", "quatre-vingt-deux", "quatre-vingt-dix-neuf" and the
    Belgian and Swiss "septante-deux", "nonante-neuf" (round 95: "dix-neuf personnes" for "19 personnes";
    "neuf" and "sept" alone are no figures, "new" and a month's short form); its value and the index of the
    word after it, or None.

    >>> [w for w, _, _ in words("dix-neuf morts, vingt-et-un, soixante-dix, quatre-vingt-dix-neuf")]
    ['19', 'morts', '21', '70', '99']
    >>> [w for w, _, _ in words("septante-deux, quatre-vingt-un, dix-huit, un dix-cors, vingt-deux-trois")]
    ['72', '81', '18', 'un', 'dix', 'cors', '22', 'trois']
    >>> [w for w, _, _ in words("quatre-vingts ans")]
    ['80', 'ans']
    """
    n = len(found)

    def joined(k: int) -> bool:  # word k is joined to the word before it by a hyphen
        return k < n and text[found[k - 1][2] : found[k][1]] == "-"

    key = found[i][0].casefold()
    k = i + 1
    if key == "quatre":
        if not joined(k) or found[k][0].casefold() not in ("vingt", "vingts"):
            return None
        tens, k = 80, k + 1
        if found[k - 1][0].casefold() == "vingts":
            return tens, k
    elif key == "dix":
        if not joined(k) or found[k][0].casefold() not in ("sept", "huit", "neuf"):
            return None
        return 10 + _FR_UNITS[found[k][0].casefold()], k + 1
    elif key in _FR_TENS:
        tens = _FR_TENS[key]
    else:
        return None
    if joined(k) and found[k][0].casefold() == "et" and joined(k + 1):
        k += 1  # "vingt-et-un", "soixante-et-onze"
    if not joined(k):
        return (tens, k) if key == "quatre" else None
    unit = found[k][0].casefold()
    if key in ("soixante", "quatre") and unit in _FR_TEENS:
        value = tens + _FR_TEENS[unit]
        if unit == "dix" and joined(k + 1) and found[k + 1][0].casefold() in ("sept", "huit", "neuf"):
            return value + _FR_UNITS[found[k + 1][0].casefold()], k + 2  # "quatre-vingt-dix-neuf"
        return value, k + 1
    if unit in _FR_UNITS:
        return tens + _FR_UNITS[unit], k + 1
    return (tens, k) if key == "quatre" else None


def _between(text: str, found: list[tuple[str, int, int]], i: int, e: int) -> int:
    """The index in ``found`` of the "and" of a range of two figures that "between" opens (ending at ``e``;
    word ``i`` next), "between 1998 and 2010", which the papers also write "from 1998 to 2010" (round 90), in
    figures or in words, with a unit or a sign after the first ("between five and ten", "between 5% and 10%",
    "between 5 per cent and 10 per cent", "between 7am and 9am", "between 2 million and 3 million": review
    51); 0 for none.

    >>> [w for w, _, _ in words("between 1998 and 2010, between AD150 and AD400, between 7am and 9am")]
    ['from', '1998', 'to', '2010', 'from', 'AD150', 'to', 'AD400', 'from', '7', 'am', 'to', '9', 'am']
    >>> [w for w, _, _ in words("between $200 and $500, between five and ten, between 5% and 10%")]
    ['from', '200', 'to', '500', 'from', 'five', 'to', 'ten', 'from', '5', 'to', '10']
    >>> [w for w, _, _ in words("between 2 and the 5 of them, between the 7 and 9, between 5 people and 9")]
    ['between', '2', 'and', 'the', '5', 'of', 'them', 'between', 'the', '7', 'and', '9', 'between', '5', \
'people', 'and', '9']
    """
    n = len(found)
    if i >= n or not _range_end(found[i][0]) or not _before_figure(text[e : found[i][1]]):
        return 0
    k = i + 1
    while k < n and k <= i + 3 and found[k][0].casefold() in _RANGE_UNITS:
        k += 1
    if (
        k + 1 < n
        and found[k][0].casefold() == "and"
        and _range_end(found[k + 1][0])
        and _between_gaps(text, found, i, k)
        and _before_figure(text[found[k][2] : found[k + 1][1]])
    ):
        return k
    return 0


def _range_end(word: str) -> bool:
    """Whether ``word`` may open or close a range: it holds a digit or is a number in words."""
    return (
        _DIGIT.search(word) is not None
        or word.casefold() in _NUMBER_WORDS
        or word.casefold() in _SMALL_WORDS_EN
        or word in _NOON
    )


def _between_gaps(text: str, found: list[tuple[str, int, int]], i: int, k: int) -> bool:
    """Whether words ``i`` to ``k`` of ``found`` stand apart by white space, signs and dots only."""
    return all(not text[found[j][2] : found[j + 1][1]].strip(" \t\n\u00a0%.") for j in range(i, k))


_RANGE_UNITS = frozenset(
    [
        "per",
        "cent",
        "percent",
        "pc",
        "pct",
        "am",
        "pm",
        "m",
        "bn",
        "mn",
        "million",
        "billion",
        "k",
        "thousand",
    ]
)
"""Words that may stand between a range's first figure and its "and" ("between 5 per cent and 10 per cent",
"between 7am and 9am", "between 2 million and 3 million")."""


def _before_figure(gap: str) -> bool:
    """Whether ``gap`` is white space, or white space and a currency sign ("between $200 and $500")."""
    return gap.isspace() or (gap[:-1].isspace() and gap[-1] in _CURRENCY)


def _decades(text: str, found: list[tuple[str, int, int]], i: int, e: int, word: str = "decades") -> bool:
    """Whether word ``i`` of ``found`` is ``word`` ("decades", "decade") right after a number that ends
    at ``e``: "two decades" and "a decade" are "20 years" and "10 years", as sub-editors write them
    (rounds 75 and 78).

    >>> [w for w, _, _ in words("for two decades, after a decade, for decades, a decades-old")]
    ['for', '20', 'years', 'after', '10', 'years', 'for', 'decades', 'a', 'decades', 'old']
    """
    return i < len(found) and found[i][0].casefold() == word and text[e : found[i][1]] == " "


def _past_percent(text: str, found: list[tuple[str, int, int]], i: int, e: int, more: bool = False) -> int:
    """Past a percentage's words (``_PERCENT``, ``_PERCENT_TWO``; ``_PERCENT_MORE`` too when ``more``: after
    an ASCII digit or a number in words that its trigger finds) right after a number that ends at ``e``
    (word ``i`` of ``found`` next), in figures or in words: "5 per cent", "17 Prozent" and "five per
    cent" are "5", "17" and "five", as "5%" is "5" (review 49).

    >>> [w for w, _, _ in words("five per cent, twenty-five percent, five people")]
    ['five', '25', 'five', 'people']
    """
    n = len(found)
    if i < n and not text[e : found[i][1]].strip():
        key = found[i][0].casefold()
        if key in _PERCENT or (more and key in _PERCENT_MORE):
            return i + 1
        if (
            i + 1 < n
            and not text[found[i][2] : found[i + 1][1]].strip()
            and (
                (key, found[i + 1][0].casefold()) in _PERCENT_TWO
                or (more and f"{key} {found[i + 1][0].casefold()}" in _PERCENT_MORE)
            )
        ):
            return i + 2
    return i


def _join_grouped(
    found: list[tuple[str, int, int]], grouped: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """``found`` with the words inside each of the ``grouped`` numbers' spans joined into one word."""
    out: list[tuple[str, int, int]] = []
    k = 0
    for w, s, e in found:
        while k < len(grouped) and grouped[k][1] <= s:
            k += 1
        inside = k < len(grouped) and grouped[k][0] <= s and e <= grouped[k][1]
        if inside and out and out[-1][1] >= grouped[k][0]:
            pw, ps, _ = out[-1]
            out[-1] = (pw + w, ps, e)
        else:
            out.append((w, s, e))
    return out


_VERBS = (
    r"said|says|told|tells|added|adds|stated|explained|announced|confirmed|warned|noted|insisted|wrote"
    r"|a\s+(?:déclaré|indiqué|affirmé|expliqué|annoncé|précisé|ajouté)|dijo|afirmó|aseguró|explicó|señaló"
    r"|ha\s+(?:detto|spiegato|dichiarato)|sagte|erklärte|betonte|teilte"
)
_FRONT = re.compile(
    r"(?:according\s+to|selon|según|secondo|volgens)\s[^,;:.!?]{1,60}?,\s+"
    rf"|(?:[^\s,;:]+\s+){{1,7}}?(?:{_VERBS})\b[^,;:.!?]{{0,40}}?\s(?:that|que|che)\s+"
    r"|(?:[^\s,;:]+\s+){1,6}?(?:said|says)\s+",
    re.IGNORECASE,
)
"""A statement's attribution put in front: "According to the ministry, ...", "Defence Minister Kari
Solberg said on Wednesday that ...", "The company said ..."."""
_BACK = re.compile(
    r",\s+(?:according\s+to|selon|según|secondo|volgens)\s[^,;:]{1,60}?[.!?]?\s*$"
    rf"|,\s+(?!(?:who|which|that|and|but|as)\b)(?:[^\s,;:]+\s+){{1,6}}?(?:{_VERBS})\b[^,;:]{{0,60}}?[.!?]?\s*$"
    rf"|,\s+(?:{_VERBS})\s+(?:(?-i:[A-Z])|the\s|his\s|her\s|a\s)[^,;:]{{0,60}}?[.!?]?\s*$",
    re.IGNORECASE,
)
"""... or behind it: "..., the ministry said in a statement.", "..., according to the ONS."."""
STATEMENT_MIN_WORDS = 10
"""A statement beside its attribution is scored on its own only from this many words (a stock line
of six, "the man was taken to hospital", is no evidence of a copy on its own)."""


def statement_span(text: str) -> tuple[int, int] | None:
    """Where the statement lies in a sentence of narrative with its attribution before or after it:
    ``text[start:end]``, or None (no such attribution).

    A paper moves a wire story's attribution: "Norway will buy 14 new helicopters ..., Defence
    Minister Kari Solberg said on Wednesday." comes back as "According to Defence Minister Kari
    Solberg, Norway will buy 14 new helicopters ...", or "Solberg said on Wednesday that Norway
    will ...": the statement is the copy, and dedup scores it on its own too, as it does a
    quotation beside a short attribution (:func:`quoted_core`).

    >>> s = "According to the ministry, the deal is the largest purchase in its history."
    >>> s[slice(*statement_span(s))]
    'the deal is the largest purchase in its history.'
    >>> s = "Kari Solberg said on Wednesday that Norway will buy new helicopters."
    >>> s[slice(*statement_span(s))]
    'Norway will buy new helicopters.'
    >>> s = "The deal is the largest purchase in its history, the ministry said in a statement."
    >>> s[slice(*statement_span(s))]
    'The deal is the largest purchase in its history'
    >>> statement_span("The deal, signed in Oslo, is the largest in its history.") is None
    True
    """
    m = _FRONT.match(text)
    if m is not None:
        return m.end(), len(text)
    m = _BACK.search(text)
    if m is not None and m.start() > 0:
        return 0, m.start()
    return None


def quoted_core(text: str, tokens: list[tuple[str, int, int]]) -> tuple[int, int]:
    """Word index range ``[lo, hi)`` of the quotation in ``text``, or ``(0, 0)`` if none.

    ``tokens`` are the words of ``text`` as returned by :func:`words` (offsets into ``text``).

    With two or more quote marks the core runs from the first to the last
    one; with a single mark, in a whole sentence the side it opens or closes
    (the quotation runs on past the sentence, or began before it), else the
    longer side. Dedup compares this core
    on its own when the rest of the sentence is only a short attribution
    ("Inbar said", "he added").

    >>> s = "“Azerbaijan is an important country for us,” Inbar said."
    >>> quoted_core(s, words(s))
    (0, 7)
    >>> quoted_core("No quotes here.", words("No quotes here."))
    (0, 0)
    >>> s = 'Her mother Carol said: "We are just folk.'  # (the quotation runs on in the next sentence)
    >>> quoted_core(s, words(s))
    (4, 8)
    >>> s = 'I keep telling her to stay calm," she said.'  # (it began in the sentence before)
    >>> quoted_core(s, words(s))
    (0, 7)
    >>> s = 'economic policy," a senior official added.'  # (a hard-wrapped line's fragment)
    >>> quoted_core(s, words(s))
    (2, 6)
    """
    found = list(_QUOTE.finditer(text))
    marks = [m.start() for m in found]
    if not marks or not tokens:
        return (0, 0)

    def index_at(pos: int) -> int:
        for i, (_, s, _) in enumerate(tokens):
            if s >= pos:
                return i
        return len(tokens)

    if len(marks) >= 2:
        lo, hi = index_at(marks[0]), index_at(marks[-1])
    else:
        cut = index_at(marks[0])
        # one mark in a whole sentence: a quotation that opens here and runs on past it ('Carol said: "We\'re
        # just ordinary folk.' / 'I keep telling her ..."') is the side after the mark, one that closes here
        # the side before it; a mark set apart or run together on both sides, or a hard-wrapped line's
        # fragment ('economic policy," a senior official added.'), the longer side
        m = found[0]
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        opens = (before.isspace() or before in ":(") and not after.isspace()
        closes = not before.isspace() and (after.isspace() or after in ".,;:!?)")
        sentence = text[:1].isupper() and text.rstrip("\"'”’»)")[-1:] in ".!?"
        if sentence and opens != closes:
            lo, hi = (cut, len(tokens)) if opens else (0, cut)
        else:
            lo, hi = (0, cut) if cut >= len(tokens) - cut else (cut, len(tokens))
    return (lo, hi) if hi > lo else (0, 0)


_SPEECH = frozenset(
    [
        "said",
        "says",
        "say",
        "saying",
        "added",
        "adds",
        "told",
        "tells",
        "stated",
        "explained",
        "insisted",
        "admitted",
        "declared",
        "commented",
        "continued",
        "concluded",
        "concludes",
        "claimed",
        "revealed",
        "warned",
        "replied",
        "according",
        # Spanish and Portuguese preterites of agency copy's attributions ("dijo", "afirmou"; round 70);
        # their past participles are speech only beside a quotation (``_BESIDE_QUOTE``)
        "dijo",
        "afirmó",
        "aseguró",
        "explicó",
        "declaró",
        "señaló",
        "indicó",
        "añadió",
        "disse",
        "afirmou",
        "declarou",
        "explicou",
        "acrescentou",
        # Dutch ("zei hij", "aldus de woordvoerder", "volgens de politie"; round 72)
        "zei",
        "zegt",
        "zeiden",
        "zeggen",
        "verklaarde",
        "volgens",
        # Swedish, Norwegian and Danish verbs ("säger hon till TT", "sier politiet"; round 77); not "sa",
        # which is French "sa" too (it closes a dash's quotation only: ``_DASH_CLOSE``), nor "enligt", whose
        # short line inside a copied run, "Enligt Trafikverket påverkas tusentals resenärer.", is a split
        # sentence's half
        "säger",
        "sade",
        "uppger",
        "berättar",
        "sier",
        "siger",
        "sagde",
        # Finnish ("sanoo komisario Virtanen STT:lle", round 81)
        "sanoo",
        "sanoi",
        "kertoo",
        "kertoi",
        "toteaa",
        "totesi",
        # German
        "sagte",
        "sagt",
        "erklärte",
        "erklärt",
        "betonte",
        "fügte",
        "hinzu",
    ]
)


_BESIDE_QUOTE = [
    *["déclaré", "expliqué", "indiqué", "affirmé", "ajouté", "assuré", "souligné", "précisé", "estimé"],
    *["raconté", "confié", "dicho", "declarado", "afirmado", "explicado", "señalado", "asegurado", "añadido"],
    *["según", "detto", "dichiarato", "spiegato", "aggiunto", "affermato"],
]
"""French, Spanish and Italian past participles (and "según") of agency copy's attributions ("a déclaré",
"ha explicado", "ha detto"; round 70): speech only beside a quotation, as they are adjectives and
participles elsewhere ("Le bâtiment était assuré.", "Dicho acuerdo fue ratificado.", "declarado nulo";
review 49)."""
_AFTER_COMMA = ["aldus", "schrijft", "stelt", "liet"]
"""Dutch attributions that are speech only right after the quotation and its comma ('"...", aldus de
woordvoerder', '"...", liet de gemeente weten') or before its colon: Dutch puts the verb second, after a
quoted word as after any other ("Zijn “nee” liet hen koud."), and "aldus" opens a sentence as "thus" (round
72; review 49)."""
_POSTS = frozenset(["wrote", "writes", "posted", "tweeted", *_BESIDE_QUOTE, *_AFTER_COMMA])
"""Verbs of a post, and ``_BESIDE_QUOTE``: speech only beside a quotation ("wrote on Instagram: ...", "«
... », a déclaré le maire"), narrative elsewhere."""
_POST_VERBS = "|".join(sorted(_POSTS - set(_AFTER_COMMA), key=len, reverse=True))
_COMMA_VERBS = "|".join(_AFTER_COMMA)


_POST_SPEECH = re.compile(
    rf"\b(?:{_POST_VERBS})\b(?:\s+(?:on|in|to)(?:\s+[^\s:,;\"“”„«»]+){{1,3}}?)?\s*[:,]\s*[\"“„«'‘]"
    rf"|[,.!?]\s*[\"”»’'‘]\s+(?:[^\s]+\s+){{0,4}}?(?:{_POST_VERBS})\b"
    rf"|(?:[”»]\s*[,.]?|\"[,.])\s+(?:[^\s]+\s+){{0,3}}?(?:{_POST_VERBS})\b"
    rf"|\b(?:{_POST_VERBS}|{_COMMA_VERBS})\b[^.:;«»“”\"]{{0,80}}:\s*[«“„\"]"
    rf"|(?:[”\"»’]\s*,|,\s*[”\"»’])\s*(?:{_COMMA_VERBS})\b",
    re.IGNORECASE,
)
"""A post's verb (``_POSTS``) that introduces its quotation ('wrote on Instagram: "', 'posted: "', 'a
déclaré à l'AFP Marie Dupont : «') or follows it ('"...," she wrote', '« ... », a déclaré', '«...», ha
explicado'); not "who wrote \"The Curious Incident ...\"" (a title), nor 'ha declarado nulo el
contrato de la "Operación ..."'."""


def post_speech(piece: str, outside: list[str]) -> bool:
    """Whether a passage with a quotation (``outside``: its words outside quotation marks) has a post's
    verb (``_POSTS``) beside its quotation (:data:`_POST_SPEECH`); the pattern is searched only when
    one of those words is one (a search over every quotation cost compute_signature a quarter).

    >>> post_speech('Amy Hart wrote on X: "He was kind."', ["Amy", "Hart", "wrote", "on", "X"])
    True
    >>> post_speech('Haddon, who wrote "The Curious Incident", died.', ["Haddon", "who", "wrote", "died"])
    False
    """
    return any(w.casefold() in _POSTS for w in outside) and _POST_SPEECH.search(piece) is not None


def has_speech_verb(tokens: list[tuple[str, int, int]], lo: int, hi: int) -> bool:
    """Whether a word outside ``tokens[lo:hi]`` is a speech verb ("said", "added", "told", ...).

    >>> s = "The Oasis singer, Noel Gallagher, said: “It’s hardly news.”"
    >>> t = words(s)
    >>> has_speech_verb(t, *quoted_core(s, t)), has_speech_verb(t, 0, len(t))
    (True, False)
    """
    return any(w.casefold() in _SPEECH for i, (w, _, _) in enumerate(tokens) if i < lo or i >= hi)


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` inside quotation marks, across sentences of one paragraph.

    Double marks (straight, curly, guillemets, „) and single quotes used as
    quotation marks (‘...’ or '...' at word boundaries; an apostrophe inside a
    word is not a mark) are tracked; every line break ends an open quotation
    (a quote running over paragraphs reopens with a mark in the next one). German „...“, Danish »...«
    and Swedish ”...” close where they close. A quotation set with a dash at a line's start, as Swedish,
    Norwegian and Danish papers set them, is added (:func:`_dash_quotations`: read line by line too, a
    dash's line only when it closes with an attribution or runs on from one).

    >>> t = "He said: “We will win. They know it.” Then he left."
    >>> [t[s:e] for s, e in quoted_ranges(t)]
    ['We will win. They know it.']
    >>> t = "'It's over. I had to go,' she said. Don't worry."
    >>> [t[s:e] for s, e in quoted_ranges(t)]
    ["It's over. I had to go,"]
    >>> t = "Er sagte: „Wir sind bereit.“ Dann ging er. Hon sa: ”Vi är klara.” Han sagde: »Vi er klar.« Nej."
    >>> [t[s:e] for s, e in quoted_ranges(t)]
    ['Wir sind bereit.', 'Vi är klara.', 'Vi er klar.']
    """
    out: list[tuple[int, int]] = []
    dbl = sgl = -1  # start of the open double / single quotation, -1 when none
    n = len(text)
    # the first line break after the open quotation ends it: only marks are visited (a text has
    # far more line breaks than quotations), the break is found when a quotation opens
    known = -1  # the first line break at or after the last position searched (n: none)
    brk = n  # the first line break after the open quotation (n: none, or no quotation open)
    for m in _QUOTE_MARK.finditer(text):
        i, c = m.start(), m.group()
        if brk < i:
            start = dbl if sgl < 0 else (sgl if dbl < 0 else min(dbl, sgl))
            if start < brk:
                out.append((start, brk))
            dbl = sgl = -1
            brk = n
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if c in "“„«”»":
            # German „...“, Danish »...«, Swedish ”...” and »...»: a mark that closes elsewhere opens where
            # it stands before a word after a space, one that opens elsewhere closes after a word
            if dbl < 0:
                if c in "“„«" or ((prev.isspace() or prev in "(:[") and not nxt.isspace()):
                    dbl = i + 1
            elif c in "”»" or (c in "“«" and not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)")):
                out.append((dbl, i))
                dbl = -1
        elif c == '"':
            if dbl < 0:
                dbl = i + 1
            else:
                out.append((dbl, i))
                dbl = -1
        elif c in "'‘’":
            if prev.isalnum() and nxt.isalnum():
                continue  # apostrophe
            if sgl < 0 and dbl < 0 and c != "’" and not prev.isalnum() and (nxt.isalnum() or nxt in '"“'):
                sgl = i + 1
            elif sgl >= 0 and c != "‘" and not nxt.isalnum():
                out.append((sgl, i))
                sgl = -1
        if dbl < 0 and sgl < 0:
            brk = n
        elif brk == n:
            if known < i:  # the break found before lies behind: look again, from here (each
                # stretch of the text is searched once, however many quotations a line opens)
                found = text.find("\n", i)
                known = n if found < 0 else found
            brk = known
    start = min(x for x in (dbl, sgl, brk) if x >= 0)
    if start < brk:
        out.append((start, brk))
    if "–" in text or "—" in text:
        out += _dash_quotations(text)
    out.sort()
    return out


_DASH_OPEN = re.compile(r"(?:^|(?<=[.!?]))[ \t]*[–—][ \t]+(?=\S)", re.MULTILINE)
"""A dash before a word at a line's start or after a sentence's end: a quotation's in Swedish, Norwegian
and Danish papers ("... på elpriserna. – Elräkningarna har aldrig varit högre, sa hon."), else a list's or
an aside's."""
_DASH_CLOSE = re.compile(
    r"(?:,|[!?])[ \t]+(?:(?:säger|sade|skriver|berättar|uppger|tillägger|konstaterar|frågar|menar|sier"
    r"|forteller|opplyser|legger|mener|spør|siger|sagde|fortæller|oplyser|tilføjer|spørger)\b"
    r"|(?:[A-ZÅÄÖ][\w-]*[ \t]+)?(?:sanoo|sanoi|kertoo|kertoi|toteaa|totesi|arvioi|korostaa|korosti)\b"
    r"|sa[ \t]+(?:[A-ZÅÄÖÆØ]|(?:hon|han|hun|hen|de|dom|vi|jag|jeg|eg|den|det|en|ett|et)\b"
    r"|[a-zåäöæø]+(?:en|et|rn|na|ens|ets)\b))"
)
"""The comma (or "!", "?") before a dash quotation's attribution in Swedish, Norwegian, Danish and Finnish
("..., säger hon till TT.", "..., sier politiet.", "..., skriver polisen i ett pressmeddelande.", "...,
sanoo komisario Virtanen STT:lle.", "..., Vainio sanoo."; round 81); "sa" only
before a name, a pronoun, an article or a noun in the definite form ("..., sa Johan Ström.", "..., sa
hon.", "..., sa ett vittne.", "..., sa finansministern ..."; not French "..., sa collaboratrice", English
"SA's")."""


def _dash_quotations(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations set with a dash, as Swedish, Norwegian and Danish papers set them
    ("– Vi har vänt utvecklingen, sa Johan Ström."): from a dash at a line's start or after a sentence
    (:data:`_DASH_OPEN`) to the comma before the attribution (:data:`_DASH_CLOSE`), or, right after such a
    quotation's line (blank lines apart), a dash's whole line (a quotation running on). Any other dash is
    a list's or an aside's (round 77; a review caught a list, "bl.a. – enligt uppgifter till TT –" and
    "sa" of French and English read so). One pass over the text.

    >>> t = "– Vi har ett spår. Vi jobbar, säger hon till TT.\\n\\n– Det är allt.\\nMålen:\\n– fler jobb"
    >>> [t[s:e] for s, e in _dash_quotations(t)]
    ['Vi har ett spår. Vi jobbar', 'Det är allt.']
    >>> _dash_quotations("– Le député Jean Martin, sa collaboratrice et deux autres ont été arrêtés.")
    []
    """
    spans: list[tuple[int, int]] = []
    opens = [(m.start(), m.end()) for m in _DASH_OPEN.finditer(text)]
    last = -1  # where the line of the last dash quotation ends, -1 when the line before was none
    line = -1  # where the current opener's line ends
    for k, (at, start) in enumerate(opens):
        if line < start:
            line = text.find("\n", start)
            line = len(text) if line < 0 else line
        end = opens[k + 1][0] if k + 1 < len(opens) and opens[k + 1][0] < line else line
        close = _DASH_CLOSE.search(text, start, end)
        first = at == 0 or text[at - 1] == "\n"  # (a line's opener matches at its start, white space and all)
        if close is not None and text[close.end() : end].rstrip()[-1:] in (".", "!", "?"):
            spans.append((start, close.start()))
            last = end if end == line else -1
        elif first and last >= 0 and not text[last:at].strip():
            spans.append((start, start + len(text[start:end].rstrip())))
            last = end if end == line else -1
        elif first:
            last = -1
    return spans
