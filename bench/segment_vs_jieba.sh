#!/usr/bin/env bash
# bench/segment_vs_jieba.sh [MB]: `cnplan segment` against python3-jieba's
# jieba.lcut on the same corpus of MB megabytes (default 10) made of copies
# of testdata/corpus, side by side in one run, both on one core (CPU 0,
# with taskset when it is there).
#
# cnplan is timed as a whole process (start, dictionary load, decode, clean,
# normalise, segment, words written to a file; GNU time, which this needs);
# jieba for jieba.lcut alone,
# its dictionary load reported apart (bench/jieba_segment.py). Then the cold
# start of `cnplan segment` on one 3 KB file, the median of 7 runs.
# Needs Debian's python3-jieba (apt-get install python3-jieba).
set -euo pipefail
mb=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! "$py" -c 'import jieba' 2>/dev/null; then
	echo "segment_vs_jieba.sh: python3-jieba is not installed (apt-get install python3-jieba)" >&2
	exit 1
fi
one=()
if command -v taskset >/dev/null; then one=(taskset -c 0); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/cnplan" ./cmd/cnplan)

docs=("$root"/testdata/corpus/*.txt)
round=$(cat "${docs[@]}" | wc -c)
rounds=$(( (mb * 1000000 + round - 1) / round ))
for ((i = 0; i < rounds; i++)); do
	d=$(printf '%s/corpus/%03d/%04d' "$work" $((i / 100)) "$i")
	mkdir -p "$d"
	cp "${docs[@]}" "$d/"
done
bytes=$(find "$work/corpus" -type f -exec cat {} + | wc -c)
echo "corpus: $((rounds * ${#docs[@]})) files, $(awk "BEGIN{printf \"%.1f\", $bytes/1e6}") MB"

# Wall and CPU time: on a shared machine the CPU time is the steadier.
"${one[@]}" /usr/bin/time -f '%e %U %S' -o "$work/time" "$work/cnplan" segment -o "$work/words.txt" "$work/corpus"
read -r cnplan user sys < "$work/time"
cnplan_cpu=$(awk "BEGIN{print $user + $sys}")
awk "BEGIN{printf \"cnplan segment, one core: %.1f s (%.2f MB/s), %.1f s CPU, whole process\n\", $cnplan, $bytes/1e6/$cnplan, $cnplan_cpu}"

line=$("${one[@]}" "$py" "$root/bench/jieba_segment.py" "$work/corpus")
echo "$line"
jieba=$(echo "$line" | sed -n 's/.* words in \([0-9.]*\) s .*/\1/p')
jieba_cpu=$(echo "$line" | sed -n 's/.*; cpu \([0-9.]*\) s$/\1/p')
awk "BEGIN{printf \"ratio: cnplan segment (whole process) is %.2fx as fast as jieba.lcut (segmentation alone) in wall time, %.2fx in CPU time\n\", $jieba/$cnplan, $jieba_cpu/$cnplan_cpu}"

small=$(ls -S "${docs[@]}" | tail -1)
times=()
for i in 1 2 3 4 5 6 7; do
	s=$(date +%s.%N)
	"$work/cnplan" segment "$small" >/dev/null
	e=$(date +%s.%N)
	times+=("$(awk "BEGIN{print $e - $s}")")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{printf "cold start of cnplan segment on %s: median %.3f s (%.3f–%.3f s, 7 runs)\n", "'"$(basename "$small")"'", a[4], a[1], a[7]}'
