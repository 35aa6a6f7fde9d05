"""Does a query call another endpoint with SERVICE? Decided from a parse of the query.

pyoxigraph 0.5.13 has no option to run a query without federation: a SERVICE call is sent
as soon as `Store.query` is called. So the query is parsed (rdflib's SPARQL 1.1 grammar)
and its parse tree searched for every `ServiceGraphPattern`, wherever it is nested
(OPTIONAL, sub-selects, EXISTS, ...). This runs where the time limit applies (a query
worker, kg.query.worker), since parsing an adversarial text can take long.

Two details keep the parse honest to Oxigraph's reading of the text:

- rdflib's `parseQuery` first replaces `\\uXXXX` escapes in the whole text, which Oxigraph
  does not (it reads them only inside strings and IRIs): with the replacement,
  `"\\u0022" . SERVICE <...> {} ?s ?p "\\u0022"` would hide a real SERVICE inside one long
  string. The grammar is therefore called without it.
- A text rdflib cannot parse (its grammar is SPARQL 1.1 and has gaps Oxigraph does not)
  is `UNREADABLE`, never "no SERVICE": the caller refuses it unless the worker runs with
  its network cut off (kg.query.worker), where no SERVICE call can leave the process.

The parse costs from a millisecond to half a second, so one thing is checked first: in
Oxigraph's grammar the keyword is the seven ASCII letters S-E-R-V-I-C-E in any case, with
no escape that could spell it, so a text that nowhere holds those letters in a row cannot
call SERVICE and needs no parse. That test only ever says "none"; anything else is parsed.
"""

from __future__ import annotations

NONE = "none"
CALLS = "calls"
UNREADABLE = "unreadable"


def service_calls(sparql: str) -> tuple[str, str]:
    """(NONE, "") if the query calls no other endpoint, (CALLS, "") if it does, or
    (UNREADABLE, why) if rdflib's grammar cannot parse it."""
    if b"service" not in sparql.encode("utf-8", "surrogatepass").lower():
        return NONE, ""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import Query

    try:
        tree = Query.parse_string(sparql, parse_all=True)
    except ParseBaseException as exc:
        return UNREADABLE, f"line {exc.lineno}, column {exc.col}"
    except RecursionError:
        return UNREADABLE, "nested too deeply"
    return (CALLS, "") if _has_service(tree) else (NONE, "")


def _has_service(tree) -> bool:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    # By hand with a stack, not recursion: a deeply nested query must not overflow it.
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return True
            stack.extend(node.values())
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
    return False
