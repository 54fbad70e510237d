package main

import (
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
