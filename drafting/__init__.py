"""drafting: a toolkit for the people who write and edit United Nations documents.

Readers turn inputs into one model (Akoma Ntoso 3.0, UN profile, held in lxml);
writers, compare, generate and check work on that model.
"""

__version__ = "0.1.0"
