// Package pkg is the root of cnplan's library. Each subpackage is one
// stage of the pipeline:
//
//	decode → clean → normalize → segment → recognise (number, when, bodies,
//	extract) → render
//
// Every stage that finds something in text reports rune offsets into the
// string it was given; the normalize stage's offset map turns those into
// rune offsets in the decoded original text.
package pkg
