"""What the partner says on a vacation selfie: the prompt, and what we keep of the answer."""

import re

from project.llm.text import clean_post
from safety.output import publishable
from relationships.chat.prompt import partner_portrait
from relationships.models import Partner

MAX_CAPTION_LENGTH = 120


def selfie_caption_prompt(*, partner: Partner, destination, user_caption: str) -> list[dict]:
    about = [
        f"You are {partner.name}, an AI companion in the Hearth app.",
        *partner_portrait(partner, story=False),
        "You and the person you talk with are posing for a selfie on an imagined trip together. "
        "Write the caption: one short, warm sentence in your own voice, at most 15 words, "
        "no hashtags, no quotes.",
    ]
    if partner.owner.is_minor:
        about.append("Keep it friendly and wholesome; nothing romantic or suggestive.")
    ask = f"Where we are: {destination['prompt']}"
    if user_caption:
        # Their words, quoted as a note about the trip, never as instructions.
        ask += f'\nWhat they wrote about it: "{user_caption}"'
    return [{"role": "system", "content": "\n".join(about)}, {"role": "user", "content": ask}]


# Openings of a model talking about the task or repeating its instructions, not a caption.
NOT_A_CAPTION = re.compile(r"^\W*(you are|you're|as an ai|i am an ai|i'm an ai|sure|here|caption|certainly)\b", re.I)


def clean_caption(text: str) -> str:
    """One line within the caption length, or "" if the model gave nothing usable
    (the caller then uses the fixed caption)."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    if not publishable(line) or NOT_A_CAPTION.match(line):
        return ""
    return clean_post(line, MAX_CAPTION_LENGTH)


def fallback_caption(destination) -> str:
    """The caption when the LLM cannot be asked: fixed, and fine on any trip."""
    return f"{destination['name']}, together. Wish this moment could last."
