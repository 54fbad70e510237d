# Sourced by the jieba comparisons (bench/jieba.sh, bench/segment_vs_jieba.sh):
# checks python3-jieba, builds cnplan into $work and writes $mb megabytes of
# copies of testdata/corpus under $work/corpus. Sets py, one (taskset on CPU
# 0 where there is taskset), work, bytes, and prints the corpus's size.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! "$py" -c 'import jieba' 2>/dev/null; then
	echo "$(basename "$0"): python3-jieba is not installed (apt-get install python3-jieba)" >&2
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
