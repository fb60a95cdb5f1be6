"""The build cache (ks/build/build_cache.py): a warm build gives the same catalogue and pages as a cold
one, and no problem is ever hidden by it: a file that fails is never recorded, and a changed file, schema
or pattern file is checked again."""
from __future__ import annotations

import json

import pytest

from ks.catalogue.load import CatalogueError, load_catalogue
from project import build, make_project


@pytest.fixture
def project(tmp_path):
    (tmp_path / "project").mkdir()
    return make_project(tmp_path / "project")


def _story(project):
    return sorted((project / "situations").glob("*/*.md"))[0]


def test_a_warm_load_gives_the_same_catalogue(project, tmp_path):
    record = tmp_path / "cache" / "catalogue.json"
    cold = load_catalogue(project)
    first = load_catalogue(project, record)
    recorded = len(json.loads(record.read_text(encoding="utf-8"))["files"])
    assert record.is_file() and recorded == len(cold.entries) + len(cold.collections)  # situations and collection.yml
    warm = load_catalogue(project, record)
    assert warm.entries == first.entries == cold.entries
    assert warm.collections == cold.collections


def test_a_changed_file_is_checked_again(project, tmp_path):
    record = tmp_path / "catalogue.json"
    load_catalogue(project, record)
    story = _story(project)
    story.write_text(story.read_text(encoding="utf-8") + "\nBel me op 06-12345678.\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(project, record)
    assert any("telefoonnummer" in line and story.name in line for line in err.value.problems)
    with pytest.raises(CatalogueError):  # a failing file is not recorded: it fails again
        load_catalogue(project, record)


def test_a_changed_collection_file_is_checked_again(project, tmp_path):
    record = tmp_path / "catalogue.json"
    load_catalogue(project, record)
    meta = sorted((project / "situations").glob("*/collection.yml"))[0]
    meta.write_text(meta.read_text(encoding="utf-8") + "kleur: blauw\n", encoding="utf-8")
    for _ in range(2):  # and a failing collection file is not recorded: it fails again
        with pytest.raises(CatalogueError) as err:
            load_catalogue(project, record)
        assert any("collection.yml" in line and "kleur" in line for line in err.value.problems), err.value.problems


def test_a_warm_build_needs_no_json_schema_and_still_checks_a_changed_example_round(project, tmp_path):
    """jsonschema is imported only when a file, a collection or the example round needs checking."""
    import os
    import subprocess
    import sys

    import yaml
    code = ("import sys; from mkdocs.config import load_config; from mkdocs.commands.build import build; "
            f"build(load_config({str(project / 'mkdocs.yml')!r}, site_dir={str(tmp_path / 'site')!r})); "
            "print('jsonschema' in sys.modules)")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KS_PDF="0", KS_BUILD_CACHE=str(tmp_path / "cache"))
    run = lambda: subprocess.run([sys.executable, "-c", code], env=env, cwd=project,  # noqa: E731
                                 capture_output=True, text=True)
    first, warm = run(), run()
    assert first.returncode == 0 and warm.returncode == 0, (first.stderr[-2000:], warm.stderr[-2000:])
    assert first.stdout.split()[-1] == "True" and warm.stdout.split()[-1] == "False"
    path = project / "situations" / "voorbeeldronde.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["stories"][3]["story"] = "Mail me op iemand@voorbeeld.nl als het kan."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for _ in range(2):
        broken = run()
        assert broken.returncode != 0 and "stories.3: e-mailadres" in broken.stderr, broken.stderr[-2000:]


def test_a_stricter_schema_checks_every_file_again(project, tmp_path):
    record = tmp_path / "catalogue.json"
    load_catalogue(project, record)
    schema_path = project / "situations" / "schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["summary"]["maxLength"] = 10
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(project, record)
    assert any("summary" in line and "maximaal 10 tekens" in line for line in err.value.problems)


def test_a_warm_build_makes_the_same_pages(project, tmp_path):
    cache = tmp_path / "build-cache"
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    assert build(project, site=cold).returncode == 0
    assert build(project, site=tmp_path / "first", build_cache=cache).returncode == 0
    assert (cache / "catalogue.json").is_file() and any((cache / "jinja").iterdir())
    result = build(project, site=warm, build_cache=cache)
    assert result.returncode == 0, result.stderr[-2000:]
    pages = sorted(p.relative_to(cold) for p in cold.rglob("*.html"))
    assert pages == sorted(p.relative_to(warm) for p in warm.rglob("*.html"))
    for page in pages:
        assert (cold / page).read_text(encoding="utf-8") == (warm / page).read_text(encoding="utf-8"), page


def test_the_cache_can_be_switched_off_or_moved(monkeypatch, tmp_path):
    import jinja2

    from ks.build import build_cache
    monkeypatch.delenv("KS_BUILD_CACHE", raising=False)
    assert build_cache.folder(tmp_path) == tmp_path / ".build-cache"
    monkeypatch.setenv("KS_BUILD_CACHE", "0")
    assert build_cache.folder(tmp_path) is None and build_cache.bytecode_cache(tmp_path, jinja2.Environment()) is None
    monkeypatch.setenv("KS_BUILD_CACHE", str(tmp_path / "elders"))
    assert build_cache.catalogue_record(tmp_path) == tmp_path / "elders" / "catalogue.json"


def test_compiled_templates_are_kept_apart_per_set_of_options(monkeypatch, tmp_path):
    import jinja2

    from ks.build import build_cache
    monkeypatch.setenv("KS_BUILD_CACHE", str(tmp_path))
    plain = build_cache.bytecode_cache(tmp_path, jinja2.Environment())
    trimmed = build_cache.bytecode_cache(tmp_path, jinja2.Environment(trim_blocks=True))
    assert plain.directory != trimmed.directory
    assert plain.directory == build_cache.bytecode_cache(tmp_path, jinja2.Environment()).directory


def test_a_dirty_rebuild_keeps_every_page_in_the_search_index(project, tmp_path):
    """`--dirty` builds only changed pages: the search index is then made from the whole site folder."""
    import os
    import subprocess
    import sys
    site = tmp_path / "site"
    assert build(project, site=site).returncode == 0
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    story = _story(project)
    story.write_text(story.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KS_PDF="0", KS_BUILD_CACHE="0")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "-q", "-f", str(project / "mkdocs.yml"),
                          "-d", str(site)], env=env, cwd=project, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    again = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert again["languages"]["nl"]["page_count"] == entry["languages"]["nl"]["page_count"] > 0
