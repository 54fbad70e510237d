#!/usr/bin/env bash
# Remakes the table fixtures from their sources: own.html (a table written
# for the tests) and the indicator table of testdata/corpus/001 (tables.py
# writes 001.html from it). The outputs are committed, so tests need none of
# these tools; run this after editing a source. Needs (Debian): python3
# chromium fonts-wqy-zenhei libreoffice-writer-nogui poppler-utils.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 tables.py # 001.html, own.tsv.txt, 001.tsv.txt
for name in own 001; do
  # Chromium print-to-PDF: CID TrueType fonts, Identity-H, subset.
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$PWD/$name-chromium.pdf" "$name.html" 2>/dev/null
  # LibreOffice: HTML → DOCX (merged cells become vMerge, the way Word
  # writes them), then DOCX → PDF; narrow columns wrap cells over lines.
  soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$name.html" >/dev/null 2>&1
  cp "$tmp/$name.docx" "$name.docx"
  soffice --headless --convert-to pdf --outdir "$tmp" "$name.docx" >/dev/null 2>&1
  cp "$tmp/$name.pdf" "$name-libreoffice.pdf"
  # What a researcher gets from pdftotext -layout: columns aligned by spaces.
  pdftotext -layout -enc UTF-8 "$name-chromium.pdf" "$name-chromium.layout.txt"
  pdftotext -layout -enc UTF-8 "$name-libreoffice.pdf" "$name-libreoffice.layout.txt"
done
