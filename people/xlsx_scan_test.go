package people

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScanSheet scans worksheet XML as office programs and libraries
// write it: the cells reading its rows costs, the farthest column, and
// the cells the workbook library reads wrong.
func TestScanSheet(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C2"/><cols><col min="1" max="3"/></cols><sheetData>`
	const tail = `</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`
	tests := []struct {
		name string
		xml  string
		want sheetScan
	}{
		{"nothing", head + tail, sheetScan{far: -1}},
		{
			name: "cells by reference: a row costs its last cell's column",
			xml:  head + `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>4</v></c></row><row r="3" spans="1:2"><c r="B3" t="inlineStr"><is><t>x</t></is></c></row>` + tail,
			want: sheetScan{cells: 5, far: 2, farRow: 1},
		},
		{
			name: "empty and styled cells cost nothing",
			xml:  head + `<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="3"/></row><row r="2" s="1" customFormat="1"/>` + tail,
			want: sheetScan{cells: 1, far: 0, farRow: 1},
		},
		{
			name: "cells and rows without references follow the last",
			xml:  head + `<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="D2"><v>1</v></c><c><v>2</v></c></row>` + tail,
			want: sheetScan{cells: 7, far: 4, farRow: 2},
		},
		{
			name: "a prefix on every element, and quotes with > in them",
			xml:  `<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="7" x14ac:dyDescent="a>b"><x:c r="XFD7" t='s'><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
			want: sheetScan{cells: 16384, far: 16383, farRow: 7},
		},
		{
			name: "booleans, and formulas without a saved result",
			xml: head + `<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2"><f>2+2</f></c>` +
				`<c r="D2"><f>IF(A2&gt;&quot;&quot;,1,0)</f><v></v></c><c r="E2"><f t="shared" si="0"/><v/></c>` +
				`<c r="F2" t="str"><f>""</f><v></v></c><c r="G2"><f>1+1</f><v>2</v></c><c r="H2" t="str"><f>"a"</f><v><![CDATA[a]]></v></c></row>` + tail,
			want: sheetScan{cells: 8, far: 7, farRow: 2, fixes: map[int][]cellFix{2: {
				{col: 0, text: "TRUE"},
				{col: 1, text: "FALSE"},
				{col: 2, text: "2+2", formula: true},
				{col: 3, text: `IF(A2>"",1,0)`, formula: true},
				{col: 4, formula: true},
			}}},
		},
		{
			name: "comments, CDATA and a declaration are no cells",
			xml:  head + `<!-- <row r="9"><c r="Z9"><v>1</v></c></row> --><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<c r="Z1">]]></t></is></c></row>` + tail,
			want: sheetScan{cells: 1, far: 0, farRow: 1},
		},
		{
			name: "a reference past XFD is none: the cell follows the last",
			xml:  head + `<row r="1"><c r="ZZZ1"><v>1</v></c><c r="XFE1"><v>1</v></c></row>` + tail,
			want: sheetScan{cells: 2, far: 1, farRow: 1},
		},
		{
			name: "cut short",
			xml:  head + `<row r="1"><c r="B1"><v>1</v></c><c r="C1" t="b"><v>1`,
			want: sheetScan{cells: 2, far: 1, farRow: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := scanSheet(strings.NewReader(tt.xml))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, *got, cmp.AllowUnexported(sheetScan{}, cellFix{})); diff != "" {
				t.Errorf("scan (-want +got):\n%s", diff)
			}
		})
	}
}

// sparseRows generates the XML of a worksheet of n rows, each with one
// cell, in column col, written as tersely as a worksheet can be: the
// most cells to read for the fewest bytes a sheet of so many columns
// can have.
type sparseRows struct {
	n, col, next int
	buf          []byte
	read         int64
}

func (w *sparseRows) Read(p []byte) (int, error) {
	for len(w.buf) == 0 {
		switch {
		case w.next == 0:
			w.buf = []byte(`<worksheet><sheetData>`)
		case w.next == w.n+1:
			w.buf = []byte(`</sheetData></worksheet>`)
		case w.next > w.n+1:
			return 0, io.EOF
		default:
			w.buf = fmt.Appendf(w.buf, `<row><c r="%s%d"><v>3</v></c></row>`, columnName(w.col), w.next)
		}
		w.next++
	}
	k := copy(p, w.buf)
	w.buf = w.buf[k:]
	w.read += int64(k)
	return k, nil
}

// TestScanBudget checks the bound on a sheet's cells against the sheets
// it must let in and keep out: 100,000 rows of 25 columns, each row
// holding only its last cell, need a tenth of the cells their size
// allows; rows reaching column XFD need many times more.
func TestScanBudget(t *testing.T) {
	tests := []struct {
		name      string
		rows, col int
		wantCells int64
		within    bool
	}{
		{"100,000 rows of 25 columns, only the last cell of each filled", 100_000, 24, 2_500_000, true},
		{"100 rows reaching column XFD", 100, maxColumns - 1, 1_638_400, false},
		{"5,000 rows reaching column XFD", 5_000, maxColumns - 1, 81_920_000, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &sparseRows{n: tt.rows, col: tt.col}
			sc, err := scanSheet(in)
			if err != nil {
				t.Fatal(err)
			}
			budget := cellBudget(in.read)
			if sc.cells != tt.wantCells || sc.far != tt.col || (sc.cells*10 <= budget) != tt.within || (sc.cells > budget) == tt.within {
				t.Errorf("%d bytes: %d cells to column %d, budget %d; want %d cells to column %d, within a tenth of it: %v",
					in.read, sc.cells, sc.far, budget, tt.wantCells, tt.col, tt.within)
			}
		})
	}
}

// BenchmarkScanSheet scans the XML of 100,000 rows of 25 cells.
func BenchmarkScanSheet(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<worksheet><sheetData>`)
	for r := 1; r <= 100_000; r++ {
		fmt.Fprintf(&sb, `<row r="%d">`, r)
		for c := range 25 {
			fmt.Fprintf(&sb, `<c r="%s%d"><v>%d</v></c>`, columnName(c), r, c%6)
		}
		sb.WriteString(`</row>`)
	}
	sb.WriteString(`</sheetData></worksheet>`)
	xml := sb.String()
	b.SetBytes(int64(len(xml)))
	for b.Loop() {
		if _, err := scanSheet(strings.NewReader(xml)); err != nil {
			b.Fatal(err)
		}
	}
}
