"""Pack a built site into one zip that a reader unpacks anywhere and opens with a double click.

    python scripts/make_offline_zip.py SITE_DIR ZIP_PATH

The zip holds one folder, aws-field-guide/, with index.html at its top. `make offline` then
publishes it next to the site (site/aws-field-guide-offline.zip), which the home page links to;
a zip already in SITE_DIR is not packed into the new one.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

FOLDER = "aws-field-guide"
ZIP_NAME = "aws-field-guide-offline.zip"


def make_zip(site_dir: Path, zip_path: Path) -> int:
    """Write the zip; return the number of files packed."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p.name != ZIP_NAME)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            archive.write(path, f"{FOLDER}/{path.relative_to(site_dir).as_posix()}")
    return len(files)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make_offline_zip.py SITE_DIR ZIP_PATH", file=sys.stderr)
        return 2
    site_dir, zip_path = Path(argv[0]), Path(argv[1])
    if not (site_dir / "index.html").is_file():
        print(f"make_offline_zip: {site_dir}/index.html not found; build the site first", file=sys.stderr)
        return 2
    count = make_zip(site_dir, zip_path)
    print(f"{zip_path}: {count} files, {zip_path.stat().st_size / 1e6:.1f} MB; unpack it and open "
          f"{FOLDER}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
