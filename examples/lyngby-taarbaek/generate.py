"""
Writes this pack's synthetic inbox (python3 generate.py; deterministic), after Lyngby-Taarbæk
Kommune's plan for social psychiatry: "ca. 100 voksne borgere, som modtager i gennemsnit ca. 2 timers
§ 85-støtte om ugen", and temporary residential places (§ 107) with overcapacity.
- sel85: 92 adults with an open decision from 1 January 2023 (18 at 1 hour a week, 28 at 1.5, 28 at
  2.5, 18 at 3: 184 hours, 2 on average) and 8 more from February 2024 at 2 hours: 92 adults in 2023,
  100 in 2024, 2 hours a week on average in both. Four providers, as in the plan.
- occupancy: 2024, three residential facilities: Botilbud Nord (12 places, always full), Botilbud Syd
  (10 places, 9 occupied) and the temporary botilbud (§ 107, 8 places, 5 occupied), every day of the year.
"""
import calendar
import random
from datetime import date, timedelta

rng = random.Random(2)
used = set()


def cpr():
    while True:
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 50 * 365))
        text = f"{born:%d%m%y}-{rng.randrange(0, 4000):04d}"
        if text not in used:
            used.add(text)
            return text


def write(path, header, rows):
    lines = [";".join(header)] + [";".join(str(c) for c in r) for r in rows]
    open(path, "w", encoding="utf-8-sig", newline="").write("\r\n".join(lines) + "\r\n")


PROVIDERS = ["Slotsvænget", "Nettet", "Kirsten Marie", "Center for Social Indsats"]
hours = [1] * 18 + ["1,5"] * 28 + ["2,5"] * 28 + [3] * 18
rows = []
for i, h in enumerate(hours):
    start = date(2023, 1, 1)
    rows.append((cpr(), f"LT-{i + 1:04d}", start.isoformat(), "", h, "psykiatri", PROVIDERS[i % 4]))
for i in range(8):
    rows.append((cpr(), f"LT-{93 + i:04d}", "2024-02-01", "", 2, "psykiatri", PROVIDERS[i % 4]))
write("inbox/sel85/sel85.csv",
      ["CPR-nr.", "Afgørelse id", "Startdato", "Slutdato", "Timer pr. uge", "Målgruppe", "Leverandør"], rows)

rows = []
for name, places, occupied in (("Botilbud Nord", 12, 12), ("Botilbud Syd", 10, 9),
                                ("Midlertidigt botilbud (§ 107)", 8, 5)):
    for m in range(1, 13):
        days = calendar.monthrange(2024, m)[1]
        rows.append((name, f"2024-{m:02d}", places, occupied * days))
write("inbox/occupancy/belaegning_2024.csv", ["Tilbud", "Måned", "Pladser", "Belagte dage"], rows)
