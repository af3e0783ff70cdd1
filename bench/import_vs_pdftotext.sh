#!/usr/bin/env bash
# Import speed: documents per second for text and for PDF, on one core (taskset -c 0),
# with poppler's own pdftotext on the same PDFs in the same run as the reference.
#   bench/import_vs_pdftotext.sh [TEXT_COPIES] [PDF_COPIES]
# Needs build/assent (scripts/build.sh assent) and pdftotext (poppler-utils).
# Measures `assent import --dry-run`: reading, decoding, form detection and extraction
# of every field, no store. Each copy gets a unique last line (text) or trailing PDF
# comment, so none is skipped as a duplicate.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
text_copies="${1:-4000}"
pdf_copies="${2:-400}"
assent="$root/build/assent"
command -v pdftotext >/dev/null || { echo "pdftotext missing: apt-get install poppler-utils" >&2; exit 1; }
[[ -x "$assent" ]] || { echo "build/assent missing: scripts/build.sh assent" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/share/forms" "$work/text" "$work/pdf"
cp "$root"/forms/*.toml "$root"/tests/data/corpus/forms/*.toml "$work/share/forms/"

sources=("$root"/tests/data/corpus/*.txt "$root"/demo/seeds/*.txt)
for ((i = 0; i < text_copies; i++)); do
  src="${sources[i % ${#sources[@]}]}"
  { cat "$src"; printf '\n\nArchive copy %d\n' "$i"; } >"$work/text/$(printf '%05d' "$i")_$(basename "$src")"
done
pdfs=("$root"/tests/data/corpus/*.pdf)
for ((i = 0; i < pdf_copies; i++)); do
  src="${pdfs[i % ${#pdfs[@]}]}"
  { cat "$src"; printf '%% copy %d\n' "$i"; } >"$work/pdf/$(printf '%05d' "$i")_$(basename "$src")"
done
pdf_pages=0
for f in "${pdfs[@]}"; do pdf_pages=$((pdf_pages + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}' || echo 1))); done

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
rate() { echo "scale=0; $1 / $2" | bc -l; }

run_assent() { taskset -c 0 "$assent" --share-dir "$work/share" import --dry-run "$1"; }
run_pdftotext() { for f in "$work"/pdf/*.pdf; do taskset -c 0 pdftotext -layout "$f" /dev/null; done; }
# The same pages as one file: pdftotext's extraction cost without a process per file.
pdfunite "$work"/pdf/*.pdf "$work/all.pdf"
run_pdftotext_merged() { taskset -c 0 pdftotext -layout "$work/all.pdf" /dev/null; }

# Warm the page cache and check every copy is read, not failed or skipped.
summary="$(run_assent "$work/text" 2>&1 | tail -1)"
echo "text check: $summary"
summary="$(run_assent "$work/pdf" 2>&1 | tail -1)"
echo "pdf check:  $summary"

t_text=$(seconds run_assent "$work/text")
t_pdf=$(seconds run_assent "$work/pdf")
t_ref=$(seconds run_pdftotext)
t_merged=$(seconds run_pdftotext_merged)
echo "text: $text_copies documents in $(printf '%.3f' "$t_text") s = $(rate "$text_copies" "$t_text") documents/s (one core)"
echo "pdf:  $pdf_copies documents in $(printf '%.3f' "$t_pdf") s = $(rate "$pdf_copies" "$t_pdf") documents/s (one core; pages per document: $pdf_pages in ${#pdfs[@]})"
echo "pdftotext -layout, one process per file: $(printf '%.3f' "$t_ref") s = $(rate "$pdf_copies" "$t_ref") documents/s"
echo "pdftotext -layout, all pages merged into one file (pdfunite): $(printf '%.3f' "$t_merged") s = $(rate "$pdf_copies" "$t_merged") documents/s"
echo "ratio assent / pdftotext per file: $(printf '%.2f' "$(echo "$t_pdf / $t_ref" | bc -l)")"
echo "ratio assent / pdftotext merged:   $(printf '%.2f' "$(echo "$t_pdf / $t_merged" | bc -l)") (target <= 1.5)"
