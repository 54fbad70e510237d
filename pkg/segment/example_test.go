package segment_test

import (
	"fmt"

	"github.com/cnplan/cnplan/pkg/segment"
)

func ExampleSegmenter_Cut() {
	s, err := segment.Default()
	if err != nil {
		panic(err)
	}
	for _, t := range s.Cut("每千人口执业(助理)医师数达到3.2人") {
		fmt.Printf("%s/%s ", t.Text, t.Pos)
	}
	fmt.Println()
	// Output: 每千人口/n 执业(助理)医师/n 数/n 达到/v 3.2/m 人/n
}
