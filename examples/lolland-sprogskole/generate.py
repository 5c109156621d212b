"""
Writes this pack's synthetic inbox (python3 generate.py; deterministic). The figures are those of the
minutes of 12 August 2025, item 9 (Status på Lolland Sprogskole):
- sprogskole_kursister: 370 course participants in June 2024 and 399 in June 2025 (68 on DU1, 162 on
  DU2, 148 on DU3, 21 outside the Danish-education act's target group).
- sprogskole_fravaer: absence 40 % in 2024-H2 (960 of 2,400 planned lessons), 35 % in 2025-H1 (840 of
  2,400), one row per participant and month, 10 participants with 40 planned lessons a month.
- danskproeve: the 2019 cohort of refugees and family-reunified, measured in 2024: 26 of 40 passed a
  Danish test within 5 years of starting (65 %); 2 more passed later, which does not count; 5 others
  (outside the integration programme) are left out. The 2018 cohort, measured in 2023: 11 of 20 (55 %).
"""
import random
from datetime import date, timedelta

rng = random.Random(9)
used = set()


def cpr():
    """A CPR of someone born 1960-1999 (digit 7 is 0-3: the 1900s), never the same twice."""
    while True:
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 40 * 365))
        serial = rng.randrange(0, 4000)
        text = f"{born:%d%m%y}-{serial:04d}"
        if text not in used:
            used.add(text)
            return text


def write(path, header, rows, sep=";", encoding="utf-8-sig"):
    lines = [sep.join(header)] + [sep.join(str(c) for c in r) for r in rows]
    open(path, "w", encoding=encoding, newline="").write("\r\n".join(lines) + "\r\n")


# Participants per module in June of each year.
rows = []
for month, counts in (("2024-06", {"DU1": 70, "DU2": 150, "DU3": 130, "andet": 20}),
                      ("2025-06", {"DU1": 68, "DU2": 162, "DU3": 148, "andet": 21})):
    for module, n in counts.items():
        rows += [(cpr(), month, module) for _ in range(n)]
rng.shuffle(rows)
write("inbox/sprogskole_kursister/kursister_juni.csv", ["CPR-nr.", "Måned", "Modul"], rows)

# Absence: 10 participants, 40 planned lessons each month; absent lessons per half-year add up to the
# totals, spread over persons and months.
people = [cpr() for _ in range(10)]
rows = []
for months, total in ((["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"], 960),
                      (["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"], 840)):
    cells = [(p, m) for p in people for m in months]
    absent = [total // len(cells)] * len(cells)
    for i in range(total - sum(absent)):
        absent[i] += 1
    # Move lessons between cells, keeping the total and 0 <= absent <= 40.
    for _ in range(200):
        a, b = rng.randrange(len(cells)), rng.randrange(len(cells))
        k = rng.randrange(1, 6)
        if absent[a] - k >= 0 and absent[b] + k <= 40:
            absent[a] -= k
            absent[b] += k
    rows += [(p, m, 40, x) for (p, m), x in zip(cells, absent)]
write("inbox/sprogskole_fravaer/fravaer_2024-2025.csv",
      ["cpr", "maaned", "planlagte_lektioner", "fravaer_lektioner"], rows, sep=",", encoding="utf-8")

# Danish tests: start dates in the cohort year, passed within 5 years, later, or not at all.
rows = []
for year, n, passed, late in ((2018, 20, 11, 0), (2019, 40, 26, 2)):
    for i in range(n):
        start = date(year, 1, 1) + timedelta(days=rng.randrange(0, 365))
        group = "Flygtning" if i % 3 else "Familiesammenført"
        if i < passed:
            on = start + timedelta(days=rng.randrange(365, 5 * 365))
        elif i < passed + late:
            on = start + timedelta(days=5 * 366 + rng.randrange(10, 200))
        else:
            on = None
        rows.append((cpr(), f"{start:%d-%m-%Y}", group, "" if on is None else f"{on:%d-%m-%Y}"))
for i in range(5):
    start = date(2019, 3, 1) + timedelta(days=30 * i)
    rows.append((cpr(), f"{start:%d-%m-%Y}", "Øvrige", f"{start + timedelta(days=400):%d-%m-%Y}"))
write("inbox/danskproeve/danskproever.csv",
      ["Personnummer", "Uddannelsesstart", "Målgruppe", "Bestået"], rows)
