"""What real Python consumers of valmis's reports see, as JSON on standard output.

Usage: python_consumers.py JUNIT.xml SARIF.sarif [SUMMARY.md]

- junitparser (PyPI): every test case with its suite, name, classname, time, file, line and
  result elements (tag, message, type, text), as a reporting tool built on it would show them.
- xunitparser (PyPI): the unittest-style result it builds (it asserts the totals of <testsuites>
  and that no property name repeats); its failures, errors and skips with their text.
- sarif-tools (PyPI): the results it loads, with level, rule, location and line (line 1 where a
  result has no region, as its reports do).
- markdown-it-py (PyPI), a CommonMark parser, as GitHub renders a step summary: the text of every
  code span of the Markdown summary.

Run by tests/consumers.rs; `.ci/run` installs the three packages with pip.
"""

import json
import sys


def junitparser_view(path):
    import junitparser

    xml = junitparser.JUnitXml.fromfile(path)
    suites = [xml] if isinstance(xml, junitparser.TestSuite) else list(xml)
    cases = []
    for suite in suites:
        for case in suite:
            results = []
            for result in case.result:
                results.append(
                    {
                        "tag": result._tag,
                        "message": result.message,
                        "type": result.type,
                        "text": result.text,
                    }
                )
            cases.append(
                {
                    "suite": suite.name,
                    "suite_time": suite.time,
                    "name": case.name,
                    "classname": case.classname,
                    "time": case.time,
                    "file": case._elem.get("file"),
                    "line": case._elem.get("line"),
                    "results": results,
                }
            )
    return {"time": getattr(xml, "time", None), "cases": cases}


def xunitparser_view(path):
    import xunitparser

    suite, result = xunitparser.parse(open(path, encoding="utf-8"))
    return {
        "tests": result.testsRun,
        "failures": [[case.methodname, case.message, case.trace] for case, _ in result.failures],
        "errors": [[case.methodname, case.message, case.trace] for case, _ in result.errors],
        "skipped": [[case.methodname, case.message, case.trace] for case, _ in result.skipped],
        "properties": suite.properties,
    }


def sarif_view(path):
    from sarif import loader

    sarif = loader.load_sarif_file(path)
    sarif.init_default_line_number_1()
    records = sarif.get_records()
    return {
        "count": sarif.get_result_count(),
        "records": [
            {
                "level": record.get("Severity"),
                "rule": record.get("Code"),
                "location": record.get("Location"),
                "line": record.get("Line"),
                "description": record.get("Description"),
            }
            for record in records
        ],
    }


def markdown_view(path):
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(open(path, encoding="utf-8").read())
    spans = []
    for token in tokens:
        for child in token.children or []:
            if child.type == "code_inline":
                spans.append(child.content)
    return {"code_spans": spans}


def main():
    junit, sarif = sys.argv[1], sys.argv[2]
    seen = {
        "junitparser": junitparser_view(junit),
        "xunitparser": xunitparser_view(junit),
        "sarif_tools": sarif_view(sarif),
    }
    if len(sys.argv) > 3:
        seen["markdown"] = markdown_view(sys.argv[3])
    json.dump(
        seen,
        sys.stdout,
        ensure_ascii=False,
        indent=1,
        default=str,
    )


if __name__ == "__main__":
    main()
