"""Command families of the CLI, one module each."""

import click


class LanguageChoice(click.Choice):
    """``--lang``: one of the locale's languages, read from its data when the option is used
    (help or a value), never when the program starts."""

    def __init__(self) -> None:
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:
        from drafting.locale import languages

        return languages()
