"""Which of lagebild's languages a text is in, or None when the text does not say clearly.

py3langid's naive Bayes model over all its languages, then restricted to lagebild.lang.LANGUAGES.
Restricting avoids confusions with close neighbours we cannot read (Galician taken for
Portuguese is still read usefully); looking at the full model first keeps text that is plainly
in another language (Dutch, Bulgarian, Urdu) from being forced onto the nearest language we
read (German, Russian, Persian), whose lexicons would then find nonsense in it.
Short or unclear text gets None rather than a guess, so the caller can fall back on a
declared language.

The restriction renormalises the full model's probabilities over LANGUAGES, which is what
py3langid's set_languages computes, so one model instance answers both questions.
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from lagebild.lang import LANGUAGES

# Fewer letters than this is a name or a headline fragment, on which the model only guesses.
MIN_LETTERS = 12
# Below this total probability for all of LANGUAGES, the text is in some other language.
MIN_SUPPORTED = 0.05
# The winner's probability among LANGUAGES (py3langid calibrates probabilities for length).
MIN_CONFIDENCE = 0.5
# Enough text to decide; longer documents only cost time.
MAX_CHARS = 20000

_SUPPORTED = frozenset(LANGUAGES)


@cache
def _identifier() -> LanguageIdentifier:
    """The model, loaded once per process (about half a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_scores(text: str) -> dict[str, float]:
    """Probability of each of LANGUAGES for `text`, over all the model's languages (sums to <= 1)."""
    return {lang: p for lang, p in _identifier().rank(text[:MAX_CHARS]) if lang in _SUPPORTED}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of `text` among LANGUAGES, or None if too short or unclear."""
    if sum(1 for ch in text[:MAX_CHARS] if ch.isalpha()) < MIN_LETTERS:
        return None
    scores = language_scores(text)
    supported = sum(scores.values())
    if supported < MIN_SUPPORTED:
        return None
    lang = max(scores, key=lambda code: (scores[code], -LANGUAGES.index(code)))
    return lang if scores[lang] / supported >= MIN_CONFIDENCE else None


def reading_language(declared: str | None, text: str) -> tuple[str, str]:
    """(language of the text, language whose words read it) for a document that declares
    `declared`: "de-DE" and "DE" are "de"; a code we cannot read falls back on detection, then
    English. Extraction and the choice of a document's events read a text the same way."""
    given = (declared or "").strip().lower().replace("_", "-").split("-")[0] or None
    lang = given if given in _SUPPORTED else detect_language(text) or given or "en"
    return lang, lang if lang in _SUPPORTED else "en"


def language_confidence(text: str) -> float:
    """How clearly `text` reads as some language, any language (the model's top probability).

    Tells a correct decoding of legacy-encoded bytes from a mojibake one.
    """
    return _identifier().rank(text[:MAX_CHARS])[0][1]
