"""Multilingual text values: a plain string (the record's default language) or a map."""

from __future__ import annotations

from typing import Any

#: English names of the languages ogpctl ships labels for, and common administrative ones.
LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "ar": "Arabic",
    "ru": "Russian", "uk": "Ukrainian", "ka": "Georgian", "hy": "Armenian", "hi": "Hindi",
    "bn": "Bengali", "th": "Thai", "ko": "Korean", "ja": "Japanese", "zh": "Chinese",
    "el": "Greek", "he": "Hebrew", "mn": "Mongolian", "id": "Indonesian", "sw": "Swahili",
    "de": "German", "it": "Italian", "nl": "Dutch", "ro": "Romanian", "tr": "Turkish",
    "az": "Azerbaijani", "sq": "Albanian", "mk": "Macedonian", "sr": "Serbian",
    "hr": "Croatian", "bs": "Bosnian", "tl": "Filipino", "ms": "Malay", "ur": "Urdu",
}


def language_name(code: str) -> str:
    name = LANGUAGE_NAMES.get(code.split("-")[0])
    return f"{name} ({code})" if name else code


def translations(value: Any, default: str) -> dict[str, str]:
    """The non-empty texts of a text value by language; {} when there is no text."""
    if isinstance(value, str):
        return {default: value} if value and not value.isspace() else {}
    texts: dict[str, str] = {}
    if isinstance(value, dict):   # a loop: a comprehension is a call of its own (3.11)
        for lang, text in value.items():   # `not text.isspace()`: `text.strip()`, no copy
            if isinstance(lang, str) and isinstance(text, str) and text \
                    and not text.isspace():
                texts[lang] = text
    return texts


def has_text(value: Any) -> bool:
    """Whether a text value has a non-empty text in any language (`translations` without
    building it)."""
    if isinstance(value, str):
        return bool(value) and not value.isspace()
    if isinstance(value, dict):   # a loop, not any(generator): most values answer at once
        for lang, text in value.items():
            if isinstance(lang, str) and isinstance(text, str) and text \
                    and not text.isspace():
                return True
    return False


def first_text(value: Any, prefer: str = "en") -> str:
    """One text of a value for messages: the preferred language, else any."""
    texts = translations(value, prefer)
    return texts.get(prefer) or next(iter(texts.values()), "")
