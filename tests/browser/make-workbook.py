"""Types entries into a workbook made by `gyokaku template`, as a department would.

    python3 make-workbook.py TEMPLATE.xlsx OUT.xlsx J5=5人 L5=B

Each CELL=TEXT replaces an empty entry cell of the sheet 実績入力 with the text (an inline
string, as a spreadsheet program writes typed text). Used by the browser test to return a
workbook with one bad cell.
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

template, out, *entries = sys.argv[1:]
with zipfile.ZipFile(template) as z:
    parts = {name: z.read(name) for name in z.namelist()}
xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
for entry in entries:
    cell, text = entry.split("=", 1)
    pattern = re.compile(r'<c r="%s" s="(\d+)"/>' % re.escape(cell))
    if not pattern.search(xml):
        sys.exit(f"{cell} is not an empty entry cell of {template}")
    xml = pattern.sub(
        lambda m: f'<c r="{cell}" s="{m.group(1)}" t="inlineStr"><is><t>{escape(text)}</t></is></c>', xml
    )
parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
