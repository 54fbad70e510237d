package report

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/cnplan/cnplan/pkg/record"
)

// browser starts one headless Chromium for the test, or skips saying why.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CNPLAN_CHROMIUM")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		t.Skip("no Chromium: install Debian's chromium (apt-get install chromium fonts-noto-cjk, as .ci/run does) or set CNPLAN_CHROMIUM")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 860),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-extensions", true),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// tab opens a new tab in the browser, collecting what the page writes to
// its console.
func tab(t *testing.T, browserCtx context.Context) (context.Context, func() []string) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() || m.Type == chromedp.ConsoleWarning {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	return ctx, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), problems...) }
}

func writePage(t *testing.T, d Data) (string, int) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return (&url.URL{Scheme: "file", Path: path}).String(), buf.Len()
}

func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// open loads the page and checks its script ran to the end (it runs
// before the load event that Navigate waits for).
func open(t *testing.T, ctx context.Context, pageURL string) {
	t.Helper()
	nctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if res, err := chromedp.Call(nctx, cdppage.Navigate, cdppage.NavigateParams{URL: pageURL}); err != nil || res.ErrorText != "" {
		t.Fatalf("open %s: %v %s", pageURL, err, res.ErrorText)
	}
	run(t, ctx, "ready", chromedp.Poll[chromedp.Void](`document.readyState === 'complete' && window.cnplan && window.cnplan.ready`,
		chromedp.WithPollingInterval(20*time.Millisecond)))
}

// The corpus report in a real browser: no console error, every chart
// drawn, a click on a mark shows its sentence; then a report of 1,000
// documents stays under 10 MB (its opening time is logged).
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	t.Run("corpus", func(t *testing.T) { browseCorpus(t, ctx) })
	t.Run("1000 documents", func(t *testing.T) { browseThousand(t, ctx) })
}

