"""The built site itself: every internal href, src and #fragment resolves (docscheck.site_links).

This is the ground truth for raw HTML and theme output, which the source checker can only predict.
"""

from __future__ import annotations

import yaml
from conftest import ROOT
from docscheck.site_links import check_site, main

# Files `make offline` puts next to the site after the build (the offline zip the home page links to).
PUBLISHED = frozenset(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
                      ["extra"]["check_docs"]["published_files"])


def test_built_site_has_no_broken_internal_link(site_dir):
    assert PUBLISHED == {"aws-field-guide-offline.zip"}
    problems = check_site(site_dir, PUBLISHED)
    assert not problems, "\n".join(problems[:40])
    assert len(list(site_dir.rglob("*.html"))) > 10  # the check ran over a real build


def test_broken_links_are_named_with_file_and_line(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html>\n<h1 id="top">T</h1>\n<a href="sub/page.html#part">ok</a>\n'
        '<a href="sub/page.md">source path</a> <a href="sub/page.html#gone">gone</a>\n'
        '<img src="img/missing.png" alt=""> <a href="#top">self</a> <a href="https://example.com/x">out</a>\n'
        '<a href="sub/">folder with index</a> <a href="/sub/page.html">from the root</a>\n', encoding="utf-8")
    (tmp_path / "sub" / "page.html").write_text('<p><a name="part"></a><a href="../index.html#top">up</a>',
                                                encoding="utf-8")
    (tmp_path / "sub" / "index.html").write_text("<p>index</p>", encoding="utf-8")
    assert check_site(tmp_path) == [
        "index.html:4:1: href='sub/page.md': the site has no sub/page.md",
        "index.html:4:39: href='sub/page.html#gone': no id 'gone' in sub/page.html",
        "index.html:5:1: src='img/missing.png': the site has no img/missing.png",
    ]
    assert main([str(tmp_path)]) == 1 and main([str(tmp_path / "nowhere")]) == 2


def test_a_file_published_after_the_build_is_not_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="aws-field-guide-offline.zip">zip</a>', encoding="utf-8")
    assert check_site(tmp_path) == ["index.html:1:1: href='aws-field-guide-offline.zip': "
                                    "the site has no aws-field-guide-offline.zip"]
    assert check_site(tmp_path, frozenset({"aws-field-guide-offline.zip"})) == []
