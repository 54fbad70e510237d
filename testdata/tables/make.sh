#!/usr/bin/env bash
# Remakes the table fixtures from own.html, the one source. The outputs are
# committed, so tests need none of these tools; run this after editing
# own.html. Needs (Debian): chromium fonts-wqy-zenhei libreoffice-writer-nogui
# poppler-utils.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Chromium print-to-PDF: CID TrueType fonts, Identity-H, subset.
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$PWD/own-chromium.pdf" own.html 2>/dev/null
# LibreOffice: HTML → DOCX (merged cells become vMerge, the way Word writes
# them), then DOCX → PDF; its narrow columns wrap cells over several lines.
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" own.html >/dev/null
cp "$tmp/own.docx" own.docx
soffice --headless --convert-to pdf --outdir "$tmp" own.docx >/dev/null
cp "$tmp/own.pdf" own-libreoffice.pdf
# What a researcher gets from pdftotext -layout: columns aligned by spaces.
pdftotext -layout -enc UTF-8 own-libreoffice.pdf own-libreoffice.layout.txt
pdftotext -layout -enc UTF-8 own-chromium.pdf own-chromium.layout.txt