func browseCorpus(t *testing.T, browserCtx context.Context) {
	d := Build(corpusDocs(t), Options{})
	page, _ := writePage(t, d)
	ctx, problems := tab(t, browserCtx)
	open(t, ctx, page)

	// Draw what is drawn on scrolling, then count the marks in each chart.
	drawn := run(t, ctx, "draw", chromedp.Evaluate[[][2]int](`(() => {
		cnplan.renderAll();
		return [...document.querySelectorAll('.chart')].map(c => {
			const svg = c.querySelector('svg');
			return [c.querySelectorAll('svg path, svg text').length, svg ? svg.width.baseVal.value : 0];
		});
	})()`))
	want := 1 // the bodies' chart
	for _, ind := range d.Indicators {
		want += len(ind.Groups)
	}
	for _, tl := range d.Timelines {
		for _, it := range tl.Items {
			if it.Date != "" {
				want++
				break
			}
		}
	}
	if len(drawn) != want {
		t.Errorf("%d charts on the page, want %d", len(drawn), want)
	}
	for i, n := range drawn {
		if n[0] < 5 || n[1] < 300 {
			t.Errorf("chart %d has %d SVG paths and texts, %d px wide: not drawn", i, n[0], n[1])
		}
	}

	// Click the first mark of 每千人口3岁以下婴幼儿托位 where the chart
	// draws it, with its card at the top of the window.
	ind := -1
	for i, x := range d.Indicators {
		if x.Key == "每千人口3岁以下婴幼儿托位" {
			ind = i
		}
	}
	if ind < 0 {
		t.Fatal("no chart of 每千人口3岁以下婴幼儿托位")
	}
	p := d.Indicators[ind].Groups[0].Points[0]
	at := run(t, ctx, "locate a mark", chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
		const card = document.getElementById('indicator-%d');
		card.scrollIntoView();
		window.scrollBy(0, -8);
		const box = card.querySelector('.chart');
		const c = echarts.getInstanceByDom(box);
		const xy = c.convertToPixel({seriesIndex: 0}, c.getOption().series[0].data[0].value);
		const r = box.getBoundingClientRect();
		return [r.left + xy[0], r.top + xy[1]];
	})()`, ind)))
	run(t, ctx, "click the mark", chromedp.MouseClickXY(at[0], at[1]))
	shown := run(t, ctx, "provenance", chromedp.Poll[string](
		`!document.getElementById('source').hidden && document.getElementById('source').innerText`,
		chromedp.WithPollingTimeout(5*time.Second), chromedp.WithPollingInterval(5*time.Millisecond)))
	sentence := d.Strings[p.Text]
	file := d.Documents[p.Doc].File
	if !strings.Contains(sentence, "托位数达到4.5个") || !strings.Contains(shown, sentence) || !strings.Contains(shown, file) ||
		!strings.Contains(shown, fmt.Sprint(p.Line)) {
		t.Errorf("clicking the first mark (%s line %d: %q) shows %q", file, p.Line, sentence, shown)
	}

	png := run(t, ctx, "screenshot", chromedp.CaptureScreenshot())

	// The table beside the chart sorts on a header's click (ascending, then
	// descending) and filters on what is typed.
	card := fmt.Sprintf("#indicator-%d ", ind)
	firstRow := `(() => [...document.querySelectorAll('` + card + `tbody tr')].map(r => r.cells[0].textContent + ' ' + r.cells[3].textContent))()`
	run(t, ctx, "close the panel", chromedp.Click(chromedp.CSS("#source button")))
	run(t, ctx, "sort by value", chromedp.Steps(chromedp.Click(chromedp.CSS(card+"th:nth-child(4)")), chromedp.Click(chromedp.CSS(card+"th:nth-child(4)"))))
	if got := run(t, ctx, "rows", chromedp.Evaluate[[]string](firstRow)); len(got) != 2 || got[0] != "安康市 2021–2025 4.8" {
		t.Errorf("sorted by value, descending: %q", got)
	}
	run(t, ctx, "filter", chromedp.SendKeys(chromedp.CSS(card+"input"), "许昌"))
	if got := run(t, ctx, "rows", chromedp.Evaluate[[]string](firstRow)); len(got) != 1 || got[0] != "许昌市 4.5" {
		t.Errorf("filtered on 许昌: %q", got)
	}
	shot := filepath.Join(t.TempDir(), "report.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", shot, len(png))
	// CNPLAN_REPORT_SCREENSHOT=docs/report.png keeps it for README.
	if keep := os.Getenv("CNPLAN_REPORT_SCREENSHOT"); keep != "" {
		if err := os.WriteFile(keep, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Self-contained: the page fetched nothing after itself.
	if fetched := run(t, ctx, "resources", chromedp.Evaluate[[]string](`performance.getEntriesByType('resource').map(e => e.name)`)); len(fetched) > 0 {
		t.Errorf("the page fetched %q", fetched)
	}
	if msgs := problems(); len(msgs) > 0 {
		t.Errorf("console: %q", msgs)
	}
}

// thousand makes 1,000 documents from the corpus's five, each copy in its
// own folder and with its figures moved a little, so that the charts do
// not stack every mark on one point.
func thousand(t testing.TB) []record.Document {
	base := corpusDocs(t)
	var docs []record.Document
	for i := 0; len(docs) < 1000; i++ {
		for _, d := range base {
			d.File = fmt.Sprintf("copy-%03d/%s", i, filepath.Base(d.File))
			d.Targets = slices.Clone(d.Targets)
			for k := range d.Targets {
				// as a plan writes them: two decimals at most
				d.Targets[k].Value = math.Round(d.Targets[k].Value*float64(100+i%20)) / 100
			}
			docs = append(docs, d)
		}
	}
	return docs[:1000]
}

func browseThousand(t *testing.T, browserCtx context.Context) {
	start := time.Now()
	d := Build(thousand(t), Options{})
	page, size := writePage(t, d)
	built := time.Since(start)
	if size >= 10<<20 {
		t.Errorf("a report of %d documents is %.1f MB, want under 10 MB", len(d.Documents), float64(size)/(1<<20))
	}
	ctx, problems := tab(t, browserCtx)
	start = time.Now()
	start0 := start
	open(t, ctx, page)
	opened := time.Since(start)
	// The browser's own clock, from navigation start: first paint, the
	// page's script started and done, the load event over.
	ms := run(t, ctx, "timing", chromedp.Evaluate[[]float64](`[
		performance.getEntriesByName('first-contentful-paint')[0].startTime,
		cnplan.startedAt, cnplan.readyAt,
		performance.getEntriesByType('navigation')[0].loadEventEnd, performance.timeOrigin]`))
	// The first indicator's chart is drawn when it scrolls into view.
	start = time.Now()
	run(t, ctx, "first chart", chromedp.Steps(
		chromedp.Evaluate[chromedp.Void](`document.getElementById('indicator-0').scrollIntoView()`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#indicator-0 .chart svg path')`, chromedp.WithPollingInterval(5*time.Millisecond))))
	firstChart := time.Since(start)
	t.Logf("%d documents, %d indicators, %d points: page %.2f MB (built in %v). In the browser, from navigation start: first paint %.0f ms, script %.0f–%.0f ms, load event over at %.0f ms. "+
		"chromedp saw the page loaded %v after asking to navigate (the browser started navigating after %.0f ms); the first indicator chart drawn %v after scrolling to it",
		len(d.Documents), len(d.Indicators), points(d), float64(size)/(1<<20), built.Round(time.Millisecond),
		ms[0], ms[1], ms[2], ms[3], opened.Round(time.Millisecond), ms[4]-float64(start0.UnixMicro())/1000, firstChart.Round(time.Millisecond))
	if msgs := problems(); len(msgs) > 0 {
		t.Errorf("console: %q", msgs)
	}
}

func points(d Data) int {
	n := 0
	for _, ind := range d.Indicators {
		for _, g := range ind.Groups {
			n += len(g.Points)
		}
	}
	return n
}
