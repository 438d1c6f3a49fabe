#!/usr/bin/env python3
"""Rebuilds the broken reference files of this folder from the bundled samples (run from the repository root:
python3 src/test/resources/robustness/ncci/make-cases.py). Each case folder is laid over a copy of
test-claims/ncci-sample (or test-claims/code-sets-sample for code-sets/*) by ReferenceDataIntegrityTest."""
import io, os, zipfile

ROOT = 'src/test/resources/robustness/ncci'
NCCI = 'test-claims/ncci-sample'
CODES = 'test-claims/code-sets-sample'


def write(case, name, data):
    os.makedirs(f'{ROOT}/{case}', exist_ok=True)
    with open(f'{ROOT}/{case}/{name}', 'wb') as f:
        f.write(data)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def zipped(entries, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', method) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 7, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return buf.getvalue()


def damage_first_entry(data):
    """Overwrites bytes in the middle of the first entry's compressed data (local header is 30 + name bytes)."""
    b = bytearray(data)
    name_len = int.from_bytes(b[26:28], 'little')
    extra_len = int.from_bytes(b[28:30], 'little')
    csize = int.from_bytes(b[18:22], 'little')
    start = 30 + name_len + extra_len
    for i in range(start + csize // 3, start + csize // 3 + 16):
        b[i] ^= 0x5A
    return bytes(b)


ptp1 = read(f'{NCCI}/ccipra-v322r0-f1.txt')
ptp2 = read(f'{NCCI}/ccipra-v322r0-f2.txt')
ptp_zip = zipped([('ccipra-v322r0-f1.txt', ptp1), ('ccipra-v322r0-f2.txt', ptp2)])

# 1. The zip holding the practitioner PTP files, cut off before its central directory (an interrupted download).
write('ptp-zip-corrupt', 'ncci-ptp-v322r0.zip', ptp_zip[:len(ptp_zip) * 2 // 3])
# 2. The zip is whole, but the data of its first entry is damaged (its CRC no longer matches).
write('ptp-entry-corrupt', 'ncci-ptp-v322r0.zip', damage_first_entry(ptp_zip))
# 3. A zip bomb: a PTP part file of 8 MB of one repeated row, ~1,000 to 1 compressed.
row = b'0001A\t0591T\t\t20220101\t20231231\t1\tCPT Manual or CMS manual coding instruction\r\n'
bomb = ptp1[:ptp1.index(b'0001A')] + row * (8 * 1024 * 1024 // len(row))
write('ptp-zip-bomb', 'ncci-ptp-v322r0.zip', zipped([('ccipra-v322r0-f1.txt', bomb), ('ccipra-v322r0-f2.txt', ptp2)]))
# 4. An empty outpatient hospital PTP file (0 bytes).
write('ptp-empty', 'ccioph-v322r0-f1.txt', b'')
# 5. A PTP part file with its notice and header but no rows.
write('ptp-header-only', 'ccipra-v322r0-f2.txt', b'\r\n'.join(ptp2.split(b'\r\n')[:6]) + b'\r\n')
# 6. The practitioner MUE table with its header record deleted (the notice is kept).
mue = read(f'{NCCI}/MCR_MUE_PractitionerServices_Eff_07-01-2026.csv')
start = mue.index(b'"HCPCS/')
end = mue.index(b'\n', mue.index(b'CPT Code', start)) + 1
write('mue-no-header', 'MCR_MUE_PractitionerServices_Eff_07-01-2026.csv', mue[:start] + mue[end:])
# 7. A text file saved under the add-on code workbook's name.
write('aoc-not-xlsx', 'AOC_V2026Q2-MCR.xlsx', b'Add-on code table: see the CMS web site\r\n')
# 8. An "xlsx" (a zip) whose worksheet part expands to 20 MB of blanks.
write('aoc-zip-bomb', 'AOC_V2026Q2-MCR.xlsx', zipped([('xl/worksheets/sheet1.xml', b' ' * (20 * 1024 * 1024))]))
# 9. One bad row among the 3 of the outpatient hospital PTP file: 33 % of that table, but 1 in ~9,250 of all rows.
oph = read(f'{NCCI}/ccioph-v322r0-f1.txt')
write('ptp-share-diluted', 'ccioph-v322r0-f1.txt',
      oph + b'36415\t36416\t\t2000-01-01\t*\t0\tMutually exclusive procedures (synthetic sample row, not CMS data)\r\n')

# Code sets (laid over test-claims/code-sets-sample).
hcpcs_zip = read(f'{CODES}/2019-Alpha-Numeric-HCPCS-File.zip')
# 10. The HCPCS release zip cut off after 32 KB.
write('code-sets/hcpcs-zip-corrupt', '2019-Alpha-Numeric-HCPCS-File.zip', hcpcs_zip[:32 * 1024])
# 11. A whole zip whose HCPCS file entry is damaged (the first 300 lines of the real file).
with zipfile.ZipFile(io.BytesIO(hcpcs_zip)) as z:
    txt = z.read('HCPC2019_CONTR_ANWEB.txt')
first_lines = b'\r\n'.join(txt.split(b'\r\n')[:300]) + b'\r\n'
write('code-sets/hcpcs-entry-corrupt', '2019-Alpha-Numeric-HCPCS-File.zip',
      damage_first_entry(zipped([('HCPC2019_CONTR_ANWEB.txt', first_lines)])))
# 12. An empty ICD-10-CM order file.
write('code-sets/icd-empty', 'icd10cm_order_2026.excerpt.txt', b'')
# 13. The HCPCS CSV excerpt without its header row.
csv = read(f'{CODES}/HCPC2026_OCT_ANWEB.excerpt.csv')
lines = csv.split(b'\n')
hdr = next(i for i, l in enumerate(lines) if l.upper().startswith(b'HCPC') or l.upper().startswith(b'"HCPC'))
write('code-sets/hcpcs-csv-no-header', 'HCPC2026_OCT_ANWEB.excerpt.csv', b'\n'.join(lines[:hdr] + lines[hdr + 1:]))
