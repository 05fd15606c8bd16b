import json
from pathlib import Path

from thbdesk.cli import main

LAW_FR = (
    "Loi n° 27-14\nChapitre premier\nArticle 448-1\nUn texte fictif.\nArticle 448-7\nUn autre texte fictif.\n"
)


def cli_json(capsys, *args: str):
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_texts_json_lists_every_bundled_instrument_with_counts(capsys) -> None:
    rows = {row["id"]: row for row in cli_json(capsys, "texts")}
    assert {"27-14", "2-17-740", "02-03", "plan-2023-2030", "nrm", "indicators", "glossary"} <= set(rows)
    assert rows["27-14"]["provisions"] >= 14 and rows["27-14"]["source"] == "summary"
    assert rows["glossary"]["provisions"] >= 60
    assert rows["27-14"]["title"].startswith("القانون")  # the default UI language is Arabic


def test_import_then_list_then_remove(tmp_path: Path, capsys) -> None:
    source = tmp_path / "loi-27-14.txt"
    source.write_text(LAW_FR, encoding="utf-8")
    assert main(["--ui-lang", "en", "import", str(source)]) == 0
    captured = capsys.readouterr()
    assert "2 articles imported as 27-14 (fr), 2 matched to summaries." in captured.out
    assert "100% loi-27-14.txt" in captured.err  # the progress bar went to stderr
    imported = [r for r in cli_json(capsys, "texts") if r["source"] == "official"]
    assert len(imported) == 1 and imported[0]["instrument"] == "27-14" and imported[0]["aligned"] == 2

    assert main(["--ui-lang", "en", "import", str(source)]) == 0
    assert "already in the library" in capsys.readouterr().out

    assert main(["--ui-lang", "en", "remove", imported[0]["id"]]) == 0
    assert "loi-27-14.txt was removed" in capsys.readouterr().out
    assert [r for r in cli_json(capsys, "texts") if r["source"] == "official"] == []


def test_import_of_junk_is_bad_input_in_the_users_language(tmp_path: Path, capsys) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    assert main(["--ui-lang", "fr", "import", str(junk)]) == 2
    err = capsys.readouterr().err
    assert "junk.pdf" in err and "PDF" in err
    assert [r for r in cli_json(capsys, "texts") if r["source"] == "official"] == []


def test_remove_unknown_id_is_bad_input(capsys) -> None:
    assert main(["--ui-lang", "en", "remove", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
