// Command growth turns the output of the growth benchmarks into the
// table SECURITY.md shows: for each BenchmarkGrowth benchmark, its time,
// memory and allocations at the first size, and the ratios of the second
// and third sizes to the first. A cost linear in the input reads about 2
// and 4; quadratic, 4 and 16.
//
//	go test -run '^$' -bench Growth -benchmem ./... | go run ./internal/growth
//
// Lines that are not growth benchmarks pass through to standard error.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// line matches one benchmark result line: name/n=N-P, iterations, then
// "value unit" pairs.
var line = regexp.MustCompile(`^Benchmark(Growth\S*)/n=(\d+)(?:-\d+)?\s+\d+\s+(.*)$`)

type point struct {
	n                   int
	ns, bytes, allocs   float64
	hasBytes, hasAllocs bool
}

func main() {
	if err := run(os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "growth:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out, rest io.Writer) error {
	var order []string
	pkg := ""
	series := map[string][]point{}
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		text := sc.Text()
		if p, ok := strings.CutPrefix(text, "pkg: "); ok {
			pkg = strings.TrimPrefix(p, "github.com/wlpmodel/wlp")
			pkg = strings.TrimPrefix(pkg, "/")
			if pkg == "" {
				pkg = "wlp" // the root package
			}
			continue
		}
		m := line.FindStringSubmatch(text)
		if m == nil {
			fmt.Fprintln(rest, text)
			continue
		}
		name := m[1]
		if pkg != "" {
			name = pkg + "." + name
		}
		n, _ := strconv.Atoi(m[2])
		pt := point{n: n}
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				pt.ns = v
			case "B/op":
				pt.bytes, pt.hasBytes = v, true
			case "allocs/op":
				pt.allocs, pt.hasAllocs = v, true
			}
		}
		if _, ok := series[name]; !ok {
			order = append(order, name)
		}
		series[name] = append(series[name], pt)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Fprintln(out, "| benchmark | sizes | time at N | time 2N/N | time 4N/N | memory at N | memory 2N/N | memory 4N/N |")
	fmt.Fprintln(out, "| --- | --- | --- | --- | --- | --- | --- | --- |")
	for _, name := range order {
		pts := series[name]
		if len(pts) < 3 {
			continue
		}
		a, b, c := pts[0], pts[1], pts[2]
		fmt.Fprintf(out, "| %s | %d, %d, %d | %s | %s | %s | %s | %s | %s |\n", name, a.n, b.n, c.n,
			duration(a.ns), ratio(b.ns, a.ns), ratio(c.ns, a.ns),
			size(a.bytes), ratio(b.bytes, a.bytes), ratio(c.bytes, a.bytes))
	}
	return nil
}

func ratio(x, base float64) string {
	if base == 0 {
		if x == 0 {
			return "="
		}
		return "-"
	}
	return fmt.Sprintf("%.1f", x/base)
}

func duration(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func size(b float64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", b/(1<<10))
	}
	return fmt.Sprintf("%.0f B", b)
}
