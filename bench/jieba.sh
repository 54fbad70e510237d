#!/usr/bin/env bash
# bench/jieba.sh [MB]: cnplan's full extraction against python3-jieba's
# segmentation alone, on the same corpus of MB megabytes (default 20) made
# of copies of testdata/corpus, both on one core (CPU 0, with taskset when
# it is there).
#
# cnplan is timed as a whole process (start, decode, clean, normalise,
# extract, JSON out; extraction runs no segmenter), with --jobs 1; jieba for its
# segmentation only (jieba.lcut, default mode), its dictionary load
# reported apart. Needs Debian's python3-jieba (apt-get install python3-jieba).
set -euo pipefail
mb=${1:-20}
source "$(dirname "$0")/corpus.sh"

start=$(date +%s.%N)
"${one[@]}" "$work/cnplan" extract --format jsonl --jobs 1 --quiet -o /dev/null "$work/corpus"
end=$(date +%s.%N)
cnplan=$(awk "BEGIN{print $end - $start}")
awk "BEGIN{printf \"cnplan extract, one core: %.1f s (%.2f MB/s), whole process\n\", $cnplan, $bytes/1e6/$cnplan}"

line=$("${one[@]}" "$py" "$root/bench/jieba_segment.py" "$work/corpus")
echo "$line"
jieba=$(echo "$line" | sed -n 's/.* words in \([0-9.]*\) s .*/\1/p')
awk "BEGIN{printf \"ratio: cnplan's full extraction is %.2fx as fast as jieba's segmentation alone\n\", $jieba/$cnplan}"
