# Writes the small fixtures of Tests/SpreadsheetTests/Fixtures (the LibreOffice ones are
# converted separately with soffice, see README.md there).
import os, zipfile
F = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
os.makedirs(F, exist_ok=True)
def w(name, data): open(os.path.join(F, name), "wb").write(data)

# Danish Excel "CSV UTF-8 (kommasepareret)": BOM, semicolon, CRLF, decimal comma.
w("semicolon-crlf-bom.csv", "\ufefftilbud_id;navn;pladser;døgntakst;åbner\r\nT1;Bostedet Åbo;12;2150,75;15-03-2023\r\nT2;Ærø Øst;8;1.999,50;01-02-2024\r\n".encode("utf-8"))
# Danish Excel "CSV (semikolonsepareret)": Windows-1252, semicolon, CRLF.
w("venteliste-cp1252.csv", "borger_id;navn;bemærkning;takst\r\nB1;Søren Ærløsen;‘akut’ – ønsker Århus;1.234,50 €\r\nB2;ÆØÅ æøå;„citat“ …;\r\n".encode("cp1252"))
# Comma + LF, quoted fields holding commas.
w("comma-lf.csv", b'residence_id,name,daily_rate\nR1,"Engen, afd. Nord",1234.50\nR2,Hus,99\n')
# Tab-separated (Excel "Text (tab-separated)").
w("tab-separated.txt", b"id\tname\tnote\n1\tAnna\ta;b,c\n2\tBo\t\n")
# Quotes with embedded line breaks (CRLF and LF) and "" escapes.
w("quotes-multiline.csv", b'id;note;x\r\n1;"first line\r\nsecond line";a\r\n2;"say ""hi""";b\r\n3;"x\ny\nz";c\r\n4;"";d\r\n5;"a;b";e\r\n')
# Trailing empty columns and rows, an empty row in the middle.
w("trailing-empty.csv", b"a;b;;;\r\n1;2;;;\r\n;;;\r\n3;;;;\r\n;;;\r\n\r\n;;\r\n")
# Old Mac line ends: lone CR.
w("lone-cr.csv", b"a,b\r1,2\r3,4\r")
# Excel "Unicode text": UTF-16LE with BOM, tab-separated, CRLF.
w("utf16le-bom-tab.txt", "\ufeffnavn\tby\r\nSøren\tÅrhus\r\nZoë 😀\tKøge\r\n".encode("utf-16-le"))
# Excel's sep= line.
w("sep-line.csv", b"sep=,\r\na,b\r\n1;2,3\r\n")
# A quote opened in row 3 that never closes.
w("unclosed-quote.csv", b'id;name\r\n1;Anna\r\n2;"Bo\r\n3;Carl\r\n4;Dorte\r\n')
# Semicolon file whose data rows hold decimal commas: the delimiter is still ;.
w("comma-decimal-semicolon.csv", b"navn;takst;antal\r\nA;1234,5;3\r\nB;99,25;4\r\n")

# Hand-zipped XLSX: inline strings, 1904 date system, rich text and phonetic runs,
# sparse cells and rows, an error cell, a formula string, x: prefixed elements,
# _x000D_ escapes, a custom date format and an ISO t="d" cell.
ct = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'''
rels = '''<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'''
wb = '''<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Data 1904" sheetId="1" r:id="rId7"/><x:sheet name="Skjult" sheetId="2" state="hidden" r:id="rId8"/></x:sheets></x:workbook>'''
wbrels = '''<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/../worksheets/sheet2.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'''
styles = '''<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="170" formatCode="[$-406]d\\.\\ mmmm\\ yyyy;@"/><numFmt numFmtId="171" formatCode="#,##0.00\\ &quot;kr.&quot;"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="170" applyNumberFormat="1"/><xf numFmtId="171" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/></cellXfs></styleSheet>'''
sst = '''<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>navn</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t>line1_x000D_
line2  </t></si></sst>'''
sheet1 = '''<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>dato</x:t></x:is></x:c><x:c r="D1" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">in </x:t></x:r><x:r><x:t>line</x:t></x:r></x:is></x:c></x:row>
<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" s="1"><x:v>0</x:v></x:c><x:c r="C2" s="3"><x:v>1234.5</x:v></x:c><x:c r="D2" t="e"><x:v>#N/A</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" t="s"><x:v>2</x:v></x:c><x:c r="B4" s="2"><x:v>43904.75</x:v></x:c><x:c r="C4"><x:v>2.5E-3</x:v></x:c><x:c r="D4" t="str"><x:f>A1&amp;"!"</x:f><x:v>navn!</x:v></x:c><x:c r="E4" s="4"><x:v>0.5</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:t>&lt;tag&gt; &amp; "q"</x:t></x:is></x:c><x:c r="C5" t="d"><x:v>2024-02-29T00:00:00</x:v></x:c><x:c r="AA5" t="b"><x:v>1</x:v></x:c><x:c r="AB5"><x:v>1234.0999999999999</x:v></x:c></x:row>
<x:row r="6" s="1" customFormat="1"/><x:row r="7"><x:c r="B7" s="1"/></x:row>
</x:sheetData></x:worksheet>'''
sheet2 = '''<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c t="b"><v>0</v></c></row></sheetData></worksheet>'''
with zipfile.ZipFile(os.path.join(F, "handmade-inline-1904.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                       ("xl/_rels/workbook.xml.rels", wbrels), ("xl/styles.xml", styles),
                       ("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet1),
                       ("xl/worksheets/sheet2.xml", sheet2)]:
        z.writestr(name, text.encode("utf-8"))
print("ok")
