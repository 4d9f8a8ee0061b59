"""Office Open XML: the one home for what the DOCX reader, the DOCX writer and the redline writer
share.

- ``names``     namespaces, relationship and content types, ``w('p')`` Clark names
- ``order``     the schema's child order, so an element is added where Word expects it
- ``styles``    this toolkit's style vocabulary and reading a ``styles.xml``
- ``numbering`` the number Word prints on an auto-numbered paragraph
- ``footnotes`` footnote parts: the separators, note ids, the first footnote number
- ``package``   opening an untrusted zip safely; writing a zip that is the same bytes each time

Nothing here knows the AKN model or UN documents: it is the format, and only the format.
"""
