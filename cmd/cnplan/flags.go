package main

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/cnplan/cnplan/dict"
	"github.com/cnplan/cnplan/pkg/input"
	"github.com/spf13/pflag"
)

// bindReadFlags adds the flags that control how inputs are read.
func bindReadFlags(f *pflag.FlagSet, o *readOptions) {
	f.StringVar(&o.Encoding, "encoding", "", "force the input encoding (utf-8, gbk, gb18030, big5, utf-16le, utf-16be)")
	f.BoolVar(&o.KeepAll, "keep-all", false, "keep page junk (navigation, share links, link farms)")
	o.MaxSize = input.DefaultMaxSize
	f.Var((*sizeFlag)(&o.MaxSize), "max-size", "refuse inputs larger than this (bytes, or with K, M, G: 200M)")
}

// sizeFlag is a byte count given as 64M, 1G or 1048576.
type sizeFlag int64

func (s *sizeFlag) String() string { return input.FormatSize(int64(*s)) }
func (s *sizeFlag) Type() string   { return "size" }
func (s *sizeFlag) Set(v string) error {
	n, err := input.ParseSize(v)
	*s = sizeFlag(n)
	return err
}

// bindDictFlag adds --dict, the user's vocabulary files.
func bindDictFlag(f *pflag.FlagSet, files *[]string) {
	f.StringArrayVar(files, "dict", nil, "extend the vocabularies with this file (repeatable; format in README)")
}

// extendDicts loads the user's vocabulary files; a bad one is a usage error.
func extendDicts(files []string) error {
	for _, p := range files {
		if err := dict.Extend(p); err != nil {
			return usagef("--dict: %v", err)
		}
	}
	return nil
}

// formatByExtension maps -o's extension to the format it names.
var formatByExtension = map[string]string{
	".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".xlsx": "xlsx", ".html": "html",
}

// outputFormat picks a command's output format: --format when given, else
// the one -o's extension names (-o out.xlsx), else def. An extension that
// names a format the command cannot write is a usage error rather than a
// file whose name lies about its contents.
func outputFormat(formatFlag *pflag.Flag, output string, formats []string, def string) (string, error) {
	if formatFlag.Changed {
		if !slices.Contains(formats, formatFlag.Value.String()) {
			return "", usagef("--format must be %s, not %q", strings.Join(formats, ", "), formatFlag.Value.String())
		}
		return formatFlag.Value.String(), nil
	}
	ext := strings.ToLower(filepath.Ext(output))
	format, known := formatByExtension[ext]
	switch {
	case output == "" || output == "-" || !known:
		return def, nil
	case !slices.Contains(formats, format):
		return "", usagef("-o %s: cannot write %s here (formats: %s); give --format", output, format, strings.Join(formats, ", "))
	}
	return format, nil
}

// contains says whether list holds s.
func contains(list []string, s string) bool { return slices.Contains(list, s) }
