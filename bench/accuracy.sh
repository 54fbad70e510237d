#!/usr/bin/env bash
# Prints README's accuracy table: cnplan eval per genre of the development
# corpus and on all nine documents. Usage: bench/accuracy.sh [CNPLAN]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
	bin=$(mktemp -d)/cnplan
	go build -o "$bin" ./cmd/cnplan
fi
c=testdata/corpus
row() {
	local name=$1; shift
	"$bin" eval --gold testdata/gold "$@" | awk -v name="$name" '
		/^target / && !t { t = $NF } /^deadline / { d = $NF } /^unit / && NF >= 7 { u = $NF } /^unit / && NF == 3 { ua = $NF }
		/^comparator / { c = $NF } /^year / { y = $NF } /^kind / { k = $NF } /^record / { r = $NF; g = $2 }
		END { printf "| %s | %s | %s | %s | %s | %s / %s / %s / %s | **%s** |\n", name, g, t, d, u, ua, c, y, k, r }'
}
echo "| documents | gold targets | target F1 | deadline F1 | unit F1 | unit / comparator / year / kind of matched targets | record F1 |"
echo "|---|---|---|---|---|---|---|"
row "provincial work report (01)" $c/01_*.txt
row "national plan, indicator table, 十二五 review (21)" $c/21_*.txt
row "city assessment scheme, 90 tasks (30)" $c/30_*.txt
row "provincial action plan, 责任单位 (32)" $c/32_*.txt
row "city health plan with a table (001)" $c/001_*.txt
row "action plan, OCR noise (002)" $c/002_*.txt
row "news reports (000, 003 traditional, 004)" $c/000_*.txt $c/003_*.txt $c/004_*.txt
row "the first five (000–004)" $c/00*.txt
row "**all nine**" $c/*.txt
