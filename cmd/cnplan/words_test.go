package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cnplan/cnplan/pkg/words"
)

// TestWordsJSONCounts001: the pooled count of one plan, as JSON.
func TestWordsJSONCounts001(t *testing.T) {
	code, out, errOut := runCLI(t, "", "words", "--format", "json", "--top", "5", corpusFile(t, "001"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var table words.CountTable
	if err := json.Unmarshal([]byte(out), &table); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if table.Schema != Schema || len(table.Files) != 1 || table.Total != 6712 || len(table.Words) != 5 {
		t.Fatalf("table: schema %q, files %v, total %d, %d words", table.Schema, table.Files, table.Total, len(table.Words))
	}
	if w := table.Words[0]; w.Word != "健康" || w.Count != 233 || w.Pos != "a" {
		t.Errorf("first word %+v, want 健康 233 a", w)
	}
	if w := table.Words[3]; w.Word != "卫生" || w.Count != 98 {
		t.Errorf("fourth word %+v, want 卫生 98", w)
	}
}

// TestWordsByDocCSV: per document, nouns seen at least 10 times, as CSV.
func TestWordsByDocCSV(t *testing.T) {
	code, out, errOut := runCLI(t, "", "words", "--by-doc", "--pos", "n", "--min-count", "10", "--format", "csv",
		corpusFile(t, "001"), corpusFile(t, "003"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "file,word,pos,count,docs,share" {
		t.Fatalf("header %v", rows[0])
	}
	found := map[string]string{}
	for _, r := range rows[1:] {
		if r[2][0] != 'n' {
			t.Errorf("--pos n printed %v", r)
		}
		found[r[0][len(r[0])-24:len(r[0])-21]+" "+r[1]] = r[3]
	}
	// 003 is traditional: 醫療 counts as 医疗.
	if found["001 医疗"] != "88" || found["003 医疗"] != "11" || found["003 医院"] != "" {
		t.Errorf("counts: 001 医疗 %q, 003 医疗 %q, 003 医院 %q (9 < 10)", found["001 医疗"], found["003 医疗"], found["003 医院"])
	}
}

// TestWordsKeywordsAgainstCorpus: each document's keywords, weighed
// against the documents given, show what sets it apart.
func TestWordsKeywordsAgainstCorpus(t *testing.T) {
	code, out, errOut := runCLI(t, "", "words", "--keywords", "3", "--format", "json",
		corpusFile(t, "000"), corpusFile(t, "001"), corpusFile(t, "002"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var tables []words.KeywordTable
	if err := json.Unmarshal([]byte(out), &tables); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := []string{"许昌市", "健康", "医院"}
	for i, tb := range tables {
		if tb.IDF != words.IDFCorpus || len(tb.Keywords) != 3 || tb.Keywords[0].Word != want[i] {
			t.Errorf("%s: idf %s, keywords %+v, want %s first", tb.File, tb.IDF, tb.Keywords, want[i])
		}
	}
	if len(tables) != 3 {
		t.Fatalf("%d tables, want 3", len(tables))
	}
	code, _, errOut = runCLI(t, "", "words", "--idf", "tfidf", corpusFile(t, "000"))
	if code != 2 || !strings.Contains(errOut, "--idf") {
		t.Errorf("bad --idf: exit %d, %q", code, errOut)
	}
}
