"""Quote verification: find an article's quotes in a caption track and diff the wording.

Modules, in the order the check runs: ``article`` (read .txt/.md/.html into
paragraphs), ``extract`` (quotes, kinds), ``attribution`` (the speaker phrase
around each quote) and ``speakers`` (one person, many names: speaker ids),
``normalize`` and ``stream`` (words and comparison units), ``align`` (where
each quote is, word by word), ``classify`` (differences and verdicts),
``verify`` (all of it for one article), ``results``, ``report`` (JSON) and
``html`` (the report page). The use-case is ``subtools.usecases.quotes``.
"""

__all__: list[str] = []
