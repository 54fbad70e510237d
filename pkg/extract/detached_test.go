package extract

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/document"
)

// No record holds a piece of the document's texts (original, full or
// body view): a batch keeps records until their turn to be written, and
// a substring would keep a whole document alive with them.
func TestRecordsHoldNoPieceOfTheText(t *testing.T) {
	for _, c := range corpus.All(t) {
		d, err := document.Read(c.Path, nil, document.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out := Extract(d)
		texts := []string{d.Original, d.Full().Text, d.Body.Text}
		var walk func(v reflect.Value, path string)
		walk = func(v reflect.Value, path string) {
			switch v.Kind() {
			case reflect.String:
				s := v.String()
				if s == "" {
					return
				}
				p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
				for _, text := range texts {
					base := uintptr(unsafe.Pointer(unsafe.StringData(text)))
					if p >= base && p < base+uintptr(len(text)) {
						t.Errorf("%s: %s %q is a piece of the document's text", c.Name, path, s)
						return
					}
				}
			case reflect.Pointer:
				if !v.IsNil() {
					walk(v.Elem(), path)
				}
			case reflect.Struct:
				for i := 0; i < v.NumField(); i++ {
					walk(v.Field(i), path+"."+v.Type().Field(i).Name)
				}
			case reflect.Slice:
				for i := 0; i < v.Len(); i++ {
					walk(v.Index(i), path)
				}
			}
		}
		walk(reflect.ValueOf(out), "Document")
	}
}
