package main

import (
	"github.com/cnplan/cnplan/dict"
	"github.com/spf13/pflag"
)

// bindReadFlags adds the flags that control how inputs are read.
func bindReadFlags(f *pflag.FlagSet, o *readOptions) {
	f.StringVar(&o.Encoding, "encoding", "", "force the input encoding (utf-8, gbk, gb18030, big5, utf-16le, utf-16be)")
	f.BoolVar(&o.KeepAll, "keep-all", false, "keep page junk (navigation, share links, link farms)")
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
