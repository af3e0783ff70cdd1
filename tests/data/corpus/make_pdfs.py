#!/usr/bin/env python3
"""Writes the corpus PDFs from pdf_src/*.txt, reproducibly (same bytes every run).

Text PDFs are minimal hand-written PDF 1.4 files: Helvetica, WinAnsiEncoding, lines
wrapped at 95 characters, 52 lines a page. Also writes bad/scanned.pdf (an image and no
text layer), bad/truncated.pdf (a text PDF cut short) and, when qpdf is installed,
bad/encrypted.pdf (AES-256 with a user password; --static-id for stable bytes). The
tests read only the committed bytes; run this after changing pdf_src/:

    python3 tests/data/corpus/make_pdfs.py
"""
import os
import subprocess
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
LINES_PER_PAGE = 52
WRAP = 95


def pdf_string(text):
    data = text.encode("cp1252", errors="replace")
    out = bytearray(b"(")
    for b in data:
        if b in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([b])
        elif b < 0x20 or b > 0x7E:
            out += b"\\%03o" % b
        else:
            out.append(b)
    return bytes(out + b")")


def write_pdf(path, page_streams, extra_objects=None, resources=b""):
    """page_streams: content stream bytes per page. Objects: 1 catalog, 2 pages, 3 font,
    then extra objects, then page/content pairs."""
    objects = {}
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    next_id = 4
    for obj in extra_objects or []:
        objects[next_id] = obj
        next_id += 1
    kids = []
    for stream in page_streams:
        page_id, content_id = next_id, next_id + 1
        next_id += 2
        kids.append(page_id)
        objects[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
                            + resources + b" >> /Contents %d 0 R >>" % content_id)
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for i in sorted(objects):
        offsets[i] = len(out)
        out += b"%d 0 obj\n" % i + objects[i] + b"\nendobj\n"
    xref = len(out)
    n = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % n
    for i in range(1, n):
        out += b"%010d 00000 n \n" % offsets[i]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n, xref)
    with open(path, "wb") as f:
        f.write(out)
    return bytes(out)


# Helvetica's advance widths (AFM, 1/1000 em) for ASCII 32..126; others 556.
HELVETICA = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
             556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
             1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
             667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
             333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
             556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]


def text_width(text, size):
    return sum(HELVETICA[ord(c) - 32] if 32 <= ord(c) <= 126 else 556 for c in text) * size / 1000.0


def text_pages(text):
    """Lines wrapped and paged; "~~words~~" is printed as words with a line through them
    (drawn, as a word processor does), so the text layer has no trace of the strike."""
    lines = []
    for raw in text.splitlines():
        wrapped = textwrap.wrap(raw, WRAP) or [""]
        lines.extend(wrapped)
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    streams = []
    for page in pages:
        s = bytearray(b"BT /F1 10 Tf 13 TL 50 790 Td\n")
        strikes = []
        for k, line in enumerate(page):
            parts = line.split("~~")
            plain = "".join(parts)
            pos = 0
            for n, part in enumerate(parts):
                if n % 2 == 1:
                    x1 = 50 + text_width(plain[:pos], 10)
                    strikes.append((x1, x1 + text_width(part, 10), 790 - 13 * k + 3))
                pos += len(part)
            s += pdf_string(plain) + b" Tj T*\n"
        s += b"ET"
        for x1, x2, y in strikes:
            s += b"\n0.8 w %.2f %d m %.2f %d l S" % (x1, y, x2, y)
        streams.append(bytes(s))
    return streams


def table_pages(text):
    """A register printed in columns: the first line "%columns x1 x2 ..." gives each
    column's left edge in points; a line's tab-separated cells are printed at those
    edges (an empty cell prints nothing, so a wrapped line starts in its own column);
    a line without tabs starts at the left margin. One page, 9 pt Helvetica."""
    lines = text.splitlines()
    xs = [int(v) for v in lines[0].split()[1:]]
    s = bytearray()
    y = 800
    for line in lines[1:]:
        cells = line.split("\t")
        for k, cell in enumerate(cells):
            if cell.strip():
                s += b"BT /F1 9 Tf %d %d Td " % (xs[k] if len(cells) > 1 else xs[0], y) + pdf_string(cell.strip()) + b" Tj ET\n"
        y -= 12
    return [bytes(s)]


def main():
    src = os.path.join(HERE, "pdf_src")
    made = {}
    for name in sorted(os.listdir(src)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            text = f.read()
        out = os.path.join(HERE, name[:-4] + ".pdf")
        pages = table_pages(text) if text.startswith("%columns") else text_pages(text)
        made[name] = write_pdf(out, pages)
        print("wrote", os.path.relpath(out, HERE))
    # An image and no text: what a scanner gives.
    w, h = 64, 32
    pixels = bytes(((x * 7 + y * 13) % 256) for y in range(h) for x in range(w))
    image = b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n" % (w, h, len(pixels)) + pixels + b"\nendstream"
    write_pdf(os.path.join(HERE, "bad", "scanned.pdf"), [b"q 480 0 0 240 50 500 cm /Im1 Do Q"], [image],
              b"/XObject << /Im1 4 0 R >>")
    print("wrote bad/scanned.pdf")
    first = made[sorted(made)[0]]
    with open(os.path.join(HERE, "bad", "truncated.pdf"), "wb") as f:
        f.write(first[: len(first) * 6 // 10])
    print("wrote bad/truncated.pdf")
    plain = os.path.join(HERE, sorted(made)[0][:-4] + ".pdf")
    try:
        subprocess.run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", "reader", "owner", "256", "--",
                        plain, os.path.join(HERE, "bad", "encrypted.pdf")], check=True)
        print("wrote bad/encrypted.pdf")
    except FileNotFoundError:
        print("qpdf not installed: bad/encrypted.pdf left as it is")


if __name__ == "__main__":
    main()
