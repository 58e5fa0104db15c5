"""Model text as Hearth stores and shows it."""


def clean_post(text: str, limit: int) -> str:
    """The model's post as we publish it: no wrapping quotes, within the length limit."""
    text = text.strip().strip('"“”').strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[: end + 1] if end > limit // 2 else cut.rstrip() + "…"
