// Package bench measures cnplan as a user runs it: the built binary's cold
// start, and a 200 MB corpus through extract --format jsonl (speed and peak
// memory). The corpus is made in the benchmark from the real documents of
// testdata/corpus and never committed. jieba.sh times Debian's
// python3-jieba segmenting the same corpus, the best-known peer, against
// cnplan extract; segment_vs_jieba.sh against cnplan segment, with the
// latter's cold start. bakeoff/ scores any segmentation command on the
// SIGHAN 2005 bakeoff (jieba_cut.py is jieba as such a command).
//
//	go test -run - -bench . -benchtime 1x ./bench
//	CNPLAN_BENCH_MB=50 go test -run - -bench Corpus -benchtime 1x ./bench
//	bench/jieba.sh 20
//	bench/segment_vs_jieba.sh 10
//	go run ./bench/bakeoff -data /path/to/icwb2-data -- cnplan segment --keep-all -
package bench
