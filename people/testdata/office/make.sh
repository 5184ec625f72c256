#!/bin/sh
# make.sh writes the office fixtures in this folder from the sheets in
# src/ (flat OpenDocument, .fods), with LibreOffice Calc run headless, and
# a few bytes changed afterwards where a fixture stands for what another
# program or platform writes (README.md says which). CI does not run it:
# run it by hand after changing src/, then commit what it writes.
#
# Needs soffice (Debian: apt-get install --no-install-recommends
# libreoffice-calc; made with LibreOffice 7.4.7) and python3.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# lo runs LibreOffice with a profile of its own, so that a desktop
# LibreOffice the user has open is not disturbed.
lo() { soffice -env:UserInstallation="file://$tmp/profile" --headless "$@" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }; }

# xlsx SRC OUT: the workbook Calc saves as "Excel 2007-365".
xlsx() {
	lo --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp/x" "$1"
	mv "$tmp/x/$(basename "$1" .fods).xlsx" "$2"
}

# text SRC OPTIONS OUT: one sheet as Calc's "Text CSV" filter writes it.
# OPTIONS are the filter's tokens: field separator, text delimiter,
# character set (76 UTF-8, 1 Windows-1252, 65535 UTF-16), first line,
# column formats, language (1031 de-DE, 1033 en-US, 2057 en-GB), quote
# all text, detect special numbers, save cell contents as shown, export
# formulas, remove spaces, sheet number.
text() {
	rm -rf "$tmp/t" && mkdir "$tmp/t"
	lo --convert-to "csv:Text - txt - csv (StarCalc):$2" --outdir "$tmp/t" "$1"
	mv "$tmp"/t/* "$3"
}

# fix FILE STEP...: changes the bytes of a written file, step by step.
#   crlf         record ends (outside quotes) become CRLF, as on Windows;
#                line breaks inside quoted cells stay LF, as Calc and Excel
#                write them
#   bom          a UTF-8 byte-order mark in front
#   sep=X        Excel's "sep=X" line in front
#   usedrange    Excel's used range: three empty formatted columns after
#                the last, and four empty formatted rows after the last
#   utf16        the file is UTF-16LE with a BOM (decode, change, encode)
fix() {
	python3 - "$@" <<'PY'
import sys
name, steps = sys.argv[1], sys.argv[2:]
raw = open(name, 'rb').read()
enc = 'utf-16' if 'utf16' in steps else 'latin-1'
s = raw.decode(enc)
def records(s):
    out, cur, quoted = [], '', False
    for ch in s:
        if ch == '"':
            quoted = not quoted
        if ch == '\n' and not quoted:
            out.append(cur.removesuffix('\r'))
            cur = ''
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out
recs = records(s)
eol = '\n'
for st in steps:
    if st == 'crlf':
        eol = '\r\n'
    elif st == 'usedrange':
        width = len(records(recs[0] + '\n')[0].split(',')) + 3
        recs = [r + ',,,' for r in recs] + [',' * (width - 1)] * 4
s = ''.join(r + eol for r in recs)
for st in steps:
    if st.startswith('sep='):
        s = st + eol + s
for st in steps:
    if st == 'bom':
        s = '\xef\xbb\xbf' + s  # the BOM's UTF-8 bytes, kept as latin-1
if 'utf16' in steps:
    out = b'\xff\xfe' + s.encode('utf-16-le')
else:
    out = s.encode('latin-1')
open(name, 'wb').write(out)
PY
}

# The team, in a German Calc and in an American one.
sed -e 's/fo:language="de" fo:country="DE"/fo:language="en" fo:country="US"/' \
	-e 's/number:language="de" number:country="DE"/number:language="en" number:country="US"/g' \
	src/team.fods >"$tmp/team-en.fods"
# The American team with a title and an empty row above the header, the
# title merged across the columns.
sed -e 's|^\(    <table:table-column table:style-name="co1".*\)$|\1\
    <table:table-row><table:table-cell table:style-name="head" office:value-type="string" table:number-columns-spanned="11"><text:p>Team ratings, Q1 2026</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="10"/></table:table-row>\
    <table:table-row><table:table-cell table:number-columns-repeated="14"/></table:table-row>|' \
	-e 's/\[\.F6:\.G6\]/[.F8:.G8]/' \
	"$tmp/team-en.fods" >"$tmp/team-title.fods"

de='59,34,76,1,,1031,false,true,true,false,false,1'
us='44,34,76,1,,1033,false,true,true,false,false,1'

xlsx src/team.fods team.xlsx
text src/team.fods "$de" team.csv
fix team.csv crlf bom
text src/team.fods "$de" team-sep.csv
fix team-sep.csv crlf 'sep=;'
text "$tmp/team-en.fods" '44,34,1,1,,1033,false,true,true,false,false,1' team-1252.csv
fix team-1252.csv crlf usedrange
text "$tmp/team-en.fods" '9,34,65535,1,,1033,false,true,true,false,false,1' team-utf16.txt
fix team-utf16.txt utf16 crlf
xlsx "$tmp/team-title.fods" team-title.xlsx
text "$tmp/team-title.fods" "$us" team-title.csv
xlsx src/team-messy.fods team-messy.xlsx
text src/team-messy.fods "$de" team-messy.csv

xlsx src/360.fods 360.xlsx
text src/360.fods '44,34,76,1,,2057,false,true,true,false,false,2' 360.csv

xlsx src/bad-team.fods bad-team.xlsx
text src/bad-team.fods "$us" bad-team.csv
text src/bad-360.fods "$us" bad-360.csv
