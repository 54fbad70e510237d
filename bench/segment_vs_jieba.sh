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
source "$(dirname "$0")/corpus.sh"

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
